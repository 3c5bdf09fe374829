# array and the buffer protocol: memoryview, exports blocking resizes, bytes(), struct; the u typecode edge cases.
import array, sys, pickle, copy, io, os
from array import array as A
def show(f):
    try: print('ok', repr(f()))
    except Exception as e: print(type(e).__name__, e)
# buffer protocol
a = A('i', [1, 2, 3])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, m.tolist(), m.readonly, bytes(a)[:4], bytearray(a)[:4])
m[0] = 10; print(a)
show(lambda: a.append(4))
show(lambda: a.extend([4]))
show(lambda: a.pop())
show(lambda: a.__delitem__(0))
show(lambda: a.frombytes(b'\x00\x00\x00\x00'))
show(lambda: a.__setitem__(slice(0, 1), A('i')))
show(lambda: a.__iadd__(A('i', [1])))
show(lambda: a.__imul__(2))
show(lambda: a.remove(2))
show(lambda: a.insert(0, 1))
show(lambda: a.fromlist([1]))
a[0] = 5; a[1:3] = A('i', [7, 8]); a.reverse(); a.byteswap(); a.byteswap(); print(a, m.tolist())
m.release()
a.append(4); print(a)
with memoryview(a) as m2:
    print(m2.cast('B').tolist()[:4])
print(memoryview(A('d', [1.5])).tolist(), memoryview(A('u', 'ab')).format, memoryview(A('Q', [1])).format, memoryview(A('l')).format)
show(lambda: memoryview(A('u', 'ab')).tolist())
print(b'ab' + A('B', [99]), bytes(A('b', [65, 66])), A('b', b'xyz'), b'x' in A('i'))
import struct
print(struct.unpack('2i', A('i', [4, 5])), list(memoryview(A('f', [0.5]))))
ba = bytearray(8); A('i', [1, 2]).tofile
print(sys.getsizeof(A('i')) > 0)
# u edge cases
show(lambda: A('u', '\ud800').tounicode())
x = A('u'); x.frombytes(b'\x00\x00\x11\x00')
show(lambda: x[0])
show(lambda: x.tounicode())
show(lambda: repr(x))
show(lambda: x.tolist())
show(lambda: A('u', ['ab']))
show(lambda: A('u').append('xy'))
show(lambda: A('u').append(1))
print(A('u', 'a') * 2, A('u', 'abc')[1], A('u', 'abc').index('c'), A('u', 'abca').count('a'), A('u', 'ab').tolist())
