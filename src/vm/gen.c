/* gen.c - generators: a frame kept in a heap object, resumed by interp_run; send, throw, close, yield from. */
#include "gen.h"
#include "error.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../objects/exceptions.h"
#include "../objects/int.h"
#include "../objects/dict.h"
#include "../gc/gc.h"
#include "../objects/misc.h"
#include "../objects/list.h"
#include "import.h"

/*
 * A generator owns its frame: header and registers live inside the
 * generator object, not on the value stack.  Resuming links the frame
 * into the thread's frame chain and runs interp_run() on it; YIELD
 * returns from interp_run() with FRAME_YIELDED set and the frame kept.
 * A suspended generator therefore holds no C stack at all.
 */

static void gen_trace(Object *o) {
    GenObject *g = (GenObject *)o;
    gc_mark(g->name);
    gc_mark(g->qualname);
    gc_mark(g->exc_state);
    gc_mark(g->yf);
    gc_mark(g->ag_finalizer);
    gc_mark(g->origin_code);
    gc_mark(g->origin_globals);
    gc_mark(g->cr_origin);
    Frame *f = &g->frame;
    gc_mark(obj_val(f->code));
    gc_mark(f->func);
    gc_mark(f->globals);
    gc_mark(f->builtins);
    gc_mark(f->locals);
    gc_mark(f->frame_obj);
    gc_mark(f->sent);
    gc_mark_range(g->regs, (size_t)g->nregs);
}

bool gen_check(Value v) { return !val_is_int(v) && (val_type(v) == &type_generator || val_type(v) == &type_coroutine); }

/* cr_origin: (filename, lineno, function name) of up to depth frames,
 * innermost first. */
static Value coro_origin(int64_t depth) {
    Value items[64];
    Value list = VNULL;
    size_t n = 0;
    for (Frame *fr = ts->frame; fr && (int64_t)n < depth; fr = fr->back) {
        if (!fr->code) continue;
        CodeObject *co = fr->code;
        uint32_t off = (uint32_t)(fr->pc - co->insns);
        Value t = tuple_pack(3, co->filename, int_from_i64(code_line_of(co, off ? off - 1 : 0)), co->name);
        if (!t) return VNULL;
        if (n < 64) {
            items[n++] = t;
            continue;
        }
        if (!list) {
            list = list_new(0);
            if (!list) return VNULL;
            for (size_t i = 0; i < 64; i++)
                if (list_append(list, items[i]) < 0) return VNULL;
        }
        if (list_append(list, t) < 0) return VNULL;
        n++;
    }
    return list ? list_as_tuple(list) : tuple_from_array(items, n);
}

Value gen_new_from_call(Value func, Value *args, size_t nargs, Value kwnames) {
    FuncObject *fn = (FuncObject *)func;
    CodeObject *co = fn->code;
    Type *t = (co->flags & CO_COROUTINE) ? &type_coroutine
            : (co->flags & CO_ASYNC_GENERATOR) ? &type_async_generator : &type_generator;
    GenObject *g = gc_alloc(t, sizeof(GenObject) + sizeof(Value) * (size_t)co->nregs);
    if (!g) return VNULL;
    g->nregs = co->nregs;
    g->name = fn->name;
    g->qualname = fn->qualname;
    Frame *f = &g->frame;
    f->code = co;
    f->pc = co->insns;
    f->regs = g->regs;
    f->func = func;
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    if (!(co->flags & CO_OPTIMIZED)) f->locals = fn->globals;   /* see frame_push() */
    f->gen = obj_val(g);
    f->flags = FRAME_C_ENTRY;
    if (frame_bind_args(f, func, args, nargs, kwnames) < 0) return VNULL;
    g->state = GEN_CREATED;
    if (t == &type_coroutine) {
        /* Finalized even if never started: "coroutine ... was never awaited". */
        Frame *caller = ts->frame;
        if (caller && caller->code) {
            g->origin_code = obj_val(caller->code);
            g->origin_globals = caller->globals;
            g->origin_off = (uint32_t)(caller->pc - caller->code->insns);
        }
        extern int64_t coro_origin_depth;
        if (coro_origin_depth > 0) {
            g->cr_origin = coro_origin(coro_origin_depth);
            if (!g->cr_origin) return VNULL;
        }
        g->fin_registered = 1;
        gc_register_finalizer((Object *)g);
    }
    return obj_val(g);
}

