/* blake2.c - the _blake2 module: BLAKE2b and BLAKE2s (RFC 7693) with keys, salt, personalization and tree parameters. */
#include "hash.h"
#include "datamod.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/dict.h"
#include "../objects/module.h"
#include "../gc/gc.h"

#include <stdio.h>
#include <string.h>

/*
 * OpenSSL 3.0's BLAKE2 digests have a fixed output size and no key, salt,
 * personalization or tree parameters, so hashlib (like CPython) uses this
 * module for blake2b/blake2s.  The two functions differ only in word size,
 * rotation counts, round count and parameter-block layout, so the code is
 * written once as a macro over the word type.
 *
 * The state keeps the last block unprocessed until more data arrives,
 * because the final block must be compressed with the "last" flag set;
 * digest() finalizes a copy, so the object can keep absorbing data.
 */

static const uint8_t sigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

/* The initial values are SHA-512's and SHA-256's. */
static const uint64_t iv_b[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                                 0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
static const uint32_t iv_s[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

static inline uint64_t load_le(const uint8_t *p, int n) {
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--) v = (v << 8) | p[i];
    return v;
}

/* The message block as little-endian words. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define B2_LOAD_BLOCK(m, block) memcpy(m, block, sizeof m)
#else
#define B2_LOAD_BLOCK(m, block)                                                                              \
    for (int i = 0; i < 16; i++) m[i] = (__typeof__(m[0]))load_le(block + i * sizeof m[0], sizeof m[0])
#endif

/* The mixing function G on state words a, b, c, d with message words
 * s[x] and s[y] of the round's permutation (constant indices, so v stays in registers). */
#define B2_G(P, a, b, c, d, x, y, R1, R2, R3, R4)                                                            \
    do {                                                                                                     \
        v[a] = v[a] + v[b] + m[s[x]];                                                                        \
        v[d] = P##_rotr(v[d] ^ v[a], R1);                                                                    \
        v[c] = v[c] + v[d];                                                                                  \
        v[b] = P##_rotr(v[b] ^ v[c], R2);                                                                    \
        v[a] = v[a] + v[b] + m[s[y]];                                                                        \
        v[d] = P##_rotr(v[d] ^ v[a], R3);                                                                    \
        v[c] = v[c] + v[d];                                                                                  \
        v[b] = P##_rotr(v[b] ^ v[c], R4);                                                                    \
    } while (0)

/*
 * B2_DEFINE(prefix, word, block bytes, rounds, r1, r2, r3, r4) defines the
 * state struct prefix##_state and prefix##_compress / _update / _final.
 */
#define B2_DEFINE(P, W, BLOCK, ROUNDS, R1, R2, R3, R4)                                                       \
    typedef struct P##_state {                                                                               \
        W h[8];                                                                                              \
        W t[2];              /* bytes compressed so far (a 2-word counter) */                                \
        uint8_t buf[BLOCK];                                                                                  \
        uint32_t buflen;                                                                                     \
        uint8_t outlen;                                                                                      \
        bool last_node;                                                                                      \
    } P##_state;                                                                                             \
                                                                                                             \
    static inline W P##_rotr(W x, int n) { return (x >> n) | (x << (8 * sizeof(W) - n)); }                  \
                                                                                                             \
    static void P##_compress(P##_state *S, const uint8_t *block, bool last) {                               \
        W m[16], v[16];                                                                                      \
        B2_LOAD_BLOCK(m, block);                                                                             \
        for (int i = 0; i < 8; i++) v[i] = S->h[i], v[i + 8] = (W)P##_iv[i];                                \
        v[12] ^= S->t[0];                                                                                    \
        v[13] ^= S->t[1];                                                                                    \
        if (last) {                                                                                          \
            v[14] = ~v[14];                                                                                  \
            if (S->last_node) v[15] = ~v[15];                                                                \
        }                                                                                                    \
        _Pragma("GCC unroll 12") /* constant permutation indices: m stays in registers */                   \
        for (int r = 0; r < ROUNDS; r++) {                                                                   \
            const uint8_t *s = sigma[r % 10];                                                                \
            B2_G(P, 0, 4, 8, 12, 0, 1, R1, R2, R3, R4);                                                     \
            B2_G(P, 1, 5, 9, 13, 2, 3, R1, R2, R3, R4);                                                     \
            B2_G(P, 2, 6, 10, 14, 4, 5, R1, R2, R3, R4);                                                    \
            B2_G(P, 3, 7, 11, 15, 6, 7, R1, R2, R3, R4);                                                    \
            B2_G(P, 0, 5, 10, 15, 8, 9, R1, R2, R3, R4);                                                    \
            B2_G(P, 1, 6, 11, 12, 10, 11, R1, R2, R3, R4);                                                  \
            B2_G(P, 2, 7, 8, 13, 12, 13, R1, R2, R3, R4);                                                   \
            B2_G(P, 3, 4, 9, 14, 14, 15, R1, R2, R3, R4);                                                   \
        }                                                                                                    \
        for (int i = 0; i < 8; i++) S->h[i] ^= v[i] ^ v[i + 8];                                              \
    }                                                                                                        \
                                                                                                             \
    static void P##_count(P##_state *S, W n) {                                                               \
        S->t[0] += n;                                                                                        \
        if (S->t[0] < n) S->t[1]++;                                                                          \
    }                                                                                                        \
                                                                                                             \
    static void P##_update(P##_state *S, const uint8_t *in, size_t n) {                                      \
        while (n > 0) {                                                                                      \
            if (S->buflen == BLOCK) { /* more data follows, so the buffered block is not the last */        \
                P##_count(S, BLOCK);                                                                         \
                P##_compress(S, S->buf, false);                                                              \
                S->buflen = 0;                                                                               \
            }                                                                                                \
            if (S->buflen == 0 && n > BLOCK) {                                                               \
                P##_count(S, BLOCK);                                                                         \
                P##_compress(S, in, false);                                                                  \
                in += BLOCK;                                                                                 \
                n -= BLOCK;                                                                                  \
                continue;                                                                                    \
            }                                                                                                \
            size_t take = BLOCK - S->buflen < n ? BLOCK - S->buflen : n;                                     \
            memcpy(S->buf + S->buflen, in, take);                                                            \
            S->buflen += (uint32_t)take;                                                                     \
            in += take;                                                                                      \
            n -= take;                                                                                       \
        }                                                                                                    \
    }                                                                                                        \
                                                                                                             \
    static void P##_final(const P##_state *S0, uint8_t *out) {                                               \
        P##_state S = *S0;                                                                                   \
        P##_count(&S, S.buflen);                                                                             \
        memset(S.buf + S.buflen, 0, BLOCK - S.buflen);                                                       \
        P##_compress(&S, S.buf, true);                                                                       \
        for (int i = 0; i < S.outlen; i++) out[i] = (uint8_t)(S.h[i / sizeof(W)] >> (8 * (i % sizeof(W))));  \
    }

