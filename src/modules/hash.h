/* hash.h - hash objects over OpenSSL's EVP digests, shared by _hashlib and the builtin _md5/_sha1/_sha256/_sha3 modules. */
#ifndef TAIPAN_HASH_H
#define TAIPAN_HASH_H

#include "clib.h"
#include <openssl/evp.h>

/*
 * A hash object owns one EVP_MD_CTX (OpenSSL's malloc memory, freed by
 * the type's finalizer).  digest() and hexdigest() finalize a copy of the
 * context, so the object can keep absorbing data afterwards, as hashlib's
 * API requires.  The same layout serves _hashlib.HASH / HASHXOF and the
 * types of the builtin modules (_md5.md5, _sha3.shake_128, ...); only the
 * names and a few attributes differ.
 */
typedef struct HashObject {
    Object hdr;
    EVP_MD_CTX *ctx;
} HashObject;

/* The bytes of an argument to update() or a constructor, with hashlib's
 * messages: "Strings must be encoded before hashing" for a str,
 * "object supporting the buffer API required" for other non-buffers.
 * Release the view with buffer_release.  0 or -1. */
int hash_get_data(Value v, Buffer *view);

/* The digest named `name` (Python spelling such as "sha3_256", or any
 * name OpenSSL knows), fetched without the FIPS restriction when
 * !usedforsecurity.  NULL with ValueError "unsupported hash type NAME"
 * (or OpenSSL's own reason) if there is none.  Free with EVP_MD_free. */
EVP_MD *hash_fetch(const char *name, bool usedforsecurity);
/* The name hashlib uses for md: "sha256", "sha3_256", "blake2b", "md5-sha1". */
const char *hash_py_name(const EVP_MD *md);
/* ValueError (or exc) from OpenSSL's error queue, in CPython's "[lib] reason" form. */
void hash_openssl_error(Type *exc, const char *fallback);

/* A new object of type t hashing with md, fed the bytes of data (VNULL: none). */
Value hash_new(Type *t, const EVP_MD *md, Value data);
/* Fill the context of a freshly allocated object (its ctx is NULL): 0 or -1. */
int hash_init(HashObject *h, const EVP_MD *md);
void hash_finalize(Object *o);
int hash_update(HashObject *h, const void *p, size_t n);
/* Digest of the data so far into out (EVP_MAX_MD_SIZE bytes); its length, -1 on error. */
int hash_final(HashObject *h, unsigned char *out);
/* XOF output of n bytes into out. */
int hash_final_xof(HashObject *h, unsigned char *out, size_t n);
Value hash_copy(Value self);

/* The shared methods and getters (fname prefixes come from the type's short name). */
Value hash_update_m(Value self, Value *args, size_t nargs, Value kw);
Value hash_digest_m(Value self, Value *args, size_t nargs, Value kw);
Value hash_hexdigest_m(Value self, Value *args, size_t nargs, Value kw);
Value hash_copy_m(Value self, Value *args, size_t nargs, Value kw);
Value hash_get_name(Value self);
Value hash_get_digest_size(Value self);
Value hash_get_block_size(Value self);

/* Parse the constructor arguments shared by the builtin modules and
 * _hashlib's openssl_* functions: (string=b'', *, usedforsecurity=True),
 * or with data_name "data" and a positional-only first parameter. */
int hash_ctor_args(const char *fname, Value *args, size_t nargs, Value kw, bool posonly,
                   Value *data, bool *usedforsecurity);

#endif
