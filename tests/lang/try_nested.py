def risky(kind):
    if kind == "value":
        raise ValueError("bad value")
    if kind == "type":
        raise TypeError("bad type")
    return "ok"


for kind in ["none", "value", "type"]:
    try:
        try:
            print(risky(kind))
        except ValueError as e:
            print("inner caught:", e)
        finally:
            print("inner finally for", kind)
    except TypeError as e:
        print("outer caught:", e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        print("handling, then failing again")
        [][0]
except IndexError as e:
    print("outer got IndexError:", e)