#define b2b_iv iv_b
#define b2s_iv iv_s
B2_DEFINE(b2b, uint64_t, 128, 12, 32, 24, 16, 63)
B2_DEFINE(b2s, uint32_t, 64, 10, 16, 12, 8, 7)

/* ---- the Python types ---- */

typedef struct Blake2Object {
    Object hdr;
    union {
        b2b_state b;
        b2s_state s;
    };
} Blake2Object;

static Type type_blake2b, type_blake2s;

/* The size limits of each variant, in bytes. */
typedef struct Variant {
    const char *name;
    int max_digest, max_key, salt, person, block;
    uint64_t max_offset;
} Variant;
static const Variant var_b = {"blake2b", 64, 64, 16, 16, 128, UINT64_MAX};
static const Variant var_s = {"blake2s", 32, 32, 8, 8, 64, (1ULL << 48) - 1};

static bool is_b(Value self) { return val_type(self) == &type_blake2b; }

/* A byte argument as a Buffer, or an empty one when absent. */
static int opt_buffer(Value v, Buffer *view) {
    memset(view, 0, sizeof *view);
    return v ? clib_buffer(v, view) : 0;
}

static int range(int x, int lo, int hi, const char *msg, int arg) {
    if (x >= lo && x <= hi) return 0;
    if (arg >= 0) err_format(&exc_ValueError, msg, arg);
    else err_set(&exc_ValueError, msg);
    return -1;
}

