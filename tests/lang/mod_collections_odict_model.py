# OrderedDict against a list model: colliding hashes, holes, resizes, moves both ways, pops at both ends.
# gcstress-every: 20
from collections import OrderedDict

class K:
    __slots__ = ('n',)
    def __init__(self, n): self.n = n
    def __hash__(self): return self.n % 5          # many collisions
    def __eq__(self, o): return isinstance(o, K) and o.n == self.n
    def __repr__(self): return 'K%d' % self.n

keys = [K(i) for i in range(40)]
od = OrderedDict()
model = []            # keys in order
values = {}
x = 12345
def rnd(n):
    global x
    x = (x * 1103515245 + 12345) % 2147483648
    return (x >> 8) % n

errors = 0
for step in range(1500):
    op = rnd(8)
    k = keys[rnd(40)]
    if op <= 1:
        od[k] = step
        if k not in values:
            model.append(k)
        values[k] = step
    elif op == 2 and k in values:
        del od[k]
        model.remove(k)
        del values[k]
    elif op == 3 and k in values:
        last = rnd(2) == 0
        od.move_to_end(k, last=last)
        model.remove(k)
        if last:
            model.append(k)
        else:
            model.insert(0, k)
    elif op == 4 and model:
        last = rnd(2) == 0
        got = od.popitem(last=last)
        want = model.pop(-1 if last else 0)
        if got != (want, values.pop(want)):
            errors += 1
    elif op == 5:
        v = od.pop(k, None)
        if k in values:
            model.remove(k)
            if v != values.pop(k):
                errors += 1
    elif op == 6:
        od.setdefault(k, -step)
        if k not in values:
            model.append(k)
            values[k] = -step
    else:
        if list(od) != model or list(reversed(od)) != model[::-1]:
            errors += 1
        if [od[m] for m in model] != list(od.values()):
            errors += 1
    if len(od) != len(model):
        errors += 1
print('errors', errors, 'len', len(od))
print(list(od.items())[:6])
print(list(od.items())[-6:])
print(od == OrderedDict((m, values[m]) for m in model), od.copy() == od, list(od.copy()) == model)
