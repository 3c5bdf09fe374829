# zlib.compressobj / decompressobj: flush modes, copy, max_length, unused_data, unconsumed_tail, eof, zdict.
# gcstress-every: 5
import copy
import zlib

data = b"".join(b"line %d: %s\n" % (i, b"abc" * (i % 7)) for i in range(300))

# Streaming in pieces gives the same bytes as one shot at the same settings.
co = zlib.compressobj(6)
parts = [co.compress(data[i:i + 100]) for i in range(0, len(data), 100)]
out = b"".join(parts) + co.flush()
print(out == zlib.compress(data, 6), [len(p) for p in parts if p])

# Flush modes.
for mode in ("Z_NO_FLUSH", "Z_SYNC_FLUSH", "Z_FULL_FLUSH", "Z_PARTIAL_FLUSH", "Z_BLOCK"):
    co = zlib.compressobj()
    a = co.compress(b"hello hello hello")
    b = co.flush(getattr(zlib, mode))
    c = co.compress(b" world")
    d = co.flush()
    print(mode, a.hex(), b.hex(), c.hex(), d.hex(), zlib.decompress(a + b + c + d))

# All compressobj parameters.
for kw in ({"level": 1, "memLevel": 1}, {"strategy": zlib.Z_FILTERED}, {"strategy": zlib.Z_HUFFMAN_ONLY},
           {"strategy": zlib.Z_RLE}, {"strategy": zlib.Z_FIXED}, {"wbits": -9}, {"wbits": 31, "level": 9},
           {"method": zlib.DEFLATED, "memLevel": 9}):
    co = zlib.compressobj(**kw)
    c = co.compress(data) + co.flush()
    print(sorted(kw.items()), len(c), zlib.crc32(c))

# copy(): two continuations of one state.
co = zlib.compressobj()
head = co.compress(b"common prefix " * 10)
c1 = co.copy()
c2 = copy.copy(co)
c3 = copy.deepcopy(co)
x1 = head + c1.compress(b"one") + c1.flush()
x2 = head + c2.compress(b"two") + c2.flush()
x3 = head + c3.flush()
print(zlib.decompress(x1)[-10:], zlib.decompress(x2)[-10:], zlib.decompress(x3)[-10:])
try:
    c1.copy()
except ValueError as e:
    print("ValueError", e)

# Decompression with max_length and unconsumed_tail.
comp = zlib.compress(data)
d = zlib.decompressobj()
chunks = []
buf = comp
while buf:
    chunk = d.decompress(buf, 1000)
    chunks.append(len(chunk))
    buf = d.unconsumed_tail
print(chunks, d.eof, d.unused_data)
print(d.flush())

# Byte-at-a-time input.
d = zlib.decompressobj()
out = b"".join(d.decompress(comp[i:i + 1]) for i in range(len(comp)))
print(out == data, d.eof, d.unused_data, d.unconsumed_tail)
print(d.decompress(b"more"), d.unused_data)
print(d.decompress(b"again"), d.unused_data, d.eof)

# unused_data after the end, split across calls.
d = zlib.decompressobj()
print(d.decompress(comp[:50]) == data[:len(d.decompress(b""))] or True, d.eof)
rest = d.decompress(comp[50:] + b"trailing")
print(d.eof, d.unused_data, d.unconsumed_tail)

# flush() finishes what max_length held back.
d = zlib.decompressobj()
first = d.decompress(comp, 10)
rest = d.flush()
print(len(first), len(rest), first + rest == data, d.eof, d.unconsumed_tail)
print(zlib.decompressobj().flush(), zlib.decompressobj().flush(1))

# Truncated stream: decompress does not raise, eof stays False.
d = zlib.decompressobj()
part = d.decompress(comp[:-10])
print(len(part) < len(data), d.eof, d.flush() == b"" or True, d.eof)

# Decompressor copy.
d = zlib.decompressobj()
a = d.decompress(comp[:100])
e = d.copy()
print(a + d.decompress(comp[100:]) == data, a + e.decompress(comp[100:]) == data)
f = copy.deepcopy(e)
print(f.eof, f.unused_data)

# Preset dictionaries.
zd = b"line abcabcabc"
co = zlib.compressobj(zdict=zd)
c = co.compress(data) + co.flush()
print(len(c), zlib.crc32(c))
print(zlib.decompressobj(zdict=zd).decompress(c) == data, zlib.decompressobj(zdict=bytearray(zd)).decompress(c) == data)
try:
    zlib.decompressobj().decompress(c)
except zlib.error as e:
    print("error", e)
co = zlib.compressobj(wbits=-15, zdict=zd)
c = co.compress(data) + co.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(c) == data)
try:
    print(zlib.decompressobj(wbits=-15, zdict=b"other").decompress(c) == data)
except zlib.error as e:
    print("error", e)

# Objects after finishing.
co = zlib.compressobj()
co.compress(b"x")
co.flush()
for f in (lambda: co.compress(b"y"), lambda: co.flush(), co.copy):
    try:
        print(f())
    except (zlib.error, ValueError) as e:
        print(type(e).__name__, e)
print(zlib.compressobj().flush(zlib.Z_NO_FLUSH))
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__, type(zlib.compressobj()).__module__)
