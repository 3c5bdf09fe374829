/* json_decode.c - _json's decoder half: scanstring() and the Scanner behind json.scanner.make_scanner. */
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

/*
 * The scanner is CPython's recursive descent over the document (the
 * order of checks, and so the error message and position for every
 * malformed input, follow Modules/_json.c), but it walks the str's UTF-8
 * bytes.  Positions are byte offsets inside; they become code point
 * indices only where Python sees them (the returned end index, the
 * JSONDecodeError position, StopIteration's value), by counting, which for
 * an ASCII document is nothing at all.
 *
 * A string without escapes becomes a str by one copy of its bytes; the
 * code point count comes from the same scan.  Keys go through a memo dict
 * so repeated keys share one str, as in CPython.
 */

typedef struct ScannerObject {
    Object hdr;
    Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;
    Value memo;
    bool strict;
} ScannerObject;

typedef struct Parse {
    ScannerObject *s;
    Value pystr;
    const unsigned char *data;
    size_t size;
    bool ascii;
    bool strict;
} Parse;

static Value decode_error_type;   /* json.decoder.JSONDecodeError, imported on first error */

/* The code point index of byte offset pos. */
static size_t cp_index(const Parse *p, size_t pos) {
    return p->ascii ? pos : utf8_count((const char *)p->data, pos);
}

/* At least n code points start at byte offset pos. */
static bool has_cps(const Parse *p, size_t pos, size_t n) {
    if (p->ascii) return pos + n <= p->size;
    while (n) {
        if (pos >= p->size) return false;
        pos++;
        while (pos < p->size && (p->data[pos] & 0xC0) == 0x80) pos++;
        n--;
    }
    return true;
}

static Value raise_errmsg(const Parse *p, const char *msg, size_t pos) {
    if (!decode_error_type) {
        extern Value import_name(Value name, Value globals, Value fromlist, int level);
        Value from = tuple_pack(1, str_from_cstr("JSONDecodeError"));
        Value mod = from ? import_name(str_from_cstr("json.decoder"), VNULL, from, 0) : VNULL;
        Value t = mod ? obj_getattr_cstr(mod, "JSONDecodeError") : VNULL;
        if (!t) return VNULL;
        decode_error_type = t;
        gc_add_root(&decode_error_type);
    }
    Value m = str_from_cstr(msg);
    Value idx = m ? int_from_u64(cp_index(p, pos)) : VNULL;
    if (!idx) return VNULL;
    Value args[3] = {m, p->pystr, idx};
    Value exc = obj_call(decode_error_type, args, 3, VNULL);
    if (exc) err_set_object(exc);
    return VNULL;
}

static Value stop_iteration(const Parse *p, size_t pos) {
    Value idx = int_from_u64(cp_index(p, pos));
    if (idx) err_set_value(&exc_StopIteration, idx);
    return VNULL;
}

static inline bool is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static inline size_t skip_ws(const Parse *p, size_t i) {
    while (i < p->size && is_ws(p->data[i])) i++;
    return i;
}

