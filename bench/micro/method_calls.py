"""Method calls: plain (no arguments), with positional and keyword
arguments, inherited from a base class, overridden with super(), a bound
method stored in a local, and a staticmethod/classmethod.

usage: method_calls.py [N]
"""
# bench-size: default=1000000 quick=10000
import sys


class Base:
    def __init__(self):
        self.n = 0

    def plain(self):
        return self.n

    def args(self, a, b, c=1):
        return a + b + c

    def inherited(self, x):
        return x + 1

    def over(self, x):
        return x * 2

    @staticmethod
    def st(x):
        return x - 1

    @classmethod
    def cm(cls, x):
        return x + 3


class Derived(Base):
    def over(self, x):
        return super().over(x) + 1


def run(n):
    o = Derived()
    bound = o.args
    total = 0
    for i in range(n):
        total += o.plain()
        total += o.args(i, 2)
        total += o.args(1, i, c=3)
        total += o.inherited(i)
        total += o.over(i)
        total += bound(i, 1, 1)
        total += o.st(i) + Derived.cm(i)
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
print("checksum", run(n))
