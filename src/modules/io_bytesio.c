/* io_bytesio.c - _io.BytesIO: a binary stream in a growable memory buffer. */
#include "io.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/list.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/memoryview.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <stdlib.h>

/*
 * The contents live in malloc'd memory (freed by the finalizer), so
 * appending is a realloc and a memcpy.  The position may be past the end
 * after a seek: a write there fills the gap with zero bytes.
 */

static inline BytesIOObject *bio(Value v) { return (BytesIOObject *)v; }

static int check_open(BytesIOObject *b) {
    if (b->closed) {
        io_err_closed();
        return -1;
    }
    return 0;
}

/* While getbuffer() views exist the memory must neither move nor change size. */
static int check_exports(BytesIOObject *b) {
    if (b->exports > 0 && buffer_exports_held(&b->exports)) {
        err_set(&exc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

static int reserve(BytesIOObject *b, size_t need) {
    if (need <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) cap = cap + (cap >> 1) + 64;
    char *nb = realloc(b->buf, cap);
    if (!nb) {
        err_no_memory();
        return -1;
    }
    b->buf = nb;
    b->cap = cap;
    return 0;
}

static int write_at_pos(BytesIOObject *b, const char *data, size_t n) {
    if (n == 0) return 0;
    size_t end = b->pos + n;
    if (reserve(b, end) < 0) return -1;
    if (b->pos > b->size) memset(b->buf + b->size, 0, b->pos - b->size);
    memcpy(b->buf + b->pos, data, n);
    b->pos = end;
    if (end > b->size) b->size = end;
    return 0;
}

/* ---- Construction ---- */

static Value bytesio_new(Type *t, Value *args, size_t nargs, Value kwnames) { return type_generic_alloc(t, 0); }

static void bytesio_trace(Object *o) { inst_trace_attrs(o); }

static void bytesio_finalize(Object *o) {
    BytesIOObject *b = (BytesIOObject *)o;
    free(b->buf);
    b->buf = NULL;
}

static int bytesio_init(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"initial_bytes", NULL};
    Value a[1];
    if (arg_parse("BytesIO", args, nargs, kwnames, names, 0, 0, a) < 0) return -1;
    BytesIOObject *b = bio(self);
    b->size = b->pos = 0;
    b->closed = false;
    if (a[0] && a[0] != VNone) {
        const char *data;
        size_t n;
        if (!bytes_get_buffer(a[0], &data, &n)) {
            err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(a[0]));
            return -1;
        }
        if (write_at_pos(b, data, n) < 0) return -1;
        b->pos = 0;
    }
    return 0;
}

/* ---- Reading ---- */

static size_t remaining(BytesIOObject *b) { return b->pos < b->size ? b->size - b->pos : 0; }

static Value read_n(BytesIOObject *b, ssize_t n) {
    size_t avail = remaining(b);
    if (n < 0 || (size_t)n > avail) n = (ssize_t)avail;
    Value r = n ? bytes_new(b->buf + b->pos, (size_t)n) : bytes_new("", 0);
    if (r) b->pos += (size_t)n;
    return r;
}

static Value bytesio_read(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("read", kw) < 0 || arg_count("read", nargs, 0, 1) < 0) return VNULL;
    ssize_t n;
    if (io_size_arg(nargs ? args[0] : VNULL, &n) < 0) return VNULL;
    if (check_open(bio(self)) < 0) return VNULL;
    return read_n(bio(self), n);
}

static Value bytesio_read1(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("read1", kw) < 0 || arg_count("read1", nargs, 0, 1) < 0) return VNULL;
    ssize_t n;
    if (io_size_arg(nargs ? args[0] : VNULL, &n) < 0) return VNULL;
    if (check_open(bio(self)) < 0) return VNULL;
    return read_n(bio(self), n);
}

/* The length of the next line (through '\n'), at most limit when limit >= 0. */
static size_t line_length(BytesIOObject *b, ssize_t limit) {
    size_t avail = remaining(b);
    if (limit >= 0 && (size_t)limit < avail) avail = (size_t)limit;
    if (avail == 0) return 0;
    const char *start = b->buf + b->pos;
    const char *nl = memchr(start, '\n', avail);
    return nl ? (size_t)(nl - start) + 1 : avail;
}

