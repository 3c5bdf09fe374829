/* complex.h - complex: a pair of doubles (CPython's PyComplexObject layout), its arithmetic and conversions. */
#ifndef TAIPAN_COMPLEX_H
#define TAIPAN_COMPLEX_H

#include "object.h"

/* A complex value in C (CPython's Py_complex). */
typedef struct Complex {
    double real, imag;
} Complex;

typedef struct ComplexObject {
    Object hdr;
    Complex cval;
} ComplexObject;

extern Type type_complex;

static inline bool complex_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &type_complex || type_is_subtype(val_obj(v)->type, &type_complex));
}
static inline bool complex_check_exact(Value v) { return !val_is_int(v) && val_obj(v)->type == &type_complex; }
static inline Complex complex_value(Value v) { return ((ComplexObject *)v)->cval; }

Value complex_new(double real, double imag);

/* PyComplex_AsCComplex: a complex, anything with __complex__, else a real
 * number via __float__/__index__ ("must be real number, not str").
 * 0, or -1 with an exception. */
int complex_as_complex(Value v, Complex *out);

/*
 * The arithmetic of CPython's _Py_c_* functions, bit for bit.  quot and
 * pow report their domain errors through errno == EDOM (and libm may set
 * errno too), exactly as CPython's do, because cmath's error checks and
 * complex ** depend on that protocol; callers clear errno first.
 */
Complex complex_sum(Complex a, Complex b);
Complex complex_diff(Complex a, Complex b);
Complex complex_neg(Complex a);
Complex complex_prod(Complex a, Complex b);
Complex complex_quot(Complex a, Complex b);
Complex complex_pow(Complex a, Complex b);
/* |z| with C99's rules (an infinite part wins over a NaN); errno =
 * ERANGE when a finite z overflows. */
double complex_abs(Complex z);

/* x ** y for floats x < 0 and finite non-integral y: float.__pow__ hands
 * these to complex, as CPython does ((-8) ** 0.5 is complex). */
Value complex_float_pow(double x, double y);

#endif
