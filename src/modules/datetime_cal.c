/* datetime_cal.c - proleptic Gregorian calendar arithmetic and helpers shared by the _datetime types. */
#include "datetime.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "../vm/import.h"
#include "../gc/gc.h"
#include "cargs.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *const dt_day_names[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char *const dt_month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static const int month_days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
static const int days_before[14] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

int dt_days_in_month(int year, int month) { return month == 2 && dt_is_leap(year) ? 29 : month_days[month]; }

int dt_days_before_month(int year, int month) { return days_before[month] + (month > 2 && dt_is_leap(year)); }

static int days_before_year(int year) {
    int y = year - 1;
    return y * 365 + y / 4 - y / 100 + y / 400;
}

int dt_ymd_to_ord(int year, int month, int day) {
    return days_before_year(year) + dt_days_before_month(year, month) + day;
}

/* Ordinal 1 is 0001-01-01.  Cycles of 400, 100, 4 and 1 years from there. */
void dt_ord_to_ymd(int ordinal, int *year, int *month, int *day) {
    int n = ordinal - 1;
    int n400 = n / 146097;
    n %= 146097;
    int n100 = n / 36524;
    n %= 36524;
    int n4 = n / 1461;
    n %= 1461;
    int n1 = n / 365;
    n %= 365;
    *year = n400 * 400 + 1 + n100 * 100 + n4 * 4 + n1;
    if (n1 == 4 || n100 == 4) {
        /* The last day of a 4- or 400-year cycle. */
        *year -= 1;
        *month = 12;
        *day = 31;
        return;
    }
    bool leap = n1 == 3 && (n4 != 24 || n100 == 3);
    int m = (n + 50) >> 5;   /* the month or the one after it */
    int preceding = days_before[m] + (m > 2 && leap);
    if (preceding > n) {
        m--;
        preceding -= m == 2 && leap ? 29 : month_days[m];
    }
    *month = m;
    *day = n - preceding + 1;
}

int dt_iso_week1_monday(int year) {
    int first = dt_ymd_to_ord(year, 1, 1);
    int wd = (first + 6) % 7;
    int monday = first - wd;
    return wd > 3 ? monday + 7 : monday;
}

void dt_isocalendar(int y, int m, int d, int *iy, int *iw, int *iwd) {
    int today = dt_ymd_to_ord(y, m, d);
    int monday = dt_iso_week1_monday(y);
    int diff = today - monday;
    int week = diff >= 0 ? diff / 7 : -((-diff + 6) / 7);
    if (week < 0) {
        y--;
        monday = dt_iso_week1_monday(y);
        week = (today - monday) / 7;
    } else if (week >= 52 && today >= dt_iso_week1_monday(y + 1)) {
        y++;
        week = 0;
    }
    *iy = y;
    *iw = week + 1;
    *iwd = (today + 6) % 7 + 1;
}

int dt_check_date(int year, int month, int day) {
    if (year < DT_MINYEAR || year > DT_MAXYEAR) {
        err_format(&exc_ValueError, "year %d is out of range", year);
        return -1;
    }
    if (month < 1 || month > 12) {
        err_set(&exc_ValueError, "month must be in 1..12");
        return -1;
    }
    if (day < 1 || day > dt_days_in_month(year, month)) {
        err_set(&exc_ValueError, "day is out of range for month");
        return -1;
    }
    return 0;
}

int dt_normalize_date(int *year, int *month, int *day) {
    int dim = dt_days_in_month(*year, *month);
    if (*day >= 1 && *day <= dim) return 0;
    long long ord = (long long)dt_ymd_to_ord(*year, *month, 1) + *day - 1;
    if (ord < 1 || ord > DT_MAXORDINAL) {
        err_set(&exc_OverflowError, "date value out of range");
        return -1;
    }
    dt_ord_to_ymd((int)ord, year, month, day);
    return 0;
}

Value dt_cmp_result(int c, int op) {
    switch (op) {
    case CMP_LT: return val_bool(c < 0);
    case CMP_LE: return val_bool(c <= 0);
    case CMP_EQ: return val_bool(c == 0);
    case CMP_NE: return val_bool(c != 0);
    case CMP_GT: return val_bool(c > 0);
    default: return val_bool(c >= 0);
    }
}

/* ---- arguments ---- */

