# Floor division and modulo follow the divisor's sign, for small and big ints.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5), (0, -5), (1, 10), (-1, 10)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), (a // b) * b + a % b == a)
B = 10 ** 30 + 7
for a, b in [(B, 3), (-B, 3), (B, -3), (-B, -3), (5, B), (-5, B), (5, -B), (-5, -B), (B, B), (-B, B), (B * B + 1, B), (-(B * B) - 1, B)]:
    q, r = divmod(a, b)
    print(q, r, q * b + r == a, a // b == q, a % b == r)
m = -(2 ** 62)
print(m // -1, m % -1, divmod(m, -1), type(m // -1))
print(-(2 ** 63) // -1)
print(2 ** 64 // 2 ** 32, 2 ** 64 % (2 ** 32 - 1))
print(divmod(-(2 ** 100), 7), divmod(2 ** 100, -7))
