# Wrong argument types and str/bytes mixing raise TypeError with CPython's messages.
import re

p = re.compile('a')
calls = [
    lambda: p.match(1), lambda: p.match(None), lambda: p.search(['a']), lambda: p.match(b'a'),
    lambda: re.compile(b'a').match('a'), lambda: p.match('a', 'x'), lambda: p.match('a', 1.0),
    lambda: p.match(), lambda: p.match('a', 1, 2, 3), lambda: p.match('a', foo=1),
    lambda: p.sub('x'), lambda: p.sub('x', 'a', 'b'), lambda: p.sub(1, 'a'), lambda: p.sub(b'x', 'a'),
    lambda: re.compile(b'a').sub('x', b'a'), lambda: p.split(), lambda: p.split('a', 'b'),
    lambda: p.findall(), lambda: p.scanner(), lambda: p.finditer(3), lambda: re.compile(3),
    lambda: re.match('a', 3), lambda: re.sub('a', 'b', 3), lambda: p.match('a', 10**30),
    lambda: re.compile('(?P<n>a)').match('a').group([]), lambda: p.fullmatch(string='a', pos=None),
    lambda: re.compile('a', 'i'), lambda: p.match('a').expand(), lambda: p.match('a').groups(1, 2),
    lambda: p.subn(repl='x'), lambda: re.escape(5),
]
for f in calls:
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)
print(p.match('a', True), p.sub('x', 'aa', count=True))
class Idx:
    def __index__(self):
        return 1
print(p.search('aba', Idx()).span())
