/* array_items.c - the array module's typecodes: their descriptors and the conversions between Values and C items. */
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../vm/error.h"
#include "array.h"

#include <limits.h>
#include <string.h>

/*
 * Each typecode converts the way CPython's array module does, through the
 * PyArg_Parse format it uses, so an out-of-range value raises the message
 * of whichever check catches it first: 'b' is parsed as a C short before
 * its char range is checked ("signed short integer is greater than
 * maximum" for 40000, "signed char is greater than maximum" for 200), 'H'
 * as a C int, 'I'/'L'/'Q' through PyLong_AsUnsigned*, 'q' through
 * PyLong_AsLongLong ("int too big to convert").  Non-ints go through
 * __index__ ("'float' object cannot be interpreted as an integer");
 * 'f' and 'd' through __float__ or __index__ ("must be real number, not
 * str").  Machine format codes are CPython's, for this little-endian
 * LP64 target.
 */

enum {
    UNSIGNED_INT8 = 0, SIGNED_INT8 = 1, UNSIGNED_INT16_LE = 2, SIGNED_INT16_LE = 4, UNSIGNED_INT32_LE = 6,
    SIGNED_INT32_LE = 8, UNSIGNED_INT64_LE = 10, SIGNED_INT64_LE = 12, IEEE_754_FLOAT_LE = 14,
    IEEE_754_DOUBLE_LE = 16, UTF32_LE = 20,
};

const ArrayDescr array_descrs[] = {
    {'b', 1, true, true, "b", SIGNED_INT8},
    {'B', 1, true, false, "B", UNSIGNED_INT8},
    {'u', 4, false, false, "w", UTF32_LE},
    {'h', 2, true, true, "h", SIGNED_INT16_LE},
    {'H', 2, true, false, "H", UNSIGNED_INT16_LE},
    {'i', 4, true, true, "i", SIGNED_INT32_LE},
    {'I', 4, true, false, "I", UNSIGNED_INT32_LE},
    {'l', 8, true, true, "l", SIGNED_INT64_LE},
    {'L', 8, true, false, "L", UNSIGNED_INT64_LE},
    {'q', 8, true, true, "q", SIGNED_INT64_LE},
    {'Q', 8, true, false, "Q", UNSIGNED_INT64_LE},
    {'f', 4, false, false, "f", IEEE_754_FLOAT_LE},
    {'d', 8, false, false, "d", IEEE_754_DOUBLE_LE},
    {0},
};

const ArrayDescr *array_descr_for(uint32_t typecode) {
    for (const ArrayDescr *d = array_descrs; d->typecode; d++)
        if ((uint32_t)(unsigned char)d->typecode == typecode) return d;
    return NULL;
}

static int overflow(const char *msg) {
    err_set(&exc_OverflowError, msg);
    return -1;
}

/* __index__ for anything that is not an int already. */
static Value as_int(Value v) { return val_is_int(v) || int_check(v) ? v : num_index(v); }

/* PyLong_AsLong (the PyArg_Parse 'b', 'h', 'i', 'l' converters start with it). */
static int get_long(Value v, int64_t *out) {
    if (val_is_int(v)) {
        *out = val_int(v);
        return 0;
    }
    Value i = as_int(v);
    if (!i) return -1;
    int64_t x = int_as_i64(i);
    if (x == -1 && err_occurred()) return -1;
    *out = x;
    return 0;
}

/* PyLong_AsUnsignedLong ('I', 'L'): negative and too-large messages of its own. */
static int get_ulong(Value v, uint64_t *out) {
    if (val_is_int(v) && val_int(v) >= 0) {
        *out = (uint64_t)val_int(v);
        return 0;
    }
    Value i = as_int(v);
    if (!i) return -1;
    uint64_t x = int_as_u64(i);
    if (x == (uint64_t)-1 && err_occurred()) return -1;
    *out = x;
    return 0;
}

/* PyLong_AsLongLong / PyLong_AsUnsignedLongLong ('q', 'Q'). */
static int get_longlong(Value v, bool is_signed, uint64_t *out) {
    if (val_is_int(v) && (is_signed || val_int(v) >= 0)) {
        *out = (uint64_t)val_int(v);
        return 0;
    }
    Value i = as_int(v);
    if (!i) return -1;
    if (is_signed) {
        if (!int_fits_i64(i)) return overflow("int too big to convert");
        *out = (uint64_t)int_as_i64(i);
        return 0;
    }
    if (int_sign(i) < 0) return overflow("can't convert negative int to unsigned");
    uint64_t x = int_as_u64(i);
    if (x == (uint64_t)-1 && err_occurred()) {
        err_clear();
        return overflow("int too big to convert");
    }
    *out = x;
    return 0;
}

