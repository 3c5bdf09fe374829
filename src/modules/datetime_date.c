/* datetime_date.c - datetime.date: a proleptic Gregorian calendar day. */
#include "datetime.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/bytes.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <errno.h>
#include <stdio.h>
#include <time.h>

#define DA(v) ((DateObject *)(v))

static Value date_alloc(Type *t, int year, int month, int day) {
    DateObject *d = t == &dt_date_type ? gc_alloc(t, sizeof(DateObject)) : (DateObject *)type_generic_alloc(t, 0);
    if (!d) return VNULL;
    d->hash = -1;
    d->year = year;
    d->month = (uint8_t)month;
    d->day = (uint8_t)day;
    return obj_val(d);
}

Value dt_date_new_ex(Type *t, int year, int month, int day) {
    if (t == &dt_date_type) {
        if (dt_check_date(year, month, day) < 0) return VNULL;
        return date_alloc(t, year, month, day);
    }
    Value a[3] = {int_from_i64(year), int_from_i64(month), int_from_i64(day)};
    return obj_call(obj_val(t), a, 3, VNULL);
}

static const char *const date_kwnames[] = {"year", "month", "day", NULL};

static Value date_new(Type *t, Value *args, size_t nargs, Value kw) {
    /* date(state): the 4 bytes of __reduce__ (a latin-1 str from Python 2 pickles). */
    if (nargs == 1 && !kw) {
        Value st = args[0];
        uint32_t cps[4];
        unsigned char b[4];
        /* CPython checks only the month of a state. */
        if (dt_state_cps(st, 4, cps) && cps[2] >= 1 && cps[2] <= 12) {
            if (dt_state_bytes(cps, 4, b, "date") < 0) return VNULL;
            return date_alloc(t, b[0] << 8 | b[1], b[2], b[3]);
        }
    }
    int ymd[3];
    if (dt_parse_ints("function", args, nargs, kw, date_kwnames, 3, ymd) < 0) return VNULL;
    if (dt_check_date(ymd[0], ymd[1], ymd[2]) < 0) return VNULL;
    return date_alloc(t, ymd[0], ymd[1], ymd[2]);
}

/* A pickled state: bytes of length n, or a str of n code points (Python 2
 * pickles loaded with encoding='latin1'), its values in cps.  0 if neither. */
int dt_state_cps(Value st, size_t n, uint32_t *cps) {
    if (bytes_check(st)) {
        if (bytes_size(st) != (ssize_t)n) return 0;
        for (size_t i = 0; i < n; i++) cps[i] = (unsigned char)bytes_data(st)[i];
        return 1;
    }
    if (!str_check(st) || str_len(st) != n) return 0;
    const unsigned char *s = (const unsigned char *)str_data(st);
    for (size_t i = 0; i < n; i++) {
        /* Decode one code point of the generalized UTF-8. */
        uint32_t c = *s++;
        int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
        if (more) c &= 0x3f >> more;
        while (more--) c = c << 6 | (*s++ & 0x3f);
        cps[i] = c;
    }
    return 1;
}

/* The state as bytes; a str with a code point past latin-1 is CPython's ValueError. */
int dt_state_bytes(const uint32_t *cps, size_t n, unsigned char *out, const char *what) {
    for (size_t i = 0; i < n; i++) {
        if (cps[i] > 0xff) {
            err_format(&exc_ValueError,
                       "Failed to encode latin1 string when unpickling a %s object. "
                       "pickle.load(data, encoding='latin1') is assumed.", what);
            return -1;
        }
        out[i] = (unsigned char)cps[i];
    }
    return 0;
}

/* ---- class methods ---- */

