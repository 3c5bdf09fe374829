# Subjects of other types: str and bytes subclasses, bytearray, memoryview.
import re

class MyStr(str):
    pass
class MyBytes(bytes):
    pass
s = MyStr('hello world')
m = re.search(r'w\w+', s)
print(m.group(), type(m.group()).__name__, type(m.string).__name__, m.string is s)
print(type(re.sub('x', 'y', s)).__name__, type(re.split(' ', s)[0]).__name__, type(re.findall(r'\w+', s)[0]).__name__)
whole = 'exact'
print(re.match('.*', whole).group() is whole, re.sub('z', 'y', whole) is whole)
b = MyBytes(b'abc')
print(re.match(b'a', b).group(), type(re.match(b'.*', b).group()).__name__, re.sub(b'b', b'B', b))
ba = bytearray(b'one two')
m = re.match(rb'(\w+) (\w+)', ba)
print(m.groups(), type(m.group(1)).__name__)
ba[0:3] = b'ONE'
print(m.group(1), m.groups())
def grow(m):
    try:
        ba.extend(b'!')
    except BufferError as e:
        print('BufferError', e)
    return b'_'
print(re.sub(rb'o', grow, ba), ba)
mv = memoryview(b'memory view')
print(re.findall(rb'\w+', mv), re.search(rb'v\w+', mv).group(), type(re.search(rb'v', mv).string).__name__)
print(re.sub(rb'e', b'E', mv), re.split(rb' ', mv))
