x = f"a{b!r:>{w}} {c=} {d,e}" 'z' rf'\d{x}' f'''{
  y}'''
match p:
    case [1, *rest] | {"k": v, **kw} | Point(x=0, y=_) as q if q:
        pass
    case -1+2j | None | a.b.c:
        pass
async def f(a, /, b=1, *c, d, **e) -> int:
    async with a as (b, c), d:
        await x
    return [y async for y in z if y] or {k: v for k, v in w} or (yield from g)
try:
    pass
except* (A, B) as e:
    del x[1:2, ...], y.z
@dec(1)
class C(D, metaclass=M): x: int = 1; y += 2; (z) : int
lambda x=1, *, y: x if y else (z := 3)
