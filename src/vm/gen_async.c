/* gen_async.c - async generators (PEP 525): __anext__/asend/athrow/aclose awaitables and the sys.set_asyncgen_hooks hooks. */
#include "gen.h"
#include "error.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../objects/int.h"
#include "../objects/exceptions.h"
#include "../gc/gc.h"

/*
 * An async generator is a GenObject whose frame both awaits and yields.
 * Driving it, the awaitable returned by __anext__()/asend() resumes the
 * frame: when the frame stops at one of its own `yield`s (not inside an
 * await, see gen_at_own_yield) the value is the result of the await, which
 * the awaitable delivers as StopIteration(value); anything else the frame
 * produced comes from an awaited object and passes through to the event
 * loop.  The end of the generator is StopAsyncIteration.  CPython wraps
 * yielded values to tell them apart; the frame's state says it here.
 *
 * athrow()/aclose() return a second kind of awaitable that throws into the
 * frame; aclose() throws GeneratorExit and completes (StopIteration) when
 * the generator finishes or raises GeneratorExit, and fails with
 * RuntimeError if the generator yields instead.
 *
 * The first use of a generator calls the firstiter hook of
 * sys.set_asyncgen_hooks and remembers the finalizer hook, which
 * gen_async_finalize calls when an unfinished generator is collected.
 */

enum { AW_INIT, AW_ITER, AW_CLOSED };

typedef struct AwaitObject {
    Object hdr;
    Value gen;
    Value arg;         /* asend: the value to send; athrow: the (type, value, tb) tuple, VNULL for aclose */
    int state;
} AwaitObject;

static void aw_trace(Object *o) {
    AwaitObject *a = (AwaitObject *)o;
    gc_mark(a->gen);
    gc_mark(a->arg);
}

static int init_hooks(GenObject *g) {
    if (g->ag_hooks_inited) return 0;
    g->ag_hooks_inited = 1;
    extern Value sys_asyncgen_firstiter(void), sys_asyncgen_finalizer(void);
    Value fin = sys_asyncgen_finalizer();
    if (fin) GC_WRITE(obj_val(g), g->ag_finalizer, fin);
    Value first = sys_asyncgen_firstiter();
    if (first && !obj_call1(first, obj_val(g))) return -1;
    return 0;
}

static Value aw_new(Type *t, Value gen, Value arg) {
    AwaitObject *a = gc_alloc(t, sizeof(AwaitObject));
    if (!a) return VNULL;
    a->gen = gen;
    a->arg = arg;
    a->state = AW_INIT;
    return obj_val(a);
}

/* What the frame produced (r, VNULL on error or return), as the awaitable's step. */
static Value unwrap(GenObject *g, Value r) {
    if (!r) {
        if (!err_occurred() || (g->state == GEN_CLOSED && err_matches(&exc_StopIteration))) {
            err_clear();
            err_set_object(exc_new(&exc_StopAsyncIteration, VNULL));
        }
        if (err_matches(&exc_StopAsyncIteration) || err_matches(&exc_GeneratorExit)) g->ag_closed = 1;
        g->ag_running_async = 0;
        return VNULL;
    }
    if (gen_at_own_yield(g)) {
        /* The generator's `yield`: the await's result. */
        g->ag_running_async = 0;
        Value args = tuple_pack(1, r);
        Value e = args ? exc_new(&exc_StopIteration, args) : VNULL;
        if (e) err_set_object(e);
        return VNULL;
    }
    return r;
}

static Value resume(GenObject *g, Value v) {
    Value ret;
    return gen_resume(g, v, false, &ret);
}

/* ---- async_generator_asend ---- */

static Value asend_send(Value self, Value arg) {
    AwaitObject *a = (AwaitObject *)self;
    GenObject *g = (GenObject *)a->gen;
    if (a->state == AW_CLOSED) {
        err_set(&exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return VNULL;
    }
    if (a->state == AW_INIT) {
        if (g->ag_running_async) {
            err_set(&exc_RuntimeError, "anext(): asynchronous generator is already running");
            return VNULL;
        }
        if (!arg || arg == VNone) arg = a->arg;
        a->state = AW_ITER;
    }
    g->ag_running_async = 1;
    Value r = unwrap(g, resume(g, arg ? arg : VNone));
    if (!r) a->state = AW_CLOSED;
    return r;
}

static Value asend_send_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("send", nargs, 1, 1) < 0) return VNULL;
    return asend_send(self, args[0]);
}

static Value asend_iternext(Value self) { return asend_send(self, VNone); }

