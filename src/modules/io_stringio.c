/* io_stringio.c - _io.StringIO: a text stream in memory, with CPython's newline handling. */
#include "io.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/list.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <stdlib.h>

/*
 * The text is kept as UTF-8 (Taipan's str representation), so getvalue()
 * is one copy and appending is a memcpy.  Positions are code point
 * indices; `bpos` caches the byte offset of the position so that reading
 * and writing forward never rescans.  While the text is ASCII (len ==
 * size) the two coincide and nothing is scanned at all.
 *
 * Newlines (CPython's rules): with newline=None, "\r\n" and "\r" become
 * "\n" as they are written; with newline="" nothing is translated but
 * lines end at any of the three; with "\r" or "\r\n", each "\n" written
 * becomes that string and lines end only at it.
 */

typedef struct StringIOObject {
    Object hdr;
    char *buf;               /* malloc'd UTF-8 */
    size_t size, cap;        /* bytes */
    size_t len;              /* code points */
    size_t pos;              /* code point position; may be past the end */
    size_t bpos;             /* byte offset of min(pos, len) */
    bool ok, closed;
    bool newline_none;       /* newline=None was given */
    bool readuniversal, readtranslate, has_decoder, pendingcr;
    int seennl;
    char readnl[3], writenl[3];
} StringIOObject;

static inline StringIOObject *sio(Value v) { return (StringIOObject *)v; }

