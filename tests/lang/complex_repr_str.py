# repr/str of complex: parentheses only with a real part, +0 real omitted, signed zeros, inf and nan, exponent switch.
inf = float('inf')
nan = float('nan')
for z in [1j, -1j, 0j, -0j, complex(0.0, -0.0), complex(-0.0, 0.0), complex(-0.0, -0.0), 1 + 2j, 1.5 - 2.5j,
          complex(1, 1e-5), complex(1e16, 1e-16), 1e16j, 1e15j, complex(123456789012345678, 1), complex(0.1, 0.2),
          complex(inf, inf), complex(-inf, -inf), complex(nan, nan), complex(-nan, -nan), complex(nan, inf),
          complex(0, nan), complex(0, -inf), complex(1e-320, 5e-324), complex(2.0, 3.0), complex(1e300 * 10, 1)]:
    print(repr(z), str(z), '%s' % (z,), '{}'.format(z), f'{z!r}', [z])
print(repr(-(0j)), repr(-0.0j), repr(0 - 0j), repr(-0.0 - 0j))
