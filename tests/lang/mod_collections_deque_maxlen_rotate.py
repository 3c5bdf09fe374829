# deque with maxlen (items fall off the other end) and rotate.
from collections import deque

d = deque(range(10), maxlen=5)
print(d, d.maxlen)
d.append(10)
d.appendleft(-1)
print(d)
d.extend([20, 21])
print(d)
d.extendleft('ab')
print(d)
print(deque([1, 2, 3], maxlen=4) * 3)
z = deque(maxlen=0)
z.append(1)
z.extend(range(3))
print(z)
try:
    deque([1], 1).insert(0, 2)
except IndexError as e:
    print(e)
r = deque(range(8))
r.rotate(3)
print(r)
r.rotate(-5)
print(r)
r.rotate(100)
print(r)
r.rotate()
print(r)
big = deque(range(1000))
big.rotate(333)
print(big[0], big[999], sum(big))
for _ in range(600):
    big.popleft()
print(len(big), big[0], big[-1])
for bad in [lambda: deque([], -1), lambda: deque([], 'a'), lambda: r.rotate('x'), lambda: r.rotate(1, 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
