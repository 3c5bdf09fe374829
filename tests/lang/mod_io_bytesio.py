# io.BytesIO: the whole binary stream interface in memory.
from _io import BytesIO

b = BytesIO(b"hello\nworld\n")
print(b.read(3), b.tell(), b.readline(), b.readlines(), b.read(), b.getvalue())
print(b.seek(20), b.write(b"X"), b.getvalue())
for args in [(-1,), (0, 3), (-3, 1), (-100, 1), (-100, 2), (1.5,)]:
    try:
        print(args, b.seek(*args), b.tell())
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
for args in [(-1,), (5,), (None,), (100,)]:
    try:
        print(args, b.truncate(*args), b.tell(), b.getvalue())
    except ValueError as e:
        print(args, type(e).__name__, e)
b = BytesIO(b"abcdef")
print(b.read1(), b.read1(2), b.seek(1), b.read1(2), b.read1(-1))
b.seek(0)
buf = bytearray(4)
print(b.readinto(buf), buf, b.readinto(buf), buf)
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush(), b.closed)
for bad in ("text", 5):
    try:
        b.write(bad)
    except TypeError as e:
        print("TypeError", e)
print(b.write(bytearray(b"++")), b.write(memoryview(b"--")), b.getvalue())
b.writelines([b"1", bytearray(b"2"), memoryview(b"3")])
print(b.getvalue(), b.__getstate__())
print(list(BytesIO(b"a\nb\n\nc")), BytesIO(b"x\ny").readlines(1))
with BytesIO(b"ctx") as c:
    print(c.read())
print(c.closed)
for name in ("read", "getvalue", "tell", "write", "seek", "readline", "truncate", "readable", "flush"):
    try:
        getattr(c, name)(*((b"x",) if name == "write" else (0,) if name == "seek" else ()))
    except ValueError as e:
        print(name, "ValueError", e)
try:
    BytesIO("str")
except TypeError as e:
    print("TypeError", e)
print(BytesIO(initial_bytes=bytearray(b"ab")).getvalue(), BytesIO(None).getvalue())
class Counting(BytesIO):
    writes = 0
    def write(self, data):
        Counting.writes += 1
        return super().write(data)
k = Counting()
k.write(b"ab")
k.writelines([b"c", b"d"])
print(k.getvalue(), Counting.writes)
