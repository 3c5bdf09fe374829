# strip/lstrip/rstrip: whitespace (incl. Unicode), explicit character sets, None, errors.
print(repr('  \t hello \n '.strip()), repr('  x '.lstrip()), repr('  x '.rstrip()))
print(repr('\u3000\u00a0x\u2003\x85'.strip()), repr('\x1c\x1dx\x1e\x1f'.strip()))
print('xxhixx'.strip('x'), 'xyhiyx'.strip('xy'), 'xyhiyx'.lstrip('xy'), 'xyhiyx'.rstrip('xy'))
print('www.example.com'.strip('cmowz.'), 'abc'.strip(''), repr('aaa'.strip('a')))
print('\u00e9\u00e9caf\u00e9\u00e9'.strip('\u00e9'), '\U0001f600hi\U0001f600'.strip('\U0001f600'))
print('\u4e2dab\u6587'.strip('\u4e2d\u6587'), 'ab\u4e2d'.rstrip('b\u4e2d'), '  a  '.strip(None))
for f in (lambda: 'a'.strip(1), lambda: 'a'.lstrip(b'a'), lambda: 'a'.rstrip(['a'])):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