static inline int hexval(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* 1 for bytes that end a run of plain string content: '"', '\\' and the controls. */
static const unsigned char special[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, ['\\'] = 1,
};

/* The JSON string whose contents start at byte `end` (after the quote). */
static Value scan_string(const Parse *p, size_t end, bool strict, size_t *next_out) {
    const unsigned char *d = p->data;
    size_t size = p->size, begin = end - 1;
    JBuf b = {0};
    bool building = false;
    for (;;) {
        size_t q = end;
        unsigned char hi = 0, c = 0;
        for (; q < size; q++) {
            c = d[q];
            if (special[c]) {
                if (c == '"' || c == '\\') break;
                if (strict) {
                    jb_free(&b);
                    return raise_errmsg(p, "Invalid control character at", q);
                }
            }
            hi |= c;
        }
        if (q == size) {
            jb_free(&b);
            return raise_errmsg(p, "Unterminated string starting at", begin);
        }
        size_t clen = hi & 0x80 ? utf8_count((const char *)d + end, q - end) : q - end;
        if (c == '"' && !building) {
            *next_out = q + 1;
            return str_new_len((const char *)d + end, q - end, clen);
        }
        building = true;
        if (q != end && jb_reserve(&b, q - end)) {
            memcpy(b.buf + b.size, d + end, q - end);
            b.size += q - end;
            b.len += clen;
        }
        size_t next = q + 1;
        if (c == '"') {
            end = next;
            break;
        }
        if (next == size) {
            jb_free(&b);
            return raise_errmsg(p, "Unterminated string starting at", begin);
        }
        uint32_t ch = d[next];
        if (ch != 'u') {
            end = next + 1;
            switch (ch) {
            case '"': case '\\': case '/': break;
            case 'b': ch = '\b'; break;
            case 'f': ch = '\f'; break;
            case 'n': ch = '\n'; break;
            case 'r': ch = '\r'; break;
            case 't': ch = '\t'; break;
            default: ch = 0;
            }
            if (ch == 0) {
                jb_free(&b);
                return raise_errmsg(p, "Invalid \\escape", end - 2);
            }
            jb_char(&b, (char)ch);
            continue;
        }
        next++;
        /* Four hex digits and something after them (CPython's end >= len test, in code points). */
        if (!has_cps(p, next, 5)) {
            jb_free(&b);
            return raise_errmsg(p, "Invalid \\uXXXX escape", next - 1);
        }
        end = next + 4;
        ch = 0;
        for (; next < end; next++) {
            int h = hexval(d[next]);
            if (h < 0) {
                jb_free(&b);
                return raise_errmsg(p, "Invalid \\uXXXX escape", end - 5);
            }
            ch = (ch << 4) | (uint32_t)h;
        }
        /* A high surrogate followed by an escaped low one makes a pair. */
        if (ch >= 0xD800 && ch <= 0xDBFF && has_cps(p, end, 7) && d[next] == '\\' && d[next + 1] == 'u') {
            next += 2;
            uint32_t c2 = 0;
            end += 6;
            for (; next < end; next++) {
                int h = hexval(d[next]);
                if (h < 0) {
                    jb_free(&b);
                    return raise_errmsg(p, "Invalid \\uXXXX escape", end - 5);
                }
                c2 = (c2 << 4) | (uint32_t)h;
            }
            if (c2 >= 0xDC00 && c2 <= 0xDFFF) ch = 0x10000 + (((ch - 0xD800) << 10) | (c2 - 0xDC00));
            else end -= 6;
        }
        if (jb_reserve(&b, 4)) {
            b.size += (size_t)utf8_encode(ch, b.buf + b.size);
            b.len++;
        }
    }
    *next_out = end;
    return jb_finish(&b);
}

static Value scan_once(const Parse *p, size_t idx, size_t *next);

static Value call_hook(Value hook, Value arg) { return obj_call1(hook, arg); }

static Value parse_object(const Parse *p, size_t idx, size_t *next_out) {
    ScannerObject *s = p->s;
    bool pairs_hook = s->object_pairs_hook != VNone;
    Value rval = pairs_hook ? list_new(0) : dict_new();
    if (!rval) return VNULL;
    idx = skip_ws(p, idx);
    if (idx >= p->size || p->data[idx] != '}') {
        for (;;) {
            if (idx >= p->size || p->data[idx] != '"')
                return raise_errmsg(p, "Expecting property name enclosed in double quotes", idx);
            size_t next;
            Value key = scan_string(p, idx + 1, p->strict, &next);
            if (!key) return VNULL;
            Value memo = dict_get(s->memo, key);
            if (memo) {
                key = memo;
            } else {
                if (err_occurred() || dict_set(s->memo, key, key) < 0) return VNULL;
            }
            idx = skip_ws(p, next);
            if (idx >= p->size || p->data[idx] != ':') return raise_errmsg(p, "Expecting ':' delimiter", idx);
            idx = skip_ws(p, idx + 1);
            Value val = scan_once(p, idx, &next);
            if (!val) return VNULL;
            if (pairs_hook) {
                Value item = tuple_pack(2, key, val);
                if (!item || list_append(rval, item) < 0) return VNULL;
            } else if (dict_set(rval, key, val) < 0) {
                return VNULL;
            }
            idx = skip_ws(p, next);
            if (idx < p->size && p->data[idx] == '}') break;
            if (idx >= p->size || p->data[idx] != ',') return raise_errmsg(p, "Expecting ',' delimiter", idx);
            idx = skip_ws(p, idx + 1);
        }
    }
    *next_out = idx + 1;
    if (pairs_hook) return call_hook(s->object_pairs_hook, rval);
    if (s->object_hook != VNone) return call_hook(s->object_hook, rval);
    return rval;
}

static Value parse_array(const Parse *p, size_t idx, size_t *next_out) {
    Value rval = list_new(0);
    if (!rval) return VNULL;
    idx = skip_ws(p, idx);
    if (idx >= p->size || p->data[idx] != ']') {
        for (;;) {
            size_t next;
            Value val = scan_once(p, idx, &next);
            if (!val || list_append(rval, val) < 0) return VNULL;
            idx = skip_ws(p, next);
            if (idx < p->size && p->data[idx] == ']') break;
            if (idx >= p->size || p->data[idx] != ',') return raise_errmsg(p, "Expecting ',' delimiter", idx);
            idx = skip_ws(p, idx + 1);
        }
    }
    *next_out = idx + 1;
    return rval;
}

static Value parse_constant(const Parse *p, const char *name, size_t idx, size_t *next) {
    Value n = str_intern_cstr(name);
    if (!n) return VNULL;
    Value r = obj_call1(p->s->parse_constant, n);
    *next = idx + strlen(name);
    return r;
}

static inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static Value match_number(const Parse *p, size_t start, size_t *next) {
    const unsigned char *d = p->data;
    size_t end_idx = p->size - 1, idx = start;
    bool is_float = false;
    if (d[idx] == '-') {
        idx++;
        if (idx > end_idx) return stop_iteration(p, start);
    }
    if (d[idx] >= '1' && d[idx] <= '9') {
        idx++;
        while (idx <= end_idx && is_digit(d[idx])) idx++;
    } else if (d[idx] == '0') {
        idx++;
    } else {
        return stop_iteration(p, start);
    }
    if (idx < end_idx && d[idx] == '.' && is_digit(d[idx + 1])) {
        is_float = true;
        idx += 2;
        while (idx <= end_idx && is_digit(d[idx])) idx++;
    }
    if (idx < end_idx && (d[idx] == 'e' || d[idx] == 'E')) {
        size_t e_start = idx;
        idx++;
        if (idx < end_idx && (d[idx] == '-' || d[idx] == '+')) idx++;
        while (idx <= end_idx && is_digit(d[idx])) idx++;
        if (is_digit(d[idx - 1])) is_float = true;
        else idx = e_start;
    }
    *next = idx;
    const char *text = (const char *)d + start;
    size_t n = idx - start;
    Value custom = is_float ? p->s->parse_float : p->s->parse_int;
    if (custom != obj_val(is_float ? &type_float : &type_int)) {
        Value numstr = str_new_len(text, n, n);
        return numstr ? obj_call1(custom, numstr) : VNULL;
    }
    if (is_float) return float_from_string(text, n);
    if (n <= 18) {
        bool neg = text[0] == '-';
        int64_t v = 0;
        for (size_t i = neg; i < n; i++) v = v * 10 + (text[i] - '0');
        return val_from_int(neg ? -v : v);
    }
    return int_from_string(text, n, 10);
}

static Value scan_once(const Parse *p, size_t idx, size_t *next) {
    const unsigned char *d = p->data;
    size_t size = p->size;
    if (idx >= size) return stop_iteration(p, idx);
    Value r;
    switch (d[idx]) {
    case '"':
        return scan_string(p, idx + 1, p->strict, next);
    case '{':
        if (err_enter_recursive(" while decoding a JSON object from a unicode string") < 0) return VNULL;
        r = parse_object(p, idx + 1, next);
        err_leave_recursive();
        return r;
    case '[':
        if (err_enter_recursive(" while decoding a JSON array from a unicode string") < 0) return VNULL;
        r = parse_array(p, idx + 1, next);
        err_leave_recursive();
        return r;
    case 'n':
        if (idx + 3 < size && d[idx + 1] == 'u' && d[idx + 2] == 'l' && d[idx + 3] == 'l') {
            *next = idx + 4;
            return VNone;
        }
        break;
    case 't':
        if (idx + 3 < size && d[idx + 1] == 'r' && d[idx + 2] == 'u' && d[idx + 3] == 'e') {
            *next = idx + 4;
            return VTrue;
        }
        break;
    case 'f':
        if (idx + 4 < size && memcmp(d + idx + 1, "alse", 4) == 0) {
            *next = idx + 5;
            return VFalse;
        }
        break;
    case 'N':
        if (idx + 2 < size && d[idx + 1] == 'a' && d[idx + 2] == 'N') return parse_constant(p, "NaN", idx, next);
        break;
    case 'I':
        if (idx + 7 < size && memcmp(d + idx + 1, "nfinity", 7) == 0) return parse_constant(p, "Infinity", idx, next);
        break;
    case '-':
        if (idx + 8 < size && memcmp(d + idx + 1, "Infinity", 8) == 0)
            return parse_constant(p, "-Infinity", idx, next);
        break;
    }
    return match_number(p, idx, next);
}

static void parse_init(Parse *p, ScannerObject *s, Value pystr, bool strict) {
    p->s = s;
    p->pystr = pystr;
    p->data = (const unsigned char *)str_data(pystr);
    p->size = str_size(pystr);
    p->ascii = str_is_ascii(pystr);
    p->strict = strict;
}

/* ---- scanstring(s, end, strict=True) ---- */

Value json_scanstring_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("scanstring", kw) < 0) return VNULL;
    if (nargs < 2 || nargs > 3) {
        err_format(&exc_TypeError, "scanstring() takes at %s %d arguments (%zu given)", nargs < 2 ? "least" : "most",
                   nargs < 2 ? 2 : 3, nargs);
        return VNULL;
    }
    ssize_t end;
    if (dm_ssize(args[1], &end) < 0) return VNULL;
    bool strict = true;
    if (nargs > 2) {
        int t = obj_is_true(args[2]);
        if (t < 0) return VNULL;
        strict = t;
    }
    Value s = args[0];
    if (!str_check(s)) {
        err_format(&exc_TypeError, "first argument must be a string, not %.80s", type_name(s));
        return VNULL;
    }
    if (end < 0 || (size_t)end > str_len(s)) {
        err_set(&exc_ValueError, "end is out of bounds");
        return VNULL;
    }
    Parse p;
    parse_init(&p, NULL, s, strict);
    size_t next;
    Value r = scan_string(&p, str_byte_offset(s, (size_t)end), strict, &next);
    if (!r) return VNULL;
    Value n = int_from_u64(cp_index(&p, next));
    return n ? tuple_pack(2, r, n) : VNULL;
}

