# _codecs.charmap_decode / charmap_encode / charmap_build with every kind of mapping.
import _codecs, codecs

def show(args):
    # Objects whose repr has an address are shown by their type.
    return ', '.join(type(x).__name__ if type(x).__name__ in ('memoryview', 'EncodingMap') else ascii(x) for x in args)

def t(f, *a):
    try:
        print(f.__name__, show(a), '->', ascii(f(*a)))
    except Exception as e:
        print(f.__name__, show(a), '!!', type(e).__name__, e)

t(_codecs.charmap_decode, b'\x00\x01\x02', 'strict', {0: 'ab', 1: 0x1F600, 2: None})
t(_codecs.charmap_decode, b'\x00\x01\x02', 'replace', {0: 'ab', 1: 0x1F600, 2: None})
t(_codecs.charmap_decode, b'\x00\x01\x02', 'strict', {0: 'ab', 1: 0x110000})
t(_codecs.charmap_decode, b'\x00\x01\x02', 'strict', {0: 'ab', 1: -1})
t(_codecs.charmap_decode, b'\x00\x01\x02', 'strict', {0: 'ab', 1: 1.5})
t(_codecs.charmap_decode, b'\x00\x01\x02', 'strict', 'a\ufffe')
t(_codecs.charmap_decode, b'\x00\x01\x02', 'ignore', 'a\ufffe')
t(_codecs.charmap_decode, b'\x00\x01\x02', 'backslashreplace', 'a\ufffe')
t(_codecs.charmap_decode, b'\x00\x01\x02', 'strict', ['x', 'yy', ''])
t(_codecs.charmap_decode, b'\x00\x01\x02', 'strict', {0: 0xfffe, 1: '\ufffe', 2: '\ufffe\ufffe'})
t(_codecs.charmap_decode, b'\x00\x01', 'strict', {0: '\ufffe\ufffe', 1: 'b'})
t(_codecs.charmap_decode, b'\xff\x80', 'strict', None)
t(_codecs.charmap_decode, b'\xff\x80')
t(_codecs.charmap_decode, bytearray(b'\x01'), 'strict', 'ab')
t(_codecs.charmap_decode, memoryview(b'\x01\x00'), 'strict', 'ab')
t(_codecs.charmap_decode, b'abc', None, 5)
t(_codecs.charmap_decode, 'abc', None, 'abc')

t(_codecs.charmap_encode, '\xff\u0100', 'strict', None)
t(_codecs.charmap_encode, 'abc\u20ac', 'replace', {97: 1, 98: b'xy', 99: None, 63: b'Q'})
t(_codecs.charmap_encode, 'abc\u20ac', 'replace', {97: 1, 98: b'xy', 99: None})
t(_codecs.charmap_encode, 'abc\u20acd', 'ignore', {97: 1, 98: b'', 99: None, 100: 255})
t(_codecs.charmap_encode, 'abc', 'strict', {97: 1, 98: 'x'})
t(_codecs.charmap_encode, 'abc', 'strict', {97: 1, 98: 300})
t(_codecs.charmap_encode, 'abc', 'strict', 5)
t(_codecs.charmap_encode, b'abc', 'strict', {})

m = codecs.charmap_build(''.join(chr(i) for i in range(256)))
print(type(m).__name__, m.size())
t(_codecs.charmap_encode, 'a\u20ac\u20acb\xff', 'strict', m)
t(_codecs.charmap_encode, 'a\u20ac\u20acb\xff', 'backslashreplace', m)
t(_codecs.charmap_encode, 'a\u20ac\u20acb\xff', 'namereplace', m)
table = '\x00' + ''.join(chr(0x400 + i) for i in range(1, 256))
m2 = codecs.charmap_build(table)
print(type(m2).__name__, m2.size())
print(_codecs.charmap_encode('\u0401\u04ff\u0400', 'replace', m2))
t(codecs.charmap_build, 'abc\ufffe')
t(codecs.charmap_build, 'a' * 300)
t(codecs.charmap_build, '')
t(codecs.charmap_build, '\x00\U00010000' + 'x' * 254)
t(codecs.charmap_build, 5)
d = codecs.charmap_build('\x00ab\ufffe' + ''.join(chr(0x100 + i) for i in range(252)))
print(type(d).__name__, d.size())
print(_codecs.charmap_encode('ab\u0100\ufffe', 'replace', d))
