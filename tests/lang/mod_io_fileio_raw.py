# _io.FileIO: raw, unbuffered access to a file descriptor.
import os
from _io import FileIO

path = "/tmp/taipan_io_fileio_%d.bin" % os.getpid()
f = FileIO(path, "w")
print(repr(f) == "<_io.FileIO name=%r mode='wb' closefd=True>" % path, f.mode, f.closefd, f.__dict__ == {"name": path})
print(f.write(b"0123456789"), f.tell(), f.seekable(), f.readable(), f.writable(), f.isatty())
try:
    f.read()
except OSError as e:
    print(type(e).__name__, e)
f.close()
print(repr(f), f.closed)
for name in ("read", "write", "seek", "tell", "fileno", "isatty", "readable", "truncate", "readinto"):
    arg = {"write": (b"x",), "seek": (0,), "readinto": (bytearray(1),)}.get(name, ())
    try:
        getattr(f, name)(*arg)
    except ValueError as e:
        print(name, "ValueError", e)
for mode in ("r", "w", "a", "x", "r+", "w+", "a+", "rb", "xb", "rw", "rr", "z", "", "b", "wt"):
    try:
        g = FileIO(path, mode)
        print(mode, g.mode, g.tell())
        g.close()
    except (ValueError, OSError) as e:
        print(mode, type(e).__name__, str(e).replace(path, "PATH"))
with open(path, "wb") as w:
    w.write(b"0123456789")
g = FileIO(path, "r+")
print(g.read(3), g.read(), g.read(), g.seek(2), g.readall(), g.seek(-3, 2), g.read(2))
buf = bytearray(4)
g.seek(0)
print(g.readinto(buf), buf, g.truncate(5), g.tell(), g.seek(0), g.readall())
print(g.truncate(), g.seek(0, 2))
for args in [(1.5,), ("x",), (0, 9)]:
    try:
        g.seek(*args)
    except (TypeError, OSError) as e:
        print(type(e).__name__, e)
h = FileIO(g.fileno(), closefd=False)
print(h.name == g.fileno(), h.closefd, h.mode)
h.close()
print(g.closed, g.read(1))
g.close()
for bad in (-1, 3.0, None):
    try:
        FileIO(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    FileIO(path, closefd=False)
except ValueError as e:
    print("ValueError", e)
try:
    FileIO(path, opener=lambda p, fl: -5)
except ValueError as e:
    print("ValueError", e)
seen = []
def opener(p, flags):
    seen.append((p == path, flags & os.O_WRONLY == os.O_WRONLY))
    return os.open(p, flags, 0o600)
with FileIO(path, "w", opener=opener) as k:
    print(seen, k.write(b"via opener"))
with FileIO(path.encode()) as k:
    print(k.name == path.encode(), k.readall(), k._blksize > 0)
os.unlink(path)
