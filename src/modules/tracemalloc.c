/* tracemalloc.c - the _tracemalloc module: traced memory as totals of the collected heap, no per-block traces. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/list.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "cargs.h"

/*
 * CPython's tracemalloc hooks every allocator call and keeps a traceback
 * per live block.  Taipan allocates objects from the collector's pages
 * with an inline fast path that has no room for a hook, so this module
 * reports what the collector knows: while tracing, get_traced_memory() is
 * the growth of the heap (objects, garbage not yet collected included)
 * since start(), and its peak as seen before each collection.  There are
 * no per-block traces: _get_traces() is empty, so a snapshot has no
 * statistics, and _get_object_traceback() is None (docs/modules.md).
 */

static bool tracing;
static int traceback_limit = 1;
static size_t base;   /* in_use at start() */

static size_t traced(size_t v) { return v > base ? v - base : 0; }

static Value is_tracing_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("is_tracing", nargs, 0, 0) < 0) return VNULL;
    return tracing ? VTrue : VFalse;
}

static Value start_m(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"nframe", NULL};
    Value a[1];
    if (arg_parse("start", args, nargs, kw, names, 1, 0, a) < 0) return VNULL;
    int n = 1;
    if (a[0] && carg_int(a[0], &n) < 0) {
        /* Argument Clinic's int converter words every overflow this way. */
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_set(&exc_OverflowError, "Python int too large to convert to C int");
        }
        return VNULL;
    }
    if (n < 1 || n > 65535) {
        err_set(&exc_ValueError, "the number of frames must be in range [1; 65535]");
        return VNULL;
    }
    traceback_limit = n;
    if (!tracing) {
        GCStats st;
        gc_get_stats(&st);
        base = st.in_use;
        gc_reset_peak();
        tracing = true;
    }
    return VNone;
}

static Value stop_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("stop", nargs, 0, 0) < 0) return VNULL;
    tracing = false;
    return VNone;
}

static Value clear_traces_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("clear_traces", nargs, 0, 0) < 0) return VNULL;
    if (tracing) {
        GCStats st;
        gc_get_stats(&st);
        base = st.in_use;
        gc_reset_peak();
    }
    return VNone;
}

static Value get_traceback_limit_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("get_traceback_limit", nargs, 0, 0) < 0) return VNULL;
    return val_from_int(traceback_limit);
}

static Value get_traced_memory_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("get_traced_memory", nargs, 0, 0) < 0) return VNULL;
    if (!tracing) return tuple_pack(2, val_from_int(0), val_from_int(0));
    GCStats st;
    gc_get_stats(&st);
    return tuple_pack(2, int_from_i64((int64_t)traced(st.in_use)), int_from_i64((int64_t)traced(st.peak_in_use)));
}

static Value reset_peak_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("reset_peak", nargs, 0, 0) < 0) return VNULL;
    if (tracing) gc_reset_peak();
    return VNone;
}

static Value get_tracemalloc_memory_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("get_tracemalloc_memory", nargs, 0, 0) < 0) return VNULL;
    return val_from_int(0);
}

static Value get_object_traceback_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("_get_object_traceback", nargs, 1, 1) < 0) return VNULL;
    return VNone;
}

static Value get_traces_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("_get_traces", nargs, 0, 0) < 0) return VNULL;
    return list_new(0);
}

static const MethodDef tracemalloc_functions[] = {
    {"is_tracing", is_tracing_m, 0, "Return True if the tracemalloc module is tracing Python memory allocations."},
    {"start", start_m, 0, "Start tracing Python memory allocations."},
    {"stop", stop_m, 0, "Stop tracing Python memory allocations."},
    {"clear_traces", clear_traces_m, 0, "Clear traces of memory blocks allocated by Python."},
    {"get_traceback_limit", get_traceback_limit_m, 0, "Get the maximum number of frames stored in a traceback."},
    {"get_traced_memory", get_traced_memory_m, 0,
     "Get the current size and peak size of memory blocks traced by tracemalloc."},
    {"reset_peak", reset_peak_m, 0, "Set the peak size of memory blocks traced by tracemalloc to the current size."},
    {"get_tracemalloc_memory", get_tracemalloc_memory_m, 0,
     "Get the memory usage in bytes of the tracemalloc module."},
    {"_get_object_traceback", get_object_traceback_m, 0,
     "Get the traceback where the Python object obj was allocated."},
    {"_get_traces", get_traces_m, 0, "Get traces of all memory blocks allocated by Python."},
    {NULL}
};

Value tracemalloc_module_init(void) {
    Value m = module_new_cstr("_tracemalloc");
    if (!m || module_add_functions(m, tracemalloc_functions) < 0) return VNULL;
    return m;
}
