# What buffering does, seen through tell() of the buffered object and of the raw file below.
import os

path = "/tmp/taipan_io_buffering_%d.bin" % os.getpid()
with open(path, "wb", buffering=16) as w:
    print(w.write(b"abc"), w.tell(), w.raw.tell())
    print(w.write(b"0123456789abc"), w.tell(), w.raw.tell())
    print(w.write(b"x" * 40), w.tell(), w.raw.tell())
    w.flush()
    print(w.tell(), w.raw.tell())
    w.seek(5)
    w.write(b"!")
    print(w.tell(), w.raw.tell())
with open(path, "rb", buffering=16) as r:
    print(r.read(1), r.tell(), r.raw.tell())
    print(len(r.read(20)), r.tell(), r.raw.tell())
    print(len(r.read1(100)), r.tell(), r.raw.tell())
    print(len(r.peek(1)), r.tell(), r.raw.tell())
    r.seek(3)
    print(r.tell(), r.raw.tell(), r.read(2))
with open(path, "r+b", buffering=16) as rw:
    print(rw.read(2), rw.tell(), rw.raw.tell())
    rw.write(b"ZZ")
    print(rw.tell(), rw.raw.tell())
    print(rw.read(2), rw.tell(), rw.raw.tell())
    rw.flush()
    print(rw.tell(), rw.raw.tell())
with open(path, "rb", buffering=0) as u:
    print(type(u).__name__, u.read(6))
# Text files keep written text aside until a flush, a full chunk, or a newline with line buffering.
with open(path, "w") as t:
    t.write("abc\n")
    print(t.buffer.tell(), t.buffer.raw.tell())
    t.flush()
    print(t.buffer.tell(), t.buffer.raw.tell())
with open(path, "w", buffering=1) as t:
    print(t.line_buffering)
    t.write("no newline")
    print(t.buffer.raw.tell())
    t.write(" now\n")
    print(t.buffer.raw.tell())
with open(path) as t:
    print(repr(t.readline()), t.buffer.tell(), t.tell())
os.unlink(path)
