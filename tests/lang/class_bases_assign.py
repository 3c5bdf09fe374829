# Assigning to a class's __bases__: the MRO, method lookup, isinstance and the
# special-method slots of the class and its subclasses follow the new bases.
class A:
    def who(self): return "A"
    def __len__(self): return 1

class B:
    def who(self): return "B"
    def __len__(self): return 2

class C(A):
    pass

class D(C):
    pass

c, d = C(), D()
print(c.who(), len(c), len(d), [k.__name__ for k in D.__mro__])
C.__bases__ = (B,)
print(c.who(), len(c), len(d), [k.__name__ for k in D.__mro__])
print(isinstance(c, A), isinstance(c, B), issubclass(D, B), C.__base__.__name__)
print([k.__name__ for k in A.__subclasses__()], [k.__name__ for k in B.__subclasses__()])
C.__bases__ = (A, B)
print(c.who(), [k.__name__ for k in C.__mro__])

def attempt(label, bases, cls=C):
    try:
        cls.__bases__ = bases
        print(label, "ok", [k.__name__ for k in cls.__mro__])
    except TypeError as e:
        print(label, "TypeError:", e)

attempt("list", [A])
attempt("empty", ())
attempt("non-class", (A, 1))
attempt("cycle", (D,))
attempt("layout", (int,))
attempt("builtin", (A,), int)
class E(A, B): pass
attempt("mro conflict", (B, A), E) if False else None
class X(A): pass
class Y(B, X): pass
attempt("inconsistent", (B,), X)
print([k.__name__ for k in C.__mro__])
try:
    del C.__bases__
except TypeError as e:
    print("del TypeError:", e)
print(object.__bases__, C.__bases__ is not None)
