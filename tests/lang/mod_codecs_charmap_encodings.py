# The charmap codecs of the encodings package: full byte tables, round trips and errors.
# gcstress-every: 20
import codecs

encs = ['cp1252', 'cp1251', 'cp437', 'cp850', 'cp866', 'cp874', 'cp1253', 'cp1255', 'cp1258', 'iso8859_2',
        'iso8859_5', 'iso8859_7', 'iso8859_8', 'iso8859_11', 'iso8859_15', 'iso8859_16', 'koi8_r', 'koi8_u',
        'mac_roman', 'mac_greek', 'mac_cyrillic', 'mac_turkish', 'hp_roman8', 'tis_620', 'cp037', 'cp500',
        'cp1140', 'cp273', 'ptcp154', 'kz1048', 'palmos', 'mac_iceland', 'cp720', 'cp858', 'latin_1']
allb = bytes(range(256))
for enc in encs:
    text = allb.decode(enc, 'replace')
    undefined = [b for b in range(256) if text[b] == '\ufffd']
    back = text.encode(enc, 'replace')
    same = sum(1 for i in range(256) if back[i:i + 1] == allb[i:i + 1])
    print(enc, codecs.lookup(enc).name, len(text), undefined[:6], len(undefined), same,
          ascii(text[0x80:0x88]), ascii(text[0xf8:]))
    try:
        allb.decode(enc)
    except UnicodeDecodeError as e:
        print('  ', e)
    try:
        'A\u0100\u0101\u2603Z'.encode(enc)
    except UnicodeEncodeError as e:
        print('  ', e, e.start, e.end)
    print('  ', 'caf\xe9 \u20ac\u2603'.encode(enc, 'xmlcharrefreplace'))

print(type(codecs.lookup('cp1252').encode).__name__)
import encodings.cp1252, encodings.cp437
print(type(encodings.cp1252.encoding_table).__name__, encodings.cp1252.encoding_table.size())
print(type(encodings.cp437.encoding_map).__name__, len(encodings.cp437.encoding_map))
print(len(encodings.cp1252.decoding_table))
