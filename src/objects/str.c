/* str.c - the str type: UTF-8 storage, creation, interning, hashing, comparison, indexing, repr, builders. */
#include "str.h"
#include "str_internal.h"
#include "unicode_db.h"
#include "int.h"
#include "tuple.h"
#include "dict.h"
#include "list.h"
#include "misc.h"
#include "type.h"
#include "func.h"
#include "bytes.h"
#include "buffer.h"
#include "dict.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/code.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <unistd.h>

/*
 * Text is stored as UTF-8 (surrogates allowed, see str.h).  Three facts do
 * most of the work:
 *
 *  - UTF-8 byte order is code point order, so comparison is memcmp.
 *  - UTF-8 is self-synchronizing, so substring search is a byte search and
 *    a match found by memmem is always on a code point boundary.
 *  - An ASCII string (len == size) is indexed directly.  A long non-ASCII
 *    string gets, on its first random access, an index of the byte offset
 *    of every IDX_STEP-th code point, kept as a Blob in the object's GC side
 *    slot; a lookup then walks at most IDX_STEP - 1 code points.  Shorter
 *    strings are simply walked, which is bounded by IDX_MIN_LEN.
 */
#define IDX_STEP 32
#define IDX_MIN_LEN 64

/* ---- UTF-8 ---- */

