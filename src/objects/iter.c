/* iter.c - the generic iterators: iterator, callable_iterator, enumerate, zip, map, filter, reversed. */
#include "misc.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "int.h"
#include "str.h"
#include "type.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"

void iter_ready_type_slow(Type *t) { type_ready(t); }

static Value iter_self(Value self) { return self; }

/* Fetch the next item of an iterator; VNULL with no exception when it is
 * exhausted (a StopIteration is swallowed), VNULL with one on error. */
static inline Value next_of(Value it) {
    Value v = val_type(it)->iternext(it);
    if (!v && err_matches(&exc_StopIteration)) err_clear();
    return v;
}

/* ---- iterator: iteration by __getitem__ until IndexError ---- */

typedef struct SeqIterObject {
    Object hdr;
    Value seq;       /* VNULL once exhausted */
    ssize_t index;
} SeqIterObject;

static void seqiter_trace(Object *o) { gc_mark(((SeqIterObject *)o)->seq); }

Value seq_iter_new(Value seq) {
    SeqIterObject *it = gc_alloc(&type_seq_iter, sizeof(SeqIterObject));
    if (!it) return VNULL;
    it->seq = seq;
    return obj_val(it);
}

static Value seqiter_next(Value self) {
    SeqIterObject *it = (SeqIterObject *)self;
    if (!it->seq) return VNULL;
    Value v = obj_getitem(it->seq, val_from_int(it->index));
    if (v) {
        it->index++;
        return v;
    }
    if (err_matches(&exc_IndexError) || err_matches(&exc_StopIteration)) {
        err_clear();
        it->seq = VNULL;
    }
    return VNULL;
}

static Value seqiter_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    SeqIterObject *it = (SeqIterObject *)self;
    if (!it->seq) return val_from_int(0);
    Type *t = val_type(it->seq);
    if (!t->len) return VNotImplemented;
    ssize_t n = obj_len(it->seq);
    if (n < 0) return VNULL;
    n -= it->index;
    return val_from_int(n < 0 ? 0 : n);
}

static const MethodDef seqiter_methods[] = {
    {"__length_hint__", seqiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL},
};

Type type_seq_iter = {
    .hdr = {0, &type_type},
    .name = "iterator",
    .basicsize = sizeof(SeqIterObject),
    .trace = seqiter_trace,
    .iter = iter_self,
    .iternext = seqiter_next,
    .methods = seqiter_methods,
};

/* ---- callable_iterator: iter(f, sentinel) ---- */

typedef struct CallIterObject {
    Object hdr;
    Value callable;  /* VNULL once exhausted */
    Value sentinel;
} CallIterObject;

static void calliter_trace(Object *o) {
    CallIterObject *it = (CallIterObject *)o;
    gc_mark(it->callable);
    gc_mark(it->sentinel);
}

Value callable_iter_new(Value callable, Value sentinel) {
    CallIterObject *it = gc_alloc(&type_callable_iter, sizeof(CallIterObject));
    if (!it) return VNULL;
    it->callable = callable;
    it->sentinel = sentinel;
    return obj_val(it);
}

static Value calliter_next(Value self) {
    CallIterObject *it = (CallIterObject *)self;
    if (!it->callable) return VNULL;
    Value r = obj_call0(it->callable);
    if (!r) {
        if (err_matches(&exc_StopIteration)) {
            err_clear();
            it->callable = VNULL;
        }
        return VNULL;
    }
    int k = obj_richcompare_bool(it->sentinel, r, CMP_EQ);
    if (k < 0) return VNULL;
    if (k) {
        it->callable = VNULL;
        return VNULL;
    }
    return r;
}

Type type_callable_iter = {
    .hdr = {0, &type_type},
    .name = "callable_iterator",
    .basicsize = sizeof(CallIterObject),
    .trace = calliter_trace,
    .iter = iter_self,
    .iternext = calliter_next,
};

/* ---- enumerate ---- */

typedef struct EnumerateObject {
    Object hdr;
    Value it;
    Value index;     /* int: the next count */
} EnumerateObject;

