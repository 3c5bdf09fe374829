# Subclasses of dict can define __missing__; get() and `in` do not call it.
class Default(dict):
    def __missing__(self, key):
        print("missing", key)
        self[key] = value = key * 2
        return value
d = Default(a=1)
print(d["a"], d["bb"], d)
print(d.get("zz"), "zz" in d)
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "abracadabra":
    c[ch] += 1
print(sorted(c.items()))
class Raising(dict):
    def __missing__(self, key):
        raise LookupError("no " + repr(key))
try:
    Raising()[1]
except LookupError as e:
    print(type(e).__name__, e)
class Plain(dict):
    pass
try:
    Plain()["x"]
except KeyError as e:
    print("KeyError", e)
class WithInit(dict):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.extra = True
w = WithInit([(1, 2)], z=3)
print(w, w.extra, type(w).__name__, isinstance(w, dict))
print(w == {1: 2, "z": 3})
