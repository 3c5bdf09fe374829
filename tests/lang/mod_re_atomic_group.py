# Atomic groups (?>...): once the group matched, backtracking does not re-enter it.
import re

print(re.match(r'(?>a+)b', 'aaab').group())
print(re.match(r'(?>a+)a', 'aaa'))
print(re.match(r'(?>a|ab)c', 'abc'), re.match(r'(?:a|ab)c', 'abc').group())
print(re.match(r'(?>(a+))(b)', 'aab').groups())
print(re.search(r'(?>\d+)\.', 'abc 123. x').group())
print(re.search(r'\b(?>integer|insert|in)\b', 'an insert').group())
print(re.match(r'(?>x*)*y', 'xxy').group())
print(re.match(r'(?>.*?)x', 'abx'))
print(re.match(r'(?>.*)', 'abc').group())
print(re.match(r'a(?>bc|b)c', 'abcc').group(), re.match(r'a(?>bc|b)c', 'abc'))
print(re.match(r'(?>(a)|b)+c', 'abac').groups())
print(re.findall(r'(?>[a-z]+)\d', 'abc1 de2 f'))
# Catastrophic in a plain group, instant in an atomic one.
print(re.match(r'(?>(?:x+x+)+)y', 'x' * 30))
