# Generators and async generators collected while suspended are closed:
# their finally blocks run, and errors there are reported as "Exception ignored".
import gc, sys

def hook(u):
    # The default hook prints the object's repr, which shows an address.
    print("unraisable:", type(u.object).__name__, repr(u.exc_value), u.err_msg,
          u.exc_traceback.tb_frame.f_code.co_name)
sys.unraisablehook = hook

def gen():
    try:
        yield 1
    finally:
        print("gen finally")

def bad_gen():
    try:
        yield 1
    finally:
        raise ValueError("raised in finally")

async def agen():
    try:
        yield 1
    finally:
        print("agen finally")

def drive(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value

async def first(g):
    return await g.__anext__()

def start():
    g = gen()
    next(g)
    b = bad_gen()
    next(b)
    a = agen()
    print(drive(first(a)))

class D:
    def __del__(self):
        raise KeyError("in __del__")

def start2():
    D()

start()
gc.collect()
start2()
gc.collect()
print("end")
