# float(x) through __float__ and __index__, and its errors.
class WithFloat:
    def __float__(self):
        return 2.5
class WithIndex:
    def __index__(self):
        return 2 ** 70
class BadFloat:
    def __float__(self):
        return "no"
print(float(WithFloat()), float(WithIndex()), float(" 3.25 "), float(10 ** 20), float(-5), float(False))
for v in [BadFloat(), object(), [], None, "abc", b"1.5x"]:
    try:
        print(float(v))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    float(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    float(x=1)
except TypeError as e:
    print("TypeError", e)
n = float("nan")
print(n != n, float("-inf") < -1e308, float("-0.0"), 1 / float("inf"))

# Any bytes-like object parses as text; a memoryview stops at its own end.
print(float(memoryview(b'12.3')[1:4]), float(memoryview(b'12.34')[1:4]))
print(int(memoryview(b'1234')[1:3]), int(memoryview(b'123 ')[1:3]))
import array
print(int(array.array('B', b'100')), float(array.array('B', b'2.5')))
try:
    int(memoryview(b'12x'))
except ValueError as e:
    print("ValueError:", e)
try:
    int(memoryview(b'100'), 2)
except TypeError as e:
    print("TypeError:", e)
print(str(memoryview(b'abc'), 'ascii'), str(array.array('B', b'xy'), 'latin-1'))

# Keywords reach a subclass's own __init__; float's own __init__ refuses them.
class WithInit(float):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg
u = WithInit(2.5, newarg=3)
print(type(u).__name__, float(u), u.newarg)
class Plain(float):
    pass
try:
    Plain(x=0)
except TypeError as e:
    print("TypeError:", e)

# int -> float rounds half to even using every bit below the 53 kept.
for p in range(0, 80, 7):
    for x in range(16):
        print(p, x, int(float(2**p * (2**54 + x))) - 2**p * 2**54, end='; ')
print()
print(float(2**127 + 2**73 + 1) == 2.0**127 + 2.0**74, float(2**64 + 2**11 + 1))

# float.fromhex rounds correctly, subnormals included.
for s in ['0x0.ffffffffffffecp-1022', '0x0.ffffffffffffe8p-1022', '0x0.fffffffffffff8p-1022',
          '0x1.00000000000008p0', '0x1.00000000000018p0', '0x1.000000000000080001p0',
          '0x.8p-1074', '0x.80001p-1074', '0x1p-1075', '0x1.1p-1075', '0x1p-1080',
          '0x1.fffffffffffffp1023', '0x1p-1022', '-0x3.ffffffffffffep-1024', '0x000.0001p+16',
          '0x1234567890abcdef1234567890p-100', '0x0p99999999999']:
    print(s, float.fromhex(s).hex())
for s in ['0x1.fffffffffffff8p1023', '0x1p1024', '0x1p99999999999999']:
    try:
        float.fromhex(s)
    except OverflowError as e:
        print(s, "OverflowError:", e)
