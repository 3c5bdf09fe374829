# round(): ties to even for floats and ints, ndigits positive and negative.
print([round(x) for x in (0.5, 1.5, 2.5, -0.5, -1.5, 0.49999999999999994, 2.5000000000000004, 1e20, -7.5)])
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(25, -1)).__name__)
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(-0.125, 2), round(2.5, 0), round(-0.4, 0))
print(round(12345.6789, -2), round(-12345.6789, -3), round(1250.0, -2), round(1350.0, -2), round(-1350.0, -2))
print(round(1e300, -300), round(1.5, 10), round(0.1, 17), round(5e-324, 323), round(5e-324, 324), round(123.456, -308), round(123.456, -400))
print(round(float("inf"), 2), round(float("nan"), 2), round(-0.0, 1), round(0.285, 2), round(1.0000000000000002, 15))
print([round(v, -1) for v in (5, 15, 25, 35, -5, -15, -25, 14, 16)])
print(round(1234567, -3), round(-1234567, -2), round(12345678901234567890, -10), round(5, -30), round(7, 2), round(True, 1))
print(round(149, -2), round(150, -2), round(250, -2), round(-250, -2), round(10 ** 40 + 5 * 10 ** 29, -30))

def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: round(float("inf")))
t(lambda: round(float("nan")))
t(lambda: round(1.7e308, -308))
t(lambda: round(1.5, 1.0))
t(lambda: round(5, 1.0))
t(lambda: round(2.5, None))
t(lambda: round(25, None))
