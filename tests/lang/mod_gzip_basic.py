# gzip over zlib: compress/decompress, GzipFile in memory and on disk, multiple members, bad data.
import gzip
import io
import os

data = b"".join(b"record %04d %s\n" % (i, b"xyz" * (i % 5)) for i in range(200))
c = gzip.compress(data, mtime=0)
print(len(c), c[:10].hex(), gzip.decompress(c) == data)
for level in (0, 1, 6, 9):
    print(level, gzip.compress(data, level, mtime=0).hex()[-40:])
print(gzip.decompress(gzip.compress(b"a", mtime=0) + gzip.compress(b"b", mtime=0)))

bio = io.BytesIO()
with gzip.GzipFile(fileobj=bio, mode="wb", mtime=12345, filename="name.txt") as f:
    f.write(data[:100])
    f.write(memoryview(data)[100:])
raw = bio.getvalue()
print(len(raw), raw[:24])
bio.seek(0)
with gzip.GzipFile(fileobj=bio) as f:
    print(f.read(11), f.readline(), f.tell())
    f.seek(500)
    print(f.read(12), f.mtime, f.name)
    print(len(f.read()))

path = "/tmp/taipan_gzip_test_%d.gz" % os.getpid()
try:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("héllo\nwörld\n" * 3)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        print(f.readlines())
    with gzip.open(path, "ab") as f:
        f.write(b"appended member\n")
    with gzip.open(path, "rb") as f:
        print(f.read()[-30:])
finally:
    os.unlink(path)

for bad in (b"not gzip at all", c[:5], c[:-4], c[:-8] + b"\0\0\0\0" + c[-4:], b"\x1f\x8b\x09" + c[3:]):
    try:
        gzip.decompress(bad)
        print("ok?")
    except Exception as e:
        print(type(e).__name__, e)
