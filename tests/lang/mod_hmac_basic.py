# hmac over _hashlib.hmac_new (OpenSSL), plus the pure-Python path for other digest modules.
import hashlib
import hmac
import _hashlib

key = b"key"
msg = b"The quick brown fox jumps over the lazy dog"
for dm in ("md5", "sha1", "sha256", "sha512", "sha3_256", hashlib.sha224, "blake2b", hashlib.blake2s):
    h = hmac.new(key, msg, dm)
    print(h.name, h.digest_size, h.block_size, h.hexdigest())
    h2 = hmac.new(key, digestmod=dm)
    h2.update(msg[:10])
    c = h2.copy()
    h2.update(msg[10:])
    print(h2.hexdigest() == h.hexdigest(), c.hexdigest() == hmac.new(key, msg[:10], dm).hexdigest())
    print(hmac.digest(key, msg, dm).hex() == h.hexdigest(), hmac.compare_digest(h.digest(), h2.digest()))
# Long keys are hashed first; empty keys and messages.
print(hmac.new(b"k" * 200, b"m", "sha256").hexdigest())
print(hmac.new(b"", b"", "sha1").hexdigest())
print(hmac.new(bytearray(b"key"), memoryview(b"msg"), "md5").hexdigest())
# _hashlib directly.
h = _hashlib.hmac_new(b"key", b"msg", "sha256")
print(type(h).__name__, h.name, h.digest_size, h.block_size, h.hexdigest(), h.digest() == h.copy().digest())
print(_hashlib.hmac_digest(b"key", b"msg", "sha384").hex())
print(_hashlib.hmac_new(b"key", digestmod=_hashlib.openssl_sha1).name)
print(_hashlib.hmac_new(b"key", digestmod=hashlib.sha512).hexdigest()[:20])
print(hmac.HMAC(b"key", b"msg", digestmod="sha256").hexdigest())
for src in ('hmac.new(b"k")', 'hmac.new("k", digestmod="sha1")', 'hmac.new(b"k", digestmod="nope")',
            '_hashlib.hmac_new(b"k")', '_hashlib.hmac_new(b"k", digestmod="nope")', '_hashlib.hmac_new("k", digestmod="md5")',
            '_hashlib.hmac_new(b"k", "m", "md5")', '_hashlib.hmac_new(b"k", digestmod=5)',
            '_hashlib.hmac_new(b"k", digestmod=len)', '_hashlib.hmac_digest(b"k", b"m", "nope")',
            '_hashlib.hmac_new(b"k", digestmod="md5").update("s")', '_hashlib.hmac_new(b"k", digestmod="md5").update()',
            'hmac.compare_digest("abc", "abc")', 'hmac.compare_digest(b"abc", "abc")', 'hmac.digest(b"k", b"m", "nope")',
            'hmac.new(b"k", digestmod="sha256").name', 'hmac.new(b"k", digestmod=hashlib.md5).name'):
    try:
        print(src, "->", eval(src))
    except Exception as e:
        print(src, "->", type(e).__name__, e)

# PBKDF2-HMAC (RFC 6070 vectors and others) and scrypt (RFC 7914, small parameters).
for name in ("sha1", "sha256", "sha512", "md5", "sha3_256"):
    print(name, hashlib.pbkdf2_hmac(name, b"password", b"salt", 1).hex(),
          hashlib.pbkdf2_hmac(name, b"password", b"salt", 2, 20).hex())
print(hashlib.pbkdf2_hmac("sha1", b"passwordPASSWORDpassword", b"saltSALTsaltSALTsaltSALTsaltSALTsalt", 64, 25).hex())
print(hashlib.pbkdf2_hmac("sha256", bytearray(b"pw"), memoryview(b"na\0cl"), 10, dklen=70).hex())
print(hashlib.pbkdf2_hmac(hash_name="sha256", password=b"p", salt=b"s", iterations=3, dklen=None).hex())
print(hashlib.scrypt(b"", salt=b"", n=16, r=1, p=1).hex())
print(hashlib.scrypt(b"password", salt=b"NaCl", n=64, r=8, p=2, dklen=32).hex())
print(hashlib.scrypt(bytearray(b"pw"), salt=memoryview(b"s"), n=4, r=2, p=1, maxmem=2**25, dklen=10).hex())
