/* stdio.c - the standard streams until the _io module arrives: buffered UTF-8 text on a file descriptor. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

/*
 * sys.stdin, sys.stdout and sys.stderr are TextStream objects: enough of
 * io.TextIOWrapper (write, flush, readline, read, fileno, isatty) for
 * programs and tracebacks.  stdout is block-buffered unless it is a
 * terminal; stderr is line-buffered, as CPython's are.  The full _io module
 * replaces this with the same observable behaviour.
 */
typedef struct TextStream {
    Object hdr;
    int fd;
    bool readable, writable, line_buffering, closed;
    char *buf;          /* output buffer (malloc'd, no Values) */
    size_t len, cap;
    char *rbuf;         /* input buffer */
    size_t rpos, rlen, rcap;
    bool eof;
    Value name;
    Value errors;
} TextStream;

Type type_textstream;

static void ts_trace(Object *o) {
    TextStream *s = (TextStream *)o;
    gc_mark(s->name);
    gc_mark(s->errors);
}

static void ts_finalize(Object *o) {
    TextStream *s = (TextStream *)o;
    free(s->buf);
    free(s->rbuf);
}

static int write_all(int fd, const char *p, size_t n) {
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            err_from_errno(&exc_OSError);
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int ts_flush_buf(TextStream *s) {
    if (!s->len) return 0;
    size_t n = s->len;
    s->len = 0;
    return write_all(s->fd, s->buf, n);
}

Value textstream_new(int fd, const char *name, bool readable, bool writable, bool line_buffering, const char *errors) {
    TextStream *s = gc_alloc(&type_textstream, sizeof(TextStream));
    if (!s) return VNULL;
    s->fd = fd;
    s->readable = readable;
    s->writable = writable;
    s->line_buffering = line_buffering || isatty(fd);
    s->name = str_from_cstr(name);
    s->errors = str_from_cstr(errors);
    return obj_val(s);
}

static int check_open(TextStream *s) {
    if (s->closed) {
        err_set(&exc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

int textstream_write(Value self, const char *p, size_t n) {
    TextStream *s = (TextStream *)self;
    if (check_open(s) < 0) return -1;
    if (!s->writable) {
        err_set(&exc_OSError, "not writable");
        return -1;
    }
    if (s->len + n > s->cap) {
        if (ts_flush_buf(s) < 0) return -1;
        if (n >= 8192) return write_all(s->fd, p, n);
        if (!s->buf) {
            s->buf = malloc(8192);
            if (!s->buf) {
                err_no_memory();
                return -1;
            }
            s->cap = 8192;
        }
    }
    memcpy(s->buf + s->len, p, n);
    s->len += n;
    if (s->line_buffering && memchr(p, '\n', n)) return ts_flush_buf(s);
    return 0;
}

static Value ts_write(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("write", nargs, 1, 1) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "write() argument must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    if (textstream_write(self, str_data(args[0]), str_size(args[0])) < 0) return VNULL;
    return int_from_i64((int64_t)str_len(args[0]));
}

static Value ts_flush(Value self, Value *args, size_t nargs, Value kw) {
    TextStream *s = (TextStream *)self;
    if (check_open(s) < 0) return VNULL;
    if (ts_flush_buf(s) < 0) return VNULL;
    return VNone;
}

void textstream_flush_quiet(Value self) {
    if (!self || val_type(self) != &type_textstream) return;
    TextStream *s = (TextStream *)self;
    if (!s->closed && ts_flush_buf(s) < 0) err_clear();
}

/* Fill the read buffer; 0 at end of file. */
static ssize_t ts_fill(TextStream *s) {
    if (s->rpos > 0 && s->rpos == s->rlen) s->rpos = s->rlen = 0;
    if (s->rlen == s->rcap) {
        size_t cap = s->rcap ? s->rcap * 2 : 8192;
        char *nb = realloc(s->rbuf, cap);
        if (!nb) {
            err_no_memory();
            return -1;
        }
        s->rbuf = nb;
        s->rcap = cap;
    }
    for (;;) {
        ssize_t r = read(s->fd, s->rbuf + s->rlen, s->rcap - s->rlen);
        if (r < 0) {
            if (errno == EINTR) continue;
            err_from_errno(&exc_OSError);
            return -1;
        }
        s->rlen += (size_t)r;
        return r;
    }
}

static Value ts_readline(Value self, Value *args, size_t nargs, Value kw) {
    TextStream *s = (TextStream *)self;
    if (check_open(s) < 0) return VNULL;
    if (!s->readable) {
        err_set(&exc_OSError, "not readable");
        return VNULL;
    }
    /* Output is flushed before blocking on input, as for an interactive prompt. */
    for (;;) {
        char *nl = s->rlen > s->rpos ? memchr(s->rbuf + s->rpos, '\n', s->rlen - s->rpos) : NULL;
        if (nl || s->eof) {
            size_t end = nl ? (size_t)(nl - s->rbuf) + 1 : s->rlen;
            Value r = str_decode_utf8(s->rbuf + s->rpos, end - s->rpos, "strict");
            s->rpos = end;
            return r;
        }
        ssize_t n = ts_fill(s);
        if (n < 0) return VNULL;
        if (n == 0) s->eof = true;
    }
}

static Value ts_read(Value self, Value *args, size_t nargs, Value kw) {
    TextStream *s = (TextStream *)self;
    if (check_open(s) < 0) return VNULL;
    if (!s->readable) {
        err_set(&exc_OSError, "not readable");
        return VNULL;
    }
    while (!s->eof) {
        ssize_t n = ts_fill(s);
        if (n < 0) return VNULL;
        if (n == 0) s->eof = true;
    }
    Value r = str_decode_utf8(s->rbuf + s->rpos, s->rlen - s->rpos, "strict");
    s->rpos = s->rlen;
    return r;
}

static Value ts_fileno(Value self, Value *args, size_t nargs, Value kw) { return int_from_i64(((TextStream *)self)->fd); }
static Value ts_isatty(Value self, Value *args, size_t nargs, Value kw) { return val_bool(isatty(((TextStream *)self)->fd)); }
static Value ts_readable(Value self, Value *args, size_t nargs, Value kw) { return val_bool(((TextStream *)self)->readable); }
static Value ts_writable(Value self, Value *args, size_t nargs, Value kw) { return val_bool(((TextStream *)self)->writable); }
static Value ts_close(Value self, Value *args, size_t nargs, Value kw) {
    TextStream *s = (TextStream *)self;
    if (!s->closed) {
        if (ts_flush_buf(s) < 0) return VNULL;
        s->closed = true;
    }
    return VNone;
}
static Value ts_iter(Value self) { return self; }
static Value ts_next(Value self) {
    Value l = ts_readline(self, NULL, 0, VNULL);
    if (!l || str_size(l) == 0) return VNULL;
    return l;
}
static Value ts_get_name(Value self) { return ((TextStream *)self)->name; }
static Value ts_get_encoding(Value self) { return str_intern_cstr("utf-8"); }
static Value ts_get_errors(Value self) { return ((TextStream *)self)->errors; }
static Value ts_get_closed(Value self) { return val_bool(((TextStream *)self)->closed); }
static Value ts_get_line_buffering(Value self) { return val_bool(((TextStream *)self)->line_buffering); }
static Value ts_repr(Value self) {
    return str_printf("<_io.TextIOWrapper name=%R mode='%s' encoding='utf-8'>", ((TextStream *)self)->name,
                      ((TextStream *)self)->readable ? "r" : "w");
}

static const MethodDef ts_methods[] = {
    {"write", ts_write, 0, NULL},
    {"flush", ts_flush, 0, NULL},
    {"readline", ts_readline, 0, NULL},
    {"read", ts_read, 0, NULL},
    {"fileno", ts_fileno, 0, NULL},
    {"isatty", ts_isatty, 0, NULL},
    {"readable", ts_readable, 0, NULL},
    {"writable", ts_writable, 0, NULL},
    {"close", ts_close, 0, NULL},
    {NULL}
};
static const GetSetDef ts_getsets[] = {
    {"name", ts_get_name, NULL, NULL},
    {"encoding", ts_get_encoding, NULL, NULL},
    {"errors", ts_get_errors, NULL, NULL},
    {"closed", ts_get_closed, NULL, NULL},
    {"line_buffering", ts_get_line_buffering, NULL, NULL},
    {NULL}
};

Type type_textstream = {
    .hdr = {0, &type_type},
    .name = "_io.TextIOWrapper",
    .basicsize = sizeof(TextStream),
    .trace = ts_trace,
    .finalize = ts_finalize,
    .repr = ts_repr,
    .iter = ts_iter,
    .iternext = ts_next,
    .methods = ts_methods,
    .getsets = ts_getsets,
};
