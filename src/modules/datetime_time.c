/* datetime_time.c - datetime.time: a time of day with an optional tzinfo, and the time-of-day helpers datetime shares. */
#include "datetime.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/bytes.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <stdio.h>
#include <string.h>

#define TM(v) ((TimeObject *)(v))

/* ---- shared helpers ---- */

int dt_check_time(int h, int m, int s, int us, int fold) {
    const char *msg = NULL;
    if (h < 0 || h > 23) msg = "hour must be in 0..23";
    else if (m < 0 || m > 59) msg = "minute must be in 0..59";
    else if (s < 0 || s > 59) msg = "second must be in 0..59";
    else if (us < 0 || us > 999999) msg = "microsecond must be in 0..999999";
    else if (fold != 0 && fold != 1) msg = "fold must be either 0 or 1";
    if (!msg) return 0;
    err_set(&exc_ValueError, msg);
    return -1;
}

int dt_check_tzinfo(Value tz) {
    if (tz == VNone || dt_tzinfo_check(tz)) return 0;
    err_format(&exc_TypeError, "tzinfo argument must be None or of a tzinfo subclass, not type '%s'", type_name(tz));
    return -1;
}

int dt_format_time(char *buf, size_t size, int h, int m, int s, int us, const char *ts) {
    if (!strcmp(ts, "auto")) ts = us ? "microseconds" : "seconds";
    if (!strcmp(ts, "hours")) return snprintf(buf, size, "%02d", h);
    if (!strcmp(ts, "minutes")) return snprintf(buf, size, "%02d:%02d", h, m);
    if (!strcmp(ts, "seconds")) return snprintf(buf, size, "%02d:%02d:%02d", h, m, s);
    if (!strcmp(ts, "milliseconds")) return snprintf(buf, size, "%02d:%02d:%02d.%03d", h, m, s, us / 1000);
    if (!strcmp(ts, "microseconds")) return snprintf(buf, size, "%02d:%02d:%02d.%06d", h, m, s, us);
    err_set(&exc_ValueError, "Unknown timespec value");
    return -1;
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

/* [HH[:?MM[:?SS[{.,}fff[fff]]]]] filling p..end exactly: 0, or -1.  Follows
 * CPython's parse_hh_mm_ss_ff, quirks included ("12:30:45:1" has a fraction). */
static int parse_hms(const char *p, const char *end, int *h, int *m, int *s, int *us) {
    int *vals[3] = {h, m, s};
    *h = *m = *s = *us = 0;
    bool sep = true;
    for (int i = 0; i < 3; i++) {
        if (digits(p, end, 2, vals[i]) < 0) return -1;
        p += 2;
        if (p == end) return 0;
        char c = *p++;
        if (i == 0) sep = c == ':';
        if (p >= end) return -1;
        if (sep && c == ':') continue;
        if (c == '.' || c == ',') break;
        if (!sep) p--;
        else return -1;
    }
    size_t n = (size_t)(end - p), take = n < 6 ? n : 6;
    int v;
    if (take == 0 || digits(p, end, (int)take, &v) < 0) return -1;
    for (size_t k = take; k < 6; k++) v *= 10;
    *us = v;
    for (p += take; p < end; p++)
        if (*p < '0' || *p > '9') return -1;
    return 0;
}

int dt_parse_iso_time(const char *p, const char *end, int *h, int *m, int *s, int *us, int *tzsec, int *tzus) {
    const char *tz = p;
    while (tz < end && *tz != 'Z' && *tz != '+' && *tz != '-') tz++;
    if (parse_hms(p, tz, h, m, s, us) < 0) return -1;
    if (tz == end) return 0;
    if (*tz == 'Z') {
        *tzsec = *tzus = 0;
        return tz + 1 == end ? 1 : -1;
    }
    int sign = *tz == '-' ? -1 : 1, th, tm, tsec, tu;
    if (parse_hms(tz + 1, end, &th, &tm, &tsec, &tu) < 0) return -1;
    *tzsec = sign * (th * 3600 + tm * 60 + tsec);
    *tzus = sign * tu;
    return 1;
}

Value dt_tz_from_offset(int rv, int tzsec, int tzus) {
    if (rv == 0) return VNone;
    if (tzsec == 0 && tzus == 0) return dt_utc;
    Value off = dt_delta_from_us((dt_i128)tzsec * 1000000 + tzus);
    if (!off || dt_check_offset(off, true) < 0) return VNULL;
    return dt_timezone_new(off, VNULL);
}

int dt_strftime_tz(Value fmt, Value tzinfo, Value arg, Value *z, Value *Z) {
    *z = *Z = str_empty();
    const char *f = str_data(fmt);
    if (tzinfo == VNone) return 0;
    /* Only computed when the format has %z or %Z, as CPython. */
    if (strstr(f, "%z")) {
        Value off = dt_call_utcoffset(tzinfo, arg);
        if (!off) return -1;
        if (off != VNone && !(*z = dt_format_offset(off, ""))) return -1;
    }
    if (strstr(f, "%Z")) {
        Value n = dt_call_tzname(tzinfo, arg);
        if (!n) return -1;
        if (n != VNone) {
            /* A % in the name must survive time.strftime. */
            Value a[2] = {str_from_cstr("%"), str_from_cstr("%%")};
            *Z = obj_call_method(n, "replace", a, 2);
            if (!*Z) return -1;
            if (!str_check(*Z)) {
                err_set(&exc_TypeError, "tzname.replace() did not return a string");
                return -1;
            }
        }
    }
    return 0;
}

/* ---- construction ---- */

static Value time_alloc(Type *t, int h, int m, int s, int us, Value tz, int fold) {
    TimeObject *o = t == &dt_time_type ? gc_alloc(t, sizeof(TimeObject)) : (TimeObject *)type_generic_alloc(t, 0);
    if (!o) return VNULL;
    o->hash = -1;
    o->hour = (uint8_t)h;
    o->minute = (uint8_t)m;
    o->second = (uint8_t)s;
    o->us = us;
    o->fold = (uint8_t)fold;
    GC_WRITE(o, o->tzinfo, tz);
    return obj_val(o);
}

static void time_trace(Object *o) { gc_mark(((TimeObject *)o)->tzinfo); }

static const char *const time_kwnames[] = {"hour", "minute", "second", "microsecond", "tzinfo", "fold", NULL};

static Value time_new(Type *t, Value *args, size_t nargs, Value kw) {
    /* time(state[, tzinfo]): __reduce__'s 6 bytes, the fold in the hour's high bit. */
    uint32_t cps[6];
    if (nargs >= 1 && nargs <= 2 && !kw && dt_state_cps(args[0], 6, cps) && (cps[0] & 0x7f) < 24) {
        unsigned char b[6];
        if (dt_state_bytes(cps, 6, b, "time") < 0) return VNULL;
        Value tz = nargs == 2 ? args[1] : VNone;
        if (tz != VNone && !dt_tzinfo_check(tz)) {
            err_set(&exc_TypeError, "bad tzinfo state arg");
            return VNULL;
        }
        return time_alloc(t, b[0] & 0x7f, b[1], b[2], b[3] << 16 | b[4] << 8 | b[5], tz, b[0] >> 7);
    }
    Value v[6];
    int iv[6] = {0, 0, 0, 0, 0, 0};
    if (dt_parse("function", args, nargs, kw, time_kwnames, "iiiiOi", 5, 0, v, iv) < 0) return VNULL;
    Value tz = v[4] ? v[4] : VNone;
    if (dt_check_time(iv[0], iv[1], iv[2], iv[3], iv[5]) < 0 || dt_check_tzinfo(tz) < 0) return VNULL;
    return time_alloc(t, iv[0], iv[1], iv[2], iv[3], tz, iv[5]);
}

static Value time_new_ex(Type *t, int h, int m, int s, int us, Value tz) {
    if (t == &dt_time_type) return time_alloc(t, h, m, s, us, tz, 0);
    Value a[5] = {int_from_i64(h), int_from_i64(m), int_from_i64(s), int_from_i64(us), tz};
    return obj_call(obj_val(t), a, 5, VNULL);
}

static Value time_fromisoformat(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("fromisoformat", kw) < 0 || arg_count("fromisoformat", nargs, 1, 1) < 0) return VNULL;
    Value s = args[0];
    if (!str_check(s)) {
        err_set(&exc_TypeError, "fromisoformat: argument must be str");
        return VNULL;
    }
    const char *p = str_data(s), *end = p + str_size(s);
    if (p < end && *p == 'T') p++;
    int h, m, sec, us, tzsec = 0, tzus = 0;
    int rv = dt_parse_iso_time(p, end, &h, &m, &sec, &us, &tzsec, &tzus);
    if (rv < 0) {
        err_format(&exc_ValueError, "Invalid isoformat string: %R", s);
        return VNULL;
    }
    Value tz = dt_tz_from_offset(rv, tzsec, tzus);
    if (!tz) return VNULL;
    if (dt_check_time(h, m, sec, us, 0) < 0) return VNULL;
    return time_new_ex((Type *)cls, h, m, sec, us, tz);
}

