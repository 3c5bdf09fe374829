/* json_encode.c - _json's encoder half: encode_basestring(_ascii), the Encoder behind c_make_encoder, and the module. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "datamod.h"
#include "json.h"

#include <math.h>
#include <stdio.h>

/*
 * json.encoder uses c_make_encoder for one-shot encoding without indent
 * (json.dumps with default arguments): the whole document is written into
 * one JBuf and returned as a list holding the one str, as CPython 3.11 does.
 * The type checks, the order of calls into user code (default, a custom
 * string encoder, dict.items() of subclasses, sorting) and the messages
 * are CPython's.  When the string encoder is this module's own
 * encode_basestring(_ascii), strings are escaped straight into the buffer.
 */

/* ---- JBuf ---- */

bool jb_grow(JBuf *b, size_t need) {
    if (b->failed) return false;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->size + need + 1) {
        if (cap > (SIZE_MAX >> 2)) {
            b->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *n = realloc(b->buf, cap);
    if (!n) {
        b->failed = true;
        return false;
    }
    b->buf = n;
    b->cap = cap;
    return true;
}

void jb_free(JBuf *b) {
    free(b->buf);
    b->buf = NULL;
    b->size = b->cap = b->len = 0;
}

Value jb_finish(JBuf *b) {
    if (b->failed) {
        jb_free(b);
        err_no_memory();
        return VNULL;
    }
    Value r = b->size ? str_new_len(b->buf, b->size, b->len) : str_empty();
    jb_free(b);
    return r;
}

static inline void jb_str(JBuf *b, Value s) {
    size_t n = str_size(s);
    if (!jb_reserve(b, n)) return;
    memcpy(b->buf + b->size, str_data(s), n);
    b->size += n;
    b->len += str_len(s);
}

/* ---- string escaping ---- */

/* 0: copied as is; else the character after the backslash ('u': \u00XX). */
static char escape_ascii[256], escape_unicode[256];

static void escape_tables_init(void) {
    for (int c = 0; c < 256; c++) {
        char e = c < 0x20 ? 'u' : 0;
        escape_unicode[c] = e;
        escape_ascii[c] = c < 0x20 || c >= 0x7f ? 'u' : 0;
    }
    static const struct { char c, e; } named[] = {
        {'"', '"'}, {'\\', '\\'}, {'\b', 'b'}, {'\f', 'f'}, {'\n', 'n'}, {'\r', 'r'}, {'\t', 't'},
    };
    for (size_t i = 0; i < ARRAY_LEN(named); i++) {
        escape_ascii[(unsigned char)named[i].c] = named[i].e;
        escape_unicode[(unsigned char)named[i].c] = named[i].e;
    }
}

static const char hexdig[] = "0123456789abcdef";

static inline void put_u(char *o, uint32_t c) {
    o[0] = '\\';
    o[1] = 'u';
    o[2] = hexdig[(c >> 12) & 15];
    o[3] = hexdig[(c >> 8) & 15];
    o[4] = hexdig[(c >> 4) & 15];
    o[5] = hexdig[c & 15];
}

void json_escape_into(JBuf *b, Value s, bool ascii) {
    const unsigned char *p = (const unsigned char *)str_data(s), *end = p + str_size(s);
    const char *table = ascii ? escape_ascii : escape_unicode;
    jb_char(b, '"');
    while (p < end) {
        const unsigned char *run = p;
        while (p < end && !table[*p]) p++;
        if (p > run) {
            size_t n = (size_t)(p - run);
            if (!jb_reserve(b, n)) return;
            memcpy(b->buf + b->size, run, n);
            b->size += n;
        }
        if (p >= end) break;
        char e = table[*p];
        if (!jb_reserve(b, 12)) return;
        char *o = b->buf + b->size;
        if (e != 'u') {
            o[0] = '\\';
            o[1] = e;
            b->size += 2;
            b->len += 1;   /* one input character became two */
            p++;
            continue;
        }
        if (*p < 0x80) {
            put_u(o, *p++);
            b->size += 6;
            b->len += 5;
            continue;
        }
        /* Non-ASCII in ascii mode. */
        uint32_t c = utf8_decode(&p);
        if (c >= 0x10000) {
            c -= 0x10000;
            put_u(o, 0xD800 | ((c >> 10) & 0x3FF));
            put_u(o + 6, 0xDC00 | (c & 0x3FF));
            b->size += 12;
            b->len += 11;
        } else {
            put_u(o, c);
            b->size += 6;
            b->len += 5;
        }
    }
    jb_char(b, '"');
    /* Copied runs were counted as no code points: add the input's count
     * (the escapes above counted only their growth). */
    b->len += str_len(s);
}

static Value encode_basestring_common(const char *name, Value *args, size_t nargs, Value kw, bool ascii) {
    if (arg_no_kw(name, kw) < 0) return VNULL;
    if (nargs != 1) {
        err_format(&exc_TypeError, "_json.%s() takes exactly one argument (%zu given)", name, nargs);
        return VNULL;
    }
    Value s = args[0];
    if (!str_check(s)) {
        err_format(&exc_TypeError, "first argument must be a string, not %.80s", type_name(s));
        return VNULL;
    }
    JBuf b = {0};
    json_escape_into(&b, s, ascii);
    return jb_finish(&b);
}

static Value encode_basestring_ascii_m(Value self, Value *args, size_t nargs, Value kw) {
    return encode_basestring_common("encode_basestring_ascii", args, nargs, kw, true);
}

static Value encode_basestring_m(Value self, Value *args, size_t nargs, Value kw) {
    return encode_basestring_common("encode_basestring", args, nargs, kw, false);
}

/* ---- the Encoder type (json.encoder.c_make_encoder) ---- */

typedef struct EncoderObject {
    Object hdr;
    Value markers, defaultfn, encoder, indent, key_separator, item_separator;
    bool sort_keys, skipkeys, allow_nan;
    int fast;          /* 0: call encoder; 1: ascii escaping; 2: unicode escaping */
} EncoderObject;

static void encoder_trace(Object *o) {
    EncoderObject *e = (EncoderObject *)o;
    gc_mark(e->markers);
    gc_mark(e->defaultfn);
    gc_mark(e->encoder);
    gc_mark(e->indent);
    gc_mark(e->key_separator);
    gc_mark(e->item_separator);
}

static Value encoder_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"markers", "default", "encoder", "indent", "key_separator",
                                        "item_separator", "sort_keys", "skipkeys", "allow_nan", NULL};
    Value a[9];
    if (arg_parse("make_encoder", args, nargs, kwnames, names, 0, 9, a) < 0) return VNULL;
    for (int i = 4; i <= 5; i++) {
        if (!str_check(a[i])) {
            err_format(&exc_TypeError, "make_encoder() argument %d must be str, not %.50s", i + 1, type_name(a[i]));
            return VNULL;
        }
    }
    bool flags[3];
    for (int i = 0; i < 3; i++) {
        int r = obj_is_true(a[6 + i]);
        if (r < 0) return VNULL;
        flags[i] = r;
    }
    if (a[0] != VNone && !dict_check(a[0])) {
        err_format(&exc_TypeError, "make_encoder() argument 1 must be dict or None, not %.200s", type_name(a[0]));
        return VNULL;
    }
    EncoderObject *e = (EncoderObject *)type_generic_alloc(t, 0);
    if (!e) return VNULL;
    e->markers = a[0];
    e->defaultfn = a[1];
    e->encoder = a[2];
    e->indent = a[3];
    e->key_separator = a[4];
    e->item_separator = a[5];
    e->sort_keys = flags[0];
    e->skipkeys = flags[1];
    e->allow_nan = flags[2];
    Value enc = a[2];
    if (!val_is_int(enc) && val_type(enc) == &type_builtin_function) {
        CFunc fn = ((BuiltinFuncObject *)enc)->def->fn;
        if (fn == encode_basestring_ascii_m) e->fast = 1;
        else if (fn == encode_basestring_m) e->fast = 2;
    }
    return obj_val(e);
}

