"""Dict operations: insert, lookup (hit and miss, [] and get), `in`,
delete, and iteration over keys, values and items; str and int keys.

usage: dict_ops.py [N]
"""
# bench-size: default=300000 quick=5000
import sys


def run(n):
    total = 0
    keys = ["k%d" % i for i in range(n)]
    d = {}
    for i, k in enumerate(keys):
        d[k] = i
    for k in keys:
        total += d[k]
    for i in range(n):
        total += d.get(keys[i], -1) + d.get("miss", 0)
        if keys[i] in d:
            total += 1
    for k in keys[::2]:
        del d[k]
    for k in d:
        total += len(k)
    for v in d.values():
        total += v
    for k, v in d.items():
        total ^= v
    di = {}
    for i in range(n):
        di[i * 7] = i
    for i in range(n):
        total += di.get(i, 0)
    for i in range(0, n * 7, 14):
        di.pop(i)
    total += len(di) + len(d)
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
print("checksum", run(n))
