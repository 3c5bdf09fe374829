# ** on ints: exact big results, float results for negative exponents.
print(2 ** 10, 2 ** 62, 2 ** 63, 2 ** 64, (-2) ** 63, (-3) ** 41)
print(0 ** 0, 0 ** 5, 1 ** 1000000, (-1) ** 1000001, (-1) ** 10 ** 20)
print(7 ** 77)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3, 4 ** -0.5)
print(3 ** 2 ** 3, (3 ** 2) ** 3, -2 ** 2)
print(len(str(3 ** 1000)), (10 ** 20) ** 3)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print((10 ** 400) ** -1)
except OverflowError as e:
    print("OverflowError", e)
print(pow(2, 100), pow(-5, 3), pow(5, 0), pow(2, -1))
x = 1
for i in range(70):
    x *= 3
print(x == 3 ** 70, 3 ** 70)
print(True ** 5, False ** 0, 2 ** True)
