# repr of dicts containing themselves, and nested container reprs.
d = {}
d["self"] = d
print(d)
e = {"list": []}
e["list"].append(e)
print(e)
f = {1: {2: {3: {}}}}
print(f)
print({(1, 2): [3], "s": "q'uote", None: 1.5, True: False})
g = {}
g[1] = g.keys()
print(g)
h = {}
h[1] = h.values()
print(h)
