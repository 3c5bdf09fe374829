/* hash_builtin.c - the _md5, _sha1, _sha256 and _sha3 modules: hashlib's fallback constructors, over OpenSSL's digests. */
#include "hash.h"
#include "datamod.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/module.h"
#include "../gc/gc.h"

#include <string.h>

/*
 * CPython ships its own implementations of these (HACL*, tiny_sha3);
 * Taipan computes the same functions with libcrypto, which is faster, and
 * keeps CPython's module layout: _md5.md5() is a function returning a
 * `_md5.md5` object, while _sha3's classes are instantiated directly.
 * _sha512 has its own C implementation (sha512.c), which random.py needs
 * at start-up.  Every type uses HashObject (hash.h); the algorithm comes
 * from the context, so the names below only pick the digest to fetch.
 */

static const MethodDef hash_methods[] = {
    {"copy", hash_copy_m, 0, "Return a copy of the hash object."},
    {"digest", hash_digest_m, 0, "Return the digest value as a bytes object."},
    {"hexdigest", hash_hexdigest_m, 0, "Return the digest value as a string of hexadecimal digits."},
    {"update", hash_update_m, 0, "Update this hash object's state with the provided string."},
    {NULL},
};

static const GetSetDef hash_getsets[] = {
    {"name", hash_get_name, NULL, NULL},
    {"digest_size", hash_get_digest_size, NULL, NULL},
    {"block_size", hash_get_block_size, NULL, NULL},
    {NULL},
};

#define MODULE_HASH_TYPE(var, tname)                                                                         \
    static Type var = {                                                                                      \
        .hdr = {0, &type_type},                                                                              \
        .name = tname,                                                                                       \
        .basicsize = sizeof(HashObject),                                                                     \
        .finalize = hash_finalize,                                                                           \
        .new = clib_no_new,                                                                                  \
        .methods = hash_methods,                                                                             \
        .getsets = hash_getsets,                                                                             \
    }

MODULE_HASH_TYPE(type_md5, "_md5.md5");
MODULE_HASH_TYPE(type_sha1, "_sha1.sha1");
MODULE_HASH_TYPE(type_sha224, "_sha256.sha224");
MODULE_HASH_TYPE(type_sha256, "_sha256.sha256");

/* md5(string=b'', *, usedforsecurity=True) and its siblings. */
static Value make(Type *t, const char *fname, const char *digest, Value *args, size_t nargs, Value kw) {
    Value data;
    bool ufs;
    if (hash_ctor_args(fname, args, nargs, kw, false, &data, &ufs) < 0) return VNULL;
    EVP_MD *md = hash_fetch(digest, ufs);
    if (!md) return VNULL;
    Value r = hash_new(t, md, data);
    EVP_MD_free(md);
    return r;
}

static Value md5_f(Value m, Value *a, size_t n, Value kw) { return make(&type_md5, "md5", "md5", a, n, kw); }
static Value sha1_f(Value m, Value *a, size_t n, Value kw) { return make(&type_sha1, "sha1", "sha1", a, n, kw); }
static Value sha224_f(Value m, Value *a, size_t n, Value kw) {
    return make(&type_sha224, "sha224", "sha224", a, n, kw);
}
static Value sha256_f(Value m, Value *a, size_t n, Value kw) {
    return make(&type_sha256, "sha256", "sha256", a, n, kw);
}

static const MethodDef md5_functions[] = {
    {"md5", md5_f, 0, "Return a new MD5 hash object; optionally initialized with a string."}, {NULL}};
static const MethodDef sha1_functions[] = {
    {"sha1", sha1_f, 0, "Return a new SHA1 hash object; optionally initialized with a string."}, {NULL}};
static const MethodDef sha256_functions[] = {
    {"sha256", sha256_f, 0, "Return a new SHA-256 hash object; optionally initialized with a string."},
    {"sha224", sha224_f, 0, "Return a new SHA-224 hash object; optionally initialized with a string."},
    {NULL},
};

