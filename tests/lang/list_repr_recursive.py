# repr of lists that contain themselves, directly or through other containers.
a = [1, 2]
a.append(a)
print(a)
print(repr(a), str(a))
b = [a, [a]]
print(b)
d = {"k": a}
a.append(d)
print(a)
t = (a,)
print(t)
e = []
e.append(e)
e.append(e)
print(e)
print([[], [[]], [[], [[]]]])
print([1.5, "s", None, True, (1,), {1: 2}, {3}])
