class Meta(type):
    def __new__(cls, name, bases, attrs, **kwargs):
        print(name, bases, sorted(kwargs))
        return super().__new__(cls, name, bases, attrs)
    def __init__(cls, *a, **k): pass
d = {'metaclass': Meta, 'x': 1}
class A(**d): pass
bs = (int,)
class B(*bs, metaclass=Meta, **{'y': 2}): pass
print(B.__mro__)
def f():
    v = 5
    class C(*[object], **{}):
        w = v
        def g(self): return v
    return C
print(f().w, f()().g())
try:
    class D(**1): pass
except TypeError as e: print(e)
try:
    class D(*1): pass
except TypeError as e: print(e)
# A class-local name that a method reads as a free variable of the enclosing function.
def outer():
    method_and_var = "var"
    class Test:
        def method_and_var(self):
            return "method"
        def test(self):
            return method_and_var
    return Test()
t = outer()
print(t.test(), t.method_and_var())
