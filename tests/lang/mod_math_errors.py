# math: domain and range errors, argument errors, in CPython's words.
import math

cases = [
    lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.exp(1000), lambda: math.pow(0, -1),
    lambda: math.pow(10, 400), lambda: math.pow(-1, 0.5), lambda: math.acosh(0.5), lambda: math.atanh(1),
    lambda: math.sinh(1000), lambda: math.log1p(-1), lambda: math.fmod(1, 0), lambda: math.remainder(1, 0),
    lambda: math.ldexp(1.5, 1024), lambda: math.ldexp(1.0, 2 ** 70), lambda: math.gamma(0), lambda: math.gamma(-1),
    lambda: math.lgamma(0), lambda: math.sqrt('a'), lambda: math.sqrt(), lambda: math.sqrt(1, 2),
    lambda: math.log(), lambda: math.log(1, 2, 3), lambda: math.log(10, 1), lambda: math.pow(1),
    lambda: math.ldexp(1, 'a'), lambda: math.floor(math.inf), lambda: math.ceil(math.nan),
    lambda: math.trunc('a'), lambda: math.sqrt(10 ** 400), lambda: math.fsum([1e308, 1e308]),
    lambda: math.fsum([math.inf, -math.inf]), lambda: math.dist([1, 2], [1]), lambda: math.isclose(1, 2, rel_tol=-1),
    lambda: math.isclose(1, 2, 3), lambda: math.prod([1], 2), lambda: math.hypot('a'), lambda: math.sqrt(x=1),
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
