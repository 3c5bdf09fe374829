# Range equality compares the sequences; repr and hash follow CPython.
print(range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(1) == range(1, 2, 7))
print(range(10) == range(0, 10, 1), range(3) != range(4), range(3) == [0, 1, 2])
print(hash(range(0)) == hash(range(3, 3)), hash(range(0, 3, 2)) == hash(range(0, 4, 2)))
print(hash(range(10)), hash(range(1, 10, 3)), hash(range(2, 20, 5)))
print(repr(range(5)), repr(range(1, 5)), repr(range(1, 5, 2)), repr(range(5, 1, -1)), str(range(-3, 3)))
r = range(1, 10, 2)
print(r.start, r.stop, r.step, range(4).step)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError", e)
try:
    range()
except TypeError as e:
    print("TypeError", e)
try:
    range(1, 2, 3, 4)
except TypeError as e:
    print("TypeError", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError", e)
try:
    range("3")
except TypeError as e:
    print("TypeError", e)
try:
    r < range(2)
except TypeError as e:
    print("TypeError", e)
print({range(3): "a"}[range(0, 3)])
print(type(iter(range(3))).__name__, type(iter(range(10**20))).__name__)