/* ---- tzinfo delegation ---- */

static Value time_offset(Value self) { return dt_call_utcoffset(TM(self)->tzinfo, VNone); }

#define NOARGS(name)                                                                    \
    if (arg_no_kw(name, kw) < 0) return VNULL;                                         \
    if (nargs) {                                                                        \
        err_format(&exc_TypeError, "%s() takes no arguments (%zu given)", name, nargs); \
        return VNULL;                                                                   \
    }

static Value time_utcoffset(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("time.utcoffset");
    return time_offset(self);
}
static Value time_dst(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("time.dst");
    return dt_call_dst(TM(self)->tzinfo, VNone);
}
static Value time_tzname(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("time.tzname");
    return dt_call_tzname(TM(self)->tzinfo, VNone);
}

/* ---- basic protocol ---- */

static Value time_repr(Value self) {
    TimeObject *t = TM(self);
    const char *tn = type_name(self);
    Value base;
    if (t->us) base = str_printf("%s(%d, %d, %d, %d", tn, t->hour, t->minute, t->second, t->us);
    else if (t->second) base = str_printf("%s(%d, %d, %d", tn, t->hour, t->minute, t->second);
    else base = str_printf("%s(%d, %d", tn, t->hour, t->minute);
    if (!base) return VNULL;
    if (t->tzinfo != VNone) base = str_printf("%U, tzinfo=%R", base, t->tzinfo);
    if (base && t->fold) base = str_printf("%U, fold=1", base);
    return base ? str_printf("%U)", base) : VNULL;
}

