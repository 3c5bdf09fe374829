# str.format: positional/automatic/keyword fields, attribute and index access, conversions, nesting.
print('{} {} {}'.format(1, 'two', 3.5))
print('{0} {1} {0}'.format('a', 'b'), '{1}{0}'.format('x', 'y'))
print('{name} is {age}'.format(name='Ann', age=30), '{0} {x}'.format(1, x=2))
print('{{}} {{{0}}} }}{{'.format('lit'))
class P:
    def __init__(self):
        self.x = 3
        self.y = [10, 20]
    def __repr__(self):
        return 'P()'
    def __str__(self):
        return 'p-str'
    def __format__(self, spec):
        return 'P<' + spec + '>'
p = P()
print('{0.x} {0.y[1]} {0.y}'.format(p), '{p.x}'.format(p=p))
print('{0[a]} {0[0]} {1[2]}'.format({'a': 'A', 0: 'zero'}, 'xyz'), '{0[-1]}'.format({'-1': 'neg'}))
print('{0!r} {0!s} {0!a} {0}'.format(p), '{!r:>8}'.format('x'), '{0!a}'.format('\u00e9'))
print('{:>10}|{:<10}|{:^10}|{:*^9}'.format('r', 'l', 'c', 'c'))
print('{:{}}|'.format('a', 5), '{:{w}.{p}}|'.format('abcdef', w=6, p=3), '{0:{1}{2}}|'.format('z', '>', 4))
print('{0:{fill}{align}{width}}'.format('m', fill='~', align='^', width=7))
print('{:spec!}'.format(p), '{0:}'.format('e'), '{}'.format(None))
print('{0.real} {0.imag}'.format(3), '{0.__class__.__name__}'.format('s'))
print('{}{}'.format(*'ab'), '{a}{b}'.format(**{'a': 1, 'b': 2}))
print('\u00e9{}\u4e2d{}\U0001f600'.format('\u00e0', 1))
print('{:5}|{:<5}|{:>5}'.format('\u00e9', '\u4e2d', '\U0001f600'))
