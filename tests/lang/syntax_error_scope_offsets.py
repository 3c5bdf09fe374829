# Where the symbol table's SyntaxErrors point, as CPython's.
for s in ['def f():\n  from _ import *', 'def f():\n  global x\n  nonlocal x', 'def f():\n  nonlocal x\n  global x', 'def f():\n  x = 1\n  global x', 'def f(x):\n  global x', '{i for i in range(5) if (j := 0) for j in range(5)}', '[i for i in range(5) if (j := 0) for j in range(5)]', '[(j := 0) for i in range(5) for j in range(5)]']:
    try: compile(s, '<s>', 'exec'); print(repr(s), "ok")
    except SyntaxError as e: print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
