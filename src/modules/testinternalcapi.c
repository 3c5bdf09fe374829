/* testinternalcapi.c - the part of CPython's _testinternalcapi test module that describes
 * Taipan truthfully: get_config() with the settings the test suite asks about. */
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"

/*
 * test.support.has_no_debug_ranges() reads get_config()['code_debug_ranges'] to decide
 * whether tests of co_positions and traceback carets apply. Taipan always keeps the
 * column ranges (-X no_debug_ranges is accepted and ignored), so the answer is True.
 * Only keys whose value is known to hold for Taipan are given; CPython's other
 * internals (GC head size, path config, locale helpers) are absent.
 */

static Value get_config_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("get_config", kwnames) < 0 || arg_count("get_config", nargs, 0, 0) < 0) return VNULL;
    Value d = dict_new();
    if (!d || dict_set_cstr(d, "code_debug_ranges", val_from_int(1)) < 0) return VNULL;
    return d;
}

static const MethodDef testinternalcapi_functions[] = {
    {"get_config", get_config_m, 0, "Get configuration as a dict."},
    {NULL}
};

Value testinternalcapi_module_init(void) {
    Value m = module_new_cstr("_testinternalcapi");
    if (!m || module_add_functions(m, testinternalcapi_functions) < 0) return VNULL;
    return m;
}
