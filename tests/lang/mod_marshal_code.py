# marshal of code objects: Taipan writes its own form, and what it writes
# loads back into code that runs the same (the bytecode cache relies on it).
import marshal, types

src = '''
import sys
def gen(n):
    for i in range(n):
        yield i * i
class K:
    """doc of K"""
    attr = (1, 2.5, 'three', b'four', None, ..., frozenset({5}))
    def method(self, *args, key=None, **kw):
        try:
            return sum(args) + len(kw), key
        except TypeError as e:
            return 'TypeError', str(e)
        finally:
            pass
def closure(x):
    def inner(y):
        nonlocal x
        x += y
        return x
    return inner
async def coro():
    return 1
def uses_stop():
    async def agen():
        yield 1
    return agen
def lines():
    a = 1
    b = [a,
         2]
    raise ValueError(b)
print(list(gen(4)), K.__doc__, K.attr, K().method(1, 2, key='k', z=3), K().method('a', 1))
f = closure(10)
print(f(1), f(2), f.__code__.co_freevars, closure.__code__.co_cellvars)
c = coro()
try:
    c.send(None)
except StopIteration as e:
    print('coro ->', e.value)
print(type(uses_stop()()).__name__)
match {'k': [1, 2]}:
    case {'k': [1, x]}:
        print('matched', x)
'''
code = compile(src, '<marshalled>', 'exec')
data = marshal.dumps(code)
back = marshal.loads(data)
print(type(back).__name__, back.co_filename, back.co_name, back.co_firstlineno)
print(back.co_names == code.co_names, back.co_varnames == code.co_varnames, len(back.co_consts) == len(code.co_consts))
exec(back, {'__name__': 'm'})
ns = {'__name__': 'm2'}
exec(marshal.loads(marshal.dumps(code, 2)), ns)
try:
    ns['lines']()
except ValueError as e:
    tb = e.__traceback__.tb_next
    print('line', tb.tb_lineno, tb.tb_frame.f_code.co_name)
fn = ns['K'].method
print(fn.__code__.co_varnames, fn.__code__.co_argcount, fn.__code__.co_kwonlyargcount, fn.__code__.co_flags & 0xc)
# Function code objects alone.
def add(a, b=2):
    return a + b
def g(a, b=2):
    return None
g.__code__ = marshal.loads(marshal.dumps(add.__code__))
print(g(1), g(1, 5), g.__code__.co_name, g.__code__.co_qualname)
# Code objects inside containers, shared.
pair = marshal.loads(marshal.dumps((add.__code__, add.__code__)))
print(pair[0] is pair[1], type(pair[0]).__name__)
# Truncated code data is an error, never a crash.
for cut in (1, 5, 12, len(data) // 2, len(data) - 1):
    try:
        marshal.loads(data[:cut])
        print('loaded?')
    except (EOFError, ValueError) as e:
        print(type(e).__name__)
