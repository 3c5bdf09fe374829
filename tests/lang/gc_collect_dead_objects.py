# gc.collect() frees objects that are dead even though the interpreter
# handled them a moment ago: an instance made through a Python __init__,
# an exception passed to a with statement's __exit__.
import gc, weakref, contextlib

class WithInit:
    def __init__(self, a=None, b=None):
        self.a = a
        self.b = []

def make_and_drop(cls, *args):
    obj = cls(*args)
    ref = weakref.ref(obj)
    del obj
    gc.collect()
    return ref() is None

print(make_and_drop(WithInit), make_and_drop(WithInit, 1, 2), make_and_drop(WithInit, 1, 2))

class Counted(Exception):
    alive = 0
    def __init__(self):
        Counted.alive += 1
        Exception.__init__(self)
    def __del__(self):
        Counted.alive -= 1

@contextlib.contextmanager
def swallow():
    try:
        yield
    except Counted:
        pass

class Suppress:
    def __enter__(self): return self
    def __exit__(self, *exc): return True

def raise_in_with(cm):
    with cm:
        raise Counted()

for cm in [swallow(), Suppress(), swallow()]:
    raise_in_with(cm)
    gc.collect()
    print(type(cm).__name__, Counted.alive)
