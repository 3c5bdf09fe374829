# Async generators: aclose() runs finally blocks, GeneratorExit handling, errors, attributes.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("  cleanup")

async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

async def raises_stop():
    raise StopAsyncIteration("inside")
    yield

async def raises_stopiter():
    raise StopIteration("inside")
    yield

async def catcher():
    while True:
        try:
            yield "waiting"
        except KeyError as e:
            yield "caught " + repr(e)

async def main():
    g = with_cleanup()
    print(await g.__anext__())
    await g.aclose()
    print("aclose again:", await g.aclose())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")

    g = stubborn()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print(e)

    for f in (raises_stop, raises_stopiter):
        try:
            await f().__anext__()
        except RuntimeError as e:
            print(e, "| cause:", repr(e.__cause__))

    g = catcher()
    print(await g.__anext__())
    print(await g.athrow(KeyError("k")))
    print(await g.athrow(KeyError, KeyError("k2")))
    await g.aclose()

    # aclose of a generator never started does nothing.
    g = with_cleanup()
    await g.aclose()
    print("unstarted closed")

run(main())

async def agen():
    yield 1

g = agen()
print(type(g).__name__, g.__name__, g.__qualname__, g.ag_running, g.ag_await, g.ag_code.co_name)
print(g.ag_frame is not None)
g.__name__ = "renamed"
print(g.__name__)
try:
    g.__name__ = 3
except TypeError as e:
    print(e)
for name in ("__anext__", "__aiter__", "asend", "athrow", "aclose"):
    print(name, hasattr(g, name))
try:
    g.athrow()
except TypeError as e:
    print(type(e).__name__)
import types
print(types.AsyncGeneratorType is type(g))

try:
    compile("async def f():\n    yield 1\n    return 2\n", "<s>", "exec")
except SyntaxError as e:
    print(e.msg)
