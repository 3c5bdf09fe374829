# bytes patterns over bytes and bytearray: ASCII-only classes, bytes results.
import re

data = b'GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n'
print(re.match(rb'(\w+) (\S+) HTTP/(\d\.\d)', data).groups())
print(re.findall(rb'(?m)^(\w+): (.*?)\r$', data))
print(re.split(rb'\r\n', data))
print(re.sub(rb'\s+', b' ', data))
print(re.findall(rb'[\x80-\xff]+', b'ab\x80\x81cd\xff'), re.findall(rb'\w+', b'caf\xe9 na\xefve'))
ba = bytearray(b'hello world')
m = re.search(rb'w(or)ld', ba)
print(m, m.group(), m.group(1), type(m.group()).__name__, type(m.string).__name__)
print(re.findall(rb'o', ba), re.sub(rb'o', b'0', ba), re.split(rb' ', ba))
print(type(re.sub(rb'x', b'y', ba)).__name__, type(re.split(rb' ', ba)[0]).__name__)
print(re.fullmatch(rb'.*', b'a\xffb'), re.match(rb'(?s).+', b'\n\x00\n').span())
print(re.search(rb'\x00', b'a\x00b').span(), re.findall(rb'[^\x00]+', b'a\x00bc'))
print(re.compile(rb'(?P<x>a)').groupindex, re.match(rb'(?P<x>a)', b'a').groupdict())
print(re.sub(rb'(a)', rb'\1\1', b'banana'), re.subn(rb'a', b'', b'banana'))
print(re.escape(b'a.b\xff'))
try:
    re.match(rb'a', 'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.match(r'a', b'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.compile(rb'\u0100')
except re.error as e:
    print('error', e)
m = re.match(rb'(a)(b)', bytearray(b'ab'))
print(m.groups(), m.span(2), repr(m))
