# gcstress-every: 100
# dataclasses: generated __init__/__repr__/__eq__/order/hash, fields and
# defaults, frozen, slots and kw_only classes, inheritance, helper functions
# and the errors, all built by exec of generated source on Taipan.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, make_dataclass, FrozenInstanceError, KW_ONLY, InitVar, is_dataclass
from typing import List, ClassVar
import dataclasses, inspect

@dataclass(order=True)
class P:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list, compare=False)
    K: ClassVar[int] = 3

p = P(1, 2)
print(p, repr(p), p == P(1, 2), p < P(1, 3), p != P(2, 2))
print(asdict(p), astuple(p), replace(p, y=9))
print([(f.name, f.type, f.default is dataclasses.MISSING, f.default_factory is dataclasses.MISSING, f.compare) for f in fields(P)])
print(P.__init__.__qualname__, P.__repr__.__name__, P.__eq__.__doc__)
print(inspect.signature(P), P.__doc__, P.__match_args__)
@dataclass(frozen=True)
class F:
    a: int
    b: str = 'x'
f = F(1)
try:
    f.a = 2
except FrozenInstanceError as e:
    print('frozen', e)
try:
    del f.b
except FrozenInstanceError as e:
    print('frozen', e)
print(hash(f) == hash(F(1)), f == F(1, 'x'), {f: 1}[F(1)])
Q = make_dataclass('Q', [('u', int), ('v', float, field(default=1.5))], namespace={'double': lambda self: self.u * 2})
print(Q(3), Q(3).double(), is_dataclass(Q), is_dataclass(Q(1)), is_dataclass(int))
@dataclass(slots=True, kw_only=True)
class S:
    a: int
    b: int = 2
s = S(a=1)
print(s, S.__slots__, hasattr(s, '__dict__'))
try:
    S(1)
except TypeError as e:
    print('TypeError', e)
@dataclass
class D(P):
    z: int = 5
print(D(1, 2, [], 3), fields(D)[-1].name)
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 1
    c: InitVar[int] = 0
    def __post_init__(self, c):
        self.total = self.a + self.b + c
k = K(1, b=2, c=3)
print(k, k.total)
@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)
@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: list = field(hash=False, default=None)
print(hash(UH(1)) == hash(UH(1, [2])))
for bad in ["@dataclass\nclass Bad:\n    a: int = 1\n    b: int\n",
            "@dataclass\nclass Bad2:\n    a: list = []\n",
            "@dataclass(order=True, eq=False)\nclass Bad3:\n    a: int\n",
            "@dataclass(frozen=True)\nclass Bad4(P):\n    pass\n"]:
    try:
        exec(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
@dataclass
class R:
    r: 'R' = None
x = R(); x.r = x
print(x)
try:
    fields(1)
except TypeError as e:
    print('TypeError', e)
print(field().default is dataclasses.MISSING, field(default=1).default)

# Slot descriptors are member descriptors (types.MemberDescriptorType), not defaults.
import types
class WithSlot:
    __slots__ = ('x',)
print(type(WithSlot.__dict__['x']) is types.MemberDescriptorType, types.MemberDescriptorType.__name__)
print(type(types.FunctionType.__dict__['__globals__']).__name__, type(types.FunctionType.__dict__['__closure__']).__name__)
@dataclass
class SlotDC:
    __slots__ = ('x',)
    x: int
try:
    SlotDC()
except TypeError as e:
    print(e)
print(SlotDC(3).x)

# The generated __hash__ is hash of the field tuple.
@dataclass(frozen=True)
class Empty: pass
@dataclass(unsafe_hash=True)
class One:
    a: int
print(hash(Empty()) == hash(()), hash(One(5)) == hash((5,)))
