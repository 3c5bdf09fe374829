# A deterministic pseudo-random mix of dict operations; insertion order and
# contents are checked against CPython.
seed = 99
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
d = {}
for step in range(5000):
    op = rnd(8)
    k = rnd(200)
    key = k if k % 3 else str(k)
    if op < 3:
        d[key] = step
    elif op == 3:
        d.pop(key, None)
    elif op == 4 and d:
        d.popitem()
    elif op == 5:
        d.setdefault(key, -step)
    elif op == 6:
        d.update({key: 0, (k, k): 1})
    elif op == 7 and len(d) > 100:
        for kk in list(d)[::3]:
            del d[kk]
    if step % 500 == 0:
        print(step, len(d), list(d.items())[:6])
print(list(d.items())[-10:])
print(len(d), sum(v for v in d.values()))
print(list(reversed(d))[:10])
e = dict(d)
print(e == d, list(e) == list(d), d.copy() == d)
