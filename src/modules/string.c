/* string.c - the _string module: format-string parsing for string.Formatter (formatter_parser, formatter_field_name_split). */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../objects/misc.h"
#include "../objects/module.h"
#include "../objects/unicode_db.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"

/*
 * The same grammar str.format parses (CPython's MarkupIterator and
 * FieldNameIterator), exposed as iterators.  Every delimiter is ASCII, so
 * the scanners walk the UTF-8 bytes and cut substrings at byte offsets.
 */

typedef struct FormatterIterObject {
    Object hdr;
    Value str;
    size_t pos;       /* byte offset of the unparsed rest */
} FormatterIterObject;

typedef struct FieldNameIterObject {
    Object hdr;
    Value str;
    size_t pos, end;
} FieldNameIterObject;

Type type_formatteriter, type_fieldnameiter;

static void formatteriter_trace(Object *o) { gc_mark(((FormatterIterObject *)o)->str); }
static void fieldnameiter_trace(Object *o) { gc_mark(((FieldNameIterObject *)o)->str); }
static Value self_iter(Value self) { return self; }

static Value substr(Value s, size_t start, size_t end) { return str_new(str_data(s) + start, end - start); }

/* A field name part as an index: its value when it is all decimal digits, -1 otherwise (or on error). */
static ssize_t get_integer(Value s, size_t start, size_t end) {
    if (start >= end) return -1;
    const unsigned char *p = (const unsigned char *)str_data(s) + start, *e = (const unsigned char *)str_data(s) + end;
    ssize_t acc = 0;
    while (p < e) {
        int d = ucd_decimal(utf8_decode(&p));
        if (d < 0) return -1;
        if (acc > (SSIZE_MAX - d) / 10) {
            err_set(&exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

/* ---- formatter_parser ---- */

static Value formatteriter_next(Value self) {
    FormatterIterObject *it = (FormatterIterObject *)self;
    const char *s = str_data(it->str);
    size_t end = str_size(it->str), start = it->pos, p = start;
    if (p >= end) return VNULL;
    char c = 0;
    bool markup = false;
    while (p < end) {
        c = s[p++];
        if (c == '{' || c == '}') {
            markup = true;
            break;
        }
    }
    bool at_end = p >= end;
    size_t len = p - start;
    if (c == '}' && (at_end || s[p] != '}')) {
        err_set(&exc_ValueError, "Single '}' encountered in format string");
        return VNULL;
    }
    if (at_end && c == '{') {
        err_set(&exc_ValueError, "Single '{' encountered in format string");
        return VNULL;
    }
    if (!at_end) {
        if (s[p] == c) {
            p++;             /* a doubled brace: literal text only */
            markup = false;
        } else {
            len--;
        }
    }
    Value literal = substr(it->str, start, start + len);
    if (!literal) return VNULL;
    if (!markup) {
        it->pos = p;
        return tuple_pack(4, literal, VNone, VNone, VNone);
    }
    /* The field name runs to '}', ':' or '!' ('[...]' may hold any of them). */
    size_t name_start = p;
    c = 0;
    while (p < end) {
        c = s[p++];
        if (c == '{') {
            err_set(&exc_ValueError, "unexpected '{' in field name");
            return VNULL;
        }
        if (c == '[') {
            while (p < end && s[p] != ']') p++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') break;
    }
    size_t name_end = p - 1;
    Value conversion = VNone;
    size_t spec_start = p, spec_end = p;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (p >= end) {
                err_set(&exc_ValueError, "end of string while looking for conversion specifier");
                return VNULL;
            }
            const unsigned char *q = (const unsigned char *)s + p;
            uint32_t conv = utf8_decode(&q);
            p = (size_t)((const char *)q - s);
            conversion = str_from_codepoint(conv);
            if (!conversion) return VNULL;
            if (p < end) {
                c = s[p++];
                if (c == '}') {
                    it->pos = p;
                    goto done_empty_spec;
                }
                if (c != ':') {
                    err_set(&exc_ValueError, "expected ':' after conversion specifier");
                    return VNULL;
                }
            }
        }
        spec_start = p;
        int count = 1;
        while (p < end) {
            c = s[p++];
            if (c == '{') {
                count++;
            } else if (c == '}') {
                if (--count == 0) {
                    spec_end = p - 1;
                    it->pos = p;
                    goto done;
                }
            }
        }
        err_set(&exc_ValueError, "unmatched '{' in format spec");
        return VNULL;
    } else if (c != '}') {
        err_set(&exc_ValueError, "expected '}' before end of string");
        return VNULL;
    }
    it->pos = p;
done_empty_spec:
    spec_start = spec_end = 0;
done:;
    Value name = substr(it->str, name_start, name_end);
    Value spec = substr(it->str, spec_start, spec_end);
    if (!name || !spec) return VNULL;
    return tuple_pack(4, literal, name, spec, conversion);
}

static Value formatter_parser_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("formatter_parser", kw) < 0 || arg_count("formatter_parser", nargs, 1, 1) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "expected str, got %s", type_name(args[0]));
        return VNULL;
    }
    misc_ready_type(&type_formatteriter);
    FormatterIterObject *it = gc_alloc(&type_formatteriter, sizeof(FormatterIterObject));
    if (!it) return VNULL;
    it->str = args[0];
    return obj_val(it);
}

