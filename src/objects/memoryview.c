/* memoryview.c - memoryview: views of exported buffers; item access by format, slices, casts, comparison, release. */
#include "memoryview.h"
#include "bytes.h"
#include "int.h"
#include "float.h"
#include "str.h"
#include "tuple.h"
#include "list.h"
#include "misc.h"
#include "type.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <stdlib.h>
#include <limits.h>

/*
 * The semantics (and every message) are CPython 3.11's memoryobject.c:
 *
 * - A ManagedBuffer holds the one export taken from the original object
 *   (with BUF_FULL_RO).  Each memoryview holds its own copy of the Buffer
 *   with private shape/strides/suboffsets arrays, so slicing and casting
 *   just edit the copy; all views of an export count themselves in the
 *   ManagedBuffer, which gives the export back when the count drops to 0
 *   (or when it is collected: see memoryview.h).
 * - Items are read and written per the view's format, which must be a
 *   native single-character struct format ("B", "@i", ...).
 * - Only one-dimensional views can be sliced in assignments and iterated;
 *   N-dimensional views come from cast() and support tolist(), tobytes(),
 *   comparison and full-tuple indexing.
 */

enum {
    MV_RELEASED = 1 << 0,
    MV_C = 1 << 1,        /* C-contiguous */
    MV_F = 1 << 2,        /* Fortran-contiguous */
    MV_SCALAR = 1 << 3,   /* ndim == 0 */
    MV_PIL = 1 << 4,      /* has suboffsets */
};

#define MV_C_CONTIGUOUS(f) ((f) & (MV_SCALAR | MV_C))
#define MV_F_CONTIGUOUS(f) ((f) & (MV_SCALAR | MV_F))
#define MV_ANY_CONTIGUOUS(f) ((f) & (MV_SCALAR | MV_C | MV_F))

#define MV(v) ((MemoryViewObject *)(v))

/* ---- ManagedBuffer: the shared export ---- */

struct ManagedBuffer {
    Object hdr;
    Buffer master;       /* shape/strides may point into master itself: never copied by value */
    ssize_t exports;     /* views registered and not released */
    bool released;
};

static Type type_managedbuffer;

static void mbuf_trace(Object *o) { gc_mark(((ManagedBuffer *)o)->master.obj); }

static void mbuf_release(ManagedBuffer *mb) {
    if (mb->released) return;
    mb->released = true;
    buffer_release(&mb->master);
}

/* Runs inside a collection for an unreachable ManagedBuffer whose views
 * were dropped unreleased: give the export back.  The exporter's memory is
 * still intact (nothing is swept before every finalizer ran); its release
 * hook must not allocate. */
static void mbuf_finalize(Object *o) { mbuf_release((ManagedBuffer *)o); }

static ManagedBuffer *mbuf_from_object(Value obj) {
    misc_ready_type(&type_managedbuffer);
    ManagedBuffer *mb = gc_alloc(&type_managedbuffer, sizeof(ManagedBuffer));
    if (!mb) return NULL;
    if (buffer_get(obj, &mb->master, BUF_FULL_RO) < 0) {
        mb->released = true;
        return NULL;
    }
    return mb;
}

/* ---- Released checks and flags ---- */

static bool released(MemoryViewObject *mv) {
    if (!(mv->flags & MV_RELEASED)) return false;
    err_set(&exc_ValueError, "operation forbidden on released memoryview object");
    return true;
}

#define CHECK_RELEASED(mv) \
    if (released(mv)) return VNULL
#define CHECK_RELEASED_INT(mv) \
    if (released(mv)) return -1

static void init_flags(MemoryViewObject *mv) {
    const Buffer *v = &mv->view;
    int flags = 0;
    switch (v->ndim) {
    case 0: flags = MV_SCALAR | MV_C | MV_F; break;
    case 1:
        if (v->shape[0] == 1 || v->strides[0] == v->itemsize) flags = MV_C | MV_F;
        break;
    default:
        if (buffer_is_contiguous(v, 'C')) flags |= MV_C;
        if (buffer_is_contiguous(v, 'F')) flags |= MV_F;
        break;
    }
    if (v->suboffsets) flags = MV_PIL;
    mv->flags = flags;
}

static void init_len(Buffer *v) {
    ssize_t len = 1;
    for (int i = 0; i < v->ndim; i++) len *= v->shape[i];
    v->len = len * v->itemsize;
}

/* ---- Creating views ---- */

/* A view with room for ndim dimensions and src's scalar fields; shape and
 * strides are the caller's to fill.  Registers with mb. */
static MemoryViewObject *mv_alloc(ManagedBuffer *mb, const Buffer *src, int ndim) {
    int n = ndim > 0 ? ndim : 1;
    MemoryViewObject *mv = gc_alloc(&type_memoryview, sizeof(MemoryViewObject) + 3 * (size_t)n * sizeof(ssize_t));
    if (!mv) return NULL;
    mv->hash = -1;
    mv->mbuf = mb;
    mb->exports++;
    Buffer *v = &mv->view;
    v->obj = src->obj;
    v->buf = src->buf;
    v->len = src->len;
    v->itemsize = src->itemsize;
    v->readonly = src->readonly;
    v->format = src->format ? src->format : "B";
    v->internal = src->internal;
    v->ndim = ndim;
    v->shape = mv->arr;
    v->strides = mv->arr + n;
    v->suboffsets = NULL;
    return mv;
}

