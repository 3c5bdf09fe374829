# ZeroDivisionError messages for every operator and type combination.
def t(f):
    try:
        print(f())
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)

t(lambda: 1 / 0)
t(lambda: 1 // 0)
t(lambda: 1 % 0)
t(lambda: divmod(1, 0))
t(lambda: 10 ** 30 / 0)
t(lambda: 10 ** 30 // 0)
t(lambda: 10 ** 30 % 0)
t(lambda: divmod(10 ** 30, 0))
t(lambda: 1.0 / 0)
t(lambda: 1 / 0.0)
t(lambda: 1.0 // 0.0)
t(lambda: 1 // 0.0)
t(lambda: 1.0 % 0)
t(lambda: 5 % 0.0)
t(lambda: divmod(1.0, 0))
t(lambda: divmod(1, -0.0))
t(lambda: 0 ** -1)
t(lambda: 0.0 ** -2)
t(lambda: 0 ** -1.5)
t(lambda: True / False)
t(lambda: False // False)
t(lambda: 3 % False)
x = 5
try:
    x /= 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    x //= 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(issubclass(ZeroDivisionError, ArithmeticError), 0 ** 0, 0.0 ** 0, pow(0, 0))
