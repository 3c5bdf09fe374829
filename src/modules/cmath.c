/* cmath.c - the cmath module: complex elementary functions with C99 Annex G branch cuts and special values. */
#include "../objects/complex.h"
#include "../objects/float.h"
#include "../objects/int.h"
#include "../objects/str.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"

#include <errno.h>
#include <float.h>
#include <math.h>

/*
 * The algorithms are CPython's cmathmodule.c (Mark Dickinson's), kept
 * operation for operation so that results agree to the last bit:
 *
 * - Inputs with an infinite or NaN part are answered from a 7x7 table per
 *   function, indexed by the classes of the real and imaginary parts
 *   (special_class below).  The values follow C99 Annex G; cells for two
 *   finite parts are never read (U).  exp, cosh, sinh, tanh and rect
 *   compute the signs of (+-inf + finite nonzero y) from cos(y), sin(y).
 * - Large and tiny arguments are rescaled to avoid spurious overflow and
 *   loss of precision (CM_LARGE_DOUBLE and friends).
 * - Errors travel in errno as in CPython: EDOM becomes ValueError("math
 *   domain error"), ERANGE OverflowError("math range error").  Each
 *   function sets errno itself on every path; the wrappers clear it first.
 *
 * The inverse and hyperbolic functions are related by rotations:
 * asin(z) = -i asinh(iz), atan(z) = -i atanh(iz), cos(z) = cosh(iz),
 * sin(z) = -i sinh(iz), tan(z) = -i tanh(iz).
 */

#define CM_LARGE_DOUBLE (DBL_MAX / 4.)
#define CM_SQRT_LARGE_DOUBLE (sqrt(CM_LARGE_DOUBLE))
#define CM_LOG_LARGE_DOUBLE (log(CM_LARGE_DOUBLE))
#define CM_SQRT_DBL_MIN (sqrt(DBL_MIN))
/* Powers of two that make subnormal parts normal (and back) in sqrt. */
#define CM_SCALE_UP (2 * (DBL_MANT_DIG / 2) + 1)
#define CM_SCALE_DOWN (-(CM_SCALE_UP + 1) / 2)

#define PI 3.14159265358979323846
#define LN2 0.6931471805599453094
#define LN10 2.302585092994045684
#define E_CONST 2.7182818284590452354

/* ---- Special values ---- */

enum { ST_NINF, ST_NEG, ST_NZERO, ST_PZERO, ST_POS, ST_PINF, ST_NAN };

static int special_class(double d) {
    if (isfinite(d)) {
        if (d != 0) return copysign(1., d) == 1. ? ST_POS : ST_NEG;
        return copysign(1., d) == 1. ? ST_PZERO : ST_NZERO;
    }
    if (isnan(d)) return ST_NAN;
    return copysign(1., d) == 1. ? ST_PINF : ST_NINF;
}

#define INF HUGE_VAL
#define N NAN
#define P PI
#define P14 (0.25 * PI)
#define P12 (0.5 * PI)
#define P34 (0.75 * PI)
#define C(re, im) {re, im}
#define U {N, N}   /* never read: both parts finite, or computed by the caller */

/* Rows: the class of the real part; columns: the class of the imaginary
 * part, both in the order -inf, -x, -0, +0, +x, +inf, nan. */
typedef Complex SpecialTable[7][7];

static const SpecialTable acos_special = {
    {C(P34, INF), C(P, INF), C(P, INF), C(P, -INF), C(P, -INF), C(P34, -INF), C(N, INF)},
    {C(P12, INF), U, U, U, U, C(P12, -INF), C(N, N)},
    {C(P12, INF), U, U, U, U, C(P12, -INF), C(P12, N)},
    {C(P12, INF), U, U, U, U, C(P12, -INF), C(P12, N)},
    {C(P12, INF), U, U, U, U, C(P12, -INF), C(N, N)},
    {C(P14, INF), C(0., INF), C(0., INF), C(0., -INF), C(0., -INF), C(P14, -INF), C(N, INF)},
    {C(N, INF), C(N, N), C(N, N), C(N, N), C(N, N), C(N, -INF), C(N, N)},
};

