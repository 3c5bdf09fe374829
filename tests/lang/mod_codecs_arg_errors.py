# Argument errors of the _codecs functions, in Argument Clinic's words.
import _codecs

calls = [
    (_codecs.utf_8_decode, ('abc',)), (_codecs.utf_8_decode, (1,)), (_codecs.utf_8_decode, (b'a', 1)),
    (_codecs.utf_8_decode, (b'a', None, 1.5)), (_codecs.utf_8_decode, (b'a', None, 'x')),
    (_codecs.utf_8_decode, (b'a', None, 2 ** 70)), (_codecs.utf_8_decode, ()),
    (_codecs.utf_8_decode, (b'a', 'strict', True, 4)), (_codecs.utf_8_encode, (b'a',)),
    (_codecs.utf_8_encode, ('a', 'bogus')), (_codecs.utf_8_decode, (b'a\xff', 'bogus')),
    (_codecs.utf_16_encode, ('a', None, 'x')), (_codecs.ascii_encode, ('a', 'x\0y')),
    (_codecs.latin_1_decode, (b'a', 5)), (_codecs.utf_7_encode, (None,)), (_codecs.charmap_build, ()),
    (_codecs.charmap_build, ('a', 'b')), (_codecs.lookup, ()), (_codecs.lookup, (5,)),
    (_codecs.lookup_error, (b'strict',)), (_codecs.register_error, ('x',)), (_codecs.encode, ()),
    (_codecs.encode, ('a', 5)), (_codecs.decode, (b'a', 'utf-8', 5)), (_codecs.encode, ('a', 'utf-8', 'strict', 4)),
    (_codecs.readbuffer_encode, (5,)), (_codecs.unicode_escape_encode, (b'x',)),
    (_codecs.raw_unicode_escape_decode, (5,)), (_codecs.utf_32_ex_decode, (b'', None, 0, False, 1)),
]
for f, a in calls:
    try:
        print(f.__name__, ascii(a), '->', ascii(f(*a)))
    except Exception as e:
        print(f.__name__, ascii(a), '!!', type(e).__name__, e)
print(_codecs.encode(obj='abc', encoding='utf-16-be', errors='strict'))
print(_codecs.decode(b'abc', encoding='latin-1'))
for f, kw in [(_codecs.utf_8_decode, {'data': b''}), (_codecs.lookup, {'encoding': 'utf-8'}),
              (_codecs.encode, {'obj': 'a', 'bogus': 1})]:
    try:
        f(**kw)
    except TypeError as e:
        print(f.__name__, 'TypeError', e)
print(_codecs.readbuffer_encode('abc'), _codecs.readbuffer_encode(bytearray(b'ab')), _codecs.readbuffer_encode(memoryview(b'xyz')))

# Under -X dev an unknown error handler name fails even when nothing needs handling.
import subprocess, sys
code = r'''
for f in [lambda: ''.encode('utf8', 'bogus'), lambda: b''.decode('latin1', 'bogus'),
          lambda: bytes('ab', 'ascii', 'bogus'), lambda: str(b'ab', 'utf8', 'bogus'),
          lambda: bytearray('', 'utf8', 'bogus'), lambda: 'x'.encode('utf8', 'strict'),
          lambda: b'x'.decode('ascii', 'backslashreplace')]:
    try:
        print(repr(f()))
    except LookupError as e:
        print('LookupError:', e)
'''
for flags in [[], ['-X', 'dev']]:
    r = subprocess.run([sys.executable, *flags, '-c', code], capture_output=True, text=True)
    print(flags, r.returncode)
    print(r.stdout, end='')
