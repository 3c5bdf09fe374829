"""Fannkuch-redux: pancake flips over every permutation of 1..N.

Walks all N! permutations in the order of the counting-permutation
algorithm, flips each prefix until a 1 comes to the front, and keeps
the maximum flip count and the alternating-sign checksum.  List
slicing, reversal and index juggling.

usage: fannkuch.py [N]
"""
# bench-size: default=10 quick=8

import sys


def fannkuch(n):
    perm = list(range(n))
    count = list(range(1, n + 1))
    max_flips = 0
    checksum = 0
    sign = 1
    permutations = 0
    while True:
        first = perm[0]
        if first:
            flips = 0
            p = perm[:]
            while first:
                p[:first + 1] = p[first::-1]
                flips += 1
                first = p[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if sign > 0 else -flips
        permutations += 1
        # next permutation: rotate the first r+1 elements until a
        # counter does not wrap around
        if sign > 0:
            perm[0], perm[1] = perm[1], perm[0]
            sign = -1
        else:
            perm[1], perm[2] = perm[2], perm[1]
            sign = 1
            r = 2
            while r < n:
                if count[r] > 1:
                    break
                count[r] = r + 1
                head = perm.pop(0)
                perm.insert(r + 1, head)
                r += 1
            else:
                return checksum, max_flips, permutations
            count[r] -= 1


def main():
    n = max(3, int(sys.argv[1]) if len(sys.argv) > 1 else 10)
    checksum, flips, perms = fannkuch(n)
    print("checksum:", checksum, flips, perms)


if __name__ == "__main__":
    main()