Value gen_new_from_code(CodeObject *co, Value globals, Value builtins, Value locals) {
    Type *t = (co->flags & CO_COROUTINE) ? &type_coroutine
            : (co->flags & CO_ASYNC_GENERATOR) ? &type_async_generator : &type_generator;
    GenObject *g = gc_alloc(t, sizeof(GenObject) + sizeof(Value) * (size_t)co->nregs);
    if (!g) return VNULL;
    g->nregs = co->nregs;
    g->name = co->name;
    g->qualname = co->qualname;
    Frame *f = &g->frame;
    f->code = co;
    f->pc = co->insns;
    f->regs = g->regs;
    f->globals = globals;
    f->builtins = builtins;
    f->locals = locals;
    f->gen = obj_val(g);
    f->flags = FRAME_C_ENTRY;
    g->state = GEN_CREATED;
    return obj_val(g);
}

static bool co_has_handlers(CodeObject *co);

/* Whether a suspended frame stands inside an exception handler (an except or
 * finally body, a with's exit): some protected range around it has a cleanup
 * handler, which starts with POPEXC.  The exception it handles is then the
 * generator's own even when it is the same object as its caller's (throw()
 * of the exception the caller handles). */
static bool gen_suspended_in_handler(Frame *f) {
    CodeObject *co = f->code;
    ExcEntry *ex = code_exc(co);
    size_t at = frame_pc_index(f);
    size_t lasti = at ? at - 1 : 0;
    for (uint32_t i = 0; i < co->nexc; i++)
        if (((lasti >= ex[i].start && lasti < ex[i].end) || (at >= ex[i].start && at < ex[i].end)) &&
            INS_OP(co->insns[ex[i].handler]) == OP_POPEXC)
            return true;
    return false;
}
static Value gen_close_m(Value self, Value *args, size_t nargs, Value kw);

static const char *gen_kind(GenObject *g) {
    Type *t = val_type(obj_val(g));
    return t == &type_coroutine ? "coroutine" : t == &type_async_generator ? "async generator" : "generator";
}

