/* cargs.c - PyArg_Parse's C conversions with CPython's messages (see cargs.h). */
#include "cargs.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/str.h"
#include "../vm/error.h"

#include <limits.h>
#include <string.h>
#include <math.h>

/* The int behind v (through __index__), or VNULL with CPython's TypeError. */
static Value as_index(Value v) {
    if (val_is_int(v)) return v;
    if (float_check(v) || !num_check_index(v)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
        return VNULL;
    }
    return num_index(v);
}

int carg_long(Value v, long *out) {
    Value i = as_index(v);
    if (!i) return -1;
    if (val_is_int(i)) {
        *out = val_int(i);
        return 0;
    }
    if (!int_fits_i64(i)) {
        err_set(&exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = (long)int_as_i64(i);
    return 0;
}

int carg_int(Value v, int *out) {
    long x;
    if (carg_long(v, &x) < 0) return -1;
    if (x > INT_MAX) {
        err_set(&exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (x < INT_MIN) {
        err_set(&exc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* The low 64 bits of any int, as PyLong_AsUnsignedLongMask. */
static int mask64(Value v, uint64_t *out) {
    Value i = as_index(v);
    if (!i) return -1;
    if (val_is_int(i)) {
        *out = (uint64_t)val_int(i);
        return 0;
    }
    Value m = int_and(i, int_from_u64(UINT64_MAX));
    if (!m) return -1;
    *out = int_as_u64(m);
    return 0;
}

int carg_uint_mask(Value v, unsigned *out) {
    uint64_t x;
    if (mask64(v, &x) < 0) return -1;
    *out = (unsigned)x;
    return 0;
}

int carg_ulong_mask(Value v, unsigned long *out) {
    if (!int_check(v)) {
        err_format(&exc_TypeError, "integer argument expected, got %s", type_name(v));
        return -1;
    }
    uint64_t x;
    if (mask64(v, &x) < 0) return -1;
    *out = (unsigned long)x;
    return 0;
}

int carg_ssize(Value v, ssize_t *out) {
    Value i = as_index(v);
    if (!i) return -1;
    if (val_is_int(i)) {
        *out = val_int(i);
        return 0;
    }
    if (!int_fits_i64(i)) {
        err_set(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = (ssize_t)int_as_i64(i);
    return 0;
}

int carg_buffer(Value v, Buffer *view) {
    if (str_check(v) || !buffer_check(v)) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(v));
        return -1;
    }
    if (buffer_get(v, view, BUF_SIMPLE) < 0) return -1;
    return 0;
}

int carg_wbuffer(const char *fname, int argno, Value v, Buffer *view) {
    if (!buffer_check(v) || buffer_get(v, view, BUF_WRITABLE) < 0) {
        err_clear();
        err_format(&exc_TypeError, "%s() argument %d must be read-write bytes-like object, not %s", fname, argno,
                   type_name(v));
        return -1;
    }
    return 0;
}

int carg_time(Value v, int64_t unit_ns, int64_t *ns) {
    if (float_check(v)) {
        double d = float_value(v);
        if (isnan(d)) {
            err_set(&exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = ceil(d * (double)unit_ns);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            err_set(&exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *ns = (int64_t)d;
        return 0;
    }
    long x;
    if (carg_long(v, &x) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_set(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        }
        return -1;
    }
    if (x > INT64_MAX / unit_ns || x < INT64_MIN / unit_ns) {
        err_set(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    *ns = (int64_t)x * unit_ns;
    return 0;
}

int carg_str(const char *fname, const char *argname, Value v, const char **out) {
    if (!str_check(v)) {
        if (argname)
            err_format(&exc_TypeError, "%s() argument '%s' must be str, not %s", fname, argname, type_name(v));
        else
            err_format(&exc_TypeError, "%s() argument must be str, not %s", fname, type_name(v));
        return -1;
    }
    if (strlen(str_data(v)) != str_size(v)) {
        err_set(&exc_ValueError, "embedded null character");
        return -1;
    }
    *out = str_data(v);
    return 0;
}
