# lzma over _lzma (liblzma): formats, checks, presets, filter chains, incremental use and errors.
import io
import lzma

data = b"".join(b"entry %d -> %s\n" % (i, b"q" * (i % 11)) for i in range(300))
for fmt in ("FORMAT_XZ", "FORMAT_ALONE"):
    for preset in (0, 3, 1 | lzma.PRESET_EXTREME):
        c = lzma.compress(data, getattr(lzma, fmt), preset=preset)
        print(fmt, preset, len(c), c[:6].hex(), lzma.decompress(c) == data)
for check in ("CHECK_NONE", "CHECK_CRC32", "CHECK_CRC64", "CHECK_SHA256"):
    c = lzma.compress(data, check=getattr(lzma, check))
    d = lzma.LZMADecompressor()
    print(check, len(c), d.decompress(c) == data, d.check, lzma.is_check_supported(getattr(lzma, check)))
print(lzma.is_check_supported(lzma.CHECK_ID_MAX), lzma.is_check_supported(lzma.CHECK_UNKNOWN))

filters = [
    [{"id": lzma.FILTER_LZMA2, "preset": 1}],
    [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2, "preset": 6}],
    [{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2}],
    [{"id": lzma.FILTER_LZMA2, "dict_size": 1 << 16, "lc": 2, "lp": 1, "pb": 1, "mode": lzma.MODE_FAST,
      "nice_len": 32, "mf": lzma.MF_HC4, "depth": 8}],
    [{"id": lzma.FILTER_ARM, "start_offset": 16}, {"id": lzma.FILTER_LZMA2, "mf": lzma.MF_BT2}],
]
for chain in filters:
    c = lzma.compress(data, filters=chain)
    raw = lzma.compress(data, lzma.FORMAT_RAW, filters=chain)
    print(len(c), len(raw), lzma.decompress(c) == data,
          lzma.decompress(raw, lzma.FORMAT_RAW, filters=chain) == data)
alone = lzma.compress(data, lzma.FORMAT_ALONE, filters=[{"id": lzma.FILTER_LZMA1, "preset": 2}])
print(len(alone), lzma.decompress(alone, lzma.FORMAT_ALONE) == data)

# Filter properties.
for spec in ({"id": lzma.FILTER_LZMA2, "preset": 6}, {"id": lzma.FILTER_LZMA1, "preset": 1},
             {"id": lzma.FILTER_DELTA, "dist": 7}, {"id": lzma.FILTER_X86, "start_offset": 16},
             {"id": lzma.FILTER_LZMA2, "dict_size": 1 << 20}):
    props = lzma._encode_filter_properties(spec)
    print(props.hex(), lzma._decode_filter_properties(spec["id"], props))
print(lzma._decode_filter_properties(lzma.FILTER_X86, b"\x10\0\0\0"))
print(lzma._encode_filter_properties({"id": lzma.FILTER_X86}))  # (decoding b"" crashes CPython 3.11)

# Incremental, with max_length, needs_input and unused_data.
c = lzma.compress(data)
d = lzma.LZMADecompressor()
print(d.check, d.eof, d.needs_input, d.unused_data)
out = [d.decompress(c[:200], 100)]
print(len(out[0]), d.needs_input, d.check)
out.append(d.decompress(c[200:], 1000))
while not d.eof:
    out.append(d.decompress(b"", 1000))
print(b"".join(out) == data, d.eof, d.needs_input, d.unused_data)
try:
    d.decompress(b"x")
except EOFError as e:
    print("EOFError", e)

c = lzma.compress(data)
d = lzma.LZMADecompressor()
print(d.decompress(c + b"garbage after") == data, d.unused_data, d.eof)
d = lzma.LZMADecompressor()
print(b"".join(d.decompress(c[i:i + 13]) for i in range(0, len(c), 13)) == data, d.eof)
print(lzma.decompress(lzma.compress(b"one") + lzma.compress(b"two")))
d = lzma.LZMADecompressor()
print(d.decompress(c, 0), d.needs_input, len(d.decompress(b"", 5)), d.needs_input)

comp = lzma.LZMACompressor(lzma.FORMAT_XZ, lzma.CHECK_CRC32, 3)
parts = [comp.compress(bytearray(data[i:i + 512])) for i in range(0, len(data), 512)]
parts.append(comp.flush())
print(lzma.decompress(b"".join(parts)) == data, len(b"".join(parts)))
for f in (lambda: comp.compress(b"x"), comp.flush):
    try:
        f()
    except ValueError as e:
        print("ValueError", e)

bio = io.BytesIO()
with lzma.LZMAFile(bio, "w", preset=1) as f:
    f.write(data)
bio.seek(0)
with lzma.open(bio) as f:
    print(f.read(6), f.readline(), len(f.read()))
with lzma.open(io.BytesIO(lzma.compress("ünïcode\n".encode())), "rt", encoding="utf-8") as f:
    print(repr(f.read()))

for bad in (b"not xz at all, not at all", lzma.compress(data)[:-20], lzma.compress(data)[:30] + b"\0" * 50):
    try:
        print(len(lzma.decompress(bad)))
    except Exception as e:
        print(type(e).__name__, e)
print(lzma.LZMAError.__module__, lzma.LZMAError.__mro__[1].__name__)
for name in sorted(n for n in dir(lzma) if n.isupper()):
    print(name, getattr(lzma, name))
