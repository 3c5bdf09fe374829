a = 2 ** 100
b = 2 ** 100 + 1
print(a < b, a == b, a != b, a >= b)
print(-a < a, -b < -a)
print(a == 2 ** 100)
print(2 ** 64 > 2 ** 63, 2 ** 64 > 18446744073709551615)
print(10 ** 30 == 1e30, 10 ** 16 == 1e16)
print(max(a, b) - min(a, b))
