/* float.c - float: boxing, arithmetic with Python's sign rules, exact int comparison, hashing, the type. */
#include "float.h"
#include "int.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "func.h"
#include "num_internal.h"
#include "complex.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

/*
 * A float is a boxed double laid out like CPython's PyFloatObject.  Mixed
 * arithmetic converts the int operand with int_as_double (correctly
 * rounded; OverflowError when out of range), while comparisons with ints
 * are exact: 2**53 + 1 != 2.0**53 although the int converts to that float.
 */

Value float_new_subclass(Type *t, double d) {
    Value o = type_generic_alloc(t, 0);
    if (!o) return VNULL;
    ((FloatObject *)o)->value = d;
    return o;
}

/* A float or int operand as a double: 1, 0 when it is neither (the slot
 * answers NotImplemented), -1 with OverflowError for a huge int. */
int float_to_double_arg(Value v, double *out) {
    if (!val_is_int(v) && float_check(v)) {
        *out = float_value(v);
        return 1;
    }
    if (int_check(v)) {
        double d = int_as_double(v);
        if (d == -1.0 && err_occurred()) return -1;
        *out = d;
        return 1;
    }
    return 0;
}

/* PyFloat_AsDouble: a float, an int, or anything with __float__ or __index__. */
int float_as_double(Value v, double *out) {
    int rc = float_to_double_arg(v, out);
    if (rc != 0) return rc < 0 ? -1 : 0;
    Type *t = val_type(v);
    if (!t->nb_float && !t->nb_index) {
        err_format(&exc_TypeError, "must be real number, not %s", type_name(v));
        return -1;
    }
    Value f = num_float(v);
    if (!f) return -1;
    *out = float_value(f);
    return 0;
}

#define CONVERT_BOTH(a, b, x, y)                            \
    double x, y;                                            \
    do {                                                    \
        int rc_ = float_to_double_arg(a, &x);               \
        if (rc_ <= 0) return rc_ < 0 ? VNULL : VNotImplemented; \
        rc_ = float_to_double_arg(b, &y);                   \
        if (rc_ <= 0) return rc_ < 0 ? VNULL : VNotImplemented; \
    } while (0)

Value float_add(Value a, Value b) {
    CONVERT_BOTH(a, b, x, y);
    return float_new(x + y);
}

Value float_sub(Value a, Value b) {
    CONVERT_BOTH(a, b, x, y);
    return float_new(x - y);
}

Value float_mul(Value a, Value b) {
    CONVERT_BOTH(a, b, x, y);
    return float_new(x * y);
}

Value float_truediv(Value a, Value b) {
    CONVERT_BOTH(a, b, x, y);
    if (y == 0.0) {
        err_set(&exc_ZeroDivisionError, "float division by zero");
        return VNULL;
    }
    return float_new(x / y);
}

/*
 * Floor division and modulo as Python defines them: the remainder has the
 * divisor's sign, and vx == floordiv * wx + mod as nearly as rounding
 * allows.  fmod is exact; the quotient is derived from it and snapped to
 * the nearest integer, so that e.g. 0.7 // 0.1 gives 6.0 consistently
 * with 0.7 % 0.1.
 */
void float_divmod_raw(double vx, double wx, double *floordiv, double *mod) {
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m != 0.0) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, wx); /* a zero remainder takes the divisor's sign */
    }
    double fd;
    if (div != 0.0) {
        fd = floor(div);
        if (div - fd > 0.5) fd += 1.0;
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *floordiv = fd;
    *mod = m;
}

Value float_floordiv(Value a, Value b) {
    CONVERT_BOTH(a, b, x, y);
    if (y == 0.0) {
        err_set(&exc_ZeroDivisionError, "float floor division by zero");
        return VNULL;
    }
    double q, r;
    float_divmod_raw(x, y, &q, &r);
    return float_new(q);
}

Value float_mod(Value a, Value b) {
    CONVERT_BOTH(a, b, x, y);
    if (y == 0.0) {
        err_set(&exc_ZeroDivisionError, "float modulo");
        return VNULL;
    }
    double m = fmod(x, y);
    if (m != 0.0) {
        if ((y < 0) != (m < 0)) m += y;
    } else {
        m = copysign(0.0, y);
    }
    return float_new(m);
}

