# ast.literal_eval(): literals, containers, negative and complex numbers,
# and the errors for everything else.
# gcstress-every: 5
import ast, re

def clean(e):
    return re.sub(r' at 0x[0-9a-f]+', ' at ADDR', str(e))

GOOD = ["1", "-1", "+1", "1.5", "-1.5e10", "1j", "1+2j", "-1-2j", "'s'", "b'b'", "u'u'", "'a' 'b'",
        "True", "None", "...", "(1, 2)", "[1, [2, (3,)]]", "{'a': 1, 'b': [2]}", "{1, 2, 3}", "set()",
        "()", "[]", "{}", "  1", "\t(1,\n 2)", "0x10", "1_000", "'\\u00e9'", "-0.0", "(-1)", "[-1j]"]
BAD = ["x", "1 + x", "f()", "[1, x]", "{x: 1}", "1 + 2 + 3j", "'a' + 'b'", "-'a'", "+ 'a'", "1 - 'a'",
       "2 * 3", "lambda: 0", "{**d}", "[*a]", "(yield)", "a.b", "x[0]", "not 1", "~1", "1 if 1 else 2",
       "2j + 1", "1 + 2j + 3", "- -1", "{1: 2, 3}", "", "1 2", "set([1])", "frozenset()", "b'a' 'b'"]
for s in GOOD:
    v = ast.literal_eval(s)
    print(repr(s), '->', repr(v), type(v).__name__)
for s in BAD:
    try:
        print(repr(s), '->', repr(ast.literal_eval(s)))
    except (ValueError, SyntaxError, TypeError) as e:
        print(repr(s), type(e).__name__, clean(e))
print(ast.literal_eval(ast.parse("[1, 2]", mode='eval')))
print(ast.literal_eval(ast.Constant(5)), ast.literal_eval(ast.Tuple([ast.Constant(1)], ast.Load())))
try:
    ast.literal_eval(ast.Name('x', ast.Load()))
except ValueError as e:
    print('ValueError', clean(e))
try:
    ast.literal_eval("(" * 200 + ")" * 200)
    print('nested ok')
except Exception as e:
    print(type(e).__name__)