static const SpecialTable acosh_special = {
    {C(INF, -P34), C(INF, -P), C(INF, -P), C(INF, P), C(INF, P), C(INF, P34), C(INF, N)},
    {C(INF, -P12), U, U, U, U, C(INF, P12), C(N, N)},
    {C(INF, -P12), U, U, U, U, C(INF, P12), C(N, N)},
    {C(INF, -P12), U, U, U, U, C(INF, P12), C(N, N)},
    {C(INF, -P12), U, U, U, U, C(INF, P12), C(N, N)},
    {C(INF, -P14), C(INF, -0.), C(INF, -0.), C(INF, 0.), C(INF, 0.), C(INF, P14), C(INF, N)},
    {C(INF, N), C(N, N), C(N, N), C(N, N), C(N, N), C(INF, N), C(N, N)},
};

static const SpecialTable asinh_special = {
    {C(-INF, -P14), C(-INF, -0.), C(-INF, -0.), C(-INF, 0.), C(-INF, 0.), C(-INF, P14), C(-INF, N)},
    {C(-INF, -P12), U, U, U, U, C(-INF, P12), C(N, N)},
    {C(-INF, -P12), U, U, U, U, C(-INF, P12), C(N, N)},
    {C(INF, -P12), U, U, U, U, C(INF, P12), C(N, N)},
    {C(INF, -P12), U, U, U, U, C(INF, P12), C(N, N)},
    {C(INF, -P14), C(INF, -0.), C(INF, -0.), C(INF, 0.), C(INF, 0.), C(INF, P14), C(INF, N)},
    {C(INF, N), C(N, N), C(N, -0.), C(N, 0.), C(N, N), C(INF, N), C(N, N)},
};

static const SpecialTable atanh_special = {
    {C(-0., -P12), C(-0., -P12), C(-0., -P12), C(-0., P12), C(-0., P12), C(-0., P12), C(-0., N)},
    {C(-0., -P12), U, U, U, U, C(-0., P12), C(N, N)},
    {C(-0., -P12), U, U, U, U, C(-0., P12), C(-0., N)},
    {C(0., -P12), U, U, U, U, C(0., P12), C(0., N)},
    {C(0., -P12), U, U, U, U, C(0., P12), C(N, N)},
    {C(0., -P12), C(0., -P12), C(0., -P12), C(0., P12), C(0., P12), C(0., P12), C(0., N)},
    {C(0., -P12), C(N, N), C(N, N), C(N, N), C(N, N), C(0., P12), C(N, N)},
};

/* The cells marked N under an infinite imaginary part come with EDOM. */
static const SpecialTable cosh_special = {
    {C(INF, N), U, C(INF, 0.), C(INF, -0.), U, C(INF, N), C(INF, N)},
    {C(N, N), U, U, U, U, C(N, N), C(N, N)},
    {C(N, 0.), U, U, U, U, C(N, 0.), C(N, 0.)},
    {C(N, 0.), U, U, U, U, C(N, 0.), C(N, 0.)},
    {C(N, N), U, U, U, U, C(N, N), C(N, N)},
    {C(INF, N), U, C(INF, -0.), C(INF, 0.), U, C(INF, N), C(INF, N)},
    {C(N, N), C(N, N), C(N, 0.), C(N, 0.), C(N, N), C(N, N), C(N, N)},
};

static const SpecialTable exp_special = {
    {C(0., 0.), U, C(0., -0.), C(0., 0.), U, C(0., 0.), C(0., 0.)},
    {C(N, N), U, U, U, U, C(N, N), C(N, N)},
    {C(N, N), U, U, U, U, C(N, N), C(N, N)},
    {C(N, N), U, U, U, U, C(N, N), C(N, N)},
    {C(N, N), U, U, U, U, C(N, N), C(N, N)},
    {C(INF, N), U, C(INF, -0.), C(INF, 0.), U, C(INF, N), C(INF, N)},
    {C(N, N), C(N, N), C(N, -0.), C(N, 0.), C(N, N), C(N, N), C(N, N)},
};

static const SpecialTable log_special = {
    {C(INF, -P34), C(INF, -P), C(INF, -P), C(INF, P), C(INF, P), C(INF, P34), C(INF, N)},
    {C(INF, -P12), U, U, U, U, C(INF, P12), C(N, N)},
    {C(INF, -P12), U, U, U, U, C(INF, P12), C(N, N)},
    {C(INF, -P12), U, U, U, U, C(INF, P12), C(N, N)},
    {C(INF, -P12), U, U, U, U, C(INF, P12), C(N, N)},
    {C(INF, -P14), C(INF, -0.), C(INF, -0.), C(INF, 0.), C(INF, 0.), C(INF, P14), C(INF, N)},
    {C(INF, N), C(N, N), C(N, N), C(N, N), C(N, N), C(INF, N), C(N, N)},
};

