# memoryview.cast(): every native format, item values, packing ranges and the cast errors.
import sys
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

raw = bytes(range(1, 17))
for fmt in 'BbcHhIiLlQqNnfd?P':
    v = memoryview(raw).cast(fmt)
    print(fmt, v.format, v.itemsize, v.shape, v.strides, len(v), v.tolist()[:2], v[0] == v.tolist()[0])
print(memoryview(b'\x00\x00\xc0\x7f\x00\x00\x80\xff').cast('f').tolist())
print(memoryview(b'\x00\x00\x00\x00\x00\x00\xf0\x7f').cast('d').tolist())
print(memoryview(b'\x80\xff').cast('b').tolist(), memoryview(b'\x80\xff').cast('h').tolist())
print(memoryview(b'ab').cast('@B').format, memoryview(b'ab').cast('@B').tolist())
print(memoryview(b'abcd').cast('h').cast('B').format, memoryview(b'abcd').cast('i').cast('c').tolist())

def packs(fmt, values):
    v = memoryview(bytearray(8 * len(values))).cast('B').cast(fmt)
    out = []
    for i, x in enumerate(values):
        try:
            v[i] = x
            out.append(v[i])
        except Exception as e:
            out.append('%s: %s' % (type(e).__name__, e))
    print(fmt, out)

packs('b', [-128, 127, 128, -129, 1.5, '1'])
packs('B', [0, 255, 256, -1, True])
packs('h', [-32768, 32767, 32768])
packs('H', [65535, 65536, -1])
packs('i', [2**31 - 1, -2**31, 2**31])
packs('I', [2**32 - 1, 2**32])
packs('l', [2**63 - 1, -2**63, 2**63])
packs('L', [2**64 - 1, 2**64, -1])
packs('q', [-2**63, 2**63])
packs('Q', [2**64 - 1, -1])
packs('n', [-5, 2**63])
packs('N', [5, -5])
packs('f', [1.5, 3, 0.1, 1e300, 'x'])
packs('d', [1.5, 3, -0.0, 10**400, None])
packs('?', [0, 1, 'x', [], None])
packs('c', [b'x', b'xy', 'x', bytearray(b'x'), 1])
packs('P', [0, 12345, -1, 1.0, True])

show("bad format", lambda: memoryview(b'ab').cast('X'))
show("two chars", lambda: memoryview(b'ab').cast('BB'))
show("e format", lambda: memoryview(b'ab').cast('e'))
show("empty format", lambda: memoryview(b'ab').cast(''))
show("bytes format", lambda: memoryview(b'ab').cast(b'B'))
show("non-ascii", lambda: memoryview(b'ab').cast('\xe9'))
show("not multiple", lambda: memoryview(b'abc').cast('h'))
show("non-byte", lambda: memoryview(b'abcd').cast('h').cast('i'))
show("non-contig", lambda: memoryview(b'abcd')[::2].cast('B'))
show("shape int", lambda: memoryview(b'abcd').cast('B', 5))
show("shape str", lambda: memoryview(b'abcd').cast('B', [2, 'a']))
show("shape zero", lambda: memoryview(b'abcd').cast('B', [0, 2]))
show("shape product", lambda: memoryview(b'abcd').cast('B', [3]))
show("nd to nd", lambda: memoryview(b'abcd').cast('B', [2, 2]).cast('B', [4, 1]))
show("too many dims", lambda: memoryview(b'a').cast('B', [1] * 65))
show("zeros", lambda: memoryview(b'').cast('B', [1]))
show("no args", lambda: memoryview(b'ab').cast())
show("kw", lambda: memoryview(b'abcd').cast(format='h', shape=(2,)).tolist())
show("float shape", lambda: memoryview(b'abcd').cast('B', [2.0, 2]))
print(memoryview(b'').cast('i').tolist(), memoryview(b'abcd').cast('B', (4,)).shape)