/* Resume g with `sent` (or with the pending exception when `throw`). */
Value gen_resume(GenObject *g, Value sent, bool throw, Value *retval) {
    *retval = VNULL;
    if (g->state == GEN_RUNNING) {
        err_format(&exc_ValueError, "%s already executing", gen_kind(g));
        return VNULL;
    }
    if (g->state == GEN_CLOSED) {
        /* A finished coroutine refuses send and throw alike (close() never
         * gets here); a generator raises StopIteration, or the thrown error. */
        if (throw && (val_type(obj_val(g)) != &type_coroutine || err_matches(&exc_GeneratorExit))) return VNULL;
        if (val_type(obj_val(g)) == &type_coroutine) {
            err_clear();
            err_set(&exc_RuntimeError, "cannot reuse already awaited coroutine");
            return VNULL;
        }
        return VNULL; /* StopIteration */
    }
    if (g->state == GEN_CREATED && sent != VNone && !throw) {
        err_format(&exc_TypeError, "can't send non-None value to a just-started %s", gen_kind(g));
        return VNULL;
    }
    if (ts->py_depth >= ts->recursion_limit) {
        err_set(&exc_RecursionError, "maximum recursion depth exceeded");
        return VNULL;
    }
    Frame *f = &g->frame;
    if (g->state == GEN_SUSPENDED && !(f->flags & FRAME_IN_YIELDFROM) && !throw && sent) {
        /* The YIELD just before pc receives the sent value. */
        uint32_t ins = f->pc[-1];
        f->regs[INS_A(ins)] = sent;
    }
    if (f->flags & FRAME_IN_YIELDFROM) f->sent = throw ? VNULL : (sent ? sent : VNone);
    if (throw) f->flags |= FRAME_THROW;
    f->flags &= ~FRAME_YIELDED;
    f->back = ts->frame;
    ts->frame = f;
    ts->py_depth++;
    Value outer = ts->handled;
    if (g->exc_state) ts->handled = g->exc_state;
    g->state = GEN_RUNNING;
    Value r = interp_run(f);
    if ((f->flags & FRAME_YIELDED) && (ts->handled != outer || (outer && gen_suspended_in_handler(f))))
        g->exc_state = ts->handled;
    else g->exc_state = VNULL;
    ts->handled = outer;
    if (r && (f->flags & FRAME_YIELDED)) {
        /* A generator that suspends with cleanup to run (try/with blocks; any
         * async generator, for the finalizer hook) is closed if collected. */
        if (!g->fin_registered && (co_has_handlers(f->code) || val_type(obj_val(g)) == &type_async_generator)) {
            g->fin_registered = 1;
            gc_register_finalizer((Object *)g);
        }
        g->state = GEN_SUSPENDED;
        return r;
    }
    g->state = GEN_CLOSED;
    /* Release what the finished frame held. */
    for (int i = 0; i < g->nregs; i++) g->regs[i] = VNULL;
    if (r) {
        *retval = r;
        return VNULL;
    }
    /* PEP 479: StopIteration escaping a generator becomes RuntimeError. */
    bool async_stop = val_type(obj_val(g)) == &type_async_generator && err_matches(&exc_StopAsyncIteration);
    if (err_matches(&exc_StopIteration) || async_stop) {
        Value e = err_fetch();
        err_format(&exc_RuntimeError, "%s raised %s", gen_kind(g), async_stop ? "StopAsyncIteration" : "StopIteration");
        Value ne = err_fetch();
        ((ExceptionObject *)ne)->cause = e;
        ((ExceptionObject *)ne)->context = e;
        ((ExceptionObject *)ne)->suppress_context = true;
        err_restore(ne);
    }
    return VNULL;
}

/* StopIteration(value), built as the constructor would (value attribute set). */
static void set_stop_iteration(Value value) {
    bool none = !value || value == VNone;
    Value args = none ? tuple_empty() : tuple_pack(1, value);
    Value e = args ? exc_new(&exc_StopIteration, args) : VNULL;
    if (!e) return;
    obj_setattr_cstr(e, "value", none ? VNone : value);
    err_set_object(e);
}

Value gen_send_ex(Value gen, Value v, Value *retval) {
    return gen_resume((GenObject *)gen, v, false, retval);
}

static Value gen_iternext(Value self) {
    Value ret;
    Value r = gen_resume((GenObject *)self, VNone, false, &ret);
    if (!r && ret && ret != VNone) set_stop_iteration(ret);
    return r;
}

static Value gen_iter(Value self) { return self; }

static Value gen_send_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("send", nargs, 1, 1) < 0) return VNULL;
    Value ret;
    Value r = gen_resume((GenObject *)self, args[0], false, &ret);
    if (!r && !err_occurred()) set_stop_iteration(ret);
    return r;
}