static Value date_from_time_t(Type *t, long long secs) {
    time_t tt = (time_t)secs;
    struct tm tm;
    errno = 0;
    if (!localtime_r(&tt, &tm)) {
        if (errno == 0) errno = EINVAL;
        err_from_errno(&exc_OSError);
        return VNULL;
    }
    return dt_date_new_ex(t, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static Value date_fromtimestamp(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("date.fromtimestamp", kw) < 0) return VNULL;
    if (nargs != 1) {
        err_format(&exc_TypeError, "date.fromtimestamp() takes exactly one argument (%zu given)", nargs);
        return VNULL;
    }
    long long secs;
    if (dt_time_t_arg(args[0], &secs) < 0) return VNULL;
    return date_from_time_t((Type *)cls, secs);
}

static Value date_today(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("date.today", kw) < 0 || arg_count("date.today", nargs, 0, 0) < 0) return VNULL;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if ((Type *)cls == &dt_date_type) return date_from_time_t(&dt_date_type, (long long)ts.tv_sec);
    /* A subclass may override fromtimestamp; CPython calls it with time.time(). */
    Value now = float_new((double)ts.tv_sec + ts.tv_nsec * 1e-9);
    return now ? obj_call_method(cls, "fromtimestamp", &now, 1) : VNULL;
}

static Value date_fromordinal(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("fromordinal", kw) < 0) return VNULL;
    if (nargs != 1) {
        err_format(&exc_TypeError, "fromordinal() takes exactly 1 argument (%zu given)", nargs);
        return VNULL;
    }
    int ord;
    if (dt_parse_ints("function", args, 1, VNULL, (const char *const[]){"ordinal", NULL}, 1, &ord) < 0)
        return VNULL;
    if (ord < 1) {
        err_set(&exc_ValueError, "ordinal must be >= 1");
        return VNULL;
    }
    int y, m, d;
    dt_ord_to_ymd(ord, &y, &m, &d);
    return dt_date_new_ex((Type *)cls, y, m, d);
}

static int digits(const char *p, const char *end, int n, int *out) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (p + i >= end || p[i] < '0' || p[i] > '9') return -1;
        v = v * 10 + (p[i] - '0');
    }
    *out = v;
    return 0;
}

/* YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D]: 0, or -1 for a string that does not parse. */
int dt_parse_iso_date(const char *p, size_t len, int *y, int *m, int *d) {
    const char *end = p + len;
    if (digits(p, end, 4, y) < 0) return -1;
    p += 4;
    bool sep = p < end && *p == '-';
    if (sep) p++;
    if (p < end && *p == 'W') {
        int week, wd = 1;
        if (digits(p + 1, end, 2, &week) < 0) return -1;
        p += 3;
        if (p < end) {
            if (sep && *p++ != '-') return -1;
            if (digits(p, end, 1, &wd) < 0) return -1;
        }
        if (*y < DT_MINYEAR || *y > DT_MAXYEAR || wd < 1 || wd > 7) return -1;
        if (week < 1 || week > 53) return -1;
        if (week == 53) {
            int first = (dt_ymd_to_ord(*y, 1, 1) + 6) % 7;
            if (!(first == 3 || (first == 2 && dt_is_leap(*y)))) return -1;
        }
        dt_ord_to_ymd(dt_iso_week1_monday(*y) + (week - 1) * 7 + wd - 1, y, m, d);
        return 0;
    }
    if (digits(p, end, 2, m) < 0) return -1;
    p += 2;
    if (sep && (p >= end || *p++ != '-')) return -1;
    return digits(p, end, 2, d);
}

static Value date_fromisoformat(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("fromisoformat", kw) < 0 || arg_count("fromisoformat", nargs, 1, 1) < 0) return VNULL;
    Value s = args[0];
    if (!str_check(s)) {
        err_set(&exc_TypeError, "fromisoformat: argument must be str");
        return VNULL;
    }
    size_t len = str_size(s);
    int y, m, d;
    if ((len == 7 || len == 8 || len == 10) && dt_parse_iso_date(str_data(s), len, &y, &m, &d) == 0)
        return dt_date_new_ex((Type *)cls, y, m, d);
    err_format(&exc_ValueError, "Invalid isoformat string: %R", s);
    return VNULL;
}

