/* trace.h - sys.settrace / sys.setprofile hooks: the events the interpreter reports while one is set. */
#ifndef TAIPAN_TRACE_H
#define TAIPAN_TRACE_H

#include "frame.h"

/* Event codes, CPython's PyTrace_* values. */
enum {
    TRACE_CALL, TRACE_EXCEPTION, TRACE_LINE, TRACE_RETURN,
    TRACE_C_CALL, TRACE_C_EXCEPTION, TRACE_C_RETURN, TRACE_OPCODE,
};

/* A C-level hook (CPython's Py_tracefunc): 0, or -1 with an exception. */
typedef int (*TraceFunc)(Value obj, Frame *f, int what, Value arg);

/* Install (fn, obj) as this thread's trace / profile hook; fn NULL removes it.
 * sys.settrace installs trace_python_trampoline with the Python function. */
void trace_set_trace(TraceFunc fn, Value obj);
void trace_set_profile(TraceFunc fn, Value obj);
int trace_python_trampoline(Value obj, Frame *f, int what, Value arg);
int trace_python_profile(Value obj, Frame *f, int what, Value arg);

/* Patch the interpreter's dispatch table to run trace_hook first (interp.c). */
void interp_set_tracing(bool on);
extern bool interp_tracing;

/* Called by the interpreter while ts->use_tracing holds. */
/* Before each instruction (at f->pc[-1]): 'call', 'line', 'opcode',
 * 'return', and c_call/c_return for calls of C functions.
 * -1: error; 0: run the instruction at f->pc[-1] (a jump moves f->pc);
 * 1: the hook ran the (call) instruction itself, its result is stored. */
int trace_instruction(Frame *f);
void trace_throw_entry(Frame *f);          /* 'call' before gen.throw() raises at the yield */
int trace_exception_event(Frame *f);       /* 'exception': the pending exception is new in f */
void trace_unwind(Frame *f);               /* 'return' None: the exception leaves f */
int trace_yield_from(Frame *f, Value v);   /* 'return' v: a `yield from`/await suspends f */

/* f_lineno of a live frame (the def line during its 'call' event). */
int trace_frame_lineno(Frame *f);
/* f_lineno = n from a trace function (CPython's checks and messages). */
int trace_set_lineno(FrameObject *fo, Value v);
/* f_locals write-back after a trace function ran (pdb's `!x = 1`). */
void trace_locals_to_fast(FrameObject *fo);

#endif