/* throw(type[, value[, tb]]) or throw(instance) */
Value gen_throw_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("throw", nargs, 1, 3) < 0) return VNULL;
    GenObject *g = (GenObject *)self;
    Value typ = args[0], val = nargs > 1 ? args[1] : VNone, tb = nargs > 2 ? args[2] : VNone;
    Value exc;
    extern Type type_traceback;
    if (tb != VNone && val_type(tb) != &type_traceback) {
        err_set(&exc_TypeError, "throw() third argument must be a traceback object");
        return VNULL;
    }
    if (type_check(typ) && TYPE_HAS_FLAG((Type *)typ, TF_EXC_SUBCLASS)) {
        /* A value of another exception type is wrapped: typ(value). */
        if (exc_check(val) && val_isinstance(val, (Type *)typ)) exc = val;
        else if (val == VNone) exc = obj_call0(typ);
        else if (tuple_check(val)) exc = obj_call(typ, tuple_items(val), (size_t)tuple_size(val), VNULL);
        else exc = obj_call1(typ, val);
        /* A class whose __new__ does not make an exception: the TypeError (like any
         * error while making it) is what gets thrown into the generator. */
        if (exc && !exc_check(exc))
            err_format(&exc_TypeError, "calling %R should have returned an instance of BaseException, not %s",
                       typ, type_name(exc));
        if (!exc || !exc_check(exc)) {
            exc = err_fetch();
            if (!exc) return VNULL;
            tb = VNone;
        }
    } else if (exc_check(typ)) {
        if (val != VNone) {
            err_set(&exc_TypeError, "instance exception may not have a separate value");
            return VNULL;
        }
        exc = typ;
    } else {
        err_format(&exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                   type_name(typ));
        return VNULL;
    }
    if (tb != VNone) ((ExceptionObject *)exc)->traceback = tb;
    /* Delegate to a sub-iterator first when suspended in `yield from`. */
    Frame *f = &g->frame;
    if (g->state == GEN_SUSPENDED && (f->flags & FRAME_IN_YIELDFROM)) {
        uint32_t ins = *f->pc;
        Value sub = f->regs[INS_B(ins)];
        Value r = VNULL;
        if (val_isinstance(exc, &exc_GeneratorExit)) {
            Value close = obj_getattr_opt(sub, str_intern_cstr("close"));
            if (close && !obj_call0(close)) goto throw_in_frame;
            if (!close && err_occurred()) goto throw_in_frame;
        } else {
            Value th = obj_getattr_opt(sub, str_intern_cstr("throw"));
            if (th) {
                Value a3[1] = {exc};
                g->state = GEN_RUNNING;
                /* A generator or coroutine below runs with this frame as its
                 * caller (its f_back, the stack a traceback shows), as CPython's. */
                Type *st = val_type(sub);
                bool link = st == &type_generator || st == &type_coroutine;
                if (link) {
                    f->back = ts->frame;
                    ts->frame = f;
                }
                r = obj_call(th, a3, 1, VNULL);
                if (link) ts->frame = f->back;
                g->state = GEN_SUSPENDED;
                if (r) return r;
                /* The sub-iterator finished: its StopIteration value is the result of yield from. */
                if (err_matches(&exc_StopIteration)) {
                    Value se = err_fetch();
                    Value v = obj_getattr_opt(se, str_intern_cstr("value"));
                    err_clear();
                    f->flags &= ~FRAME_IN_YIELDFROM;
                    f->regs[INS_A(ins)] = v ? v : VNone;
                    f->pc++;
                    Value ret;
                    Value rr = gen_resume(g, VNULL, false, &ret); /* VNULL: nothing to deliver */
                    if (!rr && !err_occurred()) set_stop_iteration(ret);
                    return rr;
                }
                goto throw_in_frame;
            }
            if (err_occurred()) goto throw_in_frame;
        }
        err_set_object(exc);
        goto throw_in_frame;
    }
    err_set_object(exc);
throw_in_frame:
    if (g->state == GEN_CREATED) {
        /* Never started: the exception is raised at the def line and the generator closes. */
        g->state = GEN_CLOSED;
        Value e = err_occurred();
        if (e && exc_check(e)) {
            Value e2 = err_fetch();
            f->back = ts->frame;
            exc_add_traceback_unstarted(e2, f);
            f->back = NULL;
            err_restore(e2);
        }
        return VNULL;
    }
    if (f->flags & FRAME_IN_YIELDFROM) {
        f->flags &= ~FRAME_IN_YIELDFROM;
        f->pc++;
    }
    Value ret;
    Value r = gen_resume(g, VNone, true, &ret);
    if (!r && !err_occurred()) set_stop_iteration(ret);
    return r;
}

static Value gen_close_m(Value self, Value *args, size_t nargs, Value kw) {
    GenObject *g = (GenObject *)self;
    if (g->state == GEN_CREATED) {
        g->state = GEN_CLOSED;
        return VNone;
    }
    if (g->state == GEN_CLOSED) return VNone;
    Value a[1] = {obj_val(&exc_GeneratorExit)};
    Value r = gen_throw_m(self, a, 1, VNULL);
    if (r) {
        err_format(&exc_RuntimeError, "%s ignored GeneratorExit", gen_kind(g));
        return VNULL;
    }
    if (err_matches(&exc_StopIteration) || err_matches(&exc_GeneratorExit)) {
        err_clear();
        return VNone;
    }
    return VNULL;
}

