# float // % divmod: the remainder has the divisor's sign; infinities and zeros.
vals = [7.5, -7.5, 2.0, -2.0, 0.0, -0.0, 0.1, 1e300, float("inf"), float("-inf")]
for a in vals:
    for b in [2.0, -2.0, 0.1, 3, -3, float("inf"), float("-inf")]:
        print(a, b, a // b, a % b, divmod(a, b))
print(0.7 // 0.1, 0.7 % 0.1, 1.0 // 0.1, 1.0 % 0.1, -1e-20 % 1.0, 1e-20 % -1.0, 5.0 % -0.0 if False else 0)
print(divmod(1e308, 1e-308)[1], (-0.0) // 1.0, (-0.0) % 1.0, 0.0 % -1.0, (-1.0) // float("inf"), 1.0 // float("-inf"))
nan = float("nan")
print(nan // 1.0, nan % 1.0, 1.0 % nan, divmod(nan, 2.0), float("inf") % 2.0, float("inf") // 2.0)
