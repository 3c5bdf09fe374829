/* io_base.c - the abstract bases _IOBase, _RawIOBase, _BufferedIOBase and _TextIOBase with their default methods. */
#include "io.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/list.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "../gc/gc.h"

/*
 * These are real types, not just ABCs: FileIO derives from _RawIOBase,
 * BufferedReader from _BufferedIOBase and so on, and Python classes may
 * derive from any of them and get the default methods.  The defaults
 * reach the rest of the object through ordinary method calls
 * (self.readline(), self.closed, self.readinto(b)), so a subclass that
 * overrides one method changes the behaviour of the others, as in CPython.
 *
 * _IOBase keeps its own "closed" state in the instance attribute
 * __IOBase_closed, exactly where CPython keeps it (it shows in __dict__).
 */

/* ---- Shared helpers ---- */

void io_unsupported(const char *msg) {
    Value m = str_from_cstr(msg);
    if (m) err_set_value((Type *)io_unsupported_operation, m);
}

void io_err_closed(void) { err_set(&exc_ValueError, "I/O operation on closed file."); }

int io_check_closed(Value self) {
    Value c = obj_getattr_cstr(self, "closed");
    if (!c) return -1;
    int t = obj_is_true(c);
    if (t < 0) return -1;
    if (t) {
        io_err_closed();
        return -1;
    }
    return 0;
}

int io_iobase_closed(Value self) {
    Value v = obj_getattr_opt(self, str_intern_cstr("__IOBase_closed"));
    if (!v) {
        err_clear();
        return 0;
    }
    return 1;
}

/* self.<method>() must return True, or UnsupportedOperation(msg). */
static int check_true(Value self, const char *method, const char *msg) {
    Value r = obj_call_method(self, method, NULL, 0);
    if (!r) return -1;
    if (r != VTrue) {
        io_unsupported(msg);
        return -1;
    }
    return 0;
}

int io_check_readable(Value self) { return check_true(self, "readable", "File or stream is not readable."); }
int io_check_writable(Value self) { return check_true(self, "writable", "File or stream is not writable."); }
int io_check_seekable(Value self) { return check_true(self, "seekable", "File or stream is not seekable."); }

int io_get_writable(Value v, Buffer *view, const char *fname) {
    if (buffer_check(v) && buffer_get(v, view, BUF_WRITABLE) == 0) return 0;
    err_clear();
    err_format(&exc_TypeError, "%s() argument must be read-write bytes-like object, not %s", fname, type_name(v));
    return -1;
}

int io_size_arg(Value v, ssize_t *out) {
    if (!v || v == VNone) {
        *out = -1;
        return 0;
    }
    if (!int_check(v) && !num_check_index(v)) {
        err_format(&exc_TypeError, "argument should be integer or None, not '%s'", type_name(v));
        return -1;
    }
    ssize_t n = num_as_ssize(v, &exc_OverflowError);
    if (n == -1 && err_occurred()) return -1;
    *out = n;
    return 0;
}

Value io_bytes_shrink(Value b, size_t n) {
    BytesObject *o = (BytesObject *)b;
    if ((size_t)o->size == n) return b;
    /* Shrinking in place wastes the tail of the allocation until the object
     * dies: fine for a short read, not for read(10**6) returning 3 bytes. */
    if (n >= (size_t)o->size / 2 || o->size < 4096) {
        o->size = (ssize_t)n;
        o->data[n] = 0;
        return b;
    }
    return bytes_new(o->data, n);
}

static Value getset_dict(Value self) { return inst_dict(self); }
static int setset_dict(Value self, Value v) {
    if (!v) {
        err_set(&exc_TypeError, "__dict__ may not be deleted");
        return -1;
    }
    return inst_set_dict(self, v);
}

/* ---- _IOBase ---- */

static Value iobase_new(Type *t, Value *args, size_t nargs, Value kwnames) { return type_generic_alloc(t, 0); }

static void iobase_trace(Object *o) { inst_trace_attrs(o); }

static Value iobase_unsupported_m(const char *name) {
    io_unsupported(name);
    return VNULL;
}

static Value iobase_seek(Value self, Value *args, size_t nargs, Value kw) { return iobase_unsupported_m("seek"); }
static Value iobase_truncate(Value self, Value *args, size_t nargs, Value kw) { return iobase_unsupported_m("truncate"); }
static Value iobase_fileno(Value self, Value *args, size_t nargs, Value kw) { return iobase_unsupported_m("fileno"); }

