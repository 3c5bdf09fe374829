/* bytes.c - bytes and bytearray: construction, repr, hashing, comparison, indexing, concatenation, mutation. */
#include "bytes.h"
#include <pthread.h>
#include "str.h"
#include "buffer.h"
#include "str_internal.h"
#include "int.h"
#include "tuple.h"
#include "dict.h"
#include "list.h"
#include "misc.h"
#include "type.h"
#include "type_slots.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/code.h"

#include <stdlib.h>

/*
 * bytes keeps CPython's PyBytesObject layout (size, hash, data inline with
 * a trailing NUL).  bytearray keeps its bytes in a separate Blob so it can
 * grow in place; `data` points at the blob's payload and the trace function
 * recovers the blob from it, so no extra field is needed.  An empty
 * bytearray may have data == NULL.
 */

/* ---- ByteBuilder ---- */

void bb_init(ByteBuilder *bb) {
    bb->buf = bb->inline_buf;
    bb->cap = sizeof bb->inline_buf;
    bb->size = 0;
    bb->failed = false;
}

static void bb_free(ByteBuilder *bb) {
    if (bb->buf != bb->inline_buf) free(bb->buf);
}

static NOINLINE bool bb_grow(ByteBuilder *bb, size_t need) {
    if (bb->failed) return false;
    size_t ncap = bb->cap * 2;
    while (ncap < bb->size + need + 1) {
        if (ncap > (SIZE_MAX >> 2)) {
            bb->failed = true;
            return false;
        }
        ncap *= 2;
    }
    char *nb;
    if (bb->buf == bb->inline_buf) {
        nb = malloc(ncap);
        if (nb) memcpy(nb, bb->buf, bb->size);
    } else {
        nb = realloc(bb->buf, ncap);
    }
    if (!nb) {
        bb->failed = true;
        return false;
    }
    bb->buf = nb;
    bb->cap = ncap;
    return true;
}

void bb_append(ByteBuilder *bb, const void *data, size_t n) {
    if (bb->size + n >= bb->cap && !bb_grow(bb, n)) return;
    if (n) memcpy(bb->buf + bb->size, data, n);
    bb->size += n;
}

void bb_append_byte(ByteBuilder *bb, unsigned char c) {
    if (bb->size + 1 >= bb->cap && !bb_grow(bb, 1)) return;
    bb->buf[bb->size++] = (char)c;
}

void bb_append_repeat(ByteBuilder *bb, unsigned char c, size_t n) {
    if (n > (SIZE_MAX >> 3)) {
        bb->failed = true;
        return;
    }
    if (bb->size + n >= bb->cap && !bb_grow(bb, n)) return;
    memset(bb->buf + bb->size, c, n);
    bb->size += n;
}

Value bb_finish(ByteBuilder *bb) {
    Value r = VNULL;
    if (bb->failed) err_no_memory();
    else r = bytes_new(bb->buf, bb->size);
    bb_free(bb);
    bb_init(bb);
    return r;
}

Value bb_finish_bytearray(ByteBuilder *bb) {
    Value r = VNULL;
    if (bb->failed) err_no_memory();
    else r = bytearray_new(bb->buf, bb->size);
    bb_free(bb);
    bb_init(bb);
    return r;
}

void bb_discard(ByteBuilder *bb) {
    bb_free(bb);
    bb_init(bb);
}

/* ---- bytes allocation ---- */

static Value empty_bytes;
static Value byte_cache[256];

/* recv(262144) that returns 30 bytes (asyncio's every read) must not cost
 * a 256 KB object: the system call reads into a per-thread scratch buffer
 * and the bytes object is made at the size received.  The buffer is freed
 * when its thread ends. */
#define SCRATCH_MAX (1u << 20)
static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;
static __thread char *scratch;
static __thread size_t scratch_cap;

static void scratch_key_init(void) { pthread_key_create(&scratch_key, free); }

char *bytes_scratch(size_t n) {
    if (n > SCRATCH_MAX) return NULL;
    if (n > scratch_cap || !scratch) {
        size_t cap = n < 65536 ? 65536 : n;
        char *p = realloc(scratch, cap);
        if (!p) return NULL;
        pthread_once(&scratch_once, scratch_key_init);
        pthread_setspecific(scratch_key, p);
        scratch = p;
        scratch_cap = cap;
    }
    return scratch;
}

BytesObject *bytes_alloc(size_t size) {
    if (size > (SIZE_MAX >> 2)) {
        err_no_memory();
        return NULL;
    }
    BytesObject *b = gc_alloc(&type_bytes, sizeof(BytesObject) + size + 1);
    if (!b) return NULL;
    b->size = (ssize_t)size;
    b->hash = -1;
    b->data[size] = 0;
    return b;
}

