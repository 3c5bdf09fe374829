/* marshal.c - the marshal module: CPython 3.11's format (versions 0-4, references) for data values. */
#include "marshal.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/complex.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/set.h"
#include "../objects/buffer.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../vm/code.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <stdlib.h>
#include <string.h>

/*
 * References (version >= 3).  CPython marks an object with FLAG_REF, and
 * writes a later occurrence as a reference, only when the object's
 * reference count is above one: a value that is also a constant of some
 * code, bound to a variable or interned is flagged, a fresh temporary is
 * not.  Taipan has no reference counts, so it uses a rule that agrees with
 * CPython in the common cases: ints, floats, complex numbers, strs, bytes,
 * code objects and tuples made of such constants are always flagged (as
 * literals and small ints are in CPython); other tuples, lists, dicts,
 * sets, frozensets and other objects are flagged only when they occur more than once in the value being written
 * (shared or cyclic), which a counting pass finds first, or when they are
 * the value passed to dumps() (usually held by a variable as well).  So
 * `marshal.dumps([1, 2])` on a temporary list, or a computed number nested
 * in a container, comes out flagged (or not) where CPython's does not (or
 * does); both forms load back to equal values, in either implementation.
 */

/* ---- Identity map ---- */

static size_t idmap_hash(uintptr_t k) { return (size_t)((k >> 3) * 0x9E3779B97F4A7C15ull); }

static void idmap_free(IdMap *m) {
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* The slot of key k, inserting it with value `init` if absent; NULL on MemoryError. */
static int32_t *idmap_slot(IdMap *m, uintptr_t k, int32_t init, bool *found) {
    if ((m->used + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 64;
        uintptr_t *nk = calloc(ncap, sizeof *nk);
        int32_t *nv = malloc(ncap * sizeof *nv);
        if (!nk || !nv) {
            free(nk);
            free(nv);
            return NULL;
        }
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->keys[i]) continue;
            size_t j = idmap_hash(m->keys[i]) & (ncap - 1);
            while (nk[j]) j = (j + 1) & (ncap - 1);
            nk[j] = m->keys[i];
            nv[j] = m->vals[i];
        }
        free(m->keys);
        free(m->vals);
        m->keys = nk;
        m->vals = nv;
        m->cap = ncap;
    }
    size_t j = idmap_hash(k) & (m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == k) {
            *found = true;
            return &m->vals[j];
        }
        j = (j + 1) & (m->cap - 1);
    }
    *found = false;
    m->keys[j] = k;
    m->vals[j] = init;
    m->used++;
    return &m->vals[j];
}

static int32_t idmap_get(IdMap *m, uintptr_t k) {
    if (!m->cap) return 0;
    size_t j = idmap_hash(k) & (m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == k) return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}

/* ---- Writing ---- */

void mw_init(MWriter *w, int version) {
    memset(w, 0, sizeof *w);
    bb_init(&w->bb);
    w->version = version;
}

void mw_free(MWriter *w) {
    idmap_free(&w->refs);
    idmap_free(&w->counts);
}

void mw_byte(MWriter *w, int c) { bb_append_byte(&w->bb, (unsigned char)c); }

void mw_long(MWriter *w, int32_t x) {
    unsigned char b[4] = {(unsigned char)x, (unsigned char)(x >> 8), (unsigned char)(x >> 16),
                          (unsigned char)(x >> 24)};
    bb_append(&w->bb, b, 4);
}

void mw_bytes(MWriter *w, const void *s, size_t n) { bb_append(&w->bb, s, n); }

void mw_varint(MWriter *w, uint64_t x) {
    while (x >= 0x80) {
        mw_byte(w, (int)(x & 0x7f) | 0x80);
        x >>= 7;
    }
    mw_byte(w, (int)x);
}

static void w_size(MWriter *w, size_t n) {
    if (n > 0x7fffffff) {
        if (!w->error) w->error = MW_UNMARSHALLABLE;
        return;
    }
    mw_long(w, (int32_t)n);
}

static void w_pstring(MWriter *w, const void *s, size_t n) {
    w_size(w, n);
    mw_bytes(w, s, n);
}

static void w_short_pstring(MWriter *w, const void *s, size_t n) {
    mw_byte(w, (int)n);
    mw_bytes(w, s, n);
}

static void w_float_bin(MWriter *w, double d) {
    unsigned char b[8];
    memcpy(b, &d, 8);   /* little-endian target */
    mw_bytes(w, b, 8);
}