static Value float_divmod(Value a, Value b) {
    CONVERT_BOTH(a, b, x, y);
    if (y == 0.0) {
        err_set(&exc_ZeroDivisionError, "float divmod()");
        return VNULL;
    }
    double q, r;
    float_divmod_raw(x, y, &q, &r);
    Value qv = float_new(q);
    if (!qv) return VNULL;
    Value rv = float_new(r);
    if (!rv) return VNULL;
    return tuple_pack(2, qv, rv);
}

static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

/*
 * x ** y with CPython's rules, stated explicitly rather than trusting every
 * libm to follow C99 Annex F: 1 ** anything and anything ** 0 are 1, NaNs
 * propagate otherwise, infinities and zeros follow the IEEE limits, zero to
 * a negative power is ZeroDivisionError, and overflow is OverflowError
 * (34, 'Numerical result out of range') like CPython's errno report.
 */
double float_pow_raw(double iv, double iw, bool *err) {
    *err = false;
    if (iw == 0.0) return 1.0;
    if (isnan(iv)) return iv;
    if (isnan(iw)) return iv == 1.0 ? 1.0 : iw;
    if (isinf(iw)) {
        double av = fabs(iv);
        if (av == 1.0) return 1.0;
        if ((iw > 0) == (av > 1.0)) return fabs(iw);
        return 0.0;
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0) return odd ? iv : fabs(iv);
        return odd ? copysign(0.0, iv) : 0.0;
    }
    if (iv == 0.0) {
        if (iw < 0.0) {
            err_set(&exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            *err = true;
            return -1.0;
        }
        return is_odd_integer(iw) ? iv : 0.0;
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            /* float_pow answers this case with a complex (complex.c)
             * before calling here; other callers (math.pow) see a domain error. */
            err_set(&exc_ValueError, "math domain error");
            *err = true;
            return -1.0;
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) return negate ? -1.0 : 1.0;
    errno = 0;
    double r = pow(iv, iw);
    if (isinf(r)) {
        Value msg = str_from_cstr("Numerical result out of range");
        Value args = msg ? tuple_pack(2, val_from_int(ERANGE), msg) : VNULL;
        if (args) err_set_args(&exc_OverflowError, args);
        *err = true;
        return -1.0;
    }
    return negate ? -r : r;
}

Value float_pow(Value a, Value b) {
    CONVERT_BOTH(a, b, x, y);
    /* A negative base to a fractional power is complex, as in CPython (complex.c). */
    if (x < 0.0 && isfinite(x) && isfinite(y) && y != floor(y)) return complex_float_pow(x, y);
    bool err;
    double r = float_pow_raw(x, y, &err);
    return err ? VNULL : float_new(r);
}

