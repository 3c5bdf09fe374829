/* itertools.c - the itertools module: the infinite and the terminating iterators, and the module itself. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/complex.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/misc.h"
#include "../objects/module.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"
#include "itertools.h"

/*
 * Each iterator follows CPython's itertoolsmodule.c step by step: the same
 * order of calls into user code (key functions, predicates, __next__ of
 * the inputs), the same point at which an exhausted input is dropped, the
 * same reprs (count, repeat) and argument errors.  Pickling
 * (__reduce__/__setstate__, deprecated in 3.12) gives CPython 3.11's
 * reduce values.
 */

Value itertools_self_iter(Value self) { return self; }

/* An instance of t (a subclass gets its attribute slots). */
void *itertools_alloc(Type *t) { return (void *)type_generic_alloc(t, 0); }

/* The short type name reprs use (_PyType_Name). */
static const char *short_name(Value v) {
    const char *n = val_type(v)->name, *dot = strrchr(n, '.');
    return dot ? dot + 1 : n;
}

/* (type(self), args) or (type(self), args, state): a __reduce__ value. */
static Value reduce_value(Value self, Value args, Value state) {
    if (!args) return VNULL;
    Value t = obj_val(val_type(self));
    return state ? tuple_pack(3, t, args, state) : tuple_pack(2, t, args);
}

static bool is_iterator(Value v) { return val_type(v)->iternext != NULL; }

Type type_chain, type_islice;

/* ---- count ---- */

typedef struct CountObject {
    Object hdr;
    Value cnt, step;
} CountObject;

Type type_count;

static void count_trace(Object *o) {
    gc_mark(((CountObject *)o)->cnt);
    gc_mark(((CountObject *)o)->step);
}

/* PyNumber_Check: complex numbers count too. */
static bool is_number(Value v) {
    Type *t = val_type(v);
    return int_check(v) || float_check(v) || complex_check(v) || t->nb_index || t->nb_int || t->nb_float;
}

static bool is_int_one(Value v) { return int_check(v) && int_compare(v, val_from_int(1)) == 0; }

static Value count_new(Type *t, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"start", "step", NULL};
    Value a[2];
    if (dm_parse("count", args, nargs, kw, names, 0, 2, 0, a) < 0) return VNULL;
    if ((a[0] && !is_number(a[0])) || (a[1] && !is_number(a[1]))) {
        err_set(&exc_TypeError, "a number is required");
        return VNULL;
    }
    Value cnt = a[0] ? a[0] : val_from_int(0), step = a[1] ? a[1] : val_from_int(1);
    /* CPython's fast mode (an int start that fits a C ssize_t, step 1)
     * counts C integers: its values and repr are plain ints even for
     * count(True). */
    if (int_check(cnt) && is_int_one(step) && int_fits_i64(cnt)) cnt = int_normalize(cnt);
    CountObject *c = itertools_alloc(t);
    if (!c) return VNULL;
    c->cnt = cnt;
    c->step = step;
    return obj_val(c);
}

static Value count_next(Value self) {
    CountObject *c = (CountObject *)self;
    Value v = c->cnt, n;
    if (val_is_int(v) && val_is_int(c->step) && val_int(c->step) == 1 && val_int(v) < SMALLINT_MAX)
        n = val_from_int(val_int(v) + 1);
    else
        n = num_binop(v, c->step, BINOP_ADD);
    if (!n) return VNULL;
    GC_WRITE(self, c->cnt, n);
    return v;
}

static Value count_repr(Value self) {
    CountObject *c = (CountObject *)self;
    if (int_check(c->step) && is_int_one(c->step)) return str_printf("%s(%R)", short_name(self), c->cnt);
    return str_printf("%s(%R, %R)", short_name(self), c->cnt, c->step);
}

/* count(cnt) while counting by one in C integers, else count(cnt, step). */
static Value count_reduce(Value self, Value *args, size_t nargs, Value kw) {
    CountObject *c = (CountObject *)self;
    if (int_check(c->cnt) && int_fits_i64(c->cnt) && int_check_exact(c->step) && is_int_one(c->step))
        return reduce_value(self, tuple_pack(1, c->cnt), VNULL);
    return reduce_value(self, tuple_pack(2, c->cnt, c->step), VNULL);
}

static const MethodDef count_methods[] = {
    {"__reduce__", count_reduce, 0, "Return state information for pickling."},
    {NULL},
};

Type type_count = {
    .hdr = {0, &type_type},
    .name = "itertools.count",
    .basicsize = sizeof(CountObject),
    .flags = TF_BASETYPE,
    .trace = count_trace,
    .new = count_new,
    .repr = count_repr,
    .iter = itertools_self_iter,
    .iternext = count_next,
    .methods = count_methods,
    .doc = "Return a count object whose .__next__() method returns consecutive values.\n\n"
           "Equivalent to:\n    def count(firstval=0, step=1):\n        x = firstval\n"
           "        while 1:\n            yield x\n            x += step",
};

/* ---- cycle ---- */

typedef struct CycleObject {
    Object hdr;
    Value it;        /* VNULL after the first pass */
    Value saved;     /* list */
    ssize_t index;
    bool firstpass;  /* set by __setstate__: saved is complete, it only drains */
} CycleObject;

Type type_cycle;

static void cycle_trace(Object *o) {
    gc_mark(((CycleObject *)o)->it);
    gc_mark(((CycleObject *)o)->saved);
}

static Value cycle_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (dm_new_no_kw(t, &type_cycle, "cycle", kw) < 0 || dm_positional("cycle", nargs, 1, 1) < 0) return VNULL;
    Value it = obj_iter(args[0]);
    if (!it) return VNULL;
    Value saved = list_new(0);
    if (!saved) return VNULL;
    CycleObject *c = itertools_alloc(t);
    if (!c) return VNULL;
    c->it = it;
    c->saved = saved;
    return obj_val(c);
}