static const SpecialTable sinh_special = {
    {C(INF, N), U, C(-INF, -0.), C(-INF, 0.), U, C(INF, N), C(INF, N)},
    {C(N, N), U, U, U, U, C(N, N), C(N, N)},
    {C(0., N), U, U, U, U, C(0., N), C(0., N)},
    {C(0., N), U, U, U, U, C(0., N), C(0., N)},
    {C(N, N), U, U, U, U, C(N, N), C(N, N)},
    {C(INF, N), U, C(INF, -0.), C(INF, 0.), U, C(INF, N), C(INF, N)},
    {C(N, N), C(N, N), C(N, -0.), C(N, 0.), C(N, N), C(N, N), C(N, N)},
};

static const SpecialTable sqrt_special = {
    {C(INF, -INF), C(0., -INF), C(0., -INF), C(0., INF), C(0., INF), C(INF, INF), C(N, INF)},
    {C(INF, -INF), U, U, U, U, C(INF, INF), C(N, N)},
    {C(INF, -INF), U, U, U, U, C(INF, INF), C(N, N)},
    {C(INF, -INF), U, U, U, U, C(INF, INF), C(N, N)},
    {C(INF, -INF), U, U, U, U, C(INF, INF), C(N, N)},
    {C(INF, -INF), C(INF, -0.), C(INF, -0.), C(INF, 0.), C(INF, 0.), C(INF, INF), C(INF, N)},
    {C(INF, -INF), C(N, N), C(N, N), C(N, N), C(N, N), C(INF, INF), C(N, N)},
};

static const SpecialTable tanh_special = {
    {C(-1., 0.), U, C(-1., -0.), C(-1., 0.), U, C(-1., 0.), C(-1., 0.)},
    {C(N, N), U, U, U, U, C(N, N), C(N, N)},
    {C(N, N), U, U, U, U, C(N, N), C(N, N)},
    {C(N, N), U, U, U, U, C(N, N), C(N, N)},
    {C(N, N), U, U, U, U, C(N, N), C(N, N)},
    {C(1., 0.), U, C(1., -0.), C(1., 0.), U, C(1., 0.), C(1., 0.)},
    {C(N, N), C(N, N), C(N, -0.), C(N, 0.), C(N, N), C(N, N), C(N, N)},
};

/* Indexed by the classes of r and phi. */
static const SpecialTable rect_special = {
    {C(INF, N), U, C(-INF, 0.), C(-INF, -0.), U, C(INF, N), C(INF, N)},
    {C(N, N), U, U, U, U, C(N, N), C(N, N)},
    {C(0., 0.), U, U, U, U, C(0., 0.), C(0., 0.)},
    {C(0., 0.), U, U, U, U, C(0., 0.), C(0., 0.)},
    {C(N, N), U, U, U, U, C(N, N), C(N, N)},
    {C(INF, N), U, C(INF, -0.), C(INF, 0.), U, C(INF, N), C(INF, N)},
    {C(N, N), C(N, N), C(N, 0.), C(N, 0.), C(N, N), C(N, N), C(N, N)},
};

#undef C
#undef U
#undef N
#undef P
#undef P14
#undef P12
#undef P34

static inline bool is_special(Complex z) { return !isfinite(z.real) || !isfinite(z.imag); }

static inline Complex lookup(const SpecialTable t, Complex z) {
    errno = 0;
    return t[special_class(z.real)][special_class(z.imag)];
}

/* ---- The functions ---- */

static Complex c_sqrt(Complex z) {
    /* With x, y >= 0 by symmetry: s = sqrt((x + hypot(x, y))/2) and
     * d = (y/2)/s, computed as 2*sqrt(x/8 + hypot(x/8, y/8)) so that large
     * parts cannot overflow; subnormal parts are scaled up first so hypot
     * keeps full precision. */
    if (is_special(z)) return lookup(sqrt_special, z);
    Complex r;
    if (z.real == 0. && z.imag == 0.) {
        r.real = 0.;
        r.imag = z.imag;
        return r;
    }
    double ax = fabs(z.real), ay = fabs(z.imag), s, d;
    if (ax < DBL_MIN && ay < DBL_MIN) {
        ax = ldexp(ax, CM_SCALE_UP);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, CM_SCALE_UP))), CM_SCALE_DOWN);
    } else {
        ax /= 8.;
        s = 2. * sqrt(ax + hypot(ax, ay / 8.));
    }
    d = ay / (2. * s);
    if (z.real >= 0.) {
        r.real = s;
        r.imag = copysign(d, z.imag);
    } else {
        r.real = d;
        r.imag = copysign(s, z.imag);
    }
    errno = 0;
    return r;
}

