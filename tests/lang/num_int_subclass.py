# Instances of int and float subclasses: the value, overridden dunders, arithmetic giving plain ints/floats.
class MyInt(int):
    def double(self):
        return self * 2
a = MyInt(21)
print(a, repr(a), type(a).__name__, a.double(), type(a.double()).__name__, a + 1, type(a + 1).__name__)
print(isinstance(a, int), a == 21, hash(a) == hash(21), -a, abs(MyInt(-3)), a // 4, a % 4, a ** 2, a << 2, a & 7)
big = MyInt(2 ** 100)
print(big, big - 2 ** 100, type(big + 0).__name__, big.bit_length(), MyInt("ff", 16), MyInt(), MyInt(" -7 "))
class Named(int):
    def __repr__(self):
        return "Named(%d)" % int(self)
    def __add__(self, other):
        return Named(int(self) + int(other))
n = Named(5)
print(repr(n), n + 3, 3 + n, str(n), f"{n}", format(n, "03d"))
class R(int):
    def __radd__(self, other):
        return "radd"
print(1 + R(2), R(2) + 1, int(R(7)), type(int(R(7))).__name__)
class F(float):
    pass
f = F(2.5)
print(f, repr(f), type(f).__name__, f + 1, type(f + 1).__name__, f.is_integer(), F("1e3"), F(), round(F(2.5)))
print(f * 2, -f, abs(F(-1.5)), f == 2.5, hash(f) == hash(2.5))
