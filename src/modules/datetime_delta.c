/* datetime_delta.c - datetime.timedelta: normalised (days, seconds, microseconds) and its arithmetic. */
#include "datetime.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>

#define DT(v) ((DeltaObject *)(v))

/* ---- integers ---- */

Value dt_i128_to_int(dt_i128 x) {
    if (x >= INT64_MIN && x <= INT64_MAX) return int_from_i64((int64_t)x);
    Value hi = int_from_i64((int64_t)(x >> 64));
    Value sh = hi ? int_lshift(hi, val_from_int(64)) : VNULL;
    return sh ? int_add(sh, int_from_u64((uint64_t)x)) : VNULL;
}

bool dt_int_to_i128(Value v, dt_i128 *out) {
    if (val_is_int(v)) {
        *out = val_int(v);
        return true;
    }
    if (!int_fits_i64(v)) return false;
    *out = int_as_i64(v);
    return true;
}

/* Floor division and its remainder (Python's divmod). */
static inline dt_i128 fdivmod(dt_i128 a, dt_i128 b, dt_i128 *r) {
    dt_i128 q = a / b, m = a % b;
    if (m != 0 && ((m < 0) != (b < 0))) {
        q--;
        m += b;
    }
    *r = m;
    return q;
}

/* a / b rounded half to even (CPython's _PyLong_DivmodNear), b != 0. */
static dt_i128 div_nearest(dt_i128 a, dt_i128 b) {
    dt_i128 r, q = fdivmod(a, b, &r);
    dt_i128 r2 = 2 * r;
    if (b > 0 ? (r2 > b || (r2 == b && (q & 1))) : (r2 < b || (r2 == b && (q & 1)))) q++;
    return q;
}

static Value zero_div(const char *msg) {
    err_set(&exc_ZeroDivisionError, msg);
    return VNULL;
}

/* The same on Python ints of any size. */
static Value div_nearest_obj(Value a, Value b) {
    dt_i128 x, y;
    if (dt_int_to_i128(a, &x) && dt_int_to_i128(b, &y)) {
        if (y == 0) return zero_div("integer division or modulo by zero");
        return dt_i128_to_int(div_nearest(x, y));
    }
    Value qr = int_divmod(a, b);
    if (!qr) return VNULL;
    Value q = tuple_items(qr)[0], r = tuple_items(qr)[1];
    Value r2 = int_add(r, r);
    if (!r2) return VNULL;
    int c = int_compare(r2, b);
    if (int_sign(b) < 0) c = -c;
    if (c > 0 || (c == 0 && (val_is_int(q) ? (val_int(q) & 1) : int_sign(int_and(q, val_from_int(1))) != 0)))
        q = int_add(q, val_from_int(1));
    return q;
}

/* ---- construction ---- */

static Value delta_alloc(Type *t) {
    if (t == &dt_delta_type) return obj_val(gc_alloc(t, sizeof(DeltaObject)));
    return type_generic_alloc(t, 0);
}

Value dt_delta_new_raw(Type *t, int days, int seconds, int us) {
    Value v = delta_alloc(t);
    if (!v) return VNULL;
    DT(v)->days = days;
    DT(v)->seconds = seconds;
    DT(v)->us = us;
    DT(v)->hash = -1;
    return v;
}

static int check_days(dt_i128 days) {
    if (days < INT_MIN || days > INT_MAX) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    if (days < -DT_MAX_DELTA_DAYS || days > DT_MAX_DELTA_DAYS) {
        err_format(&exc_OverflowError, "days=%d; must have magnitude <= %d", (int)days, DT_MAX_DELTA_DAYS);
        return -1;
    }
    return 0;
}

static Value delta_from_us_t(Type *t, dt_i128 us) {
    dt_i128 rem, days = fdivmod(us, DT_US_PER_DAY, &rem);
    if (check_days(days) < 0) return VNULL;
    return dt_delta_new_raw(t, (int)days, (int)(rem / DT_US_PER_SECOND), (int)(rem % DT_US_PER_SECOND));
}

Value dt_delta_from_us(dt_i128 us) { return delta_from_us_t(&dt_delta_type, us); }

