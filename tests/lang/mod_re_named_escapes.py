# \N{name} escapes in patterns (looked up through unicodedata) and the errors for bad names.
import re

print(re.findall(r'\N{GREEK SMALL LETTER ALPHA}+', 'αα β α'))
print(re.findall(r'[\N{DIGIT ZERO}-\N{DIGIT FIVE}]+', '0123456789'))
print(re.match(r'\N{EM DASH}', '—').span(), re.match(r'(?i)\N{LATIN CAPITAL LETTER A}', 'a').span())
print(re.sub(r'\N{SPACE}', '_', 'a b c'))
for bad in [r'\N{NO SUCH NAME}', r'\N', r'\N{', r'\N{}', r'\N{SPACE']:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), '->', e)
try:
    re.compile(rb'\N{SPACE}')
except re.error as e:
    print('bytes ->', e)
