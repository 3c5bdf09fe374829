# compile(..., PyCF_ALLOW_TOP_LEVEL_AWAIT): which code becomes a coroutine,
# the errors without the flag, and running such code (a tiny driver stands
# in for an event loop).
# gcstress-every: 5
import ast, types

def run(coro):
    """A minimal driver: every yield is a no-op suspension."""
    n = 0
    try:
        while True:
            coro.send(None)
            n += 1
    except StopIteration as e:
        return e.value, n

class Sleep:
    def __await__(self):
        yield
        return 'slept'

async def val(v):
    await Sleep()
    return v

class agen:
    """An async iterator over range(n) that suspends before each item."""
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Sleep()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1

class CM:
    async def __aenter__(self):
        await Sleep()
        return 'entered'
    async def __aexit__(self, *a):
        return False

for src, mode in [("await x", "single"), ("await x", "exec"), ("x = await y", "eval"), ("await x", "eval"),
                  ("[i async for i in y]", "exec"), ("[await i for i in y]", "exec"), ("async for i in y: pass", "exec"),
                  ("async with y: pass", "exec")]:
    try:
        c = compile(src, "s", mode)
        print("compiled", repr(src), hex(c.co_flags))
    except SyntaxError as e:
        print(repr(src), mode, e.msg, e.lineno, e.offset)
F = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
def show(src, mode='exec'):
    try:
        c = compile(src, "s", mode, F)
        print(repr(src), mode, bool(c.co_flags & 0x80), c.co_name)
        return c
    except SyntaxError as e:
        print(repr(src), mode, 'SyntaxError', e.msg, e.lineno, e.offset)
for s in ["x = 1", "await val(0)", "async for i in y: pass", "async with y: pass", "[i async for i in y]",
          "[await i for i in y]", "(i async for i in y)", "(await i for i in y)", "{i: j async for i, j in y}",
          "[[i async for i in y] for j in z]", "[x for x in [i async for i in y]]",
          "def f(): await x", "class C: await x", "lambda: await x", "yield 1", "await x; yield 1", "return 1",
          "def f():\n  return [i async for i in y]", "def f():\n  return (i async for i in y)",
          "def f():\n  return [await i for i in y]", "async def f():\n  return [await i for i in y]",
          "def f():\n  return [[await i for i in y] for j in z]",
          "class C:\n  x = [i async for i in y]", "async def f():\n  class C:\n    x = await y",
          "async def f():\n  lambda: [await x for x in y]", "async def f():\n  def g(): await x"]:
    show(s)
for s in ["await x", "[i async for i in y]", "f(await x)", "x"]:
    show(s, 'eval')
show("await x", "single")
g = {'val': val, 'agen': agen, 'CM': CM}
c = compile("x = await val(5)\ny = [i async for i in agen(3)]\nz = [await val(i) for i in range(2)]\n"
            "w = {i: await val(i * 2) async for i in agen(2) if i >= 0}\n", "s", "exec", F)
co = eval(c, g)
print(type(co).__name__, isinstance(co, types.CoroutineType))
print(run(co), g['x'], g['y'], g['z'], g['w'])
c = compile("await val(7)", "s", "eval", F)
print(run(eval(c, g)))
c = compile("async with CM() as q:\n  r = q\nasync for i in agen(3):\n  s = i\n", "s", "exec", F)
f = types.FunctionType(c, g)
print(run(f()), g['r'], g['s'])
c = compile("x = 10", "s", "exec", F)
print(eval(c, g), g['x'])
print(exec(compile("x = 11", "s", "exec", F), g), g['x'])
t = ast.parse("await val(3)", mode='exec')
try:
    compile(t, 's', 'exec')
except SyntaxError as e:
    print('ast', e)
c = compile(t, 's', 'exec', F)
print(bool(c.co_flags & 0x80), run(eval(c, g)))
c = compile("await val(1)", "s", "single", F)
print(run(eval(c, g)))
# async comprehensions in async functions
async def comps():
    a = [await val(i) for i in range(3)]
    b = [i async for i in agen(3) if i != 1]
    c = {i async for i in agen(2)}
    d = {k: v async for k in agen(2) for v in [k * 10]}
    e = [x for x in range(2) async for y in agen(2)]
    g = (i * 2 async for i in agen(3))
    n = [[x async for x in agen(i)] for i in range(3)]
    return a, b, c, d, e, n, type(g).__name__
print(run(comps()))
async def err():
    return [i async for i in agen(3) if 1 / (i - 1)]
try:
    run(err())
except ZeroDivisionError as ex:
    print('ZeroDivisionError', ex)
async def notaiter():
    lst = [1, 2]
    return [i async for i in lst]
try:
    run(notaiter())
except TypeError as ex:
    print('TypeError', ex)
print(0x200)
def gx():
    return (await val(i) for i in range(2))
print(type(gx()).__name__, bool(gx.__code__.co_consts and True))
