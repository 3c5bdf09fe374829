/* error.h - raising, testing and fetching the pending exception of the current thread. */
#ifndef TAIPAN_ERROR_H
#define TAIPAN_ERROR_H

#include "../objects/object.h"

/*
 * A C function signals failure by returning VNULL (or -1) with an exception
 * instance stored in the thread state, as CPython does.  The pending
 * exception is always a normalized instance, never a (type, value) pair.
 */

#define EXC(name, base, doc) extern Type exc_##name;
#include "../objects/exceptions.def"
#undef EXC
extern Type exc_ExceptionGroup;

void err_set(Type *exc_type, const char *msg);
/* printf-like; besides %s %d %i %u %ld %lu %zd %zu %lld %c %x %p %%:
 *   %R repr(Value)   %S str(Value)   %T type(Value).__name__   %U a str Value
 *   %N the __name__ of a Type * ... */
void err_format(Type *exc_type, const char *fmt, ...);
void err_set_value(Type *exc_type, Value arg);  /* exc_type(arg) */
void err_set_args(Type *exc_type, Value args_tuple);
void err_set_object(Value exc);                 /* raise an instance */
Value err_occurred(void);                       /* pending exception or VNULL */
bool err_matches(Type *t);                      /* pending exception is a t */
bool err_given_matches(Value exc, Value t);     /* an except clause's test, t may be a tuple */
Value err_fetch(void);                          /* take the pending exception */
void err_restore(Value exc);                    /* make exc pending (VNULL clears) */
void err_clear(void);
void err_no_memory(void);
void err_bad_argument(const char *func, const char *expected, Value got);
void err_internal(const char *what);            /* SystemError */
void err_from_errno(Type *t);                   /* OSError subclass from errno */
void err_from_errno_filename(Type *t, Value filename);
Value err_new_exception(Type *t, Value *args, size_t nargs);
/* Chain `exc` onto the exception currently being handled, as `raise` does. */
void err_chain_context(Value exc);
/* Report an exception that cannot propagate ("Exception ignored in: ..."). */
void err_write_unraisable(Value exc, Value obj);
void err_print(void);                           /* print the pending exception and traceback */
int err_warn(Type *category, const char *msg, int stacklevel); /* -1 if turned into an error */

/* Recursion guard for C code that recurses (repr, compare, compile...). */
int err_enter_recursive(const char *where);     /* -1 with RecursionError */
void err_leave_recursive(void);

#endif