static Value asend_throw_m(Value self, Value *args, size_t nargs, Value kw) {
    AwaitObject *a = (AwaitObject *)self;
    if (a->state == AW_CLOSED) {
        err_set(&exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return VNULL;
    }
    GenObject *g = (GenObject *)a->gen;
    Value r = unwrap(g, gen_throw_m(a->gen, args, nargs, kw));
    if (!r) a->state = AW_CLOSED;
    return r;
}

static Value aw_close_m(Value self, Value *args, size_t nargs, Value kw) {
    ((AwaitObject *)self)->state = AW_CLOSED;
    return VNone;
}

static Value aw_iter(Value self) { return self; }
static Value aw_await_m(Value self, Value *args, size_t nargs, Value kw) { return self; }

static const MethodDef asend_methods[] = {
    {"send", asend_send_m, 0, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", asend_throw_m, 0, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", aw_close_m, 0, "close() -> raise GeneratorExit inside generator."},
    {"__await__", aw_await_m, 0, "Return an iterator to be used in await expression."},
    {NULL}
};

Type type_async_generator_asend = {
    .hdr = {0, &type_type},
    .name = "async_generator_asend",
    .basicsize = sizeof(AwaitObject),
    .trace = aw_trace,
    .iter = aw_iter,
    .iternext = asend_iternext,
    .methods = asend_methods,
};

/* ---- async_generator_athrow (athrow and aclose) ---- */

static Value athrow_check_error(AwaitObject *a, GenObject *g) {
    g->ag_running_async = 0;
    a->state = AW_CLOSED;
    if (!err_occurred() || err_matches(&exc_StopAsyncIteration) || err_matches(&exc_GeneratorExit)) {
        if (!a->arg) {
            /* aclose() is done: its await completes. */
            err_clear();
            err_set_object(exc_new(&exc_StopIteration, VNULL));
        }
    }
    return VNULL;
}

static Value athrow_ignored_exit(AwaitObject *a, GenObject *g) {
    g->ag_running_async = 0;
    a->state = AW_CLOSED;
    err_set(&exc_RuntimeError, "async generator ignored GeneratorExit");
    return VNULL;
}

static Value athrow_send(Value self, Value arg) {
    AwaitObject *a = (AwaitObject *)self;
    GenObject *g = (GenObject *)a->gen;
    if (a->state == AW_CLOSED) {
        err_set(&exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return VNULL;
    }
    if (g->state == GEN_CLOSED) {
        a->state = AW_CLOSED;
        err_set_object(exc_new(&exc_StopIteration, VNULL));
        return VNULL;
    }
    Value r;
    if (a->state == AW_INIT) {
        if (g->ag_running_async) {
            a->state = AW_CLOSED;
            err_set(&exc_RuntimeError, a->arg ? "athrow(): asynchronous generator is already running"
                                              : "aclose(): asynchronous generator is already running");
            return VNULL;
        }
        if (g->ag_closed) {
            a->state = AW_CLOSED;
            err_set_object(exc_new(&exc_StopAsyncIteration, VNULL));
            return VNULL;
        }
        if (arg != VNone) {
            err_set(&exc_RuntimeError, "can't send non-None value to a just-started coroutine");
            return VNULL;
        }
        a->state = AW_ITER;
        g->ag_running_async = 1;
        if (!a->arg) {
            g->ag_closed = 1;
            Value ge = obj_val(&exc_GeneratorExit);
            r = gen_throw_m(a->gen, &ge, 1, VNULL);
            if (r && gen_at_own_yield(g)) return athrow_ignored_exit(a, g);
        } else {
            r = gen_throw_m(a->gen, tuple_items(a->arg), (size_t)tuple_size(a->arg), VNULL);
            r = unwrap(g, r);
        }
        if (!r) return athrow_check_error(a, g);
        return r;
    }
    r = resume(g, arg);
    if (a->arg) return unwrap(g, r);
    if (r) return gen_at_own_yield(g) ? athrow_ignored_exit(a, g) : r;
    if (g->state == GEN_CLOSED && !err_occurred()) err_set_object(exc_new(&exc_StopAsyncIteration, VNULL));
    return athrow_check_error(a, g);
}

static Value athrow_send_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("send", nargs, 1, 1) < 0) return VNULL;
    return athrow_send(self, args[0]);
}

static Value athrow_iternext(Value self) { return athrow_send(self, VNone); }

static Value athrow_throw_m(Value self, Value *args, size_t nargs, Value kw) {
    AwaitObject *a = (AwaitObject *)self;
    GenObject *g = (GenObject *)a->gen;
    if (a->state == AW_CLOSED) {
        err_set(&exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return VNULL;
    }
    Value r = gen_throw_m(a->gen, args, nargs, kw);
    if (a->arg) return unwrap(g, r);
    if (r && gen_at_own_yield(g)) return athrow_ignored_exit(a, g);
    if (!r && g->state == GEN_CLOSED && err_matches(&exc_StopIteration)) {
        err_clear();
        err_set_object(exc_new(&exc_StopIteration, VNULL));
    } else if (!r && (err_matches(&exc_StopAsyncIteration) || err_matches(&exc_GeneratorExit))) {
        err_clear();
        err_set_object(exc_new(&exc_StopIteration, VNULL));
    }
    return r;
}

static const MethodDef athrow_methods[] = {
    {"send", athrow_send_m, 0, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", athrow_throw_m, 0, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", aw_close_m, 0, "close() -> raise GeneratorExit inside generator."},
    {"__await__", aw_await_m, 0, "Return an iterator to be used in await expression."},
    {NULL}
};

Type type_async_generator_athrow = {
    .hdr = {0, &type_type},
    .name = "async_generator_athrow",
    .basicsize = sizeof(AwaitObject),
    .trace = aw_trace,
    .iter = aw_iter,
    .iternext = athrow_iternext,
    .methods = athrow_methods,
};

/* ---- async_generator ---- */

static Value agen_aiter_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__aiter__", nargs, 0, 0) < 0) return VNULL;
    return self;
}

