# Big-int addition, subtraction and multiplication across the small/big boundary.
a = 2 ** 62
print(a - 1, a, a + 1, -a, -a - 1)
print(type(a - 1 + 1), (a + 5) - 5 == a)
x = 9223372036854775807
print(x + 1, x * 2, -x - 2, x * x)
print(12345678901234567890 + 98765432109876543210)
print(12345678901234567890 - 98765432109876543210)
print(-12345678901234567890 * 98765432109876543210)
print((10 ** 40 + 1) - 10 ** 40, 10 ** 40 - (10 ** 40 + 1))

def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

print(fact(30))
print(fact(60))
f = fact(100)
print(len(str(f)), f % 1000003, str(f)[:20])

a, b = 0, 1
for _ in range(300):
    a, b = b, a + b
print(a)
print(sum(range(10 ** 6)), sum(i * i for i in range(1000)))
big = 3 ** 200
print(big * big == 3 ** 400, big - big, -big + big, big * 0, big * -1 == -big)
print((2 ** 64 - 1) * (2 ** 64 + 1) == 2 ** 128 - 1)
for v in [0, 1, -1, 2 ** 63, -(2 ** 63), 2 ** 100 - 1]:
    print(v, -v, abs(v), +v, v + v, v - 2 * v)
