/* thread.c - the _thread module: locks, thread identity, thread-local data (threads themselves come with the GIL). */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/instance.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <time.h>

/*
 * Taipan runs one thread of Python code for now: locks have their full
 * semantics for that thread (a second blocking acquire of a held Lock
 * waits for its timeout, or forever, as it would in CPython with nobody to
 * release it), thread-local data is per (the one) thread, and
 * start_new_thread raises until the runtime gets its global interpreter
 * lock and a thread-safe collector (the threads and processes work).
 */

typedef struct LockObject {
    Object hdr;
    bool locked;
} LockObject;

typedef struct RLockObject {
    Object hdr;
    unsigned long owner;
    unsigned long count;
} RLockObject;

Type type_lock, type_rlock, type_local;

static unsigned long current_ident(void) { return (unsigned long)pthread_self(); }

/* Parse acquire(blocking=True, timeout=-1); returns the timeout (-1 = forever), or -2 on error. */
static double parse_acquire(Value *args, size_t nargs, Value kwnames, bool *blocking) {
    static const char *const names[] = {"blocking", "timeout", NULL};
    Value a[2];
    if (arg_parse("acquire", args, nargs, kwnames, names, 0, 0, a) < 0) return -2;
    *blocking = true;
    if (a[0]) {
        int t = obj_is_true(a[0]);
        if (t < 0) return -2;
        *blocking = t;
    }
    double timeout = -1;
    if (a[1]) {
        if (float_as_double(a[1], &timeout) < 0) return -2;
        if (!*blocking && timeout != -1) {
            err_set(&exc_ValueError, "can't specify a timeout for a non-blocking call");
            return -2;
        }
        if (timeout < 0 && timeout != -1) {
            err_set(&exc_ValueError, "timeout value must be a non-negative number");
            return -2;
        }
    }
    return timeout;
}

/* With a single thread, waiting for a held lock can only time out. */
static int wait_for_nobody(double timeout) {
    if (timeout < 0) {
        err_set(&exc_RuntimeError, "deadlock: blocking acquire of a lock held by the only running thread");
        return -1;
    }
    struct timespec ts = {(time_t)timeout, (long)((timeout - floor(timeout)) * 1e9)};
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {}
    return 0;
}

static Value lock_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("lock", kwnames) < 0 || arg_count("lock", nargs, 0, 0) < 0) return VNULL;
    return type_generic_alloc(t, 0);
}

static Value lock_acquire(Value self, Value *args, size_t nargs, Value kwnames) {
    bool blocking;
    double timeout = parse_acquire(args, nargs, kwnames, &blocking);
    if (timeout == -2) return VNULL;
    LockObject *l = (LockObject *)self;
    if (!l->locked) {
        l->locked = true;
        return VTrue;
    }
    if (!blocking) return VFalse;
    if (wait_for_nobody(timeout) < 0) return VNULL;
    return VFalse;
}

static Value lock_release(Value self, Value *args, size_t nargs, Value kw) {
    LockObject *l = (LockObject *)self;
    if (!l->locked) {
        err_set(&exc_RuntimeError, "release unlocked lock");
        return VNULL;
    }
    l->locked = false;
    return VNone;
}

static Value lock_locked(Value self, Value *args, size_t nargs, Value kw) { return val_bool(((LockObject *)self)->locked); }

static Value lock_exit(Value self, Value *args, size_t nargs, Value kw) { return lock_release(self, NULL, 0, VNULL); }

static Value lock_at_fork(Value self, Value *args, size_t nargs, Value kw) {
    ((LockObject *)self)->locked = false;
    return VNone;
}

static Value lock_repr(Value self) {
    return str_printf("<%s %s object at %p>", ((LockObject *)self)->locked ? "locked" : "unlocked",
                      val_type(self) == &type_lock ? "_thread.lock" : type_name(self), (void *)self);
}

static const MethodDef lock_methods[] = {
    {"acquire", lock_acquire, 0, "Lock the lock."},
    {"acquire_lock", lock_acquire, 0, NULL},
    {"release", lock_release, 0, "Release the lock."},
    {"release_lock", lock_release, 0, NULL},
    {"locked", lock_locked, 0, "Test whether the lock is currently locked."},
    {"locked_lock", lock_locked, 0, NULL},
    {"__enter__", lock_acquire, 0, NULL},
    {"__exit__", lock_exit, 0, NULL},
    {"_at_fork_reinit", lock_at_fork, 0, NULL},
    {NULL}
};

