"""N-body: the Jovian planets orbiting the Sun.

Integrates the Sun, Jupiter, Saturn, Uranus and Neptune with a
symplectic Euler step, the way an astronomy student would write it:
a Body class with position, velocity and mass, a System that advances
every pair and reports the total energy.  Floating-point arithmetic
only (+, -, *, /, math.sqrt), so every IEEE-754 implementation must
print the same energies.

usage: nbody.py [STEPS]
"""
# bench-size: default=500000 quick=20000

import math
import sys

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Body:
    def __init__(self, name, position, velocity, mass):
        self.name = name
        self.x, self.y, self.z = position
        vx, vy, vz = velocity
        self.vx = vx * DAYS_PER_YEAR
        self.vy = vy * DAYS_PER_YEAR
        self.vz = vz * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS

    def kinetic_energy(self):
        return 0.5 * self.mass * (self.vx * self.vx + self.vy * self.vy
                                  + self.vz * self.vz)


def distance(a, b):
    dx = a.x - b.x
    dy = a.y - b.y
    dz = a.z - b.z
    return math.sqrt(dx * dx + dy * dy + dz * dz)


class System:
    def __init__(self, bodies):
        self.bodies = bodies
        self.pairs = [(bodies[i], bodies[j])
                      for i in range(len(bodies))
                      for j in range(i + 1, len(bodies))]

    def offset_momentum(self):
        px = py = pz = 0.0
        for b in self.bodies:
            px += b.vx * b.mass
            py += b.vy * b.mass
            pz += b.vz * b.mass
        sun = self.bodies[0]
        sun.vx = -px / SOLAR_MASS
        sun.vy = -py / SOLAR_MASS
        sun.vz = -pz / SOLAR_MASS

    def energy(self):
        e = 0.0
        for b in self.bodies:
            e += b.kinetic_energy()
        for a, b in self.pairs:
            e -= a.mass * b.mass / distance(a, b)
        return e

    def advance(self, dt, steps):
        pairs = self.pairs
        bodies = self.bodies
        for _ in range(steps):
            for a, b in pairs:
                dx = a.x - b.x
                dy = a.y - b.y
                dz = a.z - b.z
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * math.sqrt(d2))
                bm = b.mass * mag
                am = a.mass * mag
                a.vx -= dx * bm
                a.vy -= dy * bm
                a.vz -= dz * bm
                b.vx += dx * am
                b.vy += dy * am
                b.vz += dz * am
            for body in bodies:
                body.x += dt * body.vx
                body.y += dt * body.vy
                body.z += dt * body.vz


def solar_system():
    return System([
        Body("sun", (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 1.0),
        Body("jupiter",
             (4.84143144246472090e+00, -1.16032004402742839e+00,
              -1.03622044471123109e-01),
             (1.66007664274403694e-03, 7.69901118419740425e-03,
              -6.90460016972063023e-05),
             9.54791938424326609e-04),
        Body("saturn",
             (8.34336671824457987e+00, 4.12479856412430479e+00,
              -4.03523417114321381e-01),
             (-2.76742510726862411e-03, 4.99852801234917238e-03,
              2.30417297573763929e-05),
             2.85885980666130812e-04),
        Body("uranus",
             (1.28943695621391310e+01, -1.51111514016986312e+01,
              -2.23307578892655734e-01),
             (2.96460137564761618e-03, 2.37847173959480950e-03,
              -2.96589568540237556e-05),
             4.36624404335156298e-05),
        Body("neptune",
             (1.53796971148509165e+01, -2.59193146099879641e+01,
              1.79258772950371181e-01),
             (2.68067772490389322e-03, 1.62824170038242295e-03,
              -9.51592254519715870e-05),
             5.15138902046611451e-05),
    ])


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 500000
    system = solar_system()
    system.offset_momentum()
    before = system.energy()
    system.advance(0.01, steps)
    after = system.energy()
    far = max(system.bodies[1:], key=lambda b: distance(b, system.bodies[0]))
    print("checksum: %.9f %.9f %s" % (before, after, far.name))


if __name__ == "__main__":
    main()
