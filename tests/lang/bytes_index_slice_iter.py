# Indexing (ints), slicing with steps, iteration, len, `in`, concatenation and repetition of bytes.
b = b'abcdefghij'
print(b[0], b[-1], b[3:6], b[::2], b[::-1], b[8:2:-2], b[-3:], b[100:], b[:-100])
print(list(b[:3]), [x for x in b'\x00\xff'], len(b), len(b''))
it = iter(b'xy')
print(next(it), next(it), next(it, None))
print(b'cd' in b, b'' in b, 99 in b, 122 in b, b'dc' in b, bytearray(b'ef') in b)
print(b'ab' + b'cd', b'ab' + bytearray(b'cd'), bytearray(b'ab') + b'cd', b'ab' * 3, 2 * b'x', b'ab' * 0)
for f in (lambda: b[10], lambda: b[-11], lambda: bytearray(b'a')[1]):
    try:
        f()
    except IndexError as e:
        print('IndexError', e)
for f in (lambda: b['x'], lambda: 'a' in b, lambda: 1.5 in b, lambda: b + 'a', lambda: b + 1,
          lambda: bytearray(b'a') + 'a', lambda: b * 'x', lambda: bytearray(b'a')['x']):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
try:
    256 in b
except ValueError as e:
    print('ValueError', e)
x = b'a'
x += b'b'
x *= 2
print(x)
for start in (None, -12, -3, 0, 4, 11):
    for stop in (None, -11, -2, 0, 5, 12):
        for step in (None, 1, 2, -1, -3):
            if b[start:stop:step] != bytes(list(b)[start:stop:step]):
                print('mismatch', start, stop, step)
print('slices ok')
