# Iterating memoryviews (memory_iterator), hex() with separators, tolist/tobytes arguments.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

m = memoryview(b'\x01\x02\x03\x04\x05\x06')
it = iter(m)
print(type(it).__name__, next(it), list(it), list(it))
print(list(m[::-2]), [x for x in m.cast('h')], list(m.cast('c')))
print(sum(m), max(m), list(enumerate(m[:2])))
print(m.hex(), m.hex(':'), m.hex(':', 2), m.hex(sep='-', bytes_per_sep=-4), m.hex(b'|', 3))
print(m[::-1].hex(), m[::2].hex(' '), memoryview(b'').hex(), m.cast('h').hex())
show("hex bad sep", lambda: m.hex('ab'))
show("hex sep type", lambda: m.hex(1))
show("tolist args", lambda: m.tolist(1))
show("tobytes kw", lambda: m.tobytes(order='F'))
show("tobytes bad kw", lambda: m.tobytes(x=1))
show("release args", lambda: m.release(1))
ba = bytearray(b'ab')
mv = memoryview(ba)
it2 = iter(mv)
mv[1] = 0x5a
print(next(it2), next(it2))
show("exhausted", lambda: next(it2))