static Complex c_acos(Complex z) {
    if (is_special(z)) return lookup(acos_special, z);
    Complex r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        /* Avoid overflow for large arguments; the two cases keep the
         * branch cut's continuity right. */
        r.real = atan2(fabs(z.imag), z.real);
        if (z.real < 0.) r.imag = -copysign(log(hypot(z.real / 2., z.imag / 2.)) + LN2 * 2., z.imag);
        else r.imag = copysign(log(hypot(z.real / 2., z.imag / 2.)) + LN2 * 2., -z.imag);
    } else {
        Complex s1 = c_sqrt((Complex){1. - z.real, -z.imag});
        Complex s2 = c_sqrt((Complex){1. + z.real, z.imag});
        r.real = 2. * atan2(s1.real, s2.real);
        r.imag = asinh(s2.real * s1.imag - s2.imag * s1.real);
    }
    errno = 0;
    return r;
}

static Complex c_acosh(Complex z) {
    if (is_special(z)) return lookup(acosh_special, z);
    Complex r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        r.real = log(hypot(z.real / 2., z.imag / 2.)) + LN2 * 2.;
        r.imag = atan2(z.imag, z.real);
    } else {
        Complex s1 = c_sqrt((Complex){z.real - 1., z.imag});
        Complex s2 = c_sqrt((Complex){z.real + 1., z.imag});
        r.real = asinh(s1.real * s2.real + s1.imag * s2.imag);
        r.imag = 2. * atan2(s1.imag, s2.real);
    }
    errno = 0;
    return r;
}

static Complex c_asinh(Complex z) {
    if (is_special(z)) return lookup(asinh_special, z);
    Complex r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        if (z.imag >= 0.) r.real = copysign(log(hypot(z.real / 2., z.imag / 2.)) + LN2 * 2., z.real);
        else r.real = -copysign(log(hypot(z.real / 2., z.imag / 2.)) + LN2 * 2., -z.real);
        r.imag = atan2(z.imag, fabs(z.real));
    } else {
        Complex s1 = c_sqrt((Complex){1. + z.imag, -z.real});
        Complex s2 = c_sqrt((Complex){1. - z.imag, z.real});
        r.real = asinh(s1.real * s2.imag - s2.real * s1.imag);
        r.imag = atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag);
    }
    errno = 0;
    return r;
}

static Complex c_asin(Complex z) {
    Complex s = c_asinh((Complex){-z.imag, z.real});
    return (Complex){s.imag, -s.real};
}