static Value cycle_next(Value self) {
    CycleObject *c = (CycleObject *)self;
    if (c->it) {
        Value item = obj_next(c->it);
        if (item && c->firstpass) return item;
        if (item) return list_append(c->saved, item) < 0 ? VNULL : item;
        if (err_occurred()) return VNULL;
        c->it = VNULL;
    }
    ssize_t n = list_size(c->saved);
    if (n == 0) return VNULL;
    Value item = list_get(c->saved, c->index);
    if (++c->index >= n) c->index = 0;
    return item;
}

/* (cycle, (it,), (saved, firstpass)); after the first pass the iterator is
 * one over saved positioned at index. */
static Value cycle_reduce(Value self, Value *args, size_t nargs, Value kw) {
    CycleObject *c = (CycleObject *)self;
    if (!c->it) {
        Value it = obj_iter(c->saved);
        if (!it) return VNULL;
        if (c->index != 0) {
            Value i = int_from_i64(c->index);
            if (!i || !obj_call_method(it, "__setstate__", &i, 1)) return VNULL;
        }
        return reduce_value(self, tuple_pack(1, it), tuple_pack(2, c->saved, VTrue));
    }
    return reduce_value(self, tuple_pack(1, c->it), tuple_pack(2, c->saved, val_bool(c->firstpass)));
}

static Value cycle_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    Value st = args[0];
    if (!tuple_check(st)) {
        err_set(&exc_TypeError, "state is not a tuple");
        return VNULL;
    }
    if (tuple_size(st) != 2) {
        err_format(&exc_TypeError, "function takes exactly 2 arguments (%zd given)", tuple_size(st));
        return VNULL;
    }
    Value saved = tuple_get(st, 0);
    if (!list_check(saved)) {
        err_format(&exc_TypeError, "argument 1 must be list, not %T", saved);
        return VNULL;
    }
    ssize_t first;
    if (dm_ssize(tuple_get(st, 1), &first) < 0) return VNULL;
    CycleObject *c = (CycleObject *)self;
    GC_WRITE(self, c->saved, saved);
    c->firstpass = first != 0;
    c->index = 0;
    return VNone;
}

static const MethodDef cycle_methods[] = {
    {"__reduce__", cycle_reduce, 0, "Return state information for pickling."},
    {"__setstate__", cycle_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

Type type_cycle = {
    .hdr = {0, &type_type},
    .name = "itertools.cycle",
    .basicsize = sizeof(CycleObject),
    .flags = TF_BASETYPE,
    .trace = cycle_trace,
    .new = cycle_new,
    .iter = itertools_self_iter,
    .iternext = cycle_next,
    .methods = cycle_methods,
    .doc = "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.",
};

/* ---- repeat ---- */

typedef struct RepeatObject {
    Object hdr;
    Value element;
    ssize_t cnt;     /* -1: forever */
} RepeatObject;

Type type_repeat;

static void repeat_trace(Object *o) { gc_mark(((RepeatObject *)o)->element); }

static Value repeat_new(Type *t, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"object", "times", NULL};
    Value a[2];
    if (dm_parse("repeat", args, nargs, kw, names, 0, 2, 1, a) < 0) return VNULL;
    ssize_t cnt = -1;
    if (a[1]) {
        if (dm_ssize(a[1], &cnt) < 0) return VNULL;
        if (cnt < 0) cnt = 0;
    }
    RepeatObject *r = itertools_alloc(t);
    if (!r) return VNULL;
    r->element = a[0];
    r->cnt = cnt;
    return obj_val(r);
}

static Value repeat_next(Value self) {
    RepeatObject *r = (RepeatObject *)self;
    if (r->cnt == 0) return VNULL;
    if (r->cnt > 0) r->cnt--;
    return r->element;
}

static Value repeat_repr(Value self) {
    RepeatObject *r = (RepeatObject *)self;
    if (r->cnt == -1) return str_printf("%s(%R)", short_name(self), r->element);
    return str_printf("%s(%R, %zd)", short_name(self), r->element, r->cnt);
}

static Value repeat_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    RepeatObject *r = (RepeatObject *)self;
    if (r->cnt == -1) {
        err_set(&exc_TypeError, "len() of unsized object");
        return VNULL;
    }
    return int_from_i64(r->cnt);
}

static Value repeat_reduce(Value self, Value *args, size_t nargs, Value kw) {
    RepeatObject *r = (RepeatObject *)self;
    if (r->cnt >= 0) return reduce_value(self, tuple_pack(2, r->element, int_from_i64(r->cnt)), VNULL);
    return reduce_value(self, tuple_pack(1, r->element), VNULL);
}

static const MethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", repeat_reduce, 0, "Return state information for pickling."},
    {NULL},
};

Type type_repeat = {
    .hdr = {0, &type_type},
    .name = "itertools.repeat",
    .basicsize = sizeof(RepeatObject),
    .flags = TF_BASETYPE,
    .trace = repeat_trace,
    .new = repeat_new,
    .repr = repeat_repr,
    .iter = itertools_self_iter,
    .iternext = repeat_next,
    .methods = repeat_methods,
    .doc = "repeat(object [,times]) -> create an iterator which returns the object\n"
           "for the specified number of times.  If not specified, returns the object\nendlessly.",
};

/* ---- accumulate ---- */

typedef struct AccumulateObject {
    Object hdr;
    Value it, func, total, initial;   /* func, total, initial: VNULL when absent */
} AccumulateObject;

Type type_accumulate;

static void accumulate_trace(Object *o) {
    AccumulateObject *a = (AccumulateObject *)o;
    gc_mark(a->it);
    gc_mark(a->func);
    gc_mark(a->total);
    gc_mark(a->initial);
}

