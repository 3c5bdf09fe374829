# struct.error messages, which depend on the code and on the byte order.
import struct

for fmt in ['b', 'B', 'h', '<H', '>H', 'i', '<I', '>i', 'l', '<l', 'q', '<Q', '>q', '>Q', 'P']:
    row = []
    for v in [2 ** 64, -2 ** 63 - 1, -1, 300, 70000, 2 ** 32, 1.5]:
        try:
            struct.pack(fmt, v)
            row.append('ok')
        except struct.error as e:
            row.append(str(e))
    print(fmt, row)
cases = [
    lambda: struct.pack('c', b'ab'), lambda: struct.pack('s', 'a'), lambda: struct.pack('p', 1), lambda: struct.pack('f', 'a'),
    lambda: struct.pack('<f', 1e300), lambda: struct.pack('e', 1e10), lambda: struct.pack('d', 10 ** 400),
    lambda: struct.pack('i'), lambda: struct.pack('i', 1, 2), lambda: struct.pack('z', 1), lambda: struct.pack('3'),
    lambda: struct.pack('9999999999999999999999i'), lambda: struct.unpack('i', b'abc'), lambda: struct.unpack_from('i', b'abc', 1),
    lambda: struct.unpack_from('i', b'abcdefgh', -2), lambda: struct.unpack_from('i', b'abcdefgh', -20),
    lambda: struct.pack_into('i', bytearray(4), 2, 1), lambda: struct.pack_into('i', bytearray(8), -2, 1),
    lambda: struct.pack_into('i', b'12345678', 0, 1), lambda: struct.iter_unpack('h', b'abc'), lambda: struct.iter_unpack('', b''),
    lambda: struct.Struct(1), lambda: struct.pack(), lambda: struct.calcsize(), lambda: struct.unpack('i'),
    lambda: struct.Struct('i\0'), lambda: struct.pack('é'), lambda: struct.unpack('i', 'abcd'), lambda: struct.pack('<n', 1),
]
for f in cases:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(struct.error.__module__, struct.error.__mro__[1].__name__)
