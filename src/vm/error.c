/* error.c - the pending exception: raising, matching, fetching, and formatted messages. */
#include "error.h"
#include "thread.h"
#include "../gc/gc.h"
#include "../objects/str.h"
#include "../objects/tuple.h"
#include "../objects/exceptions.h"
#include "../objects/type.h"
#include "../objects/int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

Value err_occurred(void) { return ts->exc; }

void err_clear(void) { ts->exc = VNULL; }

Value err_fetch(void) {
    Value e = ts->exc;
    ts->exc = VNULL;
    return e;
}

void err_restore(Value exc) { ts->exc = exc; }

void err_set_object(Value exc) {
    if (exc_check(exc)) ((ExceptionObject *)exc)->chained = false;
    ts->exc = exc;
}

Value err_new_exception(Type *t, Value *args, size_t nargs) {
    return obj_call(obj_val(t), args, nargs, VNULL);
}

/* A MemoryError needs no allocation to raise: keep one ready. */
static Value prealloc_memerr;

void err_no_memory(void) {
    if (!prealloc_memerr) {
        fprintf(stderr, "taipan: out of memory\n");
        abort();
    }
    ExceptionObject *e = (ExceptionObject *)prealloc_memerr;
    e->traceback = VNULL;
    e->context = VNULL;
    e->cause = VNULL;
    ts->exc = prealloc_memerr;
}

void err_init_prealloc(void) {
    prealloc_memerr = exc_new(&exc_MemoryError, tuple_empty());
    gc_add_root(&prealloc_memerr);
}

void err_set_value(Type *t, Value arg) {
    Value exc = obj_call(obj_val(t), &arg, 1, VNULL);
    if (exc) err_set_object(exc);
}

void err_set_args(Type *t, Value args) {
    Value exc = obj_call(obj_val(t), tuple_items(args), (size_t)tuple_size(args), VNULL);
    if (exc) err_set_object(exc);
}

void err_set(Type *t, const char *msg) {
    Value s = str_from_cstr(msg);
    if (!s) return;
    err_set_value(t, s);
}

void err_format(Type *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    extern Value str_vprintf(const char *fmt, va_list ap);
    Value s = str_vprintf(fmt, ap);
    va_end(ap);
    if (!s) return;
    err_set_value(t, s);
}

bool err_matches(Type *t) {
    return ts->exc && val_isinstance(ts->exc, t);
}

/* The test of an except clause: `t` is an exception class or a tuple of them. */
bool err_given_matches(Value exc, Value t) {
    if (tuple_check(t)) {
        for (ssize_t i = 0; i < tuple_size(t); i++)
            if (err_given_matches(exc, tuple_get(t, i))) return true;
        return false;
    }
    if (!type_check(t)) return false;
    return val_isinstance(exc, (Type *)t);
}

void err_internal(const char *what) {
    err_format(&exc_SystemError, "%s", what);
}

void err_bad_argument(const char *func, const char *expected, Value got) {
    err_format(&exc_TypeError, "%s() argument must be %s, not %T", func, expected, got);
}

/* errno values that select an OSError subclass, as PEP 3151 lays out. */
static Type *oserror_subclass(int e) {
    switch (e) {
    case EAGAIN: return &exc_BlockingIOError;
    case EALREADY: return &exc_BlockingIOError;
    case EINPROGRESS: return &exc_BlockingIOError;
    case ECHILD: return &exc_ChildProcessError;
    case EPIPE: return &exc_BrokenPipeError;
    case ESHUTDOWN: return &exc_BrokenPipeError;
    case ECONNABORTED: return &exc_ConnectionAbortedError;
    case ECONNREFUSED: return &exc_ConnectionRefusedError;
    case ECONNRESET: return &exc_ConnectionResetError;
    case EEXIST: return &exc_FileExistsError;
    case ENOENT: return &exc_FileNotFoundError;
    case EISDIR: return &exc_IsADirectoryError;
    case ENOTDIR: return &exc_NotADirectoryError;
    case EINTR: return &exc_InterruptedError;
    case EACCES: return &exc_PermissionError;
    case EPERM: return &exc_PermissionError;
    case ESRCH: return &exc_ProcessLookupError;
    case ETIMEDOUT: return &exc_TimeoutError;
    default: return NULL;
    }
}

void err_from_errno_filename(Type *t, Value filename) {
    int e = errno;
    if (t == &exc_OSError) {
        Type *sub = oserror_subclass(e);
        if (sub) t = sub;
    }
    Value args[3] = {int_from_i64(e), str_from_cstr(strerror(e)), filename};
    if (!args[1]) return;
    Value exc = obj_call(obj_val(t), args, filename ? 3 : 2, VNULL);
    if (exc) err_set_object(exc);
}

void err_from_errno(Type *t) { err_from_errno_filename(t, VNULL); }

void err_chain_context(Value exc) {
    if (!exc_check(exc) || ((ExceptionObject *)exc)->chained) return;
    Value handled = ts->handled;
    /* A resumed generator does not see its caller's handled exception
     * (CPython's exc_info stack does): with none here, a caller's frame
     * may still chain it. */
    if (!handled) return;
    ((ExceptionObject *)exc)->chained = true;
    if (handled == exc) return;
    /* Avoid creating a cycle in the context chain. The chain may already hold a
     * cycle (__context__ is writable): a second pointer at half speed stops the walk. */
    Value slow = handled;
    bool advance = false;
    for (Value o = handled; o; o = ((ExceptionObject *)o)->context) {
        ExceptionObject *oe = (ExceptionObject *)o;
        if (oe->context == exc) {
            oe->context = VNULL;
            break;
        }
        if (advance) {
            slow = ((ExceptionObject *)slow)->context;
            if (slow == oe->context) break;
        }
        advance = !advance;
    }
    ExceptionObject *e = (ExceptionObject *)exc;
    if (!e->context) GC_WRITE(e, e->context, handled);
}

int err_enter_recursive(const char *where) {
    /* The depth counter follows the recursion limit; the C stack check
     * protects against a limit raised beyond what the C stack can hold. */
    extern int check_c_stack(void);
    if (check_c_stack() < 0) {
        err_clear();
        err_format(&exc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    if (++ts->c_depth > ts->recursion_limit + 50 && !ts->recursion_headroom) {
        ts->c_depth--;
        ts->recursion_headroom = true;
        err_format(&exc_RecursionError, "maximum recursion depth exceeded%s", where);
        ts->recursion_headroom = false;
        return -1;
    }
    return 0;
}

void err_leave_recursive(void) { ts->c_depth--; }
