values = [1, -2.5, "s", [1], (1,), {"a": 1}, {1}, None, True, range(3)]
for v in values:
    print(repr(v), isinstance(v, int), isinstance(v, float), isinstance(v, str),
          isinstance(v, (list, tuple)), isinstance(v, dict))
print(isinstance(True, bool), isinstance(None, type(None)))
print(type(3) == int, type(True) == int, type("") is str)
