/* datetime_timezone.c - datetime.timezone: a fixed offset from UTC with an optional name. */
#include "datetime.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <stdio.h>

#define TZ(v) ((TimezoneObject *)(v))

Value dt_utc;

static void timezone_trace(Object *o) {
    TimezoneObject *tz = (TimezoneObject *)o;
    if (tz->offset) gc_mark(tz->offset);
    if (tz->name) gc_mark(tz->name);
}

static Value timezone_make(Value offset, Value name) {
    TimezoneObject *tz = gc_alloc(&dt_timezone_type, sizeof(TimezoneObject));
    if (!tz) return VNULL;
    GC_WRITE(tz, tz->offset, offset);
    GC_WRITE(tz, tz->name, name);
    return obj_val(tz);
}

Value dt_timezone_new(Value offset, Value name) {
    DeltaObject *d = (DeltaObject *)offset;
    if (!name && dt_utc && d->days == 0 && d->seconds == 0 && d->us == 0) return dt_utc;
    return timezone_make(offset, name);
}

static Value timezone_new(Type *t, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"offset", "name", NULL};
    Value a[2];
    size_t nkw = kw ? (size_t)tuple_size(kw) : 0;
    if (nargs + nkw > 2) {
        err_format(&exc_TypeError, "timezone() takes at most 2 arguments (%zu given)", nargs + nkw);
        return VNULL;
    }
    if (nargs == 0 && nkw == 0) {
        err_set(&exc_TypeError, "timezone() missing required argument 'offset' (pos 1)");
        return VNULL;
    }
    if (arg_parse("timezone", args, nargs, kw, names, 0, 1, a) < 0) return VNULL;
    if (!dt_delta_check(a[0])) {
        err_format(&exc_TypeError, "timezone() argument 1 must be datetime.timedelta, not %s", dt_arg_type_name(a[0]));
        return VNULL;
    }
    if (a[1] && !str_check(a[1])) {
        err_format(&exc_TypeError, "timezone() argument 2 must be str, not %s", dt_arg_type_name(a[1]));
        return VNULL;
    }
    if (dt_check_offset(a[0], true) < 0) return VNULL;
    return dt_timezone_new(a[0], a[1]);
}

/* The dt argument of tzname/utcoffset/dst: a datetime or None. */
static int check_dt(const char *what, Value *args, size_t nargs, Value kw, const char *fname) {
    if (arg_no_kw(fname, kw) < 0) return -1;
    if (nargs != 1) {
        err_format(&exc_TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
        return -1;
    }
    if (args[0] != VNone && !dt_datetime_check(args[0])) {
        err_format(&exc_TypeError, "%s(dt) argument must be a datetime instance or None, not %s", what,
                   type_name(args[0]));
        return -1;
    }
    return 0;
}

static Value timezone_str_of(Value self) {
    TimezoneObject *tz = TZ(self);
    if (tz->name) return tz->name;
    DeltaObject *d = (DeltaObject *)tz->offset;
    if (self == dt_utc || (d->days == 0 && d->seconds == 0 && d->us == 0)) return str_from_cstr("UTC");
    Value off = dt_format_offset(tz->offset, ":");
    return off ? str_printf("UTC%U", off) : VNULL;
}

static Value timezone_tzname(Value self, Value *args, size_t nargs, Value kw) {
    if (check_dt("tzname", args, nargs, kw, "timezone.tzname") < 0) return VNULL;
    return timezone_str_of(self);
}

static Value timezone_utcoffset(Value self, Value *args, size_t nargs, Value kw) {
    if (check_dt("utcoffset", args, nargs, kw, "timezone.utcoffset") < 0) return VNULL;
    return TZ(self)->offset;
}

static Value timezone_dst(Value self, Value *args, size_t nargs, Value kw) {
    if (check_dt("dst", args, nargs, kw, "timezone.dst") < 0) return VNULL;
    return VNone;
}

static Value timezone_fromutc(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("timezone.fromutc", kw) < 0) return VNULL;
    if (nargs != 1) {
        err_format(&exc_TypeError, "timezone.fromutc() takes exactly one argument (%zu given)", nargs);
        return VNULL;
    }
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
    return num_binop(dt, TZ(self)->offset, BINOP_ADD);
}

static Value timezone_getinitargs(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__getinitargs__", kw) < 0 || arg_count("__getinitargs__", nargs, 0, 0) < 0) return VNULL;
    TimezoneObject *tz = TZ(self);
    return tz->name ? tuple_pack(2, tz->offset, tz->name) : tuple_pack(1, tz->offset);
}

static Value timezone_repr(Value self) {
    TimezoneObject *tz = TZ(self);
    if (self == dt_utc) return str_from_cstr("datetime.timezone.utc");
    if (tz->name) return str_printf("%s(%R, %R)", type_name(self), tz->offset, tz->name);
    return str_printf("%s(%R)", type_name(self), tz->offset);
}

static Value timezone_str(Value self) { return timezone_str_of(self); }

static hash_t timezone_hash(Value self) { return obj_hash(TZ(self)->offset); }

static Value timezone_richcompare(Value a, Value b, int op) {
    if (op != CMP_EQ && op != CMP_NE) return VNotImplemented;
    if (!dt_timezone_check(b)) return VNotImplemented;
    return obj_richcompare(TZ(a)->offset, TZ(b)->offset, op);
}

static const MethodDef timezone_methods[] = {
    {"tzname", timezone_tzname, 0, "If name is specified when timezone is created, returns the name.  Otherwise returns offset as 'UTC(+|-)HH:MM'."},
    {"utcoffset", timezone_utcoffset, 0, "Return fixed offset."},
    {"dst", timezone_dst, 0, "Return None."},
    {"fromutc", timezone_fromutc, 0, "datetime in UTC -> datetime in local time."},
    {"__getinitargs__", timezone_getinitargs, 0, "pickle support"},
    {NULL},
};

Type dt_timezone_type = {
    .hdr = {0, &type_type},
    .name = "datetime.timezone",
    .base = &dt_tzinfo_type,
    .basicsize = sizeof(TimezoneObject),
    .trace = timezone_trace,
    .new = timezone_new,
    .repr = timezone_repr,
    .str = timezone_str,
    .hash = timezone_hash,
    .richcompare = timezone_richcompare,
    .methods = timezone_methods,
    .doc = "Fixed offset from UTC implementation of tzinfo.",
};

void dt_tz_ready(void) {
    type_ready(&dt_tzinfo_type);
    type_ready(&dt_timezone_type);
    dt_utc = timezone_make(dt_delta_new_raw(&dt_delta_type, 0, 0, 0), VNULL);
    gc_add_root(&dt_utc);
    Value d = dt_timezone_type.dict;
    dict_set_cstr(d, "utc", dt_utc);
    /* -timedelta(hours=23, minutes=59) and timedelta(hours=23, minutes=59) */
    dict_set_cstr(d, "min", timezone_make(dt_delta_new_raw(&dt_delta_type, -1, 60, 0), VNULL));
    dict_set_cstr(d, "max", timezone_make(dt_delta_new_raw(&dt_delta_type, 0, 86340, 0), VNULL));
    type_modified(&dt_timezone_type);
}
