# cmath on infinities, NaNs and signed zeros: C99 Annex G values (bit for bit, zero signs included) and which raise.
import cmath
inf, nan = float('inf'), float('nan')
def h(x):
    if isinstance(x, tuple):
        return '(' + ', '.join(h(v) for v in x) + ')'
    if isinstance(x, complex):
        return h(x.real) + ',' + h(x.imag)
    return 'nan' if x != x else repr(x)
parts = [-inf, -2.5, -0.0, 0.0, 2.5, inf, nan]
for name in ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10',
             'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'phase', 'polar', 'isfinite', 'isinf', 'isnan']:
    f = getattr(cmath, name)
    row = []
    for a in parts:
        for b in parts:
            if a in (-2.5, 2.5) and b in (-2.5, 2.5):
                continue
            try:
                row.append(h(f(complex(a, b))))
            except ValueError:
                row.append('ValueError')
            except OverflowError:
                row.append('OverflowError')
    print(name, ' '.join(row))
rect = []
for r in parts:
    for phi in parts:
        try:
            rect.append(h(cmath.rect(r, phi)))
        except ValueError:
            rect.append('ValueError')
print('rect', ' '.join(rect))
