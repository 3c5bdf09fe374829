# Sorting large pseudo-random lists of ints, floats, strings and tuples.
# gcstress-every: 5
def lcg(n, seed=12345):
    x = seed
    out = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x)
    return out

def is_sorted(a):
    return all(a[i] <= a[i + 1] for i in range(len(a) - 1))

nums = lcg(5000)
s = sorted(nums)
print(is_sorted(s), len(s), s[:5], s[-3:])
print(sorted(nums, reverse=True)[:5])
mod = [x % 100 for x in nums]
sm = sorted(mod)
print(is_sorted(sm), sm[:10], sm[-10:])
floats = [x / 7.0 for x in nums[:2000]]
sf = sorted(floats)
print(is_sorted(sf), sf[0], sf[-1])
strs = [str(x) for x in nums[:3000]]
ss = sorted(strs)
print(is_sorted(ss), ss[:4])
tups = [(x % 10, x % 3, x) for x in nums[:3000]]
st = sorted(tups)
print(is_sorted(st), st[:3])
# Presorted, reversed and sawtooth inputs exercise runs and merges.
asc = list(range(3000))
print(sorted(asc) == asc, sorted(asc[::-1]) == asc)
saw = [i % 50 for i in range(3000)]
print(sorted(saw) == sorted(saw, key=lambda v: v), sorted(saw)[::300])
mixed = [1, 2.5, -3, 7, 0.5, True, False, 10**20, -10**20]
print(sorted(mixed))
big = [x * 10**18 for x in nums[:500]]
print(is_sorted(sorted(big)))
a = nums[:1000]
a.sort(key=lambda v: -v)
print(a[:3], is_sorted(a[::-1]))
