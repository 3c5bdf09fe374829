/* math_int.c - math's integer functions (factorial, gcd, lcm, isqrt, comb, perm) on GMP. */
#include "../objects/type.h"
#include "../objects/int.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "datamod.h"
#include "math_int.h"

#include <limits.h>

/*
 * Results are exact integers, so any algorithm gives CPython's answers;
 * these use GMP directly.  What must match is the argument handling:
 * __index__ conversions, the order of the checks and the messages.
 */

/* z = v for an exact int v (small or big). */
static void mpz_from_int(mpz_t z, Value v) {
    if (val_is_int(v)) {
        mpz_init_set_si(z, (long)val_int(v));
        return;
    }
    BigIntObject *b = (BigIntObject *)v;
    mpz_t view;
    mpz_roinit_n(view, b->limbs, b->size);
    mpz_init_set(z, view);
}

/* The int with z's value; z is cleared. */
static Value int_from_mpz(mpz_t z) {
    Value r;
    size_t n = mpz_size(z);
    if (n == 0) r = val_from_int(0);
    else if (n == 1 && mpz_fits_slong_p(z)) r = int_from_i64(mpz_get_si(z));
    else r = int_from_limbs(mpz_limbs_read(z), mpz_sgn(z) < 0 ? -(ssize_t)n : (ssize_t)n);
    mpz_clear(z);
    return r;
}

double math_int_frexp(Value v, int64_t *e) {
    mpz_t z;
    mpz_from_int(z, v);
    mpz_abs(z, z);
    int64_t bits = (int64_t)mpz_sizeinbase(z, 2);
    /* The top DBL_MANT_DIG + 2 = 55 bits, the last one sticky. */
    uint64_t x;
    if (bits <= 55) {
        x = (uint64_t)mpz_get_ui(z) << (55 - bits);
    } else {
        mp_bitcnt_t shift = (mp_bitcnt_t)(bits - 55);
        bool sticky = mpz_scan1(z, 0) < shift;
        mpz_tdiv_q_2exp(z, z, shift);
        x = (uint64_t)mpz_get_ui(z) | (sticky ? 1 : 0);
    }
    mpz_clear(z);
    /* Round to 53 bits, half to even, then scale into [0.5, 1). */
    static const int half_even_correction[8] = {0, -1, -2, 1, 0, -1, 2, 1};
    x += (uint64_t)(int64_t)half_even_correction[x & 7];
    double dx = (double)x / 36028797018963968.0;   /* 2**55 */
    if (dx == 1.0) {
        dx = 0.5;
        bits += 1;
    }
    *e = bits;
    return int_sign(v) < 0 ? -dx : dx;
}

/* factorial(n): n an int (via __index__) between 0 and LONG_MAX. */
static Value factorial_of(Value arg) {
    Value n = num_index(arg);
    if (!n) return VNULL;
    if (!int_fits_i64(n)) {
        if (int_sign(n) > 0) {
            err_format(&exc_OverflowError, "factorial() argument should not exceed %ld", LONG_MAX);
            return VNULL;
        }
        err_set(&exc_ValueError, "factorial() not defined for negative values");
        return VNULL;
    }
    int64_t x = int_as_i64(n);
    if (x < 0) {
        err_set(&exc_ValueError, "factorial() not defined for negative values");
        return VNULL;
    }
    if (x <= 20) {
        int64_t r = 1;
        for (int64_t i = 2; i <= x; i++) r *= i;
        return int_from_i64(r);
    }
    mpz_t z;
    mpz_init(z);
    mpz_fac_ui(z, (unsigned long)x);
    return int_from_mpz(z);
}

Value math_factorial_m(Value self, Value *args, size_t nargs, Value kw) {
    if (!math_one_arg("factorial", nargs, kw)) return VNULL;
    return factorial_of(args[0]);
}

static Value int_gcd(Value a, Value b) {
    if (val_is_int(a) && val_is_int(b)) {
        uint64_t x = (uint64_t)(val_int(a) < 0 ? -val_int(a) : val_int(a));
        uint64_t y = (uint64_t)(val_int(b) < 0 ? -val_int(b) : val_int(b));
        while (y) {
            uint64_t t = x % y;
            x = y;
            y = t;
        }
        return int_from_u64(x);
    }
    mpz_t x, y;
    mpz_from_int(x, a);
    mpz_from_int(y, b);
    mpz_gcd(x, x, y);
    mpz_clear(y);
    return int_from_mpz(x);
}

