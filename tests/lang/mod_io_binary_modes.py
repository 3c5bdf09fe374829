# Binary files: bytes in, bytes out, and what str is refused with.
import os

path = "/tmp/taipan_io_binary_%d.bin" % os.getpid()
with open(path, "wb") as f:
    print(type(f).__name__, f.mode, f.raw.mode)
    print(f.write(b"\x00\x01\x02abc"), f.write(bytearray(b"\xff\xfe")), f.write(memoryview(b"xyz")[1:]))
    try:
        f.write("text")
    except TypeError as e:
        print("TypeError", e)
with open(path, "rb") as f:
    data = f.read()
    print(type(data).__name__, data, len(data))
with open(path, "r+b") as f:
    print(type(f).__name__, f.read(3))
    f.write(b"XYZ")
    f.seek(0)
    print(f.read())
with open(path, "w+b") as f:
    print(f.read())
    f.write(bytes(range(10)))
    f.seek(-3, 2)
    print(f.read())
with open(path, "rb") as f:
    try:
        f.write(b"x")
    except OSError as e:
        print(type(e).__name__, e)
with open(path, "wb") as f:
    try:
        f.read()
    except OSError as e:
        print(type(e).__name__, e)
# Text and binary views of the same bytes.
with open(path, "wb") as f:
    f.write("héllo\n".encode("utf-8"))
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="utf-8") as f:
    print(repr(f.read()))
with open(path, encoding="latin-1") as f:
    print(repr(f.read()))
os.unlink(path)
