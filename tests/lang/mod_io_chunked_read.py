# Reading a file in fixed-size chunks, with read(), read1(), readinto() and peek().
import os

path = "/tmp/taipan_io_chunks_%d.bin" % os.getpid()
data = bytes(i % 251 for i in range(50000))
with open(path, "wb") as f:
    f.write(data)
with open(path, "rb") as f:
    chunks = []
    while True:
        chunk = f.read(4096)
        if not chunk:
            break
        chunks.append(len(chunk))
    print(len(chunks), chunks[-1], f.tell())
with open(path, "rb") as f:
    got = b"".join(iter(lambda: f.read(1000), b""))
    print(got == data)
with open(path, "rb") as f:
    sizes = []
    while True:
        c = f.read1(10000)
        if not c:
            break
        sizes.append(len(c))
    print(sum(sizes), max(sizes) <= 10000)
with open(path, "rb") as f:
    buf = bytearray(7000)
    total = 0
    while True:
        n = f.readinto(buf)
        if not n:
            break
        total += n
    print(total, n)
    f.seek(0)
    view = memoryview(buf)
    print(f.readinto(view[:10]), bytes(view[:3]), f.readinto1(view[10:20]), f.tell())
with open(path, "rb") as f:
    print(len(f.peek(5)) >= 5, f.tell(), f.read(3), f.peek(1)[:1], f.tell())
with open(path) as f:
    try:
        f.read()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e.reason, e.start)
with open(path, encoding="latin-1") as f:
    parts = []
    while True:
        s = f.read(3000)
        if not s:
            break
        parts.append(s)
    print(len(parts), "".join(parts).encode("latin-1") == data)
os.unlink(path)
