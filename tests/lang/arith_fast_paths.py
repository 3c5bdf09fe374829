# The interpreter computes int/int, float/float and mixed int/float operators
# inline; every result, sign, rounding and error must be what the number
# protocol gives, for both `a op b` and `a op= b`.
# gcstress-every: 50
import math

vals = [0, 1, -1, 7, -7, 3, 10**18, -10**18, 2**62 - 1, -2**62, 2**53 + 1, -(2**53) - 1,
        0.0, -0.0, 2.5, -1.5, 1e308, 5e-324, float('inf'), float('nan'), True, 2**70]
ops = ['+', '-', '*', '/', '//', '%', '**', '&', '|', '^', '<<', '>>']
binary = {op: eval("lambda a, b: a %s b" % op) for op in ops}
inplace = {}
for op in ops:
    ns = {}
    exec("def f(a, b):\n    a %s= b\n    return a" % op, ns)
    inplace[op] = ns['f']

def show(f, a, b):
    try:
        r = f(a, b)
    except Exception as e:
        return type(e).__name__[:4]
    if isinstance(r, float) and math.isnan(r):
        return 'nan'
    if isinstance(r, int) and abs(r) > 10**30:
        return 'big%d' % (r % 1000003)
    return repr(r)

for a in vals:
    for b in vals:
        row = []
        for op in ops:
            if op in ('**', '<<') and isinstance(b, int) and b > 200:
                continue
            r1, r2 = show(binary[op], a, b), show(inplace[op], a, b)
            row.append(r1 if r1 == r2 else r1 + '|' + r2)
        print(repr(a), repr(b), ' '.join(row))
