/* float_format.c - float <-> text: shortest repr, e/f/g/% formatting, float(str), hex, round(x, n). */
#include "float.h"
#include "int.h"
#include "str.h"
#include "bytes.h"
#include "func.h"
#include "num_internal.h"
#include "../vm/error.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * Decimal conversion rests on the C library: glibc's printf and strtod
 * are exact (correctly rounded, ties to even), which is the property
 * CPython gets from David Gay's dtoa.  On top of that this file computes
 * the same digit strings dtoa's modes give:
 *
 *   mode 0: the shortest digit string that reads back as the same double.
 *           Rounding x to p significant digits gets no farther from x as
 *           p grows, so "p digits round-trip" is monotone in p and a
 *           binary search over p = 1..17 finds the shortest one.
 *   mode 2: x rounded to n significant digits ("%.{n-1}e").
 *   mode 3: x rounded to n digits after the point ("%.{n}f").
 *
 * and then lays the digits out as CPython's format_float_short does.  The
 * C library is used under the "C" locale whatever setlocale() was called
 * with, so a program's locale never changes how floats print or parse.
 */

static locale_t c_locale(void) {
    static locale_t loc;
    if (!loc) loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    return loc;
}

static int c_snprintf(char *buf, size_t n, const char *fmt, int prec, double d) {
    locale_t old = uselocale(c_locale());
    int k = snprintf(buf, n, fmt, prec, d);
    uselocale(old);
    return k;
}

static double c_strtod(const char *s, char **end) { return strtod_l(s, end, c_locale()); }

/* ---- Digit generation ---- */

typedef struct Digits {
    char *d;      /* digits, no leading or trailing zeros; "0" for zero */
    size_t n;
    int decpt;    /* value = 0.d1d2d3... * 10**decpt */
    char small[40];
} Digits;

static void digits_free(Digits *g) {
    if (g->d != g->small) free(g->d);
}

/* Parse "d.ddde+XX" (from %e) into g. */
static void digits_from_e(Digits *g, const char *s) {
    size_t n = 0;
    const char *p = s;
    for (; *p && *p != 'e'; p++)
        if (*p != '.') g->d[n++] = *p;
    int exp = *p == 'e' ? atoi(p + 1) : 0;
    while (n > 1 && g->d[n - 1] == '0') n--;
    g->n = n;
    g->decpt = g->d[0] == '0' ? 1 : exp + 1;
    g->d[n] = 0;
}

/*
 * Is there a p-digit decimal that reads back as x?  The nearest one is
 * tried first.  When x is a power of two its rounding interval is
 * narrower below than above, so when the nearest candidate lies below x
 * and fails, the next p-digit decimal above x may still read back (2**-44
 * prints as 5.684341886080802e-14, not the nearer ...801e-14).  On success
 * buf holds the winning "%e"-style text.
 */
static bool shortest_try(double x, int p, char *buf, size_t n) {
    c_snprintf(buf, n, "%.*e", p - 1, x);
    double y = c_strtod(buf, NULL);
    if (y == x) return true;
    if (y > x) return false;
    /* Add one unit in the last digit of the mantissa "d.ddd". */
    char *e = strchr(buf, 'e');
    int exp = atoi(e + 1);
    char *q = e - 1;
    for (;;) {
        if (*q == '.') q--;
        if (*q != '9') {
            (*q)++;
            break;
        }
        *q = '0';
        if (q == buf) {
            /* 9.99 -> 10.00: renormalize to 1.000 with the next exponent */
            buf[0] = '1';
            exp++;
            break;
        }
        q--;
    }
    snprintf(e, n - (size_t)(e - buf), "e%+d", exp);
    return c_strtod(buf, NULL) == x;
}

