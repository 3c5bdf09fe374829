# struct with memoryviews: pack_into through the buffer protocol, unpack from read-only views.
import struct
ba = bytearray(8)
mv = memoryview(ba)
struct.pack_into('<i', mv, 2, 7)
print(ba)
struct.pack_into('<h', mv[4:], 1, -1)
print(ba)
for bad in [lambda: struct.pack_into('i', memoryview(b'12345678'), 0, 1), lambda: struct.pack_into('i', 5, 0, 1), lambda: struct.pack_into('i', b'1234', 0, 1)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(struct.unpack('<i', memoryview(b'abcd')), struct.unpack_from('<h', memoryview(bytearray(b'xyz')), 1))
import binascii, operator
print(binascii.hexlify(memoryview(b'ab')), operator._compare_digest(memoryview(b'a'), b'a'))
try:
    struct.pack_into('<i', ba, 0, 2**40)
except struct.error as e: print(e)
ba.append(1); print(len(ba))
