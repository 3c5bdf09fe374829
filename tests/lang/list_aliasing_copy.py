a = [1, [2, 3]]
b = a
c = a[:]
d = list(a)
a.append(4)
a[1].append(99)
print(a)
print(b)
print(c)
print(d)
print(b is a, c is a, c[1] is a[1])


def modify(lst):
    lst.append("modified")
    lst = ["rebound"]
    return lst


x = [0]
y = modify(x)
print(x, y)
