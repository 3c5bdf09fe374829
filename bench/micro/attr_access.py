"""Attribute access: get and set of instance attributes, from inside
methods (self.x) and from outside (p.x), a class attribute read through
an instance, and a slotted class.

usage: attr_access.py [N]
"""
# bench-size: default=3000000 quick=10000
import sys


class Point:
    scale = 3

    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.z = 0

    def step(self):
        self.x = self.x + self.y
        self.y = self.y - 1
        self.z = self.z + self.scale


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


def run(n):
    p = Point(1, 2)
    q = Slotted(1, 2)
    total = 0
    for i in range(n):
        p.step()
        p.x = p.x & 0xFFFF
        q.a = q.a + q.b
        q.b = i & 7
        total += p.x + p.y + p.z + q.a + p.scale
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000
print("checksum", run(n))