static Value iobase_tell(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("tell", kw) < 0 || arg_count("tell", nargs, 0, 0) < 0) return VNULL;
    Value a[2] = {val_from_int(0), val_from_int(1)};
    return obj_call_method(self, "seek", a, 2);
}

static Value iobase_flush(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("flush", kw) < 0 || arg_count("flush", nargs, 0, 0) < 0) return VNULL;
    if (io_iobase_closed(self)) {
        io_err_closed();
        return VNULL;
    }
    return VNone;
}

Value io_iobase_close(Value self) {
    if (io_iobase_closed(self)) return VNone;
    Value r = obj_call_method(self, "flush", NULL, 0);
    /* The stream counts as closed even when the flush failed. */
    Value exc = r ? VNULL : err_fetch();
    if (obj_setattr_cstr(self, "__IOBase_closed", VTrue) < 0) {
        if (exc) err_restore(exc);
        return VNULL;
    }
    if (exc) {
        err_restore(exc);
        return VNULL;
    }
    return VNone;
}

static Value iobase_close(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("close", kw) < 0 || arg_count("close", nargs, 0, 0) < 0) return VNULL;
    return io_iobase_close(self);
}

/* Called by the collector's __del__ machinery for Python subclasses: close
 * the stream, quietly, as CPython's release build does. */
static Value iobase_del(Value self, Value *args, size_t nargs, Value kw) {
    Value c = obj_getattr_opt(self, str_intern_cstr("closed"));
    if (!c) {
        err_clear();
        return VNone;
    }
    int t = obj_is_true(c);
    if (t != 0) {
        if (t < 0) err_clear();
        return VNone;
    }
    if (obj_setattr_cstr(self, "_finalizing", VTrue) < 0) err_clear();
    if (!obj_call_method(self, "close", NULL, 0)) err_clear();
    return VNone;
}

/* Setting a bool member (`_finalizing`): a bool only, no deleting (CPython's T_BOOL). */
int io_bool_member(Value v, bool *field) {
    if (!v) {
        err_set(&exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    if (v != VTrue && v != VFalse) {
        err_set(&exc_TypeError, "attribute value type must be bool");
        return -1;
    }
    *field = v == VTrue;
    return 0;
}

/* The collector's `del` hook of the builtin file, buffered and text
 * streams (CPython's _PyIOBase_finalize, called from their tp_dealloc): a
 * stream found unreachable while open is closed at the next safe point,
 * flushing what was written, with its `finalizing` flag set so that the
 * file gives its ResourceWarning.  Streams that die together are closed
 * outermost first (the collector's order_dying), so a text stream flushes
 * into its buffer and file before they are closed.  At exit the streams are
 * left to the exit-time flush. */
void io_stream_del(Value self) {
    extern bool sys_finalizing;
    extern void textio_set_finalizing(Value self);
    if (sys_finalizing) return;
    Type *t = val_type(self);
    if (t == &type_fileio) ((FileIOObject *)self)->finalizing = true;
    else if (t == &type_buffered_reader || t == &type_buffered_writer || t == &type_buffered_random)
        ((BufferedObject *)self)->finalizing = true;
    else if (t == &type_textiowrapper) textio_set_finalizing(self);
    iobase_del(self, NULL, 0, VNULL);
}

static Value iobase_false(Value self, Value *args, size_t nargs, Value kw) { return VFalse; }

static Value iobase_check_closed_m(Value self, Value *args, size_t nargs, Value kw) {
    return io_check_closed(self) < 0 ? VNULL : VNone;
}
static Value iobase_check_seekable_m(Value self, Value *args, size_t nargs, Value kw) {
    return io_check_seekable(self) < 0 ? VNULL : VTrue;
}
static Value iobase_check_readable_m(Value self, Value *args, size_t nargs, Value kw) {
    return io_check_readable(self) < 0 ? VNULL : VTrue;
}
static Value iobase_check_writable_m(Value self, Value *args, size_t nargs, Value kw) {
    return io_check_writable(self) < 0 ? VNULL : VTrue;
}

static Value iobase_enter(Value self, Value *args, size_t nargs, Value kw) {
    if (io_check_closed(self) < 0) return VNULL;
    return self;
}

static Value iobase_exit(Value self, Value *args, size_t nargs, Value kw) {
    return obj_call_method(self, "close", NULL, 0);
}

static Value iobase_isatty(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("isatty", kw) < 0 || arg_count("isatty", nargs, 0, 0) < 0) return VNULL;
    if (io_check_closed(self) < 0) return VNULL;
    return VFalse;
}

static Value iobase_get_closed(Value self) { return val_bool(io_iobase_closed(self)); }

/* readline() for any stream with read() (and, to go faster, peek()). */
static Value iobase_readline(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"size", NULL};
    Value a[1];
    ssize_t limit;
    if (arg_parse("readline", args, nargs, kwnames, names, 1, 0, a) < 0 || io_size_arg(a[0], &limit) < 0)
        return VNULL;
    Value peek = obj_getattr_opt(self, str_intern_cstr("peek"));
    if (!peek && err_occurred()) return VNULL;
    ByteBuilder bb;
    bb_init(&bb);
    while (limit < 0 || (ssize_t)bb.size < limit) {
        ssize_t want = 1;
        if (peek) {
            Value one = val_from_int(1);
            Value ahead = obj_call(peek, &one, 1, VNULL);
            if (!ahead) goto fail;
            if (!bytes_check(ahead)) {
                err_format(&exc_OSError, "peek() should have returned a bytes object, not '%s'", type_name(ahead));
                goto fail;
            }
            ssize_t n = bytes_size(ahead);
            if (n > 0) {
                const char *p = bytes_data(ahead);
                ssize_t k = 0;
                while (k < n && (limit < 0 || k < limit - (ssize_t)bb.size))
                    if (p[k++] == '\n') break;
                want = k;
            }
        }
        Value wv = int_from_i64(want);
        Value b = obj_call_method(self, "read", &wv, 1);
        if (!b) goto fail;
        if (b == VNone) break;   /* would block: return what we have */
        if (!bytes_check(b)) {
            err_format(&exc_OSError, "read() should have returned a bytes object, not '%s'", type_name(b));
            goto fail;
        }
        if (bytes_size(b) == 0) break;
        bb_append(&bb, bytes_data(b), (size_t)bytes_size(b));
        if (bb.buf[bb.size - 1] == '\n') break;
    }
    return bb_finish(&bb);
fail:
    bb_discard(&bb);
    return VNULL;
}

