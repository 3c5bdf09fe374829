# gc.get_objects, get_referrers and get_referents over live objects.
# gcstress-every: 5
import gc

class A:
    pass

a = A()
x = [1, 2]
a.v = x
d = {'k': x}
t = (x, 3)

def kind(o):
    return type(o).__name__

refs = gc.get_referrers(x)
print(sorted(kind(r) for r in refs if r is not globals()))
print(any(r is globals() for r in refs))
print(any(r is x for r in gc.get_referents(d)), any(r is x for r in gc.get_referents(a)))
print(sorted(map(repr, gc.get_referents(t))))
print(gc.get_referents(1, 'abc', 2.5))

objs = gc.get_objects()
print(any(o is d for o in objs), any(o is a for o in objs), any(o is t for o in objs))
print(all(not isinstance(o, (int, str, float)) for o in objs))
print(len(gc.get_objects(None)) > 0, len(gc.get_objects(-1)) > 0)
for bad in (3, -2, 'x', 2**70):
    try:
        gc.get_objects(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)

# A cycle kept alive only by a referrer we find.
class Node:
    pass
n1, n2 = Node(), Node()
n1.other, n2.other = n2, n1
holder = [n1]
del n1, n2
gc.collect()
node = holder[0].other
print(sorted(kind(r) for r in gc.get_referrers(node) if r is not globals()))

# trace.Trace(countfuncs=1) finds functions' classes through get_referrers.
import trace
def f(n):
    return n * 2
tr = trace.Trace(count=0, trace=0, countfuncs=1)
tr.runfunc(f, 3)
print(sorted(name for (_, _, name) in tr.results().calledfuncs))
