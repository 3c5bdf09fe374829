# UTF-7: what the encoder writes directly, base-64 runs, and the decoder's errors and final flag.
import _codecs, codecs

for s in ['Hi Mom -\u263a-!', 'A+B', '~\\', '\U0001F600', 'a\ud800b', '\x00\x7f', 'tab\there\nnew', '1 + 1 = 2',
          '\xe9-', '\xe9a', '\xe9.', 'x' * 3 + '\u20ac' * 3]:
    enc = s.encode('utf-7')
    print(ascii(s), enc, ascii(enc.decode('utf-7')))

def t(*a):
    try:
        print(ascii(a), '->', ascii(_codecs.utf_7_decode(*a)))
    except Exception as e:
        print(ascii(a), '!!', type(e).__name__, e)

for data in [b'a+2Dz', b'a+AGE\x80', b'a+AGE-b+,', b'+AGEAYgBj', b'+AGEAYgBjAA', b'+AOkA6', b'+AOk-', b'+AOk',
             b'+2D3cAA-', b'+2D3cAA', b'+2D0-x', b'+2D0x', b'\x80abc', b'++', b'+-+-', b'+', b'+AAA-', b'+AAB-',
             b'a+ImIDkQ.']:
    for err in ['strict', 'replace']:
        for final in [False, True]:
            t(data, err, final)
dec = codecs.getincrementaldecoder('utf-7')()
print(ascii([dec.decode(bytes([c])) for c in b'ab+AOkA6QDp-cd']), ascii(dec.decode(b'', True)))
