# Augmented assignment on numbers, and the sequence fallbacks of += and *=.
x = 5
x += 3; print(x)
x -= 10; print(x)
x *= -4; print(x)
x //= 3; print(x)
x %= 5; print(x)
x **= 3; print(x)
x <<= 70; print(x)
x >>= 68; print(x)
x &= 0xF; print(x)
x |= 0x30; print(x)
x ^= 0xFF; print(x)
x /= 8; print(x)
f = 1.5
f += 1; f *= 2; f **= 2; f -= 0.5; f //= 2; f %= 4; print(f)
l = [1]
l2 = l
l += [2]; l *= 2
print(l, l2, l is l2)
t = (1,)
t2 = t
t += (2,); t *= 2
print(t, t2)
s = "ab"
s *= 3; s += "!"
print(s)
class Acc:
    def __init__(self):
        self.v = 0
    def __iadd__(self, o):
        self.v += o
        return self
    def __add__(self, o):
        return "plain add"
a = Acc()
b = a
a += 5
print(a is b, a.v, Acc() + 1)
class OnlyAdd:
    def __add__(self, o):
        return "add used"
o = OnlyAdd()
o += 1
print(o)
n = 2 ** 64
n += 1; n -= 2 ** 64; print(n, type(n).__name__)
