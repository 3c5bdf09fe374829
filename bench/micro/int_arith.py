"""Int arithmetic: + - * // % << >> & | ^ on small ints in a loop, with a
few operations that grow past 64 bits.

usage: int_arith.py [N]
"""
# bench-size: default=3000000 quick=20000
import sys


def run(n):
    acc = 0
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        a = x % 1000 + 1
        b = i // a + (i % 7)
        acc += (a * b - (x >> 7)) ^ (i << 3)
        acc &= 0xFFFFFFFFFFFF
        if i % 1000 == 0:
            acc += (x * x * x) >> 40
    return acc


n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000
print("checksum", run(n))
