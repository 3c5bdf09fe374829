/* thread.c - the _thread module: starting threads, their end, identity, stack size, interrupt_main, _excepthook. */
#include "thread_module.h"
#include "signal.h"
#include "structseq.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/frame.h"
#include "../vm/gil.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>
#include <sys/syscall.h>

/*
 * start_new_thread makes the new thread's ThreadState (holding the GIL, so
 * the collector sees the function and arguments in it from then on) and
 * a detached pthread.  The thread maps its value stack, takes the GIL, runs
 * the function, and at its end, still holding the GIL, releases its
 * sentinel lock (threading's join waits on it), forgets its thread-local
 * data, unlinks its state and lets the GIL go for good.  docs/threads.md
 * has the whole design.
 */

#define THREAD_STACK_MIN 32768     /* CPython's minimum for stack_size() */
#define THREAD_STACK_FLOOR (1u << 20)  /* the least a Taipan thread really gets */

static size_t stack_size_setting;  /* 0: the system's default */
static long nthreads;              /* threads started here and still running */
static Type *excepthook_args_type;

/* ---- A thread's life ---- */

static void *thread_boot(void *arg) {
    ThreadState *t = arg;
    ts = t;
    t->c_stack_base = gc_thread_attach();
    t->native_id = (long)syscall(SYS_gettid);
    t->ident = (unsigned long)pthread_self();
    bool mapped = interp_thread_init(t) == 0;
    gil_take();
    if (!mapped) {
        err_set(&exc_MemoryError, "cannot allocate a thread's value stack");
    } else {
        Value r = obj_call_tuple_dict(t->boot_func, t->boot_args, t->boot_kwargs == VNone ? VNULL : t->boot_kwargs);
        (void)r;
    }
    Value e = err_fetch();
    if (e && !val_isinstance(e, &exc_SystemExit)) {
        extern void sys_call_unraisablehook(Value exc, Value msg, Value obj);
        sys_call_unraisablehook(e, str_from_cstr("Exception ignored in thread started by"), t->boot_func);
        err_clear();
    }
    thread_lock_release_if_locked(t->sentinel);
    thread_local_forget(t);
    err_clear();
    nthreads--;
    interp_thread_fini(t);
    ts = NULL;
    thread_state_delete(t);
    gil_drop_parked();
    return NULL;
}

static Value start_new_thread_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("start_new_thread", kw) < 0 || arg_count("start_new_thread", nargs, 2, 3) < 0) return VNULL;
    if (!val_type(args[0])->call) {
        err_set(&exc_TypeError, "first arg must be callable");
        return VNULL;
    }
    if (!tuple_check(args[1])) {
        err_set(&exc_TypeError, "2nd arg must be a tuple");
        return VNULL;
    }
    Value kwargs = nargs > 2 ? args[2] : VNone;
    if (kwargs != VNone && !dict_check(kwargs)) {
        err_set(&exc_TypeError, "optional 3rd arg must be a dictionary");
        return VNULL;
    }
    extern bool sys_finalizing;
    if (sys_finalizing) {
        err_set(&exc_RuntimeError, "can't create new thread at interpreter shutdown");
        return VNULL;
    }
    ThreadState *t = thread_state_new();
    if (!t) {
        err_no_memory();
        return VNULL;
    }
    t->boot_func = args[0];
    t->boot_args = args[1];
    t->boot_kwargs = kwargs;
    gil_activate();
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (stack_size_setting)
        pthread_attr_setstacksize(&attr, stack_size_setting < THREAD_STACK_FLOOR ? THREAD_STACK_FLOOR : stack_size_setting);
    pthread_t id;
    int e = pthread_create(&id, &attr, thread_boot, t);
    pthread_attr_destroy(&attr);
    if (e) {
        thread_state_delete(t);
        err_set(&exc_RuntimeError, "can't start new thread");
        return VNULL;
    }
    nthreads++;
    return int_from_u64((uint64_t)id);
}

/* Interpreter exit (main.c), before the atexit callbacks: wait for the
 * non-daemon threads as CPython's Py_FinalizeEx does, through
 * threading._shutdown if threading was imported. */
void thread_wait_for_shutdown(void) {
    extern Value sys_modules_dict;
    Value threading = sys_modules_dict ? dict_get_cstr(sys_modules_dict, "threading") : VNULL;
    if (!threading) {
        err_clear();
        return;
    }
    Value r = obj_call_method(threading, "_shutdown", NULL, 0);
    if (!r) err_write_unraisable(err_fetch(), threading);
}

/* After interpreter exit has begun, threads that come back for the GIL
 * (daemon threads) wait forever: the process ends around them. */
void thread_finalize(void) { gil_finalize(); }

/* After fork() in the child (posix_proc.c): the other threads are gone. */
void thread_module_after_fork_child(void) {
    thread_after_fork_child(thread_local_forget);
    nthreads = 0;
    extern void import_locks_after_fork(void), imp_lock_after_fork(void);
    import_locks_after_fork();
    imp_lock_after_fork();
}

/* ---- Module functions ---- */

