# normalize and is_normalized on strings that exercise ordering, composition, Hangul and exclusions.
import unicodedata as ud

tests = ['', 'abc', 'e\u0301', '\xe9', 'A\u030a', '\u212b', '\u1e0b\u0323', 'd\u0307\u0323', 'q\u0307\u0323',
         '\u1100\u1161\u11a8', '\uac00\u11a8', '\u1100\uac00', '\ufb01', '\u2460', '\u0344', '\u0f73', '\u0958',
         '\u2126', 'a\u0308\u0301\u0327', '\u0b47\u0b3e', '\u0dd9\u0dcf\u0ddf', '\u1025\u102e',
         '\u304b\u3099', '\uff76\uff9e', '\ufdfa', '\u03d3', '\u1e9b\u0323', 'x\u0300\u0315\u0300\u05ae',
         '\U0001d15e\U0001d165', '\U000114b9\U000114ba', 'a\u0301\u0300b\u0300\u0301', '\u00c5\u0301',
         'Ǖ', '\u0041\u0308\u0304', '\ud800\u0301', '\u0300a']
for s in tests:
    out = [ud.normalize(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')]
    flags = ''.join('1' if ud.is_normalized(f, s) else '0' for f in ('NFC', 'NFD', 'NFKC', 'NFKD'))
    print(ascii(s), ascii(out), flags)
for bad in ['NFX', 'nfc', '']:
    for s in ['', 'a']:
        for f in [ud.normalize, ud.is_normalized]:
            try:
                print(repr(bad), repr(s), f.__name__, ascii(f(bad, s)))
            except ValueError as e:
                print(repr(bad), repr(s), f.__name__, 'ValueError', e)
for args in [(5, 'a'), ('NFC', 5), ('NFC',), ('NFC', 'a', 'b')]:
    try:
        ud.normalize(*args)
    except TypeError as e:
        print('TypeError', e)
