# count, index and the other tuple methods.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(5), t.index(3), t.index(2, 2), t.index(1, -2))
show(lambda: t.index(9))
show(lambda: t.index(3, 3))
show(lambda: t.index(2, 0, 1))
print(t.__getnewargs__(), len(t), 2 in t, 9 not in t)
print(((1, 2), [3]).count([3]))
nan = float("nan")
print((nan,).count(nan), (nan,).index(nan))