/* ---- the Scanner type (json.scanner.c_make_scanner) ---- */

static void scanner_trace(Object *o) {
    ScannerObject *s = (ScannerObject *)o;
    gc_mark(s->object_hook);
    gc_mark(s->object_pairs_hook);
    gc_mark(s->parse_float);
    gc_mark(s->parse_int);
    gc_mark(s->parse_constant);
    gc_mark(s->memo);
}

static Value scanner_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"context", NULL};
    Value ctx;
    if (arg_parse("make_scanner", args, nargs, kwnames, names, 0, 1, &ctx) < 0) return VNULL;
    ScannerObject *s = (ScannerObject *)type_generic_alloc(t, 0);
    if (!s) return VNULL;
    s->memo = dict_new();
    if (!s->memo) return VNULL;
    Value v = obj_getattr_cstr(ctx, "strict");
    if (!v) return VNULL;
    int st = obj_is_true(v);
    if (st < 0) return VNULL;
    s->strict = st;
    static const struct { const char *name; size_t off; } fields[] = {
        {"object_hook", offsetof(ScannerObject, object_hook)},
        {"object_pairs_hook", offsetof(ScannerObject, object_pairs_hook)},
        {"parse_float", offsetof(ScannerObject, parse_float)},
        {"parse_int", offsetof(ScannerObject, parse_int)},
        {"parse_constant", offsetof(ScannerObject, parse_constant)},
    };
    for (size_t i = 0; i < ARRAY_LEN(fields); i++) {
        Value f = obj_getattr_cstr(ctx, fields[i].name);
        if (!f) return VNULL;
        GC_WRITE(s, *(Value *)((char *)s + fields[i].off), f);
    }
    return obj_val(s);
}

