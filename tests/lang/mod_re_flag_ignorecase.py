# IGNORECASE: ASCII and full Unicode simple case folding, and its special cases.
import re

print(re.findall(r'(?i)hello', 'Hello HELLO hello hElLo'))
print(re.findall('hello', 'Hello HELLO', re.I), re.findall('hello', 'Hello HELLO', re.IGNORECASE))
print(re.findall(r'(?i)[a-c]+', 'ABCabcDEF'))
print(re.findall(r'(?i)[^a-c]+', 'ABCxyzabc'))
print(re.match(r'(?i)é', 'É'), re.match(r'(?ia)é', 'É'), re.match(r'(?ia)e', 'E').group())
# Characters that share an uppercase match each other.
print(re.findall(r'(?i)k', 'kK\u212a'), re.findall(r'(?i)\u212a', 'kK'))
print(re.findall(r'(?i)s', 'sSſ'), re.findall(r'(?i)ſ', 'sS'))
print(re.findall(r'(?i)[k]', 'kK\u212a'), re.findall(r'(?i)[a-z]', 'ſ\u212a'))
print(re.findall(r'(?i)σ', 'Σσς'), re.findall(r'(?i)ς', 'Σσ'))
print(re.findall(r'(?i)i', 'iIıİ'), re.findall(r'(?i)ı', 'iI'))
print(re.findall(r'(?i)µ', 'µμΜ'))
print(re.findall(r'(?i)ß', 'ßẞss'), re.findall(r'(?i)straße', 'STRASSE Straße'))
print(re.findall(r'(?i)ǅ', 'ǄǅǆDž'))
print(re.findall(r'(?i)\U00010400', '\U00010428\U00010400'))
print(re.findall(r'(?i)[\U00010400-\U0001040f]', '\U00010428\U00010400'))
print(re.findall(r'(?i)[^k]', 'kK\u212ax'))
print(re.findall(r'(?i)ΑΒΓ', 'αβγ ΑΒΓ'))
# Case-insensitive literal prefixes and bytes.
print(re.search(r'(?i)needle', 'haystack NEEDLE haystack').span())
print(re.findall(rb'(?i)ab', b'ab AB aB \xc1\xe1'))
print(re.findall(rb'(?i)\xc1', b'\xc1\xe1'))
print(re.match(r'(?i)(?-i:a)b', 'aB'), re.match(r'(?i)(?-i:a)b', 'AB'))
print(re.match(r'a(?i:b)c', 'aBc'), re.match(r'a(?i:b)c', 'aBC'))
print(re.sub('(?i)x', '-', 'xXyX'))
