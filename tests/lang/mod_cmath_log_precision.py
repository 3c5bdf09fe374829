# cmath.log, log10 and sqrt where naive formulas lose precision: near |z| = 1, huge, subnormal; log with a base.
import cmath
def h(z):
    return '%s %s' % (z.real.hex(), z.imag.hex())
for z in [1 + 1e-10j, 1.0000001 + 0j, 0.6 + 0.8j, 0.7071 + 0.7071j, complex(1e308, 1e308), complex(1.7e308, 1e-300),
          complex(5e-324, 5e-324), complex(1e-310, 0), complex(0, -1e-320), 1e-300 + 1e-300j, complex(2.0 ** -1050, 1)]:
    print(repr(z), h(cmath.log(z)), h(cmath.log10(z)), h(cmath.sqrt(z)))
for x, b in [(8, 2), (100, 10), (1j, 1j), (-1, 2), (2, -1), (1e300, 1e-300), (10, 10 + 0j), (0.5, 0.25)]:
    print(x, b, cmath.log(x, b))
print(cmath.log(10, 1j), cmath.log10(1000), cmath.log10(-1000), cmath.log(cmath.e ** 2))
for z in [complex(-1e-310, 0), complex(1e300, -1e300), complex(-4, 1e-300), 16 + 0j]:
    print(repr(z), cmath.sqrt(z))