static Value bytesio_readline(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"size", NULL};
    Value a[1];
    ssize_t limit;
    if (arg_parse("readline", args, nargs, kwnames, names, 1, 0, a) < 0 || io_size_arg(a[0], &limit) < 0)
        return VNULL;
    BytesIOObject *b = bio(self);
    if (check_open(b) < 0) return VNULL;
    return read_n(b, (ssize_t)line_length(b, limit));
}

static Value bytesio_readlines(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"hint", NULL};
    Value a[1];
    ssize_t hint;
    if (arg_parse("readlines", args, nargs, kwnames, names, 1, 0, a) < 0 || io_size_arg(a[0], &hint) < 0)
        return VNULL;
    BytesIOObject *b = bio(self);
    if (check_open(b) < 0) return VNULL;
    Value result = list_new(0);
    if (!result) return VNULL;
    size_t total = 0;
    for (;;) {
        size_t n = line_length(b, -1);
        if (n == 0) break;
        Value line = read_n(b, (ssize_t)n);
        if (!line || list_append(result, line) < 0) return VNULL;
        total += n;
        if (hint > 0 && total >= (size_t)hint) break;
    }
    return result;
}

static Value bytesio_readinto(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("readinto", kw) < 0 || arg_count("readinto", nargs, 1, 1) < 0) return VNULL;
    Buffer view;
    if (io_get_writable(args[0], &view, "readinto") < 0) return VNULL;
    BytesIOObject *b = bio(self);
    if (check_open(b) < 0) {
        buffer_release(&view);
        return VNULL;
    }
    size_t n = remaining(b);
    if (n > (size_t)view.len) n = (size_t)view.len;
    if (n) memcpy(view.buf, b->buf + b->pos, n);
    b->pos += n;
    buffer_release(&view);
    return int_from_i64((int64_t)n);
}

static Value bytesio_getvalue(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("getvalue", nargs, 0, 0) < 0) return VNULL;
    BytesIOObject *b = bio(self);
    if (check_open(b) < 0) return VNULL;
    return bytes_new(b->buf ? b->buf : "", b->size);
}

static Value bytesio_iternext(Value self) {
    BytesIOObject *b = bio(self);
    if (check_open(b) < 0) return VNULL;
    size_t n = line_length(b, -1);
    if (n == 0) return VNULL;
    return read_n(b, (ssize_t)n);
}

static Value bytesio_iter(Value self) { return self; }

/* ---- Writing ---- */

static Value bytesio_write(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("write", kw) < 0 || arg_count("write", nargs, 1, 1) < 0) return VNULL;
    BytesIOObject *b = bio(self);
    if (check_open(b) < 0 || check_exports(b) < 0) return VNULL;
    const char *data;
    size_t n;
    if (!bytes_get_buffer(args[0], &data, &n)) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(args[0]));
        return VNULL;
    }
    if (write_at_pos(b, data, n) < 0) return VNULL;
    return int_from_i64((int64_t)n);
}

static Value bytesio_writelines(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("writelines", kw) < 0 || arg_count("writelines", nargs, 1, 1) < 0) return VNULL;
    if (check_open(bio(self)) < 0 || check_exports(bio(self)) < 0) return VNULL;
    Value it = obj_iter(args[0]);
    if (!it) return VNULL;
    for (;;) {
        Value line = obj_next(it);
        if (!line) return err_occurred() ? VNULL : VNone;
        if (!bytesio_write(self, &line, 1, VNULL)) return VNULL;
    }
}

/* ---- Positioning ---- */

