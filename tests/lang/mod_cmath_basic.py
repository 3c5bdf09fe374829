# cmath functions on ordinary values (exact to the last bit: printed with float.hex), and the module's constants.
import cmath
def h(z):
    if isinstance(z, tuple):
        return '(' + ', '.join(h(x) for x in z) + ')'
    if isinstance(z, complex):
        return h(z.real) + ' ' + h(z.imag)
    return z.hex() if z == z else 'nan'

names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10',
         'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'phase', 'polar']
for z in [0.5 + 0.25j, -1.5 + 2j, 3 - 4j, 1j, -2, 0.1, 1 + 1e-10j, 100 - 0.5j, 1e-5 + 1e-5j, 2.5]:
    print(repr(z))
    for n in names:
        print('  ', n, h(getattr(cmath, n)(z)))
print(cmath.sqrt(-1), cmath.sqrt(4), cmath.exp(1), cmath.log(cmath.e), cmath.polar(1j), cmath.phase(-1))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj, type(cmath.infj).__name__)
print(cmath.__name__, cmath.__doc__)
print(cmath.sqrt.__doc__, cmath.log.__doc__, sep='\n')
class C:
    def __complex__(self):
        return 2j
class F:
    def __float__(self):
        return 0.5
class I:
    def __index__(self):
        return 4
print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.sqrt(True), cmath.exp(2 ** 5))
