# gcstress-every: 100
# inspect.signature() and friends over Python callables: parameters and
# kinds, defaults and annotations, binding, wrapped and partial functions,
# classes and methods, and the errors.
import inspect, functools

def f(a, b: int = 2, *args, c, d=4, **kw) -> str: pass
def g(x, /, y, *, z=None): pass
lam = lambda x, y=1: x + y

class Base:
    def __init__(self, x, y=2): pass
    @staticmethod
    def sm(a): pass
    @classmethod
    def cm(cls, b): pass
class Child(Base):
    def method(self, q, *r, s, **t): pass
class WithNew:
    def __new__(cls, a, *, b): return super().__new__(cls)
class WithCall:
    def __call__(self, p, q=0): pass
class Meta(type):
    def __call__(cls, m): pass
class UsesMeta(metaclass=Meta): pass

def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k):
        return fn(*a, **k)
    return w
@deco
def decorated(a, /, b, *, c=3): pass

for obj in [f, g, lam, Base, Child, Child.method, Child(1).method, Base.sm, Base.cm, Base(1).cm, WithNew,
            WithCall(), UsesMeta, decorated, functools.partial(f, 1, c=5), functools.partial(g, 1),
            functools.partialmethod(Child.method, 1).__get__(Child(0))]:
    print(getattr(obj, '__name__', type(obj).__name__), inspect.signature(obj))
print(inspect.signature(decorated, follow_wrapped=False))
sig = inspect.signature(f)
for name, p in sig.parameters.items():
    print(name, p.kind, p.kind.description, p.default, p.annotation)
print(sig.return_annotation, sig.replace(return_annotation=inspect.Signature.empty))
ba = sig.bind(1, 2, 3, 4, c=5, u=6)
print(ba, ba.arguments, ba.args, ba.kwargs)
ba = sig.bind_partial(c=1)
ba.apply_defaults()
print(ba)
for args, kwargs in [((), {}), ((1,), {}), ((1, 2), {'b': 3, 'c': 1}), ((1,), {'c': 1, 'zz': 2})]:
    try:
        inspect.signature(g).bind(*args, **kwargs)
    except TypeError as e:
        print('TypeError', e)
P = inspect.Parameter
s2 = inspect.Signature([P('a', P.POSITIONAL_ONLY), P('b', P.POSITIONAL_OR_KEYWORD, default=1),
                        P('c', P.VAR_POSITIONAL), P('d', P.KEYWORD_ONLY, annotation=int), P('e', P.VAR_KEYWORD)],
                       return_annotation=list)
def same(a, /, b=1, *c, d: int, **e) -> list: pass
print(s2, s2 == inspect.signature(same), hash(s2) == hash(inspect.signature(same)))
try:
    inspect.Signature([P('b', P.POSITIONAL_OR_KEYWORD, default=1), P('a', P.POSITIONAL_OR_KEYWORD)])
except ValueError as e:
    print('ValueError', e)
try:
    P('1x', P.KEYWORD_ONLY)
except ValueError as e:
    print('ValueError', e)
try:
    inspect.signature(42)
except TypeError as e:
    print('TypeError', e)
print(inspect.getfullargspec(Child.method))
print(inspect.getfullargspec(f))
print(inspect.getcallargs(f, 1, c=2))
print(inspect.formatannotation(list[int]), inspect.formatannotation(int))
print(inspect.get_annotations(f), inspect.get_annotations(Base), inspect.get_annotations(f, eval_str=True))
def h(): return inspect.formatargvalues(*inspect.getargvalues(inspect.currentframe()))
print(h())
print(str(inspect.signature(lambda *, a: 0)), str(inspect.signature(lambda a, /: 0)))
# Builtins: __text_signature__ from the docstring convention.
class Plain: pass
for obj in [len, print, sorted, divmod, abs, pow, round, sum, compile, getattr, Plain, object]:
    try:
        print(getattr(obj, '__name__', obj), inspect.signature(obj), repr(obj.__text_signature__))
    except ValueError as e:
        print('ValueError', e)
print(repr(len.__doc__), repr(object.__doc__[:20]))
try:
    inspect.signature(int)
except ValueError as e:
    print('ValueError', e)
