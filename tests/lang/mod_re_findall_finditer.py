# findall() returns strings or tuples of groups; finditer() yields Match objects lazily.
import re

s = 'x=1, y=22, zz=333'
print(re.findall(r'\w+=\d+', s))
print(re.findall(r'(\w+)=\d+', s))
print(re.findall(r'(\w+)=(\d+)', s))
print(re.findall(r'(\w+)=(\d+)?(x)?', s))
print(re.findall(r'(a)|b', 'ab'))
print(re.findall(r'(?:\w+)=(?:\d+)', s))
it = re.finditer(r'(\w+)=(\d+)', s)
print(type(it).__name__)
for m in it:
    print(m.span(), m.groups(), m.start(2))
print(list(it))
print([m.group() for m in re.finditer(r'\d', 'a1b2c3', )])
p = re.compile(r'\d')
print([m.span() for m in p.finditer('0123456', 2, 5)], p.findall('0123456', 2, 5))
print([m.pos for m in p.finditer('a1b2', 1)], [m.endpos for m in p.finditer('a1b2', 0, 3)])
print(p.findall('123', pos=1), p.findall(string='123', endpos=2))
print(re.findall(r'\d+', ''), list(re.finditer('x', '')))
# Consuming a finditer step by step while looking at each match.
it = re.finditer(r'[aeiou]', 'regular expression')
print(next(it).span(), next(it).span(), sum(1 for _ in it))
print(re.findall(b'[0-9]+', b'a12b345'), re.findall(rb'(\w)(\d)', b'a1b2'))
