/* array.c - the array module: array.array (a typed sequence of C values), its iterator and the module. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/buffer.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/misc.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"
#include "array.h"

#include <stdint.h>
#include <stdlib.h>

/*
 * The operations follow Modules/arraymodule.c of CPython 3.11 in their
 * order of checks and their messages: slices of an array are always plain
 * `array.array` (never the subclass), slice assignment takes only an array
 * of the same typecode, anything that changes the size refuses while
 * buffers are exported ("cannot resize an array that is exporting
 * buffers"), and comparisons of two arrays of one integer typecode are a
 * straight loop over the C values.
 *
 * Buffers: getbuffer hands out the item memory with the typecode's format
 * ("w" for 'u', as in CPython) and counts the export.  A memoryview that is
 * dropped without release() keeps its export until it is collected, so a
 * resize that finds exports runs one collection first (buffer_exports_held,
 * as bytearray does) before refusing.
 */

static const char BAD_TYPECODE[] = "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)";

/* ---- storage ---- */

/* The items are malloc'd (they hold no Values), so growing is a realloc
 * that can extend in place, as in CPython; the finalizer frees them. */
static void array_finalize(Object *o) {
    CArrayObject *a = (CArrayObject *)o;
    free(a->items);
    a->items = NULL;
}

/* A new array of t with `size` zeroed items and no spare room (CPython's newarrayobject). */
Value array_new_of(Type *t, const ArrayDescr *d, ssize_t size) {
    if (size < 0 || (size_t)size > (SIZE_MAX >> 2) / (size_t)d->itemsize) {
        err_no_memory();
        return VNULL;
    }
    CArrayObject *a = t == &type_array ? gc_alloc(t, sizeof(CArrayObject)) : (CArrayObject *)type_generic_alloc(t, 0);
    if (!a) return VNULL;
    a->descr = d;
    if (size) {
        a->items = calloc((size_t)size, (size_t)d->itemsize);
        if (!a->items) {
            err_no_memory();
            return VNULL;
        }
        a->allocated = a->size = size;
    }
    return obj_val(a);
}

static bool exports_held(CArrayObject *a) { return buffer_exports_held(&a->exports); }

static int resize_refused(void) {
    err_set(&exc_BufferError, "cannot resize an array that is exporting buffers");
    return -1;
}

/* CPython's array_resize, growth policy included (about 1/16 spare). */
int array_resize(CArrayObject *a, ssize_t newsize) {
    if (newsize != a->size && exports_held(a)) return resize_refused();
    if (a->allocated >= newsize && a->size < newsize + 16 && a->items) {
        a->size = newsize;
        return 0;
    }
    if (newsize == 0) {
        free(a->items);
        a->items = NULL;
        a->size = a->allocated = 0;
        return 0;
    }
    size_t isz = (size_t)a->descr->itemsize;
    size_t alloc = ((size_t)newsize >> 4) + (a->size < 8 ? 3 : 7) + (size_t)newsize;
    char *n = alloc <= (SIZE_MAX >> 2) / isz ? realloc(a->items, alloc * isz) : NULL;
    if (!n) {
        err_no_memory();
        return -1;
    }
    a->items = n;
    a->size = newsize;
    a->allocated = (ssize_t)alloc;
    return 0;
}

static inline char *item_ptr(CArrayObject *a, ssize_t i) { return a->items + i * a->descr->itemsize; }

static Value get_item(CArrayObject *a, ssize_t i) { return array_item_unpack(a->descr, item_ptr(a, i)); }

/* Store v at index i (checked again after the conversion, which may run Python code). */
static int set_item(CArrayObject *a, ssize_t i, Value v) {
    char tmp[8];
    if (array_item_pack(a->descr, v, tmp) < 0) return -1;
    if (i >= a->size) {
        err_set(&exc_IndexError, "array assignment index out of range");
        return -1;
    }
    memcpy(item_ptr(a, i), tmp, (size_t)a->descr->itemsize);
    return 0;
}

/* Insert v before index `where` (clamped like list.insert): CPython's ins1. */
static int insert_item(CArrayObject *a, ssize_t where, Value v) {
    char tmp[8];
    if (array_item_pack(a->descr, v, tmp) < 0) return -1;
    ssize_t n = a->size;
    if (array_resize(a, n + 1) < 0) return -1;
    if (where < 0) {
        where += n;
        if (where < 0) where = 0;
    }
    if (where > n) where = n;
    size_t isz = (size_t)a->descr->itemsize;
    if (where != n) memmove(item_ptr(a, where + 1), item_ptr(a, where), (size_t)(n - where) * isz);
    memcpy(item_ptr(a, where), tmp, isz);
    return 0;
}

static int append_item(CArrayObject *a, Value v) { return insert_item(a, a->size, v); }

/* Remove items [lo, hi). */
static int del_slice(CArrayObject *a, ssize_t lo, ssize_t hi) {
    if (lo < 0) lo = 0;
    if (hi > a->size) hi = a->size;
    if (hi < lo) hi = lo;
    if (hi == lo) return 0;
    if (exports_held(a)) return resize_refused();
    size_t isz = (size_t)a->descr->itemsize;
    memmove(item_ptr(a, lo), item_ptr(a, hi), (size_t)(a->size - hi) * isz);
    return array_resize(a, a->size - (hi - lo));
}

