# itertools iterators, map, filter, zip, str and range iterators pickle with
# CPython 3.11's reduce values and resume where they were, part-consumed too.
import copy, operator, pickle
from itertools import (accumulate, chain, compress, count, cycle, dropwhile, filterfalse,
                       islice, repeat, starmap, takewhile, zip_longest)

def describe(v):
    # Iterators inside reduce values show as their type name (no addresses).
    if hasattr(v, "__next__"):
        return "<%s>" % type(v).__name__
    if isinstance(v, tuple):
        return tuple(describe(x) for x in v)
    if callable(v):
        return getattr(v, "__name__", "?")
    return v

def small(x):
    return x < 3
def under5(x):
    return x < 5
def odd(x):
    return x % 2

def check(name, make, take=2):
    it = make()
    for _ in range(take):
        next(it, None)
    r = it.__reduce__()
    copies = [pickle.loads(pickle.dumps(it, proto)) for proto in range(pickle.HIGHEST_PROTOCOL + 1)]
    copies += [copy.copy(make()), copy.deepcopy(it)]
    # A range iterator's reduce value is Taipan's own (the range left, index 0).
    print(name, type(it).__name__, describe(r) if "range" not in name else "")
    print("   ", [list(islice(c, 6)) for c in copies[-3:]], list(islice(it, 6)))

check("count", lambda: count(3))
check("count step", lambda: count(2, 3.25 - 4j))
check("count float", lambda: count(1.5))
check("cycle", lambda: cycle("abc"), take=1)
check("cycle second pass", lambda: cycle("abc"), take=4)
check("repeat", lambda: repeat("x", 4))
check("repeat forever", lambda: repeat("x"))
check("accumulate", lambda: accumulate([1, 2, 3, 4, 5]))
check("accumulate initial", lambda: accumulate([1, 2, 3], initial=100), take=0)
check("accumulate func", lambda: accumulate([2, 3, 4], operator.mul))
check("accumulate none", lambda: accumulate([None, None, None], operator.is_), take=1)
check("chain", lambda: chain("ab", "cd"), take=1)
check("chain done", lambda: chain("a"), take=3)
check("compress", lambda: compress("abcdef", [1, 0, 1, 0, 1, 1]), take=1)
check("dropwhile", lambda: dropwhile(small, range(8)), take=1)
check("takewhile", lambda: takewhile(under5, range(8)), take=1)
check("filterfalse", lambda: filterfalse(odd, range(8)), take=1)
check("starmap", lambda: starmap(pow, [(2, 3), (3, 2), (10, 2)]), take=1)
check("islice", lambda: islice("abcdefgh", 1, 7, 2), take=1)
check("islice none", lambda: islice(count(), 3, None), take=1)
check("islice done", lambda: islice("ab", 5), take=1)
check("zip_longest", lambda: zip_longest("abc", "d", fillvalue="-"), take=1)
check("map", lambda: map(operator.add, [1, 2, 3], [4, 5, 6]), take=1)
check("filter", lambda: filter(None, [0, 1, 0, 2, 3]), take=1)
check("zip", lambda: zip("abc", range(3)), take=1)
check("zip strict", lambda: zip("abc", range(3), strict=True), take=1)
check("str iter", lambda: iter("h\u00e9llo"), take=2)
check("range iter", lambda: iter(range(3, 20, 4)), take=2)
check("long range iter", lambda: iter(range(2**70, 2**70 + 10, 3)), take=1)

c = cycle("abc")
c.__setstate__((list("xyz"), True))
print(list(islice(c, 7)))
for bad in ("no", ([1],), ((1,), 0)):
    try:
        cycle("a").__setstate__(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    chain().__setstate__(([1],))
except TypeError as e:
    print("TypeError", e)
# map and filter subclasses take keywords only through their own __init__.
class M(map):
    pass
try:
    M(None, [], newarg=3)
except TypeError as e:
    print("TypeError", e)
class MI(map):
    def __init__(self, func, it, newarg=None):
        self.newarg = newarg
print(list(MI(abs, [-1, -2], newarg=3)), MI(abs, [], newarg=3).newarg)

# The combinatoric iterators: (type, args) before the first item, the
# indices (and permutations' cycles) as state after it, ((), r) once done.
from itertools import combinations, combinations_with_replacement, permutations, product
check("product", lambda: product("ab", range(3)), take=2)
check("product repeat", lambda: product("ab", repeat=2), take=0)
check("product done", lambda: product("a", "b"), take=2)
check("combinations", lambda: combinations("abcd", 2), take=2)
check("combinations done", lambda: combinations("ab", 2), take=2)
check("cwr", lambda: combinations_with_replacement("abc", 2), take=2)
check("permutations", lambda: permutations("abc", 2), take=3)
check("permutations done", lambda: permutations("ab"), take=3)
p = product("ab", "xyz")
p.__setstate__((1, 99))
print(list(p))
c = combinations(range(5), 3)
c.__setstate__((-1, 9, 2))
print(list(c))
c = combinations_with_replacement("abc", 2)
c.__setstate__((1, 7))
print(list(c))
q = permutations("abc")
q.__setstate__(((2, 0, 1), (0, 9, 1)))
print(list(q))
for it, bad in ((product("a"), (0, 0)), (combinations("ab", 1), "x"), (permutations("ab"), ((0, 1),))):
    try:
        it.__setstate__(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# groupby pickles its position; the current group pickles with its parent,
# an old one as an empty iterator.  tee iterators pickle their shared buffer
# and take weak references.
import weakref
from itertools import groupby, tee
g = groupby("aabbbc")
k, grp = next(g)
next(grp)
print(describe(g.__reduce__()), describe(grp.__reduce__()))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    g2, grp2 = pickle.loads(pickle.dumps((g, grp), proto))
    print(list(grp2), [(key, list(sub)) for key, sub in g2])
old = grp
next(g)
print(describe(old.__reduce__()), list(pickle.loads(pickle.dumps(old))))
a, b = tee("abcdef")
next(a)
next(a)
next(b)
r = a.__reduce__()
print(describe(r[1]), r[2][1], describe(r[2][0].__reduce__()))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    a2, b2 = pickle.loads(pickle.dumps((a, b), proto))
    print(list(a2), list(b2))
print(list(copy.deepcopy(a)), list(a), list(b), weakref.ref(b)() is b)
try:
    tee("x")[0].__setstate__((1, 2))
except TypeError as e:
    print("TypeError", e)
