/* thread.h - the per-thread interpreter state: pending exception, frames, value stack; the thread registry and the eval breaker. */
#ifndef TAIPAN_THREAD_H
#define TAIPAN_THREAD_H

#include "../objects/object.h"
#include "../gc/gc.h"

struct Frame;

/*
 * Everything the virtual machine keeps per OS thread lives in one
 * ThreadState, reached through the thread-local pointer `ts` (one %fs-based
 * load in the executable, as cheap as a global).  The few per-thread C
 * variables that are hotter still (the C-stack limit of check_c_stack, the
 * stack base the collector scans to) are thread-locals of their own files.
 *
 * The states of all live threads form a list (thread_list) that the
 * collector walks: each state's Values, its Python frames, and, for every
 * thread other than the collecting one, the C stack it parked when it let
 * go of the GIL (vm/gil.c, docs/threads.md).
 */
typedef struct ThreadState {
    Value exc;                /* exception being raised, or VNULL */
    Value handled;            /* exception being handled (sys.exception()), or VNULL */
    struct Frame *frame;      /* innermost Python frame */
    Value *stack_lo;          /* the value stack: frames and their slots */
    Value *stack_top;         /* first free slot */
    Value *stack_hi;
    int py_depth;             /* Python frames live on this thread */
    int c_depth;              /* C-level recursion (repr, nested interpreter entries) */
    int recursion_limit;
    bool recursion_headroom;  /* set while raising RecursionError, allows a few more */
    Value asyncgen_hooks[2];
    Value trace_func, profile_func;   /* the objects given to the hooks (sys.gettrace/getprofile) */
    /* The C-level hooks (trace.h); NULL when unset.  `use_tracing` is
     * "a hook is set and none is running": the interpreter dispatches
     * through its tracing table while it holds. */
    int (*c_tracefunc)(Value obj, struct Frame *f, int what, Value arg);
    int (*c_profilefunc)(Value obj, struct Frame *f, int what, Value arg);
    int tracing;              /* > 0 while a trace or profile function runs */
    int tracing_what;         /* the event being reported (f_lineno assignment checks it) */
    bool use_tracing;
    Value context;            /* the current contextvars.Context, or VNULL until first needed */
    uint64_t context_ver;     /* changes whenever the current context or its contents change */

    /* ---- Threads (vm/gil.c) ---- */
    struct ThreadState *next, *prev;   /* thread_list, in start order */
    unsigned long ident;      /* threading.get_ident(): the pthread_t */
    long native_id;           /* the kernel's thread id */
    uint64_t serial;          /* never reused: keys _thread._local data */
    Value boot_func, boot_args, boot_kwargs;   /* what a new thread runs */
    Value sentinel;           /* _thread._set_sentinel()'s lock, released at exit */
    Value import_waiting;     /* the module lock this thread waits for (vm/import_lock.c) */
    size_t value_stack_bytes; /* the mapping behind stack_lo (0: not mapped) */
    /* The parked C stack: while the thread runs without the GIL, the
     * collector scans [c_sp, c_stack_base) and the registers in c_regs. */
    char *c_stack_base;
    GCRegs c_regs;
    void *c_sp;               /* right after c_regs: gil_release's asm stores both */
    bool parked;              /* c_sp and c_regs are valid */
} ThreadState;

extern _Thread_local ThreadState *ts;
extern ThreadState *thread_list;    /* every live thread's state, main first */
extern ThreadState *thread_main;    /* the main thread's state */

void thread_init_main(void);
/* A new thread's state, linked into thread_list (GIL held); NULL if out of memory. */
ThreadState *thread_state_new(void);
/* Unlink and free a state (GIL held, its thread runs no more Python). */
void thread_state_delete(ThreadState *t);
/* In the child of fork(): drop every other thread's state, calling
 * forget(t) first for each; the forking thread becomes the main thread. */
void thread_after_fork_child(void (*forget)(ThreadState *));
static inline bool thread_is_main(void) { return ts == thread_main; }
/* sys.setrecursionlimit: the limit of every thread and of those to come. */
void thread_set_recursion_limit(int limit);

/*
 * The eval breaker: one word the interpreter loop tests at loop back-edges
 * and after calls.  Whoever raises one of the conditions it stands for
 * (finalizers or weakref callbacks queued by the collector, a signal, a
 * request that the running thread hand over the GIL) sets its own flag
 * first and the breaker after; interp_run_pending clears the breaker
 * (an atomic exchange, a full fence) before it looks at the flags, so no
 * request is lost.
 */
extern volatile int eval_breaker;
static inline void eval_breaker_set(void) { eval_breaker = 1; }

#endif
