/* io_module.c - the _io module: open(), text_encoding(), UnsupportedOperation, the standard streams. */
#include "io.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * The module object is made once, the first time anyone needs it: the
 * builtins module asks for open() at start-up and sys for the standard
 * streams, before any `import _io`.
 */

Value io_unsupported_operation;
int io_stdio_unbuffered = -1;

static Value io_module;

/* ---- The locale, as CPython 3.11 sees it ---- */

/* LC_ALL, else LC_CTYPE, else LANG: the locale name the C library would use. */
static const char *ctype_locale(void) {
    static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
    for (size_t i = 0; i < ARRAY_LEN(vars); i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) return v;
    }
    return "C";
}

/* Set by the command line (src/cli/args.c): -X utf8[=0|1] or PYTHONUTF8
 * when not -E (1 or 0), else -1 (-2: not set by a command line). */
int io_utf8_mode_config = -2;

/* -X warn_default_encoding (PEP 597) and -X dev, set by the command line. */
int io_warn_default_encoding, io_dev_mode;

int io_warn_encoding_not_specified(ssize_t stacklevel) {
    if (!io_warn_default_encoding) return 0;
    extern int warnings_warn(Value category, Value message, ssize_t stacklevel, Value source);
    return warnings_warn(obj_val(&exc_EncodingWarning), str_intern_cstr("'encoding' argument not specified"),
                         stacklevel, VNULL);
}

/* UTF-8 mode (PEP 540): -X utf8, PYTHONUTF8=1, or the plain C/POSIX locale.
 * Decided once, at start-up, as in CPython: a program that later removes
 * LC_ALL from os.environ keeps its mode. */
static bool utf8_mode(void) {
    static int decided = -1;
    if (decided >= 0) return decided;
    if (io_utf8_mode_config >= 0) return (decided = io_utf8_mode_config);
    const char *e = io_utf8_mode_config == -2 ? getenv("PYTHONUTF8") : NULL;
    if (e && *e) return (decided = strcmp(e, "1") == 0);
    const char *l = ctype_locale();
    return (decided = strcmp(l, "C") == 0 || strcmp(l, "POSIX") == 0);
}

bool io_utf8_mode(void) { return utf8_mode(); }

/* The default encoding of text files: "utf-8" in UTF-8 mode, else the locale's, which Taipan takes as UTF-8. */
Value io_default_encoding(void) { return str_intern_cstr(utf8_mode() ? "utf-8" : "UTF-8"); }

/* stdin/stdout use surrogateescape in the C locale, its UTF-8 variants (PEP 538 targets) and UTF-8 mode. */
static const char *stdio_errors(void) {
    const char *l = ctype_locale();
    if (utf8_mode() || strcmp(l, "C.UTF-8") == 0 || strcmp(l, "C.utf8") == 0 || strcmp(l, "UTF-8") == 0)
        return "surrogateescape";
    return "strict";
}

/* ---- open() ---- */

extern Value textio_new_wrapper(Value buffer, Value encoding, Value errors, Value newline, bool line_buffering,
                                bool write_through);

static int opt_str_arg(const char *name, Value v) {
    if (v && v != VNone && !str_check(v)) {
        err_format(&exc_TypeError, "open() argument '%s' must be str or None, not %s", name, type_name(v));
        return -1;
    }
    return 0;
}

/* Close what open() had built before failing, keeping the original error. */
static Value open_fail(Value result) {
    if (result) {
        Value exc = err_fetch();
        if (!obj_call_method(result, "close", NULL, 0)) err_clear();
        err_restore(exc);
    }
    return VNULL;
}