static Complex c_atanh(Complex z) {
    if (is_special(z)) return lookup(atanh_special, z);
    /* Reduce to z.real >= 0 with atanh(z) = -atanh(-z). */
    if (z.real < 0.) return complex_neg(c_atanh(complex_neg(z)));
    Complex r;
    double ay = fabs(z.imag);
    if (z.real > CM_SQRT_LARGE_DOUBLE || ay > CM_SQRT_LARGE_DOUBLE) {
        /* For large |z|, atanh(z) ~ 1/z +- i*pi/2. */
        double h = hypot(z.real / 2., z.imag / 2.);
        r.real = z.real / 4. / h / h;
        r.imag = -copysign(PI / 2., -z.imag);
        errno = 0;
    } else if (z.real == 1. && ay < CM_SQRT_DBL_MIN) {
        /* C99: atanh(1 +- 0i) is inf +- 0i, with a domain error. */
        if (ay == 0.) {
            r.real = INF;
            r.imag = z.imag;
            errno = EDOM;
        } else {
            r.real = -log(sqrt(ay) / sqrt(hypot(ay, 2.)));
            r.imag = copysign(atan2(2., -ay) / 2, z.imag);
            errno = 0;
        }
    } else {
        r.real = log1p(4. * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.;
        r.imag = -atan2(-2. * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.;
        errno = 0;
    }
    return r;
}

static Complex c_atan(Complex z) {
    Complex s = c_atanh((Complex){-z.imag, z.real});
    return (Complex){s.imag, -s.real};
}

static Complex c_cosh(Complex z) {
    Complex r;
    if (is_special(z)) {
        if (isinf(z.real) && isfinite(z.imag) && z.imag != 0.) {
            if (z.real > 0) {
                r.real = copysign(INF, cos(z.imag));
                r.imag = copysign(INF, sin(z.imag));
            } else {
                r.real = copysign(INF, cos(z.imag));
                r.imag = -copysign(INF, sin(z.imag));
            }
        } else {
            r = cosh_special[special_class(z.real)][special_class(z.imag)];
        }
        /* An infinite imaginary part is a domain error unless the real part is a NaN. */
        errno = isinf(z.imag) && !isnan(z.real) ? EDOM : 0;
        return r;
    }
    if (fabs(z.real) > CM_LOG_LARGE_DOUBLE) {
        /* cosh(x) may overflow where cosh(z) does not. */
        double x_minus_one = z.real - copysign(1., z.real);
        r.real = cos(z.imag) * cosh(x_minus_one) * E_CONST;
        r.imag = sin(z.imag) * sinh(x_minus_one) * E_CONST;
    } else {
        r.real = cos(z.imag) * cosh(z.real);
        r.imag = sin(z.imag) * sinh(z.real);
    }
    errno = isinf(r.real) || isinf(r.imag) ? ERANGE : 0;
    return r;
}

static Complex c_cos(Complex z) { return c_cosh((Complex){-z.imag, z.real}); }

static Complex c_sinh(Complex z) {
    Complex r;
    if (is_special(z)) {
        if (isinf(z.real) && isfinite(z.imag) && z.imag != 0.) {
            if (z.real > 0) {
                r.real = copysign(INF, cos(z.imag));
                r.imag = copysign(INF, sin(z.imag));
            } else {
                r.real = -copysign(INF, cos(z.imag));
                r.imag = copysign(INF, sin(z.imag));
            }
        } else {
            r = sinh_special[special_class(z.real)][special_class(z.imag)];
        }
        errno = isinf(z.imag) && !isnan(z.real) ? EDOM : 0;
        return r;
    }
    if (fabs(z.real) > CM_LOG_LARGE_DOUBLE) {
        double x_minus_one = z.real - copysign(1., z.real);
        r.real = cos(z.imag) * sinh(x_minus_one) * E_CONST;
        r.imag = sin(z.imag) * cosh(x_minus_one) * E_CONST;
    } else {
        r.real = cos(z.imag) * sinh(z.real);
        r.imag = sin(z.imag) * cosh(z.real);
    }
    errno = isinf(r.real) || isinf(r.imag) ? ERANGE : 0;
    return r;
}

static Complex c_sin(Complex z) {
    Complex s = c_sinh((Complex){-z.imag, z.real});
    return (Complex){s.imag, -s.real};
}

static Complex c_tanh(Complex z) {
    /* tanh(x+iy) = (tanh(x)(1+tan(y)^2) + i tan(y)(1-tanh(x)^2)) / (1+tan(y)^2 tanh(x)^2),
     * with 1-tanh(x)^2 computed as 1/cosh(x)^2, or as 4 exp(-2|x|) when
     * |x| is large enough for cosh to overflow. */
    Complex r;
    if (is_special(z)) {
        if (isinf(z.real) && isfinite(z.imag) && z.imag != 0.) {
            r.real = z.real > 0 ? 1.0 : -1.0;
            r.imag = copysign(0., 2. * sin(z.imag) * cos(z.imag));
        } else {
            r = tanh_special[special_class(z.real)][special_class(z.imag)];
        }
        errno = isinf(z.imag) && isfinite(z.real) ? EDOM : 0;
        return r;
    }
    if (fabs(z.real) > CM_LOG_LARGE_DOUBLE) {
        r.real = copysign(1., z.real);
        r.imag = 4. * sin(z.imag) * cos(z.imag) * exp(-2. * fabs(z.real));
    } else {
        double tx = tanh(z.real), ty = tan(z.imag), cx = 1. / cosh(z.real);
        double txty = tx * ty, denom = 1. + txty * txty;
        r.real = tx * (1. + ty * ty) / denom;
        r.imag = ((ty / denom) * cx) * cx;
    }
    errno = 0;
    return r;
}

static Complex c_tan(Complex z) {
    Complex s = c_tanh((Complex){-z.imag, z.real});
    return (Complex){s.imag, -s.real};
}

static Complex c_exp(Complex z) {
    Complex r;
    if (is_special(z)) {
        if (isinf(z.real) && isfinite(z.imag) && z.imag != 0.) {
            if (z.real > 0) {
                r.real = copysign(INF, cos(z.imag));
                r.imag = copysign(INF, sin(z.imag));
            } else {
                r.real = copysign(0., cos(z.imag));
                r.imag = copysign(0., sin(z.imag));
            }
        } else {
            r = exp_special[special_class(z.real)][special_class(z.imag)];
        }
        /* An infinite imaginary part is a domain error unless x is a NaN or -inf. */
        errno = isinf(z.imag) && (isfinite(z.real) || (isinf(z.real) && z.real > 0)) ? EDOM : 0;
        return r;
    }
    double l;
    if (z.real > CM_LOG_LARGE_DOUBLE) {
        l = exp(z.real - 1.);
        r.real = l * cos(z.imag) * E_CONST;
        r.imag = l * sin(z.imag) * E_CONST;
    } else {
        l = exp(z.real);
        r.real = l * cos(z.imag);
        r.imag = l * sin(z.imag);
    }
    errno = isinf(r.real) || isinf(r.imag) ? ERANGE : 0;
    return r;
}

/*
 * log|z| is log(hypot(x, y)) except: huge |z| (rescale by 1/2), subnormal
 * |z| (rescale up by 2**53), |z| near 1 (log1p of (am-1)(am+1) + an^2
 * keeps the precision), and z = 0 (-inf with a domain error).
 */
static Complex c_log(Complex z) {
    if (is_special(z)) return lookup(log_special, z);
    Complex r;
    double ax = fabs(z.real), ay = fabs(z.imag);
    if (ax > CM_LARGE_DOUBLE || ay > CM_LARGE_DOUBLE) {
        r.real = log(hypot(ax / 2., ay / 2.)) + LN2;
    } else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax > 0. || ay > 0.) {
            r.real = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * LN2;
        } else {
            r.real = -INF;
            r.imag = atan2(z.imag, z.real);
            errno = EDOM;
            return r;
        }
    } else {
        double h = hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            r.real = log1p((am - 1) * (am + 1) + an * an) / 2.;
        } else {
            r.real = log(h);
        }
    }
    r.imag = atan2(z.imag, z.real);
    errno = 0;
    return r;
}