static int digits_make(Digits *g, double x, int mode, int ndigits) {
    g->d = g->small;
    char buf[40];
    if (mode == 0) {
        /* For a normal double the 15-digit grid is coarser than its
         * rounding interval (relative spacing >= 1e-15 > 2**-52), so when
         * any string of at most 15 digits reads back, the 15-digit one
         * does and, with trailing zeros dropped, is the shortest.
         * Otherwise 16 digits, or else 17 (which always read back).  This
         * takes one to three conversions instead of a search. */
        if (x >= DBL_MIN) {
            if (!shortest_try(x, 15, buf, sizeof buf) && !shortest_try(x, 16, buf, sizeof buf))
                c_snprintf(buf, sizeof buf, "%.*e", 16, x);
            digits_from_e(g, buf);
            return 0;
        }
        /* Subnormals (and zero): the smallest p in 1..17 with a p-digit
         * decimal reading back as x; success is monotone in p. */
        int lo = 1, hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (shortest_try(x, mid, buf, sizeof buf)) hi = mid;
            else lo = mid + 1;
        }
        shortest_try(x, lo, buf, sizeof buf);
        digits_from_e(g, buf);
        return 0;
    }
    if (mode == 2) {
        /* %e output is ndigits digits plus about 8 characters. */
        size_t need = (size_t)ndigits + 16;
        char *tmp = need <= sizeof buf ? buf : malloc(need);
        if (!tmp || (need > sizeof g->small && !(g->d = malloc(need)))) {
            if (tmp && tmp != buf) free(tmp);
            g->d = g->small;
            err_no_memory();
            return -1;
        }
        c_snprintf(tmp, need, "%.*e", ndigits - 1, x);
        digits_from_e(g, tmp);
        if (tmp != buf) free(tmp);
        return 0;
    }
    /* mode 3: %f has up to 309 integer digits plus the fraction. */
    size_t need = (size_t)ndigits + 330;
    char *tmp = malloc(need);
    g->d = malloc(need);
    if (!tmp || !g->d) {
        free(tmp);
        free(g->d);
        g->d = g->small;
        err_no_memory();
        return -1;
    }
    c_snprintf(tmp, need, "%.*f", ndigits, x);
    size_t n = 0;
    int decpt = 0;
    bool seen_point = false;
    for (const char *p = tmp; *p; p++) {
        if (*p == '.') {
            seen_point = true;
            continue;
        }
        if (!seen_point) decpt++;
        if (n == 0 && *p == '0') {
            decpt--; /* a leading zero moves the point */
            continue;
        }
        g->d[n++] = *p;
    }
    free(tmp);
    while (n > 0 && g->d[n - 1] == '0') n--;
    if (n == 0) {
        g->d[n++] = '0';
        decpt = 1;
    }
    g->d[n] = 0;
    g->n = n;
    g->decpt = decpt;
    return 0;
}

/* ---- Layout (CPython's format_float_short) ---- */

enum {
    FF_ALT = 1,        /* '#': keep the point and trailing zeros */
    FF_ADD_DOT_0 = 2,  /* repr style: integers get ".0" */
    FF_SIGN = 4,       /* always print a sign */
    FF_NO_NEG_0 = 8,   /* 'z': a result that rounds to zero loses its '-' */
};

/*
 * Format d for type 'e', 'f', 'g' or 'r' (repr), upper-casing for E/F/G.
 * Returns a malloc'd string (length in *len) or NULL with MemoryError.
 */
