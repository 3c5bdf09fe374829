class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def dist2(self):
        return self.x * self.x + self.y * self.y

    def scale(self, k):
        self.x *= k
        self.y *= k


p = Point(3, 4)
print(p.x, p.y, p.dist2())
q = p.moved(1, -1)
print(q.x, q.y)
p.scale(10)
print(p.x, p.y, q.x)
print(Point.dist2(q))
print(type(p).__name__, type(p) is Point)
