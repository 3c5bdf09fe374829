"""List operations: append, indexing and index assignment, slicing, pop,
comprehensions, `in` on a short list, and len.

usage: list_ops.py [N]
"""
# bench-size: default=1000000 quick=10000
import sys


def run(n):
    total = 0
    a = []
    for i in range(n):
        a.append(i)
    for i in range(n):
        a[i] = a[i] + a[i - 1]
    for i in range(0, n, 10):
        s = a[i:i + 10]
        total += s[0] + s[-1] + len(s)
    b = [x * 2 for x in a if x & 1]
    total += len(b) + b[-1]
    c = [[i, i + 1] for i in range(n // 4)]
    total += sum(p[1] for p in c)
    small = [3, 1, 4, 1, 5, 9, 2, 6]
    for i in range(n):
        if i % 10 in small:
            total += 1
    while a:
        total += a.pop()
    q = list(range(100))
    for i in range(n // 10):
        q.append(q.pop(0) + 1)
    total += q[0] + q[-1]
    r = list(range(n // 10))
    r.reverse()
    total += r[0] + r.index(5)
    return total & 0xFFFFFFFFFFFF


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
print("checksum", run(n))