static int check_ready(StringIOObject *s) {
    if (!s->ok) {
        err_set(&exc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (s->closed) {
        err_set(&exc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

/* Byte offset of code point i (clamped to the end), walking from the cached position when that helps. */
static size_t offset_of(StringIOObject *s, size_t i) {
    if (i >= s->len) return s->size;
    if (s->len == s->size) return i;
    size_t cp = 0, off = 0;
    size_t cur = s->pos < s->len ? s->pos : s->len;
    if (i >= cur) {
        cp = cur;
        off = s->bpos;
    }
    const unsigned char *p = (const unsigned char *)s->buf;
    while (cp < i) {
        off++;
        while (off < s->size && (p[off] & 0xC0) == 0x80) off++;
        cp++;
    }
    return off;
}

/* Code points in buf[from, to). */
static size_t count_cps(StringIOObject *s, size_t from, size_t to) {
    if (s->len == s->size) return to - from;
    return utf8_count(s->buf + from, to - from);
}

static int reserve(StringIOObject *s, size_t need) {
    if (need <= s->cap) return 0;
    size_t cap = s->cap ? s->cap : 64;
    while (cap < need) cap = cap + (cap >> 1) + 64;
    char *nb = realloc(s->buf, cap);
    if (!nb) {
        err_no_memory();
        return -1;
    }
    s->buf = nb;
    s->cap = cap;
    return 0;
}

static void set_pos(StringIOObject *s, size_t pos) {
    s->bpos = offset_of(s, pos);
    s->pos = pos;
}

/* Overwrite/extend the text at the position with t (already translated). */
static int write_text(StringIOObject *s, Value t) {
    size_t tsize = str_size(t), tlen = str_len(t);
    if (tlen == 0) return 0;
    if (s->pos > s->len) {
        /* Writing past the end fills the gap with NULs. */
        size_t gap = s->pos - s->len;
        if (reserve(s, s->size + gap) < 0) return -1;
        memset(s->buf + s->size, 0, gap);
        s->size += gap;
        s->len += gap;
        s->bpos = s->size;
    }
    size_t end_cp = s->pos + tlen < s->len ? s->pos + tlen : s->len;
    size_t bstart = s->bpos, bend = offset_of(s, end_cp);
    size_t newsize = s->size - (bend - bstart) + tsize;
    if (reserve(s, newsize) < 0) return -1;
    memmove(s->buf + bstart + tsize, s->buf + bend, s->size - bend);
    memcpy(s->buf + bstart, str_data(t), tsize);
    s->size = newsize;
    s->len = s->len - (end_cp - s->pos) + tlen;
    s->pos += tlen;
    s->bpos = bstart + tsize;
    return 0;
}

static Value translate_for_write(StringIOObject *s, Value text) {
    if (s->has_decoder) {
        text = io_nl_decode(text, s->readtranslate, true, &s->pendingcr, &s->seennl);
        if (!text) return VNULL;
    }
    if (s->writenl[0]) text = io_nl_encode(text, s->writenl);
    return text;
}

/* ---- Construction ---- */

static Value stringio_new(Type *t, Value *args, size_t nargs, Value kwnames) { return type_generic_alloc(t, 0); }

static void stringio_trace(Object *o) { inst_trace_attrs(o); }

static void stringio_finalize(Object *o) {
    StringIOObject *s = (StringIOObject *)o;
    free(s->buf);
    s->buf = NULL;
}

static int configure(StringIOObject *s, Value newline) {
    s->newline_none = newline == VNone;
    const char *nl = newline == VNone ? NULL : str_data(newline);
    s->readnl[0] = s->writenl[0] = 0;
    if (nl) strcpy(s->readnl, nl);
    s->readuniversal = !nl || !nl[0];
    s->readtranslate = !nl;
    /* "\n" and None need no translation on output; "" translates nothing. */
    if (nl && nl[0] == '\r') strcpy(s->writenl, nl);
    s->has_decoder = s->readuniversal;
    s->pendingcr = false;
    s->seennl = 0;
    return 0;
}

static int stringio_init(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"initial_value", "newline", NULL};
    Value a[2];
    if (arg_parse("StringIO", args, nargs, kwnames, names, 0, 0, a) < 0) return -1;
    StringIOObject *s = sio(self);
    Value init = a[0] ? a[0] : VNone, newline = a[1] ? a[1] : str_intern_cstr("\n");
    if (newline != VNone && !str_check(newline)) {
        err_format(&exc_TypeError, "newline must be str or None, not %s", type_name(newline));
        return -1;
    }
    if (io_check_newline(newline, NULL) < 0) return -1;
    if (init != VNone && !str_check(init)) {
        err_format(&exc_TypeError, "initial_value must be str or None, not %s", type_name(init));
        return -1;
    }
    s->ok = false;
    configure(s, newline);
    s->size = s->len = s->pos = s->bpos = 0;
    s->closed = false;
    if (init != VNone && str_len(init) > 0) {
        Value t = translate_for_write(s, init);
        if (!t || write_text(s, t) < 0) return -1;
        set_pos(s, 0);
    }
    s->ok = true;
    return 0;
}

/* ---- Reading ---- */

static Value read_chars(StringIOObject *s, ssize_t n) {
    if (s->pos >= s->len) return str_empty();
    size_t end_cp = n < 0 || s->pos + (size_t)n > s->len ? s->len : s->pos + (size_t)n;
    size_t bend = offset_of(s, end_cp);
    Value r = str_new_len(s->buf + s->bpos, bend - s->bpos, end_cp - s->pos);
    if (!r) return VNULL;
    s->pos = end_cp;
    s->bpos = bend;
    return r;
}

static Value stringio_read(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("read", kw) < 0 || arg_count("read", nargs, 0, 1) < 0) return VNULL;
    ssize_t n;
    if (check_ready(sio(self)) < 0 || io_size_arg(nargs ? args[0] : VNULL, &n) < 0) return VNULL;
    return read_chars(sio(self), n);
}

static Value readline_impl(StringIOObject *s, ssize_t limit) {
    if (s->pos >= s->len) return str_empty();
    size_t start = s->bpos, stop = s->size;
    if (limit >= 0) stop = offset_of(s, s->pos + (size_t)limit);
    ssize_t end = io_find_line_end(s->buf + start, stop - start, s->readtranslate, s->readuniversal, s->readnl,
                                   NULL);
    size_t bend = end < 0 ? stop : start + (size_t)end;
    size_t n = count_cps(s, start, bend);
    Value r = str_new_len(s->buf + start, bend - start, n);
    if (!r) return VNULL;
    s->pos += n;
    s->bpos = bend;
    return r;
}

static Value stringio_readline(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"size", NULL};
    Value a[1];
    ssize_t limit;
    if (arg_parse("readline", args, nargs, kwnames, names, 1, 0, a) < 0) return VNULL;
    if (check_ready(sio(self)) < 0 || io_size_arg(a[0], &limit) < 0) return VNULL;
    return readline_impl(sio(self), limit);
}

static Value stringio_iternext(Value self) {
    StringIOObject *s = sio(self);
    if (check_ready(s) < 0) return VNULL;
    Value line;
    if (val_type(self) == &type_stringio) {
        line = readline_impl(s, -1);
    } else {
        line = obj_call_method(self, "readline", NULL, 0);
        if (line && !str_check(line)) {
            err_format(&exc_OSError, "readline() should have returned a str object, not '%s'", type_name(line));
            return VNULL;
        }
    }
    if (!line || str_len(line) == 0) return VNULL;
    return line;
}

static Value stringio_getvalue(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("getvalue", nargs, 0, 0) < 0) return VNULL;
    StringIOObject *s = sio(self);
    if (check_ready(s) < 0) return VNULL;
    return s->size ? str_new_len(s->buf, s->size, s->len) : str_empty();
}

/* ---- Writing ---- */

static Value stringio_write(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("write", kw) < 0 || arg_count("write", nargs, 1, 1) < 0) return VNULL;
    StringIOObject *s = sio(self);
    if (check_ready(s) < 0) return VNULL;
    Value text = args[0];
    if (!str_check(text)) {
        err_format(&exc_TypeError, "string argument expected, got '%s'", type_name(text));
        return VNULL;
    }
    size_t n = str_len(text);
    if (n == 0) return val_from_int(0);
    Value t = translate_for_write(s, text);
    if (!t || write_text(s, t) < 0) return VNULL;
    return int_from_i64((int64_t)n);
}

