/* thread_module.h - what the files of the _thread module share: lock types, timed waits, thread-local clean-up. */
#ifndef TAIPAN_THREAD_MODULE_H
#define TAIPAN_THREAD_MODULE_H

#include "../objects/object.h"
#include "../vm/thread.h"

/*
 * Locks keep their state under the GIL (a flag, an owner and a count):
 * taking a free lock or releasing one costs no atomic instruction.  A
 * thread that must wait sleeps on the lock's `seq` word with the GIL
 * released (gil_wait_word); release bumps the word and wakes one sleeper
 * when someone waits.
 */
typedef struct LockObject {
    Object hdr;
    uint32_t seq;        /* futex word: bumped by every release with waiters */
    uint32_t waiters;
    bool locked;
} LockObject;

typedef struct RLockObject {
    Object hdr;
    uint32_t seq;
    uint32_t waiters;
    unsigned long owner;
    unsigned long count;
} RLockObject;

extern Type type_lock, type_rlock, type_local;

/* Release a lock if it is held (a thread's sentinel at its end). */
void thread_lock_release_if_locked(Value lock);

/* The thread-local data a finished thread leaves in every _local. */
void thread_local_forget(ThreadState *t);
void thread_local_init(void);

#endif
