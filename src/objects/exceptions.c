/* exceptions.c - the builtin exception types: construction, str/repr, the attributes each kind carries. */
#include "exceptions.h"
#include "type.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "func.h"
#include "instance.h"
#include "bytes.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/frame.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * Every exception instance is an ExceptionObject (args, traceback,
 * chaining) followed by hidden-class attribute slots.  Attributes that
 * particular exceptions carry (StopIteration.value, OSError.errno,
 * SyntaxError.lineno ...) are ordinary attributes set by __new__/__init__,
 * so user subclasses can read and overwrite them like any attribute.
 */

#define exc_object type_object
#define EXC(N, B, D)                                                           \
    Type exc_##N = {                                                           \
        .hdr = {0, &type_type},                                                \
        .name = #N,                                                            \
        .base = &exc_##B,                                                      \
        .basicsize = sizeof(ExceptionObject) + sizeof(AttrHeader),            \
        .flags = TF_BASETYPE | TF_EXC_SUBCLASS,                                \
        .doc = D,                                                              \
    };
#include "exceptions.def"
#undef EXC
#undef exc_object

static void exc_trace(Object *o) {
    ExceptionObject *e = (ExceptionObject *)o;
    gc_mark(e->args);
    gc_mark(e->traceback);
    gc_mark(e->context);
    gc_mark(e->cause);
    gc_mark(e->notes);
    inst_trace_attrs(o);
}

/* The fields CPython keeps in the exception struct (ImportError.name,
 * StopIteration.value...) are stored directly, as CPython's __init__ does:
 * a subclass's property or __setattr__ of the same name is not called. */
static int set_attr(Value e, const char *name, Value v) { return inst_set(e, str_intern_cstr(name), v) < 0 ? -1 : 0; }

static Value attr_or_none(Value e, const char *name) {
    Value v = inst_get(e, str_intern_cstr(name));
    return v ? v : VNone;
}

static Value args_tuple(Value *args, size_t nargs) { return tuple_from_array(args, nargs); }

static Value exc_alloc(Type *t, Value args) {
    Value v = type_generic_alloc(t, 0);
    if (!v) return VNULL;
    ExceptionObject *e = (ExceptionObject *)v;
    e->args = args ? args : tuple_empty();
    return v;
}

/* An exception as t(*args) would make it, for C code: the kind-specific
 * attributes (StopIteration.value, SystemExit.code ...) are set too. */
Value exc_new(Type *t, Value args) {
    Value v = exc_alloc(t, args);
    if (!v) return VNULL;
    if (t->init && t->init != exc_BaseException.init) {
        Value a = ((ExceptionObject *)v)->args;
        if (t->init(v, tuple_items(a), (size_t)tuple_size(a), VNULL) < 0) return VNULL;
    }
    return v;
}

static Value base_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    Value a = args_tuple(args, nargs);
    if (!a) return VNULL;
    return exc_alloc(t, a);
}

static int base_init(Value self, Value *args, size_t nargs, Value kwnames) {
    if (kwnames && tuple_size(kwnames)) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", type_name(self));
        return -1;
    }
    Value a = args_tuple(args, nargs);
    if (!a) return -1;
    GC_WRITE(self, ((ExceptionObject *)self)->args, a);
    return 0;
}

static Value base_str(Value self) {
    Value a = ((ExceptionObject *)self)->args;
    switch (tuple_size(a)) {
    case 0: return str_empty();
    case 1: return obj_str(tuple_get(a, 0));
    default: return obj_str(a);
    }
}

static Value base_repr(Value self) {
    Value a = ((ExceptionObject *)self)->args;
    const char *name = val_type(self)->name;
    const char *dot = strrchr(name, '.');
    if (dot) name = dot + 1;
    if (tuple_size(a) == 1) {
        Value r = obj_repr(tuple_get(a, 0));
        return r ? str_printf("%s(%U)", name, r) : VNULL;
    }
    Value r = obj_repr(a);
    if (!r) return VNULL;
    if (tuple_size(a) == 0) return str_printf("%s()", name);
    return str_printf("%s%U", name, r);
}

