# gcstress-every: 100
# Async generators under asyncio: awaiting inside, async for, the loop's hooks
# closing generators left suspended when asyncio.run() ends.
import asyncio

async def ticker(n, delay=0):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticker finally", n)

async def pairs():
    async for a in ticker(2):
        yield a, a * a

async def main():
    print([x async for x in ticker(3)])
    async for p in pairs():
        print("pair", p)
    g = ticker(10)
    print("first", await g.__anext__())
    print("second", await anext(g))
    global left_open
    left_open = g          # still suspended when main returns
    print("main returns")
    return "done"

print(asyncio.run(main()))
print("after asyncio.run")

async def producer(q):
    for i in range(3):
        await q.put(i)
        yield i

async def consume():
    q = asyncio.Queue()
    got = []
    async for i in producer(q):
        got.append((i, await q.get()))
    return got

print(asyncio.run(consume()))
