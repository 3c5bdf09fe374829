# += extends a list in place with any iterable; *= repeats in place.
a = [1]
b = a
a += [2, 3]
a += (4,)
a += "xy"
a += range(2)
a += {"k": 1}
a += (i * i for i in range(3))
print(a, a is b)
try:
    a += 5
except TypeError as e:
    print("TypeError", e)
try:
    a = a + (1,)
except TypeError as e:
    print("TypeError", e)
c = [1, 2]
d = c
c *= 3
print(c, c is d)
c *= 0
print(c, d)
e = [[]] * 3
e[0].append(1)
print(e)
print([1, 2] * 2, 2 * [0], [1] * -1, [] * 5)
f = [1, 2]
f += f
print(f)
f *= 1
print(f)
try:
    [1] * "a"
except TypeError as e:
    print("TypeError", e)
try:
    [1] * 2.0
except TypeError as e:
    print("TypeError", e)
g = [0]
g *= True
print(g)
