/* time.c - the time module: clocks, sleep, struct_time conversions (gmtime, localtime, mktime), strftime, asctime, time zones. */
#include "os_util.h"
#include "signal.h"
#include "structseq.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"
#include "../vm/gil.h"
#include "../gc/gc.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
 * struct_time is a struct sequence of nine visible fields (tm_year ...
 * tm_isdst) with tm_zone and tm_gmtoff as hidden ones, like CPython's.
 * Its conventions differ from C's struct tm: the month and the day of the
 * year count from 1, and Monday is day 0 of the week.  tm_to_struct_time
 * and struct_time_to_tm translate, with CPython's range checks.
 */

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

static Type *struct_time_type;
static Value time_module;   /* for tzset() to update timezone, tzname... */

static const char *const struct_time_fields[] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
    "tm_zone", "tm_gmtoff", NULL,
};

/* ---- Clocks ---- */

typedef struct ClockDef {
    const char *name;           /* get_clock_info's name */
    clockid_t id;
    const char *implementation;
    bool monotonic, adjustable;
} ClockDef;

static const ClockDef clocks[] = {
    {"time", CLOCK_REALTIME, "clock_gettime(CLOCK_REALTIME)", false, true},
    {"monotonic", CLOCK_MONOTONIC, "clock_gettime(CLOCK_MONOTONIC)", true, false},
    {"perf_counter", CLOCK_MONOTONIC, "clock_gettime(CLOCK_MONOTONIC)", true, false},
    {"process_time", CLOCK_PROCESS_CPUTIME_ID, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false},
    {"thread_time", CLOCK_THREAD_CPUTIME_ID, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false},
};

static int read_clock(clockid_t id, struct timespec *t) {
    if (clock_gettime(id, t) != 0) {
        os_error(errno);
        return -1;
    }
    return 0;
}

static Value clock_float(clockid_t id) {
    struct timespec t;
    if (read_clock(id, &t) < 0) return VNULL;
    return os_timespec_to_float(&t);
}

static Value clock_ns(clockid_t id) {
    struct timespec t;
    if (read_clock(id, &t) < 0) return VNULL;
    return int_from_i64((int64_t)t.tv_sec * 1000000000 + t.tv_nsec);
}

