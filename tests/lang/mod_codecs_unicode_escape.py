# unicode_escape: encoding, every escape the decoder knows, its errors, final and its warnings.
import _codecs, codecs

print(_codecs.unicode_escape_encode('a\'"\\\x00\x7f\x80\xff\t\n\r\u1234\U00012345\ud800'))
print('caf\xe9 \u20ac\n'.encode('unicode_escape'))

# Invalid escapes warn (DeprecationWarning, shown for __main__) on stderr.
def t(*a):
    try:
        print(ascii(a), '->', ascii(_codecs.unicode_escape_decode(*a)))
    except Exception as e:
        print(ascii(a), '!!', type(e).__name__, e)

for data in [b'\\x41\\u00e9\\U0001F600', b'\\n\\t\\r\\\\\\\'\\"\\a\\b\\f\\v', b'\\101\\7\\77\\0', b'\\777', b'\\8',
             b'\\q and \\z', b'line\\\ncont', b'\xe9\xff', b'\\N{LATIN SMALL LETTER A}', b'\\N{latin small letter e with acute}',
             b'\\N{BOM}\\N{NBSP}', b'\\N{KEYCAP NUMBER SIGN}', b'\\N{}', b'\\N', b'\\N{NO SUCH NAME}x',
             b'\\x4', b'\\x4g', b'\\u12', b'\\U00110000', b'ab\\', 'str\\u00e9 input']:
    t(data)
for data in [b'\\x4', b'ab\\', b'ab\\N{LATIN', b'ab\\u12', b'\\N', b'x\\U0001F6']:
    t(data, 'strict', False)
for err in ['replace', 'ignore', 'backslashreplace']:
    t(b'a\\x4gb\\N{BOGUS}c\\U00110000d', err)