static Value blake2_new(Type *t, Value *args, size_t nargs, Value kw) {
    const Variant *V = t == &type_blake2b ? &var_b : &var_s;
    static const char *const names[] = {"",          "digest_size", "key",        "salt",       "person",
                                        "fanout",    "depth",       "leaf_size",  "node_offset", "node_depth",
                                        "inner_size", "last_node",  "usedforsecurity", NULL};
    Value a[13];
    if (dm_parse(V->name, args, nargs, kw, names, 1, 1, 0, a) < 0) return VNULL;
    /* Argument Clinic converts every argument before the checks below. */
    int digest_size = V->max_digest, fanout = 1, depth = 1, node_depth = 0, inner_size = 0;
    uint64_t leaf_size = 0, node_offset = 0;
    bool last_node = false, ufs = true;
    Buffer key, salt, person;
    if (a[1] && clib_int(a[1], &digest_size) < 0) return VNULL;
    if (opt_buffer(a[2], &key) < 0) return VNULL;
    Value r = VNULL;
    Buffer data = {0};
    if (opt_buffer(a[3], &salt) < 0) goto out_key;
    if (opt_buffer(a[4], &person) < 0) goto out_salt;
    if ((a[5] && clib_int(a[5], &fanout) < 0) || (a[6] && clib_int(a[6], &depth) < 0) ||
        (a[7] && clib_unsigned(a[7], &leaf_size, "Python int too large to convert to C unsigned long") < 0) ||
        (a[8] && clib_unsigned(a[8], &node_offset, "int too big to convert") < 0) ||
        (a[9] && clib_int(a[9], &node_depth) < 0) || (a[10] && clib_int(a[10], &inner_size) < 0) ||
        (a[11] && clib_bool(a[11], &last_node) < 0) || (a[12] && clib_bool(a[12], &ufs) < 0))
        goto out;
    if (range(digest_size, 1, V->max_digest, "digest_size must be between 1 and %d bytes", V->max_digest) < 0)
        goto out;
    if (salt.len > V->salt) {
        err_format(&exc_ValueError, "maximum salt length is %d bytes", V->salt);
        goto out;
    }
    if (person.len > V->person) {
        err_format(&exc_ValueError, "maximum person length is %d bytes", V->person);
        goto out;
    }
    if (range(fanout, 0, 255, "fanout must be between 0 and 255", -1) < 0 ||
        range(depth, 1, 255, "depth must be between 1 and 255", -1) < 0)
        goto out;
    if (leaf_size > 0xFFFFFFFFu) {
        err_set(&exc_OverflowError, "leaf_size is too large");
        goto out;
    }
    if (node_offset > V->max_offset) {
        err_set(&exc_OverflowError, "node_offset is too large");
        goto out;
    }
    if (range(node_depth, 0, 255, "node_depth must be between 0 and 255", -1) < 0 ||
        range(inner_size, 0, V->max_digest, "inner_size must be between 0 and is %d", V->max_digest) < 0)
        goto out;
    if (key.len > V->max_key) {
        err_format(&exc_ValueError, "maximum key length is %d bytes", V->max_key);
        goto out;
    }

    /* The parameter block, then h = IV xor its words. */
    uint8_t p[64] = {0};
    p[0] = (uint8_t)digest_size;
    p[1] = (uint8_t)key.len;
    p[2] = (uint8_t)fanout;
    p[3] = (uint8_t)depth;
    for (int i = 0; i < 4; i++) p[4 + i] = (uint8_t)(leaf_size >> (8 * i));
    int off_bytes = t == &type_blake2b ? 8 : 6;
    for (int i = 0; i < off_bytes; i++) p[8 + i] = (uint8_t)(node_offset >> (8 * i));
    p[8 + off_bytes] = (uint8_t)node_depth;
    p[9 + off_bytes] = (uint8_t)inner_size;
    int salt_at = t == &type_blake2b ? 32 : 16;
    if (salt.len) memcpy(p + salt_at, salt.buf, (size_t)salt.len);
    if (person.len) memcpy(p + salt_at + V->salt, person.buf, (size_t)person.len);

    Blake2Object *o = (Blake2Object *)type_generic_alloc(t, 0);
    if (!o) goto out;
    uint8_t keyblock[128] = {0};
    if (key.len) memcpy(keyblock, key.buf, (size_t)key.len);
    if (t == &type_blake2b) {
        for (int i = 0; i < 8; i++) o->b.h[i] = iv_b[i] ^ load_le(p + 8 * i, 8);
        o->b.outlen = (uint8_t)digest_size;
        o->b.last_node = last_node;
        if (key.len) b2b_update(&o->b, keyblock, 128);
    } else {
        for (int i = 0; i < 8; i++) o->s.h[i] = iv_s[i] ^ (uint32_t)load_le(p + 4 * i, 4);
        o->s.outlen = (uint8_t)digest_size;
        o->s.last_node = last_node;
        if (key.len) b2s_update(&o->s, keyblock, 64);
    }
    if (a[0]) {
        if (hash_get_data(a[0], &data) < 0) goto out;
        if (t == &type_blake2b) b2b_update(&o->b, data.buf, (size_t)data.len);
        else b2s_update(&o->s, data.buf, (size_t)data.len);
        buffer_release(&data);
    }
    r = obj_val(o);
out:
    buffer_release(&person);
out_salt:
    buffer_release(&salt);
out_key:
    buffer_release(&key);
    return r;
}

