# bz2 over _bz2 (libbz2): one-shot and incremental compression, max_length, needs_input, unused_data, errors.
import bz2
import io

data = b"".join(b"%d bottles of beer on the wall\n" % i for i in range(400))
for level in (1, 5, 9):
    c = bz2.compress(data, level)
    print(level, len(c), c[:10].hex(), bz2.decompress(c) == data)
print(bz2.compress(b"").hex())
print(bz2.decompress(bz2.compress(b"a") + bz2.compress(b"b")))
print(bz2.decompress(b""))

comp = bz2.BZ2Compressor(3)
parts = [comp.compress(data[i:i + 500]) for i in range(0, len(data), 500)]
parts.append(comp.flush())
out = b"".join(parts)
print([len(p) for p in parts][-3:], out == bz2.compress(data, 3))
for f in (lambda: comp.compress(b"x"), comp.flush):
    try:
        f()
    except ValueError as e:
        print("ValueError", e)

c = bz2.compress(data)
d = bz2.BZ2Decompressor()
print(d.eof, d.needs_input, d.unused_data)
got = [d.decompress(c[:100], 50)]
print(len(got[0]), d.needs_input)
while not d.eof:
    got.append(d.decompress(b"" if not d.needs_input else c[100:], 4000))
    c = c[:100] if d.needs_input is False else c
print(b"".join(got) == data, d.eof, d.needs_input, d.unused_data)
try:
    d.decompress(b"x")
except EOFError as e:
    print("EOFError", e)

d = bz2.BZ2Decompressor()
c = bz2.compress(data)
print(d.decompress(c + b"extra bytes") == data, d.unused_data, d.needs_input)

d = bz2.BZ2Decompressor()
out = b"".join(d.decompress(c[i:i + 7]) for i in range(0, len(c), 7))
print(out == data, d.eof)

d = bz2.BZ2Decompressor()
print(d.decompress(bytearray(c[:20])), d.needs_input)
print(len(d.decompress(memoryview(c)[20:], 0)), d.needs_input)

bio = io.BytesIO()
with bz2.BZ2File(bio, "wb", compresslevel=9) as f:
    f.write(data)
bio.seek(0)
with bz2.BZ2File(bio) as f:
    print(f.read(10), f.readline(), f.peek(1)[:1])
    f.seek(1000)
    print(f.read(10), len(f.read()))
with bz2.open(io.BytesIO(bz2.compress("καλημέρα\n".encode() * 3)), "rt", encoding="utf-8") as f:
    print(f.read())

for bad in (b"BZh9garbage garbage", b"not bzip2", bz2.compress(data)[:-10]):
    try:
        print(len(bz2.decompress(bad)))
    except Exception as e:
        print(type(e).__name__, e)
for src in ("bz2.BZ2Compressor(0)", "bz2.BZ2Compressor(10)", "bz2.BZ2Compressor('9')", "bz2.BZ2Compressor(1, 2)",
            "bz2.BZ2Compressor(compresslevel=3)", "bz2.BZ2Decompressor(1)", "bz2.BZ2Decompressor().decompress('s')",
            "bz2.BZ2Compressor().compress('s')", "bz2.BZ2Decompressor().decompress(b'', max_length='a')",
            "bz2.compress(b'', 0)"):
    try:
        print(src, eval(src))
    except Exception as e:
        print(src, type(e).__name__, e)

try:
    class MyComp(bz2.BZ2Compressor):
        pass
except TypeError as e:
    print("TypeError", e)