int dt_parse(const char *fname, Value *args, size_t nargs, Value kwnames, const char *const *names,
             const char *kinds, size_t maxpos, size_t nrequired, Value *out, int *iout) {
    size_t n = 0;
    while (names[n]) n++;
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    if (nargs + nkw > n) {
        err_format(&exc_TypeError, "%s takes at most %zu %sargument%s (%zu given)", fname, n,
                   nargs == 0 ? "keyword " : "", n == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    if (nargs > maxpos) {
        err_format(&exc_TypeError, "%s takes %s %zu positional argument%s (%zu given)", fname,
                   nrequired < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    size_t used = 0;
    for (size_t i = 0; i < n; i++) out[i] = VNULL;
    for (size_t i = 0; i < n; i++) {
        Value v = VNULL;
        if (i < nargs) v = args[i];
        else if (nkw > used) {
            for (size_t k = 0; k < nkw; k++)
                if (str_eq_cstr(tuple_items(kwnames)[k], names[i])) {
                    v = args[nargs + k];
                    used++;
                    break;
                }
        }
        if (v) {
            out[i] = v;
            if (kinds[i] == 'i' && carg_int(v, &iout[i]) < 0) return -1;
            continue;
        }
        if (i < nrequired) {
            err_format(&exc_TypeError, "%s missing required argument '%s' (pos %zu)", fname, names[i], i + 1);
            return -1;
        }
        if (used == nkw) return 0;
    }
    for (size_t k = 0; k < nkw; k++) {
        Value kn = tuple_items(kwnames)[k];
        size_t i = 0;
        while (i < n && !str_eq_cstr(kn, names[i])) i++;
        if (i < nargs) {
            err_format(&exc_TypeError, "argument for %s given by name ('%s') and position (%zu)", fname, names[i],
                       i + 1);
            return -1;
        }
        if (i == n) {
            err_format(&exc_TypeError, "'%U' is an invalid keyword argument for %s", kn,
                       strcmp(fname, "function") ? fname : "this function");
            return -1;
        }
    }
    return 0;
}

int dt_parse_ints(const char *fname, Value *args, size_t nargs, Value kwnames, const char *const *names,
                  size_t nrequired, int *out) {
    Value v[8];
    size_t n = 0;
    while (names[n]) n++;
    return dt_parse(fname, args, nargs, kwnames, names, "iiiiiiii", n, nrequired, v, out);
}

int dt_time_t_arg(Value v, long long *out) {
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
        *out = (long long)d;
        return 0;
    }
    Value i = num_index(v);
    if (!i) return -1;
    if (!int_fits_i64(i)) {
        err_set(&exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = int_as_i64(i);
    return 0;
}

int dt_cstr(Value s, const char **out) {
    if (strlen(str_data(s)) != str_size(s)) {
        err_set(&exc_ValueError, "embedded null character");
        return -1;
    }
    /* Lone surrogates: the UnicodeEncodeError of CPython's UTF-8 conversion. */
    if (!str_is_ascii(s) && !str_encode(s, "utf-8", "strict")) return -1;
    *out = str_data(s);
    return 0;
}

/* ---- the time module ---- */

static Value time_module;

static Value time_attr(const char *name) {
    if (!time_module) {
        Value m = import_module(str_intern_cstr("time"));
        if (!m) return VNULL;
        time_module = m;
        gc_add_root(&time_module);
    }
    return obj_getattr_cstr(time_module, name);
}

Value dt_struct_time(int y, int m, int d, int hh, int mm, int ss, int dstflag) {
    Value st = time_attr("struct_time");
    if (!st) return VNULL;
    int yday = dt_days_before_month(y, m) + d;
    Value t = tuple_pack(9, int_from_i64(y), int_from_i64(m), int_from_i64(d), int_from_i64(hh), int_from_i64(mm),
                         int_from_i64(ss), int_from_i64(dt_weekday(y, m, d)), int_from_i64(yday),
                         int_from_i64(dstflag));
    return t ? obj_call(st, &t, 1, VNULL) : VNULL;
}

Value dt_wrap_strftime(Value format, Value timetuple, Value zreplace, Value Zreplace, int us) {
    /* CPython reads the format as a C string: it ends at an embedded NUL. */
    const char *p = str_data(format), *end = p + strnlen(p, str_size(format));
    StrBuilder sb;
    sb_init(&sb);
    while (p < end) {
        const char *pct = memchr(p, '%', (size_t)(end - p));
        if (!pct) {
            sb_append(&sb, p, (size_t)(end - p));
            break;
        }
        sb_append(&sb, p, (size_t)(pct - p));
        if (pct + 1 == end) {
            sb_append(&sb, "%", 1);
            break;
        }
        char c = pct[1];
        if (c == 'z' && zreplace) sb_append(&sb, str_data(zreplace), str_size(zreplace));
        else if (c == 'Z' && Zreplace) sb_append(&sb, str_data(Zreplace), str_size(Zreplace));
        else if (c == 'f') {
            char buf[8];
            snprintf(buf, sizeof buf, "%06d", us);
            sb_append(&sb, buf, 6);
        } else sb_append(&sb, pct, 2);
        p = pct + 2;
    }
    Value fmt = sb_finish(&sb);
    Value f = fmt ? time_attr("strftime") : VNULL;
    if (!f) return VNULL;
    Value a[2] = {fmt, timetuple};
    return obj_call(f, a, 2, VNULL);
}
