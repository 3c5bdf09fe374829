"""Binary trees: allocate, walk and drop many complete binary trees.

A long-lived tree stays alive while short-lived trees of growing depth
are built bottom-up, checked with a recursive walk and thrown away --
the allocator and garbage-collector workload of the classic benchmark,
with a small Node class (using __slots__) the way it is usually written.

usage: binary_trees.py [MAX_DEPTH]
"""
# bench-size: default=15 quick=10

import sys

MIN_DEPTH = 4


class Node:
    __slots__ = ("left", "right")

    def __init__(self, left=None, right=None):
        self.left = left
        self.right = right

    def check(self):
        if self.left is None:
            return 1
        return 1 + self.left.check() + self.right.check()


def make_tree(depth):
    if depth == 0:
        return Node()
    depth -= 1
    return Node(make_tree(depth), make_tree(depth))


def main():
    max_depth = max(MIN_DEPTH + 2, int(sys.argv[1]) if len(sys.argv) > 1 else 15)
    lines = []
    stretch = max_depth + 1
    lines.append("stretch tree of depth %d\t check: %d"
                 % (stretch, make_tree(stretch).check()))
    long_lived = make_tree(max_depth)
    total = 0
    for depth in range(MIN_DEPTH, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + MIN_DEPTH)
        check = 0
        for _ in range(iterations):
            check += make_tree(depth).check()
        total += check
        lines.append("%d\t trees of depth %d\t check: %d"
                     % (iterations, depth, check))
    lines.append("long lived tree of depth %d\t check: %d"
                 % (max_depth, long_lived.check()))
    total += long_lived.check()
    print("checksum:", total, len(lines))


if __name__ == "__main__":
    main()