static Complex c_log10(Complex z) {
    Complex r = c_log(z);
    int saved = errno;   /* the divisions must not disturb it */
    r.real = r.real / LN10;
    r.imag = r.imag / LN10;
    errno = saved;
    return r;
}

/* atan2(imag, real) with C99's answers for infinities and zeros spelled out. */
static double c_atan2(Complex z) {
    if (isnan(z.real) || isnan(z.imag)) return NAN;
    if (isinf(z.imag)) {
        if (isinf(z.real)) {
            if (copysign(1., z.real) == 1.) return copysign(0.25 * PI, z.imag);
            return copysign(0.75 * PI, z.imag);
        }
        return copysign(0.5 * PI, z.imag);
    }
    if (isinf(z.real) || z.imag == 0.) {
        if (copysign(1., z.real) == 1.) return copysign(0., z.imag);
        return copysign(PI, z.imag);
    }
    return atan2(z.imag, z.real);
}

/* ---- Python wrappers ---- */

static Value math_error(void) {
    if (errno == EDOM) err_set(&exc_ValueError, "math domain error");
    else if (errno == ERANGE) err_set(&exc_OverflowError, "math range error");
    else err_from_errno(&exc_ValueError);
    return VNULL;
}

static Value call1(const char *name, Value *args, size_t nargs, Value kw, Complex (*f)(Complex)) {
    if (arg_no_kw(name, kw) < 0 || arg_count(name, nargs, 1, 1) < 0) return VNULL;
    Complex z;
    if (complex_as_complex(args[0], &z) < 0) return VNULL;
    errno = 0;
    Complex r = f(z);
    if (errno != 0) return math_error();
    return complex_new(r.real, r.imag);
}

#define FUNC1(name)                                                                     \
    static Value cmath_##name(Value self, Value *args, size_t nargs, Value kw) {        \
        return call1("cmath." #name, args, nargs, kw, c_##name);                                  \
    }

FUNC1(acos)
FUNC1(acosh)
FUNC1(asin)
FUNC1(asinh)
FUNC1(atan)
FUNC1(atanh)
FUNC1(cos)
FUNC1(cosh)
FUNC1(exp)
FUNC1(log10)
FUNC1(sin)
FUNC1(sinh)
FUNC1(sqrt)
FUNC1(tan)
FUNC1(tanh)

