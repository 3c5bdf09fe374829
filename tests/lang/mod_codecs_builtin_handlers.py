# The built-in error handlers called directly, as codecs.lookup_error returns them.
import codecs

names = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace',
         'surrogateescape', 'surrogatepass']
for n in names:
    h = codecs.lookup_error(n)
    print(n, type(h).__name__, h.__name__, h is codecs.lookup_error(n))
print(codecs.strict_errors is codecs.lookup_error('strict'), codecs.replace_errors.__name__)

E = UnicodeEncodeError('ascii', 'a\u20acb\U00012345', 1, 4, 'why')
D = UnicodeDecodeError('ascii', b'a\x80\xffb', 1, 3, 'why')
T = UnicodeTranslateError('a\u20acb', 1, 2, 'why')
for n in names:
    h = codecs.lookup_error(n)
    for e in [E, D, T, ValueError('v'), 5]:
        try:
            print(n, type(e).__name__, ascii(h(e)))
        except Exception as x:
            print(n, type(e).__name__, '!!', type(x).__name__, x)

# Positions are clamped into the object as CPython clamps them.
for start, end in [(5, 9), (-5, -2), (0, 0), (1, 3)]:
    e = UnicodeEncodeError('ascii', 'abc', start, end, 'r')
    print(start, end, codecs.replace_errors(e), codecs.ignore_errors(e), codecs.backslashreplace_errors(e),
          codecs.xmlcharrefreplace_errors(e))
    d = UnicodeDecodeError('ascii', b'abc', start, end, 'r')
    print(start, end, ascii(codecs.replace_errors(d)), codecs.backslashreplace_errors(d))
print(codecs.replace_errors(UnicodeEncodeError('ascii', '', 0, 0, 'r')))

# surrogateescape and surrogatepass depend on the bytes and the encoding named.
se, sp = codecs.lookup_error('surrogateescape'), codecs.lookup_error('surrogatepass')
print(ascii(se(UnicodeDecodeError('utf-8', b'a\x80\x81\x82\x83\x84b', 1, 6, 'r'))))
print(se(UnicodeEncodeError('ascii', 'a\udc80\udcffb', 1, 3, 'r')))
for enc in ['utf-8', 'UTF8', 'utf_16', 'utf-16-be', 'utf-16LE', 'utf-32', 'utf_32_be', 'u8', 'latin-1']:
    try:
        print(enc, sp(UnicodeEncodeError(enc, 'a\ud800\udfffb', 1, 3, 'r')))
    except UnicodeEncodeError as x:
        print(enc, 'UnicodeEncodeError', x)
for enc, data in [('utf-8', b'a\xed\xa0\x80b'), ('utf-16-le', b'a\x00\x00\xd8'), ('utf-16-be', b'\x00a\xd8\x00'),
                  ('utf-32-le', b'\x00\xd8\x00\x00'), ('utf-32', b'\x00\xdc\x00\x00'), ('utf-8', b'a\xc3\xa9b')]:
    start = 1 if enc in ('utf-8',) else (2 if enc.startswith('utf-16') else 0)
    try:
        print(enc, ascii(sp(UnicodeDecodeError(enc, data, start, start + 1, 'r'))))
    except UnicodeDecodeError as x:
        print(enc, 'UnicodeDecodeError', x)
for n in names:
    try:
        codecs.lookup_error(n)()
    except TypeError as e:
        print(n, 'TypeError', e)
