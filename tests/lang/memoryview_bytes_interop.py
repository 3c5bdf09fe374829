# Where CPython accepts any buffer, memoryviews work: bytes(), bytearray(), join, concat, search methods.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

m = memoryview(b'hello world')
print(bytes(m), bytearray(m), bytes(m[::2]), bytearray(m[::-1]))
print(bytes(memoryview(b'abcdef').cast('B', [2, 3])), bytes(memoryview(b'\x01\x00\x02\x00').cast('h')))
print(b''.join([m[:5], b' ', bytearray(b'there')]), b'-'.join([memoryview(b'a'), memoryview(b'b')]))
print(bytearray(b'x').join([m[:2]]), b'ab' + m[:2], bytearray(b'ab') + m[:2])
ba = bytearray(b'12')
ba += m[:2]
print(ba)
print(b'hello'.startswith(m[:2]), b'hello'.find(memoryview(b'l')), b'hello'.count(memoryview(b'l')))
print(b'a,b'.split(memoryview(b',')), b'xhix'.strip(memoryview(b'x')), b'abc'.replace(memoryview(b'b'), memoryview(b'B')))
print(m[:5] in [b'hello'], b'hello' in [m[:5]], b'ell' in b'hello', memoryview(b'ell').tobytes() in b'hello')
print(bytes(m).decode(), str(bytes(m[:5]), 'ascii'))
print(int.from_bytes(memoryview(b'\x01\x02'), 'big'), bytes.fromhex(m[:2].hex()))
print(list(memoryview(b'abc')), tuple(memoryview(b'abc').cast('c')), sorted(memoryview(b'cab')))
show("join non-contiguous", lambda: b''.join([memoryview(b'abcd')[::2]]))
show("concat non-contiguous", lambda: b'ab' + memoryview(b'abcd')[::2])
show("mv + bytes", lambda: memoryview(b'a') + b'b')
show("mv * 2", lambda: memoryview(b'a') * 2)
show("mv.count", lambda: memoryview(b'a').count(97))
x = bytearray(b'abc')
mx = memoryview(x)
print(x == mx, mx == x, bytes(mx) == x)
mx[0] = 65
print(x, bytes(mx))
mx.release()
print(memoryview(b'%s') .tobytes() % (b'ok',), b'%s' % memoryview(b'hi'))
