# unicodedata.ucd_3_2_0: the Unicode 3.2.0 answers CPython keeps for IDNA.
# gcstress-every: 50
import unicodedata as ud

old = ud.ucd_3_2_0
print(type(old).__name__, type(old).__module__, old.unidata_version, ud.unidata_version)
for cp in [0x41, 0x221, 0x1F600, 0x20AC, 0x2B0E, 0x30A0, 0xF951, 0x2F868, 0x1E9E, 0xFFFE, 0x3405, 0x2A6D6,
           0x2A6DF, 0x0BE6, 0x17000, 0x9FA5, 0x9FA6, 0x0CF1, 0x1D7CE, 0x2183]:
    c = chr(cp)
    row = []
    for f in ['category', 'bidirectional', 'east_asian_width', 'mirrored', 'combining', 'decomposition']:
        row.append((getattr(old, f)(c), getattr(ud, f)(c)))
    print(hex(cp), old.name(c, None), row, old.decimal(c, None), old.digit(c, None), old.numeric(c, None))
for s in ['\uf951', '\U0002f868', '\u1e9e\u0301', 'e\u0301\u1d00', '\u0221\u0301', '\uac00\u11a8']:
    print(ascii(s), [ascii(old.normalize(f, s)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')],
          [old.is_normalized(f, s) for f in ('NFC', 'NFKD')])
for name in ['LATIN SMALL LETTER A', 'BOM', 'KEYCAP NUMBER SIGN', 'LATIN CAPITAL LETTER SHARP S', 'HANGUL SYLLABLE GA',
             'CJK UNIFIED IDEOGRAPH-3134A']:
    try:
        print(name, ascii(old.lookup(name)))
    except KeyError as e:
        print(name, 'KeyError', e)
diff = 0
for cp in range(0x30000):
    c = chr(cp)
    if old.category(c) != ud.category(c):
        diff += 1
print('category changes', diff)
try:
    type(old)()
except TypeError as e:
    print('TypeError', e)
try:
    old.category()
except TypeError as e:
    print('TypeError', e)
try:
    old.extra = 1
except AttributeError as e:
    print('AttributeError', e)