static Value date_fromisocalendar(Value cls, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"year", "week", "day", NULL};
    int a[3];
    if (dt_parse_ints("fromisocalendar()", args, nargs, kw, names, 3, a) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_set(&exc_ValueError, "ISO calendar component out of range");
        }
        return VNULL;
    }
    int year = a[0], week = a[1], day = a[2];
    if (year < DT_MINYEAR || year > DT_MAXYEAR) {
        err_format(&exc_ValueError, "Year is out of range: %d", year);
        return VNULL;
    }
    if (week <= 0 || week >= 53) {
        bool ok = false;
        if (week == 53) {
            int first = (dt_ymd_to_ord(year, 1, 1) + 6) % 7;
            ok = first == 3 || (first == 2 && dt_is_leap(year));
        }
        if (!ok) {
            err_format(&exc_ValueError, "Invalid week: %d", week);
            return VNULL;
        }
    }
    if (day <= 0 || day >= 8) {
        err_format(&exc_ValueError, "Invalid day: %d (range is [1, 7])", day);
        return VNULL;
    }
    int y, m, d;
    dt_ord_to_ymd(dt_iso_week1_monday(year) + (week - 1) * 7 + day - 1, &y, &m, &d);
    return dt_date_new_ex((Type *)cls, y, m, d);
}

/* ---- basic protocol ---- */

static Value date_repr(Value self) {
    return str_printf("%s(%d, %d, %d)", type_name(self), DA(self)->year, DA(self)->month, DA(self)->day);
}

static Value date_isoformat_str(Value self) {
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%04d-%02d-%02d", DA(self)->year, DA(self)->month, DA(self)->day);
    return str_new(buf, (size_t)n);
}

static Value date_str(Value self) {
    /* str() calls isoformat(), which a subclass may override. */
    if (val_type(self) == &dt_date_type) return date_isoformat_str(self);
    return obj_call_method(self, "isoformat", NULL, 0);
}

static void date_bytes(Value self, unsigned char *b) {
    b[0] = (unsigned char)(DA(self)->year >> 8);
    b[1] = (unsigned char)DA(self)->year;
    b[2] = DA(self)->month;
    b[3] = DA(self)->day;
}

static hash_t date_hash(Value self) {
    DateObject *d = DA(self);
    if (d->hash == -1) {
        /* CPython hashes the four bytes of the pickled state. */
        unsigned char b[4];
        date_bytes(self, b);
        d->hash = str_hash_bytes(b, 4);
    }
    return d->hash;
}

static int date_cmp(Value a, Value b) {
    DateObject *x = DA(a), *y = DA(b);
    if (x->year != y->year) return x->year < y->year ? -1 : 1;
    if (x->month != y->month) return x->month < y->month ? -1 : 1;
    return x->day < y->day ? -1 : x->day > y->day;
}

static Value date_richcompare(Value a, Value b, int op) {
    /* 3.11 compares the date part of a datetime too; datetime's reflected
     * comparison runs first, so only date.__eq__(dt) called directly sees it. */
    if (!dt_date_check(b)) return VNotImplemented;
    return dt_cmp_result(date_cmp(a, b), op);
}

/* ---- arithmetic ---- */

static Value date_plus_days(Value date, int days) {
    int y = DA(date)->year, m = DA(date)->month;
    int d = DA(date)->day + days;   /* |days| < 1e9: no C overflow */
    if (dt_normalize_date(&y, &m, &d) < 0) return VNULL;
    return dt_date_new_ex(val_type(date), y, m, d);
}

static Value date_add(Value a, Value b) {
    if (dt_datetime_check(a) || dt_datetime_check(b)) return VNotImplemented;
    if (dt_date_check(a)) {
        if (dt_delta_check(b)) return date_plus_days(a, ((DeltaObject *)b)->days);
    } else if (dt_delta_check(a)) {
        return date_plus_days(b, ((DeltaObject *)a)->days);
    }
    return VNotImplemented;
}