static void enumerate_trace(Object *o) {
    EnumerateObject *e = (EnumerateObject *)o;
    gc_mark(e->it);
    gc_mark(e->index);
}

static Value enumerate_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"iterable", "start", NULL};
    Value a[2];
    if (arg_parse("enumerate", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    if (!a[0]) {
        err_set(&exc_TypeError, "enumerate() missing required argument 'iterable'");
        return VNULL;
    }
    Value start = val_from_int(0);
    if (a[1]) {
        if (val_is_int(a[1])) start = a[1];
        else {
            if (!num_check_index(a[1])) {
                err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[1]));
                return VNULL;
            }
            start = int_normalize(num_index(a[1]));
            if (!start) return VNULL;
        }
    }
    Value it = obj_iter(a[0]);
    if (!it) return VNULL;
    EnumerateObject *e = (EnumerateObject *)(t == &type_enumerate ? obj_val(gc_alloc(t, sizeof(EnumerateObject)))
                                                                 : type_generic_alloc(t, 0));
    if (!e) return VNULL;
    e->it = it;
    e->index = start;
    return obj_val(e);
}

static Value enumerate_next(Value self) {
    EnumerateObject *e = (EnumerateObject *)self;
    Value item = next_of(e->it);
    if (!item) return VNULL;
    Value i = e->index, n;
    if (val_is_int(i) && val_int(i) < SMALLINT_MAX) n = val_from_int(val_int(i) + 1);
    else {
        n = int_add(i, val_from_int(1));
        if (!n) return VNULL;
    }
    e->index = n;
    return tuple_pack(2, i, item);
}

Type type_enumerate = {
    .hdr = {0, &type_type},
    .name = "enumerate",
    .basicsize = sizeof(EnumerateObject),
    .flags = TF_BASETYPE,
    .trace = enumerate_trace,
    .new = enumerate_new,
    .iter = iter_self,
    .iternext = enumerate_next,
    .doc = "Return an enumerate object.\n\n"
           "  iterable\n    an object supporting iteration\n\n"
           "The enumerate object yields pairs containing a count (from start, which\n"
           "defaults to zero) and a value yielded by the iterable argument.\n\n"
           "enumerate is useful for obtaining an indexed list:\n"
           "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
};

/* ---- zip ---- */

typedef struct ZipObject {
    Object hdr;
    Value iters;     /* tuple of iterators */
    bool strict;
} ZipObject;

static void zip_trace(Object *o) { gc_mark(((ZipObject *)o)->iters); }

/* A tuple of iterators over args[0..n). */
static Value iter_tuple(Value *args, size_t n) {
    Value t = tuple_new(n);
    if (!t) return VNULL;
    for (size_t i = 0; i < n; i++) {
        Value it = obj_iter(args[i]);
        if (!it) return VNULL;
        tuple_items(t)[i] = it;
    }
    return t;
}

static Value zip_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    bool strict = false;
    if (kwnames && tuple_size(kwnames)) {
        ssize_t nk = tuple_size(kwnames);
        for (ssize_t k = 0; k < nk; k++) {
            Value name = tuple_get(kwnames, k);
            if (!str_eq_cstr(name, "strict")) {
                err_format(&exc_TypeError, "'%U' is an invalid keyword argument for zip()", name);
                return VNULL;
            }
            int b = obj_is_true(args[nargs + k]);
            if (b < 0) return VNULL;
            strict = b;
        }
    }
    Value iters = iter_tuple(args, nargs);
    if (!iters) return VNULL;
    ZipObject *z = (ZipObject *)(t == &type_zip ? obj_val(gc_alloc(t, sizeof(ZipObject))) : type_generic_alloc(t, 0));
    if (!z) return VNULL;
    z->iters = iters;
    z->strict = strict;
    return obj_val(z);
}

/* zip(strict=True) found argument i exhausted first: say which is shorter
 * or, when i is 0, check whether any later one is longer. */
