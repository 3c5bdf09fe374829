# format() and f-strings applied to str values: fill, align, width, precision, zero, errors.
for spec in ['', 's', '10', '<10', '>10', '^10', '*<8', '\u00e9^7', '.2', '10.3', '.0', '05', '<05', '^^9',
             '>>4', '1', ' ^5', '=^5']:
    print(repr(spec), repr(format('abcd', spec)))
for spec in ['d', '=5', '+5', '-', ' ', '#5', ',', '_', 'xx', 'z5', '.', '5.', ',d', '.2d', '\x01']:
    try:
        format('abcd', spec)
    except ValueError as e:
        print(repr(spec), e)
w = 7
s = 'py'
print(f'{s}|{s:>{w}}|{s:*^{w}}|{s!r:>8}|{s:.1}|{s!a}')
a, b, c = '\u00e9t\u00e9', '\u4e2d', '\U0001f600'
print(f"{a:~>6}|{b:-^5}|{c:<3}|{a!r:>9}|{b!a}")
class S(str):
    pass
print(repr(format(S('sub'), '')), type(format(S('sub'), '')).__name__, format(S('sub'), '>5'))
print('abc'.__format__('>4'), 'abc'.__format__(''))
for f in (lambda: 'a'.__format__(1),):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
