# The Pattern object: attributes, repr with flags, equality and hashing, copies.
import re

p = re.compile(r'(?P<a>x)(y)', re.I | re.M)
print(p.pattern, p.flags, p.groups, dict(p.groupindex))
print(repr(p))
print(repr(re.compile('x')), repr(re.compile(b'x')), repr(re.compile('x', re.A)))
print(repr(re.compile('x', re.S | re.X)), repr(re.compile(b'x', re.L | re.I)))
print(repr(re.compile('a' * 250)))
print(repr(re.compile("it's")), repr(re.compile('tab\there')))
print(re.compile('ab') == re.compile('ab'), re.compile('ab') == re.compile('ab', re.I))
print(re.compile('ab') != re.compile('ac'), re.compile('ab') == 'ab', re.compile(b'ab') == re.compile('ab'))
print(hash(re.compile('abc', re.X)) == hash(re.compile('abc', re.X)))
print(len({re.compile('q'), re.compile('q'), re.compile('r')}))
print(p.__copy__() is p, p.__deepcopy__(None) is p)
print(type(p).__name__, type(p).__module__, re.Pattern is type(p))
print(re.compile(p) is p)
try:
    re.compile(p, re.I)
except ValueError as e:
    print('ValueError', e)
try:
    re.Pattern()
except TypeError as e:
    print('TypeError', e)
print(re.Pattern[str], re.Match[bytes])
print(re.compile('x').flags == re.U, re.compile(b'x').flags)
try:
    p.pattern = 'z'
except AttributeError:
    print('AttributeError')
print(re.compile('(a)(b)(c)').groups, re.compile('(?:a)').groups)
print(re.purge())
