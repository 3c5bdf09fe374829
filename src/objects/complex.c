/* complex.c - complex: construction and parsing, arithmetic with CPython's special cases, repr, hash, __format__. */
#include "complex.h"
#include "float.h"
#include "int.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "type_slots.h"
#include "func.h"
#include "num_internal.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * A complex is two doubles laid out like CPython's PyComplexObject.  The
 * arithmetic follows CPython's complexobject.c operation by operation
 * (Smith's division, integer powers by repeated squaring up to |n| <= 100,
 * polar form otherwise), so results agree to the last bit, NaNs and
 * infinities included.  Domain and range errors travel through errno as in
 * CPython; this is the one place Taipan relies on errno for numbers,
 * because libm (cos(inf) sets EDOM) is part of the observable behaviour.
 *
 * complex mixes with int and float: their slots answer NotImplemented for
 * a complex operand, and these slots accept (int|float|complex) pairs.
 */

Value complex_new(double real, double imag) {
    ComplexObject *c = gc_alloc(&type_complex, sizeof(ComplexObject));
    if (!c) return VNULL;
    c->cval.real = real;
    c->cval.imag = imag;
    return obj_val(c);
}

static Value complex_new_typed(Type *t, double real, double imag) {
    if (t == &type_complex) return complex_new(real, imag);
    Value v = type_generic_alloc(t, 0);
    if (!v) return VNULL;
    ((ComplexObject *)v)->cval = (Complex){real, imag};
    return v;
}

static Value complex_from(Complex c) { return complex_new(c.real, c.imag); }

/* ---- The arithmetic (CPython's _Py_c_*) ---- */

static const Complex c_1 = {1.0, 0.0};

Complex complex_sum(Complex a, Complex b) { return (Complex){a.real + b.real, a.imag + b.imag}; }
Complex complex_diff(Complex a, Complex b) { return (Complex){a.real - b.real, a.imag - b.imag}; }
Complex complex_neg(Complex a) { return (Complex){-a.real, -a.imag}; }

Complex complex_prod(Complex a, Complex b) {
    return (Complex){a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

/* Smith's algorithm: scale by the larger of |b.real|, |b.imag| so that the
 * intermediate products cannot overflow needlessly. */
Complex complex_quot(Complex a, Complex b) {
    Complex r;
    double abs_breal = b.real < 0 ? -b.real : b.real;
    double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        } else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_bimag >= abs_breal) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        /* At least one part of b is a NaN. */
        r.real = r.imag = NAN;
    }
    return r;
}

Complex complex_pow(Complex a, Complex b) {
    Complex r;
    if (b.real == 0.0 && b.imag == 0.0) {
        r = c_1;
    } else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0) errno = EDOM;
        r.real = r.imag = 0.0;
    } else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

/* x ** n for 0 <= n by repeated squaring (more accurate than the polar form). */
static Complex c_powu(Complex x, long n) {
    Complex r = c_1, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask) r = complex_prod(r, p);
        mask <<= 1;
        p = complex_prod(p, p);
    }
    return r;
}

static Complex c_powi(Complex x, long n) {
    if (n > 0) return c_powu(x, n);
    return complex_quot(c_1, c_powu(x, -n));
}

double complex_abs(Complex z) {
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        /* C99: an infinite part gives infinity even beside a NaN. */
        if (isinf(z.real)) {
            errno = 0;
            return fabs(z.real);
        }
        if (isinf(z.imag)) {
            errno = 0;
            return fabs(z.imag);
        }
        return NAN;
    }
    double r = hypot(z.real, z.imag);
    errno = isfinite(r) ? 0 : ERANGE;
    return r;
}

/* ---- Operands ---- */

/* An operand of a binary slot as a Complex: 1, 0 for NotImplemented (not
 * an int, float or complex), -1 with OverflowError for a huge int. */
static int to_complex(Value v, Complex *c) {
    if (!val_is_int(v) && complex_check(v)) {
        *c = complex_value(v);
        return 1;
    }
    c->imag = 0.0;
    return float_to_double_arg(v, &c->real);
}

#define TO_COMPLEX(v, c)                                          \
    do {                                                          \
        int rc_ = to_complex((v), &(c));                          \
        if (rc_ <= 0) return rc_ < 0 ? VNULL : VNotImplemented;   \
    } while (0)

/* __complex__ of v's type: VNULL without an exception when there is none.
 * The result must be a complex; a strict subclass is deprecated. */
