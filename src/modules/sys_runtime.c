/* sys_runtime.c - sys: audit hooks, unraisablehook, async-generator hooks, and the interpreter facts (float_info, int_info, hash_info, thread_info). */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../vm/frame.h"
#include "../vm/error.h"
#include "../vm/gil.h"
#include "../vm/trace.h"
#include "../gc/gc.h"
#include "structseq.h"

#include <dlfcn.h>
#include <pthread.h>
#include <float.h>
#include <gnu/libc-version.h>
#include <stdio.h>
#include <string.h>

extern Value sys_get(const char *name);
extern int sys_set(const char *name, Value v);

/* ---- Audit hooks (PEP 578) ---- */

static Value audit_hooks;   /* list, created by the first addaudithook */

/* Call every hook with (event, args).  Cheap when no hook was added, which
 * is the common case: callers may audit on hot-ish paths. */
int sys_audit_tuple(const char *event, Value args) {
    if (!audit_hooks || list_size(audit_hooks) == 0) return 0;
    Value ev = str_from_cstr(event);
    if (!ev) return -1;
    for (size_t i = 0; i < list_size(audit_hooks); i++) {
        Value a[2] = {ev, args};
        if (!obj_call(list_get(audit_hooks, i), a, 2, VNULL)) return -1;
    }
    return 0;
}

static Value audit_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("audit", kw) < 0) return VNULL;
    if (nargs < 1) {
        err_set(&exc_TypeError, "audit() missing 1 required positional argument: 'event'");
        return VNULL;
    }
    if (!audit_hooks || list_size(audit_hooks) == 0) return VNone;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "expected str for argument 'event', not %s", type_name(args[0]));
        return VNULL;
    }
    Value rest = tuple_from_array(args + 1, nargs - 1);
    if (!rest) return VNULL;
    for (size_t i = 0; i < list_size(audit_hooks); i++) {
        Value a[2] = {args[0], rest};
        if (!obj_call(list_get(audit_hooks, i), a, 2, VNULL)) return VNULL;
    }
    return VNone;
}

/* The existing hooks see "sys.addaudithook" first; one raising RuntimeError
 * vetoes the new hook silently, any other exception propagates. */
static Value addaudithook_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"hook", NULL};
    Value a[1];
    if (arg_parse("addaudithook", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    if (sys_audit_tuple("sys.addaudithook", tuple_empty()) < 0) {
        if (err_matches(&exc_RuntimeError)) {
            err_clear();
            return VNone;
        }
        return VNULL;
    }
    if (!audit_hooks) {
        audit_hooks = list_new(0);
        if (!audit_hooks) return VNULL;
        gc_add_root(&audit_hooks);
    }
    if (list_append(audit_hooks, a[0]) < 0) return VNULL;
    return VNone;
}

/* ---- sys.unraisablehook ---- */

static Type *unraisable_args_type;

static Value unraisablehook_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("unraisablehook", kw) < 0 || arg_count("unraisablehook", nargs, 1, 1) < 0) return VNULL;
    Value u = args[0];
    if (val_type(u) != unraisable_args_type) {
        err_set(&exc_TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
        return VNULL;
    }
    Value exc = structseq_get(u, 1), msg = structseq_get(u, 3), obj = structseq_get(u, 4);
    extern void err_write_unraisable_default(Value exc, Value msg, Value obj);
    err_write_unraisable_default(exc == VNone ? VNULL : exc, msg, obj);
    return VNone;
}

/* Report `exc` through sys.unraisablehook; the builtin hook prints
 * "Exception ignored in: <obj>" and the traceback.  A failing custom hook
 * is itself reported by the builtin one. */
void sys_call_unraisablehook(Value exc, Value msg, Value obj) {
    extern void err_write_unraisable_default(Value exc, Value msg, Value obj);
    Value saved = err_fetch();
    Value hook = sys_get("unraisablehook");
    Value dflt = sys_get("__unraisablehook__");
    if (!hook || hook == VNone || hook == dflt || !unraisable_args_type) {
        err_write_unraisable_default(exc, msg, obj);
        err_restore(saved);
        return;
    }
    Value u = structseq_new(unraisable_args_type);
    if (u) {
        structseq_set(u, 0, exc ? obj_val(val_type(exc)) : VNone);
        structseq_set(u, 1, exc ? exc : VNone);
        Value tb = exc ? ((ExceptionObject *)exc)->traceback : VNULL;
        structseq_set(u, 2, tb ? tb : VNone);
        structseq_set(u, 3, msg ? msg : VNone);
        structseq_set(u, 4, obj ? obj : VNone);
        if (obj_call1(hook, u)) {
            err_restore(saved);
            return;
        }
    }
    Value e2 = err_fetch();
    err_write_unraisable_default(e2, str_from_cstr("Exception ignored in sys.unraisablehook"), hook);
    err_restore(saved);
}