static Value accumulate_new(Type *t, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"iterable", "func", "initial", NULL};
    Value a[3];
    if (dm_parse("accumulate", args, nargs, kw, names, 0, 2, 1, a) < 0) return VNULL;
    Value it = obj_iter(a[0]);
    if (!it) return VNULL;
    AccumulateObject *acc = itertools_alloc(t);
    if (!acc) return VNULL;
    acc->it = it;
    acc->func = a[1] == VNone ? VNULL : a[1];
    acc->initial = a[2] == VNone ? VNULL : a[2];
    return obj_val(acc);
}

static Value accumulate_next(Value self) {
    AccumulateObject *a = (AccumulateObject *)self;
    if (a->initial) {
        GC_WRITE(self, a->total, a->initial);
        a->initial = VNULL;
        return a->total;
    }
    Value v = obj_next(a->it);
    if (!v) return VNULL;
    if (!a->total) {
        GC_WRITE(self, a->total, v);
        return v;
    }
    Value n = a->func ? obj_call2(a->func, a->total, v) : num_binop(a->total, v, BINOP_ADD);
    if (!n) return VNULL;
    GC_WRITE(self, a->total, n);
    return n;
}

/* CPython's three forms: with an initial value still to come, the input
 * becomes chain((initial,), it); a total that is None restarts from
 * accumulate(chain((None,), it)) with its first result skipped by islice;
 * otherwise (accumulate, (it, func), total). */
static Value accumulate_reduce(Value self, Value *args, size_t nargs, Value kw) {
    AccumulateObject *a = (AccumulateObject *)self;
    Value func = a->func ? a->func : VNone;
    if (a->initial) {
        Value first = tuple_pack(1, a->initial);
        Value cargs[2] = {first, a->it};
        Value it = first ? obj_call(obj_val(&type_chain), cargs, 2, VNULL) : VNULL;
        if (!it) return VNULL;
        return reduce_value(self, tuple_pack(2, it, func), VNone);
    }
    if (a->total == VNone) {
        Value first = tuple_pack(1, VNone);
        Value cargs[2] = {first, a->it};
        Value it = first ? obj_call(obj_val(&type_chain), cargs, 2, VNULL) : VNULL;
        if (!it) return VNULL;
        Value acc_args[2] = {it, func};
        Value acc = obj_call(obj_val(val_type(self)), acc_args, 2, VNULL);
        if (!acc) return VNULL;
        Value t = tuple_pack(3, acc, val_from_int(1), VNone);
        return t ? tuple_pack(2, obj_val(&type_islice), t) : VNULL;
    }
    return reduce_value(self, tuple_pack(2, a->it, func), a->total ? a->total : VNone);
}

static Value accumulate_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    GC_WRITE(self, ((AccumulateObject *)self)->total, args[0]);
    return VNone;
}

static const MethodDef accumulate_methods[] = {
    {"__reduce__", accumulate_reduce, 0, "Return state information for pickling."},
    {"__setstate__", accumulate_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

Type type_accumulate = {
    .hdr = {0, &type_type},
    .name = "itertools.accumulate",
    .basicsize = sizeof(AccumulateObject),
    .flags = TF_BASETYPE,
    .trace = accumulate_trace,
    .new = accumulate_new,
    .iter = itertools_self_iter,
    .iternext = accumulate_next,
    .methods = accumulate_methods,
    .doc = "Return series of accumulated sums (or other binary function results).",
};

/* ---- chain ---- */

typedef struct ChainObject {
    Object hdr;
    Value source;    /* iterator of iterables; VNULL when all are consumed */
    Value active;    /* the current iterator, or VNULL */
} ChainObject;

Type type_chain;

static void chain_trace(Object *o) {
    gc_mark(((ChainObject *)o)->source);
    gc_mark(((ChainObject *)o)->active);
}

static Value chain_make(Type *t, Value source) {
    ChainObject *c = itertools_alloc(t);
    if (!c) return VNULL;
    c->source = source;
    return obj_val(c);
}

static Value chain_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (dm_new_no_kw(t, &type_chain, "chain", kw) < 0) return VNULL;
    Value tup = tuple_from_array(args, nargs);
    Value source = tup ? obj_iter(tup) : VNULL;
    return source ? chain_make(t, source) : VNULL;
}

static Value chain_from_iterable(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("from_iterable", kw) < 0 || arg_count("chain.from_iterable", nargs, 1, 1) < 0) return VNULL;
    Value source = obj_iter(args[0]);
    return source ? chain_make((Type *)cls, source) : VNULL;
}

static Value chain_next(Value self) {
    ChainObject *c = (ChainObject *)self;
    while (c->source) {
        if (!c->active) {
            Value iterable = obj_next(c->source);
            if (!iterable) {
                c->source = VNULL;
                return VNULL;
            }
            GC_WRITE(self, c->active, obj_iter(iterable));
            if (!c->active) {
                c->source = VNULL;
                return VNULL;
            }
        }
        Value item = obj_next(c->active);
        if (item || err_occurred()) return item;
        c->active = VNULL;
    }
    return VNULL;
}

/* (chain, (), (source, active)), state left out once all is consumed. */
static Value chain_reduce(Value self, Value *args, size_t nargs, Value kw) {
    ChainObject *c = (ChainObject *)self;
    Value st = VNULL;
    if (c->source) {
        st = c->active ? tuple_pack(2, c->source, c->active) : tuple_pack(1, c->source);
        if (!st) return VNULL;
    }
    return reduce_value(self, tuple_empty(), st);
}

