/* gil.c - the global interpreter lock: a flag under a mutex, timed waits that ask the holder to switch, forced hand-over. */
#include "gil.h"
#include "../modules/signal.h"

#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/*
 * The GIL is the flag `locked` guarded by `mutex` (CPython's "new GIL",
 * 3.2+).  A thread that wants it waits on `cond`, at most one switch
 * interval at a time; if the interval passes and nobody took the GIL
 * meanwhile, it sets gil_drop_request and the eval breaker, and the
 * holder, at its next loop back-edge or call, hands the GIL over
 * (gil_yield).  Hand-over is forced: the yielding thread waits on
 * `switched` until another thread has taken the GIL, so a busy thread
 * cannot take it straight back and starve the others.
 *
 * A thread releasing the GIL around a blocking call does not wait for
 * anyone: it just lets go (gil_drop_parked) and takes it back afterwards
 * (gil_take).  Before letting go it parks its C stack (gil.h), and the
 * collector, run by whoever holds the GIL, scans the parked stacks.
 *
 * Until the first thread starts, gil_active is false and the main thread
 * holds the GIL implicitly: releasing and acquiring cost a test.
 */

bool gil_active;
volatile int gil_drop_request;

static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond;       /* the GIL was dropped */
static pthread_cond_t switched;   /* a thread took the GIL */
static bool locked = true;        /* the main thread starts with the GIL */
static uint64_t switch_number;    /* counts takes: a waiter sees whether anyone got it */
static long interval_us = 5000;
static bool finalizing;
static ThreadState *finalizer;    /* the thread shutting down: the only one to run then */

#if defined(__x86_64__)
_Static_assert(offsetof(ThreadState, c_sp) == offsetof(ThreadState, c_regs) + 48,
               "gil_release's asm stores %rsp right after the six register slots");
#endif

static void cond_init(pthread_cond_t *c) {
    pthread_condattr_t a;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(c, &a);
    pthread_condattr_destroy(&a);
}

void gil_activate(void) {
    if (gil_active) return;
    cond_init(&cond);
    cond_init(&switched);
    locked = true;
    gil_active = true;
}

static void deadline_after(struct timespec *d, long us) {
    clock_gettime(CLOCK_MONOTONIC, d);
    d->tv_sec += us / 1000000;
    d->tv_nsec += (us % 1000000) * 1000;
    if (d->tv_nsec >= 1000000000) {
        d->tv_sec++;
        d->tv_nsec -= 1000000000;
    }
}

/* With the mutex held: wait until the GIL is free, then take it. */
static void take_locked(ThreadState *t) {
    while (locked || (finalizing && t != finalizer)) {
        if (finalizing && t != finalizer) {
            /* Shut-down has begun: a daemon thread coming back for the GIL
             * stays here until the process exits. */
            pthread_cond_wait(&cond, &mutex);
            continue;
        }
        uint64_t seen = switch_number;
        struct timespec d;
        deadline_after(&d, interval_us < 1 ? 1 : interval_us);
        int r = pthread_cond_timedwait(&cond, &mutex, &d);
        if (r == ETIMEDOUT && locked && switch_number == seen) {
            gil_drop_request = 1;
            eval_breaker_set();
        }
    }
    locked = true;
    switch_number++;
    /* A request still standing was meant for the previous holder. */
    gil_drop_request = 0;
    pthread_cond_broadcast(&switched);
}

static void after_take(ThreadState *t) {
    t->parked = false;
    /* Signals are handled by the main thread: the holder may have cleared
     * the breaker while one was waiting for it. */
    if (t == thread_main && signal_tripped) eval_breaker_set();
}

/* Both keep errno: the blocking call's is read after GIL_RELEASE_END. */
void gil_take(void) {
    int saved = errno;
    ThreadState *t = ts;
    pthread_mutex_lock(&mutex);
    take_locked(t);
    pthread_mutex_unlock(&mutex);
    after_take(t);
    errno = saved;
}

void gil_drop_parked(void) {
    int saved = errno;
    pthread_mutex_lock(&mutex);
    locked = false;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&mutex);
    errno = saved;
}

/* Park in this frame: it stays on the stack while the thread waits. */
#define PARK_HERE(t)                           \
    do {                                       \
        gc_spill_registers(&(t)->c_regs);      \
        (t)->c_sp = gc_stack_pointer();        \
        (t)->parked = true;                    \
    } while (0)

NOINLINE void gil_yield(void) {
    if (!gil_active) {
        gil_drop_request = 0;
        return;
    }
    ThreadState *t = ts;
    PARK_HERE(t);
    pthread_mutex_lock(&mutex);
    if (!gil_drop_request) {
        pthread_mutex_unlock(&mutex);
        t->parked = false;
        return;
    }
    locked = false;
    pthread_cond_signal(&cond);
    /* Forced switching: wait until another thread has the GIL. */
    uint64_t n = switch_number;
    while (switch_number == n && !finalizing) pthread_cond_wait(&switched, &mutex);
    take_locked(t);
    pthread_mutex_unlock(&mutex);
    after_take(t);
}

void gil_set_switch_interval(long us) { interval_us = us; }
long gil_get_switch_interval(void) { return interval_us; }

void gil_after_fork_child(void) {
    pthread_mutex_init(&mutex, NULL);
    cond_init(&cond);
    cond_init(&switched);
    locked = true;
    switch_number = 0;
    gil_drop_request = 0;
    finalizing = false;
    ts->parked = false;
}

void gil_finalize(void) {
    if (!gil_active) return;
    pthread_mutex_lock(&mutex);
    finalizing = true;
    finalizer = ts;
    pthread_mutex_unlock(&mutex);
}

/* ---- Waiting on a word (locks, queues) ---- */

static long futex(uint32_t *addr, int op, uint32_t val, const struct timespec *t, uint32_t mask) {
    return syscall(SYS_futex, addr, op, val, t, NULL, mask);
}

NOINLINE int gil_wait_word(uint32_t *word, uint32_t seen, int64_t deadline_ns) {
    struct timespec d, *dp = NULL;
    if (deadline_ns >= 0) {
        d.tv_sec = (time_t)(deadline_ns / 1000000000);
        d.tv_nsec = (long)(deadline_ns % 1000000000);
        dp = &d;
    }
    ThreadState *t = ts;
    bool active = gil_active;
    if (active) {
        PARK_HERE(t);
        gil_drop_parked();
    }
    long r = futex(word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, seen, dp, FUTEX_BITSET_MATCH_ANY);
    int e = r < 0 ? errno : 0;
    if (active) gil_take();
    if (e == EAGAIN) e = 0;
    return e;
}

void gil_wake_word(uint32_t *word, int n) {
    __atomic_fetch_add(word, 1, __ATOMIC_SEQ_CST);
    futex(word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, (uint32_t)n, NULL, 0);
}

int64_t gil_monotonic_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}
