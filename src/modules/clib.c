/* clib.c - argument converters, output buffers and exception classes shared by the C-library modules. */
#include "clib.h"
#include "../vm/gil.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/dict.h"
#include "../objects/tuple.h"
#include "../vm/error.h"

#include <limits.h>
#include <stdlib.h>

/* An int through __index__, or -1 with CPython's TypeError. */
static Value as_index(Value v) {
    if (val_is_int(v)) return v;
    if (float_check(v)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
        return VNULL;
    }
    return num_index(v);
}

static int range_i64(Value v, int64_t *out, const char *ctype) {
    Value i = as_index(v);
    if (!i) return -1;
    if (!val_is_int(i) && !int_fits_i64(i)) {
        err_format(&exc_OverflowError, "Python int too large to convert to C %s", ctype);
        return -1;
    }
    *out = val_is_int(i) ? val_int(i) : int_as_i64(i);
    return 0;
}

int clib_int(Value v, int *out) {
    int64_t x;
    if (range_i64(v, &x, "int") < 0) return -1;
    if (x < INT_MIN || x > INT_MAX) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

int clib_ssize(Value v, ssize_t *out) {
    int64_t x;
    if (range_i64(v, &x, "ssize_t") < 0) return -1;
    *out = (ssize_t)x;
    return 0;
}

int clib_i64(Value v, int64_t *out) { return range_i64(v, out, "long"); }

int clib_u32(Value v, uint32_t *out) {
    Value i = as_index(v);
    if (!i) return -1;
    if (int_sign(i) < 0) {
        err_set(&exc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    if (!int_fits_i64(i) || int_as_i64(i) > UINT32_MAX) {
        err_set(&exc_OverflowError, "Python int too large to convert to C unsigned long");
        return -1;
    }
    *out = (uint32_t)int_as_i64(i);
    return 0;
}

int clib_umask(Value v, int bits, uint64_t *out) {
    Value i = as_index(v);
    if (!i) return -1;
    uint64_t mask = bits >= 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1;
    if (val_is_int(i)) {
        *out = (uint64_t)val_int(i) & mask;
        return 0;
    }
    /* A big int: its low 64 bits in two's complement. */
    Value low = int_and(i, int_from_u64(UINT64_MAX));
    if (!low) return -1;
    *out = int_as_u64(low) & mask;
    return 0;
}

int clib_unsigned(Value v, uint64_t *out, const char *overflow) {
    if (!int_check(v)) {
        err_set(&exc_TypeError, "an integer is required");
        return -1;
    }
    if (int_sign(v) < 0) {
        err_set(&exc_ValueError, "value must be positive");
        return -1;
    }
    if (val_is_int(v)) {
        *out = (uint64_t)val_int(v);
        return 0;
    }
    Value hi = int_rshift(v, val_from_int(64));
    if (!hi) return -1;
    if (int_sign(hi) != 0) {
        err_set(&exc_OverflowError, overflow);
        return -1;
    }
    *out = int_as_u64(v);
    return 0;
}

int clib_bool(Value v, bool *out) {
    int r = obj_is_true(v);
    if (r < 0) return -1;
    *out = r;
    return 0;
}

int clib_buffer(Value v, Buffer *view) { return buffer_get(v, view, BUF_SIMPLE); }

Value clib_new_exception(const char *module, const char *name, Value bases, const char *doc) {
    Value ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr(module)) < 0) return VNULL;
    if (doc && dict_set_cstr(ns, "__doc__", str_from_cstr(doc)) < 0) return VNULL;
    if (!tuple_check(bases)) bases = tuple_pack(1, bases);
    if (!bases) return VNULL;
    return type_new_class(&type_type, str_from_cstr(name), bases, ns, VNULL);
}

void clib_out_init(OutBuf *ob, size_t initial, size_t limit) {
    ob->buf = NULL;
    ob->size = 0;
    ob->cap = initial ? initial : 1;
    ob->limit = limit;
    if (ob->cap > limit) ob->cap = limit;
}

ssize_t clib_out_space(OutBuf *ob, char **next, size_t max_chunk) {
    if (!ob->buf || ob->size == ob->cap) {
        size_t cap = ob->buf ? ob->cap : 0;
        if (ob->buf) {
            if (ob->size >= ob->limit) return 0;
            cap = ob->cap < ob->limit / 2 ? ob->cap * 2 : ob->limit;
        } else {
            cap = ob->cap;
            if (cap == 0) return 0;
        }
        char *p = realloc(ob->buf, cap);
        if (!p) {
            err_no_memory();
            return -1;
        }
        ob->buf = p;
        ob->cap = cap;
    }
    size_t avail = ob->cap - ob->size;
    if (avail > max_chunk) avail = max_chunk;
    *next = ob->buf + ob->size;
    return (ssize_t)avail;
}

Value clib_out_finish(OutBuf *ob) {
    Value b = bytes_new(ob->buf ? ob->buf : "", ob->size);
    clib_out_discard(ob);
    return b;
}

void clib_out_discard(OutBuf *ob) {
    free(ob->buf);
    ob->buf = NULL;
    ob->size = ob->cap = 0;
}

Value clib_hexstr(const unsigned char *p, size_t n) {
    StrObject *s = str_alloc(2 * n, 2 * n);
    if (!s) return VNULL;
    char *d = (char *)s->data;
    for (size_t i = 0; i < n; i++) {
        d[2 * i] = "0123456789abcdef"[p[i] >> 4];
        d[2 * i + 1] = "0123456789abcdef"[p[i] & 15];
    }
    return obj_val(s);
}

Value clib_no_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    err_format(&exc_TypeError, "cannot create '%s' instances", t->name);
    return VNULL;
}

void clib_lock(pthread_mutex_t *m) {
    if (pthread_mutex_trylock(m) == 0) return;
    GIL_RELEASE_BEGIN
    pthread_mutex_lock(m);
    GIL_RELEASE_END
}