Type type_lock = {
    .hdr = {0, &type_type},
    .name = "_thread.lock",
    .basicsize = sizeof(LockObject),
    .new = lock_new,
    .repr = lock_repr,
    .methods = lock_methods,
};

/* ---- RLock ---- */

static Value rlock_new(Type *t, Value *args, size_t nargs, Value kwnames) { return type_generic_alloc(t, 0); }

static Value rlock_acquire(Value self, Value *args, size_t nargs, Value kwnames) {
    bool blocking;
    double timeout = parse_acquire(args, nargs, kwnames, &blocking);
    if (timeout == -2) return VNULL;
    RLockObject *r = (RLockObject *)self;
    unsigned long me = current_ident();
    if (r->count == 0 || r->owner == me) {
        r->owner = me;
        r->count++;
        return VTrue;
    }
    if (!blocking) return VFalse;
    if (wait_for_nobody(timeout) < 0) return VNULL;
    return VFalse;
}

static Value rlock_release(Value self, Value *args, size_t nargs, Value kw) {
    RLockObject *r = (RLockObject *)self;
    if (r->count == 0 || r->owner != current_ident()) {
        err_set(&exc_RuntimeError, "cannot release un-acquired lock");
        return VNULL;
    }
    if (--r->count == 0) r->owner = 0;
    return VNone;
}

static Value rlock_exit(Value self, Value *args, size_t nargs, Value kw) { return rlock_release(self, NULL, 0, VNULL); }

static Value rlock_is_owned(Value self, Value *args, size_t nargs, Value kw) {
    RLockObject *r = (RLockObject *)self;
    return val_bool(r->count > 0 && r->owner == current_ident());
}

static Value rlock_release_save(Value self, Value *args, size_t nargs, Value kw) {
    RLockObject *r = (RLockObject *)self;
    if (r->count == 0) {
        err_set(&exc_RuntimeError, "cannot release un-acquired lock");
        return VNULL;
    }
    Value state = tuple_pack(2, int_from_u64(r->count), int_from_u64(r->owner));
    r->count = 0;
    r->owner = 0;
    return state;
}

static Value rlock_acquire_restore(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("_acquire_restore", nargs, 1, 1) < 0) return VNULL;
    Value st = args[0];
    if (!tuple_check(st) || tuple_size(st) != 2) {
        err_set(&exc_TypeError, "_acquire_restore() argument 1 must be tuple of 2 items");
        return VNULL;
    }
    RLockObject *r = (RLockObject *)self;
    r->count = int_as_u64(tuple_get(st, 0));
    r->owner = int_as_u64(tuple_get(st, 1));
    return err_occurred() ? VNULL : VNone;
}

static Value rlock_recursion_count(Value self, Value *args, size_t nargs, Value kw) {
    RLockObject *r = (RLockObject *)self;
    return int_from_u64(r->owner == current_ident() ? r->count : 0);
}

static Value rlock_at_fork(Value self, Value *args, size_t nargs, Value kw) {
    ((RLockObject *)self)->count = 0;
    ((RLockObject *)self)->owner = 0;
    return VNone;
}

static Value rlock_repr(Value self) {
    RLockObject *r = (RLockObject *)self;
    return str_printf("<%s %s object owner=%lu count=%lu at %p>", r->count ? "locked" : "unlocked",
                      type_name(self), r->owner, r->count, (void *)self);
}

static const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, 0, NULL},
    {"release", rlock_release, 0, NULL},
    {"__enter__", rlock_acquire, 0, NULL},
    {"__exit__", rlock_exit, 0, NULL},
    {"_is_owned", rlock_is_owned, 0, NULL},
    {"_release_save", rlock_release_save, 0, NULL},
    {"_acquire_restore", rlock_acquire_restore, 0, NULL},
    {"_recursion_count", rlock_recursion_count, 0, NULL},
    {"_at_fork_reinit", rlock_at_fork, 0, NULL},
    {NULL}
};

Type type_rlock = {
    .hdr = {0, &type_type},
    .name = "_thread.RLock",
    .basicsize = sizeof(RLockObject),
    .flags = TF_BASETYPE,
    .new = rlock_new,
    .repr = rlock_repr,
    .methods = rlock_methods,
};

