# cmath errors: domain and range errors, argument types and counts, the messages.
import cmath
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

show("log 0", lambda: cmath.log(0))
show("log10 0", lambda: cmath.log10(0j))
show("log base 1", lambda: cmath.log(2, 1))
show("log 0 base 2", lambda: cmath.log(0, 2))
show("atanh 1", lambda: cmath.atanh(1))
show("atanh -1", lambda: cmath.atanh(-1))
show("atan 1j", lambda: cmath.atan(1j))
show("exp overflow", lambda: cmath.exp(1000))
show("exp 710", lambda: cmath.exp(709.9 + 1j))
show("cosh overflow", lambda: cmath.cosh(1000 + 1j))
show("sinh overflow", lambda: cmath.sinh(-1000 + 1j))
show("cos overflow", lambda: cmath.cos(1000j))
show("sin overflow", lambda: cmath.sin(1 + 1000j))
show("tan big", lambda: cmath.tan(1000j))
show("tanh big", lambda: cmath.tanh(1000))
show("cos inf", lambda: cmath.cos(float('inf')))
show("exp infj", lambda: cmath.exp(complex(1, float('inf'))))
show("polar overflow", lambda: cmath.polar(complex(1.7e308, 1.7e308)))
show("rect inf phi", lambda: cmath.rect(1, float('inf')))
show("str", lambda: cmath.sqrt('1'))
show("none", lambda: cmath.exp(None))
show("list", lambda: cmath.phase([]))
show("no args", lambda: cmath.sqrt())
show("two args", lambda: cmath.sqrt(1, 2))
show("kw", lambda: cmath.sqrt(z=1))
show("log no args", lambda: cmath.log())
show("log three", lambda: cmath.log(1, 2, 3))
show("log bad base", lambda: cmath.log(1, 'x'))
show("rect one", lambda: cmath.rect(1))
show("rect complex", lambda: cmath.rect(1j, 1))
show("rect str", lambda: cmath.rect(1, 'a'))
show("isclose one", lambda: cmath.isclose(1))
show("isclose three", lambda: cmath.isclose(1, 2, 3))
show("isclose neg tol", lambda: cmath.isclose(1, 1, rel_tol=-1))
show("isclose abs tol", lambda: cmath.isclose(1, 1, abs_tol=-1e-9))
show("isclose bad kw", lambda: cmath.isclose(1, 1, tol=1))
show("isclose str tol", lambda: cmath.isclose(1, 1, rel_tol='x'))
show("isinf str", lambda: cmath.isinf('a'))
class Bad:
    def __complex__(self):
        return 1
class Boom:
    def __complex__(self):
        raise RuntimeError('boom')
show("bad __complex__", lambda: cmath.sqrt(Bad()))
show("raising __complex__", lambda: cmath.sqrt(Boom()))
show("huge int", lambda: cmath.sqrt(10 ** 400))
