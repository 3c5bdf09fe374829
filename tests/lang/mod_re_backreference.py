# Backreferences: \1, (?P=name), case-insensitive references, references to unset groups.
import re

print(re.search(r'(\w)\1', 'abccd').group())
print(re.findall(r'(\w)\1', 'aabbcdde'))
print(re.search(r'\b(\w+) \1\b', 'this is is a test').group())
print(re.match(r'(a)b\1', 'aba'), re.match(r'(a)b\1', 'abb'))
print(re.match(r'(?i)(a)\1', 'aA').group())
print(re.match(r'(?i)(straße)\1', 'STRASSEstraße'))
print(re.match(r'(?i)(σ)\1\1', 'Σσς'))
print(re.match(r'(a)?b\1', 'b'))
print(re.match(r'(a)?b(?:\1|c)', 'bc'))
print(re.match(r'(?P<q>[\'"]).*?(?P=q)', '"hello" world').group())
print(re.match(r'(a*)b\1c', 'aabaac'), re.match(r'(a*)b\1c', 'aabac'))
print(re.match(r'(a|b)*\1', 'abb'))
print(re.match(r'((a)|b)+\2', 'aba'))
print(re.match(r'(日本)\1', '日本日本').span())
print(re.match(rb'(\xe9)\1', b'\xe9\xe9'))
print(re.match(r'(?i)(é)\1', 'éÉ'))
print(re.match(r'(?ia)(é)\1', 'éÉ'))
try:
    re.compile(r'(a\1)')
except re.error as e:
    print('error:', e)
print(re.fullmatch(r'(?:(a)|b)(?(1)a|b)', 'aa'), re.fullmatch(r'(?:(a)|b)(?(1)a|b)', 'bb'))
