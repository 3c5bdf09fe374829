/* math.c - the math module: libm wrappers with CPython's error rules, fsum, hypot/dist, gamma, the module table. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"
#include "math_int.h"
#include "math_docs.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * Error reporting follows CPython's "spirit of 754" rules: a NaN from
 * non-NaN input is ValueError("math domain error"), an infinity from
 * finite input is OverflowError("math range error") for functions that
 * can overflow and ValueError for singularities; libm's errno is
 * consulted the way CPython's is_error() does (an ERANGE result below 1.5
 * in magnitude is an underflow and not an error).  gamma and lgamma use
 * CPython's Lanczos approximation rather than libm's, so results agree to
 * the last bit; hypot, dist and fsum use its compensated algorithms.
 */

static const double m_pi = 3.141592653589793238462643383279502884197;
static const double m_logpi = 1.144729885849400174143427351353058711647;

/* ---- argument helpers ---- */

/* PyFloat_AsDouble, with the exact-float fast path. */
static int as_double(Value v, double *out) {
    if (float_check_exact(v)) {
        *out = float_value(v);
        return 0;
    }
    return float_as_double(v, out);
}

/* ASSIGN_DOUBLE: floats, ints (OverflowError if too large), then __float__/__index__. */
int math_item_double(Value v, double *out) {
    if (float_check_exact(v)) {
        *out = float_value(v);
        return 0;
    }
    if (int_check_exact(v)) {
        double d = val_is_int(v) ? (double)val_int(v) : int_as_double(v);
        if (d == -1.0 && err_occurred()) return -1;
        *out = d;
        return 0;
    }
    return float_as_double(v, out);
}

/* A METH_O function's argument check: "math.sqrt() takes exactly one argument (0 given)". */
bool math_one_arg(const char *name, size_t nargs, Value kw) {
    if (nargs == 1 && !kw) return true;   /* the common case formats nothing */
    char q[48];
    snprintf(q, sizeof q, "math.%s", name);
    return arg_no_kw(q, kw) == 0 && arg_count(q, nargs, 1, 1) == 0;
}

/* A METH_FASTCALL function's: "pow expected 2 arguments, got 1", keywords refused by qualified name. */
bool math_fast_args(const char *name, size_t nargs, Value kw, size_t min, size_t max) {
    if (nargs >= min && nargs <= max && !kw) return true;
    char q[48];
    snprintf(q, sizeof q, "math.%s", name);
    return arg_no_kw(q, kw) == 0 && dm_positional(name, nargs, min, max) == 0;
}

/* Set the exception for errno after a libm call (CPython's is_error): 1 if set, 0 for a harmless underflow. */
static int is_error(double r) {
    if (errno == EDOM) {
        err_set(&exc_ValueError, "math domain error");
    } else if (errno == ERANGE) {
        if (fabs(r) < 1.5) return 0;
        err_set(&exc_OverflowError, "math range error");
    } else {
        err_from_errno(&exc_ValueError);
    }
    return 1;
}

/* ---- one-argument functions ---- */

/* math_1: NaN out of non-NaN in is a domain error, infinity out of finite in a range
 * error (can_overflow) or a domain error (a singularity). */
static Value math_1(Value arg, double (*f)(double), bool can_overflow) {
    double x, r;
    if (as_double(arg, &x) < 0) return VNULL;
    errno = 0;
    r = f(x);
    if (isnan(r) && !isnan(x)) {
        err_set(&exc_ValueError, "math domain error");
        return VNULL;
    }
    if (isinf(r) && isfinite(x)) {
        if (can_overflow) err_set(&exc_OverflowError, "math range error");
        else err_set(&exc_ValueError, "math domain error");
        return VNULL;
    }
    if (isfinite(r) && errno && is_error(r)) return VNULL;
    return float_new(r);
}

/* math_1a: for functions that set errno themselves. */
static Value math_1a(Value arg, double (*f)(double)) {
    double x, r;
    if (as_double(arg, &x) < 0) return VNULL;
    errno = 0;
    r = f(x);
    if (errno && is_error(r)) return VNULL;
    return float_new(r);
}