static Value iobase_iter(Value self) {
    if (io_check_closed(self) < 0) return VNULL;
    return self;
}

static Value iobase_next(Value self) {
    Value line = obj_call_method(self, "readline", NULL, 0);
    if (!line) return VNULL;
    ssize_t n = obj_len(line);
    if (n < 0) return VNULL;
    return n == 0 ? VNULL : line;
}

static Value iobase_readlines(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"hint", NULL};
    Value a[1];
    ssize_t hint;
    if (arg_parse("readlines", args, nargs, kwnames, names, 1, 0, a) < 0 || io_size_arg(a[0], &hint) < 0)
        return VNULL;
    Value result = list_new(0);
    if (!result) return VNULL;
    Value it = obj_iter(self);
    if (!it) return VNULL;
    ssize_t total = 0;
    for (;;) {
        Value line = obj_next(it);
        if (!line) {
            if (err_occurred()) return VNULL;
            break;
        }
        if (list_append(result, line) < 0) return VNULL;
        if (hint > 0) {
            /* CPython stops once the total exceeds the hint (not when it reaches it). */
            ssize_t n = obj_len(line);
            if (n < 0) return VNULL;
            if (n > hint - total) break;
            total += n;
        }
    }
    return result;
}

static Value iobase_writelines(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("writelines", kw) < 0 || arg_count("writelines", nargs, 1, 1) < 0) return VNULL;
    if (io_check_closed(self) < 0) return VNULL;
    Value it = obj_iter(args[0]);
    if (!it) return VNULL;
    for (;;) {
        Value line = obj_next(it);
        if (!line) return err_occurred() ? VNULL : VNone;
        if (!obj_call_method(self, "write", &line, 1)) return VNULL;
    }
}

