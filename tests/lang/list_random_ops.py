# A deterministic pseudo-random mix of list operations, checked step by step.
# gcstress-every: 5
seed = 2024
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
a = list(range(20))
out = []
for step in range(3000):
    op = rnd(12)
    n = len(a)
    lo, hi, st = rnd(30) - 10, rnd(30) - 10, (rnd(7) - 3) or 1
    try:
        if op == 0:
            a.append(rnd(100))
        elif op == 1:
            a.insert(rnd(40) - 20, rnd(100))
        elif op == 2 and a:
            a.pop(rnd(n))
        elif op == 3:
            a[lo:hi] = [rnd(100) for _ in range(rnd(5))]
        elif op == 4:
            del a[lo:hi:st]
        elif op == 5:
            k = len(range(*slice(lo, hi, st).indices(n)))
            a[lo:hi:st] = [rnd(100) for _ in range(k)]
        elif op == 6:
            out.append(a[lo:hi:st])
        elif op == 7:
            a.sort(key=lambda v: v % 7, reverse=rnd(2) == 1)
        elif op == 8:
            a.reverse()
        elif op == 9:
            a += a[:rnd(5)]
        elif op == 10:
            if len(a) > 60:
                del a[rnd(len(a)):]
        elif op == 11 and a:
            v = a[rnd(len(a))]
            out.append((a.index(v), a.count(v)))
            a.remove(v)
    except Exception as e:
        out.append(type(e).__name__)
    if step % 300 == 0:
        print(step, len(a), a[:12])
print(len(out), out[-5:], sum(len(x) if isinstance(x, list) else 1 for x in out))
print(a)
