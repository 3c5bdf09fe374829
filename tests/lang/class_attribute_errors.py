# Messages and corner cases of attribute access on classes and instances, as CPython's.


def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)


def outer():
    class A:
        pass

    class B:
        y = 0
        __slots__ = ('z',)

    def del_attr(o, name):
        delattr(o, name)

    attempt("A.x", lambda: A.x)
    attempt("del A.x", lambda: del_attr(A, "x"))
    attempt("del A().x", lambda: del_attr(A(), "x"))
    attempt("del B().x", lambda: del_attr(B(), "x"))
    attempt("B().x = 0", lambda: setattr(B(), "x", 0))
    attempt("del B().y", lambda: del_attr(B(), "y"))
    attempt("B().y = 0", lambda: setattr(B(), "y", 0))

    class C:
        pass

    attempt("C(42)", lambda: C(42))
    attempt("C().__init__(42)", lambda: C().__init__(42))
    attempt("object.__init__(C(), 42)", lambda: object.__init__(C(), 42))
    attempt("object.__new__(C, 42)", lambda: object.__new__(C, 42))


outer()


# A dunder whose __get__ fails compares as NotImplemented (then identity).
def booh(self):
    raise AttributeError("booh")


class E:
    __eq__ = property(booh)


e = E()
print("property __eq__:", E() == E(), e == e, E() != E())

# property's fget/fset/fdel are read-only members.
p = property(lambda self: 1)
for attr in "fget", "fset", "fdel":
    attempt("set property." + attr, lambda: setattr(p, attr, None))
print(p.fset, p.fdel, type(property.__dict__["fget"]).__name__)
p.__doc__ = 42
print(p.__doc__)

# type pretends not to have __abstractmethods__; deleting a missing one.
attempt("type.__abstractmethods__", lambda: type.__abstractmethods__)


class X:
    pass


attempt("del X.__abstractmethods__", lambda: delattr(X, "__abstractmethods__"))

# object.__setattr__ cannot jump over type's __setattr__ (Carlo Verre's hack).
attempt("object.__setattr__(str)", lambda: object.__setattr__(str, "foo", 42))
attempt("object.__delattr__(str)", lambda: object.__delattr__(str, "lower"))
print(hasattr(str, "foo"))


class Meta(type):
    def __setattr__(cls, key, value):
        object.__setattr__(cls, key, value)


class Mixed(X, Meta):
    pass


attempt("indirect object.__setattr__", lambda: setattr(Mixed('D', (object,), {}), "test", True))


class Meta2(type):
    def __setattr__(cls, key, value):
        type.__setattr__(cls, key, value)


class Mixed2(X, Meta2):
    pass


attempt("direct type.__setattr__", lambda: setattr(Mixed2('D', (object,), {}), "test", True))


# classmethod and staticmethod copy the wrapped function's attributes (3.10+).
def f(cls, arg):
    "f docstring"
    return (cls, arg)


cm = classmethod(f)
print(sorted(cm.__dict__.items(), key=lambda kv: kv[0]) == sorted({
    '__annotations__': {}, '__doc__': "f docstring", '__module__': __name__, '__name__': 'f',
    '__qualname__': f.__qualname__}.items()))
print(cm.__wrapped__ is f, cm.__name__, cm.__doc__)
sm = staticmethod(None)
print(sm.__dict__)
sm.x = 42
print(sm.__dict__)
attempt("sm.__name__", lambda: sm.__name__)

# A module subclass whose __dict__ is not a dict cannot be listed.
import sys


class M(type(sys)):
    pass


class M2(M):
    @property
    def __dict__(self):
        return "Not a dict!"


m = M("m")
m.b = 2
m.a = 1
print([x for x in dir(m) if not x.startswith("__")])
attempt("dir(M2)", lambda: dir(M2("m2")))
