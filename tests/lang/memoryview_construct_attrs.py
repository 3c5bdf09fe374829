# memoryview(): construction from buffer exporters, the attributes, and constructor errors.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

m = memoryview(b'hello')
print(type(m).__name__, len(m), m.nbytes, m.itemsize, m.format, m.ndim)
print(m.shape, m.strides, m.suboffsets, m.readonly)
print(m.c_contiguous, m.f_contiguous, m.contiguous)
print(m.obj, m.obj is memoryview(m).obj)
ba = bytearray(b'abc')
mb = memoryview(ba)
print(mb.readonly, mb.obj is ba, mb.tobytes())
mb.release()
print(memoryview(object=b'kw').tobytes())
print(memoryview(memoryview(b'nested')).obj)
print(memoryview(b'').tolist(), len(memoryview(b'')), bool(memoryview(b'')), bool(memoryview(b'x')))
show("int", lambda: memoryview(1))
show("str", lambda: memoryview('abc'))
show("list", lambda: memoryview([1, 2]))
show("none", lambda: memoryview())
show("two", lambda: memoryview(b'', b''))
show("kw", lambda: memoryview(obj=b''))
print(memoryview.__name__, type(m).__module__)
try:
    class M(memoryview):
        pass
except TypeError as e:
    print("subclass:", e)
print(isinstance(m, memoryview), type(iter(m)).__name__)
print(repr(m).startswith('<memory at 0x'), str(m) == repr(m))
class B(bytes):
    pass
print(memoryview(B(b'sub')).tobytes(), memoryview(B(b'sub')).obj.__class__.__name__)
class BA(bytearray):
    pass
x = BA(b'xyz')
with memoryview(x) as mx:
    mx[0] = ord('X')
print(x)
