# Deleting simple and extended slices of lists.
for s in [slice(2, 5), slice(None, None, 2), slice(1, None, 3), slice(None, None, -2),
          slice(8, 1, -3), slice(-3, None), slice(5, 2), slice(None, None, -1), slice(100, 200)]:
    a = list(range(10))
    del a[s]
    print(s, a)
a = list(range(20))
del a[::4]
del a[1::2]
print(a)
b = [1, 2, 3]
del b[:]
print(b, len(b))
b.append(4)
print(b)
try:
    del b[::0]
except ValueError as e:
    print("ValueError", e)
