# types.coroutine: code.replace(co_flags=...) and awaiting a generator marked CO_ITERABLE_COROUTINE.
import types


def f():
    yield


c = f.__code__
for kw in ({"co_name": 1}, {"co_flags": "x"}, {"co_bogus": 1}, {"co_consts": [1]}, {"co_filename": None},
           {"co_name": "g"}, {"co_qualname": "q.g"}, {"co_flags": c.co_flags | 0x100}, {"co_consts": c.co_consts},
           {"co_varnames": c.co_varnames}, {}):
    try:
        r = c.replace(**kw)
        print(sorted(kw), r.co_name, r.co_qualname, r.co_flags & 0x100, r.co_filename == c.co_filename,
              r.co_consts == c.co_consts, r is c)
    except Exception as e:
        print(sorted(kw), type(e).__name__, e)
try:
    c.replace(1)
except TypeError as e:
    print(e)

f.__code__ = c.replace(co_name="renamed")
print(f.__name__, f.__code__.co_name, list(f()))


@types.coroutine
def sleep0():
    x = yield "tick"
    return x


async def main():
    r = await sleep0()
    return r * 2


co = main()
print(co.send(None))
try:
    co.send(21)
except StopIteration as e:
    print("done", e.value)


def plain():
    yield 1


async def bad():
    await plain()


try:
    bad().send(None)
except TypeError as e:
    print(e)


@types.coroutine
def wrapped():
    return (yield from sleep0())


async def outer():
    return await wrapped()


co = outer()
print(co.send(None))
try:
    co.send("x")
except StopIteration as e:
    print("done", e.value)