Value dt_delta_from_us_obj(Value us, Type *t) {
    dt_i128 x;
    if (dt_int_to_i128(us, &x)) return delta_from_us_t(t, x);
    Value qr = int_divmod(us, int_from_i64(DT_US_PER_DAY));
    if (!qr) return VNULL;
    Value q = tuple_items(qr)[0];
    dt_i128 days, rem = 0;
    if (!dt_int_to_i128(q, &days)) days = (dt_i128)INT64_MAX;
    if (check_days(days) < 0) return VNULL;
    dt_int_to_i128(tuple_items(qr)[1], &rem);
    return dt_delta_new_raw(t, (int)days, (int)(rem / DT_US_PER_SECOND), (int)(rem % DT_US_PER_SECOND));
}

static const char *const delta_kwnames[] = {"days", "seconds", "microseconds", "milliseconds",
                                            "minutes", "hours", "weeks", NULL};
/* The microseconds in one unit of each argument, in the order CPython adds them up. */
static const int64_t delta_factor[7] = {86400000000LL, 1000000LL, 1LL, 1000LL, 60000000LL, 3600000000LL,
                                        604800000000LL};
static const int delta_order[7] = {2, 3, 1, 4, 5, 0, 6};

/* sofar + num * factor; a float's fraction of a microsecond goes to *leftover
 * (CPython's accum, so that float arguments round exactly as there). */
static Value accum(const char *tag, Value sofar, Value num, int64_t factor, double *leftover) {
    Value f = int_from_i64(factor);
    if (int_check(num)) {
        Value p = int_mul(num, f);
        return p ? int_add(sofar, p) : VNULL;
    }
    if (float_check(num)) {
        double ip, frac = modf(float_value(num), &ip);
        Value x = int_from_double(ip);
        Value p = x ? int_mul(x, f) : VNULL;
        Value sum = p ? int_add(sofar, p) : VNULL;
        if (!sum || frac == 0.0) return sum;
        frac = modf((double)factor * frac, &ip);
        x = int_from_double(ip);
        if (!x) return VNULL;
        *leftover += frac;
        return int_add(sum, x);
    }
    err_format(&exc_TypeError, "unsupported type for timedelta %s component: %s", tag, type_name(num));
    return VNULL;
}

static Value delta_new(Type *t, Value *args, size_t nargs, Value kw) {
    Value a[7];
    if (dm_parse("__new__", args, nargs, kw, delta_kwnames, 0, 7, 0, a) < 0) return VNULL;
    /* Small ints only (the usual case): add up in an __int128. */
    dt_i128 us = 0;
    bool small = true;
    for (int i = 0; i < 7 && small; i++) {
        if (!a[i]) continue;
        if (val_is_int(a[i])) us += (dt_i128)val_int(a[i]) * delta_factor[i];
        else small = false;
    }
    if (small) return delta_from_us_t(t, us);
    Value x = val_from_int(0);
    double leftover = 0.0;
    for (int k = 0; k < 7; k++) {
        int i = delta_order[k];
        if (!a[i]) continue;
        x = accum(delta_kwnames[i], x, a[i], delta_factor[i], &leftover);
        if (!x) return VNULL;
    }
    if (leftover != 0.0) {
        /* Round to the nearest microsecond, a tie to make the total even. */
        double whole = round(leftover);
        if (fabs(whole - leftover) == 0.5) {
            Value odd = int_and(x, val_from_int(1));
            if (!odd) return VNULL;
            int is_odd = int_sign(odd) != 0;
            whole = 2.0 * round((leftover + is_odd) * 0.5) - is_odd;
        }
        x = int_add(x, int_from_i64((int64_t)whole));
        if (!x) return VNULL;
    }
    return dt_delta_from_us_obj(x, t);
}

/* ---- basic protocol ---- */

