# repr(float) is the shortest string that reads back, laid out like CPython's.
vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 100.0, 1e15, 1e16, 1e17, 123456789012345678.0,
        1e-4, 1e-5, 1.5e-7, 0.00012345, 12345.678, 1e22, 1e23, 1e100, 1.7976931348623157e308, 5e-324,
        2.2250738585072014e-308, 9007199254740993.0, 4.35, 2.675, 0.3, 1.1, 2.2, 3.3, 1e-310,
        float("inf"), float("-inf"), float("nan"), 123.0, 1.0e6, 9.999999999999999e22, 2 ** -44, 2 ** 70,
        0.5 ** 60, 3.141592653589793, 2.718281828459045, 1 / 7, 1e308 * 10, -1e-320]
for v in vals:
    print(repr(v), str(v), v)
print([0.1 * i for i in range(12)])
print([2.0 ** i for i in range(-8, 60, 7)])
print([10.0 ** i for i in range(-7, 24, 3)])
print((0.1, -0.25, 1e300 * 1e10), {1.5: 2.5})
x = 1.0
for i in range(20):
    x = x * 1.1
print(x, x * 1e-30, x * 1e30)
