# int methods and attributes.
for v in [0, 1, -1, 255, -256, 2 ** 62, 2 ** 64 - 1, -(2 ** 100), True]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.conjugate(), v.real, v.imag, v.numerator, v.denominator)
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1).to_bytes(), (-1).to_bytes(2, "big", signed=True))
print((255).to_bytes(1, byteorder="big"), (-128).to_bytes(1, "big", signed=True), (2 ** 64).to_bytes(9, "little"))
print((-(2 ** 70)).to_bytes(10, "big", signed=True), (0).to_bytes(0, "big"), (-1).to_bytes(0, "big", signed=True))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes(b"\x80" + b"\x00" * 9, "big", signed=True), int.from_bytes(b""), int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x01\x00"), "little"))
print(int.from_bytes(b"\xff" * 20, "little", signed=True), int.from_bytes(b"\x01" * 17, "big"))
print(bool.from_bytes(b"\x01", "big"), type(bool.from_bytes(b"\x00", "big")).__name__)
print((7).__trunc__(), (7).__floor__(), (7).__ceil__(), (7).__round__(), (7).__index__(), (-7).__abs__(), (5).__getnewargs__())
print(int.__add__(3, 4), (3).__radd__(4), (3).__sub__(1.5), int.__mul__(6, 7), (10).__divmod__(3), (10).__rdivmod__(3))
print(hasattr(1, "is_integer"), (3).__pow__(4, 5), (2).__pow__(-1), (17).__format__("x"), (255).__format__(""))

def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: (256).to_bytes(1, "big"))
t(lambda: (-1).to_bytes(1, "big"))
t(lambda: (128).to_bytes(1, "big", signed=True))
t(lambda: (-129).to_bytes(1, "big", signed=True))
t(lambda: (1).to_bytes(1, "middle"))
t(lambda: (1).to_bytes(-1, "big"))
t(lambda: int.from_bytes(b"\x00", "huge"))
t(lambda: int.from_bytes("abc", "big"))
t(lambda: (1).bit_length(1))