static bool co_has_handlers(CodeObject *co) { return co->nexc > 0; }

/* A coroutine collected before it ever ran (CPython's
 * _PyErr_WarnUnawaitedCoroutine).  CPython warns where the last reference
 * went away; a tracing collector does not know that place, so the warning
 * points at the call that made the coroutine, which is the same line for
 * the usual mistake of calling an async function without `await`.  The
 * warning goes through warnings.warn_explicit with that module's registry
 * (shown once per line under the default filters) and source=coro.  At
 * exit, with no Python code running, CPython reports "sys:1" instead. */
/* The warning's text; with cr_origin, the frames that made the coroutine,
 * outermost first, as warnings._warn_unawaited_coroutine writes them. */
static Value unawaited_message(GenObject *g) {
    Value msg = str_printf("coroutine '%U' was never awaited", g->qualname);
    if (!msg || !g->cr_origin || !tuple_check(g->cr_origin) || tuple_size(g->cr_origin) == 0) return msg;
    Value lc = import_module(str_intern_cstr("linecache"));
    if (!lc) return VNULL;
    msg = str_printf("%U\nCoroutine created at (most recent call last)", msg);
    for (ssize_t i = tuple_size(g->cr_origin) - 1; msg && i >= 0; i--) {
        Value fr = tuple_items(g->cr_origin)[i];
        Value *it = tuple_items(fr);
        msg = str_printf("%U\n  File \"%U\", line %R, in %U", msg, it[0], it[1], it[2]);
        Value line = msg ? obj_call_method(lc, "getline", it, 2) : VNULL;
        if (!line) return VNULL;
        Value stripped = str_check(line) ? obj_call_method(line, "strip", NULL, 0) : VNULL;
        if (!stripped) return VNULL;
        if (str_size(stripped)) msg = str_printf("%U\n    %U", msg, stripped);
    }
    return msg;
}

static int warn_unawaited(GenObject *g) {
    Value msg = unawaited_message(g);
    if (!msg) return -1;
    extern bool sys_finalizing;
    extern int warnings_warn(Value category, Value message, ssize_t stacklevel, Value source);
    if (sys_finalizing || !g->origin_code) return warnings_warn(obj_val(&exc_RuntimeWarning), msg, 1, obj_val(g));
    CodeObject *co = (CodeObject *)val_obj(g->origin_code);
    int line = code_line_of(co, g->origin_off ? g->origin_off - 1 : 0);
    Value registry = VNone, module = str_intern_cstr("<string>");
    if (g->origin_globals && dict_check(g->origin_globals)) {
        registry = dict_get_cstr(g->origin_globals, "__warningregistry__");
        if (!registry) {
            registry = dict_new();
            if (!registry || dict_set_cstr(g->origin_globals, "__warningregistry__", registry) < 0) return -1;
        }
        Value n = dict_get_cstr(g->origin_globals, "__name__");
        if (n && (n == VNone || str_check(n))) module = n;
    }
    extern int warnings_warn_explicit(Value category, Value message, Value filename, int lineno, Value module,
                                      Value registry, Value source);
    return warnings_warn_explicit(obj_val(&exc_RuntimeWarning), msg, co->filename, line, module, registry,
                                  obj_val(g));
}

/* The collector found g unreachable and suspended (CPython's _PyGen_Finalize):
 * an async generator goes to its event loop's finalizer hook; otherwise
 * close() runs its pending finally blocks, errors reported as unraisable. */
static void gen_del(Value self) {
    GenObject *g = (GenObject *)self;
    if (g->state == GEN_CREATED && val_type(self) == &type_coroutine) {
        Value saved = err_fetch();
        if (warn_unawaited(g) < 0) err_write_unraisable(err_fetch(), self);
        err_restore(saved);
        return;
    }
    if (g->state != GEN_SUSPENDED) return;
    Value saved = err_fetch();
    extern int gen_async_finalize(GenObject *g);
    if (val_type(self) == &type_async_generator && !g->ag_closed && gen_async_finalize(g)) {
        err_restore(saved);
        return;
    }
    if (!gen_close_m(self, NULL, 0, VNULL)) err_write_unraisable(err_fetch(), self);
    err_restore(saved);
}

