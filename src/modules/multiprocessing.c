/* multiprocessing.c - _multiprocessing: SemLock (a POSIX named semaphore shared between processes) and sem_unlink. */
#include "cargs.h"
#include "signal.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/dict.h"
#include "../objects/module.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "../vm/gil.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
 * multiprocessing.synchronize builds Lock, RLock, Semaphore, Condition and
 * Event on SemLock.  The semaphore lives in the kernel (sem_open), so a
 * forked or spawned child that gets the handle or the name shares it.  The
 * object counts its own acquisitions (`count`) and remembers the thread
 * that acquired last, which is all a recursive mutex needs: the semaphore
 * itself is taken once.  Waits release the GIL; a signal interrupting one
 * runs the Python handlers, and the wait goes on unless they raise.
 */

enum { RECURSIVE_MUTEX, SEMAPHORE };

typedef struct {
    Object hdr;
    sem_t *handle;
    int kind;
    int maxvalue;
    int count;
    unsigned long last_tid;
    char *name;   /* malloc'd; NULL once unlinked */
} SemLockObject;

#define SL(v) ((SemLockObject *)(v))

extern Type type_semlock;

static unsigned long current_tid(void) { return (unsigned long)pthread_self(); }

static bool is_mine(SemLockObject *s) { return s->count > 0 && s->last_tid == current_tid(); }

static void semlock_finalize(Object *o) {
    SemLockObject *s = (SemLockObject *)o;
    if (s->handle) sem_close(s->handle);
    s->handle = NULL;
    free(s->name);
    s->name = NULL;
}

static Value semlock_make(Type *t, sem_t *handle, int kind, int maxvalue, const char *name) {
    char *copy = NULL;
    if (name && !(copy = strdup(name))) {
        err_no_memory();
        return VNULL;
    }
    Value v = type_generic_alloc(t, 0);
    if (!v) {
        free(copy);
        return VNULL;
    }
    SemLockObject *s = SL(v);
    s->handle = handle;
    s->kind = kind;
    s->maxvalue = maxvalue;
    s->name = copy;
    return v;
}

/* Argument Clinic's "int": its overflow message differs from "i"'s. */
static int clinic_int(Value v, int *out) {
    long x;
    if (carg_long(v, &x) < 0) return -1;
    if (x > INT_MAX || x < INT_MIN) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* SemLock(kind, value, maxvalue, name, unlink) */
static Value semlock_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"kind", "value", "maxvalue", "name", "unlink", NULL};
    Value a[5];
    if (arg_parse("SemLock", args, nargs, kwnames, names, 0, 5, a) < 0) return VNULL;
    int kind, value, maxvalue;
    if (clinic_int(a[0], &kind) < 0 || clinic_int(a[1], &value) < 0 || clinic_int(a[2], &maxvalue) < 0)
        return VNULL;
    const char *name;
    if (carg_str("SemLock", "name", a[3], &name) < 0) return VNULL;
    int unlink = obj_is_true(a[4]);
    if (unlink < 0) return VNULL;
    if (kind != RECURSIVE_MUTEX && kind != SEMAPHORE) {
        err_set(&exc_ValueError, "unrecognized kind");
        return VNULL;
    }
    sem_t *h = sem_open(name, O_CREAT | O_EXCL, 0600, (unsigned)value);
    if (h == SEM_FAILED) {
        err_from_errno(&exc_OSError);
        return VNULL;
    }
    if (unlink && sem_unlink(name) < 0) {
        int e = errno;
        sem_close(h);
        errno = e;
        err_from_errno(&exc_OSError);
        return VNULL;
    }
    Value v = semlock_make(t, h, kind, maxvalue, unlink ? NULL : name);
    if (!v) sem_close(h);
    return v;
}

/* _rebuild(handle, kind, maxvalue, name): the semaphore a parent made, in
 * a child; by name when it still has one (spawn), else the inherited handle (fork). */
static Value semlock_rebuild(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_rebuild", kw) < 0 || arg_count("_rebuild", nargs, 4, 4) < 0) return VNULL;
    unsigned long handle;
    int kind, maxvalue;
    if (carg_ulong_mask(args[0], &handle) < 0 || carg_int(args[1], &kind) < 0 || carg_int(args[2], &maxvalue) < 0)
        return VNULL;
    const char *name = NULL;
    if (args[3] != VNone) {
        if (!str_check(args[3])) {
            err_format(&exc_TypeError, "_rebuild() argument 4 must be str or None, not %s", type_name(args[3]));
            return VNULL;
        }
        if (carg_str("_rebuild", NULL, args[3], &name) < 0) return VNULL;
    }
    sem_t *h = (sem_t *)handle;
    if (name) {
        h = sem_open(name, 0);
        if (h == SEM_FAILED) {
            err_from_errno(&exc_OSError);
            return VNULL;
        }
    }
    Value v = semlock_make((Type *)val_obj(cls), h, kind, maxvalue, name);
    if (!v && name) sem_close(h);
    return v;
}

