d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(list(d))
d["alpha"] = 100
print(list(d.items()))
del d["zeta"]
d["zeta"] = 0
print(list(d))
d.pop("mid")
d["new"] = 1
print(d)
n = {}
for i in range(10, 0, -1):
    n[i * 7] = i
print(n)
for key in list(n):
    if key % 2:
        del n[key]
print(n)
