# functools.reduce and cmp_to_key.
from functools import reduce, cmp_to_key

print(reduce(lambda a, b: a + b, [1, 2, 3, 4, 5]))
print(reduce(lambda a, b: a * b, range(1, 10), 1), reduce(max, [3, 9, 2]))
print(reduce(lambda a, b: a + b, [], 'empty'), reduce(lambda a, b: a + [b], 'abc', []))
for bad in [lambda: reduce(lambda a, b: a, []), lambda: reduce(lambda a, b: a, 5), lambda: reduce(len)]:
    try:
        bad()
    except TypeError as e:
        print(e)
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted('bca', key=cmp_to_key(lambda a, b: cmp(b, a))))
K = cmp_to_key(cmp)
print(K(1) < K(2), K(2) <= K(1), K(3) == K(3), K(obj=7).obj)
try:
    K(1) < 2
except TypeError as e:
    print(e)
try:
    hash(K(1))
except TypeError as e:
    print(e)
