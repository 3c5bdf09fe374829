# ast.parse(): node kinds and positions (lineno, col_offset, end_*), printed
# with ast.dump(include_attributes=True), for every construct of the grammar.
# gcstress-every: 50
import ast

SOURCES = [
    "x = 1\n",
    "a, *b = c, d = f(x)[1:2, ::3]\n",
    "x: 'int' = 5\ny.z: list[int]\n(w): int\n",
    "x += 1; y @= 2; z //= 3; q **= 4\n",
    "del a, b[0], c.d\n",
    "import a.b.c as d, e\nfrom . import (f as g, h)\nfrom ..m import *\n",
    "global g1, g2\ndef f():\n    nonlocal q\n",
    "assert x, 'message'\nraise E from None\nraise\n",
    "if a:\n    pass\nelif b:\n    x\nelse:\n    y\n",
    "while x:\n    break\nelse:\n    continue\n",
    "for i, j in items():\n    pass\nelse:\n    done()\n",
    "async def f(a, /, b: int = 1, *args: str, c, d=2, **kw) -> None:\n    await x\n    async for i in y:\n        yield i\n    async with a as b, c:\n        pass\n",
    "@dec1\n@dec2(arg)\nclass C(Base, metaclass=Meta, **kw):\n    'doc'\n    def m(self): return super().m()\n",
    "try:\n    pass\nexcept (A, B) as e:\n    raise\nexcept C:\n    pass\nelse:\n    x\nfinally:\n    y\n",
    "try:\n    pass\nexcept* ValueError as eg:\n    pass\n",
    "with open(f) as g, h:\n    pass\nwith (a as b, c as d,):\n    pass\n",
    "lambda: 0\nlambda x, /, y=1, *z, w, **k: (x, y)\n",
    "x if y else z\nnot a and b or c\n-x + +y * ~z ** 2\n",
    "a < b <= c != d is e is not f in g not in h\n",
    "[1, *a]\n(1,)\n()\n{1: 2, **d}\n{1, *s}\n{}\n",
    "[x for x in y if x for z in x]\n{k: v for k, v in d.items()}\n{s async for s in t}\n(g for g in h)\n",
    "f(a, *b, c=1, **d)\nf(x for x in y)\nobj.attr.sub[1][::2]\n",
    "(y := f(x))\n[y := 1, z := 2]\n",
    "x = 'abc' 'def'\ny = b'\\x00' rb'raw'\nz = u'unicode'\n",
    "f'{a!r:>{width}} {b=} {c:%H} text {{escaped}}'\n",
    "f'''{\n  a +\n  b\n}'''\n",
    "x = 1_000 + 0x_ff + 0o17 + 0b11 + 1.5e-3 + 2j + .5 + 5.\n",
    "x = ...\ny = None, True, False\n",
    "match command:\n    case [x, y, *rest]:\n        pass\n    case {'k': v, **rest}:\n        pass\n    case Point(x=0, y=0) | Point(1, 2):\n        pass\n    case 1 | -2 | 3 + 4j | 'str' | None:\n        pass\n    case (a as b) if b > 0:\n        pass\n    case _:\n        pass\n",
    "x = '\\N{GREEK SMALL LETTER ALPHA}é'\nñ = 'ü'\n",
    "def f():\n    return\n    yield from g()\n",
    "x = (\n    1,\n    2,\n)\nf(\n  a,\n  b=c\n)\n",
    "if x:\n  if y:\n    pass\n\n\n# comment\nz = 1  # trailing\n",
    "class A: x = 1; y = 2\n",
    "print(*args, sep='')\n",
    "a[b, c:d, *e]\n",
    "def g[T](x): pass\n" if False else "def g(x): pass\n",
    "x = \\\n  1\n",
    "\ufeffx = 1\n",
    "# -*- coding: latin-1 -*-\nx = 'caf\xe9'\n".encode('latin-1'),
]
for src in SOURCES:
    print(ast.dump(ast.parse(src), include_attributes=True))
for src, mode in [("1 + 2", "eval"), ("x = 1\n", "single"), ("(int, *str) -> bool", "func_type"),
                  ("if x:\n  y\n\n", "single"), ("a\n\n", "eval")]:
    print(mode, ast.dump(ast.parse(src, mode=mode), include_attributes=True))
print(ast.dump(ast.parse("x = 1", filename='<f>'), indent=2))
print(ast.dump(ast.parse("def f(x=1): return x"), annotate_fields=False))
print(ast.dump(ast.parse("f(a)\n"), indent='--'))
