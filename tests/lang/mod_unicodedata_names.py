# unicodedata.name and lookup: stored and algorithmic names, aliases, named sequences, case rules.
import unicodedata as ud

for cp in [0x41, 0xE9, 0x20AC, 0x1F600, 0xAC00, 0xD7A3, 0xAC01, 0x4E00, 0x9FFF, 0x20000, 0x2A6DF, 0x3134A, 0xF900,
           0xFA6D, 0x2F800, 0x18B00, 0x1B170, 0x17000, 0x0, 0x7F, 0xD800, 0xE000, 0xE0100, 0xFFFF, 0x10FFFF, 0xF0000,
           0x1D11E, 0x12456, 0x110BD]:
    print(hex(cp), ud.name(chr(cp), '<none>'))
for name in ['LATIN SMALL LETTER A', 'latin small letter a', 'Euro Sign', 'HANGUL SYLLABLE GGAG',
             'HANGUL SYLLABLE SSYAE', 'hangul syllable ga', 'HANGUL SYLLABLE ', 'CJK UNIFIED IDEOGRAPH-4E00',
             'CJK UNIFIED IDEOGRAPH-04E00', 'cjk unified ideograph-4E00', 'CJK UNIFIED IDEOGRAPH-4e00',
             'CJK UNIFIED IDEOGRAPH-2B739', 'CJK COMPATIBILITY IDEOGRAPH-f900', 'NUSHU CHARACTER-1b170',
             'BYTE ORDER MARK', 'BOM', 'NBSP', 'LATIN CAPITAL LETTER GHA', 'KEYCAP NUMBER SIGN',
             'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'TAMIL SYLLABLE SSA', 'NO SUCH THING', '', 'a\0b',
             'x' * 256, 'x' * 257]:
    try:
        r = ud.lookup(name)
        print(ascii(name[:40]), ascii(r), len(r))
    except KeyError as e:
        print(ascii(name[:40]), 'KeyError', str(e)[:80])
print(ascii(ud.lookup(b'GREEK SMALL LETTER ALPHA')), ascii(ud.lookup(bytearray(b'SNOWMAN'))))
for bad in [5, None]:
    try:
        ud.lookup(bad)
    except TypeError as e:
        print('TypeError', e)
# Every name of a range of code points goes there and back.
count = 0
for cp in range(0x2000, 0x3000):
    n = ud.name(chr(cp), None)
    if n is not None:
        count += 1
        assert ud.lookup(n) == chr(cp), hex(cp)
        assert ud.lookup(n.lower()) == chr(cp), hex(cp)
print('round trips', count)
print(ascii('\N{EM DASH}\N{BOM}\N{latin small letter sharp s}'))
