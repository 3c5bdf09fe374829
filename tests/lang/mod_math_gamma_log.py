# gamma/lgamma (CPython's Lanczos method) and logarithms of huge integers.
import math

print([math.gamma(x) for x in (0.5, 1.5, 2.5, 5, 10.1, 23, 24, 170.5, -0.5, -2.5, 1e-30, -200.5)])
print([math.lgamma(x) for x in (0.5, 1, 2, 3.5, 100, 1e300, -2.5, -0.1)])
print(math.log(2 ** 2000), math.log10(10 ** 500), math.log2(2 ** 3000), math.log(10 ** 400, 10), math.log(3 ** 1000, 3))
print(math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(1000), math.log(True), math.log(2.5))
print(math.log(7 ** 999 + 1), math.log2(2 ** 1024 - 1), math.log10(2 ** 10000))
