/* hash_evp.c - hash objects over OpenSSL's EVP digests (update/digest/copy), shared by _hashlib and the builtin hash modules. */
#include "hash.h"
#include "datamod.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../gc/gc.h"

#include <openssl/err.h>
#include <openssl/objects.h>
#include <stdio.h>
#include <string.h>

int hash_get_data(Value v, Buffer *view) {
    if (str_check(v)) {
        err_set(&exc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!buffer_check(v)) {
        err_set(&exc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    return buffer_get(v, view, BUF_SIMPLE);
}

void hash_openssl_error(Type *exc, const char *fallback) {
    unsigned long e = ERR_peek_last_error();
    if (!e) {
        err_set(exc, fallback);
        return;
    }
    const char *lib = ERR_lib_error_string(e), *reason = ERR_reason_error_string(e);
    if (lib && reason) err_format(exc, "[%s] %s", lib, reason);
    else err_set(exc, reason ? reason : fallback);
    ERR_clear_error();
}

/* hashlib's spellings of the digests whose OpenSSL names differ. */
static const struct { const char *py, *ossl; int nid; } names[] = {
    {"md5", "md5", NID_md5},
    {"sha1", "sha1", NID_sha1},
    {"sha224", "sha224", NID_sha224},
    {"sha256", "sha256", NID_sha256},
    {"sha384", "sha384", NID_sha384},
    {"sha512", "sha512", NID_sha512},
    {"sha512_224", "sha512-224", NID_sha512_224},
    {"sha512_256", "sha512-256", NID_sha512_256},
    {"sha3_224", "sha3-224", NID_sha3_224},
    {"sha3_256", "sha3-256", NID_sha3_256},
    {"sha3_384", "sha3-384", NID_sha3_384},
    {"sha3_512", "sha3-512", NID_sha3_512},
    {"shake_128", "shake128", NID_shake128},
    {"shake_256", "shake256", NID_shake256},
    {"blake2b", "blake2b512", NID_blake2b512},
    {"blake2s", "blake2s256", NID_blake2s256},
};

#define NNAMES (sizeof names / sizeof names[0])

/* Fetching searches the providers, which costs more than hashing a short
 * string, so the digests hashlib names are fetched once (per
 * usedforsecurity) and shared by reference count. */
static EVP_MD *fetched[NNAMES][2];

EVP_MD *hash_fetch(const char *name, bool usedforsecurity) {
    const char *ossl = name;
    size_t i;
    for (i = 0; i < NNAMES; i++)
        if (strcmp(names[i].py, name) == 0) break;
    if (i < NNAMES) {
        EVP_MD *md = fetched[i][usedforsecurity];
        if (md && EVP_MD_up_ref(md)) return md;
        ossl = names[i].ossl;
    }
    EVP_MD *md = EVP_MD_fetch(NULL, ossl, usedforsecurity ? NULL : "-fips");
    if (md && i < NNAMES && !fetched[i][usedforsecurity] && EVP_MD_up_ref(md)) fetched[i][usedforsecurity] = md;
    if (!md) {
        char msg[200];
        snprintf(msg, sizeof msg, "unsupported hash type %s", name);
        hash_openssl_error(&exc_ValueError, msg);
    }
    return md;
}

const char *hash_py_name(const EVP_MD *md) {
    int nid = EVP_MD_get_type(md);
    for (size_t i = 0; i < NNAMES; i++)
        if (names[i].nid == nid) return names[i].py;
    const char *ln = nid != NID_undef ? OBJ_nid2ln(nid) : NULL;
    return ln ? ln : EVP_MD_get0_name(md);
}

/* About what OpenSSL mallocs for a digest context (the EVP_MD_CTX and the
 * provider's algorithm state), for the collector's accounting. */
#define CTX_BYTES 512

int hash_init(HashObject *h, const EVP_MD *md) {
    gc_note_external(CTX_BYTES);
    h->ctx = EVP_MD_CTX_new();
    if (!h->ctx) {
        err_no_memory();
        return -1;
    }
    if (!EVP_DigestInit_ex(h->ctx, md, NULL)) {
        hash_openssl_error(&exc_ValueError, "digest initialisation failed");
        return -1;
    }
    return 0;
}

void hash_finalize(Object *o) {
    HashObject *h = (HashObject *)o;
    EVP_MD_CTX_free(h->ctx);
    h->ctx = NULL;
}

int hash_update(HashObject *h, const void *p, size_t n) {
    if (n && !EVP_DigestUpdate(h->ctx, p, n)) {
        hash_openssl_error(&exc_ValueError, "digest update failed");
        return -1;
    }
    return 0;
}

Value hash_new(Type *t, const EVP_MD *md, Value data) {
    Buffer view = {0};
    if (data && hash_get_data(data, &view) < 0) return VNULL;
    HashObject *h = (HashObject *)type_generic_alloc(t, 0);
    Value r = VNULL;
    if (h && hash_init(h, md) == 0 && (!data || hash_update(h, view.buf, (size_t)view.len) == 0)) r = obj_val(h);
    if (data) buffer_release(&view);
    return r;
}

/* A copy of the context to finalize, so the object keeps its state. */
static EVP_MD_CTX *ctx_dup(HashObject *h) {
    EVP_MD_CTX *c = EVP_MD_CTX_new();
    if (!c) {
        err_no_memory();
        return NULL;
    }
    if (!EVP_MD_CTX_copy_ex(c, h->ctx)) {
        EVP_MD_CTX_free(c);
        hash_openssl_error(&exc_ValueError, "digest copy failed");
        return NULL;
    }
    return c;
}

int hash_final(HashObject *h, unsigned char *out) {
    EVP_MD_CTX *c = ctx_dup(h);
    if (!c) return -1;
    unsigned int n = 0;
    int ok = EVP_DigestFinal_ex(c, out, &n);
    EVP_MD_CTX_free(c);
    if (!ok) {
        hash_openssl_error(&exc_ValueError, "digest failed");
        return -1;
    }
    return (int)n;
}

int hash_final_xof(HashObject *h, unsigned char *out, size_t n) {
    EVP_MD_CTX *c = ctx_dup(h);
    if (!c) return -1;
    int ok = n == 0 || EVP_DigestFinalXOF(c, out, n);
    EVP_MD_CTX_free(c);
    if (!ok) {
        hash_openssl_error(&exc_ValueError, "digest failed");
        return -1;
    }
    return 0;
}

Value hash_copy(Value self) {
    HashObject *h = (HashObject *)self;
    HashObject *c = (HashObject *)type_generic_alloc(val_type(self), 0);
    if (!c) return VNULL;
    gc_note_external(CTX_BYTES);
    c->ctx = ctx_dup(h);
    return c->ctx ? obj_val(c) : VNULL;
}

/* "HASH.update", "md5.update": the name METH_O errors use. */
static const char *method_name(Value self, const char *method, char *buf, size_t size) {
    const char *tn = val_type(self)->name, *dot = strrchr(tn, '.');
    snprintf(buf, size, "%s.%s", dot ? dot + 1 : tn, method);
    return buf;
}

Value hash_update_m(Value self, Value *args, size_t nargs, Value kw) {
    char fname[64];
    method_name(self, "update", fname, sizeof fname);
    if (arg_no_kw(fname, kw) < 0 || arg_count(fname, nargs, 1, 1) < 0) return VNULL;
    Buffer view;
    if (hash_get_data(args[0], &view) < 0) return VNULL;
    int r = hash_update((HashObject *)self, view.buf, (size_t)view.len);
    buffer_release(&view);
    return r < 0 ? VNULL : VNone;
}

Value hash_digest_m(Value self, Value *args, size_t nargs, Value kw) {
    char fname[64];
    method_name(self, "digest", fname, sizeof fname);
    if (arg_no_kw(fname, kw) < 0 || arg_count(fname, nargs, 0, 0) < 0) return VNULL;
    unsigned char out[EVP_MAX_MD_SIZE];
    int n = hash_final((HashObject *)self, out);
    return n < 0 ? VNULL : bytes_new((const char *)out, (size_t)n);
}

Value hash_hexdigest_m(Value self, Value *args, size_t nargs, Value kw) {
    char fname[64];
    method_name(self, "hexdigest", fname, sizeof fname);
    if (arg_no_kw(fname, kw) < 0 || arg_count(fname, nargs, 0, 0) < 0) return VNULL;
    unsigned char out[EVP_MAX_MD_SIZE];
    int n = hash_final((HashObject *)self, out);
    return n < 0 ? VNULL : clib_hexstr(out, (size_t)n);
}

Value hash_copy_m(Value self, Value *args, size_t nargs, Value kw) {
    char fname[64];
    method_name(self, "copy", fname, sizeof fname);
    if (arg_no_kw(fname, kw) < 0 || arg_count(fname, nargs, 0, 0) < 0) return VNULL;
    return hash_copy(self);
}

Value hash_get_name(Value self) {
    return str_from_cstr(hash_py_name(EVP_MD_CTX_get0_md(((HashObject *)self)->ctx)));
}

Value hash_get_digest_size(Value self) {
    return val_from_int(EVP_MD_get_size(EVP_MD_CTX_get0_md(((HashObject *)self)->ctx)));
}

Value hash_get_block_size(Value self) {
    return val_from_int(EVP_MD_get_block_size(EVP_MD_CTX_get0_md(((HashObject *)self)->ctx)));
}

int hash_ctor_args(const char *fname, Value *args, size_t nargs, Value kw, bool posonly,
                   Value *data, bool *usedforsecurity) {
    static const char *const kw_names[] = {"string", "usedforsecurity", NULL};
    static const char *const po_names[] = {"", "usedforsecurity", NULL};
    Value a[2];
    if (dm_parse(fname, args, nargs, kw, posonly ? po_names : kw_names, posonly ? 1 : 0, 1, 0, a) < 0) return -1;
    *data = a[0];
    *usedforsecurity = true;
    return a[1] ? clib_bool(a[1], usedforsecurity) : 0;
}
