# The 4300-digit limit on decimal str <-> int conversion (CVE-2020-10735).
def t(f):
    try:
        r = f()
        print("ok", r if isinstance(r, int) and r < 10 else type(r).__name__)
    except ValueError as e:
        print("ValueError", e)

t(lambda: int("1" * 4300))
t(lambda: int("1" * 4301))
t(lambda: int("-" + "1" * 4300))
t(lambda: int("1_" * 4300 + "1"))
t(lambda: int("0" * 5000))
t(lambda: int("1" * 4301 + "x"))
t(lambda: int("1" * 5000, 16))
t(lambda: int("1" * 5000, 8))
t(lambda: int("1" * 5000, 36))
t(lambda: int("0x" + "f" * 5000, 0))
t(lambda: str(10 ** 4299))
t(lambda: str(10 ** 4300))
t(lambda: str(-(10 ** 4299)))
t(lambda: str(2 ** 20000))
t(lambda: repr(10 ** 5000))
t(lambda: hex(10 ** 5000))
t(lambda: "%d" % (10 ** 5000))
t(lambda: f"{10 ** 5000}")
t(lambda: format(10 ** 5000, "x"))
t(lambda: format(10 ** 5000, "d"))
print(len(str(10 ** 4299)), len(hex(10 ** 5000)))
