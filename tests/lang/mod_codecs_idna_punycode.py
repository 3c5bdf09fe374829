# idna (nameprep over unicodedata.ucd_3_2_0 and stringprep) and punycode.
# gcstress-every: 5
import codecs

for name in ['example.com', 'münchen.de', 'Bücher.example', 'ドメイン.テスト', 'ÄÖÜ.xn--', 'faß.de', 'I\u0307stanbul.tr', 'a.b.']:
    try:
        e = name.encode('idna')
        print(ascii(name), e, ascii(e.decode('idna')))
    except UnicodeError as x:
        print(ascii(name), 'UnicodeError', x)
for bad in ['a' * 64 + '.com', 'x\u0000y.com', '', '.', 'a..b']:
    try:
        print(ascii(bad), bad.encode('idna'))
    except UnicodeError as x:
        print(ascii(bad), 'UnicodeError', x)
for s in ['bücher', 'abc', 'ドメイン', '\u0440\u0443', '']:
    p = s.encode('punycode')
    print(ascii(s), p, ascii(p.decode('punycode')))
for bad in [b'abc-\xff', b'-9', b'xn--']:
    for err in ['strict', 'replace']:
        try:
            print(bad, err, ascii(bad.decode('punycode', err)))
        except Exception as x:
            print(bad, err, type(x).__name__, x)
dec = codecs.getincrementaldecoder('idna')()
print(ascii(dec.decode(b'xn--mnchen-3ya.')), ascii(dec.decode(b'de', True)))
enc = codecs.getincrementalencoder('idna')()
print(enc.encode('münchen.'), enc.encode('de', True))
