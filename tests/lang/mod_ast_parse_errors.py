# ast.parse() errors at the end of input in eval, func_type and single
# modes (no newline is added there) and the func_type grammar.
# gcstress-every: 5
import ast
srcs = ['x +', '(a) -> ', 'x = ', 'f(', 'if x:', 'x +\n', '1 2', 'a b\n', '', '\n', '(a,) -> b', '() -> ', 'lambda:', '[1,', 'x ==', '"abc', "'''abc", '(a) -> b,', 'a if b', 'def f():', 'x = 1\ny = ', '@d', 'not']
for mode in ('eval', 'func_type', 'single', 'exec'):
    for s in srcs:
        try: ast.parse(s, mode=mode); print(mode, repr(s), 'ok')
        except SyntaxError as e: print(mode, repr(s), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

for mode in ('exec', 'eval', 'func_type', 'single'):
    for s in ['(a) -> ', '(a, b)', 'x = ', '(a) -> b c', '(a) -> b\n', '(*a, *b) -> c', '(a, *b, c) -> d',
              '(**a, *b) -> c', '(**a, b) -> c', '(*a, **b, c) -> d', '(*a, **b) -> c', '(a, **b) -> c']:
        try:
            ast.parse(s, mode=mode)
            print(mode, repr(s), 'ok')
        except SyntaxError as e:
            print(mode, repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
