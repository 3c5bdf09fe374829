/* arith_fast.h - the interpreter's inline int and float arithmetic.
 *
 * Binary operators on two small ints, two exact floats, or a small int
 * and an exact float are computed here without the number protocol.  For
 * these types `a op= b` means `a op b`, so the in-place opcodes share the
 * code.  Every case gives exactly what int's and float's own methods give
 * (same rounding, same signs); anything that could raise (division by
 * zero, overflow out of the small-int range, a float result out of
 * range) goes to the generic path, which raises CPython's error.
 */
#ifndef TAIPAN_ARITH_FAST_H
#define TAIPAN_ARITH_FAST_H

#include <math.h>
#include "../objects/float.h"

enum {
#define BINOP(NAME, slot, d, r, i, sym) AF_##NAME,
#include "../objects/binops.def"
#undef BINOP
};

/* Both ints and at most 2**53 in magnitude: their double conversions are
 * exact, so a / b rounds once, as int.__truediv__ does. */
static inline bool af_exact_in_double(intptr_t x) { return x >= -(1LL << 53) && x <= (1LL << 53); }

static inline bool af_int(int op, intptr_t x, intptr_t y, Value *out) {
    intptr_t r;
    switch (op) {
    case AF_ADD:
        if (__builtin_add_overflow(x, y, &r)) return false;
        break;
    case AF_SUB:
        if (__builtin_sub_overflow(x, y, &r)) return false;
        break;
    case AF_MUL:
        if (__builtin_mul_overflow(x, y, &r)) return false;
        break;
    case AF_FLOORDIV:
        if (y == 0) return false;
        r = x / y;
        if (x % y != 0 && ((x ^ y) < 0)) r--;
        break;
    case AF_MOD:
        if (y == 0) return false;
        r = x % y;
        if (r != 0 && ((r ^ y) < 0)) r += y;
        break;
    case AF_AND: r = x & y; break;
    case AF_OR: r = x | y; break;
    case AF_XOR: r = x ^ y; break;
    case AF_RSHIFT:
        if (y < 0) return false;
        r = y >= 63 ? (x < 0 ? -1 : 0) : x >> y;
        break;
    case AF_LSHIFT:
        if (y < 0 || y >= 63) return false;
        r = (intptr_t)((uintptr_t)x << y);
        if ((r >> y) != x) return false;
        break;
    case AF_TRUEDIV: {
        if (y == 0 || !af_exact_in_double(x) || !af_exact_in_double(y)) return false;
        Value v = float_new((double)x / (double)y);
        *out = v;
        return true;
    }
    default: return false;
    }
    if (!smallint_fits(r)) return false;
    *out = val_from_int(r);
    return true;
}

static inline bool af_float(int op, double x, double y, Value *out) {
    double r;
    switch (op) {
    case AF_ADD: r = x + y; break;
    case AF_SUB: r = x - y; break;
    case AF_MUL: r = x * y; break;
    case AF_TRUEDIV:
        if (y == 0.0) return false;
        r = x / y;
        break;
    case AF_MOD:
        /* float.__mod__: the remainder takes the divisor's sign. */
        if (y == 0.0) return false;
        r = fmod(x, y);
        if (r != 0.0) {
            if ((y < 0) != (r < 0)) r += y;
        } else {
            r = copysign(0.0, y);
        }
        break;
    case AF_POW:
        /* Only where float.__pow__ has no special case: a positive finite
         * base and a finite exponent, with a finite result. */
        if (!(x > 0.0 && isfinite(x) && isfinite(y))) return false;
        r = pow(x, y);
        if (!isfinite(r)) return false;
        break;
    default: return false;
    }
    *out = float_new(r);
    return true;
}

/* true: *out is the result, or VNULL with MemoryError; false: not handled. */
static inline bool arith_fast(int op, Value a, Value b, Value *out) {
    if (val_is_int(a)) {
        if (val_is_int(b)) return af_int(op, val_int(a), val_int(b), out);
        if (float_check_exact(b)) return af_float(op, (double)val_int(a), float_value(b), out);
        return false;
    }
    if (float_check_exact(a)) {
        if (float_check_exact(b)) return af_float(op, float_value(a), float_value(b), out);
        if (val_is_int(b)) return af_float(op, float_value(a), (double)val_int(b), out);
    }
    return false;
}

#endif
