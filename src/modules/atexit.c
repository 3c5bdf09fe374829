/* atexit.c - the atexit module: functions to run at interpreter exit, last registered first. */
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
 * The registered calls are kept in `callbacks`, a list of (func, args,
 * kwargs) tuples; unregister() puts None in place of an entry, so a
 * callback that unregisters another while the list is being run does not
 * shift the ones still to come.  main() calls atexit_run_exitfuncs() once
 * the program has finished, before the standard streams are flushed.
 */

static Value callbacks;   /* list; a GC root */

static int ensure_list(void) {
    if (callbacks) return 0;
    callbacks = list_new(0);
    if (!callbacks) return -1;
    gc_add_root(&callbacks);
    return 0;
}

static Value register_m(Value self, Value *args, size_t nargs, Value kwnames) {
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    if (nargs < 1) {
        err_format(&exc_TypeError, "register() takes at least 1 argument (%zu given)", nargs);
        return VNULL;
    }
    Value func = args[0];
    if (val_is_int(func) || !val_type(func)->call) {
        err_set(&exc_TypeError, "the first argument must be callable");
        return VNULL;
    }
    Value pos = tuple_from_array(args + 1, nargs - 1);
    Value kw = nkw ? dict_new() : VNone;
    if (!pos || !kw) return VNULL;
    for (size_t i = 0; i < nkw; i++)
        if (dict_set(kw, tuple_get(kwnames, (ssize_t)i), args[nargs + i]) < 0) return VNULL;
    Value entry = tuple_pack(3, func, pos, kw);
    if (!entry || ensure_list() < 0 || list_append(callbacks, entry) < 0) return VNULL;
    return func;
}

static Value unregister_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("unregister", kwnames) < 0 || arg_count("atexit.unregister", nargs, 1, 1) < 0) return VNULL;
    if (!callbacks) return VNone;
    for (ssize_t i = 0; i < list_size(callbacks); i++) {
        Value e = list_get(callbacks, i);
        if (e == VNone) continue;
        int eq = obj_richcompare_bool(tuple_get(e, 0), args[0], CMP_EQ);
        if (eq < 0) return VNULL;
        if (eq) list_set(callbacks, i, VNone);
    }
    return VNone;
}

/* Report an exception from a callback as CPython's unraisable hook does. */
static void report(Value exc, Value func) {
    extern void write_stderr_text(Value text);
    extern void exc_print(Value e);
    Value r = obj_repr(func);
    if (!r) {
        err_clear();
        r = str_from_cstr("<object repr() failed>");
    }
    Value line = r ? str_printf("Exception ignored in atexit callback: %U\n", r) : VNULL;
    if (line) write_stderr_text(line);
    else err_clear();
    exc_print(exc);
}

/* Run every callback, newest first, then forget them all.  Exceptions are
 * reported and do not stop the others. */
void atexit_run_exitfuncs(void) {
    if (!callbacks) return;
    Value saved = err_fetch();
    /* Entries registered while running are not run (and are cleared with
     * the rest); entries unregistered while running are skipped. */
    for (ssize_t i = list_size(callbacks) - 1; i >= 0; i--) {
        if (i >= list_size(callbacks)) continue;   /* _clear() ran meanwhile */
        Value e = list_get(callbacks, i);
        if (e == VNone) continue;
        Value func = tuple_get(e, 0), pos = tuple_get(e, 1), kw = tuple_get(e, 2);
        Value r = obj_call_tuple_dict(func, pos, kw == VNone ? VNULL : kw);
        if (!r) report(err_fetch(), func);
    }
    list_clear(callbacks);
    err_restore(saved);
}

static Value run_exitfuncs_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("atexit._run_exitfuncs", nargs, 0, 0) < 0) return VNULL;
    atexit_run_exitfuncs();
    return VNone;
}

static Value clear_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("atexit._clear", nargs, 0, 0) < 0) return VNULL;
    if (callbacks) list_clear(callbacks);
    return VNone;
}

/* Counts slots, as CPython 3.11 does: unregister() leaves its slot behind. */
static Value ncallbacks_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("atexit._ncallbacks", nargs, 0, 0) < 0) return VNULL;
    return int_from_i64(callbacks ? list_size(callbacks) : 0);
}

static const MethodDef atexit_functions[] = {
    {"register", register_m, 0,
     "Register a function to be executed upon normal program termination\n\n"
     "    func - function to be called at exit\n"
     "    args - optional arguments to pass to func\n"
     "    kwargs - optional keyword arguments to pass to func\n\n"
     "    func is returned to facilitate usage as a decorator."},
    {"unregister", unregister_m, 0,
     "Unregister an exit function which was previously registered using\n"
     "atexit.register\n\n"
     "    func - function to be unregistered"},
    {"_run_exitfuncs", run_exitfuncs_m, 0, "Run all registered exit functions."},
    {"_clear", clear_m, 0, "Clear the list of previously registered exit functions."},
    {"_ncallbacks", ncallbacks_m, 0, "Return the number of registered exit functions."},
    {NULL}
};

Value atexit_module_init(void) {
    Value m = module_new_cstr("atexit");
    if (!m || module_add_functions(m, atexit_functions) < 0) return VNULL;
    if (module_add(m, "__doc__", str_from_cstr("allow programmer to define multiple exit functions to be executed\n"
                                               "upon normal program termination.\n\n"
                                               "Two public functions, register and unregister, are defined.\n")) < 0)
        return VNULL;
    return m;
}
