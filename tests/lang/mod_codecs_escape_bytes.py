# The bytes escape codec: _codecs.escape_encode / escape_decode.
import _codecs, codecs

print(_codecs.escape_encode(b'a\'"\\\x00\x7f\x80\xff\t\n\r'))
print(_codecs.escape_encode(bytes(range(0, 256, 7))))
# Invalid escapes warn (DeprecationWarning, shown for __main__) on stderr.
def t(*a):
    try:
        print(ascii(a), '->', _codecs.escape_decode(*a))
    except Exception as e:
        print(ascii(a), '!!', type(e).__name__, e)
for data in [b'a\\x41\\x4a\\n', b'a\\x4', b'a\\x4g', b'a\\', b'a\\q\\777\\0\\n\\\n', b'\\8\\9', b'\\400',
             'str \\x41 input', bytearray(b'\\t'), b'\\a\\b\\f\\v\\\'\\"\\\\']:
    t(data)
for err in ['replace', 'ignore', 'backslashreplace', 'strict']:
    t(b'a\\x4g\\xZZ', err)
for bad in ['abc', 5, bytearray(b'x')]:
    try:
        _codecs.escape_encode(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    _codecs.escape_decode(5)
except TypeError as e:
    print('TypeError', e)
