# partition/rpartition and removeprefix/removesuffix.
s = 'key=value=more'
print(s.partition('='), s.rpartition('='), s.partition('#'), s.rpartition('#'))
print('abc'.partition('abc'), 'abc'.rpartition('a'), ''.partition('x'))
print('\u00e9\u4e2d\u00e9'.partition('\u4e2d'), '\u00e9\u4e2d\u00e9'.rpartition('\u00e9'))
for f in (lambda: s.partition(''), lambda: s.rpartition('')):
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
for f in (lambda: s.partition(None), lambda: s.rpartition(1)):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
print('unittest'.removeprefix('unit'), 'unittest'.removeprefix('test'), 'unittest'.removesuffix('test'))
print('unittest'.removesuffix('unit'), 'abc'.removeprefix(''), 'abc'.removesuffix('abc'), repr(''.removeprefix('a')))
print('\u00e9t\u00e9'.removeprefix('\u00e9'), '\u00e9t\u00e9'.removesuffix('t\u00e9'))
for f in (lambda: 'a'.removeprefix(1), lambda: 'a'.removesuffix(None)):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
