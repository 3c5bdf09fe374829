# memoryview.release() and the context manager: released views refuse every operation, repr changes.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

m = memoryview(b'abc')
m.release()
m.release()
print(repr(m).startswith('<released memory at 0x'))
for name, f in [("len", lambda: len(m)), ("item", lambda: m[0]), ("slice", lambda: m[1:]),
                ("tobytes", lambda: m.tobytes()), ("tolist", lambda: m.tolist()), ("hex", lambda: m.hex()),
                ("cast", lambda: m.cast('c')), ("toreadonly", lambda: m.toreadonly()),
                ("obj", lambda: m.obj), ("nbytes", lambda: m.nbytes), ("format", lambda: m.format),
                ("itemsize", lambda: m.itemsize), ("ndim", lambda: m.ndim), ("shape", lambda: m.shape),
                ("strides", lambda: m.strides), ("suboffsets", lambda: m.suboffsets),
                ("readonly", lambda: m.readonly), ("contiguous", lambda: m.contiguous),
                ("c_contiguous", lambda: m.c_contiguous), ("f_contiguous", lambda: m.f_contiguous),
                ("hash", lambda: hash(m)), ("memoryview", lambda: memoryview(m)),
                ("bytes", lambda: bytes(m)), ("bytearray", lambda: bytearray(m)), ("enter", lambda: m.__enter__()),
                ("eq self", lambda: m == m), ("eq other", lambda: m == b'abc')]:
    show(name, f)

with memoryview(bytearray(b'xyz')) as v:
    print(v[0], v.readonly)
show("after with", lambda: v[0])
print(v.__exit__(None, None, None), v.__exit__())

h = memoryview(b'abc')
print(hash(h) == hash(b'abc'))
h.release()
print(hash(h) == hash(b'abc'))

it = iter(memoryview(b'ab'))
m2 = memoryview(b'abc')
it2 = iter(m2)
print(next(it2))
m2.release()
show("iterate released", lambda: next(it2))

a = memoryview(b'abcd')
b = a[1:]
a.release()
print(b.tobytes(), b.obj)
c = b.cast('c')
b.release()
print(c.tolist())
