# OrderedDict subclasses: which methods go through overridden dunders, __dict__, weakrefs, __slots__, __missing__.
from collections import OrderedDict
import weakref

log = []
class Logged(OrderedDict):
    def __setitem__(self, k, v):
        log.append(('set', k))
        super().__setitem__(k, v)
    def __getitem__(self, k):
        log.append(('get', k))
        return super().__getitem__(k)
    def __delitem__(self, k):
        log.append(('del', k))
        super().__delitem__(k)
    def __contains__(self, k):
        log.append(('in', k))
        return super().__contains__(k)

def show(label, f):
    del log[:]
    try:
        r = f()
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, e)
    print(label, r, log)

L = Logged
show('init', lambda: L([('a', 1)], b=2))
show('init dict', lambda: L({'a': 1, 'b': 2}))
show('init odict', lambda: L(OrderedDict(c=3)))
x = L(a=1, b=2, c=3)
show('update', lambda: x.update({'d': 4}, e=5))
show('ior', lambda: x.__ior__([('f', 6)]))
show('setdefault old', lambda: x.setdefault('a', 9))
show('setdefault new', lambda: x.setdefault('g', 7))
show('pop', lambda: x.pop('g'))
show('pop missing', lambda: x.pop('zz', 0))
show('popitem', lambda: x.popitem())
show('popitem first', lambda: x.popitem(last=False))
show('move_to_end', lambda: x.move_to_end('b'))
show('copy', lambda: x.copy())
show('repr', lambda: repr(x))
show('fromkeys', lambda: L.fromkeys('pq', 0))
show('or', lambda: x | {'z': 0})
show('ror', lambda: {'z': 0} | x)
show('eq', lambda: x == OrderedDict(x))
show('items', lambda: list(x.items()))
show('values', lambda: list(x.values()))
show('get', lambda: x.get('c'))
show('clear', lambda: x.clear())

# A subclass's repr uses its own name and items().
class Named(OrderedDict):
    def items(self):
        return [('fake', 0)]
print(Named(a=1), repr(Named()), Named(a=1).copy())

# __missing__ works as for dict subclasses.
class Default(OrderedDict):
    def __missing__(self, k):
        self[k] = v = len(self)
        return v
dd = Default()
print(dd['x'], dd['y'], dd['x'], dd)

# Instances have a __dict__ and take weak references.
od = OrderedDict(a=1)
print(od.__dict__, hasattr(od, 'attr'))
od.attr = 5
od.__dict__['other'] = 6
print(od.__dict__, od.attr, vars(od))
od.__dict__ = {'fresh': 1}
print(od.fresh, hasattr(od, 'attr'))
for bad in (None, 5):
    try:
        od.__dict__ = bad
    except TypeError as e:
        print(e)
try:
    del od.__dict__
except TypeError as e:
    print(e)
r = weakref.ref(od)
print(r() is od, weakref.proxy(od)['a'])
s = L(q=1)
s.tag = 't'
print(s.tag, weakref.ref(s)() is s)

class Slotted(OrderedDict):
    __slots__ = ('extra',)
sl = Slotted(a=1)
sl.extra = 2
print(sl, sl.extra)

# Subclasses of subclasses, and a class that overrides keys() for update().
class Deep(L):
    pass
show('deep', lambda: Deep([(1, 2)]))
class K(OrderedDict):
    def keys(self):
        return ['only']
    def __getitem__(self, k):
        return 'K'
print(OrderedDict(K(only=1, other=2)), dict(K(only=1)))
print(isinstance(L(), dict), issubclass(Deep, OrderedDict), type(L().keys()).__name__)
