# Iterating over a list while it changes; reverse iterators.
a = [1, 2, 3]
out = []
for x in a:
    out.append(x)
    if x < 5:
        a.append(x + 3)
print(out, a)
b = [1, 2, 3, 4, 5, 6]
for x in b:
    b.remove(x)
print(b)
it = iter([1, 2, 3])
print(next(it), it.__length_hint__())
print(list(it), it.__length_hint__())
print(next(it, "done"))
c = [1, 2, 3]
r = reversed(c)
print(next(r))
c.pop()
c.pop()
print(list(r))
d = [1, 2, 3]
r = reversed(d)
d.append(4)
print(list(r))
print(type(iter([])).__name__, type(reversed([])).__name__)
e = [1, 2]
it = iter(e)
print(list(it))
e.append(3)
print(list(it))
