# sub() with a function: it gets each Match, its result (or None) is inserted.
import re

def upper(m):
    return m.group().upper()

print(re.sub(r'\b\w', upper, 'hello big world'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'))
print(re.sub(r'(\w)(\w*)', lambda m: m.group(2) + m.group(1) + 'ay', 'pig latin words'))
print(re.sub('x', lambda m: None, 'axbxc'))
print(re.subn(r'[aeiou]', lambda m: '', 'education'))
calls = []
def record(m):
    calls.append((m.span(), m.group(), m.pos, m.endpos))
    return '_'
print(re.sub('a*', record, 'baac'), calls)
print(re.sub(b'o', lambda m: m.group() * 3, b'foo'))
print(re.sub('(?P<d>\\d)', lambda m: m['d'] * 2, 'x1y2'))
class S(str):
    pass
print(re.sub('a', lambda m: S('z'), 'banana'))
for bad in [lambda m: 1, lambda m: b'x']:
    try:
        re.sub('a', bad, 'xay')
    except TypeError as e:
        print('TypeError', e)
try:
    re.sub(b'a', lambda m: 'x', b'xay')
except TypeError as e:
    print('TypeError', e)
def boom(m):
    raise ValueError('from callback')
try:
    re.sub('a', boom, 'xay')
except ValueError as e:
    print('ValueError', e)
# The callback may itself use regular expressions.
print(re.sub(r'\w+', lambda m: re.sub('[aeiou]', '*', m.group()), 'nested regex calls'))
