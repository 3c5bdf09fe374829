# `in`, count() and index() on ranges, for ints and other values.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
r = range(0, 20, 5)
print(5 in r, 6 in r, 20 in r, -5 in r, 15.0 in r, 15.5 in r, "a" in r, True in range(2))
print(r.count(10), r.count(11), r.count(10.0), r.index(15), r.index(15.0), range(5).index(True))
show(lambda: r.index(3))
show(lambda: r.index("x"))
n = range(10, -10, -4)
print(list(n), 6 in n, 5 in n, -10 in n, -6 in n, n.index(-6))
class Eq:
    def __eq__(self, other):
        return other == 3
print(Eq() in range(5), range(5).count(Eq()), range(5).index(Eq()))
print(range(0) .count(0), 0 in range(0))