static Value cmath_log(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("log", kw) < 0 || arg_count("log", nargs, 1, 2) < 0) return VNULL;
    Complex x, y;
    if (complex_as_complex(args[0], &x) < 0) return VNULL;
    errno = 0;
    x = c_log(x);
    if (nargs > 1) {
        /* As in CPython the base's log resets errno, so log(0, 2) is
         * (-inf+nanj) rather than an error, while log(2, 1) divides by zero. */
        if (complex_as_complex(args[1], &y) < 0) return VNULL;
        y = c_log(y);
        x = complex_quot(x, y);
    }
    if (errno != 0) return math_error();
    return complex_new(x.real, x.imag);
}

static Value cmath_phase(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("cmath.phase", kw) < 0 || arg_count("cmath.phase", nargs, 1, 1) < 0) return VNULL;
    Complex z;
    if (complex_as_complex(args[0], &z) < 0) return VNULL;
    errno = 0;
    double phi = c_atan2(z);
    if (errno != 0) return math_error();
    return float_new(phi);
}

static Value cmath_polar(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("cmath.polar", kw) < 0 || arg_count("cmath.polar", nargs, 1, 1) < 0) return VNULL;
    Complex z;
    if (complex_as_complex(args[0], &z) < 0) return VNULL;
    errno = 0;
    double phi = c_atan2(z);
    double r = complex_abs(z);  /* ERANGE on overflow */
    if (errno != 0) return math_error();
    Value a = float_new(r), b = a ? float_new(phi) : VNULL;
    return b ? tuple_pack(2, a, b) : VNULL;
}

/* A float argument as CPython's "d" converter reads it. */
static int double_arg(Value v, double *out) {
    if (!val_is_int(v) && float_check_exact(v)) {
        *out = float_value(v);
        return 0;
    }
    return float_as_double(v, out);
}

static Value cmath_rect(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("rect", kw) < 0 || arg_count("rect", nargs, 2, 2) < 0) return VNULL;
    double r, phi;
    if (double_arg(args[0], &r) < 0 || double_arg(args[1], &phi) < 0) return VNULL;
    Complex z;
    errno = 0;
    if (!isfinite(r) || !isfinite(phi)) {
        /* For r = +-inf and finite nonzero phi the signs come from cos(phi), sin(phi). */
        if (isinf(r) && isfinite(phi) && phi != 0.) {
            if (r > 0) {
                z.real = copysign(INF, cos(phi));
                z.imag = copysign(INF, sin(phi));
            } else {
                z.real = -copysign(INF, cos(phi));
                z.imag = -copysign(INF, sin(phi));
            }
        } else {
            z = rect_special[special_class(r)][special_class(phi)];
        }
        /* A nonzero r with an infinite phi is a domain error. */
        errno = r != 0. && !isnan(r) && isinf(phi) ? EDOM : 0;
    } else if (phi == 0.0) {
        /* r * phi keeps the sign of a zero phi exactly. */
        z.real = r;
        z.imag = r * phi;
        errno = 0;
    } else {
        z.real = r * cos(phi);
        z.imag = r * sin(phi);
        errno = 0;
    }
    if (errno != 0) return math_error();
    return complex_new(z.real, z.imag);
}

static Value cmath_isfinite(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("cmath.isfinite", kw) < 0 || arg_count("cmath.isfinite", nargs, 1, 1) < 0) return VNULL;
    Complex z;
    if (complex_as_complex(args[0], &z) < 0) return VNULL;
    return val_bool(isfinite(z.real) && isfinite(z.imag));
}

static Value cmath_isnan(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("cmath.isnan", kw) < 0 || arg_count("cmath.isnan", nargs, 1, 1) < 0) return VNULL;
    Complex z;
    if (complex_as_complex(args[0], &z) < 0) return VNULL;
    return val_bool(isnan(z.real) || isnan(z.imag));
}

static Value cmath_isinf(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("cmath.isinf", kw) < 0 || arg_count("cmath.isinf", nargs, 1, 1) < 0) return VNULL;
    Complex z;
    if (complex_as_complex(args[0], &z) < 0) return VNULL;
    return val_bool(isinf(z.real) || isinf(z.imag));
}

