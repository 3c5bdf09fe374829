def trigger(n):
    if n == 0:
        return 1 / 0
    if n == 1:
        return [][1]
    if n == 2:
        return {}["key"]
    return int("nope")


for n in range(4):
    try:
        trigger(n)
    except (ZeroDivisionError, IndexError) as e:
        print(n, "arith/index:", type(e).__name__, e)
    except (KeyError, ValueError) as e:
        print(n, "key/value:", type(e).__name__, e)