/* One step of `yield from it`: a value to yield outward, or VNULL with *result set when done. */
Value gen_yield_from_step(Frame *f, Value it, Value sent, Value *result) {
    Value r;
    if (gen_check(it)) {
        Value ret;
        r = gen_resume((GenObject *)it, sent, false, &ret);
        if (!r && !err_occurred()) *result = ret ? ret : VNone;
        return r;
    }
    if (sent == VNone) {
        Type *t = val_type(it);
        if (!t->iternext) {
            err_format(&exc_TypeError, "'%s' object is not an iterator", t->name);
            return VNULL;
        }
        r = t->iternext(it);
    } else {
        r = obj_call_method(it, "send", &sent, 1);
    }
    if (r) return r;
    if (!err_occurred()) {
        *result = VNone;
        return VNULL;
    }
    if (err_matches(&exc_StopIteration)) {
        Value e = err_fetch();
        Value v = obj_getattr_opt(e, str_intern_cstr("value"));
        err_clear();
        *result = v ? v : VNone;
    }
    return VNULL;
}

Value gen_get_awaitable_iter(Value v) {
    if (val_type(v) == &type_coroutine) {
        GenObject *g = (GenObject *)v;
        if (g->state == GEN_SUSPENDED && (g->frame.flags & FRAME_IN_YIELDFROM)) {
            err_set(&exc_RuntimeError, "coroutine is being awaited already");
            return VNULL;
        }
        return v;
    }
    /* A generator made by a function decorated with types.coroutine. */
    if (val_type(v) == &type_generator && (((GenObject *)v)->frame.code->flags & CO_ITERABLE_COROUTINE)) return v;
    Value m = type_lookup_cstr(val_type(v), "__await__");
    if (!m) {
        err_format(&exc_TypeError, "object %s can't be used in 'await' expression", type_name(v));
        return VNULL;
    }
    Value it = obj_call1(m, v);
    if (!it) return VNULL;
    if (val_type(it) == &type_coroutine ||
        (val_type(it) == &type_generator && (((GenObject *)it)->frame.code->flags & CO_ITERABLE_COROUTINE))) {
        err_set(&exc_TypeError, "__await__() returned a coroutine");
        return VNULL;
    }
    if (!val_type(it)->iternext) {
        err_format(&exc_TypeError, "__await__() returned non-iterator of type '%s'", type_name(it));
        return VNULL;
    }
    return it;
}

static Value gen_repr(Value self) {
    GenObject *g = (GenObject *)self;
    return str_printf("<%s object %U at %p>", type_name(self), g->qualname, (void *)self);
}

