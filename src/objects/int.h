/* int.h - int: tagged small ints and arbitrary-precision BigInts on GMP's mpn layer. */
#ifndef TAIPAN_INT_H
#define TAIPAN_INT_H

#include "object.h"
#include <gmp.h>

/*
 * An int is a tagged small int when it fits in 63 bits, otherwise a
 * BigIntObject: a sign-magnitude number whose limbs are GMP mp_limb_t.
 * `size` is the number of limbs, negative for negative numbers, 0 for zero
 * (only bool False and int subclasses hold a zero BigInt).  Every
 * operation returns the small form when the result fits: one value has one
 * representation.  bool objects and instances of int subclasses use the
 * BigInt layout too, so int code accepts them through the same path.
 */
typedef struct BigIntObject {
    Object hdr;
    ssize_t size;
    mp_limb_t limbs[];
} BigIntObject;

extern Type type_int, type_bool;
extern BigIntObject obj_True, obj_False;
#define VTrue obj_val(&obj_True)
#define VFalse obj_val(&obj_False)
static inline Value val_bool(bool b) { return b ? VTrue : VFalse; }

static inline bool int_check(Value v) {
    return val_is_int(v) || val_obj(v)->type == &type_int || (val_obj(v)->type->flags & TF_INT_SUBCLASS);
}
static inline bool int_check_exact(Value v) { return val_is_int(v) || val_obj(v)->type == &type_int; }
static inline bool bool_check(Value v) { return v == VTrue || v == VFalse; }

Value int_from_i64(int64_t i);
Value int_from_u64(uint64_t u);
Value int_from_double(double d);                   /* truncates; OverflowError/ValueError for inf/nan */
Value int_from_string(const char *s, size_t len, int base); /* int(s, base) rules; ValueError */
Value int_from_limbs(const mp_limb_t *limbs, ssize_t size); /* signed size */
Value int_normalize(Value v);                      /* bool/subclass -> plain int */

/* Conversions.  Return -1 with OverflowError if out of range (check err_occurred). */
int64_t int_as_i64(Value v);
uint64_t int_as_u64(Value v);
ssize_t int_as_ssize(Value v);
double int_as_double(Value v);                     /* OverflowError if too large */
int int_sign(Value v);
bool int_fits_i64(Value v);

/* Base 10: str(v), honouring the 4300-digit limit (int_max_str_digits).
 * Bases 2, 8, 16: bin(v), oct(v), hex(v), i.e. with the 0b/0o/0x prefix
 * after the sign.  Other bases (up to 36): sign and bare digits. */
Value int_to_str(Value v, int base);
Value int_repr(Value v);
hash_t int_hash(Value v);
int int_compare(Value a, Value b);                 /* -1, 0, 1; both ints */

/* Arithmetic on int-like values (small, big, bool); VNotImplemented if an
 * operand is not an int.  These are the nb slots of int. */
Value int_add(Value a, Value b);
Value int_sub(Value a, Value b);
Value int_mul(Value a, Value b);
Value int_floordiv(Value a, Value b);
Value int_mod(Value a, Value b);
Value int_divmod(Value a, Value b);
Value int_truediv(Value a, Value b);
Value int_pow(Value a, Value b);
Value int_pow3(Value a, Value b, Value m);
Value int_lshift(Value a, Value b);
Value int_rshift(Value a, Value b);
Value int_and(Value a, Value b);
Value int_or(Value a, Value b);
Value int_xor(Value a, Value b);
Value int_neg(Value a);
Value int_invert(Value a);
Value int_abs(Value a);

extern int int_max_str_digits;                     /* sys.set_int_max_str_digits */

#endif