static Value try_complex_special(Value v, bool *found) {
    *found = false;
    Value m = type_lookup_cstr(val_type(v), "__complex__");
    if (!m) return VNULL;
    *found = true;
    Value r = call_dunder(v, m, NULL, 0);
    if (!r || complex_check_exact(r)) return r;
    if (!complex_check(r)) {
        err_format(&exc_TypeError, "__complex__ returned non-complex (type %s)", type_name(r));
        return VNULL;
    }
    char msg[400];
    snprintf(msg, sizeof msg,
             "__complex__ returned non-complex (type %s).  The ability to return an instance of a strict "
             "subclass of complex is deprecated, and may be removed in a future version of Python.",
             type_name(r));
    if (err_warn(&exc_DeprecationWarning, msg, 1) < 0) return VNULL;
    return r;
}

int complex_as_complex(Value v, Complex *out) {
    if (!val_is_int(v) && complex_check(v)) {
        *out = complex_value(v);
        return 0;
    }
    bool found;
    Value c = try_complex_special(v, &found);
    if (c) {
        *out = complex_value(c);
        return 0;
    }
    if (found) return -1;
    out->imag = 0.0;
    return float_as_double(v, &out->real);
}

/* ---- Number slots ---- */

static Value c_add(Value v, Value w) {
    Complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return complex_from(complex_sum(a, b));
}

static Value c_sub(Value v, Value w) {
    Complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return complex_from(complex_diff(a, b));
}

static Value c_mul(Value v, Value w) {
    Complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return complex_from(complex_prod(a, b));
}

static Value c_truediv(Value v, Value w) {
    Complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    errno = 0;
    Complex q = complex_quot(a, b);
    if (errno == EDOM) {
        err_set(&exc_ZeroDivisionError, "complex division by zero");
        return VNULL;
    }
    return complex_from(q);
}

static Value c_pow3(Value v, Value w, Value z) {
    Complex a, b, p;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    if (z != VNone) {
        err_set(&exc_ValueError, "complex modulo");
        return VNULL;
    }
    errno = 0;
    /* A small integral exponent uses exact repeated squaring. */
    if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0) p = c_powi(a, (long)b.real);
    else p = complex_pow(a, b);
    /* CPython's _Py_ADJUST_ERANGE2: an infinite result is an overflow,
     * an underflow (ERANGE with a finite result) is not. */
    if (isinf(p.real) || isinf(p.imag)) {
        if (errno == 0) errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM) {
        err_set(&exc_ZeroDivisionError, "0.0 to a negative or complex power");
        return VNULL;
    }
    if (errno == ERANGE) {
        err_set(&exc_OverflowError, "complex exponentiation");
        return VNULL;
    }
    return complex_from(p);
}

static Value c_pow(Value v, Value w) { return c_pow3(v, w, VNone); }

Value complex_float_pow(double x, double y) { return c_pow3(float_new(x), float_new(y), VNone); }

static Value c_neg(Value v) { return complex_from(complex_neg(complex_value(v))); }
static Value c_pos(Value v) { return complex_check_exact(v) ? v : complex_from(complex_value(v)); }

static Value c_abs(Value v) {
    errno = 0;
    double r = complex_abs(complex_value(v));
    if (errno == ERANGE) {
        err_set(&exc_OverflowError, "absolute value too large");
        return VNULL;
    }
    return float_new(r);
}

static int c_bool(Value v) {
    Complex c = complex_value(v);
    return c.real != 0.0 || c.imag != 0.0;
}

/* ---- Comparison and hashing ---- */

static Value c_richcompare(Value v, Value w, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || val_is_int(v) || !complex_check(v)) return VNotImplemented;
    Complex i = complex_value(v);
    bool equal;
    if (int_check(w)) {
        /* Only a zero imaginary part can equal an int; then compare exactly as float == int does. */
        if (i.imag != 0.0) {
            equal = false;
        } else {
            Value j = float_new(i.real);
            return j ? obj_richcompare(j, w, op) : VNULL;
        }
    } else if (float_check(w)) {
        equal = i.real == float_value(w) && i.imag == 0.0;
    } else if (complex_check(w)) {
        Complex j = complex_value(w);
        equal = i.real == j.real && i.imag == j.imag;
    } else {
        return VNotImplemented;
    }
    return val_bool(equal == (op == CMP_EQ));
}

/* hash(real) + 1000003 * hash(imag) in unsigned arithmetic, so x + 0j
 * hashes like x.  A NaN part hashes by identity, as float's does. */
