# Three-argument pow, including negative exponents (modular inverse) and moduli.
print(pow(2, 10, 1000), pow(3, 200, 10 ** 9 + 7), pow(7, 0, 13), pow(7, 0, 1))
print(pow(-3, 5, 7), pow(3, 5, -7), pow(-3, 5, -7), pow(0, 0, 5))
print(pow(3, -1, 7), pow(2, -1, 9), pow(5, -3, 11), pow(-2, -1, 7), pow(3, -1, -7))
print(pow(2 ** 100 + 1, 2 ** 80 + 3, 10 ** 30 + 57))
print(pow(12345678901234567890, -1, 10 ** 20 + 39))

def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: pow(2, 3, 0))
t(lambda: pow(2, -1, 4))
t(lambda: pow(0, -1, 5))
t(lambda: pow(2.0, 3, 4))
t(lambda: pow(2, 3.0, 4))
t(lambda: pow(2, 3, 4.0))
t(lambda: pow('a', 3, 4))
t(lambda: pow(2, 3, 'x'))
t(lambda: pow(2, 3, None))
t(lambda: pow(True, 3, 2))