/* sin(pi*x), accurate for x near integers (the reflection formula of gamma). */
static double m_sinpi(double x) {
    double y = fmod(fabs(x), 2.0), r;
    int n = (int)round(2.0 * y);
    switch (n) {
    case 0: r = sin(m_pi * y); break;
    case 1: r = cos(m_pi * (y - 0.5)); break;
    case 2: r = sin(m_pi * (1.0 - y)); break;   /* not -sin(pi*(y-1)): that gives -0.0 at y == 1 */
    case 3: r = -cos(m_pi * (y - 1.5)); break;
    default: r = sin(m_pi * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

/*
 * The Lanczos approximation with N = 13 and g = 6.024680040776729583740234375
 * (Boost's parameters), written as a rational function; the coefficients
 * are exact mathematical constants.  This is the method CPython uses, so
 * gamma() and lgamma() give the same floats.
 */
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num_coeffs[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
/* The denominator x*(x+1)*...*(x+LANCZOS_N-2) as a polynomial. */
static const double lanczos_den_coeffs[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};

#define NGAMMA_INTEGRAL 23
static const double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0,
};

/* L_g(x) for x > 0; for large x the rational function is evaluated in 1/x to avoid overflow. */
static double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num_coeffs[i];
            den = den * x + lanczos_den_coeffs[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num_coeffs[i];
            den = den / x + lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

static double gamma_lanczos(double x) {
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0) return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL) return gamma_integral[(int)x - 1];
    }
    double absx = fabs(x), r, y, z;
    if (absx < 1e-20) {
        r = 1.0 / x;
        if (isinf(r)) errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0) return 0.0 / m_sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    y = absx + lanczos_g_minus_half;
    /* The rounding error of y, to correct pow(y, ...)/exp(y) with. */
    if (absx > lanczos_g_minus_half) {
        volatile double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        volatile double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -m_pi / m_sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r)) errno = ERANGE;
    return r;
}

static double lgamma_lanczos(double x) {
    if (!isfinite(x)) return isnan(x) ? x : HUGE_VAL;
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double absx = fabs(x);
    if (absx < 1e-20) return -log(absx);
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0) r = m_logpi - log(fabs(m_sinpi(absx))) - log(absx) - r;
    if (isinf(r)) errno = ERANGE;
    return r;
}

