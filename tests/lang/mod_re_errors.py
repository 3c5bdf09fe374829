# re.error: message, pos, lineno and colno for malformed patterns.
import re

bad = ['(', ')', '[a', 'a**', 'a++*', '*a', '+', '?', 'a{2,1}', '(?P<1>a)', '(?P<a-b>x)',
       '(?P<x>a)(?P<x>b)', r'\1', r'(a)\2', '\\', '[z-a]', '(?z)', r'(?P=y)', '(?<=a+)b',
       '(?i', '(?#unterminated', r'\x1', r'\u12', r'\U0011ffff', 
       '(?(2)a|b)', '(?(1a)b)', 'a{,99999999999}', '(?P', '(?P<', '[\\d-z]', '(?<', 'x' * 3 + '(?-:a)',
       '(?i-i:a)', '(?x', 'a\n(b', '(?P<a>)(?P=a', r'[\A]', r'\g<1>', '(?L)a', '(?aiL)a']
for pat in bad:
    try:
        re.compile(pat)
        print('compiled', repr(pat))
    except re.error as e:
        print(repr(pat), '->', e, '|', e.msg, e.pos, e.lineno, e.colno, e.pattern == pat)
    except Exception as e:
        print(repr(pat), '->', type(e).__name__, e)
try:
    re.compile(b'(')
except re.error as e:
    print(e, e.pattern)
e = re.error('custom message')
print(e, e.msg, e.pattern, e.pos, e.lineno, e.colno)
e = re.error('msg', 'ab\ncd', 4)
print(e, e.lineno, e.colno)
print(issubclass(re.error, Exception), re.error.__name__, re.error.__module__)
try:
    re.compile('a' * 5 + '(' * 3)
except re.error as e:
    print(str(e))
