# get, setdefault, pop, popitem, clear, copy in corner cases.
d = {}
print(d.setdefault("a", []), d)
d.setdefault("a", []).append(1)
print(d, d.setdefault("b"), d)
print(d.get("a"), d.get("x"), d.get("x", 0))
e = {i: i * i for i in range(6)}
print(e.popitem(), e.popitem(), e)
e[10] = 100
print(e.popitem(), e)
print(e.pop(0), e.pop(0, "gone"), e)
f = e.copy()
f[1] = "changed"
print(e, f, f is e)
e.clear()
print(e, len(e), f)
g = {}
for i in range(100):
    g[i] = i
for i in range(0, 100, 2):
    del g[i]
print(len(g), list(g)[:5], g.copy() == g)
h = dict.fromkeys("abc")
print(h, dict.fromkeys(range(3), 0), dict.fromkeys([]))
class D(dict):
    pass
print(type(D.fromkeys([1])).__name__, D.fromkeys([1, 2], "v"))
print(dict.fromkeys({5: 1, 6: 2}, 1), dict.fromkeys({7, 8}))
