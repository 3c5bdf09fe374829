# Named groups: (?P<name>...), groupdict(), groupindex, lastgroup, (?P=name).
import re

p = re.compile(r'(?P<year>\d{4})-(?P<month>\d\d)(?:-(?P<day>\d\d))?')
m = p.search('date: 2023-07 and more')
print(m.group('year'), m.group('month'), m.group('day'), m['year'])
print(m.groupdict(), m.groupdict('?'))
print(m.span('month'), m.start('year'), m.end('day'))
print(m.lastgroup, m.lastindex)
print(p.groupindex, p.groups, dict(p.groupindex), sorted(p.groupindex.items()))
print(type(p.groupindex).__name__)
try:
    p.groupindex['x'] = 1
except TypeError as e:
    print('TypeError', e)
print(re.compile('(a)').groupindex, type(re.compile('(a)').groupindex).__name__)

m = re.match(r'(?P<a>x)(?P<b>y)?(z)', 'xz')
print(m.groupdict(), m.lastgroup, m.lastindex, m.groups())
m = re.match(r'(?P<first>.)(?P=first)+', 'aaab')
print(m.group(), m.group('first'))
try:
    m.group('nope')
except IndexError as e:
    print('IndexError', e)
# Unicode group names.
m = re.match(r'(?P<größe>\d+)', '42')
print(m.group('größe'), m.groupdict())
m = re.match(r'(?P<outer>a(?P<inner>b))', 'ab')
print(m.lastgroup, m.lastindex, m.groupdict())
print(re.match(r'(?P<x>a)|(?P<y>b)', 'b').lastgroup)
print(re.sub(r'(?P<w>\w+)', r'[\g<w>]', 'hi there'))
