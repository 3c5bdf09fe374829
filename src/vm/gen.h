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
    int state;
    int nregs;
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

#endif