static Value zip_strict_error(ZipObject *z, ssize_t i) {
    const char *plural = i == 1 ? " " : "s 1-";
    if (i) {
        err_format(&exc_ValueError, "zip() argument %zd is shorter than argument%s%zd", i + 1, plural, i);
        return VNULL;
    }
    ssize_t n = tuple_size(z->iters);
    for (i = 1; i < n; i++) {
        Value item = next_of(tuple_get(z->iters, i));
        if (item) {
            plural = i == 1 ? " " : "s 1-";
            err_format(&exc_ValueError, "zip() argument %zd is longer than argument%s%zd", i + 1, plural, i);
            return VNULL;
        }
        if (err_occurred()) return VNULL;
    }
    return VNULL;
}

static Value zip_next(Value self) {
    ZipObject *z = (ZipObject *)self;
    ssize_t n = tuple_size(z->iters);
    if (n == 0) return VNULL;
    Value r = tuple_new((size_t)n);
    if (!r) return VNULL;
    for (ssize_t i = 0; i < n; i++) {
        Value item = next_of(tuple_get(z->iters, i));
        if (!item) {
            if (err_occurred() || !z->strict) return VNULL;
            return zip_strict_error(z, i);
        }
        tuple_items(r)[i] = item;
    }
    return r;
}

/* (zip, iterators), with True as the state for zip(strict=True). */
static Value zip_reduce(Value self, Value *args, size_t nargs, Value kw) {
    ZipObject *z = (ZipObject *)self;
    Value t = obj_val(val_type(self));
    return z->strict ? tuple_pack(3, t, z->iters, VTrue) : tuple_pack(2, t, z->iters);
}

static Value zip_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    int b = obj_is_true(args[0]);
    if (b < 0) return VNULL;
    ((ZipObject *)self)->strict = b;
    return VNone;
}

