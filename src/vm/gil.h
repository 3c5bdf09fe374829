/* gil.h - the global interpreter lock: releasing it around blocking calls, handing it over at the eval breaker. */
#ifndef TAIPAN_GIL_H
#define TAIPAN_GIL_H

#include "thread.h"

/*
 * One thread at a time runs Python code and touches the heap: the one
 * holding the GIL (vm/gil.c, docs/threads.md).  Every system call that may
 * block (read, write, accept, recv, select, waitpid, sleep, lock waits...)
 * is wrapped so other threads run meanwhile:
 *
 *   GIL_RELEASE_BEGIN
 *   n = read(fd, buf, len);      // no Value, no allocation, no exception
 *   GIL_RELEASE_END
 *
 * Between the two, the code must not touch Python objects, allocate from
 * the GC heap or raise; copy what it needs into C locals first.  Buffers
 * obtained with buffer_get stay valid (the export pins them).  The pair
 * opens and closes a C block, so it nests like braces.
 *
 * Until a second thread starts (gil_active false) both are a test and a
 * branch.
 *
 * Releasing parks the thread's C stack for the collector, which scans
 * [c_sp, c_stack_base) of every parked thread.  gil_release is inline so
 * that c_sp is the stack pointer of the frame that runs the blocking call,
 * and its asm statement clobbers every general register but %rax (which
 * carries the address) and %rbp (which it saves): whatever the caller needs
 * after the region must be in that frame's stack slots, or in %rbp, at the
 * moment of parking.  Code that blocks inside a function of its own uses
 * gil_park_here (vm/gil.c's waits, the eval breaker's hand-over).
 */
extern bool gil_active;

void gil_drop_parked(void);   /* the GIL goes; the state is parked already */
void gil_take(void);          /* wait for the GIL; the thread is unparked */

static inline __attribute__((always_inline)) void gil_release(void) {
    if (gil_active) {
        ThreadState *t = ts;
#if defined(__x86_64__)
        memset(&t->c_regs, 0, sizeof t->c_regs);
        void **slots = &t->c_regs.r[0];
        __asm__ volatile("movq %%rbp, 8(%%rax)\n\tmovq %%rsp, 48(%%rax)"
                         : : "a"(slots)
                         : "memory", "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11",
                           "r12", "r13", "r14", "r15", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4",
                           "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12",
                           "xmm13", "xmm14", "xmm15");
#else
        gc_spill_registers(&t->c_regs);
        t->c_sp = gc_stack_pointer();
#endif
        t->parked = true;
        gil_drop_parked();
    }
}

static inline void gil_acquire(void) {
    if (gil_active) gil_take();
}

#define GIL_RELEASE_BEGIN { gil_release();
#define GIL_RELEASE_END   gil_acquire(); }

/* Starting the first thread turns the GIL on (it stays on). */
void gil_activate(void);
/* At the eval breaker with a drop request: let the threads waiting run. */
void gil_yield(void);
extern volatile int gil_drop_request;

/*
 * Waiting for another thread, with the GIL released: sleep until the
 * 32-bit `word` no longer holds `seen` (checked atomically against
 * gil_wake_word's increment, so no wake-up is lost), or the deadline
 * (CLOCK_MONOTONIC ns, -1 for none), or a signal.  Returns 0, ETIMEDOUT or
 * EINTR.  The caller keeps its real condition (a lock's flag, a queue's
 * length) under the GIL and re-checks it after every return; it reads
 * `seen` from the word before checking, under the GIL.
 */
int gil_wait_word(uint32_t *word, uint32_t seen, int64_t deadline_ns);
void gil_wake_word(uint32_t *word, int n);   /* GIL held: bump the word, wake n sleepers */
int64_t gil_monotonic_ns(void);

/* sys.setswitchinterval: microseconds a waiting thread lets the holder run
 * before it asks for the GIL. */
void gil_set_switch_interval(long us);
long gil_get_switch_interval(void);

/* In the child of fork(): the forking thread is the only one, and it holds
 * a fresh GIL. */
void gil_after_fork_child(void);
/* The interpreter is exiting: threads that come for the GIL from now on
 * wait forever (daemon threads must not run during shut-down). */
void gil_finalize(void);

#endif
