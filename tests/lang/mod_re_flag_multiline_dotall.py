# MULTILINE and DOTALL, inline and as arguments, and combined.
import re

s = 'one\ntwo\r\nthree\n'
print(re.findall(r'.+', s))
print(re.findall(r'(?s).+', s))
print(re.findall(r'.+', s, re.S), re.findall(r'.+', s, re.DOTALL))
print(re.findall(r'^t\w+', s, re.M), re.findall(r'^t\w+', s, re.MULTILINE))
print(re.findall(r'(?ms)^t.*?$', s))
print(re.findall(r'(?m)\w+$', s))
print(re.match(r'a.b', 'a\nb'), re.match(r'(?s:a.b)', 'a\nb').group())
print(re.match(r'(?s)a(?-s:.)b', 'a\nb'))
print(re.findall(r'.', '\r\x0b\x0c\x1c\u2028\n'))
print(re.search(r'(?m)^$', 'a\n\nb').span())
print(re.findall(r'(?m)^\s*$', 'a\n  \n\nb'))
print(re.compile('x', re.M | re.S).flags & 24)
print(re.sub(r'(?m)^\s+', '', '  a\n    b\n c'))
print(re.split(r'(?m)$\n?', 'a\nb\nc'))
