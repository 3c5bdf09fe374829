# ast.unparse(): source text back from trees, and the round trip
# unparse(parse(s)) == unparse(parse(unparse(parse(s)))).
# gcstress-every: 50
import ast

SOURCES = [
    "x = 1", "a, *b = c", "x: int = 5", "del a[1], b.c", "x += 1",
    "import a.b as c\nfrom .. import d as e, f",
    "def f(a, /, b=1, *c, d, e=2, **f) -> int:\n    'doc'\n    return a",
    "async def g():\n    await x\n    async for i in y:\n        pass\n    async with a as b:\n        pass",
    "@d\nclass C(B, metaclass=M):\n    x = 1\n    def m(self):\n        pass",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
    "while x:\n    break\nelse:\n    pass",
    "for i in range(3):\n    continue\nelse:\n    pass",
    "try:\n    pass\nexcept E as e:\n    raise\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass",
    "try:\n    pass\nexcept* E:\n    pass",
    "with a as b, c:\n    pass",
    "lambda x, y=1, *a, z, **k: x + y",
    "x if y else z", "not a and (b or c)", "-x ** 2", "(-x) ** 2", "x ** -y", "2 ** 3 ** 4", "(2 ** 3) ** 4",
    "a < b < c", "a is not b", "a not in b",
    "[1, 2, *a]", "(1,)", "()", "{1: 2, **d}", "{1, 2}", "{}", "set()",
    "[x for x in y if x]", "{k: v for k, v in d}", "{x async for x in y}", "(x for x in y)", "f(x for x in y)",
    "f(a, *b, c=1, **d)", "a.b[c:d:e]", "a[1:2, 3]", "a[b, *c]", "a[()]", "a[(1, 2)]",
    "(y := 1)", "f(y := 1)", "x = (y := 1)",
    "'abc'", "b'\\x00'", "u'x'", "'a' 'b'", "\"it's\"", "'\\n'", "'''multi\nline'''",
    "f'{a!r:>{w}} {b=} {{x}}'", "f'{x:{y}.{z}}'", "f\"{'a'}\"", "f'{a}' f'{b}' 'c'",
    "1_000", "0x_ff", "1e100", "1e1000", "-1e1000", "1j", "(1+2j)", "...", "None", "True",
    "match x:\n    case [a, *b]:\n        pass\n    case {'k': v, **r}:\n        pass\n    case C(1, y=2) | D():\n        pass\n    case (p as q) if q:\n        pass\n    case _:\n        pass",
    "global a, b", "def f():\n    nonlocal a", "assert x, 'm'", "raise E from F", "print(*a, **k)",
    "x = yield", "def f():\n    x = yield y\n    yield from z", "await x",
    "(a, b) = c", "[a, b] = c", "a = b = c",
    "class C:\n    '''doc'''\n    x: int", "def f():\n    '''doc\n    more'''",
    "x = 1 # type: int", "del (a, b)", "del [a, b]", "(a)", "((a))", "a.b.c", "(1).real", "1.0.real",
    "f()()", "f(*a)(**b)", "x[::]", "x[:]", "x[1:]", "{**a, 'b': 1}", "{*a, *b}", "*a, b = c",
]
for src in SOURCES:
    tree = ast.parse(src)
    out = ast.unparse(tree)
    again = ast.unparse(ast.parse(out))
    print(repr(src), '->', repr(out), 'stable' if out == again else 'UNSTABLE ' + repr(again))
print(ast.unparse(ast.parse("x = 1 # type: int", type_comments=True)))
print(ast.unparse(ast.parse("def f(a, # type: int\n  b):\n  # type: (...) -> None\n  pass", type_comments=True)))
print(ast.unparse(ast.parse("(int, str) -> bool", mode='func_type')))
print(ast.unparse(ast.Constant(value=float('inf'))), ast.unparse(ast.Constant(value=complex(1, float('inf')))))
print(ast.unparse(ast.Name('x', ast.Load())), ast.unparse(ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))))
print(repr(ast.unparse(ast.Module([], []))))
