# Comparing bytes and bytearray with each other and other types; hashing bytes.
print(b'a' == b'a', b'a' != b'b', b'a' < b'b', b'ab' < b'abc', b'' < b'\x00', b'\xff' > b'\x7f')
print(b'a' == bytearray(b'a'), bytearray(b'a') == b'a', bytearray(b'a') < b'b', b'a' <= bytearray(b'a'))
print(b'a' == 'a', bytearray(b'a') == 'a', b'a' == 97, b'a' != [97])
print(sorted([b'b', b'a', b'', b'ab', b'\xff', b'A']))
for f in (lambda: b'a' < 'a', lambda: bytearray(b'a') < 'a', lambda: b'a' > 1):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
print(hash(b'abc') == hash(b'ab' + b'c'), {b'k': 1}[b'k'], b'k' in {b'k'}, len({b'a', b'a', b'b'}))
print(hash(b'') == 0)
try:
    hash(bytearray(b'x'))
except TypeError as e:
    print('TypeError', e)
print(bytes(bytearray(b'xy')) == bytearray(b'xy'), max(b'hello'), min(b'hello'), sum(b'\x01\x02'))
