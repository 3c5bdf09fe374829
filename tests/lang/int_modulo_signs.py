for a in (7, -7):
    for b in (3, -3):
        print(a, "%", b, "=", a % b)
print(0 % 3, 6 % 3, -6 % 3)
print(-1 % 10, 1 % -10)
print((-(10 ** 20)) % 7, (10 ** 20) % -7)
for a in (-5, 5):
    for b in (3, -3):
        q = a // b
        r = a % b
        print(a, b, q, r, q * b + r == a)