static char *format_float_short(double d, char type, int precision, int flags, bool upper, size_t *len) {
    char *out;
    if (isnan(d) || isinf(d)) {
        out = malloc(8);
        if (!out) {
            err_no_memory();
            return NULL;
        }
        size_t k = 0;
        if (isinf(d) && d < 0) out[k++] = '-';
        else if (flags & FF_SIGN) out[k++] = '+';
        memcpy(out + k, isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 4);
        *len = k + 3;
        return out;
    }
    bool neg = signbit(d) != 0;
    double x = fabs(d);
    int mode, n = 0;
    switch (type) {
    case 'e': mode = 2; n = precision + 1; break;
    case 'f': mode = 3; n = precision; break;
    case 'g': mode = 2; n = precision ? precision : 1; break;
    default: mode = 0; break;
    }
    Digits g;
    if (digits_make(&g, x, mode, n) < 0) return NULL;
    if ((flags & FF_NO_NEG_0) && g.n == 1 && g.d[0] == '0') neg = false;
    int decpt = g.decpt, exp = 0;
    bool use_exp = false;
    ssize_t vend = (ssize_t)g.n;
    switch (type) {
    case 'e':
        use_exp = true;
        vend = precision + 1;
        break;
    case 'f':
        vend = (ssize_t)decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > ((flags & FF_ADD_DOT_0) ? n - 1 : n)) use_exp = true;
        if (flags & FF_ALT) vend = n;
        break;
    default:
        if (decpt <= -4 || decpt > 16) use_exp = true;
        break;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    if (!use_exp && (flags & FF_ADD_DOT_0)) {
        if (vend < decpt + 1) vend = decpt + 1;
    } else if (vend < decpt) {
        vend = decpt;
    }
    size_t nd = g.n;
    size_t cap = nd + (size_t)(decpt < 0 ? -decpt : decpt) + (size_t)(vend > 0 ? vend : 0) + 16;
    out = malloc(cap);
    if (!out) {
        digits_free(&g);
        err_no_memory();
        return NULL;
    }
    size_t k = 0;
    if (neg) out[k++] = '-';
    else if (flags & FF_SIGN) out[k++] = '+';
    if (decpt <= 0) {
        out[k++] = '0';
        out[k++] = '.';
        for (int i = 0; i < -decpt; i++) out[k++] = '0';
        memcpy(out + k, g.d, nd);
        k += nd;
        for (ssize_t i = (ssize_t)nd; i < vend; i++) out[k++] = '0';
    } else if ((size_t)decpt >= nd) {
        memcpy(out + k, g.d, nd);
        k += nd;
        for (size_t i = nd; i < (size_t)decpt; i++) out[k++] = '0';
        out[k++] = '.';
        for (ssize_t i = decpt; i < vend; i++) out[k++] = '0';
    } else {
        memcpy(out + k, g.d, (size_t)decpt);
        k += (size_t)decpt;
        out[k++] = '.';
        memcpy(out + k, g.d + decpt, nd - (size_t)decpt);
        k += nd - (size_t)decpt;
        for (ssize_t i = (ssize_t)nd; i < vend; i++) out[k++] = '0';
    }
    if (out[k - 1] == '.' && !(flags & FF_ALT)) k--;
    if (use_exp) k += (size_t)sprintf(out + k, "%c%+.02d", upper ? 'E' : 'e', exp);
    out[k] = 0;
    digits_free(&g);
    *len = k;
    return out;
}

/* ---- repr and the buffer API ---- */

int float_repr_buf(double d, char *buf, size_t n) {
    size_t len;
    char *s = format_float_short(d, 'r', 0, FF_ADD_DOT_0, false, &len);
    if (!s) return -1;
    if (n) {
        size_t c = len < n - 1 ? len : n - 1;
        memcpy(buf, s, c);
        buf[c] = 0;
    }
    free(s);
    return (int)len;
}

Value float_repr(Value v) {
    double d = float_value(v);
    /* Integral values below 2**53 are exact and their digits are their
     * shortest repr: skip the search. */
    if (d == trunc(d) && fabs(d) < 9007199254740992.0 && (d != 0 || !signbit(d))) {
        char buf[32];
        int k = snprintf(buf, sizeof buf, "%lld.0", (long long)d);
        return str_new(buf, (size_t)k);
    }
    size_t len;
    char *s = format_float_short(d, 'r', 0, FF_ADD_DOT_0, false, &len);
    if (!s) return VNULL;
    Value r = str_new(s, len);
    free(s);
    return r;
}

/* Like snprintf: writes at most n bytes (NUL included) and returns the full
 * length, so a caller with a short buffer can retry; -1 on MemoryError.
 * type is one of e E f F g G r (repr; precision ignored). */
