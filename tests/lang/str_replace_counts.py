# replace with counts, empty old strings, non-ASCII, no-match.
s = 'one two one two one'
print(s.replace('one', '1'), s.replace('one', '1', 2), s.replace('one', '1', 0), s.replace('one', '1', -1))
print(s.replace('zzz', 'y'), s.replace(' ', ''), s.replace('o', 'oo'))
print('abc'.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'), ''.replace('a', 'b'))
print('aaa'.replace('a', ''), 'aaaa'.replace('aa', 'b'), 'aaa'.replace('aa', 'b'))
print('\u00e9l\u00e9ment'.replace('\u00e9', 'e'), '\u4e2d\u4e2d'.replace('\u4e2d', '\U0001f600', 1))
print('x\u00e9y'.replace('', '|'), 'abc'.replace('b', '\u00e9\u00e9'))
for f in (lambda: 'a'.replace(1, 'b'), lambda: 'a'.replace('a', 2), lambda: 'a'.replace('a'),
          lambda: 'a'.replace('a', 'b', 'c')):
    try:
        f()
    except TypeError as e:
        print('TypeError')
