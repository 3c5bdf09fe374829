# binascii hexlify/unhexlify and their separators.
import binascii as b

print(b.hexlify(b'\x01\xab'), b.hexlify(b'abcdef', '-'), b.hexlify(b'abcdef', b':', 2), b.hexlify(b'abcdefg', ':', -2))
print(b.hexlify(b'abcdefg', ':', 3), b.hexlify(b'abcdefg', ':', -3), b.hexlify(b'abc', ':', 0), b.hexlify(b'abc', 'é'))
print(b.b2a_hex(b'\xff', sep='_'), b.hexlify(bytearray(b'xy')), b.hexlify(b''))
print(b.unhexlify(b'01ab'), b.unhexlify('01AB'), b.a2b_hex(b'ff00'), b.a2b_hex(''))
for bad in [lambda: b.hexlify(b'abc', '--'), lambda: b.hexlify('abc'), lambda: b.hexlify(b'abc', 1), lambda: b.unhexlify('0'),
            lambda: b.unhexlify('0g'), lambda: b.unhexlify('é0'), lambda: b.unhexlify(5), lambda: b.hexlify()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(b.Error.__mro__[1].__name__, b.Incomplete.__mro__[1].__name__, issubclass(b.Error, ValueError))
