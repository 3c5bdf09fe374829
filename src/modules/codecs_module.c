/* codecs_module.c - the _codecs module: the codec and error-handler registries, and the codec functions the encodings package calls. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/buffer.h"
#include "../objects/memoryview.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "unicodedata.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * CPython keeps its codec machinery in three places: the registry
 * (Python/codecs.c: search functions, the lookup cache, error handlers),
 * the codecs themselves (Objects/unicodeobject.c) and the thin wrappers of
 * Modules/_codecsmodule.c.  Taipan's str core (src/objects/codecs.c)
 * has UTF-8, ASCII, Latin-1 and UTF-16/32 for str.encode/bytes.decode;
 * this file uses its ASCII and Latin-1 codecs and its UTF-8 encoder, and
 * adds everything else:
 *
 *   - the registry: register/unregister/lookup (importing `encodings`,
 *     whose search function finds encodings/<name>.py, on first use),
 *     encode/decode through it, and the text-encoding checks str.encode and
 *     bytes.decode make for codecs they do not know;
 *   - the error handlers as callables (strict_errors ... surrogatepass),
 *     the register_error table, and CPython's protocol for calling a
 *     handler from a codec (a reused exception object, (replacement,
 *     newpos) results, negative positions counted from the end);
 *   - the codecs with stream state the core has no use for (a UTF-8
 *     decoder and UTF-16/32 in both directions, with `final` and the
 *     byte-order state), and the codecs the core lacks: UTF-7, charmap
 *     (every cp, iso8859 and mac_ codec), unicode-escape,
 *     raw-unicode-escape and the bytes escape codec.
 *
 * The str core reaches this file through two hooks (codec_fallback,
 * codec_error_lookup in str.h).  They are installed by a constructor at
 * load time rather than when `_codecs` is imported, because CPython's
 * 'x'.encode('cp1252') works in a program that never imports codecs; the
 * registry itself is built on first use.
 */

/* ---- The registry state (rooted statics, built on first use) ---- */

static Value search_path;     /* list of search functions */
static Value search_cache;    /* dict: normalized name -> codec info */
static Value error_registry;  /* dict: handler name -> callable */
static bool encodings_imported;   /* set while the import runs, too: it registers itself */

extern Value import_name(Value name, Value globals, Value fromlist, int level);
static Value make_builtin_handlers(void);

static bool registry_ready(void) {
    if (error_registry) return true;
    /* Built in locals (the C stack is scanned, statics are not) and rooted together. */
    Value path = list_new(0), cache = path ? dict_new() : VNULL, errs = cache ? make_builtin_handlers() : VNULL;
    if (!errs) return false;
    search_path = path;
    search_cache = cache;
    error_registry = errs;
    gc_add_root(&search_path);
    gc_add_root(&search_cache);
    gc_add_root(&error_registry);
    return true;
}

/* ---- Argument parsing, worded as Argument Clinic words it ---- */

