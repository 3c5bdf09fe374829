/* sha512.c - the _sha512 module: SHA-512 and SHA-384 (FIPS 180-4) hash objects, which random.py's seeding needs. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"

#include <stdio.h>

/*
 * A hash object keeps the eight 64-bit chaining values, the byte count
 * and a partial block.  SHA-384 is SHA-512 with other initial values and
 * the digest cut to 48 bytes.  The round constants are the first 64 bits
 * of the fractional parts of the cube roots of the first 80 primes, the
 * initial values those of the square roots of the first 8 (SHA-512) and
 * the next 8 (SHA-384) primes.
 */

typedef struct ShaObject {
    Object hdr;
    uint64_t h[8];
    uint64_t length;        /* bytes hashed so far */
    uint8_t buf[128];
    uint32_t buflen;
    uint32_t digest_size;   /* 64 or 48 */
} ShaObject;

Type type_sha512, type_sha384;

static const uint64_t K[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

static const uint64_t IV512[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

static const uint64_t IV384[8] = {
    0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL, 0x152fecd8f70e5939ULL,
    0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL, 0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL,
};

static inline uint64_t ror(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static void sha_block(uint64_t h[8], const uint8_t *p) {
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        uint64_t v = 0;
        for (int j = 0; j < 8; j++) v = (v << 8) | p[i * 8 + j];
        w[i] = v;
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ror(w[i - 15], 1) ^ ror(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ror(w[i - 2], 19) ^ ror(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t S1 = ror(e, 14) ^ ror(e, 18) ^ ror(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + S1 + ch + K[i] + w[i];
        uint64_t S0 = ror(a, 28) ^ ror(a, 34) ^ ror(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = S0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

static void sha_update(ShaObject *s, const uint8_t *p, size_t n) {
    s->length += n;
    if (s->buflen) {
        size_t take = 128 - s->buflen < n ? 128 - s->buflen : n;
        memcpy(s->buf + s->buflen, p, take);
        s->buflen += (uint32_t)take;
        p += take;
        n -= take;
        if (s->buflen < 128) return;
        sha_block(s->h, s->buf);
        s->buflen = 0;
    }
    for (; n >= 128; p += 128, n -= 128) sha_block(s->h, p);
    memcpy(s->buf, p, n);
    s->buflen = (uint32_t)n;
}

/* The digest of what was hashed so far; the object itself is not changed. */
static void sha_final(const ShaObject *s, uint8_t out[64]) {
    uint64_t h[8];
    uint8_t block[256];
    memcpy(h, s->h, sizeof h);
    memcpy(block, s->buf, s->buflen);
    size_t n = s->buflen;
    block[n++] = 0x80;
    /* Pad to 112 mod 128, then the 128-bit big-endian bit length. */
    size_t total = n <= 112 ? 128 : 256;
    memset(block + n, 0, total - n);
    uint64_t bits = s->length << 3, hi = s->length >> 61;
    for (int i = 0; i < 8; i++) {
        block[total - 1 - i] = (uint8_t)(bits >> (8 * i));
        block[total - 9 - i] = (uint8_t)(hi >> (8 * i));
    }
    sha_block(h, block);
    if (total == 256) sha_block(h, block + 128);
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++) out[i * 8 + j] = (uint8_t)(h[i] >> (56 - 8 * j));
}

/* The bytes of a bytes-like argument, with hashlib's messages. */
static bool get_data(Value v, const char **p, size_t *n) {
    if (str_check(v)) {
        err_set(&exc_TypeError, "Strings must be encoded before hashing");
        return false;
    }
    if (!bytes_get_buffer(v, p, n)) {
        err_set(&exc_TypeError, "object supporting the buffer API required");
        return false;
    }
    return true;
}

static Value sha_make(Type *t, const char *fname, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"string", "usedforsecurity", NULL};
    Value a[2];
    if (dm_parse(fname, args, nargs, kw, names, 0, 1, 0, a) < 0) return VNULL;
    const char *p = NULL;
    size_t n = 0;
    if (a[0] && !get_data(a[0], &p, &n)) return VNULL;
    ShaObject *s = gc_alloc(t, sizeof(ShaObject));
    if (!s) return VNULL;
    bool is384 = t == &type_sha384;
    memcpy(s->h, is384 ? IV384 : IV512, sizeof s->h);
    s->digest_size = is384 ? 48 : 64;
    if (n) sha_update(s, (const uint8_t *)p, n);
    return obj_val(s);
}

static Value sha512_m(Value self, Value *args, size_t nargs, Value kw) {
    return sha_make(&type_sha512, "sha512", args, nargs, kw);
}
static Value sha384_m(Value self, Value *args, size_t nargs, Value kw) {
    return sha_make(&type_sha384, "sha384", args, nargs, kw);
}

static Value sha_update_m(Value self, Value *args, size_t nargs, Value kw) {
    char q[32];
    snprintf(q, sizeof q, "%s.update", strchr(val_type(self)->name, '.') + 1);
    if (arg_no_kw(q, kw) < 0 || arg_count(q, nargs, 1, 1) < 0) return VNULL;
    const char *p;
    size_t n;
    if (!get_data(args[0], &p, &n)) return VNULL;
    sha_update((ShaObject *)self, (const uint8_t *)p, n);
    return VNone;
}

static Value sha_digest_m(Value self, Value *args, size_t nargs, Value kw) {
    uint8_t out[64];
    sha_final((ShaObject *)self, out);
    return bytes_new((const char *)out, ((ShaObject *)self)->digest_size);
}

static Value sha_hexdigest_m(Value self, Value *args, size_t nargs, Value kw) {
    uint8_t out[64];
    char hex[129];
    sha_final((ShaObject *)self, out);
    uint32_t n = ((ShaObject *)self)->digest_size;
    for (uint32_t i = 0; i < n; i++) {
        hex[2 * i] = "0123456789abcdef"[out[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[out[i] & 15];
    }
    return str_new(hex, 2 * n);
}

static Value sha_copy_m(Value self, Value *args, size_t nargs, Value kw) {
    ShaObject *c = gc_alloc(val_type(self), sizeof(ShaObject));
    if (!c) return VNULL;
    memcpy((char *)c + sizeof(Object), (char *)self + sizeof(Object), sizeof(ShaObject) - sizeof(Object));
    return obj_val(c);
}

static Value sha_get_name(Value self) {
    return str_from_cstr(((ShaObject *)self)->digest_size == 48 ? "sha384" : "sha512");
}
static Value sha_get_digest_size(Value self) { return val_from_int(((ShaObject *)self)->digest_size); }
static Value sha_get_block_size(Value self) { return val_from_int(128); }

static const MethodDef sha_methods[] = {
    {"copy", sha_copy_m, 0, "Return a copy of the hash object."},
    {"digest", sha_digest_m, 0, "Return the digest value as a bytes object."},
    {"hexdigest", sha_hexdigest_m, 0, "Return the digest value as a string of hexadecimal digits."},
    {"update", sha_update_m, 0, "Update this hash object's state with the provided string."},
    {NULL},
};

static const GetSetDef sha_getsets[] = {
    {"name", sha_get_name, NULL, NULL},
    {"digest_size", sha_get_digest_size, NULL, NULL},
    {"block_size", sha_get_block_size, NULL, NULL},
    {NULL},
};

Type type_sha512 = {
    .hdr = {0, &type_type},
    .name = "_sha512.sha512",
    .basicsize = sizeof(ShaObject),
    .methods = sha_methods,
    .getsets = sha_getsets,
};

Type type_sha384 = {
    .hdr = {0, &type_type},
    .name = "_sha512.sha384",
    .basicsize = sizeof(ShaObject),
    .methods = sha_methods,
    .getsets = sha_getsets,
};

static const MethodDef sha512_functions[] = {
    {"sha512", sha512_m, 0, "Return a new SHA-512 hash object; optionally initialized with a string."},
    {"sha384", sha384_m, 0, "Return a new SHA-384 hash object; optionally initialized with a string."},
    {NULL},
};

Value sha512_module_init(void) {
    Value m = module_new_cstr("_sha512");
    if (!m || module_add_functions(m, sha512_functions) < 0) return VNULL;
    type_ready(&type_sha512);
    type_ready(&type_sha384);
    if (module_add(m, "SHA384Type", obj_val(&type_sha384)) < 0 ||
        module_add(m, "SHA512Type", obj_val(&type_sha512)) < 0)
        return VNULL;
    return m;
}
