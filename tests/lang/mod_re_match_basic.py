# match() anchors at the start, search() scans, fullmatch() needs the whole string.
import re

def show(m):
    if m is None:
        print(None)
    else:
        print(repr(m.group()), m.span())

for pat, s in [('abc', 'abcdef'), ('abc', 'xabc'), ('b+', 'abbbc'), ('', 'xyz'),
               ('x*', 'yyy'), ('a.c', 'a\nc'), ('a.c', 'abc'), ('[0-9]+', 'no digits'),
               ('hello', 'hello'), ('hel', 'hello')]:
    print(pat, repr(s))
    show(re.match(pat, s))
    show(re.search(pat, s))
    show(re.fullmatch(pat, s))

# The same through compiled patterns, with pos and endpos.
p = re.compile(r'\d+')
show(p.match('ab123', 2))
show(p.match('ab123', 1))
show(p.search('ab123cd45', 5))
show(p.search('ab123cd45', 0, 3))
show(p.fullmatch('ab123cd', 2, 5))
show(p.fullmatch('ab123cd', 2, 6))
show(p.search('123', pos=-10, endpos=100))
show(p.search('123', 3))
show(p.search('123', 4))
print(bool(re.match('a', 'a')), re.match('b', 'a') is None)
# Keyword arguments.
show(p.search(string='x77', pos=1))
show(re.compile('').match('abc', 2, 1))
print(re.compile('').search('abc', 2, 1))
