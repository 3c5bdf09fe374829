# Empty matches: adjacent to a previous match they are allowed since 3.7, never twice in one place.
import re

for pat in [r'x*', r'\b', r'', r'a|', r'(?=b)', r'a*?', r'(?:)']:
    s = 'axxbxa'
    print(repr(pat), re.findall(pat, s), [m.span() for m in re.finditer(pat, s)])
    print('  sub', re.sub(pat, '-', s), re.subn(pat, '-', s)[1])
    print('  split', re.split(pat, s))
print(re.sub('x*', '-', 'abxd'))
print(re.sub(r'\s*', '|', 'a b'))
print(re.findall(r'\d*', '12a34'))
print(re.split(r'(x*)', 'axb'))
print(re.sub('(?m)^', '>', 'a\nb\n'))
print(re.findall(r'(a)|b?', 'ab'))
