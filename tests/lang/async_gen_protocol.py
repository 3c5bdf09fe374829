# Async generators driven by hand: __aiter__/__anext__, asend, athrow, aclose, StopAsyncIteration.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def counter(n):
    for i in range(n):
        received = yield i
        if received is not None:
            print("  received", received)
    print("  counter done")

async def main():
    out = []
    async for x in counter(3):
        out.append(x)
    print("async for:", out)
    print("comprehension:", [x * 10 async for x in counter(2)])

    g = counter(5)
    print("aiter is self:", g.__aiter__() is g)
    print("anext:", await g.__anext__())
    print("asend:", await g.asend("hello"))
    try:
        await g.athrow(ValueError("boom"))
    except ValueError as e:
        print("athrow propagated:", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("finished after athrow")

    g = counter(1)
    print(await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration as e:
        print("StopAsyncIteration", e.args)
    return "main result"

print(run(main()))

# The awaitables, step by step.
g = counter(2)
a = g.__anext__()
print(type(a).__name__, a.__await__() is a, iter(a) is a)
try:
    a.send(None)
except StopIteration as e:
    print("yielded via StopIteration:", e.value)
try:
    a.send(None)
except RuntimeError as e:
    print(e)
b = g.asend(None)
try:
    next(b)
except StopIteration as e:
    print("next:", e.value)
c = g.aclose()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("aclose done", e.args)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
try:
    g.__anext__().send(None)
except StopAsyncIteration:
    print("closed generator: StopAsyncIteration")
