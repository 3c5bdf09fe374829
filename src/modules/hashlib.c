/* hashlib.c - the _hashlib module over OpenSSL's libcrypto: HASH/HASHXOF, HMAC, new(), pbkdf2_hmac, scrypt, compare_digest. */
#include "hash.h"
#include "datamod.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/dict.h"
#include "../objects/set.h"
#include "../objects/module.h"
#include "../vm/gil.h"
#include "../gc/gc.h"

#include <limits.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <stdio.h>
#include <string.h>

/*
 * CPython 3.11's Modules/_hashopenssl.c is the specification.  hashlib.py
 * prefers these constructors (openssl_sha256 is hashlib.sha256) and falls
 * back to the builtin modules (hash_builtin.c, blake2.c, sha512.c) for
 * names OpenSSL refuses.  HMAC uses OpenSSL 3's EVP_MAC interface.
 *
 * Hash updates do not release the GIL: Taipan's threads do not run in
 * parallel yet, and CPython's per-object lock would be needed first.
 */

static Value unsupported_digestmod_error;   /* _hashlib.UnsupportedDigestmodError */
static Value constructors;                  /* {openssl_md5: 'md5', ...} behind _constructors */

/* ---- HASH and HASHXOF ---- */

static Type type_hash, type_hashxof, type_hmac;