int array_frombytes_raw(CArrayObject *a, const char *data, size_t n) {
    size_t isz = (size_t)a->descr->itemsize;
    if (n % isz) {
        err_set(&exc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    ssize_t count = (ssize_t)(n / isz);
    if (count == 0) return 0;
    ssize_t old = a->size;
    if (count > PTRDIFF_MAX - old) {
        err_no_memory();
        return -1;
    }
    if (array_resize(a, old + count) < 0) return -1;
    memcpy(item_ptr(a, old), data, n);
    return 0;
}

Value array_tolist(CArrayObject *a) {
    Value l = list_new((size_t)a->size);
    if (!l) return VNULL;
    for (ssize_t i = 0; i < a->size; i++) {
        Value v = get_item(a, i);
        if (!v || list_append(l, v) < 0) return VNULL;
    }
    return l;
}

Value array_tobytes(CArrayObject *a) {
    return bytes_new(a->items ? a->items : "", (size_t)a->size * (size_t)a->descr->itemsize);
}

/* A plain array.array holding items [lo, hi) of a. */
static Value slice_copy(CArrayObject *a, ssize_t lo, ssize_t hi) {
    if (lo < 0) lo = 0;
    if (hi > a->size) hi = a->size;
    if (hi < lo) hi = lo;
    Value r = array_new_of(&type_array, a->descr, hi - lo);
    if (r && hi > lo) memcpy(((CArrayObject *)r)->items, item_ptr(a, lo), (size_t)(hi - lo) * a->descr->itemsize);
    return r;
}

/* The code points of a 'u' array as a str. */
static Value u_tounicode(CArrayObject *a) {
    const uint32_t *cps = (const uint32_t *)a->items;
    for (ssize_t i = 0; i < a->size; i++) {
        if (cps[i] > 0x10FFFF) {
            err_format(&exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", cps[i]);
            return VNULL;
        }
    }
    return a->size ? str_from_codepoints(cps, (size_t)a->size) : str_empty();
}

/* Append the code points of s to a 'u' array. */
static int u_append_str(CArrayObject *a, Value s) {
    ssize_t n = (ssize_t)str_len(s), old = a->size;
    if (n == 0) return 0;
    if (array_resize(a, old + n) < 0) return -1;
    uint32_t *out = (uint32_t *)item_ptr(a, old);
    const unsigned char *p = (const unsigned char *)str_data(s), *end = p + str_size(s);
    while (p < end) *out++ = *p < 0x80 ? *p++ : utf8_decode(&p);
    return 0;
}

/* Extend a with the items of another array (CPython's array_do_extend). */
static int extend_array(CArrayObject *a, CArrayObject *b) {
    if (a->descr != b->descr) {
        err_set(&exc_TypeError, "can only extend with array of same kind");
        return -1;
    }
    ssize_t n = b->size, old = a->size;
    if (n > PTRDIFF_MAX - old) {
        err_no_memory();
        return -1;
    }
    if (array_resize(a, old + n) < 0) return -1;
    if (n) memcpy(item_ptr(a, old), b->items, (size_t)n * a->descr->itemsize);   /* b == a: the old part */
    return 0;
}

/* Append every item of an iterable, one by one (a failure keeps what was appended). */
static int extend_iter(CArrayObject *a, Value iterable) {
    Value it = obj_iter(iterable);
    if (!it) return -1;
    Value v;
    while ((v = obj_next(it)))
        if (append_item(a, v) < 0) return -1;
    return err_occurred() ? -1 : 0;
}

/* ---- construction ---- */

/* PyArg_Parse's 'C': a str of one character. */
static int parse_typecode(const char *fname, int argno, Value v, uint32_t *out) {
    if (!str_check(v) || str_len(v) != 1) {
        err_format(&exc_TypeError, "%s() argument %d must be a unicode character, not %s", fname, argno, type_name(v));
        return -1;
    }
    const unsigned char *p = (const unsigned char *)str_data(v);
    *out = utf8_decode(&p);
    return 0;
}

static Value array_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (kwnames && tuple_size(kwnames) && (t == &type_array || t->init == type_array.init)) {
        err_set(&exc_TypeError, "array.array() takes no keyword arguments");
        return VNULL;
    }
    if (nargs < 1 || nargs > 2) {
        err_format(&exc_TypeError, "array() takes at %s %d argument%s (%zu given)", nargs < 1 ? "least" : "most",
                   nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s", nargs);
        return VNULL;
    }
    uint32_t c;
    if (parse_typecode("array", 1, args[0], &c) < 0) return VNULL;
    Value init = nargs > 1 ? args[1] : VNULL;
    if (init && c != 'u') {
        if (str_check(init)) {
            err_format(&exc_TypeError, "cannot use a str to initialize an array with typecode '%c'", (int)c);
            return VNULL;
        }
        if (array_check(init) && ((CArrayObject *)init)->descr->typecode == 'u') {
            err_format(&exc_TypeError, "cannot use a unicode array to initialize an array with typecode '%c'", (int)c);
            return VNULL;
        }
    }
    Value it = VNULL;
    if (init && !(list_check(init) || tuple_check(init) || bytes_check(init) || bytearray_check(init) ||
                  (c == 'u' && str_check(init)) ||
                  (array_check(init) && (uint32_t)(unsigned char)((CArrayObject *)init)->descr->typecode == c))) {
        it = obj_iter(init);
        if (!it) return VNULL;
        init = VNULL;
    }
    const ArrayDescr *d = array_descr_for(c);
    if (!d) {
        err_set(&exc_ValueError, BAD_TYPECODE);
        return VNULL;
    }
    ssize_t len = 0;
    if (init && list_check(init)) len = list_size(init);
    else if (init && tuple_check(init)) len = tuple_size(init);
    else if (init && array_check(init)) len = ((CArrayObject *)init)->size;
    Value r = array_new_of(t, d, len);
    if (!r) return VNULL;
    CArrayObject *a = (CArrayObject *)r;
    if (init && array_check(init)) {
        if (len) memcpy(a->items, ((CArrayObject *)init)->items, (size_t)len * d->itemsize);
    } else if (len) {
        for (ssize_t i = 0; i < len; i++) {
            Value v = list_check(init) ? (i < list_size(init) ? list_get(init, i) : VNULL) : tuple_get(init, i);
            if (!v) {
                err_set(&exc_IndexError, "list index out of range");
                return VNULL;
            }
            if (set_item(a, i, v) < 0) return VNULL;
        }
    } else if (init && (bytes_check(init) || bytearray_check(init))) {
        const char *data = bytes_check(init) ? bytes_data(init) : ((ByteArrayObject *)init)->data;
        size_t n = bytes_check(init) ? bytes_size(init) : (size_t)((ByteArrayObject *)init)->size;
        if (array_frombytes_raw(a, data, n) < 0) return VNULL;
    } else if (init && str_check(init)) {
        if (u_append_str(a, init) < 0) return VNULL;
    }
    if (it && extend_iter(a, it) < 0) return VNULL;
    return r;
}

/* array_new(t, typecode, items) for the pickling code (CPython's make_array). */
Value array_make(Type *t, char typecode, Value items) {
    Value args[2] = {str_from_codepoint((unsigned char)typecode), items};
    return args[0] ? array_new(t, args, 2, VNULL) : VNULL;
}

/* ---- methods ---- */

#define SELF ((CArrayObject *)self)

/* METH_O and METH_NOARGS argument checks, with the "array.name()" prefix. */
static int no_kw(const char *name, Value kwnames) {
    if (likely(!kwnames || tuple_size(kwnames) == 0)) return 0;
    err_format(&exc_TypeError, "array.%s() takes no keyword arguments", name);
    return -1;
}

static int one_arg(const char *name, size_t nargs, Value kwnames) {
    if (no_kw(name, kwnames) < 0) return -1;
    if (unlikely(nargs != 1)) {
        err_format(&exc_TypeError, "array.%s() takes exactly one argument (%zu given)", name, nargs);
        return -1;
    }
    return 0;
}

static int no_args(const char *name, size_t nargs, Value kwnames) {
    if (no_kw(name, kwnames) < 0) return -1;
    if (unlikely(nargs)) {
        err_format(&exc_TypeError, "array.%s() takes no arguments (%zu given)", name, nargs);
        return -1;
    }
    return 0;
}

/* Argument Clinic with a defining class: "name() takes at most N arguments", "exactly N positional". */
static int dc_args(const char *name, size_t nargs, Value kwnames, size_t n) {
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    if (nargs + nkw > n) {
        err_format(&exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", name, n, n == 1 ? "" : "s",
                   nargs + nkw);
        return -1;
    }
    if (nargs != n) {
        err_format(&exc_TypeError, "%s() takes exactly %zu positional argument%s (%zu given)", name, n,
                   n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static Value m_append(Value self, Value *args, size_t nargs, Value kw) {
    if (one_arg("append", nargs, kw) < 0 || append_item(SELF, args[0]) < 0) return VNULL;
    return VNone;
}

static Value m_buffer_info(Value self, Value *args, size_t nargs, Value kw) {
    if (no_args("buffer_info", nargs, kw) < 0) return VNULL;
    Value addr = int_from_u64((uint64_t)(uintptr_t)SELF->items);
    Value n = addr ? int_from_i64(SELF->size) : VNULL;
    return n ? tuple_pack(2, addr, n) : VNULL;
}

static Value m_byteswap(Value self, Value *args, size_t nargs, Value kw) {
    if (no_args("byteswap", nargs, kw) < 0) return VNULL;
    CArrayObject *a = SELF;
    int isz = a->descr->itemsize;
    for (ssize_t i = 0; i < a->size; i++) {
        char *p = item_ptr(a, i);
        for (int j = 0; j < isz / 2; j++) {
            char t = p[j];
            p[j] = p[isz - 1 - j];
            p[isz - 1 - j] = t;
        }
    }
    return VNone;
}

static Value m_copy(Value self, Value *args, size_t nargs, Value kw) {
    if (no_args("__copy__", nargs, kw) < 0) return VNULL;
    return slice_copy(SELF, 0, SELF->size);
}

static Value m_deepcopy(Value self, Value *args, size_t nargs, Value kw) {
    if (one_arg("__deepcopy__", nargs, kw) < 0) return VNULL;
    return slice_copy(SELF, 0, SELF->size);
}

static Value m_count(Value self, Value *args, size_t nargs, Value kw) {
    if (one_arg("count", nargs, kw) < 0) return VNULL;
    ssize_t n = 0;
    for (ssize_t i = 0; i < SELF->size; i++) {
        Value v = get_item(SELF, i);
        if (!v) return VNULL;
        int r = obj_richcompare_bool(v, args[0], CMP_EQ);
        if (r < 0) return VNULL;
        n += r;
    }
    return int_from_i64(n);
}

static Value m_extend(Value self, Value *args, size_t nargs, Value kw) {
    if (dc_args("extend", nargs, kw, 1) < 0) return VNULL;
    int r = array_check(args[0]) ? extend_array(SELF, (CArrayObject *)args[0]) : extend_iter(SELF, args[0]);
    return r < 0 ? VNULL : VNone;
}

static Value m_frombytes(Value self, Value *args, size_t nargs, Value kw) {
    if (one_arg("frombytes", nargs, kw) < 0) return VNULL;
    Buffer view;
    if (buffer_get(args[0], &view, BUF_SIMPLE) < 0) return VNULL;
    int r = array_frombytes_raw(SELF, view.buf, (size_t)view.len);
    buffer_release(&view);
    return r < 0 ? VNULL : VNone;
}

static Value m_fromfile(Value self, Value *args, size_t nargs, Value kw) {
    if (dc_args("fromfile", nargs, kw, 2) < 0) return VNULL;
    ssize_t n;
    if (dm_ssize(args[1], &n) < 0) return VNULL;
    if (n < 0) {
        err_set(&exc_ValueError, "negative count");
        return VNULL;
    }
    ssize_t isz = SELF->descr->itemsize;
    if (n > PTRDIFF_MAX / isz) {
        err_no_memory();
        return VNULL;
    }
    Value nb = int_from_i64(n * isz);
    Value b = nb ? obj_call_method(args[0], "read", &nb, 1) : VNULL;
    if (!b) return VNULL;
    if (!bytes_check(b)) {
        err_set(&exc_TypeError, "read() didn't return bytes");
        return VNULL;
    }
    bool short_read = (ssize_t)bytes_size(b) != n * isz;
    if (array_frombytes_raw(SELF, bytes_data(b), bytes_size(b)) < 0) return VNULL;
    if (short_read) {
        err_set(&exc_EOFError, "read() didn't return enough bytes");
        return VNULL;
    }
    return VNone;
}

static Value m_fromlist(Value self, Value *args, size_t nargs, Value kw) {
    if (one_arg("fromlist", nargs, kw) < 0) return VNULL;
    Value l = args[0];
    if (!list_check(l)) {
        err_set(&exc_TypeError, "arg must be list");
        return VNULL;
    }
    ssize_t n = list_size(l), old = SELF->size;
    if (n == 0) return VNone;
    if (array_resize(SELF, old + n) < 0) return VNULL;
    for (ssize_t i = 0; i < n; i++) {
        if (i >= list_size(l)) {
            err_set(&exc_RuntimeError, "list changed size during iteration");
        } else if (set_item(SELF, old + i, list_get(l, i)) == 0) {
            continue;
        }
        /* Undo: the array keeps only what it had. */
        Value exc = err_fetch();
        if (SELF->size >= old) array_resize(SELF, old);
        err_restore(exc);
        return VNULL;
    }
    return VNone;
}

static Value m_fromunicode(Value self, Value *args, size_t nargs, Value kw) {
    if (one_arg("fromunicode", nargs, kw) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "fromunicode() argument must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    if (SELF->descr->typecode != 'u') {
        err_set(&exc_ValueError, "fromunicode() may only be called on unicode type arrays");
        return VNULL;
    }
    return u_append_str(SELF, args[0]) < 0 ? VNULL : VNone;
}

static Value m_index(Value self, Value *args, size_t nargs, Value kw) {
    if (no_kw("index", kw) < 0 || dm_positional("index", nargs, 1, 3) < 0) return VNULL;
    ssize_t start = 0, stop = PTRDIFF_MAX;
    for (size_t k = 1; k < nargs; k++) {
        if (!val_is_int(args[k]) && !num_check_index(args[k])) {
            err_set(&exc_TypeError, "slice indices must be integers or have an __index__ method");
            return VNULL;
        }
        ssize_t x = num_as_ssize(args[k], NULL);
        if (x == -1 && err_occurred()) return VNULL;
        if (k == 1) start = x;
        else stop = x;
    }
    if (start < 0) {
        start += SELF->size;
        if (start < 0) start = 0;
    }
    if (stop < 0) stop += SELF->size;
    for (ssize_t i = start; i < stop && i < SELF->size; i++) {
        Value v = get_item(SELF, i);
        if (!v) return VNULL;
        int r = obj_richcompare_bool(v, args[0], CMP_EQ);
        if (r < 0) return VNULL;
        if (r) return int_from_i64(i);
    }
    err_set(&exc_ValueError, "array.index(x): x not in array");
    return VNULL;
}

static Value m_insert(Value self, Value *args, size_t nargs, Value kw) {
    if (no_kw("insert", kw) < 0 || dm_positional("insert", nargs, 2, 2) < 0) return VNULL;
    ssize_t i;
    if (dm_ssize(args[0], &i) < 0 || insert_item(SELF, i, args[1]) < 0) return VNULL;
    return VNone;
}

static Value m_pop(Value self, Value *args, size_t nargs, Value kw) {
    if (no_kw("pop", kw) < 0 || dm_positional("pop", nargs, 0, 1) < 0) return VNULL;
    ssize_t i = -1;
    if (nargs && dm_ssize(args[0], &i) < 0) return VNULL;
    if (SELF->size == 0) {
        err_set(&exc_IndexError, "pop from empty array");
        return VNULL;
    }
    if (i < 0) i += SELF->size;
    if (i < 0 || i >= SELF->size) {
        err_set(&exc_IndexError, "pop index out of range");
        return VNULL;
    }
    Value v = get_item(SELF, i);
    if (!v || del_slice(SELF, i, i + 1) < 0) return VNULL;
    return v;
}

static Value m_remove(Value self, Value *args, size_t nargs, Value kw) {
    if (one_arg("remove", nargs, kw) < 0) return VNULL;
    for (ssize_t i = 0; i < SELF->size; i++) {
        Value v = get_item(SELF, i);
        if (!v) return VNULL;
        int r = obj_richcompare_bool(v, args[0], CMP_EQ);
        if (r < 0) return VNULL;
        if (r) return del_slice(SELF, i, i + 1) < 0 ? VNULL : VNone;
    }
    err_set(&exc_ValueError, "array.remove(x): x not in array");
    return VNULL;
}

static Value m_reverse(Value self, Value *args, size_t nargs, Value kw) {
    if (no_args("reverse", nargs, kw) < 0) return VNULL;
    CArrayObject *a = SELF;
    size_t isz = (size_t)a->descr->itemsize;
    char tmp[8];
    for (ssize_t i = 0, j = a->size - 1; i < j; i++, j--) {
        memcpy(tmp, item_ptr(a, i), isz);
        memcpy(item_ptr(a, i), item_ptr(a, j), isz);
        memcpy(item_ptr(a, j), tmp, isz);
    }
    return VNone;
}

static Value m_tofile(Value self, Value *args, size_t nargs, Value kw) {
    if (dc_args("tofile", nargs, kw, 1) < 0) return VNULL;
    /* Written in 64 KiB blocks, as CPython does (the file sees the same calls). */
    const size_t block = 64 * 1024;
    size_t nbytes = (size_t)SELF->size * (size_t)SELF->descr->itemsize;
    for (size_t off = 0; off < nbytes; off += block) {
        size_t n = nbytes - off < block ? nbytes - off : block;
        Value b = bytes_new(SELF->items + off, n);
        if (!b || !obj_call_method(args[0], "write", &b, 1)) return VNULL;
        nbytes = (size_t)SELF->size * (size_t)SELF->descr->itemsize;   /* write() may have changed the array */
    }
    return VNone;
}

static Value m_tolist(Value self, Value *args, size_t nargs, Value kw) {
    if (no_args("tolist", nargs, kw) < 0) return VNULL;
    return array_tolist(SELF);
}

static Value m_tobytes(Value self, Value *args, size_t nargs, Value kw) {
    if (no_args("tobytes", nargs, kw) < 0) return VNULL;
    return array_tobytes(SELF);
}

static Value m_tounicode(Value self, Value *args, size_t nargs, Value kw) {
    if (no_args("tounicode", nargs, kw) < 0) return VNULL;
    if (SELF->descr->typecode != 'u') {
        err_set(&exc_ValueError, "tounicode() may only be called on unicode type arrays");
        return VNULL;
    }
    return u_tounicode(SELF);
}

static Value m_sizeof(Value self, Value *args, size_t nargs, Value kw) {
    if (no_args("__sizeof__", nargs, kw) < 0) return VNULL;
    return int_from_i64((int64_t)val_type(self)->basicsize + SELF->allocated * SELF->descr->itemsize);
}

static const MethodDef array_methods[] = {
    {"append", m_append, 0, "Append new value v to the end of the array."},
    {"buffer_info", m_buffer_info, 0,
     "Return a tuple (address, length) giving the current memory address and the length in items of the buffer "
     "used to hold array's contents."},
    {"byteswap", m_byteswap, 0, "Byteswap all items of the array."},
    {"__copy__", m_copy, 0, "Return a copy of the array."},
    {"count", m_count, 0, "Return number of occurrences of v in the array."},
    {"__deepcopy__", m_deepcopy, 0, "Return a copy of the array."},
    {"extend", m_extend, 0, "Append items to the end of the array."},
    {"fromfile", m_fromfile, 0, "Read n objects from the file object f and append them to the end of the array."},
    {"fromlist", m_fromlist, 0, "Append items to array from list."},
    {"frombytes", m_frombytes, 0,
     "Appends items from the string, interpreting it as an array of machine values, as if it had been read from a "
     "file using the fromfile() method."},
    {"fromunicode", m_fromunicode, 0, "Extends this array with data from the unicode string ustr."},
    {"index", m_index, 0, "Return index of first occurrence of v in the array."},
    {"insert", m_insert, 0, "Insert a new item v into the array before position i."},
    {"pop", m_pop, 0, "Return the i-th element and delete it from the array."},
    {"__reduce_ex__", array_reduce_ex_m, 0, "Return state information for pickling."},
    {"remove", m_remove, 0, "Remove the first occurrence of v in the array."},
    {"reverse", m_reverse, 0, "Reverse the order of the items in the array."},
    {"tofile", m_tofile, 0, "Write all items (as machine values) to the file object f."},
    {"tolist", m_tolist, 0, "Convert array to an ordinary list with the same items."},
    {"tobytes", m_tobytes, 0, "Convert the array to an array of machine values and return the bytes representation."},
    {"tounicode", m_tounicode, 0, "Convert the array to a unicode string."},
    {"__sizeof__", m_sizeof, 0, "Size of the array in memory, in bytes."},
    {NULL}
};

static Value get_typecode(Value self) { return str_from_codepoint((unsigned char)SELF->descr->typecode); }
static Value get_itemsize(Value self) { return val_from_int(SELF->descr->itemsize); }

static const GetSetDef array_getsets[] = {
    {"typecode", get_typecode, NULL, "the typecode character used to create the array"},
    {"itemsize", get_itemsize, NULL, "the size, in bytes, of one array item"},
    {NULL}
};

/* ---- protocols ---- */

static Value array_repr(Value self) {
    const char *tn = type_name(self), *dot = strrchr(tn, '.');
    if (dot) tn = dot + 1;
    char tc = SELF->descr->typecode;
    if (SELF->size == 0) return str_printf("%s('%c')", tn, tc);
    Value v = tc == 'u' ? u_tounicode(SELF) : array_tolist(SELF);
    if (!v) return VNULL;
    return str_printf("%s('%c', %R)", tn, tc, v);
}

static ssize_t array_len(Value self) { return SELF->size; }

/* An index argument: __index__ with IndexError on overflow; VNULL if not an index. */
static int index_arg(Value key, ssize_t *out, bool *is_index) {
    *is_index = val_is_int(key) || num_check_index(key);
    if (!*is_index) return 0;
    ssize_t i = num_as_ssize(key, &exc_IndexError);
    if (i == -1 && err_occurred()) return -1;
    *out = i;
    return 0;
}

static Value array_getitem(Value self, Value key) {
    CArrayObject *a = SELF;
    ssize_t i;
    bool is_index;
    if (index_arg(key, &i, &is_index) < 0) return VNULL;
    if (is_index) {
        if (i < 0) i += a->size;
        if (i < 0 || i >= a->size) {
            err_set(&exc_IndexError, "array index out of range");
            return VNULL;
        }
        return get_item(a, i);
    }
    if (val_type(key) != &type_slice) {
        err_set(&exc_TypeError, "array indices must be integers");
        return VNULL;
    }
    ssize_t start, stop, step;
    ssize_t n = slice_indices(key, a->size, &start, &stop, &step);
    if (n < 0) return VNULL;
    if (step == 1) return slice_copy(a, start, start + n);
    Value r = array_new_of(&type_array, a->descr, n);
    if (!r) return VNULL;
    size_t isz = (size_t)a->descr->itemsize;
    for (ssize_t k = 0, cur = start; k < n; k++, cur += step)
        memcpy(((CArrayObject *)r)->items + k * isz, item_ptr(a, cur), isz);
    return r;
}

static int array_setitem(Value self, Value key, Value value) {
    CArrayObject *a = SELF;
    ssize_t start, stop, step, slicelength;
    ssize_t i;
    bool is_index;
    if (index_arg(key, &i, &is_index) < 0) return -1;
    if (is_index) {
        if (i < 0) i += a->size;
        if (i < 0 || i >= a->size) {
            err_set(&exc_IndexError, "array assignment index out of range");
            return -1;
        }
        if (value) return set_item(a, i, value);
        start = i, stop = i + 1, step = 1, slicelength = 1;
    } else if (val_type(key) == &type_slice) {
        slicelength = slice_indices(key, a->size, &start, &stop, &step);
        if (slicelength < 0) return -1;
    } else {
        err_set(&exc_TypeError, "array indices must be integers");
        return -1;
    }
    CArrayObject *other = NULL;
    ssize_t needed = 0;
    if (value) {
        if (!array_check(value)) {
            err_format(&exc_TypeError, "can only assign array (not \"%.200s\") to array slice", type_name(value));
            return -1;
        }
        other = (CArrayObject *)value;
        needed = other->size;
        if (other == a) {
            /* a[i:j] = a: assign from a copy. */
            Value copy = slice_copy(a, 0, needed);
            return copy ? array_setitem(self, key, copy) : -1;
        }
        if (other->descr != a->descr) {
            err_set(&exc_TypeError, "bad argument type for built-in operation");
            return -1;
        }
    }
    size_t isz = (size_t)a->descr->itemsize;
    /* For a[2:1] = ..., the insertion point is start. */
    if ((step > 0 && stop < start) || (step < 0 && stop > start)) stop = start;
    if ((needed == 0 || slicelength != needed) && exports_held(a)) return resize_refused();
    if (step == 1) {
        ssize_t size = a->size;
        if (slicelength > needed) {
            memmove(item_ptr(a, start + needed), item_ptr(a, stop), (size_t)(size - stop) * isz);
            if (array_resize(a, size + needed - slicelength) < 0) return -1;
        } else if (slicelength < needed) {
            if (array_resize(a, size + needed - slicelength) < 0) return -1;
            memmove(item_ptr(a, start + needed), item_ptr(a, stop), (size_t)(size - stop) * isz);
        }
        if (needed) memcpy(item_ptr(a, start), other->items, (size_t)needed * isz);
        return 0;
    }
    if (needed == 0) {
        /* Delete an extended slice: compact the survivors in one pass. */
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelength - 1) - 1;
            step = -step;
        }
        ssize_t w = start;
        for (ssize_t r = start; r < a->size; r++) {
            if (r < start + step * slicelength && (r - start) % step == 0) continue;
            if (w != r) memcpy(item_ptr(a, w), item_ptr(a, r), isz);
            w++;
        }
        return array_resize(a, a->size - slicelength);
    }
    if (needed != slicelength) {
        err_format(&exc_ValueError, "attempt to assign array of size %zd to extended slice of size %zd", needed,
                   slicelength);
        return -1;
    }
    for (ssize_t k = 0, cur = start; k < slicelength; k++, cur += step)
        memcpy(item_ptr(a, cur), other->items + k * isz, isz);
    return 0;
}

static int array_contains(Value self, Value v) {
    for (ssize_t i = 0; i < SELF->size; i++) {
        Value x = get_item(SELF, i);
        if (!x) return -1;
        int r = obj_richcompare_bool(x, v, CMP_EQ);
        if (r) return r;
    }
    return 0;
}

static Value array_concat(Value self, Value other) {
    if (!array_check(self)) return VNotImplemented;
    if (!array_check(other)) {
        err_format(&exc_TypeError, "can only append array (not \"%.200s\") to array", type_name(other));
        return VNULL;
    }
    CArrayObject *a = SELF, *b = (CArrayObject *)other;
    if (a->descr != b->descr) {
        err_set(&exc_TypeError, "bad argument type for built-in operation");
        return VNULL;
    }
    if (b->size > PTRDIFF_MAX - a->size) {
        err_no_memory();
        return VNULL;
    }
    Value r = array_new_of(&type_array, a->descr, a->size + b->size);
    if (!r) return VNULL;
    size_t isz = (size_t)a->descr->itemsize;
    if (a->size) memcpy(((CArrayObject *)r)->items, a->items, (size_t)a->size * isz);
    if (b->size) memcpy(((CArrayObject *)r)->items + a->size * isz, b->items, (size_t)b->size * isz);
    return r;
}

/* Fill dst (n copies of src's `len` bytes). */
static void repeat_bytes(char *dst, const char *src, size_t len, ssize_t n) {
    if (len == 0 || n <= 0) return;
    memcpy(dst, src, len);
    size_t done = len, total = len * (size_t)n;
    while (done < total) {
        size_t c = done < total - done ? done : total - done;
        memcpy(dst + done, dst, c);
        done += c;
    }
}

static Value array_repeat(Value self, ssize_t n) {
    CArrayObject *a = SELF;
    if (n < 0) n = 0;
    if (a->size && n > PTRDIFF_MAX / a->size) {
        err_no_memory();
        return VNULL;
    }
    Value r = array_new_of(&type_array, a->descr, a->size * n);
    if (r) repeat_bytes(((CArrayObject *)r)->items, a->items, (size_t)a->size * a->descr->itemsize, n);
    return r;
}

static Value array_inplace_concat(Value self, Value other) {
    if (!array_check(other)) {
        err_format(&exc_TypeError, "can only extend array with array (not \"%.200s\")", type_name(other));
        return VNULL;
    }
    return extend_array(SELF, (CArrayObject *)other) < 0 ? VNULL : self;
}

static Value array_inplace_repeat(Value self, ssize_t n) {
    CArrayObject *a = SELF;
    ssize_t size = a->size;
    if (size > 0) {
        if (n < 0) n = 0;
        if (n == 0) {
            if (array_resize(a, 0) < 0) return VNULL;
        } else {
            if (n > PTRDIFF_MAX / size) {
                err_no_memory();
                return VNULL;
            }
            if (array_resize(a, size * n) < 0) return VNULL;
            size_t len = (size_t)size * a->descr->itemsize;
            repeat_bytes(a->items, a->items, len, n);
        }
    }
    return self;
}

/* -1, 0, 1: two C items of an integer (or 'u') typecode. */
static int compare_items(const ArrayDescr *d, const char *p, const char *q) {
#define CMP3(T) do { T x, y; memcpy(&x, p, sizeof x); memcpy(&y, q, sizeof y); return (x > y) - (x < y); } while (0)
    switch (d->typecode) {
    case 'b': CMP3(signed char);
    case 'B': CMP3(unsigned char);
    case 'h': CMP3(short);
    case 'H': CMP3(unsigned short);
    case 'i': CMP3(int);
    case 'l': case 'q': CMP3(int64_t);
    case 'u': CMP3(int32_t);   /* wchar_t is signed */
    case 'I': CMP3(uint32_t);
    default: CMP3(uint64_t);
    }
#undef CMP3
}

/* Comparisons: equal lengths first for == and !=, a direct loop for one integer typecode. */
static Value array_richcompare(Value v, Value w, int op) {
    if (!array_check(v) || !array_check(w)) return VNotImplemented;
    CArrayObject *a = (CArrayObject *)v, *b = (CArrayObject *)w;
    if (a->size != b->size && (op == CMP_EQ || op == CMP_NE)) return val_bool(op == CMP_NE);
    ssize_t n = a->size < b->size ? a->size : b->size;
    int cmp = 0;
    ssize_t i = 0;
    if (a->descr == b->descr && (a->descr->is_int || a->descr->typecode == 'u')) {
        for (; i < n && cmp == 0; i++) cmp = compare_items(a->descr, item_ptr(a, i), item_ptr(b, i));
    } else {
        for (; i < n; i++) {
            Value x = get_item(a, i), y = get_item(b, i);
            if (!x || !y) return VNULL;
            int eq = obj_richcompare_bool(x, y, CMP_EQ);
            if (eq < 0) return VNULL;
            if (!eq) {
                if (op == CMP_EQ) return VFalse;
                if (op == CMP_NE) return VTrue;
                return obj_richcompare(x, y, op);
            }
        }
    }
    if (cmp == 0) {
        ssize_t d = a->size - b->size;
        cmp = d < 0 ? -1 : d > 0;
    }
    switch (op) {
    case CMP_LT: return val_bool(cmp < 0);
    case CMP_LE: return val_bool(cmp <= 0);
    case CMP_EQ: return val_bool(cmp == 0);
    case CMP_NE: return val_bool(cmp != 0);
    case CMP_GT: return val_bool(cmp > 0);
    default: return val_bool(cmp >= 0);
    }
}

/* ---- buffers ---- */

static ssize_t item_strides[9] = {0, 1, 2, 0, 4, 0, 0, 0, 8};

static int array_getbuffer(Value self, Buffer *view, int flags) {
    CArrayObject *a = SELF;
    view->buf = a->items ? a->items : (void *)"";
    view->obj = self;
    view->len = a->size * a->descr->itemsize;
    view->readonly = 0;
    view->ndim = 1;
    view->itemsize = a->descr->itemsize;
    view->suboffsets = NULL;
    view->shape = (flags & BUF_ND) == BUF_ND ? &a->size : NULL;
    view->strides = (flags & BUF_STRIDES) == BUF_STRIDES ? &item_strides[a->descr->itemsize] : NULL;
    view->format = (flags & BUF_FORMAT) == BUF_FORMAT ? a->descr->format : NULL;
    view->internal = NULL;
    a->exports++;
    return 0;
}

static void array_releasebuffer(Value self, Buffer *view) { SELF->exports--; }

/* ---- the iterator ---- */

typedef struct ArrayIterObject {
    Object hdr;
    Value array;
    ssize_t index;
} ArrayIterObject;

static void arrayiter_trace(Object *o) { gc_mark(((ArrayIterObject *)o)->array); }

static Value array_iter(Value self) {
    ArrayIterObject *it = gc_alloc(&type_array_iterator, sizeof(ArrayIterObject));
    if (!it) return VNULL;
    GC_WRITE(it, it->array, self);
    return obj_val(it);
}

static Value arrayiter_next(Value self) {
    ArrayIterObject *it = (ArrayIterObject *)self;
    CArrayObject *a = (CArrayObject *)it->array;
    if (it->index < a->size) return get_item(a, it->index++);
    return VNULL;
}

static Value arrayiter_self(Value self) { return self; }

static Value arrayiter_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    err_set(&exc_TypeError, "cannot create 'array.arrayiterator' instances");
    return VNULL;
}

static Value arrayiter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__reduce__", kw) < 0 || arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    extern Value import_name(Value name, Value globals, Value fromlist, int level);
    Value b = import_name(str_intern_cstr("builtins"), VNULL, VNULL, 0);
    Value iter = b ? obj_getattr_cstr(b, "iter") : VNULL;
    if (!iter) return VNULL;
    ArrayIterObject *it = (ArrayIterObject *)self;
    Value a = tuple_pack(1, it->array);
    Value idx = a ? int_from_i64(it->index) : VNULL;
    return idx ? tuple_pack(3, iter, a, idx) : VNULL;
}

static Value arrayiter_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__setstate__", kw) < 0 || arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    if (!int_check(args[0])) {
        err_set(&exc_TypeError, "an integer is required");
        return VNULL;
    }
    ssize_t i = int_as_ssize(args[0]);
    if (i == -1 && err_occurred()) return VNULL;
    ArrayIterObject *it = (ArrayIterObject *)self;
    ssize_t size = ((CArrayObject *)it->array)->size;
    it->index = i < 0 ? 0 : i > size ? size : i;
    return VNone;
}