static Value blake2_update_m(Value self, Value *args, size_t nargs, Value kw) {
    const char *fname = is_b(self) ? "blake2b.update" : "blake2s.update";
    if (arg_no_kw(fname, kw) < 0 || arg_count(fname, nargs, 1, 1) < 0) return VNULL;
    Buffer view;
    if (hash_get_data(args[0], &view) < 0) return VNULL;
    Blake2Object *o = (Blake2Object *)self;
    if (is_b(self)) b2b_update(&o->b, view.buf, (size_t)view.len);
    else b2s_update(&o->s, view.buf, (size_t)view.len);
    buffer_release(&view);
    return VNone;
}

/* The digest into out (64 bytes); its length. */
static int blake2_final(Value self, uint8_t *out) {
    Blake2Object *o = (Blake2Object *)self;
    if (is_b(self)) {
        b2b_final(&o->b, out);
        return o->b.outlen;
    }
    b2s_final(&o->s, out);
    return o->s.outlen;
}

static Value blake2_digest_m(Value self, Value *args, size_t nargs, Value kw) {
    const char *fname = is_b(self) ? "blake2b.digest" : "blake2s.digest";
    if (arg_no_kw(fname, kw) < 0 || arg_count(fname, nargs, 0, 0) < 0) return VNULL;
    uint8_t out[64];
    int n = blake2_final(self, out);
    return bytes_new((const char *)out, (size_t)n);
}

static Value blake2_hexdigest_m(Value self, Value *args, size_t nargs, Value kw) {
    const char *fname = is_b(self) ? "blake2b.hexdigest" : "blake2s.hexdigest";
    if (arg_no_kw(fname, kw) < 0 || arg_count(fname, nargs, 0, 0) < 0) return VNULL;
    uint8_t out[64];
    int n = blake2_final(self, out);
    return clib_hexstr(out, (size_t)n);
}

