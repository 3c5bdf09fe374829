# split/rsplit: default whitespace splitting, explicit separators, maxsplit, keyword arguments.
print('  a  b\tc\nd  '.split())
print('  a  b\tc\nd  '.split(None, 1), '  a  b\tc\nd  '.rsplit(None, 1))
print('  a  b  c  '.split(maxsplit=0), '  a  b  c  '.rsplit(maxsplit=0))
print(''.split(), '   '.split(), ''.split(','), ' '.split(' '))
print('a,b,,c,'.split(','), 'a,b,,c,'.rsplit(','), 'a,b,,c,'.split(',', 2), 'a,b,,c,'.rsplit(',', 2))
print('a::b::c'.split('::'), 'a::b::c'.rsplit('::', 1), 'aaa'.split('a'), 'aaaa'.split('aa'))
print('a b c'.split(sep=' ', maxsplit=1), 'a b c'.rsplit(sep=None, maxsplit=1))
print('x'.split('x'), 'xyx'.split('x'), 'abc'.split('abcd'))
print('a\u00a0b\u2003c\u3000d\x1ce\x85f'.split())
print('\u00e9,\u4e2d,,\U0001f600'.split(','), '\u00e9\u4e2d\u00e9\u4e2d'.split('\u4e2d'))
print('a b c d'.split(' ', -1), 'a b c d'.split(' ', -5), 'a b c d'.rsplit(' ', 2))
print('1 2 3'.split(maxsplit=1), '  lead'.rsplit(), 'trail  '.split())
for f in (lambda: 'a'.split(''), lambda: 'a'.rsplit('')):
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
for f in (lambda: 'a'.split(1), lambda: 'a'.split(maxsplit='2'), lambda: 'a'.split(foo=1)):
    try:
        f()
    except TypeError as e:
        print('TypeError')
