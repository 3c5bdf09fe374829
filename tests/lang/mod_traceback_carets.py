# traceback.format_exc(): the caret lines (~ and ^) under each frame's
# source, for the expression kinds CPython 3.11 marks, chained exceptions,
# and traceback's summaries.
# gcstress-every: 20
import traceback, sys

def show(fn):
    try:
        fn()
    except BaseException:
        s = traceback.format_exc()
        print(s.replace(__file__, 'FILE'))

class O:
    attr = None
d = {'a': {'b': None}}
lst = [1, 2]
def f1(): return 1 / 0
def f2(): return d['a']['b']['c']
def f3(): x = O(); return x.attr.missing
def f4(): return lst[5]
def f5(): return (1 +
                  None)
def f6(): return len(5) + 3
def f7():
    a = 1; b = 'x'
    return a + b * 2
def f8(): return int('x')
def f9(): return [1][0] + {}['k']
def f10(): raise ValueError('v')
def f11(): return g(h(1))
def g(x): return x
def h(x): return x.nope
def f12(): assert 1 == 2, 'msg'
def f13(): return undefined_var
def f14(): import nonexistent_mod_xyz
def f15(): return sum(i for i in [1, 'a'])
def f16(): return [x / 0 for x in [1]]
def f17(): return (lambda: 1 // 0)()
def f18():
    x = {'key': [1, 2, 3]}
    return x['key'][1]['bad']
def f19(): return O().attr()
def f20(): return lst[1:2][5]
def f21(): return 1 if None.x else 2
def f22(): return not None + 1
def f23():
    return max(
        1,
        'a',
    )
def f24(): return -'s'
def f25(): return lst[0].real.imag.bad
def f26():
    s = 'x'
    s += 1
def f27(): a, b = 1, 2, 3
def f28(): return f"{1/0}"
def f29(): del d['zz']
def f30(): lst[10] = 1
def f31(): return "é" + 1
for fn in [f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27, f28, f29, f30, f31]:
    show(fn)
try:
    try:
        1/0
    except ZeroDivisionError:
        raise KeyError('k')
except KeyError:
    print(traceback.format_exc().replace(__file__, 'FILE'))
try:
    raise RuntimeError('outer') from ValueError('inner')
except RuntimeError as e:
    print(''.join(traceback.format_exception(e)).replace(__file__, 'FILE'))
    print(traceback.format_exception_only(type(e), e))
def deep(n):
    if n == 0:
        raise OverflowError
    return deep(n - 1)
show(lambda: deep(5))
st = traceback.extract_stack()
print(len(st) > 0, st[-1].name, st[-1].line)
fs = traceback.FrameSummary('f.py', 3, 'fn', line='x = 1')
print(fs, repr(fs.line))
