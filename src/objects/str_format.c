/* str_format.c - str.format/format_map, the format-spec mini-language for str, and printf-style str/bytes % args. */
#include "str.h"
#include "str_internal.h"
#include "unicode_db.h"
#include "int.h"
#include "float.h"
#include "tuple.h"
#include "dict.h"
#include "type.h"
#include "func.h"
#include "../gc/gc.h"
#include <limits.h>
#include "../vm/error.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

/* ==== The format-spec mini-language ==== */

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* The decimal value of the code point at *p (any Unicode decimal digit, as
 * CPython's get_integer accepts), or -1; *len gets its byte length. */
static int digit_at(const unsigned char *p, const unsigned char *end, size_t *len) {
    if (*p < 0x80) {
        *len = 1;
        return *p >= '0' && *p <= '9' ? *p - '0' : -1;
    }
    const unsigned char *q = p;
    uint32_t c = utf8_decode(&q);
    *len = (size_t)(q - p);
    return ucd_decimal(c);
}

/* Parse a run of decimal digits at *pp; returns digits consumed, -1 on overflow. */
static int parse_digits(const unsigned char **pp, const unsigned char *end, ssize_t *out) {
    const unsigned char *p = *pp;
    ssize_t v = 0;
    int n = 0, d;
    size_t l;
    while (p < end && (d = digit_at(p, end, &l)) >= 0) {
        if (v > (SSIZE_MAX - d) / 10) {
            err_set(&exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + d;
        p += l;
        n++;
    }
    *pp = p;
    *out = v;
    return n;
}

/* "'c'" for a printable ASCII presentation type, "'\xNN'" otherwise (CPython's wording). */
static void type_char_text(uint32_t c, char *buf, size_t n) {
    if (c > 32 && c < 128) snprintf(buf, n, "'%c'", (char)c);
    else snprintf(buf, n, "'\\x%x'", (unsigned)c);
}

int format_spec_parse(Value spec, Value obj, char default_type, char default_align, FormatSpec *f) {
    const unsigned char *start = (const unsigned char *)str_data(spec), *p = start;
    const unsigned char *end = p + str_size(spec);
    f->fill = ' ';
    f->align = default_align;
    f->sign = 0;
    f->alternate = f->zero_pad = f->no_neg_zero = false;
    f->grouping = 0;
    f->width = f->precision = -1;
    f->type = (uint32_t)(unsigned char)default_type;
    bool fill_given = false, align_given = false;

    /* [[fill]align]: the fill may be any code point. */
    if (p < end) {
        const unsigned char *q = p;
        uint32_t c0 = utf8_decode(&q);
        if (q < end && is_align(*q)) {
            f->fill = c0;
            f->align = (char)*q;
            fill_given = align_given = true;
            p = q + 1;
        } else if (is_align(c0)) {
            f->align = (char)c0;
            align_given = true;
            p = q;
        }
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' ')) f->sign = (char)*p++;
    if (p < end && *p == 'z') {
        f->no_neg_zero = true;
        p++;
    }
    if (p < end && *p == '#') {
        f->alternate = true;
        p++;
    }
    if (!fill_given && p < end && *p == '0') {
        f->fill = '0';
        f->zero_pad = true;
        if (!align_given && default_align == '>') f->align = '=';
        p++;
    }
    int n = parse_digits(&p, end, &f->width);
    if (n < 0) return -1;
    if (n == 0) f->width = -1;
    if (p < end && *p == ',') {
        f->grouping = ',';
        p++;
    }
    if (p < end && *p == '_') {
        if (f->grouping) goto both;
        f->grouping = '_';
        p++;
    }
    if (p < end && *p == ',' && f->grouping == '_') goto both;
    if (p < end && *p == '.') {
        p++;
        n = parse_digits(&p, end, &f->precision);
        if (n < 0) return -1;
        if (n == 0) {
            err_set(&exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (p < end) {
        const unsigned char *q = p;
        utf8_decode(&q);
        if (q != end) {
            err_format(&exc_ValueError, "Invalid format specifier '%U' for object of type '%s'", spec,
                       type_name(obj));
            return -1;
        }
        f->type = utf8_decode(&p);
    }
    if (f->grouping) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->grouping == '_') {
                f->grouping = '4';
                break;
            }
            /* fall through */
        default: {
            char t[16];
            type_char_text(f->type, t, sizeof t);
            err_format(&exc_ValueError, "Cannot specify '%c' with %s.", f->grouping, t);
            return -1;
        }
        }
    }
    return 0;
both:
    err_set(&exc_ValueError, "Cannot specify both ',' and '_'.");
    return -1;
}

Value format_pad(const char *text, size_t size, size_t len, const FormatSpec *spec, char default_align) {
    ssize_t width = spec->width;
    if (width <= (ssize_t)len) return str_new_len(text, size, len);
    char align = spec->align ? spec->align : default_align;
    size_t total = (size_t)width - len, left;
    if (align == '>') left = total;
    else if (align == '^') left = total / 2;
    else left = 0;
    StrBuilder sb;
    sb_init(&sb);
    sb_append_repeat(&sb, spec->fill, left);
    sb_append_utf8(&sb, text, size, len);
    sb_append_repeat(&sb, spec->fill, total - left);
    return sb_finish(&sb);
}

Value str_format_spec(Value s, Value spec) {
    /* An empty spec means str(s), which a subclass may override. */
    if (str_size(spec) == 0) return obj_str(s);
    FormatSpec f;
    if (format_spec_parse(spec, s, 's', '<', &f) < 0) return VNULL;
    if (f.type != 's') {
        char t[16];
        type_char_text(f.type, t, sizeof t);
        /* CPython quotes the code itself: Unknown format code 'd' ... */
        err_format(&exc_ValueError, "Unknown format code %s for object of type '%s'", t, type_name(s));
        return VNULL;
    }
    if (f.sign) {
        err_set(&exc_ValueError, f.sign == ' ' ? "Space not allowed in string format specifier"
                                               : "Sign not allowed in string format specifier");
        return VNULL;
    }
    if (f.no_neg_zero) {
        err_set(&exc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
        return VNULL;
    }
    if (f.alternate) {
        err_set(&exc_ValueError, "Alternate form (#) not allowed in string format specifier");
        return VNULL;
    }
    if (f.align == '=') {
        err_set(&exc_ValueError, "'=' alignment not allowed in string format specifier");
        return VNULL;
    }
    size_t len = str_len(s), size = str_size(s);
    if (f.precision >= 0 && (size_t)f.precision < len) {
        len = (size_t)f.precision;
        size = str_byte_offset(s, len);
    }
    if (size == str_size(s) && f.width <= (ssize_t)len) return str_exact(s);
    return format_pad(str_data(s), size, len, &f, '<');
}

Value str_dunder_format_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (methargs_check(kwnames, nargs, "str.__format__", ARGS_SIMPLE, 1, 1) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "__format__() argument must be str, not %s", arg_type_name(args[0]));
        return VNULL;
    }
    return str_format_spec(self, args[0]);
}

/* ==== str.format and str.format_map ==== */

/*
 * The replacement-field grammar, as CPython's MarkupIterator parses it:
 *
 *   field       ::= "{" [name] ["!" conversion] [":" spec] "}"
 *   name        ::= arg_name ("." attribute | "[" index "]")*
 *   arg_name    ::= [digits | identifier-ish]   (empty: automatic numbering)
 *
 * The spec may itself contain fields ({:{width}}), expanded recursively to
 * a depth of two.  Everything syntactic is ASCII, so the parser walks the
 * UTF-8 bytes directly.
 */
enum { AUTO_INIT, AUTO_AUTO, AUTO_MANUAL };

typedef struct FmtCtx {
    Value args;      /* tuple of positional arguments, VNULL for format_map */
    Value kwargs;    /* dict (format) or mapping (format_map), or VNULL */
    bool is_map;
    int auto_state;
    ssize_t auto_index;
} FmtCtx;

/* An all-digit name is an index: returns it, -1 if not all digits, -2 on overflow. */
static ssize_t name_index(const char *s, size_t n) {
    if (n == 0) return -1;
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    size_t l;
    for (const unsigned char *q = p; q < end; q += l)
        if (digit_at(q, end, &l) < 0) return -1;
    ssize_t v;
    if (parse_digits(&p, end, &v) < 0) return -2;
    return v;
}

static Value get_field(FmtCtx *ctx, const char *name, size_t n) {
    size_t i = 0;
    while (i < n && name[i] != '.' && name[i] != '[') i++;
    ssize_t index = name_index(name, i);
    if (index == -2) return VNULL;
    Value obj;
    if (i == 0 || index >= 0) {
        bool empty = i == 0;
        if (ctx->auto_state == AUTO_INIT) {
            ctx->auto_state = empty ? AUTO_AUTO : AUTO_MANUAL;
        } else if (ctx->auto_state == AUTO_MANUAL && empty) {
            err_set(&exc_ValueError,
                    "cannot switch from manual field specification to automatic field numbering");
            return VNULL;
        } else if (ctx->auto_state == AUTO_AUTO && !empty) {
            err_set(&exc_ValueError,
                    "cannot switch from automatic field numbering to manual field specification");
            return VNULL;
        }
        if (empty) index = ctx->auto_index++;
        if (!ctx->args) {
            err_set(&exc_ValueError, "Format string contains positional fields");
            return VNULL;
        }
        if (index >= tuple_size(ctx->args)) {
            err_format(&exc_IndexError, "Replacement index %zd out of range for positional args tuple", index);
            return VNULL;
        }
        obj = tuple_get(ctx->args, index);
    } else {
        Value key = str_new(name, i);
        if (!key) return VNULL;
        if (ctx->is_map) {
            obj = obj_getitem(ctx->kwargs, key);
            if (!obj) return VNULL;
        } else {
            obj = ctx->kwargs ? dict_get(ctx->kwargs, key) : VNULL;
            if (!obj) {
                if (!err_occurred()) err_set_value(&exc_KeyError, key);
                return VNULL;
            }
        }
    }
    /* The accessors: .attr and [index]. */
    while (i < n) {
        char c = name[i++];
        size_t s = i;
        if (c == '.') {
            while (i < n && name[i] != '.' && name[i] != '[') i++;
            if (i == s) {
                err_set(&exc_ValueError, "Empty attribute in format string");
                return VNULL;
            }
            Value attr = str_new(name + s, i - s);
            if (!attr) return VNULL;
            obj = obj_getattr(obj, attr);
        } else if (c == '[') {
            while (i < n && name[i] != ']') i++;
            if (i >= n) {
                err_set(&exc_ValueError, "Missing ']' in format string");
                return VNULL;
            }
            if (i == s) {
                err_set(&exc_ValueError, "Empty attribute in format string");
                return VNULL;
            }
            ssize_t k = name_index(name + s, i - s);
            if (k == -2) return VNULL;
            Value key = k >= 0 ? int_from_i64(k) : str_new(name + s, i - s);
            if (!key) return VNULL;
            i++; /* the ']'; what may follow it is checked on the next round, after the lookup */
            obj = obj_getitem(obj, key);
        } else {
            err_set(&exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            return VNULL;
        }
        if (!obj) return VNULL;
    }
    return obj;
}

static int build_format(StrBuilder *sb, const char *s, size_t n, FmtCtx *ctx, int depth);

/* Parse and render the field whose text follows a '{' at s[*pos]. */
static int render_field(StrBuilder *sb, const char *s, size_t n, size_t *pos, FmtCtx *ctx, int depth) {
    size_t i = *pos, name0 = i;
    char c = 0;
    while (i < n) {
        c = s[i++];
        if (c == '{') {
            err_set(&exc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (i < n && s[i] != ']') i++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') break;
    }
    if (c != '}' && c != ':' && c != '!') {
        err_set(&exc_ValueError, "expected '}' before end of string");
        return -1;
    }
    size_t name1 = i - 1;
    uint32_t conv = 0;
    size_t spec0 = i, spec1 = i;
    bool expand = false;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (i >= n) {
                err_set(&exc_ValueError, "end of string while looking for conversion specifier");
                return -1;
            }
            const unsigned char *q = (const unsigned char *)s + i;
            conv = utf8_decode(&q);
            i = (size_t)((const char *)q - s);
            if (i < n) {
                c = s[i++];
                if (c != '}' && c != ':') {
                    err_set(&exc_ValueError, "expected ':' after conversion specifier");
                    return -1;
                }
            } else {
                c = 0;
            }
        }
        if (c == ':' || c == 0) {
            /* c == 0: "{!r" at the end; CPython then reports the unmatched brace. */
            spec0 = i;
            int count = 1;
            bool closed = false;
            while (i < n) {
                char d = s[i++];
                if (d == '{') {
                    expand = true;
                    count++;
                } else if (d == '}' && --count == 0) {
                    closed = true;
                    break;
                }
            }
            if (!closed) {
                err_set(&exc_ValueError, "unmatched '{' in format spec");
                return -1;
            }
            spec1 = i - 1;
        } else {
            spec0 = spec1 = i;
        }
    }
    *pos = i;

    Value obj = get_field(ctx, s + name0, name1 - name0);
    if (!obj) return -1;
    switch (conv) {
    case 0: break;
    case 'r': obj = obj_repr(obj); break;
    case 's': obj = obj_str(obj); break;
    case 'a': obj = obj_ascii(obj); break;
    default:
        if (conv > 32 && conv < 127) err_format(&exc_ValueError, "Unknown conversion specifier %c", (int)conv);
        else err_format(&exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
        return -1;
    }
    if (!obj) return -1;
    Value spec;
    if (expand) {
        StrBuilder inner;
        sb_init(&inner);
        if (build_format(&inner, s + spec0, spec1 - spec0, ctx, depth - 1) < 0) {
            sb_discard(&inner);
            return -1;
        }
        spec = sb_finish(&inner);
    } else if (spec1 == spec0) {
        spec = VNULL;
    } else {
        spec = str_new(s + spec0, spec1 - spec0);
    }
    if (expand && !spec) return -1;
    if (!spec && str_check_exact(obj)) {
        sb_append_str(sb, obj);
        return 0;
    }
    Value r = obj_format(obj, spec ? spec : str_empty());
    if (!r) return -1;
    sb_append_str(sb, r);
    return 0;
}

static int build_format(StrBuilder *sb, const char *s, size_t n, FmtCtx *ctx, int depth) {
    if (depth <= 0) {
        err_set(&exc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    size_t i = 0;
    while (i < n) {
        size_t lit = i;
        while (i < n && s[i] != '{' && s[i] != '}') i++;
        if (i > lit) sb_append(sb, s + lit, i - lit);
        if (i >= n) break;
        char c = s[i++];
        if (i < n && s[i] == c) {
            /* {{ or }}: a literal brace. */
            sb_append_char(sb, c);
            i++;
            continue;
        }
        if (c == '}') {
            err_set(&exc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (i >= n) {
            err_set(&exc_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        if (render_field(sb, s, n, &i, ctx, depth) < 0) return -1;
        if (sb->failed) return -1;
    }
    return 0;
}

static Value do_format(Value self, FmtCtx *ctx) {
    StrBuilder sb;
    sb_init(&sb);
    if (build_format(&sb, str_data(self), str_size(self), ctx, 2) < 0) {
        if (sb.failed && !err_occurred()) err_no_memory();
        sb_discard(&sb);
        return VNULL;
    }
    return sb_finish(&sb);
}

Value str_format_m(Value self, Value *args, size_t nargs, Value kwnames) {
    FmtCtx ctx = {0};
    ctx.args = tuple_from_array(args, nargs);
    if (!ctx.args) return VNULL;
    if (kwnames && tuple_size(kwnames)) {
        ctx.kwargs = dict_new();
        if (!ctx.kwargs) return VNULL;
        for (ssize_t k = 0; k < tuple_size(kwnames); k++)
            if (dict_set(ctx.kwargs, tuple_get(kwnames, k), args[nargs + (size_t)k]) < 0) return VNULL;
    }
    return do_format(self, &ctx);
}

Value str_format_map_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (methargs_check(kwnames, nargs, "str.format_map", ARGS_SIMPLE, 1, 1) < 0) return VNULL;
    FmtCtx ctx = {0};
    ctx.kwargs = args[0];
    ctx.is_map = true;
    return do_format(self, &ctx);
}

/* ==== printf-style formatting: str % args ==== */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct ModCtx {
    Value args;         /* the tuple, the single argument, or a keyed value */
    ssize_t arglen;     /* -1: args is one object (CPython's state machine) */
    ssize_t argidx;
    Value dict;         /* the mapping for %(name)s, or VNULL */
} ModCtx;

static Value next_arg(ModCtx *c) {
    if (c->argidx < c->arglen) {
        ssize_t i = c->argidx++;
        return c->arglen < 0 ? c->args : tuple_get(c->args, i);
    }
    err_set(&exc_TypeError, "not enough arguments for format string");
    return VNULL;
}

/* Append sign, prefix and body, padded to width: zeros go after the prefix. */
static void emit_number(StrBuilder *sb, const char *sign, const char *prefix, const char *body, size_t blen,
                        ssize_t width, int flags) {
    size_t sl = strlen(sign), pl = strlen(prefix), total = sl + pl + blen;
    size_t pad = width > (ssize_t)total ? (size_t)width - total : 0;
    if (pad && !(flags & F_LJUST) && !(flags & F_ZERO)) sb_append_repeat(sb, ' ', pad);
    /* All three parts are ASCII: no code points to count. */
    sb_append_utf8(sb, sign, sl, sl);
    sb_append_utf8(sb, prefix, pl, pl);
    if (pad && !(flags & F_LJUST) && (flags & F_ZERO)) sb_append_repeat(sb, '0', pad);
    sb_append_utf8(sb, body, blen, blen);
    if (pad && (flags & F_LJUST)) sb_append_repeat(sb, ' ', pad);
}

static int format_int(StrBuilder *sb, Value v, char conv, int flags, ssize_t width, ssize_t prec) {
    Value iv;
    if (int_check(v)) {
        iv = v;
    } else {
        Type *t = val_type(v);
        if (!(t->nb_index || t->nb_int || t->nb_float)) goto wrongtype;
        iv = (conv == 'o' || conv == 'x' || conv == 'X') ? num_index(v) : num_int(v);
        if (!iv) {
            if (err_matches(&exc_TypeError)) {
                err_clear();
                goto wrongtype;
            }
            return -1;
        }
    }
    int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10; /* d, i, u: decimal */
    const char *d;
    size_t n;
    bool neg = false;
    char small[32];   /* the digits of a tagged int, written from the end */
    if (val_is_int(iv)) {
        /* A tagged int: its digits straight into a stack buffer, with no
         * str made for them. */
        intptr_t x = val_int(iv);
        uint64_t m = x < 0 ? -(uint64_t)x : (uint64_t)x;
        const char *chars = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        char *p = small + sizeof small;
        do {
            *--p = chars[m % (unsigned)base];
            m /= (unsigned)base;
        } while (m);
        neg = x < 0;
        d = p;
        n = (size_t)(small + sizeof small - p);
    } else {
        Value digits = int_to_str(iv, base);
        if (!digits) return -1;
        d = str_data(digits);
        n = str_size(digits);
        if (n && d[0] == '-') {
            neg = true;
            d++;
            n--;
        }
        /* Accept int_to_str with or without a 0x/0o prefix. */
        if (n > 2 && d[0] == '0' && (d[1] == 'x' || d[1] == 'X' || d[1] == 'o' || d[1] == 'O')) {
            d += 2;
            n -= 2;
        }
    }
    size_t zeros = prec > (ssize_t)n ? (size_t)prec - n : 0;
    const char *sign = neg ? "-" : (flags & F_SIGN) ? "+" : (flags & F_BLANK) ? " " : "";
    const char *prefix = "";
    if (flags & F_ALT) prefix = conv == 'o' ? "0o" : conv == 'x' ? "0x" : conv == 'X' ? "0X" : "";
    if (val_is_int(iv) && !zeros) {
        emit_number(sb, sign, prefix, d, n, width, flags);   /* already in the right case */
        return 0;
    }
    if (prec > INT_MAX - 3) {
        err_set(&exc_OverflowError, "precision too large");
        return -1;
    }
    char *body = malloc(n + zeros + 1);
    if (!body) {
        err_no_memory();
        return -1;
    }
    memset(body, '0', zeros);
    for (size_t i = 0; i < n; i++) body[zeros + i] = conv == 'X' ? (char)toupper((unsigned char)d[i]) : (char)tolower((unsigned char)d[i]);
    emit_number(sb, sign, prefix, body, zeros + n, width, flags);
    free(body);
    return 0;
wrongtype:
    err_format(&exc_TypeError, "%%%c format: %s is required, not %s", conv,
               (conv == 'o' || conv == 'x' || conv == 'X') ? "an integer" : "a real number", type_name(v));
    return -1;
}

static int format_float(StrBuilder *sb, Value v, char conv, int flags, ssize_t width, ssize_t prec) {
    Type *t = val_type(v);
    if (!float_check(v) && !int_check(v) && !t->nb_float && !t->nb_index) {
        err_format(&exc_TypeError, "must be real number, not %s", type_name(v));
        return -1;
    }
    double d;
    if (float_as_double(v, &d) < 0) return -1;
    if (prec < 0) prec = 6;
    if (prec > 1000) prec = 1000;  /* keeps the buffer bounded; CPython's output is the same digits */
    char buf[1600];
    float_format_buf(d, (char)tolower((unsigned char)conv), (int)prec, (flags & F_ALT) != 0, buf, sizeof buf);
    if (conv == 'E' || conv == 'F' || conv == 'G')
        for (char *q = buf; *q; q++) *q = (char)toupper((unsigned char)*q);
    const char *body = buf;
    const char *sign = "";
    if (*body == '-') {
        sign = "-";
        body++;
    } else if (flags & F_SIGN) {
        sign = "+";
    } else if (flags & F_BLANK) {
        sign = " ";
    }
    emit_number(sb, sign, "", body, strlen(body), width, flags);
    return 0;
}

/* %c: a code point (str) or a byte (bytes), from an int or a one-item str/bytes. */
static int format_char(StrBuilder *sb, Value v, int flags, ssize_t width, bool is_bytes) {
    uint32_t c;
    const char *bd;
    size_t bn;
    if (!is_bytes && str_check(v)) {
        if (str_len(v) != 1) goto bad;
        c = str_char_at(v, 0);
    } else if (is_bytes && bytes_get_buffer(v, &bd, &bn)) {
        if (bn != 1) goto bad;
        c = (unsigned char)bd[0];
    } else if (num_check_index(v)) {
        Value iv = num_index(v);
        if (!iv) return -1;
        int64_t x = int_fits_i64(iv) ? int_as_i64(iv) : -1;
        uint32_t limit = is_bytes ? 0x100 : 0x110000;
        if (x < 0 || x >= (int64_t)limit) {
            err_set(&exc_OverflowError, is_bytes ? "%c arg not in range(256)" : "%c arg not in range(0x110000)");
            return -1;
        }
        c = (uint32_t)x;
    } else {
        goto bad;
    }
    if (width > 1 && !(flags & F_LJUST)) sb_append_repeat(sb, ' ', (size_t)width - 1);
    if (is_bytes) {
        char ch = (char)c;
        sb_append_utf8(sb, &ch, 1, 1);
    } else {
        sb_append_codepoint(sb, c);
    }
    if (width > 1 && (flags & F_LJUST)) sb_append_repeat(sb, ' ', (size_t)width - 1);
    return 0;
bad:
    err_set(&exc_TypeError, is_bytes ? "%c requires an integer in range(256) or a single byte"
                                     : "%c requires int or char");
    return -1;
}

/* %s and %b of bytes formatting: the raw bytes of a bytes-like object or of __bytes__(). */
static Value bytes_of_arg(Value v) {
    const char *d;
    size_t n;
    if (bytes_get_buffer(v, &d, &n)) return bytes_check(v) ? v : bytes_new(d, n);
    Value m = type_lookup_cstr(val_type(v), "__bytes__");
    if (m && !str_check(v)) return bytes_from_object(v);
    err_format(&exc_TypeError, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
               type_name(v));
    return VNULL;
}

/* Reads a '*' width (a Py_ssize_t) or precision (a C int, as in CPython) from the arguments. */
static int star_arg(ModCtx *c, ssize_t *out, bool c_int) {
    Value v = next_arg(c);
    if (!v) return -1;
    if (!int_check(v)) {
        err_set(&exc_TypeError, "* wants int");
        return -1;
    }
    *out = int_as_ssize(v);
    if (*out == -1 && err_occurred()) return -1;
    if (c_int && (*out > INT_MAX || *out < INT_MIN)) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return 0;
}

/*
 * The engine behind `str % args` and `bytes % args`.  For bytes the format
 * and the output are raw bytes held in the StrBuilder's buffer (its code
 * point count is then meaningless and unused).
 */
static Value percent_format(const char *s, size_t n, Value args, bool is_bytes) {
    ModCtx c;
    bool is_tuple = tuple_check(args);
    c.args = args;
    c.arglen = is_tuple ? tuple_size(args) : -1;
    c.argidx = is_tuple ? 0 : -2;
    Type *at = val_type(args);
    /* As CPython: str % x takes any mapping but a str; bytes % x no bytes or bytearray either. */
    bool not_mapping = str_check(args) || (is_bytes && (bytes_check(args) || bytearray_check(args)));
    c.dict = (!is_tuple && !not_mapping && at->getitem) ? args : VNULL;

    size_t i = 0;
    StrBuilder sb;
    sb_init(&sb);
    while (i < n) {
        size_t lit = i;
        while (i < n && s[i] != '%') i++;
        if (i > lit) {
            if (is_bytes) sb_append_utf8(&sb, s + lit, i - lit, i - lit);
            else sb_append(&sb, s + lit, i - lit);
        }
        if (i >= n) break;
        i++;
        if (i < n && s[i] == '%') {
            sb_append_char(&sb, '%');
            i++;
            continue;
        }
        int flags = 0;
        ssize_t width = -1, prec = -1;
        if (i < n && s[i] == '(') {
            if (!c.dict) {
                err_set(&exc_TypeError, "format requires a mapping");
                goto fail;
            }
            size_t k0 = ++i;
            int depth = 1;
            while (i < n && depth) {
                if (s[i] == '(') depth++;
                else if (s[i] == ')') depth--;
                i++;
            }
            if (depth) {
                err_set(&exc_ValueError, "incomplete format key");
                goto fail;
            }
            Value key = is_bytes ? bytes_new(s + k0, i - 1 - k0) : str_new(s + k0, i - 1 - k0);
            if (!key) goto fail;
            Value v = obj_getitem(c.dict, key);
            if (!v) goto fail;
            c.args = v;
            c.arglen = -1;
            c.argidx = -2;
        }
        for (; i < n; i++) {
            char f = s[i];
            if (f == '-') flags |= F_LJUST;
            else if (f == '+') flags |= F_SIGN;
            else if (f == ' ') flags |= F_BLANK;
            else if (f == '#') flags |= F_ALT;
            else if (f == '0') flags |= F_ZERO;
            else break;
        }
        if (i < n && s[i] == '*') {
            if (star_arg(&c, &width, false) < 0) goto fail;
            if (width < 0) {
                flags |= F_LJUST;
                width = -width;
            }
            i++;
        } else {
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                if (width < 0) width = 0;
                if (width > (SSIZE_MAX - 9) / 10) {
                    err_set(&exc_ValueError, "width too big");
                    goto fail;
                }
                width = width * 10 + (s[i++] - '0');
            }
        }
        if (i < n && s[i] == '.') {
            i++;
            prec = 0;
            if (i < n && s[i] == '*') {
                if (star_arg(&c, &prec, true) < 0) goto fail;
                if (prec < 0) prec = 0;
                i++;
            } else {
                while (i < n && s[i] >= '0' && s[i] <= '9') {
                    if (prec > (INT_MAX - (s[i] - '0')) / 10) {
                        err_set(&exc_ValueError, "precision too big");
                        goto fail;
                    }
                    prec = prec * 10 + (s[i++] - '0');
                }
            }
        }
        while (i < n && (s[i] == 'h' || s[i] == 'l' || s[i] == 'L')) i++;
        if (i >= n) {
            err_set(&exc_ValueError, "incomplete format");
            goto fail;
        }
        size_t conv_at = i;
        uint32_t conv;
        if (is_bytes) {
            conv = (unsigned char)s[i++];
        } else {
            const unsigned char *q = (const unsigned char *)s + i;
            conv = utf8_decode(&q);
            i = (size_t)((const char *)q - s);
        }
        Value v = next_arg(&c);
        if (!v) goto fail;
        int rc = 0;
        switch (conv) {
        case 's': case 'r': case 'a': case 'b': {
            Value r;
            if (is_bytes && (conv == 's' || conv == 'b')) {
                r = bytes_of_arg(v);
                if (!r) goto fail;
                size_t len = (size_t)bytes_size(r);
                if (prec >= 0 && (size_t)prec < len) len = (size_t)prec;
                size_t pad = width > (ssize_t)len ? (size_t)width - len : 0;
                if (!(flags & F_LJUST)) sb_append_repeat(&sb, ' ', pad);
                sb_append_utf8(&sb, bytes_data(r), len, len);
                if (flags & F_LJUST) sb_append_repeat(&sb, ' ', pad);
                break;
            }
            if (conv == 'b') goto unsupported;
            r = conv == 's' ? obj_str(v) : conv == 'r' && !is_bytes ? obj_repr(v) : obj_ascii(v);
            if (!r) goto fail;
            size_t len = str_len(r), size = str_size(r);
            if (prec >= 0 && (size_t)prec < len) {
                len = (size_t)prec;
                size = str_byte_offset(r, len);
            }
            size_t pad = width > (ssize_t)len ? (size_t)width - len : 0;
            if (!(flags & F_LJUST)) sb_append_repeat(&sb, ' ', pad);
            sb_append_utf8(&sb, str_data(r), size, len);
            if (flags & F_LJUST) sb_append_repeat(&sb, ' ', pad);
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
            rc = format_int(&sb, v, (char)conv, flags, width, prec);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            rc = format_float(&sb, v, (char)conv, flags, width, prec);
            break;
        case 'c':
            rc = format_char(&sb, v, flags, width, is_bytes);
            break;
        default:
        unsupported: {
            size_t index = is_bytes ? conv_at : utf8_count(s, conv_at);
            err_format(&exc_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                       (conv >= 32 && conv <= 126) ? (int)conv : '?', (unsigned)conv, index);
            rc = -1;
            break;
        }
        }
        if (rc < 0) goto fail;
    }
    if (c.argidx < c.arglen && !c.dict) {
        err_set(&exc_TypeError, is_bytes ? "not all arguments converted during bytes formatting"
                                         : "not all arguments converted during string formatting");
        goto fail;
    }
    if (is_bytes) {
        Value r = sb.failed ? VNULL : bytes_new(sb.buf, sb.size);
        if (sb.failed && !err_occurred()) err_no_memory();
        sb_discard(&sb);
        return r;
    }
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return VNULL;
}

Value str_mod(Value fmt, Value args) { return percent_format(str_data(fmt), str_size(fmt), args, false); }

Value bytes_mod(Value fmt, Value args) {
    const char *d;
    size_t n;
    bytes_get_buffer(fmt, &d, &n);
    Value r = percent_format(d, n, args, true);
    if (!r || !bytearray_check(fmt)) return r;
    return bytearray_new(bytes_data(r), (size_t)bytes_size(r));
}
