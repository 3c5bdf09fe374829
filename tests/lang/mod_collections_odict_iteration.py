# OrderedDict iteration: order after moves, and the errors CPython raises when it is mutated meanwhile.
# gcstress-every: 5
from collections import OrderedDict

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

od = OrderedDict.fromkeys('abcdef', 0)
od.move_to_end('b')
od.move_to_end('e', last=False)
del od['c']
print(list(od), list(od.keys()), list(od.values()), list(od.items()))
print(list(reversed(od)), list(reversed(od.keys())), list(reversed(od.items())))

# Changing values while iterating is allowed.
for k in od:
    od[k] = k * 2
print(od)
for k, v in od.items():
    od[k] = v + '!'
print(od)

# Insertions, deletions and moves are not.
def loop(mutate, view=lambda d: d, reverse=False):
    d = OrderedDict.fromkeys('abc', 0)
    seen = []
    src = view(d)
    for k in (reversed(src) if reverse else src):
        seen.append(k)
        mutate(d, k)
    return seen, d

attempt('insert', lambda: loop(lambda d, k: d.__setitem__(k + k, 1)))
attempt('delete', lambda: loop(lambda d, k: d.__delitem__(k)))
attempt('move', lambda: loop(lambda d, k: d.move_to_end(k)))
attempt('move first', lambda: loop(lambda d, k: d.move_to_end('a', last=False)))
attempt('move last', lambda: loop(lambda d, k: d.move_to_end('c')))
attempt('pop', lambda: loop(lambda d, k: d.pop('c')))
attempt('popitem', lambda: loop(lambda d, k: d.popitem()))
attempt('clear', lambda: loop(lambda d, k: d.clear()))
attempt('setdefault old', lambda: loop(lambda d, k: d.setdefault('a', 5)))
attempt('setdefault new', lambda: loop(lambda d, k: d.setdefault('z', 5)))
attempt('update same', lambda: loop(lambda d, k: d.update(a=7)))
attempt('update new', lambda: loop(lambda d, k: d.update(q=7)))
attempt('values insert', lambda: loop(lambda d, k: d.__setitem__('x' + str(k), 1), view=OrderedDict.values))
attempt('items delete', lambda: loop(lambda d, k: d.__delitem__(k[0]), view=OrderedDict.items))
attempt('reversed insert', lambda: loop(lambda d, k: d.__setitem__(k + k, 1), reverse=True))
attempt('reversed move', lambda: loop(lambda d, k: d.move_to_end(k, last=False), reverse=True))

# Through dict's own methods the change of order is not seen, a change of size is.
attempt('dict setitem', lambda: loop(lambda d, k: dict.__setitem__(d, k + k, 1)))
attempt('dict delitem', lambda: loop(lambda d, k: dict.__delitem__(d, 'c') if 'c' in d else None))

# The error about size is sticky; the one about mutation ends the iterator.
d = OrderedDict.fromkeys('abc')
it = iter(d)
next(it)
dict.__setitem__(d, 'z', 1)
attempt('sticky 1', lambda: next(it))
attempt('sticky 2', lambda: next(it))
it = iter(d)
next(it)
d['y'] = 2
attempt('mutated 1', lambda: next(it))
attempt('mutated 2', lambda: next(it))

# An iterator that has produced the last key is finished, whatever happens next.
d = OrderedDict.fromkeys('ab')
it = iter(d)
print(next(it), next(it))
d['c'] = 1
attempt('after end', lambda: next(it))
it = iter(OrderedDict())
attempt('empty', lambda: next(it))

# Iterators and views see the OrderedDict as it is when they advance.
d = OrderedDict.fromkeys('abc', 1)
it = iter(d.items())
print(next(it))
d['b'] = 2
print(next(it), list(it))
ks = d.keys()
d.move_to_end('a')
print(list(ks), list(reversed(ks)), list(d.values()))

# A deep FIFO and an LRU pattern keep their order through many holes and resizes.
fifo = OrderedDict()
total = 0
for i in range(3000):
    fifo[i] = i
    if len(fifo) > 50:
        total += fifo.popitem(last=False)[1]
print(total, list(fifo)[:3], list(fifo)[-3:], len(fifo))
lru = OrderedDict()
x = 7
for i in range(3000):
    x = (x * 1103515245 + 12345) % 2147483648
    k = x % 97
    if k in lru:
        lru.move_to_end(k)
    else:
        lru[k] = i
        if len(lru) > 40:
            lru.popitem(last=False)
print(list(lru)[:8], list(lru)[-8:], len(lru))
front = OrderedDict.fromkeys(range(200))
for k in range(200):
    front.move_to_end(k, last=False)
print(list(front)[:5], list(front)[-5:], next(reversed(front)))
for k in range(0, 200, 3):
    front.move_to_end(k)
    front.move_to_end(k + 1, last=False)
print(list(front)[:5], list(front)[-5:], len(front), sorted(front) == list(range(200)))
