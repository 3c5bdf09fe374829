# Mixed int/float arithmetic converts the int (correctly rounded) and gives floats.
print(1 + 1.5, 2 * 0.5, 3 - 0.25, 7 / 2.0, 7 // 2.0, 7 % 2.5, 2 ** 0.5, 2.0 ** 3, 9 ** 0.5, -8 ** (1 / 3))
print(10 ** 20 + 0.0, 2 ** 63 * 1.0, (2 ** 53 + 1) + 0.0, (2 ** 54 + 3) * 1.0, -(2 ** 64) / 3.0)
print(True + 0.5, 1.5 * False, 3 * True, 0.1 * 3, 0.1 + 0.7, 1e308 + 10 ** 300)
print(type(1 + 1.0).__name__, type(6 / 3).__name__, type(6 // 3).__name__, type(2 ** -1).__name__, type(2 ** 2).__name__)
print(divmod(7, 2.5), divmod(-7, 2.5), divmod(7.5, -2), divmod(2 ** 70, 1e10))
x = 0
for i in range(10):
    x += 0.1
print(x, x == 1.0, abs(x - 1.0) < 1e-9, sum([0.1] * 10))
print(1e16 + 1, 1e16 + 2, 2 ** 1023 * 2.0 if False else 2.0 ** 1023 * 2, -(2.0 ** 1023) * 2)
for a in (3, -3, 3.0, -3.0):
    for b in (2, -2, 2.0, -2.0):
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
try:
    print(10 ** 400 + 1.0)
except OverflowError as e:
    print("OverflowError", e)
try:
    print(1.5 * 10 ** 400)
except OverflowError as e:
    print("OverflowError", e)