static Value float_pow3(Value a, Value b, Value m) {
    if (m != VNone) {
        err_set(&exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        return VNULL;
    }
    return float_pow(a, b);
}

static Value float_exact(Value v) { return float_check_exact(v) ? v : float_new(float_value(v)); }
static Value float_neg(Value v) { return float_new(-float_value(v)); }
static Value float_pos(Value v) { return float_exact(v); }
static Value float_abs(Value v) { return float_new(fabs(float_value(v))); }
static int float_bool(Value v) { return float_value(v) != 0.0; }
static Value float_int(Value v) { return int_from_double(float_value(v)); }

/* ---- Comparison ---- */

/* Compare a finite or infinite (not NaN) x with the int n exactly. */
int float_compare_int(double x, Value n) {
    if (isinf(x)) return x > 0 ? 1 : -1;
    if (val_is_int(n)) {
        intptr_t i = val_int(n);
        const intptr_t exact = (intptr_t)1 << DBL_MANT_DIG;
        if (i >= -exact && i <= exact) {
            double y = (double)i;
            return (x > y) - (x < y);
        }
    }
    int nsign = int_sign(n), xsign = (x > 0) - (x < 0);
    if (nsign != xsign) return (xsign > nsign) - (xsign < nsign);
    /* Same sign, both nonzero: compare magnitudes by binary exponent first. */
    int xexp;
    frexp(x, &xexp); /* |x| in [2**(xexp-1), 2**xexp) */
    int64_t nbits = (int64_t)int_bit_length(n);
    if (xexp != nbits) {
        int mag = xexp > nbits ? 1 : -1;
        return xsign > 0 ? mag : -mag;
    }
    /* Same bit length (at most 1024 bits): compare the integer part
     * exactly, then let the fraction break a tie. */
    double ip = trunc(x);
    Value iv = int_from_double(ip);
    if (!iv) return -2;
    int c = int_compare(iv, n);
    if (c != 0) return c;
    double frac = x - ip;
    return (frac > 0) - (frac < 0);
}

static Value cmp_result(int c, int op) {
    switch (op) {
    case CMP_LT: return val_bool(c < 0);
    case CMP_LE: return val_bool(c <= 0);
    case CMP_EQ: return val_bool(c == 0);
    case CMP_NE: return val_bool(c != 0);
    case CMP_GT: return val_bool(c > 0);
    default: return val_bool(c >= 0);
    }
}

static Value float_richcompare(Value a, Value b, int op) {
    if (val_is_int(a) || !float_check(a)) return VNotImplemented;
    double x = float_value(a);
    if (!val_is_int(b) && float_check(b)) {
        double y = float_value(b);
        switch (op) {
        case CMP_LT: return val_bool(x < y);
        case CMP_LE: return val_bool(x <= y);
        case CMP_EQ: return val_bool(x == y);
        case CMP_NE: return val_bool(x != y);
        case CMP_GT: return val_bool(x > y);
        default: return val_bool(x >= y);
        }
    }
    if (!int_check(b)) return VNotImplemented;
    if (isnan(x)) return val_bool(op == CMP_NE);
    int c = float_compare_int(x, b);
    if (c == -2) return VNULL;
    return cmp_result(c, op);
}

/* ---- Hashing ---- */

/*
 * CPython's numeric hash of a double: its exact rational value modulo
 * P = 2**61 - 1, so that hash(x) == hash(n) whenever x == n for an int n.
 * The mantissa is consumed 28 bits at a time; multiplying by 2**k modulo
 * P is a 61-bit rotation because 2**61 == 1 (mod P).  inf hashes to
 * +-314159.  NaN hashes by identity (CPython 3.10+); this function returns
 * 0 for it and the type's hash slot uses the object's address instead.
 */
hash_t float_hash_double(double v) {
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    if (isnan(v)) return 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & P) | x >> (61 - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= P) x -= P;
    }
    /* Multiply by 2**e: reduce e modulo 61 into [0, 61). */
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & P) | x >> (61 - e);
    hash_t h = (hash_t)x * sign;
    return h == -1 ? -2 : h;
}

static hash_t float_hash(Value v) {
    double d = float_value(v);
    if (isnan(d)) return obj_hash_pointer(v);
    return float_hash_double(d);
}

/* ---- float(): the constructor ---- */

static Value float_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    /* As CPython: keywords are refused unless a subclass's own __init__ takes them. */
    if ((t == &type_float || t->init == type_float.init) && kwnames && tuple_size(kwnames) > 0) {
        err_set(&exc_TypeError, "float() takes no keyword arguments");
        return VNULL;
    }
    if (nargs > 1) {
        err_format(&exc_TypeError, "float expected at most 1 argument, got %zu", nargs);
        return VNULL;
    }
    Value r = nargs ? num_float(args[0]) : float_new(0.0);
    if (!r || t == &type_float) return r;
    return float_new_subclass(t, float_value(r));
}

/* ---- Methods ---- */

#define NO_ARGS(name)                                                              \
    if (arg_no_kw(name, kw) < 0 || arg_count(name, nargs, 0, 0) < 0) return VNULL

static Value float_is_integer(Value self, Value *args, size_t nargs, Value kw) {
    NO_ARGS("float.is_integer");
    double x = float_value(self);
    return val_bool(isfinite(x) && floor(x) == x);
}

static Value float_as_integer_ratio(Value self, Value *args, size_t nargs, Value kw) {
    NO_ARGS("float.as_integer_ratio");
    double x = float_value(self);
    if (isinf(x)) {
        err_set(&exc_OverflowError, "cannot convert Infinity to integer ratio");
        return VNULL;
    }
    if (isnan(x)) {
        err_set(&exc_ValueError, "cannot convert NaN to integer ratio");
        return VNULL;
    }
    /* Scale the mantissa to an integer; the denominator is a power of two,
     * and the numerator is then odd unless the exponent is positive, so
     * the ratio is in lowest terms. */
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    Value num = int_from_double(m);
    if (!num) return VNULL;
    Value den = val_from_int(1);
    if (e > 0) num = int_lshift(num, val_from_int(e));
    else den = int_lshift(den, val_from_int(-e));
    if (!num || !den) return VNULL;
    return tuple_pack(2, num, den);
}