static Value exc_get_args(Value self) { return ((ExceptionObject *)self)->args; }
static int exc_set_args(Value self, Value v) {
    if (!v) {
        err_set(&exc_TypeError, "args may not be deleted");
        return -1;
    }
    Value t = tuple_from_iterable(v);
    if (!t) return -1;
    GC_WRITE(self, ((ExceptionObject *)self)->args, t);
    return 0;
}
static Value exc_get_tb(Value self) {
    Value t = ((ExceptionObject *)self)->traceback;
    return t ? t : VNone;
}
static int exc_set_tb(Value self, Value v) {
    extern Type type_traceback;
    if (!v) {
        err_set(&exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v != VNone && val_type(v) != &type_traceback) {
        err_set(&exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    GC_WRITE(self, ((ExceptionObject *)self)->traceback, v == VNone ? VNULL : v);
    return 0;
}
static Value exc_get_context(Value self) {
    Value c = ((ExceptionObject *)self)->context;
    return c ? c : VNone;
}
static int exc_set_context(Value self, Value v) {
    if (!v) {
        err_set(&exc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (v != VNone && !exc_check(v)) {
        err_set(&exc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    GC_WRITE(self, ((ExceptionObject *)self)->context, v == VNone ? VNULL : v);
    return 0;
}
static Value exc_get_cause(Value self) {
    Value c = ((ExceptionObject *)self)->cause;
    return c ? c : VNone;
}
static int exc_set_cause(Value self, Value v) {
    if (!v) {
        err_set(&exc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (v != VNone && !exc_check(v)) {
        err_set(&exc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    ExceptionObject *e = (ExceptionObject *)self;
    GC_WRITE(self, e->cause, v == VNone ? VNULL : v);
    e->suppress_context = true;
    return 0;
}
static Value exc_get_suppress(Value self) { return val_bool(((ExceptionObject *)self)->suppress_context); }
static int exc_set_suppress(Value self, Value v) {
    int t = v ? obj_is_true(v) : 0;
    if (t < 0) return -1;
    ((ExceptionObject *)self)->suppress_context = t;
    return 0;
}
static Value exc_get_dict(Value self) { return inst_dict(self); }
static int exc_set_dict(Value self, Value v) {
    if (!v) {
        err_set(&exc_TypeError, "__dict__ may not be deleted");
        return -1;
    }
    return inst_set_dict(self, v);
}

static Value exc_with_traceback(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("with_traceback", nargs, 1, 1) < 0) return VNULL;
    if (exc_set_tb(self, args[0]) < 0) return VNULL;
    return self;
}

static Value exc_add_note(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("add_note", nargs, 1, 1) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "note must be a str, not '%s'", type_name(args[0]));
        return VNULL;
    }
    Value name = str_intern_cstr("__notes__");
    Value notes = obj_getattr_opt(self, name);
    if (!notes) {
        if (err_occurred()) return VNULL;
        notes = list_new(0);
        if (!notes || obj_setattr(self, name, notes) < 0) return VNULL;
    }
    if (!list_check(notes)) {
        err_set(&exc_TypeError, "Cannot add note: __notes__ is not a list");
        return VNULL;
    }
    if (list_append(notes, args[0]) < 0) return VNULL;
    return VNone;
}

static Value exc_reduce(Value self, Value *args, size_t nargs, Value kw) {
    Value cls = obj_val(val_type(self));
    AttrHeader *h = inst_attrs(self);
    bool has_attrs = h->map && (h->map->dict_mode || h->map->count > 0);
    if (has_attrs) {
        Value d = inst_dict(self);
        if (!d) return VNULL;
        return tuple_pack(3, cls, ((ExceptionObject *)self)->args, d);
    }
    return tuple_pack(2, cls, ((ExceptionObject *)self)->args);
}

static Value exc_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    Value st = args[0];
    if (st == VNone) return VNone;
    if (!dict_check(st)) {
        err_set(&exc_TypeError, "state is not a dictionary");
        return VNULL;
    }
    ssize_t pos = 0;
    Value k, v;
    while (dict_next(st, &pos, &k, &v))
        if (obj_setattr(self, k, v) < 0) return VNULL;
    return VNone;
}

static const MethodDef base_methods[] = {
    {"with_traceback", exc_with_traceback, 0, "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", exc_add_note, 0, "Exception.add_note(note) --\n    add a note to the exception"},
    {"__reduce__", exc_reduce, 0, NULL},
    {"__setstate__", exc_setstate, 0, NULL},
    {NULL}
};

static const GetSetDef base_getsets[] = {
    {"args", exc_get_args, exc_set_args, NULL},
    {"__traceback__", exc_get_tb, exc_set_tb, NULL},
    {"__context__", exc_get_context, exc_set_context, "exception context"},
    {"__cause__", exc_get_cause, exc_set_cause, "exception cause"},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress, NULL},
    {"__dict__", exc_get_dict, exc_set_dict, NULL},
    {NULL}
};

/* ---- Specific exceptions ---- */

static int stopiteration_init(Value self, Value *args, size_t nargs, Value kw) {
    if (base_init(self, args, nargs, kw) < 0) return -1;
    return set_attr(self, "value", nargs ? args[0] : VNone);
}

static int systemexit_init(Value self, Value *args, size_t nargs, Value kw) {
    if (base_init(self, args, nargs, kw) < 0) return -1;
    Value code = nargs == 0 ? VNone : nargs == 1 ? args[0] : ((ExceptionObject *)self)->args;
    return set_attr(self, "code", code);
}

static Value keyerror_str(Value self) {
    Value a = ((ExceptionObject *)self)->args;
    if (tuple_size(a) == 1) return obj_repr(tuple_get(a, 0));
    return base_str(self);
}

/* name= and path= (ImportError), name= and obj= (AttributeError, NameError). */
static int init_with_keywords(Value self, Value *args, size_t nargs, Value kwnames,
                              const char *const *allowed, const char *fname) {
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    for (const char *const *a = allowed; *a; a++)
        if (set_attr(self, *a, VNone) < 0) return -1;
    for (size_t i = 0; i < nkw; i++) {
        Value k = tuple_get(kwnames, (ssize_t)i);
        bool ok = false;
        for (const char *const *a = allowed; *a; a++)
            if (str_eq_cstr(k, *a)) ok = true;
        if (!ok) {
            err_format(&exc_TypeError, "'%U' is an invalid keyword argument for %s()", k, fname);
            return -1;
        }
        if (inst_set(self, k, args[nargs + i]) < 0) return -1;
    }
    return base_init(self, args, nargs, VNULL);
}

static int importerror_init(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const allowed[] = {"name", "path", NULL};
    if (init_with_keywords(self, args, nargs, kw, allowed, "ImportError") < 0) return -1;
    return set_attr(self, "msg", nargs == 1 ? args[0] : VNone);
}

static Value importerror_str(Value self) {
    Value msg = inst_get(self, str_intern_cstr("msg"));
    if (msg && msg != VNone) return obj_str(msg);
    return base_str(self);
}

static int attributeerror_init(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const allowed[] = {"name", "obj", NULL};
    return init_with_keywords(self, args, nargs, kw, allowed, "AttributeError");
}

static int nameerror_init(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const allowed[] = {"name", NULL};
    return init_with_keywords(self, args, nargs, kw, allowed, "NameError");
}

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]) picks the
 * subclass for errno when called as OSError itself. */
static Type *oserror_pick(Type *t, Value *args, size_t nargs) {
    if (t != &exc_OSError || nargs < 2 || !val_is_int(args[0])) return t;
    switch (val_int(args[0])) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return &exc_BlockingIOError;
    case ECHILD: return &exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &exc_BrokenPipeError;
    case ECONNABORTED: return &exc_ConnectionAbortedError;
    case ECONNREFUSED: return &exc_ConnectionRefusedError;
    case ECONNRESET: return &exc_ConnectionResetError;
    case EEXIST: return &exc_FileExistsError;
    case ENOENT: return &exc_FileNotFoundError;
    case EISDIR: return &exc_IsADirectoryError;
    case ENOTDIR: return &exc_NotADirectoryError;
    case EINTR: return &exc_InterruptedError;
    case EACCES: case EPERM: return &exc_PermissionError;
    case ESRCH: return &exc_ProcessLookupError;
    case ETIMEDOUT: return &exc_TimeoutError;
    }
    return t;
}

static Value oserror_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    t = oserror_pick(t, args, nargs);
    Value a = args_tuple(args, nargs);
    if (!a) return VNULL;
    Value e = exc_alloc(t, a);
    if (!e) return VNULL;
    static const char *const fields[] = {"errno", "strerror", "filename", "filename2"};
    for (size_t i = 0; i < 4; i++)
        if (set_attr(e, fields[i], VNone) < 0) return VNULL;
    if (nargs >= 2 && nargs <= 5) {
        if (set_attr(e, "errno", args[0]) < 0 || set_attr(e, "strerror", args[1]) < 0) return VNULL;
        if (nargs >= 3 && args[2] != VNone) {
            if (t == &exc_BlockingIOError && num_check_index(args[2])) {
                /* BlockingIOError(errno, strerror, characters_written): args stay whole. */
                Value n = num_index(args[2]);
                if (!n || set_attr(e, "characters_written", n) < 0) return VNULL;
            } else {
                if (set_attr(e, "filename", args[2]) < 0) return VNULL;
                if (nargs >= 5 && set_attr(e, "filename2", args[4]) < 0) return VNULL;
                /* args keeps only (errno, strerror) once a filename is given. */
                Value two = tuple_pack(2, args[0], args[1]);
                if (!two) return VNULL;
                ((ExceptionObject *)e)->args = two;
            }
        }
    }
    return e;
}

static int oserror_init(Value self, Value *args, size_t nargs, Value kw) {
    if (kw && tuple_size(kw)) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", type_name(self));
        return -1;
    }
    return 0;   /* __new__ did the work, as CPython's OSError does */
}

static Value oserror_str(Value self) {
    Value eno = attr_or_none(self, "errno"), se = attr_or_none(self, "strerror");
    Value fn = attr_or_none(self, "filename"), fn2 = attr_or_none(self, "filename2");
    if (fn != VNone) {
        Value r = obj_repr(fn);
        if (!r) return VNULL;
        if (fn2 != VNone) {
            Value r2 = obj_repr(fn2);
            if (!r2) return VNULL;
            return str_printf("[Errno %S] %S: %U -> %U", eno, se, r, r2);
        }
        return str_printf("[Errno %S] %S: %U", eno, se, r);
    }
    if (eno != VNone && se != VNone) return str_printf("[Errno %S] %S", eno, se);
    return base_str(self);
}

/* SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])) */
static int syntaxerror_init(Value self, Value *args, size_t nargs, Value kw) {
    if (base_init(self, args, nargs, kw) < 0) return -1;
    static const char *const fields[] = {"msg", "filename", "lineno", "offset", "text",
                                         "end_lineno", "end_offset", "print_file_and_line"};
    for (size_t i = 0; i < ARRAY_LEN(fields); i++)
        if (set_attr(self, fields[i], VNone) < 0) return -1;
    if (nargs >= 1 && set_attr(self, "msg", args[0]) < 0) return -1;
    if (nargs == 2) {
        Value info = tuple_from_iterable(args[1]);
        if (!info) return -1;
        ssize_t n = tuple_size(info);
        if (n < 4 || n > 6) {   /* PyArg_ParseTuple's "OOOO|OO" */
            err_format(&exc_TypeError, "function takes at %s %d arguments (%zd given)", n < 4 ? "least" : "most",
                       n < 4 ? 4 : 6, n);
            return -1;
        }
        if (n == 5) {
            err_set(&exc_TypeError, "end_offset must be provided when end_lineno is provided");
            return -1;
        }
        for (ssize_t i = 0; i < n; i++)
            if (set_attr(self, fields[i + 1], tuple_get(info, i)) < 0) return -1;
    }
    return 0;
}

static Value syntaxerror_str(Value self) {
    Value msg = attr_or_none(self, "msg"), fn = attr_or_none(self, "filename");
    Value ln = attr_or_none(self, "lineno");
    Value m = obj_str(msg);
    if (!m) return VNULL;
    Value base = VNULL;
    if (str_check(fn)) {
        const char *s = str_data(fn), *slash = strrchr(s, '/');
        base = str_from_cstr(slash ? slash + 1 : s);
    }
    if (base && int_check(ln)) return str_printf("%U (%U, line %S)", m, base, ln);
    if (base) return str_printf("%U (%U)", m, base);
    if (int_check(ln)) return str_printf("%U (line %S)", m, ln);
    return m;
}

/* UnicodeDecodeError(encoding, object, start, end, reason) and friends. */
static int unicode_init_common(Value self, Value *args, size_t nargs, Value kw, int nfields,
                               const char *const *fields) {
    if (base_init(self, args, nargs, kw) < 0) return -1;
    if ((int)nargs != nfields) {
        err_format(&exc_TypeError, "function takes exactly %d arguments (%zu given)", nfields, nargs);
        return -1;
    }
    for (int i = 0; i < nfields; i++)
        if (set_attr(self, fields[i], args[i]) < 0) return -1;
    return 0;
}
static int unicodedecode_init(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const f[] = {"encoding", "object", "start", "end", "reason"};
    if (nargs == 5 && !str_check(args[0])) {
        err_format(&exc_TypeError, "argument 1 must be str, not %s", type_name(args[0]));
        return -1;
    }
    if (unicode_init_common(self, args, nargs, kw, 5, f) < 0) return -1;
    /* The object is kept as bytes even when a bytearray/buffer is given. */
    if (!bytes_check(args[1])) {
        Value b = obj_call1(obj_val(&type_bytes), args[1]);
        if (!b || set_attr(self, "object", b) < 0) return -1;
    }
    return 0;
}
static int unicodeencode_init(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const f[] = {"encoding", "object", "start", "end", "reason"};
    return unicode_init_common(self, args, nargs, kw, 5, f);
}
static int unicodetranslate_init(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const f[] = {"object", "start", "end", "reason"};
    return unicode_init_common(self, args, nargs, kw, 4, f);
}

static Value unicode_str_common(Value self, bool decode, bool translate) {
    Value obj = attr_or_none(self, "object"), start = attr_or_none(self, "start");
    Value end = attr_or_none(self, "end"), reason = attr_or_none(self, "reason");
    Value enc = translate ? VNULL : attr_or_none(self, "encoding");
    if (!val_is_int(start) || !val_is_int(end)) return base_str(self);
    intptr_t s = val_int(start), e = val_int(end);
    if (decode) {
        if (!bytes_check(obj)) return base_str(self);
        const unsigned char *b = (const unsigned char *)bytes_data(obj);
        ssize_t n = bytes_size(obj);
        if (s >= 0 && s < n && e == s + 1)
            return str_printf("'%S' codec can't decode byte 0x%02x in position %zd: %S", enc, b[s], (ssize_t)s, reason);
        return str_printf("'%S' codec can't decode bytes in position %zd-%zd: %S", enc, (ssize_t)s,
                          (ssize_t)(e - 1), reason);
    }
    if (!str_check(obj)) return base_str(self);
    const char *verb = translate ? "can't translate" : "can't encode";
    if (s >= 0 && (size_t)s < str_len(obj) && e == s + 1) {
        uint32_t c = str_char_at(obj, (size_t)s);
        const char *fmt = c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x";
        char esc[16];
        snprintf(esc, sizeof esc, fmt, c);
        if (translate)
            return str_printf("can't translate character '%s' in position %zd: %S", esc, (ssize_t)s, reason);
        return str_printf("'%S' codec %s character '%s' in position %zd: %S", enc, verb, esc, (ssize_t)s, reason);
    }
    if (translate)
        return str_printf("can't translate characters in position %zd-%zd: %S", (ssize_t)s, (ssize_t)(e - 1), reason);
    return str_printf("'%S' codec %s characters in position %zd-%zd: %S", enc, verb, (ssize_t)s, (ssize_t)(e - 1), reason);
}
static Value unicodedecode_str(Value self) { return unicode_str_common(self, true, false); }
static Value unicodeencode_str(Value self) { return unicode_str_common(self, false, false); }
static Value unicodetranslate_str(Value self) { return unicode_str_common(self, false, true); }

void exceptions_init(void) {
    exc_BaseException.new = base_new;
    exc_BaseException.init = base_init;
    exc_BaseException.str = base_str;
    exc_BaseException.repr = base_repr;
    exc_BaseException.trace = exc_trace;
    exc_BaseException.attrs_offset = sizeof(ExceptionObject);
    exc_BaseException.methods = base_methods;
    exc_BaseException.getsets = base_getsets;

    exc_StopIteration.init = stopiteration_init;
    exc_SystemExit.init = systemexit_init;
    exc_KeyError.str = keyerror_str;
    exc_ImportError.init = importerror_init;
    exc_ImportError.str = importerror_str;
    exc_AttributeError.init = attributeerror_init;
    exc_NameError.init = nameerror_init;
    exc_OSError.new = oserror_new;
    exc_OSError.init = oserror_init;
    exc_OSError.str = oserror_str;
    exc_SyntaxError.init = syntaxerror_init;
    exc_SyntaxError.str = syntaxerror_str;
    exc_UnicodeDecodeError.init = unicodedecode_init;
    exc_UnicodeDecodeError.str = unicodedecode_str;
    exc_UnicodeEncodeError.init = unicodeencode_init;
    exc_UnicodeEncodeError.str = unicodeencode_str;
    exc_UnicodeTranslateError.init = unicodetranslate_init;
    exc_UnicodeTranslateError.str = unicodetranslate_str;
    exceptions_group_setup();

#define EXC(name, base, doc) type_ready(&exc_##name);
#include "exceptions.def"
#undef EXC
    /* ExceptionGroup(BaseExceptionGroup, Exception): the one builtin with two bases. */
    extern Value type_mro_c3(Type *t, Value bases);
    exc_ExceptionGroup.bases = tuple_pack(2, obj_val(&exc_BaseExceptionGroup), obj_val(&exc_Exception));
    exc_ExceptionGroup.mro = type_mro_c3(&exc_ExceptionGroup, exc_ExceptionGroup.bases);
    type_ready(&exc_ExceptionGroup);
    list_append(exc_Exception.subclasses ? exc_Exception.subclasses : (exc_Exception.subclasses = list_new(0)),
                obj_val(&exc_ExceptionGroup));
}

Value exc_str(Value e) { return obj_str(e); }
