values = [1, -2.5, "s", [1], (1,), {"a": 1}, {1}, None, True, range(3)]
for v in values:
    print(repr(v), isinstance(v, int), isinstance(v, float), isinstance(v, str),
          isinstance(v, (list, tuple)), isinstance(v, dict))
print(isinstance(True, bool), isinstance(None, type(None)))
print(type(3) == int, type(True) == int, type("") is str)

# __subclasscheck__ on an object that is not a class (typing.List).
class AnyCheck:
    def __subclasscheck__(self, c): return c is int
    def __instancecheck__(self, o): return o == 3
print(issubclass(int, AnyCheck()), issubclass(str, AnyCheck()), isinstance(3, AnyCheck()))
import typing
print(issubclass(list, typing.List), issubclass(tuple, typing.Tuple), issubclass(dict, typing.List))

# __class__ overridden by the instance: isinstance believes it (unittest.mock's spec).
class Proxy:
    @property
    def __class__(self): return int
print(isinstance(Proxy(), int), isinstance(Proxy(), Proxy), isinstance(Proxy(), str))
print(isinstance(Proxy(), (str, int)), int.__instancecheck__(Proxy()))

# "Abstract" classes: objects with a __bases__ tuple.
class Abstract:
    def __init__(self, *bases): self.__bases__ = bases
a = Abstract(); b = Abstract(a); c = Abstract(Abstract(), b)
print(issubclass(c, a), issubclass(b, a), issubclass(a, b), issubclass(c, (b,)))
for args in [(1, a), (c, 1)]:
    try:
        issubclass(*args)
    except TypeError as e:
        print(e)
