# slice objects: repr, attributes, indices(), comparisons, hashing.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
s = slice(1, 10, 2)
print(s, slice(5), slice(None), slice(1, None), slice("a", [1], None))
print(s.start, s.stop, s.step, slice(3).start, slice(3).stop)
print(slice(None).indices(10), slice(-3, None).indices(10), slice(None, None, -1).indices(10))
print(slice(2, 100, 3).indices(5), slice(-100, -50).indices(5), slice(5, 1, -2).indices(3))
print(slice(None, None, -1).indices(0), slice(2**70, -2**70, -1).indices(10), slice(0, 10).indices(2**70))
show(lambda: slice(None, None, 0).indices(5))
show(lambda: slice(1, 2).indices(-1))
show(lambda: slice("a").indices(3))
show(lambda: slice(1.5, 2).indices(3))
show(lambda: hash(slice(1)))
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3), slice(0) <= slice(0))
show(lambda: slice(1, 2) < slice("a"))
show(lambda: slice())
show(lambda: slice(1, 2, 3, 4))
class Items:
    def __getitem__(self, k):
        return k
x = Items()
print(x[1:2], x[::3], x[:], x[1:2, 3], x[..., 1:])
print([0, 1, 2, 3, 4, 5][slice(1, None, 2)], "abcdef"[slice(None, None, -2)])