/* A complete copy of src (or of the export itself when src is NULL). */
static Value mbuf_add_view(ManagedBuffer *mb, const Buffer *src) {
    if (!src) src = &mb->master;
    if (src->ndim > BUFFER_MAX_NDIM) {
        err_set(&exc_ValueError, "memoryview: number of dimensions must not exceed 64");
        return VNULL;
    }
    MemoryViewObject *mv = mv_alloc(mb, src, src->ndim);
    if (!mv) return VNULL;
    Buffer *v = &mv->view;
    if (src->ndim == 0) {
        v->shape = v->strides = NULL;
    } else if (src->ndim == 1) {
        v->shape[0] = src->shape ? src->shape[0] : src->len / src->itemsize;
        v->strides[0] = src->strides ? src->strides[0] : src->itemsize;
    } else {
        for (int i = 0; i < src->ndim; i++) v->shape[i] = src->shape[i];
        if (src->strides) {
            for (int i = 0; i < src->ndim; i++) v->strides[i] = src->strides[i];
        } else {
            buffer_init_strides(v);
        }
    }
    if (src->suboffsets) {
        v->suboffsets = mv->arr + 2 * (src->ndim > 0 ? src->ndim : 1);
        for (int i = 0; i < src->ndim; i++) v->suboffsets[i] = src->suboffsets[i];
    }
    init_flags(mv);
    return obj_val(mv);
}

Value memoryview_from_object(Value v) {
    if (memoryview_check(v)) {
        CHECK_RELEASED(MV(v));
        return mbuf_add_view(MV(v)->mbuf, &MV(v)->view);
    }
    if (buffer_check(v)) {
        ManagedBuffer *mb = mbuf_from_object(v);
        if (!mb) return VNULL;
        return mbuf_add_view(mb, NULL);
    }
    err_format(&exc_TypeError, "memoryview: a bytes-like object is required, not '%s'", type_name(v));
    return VNULL;
}

static Value memoryview_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"object", NULL};
    Value a[1];
    /* CPython reports the missing argument before an unknown keyword. */
    if (nargs == 0) {
        bool given = false;
        for (ssize_t i = 0; kwnames && i < tuple_size(kwnames); i++)
            given |= str_eq_cstr(tuple_get(kwnames, i), "object");
        if (!given) {
            err_set(&exc_TypeError, "memoryview() missing required argument 'object' (pos 1)");
            return VNULL;
        }
    }
    if (arg_parse("memoryview", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    return memoryview_from_object(a[0]);
}

/* ---- release and the context manager ---- */

static int mv_release(MemoryViewObject *mv) {
    if (mv->flags & MV_RELEASED) return 0;
    if (mv->exports > 0) {
        err_format(&exc_BufferError, "memoryview has %zd exported buffer%s", mv->exports,
                   mv->exports == 1 ? "" : "s");
        return -1;
    }
    mv->flags |= MV_RELEASED;
    ManagedBuffer *mb = mv->mbuf;
    mv->mbuf = NULL;
    mv->view.obj = VNULL;
    if (mb && --mb->exports == 0) mbuf_release(mb);
    return 0;
}

static Value mv_release_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("memoryview.release", kw) < 0 || arg_count("memoryview.release", nargs, 0, 0) < 0) return VNULL;
    return mv_release(MV(self)) < 0 ? VNULL : VNone;
}

static Value mv_enter(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("memoryview.__enter__", kw) < 0 || arg_count("memoryview.__enter__", nargs, 0, 0) < 0) return VNULL;
    CHECK_RELEASED(MV(self));
    return self;
}

static Value mv_exit(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("memoryview.__exit__", kw) < 0) return VNULL;
    return mv_release(MV(self)) < 0 ? VNULL : VNone;
}

/* ---- Formats ---- */

/* The size of a native single-character format ("x" or "@x"), storing the
 * character in *c, or -1.  'e' (half float) is not a native memoryview
 * format in 3.11. */
static ssize_t native_format(const char *fmt, char *c) {
    if (fmt[0] == '@') fmt++;
    ssize_t size;
    switch (fmt[0]) {
    case 'c': case 'b': case 'B': size = 1; break;
    case 'h': case 'H': size = sizeof(short); break;
    case 'i': case 'I': size = sizeof(int); break;
    case 'l': case 'L': size = sizeof(long); break;
    case 'q': case 'Q': size = sizeof(long long); break;
    case 'n': case 'N': size = sizeof(ssize_t); break;
    case 'f': size = sizeof(float); break;
    case 'd': size = sizeof(double); break;
    case '?': size = sizeof(bool); break;
    case 'P': size = sizeof(void *); break;
    default: return -1;
    }
    if (fmt[1] != '\0') return -1;
    *c = fmt[0];
    return size;
}

/* The static spelling of a native format, so a view never points at a
 * string the collector could free. */
