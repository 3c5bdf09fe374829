# Private names: __x inside a class body (and functions, lambdas, comprehensions nested in it) is _Class__x; def/class names keep __name__; imports, except-as, match captures, globals, parameters, __slots__.
class A:
    __cls_attr = 5
    def __init__(self):
        self.__x = 1
        self.__y__ = 2
    def get(self):
        return self.__x, A.__cls_attr, self.__priv()
    def __priv(self):
        return "priv"
    def args(self, __p, *, __k=3):
        return __p, __k
    class __Inner:
        __z = 9
        def z(self): return self.__z
    def lam(self):
        f = lambda __q=1: __q + self.__x
        return f(), [self.__x + i for i in range(2)]
class B(A):
    def __init__(self):
        super().__init__()
        self.__x = 10
a = A()
print(a.get(), sorted(vars(a)), a._A__x, A._A__priv.__name__, A._A__priv.__qualname__)
print(a.args(1), A.args.__code__.co_varnames)
print(A._A__Inner.__name__, A._A__Inner().z(), sorted(k for k in vars(A._A__Inner) if not k.startswith('__')))
print(a.lam())
b = B()
print(sorted(vars(b)), b.get())
class ___:
    __n = 1
print(hasattr(___, '__n'))
class _Lead:
    __m = 2
print(_Lead._Lead__m)
import os
class C:
    import os.path as __osp
    from os import sep as __sep, getcwd as __cwd
    import collections
    global __g
    __g = 7
    def m(self):
        try:
            1/0
        except ZeroDivisionError as __e:
            return type(__e).__name__
    def mt(self, v):
        match v:
            case {"k": __val, **__rest}:
                return __val, __rest
            case [__first, *__others]:
                return __first, __others
print(sorted(k for k in vars(C) if not k.startswith('__')), _C__g, C().m(), C().mt({"k": 1, "j": 2}), C().mt([1, 2, 3]))
try:
    a.__x
except AttributeError as e:
    print(e)
def outer():
    class D:
        def f(self):
            return __undefined_name
    try:
        D().f()
    except NameError as e:
        print(e)
outer()
class E:
    __slots__ = ('__s', 'plain')
    def __init__(self): self.__s = 4
print(E().__class__.__slots__, E()._E__s, sorted(k for k in vars(E) if 's' in k and not k.startswith('__')))
print(getattr(A(), '_A__x'), A.__dict__.get('_A__cls_attr'))
import ast, pickle, copy
tree = ast.parse("class A:\n    def f(self):\n        self.__y = __z\n")
print(ast.dump(tree.body[0].body[0].body[0]))
class P:
    __slots__ = ('__a', 'b')
    def __init__(self):
        self.__a = 1
        self.b = 2
    def get(self): return self.__a, self.b
p2 = pickle.loads(pickle.dumps(P(), 2))
print(p2.get(), copy.copy(P()).get(), P.__getstate__(P()))
import enum
class Color(enum.Enum):
    RED = 1
    __private = 2
print(list(Color), Color._Color__private)
class A:
    ___ = 1
    __ = 2
    def f(self): return A.___, A.__, ___
___ = 5
print(A().f(), sorted(k for k in vars(A) if not k.startswith('__') or k in ('___', '__')))