static const MethodDef iobase_methods[] = {
    {"seek", iobase_seek, 0, "Change the stream position to the given byte offset."},
    {"tell", iobase_tell, 0, "Return current stream position."},
    {"truncate", iobase_truncate, 0, "Truncate file to size bytes."},
    {"flush", iobase_flush, 0, "Flush write buffers, if applicable."},
    {"close", iobase_close, 0, "Flush and close the IO object."},
    {"seekable", iobase_false, 0, "Return whether object supports random access."},
    {"readable", iobase_false, 0, "Return whether object was opened for reading."},
    {"writable", iobase_false, 0, "Return whether object was opened for writing."},
    {"_checkClosed", iobase_check_closed_m, 0, NULL},
    {"_checkSeekable", iobase_check_seekable_m, 0, NULL},
    {"_checkReadable", iobase_check_readable_m, 0, NULL},
    {"_checkWritable", iobase_check_writable_m, 0, NULL},
    {"fileno", iobase_fileno, 0, "Returns underlying file descriptor if one exists."},
    {"isatty", iobase_isatty, 0, "Return whether this is an 'interactive' stream."},
    {"__enter__", iobase_enter, 0, NULL},
    {"__exit__", iobase_exit, 0, NULL},
    {"__del__", iobase_del, 0, NULL},
    {"readline", iobase_readline, 0, "Read and return a line from the stream."},
    {"readlines", iobase_readlines, 0, "Return a list of lines from the stream."},
    {"writelines", iobase_writelines, 0, "Write a list of lines to stream."},
    {NULL}
};

static const GetSetDef iobase_getsets[] = {
    {"__dict__", getset_dict, setset_dict, NULL},
    {"closed", iobase_get_closed, NULL, NULL},
    {NULL}
};

Type type_iobase = {
    .hdr = {0, &type_type},
    .name = "_io._IOBase",
    .basicsize = sizeof(Object),
    .attrs_offset = sizeof(Object),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .trace = iobase_trace,
    .new = iobase_new,
    .iter = iobase_iter,
    .iternext = iobase_next,
    .methods = iobase_methods,
    .getsets = iobase_getsets,
    .doc = "The abstract base class for all I/O classes.",
};

/* ---- _RawIOBase ---- */

static Value rawiobase_read(Value self, Value *args, size_t nargs, Value kwnames) {
    ssize_t n;
    if (arg_no_kw("read", kwnames) < 0 || arg_count("read", nargs, 0, 1) < 0) return VNULL;
    if (io_size_arg(nargs ? args[0] : VNULL, &n) < 0) return VNULL;
    if (n < 0) return obj_call_method(self, "readall", NULL, 0);
    Value b = bytearray_new(NULL, 0);
    if (!b || bytearray_resize(b, (size_t)n) < 0) return VNULL;
    memset(((ByteArrayObject *)b)->data, 0, (size_t)n);
    Value r = obj_call_method(self, "readinto", &b, 1);
    if (!r) return VNULL;
    if (r == VNone) return VNone;
    ssize_t got = num_as_ssize(r, &exc_OverflowError);
    if (got == -1 && err_occurred()) return VNULL;
    if (got < 0 || got > n) {
        err_format(&exc_ValueError, "readinto returned %zd outside buffer size %zd", got, n);
        return VNULL;
    }
    return bytes_new(((ByteArrayObject *)b)->data, (size_t)got);
}

static Value rawiobase_readall(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("readall", kw) < 0 || arg_count("readall", nargs, 0, 0) < 0) return VNULL;
    ByteBuilder bb;
    bb_init(&bb);
    bool any = false;
    for (;;) {
        Value sz = val_from_int(IO_DEFAULT_BUFFER_SIZE);
        Value data = obj_call_method(self, "read", &sz, 1);
        if (!data) goto fail;
        if (data == VNone) {
            if (!any) {
                bb_discard(&bb);
                return VNone;
            }
            break;
        }
        if (!bytes_check(data)) {
            err_set(&exc_TypeError, "read() should return bytes");
            goto fail;
        }
        if (bytes_size(data) == 0) break;
        any = true;
        bb_append(&bb, bytes_data(data), (size_t)bytes_size(data));
    }
    return bb_finish(&bb);
fail:
    bb_discard(&bb);
    return VNULL;
}

static Value not_implemented(Value self, Value *args, size_t nargs, Value kw) {
    err_set_args(&exc_NotImplementedError, tuple_empty());
    return VNULL;
}

static const MethodDef rawiobase_methods[] = {
    {"read", rawiobase_read, 0, NULL},
    {"readall", rawiobase_readall, 0, "Read until EOF, using multiple read() call."},
    {"readinto", not_implemented, 0, NULL},
    {"write", not_implemented, 0, NULL},
    {NULL}
};

Type type_rawiobase = {
    .hdr = {0, &type_type},
    .name = "_io._RawIOBase",
    .base = &type_iobase,
    .basicsize = sizeof(Object),
    .attrs_offset = sizeof(Object),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .methods = rawiobase_methods,
    .doc = "Base class for raw binary I/O.",
};

/* ---- _BufferedIOBase ---- */

