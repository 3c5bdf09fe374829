# Errors raised by sort(): bad comparisons, key failures, mutation, bad arguments.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: sorted([3, "a", 1]))
show(lambda: sorted([1, 2, None]))
def bad_key(x):
    if x == 3:
        raise KeyError("three")
    return x
a = [5, 3, 1]
show(lambda: a.sort(key=bad_key))
print(a)
b = [1, 2, 3]
def mutate(x):
    b.append(x)
    return x
show(lambda: b.sort(key=mutate))
print(b)
c = [3, 2, 1]
def clear_it(x):
    c.clear()
    return x
show(lambda: c.sort(key=clear_it))
print(c)
d = [3, 1, 2]
def peek(x):
    print("during sort:", d, len(d))
    return x
d.sort(key=peek)
print(d)
show(lambda: [1].sort(1))
show(lambda: [1].sort(foo=1))
show(lambda: [2, 1].sort(reverse=1.5))
show(lambda: [2, 1].sort(reverse=None))
e = [2, 1, 3]
print(e.sort(reverse=1), e)
class Weird:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 2 or other.v == 2:
            raise ValueError("no twos")
        return self.v < other.v
    def __repr__(self):
        return "W%d" % self.v
w = [Weird(i) for i in (5, 4, 2, 3, 1)]
show(lambda: w.sort())
print(sorted(w, key=repr) == sorted(w, key=repr), len(w))
