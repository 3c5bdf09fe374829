# pos and endpos: clamping, anchors relative to them, and the match attributes.
import re

p = re.compile(r'\w+')
s = 'hello world'
for pos, endpos in [(0, 11), (3, 8), (6, 100), (-5, 5), (11, 11), (8, 3), (20, 30)]:
    m = p.search(s, pos, endpos)
    print(pos, endpos, m and (m.span(), m.group(), m.pos, m.endpos), p.findall(s, pos, endpos))
print(re.compile(r'^\w').search(s, 6), re.compile(r'(?m)^\w').search('a\nb', 2).span())
print(re.compile(r'\w$').search(s, 0, 5).span(), re.compile(r'\w\Z').search(s, 0, 5).span())
print(re.compile(r'\bw').search(s, 6).span(), re.compile(r'\Bo').search(s, 4, 5))
print(re.compile(r'o\b').search(s, 0, 5).span())
print(re.compile('.*').fullmatch(s, 2, 4).group(), re.compile('l+').fullmatch(s, 2, 4).group())
print(re.compile('(?<=l)o').match(s, 4).span())
print([m.span() for m in re.compile('').finditer('abc', 1, 2)])
print(re.compile('x').split('axbxc'), re.compile('a').sub('-', 'aaa'))
