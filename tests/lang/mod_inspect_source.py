# gcstress-every: 100
# inspect over Python code: getsource/getsourcelines/getblock, docs and
# comments, closure variables, frames and the stack, generator state,
# member classification.
import inspect, functools, types

z = 5

# A comment for Base.
class Base:
    """Base doc."""
    cattr = 1
    def __init__(self, x, y=2):
        self.x = x
    @property
    def prop(self):
        "prop doc"
        return 1
    @staticmethod
    def sm(a): pass
    @classmethod
    def cm(cls, b): pass
    async def am(self): pass
    def gen(self):
        yield 1

class Child(Base):
    def method(self, q, *r, s, **t): pass

lam = lambda x, y=1: x + y

def f(a, b: int = 2, *args, c, d=4, **kw) -> str:
    """doc

       indented more
    """
    x = a + 1
    return str(x)

def outer():
    w = 3
    def inner():
        return w + z + len([]) + undefined_global_zz
    return inner

print(inspect.getsource(f))
print(inspect.getsource(Base.prop.fget))
print(inspect.getsource(Child))
print(inspect.getsource(lam))
print(inspect.getsourcelines(Child.method))
print(inspect.getsourcelines(Base.gen)[1])
print(inspect.getblock(inspect.getsourcelines(Base.gen)[0]))
print(repr(inspect.getcomments(Base)), inspect.getcomments(f))
print(repr(inspect.getdoc(f)), inspect.getdoc(Child), inspect.getdoc(Base.prop))
print(inspect.cleandoc("""
    a
      b
    c"""))
import ast
print(repr(ast.get_docstring(ast.parse(inspect.getsource(f)).body[0])))
print(inspect.getclosurevars(outer()))
print(inspect.getmodule(f).__name__, inspect.getfile(f) == __file__, inspect.getsourcefile(Base) == __file__,
      inspect.getmodulename(__file__))
print(inspect.isfunction(lam), inspect.ismethod(Base(1).cm), inspect.isclass(Base), inspect.isgeneratorfunction(Base.gen))
print(inspect.iscoroutinefunction(Base.am), inspect.isbuiltin(len), inspect.isroutine(len), inspect.ismodule(inspect))
print(inspect.isdatadescriptor(Base.prop), inspect.ismethoddescriptor(str.join), inspect.isabstract(Base))
print(inspect.ismemberdescriptor(types.FunctionType.__globals__), inspect.isgetsetdescriptor(type.__dict__['__name__']))
print([n for n, _ in inspect.getmembers(Child) if not n.startswith('__')])
print([n for n, _ in inspect.getmembers(Child, inspect.isfunction)])
print([(a.name, a.kind, a.defining_class.__name__) for a in inspect.classify_class_attrs(Child)
       if not a.name.startswith('__')])
print(inspect.getmro(Child))
print(type(inspect.getattr_static(Child, 'prop')).__name__, inspect.getattr_static(Child, 'cattr'))
fr = inspect.currentframe()
print(inspect.getframeinfo(fr).function, inspect.getframeinfo(fr).code_context, inspect.getlineno(fr))
def where():
    st = inspect.stack()
    return st[0].function, st[1].function, st[0].code_context, st[1].lineno
print(where())
g = Base(1).gen()
print(inspect.getgeneratorstate(g)); next(g); print(inspect.getgeneratorstate(g))
print(list(inspect.getgeneratorlocals(g)))
g.close(); print(inspect.getgeneratorstate(g))
print(inspect.indentsize('   x'), inspect.getabsfile(Base) == inspect.getabsfile(f))
try:
    inspect.getsource(len)
except TypeError as e:
    print('TypeError', e)
try:
    inspect.getsource(types.FunctionType(compile('def g(): pass', '<nofile>', 'exec').co_consts[0], {}))
except OSError as e:
    print('OSError', e)
import abc
class Abstract(abc.ABC):
    @abc.abstractmethod
    def need(self): pass
class Concrete(Abstract):
    def need(self): pass
print(inspect.isabstract(Abstract), inspect.isabstract(Concrete))
def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k):
        return fn(*a, **k)
    return w
@deco
def decorated(a, /, b, *, c=3):
    "decorated doc"
print(inspect.unwrap(decorated).__name__, inspect.getsource(decorated).splitlines()[0])
