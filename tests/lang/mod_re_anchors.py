# Anchors: ^ $ \A \Z \b \B, and how MULTILINE changes ^ and $.
import re

s = 'first line\nsecond line\nthird'
print(re.findall(r'^\w+', s), re.findall(r'(?m)^\w+', s))
print(re.findall(r'\w+$', s), re.findall(r'(?m)\w+$', s))
print(re.search(r'\A\w+', s).group(), re.search(r'\w+\Z', s).group())
print(re.search(r'(?m)\Afirst', s).span(), re.search(r'(?m)\Asecond', s))
print(re.search(r'a$', 'a\n').span(), re.search(r'a\Z', 'a\n'), re.search(r'$', 'a\n').span())
print(re.findall(r'$', 'a\nb\n'), re.findall(r'(?m)$', 'a\nb\n'))
print([m.span() for m in re.finditer(r'(?m)^', 'a\nb\n')])
print(re.findall(r'\bcat\b', 'cat concat cat. catalog (cat)'))
print(re.findall(r'\Bcat\B', 'concatenate cat bobcat'))
print(re.findall(r'\b', 'ab cd'), [m.span() for m in re.finditer(r'\b', 'ab cd')])
print(re.findall(r'\B', 'ab cd'))
print(re.search(r'\b', ''), re.search(r'\B', ''), re.search(r'^$', '').span())
print(re.findall(r'\b\w', 'naïve café über'))
print(re.findall(r'(?a)\b\w', 'naïve café'))
# ^ means the real beginning, even with pos.
p = re.compile(r'^b')
print(p.search('ab', 1), re.compile(r'(?m)^b').search('a\nb', 2).span())
p = re.compile(r'a$')
print(p.search('ab', 0, 1).span(), p.search('ab'))
print(re.search(r'\b\d+\b', 'x 42 y').group())
print(re.sub(r'^', '> ', 'l1\nl2', flags=re.M))
print(re.sub(r'$', '!', 'l1\nl2\n'))
print(re.fullmatch(r'^abc$', 'abc').span())
