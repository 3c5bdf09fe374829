# heapq push/pop/heapify/replace/pushpop and the max-heap helpers; comparison order.
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(7)])
l = list(range(20, 0, -1))
heapq.heapify(l)
print(l)
big = list(range(5000, 0, -1))
heapq.heapify(big)
print(big[:8], all(big[i] <= big[2 * i + 1] for i in range(2499)))
print(heapq.heapreplace(l, 100), heapq.heappushpop(l, 0), heapq.heappushpop(l, 50), l[:5])
m = list(range(10))
heapq._heapify_max(m)
print(m, heapq._heappop_max(m), heapq._heapreplace_max(m, -1), m)
class Loud:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print('  lt', self.v, o.v)
        return self.v < o.v
    def __repr__(self): return 'L%d' % self.v
hh = []
for v in [3, 1, 2]:
    heapq.heappush(hh, Loud(v))
print(heapq.heappop(hh), hh)
for bad in [lambda: heapq.heappush((), 1), lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1),
            lambda: heapq.heapify(()), lambda: heapq.heappush([]), lambda: heapq.heappop([], x=1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