static Value io_open(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd",
                                        "opener", NULL};
    Value a[8];
    if (arg_parse("open", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    Value file = a[0], mode_obj = a[1], encoding = a[3] ? a[3] : VNone, errors = a[4] ? a[4] : VNone,
          newline = a[5] ? a[5] : VNone, opener = a[7] ? a[7] : VNone;
    const char *mode = "r";
    if (mode_obj) {
        if (!str_check(mode_obj)) {
            err_format(&exc_TypeError, "open() argument 'mode' must be str, not %s", type_name(mode_obj));
            return VNULL;
        }
        mode = str_data(mode_obj);
    } else {
        mode_obj = str_intern_cstr("r");
    }
    int64_t buffering = -1;
    if (a[2]) {
        if (val_type(a[2]) == &type_float) {
            err_set(&exc_TypeError, "'float' object cannot be interpreted as an integer");
            return VNULL;
        }
        Value b = num_index(a[2]);
        if (!b) return VNULL;
        if (!int_fits_i64(b) || int_as_i64(b) > INT32_MAX || int_as_i64(b) < INT32_MIN) {
            err_set(&exc_OverflowError, "Python int too large to convert to C int");
            return VNULL;
        }
        buffering = int_as_i64(b);
    }
    if (opt_str_arg("encoding", encoding) < 0 || opt_str_arg("errors", errors) < 0 ||
        opt_str_arg("newline", newline) < 0)
        return VNULL;
    int closefd = 1;
    if (a[6] && (closefd = obj_is_true(a[6])) < 0) return VNULL;

    Value path_or_fd = file;
    if (!int_check(file)) {
        path_or_fd = io_fspath(file);
        if (!path_or_fd) return VNULL;
    }

    bool creating = false, reading = false, writing = false, appending = false, updating = false;
    bool text = false, binary = false;
    size_t mlen = str_size(mode_obj);
    for (size_t i = 0; i < mlen; i++) {
        char c = mode[i];
        if (!strchr("rwxa+tb", c) || c == 0 || memchr(mode + i + 1, c, mlen - i - 1)) {
            err_format(&exc_ValueError, "invalid mode: '%s'", mode);
            return VNULL;
        }
        switch (c) {
        case 'x': creating = true; break;
        case 'r': reading = true; break;
        case 'w': writing = true; break;
        case 'a': appending = true; break;
        case '+': updating = true; break;
        case 't': text = true; break;
        case 'b': binary = true; break;
        }
    }
    char rawmode[6], *m = rawmode;
    if (creating) *m++ = 'x';
    if (reading) *m++ = 'r';
    if (writing) *m++ = 'w';
    if (appending) *m++ = 'a';
    if (updating) *m++ = '+';
    *m = 0;
    if (text && binary) {
        err_set(&exc_ValueError, "can't have text and binary mode at once");
        return VNULL;
    }
    if ((int)creating + reading + writing + appending > 1) {
        err_set(&exc_ValueError, "must have exactly one of create/read/write/append mode");
        return VNULL;
    }
    if (binary && encoding != VNone) {
        err_set(&exc_ValueError, "binary mode doesn't take an encoding argument");
        return VNULL;
    }
    if (binary && errors != VNone) {
        err_set(&exc_ValueError, "binary mode doesn't take an errors argument");
        return VNULL;
    }
    if (binary && newline != VNone) {
        err_set(&exc_ValueError, "binary mode doesn't take a newline argument");
        return VNULL;
    }
    if (binary && buffering == 1 &&
        err_warn(&exc_RuntimeWarning,
                 "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
                 1) < 0)
        return VNULL;

    Value fargs[4] = {path_or_fd, str_from_cstr(rawmode), val_bool(closefd), opener};
    if (!fargs[1]) return VNULL;
    Value raw = obj_call(obj_val(&type_fileio), fargs, 4, VNULL);
    if (!raw) return VNULL;
    Value result = raw;

    bool line_buffering = false;
    if (buffering == 1 || buffering < 0) {
        Value r = obj_call_method(raw, "isatty", NULL, 0);
        if (!r) return open_fail(result);
        int tty = obj_is_true(r);
        if (tty < 0) return open_fail(result);
        if (buffering == 1 || tty) {
            buffering = -1;
            line_buffering = true;
        }
    }
    if (buffering < 0) {
        Value bs = obj_getattr_cstr(raw, "_blksize");
        if (!bs) return open_fail(result);
        buffering = int_as_i64(bs);
        if (buffering == -1 && err_occurred()) return open_fail(result);
    }
    if (buffering < 0) {
        err_set(&exc_ValueError, "invalid buffering size");
        return open_fail(result);
    }
    if (buffering == 0) {
        if (!binary) {
            err_set(&exc_ValueError, "can't have unbuffered text I/O");
            return open_fail(result);
        }
        return result;
    }
    Type *bt = updating ? &type_buffered_random
               : creating || writing || appending ? &type_buffered_writer
               : reading ? &type_buffered_reader : NULL;
    if (!bt) {
        err_format(&exc_ValueError, "unknown mode: '%s'", mode);
        return open_fail(result);
    }
    Value buffer = buffered_new(bt, raw, (ssize_t)buffering);
    if (!buffer) return open_fail(result);
    result = buffer;
    if (binary) return result;
    Value wrapper = textio_new_wrapper(buffer, encoding, errors, newline, line_buffering, false);
    if (!wrapper) return open_fail(result);
    result = wrapper;
    if (obj_setattr_cstr(wrapper, "mode", mode_obj) < 0) return open_fail(result);
    return result;
}

static Value io_open_code(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"path", NULL};
    Value a[1];
    if (arg_parse("open_code", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    if (!str_check(a[0])) {
        err_format(&exc_TypeError, "open_code() argument 'path' must be str, not %s", type_name(a[0]));
        return VNULL;
    }
    Value oargs[2] = {a[0], str_intern_cstr("rb")};
    return io_open(self, oargs, 2, VNULL);
}

static Value io_text_encoding(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"encoding", "stacklevel", NULL};
    Value a[2];
    if (arg_parse("text_encoding", args, nargs, kwnames, names, 1, 1, a) < 0) return VNULL;
    if (a[1] && !int_check(a[1])) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[1]));
        return VNULL;
    }
    if (a[0] != VNone) return a[0];
    if (io_warn_encoding_not_specified(a[1] ? int_as_ssize(a[1]) : 2) < 0) return VNULL;
    return str_intern_cstr(utf8_mode() ? "utf-8" : "locale");
}

