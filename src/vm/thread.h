/* thread.h - the per-thread interpreter state: pending exception, frames, value stack. */
#ifndef TAIPAN_THREAD_H
#define TAIPAN_THREAD_H

#include "../objects/object.h"

struct Frame;

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
} ThreadState;

extern _Thread_local ThreadState *ts;

void thread_init_main(void);

#endif
