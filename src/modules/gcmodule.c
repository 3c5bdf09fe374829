/* gcmodule.c - the gc module: collect, enable/disable, thresholds and statistics of Taipan's collector. */
#include <string.h>
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
#include <stdlib.h>
#include <string.h>

/*
 * Taipan's collector is not generational and finds cycles as a matter of
 * course, so the generation API is kept for compatibility: thresholds are
 * stored and reported, counts come from the allocator.
 */
static int thresholds[3] = {700, 10, 10};
static Value gc_garbage, gc_callbacks;

/* The C stack below this frame still holds the values of calls that
 * returned (a method's self, a constructor's result), and the collector's
 * own frames reuse that memory without writing every slot: the
 * conservative scan would find dead objects there.  An explicit collection
 * clears it first, so that `del f; gc.collect()` frees f as promptly as
 * CPython's reference counting does. */
__attribute__((noinline)) static void clear_dead_stack(void) {
    volatile char area[16384];
    memset((char *)area, 0, sizeof area);
    __asm__ volatile("" : : "r"(area) : "memory");
}

static Value collect_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"generation", NULL};
    Value a[1];
    if (arg_parse("collect", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    if (a[0] && (!val_is_int(a[0]) || val_int(a[0]) < 0 || val_int(a[0]) > 2)) {
        err_set(&exc_ValueError, "invalid generation");
        return VNULL;
    }
    clear_dead_stack();
    gc_collect();
    gc_run_pending();
    gc_release_free_pages();
    /* CPython returns the number of unreachable objects, which a collector
     * that does not count them cannot give: 0. */
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

/*
 * get_objects, get_referrers and get_referents walk the heap after a full
 * collection, so every object found is live.  An object "tracked" in
 * CPython's sense is one whose type has a trace function; storage that
 * only backs other objects (TF_INTERNAL: dict key tables, list arrays,
 * instance maps...) is never returned, and the references it holds count
 * as its owner's.
 */
static bool is_python_object(Value v) {
    if (!v) return false;
    if (v & 7) return true;   /* an immediate */
    return gc_find_object((void *)v) == (Object *)v && !(val_type(v)->flags & TF_INTERNAL);
}

static bool is_tracked_object(Object *o) {
    /* A str's trace marks only its cached index. */
    return o->type->trace && !(o->type->flags & TF_INTERNAL) && o->type != &type_str;
}

/* A walk over o's references that looks through internal storage. */
typedef struct RefWalk {
    void (*on_ref)(Value v, struct RefWalk *w);
    Object *seen[16];          /* internal objects entered, against cycles among them */
    int nseen, depth;
    Value *objs;               /* get_referrers: the objects looked for */
    size_t nobjs;
    bool found;
    Value *out;                /* get_referents: the referents found (malloc'd: no allocation
                                  from the heap may happen while a trace function reports) */
    size_t nout, capout;
    bool failed;
} RefWalk;

static void ref_visit(Value v, void *ctx) {
    RefWalk *w = ctx;
    if (!(v & 7) && gc_find_object((void *)v) == (Object *)v && (val_type(v)->flags & TF_INTERNAL)) {
        Object *o = (Object *)v;
        if (w->depth >= 8) return;
        for (int i = 0; i < w->nseen; i++)
            if (w->seen[i] == o) return;
        if (w->nseen < 16) w->seen[w->nseen++] = o;
        w->depth++;
        gc_visit_refs(o, ref_visit, w);
        w->depth--;
        return;
    }
    if (is_python_object(v)) w->on_ref(v, w);
}

static void walk_refs(Object *o, RefWalk *w) {
    w->nseen = 0;
    w->depth = 0;
    gc_visit_refs(o, ref_visit, w);
}

static void on_ref_find(Value v, RefWalk *w) {
    for (size_t i = 0; i < w->nobjs; i++)
        if (w->objs[i] == v) w->found = true;
}

static void on_ref_collect(Value v, RefWalk *w) {
    if (w->failed) return;
    if (w->nout == w->capout) {
        size_t cap = w->capout ? 2 * w->capout : 16;
        Value *b = realloc(w->out, cap * sizeof *b);
        if (!b) {
            w->failed = true;
            return;
        }
        w->out = b;
        w->capout = cap;
    }
    w->out[w->nout++] = v;
}

/* The live tracked objects, or NULL with MemoryError. */
static Object **live_objects(size_t *n) {
    gc_collect();
    Object **a;
    *n = gc_heap_objects(&a);
    if (*n == (size_t)-1) {
        err_no_memory();
        return NULL;
    }
    return a;
}

static Value get_objects_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"generation", NULL};
    Value a[1];
    if (arg_parse("get_objects", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    if (a[0] && a[0] != VNone) {
        if (!int_check(a[0])) {
            err_format(&exc_TypeError, "argument should be integer or None, not '%T'", a[0]);
            return VNULL;
        }
        if (!val_is_int(a[0])) {
            err_set(&exc_OverflowError, "cannot fit 'int' into an index-sized integer");
            return VNULL;
        }
        /* -1 is the C default, meaning None, as in CPython. */
        if (!(val_is_int(a[0]) && val_int(a[0]) == -1)) {
            if (int_sign(a[0]) < 0) {
                err_set(&exc_ValueError, "generation parameter cannot be negative");
                return VNULL;
            }
            if (!val_is_int(a[0]) || val_int(a[0]) >= 3) {
                err_format(&exc_ValueError, "generation parameter must be less than the number of available generations (%i)", 3);
                return VNULL;
            }
            /* Every survivor of a full collection is in the oldest generation. */
            if (val_int(a[0]) < 2) return list_new(0);
        }
    }
    size_t n;
    Object **objs = live_objects(&n);
    if (!objs) return VNULL;
    Value l = list_new(0);
    for (size_t i = 0; l && i < n; i++)
        if (is_tracked_object(objs[i]) && list_append(l, obj_val(objs[i])) < 0) l = VNULL;
    free(objs);
    return l;
}

static Value get_referrers_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (kwnames && tuple_size(kwnames)) {
        err_set(&exc_TypeError, "get_referrers() takes no keyword arguments");
        return VNULL;
    }
    size_t n;
    Object **objs = live_objects(&n);
    if (!objs) return VNULL;
    Value l = list_new(0);
    RefWalk w = {.on_ref = on_ref_find, .objs = args, .nobjs = nargs};
    for (size_t i = 0; l && i < n; i++) {
        if (!is_tracked_object(objs[i]) || obj_val(objs[i]) == l) continue;
        w.found = false;
        walk_refs(objs[i], &w);
        if (w.found && list_append(l, obj_val(objs[i])) < 0) l = VNULL;
    }
    free(objs);
    return l;
}

static Value get_referents_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (kwnames && tuple_size(kwnames)) {
        err_set(&exc_TypeError, "get_referents() takes no keyword arguments");
        return VNULL;
    }
    Value l = list_new(0);
    if (!l) return VNULL;
    RefWalk w = {.on_ref = on_ref_collect};
    for (size_t i = 0; i < nargs && !w.failed; i++) {
        Value v = args[i];
        if (!(v & 7) && gc_find_object((void *)v) == (Object *)v && is_tracked_object((Object *)v)) {
            w.nout = 0;
            walk_refs((Object *)v, &w);
            /* Appended after the walk: the referents stay reachable from v meanwhile. */
            for (size_t k = 0; k < w.nout && !w.failed; k++)
                if (list_append(l, w.out[k]) < 0) w.failed = true;
        }
    }
    free(w.out);
    if (w.failed) {
        if (!err_occurred()) err_no_memory();
        return VNULL;
    }
    return l;
}

