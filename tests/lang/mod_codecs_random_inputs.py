# Random inputs (a fixed seed: Taipan's random matches CPython's) through the decoders and encoders of _codecs,
# one-shot and fed byte by byte, with every error handler.
# gcstress-every: 50
import _codecs, codecs, random, sys
seed = 3
rnd = random.Random(seed)
def rbytes(alpha, n):
    return bytes(rnd.choice(alpha) for _ in range(n))
decs = [
    ('utf_7_decode', b'+-/AZaz09 ~\\\x80\xffABCDEFGHIJabc-', 3),
    ('utf_16_le_decode', bytes(range(0, 256, 17)) + b'\x00\xd8\xdc\xdf\xff', 3),
    ('utf_16_be_decode', b'\x00\xd8\xdc\xdf\xffA\x01', 3),
    ('utf_16_decode', b'\xff\xfe\x00\xd8\xdcA', 3),
    ('utf_32_decode', b'\xff\xfe\x00\x00\x11\xd8\x01A', 3),
    ('utf_32_be_decode', b'\x00\x00\x01\x10\x11\xd8\xffA', 3),
    ('utf_8_decode', b'\xc2\xe0\xed\xf0\xf4\x80\x9f\xa0\xbf\xc3\xa9Az\xff', 3),
    ('unicode_escape_decode', b'\\xuUN{}0123456789abcdefABCDEF LATINSMA\xe9\n', 2),
    ('raw_unicode_escape_decode', b'\\uU0123456789abcdefABCDEF x\xe9', 2),
    ('escape_decode', b'\\x0123456789abcdefgABCDEF\nnrt\'"q\xe9', 1),
    ('charmap_decode', bytes(range(0x78, 0x90)), 1),
]
errs = ['strict', 'replace', 'ignore', 'backslashreplace', 'surrogateescape', 'surrogatepass']
for it in range(250):
    name, alpha, nargs = rnd.choice(decs)
    data = rbytes(alpha, rnd.randint(0, 12))
    err = rnd.choice(errs)
    f = getattr(_codecs, name)
    args = [data, err]
    if nargs == 3 or nargs == 2:
        args.append(rnd.choice([True, False]))
    if name == 'charmap_decode':
        args.append(rnd.choice([None, 'abc\ufffe' * 10, {0x78: 'x', 0x79: 0x1F600, 0x7a: None}]))
    try:
        r = f(*args)
        print(it, name, data, err, args[2:], ascii(r))
    except Exception as e:
        print(it, name, data, err, args[2:], type(e).__name__, e)
    # chunked incremental equals one-shot
    if name in ('utf_7_decode', 'utf_16_le_decode', 'utf_8_decode', 'unicode_escape_decode', 'raw_unicode_escape_decode') and err != 'strict':
        out = ''; buf = b''
        try:
            for i in range(len(data)):
                buf += data[i:i+1]
                s, n = f(buf, err, False)
                out += s; buf = buf[n:]
            s, n = f(buf, err, True); out += s
            print('   inc', ascii(out))
        except Exception as e:
            print('   inc', type(e).__name__, e)
encs = [('utf_7_encode', 'aZ+-~\\ \t\n\xe9\u20ac\U0001F600\ud800'), ('utf_16_encode', 'a\ud800\udc00\U0001F600'),
        ('charmap_encode', 'abc\xe9\u20ac'), ('unicode_escape_encode', 'a\\\'"\t\x00\xe9\u20ac\U0001F600\ud800'),
        ('raw_unicode_escape_encode', 'a\\\xe9\u20ac\U0001F600')]
for it in range(150):
    name, alpha = rnd.choice(encs)
    s = ''.join(rnd.choice(alpha) for _ in range(rnd.randint(0, 10)))
    err = rnd.choice(errs + ['xmlcharrefreplace', 'namereplace'])
    f = getattr(_codecs, name)
    args = [s, err]
    if name == 'charmap_encode':
        args.append(rnd.choice([None, codecs.charmap_build(''.join(map(chr, range(256)))), {97: 1, 98: b'bb', 0x20ac: None, 63: 63, 38: b'&', 35: b'#', 59: b';', 92: b'\\', 120: b'x', 117: b'u'}]))
        args[2:] = [args[2]]
    try:
        r = f(*args)
        print(it, name, ascii(s), err, ascii(r))
    except Exception as e:
        print(it, name, ascii(s), err, type(e).__name__, e)
