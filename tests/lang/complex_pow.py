# ** on complex: integral exponents by squaring, the polar form, zero bases, errors, pow() with a modulus, and float ** float going complex.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

z = 1 + 1j
for n in [0, 1, 2, 3, 10, 100, 101, -1, -2, -3, 0.5, -0.5, 2.0, 1e-3]:
    show("z**%r" % (n,), lambda: z ** n)
print(1j ** 2, 1j ** 3, 1j ** 4, 1j ** -1, 1j ** 0.5, 1j ** 1j, 2 ** 1j, 2.0 ** (1 + 1j), (1 + 2j) ** (3 - 4j))
print(0j ** 0, 0j ** 0j, 0j ** 2, 0j ** 2.5, (0 + 0j) ** (1 + 0j), complex(-0.0, 0.0) ** 3)
show("0j ** -1", lambda: 0j ** -1)
show("0j ** 1j", lambda: 0j ** 1j)
show("0j ** -0.5", lambda: 0j ** -0.5)
show("overflow", lambda: complex(1e200, 1e200) ** 3)
show("overflow polar", lambda: complex(10, 10) ** 1000.5)
show("big square", lambda: complex(1e308, 1e308) ** 2)
show("mod", lambda: pow(1j, 2, 3))
show("mod right", lambda: pow(2, 1j, 3))
show("mod none", lambda: pow(1j, 2, None))
print(pow(1 + 1j, 2), pow(2, 1 + 1j))
for base, e in [(-8, 0.5), (-8.0, 1 / 3), (-1, 0.5), (-1.0, 1.5), (-2.5, -0.5), (-1e300, 0.5), (-0.5, 2.5)]:
    show("%r ** %r" % (base, e), lambda: base ** e)
for base, e in [(-8.0, 2.0), (-8.0, -1.0), (float('-inf'), 0.5), (-2.0, float('inf')), (-2.0, float('nan')), (-0.0, 0.5), (-8, 2)]:
    show("%r ** %r" % (base, e), lambda: base ** e)
show("pow neg", lambda: pow(-8, 0.5))
show("pow neg mod", lambda: pow(-8.0, 0.5, 3))
x = -4.0
x **= 0.5
print(x, type(x).__name__)