int array_item_pack(const ArrayDescr *d, Value v, char *out) {
    int64_t x;
    uint64_t u;
    switch (d->typecode) {
    case 'b':
        if (get_long(v, &x) < 0) return -1;
        if (x < SHRT_MIN) return overflow("signed short integer is less than minimum");
        if (x > SHRT_MAX) return overflow("signed short integer is greater than maximum");
        if (x < -128) return overflow("signed char is less than minimum");
        if (x > 127) return overflow("signed char is greater than maximum");
        *(signed char *)out = (signed char)x;
        return 0;
    case 'B':
        if (get_long(v, &x) < 0) return -1;
        if (x < 0) return overflow("unsigned byte integer is less than minimum");
        if (x > UCHAR_MAX) return overflow("unsigned byte integer is greater than maximum");
        *(unsigned char *)out = (unsigned char)x;
        return 0;
    case 'h':
        if (get_long(v, &x) < 0) return -1;
        if (x < SHRT_MIN) return overflow("signed short integer is less than minimum");
        if (x > SHRT_MAX) return overflow("signed short integer is greater than maximum");
        *(short *)out = (short)x;
        return 0;
    case 'H':
        if (get_long(v, &x) < 0) return -1;
        if (x < INT_MIN) return overflow("signed integer is less than minimum");
        if (x > INT_MAX) return overflow("signed integer is greater than maximum");
        if (x < 0) return overflow("unsigned short is less than minimum");
        if (x > USHRT_MAX) return overflow("unsigned short is greater than maximum");
        *(unsigned short *)out = (unsigned short)x;
        return 0;
    case 'i':
        if (get_long(v, &x) < 0) return -1;
        if (x < INT_MIN) return overflow("signed integer is less than minimum");
        if (x > INT_MAX) return overflow("signed integer is greater than maximum");
        *(int *)out = (int)x;
        return 0;
    case 'I':
        if (get_ulong(v, &u) < 0) return -1;
        if (u > UINT_MAX) return overflow("unsigned int is greater than maximum");
        *(unsigned int *)out = (unsigned int)u;
        return 0;
    case 'l':
        if (get_long(v, &x) < 0) return -1;
        *(int64_t *)out = x;
        return 0;
    case 'L':
        if (get_ulong(v, &u) < 0) return -1;
        *(uint64_t *)out = u;
        return 0;
    case 'q':
    case 'Q':
        if (get_longlong(v, d->typecode == 'q', &u) < 0) return -1;
        *(uint64_t *)out = u;
        return 0;
    case 'f':
    case 'd': {
        double f;
        if (float_check(v)) f = float_value(v);
        else if (float_as_double(v, &f) < 0) return -1;
        if (d->typecode == 'f') *(float *)out = (float)f;
        else *(double *)out = f;
        return 0;
    }
    case 'u':
        if (!str_check(v) || str_len(v) != 1) {
            err_set(&exc_TypeError, "array item must be unicode character");
            return -1;
        }
        const unsigned char *p = (const unsigned char *)str_data(v);
        *(uint32_t *)out = utf8_decode(&p);
        return 0;
    }
    err_internal("array: bad typecode");
    return -1;
}

Value array_item_unpack(const ArrayDescr *d, const char *p) {
    switch (d->typecode) {
    case 'b': return val_from_int(*(const signed char *)p);
    case 'B': return val_from_int(*(const unsigned char *)p);
    case 'h': return val_from_int(*(const short *)p);
    case 'H': return val_from_int(*(const unsigned short *)p);
    case 'i': return val_from_int(*(const int *)p);
    case 'I': return val_from_int(*(const unsigned int *)p);
    case 'l':
    case 'q': {
        int64_t x;
        memcpy(&x, p, 8);
        return int_from_i64(x);
    }
    case 'L':
    case 'Q': {
        uint64_t x;
        memcpy(&x, p, 8);
        return int_from_u64(x);
    }
    case 'f': return float_new(*(const float *)p);
    case 'd': {
        double x;
        memcpy(&x, p, 8);
        return float_new(x);
    }
    case 'u': {
        uint32_t c = *(const uint32_t *)p;
        if (c > 0x10FFFF) {
            err_set(&exc_ValueError, "chr() arg not in range(0x110000)");
            return VNULL;
        }
        return str_from_codepoint(c);
    }
    }
    err_internal("array: bad typecode");
    return VNULL;
}
