# collections.OrderedDict basics (the C type from _collections; see mod_collections_odict_*.py).
from collections import OrderedDict

od = OrderedDict(a=1, b=2, c=3)
od.move_to_end('a')
print(od, list(od), od.popitem(), od.popitem(last=False))
od['z'] = 26
od.move_to_end('z', last=False)
print(od, list(reversed(od)))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
print(OrderedDict.fromkeys('xyz', 0))
