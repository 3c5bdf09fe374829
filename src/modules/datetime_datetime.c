/* datetime_datetime.c - datetime.datetime: a date and a time of day with an optional tzinfo. */
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
#include "../vm/import.h"
#include "../gc/gc.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define DTM(v) ((DateTimeObject *)(v))

/* Seconds from 0001-01-01 to 1970-01-01, CPython's epoch for utc_to_seconds. */
#define EPOCH_SECONDS (719163LL * 86400)
#define MAX_FOLD_SECONDS (24 * 3600)

/* ---- construction ---- */

static void datetime_trace(Object *o) { gc_mark(((DateTimeObject *)o)->tzinfo); }

static Value dt_alloc(Type *t, int y, int mo, int d, int h, int mi, int s, int us, Value tz, int fold) {
    DateTimeObject *o =
        t == &dt_datetime_type ? gc_alloc(t, sizeof(DateTimeObject)) : (DateTimeObject *)type_generic_alloc(t, 0);
    if (!o) return VNULL;
    o->date.hash = -1;
    o->date.year = y;
    o->date.month = (uint8_t)mo;
    o->date.day = (uint8_t)d;
    o->hour = (uint8_t)h;
    o->minute = (uint8_t)mi;
    o->second = (uint8_t)s;
    o->us = us;
    o->fold = (uint8_t)fold;
    GC_WRITE(o, o->tzinfo, tz);
    return obj_val(o);
}

/* new_datetime_subclass_fold_ex: exact type directly, a subclass through
 * cls(y, m, d, hh, mm, ss, us, tzinfo).  CPython 3.11 drops the fold there. */
static Value dt_new_ex(Type *t, int y, int mo, int d, int h, int mi, int s, int us, Value tz, int fold) {
    if (t == &dt_datetime_type) {
        if (dt_check_date(y, mo, d) < 0 || dt_check_time(h, mi, s, us, fold) < 0) return VNULL;
        return dt_alloc(t, y, mo, d, h, mi, s, us, tz, fold);
    }
    Value a[8] = {int_from_i64(y), int_from_i64(mo), int_from_i64(d), int_from_i64(h), int_from_i64(mi),
                  int_from_i64(s), int_from_i64(us), tz};
    return obj_call(obj_val(t), a, 8, VNULL);
}

static const char *const dt_kwnames[] = {"year", "month", "day", "hour", "minute", "second",
                                         "microsecond", "tzinfo", "fold", NULL};

static Value datetime_new(Type *t, Value *args, size_t nargs, Value kw) {
    /* datetime(state[, tzinfo]): __reduce__'s 10 bytes, the fold in the month's high bit. */
    uint32_t cps[10];
    if (nargs >= 1 && nargs <= 2 && !kw && dt_state_cps(args[0], 10, cps)) {
        if ((cps[2] & 0x7f) >= 1 && (cps[2] & 0x7f) <= 12) {
            unsigned char b[10];
            if (dt_state_bytes(cps, 10, b, "datetime") < 0) return VNULL;
            Value tz = nargs == 2 ? args[1] : VNone;
            if (tz != VNone && !dt_tzinfo_check(tz)) {
                err_set(&exc_TypeError, "bad tzinfo state arg");
                return VNULL;
            }
            return dt_alloc(t, b[0] << 8 | b[1], b[2] & 0x7f, b[3], b[4], b[5], b[6], b[7] << 16 | b[8] << 8 | b[9],
                            tz, b[2] >> 7);
        }
    }
    Value v[9];
    int iv[9] = {0};
    if (dt_parse("function", args, nargs, kw, dt_kwnames, "iiiiiiiOi", 8, 3, v, iv) < 0) return VNULL;
    Value tz = v[7] ? v[7] : VNone;
    if (dt_check_date(iv[0], iv[1], iv[2]) < 0 || dt_check_time(iv[3], iv[4], iv[5], iv[6], iv[8]) < 0 ||
        dt_check_tzinfo(tz) < 0)
        return VNULL;
    return dt_alloc(t, iv[0], iv[1], iv[2], iv[3], iv[4], iv[5], iv[6], tz, iv[8]);
}

/* ---- seconds and the local time zone ---- */

