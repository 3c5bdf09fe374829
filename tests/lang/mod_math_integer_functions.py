# math's exact integer functions: factorial, gcd, lcm, isqrt, comb, perm, prod.
import math

print(math.factorial(0), math.factorial(20), len(str(math.factorial(1000))), math.factorial(True))
print(math.gcd(), math.gcd(-12), math.gcd(12, 18), math.gcd(12, 18, 8), math.gcd(2 ** 100, 6 ** 50), math.gcd(0, 0))
print(math.lcm(), math.lcm(-4), math.lcm(4, 6, 10), math.lcm(2 ** 64, 3 ** 40, 5), math.lcm(3, 0, 5))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 100), math.isqrt(2 ** 200 - 1))
print(math.comb(10, 3), math.comb(100, 50), math.comb(5, 7), math.comb(10 ** 20, 3), math.comb(10 ** 6, 2))
print(math.perm(5), math.perm(5, 2), math.perm(5, 7), math.perm(10 ** 20, 3), math.perm(20, 20))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod([2] * 100), math.prod([2], start=3), math.prod(['a', 3]))
for bad in [lambda: math.factorial(5.0), lambda: math.factorial(-1), lambda: math.factorial(2 ** 70), lambda: math.gcd(1.5),
            lambda: math.isqrt(-1), lambda: math.comb(5), lambda: math.comb(-1, 2), lambda: math.perm(5, -1),
            lambda: math.comb(2 ** 70, 2 ** 69 + 2 ** 68), lambda: math.prod()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