static Value chain_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    Value st = args[0];
    if (!tuple_check(st)) {
        err_set(&exc_TypeError, "state is not a tuple");
        return VNULL;
    }
    if (tuple_size(st) < 1 || tuple_size(st) > 2) {
        err_format(&exc_TypeError, "function takes at %s 1 argument%s (%zd given)",
                   tuple_size(st) < 1 ? "least" : "most", tuple_size(st) < 1 ? "" : "s", tuple_size(st));
        return VNULL;
    }
    Value source = tuple_get(st, 0), active = tuple_size(st) > 1 ? tuple_get(st, 1) : VNULL;
    if (!is_iterator(source) || (active && !is_iterator(active))) {
        err_set(&exc_TypeError, "Arguments must be iterators.");
        return VNULL;
    }
    ChainObject *c = (ChainObject *)self;
    GC_WRITE(self, c->source, source);
    GC_WRITE(self, c->active, active);
    return VNone;
}

static const MethodDef chain_methods[] = {
    {"__reduce__", chain_reduce, 0, "Return state information for pickling."},
    {"__setstate__", chain_setstate, 0, "Set state information for unpickling."},
    {"from_iterable", chain_from_iterable, METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {"__class_getitem__", generic_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL},
};

Type type_chain = {
    .hdr = {0, &type_type},
    .name = "itertools.chain",
    .basicsize = sizeof(ChainObject),
    .flags = TF_BASETYPE,
    .trace = chain_trace,
    .new = chain_new,
    .iter = itertools_self_iter,
    .iternext = chain_next,
    .methods = chain_methods,
    .doc = "chain(*iterables) --> chain object\n\n"
           "Return a chain object whose .__next__() method returns elements from the\n"
           "first iterable until it is exhausted, then elements from the next\n"
           "iterable, until all of the iterables are exhausted.",
};

/* ---- compress ---- */

typedef struct CompressObject {
    Object hdr;
    Value data, selectors;
} CompressObject;

Type type_compress;

static void compress_trace(Object *o) {
    gc_mark(((CompressObject *)o)->data);
    gc_mark(((CompressObject *)o)->selectors);
}

static Value compress_new(Type *t, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"data", "selectors", NULL};
    Value a[2];
    if (dm_parse("compress", args, nargs, kw, names, 0, 2, 2, a) < 0) return VNULL;
    Value data = obj_iter(a[0]);
    if (!data) return VNULL;
    Value sel = obj_iter(a[1]);
    if (!sel) return VNULL;
    CompressObject *c = itertools_alloc(t);
    if (!c) return VNULL;
    c->data = data;
    c->selectors = sel;
    return obj_val(c);
}

static Value compress_next(Value self) {
    CompressObject *c = (CompressObject *)self;
    for (;;) {
        Value d = obj_next(c->data);
        if (!d) return VNULL;
        Value s = obj_next(c->selectors);
        if (!s) return VNULL;
        int ok = obj_is_true(s);
        if (ok > 0) return d;
        if (ok < 0) return VNULL;
    }
}

static Value compress_reduce(Value self, Value *args, size_t nargs, Value kw) {
    CompressObject *c = (CompressObject *)self;
    return reduce_value(self, tuple_pack(2, c->data, c->selectors), VNULL);
}

static const MethodDef compress_methods[] = {
    {"__reduce__", compress_reduce, 0, "Return state information for pickling."},
    {NULL},
};

Type type_compress = {
    .hdr = {0, &type_type},
    .name = "itertools.compress",
    .basicsize = sizeof(CompressObject),
    .flags = TF_BASETYPE,
    .trace = compress_trace,
    .new = compress_new,
    .iter = itertools_self_iter,
    .iternext = compress_next,
    .methods = compress_methods,
    .doc = "Return data elements corresponding to true selector elements.\n\n"
           "Forms a shorter iterator from selected data elements using the selectors to\n"
           "choose the data elements.",
};

/* ---- dropwhile, takewhile, filterfalse, starmap: (function, iterable) ---- */

typedef struct FuncIterObject {
    Object hdr;
    Value func, it;
    bool done;       /* dropwhile: dropping is over; takewhile: stopped */
} FuncIterObject;

Type type_dropwhile, type_takewhile, type_filterfalse, type_starmap;

static void funciter_trace(Object *o) {
    gc_mark(((FuncIterObject *)o)->func);
    gc_mark(((FuncIterObject *)o)->it);
}

static Value funciter_new(Type *t, Type *base, const char *name, Value *args, size_t nargs, Value kw) {
    if (dm_new_no_kw(t, base, name, kw) < 0 || dm_positional(name, nargs, 2, 2) < 0) return VNULL;
    Value it = obj_iter(args[1]);
    if (!it) return VNULL;
    FuncIterObject *f = itertools_alloc(t);
    if (!f) return VNULL;
    f->func = args[0];
    f->it = it;
    return obj_val(f);
}

/* bool(func(item)), -1 on error. */
static int predicate(Value func, Value item) {
    Value r = obj_call1(func, item);
    return r ? obj_is_true(r) : -1;
}

static Value dropwhile_new(Type *t, Value *args, size_t nargs, Value kw) {
    return funciter_new(t, &type_dropwhile, "dropwhile", args, nargs, kw);
}

static Value dropwhile_next(Value self) {
    FuncIterObject *f = (FuncIterObject *)self;
    for (;;) {
        Value item = obj_next(f->it);
        if (!item) return VNULL;
        if (f->done) return item;
        int ok = predicate(f->func, item);
        if (ok == 0) {
            f->done = true;
            return item;
        }
        if (ok < 0) return VNULL;
    }
}

static Value takewhile_new(Type *t, Value *args, size_t nargs, Value kw) {
    return funciter_new(t, &type_takewhile, "takewhile", args, nargs, kw);
}

static Value takewhile_next(Value self) {
    FuncIterObject *f = (FuncIterObject *)self;
    if (f->done) return VNULL;
    Value item = obj_next(f->it);
    if (!item) return VNULL;
    int ok = predicate(f->func, item);
    if (ok > 0) return item;
    if (ok == 0) f->done = true;
    return VNULL;
}

