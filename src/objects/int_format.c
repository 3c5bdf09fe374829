/* int_format.c - int <-> text: int(str, base), str(int), the digit limit, and number layout for __format__. */
#include "int.h"
#include "float.h"
#include "str.h"
#include "func.h"
#include "num_internal.h"
#include "../vm/error.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
static const char digit_chars_upper[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/* ---- Unicode text accepted by int() and float() ---- */

/*
 * The first code point (digit zero) of each run of Unicode decimal digits
 * (category Nd).  Unicode guarantees such digits come in contiguous runs
 * of ten in ascending order.  Generated from CPython 3.11's unicodedata
 * (Unicode 14.0.0) with:
 *   [c for c in range(0x110000) if unicodedata.decimal(chr(c), -1) == 0]
 */
static const uint32_t decimal_zeros[] = {
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66,
    0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810,
    0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620,
    0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30,
    0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
    0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140,
    0x1e2f0, 0x1e950, 0x1fbf0,
};

static int unicode_decimal(uint32_t cp) {
    size_t lo = 0, hi = ARRAY_LEN(decimal_zeros);
    while (lo < hi) { /* the last run starting at or below cp */
        size_t mid = (lo + hi) / 2;
        if (decimal_zeros[mid] <= cp) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return -1;
    uint32_t off = cp - decimal_zeros[lo - 1];
    return off < 10 ? (int)off : -1;
}

/* str.isspace() for code points >= 128 (the ASCII ones are handled apart). */
static bool unicode_space(uint32_t cp) {
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

char *num_text_to_ascii(const char *utf8, size_t size, size_t *out_len) {
    char *out = malloc(size + 1);
    if (!out) {
        err_no_memory();
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)utf8, *end = p + size;
    size_t n = 0;
    while (p < end) {
        uint32_t cp = *p < 0x80 ? *p++ : utf8_decode(&p);
        if (cp < 0x80) {
            /* \x1c..\x1f are whitespace to str.isspace(), not to C. */
            out[n++] = (cp >= 0x1C && cp <= 0x1F) ? ' ' : (char)cp;
        } else if (unicode_space(cp)) {
            out[n++] = ' ';
        } else {
            int d = unicode_decimal(cp);
            out[n++] = d >= 0 ? (char)('0' + d) : '?';
        }
    }
    out[n] = 0;
    *out_len = n;
    return out;
}

/* ---- Parsing: int(text, base) ---- */

static inline bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static inline int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static void digits_limit_error(size_t ndigits) {
    err_format(&exc_ValueError,
               "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; "
               "use sys.set_int_max_str_digits() to increase the limit",
               int_max_str_digits, ndigits);
}

/*
 * The grammar (CPython's): optional whitespace, an optional sign, for base
 * 0 a 0x/0o/0b prefix picking the base (or decimal, where a leading zero
 * allows only zeros), for base 16/8/2 the matching optional prefix, then
 * digits with single underscores between them (one may also follow the
 * prefix), then optional whitespace.  The digit-count limit is checked
 * after the digits are scanned and before trailing junk is rejected, as
 * CPython does.
 */
int int_parse(const char *s, size_t len, int base, Value *out) {
    const char *p = s, *end = s + len;
    while (p < end && ascii_space(*p)) p++;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    bool only_zero = false;
    char c1 = p + 1 < end ? p[1] : 0;
    if (base == 0) {
        if (p >= end || *p != '0') base = 10;
        else if (c1 == 'x' || c1 == 'X') base = 16;
        else if (c1 == 'o' || c1 == 'O') base = 8;
        else if (c1 == 'b' || c1 == 'B') base = 2;
        else {
            only_zero = true;
            base = 10;
        }
    }
    if (p < end && *p == '0' &&
        ((base == 16 && (c1 == 'x' || c1 == 'X')) || (base == 8 && (c1 == 'o' || c1 == 'O')) ||
         (base == 2 && (c1 == 'b' || c1 == 'B')))) {
        p += 2;
        if (p < end && *p == '_') p++;
    }
    if (p < end && *p == '_') return -2;
    const char *start = p;
    size_t ndigits = 0;
    bool prev_us = false;
    for (; p < end; p++) {
        if (*p == '_') {
            if (prev_us) return -2;
            prev_us = true;
            continue;
        }
        if (digit_value(*p) >= base) break;
        prev_us = false;
        ndigits++;
    }
    const char *stop = p;
    if (ndigits == 0) return -2;
    bool pow2 = (base & (base - 1)) == 0;
    if (!pow2 && int_max_str_digits > 0 && ndigits > (size_t)int_max_str_digits) {
        digits_limit_error(ndigits);
        return -1;
    }
    if (prev_us) return -2;
    while (p < end && ascii_space(*p)) p++;
    if (p != end) return -2;

    /* Digit values without underscores and leading zeros. */
    unsigned char small[64], *dv = ndigits <= sizeof small ? small : malloc(ndigits);
    if (!dv) {
        err_no_memory();
        return -1;
    }
    size_t n = 0;
    for (const char *q = start; q < stop; q++) {
        if (*q == '_') continue;
        int d = digit_value(*q);
        if (n == 0 && d == 0) continue;
        dv[n++] = (unsigned char)d;
    }
    int rc = 0;
    if (n == 0) {
        *out = val_from_int(0);
    } else if (only_zero) {
        rc = -2;
    } else if (n <= 12) {
        /* 36**12 < 2**63: no overflow. */
        int64_t v = 0;
        for (size_t i = 0; i < n; i++) v = v * base + dv[i];
        *out = int_from_i64(neg ? -v : v);
        if (!*out) rc = -1;
    } else {
        size_t nl = n * 6 / GMP_NUMB_BITS + 2; /* log2(36) < 6 bits per digit */
        mp_limb_t *limbs = malloc(nl * sizeof(mp_limb_t));
        if (!limbs) {
            err_no_memory();
            rc = -1;
        } else {
            mp_size_t rn = mpn_set_str(limbs, dv, n, base);
            *out = int_from_limbs(limbs, neg ? -(ssize_t)rn : (ssize_t)rn);
            if (!*out) rc = -1;
            free(limbs);
        }
    }
    if (dv != small) free(dv);
    return rc;
}

/* ValueError: invalid literal for int() with base 10: 'x' (repr cut to 200 chars). */
void int_invalid_literal(Value orig, int base) {
    Value r = obj_repr(orig);
    if (!r) return;
    if (str_len(r) > 200) r = str_slice(r, 0, 200);
    if (!r) return;
    err_format(&exc_ValueError, "invalid literal for int() with base %d: %U", base, r);
}

Value int_from_string(const char *s, size_t len, int base) {
    Value out;
    int rc;
    bool ascii = true;
    for (size_t i = 0; i < len && ascii; i++) ascii = (unsigned char)s[i] < 0x80;
    if (ascii) {
        rc = int_parse(s, len, base, &out);
    } else {
        size_t n;
        char *a = num_text_to_ascii(s, len, &n);
        if (!a) return VNULL;
        rc = int_parse(a, n, base, &out);
        free(a);
    }
    if (rc == -2) {
        Value text = str_decode_utf8(s, len, "replace");
        if (text) int_invalid_literal(text, base);
        return VNULL;
    }
    return rc < 0 ? VNULL : out;
}

/* ---- Printing: str(int) ---- */

static void str_limit_error(void) {
    err_format(&exc_ValueError,
               "Exceeds the limit (%d digits) for integer string conversion; "
               "use sys.set_int_max_str_digits() to increase the limit",
               int_max_str_digits);
}

/* Write sign and digits of v in `base` to a malloc'd buffer. */
static char *int_digits_buf(Value v, int base, bool upper, size_t *out_len) {
    const char *chars = upper ? digit_chars_upper : digit_chars;
    IntView iv;
    int_view(v, &iv);
    size_t n = iv.size < 0 ? (size_t)-iv.size : (size_t)iv.size;
    bool neg = iv.size < 0;
    size_t bits = n ? n * GMP_NUMB_BITS - (size_t)__builtin_clzl(iv.d[n - 1]) : 0;
    if (base == 10 && int_max_str_digits > 0 && bits > 0 &&
        (double)(bits - 1) * 0.30102999566398120 >= (double)int_max_str_digits) {
        str_limit_error(); /* certainly more digits than allowed: don't compute them */
        return NULL;
    }
    int bpd = base >= 32 ? 5 : base >= 16 ? 4 : base >= 8 ? 3 : base >= 4 ? 2 : 1; /* floor(log2(base)) */
    size_t cap = bits / (size_t)bpd + 3;
    char *buf = malloc(cap + 1);
    if (!buf) {
        err_no_memory();
        return NULL;
    }
    size_t len = 0;
    if (neg) buf[len++] = '-';
    if (n == 0) {
        buf[len++] = '0';
    } else if (n == 1) {
        char tmp[72];
        size_t k = 0;
        mp_limb_t m = iv.d[0];
        while (m) {
            tmp[k++] = chars[m % (mp_limb_t)base];
            m /= (mp_limb_t)base;
        }
        while (k) buf[len++] = tmp[--k];
    } else {
        /* mpn_get_str destroys its input for non-power-of-two bases and
         * wants one limb of slack. */
        mp_limb_t *copy = malloc((n + 1) * sizeof(mp_limb_t));
        if (!copy) {
            free(buf);
            err_no_memory();
            return NULL;
        }
        memcpy(copy, iv.d, n * sizeof(mp_limb_t));
        size_t k = mpn_get_str((unsigned char *)buf + len, base, copy, (mp_size_t)n);
        free(copy);
        for (size_t i = 0; i < k; i++) buf[len + i] = chars[(unsigned char)buf[len + i]];
        len += k;
    }
    if (base == 10 && int_max_str_digits > 0 && len - neg > (size_t)int_max_str_digits) {
        free(buf);
        str_limit_error();
        return NULL;
    }
    buf[len] = 0;
    *out_len = len;
    return buf;
}

Value int_digits_str(Value v, int base, bool upper) {
    if (val_is_int(v) && base == 10) {
        /* Digits from the right, two at a time: str() of small ints is hot
         * (formatting, dict keys) and snprintf costs ~600 instructions. */
        static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                    "25262728293031323334353637383940414243444546474849"
                                    "50515253545556575859606162636465666768697071727374"
                                    "75767778798081828384858687888990919293949596979899";
        char tmp[24], *p = tmp + sizeof tmp;
        int64_t n = val_int(v);
        uint64_t u = n < 0 ? -(uint64_t)n : (uint64_t)n;
        while (u >= 100) {
            unsigned d = (unsigned)(u % 100) * 2;
            u /= 100;
            *--p = pairs[d + 1];
            *--p = pairs[d];
        }
        if (u >= 10) {
            *--p = pairs[u * 2 + 1];
            *--p = pairs[u * 2];
        } else {
            *--p = (char)('0' + u);
        }
        if (n < 0) *--p = '-';
        size_t len = (size_t)(tmp + sizeof tmp - p);
        return str_new_len(p, len, len);   /* ASCII: no code points to count */
    }
    size_t len;
    char *buf = int_digits_buf(v, base, upper, &len);
    if (!buf) return VNULL;
    Value r = str_new(buf, len);
    free(buf);
    return r;
}

/* Decimal without prefix; bases 2, 8 and 16 as bin(), oct() and hex()
 * print them (with the 0b/0o/0x prefix after the sign); other bases bare. */
Value int_to_str(Value v, int base) {
    if (base != 2 && base != 8 && base != 16) return int_digits_str(v, base, false);
    size_t len;
    char *buf = int_digits_buf(v, base, false, &len);
    if (!buf) return VNULL;
    StrBuilder sb;
    sb_init(&sb);
    size_t i = 0;
    if (buf[0] == '-') {
        sb_append_char(&sb, '-');
        i = 1;
    }
    sb_append(&sb, base == 2 ? "0b" : base == 8 ? "0o" : "0x", 2);
    sb_append(&sb, buf + i, len - i);
    free(buf);
    return sb_finish(&sb);
}

/* ---- The format-spec mini-language ---- */

static void type_char_repr(uint32_t type, char *buf, size_t n) {
    if (type > 32 && type < 128) snprintf(buf, n, "%c", (char)type);
    else snprintf(buf, n, "\\x%x", (unsigned)type);
}

void fmt_unknown_code(uint32_t type, Value obj) {
    char t[16];
    type_char_repr(type, t, sizeof t);
    err_format(&exc_ValueError, "Unknown format code '%s' for object of type '%s'", t, type_name(obj));
}

/*
 * Insert separators every `group` digits from the right.  With a minimum
 * width (zero padding with '=' alignment), leading zeros are added, grouped
 * like real digits, until the width is reached; CPython's layout may then
 * exceed the width by one when the width falls on a separator.
 */
static char *group_digits(const char *digits, size_t nd, char sep, int group, size_t min_width, size_t *out_len) {
    size_t cap = (nd > min_width ? nd : min_width) * 2 + 8;
    char *rev = malloc(cap);
    if (!rev) {
        err_no_memory();
        return NULL;
    }
    size_t count = 0, remaining = nd;
    ssize_t minw = (ssize_t)min_width;
    for (;;) {
        size_t want = remaining > (size_t)(minw > 0 ? minw : 0) ? remaining : (size_t)(minw > 0 ? minw : 0);
        if (want < 1) want = 1;
        size_t l = want < (size_t)group ? want : (size_t)group;
        for (size_t i = 0; i < l; i++) {
            rev[count++] = remaining ? digits[--remaining] : '0';
        }
        minw -= (ssize_t)l;
        if (remaining == 0 && minw <= 0) break;
        rev[count++] = sep;
        minw--;
    }
    char *out = malloc(count + 1);
    if (!out) {
        free(rev);
        err_no_memory();
        return NULL;
    }
    for (size_t i = 0; i < count; i++) out[i] = rev[count - 1 - i];
    free(rev);
    *out_len = count;
    return out;
}

static void sb_fill(StrBuilder *sb, uint32_t fill, size_t n) {
    if (fill < 0x80) {
        for (size_t i = 0; i < n; i++) sb_append_char(sb, (char)fill);
    } else {
        for (size_t i = 0; i < n; i++) sb_append_codepoint(sb, fill);
    }
}

Value fmt_number(const FormatSpec *f, char sign_char, const char *prefix, size_t nprefix,
                 const char *digits, size_t ndigits, const char *rest, size_t nrest) {
    /* ',' and '_' group by three; grouping '4' is '_' every four digits
     * (b, o, x, X).  'n' groups nothing in the C locale. */
    char sep = f->grouping == '4' ? '_' : f->grouping;
    int group = f->grouping == '4' ? 4 : 3;
    char sign = sign_char == '-' ? '-' : f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
    size_t nsign = sign ? 1 : 0;
    char align = f->align;
    size_t width = f->width > 0 ? (size_t)f->width : 0;
    char *grouped = NULL;
    const char *body = digits;
    size_t nbody = ndigits;
    if (sep && ndigits > 0) {
        size_t min_w = 0;
        if (f->fill == '0' && align == '=' && width > nsign + nprefix + nrest)
            min_w = width - nsign - nprefix - nrest;
        grouped = group_digits(digits, ndigits, sep, group, min_w, &nbody);
        if (!grouped) return VNULL;
        body = grouped;
    }
    /* The digits may be one non-ASCII character ('c' format). */
    size_t body_cp = nbody;
    for (size_t i = 0; i < nbody; i++)
        if ((unsigned char)body[i] >= 0x80) {
            body_cp = utf8_count(body, nbody);
            break;
        }
    size_t total = nsign + nprefix + body_cp + nrest;
    size_t pad = width > total ? width - total : 0;
    size_t left = 0, right = 0, mid = 0;
    switch (align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': mid = pad; break;
    default: left = pad; break;
    }
    StrBuilder sb;
    sb_init(&sb);
    sb_fill(&sb, f->fill, left);
    if (sign) sb_append_char(&sb, sign);
    if (nprefix) sb_append(&sb, prefix, nprefix);
    sb_fill(&sb, f->fill, mid);
    if (body_cp != nbody) sb_append_utf8(&sb, body, nbody, body_cp);
    else sb_append(&sb, body, nbody);
    if (nrest) sb_append(&sb, rest, nrest);
    sb_fill(&sb, f->fill, right);
    free(grouped);
    return sb_finish(&sb);
}

/* ---- int.__format__ ---- */

static Value format_long(Value v, const FormatSpec *f) {
    if (f->precision != -1) {
        err_set(&exc_ValueError, "Precision not allowed in integer format specifier");
        return VNULL;
    }
    if (f->no_neg_zero) {
        err_set(&exc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
        return VNULL;
    }
    if (f->type == 'c') {
        if (f->sign) {
            err_set(&exc_ValueError, "Sign not allowed with integer format specifier 'c'");
            return VNULL;
        }
        if (f->alternate) {
            err_set(&exc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
            return VNULL;
        }
        int64_t x = int_as_i64(v);
        if (x == -1 && err_occurred()) return VNULL;
        if (x < 0 || x > 0x10FFFF) {
            err_set(&exc_OverflowError, "%c arg not in range(0x110000)");
            return VNULL;
        }
        char buf[4];
        int k = utf8_encode((uint32_t)x, buf);
        return fmt_number(f, 0, NULL, 0, buf, (size_t)k, NULL, 0);
    }
    int base = 10;
    const char *prefix = NULL;
    switch (f->type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
    }
    size_t len;
    char *buf = int_digits_buf(v, base, f->type == 'X', &len);
    if (!buf) return VNULL;
    bool neg = buf[0] == '-';
    Value r = fmt_number(f, neg ? '-' : 0, prefix, f->alternate && prefix ? 2 : 0, buf + neg, len - neg, NULL, 0);
    free(buf);
    return r;
}

Value int_format_method(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("int.__format__", kwnames) < 0 || arg_count("int.__format__", nargs, 1, 1) < 0) return VNULL;
    Value spec = args[0];
    if (!str_check(spec)) {
        err_format(&exc_TypeError, "__format__() argument must be str, not %s", type_name(spec));
        return VNULL;
    }
    if (str_size(spec) == 0) return obj_str(self);
    FormatSpec f;
    if (format_spec_parse(spec, self, 0, '>', &f) < 0) return VNULL;
    switch (f.type) {
    case 0:
        f.type = 'd';
        /* fall through */
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_long(self, &f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = int_as_double(self);
        if (d == -1.0 && err_occurred()) return VNULL;
        return float_format_spec(d, &f);
    }
    default:
        fmt_unknown_code(f.type, self);
        return VNULL;
    }
}
