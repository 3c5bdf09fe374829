# functools.wraps/update_wrapper and total_ordering running on the C module.
import functools

def deco(fn):
    @functools.wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k)
    return inner
@deco
def hello(name):
    "Say hello."
    return 'hello ' + name
print(hello('x'), hello.__name__, hello.__doc__, hello.__wrapped__.__name__)
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
pm = functools.partialmethod
class A:
    def set(self, k, v):
        return (k, v)
    set_x = pm(set, 'x')
print(A().set_x(5))
# classmethod and staticmethod show the wrapped function's __doc__, __name__,
# ... ahead of their class's docstring (the copy 3.10+ makes).
def documented():
    "My function docstring"
for k in (classmethod, staticmethod):
    c = k(documented)
    print(c.__doc__, c.__name__, c.__qualname__, c.__wrapped__ is documented)
    c.__doc__ = "changed"
    print(c.__doc__, documented.__doc__)
    print(k(len).__name__, k(functools.partial(len)).__doc__[:7])
w = functools.update_wrapper(lambda *a: None, max)
print(w.__doc__ == max.__doc__, max.__doc__.splitlines()[0], min.__doc__.splitlines()[0])