static bool is_xof(const EVP_MD *md) { return (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0; }

static Value hash_repr(Value self) {
    char buf[160];
    snprintf(buf, sizeof buf, "<%s %s object @ %p>", hash_py_name(EVP_MD_CTX_get0_md(((HashObject *)self)->ctx)),
             val_type(self)->name, (void *)self);
    return str_from_cstr(buf);
}

/* HASHXOF.digest(length) / hexdigest(length): length a Py_ssize_t. */
static Value xof_out(Value self, Value *args, size_t nargs, Value kw, const char *fname, bool hex) {
    static const char *const names[] = {"length", NULL};
    Value a[1];
    if (arg_parse(fname, args, nargs, kw, names, 0, 1, a) < 0) return VNULL;
    ssize_t n;
    if (clib_ssize(a[0], &n) < 0) return VNULL;
    if (n < 0) {
        err_set(&exc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return VNULL;
    }
    BytesObject *b = bytes_alloc((size_t)n);
    if (!b) return VNULL;
    if (hash_final_xof((HashObject *)self, (unsigned char *)b->data, (size_t)n) < 0) return VNULL;
    return hex ? clib_hexstr((unsigned char *)b->data, (size_t)n) : obj_val(b);
}

static Value xof_digest_m(Value self, Value *args, size_t nargs, Value kw) {
    return xof_out(self, args, nargs, kw, "digest", false);
}
static Value xof_hexdigest_m(Value self, Value *args, size_t nargs, Value kw) {
    return xof_out(self, args, nargs, kw, "hexdigest", true);
}
static Value xof_get_digest_size(Value self) { return val_from_int(0); }

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

static const MethodDef xof_methods[] = {
    {"digest", xof_digest_m, 0, "Return the digest value as a bytes object."},
    {"hexdigest", xof_hexdigest_m, 0, "Return the digest value as a string of hexadecimal digits."},
    {NULL},
};

static const GetSetDef xof_getsets[] = {
    {"digest_size", xof_get_digest_size, NULL, NULL},
    {NULL},
};

static Type type_hash = {
    .hdr = {0, &type_type},
    .name = "_hashlib.HASH",
    .basicsize = sizeof(HashObject),
    .flags = TF_BASETYPE,
    .finalize = hash_finalize,
    .new = clib_no_new,
    .repr = hash_repr,
    .methods = hash_methods,
    .getsets = hash_getsets,
    .doc = "A hash is an object used to calculate a checksum of a string of information.\n\n"
           "Methods:\n\nupdate() -- updates the current digest with an additional string\n"
           "digest() -- return the current digest value\nhexdigest() -- return the current digest as a string of "
           "hexadecimal digits\ncopy() -- return a copy of the current hash object\n\nAttributes:\n\n"
           "name -- the hash algorithm being used by this object\ndigest_size -- number of bytes in this hashes output",
};

static Type type_hashxof = {
    .hdr = {0, &type_type},
    .name = "_hashlib.HASHXOF",
    .base = &type_hash,
    .basicsize = sizeof(HashObject),
    .flags = TF_BASETYPE,
    .finalize = hash_finalize,
    .new = clib_no_new,
    .methods = xof_methods,
    .getsets = xof_getsets,
    .doc = "A hash is an object used to calculate a checksum of a string of information.\n\n"
           "Methods:\n\nupdate() -- updates the current digest with an additional string\n"
           "digest(length) -- return the current digest value\nhexdigest(length) -- return the current digest as a "
           "string of hexadecimal digits\ncopy() -- return a copy of the current hash object\n\nAttributes:\n\n"
           "name -- the hash algorithm being used by this object\ndigest_size -- number of bytes in this hashes output",
};

/* A str argument as a C string: TypeError `type_msg` for other types. */
static const char *cstr_arg(Value v, const char *type_msg) {
    if (!str_check(v)) {
        err_set(&exc_TypeError, type_msg);
        return NULL;
    }
    if (strlen(str_data(v)) != str_size(v)) {
        err_set(&exc_ValueError, "embedded null character");
        return NULL;
    }
    return str_data(v);
}

static Value new_by_name(const char *name, Value data, bool usedforsecurity) {
    EVP_MD *md = hash_fetch(name, usedforsecurity);
    if (!md) return VNULL;
    Value r = hash_new(is_xof(md) ? &type_hashxof : &type_hash, md, data);
    EVP_MD_free(md);
    return r;
}

static Value hashlib_new(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"name", "string", "usedforsecurity", NULL};
    Value a[3];
    if (dm_parse("new", args, nargs, kw, names, 0, 2, 1, a) < 0) return VNULL;
    bool ufs = true;
    if (a[2] && clib_bool(a[2], &ufs) < 0) return VNULL;
    const char *name = cstr_arg(a[0], "name must be a string");
    if (!name) return VNULL;
    return new_by_name(name, a[1], ufs);
}

#define OPENSSL_CTOR(pyname)                                                                                 \
    static Value openssl_##pyname(Value self, Value *args, size_t nargs, Value kw) {                        \
        Value data;                                                                                          \
        bool ufs;                                                                                            \
        if (hash_ctor_args("openssl_" #pyname, args, nargs, kw, false, &data, &ufs) < 0) return VNULL;      \
        return new_by_name(#pyname, data, ufs);                                                              \
    }
#define OPENSSL_NAMES(X)                                                                                     \
    X(md5) X(sha1) X(sha224) X(sha256) X(sha384) X(sha512) X(sha3_224) X(sha3_256) X(sha3_384) X(sha3_512)  \
    X(shake_128) X(shake_256)
OPENSSL_NAMES(OPENSSL_CTOR)

/* ---- HMAC ---- */

typedef struct HmacObject {
    Object hdr;
    EVP_MAC_CTX *ctx;
    EVP_MD *md;          /* for name, digest_size, block_size */
} HmacObject;

static EVP_MAC *hmac_mac;   /* OpenSSL's HMAC implementation, fetched once */

static void hmac_finalize(Object *o) {
    HmacObject *h = (HmacObject *)o;
    EVP_MAC_CTX_free(h->ctx);
    EVP_MD_free(h->md);
    h->ctx = NULL;
    h->md = NULL;
}

/* The digest a digestmod names: a str, or a constructor listed in _constructors. */
static EVP_MD *digest_by_digestmod(Value digestmod) {
    if (str_check(digestmod)) {
        const char *name = cstr_arg(digestmod, "");
        return name ? hash_fetch(name, true) : NULL;
    }
    Value name = dict_get(constructors, digestmod);
    if (!name) {
        if (!err_occurred())
            err_format((Type *)unsupported_digestmod_error, "Unsupported digestmod %R", digestmod);
        return NULL;
    }
    return hash_fetch(str_data(name), true);
}

static int hmac_update(HmacObject *h, Value msg) {
    Buffer view;
    if (hash_get_data(msg, &view) < 0) return -1;
    int ok = view.len == 0 || EVP_MAC_update(h->ctx, view.buf, (size_t)view.len);
    buffer_release(&view);
    if (!ok) {
        hash_openssl_error(&exc_ValueError, "HMAC update failed");
        return -1;
    }
    return 0;
}

/* A new HMAC context keyed with key over md (which the caller keeps owning). */
static EVP_MAC_CTX *hmac_ctx(const EVP_MD *md, const void *key, size_t keylen) {
    if (!hmac_mac && !(hmac_mac = EVP_MAC_fetch(NULL, "HMAC", NULL))) {
        hash_openssl_error(&exc_ValueError, "HMAC is not available");
        return NULL;
    }
    gc_note_external(1024);   /* the MAC context and its two digest contexts */
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(hmac_mac);
    if (!ctx) {
        err_no_memory();
        return NULL;
    }
    OSSL_PARAM params[2] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)EVP_MD_get0_name(md), 0),
        OSSL_PARAM_construct_end(),
    };
    if (!EVP_MAC_init(ctx, key ? key : (const void *)"", keylen, params)) {
        EVP_MAC_CTX_free(ctx);
        hash_openssl_error(&exc_ValueError, "HMAC initialisation failed");
        return NULL;
    }
    return ctx;
}

