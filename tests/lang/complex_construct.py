# complex(): from numbers, keyword arguments, __complex__/__float__/__index__, complex parts, and the TypeErrors.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(complex(), complex(1), complex(2.5), complex(1, 2), complex(1.5, -2.5), complex(True, False))
print(complex(real=3), complex(imag=4), complex(real=1, imag=2), complex(-0.0), complex(0.0, -0.0))
print(complex(1j, 1j), complex(1 + 2j, 3), complex(1, 1 + 2j), complex(1 + 2j, 1 + 2j), complex(2j))
print(complex(2 ** 1000), complex(10 ** 20, -(10 ** 20)))
z = 3 + 4j
print(complex(z) is z, complex(z, 0) is z, complex(z) == z)
class C:
    def __complex__(self):
        return 3 + 4j
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 7
class Both:
    def __complex__(self):
        return 1j
    def __float__(self):
        return 9.0
print(complex(C()), complex(F()), complex(I()), complex(F(), I()), complex(C(), 1), complex(Both()))
class R:
    def __complex__(self):
        return 3
class Raise:
    def __complex__(self):
        raise KeyError('boom')
show("non-complex", lambda: complex(R()))
show("raises", lambda: complex(Raise()))
show("list", lambda: complex([]))
show("bytes", lambda: complex(b'1'))
show("none", lambda: complex(None))
show("second list", lambda: complex(1, []))
show("second str", lambda: complex(1, '2'))
show("str and second", lambda: complex('1', 2))
show("three", lambda: complex(1, 2, 3))
show("bad kw", lambda: complex(x=1))
show("huge int", lambda: complex(2 ** 2000))
show("huge imag", lambda: complex(1, 2 ** 2000))
show("complex second of C", lambda: complex(1, C()))
print(type(complex(1)).__name__, complex.__name__, isinstance(1j, complex))
