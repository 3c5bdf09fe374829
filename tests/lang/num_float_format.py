# float formatting: e, f, g, %, the default type, precision, '#', and inf/nan.
vals = [0.0, -0.0, 1.0, 1.5, -2.5, 123.456, 0.000123456, 1234567.891, 1e16, 1e-7, 1e100, 2.675, 9.9999, float("inf"), float("-inf"), float("nan")]
specs = ["", "e", "E", "f", "F", "g", "G", "%", ".0f", ".2f", ".10f", ".0e", ".3e", ".0g", ".1g", ".3g", ".12g", "#.0f", "#.0e", "#g", "#.3g", ".0", ".1", ".3", ".17", ".2%", "n", ".3n"]
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
print(format(1e100, ".2f"))
print(format(2 ** 0.5, ".50f"))
print(format(0.1, ".30e"))
print("%.3f|%10.2e|%-10.3g|%G|%r|%s" % (3.14159, 1234.5, 0.0001234, 1e-10, 0.1, 1e16))
print(f"{3.14159:.2f} {1234.5:e} {0.5:%} {-0.0:z.1f} {-0.001:z.2f} {-1.0:z}")
print(str(1e16), str(1.0), str(-0.0))
print(format(123, "e"), format(10 ** 20, ".3e"), format(7, "%"), format(-3, ".2f"), format(10 ** 17, "g"))
