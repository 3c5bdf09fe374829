# OrderedDict: __reduce__ / __reduce_ex__ (what pickle uses), copy.copy, copy.deepcopy, iterator __reduce__.
# (pickle itself is exercised outside the test suite: importing pickle.py is too slow under GC stress.)
from collections import OrderedDict
import copy
import copyreg

od = OrderedDict([('b', [1]), ('a', 2), ('c', OrderedDict(x=1))])
od.move_to_end('b')
r = od.__reduce__()
print(r[0], r[1], r[2], r[3], type(r[4]).__name__, list(r[4]))
od.note = 'hi'
r = od.__reduce__()
print(r[2], list(r[4]))

# Rebuild an object from __reduce_ex__(proto) as pickle's loader does.
def rebuild(obj, proto):
    rv = obj.__reduce_ex__(proto)
    func, args = rv[0], rv[1]
    state = rv[2] if len(rv) > 2 else None
    items = rv[4] if len(rv) > 4 else None
    if func is copyreg.__newobj__:
        new = args[0].__new__(*args)
    else:
        new = func(*args)
    if state:
        if isinstance(state, tuple):
            state = state[0]
        new.__dict__.update(state)
    for k, v in items or ():
        new[k] = v
    return new

for proto in range(6):
    p = rebuild(od, proto)
    print(proto, p, p == od, list(p) == list(od), p.note, type(p['c']).__name__)

c = copy.copy(od)
dc = copy.deepcopy(od)
print(c, c.note, c['b'] is od['b'], dc == od, dc['b'] is od['b'], dc.note, dc['c'] is od['c'])

# Recursive structures survive deepcopy.
rec = OrderedDict()
rec['me'] = rec
rec['list'] = [rec]
dr = copy.deepcopy(rec)
print(dr['me'] is dr, dr['list'][0] is dr, dr is not rec, dr)

# Subclasses keep their type, attributes and order.
class Sub(OrderedDict):
    pass
s = Sub([(3, 'c'), (1, 'a')])
s.attr = [1, 2]
for proto in (0, 2, 5):
    p = rebuild(s, proto)
    print(type(p).__name__, p, p.attr)
print(copy.deepcopy(s), copy.copy(s).attr, copy.deepcopy(s).attr is not s.attr)

# Iterators reduce to iter(list of what is left).
for meth in ('keys', 'values', 'items'):
    it = iter(getattr(od, meth)())
    next(it)
    red = it.__reduce__()
    print(red[0] is iter, red[1], list(it))
rit = reversed(od)
print(rit.__reduce__()[1], list(rit), iter(OrderedDict()).__reduce__())