static Value bytesio_seek(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("seek", kw) < 0 || arg_count("seek", nargs, 1, 2) < 0) return VNULL;
    BytesIOObject *b = bio(self);
    ssize_t pos = num_as_ssize(args[0], &exc_OverflowError);
    if (pos == -1 && err_occurred()) return VNULL;
    ssize_t whence = 0;
    if (nargs > 1) {
        whence = num_as_ssize(args[1], &exc_OverflowError);
        if (whence == -1 && err_occurred()) return VNULL;
    }
    if (check_open(b) < 0) return VNULL;
    if (pos < 0 && whence == 0) {
        err_format(&exc_ValueError, "negative seek value %zd", pos);
        return VNULL;
    }
    if (whence == 1) pos += (ssize_t)b->pos;
    else if (whence == 2) pos += (ssize_t)b->size;
    else if (whence != 0) {
        err_format(&exc_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
        return VNULL;
    }
    if (pos < 0) pos = 0;
    b->pos = (size_t)pos;
    return int_from_i64(pos);
}

static Value bytesio_tell(Value self, Value *args, size_t nargs, Value kw) {
    if (check_open(bio(self)) < 0) return VNULL;
    return int_from_i64((int64_t)bio(self)->pos);
}

static Value bytesio_truncate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("truncate", kw) < 0 || arg_count("truncate", nargs, 0, 1) < 0) return VNULL;
    BytesIOObject *b = bio(self);
    if (check_open(b) < 0 || check_exports(b) < 0) return VNULL;
    ssize_t size;
    if (nargs && args[0] != VNone) {
        if (io_size_arg(args[0], &size) < 0) return VNULL;
        if (size < 0) {
            err_format(&exc_ValueError, "negative size value %zd", size);
            return VNULL;
        }
    } else {
        size = (ssize_t)b->pos;
    }
    if ((size_t)size < b->size) b->size = (size_t)size;
    return int_from_i64(size);
}

/* ---- Queries, closing, pickling ---- */

static Value bytesio_true(Value self, Value *args, size_t nargs, Value kw) {
    if (check_open(bio(self)) < 0) return VNULL;
    return VTrue;
}

static Value bytesio_flush(Value self, Value *args, size_t nargs, Value kw) {
    if (check_open(bio(self)) < 0) return VNULL;
    return VNone;
}

static Value bytesio_isatty(Value self, Value *args, size_t nargs, Value kw) {
    if (check_open(bio(self)) < 0) return VNULL;
    return VFalse;
}

static Value bytesio_close(Value self, Value *args, size_t nargs, Value kw) {
    BytesIOObject *b = bio(self);
    if (check_exports(b) < 0) return VNULL;
    b->closed = true;
    free(b->buf);
    b->buf = NULL;
    b->size = b->cap = b->pos = 0;
    return VNone;
}

static Value bytesio_getstate(Value self, Value *args, size_t nargs, Value kw) {
    BytesIOObject *b = bio(self);
    if (check_open(b) < 0) return VNULL;
    Value v = bytes_new(b->buf ? b->buf : "", b->size);
    if (!v) return VNULL;
    AttrHeader *h = inst_attrs_existing(self);
    Value d = VNone;
    if (h && h->map && (h->map->count || h->map->dict_mode)) {
        d = inst_dict(self);
        if (!d) return VNULL;
        if (dict_size(d) == 0) d = VNone;
        else d = dict_copy(d);
    }
    return tuple_pack(3, v, int_from_i64((int64_t)b->pos), d);
}

static Value bytesio_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    Value st = args[0];
    if (!tuple_check(st) || tuple_size(st) < 3) {
        err_format(&exc_TypeError, "%s.__setstate__ argument should be 3-tuple, got %s", val_type(self)->name,
                   type_name(st));
        return VNULL;
    }
    BytesIOObject *b = bio(self);
    if (check_open(b) < 0 || check_exports(b) < 0) return VNULL;
    const char *data;
    size_t n;
    if (!bytes_get_buffer(tuple_get(st, 0), &data, &n)) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(tuple_get(st, 0)));
        return VNULL;
    }
    b->size = b->pos = 0;
    if (write_at_pos(b, data, n) < 0) return VNULL;
    Value pos = tuple_get(st, 1);
    if (!int_check(pos)) {
        err_format(&exc_TypeError, "second item of state must be an integer, not %s", type_name(pos));
        return VNULL;
    }
    ssize_t p = num_as_ssize(pos, &exc_OverflowError);
    if (p == -1 && err_occurred()) return VNULL;
    if (p < 0) {
        err_set(&exc_ValueError, "position value cannot be negative");
        return VNULL;
    }
    b->pos = (size_t)p;
    Value d = tuple_get(st, 2);
    if (d != VNone) {
        if (!dict_check(d)) {
            err_format(&exc_TypeError, "third item of state should be a dict, got a %s", type_name(d));
            return VNULL;
        }
        Value mine = inst_dict(self);
        if (!mine || dict_update(mine, d) < 0) return VNULL;
    }
    return VNone;
}