Value bytes_empty(void) {
    if (!empty_bytes) {
        BytesObject *b = bytes_alloc(0);
        if (!b) return VNULL;
        empty_bytes = obj_val(b);
        gc_add_root(&empty_bytes);
    }
    return empty_bytes;
}

Value bytes_new(const char *data, size_t size) {
    if (size == 0) return bytes_empty();
    if (size == 1) {
        unsigned char c = (unsigned char)data[0];
        if (!byte_cache[c]) {
            BytesObject *b = bytes_alloc(1);
            if (!b) return VNULL;
            b->data[0] = (char)c;
            byte_cache[c] = obj_val(b);
            gc_add_root(&byte_cache[c]);
        }
        return byte_cache[c];
    }
    BytesObject *b = bytes_alloc(size);
    if (!b) return VNULL;
    memcpy(b->data, data, size);
    return obj_val(b);
}

/* A bytes of type t (bytes or a subclass). */
static Value bytes_new_typed(Type *t, const char *data, size_t size) {
    if (t == &type_bytes) return bytes_new(data, size);
    Value v = type_generic_alloc(t, size + 1);
    if (!v) return VNULL;
    BytesObject *b = (BytesObject *)v;
    b->size = (ssize_t)size;
    b->hash = -1;
    memcpy(b->data, data, size);
    b->data[size] = 0;
    return v;
}

/* ---- bytearray storage ---- */

static void bytearray_trace(Object *o) {
    ByteArrayObject *b = (ByteArrayObject *)o;
    if (b->data) gc_mark(obj_val(container_of(b->data, BlobObject, data)));
}

