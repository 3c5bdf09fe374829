# Incremental encoders/decoders of many codecs, fed in chunks of every size from 1 to 4.
# gcstress-every: 5
import codecs

text = 'Aé€\U0001F600ß\u0416+-~\\x\n'
encs = ['utf-8', 'utf-8-sig', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-be', 'utf-7', 'latin-1',
        'ascii', 'cp1252', 'cp866', 'koi8_r', 'mac_roman', 'unicode_escape', 'raw_unicode_escape', 'cp1251']
for enc in encs:
    try:
        data = text.encode(enc, 'backslashreplace') if enc not in ('utf-7',) else text.encode(enc)
    except UnicodeEncodeError as e:
        print(enc, 'encode error', e)
        continue
    results = []
    for size in range(1, 5):
        dec = codecs.getincrementaldecoder(enc)('strict')
        out = ''.join(dec.decode(data[i:i + size]) for i in range(0, len(data), size)) + dec.decode(b'', True)
        results.append(out)
    e = codecs.getincrementalencoder(enc)('backslashreplace')
    enc_out = b''.join(e.encode(c) for c in text) + e.encode('', True)
    print(enc, len(data), ascii(results[0]), all(r == results[0] for r in results), enc_out == data)