/* ---- Async-generator hooks and coroutine origin tracking ---- */

static Value asyncgen_firstiter, asyncgen_finalizer;
static Type *asyncgen_hooks_type;
int64_t coro_origin_depth;   /* read by gen.c */

Value sys_asyncgen_firstiter(void) { return asyncgen_firstiter; }
Value sys_asyncgen_finalizer(void) { return asyncgen_finalizer; }

static Value get_asyncgen_hooks_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("get_asyncgen_hooks", kw) < 0 || arg_count("get_asyncgen_hooks", nargs, 0, 0) < 0)
        return VNULL;
    Value items[2] = {asyncgen_firstiter ? asyncgen_firstiter : VNone,
                      asyncgen_finalizer ? asyncgen_finalizer : VNone};
    return structseq_from_array(asyncgen_hooks_type, items);
}

static Value set_asyncgen_hooks_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"firstiter", "finalizer", NULL};
    Value a[2];
    if (arg_parse("set_asyncgen_hooks", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    if (a[1] && a[1] != VNone && !val_type(a[1])->call) {
        err_format(&exc_TypeError, "callable finalizer expected, got %s", type_name(a[1]));
        return VNULL;
    }
    if (a[0] && a[0] != VNone && !val_type(a[0])->call) {
        err_format(&exc_TypeError, "callable firstiter expected, got %s", type_name(a[0]));
        return VNULL;
    }
    if (a[1]) asyncgen_finalizer = a[1] == VNone ? VNULL : a[1];
    if (a[0]) asyncgen_firstiter = a[0] == VNone ? VNULL : a[0];
    return VNone;
}

static Value get_coro_depth_m(Value self, Value *args, size_t nargs, Value kw) {
    return int_from_i64(coro_origin_depth);
}

static Value set_coro_depth_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"depth", NULL};
    Value a[1];
    if (arg_parse("set_coroutine_origin_tracking_depth", args, nargs, kwnames, names, 0, 1, a) < 0)
        return VNULL;
    int64_t d = int_as_i64(a[0]);
    if (d == -1 && err_occurred()) return VNULL;
    if (d < 0) {
        err_set(&exc_ValueError, "depth must be >= 0");
        return VNULL;
    }
    coro_origin_depth = d;
    return VNone;
}

/* ---- Small facts and knobs ---- */

static int64_t dlopen_flags = RTLD_NOW;

static Value getswitchinterval_m(Value self, Value *args, size_t nargs, Value kw) {
    return float_new(1e-6 * (double)gil_get_switch_interval());
}

static Value setswitchinterval_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("setswitchinterval", kw) < 0 || arg_count("setswitchinterval", nargs, 1, 1) < 0) return VNULL;
    double d;
    if (float_as_double(args[0], &d) < 0) return VNULL;
    if (d <= 0.0) {
        err_set(&exc_ValueError, "switch interval must be strictly positive");
        return VNULL;
    }
    /* Kept in whole microseconds, as CPython does. */
    double us = d * 1e6;
    gil_set_switch_interval(us >= 1e12 ? 1000000000000L : (long)us);
    return VNone;
}

static Value getdlopenflags_m(Value self, Value *args, size_t nargs, Value kw) { return int_from_i64(dlopen_flags); }

static Value setdlopenflags_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("setdlopenflags", kw) < 0 || arg_count("setdlopenflags", nargs, 1, 1) < 0) return VNULL;
    int64_t v = int_as_i64(args[0]);
    if (v == -1 && err_occurred()) return VNULL;
    dlopen_flags = v;
    return VNone;
}

bool sys_finalizing;   /* set by main once the program and atexit callbacks are done */
static Value is_finalizing_m(Value self, Value *args, size_t nargs, Value kw) {
    return sys_finalizing ? VTrue : VFalse;
}