static Value delta_repr(Value self) {
    DeltaObject *d = DT(self);
    char buf[96];
    int n = 0;
    const char *sep = "";
    if (d->days) n += snprintf(buf + n, sizeof buf - n, "days=%d", d->days), sep = ", ";
    if (d->seconds) n += snprintf(buf + n, sizeof buf - n, "%sseconds=%d", sep, d->seconds), sep = ", ";
    if (d->us) n += snprintf(buf + n, sizeof buf - n, "%smicroseconds=%d", sep, d->us), sep = ", ";
    if (!*sep) n += snprintf(buf + n, sizeof buf - n, "0");
    /* The class name may be any length: it goes through str_printf. */
    return str_printf("%s(%s)", type_name(self), buf);
}

static Value delta_str(Value self) {
    DeltaObject *d = DT(self);
    char buf[64];
    int n = 0;
    if (d->days) n = snprintf(buf, sizeof buf, "%d day%s, ", d->days, d->days == 1 || d->days == -1 ? "" : "s");
    int s = d->seconds;
    n += snprintf(buf + n, sizeof buf - n, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    if (d->us) n += snprintf(buf + n, sizeof buf - n, ".%06d", d->us);
    return str_new(buf, (size_t)n);
}

static Value delta_state(Value self) {
    return tuple_pack(3, int_from_i64(DT(self)->days), int_from_i64(DT(self)->seconds), int_from_i64(DT(self)->us));
}

static hash_t delta_hash(Value self) {
    DeltaObject *d = DT(self);
    if (d->hash == -1) {
        /* CPython hashes the (days, seconds, microseconds) tuple. */
        Value st = delta_state(self);
        if (!st) return -1;
        d->hash = tuple_hash(st);
    }
    return d->hash;
}

static int delta_cmp(Value a, Value b) {
    DeltaObject *x = DT(a), *y = DT(b);
    if (x->days != y->days) return x->days < y->days ? -1 : 1;
    if (x->seconds != y->seconds) return x->seconds < y->seconds ? -1 : 1;
    return x->us < y->us ? -1 : x->us > y->us;
}

static Value delta_richcompare(Value a, Value b, int op) {
    if (!dt_delta_check(b)) return VNotImplemented;
    return dt_cmp_result(delta_cmp(a, b), op);
}

static int delta_bool(Value self) { return DT(self)->days || DT(self)->seconds || DT(self)->us; }

/* ---- arithmetic ---- */

static Value delta_add(Value a, Value b) {
    if (!dt_delta_check(a) || !dt_delta_check(b)) return VNotImplemented;
    return dt_delta_from_us(dt_delta_us(a) + dt_delta_us(b));
}

static Value delta_sub(Value a, Value b) {
    if (!dt_delta_check(a) || !dt_delta_check(b)) return VNotImplemented;
    return dt_delta_from_us(dt_delta_us(a) - dt_delta_us(b));
}

static Value delta_neg(Value a) { return dt_delta_from_us(-dt_delta_us(a)); }
static Value delta_pos(Value a) { return dt_delta_new_raw(&dt_delta_type, DT(a)->days, DT(a)->seconds, DT(a)->us); }
static Value delta_abs(Value a) { return DT(a)->days < 0 ? delta_neg(a) : delta_pos(a); }

static Value delta_us_obj(Value d) { return dt_i128_to_int(dt_delta_us(d)); }

/* timedelta * int */
static Value mul_int(Value d, Value n) {
    dt_i128 x, r;
    if (dt_int_to_i128(n, &x) && !__builtin_mul_overflow(dt_delta_us(d), x, &r)) return dt_delta_from_us(r);
    Value us = delta_us_obj(d);
    Value p = us ? int_mul(us, n) : VNULL;
    return p ? dt_delta_from_us_obj(p, &dt_delta_type) : VNULL;
}

/* timedelta * f (divide: timedelta / f) through f's integer ratio, rounded half to even. */
static Value mul_float(Value d, Value f, bool divide) {
    Value num, den;
    if (!float_check_exact(f)) {
        /* A float subclass may override as_integer_ratio, as CPython calls it. */
        Value r = obj_call_method(f, "as_integer_ratio", NULL, 0);
        if (!r) return VNULL;
        if (!tuple_check(r)) {
            err_format(&exc_TypeError, "unexpected return type from as_integer_ratio(): expected tuple, got '%s'",
                       type_name(r));
            return VNULL;
        }
        if (tuple_size(r) != 2) {
            err_set(&exc_ValueError, "as_integer_ratio() must return a 2-tuple");
            return VNULL;
        }
        num = tuple_items(r)[0];
        den = tuple_items(r)[1];
        if (!int_check(num) || !int_check(den)) {
            err_set(&exc_TypeError, "non-integer arguments in division");
            return VNULL;
        }
    } else {
        double v = float_value(f);
        if (isinf(v)) {
            err_set(&exc_OverflowError, "cannot convert Infinity to integer ratio");
            return VNULL;
        }
        if (isnan(v)) {
            err_set(&exc_ValueError, "cannot convert NaN to integer ratio");
            return VNULL;
        }
        int e;
        double m = frexp(v, &e);
        while (m != floor(m)) {
            m *= 2.0;
            e--;
        }
        num = int_from_double(m);
        den = val_from_int(1);
        if (!num) return VNULL;
        if (e > 0) num = int_lshift(num, val_from_int(e));
        else if (e < 0) den = int_lshift(den, val_from_int(-e));
        if (!num || !den) return VNULL;
    }
    if (divide) {
        Value t = num;
        num = den;
        den = t;
    }
    Value us = delta_us_obj(d);
    Value p = us ? int_mul(us, num) : VNULL;
    Value q = p ? div_nearest_obj(p, den) : VNULL;
    return q ? dt_delta_from_us_obj(q, &dt_delta_type) : VNULL;
}

static Value delta_mul(Value a, Value b) {
    if (dt_delta_check(a)) {
        if (int_check(b)) return mul_int(a, b);
        if (float_check(b)) return mul_float(a, b, false);
    } else if (dt_delta_check(b)) {
        if (int_check(a)) return mul_int(b, a);
        if (float_check(a)) return mul_float(b, a, false);
    }
    return VNotImplemented;
}

static Value delta_truediv(Value a, Value b) {
    if (!dt_delta_check(a)) return VNotImplemented;
    if (dt_delta_check(b)) {
        dt_i128 x = dt_delta_us(a), y = dt_delta_us(b);
        const dt_i128 exact = (dt_i128)1 << 53;
        if (y == 0) return zero_div("division by zero");
        if (x < exact && x > -exact && y < exact && y > -exact) return float_new((double)x / (double)y);
        Value xs = dt_i128_to_int(x), ys = xs ? dt_i128_to_int(y) : VNULL;
        return ys ? int_truediv(xs, ys) : VNULL;
    }
    if (int_check(b)) {
        dt_i128 y;
        if (dt_int_to_i128(b, &y)) {
            if (y == 0) return zero_div("integer division or modulo by zero");
            return dt_delta_from_us(div_nearest(dt_delta_us(a), y));
        }
        Value us = delta_us_obj(a);
        Value q = us ? div_nearest_obj(us, b) : VNULL;
        return q ? dt_delta_from_us_obj(q, &dt_delta_type) : VNULL;
    }
    if (float_check(b)) return mul_float(a, b, true);
    return VNotImplemented;
}

static Value delta_floordiv(Value a, Value b) {
    if (!dt_delta_check(a)) return VNotImplemented;
    if (dt_delta_check(b)) {
        dt_i128 r, y = dt_delta_us(b);
        if (y == 0) return zero_div("integer division or modulo by zero");
        return dt_i128_to_int(fdivmod(dt_delta_us(a), y, &r));
    }
    if (int_check(b)) {
        dt_i128 r, y;
        if (dt_int_to_i128(b, &y)) {
            if (y == 0) return zero_div("integer division or modulo by zero");
            return dt_delta_from_us(fdivmod(dt_delta_us(a), y, &r));
        }
        Value us = delta_us_obj(a);
        Value q = us ? int_floordiv(us, b) : VNULL;
        return q ? dt_delta_from_us_obj(q, &dt_delta_type) : VNULL;
    }
    return VNotImplemented;
}

static Value delta_mod(Value a, Value b) {
    if (!dt_delta_check(a) || !dt_delta_check(b)) return VNotImplemented;
    dt_i128 r, y = dt_delta_us(b);
    if (y == 0) return zero_div("integer modulo by zero");
    fdivmod(dt_delta_us(a), y, &r);
    return dt_delta_from_us(r);
}

static Value delta_divmod(Value a, Value b) {
    if (!dt_delta_check(a) || !dt_delta_check(b)) return VNotImplemented;
    dt_i128 r, y = dt_delta_us(b);
    if (y == 0) return zero_div("integer division or modulo by zero");
    Value q = dt_i128_to_int(fdivmod(dt_delta_us(a), y, &r));
    Value rd = q ? dt_delta_from_us(r) : VNULL;
    return rd ? tuple_pack(2, q, rd) : VNULL;
}

/* ---- methods and attributes ---- */

static Value delta_total_seconds(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("timedelta.total_seconds", kw) < 0 || arg_count("timedelta.total_seconds", nargs, 0, 0) < 0)
        return VNULL;
    dt_i128 us = dt_delta_us(self);
    const dt_i128 exact = (dt_i128)1 << 53;
    /* Both operands exact in a double: one correctly rounded division, as int / int. */
    if (us < exact && us > -exact) return float_new((double)us / 1e6);
    Value x = dt_i128_to_int(us);
    return x ? int_truediv(x, int_from_i64(DT_US_PER_SECOND)) : VNULL;
}

