"""Raytracer: spheres on a checkered floor, with shadows and reflections.

A small but complete ray tracer in the object-oriented style: a Vector
class with operator overloading, Ray, Sphere and Plane shapes, surface
materials (solid and checkerboard), point lights with Lambert and Phong
shading, hard shadows and recursive mirror reflections.  Renders an
N x N image and prints a checksum of the 8-bit RGB pixels.

usage: raytrace.py [SIZE]
"""
# bench-size: default=280 quick=40

import math
import sys

EPSILON = 1e-5
MAX_DEPTH = 4


class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))

    def __repr__(self):
        return "Vector(%r, %r, %r)" % (self.x, self.y, self.z)


class Color:
    __slots__ = ("r", "g", "b")

    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def __add__(self, other):
        return Color(self.r + other.r, self.g + other.g, self.b + other.b)

    def __mul__(self, other):
        if isinstance(other, Color):
            return Color(self.r * other.r, self.g * other.g, self.b * other.b)
        return Color(self.r * other, self.g * other, self.b * other)

    def to_bytes(self):
        return tuple(max(0, min(255, int(c * 255.0 + 0.5)))
                     for c in (self.r, self.g, self.b))


BLACK = Color(0.0, 0.0, 0.0)
WHITE = Color(1.0, 1.0, 1.0)


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def point_at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse=0.8, specular=0.4, shininess=16,
                 reflection=0.0):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflection = reflection

    def color_at(self, point):
        return self.color


class Checkerboard(Material):
    def __init__(self, even, odd, size=1.0, **kw):
        Material.__init__(self, even, **kw)
        self.odd = odd
        self.size = size

    def color_at(self, point):
        cell = int(math.floor(point.x / self.size)) + \
            int(math.floor(point.z / self.size))
        return self.color if cell % 2 == 0 else self.odd


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Camera:
    def __init__(self, eye, look_at, up, fov_degrees, width, height):
        self.eye = eye
        self.forward = (look_at - eye).normalized()
        self.right = self.forward.cross(up).normalized()
        self.up = self.right.cross(self.forward)
        self.width = width
        self.height = height
        self.half = math.tan(math.radians(fov_degrees) / 2.0)

    def ray_for(self, px, py):
        aspect = self.width / self.height
        sx = (2.0 * (px + 0.5) / self.width - 1.0) * self.half * aspect
        sy = (1.0 - 2.0 * (py + 0.5) / self.height) * self.half
        direction = self.forward + self.right * sx + self.up * sy
        return Ray(self.eye, direction.normalized())


class Scene:
    def __init__(self, ambient=0.1):
        self.objects = []
        self.lights = []
        self.ambient = ambient

    def add(self, thing):
        if isinstance(thing, Light):
            self.lights.append(thing)
        else:
            self.objects.append(thing)

    def nearest_hit(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def in_shadow(self, point, light):
        to_light = light.position - point
        distance = to_light.length()
        ray = Ray(point, to_light * (1.0 / distance))
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth=0):
        obj, t = self.nearest_hit(ray)
        if obj is None:
            # a simple sky gradient
            k = 0.5 * (ray.direction.y + 1.0)
            return Color(0.6, 0.7, 0.9) * k + WHITE * (0.2 * (1.0 - k))
        point = ray.point_at(t)
        normal = obj.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        return self.shade(obj.material, point, normal, ray, depth)

    def shade(self, material, point, normal, ray, depth):
        base = material.color_at(point)
        result = base * self.ambient
        lift = point + normal * 1e-4
        for light in self.lights:
            if self.in_shadow(lift, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                result = result + base * light.color * (lambert * material.diffuse)
            reflected = (-to_light).reflect(normal)
            spec = reflected.dot(-ray.direction)
            if spec > 0.0:
                power = 1.0
                for _ in range(material.shininess):
                    power *= spec
                result = result + light.color * (power * material.specular)
        if material.reflection > 0.0 and depth < MAX_DEPTH:
            mirror = Ray(lift, ray.direction.reflect(normal).normalized())
            result = result + self.trace(mirror, depth + 1) * material.reflection
        return result


def build_scene():
    scene = Scene()
    scene.add(Plane(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0),
                    Checkerboard(Color(0.9, 0.9, 0.9), Color(0.1, 0.1, 0.1),
                                 size=1.0, reflection=0.2)))
    scene.add(Sphere(Vector(0.0, 1.0, 0.0), 1.0,
                     Material(Color(0.8, 0.2, 0.2), reflection=0.4,
                              shininess=32)))
    scene.add(Sphere(Vector(-2.2, 0.7, 1.0), 0.7,
                     Material(Color(0.2, 0.8, 0.3), reflection=0.1)))
    scene.add(Sphere(Vector(2.0, 0.6, -0.5), 0.6,
                     Material(Color(0.2, 0.3, 0.9), reflection=0.6,
                              shininess=64)))
    scene.add(Sphere(Vector(0.8, 0.3, 2.0), 0.3,
                     Material(Color(0.9, 0.8, 0.1), shininess=8)))
    scene.add(Light(Vector(-5.0, 8.0, 6.0), Color(0.8, 0.8, 0.8)))
    scene.add(Light(Vector(6.0, 5.0, 3.0), Color(0.3, 0.3, 0.35)))
    return scene


def render(size):
    scene = build_scene()
    camera = Camera(Vector(0.0, 2.2, 7.0), Vector(0.0, 0.8, 0.0),
                    Vector(0.0, 1.0, 0.0), 50.0, size, size)
    image = []
    for y in range(size):
        row = []
        for x in range(size):
            row.append(scene.trace(camera.ray_for(x, y)).to_bytes())
        image.append(row)
    return image


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 280
    image = render(size)
    total = 0
    weighted = 0
    for y, row in enumerate(image):
        for x, (r, g, b) in enumerate(row):
            total += r + g + b
            weighted = (weighted * 31 + r * 65536 + g * 256 + b) % 2147483647
    print("checksum:", total, weighted)


if __name__ == "__main__":
    main()