static Value filterfalse_new(Type *t, Value *args, size_t nargs, Value kw) {
    return funciter_new(t, &type_filterfalse, "filterfalse", args, nargs, kw);
}

static Value filterfalse_next(Value self) {
    FuncIterObject *f = (FuncIterObject *)self;
    for (;;) {
        Value item = obj_next(f->it);
        if (!item) return VNULL;
        int ok = f->func == VNone || f->func == obj_val(&type_bool) ? obj_is_true(item) : predicate(f->func, item);
        if (ok == 0) return item;
        if (ok < 0) return VNULL;
    }
}

static Value starmap_new(Type *t, Value *args, size_t nargs, Value kw) {
    return funciter_new(t, &type_starmap, "starmap", args, nargs, kw);
}

static Value starmap_next(Value self) {
    FuncIterObject *f = (FuncIterObject *)self;
    Value a = obj_next(f->it);
    if (!a) return VNULL;
    if (!tuple_check_exact(a)) {
        a = tuple_from_iterable(a);
        if (!a) return VNULL;
    }
    return obj_call(f->func, tuple_items(a), (size_t)tuple_size(a), VNULL);
}

/* (type, (func, it)), with dropwhile's and takewhile's flag as the state. */
static Value funciter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    FuncIterObject *f = (FuncIterObject *)self;
    Type *t = val_type(self);
    bool flag = type_is_subtype(t, &type_dropwhile) || type_is_subtype(t, &type_takewhile);
    return reduce_value(self, tuple_pack(2, f->func, f->it), flag ? val_from_int(f->done) : VNULL);
}

static Value funciter_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    int b = obj_is_true(args[0]);
    if (b < 0) return VNULL;
    ((FuncIterObject *)self)->done = b;
    return VNone;
}

static const MethodDef funciter_methods[] = {
    {"__reduce__", funciter_reduce, 0, "Return state information for pickling."},
    {NULL},
};

static const MethodDef funciter_flag_methods[] = {
    {"__reduce__", funciter_reduce, 0, "Return state information for pickling."},
    {"__setstate__", funciter_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

#define FUNCITER_TYPE(cname, pyname, docstr, meths)   \
    Type type_##cname = {                             \
        .hdr = {0, &type_type},                       \
        .name = "itertools." pyname,                  \
        .basicsize = sizeof(FuncIterObject),          \
        .flags = TF_BASETYPE,                         \
        .trace = funciter_trace,                      \
        .new = cname##_new,                           \
        .iter = itertools_self_iter,                  \
        .iternext = cname##_next,                     \
        .methods = meths,                             \
        .doc = docstr,                                \
    };
FUNCITER_TYPE(dropwhile, "dropwhile",
              "Drop items from the iterable while predicate(item) is true.\n\n"
              "Afterwards, return every element until the iterable is exhausted.", funciter_flag_methods)
FUNCITER_TYPE(takewhile, "takewhile",
              "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.",
              funciter_flag_methods)
FUNCITER_TYPE(filterfalse, "filterfalse",
              "Return those items of iterable for which function(item) is false.\n\n"
              "If function is None, return the items that are false.", funciter_methods)
FUNCITER_TYPE(starmap, "starmap",
              "Return an iterator whose values are returned from the function evaluated with an argument tuple "
              "taken from the given sequence.", funciter_methods)
#undef FUNCITER_TYPE

/* ---- groupby and its _grouper ---- */

typedef struct GroupByObject {
    Object hdr;
    Value it, keyfunc;        /* keyfunc VNone: the identity */
    Value tgtkey, currkey, currvalue;
    Value currgrouper;        /* the grouper that may still advance, or VNULL */
} GroupByObject;

typedef struct GrouperObject {
    Object hdr;
    Value parent;             /* the groupby */
    Value tgtkey;
} GrouperObject;

Type type_groupby, type_grouper;

static void groupby_trace(Object *o) {
    GroupByObject *g = (GroupByObject *)o;
    gc_mark(g->it);
    gc_mark(g->keyfunc);
    gc_mark(g->tgtkey);
    gc_mark(g->currkey);
    gc_mark(g->currvalue);
    gc_mark(g->currgrouper);
}

static void grouper_trace(Object *o) {
    gc_mark(((GrouperObject *)o)->parent);
    gc_mark(((GrouperObject *)o)->tgtkey);
}

static Value groupby_new(Type *t, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"iterable", "key", NULL};
    Value a[2];
    if (dm_parse("groupby", args, nargs, kw, names, 0, 2, 1, a) < 0) return VNULL;
    Value it = obj_iter(a[0]);
    if (!it) return VNULL;
    GroupByObject *g = itertools_alloc(t);
    if (!g) return VNULL;
    g->it = it;
    g->keyfunc = a[1] ? a[1] : VNone;
    return obj_val(g);
}

/* Advance to the next value and its key: 1, 0 when exhausted, -1 on error. */
static int groupby_step(GroupByObject *g) {
    Value v = obj_next(g->it);
    if (!v) return err_occurred() ? -1 : 0;
    Value k = v;
    if (g->keyfunc != VNone) {
        k = obj_call1(g->keyfunc, v);
        if (!k) return -1;
    }
    GC_WRITE(g, g->currvalue, v);
    GC_WRITE(g, g->currkey, k);
    return 1;
}

static Value groupby_next(Value self) {
    GroupByObject *g = (GroupByObject *)self;
    g->currgrouper = VNULL;
    /* Skip to the first value whose key differs from the current group's. */
    for (;;) {
        if (!g->currkey) {
            /* nothing read yet, or the grouper consumed the value */
        } else if (!g->tgtkey) {
            break;
        } else {
            int eq = obj_richcompare_bool(g->tgtkey, g->currkey, CMP_EQ);
            if (eq < 0) return VNULL;
            if (eq == 0) break;
        }
        if (groupby_step(g) <= 0) return VNULL;
    }
    GC_WRITE(self, g->tgtkey, g->currkey);
    type_ready(&type_grouper);
    GrouperObject *gr = gc_alloc(&type_grouper, sizeof(GrouperObject));
    if (!gr) return VNULL;
    gr->parent = self;
    gr->tgtkey = g->tgtkey;
    GC_WRITE(self, g->currgrouper, obj_val(gr));
    return tuple_pack(2, g->currkey, obj_val(gr));
}