static Value module_with(const char *name, const MethodDef *fns, Type *t1, const char *n1, Type *t2, const char *n2) {
    Value m = module_new_cstr(name);
    if (!m || module_add_functions(m, fns) < 0) return VNULL;
    type_ready(t1);
    if (module_add(m, n1, obj_val(t1)) < 0) return VNULL;
    if (t2) {
        type_ready(t2);
        if (module_add(m, n2, obj_val(t2)) < 0) return VNULL;
    }
    return m;
}

Value md5_module_init(void) { return module_with("_md5", md5_functions, &type_md5, "MD5Type", NULL, NULL); }
Value sha1_module_init(void) { return module_with("_sha1", sha1_functions, &type_sha1, "SHA1Type", NULL, NULL); }
Value sha256_module_init(void) {
    return module_with("_sha256", sha256_functions, &type_sha224, "SHA224Type", &type_sha256, "SHA256Type");
}

/* ---- _sha3: classes, and SHAKE's digest(length) ---- */

static Type type_sha3_224, type_sha3_256, type_sha3_384, type_sha3_512, type_shake_128, type_shake_256;

static bool is_shake(Value self) {
    Type *t = val_type(self);
    return t == &type_shake_128 || t == &type_shake_256;
}

/* The Keccak capacity: twice the security level in bits. */
static int capacity_bits(Value self) {
    Type *t = val_type(self);
    if (t == &type_shake_128) return 256;
    if (t == &type_shake_256) return 512;
    return 2 * 8 * EVP_MD_get_size(EVP_MD_CTX_get0_md(((HashObject *)self)->ctx));
}

static Value sha3_new(Type *t, Value *args, size_t nargs, Value kw) {
    const char *name = strchr(t->name, '.') + 1;
    Value data;
    bool ufs;
    if (hash_ctor_args(name, args, nargs, kw, true, &data, &ufs) < 0) return VNULL;
    EVP_MD *md = hash_fetch(name, ufs);
    if (!md) return VNULL;
    Value r = hash_new(t, md, data);
    EVP_MD_free(md);
    return r;
}

/* shake.digest(length) / hexdigest(length): length is an unsigned long, below 2**29. */
static Value shake_out(Value self, Value *args, size_t nargs, Value kw, const char *fname, bool hex) {
    if (arg_no_kw(fname, kw) < 0 || arg_count(fname, nargs, 1, 1) < 0) return VNULL;
    uint64_t n;
    if (clib_unsigned(args[0], &n, "Python int too large to convert to C unsigned long") < 0) return VNULL;
    if (n >= (1u << 29)) {
        err_set(&exc_ValueError, "length is too large");
        return VNULL;
    }
    BytesObject *b = bytes_alloc(n);
    if (!b) return VNULL;
    if (hash_final_xof((HashObject *)self, (unsigned char *)b->data, n) < 0) return VNULL;
    return hex ? clib_hexstr((unsigned char *)b->data, n) : obj_val(b);
}

static Value sha3_digest_m(Value self, Value *args, size_t nargs, Value kw) {
    if (!is_shake(self)) return hash_digest_m(self, args, nargs, kw);
    return shake_out(self, args, nargs, kw, val_type(self) == &type_shake_128 ? "shake_128.digest" : "shake_256.digest",
                     false);
}

static Value sha3_hexdigest_m(Value self, Value *args, size_t nargs, Value kw) {
    if (!is_shake(self)) return hash_hexdigest_m(self, args, nargs, kw);
    return shake_out(self, args, nargs, kw,
                     val_type(self) == &type_shake_128 ? "shake_128.hexdigest" : "shake_256.hexdigest", true);
}