#define CLOCK_FUNCS(pyname, id)                                                          \
    FN(pyname##_m) {                                                                      \
        if (arg_count("time." #pyname, nargs, 0, 0) < 0) return VNULL;                    \
        return clock_float(id);                                                           \
    }                                                                                     \
    FN(pyname##_ns_m) {                                                                   \
        if (arg_count("time." #pyname "_ns", nargs, 0, 0) < 0) return VNULL;              \
        return clock_ns(id);                                                              \
    }
CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)
#undef CLOCK_FUNCS

FN(clock_gettime_m) {
    int id;
    if (os_tuple_args("clock_gettime", nargs, kwnames, 1, 1) < 0 || os_int(args[0], &id) < 0) return VNULL;
    return clock_float((clockid_t)id);
}

FN(clock_gettime_ns_m) {
    int id;
    /* CPython's message names clock_gettime here too. */
    if (os_tuple_args("clock_gettime", nargs, kwnames, 1, 1) < 0 || os_int(args[0], &id) < 0) return VNULL;
    return clock_ns((clockid_t)id);
}

FN(clock_getres_m) {
    int id;
    if (os_tuple_args("clock_getres", nargs, kwnames, 1, 1) < 0 || os_int(args[0], &id) < 0) return VNULL;
    struct timespec t;
    if (clock_getres((clockid_t)id, &t) != 0) return os_error(errno);
    return os_timespec_to_float(&t);
}

FN(clock_settime_m) {
    int id;
    int64_t ns;
    if (os_tuple_args("clock_settime", nargs, kwnames, 2, 2) < 0 ||
        os_int(args[0], &id) < 0 || os_seconds_to_ns(args[1], OS_ROUND_FLOOR, &ns) < 0)
        return VNULL;
    struct timespec t = {ns / 1000000000, ns % 1000000000};
    if (clock_settime((clockid_t)id, &t) != 0) return os_error(errno);
    return VNone;
}

FN(clock_settime_ns_m) {
    int id;
    int64_t ns;
    if (os_tuple_args("clock_settime_ns", nargs, kwnames, 2, 2) < 0 ||
        os_int(args[0], &id) < 0 || os_i64(args[1], &ns) < 0)
        return VNULL;
    struct timespec t = {ns / 1000000000, ns % 1000000000};
    if (t.tv_nsec < 0) {
        t.tv_nsec += 1000000000;
        t.tv_sec--;
    }
    if (clock_settime((clockid_t)id, &t) != 0) return os_error(errno);
    return VNone;
}

FN(get_clock_info_m) {
    if (os_tuple_args("get_clock_info", nargs, kwnames, 1, 1) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "get_clock_info() argument 1 must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    for (size_t i = 0; i < ARRAY_LEN(clocks); i++) {
        if (!str_eq_cstr(args[0], clocks[i].name)) continue;
        struct timespec res;
        double r = clock_getres(clocks[i].id, &res) == 0 ? (double)res.tv_sec + (double)res.tv_nsec * 1e-9 : 1e-9;
        extern Value namespace_new(void);
        Value ns = namespace_new();
        if (!ns || obj_setattr_cstr(ns, "implementation", str_from_cstr(clocks[i].implementation)) < 0 ||
            obj_setattr_cstr(ns, "monotonic", val_bool(clocks[i].monotonic)) < 0 ||
            obj_setattr_cstr(ns, "adjustable", val_bool(clocks[i].adjustable)) < 0 ||
            obj_setattr_cstr(ns, "resolution", float_new(r)) < 0)
            return VNULL;
        return ns;
    }
    err_set(&exc_ValueError, "unknown clock");
    return VNULL;
}

/* sleep(secs): sleep until a deadline on the monotonic clock, so a signal
 * whose handler returns normally does not shorten or lengthen the wait. */
FN(sleep_m) {
    int64_t ns;
    if (arg_no_kw("sleep", kwnames) < 0 || arg_count("time.sleep", nargs, 1, 1) < 0) return VNULL;
    if (os_seconds_to_ns(args[0], OS_ROUND_CEILING, &ns) < 0) return VNULL;
    if (ns < 0) {
        err_set(&exc_ValueError, "sleep length must be non-negative");
        return VNULL;
    }
    struct timespec deadline;
    if (read_clock(CLOCK_MONOTONIC, &deadline) < 0) return VNULL;
    int64_t end_s = deadline.tv_sec + ns / 1000000000, end_ns = deadline.tv_nsec + ns % 1000000000;
    if (end_ns >= 1000000000) {
        end_ns -= 1000000000;
        end_s++;
    }
    deadline.tv_sec = (time_t)end_s;
    deadline.tv_nsec = (long)end_ns;
    for (;;) {
        int e;
        GIL_RELEASE_BEGIN
        e = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        GIL_RELEASE_END
        if (e == 0) break;
        if (e != EINTR) return os_error(e);
        if (os_check_eintr() < 0) return VNULL;
    }
    return VNone;
}

/* ---- struct_time ---- */

static Value tm_to_struct_time(const struct tm *tm, const char *zone, long gmtoff) {
    Value items[11] = {
        int_from_i64((int64_t)tm->tm_year + 1900), val_from_int(tm->tm_mon + 1), val_from_int(tm->tm_mday),
        val_from_int(tm->tm_hour), val_from_int(tm->tm_min), val_from_int(tm->tm_sec),
        val_from_int((tm->tm_wday + 6) % 7), val_from_int(tm->tm_yday + 1), val_from_int(tm->tm_isdst),
        zone ? str_decode_utf8(zone, strlen(zone), "surrogateescape") : VNone, int_from_i64(gmtoff),
    };
    if (!items[0] || !items[9] || !items[10]) return VNULL;
    return structseq_from_array(struct_time_type, items);
}

/* Seconds since the epoch to time_t: None means now, floats round down. */
static int time_t_arg(Value v, time_t *out) {
    if (!v || v == VNone) {
        *out = time(NULL);
        return 0;
    }
    if (float_check(v)) {
        double d = float_value(v);
        if (isnan(d)) {
            err_set(&exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            err_set(&exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    int64_t s;
    if (os_i64(v, &s) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_set(&exc_OverflowError, "timestamp out of range for platform time_t");
        }
        return -1;
    }
    *out = (time_t)s;
    return 0;
}

FN(gmtime_m) {
    time_t t;
    if (os_tuple_args("gmtime", nargs, kwnames, 0, 1) < 0 ||
        time_t_arg(nargs ? args[0] : VNULL, &t) < 0)
        return VNULL;
    struct tm tm;
    errno = 0;
    if (!gmtime_r(&t, &tm)) return os_error(errno ? errno : EOVERFLOW);
    return tm_to_struct_time(&tm, tm.tm_zone, tm.tm_gmtoff);   /* glibc names it "GMT" */
}

static int local_tm(time_t t, struct tm *tm) {
    errno = 0;
    if (!localtime_r(&t, tm)) {
        os_error(errno ? errno : EINVAL);
        return -1;
    }
    return 0;
}

FN(localtime_m) {
    time_t t;
    if (os_tuple_args("localtime", nargs, kwnames, 0, 1) < 0 ||
        time_t_arg(nargs ? args[0] : VNULL, &t) < 0)
        return VNULL;
    struct tm tm;
    if (local_tm(t, &tm) < 0) return VNULL;
    return tm_to_struct_time(&tm, tm.tm_zone, tm.tm_gmtoff);
}

/* A 9-tuple or struct_time to struct tm (CPython's gettmarg); `fname`
 * names the caller in the "illegal time tuple" message.  The zone string
 * of a struct_time is kept alive in *zone_keep. */
static int struct_time_to_tm(Value v, struct tm *tm, const char *fname, Value *zone_keep) {
    memset(tm, 0, sizeof *tm);
    if (!tuple_check(v)) {
        err_set(&exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (tuple_size(v) != 9) {
        err_format(&exc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int f[9];
    for (int i = 0; i < 9; i++)
        if (os_int(tuple_get(v, i), &f[i]) < 0) return -1;
    if (f[0] < INT_MIN + 1900) {
        err_set(&exc_OverflowError, "year out of range");
        return -1;
    }
    tm->tm_year = f[0] - 1900;
    tm->tm_mon = f[1] - 1;
    tm->tm_mday = f[2];
    tm->tm_hour = f[3];
    tm->tm_min = f[4];
    tm->tm_sec = f[5];
    tm->tm_wday = (f[6] + 1) % 7;
    tm->tm_yday = f[7] - 1;
    tm->tm_isdst = f[8];
    if (val_type(v) == struct_time_type) {
        Value zone = structseq_get(v, 9), off = structseq_get(v, 10);
        if (zone != VNone) {
            Value b = str_check(zone) ? str_encode(zone, "utf-8", "surrogateescape") : VNULL;
            if (!b) {
                if (!err_occurred()) err_set(&exc_TypeError, "tm_zone must be a str");
                return -1;
            }
            *zone_keep = b;
            tm->tm_zone = bytes_data(b);
        }
        if (off != VNone) {
            long g;
            if (os_long(off, &g) < 0) return -1;
            tm->tm_gmtoff = g;
        }
    }
    return 0;
}

/* CPython's checktm: the ranges strftime and asctime accept (a zero month,
 * day or yday means the first). */
static int check_tm(struct tm *tm) {
    const char *what = NULL;
    if (tm->tm_mon == -1) tm->tm_mon = 0;
    else if (tm->tm_mon < 0 || tm->tm_mon > 11) what = "month out of range";
    if (!what) {
        if (tm->tm_mday == 0) tm->tm_mday = 1;
        else if (tm->tm_mday < 0 || tm->tm_mday > 31) what = "day of month out of range";
    }
    if (!what && (tm->tm_hour < 0 || tm->tm_hour > 23)) what = "hour out of range";
    if (!what && (tm->tm_min < 0 || tm->tm_min > 59)) what = "minute out of range";
    if (!what && (tm->tm_sec < 0 || tm->tm_sec > 61)) what = "seconds out of range";
    if (!what && tm->tm_wday < 0) what = "day of week out of range";
    if (!what) {
        if (tm->tm_yday == -1) tm->tm_yday = 0;
        else if (tm->tm_yday < 0 || tm->tm_yday > 365) what = "day of year out of range";
    }
    if (what) {
        err_set(&exc_ValueError, what);
        return -1;
    }
    return 0;
}

/* The tm for an optional struct_time argument: absent means localtime(now). */
static int tm_arg(Value v, struct tm *tm, const char *fname, Value *keep) {
    if (!v) {
        time_t now = time(NULL);
        return local_tm(now, tm);
    }
    if (struct_time_to_tm(v, tm, fname, keep) < 0) return -1;
    return check_tm(tm);
}

FN(mktime_m) {
    struct tm tm;
    Value keep = VNULL;
    if (arg_no_kw("mktime", kwnames) < 0 || arg_count("time.mktime", nargs, 1, 1) < 0 ||
        struct_time_to_tm(args[0], &tm, "mktime", &keep) < 0)
        return VNULL;
    tm.tm_wday = -1;   /* mktime sets it on success: -1 afterwards means failure */
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        err_set(&exc_OverflowError, "mktime argument out of range");
        return VNULL;
    }
    return float_new((double)t);
}

FN(strftime_m) {
    if (os_tuple_args("strftime", nargs, kwnames, 1, 2) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "strftime() argument 1 must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    struct tm tm;
    Value keep = VNULL;
    if (tm_arg(nargs > 1 ? args[1] : VNULL, &tm, "strftime", &keep) < 0) return VNULL;
    if (tm.tm_isdst < -1) tm.tm_isdst = -1;
    else if (tm.tm_isdst > 1) tm.tm_isdst = 1;
    Value fmt = str_encode(args[0], "utf-8", "surrogateescape");
    if (!fmt) return VNULL;
    size_t flen = (size_t)bytes_size(fmt);
    if (memchr(bytes_data(fmt), 0, flen)) {
        err_set(&exc_ValueError, "embedded null character");
        return VNULL;
    }
    /* strftime returns 0 both for "buffer too small" and for an empty
     * result: grow the buffer up to a generous bound, as CPython does. */
    for (size_t cap = 1024;; cap *= 2) {
        char *buf = malloc(cap);
        if (!buf) {
            err_no_memory();
            return VNULL;
        }
        size_t n = strftime(buf, cap, bytes_data(fmt), &tm);
        if (n > 0 || cap >= 256 * (flen + 1)) {
            Value r = str_decode_utf8(buf, n, "surrogateescape");
            free(buf);
            return r;
        }
        free(buf);
    }
}

/* "Sun Jun 20 23:21:05 1993": CPython formats it itself (C's asctime has
 * a fixed-size buffer and undefined behaviour for large years). */
static Value format_asctime(const struct tm *tm) {
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return str_printf("%s %s%3d %02d:%02d:%02d %lld", wday[tm->tm_wday % 7], mon[tm->tm_mon % 12], tm->tm_mday,
                      tm->tm_hour, tm->tm_min, tm->tm_sec, (long long)tm->tm_year + 1900);
}

FN(asctime_m) {
    if (arg_no_kw("asctime", kwnames) < 0 || arg_count("asctime", nargs, 0, 1) < 0) return VNULL;
    struct tm tm;
    Value keep = VNULL;
    if (tm_arg(nargs ? args[0] : VNULL, &tm, "asctime", &keep) < 0) return VNULL;
    return format_asctime(&tm);
}

FN(ctime_m) {
    time_t t;
    if (os_tuple_args("ctime", nargs, kwnames, 0, 1) < 0 ||
        time_t_arg(nargs ? args[0] : VNULL, &t) < 0)
        return VNULL;
    struct tm tm;
    if (local_tm(t, &tm) < 0) return VNULL;
    return format_asctime(&tm);
}

/* strptime is pure Python in the standard library, as in CPython:
 * _strptime._strptime_time(string, format) makes the struct_time. */
FN(strptime_m) {
    extern Value import_name(Value name, Value globals, Value fromlist, int level);
    if (arg_no_kw("strptime", kwnames) < 0) return VNULL;
    Value mod = import_name(str_intern_cstr("_strptime"), VNULL, VNone, 0);
    if (!mod) return VNULL;
    Value f = obj_getattr_cstr(mod, "_strptime_time");
    if (!f) return VNULL;
    return obj_call(f, args, nargs, VNULL);
}

/* ---- Time zones ---- */

/* CPython's init_timezone: look at January and July of this year; the
 * zone with the smaller UTC offset (west is positive) is standard time. */
static int init_timezone(Value m) {
    tzset();
    const time_t year = (365 * 24 + 6) * 3600;
    time_t t = (time(NULL) / year) * year;
    struct tm tm;
    char jan_name[16] = "   ", jul_name[16] = "   ";
    long jan_off = 0, jul_off = 0;
    if (localtime_r(&t, &tm)) {
        jan_off = -tm.tm_gmtoff;
        if (tm.tm_zone) snprintf(jan_name, sizeof jan_name, "%s", tm.tm_zone);
    }
    t += year / 2;
    if (localtime_r(&t, &tm)) {
        jul_off = -tm.tm_gmtoff;
        if (tm.tm_zone) snprintf(jul_name, sizeof jul_name, "%s", tm.tm_zone);
    }
    long tz, alt;
    const char *std, *dst;
    if (jan_off < jul_off) {   /* southern hemisphere: DST in January */
        tz = jul_off;
        alt = jan_off;
        std = jul_name;
        dst = jan_name;
    } else {
        tz = jan_off;
        alt = jul_off;
        std = jan_name;
        dst = jul_name;
    }
    Value names = tuple_pack(2, str_decode_utf8(std, strlen(std), "surrogateescape"),
                             str_decode_utf8(dst, strlen(dst), "surrogateescape"));
    if (!names || module_add(m, "timezone", int_from_i64(tz)) < 0 || module_add(m, "altzone", int_from_i64(alt)) < 0 ||
        module_add(m, "daylight", val_from_int(jan_off != jul_off)) < 0 || module_add(m, "tzname", names) < 0)
        return -1;
    return 0;
}

FN(tzset_m) {
    if (arg_count("time.tzset", nargs, 0, 0) < 0) return VNULL;
    if (init_timezone(time_module) < 0) return VNULL;
    return VNone;
}

static const MethodDef time_functions[] = {
    {"time", time_m, 0, "Return the current time in seconds since the Epoch."},
    {"time_ns", time_ns_m, 0, "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", monotonic_m, 0, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", monotonic_ns_m, 0, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", perf_counter_m, 0, "Performance counter for benchmarking."},
    {"perf_counter_ns", perf_counter_ns_m, 0, "Performance counter for benchmarking as nanoseconds."},
    {"process_time", process_time_m, 0, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", process_time_ns_m, 0, "Process time for profiling as nanoseconds."},
    {"thread_time", thread_time_m, 0, "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", thread_time_ns_m, 0, "Thread time for profiling as nanoseconds."},
    {"clock_gettime", clock_gettime_m, 0, "Return the time of the specified clock clk_id."},
    {"clock_gettime_ns", clock_gettime_ns_m, 0, "Return the time of the specified clock clk_id as nanoseconds."},
    {"clock_getres", clock_getres_m, 0, "Return the resolution (precision) of the specified clock clk_id."},
    {"clock_settime", clock_settime_m, 0, "Set the time of the specified clock clk_id."},
    {"clock_settime_ns", clock_settime_ns_m, 0, "Set the time of the specified clock clk_id with nanoseconds."},
    {"get_clock_info", get_clock_info_m, 0, "Get information of the specified clock."},
    {"sleep", sleep_m, 0, "Delay execution for a given number of seconds."},
    {"gmtime", gmtime_m, 0, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", localtime_m, 0, "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", mktime_m, 0, "Convert a time tuple in local time to seconds since the Epoch."},
    {"strftime", strftime_m, 0, "Convert a time tuple to a string according to a format specification."},
    {"strptime", strptime_m, 0, "Parse a string to a time tuple according to a format specification."},
    {"asctime", asctime_m, 0, "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", ctime_m, 0, "Convert a time in seconds since the Epoch to a string in local time."},
    {"tzset", tzset_m, 0, "Initialize, or reinitialize, the local timezone to the value of the environment variable TZ."},
    {NULL}
};

#define C(name) {#name, name}
static const struct { const char *name; int value; } time_constants[] = {
    C(CLOCK_REALTIME), C(CLOCK_MONOTONIC), C(CLOCK_MONOTONIC_RAW), C(CLOCK_PROCESS_CPUTIME_ID),
    C(CLOCK_THREAD_CPUTIME_ID), C(CLOCK_BOOTTIME), C(CLOCK_TAI),
};
#undef C

Value time_module_init(void) {
    Value m = module_new_cstr("time");
    if (!m || module_add_functions(m, time_functions) < 0) return VNULL;
    time_module = m;
    gc_add_root(&time_module);
    struct_time_type = structseq_new_type("time.struct_time", struct_time_fields, 9);
    structseq_set_doc(struct_time_type,
                      "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
                      " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
                      " sequence of 9 integers.\n\n"
                      " Note that several fields' values are not the same as those defined by\n"
                      " the C language standard for struct tm.  For example, the value of the\n"
                      " field tm_year is the actual year, not year - 1900.  See individual\n"
                      " fields' descriptions for details.");
    if (module_add(m, "struct_time", obj_val(struct_time_type)) < 0 ||
        module_add(m, "_STRUCT_TM_ITEMS", val_from_int(11)) < 0)
        return VNULL;
    for (size_t i = 0; i < ARRAY_LEN(time_constants); i++)
        if (module_add(m, time_constants[i].name, val_from_int(time_constants[i].value)) < 0) return VNULL;
    if (init_timezone(m) < 0) return VNULL;
    return m;
}
