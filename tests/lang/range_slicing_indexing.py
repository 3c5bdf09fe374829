# Indexing and slicing ranges gives ints and ranges.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
r = range(2, 30, 3)
print(r[0], r[-1], r[3], len(r), r[2:5], r[::2], r[::-1], r[5:1:-2], r[100:], r[-3:])
print(list(r[1:4]), list(r[::-3]))
show(lambda: r[len(r)])
show(lambda: r[-len(r) - 1])
show(lambda: r["a"])
show(lambda: r[1.0])
show(lambda: r[::0])
e = range(0)
print(e[:], e[::-1], len(e), list(e))
n = range(10, 0, -2)
print(list(n), n[1], n[-1], n[1:3], n[::-1], list(n[::-1]))
print(range(5)[True], range(5)[-True])
class I:
    def __index__(self):
        return 2
print(range(10)[I()], range(I()), range(1, 10)[I():])
