# struct.pack/unpack over all format codes and byte orders.
import struct

print(struct.pack('<hHiIqQ', -1, 2, -3, 4, -5, 6).hex(), struct.pack('>hHiIqQ', -1, 2, -3, 4, -5, 6).hex())
print(struct.pack('=lLbB', -7, 7, -8, 8).hex(), struct.pack('@lLnN', -7, 7, -8, 8).hex(), struct.pack('!bh', 1, -2).hex())
print(struct.pack('@cidq', b'x', 1, 2.5, -3).hex(), struct.pack('<cidq', b'x', 1, 2.5, -3).hex())
print(struct.pack('3s2p5s', b'abcdef', b'xy', b'ab'), struct.pack('?x?', 5, []), struct.pack('0s3x'))
print(struct.unpack('<6B', bytes(range(250, 256))), struct.unpack('>3h', b'\x80\x00\x7f\xff\xff\xfe'))
print(struct.unpack('5p', b'\x02abcd'), struct.unpack('5p', b'\x09abcd'), struct.unpack('?c', b'\x05z'))
for v in [0.0, -0.0, 1.5, 3.141592653589793, 1e-300, 1e300, float('inf'), 65504.0, 65519.99, 5.96e-8, 0.1]:
    out = []
    for fmt in ['<e', '>e', '<f', '>f', 'd']:
        try:
            b = struct.pack(fmt, v)
            out.append(b.hex() + ':' + repr(struct.unpack(fmt, b)[0]))
        except (OverflowError, struct.error) as e:
            out.append(type(e).__name__)
    print(v, out)
print(struct.unpack('<e', struct.pack('<e', float('nan')))[0], struct.pack('f', 1e300).hex())
print(struct.calcsize('@ci3s0q'), struct.calcsize('<ci3s0q'), struct.calcsize('@hP?e'), struct.calcsize('ic'), struct.calcsize('\t i \n'))
print(list(struct.iter_unpack('<hb', bytes(range(12)))))
ba = bytearray(10)
struct.pack_into('<hh', ba, 3, 513, -2)
print(ba, struct.unpack_from('<h', b'abcdef', offset=-2), struct.unpack_from('<h', b'abcdef', 3))
