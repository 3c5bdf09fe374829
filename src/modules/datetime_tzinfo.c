/* datetime_tzinfo.c - datetime.tzinfo, the abstract time zone base, and the tzinfo-calling helpers. */
#include "datetime.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <stdio.h>

/* tzinfo() accepts and ignores any arguments, as PyType_GenericNew does. */
static Value tzinfo_new(Type *t, Value *args, size_t nargs, Value kw) { return type_generic_alloc(t, 0); }

static Value must_implement(const char *what) {
    err_format(&exc_NotImplementedError, "a tzinfo subclass must implement %s()", what);
    return VNULL;
}

static int one_arg(const char *fname, size_t nargs, Value kw) {
    if (arg_no_kw(fname, kw) < 0) return -1;
    if (nargs != 1) {
        err_format(&exc_TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
        return -1;
    }
    return 0;
}

static Value tzinfo_tzname(Value self, Value *args, size_t nargs, Value kw) {
    return one_arg("tzinfo.tzname", nargs, kw) < 0 ? VNULL : must_implement("tzname");
}
static Value tzinfo_utcoffset(Value self, Value *args, size_t nargs, Value kw) {
    return one_arg("tzinfo.utcoffset", nargs, kw) < 0 ? VNULL : must_implement("utcoffset");
}
static Value tzinfo_dst(Value self, Value *args, size_t nargs, Value kw) {
    return one_arg("tzinfo.dst", nargs, kw) < 0 ? VNULL : must_implement("dst");
}

/* The default fromutc: standard offset first, then the DST of the result. */
static Value tzinfo_fromutc(Value self, Value *args, size_t nargs, Value kw) {
    if (one_arg("tzinfo.fromutc", nargs, kw) < 0) return VNULL;
    Value dt = args[0];
    if (!dt_datetime_check(dt)) {
        err_set(&exc_TypeError, "fromutc: argument must be a datetime");
        return VNULL;
    }
    Value tz = obj_getattr_cstr(dt, "tzinfo");
    if (!tz) return VNULL;
    if (tz != self) {
        err_set(&exc_ValueError, "fromutc: dt.tzinfo is not self");
        return VNULL;
    }
    Value off = dt_call_utcoffset(self, dt);
    if (!off) return VNULL;
    if (off == VNone) {
        err_set(&exc_ValueError, "fromutc: non-None utcoffset() result required");
        return VNULL;
    }
    Value dst = dt_call_dst(self, dt);
    if (!dst) return VNULL;
    if (dst == VNone) {
        err_set(&exc_ValueError, "fromutc: non-None dst() result required");
        return VNULL;
    }
    Value delta = num_binop(off, dst, BINOP_SUB);
    Value r = delta ? num_binop(dt, delta, BINOP_ADD) : VNULL;
    if (!r) return VNULL;
    dst = dt_call_dst(self, r);
    if (!dst) return VNULL;
    if (dst == VNone) {
        err_set(&exc_ValueError, "fromutc: tz.dst() gave inconsistent results; cannot convert");
        return VNULL;
    }
    return num_binop(r, dst, BINOP_ADD);
}

/* (type, __getinitargs__() or (), __getstate__()) */
static Value tzinfo_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__reduce__", kw) < 0 || arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    Value init = obj_getattr_opt(self, str_intern_cstr("__getinitargs__"));
    if (!init && err_occurred()) return VNULL;
    Value a = init ? obj_call(init, NULL, 0, VNULL) : tuple_new(0);
    if (!a) return VNULL;
    Value st = obj_call_method(self, "__getstate__", NULL, 0);
    return st ? tuple_pack(3, obj_val(val_type(self)), a, st) : VNULL;
}

/* ---- calling a tzinfo ---- */

int dt_check_offset(Value off, bool show) {
    DeltaObject *d = (DeltaObject *)off;
    if ((d->days == -1 && d->seconds == 0 && d->us < 1) || d->days < -1 || d->days >= 1) {
        if (show)
            err_format(&exc_ValueError, "offset must be a timedelta strictly between -timedelta(hours=24) and "
                       "timedelta(hours=24), not %R.", off);
        else
            err_set(&exc_ValueError, "offset must be a timedelta strictly between -timedelta(hours=24) and "
                    "timedelta(hours=24).");
        return -1;
    }
    return 0;
}

static Value call_offset_method(Value tzinfo, const char *name, Value arg) {
    if (tzinfo == VNone) return VNone;
    Value r = obj_call_method(tzinfo, name, &arg, 1);
    if (!r || r == VNone) return r;
    if (!dt_delta_check(r)) {
        err_format(&exc_TypeError, "tzinfo.%s() must return None or timedelta, not '%s'", name, type_name(r));
        return VNULL;
    }
    return dt_check_offset(r, false) < 0 ? VNULL : r;
}

Value dt_call_utcoffset(Value tzinfo, Value arg) { return call_offset_method(tzinfo, "utcoffset", arg); }
Value dt_call_dst(Value tzinfo, Value arg) { return call_offset_method(tzinfo, "dst", arg); }

Value dt_call_tzname(Value tzinfo, Value arg) {
    if (tzinfo == VNone) return VNone;
    Value r = obj_call_method(tzinfo, "tzname", &arg, 1);
    if (!r || r == VNone || str_check(r)) return r;
    err_format(&exc_TypeError, "tzinfo.tzname() must return None or a string, not '%s'", type_name(r));
    return VNULL;
}

Value dt_format_offset(Value offset, const char *sep) {
    DeltaObject *d = (DeltaObject *)offset;
    dt_i128 us = dt_delta_us(offset);
    char sign = '+';
    if (d->days < 0) {
        sign = '-';
        us = -us;
    }
    long long total = (long long)us;
    int micro = (int)(total % 1000000), secs = (int)(total / 1000000);
    int hh = secs / 3600, mm = secs / 60 % 60, ss = secs % 60;
    char buf[48];
    int n = snprintf(buf, sizeof buf, "%c%02d%s%02d", sign, hh, sep, mm);
    if (ss || micro) n += snprintf(buf + n, sizeof buf - n, "%s%02d", sep, ss);
    if (micro) n += snprintf(buf + n, sizeof buf - n, ".%06d", micro);
    return str_new(buf, (size_t)n);
}

static const MethodDef tzinfo_methods[] = {
    {"tzname", tzinfo_tzname, 0, "datetime -> string name of time zone."},
    {"utcoffset", tzinfo_utcoffset, 0, "datetime -> timedelta showing offset from UTC, negative values indicating West of UTC"},
    {"dst", tzinfo_dst, 0, "datetime -> DST offset as timedelta positive east of UTC."},
    {"fromutc", tzinfo_fromutc, 0, "datetime in UTC -> datetime in local time."},
    {"__reduce__", tzinfo_reduce, 0, "-> (cls, state)"},
    {NULL},
};

Type dt_tzinfo_type = {
    .hdr = {0, &type_type},
    .name = "datetime.tzinfo",
    .basicsize = sizeof(Object),
    .flags = TF_BASETYPE,
    .new = tzinfo_new,
    .methods = tzinfo_methods,
    .doc = "Abstract base class for time zone info objects.",
};
