# abc.ABCMeta on the C _abc helpers: abstract methods, register, isinstance/issubclass, caches.
import abc
import _abc
from abc import ABC, ABCMeta, abstractmethod, abstractproperty, get_cache_token

print(ABCMeta.__module__, abc._abc_init is _abc._abc_init)

class Base(ABC):
    @abstractmethod
    def f(self): ...
    @abstractmethod
    def g(self): ...
    def h(self): return 'h'

print(sorted(Base.__abstractmethods__))
try:
    Base()
except TypeError as e:
    print('TypeError', e)

class Half(Base):
    def f(self): return 'f'
print(sorted(Half.__abstractmethods__))

class Full(Half):
    def g(self): return 'g'
print(sorted(Full.__abstractmethods__), Full().f(), Full().g(), Full().h())

# abstract property and classmethod
class P(ABC):
    @property
    @abstractmethod
    def x(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
print(sorted(P.__abstractmethods__))

# virtual subclasses
class Registered: pass
tok = get_cache_token()
r = Base.register(Registered)
print(r is Registered, get_cache_token() != tok, get_cache_token() > tok)
print(issubclass(Registered, Base), isinstance(Registered(), Base))
class SubReg(Registered): pass
print(issubclass(SubReg, Base), isinstance(SubReg(), Base))
print(Base.register(Full) is Full)       # already a subclass: no-op
tok2 = get_cache_token()
Base.register(Base)
print(get_cache_token() == tok2)

# decorator form
@Half.register
class Deco: pass
print(issubclass(Deco, Half), issubclass(Deco, Base), Deco.__name__)

# negative answers, then a register invalidates them
class Later: pass
print(issubclass(Later, Base), isinstance(Later(), Base))
Base.register(Later)
print(issubclass(Later, Base), isinstance(Later(), Base))

# __subclasshook__
class Sized2(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized2:
            return any('__len__' in B.__dict__ for B in C.__mro__)
        return NotImplemented
print(issubclass(list, Sized2), issubclass(int, Sized2), isinstance([], Sized2), isinstance(3, Sized2))
class S3(Sized2): pass
print(issubclass(list, S3))  # hook returns NotImplemented for S3

# subclass of a subclass (step 6)
class Root(ABC): pass
class Mid(Root): pass
class Virtual: pass
Mid.register(Virtual)
print(issubclass(Virtual, Root), issubclass(Virtual, Mid))

# tuples and builtins
print(isinstance(1, (Base, int)), issubclass(bool, (Base, Root, int)))
print(isinstance(object(), Base), issubclass(object, Base))

# _get_dump and resets
class Q(ABC): pass
class A1: pass
class A2: pass
Q.register(A1)
print(issubclass(A1, Q), issubclass(A2, Q))
reg, cache, neg, ver = _abc._get_dump(Q)
print(sorted(w().__name__ for w in reg), sorted(w().__name__ for w in cache), sorted(w().__name__ for w in neg),
      type(ver).__name__)
_abc._reset_caches(Q)
reg, cache, neg, ver = _abc._get_dump(Q)
print(len(reg), len(cache), len(neg))
_abc._reset_registry(Q)
print(issubclass(A1, Q))
print(type(Q._abc_impl).__name__, type(Q._abc_impl))

# ABC with a metaclass keyword and __abstractmethods__ update
class M(metaclass=ABCMeta):
    @abstractmethod
    def run(self): ...
class Impl(M):
    run = None
print(sorted(M.__abstractmethods__), sorted(Impl.__abstractmethods__))
print(abc.update_abstractmethods(Impl) is Impl)

# The message names the class by __name__ (tp_name), not its qualified name.
def make_nested():
    class Inner(abc.ABC):
        @abc.abstractmethod
        def foo(self): pass
    return Inner
try:
    make_nested()()
except TypeError as e:
    print(e)