static hash_t c_hash(Value v) {
    Complex c = complex_value(v);
    uint64_t hr = (uint64_t)(isnan(c.real) ? obj_hash_pointer(v) : float_hash_double(c.real));
    uint64_t hi = (uint64_t)(isnan(c.imag) ? obj_hash_pointer(v) : float_hash_double(c.imag));
    uint64_t combined = hr + 1000003u * hi;
    if (combined == (uint64_t)-1) combined = (uint64_t)-2;
    return (hash_t)combined;
}

/* ---- repr ---- */

/* repr of one part, without float's ".0" ("1", not "1.0"), with a '+'
 * when `sign` and the part is not negative. */
static void part_repr(double d, bool sign, char *buf, size_t n) {
    char tmp[40];
    int len = float_format_buf(d, 'r', 0, false, tmp, sizeof tmp);
    if (len >= 2 && tmp[len - 2] == '.' && tmp[len - 1] == '0') tmp[len -= 2] = 0;
    snprintf(buf, n, "%s%s", sign && tmp[0] != '-' ? "+" : "", tmp);
}

static Value c_repr(Value v) {
    Complex c = complex_value(v);
    char re[48], im[48];
    part_repr(c.imag, c.real != 0.0 || signbit(c.real), im, sizeof im);
    /* A real part of +0 is left out, and so are the parentheses. */
    if (c.real == 0.0 && !signbit(c.real)) return str_printf("%sj", im);
    part_repr(c.real, false, re, sizeof re);
    return str_printf("(%s%sj)", re, im);
}

/* ---- Construction ---- */

static inline bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool prefix_ci(const char *p, const char *end, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(end - p) < n) return false;
    for (size_t i = 0; i < n; i++)
        if ((p[i] | 0x20) != word[i]) return false;
    return true;
}

/*
 * The longest prefix of [s, end) that is a float in CPython's strtod
 * syntax: [sign] digits [. digits] [e [sign] digits] with at least one
 * digit, or [sign] inf | infinity | nan in any case.  No whitespace, no
 * underscores (removed beforehand).  Returns the end of the prefix, s if
 * there is none.  Out-of-range values become +-inf or 0, not errors.
 */
static const char *parse_float_prefix(const char *s, const char *end, double *out) {
    const char *p = s;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    const char *digits = p;
    size_t nd = 0;
    while (p < end && is_digit(*p)) p++, nd++;
    if (p < end && *p == '.') {
        p++;
        while (p < end && is_digit(*p)) p++, nd++;
    }
    if (nd == 0) {
        if (prefix_ci(digits, end, "infinity") || prefix_ci(digits, end, "inf")) {
            *out = neg ? -HUGE_VAL : HUGE_VAL;
            return digits + (prefix_ci(digits, end, "infinity") ? 8 : 3);
        }
        if (prefix_ci(digits, end, "nan")) {
            *out = neg ? -NAN : NAN;
            return digits + 3;
        }
        return s;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < end && (*q == '+' || *q == '-')) q++;
        if (q < end && is_digit(*q)) {
            while (q < end && is_digit(*q)) q++;
            p = q;
        }
    }
    size_t n = (size_t)(p - s);
    char small[64], *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf) {
        *out = 0.0;
        return p;
    }
    memcpy(buf, s, n);
    buf[n] = 0;
    *out = strtod(buf, NULL);
    if (buf != small) free(buf);
    return p;
}

static Value malformed(void) {
    err_set(&exc_ValueError, "complex() arg is a malformed string");
    return VNULL;
}

/* complex(str) on ASCII text without underscores (CPython's complex_from_string_inner). */
static Value parse_complex(Type *t, const char *s, size_t len) {
    const char *p = s, *end = s + len, *q;
    double x = 0.0, y = 0.0, z;
    bool bracket = false;
    while (p < end && is_space(*p)) p++;
    if (p < end && *p == '(') {
        bracket = true;
        p++;
        while (p < end && is_space(*p)) p++;
    }
    /* <float>, <float>j, <float><signed-float>j, <float><sign>j, <sign>j or j. */
    q = parse_float_prefix(p, end, &z);
    if (q != p) {
        p = q;
        if (p < end && (*p == '+' || *p == '-')) {
            x = z;
            q = parse_float_prefix(p, end, &y);
            if (q != p) {
                p = q;
            } else {
                y = *p == '+' ? 1.0 : -1.0;
                p++;
            }
            if (p >= end || (*p != 'j' && *p != 'J')) return malformed();
            p++;
        } else if (p < end && (*p == 'j' || *p == 'J')) {
            p++;
            y = z;
        } else {
            x = z;
        }
    } else {
        if (p < end && (*p == '+' || *p == '-')) {
            y = *p == '+' ? 1.0 : -1.0;
            p++;
        } else {
            y = 1.0;
        }
        if (p >= end || (*p != 'j' && *p != 'J')) return malformed();
        p++;
    }
    while (p < end && is_space(*p)) p++;
    if (bracket) {
        if (p >= end || *p != ')') return malformed();
        p++;
        while (p < end && is_space(*p)) p++;
    }
    if (p != end) return malformed();
    return complex_new_typed(t, x, y);
}

