# ImportError's fields (name, path, msg) as CPython's __init__ stores them:
# directly, so a subclass's property of the same name (importlib.metadata's
# PackageNotFoundError) or __setattr__ is not involved; types.MethodType.
import types

e = ImportError('no luck', name='mod', path='/x/mod.py')
print(e, e.name, e.path, e.msg, e.args)
e = ModuleNotFoundError("No module named 'zz'", name='zz')
print(e, e.name, e.path, repr(e))
try:
    ImportError('m', bogus=1)
except TypeError as t:
    print(t)

class PackageMissing(ModuleNotFoundError):
    def __str__(self):
        return f"No package metadata was found for {self.name}"
    @property
    def name(self):
        (name,) = self.args
        return name

try:
    raise PackageMissing('demo-dist')
except ImportError as x:
    print(type(x).__name__, x, x.name, x.msg)

class Quiet(StopIteration):
    def __setattr__(self, k, v):
        print('setattr', k)
        super().__setattr__(k, v)
q = Quiet(5)
print(q.value)
q.value = 6
print(q.value)

class A:
    def __init__(self, n): self.n = n
def describe(self, extra):
    return (type(self).__name__, self.n, extra)
m = types.MethodType(describe, A(3))
print(m(4), m.__self__.n, m.__func__ is describe)
print(types.MethodType(len, [1, 2])())
for bad in [(), (describe,), (1, 2), (describe, None), (describe, 1, 2)]:
    try:
        types.MethodType(*bad)
    except TypeError as t:
        print('TypeError', t)
try:
    types.MethodType(describe, 1, x=1)
except TypeError as t:
    print('TypeError', t)