int bytearray_resize(Value v, size_t size) {
    ByteArrayObject *b = (ByteArrayObject *)v;
    if ((ssize_t)size != b->size && buffer_exports_held(&b->exports)) {
        err_set(&exc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    if (size > (SIZE_MAX >> 2)) {
        err_no_memory();
        return -1;
    }
    if ((ssize_t)size < b->alloc && (ssize_t)size >= b->alloc / 4) {
        b->size = (ssize_t)size;
        b->data[size] = 0;
        return 0;
    }
    /* Over-allocate on growth like CPython (about 1/8), to make append amortized O(1). */
    size_t alloc = size + 1;
    if ((ssize_t)size > b->size) alloc += size >> 3 < 64 ? (size >> 3) + 8 : size >> 3;
    Value blob = blob_new(alloc);
    if (!blob) return -1;
    char *nd = ((BlobObject *)blob)->data;
    size_t keep = (size_t)b->size < size ? (size_t)b->size : size;
    if (keep) memcpy(nd, b->data, keep);
    nd[size] = 0;
    b->data = nd;
    b->alloc = (ssize_t)alloc;
    b->size = (ssize_t)size;
    return 0;
}

static Value bytearray_alloc_typed(Type *t, const char *data, size_t size) {
    Value v = t == &type_bytearray ? obj_val(gc_alloc(t, sizeof(ByteArrayObject))) : type_generic_alloc(t, 0);
    if (!v) return VNULL;
    if (size) {
        if (bytearray_resize(v, size) < 0) return VNULL;
        if (data) memcpy(((ByteArrayObject *)v)->data, data, size);
    }
    return v;
}

Value bytearray_new(const char *data, size_t size) { return bytearray_alloc_typed(&type_bytearray, data, size); }

/* ---- Buffers ---- */

/* Other exporters (memoryview, C modules) go through the buffer protocol (buffer.c). */
bool (*bytes_buffer_hook)(Value v, const char **data, size_t *size) = buffer_simple_bytes;

bool bytes_get_buffer(Value v, const char **data, size_t *size) {
    if (val_is_int(v)) return false;
    if (bytes_check(v)) {
        *data = bytes_data(v);
        *size = (size_t)bytes_size(v);
        return true;
    }
    if (bytearray_check(v)) {
        ByteArrayObject *b = (ByteArrayObject *)v;
        *data = b->data ? b->data : "";
        *size = (size_t)b->size;
        return true;
    }
    return bytes_buffer_hook && bytes_buffer_hook(v, data, size);
}

/* ---- repr ---- */

/* b'...' with CPython's quote choice and escapes, appended to sb.  As in
 * CPython, bytearray's repr escapes a single quote even inside double quotes. */
static void repr_into(StrBuilder *sb, const char *data, size_t n, bool always_escape_sq) {
    static const char hex[] = "0123456789abcdef";
    bool sq = memchr(data, '\'', n) != NULL, dq = sq && memchr(data, '"', n) != NULL;
    char quote = sq && !dq ? '"' : '\'';
    sb_append_char(sb, 'b');
    sb_append_char(sb, quote);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        char buf[4];
        if (c == (unsigned char)quote || c == '\\' || (c == '\'' && always_escape_sq)) {
            buf[0] = '\\';
            buf[1] = (char)c;
            sb_append_utf8(sb, buf, 2, 2);
        } else if (c == '\t') {
            sb_append_utf8(sb, "\\t", 2, 2);
        } else if (c == '\n') {
            sb_append_utf8(sb, "\\n", 2, 2);
        } else if (c == '\r') {
            sb_append_utf8(sb, "\\r", 2, 2);
        } else if (c < 0x20 || c >= 0x7f) {
            buf[0] = '\\';
            buf[1] = 'x';
            buf[2] = hex[c >> 4];
            buf[3] = hex[c & 15];
            sb_append_utf8(sb, buf, 4, 4);
        } else {
            sb_append_char(sb, (char)c);
        }
    }
    sb_append_char(sb, quote);
}

Value bytes_repr(Value v) {
    StrBuilder sb;
    sb_init(&sb);
    repr_into(&sb, bytes_data(v), (size_t)bytes_size(v), false);
    return sb_finish(&sb);
}

static Value bytearray_repr(Value v) {
    ByteArrayObject *b = (ByteArrayObject *)v;
    StrBuilder sb;
    sb_init(&sb);
    Type *t = val_type(v);
    if (t == &type_bytearray) sb_append_cstr(&sb, "bytearray");
    else sb_printf(&sb, "%N", t);
    sb_append_char(&sb, '(');
    repr_into(&sb, b->data ? b->data : "", (size_t)b->size, true);
    sb_append_char(&sb, ')');
    return sb_finish(&sb);
}

/* str(b) is repr(b) (with a BytesWarning under -b, which Taipan does not have). */

/* ---- hash and comparison ---- */

hash_t bytes_hash(Value v) {
    BytesObject *b = (BytesObject *)v;
    if (b->hash == -1) b->hash = str_hash_bytes(b->data, (size_t)b->size);
    return b->hash;
}

static Value compare_buffers(const char *a, size_t na, const char *b, size_t nb, int op) {
    if (op == CMP_EQ || op == CMP_NE) {
        bool eq = na == nb && memcmp(a, b, na) == 0;
        return val_bool(op == CMP_EQ ? eq : !eq);
    }
    int c = memcmp(a, b, na < nb ? na : nb);
    if (c == 0) c = na < nb ? -1 : na > nb;
    switch (op) {
    case CMP_LT: return val_bool(c < 0);
    case CMP_LE: return val_bool(c <= 0);
    case CMP_GT: return val_bool(c > 0);
    default: return val_bool(c >= 0);
    }
}

static Value bytes_richcompare(Value a, Value b, int op) {
    if (!bytes_check(a) || !bytes_check(b)) return VNotImplemented;
    if (a == b && (op == CMP_EQ || op == CMP_LE || op == CMP_GE)) return VTrue;
    return compare_buffers(bytes_data(a), (size_t)bytes_size(a), bytes_data(b), (size_t)bytes_size(b), op);
}

/* bytearray compares with any bytes-like object. */
static Value bytearray_richcompare(Value a, Value b, int op) {
    const char *da, *db;
    size_t na, nb;
    if (!bytes_get_buffer(a, &da, &na) || !bytes_get_buffer(b, &db, &nb)) return VNotImplemented;
    return compare_buffers(da, na, db, nb, op);
}

/* ---- Sequence protocol ---- */

static ssize_t bytes_len(Value v) { return bytes_size(v); }
static ssize_t bytearray_len(Value v) { return ((ByteArrayObject *)v)->size; }

/* The byte an int argument stands for, or -1 with ValueError/TypeError. */
static int byte_value(Value v) {
    if (!num_check_index(v)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
        return -1;
    }
    Value iv = num_index(v);
    if (!iv) return -1;
    int64_t x = int_fits_i64(iv) ? int_as_i64(iv) : -1;
    if (x < 0 || x > 255) {
        err_set(&exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return (int)x;
}

static Value slice_of(Value self, const char *d, size_t n, Value key, bool ba) {
    ssize_t start, stop, step;
    ssize_t len = slice_indices(key, (ssize_t)n, &start, &stop, &step);
    if (len < 0) return VNULL;
    /* A bound's __index__ may have resized the bytearray: slice what it holds now. */
    if (ba && (((ByteArrayObject *)self)->size != (ssize_t)n || ((ByteArrayObject *)self)->data != d)) {
        d = ((ByteArrayObject *)self)->data;
        n = (size_t)((ByteArrayObject *)self)->size;
        len = slice_indices_of(key, &((ByteArrayObject *)self)->size, &start, &stop, &step);
        if (len < 0) return VNULL;
    }
    if (step == 1) {
        if (!ba && start == 0 && len == (ssize_t)n && val_type(self) == &type_bytes) return self;
        return ba ? bytearray_new(d + start, (size_t)len) : bytes_new(d + start, (size_t)len);
    }
    ByteBuilder bb;
    bb_init(&bb);
    for (ssize_t i = 0, j = start; i < len; i++, j += step) bb_append_byte(&bb, (unsigned char)d[j]);
    return ba ? bb_finish_bytearray(&bb) : bb_finish(&bb);
}

static Value bytes_getitem(Value self, Value key) {
    const char *d = bytes_data(self);
    size_t n = (size_t)bytes_size(self);
    if (val_type(key) == &type_slice) return slice_of(self, d, n, key, false);
    if (!num_check_index(key)) {
        err_format(&exc_TypeError, "byte indices must be integers or slices, not %s", type_name(key));
        return VNULL;
    }
    ssize_t i = num_as_ssize(key, &exc_IndexError);
    if (i == -1 && err_occurred()) return VNULL;
    if (i < 0) i += (ssize_t)n;
    if (i < 0 || i >= (ssize_t)n) {
        err_set(&exc_IndexError, "index out of range");
        return VNULL;
    }
    return val_from_int((unsigned char)d[i]);
}

static int buffer_contains(const char *d, size_t n, Value v) {
    const char *sd;
    size_t sn;
    if (num_check_index(v)) {
        int c = byte_value(v);
        if (c < 0) return -1;
        return memchr(d, c, n) != NULL;
    }
    if (!bytes_get_buffer(v, &sd, &sn)) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(v));
        return -1;
    }
    return str_bytes_find(d, n, sd, sn) >= 0;
}

static int bytes_contains(Value self, Value v) {
    return buffer_contains(bytes_data(self), (size_t)bytes_size(self), v);
}

Value bytes_concat(Value a, Value b) {
    const char *da, *db;
    size_t na, nb;
    if (!bytes_get_buffer(a, &da, &na)) return VNotImplemented;
    if (!bytes_get_buffer(b, &db, &nb)) {
        err_format(&exc_TypeError, "can't concat %s to %s", type_name(b), type_name(a));
        return VNULL;
    }
    bool ba = bytearray_check(a);
    if (!ba && nb == 0 && val_type(a) == &type_bytes) return a;
    if (ba) {
        Value r = bytearray_new(NULL, na + nb);
        if (!r) return VNULL;
        /* Re-read: the allocation may not move anything, but a or b could be the same object. */
        bytes_get_buffer(a, &da, &na);
        bytes_get_buffer(b, &db, &nb);
        memcpy(((ByteArrayObject *)r)->data, da, na);
        memcpy(((ByteArrayObject *)r)->data + na, db, nb);
        return r;
    }
    BytesObject *r = bytes_alloc(na + nb);
    if (!r) return VNULL;
    memcpy(r->data, da, na);
    memcpy(r->data + na, db, nb);
    return obj_val(r);
}

static Value repeat_buffer(const char *d, size_t n, ssize_t count, bool ba) {
    if (count < 0) count = 0;
    if (n && (size_t)count > (size_t)SSIZE_MAX / n) {
        err_set(&exc_OverflowError, "repeated bytes are too long");
        return VNULL;
    }
    size_t total = n * (size_t)count;
    Value r = ba ? bytearray_new(NULL, total) : obj_val(bytes_alloc(total));
    if (!r) return VNULL;
    if (!total) return r;   /* an empty bytearray may have no buffer at all */
    char *o = ba ? ((ByteArrayObject *)r)->data : ((BytesObject *)r)->data;
    if (n == 1) {
        memset(o, d[0], total);
    } else if (n) {
        memcpy(o, d, n);
        size_t done = n;
        while (done < total) {
            size_t k = done <= total - done ? done : total - done;
            memcpy(o + done, o, k);
            done += k;
        }
    }
    return r;
}

static Value bytes_repeat(Value self, ssize_t count) {
    if (count == 1 && val_type(self) == &type_bytes) return self;
    if (count <= 0 || bytes_size(self) == 0) return bytes_empty();
    return repeat_buffer(bytes_data(self), (size_t)bytes_size(self), count, false);
}

/* ---- Iteration ---- */

typedef struct BytesIterObject {
    Object hdr;
    Value seq;      /* VNULL when exhausted */
    ssize_t index;
} BytesIterObject;

Type type_bytes_iter, type_bytearray_iter;

static void bytes_iter_trace(Object *o) { gc_mark(((BytesIterObject *)o)->seq); }

static Value make_iter(Type *t, Value seq) {
    if (!(t->flags & TF_READY)) type_ready(t);
    BytesIterObject *it = gc_alloc(t, sizeof(BytesIterObject));
    if (!it) return VNULL;
    it->seq = seq;
    return obj_val(it);
}

static Value bytes_iter(Value v) { return make_iter(&type_bytes_iter, v); }
static Value bytearray_iter(Value v) { return make_iter(&type_bytearray_iter, v); }

static Value bytes_iter_next(Value v) {
    BytesIterObject *it = (BytesIterObject *)v;
    if (!it->seq) return VNULL;
    const char *d;
    size_t n;
    bytes_get_buffer(it->seq, &d, &n);
    /* A bytearray may shrink while being iterated: check every step. */
    if (it->index >= (ssize_t)n) {
        it->seq = VNULL;
        return VNULL;
    }
    return val_from_int((unsigned char)d[it->index++]);
}

static Value iter_self(Value v) { return v; }

static Value bytes_iter_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__length_hint__", kw) < 0 || arg_count("__length_hint__", nargs, 0, 0) < 0) return VNULL;
    BytesIterObject *it = (BytesIterObject *)self;
    const char *d;
    size_t n;
    if (!it->seq || !bytes_get_buffer(it->seq, &d, &n) || (ssize_t)n <= it->index) return val_from_int(0);
    return val_from_int((intptr_t)n - it->index);
}

