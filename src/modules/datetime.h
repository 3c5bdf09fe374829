/* datetime.h - the _datetime module: object layouts and helpers shared by the datetime_*.c files. */
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

/* ---- date ---- */

#define DT_MINYEAR 1
#define DT_MAXYEAR 9999
#define DT_MAXORDINAL 3652059   /* date(9999, 12, 31).toordinal() */

typedef struct DateObject {
    Object hdr;
    hash_t hash;
    int32_t year;
    uint8_t month, day;
} DateObject;

extern Type dt_date_type, dt_isocal_type;

static inline bool dt_date_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &dt_date_type || val_isinstance(v, &dt_date_type));
}
extern Type dt_datetime_type;
static inline bool dt_datetime_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &dt_datetime_type || val_isinstance(v, &dt_datetime_type));
}

/* A date of class t: exact date is built directly, a subclass is called as
 * t(year, month, day) as CPython's new_date_subclass_ex does.  Range checked. */
Value dt_date_new_ex(Type *t, int year, int month, int day);
/* A pickled state of n bytes (bytes, or a str from a Python 2 pickle) as
 * values in cps: 1, or 0 if st is neither.  dt_state_bytes narrows them to
 * bytes, -1 with CPython's ValueError for a code point past latin-1. */
int dt_state_cps(Value st, size_t n, uint32_t *cps);
int dt_state_bytes(const uint32_t *cps, size_t n, unsigned char *out, const char *what);
Value dt_isocal_new(int year, int week, int weekday);
void dt_date_ready(void);
void dt_isocal_ready(void);

/* ---- calendar (datetime_cal.c) ---- */

static inline bool dt_is_leap(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }
int dt_days_in_month(int year, int month);
int dt_days_before_month(int year, int month);
int dt_ymd_to_ord(int year, int month, int day);
void dt_ord_to_ymd(int ordinal, int *year, int *month, int *day);
static inline int dt_weekday(int y, int m, int d) { return (dt_ymd_to_ord(y, m, d) + 6) % 7; }
int dt_iso_week1_monday(int year);
void dt_isocalendar(int y, int m, int d, int *iy, int *iw, int *iwd);
/* CPython's check_date_args: ValueError "year 0 is out of range"... */
int dt_check_date(int year, int month, int day);
/* year/month/day with day possibly out of its month: to a real date, or
 * OverflowError "date value out of range". */
int dt_normalize_date(int *year, int *month, int *day);

/* PyArg_ParseTupleAndKeywords: names[] NULL-terminated, the first nrequired
 * required, at most maxpos by position; kinds[i] 'i' converts to iout[i]
 * ("i" unit), 'O' leaves the Value in out[i] (VNULL if absent).  fname is
 * "function" or "replace()" etc. as in CPython's messages.  Absent optional
 * ints keep the value iout[i] had. */
int dt_parse(const char *fname, Value *args, size_t nargs, Value kwnames, const char *const *names,
             const char *kinds, size_t maxpos, size_t nrequired, Value *out, int *iout);
/* dt_parse with every argument an int, all positional or keyword. */
int dt_parse_ints(const char *fname, Value *args, size_t nargs, Value kwnames, const char *const *names,
                  size_t nrequired, int *out);
/* A str argument as a C string (CPython's "s" unit after the type check):
 * ValueError for an embedded NUL, UnicodeEncodeError for a lone surrogate. */
int dt_cstr(Value s, const char **out);
/* _PyTime_ObjectToTime_t with floor rounding. */
int dt_time_t_arg(Value v, long long *out);
/* time.struct_time(fields) */
Value dt_struct_time(int y, int m, int d, int hh, int mm, int ss, int dstflag);
/* CPython's wrap_strftime: %z, %Z and %f replaced, then time.strftime(fmt, timetuple). */
Value dt_wrap_strftime(Value format, Value timetuple, Value zreplace, Value Zreplace, int us);
/* rich comparison of a three-way result */
Value dt_cmp_result(int c, int op);
extern const char *const dt_day_names[7], *const dt_month_names[12];

/* ---- tzinfo and timezone ---- */

typedef struct TimezoneObject {
    Object hdr;
    Value offset;   /* timedelta strictly within a day */
    Value name;     /* str or VNULL */
} TimezoneObject;

extern Type dt_tzinfo_type, dt_timezone_type;
extern Value dt_utc;   /* timezone.utc */

static inline bool dt_tzinfo_check(Value v) { return val_isinstance(v, &dt_tzinfo_type); }
static inline bool dt_timezone_check(Value v) { return !val_is_int(v) && val_obj(v)->type == &dt_timezone_type; }
/* timezone(offset, name) for a valid offset (utc for offset 0 and no name). */
Value dt_timezone_new(Value offset, Value name);
/* CPython's range check of a utcoffset: ValueError "offset must be a timedelta strictly between ..." */
int dt_check_offset(Value offset, bool show);   /* show: ", not <repr>." */
/* tzinfo.utcoffset(arg) / dst(arg) with CPython's checks; None for a None tzinfo. */
Value dt_call_utcoffset(Value tzinfo, Value arg);
Value dt_call_dst(Value tzinfo, Value arg);
Value dt_call_tzname(Value tzinfo, Value arg);
/* "+HH:MM[:SS[.ffffff]]" of a timedelta (sep between fields). */
Value dt_format_offset(Value offset, const char *sep);
void dt_tz_ready(void);

/* The type name in "must be str, not None" messages (CPython's _PyArg_BadArgument). */
static inline const char *dt_arg_type_name(Value v) { return v == VNone ? "None" : type_name(v); }

/* ---- time ---- */

typedef struct TimeObject {
    Object hdr;
    hash_t hash;
    uint8_t hour, minute, second, fold;
    int32_t us;
    Value tzinfo;   /* None or a tzinfo */
} TimeObject;

extern Type dt_time_type;

static inline bool dt_time_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &dt_time_type || val_isinstance(v, &dt_time_type));
}
/* CPython's check_time_args and check_tzinfo_subclass. */
int dt_check_time(int h, int m, int s, int us, int fold);
int dt_check_tzinfo(Value tz);
/* "HH:MM:SS.ffffff" per timespec ("auto"... "microseconds") into buf; -1 with ValueError for an unknown one. */
int dt_format_time(char *buf, size_t size, int h, int m, int s, int us, const char *timespec);
/* The time part of an ISO string: 0 (no offset), 1 (offset in *tzsec, *tzus), < 0 invalid. */
int dt_parse_iso_time(const char *p, const char *end, int *h, int *m, int *s, int *us, int *tzsec, int *tzus);
/* The tzinfo of a parsed offset: timezone.utc or a timezone (range checked). */
Value dt_tz_from_offset(int rv, int tzsec, int tzus);
void dt_time_ready(void);

/* ---- datetime ---- */

/* A date followed by a time of day: date's methods read the DateObject prefix. */
typedef struct DateTimeObject {
    DateObject date;
    uint8_t hour, minute, second, fold;
    int32_t us;
    Value tzinfo;   /* None or a tzinfo */
} DateTimeObject;

/* parse_isoformat_date of datetime_date.c: p..p+len, 0 or -1 */
int dt_parse_iso_date(const char *p, size_t len, int *y, int *m, int *d);
/* %z and %Z replacements for strftime of an object with tzinfo (arg: what the tzinfo methods get). */
int dt_strftime_tz(Value fmt, Value tzinfo, Value arg, Value *z, Value *Z);
Value dt_datetime_strftime(Value self, Value fmt);
void dt_datetime_ready(void);