static Value agen_anext_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__anext__", nargs, 0, 0) < 0) return VNULL;
    if (init_hooks((GenObject *)self) < 0) return VNULL;
    return aw_new(&type_async_generator_asend, self, VNone);
}

static Value agen_asend_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("asend", nargs, 1, 1) < 0) return VNULL;
    if (init_hooks((GenObject *)self) < 0) return VNULL;
    return aw_new(&type_async_generator_asend, self, args[0]);
}

static Value agen_athrow_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("athrow", nargs, 1, 3) < 0) return VNULL;
    if (init_hooks((GenObject *)self) < 0) return VNULL;
    Value t = tuple_from_array(args, nargs);
    return t ? aw_new(&type_async_generator_athrow, self, t) : VNULL;
}

static Value agen_aclose_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("aclose", nargs, 0, 0) < 0) return VNULL;
    if (init_hooks((GenObject *)self) < 0) return VNULL;
    return aw_new(&type_async_generator_athrow, self, VNULL);
}

static Value agen_repr(Value self) {
    return str_printf("<async_generator object %U at %p>", ((GenObject *)self)->qualname, (void *)self);
}

static Value agen_get_name(Value self) { return ((GenObject *)self)->name; }
static int agen_set_name(Value self, Value v) {
    if (!v || !str_check(v)) {
        err_set(&exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    GC_WRITE(self, ((GenObject *)self)->name, v);
    return 0;
}
static Value agen_get_qualname(Value self) { return ((GenObject *)self)->qualname; }
static int agen_set_qualname(Value self, Value v) {
    if (!v || !str_check(v)) {
        err_set(&exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    GC_WRITE(self, ((GenObject *)self)->qualname, v);
    return 0;
}
/* ag_running is the "an awaitable of it is being awaited" flag, as in CPython. */
static Value agen_get_running(Value self) { return val_bool(((GenObject *)self)->ag_running_async); }
static Value agen_get_code(Value self) { return obj_val(((GenObject *)self)->frame.code); }
static Value agen_get_frame(Value self) {
    GenObject *g = (GenObject *)self;
    return g->state == GEN_CLOSED ? VNone : frame_get_object(&g->frame);
}
static Value agen_get_await(Value self) {
    GenObject *g = (GenObject *)self;
    Frame *f = &g->frame;
    if (g->state == GEN_SUSPENDED && (f->flags & FRAME_IN_YIELDFROM)) return f->regs[INS_B(*f->pc)];
    return VNone;
}

static const MethodDef agen_methods[] = {
    {"__anext__", agen_anext_m, 0, "Return a value or raise StopAsyncIteration."},
    {"asend", agen_asend_m, 0, "asend(v) -> send 'v' in generator."},
    {"athrow", agen_athrow_m, 0, "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", agen_aclose_m, 0, "aclose() -> raise GeneratorExit inside generator."},
    {"__aiter__", agen_aiter_m, 0, "Return an awaitable, that resolves in asynchronous iterator."},
    {NULL}
};

static const GetSetDef agen_getsets[] = {
    {"__name__", agen_get_name, agen_set_name, NULL},
    {"__qualname__", agen_get_qualname, agen_set_qualname, NULL},
    {"ag_running", agen_get_running, NULL, NULL},
    {"ag_code", agen_get_code, NULL, NULL},
    {"ag_frame", agen_get_frame, NULL, NULL},
    {"ag_await", agen_get_await, NULL, "object being awaited on, or None"},
    {NULL}
};

Type type_async_generator = {
    .hdr = {0, &type_type},
    .name = "async_generator",
    .basicsize = sizeof(GenObject),
    .repr = agen_repr,
    .methods = agen_methods,
    .getsets = agen_getsets,
};

/* An unfinished async generator is being collected: hand it to the event
 * loop's finalizer hook (asyncio schedules its aclose()).  1 if handled. */
int gen_async_finalize(GenObject *g) {
    if (!g->ag_finalizer || g->state == GEN_CLOSED || g->state == GEN_CREATED) return 0;
    Value fin = g->ag_finalizer;
    g->ag_finalizer = VNULL;
    if (!obj_call1(fin, obj_val(g))) err_write_unraisable(err_fetch(), obj_val(g));
    return 1;
}

void gen_async_types_init(void) {
    type_async_generator.trace = type_generator.trace;
    type_async_generator.del = type_generator.del;
}
