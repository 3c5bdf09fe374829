# marshal: CPython's byte format for data values in versions 0-4, and loading.
# gcstress-every: 5
import marshal, io

vals = [0, 1, -1, 5, 256, 257, -5, -6, 1000, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**62, 2**63, -2**64,
        2**100, -(2**200) + 7, 12345678901234567890123,
        1.5, -0.0, 0.1, 1e300, float('inf'), float('-inf'), 1 + 2j, -0.5j, complex(0, 1e-300),
        'abc', 'a b', '', 'héllo', '\udc80x', 'é' * 10, 'snake_case_42',
        b'', b'ab', b'\x00\xff' * 3, (), (1,), (1, 2.5, 'x'), [1, 2], [], {}, {'a': 1, 'b': [2]},
        {1, 2, 3}, frozenset(), frozenset({'q', 'r'}), {'z', 'y', 'x'}, None, True, False, ..., StopIteration,
        bytearray(b'xy'), memoryview(b'mv')]
for v in vals:
    for ver in range(5):
        d = marshal.dumps(v, ver)
        back = marshal.loads(d)
        same = back == v or (v != v)
        if isinstance(v, (set, frozenset)):
            shown = sorted(v)
        elif isinstance(v, memoryview):
            shown = 'memoryview'
        else:
            shown = v
        print(ver, repr(shown)[:40], d.hex(), type(back).__name__, same)

# Sharing and cycles (version 3 and up write references).
shared = [1, 2]
outer = [shared, shared, (shared,)]
for ver in (2, 3, 4):
    d = marshal.dumps(outer, ver)
    back = marshal.loads(d)
    print(ver, d.hex(), back, back[0] is back[1], back[0] is back[2][0])
cyc = [1]
cyc.append(cyc)
d = marshal.dumps(cyc)
back = marshal.loads(d)
print(d.hex(), back[1] is back)
try:
    marshal.dumps(cyc, 2)
except ValueError as e:
    print('ValueError', e)
dd = {'k': 'v'}
dd['self'] = dd
back = marshal.loads(marshal.dumps(dd))
print(back['self'] is back, back['k'])
print(marshal.dumps(('spam', 'spam', 'spam')).hex())
print(marshal.version)

# Unmarshallable values and bad data.
for bad in (object(), int, [1, object()], {1: print}, 3 ** 0.5j and type, lambda: 0):
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print('ValueError', e)
deep = []
for i in range(3000):
    deep = [deep]
try:
    marshal.dumps(deep)
except ValueError as e:
    print('ValueError', e)
for data in (b'', b'i\x01\x00', b'?', b'r\x00\x00\x00\x00', b'(\x02\x00\x00\x00i\x01\x00\x00\x00',
             b'l\x01\x00\x00\x00\x00\x00', b'l\x01\x00\x00\x00\xff\xff', b's\xff\xff\xff\xff',
             b'z\x05ab', b'[\x01\x00\x00\x000', b'{i\x01\x00\x00\x00', b'0', b'\xe9\x01\x00\x00\x00r\x01\x00\x00\x00'):
    try:
        print(repr(marshal.loads(data)))
    except (ValueError, EOFError, TypeError) as e:
        print(type(e).__name__, e)
print(marshal.loads(b'i\x07\x00\x00\x00trailing'), marshal.loads(bytearray(b'N')), marshal.loads(memoryview(b'T')))
print(marshal.loads(b'I\x00\x00\x00\x00\x01\x00\x00\x00'), marshal.loads(b'f\x031.5'), marshal.loads(b'x\x011\x02-2'))
try:
    marshal.loads('text')
except TypeError as e:
    print('TypeError', e)
try:
    marshal.dumps(1, 2, 3)
except TypeError as e:
    print('TypeError', e)
try:
    marshal.dumps(1, 2.0)
except TypeError as e:
    print('TypeError', e)

# dump/load on files read exactly one value each.
f = io.BytesIO()
for v in ([1, 'two'], 3.0, {'four': (4,)}, None):
    marshal.dump(v, f)
marshal.dump('old', f, 0)
f.seek(0)
for i in range(5):
    print(marshal.load(f), f.tell())
try:
    marshal.load(f)
except EOFError as e:
    print('EOFError', e)
try:
    marshal.load(io.StringIO('x'))
except TypeError as e:
    print('TypeError', e)
f = io.BytesIO(b'(\x02\x00\x00\x00i')
try:
    marshal.load(f)
except EOFError as e:
    print('EOFError', e)