/* Version 0 and 1 floats: repr with 17 significant digits ('g'). */
static void w_float_str(MWriter *w, double d) {
    char buf[64];
    int n = float_format_buf(d, 'g', 17, false, buf, sizeof buf);
    if (n < 0) {
        w->error = MW_NOMEMORY;
        return;
    }
    w_short_pstring(w, buf, (size_t)n);
}

/* Ints beyond 32 bits: the magnitude in 15-bit digits, the count signed. */
static void w_long_digits(MWriter *w, Value v, int flag) {
    mw_byte(w, MT_LONG | flag);
    uint64_t small;
    const mp_limb_t *limbs;
    size_t nlimbs;
    bool neg;
    if (val_is_int(v)) {
        int64_t i = val_int(v);
        neg = i < 0;
        small = neg ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        limbs = (const mp_limb_t *)&small;
        nlimbs = 1;
    } else {
        BigIntObject *b = (BigIntObject *)val_obj(v);
        neg = b->size < 0;
        nlimbs = (size_t)(neg ? -b->size : b->size);
        limbs = b->limbs;
    }
    size_t bits = 0;
    if (nlimbs) {
        mp_limb_t top = limbs[nlimbs - 1];
        bits = (nlimbs - 1) * 64;
        while (top) {
            bits++;
            top >>= 1;
        }
    }
    size_t ndigits = (bits + 14) / 15;
    if (ndigits > 0x7fffffff) {
        w->error = MW_UNMARSHALLABLE;
        return;
    }
    mw_long(w, neg ? -(int32_t)ndigits : (int32_t)ndigits);
    for (size_t d = 0; d < ndigits; d++) {
        size_t bit = d * 15, li = bit / 64, off = bit % 64;
        uint64_t x = limbs[li] >> off;
        if (off > 64 - 15 && li + 1 < nlimbs) x |= limbs[li + 1] << (64 - off);
        unsigned digit = (unsigned)(x & 0x7fff);
        unsigned char b[2] = {(unsigned char)digit, (unsigned char)(digit >> 8)};
        mw_bytes(w, b, 2);
    }
}

/* Objects flagged whenever CPython's literals and cached values are (see above):
 * a tuple only if it could be a constant (made of constants only). */
static bool shared_at(Value v, int depth) {
    if (val_is_int(v)) return true;
    Type *t = val_type(v);
    if (t == &type_tuple) {
        if (depth > 4) return true;   /* deep nesting: no need to look further */
        for (ssize_t i = 0; i < tuple_size(v); i++) {
            Value x = tuple_get(v, i);
            if (x != VNone && x != VTrue && x != VFalse && x != VEllipsis && !shared_at(x, depth + 1)) return false;
        }
        return true;
    }
    return t == &type_int || t == &type_float || t == &type_complex || t == &type_str || t == &type_bytes ||
           t == &type_code;
}

static bool always_shared(Value v) { return shared_at(v, 0); }

/* The counting pass: how often each container occurs (descending once into each). */
static void count_uses(MWriter *w, Value v, int depth) {
    if (val_is_int(v) || depth > MARSHAL_MAX_DEPTH || w->error) return;
    Type *t = val_type(v);
    if (t == &type_int || t == &type_float || t == &type_complex || t == &type_str || t == &type_bytes ||
        t == &type_code || v == VNone || v == VTrue || v == VFalse || v == VEllipsis)
        return;
    bool found;
    int32_t *c = idmap_slot(&w->counts, v, 1, &found);
    if (!c) {
        w->error = MW_NOMEMORY;
        return;
    }
    if (found) {
        (*c)++;
        return;
    }
    if (t == &type_tuple) {
        for (ssize_t i = 0; i < tuple_size(v); i++) count_uses(w, tuple_get(v, i), depth + 1);
    } else if (t == &type_list) {
        for (ssize_t i = 0; i < list_size(v); i++) count_uses(w, list_get(v, i), depth + 1);
    } else if (t == &type_dict) {
        ssize_t pos = 0;
        Value k, x;
        while (dict_next(v, &pos, &k, &x)) {
            count_uses(w, k, depth + 1);
            count_uses(w, x, depth + 1);
        }
    } else if (t == &type_set || t == &type_frozenset) {
        ssize_t pos = 0;
        Value k;
        while (set_next(v, &pos, &k)) count_uses(w, k, depth + 1);
    }
}

