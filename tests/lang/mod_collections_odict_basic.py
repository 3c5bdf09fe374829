# collections.OrderedDict: construction, order, the methods dict lacks, and their errors.
from collections import OrderedDict
import _collections

print(OrderedDict is _collections.OrderedDict, OrderedDict.__module__, OrderedDict.__name__)
print(OrderedDict.__mro__, OrderedDict.__doc__)
print(type(OrderedDict().keys()).__mro__, type(OrderedDict().values()).__mro__)
print(type(OrderedDict().items()).__mro__, type(iter(OrderedDict())))

# Construction: pairs, mappings, keywords (in order), objects with keys().
print(OrderedDict(), OrderedDict([('b', 1), ('a', 2)]), OrderedDict({'x': 1, 'y': 2}, z=3))
print(OrderedDict(c=1, b=2, a=3), OrderedDict([['k', 'v'], 'ab', ('k', 'w')]))
print(OrderedDict(OrderedDict(a=1)), OrderedDict(iter([(1, 2), (3, 4)])))
class KeysOnly:
    def keys(self): return ['p', 'q']
    def __getitem__(self, k): return k * 2
class ItemsOnly:
    def items(self): return [('i', 1), ('j', 2)]
print(OrderedDict(KeysOnly()), OrderedDict(ItemsOnly()))
for bad in ([()], [(1,)], [(1, 2, 3)], [1], 5, [iter([])]):
    try:
        OrderedDict(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    OrderedDict({}, {})
except TypeError as e:
    print(e)

# Setting an existing key keeps its place; a deleted and re-added key goes last.
od = OrderedDict.fromkeys('abcde', 0)
od['c'] = 3
del od['b']
od['b'] = 2
print(od, len(od), 'c' in od, 'z' in od, od.get('c'), od['a'], list(od))
try:
    od['zz']
except KeyError as e:
    print('KeyError', e)
try:
    del od['zz']
except KeyError as e:
    print('KeyError', e)

# move_to_end both ways.
od.move_to_end('a')
od.move_to_end('e', last=False)
od.move_to_end('e', last=False)
od.move_to_end('a', True)
od.move_to_end('d', 0)
print(od)
for k, last in (('nope', True), ('nope', False)):
    try:
        od.move_to_end(k, last)
    except KeyError as e:
        print('KeyError', repr(e))
try:
    OrderedDict().move_to_end('x')
except KeyError as e:
    print('KeyError', repr(e))
try:
    od.move_to_end([])
except TypeError as e:
    print(e)

# popitem from both ends, pop, setdefault.
od = OrderedDict(zip('abcdef', range(6)))
print(od.popitem(), od.popitem(last=False), od.popitem(False), od.popitem(last=1), od)
print(od.pop('c'), od.pop('zz', 'dflt'), od.pop(key='d', default=None), od)
try:
    od.pop('zz')
except KeyError as e:
    print('KeyError', e)
try:
    OrderedDict().pop([], 1)
except TypeError as e:
    print(e)
print(od.pop('d', 'gone'), od)
print(od.setdefault('new'), od.setdefault('new', 5), od.setdefault('n2', 7), od)
e = OrderedDict()
for last in (True, False):
    try:
        e.popitem(last)
    except KeyError as ex:
        print('KeyError', ex)

# clear, copy, fromkeys, update, __sizeof__.
c = od.copy()
od.clear()
print(od, c, type(c), c is not od, len(od))
print(OrderedDict.fromkeys('xyz'), OrderedDict.fromkeys(range(3), []), OrderedDict.fromkeys({'q': 1, 'p': 2}, 0))
u = OrderedDict(a=1)
u.update([('b', 2)], c=3)
u.update({'a': 10, 'd': 4})
u.update(OrderedDict(e=5), a=11)
u.update()
u.update(KeysOnly())
u.update(ItemsOnly())
print(u)
try:
    u.update({}, {})
except TypeError as e:
    print(e)
try:
    u.update(1)
except TypeError as e:
    print(e)
print(OrderedDict(a=1).__sizeof__() > {'a': 1}.__sizeof__())
print(OrderedDict[int, str], OrderedDict[int].__origin__)

# repr: empty, nested, recursive, of views.
r = OrderedDict(a=[1, 2], b=OrderedDict(x=None))
r['self'] = r
print(r, repr(OrderedDict()), str(OrderedDict(a=1)))
print(r.keys(), r.values(), OrderedDict(a=1).items())
v = OrderedDict()
v['v'] = v.values()
print(v)
