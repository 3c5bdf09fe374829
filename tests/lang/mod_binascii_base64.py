# binascii base64: encoding, lenient and strict decoding.
import binascii as b

print(b.b2a_base64(b'hello'), b.b2a_base64(b'hello', newline=False), b.b2a_base64(b''), b.b2a_base64(b'ab'))
print(b.b2a_base64(bytes(range(60))))
for data in [b'aGVsbG8=\n', 'aGVsbG8=', b'aGVs!bG8=', b'abc=d', b'YQ==YQ==', b'', b'aGVsbG8', b'a', b'ab=c', b'YQ', b'YQ=']:
    try:
        print(repr(data), b.a2b_base64(data))
    except b.Error as e:
        print(repr(data), 'Error', e)
for data in [b'aGVs!bG8=', b'=abc', b'ab==c', b'a===', b'ab=c=', b'YWJj']:
    try:
        print(repr(data), b.a2b_base64(data, strict_mode=True))
    except b.Error as e:
        print(repr(data), 'Error', e)
for n in range(8):
    d = bytes(range(n * 7 % 256, n * 7 % 256 + n))
    assert b.a2b_base64(b.b2a_base64(d)) == d
print('roundtrip ok')
try:
    b.b2a_base64('x')
except TypeError as e:
    print(e)