static Value float_conjugate(Value self, Value *args, size_t nargs, Value kw) {
    NO_ARGS("float.conjugate");
    return float_exact(self);
}

static Value float_trunc_m(Value self, Value *args, size_t nargs, Value kw) {
    NO_ARGS("float.__trunc__");
    return int_from_double(float_value(self));
}

static Value float_floor_m(Value self, Value *args, size_t nargs, Value kw) {
    NO_ARGS("float.__floor__");
    return int_from_double(floor(float_value(self)));
}

static Value float_ceil_m(Value self, Value *args, size_t nargs, Value kw) {
    NO_ARGS("float.__ceil__");
    return int_from_double(ceil(float_value(self)));
}

static Value float_round_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__round__", kw) < 0 || arg_count("__round__", nargs, 0, 1) < 0) return VNULL;
    double x = float_value(self);
    if (nargs == 0 || args[0] == VNone) {
        /* Round half to even; then to int (inf and nan raise). */
        double r = round(x);
        if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
        return int_from_double(r);
    }
    return float_round_double(x, args[0]);
}

static Value float_getnewargs(Value self, Value *args, size_t nargs, Value kw) {
    NO_ARGS("float.__getnewargs__");
    Value f = float_exact(self);
    return f ? tuple_pack(1, f) : VNULL;
}

static Value float_getformat(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("float.__getformat__", kw) < 0 || arg_count("float.__getformat__", nargs, 1, 1) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "__getformat__() argument must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    if (!str_eq_cstr(args[0], "double") && !str_eq_cstr(args[0], "float")) {
        err_set(&exc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
        return VNULL;
    }
    return str_from_cstr("IEEE, little-endian");
}

static Value float_get_real(Value self) { return float_exact(self); }
static Value float_get_imag(Value self) { return float_new(0.0); }

static const MethodDef float_methods[] = {
    {"conjugate", float_conjugate, 0, "Return self, the complex conjugate of any float."},
    {"__trunc__", float_trunc_m, 0, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor_m, 0, "Return the floor as an Integral."},
    {"__ceil__", float_ceil_m, 0, "Return the ceiling as an Integral."},
    {"__round__", float_round_m, 0, "Return the Integral closest to x, rounding half toward even.\n\n"
                                    "When an argument is passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", float_as_integer_ratio, 0, "Return integer ratio."},
    {"fromhex", float_fromhex_method, METH_CLASS, "Create a floating-point number from a hexadecimal string."},
    {"hex", float_hex_method, 0, "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", float_is_integer, 0, "Return True if the float is an integer."},
    {"__getnewargs__", float_getnewargs, 0, NULL},
    {"__getformat__", float_getformat, METH_CLASS, "You probably don't want to use this function."},
    {"__format__", float_format_method, 0, "Formats the float according to format_spec."},
    {NULL}
};

static const GetSetDef float_getsets[] = {
    {"real", float_get_real, NULL, "the real part of a complex number"},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number"},
    {NULL}
};

Type type_float = {
    .hdr = {0, &type_type},
    .name = "float",
    .basicsize = sizeof(FloatObject),
    .flags = TF_BASETYPE | TF_FLOAT_SUBCLASS,
    .new = float_new_m,
    .repr = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .nb = {
        [BINOP_ADD] = float_add, [BINOP_SUB] = float_sub, [BINOP_MUL] = float_mul,
        [BINOP_TRUEDIV] = float_truediv, [BINOP_FLOORDIV] = float_floordiv,
        [BINOP_MOD] = float_mod, [BINOP_POW] = float_pow,
    },
    .nb_divmod = float_divmod,
    .nb_pow3 = float_pow3,
    .nb_neg = float_neg, .nb_pos = float_pos, .nb_abs = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int, .nb_float = float_exact,
    .methods = float_methods,
    .getsets = float_getsets,
    .doc = "Convert a string or number to a floating point number, if possible.",
};
