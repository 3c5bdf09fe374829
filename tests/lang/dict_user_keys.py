# User-defined __hash__/__eq__ keys in dicts and sets, including an __eq__
# that mutates the dict during lookup.
class K:
    def __init__(self, v, h=None):
        self.v = v
        self.h = v if h is None else h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v
    def __repr__(self):
        return "K(%r)" % self.v
d = {K(1): "a", K(2, 1): "b", K(3, 1): "c"}
print(d[K(1)], d[K(2, 1)], d[K(3, 1)], K(4, 1) in d, len(d))
del d[K(2, 1)]
print(d, K(3, 1) in d)
s = {K(1), K(1), K(2, 1), K(2, 1)}
print(len(s), K(2, 1) in s, K(9, 1) in s)
class Counting:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        Counting.calls += 1
        return hash(self.v)
    def __eq__(self, other):
        return self.v == getattr(other, "v", other)
e = {Counting(1): 1}
e[Counting(2)] = 2
_ = e.get(Counting(1))
print(Counting.calls, e.get(1), e.get(Counting(2)))
victim = {}
class Evil:
    def __hash__(self):
        return 42
    def __eq__(self, other):
        victim.clear()
        return False
victim[Evil()] = 1
victim[Evil()] = 2
print(len(victim))
class BadHash:
    def __hash__(self):
        raise RuntimeError("hash failed")
try:
    {BadHash(): 1}
except RuntimeError as ex:
    print("RuntimeError", ex)
class BadEq:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        raise ValueError("eq failed")
f = {BadEq(): 1}
try:
    f[BadEq()]
except ValueError as ex:
    print("ValueError", ex)
print(1 in {1.0: "x"}, {1: 2}.get(True), hash(1.0) == hash(1))
class Sub(dict):
    def __setitem__(self, k, v):
        print("setitem", k)
        super().__setitem__(k, v)
x = Sub()
x.update({1: 2})
x[3] = 4
x.setdefault(5, 6)
print(x)

# __hash__ returning another object's hash keeps it, even beyond the small-int range.
class SameHash:
    def __init__(self, other): self.other = other
    def __hash__(self): return hash(self.other)
for other in [(), (1, "a"), "text", 2**62 + 5, -(2**63), 2**63 - 1]:
    print(hash(SameHash(other)) == hash(other))
class BigHash:
    def __hash__(self): return 2**64 + 7
print(hash(BigHash()) == hash(2**64 + 7), hash(BigHash()))
class MinusOne:
    def __hash__(self): return -1
print(hash(MinusOne()))
# setdefault compares once (bpo-13521).
class Counted:
    def __init__(self):
        self.eqs = 0
    def __hash__(self):
        return 42
    def __eq__(self, other):
        self.eqs += 1
        return self is other
c1, c2 = Counted(), Counted()
y = {c1: 5}
y.setdefault(c2, [])
print(c1.eqs + c2.eqs)
# A __hash__ result that fits 64 bits is used as it is: a key hashing as a str
# finds that str.
class LikeStr:
    def __hash__(self):
        return hash("key3")
    def __eq__(self, other):
        return other == "key3"
print({"key3": 44}.get(LikeStr()), hash(LikeStr()) == hash("key3"))
class Big:
    def __hash__(self):
        return 2**63 - 1
class Bigger:
    def __hash__(self):
        return 2**64 + 5
print(hash(Big()), hash(Bigger()))
# update() notices the other dict changing under it.
class Clearing:
    def __hash__(self):
        return 0
    def __eq__(self, o):
        other.clear()
        return False
other = dict((i, 0) for i in range(1, 50))
other[Clearing()] = 0
try:
    {Clearing(): 0, 1: 1}.update(other)
except RuntimeError as e:
    print("RuntimeError", e)
# dict.fromkeys(set) reuses the set's hashes.
class HashCounting(int):
    count = 0
    def __hash__(self):
        HashCounting.count += 1
        return int.__hash__(self)
s = set(map(HashCounting, range(10)))
before = HashCounting.count
print(dict.fromkeys(s) == dict.fromkeys(range(10)), dict.fromkeys(frozenset(s), 1)[3], HashCounting.count - before)
