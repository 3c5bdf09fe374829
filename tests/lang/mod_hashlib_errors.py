# hashlib, _hashlib and the builtin hash modules: argument checking and messages as CPython 3.11 words them.
import hashlib
import _hashlib
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2

cases = [
    'hashlib.new("nope")', 'hashlib.new("nope", b"x")', '_hashlib.new("nope")', '_hashlib.new(5)',
    'hashlib.sha256("str")', 'hashlib.sha256(5)', 'hashlib.sha256(None)', 'hashlib.sha256().update("s")',
    'hashlib.sha256().update(5)', 'hashlib.sha256().update()', 'hashlib.sha256().update(b"a", b"b")',
    'hashlib.sha256(b"", b"")', 'hashlib.sha256(bad=1)', 'hashlib.sha256(b"", usedforsecurity=False, x=1)',
    'hashlib.md5().digest(5)', 'hashlib.md5().hexdigest(5)', 'hashlib.md5().copy(1)',
    'hashlib.shake_128().digest()', 'hashlib.shake_128().hexdigest()', 'hashlib.shake_128().digest(-1)',
    'hashlib.shake_128().digest("a")', 'hashlib.shake_256().hexdigest(2**63)', 'hashlib.shake_128().digest(1.5)',
    'hashlib.new("sha256", "text")', 'hashlib.new("blake2b", b"", digest_size=3).hexdigest()',
    'hashlib.new("md5", b"", digest_size=3)', '_hashlib.new(name="md5", string=b"kw").hexdigest()',
    '_hashlib.openssl_md5("x")', '_hashlib.openssl_sha1(b"a", b"b")', '_hashlib.HASH()', '_hashlib.HASHXOF()',
    '_hashlib.HMAC()', '_md5.md5("s")', '_md5.md5(b"", b"")', '_sha1.sha1(string=b"k").hexdigest()',
    '_sha256.sha224(1)', '_sha512.sha512("s")', '_sha3.sha3_224("s")', '_sha3.sha3_224(b"", b"")',
    '_sha3.sha3_224(string=b"")', '_sha3.shake_128().digest()', '_sha3.shake_128().hexdigest(-5)',
    '_sha3.shake_256().digest(2**40)', '_sha3.sha3_256().update("x")', '_md5.md5().update(None)',
    '_md5.MD5Type()', '_sha3.sha3_224.__name__', '_sha1.SHA1Type.__name__', '_sha256.SHA256Type.__module__',
    '_blake2.blake2b(digest_size=0)', '_blake2.blake2b(digest_size=65)', '_blake2.blake2s(digest_size=33)',
    '_blake2.blake2b(key=b"k" * 65)', '_blake2.blake2s(key=b"k" * 33)', '_blake2.blake2b(salt=b"s" * 17)',
    '_blake2.blake2s(salt=b"s" * 9)', '_blake2.blake2b(person=b"p" * 17)', '_blake2.blake2s(person=b"p" * 9)',
    '_blake2.blake2b(fanout=-1)', '_blake2.blake2b(fanout=256)', '_blake2.blake2b(depth=0)', '_blake2.blake2b(depth=256)',
    '_blake2.blake2b(leaf_size=-1)', '_blake2.blake2b(leaf_size=2**32)', '_blake2.blake2s(node_offset=2**48)',
    '_blake2.blake2b(node_offset=-1)', '_blake2.blake2b(node_depth=256)', '_blake2.blake2b(inner_size=65)',
    '_blake2.blake2s(inner_size=33)', '_blake2.blake2b(key="str")', '_blake2.blake2b("str")',
    '_blake2.blake2b(b"", b"")', '_blake2.blake2b(data=b"")', '_blake2.blake2b(digest_size="a")',
    '_blake2.blake2b().update("s")', '_blake2.blake2b(bad=1)', '_blake2.blake2b(last_node=[])',
    '_blake2.blake2b(digest_size=2**70)', '_blake2.blake2b(node_offset=2**64)',
    'hashlib.pbkdf2_hmac("sha256", b"p", b"s", 0)', 'hashlib.pbkdf2_hmac("sha256", b"p", b"s", -1)',
    'hashlib.pbkdf2_hmac("sha256", b"p", b"s", 1, 0)', 'hashlib.pbkdf2_hmac("sha256", b"p", b"s", 1, -3)',
    'hashlib.pbkdf2_hmac("nope", b"p", b"s", 1)', 'hashlib.pbkdf2_hmac(1, b"p", b"s", 1)',
    'hashlib.pbkdf2_hmac("sha1", "p", b"s", 1)', 'hashlib.pbkdf2_hmac("sha1", b"p", "s", 1)',
    'hashlib.pbkdf2_hmac("sha1", b"p", b"s", 2**40)', 'hashlib.pbkdf2_hmac("sha1", b"p", b"s", 1, 2**40)',
    'hashlib.pbkdf2_hmac("sha1", b"p", b"s", 1.0)', 'hashlib.pbkdf2_hmac("sha1", b"p", b"s")',
    'hashlib.scrypt(b"p", salt=b"s", n=2, r=1, p=1).hex()', 'hashlib.scrypt(b"p", salt=b"s", n=3, r=1, p=1)',
    'hashlib.scrypt(b"p", n=2, r=1, p=1)', 'hashlib.scrypt(b"p", salt=b"s", r=1, p=1)',
    'hashlib.scrypt(b"p", salt=b"s", n=2, p=1)', 'hashlib.scrypt(b"p", salt=b"s", n=2, r=1)',
    'hashlib.scrypt(b"p", salt=b"s", n=2, r=1, p=1, dklen=0)', 'hashlib.scrypt("p", salt=b"s", n=2, r=1, p=1)',
    'hashlib.scrypt(b"p", b"s", 2, 1, 1)', 'hashlib.scrypt(b"p", salt=b"s", n=2, r=1, p=1, maxmem=-1)',
    'hashlib.scrypt(b"p", salt=b"s", n=2, r=1, p=1, maxmem=2**40)',
    'hashlib.scrypt(b"p", salt=b"s", n=1, r=1, p=1)', 'hashlib.scrypt(b"p", salt=b"s", n=2, r=0, p=1)',
    '_hashlib.compare_digest(b"a", b"a")', '_hashlib.compare_digest("a", "b")', '_hashlib.compare_digest("a", b"a")',
    '_hashlib.compare_digest(1, 2)', '_hashlib.compare_digest("\xe9", "\xe9")', '_hashlib.compare_digest(b"ab", b"a")',
    '_hashlib.compare_digest(bytearray(b"x"), memoryview(b"x"))', '_hashlib.compare_digest(b"a")',
    '_hashlib.get_fips_mode()', 'sorted(_hashlib.openssl_md_meth_names)[:3]', 'type(_hashlib.openssl_md_meth_names)',
    'sorted(_hashlib._constructors.values())', 'type(_hashlib._constructors)',
    '_hashlib.UnsupportedDigestmodError.__mro__', 'hashlib.sha256().name', 'hashlib.sha256().name.__class__',
    'hashlib.sha256().__class__.__module__', 'hashlib.sha256.__name__',
    'hashlib.sha3_256().block_size', 'hashlib.sha3_256()._capacity_bits', '_sha3.shake_256()._rate_bits',
    '_sha3.sha3_384()._suffix', '_blake2.BLAKE2B_SALT_SIZE', '_blake2.BLAKE2S_MAX_KEY_SIZE',
    '_blake2.blake2b.MAX_DIGEST_SIZE', '_blake2.blake2s.PERSON_SIZE', 'hashlib.blake2b().name',
    'hashlib.blake2s(digest_size=20).digest_size', 'hashlib.sha256().digest_size.__class__',
    'hashlib.sha256 is _hashlib.openssl_sha256', 'hashlib.blake2b is _blake2.blake2b',
    'hashlib.sha256().nonexistent', 'setattr(hashlib.sha256(), "name", "x")', 'hash(hashlib.md5()) != 0',
    'hashlib.md5() == hashlib.md5()', 'class X(_hashlib.HASH): pass',
]
for src in cases:
    try:
        if src.startswith("class"):
            exec(src)
            r = "ok"
        else:
            r = eval(src)
        print(src, "->", r if isinstance(r, (str, int, bool, tuple, list, type)) else type(r).__name__)
    except Exception as e:
        print(src, "->", type(e).__name__, e)
