# types.ModuleType subclasses: attributes live in the module namespace (its
# __dict__), module.__init__ names the module, a subclass __init__ calls it.
import types, sys
class M(types.ModuleType):
    def __getattr__(self, name):
        raise AttributeError(name)
m = M("foo")
print(m.__name__, type(m.__dict__), '__name__' in m.__dict__)
m.__dict__.update({"a": 1})
print(m.a)
m.b = 2
print(m.__dict__["b"], sorted(k for k in m.__dict__ if not k.startswith('__')))
del m.a
print(hasattr(m, "a"))
class N(types.ModuleType):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
n = N("bar", 5)
print(n.__name__, n.extra, n.__doc__, vars(n)["extra"])
mm = types.ModuleType("x", "doc")
print(mm.__doc__)
mm.__init__("y")
print(mm.__name__, mm.__doc__)
print(repr(M("z")))
# pygments' trick: a module replaced in sys.modules by a subclass instance
import sys
old = types.ModuleType("swapme")
old.x = 1
sys.modules["swapme"] = old
new = M("swapme")
new.__dict__.update(old.__dict__)
sys.modules["swapme"] = new
del new.x
import swapme
print(swapme is new, hasattr(swapme, "x"))
for bad in [(1,), (), ("a", "b", "c")]:
    try:
        types.ModuleType(*bad)
    except TypeError as e:
        print(e)
