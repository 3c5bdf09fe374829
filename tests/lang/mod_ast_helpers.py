# The helpers of the ast module (pure Python in CPython's ast.py) over
# Taipan's node classes: visitors, transformers, walk, locations, docstrings,
# source segments, and match statements over nodes.
# gcstress-every: 20
import ast

src = '''\
"""Module doc."""
import os

def add(a, b=2):
    """Add things.

    More text.
    """
    total = a + b  # sum
    return total

class K:
    """Class doc."""
    def m(self):
        return [x * 2 for x in range(3)]
'''
tree = ast.parse(src)
# clean=True would import inspect (tested with the inspect module).
print(repr(ast.get_docstring(tree, clean=False)), repr(ast.get_docstring(tree.body[2], clean=False)))
print(repr(ast.get_docstring(tree.body[3], clean=False)), ast.get_docstring(tree.body[3].body[1], clean=False))
try:
    ast.get_docstring(tree.body[1])
except TypeError as e:
    print('TypeError', e)
print([type(n).__name__ for n in ast.walk(tree)][:12], sum(1 for _ in ast.walk(tree)))
print([(k, type(v).__name__) for k, v in ast.iter_fields(tree.body[2])])
print([type(n).__name__ for n in ast.iter_child_nodes(tree.body[2])])
for node in ast.walk(tree):
    if isinstance(node, (ast.FunctionDef, ast.BinOp, ast.Return, ast.ListComp)):
        print(type(node).__name__, repr(ast.get_source_segment(src, node)))
print(repr(ast.get_source_segment(src, tree.body[3].body[1], padded=True)))

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []
    def visit_Name(self, node):
        self.names.append((node.id, type(node.ctx).__name__, node.lineno, node.col_offset))
        self.generic_visit(node)
    def visit_Constant(self, node):
        self.names.append(('const', repr(node.value)))
c = Counter()
c.visit(tree)
print(c.names)

class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 10), node)
        return node
    def visit_Import(self, node):
        return None
    def visit_Return(self, node):
        self.generic_visit(node)
        return [ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Constant('returning')], [])), node]
t2 = ast.fix_missing_locations(Doubler().visit(ast.parse(src)))
print(ast.unparse(t2))
ns = {}
exec(compile(t2, '<t2>', 'exec'), ns)
print(ns['add'](1), ns['K']().m())

t3 = ast.parse("x = 1\ny = 2")
ast.increment_lineno(t3, 10)
print([(n.lineno, n.end_lineno) for n in t3.body])
e = ast.Expr(ast.Name('z', ast.Load()))
print(hasattr(e, 'lineno'))
ast.fix_missing_locations(ast.Module([e], []))
print(e.lineno, e.col_offset, e.value.lineno, e.end_lineno)
new = ast.copy_location(ast.Pass(), t3.body[1])
print(new.lineno, new.col_offset, new.end_lineno, new.end_col_offset)

def describe(node):
    match node:
        case ast.BinOp(left=ast.Constant(value=l), op=ast.Add(), right=ast.Constant(value=r)):
            return f'constant sum {l}+{r}'
        case ast.Call(func=ast.Name(id=name), args=[*args]):
            return f'call {name} with {len(args)} args'
        case ast.Name(id, ast.Store()):
            return f'store to {id}'
        case ast.Constant(value=str() as s):
            return f'string {s!r}'
        case _:
            return 'other ' + type(node).__name__
for s in ["1 + 2", "f(a, b)", "'x'", "a.b"]:
    print(describe(ast.parse(s, mode='eval').body))
print(describe(ast.parse("q = 1").body[0].targets[0]))
print(ast.Constant.__match_args__, ast.Call.__match_args__, ast.Name.__match_args__)
print(ast.dump(ast.parse("x = [1, 2]"), indent=4))
