# Class patterns (__match_args__, keyword attributes, builtins matching themselves) and mappings.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0):
            return "y axis"
        case Point(y=0):
            return "x axis"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 3), Point(4, 0), Point(2, 2), Point(1, 5), 7]:
    print(where(p))

for v in [3, 3.0, "s", True, [1], {"a": 1}]:
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i)
        case float(f):
            print("float", f)
        case str(s):
            print("str", s)
        case list(l):
            print("list", l)
        case dict(d):
            print("dict", d)

config = {"host": "localhost", "port": 8080, "debug": True}
match config:
    case {"host": str(host), "port": int(port), **others}:
        print(host, port, others)

match {"a": None}:
    case {"a": None}:
        print("None value matched")

try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)

class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