static Value grouper_next(Value self) {
    GrouperObject *gr = (GrouperObject *)self;
    GroupByObject *g = (GroupByObject *)gr->parent;
    if (g->currgrouper != self) return VNULL;
    if (!g->currvalue && groupby_step(g) <= 0) return VNULL;
    int eq = obj_richcompare_bool(gr->tgtkey, g->currkey, CMP_EQ);
    if (eq <= 0) return VNULL;
    Value r = g->currvalue;
    g->currvalue = VNULL;
    g->currkey = VNULL;
    return r;
}

/* (groupby, (it, keyfunc)), with (currkey, currvalue, tgtkey) once started. */
static Value groupby_reduce(Value self, Value *args, size_t nargs, Value kw) {
    GroupByObject *g = (GroupByObject *)self;
    Value st = VNULL;
    if (g->tgtkey && g->currkey && g->currvalue) {
        st = tuple_pack(3, g->currkey, g->currvalue, g->tgtkey);
        if (!st) return VNULL;
    }
    return reduce_value(self, tuple_pack(2, g->it, g->keyfunc), st);
}

static Value groupby_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    Value st = args[0];
    if (!tuple_check(st)) {
        err_set(&exc_TypeError, "state is not a tuple");
        return VNULL;
    }
    if (tuple_size(st) != 3) {
        err_format(&exc_TypeError, "function takes exactly 3 arguments (%zd given)", tuple_size(st));
        return VNULL;
    }
    GroupByObject *g = (GroupByObject *)self;
    GC_WRITE(self, g->currkey, tuple_get(st, 0));
    GC_WRITE(self, g->currvalue, tuple_get(st, 1));
    GC_WRITE(self, g->tgtkey, tuple_get(st, 2));
    return VNone;
}

static const MethodDef groupby_methods[] = {
    {"__reduce__", groupby_reduce, 0, "Return state information for pickling."},
    {"__setstate__", groupby_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

/* _grouper(parent, tgtkey): the group an unpickled groupby goes on with. */
static Value grouper_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (dm_new_no_kw(t, &type_grouper, "_grouper", kw) < 0 || dm_positional("_grouper", nargs, 2, 2) < 0)
        return VNULL;
    if (!val_isinstance(args[0], &type_groupby)) {
        err_format(&exc_TypeError, "_grouper() argument 1 must be itertools.groupby, not %T", args[0]);
        return VNULL;
    }
    GrouperObject *gr = itertools_alloc(t);
    if (!gr) return VNULL;
    gr->parent = args[0];
    gr->tgtkey = args[1];
    GC_WRITE(args[0], ((GroupByObject *)args[0])->currgrouper, obj_val(gr));
    return obj_val(gr);
}

/* (_grouper, (parent, tgtkey)) while it is the current group, else iter(()). */
static Value grouper_reduce(Value self, Value *args, size_t nargs, Value kw) {
    GrouperObject *gr = (GrouperObject *)self;
    if (((GroupByObject *)gr->parent)->currgrouper != self) {
        extern Value builtins_dict;
        Value fn = dict_get_cstr(builtins_dict, "iter");
        return fn ? tuple_pack(2, fn, tuple_pack(1, tuple_empty())) : VNULL;
    }
    return reduce_value(self, tuple_pack(2, gr->parent, gr->tgtkey), VNULL);
}

static const MethodDef grouper_methods[] = {
    {"__reduce__", grouper_reduce, 0, "Return state information for pickling."},
    {NULL},
};

Type type_groupby = {
    .hdr = {0, &type_type},
    .name = "itertools.groupby",
    .basicsize = sizeof(GroupByObject),
    .flags = TF_BASETYPE,
    .trace = groupby_trace,
    .new = groupby_new,
    .iter = itertools_self_iter,
    .iternext = groupby_next,
    .methods = groupby_methods,
    .doc = "make an iterator that returns consecutive keys and groups from the iterable\n\n"
           "  iterable\n    Elements to divide into groups according to the key function.\n"
           "  key\n    A function for computing the group category for each element.\n"
           "    If the key function is not specified or is None, the element itself\n    is used for grouping.",
};

Type type_grouper = {
    .hdr = {0, &type_type},
    .name = "itertools._grouper",
    .basicsize = sizeof(GrouperObject),
    .trace = grouper_trace,
    .new = grouper_new,
    .iter = itertools_self_iter,
    .iternext = grouper_next,
    .methods = grouper_methods,
};

/* ---- islice ---- */

typedef struct IsliceObject {
    Object hdr;
    Value it;        /* VNULL once exhausted */
    ssize_t next, stop, step, cnt;   /* stop -1: none */
} IsliceObject;

Type type_islice;

static void islice_trace(Object *o) { gc_mark(((IsliceObject *)o)->it); }

/* PyNumber_AsSsize_t(v, OverflowError) with every failure turned into -1 and no exception. */
static ssize_t islice_index(Value v) {
    ssize_t r = num_as_ssize(v, &exc_OverflowError);
    if (r == -1 && err_occurred()) err_clear();
    return r;
}

static Value islice_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (dm_new_no_kw(t, &type_islice, "islice", kw) < 0 || dm_positional("islice", nargs, 2, 4) < 0) return VNULL;
    static const char stop_msg[] =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    ssize_t start = 0, stop = -1, step = 1;
    if (nargs == 2) {
        if (args[1] != VNone) {
            stop = islice_index(args[1]);
            if (stop == -1) {
                err_set(&exc_ValueError, stop_msg);
                return VNULL;
            }
        }
    } else {
        if (args[1] != VNone) start = islice_index(args[1]);
        if (args[2] != VNone) {
            stop = islice_index(args[2]);
            if (stop == -1) {
                err_set(&exc_ValueError, stop_msg);
                return VNULL;
            }
        }
    }
    if (start < 0 || stop < -1) {
        err_set(&exc_ValueError, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        return VNULL;
    }
    if (nargs == 4 && args[3] != VNone) step = islice_index(args[3]);
    if (step < 1) {
        err_set(&exc_ValueError, "Step for islice() must be a positive integer or None.");
        return VNULL;
    }
    Value it = obj_iter(args[0]);
    if (!it) return VNULL;
    IsliceObject *s = itertools_alloc(t);
    if (!s) return VNULL;
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    return obj_val(s);
}

static Value islice_next(Value self) {
    IsliceObject *s = (IsliceObject *)self;
    if (!s->it) return VNULL;
    Value item;
    while (s->cnt < s->next) {
        item = obj_next(s->it);
        if (!item) goto empty;
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop) goto empty;
    item = obj_next(s->it);
    if (!item) goto empty;
    s->cnt++;
    ssize_t old = s->next;
    s->next = (ssize_t)((size_t)s->next + (size_t)s->step);
    if (s->next < old || (s->stop != -1 && s->next > s->stop)) s->next = s->stop;
    return item;
empty:
    s->it = VNULL;
    return VNULL;
}

/* (islice, (it, next, stop, step), cnt); islice(iter([]), 0) once exhausted. */
static Value islice_reduce(Value self, Value *args, size_t nargs, Value kw) {
    IsliceObject *s = (IsliceObject *)self;
    if (!s->it) {
        Value empty = list_new(0);
        Value it = empty ? obj_iter(empty) : VNULL;
        if (!it) return VNULL;
        return reduce_value(self, tuple_pack(2, it, val_from_int(0)), val_from_int(0));
    }
    Value stop = s->stop == -1 ? VNone : int_from_i64(s->stop);
    return reduce_value(self, tuple_pack(4, s->it, int_from_i64(s->next), stop, int_from_i64(s->step)),
                        int_from_i64(s->cnt));
}

static Value islice_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    ssize_t cnt = num_as_ssize(args[0], &exc_OverflowError);
    if (cnt == -1 && err_occurred()) return VNULL;
    ((IsliceObject *)self)->cnt = cnt;
    return VNone;
}