static Value sha3_get_digest_size(Value self) { return is_shake(self) ? val_from_int(0) : hash_get_digest_size(self); }
static Value sha3_get_capacity(Value self) { return val_from_int(capacity_bits(self)); }
static Value sha3_get_rate(Value self) { return val_from_int(1600 - capacity_bits(self)); }
static Value sha3_get_suffix(Value self) { return bytes_new(is_shake(self) ? "\x1f" : "\x06", 1); }
static Value sha3_get_block_size(Value self) { return val_from_int((1600 - capacity_bits(self)) / 8); }

static const MethodDef sha3_methods[] = {
    {"copy", hash_copy_m, 0, "Return a copy of the hash object."},
    {"digest", sha3_digest_m, 0, "Return the digest value as a bytes object."},
    {"hexdigest", sha3_hexdigest_m, 0, "Return the digest value as a string of hexadecimal digits."},
    {"update", hash_update_m, 0, "Update this hash object's state with the provided string."},
    {NULL},
};

static const GetSetDef sha3_getsets[] = {
    {"name", hash_get_name, NULL, NULL},
    {"digest_size", sha3_get_digest_size, NULL, NULL},
    {"block_size", sha3_get_block_size, NULL, NULL},
    {"_capacity_bits", sha3_get_capacity, NULL, NULL},
    {"_rate_bits", sha3_get_rate, NULL, NULL},
    {"_suffix", sha3_get_suffix, NULL, NULL},
    {NULL},
};

#define SHA3_TYPE(var, tname, tdoc)                                                                          \
    static Type var = {                                                                                      \
        .hdr = {0, &type_type},                                                                              \
        .name = tname,                                                                                       \
        .basicsize = sizeof(HashObject),                                                                     \
        .finalize = hash_finalize,                                                                           \
        .new = sha3_new,                                                                                     \
        .methods = sha3_methods,                                                                             \
        .getsets = sha3_getsets,                                                                             \
        .doc = tdoc,                                                                                         \
    }

SHA3_TYPE(type_sha3_224, "_sha3.sha3_224", "sha3_224([data], *, usedforsecurity=True) -> SHA3 object\n\n"
                                           "Return a new SHA3 hash object with a hashbit length of 28 bytes.");
SHA3_TYPE(type_sha3_256, "_sha3.sha3_256", "sha3_256([data], *, usedforsecurity=True) -> SHA3 object\n\n"
                                           "Return a new SHA3 hash object with a hashbit length of 32 bytes.");
SHA3_TYPE(type_sha3_384, "_sha3.sha3_384", "sha3_384([data], *, usedforsecurity=True) -> SHA3 object\n\n"
                                           "Return a new SHA3 hash object with a hashbit length of 48 bytes.");
SHA3_TYPE(type_sha3_512, "_sha3.sha3_512", "sha3_512([data], *, usedforsecurity=True) -> SHA3 object\n\n"
                                           "Return a new SHA3 hash object with a hashbit length of 64 bytes.");
SHA3_TYPE(type_shake_128, "_sha3.shake_128", "shake_128([data], *, usedforsecurity=True) -> SHAKE object\n\n"
                                             "Return a new SHAKE hash object.");
SHA3_TYPE(type_shake_256, "_sha3.shake_256", "shake_256([data], *, usedforsecurity=True) -> SHAKE object\n\n"
                                             "Return a new SHAKE hash object.");

Value sha3_module_init(void) {
    Value m = module_new_cstr("_sha3");
    if (!m) return VNULL;
    Type *types[] = {&type_sha3_224, &type_sha3_256, &type_sha3_384, &type_sha3_512, &type_shake_128, &type_shake_256};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        type_ready(types[i]);
        if (module_add(m, strchr(types[i]->name, '.') + 1, obj_val(types[i])) < 0) return VNULL;
    }
    /* CPython names its Keccak code here; Taipan's is libcrypto's. */
    if (module_add(m, "implementation", str_from_cstr("openssl")) < 0 ||
        module_add(m, "keccakopt", val_from_int(0)) < 0)
        return VNULL;
    return m;
}
