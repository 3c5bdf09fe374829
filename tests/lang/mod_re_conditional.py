# Conditional patterns (?(id)yes|no) on numbered and named groups.
import re

p = re.compile(r'(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)')
for s in ['<user@host.com>', 'user@host.com', '<user@host.com', 'user@host.com>']:
    m = p.match(s)
    print(repr(s), m and m.groups())
q = re.compile(r'(?P<quote>")?\w+(?(quote)")')
print(q.findall('"a" b "c'), [m.group() for m in q.finditer('"a" b "c')])
print(re.match(r'(a)?(?(1)b)c', 'abc').group(), re.match(r'(a)?(?(1)b)c', 'c').group())
print(re.match(r'(a)?(?(1)b)c', 'ac'))
print(re.findall(r'(\()?\d+(?(1)\))', '(1) 2 (3 4)'))
print(re.match(r'(?:(a)|b)(?(1)x|y)+', 'byyy').group())
print(re.match(r'(a)|(?(1)x|y)', 'y').group())

# A 'then' part whose last argument equals the JUMP opcode (15) is still valid code.
import re
for i in [14, 15, 16]:
    p = re.compile(r'(a)?(?(1)\x%02x?)c' % i)
    print(i, p.match('a%sc' % chr(i)), p.match('ac'), p.match('c'))
p = re.compile(r'(a)?(?(1)\x0f|b)')
print(p.match('a\x0f'), p.match('b'), p.match('\x0f'))
