# cmath.polar/rect round trips, phase, isclose tolerances, isfinite/isinf/isnan.
import cmath
inf, nan = float('inf'), float('nan')
for z in [1 + 1j, -1 - 1j, 3j, -2, 0j, complex(-0.0, -0.0), 1e300 + 1e300j, complex(1e-320, 1e-320)]:
    r, phi = cmath.polar(z)
    print(repr(z), r, phi, cmath.rect(r, phi), cmath.phase(z), abs(z) == r)
print(cmath.rect(2, 0.0), cmath.rect(2, -0.0), cmath.rect(-2, -0.0), cmath.rect(0, 1), cmath.rect(1, cmath.pi / 2))
print(cmath.rect(inf, 1), cmath.rect(-inf, 2), cmath.rect(inf, 0.0), cmath.rect(nan, 1), cmath.rect(3, nan), cmath.rect(0.0, inf))
print(cmath.isclose(1, 1 + 1e-10), cmath.isclose(1, 1 + 1e-8), cmath.isclose(1j, 1.0000000001j),
      cmath.isclose(1, 1.01, rel_tol=0.1), cmath.isclose(0, 1e-10), cmath.isclose(0, 1e-10, abs_tol=1e-9),
      cmath.isclose(complex(inf, 0), complex(inf, 0)), cmath.isclose(complex(inf, 0), complex(-inf, 0)),
      cmath.isclose(nan, nan), cmath.isclose(complex(inf, 1), 1e308), cmath.isclose(a=1, b=1.0),
      cmath.isclose(1 + 1j, 1 + 1.0000000001j, rel_tol=0.0), cmath.isclose(2, 2.5, abs_tol=0.5))
for z in [1, 1j, complex(inf, 0), complex(0, -inf), complex(nan, 0), complex(0, nan), complex(inf, nan), 1e308 * 10]:
    print(repr(z), cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
