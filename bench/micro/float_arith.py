"""Float arithmetic: + - * / and comparisons in a loop, math.sqrt, and
mixed int/float operations.

usage: float_arith.py [N]
"""
# bench-size: default=4000000 quick=20000
import math
import sys


def run(n):
    x = 0.5
    y = 1.25
    s = 0.0
    m = 0.0
    for i in range(n):
        x = x * 3.7 * (1.0 - x)
        y = y + x / (i + 1.5) - 0.0001 * y
        d = math.sqrt(x * x + y * y)
        s += d * 0.5 - i * 1e-9
        if d > m:
            m = d
    return s, m, x, y


n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000000
s, m, x, y = run(n)
print("checksum %.6f %.6f %.6f %.6f" % (s, m, x, y))
