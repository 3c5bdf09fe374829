# math: libm functions, constants and conversions, printed with full precision.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
for f in [math.sqrt, math.exp, math.log, math.log2, math.log10, math.sin, math.cos, math.tan, math.atan,
          math.sinh, math.cosh, math.tanh, math.asinh, math.erf, math.erfc, math.expm1, math.log1p, math.cbrt,
          math.exp2, math.fabs]:
    print(f.__name__, [f(x) for x in (0.5, 1.0, 2.0, 10.0)])
print(math.acos(0.5), math.asin(0.5), math.acosh(2), math.atanh(0.5), math.atan2(1, -1), math.atan2(-0.0, -1.0))
print(math.degrees(math.pi / 3), math.radians(90), math.copysign(3, -0.0), math.fmod(-7, 3), math.remainder(7, 2), math.remainder(5, 2))
print(math.frexp(8.0), math.frexp(-0.1), math.ldexp(0.75, 4), math.modf(-3.25), math.modf(math.inf))
print(math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan), math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1, abs_tol=0.2))
print(math.pow(2, 0.5), math.pow(math.inf, -1), math.pow(-2.0, math.inf), math.pow(0.0, 0.0), math.pow(math.nan, 0))
print(math.nextafter(1, 2), math.nextafter(0, -1), math.ulp(1), math.ulp(0), math.ulp(1e308), math.ulp(math.inf))
print(math.sqrt(10 ** 100), math.exp(700), math.log(1e-320), math.sin(1e22), math.cos(1e300))
