/* gen.h - generator objects: a heap frame that interp_run resumes. */
#ifndef TAIPAN_GEN_H
#define TAIPAN_GEN_H

#include "frame.h"

enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_CLOSED };

typedef struct GenObject {
    Object hdr;
    Value name, qualname;
    Value exc_state;      /* the generator's own handled exception while suspended */
    Value yf;             /* the sub-iterator of a suspended `yield from`, or VNULL */
    Value ag_finalizer;   /* async generators: sys.get_asyncgen_hooks().finalizer at first use */
    int state;
    int nregs;
    uint8_t ag_hooks_inited, ag_closed, ag_running_async;
    uint8_t fin_registered;   /* handed to gc_register_finalizer */
    /* Coroutines: where the call that made it was, for the warning when
     * one is collected without ever being started. */
    uint32_t origin_off;
    Value origin_code, origin_globals;
    Value cr_origin;      /* sys.set_coroutine_origin_tracking_depth's frames, or VNULL */
    Frame frame;          /* registers follow */
    Value regs[];
} GenObject;

extern Type type_generator, type_coroutine, type_async_generator;

/* Called instead of running a generator function's body. */
Value gen_new_from_call(Value func, Value *args, size_t nargs, Value kwnames);
/* eval()/exec() of code that is itself a coroutine (module code compiled
 * with PyCF_ALLOW_TOP_LEVEL_AWAIT): the coroutine, not yet started. */
Value gen_new_from_code(CodeObject *co, Value globals, Value builtins, Value locals);
/* gen.send(v) with the C convention of iternext: VNULL + no exception = StopIteration(None)
 * unless *retval is set (the return value). */
Value gen_send_ex(Value gen, Value v, Value *retval);
bool gen_check(Value v);

/* For gen_async.c: resume with a value or (throw) the pending exception;
 * throw(type[, value[, tb]]) as the method does, VNULL + StopIteration when
 * the generator returns. */
Value gen_resume(GenObject *g, Value sent, bool throw, Value *retval);
Value gen_throw_m(Value self, Value *args, size_t nargs, Value kw);
/* The generator is suspended at a `yield` of its own, not inside an await. */
static inline bool gen_at_own_yield(GenObject *g) {
    return g->state == GEN_SUSPENDED && !(g->frame.flags & FRAME_IN_YIELDFROM);
}
extern Type type_async_generator_asend, type_async_generator_athrow;
void gen_async_types_init(void);

#endif
