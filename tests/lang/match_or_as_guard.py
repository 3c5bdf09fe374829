# Or-patterns, as-patterns, guards, value patterns with dotted names, and binding after failure.
import sys
class Color:
    RED = 1
    GREEN = 2

def name(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case 3 | 4 | 5 as n:
            return f"small {n}"
        case (1, x) | (2, x) | [3, x]:
            return f"pair ending {x}"
        case int(n) if n < 0:
            return "negative"
        case _:
            return "unknown"

for c in [1, 2, 4, (1, "a"), [3, "b"], (2, "c"), -5, 99]:
    print(c, name(c))

x = "unset"
match (1, 2):
    case (a, 3):
        print("no")
    case (a, b) if b > 5:
        print("no")
    case (a, b):
        print("bound", a, b)
