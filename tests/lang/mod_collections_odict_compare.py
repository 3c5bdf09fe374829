# OrderedDict: order-sensitive == between OrderedDicts, order-insensitive with dicts; |, |=, view set operations.
from collections import OrderedDict

a = OrderedDict([('x', 1), ('y', 2)])
b = OrderedDict([('y', 2), ('x', 1)])
d = {'y': 2, 'x': 1}
print(a == b, a != b, a == d, d == a, a != d, b == d, a == a.copy())
print(a == OrderedDict([('x', 1), ('y', 3)]), a == OrderedDict(x=1), a == [('x', 1), ('y', 2)])
print(a.keys() == b.keys(), a.items() == b.items(), a.values() == b.values(), a.keys() == d.keys())
for op in ('<', '<=', '>', '>='):
    try:
        eval('a %s b' % op)
    except TypeError as e:
        print(e)
try:
    hash(a)
except TypeError as e:
    print(e)
print(OrderedDict.__hash__, OrderedDict.__eq__(a, 5), OrderedDict.__ne__(a, b))

# Keys equal by __eq__ count as the same key in order comparison.
class Eq:
    def __init__(self, n): self.n = n
    def __hash__(self): return hash(self.n)
    def __eq__(self, o): return isinstance(o, Eq) and o.n == self.n
    def __repr__(self): return 'Eq(%d)' % self.n
print(OrderedDict([(Eq(1), 0), (Eq(2), 0)]) == OrderedDict([(Eq(1), 0), (Eq(2), 0)]))
print(OrderedDict([(Eq(1), 0), (Eq(2), 0)]) == OrderedDict([(Eq(2), 0), (Eq(1), 0)]))
print(OrderedDict([(1.0, 'a'), (2, 'b')]) == OrderedDict([(1, 'a'), (2.0, 'b')]))

# Subclasses compare like OrderedDict.
class Sub(OrderedDict):
    pass
print(Sub(a) == a, Sub(b) == a, a == Sub(b), Sub(a) == d)

# | and |= keep the left operand's order and type; values from the right win.
print(a | b, a | d, d | a, type(d | a).__name__, type(a | d).__name__)
print(a | {'z': 3}, {'z': 3} | a, Sub(a) | {'q': 0}, type(Sub(a) | {}).__name__, type({} | Sub(a)).__name__)
try:
    a | [('z', 1)]
except TypeError as e:
    print(e)
c = a.copy()
c |= [('w', 0), ('x', 9)]
c |= {'v': 1}
print(c)
try:
    c |= 5
except TypeError as e:
    print(e)
print(a.__or__(5), a.__ror__(5))

# Views are dict views: set operations, containment, reversed().
ks = OrderedDict.fromkeys('abcd').keys()
print(sorted(ks - {'a'}), sorted(ks & {'b', 'z'}), sorted(ks | {'z'}), sorted(ks ^ {'a', 'z'}))
print(ks == {'a', 'b', 'c', 'd'}, ks < {'a', 'b', 'c', 'd', 'e'}, ks.isdisjoint('xy'), ks.isdisjoint('xa'))
it = OrderedDict(a=1, b=2).items()
print(('a', 1) in it, ('a', 2) in it, sorted(it - {('a', 1)}), sorted(it | {('z', 0)}))
print(sorted(it ^ OrderedDict(a=1, c=3).items()), it == {('a', 1), ('b', 2)}, it.isdisjoint([('a', 1)]))
print(list(reversed(ks)), list(reversed(it)), list(reversed(OrderedDict(a=1, b=2).values())))
print(len(ks), len(it), 1 in OrderedDict({1: 2}).values())
m = OrderedDict.fromkeys('abc')
mk = m.keys()
m['d'] = 1
del m['a']
print(mk, len(mk), list(mk))