static Value call_tracing_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("call_tracing", kw) < 0 || arg_count("call_tracing", nargs, 2, 2) < 0) return VNULL;
    if (!tuple_check(args[1])) {
        err_format(&exc_TypeError, "call_tracing(): argument 2 must be tuple, not %s", type_name(args[1]));
        return VNULL;
    }
    return obj_call(args[0], tuple_items(args[1]), tuple_size(args[1]), VNULL);
}

static Value getallocatedblocks_m(Value self, Value *args, size_t nargs, Value kw) {
    GCStats st;
    gc_get_stats(&st);
    return int_from_i64((int64_t)st.live_bytes / 16);   /* an estimate: no per-object count is kept */
}

static Value clear_type_cache_m(Value self, Value *args, size_t nargs, Value kw) {
    extern void type_cache_clear(void);
    type_cache_clear();
    return VNone;
}

/* ---- Tracing and profiling hooks (vm/trace.c reports the events) ---- */

static Value gettrace_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("sys.gettrace", kw) < 0 || arg_count("sys.gettrace", nargs, 0, 0) < 0) return VNULL;
    return ts->trace_func ? ts->trace_func : VNone;
}
static Value getprofile_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("sys.getprofile", kw) < 0 || arg_count("sys.getprofile", nargs, 0, 0) < 0) return VNULL;
    return ts->profile_func ? ts->profile_func : VNone;
}
static Value settrace_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("sys.settrace", kw) < 0 || arg_count("sys.settrace", nargs, 1, 1) < 0) return VNULL;
    trace_set_trace(trace_python_trampoline, args[0] == VNone ? VNULL : args[0]);
    return VNone;
}
static Value setprofile_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("sys.setprofile", kw) < 0 || arg_count("sys.setprofile", nargs, 1, 1) < 0) return VNULL;
    trace_set_profile(trace_python_profile, args[0] == VNone ? VNULL : args[0]);
    return VNone;
}

/* One thread: {thread id: its innermost frame}. */
/* Every thread's innermost frame (threads not yet running Python left out). */
static Value current_frames_m(Value self, Value *args, size_t nargs, Value kw) {
    Value d = dict_new();
    if (!d) return VNULL;
    for (ThreadState *t = thread_list; t; t = t->next) {
        if (!t->frame) continue;
        Value id = int_from_u64((uint64_t)t->ident);
        Value f = id ? frame_get_object(t->frame) : VNULL;
        if (!f || dict_set(d, id, f) < 0) return VNULL;
    }
    return d;
}

static Value current_exceptions_m(Value self, Value *args, size_t nargs, Value kw) {
    Value d = dict_new();
    if (!d) return VNULL;
    for (ThreadState *t = thread_list; t; t = t->next) {
        if (!t->frame) continue;
        Value id = int_from_u64((uint64_t)t->ident);
        if (!id || dict_set(d, id, t->handled ? t->handled : VNone) < 0) return VNULL;
    }
    return d;
}

static const MethodDef sys_runtime_functions[] = {
    {"audit", audit_m, 0, "Passes the event to any audit hooks that are attached."},
    {"addaudithook", addaudithook_m, 0, "Adds a new audit hook callback."},
    {"unraisablehook", unraisablehook_m, 0, "Handle an unraisable exception."},
    {"get_asyncgen_hooks", get_asyncgen_hooks_m, 0, NULL},
    {"set_asyncgen_hooks", set_asyncgen_hooks_m, 0, NULL},
    {"get_coroutine_origin_tracking_depth", get_coro_depth_m, 0, NULL},
    {"set_coroutine_origin_tracking_depth", set_coro_depth_m, 0, NULL},
    {"getswitchinterval", getswitchinterval_m, 0, NULL},
    {"setswitchinterval", setswitchinterval_m, 0, NULL},
    {"getdlopenflags", getdlopenflags_m, 0, NULL},
    {"setdlopenflags", setdlopenflags_m, 0, NULL},
    {"is_finalizing", is_finalizing_m, 0, NULL},
    {"call_tracing", call_tracing_m, 0, NULL},
    {"getallocatedblocks", getallocatedblocks_m, 0, NULL},
    {"_clear_type_cache", clear_type_cache_m, 0, NULL},
    {"_current_frames", current_frames_m, 0, NULL},
    {"_current_exceptions", current_exceptions_m, 0, NULL},
    {"gettrace", gettrace_m, 0, NULL},
    {"settrace", settrace_m, 0, NULL},
    {"getprofile", getprofile_m, 0, NULL},
    {"setprofile", setprofile_m, 0, NULL},
    {NULL}
};

