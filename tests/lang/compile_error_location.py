# SyntaxErrors found by the compiler rather than the parser: byte offsets
# (plus one) as CPython's compiler reports them, the nonlocal error at its
# statement, and the text read from the file the filename names (None for a
# made-up name), as CPython's PyErr_ProgramTextObject does.
SOURCES = [
    "return 1\n",
    "x = 'éé'; return 1\n",
    "def f():\n  x = 'é'; nonlocal q\n",
    "def f():\n  global a\n  def g():\n    nonlocal a\n",
    "f('é', a=1, a=2)\n",
    "x = 'é'; yield\n",
    "for x in y:\n  pass\nbreak\n",
    "class C:\n  def f(self):\n    continue\n",
    "def f(x):\n  global x\n",
    "def f():\n  x = 1\n  global x\n",
    "async def f():\n  yield 1\n  return 2\n",
    "__debug__ = 1\n",
    "del __debug__\n",
    "f(**a, *b)\n" ,
    "a = 1\n\n\n\nawait x\n",
]
for src in SOURCES:
    for name in ('<made-up>', __file__):
        try:
            compile(src, name, 'exec')
            print(repr(src), 'compiled')
        except SyntaxError as e:
            print(repr(src), name == __file__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
