# raw_unicode_escape: only \u and \U escape, after an odd number of backslashes.
import _codecs, codecs

print(_codecs.raw_unicode_escape_encode('a\'"\\\x00\x7f\x80\xff\t\n\r\u1234\U00012345\ud800'))
def t(*a):
    try:
        print(ascii(a), '->', ascii(_codecs.raw_unicode_escape_decode(*a)))
    except Exception as e:
        print(ascii(a), '!!', type(e).__name__, e)
for data in [b'a\\u1234\\\\u1234\\\\\\u1234\\U00012345\xff\\x', b'\\u12', b'\\U00110000', b'\\', b'ab\\',
             b'\\n\\t', b'\\u00e9\\U0000006a', 'abc\\u1234', b'\\uXYZW']:
    t(data)
    t(data, 'replace', False)
t(b'\\U00110000', 'replace')
t(b'\\U00110000x', 'backslashreplace')
dec = codecs.getincrementaldecoder('raw_unicode_escape')()
print(ascii([dec.decode(bytes([c])) for c in b'a\\u20ac\\U0001F600x\\\\u']), ascii(dec.decode(b'', True)))
dec = codecs.getincrementaldecoder('unicode_escape')()
print(ascii([dec.decode(bytes([c])) for c in b'a\\u20ac\\N{EURO SIGN}\\x41\\']), end=' ')
try:
    dec.decode(b'', True)
except UnicodeDecodeError as e:
    print(e)
