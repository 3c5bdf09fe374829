# encode/decode round trips for utf-8, ascii and latin-1 and their aliases.
texts = ['', 'ascii only', 'caf\u00e9', '\u4e2d\u6587', '\U0001f600 emoji', 'mixed \u00e9\u4e2d\U0001f600', '\x00\x7f\x80\xff']
for t in texts:
    b = t.encode()
    print(ascii(t), b, len(b), b.decode() == t, t.encode('utf-8') == b)
for t in texts[:3] + texts[6:]:
    try:
        print(ascii(t), t.encode('latin-1'), t.encode('latin-1').decode('latin-1') == t)
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError', e)
for enc in ['utf8', 'UTF-8', 'utf_8', 'U8', 'latin1', 'Latin-1', 'ISO-8859-1', 'iso8859_1', 'l1',
            'ascii', 'US-ASCII', '646', 'us']:
    print(enc, 'caf\u00e9'.encode(enc, 'replace'), b'caf\xc3\xa9'.decode(enc, 'replace'))
print(bytes(range(256)).decode('latin-1') == ''.join(map(chr, range(256))))
print(''.join(map(chr, range(256))).encode('latin-1') == bytes(range(256)))
print(str(b'abc', 'ascii'), str(b'caf\xc3\xa9', 'utf-8'), str(b'\xff', 'latin-1'), str(b'x', encoding='utf-8'))
print(str(bytearray(b'byte array'), 'utf-8'), str(b'\xff', 'utf-8', 'replace'), str(b'a\xffb', errors='ignore'))
print('x'.encode(encoding='ascii', errors='strict'), b'x'.decode(encoding='ascii', errors='strict'))
for f in (lambda: 'a'.encode('no-such-codec'), lambda: b'a'.decode('no-such-codec')):
    try:
        f()
    except LookupError as e:
        print('LookupError', e)
for f in (lambda: 'a'.encode(1), lambda: 'a'.encode('utf-8', 2), lambda: b'a'.decode(None),
          lambda: str(1, 'utf-8'), lambda: str('a', 'utf-8')):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
