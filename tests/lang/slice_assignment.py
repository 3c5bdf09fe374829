a = [0, 1, 2, 3, 4, 5]
a[1:3] = ["x", "y", "z"]
print(a)
a[:2] = []
print(a)
a[len(a):] = [98, 99]
print(a)
a[:0] = ["front"]
print(a)
a[::2] = [1, 2, 3, 4]
print(a)
a[:] = "abc"
print(a)
try:
    a[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
b = [1, 2, 3, 4, 5]
b[1:4] = b[1:4][::-1]
print(b)
