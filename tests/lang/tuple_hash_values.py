# hash() of tuples equals CPython's (xxHash-based) for numbers and nested tuples.
print(hash(()))
print(hash((1,)))
print(hash((1, 2)))
print(hash((1, 2, 3)))
print(hash((-1,)), hash((-2,)), hash((0, 0)))
print(hash(((1, 2), (3, 4))))
print(hash((1.5, 2.25)), hash((True, False)))
print(hash((2**61 - 1, 2**61, -2**61, 2**100)))
print(hash((1, (2, (3, (4,))))))
print(hash(tuple(range(100))))
print(hash((1, 2)) == hash((1.0, 2.0)), hash((1, 2)) == hash((2, 1)))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)
d = {(1, 2): "a", (1, 2.0): "b"}
print(d)
