/* num_internal.h - private helpers shared by int*.c, float*.c and number.c (not a public API). */
#ifndef TAIPAN_NUM_INTERNAL_H
#define TAIPAN_NUM_INTERNAL_H

#include "int.h"
#include "str.h"

/*
 * A read-only view of any int value (tagged small int, BigInt, bool, int
 * subclass instance) as GMP limbs: `d` points at |value|'s limbs, `size`
 * is the signed limb count.  For a small int the single limb lives in the
 * view itself, so a view must not be copied once initialised.  The limbs of
 * a heap int are read in place; the Value the view was made from must stay
 * alive (it does, when it is in a C local: the stack is scanned).
 */
typedef struct IntView {
    const mp_limb_t *d;
    ssize_t size;
    mp_limb_t small;
} IntView;

static inline void int_view(Value v, IntView *iv) {
    if (val_is_int(v)) {
        intptr_t i = val_int(v);
        iv->small = i < 0 ? (mp_limb_t)0 - (mp_limb_t)i : (mp_limb_t)i;
        iv->d = &iv->small;
        iv->size = i < 0 ? -1 : (i > 0);
    } else {
        BigIntObject *b = (BigIntObject *)v;
        iv->d = b->limbs;
        iv->size = b->size;
    }
}

/* A read-only mpz aliasing the value's limbs (GMP's mpz_roinit_n), for
 * the operations written with mpz scratch: `iv` must outlive `z`. */
static inline mpz_srcptr int_mpz_view(Value v, IntView *iv, mpz_ptr z) {
    int_view(v, iv);
    return mpz_roinit_n(z, iv->d, iv->size);
}

Value int_from_mpz(mpz_srcptr z);            /* normalized: small when it fits */
size_t int_bit_length(Value v);              /* bits of |v| */
/* The magnitude of n limbs, with a sign, as the nearest double (ties to
 * even); +-inf (no exception) when it is too large. */
double int_limbs_to_double(const mp_limb_t *d, size_t n, bool neg);
Value int_digits_str(Value v, int base, bool upper); /* sign and digits, no prefix */
/* Parse int(text, base): 0 ok, -1 error raised, -2 invalid literal (no error set). */
int int_parse(const char *s, size_t len, int base, Value *out);
void int_invalid_literal(Value orig, int base);
Value int_new_subclass(Type *t, Value v);
Value int_from_text_value(Value x, int base);  /* int(x, base) for str/bytes/bytearray */
Value float_from_text_value(Value x);          /* float(x) for str/bytes/bytearray */
Value float_from_chars(const char *s, size_t n, Value shown); /* float() of text, error shows shown */
bool num_is_text(Value x);                     /* str, bytes or bytearray (or subclass) */    /* an instance of int subclass t holding v */
Value int_format_method(Value self, Value *args, size_t nargs, Value kwnames);

/* Text that int() and float() accept: any Unicode whitespace becomes ' '
 * and any Unicode decimal digit its ASCII digit; other non-ASCII code
 * points become '?', which no parser accepts.  Returns a malloc'd
 * NUL-terminated copy (caller frees) or NULL with MemoryError. */
char *num_text_to_ascii(const char *utf8, size_t size, size_t *out_len);

/* Python's float // and % and divmod on doubles (the divisor is nonzero). */
void float_divmod_raw(double vx, double wx, double *floordiv, double *mod);
double float_pow_raw(double iv, double iw, bool *err); /* err: exception raised */
int float_to_double_arg(Value v, double *out);        /* float or int; 0: neither, -1 error */
Value float_new_subclass(Type *t, double d);
Value float_format_method(Value self, Value *args, size_t nargs, Value kwnames);
Value float_hex_method(Value self, Value *args, size_t nargs, Value kwnames);
Value float_fromhex_method(Value cls, Value *args, size_t nargs, Value kwnames);
Value float_round_double(double x, Value ndigits);   /* float.__round__ */
Value float_format_spec(double d, const FormatSpec *f); /* __format__ after parsing */
int float_compare_int(double x, Value n);            /* -1, 0, 1; x not NaN */

/* Number formatting on top of str.h's FormatSpec (format_spec_parse). */
void fmt_unknown_code(uint32_t type, Value obj);
/* Lay out a number: `sign_char` is '-' or 0, then the prefix ("0x"), the
 * integer digits (grouped as f->grouping says), then `rest` (fraction,
 * exponent, '%').  Applies the sign option, width, fill and alignment. */
Value fmt_number(const FormatSpec *f, char sign_char, const char *prefix, size_t nprefix,
                 const char *digits, size_t ndigits, const char *rest, size_t nrest);

#endif
