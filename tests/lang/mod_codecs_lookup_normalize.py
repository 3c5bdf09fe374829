# codecs.lookup: name normalization, the search-function protocol, the cache.
import codecs

seen = []
def spy(name):
    seen.append(name)
    return None
codecs.register(spy)
for n in ['Foo Bar-Baz', 'x.y', '  lead', 'ÄÖ-x', 'a--b', 'A_B', 'UTF 8', 'Latin-1', '8859']:
    try:
        info = codecs.lookup(n)
        print(repr(n), '->', info.name)
    except LookupError as e:
        print(repr(n), 'LookupError', e)
print(seen)

ci = codecs.lookup('utf-8')
print(type(ci).__name__, ci.name, ci.encode('é'), ci.decode(b'\xc3\xa9'))
print(ci is codecs.lookup('UTF_8'), isinstance(ci, tuple), len(ci))
print(codecs.lookup('latin1').name, codecs.lookup('cp1252').name, codecs.lookup('utf_16_le').name)
print(codecs.lookup('iso-8859-15').name, codecs.lookup('mac-roman').name, codecs.lookup('koi8_r').name)

def bad(name):
    if name == 'bad_five':
        return (1, 2, 3, 4, 5)
    if name == 'bad_int':
        return 7
    if name == 'plain_tuple':
        return (len, len, None, None)
codecs.register(bad)
for n in ['bad_five', 'bad_int', 'plain_tuple']:
    try:
        print(n, codecs.lookup(n))
    except Exception as e:
        print(n, type(e).__name__, e)

calls = []
def counting(name):
    if name == 'mycodec':
        calls.append(name)
        return codecs.CodecInfo(lambda s, e='strict': (s.upper().encode(), len(s)),
                                lambda b, e='strict': (bytes(b).decode().lower(), len(b)), name='mycodec')
codecs.register(counting)
print(codecs.lookup('mycodec').name, codecs.lookup('MyCodec').name, len(calls))
print('abc'.encode('mycodec'), b'XYZ'.decode('mycodec'))
codecs.unregister(counting)
try:
    codecs.lookup('mycodec')
except LookupError as e:
    print('after unregister:', e)
codecs.unregister(counting)
print(codecs.unregister(print))

for bad_arg in [5, None, b'utf-8']:
    try:
        codecs.lookup(bad_arg)
    except TypeError as e:
        print('TypeError', e)
try:
    codecs.lookup('utf\0-8')
except ValueError as e:
    print('ValueError', e)
try:
    codecs.register(42)
except TypeError as e:
    print('TypeError', e)
