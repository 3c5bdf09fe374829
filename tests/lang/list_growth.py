# Appending and popping many items keeps order and contents.
a = []
for i in range(100000):
    a.append(i * 2)
print(len(a), a[0], a[-1], a[50000], sum(a))
while len(a) > 10:
    a.pop()
print(a)
b = [0] * 50000
b[-1] = 1
print(len(b), b.count(0), b.index(1))
c = []
for i in range(1000):
    c.insert(0, i)
print(c[:5], c[-5:])
del c[10:990]
print(c)
d = list(range(10))
for i in range(5):
    d.pop(0)
print(d)
