"""String building: str.join over a list, f-strings, % formatting and +=
accumulation.

usage: str_build.py [N]
"""
# bench-size: default=1200000 quick=10000
import sys


def run(n):
    total = 0
    # join of a list of pieces
    parts = []
    for i in range(n):
        parts.append(str(i))
        if len(parts) == 100:
            total += len(",".join(parts))
            parts = []
    # f-strings
    for i in range(n):
        s = f"item {i}: {i * 2} ({i % 7:03d}) {'odd' if i & 1 else 'even'}"
        total += len(s)
    # += on a local string, reset every 200 pieces
    acc = ""
    for i in range(n):
        acc += "ab"
        acc += str(i % 10)
        if len(acc) > 600:
            total += len(acc)
            acc = ""
    # % formatting
    for i in range(n // 2):
        total += len("%d-%s-%x" % (i, "k", i))
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1200000
print("checksum", run(n))