static Value date_sub(Value a, Value b) {
    if (dt_datetime_check(a) || dt_datetime_check(b)) return VNotImplemented;
    if (dt_date_check(a)) {
        if (dt_date_check(b)) {
            int days = dt_ymd_to_ord(DA(a)->year, DA(a)->month, DA(a)->day) -
                       dt_ymd_to_ord(DA(b)->year, DA(b)->month, DA(b)->day);
            return dt_delta_new_raw(&dt_delta_type, days, 0, 0);
        }
        if (dt_delta_check(b)) return date_plus_days(a, -((DeltaObject *)b)->days);
    }
    return VNotImplemented;
}

/* ---- methods ---- */

#define NOARGS(name)                                                                    \
    if (arg_no_kw(name, kw) < 0) return VNULL;                                         \
    if (nargs) {                                                                        \
        err_format(&exc_TypeError, "%s() takes no arguments (%zu given)", name, nargs); \
        return VNULL;                                                                   \
    }

static Value date_isoformat_m(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("date.isoformat");
    return date_isoformat_str(self);
}

static Value date_toordinal(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("date.toordinal");
    return int_from_i64(dt_ymd_to_ord(DA(self)->year, DA(self)->month, DA(self)->day));
}

static Value date_weekday(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("date.weekday");
    return int_from_i64(dt_weekday(DA(self)->year, DA(self)->month, DA(self)->day));
}

static Value date_isoweekday(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("date.isoweekday");
    return int_from_i64(dt_weekday(DA(self)->year, DA(self)->month, DA(self)->day) + 1);
}

static Value date_isocalendar(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("date.isocalendar");
    int y, w, d;
    dt_isocalendar(DA(self)->year, DA(self)->month, DA(self)->day, &y, &w, &d);
    return dt_isocal_new(y, w, d);
}

static Value date_ctime(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("date.ctime");
    DateObject *d = DA(self);
    return str_printf("%s %s %2d 00:00:00 %04d", dt_day_names[dt_weekday(d->year, d->month, d->day)],
                      dt_month_names[d->month - 1], d->day, d->year);
}

static Value date_timetuple(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("date.timetuple");
    return dt_struct_time(DA(self)->year, DA(self)->month, DA(self)->day, 0, 0, 0, -1);
}

static Value date_strftime(Value self, Value *args, size_t nargs, Value kw) {
    Value fmt;
    if (arg_parse("strftime", args, nargs, kw, (const char *const[]){"format", NULL}, 0, 1, &fmt) < 0)
        return VNULL;
    if (!str_check(fmt)) {
        err_format(&exc_TypeError, "strftime() argument 1 must be str, not %s", dt_arg_type_name(fmt));
        return VNULL;
    }
    if (dt_datetime_check(self)) return dt_datetime_strftime(self, fmt);
    Value tt = obj_call_method(self, "timetuple", NULL, 0);
    if (!tt) return VNULL;
    Value empty = str_empty();
    return dt_wrap_strftime(fmt, tt, empty, empty, 0);
}

static Value date_format(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__format__", kw) < 0) return VNULL;
    if (nargs != 1) {
        err_format(&exc_TypeError, "__format__() takes exactly 1 argument (%zu given)", nargs);
        return VNULL;
    }
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "format() argument 2 must be str, not %s", dt_arg_type_name(args[0]));
        return VNULL;
    }
    if (str_size(args[0]) == 0) return obj_str(self);
    return obj_call_method(self, "strftime", args, 1);
}

static Value date_replace(Value self, Value *args, size_t nargs, Value kw) {
    int ymd[3] = {DA(self)->year, DA(self)->month, DA(self)->day};
    if (dt_parse_ints("replace()", args, nargs, kw, date_kwnames, 0, ymd) < 0) return VNULL;
    if (dt_check_date(ymd[0], ymd[1], ymd[2]) < 0) return VNULL;
    /* CPython builds the copy with date.__new__ of self's class, not the class's own __new__. */
    return date_alloc(val_type(self), ymd[0], ymd[1], ymd[2]);
}