static const char *native_format_str(const char *fmt) {
    static const char chars[] = "cbBhHiIlLqQnNfd?P";
    static const char *const plain[] = {"c", "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "f", "d", "?", "P"};
    static const char *const at[] = {"@c", "@b", "@B", "@h", "@H", "@i", "@I", "@l", "@L", "@q", "@Q", "@n", "@N", "@f", "@d", "@?", "@P"};
    bool has_at = fmt[0] == '@';
    const char *p = strchr(chars, fmt[has_at]);
    if (!p || !fmt[has_at]) return NULL;
    return has_at ? at[p - chars] : plain[p - chars];
}

#define IS_BYTE_FORMAT(c) ((c) == 'b' || (c) == 'B' || (c) == 'c')

/* The format character items are read with, or 0 with NotImplementedError
 * for formats longer than one character (CPython's adjust_fmt). */
static char item_format(const Buffer *v) {
    const char *f = v->format[0] == '@' ? v->format + 1 : v->format;
    if (f[0] && f[1] == '\0') return f[0];
    err_format(&exc_NotImplementedError, "memoryview: unsupported format %s", v->format);
    return 0;
}

static Value format_not_supported(char fmt) {
    err_format(&exc_NotImplementedError, "memoryview: format %c not supported", fmt);
    return VNULL;
}

/* ---- Reading and writing one item ---- */

#define LOAD(T, p) ({ T x_; memcpy(&x_, (p), sizeof x_); x_; })

static Value unpack_item(const char *p, char fmt) {
    switch (fmt) {
    case 'B': return val_from_int(*(const unsigned char *)p);
    case 'b': return val_from_int(*(const signed char *)p);
    case 'h': return val_from_int(LOAD(short, p));
    case 'H': return val_from_int(LOAD(unsigned short, p));
    case 'i': return val_from_int(LOAD(int, p));
    case 'I': return val_from_int(LOAD(unsigned int, p));
    case 'l': return int_from_i64(LOAD(long, p));
    case 'L': return int_from_u64(LOAD(unsigned long, p));
    case 'q': return int_from_i64(LOAD(long long, p));
    case 'Q': return int_from_u64(LOAD(unsigned long long, p));
    case 'n': return int_from_i64(LOAD(ssize_t, p));
    case 'N': return int_from_u64(LOAD(size_t, p));
    case 'f': return float_new(LOAD(float, p));
    case 'd': return float_new(LOAD(double, p));
    case '?': return val_bool(*p != 0);
    case 'c': return bytes_new(p, 1);
    case 'P': return int_from_u64((uintptr_t)LOAD(void *, p));
    default: return format_not_supported(fmt);
    }
}

static int invalid_type(char fmt) {
    err_format(&exc_TypeError, "memoryview: invalid type for format '%c'", fmt);
    return -1;
}

static int invalid_value(char fmt) {
    err_format(&exc_ValueError, "memoryview: invalid value for format '%c'", fmt);
    return -1;
}

/* A conversion failed: TypeError becomes "invalid type", OverflowError and
 * ValueError "invalid value", anything else passes through. */
static int fix_error(char fmt) {
    if (err_matches(&exc_TypeError)) {
        err_clear();
        return invalid_type(fmt);
    }
    if (err_matches(&exc_OverflowError) || err_matches(&exc_ValueError)) {
        err_clear();
        return invalid_value(fmt);
    }
    return -1;
}

/* item as a C integer via __index__: 0, or -1 with the error fixed up. */
static int index_i64(Value item, char fmt, int64_t *out) {
    Value iv = num_index(item);
    if (!iv) return fix_error(fmt);
    int64_t x = int_as_i64(iv);
    if (x == -1 && err_occurred()) return fix_error(fmt);
    *out = x;
    return 0;
}

static int index_u64(Value item, char fmt, uint64_t *out) {
    Value iv = num_index(item);
    if (!iv) return fix_error(fmt);
    uint64_t x = int_as_u64(iv);
    if (x == (uint64_t)-1 && err_occurred()) return fix_error(fmt);
    *out = x;
    return 0;
}

#define STORE(T, p, x) do { T y_ = (T)(x); memcpy((p), &y_, sizeof y_); } while (0)

/* Write item at p per fmt.  The conversion may run Python code that
 * releases the view, so the released check comes after it and before the
 * store (CPython's gh-92888). */
static int pack_item(MemoryViewObject *mv, char *p, Value item, char fmt) {
    int64_t i = 0;
    uint64_t u = 0;
    double d;
    switch (fmt) {
    case 'b': case 'h': case 'i': case 'l': case 'q': case 'n':
        if (index_i64(item, fmt, &i) < 0) return -1;
        CHECK_RELEASED_INT(mv);
        switch (fmt) {
        case 'b':
            if (i < SCHAR_MIN || i > SCHAR_MAX) return invalid_value(fmt);
            STORE(signed char, p, i);
            break;
        case 'h':
            if (i < SHRT_MIN || i > SHRT_MAX) return invalid_value(fmt);
            STORE(short, p, i);
            break;
        case 'i':
            if (i < INT_MIN || i > INT_MAX) return invalid_value(fmt);
            STORE(int, p, i);
            break;
        default: STORE(int64_t, p, i); break;
        }
        return 0;
    case 'B': case 'H': case 'I': case 'L': case 'Q': case 'N':
        if (index_u64(item, fmt, &u) < 0) return -1;
        CHECK_RELEASED_INT(mv);
        switch (fmt) {
        case 'B':
            if (u > UCHAR_MAX) return invalid_value(fmt);
            STORE(unsigned char, p, u);
            break;
        case 'H':
            if (u > USHRT_MAX) return invalid_value(fmt);
            STORE(unsigned short, p, u);
            break;
        case 'I':
            if (u > UINT_MAX) return invalid_value(fmt);
            STORE(unsigned int, p, u);
            break;
        default: STORE(uint64_t, p, u); break;
        }
        return 0;
    case 'f': case 'd':
        if (float_as_double(item, &d) < 0) return fix_error(fmt);
        CHECK_RELEASED_INT(mv);
        if (fmt == 'f') STORE(float, p, d);
        else STORE(double, p, d);
        return 0;
    case '?': {
        int t = obj_is_true(item);
        if (t < 0) return -1;
        CHECK_RELEASED_INT(mv);
        *p = (char)t;
        return 0;
    }
    case 'c':
        if (!bytes_check(item)) return invalid_type(fmt);
        if (bytes_size(item) != 1) return invalid_value(fmt);
        *p = bytes_data(item)[0];
        return 0;
    case 'P':
        /* PyLong_AsVoidPtr: an int proper (no __index__), either sign. */
        if (!int_check(item)) return invalid_type(fmt);
        if (int_sign(item) < 0) {
            i = int_as_i64(item);
            if (i == -1 && err_occurred()) return fix_error(fmt);
            u = (uint64_t)i;
        } else {
            u = int_as_u64(item);
            if (u == (uint64_t)-1 && err_occurred()) return fix_error(fmt);
        }
        CHECK_RELEASED_INT(mv);
        STORE(uint64_t, p, u);
        return 0;
    default:
        format_not_supported(fmt);
        return -1;
    }
}

/* Do the items at p and q (same native format fmt) compare equal, with
 * C's semantics (so NaN != NaN, -0.0 == 0.0)? */
static bool item_equal_native(const char *p, const char *q, char fmt, ssize_t itemsize) {
    switch (fmt) {
    case 'f': return LOAD(float, p) == LOAD(float, q);
    case 'd': return LOAD(double, p) == LOAD(double, q);
    case '?': return (*p != 0) == (*q != 0);
    default: return memcmp(p, q, (size_t)itemsize) == 0;
    }
}

/* ---- Indexing ---- */

static inline char *adjust_ptr(char *p, const ssize_t *suboffsets, int dim) {
    return suboffsets && suboffsets[dim] >= 0 ? *(char **)p + suboffsets[dim] : p;
}

static char *lookup_dimension(const Buffer *v, char *p, int dim, ssize_t index) {
    ssize_t n = v->shape[dim];
    if (index < 0) index += n;
    if (index < 0 || index >= n) {
        err_format(&exc_IndexError, "index out of bounds on dimension %d", dim + 1);
        return NULL;
    }
    p += v->strides[dim] * index;
    return adjust_ptr(p, v->suboffsets, dim);
}

static char *ptr_from_tuple(const Buffer *v, Value tup) {
    ssize_t n = tuple_size(tup);
    if (n > v->ndim) {
        err_format(&exc_TypeError, "cannot index %d-dimension view with %zd-element tuple", v->ndim, n);
        return NULL;
    }
    char *p = v->buf;
    for (ssize_t d = 0; d < n; d++) {
        ssize_t index = num_as_ssize(tuple_get(tup, d), &exc_IndexError);
        if (index == -1 && err_occurred()) return NULL;
        p = lookup_dimension(v, p, (int)d, index);
        if (!p) return NULL;
    }
    return p;
}

static bool is_multiindex(Value key) {
    if (!tuple_check(key)) return false;
    for (ssize_t i = 0; i < tuple_size(key); i++)
        if (!num_check_index(tuple_get(key, i))) return false;
    return true;
}

static bool is_multislice(Value key) {
    if (!tuple_check(key)) return false;
    for (ssize_t i = 0; i < tuple_size(key); i++)
        if (val_type(tuple_get(key, i)) != &type_slice) return false;
    return true;
}

static Value invalid_0dim(void) {
    err_set(&exc_TypeError, "invalid indexing of 0-dim memory");
    return VNULL;
}

/* Narrow dimension dim of v to the slice key. */
static int init_slice(Buffer *v, Value key, int dim) {
    ssize_t start, stop, step;
    ssize_t n = slice_indices(key, v->shape[dim], &start, &stop, &step);
    if (n < 0) return -1;
    if (!v->suboffsets || dim == 0) {
        v->buf = (char *)v->buf + v->strides[dim] * start;
    } else {
        /* Past a pointer dimension the offset moves into the suboffset. */
        ssize_t i = dim - 1;
        while (i >= 0 && v->suboffsets[i] < 0) i--;
        if (i < 0) v->buf = (char *)v->buf + v->strides[dim] * start;
        else v->suboffsets[i] += v->strides[dim] * start;
    }
    v->shape[dim] = n;
    v->strides[dim] *= step;
    return 0;
}

static Value mv_getitem(Value self, Value key) {
    MemoryViewObject *mv = MV(self);
    CHECK_RELEASED(mv);
    Buffer *v = &mv->view;
    if (v->ndim == 0) {
        if (tuple_check(key) && tuple_size(key) == 0) {
            char fmt = item_format(v);
            return fmt ? unpack_item(v->buf, fmt) : VNULL;
        }
        if (key == VEllipsis) return self;
        return invalid_0dim();
    }
    if (num_check_index(key)) {
        ssize_t index = num_as_ssize(key, &exc_IndexError);
        if (index == -1 && err_occurred()) return VNULL;
        char fmt = item_format(v);
        if (!fmt) return VNULL;
        if (v->ndim > 1) {
            err_set(&exc_NotImplementedError, "multi-dimensional sub-views are not implemented");
            return VNULL;
        }
        char *p = lookup_dimension(v, v->buf, 0, index);
        return p ? unpack_item(p, fmt) : VNULL;
    }
    if (val_type(key) == &type_slice) {
        Value r = mbuf_add_view(mv->mbuf, v);
        if (!r) return VNULL;
        MemoryViewObject *s = MV(r);
        if (init_slice(&s->view, key, 0) < 0) {
            mv_release(s);
            return VNULL;
        }
        init_len(&s->view);
        init_flags(s);
        return r;
    }
    if (is_multiindex(key)) {
        char fmt = item_format(v);
        if (!fmt) return VNULL;
        if (tuple_size(key) < v->ndim) {
            err_set(&exc_NotImplementedError, "sub-views are not implemented");
            return VNULL;
        }
        char *p = ptr_from_tuple(v, key);
        return p ? unpack_item(p, fmt) : VNULL;
    }
    if (is_multislice(key)) {
        err_set(&exc_NotImplementedError, "multi-dimensional slicing is not implemented");
        return VNULL;
    }
    err_set(&exc_TypeError, "memoryview: invalid slice key");
    return VNULL;
}

/* Same format (ignoring '@'), itemsize and shape: slice assignment's test. */
static bool equiv_shape(const Buffer *a, const Buffer *b) {
    if (a->ndim != b->ndim) return false;
    for (int i = 0; i < a->ndim; i++) {
        if (a->shape[i] != b->shape[i]) return false;
        if (a->shape[i] == 0) break;
    }
    return true;
}

static bool equiv_structure(const Buffer *dest, const Buffer *src) {
    const char *df = dest->format[0] == '@' ? dest->format + 1 : dest->format;
    const char *sf = src->format ? (src->format[0] == '@' ? src->format + 1 : src->format) : "B";
    if (strcmp(df, sf) != 0 || dest->itemsize != src->itemsize || !equiv_shape(dest, src)) {
        err_set(&exc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        return false;
    }
    return true;
}

/* dest[...] = src for one-dimensional views of equal structure.  The source
 * is gathered first, so overlapping views of one buffer copy correctly. */
static int copy_single(MemoryViewObject *mv, const Buffer *dest, const Buffer *src) {
    if (released(mv)) return -1;
    if (!equiv_structure(dest, src)) return -1;
    ssize_t n = dest->shape[0], isz = dest->itemsize;
    if (n == 0) return 0;
    char *tmp = malloc((size_t)(n * isz));
    if (!tmp) {
        err_no_memory();
        return -1;
    }
    buffer_to_contiguous(tmp, src, 'C');
    char *p = dest->buf;
    for (ssize_t i = 0; i < n; i++) {
        memcpy(adjust_ptr(p, dest->suboffsets, 0), tmp + i * isz, (size_t)isz);
        p += dest->strides[0];
    }
    free(tmp);
    return 0;
}

static int mv_setitem(Value self, Value key, Value value) {
    MemoryViewObject *mv = MV(self);
    CHECK_RELEASED_INT(mv);
    Buffer *v = &mv->view;
    char fmt = item_format(v);
    if (!fmt) return -1;
    if (v->readonly) {
        err_set(&exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        err_set(&exc_TypeError, "cannot delete memory");
        return -1;
    }
    if (v->ndim == 0) {
        if (key == VEllipsis || (tuple_check(key) && tuple_size(key) == 0)) return pack_item(mv, v->buf, value, fmt);
        invalid_0dim();
        return -1;
    }
    if (num_check_index(key)) {
        if (v->ndim > 1) {
            err_set(&exc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        ssize_t index = num_as_ssize(key, &exc_IndexError);
        if (index == -1 && err_occurred()) return -1;
        char *p = lookup_dimension(v, v->buf, 0, index);
        return p ? pack_item(mv, p, value, fmt) : -1;
    }
    if (val_type(key) == &type_slice && v->ndim == 1) {
        Buffer src;
        if (buffer_get(value, &src, BUF_FULL_RO) < 0) return -1;
        Buffer dest = *v;
        ssize_t arrays[3] = {v->shape[0], v->strides[0], v->suboffsets ? v->suboffsets[0] : 0};
        dest.shape = &arrays[0];
        dest.strides = &arrays[1];
        dest.suboffsets = v->suboffsets ? &arrays[2] : NULL;
        int r = init_slice(&dest, key, 0);
        if (r == 0) {
            dest.len = dest.shape[0] * dest.itemsize;
            r = copy_single(mv, &dest, &src);
        }
        buffer_release(&src);
        return r;
    }
    if (is_multiindex(key)) {
        if (tuple_size(key) < v->ndim) {
            err_set(&exc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        char *p = ptr_from_tuple(v, key);
        return p ? pack_item(mv, p, value, fmt) : -1;
    }
    if (val_type(key) == &type_slice || is_multislice(key)) {
        err_set(&exc_NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
        return -1;
    }
    err_set(&exc_TypeError, "memoryview: invalid slice key");
    return -1;
}

static ssize_t mv_len(Value self) {
    MemoryViewObject *mv = MV(self);
    CHECK_RELEASED_INT(mv);
    return mv->view.ndim == 0 ? 1 : mv->view.shape[0];
}

/* ---- tolist, tobytes, hex ---- */

static Value tolist_rec(const char *p, int ndim, const ssize_t *shape, const ssize_t *strides,
                        const ssize_t *suboffsets, char fmt) {
    Value l = list_new((size_t)shape[0]);
    if (!l) return VNULL;
    for (ssize_t i = 0; i < shape[0]; i++, p += strides[0]) {
        const char *xp = adjust_ptr((char *)p, suboffsets, 0);
        Value item = ndim == 1 ? unpack_item(xp, fmt)
                               : tolist_rec(xp, ndim - 1, shape + 1, strides + 1, suboffsets ? suboffsets + 1 : NULL, fmt);
        if (!item || list_append(l, item) < 0) return VNULL;
    }
    return l;
}

static Value mv_tolist(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("memoryview.tolist", kw) < 0 || arg_count("memoryview.tolist", nargs, 0, 0) < 0) return VNULL;
    MemoryViewObject *mv = MV(self);
    CHECK_RELEASED(mv);
    const Buffer *v = &mv->view;
    char fmt = item_format(v);
    if (!fmt) return VNULL;
    if (v->ndim == 0) return unpack_item(v->buf, fmt);
    return tolist_rec(v->buf, v->ndim, v->shape, v->strides, v->suboffsets, fmt);
}

/* The view's bytes as a new bytes object, in the given order. */
static Value to_bytes(MemoryViewObject *mv, char order) {
    BytesObject *b = bytes_alloc((size_t)mv->view.len);
    if (!b) return VNULL;
    buffer_to_contiguous(b->data, &mv->view, order);
    return obj_val(b);
}

static Value mv_tobytes(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"order", NULL};
    Value a[1];
    if (arg_parse("tobytes", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    char order = 'C';
    if (a[0] && a[0] != VNone) {
        if (!str_check(a[0])) {
            err_format(&exc_TypeError, "tobytes() argument 'order' must be str or None, not %s", type_name(a[0]));
            return VNULL;
        }
        if (strlen(str_data(a[0])) != str_size(a[0])) {
            err_set(&exc_ValueError, "embedded null character");
            return VNULL;
        }
    }
    MemoryViewObject *mv = MV(self);
    CHECK_RELEASED(mv);
    if (a[0] && a[0] != VNone) {
        if (str_eq_cstr(a[0], "F")) order = 'F';
        else if (str_eq_cstr(a[0], "A")) order = 'A';
        else if (!str_eq_cstr(a[0], "C")) {
            err_set(&exc_ValueError, "order must be 'C', 'F' or 'A'");
            return VNULL;
        }
    }
    return to_bytes(mv, order);
}

/* hex() is bytes.hex() of the C-ordered bytes: same arguments, same errors. */
static Value mv_hex(Value self, Value *args, size_t nargs, Value kwnames) {
    MemoryViewObject *mv = MV(self);
    CHECK_RELEASED(mv);
    Value b = to_bytes(mv, 'C');
    if (!b) return VNULL;
    Value m = obj_getattr_cstr(b, "hex");
    return m ? obj_call(m, args, nargs, kwnames) : VNULL;
}

/* ---- cast and toreadonly ---- */

static bool zero_in_shape(const Buffer *v) {
    for (int i = 0; i < v->ndim; i++)
        if (v->shape[i] == 0) return true;
    return false;
}

/* Reinterpret the (C-contiguous) view as one dimension of format fmt. */
static int cast_to_1d(MemoryViewObject *mv, Value format) {
    Value ascii = str_encode(format, "ascii", NULL);
    if (!ascii) return -1;
    Buffer *v = &mv->view;
    char dest, src;
    ssize_t itemsize = native_format(bytes_data(ascii), &dest);
    if (itemsize < 0) {
        err_set(&exc_ValueError, "memoryview: destination format must be a native single character format "
                                 "prefixed with an optional '@'");
        return -1;
    }
    if ((native_format(v->format, &src) < 0 || !IS_BYTE_FORMAT(src)) && !IS_BYTE_FORMAT(dest)) {
        err_set(&exc_TypeError, "memoryview: cannot cast between two non-byte formats");
        return -1;
    }
    if (v->len % itemsize) {
        err_set(&exc_TypeError, "memoryview: length is not a multiple of itemsize");
        return -1;
    }
    v->format = native_format_str(bytes_data(ascii));
    v->itemsize = itemsize;
    v->ndim = 1;
    v->shape[0] = v->len / itemsize;
    v->strides[0] = itemsize;
    v->suboffsets = NULL;
    init_flags(mv);
    return 0;
}

static int cast_to_nd(MemoryViewObject *mv, Value shape, int ndim) {
    Buffer *v = &mv->view;
    ssize_t len = v->itemsize;
    v->ndim = ndim;
    if (ndim == 0) {
        v->shape = v->strides = NULL;
    } else {
        bool is_list = list_check(shape);
        for (int i = 0; i < ndim; i++) {
            Value x = is_list ? list_get(shape, i) : tuple_get(shape, i);
            if (!int_check(x)) {
                err_set(&exc_TypeError, "memoryview.cast(): elements of shape must be integers");
                return -1;
            }
            ssize_t n = int_as_ssize(x);
            if (n == -1 && err_occurred()) return -1;
            if (n <= 0) {
                err_set(&exc_ValueError, "memoryview.cast(): elements of shape must be integers > 0");
                return -1;
            }
            if (n > SSIZE_MAX / len) {
                err_set(&exc_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
                return -1;
            }
            len *= n;
            v->shape[i] = n;
        }
        buffer_init_strides(v);
    }
    if (v->len != len) {
        err_set(&exc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
        return -1;
    }
    init_flags(mv);
    return 0;
}

static Value mv_cast(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"format", "shape", NULL};
    Value a[2];
    if (arg_parse("cast", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    if (!str_check(a[0])) {
        err_format(&exc_TypeError, "cast() argument 'format' must be str, not %s", type_name(a[0]));
        return VNULL;
    }
    MemoryViewObject *mv = MV(self);
    CHECK_RELEASED(mv);
    Value shape = a[1];
    if (!MV_C_CONTIGUOUS(mv->flags)) {
        err_set(&exc_TypeError, "memoryview: casts are restricted to C-contiguous views");
        return VNULL;
    }
    if ((shape || mv->view.ndim != 1) && zero_in_shape(&mv->view)) {
        err_set(&exc_TypeError, "memoryview: cannot cast view with zeros in shape or strides");
        return VNULL;
    }
    ssize_t ndim = 1;
    if (shape) {
        if (!list_check(shape) && !tuple_check(shape)) {
            err_set(&exc_TypeError, "shape must be a list or a tuple");
            return VNULL;
        }
        ndim = list_check(shape) ? list_size(shape) : tuple_size(shape);
        if (ndim > BUFFER_MAX_NDIM) {
            err_set(&exc_ValueError, "memoryview: number of dimensions must not exceed 64");
            return VNULL;
        }
        if (mv->view.ndim != 1 && ndim != 1) {
            err_set(&exc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
            return VNULL;
        }
    }
    MemoryViewObject *r = mv_alloc(mv->mbuf, &mv->view, ndim == 0 ? 1 : (int)ndim);
    if (!r) return VNULL;
    if (cast_to_1d(r, a[0]) < 0 || (shape && cast_to_nd(r, shape, (int)ndim) < 0)) {
        mv_release(r);
        return VNULL;
    }
    return obj_val(r);
}

static Value mv_toreadonly(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("memoryview.toreadonly", kw) < 0 || arg_count("memoryview.toreadonly", nargs, 0, 0) < 0) return VNULL;
    MemoryViewObject *mv = MV(self);
    CHECK_RELEASED(mv);
    /* A new view even when already read-only, so release() stays per-view. */
    Value r = mbuf_add_view(mv->mbuf, &mv->view);
    if (r) MV(r)->view.readonly = 1;
    return r;
}

/* ---- Comparison and hashing ---- */

/* Walk two views of equal shape in C order; the items are compared with
 * C semantics when both formats are the same native one, else unpacked to
 * Python values and compared with ==.  1, 0, or -1 with an exception. */
static int compare_views(const Buffer *a, const Buffer *b, char fa, char fb) {
    bool same = fa == fb;
    int nd = a->ndim;
    ssize_t idx[BUFFER_MAX_NDIM] = {0};
    ssize_t total = 1;
    for (int i = 0; i < nd; i++) total *= a->shape[i];
    for (ssize_t k = 0; k < total; k++) {
        const char *p = buffer_item_ptr(a, idx), *q = buffer_item_ptr(b, idx);
        if (same) {
            if (!item_equal_native(p, q, fa, a->itemsize)) return 0;
        } else {
            Value x = unpack_item(p, fa);
            if (!x) return -1;
            Value y = unpack_item(q, fb);
            if (!y) return -1;
            Value r = obj_richcompare(x, y, CMP_EQ);
            if (!r) return -1;
            int t = obj_is_true(r);
            if (t <= 0) return t;
        }
        for (int d = nd - 1; d >= 0; d--) {
            if (++idx[d] < a->shape[d]) break;
            idx[d] = 0;
        }
    }
    return 1;
}

static Value mv_richcompare(Value v, Value w, int op) {
    if (op != CMP_EQ && op != CMP_NE) return VNotImplemented;
    if (!memoryview_check(v)) return VNotImplemented;
    int equal;
    Buffer wbuf, *ww = NULL;
    bool took = false;
    if ((MV(v)->flags & MV_RELEASED) || (memoryview_check(w) && (MV(w)->flags & MV_RELEASED))) {
        equal = v == w;
        goto result;
    }
    if (memoryview_check(w)) {
        ww = &MV(w)->view;
    } else {
        if (buffer_get(w, &wbuf, BUF_FULL_RO) < 0) {
            err_clear();
            return VNotImplemented;
        }
        took = true;
        ww = &wbuf;
    }
    const Buffer *vv = &MV(v)->view;
    char fv, fw;
    ssize_t wstrides[BUFFER_MAX_NDIM];
    if (!equiv_shape(vv, ww)) {
        equal = 0;
    } else if (native_format(vv->format, &fv) < 0 || native_format(ww->format ? ww->format : "B", &fw) < 0) {
        /* CPython hands other formats to the struct module; Taipan's
         * exporters only produce native ones, so such views compare unequal. */
        equal = 0;
    } else {
        if (!ww->strides && ww->ndim > 0) {
            wbuf.strides = wstrides;
            buffer_init_strides(&wbuf);
        }
        equal = compare_views(vv, ww, fv, fw);
    }
    if (took) buffer_release(&wbuf);
    if (equal < 0) return VNULL;
result:
    return val_bool((op == CMP_EQ) == (equal != 0));
}

static hash_t mv_hash(Value self) {
    MemoryViewObject *mv = MV(self);
    if (mv->hash != -1) return mv->hash;
    CHECK_RELEASED_INT(mv);
    const Buffer *v = &mv->view;
    if (!v->readonly) {
        err_set(&exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    char fmt;
    if (native_format(v->format, &fmt) < 0 || !IS_BYTE_FORMAT(fmt)) {
        err_set(&exc_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    if (v->obj && obj_hash(v->obj) == -1) return -1;
    /* Equal to the hash of the bytes tobytes() returns. */
    if (MV_C_CONTIGUOUS(mv->flags)) {
        mv->hash = str_hash_bytes(v->buf, (size_t)v->len);
    } else {
        Value b = to_bytes(mv, 'C');
        if (!b) return -1;
        mv->hash = str_hash_bytes(bytes_data(b), (size_t)bytes_size(b));
    }
    return mv->hash;
}

static Value mv_repr(Value self) {
    if (MV(self)->flags & MV_RELEASED) return str_printf("<released memory at %p>", (void *)self);
    return str_printf("<memory at %p>", (void *)self);
}

/* ---- The buffer protocol: a memoryview is an exporter too ---- */

static int mv_getbuffer(Value self, Buffer *view, int flags) {
    MemoryViewObject *mv = MV(self);
    CHECK_RELEASED_INT(mv);
    const Buffer *base = &mv->view;
    int bf = mv->flags;
    *view = *base;
    view->obj = VNULL;
    if ((flags & BUF_WRITABLE) && base->readonly) {
        err_set(&exc_BufferError, "memoryview: underlying buffer is not writable");
        return -1;
    }
    /* Without BUF_FORMAT the consumer reads unsigned bytes (format NULL). */
    if (!(flags & BUF_FORMAT)) view->format = NULL;
    if ((flags & BUF_C_CONTIGUOUS) == BUF_C_CONTIGUOUS && !MV_C_CONTIGUOUS(bf)) {
        err_set(&exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    if ((flags & BUF_F_CONTIGUOUS) == BUF_F_CONTIGUOUS && !MV_F_CONTIGUOUS(bf)) {
        err_set(&exc_BufferError, "memoryview: underlying buffer is not Fortran contiguous");
        return -1;
    }
    if ((flags & BUF_ANY_CONTIGUOUS) == BUF_ANY_CONTIGUOUS && !MV_ANY_CONTIGUOUS(bf)) {
        err_set(&exc_BufferError, "memoryview: underlying buffer is not contiguous");
        return -1;
    }
    if ((flags & BUF_INDIRECT) != BUF_INDIRECT && (bf & MV_PIL)) {
        err_set(&exc_BufferError, "memoryview: underlying buffer requires suboffsets");
        return -1;
    }
    if ((flags & BUF_STRIDES) != BUF_STRIDES) {
        if (!MV_C_CONTIGUOUS(bf)) {
            err_set(&exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
            return -1;
        }
        view->strides = NULL;
    }
    if ((flags & BUF_ND) != BUF_ND) {
        if (view->format) {
            err_set(&exc_BufferError, "memoryview: cannot cast to unsigned bytes if the format flag is present");
            return -1;
        }
        view->ndim = 1;
        view->shape = NULL;
    }
    view->obj = self;
    mv->exports++;
    return 0;
}

static void mv_releasebuffer(Value self, Buffer *view) { MV(self)->exports--; }

/* ---- Iteration ---- */

typedef struct MemoryIterObject {
    Object hdr;
    Value seq;          /* VNULL once exhausted */
    ssize_t index, length;
    char fmt;
} MemoryIterObject;

static Type type_memory_iterator;

static void mviter_trace(Object *o) { gc_mark(((MemoryIterObject *)o)->seq); }

static Value mv_iter(Value self) {
    MemoryViewObject *mv = MV(self);
    CHECK_RELEASED(mv);
    const Buffer *v = &mv->view;
    if (v->ndim == 0) return invalid_0dim();
    if (v->ndim != 1) {
        err_set(&exc_NotImplementedError, "multi-dimensional sub-views are not implemented");
        return VNULL;
    }
    char fmt = item_format(v);
    if (!fmt) return VNULL;
    misc_ready_type(&type_memory_iterator);
    MemoryIterObject *it = gc_alloc(&type_memory_iterator, sizeof(MemoryIterObject));
    if (!it) return VNULL;
    it->seq = self;
    it->fmt = fmt;
    it->length = v->shape[0];
    return obj_val(it);
}

static Value mviter_next(Value self) {
    MemoryIterObject *it = (MemoryIterObject *)self;
    if (!it->seq) return VNULL;
    if (it->index < it->length) {
        MemoryViewObject *mv = MV(it->seq);
        CHECK_RELEASED(mv);
        const Buffer *v = &mv->view;
        char *p = (char *)v->buf + v->strides[0] * it->index++;
        return unpack_item(adjust_ptr(p, v->suboffsets, 0), it->fmt);
    }
    it->seq = VNULL;
    return VNULL;
}

static Value mviter_iter(Value self) { return self; }

static Type type_memory_iterator = {
    .hdr = {0, &type_type},
    .name = "memory_iterator",
    .basicsize = sizeof(MemoryIterObject),
    .trace = mviter_trace,
    .iter = mviter_iter,
    .iternext = mviter_next,
};

/* ---- Attributes ---- */

static Value int_tuple(int n, const ssize_t *vals) {
    if (!vals) return tuple_empty();
    Value t = tuple_new((size_t)n);
    if (!t) return VNULL;
    for (int i = 0; i < n; i++) {
        Value x = int_from_i64(vals[i]);
        if (!x) return VNULL;
        tuple_items(t)[i] = x;
    }
    return t;
}

#define GETTER(name, expr)                       \
    static Value name(Value self) {              \
        MemoryViewObject *mv = MV(self);         \
        CHECK_RELEASED(mv);                      \
        const Buffer *v = &mv->view;             \
        (void)v;                                 \
        return (expr);                           \
    }

GETTER(mv_get_obj, v->obj ? v->obj : VNone)
GETTER(mv_get_nbytes, int_from_i64(v->len))
GETTER(mv_get_readonly, val_bool(v->readonly))
GETTER(mv_get_itemsize, int_from_i64(v->itemsize))
GETTER(mv_get_format, str_from_cstr(v->format))
GETTER(mv_get_ndim, val_from_int(v->ndim))
GETTER(mv_get_shape, int_tuple(v->ndim, v->shape))
GETTER(mv_get_strides, int_tuple(v->ndim, v->strides))
GETTER(mv_get_suboffsets, int_tuple(v->ndim, v->suboffsets))
GETTER(mv_get_c_contiguous, val_bool(MV_C_CONTIGUOUS(mv->flags)))
GETTER(mv_get_f_contiguous, val_bool(MV_F_CONTIGUOUS(mv->flags)))
GETTER(mv_get_contiguous, val_bool(MV_ANY_CONTIGUOUS(mv->flags)))

static const GetSetDef mv_getsets[] = {
    {"obj", mv_get_obj, NULL, "The underlying object of the memoryview."},
    {"nbytes", mv_get_nbytes, NULL, "The amount of space in bytes that the array would use in\n"
                                    " a contiguous representation."},
    {"readonly", mv_get_readonly, NULL, "A bool indicating whether the memory is read only."},
    {"itemsize", mv_get_itemsize, NULL, "The size in bytes of each element of the memoryview."},
    {"format", mv_get_format, NULL, "A string containing the format (in struct module style)\n"
                                    " for each element in the view."},
    {"ndim", mv_get_ndim, NULL, "An integer indicating how many dimensions of a multi-dimensional\n"
                                " array the memory represents."},
    {"shape", mv_get_shape, NULL, "A tuple of ndim integers giving the shape of the memory\n"
                                  " as an N-dimensional array."},
    {"strides", mv_get_strides, NULL, "A tuple of ndim integers giving the size in bytes to access\n"
                                      " each element for each dimension of the array."},
    {"suboffsets", mv_get_suboffsets, NULL, "A tuple of integers used internally for PIL-style arrays."},
    {"c_contiguous", mv_get_c_contiguous, NULL, "A bool indicating whether the memory is C contiguous."},
    {"f_contiguous", mv_get_f_contiguous, NULL, "A bool indicating whether the memory is Fortran contiguous."},
    {"contiguous", mv_get_contiguous, NULL, "A bool indicating whether the memory is contiguous."},
    {NULL}
};

static const MethodDef mv_methods[] = {
    {"release", mv_release_m, 0, "Release the underlying buffer exposed by the memoryview object."},
    {"tobytes", mv_tobytes, 0, "Return the data in the buffer as a byte string.\n\n"
                               "Order can be {'C', 'F', 'A'}. When order is 'C' or 'F', the data of the\n"
                               "original array is converted to C or Fortran order. For contiguous views,\n"
                               "'A' returns an exact copy of the physical memory. In particular, in-memory\n"
                               "Fortran order is preserved. For non-contiguous views, the data is converted\n"
                               "to C first. order=None is the same as order='C'."},
    {"hex", mv_hex, 0, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"tolist", mv_tolist, 0, "Return the data in the buffer as a list of elements."},
    {"cast", mv_cast, 0, "Cast a memoryview to a new format or shape."},
    {"toreadonly", mv_toreadonly, 0, "Return a readonly version of the memoryview."},
    {"__enter__", mv_enter, 0, NULL},
    {"__exit__", mv_exit, 0, NULL},
    {NULL}
};

static void mv_trace(Object *o) {
    MemoryViewObject *mv = (MemoryViewObject *)o;
    gc_mark(obj_val(mv->mbuf));
    gc_mark(mv->view.obj);
}

Type type_memoryview = {
    .hdr = {0, &type_type},
    .name = "memoryview",
    .basicsize = sizeof(MemoryViewObject),
    .trace = mv_trace,
    .new = memoryview_new_m,
    .repr = mv_repr,
    .hash = mv_hash,
    .richcompare = mv_richcompare,
    .iter = mv_iter,
    .len = mv_len,
    .getitem = mv_getitem,
    .setitem = mv_setitem,
    .getbuffer = mv_getbuffer,
    .releasebuffer = mv_releasebuffer,
    .methods = mv_methods,
    .getsets = mv_getsets,
    .doc = "Create a new memoryview object which references the given object.",
};

static Type type_managedbuffer = {
    .hdr = {0, &type_type},
    .name = "managedbuffer",
    .basicsize = sizeof(ManagedBuffer),
    .trace = mbuf_trace,
    .finalize = mbuf_finalize,
};
