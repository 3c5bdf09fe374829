# Context as a mapping, run(), copy(), copy_context(), nesting and isolation.
from contextvars import ContextVar, Context, copy_context

x = ContextVar('x', default='dx')
y = ContextVar('y')

ctx = Context()
print(len(ctx), list(ctx), list(ctx.keys()), list(ctx.values()), list(ctx.items()))
print(x in ctx, ctx.get(x), ctx.get(x, 'dflt'))

def setter(val, *, other=None):
    x.set(val)
    if other is not None:
        y.set(other)
    return x.get(), y.get('none')

print(ctx.run(setter, 1))
print(x.get(), len(ctx), ctx[x], x in ctx, y in ctx)
print(ctx.run(setter, 2, other='o'))
print(len(ctx), ctx[x], ctx[y], sorted(k.name for k in ctx), sorted(map(str, ctx.values())))
print(sorted((k.name, v) for k, v in ctx.items()))
print(len(ctx.keys()), len(ctx.items()), type(ctx.keys()).__name__, type(iter(ctx)).__name__)

# copies are independent and equal until changed
c2 = ctx.copy()
print(c2 == ctx, c2 != ctx, c2 is ctx)
c2.run(x.set, 99)
print(ctx[x], c2[x], c2 == ctx)
print(Context() == Context(), Context() == 1, Context() != 1)

# copy_context copies the current one
x.set('outer')
c3 = copy_context()
print(c3[x], x in c3)
x.set('changed')
print(c3[x], x.get())
print(c3.run(x.get))

# nested run of different contexts
def inner():
    return x.get()
def outer():
    x.set('o2')
    return Context().run(inner), x.get()
print(copy_context().run(outer), x.get())

# iteration sees a snapshot
c4 = Context()
vs = [ContextVar('v%d' % i) for i in range(50)]
def fill():
    for i, v in enumerate(vs):
        v.set(i)
c4.run(fill)
print(len(c4), sorted(c4[v] for v in vs) == list(range(50)), all(v in c4 for v in vs))
it = iter(c4)
n = 0
for k in it:
    n += 1
print(n)

# reset inside run, deleting keys
def resets():
    toks = [v.set(-1) for v in vs[:25]]
    for t in reversed(toks):
        t.var.reset(t)
    new = [ContextVar('n%d' % i) for i in range(30)]
    ts = [v.set(i) for i, v in enumerate(new)]
    for t in ts:
        t.var.reset(t)
    return len(copy_context())
print(c4.run(resets), len(c4), sorted(c4[v] for v in vs) == list(range(50)))

# exception propagates, context exited
def boom():
    x.set('boom')
    raise ValueError('inside')
c5 = Context()
try:
    c5.run(boom)
except ValueError as e:
    print('ValueError', e, c5[x])
print(c5.run(lambda: 1))
print(x.get())

# get() across many contexts with the cache
def reader():
    return x.get()
cs = []
for i in range(5):
    c = Context()
    c.run(x.set, i)
    cs.append(c)
print([c.run(reader) for c in cs], x.get())
