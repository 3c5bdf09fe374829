# itertools.tee: independent iterators, copies, lazy reads, n=0.
from itertools import tee

def src():
    for i in range(5):
        print('  read', i)
        yield i
a, b = tee(src())
print(next(a), next(a))
print(list(b))
print(list(a))
x, y, z = tee('abc', 3)
print(list(x), list(y), list(z))
print(tee([1], 0))
t = tee(range(100))[0]
t2 = t.__copy__()
print(next(t), next(t), next(t2), len(list(t)), len(list(t2)))
p, q = tee(t)
print(type(p) is type(t), list(p), list(q))
big1, big2 = tee(iter(range(200)))
print(sum(big1), sum(big2))
try:
    tee([], -1)
except ValueError as e:
    print(e)
