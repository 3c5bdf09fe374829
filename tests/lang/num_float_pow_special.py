# float ** float special cases (C99 Annex F, as CPython defines them).
inf, nan = float("inf"), float("nan")
vals = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, inf, -inf, nan, 3.0]
for a in vals:
    row = []
    for b in [0.0, -0.0, 1.0, -1.0, 2.0, 3.0, -3.0, 0.5, inf, -inf, nan]:
        if b == 0.5 and -inf < a < 0:
            continue  # a complex result
        try:
            row.append(repr(a ** b))
        except ZeroDivisionError as e:
            row.append("ZDE")
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print(a, row)
print(2.0 ** 1023, 2.0 ** -1074, 2.0 ** -1075, 10.0 ** -400, (-2.0) ** 3, (-2.0) ** -3, (-8.0) ** 2, 1.0000001 ** 1e7)
for a, b in [(2.0, 1024), (10.0, 400.0), (-10.0, 309), (1e200, 2)]:
    try:
        print(a ** b)
    except OverflowError as e:
        print("OverflowError", e, e.args)
print(pow(2.0, 3), pow(4, 0.5), pow(-1.0, 1e300), pow(-1.0, inf), pow(1.0, nan), pow(nan, 0.0))
