# hashlib over _hashlib (OpenSSL) and the builtin _md5/_sha1/_sha256/_sha512/_sha3/_blake2 modules.
# gcstress-every: 5
import hashlib
import io

msgs = [b"", b"abc", b"The quick brown fox jumps over the lazy dog", bytes(range(256)) * 5]
names = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384",
         "sha3_512", "blake2b", "blake2s"]
for name in names:
    for m in msgs:
        h = hashlib.new(name, m)
        print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    ctor = getattr(hashlib, name)
    h = ctor()
    for m in msgs:
        h.update(m)
    c = h.copy()
    c.update(b"more")
    print(name, h.hexdigest() == ctor(b"".join(msgs)).hexdigest(), c.digest() == ctor(b"".join(msgs) + b"more").digest())
    print(type(h.digest()).__name__, len(h.digest()), h.digest() == bytes.fromhex(h.hexdigest()))

for name in ("shake_128", "shake_256"):
    h = hashlib.new(name, b"abc")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest(10), h.digest(0), len(h.digest(1000)))
    c = h.copy()
    c.update(b"def")
    print(c.hexdigest(16) == getattr(hashlib, name)(b"abcdef").hexdigest(16), h.hexdigest(16))

# Other spellings and OpenSSL-only digests.
for name in ("SHA256", "MD5", "sha512_256", "sha512_224", "ripemd160", "md5-sha1", "sm3", "blake2b512", "blake2s256"):
    h = hashlib.new(name, b"abc")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())

# Buffers of all kinds, and usedforsecurity.
for data in (b"xyz", bytearray(b"xyz"), memoryview(b"..xyz..")[2:5], io.BytesIO(b"xyz").getbuffer()):
    print(hashlib.sha256(data).hexdigest()[:16], hashlib.md5(data, usedforsecurity=False).hexdigest()[:16])
print(hashlib.new("sha1", b"a", usedforsecurity=False).hexdigest())
print(hashlib.sha3_256(b"a", usedforsecurity=False).hexdigest())
print(hashlib.sha256(string=b"kw").hexdigest())

# Large input in pieces equals one-shot.
big = bytes(range(251)) * 4000
for name in ("md5", "sha1", "sha256", "sha512", "sha3_256", "blake2b", "blake2s"):
    h = hashlib.new(name)
    for i in range(0, len(big), 777):
        h.update(big[i:i + 777])
    print(name, h.hexdigest() == hashlib.new(name, big).hexdigest(), hashlib.new(name, big).hexdigest()[:20])

print(hashlib.file_digest(io.BytesIO(b"file contents" * 1000), "sha256").hexdigest())
print(hashlib.file_digest(io.BytesIO(b"abc"), hashlib.sha1).hexdigest())
print(sorted(hashlib.algorithms_guaranteed))
print(sorted(hashlib.algorithms_available))
print(type(hashlib.sha256()).__name__, type(hashlib.md5()).__module__, type(hashlib.shake_128()).__name__,
      type(hashlib.blake2b()).__name__, type(hashlib.blake2b()).__module__)
