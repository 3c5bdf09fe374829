# _blake2: digest_size, key, salt, person and the tree-hashing parameters of BLAKE2b and BLAKE2s.
from hashlib import blake2b, blake2s

data = b"".join(b"blake2 %d " % i for i in range(100))
for ctor in (blake2b, blake2s):
    n = ctor.MAX_DIGEST_SIZE
    print(ctor.__name__, ctor.MAX_KEY_SIZE, ctor.SALT_SIZE, ctor.PERSON_SIZE, n)
    for ds in (1, 7, 16, n // 2, n):
        print(ds, ctor(data, digest_size=ds).hexdigest())
    print(ctor(b"abc", key=b"secret").hexdigest())
    print(ctor(b"abc", key=b"k" * n).hexdigest())
    print(ctor(key=b"secret").hexdigest())
    print(ctor(b"abc", salt=b"salty").hexdigest())
    print(ctor(b"abc", person=b"me").hexdigest())
    print(ctor(b"abc", salt=b"s" * ctor.SALT_SIZE, person=b"p" * ctor.PERSON_SIZE).hexdigest())
    print(ctor(data, key=b"key", salt=b"salt", person=b"person", digest_size=20).hexdigest())
    for kw in ({"fanout": 0}, {"fanout": 2, "depth": 2, "leaf_size": 4096}, {"node_offset": 1},
               {"node_depth": 1, "inner_size": n}, {"last_node": True}, {"fanout": 255, "depth": 255},
               {"node_offset": 2 ** 32 - 1}, {"leaf_size": 2 ** 32 - 1}):
        print(sorted(kw.items()), ctor(b"tree", **kw).hexdigest())
    h = ctor(digest_size=10, key=b"kk")
    h.update(data[:50])
    c = h.copy()
    h.update(data[50:])
    print(h.hexdigest() == ctor(data, digest_size=10, key=b"kk").hexdigest(), c.hexdigest(), c.name,
          c.digest_size, c.block_size)
    # Updates that cross and land on block boundaries.
    bs = ctor().block_size
    for cut in (0, 1, bs - 1, bs, bs + 1, 2 * bs):
        h = ctor()
        h.update(data[:cut])
        h.update(data[cut:3 * bs])
        print(cut, h.hexdigest() == ctor(data[:3 * bs]).hexdigest())
    print(ctor(memoryview(data)[3:40], usedforsecurity=False).hexdigest())
print(blake2b(node_offset=2 ** 64 - 1).hexdigest()[:32])
print(blake2s(node_offset=2 ** 48 - 1).hexdigest())