static const MethodDef islice_methods[] = {
    {"__reduce__", islice_reduce, 0, "Return state information for pickling."},
    {"__setstate__", islice_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

Type type_islice = {
    .hdr = {0, &type_type},
    .name = "itertools.islice",
    .basicsize = sizeof(IsliceObject),
    .flags = TF_BASETYPE,
    .trace = islice_trace,
    .new = islice_new,
    .iter = itertools_self_iter,
    .iternext = islice_next,
    .methods = islice_methods,
    .doc = "islice(iterable, stop) --> islice object\n"
           "islice(iterable, start, stop[, step]) --> islice object\n\n"
           "Return an iterator whose next() method returns selected values from an\n"
           "iterable.  If start is specified, will skip all preceding elements;\n"
           "otherwise, start defaults to zero.  Step defaults to one.  If\n"
           "specified as another value, step determines how many values are\n"
           "skipped between successive calls.  Works like a slice() on a list\n"
           "but returns an iterator.",
};

/* ---- pairwise ---- */

typedef struct PairwiseObject {
    Object hdr;
    Value it, old;
} PairwiseObject;

Type type_pairwise;

static void pairwise_trace(Object *o) {
    gc_mark(((PairwiseObject *)o)->it);
    gc_mark(((PairwiseObject *)o)->old);
}

static Value pairwise_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (dm_new_no_kw(t, &type_pairwise, "pairwise", kw) < 0 || dm_positional("pairwise", nargs, 1, 1) < 0)
        return VNULL;
    Value it = obj_iter(args[0]);
    if (!it) return VNULL;
    PairwiseObject *p = itertools_alloc(t);
    if (!p) return VNULL;
    p->it = it;
    return obj_val(p);
}

static Value pairwise_next(Value self) {
    PairwiseObject *p = (PairwiseObject *)self;
    if (!p->it) return VNULL;
    if (!p->old) {
        GC_WRITE(self, p->old, obj_next(p->it));
        if (!p->old) {
            p->it = VNULL;
            return VNULL;
        }
    }
    Value n = obj_next(p->it);
    if (!n) {
        p->it = VNULL;
        p->old = VNULL;
        return VNULL;
    }
    Value r = tuple_pack(2, p->old, n);
    GC_WRITE(self, p->old, n);
    return r;
}

Type type_pairwise = {
    .hdr = {0, &type_type},
    .name = "itertools.pairwise",
    .basicsize = sizeof(PairwiseObject),
    .flags = TF_BASETYPE,
    .trace = pairwise_trace,
    .new = pairwise_new,
    .iter = itertools_self_iter,
    .iternext = pairwise_next,
    .doc = "Return an iterator of overlapping pairs taken from the input iterator.\n\n"
           "    s -> (s0,s1), (s1,s2), (s2, s3), ...",
};

/* ---- zip_longest ---- */

typedef struct ZipLongestObject {
    Object hdr;
    Value iters;     /* list of iterators; None for an exhausted one */
    Value fillvalue;
    ssize_t numactive;
} ZipLongestObject;

Type type_zip_longest;

static void ziplongest_trace(Object *o) {
    gc_mark(((ZipLongestObject *)o)->iters);
    gc_mark(((ZipLongestObject *)o)->fillvalue);
}

static Value ziplongest_new(Type *t, Value *args, size_t nargs, Value kw) {
    Value fill = VNone;
    if (kw && tuple_size(kw) > 0) {
        if (tuple_size(kw) != 1 || !str_eq_cstr(tuple_get(kw, 0), "fillvalue")) {
            err_set(&exc_TypeError, "zip_longest() got an unexpected keyword argument");
            return VNULL;
        }
        fill = args[nargs];
    }
    Value iters = list_new(nargs);
    if (!iters) return VNULL;
    for (size_t i = 0; i < nargs; i++) {
        Value it = obj_iter(args[i]);
        if (!it || list_append(iters, it) < 0) return VNULL;
    }
    ZipLongestObject *z = itertools_alloc(t);
    if (!z) return VNULL;
    z->iters = iters;
    z->fillvalue = fill;
    z->numactive = (ssize_t)nargs;
    return obj_val(z);
}

static Value ziplongest_next(Value self) {
    ZipLongestObject *z = (ZipLongestObject *)self;
    ssize_t n = list_size(z->iters);
    if (n == 0 || z->numactive == 0) return VNULL;
    Value r = tuple_new((size_t)n);
    if (!r) return VNULL;
    for (ssize_t i = 0; i < n; i++) {
        Value it = list_get(z->iters, i), item;
        if (it == VNone) {
            item = z->fillvalue;
        } else {
            item = obj_next(it);
            if (!item) {
                z->numactive--;
                if (z->numactive == 0 || err_occurred()) {
                    z->numactive = 0;
                    return VNULL;
                }
                item = z->fillvalue;
                list_set(z->iters, i, VNone);
            }
        }
        tuple_items(r)[i] = item;
    }
    return r;
}

/* (zip_longest, iterators with () for the exhausted ones, fillvalue). */
static Value ziplongest_reduce(Value self, Value *args, size_t nargs, Value kw) {
    ZipLongestObject *z = (ZipLongestObject *)self;
    ssize_t n = list_size(z->iters);
    Value t = tuple_new((size_t)n);
    if (!t) return VNULL;
    for (ssize_t i = 0; i < n; i++) {
        Value it = list_get(z->iters, i);
        tuple_items(t)[i] = it == VNone ? tuple_empty() : it;
    }
    return reduce_value(self, t, z->fillvalue);
}

static Value ziplongest_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    GC_WRITE(self, ((ZipLongestObject *)self)->fillvalue, args[0]);
    return VNone;
}

