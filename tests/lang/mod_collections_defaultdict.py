# defaultdict: __missing__, default_factory, repr, copy, | and errors.
from collections import defaultdict

d = defaultdict(list)
d['a'].append(1)
d['b']
print(d, d.default_factory, len(d), 'c' in d, d.get('c'))
print(defaultdict(int, a=1), defaultdict(None, [(1, 2)]), defaultdict())
c = d.copy()
c['a'].append(2)
print(type(c).__name__, c, d)
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(sorted(counts.items()))
try:
    defaultdict()['k']
except KeyError as e:
    print('KeyError', e)
print(defaultdict(int, {1: 1}) | {2: 2}, {0: 0} | defaultdict(int, {1: 1}))
d.default_factory = lambda: 'new'
print(d['z'], d.__missing__('y'), sorted(d))
class DD(defaultdict):
    pass
x = DD(set)
x[1].add(2)
print(x, isinstance(x, dict), defaultdict(list) == {})
rec = defaultdict(int)
rec.default_factory = rec
print(repr(rec))
try:
    defaultdict(1)
except TypeError as e:
    print(e)
print(defaultdict(list).__reduce__()[:4])
