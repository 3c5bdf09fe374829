# The Match object: repr, attributes, regs, indexing, expand, copies, truth.
import re

p = re.compile(r'(?P<key>\w+)=(?P<val>\w*)(;)?')
m = p.search('  color=red; size=')
print(repr(m))
print(m.re is p, m.string, m.pos, m.endpos, m.lastindex, m.lastgroup)
print(m.regs)
print(m[0], m['key'], m[2], m[3])
print(m.expand(r'\g<val> is the \1'), m.expand(b'x' if False else r'[\3]'))
print(m.__copy__() is m, m.__deepcopy__({}) is m)
print(bool(m))
m2 = p.search('  color=red; size=', 12)
print(repr(m2), m2.groups(), m2.lastgroup, m2.lastindex, m2.pos)
long = re.search(r'x+', 'a' + 'x' * 80)
print(repr(long))
print(repr(re.match(r'.*', "it's \"quoted\"")))
print(repr(re.match(rb'.+', b'\x00\xff')))
print(repr(re.match(r'', 'abc')))
print(repr(re.search('é+', 'aéé')))
try:
    re.Match()
except TypeError as e:
    print('TypeError', e)
for bad_call in [lambda: m.start(1, 2), lambda: m.span('zz'), lambda: m.group(5), lambda: m.end(-1)]:
    try:
        bad_call()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(m.start(True), m.end(False))
print(type(m).__name__, type(m).__module__, type(m).__qualname__)
print(re.Match is type(m))
print(re.match('(a)(b)?', 'a').regs)
try:
    m.string = 'x'
except AttributeError as e:
    print('AttributeError')