/* ---- The info struct sequences ---- */

static Value info_value(Type *t, const Value *items) { return items ? structseq_from_array(t, items) : VNULL; }

int sys_runtime_init(Value m) {
    if (module_add_functions(m, sys_runtime_functions) < 0) return -1;
    module_add(m, "__unraisablehook__", dict_get_cstr(module_dict(m), "unraisablehook"));

    static const char *const ua_fields[] = {"exc_type", "exc_value", "exc_traceback", "err_msg", "object", NULL};
    unraisable_args_type = structseq_new_type("UnraisableHookArgs", ua_fields, 5);
    module_add(m, "UnraisableHookArgs", obj_val(unraisable_args_type));
    static const char *const ah_fields[] = {"firstiter", "finalizer", NULL};
    asyncgen_hooks_type = structseq_new_type("asyncgen_hooks", ah_fields, 2);
    gc_add_root(&asyncgen_firstiter);
    gc_add_root(&asyncgen_finalizer);

    static const char *const fi_fields[] = {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
                                            "dig", "mant_dig", "epsilon", "radix", "rounds", NULL};
    Type *fi = structseq_new_type("sys.float_info", fi_fields, 11);
    Value fiv[] = {float_new(DBL_MAX), val_from_int(DBL_MAX_EXP), val_from_int(DBL_MAX_10_EXP),
                   float_new(DBL_MIN), val_from_int(DBL_MIN_EXP), val_from_int(DBL_MIN_10_EXP),
                   val_from_int(DBL_DIG), val_from_int(DBL_MANT_DIG), float_new(DBL_EPSILON),
                   val_from_int(FLT_RADIX), val_from_int(FLT_ROUNDS)};
    module_add(m, "float_info", info_value(fi, fiv));

    /* Big ints are GMP numbers of 64-bit limbs; the string-digit limits are CPython's. */
    static const char *const ii_fields[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                            "str_digits_check_threshold", NULL};
    Type *ii = structseq_new_type("sys.int_info", ii_fields, 4);
    Value iiv[] = {val_from_int(64), val_from_int(8), val_from_int(4300), val_from_int(640)};
    module_add(m, "int_info", info_value(ii, iiv));

    static const char *const hi_fields[] = {"width", "modulus", "inf", "nan", "imag", "algorithm",
                                            "hash_bits", "seed_bits", "cutoff", NULL};
    Type *hi = structseq_new_type("sys.hash_info", hi_fields, 9);
    Value hiv[] = {val_from_int(64), int_from_i64((int64_t)((1ull << 61) - 1)), val_from_int(314159),
                   val_from_int(0), val_from_int(1000003), str_from_cstr("taipan-mum"), val_from_int(64),
                   val_from_int(128), val_from_int(0)};
    module_add(m, "hash_info", info_value(hi, hiv));

    /* version_info: a struct sequence, so sys.version_info.major works as in CPython. */
    static const char *const vi_fields[] = {"major", "minor", "micro", "releaselevel", "serial", NULL};
    Type *vi = structseq_new_type("sys.version_info", vi_fields, 5);
    Value viv[] = {val_from_int(3), val_from_int(11), val_from_int(2), str_from_cstr("final"), val_from_int(0)};
    Value version_info = info_value(vi, viv);
    module_add(m, "version_info", version_info);
    Value impl = dict_get_cstr(module_dict(m), "implementation");
    if (impl && obj_setattr_cstr(impl, "version", version_info) < 0) return -1;

    static const char *const ti_fields[] = {"name", "lock", "version", NULL};
    Type *ti = structseq_new_type("sys.thread_info", ti_fields, 3);
    char ver[64];
    snprintf(ver, sizeof ver, "NPTL %s", gnu_get_libc_version());
    Value tiv[] = {str_from_cstr("pthread"), str_from_cstr("semaphore"), str_from_cstr(ver)};
    module_add(m, "thread_info", info_value(ti, tiv));
    return 0;
}