static const MethodDef arrayiter_methods[] = {
    {"__reduce__", arrayiter_reduce, 0, "Return state information for pickling."},
    {"__setstate__", arrayiter_setstate, 0, "Set state information for unpickling."},
    {NULL}
};

Type type_array_iterator = {
    .hdr = {0, &type_type},
    .name = "array.arrayiterator",
    .basicsize = sizeof(ArrayIterObject),
    .trace = arrayiter_trace,
    .new = arrayiter_new,
    .iter = arrayiter_self,
    .iternext = arrayiter_next,
    .methods = arrayiter_methods,
};

/* ---- the type and the module ---- */

static const char array_doc[] =
    "array(typecode [, initializer]) -> array\n\n"
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
    "    'd'         floating point     8\n";

Type type_array = {
    .hdr = {0, &type_type},
    .name = "array.array",
    .basicsize = sizeof(CArrayObject),
    .flags = TF_BASETYPE | TF_SEQUENCE | TF_WEAKREFABLE,
    .finalize = array_finalize,
    .new = array_new,
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
    .doc = array_doc,
};

Value array_reconstructor;

static const MethodDef array_functions[] = {
    {"_array_reconstructor", array_reconstructor_m, 0, "Internal. Used for pickling support."},
    {NULL}
};

Value array_module_init(void) {
    type_ready(&type_array);
    type_ready(&type_array_iterator);
    Value m = module_new_cstr("array");
    if (!m || module_add_functions(m, array_functions) < 0) return VNULL;
    array_reconstructor = obj_getattr_cstr(m, "_array_reconstructor");
    if (!array_reconstructor) return VNULL;
    gc_add_root(&array_reconstructor);
    char codes[32], *p = codes;
    for (const ArrayDescr *d = array_descrs; d->typecode; d++) *p++ = d->typecode;
    *p = 0;
    if (module_add(m, "array", obj_val(&type_array)) < 0 || module_add(m, "ArrayType", obj_val(&type_array)) < 0 ||
        module_add(m, "typecodes", str_from_cstr(codes)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("This module defines an object type which can efficiently represent\n"
                                               "an array of basic values: characters, integers, floating point\n"
                                               "numbers.  Arrays are sequence types and behave very much like lists,\n"
                                               "except that the type of objects stored in them is constrained.\n")) < 0)
        return VNULL;
    /* collections.abc.MutableSequence.register(array), as CPython's module does. */
    extern Value import_name(Value name, Value globals, Value fromlist, int level);
    Value from = tuple_pack(1, str_from_cstr("MutableSequence"));
    Value abc = from ? import_name(str_from_cstr("collections.abc"), VNULL, from, 0) : VNULL;
    Value ms = abc ? obj_getattr_cstr(abc, "MutableSequence") : VNULL;
    Value arg = obj_val(&type_array);
    if (!ms || !obj_call_method(ms, "register", &arg, 1)) return VNULL;
    return m;
}
