# surrogateescape and surrogatepass through str.encode/bytes.decode and the _codecs functions.
import _codecs

b = bytes(range(0x78, 0x88)) + b'\xed\xa0\x80\xed\xbf\xbf'
s = b.decode('utf-8', 'surrogateescape')
print(ascii(s), s.encode('utf-8', 'surrogateescape') == b)
print(ascii(b.decode('ascii', 'surrogateescape')), ascii(b.decode('latin-1', 'surrogateescape')))
print(ascii(b.decode('cp1252', 'surrogateescape')))
print(ascii(b'\xed\xa0\x80x'.decode('utf-8', 'surrogatepass')))
for enc in ['utf-8', 'utf-16-le', 'utf-16-be', 'utf-16', 'utf-32-le', 'utf-32-be', 'utf-32']:
    data = 'a\ud800\udfffb'.encode(enc, 'surrogatepass')
    print(enc, data, ascii(data.decode(enc, 'surrogatepass')))
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print('  ', e)
for f in [_codecs.utf_8_decode, _codecs.utf_16_le_decode, _codecs.utf_32_be_decode, _codecs.ascii_decode,
          _codecs.latin_1_decode, _codecs.charmap_decode]:
    data = b'a\x80\xffb'
    try:
        print(f.__name__, ascii(f(data, 'surrogateescape')))
    except UnicodeDecodeError as e:
        print(f.__name__, e)
for enc in ['ascii', 'latin-1', 'cp1252', 'utf-8', 'iso8859_5']:
    for s in ['a\udc80\udcffb', 'a\udc7fb', '\ud800']:
        for err in ['surrogateescape', 'surrogatepass']:
            try:
                print(enc, ascii(s), err, s.encode(enc, err))
            except UnicodeEncodeError as e:
                print(enc, ascii(s), err, e)
for f in [_codecs.utf_16_le_encode, _codecs.utf_32_be_encode, _codecs.utf_16_encode]:
    for s in ['a\udc80\udcffb', '\ud800']:
        for err in ['surrogateescape', 'surrogatepass']:
            try:
                print(f.__name__, ascii(s), err, f(s, err))
            except UnicodeEncodeError as e:
                print(f.__name__, ascii(s), err, e)
