# ast.parse(feature_version=...): CPython 3.11's version checks and, below
# 3.7, async/await as plain names outside async functions.
# gcstress-every: 50
import ast
cases = [
 "x: int = 1\n", "a.b: int\n", "(x): int\n", "a @= b\n", "a @ b\n",
 "async def f():\n  await x\n", "async def f():\n  async for x in y: pass\n", "async def f():\n  async with a: pass\n",
 "async def f():\n  async with (a, b): pass\n", "with (a, b): pass\n", "with (a as b, c): pass\n", "with (a): pass\n",
 "async def f():\n  [x async for x in y]\n", "def f(a, /, b): pass\n", "lambda a, /: 1\n", "def f(a=1, /): pass\n",
 "(x := 1)\n", "f(x := 1)\n", "x = 1_000\n", "f'{x=}'\n", "try:\n  pass\nexcept* E:\n  pass\n",
 "match x:\n  case 1: pass\n", "x[*a]\n", "x[a, *b]\n", "def f(*a: *b): pass\n", "print(f'{x:=10}')\n",
 "for x in *a, *b: pass\n", "return *a, *b\n", "def f():\n  yield *a, *b\n", "x = *a, *b\n",
 "{**a}\n", "f(*a, *b)\n", "0x_1\n", "1_0.5_0j\n", "async def f():\n  return [await x async for x in y]\n",
 "def f():\n  return (await x)\n", "async = 1\n", "await = 1\n", "def f():\n  nonlocal x\n",
 "global x\n", "@a.b\ndef f(): pass\n", "@a[1]\ndef f(): pass\n", "@(a)\ndef f(): pass\n",
 "x = (yield)\n", "def f(): return x if y else z\n", "del (a, b)\n", "f'{x!r}'\n", "u'x'\n",
 "x = {1: 2, **y}\n", "a, *b = c\n",
]
for fv in (4, 5, 6, 7, 8, 9, 10, 11):
    for src in cases:
        try:
            ast.parse(src, feature_version=(3, fv))
            r = 'ok'
        except SyntaxError as e:
            r = 'SyntaxError %s %s %s %s %s' % (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
        print(fv, repr(src), r)
print(ast.dump(ast.parse("x = 1", feature_version=8)))
try:
    ast.parse("x", feature_version=(2, 7))
except AssertionError:
    print("AssertionError")
try:
    compile("(x := 1)", "f", "exec", ast.PyCF_ONLY_AST, _feature_version=7)
except SyntaxError as e:
    print(e)
print(compile("(x := 1)", "f", "exec", 0, _feature_version=7).co_name)

cases = [
 "async def f():\n  await x\n  async with a: pass\n  async for i in j: pass\nawait = 1\nasync = 2\n",
 "async def f():\n  def g():\n    await = 1\n  return await g()\nx = await\n",
 "class C:\n  async def m(self):\n    return await self.x\n  def n(self):\n    return await\n",
 "async def f(): return await x\nawait = 3\n",
 "async def f(\n  a, b):\n  await a\n\n\n# c\n  \nawait = 1\n",
 "async  \\\n def f(): pass\n",
 "async def f():\n    pass\n    # comment\nawait(x)\n",
 "def f():\n  async def g(): await h\n  await = 1\n",
 "x = [await for await in async]\n",
 "async def f():\n  x = [i async for i in y]\n",
 "async def f():\n  x = f'{await y}'\n",
 "async def f():\n  if x:\n    await y\n  await z\nawait\n",
 "async def f(): pass\nasync def g(): await x\n",
 "async.x = 1\nasync\n",
 "@dec\nasync def f():\n  await x\n",
]
for fv in (5, 6, 7):
    for src in cases:
        try:
            t = ast.parse(src, feature_version=(3, fv))
            r = ast.dump(t)
        except SyntaxError as e:
            r = 'SyntaxError %s %s %s %s %s' % (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
        print(fv, repr(src), r)
