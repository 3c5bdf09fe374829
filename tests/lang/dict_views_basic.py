# keys(), values() and items() are live views with repr, len, iteration and `in`.
d = {"a": 1, "b": 2}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(len(k), len(v), len(i))
print(type(k).__name__, type(v).__name__, type(i).__name__)
d["c"] = 3
print(k, v, i)
print("a" in k, "z" in k, 2 in v, 9 in v, ("a", 1) in i, ("a", 2) in i, "a" in i, ("a",) in i)
print(list(k), list(v), list(i))
del d["a"]
print(list(k), sorted(v), len(i))
print({}.keys(), {}.values(), {}.items())
print(list(reversed(k)), list(reversed(v)), list(reversed(i)))
e = {1: [1]}
print(e.items(), e.values())
try:
    hash(k)
except TypeError as e:
    print("TypeError", e)
it = iter(i)
print(type(it).__name__, next(it))
print(type(iter(k)).__name__, type(iter(v)).__name__, type(reversed(k)).__name__)