static Value time_isoformat_ts(Value self, const char *ts) {
    TimeObject *t = TM(self);
    char buf[64];
    int n = dt_format_time(buf, sizeof buf, t->hour, t->minute, t->second, t->us, ts);
    if (n < 0) return VNULL;
    Value r = str_new(buf, (size_t)n);
    if (!r || t->tzinfo == VNone) return r;
    Value off = time_offset(self);
    if (!off || off == VNone) return off ? r : VNULL;
    Value o = dt_format_offset(off, ":");
    return o ? str_concat(r, o) : VNULL;
}

static Value time_isoformat(Value self, Value *args, size_t nargs, Value kw) {
    Value ts;
    if (arg_parse("isoformat", args, nargs, kw, (const char *const[]){"timespec", NULL}, 0, 0, &ts) < 0)
        return VNULL;
    if (ts && !str_check(ts)) {
        err_format(&exc_TypeError, "isoformat() argument 1 must be str, not %s", dt_arg_type_name(ts));
        return VNULL;
    }
    const char *spec = "auto";
    if (ts && dt_cstr(ts, &spec) < 0) return VNULL;
    return time_isoformat_ts(self, spec);
}

static Value time_str(Value self) {
    if (val_type(self) == &dt_time_type) return time_isoformat_ts(self, "auto");
    return obj_call_method(self, "isoformat", NULL, 0);
}

static void time_bytes(Value self, unsigned char *b, bool fold) {
    TimeObject *t = TM(self);
    b[0] = (unsigned char)(t->hour | (fold && t->fold ? 0x80 : 0));
    b[1] = t->minute;
    b[2] = t->second;
    b[3] = (unsigned char)(t->us >> 16);
    b[4] = (unsigned char)(t->us >> 8);
    b[5] = (unsigned char)t->us;
}

