# Raising while handling an exception whose __context__ chain already holds a
# cycle must not loop forever (the cycle check walks the chain).
def cycle():
    try:
        raise ValueError(1)
    except ValueError as ex:
        ex.__context__ = ex
        raise TypeError(2)

try:
    cycle()
except Exception as e:
    exc = e
print(type(exc).__name__, type(exc.__context__).__name__, exc.__context__.__context__ is exc.__context__)

# A longer cycle behind the head: A -> B -> C -> A, then D raised while handling A.
class A(Exception): pass
class B(Exception): pass
class C(Exception): pass
a, b, c = A(), B(), C()
a.__context__ = b
b.__context__ = c
c.__context__ = a
try:
    try:
        raise a
    except A:
        raise KeyError("d")
except KeyError as d:
    ctx = d.__context__
    print(type(ctx).__name__, type(ctx.__context__).__name__, type(ctx.__context__.__context__).__name__)

# Raising an exception that is already in the chain cuts the chain there.
x, y = ValueError("x"), ValueError("y")
try:
    try:
        raise x
    except ValueError:
        try:
            raise y
        except ValueError:
            raise x
except ValueError as e:
    print(e, e.__context__, e.__context__.__context__)
