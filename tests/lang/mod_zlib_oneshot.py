# zlib one-shot compress/decompress: CPython-identical bytes at every level and container format.
import zlib

data = bytes(range(256)) * 4 + b"The quick brown fox jumps over the lazy dog. " * 20
for level in range(-1, 10):
    c = zlib.compress(data, level)
    print(level, len(c), zlib.crc32(c), zlib.decompress(c) == data)

# wbits selects zlib (9..15), raw deflate (-9..-15) and gzip (25..31) containers.
for wbits in (9, 12, 15, -9, -15, 25, 31):
    c = zlib.compress(data, 6, wbits)
    back = zlib.decompress(c, wbits)
    print(wbits, len(c), c[:4].hex() if wbits > 0 else "raw", back == data)
# Automatic header detection (wbits + 32) reads zlib and gzip alike.
print(zlib.decompress(zlib.compress(data, 6, 31), 47) == data, zlib.decompress(zlib.compress(data), 47) == data)

print(zlib.compress(b"").hex(), zlib.compress(b"", 0).hex(), zlib.compress(b"a", level=9).hex())
print(zlib.compress(b"abcabcabc", wbits=-15).hex())
print(zlib.decompress(zlib.compress(b"x" * 1000), bufsize=1) == b"x" * 1000)
print(zlib.decompress(zlib.compress(b"x" * 1000), bufsize=0) == b"x" * 1000)
# Trailing data after the stream is ignored by the one-shot function.
print(zlib.decompress(zlib.compress(b"abc") + b"junk"))

# Any bytes-like object is accepted.
print(zlib.compress(bytearray(b"hello")).hex(), zlib.compress(memoryview(b"hello")).hex())
print(zlib.decompress(bytearray(zlib.compress(b"hello"))), zlib.decompress(memoryview(zlib.compress(b"hello"))))
print(zlib.crc32(memoryview(b"abcdefgh")[2:6]), zlib.crc32(b"cdef"))

# Checksums, with running values, masking and the defaults.
print(zlib.crc32(b""), zlib.crc32(b"hello"), zlib.crc32(b"world", zlib.crc32(b"hello ")), zlib.crc32(b"hello world"))
print(zlib.adler32(b""), zlib.adler32(b"hello"), zlib.adler32(b"world", zlib.adler32(b"hello ")))
print(zlib.crc32(b"abc", -1), zlib.crc32(b"abc", 2**40 + 7), zlib.adler32(b"abc", -5))
print(zlib.crc32(data), zlib.adler32(data))

for name in sorted(n for n in dir(zlib) if n.isupper() and not n.endswith("VERSION")):
    print(name, getattr(zlib, name))
print(zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, type(zlib.ZLIB_VERSION).__name__)
print(zlib.error.__module__, zlib.error.__name__, zlib.error.__mro__[1].__name__)
