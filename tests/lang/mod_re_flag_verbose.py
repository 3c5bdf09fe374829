# VERBOSE: whitespace and # comments in the pattern are ignored outside classes.
import re

phone = re.compile(r'''
    (\d{3})     # area code
    [-.\s]?     # separator
    (\d{4})     # number
''', re.X)
print(phone.search('call 555-1234 now').groups())
print(phone.search('call 555 1234 now').groups())
print(re.match(r'(?x) a b c # comment', 'abc').group())
print(re.match(r'(?x) a\ b', 'a b').group())
print(re.match(r'(?x) [ ]', ' ').group())
print(re.match(r'(?x) a [#] b', 'a#b').group())
print(re.match(r'(?x) a{2} \# ', 'aa#').group())
print(re.match(r'''(?x)
    (?P<key>\w+) \s* = \s* (?P<value>.*)  # key = value
''', 'name = Taipan').groupdict())
print(re.compile(r'a b', re.VERBOSE).pattern, re.compile(r'a b', re.VERBOSE).match('ab').group())
print(re.match('(?x)a\tb\nc', 'abc').group())