/* ---- Positioning ---- */

static Value stringio_seek(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("seek", kw) < 0 || arg_count("seek", nargs, 1, 2) < 0) return VNULL;
    StringIOObject *s = sio(self);
    ssize_t pos = num_as_ssize(args[0], &exc_OverflowError);
    if (pos == -1 && err_occurred()) return VNULL;
    int64_t whence = 0;
    if (nargs > 1) {
        if (!int_check(args[1])) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
            return VNULL;
        }
        whence = int_as_i64(args[1]);
        if (whence == -1 && err_occurred()) return VNULL;
    }
    if (check_ready(s) < 0) return VNULL;
    if (whence != 0 && whence != 1 && whence != 2) {
        err_format(&exc_ValueError, "Invalid whence (%d, should be 0, 1 or 2)", (int)whence);
        return VNULL;
    }
    if (pos < 0 && whence == 0) {
        err_format(&exc_ValueError, "Negative seek position %zd", pos);
        return VNULL;
    }
    if (whence != 0 && pos != 0) {
        err_set(&exc_OSError, "Can't do nonzero cur-relative seeks");
        return VNULL;
    }
    if (whence == 1) pos = (ssize_t)s->pos;
    else if (whence == 2) pos = (ssize_t)s->len;
    set_pos(s, (size_t)pos);
    return int_from_i64(pos);
}

static Value stringio_tell(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("tell", nargs, 0, 0) < 0 || check_ready(sio(self)) < 0) return VNULL;
    return int_from_i64((int64_t)sio(self)->pos);
}

static Value stringio_truncate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("truncate", kw) < 0 || arg_count("truncate", nargs, 0, 1) < 0) return VNULL;
    StringIOObject *s = sio(self);
    if (check_ready(s) < 0) return VNULL;
    ssize_t size;
    if (nargs && args[0] != VNone) {
        if (io_size_arg(args[0], &size) < 0) return VNULL;
        if (size < 0) {
            err_format(&exc_ValueError, "Negative size value %zd", size);
            return VNULL;
        }
    } else {
        size = (ssize_t)s->pos;
    }
    if ((size_t)size < s->len) {
        size_t b = offset_of(s, (size_t)size);
        s->size = b;
        s->len = (size_t)size;
        if (s->bpos > b) s->bpos = b;
    }
    return int_from_i64(size);
}

/* ---- Queries, closing, pickling ---- */

static Value stringio_true(Value self, Value *args, size_t nargs, Value kw) {
    if (check_ready(sio(self)) < 0) return VNULL;
    return VTrue;
}

static Value stringio_close(Value self, Value *args, size_t nargs, Value kw) {
    StringIOObject *s = sio(self);
    s->closed = true;
    free(s->buf);
    s->buf = NULL;
    s->size = s->cap = s->len = s->pos = s->bpos = 0;
    return VNone;
}

static Value stringio_getstate(Value self, Value *args, size_t nargs, Value kw) {
    StringIOObject *s = sio(self);
    Value v = stringio_getvalue(self, NULL, 0, VNULL);
    if (!v) return VNULL;
    Value nl = s->newline_none ? VNone : str_from_cstr(s->readnl);
    Value d = VNone;
    AttrHeader *h = inst_attrs_existing(self);
    if (h && h->map && (h->map->count || h->map->dict_mode)) {
        Value cur = inst_dict(self);
        if (!cur) return VNULL;
        if (dict_size(cur) > 0) d = dict_copy(cur);
    }
    return tuple_pack(4, v, nl, int_from_i64((int64_t)s->pos), d);
}

