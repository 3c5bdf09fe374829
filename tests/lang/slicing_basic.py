a = list(range(10))
print(a[2:5], a[:3], a[7:], a[:])
print(a[-3:], a[:-3], a[-5:-2])
print(a[::2], a[1::2], a[::-1])
print(a[8:2:-2], a[2:8:-1], a[5:5])
print(a[100:], a[-100:2], a[3:1])
s = "hello world"
print(s[:5], s[6:], s[::-1], s[::3])
t = (1, 2, 3, 4)
print(t[1:3], t[::-2])
b = a[:]
b[0] = "changed"
print(a[0], b[0])
print(a[slice(1, 4)], s[slice(None, None, -2)])