/* log, log2, log10 with the special values set explicitly (EDOM for 0 and negatives). */
double math_m_log(double x) {
    if (isfinite(x)) {
        if (x > 0.0) return log(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
}

double math_m_log2(double x) {
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0) return x;
        errno = EDOM;
        return NAN;
    }
    if (x > 0.0) return log2(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
}

double math_m_log10(double x) {
    if (isfinite(x)) {
        if (x > 0.0) return log10(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
}

static double log1p_zero(double x) { return x == 0.0 ? x : log1p(x); }

/* log of an int or float; ints of any size are handled exactly (loghelper). */
static Value loghelper(Value arg, double (*f)(double)) {
    if (int_check(arg)) {
        if (int_sign(arg) <= 0) {
            err_set(&exc_ValueError, "math domain error");
            return VNULL;
        }
        double x = val_is_int(arg) ? (double)val_int(arg) : int_as_double(arg);
        if (x == -1.0 && err_occurred()) {
            if (!err_matches(&exc_OverflowError)) return VNULL;
            err_clear();
            int64_t e;
            x = math_int_frexp(arg, &e);
            /* The value is about x * 2**e. */
            return float_new(f(x) + f(2.0) * (double)e);
        }
        return float_new(f(x));
    }
    return math_1(arg, f, false);
}

#define MATH_FUNC1(name, fn, overflow)                                          \
    static Value m_##name(Value self, Value *args, size_t nargs, Value kw) {   \
        if (!math_one_arg(#name, nargs, kw)) return VNULL;                     \
        return math_1(args[0], fn, overflow);                                  \
    }
#define MATH_FUNC1A(name, fn)                                                   \
    static Value m_##name(Value self, Value *args, size_t nargs, Value kw) {   \
        if (!math_one_arg(#name, nargs, kw)) return VNULL;                     \
        return math_1a(args[0], fn);                                           \
    }

MATH_FUNC1(acos, acos, false)
MATH_FUNC1(acosh, acosh, false)
MATH_FUNC1(asin, asin, false)
MATH_FUNC1(asinh, asinh, false)
MATH_FUNC1(atan, atan, false)
MATH_FUNC1(atanh, atanh, false)
MATH_FUNC1(cbrt, cbrt, false)
MATH_FUNC1(cos, cos, false)
MATH_FUNC1(cosh, cosh, true)
MATH_FUNC1A(erf, erf)
MATH_FUNC1A(erfc, erfc)
MATH_FUNC1(exp, exp, true)
MATH_FUNC1(exp2, exp2, true)
MATH_FUNC1(expm1, expm1, true)
MATH_FUNC1(fabs, fabs, false)
MATH_FUNC1A(gamma, gamma_lanczos)
MATH_FUNC1A(lgamma, lgamma_lanczos)
MATH_FUNC1(log1p, log1p_zero, false)
MATH_FUNC1(sin, sin, false)
MATH_FUNC1(sinh, sinh, true)
MATH_FUNC1(sqrt, sqrt, false)
MATH_FUNC1(tan, tan, false)
MATH_FUNC1(tanh, tanh, false)

static Value m_log(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("math.log", kw) < 0) return VNULL;
    if (nargs < 1 || nargs > 2) {
        err_set(&exc_TypeError, "math.log requires 1 to 2 arguments");
        return VNULL;
    }
    Value num = loghelper(args[0], math_m_log);
    if (!num || nargs == 1) return num;
    Value den = loghelper(args[1], math_m_log);
    if (!den) return VNULL;
    return num_binop(num, den, BINOP_TRUEDIV);
}

static Value m_log2(Value self, Value *args, size_t nargs, Value kw) {
    if (!math_one_arg("log2", nargs, kw)) return VNULL;
    return loghelper(args[0], math_m_log2);
}

static Value m_log10(Value self, Value *args, size_t nargs, Value kw) {
    if (!math_one_arg("log10", nargs, kw)) return VNULL;
    return loghelper(args[0], math_m_log10);
}

/* ---- rounding to integers ---- */

/* floor/ceil: a float is done here, anything else through __floor__/__ceil__, then __float__. */
static Value round_common(const char *name, const char *dunder, double (*f)(double), Value *args, size_t nargs,
                          Value kw) {
    if (!math_one_arg(name, nargs, kw)) return VNULL;
    Value x = args[0];
    if (!float_check_exact(x)) {
        if (int_check_exact(x)) return x;
        Value m = dm_lookup_special(x, dunder);
        if (m) return obj_call0(m);
        if (err_occurred()) return VNULL;
    }
    double d;
    if (as_double(x, &d) < 0) return VNULL;
    return int_from_double(f(d));
}

static Value m_floor(Value self, Value *args, size_t nargs, Value kw) {
    return round_common("floor", "__floor__", floor, args, nargs, kw);
}
static Value m_ceil(Value self, Value *args, size_t nargs, Value kw) {
    return round_common("ceil", "__ceil__", ceil, args, nargs, kw);
}

static Value m_trunc(Value self, Value *args, size_t nargs, Value kw) {
    if (!math_one_arg("trunc", nargs, kw)) return VNULL;
    Value x = args[0];
    if (float_check_exact(x)) return int_from_double(trunc(float_value(x)));
    Value m = dm_lookup_special(x, "__trunc__");
    if (!m) {
        if (!err_occurred())
            err_format(&exc_TypeError, "type %s doesn't define __trunc__ method", val_type(x)->name);
        return VNULL;
    }
    return obj_call0(m);
}

/* ---- two-argument functions ---- */

static double m_atan2(double y, double x) {
    if (isnan(x) || isnan(y)) return NAN;
    if (isinf(y)) {
        if (isinf(x)) return copysign(copysign(1., x) == 1. ? 0.25 * m_pi : 0.75 * m_pi, y);
        return copysign(0.5 * m_pi, y);
    }
    if (isinf(x) || y == 0.) return copysign(copysign(1., x) == 1. ? 0. : m_pi, y);
    return atan2(y, x);
}

/* IEEE remainder: x - n*y for the nearest integer n, ties to even n; always exact. */
static double m_remainder(double x, double y) {
    if (isfinite(x) && isfinite(y)) {
        if (y == 0.0) return NAN;
        double absx = fabs(x), absy = fabs(y), m = fmod(absx, absy), r;
        /* Compare m with absy - m rather than 0.5*absy, which may not be representable. */
        double c = absy - m;
        if (m < c) r = m;
        else if (m > c) r = -c;
        else r = m - 2.0 * fmod(0.5 * (absx - m), absy);
        return copysign(1.0, x) * r;
    }
    if (isnan(x)) return x;
    if (isnan(y)) return y;
    if (isinf(x)) return NAN;
    return x;
}

/* math_2: NaN from non-NaNs is a domain error, infinity from finites a range error. */
static Value math_2(const char *name, Value *args, size_t nargs, Value kw, double (*f)(double, double)) {
    if (!math_fast_args(name, nargs, kw, 2, 2)) return VNULL;
    double x, y, r;
    if (as_double(args[0], &x) < 0 || as_double(args[1], &y) < 0) return VNULL;
    errno = 0;
    r = f(x, y);
    if (isnan(r)) errno = !isnan(x) && !isnan(y) ? EDOM : 0;
    else if (isinf(r)) errno = isfinite(x) && isfinite(y) ? ERANGE : 0;
    if (errno && is_error(r)) return VNULL;
    return float_new(r);
}

static Value m_atan2_m(Value self, Value *args, size_t nargs, Value kw) {
    return math_2("atan2", args, nargs, kw, m_atan2);
}
static Value m_copysign(Value self, Value *args, size_t nargs, Value kw) {
    return math_2("copysign", args, nargs, kw, copysign);
}
static Value m_remainder_m(Value self, Value *args, size_t nargs, Value kw) {
    return math_2("remainder", args, nargs, kw, m_remainder);
}

/* Two double arguments, Argument Clinic style. */
static bool two_doubles(const char *name, Value *args, size_t nargs, Value kw, double *x, double *y) {
    return math_fast_args(name, nargs, kw, 2, 2) && as_double(args[0], x) == 0 && as_double(args[1], y) == 0;
}

static Value m_fmod(Value self, Value *args, size_t nargs, Value kw) {
    double x, y, r;
    if (!two_doubles("fmod", args, nargs, kw, &x, &y)) return VNULL;
    if (isinf(y) && isfinite(x)) return float_new(x);
    errno = 0;
    r = fmod(x, y);
    if (isnan(r)) errno = !isnan(x) && !isnan(y) ? EDOM : 0;
    if (errno && is_error(r)) return VNULL;
    return float_new(r);
}

static Value m_pow(Value self, Value *args, size_t nargs, Value kw) {
    double x, y, r = 0.;
    if (!two_doubles("pow", args, nargs, kw, &x, &y)) return VNULL;
    if (!isfinite(x) || !isfinite(y)) {
        /* IEEE specials directly, as C99 Annex F has them. */
        errno = 0;
        if (isnan(x)) {
            r = y == 0. ? 1. : x;
        } else if (isnan(y)) {
            r = x == 1. ? 1. : y;
        } else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.) r = odd_y ? x : fabs(x);
            else if (y == 0.) r = 1.;
            else r = odd_y ? copysign(0., x) : 0.;
        } else {
            if (fabs(x) == 1.0) r = 1.;
            else if (y > 0. && fabs(x) > 1.0) r = y;
            else if (y < 0. && fabs(x) < 1.0) r = -y;
            else r = 0.;
        }
    } else {
        errno = 0;
        r = pow(x, y);
        /* NaN: a negative base with a non-integer exponent; infinity:
         * 0 ** negative (a singularity) or an overflow. */
        if (!isfinite(r)) {
            if (isnan(r)) errno = EDOM;
            else errno = x == 0. ? EDOM : ERANGE;
        }
    }
    if (errno && is_error(r)) return VNULL;
    return float_new(r);
}

static Value m_nextafter(Value self, Value *args, size_t nargs, Value kw) {
    double x, y;
    if (!two_doubles("nextafter", args, nargs, kw, &x, &y)) return VNULL;
    return float_new(nextafter(x, y));
}

static Value m_ldexp(Value self, Value *args, size_t nargs, Value kw) {
    if (!math_fast_args("ldexp", nargs, kw, 2, 2)) return VNULL;
    double x, r;
    if (as_double(args[0], &x) < 0) return VNULL;
    if (!int_check(args[1])) {
        err_set(&exc_TypeError, "Expected an int as second argument to ldexp.");
        return VNULL;
    }
    /* An exponent beyond a C long saturates, as PyLong_AsLongAndOverflow makes it. */
    int64_t e;
    if (int_fits_i64(args[1])) e = int_as_i64(args[1]);
    else e = int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
    if (x == 0. || !isfinite(x)) {
        r = x;
        errno = 0;
    } else if (e > INT32_MAX) {
        r = copysign(HUGE_VAL, x);
        errno = ERANGE;
    } else if (e < INT32_MIN) {
        r = copysign(0., x);
        errno = 0;
    } else {
        errno = 0;
        r = ldexp(x, (int)e);
        if (isinf(r)) errno = ERANGE;
    }
    if (errno && is_error(r)) return VNULL;
    return float_new(r);
}

/* ---- functions of one double with other results ---- */

static bool one_double(const char *name, Value *args, size_t nargs, Value kw, double *x) {
    return math_one_arg(name, nargs, kw) && as_double(args[0], x) == 0;
}

static Value m_frexp(Value self, Value *args, size_t nargs, Value kw) {
    double x;
    if (!one_double("frexp", args, nargs, kw, &x)) return VNULL;
    int i = 0;
    if (!isnan(x) && !isinf(x) && x != 0.0) x = frexp(x, &i);
    return tuple_pack(2, float_new(x), val_from_int(i));
}

static Value m_modf(Value self, Value *args, size_t nargs, Value kw) {
    double x, y;
    if (!one_double("modf", args, nargs, kw, &x)) return VNULL;
    if (isinf(x)) return tuple_pack(2, float_new(copysign(0., x)), float_new(x));
    if (isnan(x)) return tuple_pack(2, float_new(x), float_new(x));
    x = modf(x, &y);
    return tuple_pack(2, float_new(x), float_new(y));
}

static Value m_degrees(Value self, Value *args, size_t nargs, Value kw) {
    double x;
    if (!one_double("degrees", args, nargs, kw, &x)) return VNULL;
    return float_new(x * (180.0 / m_pi));
}

static Value m_radians(Value self, Value *args, size_t nargs, Value kw) {
    double x;
    if (!one_double("radians", args, nargs, kw, &x)) return VNULL;
    return float_new(x * (m_pi / 180.0));
}

static Value m_isfinite(Value self, Value *args, size_t nargs, Value kw) {
    double x;
    return one_double("isfinite", args, nargs, kw, &x) ? val_bool(isfinite(x)) : VNULL;
}
static Value m_isinf(Value self, Value *args, size_t nargs, Value kw) {
    double x;
    return one_double("isinf", args, nargs, kw, &x) ? val_bool(isinf(x)) : VNULL;
}
static Value m_isnan(Value self, Value *args, size_t nargs, Value kw) {
    double x;
    return one_double("isnan", args, nargs, kw, &x) ? val_bool(isnan(x)) : VNULL;
}

static Value m_ulp(Value self, Value *args, size_t nargs, Value kw) {
    double x;
    if (!one_double("ulp", args, nargs, kw, &x)) return VNULL;
    if (isnan(x)) return float_new(x);
    x = fabs(x);
    if (isinf(x)) return float_new(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) return float_new(x - nextafter(x, -INFINITY));  /* x is the largest finite float */
    return float_new(x2 - x);
}

static Value m_isclose(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    Value v[4];
    if (dm_parse("isclose", args, nargs, kw, names, 0, 2, 2, v) < 0) return VNULL;
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (as_double(v[0], &a) < 0 || as_double(v[1], &b) < 0) return VNULL;
    if (v[2] && as_double(v[2], &rel_tol) < 0) return VNULL;
    if (v[3] && as_double(v[3], &abs_tol) < 0) return VNULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        err_set(&exc_ValueError, "tolerances must be non-negative");
        return VNULL;
    }
    if (a == b) return VTrue;
    if (isinf(a) || isinf(b)) return VFalse;
    double diff = fabs(b - a);
    return val_bool(diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) || diff <= abs_tol);
}