static int check_args(const char *fname, size_t nargs, Value kwnames, size_t min, size_t max) {
    if (kwnames && tuple_size(kwnames)) {
        err_format(&exc_TypeError, "_codecs.%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs < min || nargs > max) {
        size_t n = nargs < min ? min : max;
        err_format(&exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname,
                   min == max ? "" : nargs < min ? "at least " : "at most ", n, n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* METH_O functions; `qual` is how CPython names the callable ("_codecs.lookup",
 * but plain "strict_errors" for the handlers, which belong to no module). */
static int check_one(const char *qual, size_t nargs, Value kwnames) {
    if (kwnames && tuple_size(kwnames)) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", qual);
        return -1;
    }
    if (nargs != 1) {
        err_format(&exc_TypeError, "%s() takes exactly one argument (%zu given)", qual, nargs);
        return -1;
    }
    return 0;
}

static const char *arg_type(Value v) { return v == VNone ? "None" : type_name(v); }

/* A str argument: "f() argument N must be str, not T" (argno 0: "argument"). */
static bool arg_str(const char *fname, int argno, Value v) {
    if (str_check(v)) return true;
    if (argno) err_format(&exc_TypeError, "%s() argument %d must be str, not %s", fname, argno, arg_type(v));
    else err_format(&exc_TypeError, "%s() argument must be str, not %s", fname, arg_type(v));
    return false;
}

/* A str with no NUL as a C string (names of encodings and handlers). */
static bool str_cstr(Value v, const char **out) {
    if (memchr(str_data(v), 0, str_size(v))) {
        err_set(&exc_ValueError, "embedded null character");
        return false;
    }
    *out = str_data(v);
    return true;
}

/* The optional `errors` argument: str or None (NULL for None or absent). */
static bool arg_errors(const char *fname, int argno, Value *args, size_t nargs, const char **out) {
    *out = NULL;
    if ((size_t)argno > nargs || args[argno - 1] == VNone) return true;
    Value v = args[argno - 1];
    if (!str_check(v)) {
        err_format(&exc_TypeError, "%s() argument %d must be str or None, not %s", fname, argno, arg_type(v));
        return false;
    }
    return str_cstr(v, out);
}

/* An optional C int argument (Clinic's int and bool(accept={int}) converters). */
static bool arg_int(Value *args, size_t nargs, int argno, int dflt, int *out) {
    *out = dflt;
    if ((size_t)argno > nargs) return true;
    Value v = num_index(args[argno - 1]);
    if (!v) return false;
    if (!val_is_int(v) || val_int(v) > INT_MAX || val_int(v) < INT_MIN) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = (int)val_int(v);
    return true;
}

/* A bytes-like argument (Py_buffer); accept_str also takes a str's UTF-8. */
typedef struct Input {
    Buffer view;
    const unsigned char *data;
    size_t size;
} Input;

static bool input_get(Value v, bool accept_str, Input *in) {
    memset(in, 0, sizeof *in);
    if (accept_str && str_check(v)) {
        in->data = (const unsigned char *)str_data(v);
        in->size = str_size(v);
        return true;
    }
    if (buffer_get(v, &in->view, BUF_SIMPLE) < 0) return false;
    in->data = in->view.buf;
    in->size = (size_t)in->view.len;
    return true;
}

static void input_release(Input *in) {
    if (in->view.obj) buffer_release(&in->view);
}

static Value codec_tuple(Value v, size_t consumed) {
    if (!v) return VNULL;
    return tuple_pack(2, v, int_from_u64(consumed));
}

/* ---- Unicode errors: reading and writing their fields ---- */

enum { UE_ENCODE, UE_DECODE, UE_TRANSLATE, UE_OTHER };

static int ue_kind(Value exc) {
    if (val_isinstance(exc, &exc_UnicodeEncodeError)) return UE_ENCODE;
    if (val_isinstance(exc, &exc_UnicodeDecodeError)) return UE_DECODE;
    if (val_isinstance(exc, &exc_UnicodeTranslateError)) return UE_TRANSLATE;
    return UE_OTHER;
}

static Value wrong_exception_type(Value exc) {
    err_format(&exc_TypeError, "don't know how to handle %s in error callback", type_name(exc));
    return VNULL;
}

/* exc.object, which must be str (encode, translate) or bytes (decode). */
static Value ue_object(Value exc, int kind) {
    Value o = obj_getattr_opt(exc, str_intern_cstr("object"));
    if (!o) {
        if (!err_occurred()) err_set(&exc_TypeError, "object attribute not set");
        return VNULL;
    }
    if (kind == UE_DECODE ? !bytes_check(o) : !str_check(o)) {
        err_format(&exc_TypeError, "object attribute must be %s", kind == UE_DECODE ? "bytes" : "unicode");
        return VNULL;
    }
    return o;
}

static bool ue_ssize(Value exc, const char *name, ssize_t *out) {
    Value v = obj_getattr_cstr(exc, name);
    if (!v) return false;
    if (!int_check(v)) {
        err_format(&exc_TypeError, "%s attribute must be int", name);
        return false;
    }
    ssize_t x = int_as_ssize(v);
    if (x == -1 && err_occurred()) return false;
    *out = x;
    return true;
}

/* The object, start and end as CPython's PyUnicode*Error_Get* clamp them. */
static bool ue_fields(Value exc, int kind, Value *obj, ssize_t *start, ssize_t *end) {
    Value o = ue_object(exc, kind);
    if (!o) return false;
    ssize_t size = kind == UE_DECODE ? bytes_size(o) : (ssize_t)str_len(o);
    if (!ue_ssize(exc, "start", start) || !ue_ssize(exc, "end", end)) return false;
    if (*start < 0) *start = 0;
    if (*start >= size) *start = size - 1;
    if (*end < 1) *end = 1;
    if (*end > size) *end = size;
    *obj = o;
    return true;
}

static Value handler_result(Value rep, ssize_t end) {
    if (!rep) return VNULL;
    return tuple_pack(2, rep, int_from_i64(end));
}

/* ---- The built-in error handlers, as the callables lookup_error returns ---- */

static Value h_strict(Value self, Value *args, size_t nargs, Value kwnames) {
    if (check_one("strict_errors", nargs, kwnames) < 0) return VNULL;
    if (exc_check(args[0])) err_set_object(args[0]);
    else err_set(&exc_TypeError, "codec must pass exception instance");
    return VNULL;
}

static Value h_ignore(Value self, Value *args, size_t nargs, Value kwnames) {
    if (check_one("ignore_errors", nargs, kwnames) < 0) return VNULL;
    int kind = ue_kind(args[0]);
    if (kind == UE_OTHER) return wrong_exception_type(args[0]);
    Value obj;
    ssize_t start, end;
    if (!ue_fields(args[0], kind, &obj, &start, &end)) return VNULL;
    return handler_result(str_empty(), end);
}

static Value h_replace(Value self, Value *args, size_t nargs, Value kwnames) {
    if (check_one("replace_errors", nargs, kwnames) < 0) return VNULL;
    int kind = ue_kind(args[0]);
    if (kind == UE_OTHER) return wrong_exception_type(args[0]);
    Value obj;
    ssize_t start, end;
    if (!ue_fields(args[0], kind, &obj, &start, &end)) return VNULL;
    StrBuilder sb;
    sb_init(&sb);
    if (kind == UE_DECODE) sb_append_codepoint(&sb, 0xFFFD);
    else if (end > start) sb_append_repeat(&sb, kind == UE_ENCODE ? '?' : 0xFFFD, (size_t)(end - start));
    return handler_result(sb_finish(&sb), end);
}

/* Code point i of a str, by walking from a byte offset (handlers go left to right). */
static uint32_t next_cp(Value s, size_t *off) {
    const unsigned char *p = (const unsigned char *)str_data(s) + *off;
    const unsigned char *q = p;
    uint32_t c = utf8_decode(&q);
    *off += (size_t)(q - p);
    return c;
}

static void append_escape(StrBuilder *sb, uint32_t c) {
    char buf[16];
    if (c >= 0x10000) snprintf(buf, sizeof buf, "\\U%08x", (unsigned)c);
    else if (c >= 0x100) snprintf(buf, sizeof buf, "\\u%04x", (unsigned)c);
    else snprintf(buf, sizeof buf, "\\x%02x", (unsigned)c);
    sb_append_cstr(sb, buf);
}

static Value h_backslashreplace(Value self, Value *args, size_t nargs, Value kwnames) {
    if (check_one("backslashreplace_errors", nargs, kwnames) < 0) return VNULL;
    int kind = ue_kind(args[0]);
    if (kind == UE_OTHER) return wrong_exception_type(args[0]);
    Value obj;
    ssize_t start, end;
    if (!ue_fields(args[0], kind, &obj, &start, &end)) return VNULL;
    StrBuilder sb;
    sb_init(&sb);
    if (kind == UE_DECODE) {
        for (ssize_t i = start; i < end; i++) append_escape(&sb, (unsigned char)bytes_data(obj)[i]);
    } else if (start < end) {
        size_t off = str_byte_offset(obj, (size_t)start);
        for (ssize_t i = start; i < end; i++) append_escape(&sb, next_cp(obj, &off));
    }
    return handler_result(sb_finish(&sb), end);
}

static Value h_xmlcharrefreplace(Value self, Value *args, size_t nargs, Value kwnames) {
    if (check_one("xmlcharrefreplace_errors", nargs, kwnames) < 0) return VNULL;
    if (ue_kind(args[0]) != UE_ENCODE) return wrong_exception_type(args[0]);
    Value obj;
    ssize_t start, end;
    if (!ue_fields(args[0], UE_ENCODE, &obj, &start, &end)) return VNULL;
    StrBuilder sb;
    sb_init(&sb);
    if (start < end) {
        size_t off = str_byte_offset(obj, (size_t)start);
        for (ssize_t i = start; i < end; i++) sb_printf(&sb, "&#%u;", (unsigned)next_cp(obj, &off));
    }
    return handler_result(sb_finish(&sb), end);
}

static Value h_namereplace(Value self, Value *args, size_t nargs, Value kwnames) {
    if (check_one("namereplace_errors", nargs, kwnames) < 0) return VNULL;
    if (ue_kind(args[0]) != UE_ENCODE) return wrong_exception_type(args[0]);
    Value obj;
    ssize_t start, end;
    if (!ue_fields(args[0], UE_ENCODE, &obj, &start, &end)) return VNULL;
    StrBuilder sb;
    sb_init(&sb);
    if (start < end) {
        size_t off = str_byte_offset(obj, (size_t)start);
        char name[UNICODEDATA_NAME_CAP];
        for (ssize_t i = start; i < end; i++) {
            uint32_t c = next_cp(obj, &off);
            /* Like CPython, the plane-15 code points where it keeps aliases get their names. */
            if (unicodedata_name(c, name, sizeof name, true)) sb_printf(&sb, "\\N{%s}", name);
            else append_escape(&sb, c);
        }
    }
    return handler_result(sb_finish(&sb), end);
}

static Value h_surrogateescape(Value self, Value *args, size_t nargs, Value kwnames) {
    if (check_one("surrogateescape", nargs, kwnames) < 0) return VNULL;
    Value exc = args[0];
    int kind = ue_kind(exc);
    Value obj;
    ssize_t start, end;
    if (kind == UE_ENCODE) {
        if (!ue_fields(exc, kind, &obj, &start, &end)) return VNULL;
        ByteBuilder bb;
        bb_init(&bb);
        size_t off = start < end ? str_byte_offset(obj, (size_t)start) : 0;
        for (ssize_t i = start; i < end; i++) {
            uint32_t c = next_cp(obj, &off);
            if (c < 0xDC80 || c > 0xDCFF) {
                /* Not a smuggled byte: the original error stands. */
                bb_discard(&bb);
                err_set_object(exc);
                return VNULL;
            }
            bb_append_byte(&bb, (unsigned char)(c - 0xDC00));
        }
        return handler_result(bb_finish(&bb), end);
    }
    if (kind == UE_DECODE) {
        if (!ue_fields(exc, kind, &obj, &start, &end)) return VNULL;
        const unsigned char *p = (const unsigned char *)bytes_data(obj);
        uint32_t ch[4];
        int consumed = 0;
        /* At most four bytes at a time, as CPython does. */
        while (consumed < 4 && start + consumed < end && p[start + consumed] >= 128) {
            ch[consumed] = 0xDC00 + p[start + consumed];
            consumed++;
        }
        if (!consumed) {
            err_set_object(exc);
            return VNULL;
        }
        return handler_result(str_from_codepoints(ch, (size_t)consumed), start + consumed);
    }
    return wrong_exception_type(exc);
}

/* CPython's get_standard_encoding: which UTF surrogatepass speaks, and its unit size. */
enum { ENC_UNKNOWN, ENC_UTF8, ENC_UTF16BE, ENC_UTF16LE, ENC_UTF32BE, ENC_UTF32LE };
static int standard_encoding(const char *e, int *bytelength) {
    if ((e[0] | 32) == 'u' && (e[1] | 32) == 't' && (e[2] | 32) == 'f') {
        e += 3;
        if (*e == '-' || *e == '_') e++;
        if (e[0] == '8' && e[1] == 0) {
            *bytelength = 3;
            return ENC_UTF8;
        }
        bool is16 = e[0] == '1' && e[1] == '6', is32 = e[0] == '3' && e[1] == '2';
        if (is16 || is32) {
            e += 2;
            *bytelength = is16 ? 2 : 4;
            if (*e == 0) return is16 ? ENC_UTF16LE : ENC_UTF32LE;   /* the native order */
            if (*e == '-' || *e == '_') e++;
            if (e[0] && (e[1] | 32) == 'e' && e[2] == 0) {
                if ((e[0] | 32) == 'b') return is16 ? ENC_UTF16BE : ENC_UTF32BE;
                if ((e[0] | 32) == 'l') return is16 ? ENC_UTF16LE : ENC_UTF32LE;
            }
        }
    } else if (strcmp(e, "CP_UTF8") == 0) {
        *bytelength = 3;
        return ENC_UTF8;
    }
    return ENC_UNKNOWN;
}

static Value ue_encoding(Value exc, const char **out) {
    Value e = obj_getattr_cstr(exc, "encoding");
    if (!e) return VNULL;
    if (!str_check(e)) {
        err_set(&exc_TypeError, "encoding attribute must be unicode");
        return VNULL;
    }
    *out = str_data(e);
    return e;
}

static Value h_surrogatepass(Value self, Value *args, size_t nargs, Value kwnames) {
    if (check_one("surrogatepass", nargs, kwnames) < 0) return VNULL;
    Value exc = args[0];
    int kind = ue_kind(exc);
    if (kind != UE_ENCODE && kind != UE_DECODE) return wrong_exception_type(exc);
    Value obj;
    ssize_t start, end;
    const char *encname;
    if (!ue_fields(exc, kind, &obj, &start, &end) || !ue_encoding(exc, &encname)) return VNULL;
    int bytelength = 0, code = standard_encoding(encname, &bytelength);
    if (kind == UE_ENCODE) {
        if (code == ENC_UNKNOWN) {
            err_set_object(exc);
            return VNULL;
        }
        ByteBuilder bb;
        bb_init(&bb);
        size_t off = start < end ? str_byte_offset(obj, (size_t)start) : 0;
        for (ssize_t i = start; i < end; i++) {
            uint32_t c = next_cp(obj, &off);
            if (c < 0xD800 || c > 0xDFFF) {
                bb_discard(&bb);
                err_set_object(exc);
                return VNULL;
            }
            unsigned char b[4];
            switch (code) {
            case ENC_UTF8:
                b[0] = (unsigned char)(0xE0 | (c >> 12));
                b[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
                b[2] = (unsigned char)(0x80 | (c & 0x3F));
                break;
            case ENC_UTF16LE: b[0] = (unsigned char)c; b[1] = (unsigned char)(c >> 8); break;
            case ENC_UTF16BE: b[1] = (unsigned char)c; b[0] = (unsigned char)(c >> 8); break;
            case ENC_UTF32LE: b[0] = (unsigned char)c; b[1] = (unsigned char)(c >> 8); b[2] = b[3] = 0; break;
            default: b[3] = (unsigned char)c; b[2] = (unsigned char)(c >> 8); b[0] = b[1] = 0; break;
            }
            bb_append(&bb, b, (size_t)bytelength);
        }
        return handler_result(bb_finish(&bb), end);
    }
    /* Decoding: one encoded surrogate at start, or the original error. */
    const unsigned char *p = (const unsigned char *)bytes_data(obj) + start;
    uint32_t ch = 0;
    if (code != ENC_UNKNOWN && bytes_size(obj) - start >= bytelength) {
        switch (code) {
        case ENC_UTF8:
            if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
                ch = ((p[0] & 0x0Fu) << 12) + ((p[1] & 0x3Fu) << 6) + (p[2] & 0x3Fu);
            break;
        case ENC_UTF16LE: ch = (uint32_t)p[1] << 8 | p[0]; break;
        case ENC_UTF16BE: ch = (uint32_t)p[0] << 8 | p[1]; break;
        case ENC_UTF32LE: ch = (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]; break;
        case ENC_UTF32BE: ch = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; break;
        }
    }
    if (ch < 0xD800 || ch > 0xDFFF) {
        err_set_object(exc);
        return VNULL;
    }
    return handler_result(str_from_codepoint(ch), start + bytelength);
}

static const MethodDef builtin_handler_defs[] = {
    {"strict_errors", h_strict, 0, "Implements the 'strict' error handling, which raises a UnicodeError on coding errors."},
    {"ignore_errors", h_ignore, 0, "Implements the 'ignore' error handling, which ignores malformed data and continues."},
    {"replace_errors", h_replace, 0, "Implements the 'replace' error handling, which replaces malformed data with a replacement marker."},
    {"backslashreplace_errors", h_backslashreplace, 0, "Implements the 'backslashreplace' error handling, which replaces malformed data with a backslashed escape sequence."},
    {"xmlcharrefreplace_errors", h_xmlcharrefreplace, 0, "Implements the 'xmlcharrefreplace' error handling, which replaces an unencodable character with the appropriate XML character reference."},
    {"namereplace_errors", h_namereplace, 0, "Implements the 'namereplace' error handling, which replaces an unencodable character with a \\N{...} escape sequence."},
    {"surrogateescape", h_surrogateescape, 0, NULL},
    {"surrogatepass", h_surrogatepass, 0, NULL},
};
static const char *const builtin_handler_names[] = {
    "strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape",
    "surrogatepass",
};

static Value make_builtin_handlers(void) {
    Value d = dict_new();
    if (!d) return VNULL;
    for (size_t i = 0; i < ARRAY_LEN(builtin_handler_defs); i++) {
        Value f = builtin_func_new(&builtin_handler_defs[i], VNULL, VNULL);
        if (!f || dict_set_cstr(d, builtin_handler_names[i], f) < 0) return VNULL;
    }
    return d;
}

/* codecs.lookup_error: the handler registered under name, or LookupError. */
static Value lookup_error(const char *name) {
    if (!registry_ready()) return VNULL;
    if (!name) name = "strict";
    Value h = dict_get_cstr(error_registry, name);
    if (!h && !err_occurred()) err_format(&exc_LookupError, "unknown error handler name '%s'", name);
    return h;
}

/* ---- Calling error handlers from the codecs below ----
 *
 * CPython creates the UnicodeError once per codec call and updates its
 * start, end and reason for each later error; a handler may even replace
 * exc.object, which the decoder then continues on.  The handler is looked
 * up by name at the first error only, so an unknown name in `errors` goes
 * unnoticed on clean input.
 */

typedef struct ErrState {
    const char *errors;   /* NULL: strict */
    const char *encoding; /* named in the exceptions */
    Value handler;        /* looked up at the first error */
    Value exc;            /* the exception, made at the first error */
    Value input;          /* decoding: the input as bytes, made at the first error */
} ErrState;

static bool errors_strict(const char *errors) { return !errors || strcmp(errors, "strict") == 0; }

static Value make_unicode_error(Type *t, const char *encoding, Value obj, size_t start, size_t end,
                                const char *reason) {
    Value args[5] = {str_from_cstr(encoding), obj, int_from_u64(start), int_from_u64(end), str_from_cstr(reason)};
    if (!args[0] || !args[2] || !args[3] || !args[4]) return VNULL;
    return obj_call(obj_val(t), args, 5, VNULL);
}

/* Create the exception, or update the one made at an earlier error. */
static bool err_exception(ErrState *st, Type *t, Value obj, size_t start, size_t end, const char *reason) {
    if (!st->exc) {
        st->exc = make_unicode_error(t, st->encoding, obj, start, end, reason);
        return st->exc != VNULL;
    }
    Value vs = int_from_u64(start), ve = int_from_u64(end), vr = str_from_cstr(reason);
    return vs && ve && vr && obj_setattr_cstr(st->exc, "start", vs) >= 0 && obj_setattr_cstr(st->exc, "end", ve) >= 0 &&
           obj_setattr_cstr(st->exc, "reason", vr) >= 0;
}

/* Call the handler on the current exception; returns the replacement and newpos (resolved against len). */
static Value call_handler(ErrState *st, bool encoding, size_t len, size_t *newpos) {
    if (!st->handler) {
        st->handler = lookup_error(st->errors);
        if (!st->handler) return VNULL;
    }
    Value r = obj_call1(st->handler, st->exc);
    if (!r) return VNULL;
    if (!tuple_check(r) || tuple_size(r) != 2 || !int_check(tuple_get(r, 1)) ||
        !(str_check(tuple_get(r, 0)) || (encoding && bytes_check(tuple_get(r, 0))))) {
        err_set(&exc_TypeError, encoding ? "encoding error handler must return (str/bytes, int) tuple"
                                         : "decoding error handler must return (str, int) tuple");
        return VNULL;
    }
    ssize_t pos = int_as_ssize(tuple_get(r, 1));
    if (pos == -1 && err_occurred()) return VNULL;
    if (pos < 0) pos += (ssize_t)len;
    if (pos < 0 || (size_t)pos > len) {
        err_format(&exc_IndexError, "position %zd from error handler out of bounds", pos);
        return VNULL;
    }
    *newpos = (size_t)pos;
    return tuple_get(r, 0);
}

/*
 * A decoding error at [start, end) of in (size bytes): strict raises,
 * anything else appends the handler's replacement to sb and returns the
 * position to resume at.  The handler may have swapped exc.object, so
 * *data and *size are refreshed from it.  -1 on error.
 */
static ssize_t decode_error(ErrState *st, StrBuilder *sb, const unsigned char **data, size_t *size, size_t start,
                            size_t end, const char *reason) {
    if (!st->input) {
        st->input = bytes_new((const char *)*data, *size);
        if (!st->input) return -1;
    }
    if (!err_exception(st, &exc_UnicodeDecodeError, st->input, start, end, reason)) return -1;
    if (errors_strict(st->errors)) {
        err_set_object(st->exc);
        return -1;
    }
    size_t newpos;
    Value rep = call_handler(st, false, *size, &newpos);
    if (!rep) return -1;
    Value obj = obj_getattr_cstr(st->exc, "object");
    if (!obj) return -1;
    if (!bytes_check(obj)) {
        err_set(&exc_TypeError, "object attribute must be bytes");
        return -1;
    }
    if (obj != st->input) {
        st->input = obj;
        *data = (const unsigned char *)bytes_data(obj);
        *size = (size_t)bytes_size(obj);
        if (newpos > *size) {
            err_format(&exc_IndexError, "position %zd from error handler out of bounds", (ssize_t)newpos);
            return -1;
        }
    }
    sb_append_str(sb, rep);
    return (ssize_t)newpos;
}

/* An encoding error at [start, end) of s: the replacement (str or bytes) and newpos, or VNULL. */
static Value encode_error(ErrState *st, Value s, size_t start, size_t end, const char *reason, size_t *newpos) {
    if (!err_exception(st, &exc_UnicodeEncodeError, s, start, end, reason)) return VNULL;
    if (errors_strict(st->errors)) {
        err_set_object(st->exc);
        return VNULL;
    }
    return call_handler(st, true, str_len(s), newpos);
}

static void raise_encode_error(ErrState *st, Value s, size_t start, size_t end, const char *reason) {
    if (err_exception(st, &exc_UnicodeEncodeError, s, start, end, reason)) err_set_object(st->exc);
}

/* ---- The registry ---- */

/* CPython's _Py_normalize_encoding plus lower-casing: runs of characters
 * other than ASCII letters, digits and '.' become one '_' (none leading). */
static Value normalize_encoding(const char *name) {
    size_t n = strlen(name);
    char *buf = malloc(n + 1);
    if (!buf) {
        err_no_memory();
        return VNULL;
    }
    size_t o = 0;
    bool punct = false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned char c = *p;
        bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (alnum || c == '.') {
            if (punct && o) buf[o++] = '_';
            punct = false;
            buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else {
            punct = true;
        }
    }
    Value r = str_new(buf, o);
    free(buf);
    return r;
}

/*
 * The encodings package registers its search function when imported.
 * CPython imports it at start-up, so its search function comes before any
 * a program registers; Taipan imports it on the first register() or
 * lookup(), not when _codecs is initialized (codecs.py is still half
 * imported then, and encodings calls codecs.register).
 */
static bool import_encodings(void) {
    if (encodings_imported) return true;
    encodings_imported = true;
    if (!import_name(str_intern_cstr("encodings"), VNULL, VNone, 0)) {
        encodings_imported = false;
        return false;
    }
    return true;
}

static Value codec_lookup(const char *encoding) {
    if (!registry_ready()) return VNULL;
    Value key = normalize_encoding(encoding);
    if (!key) return VNULL;
    Value hit = dict_get(search_cache, key);
    if (hit) return hit;
    if (err_occurred()) return VNULL;
    if (!import_encodings()) return VNULL;
    ssize_t n = list_size(search_path);
    if (n == 0) {
        err_set(&exc_LookupError, "no codec search functions registered: can't find encoding");
        return VNULL;
    }
    for (ssize_t i = 0; i < list_size(search_path); i++) {
        Value r = obj_call1(list_get(search_path, i), key);
        if (!r) return VNULL;
        if (r == VNone) continue;
        if (!tuple_check(r) || tuple_size(r) != 4) {
            err_set(&exc_TypeError, "codec search functions must return 4-tuples");
            return VNULL;
        }
        if (dict_set(search_cache, key, r) < 0) return VNULL;
        return r;
    }
    err_format(&exc_LookupError, "unknown encoding: %s", encoding);
    return VNULL;
}

/*
 * Errors from a codec called through the registry are re-raised with the
 * codec named ("decoding with 'hex' codec failed (Error: Odd-length
 * string)") when that loses nothing: CPython's _PyErr_TrySetFromCause
 * wraps only exceptions whose type keeps no state beyond BaseException's
 * (its own __init__ and __new__) and whose instance has at most one str
 * argument and no attributes.
 */
static void wrap_codec_error(const char *operation, const char *encoding) {
    Value exc = err_fetch();
    Type *t = val_type(exc);
    Value init = type_lookup_cstr(t, "__init__"), new = type_lookup_cstr(t, "__new__");
    bool wrappable = init && init == type_lookup_cstr(&exc_BaseException, "__init__") && new &&
                     new == type_lookup_cstr(&exc_BaseException, "__new__");
    /* Builtin exceptions with fields of their own (OSError's errno, KeyError is fine) are
     * the ones that replace these slots or keep attributes; the checks below catch the rest. */
    static Type *const stateful[] = {&exc_OSError, &exc_SyntaxError, &exc_ImportError, &exc_UnicodeEncodeError,
                                     &exc_UnicodeDecodeError, &exc_UnicodeTranslateError,
                                     &exc_StopIteration, &exc_SystemExit, &exc_AttributeError, &exc_NameError,
                                     &exc_BaseExceptionGroup, &exc_MemoryError};
    for (size_t i = 0; wrappable && i < ARRAY_LEN(stateful); i++)
        if (t == stateful[i] || type_is_subtype(t, stateful[i])) wrappable = false;
    Value args = ((ExceptionObject *)exc)->args;
    if (wrappable && args && tuple_check(args) &&
        (tuple_size(args) > 1 || (tuple_size(args) == 1 && !str_check_exact(tuple_get(args, 0)))))
        wrappable = false;
    if (wrappable) {
        Value d = obj_getattr_opt(exc, str_intern_cstr("__dict__"));
        if (!d) err_clear();
        else if (dict_check(d) && dict_size(d) > 0) wrappable = false;
    }
    if (!wrappable) {
        err_restore(exc);
        return;
    }
    Value text = obj_str(exc);
    Value msg = text ? str_printf("%s with '%s' codec failed (%s: %U)", operation, encoding,
                                  (t->flags & TF_HEAPTYPE) ? str_data(type_name_obj(t)) : t->name, text)
                     : VNULL;
    Value wrapped = msg ? err_new_exception(t, &msg, 1) : VNULL;
    if (!wrapped) {
        err_clear();
        err_restore(exc);
        return;
    }
    ExceptionObject *w = (ExceptionObject *)wrapped;
    GC_WRITE(w, w->cause, exc);
    w->suppress_context = true;
    err_set_object(wrapped);
}

/* Call an encoder or decoder from a codec tuple: result[0] of its (object, length) answer. */
static Value call_codec(Value fn, Value obj, const char *errors, bool encode, const char *encoding) {
    Value args[2] = {obj, VNULL};
    size_t n = 1;
    if (errors) {
        args[1] = str_from_cstr(errors);
        if (!args[1]) return VNULL;
        n = 2;
    }
    Value r = obj_call(fn, args, n, VNULL);
    if (!r) {
        wrap_codec_error(encode ? "encoding" : "decoding", encoding);
        return VNULL;
    }
    if (!tuple_check(r) || tuple_size(r) != 2) {
        err_set(&exc_TypeError, encode ? "encoder must return a tuple (object, integer)"
                                       : "decoder must return a tuple (object,integer)");
        return VNULL;
    }
    return tuple_get(r, 0);
}

static Value codec_encode(Value obj, const char *encoding, const char *errors) {
    Value codec = codec_lookup(encoding);
    return codec ? call_codec(tuple_get(codec, 0), obj, errors, true, encoding) : VNULL;
}

static Value codec_decode(Value obj, const char *encoding, const char *errors) {
    Value codec = codec_lookup(encoding);
    return codec ? call_codec(tuple_get(codec, 1), obj, errors, false, encoding) : VNULL;
}

/* str.encode/bytes.decode refuse codecs marked _is_text_encoding = False. */
static Value text_codec(const char *encoding, const char *alternative) {
    Value codec = codec_lookup(encoding);
    if (!codec) return VNULL;
    if (!tuple_check_exact(codec)) {
        Value flag = obj_getattr_opt(codec, str_intern_cstr("_is_text_encoding"));
        if (!flag && err_occurred()) return VNULL;
        if (flag) {
            int t = obj_is_true(flag);
            if (t < 0) return VNULL;
            if (!t) {
                err_format(&exc_LookupError, "'%s' is not a text encoding; use %s to handle arbitrary codecs",
                           encoding, alternative);
                return VNULL;
            }
        }
    }
    return codec;
}

/* The str core's hook: str.encode / bytes.decode with an encoding it does not know. */
static Value text_fallback(bool encode, Value obj, const char *encoding, const char *errors) {
    if (encode) {
        Value codec = text_codec(encoding, "codecs.encode()");
        Value v = codec ? call_codec(tuple_get(codec, 0), obj, errors, true, encoding) : VNULL;
        if (!v || bytes_check(v)) return v;
        if (bytearray_check(v)) {
            char msg[600];
            snprintf(msg, sizeof msg,
                     "encoder %s returned bytearray instead of bytes; use codecs.encode() to encode to arbitrary types",
                     encoding);
            if (err_warn(&exc_RuntimeWarning, msg, 1) < 0) return VNULL;
            const char *d;
            size_t n;
            bytes_get_buffer(v, &d, &n);
            return bytes_new(d, n);
        }
        err_format(&exc_TypeError,
                   "'%.400s' encoder returned '%.400s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                   encoding, type_name(v));
        return VNULL;
    }
    Value codec = text_codec(encoding, "codecs.decode()");
    if (!codec) return VNULL;
    /* CPython hands decoders a memoryview of the bytes. */
    Value view = memoryview_from_object(obj);
    if (!view) return VNULL;
    Value v = call_codec(tuple_get(codec, 1), view, errors, false, encoding);
    if (!v || str_check(v)) return v;
    err_format(&exc_TypeError,
               "'%.400s' decoder returned '%.400s' instead of 'str'; use codecs.decode() to decode to arbitrary types",
               encoding, type_name(v));
    return VNULL;
}

static Value error_lookup_hook(const char *name) { return lookup_error(name); }

__attribute__((constructor)) static void install_codec_hooks(void) {
    codec_fallback = text_fallback;
    codec_error_lookup = error_lookup_hook;
}

/* ---- Registry functions ---- */

static Value m_register(Value self, Value *args, size_t nargs, Value kwnames) {
    if (check_one("_codecs.register", nargs, kwnames) < 0) return VNULL;
    if (!val_type(args[0])->call) {
        err_set(&exc_TypeError, "argument must be callable");
        return VNULL;
    }
    if (!registry_ready() || !import_encodings() || list_append(search_path, args[0]) < 0) return VNULL;
    return VNone;
}

static Value m_unregister(Value self, Value *args, size_t nargs, Value kwnames) {
    if (check_one("_codecs.unregister", nargs, kwnames) < 0) return VNULL;
    if (!registry_ready()) return VNULL;
    for (ssize_t i = 0; i < list_size(search_path); i++) {
        if (list_get(search_path, i) == args[0]) {
            dict_clear(search_cache);
            Value gone = list_pop(search_path, i);
            return gone ? VNone : VNULL;
        }
    }
    return VNone;
}

static Value m_lookup(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *enc;
    if (check_one("_codecs.lookup", nargs, kwnames) < 0 || !arg_str("lookup", 0, args[0]) || !str_cstr(args[0], &enc))
        return VNULL;
    return codec_lookup(enc);
}

static Value m_forget_codec(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *enc;
    if (check_one("_codecs._forget_codec", nargs, kwnames) < 0 || !arg_str("_forget_codec", 0, args[0]) ||
        !str_cstr(args[0], &enc) || !registry_ready())
        return VNULL;
    Value key = normalize_encoding(enc);
    if (!key) return VNULL;
    int r = dict_contains(search_cache, key);
    if (r < 0 || (r && dict_del(search_cache, key) < 0)) return VNULL;
    return VNone;
}

/* encode(obj, encoding='utf-8', errors='strict') and decode(...). */
static Value encode_decode(const char *fname, bool encode, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"obj", "encoding", "errors", NULL};
    Value a[3];
    if (arg_parse(fname, args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    const char *enc = "utf-8", *errors = "strict";
    for (int i = 1; i < 3; i++) {
        if (!a[i]) continue;
        if (!str_check(a[i])) {
            err_format(&exc_TypeError, "%s() argument '%s' must be str, not %s", fname, names[i], arg_type(a[i]));
            return VNULL;
        }
        if (!str_cstr(a[i], i == 1 ? &enc : &errors)) return VNULL;
    }
    return encode ? codec_encode(a[0], enc, errors) : codec_decode(a[0], enc, errors);
}

static Value m_encode(Value self, Value *args, size_t nargs, Value kwnames) {
    return encode_decode("encode", true, args, nargs, kwnames);
}
static Value m_decode(Value self, Value *args, size_t nargs, Value kwnames) {
    return encode_decode("decode", false, args, nargs, kwnames);
}

static Value m_register_error(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *name;
    if (check_args("register_error", nargs, kwnames, 2, 2) < 0 || !arg_str("register_error", 1, args[0]) ||
        !str_cstr(args[0], &name))
        return VNULL;
    if (!val_type(args[1])->call) {
        err_set(&exc_TypeError, "handler must be callable");
        return VNULL;
    }
    if (!registry_ready() || dict_set(error_registry, args[0], args[1]) < 0) return VNULL;
    return VNone;
}

static Value m_lookup_error(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *name;
    if (check_one("_codecs.lookup_error", nargs, kwnames) < 0 || !arg_str("lookup_error", 0, args[0]) ||
        !str_cstr(args[0], &name))
        return VNULL;
    return lookup_error(name);
}

/* ---- UTF-8, ASCII, Latin-1 ---- */

/*
 * UTF-8 decoding with CPython's stream semantics.  bytes.decode's decoder
 * (the core's) cannot stop at a truncated sequence, so utf_8_decode has
 * its own: valid runs are copied, and each error is classified as
 * CPython's decoder does, since positions and reasons are visible:
 *
 *   "invalid start byte"          one byte that cannot begin a sequence
 *   "invalid continuation byte"   the lead byte and the good continuation
 *                                 bytes before the bad one
 *   "unexpected end of data"      a truncated sequence at the end, which a
 *                                 non-final call leaves unconsumed instead
 *
 * A non-final call also leaves a truncated surrogate (ED A0..BF at the
 * very end) for the next call, so that surrogatepass can see all of it.
 */
enum { U8_OK, U8_END, U8_START, U8_CONT1, U8_CONT2, U8_CONT3 };

static bool cont_byte(unsigned char b) { return (b & 0xC0) == 0x80; }

/* Classify the sequence at s (a byte >= 0x80); *len gets its length when valid. */
static int utf8_classify(const unsigned char *s, size_t avail, size_t *len) {
    unsigned char c = s[0];
    if (c < 0xC2) return U8_START;
    if (c < 0xE0) {
        if (avail < 2) return U8_END;
        if (!cont_byte(s[1])) return U8_CONT1;
        *len = 2;
        return U8_OK;
    }
    if (c < 0xF0) {
        if (avail >= 2 && (!cont_byte(s[1]) || (s[1] < 0xA0 ? c == 0xE0 : c == 0xED))) return U8_CONT1;
        if (avail < 3) return U8_END;
        if (!cont_byte(s[2])) return U8_CONT2;
        *len = 3;
        return U8_OK;
    }
    if (c < 0xF5) {
        if (avail >= 2 && (!cont_byte(s[1]) || (s[1] < 0x90 ? c == 0xF0 : c == 0xF4))) return U8_CONT1;
        if (avail >= 3 && !cont_byte(s[2])) return U8_CONT2;
        if (avail < 4) return U8_END;
        if (!cont_byte(s[3])) return U8_CONT3;
        *len = 4;
        return U8_OK;
    }
    return U8_START;
}

static Value utf8_decode_stream(const unsigned char *d, size_t n, const char *errors, size_t *consumed) {
    ErrState st = {errors, "utf-8", VNULL, VNULL, VNULL};
    StrBuilder sb;
    sb_init(&sb);
    size_t q = 0;
    while (q < n) {
        /* The valid run from q. */
        size_t r = q, count = 0;
        while (r < n) {
            if (d[r] < 0x80) {
                r++;
                count++;
                continue;
            }
            size_t len;
            if (utf8_classify(d + r, n - r, &len) != U8_OK) break;
            r += len;
            count++;
        }
        sb_append_utf8(&sb, (const char *)d + q, r - q, count);
        q = r;
        if (q >= n) break;
        size_t len = 0;
        int kind = utf8_classify(d + q, n - q, &len);
        if (consumed && (kind == U8_END || (kind == U8_CONT1 && d[q] == 0xED && n - q == 2 && d[q + 1] >= 0xA0 &&
                                            d[q + 1] <= 0xBF)))
            break;
        size_t end = kind == U8_END ? n : kind == U8_START ? q + 1 : q + (size_t)(kind - U8_CONT1 + 1);
        const char *reason = kind == U8_END ? "unexpected end of data"
                           : kind == U8_START ? "invalid start byte" : "invalid continuation byte";
        ssize_t next = decode_error(&st, &sb, &d, &n, q, end, reason);
        if (next < 0) {
            sb_discard(&sb);
            return VNULL;
        }
        q = (size_t)next;
    }
    if (consumed) *consumed = q;
    return sb_finish(&sb);
}

static Value m_utf_8_decode(Value self, Value *args, size_t nargs, Value kwnames) {
    Input in;
    const char *errors;
    int final;
    if (check_args("utf_8_decode", nargs, kwnames, 1, 3) < 0 || !input_get(args[0], false, &in)) return VNULL;
    Value r = VNULL;
    if (arg_errors("utf_8_decode", 2, args, nargs, &errors) && arg_int(args, nargs, 3, 0, &final)) {
        size_t consumed = in.size;
        Value str = utf8_decode_stream(in.data, in.size, errors, final ? NULL : &consumed);
        r = codec_tuple(str, consumed);
    }
    input_release(&in);
    return r;
}

/* (str, errors) -> the core encoder named `core`. */
static Value encode_with_core(const char *fname, const char *core, Value *args, size_t nargs, Value kwnames,
                              size_t maxargs) {
    const char *errors;
    if (check_args(fname, nargs, kwnames, 1, maxargs) < 0 || !arg_str(fname, 1, args[0]) ||
        !arg_errors(fname, 2, args, nargs, &errors))
        return VNULL;
    return codec_tuple(str_encode(args[0], core, errors), str_len(args[0]));
}

static Value decode_with_core(const char *fname, const char *core, Value *args, size_t nargs, Value kwnames) {
    Input in;
    const char *errors;
    if (check_args(fname, nargs, kwnames, 1, 2) < 0 || !input_get(args[0], false, &in)) return VNULL;
    Value r = VNULL;
    if (arg_errors(fname, 2, args, nargs, &errors))
        r = codec_tuple(bytes_decode((const char *)in.data, in.size, core, errors), in.size);
    input_release(&in);
    return r;
}

static Value m_utf_8_encode(Value self, Value *args, size_t nargs, Value kwnames) {
    return encode_with_core("utf_8_encode", "utf-8", args, nargs, kwnames, 2);
}
static Value m_ascii_encode(Value self, Value *args, size_t nargs, Value kwnames) {
    return encode_with_core("ascii_encode", "ascii", args, nargs, kwnames, 2);
}
static Value m_latin_1_encode(Value self, Value *args, size_t nargs, Value kwnames) {
    return encode_with_core("latin_1_encode", "latin-1", args, nargs, kwnames, 2);
}
static Value m_ascii_decode(Value self, Value *args, size_t nargs, Value kwnames) {
    return decode_with_core("ascii_decode", "ascii", args, nargs, kwnames);
}
static Value m_latin_1_decode(Value self, Value *args, size_t nargs, Value kwnames) {
    return decode_with_core("latin_1_decode", "latin-1", args, nargs, kwnames);
}

/* ---- UTF-16 and UTF-32 ----
 *
 * Both directions are done here rather than by the str core: the stream
 * codecs need the byte-order state (0: not yet known, read a BOM; -1
 * little-endian; 1 big-endian) and a `final` flag that leaves an
 * incomplete code unit or surrogate pair unconsumed, and CPython reports
 * every surrogate to the error handler on its own.  As in CPython, errors
 * go through the handler functions (surrogatepass reads and writes the
 * surrogate code units) and are reported against the whole input.
 */

static void put_unit(ByteBuilder *bb, uint32_t u, int unit, bool big) {
    unsigned char b[4];
    for (int k = 0; k < unit; k++) b[big ? unit - 1 - k : k] = (unsigned char)(u >> (8 * k));
    bb_append(bb, b, (size_t)unit);
}

/* CPython's UTF-16/32 encoders: each lone surrogate goes to the error
 * handler on its own; a str replacement must be ASCII and a bytes one a
 * whole number of code units. */
static Value utf16_32_encode_str(Value s, int unit, int order, const char *errors) {
    bool big = order > 0;
    ErrState st = {errors, unit == 2 ? (order == 0 ? "utf-16" : big ? "utf-16-be" : "utf-16-le")
                                     : (order == 0 ? "utf-32" : big ? "utf-32-be" : "utf-32-le"),
                   VNULL, VNULL, VNULL};
    ByteBuilder bb;
    bb_init(&bb);
    if (order == 0) put_unit(&bb, 0xFEFF, unit, false);
    size_t len = str_len(s), pos = 0, off = 0;
    while (pos < len) {
        uint32_t c = next_cp(s, &off);
        if (c < 0xD800 || c > 0xDFFF) {
            if (unit == 2 && c >= 0x10000) {
                put_unit(&bb, 0xD800 | ((c - 0x10000) >> 10), 2, big);
                put_unit(&bb, 0xDC00 | ((c - 0x10000) & 0x3FF), 2, big);
            } else {
                put_unit(&bb, c, unit, big);
            }
            pos++;
            continue;
        }
        size_t newpos;
        Value rep = encode_error(&st, s, pos, pos + 1, "surrogates not allowed", &newpos);
        if (!rep) goto fail;
        if (bytes_check(rep)) {
            if (bytes_size(rep) % unit) goto bad;
            bb_append(&bb, bytes_data(rep), (size_t)bytes_size(rep));
        } else {
            if (!str_is_ascii(rep)) goto bad;
            for (size_t i = 0; i < str_size(rep); i++) put_unit(&bb, (unsigned char)str_data(rep)[i], unit, big);
        }
        pos = newpos;
        off = str_byte_offset(s, pos);
    }
    return bb_finish(&bb);
bad:
    raise_encode_error(&st, s, pos, pos + 1, "surrogates not allowed");
fail:
    bb_discard(&bb);
    return VNULL;
}

static Value utf16_32_encode(const char *fname, int unit, int fixed_order, Value *args, size_t nargs,
                             Value kwnames) {
    bool has_order = fixed_order == 0;
    const char *errors;
    int order = fixed_order;
    if (check_args(fname, nargs, kwnames, 1, has_order ? 3 : 2) < 0 || !arg_str(fname, 1, args[0]) ||
        !arg_errors(fname, 2, args, nargs, &errors) || (has_order && !arg_int(args, nargs, 3, 0, &order)))
        return VNULL;
    return codec_tuple(utf16_32_encode_str(args[0], unit, order, errors), str_len(args[0]));
}

static uint32_t read_unit(const unsigned char *p, int unit, bool big) {
    if (unit == 2) return big ? (uint32_t)p[0] << 8 | p[1] : (uint32_t)p[1] << 8 | p[0];
    return big ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
               : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* Decode d[0..n) with *order as above; *consumed is NULL when final. */
static Value utf16_32_decode(const unsigned char *d, size_t n, int unit, const char *errors, int *order,
                             size_t *consumed) {
    size_t q = 0;
    int bo = *order;
    if (bo == 0 && n >= (size_t)unit) {
        uint32_t bom = read_unit(d, unit, false);
        if (bom == 0xFEFF) bo = -1, q = (size_t)unit;
        else if (bom == (unit == 2 ? 0xFFFEu : 0xFFFE0000u)) bo = 1, q = (size_t)unit;
        *order = bo;
    }
    if (q == n) {
        if (consumed) *consumed = n;
        return str_empty();
    }
    bool big = bo > 0;
    ErrState st = {errors, unit == 2 ? (big ? "utf-16-be" : "utf-16-le") : (big ? "utf-32-be" : "utf-32-le"),
                   VNULL, VNULL, VNULL};
    StrBuilder sb;
    sb_init(&sb);
    while (q < n) {
        const char *reason;
        size_t start = q, end;
        size_t left = n - q;
        if (left < (size_t)unit) {
            if (consumed) break;
            reason = "truncated data";
            end = n;
        } else if (unit == 4) {
            uint32_t c = read_unit(d + q, 4, big);
            if (c >= 0xD800 && c <= 0xDFFF) {
                reason = "code point in surrogate code point range(0xd800, 0xe000)";
                end = q + 4;
            } else if (c > 0x10FFFF) {
                reason = "code point not in range(0x110000)";
                end = q + 4;
            } else {
                sb_append_codepoint(&sb, c);
                q += 4;
                continue;
            }
        } else {
            uint32_t c = read_unit(d + q, 2, big);
            if (c < 0xD800 || c > 0xDFFF) {
                sb_append_codepoint(&sb, c);
                q += 2;
                continue;
            }
            if (c >= 0xDC00) {
                reason = "illegal encoding";
                end = q + 2;
            } else if (left < 4) {
                /* A high surrogate whose partner has not arrived. */
                if (consumed) break;
                reason = "unexpected end of data";
                end = n;
            } else {
                uint32_t c2 = read_unit(d + q + 2, 2, big);
                if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
                    sb_append_codepoint(&sb, 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00));
                    q += 4;
                    continue;
                }
                reason = "illegal UTF-16 surrogate";
                end = q + 2;
            }
        }
        ssize_t next = decode_error(&st, &sb, &d, &n, start, end, reason);
        if (next < 0) {
            sb_discard(&sb);
            return VNULL;
        }
        q = (size_t)next;
    }
    if (consumed) *consumed = q;
    return sb_finish(&sb);
}

/* utf_16_decode, utf_16_le_decode, ... and the _ex_ variants returning the byte order. */
static Value utf16_32_decode_m(const char *fname, int unit, int fixed_order, bool ex, Value *args, size_t nargs,
                               Value kwnames) {
    Input in;
    const char *errors;
    int order = fixed_order, final;
    if (check_args(fname, nargs, kwnames, 1, ex ? 4 : 3) < 0 || !input_get(args[0], false, &in)) return VNULL;
    Value r = VNULL;
    if (arg_errors(fname, 2, args, nargs, &errors) && (!ex || arg_int(args, nargs, 3, 0, &order)) &&
        arg_int(args, nargs, ex ? 4 : 3, 0, &final)) {
        size_t consumed = in.size;
        Value s = utf16_32_decode(in.data, in.size, unit, errors, &order, final ? NULL : &consumed);
        if (s) r = ex ? tuple_pack(3, s, int_from_u64(consumed), val_from_int(order)) : codec_tuple(s, consumed);
    }
    input_release(&in);
    return r;
}

#define UTF16_32(name, unit, order, ex)                                                                    \
    static Value m_##name(Value self, Value *args, size_t nargs, Value kwnames) {                          \
        return utf16_32_decode_m(#name, unit, order, ex, args, nargs, kwnames);                            \
    }
UTF16_32(utf_16_decode, 2, 0, false)
UTF16_32(utf_16_le_decode, 2, -1, false)
UTF16_32(utf_16_be_decode, 2, 1, false)
UTF16_32(utf_16_ex_decode, 2, 0, true)
UTF16_32(utf_32_decode, 4, 0, false)
UTF16_32(utf_32_le_decode, 4, -1, false)
UTF16_32(utf_32_be_decode, 4, 1, false)
UTF16_32(utf_32_ex_decode, 4, 0, true)
#undef UTF16_32

#define UTF16_32_ENC(name, unit, order)                                                                   \
    static Value m_##name(Value self, Value *args, size_t nargs, Value kwnames) {                          \
        return utf16_32_encode(#name, unit, order, args, nargs, kwnames);                                  \
    }
UTF16_32_ENC(utf_16_encode, 2, 0)
UTF16_32_ENC(utf_16_le_encode, 2, -1)
UTF16_32_ENC(utf_16_be_encode, 2, 1)
UTF16_32_ENC(utf_32_encode, 4, 0)
UTF16_32_ENC(utf_32_le_encode, 4, -1)
UTF16_32_ENC(utf_32_be_encode, 4, 1)
#undef UTF16_32_ENC

/* ---- UTF-7 (RFC 2152): encode conservatively, decode liberally, as CPython ---- */

static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static bool is_b64(unsigned c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}
static unsigned from_b64(unsigned c) {
    return c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52
         : c == '+' ? 62 : 63;
}

/* Characters written as themselves: RFC 2152's Set D, Set O and whitespace. */
static bool utf7_direct(uint32_t c) {
    if (c == 0 || c >= 128) return false;
    return !(c < 32 && c != '\t' && c != '\n' && c != '\r') && c != '+' && c != '\\' && c != '~' && c != 127;
}

static Value m_utf_7_encode(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *errors;
    if (check_args("utf_7_encode", nargs, kwnames, 1, 2) < 0 || !arg_str("utf_7_encode", 1, args[0]) ||
        !arg_errors("utf_7_encode", 2, args, nargs, &errors))
        return VNULL;
    Value s = args[0];
    ByteBuilder bb;
    bb_init(&bb);
    bool shift = false;
    unsigned bits = 0;
    unsigned long buffer = 0;
    const unsigned char *p = (const unsigned char *)str_data(s), *end = p + str_size(s);
    while (p < end) {
        uint32_t c = utf8_decode(&p);
        if (shift) {
            if (utf7_direct(c)) {
                if (bits) bb_append_byte(&bb, (unsigned char)b64chars[(buffer << (6 - bits)) & 0x3F]);
                buffer = bits = 0;
                shift = false;
                /* A direct character ends the base-64 run; '-' is needed only before one that could continue it. */
                if (is_b64(c) || c == '-') bb_append_byte(&bb, '-');
                bb_append_byte(&bb, (unsigned char)c);
                continue;
            }
        } else if (c == '+') {
            bb_append(&bb, "+-", 2);
            continue;
        } else if (utf7_direct(c)) {
            bb_append_byte(&bb, (unsigned char)c);
            continue;
        } else {
            bb_append_byte(&bb, '+');
            shift = true;
        }
        uint32_t units[2] = {c, 0};
        int nunits = 1;
        if (c >= 0x10000) {
            units[0] = 0xD800 | ((c - 0x10000) >> 10);
            units[1] = 0xDC00 | ((c - 0x10000) & 0x3FF);
            nunits = 2;
        }
        for (int k = 0; k < nunits; k++) {
            bits += 16;
            buffer = (buffer << 16) | units[k];
            while (bits >= 6) {
                bb_append_byte(&bb, (unsigned char)b64chars[(buffer >> (bits - 6)) & 0x3F]);
                bits -= 6;
            }
            buffer &= (1ul << bits) - 1;
        }
    }
    if (bits) bb_append_byte(&bb, (unsigned char)b64chars[(buffer << (6 - bits)) & 0x3F]);
    if (shift) bb_append_byte(&bb, '-');
    return codec_tuple(bb_finish(&bb), str_len(s));
}

static Value m_utf_7_decode(Value self, Value *args, size_t nargs, Value kwnames) {
    Input in;
    const char *errors;
    int final;
    if (check_args("utf_7_decode", nargs, kwnames, 1, 3) < 0 || !input_get(args[0], false, &in)) return VNULL;
    if (!arg_errors("utf_7_decode", 2, args, nargs, &errors) || !arg_int(args, nargs, 3, 0, &final)) {
        input_release(&in);
        return VNULL;
    }
    const unsigned char *d = in.data;
    size_t n = in.size, s = 0, startinpos = 0, shift_out_start = 0, shift_out_len = 0;
    bool in_shift = false;
    unsigned bits = 0;
    unsigned long buffer = 0;
    uint32_t surrogate = 0;
    ErrState st = {errors, "utf7", VNULL, VNULL, VNULL};
    StrBuilder sb;
    sb_init(&sb);
    for (;;) {
        while (s < n) {
            unsigned ch = d[s];
            const char *errmsg = NULL;
            if (in_shift) {
                if (is_b64(ch)) {
                    buffer = (buffer << 6) | from_b64(ch);
                    bits += 6;
                    s++;
                    if (bits >= 16) {
                        uint32_t out = (uint32_t)(buffer >> (bits - 16));
                        bits -= 16;
                        buffer &= (1ul << bits) - 1;
                        if (surrogate) {
                            if (out >= 0xDC00 && out <= 0xDFFF) {
                                sb_append_codepoint(&sb, 0x10000 + ((surrogate - 0xD800) << 10) + (out - 0xDC00));
                                surrogate = 0;
                                continue;
                            }
                            sb_append_codepoint(&sb, surrogate);
                            surrogate = 0;
                        }
                        if (out >= 0xD800 && out <= 0xDBFF) surrogate = out;
                        else sb_append_codepoint(&sb, out);
                    }
                    continue;
                }
                /* Leaving the base-64 run. */
                in_shift = false;
                if (bits >= 6) {
                    s++;
                    errmsg = "partial character in shift sequence";
                } else if (bits && buffer) {
                    s++;
                    errmsg = "non-zero padding bits in shift sequence";
                } else {
                    if (surrogate && ch <= 127 && ch != '+') sb_append_codepoint(&sb, surrogate);
                    surrogate = 0;
                    if (ch == '-') s++;   /* '-' is absorbed; other terminators are kept */
                    continue;
                }
            } else if (ch == '+') {
                startinpos = s++;
                if (s < n && d[s] == '-') {
                    s++;
                    sb_append_char(&sb, '+');
                    continue;
                }
                if (s < n && !is_b64(d[s])) {
                    s++;
                    errmsg = "ill-formed sequence";
                } else {
                    in_shift = true;
                    surrogate = 0;
                    shift_out_start = sb.size;
                    shift_out_len = sb.len;
                    bits = 0;
                    buffer = 0;
                    continue;
                }
            } else if (ch <= 127) {
                sb_append_char(&sb, (char)ch);
                s++;
                continue;
            } else {
                startinpos = s++;
                errmsg = "unexpected special character";
            }
            ssize_t next = decode_error(&st, &sb, &d, &n, startinpos, s, errmsg);
            if (next < 0) goto fail;
            s = (size_t)next;
        }
        /* At the end: an unfinished shift sequence is an error only if final and inconsistent. */
        if (in_shift && final) {
            in_shift = false;
            if (surrogate || bits >= 6 || (bits && buffer)) {
                ssize_t next = decode_error(&st, &sb, &d, &n, startinpos, n, "unterminated shift sequence");
                if (next < 0) goto fail;
                s = (size_t)next;
                if (s < n) continue;
            }
        }
        break;
    }
    size_t consumed = s;
    if (!final && in_shift) {
        /* Back off to the '+': the shift state is not kept between calls. */
        consumed = startinpos;
        sb.size = shift_out_start;
        sb.len = shift_out_len;
    }
    input_release(&in);
    return codec_tuple(sb_finish(&sb), final ? in.size : consumed);
fail:
    sb_discard(&sb);
    input_release(&in);
    return VNULL;
}

/* ---- The bytes escape codec (escape_encode/escape_decode, for pickle and codecs' "escape" ones) ---- */

static Value m_escape_encode(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *errors;
    if (check_args("escape_encode", nargs, kwnames, 1, 2) < 0) return VNULL;
    if (!bytes_check(args[0])) {
        err_format(&exc_TypeError, "escape_encode() argument 1 must be bytes, not %s", arg_type(args[0]));
        return VNULL;
    }
    if (!arg_errors("escape_encode", 2, args, nargs, &errors)) return VNULL;
    const unsigned char *p = (const unsigned char *)bytes_data(args[0]);
    size_t n = (size_t)bytes_size(args[0]);
    ByteBuilder bb;
    bb_init(&bb);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        char buf[8];
        if (c == '\'' || c == '\\') {
            buf[0] = '\\';
            buf[1] = (char)c;
            bb_append(&bb, buf, 2);
        } else if (c == '\t') bb_append(&bb, "\\t", 2);
        else if (c == '\n') bb_append(&bb, "\\n", 2);
        else if (c == '\r') bb_append(&bb, "\\r", 2);
        else if (c < ' ' || c >= 0x7F) {
            snprintf(buf, sizeof buf, "\\x%02x", c);
            bb_append(&bb, buf, 4);
        } else bb_append_byte(&bb, c);
    }
    return codec_tuple(bb_finish(&bb), n);
}

/* The DeprecationWarning for the first invalid escape (CPython 3.11's wording). */
static int warn_invalid_escape(const unsigned char *first) {
    char msg[64];
    if (*first >= '4' && *first <= '7')
        snprintf(msg, sizeof msg, "invalid octal escape sequence '\\%.3s'", (const char *)first);
    else {
        /* %c of CPython's PyErr_WarnFormat takes the byte as a code point. */
        char ch[5] = {0};
        utf8_encode(*first, ch);
        snprintf(msg, sizeof msg, "invalid escape sequence '\\%s'", ch);
    }
    return err_warn(&exc_DeprecationWarning, msg, 1);
}

static int hexdigit(unsigned c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

static Value m_escape_decode(Value self, Value *args, size_t nargs, Value kwnames) {
    Input in;
    const char *errors;
    if (check_args("escape_decode", nargs, kwnames, 1, 2) < 0 || !input_get(args[0], true, &in)) return VNULL;
    if (!arg_errors("escape_decode", 2, args, nargs, &errors)) {
        input_release(&in);
        return VNULL;
    }
    const unsigned char *s = in.data, *end = s + in.size, *first_invalid = NULL;
    ByteBuilder bb;
    bb_init(&bb);
    while (s < end) {
        if (*s != '\\') {
            bb_append_byte(&bb, *s++);
            continue;
        }
        s++;
        if (s >= end) {
            err_set(&exc_ValueError, "Trailing \\ in string");
            goto fail;
        }
        unsigned c = *s++;
        switch (c) {
        case '\n': break;
        case '\\': bb_append_byte(&bb, '\\'); break;
        case '\'': bb_append_byte(&bb, '\''); break;
        case '"': bb_append_byte(&bb, '"'); break;
        case 'b': bb_append_byte(&bb, '\b'); break;
        case 'f': bb_append_byte(&bb, '\f'); break;
        case 't': bb_append_byte(&bb, '\t'); break;
        case 'n': bb_append_byte(&bb, '\n'); break;
        case 'r': bb_append_byte(&bb, '\r'); break;
        case 'v': bb_append_byte(&bb, '\v'); break;
        case 'a': bb_append_byte(&bb, '\a'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = c - '0';
            if (s < end && *s >= '0' && *s <= '7') {
                v = (v << 3) + (unsigned)(*s++ - '0');
                if (s < end && *s >= '0' && *s <= '7') v = (v << 3) + (unsigned)(*s++ - '0');
            }
            if (v > 0377 && !first_invalid) first_invalid = s - 3;
            bb_append_byte(&bb, (unsigned char)v);
            break;
        }
        case 'x': {
            if (s + 1 < end && hexdigit(s[0]) >= 0 && hexdigit(s[1]) >= 0) {
                bb_append_byte(&bb, (unsigned char)(hexdigit(s[0]) << 4 | hexdigit(s[1])));
                s += 2;
                break;
            }
            if (errors_strict(errors)) {
                err_format(&exc_ValueError, "invalid \\x escape at position %zd", (ssize_t)(s - 2 - in.data));
                goto fail;
            }
            if (strcmp(errors, "replace") == 0) {
                bb_append_byte(&bb, '?');
            } else if (strcmp(errors, "ignore") != 0) {
                err_format(&exc_ValueError, "decoding error; unknown error handling code: %.400s", errors);
                goto fail;
            }
            if (s < end && hexdigit(*s) >= 0) s++;
            break;
        }
        default:
            if (!first_invalid) first_invalid = s - 1;
            bb_append_byte(&bb, '\\');
            s--;
            break;
        }
    }
    if (first_invalid && warn_invalid_escape(first_invalid) < 0) goto fail;
    input_release(&in);
    return codec_tuple(bb_finish(&bb), in.size);
fail:
    bb_discard(&bb);
    input_release(&in);
    return VNULL;
}

/* ---- unicode-escape and raw-unicode-escape ---- */

static void put_hex_escape(ByteBuilder *bb, uint32_t c) {
    char buf[16];
    int n;
    if (c >= 0x10000) n = snprintf(buf, sizeof buf, "\\U%08x", (unsigned)c);
    else if (c >= 0x100) n = snprintf(buf, sizeof buf, "\\u%04x", (unsigned)c);
    else n = snprintf(buf, sizeof buf, "\\x%02x", (unsigned)c);
    bb_append(bb, buf, (size_t)n);
}

static Value m_unicode_escape_encode(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *errors;
    if (check_args("unicode_escape_encode", nargs, kwnames, 1, 2) < 0 ||
        !arg_str("unicode_escape_encode", 1, args[0]) || !arg_errors("unicode_escape_encode", 2, args, nargs, &errors))
        return VNULL;
    ByteBuilder bb;
    bb_init(&bb);
    const unsigned char *p = (const unsigned char *)str_data(args[0]), *end = p + str_size(args[0]);
    while (p < end) {
        uint32_t c = utf8_decode(&p);
        if (c == '\\') bb_append(&bb, "\\\\", 2);
        else if (c == '\t') bb_append(&bb, "\\t", 2);
        else if (c == '\n') bb_append(&bb, "\\n", 2);
        else if (c == '\r') bb_append(&bb, "\\r", 2);
        else if (c >= ' ' && c < 0x7F) bb_append_byte(&bb, (unsigned char)c);
        else put_hex_escape(&bb, c);
    }
    return codec_tuple(bb_finish(&bb), str_len(args[0]));
}

static Value m_raw_unicode_escape_encode(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *errors;
    if (check_args("raw_unicode_escape_encode", nargs, kwnames, 1, 2) < 0 ||
        !arg_str("raw_unicode_escape_encode", 1, args[0]) ||
        !arg_errors("raw_unicode_escape_encode", 2, args, nargs, &errors))
        return VNULL;
    ByteBuilder bb;
    bb_init(&bb);
    const unsigned char *p = (const unsigned char *)str_data(args[0]), *end = p + str_size(args[0]);
    while (p < end) {
        uint32_t c = utf8_decode(&p);
        if (c < 0x100) bb_append_byte(&bb, (unsigned char)c);
        else put_hex_escape(&bb, c);
    }
    return codec_tuple(bb_finish(&bb), str_len(args[0]));
}

/* unicode_escape_decode and raw_unicode_escape_decode share the argument handling and the tail. */
static Value escape_decode_common(const char *fname, bool raw, Value *args, size_t nargs, Value kwnames) {
    Input in;
    const char *errors;
    int final;
    if (check_args(fname, nargs, kwnames, 1, 3) < 0 || !input_get(args[0], true, &in)) return VNULL;
    if (!arg_errors(fname, 2, args, nargs, &errors) || !arg_int(args, nargs, 3, 1, &final)) {
        input_release(&in);
        return VNULL;
    }
    const unsigned char *d = in.data, *first_invalid = NULL;
    size_t n = in.size, s = 0, consumed = n;
    ErrState st = {errors, raw ? "rawunicodeescape" : "unicodeescape", VNULL, VNULL, VNULL};
    StrBuilder sb;
    sb_init(&sb);
    while (s < n) {
        unsigned c = d[s++];
        if (c != '\\') {
            sb_append_codepoint(&sb, c);
            continue;
        }
        size_t start = s - 1;
        const char *message;
        bool incomplete = false;
        if (raw) {
            /* Only \u and \U escape, and only after an odd number of backslashes. */
            if (s >= n && !final) {
                consumed = start;   /* the escape may continue in the next chunk */
                break;
            }
            if (s >= n || (d[s] != 'u' && d[s] != 'U')) {
                sb_append_char(&sb, '\\');
                if (s < n) sb_append_codepoint(&sb, d[s++]);
                continue;
            }
            c = d[s++];
        } else {
            if (s >= n) {
                message = "\\ at end of string";
                incomplete = true;
                goto error;
            }
            c = d[s++];
        }
        int count = 0;
        switch (raw ? 'R' : c) {
        case '\n': continue;
        case '\\': sb_append_char(&sb, '\\'); continue;
        case '\'': sb_append_char(&sb, '\''); continue;
        case '"': sb_append_char(&sb, '"'); continue;
        case 'b': sb_append_char(&sb, '\b'); continue;
        case 'f': sb_append_char(&sb, '\f'); continue;
        case 't': sb_append_char(&sb, '\t'); continue;
        case 'n': sb_append_char(&sb, '\n'); continue;
        case 'r': sb_append_char(&sb, '\r'); continue;
        case 'v': sb_append_char(&sb, '\v'); continue;
        case 'a': sb_append_char(&sb, '\a'); continue;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = c - '0';
            if (s < n && d[s] >= '0' && d[s] <= '7') {
                v = (v << 3) + (d[s++] - '0');
                if (s < n && d[s] >= '0' && d[s] <= '7') v = (v << 3) + (d[s++] - '0');
            }
            if (v > 0377 && !first_invalid) first_invalid = d + s - 3;
            sb_append_codepoint(&sb, v);
            continue;
        }
        case 'x': count = 2; message = "truncated \\xXX escape"; break;
        case 'u': count = 4; message = "truncated \\uXXXX escape"; break;
        case 'U': count = 8; message = "truncated \\UXXXXXXXX escape"; break;
        case 'R':
            count = c == 'u' ? 4 : 8;
            message = c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
            break;
        case 'N': {
            message = "malformed \\N character escape";
            if (s >= n) {
                incomplete = true;
                goto error;
            }
            if (d[s] == '{') {
                size_t name = ++s;
                while (s < n && d[s] != '}') s++;
                if (s >= n) {
                    incomplete = true;
                    goto error;
                }
                if (s > name) {
                    uint32_t cp;
                    s++;
                    if (unicodedata_lookup((const char *)d + name, s - 1 - name, &cp)) {
                        sb_append_codepoint(&sb, cp);
                        continue;
                    }
                    message = "unknown Unicode character name";
                }
            }
            goto error;
        }
        default:
            if (!first_invalid) first_invalid = d + s - 1;
            sb_append_char(&sb, '\\');
            sb_append_codepoint(&sb, c);
            continue;
        }
        /* \x, \u and \U: exactly `count` hex digits. */
        {
            uint32_t v = 0;
            for (; count; s++, count--) {
                if (s >= n) {
                    incomplete = true;
                    goto error;
                }
                int h = hexdigit(d[s]);
                if (h < 0) goto error;
                v = (v << 4) + (uint32_t)h;
            }
            if (v > 0x10FFFF) {
                message = raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character";
                goto error;
            }
            sb_append_codepoint(&sb, v);
            continue;
        }
    error:
        if (incomplete && !final) {
            consumed = start;
            break;
        }
        {
            ssize_t next = decode_error(&st, &sb, &d, &n, start, s, message);
            if (next < 0) goto fail;
            s = (size_t)next;
        }
    }
    if (!raw && first_invalid && warn_invalid_escape(first_invalid) < 0) goto fail;
    input_release(&in);
    return codec_tuple(sb_finish(&sb), consumed);
fail:
    sb_discard(&sb);
    input_release(&in);
    return VNULL;
}

static Value m_unicode_escape_decode(Value self, Value *args, size_t nargs, Value kwnames) {
    return escape_decode_common("unicode_escape_decode", false, args, nargs, kwnames);
}
static Value m_raw_unicode_escape_decode(Value self, Value *args, size_t nargs, Value kwnames) {
    return escape_decode_common("raw_unicode_escape_decode", true, args, nargs, kwnames);
}

/* ---- charmap: the single-byte table codecs ---- */

/*
 * An EncodingMap is what charmap_build makes of a 256-character decoding
 * table when every character is in the BMP and only the first is NUL:
 * the inverse table, kept as (code point, byte) pairs sorted for binary
 * search.  size() reports what CPython's three-level table would occupy,
 * since programs can see it.
 */
typedef struct EncodingMapObject {
    Object hdr;
    int count2, count3;     /* CPython's level-2/3 block counts, for size() */
    int n;
    uint16_t cp[256];
    uint8_t byte[256];
} EncodingMapObject;

static Type type_encoding_map;

static int encoding_map_lookup(EncodingMapObject *m, uint32_t c) {
    int lo = 0, hi = m->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (m->cp[mid] < c) lo = mid + 1;
        else hi = mid;
    }
    return lo < m->n && m->cp[lo] == c ? m->byte[lo] : -1;
}

static Value encoding_map_size(Value self, Value *args, size_t nargs, Value kwnames) {
    if (kwnames && tuple_size(kwnames)) {
        err_set(&exc_TypeError, "EncodingMap.size() takes no keyword arguments");
        return VNULL;
    }
    if (nargs) {
        err_format(&exc_TypeError, "EncodingMap.size() takes no arguments (%zu given)", nargs);
        return VNULL;
    }
    EncodingMapObject *m = (EncodingMapObject *)self;
    /* sizeof(struct encoding_map) - 1 + 16 * count2 + 128 * count3 on a 64-bit CPython. */
    return val_from_int(63 + 16 * m->count2 + 128 * m->count3);
}

static const MethodDef encoding_map_methods[] = {
    {"size", encoding_map_size, 0, "Return the size (in bytes) of this object"},
    {NULL},
};

static Value encoding_map_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    err_set(&exc_TypeError, "cannot create 'EncodingMap' instances");
    return VNULL;
}

static Type type_encoding_map = {
    .hdr = {0, &type_type},
    .name = "EncodingMap",
    .basicsize = sizeof(EncodingMapObject),
    .new = encoding_map_new,
    .methods = encoding_map_methods,
};

static int cmp_pair(const void *a, const void *b) {
    const uint32_t *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : (x[1] < y[1] ? -1 : x[1] > y[1]);
}

static Value m_charmap_build(Value self, Value *args, size_t nargs, Value kwnames) {
    if (check_one("_codecs.charmap_build", nargs, kwnames) < 0 || !arg_str("charmap_build", 0, args[0])) return VNULL;
    Value s = args[0];
    size_t len = str_len(s);
    if (len == 0) {
        err_set(&exc_TypeError, "bad argument type for built-in operation");
        return VNULL;
    }
    if (len > 256) len = 256;
    uint32_t cps[256];
    const unsigned char *p = (const unsigned char *)str_data(s);
    for (size_t i = 0; i < len; i++) cps[i] = utf8_decode(&p);
    bool need_dict = cps[0] != 0;
    bool l1[32] = {0}, l2[512] = {0};
    int count2 = 0, count3 = 0;
    for (size_t i = 1; i < len && !need_dict; i++) {
        uint32_t c = cps[i];
        if (c == 0 || c > 0xFFFF) {
            need_dict = true;
            break;
        }
        if (c == 0xFFFE) continue;   /* unmapped */
        if (!l1[c >> 11]) l1[c >> 11] = true, count2++;
        if (!l2[c >> 7]) l2[c >> 7] = true, count3++;
    }
    if (count2 >= 0xFF || count3 >= 0xFF) need_dict = true;
    if (need_dict) {
        Value d = dict_new();
        if (!d) return VNULL;
        for (size_t i = 0; i < len; i++)
            if (dict_set(d, val_from_int((intptr_t)cps[i]), val_from_int((intptr_t)i)) < 0) return VNULL;
        return d;
    }
    EncodingMapObject *m = gc_alloc(&type_encoding_map, sizeof *m);
    if (!m) return VNULL;
    m->count2 = count2;
    m->count3 = count3;
    /* Sorted by code point; for a code point listed twice the later byte wins, as in CPython. */
    uint32_t pairs[256][2];
    int n = 0;
    for (size_t i = 0; i < len; i++)
        if (cps[i] != 0xFFFE || i == 0) pairs[n][0] = cps[i], pairs[n][1] = (uint32_t)i, n++;
    qsort(pairs, (size_t)n, sizeof pairs[0], cmp_pair);
    for (int i = 0; i < n; i++) {
        if (m->n && m->cp[m->n - 1] == pairs[i][0]) m->n--;
        m->cp[m->n] = (uint16_t)pairs[i][0];
        m->byte[m->n++] = (uint8_t)pairs[i][1];
    }
    return obj_val(m);
}

/* Decoding through a str table or any mapping; mapping None is Latin-1. */
static Value charmap_decode(const unsigned char *d, size_t n, const char *errors, Value mapping) {
    ErrState st = {errors, "charmap", VNULL, VNULL, VNULL};
    StrBuilder sb;
    sb_init(&sb);
    /* A decoding table (the str every encodings/cp*.py module has) is read once into an array. */
    bool table = str_check(mapping);
    uint32_t tbl[256];
    if (table) {
        const unsigned char *p = (const unsigned char *)str_data(mapping), *pe = p + str_size(mapping);
        for (int i = 0; i < 256; i++) tbl[i] = p < pe ? utf8_decode(&p) : 0xFFFE;
    }
    size_t s = 0;
    while (s < n) {
        unsigned b = d[s];
        bool undefined = false;
        if (table) {
            uint32_t c = tbl[b];
            if (c == 0xFFFE) undefined = true;
            else sb_append_codepoint(&sb, c);
        } else {
            Value x = obj_getitem(mapping, val_from_int(b));
            if (!x) {
                if (!err_matches(&exc_LookupError)) goto fail;
                err_clear();
                undefined = true;
            } else if (x == VNone) {
                undefined = true;
            } else if (int_check(x)) {
                ssize_t v = int_as_ssize(x);
                if ((v == -1 && err_occurred()) || v < 0 || v > 0x10FFFF) {
                    err_clear();
                    err_set(&exc_TypeError, "character mapping must be in range(0x110000)");
                    goto fail;
                }
                if (v == 0xFFFE) undefined = true;
                else sb_append_codepoint(&sb, (uint32_t)v);
            } else if (str_check(x)) {
                if (str_len(x) == 1 && str_char_at(x, 0) == 0xFFFE) undefined = true;
                else sb_append_str(&sb, x);
            } else {
                err_set(&exc_TypeError, "character mapping must return integer, None or str");
                goto fail;
            }
        }
        if (!undefined) {
            s++;
            continue;
        }
        ssize_t next = decode_error(&st, &sb, &d, &n, s, s + 1, "character maps to <undefined>");
        if (next < 0) goto fail;
        s = (size_t)next;
    }
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return VNULL;
}

static Value m_charmap_decode(Value self, Value *args, size_t nargs, Value kwnames) {
    Input in;
    const char *errors;
    if (check_args("charmap_decode", nargs, kwnames, 1, 3) < 0 || !input_get(args[0], false, &in)) return VNULL;
    Value r = VNULL;
    if (arg_errors("charmap_decode", 2, args, nargs, &errors)) {
        Value mapping = nargs > 2 ? args[2] : VNone;
        Value s = mapping == VNone ? bytes_decode((const char *)in.data, in.size, "latin-1", errors)
                                   : charmap_decode(in.data, in.size, errors, mapping);
        r = codec_tuple(s, in.size);
    }
    input_release(&in);
    return r;
}

/* Encode one character through the mapping: 1 done, 0 unmapped, -1 error. */
static int charmap_encode_char(ByteBuilder *bb, uint32_t c, Value mapping) {
    if (val_type(mapping) == &type_encoding_map) {
        int b = encoding_map_lookup((EncodingMapObject *)mapping, c);
        if (b < 0) return 0;
        bb_append_byte(bb, (unsigned char)b);
        return 1;
    }
    Value x = obj_getitem(mapping, int_from_u64(c));
    if (!x) {
        if (!err_matches(&exc_LookupError)) return -1;
        err_clear();
        return 0;
    }
    if (x == VNone) return 0;
    if (int_check(x)) {
        ssize_t v = int_as_ssize(x);
        if ((v == -1 && err_occurred()) || v < 0 || v > 255) {
            err_clear();
            err_set(&exc_TypeError, "character mapping must be in range(256)");
            return -1;
        }
        bb_append_byte(bb, (unsigned char)v);
        return 1;
    }
    if (bytes_check(x)) {
        bb_append(bb, bytes_data(x), (size_t)bytes_size(x));
        return 1;
    }
    err_format(&exc_TypeError, "character mapping must return integer, bytes or None, not %.400s", type_name(x));
    return -1;
}

static Value charmap_encode(Value s, const char *errors, Value mapping) {
    ErrState st = {errors, "charmap", VNULL, VNULL, VNULL};
    ByteBuilder bb, scratch;
    bb_init(&bb);
    size_t len = str_len(s), i = 0, off = 0;
    while (i < len) {
        uint32_t c = next_cp(s, &off);
        int r = charmap_encode_char(&bb, c, mapping);
        if (r < 0) goto fail;
        if (r) {
            i++;
            continue;
        }
        /* The run of unencodable characters. */
        size_t end = i + 1, end_off = off;
        bb_init(&scratch);
        while (end < len) {
            size_t o2 = end_off;
            int r2 = charmap_encode_char(&scratch, next_cp(s, &o2), mapping);
            if (r2 < 0) {
                bb_discard(&scratch);
                goto fail;
            }
            if (r2) break;
            end++;
            end_off = o2;
        }
        bb_discard(&scratch);
        size_t newpos;
        Value rep = encode_error(&st, s, i, end, "character maps to <undefined>", &newpos);
        if (!rep) goto fail;
        if (bytes_check(rep)) {
            bb_append(&bb, bytes_data(rep), (size_t)bytes_size(rep));
        } else {
            const unsigned char *p = (const unsigned char *)str_data(rep), *pe = p + str_size(rep);
            while (p < pe) {
                int r3 = charmap_encode_char(&bb, utf8_decode(&p), mapping);
                if (r3 < 0) goto fail;
                if (!r3) {
                    raise_encode_error(&st, s, i, end, "character maps to <undefined>");
                    goto fail;
                }
            }
        }
        i = newpos;
        off = str_byte_offset(s, i);
    }
    return bb_finish(&bb);
fail:
    bb_discard(&bb);
    return VNULL;
}

static Value m_charmap_encode(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *errors;
    if (check_args("charmap_encode", nargs, kwnames, 1, 3) < 0 || !arg_str("charmap_encode", 1, args[0]) ||
        !arg_errors("charmap_encode", 2, args, nargs, &errors))
        return VNULL;
    Value mapping = nargs > 2 ? args[2] : VNone;
    Value b = mapping == VNone ? str_encode(args[0], "latin-1", errors) : charmap_encode(args[0], errors, mapping);
    return codec_tuple(b, str_len(args[0]));
}

static Value m_readbuffer_encode(Value self, Value *args, size_t nargs, Value kwnames) {
    Input in;
    const char *errors;
    if (check_args("readbuffer_encode", nargs, kwnames, 1, 2) < 0 || !input_get(args[0], true, &in)) return VNULL;
    Value r = VNULL;
    if (arg_errors("readbuffer_encode", 2, args, nargs, &errors))
        r = codec_tuple(bytes_new((const char *)in.data, in.size), in.size);
    input_release(&in);
    return r;
}

/* ---- The module ---- */

static const MethodDef codecs_functions[] = {
    {"register", m_register, 0,
     "Register a codec search function.\n\nSearch functions are expected to take one argument, the encoding name in\n"
     "all lower case letters, and either return None, or a tuple of functions\n(encoder, decoder, stream_reader, "
     "stream_writer) (or a CodecInfo object)."},
    {"unregister", m_unregister, 0, "Unregister a codec search function and clear the registry's cache.\n\nIf the "
     "search function is not registered, do nothing."},
    {"lookup", m_lookup, 0, "Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."},
    {"encode", m_encode, 0,
     "Encodes obj using the codec registered for encoding.\n\nThe default encoding is 'utf-8'.  errors may be given "
     "to set a\ndifferent error handling scheme.  Default is 'strict' meaning that encoding\nerrors raise a "
     "ValueError.  Other possible values are 'ignore', 'replace'\nand 'backslashreplace' as well as any other name "
     "registered with\ncodecs.register_error that can handle ValueErrors."},
    {"decode", m_decode, 0,
     "Decodes obj using the codec registered for encoding.\n\nDefault encoding is 'utf-8'.  errors may be given to "
     "set a\ndifferent error handling scheme.  Default is 'strict' meaning that encoding\nerrors raise a ValueError. "
     " Other possible values are 'ignore', 'replace'\nand 'backslashreplace' as well as any other name registered "
     "with\ncodecs.register_error that can handle ValueErrors."},
    {"_forget_codec", m_forget_codec, 0, "Purge the named codec from the internal codec lookup cache"},
    {"escape_encode", m_escape_encode, 0, NULL},
    {"escape_decode", m_escape_decode, 0, NULL},
    {"utf_8_encode", m_utf_8_encode, 0, NULL},
    {"utf_8_decode", m_utf_8_decode, 0, NULL},
    {"utf_7_encode", m_utf_7_encode, 0, NULL},
    {"utf_7_decode", m_utf_7_decode, 0, NULL},
    {"utf_16_encode", m_utf_16_encode, 0, NULL},
    {"utf_16_decode", m_utf_16_decode, 0, NULL},
    {"utf_16_le_encode", m_utf_16_le_encode, 0, NULL},
    {"utf_16_le_decode", m_utf_16_le_decode, 0, NULL},
    {"utf_16_be_encode", m_utf_16_be_encode, 0, NULL},
    {"utf_16_be_decode", m_utf_16_be_decode, 0, NULL},
    {"utf_16_ex_decode", m_utf_16_ex_decode, 0, NULL},
    {"utf_32_encode", m_utf_32_encode, 0, NULL},
    {"utf_32_decode", m_utf_32_decode, 0, NULL},
    {"utf_32_le_encode", m_utf_32_le_encode, 0, NULL},
    {"utf_32_le_decode", m_utf_32_le_decode, 0, NULL},
    {"utf_32_be_encode", m_utf_32_be_encode, 0, NULL},
    {"utf_32_be_decode", m_utf_32_be_decode, 0, NULL},
    {"utf_32_ex_decode", m_utf_32_ex_decode, 0, NULL},
    {"unicode_escape_encode", m_unicode_escape_encode, 0, NULL},
    {"unicode_escape_decode", m_unicode_escape_decode, 0, NULL},
    {"raw_unicode_escape_encode", m_raw_unicode_escape_encode, 0, NULL},
    {"raw_unicode_escape_decode", m_raw_unicode_escape_decode, 0, NULL},
    {"latin_1_encode", m_latin_1_encode, 0, NULL},
    {"latin_1_decode", m_latin_1_decode, 0, NULL},
    {"ascii_encode", m_ascii_encode, 0, NULL},
    {"ascii_decode", m_ascii_decode, 0, NULL},
    {"charmap_encode", m_charmap_encode, 0, NULL},
    {"charmap_decode", m_charmap_decode, 0, NULL},
    {"charmap_build", m_charmap_build, 0, NULL},
    {"readbuffer_encode", m_readbuffer_encode, 0, NULL},
    {"register_error", m_register_error, 0,
     "Register the specified error handler under the name errors.\n\nhandler must be a callable object, that will "
     "be called with an exception\ninstance containing information about the location of the encoding/decoding\n"
     "error and must return a (replacement, new position) tuple."},
    {"lookup_error", m_lookup_error, 0,
     "lookup_error(errors) -> handler\n\nReturn the error handler for the specified error handling name or raise a\n"
     "LookupError, if no handler exists under this name."},
    {NULL},
};

Value codecs_module_init(void) {
    type_ready(&type_encoding_map);
    if (!registry_ready()) return VNULL;
    Value m = module_new_cstr("_codecs");
    if (!m || module_add_functions(m, codecs_functions) < 0) return VNULL;
    return m;
}
