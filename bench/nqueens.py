"""N-queens: every placement of N queens on an N x N board.

Two solvers built from generators, as a Python programmer would write
them: a recursive backtracking generator that yields each solution as a
tuple of column indices (threading sets of attacked columns and
diagonals through the recursion), and the permutation-based one-liner
filtered by itertools.permutations for the smaller boards.  The
solutions are then folded into a checksum, and their symmetry classes
are counted by generating the rotations and reflections of each board.

usage: nqueens.py [N]
"""
# bench-size: default=12 quick=8

import itertools
import sys


def place(n, row=0, columns=frozenset(), diag1=frozenset(),
          diag2=frozenset()):
    """Yield each way to finish a board whose first `row` rows are set."""
    if row == n:
        yield ()
        return
    for col in range(n):
        if col in columns or row + col in diag1 or row - col in diag2:
            continue
        for rest in place(n, row + 1, columns | {col}, diag1 | {row + col},
                          diag2 | {row - col}):
            yield (col,) + rest


def permutation_queens(n):
    """The classic generator expression over all column permutations."""
    cols = range(n)
    return (vec for vec in itertools.permutations(cols)
            if n == len(set(vec[i] + i for i in cols))
            == len(set(vec[i] - i for i in cols)))


def transforms(solution):
    """The eight symmetries of the square applied to a solution."""
    n = len(solution)
    cells = [(r, c) for r, c in enumerate(solution)]
    for _ in range(4):
        cells = [(c, n - 1 - r) for r, c in cells]
        yield tuple(c for r, c in sorted(cells))
        yield tuple(c for r, c in sorted((r, n - 1 - c) for r, c in cells))


def canonical(solution):
    return min(transforms(solution))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    count = 0
    digest = 0
    classes = set()
    for solution in place(n):
        count += 1
        for col in solution:
            digest = (digest * (n + 1) + col + 1) % 1000000007
        classes.add(canonical(solution))
    small = min(n, 8)
    perm_count = sum(1 for _ in permutation_queens(small))
    check = sum(1 for _ in place(small))
    if perm_count != check:
        print("nqueens: solvers disagree", perm_count, check)
        sys.exit(1)
    print("checksum:", count, len(classes), digest, perm_count)


if __name__ == "__main__":
    main()
