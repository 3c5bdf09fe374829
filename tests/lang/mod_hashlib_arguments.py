# _hashlib, _blake2, _sha3 and friends: argument handling of methods and functions, as CPython 3.11 words it.
import _hashlib, _blake2, _sha3, _md5, _sha1, _sha256, hashlib
h = _hashlib.hmac_new(b"k", digestmod="md5")
for src in ("h.copy(1)", "h.digest(1)", "h.hexdigest(1)", "h.update(msg=b'x')", "h.update(b'a', b'b')", "h.name", "h.block_size",
            "_blake2.blake2b().copy(1)", "_blake2.blake2s().hexdigest(1)", "_sha3.sha3_256().copy(1)", "_sha3.shake_128().hexdigest()",
            "_sha3.shake_128().digest(1, 2)", "_hashlib.new()", "_hashlib.hmac_digest(b'k', b'm')", "_hashlib.hmac_new()",
            "_hashlib.pbkdf2_hmac(hash_name='sha1', password=b'p', salt=b's', iterations=1).hex()", "_md5.md5(usedforsecurity=0).name",
            "_sha256.sha256(b'x', usedforsecurity=False).hexdigest()", "_sha1.sha1().digest_size", "_sha1.sha1().block_size",
            "_sha256.sha224().name", "_hashlib.new('sha256').copy().name", "_hashlib.new('shake_256').copy().digest(3)",
            "_hashlib.new('shake_256').hexdigest(length=2)", "_hashlib.HASHXOF.__mro__", "_hashlib.new('md5').update(memoryview(b'abc')[::2])",
            "_hashlib.compare_digest(a=b'', b=b'')", "_hashlib.get_fips_mode(1)", "_hashlib.scrypt()",
            "_blake2.blake2b(b'abc', digest_size=32).hexdigest()", "_blake2.blake2b.__name__", "_blake2.blake2b().__class__.__module__"):
    try:
        print(src, "->", eval(src))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
