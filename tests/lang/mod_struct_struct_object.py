# struct.Struct objects: format, size, methods, iter_unpack iterators.
import struct

s = struct.Struct('<hi')
print(s.format, s.size, s.pack(1, -2), s.unpack(b'\x01\x00\xfe\xff\xff\xff'))
print(struct.Struct(b'>H').format, struct.Struct('2h').unpack_from(b'\x01\x00\x02\x00\x03\x00', 2))
it = s.iter_unpack(bytes(12))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
ba = bytearray(b'xxxxxxxx')
s.pack_into(ba, 1, 258, 3)
print(ba)
class S(struct.Struct):
    pass
print(S('<b').unpack(b'\xff'), type(S('b')).__name__)
print(type(struct.iter_unpack('b', b'ab')).__name__, list(struct.iter_unpack('b', bytearray(b'ab'))))
for bad in [lambda: s.pack(1), lambda: s.pack_into(bytearray(8)), lambda: s.pack_into(), lambda: s.unpack(b'')]:
    try:
        bad()
    except struct.error as e:
        print(e)
