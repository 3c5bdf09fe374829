# utf_8_decode's final flag, the incremental UTF-8 and UTF-8-SIG codecs fed byte by byte.
import _codecs, codecs

cases = [b'\xe2\x82', b'\xe2\x82\xac', b'a\xf0\x9f\x98', b'a\xed\xa0', b'a\xe0\x80', b'\xc3', b'\xff',
         b'a\xf4\x90', b'a\xf0\x8f', b'\xf5', b'ab\xc3\xa9\xe2', b'\xed\x9f\xbf', b'\xf4\x8f\xbf', b'']
for b in cases:
    for err in ['strict', 'replace', 'surrogateescape']:
        for final in [False, True]:
            try:
                print(b, err, final, ascii(_codecs.utf_8_decode(b, err, final)))
            except UnicodeDecodeError as e:
                print(b, err, final, 'UnicodeDecodeError', e)

text = 'Grüße, € and \U0001F600 and \u0800'
data = text.encode('utf-8')
for enc, prefix in [('utf-8', b''), ('utf-8-sig', b'\xef\xbb\xbf'), ('utf-8-sig', b'')]:
    dec = codecs.getincrementaldecoder(enc)()
    pieces = [dec.decode(bytes([c])) for c in prefix + data]
    print(enc, ascii(''.join(pieces)), sum(1 for p in pieces if not p), dec.getstate())
e = codecs.getincrementalencoder('utf-8-sig')()
print(e.encode('a'), e.encode('b'), e.getstate())
print(codecs.encode('x', 'utf-8-sig'), codecs.decode(b'\xef\xbb\xbfx', 'utf-8-sig'), codecs.decode(b'x', 'utf-8-sig'))
print(_codecs.utf_8_encode('a\udc80', 'surrogateescape'), _codecs.utf_8_encode('\ud800', 'surrogatepass'))
try:
    _codecs.utf_8_encode('\ud800x')
except UnicodeEncodeError as e:
    print(e)
dec = codecs.getincrementaldecoder('utf-8')('replace')
print(ascii(dec.decode(b'a\xe2')), ascii(dec.decode(b'\x82')), ascii(dec.decode(b'', True)), ascii(dec.decode(b'\xe2', True)))