static Value gen_get_name(Value self) { return ((GenObject *)self)->name; }
static int gen_set_name(Value self, Value v) {
    if (!v || !str_check(v)) {
        err_set(&exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    ((GenObject *)self)->name = v;
    return 0;
}
static Value gen_get_qualname(Value self) { return ((GenObject *)self)->qualname; }
static int gen_set_qualname(Value self, Value v) {
    if (!v || !str_check(v)) {
        err_set(&exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    ((GenObject *)self)->qualname = v;
    return 0;
}
static Value gen_get_running(Value self) { return val_bool(((GenObject *)self)->state == GEN_RUNNING); }
static Value gen_get_code(Value self) { return obj_val(((GenObject *)self)->frame.code); }
static Value gen_get_frame(Value self) {
    GenObject *g = (GenObject *)self;
    if (g->state == GEN_CLOSED) return VNone;
    return frame_get_object(&g->frame);
}
static Value coro_get_origin(Value self) {
    Value o = ((GenObject *)self)->cr_origin;
    return o ? o : VNone;
}
static Value gen_get_suspended(Value self) { return val_bool(((GenObject *)self)->state == GEN_SUSPENDED); }
static Value gen_get_yieldfrom(Value self) {
    GenObject *g = (GenObject *)self;
    Frame *f = &g->frame;
    if (g->state == GEN_SUSPENDED && (f->flags & FRAME_IN_YIELDFROM)) return f->regs[INS_B(*f->pc)];
    return VNone;
}

static const MethodDef gen_methods[] = {
    {"send", gen_send_m, 0, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_throw_m, 0, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", gen_close_m, 0, "close() -> raise GeneratorExit inside generator."},
    {NULL}
};

/* coroutine.__await__() gives a coroutine_wrapper: the iterator protocol
 * over the coroutine, which itself is not iterable. */
typedef struct CoroWrapper {
    Object hdr;
    Value coro;
} CoroWrapper;

static void coro_wrapper_trace(Object *o) { gc_mark(((CoroWrapper *)o)->coro); }
static Value coro_wrapper_iter(Value self) { return self; }
static Value coro_wrapper_next(Value self) { return gen_iternext(((CoroWrapper *)self)->coro); }
static Value coro_wrapper_send(Value self, Value *args, size_t nargs, Value kw) {
    return gen_send_m(((CoroWrapper *)self)->coro, args, nargs, kw);
}
static Value coro_wrapper_throw(Value self, Value *args, size_t nargs, Value kw) {
    return gen_throw_m(((CoroWrapper *)self)->coro, args, nargs, kw);
}
static Value coro_wrapper_close(Value self, Value *args, size_t nargs, Value kw) {
    return gen_close_m(((CoroWrapper *)self)->coro, args, nargs, kw);
}
static const MethodDef coro_wrapper_methods[] = {
    {"send", coro_wrapper_send, 0, "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", coro_wrapper_throw, 0, "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration."},
    {"close", coro_wrapper_close, 0, "close() -> raise GeneratorExit inside coroutine."},
    {NULL}
};
Type type_coroutine_wrapper = {
    .hdr = {0, &type_type},
    .name = "coroutine_wrapper",
    .basicsize = sizeof(CoroWrapper),
    .trace = coro_wrapper_trace,
    .iter = coro_wrapper_iter,
    .iternext = coro_wrapper_next,
    .methods = coro_wrapper_methods,
};

Value gen_coro_wrapper(Value coro);
static Value coro_await_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__await__", kw) < 0 || arg_count("__await__", nargs, 0, 0) < 0) return VNULL;
    return gen_coro_wrapper(self);
}

Value gen_coro_wrapper(Value self) {
    misc_ready_type(&type_coroutine_wrapper);
    CoroWrapper *w = gc_alloc(&type_coroutine_wrapper, sizeof(CoroWrapper));
    if (!w) return VNULL;
    w->coro = self;
    return obj_val(w);
}

static const MethodDef coro_methods[] = {
    {"send", gen_send_m, 0, "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", gen_throw_m, 0, "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration."},
    {"close", gen_close_m, 0, "close() -> raise GeneratorExit inside coroutine."},
    {"__await__", coro_await_m, 0, "Return an iterator to be used in await expression."},
    {NULL}
};

static const GetSetDef gen_getsets[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the generator"},
    {"__qualname__", gen_get_qualname, gen_set_qualname, "qualified name of the generator"},
    {"gi_running", gen_get_running, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL},
    {NULL}
};

static const GetSetDef coro_getsets[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the coroutine"},
    {"__qualname__", gen_get_qualname, gen_set_qualname, "qualified name of the coroutine"},
    {"cr_running", gen_get_running, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL},
    {"cr_frame", gen_get_frame, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL},
    {"cr_await", gen_get_yieldfrom, NULL, NULL},
    {"cr_origin", coro_get_origin, NULL, NULL},
    {NULL}
};

Type type_generator = {
    .hdr = {0, &type_type},
    .name = "generator",
    .del = gen_del,
    .basicsize = sizeof(GenObject),
    .trace = gen_trace,
    .repr = gen_repr,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .getsets = gen_getsets,
};

Type type_coroutine = {
    .hdr = {0, &type_type},
    .name = "coroutine",
    .del = gen_del,
    .basicsize = sizeof(GenObject),
    .trace = gen_trace,
    .repr = gen_repr,
    .methods = coro_methods,
    .getsets = coro_getsets,
};