/* Run the signal handlers after EINTR: true to go on waiting. */
static bool keep_waiting(void) { return signal_run_handlers() == 0; }

/* acquire(block=True, timeout=None) */
static Value semlock_acquire(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"block", "timeout", NULL};
    Value a[2];
    if (arg_parse("acquire", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    SemLockObject *s = SL(self);
    bool blocking = true;
    if (a[0]) {
        int t = obj_is_true(a[0]);
        if (t < 0) return VNULL;
        blocking = t;
    }
    if (s->kind == RECURSIVE_MUTEX && is_mine(s)) {
        s->count++;
        return VTrue;
    }
    bool use_deadline = false, nan_timeout = false;
    struct timespec deadline = {0, 0};
    if (a[1] && a[1] != VNone) {
        double timeout;
        if (float_as_double(a[1], &timeout) < 0) return VNULL;
        /* A NaN timeout fails the wait with EINVAL, as CPython's garbage deadline does. */
        nan_timeout = isnan(timeout);
        if (nan_timeout || timeout < 0) timeout = 0;
        if (timeout > 1e9) timeout = 1e9;   /* ~31 years: forever, without overflowing time_t */
        clock_gettime(CLOCK_REALTIME, &deadline);   /* sem_timedwait's clock */
        double sec = floor(timeout);
        long nsec = (long)((timeout - sec) * 1e9);
        deadline.tv_sec += (time_t)sec;
        deadline.tv_nsec += nsec;
        if (deadline.tv_nsec >= 1000000000) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000;
        }
        use_deadline = true;
    }
    int res, err;
    /* Without blocking and without releasing the GIL first. */
    do {
        res = sem_trywait(s->handle);
        err = errno;
    } while (res < 0 && err == EINTR && keep_waiting());
    if (res < 0 && err == EINTR) return VNULL;
    if (res < 0 && err == EAGAIN && blocking && nan_timeout) err = EINVAL;
    else if (res < 0 && err == EAGAIN && blocking) {
        sem_t *h = s->handle;
        do {
            GIL_RELEASE_BEGIN
            res = use_deadline ? sem_timedwait(h, &deadline) : sem_wait(h);
            err = errno;
            GIL_RELEASE_END
        } while (res < 0 && err == EINTR && keep_waiting());
    }
    if (res < 0) {
        if (err == EAGAIN || err == ETIMEDOUT) return VFalse;
        if (err == EINTR) return VNULL;   /* a signal handler raised */
        errno = err;
        err_from_errno(&exc_OSError);
        return VNULL;
    }
    s->count++;
    s->last_tid = current_tid();
    return VTrue;
}

static Value semlock_release(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("release", kw) < 0 || arg_count("release", nargs, 0, 0) < 0) return VNULL;
    SemLockObject *s = SL(self);
    if (s->kind == RECURSIVE_MUTEX) {
        if (!is_mine(s)) {
            err_set(&exc_AssertionError, "attempt to release recursive lock not owned by thread");
            return VNULL;
        }
        if (s->count > 1) {
            s->count--;
            return VNone;
        }
    } else {
        int sval;
        if (sem_getvalue(s->handle, &sval) < 0) {
            err_from_errno(&exc_OSError);
            return VNULL;
        }
        if (sval >= s->maxvalue) {
            err_set(&exc_ValueError, "semaphore or lock released too many times");
            return VNULL;
        }
    }
    if (sem_post(s->handle) < 0) {
        err_from_errno(&exc_OSError);
        return VNULL;
    }
    s->count--;
    return VNone;
}

static Value semlock_enter(Value self, Value *args, size_t nargs, Value kw) {
    return semlock_acquire(self, NULL, 0, VNULL);
}

static Value semlock_exit(Value self, Value *args, size_t nargs, Value kw) {
    return semlock_release(self, NULL, 0, VNULL);
}

static Value semlock_count(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_count", kw) < 0 || arg_count("_count", nargs, 0, 0) < 0) return VNULL;
    return int_from_i64(SL(self)->count);
}

