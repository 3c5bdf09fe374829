# bytes.hex with separators and grouping, bytes.fromhex / bytearray.fromhex and their errors.
b = bytes([1, 255, 2, 3, 4])
print(b.hex(), b.hex(':'), b.hex(b'-'), b.hex(':', 2), b.hex(':', -2), b.hex(' ', 5), b.hex(' ', 9), b''.hex())
print(bytearray(b'\xde\xad\xbe\xef').hex('_', 1), bytes.hex(b'abc', '.'))
print(bytes.fromhex('deadbeef'), bytes.fromhex(' 01 02 ff '), bytes.fromhex(''), bytes.fromhex('AbCd'))
print(bytearray.fromhex('0a0b'), type(bytearray.fromhex('00')).__name__)
class B(bytes):
    pass
print(type(B.fromhex('41')).__name__, B.fromhex('41'))
for f in (lambda: bytes.fromhex('zz'), lambda: bytes.fromhex('a'), lambda: bytes.fromhex('0 1'),
          lambda: bytes.fromhex('01 0'), lambda: b.hex('::'), lambda: b.hex('\u00e9')):
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
try:
    bytes.fromhex(b'ab')
except TypeError as e:
    print('TypeError', e)
print(bytes.fromhex(b.hex()) == b, bytes.fromhex(b.hex(' ')) == b)
