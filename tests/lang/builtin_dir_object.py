# object.__dir__: any __dict__ (function attributes, a module's namespace), then the attributes of __class__.
def f(): pass
f.f = f
print('f' in dir(f), sorted(set(dir(f)) - set(dir(lambda: 0))))
import sys, types
m = types.ModuleType("mm"); m.x = 1
print('x' in object.__dir__(m), sorted(object.__dir__(m))[:3])
class P:
    @property
    def __class__(self): return int
print('bit_length' in dir(P()))
class Q:
    def __init__(self): self.a = 1
print([n for n in dir(Q()) if not n.startswith('__')])
