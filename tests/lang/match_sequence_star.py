# Sequence patterns with star captures, nested patterns and length checks.
def classify(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
for v in [[], [1], [1, 2], [1, 2, 3, 4], (5, 6, 7), range(3), "abc", b"xy"]:
    try:
        print(repr(v), "->", classify(v))
    except Exception as e:
        print(type(e).__name__, e)

match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print(a + b + c + d)
match (1, 2, 3):
    case (1, *rest):
        print("rest is a list:", rest, type(rest).__name__)
match [0, 1, 2]:
    case [0, *_, 2]:
        print("wildcard star")
