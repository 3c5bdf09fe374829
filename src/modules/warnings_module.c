/* warnings_module.c - a minimal _warnings module: warn(), for importlib's bootstrap (warnings.py keeps its Python filters). */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../vm/error.h"

/*
 * importlib._bootstrap and _bootstrap_external import _warnings and call
 * _warnings.warn().  CPython's _warnings also holds the filter list that
 * warnings.py shares; this one does not export filters, so warnings.py
 * falls back to its pure-Python implementation (as it does when _warnings
 * is missing) and warn() here hands over to warnings.warn once the
 * warnings module is imported, and to the runtime's default filters
 * (src/vm/warnings.c) before that.
 */

extern Value sys_modules_dict;

static Value warnings_warn(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"message", "category", "stacklevel", "source", NULL};
    Value a[4];
    if (arg_parse("warn", args, nargs, kw, names, 0, 1, a) < 0) return VNULL;
    Value wm = dict_get_cstr(sys_modules_dict, "warnings");
    Value pywarn = wm && module_check(wm) ? dict_get_cstr(module_dict(wm), "warn") : VNULL;
    if (pywarn) {
        Value cargs[4] = {a[0], a[1] ? a[1] : VNone, a[2] ? a[2] : val_from_int(1), a[3] ? a[3] : VNone};
        return obj_call(pywarn, cargs, 4, VNULL);
    }
    Type *cat = &exc_UserWarning;
    if (val_isinstance(a[0], &exc_Warning)) cat = val_type(a[0]);
    else if (a[1] && a[1] != VNone) {
        if (val_is_int(a[1]) || !type_check(a[1]) || !type_is_subtype((Type *)val_obj(a[1]), &exc_Warning)) {
            err_format(&exc_TypeError, "category must be a Warning subclass, not '%s'", type_name(a[1]));
            return VNULL;
        }
        cat = (Type *)val_obj(a[1]);
    }
    int level = 1;
    if (a[2]) {
        int64_t l = int_as_i64(a[2]);
        if (l == -1 && err_occurred()) return VNULL;
        level = (int)(l > 1000000 ? 1000000 : l < -1000000 ? -1000000 : l);
    }
    Value text = obj_str(a[0]);
    if (!text) return VNULL;
    return err_warn(cat, str_data(text), level) < 0 ? VNULL : VNone;
}

static const MethodDef warnings_functions[] = {
    {"warn", warnings_warn, 0, "Issue a warning, or maybe ignore it or raise an exception."},
    {NULL}
};

Value warnings_module_init(void) {
    Value m = module_new_cstr("_warnings");
    if (!m || module_add_functions(m, warnings_functions) < 0) return VNULL;
    return m;
}