static const MethodDef ziplongest_methods[] = {
    {"__reduce__", ziplongest_reduce, 0, "Return state information for pickling."},
    {"__setstate__", ziplongest_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

Type type_zip_longest = {
    .hdr = {0, &type_type},
    .name = "itertools.zip_longest",
    .basicsize = sizeof(ZipLongestObject),
    .flags = TF_BASETYPE,
    .trace = ziplongest_trace,
    .new = ziplongest_new,
    .iter = itertools_self_iter,
    .iternext = ziplongest_next,
    .methods = ziplongest_methods,
    .doc = "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\n"
           "Return a zip_longest object whose .__next__() method returns a tuple where\n"
           "the i-th element comes from the i-th iterable argument.  The .__next__()\n"
           "method continues until the longest iterable in the argument sequence\n"
           "is exhausted and then it raises StopIteration.  When the shorter iterables\n"
           "are exhausted, the fillvalue is substituted in their place.  The fillvalue\n"
           "defaults to None or can be specified by a keyword argument.\n",
};

/* ---- The module ---- */

static const MethodDef itertools_functions[] = {
    {"tee", itertools_tee_m, 0, "Returns a tuple of n independent iterators."},
    {NULL},
};

Value itertools_module_init(void) {
    Value m = module_new_cstr("itertools");
    if (!m || module_add_functions(m, itertools_functions) < 0) return VNULL;
    Type *types[] = {
        &type_accumulate, &type_chain, &type_combinations, &type_cwr, &type_compress, &type_count,
        &type_cycle, &type_dropwhile, &type_filterfalse, &type_groupby, &type_grouper, &type_islice,
        &type_pairwise, &type_permutations, &type_product, &type_repeat, &type_starmap, &type_takewhile,
        &type_tee, &type_teedata, &type_zip_longest,
    };
    for (size_t i = 0; i < ARRAY_LEN(types); i++) {
        type_ready(types[i]);
        const char *name = strchr(types[i]->name, '.') + 1;
        if (types[i] == &type_teedata) name = "_tee_dataobject";
        if (module_add(m, name, obj_val(types[i])) < 0) return VNULL;
    }
    if (module_add(m, "__doc__", str_from_cstr(
            "Functional tools for creating and using iterators.\n\n"
            "Infinite iterators:\n"
            "count(start=0, step=1) --> start, start+step, start+2*step, ...\n"
            "cycle(p) --> p0, p1, ... plast, p0, p1, ...\n"
            "repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n\n"
            "Iterators terminating on the shortest input sequence:\n"
            "accumulate(p[, func]) --> p0, p0+p1, p0+p1+p2\n"
            "chain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...\n"
            "chain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...\n"
            "compress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...\n"
            "dropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails\n"
            "groupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)\n"
            "filterfalse(pred, seq) --> elements of seq where pred(elem) is False\n"
            "islice(seq, [start,] stop [, step]) --> elements from\n"
            "       seq[start:stop:step]\n"
            "pairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...\n"
            "starmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...\n"
            "tee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n\n"
            "takewhile(pred, seq) --> seq[0], seq[1], until pred fails\n"
            "zip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...\n\n"
            "Combinatoric generators:\n"
            "product(p, q, ... [repeat=1]) --> cartesian product\n"
            "permutations(p[, r])\n"
            "combinations(p, r)\n"
            "combinations_with_replacement(p, r)\n")) < 0)
        return VNULL;
    return m;
}