static int encode_obj(EncoderObject *e, JBuf *b, Value obj, ssize_t indent_level);

/* A str through the encoder: escaped in place, or via the user's function. */
static int encode_string(EncoderObject *e, JBuf *b, Value s) {
    if (e->fast) {
        json_escape_into(b, s, e->fast == 1);
        return 0;
    }
    Value r = obj_call1(e->encoder, s);
    if (!r) return -1;
    if (!str_check(r)) {
        err_format(&exc_TypeError, "encoder() must return a string, not %.80s", type_name(r));
        return -1;
    }
    jb_str(b, r);
    return 0;
}

static void write_int(JBuf *b, Value v) {
    char buf[24], *q = buf + sizeof buf;
    intptr_t i = val_int(v);
    uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    do {
        *--q = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (i < 0) *--q = '-';
    jb_ascii(b, q, (size_t)(buf + sizeof buf - q));
}

/* int.__repr__ (also for int subclasses and big ints). */
static int encode_int(JBuf *b, Value v) {
    if (val_is_int(v)) {
        write_int(b, v);
        return 0;
    }
    Value r = int_to_str(v, 10);
    if (!r) return -1;
    jb_str(b, r);
    return 0;
}

/* float.__repr__, or the names JSON uses for the non-finite values. */
static int encode_float(EncoderObject *e, JBuf *b, Value v) {
    double d = float_value(v);
    if (!isfinite(d)) {
        if (!e->allow_nan) {
            err_set(&exc_ValueError, "Out of range float values are not JSON compliant");
            return -1;
        }
        if (d > 0) jb_ascii(b, "Infinity", 8);
        else if (d < 0) jb_ascii(b, "-Infinity", 9);
        else jb_ascii(b, "NaN", 3);
        return 0;
    }
    char buf[40];
    int n;
    if (d == trunc(d) && fabs(d) < 9007199254740992.0 && (d != 0 || !signbit(d))) {
        n = snprintf(buf, sizeof buf, "%lld.0", (long long)d);
    } else {
        n = float_repr_buf(d, buf, sizeof buf);
        if (n < 0) {
            err_no_memory();
            return -1;
        }
    }
    jb_ascii(b, buf, (size_t)n);
    return 0;
}

/* The markers dict guards against cycles: id(container) -> container. */
static int markers_enter(EncoderObject *e, Value obj, Value *ident) {
    *ident = VNULL;
    if (e->markers == VNone) return 0;
    Value id = int_from_u64((uint64_t)obj);
    if (!id) return -1;
    int has = dict_contains(e->markers, id);
    if (has) {
        if (has > 0) err_set(&exc_ValueError, "Circular reference detected");
        return -1;
    }
    if (dict_set(e->markers, id, obj) < 0) return -1;
    *ident = id;
    return 0;
}

static int markers_leave(EncoderObject *e, Value ident) {
    return ident ? dict_del(e->markers, ident) : 0;
}

static int encode_list(EncoderObject *e, JBuf *b, Value seq, ssize_t indent_level) {
    bool is_list = list_check(seq);
    ssize_t n = is_list ? list_size(seq) : tuple_size(seq);
    if (n == 0) {
        jb_ascii(b, "[]", 2);
        return 0;
    }
    Value ident;
    if (markers_enter(e, seq, &ident) < 0) return -1;
    jb_char(b, '[');
    for (ssize_t i = 0; i < (is_list ? list_size(seq) : n); i++) {
        if (i) jb_str(b, e->item_separator);
        if (encode_obj(e, b, is_list ? list_get(seq, i) : tuple_get(seq, i), indent_level) < 0) return -1;
    }
    if (markers_leave(e, ident) < 0) return -1;
    jb_char(b, ']');
    return 0;
}

/* The key of a dict item as a str, VNone to skip it (skipkeys), VNULL on error. */
static Value key_string(EncoderObject *e, Value key) {
    if (str_check(key)) return key;
    if (float_check(key)) {
        JBuf kb = {0};
        if (encode_float(e, &kb, key) < 0) {
            jb_free(&kb);
            return VNULL;
        }
        return jb_finish(&kb);
    }
    if (key == VTrue) return str_intern_cstr("true");
    if (key == VFalse) return str_intern_cstr("false");
    if (key == VNone) return str_intern_cstr("null");
    if (int_check(key)) return int_to_str(key, 10);
    if (e->skipkeys) return VNone;
    err_format(&exc_TypeError, "keys must be str, int, float, bool or None, not %.100s", type_name(key));
    return VNULL;
}

/* PyMapping_Items for a dict subclass: items() as a list (its own list when it returns one). */
static Value mapping_items(Value dct) {
    Value r = obj_call_method(dct, "items", NULL, 0);
    if (!r || list_check_exact(r)) return r;
    Value it = obj_iter(r);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "%.200s.items() returned a non-iterable (type %.200s)", type_name(dct),
                       type_name(r));
        }
        return VNULL;
    }
    return list_from_iterable(it);
}

