/* exceptions.h - BaseException instances: args, traceback, chaining. */
#ifndef TAIPAN_EXCEPTIONS_H
#define TAIPAN_EXCEPTIONS_H

#include "object.h"

struct Frame;

/* Attributes specific to some exceptions (errno, filename, msg, lineno, value...)
 * are ordinary instance attributes, in the hidden-class slots after these. */
typedef struct ExceptionObject {
    Object hdr;
    Value args;             /* tuple */
    Value traceback;        /* traceback object or VNULL */
    Value context;          /* __context__ or VNULL */
    Value cause;            /* __cause__ or VNULL */
    Value notes;            /* __notes__ list or VNULL */
    bool suppress_context;
    /* The unwinder has chained it (err_chain_context); raising it again
     * clears this, so it chains at a raise only, as in CPython, and a
     * __context__ set to None while it propagates stays None. */
    bool chained;
    /* AttrHeader follows (attrs_offset) */
} ExceptionObject;

static inline bool exc_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type->flags & TF_EXC_SUBCLASS);
}

void exceptions_init(void);
Value exc_new(Type *t, Value args_tuple);
Value exc_str(Value e);                  /* str(e) */
/* Add a traceback entry for frame f at its current line (the unwinder calls it). */
int exc_add_traceback(Value e, struct Frame *f);
int exc_add_traceback_unstarted(Value e, struct Frame *f);

/* exceptions_group.c */
void exceptions_group_setup(void);
Value exc_group_exceptions(Value eg);    /* the tuple of a BaseExceptionGroup */
/* except* support: the clause's type check, the split of the exception, and
 * what remains to raise after the clauses ran (see exceptions_group.c). */
int exc_group_check_star_type(Value t);
int exc_group_match(Value exc, Value type, Value *match, Value *rest);
Value exc_group_prep_reraise_star(Value orig, Value excs);

#endif
