# functools.lru_cache and cache on the C _lru_cache_wrapper: hits, eviction order, typed, info.
import functools

@functools.lru_cache(maxsize=2)
def f(x):
    print('  call', x)
    return x * 2
print(f(1), f(1), f(2), f(3), f(1))
print(f.cache_info(), f.cache_parameters())
f.cache_clear()
print(f.cache_info())
@functools.lru_cache(maxsize=None, typed=True)
def g(x):
    print('  g', x)
    return x
print(g(1), g(1.0), g(1), g.cache_info())
@functools.lru_cache(maxsize=0)
def h(x):
    return x
print(h(1), h(1), h.cache_info())
@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
print(f.__name__, f.__wrapped__.__name__, type(f).__name__)
@functools.lru_cache
def k(a, b=0):
    print('  k', a, b)
    return a + b
print(k(1, b=2), k(1, b=2), k(1, 2), k.cache_info())
class C:
    @functools.lru_cache(maxsize=10)
    def m(self, x):
        return x + 1
c = C()
print(c.m(1), c.m(1), C.m.cache_info())
try:
    functools.lru_cache(maxsize='a')
except TypeError as e:
    print(e)