Type type_formatteriter = {
    .hdr = {0, &type_type},
    .name = "formatteriterator",
    .basicsize = sizeof(FormatterIterObject),
    .trace = formatteriter_trace,
    .iter = self_iter,
    .iternext = formatteriter_next,
};

/* ---- formatter_field_name_split ---- */

static Value fieldnameiter_next(Value self) {
    FieldNameIterObject *it = (FieldNameIterObject *)self;
    const char *s = str_data(it->str);
    if (it->pos >= it->end) return VNULL;
    char c = s[it->pos++];
    bool is_attr;
    size_t start = it->pos, stop;
    if (c == '.') {
        is_attr = true;
        while (it->pos < it->end && s[it->pos] != '.' && s[it->pos] != '[') it->pos++;
        stop = it->pos;
    } else if (c == '[') {
        is_attr = false;
        while (it->pos < it->end && s[it->pos] != ']') it->pos++;
        if (it->pos >= it->end) {
            err_set(&exc_ValueError, "Missing ']' in format string");
            return VNULL;
        }
        stop = it->pos++;
    } else {
        err_set(&exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        return VNULL;
    }
    ssize_t idx = is_attr ? -1 : get_integer(it->str, start, stop);
    if (idx == -1 && err_occurred()) return VNULL;
    if (start == stop) {
        err_set(&exc_ValueError, "Empty attribute in format string");
        return VNULL;
    }
    Value v = idx != -1 ? int_from_i64(idx) : substr(it->str, start, stop);
    return v ? tuple_pack(2, val_bool(is_attr), v) : VNULL;
}

static Value field_name_split_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("formatter_field_name_split", kw) < 0 || arg_count("formatter_field_name_split", nargs, 1, 1) < 0)
        return VNULL;
    Value s = args[0];
    if (!str_check(s)) {
        err_format(&exc_TypeError, "expected str, got %s", type_name(s));
        return VNULL;
    }
    const char *d = str_data(s);
    size_t end = str_size(s), i = 0;
    while (i < end && d[i] != '.' && d[i] != '[') i++;
    ssize_t idx = get_integer(s, 0, i);
    if (idx == -1 && err_occurred()) return VNULL;
    Value first = idx != -1 ? int_from_i64(idx) : substr(s, 0, i);
    if (!first) return VNULL;
    misc_ready_type(&type_fieldnameiter);
    FieldNameIterObject *it = gc_alloc(&type_fieldnameiter, sizeof(FieldNameIterObject));
    if (!it) return VNULL;
    it->str = s;
    it->pos = i;
    it->end = end;
    return tuple_pack(2, first, obj_val(it));
}

Type type_fieldnameiter = {
    .hdr = {0, &type_type},
    .name = "fieldnameiterator",
    .basicsize = sizeof(FieldNameIterObject),
    .trace = fieldnameiter_trace,
    .iter = self_iter,
    .iternext = fieldnameiter_next,
};

static const MethodDef string_functions[] = {
    {"formatter_field_name_split", field_name_split_m, 0, "split the argument as a field name"},
    {"formatter_parser", formatter_parser_m, 0, "parse the argument as a format string"},
    {NULL},
};

Value string_module_init(void) {
    Value m = module_new_cstr("_string");
    if (!m || module_add_functions(m, string_functions) < 0) return VNULL;
    if (module_add(m, "__doc__", str_from_cstr("string helper module")) < 0) return VNULL;
    return m;
}
