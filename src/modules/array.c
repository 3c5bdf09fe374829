/* array.c - the array module: array.array (typed machine values in one flat buffer), its iterator, pickling support. */
#include "cargs.h"
#include "os_util.h"
#include "datamod.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/misc.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/buffer.h"
#include "../gc/gc.h"
#include "../vm/code.h"
#include "../vm/error.h"

#include <limits.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

/*
 * An array holds `size` items of one C type, back to back, in a GC blob
 * (`data` points into it; the trace function marks the blob).  Each type
 * code has a descriptor with its item size, buffer format and two
 * functions: `get` boxes the item at a pointer, `conv` converts a Python
 * value into the bytes of one item.  Every store converts into a local
 * first and only then resizes or writes, because a conversion may run
 * Python code (__index__, __float__) that changes the array.
 *
 * The conversions reproduce CPython's PyArg_Parse units, so out-of-range
 * values give its exact OverflowErrors ("signed char is greater than
 * maximum", "unsigned short is less than minimum", "int too big to
 * convert"...).
 *
 * Buffers: the array exports its memory with the type code as format ('u'
 * exports "w", a 4-byte wchar_t) and counts exports; while any is held a
 * resize raises "cannot resize an array that is exporting buffers" (after
 * one collection has given back views that were dropped unreleased, see
 * buffer_exports_held).  The exported shape points at the array's own
 * `size` field and the strides at the descriptor's `itemsize`, as CPython
 * does; neither can change while the export lives.
 */

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

typedef struct ArrayDescr {
    char typecode;
    ssize_t itemsize;       /* ssize_t: exported buffers' strides point here */
    const char *format;     /* buffer format */
    bool is_int, is_signed;
    int mformat;            /* machine format code for pickles (little-endian) */
    Value (*get)(const char *p);
    int (*conv)(Value v, char *out);
} ArrayDescr;

typedef struct MArrayObject {
    Object hdr;
    char *data;             /* into a BlobObject; NULL when alloc == 0 */
    ssize_t size;           /* items; exported shapes point here */
    ssize_t alloc;          /* items the blob holds */
    const ArrayDescr *d;
    ssize_t exports;
} MArrayObject;

typedef struct ArrayIterObject {
    Object hdr;
    Value array;            /* VNULL once exhausted */
    ssize_t index;
} ArrayIterObject;

Type type_array, type_array_iter;
static Value array_module;        /* for __reduce_ex__'s _array_reconstructor */

#define A(v) ((MArrayObject *)(v))

static inline bool array_check(Value v) { return !val_is_int(v) && val_isinstance(v, &type_array); }
static inline char *item_ptr(MArrayObject *a, ssize_t i) { return a->data + i * a->d->itemsize; }
static inline Value get_item(MArrayObject *a, ssize_t i) { return a->d->get(item_ptr(a, i)); }

/* ---- Item conversions (CPython's PyArg_Parse units) ---- */

static Value as_index(Value v) {
    if (val_is_int(v)) return v;
    if (float_check(v) || !num_check_index(v)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
        return VNULL;
    }
    return num_index(v);
}

