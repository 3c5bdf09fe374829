d = {"a": 1, "b": 2}
print(d, len(d))
print({})
print({1: "one", 2.5: "float key", (1, 2): "tuple key", None: "none", True: "bool"})
print({x: x * x for x in range(5)})
print({k: v for k, v in [("x", 1), ("y", 2)] if v > 1})
print({w: len(w) for w in "a bb ccc".split()})
print(dict(a=1, b=2), dict([("k", "v")]), dict(zip("ab", [1, 2])))
dup = {"k": 1, "k": 2}
print(dup)
print({1: "int", 1.0: "float"})
nested = {"inner": {"list": [1, {"deep": True}]}}
print(nested["inner"]["list"][1]["deep"])
