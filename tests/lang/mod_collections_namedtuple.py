# collections.namedtuple on top of _collections._tuplegetter.
from collections import namedtuple

Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p._replace(x=5), p._asdict(), Point._fields)
print(Point._make([3, 4]), Point.x.__doc__, type(Point.x).__name__)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError', e)
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[0, 9])
print(P3(1), P3(1, 2, 3), P3._field_defaults)
R = namedtuple('R', 'class def', rename=True)
print(R._fields)
x, y = Point(10, 20)
print(x + y, Point(1, 2) == (1, 2), hash(Point(1, 2)) == hash((1, 2)))
