# float methods: is_integer, as_integer_ratio, hex, fromhex, trunc/floor/ceil, and attributes.
for v in [0.0, -0.0, 1.0, -2.5, 0.1, 1e300, 5e-324, 123.456, -7.0, 2.0 ** 60 + 2 ** 10]:
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex(), float.fromhex(v.hex()) == v, v.conjugate(), v.real, v.imag)
print([(x.__trunc__(), x.__floor__(), x.__ceil__()) for x in (2.5, -2.5, 0.1, -0.1, 3.0, -3.0, 1e20)])
print(float.fromhex("0x1.8p1"), float.fromhex("-0X1P-2"), float.fromhex("1.8"), float.fromhex(" 0x.8p0 "), float.fromhex("inf"), float.fromhex("-NaN"))
print(float.fromhex("0x1p-1074"), float.fromhex("0x1p-1075"), float.fromhex("0x1.8p-1074"), float.fromhex("0x1.fffffffffffffp1023"))
print(float.fromhex("0x1.00000000000008p0"), float.fromhex("0x1.00000000000018p0"), float.fromhex("0x1.000000000000080001p0"))
print(float("inf").hex(), float("-inf").hex(), float("nan").hex(), (1.5).__getnewargs__(), float.__getformat__("double"))
print(float("inf").is_integer(), float("nan").is_integer(), (0.5).__round__(), (1.5).__round__(), (2.675).__round__(2))

def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: float("inf").as_integer_ratio())
t(lambda: float("nan").as_integer_ratio())
t(lambda: float.fromhex("0x"))
t(lambda: float.fromhex("0x1p"))
t(lambda: float.fromhex("1.2.3"))
t(lambda: float.fromhex("0x1p10000"))
t(lambda: float.fromhex("0x1.fffffffffffff8p1023"))
t(lambda: float("inf").__floor__())
t(lambda: float("nan").__ceil__())
t(lambda: (1.5).is_integer(1))