/* PyLong_AsLong. */
static int conv_long(Value v, long *out) {
    Value i = as_index(v);
    if (!i) return -1;
    if (!int_fits_i64(i)) {
        err_set(&exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = (long)int_as_i64(i);
    return 0;
}

static int range_error(const char *what, bool below) {
    err_format(&exc_OverflowError, "%s is %s", what, below ? "less than minimum" : "greater than maximum");
    return -1;
}

/* "h": a C short. */
static int conv_short(Value v, long *out) {
    if (conv_long(v, out) < 0) return -1;
    if (*out < SHRT_MIN || *out > SHRT_MAX) return range_error("signed short integer", *out < SHRT_MIN);
    return 0;
}

/* "i": a C int. */
static int conv_int(Value v, long *out) {
    if (conv_long(v, out) < 0) return -1;
    if (*out < INT_MIN || *out > INT_MAX) return range_error("signed integer", *out < INT_MIN);
    return 0;
}

/* PyLong_AsUnsignedLong (for 'I' and 'L'). */
static int conv_ulong(Value v, unsigned long *out) {
    Value i = as_index(v);
    if (!i) return -1;
    if (int_sign(i) < 0) {
        err_set(&exc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    uint64_t u = int_as_u64(i);
    if (u == (uint64_t)-1 && err_occurred()) {
        err_clear();
        err_set(&exc_OverflowError, "Python int too large to convert to C unsigned long");
        return -1;
    }
    *out = (unsigned long)u;
    return 0;
}

static int c_b(Value v, char *p) {
    long x;
    if (conv_short(v, &x) < 0) return -1;
    if (x < SCHAR_MIN || x > SCHAR_MAX) return range_error("signed char", x < SCHAR_MIN);
    *(signed char *)p = (signed char)x;
    return 0;
}
static int c_B(Value v, char *p) {
    long x;
    if (conv_long(v, &x) < 0) return -1;
    if (x < 0 || x > UCHAR_MAX) return range_error("unsigned byte integer", x < 0);
    *(unsigned char *)p = (unsigned char)x;
    return 0;
}
static int c_u(Value v, char *p) {
    if (!str_check(v) || str_len(v) != 1) {
        err_set(&exc_TypeError, "array item must be unicode character");
        return -1;
    }
    *(uint32_t *)p = str_char_at(v, 0);
    return 0;
}
static int c_h(Value v, char *p) {
    long x;
    if (conv_short(v, &x) < 0) return -1;
    *(short *)p = (short)x;
    return 0;
}
static int c_H(Value v, char *p) {
    long x;
    if (conv_int(v, &x) < 0) return -1;
    if (x < 0 || x > USHRT_MAX) return range_error("unsigned short", x < 0);
    *(unsigned short *)p = (unsigned short)x;
    return 0;
}
static int c_i(Value v, char *p) {
    long x;
    if (conv_int(v, &x) < 0) return -1;
    *(int *)p = (int)x;
    return 0;
}
static int c_I(Value v, char *p) {
    unsigned long x;
    if (conv_ulong(v, &x) < 0) return -1;
    if (x > UINT_MAX) return range_error("unsigned int", false);
    *(unsigned *)p = (unsigned)x;
    return 0;
}
static int c_l(Value v, char *p) {
    long x;
    if (conv_long(v, &x) < 0) return -1;
    *(long *)p = x;
    return 0;
}
static int c_L(Value v, char *p) {
    unsigned long x;
    if (conv_ulong(v, &x) < 0) return -1;
    *(unsigned long *)p = x;
    return 0;
}
/* "L" (long long) and PyLong_AsUnsignedLongLong word their errors differently. */
static int c_q(Value v, char *p) {
    Value i = as_index(v);
    if (!i) return -1;
    if (!int_fits_i64(i)) {
        err_set(&exc_OverflowError, "int too big to convert");
        return -1;
    }
    *(long long *)p = (long long)int_as_i64(i);
    return 0;
}
static int c_Q(Value v, char *p) {
    Value i = as_index(v);
    if (!i) return -1;
    if (int_sign(i) < 0) {
        err_set(&exc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    uint64_t u = int_as_u64(i);
    if (u == (uint64_t)-1 && err_occurred()) {
        err_clear();
        err_set(&exc_OverflowError, "int too big to convert");
        return -1;
    }
    *(unsigned long long *)p = u;
    return 0;
}
static int c_f(Value v, char *p) {
    double x;
    if (float_as_double(v, &x) < 0) return -1;
    *(float *)p = (float)x;
    return 0;
}
static int c_d(Value v, char *p) {
    double x;
    if (float_as_double(v, &x) < 0) return -1;
    *(double *)p = x;
    return 0;
}

static Value g_b(const char *p) { return val_from_int(*(const signed char *)p); }
static Value g_B(const char *p) { return val_from_int(*(const unsigned char *)p); }
static Value g_u(const char *p) {
    uint32_t c = *(const uint32_t *)p;
    if (c > 0x10FFFF) {
        err_set(&exc_ValueError, "chr() arg not in range(0x110000)");
        return VNULL;
    }
    return str_from_codepoint(c);
}
static Value g_h(const char *p) { return val_from_int(*(const short *)p); }
static Value g_H(const char *p) { return val_from_int(*(const unsigned short *)p); }
static Value g_i(const char *p) { return val_from_int(*(const int *)p); }
static Value g_I(const char *p) { return int_from_u64(*(const unsigned *)p); }
static Value g_l(const char *p) { return int_from_i64(*(const long *)p); }
static Value g_L(const char *p) { return int_from_u64(*(const unsigned long *)p); }
static Value g_q(const char *p) { return int_from_i64(*(const long long *)p); }
static Value g_Q(const char *p) { return int_from_u64(*(const unsigned long long *)p); }
static Value g_f(const char *p) { return float_new(*(const float *)p); }
static Value g_d(const char *p) { return float_new(*(const double *)p); }

/* Machine format codes of the pickle protocol (CPython's enum). */
enum {
    MF_UINT8, MF_INT8, MF_UINT16_LE, MF_UINT16_BE, MF_INT16_LE, MF_INT16_BE, MF_UINT32_LE, MF_UINT32_BE,
    MF_INT32_LE, MF_INT32_BE, MF_UINT64_LE, MF_UINT64_BE, MF_INT64_LE, MF_INT64_BE, MF_FLOAT_LE, MF_FLOAT_BE,
    MF_DOUBLE_LE, MF_DOUBLE_BE, MF_UTF16_LE, MF_UTF16_BE, MF_UTF32_LE, MF_UTF32_BE, MF__COUNT
};

static const ArrayDescr descrs[] = {
    {'b', 1, "b", true, true, MF_INT8, g_b, c_b},
    {'B', 1, "B", true, false, MF_UINT8, g_B, c_B},
    {'u', 4, "w", false, false, MF_UTF32_LE, g_u, c_u},
    {'h', 2, "h", true, true, MF_INT16_LE, g_h, c_h},
    {'H', 2, "H", true, false, MF_UINT16_LE, g_H, c_H},
    {'i', 4, "i", true, true, MF_INT32_LE, g_i, c_i},
    {'I', 4, "I", true, false, MF_UINT32_LE, g_I, c_I},
    {'l', 8, "l", true, true, MF_INT64_LE, g_l, c_l},
    {'L', 8, "L", true, false, MF_UINT64_LE, g_L, c_L},
    {'q', 8, "q", true, true, MF_INT64_LE, g_q, c_q},
    {'Q', 8, "Q", true, false, MF_UINT64_LE, g_Q, c_Q},
    {'f', 4, "f", false, false, MF_FLOAT_LE, g_f, c_f},
    {'d', 8, "d", false, false, MF_DOUBLE_LE, g_d, c_d},
};
#define NDESCRS (sizeof descrs / sizeof *descrs)
_Static_assert(sizeof(long) == 8 && sizeof(int) == 4 && sizeof(short) == 2, "the descriptor table assumes LP64");

static const ArrayDescr *descr_for(uint32_t c) {
    for (size_t i = 0; i < NDESCRS; i++)
        if ((uint32_t)descrs[i].typecode == c) return &descrs[i];
    return NULL;
}

/* An item as a signed or unsigned 64-bit integer, for the fast paths. */
static inline int64_t raw_signed(const ArrayDescr *d, const char *p) {
    switch (d->itemsize) {
    case 1: return *(const signed char *)p;
    case 2: return *(const short *)p;
    case 4: return *(const int *)p;
    default: return *(const int64_t *)p;
    }
}
static inline uint64_t raw_unsigned(const ArrayDescr *d, const char *p) {
    switch (d->itemsize) {
    case 1: return *(const unsigned char *)p;
    case 2: return *(const unsigned short *)p;
    case 4: return *(const uint32_t *)p;
    default: return *(const uint64_t *)p;
    }
}
static inline double raw_double(const ArrayDescr *d, const char *p) {
    return d->typecode == 'f' ? *(const float *)p : *(const double *)p;
}

/* ---- Storage ---- */

static void array_trace(Object *o) {
    MArrayObject *a = (MArrayObject *)o;
    if (a->data) gc_mark(obj_val(container_of(a->data, BlobObject, data)));
}

static int exports_error(void) {
    err_set(&exc_BufferError, "cannot resize an array that is exporting buffers");
    return -1;
}

/* Make room for n items (the first min(size, n) kept), over-allocating on
 * growth as CPython does so append is amortized O(1). */
static int array_resize(MArrayObject *a, ssize_t n) {
    if (n != a->size && a->exports > 0 && buffer_exports_held(&a->exports)) return exports_error();
    if (n <= a->alloc && n >= (a->alloc >> 1)) {
        a->size = n;
        return 0;
    }
    if (n == 0) {
        a->data = NULL;
        a->alloc = a->size = 0;
        return 0;
    }
    ssize_t isz = a->d->itemsize;
    ssize_t alloc = n + (n >> 4) + (a->size < 8 ? 3 : 7);
    if (n > PTRDIFF_MAX / 2 / isz || alloc > PTRDIFF_MAX / isz) {
        err_no_memory();
        return -1;
    }
    Value blob = blob_new((size_t)(alloc * isz));
    if (!blob) return -1;
    char *nd = ((BlobObject *)blob)->data;
    ssize_t keep = a->size < n ? a->size : n;
    if (keep) memcpy(nd, a->data, (size_t)(keep * isz));
    a->data = nd;
    a->alloc = alloc;
    a->size = n;
    return 0;
}

static MArrayObject *marray_alloc(Type *t, const ArrayDescr *d, ssize_t n) {
    Value v = t == &type_array ? obj_val(gc_alloc(t, sizeof(MArrayObject))) : type_generic_alloc(t, 0);
    if (!v) return NULL;
    A(v)->d = d;
    if (n && array_resize(A(v), n) < 0) return NULL;
    return A(v);
}

/* A new plain array.array holding n items copied from src. */
static Value array_from_data(const ArrayDescr *d, const char *src, ssize_t n) {
    MArrayObject *r = marray_alloc(&type_array, d, n);
    if (!r) return VNULL;
    if (n) memcpy(r->data, src, (size_t)(n * d->itemsize));
    return obj_val(r);
}

/* Append one value (converted before anything changes). */
static int array_append_value(MArrayObject *a, Value v) {
    char item[8];
    if (a->d->conv(v, item) < 0) return -1;
    if (array_resize(a, a->size + 1) < 0) return -1;
    memcpy(item_ptr(a, a->size - 1), item, (size_t)a->d->itemsize);
    return 0;
}

/* Append raw bytes (a whole number of items); src may alias a's data. */
static int array_append_bytes(MArrayObject *a, const char *src, ssize_t nbytes) {
    ssize_t isz = a->d->itemsize;
    if (nbytes % isz) {
        err_set(&exc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    ssize_t n = nbytes / isz, old = a->size;
    if (n == 0) return 0;
    if (old > PTRDIFF_MAX - n) {
        err_no_memory();
        return -1;
    }
    char *copy = NULL;
    if (a->data && src >= a->data && src < a->data + a->alloc * isz) {
        copy = malloc((size_t)nbytes);
        if (!copy) {
            err_no_memory();
            return -1;
        }
        memcpy(copy, src, (size_t)nbytes);
        src = copy;
    }
    int r = array_resize(a, old + n);
    if (r == 0) memcpy(item_ptr(a, old), src, (size_t)nbytes);
    free(copy);
    return r;
}

/* extend() from any iterable other than an array of the same kind. */
static int array_extend_iter(MArrayObject *a, Value iterable) {
    Value it = obj_iter(iterable);
    if (!it) return -1;
    Value v;
    while ((v = obj_next(it))) {
        if (array_append_value(a, v) < 0) return -1;
    }
    return err_occurred() ? -1 : 0;
}

/* extend() with an array (same type code) or any iterable. */
static int array_extend(MArrayObject *a, Value other) {
    if (array_check(other)) {
        if (A(other)->d != a->d) {
            err_set(&exc_TypeError, "can only extend with array of same kind");
            return -1;
        }
        return array_append_bytes(a, A(other)->data, A(other)->size * a->d->itemsize);
    }
    return array_extend_iter(a, other);
}

/* Append the code points of a str ('u' arrays). */
static int array_append_unicode(MArrayObject *a, Value s) {
    ssize_t n = (ssize_t)str_len(s), old = a->size;
    if (array_resize(a, old + n) < 0) return -1;
    uint32_t *out = (uint32_t *)item_ptr(a, old);
    const unsigned char *p = (const unsigned char *)str_data(s);
    for (ssize_t i = 0; i < n; i++) out[i] = utf8_decode(&p);
    return 0;
}

static Value array_to_unicode(MArrayObject *a) {
    const uint32_t *p = (const uint32_t *)a->data;
    for (ssize_t i = 0; i < a->size; i++)
        if (p[i] > 0x10FFFF) {
            err_format(&exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", (unsigned)p[i]);
            return VNULL;
        }
    return a->size ? str_from_codepoints(p, (size_t)a->size) : str_empty();
}

static Value array_to_list(MArrayObject *a) {
    Value l = list_new((size_t)a->size);
    if (!l) return VNULL;
    for (ssize_t i = 0; i < a->size; i++) {
        Value v = get_item(a, i);
        if (!v || list_append(l, v) < 0) return VNULL;
    }
    return l;
}

/* ---- Construction ---- */

static Value array_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    if ((t == &type_array || t->init == type_array.init) && arg_no_kw("array.array", kwnames) < 0) return VNULL;
    if (os_tuple_args("array", nargs, VNULL, 1, 2) < 0) return VNULL;
    Value tc = args[0];
    if (!str_check(tc) || str_len(tc) != 1) {
        err_format(&exc_TypeError, "array() argument 1 must be a unicode character, not %s", type_name(tc));
        return VNULL;
    }
    const ArrayDescr *d = descr_for(str_char_at(tc, 0));
    if (!d) {
        err_set(&exc_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        return VNULL;
    }
    Value init = nargs > 1 ? args[1] : VNULL;
    if (init && str_check(init) && d->typecode != 'u') {
        err_format(&exc_TypeError, "cannot use a str to initialize an array with typecode '%c'", d->typecode);
        return VNULL;
    }
    if (init && array_check(init) && A(init)->d->typecode == 'u' && d->typecode != 'u') {
        err_format(&exc_TypeError, "cannot use a unicode array to initialize an array with typecode '%c'", d->typecode);
        return VNULL;
    }
    MArrayObject *a = marray_alloc(t, d, 0);
    if (!a) return VNULL;
    if (!init) return obj_val(a);
    int r;
    if (list_check(init) || tuple_check(init)) {
        /* Converted item by item; the sequence may change under a conversion. */
        bool is_list = list_check(init);
        r = 0;
        for (ssize_t i = 0; r == 0 && i < (is_list ? list_size(init) : tuple_size(init)); i++)
            r = array_append_value(a, is_list ? list_get(init, i) : tuple_get(init, i));
    } else if (bytes_check(init) || bytearray_check(init)) {
        const char *p;
        size_t n;
        bytes_get_buffer(init, &p, &n);
        r = array_append_bytes(a, p, (ssize_t)n);
    } else if (str_check(init)) {
        r = array_append_unicode(a, init);
    } else if (array_check(init) && A(init)->d == d) {
        r = array_append_bytes(a, A(init)->data, A(init)->size * d->itemsize);
    } else {
        r = array_extend_iter(a, init);
    }
    return r < 0 ? VNULL : obj_val(a);
}

/* ---- Sequence protocol ---- */

static ssize_t array_len(Value self) { return A(self)->size; }

/* An index for a[i] or a[i] = v: __index__, negative from the end. */
static int item_index(MArrayObject *a, Value key, ssize_t *out) {
    ssize_t i = num_as_ssize(key, &exc_IndexError);
    if (i == -1 && err_occurred()) return -1;
    if (i < 0) i += a->size;
    *out = i;
    return 0;
}

static Value array_slice(MArrayObject *a, ssize_t start, ssize_t step, ssize_t n) {
    if (step == 1) return array_from_data(a->d, n ? item_ptr(a, start) : NULL, n);
    MArrayObject *r = marray_alloc(&type_array, a->d, n);
    if (!r) return VNULL;
    ssize_t isz = a->d->itemsize;
    for (ssize_t k = 0, i = start; k < n; k++, i += step) memcpy(r->data + k * isz, item_ptr(a, i), (size_t)isz);
    return obj_val(r);
}

static Value array_getitem(Value self, Value key) {
    MArrayObject *a = A(self);
    if (val_type(key) == &type_slice) {
        ssize_t start, stop, step;
        ssize_t n = slice_indices(key, a->size, &start, &stop, &step);
        if (n < 0) return VNULL;
        return array_slice(a, start, step, n);
    }
    if (!num_check_index(key)) {
        err_set(&exc_TypeError, "array indices must be integers");
        return VNULL;
    }
    ssize_t i;
    if (item_index(a, key, &i) < 0) return VNULL;
    if (i < 0 || i >= a->size) {
        err_set(&exc_IndexError, "array index out of range");
        return VNULL;
    }
    return get_item(a, i);
}

/* Remove items [lo, hi). */
static int array_del_range(MArrayObject *a, ssize_t lo, ssize_t hi) {
    if (a->exports > 0 && buffer_exports_held(&a->exports)) return exports_error();
    ssize_t isz = a->d->itemsize;
    if (hi > lo) memmove(item_ptr(a, lo), item_ptr(a, hi), (size_t)((a->size - hi) * isz));
    return array_resize(a, a->size - (hi - lo));
}

static int array_setslice(MArrayObject *a, Value key, Value v) {
    ssize_t start, stop, step;
    ssize_t n = slice_indices(key, a->size, &start, &stop, &step);
    if (n < 0) return -1;
    ssize_t isz = a->d->itemsize;
    const char *src = NULL;
    ssize_t needed = 0;
    Value copy = VNULL;
    if (v) {
        if (!array_check(v)) {
            err_format(&exc_TypeError, "can only assign array (not \"%s\") to array slice", type_name(v));
            return -1;
        }
        if (A(v)->d != a->d) {
            err_set(&exc_TypeError, "bad argument type for built-in operation");
            return -1;
        }
        if (v == obj_val(a)) {
            copy = array_from_data(a->d, a->data, a->size);   /* a[i:j] = a */
            if (!copy) return -1;
            v = copy;
        }
        src = A(v)->data;
        needed = A(v)->size;
    }
    if (step == 1) {
        if (stop < start) stop = start;
        ssize_t have = stop - start;
        if ((needed == 0 || have != needed) && a->exports > 0 && buffer_exports_held(&a->exports))
            return exports_error();
        ssize_t old = a->size, tail = old - stop;
        if (needed < have) {
            memmove(item_ptr(a, start + needed), item_ptr(a, stop), (size_t)(tail * isz));
            if (array_resize(a, old - have + needed) < 0) return -1;
        } else if (needed > have) {
            if (array_resize(a, old - have + needed) < 0) return -1;
            memmove(item_ptr(a, start + needed), item_ptr(a, stop), (size_t)(tail * isz));
        }
        if (needed) memcpy(item_ptr(a, start), src, (size_t)(needed * isz));
        return 0;
    }
    if (!v) {
        /* Delete an extended slice: walk it upwards, compacting the survivors. */
        if (n == 0) return 0;
        if (step < 0) {
            start += step * (n - 1);
            step = -step;
        }
        if (a->exports > 0 && buffer_exports_held(&a->exports)) return exports_error();
        ssize_t w = start;
        for (ssize_t r = start, k = 0; r < a->size; r++) {
            if (k < n && r == start + k * step) {
                k++;
                continue;
            }
            if (w != r) memcpy(item_ptr(a, w), item_ptr(a, r), (size_t)isz);
            w++;
        }
        return array_resize(a, w);
    }
    if (needed != n) {
        err_format(&exc_ValueError, "attempt to assign array of size %zd to extended slice of size %zd", needed, n);
        return -1;
    }
    for (ssize_t k = 0, i = start; k < n; k++, i += step) memcpy(item_ptr(a, i), src + k * isz, (size_t)isz);
    return 0;
}

static int array_setitem(Value self, Value key, Value v) {
    MArrayObject *a = A(self);
    if (val_type(key) == &type_slice) return array_setslice(a, key, v);
    if (!num_check_index(key)) {
        err_set(&exc_TypeError, "array indices must be integers");
        return -1;
    }
    ssize_t i;
    if (item_index(a, key, &i) < 0) return -1;
    if (i < 0 || i >= a->size) {
        err_set(&exc_IndexError, "array assignment index out of range");
        return -1;
    }
    if (!v) return array_del_range(a, i, i + 1);
    char item[8];
    if (a->d->conv(v, item) < 0) return -1;
    if (i >= a->size) {   /* the conversion shrank the array */
        err_set(&exc_IndexError, "array assignment index out of range");
        return -1;
    }
    memcpy(item_ptr(a, i), item, (size_t)a->d->itemsize);
    return 0;
}

/* Index of the first item == v in [lo, hi), -1 if none, -2 on error.  Exact
 * ints against integer arrays and floats against float arrays compare in C;
 * anything else through ==, re-checking the size each time since __eq__
 * may change the array. */
static ssize_t array_find(MArrayObject *a, Value v, ssize_t lo, ssize_t hi) {
    const ArrayDescr *d = a->d;
    if (d->is_int && val_is_int(v)) {
        int64_t x = val_int(v);
        for (ssize_t i = lo; i < hi && i < a->size; i++) {
            const char *p = item_ptr(a, i);
            if (d->is_signed ? raw_signed(d, p) == x : (x >= 0 && raw_unsigned(d, p) == (uint64_t)x)) return i;
        }
        return -1;
    }
    if ((d->typecode == 'f' || d->typecode == 'd') && float_check_exact(v)) {
        double x = float_value(v);
        for (ssize_t i = lo; i < hi && i < a->size; i++)
            if (raw_double(d, item_ptr(a, i)) == x) return i;
        return -1;
    }
    for (ssize_t i = lo; i < hi && i < a->size; i++) {
        Value item = get_item(a, i);
        if (!item) return -2;
        int r = obj_richcompare_bool(item, v, CMP_EQ);
        if (r < 0) return -2;
        if (r) return i;
    }
    return -1;
}

static int array_contains(Value self, Value v) {
    ssize_t i = array_find(A(self), v, 0, A(self)->size);
    return i == -2 ? -1 : i >= 0;
}

static Value array_concat(Value a, Value b) {
    if (!array_check(a) || !array_check(b)) {
        err_format(&exc_TypeError, "can only append array (not \"%s\") to array", type_name(array_check(a) ? b : a));
        return VNULL;
    }
    if (A(a)->d != A(b)->d) {
        err_set(&exc_TypeError, "bad argument type for built-in operation");
        return VNULL;
    }
    ssize_t na = A(a)->size, nb = A(b)->size, isz = A(a)->d->itemsize;
    if (na > PTRDIFF_MAX - nb) {
        err_no_memory();
        return VNULL;
    }
    MArrayObject *r = marray_alloc(&type_array, A(a)->d, na + nb);
    if (!r) return VNULL;
    if (na) memcpy(r->data, A(a)->data, (size_t)(na * isz));
    if (nb) memcpy(r->data + na * isz, A(b)->data, (size_t)(nb * isz));
    return obj_val(r);
}

/* Fill a->data[0 .. n*size) with n copies of its first `size` items. */
static void repeat_fill(char *data, ssize_t unit, ssize_t total) {
    for (ssize_t done = unit; done < total;) {
        ssize_t chunk = done < total - done ? done : total - done;
        memcpy(data + done, data, (size_t)chunk);
        done += chunk;
    }
}

static Value array_repeat(Value self, ssize_t n) {
    MArrayObject *a = A(self);
    if (n < 0) n = 0;
    ssize_t isz = a->d->itemsize;
    if (a->size && n > PTRDIFF_MAX / isz / a->size) {
        err_no_memory();
        return VNULL;
    }
    MArrayObject *r = marray_alloc(&type_array, a->d, a->size * n);
    if (!r) return VNULL;
    if (r->size) {
        memcpy(r->data, a->data, (size_t)(a->size * isz));
        repeat_fill(r->data, a->size * isz, r->size * isz);
    }
    return obj_val(r);
}

static Value array_inplace_concat(Value self, Value other) {
    if (!array_check(other)) {
        err_format(&exc_TypeError, "can only extend array with array (not \"%s\")", type_name(other));
        return VNULL;
    }
    if (array_extend(A(self), other) < 0) return VNULL;
    return self;
}

static Value array_inplace_repeat(Value self, ssize_t n) {
    MArrayObject *a = A(self);
    ssize_t unit = a->size;
    if (unit == 0) return self;
    if (n < 0) n = 0;
    ssize_t isz = a->d->itemsize;
    if (n && unit > PTRDIFF_MAX / isz / n) {
        err_no_memory();
        return VNULL;
    }
    if (array_resize(a, unit * n) < 0) return VNULL;
    if (n > 1) repeat_fill(a->data, unit * isz, unit * n * isz);
    return self;
}

/* ---- Comparison, repr ---- */

/* Compare two raw items of the same kind: <0, 0, >0, or 2 when unordered (NaN). */
static int raw_compare(const ArrayDescr *d, const char *p, const char *q) {
    if (d->is_int && d->is_signed) {
        int64_t x = raw_signed(d, p), y = raw_signed(d, q);
        return (x > y) - (x < y);
    }
    if (d->is_int || d->typecode == 'u') {
        uint64_t x = d->typecode == 'u' ? *(const uint32_t *)p : raw_unsigned(d, p);
        uint64_t y = d->typecode == 'u' ? *(const uint32_t *)q : raw_unsigned(d, q);
        return (x > y) - (x < y);
    }
    double x = raw_double(d, p), y = raw_double(d, q);
    if (x < y) return -1;
    if (x > y) return 1;
    return x == y ? 0 : 2;
}

static Value cmp_result(int c, int op) {
    if (c == 2) return val_bool(op == CMP_NE);
    switch (op) {
    case CMP_LT: return val_bool(c < 0);
    case CMP_LE: return val_bool(c <= 0);
    case CMP_EQ: return val_bool(c == 0);
    case CMP_NE: return val_bool(c != 0);
    case CMP_GT: return val_bool(c > 0);
    default: return val_bool(c >= 0);
    }
}

static Value array_richcompare(Value v, Value w, int op) {
    if (!array_check(v) || !array_check(w)) return VNotImplemented;
    MArrayObject *a = A(v), *b = A(w);
    if (a->size != b->size && (op == CMP_EQ || op == CMP_NE)) return val_bool(op == CMP_NE);
    ssize_t n = a->size < b->size ? a->size : b->size;
    if (a->d == b->d) {
        for (ssize_t i = 0; i < n; i++) {
            int c = raw_compare(a->d, item_ptr(a, i), item_ptr(b, i));
            if (c != 0) return cmp_result(c, op);
        }
    } else {
        /* Different kinds: compare the boxed items as Python does. */
        for (ssize_t i = 0; i < a->size && i < b->size; i++) {
            Value x = get_item(a, i), y = x ? get_item(b, i) : VNULL;
            if (!y) return VNULL;
            int k = obj_richcompare_bool(x, y, CMP_EQ);
            if (k < 0) return VNULL;
            if (!k) return obj_richcompare(x, y, op);
        }
    }
    ssize_t sa = a->size, sb = b->size;
    return cmp_result((sa > sb) - (sa < sb), op);
}

static Value array_repr(Value self) {
    MArrayObject *a = A(self);
    const char *name = val_type(self)->name;
    const char *dot = strrchr(name, '.');
    if (val_type(self)->flags & TF_HEAPTYPE) {
        Value n = type_name_obj(val_type(self));
        if (!n) return VNULL;
        name = str_data(n);
    } else if (dot) {
        name = dot + 1;
    }
    if (a->size == 0) return str_printf("%s('%c')", name, a->d->typecode);
    Value items = a->d->typecode == 'u' ? array_to_unicode(a) : array_to_list(a);
    if (!items) return VNULL;
    return str_printf("%s('%c', %R)", name, a->d->typecode, items);
}

/* ---- Methods ---- */

/* METH_O / METH_NOARGS methods: CPython's "array.append() takes exactly
 * one argument (0 given)" and "takes no arguments". */
static int meth_args(const char *qualname, size_t nargs, Value kwnames, size_t n) {
    if (arg_no_kw(qualname, kwnames) < 0) return -1;
    if (nargs != n) {
        if (n == 0) err_format(&exc_TypeError, "%s() takes no arguments (%zu given)", qualname, nargs);
        else err_format(&exc_TypeError, "%s() takes exactly one argument (%zu given)", qualname, nargs);
        return -1;
    }
    return 0;
}

/* Argument Clinic's positional-only parameters of methods that take the
 * defining class (extend, fromfile, tofile, __reduce_ex__): keywords count
 * toward "at most", then the positional count is checked. */
static int clinic_args(const char *fname, size_t nargs, Value kwnames, size_t n) {
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    if (nargs + nkw > n) {
        err_format(&exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", fname, n, n == 1 ? "" : "s",
                   nargs + nkw);
        return -1;
    }
    if (nargs < n) {
        err_format(&exc_TypeError, "%s() takes exactly %zu positional argument%s (%zu given)", fname, n,
                   n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

FN(array_append_m) {
    if (meth_args("array.append", nargs, kwnames, 1) < 0 || array_append_value(A(self), args[0]) < 0) return VNULL;
    return VNone;
}

FN(array_buffer_info) {
    if (meth_args("array.buffer_info", nargs, kwnames, 0) < 0) return VNULL;
    Value addr = int_from_u64((uint64_t)(uintptr_t)A(self)->data);
    return addr ? tuple_pack(2, addr, int_from_i64(A(self)->size)) : VNULL;
}

FN(array_byteswap) {
    if (meth_args("array.byteswap", nargs, kwnames, 0) < 0) return VNULL;
    MArrayObject *a = A(self);
    char *p = a->data;
    switch (a->d->itemsize) {
    case 1: break;
    case 2:
        for (ssize_t i = 0; i < a->size; i++) ((uint16_t *)p)[i] = __builtin_bswap16(((uint16_t *)p)[i]);
        break;
    case 4:
        for (ssize_t i = 0; i < a->size; i++) ((uint32_t *)p)[i] = __builtin_bswap32(((uint32_t *)p)[i]);
        break;
    case 8:
        for (ssize_t i = 0; i < a->size; i++) ((uint64_t *)p)[i] = __builtin_bswap64(((uint64_t *)p)[i]);
        break;
    default:
        err_set(&exc_RuntimeError, "don't know how to byteswap this array type");
        return VNULL;
    }
    return VNone;
}

FN(array_count) {
    if (meth_args("array.count", nargs, kwnames, 1) < 0) return VNULL;
    MArrayObject *a = A(self);
    ssize_t count = 0;
    for (ssize_t i = 0; i < a->size;) {
        ssize_t j = array_find(a, args[0], i, a->size);
        if (j == -2) return VNULL;
        if (j < 0) break;
        count++;
        i = j + 1;
    }
    return int_from_i64(count);
}

FN(array_extend_m) {
    if (clinic_args("extend", nargs, kwnames, 1) < 0 || array_extend(A(self), args[0]) < 0) return VNULL;
    return VNone;
}

FN(array_frombytes) {
    if (meth_args("array.frombytes", nargs, kwnames, 1) < 0) return VNULL;
    Buffer view;
    if (carg_buffer(args[0], &view) < 0) return VNULL;
    if (view.itemsize != 1) {
        buffer_release(&view);
        err_set(&exc_TypeError, "a bytes-like object is required");
        return VNULL;
    }
    int r = array_append_bytes(A(self), view.buf, view.len);
    buffer_release(&view);
    return r < 0 ? VNULL : VNone;
}

FN(array_fromfile) {
    if (clinic_args("fromfile", nargs, kwnames, 2) < 0) return VNULL;
    MArrayObject *a = A(self);
    ssize_t n;
    if (dm_ssize(args[1], &n) < 0) return VNULL;
    if (n < 0) {
        err_set(&exc_ValueError, "negative count");
        return VNULL;
    }
    if (n > PTRDIFF_MAX / a->d->itemsize) {
        err_no_memory();
        return VNULL;
    }
    ssize_t nbytes = n * a->d->itemsize;
    Value sz = int_from_i64(nbytes);
    Value b = obj_call_method(args[0], "read", &sz, 1);
    if (!b) return VNULL;
    if (!bytes_check(b)) {
        err_set(&exc_TypeError, "read() didn't return bytes");
        return VNULL;
    }
    bool short_read = bytes_size(b) != nbytes;
    if (array_append_bytes(a, bytes_data(b), bytes_size(b)) < 0) return VNULL;
    if (short_read) {
        err_set(&exc_EOFError, "read() didn't return enough bytes");
        return VNULL;
    }
    return VNone;
}

FN(array_fromlist) {
    if (meth_args("array.fromlist", nargs, kwnames, 1) < 0) return VNULL;
    Value l = args[0];
    if (!list_check(l)) {
        err_set(&exc_TypeError, "arg must be list");
        return VNULL;
    }
    MArrayObject *a = A(self);
    ssize_t old = a->size;
    for (ssize_t i = 0; i < list_size(l); i++) {
        if (array_append_value(a, list_get(l, i)) < 0) {
            /* All or nothing, as CPython: drop what this call added. */
            Value exc = err_fetch();
            if (a->size > old) array_resize(a, old);
            err_restore(exc);
            return VNULL;
        }
    }
    return VNone;
}

FN(array_fromunicode) {
    if (meth_args("array.fromunicode", nargs, kwnames, 1) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "fromunicode() argument must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    if (A(self)->d->typecode != 'u') {
        err_set(&exc_ValueError, "fromunicode() may only be called on unicode type arrays");
        return VNULL;
    }
    return array_append_unicode(A(self), args[0]) < 0 ? VNULL : VNone;
}

/* _PyEval_SliceIndexNotNone: an int clamped to ssize_t, for index()'s bounds. */
static int slice_index(Value v, ssize_t *out) {
    if (!num_check_index(v)) {
        err_set(&exc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    Value i = num_index(v);
    if (!i) return -1;
    if (int_fits_i64(i)) *out = (ssize_t)int_as_i64(i);
    else *out = int_sign(i) < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
    return 0;
}

FN(array_index) {
    if (arg_no_kw("array.index", kwnames) < 0 || arg_count("index", nargs, 1, 3) < 0) return VNULL;
    MArrayObject *a = A(self);
    ssize_t lo = 0, hi = PTRDIFF_MAX;
    if (nargs > 1 && slice_index(args[1], &lo) < 0) return VNULL;
    if (nargs > 2 && slice_index(args[2], &hi) < 0) return VNULL;
    if (lo < 0) {
        lo += a->size;
        if (lo < 0) lo = 0;
    }
    if (hi < 0) {
        hi += a->size;
        if (hi < 0) hi = 0;
    }
    ssize_t i = array_find(a, args[0], lo, hi);
    if (i == -2) return VNULL;
    if (i < 0) {
        err_set(&exc_ValueError, "array.index(x): x not in array");
        return VNULL;
    }
    return int_from_i64(i);
}

FN(array_insert) {
    if (arg_no_kw("array.insert", kwnames) < 0 || arg_count("insert", nargs, 2, 2) < 0) return VNULL;
    MArrayObject *a = A(self);
    ssize_t i;
    if (dm_ssize(args[0], &i) < 0) return VNULL;
    char item[8];
    if (a->d->conv(args[1], item) < 0) return VNULL;
    ssize_t n = a->size;
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    if (i > n) i = n;
    if (array_resize(a, n + 1) < 0) return VNULL;
    ssize_t isz = a->d->itemsize;
    memmove(item_ptr(a, i + 1), item_ptr(a, i), (size_t)((n - i) * isz));
    memcpy(item_ptr(a, i), item, (size_t)isz);
    return VNone;
}

FN(array_pop) {
    if (arg_no_kw("array.pop", kwnames) < 0 || arg_count("pop", nargs, 0, 1) < 0) return VNULL;
    MArrayObject *a = A(self);
    ssize_t i = -1;
    if (nargs > 0 && dm_ssize(args[0], &i) < 0) return VNULL;
    if (a->size == 0) {
        err_set(&exc_IndexError, "pop from empty array");
        return VNULL;
    }
    if (i < 0) i += a->size;
    if (i < 0 || i >= a->size) {
        err_set(&exc_IndexError, "pop index out of range");
        return VNULL;
    }
    Value v = get_item(a, i);
    if (!v || array_del_range(a, i, i + 1) < 0) return VNULL;
    return v;
}

FN(array_remove) {
    if (meth_args("array.remove", nargs, kwnames, 1) < 0) return VNULL;
    MArrayObject *a = A(self);
    ssize_t i = array_find(a, args[0], 0, a->size);
    if (i == -2) return VNULL;
    if (i < 0) {
        err_set(&exc_ValueError, "array.remove(x): x not in array");
        return VNULL;
    }
    return array_del_range(a, i, i + 1) < 0 ? VNULL : VNone;
}

FN(array_reverse) {
    if (meth_args("array.reverse", nargs, kwnames, 0) < 0) return VNULL;
    MArrayObject *a = A(self);
    ssize_t isz = a->d->itemsize;
    char tmp[8];
    for (ssize_t i = 0, j = a->size - 1; i < j; i++, j--) {
        memcpy(tmp, item_ptr(a, i), (size_t)isz);
        memcpy(item_ptr(a, i), item_ptr(a, j), (size_t)isz);
        memcpy(item_ptr(a, j), tmp, (size_t)isz);
    }
    return VNone;
}

FN(array_tobytes) {
    if (meth_args("array.tobytes", nargs, kwnames, 0) < 0) return VNULL;
    return bytes_new(A(self)->data, (size_t)(A(self)->size * A(self)->d->itemsize));
}

FN(array_tofile) {
    if (clinic_args("tofile", nargs, kwnames, 1) < 0) return VNULL;
    MArrayObject *a = A(self);
    /* In 64 KiB blocks, as CPython, so a huge array is not copied at once. */
    const ssize_t block = 64 * 1024;
    ssize_t total = a->size * a->d->itemsize;
    for (ssize_t off = 0; off < total; off += block) {
        if (off >= a->size * a->d->itemsize) break;   /* write() shrank the array */
        ssize_t n = total - off < block ? total - off : block;
        Value b = bytes_new(a->data + off, (size_t)n);
        if (!b) return VNULL;
        Value r = obj_call_method(args[0], "write", &b, 1);
        if (!r) return VNULL;
    }
    return VNone;
}

FN(array_tolist) {
    if (meth_args("array.tolist", nargs, kwnames, 0) < 0) return VNULL;
    return array_to_list(A(self));
}

FN(array_tounicode) {
    if (meth_args("array.tounicode", nargs, kwnames, 0) < 0) return VNULL;
    if (A(self)->d->typecode != 'u') {
        err_set(&exc_ValueError, "tounicode() may only be called on unicode type arrays");
        return VNULL;
    }
    return array_to_unicode(A(self));
}

FN(array_copy_m) {
    if (meth_args("array.__copy__", nargs, kwnames, 0) < 0) return VNULL;
    return array_from_data(A(self)->d, A(self)->data, A(self)->size);
}

FN(array_deepcopy_m) {
    if (meth_args("array.__deepcopy__", nargs, kwnames, 1) < 0) return VNULL;
    return array_from_data(A(self)->d, A(self)->data, A(self)->size);
}

FN(array_sizeof) {
    if (meth_args("array.__sizeof__", nargs, kwnames, 0) < 0) return VNULL;
    /* CPython's figure: its 64-byte object plus the allocated items. */
    return int_from_i64(64 + A(self)->alloc * A(self)->d->itemsize);
}

FN(array_reduce_ex) {
    if (clinic_args("__reduce_ex__", nargs, kwnames, 1) < 0) return VNULL;
    if (!int_check(args[0])) {
        err_set(&exc_TypeError, "__reduce_ex__ argument should be an integer");
        return VNULL;
    }
    int64_t protocol = int_fits_i64(args[0]) ? int_as_i64(args[0]) : (int_sign(args[0]) < 0 ? -1 : 3);
    MArrayObject *a = A(self);
    Value dict = obj_getattr_opt(self, intern_cstr_cached("__dict__"));
    if (!dict) {
        if (err_occurred()) return VNULL;
        dict = VNone;
    }
    Value tc = str_from_codepoint((uint32_t)a->d->typecode);
    if (!tc) return VNULL;
    Value cls = obj_val(val_type(self));
    if (protocol < 3) {
        Value l = array_to_list(a);
        Value targs = l ? tuple_pack(2, tc, l) : VNULL;
        return targs ? tuple_pack(3, cls, targs, dict) : VNULL;
    }
    Value recon = module_get(array_module, "_array_reconstructor");
    Value b = recon ? bytes_new(a->data, (size_t)(a->size * a->d->itemsize)) : VNULL;
    Value targs = b ? tuple_pack(4, cls, tc, val_from_int(a->d->mformat), b) : VNULL;
    return targs ? tuple_pack(3, recon, targs, dict) : VNULL;
}

static Value array_get_typecode(Value self) { return str_from_codepoint((uint32_t)A(self)->d->typecode); }
static Value array_get_itemsize(Value self) { return int_from_i64(A(self)->d->itemsize); }

/* ---- Buffer export ---- */

static int array_getbuffer(Value self, Buffer *view, int flags) {
    MArrayObject *a = A(self);
    static char empty[8];
    view->buf = a->data ? a->data : empty;
    view->obj = self;
    view->len = a->size * a->d->itemsize;
    view->readonly = 0;
    view->ndim = 1;
    view->itemsize = a->d->itemsize;
    view->format = (flags & BUF_FORMAT) == BUF_FORMAT ? a->d->format : NULL;
    view->shape = (flags & BUF_ND) == BUF_ND ? &a->size : NULL;
    view->strides = (flags & BUF_STRIDES) == BUF_STRIDES ? (ssize_t *)&a->d->itemsize : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    a->exports++;
    return 0;
}

static void array_releasebuffer(Value self, Buffer *view) { A(self)->exports--; }

/* ---- The iterator ---- */

static void arrayiter_trace(Object *o) {
    ArrayIterObject *it = (ArrayIterObject *)o;
    if (it->array) gc_mark(it->array);
}

static Value array_iter(Value self) {
    misc_ready_type(&type_array_iter);
    ArrayIterObject *it = gc_alloc(&type_array_iter, sizeof(ArrayIterObject));
    if (!it) return VNULL;
    GC_WRITE(it, it->array, self);
    return obj_val(it);
}

static Value arrayiter_next(Value self) {
    ArrayIterObject *it = (ArrayIterObject *)self;
    if (!it->array) return VNULL;
    MArrayObject *a = A(it->array);
    if (it->index < a->size) return get_item(a, it->index++);
    it->array = VNULL;
    return VNULL;
}

static Value arrayiter_self(Value self) { return self; }

FN(arrayiter_reduce) {
    extern Value builtins_dict;
    ArrayIterObject *it = (ArrayIterObject *)self;
    Value iter = dict_get_cstr(builtins_dict, "iter");
    if (!iter) return VNULL;
    if (!it->array) {
        Value empty = tuple_pack(1, tuple_empty());
        return empty ? tuple_pack(2, iter, empty) : VNULL;
    }
    Value a = tuple_pack(1, it->array);
    return a ? tuple_pack(3, iter, a, int_from_i64(it->index)) : VNULL;
}

FN(arrayiter_setstate) {
    if (meth_args("arrayiterator.__setstate__", nargs, kwnames, 1) < 0) return VNULL;
    ArrayIterObject *it = (ArrayIterObject *)self;
    ssize_t i = num_as_ssize(args[0], &exc_OverflowError);
    if (i == -1 && err_occurred()) return VNULL;
    if (it->array) {
        if (i < 0) i = 0;
        else if (i > A(it->array)->size) i = A(it->array)->size;
        it->index = i;
    }
    return VNone;
}

static const MethodDef arrayiter_methods[] = {
    {"__reduce__", arrayiter_reduce, 0, "Return state information for pickling."},
    {"__setstate__", arrayiter_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

Type type_array_iter = {
    .hdr = {0, &type_type},
    .name = "array.arrayiterator",
    .basicsize = sizeof(ArrayIterObject),
    .trace = arrayiter_trace,
    .iter = arrayiter_self,
    .iternext = arrayiter_next,
    .methods = arrayiter_methods,
};

/* ---- _array_reconstructor ---- */

/* Size, signedness and byte order of each machine format (CPython's
 * table, including its sizes 4 and 8 for the UTF-16 and UTF-32 codes). */
static const struct {
    int size;
    bool is_signed, big_endian;
} mformats[MF__COUNT] = {
    {1, 0, 0}, {1, 1, 0}, {2, 0, 0}, {2, 0, 1}, {2, 1, 0}, {2, 1, 1}, {4, 0, 0}, {4, 0, 1},
    {4, 1, 0}, {4, 1, 1}, {8, 0, 0}, {8, 0, 1}, {8, 1, 0}, {8, 1, 1}, {4, 0, 0}, {4, 0, 1},
    {8, 0, 0}, {8, 0, 1}, {4, 0, 0}, {4, 0, 1}, {8, 0, 0}, {8, 0, 1},
};

/* n bytes at p in the given byte order, as an unsigned number. */
static uint64_t load_uint(const unsigned char *p, int n, bool big_endian) {
    uint64_t x = 0;
    for (int k = 0; k < n; k++) x |= (uint64_t)p[big_endian ? n - 1 - k : k] << (8 * k);
    return x;
}

/* Decode items stored in another machine's format into a list (or a str
 * for the UTF codes); the array is then made from that. */
static Value decode_mformat(int mf, const unsigned char *p, ssize_t size, char *typecode) {
    int isz = mformats[mf].size;
    bool be = mformats[mf].big_endian;
    ssize_t n = size / isz;
    if (mf == MF_UTF16_LE || mf == MF_UTF16_BE || mf == MF_UTF32_LE || mf == MF_UTF32_BE) {
        const char *enc = mf == MF_UTF16_LE ? "utf-16-le" : mf == MF_UTF16_BE ? "utf-16-be"
                        : mf == MF_UTF32_LE ? "utf-32-le" : "utf-32-be";
        return bytes_decode((const char *)p, (size_t)size, enc, "strict");
    }
    Value l = list_new((size_t)n);
    if (!l) return VNULL;
    for (ssize_t i = 0; i < n; i++, p += isz) {
        uint64_t u = load_uint(p, isz, be);
        Value v;
        if (mf == MF_FLOAT_LE || mf == MF_FLOAT_BE) {
            uint32_t w = (uint32_t)u;
            float f;
            memcpy(&f, &w, 4);
            v = float_new(f);
        } else if (mf == MF_DOUBLE_LE || mf == MF_DOUBLE_BE) {
            double d;
            memcpy(&d, &u, 8);
            v = float_new(d);
        } else if (mformats[mf].is_signed) {
            int shift = 64 - 8 * isz;
            v = int_from_i64(shift ? (int64_t)(u << shift) >> shift : (int64_t)u);
        } else {
            v = int_from_u64(u);
        }
        if (!v || list_append(l, v) < 0) return VNULL;
    }
    if (mf < MF_FLOAT_LE) {
        /* Integers go into the last type code of the same size and signedness. */
        for (size_t k = 0; k < NDESCRS; k++)
            if (descrs[k].is_int && descrs[k].itemsize == isz && descrs[k].is_signed == mformats[mf].is_signed)
                *typecode = descrs[k].typecode;
    }
    return l;
}

FN(array_reconstructor) {
    if (arg_no_kw("_array_reconstructor", kwnames) < 0 || arg_count("_array_reconstructor", nargs, 4, 4) < 0)
        return VNULL;
    Value cls = args[0];
    if (!type_check(cls)) {
        err_format(&exc_TypeError, "first argument must be a type object, not %s", type_name(cls));
        return VNULL;
    }
    if (!type_is_subtype(type_of_val(cls), &type_array)) {
        err_format(&exc_TypeError, "%s is not a subtype of array.array", type_of_val(cls)->name);
        return VNULL;
    }
    if (!str_check(args[1]) || str_len(args[1]) != 1) {
        err_format(&exc_TypeError, "_array_reconstructor() argument 2 must be a unicode character, not %s",
                   type_name(args[1]));
        return VNULL;
    }
    int mf;
    if (os_int(args[2], &mf) < 0) return VNULL;
    const ArrayDescr *d = descr_for(str_char_at(args[1], 0));
    if (!d) {
        err_set(&exc_ValueError, "second argument must be a valid type code");
        return VNULL;
    }
    if (mf < 0 || mf >= MF__COUNT) {
        err_set(&exc_ValueError, "third argument must be a valid machine format code.");
        return VNULL;
    }
    Value items = args[3];
    if (!bytes_check(items)) {
        err_format(&exc_TypeError, "fourth argument should be bytes, not %s", type_name(items));
        return VNULL;
    }
    Type *t = type_of_val(cls);
    if (mf == d->mformat) {
        MArrayObject *a = marray_alloc(t, d, 0);
        if (!a || array_append_bytes(a, bytes_data(items), bytes_size(items)) < 0) return VNULL;
        return obj_val(a);
    }
    if (bytes_size(items) % mformats[mf].size) {
        err_set(&exc_ValueError, "string length not a multiple of item size");
        return VNULL;
    }
    char tc = d->typecode;
    Value conv = decode_mformat(mf, (const unsigned char *)bytes_data(items), bytes_size(items), &tc);
    if (!conv) return VNULL;
    Value targs[2] = {str_from_codepoint((uint32_t)tc), conv};
    if (!targs[0]) return VNULL;
    return array_new_m(t, targs, 2, VNULL);
}

/* ---- The type and the module ---- */

static const MethodDef array_methods[] = {
    {"append", array_append_m, 0, "Append new value v to the end of the array."},
    {"buffer_info", array_buffer_info, 0,
     "Return a tuple (address, length) giving the current memory address and the length in items of the buffer "
     "used to hold array's contents.\n\nThe length should be multiplied by the itemsize attribute to calculate\n"
     "the buffer length in bytes."},
    {"byteswap", array_byteswap, 0,
     "Byteswap all items of the array.\n\nIf the items in the array are not 1, 2, 4, or 8 bytes in size, "
     "RuntimeError is\nraised."},
    {"count", array_count, 0, "Return number of occurrences of v in the array."},
    {"extend", array_extend_m, 0, "Append items to the end of the array."},
    {"frombytes", array_frombytes, 0,
     "Appends items from the string, interpreting it as an array of machine values, as if it had been read from a "
     "file using the fromfile() method."},
    {"fromfile", array_fromfile, 0, "Read n objects from the file object f and append them to the end of the array."},
    {"fromlist", array_fromlist, 0, "Append items to array from list."},
    {"fromunicode", array_fromunicode, 0,
     "Extends this array with data from the unicode string ustr.\n\nThe array must be a unicode type array; "
     "otherwise a ValueError is raised.\nUse array.frombytes(ustr.encode(...)) to append Unicode data to an array "
     "of\nsome other type."},
    {"index", array_index, 0, "Return index of first occurrence of v in the array.\n\nRaise ValueError if the value is not present."},
    {"insert", array_insert, 0, "Insert a new item v into the array before position i."},
    {"pop", array_pop, 0, "Return the i-th element and delete it from the array.\n\ni defaults to -1."},
    {"remove", array_remove, 0, "Remove the first occurrence of v in the array."},
    {"reverse", array_reverse, 0, "Reverse the order of the items in the array."},
    {"tobytes", array_tobytes, 0,
     "Convert the array to an array of machine values and return the bytes representation."},
    {"tofile", array_tofile, 0, "Write all items (as machine values) to the file object f."},
    {"tolist", array_tolist, 0, "Convert array to an ordinary list with the same items."},
    {"tounicode", array_tounicode, 0,
     "Extends this array with data from the unicode string ustr.\n\nConvert the array to a unicode string.  The "
     "array must be a unicode type array;\notherwise a ValueError is raised.  Use array.tobytes().decode() to "
     "obtain a\nunicode string from an array of some other type."},
    {"__copy__", array_copy_m, 0, "Return a copy of the array."},
    {"__deepcopy__", array_deepcopy_m, 0, "Return a copy of the array."},
    {"__reduce_ex__", array_reduce_ex, 0, "Return state information for pickling."},
    {"__sizeof__", array_sizeof, 0, "Size of the array in memory, in bytes."},
    {NULL},
};

static const GetSetDef array_getsets[] = {
    {"typecode", array_get_typecode, NULL, "the typecode character used to create the array"},
    {"itemsize", array_get_itemsize, NULL, "the size, in bytes, of one array item"},
    {NULL},
};

Type type_array = {
    .hdr = {0, &type_type},
    .name = "array.array",
    .basicsize = sizeof(MArrayObject),
    .flags = TF_BASETYPE | TF_WEAKREFABLE | TF_SEQUENCE,
    .trace = array_trace,
    .new = array_new_m,
    .repr = array_repr,
    .hash = obj_hash_unhashable,
    .richcompare = array_richcompare,
    .iter = array_iter,
    .len = array_len,
    .getitem = array_getitem,
    .setitem = array_setitem,
    .contains = array_contains,
    .sq_concat = array_concat,
    .sq_inplace_concat = array_inplace_concat,
    .sq_repeat = array_repeat,
    .sq_inplace_repeat = array_inplace_repeat,
    .getbuffer = array_getbuffer,
    .releasebuffer = array_releasebuffer,
    .methods = array_methods,
    .getsets = array_getsets,
    .doc = "array(typecode [, initializer]) -> array\n\n"
           "Return a new array whose items are restricted by typecode, and\n"
           "initialized from the optional initializer value, which must be a list,\n"
           "string or iterable over elements of the appropriate type.\n\n"
           "Arrays represent basic values and behave very much like lists, except\n"
           "the type of objects stored in them is constrained. The type is specified\n"
           "at object creation time by using a type code, which is a single character.\n"
           "The following type codes are defined:\n\n"
           "    Type code   C Type             Minimum size in bytes\n"
           "    'b'         signed integer     1\n"
           "    'B'         unsigned integer   1\n"
           "    'u'         Unicode character  2 (see note)\n"
           "    'h'         signed integer     2\n"
           "    'H'         unsigned integer   2\n"
           "    'i'         signed integer     2\n"
           "    'I'         unsigned integer   2\n"
           "    'l'         signed integer     4\n"
           "    'L'         unsigned integer   4\n"
           "    'q'         signed integer     8 (see note)\n"
           "    'Q'         unsigned integer   8 (see note)\n"
           "    'f'         floating point     4\n"
           "    'd'         floating point     8\n\n"
           "NOTE: The 'u' typecode corresponds to Python's unicode character. On\n"
           "narrow builds this is 2-bytes on wide builds this is 4-bytes.\n\n"
           "NOTE: The 'q' and 'Q' type codes are only available if the platform\n"
           "C compiler used to build Python supports 'long long', or, on Windows,\n"
           "'__int64'.\n\n"
           "Methods:\n\n"
           "append() -- append a new item to the end of the array\n"
           "buffer_info() -- return information giving the current memory info\n"
           "byteswap() -- byteswap all the items of the array\n"
           "count() -- return number of occurrences of an object\n"
           "extend() -- extend array by appending multiple elements from an iterable\n"
           "fromfile() -- read items from a file object\n"
           "fromlist() -- append items from the list\n"
           "frombytes() -- append items from the string\n"
           "index() -- return index of first occurrence of an object\n"
           "insert() -- insert a new item into the array at a provided position\n"
           "pop() -- remove and return item (default last)\n"
           "remove() -- remove first occurrence of an object\n"
           "reverse() -- reverse the order of the items in the array\n"
           "tofile() -- write all items to a file object\n"
           "tolist() -- return the array converted to an ordinary list\n"
           "tobytes() -- return the array converted to a string\n\n"
           "Attributes:\n\n"
           "typecode -- the typecode character used to create the array\n"
           "itemsize -- the length in bytes of one array item\n",
};

static const MethodDef array_functions[] = {
    {"_array_reconstructor", array_reconstructor, 0, "Internal. Used for pickling support."},
    {NULL},
};

Value array_module_init(void) {
    type_ready(&type_array);
    misc_ready_type(&type_array_iter);
    Value m = module_new_cstr("array");
    if (!m || module_add_functions(m, array_functions) < 0) return VNULL;
    array_module = m;
    gc_add_root(&array_module);
    if (module_add(m, "array", obj_val(&type_array)) < 0 || module_add(m, "ArrayType", obj_val(&type_array)) < 0 ||
        module_add(m, "typecodes", str_from_cstr("bBuhHiIlLqQfd")) < 0 ||
        module_add(m, "__doc__", str_from_cstr("This module defines an object type which can efficiently represent\n"
                                               "an array of basic values: characters, integers, floating point\n"
                                               "numbers.  Arrays are sequence types and behave very much like lists,\n"
                                               "except that the type of objects stored in them is constrained.\n")) < 0)
        return VNULL;
    return m;
}