static const MethodDef zip_methods[] = {
    {"__reduce__", zip_reduce, 0, "Return state information for pickling."},
    {"__setstate__", zip_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

Type type_zip = {
    .hdr = {0, &type_type},
    .name = "zip",
    .basicsize = sizeof(ZipObject),
    .flags = TF_BASETYPE,
    .trace = zip_trace,
    .new = zip_new,
    .iter = iter_self,
    .iternext = zip_next,
    .methods = zip_methods,
    .doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
           "   >>> list(zip('abcdefg', range(3), range(4)))\n"
           "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
           "The zip object yields n-length tuples, where n is the number of iterables\n"
           "passed as positional arguments to zip().  The i-th element in every tuple\n"
           "comes from the i-th iterable argument to zip().  This continues until the\n"
           "shortest argument is exhausted.\n\n"
           "If strict is true and one of the arguments is exhausted before the others,\n"
           "raise a ValueError.",
};

/* ---- map ---- */

/* map and filter refuse keywords, unless a subclass's own __init__ takes them. */
static int no_kw_unless_own_init(Type *t, Type *base, const char *name, Value kwnames) {
    if (t != base && type_lookup_cstr(t, "__init__") != type_lookup_cstr(&type_object, "__init__")) return 0;
    return arg_no_kw(name, kwnames);
}

typedef struct MapObject {
    Object hdr;
    Value func;
    Value iters;     /* tuple of iterators */
} MapObject;

static void map_trace(Object *o) {
    MapObject *m = (MapObject *)o;
    gc_mark(m->func);
    gc_mark(m->iters);
}

static Value map_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (no_kw_unless_own_init(t, &type_map, "map", kwnames) < 0) return VNULL;
    if (nargs < 2) {
        err_set(&exc_TypeError, "map() must have at least two arguments.");
        return VNULL;
    }
    Value iters = iter_tuple(args + 1, nargs - 1);
    if (!iters) return VNULL;
    MapObject *m = (MapObject *)(t == &type_map ? obj_val(gc_alloc(t, sizeof(MapObject))) : type_generic_alloc(t, 0));
    if (!m) return VNULL;
    m->func = args[0];
    m->iters = iters;
    return obj_val(m);
}

static Value map_next(Value self) {
    MapObject *m = (MapObject *)self;
    ssize_t n = tuple_size(m->iters);
    Value small[8], *items = small;
    Value buf = VNULL;
    if (n > 8) {
        buf = tuple_new((size_t)n); /* a GC home for many arguments */
        if (!buf) return VNULL;
        items = tuple_items(buf);
    }
    for (ssize_t i = 0; i < n; i++) {
        Value item = next_of(tuple_get(m->iters, i));
        if (!item) return VNULL;
        items[i] = item;
    }
    return obj_call(m->func, items, (size_t)n, VNULL);
}

/* (map, (func, *iterators)). */
static Value map_reduce(Value self, Value *args, size_t nargs, Value kw) {
    MapObject *m = (MapObject *)self;
    ssize_t n = tuple_size(m->iters);
    Value a = tuple_new((size_t)n + 1);
    if (!a) return VNULL;
    tuple_items(a)[0] = m->func;
    for (ssize_t i = 0; i < n; i++) tuple_items(a)[i + 1] = tuple_get(m->iters, i);
    return tuple_pack(2, obj_val(val_type(self)), a);
}

static const MethodDef map_methods[] = {
    {"__reduce__", map_reduce, 0, "Return state information for pickling."},
    {NULL},
};

Type type_map = {
    .hdr = {0, &type_type},
    .name = "map",
    .basicsize = sizeof(MapObject),
    .flags = TF_BASETYPE,
    .trace = map_trace,
    .new = map_new,
    .iter = iter_self,
    .iternext = map_next,
    .methods = map_methods,
    .doc = "map(func, *iterables) --> map object\n\n"
           "Make an iterator that computes the function using arguments from\n"
           "each of the iterables.  Stops when the shortest iterable is exhausted.",
};

/* ---- filter ---- */

typedef struct FilterObject {
    Object hdr;
    Value func;      /* VNone: keep true items */
    Value it;
} FilterObject;

static void filter_trace(Object *o) {
    FilterObject *f = (FilterObject *)o;
    gc_mark(f->func);
    gc_mark(f->it);
}

static Value filter_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (no_kw_unless_own_init(t, &type_filter, "filter", kwnames) < 0) return VNULL;
    if (arg_count("filter", nargs, 2, 2) < 0) return VNULL;
    Value it = obj_iter(args[1]);
    if (!it) return VNULL;
    FilterObject *f = (FilterObject *)(t == &type_filter ? obj_val(gc_alloc(t, sizeof(FilterObject)))
                                                          : type_generic_alloc(t, 0));
    if (!f) return VNULL;
    f->func = args[0];
    f->it = it;
    return obj_val(f);
}

static Value filter_next(Value self) {
    FilterObject *f = (FilterObject *)self;
    /* filter(bool, ...) is filter(None, ...), as in CPython. */
    bool truth_only = f->func == VNone || f->func == obj_val(&type_bool);
    for (;;) {
        Value item = next_of(f->it);
        if (!item) return VNULL;
        int ok;
        if (truth_only) {
            ok = obj_is_true(item);
        } else {
            Value r = obj_call1(f->func, item);
            if (!r) return VNULL;
            ok = obj_is_true(r);
        }
        if (ok < 0) return VNULL;
        if (ok) return item;
    }
}

static Value filter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    FilterObject *f = (FilterObject *)self;
    return tuple_pack(2, obj_val(val_type(self)), tuple_pack(2, f->func, f->it));
}

static const MethodDef filter_methods[] = {
    {"__reduce__", filter_reduce, 0, "Return state information for pickling."},
    {NULL},
};

Type type_filter = {
    .hdr = {0, &type_type},
    .name = "filter",
    .basicsize = sizeof(FilterObject),
    .flags = TF_BASETYPE,
    .trace = filter_trace,
    .new = filter_new,
    .iter = iter_self,
    .iternext = filter_next,
    .methods = filter_methods,
    .doc = "filter(function or None, iterable) --> filter object\n\n"
           "Return an iterator yielding those items of iterable for which function(item)\n"
           "is true. If function is None, return the items that are true.",
};

/* ---- reversed ---- */

typedef struct ReversedObject {
    Object hdr;
    Value seq;       /* VNULL once exhausted */
    ssize_t index;
} ReversedObject;