static int encode_dict(EncoderObject *e, JBuf *b, Value dct, ssize_t indent_level) {
    if (dict_size(dct) == 0) {
        jb_ascii(b, "{}", 2);
        return 0;
    }
    Value ident;
    if (markers_enter(e, dct, &ident) < 0) return -1;
    jb_char(b, '{');
    /* A snapshot of the items (PyMapping_Items): keys then values in one
     * array, or for sorting and dict subclasses a list of pairs. */
    Value items = VNULL, *kv = NULL;
    ssize_t n;
    if (dict_check_exact(dct) && !e->sort_keys) {
        n = dict_size(dct);
        kv = array_alloc(2 * (size_t)n);
        if (!kv) return -1;
        ssize_t pos = 0, i = 0;
        Value k, v;
        while (i < n && dict_next(dct, &pos, &k, &v)) {
            kv[2 * i] = k;
            kv[2 * i + 1] = v;
            i++;
        }
        n = i;
    } else {
        items = dict_check_exact(dct) ? dict_items_list(dct) : mapping_items(dct);
        if (!items) return -1;
        if (e->sort_keys && list_sort(items, VNULL, false) < 0) return -1;
        n = list_size(items);
    }
    bool first = true;
    for (ssize_t i = 0; i < (items ? list_size(items) : n); i++) {
        Value key, value;
        if (items) {
            Value item = list_get(items, i);
            if (!tuple_check(item) || tuple_size(item) != 2) {
                err_set(&exc_ValueError, "items must return 2-tuples");
                return -1;
            }
            key = tuple_get(item, 0);
            value = tuple_get(item, 1);
        } else {
            key = kv[2 * i];
            value = kv[2 * i + 1];
        }
        Value kstr = key_string(e, key);
        if (!kstr) return -1;
        if (kstr == VNone) continue;
        if (!first) jb_str(b, e->item_separator);
        first = false;
        if (encode_string(e, b, kstr) < 0) return -1;
        jb_str(b, e->key_separator);
        if (encode_obj(e, b, value, indent_level) < 0) return -1;
    }
    if (markers_leave(e, ident) < 0) return -1;
    jb_char(b, '}');
    return 0;
}