int float_format_buf(double d, char type, int precision, bool alt, char *buf, size_t n) {
    char t = (char)tolower((unsigned char)type);
    bool upper = type != t;
    int flags = alt ? FF_ALT : 0;
    if (t == 'r') flags = FF_ADD_DOT_0;
    size_t len;
    char *s = format_float_short(d, t, precision, flags, upper, &len);
    if (!s) return -1;
    if (n) {
        size_t c = len < n - 1 ? len : n - 1;
        memcpy(buf, s, c);
        buf[c] = 0;
    }
    free(s);
    return (int)len;
}

/* ---- __format__ ---- */

Value float_format_spec(double d, const FormatSpec *f) {
    int precision = f->precision < 0 ? -1 : (int)(f->precision > INT32_MAX / 2 ? INT32_MAX / 2 : f->precision);
    int default_precision = 6, flags = 0;
    uint32_t type = f->type;
    bool pct = false;
    if (f->alternate) flags |= FF_ALT;
    if (f->no_neg_zero) flags |= FF_NO_NEG_0;
    if (type == 0) {
        /* No type: repr without a precision, 'g' with one (keeping ".0"). */
        flags |= FF_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g'; /* the C locale: no grouping, '.' */
    if (type == '%') {
        type = 'f';
        d *= 100;
        pct = true;
    }
    if (precision < 0) precision = default_precision;
    else if (type == 'r') type = 'g';
    char t = (char)tolower((int)type);
    size_t len;
    char *s = format_float_short(d, t, precision, flags, t != (char)type, &len);
    if (!s) return VNULL;
    /* Split into sign, integer digits and the rest (point, fraction,
     * exponent, '%') for the padding and grouping layout. */
    size_t i = 0;
    char sign = 0;
    if (s[0] == '-') {
        sign = '-';
        i = 1;
    }
    size_t ds = i;
    while (i < len && s[i] >= '0' && s[i] <= '9') i++;
    char *rest = malloc(len - i + 2);
    if (!rest) {
        free(s);
        err_no_memory();
        return VNULL;
    }
    memcpy(rest, s + i, len - i);
    size_t nrest = len - i;
    if (pct) rest[nrest++] = '%';
    Value r = fmt_number(f, sign, NULL, 0, s + ds, i - ds, rest, nrest);
    free(rest);
    free(s);
    return r;
}

Value float_format_method(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("float.__format__", kwnames) < 0 || arg_count("float.__format__", nargs, 1, 1) < 0) return VNULL;
    Value spec = args[0];
    if (!str_check(spec)) {
        err_format(&exc_TypeError, "__format__() argument must be str, not %s", type_name(spec));
        return VNULL;
    }
    if (str_size(spec) == 0) return obj_str(self);
    FormatSpec f;
    if (format_spec_parse(spec, self, 0, '>', &f) < 0) return VNULL;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return float_format_spec(float_value(self), &f);
    default:
        fmt_unknown_code(f.type, self);
        return VNULL;
    }
}

/* ---- Parsing: float(text) ---- */

static inline bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool match_ci(const char *p, const char *end, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(end - p) != n) return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)p[i]) != word[i]) return false;
    return true;
}

/*
 * Parse ASCII text by float()'s rules: surrounding whitespace, an optional
 * sign, then "inf", "infinity" or "nan" in any case, or a decimal number
 * (digits, optional point and fraction, optional exponent; at least one
 * digit) where single underscores may separate digits.  0 on success, -1
 * when the text is not a float (no exception set).
 */