static Value scanner_call(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"string", "idx", NULL};
    Value a[2];
    if (arg_parse("scan_once", args, nargs, kwnames, names, 0, 2, a) < 0) return VNULL;
    ssize_t idx;
    if (dm_ssize(a[1], &idx) < 0) return VNULL;
    ScannerObject *s = (ScannerObject *)self;
    Value pystr = a[0];
    if (!str_check(pystr)) {
        err_format(&exc_TypeError, "first argument must be a string, not %.80s", type_name(pystr));
        return VNULL;
    }
    Parse p;
    parse_init(&p, s, pystr, s->strict);
    Value r;
    size_t next = 0;
    if (idx < 0) {
        err_set(&exc_ValueError, "idx cannot be negative");
        r = VNULL;
    } else if ((size_t)idx >= str_len(pystr)) {
        Value iv = int_from_i64(idx);
        if (iv) err_set_value(&exc_StopIteration, iv);
        r = VNULL;
    } else {
        r = scan_once(&p, str_byte_offset(pystr, (size_t)idx), &next);
    }
    dict_clear(s->memo);
    if (!r) return VNULL;
    Value n = int_from_u64(cp_index(&p, next));
    return n ? tuple_pack(2, r, n) : VNULL;
}

static Value scanner_get_strict(Value self) { return val_bool(((ScannerObject *)self)->strict); }

static const GetSetDef scanner_getsets[] = {
    {"strict", scanner_get_strict, NULL, "strict"},
    {NULL}
};

static const MemberDef scanner_members[] = {
    {"object_hook", MEMBER_VALUE_RO, offsetof(ScannerObject, object_hook)},
    {"object_pairs_hook", MEMBER_VALUE_RO, offsetof(ScannerObject, object_pairs_hook)},
    {"parse_float", MEMBER_VALUE_RO, offsetof(ScannerObject, parse_float)},
    {"parse_int", MEMBER_VALUE_RO, offsetof(ScannerObject, parse_int)},
    {"parse_constant", MEMBER_VALUE_RO, offsetof(ScannerObject, parse_constant)},
    {NULL}
};

Type type_json_scanner = {
    .hdr = {0, &type_type},
    .name = "_json.Scanner",
    .basicsize = sizeof(ScannerObject),
    .flags = TF_BASETYPE,
    .trace = scanner_trace,
    .new = scanner_new,
    .call = scanner_call,
    .getsets = scanner_getsets,
    .members = scanner_members,
    .doc = "JSON scanner object",
};
