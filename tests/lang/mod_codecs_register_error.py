# codecs.register_error handlers reached through str.encode, bytes.decode and the codec functions.
import codecs

def tag(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('<%s:%d-%d>' % (exc.encoding, exc.start, exc.end), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ('<%s:%r>' % (exc.encoding, exc.object[exc.start:exc.end]), exc.end)
    raise TypeError('unexpected %s' % type(exc).__name__)
codecs.register_error('tag', tag)
print(codecs.lookup_error('tag') is tag)

s = 'a\xe9\u20ac\U0001F600\udc80z'
for enc in ['ascii', 'latin-1', 'cp1252', 'cp437', 'utf-8', 'utf-16-le', 'iso8859_7', 'mac_roman']:
    try:
        print(enc, s.encode(enc, 'tag'))
    except Exception as e:
        print(enc, type(e).__name__, e)
for enc, data in [('ascii', b'a\x80\xffb'), ('utf-8', b'a\xe2\x82b\xff'), ('cp1252', b'a\x81\x8db'),
                  ('cp874', b'\xdb\xfc'), ('utf-7', b'a+\x80b')]:
    try:
        print(enc, data.decode(enc, 'tag'))
    except Exception as e:
        print(enc, type(e).__name__, e)

import _codecs
print(_codecs.utf_16_le_decode(b'a\x00\x00\xd8b', 'tag', True), _codecs.utf_32_be_decode(b'\x00\x11\x00\x00', 'tag', True))
print(_codecs.utf_16_be_encode('x\udc00y', 'tag'), _codecs.utf_7_decode(b'+2D3cAA', 'tag', True))

# A handler may move the position anywhere, even backwards or from the end.
def skip2(exc):
    return ('[skip]', exc.end + 1)
def from_end(exc):
    return ('[end]', -1)
def far(exc):
    return ('', 100)
codecs.register_error('skip2', skip2)
codecs.register_error('from_end', from_end)
codecs.register_error('far', far)
print('a\xe9bcd'.encode('ascii', 'skip2'), b'a\xffbcd'.decode('ascii', 'skip2'))
print('a\xe9bcd'.encode('cp1252', 'from_end') if False else 'a\u0100bcd'.encode('cp1252', 'from_end'))
print(b'a\x81bcd'.decode('cp1252', 'from_end'))
for enc in ['ascii', 'cp1252']:
    try:
        'a\u0100b'.encode(enc, 'far')
    except IndexError as e:
        print(enc, 'IndexError', e)

# Bad results from a handler.
def wrong(exc):
    return 'not a tuple'
def wrong2(exc):
    return (1, 2)
def bytes_rep(exc):
    return (b'<B>', exc.end)
def unencodable(exc):
    return ('\u0100', exc.end)
for name, fn in [('wrong', wrong), ('wrong2', wrong2), ('bytes_rep', bytes_rep), ('unencodable', unencodable)]:
    codecs.register_error(name, fn)
    for enc in ['ascii', 'cp1252', 'iso8859_5']:
        try:
            print(name, enc, 'x\udcffy\u0101'.encode(enc, name))
        except Exception as e:
            print(name, enc, type(e).__name__, e)
    try:
        print(name, 'decode', b'x\x81y'.decode('cp1252', name))
    except Exception as e:
        print(name, 'decode', type(e).__name__, e)

# Unknown names are only noticed at the first error.
print('abc'.encode('ascii', 'no-such-handler'), b'abc'.decode('cp1252', 'no-such-handler'))
try:
    'ab\xe9'.encode('cp437', 'no-such-handler')
except LookupError as e:
    print('LookupError', e)
try:
    codecs.lookup_error('no-such-handler')
except LookupError as e:
    print('LookupError', e)
for args in [(5, tag), ('x', 5), ('x',)]:
    try:
        codecs.register_error(*args)
    except TypeError as e:
        print('TypeError', e)