static hash_t time_hash(Value self) {
    TimeObject *t = TM(self);
    if (t->hash != -1) return t->hash;
    /* A fold=1 time hashes as its fold=0 twin (they compare equal). */
    Value off = t->tzinfo == VNone ? VNone : time_offset(self);
    if (!off) return -1;
    hash_t h;
    if (off == VNone) {
        unsigned char b[6];
        time_bytes(self, b, false);
        h = str_hash_bytes(b, 6);
    } else {
        dt_i128 us = ((dt_i128)t->hour * 3600 + t->minute * 60 + t->second) * 1000000 + t->us - dt_delta_us(off);
        Value d = dt_delta_from_us(us);
        if (!d) return -1;
        h = obj_hash(d);
    }
    t->hash = h;
    return h;
}

static int time_cmp_raw(TimeObject *a, TimeObject *b) {
    long long x = ((a->hour * 60LL + a->minute) * 60 + a->second) * 1000000 + a->us;
    long long y = ((b->hour * 60LL + b->minute) * 60 + b->second) * 1000000 + b->us;
    return x < y ? -1 : x > y;
}

static Value time_richcompare(Value a, Value b, int op) {
    if (!dt_time_check(b)) return VNotImplemented;
    TimeObject *x = TM(a), *y = TM(b);
    if (x->tzinfo == y->tzinfo) return dt_cmp_result(time_cmp_raw(x, y), op);
    Value o1 = time_offset(a);
    if (!o1) return VNULL;
    Value o2 = time_offset(b);
    if (!o2) return VNULL;
    if (o1 == o2 || (o1 != VNone && o2 != VNone && dt_delta_us(o1) == dt_delta_us(o2)))
        return dt_cmp_result(time_cmp_raw(x, y), op);
    if (o1 != VNone && o2 != VNone) {
        dt_i128 p = (((dt_i128)x->hour * 60 + x->minute) * 60 + x->second) * 1000000 + x->us - dt_delta_us(o1);
        dt_i128 q = (((dt_i128)y->hour * 60 + y->minute) * 60 + y->second) * 1000000 + y->us - dt_delta_us(o2);
        return dt_cmp_result(p < q ? -1 : p > q, op);
    }
    if (op == CMP_EQ) return VFalse;
    if (op == CMP_NE) return VTrue;
    err_set(&exc_TypeError, "can't compare offset-naive and offset-aware times");
    return VNULL;
}

/* ---- methods ---- */

static Value time_strftime(Value self, Value *args, size_t nargs, Value kw) {
    Value fmt;
    if (arg_parse("strftime", args, nargs, kw, (const char *const[]){"format", NULL}, 0, 1, &fmt) < 0)
        return VNULL;
    if (!str_check(fmt)) {
        err_format(&exc_TypeError, "strftime() argument 1 must be str, not %s", dt_arg_type_name(fmt));
        return VNULL;
    }
    TimeObject *t = TM(self);
    Value tt = dt_struct_time(1900, 1, 1, t->hour, t->minute, t->second, -1);
    if (!tt) return VNULL;
    Value z, Z;
    if (dt_strftime_tz(fmt, t->tzinfo, VNone, &z, &Z) < 0) return VNULL;
    return dt_wrap_strftime(fmt, tt, z, Z, t->us);
}

