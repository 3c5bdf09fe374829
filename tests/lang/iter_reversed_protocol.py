# reversed(): __reversed__ first, then the sequence protocol.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(3))))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(Rev())))
class NotRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
show(lambda: reversed(NotRev()))
show(lambda: reversed({1, 2}))
show(lambda: reversed(5))
show(lambda: reversed({}.keys().__iter__()))
class NoLen:
    def __getitem__(self, i):
        return i
show(lambda: reversed(NoLen()))
r = reversed(Seq())
print(type(r).__name__, r.__length_hint__(), next(r), r.__length_hint__(), list(r))
show(lambda: reversed())
show(lambda: reversed([1], [2]))
print(list(reversed({1: 2, 3: 4})))
