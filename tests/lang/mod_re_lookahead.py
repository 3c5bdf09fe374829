# Lookahead assertions (?=...) and (?!...) are zero-width and may capture.
import re

print(re.findall(r'\w+(?=,)', 'a, bb, ccc and ddd'))
print(re.findall(r'\b(?!un)\w+', 'undo redo unwind wind'))
print(re.search(r'(?=(\d{3}))', 'ab12345').groups())
print(re.findall(r'(?=(\w\w))', 'abcd'))
print(re.match(r'(?=a)a', 'a'), re.match(r'(?!a)a', 'a'))
print(re.match(r'(?=(a))?', 'a').groups())
print(re.match(r'(?!(a)b)a', 'ac').groups())
# Password-style checks combine lookaheads.
for pw in ['abc', 'abc123', 'Abc123', 'Abc12']:
    print(pw, bool(re.match(r'(?=.*\d)(?=.*[A-Z])(?=.*[a-z]).{6,}$', pw)))
print(re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567890'))
print(re.split(r'(?=[A-Z])', 'splitCamelCaseWords'))
print(re.search(r'foo(?!bar)', 'foobar foobaz').span())
print(re.search(r'a(?=b|c)', 'ad ac').span())
print(re.match(r'(?=.*(x))', 'abcx').span(1))
# A lookahead cannot look past endpos.
p = re.compile(r'a(?=b)')
print(p.search('ab', 0, 1), p.search('ab', 0, 2))
