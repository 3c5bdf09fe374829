# Error behaviour of _contextvars, messages as CPython's (addresses masked).
import re
from contextvars import ContextVar, Context, Token, copy_context

def show(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, re.sub(r'0x[0-9a-f]+', 'ADDR', str(e)))

v = ContextVar('v')
w = ContextVar('w')
show(lambda: ContextVar(1))
show(lambda: ContextVar())
show(lambda: ContextVar('a', 1))
show(lambda: ContextVar('a', foo=1))
show(lambda: ContextVar(name='a'))
show(lambda: Context(1))
show(lambda: Context(a=1))
show(lambda: Token())
show(lambda: Context()[1])
show(lambda: 1 in Context())
show(lambda: Context().get('x'))
show(lambda: Context().get())
show(lambda: Context()[v])
show(lambda: v.get(1, 2))
show(lambda: v.set())
show(lambda: v.set(1, 2))
show(lambda: v.reset())
show(lambda: v.reset(1))
show(lambda: Context().run())
show(lambda: copy_context(1))
show(lambda: Context().keys(1))
show(lambda: hash(Context()))
show(lambda: Context() < Context())

t = v.set(1)
show(lambda: w.reset(t))
v.reset(t)
show(lambda: v.reset(t))
t2 = v.set(2)
show(lambda: Context().run(v.reset, t2))

# re-entering a context that is running
ctx = Context()
def reenter():
    return ctx.run(lambda: 'inner')
show(lambda: ctx.run(reenter))
show(lambda: ctx.run(lambda: 'again'))

# subclassing is refused
for T in (ContextVar, Context, Token):
    try:
        class S(T):
            pass
    except TypeError as e:
        print('TypeError', e)

show(lambda: setattr(v, 'name', 'x'))
show(lambda: setattr(t2, 'var', 'x'))