static Value hmac_new(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"key", "msg", "digestmod", NULL};
    Value a[3];
    if (dm_parse("hmac_new", args, nargs, kw, names, 0, 3, 1, a) < 0) return VNULL;
    Buffer key;
    if (clib_buffer(a[0], &key) < 0) return VNULL;
    Value r = VNULL;
    EVP_MD *md = NULL;
    if (!a[2] || a[2] == VNone) {
        err_set(&exc_TypeError, "Missing required parameter 'digestmod'.");
        goto done;
    }
    if (!(md = digest_by_digestmod(a[2]))) goto done;
    HmacObject *h = (HmacObject *)type_generic_alloc(&type_hmac, 0);
    if (!h) goto done;
    h->md = md;
    md = NULL;
    if (!(h->ctx = hmac_ctx(h->md, key.buf, (size_t)key.len))) goto done;
    if (a[1] && a[1] != VNone && hmac_update(h, a[1]) < 0) goto done;
    r = obj_val(h);
done:
    EVP_MD_free(md);
    buffer_release(&key);
    return r;
}

static Value hmac_digest_fn(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"key", "msg", "digest", NULL};
    Value a[3];
    if (dm_parse("hmac_digest", args, nargs, kw, names, 0, 3, 3, a) < 0) return VNULL;
    Buffer key, msg;
    if (clib_buffer(a[0], &key) < 0) return VNULL;
    if (clib_buffer(a[1], &msg) < 0) {
        buffer_release(&key);
        return VNULL;
    }
    Value r = VNULL;
    EVP_MD *md = digest_by_digestmod(a[2]);
    if (md) {
        unsigned char out[EVP_MAX_MD_SIZE];
        unsigned int n = 0;
        if (HMAC(md, key.buf, (int)key.len, msg.buf, (size_t)msg.len, out, &n))
            r = bytes_new((const char *)out, n);
        else
            hash_openssl_error(&exc_ValueError, "HMAC failed");
        EVP_MD_free(md);
    }
    buffer_release(&key);
    buffer_release(&msg);
    return r;
}

static Value hmac_update_m(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"msg", NULL};
    Value a[1];
    if (arg_parse("update", args, nargs, kw, names, 0, 1, a) < 0) return VNULL;
    return hmac_update((HmacObject *)self, a[0]) < 0 ? VNULL : VNone;
}

static Value hmac_copy(HmacObject *h) {
    HmacObject *c = (HmacObject *)type_generic_alloc(&type_hmac, 0);
    if (!c) return VNULL;
    gc_note_external(1024);
    if (!(c->ctx = EVP_MAC_CTX_dup(h->ctx))) {
        hash_openssl_error(&exc_ValueError, "HMAC copy failed");
        return VNULL;
    }
    EVP_MD_up_ref(h->md);
    c->md = h->md;
    return obj_val(c);
}

static Value hmac_copy_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("HMAC.copy", kw) < 0 || arg_count("HMAC.copy", nargs, 0, 0) < 0) return VNULL;
    return hmac_copy((HmacObject *)self);
}

/* The MAC so far, from a copy of the context; its length or -1. */
static int hmac_final(HmacObject *h, unsigned char *out) {
    EVP_MAC_CTX *c = EVP_MAC_CTX_dup(h->ctx);
    size_t n = 0;
    int ok = c && EVP_MAC_final(c, out, &n, EVP_MAX_MD_SIZE);
    EVP_MAC_CTX_free(c);
    if (!ok) {
        hash_openssl_error(&exc_ValueError, "HMAC failed");
        return -1;
    }
    return (int)n;
}

static Value hmac_digest_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("HMAC.digest", kw) < 0 || arg_count("HMAC.digest", nargs, 0, 0) < 0) return VNULL;
    unsigned char out[EVP_MAX_MD_SIZE];
    int n = hmac_final((HmacObject *)self, out);
    return n < 0 ? VNULL : bytes_new((const char *)out, (size_t)n);
}