static int encode_obj(EncoderObject *e, JBuf *b, Value obj, ssize_t indent_level) {
    if (val_is_int(obj)) {
        write_int(b, obj);
        return 0;
    }
    if (obj == VNone) {
        jb_ascii(b, "null", 4);
        return 0;
    }
    if (obj == VTrue) {
        jb_ascii(b, "true", 4);
        return 0;
    }
    if (obj == VFalse) {
        jb_ascii(b, "false", 5);
        return 0;
    }
    if (str_check(obj)) return encode_string(e, b, obj);
    if (int_check(obj)) return encode_int(b, obj);
    if (float_check(obj)) return encode_float(e, b, obj);
    int r;
    if (list_check(obj) || tuple_check(obj)) {
        if (err_enter_recursive(" while encoding a JSON object") < 0) return -1;
        r = encode_list(e, b, obj, indent_level);
        err_leave_recursive();
        return r;
    }
    if (dict_check(obj)) {
        if (err_enter_recursive(" while encoding a JSON object") < 0) return -1;
        r = encode_dict(e, b, obj, indent_level);
        err_leave_recursive();
        return r;
    }
    Value ident;
    if (markers_enter(e, obj, &ident) < 0) return -1;
    Value newobj = obj_call1(e->defaultfn, obj);
    if (!newobj) return -1;
    if (err_enter_recursive(" while encoding a JSON object") < 0) return -1;
    r = encode_obj(e, b, newobj, indent_level);
    err_leave_recursive();
    if (r < 0) return -1;
    return markers_leave(e, ident);
}