static Value delta_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__reduce__", kw) < 0 || arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    Value st = delta_state(self);
    return st ? tuple_pack(2, obj_val(val_type(self)), st) : VNULL;
}

static Value delta_get_days(Value self) { return int_from_i64(DT(self)->days); }
static Value delta_get_seconds(Value self) { return int_from_i64(DT(self)->seconds); }
static Value delta_get_us(Value self) { return int_from_i64(DT(self)->us); }

/* CPython exposes the fields as read-only members, whose error this is. */
static int readonly_set(Value self, Value v) {
    err_set(&exc_AttributeError, "readonly attribute");
    return -1;
}

static const MethodDef delta_methods[] = {
    {"total_seconds", delta_total_seconds, 0, "Total seconds in the duration."},
    {"__reduce__", delta_reduce, 0, "__reduce__() -> (cls, state)"},
    {NULL},
};

static const GetSetDef delta_getsets[] = {
    {"days", delta_get_days, readonly_set, "Number of days."},
    {"seconds", delta_get_seconds, readonly_set, "Number of seconds (>= 0 and less than 1 day)."},
    {"microseconds", delta_get_us, readonly_set, "Number of microseconds (>= 0 and less than 1 second)."},
    {NULL},
};

Type dt_delta_type = {
    .hdr = {0, &type_type},
    .name = "datetime.timedelta",
    .basicsize = sizeof(DeltaObject),
    .flags = TF_BASETYPE,
    .new = delta_new,
    .repr = delta_repr,
    .str = delta_str,
    .hash = delta_hash,
    .richcompare = delta_richcompare,
    .nb = {[BINOP_ADD] = delta_add, [BINOP_SUB] = delta_sub, [BINOP_MUL] = delta_mul,
           [BINOP_TRUEDIV] = delta_truediv, [BINOP_FLOORDIV] = delta_floordiv, [BINOP_MOD] = delta_mod},
    .nb_divmod = delta_divmod,
    .nb_neg = delta_neg,
    .nb_pos = delta_pos,
    .nb_abs = delta_abs,
    .nb_bool = delta_bool,
    .methods = delta_methods,
    .getsets = delta_getsets,
    .doc = "Difference between two datetime values.\n\n"
           "timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)\n\n"
           "All arguments are optional and default to 0.\n"
           "Arguments may be integers or floats, and may be positive or negative.",
};

void dt_delta_ready(void) {
    type_ready(&dt_delta_type);
    Value d = dt_delta_type.dict;
    dict_set_cstr(d, "min", dt_delta_new_raw(&dt_delta_type, -DT_MAX_DELTA_DAYS, 0, 0));
    dict_set_cstr(d, "max", dt_delta_new_raw(&dt_delta_type, DT_MAX_DELTA_DAYS, 86399, 999999));
    dict_set_cstr(d, "resolution", dt_delta_new_raw(&dt_delta_type, 0, 0, 1));
    type_modified(&dt_delta_type);
}