static int float_parse(const char *s, size_t len, double *out) {
    const char *p = s, *end = s + len;
    while (p < end && ascii_space(*p)) p++;
    while (end > p && ascii_space(end[-1])) end--;
    if (p == end) return -1;
    char small[64], *buf = (size_t)(end - p) < sizeof small ? small : malloc((size_t)(end - p) + 1);
    if (!buf) return -1;
    size_t n = 0;
    int rc = -1;
    /* Copy without underscores; each must sit between two digits. */
    for (const char *q = p; q < end; q++) {
        if (*q == '_') {
            if (q == p || q + 1 == end || !is_digit(q[-1]) || !is_digit(q[1])) goto out;
            continue;
        }
        buf[n++] = *q;
    }
    buf[n] = 0;
    const char *b = buf, *be = buf + n;
    bool neg = false;
    if (b < be && (*b == '+' || *b == '-')) neg = *b++ == '-';
    if (match_ci(b, be, "inf") || match_ci(b, be, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        rc = 0;
        goto out;
    }
    if (match_ci(b, be, "nan")) {
        *out = neg ? -NAN : NAN;
        rc = 0;
        goto out;
    }
    const char *q = b;
    size_t mant = 0;
    while (q < be && is_digit(*q)) q++, mant++;
    if (q < be && *q == '.') {
        q++;
        while (q < be && is_digit(*q)) q++, mant++;
    }
    if (mant == 0) goto out;
    if (q < be && (*q == 'e' || *q == 'E')) {
        q++;
        if (q < be && (*q == '+' || *q == '-')) q++;
        if (q == be || !is_digit(*q)) goto out;
        while (q < be && is_digit(*q)) q++;
    }
    if (q != be) goto out;
    *out = c_strtod(buf, NULL); /* overflow gives +-inf, as in CPython */
    rc = 0;
out:
    if (buf != small) free(buf);
    return rc;
}

static void float_invalid_literal(Value orig) {
    err_format(&exc_ValueError, "could not convert string to float: %R", orig);
}

Value float_from_string(const char *s, size_t len) {
    double d;
    bool ascii = true;
    for (size_t i = 0; i < len && ascii; i++) ascii = (unsigned char)s[i] < 0x80;
    int rc;
    if (ascii) {
        rc = float_parse(s, len, &d);
    } else {
        size_t n;
        char *a = num_text_to_ascii(s, len, &n);
        if (!a) return VNULL;
        rc = float_parse(a, n, &d);
        free(a);
    }
    if (rc < 0) {
        Value text = str_decode_utf8(s, len, "replace");
        if (text) float_invalid_literal(text);
        return VNULL;
    }
    return float_new(d);
}

/* float(x) for a str, bytes or bytearray x; the error shows repr(x). */
Value float_from_text_value(Value x) {
    const char *s;
    size_t n;
    char *tmp = NULL;
    if (str_check(x)) {
        s = str_data(x);
        n = str_size(x);
        if (!str_is_ascii(x)) {
            tmp = num_text_to_ascii(s, n, &n);
            if (!tmp) return VNULL;
            s = tmp;
        }
    } else if (bytes_check(x)) {
        s = bytes_data(x);
        n = (size_t)bytes_size(x);
    } else {
        s = ((ByteArrayObject *)x)->data;
        n = (size_t)((ByteArrayObject *)x)->size;
    }
    Value r = float_from_chars(s, n, x);
    free(tmp);
    return r;
}

/* float() of ASCII text s[0..n) (a copy of an exporter's bytes, say); the error shows repr(shown). */
Value float_from_chars(const char *s, size_t n, Value shown) {
    double d;
    if (float_parse(s, n, &d) < 0) {
        float_invalid_literal(shown);
        return VNULL;
    }
    return float_new(d);
}

/* ---- hex() and fromhex() ---- */

Value float_hex_method(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("float.hex", kw) < 0 || arg_count("float.hex", nargs, 0, 0) < 0) return VNULL;
    double x = float_value(self);
    char buf[64];
    if (isnan(x) || isinf(x)) {
        int k = float_repr_buf(x, buf, sizeof buf);
        return str_new(buf, (size_t)k);
    }
    if (x == 0.0) return str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    /* Normalize to a leading digit of 1 (0 for subnormals) and 13 hex
     * digits of fraction, the exponent never below DBL_MIN_EXP - 1. */
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    size_t k = 0;
    if (x < 0) buf[k++] = '-';
    buf[k++] = '0';
    buf[k++] = 'x';
    int lead = (int)m;
    buf[k++] = (char)('0' + lead);
    m -= lead;
    buf[k++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        int dgt = (int)m;
        buf[k++] = "0123456789abcdef"[dgt];
        m -= dgt;
    }
    k += (size_t)sprintf(buf + k, "p%+d", e);
    return str_new(buf, k);
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/*
 * The double nearest to 0x<ip..ie>.<fp..fe> * 2**<ep..ee> (ties to even),
 * +inf past DBL_MAX.  Done by hand: glibc's strtod rounds some subnormal
 * hexadecimal input (0x0.ffffffffffffecp-1022) the wrong way.  The first 15
 * significant digits go into a 60-bit integer, later ones only into a
 * sticky bit, which is all that rounding to at most 53 bits needs.
 */
static double hex_digits_value(const char *ip, const char *ie, const char *fp, const char *fe,
                               const char *ep, const char *ee) {
    uint64_t mant = 0;
    int sig = 0;
    bool sticky = false;
    int64_t dropped = 0;
    for (int part = 0; part < 2; part++) {
        for (const char *c = part ? fp : ip; c < (part ? fe : ie); c++) {
            int v = hexval(*c);
            if (sig < 15) {
                mant = mant * 16 + (uint64_t)v;
                if (mant) sig++;
            } else {
                dropped++;
                if (v) sticky = true;
            }
        }
    }
    if (!mant) return 0.0;
    int64_t p = 0;
    if (ep) {
        const char *c = ep;
        bool eneg = false;
        if (*c == '+' || *c == '-') eneg = *c++ == '-';
        for (; c < ee; c++)
            if (p < 100000000) p = p * 10 + (*c - '0'); /* saturates: far past any double */
        if (eneg) p = -p;
    }
    int64_t e = p + 4 * dropped - 4 * (int64_t)(fe - fp); /* value = mant * 2**e, plus sticky */
    int nbits = 64 - __builtin_clzll(mant);
    int64_t top = e + nbits - 1;                     /* 2**top <= value < 2**(top+1) */
    if (top > DBL_MAX_EXP) return HUGE_VAL;
    if (top < DBL_MIN_EXP - DBL_MANT_DIG - 1) return 0.0;
    int64_t keep = top - (DBL_MIN_EXP - DBL_MANT_DIG) + 1; /* bits above 2**-1074 */
    if (keep > DBL_MANT_DIG) keep = DBL_MANT_DIG;
    int shift = nbits - (int)keep;
    uint64_t q = mant;
    if (shift > 0) {
        q = mant >> shift;
        uint64_t rest = mant & ((UINT64_C(1) << shift) - 1), half = UINT64_C(1) << (shift - 1);
        if (rest > half || (rest == half && (sticky || (q & 1)))) q++;
    } else {
        shift = 0;
    }
    return ldexp((double)q, (int)(e + shift));
}

/*
 * float.fromhex: [ws] [sign] ( inf | infinity | nan | [0x] hexdigits
 * [. hexdigits] [p [sign] digits] ) [ws].  The syntax is checked here, the
 * value comes from hex_digits_value.
 */
Value float_fromhex_method(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("float.fromhex", kw) < 0 || arg_count("float.fromhex", nargs, 1, 1) < 0) return VNULL;
    Value sv = args[0];
    if (!str_check(sv)) {
        err_set(&exc_TypeError, "bad argument type for built-in operation"); /* CPython 3.11's words */
        return VNULL;
    }
    const char *p = str_data(sv), *end = p + str_size(sv);
    while (p < end && ascii_space(*p)) p++;
    while (end > p && ascii_space(end[-1])) end--;
    double d = 0;
    bool neg = false;
    const char *q = p;
    if (q < end && (*q == '+' || *q == '-')) neg = *q++ == '-';
    if (match_ci(q, end, "inf") || match_ci(q, end, "infinity")) {
        d = neg ? -HUGE_VAL : HUGE_VAL;
    } else if (match_ci(q, end, "nan")) {
        d = neg ? -NAN : NAN;
    } else {
        if (end - q >= 2 && q[0] == '0' && (q[1] == 'x' || q[1] == 'X')) q += 2;
        const char *ip = q;
        while (q < end && hexval(*q) >= 0) q++;
        const char *ie = q, *fp = q, *fe = q;
        if (q < end && *q == '.') {
            fp = ++q;
            while (q < end && hexval(*q) >= 0) q++;
            fe = q;
        }
        const char *ep = NULL, *ee = NULL;
        if (ie == ip && fe == fp) goto invalid;
        if (q < end && (*q == 'p' || *q == 'P')) {
            ep = ++q;
            if (q < end && (*q == '+' || *q == '-')) q++;
            if (q == end || !isdigit((unsigned char)*q)) goto invalid;
            while (q < end && isdigit((unsigned char)*q)) q++;
            ee = q;
        }
        if (q != end) goto invalid;
        d = hex_digits_value(ip, ie, fp, fe, ep, ee);
        if (neg) d = -d;
        if (isinf(d)) {
            err_set(&exc_OverflowError, "hexadecimal value too large to represent as a float");
            return VNULL;
        }
    }
    Value r = float_new(d);
    if (!r || cls == obj_val(&type_float)) return r;
    return obj_call1(cls, r);
invalid:
    err_set(&exc_ValueError, "invalid hexadecimal floating-point string");
    return VNULL;
}

