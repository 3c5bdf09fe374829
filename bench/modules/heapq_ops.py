"""heapq: push/pop a priority queue, heapify, nsmallest and merge.

usage: heapq_ops.py [N]
"""
# bench-size: default=200000 quick=10000
import heapq
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
h = []
total = 0
for i in range(n):
    heapq.heappush(h, (i * 7919) % 100003)
    if i % 3 == 2:
        total += heapq.heappop(h)
data = [(i * 31337) % 65521 for i in range(n)]
heapq.heapify(data)
total += sum(heapq.nsmallest(10, data)) + sum(heapq.nlargest(10, data))
total += sum(list(heapq.merge(sorted(data[:1000]), sorted(data[1000:2000])))[:50])
print("checksum", total)