/* 1 if v was written as a reference; otherwise *flag says whether to flag it. */
static int w_ref(MWriter *w, Value v, int *flag) {
    if (w->version < 3) return 0;
    if (w->depth > 1 && !always_shared(v) && idmap_get(&w->counts, v) < 2) return 0;
    bool found;
    int32_t *idx = idmap_slot(&w->refs, v, w->nrefs, &found);
    if (!idx) {
        w->error = MW_NOMEMORY;
        return 1;
    }
    if (found) {
        mw_byte(w, MT_REF);
        mw_long(w, *idx);
        return 1;
    }
    if (!w->keep) w->keep = list_new(0);
    if (!w->keep || list_append(w->keep, v) < 0) {
        w->error = MW_NOMEMORY;
        return 1;
    }
    w->nrefs++;
    *flag = MARSHAL_FLAG_REF;
    return 0;
}

static void w_str(MWriter *w, Value v, int flag) {
    bool interned = str_is_interned(v);
    size_t n = str_size(v);
    if (w->version >= 4 && str_is_ascii(v)) {
        if (n < 256) {
            mw_byte(w, (interned ? MT_SHORT_ASCII_INTERNED : MT_SHORT_ASCII) | flag);
            w_short_pstring(w, str_data(v), n);
        } else {
            mw_byte(w, (interned ? MT_ASCII_INTERNED : MT_ASCII) | flag);
            w_pstring(w, str_data(v), n);
        }
        return;
    }
    /* Taipan's text is UTF-8 with lone surrogates encoded: CPython's "surrogatepass" bytes. */
    mw_byte(w, (w->version >= 3 && interned ? MT_INTERNED : MT_UNICODE) | flag);
    w_pstring(w, str_data(v), n);
}

/* Set elements in the order of their own marshalled bytes (CPython's
 * reproducible order, independent of hashing). */
typedef struct SetItem {
    Value item;
    Value dump;
} SetItem;

static int cmp_dumps(const void *a, const void *b) {
    Value x = ((const SetItem *)a)->dump, y = ((const SetItem *)b)->dump;
    size_t nx = (size_t)bytes_size(x), ny = (size_t)bytes_size(y);
    int c = memcmp(bytes_data(x), bytes_data(y), nx < ny ? nx : ny);
    return c ? c : (nx < ny ? -1 : nx > ny);
}

static void w_set(MWriter *w, Value v, int flag) {
    mw_byte(w, (val_type(v) == &type_frozenset ? MT_FROZENSET : MT_SET) | flag);
    ssize_t n = set_size(v);
    w_size(w, (size_t)n);
    if (w->error || n == 0) return;
    /* The pairs live in a GC list (item, dump, item, dump...) so both stay reachable. */
    Value keep = list_new((size_t)n * 2);
    SetItem *items = keep ? malloc(sizeof(SetItem) * (size_t)n) : NULL;
    if (!items) {
        w->error = keep ? MW_NOMEMORY : MW_PENDING;
        return;
    }
    ssize_t pos = 0, i = 0;
    Value k;
    while (set_next(v, &pos, &k) && i < n) {
        Value d = marshal_dumps(k, w->version);
        if (!d || list_append(keep, k) < 0 || list_append(keep, d) < 0) {
            free(items);
            w->error = MW_PENDING;
            return;
        }
        items[i].item = k;
        items[i].dump = d;
        i++;
    }
    qsort(items, (size_t)i, sizeof *items, cmp_dumps);
    for (ssize_t j = 0; j < i; j++) mw_object(w, items[j].item);
    free(items);
}

/* The name under which a non-data constant (a builtin exception class) is found in builtins. */
static Value builtin_name_of(Value v) {
    extern Value builtins_dict;
    ssize_t pos = 0;
    Value k, x;
    while (dict_next(builtins_dict, &pos, &k, &x))
        if (x == v && str_size(k) < 256) return k;
    return VNULL;
}