/* ---- _local: one thread, so its attributes are simply the object's own ---- */

typedef struct LocalObject {
    Object hdr;
    AttrHeader attrs;
} LocalObject;

static Value local_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    if ((nargs || (kwnames && tuple_size(kwnames))) && t->init == type_object.init) {
        err_set(&exc_TypeError, "Initialization arguments are not supported");
        return VNULL;
    }
    return type_generic_alloc(t, 0);
}

static Value local_get_dict(Value self) { return inst_dict(self); }
static const GetSetDef local_getsets[] = {{"__dict__", local_get_dict, NULL, NULL}, {NULL}};

Type type_local = {
    .hdr = {0, &type_type},
    .name = "_thread._local",
    .basicsize = sizeof(LocalObject),
    .attrs_offset = offsetof(LocalObject, attrs),
    .flags = TF_BASETYPE,
    .trace = inst_trace_attrs,
    .new = local_new,
    .getsets = local_getsets,
    .doc = "Thread-local data",
};

/* ---- Module functions ---- */

static Value allocate_lock_m(Value self, Value *args, size_t nargs, Value kw) { return type_generic_alloc(&type_lock, 0); }
static Value get_ident_m(Value self, Value *args, size_t nargs, Value kw) { return int_from_u64(current_ident()); }
static Value get_native_id_m(Value self, Value *args, size_t nargs, Value kw) {
    extern long syscall(long, ...);
    return int_from_i64((int64_t)syscall(186 /* SYS_gettid */));
}
static Value count_m(Value self, Value *args, size_t nargs, Value kw) { return val_from_int(0); }

static Value start_new_thread_m(Value self, Value *args, size_t nargs, Value kw) {
    err_set(&exc_RuntimeError, "can't start new thread: Taipan does not run threads yet");
    return VNULL;
}

static Value interrupt_main_m(Value self, Value *args, size_t nargs, Value kw) {
    err_set_object(obj_call0(obj_val(&exc_KeyboardInterrupt)));
    return VNULL;
}

static Value exit_thread_m(Value self, Value *args, size_t nargs, Value kw) {
    err_set_object(obj_call0(obj_val(&exc_SystemExit)));
    return VNULL;
}

static Value stack_size_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("stack_size", nargs, 0, 1) < 0) return VNULL;
    return val_from_int(0);
}

static Value set_sentinel_m(Value self, Value *args, size_t nargs, Value kw) { return type_generic_alloc(&type_lock, 0); }

static Value daemon_threads_allowed_m(Value self, Value *args, size_t nargs, Value kw) { return VTrue; }

static const MethodDef thread_functions[] = {
    {"allocate_lock", allocate_lock_m, 0, NULL},
    {"allocate", allocate_lock_m, 0, NULL},
    {"get_ident", get_ident_m, 0, NULL},
    {"get_native_id", get_native_id_m, 0, NULL},
    {"_count", count_m, 0, NULL},
    {"start_new_thread", start_new_thread_m, 0, NULL},
    {"start_new", start_new_thread_m, 0, NULL},
    {"interrupt_main", interrupt_main_m, 0, NULL},
    {"exit", exit_thread_m, 0, NULL},
    {"exit_thread", exit_thread_m, 0, NULL},
    {"stack_size", stack_size_m, 0, NULL},
    {"_set_sentinel", set_sentinel_m, 0, NULL},
    {"daemon_threads_allowed", daemon_threads_allowed_m, 0, NULL},
    {NULL}
};

Value thread_module_init(void) {
    type_ready(&type_lock);
    type_ready(&type_rlock);
    type_ready(&type_local);
    Value m = module_new_cstr("_thread");
    if (!m || module_add_functions(m, thread_functions) < 0) return VNULL;
    module_add(m, "LockType", obj_val(&type_lock));
    module_add(m, "lock", obj_val(&type_lock));
    module_add(m, "RLock", obj_val(&type_rlock));
    module_add(m, "_local", obj_val(&type_local));
    module_add(m, "error", obj_val(&exc_RuntimeError));
    module_add(m, "TIMEOUT_MAX", float_new(9223372036.0));
    return m;
}

/* The GIL (vm/gil.h): one thread runs Python code today, so there is
 * nothing to release yet. */
void gil_release(void) {}
void gil_acquire(void) {}