/* (iter, (seq,), index), or iter(()) once exhausted, as CPython pickles it. */
static Value bytes_iter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__reduce__", kw) < 0 || arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    BytesIterObject *it = (BytesIterObject *)self;
    extern Value builtins_dict;
    Value fn = dict_get_cstr(builtins_dict, "iter");
    if (!fn) return VNULL;
    if (!it->seq) return tuple_pack(2, fn, tuple_pack(1, tuple_empty()));
    return tuple_pack(3, fn, tuple_pack(1, it->seq), int_from_i64(it->index));
}

/* The index is clamped to 0, and for bytes (which cannot grow) to its size. */
static Value bytes_iter_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__setstate__", kw) < 0 || arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    BytesIterObject *it = (BytesIterObject *)self;
    ssize_t i = num_as_ssize(args[0], &exc_OverflowError);
    if (i == -1 && err_occurred()) return VNULL;
    if (it->seq) {
        if (i < 0) i = 0;
        else if (bytes_check(it->seq) && i > bytes_size(it->seq)) i = bytes_size(it->seq);
        it->index = i;
    }
    return VNone;
}

static const MethodDef bytes_iter_methods[] = {
    {"__length_hint__", bytes_iter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", bytes_iter_reduce, 0, "Return state information for pickling."},
    {"__setstate__", bytes_iter_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

Type type_bytes_iter = {
    .hdr = {0, &type_type},
    .name = "bytes_iterator",
    .basicsize = sizeof(BytesIterObject),
    .trace = bytes_iter_trace,
    .iter = iter_self,
    .iternext = bytes_iter_next,
    .methods = bytes_iter_methods,
};

Type type_bytearray_iter = {
    .hdr = {0, &type_type},
    .name = "bytearray_iterator",
    .basicsize = sizeof(BytesIterObject),
    .trace = bytes_iter_trace,
    .iter = iter_self,
    .iternext = bytes_iter_next,
    .methods = bytes_iter_methods,
};

/* ---- Construction ---- */

/* Append the ints of an iterable to bb; -1 with an exception.  bytes() says
 * "bytes must be in range(0, 256)", bytearray "byte must be ...". */
static int extend_from_iterable(ByteBuilder *bb, Value iterable, bool for_bytes) {
    if (list_check_exact(iterable) || tuple_check_exact(iterable)) {
        bool l = list_check_exact(iterable);
        for (ssize_t i = 0; i < (l ? list_size(iterable) : tuple_size(iterable)); i++) {
            Value x = l ? list_get(iterable, i) : tuple_get(iterable, i);
            int c;
            if (val_is_int(x) && (uintptr_t)val_int(x) < 256) c = (int)val_int(x);
            else if ((c = byte_value(x)) < 0) {
                if (for_bytes && err_matches(&exc_ValueError)) {
                    err_clear();
                    err_set(&exc_ValueError, "bytes must be in range(0, 256)");
                }
                return -1;
            }
            bb_append_byte(bb, (unsigned char)c);
        }
        return 0;
    }
    Value it = obj_iter(iterable);
    if (!it) return -1;
    for (;;) {
        Value x = obj_next(it);
        if (!x) return err_occurred() ? -1 : 0;
        int c = byte_value(x);
        if (c < 0) {
            if (for_bytes && err_matches(&exc_ValueError)) {
                err_clear();
                err_set(&exc_ValueError, "bytes must be in range(0, 256)");
            }
            return -1;
        }
        bb_append_byte(bb, (unsigned char)c);
    }
}

/* The bytes bytes(x)/bytearray(x) would hold for a one-argument call, into bb. */
static int bytes_source(ByteBuilder *bb, Value x, const char *tname) {
    const char *d;
    size_t n;
    if (bytes_get_buffer(x, &d, &n)) {
        bb_append(bb, d, n);
        return 0;
    }
    /* Any other exporter, non-contiguous memoryviews included, copied in C order (buffer.c). */
    int rc = buffer_append_bytes(bb, x);
    if (rc != 0) return rc < 0 ? -1 : 0;
    if (str_check(x)) {
        err_set(&exc_TypeError, "string argument without an encoding");
        return -1;
    }
    if (num_check_index(x)) {
        ssize_t count = num_as_ssize(x, &exc_OverflowError);
        if (count == -1 && err_occurred()) return -1;
        if (count < 0) {
            err_set(&exc_ValueError, "negative count");
            return -1;
        }
        bb_append_repeat(bb, 0, (size_t)count);
        if (bb->failed) {
            err_no_memory();
            return -1;
        }
        return 0;
    }
    Type *t = val_type(x);
    if (!t->iter && !t->getitem) {
        err_format(&exc_TypeError, "cannot convert '%s' object to %s", type_name(x), tname);
        return -1;
    }
    return extend_from_iterable(bb, x, strcmp(tname, "bytes") == 0);
}

static int parse_ctor(const char *tname, Value *args, size_t nargs, Value kwnames, Value *a) {
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    if (arg_parse(tname, args, nargs, kwnames, names, 0, 0, a) < 0) return -1;
    const char *ignored;
    if (!codec_arg(tname, "encoding", a[1], &ignored) || !codec_arg(tname, "errors", a[2], &ignored)) return -1;
    return 0;
}

/* Encode a str source for bytes()/bytearray() with encoding [errors]. */
static Value encode_source(Value *a) {
    if (!a[0] || !str_check(a[0])) {
        err_set(&exc_TypeError, a[1] ? "encoding without a string argument" : "errors without a string argument");
        return VNULL;
    }
    if (!a[1]) {
        err_set(&exc_TypeError, "string argument without an encoding");
        return VNULL;
    }
    return str_encode(a[0], str_data(a[1]), a[2] ? str_data(a[2]) : NULL);
}

Value bytes_from_object(Value x) {
    if (bytes_check(x) && val_type(x) == &type_bytes) return x;
    Value m = type_lookup_cstr(val_type(x), "__bytes__");
    if (m) {
        Value r = call_dunder(x, m, NULL, 0);
        if (!r) return VNULL;
        if (!bytes_check(r)) {
            err_format(&exc_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r));
            return VNULL;
        }
        return r;
    }
    ByteBuilder bb;
    bb_init(&bb);
    if (bytes_source(&bb, x, "bytes") < 0) {
        bb_discard(&bb);
        return VNULL;
    }
    return bb_finish(&bb);
}

static Value bytes_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    Value a[3];
    if (parse_ctor("bytes", args, nargs, kwnames, a) < 0) return VNULL;
    Value r;
    if (a[1] || a[2]) r = encode_source(a);
    else if (!a[0]) r = bytes_empty();
    else r = bytes_from_object(a[0]);
    if (!r || t == &type_bytes) return r;
    return bytes_new_typed(t, bytes_data(r), (size_t)bytes_size(r));
}

static Value bytearray_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    return bytearray_alloc_typed(t, NULL, 0);
}

