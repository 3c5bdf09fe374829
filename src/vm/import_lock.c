/* import_lock.c - per-module import locks: a thread importing a module another thread is loading waits for it. */
#include "import.h"
#include "error.h"
#include "gil.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/dict.h"
#include "../modules/signal.h"
#include "../gc/gc.h"

#include <errno.h>
#include <limits.h>

/*
 * CPython's importlib takes a lock per module name (_ModuleLock) around
 * finding and loading, and a thread that finds a module in sys.modules
 * still initializing waits on that lock before using it.  The C import
 * path does the same here: module_locks maps a name to a ModLock while
 * some thread loads it (the entry goes when nobody holds or waits for it).
 *
 * A lock is re-entrant for its owner (a circular import within one
 * thread proceeds with the partial module, as always).  Before waiting, a
 * thread follows the chain owner -> the lock that owner waits for -> ...;
 * if the chain comes back to it, waiting would deadlock (two threads each
 * importing a module the other is loading), and like CPython's
 * _lock_unlock_module it goes on with the partial module instead.
 */

typedef struct ModLock {
    Object hdr;
    ThreadState *owner;  /* NULL when free */
    uint32_t count;
    uint32_t seq;        /* futex word for waiters */
    uint32_t waiters;
} ModLock;

static Type type_modlock = {
    .hdr = {0, &type_type},
    .name = "_ModuleLock",
    .basicsize = sizeof(ModLock),
};

static Value module_locks;   /* dict: module name -> ModLock */

/* Would waiting for l deadlock: does l's owner (transitively) wait for us? */
static bool would_deadlock(ModLock *l, ThreadState *me) {
    for (int hops = 0; l && hops < 1000; hops++) {
        ThreadState *o = l->owner;
        if (!o) return false;
        if (o == me) return true;
        l = (ModLock *)o->import_waiting;
    }
    return false;
}

int import_lock_module(Value name) {
    if (!module_locks) {
        type_ready(&type_modlock);
        module_locks = dict_new();
        if (!module_locks) return -1;
        gc_add_root(&module_locks);
    }
    ThreadState *me = ts;
    Value lv = dict_get(module_locks, name);
    if (!lv) {
        if (err_occurred()) return -1;
        ModLock *n = gc_alloc(&type_modlock, sizeof(ModLock));
        if (!n || dict_set(module_locks, name, obj_val(n)) < 0) return -1;
        lv = obj_val(n);
    }
    ModLock *l = (ModLock *)lv;
    if (l->owner == me) {
        l->count++;
        return 1;
    }
    if (l->owner && would_deadlock(l, me)) return 0;
    while (l->owner) {
        uint32_t seen = l->seq;
        l->waiters++;
        me->import_waiting = lv;
        int e = gil_wait_word(&l->seq, seen, -1);
        me->import_waiting = VNULL;
        l->waiters--;
        if (e == EINTR && signal_run_handlers() < 0) return -1;
    }
    l->owner = me;
    l->count = 1;
    return 1;
}

void import_unlock_module(Value name) {
    Value lv = module_locks ? dict_get(module_locks, name) : VNULL;
    if (!lv) {
        err_clear();
        return;
    }
    ModLock *l = (ModLock *)lv;
    if (l->owner != ts || --l->count > 0) return;
    l->owner = NULL;
    if (l->waiters) {
        gil_wake_word(&l->seq, INT_MAX);
    } else {
        Value saved = err_fetch();
        dict_del(module_locks, name);
        err_restore(saved);
    }
}

/* After fork() in the child: the locks of threads that are gone are free. */
void import_locks_after_fork(void) {
    if (!module_locks) return;
    Value saved = err_fetch();
    dict_clear(module_locks);
    err_restore(saved);
}