/* ---- fsum ---- */

/*
 * Shewchuk's exact summation (Raymond Hettinger's msum with Mark
 * Dickinson's correct rounding): the partials are non-overlapping and
 * increasing in magnitude and sum exactly to the running total; the result
 * rounds their sum once, half to even, even across partials.  The
 * intermediate values are volatile so x87-style extended precision cannot
 * creep in.
 */
static Value m_fsum(Value self, Value *args, size_t nargs, Value kw) {
    if (!math_one_arg("fsum", nargs, kw)) return VNULL;
    Value it = obj_iter(args[0]);
    if (!it) return VNULL;
    double ps_stack[32], *p = ps_stack;
    ssize_t n = 0, m = 32;
    double special_sum = 0.0, inf_sum = 0.0;
    volatile double hi, yr, lo = 0.0;
    Value result = VNULL;
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            if (err_occurred()) goto done;
            break;
        }
        double x, y, t;
        if (math_item_double(item, &x) < 0) goto done;
        double xsave = x;
        ssize_t i = 0;
        for (ssize_t j = 0; j < n; j++) {
            y = p[j];
            if (fabs(x) < fabs(y)) {
                t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* From an inf or nan summand, or from intermediate overflow. */
                if (isfinite(xsave)) {
                    err_set(&exc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= m) {
                    double *np = malloc(sizeof(double) * (size_t)m * 2);
                    if (!np) {
                        err_set(&exc_MemoryError, "math.fsum partials");
                        goto done;
                    }
                    memcpy(np, p, sizeof(double) * (size_t)n);
                    if (p != ps_stack) free(p);
                    p = np;
                    m *= 2;
                }
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) err_set(&exc_ValueError, "-inf + inf in fsum");
        else result = float_new(special_sum);
        goto done;
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        /* Add from the top until the sum becomes inexact. */
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        /* Half-even rounding across partials: sum([1e-16, 1, 1e16]) rounds up. */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y;
            yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    result = float_new(hi);
done:
    if (p != ps_stack) free(p);
    return result;
}

/* ---- hypot and dist ---- */

/*
 * sqrt(sum(x*x)) nearly always correctly rounded: scale by a power of two
 * so the largest |x| is in [0.5, 1), square exactly by Veltkamp-Dekker
 * splitting, accumulate with three compensation terms (starting the sum at
 * 1.0 so it always dominates its addends), and apply one differential
 * correction to the square root.  CPython 3.11's method, step for step.
 */
static double vector_norm(ssize_t n, double *vec, double max, bool found_nan) {
    const double T27 = 134217729.0;     /* 2**27 + 1 */
    double x, scale, oldcsum, csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
    double t, hi, lo, h;
    int max_e;
    if (isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    frexp(max, &max_e);
    if (max_e >= -1023) {
        scale = ldexp(1.0, -max_e);
        for (ssize_t i = 0; i < n; i++) {
            x = vec[i] * scale;
            t = x * T27;
            hi = t - (t - x);
            lo = x - hi;
            x = hi * hi;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
            x = 2.0 * hi * lo;
            oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;
            frac3 += lo * lo;
        }
        h = sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
        x = h;
        t = x * T27;
        hi = t - (t - x);
        lo = x - hi;
        x = -hi * hi;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
        x = -2.0 * hi * lo;
        oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;
        x = -lo * lo;
        oldcsum = csum;
        csum += x;
        frac3 += (oldcsum - csum) + x;
        x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    /* Subnormal max: 2**-max_e would overflow, so divide by max instead. */
    for (ssize_t i = 0; i < n; i++) {
        x = vec[i] / max;
        x = x * x;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
    }
    return max * sqrt(csum - 1.0 + frac1);
}

static Value m_hypot(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("math.hypot", kw) < 0) return VNULL;
    double stack[16], *coords = nargs > 16 ? malloc(sizeof(double) * nargs) : stack;
    if (!coords) {
        err_no_memory();
        return VNULL;
    }
    double max = 0.0;
    bool found_nan = false;
    Value r = VNULL;
    for (size_t i = 0; i < nargs; i++) {
        double x;
        if (math_item_double(args[i], &x) < 0) goto done;
        x = fabs(x);
        coords[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    r = float_new(vector_norm((ssize_t)nargs, coords, max, found_nan));
done:
    if (coords != stack) free(coords);
    return r;
}

static Value m_dist(Value self, Value *args, size_t nargs, Value kw) {
    if (!math_fast_args("dist", nargs, kw, 2, 2)) return VNULL;
    Value p = args[0], q = args[1];
    if (!tuple_check(p) && !(p = tuple_from_iterable(p))) return VNULL;
    if (!tuple_check(q) && !(q = tuple_from_iterable(q))) return VNULL;
    ssize_t n = tuple_size(p);
    if (n != tuple_size(q)) {
        err_set(&exc_ValueError, "both points must have the same number of dimensions");
        return VNULL;
    }
    double stack[16], *diffs = n > 16 ? malloc(sizeof(double) * (size_t)n) : stack;
    if (!diffs) {
        err_no_memory();
        return VNULL;
    }
    double max = 0.0;
    bool found_nan = false;
    Value r = VNULL;
    for (ssize_t i = 0; i < n; i++) {
        double px, qx;
        if (math_item_double(tuple_get(p, i), &px) < 0 || math_item_double(tuple_get(q, i), &qx) < 0) goto done;
        double x = fabs(px - qx);
        diffs[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    r = float_new(vector_norm(n, diffs, max, found_nan));
done:
    if (diffs != stack) free(diffs);
    return r;
}

/* ---- prod ---- */

static Value m_prod(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"iterable", "start", NULL};
    Value v[2];
    if (dm_parse("prod", args, nargs, kw, names, 1, 1, 1, v) < 0) return VNULL;
    Value it = obj_iter(v[0]);
    if (!it) return VNULL;
    /* Repeated multiplication; CPython's C fast paths give the same results. */
    Value result = v[1] ? v[1] : val_from_int(1);
    for (;;) {
        Value item = obj_next(it);
        if (!item) return err_occurred() ? VNULL : result;
        result = num_binop(result, item, BINOP_MUL);
        if (!result) return VNULL;
    }
}

/* ---- the module ---- */

#define F(name, fn) {#name, fn, 0, DOC_##name}
static const MethodDef math_functions[] = {
    F(acos, m_acos), F(acosh, m_acosh), F(asin, m_asin), F(asinh, m_asinh), F(atan, m_atan),
    F(atan2, m_atan2_m), F(atanh, m_atanh), F(cbrt, m_cbrt), F(ceil, m_ceil), F(comb, math_comb_m),
    F(copysign, m_copysign), F(cos, m_cos), F(cosh, m_cosh), F(degrees, m_degrees), F(dist, m_dist),
    F(erf, m_erf), F(erfc, m_erfc), F(exp, m_exp), F(exp2, m_exp2), F(expm1, m_expm1), F(fabs, m_fabs),
    F(factorial, math_factorial_m), F(floor, m_floor), F(fmod, m_fmod), F(frexp, m_frexp), F(fsum, m_fsum),
    F(gamma, m_gamma), F(gcd, math_gcd_m), F(hypot, m_hypot), F(isclose, m_isclose), F(isfinite, m_isfinite),
    F(isinf, m_isinf), F(isnan, m_isnan), F(isqrt, math_isqrt_m), F(lcm, math_lcm_m), F(ldexp, m_ldexp),
    F(lgamma, m_lgamma), F(log, m_log), F(log1p, m_log1p), F(log10, m_log10), F(log2, m_log2), F(modf, m_modf),
    F(pow, m_pow), F(radians, m_radians), F(remainder, m_remainder_m), F(sin, m_sin), F(sinh, m_sinh),
    F(sqrt, m_sqrt), F(tan, m_tan), F(tanh, m_tanh), F(trunc, m_trunc), F(prod, m_prod), F(perm, math_perm_m),
    F(nextafter, m_nextafter), F(ulp, m_ulp),
    {NULL},
};
#undef F

Value math_module_init(void) {
    Value m = module_new_cstr("math");
    if (!m || module_add_functions(m, math_functions) < 0) return VNULL;
    if (module_add(m, "pi", float_new(m_pi)) < 0 || module_add(m, "e", float_new(2.718281828459045235360287)) < 0 ||
        module_add(m, "tau", float_new(6.283185307179586476925287)) < 0 ||
        module_add(m, "inf", float_new(INFINITY)) < 0 || module_add(m, "nan", float_new(NAN)) < 0 ||
        module_add(m, "__doc__", str_from_cstr(DOC_module)) < 0)
        return VNULL;
    return m;
}
