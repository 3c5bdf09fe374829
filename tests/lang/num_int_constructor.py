# int(x) through __int__ and __index__ (__trunc__ warns, so it is left out), and its errors.
class WithInt:
    def __int__(self):
        return 42
class WithIndex:
    def __index__(self):
        return 7
class WithBoth:
    def __int__(self):
        return 1
    def __index__(self):
        return 2
class BadInt:
    def __int__(self):
        return "x"
class BadIndex:
    def __index__(self):
        return 1.5
print(int(WithInt()), int(WithIndex()), int(WithBoth()))
print([0, 1, 2, 3, 4, 5, 6, 7, 8][WithIndex()], list(range(WithIndex())), bin(WithIndex()), hex(WithIndex()), "ab" * WithIndex())
print(range(10)[WithIndex()], [1, 2][True], (2 ** 70).__index__() == 2 ** 70, type((True).__index__()).__name__)
for v in [BadInt(), BadIndex(), object()]:
    try:
        print(int(v))
    except TypeError as e:
        print("TypeError", e)
try:
    print([1, 2][BadIndex()])
except TypeError as e:
    print("TypeError", e)
try:
    print(range(2.5))
except TypeError as e:
    print("TypeError", e)
print(int(2.9), int(-2.9), int(1e18), int(-1e19), int(2.0 ** 80), int(5e-324), int(-0.0))
print(int("  12_3  "), int(b"77", 8), int("Ff", 16), int(" 0b101 ", 0), int("-0o17", 0))
