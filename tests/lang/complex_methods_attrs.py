# complex attributes and methods: real, imag, conjugate, __getnewargs__, __complex__, abs, bool, and the operators complex lacks.
import math
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

z = 3 - 4j
print(z.real, z.imag, type(z.real).__name__, z.conjugate(), (1j).conjugate(), z.__getnewargs__(), z.__complex__())
print(abs(z), bool(z), bool(0j), bool(-0j), bool(complex(0, 1e-300)), bool(complex(float('nan'), 0)))
print((1).real, (1).imag, (2.5).conjugate(), (2.5).imag, True.imag)
print([n for n in ['conjugate', 'real', 'imag', '__complex__', '__round__', '__floordiv__', '__mod__', '__int__', '__float__', '__divmod__'] if hasattr(complex, n)])
show("set real", lambda: setattr(z, 'real', 1))
show("new attr", lambda: setattr(z, 'x', 1))
show("floordiv", lambda: z // 1)
show("rfloordiv", lambda: 1 // z)
show("mod", lambda: z % 2)
show("divmod", lambda: divmod(z, 1))
show("int", lambda: int(z))
show("float", lambda: float(z))
show("round", lambda: round(z))
show("trunc", lambda: math.trunc(z))
idx = 1j
show("index", lambda: [1, 2][idx])
show("invert", lambda: ~z)
show("shift", lambda: z << 1)
show("conjugate arg", lambda: z.conjugate(1))
show("getnewargs arg", lambda: z.__getnewargs__(1))
show("math.sqrt", lambda: math.sqrt(1j))
print(complex.__doc__)
print(complex.conjugate.__doc__)
print(complex.real.__doc__)
import copy
print(copy.copy(3j), copy.deepcopy(complex(1, -0.0)))
show("del real", lambda: delattr(z, 'real'))
