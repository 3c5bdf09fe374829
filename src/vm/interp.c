/* interp.c - the register-bytecode interpreter: computed-goto dispatch, calls without C recursion, unwinding. */
#include "frame.h"
#include "gen.h"
#include "error.h"
#include "thread.h"
#include "gil.h"
#include "trace.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/set.h"
#include "../objects/func.h"
#include "../objects/misc.h"
#include "../objects/exceptions.h"
#include "../objects/instance.h"
#include "../objects/type_slots.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../modules/signal.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <pthread.h>

/*
 * One interp_run() call runs Python frames until the frame it was entered
 * with returns: a Python function called from Python code gets a new frame
 * on the value stack and the same loop continues with it, so deep Python
 * recursion costs no C stack.  C code that calls Python (a __repr__, a
 * sort key, __init__ from type()) enters a nested interp_run().
 */

Value builtins_dict;
/* Below this address the C stack is nearly exhausted (per thread). */
static _Thread_local char *c_stack_limit;

#define VALUE_STACK_SLOTS ((size_t)64 << 20)          /* 512 MiB reserved, touched as used */
#define THREAD_VALUE_STACK_SLOTS ((size_t)8 << 20)    /* 64 MiB for threads other than main */

static int map_value_stack(ThreadState *t, size_t slots) {
    Value *stack = mmap(NULL, slots * sizeof(Value), PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (stack == MAP_FAILED) return -1;
    t->stack_lo = t->stack_top = stack;
    t->stack_hi = stack + slots;
    t->value_stack_bytes = slots * sizeof(Value);
    return 0;
}

/* Leave some C stack for error handling below the recursion check:
 * 256 KiB, or a quarter of a small thread stack. */
static void set_c_stack_limit(char *lo, size_t size) {
    size_t margin = size >= (1u << 20) ? 256u << 10 : size / 4;
    c_stack_limit = lo + margin;
}

void interp_init(void) {
    if (map_value_stack(ts, VALUE_STACK_SLOTS) < 0) {
        fprintf(stderr, "taipan: cannot allocate the value stack\n");
        exit(1);
    }
    struct rlimit rl;
    size_t size = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) size = rl.rlim_cur;
    char here;
    set_c_stack_limit(&here - size, size);
    gc_add_root(&builtins_dict);
    extern void trace_init(void);
    trace_init();
}

/* The value stacks of finished threads are kept for the next ones: a fresh
 * mapping costs page faults as it is first used and its unmapping a TLB
 * shootdown on every core, per thread, which showed in a server that
 * starts a thread per request.  trylock: after fork() the lock may be held
 * by a thread that no longer exists; then the stack is mapped or unmapped. */
#define STACK_POOL_MAX 8
static pthread_mutex_t stack_pool_lock = PTHREAD_MUTEX_INITIALIZER;
static Value *stack_pool[STACK_POOL_MAX];
static int stack_pool_len;

int interp_thread_init(ThreadState *t) {
    Value *pooled = NULL;
    if (pthread_mutex_trylock(&stack_pool_lock) == 0) {
        if (stack_pool_len) pooled = stack_pool[--stack_pool_len];
        pthread_mutex_unlock(&stack_pool_lock);
    }
    if (pooled) {
        t->stack_lo = t->stack_top = pooled;
        t->stack_hi = pooled + THREAD_VALUE_STACK_SLOTS;
        t->value_stack_bytes = THREAD_VALUE_STACK_SLOTS * sizeof(Value);
    } else if (map_value_stack(t, THREAD_VALUE_STACK_SLOTS) < 0) {
        return -1;
    }
    pthread_attr_t attr;
    void *addr;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        if (pthread_attr_getstack(&attr, &addr, &size) == 0) set_c_stack_limit(addr, size);
        pthread_attr_destroy(&attr);
    }
    return 0;
}

void interp_thread_fini(ThreadState *t) {
    bool kept = false;
    if (t->value_stack_bytes == THREAD_VALUE_STACK_SLOTS * sizeof(Value) &&
        pthread_mutex_trylock(&stack_pool_lock) == 0) {
        if (stack_pool_len < STACK_POOL_MAX) {
            stack_pool[stack_pool_len++] = t->stack_lo;
            kept = true;
        }
        pthread_mutex_unlock(&stack_pool_lock);
    }
    if (t->value_stack_bytes && !kept) munmap(t->stack_lo, t->value_stack_bytes);
    t->value_stack_bytes = 0;
    t->stack_lo = t->stack_top = t->stack_hi = NULL;
}

/*
 * The frames are roots: their header fields, and the registers that can be
 * live at the instruction each frame is at.  Dead temporaries are not
 * scanned, so `del x; gc.collect()` frees x as programs expect.
 */
/* Instantiating a class whose __init__ is Python (do_call): the instance
 * from __new__, then a frame for __init__ with self and the arguments
 * bound.  A function of its own, called from the loop, so that self and the
 * argument block live in a C frame that is gone when __init__ runs: in
 * interp_run's frame, which lasts as long as the loop, the conservative
 * stack scan would find them after the instance died.  NULL with the
 * exception set. */
__attribute__((noinline)) static Frame *init_frame_push(Type *tp, Value init, Value *args, size_t nargs,
                                                        Value kwnames) {
    Value self = tp->new(tp, args, nargs, kwnames);
    if (!self) return NULL;
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    /* self + the arguments, in a fixed block or, for long argument lists,
     * a tuple used as scratch. */
    Value small[16], *buf = small;
    if (nargs + nkw + 1 > ARRAY_LEN(small)) {
        Value t = tuple_new(nargs + nkw + 1);
        if (!t) return NULL;
        buf = tuple_items(t);
    }
    buf[0] = self;
    copy_values(buf + 1, args, nargs + nkw);
    FuncObject *fn = (FuncObject *)init;
    Frame *nf = frame_push(fn->code, init, fn->globals, fn->builtins, VNULL);
    if (!nf) return NULL;
    if (frame_bind_args(nf, init, buf, nargs + 1, kwnames) < 0) {
        frame_pop(nf);
        return NULL;
    }
    nf->flags |= FRAME_INIT;
    nf->sent = self;   /* the instance __init__ returns to the caller */
    return nf;
}

void interp_mark_thread_frames(ThreadState *t) {
    for (Frame *f = t->frame; f; f = f->back) {
        CodeObject *co = f->code;
        gc_mark(obj_val(co));
        gc_mark(f->func);
        gc_mark(f->globals);
        gc_mark(f->builtins);
        gc_mark(f->locals);
        gc_mark(f->frame_obj);
        gc_mark(f->gen);
        gc_mark(f->sent);
        size_t low = co->nregs < WIDE_BASE ? (size_t)co->nregs : WIDE_BASE;
        size_t n = low;
        ssize_t i = f->pc - co->insns - 1;
        if (co->live_buf && i >= 0 && (size_t)i < co->ninsns) {
            size_t live = ((BlobObject *)co->live_buf)->data[i];
            if (live < n) n = live;
        }
        gc_mark_range(f->regs, n);
        /* Dead registers are cleared: a stale pointer left there could
         * otherwise be marked at a later collection, after its object died. */
        for (size_t k = n; k < low; k++) f->regs[k] = VNULL;
        if ((size_t)co->nregs > WIDE_BASE) gc_mark_range(f->regs + WIDE_BASE, (size_t)co->nregs - WIDE_BASE);   /* wide locals */
    }
}

/* The eval breaker (vm/thread.h): a GIL hand-over other threads asked for,
 * finalizers and weakref callbacks the collector queued, then the Python
 * handlers of signals that arrived (main thread only).  -1 with a
 * handler's exception (KeyboardInterrupt from Ctrl-C). */
static int interp_run_pending(void) {
    __atomic_exchange_n(&eval_breaker, 0, __ATOMIC_SEQ_CST);
    if (gil_drop_request) gil_yield();
    if (gc_pending) gc_run_pending();
    if (signal_tripped && thread_is_main()) return signal_run_handlers();
    return 0;
}

