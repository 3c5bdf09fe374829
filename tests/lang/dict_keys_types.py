d = {}
d[1] = "int"
d["1"] = "str"
d[(1, 2)] = "tuple"
d[2.5] = "float"
d[None] = "none"
print(d)
print(d[1.0], d[True])
try:
    d[[1, 2]] = "list"
except TypeError as e:
    print("TypeError:", e)
try:
    print(d["missing"])
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    print(d[(3, 4)])
except KeyError as e:
    print("KeyError:", e)
