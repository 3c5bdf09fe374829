class Shape:
    pass


class Circle(Shape):
    pass


class Square(Shape):
    pass


class Unit(Square):
    pass


objs = [Shape(), Circle(), Square(), Unit(), 5, "s"]
for o in objs:
    print(type(o).__name__, isinstance(o, Shape), isinstance(o, Square), isinstance(o, (Circle, int)))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)))
print(isinstance([], list), isinstance((), list), isinstance({}, dict), isinstance("x", str))
