# join and split round trips, join over various iterables, and join's errors.
words = ['alpha', 'beta', '', 'gamma', '\u00e9t\u00e9', '\u4e2d\u6587']
for sep in (',', ', ', '', '\u2014', '::'):
    joined = sep.join(words)
    print(repr(joined))
    if sep:
        print(joined.split(sep) == words)
print('-'.join('abc'), '-'.join(('x', 'y')), '-'.join(x for x in 'pq'), '-'.join({'k': 1}))
print(''.join([]), 'x'.join(['only']), ' '.join(map(str, range(5))))
print(' '.join('a b  c'.split()), '\n'.join('l1\nl2\n'.splitlines()))
class S(str):
    pass
print('+'.join([S('a'), 'b']), type('+'.join([S('a')])).__name__)
for bad in ([1, 2], ['a', None], ['a', b'b'], 5, None):
    try:
        ','.join(bad)
    except TypeError as e:
        print('TypeError', e)
big = ['w%d' % i for i in range(1000)]
print(len(' '.join(big)), ' '.join(big).split(' ') == big)
