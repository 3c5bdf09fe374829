# itertools.groupby: keys, lazy groups, groups invalidated by advancing.
from itertools import groupby

print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6, 7], key=lambda x: x // 3)])
print([k for k, _ in groupby('aabbbc')])
groups = list(groupby('aabbc'))
print([(k, list(g)) for k, g in groups])
it = groupby('xxyz')
k, g = next(it)
print(k, next(g))
k2, g2 = next(it)
print(k2, list(g), list(g2))
print(list(groupby([])))
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry']
for letter, grp in groupby(words, key=lambda w: w[0]):
    print(letter, list(grp))
class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print('  eq', self.v, o.v)
        return self.v == o.v
print([(k.v, len(list(g))) for k, g in groupby([K(1), K(1), K(2)])])
