# The implicit __context__ is attached where an exception is raised; one set
# to None while it propagates (a finally, a handler, a generator thrown into)
# stays None through re-raises and callers' frames.
from contextlib import contextmanager, ExitStack

class MyE(Exception):
    pass

def raise_then_clear():
    exc = MyE()
    try:
        raise exc
    finally:
        exc.__context__ = None

def gen():
    try:
        yield
    except BaseException:
        raise_then_clear()

try:
    try:
        raise IndexError()
    except IndexError:
        raise_then_clear()
except MyE as e:
    print("call", repr(e.__context__))

try:
    try:
        raise IndexError()
    except IndexError:
        try:
            raise MyE()
        except MyE as e:
            e.__context__ = None
            raise
except MyE as e:
    print("bare raise", repr(e.__context__))

it = gen()
next(it)
try:
    try:
        raise IndexError()
    except IndexError as v:
        it.throw(v)
except MyE as e:
    print("throw", repr(e.__context__))

my_cm = contextmanager(gen)
@contextmanager
def my_cm_with_exit_stack():
    with ExitStack() as stack:
        stack.enter_context(my_cm())
        yield stack
for cm in (my_cm, my_cm_with_exit_stack):
    try:
        with cm():
            raise IndexError()
    except MyE as exc:
        print(cm.__name__, repr(exc.__context__))

# Contexts still come from the handler active at the raise, across frames
# and into generators.
def inner():
    raise ValueError("inner")
try:
    try:
        raise KeyError("outer")
    except KeyError:
        inner()
except ValueError as e:
    print("implicit", repr(e.__context__))

def f():
    yield
def g():
    try:
        raise KeyError("a")
    except Exception:
        yield from f()
it = g()
it.send(None)
try:
    it.throw(ValueError)
except ValueError as e:
    print("yield from", repr(e.__context__))
saved = None
try:
    raise TypeError("saved")
except TypeError as e:
    saved = e
try:
    try:
        raise OSError("now")
    except OSError:
        raise saved
except TypeError as e:
    print("raise again", repr(e.__context__))
