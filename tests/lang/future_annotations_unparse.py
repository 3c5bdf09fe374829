# Postponed annotations (from __future__ import annotations) are the unparsed AST, as CPython's
# ast_unparse.c writes it: reprs of strings, normalised spacing and parentheses, rebuilt f-strings.
from __future__ import annotations
def show(f):
    for k, v in f.__annotations__.items(): print(k, repr(v))
def f(a: List[list["C2"]], b: "x", c: f(x='y', *"z"), d: {"k": "v'", 'q': b"x", **m},
      e: f"a{b!r:>3}", g: 1 + 2 * 3 ** -x ** 2, h: (1 + 2) * 3, i: not a and b or c,
      j: lambda x, y=1, *a, z, w=2, **k: x, k: lambda: 0, l: lambda *a: 0, m: lambda a, /, b: 0,
      n: x if y else z, o: [x for x in y if z], p: {x: y for x, y in z}, q: (x for x in y),
      r: f(x for x in y), s: a[1:2, ::3], t: a[1,], u: a[()], v: (1,), w: (), x: 1 .real,
      y: 1.5e300 * 1e10, z: 1e400j, aa: a < b <= c is not d not in e, ac: ...,
      ad: -x ** 2, ae: (-x) ** 2, af: a | b & c ^ d << e, ag: {1, 2}, ah: [*a, *b], ai: u"abc",
      ak: x.y.z(1)[2], al: tuple[*Ts], an: a if b else (c if d else e),
      ao: (a if b else c) if d else e, ap: a.b if c else lambda: d, aq: 'it''s') -> Dict[str, 'int']: pass
show(f)
x: Optional["Foo"] = None
y: int | "str"
print(__annotations__)
def g(a: f"x{y!a}{{}}é{z:>{w}.{q!r}}", b: f"{ {1: 2}[1] }", c: f"{(lambda: 1)()}", d: f'{x:%H}{"q"}', e: f"{x=}",
      h: rf"\n{x}\\", i: f"{'a' 'b'}"): pass
show(g)