/* The buffer protocol: views of the contents, which lock them against resizing. */
static int bytesio_getbuffer_slot(Value obj, Buffer *view, int flags) {
    BytesIOObject *b = bio(obj);
    static char empty[1];
    if (buffer_fill_info(view, obj, b->buf ? b->buf : empty, (ssize_t)b->size, false, flags) < 0) return -1;
    b->exports++;
    return 0;
}

static void bytesio_releasebuffer_slot(Value obj, Buffer *view) { bio(obj)->exports--; }

static Value bytesio_getbuffer(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("getbuffer", nargs, 0, 0) < 0) return VNULL;
    if (check_open(bio(self)) < 0) return VNULL;
    return memoryview_from_object(self);
}

static Value bytesio_sizeof(Value self, Value *args, size_t nargs, Value kw) {
    return int_from_i64((int64_t)(sizeof(BytesIOObject) + bio(self)->cap));
}

static Value bytesio_get_closed(Value self) { return val_bool(bio(self)->closed); }

static const MethodDef bytesio_methods[] = {
    {"read", bytesio_read, 0, "Read at most size bytes, returned as a bytes object."},
    {"read1", bytesio_read1, 0, "Read at most size bytes, returned as a bytes object."},
    {"readline", bytesio_readline, 0, "Next line from the file, as a bytes object."},
    {"readlines", bytesio_readlines, 0, "List of bytes objects, each a line from the file."},
    {"readinto", bytesio_readinto, 0, "Read bytes into buffer."},
    {"getvalue", bytesio_getvalue, 0, "Retrieve the entire contents of the BytesIO object."},
    {"getbuffer", bytesio_getbuffer, 0, "Get a read-write view over the contents of the BytesIO object."},
    {"write", bytesio_write, 0, "Write bytes to file."},
    {"writelines", bytesio_writelines, 0, "Write lines to the file."},
    {"seek", bytesio_seek, 0, "Change stream position."},
    {"tell", bytesio_tell, 0, "Current file position, an integer."},
    {"truncate", bytesio_truncate, 0, "Truncate the file to at most size bytes."},
    {"readable", bytesio_true, 0, "Returns True if the IO object can be read."},
    {"writable", bytesio_true, 0, "Returns True if the IO object can be written."},
    {"seekable", bytesio_true, 0, "Returns True if the IO object can be seeked."},
    {"flush", bytesio_flush, 0, "Does nothing."},
    {"isatty", bytesio_isatty, 0, "Always False."},
    {"close", bytesio_close, 0, "Disable all I/O operations."},
    {"__getstate__", bytesio_getstate, 0, NULL},
    {"__setstate__", bytesio_setstate, 0, NULL},
    {"__sizeof__", bytesio_sizeof, 0, NULL},
    {NULL}
};

static const GetSetDef bytesio_getsets[] = {
    {"closed", bytesio_get_closed, NULL, "True if the file is closed."},
    {NULL}
};

Type type_bytesio = {
    .hdr = {0, &type_type},
    .name = "_io.BytesIO",
    .base = &type_bufferediobase,
    .basicsize = sizeof(BytesIOObject),
    .attrs_offset = sizeof(BytesIOObject),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .trace = bytesio_trace,
    .finalize = bytesio_finalize,
    .new = bytesio_new,
    .init = bytesio_init,
    .iter = bytesio_iter,
    .iternext = bytesio_iternext,
    .getbuffer = bytesio_getbuffer_slot,
    .releasebuffer = bytesio_releasebuffer_slot,
    .methods = bytesio_methods,
    .getsets = bytesio_getsets,
    .doc = "Buffered I/O implementation using an in-memory bytes buffer.",
};
