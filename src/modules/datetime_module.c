/* datetime_module.c - the _datetime module: readies the types and exports them. */
#include "datetime.h"
#include "../objects/module.h"
#include "../objects/int.h"
#include "../objects/str.h"
#include "../vm/error.h"

/*
 * CPython's _datetime: timedelta, date (with IsoCalendarDate), tzinfo,
 * timezone, time and datetime, one type per file (datetime_*.c), shared
 * declarations in datetime.h.  datetime.py's `from _datetime import *`
 * replaces its pure-Python classes with these.  Not provided:
 * datetime_CAPI (the capsule only C extensions use).
 */

Value datetime_module_init(void) {
    dt_delta_ready();
    dt_isocal_ready();
    dt_date_ready();
    dt_tz_ready();
    dt_time_ready();
    dt_datetime_ready();
    Value m = module_new_cstr("_datetime");
    if (!m) return VNULL;
    if (module_add(m, "MINYEAR", val_from_int(1)) < 0 || module_add(m, "MAXYEAR", val_from_int(9999)) < 0 ||
        module_add(m, "timedelta", obj_val(&dt_delta_type)) < 0 || module_add(m, "date", obj_val(&dt_date_type)) < 0 ||
        module_add(m, "tzinfo", obj_val(&dt_tzinfo_type)) < 0 || module_add(m, "timezone", obj_val(&dt_timezone_type)) < 0 ||
        module_add(m, "time", obj_val(&dt_time_type)) < 0 ||
        module_add(m, "datetime", obj_val(&dt_datetime_type)) < 0 || module_add(m, "UTC", dt_utc) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Fast implementation of the datetime type.")) < 0)
        return VNULL;
    return m;
}
