# find/rfind/index/rindex/count with start/end bounds, negative bounds, empty needles, non-ASCII.
s = 'abracadabra'
print(s.find('a'), s.find('bra'), s.find('bra', 2), s.find('bra', 2, 9), s.find('bra', 2, 10), s.find('z'))
print(s.rfind('a'), s.rfind('bra'), s.rfind('bra', 0, 10), s.rfind('bra', -5), s.rfind('z'))
print(s.index('c'), s.rindex('a'), s.index('a', 1), s.rindex('a', 0, -1))
print(s.count('a'), s.count('bra'), s.count('a', 3), s.count('a', 3, 8), s.count('aa'), s.count('z'))
print(s.find(''), s.find('', 5), s.find('', 11), s.find('', 12), s.rfind(''), s.rfind('', 3, 6))
print(s.count(''), s.count('', 5), s.count('', 11), s.count('', 12), s.count('', 3, 2))
print(s.find('a', -3), s.find('a', -100), s.find('a', 100), s.find('a', None, None), s.find('a', None, -8))
print(s.find('a', 10**30), s.find('a', -10**30), s.count('a', -10**30, 10**30))
print('aaaa'.count('aa'), 'aaaaa'.count('aa'), 'ababab'.count('aba'))
u = '\u00e9t\u00e9 \u4e2d\u6587 \u00e9t\u00e9 \U0001f600\u00e9'
print(u.find('\u00e9'), u.rfind('\u00e9'), u.find('t\u00e9', 3), u.find('\U0001f600'), u.index('\u6587'))
print(u.count('\u00e9'), u.count('\u00e9', 5), u.count('\u00e9', -3), u.rfind('\u00e9', 0, -1))
print(u.find('\u00e9', 1, 3), u.find('', 4), u.rindex(' '))
for f in (lambda: s.index('z'), lambda: s.rindex('z'), lambda: s.index('a', 11)):
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
for f in (lambda: s.find(1), lambda: s.count(None), lambda: s.find('a', 'x'), lambda: s.find()):
    try:
        f()
    except TypeError as e:
        print('TypeError', type(e).__name__)
