# OrderedDict operations whose key comparisons run code that mutates the OrderedDict (no crash, sane results).
from collections import OrderedDict

pending = []        # (od, action): run once by the next key comparison

class Evil:
    def __init__(self, n): self.n = n
    def __hash__(self): return 7              # every Evil collides
    def __eq__(self, other):
        if pending:
            od, act = pending.pop()
            act(od)
        return isinstance(other, Evil) and other.n == self.n
    def __repr__(self): return 'E%d' % self.n

def run(label, action, op):
    od = OrderedDict()
    for i in range(6):
        od[Evil(i)] = i
    pending.append((od, action))
    try:
        r = op(od, Evil(3))
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, e)
    del pending[:]
    print(label, r, list(od), len(od) == len(list(od)))

def fill(od):
    for i in range(100, 120):
        od[i] = i
def drain(od):
    while len(od) > 2:
        od.popitem(last=False)
def shuffle(od):
    for k in list(od):
        od.move_to_end(k, last=False)

for name, act in (('fill', fill), ('drain', drain), ('shuffle', shuffle), ('clear', OrderedDict.clear)):
    run(name + ' setitem', act, lambda od, p: od.__setitem__(p, 'new'))
    run(name + ' contains', act, lambda od, p: p in od)
    if name == 'clear':   # CPython 3.11 crashes on move_to_end and pop when __eq__ clears the OrderedDict
        continue
    run(name + ' move', act, lambda od, p: od.move_to_end(p))
    run(name + ' move front', act, lambda od, p: od.move_to_end(p, last=False))
    run(name + ' pop', act, lambda od, p: od.pop(p, 'dflt'))

# Comparing two OrderedDicts whose key __eq__ mutates one of them.
a = OrderedDict((i, i) for i in range(5))
class Grow:
    def __hash__(self): return 1
    def __eq__(self, o):
        a.clear()
        return True
b1, b2 = Grow(), Grow()
x = OrderedDict([(b1, 1)])
y = OrderedDict([(b2, 1)])
print(x == y, len(a))
