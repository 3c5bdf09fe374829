# The UTF-16 functions of _codecs: byte order marks, byte-order state, final and errors.
import _codecs, codecs

def t(f, *a):
    try:
        print(f.__name__, ascii(a), '->', ascii(f(*a)))
    except Exception as e:
        print(f.__name__, ascii(a), '!!', type(e).__name__, e)

for s in ['', 'abc', '\u20ac\U0001F600', 'a\ud800b']:
    for order in [0, -1, 1, 5]:
        t(_codecs.utf_16_encode, s, 'surrogatepass', order)
    t(_codecs.utf_16_le_encode, s, 'replace')
    t(_codecs.utf_16_be_encode, s, 'backslashreplace')
t(_codecs.utf_16_encode, 'a\ud800\udc00\udfff', 'strict')
t(_codecs.utf_16_le_encode, '\udc80x', 'surrogateescape')

for data in [b'', b'\xff', b'\xff\xfe', b'\xfe\xffA', b'\xfe\xff\x00A', b'A\x00', b'\x00\xd8A',
             b'A\x00\x00\xd8\x00\xdc', b'\x00\xdc\x41\x00', b'\x00\xd8\x41\x00', b'\x00\xd8\x00\xd8\x00\xdc']:
    for final in [False, True]:
        t(_codecs.utf_16_decode, data, 'strict', final)
        t(_codecs.utf_16_le_decode, data, 'replace', final)
        t(_codecs.utf_16_be_decode, data, 'surrogatepass', final)
    for order in [0, 1, -1]:
        t(_codecs.utf_16_ex_decode, data, 'backslashreplace', order, False)
        t(_codecs.utf_16_ex_decode, data, 'replace', order, True)

text = 'h\xe9llo \u20ac \U0001F600 end'
for enc in ['utf-16', 'utf-16-le', 'utf-16-be']:
    data = text.encode(enc)
    dec = codecs.getincrementaldecoder(enc)()
    out = [dec.decode(data[i:i + 1]) for i in range(len(data))]
    print(enc, ascii(''.join(out)), [i for i, o in enumerate(out) if o][:6], dec.getstate())
    enc_ = codecs.getincrementalencoder(enc)()
    print(enc, enc_.encode('ab') + enc_.encode('c', True), enc_.getstate() if hasattr(enc_, 'getstate') else '')
t(_codecs.utf_16_decode, 'text')
t(_codecs.utf_16_ex_decode, b'ab', None, 'x')
