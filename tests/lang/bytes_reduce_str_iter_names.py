# bytearray.__reduce__/__reduce_ex__ (pickling support), str() of bytes, and the iterator type names.
print(bytearray(b'ab').__reduce__(), bytearray(b'ab').__reduce_ex__(4), bytearray().__reduce_ex__(2))
print(bytearray(b'\xff\x00').__reduce_ex__(2), bytearray(b'\xff').__reduce_ex__(3))
print(str(bytearray(b'x')), str(b'y'), str(b"it's"), '%s' % bytearray(b'z'))
print(type(iter('abc')).__name__, type(iter('\u00e9')).__name__, type(iter(b'')).__name__, type(iter(bytearray())).__name__)
it = iter('h\u00e9llo')
next(it)
print(it.__length_hint__(), list(it), it.__length_hint__())
bit = iter(bytearray(b'abc'))
print(bit.__length_hint__(), next(bit), bit.__length_hint__())

# The iterators pickle as (iter, (seq,), index) and resume where they were.
import pickle
for seq in [b'abcd', bytearray(b'abcd'), 'abcd', 'h\u00e9\u20acl\U0001f600o']:
    it = iter(seq)
    next(it)
    r = it.__reduce__()
    print(type(it).__name__, r[0] is iter, r[1:])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        it2 = pickle.loads(pickle.dumps(it, proto))
        print(proto, type(it2).__name__, list(it2), end='; ')
    print()
    it3 = iter(seq)
    it3.__setstate__(-5); print(next(it3), end=' ')
    it3.__setstate__(3); print(list(it3), end=' ')
    it3.__setstate__(1); print(list(it3), it3.__reduce__()[1:])
    it4 = iter(seq)
    it4.__setstate__(100)
    print(list(it4))

# hex() separators: a NUL separator is a separator; a non-ASCII one is refused.
t = b'\xb9\x01\xef'
for x in [t, bytearray(t), memoryview(t)]:
    print(repr(x.hex(b'\x00')), repr(x.hex('\x00')), repr(x.hex(':', 0)), repr(x.hex('-', -2)))
    for sep in ['', 'xx', '\xff', b'\xff', b'\x80', chr(0x100)]:
        try:
            x.hex(sep)
        except ValueError as e:
            print(type(x).__name__, repr(sep), "ValueError:", e)

# Assigning an empty value to an extended slice deletes it; with an export held it fails untouched.
b = bytearray(range(10)); b[1:-1:2] = b''; print(b)
b = bytearray(range(10)); b[::-3] = []; print(b)
b = bytearray(range(10)); m = memoryview(b)
try:
    b[1:-1:2] = b''
except BufferError as e:
    print("BufferError:", e, b)
m.release()

# A bytearray subclass pickles its __slots__ too: the state is self.__getstate__().
import copy
class Slotted(bytearray):
    __slots__ = ('x', 'y', '__dict__')
a = Slotted(b'abc'); a.x = 10; a.z = 5
print(a.__reduce_ex__(2), a.__reduce_ex__(4), a.__reduce__())
for b in [copy.copy(a), copy.deepcopy(a), pickle.loads(pickle.dumps(a, 2)), pickle.loads(pickle.dumps(a, 4))]:
    print(type(b).__name__, b, b.x, hasattr(b, 'y'), b.z)
class Custom(bytearray):
    def __getstate__(self):
        return {'custom': len(self)}
print(Custom(b'xy').__reduce_ex__(4), bytearray(b'q').__reduce_ex__(4))

# str.__getnewargs__ returns a copy of the text, an exact str.
t = 'abc'
args = t.__getnewargs__()
print(args, args[0] is t, args[0] == t, len(args))
class S(str):
    pass
print(S('h\u00e9llo').__getnewargs__(), type(S('xy').__getnewargs__()[0]).__name__)
print(repr(pickle.loads(pickle.dumps(S('abc'), 2))), type(pickle.loads(pickle.dumps(S('abc'), 2))).__name__)