static Value semlock_is_mine(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_is_mine", kw) < 0 || arg_count("_is_mine", nargs, 0, 0) < 0) return VNULL;
    return val_bool(is_mine(SL(self)));
}

static int get_value(SemLockObject *s, int *sval) {
    if (sem_getvalue(s->handle, sval) < 0) {
        err_from_errno(&exc_OSError);
        return -1;
    }
    if (*sval < 0) *sval = 0;   /* some systems count the waiters negatively */
    return 0;
}

static Value semlock_get_value(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_get_value", kw) < 0 || arg_count("_get_value", nargs, 0, 0) < 0) return VNULL;
    int sval;
    return get_value(SL(self), &sval) < 0 ? VNULL : int_from_i64(sval);
}

static Value semlock_is_zero(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_is_zero", kw) < 0 || arg_count("_is_zero", nargs, 0, 0) < 0) return VNULL;
    int sval;
    return get_value(SL(self), &sval) < 0 ? VNULL : val_bool(sval == 0);
}

/* In a forked child no thread holds what the parent's threads acquired. */
static Value semlock_after_fork(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_after_fork", kw) < 0 || arg_count("_after_fork", nargs, 0, 0) < 0) return VNULL;
    SL(self)->count = 0;
    return VNone;
}

static Value get_handle(Value self) { return int_from_u64((uint64_t)(uintptr_t)SL(self)->handle); }
static Value get_kind(Value self) { return int_from_i64(SL(self)->kind); }
static Value get_maxvalue(Value self) { return int_from_i64(SL(self)->maxvalue); }
static Value get_name(Value self) { return SL(self)->name ? str_from_cstr(SL(self)->name) : VNone; }

static const MethodDef semlock_methods[] = {
    {"acquire", semlock_acquire, 0, "Acquire the semaphore/lock."},
    {"release", semlock_release, 0, "Release the semaphore/lock."},
    {"__enter__", semlock_enter, 0, "Enter the semaphore/lock."},
    {"__exit__", semlock_exit, 0, "Exit the semaphore/lock."},
    {"_count", semlock_count, 0, "Num of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine", semlock_is_mine, 0, "Whether the lock is owned by this thread."},
    {"_get_value", semlock_get_value, 0, "Get the value of the semaphore."},
    {"_is_zero", semlock_is_zero, 0, "Return whether semaphore has value zero."},
    {"_rebuild", semlock_rebuild, METH_CLASS, NULL},
    {"_after_fork", semlock_after_fork, 0, "Rezero the net acquisition count after fork()."},
    {NULL},
};

static const GetSetDef semlock_getsets[] = {
    {"handle", get_handle, NULL, NULL},
    {"kind", get_kind, NULL, NULL},
    {"maxvalue", get_maxvalue, NULL, NULL},
    {"name", get_name, NULL, NULL},
    {NULL},
};

Type type_semlock = {
    .hdr = {0, &type_type},
    .name = "_multiprocessing.SemLock",
    .basicsize = sizeof(SemLockObject),
    .flags = TF_BASETYPE,
    .finalize = semlock_finalize,
    .new = semlock_new,
    .methods = semlock_methods,
    .getsets = semlock_getsets,
    .doc = "Semaphore/Mutex type",
};

static Value sem_unlink_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("sem_unlink", kw) < 0 || arg_count("sem_unlink", nargs, 1, 1) < 0) return VNULL;
    const char *name;
    if (carg_str("sem_unlink", NULL, args[0], &name) < 0) return VNULL;
    if (sem_unlink(name) < 0) {
        err_from_errno(&exc_OSError);
        return VNULL;
    }
    return VNone;
}

static const MethodDef module_functions[] = {
    {"sem_unlink", sem_unlink_m, 0, NULL},
    {NULL},
};

Value multiprocessing_module_init(void) {
    type_ready(&type_semlock);
    if (dict_set_cstr(type_semlock.dict, "SEM_VALUE_MAX", int_from_i64(SEM_VALUE_MAX)) < 0) return VNULL;
    Value m = module_new_cstr("_multiprocessing");
    if (!m || module_add_functions(m, module_functions) < 0) return VNULL;
    Value flags = dict_new();
    if (!flags || dict_set_cstr(flags, "HAVE_SEM_OPEN", int_from_i64(1)) < 0 ||
        dict_set_cstr(flags, "HAVE_SEM_TIMEDWAIT", int_from_i64(1)) < 0)
        return VNULL;
    if (module_add(m, "SemLock", obj_val(&type_semlock)) < 0 || module_add(m, "flags", flags) < 0) return VNULL;
    return m;
}
