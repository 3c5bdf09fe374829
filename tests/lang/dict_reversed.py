# reversed() over dicts and their views.
d = {"a": 1, "b": 2, "c": 3}
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
del d["b"]
d["d"] = 4
print(list(reversed(d)))
r = reversed(d)
print(type(r).__name__, next(r))
d["e"] = 5
try:
    next(r)
except RuntimeError as e:
    print("RuntimeError", e)
print(list(reversed({})))