static void w_complex_object(MWriter *w, Value v, int flag) {
    Type *t = val_type(v);
    Value name;
    if (val_is_int(v) || t == &type_int) {
        if (val_is_int(v) && val_int(v) >= INT32_MIN && val_int(v) <= INT32_MAX) {
            mw_byte(w, MT_INT | flag);
            mw_long(w, (int32_t)val_int(v));
        } else {
            w_long_digits(w, v, flag);
        }
    } else if (t == &type_float) {
        if (w->version > 1) {
            mw_byte(w, MT_BINARY_FLOAT | flag);
            w_float_bin(w, float_value(v));
        } else {
            mw_byte(w, MT_FLOAT | flag);
            w_float_str(w, float_value(v));
        }
    } else if (t == &type_complex) {
        Complex c = complex_value(v);
        if (w->version > 1) {
            mw_byte(w, MT_BINARY_COMPLEX | flag);
            w_float_bin(w, c.real);
            w_float_bin(w, c.imag);
        } else {
            mw_byte(w, MT_COMPLEX | flag);
            w_float_str(w, c.real);
            w_float_str(w, c.imag);
        }
    } else if (t == &type_bytes) {
        mw_byte(w, MT_STRING | flag);
        w_pstring(w, bytes_data(v), (size_t)bytes_size(v));
    } else if (t == &type_str) {
        w_str(w, v, flag);
    } else if (t == &type_tuple) {
        ssize_t n = tuple_size(v);
        if (w->version >= 4 && n < 256) {
            mw_byte(w, MT_SMALL_TUPLE | flag);
            mw_byte(w, (int)n);
        } else {
            mw_byte(w, MT_TUPLE | flag);
            w_size(w, (size_t)n);
        }
        for (ssize_t i = 0; i < n && !w->error; i++) mw_object(w, tuple_get(v, i));
    } else if (t == &type_list) {
        mw_byte(w, MT_LIST | flag);
        ssize_t n = list_size(v);
        w_size(w, (size_t)n);
        for (ssize_t i = 0; i < list_size(v) && !w->error; i++) mw_object(w, list_get(v, i));
    } else if (t == &type_dict) {
        mw_byte(w, MT_DICT | flag);
        ssize_t pos = 0;
        Value k, x;
        while (!w->error && dict_next(v, &pos, &k, &x)) {
            mw_object(w, k);
            mw_object(w, x);
        }
        mw_byte(w, MT_NULL);
    } else if (t == &type_set || t == &type_frozenset) {
        w_set(w, v, flag);
    } else if (t == &type_code) {
        marshal_write_code(w, v, flag);
    } else if (buffer_check(v)) {
        /* Any other bytes-like object is written as bytes. */
        Buffer view;
        if (buffer_get(v, &view, BUF_SIMPLE) < 0) {
            err_clear();
            mw_byte(w, MT_UNKNOWN);
            w->error = MW_UNMARSHALLABLE;
            return;
        }
        mw_byte(w, MT_STRING | flag);
        w_pstring(w, view.buf, (size_t)view.len);
        buffer_release(&view);
    } else if (w->allow_builtins && (name = builtin_name_of(v))) {
        mw_byte(w, MT_BUILTIN | flag);
        w_short_pstring(w, str_data(name), str_size(name));
    } else {
        mw_byte(w, MT_UNKNOWN | flag);
        w->error = MW_UNMARSHALLABLE;
    }
}

void mw_object(MWriter *w, Value v) {
    int flag = 0;
    w->depth++;
    if (w->depth > MARSHAL_MAX_DEPTH) {
        if (!w->error) w->error = MW_NESTEDTOODEEP;
    } else if (!v) {
        mw_byte(w, MT_NULL);
    } else if (v == VNone) {
        mw_byte(w, MT_NONE);
    } else if (v == obj_val(&exc_StopIteration)) {
        mw_byte(w, MT_STOPITER);
    } else if (v == VEllipsis) {
        mw_byte(w, MT_ELLIPSIS);
    } else if (v == VFalse) {
        mw_byte(w, MT_FALSE);
    } else if (v == VTrue) {
        mw_byte(w, MT_TRUE);
    } else if (!w_ref(w, v, &flag)) {
        w_complex_object(w, v, flag);
    }
    w->depth--;
}

Value marshal_dumps(Value v, int version) {
    MWriter w;
    mw_init(&w, version);
    if (version >= 3) count_uses(&w, v, 0);
    if (!w.error) mw_object(&w, v);
    mw_free(&w);
    if (w.error || w.bb.failed) {
        bb_discard(&w.bb);
        if (w.error == MW_PENDING) return VNULL;
        if (w.error == MW_NOMEMORY || w.bb.failed) { err_no_memory(); return VNULL; }
        err_set(&exc_ValueError,
                w.error == MW_UNMARSHALLABLE ? "unmarshallable object" : "object too deeply nested to marshal");
        return VNULL;
    }
    return bb_finish(&w.bb);
}

/* ---- Reading ---- */

