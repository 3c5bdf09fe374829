# math.floor/ceil/trunc: floats, ints, and objects with __floor__/__ceil__/__trunc__/__float__.
import math

print(math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(3.7), math.trunc(-3.7))
print(math.floor(2 ** 100), math.ceil(True), math.floor(10 ** 30 + 0.0), math.floor(-0.0), math.ceil(-0.5), math.trunc(5))
class F:
    def __floor__(self): return 'floor!'
    def __ceil__(self): return 'ceil!'
    def __trunc__(self): return 'trunc!'
print(math.floor(F()), math.ceil(F()), math.trunc(F()))
class G:
    def __float__(self): return 2.5
print(math.floor(G()), math.ceil(G()), math.sqrt(G()))
class I:
    def __index__(self): return 9
print(math.sqrt(I()), math.factorial(I()), math.gcd(I(), 6))
try:
    math.trunc(G())
except TypeError as e:
    print(e)