static Value blake2_copy_m(Value self, Value *args, size_t nargs, Value kw) {
    const char *fname = is_b(self) ? "blake2b.copy" : "blake2s.copy";
    if (arg_no_kw(fname, kw) < 0 || arg_count(fname, nargs, 0, 0) < 0) return VNULL;
    Blake2Object *c = (Blake2Object *)type_generic_alloc(val_type(self), 0);
    if (!c) return VNULL;
    if (is_b(self)) c->b = ((Blake2Object *)self)->b;
    else c->s = ((Blake2Object *)self)->s;
    return obj_val(c);
}

static Value blake2_get_name(Value self) { return str_from_cstr(is_b(self) ? "blake2b" : "blake2s"); }
static Value blake2_get_digest_size(Value self) {
    Blake2Object *o = (Blake2Object *)self;
    return val_from_int(is_b(self) ? o->b.outlen : o->s.outlen);
}
static Value blake2_get_block_size(Value self) { return val_from_int(is_b(self) ? 128 : 64); }

static const MethodDef blake2_methods[] = {
    {"copy", blake2_copy_m, 0, "Return a copy of the hash object."},
    {"digest", blake2_digest_m, 0, "Return the digest value as a bytes object."},
    {"hexdigest", blake2_hexdigest_m, 0, "Return the digest value as a string of hexadecimal digits."},
    {"update", blake2_update_m, 0, "Update this hash object's state with the provided bytes-like object."},
    {NULL},
};

static const GetSetDef blake2_getsets[] = {
    {"name", blake2_get_name, NULL, NULL},
    {"digest_size", blake2_get_digest_size, NULL, NULL},
    {"block_size", blake2_get_block_size, NULL, NULL},
    {NULL},
};

static Type type_blake2b = {
    .hdr = {0, &type_type},
    .name = "_blake2.blake2b",
    .basicsize = sizeof(Blake2Object),
    .new = blake2_new,
    .methods = blake2_methods,
    .getsets = blake2_getsets,
    .doc = "Return a new BLAKE2b hash object.",
};

static Type type_blake2s = {
    .hdr = {0, &type_type},
    .name = "_blake2.blake2s",
    .basicsize = sizeof(Blake2Object),
    .new = blake2_new,
    .methods = blake2_methods,
    .getsets = blake2_getsets,
    .doc = "Return a new BLAKE2s hash object.",
};

/* SALT_SIZE, PERSON_SIZE, MAX_KEY_SIZE, MAX_DIGEST_SIZE on the class and (prefixed) on the module. */
static int add_sizes(Value m, Type *t, const Variant *V, const char *prefix) {
    const struct { const char *name; int value; } c[] = {
        {"SALT_SIZE", V->salt}, {"PERSON_SIZE", V->person}, {"MAX_KEY_SIZE", V->max_key},
        {"MAX_DIGEST_SIZE", V->max_digest}};
    for (size_t i = 0; i < 4; i++) {
        char name[40];
        snprintf(name, sizeof name, "%s_%s", prefix, c[i].name);
        if (dict_set_cstr(t->dict, c[i].name, val_from_int(c[i].value)) < 0 ||
            module_add(m, name, val_from_int(c[i].value)) < 0)
            return -1;
    }
    type_modified(t);
    return 0;
}

Value blake2_module_init(void) {
    Value m = module_new_cstr("_blake2");
    if (!m) return VNULL;
    type_ready(&type_blake2b);
    type_ready(&type_blake2s);
    if (module_add(m, "blake2b", obj_val(&type_blake2b)) < 0 || module_add(m, "blake2s", obj_val(&type_blake2s)) < 0 ||
        add_sizes(m, &type_blake2b, &var_b, "BLAKE2B") < 0 || add_sizes(m, &type_blake2s, &var_s, "BLAKE2S") < 0)
        return VNULL;
    return m;
}
