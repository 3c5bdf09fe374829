# int / int gives a correctly rounded float, even for huge operands.
print(1 / 3, -1 / 3, 10 / 4, 7 / -2, 0 / 5, 0 / -5)
print(2 ** 53 / 1, (2 ** 53 + 1) / 1, (2 ** 53 + 3) / 1)
print(10 ** 30 / 10 ** 10, 10 ** 400 / 10 ** 399, 1 / 10 ** 400, -1 / 10 ** 400)
print((2 ** 1000 + 1) / 2 ** 900, 2 ** 1023 * 3 // 2 / 2 ** 1)
print(12345678901234567890123 / 98765432109876543, 1 / 12345678901234567890123)
print((10 ** 310) / (10 ** 300), 17 ** 100 / 13 ** 100)
print(2 ** 1074 and 1 / 2 ** 1074, 1 / 2 ** 1075, 3 / 2 ** 1076)
for a, b in [(10 ** 400, 1), (2 ** 1024, 1), (-(10 ** 400), 3)]:
    try:
        print(a / b)
    except OverflowError as e:
        print("OverflowError", e)
for n in [2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 970 - 1, 2 ** 1024 - 2 ** 971, 2 ** 1025 - 1]:
    for d in [1, 2, 3]:
        try:
            print(n / d, -n / d)
        except OverflowError as e:
            print("OverflowError", e)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(10 ** 50 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