/* ---- round(x, ndigits) ---- */

/* Beyond these, rounding cannot change a double (CPython's NDIGITS_MAX,
 * NDIGITS_MIN: the digits of the smallest subnormal and of DBL_MAX). */
#define NDIGITS_MAX 323
#define NDIGITS_MIN (-308)

/*
 * x rounded to ndigits decimal places, ties to even, the result correctly
 * rounded to a double: what CPython gets from dtoa mode 3 followed by
 * strtod.  For ndigits >= 0 that is exactly printf's "%.*f" followed by
 * strtod.  For ndigits < 0 the rounding is done on exact integers:
 * |x| = m * 2**e, so |x| / 10**k is the rational m*2**e / 10**k.
 */
Value float_round_double(double x, Value ndigits_obj) {
    ssize_t nd = num_as_ssize(ndigits_obj, NULL);
    if (nd == -1 && err_occurred()) return VNULL;
    if (!isfinite(x)) return float_new(x);
    if (nd > NDIGITS_MAX) return float_new(x);
    if (nd < NDIGITS_MIN) return float_new(0.0 * x);
    double r;
    if (nd >= 0) {
        char buf[NDIGITS_MAX + 330];
        c_snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        r = c_strtod(buf, NULL);
    } else {
        int e;
        double m = frexp(fabs(x), &e);
        m = ldexp(m, DBL_MANT_DIG);
        e -= DBL_MANT_DIG; /* |x| = m * 2**e with m an integer */
        mpz_t num, den, q, rem;
        mpz_init_set_d(num, m);
        mpz_init(den);
        mpz_ui_pow_ui(den, 10, (unsigned long)-nd);
        mpz_init(q);
        mpz_init(rem);
        if (e >= 0) mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
        else mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
        mpz_fdiv_qr(q, rem, num, den);
        mpz_mul_2exp(rem, rem, 1);
        int c = mpz_cmp(rem, den);
        if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
        mpz_ui_pow_ui(den, 10, (unsigned long)-nd);
        mpz_mul(q, q, den);
        r = int_limbs_to_double(mpz_limbs_read(q), mpz_size(q), false);
        mpz_clear(num);
        mpz_clear(den);
        mpz_clear(q);
        mpz_clear(rem);
        r = copysign(r, x);
    }
    if (isinf(r)) {
        err_set(&exc_OverflowError, "rounded value too large to represent");
        return VNULL;
    }
    return float_new(r);
}
