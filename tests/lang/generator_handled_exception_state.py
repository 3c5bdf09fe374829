# A generator suspended inside its except block keeps the exception it
# handles, even when it is the very exception its caller handles (throw()).
import sys


def g():
    try:
        print("start", sys.exc_info()[0])
        yield
    except Exception as exc:
        print("in except", sys.exc_info()[0].__name__, exc.__context__)
        yield
        print("after yield", sys.exc_info()[0].__name__)
        yield
        raise


make = g()
next(make)
try:
    raise ValueError()
except Exception as exc:
    try:
        make.throw(exc)
    except Exception:
        pass
print("outside", sys.exc_info()[0])
next(make)
try:
    next(make)
except ValueError as e:
    print("reraised", repr(e))


def h():
    try:
        yield 1
    finally:
        print("finally sees", sys.exc_info()[0])
        yield 2
        print("finally again", sys.exc_info()[0])


gen = h()
next(gen)
try:
    raise KeyError("k")
except KeyError as e:
    print(gen.throw(e))
print("outside", sys.exc_info()[0])
try:
    next(gen)
except KeyError as e:
    print("propagated", repr(e))


def plain():
    print("plain sees", sys.exc_info()[0])
    yield
    print("plain again", sys.exc_info()[0])
    yield


p = plain()
try:
    raise TypeError
except TypeError:
    next(p)
next(p)
