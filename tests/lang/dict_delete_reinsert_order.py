# Insertion order survives deletions, re-insertions and table resizes.
d = {}
for i in range(20):
    d[i] = i
for i in range(0, 20, 3):
    del d[i]
d[0] = "again"
d[3] = "again"
print(list(d))
for i in range(1000):
    d[i * 7] = i
for i in range(0, 7000, 2):
    d.pop(i, None)
print(len(d), list(d)[:12])
e = {"x": 1, "y": 2, "z": 3}
del e["x"]
e["x"] = 4
print(e)
e["y"] = 5
print(e)
f = {}
for round_ in range(50):
    for i in range(20):
        f[i] = round_
    for i in range(20):
        del f[i]
print(f, len(f))
f[1] = 1
print(f)
