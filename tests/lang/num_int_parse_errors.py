# The errors of int(): invalid literals, bad bases, wrong types.
def t(*args, **kw):
    try:
        print(repr(int(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["", " ", "x", "1x", "1 2", "_1", "1_", "1__0", "0x", "0b", "010", "0_7", "+-1", "- 1", "1.5", "1e3", "\u00b2", "0x_", "0b_1_"]:
    t(s)
t("010", 0)
t("0_", 0)
t("12", 2)
t("g", 16)
t("0x10", 8)
t("0o10", 16)
t("1", 1)
t("1", 37)
t("1", -1)
t("1", 2.0)
t(b"1x")
t(bytearray(b"z"))
t("x" * 300)
t(3.5, 10)
t(base=2)
t(x=1)
t(1, 2, 3)
t([])
t(None)
t(float("inf"))
t(float("-inf"))
t(float("nan"))
t("1j")
