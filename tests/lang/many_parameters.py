# Functions with hundreds of parameters and defaults (generated code, namedtuple with many fields): binding, defaults, keywords, closures, generators, tracing.
src = 'def f(' + ', '.join('a%d' % i for i in range(300)) + ', *rest, k=5, **kw): return a0 + a199 + a200 + a299 + k + len(rest) + len(kw)'
exec(src)
print(f(*range(300)))
print(f(*range(302), k=1, z=2))
print(f(*range(299), a299=1000))
try:
    f(*range(299))
except TypeError as e:
    print(e)
src = 'def g(' + ', '.join('a%d=%d' % (i, i) for i in range(400)) + '):\n    b = a399\n    return b + a0 + sum([' + ', '.join('a%d' % i for i in range(0, 400, 50)) + '])'
exec(src)
print(g(), g(a399=1), g(1, 2, 3))
import collections, pickle
P = collections.namedtuple('P', ['f%d' % i for i in range(400)])
p = P(*range(400))
print(p.f399, p.f0, len(p), p._replace(f399=-1).f399, pickle.loads(pickle.dumps(p)) == p)
def gen(*a): yield from a
src = 'def h(' + ', '.join('a%d' % i for i in range(250)) + '):\n    yield a0\n    yield a249\n'
exec(src)
print(list(h(*range(250))))
import sys
def tr(frame, event, arg):
    if event == 'line' and frame.f_code.co_name == 'g2':
        frame.f_locals
    return tr
src = 'def g2(' + ', '.join('a%d' % i for i in range(260)) + '):\n    x = a259\n    return x + a0\n'
exec(src)
sys.settrace(tr); print(g2(*range(260))); sys.settrace(None)
src = 'def k(' + ', '.join('a%d' % i for i in range(300)) + '):\n    return a0 + a299\nprint(k(' + ', '.join(str(i) for i in range(300)) + '))\nprint(k(' + ', '.join('a%d=%d' % (i, i) for i in range(300)) + '))'
exec(src)
src = 'def m(' + ', '.join('a%d' % i for i in range(300)) + '):\n    def inner():\n        return a5 + a150\n    return inner()\nprint(m(*range(300)))'
exec(src)
src = 'def cl(' + ', '.join('a%d' % i for i in range(300)) + '):\n    def inner():\n        return a250\n    return inner()\n'
try:
    exec(src)
    print(cl(*range(300)))
except SyntaxError as e:
    print("SyntaxError", e.msg)
