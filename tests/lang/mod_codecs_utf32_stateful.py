# The UTF-32 functions of _codecs: byte order marks, byte-order state, final and errors.
import _codecs, codecs

def t(f, *a):
    try:
        print(f.__name__, ascii(a), '->', ascii(f(*a)))
    except Exception as e:
        print(f.__name__, ascii(a), '!!', type(e).__name__, e)

for s in ['', 'ab', '\u20ac\U0001F600', 'a\ud800b']:
    for order in [0, -1, 1]:
        t(_codecs.utf_32_encode, s, 'surrogatepass', order)
    t(_codecs.utf_32_le_encode, s, 'replace')
    t(_codecs.utf_32_be_encode, s, 'xmlcharrefreplace')
t(_codecs.utf_32_encode, 'a\udc80', 'surrogateescape')

for data in [b'', b'\xff\xfe\x00', b'\xff\xfe\x00\x00', b'\x00\x00\xfe\xff\x00\x00\x00A', b'A\x00\x00\x00B',
             b'\x00\xd8\x00\x00', b'\x00\x00\x11\x00', b'\xff\xff\xff\xff', b'A\x00\x00\x00\x00\xdc\x00\x00']:
    for final in [False, True]:
        t(_codecs.utf_32_decode, data, 'strict', final)
        t(_codecs.utf_32_le_decode, data, 'replace', final)
        t(_codecs.utf_32_be_decode, data, 'surrogatepass', final)
    for order in [0, 1, -1]:
        t(_codecs.utf_32_ex_decode, data, 'ignore', order, False)
        t(_codecs.utf_32_ex_decode, data, 'backslashreplace', order, True)

text = 'x\xe9\u20ac\U0001F600'
for enc in ['utf-32', 'utf-32-le', 'utf-32-be']:
    data = text.encode(enc)
    dec = codecs.getincrementaldecoder(enc)()
    out = [dec.decode(data[i:i + 3]) for i in range(0, len(data), 3)]
    print(enc, len(data), ascii(out), ascii(dec.decode(b'', True)))
