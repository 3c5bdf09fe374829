# int(text, base): whitespace, signs, underscores, prefixes, bases 2..36, Unicode digits.
cases = [("0", 10), ("-0", 10), ("+42", 10), ("  -17\n", 10), ("\t99 ", 10), ("1_000_000", 10),
         ("ff", 16), ("0xff", 16), ("0XFF", 16), ("0x_ff", 16), ("777", 8), ("0o777", 8),
         ("1010", 2), ("0b1010", 2), ("0b_1_0", 2), ("z", 36), ("ZZZZ", 36), ("10", 36),
         ("0x1f", 0), ("0o17", 0), ("0b11", 0), ("0", 0), ("00", 0), ("0_0", 0), ("-0x10", 0),
         ("123", 0), ("1_2_3", 0), ("12345678901234567890123", 10), ("-ffffffffffffffffffff", 16),
         ("\u0663\u0664", 10), ("\u0661\u0660", 16), ("\u3000 12 \u2003", 10), ("\uff11\uff12", 10)]
for s, b in cases:
    print(repr(s), b, int(s, b))
print(int("101", base=2), int(" 7 "), int(b"  42 "), int(bytearray(b"-9")), int(b"ff", 16))
print(int(), int(0), int(-5), int(3.99), int(-3.99), int(1e20), int(-0.5), int(True))
print(int(2 ** 100 + 0.0), int(1.5e300) % 1000, int("9" * 100) + 1 == 10 ** 100)
