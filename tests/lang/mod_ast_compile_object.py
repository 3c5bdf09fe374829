# compile() of trees built from ast objects: conversion errors (missing or
# mistyped fields, wrong node for the mode) and CPython's validation errors.
# gcstress-every: 20
import ast, re

def tryc(tree, mode='exec', label=None):
    try:
        code = compile(tree, '<ast>', mode)
        print(label or '', 'ok', type(code).__name__)
        return code
    except Exception as e:
        print(label or '', type(e).__name__, re.sub(r' at 0x[0-9a-f]+', ' at ADDR', str(e)))

def mod(*stmts):
    return ast.Module(body=list(stmts), type_ignores=[])

def L(node, line=1):
    node.lineno = line; node.col_offset = 0; node.end_lineno = line; node.end_col_offset = 1
    return node

def fix(t):
    return ast.fix_missing_locations(t)

N = lambda id, ctx=ast.Load: ast.Name(id=id, ctx=ctx())
C = ast.Constant
# valid trees run
t = fix(mod(ast.Assign(targets=[N('x', ast.Store)], value=ast.BinOp(C(2), ast.Mult(), C(21))),
            ast.Expr(ast.Call(N('print'), [N('x')], []))))
exec(tryc(t, label='assign'))
e = fix(ast.Expression(ast.BinOp(C(1), ast.Add(), C(2))))
print(eval(tryc(e, 'eval', 'eval')))
i = fix(ast.Interactive([ast.Expr(C('shown'))]))
exec(tryc(i, 'single', 'single'))
# wrong top-level node for mode
tryc(e, 'exec', 'mode1')
tryc(t, 'eval', 'mode2')
tryc(ast.Name('x', ast.Load()), 'exec', 'mode3')
tryc(fix(ast.FunctionType([], C(1))), 'exec', 'functype')
# missing fields / bad types
tryc(fix(mod(ast.Expr())), label='missing value')
tryc(fix(mod(ast.Expr(value=1))), label='int value')
tryc(fix(mod(ast.Assign(targets=N('x', ast.Store), value=C(1)))), label='targets not list')
tryc(fix(mod(ast.Expr(N(1)))), label='name int')
tryc(fix(mod(ast.Expr(N('x', ast.Store)))), label='store ctx')
tryc(fix(mod(ast.Assign(targets=[N('x')], value=C(1)))), label='load target')
tryc(fix(mod(ast.Expr(ast.Name('x')))), label='no ctx')
tryc(fix(mod(ast.Expr(ast.BinOp(C(1), ast.Load(), C(2))))), label='bad op')
tryc(fix(mod(ast.Expr(C([1, 2])))), label='list constant')
tryc(fix(mod(ast.Expr(C((1, [2]))))), label='tuple list constant')
tryc(fix(mod(ast.Expr(C(frozenset({1, 2}))))), label='frozenset constant')
tryc(fix(mod(ast.Expr(C(object())))), label='object constant')
tryc(mod(ast.Expr(C(1))), label='no lineno')
tryc(fix(mod(ast.Expr(ast.BoolOp(ast.And(), [C(1)])))), label='boolop 1 value')
tryc(fix(mod(ast.Expr(ast.Compare(C(1), [], [])))), label='compare no ops')
tryc(fix(mod(ast.Expr(ast.Compare(C(1), [ast.Eq()], [])))), label='compare mismatch')
tryc(fix(mod(ast.Expr(ast.Dict([C(1)], [])))), label='dict mismatch')
tryc(fix(mod(ast.If(C(1), [], []))), label='empty if body')
tryc(fix(mod(ast.While(C(1), [ast.Pass()], []))), label='while ok')
tryc(fix(mod(ast.For(N('i', ast.Store), C(1), [], []))), label='empty for body')
tryc(fix(mod(ast.Try([ast.Pass()], [], [], []))), label='try no handlers')
tryc(fix(mod(ast.Try([], [], [], [ast.Pass()]))), label='try empty body')
tryc(fix(mod(ast.Try([ast.Pass()], [], [ast.Pass()], [ast.Pass()]))), label='try orelse no handlers')
tryc(fix(mod(ast.ImportFrom('m', [ast.alias('x')], -1))), label='import level')
tryc(fix(mod(ast.Import([]))), label='empty import')
tryc(fix(mod(ast.Global([]))), label='empty global')
tryc(fix(mod(ast.Delete([]))), label='empty delete')
tryc(fix(mod(ast.Assign([], C(1)))), label='empty targets')
tryc(fix(mod(ast.With([], [ast.Pass()]))), label='empty with')
tryc(fix(mod(ast.Raise(None, C(1)))), label='raise cause no exc')
tryc(fix(mod(ast.FunctionDef('f', ast.arguments([], [], None, [], [], None, []), [], [], None))), label='empty def')
tryc(fix(mod(ast.FunctionDef('f', ast.arguments([], [], None, [], [], None, [C(1)]), [ast.Pass()], [], None))), label='defaults')
tryc(fix(mod(ast.FunctionDef('f', ast.arguments([], [], None, [ast.arg('a')], [], None, []), [ast.Pass()], [], None))), label='kw_defaults')
tryc(fix(mod(ast.ClassDef('C', [], [], [], []))), label='empty class')
tryc(fix(mod(ast.Expr(ast.Lambda(ast.arguments([], [], None, [], [], None, []), N('x', ast.Store))))), label='lambda store')
tryc(fix(mod(ast.Expr(ast.ListComp(C(1), [])))), label='listcomp no gens')
tryc(fix(mod(ast.Expr(ast.Starred(N('x'), ast.Load())))), label='starred')
tryc(fix(mod(ast.Expr(ast.Yield(C(1))))), label='yield outside')
tryc(fix(mod(ast.Expr(ast.JoinedStr([C(1)])))), label='joinedstr int')
tryc(fix(mod(ast.Expr(ast.FormattedValue(C(1), 5, None)))), label='bad conversion')
tryc(fix(mod(ast.Nonlocal(['x']))), label='nonlocal module')
tryc(fix(mod(ast.Assign([N('__debug__', ast.Store)], C(1)))), label='debug')
tryc(fix(mod(ast.Expr(ast.Call(N('f'), [], [ast.keyword('a', C(1)), ast.keyword('a', C(2))])))), label='dup kw')
tryc(fix(mod(ast.Match(N('x'), []))), label='match no cases')
tryc(fix(mod(ast.Match(N('x'), [ast.match_case(ast.MatchValue(N('y')), None, [ast.Pass()])]))), label='match value name')
tryc(fix(mod(ast.Match(N('x'), [ast.match_case(ast.MatchAs(ast.MatchAs(None, 'a'), None), None, [ast.Pass()])]))), label='matchas no name')
tryc(fix(mod(ast.Match(N('x'), [ast.match_case(ast.MatchStar('_'), None, [ast.Pass()])]))), label='star underscore')
tryc(fix(mod(ast.Match(N('x'), [ast.match_case(ast.MatchMapping([C(1)], [], None), None, [ast.Pass()])]))), label='mapping mismatch')
tryc(fix(mod(ast.Match(N('x'), [ast.match_case(ast.MatchSingleton(5), None, [ast.Pass()])]))), label='singleton 5')
tryc(fix(mod(ast.Match(N('x'), [ast.match_case(ast.MatchClass(N('C'), [], ['a'], []), None, [ast.Pass()])]))), label='class mismatch')
tryc(fix(mod(ast.Expr(ast.Name('None', ast.Load())))), label='name None')
tryc(fix(mod(ast.Expr(ast.Name('True', ast.Load())))), label='name True')
tryc(fix(mod(ast.AugAssign(N('x', ast.Store), ast.Add(), C(1)))), label='augassign ok')
tryc(fix(mod(ast.AnnAssign(N('x', ast.Store), N('int'), None, 2))), label='annassign simple 2')
tryc(fix(mod(ast.Expr(ast.Subscript(N('x'), ast.Slice(C(1)), ast.Load())))), label='slice ok')
tryc(fix(mod(ast.Expr(ast.Attribute(N('x'), 'y', ast.Del())))), label='attr del in expr')
tryc(fix(mod(ast.Delete([ast.Attribute(N('x'), 'y', ast.Del())]))), label='del attr ok')
m = fix(mod(ast.Expr(C(1))))
m.body[0].lineno = 5; m.body[0].end_lineno = 3
tryc(m, label='end before start')
m = fix(mod(ast.Expr(C(1))))
m.body[0].value.col_offset = -5
tryc(m, label='neg col')
tryc(fix(mod(ast.Expr(ast.Await(C(1))))), label='await outside')
tryc(fix(mod(ast.Return(C(1)))), label='return outside')
tryc(fix(mod(ast.Break())), label='break outside')
tryc(fix(mod(ast.Expr(ast.NamedExpr(ast.Attribute(N('a'), 'b', ast.Store()), C(1))))), label='walrus attr')
class Weird(ast.AST):
    _fields = ()
tryc(fix(mod(Weird())), label='weird stmt')
tryc(fix(mod(ast.Expr(Weird()))), label='weird expr')