static Value hmac_hexdigest_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("HMAC.hexdigest", kw) < 0 || arg_count("HMAC.hexdigest", nargs, 0, 0) < 0) return VNULL;
    unsigned char out[EVP_MAX_MD_SIZE];
    int n = hmac_final((HmacObject *)self, out);
    return n < 0 ? VNULL : clib_hexstr(out, (size_t)n);
}

static Value hmac_get_name(Value self) {
    char buf[80];
    snprintf(buf, sizeof buf, "hmac-%s", hash_py_name(((HmacObject *)self)->md));
    return str_from_cstr(buf);
}
static Value hmac_get_digest_size(Value self) { return val_from_int(EVP_MD_get_size(((HmacObject *)self)->md)); }
static Value hmac_get_block_size(Value self) {
    return val_from_int(EVP_MD_get_block_size(((HmacObject *)self)->md));
}

static Value hmac_repr(Value self) {
    char buf[120];
    snprintf(buf, sizeof buf, "<%s HMAC object @ %p>", hash_py_name(((HmacObject *)self)->md), (void *)self);
    return str_from_cstr(buf);
}

static const MethodDef hmac_methods[] = {
    {"update", hmac_update_m, 0, "Update the HMAC object with msg."},
    {"digest", hmac_digest_m, 0, "Return the digest of the bytes passed to the update() method so far."},
    {"hexdigest", hmac_hexdigest_m, 0,
     "Return hexadecimal digest of the bytes passed to the update() method so far.\n\n"
     "This may be used to exchange the value safely in email or other non-binary\nenvironments."},
    {"copy", hmac_copy_m, 0, "Return a copy (\"clone\") of the HMAC object."},
    {NULL},
};

static const GetSetDef hmac_getsets[] = {
    {"name", hmac_get_name, NULL, NULL},
    {"digest_size", hmac_get_digest_size, NULL, NULL},
    {"block_size", hmac_get_block_size, NULL, NULL},
    {NULL},
};

static Type type_hmac = {
    .hdr = {0, &type_type},
    .name = "_hashlib.HMAC",
    .basicsize = sizeof(HmacObject),
    .finalize = hmac_finalize,
    .new = clib_no_new,
    .repr = hmac_repr,
    .methods = hmac_methods,
    .getsets = hmac_getsets,
    .doc = "The object used to calculate HMAC of a message.\n\nMethods:\n\nupdate() -- updates the current digest "
           "with an additional string\ndigest() -- return the current digest value\nhexdigest() -- return the "
           "current digest as a string of hexadecimal digits\ncopy() -- return a copy of the current hash object\n\n"
           "Attributes:\n\nname -- the name, including the hash algorithm used by this object\ndigest_size -- number "
           "of bytes in digest() output\n",
};

/* ---- key derivation ---- */

static Value pbkdf2_hmac(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"hash_name", "password", "salt", "iterations", "dklen", NULL};
    Value a[5];
    if (dm_parse("pbkdf2_hmac", args, nargs, kw, names, 0, 5, 4, a) < 0) return VNULL;
    if (!str_check(a[0])) {
        err_format(&exc_TypeError, "pbkdf2_hmac() argument 'hash_name' must be str, not %s", type_name(a[0]));
        return VNULL;
    }
    Buffer password, salt;
    if (clib_buffer(a[1], &password) < 0) return VNULL;
    if (clib_buffer(a[2], &salt) < 0) {
        buffer_release(&password);
        return VNULL;
    }
    Value r = VNULL;
    EVP_MD *md = NULL;
    BytesObject *out;
    int64_t iterations, dklen;
    if (clib_i64(a[3], &iterations) < 0) goto done;
    const char *name = cstr_arg(a[0], "");
    if (!name || !(md = hash_fetch(name, true))) goto done;
    if (password.len > INT_MAX) {
        err_set(&exc_OverflowError, "password is too long.");
        goto done;
    }
    if (salt.len > INT_MAX) {
        err_set(&exc_OverflowError, "salt is too long.");
        goto done;
    }
    if (iterations < 1) {
        err_set(&exc_ValueError, "iteration value must be greater than 0.");
        goto done;
    }
    if (iterations > INT_MAX) {
        err_set(&exc_OverflowError, "iteration value is too great.");
        goto done;
    }
    if (!a[4] || a[4] == VNone) {
        dklen = EVP_MD_get_size(md);
    } else {
        if (clib_i64(a[4], &dklen) < 0) goto done;
        if (dklen > INT_MAX) {
            err_set(&exc_OverflowError, "key length is too great.");
            goto done;
        }
    }
    if (dklen < 1) {
        err_set(&exc_ValueError, "key length must be greater than 0.");
        goto done;
    }
    if (!(out = bytes_alloc((size_t)dklen))) goto done;
    int ok;
    GIL_RELEASE_BEGIN
    ok = PKCS5_PBKDF2_HMAC(password.buf, (int)password.len, salt.buf, (int)salt.len, (int)iterations, md,
                           (int)dklen, (unsigned char *)out->data);
    GIL_RELEASE_END
    if (ok) r = obj_val(out);
    else hash_openssl_error(&exc_ValueError, "PBKDF2 failed");
