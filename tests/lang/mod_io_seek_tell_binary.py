# seek() and tell() on binary files with each whence, and the buffered position.
import os

path = "/tmp/taipan_io_seek_bin_%d.bin" % os.getpid()
with open(path, "wb") as f:
    f.write(bytes(range(100)))
with open(path, "rb") as f:
    print(f.tell(), f.seek(10), f.tell(), f.read(2))
    print(f.seek(5, 1), f.read(1))
    print(f.seek(-1, 2), f.read(), f.tell())
    print(f.seek(200), f.read(), f.tell())
    print(f.seek(0, 0), f.read(1), f.seek(0, 1))
    for args in [(-1,), (0, 7), (1.5,), ("x",)]:
        try:
            f.seek(*args)
        except (ValueError, TypeError, OSError) as e:
            print(type(e).__name__, e)
    print(f.seekable(), f.tell())
with open(path, "r+b") as f:
    f.seek(50)
    f.write(b"\xff\xff")
    print(f.tell())
    f.seek(-2, 1)
    print(f.read(3))
    print(f.truncate(60), f.tell())
    f.seek(0, 2)
    print(f.tell())
    f.seek(70)
    f.write(b"!")
    f.seek(0, 2)
    print(f.tell())
    f.seek(60)
    print(f.read())
os.unlink(path)