/* n bytes of input; EOFError if there are not that many (mr_bytes's slow path). */
const unsigned char *mr_bytes_slow(MReader *r, size_t n) {
    if (!r->file) {
        if ((size_t)(r->end - r->ptr) < n) {
            err_set(&exc_EOFError, "marshal data too short");
            return NULL;
        }
        const unsigned char *p = r->ptr;
        r->ptr += n;
        return p;
    }
    if (n > r->bufsize) {
        unsigned char *nb = realloc(r->buf, n);
        if (!nb) {
            err_no_memory();
            return NULL;
        }
        r->buf = nb;
        r->bufsize = n;
    }
    if (n == 0) return r->buf ? r->buf : (const unsigned char *)"";
    Value arg = int_from_i64((int64_t)n);
    Value data = obj_call_method(r->file, "read", &arg, 1);
    if (!data) return NULL;
    const char *d;
    size_t got;
    if (!bytes_get_buffer(data, &d, &got)) {
        err_format(&exc_TypeError, "file.read() returned not bytes but %s", type_name(data));
        return NULL;
    }
    if (got != n) {
        if (got > n)
            err_format(&exc_ValueError, "read() returned too much data: %zd bytes requested, %zd returned",
                       (ssize_t)n, (ssize_t)got);
        else
            err_set(&exc_EOFError, "EOF read where not expected");
        return NULL;
    }
    memcpy(r->buf, d, n);
    return r->buf;
}

int mr_byte(MReader *r) {
    if (!r->file) return r->ptr < r->end ? *r->ptr++ : -1;
    const unsigned char *p = mr_bytes(r, 1);
    return p ? *p : -1;
}

