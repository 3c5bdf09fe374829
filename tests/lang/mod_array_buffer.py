# array: buffer exports (formats, resizes refused while exported), pickling, _array_reconstructor.
from array import array
def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
a = array("i", [1, 2, 3, 9, 1])
t("mv", lambda: memoryview(a).format)
t("mv u", lambda: memoryview(array("u")).format)
t("mv all", lambda: [memoryview(array(c)).format for c in "bBuhHiIlLqQfd"])
m = memoryview(a)
t("resize exported", lambda: a.append(1))
t("pop exported", lambda: a.pop())
t("setitem exported", lambda: a.__setitem__(0, 7))
t("slice del exported", lambda: a.__delitem__(slice(0, 1)))
t("iadd exported", lambda: a.__iadd__(array("i", [1])))
t("imul exported", lambda: a.__imul__(2))
t("imul 1 exported", lambda: a.__imul__(1))
m.release()
t("reduce_ex 2", lambda: a.__reduce_ex__(2))
t("reduce_ex 3", lambda: a.__reduce_ex__(3))
t("reduce", lambda: a.__reduce__())
t("iter reduce", lambda: iter(a).__reduce__())
t("doc", lambda: array.__doc__.splitlines()[0])
t("module", lambda: array.__module__)
t("name", lambda: type(iter(a)).__name__)
t("dir", lambda: sorted(n for n in dir(array) if not n.startswith("__")))
t("recon", lambda: __import__("array")._array_reconstructor(array, "i", 8, b"\1\0\0\0"))
t("recon bad", lambda: __import__("array")._array_reconstructor(array, "i", 99, b"\1\0\0\0"))
t("recon bad2", lambda: __import__("array")._array_reconstructor(list, "i", 8, b"\1\0\0\0"))
t("recon bad3", lambda: __import__("array")._array_reconstructor(array, "x", 8, b"\1\0\0\0"))
t("recon bad4", lambda: __import__("array")._array_reconstructor(array, "i", 8, "x"))
t("recon conv", lambda: __import__("array")._array_reconstructor(array, "i", 9, b"\0\0\0\1"))
t("recon conv2", lambda: __import__("array")._array_reconstructor(array, "d", 16, b"\0\0\0\0\0\0\xf0\x3f"))
t("recon conv3", lambda: __import__("array")._array_reconstructor(array, "b", 20, b"a\0\0\0"))
t("recon u", lambda: __import__("array")._array_reconstructor(array, "u", 20, b"a\0\0\0"))
t("recon u2", lambda: __import__("array")._array_reconstructor(array, "u", 18, "a".encode("utf-16-le")))
t("recon len", lambda: __import__("array")._array_reconstructor(array, "i", 8, b"\1\0\0"))
t("recon h", lambda: __import__("array")._array_reconstructor(array, "h", 8, b"\1\0\0\0\2\0\0\0"))
t("recon h over", lambda: __import__("array")._array_reconstructor(array, "b", 8, b"\0\1\0\0"))
t("modir", lambda: sorted(n for n in dir(__import__("array")) if n != "__file__"))

# Writes through a memoryview land in the array; bytes() and struct see its memory.
import struct, os
b = array("h", [1, 2, 3])
with memoryview(b) as mv:
    mv[1] = -7
    print(mv.tolist(), mv.nbytes, mv.itemsize, mv.readonly, mv.shape, mv.strides)
    print(mv.cast("B").tolist())
print(b, bytes(b), bytearray(b))
struct.pack_into("<h", b, 4, 300)
print(b, struct.unpack_from("<hhh", b))
b.append(4)   # the view was released: resizing works again
print(b)

# tofile / fromfile round trip, and a short read.
path = "/tmp/taipan-array-%d" % os.getpid()
d = array("d", [0.5 * i for i in range(10)])
with open(path, "wb") as f:
    d.tofile(f)
print(os.path.getsize(path))
e = array("d")
with open(path, "rb") as f:
    e.fromfile(f, 4)
    print(e)
    try:
        e.fromfile(f, 10)
    except EOFError as exc:
        print("EOFError", exc, len(e))
os.unlink(path)

# A larger array: arithmetic through the sequence protocol.
big = array("i", range(5000))
print(sum(big), big[4999], big[-5000], len(big * 3), big.count(7), big.index(4000))
big[100:4900] = array("i")
print(len(big), big[99], big[100])
del big[::2]
print(len(big), big[:5])