/* RecursionError if the C stack is nearly exhausted. */
int check_c_stack(void);
int check_c_stack(void) {
    char here;
    if (&here < c_stack_limit) {
        err_set(&exc_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    return 0;
}

/* ---- Frames ---- */

Frame *frame_push(CodeObject *code, Value func, Value globals, Value builtins, Value locals) {
    if (ts->py_depth >= ts->recursion_limit && !ts->recursion_headroom) {
        ts->recursion_headroom = true;
        err_set(&exc_RecursionError, "maximum recursion depth exceeded");
        ts->recursion_headroom = false;
        return NULL;
    }
    if (ts->py_depth >= ts->recursion_limit + 50) {
        err_set(&exc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    Value *base = ts->stack_top;
    size_t need = FRAME_HEADER_SLOTS + (size_t)code->nregs;
    if (base + need + 16 > ts->stack_hi) {
        err_set(&exc_MemoryError, "Python value stack exhausted");
        return NULL;
    }
    Frame *f = (Frame *)base;
    memset(f, 0, sizeof *f);
    f->regs = base + FRAME_HEADER_SLOTS;
    memset(f->regs, 0, sizeof(Value) * (size_t)code->nregs);
    f->code = code;
    f->pc = code->insns;
    f->func = func;
    f->globals = globals;
    f->builtins = builtins;
    /* A function made from module code (types.FunctionType(code, g)) runs
    ** with its globals as locals, as in CPython. */
    f->locals = locals || (code->flags & CO_OPTIMIZED) ? locals : globals;
    f->flags = FRAME_ON_STACK;
    f->back = ts->frame;
    ts->frame = f;
    ts->stack_top = f->regs + code->nregs;
    ts->py_depth++;
    return f;
}

void frame_pop(Frame *f) {
    if (f->frame_obj) frame_detach(f);
    ts->frame = f->back;
    ts->py_depth--;
    if (f->flags & FRAME_ON_STACK) ts->stack_top = (Value *)f;
}

int frame_lineno(Frame *f) {
    size_t i = (size_t)(f->pc - f->code->insns);
    return code_line_of(f->code, i ? i - 1 : 0);
}

/* ---- Argument binding ---- */

static Value func_display_name(FuncObject *fn) { return fn->qualname; }

static void too_many_positional(FuncObject *fn, CodeObject *co, size_t given, size_t kwonly_given) {
    int defcount = fn->defaults ? (int)tuple_size(fn->defaults) : 0;
    int ac = co->argcount;
    Value name = func_display_name(fn);
    char sig[64];
    if (defcount) snprintf(sig, sizeof sig, "from %d to %d positional arguments", ac - defcount, ac);
    else snprintf(sig, sizeof sig, "%d positional argument%s", ac, ac == 1 ? "" : "s");
    if (kwonly_given)
        err_format(&exc_TypeError, "%U() takes %s but %zu positional argument%s (and %zu keyword-only argument%s) were given",
                   name, sig, given, given == 1 ? "" : "s", kwonly_given, kwonly_given == 1 ? "" : "s");
    else
        err_format(&exc_TypeError, "%U() takes %s but %zu %s given", name, sig, given, given == 1 ? "was" : "were");
}

static void missing_args(FuncObject *fn, CodeObject *co, Value *regs, int start, int end, bool kwonly) {
    /* Collect the names of the missing ones: 'a', 'b' and 'c' */
    Value missing = list_new(0);
    if (!missing) return;
    for (int i = start; i < end; i++)
        if (!regs[i]) list_append(missing, tuple_get(co->varnames, i));
    ssize_t n = list_size(missing);
    StrBuilder sb;
    sb_init(&sb);
    for (ssize_t i = 0; i < n; i++) {
        if (i > 0) sb_append_cstr(&sb, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        sb_append_repr(&sb, list_get(missing, i));
    }
    Value names = sb_finish(&sb);
    if (!names) return;
    err_format(&exc_TypeError, "%U() missing %zd required %s argument%s: %U", func_display_name(fn), n,
               kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", names);
}

static int bind_args(Frame *f, Value *regs, Value func, Value *args, size_t nargs, Value kwnames);

/* More parameters than low registers (a generated namedtuple's __new__
 * with hundreds of fields): bind into a scratch tuple, which the
 * collector sees, then scatter to the registers. */
static NOINLINE int bind_args_wide(Frame *f, Value func, Value *args, size_t nargs, Value kwnames) {
    CodeObject *co = f->code;
    int np = code_nparams(co);
    Value scratch = tuple_new((size_t)np);
    if (!scratch) return -1;
    Value *tmp = tuple_items(scratch);
    for (int i = 0; i < np; i++) tmp[i] = VNULL;
    if (bind_args(f, tmp, func, args, nargs, kwnames) < 0) return -1;
    for (int i = 0; i < np; i++) f->regs[code_local_reg(co, i)] = tmp[i];
    for (int i = 0; i < np; i++) tmp[i] = VNone;   /* the tuple may be seen later */
    return 0;
}

int frame_bind_args(Frame *f, Value func, Value *args, size_t nargs, Value kwnames) {
    CodeObject *co = f->code;
    if (unlikely(co->nlocals > LOW_LOCALS) && code_nparams(co) > LOW_LOCALS)
        return bind_args_wide(f, func, args, nargs, kwnames);
    return bind_args(f, f->regs, func, args, nargs, kwnames);
}

static int bind_args(Frame *f, Value *regs, Value func, Value *args, size_t nargs, Value kwnames) {
    FuncObject *fn = (FuncObject *)func;
    CodeObject *co = f->code;
    int ac = co->argcount;
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    int flags = co->flags;
    /* The common case: exactly the positional parameters. */
    if (nkw == 0 && nargs == (size_t)ac && !(flags & (CO_VARARGS | CO_VARKEYWORDS)) && co->kwonlyargcount == 0) {
        copy_values(regs, args, nargs);
        return 0;
    }
    int kwonly = co->kwonlyargcount;
    int total = ac + kwonly;
    int varargs_reg = (flags & CO_VARARGS) ? total : -1;
    int varkw_reg = (flags & CO_VARKEYWORDS) ? total + ((flags & CO_VARARGS) ? 1 : 0) : -1;
    Value kwdict = VNULL;
    if (varkw_reg >= 0) {
        kwdict = dict_new();
        if (!kwdict) return -1;
        regs[varkw_reg] = kwdict;
    }
    size_t npos = nargs < (size_t)ac ? nargs : (size_t)ac;
    copy_values(regs, args, npos);
    if (varargs_reg >= 0) {
        Value t = nargs > (size_t)ac ? tuple_from_array(args + ac, nargs - (size_t)ac) : tuple_empty();
        if (!t) return -1;
        regs[varargs_reg] = t;
    } else if (nargs > (size_t)ac) {
        size_t kwonly_given = 0;
        for (size_t k = 0; k < nkw; k++) {
            Value kn = tuple_get(kwnames, (ssize_t)k);
            for (int i = ac; i < total; i++)
                if (str_eq(kn, tuple_get(co->varnames, i))) kwonly_given++;
        }
        too_many_positional(fn, co, nargs, kwonly_given);
        return -1;
    }
    for (size_t k = 0; k < nkw; k++) {
        Value kn = tuple_get(kwnames, (ssize_t)k);
        Value v = args[nargs + k];
        int i;
        for (i = co->posonlyargcount; i < total; i++) {
            Value pn = tuple_get(co->varnames, i);
            if (pn == kn || str_eq(pn, kn)) break;
        }
        if (i < total) {
            if (regs[i]) {
                err_format(&exc_TypeError, "%U() got multiple values for argument '%U'", func_display_name(fn), kn);
                return -1;
            }
            regs[i] = v;
            continue;
        }
        if (kwdict) {
            if (dict_set(kwdict, kn, v) < 0) return -1;
            continue;
        }
        /* Positional-only given by name: a dedicated message. */
        for (i = 0; i < co->posonlyargcount; i++)
            if (str_eq(tuple_get(co->varnames, i), kn)) {
                err_format(&exc_TypeError, "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                           func_display_name(fn), kn);
                return -1;
            }
        err_format(&exc_TypeError, "%U() got an unexpected keyword argument '%U'", func_display_name(fn), kn);
        return -1;
    }
    /* Defaults for missing positional parameters. */
    if (nargs < (size_t)ac) {
        int ndef = fn->defaults ? (int)tuple_size(fn->defaults) : 0;
        int first_def = ac - ndef;
        for (int i = (int)nargs; i < ac; i++) {
            if (regs[i]) continue;
            if (i >= first_def) regs[i] = tuple_get(fn->defaults, i - first_def);
        }
        for (int i = (int)nargs; i < ac; i++)
            if (!regs[i]) {
                missing_args(fn, co, regs, (int)nargs, ac, false);
                return -1;
            }
    }
    if (kwonly) {
        for (int i = ac; i < total; i++) {
            if (regs[i]) continue;
            if (fn->kwdefaults) {
                Value d = dict_get(fn->kwdefaults, tuple_get(co->varnames, i));
                if (d) {
                    regs[i] = d;
                    continue;
                }
                if (err_occurred()) return -1;
            }
        }
        for (int i = ac; i < total; i++)
            if (!regs[i]) {
                missing_args(fn, co, regs, ac, total, true);
                return -1;
            }
    }
    return 0;
}

/* ---- Entry points from C ---- */

Value interp_call_function(Value func, Value *args, size_t nargs, Value kwnames) {
    FuncObject *fn = (FuncObject *)func;
    CodeObject *co = fn->code;
    if (co->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))
        return gen_new_from_call(func, args, nargs, kwnames);
    if (check_c_stack() < 0) return VNULL;
    Frame *f = frame_push(co, func, fn->globals, fn->builtins, VNULL);
    if (!f) return VNULL;
    if (frame_bind_args(f, func, args, nargs, kwnames) < 0) {
        frame_pop(f);
        return VNULL;
    }
    f->flags |= FRAME_C_ENTRY;
    return interp_run(f);
}

Value interp_eval_code(CodeObject *code, Value globals, Value locals) {
    if (check_c_stack() < 0) return VNULL;
    Value b = dict_get_cstr(globals, "__builtins__");
    if (!b) {
        if (err_occurred()) return VNULL;
        if (dict_set_cstr(globals, "__builtins__", builtins_dict) < 0) return VNULL;
        b = builtins_dict;
    }
    if (!dict_check(b)) {
        Value d = obj_getattr_opt(b, str_intern_cstr("__dict__"));
        b = d && dict_check(d) ? d : builtins_dict;
    }
    /* Module code compiled with top-level await is a coroutine to run. */
    if (code->flags & CO_COROUTINE) return gen_new_from_code(code, globals, b, locals ? locals : globals);
    Frame *f = frame_push(code, VNULL, globals, b, locals ? locals : globals);
    if (!f) return VNULL;
    f->flags |= FRAME_C_ENTRY;
    return interp_run(f);
}

Value interp_run_class_body(Value func, Value ns) {
    FuncObject *fn = (FuncObject *)func;
    if (check_c_stack() < 0) return VNULL;
    Frame *f = frame_push(fn->code, func, fn->globals, fn->builtins, ns);
    if (!f) return VNULL;
    f->flags |= FRAME_C_ENTRY | FRAME_CLASS_BODY;
    return interp_run(f);
}

/* ---- Helpers for the instructions ---- */

extern bool type_has_default_new(Type *t);
extern bool type_init_is_trampoline(Type *t);
extern Value cache_getattr(CacheEntry *ce, Value obj);
extern int cache_loadmethod(CacheEntry *ce, Value obj, Value *out);
extern int cache_setattr(CacheEntry *ce, Value obj, Value v);
extern Value cache_loadglobal(CacheEntry *ce, Frame *f);

static void name_error(Value name) {
    err_format(&exc_NameError, "name '%U' is not defined", name);
    Value e = err_fetch();
    obj_setattr_cstr(e, "name", name);
    err_restore(e);
}

static void unbound_local(CodeObject *co, int reg) {
    int i = reg < WIDE_BASE ? reg : reg - WIDE_BASE + code_nlow(co->nlocals, code_nparams(co));
    Value name = tuple_get(co->varnames, i);
    err_format(&exc_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value", name);
}

static Value cell_name(CodeObject *co, int reg) {
    int i = reg - co->cell_base;
    if (i < co->ncells) return tuple_get(co->cellvars, i);
    return tuple_get(co->freevars, i - co->ncells);
}

static Value load_global(Frame *f, Value name) {
    Value v = dict_get_str(f->globals, name);
    if (v) return v;
    if (err_occurred()) return VNULL;
    v = dict_get_str(f->builtins, name);
    if (v) return v;
    if (!err_occurred()) name_error(name);
    return VNULL;
}

static Value load_name(Frame *f, Value name) {
    Value v;
    if (f->locals) {
        if (dict_check_exact(f->locals)) v = dict_get_str(f->locals, name);
        else {
            v = obj_getitem(f->locals, name);
            if (!v) {
                if (!err_matches(&exc_KeyError)) return VNULL;
                err_clear();
            }
        }
        if (v) return v;
        if (err_occurred()) return VNULL;
    }
    return load_global(f, name);
}

static int store_name(Frame *f, Value name, Value v) {
    if (!f->locals) {
        err_format(&exc_SystemError, "no locals found when storing %R", name);
        return -1;
    }
    if (dict_check_exact(f->locals)) return dict_set(f->locals, name, v);
    return obj_setitem(f->locals, name, v);
}

static Value make_exception(Value v) {
    /* raise X: X may be a class (instantiate it) or an instance. */
    if (type_check(v) && TYPE_HAS_FLAG((Type *)v, TF_EXC_SUBCLASS)) {
        Value e = obj_call0(v);
        if (!e) return VNULL;
        if (!exc_check(e)) {
            err_format(&exc_TypeError, "calling %R should have returned an instance of BaseException, not %s",
                       v, type_name(e));
            return VNULL;
        }
        return e;
    }
    if (exc_check(v)) return v;
    err_set(&exc_TypeError, "exceptions must derive from BaseException");
    return VNULL;
}

static int do_raise(Value exc, Value cause, int kind) {
    if (kind == 0) {
        Value h = ts->handled;
        if (!h) {
            err_set(&exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        err_restore(h);
        return 1; /* re-raise: keep the traceback */
    }
    Value e = make_exception(exc);
    if (!e) return 0;
    if (kind == 2) {
        Value c;
        if (cause == VNone) c = VNULL;
        else if (type_check(cause) && TYPE_HAS_FLAG((Type *)cause, TF_EXC_SUBCLASS)) {
            c = obj_call0(cause);
            if (!c) return 0;
        } else if (exc_check(cause)) c = cause;
        else {
            err_set(&exc_TypeError, "exception causes must derive from BaseException");
            return 0;
        }
        ExceptionObject *eo = (ExceptionObject *)e;
        GC_WRITE(e, eo->cause, c);
        eo->suppress_context = true;
    }
    err_set_object(e);
    return 0;
}

static int check_except_type(Value t) {
    if (tuple_check(t)) {
        for (ssize_t i = 0; i < tuple_size(t); i++)
            if (check_except_type(tuple_get(t, i)) < 0) return -1;
        return 0;
    }
    if (type_check(t) && TYPE_HAS_FLAG((Type *)t, TF_EXC_SUBCLASS)) return 0;
    err_set(&exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

static int unpack(Value seq, Value *out, size_t n) {
    if (tuple_check_exact(seq) || list_check_exact(seq)) {
        ssize_t sz = tuple_check_exact(seq) ? tuple_size(seq) : list_size(seq);
        Value *items = tuple_check_exact(seq) ? tuple_items(seq) : list_items(seq);
        if ((size_t)sz != n) {
            if ((size_t)sz < n)
                err_format(&exc_ValueError, "not enough values to unpack (expected %zu, got %zd)", n, sz);
            else
                err_format(&exc_ValueError, "too many values to unpack (expected %zu)", n);
            return -1;
        }
        memcpy(out, items, sizeof(Value) * n);
        return 0;
    }
    Value it = obj_iter(seq);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "cannot unpack non-iterable %s object", type_name(seq));
        }
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        Value v = obj_next(it);
        if (!v) {
            if (!err_occurred())
                err_format(&exc_ValueError, "not enough values to unpack (expected %zu, got %zu)", n, i);
            return -1;
        }
        out[i] = v;
    }
    Value extra = obj_next(it);
    if (extra) {
        err_format(&exc_ValueError, "too many values to unpack (expected %zu)", n);
        return -1;
    }
    return err_occurred() ? -1 : 0;
}

static int unpack_ex(Value seq, Value *out, size_t before, size_t after) {
    Value it = obj_iter(seq);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "cannot unpack non-iterable %s object", type_name(seq));
        }
        return -1;
    }
    for (size_t i = 0; i < before; i++) {
        Value v = obj_next(it);
        if (!v) {
            if (!err_occurred())
                err_format(&exc_ValueError, "not enough values to unpack (expected at least %zu, got %zu)",
                           before + after, i);
            return -1;
        }
        out[i] = v;
    }
    Value rest = list_from_iterable(it);
    if (!rest) return -1;
    ssize_t n = list_size(rest);
    if ((size_t)n < after) {
        err_format(&exc_ValueError, "not enough values to unpack (expected at least %zu, got %zu)", before + after,
                   before + (size_t)n);
        return -1;
    }
    for (size_t i = 0; i < after; i++) out[before + 1 + i] = list_get(rest, n - (ssize_t)after + (ssize_t)i);
    for (size_t i = 0; i < after; i++) list_pop(rest, -1);
    out[before] = rest;
    return 0;
}

static Value do_format(Value v, Value spec, int conv) {
    switch (conv & 3) {
    case 1: v = obj_str(v); break;
    case 2: v = obj_repr(v); break;
    case 3: v = obj_ascii(v); break;
    }
    if (!v) return VNULL;
    if (!(conv & 4) && str_check_exact(v)) return v;
    return obj_format(v, (conv & 4) ? spec : VNULL);
}

static int dict_merge_call(Value d, Value m, Value callee) {
    if (!dict_check(m)) {
        Value keys = obj_getattr_opt(m, str_intern_cstr("keys"));
        if (!keys) {
            if (err_occurred()) return -1;
            Value name = obj_getattr_opt(callee, str_intern_cstr("__qualname__"));
            err_clear();
            if (name && str_check(name))
                err_format(&exc_TypeError, "%U() argument after ** must be a mapping, not %s", name, type_name(m));
            else
                err_format(&exc_TypeError, "argument after ** must be a mapping, not %s", type_name(m));
            return -1;
        }
        Value kl = obj_call0(keys);
        if (!kl) return -1;
        Value it = obj_iter(kl);
        if (!it) return -1;
        Value k;
        while ((k = obj_next(it))) {
            if (!str_check(k)) {
                err_set(&exc_TypeError, "keywords must be strings");
                return -1;
            }
            if (dict_contains(d, k) > 0) goto dup_key;
            Value v = obj_getitem(m, k);
            if (!v || dict_set(d, k, v) < 0) return -1;
            continue;
        dup_key: {
            Value name = obj_getattr_opt(callee, str_intern_cstr("__qualname__"));
            err_clear();
            err_format(&exc_TypeError, "%U() got multiple values for keyword argument '%U'",
                       name && str_check(name) ? name : str_intern_cstr("function"), k);
            return -1;
        }
        }
        return err_occurred() ? -1 : 0;
    }
    ssize_t pos = 0;
    Value k, v;
    while (dict_next(m, &pos, &k, &v)) {
        if (!str_check(k)) {
            err_set(&exc_TypeError, "keywords must be strings");
            return -1;
        }
        int r = dict_contains(d, k);
        if (r < 0) return -1;
        if (r) {
            Value name = obj_getattr_opt(callee, str_intern_cstr("__qualname__"));
            err_clear();
            err_format(&exc_TypeError, "%U() got multiple values for keyword argument '%U'",
                       name && str_check(name) ? name : str_intern_cstr("function"), k);
            return -1;
        }
        if (dict_set(d, k, v) < 0) return -1;
    }
    return 0;
}

/* Fill in a traceback entry and the implicit exception context for frame f. */
static void note_exception(Frame *f, bool add_tb) {
    Value e = ts->exc;
    if (!e || !exc_check(e)) return;
    if (add_tb) exc_add_traceback(e, f);
    err_chain_context(e);
}

static Value exception_table_lookup(CodeObject *co, size_t lasti, uint32_t *handler) {
    ExcEntry *ex = code_exc(co);
    for (uint32_t i = 0; i < co->nexc; i++) {
        if (lasti >= ex[i].start && lasti < ex[i].end) {
            *handler = ex[i].handler;
            return val_from_int(ex[i].reg & 0xffff);
        }
    }
    return VNULL;
}

/* ---- The loop ---- */

/*
 * interp_run jumps through interp_dispatch, a copy of its label table.
 * While a trace or profile hook is active, every entry is patched to lead
 * to trace_hook, which reports the events and then jumps through the
 * original table (LuaJIT patches its dispatch table for hooks the same
 * way): the plain path pays nothing for tracing.  The table is global; a
 * thread that is not tracing falls straight through trace_hook.
 */
bool interp_tracing;   /* the table is patched: a hook is active */
static const void **interp_dispatch;        /* interp_run's table, once it ran */
static const void *const *dispatch_plain;     /* its unpatched contents */
static const void *trace_hook_label;

void interp_set_tracing(bool on) {
    static bool patched;
    interp_tracing = on;
    if (!interp_dispatch || on == patched) return;
    for (int i = 0; i < OP__COUNT; i++) interp_dispatch[i] = on ? trace_hook_label : dispatch_plain[i];
    patched = on;
}

#include "arith_fast.h"


Value interp_run(Frame *f) {
    /* `table` is what the loop jumps through (patched while tracing),
     * `dispatch` the handlers themselves. */
    static const void *table[OP__COUNT] = {
#define OP(name, fmt, flags, doc) &&op_##name,
#include "opcodes.def"
#undef OP
    };
    static const void *const dispatch[OP__COUNT] = {
#define OP(name, fmt, flags, doc) &&op_##name,
#include "opcodes.def"
#undef OP
    };
    if (unlikely(!interp_dispatch)) {
        trace_hook_label = &&trace_hook;
        dispatch_plain = dispatch;
        interp_dispatch = table;
        interp_set_tracing(ts->use_tracing);
    }
    CodeObject *co;
    const uint32_t *pc;
    Value *R;
    Value *K;
    uint32_t ins;
    bool reraise = false;
    int restore_lasti = -1;         /* set by a cleanup RERAISE (see op_RERAISE) */

#define LOAD_FRAME()                   \
    do {                               \
        co = f->code;                  \
        pc = f->pc;                    \
        R = f->regs;                   \
        K = tuple_items(co->consts);   \
    } while (0)
#define SAVE_PC() (f->pc = pc)
/* Clear a block of Values in interp_run's C frame once it is used: the
 * collector scans that frame conservatively for as long as the loop runs,
 * so a stale copy would keep a dead object alive (weakref and __del__
 * tests that call gc.collect()).  The asm keeps the stores from being
 * dropped as dead. */
#define CLEAR_STALE(arr, n)                                 \
    do {                                                    \
        memset((arr), 0, sizeof(Value) * (size_t)(n));      \
        __asm__ volatile("" : : "r"(arr) : "memory");       \
    } while (0)
/* The frame's pc is kept current so the collector knows which registers
 * are live (code->live_buf) and tracebacks know the line, at any point. */
#define DISPATCH()                     \
    do {                               \
        ins = *pc++;                   \
        f->pc = pc;                    \
        goto *table[INS_OP(ins)];      \
    } while (0)
/* A safe point: finalizers and signal handlers. */
#define RUN_PENDING()                              \
    do {                                           \
        SAVE_PC();                                 \
        CHECK(interp_run_pending() == 0);          \
    } while (0)
#define A INS_A(ins)
#define B INS_B(ins)
#define C INS_C(ins)
#define Bx INS_Bx(ins)
#define sBx INS_sBx(ins)
#define XWORD (*pc++)
#define ERROR() goto error
#define CHECK(v) do { if (unlikely(!(v))) ERROR(); } while (0)

    LOAD_FRAME();
    if (f->flags & FRAME_THROW) {
        f->flags &= ~FRAME_THROW;
        /* pc is after the YIELD: the exception appears to come from it. */
        if (unlikely(interp_tracing)) trace_throw_entry(f);
        ERROR();
    }
    DISPATCH();

trace_hook: {
    /* The instruction about to run is at pc[-1]; `ins` is not used before
     * the call, so the plain dispatch keeps no copy of it alive. */
    int r = trace_instruction(f);
    if (r < 0) ERROR();
    pc = f->pc;   /* moved if the trace function set f_lineno */
    ins = pc[-1];
    if (r > 0) {
        /* The hook ran the call instruction itself. */
        if (opcode_flags[INS_OP(ins)] & OPF_X) pc++;
        if (unlikely(eval_breaker)) RUN_PENDING();
        DISPATCH();
    }
    goto *dispatch[INS_OP(ins)];
}

op_NOP:
    DISPATCH();
op_MOVE:
    R[A] = R[B];
    DISPATCH();
op_LOADK:
    R[A] = K[Bx];
    DISPATCH();
op_LOADINT:
    R[A] = val_from_int(sBx);
    DISPATCH();
op_LOADNONE:
    R[A] = VNone;
    DISPATCH();
op_LOADTRUE:
    R[A] = VTrue;
    DISPATCH();
op_LOADFALSE:
    R[A] = VFalse;
    DISPATCH();
op_CLEAR:
    R[A] = VNULL;
    DISPATCH();
op_CHECKLOCAL:
    if (unlikely(!R[A])) {
        unbound_local(co, A);
        ERROR();
    }
    DISPATCH();

op_LOADWIDE:
    if (unlikely(!R[Bx])) {
        unbound_local(co, Bx);
        ERROR();
    }
    R[A] = R[Bx];
    DISPATCH();
op_STOREWIDE:
    R[Bx] = R[A];
    DISPATCH();
op_DELWIDE:
    if (unlikely(!R[Bx])) {
        unbound_local(co, Bx);
        ERROR();
    }
    R[Bx] = VNULL;
    DISPATCH();

op_LOADGLOBAL: {
    CacheEntry *ce = &code_caches(co)[XWORD];
    if (likely(ce->kind == CACHE_GLOBAL && ce->key == f->globals &&
               ce->version == (uintptr_t)((DictObject *)f->globals)->version && ce->map == f->builtins &&
               ce->version2 == ((DictObject *)f->builtins)->version)) {
        R[A] = ce->value;
        DISPATCH();
    }
    Value v = cache_loadglobal(ce, f);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_STOREGLOBAL:
    CHECK(dict_set(f->globals, tuple_get(co->names, Bx), R[A]) == 0);
    DISPATCH();
op_DELGLOBAL: {
    Value name = tuple_get(co->names, Bx);
    int r = dict_contains(f->globals, name);
    CHECK(r >= 0);
    if (!r) {
        name_error(name);
        ERROR();
    }
    CHECK(dict_del(f->globals, name) == 0);
    DISPATCH();
}
op_LOADNAME: {
    Value v = load_name(f, tuple_get(co->names, Bx));
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_STORENAME:
    CHECK(store_name(f, tuple_get(co->names, Bx), R[A]) == 0);
    DISPATCH();
op_DELNAME: {
    Value name = tuple_get(co->names, Bx);
    if (!f->locals) {
        err_format(&exc_SystemError, "no locals when deleting %R", name);
        ERROR();
    }
    if (obj_delitem(f->locals, name) < 0) {
        if (err_matches(&exc_KeyError)) {
            err_clear();
            name_error(name);
        }
        ERROR();
    }
    DISPATCH();
}
op_LOADDEREF: {
    Value v = ((CellObject *)R[B])->ref;
    if (unlikely(!v)) {
        Value name = cell_name(co, B);
        if (C) err_format(&exc_NameError, "cannot access free variable '%U' where it is not associated with a value in enclosing scope", name);
        else err_format(&exc_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value", name);
        ERROR();
    }
    R[A] = v;
    DISPATCH();
}
op_STOREDEREF:
    GC_WRITE(R[A], ((CellObject *)R[A])->ref, R[B]);
    DISPATCH();
op_DELDEREF: {
    CellObject *cell = (CellObject *)R[A];
    if (!cell->ref) {
        err_format(&exc_NameError, "cannot access free variable '%U' where it is not associated with a value in enclosing scope", cell_name(co, A));
        ERROR();
    }
    cell->ref = VNULL;
    DISPATCH();
}
op_LOADCLASSDEREF: {
    uint32_t cellreg = XWORD;
    Value name = tuple_get(co->names, Bx);
    Value v = VNULL;
    if (f->locals) {
        v = dict_check_exact(f->locals) ? dict_get_str(f->locals, name) : obj_getitem(f->locals, name);
        if (!v && err_occurred()) {
            if (!err_matches(&exc_KeyError)) ERROR();
            err_clear();
        }
    }
    if (!v) {
        v = ((CellObject *)R[cellreg])->ref;
        if (!v) {
            err_format(&exc_NameError, "cannot access free variable '%U' where it is not associated with a value in enclosing scope", name);
            ERROR();
        }
    }
    R[A] = v;
    DISPATCH();
}
op_MAKECELL: {
    Value cell = cell_new(C ? R[B] : VNULL);
    CHECK(cell);
    R[A] = cell;
    DISPATCH();
}
op_LOADCLOSURE: {
    Value cl = ((FuncObject *)f->func)->closure;
    for (uint32_t i = 0; i < C; i++) R[A + i] = tuple_get(cl, (ssize_t)(B + i));
    DISPATCH();
}

op_GETATTR: {
    CacheEntry *ce = &code_caches(co)[XWORD];
    Value obj = R[B];
    if (likely(!val_is_int(obj))) {
        Type *t = val_obj(obj)->type;
        if (ce->key == obj_val(t) && ce->version == t->version) {
            switch (ce->kind) {
            case CACHE_SLOT: {
                AttrHeader *h = (AttrHeader *)((char *)obj + t->attrs_offset);
                if (obj_val(h->map) == ce->map) {
                    R[A] = h->slots[ce->index];
                    DISPATCH();
                }
                break;
            }
            case CACHE_METHOD:
            case CACHE_CLASSATTR:
            case CACHE_DESCR:
                if (!ce->map || obj_val(((AttrHeader *)((char *)obj + t->attrs_offset))->map) == ce->map) {
                    Value v = ce->kind == CACHE_CLASSATTR ? ce->value
                            : ce->kind == CACHE_METHOD ? method_new(ce->value, obj)
                            : val_type(ce->value)->descr_get(ce->value, obj, obj_val(t));
                    CHECK(v);
                    R[A] = v;
                    DISPATCH();
                }
                break;
            case CACHE_DATADESCR: {
                Value v = val_type(ce->value)->descr_get(ce->value, obj, obj_val(t));
                CHECK(v);
                R[A] = v;
                DISPATCH();
            }
            }
        } else if (ce->kind == CACHE_MODULE && ce->key == obj &&
                   ce->version == (uintptr_t)((DictObject *)module_dict(obj))->version) {
            R[A] = ce->value;
            DISPATCH();
        }
    }
    Value v = cache_getattr(ce, obj);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_SETATTR: {
    CacheEntry *ce = &code_caches(co)[XWORD];
    Value obj = R[A];
    if (likely(!val_is_int(obj))) {
        Type *t = val_obj(obj)->type;
        if (ce->key == obj_val(t) && ce->version == t->version) {
            AttrHeader *h = (AttrHeader *)((char *)obj + t->attrs_offset);
            if (ce->kind == CACHE_SETSLOT && obj_val(h->map) == ce->map) {
                GC_WRITE(obj, h->slots[ce->index], R[B]);
                DISPATCH();
            }
            if (ce->kind == CACHE_ADDSLOT && obj_val(h->map) == ce->map) {
                GC_WRITE(obj, h->slots[ce->index], R[B]);
                h->map = (Map *)ce->map2;
                DISPATCH();
            }
        }
    }
    CHECK(cache_setattr(ce, obj, R[B]) == 0);
    DISPATCH();
}
op_DELATTR: {
    uint32_t site = XWORD;
    CHECK(obj_setattr(R[A], code_caches(co)[site].name, VNULL) == 0);
    DISPATCH();
}
op_LOADMETHOD: {
    CacheEntry *ce = &code_caches(co)[XWORD];
    Value obj = R[B];
    Type *t = val_type(obj);
    if (ce->kind == CACHE_METHOD && ce->key == obj_val(t) && ce->version == t->version &&
        (!ce->map || obj_val(((AttrHeader *)((char *)obj + t->attrs_offset))->map) == ce->map)) {
        R[A] = ce->value;
        R[A + 1] = obj;
        DISPATCH();
    }
    if (ce->kind == CACHE_MODULE && ce->key == obj &&
        ce->version == (uintptr_t)((DictObject *)module_dict(obj))->version) {
        R[A] = ce->value;
        R[A + 1] = VNULL;
        DISPATCH();
    }
    CHECK(cache_loadmethod(ce, obj, &R[A]) == 0);
    DISPATCH();
}
op_GETITEM: {
    Value o = R[B], k = R[C];
    Value v;
    if (list_check_exact(o) && val_is_int(k)) {
        intptr_t i = val_int(k);
        ssize_t n = list_size(o);
        if (i < 0) i += n;
        if ((size_t)i < (size_t)n) {
            R[A] = list_get(o, i);
            DISPATCH();
        }
    }
    v = obj_getitem(o, k);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_SETITEM:
    CHECK(obj_setitem(R[A], R[B], R[C]) == 0);
    DISPATCH();
op_DELITEM:
    CHECK(obj_delitem(R[A], R[B]) == 0);
    DISPATCH();
op_BUILDSLICE: {
    Value v = slice_new(R[B], R[B + 1], C == 3 ? R[B + 2] : VNone);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}

op_NEG: {
    Value v = R[B];
    if (val_is_int(v) && val_int(v) != SMALLINT_MIN) {
        R[A] = val_from_int(-val_int(v));
        DISPATCH();
    }
    v = num_neg(v);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_POS: {
    Value v = num_pos(R[B]);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_INVERT: {
    Value v = num_invert(R[B]);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_NOT: {
    int t = obj_is_true(R[B]);
    CHECK(t >= 0);
    R[A] = val_bool(!t);
    DISPATCH();
}
op_TRUTH: {
    int t = obj_is_true(R[B]);
    CHECK(t >= 0);
    R[A] = val_bool(t);
    DISPATCH();
}

/* Arithmetic: small ints and exact floats inline (arith_fast.h), the
 * number protocol otherwise.  For ints and floats `a op= b` is `a op b`. */
#define ARITH_OP(NAME)                                                       \
    op_##NAME: {                                                             \
        Value a = R[B], b = R[C], v;                                         \
        if (!arith_fast(AF_##NAME, a, b, &v)) v = num_binop(a, b, BINOP_##NAME); \
        CHECK(v);                                                            \
        R[A] = v;                                                            \
        DISPATCH();                                                          \
    }                                                                        \
    op_I##NAME: {                                                            \
        Value a = R[B], b = R[C], v;                                         \
        if (!arith_fast(AF_##NAME, a, b, &v)) v = num_inplace(a, b, BINOP_##NAME); \
        CHECK(v);                                                            \
        R[A] = v;                                                            \
        DISPATCH();                                                          \
    }
#define BINOP(NAME, slot, d, r, i, sym) ARITH_OP(NAME)
#include "../objects/binops.def"
#undef BINOP

#define COMPARE(NAME, CMP, cop)                                              \
    op_##NAME: {                                                             \
        Value a = R[B], b = R[C];                                            \
        if (val_is_int(a) && val_is_int(b)) {                                \
            R[A] = val_bool((intptr_t)a cop (intptr_t)b);                    \
            DISPATCH();                                                      \
        }                                                                    \
        if (float_check_exact(a) && float_check_exact(b)) {                  \
            R[A] = val_bool(float_value(a) cop float_value(b));              \
            DISPATCH();                                                      \
        }                                                                    \
        Value v = obj_richcompare(a, b, CMP);                                \
        CHECK(v);                                                            \
        R[A] = v;                                                            \
        DISPATCH();                                                          \
    }
COMPARE(LT, CMP_LT, <)
COMPARE(LE, CMP_LE, <=)
COMPARE(EQ, CMP_EQ, ==)
COMPARE(NE, CMP_NE, !=)
COMPARE(GT, CMP_GT, >)
COMPARE(GE, CMP_GE, >=)
op_IS:
    R[A] = val_bool(R[B] == R[C]);
    DISPATCH();
op_ISNOT:
    R[A] = val_bool(R[B] != R[C]);
    DISPATCH();
op_IN: {
    int r = obj_contains(R[C], R[B]);
    CHECK(r >= 0);
    R[A] = val_bool(r);
    DISPATCH();
}
op_NOTIN: {
    int r = obj_contains(R[C], R[B]);
    CHECK(r >= 0);
    R[A] = val_bool(!r);
    DISPATCH();
}

op_JUMP:
    pc += INS_sJ(ins);
    DISPATCH();
op_LOOP: {
    uint32_t *counter = (uint32_t *)pc;
    (*counter)++;   /* exact hotness count for the JIT's trace selection */
    pc++;
    /* Before the jump: an exception from a signal handler is raised at
     * this instruction, inside any try block around the loop. */
    if (unlikely(eval_breaker)) RUN_PENDING();
    pc += INS_sJ(ins);
    DISPATCH();
}
op_JUMPIFTRUE: {
    Value v = R[A];
    if (v == VTrue) { pc += sBx; DISPATCH(); }
    if (v == VFalse || v == VNone) DISPATCH();
    int t = obj_is_true(v);
    CHECK(t >= 0);
    if (t) pc += sBx;
    DISPATCH();
}
op_JUMPIFFALSE: {
    Value v = R[A];
    if (v == VFalse || v == VNone) { pc += sBx; DISPATCH(); }
    if (v == VTrue) DISPATCH();
    int t = obj_is_true(v);
    CHECK(t >= 0);
    if (!t) pc += sBx;
    DISPATCH();
}
op_JUMPIFNOTNONE:
    if (R[A] != VNone) pc += sBx;
    DISPATCH();
op_GETITER: {
    /* C = 1: the iterator of `yield from`, which takes a coroutine only
     * inside a coroutine or a types.coroutine generator. */
    if (unlikely(C) && val_type(R[B]) == &type_coroutine) {
        if (!(f->code->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
            err_set(&exc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
            ERROR();
        }
        R[A] = R[B];
        DISPATCH();
    }
    Value it = obj_iter(R[B]);
    CHECK(it);
    R[A] = it;
    DISPATCH();
}
op_FORITER: {
    Value it = R[A];
    Value v = val_type(it)->iternext(it);
    if (likely(v != VNULL)) {
        R[A + 1] = v;
        DISPATCH();
    }
    if (err_occurred()) {
        if (!err_matches(&exc_StopIteration)) ERROR();
        err_clear();
    }
    pc += sBx;
    DISPATCH();
}

op_BUILDTUPLE: {
    Value v = tuple_from_array(&R[B], C);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_BUILDLIST: {
    Value v = list_from_array(&R[B], C);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_BUILDSET: {
    Value s = set_new(&type_set);
    CHECK(s);
    for (uint32_t i = 0; i < C; i++) CHECK(set_add(s, R[B + i]) == 0);
    R[A] = s;
    DISPATCH();
}
op_BUILDDICT: {
    Value d = dict_new_presized(C);
    CHECK(d);
    for (uint32_t i = 0; i < C; i++) CHECK(dict_set(d, R[B + 2 * i], R[B + 2 * i + 1]) == 0);
    R[A] = d;
    DISPATCH();
}
op_BUILDSTRING: {
    StrBuilder sb;
    sb_init(&sb);
    for (uint32_t i = 0; i < C; i++) {
        /* Only a JoinedStr from compile() of an ast object can hold a non-str. */
        if (unlikely(!str_check(R[B + i]))) {
            sb_discard(&sb);
            err_format(&exc_TypeError, "sequence item %u: expected str instance, %s found", i, type_name(R[B + i]));
            ERROR();
        }
        sb_append_str(&sb, R[B + i]);
    }
    Value v = sb_finish(&sb);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_LISTAPPEND:
    CHECK(list_append(R[A], R[B]) == 0);
    DISPATCH();
op_LISTEXTEND:
    if (list_extend(R[A], R[B]) < 0) {
        Value src = R[B];
        if (err_matches(&exc_TypeError) && !val_type(src)->iter && !val_type(src)->getitem) {
            err_clear();
            err_format(&exc_TypeError, "Value after * must be an iterable, not %s", type_name(src));
        }
        ERROR();
    }
    DISPATCH();
op_SETADD:
    CHECK(set_add(R[A], R[B]) == 0);
    DISPATCH();
op_SETUPDATE:
    CHECK(set_update(R[A], R[B]) == 0);
    DISPATCH();
op_DICTSET:
    CHECK(dict_set(R[A], R[B], R[C]) == 0);
    DISPATCH();
op_DICTUPDATE:
    /* {**m}: m must be a mapping (have keys()), unlike dict.update's pairs. */
    if (!dict_check(R[B])) {
        int has = obj_hasattr(R[B], str_intern_cstr("keys"));
        CHECK(has >= 0);
        if (!has) {
            err_format(&exc_TypeError, "'%s' object is not a mapping", type_name(R[B]));
            ERROR();
        }
    }
    CHECK(dict_merge(R[A], R[B], true) == 0);
    DISPATCH();
op_DICTMERGE:
    CHECK(dict_merge_call(R[A], R[B], R[C]) == 0);
    DISPATCH();
op_LISTTOTUPLE: {
    Value v = list_as_tuple(R[B]);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_UNPACK:
    CHECK(unpack(R[B], &R[A], C) == 0);
    DISPATCH();
op_UNPACKEX: {
    uint32_t x = XWORD;
    CHECK(unpack_ex(R[B], &R[A], x & 0xffff, x >> 16) == 0);
    DISPATCH();
}
op_FORMAT: {
    Value v = do_format(R[A], (C & 4) ? R[B] : VNULL, (int)C);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}

    /* ---- Calls ---- */
    {
        Value callable, *args, kwnames;
        size_t nargs;
        int dest;

op_CALL:
        callable = R[A];
        args = &R[A + 1];
        nargs = B;
        kwnames = VNULL;
        dest = A;
        goto do_call;
op_CALLKW: {
        uint32_t k = XWORD;
        kwnames = K[k];
        callable = R[A];
        args = &R[A + 1];
        nargs = B - (size_t)tuple_size(kwnames);
        dest = A;
        goto do_call;
}
op_CALLMETHOD:
        callable = R[A];
        kwnames = VNULL;
        dest = A;
        if (R[A + 1]) {
            args = &R[A + 1];
            nargs = B + 1;
        } else {
            args = &R[A + 2];
            nargs = B;
        }
        goto do_call;
op_CALLMETHODKW: {
        uint32_t k = XWORD;
        kwnames = K[k];
        callable = R[A];
        dest = A;
        size_t n = B - (size_t)tuple_size(kwnames);
        if (R[A + 1]) {
            args = &R[A + 1];
            nargs = n + 1;
        } else {
            args = &R[A + 2];
            nargs = n;
        }
        goto do_call;
}
do_call:
        /* Instantiating a class whose __init__ is Python: run __init__ as a frame. */
        if (val_type(callable) == &type_type && (((Type *)callable)->flags & TF_HEAPTYPE) &&
            type_has_default_new((Type *)callable) && type_init_is_trampoline((Type *)callable)) {
            Type *tp = (Type *)callable;
            Value init = type_lookup(tp, intern_cstr_cached("__init__"));
            if (init && val_type(init) == &type_function &&
                !(((FuncObject *)init)->code->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
                SAVE_PC();
                Frame *nf = init_frame_push(tp, init, args, nargs, kwnames);
                CHECK(nf);
                nf->ret_reg = dest;
                f = nf;
                LOAD_FRAME();
                DISPATCH();
            }
        }
        if (val_type(callable) == &type_function) {
            FuncObject *fn = (FuncObject *)callable;
            CodeObject *cco = fn->code;
            if (!(cco->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
                /* A Python call: a new frame, the same C loop. */
                SAVE_PC();
                Frame *nf = frame_push(cco, callable, fn->globals, fn->builtins, VNULL);
                CHECK(nf);
                if (frame_bind_args(nf, callable, args, nargs, kwnames) < 0) {
                    frame_pop(nf);
                    ERROR();
                }
                nf->ret_reg = dest;
                f = nf;
                LOAD_FRAME();
                if (unlikely(eval_breaker)) RUN_PENDING();
                DISPATCH();
            }
        }
        SAVE_PC();
        {
            Value r = obj_call(callable, args, nargs, kwnames);
            CHECK(r);
            R[dest] = r;
        }
        /* A signal that arrived during a C call (sleep, read) is handled
         * before the next statement, as CPython does after builtins. */
        if (unlikely(eval_breaker)) RUN_PENDING();
        DISPATCH();
    }
op_CALLEX: {
    Value fnv = R[B];
    Value posargs = R[B + 1];
    Value kw = C ? R[B + 2] : VNULL;
    if (!tuple_check(posargs)) {
        Value t = tuple_from_iterable(posargs);
        if (!t) {
            if (err_matches(&exc_TypeError)) {
                err_clear();
                err_format(&exc_TypeError, "Value after * must be an iterable, not %s", type_name(posargs));
            }
            ERROR();
        }
        posargs = t;
    }
    SAVE_PC();
    Value r = obj_call_tuple_dict(fnv, posargs, kw && dict_size(kw) ? kw : VNULL);
    CHECK(r);
    R[A] = r;
    /* As after CALL: a signal that arrived during the call is handled now. */
    if (unlikely(eval_breaker)) RUN_PENDING();
    DISPATCH();
}
op_RETURN: {
    Value rv = R[A];
    goto do_return;
op_RETURNNONE:
    rv = VNone;
do_return:
    if (f->flags & FRAME_INIT) {
        if (rv != VNone) {
            err_format(&exc_TypeError, "__init__() should return None, not '%s'", type_name(rv));
            ERROR();
        }
        rv = f->sent;
    }
    SAVE_PC();
    if (f->flags & FRAME_C_ENTRY) {
        if (f->gen) {
            /* A generator's frame is not popped from the value stack. */
            if (f->frame_obj) frame_detach(f);
            ts->frame = f->back;
            ts->py_depth--;
        } else {
            frame_pop(f);
        }
        return rv;
    }
    int dst = f->ret_reg;
    frame_pop(f);
    f = ts->frame;
    LOAD_FRAME();
    R[dst] = rv;
    DISPATCH();
}
op_MAKEFUNC: {
    uint32_t x = XWORD;
    CodeObject *fco = (CodeObject *)K[Bx];
    FuncObject *fn = (FuncObject *)func_new(fco, f->globals, VNULL);
    CHECK(fn);
    uint32_t flags = x & 0xff, reg = x >> 8;
    if (flags & 1) fn->defaults = R[reg++];
    if (flags & 2) fn->kwdefaults = R[reg++];
    if (flags & 4) fn->annotations = R[reg++];
    if (flags & 8) fn->closure = R[reg++];
    fn->builtins = f->builtins;
    R[A] = obj_val(fn);
    DISPATCH();
}
op_BUILDCLASS: {
    Value bc = dict_get_cstr(f->builtins, "__build_class__");
    if (!bc) {
        err_set(&exc_NameError, "__build_class__ not found");
        ERROR();
    }
    R[A] = bc;
    DISPATCH();
}
op_SETUPANNOTATIONS: {
    if (!f->locals) DISPATCH();
    Value name = str_intern_cstr("__annotations__");
    Value cur;
    if (dict_check_exact(f->locals)) {
        cur = dict_get_str(f->locals, name);
    } else {
        /* Any mapping: a KeyError means there is none yet. */
        SAVE_PC();
        cur = obj_getitem(f->locals, name);
        if (!cur) {
            if (!err_matches(&exc_KeyError)) ERROR();
            err_clear();
        }
    }
    if (!cur) {
        Value d = dict_new();
        CHECK(d);
        CHECK(store_name(f, name, d) == 0);
    }
    DISPATCH();
}
op_LOADLOCALS:
    if (!f->locals) {
        err_set(&exc_SystemError, "no locals found");
        ERROR();
    }
    R[A] = f->locals;
    DISPATCH();

    /* ---- Exceptions ---- */
op_RAISE:
    SAVE_PC();
    reraise = do_raise(R[A], R[B], (int)C);
    ERROR();
op_RERAISE:
    err_restore(R[A]);
    reraise = true;
    /* B: a cleanup handler's re-raise, which (CPython's RERAISE with an
     * oparg) makes the instruction that raised into it the frame's last. */
    restore_lasti = B && f->exc_lasti >= 0 && (size_t)f->exc_lasti < co->ninsns ? f->exc_lasti : -1;
    ERROR();
op_PUSHEXC:
    R[A] = ts->handled ? ts->handled : VNone;
    ts->handled = R[B];
    DISPATCH();
op_POPEXC:
    ts->handled = R[A] == VNone ? VNULL : R[A];
    DISPATCH();
op_CHECKEXC: {
    Value t = R[C];
    CHECK(check_except_type(t) == 0);
    R[A] = val_bool(err_given_matches(R[B], t));
    DISPATCH();
}
op_CHECKEGMATCH: {
    CHECK(exc_group_check_star_type(R[C]) == 0);
    Value match, rest;
    SAVE_PC();
    CHECK(exc_group_match(R[B], R[C], &match, &rest) == 0);
    if (match == VNone) {
        R[A + 1] = R[B];
    } else {
        R[A + 1] = rest;
        ts->handled = match;
    }
    R[A] = match;
    DISPATCH();
}
op_PREPRERAISESTAR: {
    SAVE_PC();
    Value v = exc_group_prep_reraise_star(R[B], R[C]);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_ASSERTFAIL: {
    Value e = B ? err_new_exception(&exc_AssertionError, &R[A], 1) : err_new_exception(&exc_AssertionError, NULL, 0);
    CHECK(e);
    err_set_object(e);
    ERROR();
}
op_BEFOREWITH: {
    Value mgr = R[B];
    Type *t = val_type(mgr);
    bool is_async = C != 0;
    Value enter = type_lookup_cstr(t, is_async ? "__aenter__" : "__enter__");
    if (!enter) {
        err_format(&exc_TypeError, is_async ? "'%s' object does not support the asynchronous context manager protocol"
                                            : "'%s' object does not support the context manager protocol", t->name);
        ERROR();
    }
    Value exit = type_lookup_cstr(t, is_async ? "__aexit__" : "__exit__");
    if (!exit) {
        err_format(&exc_TypeError, is_async ? "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
                                            : "'%s' object does not support the context manager protocol (missed __exit__ method)", t->name);
        ERROR();
    }
    Value bound_exit = val_type(exit)->descr_get ? val_type(exit)->descr_get(exit, mgr, obj_val(t)) : exit;
    CHECK(bound_exit);
    R[A] = bound_exit;
    SAVE_PC();
    Value r = call_dunder(mgr, enter, NULL, 0);
    CHECK(r);
    R[A + 1] = r;
    DISPATCH();
}
op_WITHEXIT: {
    Value e = R[C];
    Value tb = ((ExceptionObject *)e)->traceback;
    Value args[3] = {obj_val(val_type(e)), e, tb ? tb : VNone};
    SAVE_PC();
    Value r = obj_call(R[B], args, 3, VNULL);
    CLEAR_STALE(args, 3);   /* the exception must not outlive the with statement */
    CHECK(r);
    R[A] = r;   /* tested by the JUMPIFTRUE that follows (after an await for async with) */
    DISPATCH();
}

    /* ---- Imports ---- */
op_IMPORTNAME: {
    uint32_t level = XWORD;
    extern Value import_name(Value name, Value globals, Value fromlist, int level);
    SAVE_PC();
    Value m = import_name(tuple_get(co->names, Bx), f->globals, R[A], (int)level);
    CHECK(m);
    R[A] = m;
    DISPATCH();
}
op_IMPORTFROM: {
    uint32_t n = XWORD;
    extern Value import_from(Value module, Value name);
    Value v = import_from(R[B], tuple_get(co->names, n));
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_IMPORTSTAR: {
    extern int import_star(Value module, Frame *f);
    CHECK(import_star(R[A], f) == 0);
    DISPATCH();
}

    /* ---- Generators ---- */
op_YIELD: {
    Value v = R[B];
    SAVE_PC();
    /* The frame object stays linked to the suspended generator's frame;
     * resuming is a new 'call' for the tracer. */
    f->flags = (f->flags | FRAME_YIELDED) & ~FRAME_TRACE_CALLED;
    ts->frame = f->back;
    ts->py_depth--;
    return v;
}
op_YIELDFROM: {
    /* Re-executed on every resume until the sub-iterator is exhausted. */
    extern Value gen_yield_from_step(Frame *f, Value it, Value sent, Value *result);
    Value sent = f->sent ? f->sent : VNone;
    f->sent = VNULL;
    Value result = VNULL;
    SAVE_PC();
    Value y = gen_yield_from_step(f, R[B], sent, &result);
    if (y) {
        if (unlikely(interp_tracing)) CHECK(trace_yield_from(f, y) == 0);
        f->pc = pc - 1;   /* resume here */
        f->flags = (f->flags | FRAME_YIELDED | FRAME_IN_YIELDFROM) & ~FRAME_TRACE_CALLED;
        ts->frame = f->back;
        ts->py_depth--;
        return y;
    }
    CHECK(result);
    f->flags &= ~FRAME_IN_YIELDFROM;
    R[A] = result;
    DISPATCH();
}
op_GETAWAITABLE: {
    extern Value gen_get_awaitable_iter(Value v);
    Value it = gen_get_awaitable_iter(R[B]);
    if (unlikely(!it) && C && err_matches(&exc_TypeError) && !type_lookup_cstr(val_type(R[B]), "__await__")) {
        err_clear();
        err_format(&exc_TypeError, "'async with' received an object from %s that does not implement __await__: %s",
                   C == 1 ? "__aenter__" : "__aexit__", type_name(R[B]));
    }
    CHECK(it);
    R[A] = it;
    DISPATCH();
}
op_GETAITER: {
    Value o = R[B];
    Value m = type_lookup_cstr(val_type(o), "__aiter__");
    if (!m) {
        err_format(&exc_TypeError, "'async for' requires an object with __aiter__ method, got %s", type_name(o));
        ERROR();
    }
    Value it = call_dunder(o, m, NULL, 0);
    CHECK(it);
    if (!type_lookup_cstr(val_type(it), "__anext__")) {
        err_format(&exc_TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                   type_name(it));
        ERROR();
    }
    R[A] = it;
    DISPATCH();
}
op_GETANEXT: {
    Value it = R[B];
    Value m = type_lookup_cstr(val_type(it), "__anext__");
    if (!m) {
        err_format(&exc_TypeError, "'async for' requires an iterator with __anext__ method, got %s", type_name(it));
        ERROR();
    }
    Value aw = call_dunder(it, m, NULL, 0);
    CHECK(aw);
    extern Value gen_get_awaitable_iter(Value v);
    Value a = gen_get_awaitable_iter(aw);
    if (!a) {
        /* CPython's _PyErr_FormatFromCause: the original error is the cause. */
        Value cause = err_fetch();
        err_format(&exc_TypeError, "'async for' received an invalid object from __anext__: %s", type_name(aw));
        Value e = ts->exc;
        if (e && cause && exc_check(e) && exc_check(cause)) {
            ExceptionObject *eo = (ExceptionObject *)val_obj(e);
            GC_WRITE(eo, eo->cause, cause);
            GC_WRITE(eo, eo->context, cause);
            eo->suppress_context = true;
        }
        ERROR();
    }
    R[A] = a;
    DISPATCH();
}
op_PRINTEXPR: {
    extern int sys_displayhook_call(Value v);
    CHECK(sys_displayhook_call(R[A]) == 0);
    DISPATCH();
}

    /* ---- Pattern matching ---- */
op_GETLEN: {
    ssize_t n = obj_len(R[B]);
    CHECK(n >= 0);
    R[A] = int_from_i64(n);
    DISPATCH();
}
op_MATCHSEQ:
    R[A] = val_bool(TYPE_HAS_FLAG(val_type(R[B]), TF_SEQUENCE));
    DISPATCH();
op_MATCHMAP:
    R[A] = val_bool(TYPE_HAS_FLAG(val_type(R[B]), TF_MAPPING));
    DISPATCH();
op_MATCHKEYS: {
    extern Value match_keys(Value map, Value keys);
    Value v = match_keys(R[B], R[C]);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_MATCHCLASS: {
    uint32_t x = XWORD;
    extern Value match_class(Value subject, Value cls, int npos, Value kwnames);
    Value v = match_class(R[B], R[A], (int)(x & 0xff), K[x >> 8]);
    CHECK(v);
    R[A] = v;
    DISPATCH();
}
op_DICTWITHOUT: {
    Value d = dict_new();
    CHECK(d);
    CHECK(dict_update(d, R[B]) == 0);
    Value keys = R[C];
    for (ssize_t i = 0; i < tuple_size(keys); i++) CHECK(dict_del(d, tuple_get(keys, i)) == 0);
    R[A] = d;
    DISPATCH();
}

error: {
    /* The instruction before pc raised.  Find a handler in this frame or unwind. */
    SAVE_PC();
    note_exception(f, !reraise);
    if (unlikely(interp_tracing) && !reraise && trace_exception_event(f) < 0) note_exception(f, true);
    reraise = false;
    size_t lasti = (size_t)(pc - co->insns) - 1;
    uint32_t handler;
    Value reg = exception_table_lookup(co, lasti, &handler);
    if (reg) {
        f->exc_lasti = restore_lasti >= 0 ? restore_lasti : (int32_t)lasti;
        restore_lasti = -1;
        R[val_int(reg)] = err_fetch();
        pc = co->insns + handler;
        DISPATCH();
    }
    if (restore_lasti >= 0) {
        /* Leaving the frame: its last instruction (f_lineno) is the restored one. */
        f->pc = pc = co->insns + restore_lasti + 1;
        restore_lasti = -1;
    }
    if (unlikely(interp_tracing)) trace_unwind(f);
    if (f->flags & FRAME_C_ENTRY) {
        if (f->gen) {
            if (f->frame_obj) frame_detach(f);
            ts->frame = f->back;
            ts->py_depth--;
        } else {
            frame_pop(f);
        }
        return VNULL;
    }
    frame_pop(f);
    f = ts->frame;
    LOAD_FRAME();
    goto error;
}
}