int32_t mr_long(MReader *r) {
    const unsigned char *p = mr_bytes(r, 4);
    if (!p) return -1;
    return (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
}

uint64_t mr_varint_slow(MReader *r) {
    uint64_t x = 0;
    if (!r->file) {
        const unsigned char *p = r->ptr;
        for (int shift = 0; shift < 64 && p < r->end; shift += 7) {
            unsigned char b = *p++;
            x |= (uint64_t)(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                r->ptr = p;
                return x;
            }
        }
        if (p >= r->end) {
            err_set(&exc_EOFError, "marshal data too short");
            return 0;
        }
        err_set(&exc_ValueError, "bad marshal data (varint too long)");
        return 0;
    }
    for (int shift = 0; shift < 64; shift += 7) {
        const unsigned char *p = mr_bytes(r, 1);
        if (!p) return 0;
        x |= (uint64_t)(*p & 0x7f) << shift;
        if (!(*p & 0x80)) return x;
    }
    err_set(&exc_ValueError, "bad marshal data (varint too long)");
    return 0;
}

static bool r_double_bin(MReader *r, double *out) {
    const unsigned char *p = mr_bytes(r, 8);
    if (!p) return false;
    memcpy(out, p, 8);
    return true;
}

static bool r_double_str(MReader *r, double *out) {
    int n = mr_byte(r);
    if (n < 0) {
        if (!err_occurred()) err_set(&exc_EOFError, "EOF read where object expected");
        return false;
    }
    const unsigned char *p = mr_bytes(r, (size_t)n);
    if (!p) return false;
    Value f = float_from_string((const char *)p, (size_t)n);
    if (!f) return false;
    *out = float_value(f);
    return true;
}

static Value r_long_digits(MReader *r) {
    int32_t n = mr_long(r);
    if (err_occurred()) return VNULL;
    if (n == 0) return val_from_int(0);
    if (n < -0x7fffffff) {
        err_set(&exc_ValueError, "bad marshal data (long size out of range)");
        return VNULL;
    }
    size_t nd = (size_t)(n < 0 ? -(int64_t)n : n);
    /* Never trust the count: the digits must be there before memory is sized for them. */
    if (!r->file && (size_t)(r->end - r->ptr) < nd * 2) {
        r->ptr = r->end;
        err_set(&exc_EOFError, "marshal data too short");
        return VNULL;
    }
    size_t nlimbs = (nd * 15 + 63) / 64;
    mp_limb_t *limbs = calloc(nlimbs, sizeof(mp_limb_t));
    if (!limbs) { err_no_memory(); return VNULL; }
    for (size_t d = 0; d < nd; d++) {
        const unsigned char *p = mr_bytes(r, 2);
        if (!p) {
            free(limbs);
            return VNULL;
        }
        unsigned md = (unsigned)p[0] | (unsigned)p[1] << 8;
        if (md > 0x7fff) {
            free(limbs);
            err_set(&exc_ValueError, "bad marshal data (digit out of range in long)");
            return VNULL;
        }
        if (md == 0 && d == nd - 1) {
            free(limbs);
            err_set(&exc_ValueError, "bad marshal data (unnormalized long data)");
            return VNULL;
        }
        size_t bit = d * 15, li = bit / 64, off = bit % 64;
        limbs[li] |= (mp_limb_t)md << off;
        if (off > 64 - 15) limbs[li + 1] |= (mp_limb_t)md >> (64 - off);
    }
    Value v = int_from_limbs(limbs, n < 0 ? -(ssize_t)nlimbs : (ssize_t)nlimbs);
    free(limbs);
    return v;
}

/* Register o as the next referable object when flagged. */
static Value r_ref(MReader *r, Value o, int flag) {
    if (o && flag && list_append(r->refs, o) < 0) return VNULL;
    return o;
}

static ssize_t r_ref_reserve(MReader *r, int flag) {
    if (!flag) return 0;
    ssize_t idx = list_size(r->refs);
    if (idx >= 0x7ffffffe) {
        err_set(&exc_ValueError, "bad marshal data (index list too large)");
        return -1;
    }
    return list_append(r->refs, VNone) < 0 ? -1 : idx;
}

static Value r_ref_insert(MReader *r, Value o, ssize_t idx, int flag) {
    if (o && flag) list_set(r->refs, idx, o);
    return o;
}

static Value r_str(MReader *r, size_t n, bool ascii, bool interned) {
    const unsigned char *p = mr_bytes(r, n);
    if (!p) return VNULL;
    Value s;
    bool high = false;
    if (ascii)
        for (size_t i = 0; i < n; i++) high |= p[i] >= 0x80;
    if (!ascii || high) {
        /* Non-ASCII bytes in an ASCII record are Latin-1, as CPython reads them. */
        s = ascii ? bytes_decode((const char *)p, n, "latin-1", "strict")
                  : str_decode_utf8((const char *)p, n, "surrogatepass");
    } else {
        s = str_new_len((const char *)p, n, n);
    }
    if (s && interned) s = str_intern(s);
    return s;
}

/* Read a 4-byte size, checking its range with CPython's message. */
static bool r_size(MReader *r, const char *what, int32_t *out) {
    int32_t n = mr_long(r);
    if (err_occurred()) return false;
    if (n < 0) {
        err_format(&exc_ValueError, "bad marshal data (%s size out of range)", what);
        return false;
    }
    *out = n;
    return true;
}

Value mr_object(MReader *r) {
    int code = mr_byte(r);
    if (code < 0) {
        err_clear();
        err_set(&exc_EOFError, "EOF read where object expected");
        return VNULL;
    }
    if (++r->depth > MARSHAL_MAX_DEPTH) {
        r->depth--;
        err_set(&exc_ValueError, "recursion limit exceeded");
        return VNULL;
    }
    int flag = code & MARSHAL_FLAG_REF, type = code & ~MARSHAL_FLAG_REF;
    Value v = VNULL;
    int32_t n;
    switch (type) {
    case MT_NULL: break;
    case MT_NONE: v = VNone; break;
    case MT_STOPITER: v = obj_val(&exc_StopIteration); break;
    case MT_ELLIPSIS: v = VEllipsis; break;
    case MT_FALSE: v = VFalse; break;
    case MT_TRUE: v = VTrue; break;
    case MT_INT:
        n = mr_long(r);
        if (!err_occurred()) v = r_ref(r, val_from_int(n), flag);
        break;
    case MT_INT64: {
        const unsigned char *p = mr_bytes(r, 8);
        if (!p) break;
        int64_t x;
        memcpy(&x, p, 8);
        v = r_ref(r, int_from_i64(x), flag);
        break;
    }
    case MT_LONG: v = r_ref(r, r_long_digits(r), flag); break;
    case MT_FLOAT:
    case MT_BINARY_FLOAT: {
        double d;
        if (type == MT_FLOAT ? r_double_str(r, &d) : r_double_bin(r, &d)) v = r_ref(r, float_new(d), flag);
        break;
    }
    case MT_COMPLEX:
    case MT_BINARY_COMPLEX: {
        double re, im;
        bool ok = type == MT_COMPLEX ? r_double_str(r, &re) && r_double_str(r, &im)
                                     : r_double_bin(r, &re) && r_double_bin(r, &im);
        if (ok) v = r_ref(r, complex_new(re, im), flag);
        break;
    }
    case MT_STRING: {
        if (!r_size(r, "bytes object", &n)) break;
        const unsigned char *p = mr_bytes(r, (size_t)n);
        if (p) v = r_ref(r, bytes_new((const char *)p, (size_t)n), flag);
        break;
    }
    case MT_ASCII:
    case MT_ASCII_INTERNED:
        if (!r_size(r, "string", &n)) break;
        v = r_ref(r, r_str(r, (size_t)n, true, type == MT_ASCII_INTERNED), flag);
        break;
    case MT_SHORT_ASCII:
    case MT_SHORT_ASCII_INTERNED: {
        int len = mr_byte(r);
        if (len < 0) {
            err_clear();
            err_set(&exc_EOFError, "EOF read where object expected");
            break;
        }
        v = r_ref(r, r_str(r, (size_t)len, true, type == MT_SHORT_ASCII_INTERNED), flag);
        break;
    }
    case MT_UNICODE:
    case MT_INTERNED:
        if (!r_size(r, "string", &n)) break;
        v = r_ref(r, r_str(r, (size_t)n, false, type == MT_INTERNED), flag);
        break;
    case MT_SMALL_TUPLE:
    case MT_TUPLE: {
        if (type == MT_SMALL_TUPLE) {
            int c = mr_byte(r);
            if (c < 0) {
                if (!err_occurred()) err_set(&exc_EOFError, "EOF read where object expected");
                break;
            }
            n = c;
        } else if (!r_size(r, "tuple", &n)) {
            break;
        }
        /* Size from data: never allocate more than the data could hold. */
        if (!r->file && (size_t)n > (size_t)(r->end - r->ptr)) {
            err_set(&exc_EOFError, "EOF read where object expected");
            break;
        }
        Value t = tuple_new((size_t)n);
        if (!t) break;
        for (int32_t i = 0; i < n; i++) tuple_items(t)[i] = VNone;
        if (flag && !r_ref(r, t, flag)) break;
        int32_t i;
        for (i = 0; i < n; i++) {
            Value x = mr_object(r);
            if (!x) {
                if (!err_occurred()) err_set(&exc_TypeError, "NULL object in marshal data for tuple");
                break;
            }
            tuple_items(t)[i] = x;
        }
        if (i == n) v = t;
        break;
    }
    case MT_LIST: {
        if (!r_size(r, "list", &n)) break;
        if (!r->file && (size_t)n > (size_t)(r->end - r->ptr)) {
            err_set(&exc_EOFError, "EOF read where object expected");
            break;
        }
        Value l = list_new((size_t)n);
        if (!l || (flag && !r_ref(r, l, flag))) break;
        int32_t i;
        for (i = 0; i < n; i++) {
            Value x = mr_object(r);
            if (!x) {
                if (!err_occurred()) err_set(&exc_TypeError, "NULL object in marshal data for list");
                break;
            }
            if (list_append(l, x) < 0) break;
        }
        if (i == n) v = l;
        break;
    }
    case MT_DICT: {
        Value d = dict_new();
        if (!d || (flag && !r_ref(r, d, flag))) break;
        for (;;) {
            Value k = mr_object(r);
            if (!k) break;
            Value x = mr_object(r);
            if (!x) break;
            if (obj_setitem(d, k, x) < 0) break;
        }
        if (!err_occurred()) v = d;
        break;
    }
    case MT_SET:
    case MT_FROZENSET: {
        if (!r_size(r, "set", &n)) break;
        if (!r->file && (size_t)n > (size_t)(r->end - r->ptr)) {
            err_set(&exc_EOFError, "EOF read where object expected");
            break;
        }
        Value s = set_new(type == MT_SET ? &type_set : &type_frozenset);
        if (!s) break;
        ssize_t idx = 0;
        if (type == MT_SET) {
            if (flag && !r_ref(r, s, flag)) break;
        } else if ((idx = r_ref_reserve(r, flag)) < 0) {
            break;
        }
        int32_t i;
        for (i = 0; i < n; i++) {
            Value x = mr_object(r);
            if (!x) {
                if (!err_occurred()) err_set(&exc_TypeError, "NULL object in marshal data for set");
                break;
            }
            if (set_add(s, x) < 0) break;
        }
        if (i == n) v = type == MT_SET ? s : r_ref_insert(r, s, idx, flag);
        break;
    }
    case MT_CODE: v = marshal_read_code(r, flag); break;
    case MT_BUILTIN: {
        extern Value builtins_dict;
        int len = mr_byte(r);
        const unsigned char *p = len < 0 ? NULL : mr_bytes(r, (size_t)len);
        if (!p) {
            if (!err_occurred()) err_set(&exc_EOFError, "EOF read where object expected");
            break;
        }
        Value name = str_decode_utf8((const char *)p, (size_t)len, "strict");
        Value b = name ? dict_get(builtins_dict, name) : VNULL;
        if (!b) {
            if (!err_occurred()) err_set(&exc_ValueError, "bad marshal data (unknown builtin)");
            break;
        }
        v = r_ref(r, b, flag);
        break;
    }
    case MT_REF: {
        n = mr_long(r);
        if (err_occurred()) break;
        if (n < 0 || n >= list_size(r->refs) || list_get(r->refs, n) == VNone) {
            err_set(&exc_ValueError, "bad marshal data (invalid reference)");
            break;
        }
        v = list_get(r->refs, n);
        break;
    }
    default: err_set(&exc_ValueError, "bad marshal data (unknown type code)"); break;
    }
    r->depth--;
    return v;
}

static Value read_object(MReader *r) {
    r->refs = list_new(0);
    if (!r->refs) return VNULL;
    Value v = mr_object(r);
    if (!v && !err_occurred()) err_set(&exc_TypeError, "NULL object in marshal data for object");
    free(r->buf);
    r->buf = NULL;
    return v;
}

Value marshal_loads(const void *data, size_t size) {
    MReader r = {.ptr = data, .end = (const unsigned char *)data + size};
    return read_object(&r);
}

/* ---- The module ---- */

static bool version_arg(const char *fname, Value v, int *out) {
    if (!v) {
        *out = MARSHAL_VERSION;
        return true;
    }
    if (float_check(v)) {
        err_set(&exc_TypeError, "'float' object cannot be interpreted as an integer");
        return false;
    }
    Value i = num_index(v);
    if (!i) return false;
    int64_t x = int_as_i64(i);
    if (x == -1 && err_occurred()) return false;
    if (x > INT32_MAX || x < INT32_MIN) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = (int)x;
    return true;
}

static Value marshal_dumps_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("dumps", kw) < 0 || arg_count("dumps", nargs, 1, 2) < 0) return VNULL;
    int version;
    if (!version_arg("dumps", nargs > 1 ? args[1] : VNULL, &version)) return VNULL;
    return marshal_dumps(args[0], version);
}