done:
    EVP_MD_free(md);
    buffer_release(&password);
    buffer_release(&salt);
    return r;
}

/* scrypt's n, r and p: ints that fit an unsigned long. */
static int scrypt_param(Value v, const char *what, uint64_t *out) {
    if (v && v != VNone && !int_check(v)) {
        err_format(&exc_TypeError, "scrypt() argument '%s' must be int, not %s", what, type_name(v));
        return -1;
    }
    if (!v || v == VNone || int_sign(v) < 0 || clib_unsigned(v, out, "") < 0) {
        err_clear();
        err_format(&exc_TypeError, "%s is required and must be an unsigned int", what);
        return -1;
    }
    return 0;
}

static Value scrypt_fn(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"password", "salt", "n", "r", "p", "maxmem", "dklen", NULL};
    Value a[7];
    if (dm_parse("scrypt", args, nargs, kw, names, 0, 1, 1, a) < 0) return VNULL;
    for (int i = 2; i < 5; i++)
        if (a[i] && a[i] != VNone && !int_check(a[i])) {
            err_format(&exc_TypeError, "scrypt() argument '%s' must be int, not %s", names[i], type_name(a[i]));
            return VNULL;
        }
    int64_t maxmem = 0, dklen = 64;
    if ((a[5] && clib_i64(a[5], &maxmem) < 0) || (a[6] && clib_i64(a[6], &dklen) < 0)) return VNULL;
    Buffer password, salt = {0};
    if (clib_buffer(a[0], &password) < 0) return VNULL;
    if (a[1] && a[1] != VNone && clib_buffer(a[1], &salt) < 0) {
        buffer_release(&password);
        return VNULL;
    }
    Value r = VNULL;
    uint64_t n, rr, p;
    if (password.len > INT_MAX) {
        err_set(&exc_OverflowError, "password is too long.");
        goto done;
    }
    if (!salt.obj) {
        err_set(&exc_TypeError, "salt is required");
        goto done;
    }
    if (salt.len > INT_MAX) {
        err_set(&exc_OverflowError, "salt is too long.");
        goto done;
    }
    if (scrypt_param(a[2], "n", &n) < 0) goto done;
    if (n < 2 || (n & (n - 1))) {
        err_set(&exc_ValueError, "n must be a power of 2.");
        goto done;
    }
    if (scrypt_param(a[3], "r", &rr) < 0 || scrypt_param(a[4], "p", &p) < 0) goto done;
    if (maxmem < 0 || maxmem > INT_MAX) {
        err_format(&exc_ValueError, "maxmem must be positive and smaller than %d", INT_MAX);
        goto done;
    }
    if (dklen < 1 || dklen > INT_MAX) {
        err_format(&exc_ValueError, "dklen must be greater than 0 and smaller than %d", INT_MAX);
        goto done;
    }
    if (!EVP_PBE_scrypt(NULL, 0, NULL, 0, n, rr, p, (uint64_t)maxmem, NULL, 0)) {
        ERR_clear_error();
        err_set(&exc_ValueError, "Invalid parameter combination for n, r, p, maxmem.");
        goto done;
    }
    BytesObject *out = bytes_alloc((size_t)dklen);
    if (!out) goto done;
    int ok;
    GIL_RELEASE_BEGIN
    ok = EVP_PBE_scrypt(password.buf, (size_t)password.len, salt.buf, (size_t)salt.len, n, rr, p, (uint64_t)maxmem,
                        (unsigned char *)out->data, (size_t)dklen);
    GIL_RELEASE_END
    if (ok) r = obj_val(out);
    else hash_openssl_error(&exc_ValueError, "scrypt failed");