static void reversed_trace(Object *o) { gc_mark(((ReversedObject *)o)->seq); }

/* The sequence protocol CPython's PySequence_Check asks for. */
static bool is_sequence(Value v) {
    Type *t = val_type(v);
    return t->getitem && !(t->flags & TF_DICT_SUBCLASS);
}

static Value reversed_make(Type *t, Value seq) {
    Value meth = type_lookup_cstr(val_type(seq), "__reversed__");
    if (meth == VNone) {
        err_format(&exc_TypeError, "'%s' object is not reversible", type_name(seq));
        return VNULL;
    }
    if (meth) {
        Type *mt = val_type(meth);
        if (mt->descr_get) {
            Value bound = mt->descr_get(meth, seq, obj_val(val_type(seq)));
            if (!bound) return VNULL;
            return obj_call0(bound);
        }
        return obj_call0(meth);
    }
    if (!is_sequence(seq)) {
        err_format(&exc_TypeError, "'%s' object is not reversible", type_name(seq));
        return VNULL;
    }
    ssize_t n = obj_len(seq);
    if (n < 0) return VNULL;
    ReversedObject *r = (ReversedObject *)(t == &type_reversed ? obj_val(gc_alloc(t, sizeof(ReversedObject)))
                                                              : type_generic_alloc(t, 0));
    if (!r) return VNULL;
    r->seq = seq;
    r->index = n - 1;
    return obj_val(r);
}

Value iter_reversed(Value seq) { return reversed_make(&type_reversed, seq); }

static Value reversed_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (t == &type_reversed && arg_no_kw("reversed", kwnames) < 0) return VNULL;
    if (nargs != 1) {
        err_format(&exc_TypeError, "reversed expected 1 argument, got %zu", nargs);
        return VNULL;
    }
    return reversed_make(t, args[0]);
}

static Value reversed_next(Value self) {
    ReversedObject *r = (ReversedObject *)self;
    if (!r->seq) return VNULL;
    if (r->index >= 0) {
        Value v = obj_getitem(r->seq, val_from_int(r->index));
        if (v) {
            r->index--;
            return v;
        }
        if (!err_matches(&exc_IndexError) && !err_matches(&exc_StopIteration)) return VNULL;
        err_clear();
    }
    r->index = -1;
    r->seq = VNULL;
    return VNULL;
}

static Value reversed_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    ReversedObject *r = (ReversedObject *)self;
    if (!r->seq) return val_from_int(0);
    ssize_t n = obj_len(r->seq);
    if (n < 0) return VNULL;
    return val_from_int(n < r->index + 1 ? 0 : r->index + 1);
}

/* (reversed, (seq,), index), or reversed(()) once exhausted, as CPython pickles it. */
static Value reversed_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    ReversedObject *r = (ReversedObject *)self;
    Value cls = obj_val(val_type(self));
    if (!r->seq) return tuple_pack(2, cls, tuple_pack(1, tuple_empty()));
    return tuple_pack(3, cls, tuple_pack(1, r->seq), int_from_i64(r->index));
}

static Value reversed_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    ReversedObject *r = (ReversedObject *)self;
    ssize_t i = num_as_ssize(args[0], &exc_OverflowError);
    if (i == -1 && err_occurred()) return VNULL;
    if (r->seq) {
        ssize_t n = obj_len(r->seq);
        if (n < 0) return VNULL;
        if (i < -1) i = -1;
        else if (i > n - 1) i = n - 1;
        r->index = i;
    }
    return VNone;
}

static const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reversed_reduce, 0, "Return state information for pickling."},
    {"__setstate__", reversed_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

Type type_reversed = {
    .hdr = {0, &type_type},
    .name = "reversed",
    .basicsize = sizeof(ReversedObject),
    .flags = TF_BASETYPE,
    .trace = reversed_trace,
    .new = reversed_new,
    .iter = iter_self,
    .iternext = reversed_next,
    .methods = reversed_methods,
    .doc = "Return a reverse iterator over the values of the given sequence.",
};