static Value marshal_loads_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("loads", kw) < 0 || arg_count("loads", nargs, 1, 1) < 0) return VNULL;
    Buffer view;
    if (buffer_get(args[0], &view, BUF_SIMPLE) < 0) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(args[0]));
        }
        return VNULL;
    }
    Value r = marshal_loads(view.buf, (size_t)view.len);
    buffer_release(&view);
    return r;
}

static Value marshal_dump_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("dump", kw) < 0 || arg_count("dump", nargs, 2, 3) < 0) return VNULL;
    int version;
    if (!version_arg("dump", nargs > 2 ? args[2] : VNULL, &version)) return VNULL;
    Value s = marshal_dumps(args[0], version);
    if (!s) return VNULL;
    return obj_call_method(args[1], "write", &s, 1);
}

static Value marshal_load_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("load", kw) < 0 || arg_count("load", nargs, 1, 1) < 0) return VNULL;
    /* A zero-byte read first, as CPython's check that read() gives bytes. */
    Value zero = val_from_int(0);
    Value data = obj_call_method(args[0], "read", &zero, 1);
    if (!data) return VNULL;
    if (!bytes_check(data)) {
        err_format(&exc_TypeError, "file.read() returned not bytes but %s", type_name(data));
        return VNULL;
    }
    MReader r = {.file = args[0]};
    return read_object(&r);
}

static const MethodDef marshal_functions[] = {
    {"dump", marshal_dump_m, 0,
     "dump($module, value, file, version=version, /)\n--\n\nWrite the value on the open file."},
    {"load", marshal_load_m, 0, "load($module, file, /)\n--\n\nRead one value from the open file and return it."},
    {"dumps", marshal_dumps_m, 0,
     "dumps($module, value, version=version, /)\n--\n\nReturn the bytes object that would be written to a file by "
     "dump(value, file)."},
    {"loads", marshal_loads_m, 0, "loads($module, bytes, /)\n--\n\nConvert the bytes-like object to a value."},
    {NULL}
};

Value marshal_module_init(void) {
    Value m = module_new_cstr("marshal");
    if (!m || module_add_functions(m, marshal_functions) < 0) return VNULL;
    if (module_add(m, "version", val_from_int(MARSHAL_VERSION)) < 0) return VNULL;
    return m;
}
