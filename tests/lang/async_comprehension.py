# Asynchronous comprehensions: async for clauses (first and later ones,
# mixed with plain for), await in the element and in conditions, nested
# comprehensions, generator expressions that become async generators, and
# the errors outside async functions.  A tiny driver runs the coroutines.

def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps

class Tick:
    def __await__(self):
        yield
        return 'tick'

async def val(v):
    await Tick()
    return v

class arange:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Tick()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1

async def main():
    out = []
    out.append([i async for i in arange(4)])
    out.append([i async for i in arange(6) if i % 2 if await val(True)])
    out.append({i * i async for i in arange(3)})
    out.append({i: await val(i + 1) async for i in arange(3)})
    out.append([(i, j) for i in range(2) async for j in arange(2)])
    out.append([(i, j) async for i in arange(2) for j in range(i + 1)])
    out.append([await val(i) for i in range(3)])
    out.append([[j async for j in arange(i)] for i in range(3)])
    out.append([x for x in [y async for y in arange(3)]])
    g = (i async for i in arange(2))
    out.append(type(g).__name__)
    h = (await val(i) for i in range(2))
    out.append(type(h).__name__)
    out.append(type(x for x in range(1)).__name__)
    return out

print(run(main()))

async def raises():
    return [1 / (i - 1) async for i in arange(3)]
try:
    run(raises())
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)

async def not_async_iterable():
    data = [1, 2]
    return [i async for i in data]
try:
    run(not_async_iterable())
except TypeError as e:
    print('TypeError', e)

class BadNext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5
async def bad_anext():
    return [i async for i in BadNext()]
try:
    run(bad_anext())
except TypeError as e:
    print('TypeError', e)

for src in ["def f():\n    return [i async for i in x]\n",
            "def f():\n    return [await i for i in x]\n",
            "def f():\n    return {i: 1 async for i in x}\n",
            "def f():\n    return (i async for i in x)\n",
            "def f():\n    return (await i for i in x)\n",
            "async def f():\n    return [[await i for i in x] for j in y]\n",
            "def f():\n    return [[await i for i in x] for j in y]\n",
            "async def f():\n    return lambda: [i async for i in x]\n",
            "class C:\n    x = [i async for i in y]\n",
            "[i async for i in x]\n",
            "(i async for i in x)\n",
            "async def f():\n    def g():\n        [await i for i in x]\n"]:
    try:
        code = compile(src, 'src', 'exec')
        print(repr(src), 'ok')
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset)
