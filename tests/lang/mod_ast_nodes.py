# The _ast node classes: names, bases, _fields, _attributes, class-level
# defaults, constructors and their errors, copying and pickling, the
# deprecated classes ast.py defines over them, subclassing.
# gcstress-every: 20
import ast, _ast, copy, pickle, re
names = sorted(n for n in dir(_ast) if isinstance(getattr(_ast, n), type) and issubclass(getattr(_ast, n), _ast.AST))
for n in names:
    c = getattr(_ast, n)
    print(n, c.__module__, [b.__name__ for b in c.__bases__], c._fields, getattr(c, '_attributes', None),
          [k for k in ('end_lineno', 'end_col_offset', 'type_comment', 'returns', 'kind') if k in c.__dict__])
print([n for n in dir(_ast) if not n.startswith('__') and not isinstance(getattr(_ast, n), type)])
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(ast.AST._fields, ast.AST.__module__, ast.AST.__doc__)
n = ast.Name('x', ast.Load(), lineno=1, col_offset=0)
print(ast.dump(n, include_attributes=True), sorted(n.__dict__))
print(ast.dump(ast.BinOp(left=ast.Constant(1), op=ast.Add(), right=ast.Constant(2))))
for bad in [lambda: ast.Name('x', ast.Load(), 3), lambda: ast.Name('x', id='y'), lambda: ast.AST(1),
            lambda: ast.Load(1), lambda: ast.Constant()]:
    try:
        r = bad()
        print('ok', ast.dump(r))
    except TypeError as e:
        print('TypeError', e)
c = ast.Constant()
print(hasattr(c, 'value'), c.kind, ast.Constant.kind)
try:
    c.value
except AttributeError as e:
    print('AttributeError', e)
print(ast.Load() is ast.Load(), type(ast.Load()) is ast.Load, ast.Add().__class__.__name__)
t = ast.parse("def f(a, *b, c=1, **d):\n  return [x async for x in a]\nclass C(B, metaclass=M): pass")
t2 = copy.deepcopy(t)
print(ast.dump(t2) == ast.dump(t), t2 is not t)
t3 = pickle.loads(pickle.dumps(t))
print(ast.dump(t3, include_attributes=True) == ast.dump(t, include_attributes=True))
print(t.body[0].__reduce_ex__(2)[0] is ast.FunctionDef)
print(ast.Num(5).n, ast.Str('s').s, isinstance(ast.Constant(5), ast.Num), isinstance(ast.Constant('x'), ast.Num),
      ast.dump(ast.Bytes(b'x')), ast.NameConstant(None).value, ast.Ellipsis().value)
print(type(ast.Num(1)).__name__, ast.Index(ast.Name('a')).__class__.__name__ if hasattr(ast, 'Index') else None)
print(ast.dump(ast.ExtSlice([ast.Slice(), ast.Constant(1)])))
class MyNode(ast.AST):
    _fields = ('a', 'b')
m = MyNode(1, b=2)
print(m.a, m.b, ast.dump(m))
class Sub(ast.Name):
    pass
s = Sub('q', ast.Load())
print(ast.dump(s), isinstance(s, ast.expr))
print(ast.Name.__init__ is ast.AST.__init__, ast.Name.__new__ is ast.AST.__new__)
print(issubclass(ast.Constant, ast.expr), issubclass(ast.comprehension, ast.AST), ast.expr_context.__subclasses__())
n = ast.Name()
n.id = 'z'
n.foo = 1
print(n.__dict__)
print(ast.Name._fields is ast.Name._fields, type(ast.Name._fields).__name__)
print(ast.FunctionDef.__doc__)
print(ast.arguments.__doc__, ast.Load.__doc__, ast.stmt.__doc__)
print(repr(ast.Name.__dict__.get('ctx')), ast.alias.__doc__)
