# math.fsum (exact), hypot with many arguments, dist: correctly rounded results.
import math

print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e-16, 1, 1e16]), math.fsum([1, 1e100, 1, -1e100] * 10000))
print(math.fsum([]), math.fsum([math.inf, 1]), math.fsum(range(10)), math.fsum([2 ** 53, 1, 1]))
print(math.fsum([1.7976931348623157e308, -1e292, 1e292]))
print(math.hypot(3, 4), math.hypot(), math.hypot(-3), math.hypot(1, 2, 3, 4), math.hypot(1e308, 1e308))
print(math.hypot(1e-320, 1e-320), math.hypot(0.1, 0.2, 0.3), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1))
print(math.dist((1, 2), (4, 6)), math.dist([0.1, 0.2], [0.3, 0.5]), math.dist(iter([1.5]), (0,)))
vals = [i / 7 for i in range(1, 30)]
print(math.hypot(*vals), math.fsum(vals), math.dist(vals, vals[::-1]))
