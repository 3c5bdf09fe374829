# Greedy and lazy quantifiers: *, +, ?, {m,n} and their ? forms.
import re

s = '<a><bb><ccc>'
print(re.match(r'<.*>', s).group(), re.match(r'<.*?>', s).group())
print(re.findall(r'<.+?>', s), re.findall(r'<.{2,3}>', s), re.findall(r'<.{1,2}?>', s))
print(re.match(r'a{3}', 'aaaa').group(), re.match(r'a{2,}', 'aaaa').group(), re.match(r'a{,2}', 'aaaa').group())
print(re.match(r'a{2,3}?', 'aaaa').group(), re.match(r'a{2,}?', 'aaaa').group())
print(re.match(r'a??b', 'ab').group(), re.match(r'a?b', 'ab').group(), re.match(r'a??', 'a').group())
print(re.match(r'(ab)*?c', 'ababc').group(1), re.match(r'(ab)+?', 'abab').group())
print(re.match(r'(a+)(a+)', 'aaaa').groups(), re.match(r'(a+?)(a+)', 'aaaa').groups())
print(re.match(r'(a*)(a*?)(a)', 'aaa').groups())
print(re.match(r'(?:a|ab)*?c', 'aababc').group())
print(re.match(r'x{0}y', 'y').group(), re.match(r'(x){0}y', 'y').groups())
print(re.match(r'a{1,3}b{2}', 'aaabb').group())
print(re.findall(r'\d{2,4}', '1 12 123 12345 123456789'))
print(re.findall(r'\d{2,4}?', '123456789'))
# Nested repeats, including ones that can match the empty string.
print(re.match(r'(a*)*', 'aaa').groups(), re.match(r'(a*)+', 'aaa').groups(), re.match(r'(a*)*?$', 'aa').groups())
print(re.match(r'(a?)*?b', 'aab').groups(), re.match(r'(?:a?)*?b', 'ab').group())
print(re.match(r'((a)|b)*?c', 'abac').groups())
print(re.match(r'(?:x*)*y', 'xxy').group(), re.match(r'(?:(x)*)*y', 'xxy').groups())
print(re.match(r'(ab|a)*?b', 'aab').group())
print(re.match(r'.{3,5}', 'ab'), re.match(r'.{3,5}', 'abcdefg').group())
print(re.match(r'a{1,65535}', 'a' * 70000).end())
print(re.match(r'(?:ab){2,3}', 'abababab').group())
