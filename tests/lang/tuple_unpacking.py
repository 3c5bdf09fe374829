a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = [10, 20, 30]
print(x, y, z)
p, q = "hi"
print(p, q)
(m, n) = (3, 4)
print(m, n)
[r, s] = range(2)
print(r, s)
t = 5, 6, 7
print(t)
for k, v in [("a", 1), ("b", 2)]:
    print(k, v)
