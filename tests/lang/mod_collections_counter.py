# collections.Counter, which counts with _collections._count_elements.
from collections import Counter

c = Counter('abracadabra')
print(sorted(c.items()), c.most_common(2), c['z'])
c.update('aaa')
c.subtract({'b': 5})
print(sorted(c.items()))
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter('aab') & Counter('abb'), Counter('aab') | Counter('abb'))
print(sorted(Counter('hello world').elements()))
print(Counter([1, 1, 2]).total(), +Counter(a=-1, b=2))
class Loud(dict):
    def __setitem__(self, k, v):
        print('  set', k, v)
        dict.__setitem__(self, k, v)
from _collections import _count_elements
m = Loud()
_count_elements(m, 'aab')
print(m)
