# deque: both ends, indexing, insert/remove/index/count, copy, concatenation and repetition.
from collections import deque

d = deque()
for i in range(6):
    d.append(i)
    d.appendleft(-i)
print(d, len(d), d[0], d[-1], d[3])
print(d.pop(), d.popleft(), d)
d.extend('ab')
d.extendleft('xy')
print(d)
e = deque('abcdef')
del e[2]
e[0] = 'Z'
e.insert(2, 'X')
e.insert(-1, 'Y')
e.insert(100, 'E')
e.insert(-100, 'S')
print(e)
e.remove('X')
print(e, e.index('Y'), e.count('b'), 'b' in e, 'q' in e, e.index('b', 1, 4))
e.reverse()
print(e)
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 3, 2 * deque([7]), deque() * 5)
f = deque([1])
f += [2, 3]
f *= 2
print(f, bool(deque()), bool(f))
g = f.copy()
g.append(9)
print(f, g, list(reversed(g)))
d.clear()
print(d, d.maxlen)
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1])['a'],
            lambda: deque([1]).remove(2), lambda: deque([1]).index(3), lambda: deque([1]) + [2]]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