static Value encoder_call(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"obj", "_current_indent_level", NULL};
    Value a[2];
    if (arg_parse("_iterencode", args, nargs, kwnames, names, 0, 2, a) < 0) return VNULL;
    ssize_t level;
    if (dm_ssize(a[1], &level) < 0) return VNULL;
    JBuf b = {0};
    if (encode_obj((EncoderObject *)self, &b, a[0], level) < 0) {
        jb_free(&b);
        return VNULL;
    }
    Value s = jb_finish(&b);
    return s ? list_from_array(&s, 1) : VNULL;
}

static Value encoder_get_sort_keys(Value self) { return val_bool(((EncoderObject *)self)->sort_keys); }
static Value encoder_get_skipkeys(Value self) { return val_bool(((EncoderObject *)self)->skipkeys); }

static const GetSetDef encoder_getsets[] = {
    {"sort_keys", encoder_get_sort_keys, NULL, "sort_keys"},
    {"skipkeys", encoder_get_skipkeys, NULL, "skipkeys"},
    {NULL}
};

static const MemberDef encoder_members[] = {
    {"markers", MEMBER_VALUE_RO, offsetof(EncoderObject, markers)},
    {"default", MEMBER_VALUE_RO, offsetof(EncoderObject, defaultfn)},
    {"encoder", MEMBER_VALUE_RO, offsetof(EncoderObject, encoder)},
    {"indent", MEMBER_VALUE_RO, offsetof(EncoderObject, indent)},
    {"key_separator", MEMBER_VALUE_RO, offsetof(EncoderObject, key_separator)},
    {"item_separator", MEMBER_VALUE_RO, offsetof(EncoderObject, item_separator)},
    {NULL}
};

Type type_json_encoder = {
    .hdr = {0, &type_type},
    .name = "_json.Encoder",
    .basicsize = sizeof(EncoderObject),
    .flags = TF_BASETYPE,
    .trace = encoder_trace,
    .new = encoder_new,
    .call = encoder_call,
    .getsets = encoder_getsets,
    .members = encoder_members,
    .doc = "_iterencode(obj, _current_indent_level) -> iterable",
};

/* ---- the module ---- */

static const MethodDef json_functions[] = {
    {"encode_basestring_ascii", encode_basestring_ascii_m, 0,
     "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string"},
    {"encode_basestring", encode_basestring_m, 0,
     "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
    {"scanstring", json_scanstring_m, 0,
     "scanstring(string, end, strict=True) -> (string, end)\n\n"
     "Scan the string s for a JSON string. End is the index of the\n"
     "character in s after the quote that started the JSON string.\n"
     "Unescapes all valid JSON string escape sequences and raises ValueError\n"
     "on attempt to decode an invalid string. If strict is False then literal\n"
     "control characters are allowed in the string.\n\n"
     "Returns a tuple of the decoded string and the index of the character in s\n"
     "after the end quote."},
    {NULL}
};

Value json_module_init(void) {
    escape_tables_init();
    type_ready(&type_json_scanner);
    type_ready(&type_json_encoder);
    Value m = module_new_cstr("_json");
    if (!m || module_add_functions(m, json_functions) < 0) return VNULL;
    if (module_add(m, "make_scanner", obj_val(&type_json_scanner)) < 0 ||
        module_add(m, "make_encoder", obj_val(&type_json_encoder)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("json speedups\n")) < 0)
        return VNULL;
    return m;
}