static Value date_reduce(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("date.__reduce__");
    unsigned char b[4];
    date_bytes(self, b);
    Value st = bytes_new((const char *)b, 4);
    Value t = st ? tuple_pack(1, st) : VNULL;
    return t ? tuple_pack(2, obj_val(val_type(self)), t) : VNULL;
}

static Value date_get_year(Value self) { return int_from_i64(DA(self)->year); }
static Value date_get_month(Value self) { return int_from_i64(DA(self)->month); }
static Value date_get_day(Value self) { return int_from_i64(DA(self)->day); }

static const MethodDef date_methods[] = {
    {"fromtimestamp", date_fromtimestamp, METH_CLASS,
     "Create a date from a POSIX timestamp.\n\nThe timestamp is a number, e.g. created via time.time(), that is "
     "interpreted\nas local time."},
    {"fromordinal", date_fromordinal, METH_CLASS, "int -> date corresponding to a proleptic Gregorian ordinal."},
    {"fromisoformat", date_fromisoformat, METH_CLASS, "str -> Construct a date from a string in ISO 8601 format."},
    {"fromisocalendar", date_fromisocalendar, METH_CLASS,
     "int, int, int -> Construct a date from the ISO year, week number and weekday.\n\n"
     "This is the inverse of the date.isocalendar() function"},
    {"today", date_today, METH_CLASS, "Current date or datetime:  same as self.__class__.fromtimestamp(time.time())."},
    {"ctime", date_ctime, 0, "Return ctime() style string."},
    {"strftime", date_strftime, 0, "format -> strftime() style string."},
    {"__format__", date_format, 0, "Formats self with strftime."},
    {"timetuple", date_timetuple, 0, "Return time tuple, compatible with time.localtime()."},
    {"isocalendar", date_isocalendar, 0, "Return a named tuple containing ISO year, week number, and weekday."},
    {"isoformat", date_isoformat_m, 0, "Return string in ISO 8601 format, YYYY-MM-DD."},
    {"isoweekday", date_isoweekday, 0, "Return the day of the week represented by the date.\nMonday == 1 ... Sunday == 7"},
    {"toordinal", date_toordinal, 0, "Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1."},
    {"weekday", date_weekday, 0, "Return the day of the week represented by the date.\nMonday == 0 ... Sunday == 6"},
    {"replace", date_replace, 0, "Return date with new specified fields."},
    {"__reduce__", date_reduce, 0, "__reduce__() -> (cls, state)"},
    {NULL},
};

static const GetSetDef date_getsets[] = {
    {"year", date_get_year, NULL, NULL},
    {"month", date_get_month, NULL, NULL},
    {"day", date_get_day, NULL, NULL},
    {NULL},
};

Type dt_date_type = {
    .hdr = {0, &type_type},
    .name = "datetime.date",
    .basicsize = sizeof(DateObject),
    .flags = TF_BASETYPE,
    .new = date_new,
    .repr = date_repr,
    .str = date_str,
    .hash = date_hash,
    .richcompare = date_richcompare,
    .nb = {[BINOP_ADD] = date_add, [BINOP_SUB] = date_sub},
    .methods = date_methods,
    .getsets = date_getsets,
    .doc = "date(year, month, day) --> date object",
};

void dt_date_ready(void) {
    type_ready(&dt_date_type);
    Value d = dt_date_type.dict;
    dict_set_cstr(d, "min", date_alloc(&dt_date_type, 1, 1, 1));
    dict_set_cstr(d, "max", date_alloc(&dt_date_type, 9999, 12, 31));
    dict_set_cstr(d, "resolution", dt_delta_new_raw(&dt_delta_type, 1, 0, 0));
    type_modified(&dt_date_type);
}