static int bytearray_init(Value self, Value *args, size_t nargs, Value kwnames) {
    Value a[3];
    if (parse_ctor("bytearray", args, nargs, kwnames, a) < 0) return -1;
    ByteBuilder bb;
    bb_init(&bb);
    if (a[1] || a[2]) {
        Value b = encode_source(a);
        if (!b) return -1;
        bb_append(&bb, bytes_data(b), (size_t)bytes_size(b));
    } else if (a[0]) {
        if (bytes_source(&bb, a[0], "bytearray") < 0) {
            bb_discard(&bb);
            return -1;
        }
    }
    if (bb.failed) {
        bb_discard(&bb);
        err_no_memory();
        return -1;
    }
    int r = bytearray_resize(self, bb.size);
    if (r == 0 && bb.size) memcpy(((ByteArrayObject *)self)->data, bb.buf, bb.size);
    bb_discard(&bb);
    return r;
}

/* ---- bytearray: indexing and mutation ---- */

static Value bytearray_getitem(Value self, Value key) {
    ByteArrayObject *b = (ByteArrayObject *)self;
    if (val_type(key) == &type_slice) return slice_of(self, b->data, (size_t)b->size, key, true);
    if (!num_check_index(key)) {
        err_format(&exc_TypeError, "bytearray indices must be integers or slices, not %s", type_name(key));
        return VNULL;
    }
    ssize_t i = num_as_ssize(key, &exc_IndexError);
    if (i == -1 && err_occurred()) return VNULL;
    if (i < 0) i += b->size;
    if (i < 0 || i >= b->size) {
        err_set(&exc_IndexError, "bytearray index out of range");
        return VNULL;
    }
    return val_from_int((unsigned char)b->data[i]);
}

