# bool is an int subclass: arithmetic gives ints, except & | ^ between bools.
print(True + True, True - False, True * 10, -True, +True, ~True, abs(False), True / 2, True // 2, True % 2, True ** 3)
print(True & False, True | False, True ^ True, True & 1, 1 | False, type(True ^ 1).__name__, type(False | False).__name__)
print(repr(True), str(False), f"{True}", "%s %d %r" % (True, True, False), format(True), format(False, "d"))
print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(""), bool("x"), bool([]), bool([0]), bool(None))
print(True == 1, False == 0, True is True, isinstance(True, int), issubclass(bool, int), int(True), float(False))
print(sum([True, True, False, True]), max(True, 2), sorted([True, False, 2, -1]), True < 2, hash(True) == hash(1))
print(divmod(True, True), pow(True, 2, 1), True << 4, 10 >> True, [0, 1, 2][True], {True: "a", 1: "b"})
print(bool.__name__, bool.__base__.__name__, type(True).__mro__)
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    print(True / False)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