static Value bufbase_read(Value self, Value *args, size_t nargs, Value kw) { return iobase_unsupported_m("read"); }
static Value bufbase_read1(Value self, Value *args, size_t nargs, Value kw) { return iobase_unsupported_m("read1"); }
static Value bufbase_write(Value self, Value *args, size_t nargs, Value kw) { return iobase_unsupported_m("write"); }
static Value bufbase_detach(Value self, Value *args, size_t nargs, Value kw) { return iobase_unsupported_m("detach"); }

/* readinto(b) through read(len(b)) (or read1). */
static Value bufbase_readinto_generic(Value self, Value *args, size_t nargs, Value kw, const char *fname,
                                      const char *method) {
    if (arg_no_kw(fname, kw) < 0 || arg_count(fname, nargs, 1, 1) < 0) return VNULL;
    Buffer view;
    if (io_get_writable(args[0], &view, fname) < 0) return VNULL;
    size_t cap = (size_t)view.len;
    Value n = int_from_i64((int64_t)cap);
    Value data = obj_call_method(self, method, &n, 1);
    Value r = VNULL;
    if (!data) goto done;
    if (!bytes_check(data)) {
        err_set(&exc_TypeError, "read() should return bytes");
        goto done;
    }
    size_t len = (size_t)bytes_size(data);
    if (len > cap) {
        err_format(&exc_ValueError, "read() returned too much data: %zu bytes requested, %zu returned", cap, len);
        goto done;
    }
    memcpy(view.buf, bytes_data(data), len);
    r = int_from_i64((int64_t)len);
done:
    buffer_release(&view);
    return r;
}

static Value bufbase_readinto(Value self, Value *args, size_t nargs, Value kw) {
    return bufbase_readinto_generic(self, args, nargs, kw, "readinto", "read");
}
static Value bufbase_readinto1(Value self, Value *args, size_t nargs, Value kw) {
    return bufbase_readinto_generic(self, args, nargs, kw, "readinto1", "read1");
}

static const MethodDef bufbase_methods[] = {
    {"detach", bufbase_detach, 0, "Disconnect this buffer from its underlying raw stream and return it."},
    {"read", bufbase_read, 0, "Read and return up to n bytes."},
    {"read1", bufbase_read1, 0, "Read and return up to n bytes, with at most one read() call to the underlying raw stream."},
    {"readinto", bufbase_readinto, 0, NULL},
    {"readinto1", bufbase_readinto1, 0, NULL},
    {"write", bufbase_write, 0, "Write the given buffer to the IO stream."},
    {NULL}
};

Type type_bufferediobase = {
    .hdr = {0, &type_type},
    .name = "_io._BufferedIOBase",
    .base = &type_iobase,
    .basicsize = sizeof(Object),
    .attrs_offset = sizeof(Object),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .methods = bufbase_methods,
    .doc = "Base class for buffered IO objects.",
};

/* ---- _TextIOBase ---- */

static Value textbase_read(Value self, Value *args, size_t nargs, Value kw) { return iobase_unsupported_m("read"); }
static Value textbase_readline(Value self, Value *args, size_t nargs, Value kw) { return iobase_unsupported_m("readline"); }
static Value textbase_write(Value self, Value *args, size_t nargs, Value kw) { return iobase_unsupported_m("write"); }
static Value textbase_detach(Value self, Value *args, size_t nargs, Value kw) { return iobase_unsupported_m("detach"); }
static Value textbase_none(Value self) { return VNone; }

static const MethodDef textbase_methods[] = {
    {"detach", textbase_detach, 0, "Separate the underlying buffer from the TextIOBase and return it."},
    {"read", textbase_read, 0, "Read at most n characters from stream."},
    {"readline", textbase_readline, 0, "Read until newline or EOF."},
    {"write", textbase_write, 0, "Write string to stream."},
    {NULL}
};

static const GetSetDef textbase_getsets[] = {
    {"encoding", textbase_none, NULL, "Encoding of the text stream."},
    {"newlines", textbase_none, NULL, "Line endings translated so far."},
    {"errors", textbase_none, NULL, "The error setting of the decoder or encoder."},
    {NULL}
};

Type type_textiobase = {
    .hdr = {0, &type_type},
    .name = "_io._TextIOBase",
    .base = &type_iobase,
    .basicsize = sizeof(Object),
    .attrs_offset = sizeof(Object),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .methods = textbase_methods,
    .getsets = textbase_getsets,
    .doc = "Base class for text I/O.",
};
