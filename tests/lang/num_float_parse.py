# float(text): whitespace, underscores between digits, inf/nan spellings, errors.
ok = ["0", "-0", "1.5", "  -2.5\n", "1_000.000_1", "1e5", "1E-5", "+1e+5", ".5", "5.", "-.5e-3", "00012", "1_0e1_0",
      "inf", "-Infinity", "iNF", "+inf", "nan", "-NaN", "1e500", "-1e500", "1e-500", "4.9406564584124654e-324",
      "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623158e+308", "0.1000000000000000055511151231257827021181583404541015625",
      "123456789012345678901234567890.123456789", "\u0663.\u0665", "\uff11\uff10", "\u2003 7.25 \u3000"]
for s in ok:
    print(repr(s), repr(float(s)))
print(float(b" 1.25 "), float(bytearray(b"-3")), float(), float(7), float(-(10 ** 20)), float(True), float(2.5))
bad = ["", " ", "1_", "_1", "1__0", "1_.5", "1._5", "1e_5", "1_e5", "e5", "1e", ".", "-", "in_f", "infinit", "nana", "0x1p3", "1.5j", "1,5", "1 5", "\u00b2", "nan(1)"]
for s in bad:
    try:
        print(float(s))
    except ValueError as e:
        print("ValueError", e)
for b in [b"x", bytearray(b"1e"), b"\xff"]:
    try:
        print(float(b))
    except ValueError as e:
        print("ValueError", e)
for v in [[], None, {}, (1,)]:
    try:
        print(float(v))
    except TypeError as e:
        print("TypeError", e)
try:
    print(float(10 ** 400))
except OverflowError as e:
    print("OverflowError", e)
