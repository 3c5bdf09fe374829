# Special methods stored as non-function descriptors (unittest.mock's MagicProxy) are bound with __get__ before the call.
class Proxy:
    def __init__(self, f): self.f = f
    def __get__(self, obj, cls): return lambda: self.f(obj)
class C:
    __complex__ = Proxy(lambda o: 2j)
    __bytes__ = Proxy(lambda o: b"xy")
    __float__ = Proxy(lambda o: 1.5)
    __int__ = Proxy(lambda o: 7)
    __index__ = Proxy(lambda o: 3)
    __bool__ = Proxy(lambda o: False)
    __len__ = Proxy(lambda o: 4)
    __round__ = Proxy(lambda o, *a: 9)
    __abs__ = Proxy(lambda o: 11)
    __hash__ = Proxy(lambda o: 12)
    __str__ = Proxy(lambda o: "S")
    __repr__ = Proxy(lambda o: "R")
    __format__ = Proxy(lambda o: "F")
c = C()
print(complex(c), bytes(c), float(c), int(c), bool(c), len(c), abs(c), hash(c), str(c), repr(c))
import operator, math
print(operator.index(c), round(c), [0,1,2,3][c])