static Value cmath_isclose(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    if (nargs > 2) {
        err_format(&exc_TypeError, "isclose() takes exactly 2 positional arguments (%zu given)", nargs);
        return VNULL;
    }
    Value v[4];
    if (arg_parse("isclose", args, nargs, kwnames, names, 0, 2, v) < 0) return VNULL;
    Complex a, b;
    double rel_tol = 1e-09, abs_tol = 0.0;
    if (complex_as_complex(v[0], &a) < 0 || complex_as_complex(v[1], &b) < 0) return VNULL;
    if (v[2] && double_arg(v[2], &rel_tol) < 0) return VNULL;
    if (v[3] && double_arg(v[3], &abs_tol) < 0) return VNULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        err_set(&exc_ValueError, "tolerances must be non-negative");
        return VNULL;
    }
    /* Exact equality catches two infinities of the same sign. */
    if (a.real == b.real && a.imag == b.imag) return VTrue;
    /* Any other infinity is close to nothing. */
    if (isinf(a.real) || isinf(a.imag) || isinf(b.real) || isinf(b.imag)) return VFalse;
    /* Boost's "weak" test: close relative to either value, or absolutely. */
    double diff = complex_abs(complex_diff(a, b));
    return val_bool(diff <= rel_tol * complex_abs(b) || diff <= rel_tol * complex_abs(a) || diff <= abs_tol);
}

static const MethodDef cmath_functions[] = {
    {"acos", cmath_acos, 0, "Return the arc cosine of z."},
    {"acosh", cmath_acosh, 0, "Return the inverse hyperbolic cosine of z."},
    {"asin", cmath_asin, 0, "Return the arc sine of z."},
    {"asinh", cmath_asinh, 0, "Return the inverse hyperbolic sine of z."},
    {"atan", cmath_atan, 0, "Return the arc tangent of z."},
    {"atanh", cmath_atanh, 0, "Return the inverse hyperbolic tangent of z."},
    {"cos", cmath_cos, 0, "Return the cosine of z."},
    {"cosh", cmath_cosh, 0, "Return the hyperbolic cosine of z."},
    {"exp", cmath_exp, 0, "Return the exponential value e**z."},
    {"isclose", cmath_isclose, 0,
     "Determine whether two complex numbers are close in value.\n\n"
     "  rel_tol\n"
     "    maximum difference for being considered \"close\", relative to the\n"
     "    magnitude of the input values\n"
     "  abs_tol\n"
     "    maximum difference for being considered \"close\", regardless of the\n"
     "    magnitude of the input values\n\n"
     "Return True if a is close in value to b, and False otherwise.\n\n"
     "For the values to be considered close, the difference between them must be\n"
     "smaller than at least one of the tolerances.\n\n"
     "-inf, inf and NaN behave similarly to the IEEE 754 Standard. That is, NaN is\n"
     "not close to anything, even itself. inf and -inf are only close to themselves."},
    {"isfinite", cmath_isfinite, 0, "Return True if both the real and imaginary parts of z are finite, else False."},
    {"isinf", cmath_isinf, 0, "Checks if the real or imaginary part of z is infinite."},
    {"isnan", cmath_isnan, 0, "Checks if the real or imaginary part of z not a number (NaN)."},
    {"log", cmath_log, 0, "log(z[, base]) -> the logarithm of z to the given base.\n\n"
                          "If the base not specified, returns the natural logarithm (base e) of z."},
    {"log10", cmath_log10, 0, "Return the base-10 logarithm of z."},
    {"phase", cmath_phase, 0, "Return argument, also known as the phase angle, of a complex."},
    {"polar", cmath_polar, 0, "Convert a complex from rectangular coordinates to polar coordinates.\n\n"
                              "r is the distance from 0 and phi the phase angle."},
    {"rect", cmath_rect, 0, "Convert from polar coordinates to rectangular coordinates."},
    {"sin", cmath_sin, 0, "Return the sine of z."},
    {"sinh", cmath_sinh, 0, "Return the hyperbolic sine of z."},
    {"sqrt", cmath_sqrt, 0, "Return the square root of z."},
    {"tan", cmath_tan, 0, "Return the tangent of z."},
    {"tanh", cmath_tanh, 0, "Return the hyperbolic tangent of z."},
    {NULL}
};

Value cmath_module_init(void) {
    Value m = module_new_cstr("cmath");
    if (!m || module_add_functions(m, cmath_functions) < 0) return VNULL;
    if (module_add(m, "__doc__", str_from_cstr("This module provides access to mathematical functions for complex\n"
                                               "numbers.")) < 0 ||
        module_add(m, "pi", float_new(PI)) < 0 || module_add(m, "e", float_new(E_CONST)) < 0 ||
        module_add(m, "tau", float_new(2 * PI)) < 0 || module_add(m, "inf", float_new(INF)) < 0 ||
        module_add(m, "infj", complex_new(0.0, INF)) < 0 || module_add(m, "nan", float_new(NAN)) < 0 ||
        module_add(m, "nanj", complex_new(0.0, NAN)) < 0)
        return VNULL;
    return m;
}