static Value time_format(Value self, Value *args, size_t nargs, Value kw) {
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

static Value time_replace(Value self, Value *args, size_t nargs, Value kw) {
    TimeObject *t = TM(self);
    Value v[6];
    int iv[6] = {t->hour, t->minute, t->second, t->us, 0, t->fold};
    if (dt_parse("replace()", args, nargs, kw, time_kwnames, "iiiiOi", 5, 0, v, iv) < 0) return VNULL;
    Value tz = v[4] ? v[4] : t->tzinfo;
    if (dt_check_time(iv[0], iv[1], iv[2], iv[3], iv[5]) < 0 || dt_check_tzinfo(tz) < 0) return VNULL;
    return time_alloc(val_type(self), iv[0], iv[1], iv[2], iv[3], tz, iv[5]);
}

static Value time_reduce_common(Value self, int proto) {
    unsigned char b[6];
    time_bytes(self, b, proto > 3);
    Value st = bytes_new((const char *)b, 6);
    if (!st) return VNULL;
    Value a = TM(self)->tzinfo == VNone ? tuple_pack(1, st) : tuple_pack(2, st, TM(self)->tzinfo);
    return a ? tuple_pack(2, obj_val(val_type(self)), a) : VNULL;
}

static Value time_reduce_ex(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__reduce_ex__", kw) < 0 || arg_count("__reduce_ex__", nargs, 1, 1) < 0) return VNULL;
    int proto;
    if (dt_parse_ints("function", args, 1, VNULL, (const char *const[]){"protocol", NULL}, 1, &proto) < 0)
        return VNULL;
    return time_reduce_common(self, proto);
}

static Value time_reduce(Value self, Value *args, size_t nargs, Value kw) {
    NOARGS("time.__reduce__");
    return time_reduce_common(self, 2);
}

static Value time_get_hour(Value self) { return int_from_i64(TM(self)->hour); }
static Value time_get_minute(Value self) { return int_from_i64(TM(self)->minute); }
static Value time_get_second(Value self) { return int_from_i64(TM(self)->second); }
static Value time_get_us(Value self) { return int_from_i64(TM(self)->us); }
static Value time_get_tzinfo(Value self) { return TM(self)->tzinfo; }
static Value time_get_fold(Value self) { return int_from_i64(TM(self)->fold); }

static const MethodDef time_methods[] = {
    {"isoformat", time_isoformat, 0,
     "Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].\n\n"
     "The optional argument timespec specifies the number of additional terms\n"
     "of the time to include. Valid options are 'auto', 'hours', 'minutes',\n'seconds', 'milliseconds' and 'microseconds'.\n"},
    {"strftime", time_strftime, 0, "format -> strftime() style string."},
    {"__format__", time_format, 0, "Formats self with strftime."},
    {"utcoffset", time_utcoffset, 0, "Return self.tzinfo.utcoffset(self)."},
    {"tzname", time_tzname, 0, "Return self.tzinfo.tzname(self)."},
    {"dst", time_dst, 0, "Return self.tzinfo.dst(self)."},
    {"replace", time_replace, 0, "Return time with new specified fields."},
    {"fromisoformat", time_fromisoformat, METH_CLASS, "string -> time from a string in ISO 8601 format"},
    {"__reduce_ex__", time_reduce_ex, 0, "__reduce_ex__(proto) -> (cls, state)"},
    {"__reduce__", time_reduce, 0, "__reduce__() -> (cls, state)"},
    {NULL},
};

static const GetSetDef time_getsets[] = {
    {"hour", time_get_hour, NULL, NULL},
    {"minute", time_get_minute, NULL, NULL},
    {"second", time_get_second, NULL, NULL},
    {"microsecond", time_get_us, NULL, NULL},
    {"tzinfo", time_get_tzinfo, NULL, NULL},
    {"fold", time_get_fold, NULL, NULL},
    {NULL},
};

Type dt_time_type = {
    .hdr = {0, &type_type},
    .name = "datetime.time",
    .basicsize = sizeof(TimeObject),
    .flags = TF_BASETYPE,
    .trace = time_trace,
    .new = time_new,
    .repr = time_repr,
    .str = time_str,
    .hash = time_hash,
    .richcompare = time_richcompare,
    .methods = time_methods,
    .getsets = time_getsets,
    .doc = "time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object\n\n"
           "All arguments are optional. tzinfo may be None, or an instance of\n"
           "a tzinfo subclass. The remaining arguments may be ints.\n",
};

void dt_time_ready(void) {
    type_ready(&dt_time_type);
    Value d = dt_time_type.dict;
    dict_set_cstr(d, "min", time_alloc(&dt_time_type, 0, 0, 0, 0, VNone, 0));
    dict_set_cstr(d, "max", time_alloc(&dt_time_type, 23, 59, 59, 999999, VNone, 0));
    dict_set_cstr(d, "resolution", dt_delta_new_raw(&dt_delta_type, 0, 0, 1));
    type_modified(&dt_time_type);
}
