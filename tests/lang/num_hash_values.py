# Numeric hashes equal CPython's: n mod 2**61-1 with sign, equal numbers hash alike.
M = 2 ** 61 - 1
ints = [0, 1, -1, -2, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, -(2 ** 61), 2 ** 62, 2 ** 64, 10 ** 30, -(10 ** 30), 2 ** 200 + 7, M * 5 - 1, -(M * 5) + 1]
print([hash(i) for i in ints])
print([hash(f) for f in (0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.5, 1e100, 1e-100, 2.0 ** 61, 2.0 ** 70, 5e-324, 1.7976931348623157e308, 3.14)])
print(hash(float("inf")), hash(float("-inf")), hash(True), hash(False))
print(all(hash(float(i)) == hash(i) for i in [0, 1, -1, 2 ** 53, 2 ** 61, 2 ** 100, -(2 ** 80), 12345]))
print(hash(1.5) == hash(3 / 2), {1: "a", 1.0: "b", True: "c"}, {0, 0.0, False, -0.0})
n = float("nan")
print(hash(n) == hash(n), len({n, n}), len({float("nan"), float("nan")}))
d = {}
for k in [1, 2.0, 3, 2 ** 70, 2.0 ** 70, 0.5]:
    d[k] = d.get(k, 0) + 1
print(d)
