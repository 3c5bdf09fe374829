# Branch cuts: the sign of a zero imaginary (or real) part picks the side, as C99 prescribes.
import cmath
def h(z):
    return '%r %r' % (z.real, z.imag)
for name, points in [('sqrt', [-4.0, -1e-300]), ('log', [-1.0, -10.0]), ('log10', [-100.0]),
                     ('acos', [2.0, -3.0]), ('asin', [2.0, -3.0]), ('acosh', [0.5, -2.0]),
                     ('atanh', [2.0, -2.0, 1.0, -1.0])]:
    f = getattr(cmath, name)
    for x in points:
        for z in [complex(x, 0.0), complex(x, -0.0)]:
            try:
                print(name, repr(z), h(f(z)))
            except ValueError as e:
                print(name, repr(z), 'ValueError', e)
for name in ['asinh', 'atan']:
    f = getattr(cmath, name)
    for y in [2.0, -2.0]:
        for z in [complex(0.0, y), complex(-0.0, y)]:
            try:
                print(name, repr(z), h(f(z)))
            except ValueError as e:
                print(name, repr(z), 'ValueError', e)
for z in [complex(0.0, 0.0), complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0), -1 + 0j, complex(-1, -0.0)]:
    print(repr(z), cmath.phase(z), cmath.polar(z), h(cmath.sqrt(z)))
