/* datetime.h - the _datetime module's objects (timedelta so far), shared by the datetime_*.c files. */
#ifndef TAIPAN_DATETIME_H
#define TAIPAN_DATETIME_H

#include "../objects/object.h"

/*
 * Each value is a small fixed-size struct of C integers, as in CPython, with
 * its hash cached (-1: not computed yet).  A timedelta is normalised on
 * construction: 0 <= seconds < 86400, 0 <= us < 1000000, |days| <= 999999999.
 * Intermediate microsecond counts are __int128: the whole range of
 * timedelta (under 2**67 us) and its products with 64-bit ints fit.
 */

typedef __int128 dt_i128;

#define DT_MAX_DELTA_DAYS 999999999
#define DT_US_PER_SECOND 1000000LL
#define DT_US_PER_DAY 86400000000LL

typedef struct DeltaObject {
    Object hdr;
    int32_t days, seconds, us;
    hash_t hash;
} DeltaObject;

extern Type dt_delta_type;

static inline bool dt_delta_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &dt_delta_type || val_isinstance(v, &dt_delta_type));
}
static inline dt_i128 dt_delta_us(Value v) {
    DeltaObject *d = (DeltaObject *)v;
    return ((dt_i128)d->days * 86400 + d->seconds) * DT_US_PER_SECOND + d->us;
}

/* A timedelta of type t from normalised fields (range already checked). */
Value dt_delta_new_raw(Type *t, int days, int seconds, int us);
/* A timedelta from a microsecond count; OverflowError out of range. */
Value dt_delta_from_us(dt_i128 us);
/* The same from a Python int of any size. */
Value dt_delta_from_us_obj(Value us, Type *t);

/* Python ints <-> __int128 (dt_int_to_i128 is false for ints beyond 64 bits). */
Value dt_i128_to_int(dt_i128 x);
bool dt_int_to_i128(Value v, dt_i128 *out);

void dt_delta_ready(void);

#endif
