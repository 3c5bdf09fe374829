"""Point arithmetic: a value class whose operators allocate a new Point.

Two small simulations written with an immutable 2-D Point class
(__add__, __sub__, __mul__, __neg__, __eq__, __hash__, abs):

* a walk along the Heighway dragon curve on the integer lattice, one
  `pos = pos + heading` per step, collecting visited points in a set,
  the bounding box and the shoelace area;
* a chain of masses joined by springs and pulled by gravity, advanced
  with Euler steps where every force and velocity is a new Point.

usage: point_add.py [STEPS]
"""
# bench-size: default=800000 quick=20000

import math
import sys


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Point(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Point(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __truediv__(self, k):
        return Point(self.x / k, self.y / k)

    def __neg__(self):
        return Point(-self.x, -self.y)

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __abs__(self):
        return math.sqrt(self.x * self.x + self.y * self.y)

    def cross(self, other):
        return self.x * other.y - self.y * other.x

    def left(self):
        return Point(-self.y, self.x)

    def right(self):
        return Point(self.y, -self.x)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


ORIGIN = Point(0, 0)


def dragon_walk(steps):
    pos = ORIGIN
    heading = Point(1, 0)
    visited = {pos}
    low = high = pos
    area2 = 0
    revisits = 0
    for n in range(1, steps + 1):
        nxt = pos + heading
        area2 += pos.cross(nxt)
        pos = nxt
        if pos in visited:
            revisits += 1
        else:
            visited.add(pos)
        low = Point(min(low.x, pos.x), min(low.y, pos.y))
        high = Point(max(high.x, pos.x), max(high.y, pos.y))
        # turn direction of the paper-folding sequence
        if ((n & -n) << 1) & n:
            heading = heading.right()
        else:
            heading = heading.left()
    size = high - low
    return len(visited), revisits, size.x * size.y, area2


def spring_chain(count, steps):
    gravity = Point(0.0, -9.81)
    rest = 1.0
    stiffness = 400.0
    damping = 0.98
    dt = 0.002
    positions = [Point(float(i), 0.0) for i in range(count)]
    velocities = [Point(0.0, 0.0) for _ in range(count)]
    for _ in range(steps):
        forces = [gravity for _ in range(count)]
        for i in range(count - 1):
            delta = positions[i + 1] - positions[i]
            length = abs(delta)
            pull = delta * (stiffness * (length - rest) / length)
            forces[i] = forces[i] + pull
            forces[i + 1] = forces[i + 1] - pull
        for i in range(1, count):           # particle 0 is pinned
            velocities[i] = (velocities[i] + forces[i] * dt) * damping
            positions[i] = positions[i] + velocities[i] * dt
    lowest = min(positions, key=lambda p: p.y)
    return round(lowest.y, 4), round(abs(positions[-1] - positions[0]), 4)


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 800000
    walk = dragon_walk(steps)
    chain = spring_chain(20, max(1, steps // 40))
    print("checksum:", *walk, "%.4f %.4f" % chain)


if __name__ == "__main__":
    main()
