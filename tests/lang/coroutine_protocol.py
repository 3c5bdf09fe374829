# The coroutine protocol as CPython 3.11 has it: __await__() and its
# coroutine_wrapper, coroutines not being iterators, `yield from` of a
# coroutine, the errors of await/async with/async for, reuse of a finished
# coroutine, cr_origin.
import sys, types

async def f():
    return 5

c = f()
w = c.__await__()
print(type(w).__name__, iter(w) is w, type(w).send.__doc__.splitlines()[0])
try:
    next(w)
except StopIteration as e:
    print("stop", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    c.throw(ValueError("x"))
except RuntimeError as e:
    print("RuntimeError", e)
print(c.close())

c2 = f()
for op in (iter, next):
    try:
        op(c2)
    except TypeError as e:
        print("TypeError", e)
c2.close()
print(hasattr(c2, "__next__"), hasattr(c2, "__iter__"), hasattr(c2, "__await__"))
print(types.CoroutineType.__dict__["__name__"].__doc__, "|", types.CoroutineType.close.__doc__)

class ReturnsCoro:
    def __await__(self):
        return c3
c3 = f()
async def g():
    return await ReturnsCoro()
try:
    g().send(None)
except TypeError as e:
    print("TypeError", e)
c3.close()

def gen():
    yield from c4
c4 = f()
try:
    next(gen())
except TypeError as e:
    print("TypeError", e)
c4.close()

@types.coroutine
def bar():
    return (yield from coro)
coro = f()
try:
    bar().send(None)
except StopIteration as e:
    print("types.coroutine yield from:", e.value)

@types.coroutine
def nop():
    yield
async def suspended():
    await nop()
async def waiter(x):
    await x
s = suspended()
s.send(None)
try:
    waiter(s).send(None)
except RuntimeError as e:
    print("RuntimeError", e)
s.close()

class CM:
    def __init__(self, enter, exit):
        self.enter, self.exit = enter, exit
    def __aenter__(self):
        return self.enter
    def __aexit__(self, *a):
        return self.exit
async def use(cm):
    async with cm:
        pass
for cm in (CM(1, None), CM(f(), 2)):
    try:
        use(cm).send(None)
    except TypeError as e:
        print("TypeError", e)

class BadAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return self
    def __await__(self):
        1 / 0
async def loop():
    async for _ in BadAnext():
        pass
try:
    loop().send(None)
except TypeError as e:
    print("TypeError", e, "cause:", type(e.__cause__).__name__, e.__suppress_context__)

class It:
    def __init__(self):
        self.n = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n >= 2:
            raise StopAsyncIteration
        self.n += 1
        return self.n
async def drive():
    it = It()
    return [await anext(it, "end") for _ in range(3)]
try:
    drive().send(None)
except StopIteration as e:
    print("anext with default:", e.value)

old = sys.get_coroutine_origin_tracking_depth()
sys.set_coroutine_origin_tracking_depth(0)
k = f()
print(k.cr_origin)
k.close()
def make():
    return f()
sys.set_coroutine_origin_tracking_depth(2)
k = make()
print([(fn.rsplit("/", 1)[-1], ln, name) for fn, ln, name in k.cr_origin])
k.close()
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError", e)
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(old)
