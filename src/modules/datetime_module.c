/* datetime_module.c - the _datetime module (registered as _datetime_c until complete). */
#include "datetime.h"
#include "../objects/module.h"
#include "../objects/int.h"
#include "../objects/str.h"
#include "../vm/error.h"

/*
 * Status: work in progress (issue 6).  Done: timedelta, date (with
 * IsoCalendarDate), tzinfo, timezone, time, datetime.  Left:, datetime, datetime_CAPI.
 * Until every type is here the module is registered in modules.def as
 * `_datetime_c`, so datetime.py's `from _datetime import *` still fails and
 * its pure-Python classes stay in use; the tests (mod_datetime_c_*) import
 * `_datetime_c` and fall back to CPython's `_datetime`.  Renaming the entry
 * to `_datetime` switches datetime.py over once the module is complete.
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
