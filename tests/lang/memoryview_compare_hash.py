# memoryview == compares item values (formats and shapes), ordering is unsupported, hash needs read-only bytes formats.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

m = memoryview(b'abc')
print(m == b'abc', b'abc' == m, m == bytearray(b'abc'), bytearray(b'abc') == m, m != b'abd')
print(m == memoryview(b'abc'), m == m, m == 'abc', m == [97, 98, 99], m == None)
print(m == memoryview(b'abc').cast('c'), memoryview(b'ab').cast('c') == memoryview(b'ab').cast('c'))
print(memoryview(b'abcd').cast('h') == memoryview(b'abcd').cast('H'))
print(memoryview(b'\x01\x00').cast('h') == memoryview(b'\x01\x00\x00\x00').cast('i'))
print(memoryview(b'\x01\x00\x00\x00\x01\x00\x00\x00').cast('i') == memoryview(b'\x01\x00\x01\x00').cast('h'))
print(memoryview(b'\x01') == memoryview(b'\x01').cast('?'), memoryview(b'\x02') == memoryview(b'\x01').cast('?'))
nan = memoryview(b'\x00\x00\xc0\x7f').cast('f')
print(nan == nan, nan == memoryview(b'\x00\x00\xc0\x7f').cast('f'))
print(memoryview(b'\x00\x00\x00\x80').cast('f') == memoryview(b'\x00\x00\x00\x00').cast('f'))
print(memoryview(b'abcd')[::2] == b'ac', memoryview(b'abcd')[::-1] == b'dcba')
print(memoryview(b'abcd').cast('B', [2, 2]) == memoryview(b'abcd').cast('B', [2, 2]))
print(memoryview(b'abcd').cast('B', [2, 2]) == b'abcd', memoryview(b'abcd').cast('B', [2, 2]) == memoryview(b'abcd').cast('B', [4]))
print(memoryview(b'') == b'', memoryview(b'') == memoryview(b'').cast('i'))
for op in ['<', '<=', '>', '>=']:
    show(op, lambda: eval('m %s m' % op))
r = memoryview(b'x')
r.release()
print(r == r, r == memoryview(b'x'), memoryview(b'x') == r)

print(hash(memoryview(b'abc')) == hash(b'abc'), hash(memoryview(b'abcd')[::2]) == hash(b'ac'))
print(hash(memoryview(b'abc').cast('c')) == hash(b'abc'), hash(memoryview(b'abc').cast('b')) == hash(b'abc'))
show("writable", lambda: hash(memoryview(bytearray(b'abc'))))
show("readonly bytearray", lambda: hash(memoryview(bytearray(b'abc')).toreadonly()))
show("format h", lambda: hash(memoryview(b'abcd').cast('h')))
d = {memoryview(b'key'): 1}
print(d[b'key'], d.get(memoryview(b'key')), b'key' in {memoryview(b'key')})