static Value allocate_lock_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("allocate_lock", kw) < 0) return VNULL;
    if (nargs) {
        err_format(&exc_TypeError, "_thread.allocate_lock() takes no arguments (%zu given)", nargs);
        return VNULL;
    }
    LockObject *l = gc_alloc(&type_lock, sizeof(LockObject));
    return l ? obj_val(l) : VNULL;
}

static Value get_ident_m(Value self, Value *args, size_t nargs, Value kw) {
    return int_from_u64((uint64_t)pthread_self());
}

static Value get_native_id_m(Value self, Value *args, size_t nargs, Value kw) {
    return int_from_i64(ts->native_id);
}

static Value count_m(Value self, Value *args, size_t nargs, Value kw) { return int_from_i64(nthreads); }

static Value interrupt_main_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"signum", NULL};
    Value a[1];
    if (arg_parse("interrupt_main", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    int sig = SIGINT;
    if (a[0]) {
        int64_t v = int_as_i64(a[0]);
        if (v == -1 && err_occurred()) return VNULL;
        sig = v < INT_MIN || v > INT_MAX ? -1 : (int)v;
    }
    if (signal_simulate(sig) < 0) return VNULL;
    return VNone;
}

static Value exit_thread_m(Value self, Value *args, size_t nargs, Value kw) {
    err_set_object(obj_call0(obj_val(&exc_SystemExit)));
    return VNULL;
}

static Value stack_size_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("stack_size", kw) < 0 || arg_count("stack_size", nargs, 0, 1) < 0) return VNULL;
    size_t old = stack_size_setting;
    if (nargs) {
        int64_t n = int_as_i64(args[0]);
        if (n == -1 && err_occurred()) return VNULL;
        if (n < 0) {
            err_set(&exc_ValueError, "size must be 0 or a positive value");
            return VNULL;
        }
        if (n != 0 && n < THREAD_STACK_MIN) {
            err_format(&exc_ValueError, "size not valid: %lld bytes", (long long)n);
            return VNULL;
        }
        stack_size_setting = (size_t)n;
    }
    return int_from_u64(old);
}

/* A lock that the current thread releases when it ends, if held then
 * (threading acquires it at once, and joins a thread by acquiring it). */
static Value set_sentinel_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_set_sentinel", kw) < 0 || arg_count("_set_sentinel", nargs, 0, 0) < 0) return VNULL;
    LockObject *l = gc_alloc(&type_lock, sizeof(LockObject));
    if (!l) return VNULL;
    Value lock = obj_val(l);
    /* A sentinel set before is forgotten: CPython does the same. */
    ts->sentinel = lock;
    return lock;
}

/* threading.excepthook's default: "Exception in thread NAME:" and the
 * traceback, to sys.stderr (or the thread's _stderr if that is None). */
static Value excepthook_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_excepthook", kw) < 0 || arg_count("_excepthook", nargs, 1, 1) < 0) return VNULL;
    Value a = args[0];
    if (val_type(a) != excepthook_args_type) {
        err_set(&exc_TypeError, "_thread.excepthook argument type must be ExceptHookArgs");
        return VNULL;
    }
    Value exc_type = structseq_get(a, 0), exc_value = structseq_get(a, 1), thread = structseq_get(a, 3);
    if (exc_type == obj_val(&exc_SystemExit)) return VNone;
    extern Value sys_get(const char *name);
    Value file = sys_get("stderr");
    if (!file) err_clear();
    if (!file || file == VNone) {
        if (thread == VNone) return VNone;
        file = obj_getattr_cstr(thread, "_stderr");
        if (!file) return VNULL;
        if (file == VNone) return VNone;
    }
    Value name = VNULL;
    if (thread != VNone) {
        name = obj_getattr_opt(thread, str_intern_cstr("name"));
        if (!name && err_occurred()) return VNULL;
    }
    Value who = name ? obj_str(name) : str_printf("%lu", (unsigned long)pthread_self());
    if (!who) return VNULL;
    Value head = str_printf("Exception in thread %U:\n", who);
    if (!head || !obj_call_method(file, "write", &head, 1)) return VNULL;
    Value text = VNULL;
    if (exc_value && exc_value != VNone && val_isinstance(exc_value, &exc_BaseException)) {
        extern Value exc_format_full(Value e);
        text = exc_format_full(exc_value);
    } else if (exc_type && type_check(exc_type)) {
        text = str_printf("%s\n", ((Type *)exc_type)->name);
    }
    if (!text) {
        err_clear();
    } else if (!obj_call_method(file, "write", &text, 1)) {
        return VNULL;
    }
    if (!obj_call_method(file, "flush", NULL, 0)) return VNULL;
    return VNone;
}

