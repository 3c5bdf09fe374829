# Set operations and comparisons on keys and items views (small ints only).
a = {1: "a", 2: "b", 3: "c"}
b = {2: "x", 3: "c", 4: "d"}
ka, kb = a.keys(), b.keys()
print(ka & kb, ka | kb, ka - kb, kb - ka, ka ^ kb)
print(ka & {1, 5}, ka | [7], ka - [1], ka ^ (3, 9), [2, 3] & ka, {1} | ka, (1, 2) - ka)
ia, ib = a.items(), b.items()
print(sorted(ia & ib), sorted(ia - ib), sorted(ia | ib), sorted(ia ^ ib))
print(ka == {1, 2, 3}, ka == [1, 2, 3], ka != {1}, ka < {1, 2, 3, 4}, ka <= {1, 2, 3}, ka > {1}, ka >= {5})
print(ka == kb, a.keys() == {1: 0, 2: 0, 3: 0}.keys(), ia == {(1, "a"), (2, "b"), (3, "c")})
print(ka.isdisjoint({7, 8}), ka.isdisjoint([3]), ia.isdisjoint({(1, "a")}))
print(type(ka & kb).__name__, type(ka | kb).__name__)
print(a.values() == a.values())
try:
    ka & 5
except TypeError as e:
    print("TypeError", e)
print(sorted(a.items() & [(1, "a"), (2, "zz")]))
