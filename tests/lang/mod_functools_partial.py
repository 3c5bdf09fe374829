# functools.partial: arguments, keywords, flattening, repr, attributes, errors.
from functools import partial

def f(*args, **kw):
    return args, kw
p = partial(f, 1, 2, a=3)
print(p(4, b=5), p(a=9))
print(p.func is f, p.args, p.keywords)
q = partial(p, 6, c=7)
print(q.func is f, q.args, q.keywords, q())
print(repr(partial(len)), repr(partial(max, 1, key=abs)))
base2 = partial(int, base=2)
print(base2('1010'), base2('11', base=3))
p.attr = 'x'
r = partial(p, 0)
print(r.func is p, r.args, p.__dict__)
class P(partial):
    pass
print(repr(P(len, 'abc')), P(len, 'abc')())
print(partial(len).__reduce__()[1:])
for bad in [lambda: partial(), lambda: partial(1), lambda: setattr(p, 'func', len)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class C:
    m = partial(f, 'bound?')
print(C().m())
# copy.copy keeps the very keywords dict; a non-str key added to it is refused
# at the call; partials and lru_cache wrappers take weak references.
import copy, functools, weakref
def capture(*args, **kw):
    return args, kw
p = functools.partial(capture, bar=[True])
pc = copy.copy(p)
print(pc.keywords is p.keywords, pc.args is p.args)
p.keywords[1234] = "value"
print("1234" in repr(p))
try:
    p()
except TypeError as e:
    print("TypeError", e)
r = weakref.ref(p)
print(r() is p, weakref.proxy(p).keywords["bar"])
@functools.lru_cache
def cached(x):
    return x
print(weakref.ref(cached)() is cached)
