a = 17
b = 5
print(a + b, a - b, a * b)
print(a // b, a % b)
print(a ** 2, 2 ** 10)
print(-a, +a)
print(a - b * 2, (a - b) * 2)
print(2 ** 3 ** 2)
print(-2 ** 2, (-2) ** 2)
print(10 - 3 - 2, 100 // 10 // 3)
print(7 * -1, 0 * 999)