static Value freeze_m(Value self, Value *args, size_t nargs, Value kw) { return VNone; }
static Value get_freeze_count_m(Value self, Value *args, size_t nargs, Value kw) { return val_from_int(0); }

/* The debugging flags are kept for get_debug(); the collector does not act on them
 * (no DEBUG_STATS output, DEBUG_SAVEALL does not fill gc.garbage). */
static int64_t debug_flags;

static Value get_debug_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("get_debug", kw) < 0 || arg_count("gc.get_debug", nargs, 0, 0) < 0) return VNULL;
    return int_from_i64(debug_flags);
}

static Value set_debug_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("set_debug", kw) < 0 || arg_count("gc.set_debug", nargs, 1, 1) < 0) return VNULL;
    if (!int_check(args[0])) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
        return VNULL;
    }
    int64_t v = int_as_i64(args[0]);
    if (v == -1 && err_occurred()) {
        if (!err_matches(&exc_OverflowError)) return VNULL;
        err_clear();
        v = INT64_MAX;
    }
    if (v < INT32_MIN || v > INT32_MAX) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return VNULL;
    }
    debug_flags = v;
    return VNone;
}

static const MethodDef gc_functions[] = {
    {"get_debug", get_debug_m, 0, "Get the garbage collection debugging flags."},
    {"set_debug", set_debug_m, 0, "Set the garbage collection debugging flags."},
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
    {"get_objects", get_objects_m, 0, "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"get_referrers", get_referrers_m, 0, "Return the list of objects that directly refer to any of 'objs'."},
    {"get_referents", get_referents_m, 0, "Return the list of objects that are directly referred to by 'objs'."},
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
