/* frame.h - the interpreter frame layout on the per-thread value stack (shared with the JIT). */
#ifndef TAIPAN_FRAME_H
#define TAIPAN_FRAME_H

#include "code.h"
#include "thread.h"

/*
 * A frame is a header followed directly by its registers on the thread's
 * contiguous value stack:
 *
 *     [ Frame header | R0 R1 ... R(nregs-1) ] [ next frame ...
 *
 * Registers hold the locals (arguments first), then cells and free
 * variables, then temporaries.  An unbound local is VNULL.  A JIT side
 * exit rebuilds a frame by writing registers and `pc`.  The Python-visible
 * frame object is made only when asked for (sys._getframe, tracebacks).
 * A generator's frame lives inside the generator object, not on the
 * stack, and is linked into the chain while it runs.
 */
typedef struct Frame {
    struct Frame *back;
    CodeObject *code;
    const uint32_t *pc;      /* next instruction (saved when calling out) */
    Value *regs;
    Value func;              /* the function object, VNULL for module/exec code */
    Value globals;
    Value builtins;
    Value locals;            /* locals mapping of module/class/exec frames, else VNULL */
    Value frame_obj;         /* the materialized frame object, or VNULL */
    Value gen;               /* owning generator, or VNULL */
    Value sent;              /* value sent into a generator frame being resumed; for an
                              * __init__ frame (FRAME_INIT), the instance it returns */
    uint32_t flags;
    int32_t ret_reg;         /* caller's register for the result (Python-to-Python calls) */
    int32_t exc_lasti;       /* the instruction that raised into the handler running now
                              * (set on entry to a handler; CPython's pushed lasti) */
} Frame;

enum {
    FRAME_C_ENTRY = 1 << 0,  /* returning from it returns from interp_run() */
    FRAME_INIT = 1 << 1,     /* an __init__ called by type(): result must be None, return self */
    FRAME_ON_STACK = 1 << 2, /* the header lives on the value stack */
    FRAME_YIELDED = 1 << 3,  /* interp_run returned because the generator yielded */
    FRAME_THROW = 1 << 4,    /* resume by raising the pending exception at pc */
    FRAME_IN_YIELDFROM = 1 << 5, /* suspended inside YIELDFROM (pc points at it) */
    FRAME_CLASS_BODY = 1 << 6,
    FRAME_TRACE_CALLED = 1 << 7, /* tracing: the 'call' event of this run was reported (trace.c) */
    FRAME_JUMPED = 1 << 8,   /* a trace function set f_lineno: reads of locals are checked */
};

#define FRAME_HEADER_SLOTS ((sizeof(Frame) + sizeof(Value) - 1) / sizeof(Value))

static inline size_t frame_pc_index(Frame *f) { return (size_t)(f->pc - f->code->insns); }

/*
 * A FrameObject is made only when Python code asks for a frame
 * (sys._getframe, tracebacks, generators' gi_frame, trace functions).
 * While its frame runs (or, for a generator, while the generator is
 * alive), `live` points at it; when the frame ends, the object keeps a
 * snapshot of what it still needs (line, locals) and `live` is NULL.
 */
typedef struct FrameObject {
    Object hdr;
    Frame *live;
    Value code;
    Value globals;
    Value builtins;
    Value locals;        /* snapshot dict once the frame ended; f_locals while live */
    Value back;          /* frame object of the caller, captured at creation */
    Value trace;         /* f_trace */
    Value gen;           /* the generator owning `live`, kept alive while linked */
    int lineno;
    int lasti;
    int trace_prev;      /* tracing: index of the last instruction seen by the hook */
    bool trace_lines;    /* f_trace_lines */
    bool trace_opcodes;  /* f_trace_opcodes */
} FrameObject;
extern Type type_frame;

/* Push a frame for `code` on the value stack; registers are VNULL.
 * NULL with RecursionError/MemoryError when the stack is exhausted. */
Frame *frame_push(CodeObject *code, Value func, Value globals, Value builtins, Value locals);
void frame_pop(Frame *f);
/* Bind call arguments into a new frame's registers (CPython's rules and messages). */
int frame_bind_args(Frame *f, Value func, Value *args, size_t nargs, Value kwnames);
int frame_lineno(Frame *f);
Value frame_get_object(Frame *f);  /* materialize the frame object */
void frame_detach(Frame *f);      /* the frame ends: its object keeps a snapshot */

/* The interpreter (interp.c). */
Value interp_run(Frame *f);
Value interp_call_function(Value func, Value *args, size_t nargs, Value kwnames);
Value interp_eval_code(CodeObject *code, Value globals, Value locals);
/* Run a class body: the function's code with `ns` as its locals mapping. */
Value interp_run_class_body(Value func, Value ns);
void interp_init(void);
struct ThreadState;
/* A thread's value stack and C-stack limit: init runs on the new thread
 * (before it takes the GIL), fini unmaps the stack. */
int interp_thread_init(struct ThreadState *t);
void interp_thread_fini(struct ThreadState *t);
/* The collector's view of a thread's frames (vm/threadstate.c). */
void interp_mark_thread_frames(struct ThreadState *t);

#endif
