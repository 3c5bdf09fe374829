# A deterministic pseudo-random mix of set operations on ints; the printed
# order checks the table layout against CPython's.
seed = 7
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
s = set()
t = set(range(0, 200, 3))
for step in range(4000):
    op = rnd(10)
    v = rnd(300) - 50
    if op < 4:
        s.add(v)
    elif op == 4:
        s.discard(v)
    elif op == 5 and s:
        s.pop()
    elif op == 6:
        s |= set(range(v, v + rnd(20)))
    elif op == 7:
        s -= set(range(v, v + rnd(40)))
    elif op == 8:
        s ^= set(range(v, v + rnd(10), 2))
    elif op == 9 and len(s) > 150:
        s &= t
    if step % 250 == 0:
        print(step, len(s), list(s)[:15])
print(s)
print(s & t)
print(t - s)
print(s ^ t)
print(s | t)
print(set(s), frozenset(s) == s)
