# Lookbehind assertions (?<=...) and (?<!...): fixed width, may look before pos.
import re

print(re.findall(r'(?<=\$)\d+', 'cost $30 or $45, not 50'))
print(re.findall(r'(?<!\$)\b\d+', 'cost $30 or $45, not 50'))
print(re.search(r'(?<=abc)def', 'abcdef').span())
print(re.search(r'(?<=ab|cd)x', 'cdx').span())
print(re.search(r'(?<=(a))b', 'ab').groups())
print(re.search(r'(?<=(?P<pre>\w\w))!', 'hi!').groupdict())
print(re.search(r'(?<!a)b', 'ab cb').span())
print(re.match(r'(?<=a)b', 'ab'))
# Lookbehind sees text before pos, but not after endpos for what follows.
p = re.compile(r'(?<=a)b')
print(p.match('ab', 1), p.search('xab', 2).span())
p = re.compile(r'(?<!a)b')
print(p.match('ab', 1), p.match('cb', 1))
# Non-ASCII text: widths count characters.
print(re.search(r'(?<=日本)語', '日本語').span())
print(re.search(r'(?<=é{2})x', 'ééx').span())
print(re.findall(r'(?<=\b)\w', 'héllo wörld'))
print(re.sub(r'(?<=[aeiou])(?=[^aeiou\W])', '-', 'banana split'))
try:
    re.compile(r'(?<=a+)b')
except re.error as e:
    print('error:', e)
try:
    re.compile(r'(?<=a|bc)d')
except re.error as e:
    print('error:', e)
print(re.search(r'(?<=\d{3})-', '12-345-').span())
print(re.search(r'(?<!^)x', 'xax').span())
