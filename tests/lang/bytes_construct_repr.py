# bytes(): every constructor form, and repr with CPython's escaping and quote choice.
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes((0, 255)), bytes(range(5)), bytes(x for x in (1, 2)))
print(bytes(b'copy'), bytes(bytearray(b'ba')), bytes('caf\u00e9', 'utf-8'), bytes('x', encoding='ascii'))
print(bytes('\u00e9', 'latin-1'), bytes('a\u00e9', 'ascii', 'replace'), bytes(source=b'kw'))
class HasBytes:
    def __bytes__(self):
        return b'from __bytes__'
print(bytes(HasBytes()))
print(repr(b"it's"), repr(b'say "hi"'), repr(b'both \' and "'), repr(b'\\'), repr(b''))
print(repr(b'\t\n\r\x00\x07\x1f\x7f\x80\xff'), repr(bytes(range(32, 127))))
print(repr(bytearray(b"it's")), repr(bytearray()), repr(bytearray(b'\x00\xff')))
print(str(b'abc'), '%s' % b'x', '{}'.format(b'y'), [b'z'])
for f in (lambda: bytes('a'), lambda: bytes(1, 'utf-8'), lambda: bytes(1.5), lambda: bytes(None),
          lambda: bytes([1.5]), lambda: bytes('a', 1), lambda: bytearray('a'), lambda: bytearray(1.5)):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
for f in (lambda: bytes(-1), lambda: bytes([256]), lambda: bytes([-1]), lambda: bytearray(-1),
          lambda: bytearray([300])):
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
class B(bytes):
    pass
class BA(bytearray):
    pass
print(repr(B(b'sub')), type(B(b'sub')).__name__, repr(BA(b'sub')), B(b'x') == b'x', len(B(b'abc')))
