# Details of builtin descriptors and special objects, as CPython's.
import sys
from types import ModuleType

print(range(sys.maxsize).__len__() == sys.maxsize, len(range(sys.maxsize)) == sys.maxsize)
try:
    len(range(sys.maxsize + 1))
except OverflowError as e:
    print("OverflowError", e)

# module.__new__ alone makes an empty namespace.
m = ModuleType.__new__(ModuleType)
print(str(m), hasattr(m, "__name__"), hasattr(m, "__file__"), m.__dict__)
m.foo = 1
print(m.__dict__)
m2 = ModuleType("named", "its doc")
print(m2, m2.__name__, m2.__doc__, sorted(m2.__dict__))


# Deleting an instance __dict__ is allowed: the attributes go.
class C(object):
    pass


a = C()
a.__dict__ = {'b': 1}
print(a.b)
del a.__dict__
print(a.__dict__, hasattr(a, "b"))
a.c = 3
print(a.__dict__)

# method-wrapper objects know their class.
l = []
print(l.__add__.__objclass__, l.__add__.__name__, l.__add__.__self__ is l, (1).__add__.__objclass__)

# __slots__ names must be identifiers.
for s in ["foo bar", "1", "", "a-b", "ok_name", "_x", "é"]:
    try:
        type("X", (), {"__slots__": [s]})
        print(repr(s), "ok")
    except TypeError as e:
        print(repr(s), e)
try:
    type("X", (), {"__slots__": [1]})
except TypeError as e:
    print(e)
