a = b = c = 7
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
b = 8
print(a, b, c)
i = j = 0
i += 1
print(i, j)
