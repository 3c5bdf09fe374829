# ContextVar get/set/reset, defaults, tokens and their attributes.
import contextvars
from contextvars import ContextVar, Token, Context, copy_context

v = ContextVar('v')
d = ContextVar('d', default=42)
print(v.name, d.name)
print(d.get(), d.get(7), v.get('fallback'), v.get(None))
try:
    v.get()
except LookupError as e:
    print('LookupError', e.args[0] is v)

t1 = v.set(1)
print(v.get(), t1.var is v, t1.old_value is Token.MISSING, repr(Token.MISSING))
t2 = v.set(2)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
v.reset(t1)
print(v.get('gone'))
print(repr(t1).startswith('<Token used var=<ContextVar name='), repr(t2)[:11])

td = d.set(None)
print(d.get(), d.get(5))
d.reset(td)
print(d.get())

# repr of ContextVar shows name and default
r = repr(ContextVar('abc', default=[1, 2]))
print(r.startswith("<ContextVar name='abc' default=[1, 2] at 0x"), r.endswith('>'))
r = repr(ContextVar('abc'))
print(r.startswith("<ContextVar name='abc' at 0x"))

# hashing by identity
a = ContextVar('same'); b = ContextVar('same')
print(hash(a) == hash(a), a == a, a == b, {a: 1, b: 2}[b])

# generic aliases
print(ContextVar[int], Token[str])
print(type(ContextVar), type(Token.MISSING).__name__)
print(contextvars.Context.__module__ if hasattr(Context, '__module__') else None)
print(ContextVar.__name__, Token.__name__, Context.__name__, ContextVar.__module__)

# set in a function: visible to the caller (same context)
def f():
    v.set('in f')
f()
print(v.get())

# old_value when the var was set before
w = ContextVar('w')
w.set(10)
tok = w.set(11)
print(tok.old_value, tok.var.name)
w.reset(tok)
print(w.get())
