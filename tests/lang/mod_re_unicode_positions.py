# Spans in non-ASCII strings count characters, and pos/endpos are character indices.
import re

s = 'día 日本語 naïve 😀 end'
for m in re.finditer(r'\S+', s):
    print(m.span(), m.group(), s[m.start():m.end()] == m.group())
p = re.compile(r'\w+')
print(p.search(s, 4).span(), p.search(s, 5).span(), p.search(s, 4, 6).span())
print(p.match(s, 8), p.match(s, 9).span())
print(p.findall(s, 2, 12))
print(re.search('😀', s).span(), re.search('end', s).span(), re.search('語', s).span())
m = re.search(r'(?P<w>na(.)ve) (\W)', s)
print(m.span(), m.span('w'), m.span(2), m.span(3), m.regs, m.group(2))
print(repr(m))
print(re.sub(r'[^\x00-\x7f]', '?', s), re.subn('é|😀', '_', 'é😀é'))
print(re.split(r'(\s)', 'ä ö'))
long = 'ü' * 1000 + 'needle' + 'ö' * 1000
print(re.search('needle', long).span(), re.search('e+d', long, ).span())
print([m.start() for m in re.finditer('l', 'ülülü' * 3)])
sc = re.compile('ü').scanner('aüüb')
print(sc.search().span(), sc.search().span(), sc.search())
print(re.match(r'.{3}', '日本語です').group(), re.fullmatch('日本語', '日本語').span())
print(re.search(r'$', 'ÿ\u0100').span(), re.search(r'\Z', '日本').span())
# Lone surrogates are characters too.
print(re.findall(r'[\ud800-\udfff]', 'a\ud800b\udfffc'), re.search('\udc80', 'x\udc80').span())