static const MethodDef io_functions[] = {
    {"open", io_open, 0, "Open file and return a stream.  Raise OSError upon failure."},
    {"open_code", io_open_code, 0, "Opens the provided file with the intent to import the contents."},
    {"text_encoding", io_text_encoding, 0, "A helper function to choose the text encoding."},
    {NULL}
};

/* ---- The module ---- */

static void at_exit(void) { buffered_flush_all_at_exit(); }

/* UnsupportedOperation derives from OSError and ValueError.  Their C
 * layouts are the same, but the class machinery treats two static bases
 * of equal size as a layout conflict, so the class is made with OSError
 * alone and ValueError joins its bases and MRO afterwards. */
static Value make_unsupported_operation(void) {
    Value ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_intern_cstr("io")) < 0) return VNULL;
    Value bases = tuple_pack(1, obj_val(&exc_OSError));
    if (!bases) return VNULL;
    Value cls = type_new_class(&type_type, str_intern_cstr("UnsupportedOperation"), bases, ns, VNULL);
    if (!cls) return VNULL;
    Type *t = (Type *)cls;
    extern Value type_mro_c3(Type * t, Value bases);
    Value both = tuple_pack(2, obj_val(&exc_OSError), obj_val(&exc_ValueError));
    if (!both) return VNULL;
    Value mro = type_mro_c3(t, both);
    if (!mro) return VNULL;
    GC_WRITE(t, t->bases, both);
    GC_WRITE(t, t->mro, mro);
    if (!exc_ValueError.subclasses) exc_ValueError.subclasses = list_new(0);
    if (!exc_ValueError.subclasses || list_append(exc_ValueError.subclasses, cls) < 0) return VNULL;
    type_modified(t);
    return cls;
}

void io_ready_types(void) {
    static Type *const types[] = {
        &type_iobase, &type_rawiobase, &type_bufferediobase, &type_textiobase, &type_fileio, &type_bytesio,
        &type_stringio, &type_buffered_reader, &type_buffered_writer, &type_buffered_random,
        &type_buffered_rwpair, &type_textiowrapper, &type_nldecoder,
    };
    for (size_t i = 0; i < ARRAY_LEN(types); i++) type_ready(types[i]);
}