static Value stringio_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    Value st = args[0];
    StringIOObject *s = sio(self);
    if (!tuple_check(st) || tuple_size(st) < 4) {
        err_format(&exc_TypeError, "%s.__setstate__ argument should be 4-tuple, got %s", val_type(self)->name,
                   type_name(st));
        return VNULL;
    }
    /* Unpickling calls this on a fresh object: only a closed one is refused. */
    if (s->closed) {
        err_set(&exc_ValueError, "I/O operation on closed file");
        return VNULL;
    }
    Value a[2] = {VNone, tuple_get(st, 1)};
    if (stringio_init(self, a, 2, VNULL) < 0) return VNULL;
    /* The saved value is stored as it is: it was translated when first written. */
    Value v = tuple_get(st, 0);
    if (!str_check(v)) {
        err_set(&exc_TypeError, "initial_value must be str");
        return VNULL;
    }
    if (write_text(s, v) < 0) return VNULL;
    Value pos = tuple_get(st, 2);
    if (!int_check(pos)) {
        err_format(&exc_TypeError, "third item of state must be an integer, got %s", type_name(pos));
        return VNULL;
    }
    ssize_t p = num_as_ssize(pos, &exc_OverflowError);
    if (p == -1 && err_occurred()) return VNULL;
    if (p < 0) {
        err_set(&exc_ValueError, "position value cannot be negative");
        return VNULL;
    }
    set_pos(s, (size_t)p);
    Value d = tuple_get(st, 3);
    if (d != VNone) {
        if (!dict_check(d)) {
            err_format(&exc_TypeError, "fourth item of state should be a dict, got a %s", type_name(d));
            return VNULL;
        }
        Value mine = inst_dict(self);
        if (!mine || dict_update(mine, d) < 0) return VNULL;
    }
    return VNone;
}

static Value stringio_get_closed(Value self) {
    if (!sio(self)->ok) {
        err_set(&exc_ValueError, "I/O operation on uninitialized object");
        return VNULL;
    }
    return val_bool(sio(self)->closed);
}

static Value stringio_get_line_buffering(Value self) { return check_ready(sio(self)) < 0 ? VNULL : VFalse; }

static Value stringio_get_newlines(Value self) {
    StringIOObject *s = sio(self);
    if (check_ready(s) < 0) return VNULL;
    return s->has_decoder ? io_newlines_value(s->seennl) : VNone;
}

static const MethodDef stringio_methods[] = {
    {"close", stringio_close, 0, "Close the IO object."},
    {"getvalue", stringio_getvalue, 0, "Retrieve the entire contents of the object."},
    {"read", stringio_read, 0, "Read at most size characters, returned as a string."},
    {"readline", stringio_readline, 0, "Read until newline or EOF."},
    {"tell", stringio_tell, 0, "Tell the current file position."},
    {"truncate", stringio_truncate, 0, "Truncate size to pos."},
    {"seek", stringio_seek, 0, "Change stream position."},
    {"write", stringio_write, 0, "Write string to file."},
    {"seekable", stringio_true, 0, "Returns True if the IO object can be seeked."},
    {"readable", stringio_true, 0, "Returns True if the IO object can be read."},
    {"writable", stringio_true, 0, "Returns True if the IO object can be written."},
    {"__getstate__", stringio_getstate, 0, NULL},
    {"__setstate__", stringio_setstate, 0, NULL},
    {NULL}
};

static const GetSetDef stringio_getsets[] = {
    {"closed", stringio_get_closed, NULL, NULL},
    {"newlines", stringio_get_newlines, NULL, NULL},
    {"line_buffering", stringio_get_line_buffering, NULL, NULL},
    {NULL}
};

Type type_stringio = {
    .hdr = {0, &type_type},
    .name = "_io.StringIO",
    .base = &type_textiobase,
    .basicsize = sizeof(StringIOObject),
    .attrs_offset = sizeof(StringIOObject),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .trace = stringio_trace,
    .finalize = stringio_finalize,
    .new = stringio_new,
    .init = stringio_init,
    .iternext = stringio_iternext,
    .methods = stringio_methods,
    .getsets = stringio_getsets,
    .doc = "Text I/O implementation using an in-memory buffer.",
};