static long long utc_to_seconds(int y, int mo, int d, int h, int mi, int s) {
    return (long long)dt_ymd_to_ord(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

static int local_tm(long long t, struct tm *tm) {
    time_t tt = (time_t)t;
    errno = 0;
    if (!localtime_r(&tt, tm)) {
        if (errno == 0) errno = EINVAL;
        err_from_errno(&exc_OSError);
        return -1;
    }
    return 0;
}

/* CPython's local(): the local wall clock of a UTC instant, as utc_to_seconds counts. */
static int local_seconds(long long u, long long *out) {
    struct tm tm;
    if (local_tm(u - EPOCH_SECONDS, &tm) < 0) return -1;
    int y = tm.tm_year + 1900;
    if (y < DT_MINYEAR || y > DT_MAXYEAR) {
        err_format(&exc_ValueError, "year %d is out of range", y);
        return -1;
    }
    *out = utc_to_seconds(y, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return 0;
}

/* The UTC instant of a local wall time, fold choosing between the two
 * instants of a repeated hour (CPython's local_to_seconds). */
static int local_to_seconds(int y, int mo, int d, int h, int mi, int s, int fold, long long *out) {
    long long t = utc_to_seconds(y, mo, d, h, mi, s), lt, a, b, u1, u2, t1, t2;
    if (local_seconds(t, &lt) < 0) return -1;
    a = lt - t;
    u1 = t - a;
    if (local_seconds(u1, &t1) < 0) return -1;
    if (t1 == t) {
        u2 = fold ? u1 + MAX_FOLD_SECONDS : u1 - MAX_FOLD_SECONDS;
        if (local_seconds(u2, &lt) < 0) return -1;
        b = lt - u2;
        if (a == b) {
            *out = u1;
            return 0;
        }
    } else {
        b = t1 - u1;
    }
    u2 = t - b;
    if (local_seconds(u2, &t2) < 0) return -1;
    if (t2 == t) *out = u2;
    else if (t1 == t) *out = u1;
    else *out = fold ? (u1 < u2 ? u1 : u2) : (u1 > u2 ? u1 : u2);   /* in a gap */
    return 0;
}

/* timezone(gmtoff, tm_zone) of the local zone at a POSIX timestamp. */
static Value local_timezone_at(long long ts) {
    struct tm tm;
    if (local_tm(ts, &tm) < 0) return VNULL;
    Value off = dt_delta_from_us((dt_i128)tm.tm_gmtoff * 1000000);
    if (!off) return VNULL;
    Value name = tm.tm_zone ? str_decode_utf8(tm.tm_zone, strlen(tm.tm_zone), "surrogateescape") : VNULL;
    if (tm.tm_zone && !name) return VNULL;
    if (dt_check_offset(off, true) < 0) return VNULL;
    return dt_timezone_new(off, name);
}

/* ---- from timestamps ---- */

typedef int (*TmFunc)(long long, struct tm *);

static int gm_tm(long long t, struct tm *tm) {
    time_t tt = (time_t)t;
    errno = 0;
    if (!gmtime_r(&tt, tm)) {
        if (errno == 0) errno = EOVERFLOW;
        err_from_errno(&exc_OSError);
        return -1;
    }
    return 0;
}

static Value from_timet_and_us(Type *cls, TmFunc f, long long timet, int us, Value tz) {
    struct tm tm;
    if (f(timet, &tm) < 0) return VNULL;
    int y = tm.tm_year + 1900, mo = tm.tm_mon + 1, d = tm.tm_mday, h = tm.tm_hour, mi = tm.tm_min;
    int s = tm.tm_sec < 59 ? tm.tm_sec : 59;
    int fold = 0;
    if (tz == VNone && f == local_tm) {
        /* A wall time reached twice: fold=1 for the second. */
        if (y < DT_MINYEAR || y > DT_MAXYEAR) {
            err_format(&exc_ValueError, "year %d is out of range", y);
            return VNULL;
        }
        long long result = utc_to_seconds(y, mo, d, h, mi, s), probe;
        if (local_seconds(EPOCH_SECONDS + timet - MAX_FOLD_SECONDS, &probe) < 0) return VNULL;
        long long transition = result - probe - MAX_FOLD_SECONDS;
        if (transition < 0) {
            if (local_seconds(EPOCH_SECONDS + timet + transition, &probe) < 0) return VNULL;
            if (probe == result) fold = 1;
        }
    }
    return dt_new_ex(cls, y, mo, d, h, mi, s, us, tz, fold);
}

/* _PyTime_ObjectToTimeval with half-even rounding of the microseconds. */
static int timeval_arg(Value v, long long *secs, int *us) {
    if (float_check(v)) {
        double d = float_value(v);
        if (isnan(d)) {
            err_set(&exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        double ip, frac = modf(d, &ip) * 1e6;
        double r = round(frac);
        if (fabs(frac - r) == 0.5) r = 2.0 * round(frac / 2.0);
        frac = r;
        if (frac >= 1e6) {
            frac -= 1e6;
            ip += 1.0;
        } else if (frac < 0) {
            frac += 1e6;
            ip -= 1.0;
        }
        if (!(ip >= -9223372036854775808.0 && ip < 9223372036854775808.0)) {
            err_set(&exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *secs = (long long)ip;
        *us = (int)frac;
        return 0;
    }
    *us = 0;
    return dt_time_t_arg(v, secs);
}

static Value tz_fromutc(Value tz, Value dt) {
    return dt && tz != VNone ? obj_call_method(tz, "fromutc", &dt, 1) : dt;
}

static Value datetime_fromtimestamp(Value cls, Value *args, size_t nargs, Value kw) {
    Value v[2];
    if (dt_parse("fromtimestamp()", args, nargs, kw, (const char *const[]){"timestamp", "tz", NULL}, "OO", 2, 1, v,
                 NULL) < 0)
        return VNULL;
    Value tz = v[1] ? v[1] : VNone;
    if (dt_check_tzinfo(tz) < 0) return VNULL;
    long long secs;
    int us;
    if (timeval_arg(v[0], &secs, &us) < 0) return VNULL;
    Value r = from_timet_and_us((Type *)cls, tz == VNone ? local_tm : gm_tm, secs, us, tz);
    return tz_fromutc(tz, r);
}

static Value datetime_utcfromtimestamp(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("utcfromtimestamp", kw) < 0 || arg_count("utcfromtimestamp", nargs, 1, 1) < 0) return VNULL;
    long long secs;
    int us;
    if (timeval_arg(args[0], &secs, &us) < 0) return VNULL;
    return from_timet_and_us((Type *)cls, gm_tm, secs, us, VNone);
}

static Value now_with(Type *cls, TmFunc f, Value tz) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return from_timet_and_us(cls, f, (long long)ts.tv_sec, (int)(ts.tv_nsec / 1000), tz);
}

static Value datetime_now(Value cls, Value *args, size_t nargs, Value kw) {
    Value v[1];
    if (dt_parse("now()", args, nargs, kw, (const char *const[]){"tz", NULL}, "O", 1, 0, v, NULL) < 0) return VNULL;
    Value tz = v[0] ? v[0] : VNone;
    if (dt_check_tzinfo(tz) < 0) return VNULL;
    return tz_fromutc(tz, now_with((Type *)cls, tz == VNone ? local_tm : gm_tm, tz));
}

static Value datetime_utcnow(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("datetime.utcnow", kw) < 0 || arg_count("datetime.utcnow", nargs, 0, 0) < 0) return VNULL;
    return now_with((Type *)cls, gm_tm, VNone);
}

static Value datetime_combine(Value cls, Value *args, size_t nargs, Value kw) {
    Value v[3];
    if (dt_parse("combine()", args, nargs, kw, (const char *const[]){"date", "time", "tzinfo", NULL}, "OOO", 3, 2, v,
                 NULL) < 0)
        return VNULL;
    if (!dt_date_check(v[0])) {
        err_format(&exc_TypeError, "combine() argument 1 must be datetime.date, not %s", dt_arg_type_name(v[0]));
        return VNULL;
    }
    if (!dt_time_check(v[1])) {
        err_format(&exc_TypeError, "combine() argument 2 must be datetime.time, not %s", dt_arg_type_name(v[1]));
        return VNULL;
    }
    DateObject *d = (DateObject *)v[0];
    TimeObject *t = (TimeObject *)v[1];
    Value tz = v[2] ? v[2] : t->tzinfo;
    if (v[2] && dt_check_tzinfo(tz) < 0) return VNULL;
    return dt_new_ex((Type *)cls, d->year, d->month, d->day, t->hour, t->minute, t->second, t->us, tz, t->fold);
}

static Value datetime_strptime(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("strptime", kw) < 0 || arg_count("strptime", nargs, 2, 2) < 0) return VNULL;
    for (int i = 0; i < 2; i++)
        if (!str_check(args[i])) {
            err_format(&exc_TypeError, "strptime() argument %d must be str, not %s", i + 1, dt_arg_type_name(args[i]));
            return VNULL;
        }
    Value m = import_module(str_intern_cstr("_strptime"));
    if (!m) return VNULL;
    Value a[3] = {cls, args[0], args[1]};
    return obj_call_method(m, "_strptime_datetime", a, 3);
}

/* Where the date part of an ISO datetime string ends (CPython's _find_isoformat_datetime_separator). */
static ssize_t iso_separator(const char *s, size_t len) {
#define AT(i) ((size_t)(i) < len ? s[i] : '\0')
    if (len == 7) return 7;
    if (AT(4) == '-') {
        if (AT(5) != 'W') return 10;
        if (len < 8) return -1;
        if (len > 8 && AT(8) == '-') {
            if (len == 9) return -1;
            if (len > 10 && AT(10) >= '0' && AT(10) <= '9') return 8;
            return 10;
        }
        return 8;
    }
    if (AT(4) == 'W') {
        size_t i = 7;
        while (i < len && s[i] >= '0' && s[i] <= '9') i++;
        if (i < 9) return (ssize_t)i;
        return i % 2 == 0 ? 7 : 8;
    }
    return 8;
#undef AT
}

static Value datetime_fromisoformat(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("fromisoformat", kw) < 0 || arg_count("fromisoformat", nargs, 1, 1) < 0) return VNULL;
    Value s = args[0];
    if (!str_check(s)) {
        err_set(&exc_TypeError, "fromisoformat: argument must be str");
        return VNULL;
    }
    const char *p = str_data(s);
    size_t len = str_size(s);
    if (!str_is_ascii(s) && str_len(s) >= 7) {
        /* Any one character may separate date and time: a non-ASCII one at
         * code point 7, 8 or 10 (the first such) becomes 'T', as CPython's
         * _sanitize_isoformat_str leaves the rest ASCII-only. */
        size_t cp = 0, at[11];
        for (size_t i = 0; i < len && cp <= 10; i++)
            if (((unsigned char)p[i] & 0xc0) != 0x80) at[cp++] = i;
        static const size_t cand[3] = {7, 8, 10};
        for (int k = 0; k < 3 && cand[k] < cp; k++) {
            size_t b = at[cand[k]];
            if ((unsigned char)p[b] < 0x80) continue;
            size_t e = b + 1;
            while (e < len && ((unsigned char)p[e] & 0xc0) == 0x80) e++;
            /* The copy is a str only to have GC-managed bytes. */
            StrBuilder sb;
            sb_init(&sb);
            sb_append(&sb, p, b);
            sb_append(&sb, "T", 1);
            sb_append(&sb, p + e, len - e);
            Value c = sb_finish(&sb);
            if (!c) return VNULL;
            p = str_data(c);
            len = str_size(c);
            break;
        }
    }
    int y, mo, d, h = 0, mi = 0, sec = 0, us = 0, tzsec = 0, tzus = 0, rv = -1;
    if (str_len(s) >= 7) {
        ssize_t sep = iso_separator(p, len);
        size_t dlen = sep < 0 || (size_t)sep > len ? len : (size_t)sep;
        rv = dt_parse_iso_date(p, dlen, &y, &mo, &d);
        if (rv == 0 && sep >= 0 && len > (size_t)sep) {
            const char *tp = p + sep + 1;
            rv = tp > p + len ? -1 : dt_parse_iso_time(tp, p + len, &h, &mi, &sec, &us, &tzsec, &tzus);
        }
    }
    if (rv < 0) {
        err_format(&exc_ValueError, "Invalid isoformat string: %R", s);
        return VNULL;
    }
    Value tz = dt_tz_from_offset(rv, tzsec, tzus);
    if (!tz) return VNULL;
    return dt_new_ex((Type *)cls, y, mo, d, h, mi, sec, us, tz, 0);
}

/* ---- tzinfo delegation ---- */

static Value dt_offset(Value self) { return dt_call_utcoffset(DTM(self)->tzinfo, self); }

#define NOARGS(name)                                                                    \
    if (arg_no_kw(name, kw) < 0) return VNULL;                                         \
    if (nargs) {                                                                        \
        err_format(&exc_TypeError, "%s() takes no arguments (%zu given)", name, nargs); \
        return VNULL;                                                                   \
    }

static Value datetime_utcoffset(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("datetime.utcoffset");
    return dt_offset(self);
}
static Value datetime_dst(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("datetime.dst");
    return dt_call_dst(DTM(self)->tzinfo, self);
}
static Value datetime_tzname(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("datetime.tzname");
    return dt_call_tzname(DTM(self)->tzinfo, self);
}

/* ---- arithmetic ---- */

static dt_i128 dt_us(DateTimeObject *o) {
    return ((dt_i128)utc_to_seconds(o->date.year, o->date.month, o->date.day, o->hour, o->minute, o->second)) *
               1000000 + o->us;
}

/* self + delta * factor, of self's class and tzinfo (fold reset). */
static Value dt_add_delta(Value self, Value delta, int factor) {
    DateTimeObject *o = DTM(self);
    dt_i128 us = dt_us(o) + factor * dt_delta_us(delta);
    dt_i128 day_us = (dt_i128)86400 * 1000000;
    dt_i128 days = us / day_us, rem = us % day_us;
    if (rem < 0) {
        rem += day_us;
        days--;
    }
    if (days < 1 || days > DT_MAXORDINAL) {
        err_set(&exc_OverflowError, "date value out of range");
        return VNULL;
    }
    int y, mo, d;
    dt_ord_to_ymd((int)days, &y, &mo, &d);
    long long r = (long long)rem;
    int usec = (int)(r % 1000000), secs = (int)(r / 1000000);
    return dt_new_ex(val_type(self), y, mo, d, secs / 3600, secs / 60 % 60, secs % 60, usec, o->tzinfo, 0);
}

static Value datetime_add(Value a, Value b) {
    if (dt_datetime_check(a)) {
        if (dt_delta_check(b)) return dt_add_delta(a, b, 1);
    } else if (dt_delta_check(a)) {
        return dt_add_delta(b, a, 1);
    }
    return VNotImplemented;
}

static Value dt_subtract_dt(Value a, Value b) {
    DateTimeObject *x = DTM(a), *y = DTM(b);
    Value o1 = VNone, o2 = VNone;
    if (x->tzinfo != y->tzinfo) {
        if (!(o1 = dt_offset(a)) || !(o2 = dt_offset(b))) return VNULL;
        if ((o1 != VNone) != (o2 != VNone)) {
            err_set(&exc_TypeError, "can't subtract offset-naive and offset-aware datetimes");
            return VNULL;
        }
    }
    dt_i128 diff = dt_us(x) - dt_us(y);
    if (o1 != VNone) diff -= dt_delta_us(o1) - dt_delta_us(o2);
    return dt_delta_from_us(diff);
}

static Value datetime_sub(Value a, Value b) {
    if (!dt_datetime_check(a)) return VNotImplemented;
    if (dt_datetime_check(b)) return dt_subtract_dt(a, b);
    if (dt_delta_check(b)) return dt_add_delta(a, b, -1);
    return VNotImplemented;
}

/* ---- comparison and hashing ---- */

static int raw_cmp(DateTimeObject *x, DateTimeObject *y) {
    dt_i128 p = dt_us(x), q = dt_us(y);
    return p < q ? -1 : p > q;
}

/* The utcoffset of dt with its fold flipped (PEP 495). */
static Value flip_fold_offset(Value self) {
    DateTimeObject *o = DTM(self);
    Value f = dt_alloc(val_type(self), o->date.year, o->date.month, o->date.day, o->hour, o->minute, o->second, o->us,
                       o->tzinfo, !o->fold);
    return f ? dt_offset(f) : VNULL;
}

static int offsets_differ(Value a, Value b) {
    if (a == b) return 0;
    if (a == VNone || b == VNone) return 1;
    return dt_delta_us(a) != dt_delta_us(b);
}

/* Datetimes in a fold-dependent zone's repeated hour never compare equal across zones. */
static int pep495_exception(Value a, Value b, Value o1, Value o2) {
    Value f = flip_fold_offset(a);
    if (!f) return -1;
    if (offsets_differ(f, o1)) return 1;
    f = flip_fold_offset(b);
    if (!f) return -1;
    return offsets_differ(f, o2);
}

static Value datetime_richcompare(Value a, Value b, int op) {
    if (!dt_datetime_check(b)) {
        if (dt_date_check(b)) {
            if (op == CMP_EQ) return VFalse;
            if (op == CMP_NE) return VTrue;
            err_format(&exc_TypeError, "can't compare %s to %s", type_name(a), type_name(b));
            return VNULL;
        }
        return VNotImplemented;
    }
    DateTimeObject *x = DTM(a), *y = DTM(b);
    if (x->tzinfo == y->tzinfo) return dt_cmp_result(raw_cmp(x, y), op);
    Value o1 = dt_offset(a);
    if (!o1) return VNULL;
    Value o2 = dt_offset(b);
    if (!o2) return VNULL;
    int diff;
    if (!offsets_differ(o1, o2)) diff = raw_cmp(x, y);
    else if (o1 != VNone && o2 != VNone) {
        Value d = dt_subtract_dt(a, b);
        if (!d) return VNULL;
        dt_i128 us = dt_delta_us(d);
        diff = us < 0 ? -1 : us > 0;
    } else {
        if (op == CMP_EQ) return VFalse;
        if (op == CMP_NE) return VTrue;
        err_set(&exc_TypeError, "can't compare offset-naive and offset-aware datetimes");
        return VNULL;
    }
    if ((op == CMP_EQ || op == CMP_NE) && diff == 0) {
        int ex = pep495_exception(a, b, o1, o2);
        if (ex < 0) return VNULL;
        if (ex) diff = 1;
    }
    return dt_cmp_result(diff, op);
}

static void dt_bytes(DateTimeObject *o, unsigned char *b, bool fold) {
    b[0] = (unsigned char)(o->date.year >> 8);
    b[1] = (unsigned char)o->date.year;
    b[2] = (unsigned char)(o->date.month | (fold && o->fold ? 0x80 : 0));
    b[3] = o->date.day;
    b[4] = o->hour;
    b[5] = o->minute;
    b[6] = o->second;
    b[7] = (unsigned char)(o->us >> 16);
    b[8] = (unsigned char)(o->us >> 8);
    b[9] = (unsigned char)o->us;
}

static hash_t datetime_hash(Value self) {
    DateTimeObject *o = DTM(self);
    if (o->date.hash != -1) return o->date.hash;
    Value self0 = self;
    if (o->fold) {
        self0 = dt_alloc(val_type(self), o->date.year, o->date.month, o->date.day, o->hour, o->minute, o->second,
                         o->us, o->tzinfo, 0);
        if (!self0) return -1;
    }
    Value off = o->tzinfo == VNone ? VNone : dt_offset(self0);
    if (!off) return -1;
    hash_t h;
    if (off == VNone) {
        unsigned char b[10];
        dt_bytes(o, b, false);
        h = str_hash_bytes(b, 10);
    } else {
        /* CPython hashes timedelta(days=ordinal, seconds, us) - offset. */
        Value d = dt_delta_from_us(dt_us(o) - dt_delta_us(off));
        if (!d) return -1;
        h = obj_hash(d);
    }
    o->date.hash = h;
    return h;
}

/* ---- formatting ---- */

static Value dt_isoformat(Value self, char sep, const char *ts) {
    DateTimeObject *o = DTM(self);
    char buf[80];
    int n = snprintf(buf, sizeof buf, "%04d-%02d-%02d%c", o->date.year, o->date.month, o->date.day, sep);
    int m = dt_format_time(buf + n, sizeof buf - n, o->hour, o->minute, o->second, o->us, ts);
    if (m < 0) return VNULL;
    Value r = str_new(buf, (size_t)(n + m));
    if (!r || o->tzinfo == VNone) return r;
    Value off = dt_offset(self);
    if (!off) return VNULL;
    if (off == VNone) return r;
    Value f = dt_format_offset(off, ":");
    return f ? str_concat(r, f) : VNULL;
}

static Value datetime_isoformat(Value self, Value *args, size_t nargs, Value kw) {
    Value v[2];
    if (dt_parse("isoformat()", args, nargs, kw, (const char *const[]){"sep", "timespec", NULL}, "OO", 2, 0, v, NULL) <
        0)
        return VNULL;
    char sep = 'T';
    Value sepstr = VNULL;
    if (v[0]) {
        if (!str_check(v[0]) || str_len(v[0]) != 1) {
            err_format(&exc_TypeError, "isoformat() argument 1 must be a unicode character, not %s",
                       str_check(v[0]) ? "str" : dt_arg_type_name(v[0]));
            return VNULL;
        }
        if (str_size(v[0]) == 1) sep = str_data(v[0])[0];
        else sepstr = v[0];
    }
    if (v[1] && !str_check(v[1])) {
        err_format(&exc_TypeError, "isoformat() argument 2 must be str, not %s", dt_arg_type_name(v[1]));
        return VNULL;
    }
    const char *spec = "auto";
    if (v[1] && dt_cstr(v[1], &spec) < 0) return VNULL;
    Value r = dt_isoformat(self, sep, spec);
    if (!r || !sepstr) return r;
    /* A non-ASCII separator: put it in place of the placeholder. */
    return str_concat(str_concat(str_slice(r, 0, 10), sepstr), str_slice(r, 11, str_len(r)));
}

static Value datetime_repr(Value self) {
    DateTimeObject *o = DTM(self);
    const char *tn = type_name(self);
    Value r;
    if (o->us)
        r = str_printf("%s(%d, %d, %d, %d, %d, %d, %d", tn, o->date.year, o->date.month, o->date.day, o->hour,
                       o->minute, o->second, o->us);
    else if (o->second)
        r = str_printf("%s(%d, %d, %d, %d, %d, %d", tn, o->date.year, o->date.month, o->date.day, o->hour, o->minute,
                       o->second);
    else
        r = str_printf("%s(%d, %d, %d, %d, %d", tn, o->date.year, o->date.month, o->date.day, o->hour, o->minute);
    if (!r) return VNULL;
    if (o->fold) r = str_printf("%U, fold=1", r);
    if (r && o->tzinfo != VNone) r = str_printf("%U, tzinfo=%R", r, o->tzinfo);
    return r ? str_printf("%U)", r) : VNULL;
}

static Value datetime_str(Value self) {
    if (val_type(self) == &dt_datetime_type) return dt_isoformat(self, ' ', "auto");
    Value sp = str_from_cstr(" ");
    return sp ? obj_call_method(self, "isoformat", &sp, 1) : VNULL;
}

static Value datetime_ctime(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("datetime.ctime");
    DateTimeObject *o = DTM(self);
    return str_printf("%s %s %2d %02d:%02d:%02d %04d",
                      dt_day_names[dt_weekday(o->date.year, o->date.month, o->date.day)],
                      dt_month_names[o->date.month - 1], o->date.day, o->hour, o->minute, o->second, o->date.year);
}

static Value dt_timetuple(Value self) {
    DateTimeObject *o = DTM(self);
    int dstflag = -1;
    if (o->tzinfo != VNone) {
        Value dst = dt_call_dst(o->tzinfo, self);
        if (!dst) return VNULL;
        if (dst != VNone) dstflag = dt_delta_us(dst) != 0;
    }
    return dt_struct_time(o->date.year, o->date.month, o->date.day, o->hour, o->minute, o->second, dstflag);
}

static Value datetime_timetuple(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("datetime.timetuple");
    return dt_timetuple(self);
}

Value dt_datetime_strftime(Value self, Value fmt) {
    Value tt = obj_call_method(self, "timetuple", NULL, 0);
    if (!tt) return VNULL;
    Value z, Z;
    if (dt_strftime_tz(fmt, DTM(self)->tzinfo, self, &z, &Z) < 0) return VNULL;
    return dt_wrap_strftime(fmt, tt, z, Z, DTM(self)->us);
}

static Value datetime_utctimetuple(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("datetime.utctimetuple");
    Value u = self;
    if (DTM(self)->tzinfo != VNone) {
        Value off = dt_offset(self);
        if (!off) return VNULL;
        if (off != VNone && !(u = dt_add_delta(self, off, -1))) return VNULL;
    }
    DateTimeObject *o = DTM(u);
    return dt_struct_time(o->date.year, o->date.month, o->date.day, o->hour, o->minute, o->second, 0);
}

static Value datetime_timestamp(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("datetime.timestamp");
    DateTimeObject *o = DTM(self);
    if (o->tzinfo != VNone) {
        Value off = dt_offset(self);
        if (!off) return VNULL;
        if (off != VNone) {
            dt_i128 us = dt_us(o) - dt_delta_us(off) - (dt_i128)EPOCH_SECONDS * 1000000;
            Value d = dt_delta_from_us(us);
            return d ? obj_call_method(d, "total_seconds", NULL, 0) : VNULL;
        }
    }
    long long secs;
    if (local_to_seconds(o->date.year, o->date.month, o->date.day, o->hour, o->minute, o->second, o->fold, &secs) <
        0)
        return VNULL;
    return float_new((double)(secs - EPOCH_SECONDS) + o->us / 1e6);
}

/* ---- parts, replace, astimezone ---- */

static Value datetime_date_m(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("datetime.date");
    DateTimeObject *o = DTM(self);
    return dt_date_new_ex(&dt_date_type, o->date.year, o->date.month, o->date.day);
}

static Value make_time(Value self, Value tz) {
    DateTimeObject *o = DTM(self);
    Value a[5] = {int_from_i64(o->hour), int_from_i64(o->minute), int_from_i64(o->second), int_from_i64(o->us), tz};
    Value t = obj_call(obj_val(&dt_time_type), a, 5, VNULL);
    if (t) ((TimeObject *)t)->fold = o->fold;
    return t;
}

static Value datetime_time_m(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("datetime.time");
    return make_time(self, VNone);
}

static Value datetime_timetz(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("datetime.timetz");
    return make_time(self, DTM(self)->tzinfo);
}

static Value datetime_replace(Value self, Value *args, size_t nargs, Value kw) {
    DateTimeObject *o = DTM(self);
    Value v[9];
    int iv[9] = {o->date.year, o->date.month, o->date.day, o->hour, o->minute, o->second, o->us, 0, o->fold};
    if (dt_parse("replace()", args, nargs, kw, dt_kwnames, "iiiiiiiOi", 8, 0, v, iv) < 0) return VNULL;
    Value tz = v[7] ? v[7] : o->tzinfo;
    if (dt_check_date(iv[0], iv[1], iv[2]) < 0 || dt_check_time(iv[3], iv[4], iv[5], iv[6], iv[8]) < 0 ||
        dt_check_tzinfo(tz) < 0)
        return VNULL;
    return dt_alloc(val_type(self), iv[0], iv[1], iv[2], iv[3], iv[4], iv[5], iv[6], tz, iv[8]);
}

static Value local_timezone_from_local(Value self) {
    DateTimeObject *o = DTM(self);
    long long secs;
    if (local_to_seconds(o->date.year, o->date.month, o->date.day, o->hour, o->minute, o->second, o->fold, &secs) <
        0)
        return VNULL;
    return local_timezone_at(secs - EPOCH_SECONDS);
}

static Value datetime_astimezone(Value self, Value *args, size_t nargs, Value kw) {
    Value v[1];
    if (dt_parse("astimezone()", args, nargs, kw, (const char *const[]){"tz", NULL}, "O", 1, 0, v, NULL) < 0)
        return VNULL;
    Value tz = v[0] ? v[0] : VNone;
    if (dt_check_tzinfo(tz) < 0) return VNULL;
    Value self_tz = DTM(self)->tzinfo;
    Value off = VNone;
    if (self_tz != VNone) {
        if (self_tz == tz) return self;
        if (!(off = dt_call_utcoffset(self_tz, self))) return VNULL;
    }
    if (off == VNone) {
        /* Naive (or a tzinfo without offset): the local zone of that wall time. */
        if (!(self_tz = local_timezone_from_local(self))) return VNULL;
        if (self_tz == tz) return self;
        if (!(off = dt_call_utcoffset(self_tz, self))) return VNULL;
        if (off == VNone) {
            err_set(&exc_TypeError, "utcoffset() returned None, expected timedelta or None");
            return VNULL;
        }
    }
    Value r = dt_add_delta(self, off, -1);
    if (!r) return VNULL;
    GC_WRITE(val_obj(r), DTM(r)->tzinfo, dt_utc);
    if (tz == VNone) {
        dt_i128 us = dt_us(DTM(r)) - (dt_i128)EPOCH_SECONDS * 1000000;
        dt_i128 s = us / 1000000 - (us % 1000000 < 0);
        if (!(tz = local_timezone_at((long long)s))) return VNULL;
    }
    GC_WRITE(val_obj(r), DTM(r)->tzinfo, tz);
    return obj_call_method(tz, "fromutc", &r, 1);
}

/* ---- pickling ---- */

static Value dt_reduce_common(Value self, int proto) {
    unsigned char b[10];
    dt_bytes(DTM(self), b, proto > 3);
    Value st = bytes_new((const char *)b, 10);
    if (!st) return VNULL;
    Value a = DTM(self)->tzinfo == VNone ? tuple_pack(1, st) : tuple_pack(2, st, DTM(self)->tzinfo);
    return a ? tuple_pack(2, obj_val(val_type(self)), a) : VNULL;
}

static Value datetime_reduce_ex(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__reduce_ex__", kw) < 0 || arg_count("__reduce_ex__", nargs, 1, 1) < 0) return VNULL;
    int proto;
    if (dt_parse_ints("function", args, 1, VNULL, (const char *const[]){"protocol", NULL}, 1, &proto) < 0)
        return VNULL;
    return dt_reduce_common(self, proto);
}

static Value datetime_reduce(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("datetime.__reduce__");
    return dt_reduce_common(self, 2);
}

static Value get_hour(Value self) { return int_from_i64(DTM(self)->hour); }
static Value get_minute(Value self) { return int_from_i64(DTM(self)->minute); }
static Value get_second(Value self) { return int_from_i64(DTM(self)->second); }
static Value get_us(Value self) { return int_from_i64(DTM(self)->us); }
static Value get_tzinfo(Value self) { return DTM(self)->tzinfo; }
static Value get_fold(Value self) { return int_from_i64(DTM(self)->fold); }

static const MethodDef datetime_methods[] = {
    {"now", datetime_now, METH_CLASS, "Returns new datetime object representing current time local to tz.\n\n  tz\n    Timezone object.\n\nIf no tz is specified, uses local timezone."},
    {"utcnow", datetime_utcnow, METH_CLASS, "Return a new datetime representing UTC day and time."},
    {"fromtimestamp", datetime_fromtimestamp, METH_CLASS, "timestamp[, tz] -> tz's local time from POSIX timestamp."},
    {"utcfromtimestamp", datetime_utcfromtimestamp, METH_CLASS, "Construct a naive UTC datetime from a POSIX timestamp."},
    {"strptime", datetime_strptime, METH_CLASS, "string, format -> new datetime parsed from a string (like time.strptime())."},
    {"combine", datetime_combine, METH_CLASS, "date, time -> datetime with same date and time fields"},
    {"fromisoformat", datetime_fromisoformat, METH_CLASS, "string -> datetime from a string in most ISO 8601 formats"},
    {"date", datetime_date_m, 0, "Return date object with same year, month and day."},
    {"time", datetime_time_m, 0, "Return time object with same time but with tzinfo=None."},
    {"timetz", datetime_timetz, 0, "Return time object with same time and tzinfo."},
    {"ctime", datetime_ctime, 0, "Return ctime() style string."},
    {"timetuple", datetime_timetuple, 0, "Return time tuple, compatible with time.localtime()."},
    {"timestamp", datetime_timestamp, 0, "Return POSIX timestamp as float."},
    {"utctimetuple", datetime_utctimetuple, 0, "Return UTC time tuple, compatible with time.localtime()."},
    {"isoformat", datetime_isoformat, 0,
     "[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].\n"
     "sep is used to separate the year from the time, and defaults to 'T'.\n"
     "The optional argument timespec specifies the number of additional terms\n"
     "of the time to include. Valid options are 'auto', 'hours', 'minutes',\n'seconds', 'milliseconds' and 'microseconds'.\n"},
    {"utcoffset", datetime_utcoffset, 0, "Return self.tzinfo.utcoffset(self)."},
    {"tzname", datetime_tzname, 0, "Return self.tzinfo.tzname(self)."},
    {"dst", datetime_dst, 0, "Return self.tzinfo.dst(self)."},
    {"replace", datetime_replace, 0, "Return datetime with new specified fields."},
    {"astimezone", datetime_astimezone, 0, "tz -> convert to local time in new timezone tz\n"},
    {"__reduce_ex__", datetime_reduce_ex, 0, "__reduce_ex__(proto) -> (cls, state)"},
    {"__reduce__", datetime_reduce, 0, "__reduce__() -> (cls, state)"},
    {NULL},
};

static const GetSetDef datetime_getsets[] = {
    {"hour", get_hour, NULL, NULL},
    {"minute", get_minute, NULL, NULL},
    {"second", get_second, NULL, NULL},
    {"microsecond", get_us, NULL, NULL},
    {"tzinfo", get_tzinfo, NULL, NULL},
    {"fold", get_fold, NULL, NULL},
    {NULL},
};

Type dt_datetime_type = {
    .hdr = {0, &type_type},
    .name = "datetime.datetime",
    .base = &dt_date_type,
    .basicsize = sizeof(DateTimeObject),
    .flags = TF_BASETYPE,
    .trace = datetime_trace,
    .new = datetime_new,
    .repr = datetime_repr,
    .str = datetime_str,
    .hash = datetime_hash,
    .richcompare = datetime_richcompare,
    .nb = {[BINOP_ADD] = datetime_add, [BINOP_SUB] = datetime_sub},
    .methods = datetime_methods,
    .getsets = datetime_getsets,
    .doc = "datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])\n\n"
           "The year, month and day arguments are required. tzinfo may be None, or an\n"
           "instance of a tzinfo subclass. The remaining arguments may be ints.\n",
};

void dt_datetime_ready(void) {
    type_ready(&dt_datetime_type);
    Value d = dt_datetime_type.dict;
    dict_set_cstr(d, "min", dt_alloc(&dt_datetime_type, 1, 1, 1, 0, 0, 0, 0, VNone, 0));
    dict_set_cstr(d, "max", dt_alloc(&dt_datetime_type, 9999, 12, 31, 23, 59, 59, 999999, VNone, 0));
    dict_set_cstr(d, "resolution", dt_delta_new_raw(&dt_delta_type, 0, 0, 1));
    type_modified(&dt_datetime_type);
}
