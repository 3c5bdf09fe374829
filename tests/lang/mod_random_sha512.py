# _sha512 (used to seed random from str/bytes): digests, incremental updates, copies.
from _sha512 import sha512, sha384

print(sha512(b'').hexdigest())
print(sha512(b'abc').hexdigest())
print(sha384(b'abc').hexdigest())
for n in (111, 112, 127, 128, 129, 1000):
    print(n, sha512(b'a' * n).hexdigest()[:32], sha384(b'a' * n).hexdigest()[:32])
h = sha512(b'ab')
h2 = h.copy()
h.update(b'c')
print(h.digest()[:8], h2.hexdigest()[:16], h.name, h.digest_size, h.block_size, sha384().name, sha384().digest_size)
h = sha512()
for i in range(300):
    h.update(bytes([i % 256]) * i)
print(h.hexdigest())
print(sha512(string=b'x', usedforsecurity=False).hexdigest()[:16], sha512(bytearray(b'abc')).hexdigest()[:16])
for bad in [lambda: sha512('x'), lambda: sha512(1), lambda: sha512(b'', b''), lambda: sha512().update()]:
    try:
        bad()
    except TypeError as e:
        print(e)
