"""Sorting: list.sort and sorted on ints (random and nearly sorted), strs,
with key= (a lambda and len), reverse=True, and tuples.

usage: sorting.py [N]
"""
# bench-size: default=200000 quick=5000
import sys


def run(n):
    x = 12345
    ints = []
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        ints.append(x % 1000003)
    strs = ["s%07d" % v for v in ints]
    tuples = [(v % 100, s) for v, s in zip(ints, strs)]
    total = 0
    a = sorted(ints)
    total += a[0] + a[n // 2] + a[-1]
    b = a[:]
    b[n // 3], b[2 * n // 3] = b[2 * n // 3], b[n // 3]
    b.sort()
    total += b[n // 3]
    c = sorted(strs)
    total += len(c[0]) + int(c[n // 2][1:])
    d = sorted(ints, key=lambda v: -v)
    total += d[0]
    e = sorted(strs, key=len, reverse=True)
    total += int(e[-1][1:])
    f = sorted(tuples)
    total += f[0][0] + f[-1][0] + int(f[n // 2][1][1:])
    g = sorted(ints, reverse=True)
    total += g[1]
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
print("checksum", run(n))
