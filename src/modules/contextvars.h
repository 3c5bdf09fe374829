/* contextvars.h - contexts and context variables (PEP 567) for the VM and other C modules. */
#ifndef TAIPAN_CONTEXTVARS_H
#define TAIPAN_CONTEXTVARS_H

#include "../objects/object.h"

/* The persistent map behind a Context (contextvars_hamt.c).  A root is a
 * node Value, VNULL for the empty map; keys are compared by identity. */
Value hamt_find(Value root, Value key);                       /* VNULL: absent */
Value hamt_assoc(Value root, Value key, Value val, bool *added); /* new root; VNULL + MemoryError */
int hamt_without(Value root, Value key, Value *out);          /* 1 removed, 0 absent, -1 error */

#define HAMT_MAX_DEPTH 14
typedef struct HamtIter {
    Value nodes[HAMT_MAX_DEPTH];  /* the path from the root; traced by the owner */
    uint32_t pos[HAMT_MAX_DEPTH];
    int depth;
} HamtIter;
void hamt_iter_init(HamtIter *it, Value root);
bool hamt_iter_next(HamtIter *it, Value *key, Value *val);

/* The current thread's context (created empty on first use), a copy of it
 * (copy_context()), and ctx.run(callable, *args) for C callers such as an
 * event loop.  VNULL with an exception on failure. */
Value context_current(void);
Value context_copy_current(void);
Value context_run(Value ctx, Value callable, Value *args, size_t nargs, Value kwnames);

#endif
