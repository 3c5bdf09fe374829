# ASCII vs UNICODE matching of \w \d \s \b, inline flags and flag errors.
import re

s = 'café naïve 日本 ١٢٣ ½ x_1\u00a0\u3000end'
print(re.findall(r'\w+', s))
print(re.findall(r'(?a)\w+', s), re.findall(r'\w+', s, re.A), re.findall(r'\w+', s, re.ASCII))
print(re.findall(r'\d+', s), re.findall(r'(?a)\d+', s))
print([len(x) for x in re.findall(r'\s+', s)], [len(x) for x in re.findall(r'(?a)\s+', s)])
print(re.findall(r'\W+', 'a,b;日'), re.findall(r'(?a)\W+', 'a,b;日'))
print(re.findall(r'\D+', 'a1٣b'), re.findall(r'\S+', 'a\u2003b'))
print(re.findall(r'(?u)\w+', 'ünï'), re.findall(r'\w+', 'ünï', re.U))
print(re.findall(r'(?a:\w+) \w+', 'é é éa é'))
print(re.compile(r'\w', re.A).flags, re.compile(r'\w').flags, re.compile(rb'\w').flags)
print(re.findall(rb'\w+', b'caf\xe9 x_1'))
for bad, flags in [(r'(?au)x', 0), ('x', re.A | re.U), (b'x', re.U), (rb'(?u)x', 0), ('x', re.L)]:
    try:
        re.compile(bad, flags)
        print('ok', bad)
    except (ValueError, re.error) as e:
        print(type(e).__name__, e)
print(re.findall(r'[\w]+', 'ab日本'), re.findall(r'(?a)[\w]+', 'ab日本'))
print(re.findall(r'[^\W\d_]+', 'abc_12déf'))
print(re.findall(r'(?L)\w+', 'abc') if False else re.findall(rb'(?L)\w+', b'abc d'))