done:
    buffer_release(&password);
    if (salt.obj) buffer_release(&salt);
    return r;
}

/* ---- module ---- */

static Value compare_digest(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_hashlib.compare_digest", kw) < 0 || dm_positional("compare_digest", nargs, 2, 2) < 0) return VNULL;
    return operator_compare_digest(args[0], args[1]);
}

static Value get_fips_mode(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_hashlib.get_fips_mode", kw) < 0 || arg_count("_hashlib.get_fips_mode", nargs, 0, 0) < 0)
        return VNULL;
    return val_from_int(EVP_default_properties_is_fips_enabled(NULL));
}

/* openssl_md_meth_names: every digest the providers offer, under hashlib's names. */
static void add_md_name(EVP_MD *md, void *arg) {
    Value *set = arg;
    /* Digests without an object identifier (KECCAK-KMAC-128, NULL) are not hashes hashlib offers. */
    if (!*set || !md || EVP_MD_get_type(md) == NID_undef) return;
    const char *name = hash_py_name(md);
    Value s = name ? str_from_cstr(name) : VNULL;
    if (!s || set_add(*set, s) < 0) *set = VNULL;
}

#define OPENSSL_DEF(pyname)                                                                                  \
    {"openssl_" #pyname, openssl_##pyname, 0, "Returns a " #pyname " hash object; optionally initialized with a string"},
static const MethodDef hashlib_functions[] = {
    {"new", hashlib_new, 0,
     "Return a new hash object using the named algorithm.\n\nAn optional string argument may be provided and will "
     "be\nautomatically hashed.\n\nThe MD5 and SHA1 algorithms are always supported."},
    OPENSSL_NAMES(OPENSSL_DEF)
    {"pbkdf2_hmac", pbkdf2_hmac, 0, "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as "
                                    "pseudorandom function."},
    {"scrypt", scrypt_fn, 0, "scrypt password-based key derivation function."},
    {"hmac_digest", hmac_digest_fn, 0, "Single-shot HMAC."},
    {"hmac_new", hmac_new, 0, "Return a new hmac object."},
    {"compare_digest", compare_digest, 0,
     "Return 'a == b'.\n\nThis function uses an approach designed to prevent\ntiming analysis, making it "
     "appropriate for cryptography.\n\na and b must both be of the same type: either str (ASCII only),\nor any "
     "bytes-like object.\n\nNote: If a and b are of different lengths, or if an error occurs,\na timing attack "
     "could theoretically reveal information about the\ntypes and lengths of a and b--but not their values."},
    {"get_fips_mode", get_fips_mode, 0, "Determine the OpenSSL FIPS mode of operation."},
    {NULL},
};

Value hashlib_module_init(void) {
    Value m = module_new_cstr("_hashlib");
    if (!m || module_add_functions(m, hashlib_functions) < 0) return VNULL;
    type_ready(&type_hash);
    type_ready(&type_hashxof);
    type_ready(&type_hmac);
    if (module_add(m, "HASH", obj_val(&type_hash)) < 0 || module_add(m, "HASHXOF", obj_val(&type_hashxof)) < 0 ||
        module_add(m, "HMAC", obj_val(&type_hmac)) < 0)
        return VNULL;
    gc_add_root(&unsupported_digestmod_error);
    gc_add_root(&constructors);
    unsupported_digestmod_error =
        clib_new_exception("_hashlib", "UnsupportedDigestmodError", obj_val(&exc_ValueError), NULL);
    if (!unsupported_digestmod_error ||
        module_add(m, "UnsupportedDigestmodError", unsupported_digestmod_error) < 0)
        return VNULL;
    Value names = set_new(&type_frozenset);
    if (!names) return VNULL;
    EVP_MD_do_all_provided(NULL, add_md_name, &names);
    if (!names || module_add(m, "openssl_md_meth_names", names) < 0) return VNULL;
    if (!(constructors = dict_new())) return VNULL;
    for (const MethodDef *d = hashlib_functions; d->name; d++) {
        if (strncmp(d->name, "openssl_", 8) != 0) continue;
        Value f = module_get(m, d->name);
        if (!f || dict_set(constructors, f, str_from_cstr(d->name + 8)) < 0) return VNULL;
    }
    extern Value mappingproxy_new(Value d);
    Value proxy = mappingproxy_new(constructors);
    if (!proxy || module_add(m, "_constructors", proxy) < 0) return VNULL;
    return m;
}