static Value complex_from_string(Type *t, Value v) {
    size_t len;
    char *s = num_text_to_ascii(str_data(v), str_size(v), &len);
    if (!s) return VNULL;
    Value r;
    if (!memchr(s, '_', len)) {
        r = parse_complex(t, s, len);
    } else {
        /* Single underscores between digits are allowed and dropped. */
        char *dup = malloc(len + 1), *o = dup;
        bool ok = dup != NULL;
        char prev = 0;
        for (size_t i = 0; ok && i < len; i++) {
            char c = s[i];
            if (c == '_') ok = is_digit(prev);
            else {
                ok = prev != '_' || is_digit(c);
                *o++ = c;
            }
            prev = c;
        }
        ok = ok && prev != '_' && !memchr(s, 0, len);
        if (ok) r = parse_complex(t, dup, (size_t)(o - dup));
        else if (!dup) r = (err_no_memory(), VNULL);
        else r = (err_format(&exc_ValueError, "could not convert string to complex: %R", v), VNULL);
        free(dup);
    }
    free(s);
    return r;
}

static bool is_number(Value v) {
    Type *t = val_type(v);
    return t->nb_float || t->nb_index || complex_check(v);
}

static Value complex_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"real", "imag", NULL};
    Value a[2];
    if (arg_parse("complex", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    Value r = a[0] ? a[0] : val_from_int(0), i = a[1];
    if (complex_check_exact(r) && !i && t == &type_complex) return r;
    if (str_check(r)) {
        if (i) {
            err_set(&exc_TypeError, "complex() can't take second arg if first is a string");
            return VNULL;
        }
        return complex_from_string(t, r);
    }
    if (i && str_check(i)) {
        err_set(&exc_TypeError, "complex() second arg can't be a string");
        return VNULL;
    }
    bool found;
    Value tmp = try_complex_special(r, &found);
    if (tmp) r = tmp;
    else if (found) return VNULL;
    if (!is_number(r)) {
        err_format(&exc_TypeError, "complex() first argument must be a string or a number, not '%s'", type_name(r));
        return VNULL;
    }
    if (i && !is_number(i)) {
        err_format(&exc_TypeError, "complex() second argument must be a number, not '%s'", type_name(i));
        return VNULL;
    }
    /* real + imag*1j, where either may itself be complex. */
    Complex cr, ci = {0.0, 0.0};
    bool cr_complex = false, ci_complex = false;
    if (complex_check(r)) {
        cr = complex_value(r);
        cr_complex = true;
    } else {
        Value f = num_float(r);
        if (!f) return VNULL;
        cr = (Complex){float_value(f), 0.0};
    }
    if (!i) {
        ci.real = cr.imag;
    } else if (complex_check(i)) {
        ci = complex_value(i);
        ci_complex = true;
    } else {
        Value f = num_float(i);
        if (!f) return VNULL;
        ci.real = float_value(f);
    }
    if (ci_complex) cr.real -= ci.imag;
    if (cr_complex && i) ci.real += cr.imag;
    return complex_new_typed(t, cr.real, ci.real);
}

/* ---- Methods ---- */

static Value c_conjugate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("complex.conjugate", kw) < 0 || arg_count("complex.conjugate", nargs, 0, 0) < 0) return VNULL;
    Complex c = complex_value(self);
    return complex_new(c.real, -c.imag);
}

static Value c_getnewargs(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("complex.__getnewargs__", kw) < 0 || arg_count("complex.__getnewargs__", nargs, 0, 0) < 0)
        return VNULL;
    Complex c = complex_value(self);
    Value re = float_new(c.real), im = re ? float_new(c.imag) : VNULL;
    return im ? tuple_pack(2, re, im) : VNULL;
}

