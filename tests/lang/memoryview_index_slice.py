# memoryview indexing and slicing: ints per format, views from slices, negative steps, bad keys.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

m = memoryview(b'abcdefgh')
print(m[0], m[-1], m[3], m[True])
print(m[2:5].tobytes(), m[::2].tobytes(), m[::-1].tobytes(), m[5:1:-2].tolist())
s = m[1:7]
print(s.nbytes, s.shape, s.strides, s.c_contiguous, s[0], s[-1])
s2 = s[::3]
print(s2.tolist(), s2.strides, s2.contiguous, s2.obj is m.obj)
print(m[10:].tolist(), m[-100:2].tolist(), m[::-3].tolist())
print(m[1:2].c_contiguous, m[::3].c_contiguous, m[::-1].c_contiguous, m[3:3].contiguous)
show("out of range", lambda: m[8])
show("negative out", lambda: m[-9])
show("empty", lambda: memoryview(b'')[0])
show("huge", lambda: m[2**70])
show("str key", lambda: m['a'])
show("float key", lambda: m[1.0])
show("ellipsis", lambda: m[...])
show("tuple", lambda: m[0, 0])
show("empty tuple", lambda: m[()])
show("multislice", lambda: m[0:1, 0:1])
show("none", lambda: m[None])
class Idx:
    def __index__(self):
        return 2
print(m[Idx()], m[Idx():].tobytes())
print(list(reversed(m[:3])), 99 in m, 97 in m, b'a' in m)
print(m[::-1][::-1].tobytes(), m[1:-1][1:-1].tobytes())