Value math_gcd_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("math.gcd", kw) < 0) return VNULL;
    if (nargs == 0) return val_from_int(0);
    Value res = num_index(args[0]);
    if (!res) return VNULL;
    if (nargs == 1) return int_abs(res);
    for (size_t i = 1; i < nargs; i++) {
        Value x = num_index(args[i]);
        if (!x) return VNULL;
        if (res == val_from_int(1)) continue;   /* the rest are only checked */
        res = int_gcd(res, x);
        if (!res) return VNULL;
    }
    return res;
}

Value math_lcm_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("math.lcm", kw) < 0) return VNULL;
    if (nargs == 0) return val_from_int(1);
    Value res = num_index(args[0]);
    if (!res) return VNULL;
    if (nargs == 1) return int_abs(res);
    for (size_t i = 1; i < nargs; i++) {
        Value x = num_index(args[i]);
        if (!x) return VNULL;
        if (res == val_from_int(0)) continue;
        if (int_sign(x) == 0) {
            res = val_from_int(0);
            continue;
        }
        Value g = int_gcd(res, x);
        Value f = g ? int_floordiv(res, g) : VNULL;
        Value m = f ? int_mul(f, x) : VNULL;
        res = m ? int_abs(m) : VNULL;
        if (!res) return VNULL;
    }
    return res;
}

Value math_isqrt_m(Value self, Value *args, size_t nargs, Value kw) {
    if (!math_one_arg("isqrt", nargs, kw)) return VNULL;
    Value n = num_index(args[0]);
    if (!n) return VNULL;
    if (int_sign(n) < 0) {
        err_set(&exc_ValueError, "isqrt() argument must be nonnegative");
        return VNULL;
    }
    mpz_t z;
    mpz_from_int(z, n);
    mpz_sqrt(z, z);
    return int_from_mpz(z);
}

/* n, k as exact non-negative ints, with CPython's messages. */
static int perm_comb_args(Value *args, Value *n, Value *k) {
    *n = num_index(args[0]);
    if (!*n) return -1;
    *k = num_index(args[1]);
    if (!*k) return -1;
    if (int_sign(*n) < 0) {
        err_set(&exc_ValueError, "n must be a non-negative integer");
        return -1;
    }
    if (int_sign(*k) < 0) {
        err_set(&exc_ValueError, "k must be a non-negative integer");
        return -1;
    }
    return 0;
}

Value math_comb_m(Value self, Value *args, size_t nargs, Value kw) {
    if (!math_fast_args("comb", nargs, kw, 2, 2)) return VNULL;
    Value n, k;
    if (perm_comb_args(args, &n, &k) < 0) return VNULL;
    if (int_compare(k, n) > 0) return val_from_int(0);
    /* k = min(k, n - k), which must fit a C long long. */
    Value nk = int_sub(n, k);
    if (!nk) return VNULL;
    if (int_compare(nk, k) < 0) k = nk;
    if (!int_fits_i64(k)) {
        err_format(&exc_OverflowError, "min(n - k, k) must not exceed %lld", LLONG_MAX);
        return VNULL;
    }
    mpz_t z;
    mpz_from_int(z, n);
    mpz_bin_ui(z, z, (unsigned long)int_as_i64(k));
    return int_from_mpz(z);
}

Value math_perm_m(Value self, Value *args, size_t nargs, Value kw) {
    if (!math_fast_args("perm", nargs, kw, 1, 2)) return VNULL;
    if (nargs == 1 || args[1] == VNone) return factorial_of(args[0]);
    Value n, k;
    if (perm_comb_args(args, &n, &k) < 0) return VNULL;
    if (int_compare(n, k) < 0) return val_from_int(0);
    if (!int_fits_i64(k)) {
        err_format(&exc_OverflowError, "k must not exceed %lld", LLONG_MAX);
        return VNULL;
    }
    /* P(n, k) = C(n, k) * k! */
    unsigned long ki = (unsigned long)int_as_i64(k);
    mpz_t z, f;
    mpz_from_int(z, n);
    mpz_bin_ui(z, z, ki);
    mpz_init(f);
    mpz_fac_ui(f, ki);
    mpz_mul(z, z, f);
    mpz_clear(f);
    return int_from_mpz(z);
}
