/* thread_lock.c - _thread.lock and _thread.RLock: state under the GIL, waits on a futex word with the GIL released. */
#include "thread_module.h"
#include "os_util.h"
#include "signal.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/gil.h"

#include <errno.h>
#include <pthread.h>

/*
 * Waiting (thread_module.h): a thread that finds the lock taken reads the
 * lock's `seq`, counts itself in `waiters` and sleeps until `seq` moves,
 * with the GIL released; then, holding the GIL again, it looks at the lock.
 * A wake-up may find the lock taken again by a thread that got the GIL
 * first: it sleeps again.  A signal interrupting the sleep runs the
 * Python handlers (main thread) and, if they raise, the acquire fails
 * with their exception; otherwise the wait goes on until its deadline.
 *
 * With a single thread (no GIL yet) a blocking acquire of a held lock
 * sleeps until its timeout, a signal handler releases the lock or one
 * raises, as CPython's would.
 */

#define UNSET_TIMEOUT (-1000000000LL)   /* timeout=-1, the default: wait forever */

static unsigned long current_ident(void) { return (unsigned long)pthread_self(); }

/* acquire(blocking=True, timeout=-1): 0 with *deadline (monotonic ns, -1
 * forever; 0 with !blocking: try once), -1 on error. */
static int parse_acquire(Value *args, size_t nargs, Value kwnames, bool *blocking, int64_t *deadline) {
    static const char *const names[] = {"blocking", "timeout", NULL};
    Value a[2];
    if (arg_parse("acquire", args, nargs, kwnames, names, 0, 0, a) < 0) return -1;
    *blocking = true;
    if (a[0]) {
        int t = obj_is_true(a[0]);
        if (t < 0) return -1;
        *blocking = t;
    }
    int64_t timeout = UNSET_TIMEOUT;
    if (a[1] && os_seconds_to_ns(a[1], OS_ROUND_CEILING, &timeout) < 0) return -1;
    if (!*blocking && timeout != UNSET_TIMEOUT) {
        err_set(&exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (timeout < 0 && timeout != UNSET_TIMEOUT) {
        err_set(&exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (timeout != UNSET_TIMEOUT && timeout / 1000 > 9223372036854775LL) {
        err_set(&exc_OverflowError, "timeout value is too large");
        return -1;
    }
    if (!*blocking || timeout == UNSET_TIMEOUT) *deadline = -1;
    else *deadline = gil_monotonic_ns() + timeout;
    return 0;
}

/* One sleep of a waiter: 0 to look again, 1 if the deadline passed, -1 if
 * a signal handler raised. */
static int wait_once(uint32_t *seq, uint32_t *waiters, int64_t deadline) {
    if (deadline >= 0 && gil_monotonic_ns() >= deadline) return 1;
    uint32_t seen = *seq;
    (*waiters)++;
    int e = gil_wait_word(seq, seen, deadline);
    (*waiters)--;
    if (e == EINTR) return signal_run_handlers() < 0 ? -1 : 0;
    if (e == ETIMEDOUT) return 1;
    return deadline >= 0 && gil_monotonic_ns() >= deadline ? 1 : 0;
}

/* ---- lock ---- */

#define LK(v) ((LockObject *)(v))

/* 1 acquired, 0 not (timeout), -1 error. */
static int lock_acquire_c(LockObject *l, bool blocking, int64_t deadline) {
    for (;;) {
        if (!l->locked) {
            l->locked = true;
            return 1;
        }
        if (!blocking) return 0;
        int r = wait_once(&l->seq, &l->waiters, deadline);
        if (r < 0) return -1;
        if (r > 0) {
            if (!l->locked) continue;   /* freed just as the time ran out: take it */
            return 0;
        }
    }
}

static void lock_release_c(LockObject *l) {
    l->locked = false;
    if (l->waiters) gil_wake_word(&l->seq, 1);
}

static Value lock_acquire(Value self, Value *args, size_t nargs, Value kwnames) {
    bool blocking;
    int64_t deadline;
    if (parse_acquire(args, nargs, kwnames, &blocking, &deadline) < 0) return VNULL;
    int r = lock_acquire_c(LK(self), blocking, deadline);
    return r < 0 ? VNULL : val_bool(r);
}

static Value lock_release(Value self, Value *args, size_t nargs, Value kw) {
    if (!LK(self)->locked) {
        err_set(&exc_RuntimeError, "release unlocked lock");
        return VNULL;
    }
    lock_release_c(LK(self));
    return VNone;
}

static Value lock_exit(Value self, Value *args, size_t nargs, Value kw) { return lock_release(self, NULL, 0, VNULL); }

static Value lock_locked(Value self, Value *args, size_t nargs, Value kw) { return val_bool(LK(self)->locked); }

/* After fork() in the child: free, nobody waiting (the waiters were other threads). */
static Value lock_at_fork(Value self, Value *args, size_t nargs, Value kw) {
    LK(self)->locked = false;
    LK(self)->waiters = 0;
    return VNone;
}

static Value lock_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    err_format(&exc_TypeError, "cannot create '%s' instances", t->name);
    return VNULL;
}

static Value lock_repr(Value self) {
    return str_printf("<%s %s object at %p>", LK(self)->locked ? "locked" : "unlocked", type_name(self), (void *)self);
}

void thread_lock_release_if_locked(Value lock) {
    if (lock && val_type(lock) == &type_lock && LK(lock)->locked) lock_release_c(LK(lock));
}

static const MethodDef lock_methods[] = {
    {"acquire_lock", lock_acquire, 0, NULL},
    {"acquire", lock_acquire, 0,
     "acquire(blocking=True, timeout=-1) -> bool\n(acquire_lock() is an obsolete synonym)\n\n"
     "Lock the lock.  Without argument, this blocks if the lock is already\n"
     "locked (even by the same thread), waiting for another thread to release\n"
     "the lock, and return True once the lock is acquired.\n"
     "With an argument, this will only block if the argument is true,\n"
     "and the return value reflects whether the lock is acquired.\n"
     "The blocking operation is interruptible."},
    {"release_lock", lock_release, 0, NULL},
    {"release", lock_release, 0,
     "release()\n(release_lock() is an obsolete synonym)\n\n"
     "Release the lock, allowing another thread that is blocked waiting for\n"
     "the lock to acquire the lock.  The lock must be in the locked state,\n"
     "but it needn't be locked by the same thread that unlocks it."},
    {"locked_lock", lock_locked, 0, NULL},
    {"locked", lock_locked, 0,
     "locked() -> bool\n(locked_lock() is an obsolete synonym)\n\nReturn whether the lock is in the locked state."},
    {"__enter__", lock_acquire, 0, "acquire(blocking=True, timeout=-1) -> bool\n(acquire_lock() is an obsolete synonym)"},
    {"__exit__", lock_exit, 0, "release()\n(release_lock() is an obsolete synonym)"},
    {"_at_fork_reinit", lock_at_fork, 0, "_at_fork_reinit()"},
    {NULL}
};

Type type_lock = {
    .hdr = {0, &type_type},
    .name = "_thread.lock",
    .basicsize = sizeof(LockObject),
    .flags = TF_WEAKREFABLE,
    .new = lock_new,
    .repr = lock_repr,
    .methods = lock_methods,
    .doc = "A lock object is a synchronization primitive.  To create a lock,\n"
           "call threading.Lock().  Methods are:\n\n"
           "acquire() -- lock the lock, possibly blocking until it can be obtained\n"
           "release() -- unlock of the lock\n"
           "locked() -- test whether the lock is currently locked\n\n"
           "A lock is not owned by the thread that locked it; another thread may\n"
           "unlock it.  A thread attempting to lock a lock that it has already locked\n"
           "will block until another thread unlocks it.  Deadlocks may ensue.",
};

/* ---- RLock ---- */

#define RL(v) ((RLockObject *)(v))

static Value rlock_new(Type *t, Value *args, size_t nargs, Value kwnames) { return type_generic_alloc(t, 0); }

static Value rlock_acquire(Value self, Value *args, size_t nargs, Value kwnames) {
    bool blocking;
    int64_t deadline;
    if (parse_acquire(args, nargs, kwnames, &blocking, &deadline) < 0) return VNULL;
    RLockObject *r = RL(self);
    unsigned long me = current_ident();
    if (r->count > 0 && r->owner == me) {
        if (r->count == (unsigned long)-1) {
            err_set(&exc_OverflowError, "Internal lock count overflowed");
            return VNULL;
        }
        r->count++;
        return VTrue;
    }
    for (;;) {
        if (r->count == 0) {
            r->owner = me;
            r->count = 1;
            return VTrue;
        }
        if (!blocking) return VFalse;
        int w = wait_once(&r->seq, &r->waiters, deadline);
        if (w < 0) return VNULL;
        if (w > 0 && r->count != 0) return VFalse;
    }
}

static void rlock_free(RLockObject *r) {
    r->count = 0;
    r->owner = 0;
    if (r->waiters) gil_wake_word(&r->seq, 1);
}

static Value rlock_release(Value self, Value *args, size_t nargs, Value kw) {
    RLockObject *r = RL(self);
    if (r->count == 0 || r->owner != current_ident()) {
        err_set(&exc_RuntimeError, "cannot release un-acquired lock");
        return VNULL;
    }
    if (--r->count == 0) rlock_free(r);
    return VNone;
}

static Value rlock_exit(Value self, Value *args, size_t nargs, Value kw) { return rlock_release(self, NULL, 0, VNULL); }

static Value rlock_is_owned(Value self, Value *args, size_t nargs, Value kw) {
    RLockObject *r = RL(self);
    return val_bool(r->count > 0 && r->owner == current_ident());
}

/* Condition.wait: give the lock up entirely, whatever the count. */
static Value rlock_release_save(Value self, Value *args, size_t nargs, Value kw) {
    RLockObject *r = RL(self);
    if (r->count == 0) {
        err_set(&exc_RuntimeError, "cannot release un-acquired lock");
        return VNULL;
    }
    Value state = tuple_pack(2, int_from_u64(r->count), int_from_u64(r->owner));
    if (!state) return VNULL;
    rlock_free(r);
    return state;
}

/* ... and take it back, waiting as long as it takes. */
static Value rlock_acquire_restore(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("_acquire_restore", nargs, 1, 1) < 0) return VNULL;
    Value st = args[0];
    if (!tuple_check(st) || tuple_size(st) != 2) {
        err_set(&exc_TypeError, "_acquire_restore() argument 1 must be tuple of 2 items");
        return VNULL;
    }
    uint64_t count = int_as_u64(tuple_get(st, 0));
    if (err_occurred()) return VNULL;
    uint64_t owner = int_as_u64(tuple_get(st, 1));
    if (err_occurred()) return VNULL;
    RLockObject *r = RL(self);
    while (r->count != 0) {
        /* As CPython's, this wait cannot be interrupted: a signal's
         * handler runs at the next eval-breaker check. */
        uint32_t seen = r->seq;
        r->waiters++;
        gil_wait_word(&r->seq, seen, -1);
        r->waiters--;
    }
    r->owner = owner;
    r->count = count;
    return VNone;
}

static Value rlock_recursion_count(Value self, Value *args, size_t nargs, Value kw) {
    RLockObject *r = RL(self);
    return int_from_u64(r->owner == current_ident() ? r->count : 0);
}

static Value rlock_at_fork(Value self, Value *args, size_t nargs, Value kw) {
    RL(self)->count = 0;
    RL(self)->owner = 0;
    RL(self)->waiters = 0;
    return VNone;
}

static Value rlock_repr(Value self) {
    RLockObject *r = RL(self);
    return str_printf("<%s %s object owner=%lu count=%lu at %p>", r->count ? "locked" : "unlocked",
                      type_name(self), r->owner, r->count, (void *)self);
}

static const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, 0,
     "acquire(blocking=True) -> bool\n\nLock the lock.  `blocking` indicates whether we should wait\n"
     "for the lock to be available or not.  If `blocking` is False\n"
     "and another thread holds the lock, the method will return False\n"
     "immediately.  If `blocking` is True and another thread holds\n"
     "the lock, the method will wait for the lock to be released,\n"
     "take it and then return True.\n"
     "(note: the blocking operation is interruptible.)\n\n"
     "In all other cases, the method will return True immediately.\n"
     "Precisely, if the current thread already holds the lock, its\n"
     "internal counter is simply incremented. If nobody holds the lock,\n"
     "the lock is taken and its internal counter initialized to 1."},
    {"release", rlock_release, 0,
     "release()\n\nRelease the lock, allowing another thread that is blocked waiting for\n"
     "the lock to acquire the lock.  The lock must be in the locked state,\n"
     "and must be locked by the same thread that unlocks it; otherwise a\n"
     "`RuntimeError` is raised.\n\n"
     "Do note that if the lock was acquire()d several times in a row by the\n"
     "current thread, release() needs to be called as many times for the lock\n"
     "to be available for other threads."},
    {"__enter__", rlock_acquire, 0, "acquire(blocking=True) -> bool\n\nLock the lock."},
    {"__exit__", rlock_exit, 0, "release()\n\nRelease the lock."},
    {"_is_owned", rlock_is_owned, 0, "_is_owned() -> bool\n\nFor internal use by `threading.Condition`."},
    {"_release_save", rlock_release_save, 0, "_release_save() -> tuple\n\nFor internal use by `threading.Condition`."},
    {"_acquire_restore", rlock_acquire_restore, 0,
     "_acquire_restore(state) -> None\n\nFor internal use by `threading.Condition`."},
    {"_recursion_count", rlock_recursion_count, 0,
     "_recursion_count() -> int\n\nFor internal use by reentrancy checks."},
    {"_at_fork_reinit", rlock_at_fork, 0, "_at_fork_reinit()"},
    {NULL}
};

Type type_rlock = {
    .hdr = {0, &type_type},
    .name = "_thread.RLock",
    .basicsize = sizeof(RLockObject),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .new = rlock_new,
    .repr = rlock_repr,
    .methods = rlock_methods,
};
