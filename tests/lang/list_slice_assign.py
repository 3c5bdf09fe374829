# Assigning to simple and extended slices of lists.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

a = list(range(8))
a[2:4] = ["x", "y", "z"]
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = (100, 101)
print(a)
a[1:5] = []
print(a)
a[3:1] = ["ins"]
print(a)
a[:] = "abc"
print(a)
a[1:2] = (c for c in "XYZ")
print(a)
a[:] = a
print(a)
a[1:] = a
print(a)
b = list(range(10))
b[::2] = "ABCDE"
print(b)
b[1::3] = [None] * 3
print(b)
b[::-1] = range(10)
print(b)
def ext(lst, s, v):
    lst[s] = v
    return lst
show(lambda: ext(list(range(10)), slice(None, None, 3), [1, 2]))
show(lambda: ext(list(range(6)), slice(None, None, 2), [1, 2, 3, 4, 5]))
show(lambda: ext(list(range(6)), slice(1, 3), 5))
show(lambda: ext(list(range(6)), slice(None, None, 2), 5))
show(lambda: ext(list(range(6)), slice(4, 4, -1), []))
show(lambda: ext(list(range(6)), slice(None, None, 1), {9: 1, 8: 2}))
c = [1, 2, 3]
c[5:10] = [4]
print(c)
c[-100:1] = [0]
print(c)
