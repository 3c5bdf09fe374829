# Classes get a __weakref__ descriptor where CPython's do (no weak-reference
# list in the base yet), and it gives the first weak reference or None.
import types
import weakref

for b in [object, set, frozenset, type, int, str, tuple, bytes, list, dict, types.ModuleType, Exception,
          float, bytearray]:
    S = type('S', (b,), {})
    print(b.__name__, '__weakref__' in S.__dict__, '__dict__' in S.__dict__)


class A:
    def meth(self):
        pass


print(sorted(A.__dict__))
a = A()
print(a.__weakref__)
r = weakref.ref(a)
print(a.__weakref__ is r)
try:
    a.__weakref__ = None
except AttributeError as e:
    print("AttributeError", e)


class W(object):
    __slots__ = ["__weakref__"]


class D(object):
    __slots__ = ["__dict__"]


class C1(W, D):
    __slots__ = []


class C2(D, W):
    __slots__ = []


print(hasattr(W(), "__weakref__"), hasattr(W(), "__dict__"), hasattr(D(), "__weakref__"))
print(hasattr(C1(), "__weakref__"), hasattr(C1(), "__dict__"), hasattr(C2(), "__weakref__"))


class SA(object):
    __slots__ = ()


class SB(object):
    pass


class SC(SA, SB):
    __slots__ = ()


print(hasattr(SC, '__dict__'), hasattr(SC, '__weakref__'), '__weakref__' in SC.__dict__, '__weakref__' in SB.__dict__)


class Sub(A):
    pass


print('__weakref__' in Sub.__dict__, '__dict__' in Sub.__dict__)
