(a, b), c = (1, 2), 3
print(a, b, c)
x, (y, (z, w)) = 1, [2, (3, 4)]
print(x, y, z, w)
pairs = [((1, 2), "first"), ((3, 4), "second")]
for (p, q), name in pairs:
    print(name, p + q)
[[u, v], [s, t]] = [[1, 2], [3, 4]]
print(u * v + s * t)
