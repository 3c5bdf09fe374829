# Equal numbers are one key: 1, 1.0 and True; the first key object is kept.
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
e = {True: 1}
e[1] = 2
print(e)
f = {0: "z", 0.0: "zf", False: "f", -0.0: "nz"}
print(f)
g = {2**61 - 1: "a", 0: "b"}
print(g[2**61 - 1], g.get(0.0), 2**61 - 1 in g)
h = {-1: "m1", -2: "m2"}
print(h[-1], h[-2], hash(-1) == hash(-2))
big = {10**30: 1, 1.5: 2}
print(big[10**30], big[1.5], 3/2 in big)
