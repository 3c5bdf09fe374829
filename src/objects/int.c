/* int.c - int and bool: small/BigInt representation, conversions, arithmetic, hashing, the types. */
#include "int.h"
#include "float.h"
#include "str.h"
#include "tuple.h"
#include "bytes.h"
#include "type.h"
#include "func.h"
#include "num_internal.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * Representation.  An int is a tagged small int when it fits in 63 bits,
 * otherwise a BigIntObject holding sign-magnitude GMP limbs inline.  Every
 * function here returns the small form whenever the result fits, so each
 * value has exactly one representation (bool and int-subclass instances
 * aside, which int_normalize() turns into plain ints).
 *
 * The hot operations (+, -, *, //, %, <<) run on GMP's mpn layer straight
 * into the limbs of a freshly allocated result object, so they never
 * touch malloc.  The rarer ones (pow, bitwise ops on big values, the
 * modular inverse of pow(a, -b, m), right shifts of big values) use mpz
 * scratch variables reading the operands in place (mpz_roinit_n) and copy
 * the result into a GC object at the end.
 */

/* The bool singletons: BigInts of value 1 and 0.  GCC lets a static object
 * initialise its flexible array member, so True carries its limb inline. */
BigIntObject obj_True = {{0, &type_bool}, 1, {1}};
BigIntObject obj_False = {{0, &type_bool}, 0};

/* sys.set_int_max_str_digits(); 0 disables the limit. */
int int_max_str_digits = 4300;

/* GMP aborts the process when an mpz would exceed its size field; refuse
 * results with more bits than this with MemoryError, as CPython's
 * allocation failure would. */
#define INT_MAX_BITS ((uint64_t)1 << 37)

/* ---- Allocation and normalization ---- */

static BigIntObject *big_alloc(size_t nlimbs) {
    if (nlimbs > INT_MAX_BITS / GMP_NUMB_BITS) {
        err_no_memory();
        return NULL;
    }
    return gc_alloc(&type_int, sizeof(BigIntObject) + nlimbs * sizeof(mp_limb_t));
}

/* The magnitude `n` limbs long at d fits a small int of the given sign. */
static inline bool mag_fits_small(const mp_limb_t *d, size_t n, bool neg) {
    if (n == 0) return true;
    if (n > 1) return false;
    return neg ? d[0] <= (mp_limb_t)SMALLINT_MAX + 1 : d[0] <= (mp_limb_t)SMALLINT_MAX;
}

static inline Value small_from_mag(mp_limb_t m, bool neg) {
    return val_from_int(neg ? -(intptr_t)m : (intptr_t)m);
}

/* Finish a result computed into r's first n limbs: strip high zero limbs,
 * set the sign, and answer the small form when it fits (r becomes garbage). */
static Value big_finish(BigIntObject *r, size_t n, bool neg) {
    while (n > 0 && r->limbs[n - 1] == 0) n--;
    if (mag_fits_small(r->limbs, n, neg)) return n ? small_from_mag(r->limbs[0], neg) : val_from_int(0);
    r->size = neg ? -(ssize_t)n : (ssize_t)n;
    return obj_val(r);
}

Value int_from_limbs(const mp_limb_t *limbs, ssize_t size) {
    bool neg = size < 0;
    size_t n = neg ? (size_t)-size : (size_t)size;
    while (n > 0 && limbs[n - 1] == 0) n--;
    if (mag_fits_small(limbs, n, neg)) return n ? small_from_mag(limbs[0], neg) : val_from_int(0);
    BigIntObject *r = big_alloc(n);
    if (!r) return VNULL;
    memcpy(r->limbs, limbs, n * sizeof(mp_limb_t));
    r->size = neg ? -(ssize_t)n : (ssize_t)n;
    return obj_val(r);
}

Value int_from_mpz(mpz_srcptr z) {
    ssize_t n = (ssize_t)mpz_size(z);
    return int_from_limbs(mpz_limbs_read(z), mpz_sgn(z) < 0 ? -n : n);
}

Value int_from_i64(int64_t i) {
    if (smallint_fits(i)) return val_from_int(i);
    mp_limb_t m = i < 0 ? (mp_limb_t)0 - (mp_limb_t)i : (mp_limb_t)i;
    return int_from_limbs(&m, i < 0 ? -1 : 1);
}

Value int_from_u64(uint64_t u) {
    if (u <= (uint64_t)SMALLINT_MAX) return val_from_int((intptr_t)u);
    mp_limb_t m = u;
    return int_from_limbs(&m, 1);
}

Value int_normalize(Value v) {
    if (val_is_int(v) || val_obj(v)->type == &type_int) return v;
    IntView iv;
    int_view(v, &iv);
    return int_from_limbs(iv.d, iv.size);
}

/* An instance of the int subclass t with value v (int.__new__ for t). */
Value int_new_subclass(Type *t, Value v) {
    IntView iv;
    int_view(v, &iv);
    size_t n = iv.size < 0 ? (size_t)-iv.size : (size_t)iv.size;
    Value o = type_generic_alloc(t, n);
    if (!o) return VNULL;
    BigIntObject *b = (BigIntObject *)o;
    memcpy(b->limbs, iv.d, n * sizeof(mp_limb_t));
    b->size = iv.size;
    return o;
}

/* ---- Conversions ---- */

int int_sign(Value v) {
    if (val_is_int(v)) {
        intptr_t i = val_int(v);
        return (i > 0) - (i < 0);
    }
    ssize_t s = ((BigIntObject *)v)->size;
    return (s > 0) - (s < 0);
}

static inline size_t view_len(const IntView *iv) { return iv->size < 0 ? (size_t)-iv->size : (size_t)iv->size; }

size_t int_bit_length(Value v) {
    IntView iv;
    int_view(v, &iv);
    size_t n = view_len(&iv);
    if (n == 0) return 0;
    return n * GMP_NUMB_BITS - (size_t)__builtin_clzl(iv.d[n - 1]);
}

bool int_fits_i64(Value v) {
    if (val_is_int(v)) return true;
    IntView iv;
    int_view(v, &iv);
    size_t n = view_len(&iv);
    if (n > 1) return false;
    if (n == 0) return true;
    return iv.size < 0 ? iv.d[0] <= (mp_limb_t)INT64_MAX + 1 : iv.d[0] <= (mp_limb_t)INT64_MAX;
}

int64_t int_as_i64(Value v) {
    if (val_is_int(v)) return val_int(v);
    if (!int_fits_i64(v)) {
        err_set(&exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    IntView iv;
    int_view(v, &iv);
    if (iv.size == 0) return 0;
    return iv.size < 0 ? (int64_t)((mp_limb_t)0 - iv.d[0]) : (int64_t)iv.d[0];
}

ssize_t int_as_ssize(Value v) {
    if (val_is_int(v)) return val_int(v);
    if (!int_fits_i64(v)) {
        err_set(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (ssize_t)int_as_i64(v);
}

uint64_t int_as_u64(Value v) {
    IntView iv;
    int_view(v, &iv);
    if (iv.size < 0) {
        err_set(&exc_OverflowError, "can't convert negative value to unsigned int");
        return (uint64_t)-1;
    }
    if (iv.size > 1) {
        err_set(&exc_OverflowError, "Python int too large to convert to C unsigned long");
        return (uint64_t)-1;
    }
    return iv.size ? iv.d[0] : 0;
}

/*
 * |value| of n limbs as the nearest double, ties to even, with the sign
 * applied; +-inf when it is too large.  The top 64 bits are gathered, every
 * lower bit is folded into a sticky flag, and the rounding is done by hand
 * on the 53-bit mantissa, so the result is correctly rounded (a plain
 * mpn-to-double conversion truncates).
 */
double int_limbs_to_double(const mp_limb_t *d, size_t n, bool neg) {
    while (n > 0 && d[n - 1] == 0) n--;
    if (n == 0) return 0.0;
    if (n == 1) {
        double r = (double)d[0]; /* the compiler's u64 -> double conversion rounds correctly */
        return neg ? -r : r;
    }
    int s = __builtin_clzl(d[n - 1]);
    uint64_t bits = (uint64_t)n * 64 - (uint64_t)s;
    uint64_t top = s ? (d[n - 1] << s) | (d[n - 2] >> (64 - s)) : d[n - 1];
    bool sticky = s ? (d[n - 2] << s) != 0 : d[n - 2] != 0;
    for (size_t i = 0; !sticky && i + 2 < n; i++) sticky = d[i] != 0;
    uint64_t q = top >> 11, rest = top & 0x7FF;
    if (rest > 0x400 || (rest == 0x400 && (sticky || (q & 1)))) q++;
    if (bits > 1100) return neg ? -HUGE_VAL : HUGE_VAL;
    double r = ldexp((double)q, (int)(bits - 53));
    return neg ? -r : r;
}

double int_as_double(Value v) {
    if (val_is_int(v)) return (double)val_int(v);
    IntView iv;
    int_view(v, &iv);
    double r = int_limbs_to_double(iv.d, view_len(&iv), iv.size < 0);
    if (isinf(r)) {
        err_set(&exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return r;
}

Value int_from_double(double d) {
    if (isnan(d)) {
        err_set(&exc_ValueError, "cannot convert float NaN to integer");
        return VNULL;
    }
    if (isinf(d)) {
        err_set(&exc_OverflowError, "cannot convert float infinity to integer");
        return VNULL;
    }
    double t = trunc(d);
    if (fabs(t) < 4611686018427387904.0 /* 2**62 */) return val_from_int((intptr_t)t);
    mpz_t z;
    mpz_init_set_d(z, t);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

/* ---- Comparison and hashing ---- */

static int mag_cmp(const mp_limb_t *a, size_t an, const mp_limb_t *b, size_t bn) {
    if (an != bn) return an < bn ? -1 : 1;
    if (an == 0) return 0;
    int c = mpn_cmp(a, b, an);
    return (c > 0) - (c < 0);
}

int int_compare(Value a, Value b) {
    if (val_is_int(a) && val_is_int(b)) {
        intptr_t x = val_int(a), y = val_int(b);
        return (x > y) - (x < y);
    }
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    if (va.size != vb.size) return va.size < vb.size ? -1 : 1;
    int c = mag_cmp(va.d, view_len(&va), vb.d, view_len(&vb));
    return va.size < 0 ? -c : c;
}

/* CPython's numeric hash: the value modulo the Mersenne prime 2**61 - 1,
 * with the sign of the value, and -1 (the error marker) mapped to -2. */
#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

hash_t int_hash(Value v) {
    uint64_t m;
    bool neg;
    if (val_is_int(v)) {
        intptr_t i = val_int(v);
        neg = i < 0;
        m = (neg ? (uint64_t)0 - (uint64_t)i : (uint64_t)i) % HASH_MODULUS;
    } else {
        IntView iv;
        int_view(v, &iv);
        neg = iv.size < 0;
        m = 0;
        for (size_t i = view_len(&iv); i-- > 0;)
            m = (uint64_t)((((unsigned __int128)m << 64) | iv.d[i]) % HASH_MODULUS);
    }
    hash_t h = neg ? -(hash_t)m : (hash_t)m;
    return h == -1 ? -2 : h;
}

/* ---- Addition and subtraction ---- */

/* a + b (or a - b when negb), both nonzero views. */
static Value big_addsub(const IntView *a, const IntView *b, bool negb) {
    bool aneg = a->size < 0, bneg = (b->size < 0) != negb;
    const mp_limb_t *x = a->d, *y = b->d;
    size_t xn = view_len(a), yn = view_len(b);
    if (aneg == bneg) {
        if (xn < yn) {
            const mp_limb_t *t = x; x = y; y = t;
            size_t tn = xn; xn = yn; yn = tn;
        }
        BigIntObject *r = big_alloc(xn + 1);
        if (!r) return VNULL;
        r->limbs[xn] = mpn_add(r->limbs, x, xn, y, yn);
        return big_finish(r, xn + 1, aneg);
    }
    int c = mag_cmp(x, xn, y, yn);
    if (c == 0) return val_from_int(0);
    bool neg = aneg;
    if (c < 0) {
        const mp_limb_t *t = x; x = y; y = t;
        size_t tn = xn; xn = yn; yn = tn;
        neg = bneg;
    }
    BigIntObject *r = big_alloc(xn);
    if (!r) return VNULL;
    mpn_sub(r->limbs, x, xn, y, yn);
    return big_finish(r, xn, neg);
}

Value int_add(Value a, Value b) {
    if (likely(val_is_int(a) && val_is_int(b))) return int_from_i64((int64_t)val_int(a) + val_int(b));
    if (!int_check(a) || !int_check(b)) return VNotImplemented;
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    if (vb.size == 0) return int_normalize(a);
    if (va.size == 0) return int_normalize(b);
    return big_addsub(&va, &vb, false);
}

Value int_sub(Value a, Value b) {
    if (likely(val_is_int(a) && val_is_int(b))) return int_from_i64((int64_t)val_int(a) - val_int(b));
    if (!int_check(a) || !int_check(b)) return VNotImplemented;
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    if (vb.size == 0) return int_normalize(a);
    if (va.size == 0) return int_neg(b);
    return big_addsub(&va, &vb, true);
}

/* ---- Multiplication ---- */

Value int_mul(Value a, Value b) {
    if (likely(val_is_int(a) && val_is_int(b))) {
        int64_t r;
        if (!__builtin_mul_overflow((int64_t)val_int(a), (int64_t)val_int(b), &r)) return int_from_i64(r);
    } else if (!int_check(a) || !int_check(b)) {
        return VNotImplemented;
    }
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    size_t an = view_len(&va), bn = view_len(&vb);
    if (an == 0 || bn == 0) return val_from_int(0);
    BigIntObject *r = big_alloc(an + bn);
    if (!r) return VNULL;
    if (va.d == vb.d && an == bn) mpn_sqr(r->limbs, va.d, an);
    else if (an >= bn) mpn_mul(r->limbs, va.d, an, vb.d, bn);
    else mpn_mul(r->limbs, vb.d, bn, va.d, an);
    return big_finish(r, an + bn, (va.size < 0) != (vb.size < 0));
}

/* ---- Division ---- */

static void zero_division(const char *msg) { err_set(&exc_ZeroDivisionError, msg); }

/*
 * Floor division and modulo of views (b nonzero): the quotient rounds
 * toward minus infinity and the remainder takes the divisor's sign.
 * mpn_tdiv_qr truncates; when the signs differ and the remainder is not
 * zero, the quotient's magnitude grows by one and the remainder becomes
 * |b| - r.  Either output may be NULL.
 */
static int big_divmod(Value a, Value b, Value *qout, Value *rout) {
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    size_t an = view_len(&va), bn = view_len(&vb);
    bool qneg = (va.size < 0) != (vb.size < 0);
    if (an < bn) {
        /* |a| < |b|: the truncated quotient is 0 and the remainder a. */
        if (!qneg || an == 0) {
            if (qout) *qout = val_from_int(0);
            if (rout && !(*rout = int_normalize(a))) return -1;
            return 0;
        }
        if (qout) *qout = val_from_int(-1);
        if (rout && !(*rout = int_add(a, b))) return -1;
        return 0;
    }
    size_t qn = an - bn + 1;
    BigIntObject *q = big_alloc(qn + 1);
    if (!q) return -1;
    BigIntObject *r = big_alloc(bn);
    if (!r) return -1;
    mpn_tdiv_qr(q->limbs, r->limbs, 0, va.d, an, vb.d, bn);
    size_t rn = bn;
    while (rn > 0 && r->limbs[rn - 1] == 0) rn--;
    if (qneg && rn != 0) {
        q->limbs[qn] = mpn_add_1(q->limbs, q->limbs, qn, 1);
        mpn_sub(r->limbs, vb.d, bn, r->limbs, rn);
        rn = bn;
    }
    if (qout) *qout = big_finish(q, qn + 1, qneg);
    if (rout) *rout = big_finish(r, rn, vb.size < 0);
    return 0;
}

static inline intptr_t floordiv_small(intptr_t x, intptr_t y) {
    intptr_t q = x / y;
    if (x % y != 0 && ((x < 0) != (y < 0))) q--;
    return q;
}

static inline intptr_t mod_small(intptr_t x, intptr_t y) {
    intptr_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return r;
}

Value int_floordiv(Value a, Value b) {
    if (likely(val_is_int(a) && val_is_int(b))) {
        intptr_t y = val_int(b);
        if (y == 0) {
            zero_division("integer division or modulo by zero");
            return VNULL;
        }
        return int_from_i64(floordiv_small(val_int(a), y));
    }
    if (!int_check(a) || !int_check(b)) return VNotImplemented;
    if (int_sign(b) == 0) {
        zero_division("integer division or modulo by zero");
        return VNULL;
    }
    Value q;
    return big_divmod(a, b, &q, NULL) < 0 ? VNULL : q;
}

Value int_mod(Value a, Value b) {
    if (likely(val_is_int(a) && val_is_int(b))) {
        intptr_t y = val_int(b);
        if (y == 0) {
            zero_division("integer modulo by zero");
            return VNULL;
        }
        return val_from_int(mod_small(val_int(a), y));
    }
    if (!int_check(a) || !int_check(b)) return VNotImplemented;
    if (int_sign(b) == 0) {
        zero_division("integer modulo by zero");
        return VNULL;
    }
    Value r;
    return big_divmod(a, b, NULL, &r) < 0 ? VNULL : r;
}

Value int_divmod(Value a, Value b) {
    if (!int_check(a) || !int_check(b)) return VNotImplemented;
    Value q, r;
    if (val_is_int(a) && val_is_int(b)) {
        intptr_t x = val_int(a), y = val_int(b);
        if (y == 0) {
            zero_division("integer division or modulo by zero");
            return VNULL;
        }
        q = int_from_i64(floordiv_small(x, y));
        if (!q) return VNULL;
        r = val_from_int(mod_small(x, y));
    } else {
        if (int_sign(b) == 0) {
            zero_division("integer division or modulo by zero");
            return VNULL;
        }
        if (big_divmod(a, b, &q, &r) < 0) return VNULL;
    }
    return tuple_pack(2, q, r);
}

/*
 * True division, correctly rounded.  When both operands are exactly
 * representable as doubles one IEEE division rounds correctly.  Otherwise
 * |a| is shifted so that the integer quotient |a| / |b| has
 * DBL_MANT_DIG + 2 or + 3 bits (fewer in the subnormal range), the lost
 * bits and a nonzero remainder are kept as a sticky bit, and the 64-bit
 * quotient is rounded half-to-even by hand before scaling with ldexp.
 */
Value int_truediv(Value a, Value b) {
    if (!int_check(a) || !int_check(b)) return VNotImplemented;
    const intptr_t exact = (intptr_t)1 << DBL_MANT_DIG;
    if (val_is_int(a) && val_is_int(b)) {
        intptr_t x = val_int(a), y = val_int(b);
        if (y == 0) {
            zero_division("division by zero");
            return VNULL;
        }
        if (x >= -exact && x <= exact && y >= -exact && y <= exact) return float_new((double)x / (double)y);
    }
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    if (vb.size == 0) {
        zero_division("division by zero");
        return VNULL;
    }
    bool neg = (va.size < 0) != (vb.size < 0);
    if (va.size == 0) return float_new(neg ? -0.0 : 0.0);
    int64_t abits = (int64_t)int_bit_length(a), bbits = (int64_t)int_bit_length(b);
    if (abits <= DBL_MANT_DIG && bbits <= DBL_MANT_DIG) {
        double x = int_limbs_to_double(va.d, view_len(&va), va.size < 0);
        double y = int_limbs_to_double(vb.d, view_len(&vb), vb.size < 0);
        return float_new(x / y);
    }
    int64_t diff = abits - bbits;
    if (diff > DBL_MAX_EXP) {
        err_set(&exc_OverflowError, "integer division result too large for a float");
        return VNULL;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return float_new(neg ? -0.0 : 0.0);
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    mpz_t za, zb, x, r;
    mpz_roinit_n(za, va.d, (mp_size_t)view_len(&va));
    mpz_roinit_n(zb, vb.d, (mp_size_t)view_len(&vb));
    mpz_init(x);
    mpz_init(r);
    bool inexact = false;
    if (shift <= 0) {
        mpz_mul_2exp(x, za, (mp_bitcnt_t)-shift);
    } else {
        mpz_fdiv_q_2exp(x, za, (mp_bitcnt_t)shift);
        inexact = mpz_scan1(za, 0) < (mp_bitcnt_t)shift;
    }
    mpz_tdiv_qr(x, r, x, zb);
    if (mpz_sgn(r) != 0) inexact = true;
    uint64_t q = mpz_getlimbn(x, 0); /* at most DBL_MANT_DIG + 3 bits */
    mpz_clear(x);
    mpz_clear(r);
    int64_t qbits = 64 - __builtin_clzl(q);
    int64_t extra = (qbits > DBL_MIN_EXP - shift ? qbits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t mask = (uint64_t)1 << (extra - 1);
    uint64_t low = q | inexact;
    if ((low & mask) && (low & (3 * mask - 1))) low += mask;
    q = low & ~(2 * mask - 1);
    double dq = (double)q;
    if (shift + qbits >= DBL_MAX_EXP &&
        (shift + qbits > DBL_MAX_EXP || dq == ldexp(1.0, (int)qbits))) {
        err_set(&exc_OverflowError, "integer division result too large for a float");
        return VNULL;
    }
    double res = ldexp(dq, (int)shift);
    return float_new(neg ? -res : res);
}

/* ---- Powers ---- */

static bool refuse_bits(double bits) {
    if (bits > (double)INT_MAX_BITS) {
        err_no_memory();
        return true;
    }
    return false;
}

Value int_pow(Value a, Value b) {
    if (!int_check(a) || !int_check(b)) return VNotImplemented;
    if (int_sign(b) < 0) {
        /* A negative exponent gives a float, computed as float ** float. */
        double x = int_as_double(a);
        if (x == -1.0 && err_occurred()) return VNULL;
        double y = int_as_double(b);
        if (y == -1.0 && err_occurred()) return VNULL;
        bool err = false;
        double r = float_pow_raw(x, y, &err);
        return err ? VNULL : float_new(r);
    }
    if (val_is_int(a) && val_is_int(b)) {
        int64_t base = val_int(a), e = val_int(b), acc = 1;
        bool ok = true;
        while (e) {
            if ((e & 1) && __builtin_mul_overflow(acc, base, &acc)) { ok = false; break; }
            e >>= 1;
            if (e && __builtin_mul_overflow(base, base, &base)) { ok = false; break; }
        }
        if (ok) return int_from_i64(acc);
    }
    IntView va, vb;
    mpz_t za, z;
    int_mpz_view(a, &va, za);
    int_view(b, &vb);
    /* 0, 1 and -1 have bounded powers whatever the exponent. */
    if (vb.size == 0) return val_from_int(1);
    if (mpz_cmpabs_ui(za, 1) <= 0) {
        if (va.size == 0) return val_from_int(0);
        if (va.size > 0) return val_from_int(1);
        return val_from_int((vb.d[0] & 1) ? -1 : 1);
    }
    if (vb.size > 1) {
        err_no_memory();
        return VNULL;
    }
    unsigned long e = vb.d[0];
    if (refuse_bits((double)int_bit_length(a) * (double)e)) return VNULL;
    mpz_init(z);
    mpz_pow_ui(z, za, e);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

Value int_pow3(Value a, Value b, Value m) {
    if (m == VNone) return int_pow(a, b);
    if (!int_check(a) || !int_check(b) || !int_check(m)) return VNotImplemented;
    if (int_sign(m) == 0) {
        err_set(&exc_ValueError, "pow() 3rd argument cannot be 0");
        return VNULL;
    }
    IntView va, vb, vm;
    mpz_t za, zb, zm, base, mod, r;
    int_mpz_view(a, &va, za);
    int_mpz_view(b, &vb, zb);
    int_mpz_view(m, &vm, zm);
    mpz_init(base);
    mpz_init(r);
    mpz_init(mod);
    mpz_abs(mod, zm);
    mpz_mod(base, za, mod);
    Value res = VNULL;
    if (mpz_sgn(zb) < 0) {
        /* A negative exponent means a power of the modular inverse. */
        if (!mpz_invert(base, base, mod)) {
            err_set(&exc_ValueError, "base is not invertible for the given modulus");
            goto done;
        }
        mpz_t e;
        mpz_init(e);
        mpz_neg(e, zb);
        mpz_powm(r, base, e, mod);
        mpz_clear(e);
    } else {
        mpz_powm(r, base, zb, mod);
    }
    /* The result has the modulus's sign, as with %. */
    if (mpz_sgn(zm) < 0 && mpz_sgn(r) != 0) mpz_sub(r, r, mod);
    res = int_from_mpz(r);
done:
    mpz_clear(base);
    mpz_clear(r);
    mpz_clear(mod);
    return res;
}

/* ---- Shifts ---- */

/* Read a shift count: -1 with ValueError when negative; `huge` is set
 * (and -1 returned without error) when it does not fit in 62 bits. */
static int64_t shift_count(Value b, bool *huge) {
    *huge = false;
    if (int_sign(b) < 0) {
        err_set(&exc_ValueError, "negative shift count");
        return -1;
    }
    if (!val_is_int(b) && !int_fits_i64(b)) {
        *huge = true;
        return -1;
    }
    return int_as_i64(b);
}

Value int_lshift(Value a, Value b) {
    if (!int_check(a) || !int_check(b)) return VNotImplemented;
    bool huge;
    int64_t n = shift_count(b, &huge);
    if (n < 0 && !huge) return VNULL;
    if (int_sign(a) == 0) return val_from_int(0);
    if (huge || refuse_bits((double)n)) {
        if (huge) err_no_memory();
        return VNULL;
    }
    if (val_is_int(a) && n < 62) {
        intptr_t x = val_int(a);
        if (x >= (SMALLINT_MIN >> n) && x <= (SMALLINT_MAX >> n))
            return val_from_int((intptr_t)((uintptr_t)x << n));
    }
    IntView va;
    int_view(a, &va);
    size_t an = view_len(&va), whole = (size_t)(n / GMP_NUMB_BITS);
    unsigned bits = (unsigned)(n % GMP_NUMB_BITS);
    BigIntObject *r = big_alloc(an + whole + 1);
    if (!r) return VNULL;
    if (bits) {
        r->limbs[whole + an] = mpn_lshift(r->limbs + whole, va.d, an, bits);
    } else {
        mpn_copyi(r->limbs + whole, va.d, an);
        r->limbs[whole + an] = 0;
    }
    return big_finish(r, an + whole + 1, va.size < 0);
}

Value int_rshift(Value a, Value b) {
    if (!int_check(a) || !int_check(b)) return VNotImplemented;
    bool huge;
    int64_t n = shift_count(b, &huge);
    if (n < 0 && !huge) return VNULL;
    int sa = int_sign(a);
    if (huge) return val_from_int(sa < 0 ? -1 : 0);
    if (val_is_int(a)) return val_from_int(n >= 63 ? (sa < 0 ? -1 : 0) : val_int(a) >> n);
    /* Floor semantics for negatives: mpz's fdiv rounds toward -inf. */
    IntView va;
    mpz_t za, z;
    int_mpz_view(a, &va, za);
    mpz_init(z);
    mpz_fdiv_q_2exp(z, za, (mp_bitcnt_t)n);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

/* ---- Bitwise operations (two's complement semantics, as mpz gives) ---- */

enum { BIT_AND, BIT_OR, BIT_XOR };

static Value big_bitop(Value a, Value b, int op) {
    IntView va, vb;
    mpz_t za, zb, z;
    int_mpz_view(a, &va, za);
    int_mpz_view(b, &vb, zb);
    mpz_init(z);
    if (op == BIT_AND) mpz_and(z, za, zb);
    else if (op == BIT_OR) mpz_ior(z, za, zb);
    else mpz_xor(z, za, zb);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

Value int_and(Value a, Value b) {
    if (likely(val_is_int(a) && val_is_int(b))) return a & b; /* the tag bit survives & */
    if (!int_check(a) || !int_check(b)) return VNotImplemented;
    return big_bitop(a, b, BIT_AND);
}

Value int_or(Value a, Value b) {
    if (likely(val_is_int(a) && val_is_int(b))) return a | b;
    if (!int_check(a) || !int_check(b)) return VNotImplemented;
    return big_bitop(a, b, BIT_OR);
}

Value int_xor(Value a, Value b) {
    if (likely(val_is_int(a) && val_is_int(b))) return val_from_int(val_int(a) ^ val_int(b));
    if (!int_check(a) || !int_check(b)) return VNotImplemented;
    return big_bitop(a, b, BIT_XOR);
}

/* ---- Unary operations ---- */

Value int_neg(Value a) {
    if (val_is_int(a)) return int_from_i64(-(int64_t)val_int(a));
    if (!int_check(a)) return VNotImplemented;
    IntView va;
    int_view(a, &va);
    size_t n = view_len(&va);
    if (mag_fits_small(va.d, n, va.size > 0)) return n ? small_from_mag(va.d[0], va.size > 0) : val_from_int(0);
    BigIntObject *r = big_alloc(n);
    if (!r) return VNULL;
    memcpy(r->limbs, va.d, n * sizeof(mp_limb_t));
    r->size = -va.size;
    return obj_val(r);
}

Value int_invert(Value a) {
    if (val_is_int(a)) return val_from_int(~val_int(a));
    if (!int_check(a)) return VNotImplemented;
    Value n = int_neg(a);
    return n ? int_sub(n, val_from_int(1)) : VNULL;
}

Value int_abs(Value a) {
    if (!int_check(a)) return VNotImplemented;
    return int_sign(a) < 0 ? int_neg(a) : int_normalize(a);
}

static Value int_pos(Value a) { return int_check(a) ? int_normalize(a) : VNotImplemented; }
static int int_bool(Value a) { return int_sign(a) != 0; }
static Value int_float(Value a) {
    double d = int_as_double(a);
    if (d == -1.0 && err_occurred()) return VNULL;
    return float_new(d);
}

static Value int_richcompare(Value a, Value b, int op) {
    if (!int_check(a) || !int_check(b)) return VNotImplemented;
    int c = int_compare(a, b);
    switch (op) {
    case CMP_LT: return val_bool(c < 0);
    case CMP_LE: return val_bool(c <= 0);
    case CMP_EQ: return val_bool(c == 0);
    case CMP_NE: return val_bool(c != 0);
    case CMP_GT: return val_bool(c > 0);
    default: return val_bool(c >= 0);
    }
}

Value int_repr(Value v) { return int_to_str(v, 10); }

/* ---- int(): the constructor ---- */

/* int(x, base) for a str, bytes or bytearray x. */
Value int_from_text_value(Value x, int base) {
    const char *s;
    size_t n;
    if (str_check(x)) {
        s = str_data(x);
        n = str_size(x);
    } else if (bytes_check(x)) {
        s = bytes_data(x);
        n = (size_t)bytes_size(x);
    } else {
        ByteArrayObject *ba = (ByteArrayObject *)x;
        s = ba->data;
        n = (size_t)ba->size;
    }
    Value out;
    int rc;
    if (str_check(x) && !str_is_ascii(x)) {
        size_t len;
        char *ascii = num_text_to_ascii(s, n, &len);
        if (!ascii) return VNULL;
        rc = int_parse(ascii, len, base, &out);
        free(ascii);
    } else {
        rc = int_parse(s, n, base, &out);
    }
    if (rc == -2) {
        /* CPython parses a bytearray's contents as bytes, and says so. */
        Value shown = str_check(x) || bytes_check(x) ? x : bytes_new(s, n);
        if (shown) int_invalid_literal(shown, base);
        return VNULL;
    }
    return rc < 0 ? VNULL : out;
}

bool num_is_text(Value x) {
    return str_check(x) || bytes_check(x) ||
           (!val_is_int(x) && (val_type(x) == &type_bytearray || type_is_subtype(val_type(x), &type_bytearray)));
}

/* Argument Clinic's wording for an unknown keyword: "'x' is an invalid
 * keyword argument for int()". */
static int kw_known(const char *fname, Value kwnames, const char *const *names) {
    if (!kwnames) return 0;
    for (ssize_t k = 0; k < tuple_size(kwnames); k++) {
        Value kn = tuple_get(kwnames, k);
        bool ok = false;
        for (const char *const *n = names; *n && !ok; n++) ok = str_eq_cstr(kn, *n);
        if (!ok) {
            err_format(&exc_TypeError, "'%U' is an invalid keyword argument for %s()", kn, fname);
            return -1;
        }
    }
    return 0;
}

static Value int_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"x", "base", NULL};
    static const char *const kwok[] = {"base", NULL};
    Value a[2];
    if (kw_known("int", kwnames, kwok) < 0) return VNULL;
    if (arg_parse("int", args, nargs, kwnames, names, 1, 0, a) < 0) return VNULL;
    Value r;
    if (!a[1]) {
        r = a[0] ? num_int(a[0]) : val_from_int(0);
    } else {
        if (!a[0]) {
            err_set(&exc_TypeError, "int() missing string argument");
            return VNULL;
        }
        ssize_t base = num_as_ssize(a[1], NULL);
        if (base == -1 && err_occurred()) return VNULL;
        if ((base != 0 && base < 2) || base > 36) {
            err_set(&exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
            return VNULL;
        }
        if (!num_is_text(a[0])) {
            err_set(&exc_TypeError, "int() can't convert non-string with explicit base");
            return VNULL;
        }
        r = int_from_text_value(a[0], (int)base);
    }
    if (!r || t == &type_int) return r;
    return int_new_subclass(t, r);
}

/* ---- Methods ---- */

static Value int_conjugate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("int.conjugate", kw) < 0 || arg_count("int.conjugate", nargs, 0, 0) < 0) return VNULL;
    return int_normalize(self);
}

static Value int_bit_length_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("int.bit_length", kw) < 0 || arg_count("int.bit_length", nargs, 0, 0) < 0) return VNULL;
    return int_from_u64(int_bit_length(self));
}

static Value int_bit_count(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("int.bit_count", kw) < 0 || arg_count("int.bit_count", nargs, 0, 0) < 0) return VNULL;
    IntView iv;
    int_view(self, &iv);
    size_t n = view_len(&iv);
    return int_from_u64(n ? mpn_popcount(iv.d, (mp_size_t)n) : 0);
}

static Value int_as_integer_ratio(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("int.as_integer_ratio", kw) < 0 || arg_count("int.as_integer_ratio", nargs, 0, 0) < 0) return VNULL;
    Value n = int_normalize(self);
    return n ? tuple_pack(2, n, val_from_int(1)) : VNULL;
}

static Value int_self_named(const char *fname, Value self, size_t nargs, Value kw) {
    if (arg_no_kw(fname, kw) < 0 || arg_count(fname, nargs, 0, 0) < 0) return VNULL;
    return int_normalize(self);
}
static Value int_trunc_m(Value self, Value *args, size_t nargs, Value kw) { return int_self_named("int.__trunc__", self, nargs, kw); }
static Value int_floor_m(Value self, Value *args, size_t nargs, Value kw) { return int_self_named("int.__floor__", self, nargs, kw); }
static Value int_ceil_m(Value self, Value *args, size_t nargs, Value kw) { return int_self_named("int.__ceil__", self, nargs, kw); }

static Value int_getnewargs(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("int.__getnewargs__", kw) < 0 || arg_count("int.__getnewargs__", nargs, 0, 0) < 0) return VNULL;
    Value n = int_normalize(self);
    return n ? tuple_pack(1, n) : VNULL;
}

static Value int_sizeof(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("int.__sizeof__", kw) < 0 || arg_count("int.__sizeof__", nargs, 0, 0) < 0) return VNULL;
    IntView iv;
    int_view(self, &iv);
    return int_from_u64(sizeof(BigIntObject) + view_len(&iv) * sizeof(mp_limb_t));
}

/* Round to a multiple of 10**-ndigits, ties to even (CPython's int.__round__). */
static Value int_round(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__round__", kw) < 0 || arg_count("__round__", nargs, 0, 1) < 0) return VNULL;
    if (nargs == 0 || args[0] == VNone) return int_normalize(self);
    Value nd = num_index(args[0]);
    if (!nd) return VNULL;
    if (int_sign(nd) >= 0) return int_normalize(self);
    /* 10**k > 2*|self| rounds to zero; decide that before computing 10**k. */
    size_t bits = int_bit_length(self);
    if (!int_fits_i64(nd) || -int_as_i64(nd) > (int64_t)(bits * 0.30103) + 2) return val_from_int(0);
    int64_t k = -int_as_i64(nd);
    Value p = int_pow(val_from_int(10), val_from_int(k));
    if (!p) return VNULL;
    Value q, r;
    if (big_divmod(self, p, &q, &r) < 0) return VNULL;
    /* Compare 2r with p; round up past the half, and at the half to even. */
    Value twice = int_lshift(r, val_from_int(1));
    if (!twice) return VNULL;
    int c = int_compare(twice, p);
    IntView vq;
    int_view(q, &vq);
    if (c > 0 || (c == 0 && view_len(&vq) && (vq.d[0] & 1))) {
        q = int_add(q, val_from_int(1));
        if (!q) return VNULL;
    }
    return int_mul(q, p);
}

static int parse_byteorder(const char *fname, Value v, bool *little) {
    if (!v) {
        *little = false;
        return 0;
    }
    if (!str_check(v)) {
        err_format(&exc_TypeError, "%s() argument 'byteorder' must be str, not %s", fname, type_name(v));
        return -1;
    }
    if (str_eq_cstr(v, "little")) *little = true;
    else if (str_eq_cstr(v, "big")) *little = false;
    else {
        err_set(&exc_ValueError, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

static Value int_to_bytes(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"length", "byteorder", "signed", NULL};
    Value a[3];
    if (kw_known("to_bytes", kwnames, names) < 0) return VNULL;
    if (arg_parse("to_bytes", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    /* `signed` is keyword-only. */
    if (nargs > 2) {
        err_format(&exc_TypeError, "to_bytes() takes at most 2 positional arguments (%zu given)", nargs);
        return VNULL;
    }
    ssize_t length = 1;
    if (a[0]) {
        length = num_as_ssize(a[0], &exc_OverflowError);
        if (length == -1 && err_occurred()) return VNULL;
        if (length < 0) {
            err_set(&exc_ValueError, "length argument must be non-negative");
            return VNULL;
        }
    }
    bool little, is_signed = false;
    if (parse_byteorder("to_bytes", a[1], &little) < 0) return VNULL;
    if (a[2]) {
        int t = obj_is_true(a[2]);
        if (t < 0) return VNULL;
        is_signed = t;
    }
    int sign = int_sign(self);
    if (sign < 0 && !is_signed) {
        err_set(&exc_OverflowError, "can't convert negative int to unsigned");
        return VNULL;
    }
    /* Fit check: unsigned needs bit_length <= 8*length; signed values
     * must lie in [-2**(8L-1), 2**(8L-1)). */
    size_t bits = int_bit_length(self);
    bool fits;
    if (!is_signed) fits = bits <= (size_t)length * 8;
    else if (sign >= 0) fits = bits < (size_t)length * 8 || (bits == 0);
    else {
        /* -2**(8L-1) itself fits: |v| is a power of two of bit_length 8L. */
        IntView iv;
        int_view(self, &iv);
        bool pow2 = mpn_popcount(iv.d, (mp_size_t)view_len(&iv)) == 1;
        fits = bits < (size_t)length * 8 || (bits == (size_t)length * 8 && pow2) ||
               (length == 0 && bits == 1); /* CPython lets -1 fit in zero bytes */
    }
    if (!fits) {
        err_set(&exc_OverflowError, "int too big to convert");
        return VNULL;
    }
    BytesObject *b = bytes_alloc((size_t)length);
    if (!b) return VNULL;
    IntView iv;
    int_view(self, &iv);
    size_t n = view_len(&iv);
    /* Little-endian bytes of |v|, two's-complemented in place when negative. */
    unsigned char *out = (unsigned char *)b->data;
    int carry = 1;
    for (ssize_t i = 0; i < length; i++) {
        size_t li = (size_t)i / 8;
        unsigned byte = li < n ? (unsigned)(iv.d[li] >> (8 * (i % 8))) & 0xFF : 0;
        if (sign < 0) {
            byte = (~byte & 0xFF) + (unsigned)carry;
            carry = byte > 0xFF;
            byte &= 0xFF;
        }
        out[little ? i : length - 1 - i] = (unsigned char)byte;
    }
    return obj_val(b);
}

static Value int_from_bytes(Value cls, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"bytes", "byteorder", "signed", NULL};
    Value a[3];
    if (kw_known("from_bytes", kwnames, names) < 0) return VNULL;
    if (arg_parse("from_bytes", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    if (nargs > 2) {
        err_format(&exc_TypeError, "from_bytes() takes at most 2 positional arguments (%zu given)", nargs);
        return VNULL;
    }
    bool little, is_signed = false;
    if (parse_byteorder("from_bytes", a[1], &little) < 0) return VNULL;
    if (a[2]) {
        int t = obj_is_true(a[2]);
        if (t < 0) return VNULL;
        is_signed = t;
    }
    Value data = a[0];
    const unsigned char *p;
    size_t len;
    if (bytes_check(data)) {
        p = (const unsigned char *)bytes_data(data);
        len = (size_t)bytes_size(data);
    } else if (!val_is_int(data) && (val_type(data) == &type_bytearray || type_is_subtype(val_type(data), &type_bytearray))) {
        p = (const unsigned char *)((ByteArrayObject *)data)->data;
        len = (size_t)((ByteArrayObject *)data)->size;
    } else {
        /* PyObject_Bytes: str and int are not byte sources here, though
         * bytes() would accept them. */
        if (str_check(data) || (int_check(data) && !type_lookup_cstr(val_type(data), "__bytes__"))) {
            err_format(&exc_TypeError, "cannot convert '%s' object to bytes", type_name(data));
            return VNULL;
        }
        data = obj_call1(obj_val(&type_bytes), data);
        if (!data) return VNULL;
        p = (const unsigned char *)bytes_data(data);
        len = (size_t)bytes_size(data);
    }
    size_t nl = (len + 7) / 8;
    mp_limb_t *limbs = calloc(nl ? nl : 1, sizeof(mp_limb_t));
    if (!limbs) {
        err_no_memory();
        return VNULL;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char byte = little ? p[i] : p[len - 1 - i];
        limbs[i / 8] |= (mp_limb_t)byte << (8 * (i % 8));
    }
    bool neg = is_signed && len && ((little ? p[len - 1] : p[0]) & 0x80);
    if (neg) {
        /* value - 2**(8*len): the magnitude is the two's complement. */
        size_t top = len % 8;
        if (top) limbs[nl - 1] |= ~(mp_limb_t)0 << (8 * top);
        mpn_neg(limbs, limbs, (mp_size_t)nl);
    }
    Value r = int_from_limbs(limbs, neg ? -(ssize_t)nl : (ssize_t)nl);
    free(limbs);
    if (!r) return VNULL;
    if (cls != obj_val(&type_int)) return obj_call1(cls, r);
    return r;
}

static Value int_get_self(Value self) { return int_normalize(self); }
static Value int_get_zero(Value self) { return val_from_int(0); }
static Value int_get_one(Value self) { return val_from_int(1); }

static const MethodDef int_methods[] = {
    {"conjugate", int_conjugate, 0, "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length_m, 0, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, 0, "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", int_to_bytes, 0, "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes, METH_CLASS, "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio, 0, "Return integer ratio."},
    {"__trunc__", int_trunc_m, 0, "Truncating an Integral returns itself."},
    {"__floor__", int_floor_m, 0, "Flooring an Integral returns itself."},
    {"__ceil__", int_ceil_m, 0, "Ceiling of an Integral returns itself."},
    {"__round__", int_round, 0, "Rounding an Integral returns itself.\nRounding with an ndigits argument also returns an integer."},
    {"__getnewargs__", int_getnewargs, 0, NULL},
    {"__format__", int_format_method, 0, "Convert to a string according to format_spec."},
    {"__sizeof__", int_sizeof, 0, "Returns size in memory, in bytes."},
    {NULL}
};

static const GetSetDef int_getsets[] = {
    {"real", int_get_self, NULL, "the real part of a complex number"},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number"},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms"},
    {NULL}
};

Type type_int = {
    .hdr = {0, &type_type},
    .name = "int",
    .basicsize = sizeof(BigIntObject),
    .itemsize = sizeof(mp_limb_t),
    .flags = TF_BASETYPE | TF_INT_SUBCLASS,
    .new = int_new,
    .repr = int_repr,
    .hash = int_hash,
    .richcompare = int_richcompare,
    .nb = {
        [BINOP_ADD] = int_add, [BINOP_SUB] = int_sub, [BINOP_MUL] = int_mul,
        [BINOP_FLOORDIV] = int_floordiv, [BINOP_MOD] = int_mod, [BINOP_TRUEDIV] = int_truediv,
        [BINOP_POW] = int_pow, [BINOP_LSHIFT] = int_lshift, [BINOP_RSHIFT] = int_rshift,
        [BINOP_AND] = int_and, [BINOP_OR] = int_or, [BINOP_XOR] = int_xor,
    },
    .nb_divmod = int_divmod,
    .nb_pow3 = int_pow3,
    .nb_neg = int_neg, .nb_pos = int_pos, .nb_abs = int_abs, .nb_invert = int_invert,
    .nb_bool = int_bool,
    .nb_int = int_normalize, .nb_float = int_float, .nb_index = int_normalize,
    .methods = int_methods,
    .getsets = int_getsets,
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
           "Convert a number or string to an integer, or return 0 if no arguments\n"
           "are given.  If x is a number, return x.__int__().  For floating point\n"
           "numbers, this truncates towards zero.",
};

/* ---- bool ---- */

static Value bool_repr(Value v) { return str_intern_cstr(v == VTrue ? "True" : "False"); }

static Value bool_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("bool", kwnames) < 0 || arg_count("bool", nargs, 0, 1) < 0) return VNULL;
    if (nargs == 0) return VFalse;
    int r = obj_is_true(args[0]);
    return r < 0 ? VNULL : val_bool(r);
}

/* &, | and ^ of two bools are bools; anything else is int arithmetic. */
static Value bool_and(Value a, Value b) {
    if (bool_check(a) && bool_check(b)) return val_bool(a == VTrue && b == VTrue);
    return int_and(a, b);
}
static Value bool_or(Value a, Value b) {
    if (bool_check(a) && bool_check(b)) return val_bool(a == VTrue || b == VTrue);
    return int_or(a, b);
}
static Value bool_xor(Value a, Value b) {
    if (bool_check(a) && bool_check(b)) return val_bool(a != b);
    return int_xor(a, b);
}

Type type_bool = {
    .hdr = {0, &type_type},
    .name = "bool",
    .base = &type_int,
    .basicsize = sizeof(BigIntObject),
    .itemsize = sizeof(mp_limb_t),
    .new = bool_new,
    .repr = bool_repr,
    .nb = {[BINOP_AND] = bool_and, [BINOP_OR] = bool_or, [BINOP_XOR] = bool_xor},
    .doc = "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\n"
           "The builtins True and False are the only two instances of the class bool.\n"
           "The class bool is a subclass of the class int, and cannot be subclassed.",
};
