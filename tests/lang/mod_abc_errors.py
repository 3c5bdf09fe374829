# _abc error behaviour, weak caches, collection flags for pattern matching.
# gcstress-every: 20
import abc, _abc, gc
from abc import ABC, ABCMeta, abstractmethod
from collections.abc import Sequence, Mapping, MutableSequence, Sized, Iterable, Hashable

def show(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)

class A(ABC): pass
class B(A): pass
show(lambda: A.register(1))
show(lambda: A.register(A()))
show(lambda: B.register(A))
show(lambda: issubclass(1, A))
show(lambda: issubclass(A(), A))
show(lambda: _abc._abc_subclasscheck(A, 1))
show(lambda: _abc._abc_register(A))
show(lambda: _abc._abc_instancecheck(A))
show(lambda: _abc._abc_init())
show(lambda: _abc._get_dump(int))
show(lambda: _abc._reset_caches(1))
show(lambda: _abc.get_cache_token(1))

class Wrong(ABC): pass
Wrong._abc_impl = 5
show(lambda: issubclass(int, Wrong))
show(lambda: isinstance(1, Wrong))

class BadHook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1
show(lambda: issubclass(int, BadHook))

class RaisingHook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        raise KeyError('hook')
show(lambda: issubclass(int, RaisingHook))
show(lambda: isinstance(1, RaisingHook))

class BadSubclasses(ABCMeta):
    def __subclasses__(cls):
        return ()
class X(metaclass=BadSubclasses): pass
show(lambda: issubclass(int, X))

# __class__ different from type(): both are checked
class Liar:
    @property
    def __class__(self):
        return int
class IntLike(ABC): pass
IntLike.register(int)
print(isinstance(Liar(), IntLike), isinstance(1, IntLike), issubclass(Liar, IntLike))

# virtual subclasses made in a function
class Holder(ABC): pass
def make():
    class Temp: pass
    Holder.register(Temp)
    class Other: pass
    return issubclass(Temp, Holder), issubclass(Other, Holder)
print(make())
reg, cache, neg, _ = _abc._get_dump(Holder)
print(len(reg), len(cache), len(neg))

# many classes in the caches (table growth)
class Many(ABC): pass
classes = [type('K%d' % i, (), {}) for i in range(200)]
for c in classes[::2]:
    Many.register(c)
print(sum(issubclass(c, Many) for c in classes), sum(isinstance(c(), Many) for c in classes))
print(sum(issubclass(c, Many) for c in classes))
reg, cache, neg, _ = _abc._get_dump(Many)
print(len(reg), len(cache), len(neg))

# collection flags: registered classes match sequence/mapping patterns
class MySeq:
    def __len__(self): return 2
    def __getitem__(self, i):
        if i < 2: return i
        raise IndexError
class MyMap:
    def __len__(self): return 1
    def __getitem__(self, k): return 1
    def keys(self): return ['a']
    def get(self, k, d=None): return 1
class SubSeq(MySeq): pass
def kind(x):
    match x:
        case [a, b]:
            return 'seq %r %r' % (a, b)
        case {'a': v}:
            return 'map %r' % v
        case _:
            return 'other'
print(kind(MySeq()), kind(MyMap()), kind(SubSeq()))
Sequence.register(MySeq)
Mapping.register(MyMap)
print(kind(MySeq()), kind(MyMap()), kind(SubSeq()))
class Later(MySeq): pass
print(kind(Later()))

# builtin ABCs
print(isinstance([], Sequence), isinstance((), MutableSequence), isinstance({}, Mapping), isinstance('', Sized))
print(isinstance(iter([]), Iterable), isinstance([], Hashable), isinstance(1, Hashable), issubclass(dict, Mapping))

# __abc_tpflags__ both bits
class Both(ABC):
    pass
Both.__abc_tpflags__ = (1 << 5) | (1 << 6)
show(lambda: _abc._abc_init(Both))
# ... and in the class body
from collections.abc import Collection, Mapping
def both_in_body():
    class Both2(Collection):
        __abc_tpflags__ = Sequence.__flags__ | Mapping.__flags__
show(both_in_body)