/* Replace b[lo:hi] by n bytes from src (src may alias b's own data). */
static int splice(Value self, size_t lo, size_t hi, const char *src, size_t n) {
    ByteArrayObject *b = (ByteArrayObject *)self;
    size_t size = (size_t)b->size, tail = size - hi, nsize = size - (hi - lo) + n;
    char *copy = NULL;
    if (n && src >= b->data && src < b->data + size) {
        copy = malloc(n);
        if (!copy) {
            err_no_memory();
            return -1;
        }
        memcpy(copy, src, n);
        src = copy;
    }
    if (nsize != size && buffer_exports_held(&b->exports)) {
        free(copy);
        err_set(&exc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    if (nsize > size) {
        if (bytearray_resize(self, nsize) < 0) {
            free(copy);
            return -1;
        }
        memmove(b->data + lo + n, b->data + hi, tail);
    } else if (nsize < size) {
        memmove(b->data + lo + n, b->data + hi, tail);
        if (bytearray_resize(self, nsize) < 0) {
            free(copy);
            return -1;
        }
    }
    if (n) memcpy(b->data + lo, src, n);
    free(copy);
    return 0;
}

static int bytearray_setitem(Value self, Value key, Value v) {
    ByteArrayObject *b = (ByteArrayObject *)self;
    if (val_type(key) != &type_slice) {
        if (!num_check_index(key)) {
            err_format(&exc_TypeError, "bytearray indices must be integers or slices, not %s", type_name(key));
            return -1;
        }
        ssize_t i = num_as_ssize(key, &exc_IndexError);
        if (i == -1 && err_occurred()) return -1;
        /* The value is converted before the index is checked (CPython's order). */
        int c = v ? byte_value(v) : 0;
        if (c < 0) return -1;
        if (i < 0) i += b->size;
        if (i < 0 || i >= b->size) {
            err_set(&exc_IndexError, "bytearray index out of range");
            return -1;
        }
        if (!v) return splice(self, (size_t)i, (size_t)i + 1, NULL, 0);
        b->data[i] = (char)c;
        return 0;
    }
    ssize_t start, stop, step;
    /* The replacement bytes, gathered first: iterating v may run Python code
     * that resizes self, and the slice must be resolved against the result. */
    ByteBuilder bb;
    bb_init(&bb);
    const char *src = NULL;
    size_t n = 0;
    if (v) {
        if (v == self) {
            bb_append(&bb, b->data, (size_t)b->size);
        } else if (bytes_get_buffer(v, &src, &n)) {
            bb_append(&bb, src, n);
        } else if (num_check_index(v) || str_check(v) || (!val_type(v)->iter && !val_type(v)->getitem)) {
            err_set(&exc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        } else if (extend_from_iterable(&bb, v, false) < 0) {
            bb_discard(&bb);
            return -1;
        }
        if (bb.failed) {
            bb_discard(&bb);
            err_no_memory();
            return -1;
        }
        src = bb.buf;
        n = bb.size;
    }
    ssize_t len = slice_indices_of(key, &b->size, &start, &stop, &step);
    if (len < 0) {
        bb_discard(&bb);
        return -1;
    }
    int r = 0;
    if (step == 1) {
        if (stop < start) stop = start;
        r = splice(self, (size_t)start, (size_t)stop, src, n);
    } else if (!v || (n == 0 && len > 0)) {
        /* Delete an extended slice (b[::2] = b'' too, as CPython): compact the
         * survivors, once it is known the size may change. */
        if (len > 0 && buffer_exports_held(&b->exports)) {
            err_set(&exc_BufferError, "Existing exports of data: object cannot be re-sized");
            r = -1;
        } else if (len > 0) {
            if (step < 0) {
                start += step * (len - 1);
                step = -step;
            }
            size_t w = (size_t)start;
            for (ssize_t r0 = start; r0 < b->size; r0++) {
                if (r0 >= start && (r0 - start) % step == 0 && (r0 - start) / step < len) continue;
                b->data[w++] = b->data[r0];
            }
            r = bytearray_resize(self, w);
        }
    } else if ((ssize_t)n != len) {
        err_format(&exc_ValueError, "attempt to assign bytes of size %zu to extended slice of size %zd", n, len);
        r = -1;
    } else {
        for (ssize_t i = 0, j = start; i < len; i++, j += step) b->data[j] = src[i];
    }
    bb_discard(&bb);
    return r;
}

static Value bytearray_inplace_concat(Value self, Value other) {
    const char *d;
    size_t n;
    if (!bytes_get_buffer(other, &d, &n)) {
        err_format(&exc_TypeError, "can't concat %s to %s", type_name(other), type_name(self));
        return VNULL;
    }
    ByteArrayObject *b = (ByteArrayObject *)self;
    if (splice(self, (size_t)b->size, (size_t)b->size, d, n) < 0) return VNULL;
    return self;
}

static Value bytearray_repeat(Value self, ssize_t count) {
    ByteArrayObject *b = (ByteArrayObject *)self;
    return repeat_buffer(b->data, (size_t)b->size, count, true);
}

static Value bytearray_inplace_repeat(Value self, ssize_t count) {
    ByteArrayObject *b = (ByteArrayObject *)self;
    size_t n = (size_t)b->size;
    if (count <= 0 || n == 0) {
        if (bytearray_resize(self, 0) < 0) return VNULL;
        return self;
    }
    if ((size_t)count > (SIZE_MAX >> 2) / n) {
        err_no_memory();
        return VNULL;
    }
    if (bytearray_resize(self, n * (size_t)count) < 0) return VNULL;
    for (ssize_t i = 1; i < count; i++) memcpy(b->data + (size_t)i * n, b->data, n);
    return self;
}

static int bytearray_contains(Value self, Value v) {
    ByteArrayObject *b = (ByteArrayObject *)self;
    return buffer_contains(b->data ? b->data : "", (size_t)b->size, v);
}

static Value bytearray_concat_slot(Value a, Value b) { return bytes_concat(a, b); }

static Value bytes_concat_slot(Value a, Value b) { return bytes_concat(a, b); }

/* bytes % args (nb_remainder: called for either operand's type). */
static Value bytes_mod_slot(Value a, Value b) {
    if (val_is_int(a) || !(bytes_check(a) || bytearray_check(a))) return VNotImplemented;
    return bytes_mod(a, b);
}

/* Exposed for bytes_methods.c: in-place edits keep all resizing here. */
int bytearray_splice(Value self, size_t lo, size_t hi, const char *src, size_t n) {
    return splice(self, lo, hi, src, n);
}
int bytes_extend_iterable(ByteBuilder *bb, Value iterable) { return extend_from_iterable(bb, iterable, false); }
int bytes_byte_value(Value v) { return byte_value(v); }

Type type_bytes = {
    .hdr = {0, &type_type},
    .name = "bytes",
    .basicsize = sizeof(BytesObject),
    .itemsize = 1,
    .flags = TF_BASETYPE | TF_BYTES_SUBCLASS,
    .new = bytes_new_m,
    .repr = bytes_repr,
    .str = bytes_repr,   /* str(b) is repr(b) (Taipan has no -b BytesWarning) */
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .iter = bytes_iter,
    .len = bytes_len,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
    .nb = {[BINOP_MOD] = bytes_mod_slot},
    .sq_concat = bytes_concat_slot,
    .sq_repeat = bytes_repeat,
    .getbuffer = buffer_bytes_export,   /* the buffer protocol: buffer.c */
    .methods = bytes_methods_table,
    .doc = "bytes(iterable_of_ints) -> bytes\n"
           "bytes(string, encoding[, errors]) -> bytes\n"
           "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
           "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
           "bytes() -> empty bytes object\n\n"
           "Construct an immutable array of bytes from:\n"
           "  - an iterable yielding integers in range(256)\n"
           "  - a text string encoded using the specified encoding\n"
           "  - any object implementing the buffer API.\n"
           "  - an integer",
};

Type type_bytearray = {
    .hdr = {0, &type_type},
    .name = "bytearray",
    .basicsize = sizeof(ByteArrayObject),
    .flags = TF_BASETYPE,
    .trace = bytearray_trace,
    .new = bytearray_new_m,
    .init = bytearray_init,
    .repr = bytearray_repr,
    .str = bytearray_repr,
    .hash = obj_hash_unhashable,
    .richcompare = bytearray_richcompare,
    .iter = bytearray_iter,
    .len = bytearray_len,
    .getitem = bytearray_getitem,
    .setitem = bytearray_setitem,
    .contains = bytearray_contains,
    .nb = {[BINOP_MOD] = bytes_mod_slot},
    .sq_concat = bytearray_concat_slot,
    .sq_inplace_concat = bytearray_inplace_concat,
    .sq_repeat = bytearray_repeat,
    .sq_inplace_repeat = bytearray_inplace_repeat,
    .getbuffer = buffer_bytearray_export,   /* the buffer protocol: buffer.c */
    .releasebuffer = buffer_bytearray_release,
    .methods = bytearray_methods_table,
    .doc = "bytearray(iterable_of_ints) -> bytearray\n"
           "bytearray(string, encoding[, errors]) -> bytearray\n"
           "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
           "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
           "bytearray() -> empty bytes array\n\n"
           "Construct a mutable bytearray object from:\n"
           "  - an iterable yielding integers in range(256)\n"
           "  - a text string encoded using the specified encoding\n"
           "  - a bytes or a buffer object\n"
           "  - any object implementing the buffer API.\n"
           "  - an integer",
};
