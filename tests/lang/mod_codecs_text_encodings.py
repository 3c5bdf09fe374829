# str.encode/bytes.decode refuse the binary codecs; codecs.encode/decode take any; errors are wrapped.
import codecs

for name in ['rot13', 'hex', 'base64', 'quopri', 'uu']:
    try:
        'abc'.encode(name)
    except LookupError as e:
        print('encode', name, e)
    try:
        b'abc'.decode(name)
    except LookupError as e:
        print('decode', name, e)
print(codecs.encode('Hello', 'rot13'), codecs.encode(b'\x00\xffab', 'hex'), codecs.decode(b'616263', 'hex_codec'))
print(codecs.encode(b'abc', 'base64'), codecs.decode(b'YWJj\n', 'base64'), codecs.encode(b'a=b\xff', 'quopri'))
for args in [(b'abc', 'hex'), (b'!!', 'base64'), ('abc', 'hex')]:
    try:
        codecs.decode(*args)
    except Exception as e:
        print(type(e).__name__, e, '| cause:', type(e.__cause__).__name__, e.__cause__)
try:
    codecs.encode(5)
except TypeError as e:
    print('TypeError', e, '| cause:', e.__cause__)

class StatefulError(Exception):
    def __init__(self, msg, extra):
        super().__init__(msg)
        self.extra = extra
class Plain(Exception):
    pass
def bad_codecs(name):
    if name == 'raises_plain':
        def enc(s, errors='strict'):
            raise Plain('plain problem')
        return codecs.CodecInfo(enc, enc, name=name)
    if name == 'raises_two_args':
        def enc(s, errors='strict'):
            raise Plain('a', 'b')
        return codecs.CodecInfo(enc, enc, name=name)
    if name == 'raises_stateful':
        def enc(s, errors='strict'):
            raise StatefulError('stateful', 1)
        return codecs.CodecInfo(enc, enc, name=name)
    if name == 'raises_keyerror':
        def enc(s, errors='strict'):
            raise KeyError('k')
        return codecs.CodecInfo(enc, enc, name=name)
    if name == 'raises_oserror':
        def enc(s, errors='strict'):
            raise OSError(2, 'nope')
        return codecs.CodecInfo(enc, enc, name=name)
    if name == 'returns_str':
        return codecs.CodecInfo(lambda s, e='strict': (s, len(s)), lambda b, e='strict': (b, len(b)), name=name)
    if name == 'returns_bad':
        return codecs.CodecInfo(lambda s, e='strict': s, lambda b, e='strict': (b,), name=name)
    if name == 'returns_bytearray':
        return codecs.CodecInfo(lambda s, e='strict': (bytearray(s.encode()), len(s)),
                                lambda b, e='strict': (type(b).__name__, len(b)), name=name)
codecs.register(bad_codecs)
for name in ['raises_plain', 'raises_two_args', 'raises_stateful', 'raises_keyerror', 'raises_oserror']:
    try:
        codecs.encode('x', name)
    except Exception as e:
        print(name, type(e).__name__, repr(e), type(e.__cause__).__name__)
for name in ['returns_str', 'returns_bad']:
    for f in [lambda: 'x'.encode(name), lambda: b'x'.decode(name), lambda: codecs.encode('x', name),
              lambda: codecs.decode(b'x', name)]:
        try:
            print(name, repr(f()))
        except Exception as e:
            print(name, type(e).__name__, e)
# A bytearray is converted with a RuntimeWarning (on stderr).
print('x'.encode('returns_bytearray'))
print(b'abc'.decode('returns_bytearray'), bytearray(b'ab').decode('returns_bytearray'))
