# PyCF_TYPE_COMMENTS / ast.parse(type_comments=True): the type_comment fields,
# Module.type_ignores, and the errors for misplaced type comments.
# gcstress-every: 20
import ast
cases = [
 "x = 1\n# type: int\n",
 "x = 1  # type: int\n",
 "x + 1  # type: int\n",
 "x: int = 1  # type: int\n",
 "def f():  # type: () -> None\n    pass\n",
 "def f():\n    # type: () -> None\n    pass\n",
 "def f():  # type: () -> None\n    # type: () -> None\n    pass\n",
 "def f(): # type: () -> None\n  pass\n",
 "def f(a, # type: int\n  b # type: str\n  ):\n  pass\n",
 "def f(a, # type: int\n  *, b=1, # type: str\n  **k # type: dict\n  ):\n  pass\n",
 "def f(a=1 # type: int\n  ): pass\n",
 "for x in y:  # type: int\n  pass\n",
 "async def g():\n  async for x in y:  # type: int\n    pass\n  async with a as b:  # type: int\n    pass\n",
 "with a as b, c:  # type: int\n  pass\n",
 "with (a as b, c):  # type: int\n  pass\n",
 "x = y = 1 # type: int\n",
 "x = 1 # type:int\n",
 "x = 1 #type:   int  \n",
 "x = 1 # type: ignore\n",
 "x = 1 # type: ignoreX\n",
 "x = 1 # type: ignore-foo\n",
 "# type: ignore\nx = 1\n",
 "if x:\n  # type: ignore[abc]\n  pass\n",
 "x = 1 # type: ignore # type: int\n",
 "x = 1 # typo: int\n",
 "x = 1 #  type :int\n",
 "x = (1 # type: int\n)\n",
 "class C:  # type: int\n  pass\n",
 "lambda x: 1 # type: int\n",
 "x = 1 # type: é\n",
 "def f(): pass # type: int\n",
 "while x: # type: int\n  pass\n",
 "x = 1; y = 2 # type: int\n",
 "x = [1,\n # type: int\n 2]\n",
 "def f(\n  a, # type: int\n):\n  pass\n",
 "def f(*a, # type: int\n):\n  pass\n",
 "def f(a, /, # type: int\n b):\n  pass\n",
 "def f(a # type: int\n , b): pass\n",
]
for src in cases:
    for mode in ('exec', 'single'):
        try:
            t = ast.parse(src, type_comments=True, mode=mode)
            print(repr(src), mode, ast.dump(t, include_attributes=False))
        except SyntaxError as e:
            print(repr(src), mode, 'SyntaxError', e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
print(ast.dump(ast.parse("x = 1 # type: int", type_comments=True).body[0], include_attributes=True))

cases = [
 "x = 1 # type: int",
 "x = (1, # type: ignore\n 2)\n",
 "def f(a, # type: int\n  b=2, # type: str\n  *args, # type: list\n  c, # type: dict\n  **kw # type: set\n  ):\n  # type: (...) -> None\n  return 1 # type: ignore\n",
 "@dec\ndef f(): # type: () -> int\n  x = y = z = 3 # type: int\n",
 "class C:\n  def m(self): # type: () -> None\n    for a, b in c: # type: int, str\n      pass\n    else:\n      pass\n",
 "if x:\n  y = 1 # type: int\n",
 "x = 1 # type: ignore[attr-defined, misc]\ny = 2\n# type: ignore\n",
 "def f():\n  # type: () -> None\n\n  pass\n",
 "def f():\n\n  # type: () -> None\n  pass\n",
 "def f():\n  # type: () -> None\n  # type: () -> None\n  pass\n",
 "def f(): # type: () -> None\n  # type: () -> None\n  pass\n",
 "x = 1 # type: int # type: str\n",
 "x = 1 # type: \n",
 "x = 1 # type:\n",
 "x = 1 #\ttype:\tint\n",
 "x = 1 # type: ignore\t\n",
 "x = 1 # type: ignoreé\n",
 "x = 1 # type: ignore[é]\n",
 "x = 'é' # type: é\n",
 "def f(a, b): # type: (int, str) -> None\n  pass\n",
 "lambda a, # type: int\n b: 1\n",
 "def f(*, a): # type: int\n  pass\n",
 "def f(a, *, # type: int\n b): pass\n",
 "f(a, # type: int\n b)\n",
 "x: int # type: int\n",
 "x += 1 # type: int\n",
 "async def f():\n  async with a: # type: int\n    pass\n",
 "with a: # type: int\n  pass\nelse: pass\n",
 "for x in y: pass # type: int\n",
 "for x in y: # type: int\n  pass\n",
 "try: # type: int\n  pass\nfinally: pass\n",
 "def f(a, # type: int\n):\n  pass\n",
 "def f(a # type: int\n):\n  pass\n",
 "def f(**k, # type: int\n):\n  pass\n",
]
for src in cases:
    try:
        t = ast.parse(src, type_comments=True)
        print(repr(src), ast.dump(t, include_attributes=True))
    except SyntaxError as e:
        print(repr(src), 'SyntaxError', e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
# compile() of source with the flag
c = compile("x = 1 # type: int\n", "f", "exec", ast.PyCF_TYPE_COMMENTS)
ns = {}; exec(c, ns); print(ns['x'])
try:
    compile("x + 1 # type: int\n", "f", "exec", ast.PyCF_TYPE_COMMENTS)
except SyntaxError as e:
    print('compile', e)
print(compile("x + 1 # type: int\n", "f", "exec").co_name)
t = ast.parse("x = 1 # type: int", type_comments=True)
print(ast.unparse(t), '|', ast.unparse(ast.parse("def f(): # type: () -> None\n  pass", type_comments=True)))
print(ast.dump(ast.parse("(a, *b, **c) -> d", mode='func_type'), include_attributes=True))
print(ast.dump(ast.parse("() -> None\n\n", mode='func_type')))
for bad in ["(a) -> ", "a -> b", "(a, b)", "(*a, *b) -> c", "(a=1) -> b"]:
    try:
        ast.parse(bad, mode='func_type')
        print('ok', bad)
    except SyntaxError as e:
        print(repr(bad), e.msg, e.lineno, e.offset)
