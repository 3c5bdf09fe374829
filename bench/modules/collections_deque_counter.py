"""collections: a deque as a sliding window and queue, Counter over words, defaultdict grouping.

usage: collections_deque_counter.py [N]
"""
# bench-size: default=300000 quick=10000
import sys
from collections import Counter, defaultdict, deque

n = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
window = deque(maxlen=50)
queue = deque()
total = 0
for i in range(n):
    window.append(i % 101)
    queue.append(i)
    if i % 3 == 0:
        total += queue.popleft()
    if i % 1000 == 0:
        total += sum(window)
        queue.rotate(7)
words = ("the quick brown fox jumps over the lazy dog and the cat " * (n // 100)).split()
c = Counter(words)
groups = defaultdict(list)
for w in words[:n // 10]:
    groups[len(w)].append(w)
print("checksum", total, c.most_common(3), sorted((k, len(v)) for k, v in groups.items()))