static Value c_complex_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("complex.__complex__", kw) < 0 || arg_count("complex.__complex__", nargs, 0, 0) < 0) return VNULL;
    return c_pos(self);
}

/*
 * format(z, spec): each part is laid out like a float (sign, grouping,
 * precision, '#', 'z'), the imaginary one always with a sign unless the
 * real part is omitted, and then the whole "(re+imj)" is padded.  With no
 * presentation type the parts use repr style and the result looks like
 * str(z): parentheses, and no real part when it is +0.
 */
static Value c_format(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("complex.__format__", kw) < 0 || arg_count("complex.__format__", nargs, 1, 1) < 0) return VNULL;
    Value spec = args[0];
    if (!str_check(spec)) {
        err_format(&exc_TypeError, "__format__() argument must be str, not %s", type_name(spec));
        return VNULL;
    }
    if (str_size(spec) == 0) return obj_str(self);
    FormatSpec f;
    if (format_spec_parse(spec, self, 0, '>', &f) < 0) return VNULL;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': break;
    default:
        fmt_unknown_code(f.type, self);
        return VNULL;
    }
    if (f.fill == '0') {
        err_set(&exc_ValueError, "Zero padding is not allowed in complex format specifier");
        return VNULL;
    }
    if (f.align == '=') {
        err_set(&exc_ValueError, "'=' alignment flag is not allowed in complex format specifier");
        return VNULL;
    }
    Complex c = complex_value(self);
    FormatSpec part = f;
    part.fill = ' ';
    part.align = '<';
    part.width = -1;
    part.zero_pad = false;
    bool skip_re = false, parens = false;
    if (f.type == 0) {
        part.type = f.precision < 0 ? 'r' : 'g';
        if (c.real == 0.0 && !signbit(c.real)) skip_re = true;
        else parens = true;
    } else if (f.type == 'n') {
        part.type = 'g';
    }
    Value re = skip_re ? str_empty() : float_format_spec(c.real, &part);
    if (!re) return VNULL;
    if (!skip_re) part.sign = '+';
    Value im = float_format_spec(c.imag, &part);
    if (!im) return VNULL;
    StrBuilder sb;
    sb_init(&sb);
    if (parens) sb_append_char(&sb, '(');
    sb_append_str(&sb, re);
    sb_append_str(&sb, im);
    sb_append_char(&sb, 'j');
    if (parens) sb_append_char(&sb, ')');
    Value text = sb_finish(&sb);
    if (!text) return VNULL;
    return format_pad(str_data(text), str_size(text), str_len(text), &f, '>');
}

static Value c_get_real(Value self) { return float_new(complex_value(self).real); }
static Value c_get_imag(Value self) { return float_new(complex_value(self).imag); }

static const MethodDef complex_methods[] = {
    {"conjugate", c_conjugate, 0, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__getnewargs__", c_getnewargs, 0, NULL},
    {"__format__", c_format, 0, "Convert to a string according to format_spec."},
    {"__complex__", c_complex_m, 0, "Convert this value to exact type complex."},
    {NULL}
};

/* CPython's real and imag are read-only members, with that error. */
static int c_set_readonly(Value self, Value v) {
    err_set(&exc_AttributeError, "readonly attribute");
    return -1;
}

static const GetSetDef complex_getsets[] = {
    {"real", c_get_real, c_set_readonly, "the real part of a complex number"},
    {"imag", c_get_imag, c_set_readonly, "the imaginary part of a complex number"},
    {NULL}
};

Type type_complex = {
    .hdr = {0, &type_type},
    .name = "complex",
    .basicsize = sizeof(ComplexObject),
    .flags = TF_BASETYPE,
    .new = complex_new_m,
    .repr = c_repr,
    .hash = c_hash,
    .richcompare = c_richcompare,
    .nb = {
        [BINOP_ADD] = c_add, [BINOP_SUB] = c_sub, [BINOP_MUL] = c_mul,
        [BINOP_TRUEDIV] = c_truediv, [BINOP_POW] = c_pow,
    },
    .nb_pow3 = c_pow3,
    .nb_neg = c_neg, .nb_pos = c_pos, .nb_abs = c_abs,
    .nb_bool = c_bool,
    .methods = complex_methods,
    .getsets = complex_getsets,
    .doc = "Create a complex number from a real part and an optional imaginary part.\n\n"
           "This is equivalent to (real + imag*1j) where imag defaults to 0.",
};
