# split(): captured separators are kept, maxsplit limits, empty matches split too.
import re

print(re.split(r',\s*', 'a, b,c,  d'))
print(re.split(r'(,)\s*', 'a, b,c'))
print(re.split(r'(?:,)', 'a,b'))
print(re.split(r'(,)|(;)', 'a,b;c'))
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'\W+', 'Words, words, words.', maxsplit=2))
print(re.split(r'x', 'axbxc', maxsplit=-1), re.split(r'x', 'axbxc', 0))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'\s+', '  leading and trailing  '))
print(re.split(r'', 'abc'), re.split(r'\b', 'ab cd'))
print(re.split(r'(?<=-)', 'a-b-c'))
print(re.split('x', ''), re.split('', ''), re.split('(x)?', 'ab'))
print(re.split(b',', b'a,b,,c'), re.split(rb'(\d)', b'a1b2c'))
print(re.compile(r'\d').split('a1b2c3'))
print(re.split('é', 'aébéc'), re.split('(日)', '一日二日三'))
