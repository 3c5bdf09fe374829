# array pickling (__reduce_ex__, _array_reconstructor with foreign machine formats), copies, tofile/fromfile.
# gcstress-every: 5
import array, sys, pickle, copy, io, os
from array import array as A
def show(f):
    try: print('ok', repr(f()))
    except Exception as e: print(type(e).__name__, e)
for tc in array.typecodes:
    a = A(tc, 'ab' if tc == 'u' else [1, 2])
    for proto in range(0, 6):
        r = a.__reduce_ex__(proto)
        print(tc, proto, r[0].__name__, r[1], r[2], pickle.loads(pickle.dumps(a, proto)) == a)
class Sub(A):
    pass
s = Sub('i', [1, 2]); s.attr = 'x'
for proto in (1, 3, 5):
    r = s.__reduce_ex__(proto)
    print(proto, r[0], r[1], r[2])
    t = pickle.loads(pickle.dumps(s, proto))
    print(type(t).__name__, t, t.attr)
show(lambda: A('i').__reduce_ex__())
show(lambda: A('i').__reduce__())
R = array._array_reconstructor
print(R(A, 'i', 8, b'\x01\x00\x00\x00'), R(A, 'h', 5, b'\x00\x01'), R(A, 'd', 17, b'\x3f\xf8' + b'\x00' * 6), R(A, 'u', 20, 'ab'.encode('utf-32-le')))
print(R(A, 'u', 21, 'ab'.encode('utf-32-be')), R(A, 'u', 18, 'ab'.encode('utf-16-le')), R(A, 'L', 12, b'\xff' * 8))
show(lambda: R(A, 'b', 2, b'\xff'))
print(R(A, 'q', 13, b'\x00' * 7 + b'\x01'), R(A, 'f', 15, b'\x3f\xc0\x00\x00'), R(Sub, 'i', 9, b'\x00\x00\x00\x05'), R(A, 'd', 15, b'\x3f\xc0\x00\x00'), R(A, 'b', 3, b'\x01\x02'), R(A, 'I', 11, b'\x00'*7+b'\x09'))
show(lambda: R(A, 'q', 15, b'\x00' * 4))
show(lambda: R(A, 'u', 18, b'\x00\xd8'))
show(lambda: R(A, 'u', 9, b'\x00\x00\x00\x41'))
show(lambda: R(int, 'i', 8, b''))
show(lambda: R(A, 'x', 8, b''))
show(lambda: R(A, 'i', 99, b''))
show(lambda: R(A, 'i', 8, 'x'))
show(lambda: R(A, 'i', 8, b'\x01'))
show(lambda: R(A, 1, 8, b''))
show(lambda: R(A, 'i', 8))
show(lambda: R(A, 'B', 1, b'\x01\x02'))
print(R(A, 'B', 0, b'\x01\x02'), R(A, 'h', 4, b'\x01\x00\x02\x00'), R(A, 'i', 6, b'\x01\x00\x02\x00'))
# copies
a = A('i', [1, 2, 3])
b = copy.copy(a); c = copy.deepcopy(a); b[0] = 9
print(a, b, c, a.__copy__(), a.__deepcopy__({}))
show(lambda: a.__deepcopy__())
# files
path = '/tmp/taipan_mod_array_%d.bin' % os.getpid()
try:
    with open(path, 'wb') as f:
        A('i', range(5)).tofile(f)
        A('u', 'hi').tofile(f)
    with open(path, 'rb') as f:
        x = A('i'); x.fromfile(f, 3); print(x)
        x.fromfile(f, 2); print(x)
        show(lambda: x.fromfile(f, 5))
        print(x)
    with open(path, 'rb') as f:
        y = A('d'); show(lambda: y.fromfile(f, 100)); print(len(y))
    with open(path, 'rb') as f:
        show(lambda: A('i').fromfile(f, -1))
        show(lambda: A('i').fromfile(f, 'x'))
        show(lambda: A('i').fromfile(f))
    show(lambda: A('i').fromfile(io.StringIO('abcd'), 1))
    show(lambda: A('i', [1]).tofile(io.StringIO()))
    show(lambda: A('i', [1]).tofile(1))
    show(lambda: A('i').fromfile(1, 1))
    bio = io.BytesIO(); A('h', range(3)).tofile(bio); print(bio.getvalue())
    big = A('B', bytes(70000)); bio = io.BytesIO(); big.tofile(bio); print(len(bio.getvalue()))
    bio.seek(0); z = A('B'); z.fromfile(bio, 70000); print(len(z))
finally:
    os.unlink(path)
