# Subclasses of complex: construction, overridden dunders, results of arithmetic are plain complex, __complex__ returning subclasses.
class C(complex):
    def __repr__(self):
        return 'C(%s)' % complex.__repr__(self)
class D(complex):
    def __new__(cls, re, im=0.0):
        return super().__new__(cls, re * 2, im)
    extra = 5
c = C(1, 2)
print(c, type(c).__name__, c.real, c.imag, c == 1 + 2j, hash(c) == hash(1 + 2j))
print(type(c + 1).__name__, type(-c).__name__, type(+c).__name__, type(c.conjugate()).__name__, type(c.__complex__()).__name__)
print(type(complex(c)).__name__, complex(c), C('3+4j'), C(c), type(C(c)).__name__)
d = D(3, 4)
print(d, type(d).__name__, d.extra, abs(d))
print(format(c, '.1f'), str(c), f'{c}')
class E(complex):
    def __complex__(self):
        return C(9, 9)
class G:
    def __complex__(self):
        return C(7, 7)
print(complex(G()), type(complex(G())).__name__)
class H(complex):
    def __eq__(self, other):
        return 'custom'
print(H(1) == 1, 1 == H(1))
class K(complex):
    pass
k = K(1, 1)
k.attr = 'ok'
print(k.attr, isinstance(k, complex), K.__mro__[1].__name__)
