def f(x):
    match x:
        case 0 | 1:
            return "small"
        case [a, b, *rest] if a == b:
            return f"pair {a} {rest}"
        case [a, *_, z]:
            return f"seq {a}..{z}"
        case {"k": v, **kw}:
            return f"map {v} {kw}"
        case str() as s:
            return "str " + s
        case int(n) if n > 100:
            return "big"
        case Point(x=0, y=yy):
            return f"on y axis {yy}"
        case Point(px, py):
            return f"point {px},{py}"
        case None:
            return "none"
        case _:
            return "other"
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
for v in [0, 1, [2, 2, 3], [1, 2, 3, 4], {"k": 1, "z": 2}, "hi", 500, Point(0, 5), Point(1, 2), None, 3.5, (7, 8)]:
    print(f(v))
match {"a": 1}:
    case {"a": 1, "b": 2}: print("no")
    case {"a": x}: print("yes", x)