Value io_module_init(void) {
    if (io_module) return io_module;
    io_ready_types();
    Value m = module_new_cstr("_io");
    if (!m) return VNULL;
    /* CPython's _io functions report the module "io". */
    Value modname = str_intern_cstr("io");
    for (const MethodDef *d = io_functions; d->name; d++) {
        Value f = builtin_func_new(d, m, modname);
        if (!f || module_add(m, d->name, f) < 0) return VNULL;
    }
    io_unsupported_operation = make_unsupported_operation();
    if (!io_unsupported_operation) return VNULL;
    gc_add_root(&io_unsupported_operation);
    struct {
        const char *name;
        Type *t;
    } types[] = {
        {"_IOBase", &type_iobase},
        {"_RawIOBase", &type_rawiobase},
        {"_BufferedIOBase", &type_bufferediobase},
        {"_TextIOBase", &type_textiobase},
        {"FileIO", &type_fileio},
        {"BytesIO", &type_bytesio},
        {"StringIO", &type_stringio},
        {"BufferedReader", &type_buffered_reader},
        {"BufferedWriter", &type_buffered_writer},
        {"BufferedRandom", &type_buffered_random},
        {"BufferedRWPair", &type_buffered_rwpair},
        {"TextIOWrapper", &type_textiowrapper},
        {"IncrementalNewlineDecoder", &type_nldecoder},
    };
    for (size_t i = 0; i < ARRAY_LEN(types); i++)
        if (module_add(m, types[i].name, obj_val(types[i].t)) < 0) return VNULL;
    if (module_add(m, "DEFAULT_BUFFER_SIZE", val_from_int(IO_DEFAULT_BUFFER_SIZE)) < 0 ||
        module_add(m, "UnsupportedOperation", io_unsupported_operation) < 0 ||
        module_add(m, "BlockingIOError", obj_val(&exc_BlockingIOError)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("The io module provides the Python interfaces to stream handling.")) < 0)
        return VNULL;
    io_module = m;
    gc_add_root(&io_module);
    atexit(at_exit);
    return m;
}

/* builtins.open is io.open. */
Value io_open_builtin(void) {
    Value m = io_module_init();
    return m ? module_get(m, "open") : VNULL;
}

/* ---- The standard streams ---- */

/* sys.stdin, sys.stdout or sys.stderr as CPython's create_stdio() makes
 * them: a TextIOWrapper over a BufferedReader/Writer over FileIO(fd,
 * closefd=False), "\n" newlines, stdout line-buffered on a terminal,
 * stderr always line-buffered with backslashreplace; -u makes stdout
 * and stderr unbuffered (write_through over the FileIO itself).  None
 * if the descriptor is not open. */
Value io_std_stream(int fd, const char *name) {
    if (!io_module_init()) return VNULL;
    struct stat st;
    if (fstat(fd, &st) < 0 && fcntl(fd, F_GETFD) < 0) return VNone;
    bool write = fd != 0;
    int unbuffered = io_stdio_unbuffered;
    if (unbuffered < 0) {
        const char *e = getenv("PYTHONUNBUFFERED");
        unbuffered = e && *e;
    }
    bool buffered = !(unbuffered && write);
    Value raw = fileio_new_fd(fd, write ? "wb" : "rb", false, VNULL);
    if (!raw) return VNULL;
    Value nameobj = str_from_cstr(name);
    if (!nameobj || obj_setattr_cstr(raw, "name", nameobj) < 0) return VNULL;
    Value buf = raw;
    if (buffered) {
        long bs = ((FileIOObject *)raw)->blksize;
        buf = buffered_new(write ? &type_buffered_writer : &type_buffered_reader, raw,
                           bs > 1 ? bs : IO_DEFAULT_BUFFER_SIZE);
        if (!buf) return VNULL;
    }
    bool tty = isatty(fd);
    bool line_buffering = buffered && (tty || fd == 2);
    const char *errors = fd == 2 ? "backslashreplace" : stdio_errors();
    Value stream = textio_new_wrapper(buf, str_intern_cstr("utf-8"), str_from_cstr(errors), str_intern_cstr("\n"),
                                      line_buffering, !buffered);
    if (!stream) return VNULL;
    if (obj_setattr_cstr(stream, "mode", str_intern_cstr(write ? "w" : "r")) < 0) return VNULL;
    return stream;
}
