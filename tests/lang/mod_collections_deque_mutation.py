# deque: mutation during iteration, comparison, recursive repr, subclasses, pickling support.
from collections import deque

d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print('RuntimeError', e)
it = iter(deque('abc'))
print(next(it), it.__length_hint__(), list(it))
print(deque([1, 2, 3]) == deque([1, 2, 3]), deque([1, 2]) < deque([1, 2, 3]), deque([1, 3]) > deque([1, 2, 9]))
print(deque([1]) == [1], deque([1, 2]) <= deque([1, 2]), deque() != deque(), deque('ab') >= deque('b'))
r = deque([1, 2])
r.append(r)
print(r)
class D(deque):
    pass
dd = D([1, 2], 4)
print(dd, dd.copy(), type(dd.copy()).__name__, type(dd + deque([3])).__name__)
print(deque([1, 2]).__reduce__()[:3], deque([1], 3).__reduce__()[1])
try:
    hash(deque())
except TypeError as e:
    print(e)
class Eq:
    def __init__(self, dq): self.dq = dq
    def __eq__(self, other):
        self.dq.clear()
        return False
q = deque([0, 1])
q.append(Eq(q))
try:
    q.count(5)
except RuntimeError as e:
    print('RuntimeError', e)
