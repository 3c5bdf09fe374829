# In-place set operators and the *_update methods mutate the set itself.
a = {1, 2, 3}
b = a
a |= {4}
a &= {1, 2, 4, 9}
a -= {1}
a ^= {2, 10}
print(a, b is a)
s = set(range(10))
s.intersection_update([1, 2, 3, 50], range(2, 9))
print(s)
s.update([7, 8], {9})
s.difference_update([7], (9,))
print(s)
s.symmetric_difference_update([2, 3, 11])
print(s)
s.symmetric_difference_update({11: "dict"})
print(s)
try:
    a |= [1]
except TypeError as e:
    print("TypeError", e)
f = frozenset({1})
g = f
f |= {2}
print(f, g, f is g, type(f).__name__)
t = {1, 2}
t -= t
print(t)
u = {1, 2}
u ^= u
print(u)
v = {1, 2}
v &= v
print(v)
w = {1, 2, 3}
w.intersection_update()
print(w)