static const MethodDef thread_functions[] = {
    {"allocate_lock", allocate_lock_m, 0,
     "allocate_lock() -> lock object\n(allocate() is an obsolete synonym)\n\n"
     "Create a new lock object. See help(type(threading.Lock())) for\ninformation about locks."},
    {"allocate", allocate_lock_m, 0, "allocate_lock() -> lock object\n(allocate() is an obsolete synonym)"},
    {"get_ident", get_ident_m, 0,
     "get_ident() -> integer\n\nReturn a non-zero integer that uniquely identifies the current thread\n"
     "amongst other threads that exist simultaneously."},
    {"get_native_id", get_native_id_m, 0,
     "get_native_id() -> integer\n\nReturn a non-negative integer identifying the thread as reported\n"
     "by the OS (kernel). This may be used to uniquely identify a\nparticular thread within a system."},
    {"_count", count_m, 0,
     "_count() -> integer\n\nReturn the number of currently running Python threads, excluding\n"
     "the main thread. The returned number comprises all threads created\n"
     "through `start_new_thread()` as well as `threading.Thread`, and not\n"
     "yet finished."},
    {"start_new_thread", start_new_thread_m, 0,
     "start_new_thread(function, args[, kwargs])\n(start_new() is an obsolete synonym)\n\n"
     "Start a new thread and return its identifier.  The thread will call the\n"
     "function with positional arguments from the tuple args and keyword arguments\n"
     "taken from the optional dictionary kwargs.  The thread exits when the\n"
     "function returns; the return value is ignored.  The thread will also exit\n"
     "when the function raises an unhandled exception; a stack trace will be\n"
     "printed unless the exception is SystemExit.\n"},
    {"start_new", start_new_thread_m, 0,
     "start_new_thread(function, args[, kwargs])\n(start_new() is an obsolete synonym)"},
    {"interrupt_main", interrupt_main_m, 0,
     "interrupt_main(signum=signal.SIGINT, /)\n\n"
     "Simulate the arrival of the given signal in the main thread,\n"
     "where the corresponding signal handler will be executed.\n"
     "If *signum* is omitted, SIGINT is assumed.\n"
     "A subthread can use this function to interrupt the main thread.\n\n"
     "Note: the default signal handler for SIGINT raises ``KeyboardInterrupt``."},
    {"exit", exit_thread_m, 0,
     "exit()\n(exit_thread() is an obsolete synonym)\n\n"
     "This is synonymous to ``raise SystemExit''.  It will cause the current\n"
     "thread to exit silently unless the exception is caught."},
    {"exit_thread", exit_thread_m, 0, "exit()\n(exit_thread() is an obsolete synonym)"},
    {"stack_size", stack_size_m, 0,
     "stack_size([size]) -> size\n\n"
     "Return the thread stack size used when creating new threads.  The\n"
     "optional size argument specifies the stack size (in bytes) to be used\n"
     "for subsequently created threads, and must be 0 (use platform or\n"
     "configured default) or a positive integer value of at least 32,768 (32k).\n"
     "If changing the thread stack size is unsupported, a ThreadError\n"
     "exception is raised.  If the specified size is invalid, a ValueError\n"
     "exception is raised, and the stack size is unmodified.  32k bytes\n"
     " currently the minimum supported stack size value to guarantee\n"
     "sufficient stack space for the interpreter itself.\n\n"
     "Note that some platforms may have particular restrictions on values for\n"
     "the stack size, such as requiring a minimum stack size larger than 32 KiB or\n"
     "requiring allocation in multiples of the system memory page size\n"
     "- platform documentation should be referred to for more information\n"
     "(4 KiB pages are common; using multiples of 4096 for the stack size is\n"
     "the suggested approach in the absence of more specific information)."},
    {"_set_sentinel", set_sentinel_m, 0,
     "_set_sentinel() -> lock\n\n"
     "Set a sentinel lock that will be released when the current thread\n"
     "state is finalized (after it is untied from the interpreter).\n\n"
     "This is a private API for the threading module."},
    {"_excepthook", excepthook_m, 0, "excepthook(exc_type, exc_value, exc_traceback, thread)\n\nHandle uncaught Thread.run() exception."},
    {NULL}
};

static const char *const excepthook_fields[] = {"exc_type", "exc_value", "exc_traceback", "thread", NULL};

Value thread_module_init(void) {
    type_ready(&type_lock);
    type_ready(&type_rlock);
    type_ready(&type_local);
    if (!excepthook_args_type) {
        excepthook_args_type = structseq_new_type("_thread._ExceptHookArgs", excepthook_fields, 4);
        structseq_set_doc(excepthook_args_type, "ExceptHookArgs\n\nType used to pass arguments to threading.excepthook.");
    }
    Value m = module_new_cstr("_thread");
    if (!m || module_add_functions(m, thread_functions) < 0) return VNULL;
    module_add(m, "__doc__", str_from_cstr("This module provides primitive operations to write multi-threaded programs.\n"
                                           "The 'threading' module provides a more convenient interface."));
    module_add(m, "LockType", obj_val(&type_lock));
    module_add(m, "RLock", obj_val(&type_rlock));
    module_add(m, "_local", obj_val(&type_local));
    module_add(m, "_ExceptHookArgs", obj_val(excepthook_args_type));
    module_add(m, "error", obj_val(&exc_RuntimeError));
    module_add(m, "TIMEOUT_MAX", float_new(9223372036.0));
    return m;
}
