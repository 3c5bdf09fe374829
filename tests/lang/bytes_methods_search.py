# bytes search and split methods: find/rfind/index/rindex/count/startswith/endswith/split/rsplit/partition.
b = b'abracadabra'
print(b.find(b'bra'), b.find(b'bra', 2), b.rfind(b'bra'), b.find(97), b.rfind(97), b.find(b'z'), b.find(b''))
print(b.index(b'c'), b.rindex(b'a'), b.count(b'a'), b.count(97), b.count(b'a', 3, 8), b.count(b''))
print(b.startswith(b'abr'), b.startswith(b'bra', 1), b.endswith(b'bra'), b.endswith((b'x', b'ra')))
print(b.startswith(bytearray(b'a')), b.endswith(b'', 11), b.startswith(b'', 12))
print(b'a b  c\td\x0be\x1cf'.split(), b'a,b,,c'.split(b','), b'a,b,,c'.rsplit(b',', 1), b'a,b'.split(b',', 0))
print(b'  a b  '.split(None, 1), b'  a b  '.rsplit(None, 1), b''.split(), b''.split(b','))
print(b.partition(b'ca'), b.rpartition(b'a'), b.partition(b'zz'), b.rpartition(b'zz'))
print(b'a\nb\r\nc\rd'.splitlines(), b'a\nb\r\n'.splitlines(True), b'x\x0by\x1cz'.splitlines())
for f in (lambda: b.index(b'z'), lambda: b.rindex(b'z'), lambda: b.split(b''), lambda: b.partition(b'')):
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
for f in (lambda: b.find('a'), lambda: b.split('a'), lambda: b.startswith('a'), lambda: b.startswith(('a',)),
          lambda: b.partition('a'), lambda: b.count(1.5)):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
ba = bytearray(b'x-y-z')
print(ba.split(b'-'), ba.partition(b'-'), ba.find(b'z'), type(ba.split(b'-')[0]).__name__)
