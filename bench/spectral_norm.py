"""Spectral norm of the infinite matrix A(i, j) = 1 / ((i+j)(i+j+1)/2 + i + 1).

The power method on A^T A, truncated to N x N: ten rounds of
matrix-vector products written with plain lists, generator
expressions and zip, the way a numerics user without numpy would
write them.  Prints the norm to nine decimals.

usage: spectral_norm.py [N]
"""
# bench-size: default=600 quick=100

import math
import sys


def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times(vector):
    """A v"""
    n = len(vector)
    return [sum(entry(i, j) * vj for j, vj in enumerate(vector))
            for i in range(n)]


def times_transposed(vector):
    """A^T v"""
    n = len(vector)
    return [sum(entry(j, i) * vj for j, vj in enumerate(vector))
            for i in range(n)]


def times_ata(vector):
    return times_transposed(times(vector))


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def spectral_norm(n, rounds=10):
    u = [1.0] * n
    v = u
    for _ in range(rounds):
        v = times_ata(u)
        u = times_ata(v)
    return math.sqrt(dot(u, v) / dot(v, v))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    print("checksum: %.9f" % spectral_norm(n))


if __name__ == "__main__":
    main()
