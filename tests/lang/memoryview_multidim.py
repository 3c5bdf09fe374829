# N-dimensional views from cast(shape): tolist, tobytes orders, contiguity, indexing with tuples, 0-dim views.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

m = memoryview(bytes(range(24))).cast('B', [2, 3, 4])
print(m.ndim, m.shape, m.strides, len(m), m.nbytes, m.c_contiguous, m.f_contiguous, m.contiguous)
print(m.tolist())
print(m[1, 2, 3], m[0, -1, -1], m[-1, 0, 1])
show("partial", lambda: m[1, 2])
show("int", lambda: m[0])
show("too many", lambda: m[0, 0, 0, 0])
show("bounds", lambda: m[0, 3, 0])
show("iter", lambda: list(m))
r = m[::-1]
print(r.shape, r.strides, r.c_contiguous, r.contiguous, r.tolist()[0][0])
print(r.tobytes()[:8], m[1:].tobytes()[:4], m[1:].shape, m[1:].c_contiguous)
q = memoryview(b'abcd').cast('B', [2, 2])
print(q.tobytes(), q.tobytes('C'), q.tobytes('F'), q.tobytes('A'), q.tobytes(None))
print(q[::-1].tobytes('F'), q[::-1].tobytes('A'))
show("order", lambda: q.tobytes('X'))
show("order type", lambda: q.tobytes(1))
print(memoryview(b'abcd').cast('B', [1, 4]).f_contiguous, memoryview(b'abcd').cast('B', [4, 1]).f_contiguous)
print(q.cast('B').tolist(), q.cast('c').tolist(), q.cast('h').tolist())
show("cast non-contig", lambda: q[::-1].cast('B'))
show("slice assign nd", lambda: q.__setitem__(slice(0, 1), b'xx'))
w = memoryview(bytearray(b'abcd')).cast('B', [2, 2])
w[1, 0] = 0x43
show("int assign nd", lambda: w.__setitem__(0, 1))
show("partial assign nd", lambda: w.__setitem__((0,), 1))
print(w.tolist(), w.obj)
print(memoryview(b'abcdef').cast('B', [2, 3]).cast('B', [6]).tolist())

z = memoryview(b'\x07\x00\x00\x00').cast('i', [])
print(z.ndim, z.shape, z.strides, len(z), z.tolist(), z[()], z.nbytes, z.c_contiguous, z.f_contiguous)
print(z[...] is z, z.tobytes(), z == memoryview(b'\x07\x00\x00\x00').cast('i', []))
show("0-dim int", lambda: z[0])
show("0-dim iter", lambda: iter(z))
show("0-dim slice", lambda: z[0:1])
w0 = memoryview(bytearray(4)).cast('i', [])
w0[()] = 5
w0[...] = w0[()] + 1
print(w0.tolist())
show("0-dim bad assign", lambda: w0.__setitem__(0, 1))
show("0-dim cast back", lambda: z.cast('B').tolist())