uint32_t utf8_decode(const unsigned char **pp) {
    const unsigned char *p = *pp;
    uint32_t c = p[0];
    if (c < 0x80) {
        *pp = p + 1;
        return c;
    }
    if (c < 0xE0) {
        *pp = p + 2;
        return ((c & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (c < 0xF0) {
        *pp = p + 3;
        return ((c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *pp = p + 4;
    return ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) |
           (p[3] & 0x3F);
}

int utf8_encode(uint32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Code points = bytes that are not continuation bytes (10xxxxxx).  Eight
 * bytes at a time: a continuation byte has bit 7 set and bit 6 clear; the
 * flags are summed with a multiply (no popcount instruction is assumed). */
size_t utf8_count(const char *s, size_t size) {
    size_t cont = 0, i = 0;
    for (; i + 8 <= size; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t c = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
        cont += (size_t)((c * 0x0101010101010101ull) >> 56);
    }
    for (; i < size; i++) cont += utf8_is_cont((unsigned char)s[i]);
    return size - cont;
}

/* ---- Allocation and the small-string caches ---- */

static Value empty_str;
static Value char_cache[256];   /* one-code-point strings for U+0000..U+00FF */

StrObject *str_alloc(size_t size, size_t len) {
    if (size > (SIZE_MAX >> 2)) {
        err_no_memory();
        return NULL;
    }
    /* The text is the caller's to write: only the header is cleared (a
     * slot from the free list or bump space is not zeroed). */
    size_t total = sizeof(StrObject) + size + 1;
    StrObject *s = total <= GC_SMALL_MAX ? gc_alloc_small_raw(&type_str, total) : gc_alloc(&type_str, total);
    if (!s) return NULL;
    s->hash = -1;
    s->size = size;
    s->len = len;
    s->data[size] = 0;
    return s;
}

Value str_empty(void) {
    if (!empty_str) {
        StrObject *s = str_alloc(0, 0);
        if (!s) return VNULL;
        s->hash = 0;
        empty_str = obj_val(s);
        gc_add_root(&empty_str);
    }
    return empty_str;
}

Value str_char(uint32_t cp) {
    if (cp < 256 && char_cache[cp]) return char_cache[cp];
    char buf[4];
    int n = utf8_encode(cp, buf);
    StrObject *s = str_alloc((size_t)n, 1);
    if (!s) return VNULL;
    memcpy(s->data, buf, (size_t)n);
    if (cp < 256) {
        char_cache[cp] = obj_val(s);
        gc_add_root(&char_cache[cp]);
    }
    return obj_val(s);
}

Value str_from_codepoint(uint32_t cp) { return str_char(cp); }

Value str_new_len(const char *utf8, size_t size, size_t len) {
    if (size == 0) return str_empty();
    if (len == 1 && size <= 2) return str_char(utf8_decode(&(const unsigned char *){(const unsigned char *)utf8}));
    StrObject *s = str_alloc(size, len);
    if (!s) return VNULL;
    memcpy(s->data, utf8, size);
    return obj_val(s);
}

Value str_new(const char *utf8, size_t size) {
    return str_new_len(utf8, size, utf8_count(utf8, size));
}

Value str_from_cstr(const char *s) { return str_new(s, strlen(s)); }

Value str_from_codepoints(const uint32_t *cps, size_t n) {
    size_t size = 0;
    for (size_t i = 0; i < n; i++) size += cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2 : cps[i] < 0x10000 ? 3 : 4;
    if (n == 1) return str_char(cps[0]);
    StrObject *s = str_alloc(size, n);
    if (!s) return VNULL;
    char *p = s->data;
    for (size_t i = 0; i < n; i++) p += utf8_encode(cps[i], p);
    return obj_val(s);
}

/* An instance of a str subclass: the str layout followed by the attribute
 * slots the type allocator places for variable-size types. */
Value str_new_typed(Type *t, const char *utf8, size_t size, size_t len) {
    if (t == &type_str) return str_new_len(utf8, size, len);
    Value v = type_generic_alloc(t, size + 1);
    if (!v) return VNULL;
    StrObject *s = str_obj(v);
    s->hash = -1;
    s->size = size;
    s->len = len;
    memcpy(s->data, utf8, size);
    s->data[size] = 0;
    return v;
}

Value str_exact(Value s) {
    if (str_check_exact(s)) return s;
    return str_new_len(str_data(s), str_size(s), str_len(s));
}

/* ---- Hashing ---- */

/*
 * A 64-bit multiply-mix hash over the bytes (in the spirit of wyhash), keyed
 * with a per-process random seed like CPython's SipHash so that hash
 * flooding is not predictable.  PYTHONHASHSEED=N fixes the seed; 0 (as in
 * CPython) means "not randomized".
 */
static uint64_t hash_k0, hash_k1;
static bool hash_seeded;

static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Set by the command line (src/cli/args.c): the PYTHONHASHSEED it accepted,
 * -1 for random (also under -E); -2 (no command line) reads the variable. */
long long str_hash_seed_config = -2;

static NOINLINE void hash_seed_init(void) {
    uint64_t seed = 0;
    const char *env = str_hash_seed_config == -2 ? getenv("PYTHONHASHSEED") : NULL;
    if (str_hash_seed_config >= 0) {
        seed = (uint64_t)str_hash_seed_config;
    } else if (env && *env && strcmp(env, "random") != 0) {
        seed = strtoull(env, NULL, 10);
    } else if (getrandom(&seed, sizeof seed, 0) != (ssize_t)sizeof seed) {
        seed = (uint64_t)(uintptr_t)&seed ^ (uint64_t)getpid() * 0x9E3779B97F4A7C15ull;
    }
    hash_k0 = splitmix64(&seed);
    hash_k1 = splitmix64(&seed);
    hash_seeded = true;
}

static inline uint64_t hash_mix(uint64_t a, uint64_t b) {
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static inline uint64_t rd64(const unsigned char *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

hash_t str_hash_bytes(const void *data, size_t n) {
    if (n == 0) return 0;
    if (unlikely(!hash_seeded)) hash_seed_init();
    const unsigned char *p = data;
    uint64_t h = hash_k0 ^ hash_mix(n ^ 0xA0761D6478BD642Full, hash_k1);
    size_t i = 0;
    for (; i + 16 <= n; i += 16)
        h = hash_mix(rd64(p + i) ^ 0xE7037ED1A0B428DBull, rd64(p + i + 8) ^ h);
    if (i < n) {
        unsigned char tail[16] = {0};
        memcpy(tail, p + i, n - i);
        h = hash_mix(rd64(tail) ^ 0x8EBC6AF09C88C6E3ull, rd64(tail + 8) ^ h);
    }
    h = hash_mix(h ^ hash_k1, 0x589965CC75374CC3ull ^ n);
    hash_t r = (hash_t)h;
    return r == -1 ? -2 : r;
}

hash_t str_hash(Value s) {
    StrObject *o = str_obj(s);
    if (o->hash != -1) return o->hash;
    o->hash = str_hash_bytes(o->data, o->size);
    return o->hash;
}

/* ---- Interning ----
 * An open-addressing set of exact strs in a GC array, a registered root.
 * Interned strings live as long as the process (as sys.intern's did before
 * CPython 3.12 made them immortal anyway). */
static Value intern_arr;          /* the ArrayObject holding the table */
static Value *intern_tab;
static size_t intern_cap, intern_used;

static bool intern_grow(void) {
    size_t ncap = intern_cap ? intern_cap * 2 : 1024;
    Value *nt = array_alloc(ncap);
    if (!nt) return false;
    for (size_t i = 0; i < intern_cap; i++) {
        Value s = intern_tab[i];
        if (!s) continue;
        size_t j = (size_t)str_obj(s)->hash & (ncap - 1);
        while (nt[j]) j = (j + 1) & (ncap - 1);
        nt[j] = s;
    }
    if (!intern_arr) gc_add_root(&intern_arr);
    intern_arr = obj_val(container_of(nt, ArrayObject, items));
    intern_tab = nt;
    intern_cap = ncap;
    return true;
}

/* The interned string with this text, or VNULL; *slot gets the insertion point. */
static Value intern_find(const char *data, size_t size, hash_t h, size_t *slot) {
    size_t mask = intern_cap - 1, j = (size_t)h & mask;
    for (;;) {
        Value s = intern_tab[j];
        if (!s) {
            *slot = j;
            return VNULL;
        }
        StrObject *o = str_obj(s);
        if (o->hash == h && o->size == size && memcmp(o->data, data, size) == 0) return s;
        j = (j + 1) & mask;
    }
}

Value str_intern(Value s) {
    if (!intern_cap && !intern_grow()) return VNULL;
    if (!str_check_exact(s)) {
        s = str_exact(s);
        if (!s) return VNULL;
    }
    StrObject *o = str_obj(s);
    hash_t h = str_hash(s);
    size_t slot;
    Value found = intern_find(o->data, o->size, h, &slot);
    if (found) return found;
    if ((intern_used + 1) * 2 > intern_cap) {
        if (!intern_grow()) return VNULL;
        intern_find(o->data, o->size, h, &slot);
    }
    GC_WRITE(val_obj(intern_arr), intern_tab[slot], s);
    intern_used++;
    return s;
}

Value str_intern_cstr(const char *cs) {
    if (!intern_cap && !intern_grow()) return VNULL;
    size_t size = strlen(cs), slot;
    Value found = intern_find(cs, size, str_hash_bytes(cs, size), &slot);
    if (found) return found;
    Value s = str_new(cs, size);
    return s ? str_intern(s) : VNULL;
}

bool str_is_interned(Value s) {
    if (!intern_cap || !str_check_exact(s)) return false;
    size_t slot;
    return intern_find(str_data(s), str_size(s), str_hash(s), &slot) == s;
}

/* ---- Comparison ---- */

bool str_eq(Value a, Value b) {
    if (a == b) return true;
    StrObject *x = str_obj(a), *y = str_obj(b);
    if (x->size != y->size) return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
    return memcmp(x->data, y->data, x->size) == 0;
}

bool str_eq_cstr(Value a, const char *s) {
    size_t n = strlen(s);
    return str_size(a) == n && memcmp(str_data(a), s, n) == 0;
}

/* UTF-8 byte order is code point order, surrogates included. */
int str_compare(Value a, Value b) {
    size_t na = str_size(a), nb = str_size(b);
    int c = memcmp(str_data(a), str_data(b), na < nb ? na : nb);
    if (c) return c;
    return na < nb ? -1 : na > nb;
}

static Value str_richcompare(Value a, Value b, int op) {
    if (!str_check(b)) return VNotImplemented;
    if (op == CMP_EQ) return val_bool(str_eq(a, b));
    if (op == CMP_NE) return val_bool(!str_eq(a, b));
    int c = str_compare(a, b);
    switch (op) {
    case CMP_LT: return val_bool(c < 0);
    case CMP_LE: return val_bool(c <= 0);
    case CMP_GT: return val_bool(c > 0);
    default: return val_bool(c >= 0);
    }
}

/* ---- Indexing ---- */

/* The offset index of a long non-ASCII string, built on first use; NULL if
 * it could not be allocated (the caller then walks). */
static const size_t *str_index(StrObject *o) {
    /* Instances of str subclasses keep their attributes in the side slot. */
    if (o->hdr.type != &type_str) return NULL;
    void **slot = gc_side_slot(&o->hdr);
    if (!slot) return NULL;
    if (*slot) return (const size_t *)((BlobObject *)*slot)->data;
    size_t n = (o->len + IDX_STEP - 1) / IDX_STEP;
    Value blob = blob_new(n * sizeof(size_t));
    if (!blob) {
        err_clear();
        return NULL;
    }
    size_t *idx = (size_t *)((BlobObject *)blob)->data;
    const unsigned char *p = (const unsigned char *)o->data;
    size_t off = 0;
    for (size_t k = 0; k < n; k++) {
        idx[k] = off;
        for (int j = 0; j < IDX_STEP && off < o->size; j++) off += utf8_seqlen(p[off]);
    }
    /* The slot may have moved if blob_new collected (side tables are per page, stable). */
    slot = gc_side_slot(&o->hdr);
    if (!slot) return NULL;
    *slot = (void *)blob;
    return idx;
}

static void str_trace(Object *obj) {
    StrObject *o = (StrObject *)obj;
    if (o->len != o->size && o->len >= IDX_MIN_LEN) {
        void **slot = gc_side_slot(obj);
        if (slot && *slot) gc_mark(obj_val(*slot));
    }
}

size_t str_byte_offset(Value s, size_t i) {
    StrObject *o = str_obj(s);
    if (o->len == o->size) return i;
    if (i >= o->len) return o->size;
    const unsigned char *p = (const unsigned char *)o->data;
    size_t off = 0, k = i;
    if (o->len >= IDX_MIN_LEN) {
        const size_t *idx = str_index(o);
        if (idx) {
            off = idx[i / IDX_STEP];
            k = i % IDX_STEP;
        }
    } else if (i > o->len / 2) {
        /* Nearer the end: walk backwards. */
        off = o->size;
        for (size_t n = o->len - i; n; n--) off = utf8_prev(o->data, off);
        return off;
    }
    while (k--) off += utf8_seqlen(p[off]);
    return off;
}

uint32_t str_char_at(Value s, size_t i) {
    if (str_is_ascii(s)) return (unsigned char)str_data(s)[i];
    const unsigned char *p = (const unsigned char *)str_data(s) + str_byte_offset(s, i);
    return utf8_decode(&p);
}

Value str_slice(Value s, size_t start, size_t stop) {
    size_t len = str_len(s);
    if (stop > len) stop = len;
    if (start >= stop) return str_empty();
    if (start == 0 && stop == len && str_check_exact(s)) return s;
    size_t b0 = str_byte_offset(s, start);
    size_t b1 = stop == len ? str_size(s) : str_byte_offset(s, stop);
    return str_new_len(str_data(s) + b0, b1 - b0, stop - start);
}

/* s[key] for an int or a slice. */
static Value str_getitem(Value s, Value key) {
    if (val_type(key) == &type_slice) {
        ssize_t start, stop, step;
        ssize_t n = slice_indices(key, (ssize_t)str_len(s), &start, &stop, &step);
        if (n < 0) return VNULL;
        if (step == 1) return str_slice(s, (size_t)start, (size_t)stop);
        if (n == 0) return str_empty();
        if (str_is_ascii(s)) {
            StrObject *r = str_alloc((size_t)n, (size_t)n);
            if (!r) return VNULL;
            const char *d = str_data(s);
            for (ssize_t i = 0, j = start; i < n; i++, j += step) r->data[i] = d[j];
            return obj_val(r);
        }
        StrBuilder sb;
        sb_init(&sb);
        if (step > 0) {
            /* Walk forward once instead of indexing each code point. */
            size_t off = str_byte_offset(s, (size_t)start);
            const unsigned char *p = (const unsigned char *)str_data(s);
            for (ssize_t i = 0; i < n; i++) {
                size_t l = utf8_seqlen(p[off]);
                sb_append_utf8(&sb, (const char *)p + off, l, 1);
                if (i + 1 < n)
                    for (ssize_t j = 0; j < step; j++) off += utf8_seqlen(p[off]);
            }
        } else {
            size_t off = str_byte_offset(s, (size_t)start);
            const char *d = str_data(s);
            for (ssize_t i = 0; i < n; i++) {
                sb_append_utf8(&sb, d + off, utf8_seqlen((unsigned char)d[off]), 1);
                if (i + 1 < n)
                    for (ssize_t j = 0; j < -step; j++) off = utf8_prev(d, off);
            }
        }
        return sb_finish(&sb);
    }
    if (!num_check_index(key)) {
        err_format(&exc_TypeError, "string indices must be integers, not '%s'", type_name(key));
        return VNULL;
    }
    ssize_t i = num_as_ssize(key, &exc_IndexError);
    if (i == -1 && err_occurred()) return VNULL;
    ssize_t len = (ssize_t)str_len(s);
    if (i < 0) i += len;
    if (i < 0 || i >= len) {
        err_set(&exc_IndexError, "string index out of range");
        return VNULL;
    }
    if (str_is_ascii(s)) return str_char((unsigned char)str_data(s)[i]);
    size_t off = str_byte_offset(s, (size_t)i);
    const char *d = str_data(s) + off;
    size_t l = utf8_seqlen((unsigned char)*d);
    if (l <= 2) return str_char(utf8_decode(&(const unsigned char *){(const unsigned char *)d}));
    return str_new_len(d, l, 1);
}

static ssize_t str_len_slot(Value s) { return (ssize_t)str_len(s); }

/* ---- Search ---- */

ssize_t str_bytes_find(const char *h, size_t hn, const char *n, size_t nn) {
    if (nn == 0) return 0;
    if (nn > hn) return -1;
    if (nn == 1) {
        const char *p = memchr(h, n[0], hn);
        return p ? p - h : -1;
    }
    const char *p = memmem(h, hn, n, nn);
    return p ? p - h : -1;
}

ssize_t str_bytes_rfind(const char *h, size_t hn, const char *n, size_t nn) {
    if (nn > hn) return -1;
    if (nn == 0) return (ssize_t)hn;
    if (nn == 1) {
        const char *p = memrchr(h, n[0], hn);
        return p ? p - h : -1;
    }
    for (size_t i = hn - nn + 1; i-- > 0;)
        if (h[i] == n[0] && memcmp(h + i, n, nn) == 0) return (ssize_t)i;
    return -1;
}

ssize_t str_find(Value hay, Value needle, size_t start, size_t stop) {
    size_t len = str_len(hay);
    if (stop > len) stop = len;
    if (start > stop) return -1;
    size_t b0 = str_byte_offset(hay, start);
    size_t b1 = stop == len ? str_size(hay) : str_byte_offset(hay, stop);
    ssize_t r = str_bytes_find(str_data(hay) + b0, b1 - b0, str_data(needle), str_size(needle));
    if (r < 0) return -1;
    if (str_is_ascii(hay)) return (ssize_t)start + r;
    return (ssize_t)(start + utf8_count(str_data(hay) + b0, (size_t)r));
}

static int str_contains(Value s, Value v) {
    if (!str_check(v)) {
        err_format(&exc_TypeError, "'in <string>' requires string as left operand, not %s", type_name(v));
        return -1;
    }
    return str_bytes_find(str_data(s), str_size(s), str_data(v), str_size(v)) >= 0;
}

/* ---- Concatenation and repetition ---- */

Value str_concat(Value a, Value b) {
    if (str_size(a) == 0 && str_check_exact(b)) return b;
    if (str_size(b) == 0 && str_check_exact(a)) return a;
    size_t na = str_size(a), nb = str_size(b);
    StrObject *r = str_alloc(na + nb, str_len(a) + str_len(b));
    if (!r) return VNULL;
    memcpy(r->data, str_data(a), na);
    memcpy(r->data + na, str_data(b), nb);
    return obj_val(r);
}

static Value str_concat_slot(Value a, Value b) {
    if (!str_check(a)) return VNotImplemented;
    if (!str_check(b)) {
        err_format(&exc_TypeError, "can only concatenate str (not \"%s\") to str", type_name(b));
        return VNULL;
    }
    return str_concat(a, b);
}

Value str_repeat(Value s, ssize_t n) {
    size_t size = str_size(s);
    if (n <= 0 || size == 0) return str_empty();
    if (n == 1 && str_check_exact(s)) return s;
    if ((size_t)n > (size_t)SSIZE_MAX / size) {
        err_set(&exc_OverflowError, "repeated string is too long");
        return VNULL;
    }
    size_t total = size * (size_t)n;
    StrObject *r = str_alloc(total, str_len(s) * (size_t)n);
    if (!r) return VNULL;
    if (size == 1) {
        memset(r->data, str_data(s)[0], total);
    } else {
        /* Doubling copies: log2(n) memcpy calls. */
        memcpy(r->data, str_data(s), size);
        size_t done = size;
        while (done < total) {
            size_t k = done <= total - done ? done : total - done;
            memcpy(r->data + done, r->data, k);
            done += k;
        }
    }
    return obj_val(r);
}

/* ---- repr ---- */

static void sb_append_escape(StrBuilder *sb, uint32_t c) {
    static const char hex[] = "0123456789abcdef";
    char buf[10];
    int n;
    buf[0] = '\\';
    if (c < 0x100) {
        buf[1] = 'x';
        n = 2;
    } else if (c < 0x10000) {
        buf[1] = 'u';
        n = 4;
    } else {
        buf[1] = 'U';
        n = 8;
    }
    for (int i = 0; i < n; i++) buf[2 + i] = hex[(c >> (4 * (n - 1 - i))) & 0xF];
    sb_append(sb, buf, (size_t)n + 2);
}

Value str_repr(Value s) {
    const unsigned char *p = (const unsigned char *)str_data(s), *end = p + str_size(s);
    /* CPython's quote choice: single quotes unless the text has a ' and no ". */
    bool has_sq = memchr(p, '\'', str_size(s)) != NULL;
    bool has_dq = has_sq && memchr(p, '"', str_size(s)) != NULL;
    char quote = has_sq && !has_dq ? '"' : '\'';
    StrBuilder sb;
    sb_init(&sb);
    sb_append_char(&sb, quote);
    while (p < end) {
        /* Copy runs of plain printable ASCII in one go. */
        const unsigned char *q = p;
        while (q < end && *q >= 0x20 && *q < 0x7f && *q != '\\' && *q != (unsigned char)quote) q++;
        if (q > p) {
            sb_append_utf8(&sb, (const char *)p, (size_t)(q - p), (size_t)(q - p));
            p = q;
            if (p >= end) break;
        }
        const unsigned char *start = p;
        uint32_t c = utf8_decode(&p);
        if (c == (uint32_t)quote || c == '\\') {
            sb_append_char(&sb, '\\');
            sb_append_char(&sb, (char)c);
        } else if (c == '\t') {
            sb_append(&sb, "\\t", 2);
        } else if (c == '\n') {
            sb_append(&sb, "\\n", 2);
        } else if (c == '\r') {
            sb_append(&sb, "\\r", 2);
        } else if (c < 0x20 || c == 0x7f) {
            sb_append_escape(&sb, c);
        } else if (c < 0x7f) {
            sb_append_char(&sb, (char)c);
        } else if (ucd_has(c, UCD_PRINTABLE)) {
            sb_append_utf8(&sb, (const char *)start, (size_t)(p - start), 1);
        } else {
            sb_append_escape(&sb, c);
        }
    }
    sb_append_char(&sb, quote);
    return sb_finish(&sb);
}

static Value str_repr_slot(Value s) { return str_repr(s); }

/* str(s) of a subclass instance is an exact str with the same text. */
static Value str_str_slot(Value s) { return str_exact(s); }

static hash_t str_hash_slot(Value s) { return str_hash(s); }

/* ---- join and whitespace split (used by the methods and by the VM) ---- */

/* memcpy for the short pieces a join mostly copies: up to 16 bytes with
 * two overlapping loads and stores instead of a library call. */
static inline void copy_short(char *dst, const char *src, size_t n) {
    if (n >= 8 && n <= 16) {
        uint64_t a, b;
        memcpy(&a, src, 8);
        memcpy(&b, src + n - 8, 8);
        memcpy(dst, &a, 8);
        memcpy(dst + n - 8, &b, 8);
    } else if (n >= 4 && n < 8) {
        uint32_t a, b;
        memcpy(&a, src, 4);
        memcpy(&b, src + n - 4, 4);
        memcpy(dst, &a, 4);
        memcpy(dst + n - 4, &b, 4);
    } else if (n > 16) {
        memcpy(dst, src, n);
    } else if (n) {
        dst[0] = src[0];
        dst[n / 2] = src[n / 2];
        dst[n - 1] = src[n - 1];
    }
}

Value str_join(Value sep, Value iterable) {
    Value seq = iterable;
    if (!list_check_exact(seq) && !tuple_check_exact(seq)) {
        seq = list_from_iterable(iterable);
        if (!seq) {
            if (err_matches(&exc_TypeError) && !val_type(iterable)->iter && !val_type(iterable)->getitem) {
                err_clear();
                err_set(&exc_TypeError, "can only join an iterable");
            }
            return VNULL;
        }
    }
    bool is_list = list_check_exact(seq);
    ssize_t n = is_list ? list_size(seq) : tuple_size(seq);
    if (n == 0) return str_empty();
    if (n == 1) {
        Value item = is_list ? list_get(seq, 0) : tuple_get(seq, 0);
        if (str_check_exact(item)) return item;
    }
    size_t size = 0, len = 0;
    for (ssize_t i = 0; i < n; i++) {
        Value item = is_list ? list_get(seq, i) : tuple_get(seq, i);
        if (!str_check(item)) {
            err_format(&exc_TypeError, "sequence item %zd: expected str instance, %s found", i, type_name(item));
            return VNULL;
        }
        size += str_size(item);
        len += str_len(item);
    }
    size += str_size(sep) * (size_t)(n - 1);
    len += str_len(sep) * (size_t)(n - 1);
    StrObject *r = str_alloc(size, len);
    if (!r) return VNULL;
    char *p = r->data;
    const char *sd = str_data(sep);
    size_t ss = str_size(sep);
    /* A list may be mutated by nothing here (no Python code runs), but
     * re-read its size anyway: the item loop above fixed n. */
    for (ssize_t i = 0; i < n; i++) {
        Value item = is_list ? list_get(seq, i) : tuple_get(seq, i);
        if (i && ss) {
            copy_short(p, sd, ss);
            p += ss;
        }
        copy_short(p, str_data(item), str_size(item));
        p += str_size(item);
    }
    return obj_val(r);
}

static inline bool is_space_at(const unsigned char *p, const unsigned char *end, size_t *l) {
    if (*p < 0x80) {
        *l = 1;
        return ucd_isspace(*p);
    }
    const unsigned char *q = p;
    uint32_t c = utf8_decode(&q);
    *l = (size_t)(q - p);
    return ucd_has(c, UCD_SPACE);
}

Value str_split_whitespace(Value s, ssize_t maxsplit) {
    Value out = list_new(0);
    if (!out) return VNULL;
    const unsigned char *base = (const unsigned char *)str_data(s);
    const unsigned char *p = base, *end = p + str_size(s);
    if (maxsplit < 0) maxsplit = SSIZE_MAX;
    size_t l;
    while (p < end) {
        while (p < end && is_space_at(p, end, &l)) p += l;
        if (p >= end) break;
        if (maxsplit-- == 0) {
            /* The rest, with trailing whitespace kept (CPython's rule). */
            Value piece = str_new((const char *)p, (size_t)(end - p));
            if (!piece || list_append(out, piece) < 0) return VNULL;
            break;
        }
        const unsigned char *w = p;
        while (p < end && !is_space_at(p, end, &l)) p += l;
        Value piece;
        if (w == base && p == end && str_check_exact(s)) piece = s;
        else piece = str_new((const char *)w, (size_t)(p - w));
        if (!piece || list_append(out, piece) < 0) return VNULL;
    }
    return out;
}

/* ---- Argument helpers shared with the methods ---- */

/* An optional start/end argument as a clipped ssize_t (CPython's _PyEval_SliceIndex). */
static int slice_index(Value v, ssize_t *out) {
    if (!v || v == VNone) return 0;
    if (!num_check_index(v)) {
        err_set(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    Value iv = num_index(v);
    if (!iv) return -1;
    if (val_is_int(iv)) *out = val_int(iv);
    else if (int_fits_i64(iv)) *out = (ssize_t)int_as_i64(iv);
    else *out = int_sign(iv) < 0 ? -SSIZE_MAX - 1 : SSIZE_MAX;
    return 0;
}

/* Python's slice-like clamping of optional start/end for find/count/... */
int str_parse_bounds(Value vstart, Value vend, size_t len, size_t *start, size_t *end) {
    ssize_t s = 0, e = (ssize_t)len;
    if (slice_index(vstart, &s) < 0 || slice_index(vend, &e) < 0) return -1;
    if (s < 0) {
        s += (ssize_t)len;
        if (s < 0) s = 0;
    }
    if (e < 0) {
        e += (ssize_t)len;
        if (e < 0) e = 0;
    } else if (e > (ssize_t)len) {
        e = (ssize_t)len;
    }
    /* start may exceed len: callers treat start > end as "nothing found",
     * but "abc".find("", 3) == 3 and .find("", 4) == -1, so keep it. */
    *start = (size_t)s;
    *end = (size_t)e;
    return 0;
}

int methargs_check(Value kwnames, size_t nargs, const char *qual, int style, size_t lo, size_t hi) {
    const char *dot = strchr(qual, '.');
    const char *bare = dot ? dot + 1 : qual;
    if (kwnames && tuple_size(kwnames) > 0) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", style == ARGS_OLD ? bare : qual);
        return -1;
    }
    if (nargs >= lo && nargs <= hi) return 0;
    if (style == ARGS_SIMPLE) return arg_count(qual, nargs, lo, hi);
    if (style == ARGS_CLINIC) return arg_count(bare, nargs, lo, hi);
    size_t bound = nargs < lo ? lo : hi;
    err_format(&exc_TypeError, "%s() takes %s %zu argument%s (%zu given)", bare, nargs < lo ? "at least" : "at most",
               bound, bound == 1 ? "" : "s", nargs);
    return -1;
}

/* ---- The string builder ---- */

void sb_init(StrBuilder *sb) {
    sb->buf = sb->inline_buf;
    sb->cap = sizeof sb->inline_buf;
    sb->size = sb->len = 0;
    sb->failed = false;
}

static void sb_free(StrBuilder *sb) {
    if (sb->buf != sb->inline_buf) free(sb->buf);
}

static NOINLINE bool sb_grow(StrBuilder *sb, size_t need) {
    if (sb->failed) return false;
    size_t ncap = sb->cap * 2;
    while (ncap < sb->size + need + 1) {
        if (ncap > (SIZE_MAX >> 2)) {
            sb->failed = true;
            return false;
        }
        ncap *= 2;
    }
    char *nb;
    if (sb->buf == sb->inline_buf) {
        nb = malloc(ncap);
        if (nb) memcpy(nb, sb->buf, sb->size);
    } else {
        nb = realloc(sb->buf, ncap);
    }
    if (!nb) {
        sb->failed = true;
        return false;
    }
    sb->buf = nb;
    sb->cap = ncap;
    return true;
}

static inline bool sb_reserve(StrBuilder *sb, size_t need) {
    if (likely(sb->size + need < sb->cap)) return true;
    return sb_grow(sb, need);
}

void sb_append_utf8(StrBuilder *sb, const char *s, size_t size, size_t len) {
    if (!sb_reserve(sb, size)) return;
    memcpy(sb->buf + sb->size, s, size);
    sb->size += size;
    sb->len += len;
}

void sb_append(StrBuilder *sb, const char *s, size_t size) {
    sb_append_utf8(sb, s, size, utf8_count(s, size));
}

void sb_append_cstr(StrBuilder *sb, const char *s) { sb_append(sb, s, strlen(s)); }

void sb_append_char(StrBuilder *sb, char c) {
    if (!sb_reserve(sb, 1)) return;
    sb->buf[sb->size++] = c;
    sb->len++;
}

void sb_append_codepoint(StrBuilder *sb, uint32_t cp) {
    if (!sb_reserve(sb, 4)) return;
    sb->size += (size_t)utf8_encode(cp, sb->buf + sb->size);
    sb->len++;
}

void sb_append_repeat(StrBuilder *sb, uint32_t cp, size_t n) {
    char enc[4];
    int l = utf8_encode(cp, enc);
    if (n > (SIZE_MAX >> 3)) {
        sb->failed = true;
        return;
    }
    if (!sb_reserve(sb, (size_t)l * n)) return;
    if (l == 1) {
        memset(sb->buf + sb->size, enc[0], n);
    } else {
        for (size_t i = 0; i < n; i++) memcpy(sb->buf + sb->size + i * (size_t)l, enc, (size_t)l);
    }
    sb->size += (size_t)l * n;
    sb->len += n;
}

void sb_append_str(StrBuilder *sb, Value s) { sb_append_utf8(sb, str_data(s), str_size(s), str_len(s)); }

int sb_append_repr(StrBuilder *sb, Value v) {
    Value r = obj_repr(v);
    if (!r) return -1;
    sb_append_str(sb, r);
    return 0;
}

int sb_append_strof(StrBuilder *sb, Value v) {
    Value r = obj_str(v);
    if (!r) return -1;
    sb_append_str(sb, r);
    return 0;
}

Value sb_finish(StrBuilder *sb) {
    if (sb->failed) {
        sb_free(sb);
        sb_init(sb);
        if (!err_occurred()) err_no_memory();
        return VNULL;
    }
    Value r = str_new_len(sb->buf, sb->size, sb->len);
    sb_free(sb);
    sb_init(sb);
    return r;
}

void sb_discard(StrBuilder *sb) {
    sb_free(sb);
    sb_init(sb);
}

/* ---- printf ---- */

/* The name of a type as CPython's tp_name shows it in messages. */
static void sb_append_type_name(StrBuilder *sb, Type *t) {
    if ((t->flags & TF_HEAPTYPE) && t->name_obj && str_check(t->name_obj)) sb_append_str(sb, t->name_obj);
    else sb_append_cstr(sb, t->name ? t->name : "?");
}

/* Append text (size bytes, len code points) honouring width, precision and '-'. */
static void sb_append_padded(StrBuilder *sb, const char *s, size_t size, size_t len, long width, long prec,
                             bool left) {
    if (prec >= 0 && (size_t)prec < len) {
        size_t off = 0;
        for (long i = 0; i < prec; i++) off += utf8_seqlen((unsigned char)s[off]);
        size = off;
        len = (size_t)prec;
    }
    if (!left && width > 0 && (size_t)width > len) sb_append_repeat(sb, ' ', (size_t)width - len);
    sb_append_utf8(sb, s, size, len);
    if (left && width > 0 && (size_t)width > len) sb_append_repeat(sb, ' ', (size_t)width - len);
}

void sb_vprintf(StrBuilder *sb, const char *fmt, va_list ap) {
    const char *f = fmt;
    while (*f) {
        const char *lit = f;
        while (*f && *f != '%') f++;
        if (f > lit) sb_append(sb, lit, (size_t)(f - lit));
        if (!*f) break;
        const char *spec = f++;
        bool left = false, zero = false;
        for (;; f++) {
            if (*f == '-') left = true;
            else if (*f == '0') zero = true;
            else break;
        }
        long width = -1, prec = -1;
        if (*f == '*') {
            width = va_arg(ap, int);
            f++;
        } else if (*f >= '1' && *f <= '9') {
            width = strtol(f, (char **)&f, 10);
        }
        if (*f == '.') {
            f++;
            if (*f == '*') {
                prec = va_arg(ap, int);
                f++;
            } else {
                prec = strtol(f, (char **)&f, 10);
            }
        }
        int lmod = 0; /* 1: l, 2: ll, 3: z */
        if (*f == 'l') {
            lmod = 1;
            f++;
            if (*f == 'l') {
                lmod = 2;
                f++;
            }
        } else if (*f == 'z') {
            lmod = 3;
            f++;
        } else if (*f == 'h') {
            f++;
        }
        char conv = *f ? *f++ : '\0';
        char num[80];
        switch (conv) {
        case '%':
            sb_append_char(sb, '%');
            break;
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
            /* Format the bare number with snprintf, then pad it here. */
            char cf[8];
            snprintf(cf, sizeof cf, "%%%s%c", lmod == 1 ? "l" : lmod == 2 ? "ll" : lmod == 3 ? "z" : "", conv);
            bool is_signed = conv == 'd' || conv == 'i';
            if (lmod == 2) {
                if (is_signed) snprintf(num, sizeof num, cf, va_arg(ap, long long));
                else snprintf(num, sizeof num, cf, va_arg(ap, unsigned long long));
            } else if (lmod == 1) {
                if (is_signed) snprintf(num, sizeof num, cf, va_arg(ap, long));
                else snprintf(num, sizeof num, cf, va_arg(ap, unsigned long));
            } else if (lmod == 3) {
                if (is_signed) snprintf(num, sizeof num, cf, va_arg(ap, ssize_t));
                else snprintf(num, sizeof num, cf, va_arg(ap, size_t));
            } else {
                if (is_signed) snprintf(num, sizeof num, cf, va_arg(ap, int));
                else snprintf(num, sizeof num, cf, va_arg(ap, unsigned int));
            }
            size_t nl = strlen(num);
            if (width > 0 && (size_t)width > nl && zero && !left) {
                /* Zero padding goes after the sign. */
                size_t signlen = num[0] == '-' ? 1 : 0;
                sb_append(sb, num, signlen);
                sb_append_repeat(sb, '0', (size_t)width - nl);
                sb_append(sb, num + signlen, nl - signlen);
            } else {
                sb_append_padded(sb, num, nl, nl, width, -1, left);
            }
            break;
        }
        case 'c':
            sb_append_codepoint(sb, (uint32_t)va_arg(ap, int));
            break;
        case 'p': {
            void *ptr = va_arg(ap, void *);
            snprintf(num, sizeof num, "0x%lx", (unsigned long)(uintptr_t)ptr);
            sb_append_padded(sb, num, strlen(num), strlen(num), width, -1, left);
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s) s = "(null)";
            size_t size = strlen(s);
            if (prec >= 0) {
                /* Count at most prec code points without reading past them. */
                size_t off = 0;
                for (long i = 0; i < prec && off < size; i++) off += utf8_seqlen((unsigned char)s[off]);
                if (off > size) off = size;
                size = off;
            }
            sb_append_padded(sb, s, size, utf8_count(s, size), width, -1, left);
            break;
        }
        case 'R': case 'S': case 'A': case 'U': {
            Value v = va_arg(ap, Value);
            Value r;
            if (conv == 'U') r = v;
            else if (conv == 'R') r = obj_repr(v);
            else if (conv == 'S') r = obj_str(v);
            else r = obj_ascii(v);
            if (!r) {
                sb->failed = true;
                break;
            }
            sb_append_padded(sb, str_data(r), str_size(r), str_len(r), width, prec, left);
            break;
        }
        case 'T': case 'N': {
            Type *t = conv == 'T' ? val_type(va_arg(ap, Value)) : va_arg(ap, Type *);
            StrBuilder tmp;
            sb_init(&tmp);
            sb_append_type_name(&tmp, t);
            if (tmp.failed) {
                sb->failed = true;
                break;
            }
            sb_append_padded(sb, tmp.buf, tmp.size, tmp.len, width, prec, left);
            sb_discard(&tmp);
            break;
        }
        default:
            /* Unknown directive: copy it literally, as CPython does. */
            sb_append(sb, spec, (size_t)(f - spec));
            break;
        }
    }
}

void sb_printf(StrBuilder *sb, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(sb, fmt, ap);
    va_end(ap);
}

Value str_vprintf(const char *fmt, va_list ap) {
    StrBuilder sb;
    sb_init(&sb);
    sb_vprintf(&sb, fmt, ap);
    return sb_finish(&sb);
}

Value str_printf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Value r = str_vprintf(fmt, ap);
    va_end(ap);
    return r;
}

/* ---- The str iterator ---- */

typedef struct StrIterObject {
    Object hdr;
    Value str;      /* VNULL once exhausted */
    size_t off;     /* byte offset of the next code point */
    size_t index;   /* its code point index */
} StrIterObject;

/* Two types that differ only in name, as CPython's (the ASCII one is what
 * type(iter('abc')) shows). */
Type type_str_iter, type_str_ascii_iter;

static void str_iter_trace(Object *o) { gc_mark(((StrIterObject *)o)->str); }

static Value str_iter(Value s) {
    Type *t = str_is_ascii(s) ? &type_str_ascii_iter : &type_str_iter;
    if (!(t->flags & TF_READY)) type_ready(t);
    StrIterObject *it = gc_alloc(t, sizeof(StrIterObject));
    if (!it) return VNULL;
    it->str = s;
    return obj_val(it);
}

static Value str_iter_next(Value v) {
    StrIterObject *it = (StrIterObject *)v;
    Value s = it->str;
    if (!s) return VNULL;
    if (it->off >= str_size(s)) {
        it->str = VNULL;
        return VNULL;
    }
    const unsigned char *p = (const unsigned char *)str_data(s) + it->off;
    size_t l = utf8_seqlen(*p);
    it->off += l;
    it->index++;
    if (l <= 2) return str_char(utf8_decode(&p));
    return str_new_len((const char *)p, l, 1);
}

static Value str_iter_self(Value v) { return v; }

static Value str_iter_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__length_hint__", kw) < 0 || arg_count("__length_hint__", nargs, 0, 0) < 0) return VNULL;
    StrIterObject *it = (StrIterObject *)self;
    if (!it->str) return val_from_int(0);
    return val_from_int((intptr_t)(str_len(it->str) - it->index));
}

/* (iter, (str,), index), or iter('') once exhausted, as CPython pickles it. */
static Value str_iter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__reduce__", kw) < 0 || arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    StrIterObject *it = (StrIterObject *)self;
    extern Value builtins_dict;
    Value fn = dict_get_cstr(builtins_dict, "iter");
    if (!fn) return VNULL;
    if (!it->str) return tuple_pack(2, fn, tuple_pack(1, str_empty()));
    return tuple_pack(3, fn, tuple_pack(1, it->str), int_from_i64((int64_t)it->index));
}

static Value str_iter_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__setstate__", kw) < 0 || arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    StrIterObject *it = (StrIterObject *)self;
    ssize_t i = num_as_ssize(args[0], &exc_OverflowError);
    if (i == -1 && err_occurred()) return VNULL;
    if (it->str) {
        size_t len = str_len(it->str);
        size_t k = i < 0 ? 0 : (size_t)i > len ? len : (size_t)i;
        it->index = k;
        it->off = str_byte_offset(it->str, k);
    }
    return VNone;
}

static const MethodDef str_iter_methods[] = {
    {"__length_hint__", str_iter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", str_iter_reduce, 0, "Return state information for pickling."},
    {"__setstate__", str_iter_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

Type type_str_iter = {
    .hdr = {0, &type_type},
    .name = "str_iterator",
    .basicsize = sizeof(StrIterObject),
    .trace = str_iter_trace,
    .iter = str_iter_self,
    .iternext = str_iter_next,
    .methods = str_iter_methods,
};

Type type_str_ascii_iter = {
    .hdr = {0, &type_type},
    .name = "str_ascii_iterator",
    .basicsize = sizeof(StrIterObject),
    .trace = str_iter_trace,
    .iter = str_iter_self,
    .iternext = str_iter_next,
    .methods = str_iter_methods,
};

/* ---- Construction: str(object='') and str(object=b'', encoding, errors) ---- */

static Value str_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    /* str(x), the common call, without the argument parser. */
    if (t == &type_str && nargs == 1 && (!kwnames || tuple_size(kwnames) == 0)) return obj_str(args[0]);
    Value a[3];
    if (arg_parse("str", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    Value r;
    if (!a[0]) {
        r = str_empty();
    } else if (!a[1] && !a[2]) {
        r = obj_str(a[0]);
    } else {
        const char *enc = "utf-8", *errors = NULL;
        if (!codec_arg("str", "encoding", a[1], &enc) || !codec_arg("str", "errors", a[2], &errors)) return VNULL;
        const char *data;
        size_t size;
        if (str_check(a[0])) {
            err_set(&exc_TypeError, "decoding str is not supported");
            return VNULL;
        }
        if (!bytes_get_buffer(a[0], &data, &size)) {
            err_format(&exc_TypeError, "decoding to str: need a bytes-like object, %s found", type_name(a[0]));
            return VNULL;
        }
        r = bytes_decode(data, size, enc, errors);
    }
    if (!r || t == &type_str) return r;
    return str_new_typed(t, str_data(r), str_size(r), str_len(r));
}

static Value str_mod_slot(Value a, Value b) {
    if (!str_check(a)) return VNotImplemented;
    return str_mod(a, b);
}

Type type_str = {
    .hdr = {0, &type_type},
    .name = "str",
    .basicsize = sizeof(StrObject),
    .itemsize = 1,
    .flags = TF_BASETYPE | TF_STR_SUBCLASS,
    .trace = str_trace,
    .new = str_new_m,
    .repr = str_repr_slot,
    .str = str_str_slot,
    .hash = str_hash_slot,
    .richcompare = str_richcompare,
    .iter = str_iter,
    .nb = {[BINOP_MOD] = str_mod_slot},
    .len = str_len_slot,
    .getitem = str_getitem,
    .contains = str_contains,
    .sq_concat = str_concat_slot,
    .sq_repeat = str_repeat,
    .methods = str_methods_table,
    .doc = "str(object='') -> str\n"
           "str(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
           "Create a new string object from the given object. If encoding or\n"
           "errors is specified, then the object must expose a data buffer\n"
           "that will be decoded using the given encoding and error handler.\n"
           "Otherwise, returns the result of object.__str__() (if defined)\n"
           "or repr(object).\n"
           "encoding defaults to sys.getdefaultencoding().\n"
           "errors defaults to 'strict'.",
};
