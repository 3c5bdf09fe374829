/* itertools_comb.c - itertools' combinatoric iterators (product, permutations, combinations) and tee. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/func.h"
#include "../vm/code.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"
#include "itertools.h"

/*
 * The combinatoric iterators keep their index vectors in a GC blob (raw
 * ssize_t, no Values) and yield a fresh tuple each time, built from the
 * previous one where only the changed positions differ, in CPython's
 * order.  Their first result is computed lazily on the first __next__.
 */

/* A zeroed vector of n ssize_t in a blob the owner keeps alive through *holder. */
static ssize_t *index_vector(Value *holder, size_t n) {
    Value b = blob_new(n ? n * sizeof(ssize_t) : 1);
    if (!b) return NULL;
    *holder = b;
    return (ssize_t *)((BlobObject *)b)->data;
}

/* The r argument of permutations/combinations: an int >= 0. */
static int get_r(Value v, const char *type_msg, ssize_t *out) {
    if (type_msg && !int_check(v)) {
        err_set(&exc_TypeError, type_msg);
        return -1;
    }
    if (dm_ssize(v, out) < 0) return -1;
    if (*out < 0) {
        err_set(&exc_ValueError, "r must be non-negative");
        return -1;
    }
    return 0;
}

/* A tuple of the first n entries of an index vector. */
static Value index_tuple(const ssize_t *ix, ssize_t n) {
    Value t = tuple_new((size_t)n);
    if (!t) return VNULL;
    for (ssize_t i = 0; i < n; i++) {
        Value v = int_from_i64(ix[i]);
        if (!v) return VNULL;
        tuple_items(t)[i] = v;
    }
    return t;
}

/* Entry i of a __setstate__ tuple as a C index: -1 with an error if it is no int. */
static int state_index(Value st, ssize_t i, ssize_t *out) {
    *out = num_as_ssize(tuple_get(st, i), &exc_OverflowError);
    return *out == -1 && err_occurred() ? -1 : 0;
}

/* The result tuple pool[ix[0]], ..., pool[ix[r-1]] that __setstate__ restores. */
static Value result_from_indices(Value pool, const ssize_t *ix, ssize_t r) {
    Value t = tuple_new((size_t)r);
    if (!t) return VNULL;
    for (ssize_t i = 0; i < r; i++) tuple_items(t)[i] = tuple_get(pool, ix[i]);
    return t;
}

/* A copy of the previous result tuple to update. */
static Value copy_result(Value prev) { return tuple_from_array(tuple_items(prev), (size_t)tuple_size(prev)); }

/* ---- product ---- */

typedef struct ProductObject {
    Object hdr;
    Value pools;       /* tuple of tuples */
    Value ibuf;        /* blob holding indices */
    ssize_t *indices;
    Value result;      /* the last tuple yielded, VNULL before the first */
    bool stopped;
} ProductObject;

static void product_trace(Object *o) {
    ProductObject *p = (ProductObject *)o;
    gc_mark(p->pools);
    gc_mark(p->ibuf);
    gc_mark(p->result);
}

static Value product_new(Type *t, Value *args, size_t nargs, Value kw) {
    ssize_t repeat = 1;
    if (kw && tuple_size(kw) > 0) {
        if (tuple_size(kw) > 1) {
            err_format(&exc_TypeError, "product() takes at most 1 keyword argument (%zd given)", tuple_size(kw));
            return VNULL;
        }
        Value k = tuple_get(kw, 0);
        if (!str_eq_cstr(k, "repeat")) {
            err_format(&exc_TypeError, "'%U' is an invalid keyword argument for product()", k);
            return VNULL;
        }
        if (dm_ssize(args[nargs], &repeat) < 0) return VNULL;
        if (repeat < 0) {
            err_set(&exc_ValueError, "repeat argument cannot be negative");
            return VNULL;
        }
    }
    size_t n = repeat == 0 ? 0 : nargs;
    if (n && (size_t)repeat > ((size_t)1 << 40) / n) {
        err_set(&exc_OverflowError, "repeat argument too large");
        return VNULL;
    }
    size_t npools = n * (size_t)repeat;
    Value pools = tuple_new(npools);
    if (!pools) return VNULL;
    for (size_t i = 0; i < n; i++) {
        Value pool = tuple_check_exact(args[i]) ? args[i] : tuple_from_iterable(args[i]);
        if (!pool) return VNULL;
        tuple_items(pools)[i] = pool;
    }
    for (size_t i = n; i < npools; i++) tuple_items(pools)[i] = tuple_get(pools, (ssize_t)(i - n));
    ProductObject *p = itertools_alloc(t);
    if (!p) return VNULL;
    p->pools = pools;
    p->indices = index_vector(&p->ibuf, npools);
    return p->indices ? obj_val(p) : VNULL;
}

static Value product_next(Value self) {
    ProductObject *p = (ProductObject *)self;
    if (p->stopped) return VNULL;
    ssize_t npools = tuple_size(p->pools);
    Value r;
    if (!p->result) {
        r = tuple_new((size_t)npools);
        if (!r) return VNULL;
        for (ssize_t i = 0; i < npools; i++) {
            Value pool = tuple_get(p->pools, i);
            if (tuple_size(pool) == 0) goto empty;
            tuple_items(r)[i] = tuple_get(pool, 0);
        }
    } else {
        r = copy_result(p->result);
        if (!r) return VNULL;
        /* Advance the indices right to left, like an odometer. */
        ssize_t i;
        for (i = npools - 1; i >= 0; i--) {
            Value pool = tuple_get(p->pools, i);
            if (++p->indices[i] == tuple_size(pool)) {
                p->indices[i] = 0;
                tuple_items(r)[i] = tuple_get(pool, 0);
            } else {
                tuple_items(r)[i] = tuple_get(pool, p->indices[i]);
                break;
            }
        }
        if (i < 0) goto empty;
    }
    GC_WRITE(self, p->result, r);
    return r;
empty:
    p->stopped = true;
    return VNULL;
}

/* CPython 3.11's pickling: product(*pools), plus the indices once started. */
static Value product_reduce(Value self, Value *args, size_t nargs, Value kw) {
    ProductObject *p = (ProductObject *)self;
    Value t = obj_val(val_type(self));
    if (p->stopped) return tuple_pack(2, t, tuple_pack(1, tuple_empty()));
    if (!p->result) return tuple_pack(2, t, p->pools);
    Value ix = index_tuple(p->indices, tuple_size(p->pools));
    return ix ? tuple_pack(3, t, p->pools, ix) : VNULL;
}

static Value product_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    ProductObject *p = (ProductObject *)self;
    Value st = args[0];
    ssize_t n = tuple_size(p->pools);
    if (!tuple_check(st) || tuple_size(st) != n) {
        err_set(&exc_ValueError, "invalid arguments");
        return VNULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        ssize_t index;
        if (state_index(st, i, &index) < 0) return VNULL;
        ssize_t size = tuple_size(tuple_get(p->pools, i));
        if (size == 0) {
            p->stopped = true;
            return VNone;
        }
        p->indices[i] = index < 0 ? 0 : index > size - 1 ? size - 1 : index;
    }
    Value r = tuple_new((size_t)n);
    if (!r) return VNULL;
    for (ssize_t i = 0; i < n; i++) tuple_items(r)[i] = tuple_get(tuple_get(p->pools, i), p->indices[i]);
    GC_WRITE(self, p->result, r);
    return VNone;
}

static const MethodDef product_methods[] = {
    {"__reduce__", product_reduce, 0, "Return state information for pickling."},
    {"__setstate__", product_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

Type type_product = {
    .hdr = {0, &type_type},
    .name = "itertools.product",
    .basicsize = sizeof(ProductObject),
    .flags = TF_BASETYPE,
    .trace = product_trace,
    .new = product_new,
    .iter = itertools_self_iter,
    .iternext = product_next,
    .methods = product_methods,
    .doc = "product(*iterables, repeat=1) --> product object\n\n"
           "Cartesian product of input iterables.  Equivalent to nested for-loops.\n\n"
           "For example, product(A, B) returns the same as:  ((x,y) for x in A for y in B).\n"
           "The leftmost iterators are in the outermost for-loop, so the output tuples\n"
           "cycle in a manner similar to an odometer (with the rightmost element changing\n"
           "on every iteration).\n\n"
           "To compute the product of an iterable with itself, specify the number\n"
           "of repetitions with the optional repeat keyword argument. For example,\n"
           "product(A, repeat=4) means the same as product(A, A, A, A).\n\n"
           "product('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)\n"
           "product((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ...",
};

/* ---- combinations and combinations_with_replacement ---- */

typedef struct CombObject {
    Object hdr;
    Value pool;        /* tuple */
    Value ibuf;
    ssize_t *indices;  /* r entries */
    Value result;
    ssize_t r;
    bool stopped;
} CombObject;

static void comb_trace(Object *o) {
    CombObject *c = (CombObject *)o;
    gc_mark(c->pool);
    gc_mark(c->ibuf);
    gc_mark(c->result);
}

static Value comb_common(Type *t, const char *name, Value *args, size_t nargs, Value kw, bool repl) {
    static const char *const names[] = {"iterable", "r", NULL};
    Value a[2];
    if (dm_parse(name, args, nargs, kw, names, 0, 2, 2, a) < 0) return VNULL;
    Value pool = tuple_from_iterable(a[0]);
    if (!pool) return VNULL;
    ssize_t r;
    if (get_r(a[1], NULL, &r) < 0) return VNULL;
    CombObject *c = itertools_alloc(t);
    if (!c) return VNULL;
    c->pool = pool;
    c->r = r;
    c->indices = index_vector(&c->ibuf, (size_t)r);
    if (!c->indices) return VNULL;
    ssize_t n = tuple_size(pool);
    for (ssize_t i = 0; i < r; i++) c->indices[i] = repl ? 0 : i;
    c->stopped = repl ? (n == 0 && r > 0) : r > n;
    return obj_val(c);
}

static Value combinations_new(Type *t, Value *args, size_t nargs, Value kw) {
    return comb_common(t, "combinations", args, nargs, kw, false);
}

static Value combinations_next(Value self) {
    CombObject *c = (CombObject *)self;
    if (c->stopped) return VNULL;
    ssize_t r = c->r, n = tuple_size(c->pool), *ix = c->indices;
    Value r_t;
    if (!c->result) {
        r_t = tuple_new((size_t)r);
        if (!r_t) return VNULL;
        for (ssize_t i = 0; i < r; i++) tuple_items(r_t)[i] = tuple_get(c->pool, ix[i]);
    } else {
        /* The rightmost index not at its maximum (i + n - r) moves up one;
         * those right of it follow on consecutively. */
        ssize_t i;
        for (i = r - 1; i >= 0 && ix[i] == i + n - r; i--)
            ;
        if (i < 0) {
            c->stopped = true;
            return VNULL;
        }
        r_t = copy_result(c->result);
        if (!r_t) return VNULL;
        ix[i]++;
        for (ssize_t j = i + 1; j < r; j++) ix[j] = ix[j - 1] + 1;
        for (; i < r; i++) tuple_items(r_t)[i] = tuple_get(c->pool, ix[i]);
    }
    GC_WRITE(self, c->result, r_t);
    return r_t;
}

static Value cwr_new(Type *t, Value *args, size_t nargs, Value kw) {
    return comb_common(t, "combinations_with_replacement", args, nargs, kw, true);
}

static Value cwr_next(Value self) {
    CombObject *c = (CombObject *)self;
    if (c->stopped) return VNULL;
    ssize_t r = c->r, n = tuple_size(c->pool), *ix = c->indices;
    Value r_t;
    if (!c->result) {
        r_t = tuple_new((size_t)r);
        if (!r_t) return VNULL;
        for (ssize_t i = 0; i < r; i++) tuple_items(r_t)[i] = tuple_get(c->pool, 0);
    } else {
        /* The rightmost index below n - 1 moves up one; all right of it take its value. */
        ssize_t i;
        for (i = r - 1; i >= 0 && ix[i] == n - 1; i--)
            ;
        if (i < 0) {
            c->stopped = true;
            return VNULL;
        }
        r_t = copy_result(c->result);
        if (!r_t) return VNULL;
        ssize_t index = ix[i] + 1;
        Value elem = tuple_get(c->pool, index);
        for (; i < r; i++) {
            ix[i] = index;
            tuple_items(r_t)[i] = elem;
        }
    }
    GC_WRITE(self, c->result, r_t);
    return r_t;
}

/* (type, (pool, r)), (type, ((), r)) once stopped, else with the indices as state. */
static Value comb_reduce(Value self, Value *args, size_t nargs, Value kw) {
    CombObject *c = (CombObject *)self;
    Value t = obj_val(val_type(self)), r = int_from_i64(c->r);
    if (!c->result) return tuple_pack(2, t, tuple_pack(2, c->pool, r));
    if (c->stopped) return tuple_pack(2, t, tuple_pack(2, tuple_empty(), r));
    Value ix = index_tuple(c->indices, c->r);
    return ix ? tuple_pack(3, t, tuple_pack(2, c->pool, r), ix) : VNULL;
}

/* Clamped as CPython clamps them: combinations to i + n - r, the
 * replacement variant to n - 1.  With no combination at all, it stops. */
static Value comb_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    CombObject *c = (CombObject *)self;
    Value st = args[0];
    bool repl = type_is_subtype(val_type(self), &type_cwr);
    ssize_t n = tuple_size(c->pool);
    if (!tuple_check(st) || tuple_size(st) != c->r) {
        err_set(&exc_ValueError, "invalid arguments");
        return VNULL;
    }
    if (repl ? (n == 0 && c->r > 0) : c->r > n) {
        c->stopped = true;
        return VNone;
    }
    for (ssize_t i = 0; i < c->r; i++) {
        ssize_t index;
        if (state_index(st, i, &index) < 0) return VNULL;
        if (repl) {
            if (index < 0) index = 0;
            else if (index > n - 1) index = n - 1;
        } else {
            ssize_t max = i + n - c->r;
            if (index > max) index = max;
            if (index < 0) index = 0;
        }
        c->indices[i] = index;
    }
    Value r = result_from_indices(c->pool, c->indices, c->r);
    if (!r) return VNULL;
    GC_WRITE(self, c->result, r);
    return VNone;
}

static const MethodDef comb_methods[] = {
    {"__reduce__", comb_reduce, 0, "Return state information for pickling."},
    {"__setstate__", comb_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

Type type_combinations = {
    .hdr = {0, &type_type},
    .name = "itertools.combinations",
    .basicsize = sizeof(CombObject),
    .flags = TF_BASETYPE,
    .trace = comb_trace,
    .new = combinations_new,
    .iter = itertools_self_iter,
    .iternext = combinations_next,
    .methods = comb_methods,
    .doc = "Return successive r-length combinations of elements in the iterable.\n\n"
           "combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)",
};

Type type_cwr = {
    .hdr = {0, &type_type},
    .name = "itertools.combinations_with_replacement",
    .basicsize = sizeof(CombObject),
    .flags = TF_BASETYPE,
    .trace = comb_trace,
    .new = cwr_new,
    .iter = itertools_self_iter,
    .iternext = cwr_next,
    .methods = comb_methods,
    .doc = "Return successive r-length combinations of elements in the iterable allowing individual "
           "elements to have successive repeats.\n\n"
           "combinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), "
           "('B','C'), ('C','C')",
};

/* ---- permutations ---- */

typedef struct PermObject {
    Object hdr;
    Value pool;
    Value ibuf, cbuf;
    ssize_t *indices;  /* n entries */
    ssize_t *cycles;   /* r entries */
    Value result;
    ssize_t r;
    bool stopped;
} PermObject;

static void perm_trace(Object *o) {
    PermObject *p = (PermObject *)o;
    gc_mark(p->pool);
    gc_mark(p->ibuf);
    gc_mark(p->cbuf);
    gc_mark(p->result);
}

static Value permutations_new(Type *t, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"iterable", "r", NULL};
    Value a[2];
    if (dm_parse("permutations", args, nargs, kw, names, 0, 2, 1, a) < 0) return VNULL;
    Value pool = tuple_from_iterable(a[0]);
    if (!pool) return VNULL;
    ssize_t n = tuple_size(pool), r = n;
    if (a[1] && a[1] != VNone && get_r(a[1], "Expected int as r", &r) < 0) return VNULL;
    PermObject *p = itertools_alloc(t);
    if (!p) return VNULL;
    p->pool = pool;
    p->r = r;
    p->indices = index_vector(&p->ibuf, (size_t)n);
    if (!p->indices) return VNULL;
    p->cycles = index_vector(&p->cbuf, (size_t)r);
    if (!p->cycles) return VNULL;
    for (ssize_t i = 0; i < n; i++) p->indices[i] = i;
    for (ssize_t i = 0; i < r; i++) p->cycles[i] = n - i;
    p->stopped = r > n;
    return obj_val(p);
}

static Value permutations_next(Value self) {
    PermObject *p = (PermObject *)self;
    if (p->stopped) return VNULL;
    ssize_t r = p->r, n = tuple_size(p->pool), *ix = p->indices, *cy = p->cycles;
    Value r_t;
    if (!p->result) {
        r_t = tuple_new((size_t)r);
        if (!r_t) return VNULL;
        for (ssize_t i = 0; i < r; i++) tuple_items(r_t)[i] = tuple_get(p->pool, ix[i]);
    } else {
        if (n == 0) goto empty;
        r_t = copy_result(p->result);
        if (!r_t) return VNULL;
        /* Decrement the rightmost cycle, moving left on each rollover. */
        ssize_t i;
        for (i = r - 1; i >= 0; i--) {
            if (--cy[i] == 0) {
                /* indices[i:] = indices[i+1:] + indices[i:i+1] */
                ssize_t index = ix[i];
                for (ssize_t j = i; j < n - 1; j++) ix[j] = ix[j + 1];
                ix[n - 1] = index;
                cy[i] = n - i;
            } else {
                ssize_t j = cy[i], index = ix[i];
                ix[i] = ix[n - j];
                ix[n - j] = index;
                for (ssize_t k = i; k < r; k++) tuple_items(r_t)[k] = tuple_get(p->pool, ix[k]);
                break;
            }
        }
        if (i < 0) goto empty;
    }
    GC_WRITE(self, p->result, r_t);
    return r_t;
empty:
    p->stopped = true;
    return VNULL;
}

/* (type, (pool, r)), (type, ((), r)) once stopped, else with (indices, cycles). */
static Value perm_reduce(Value self, Value *args, size_t nargs, Value kw) {
    PermObject *p = (PermObject *)self;
    Value t = obj_val(val_type(self)), r = int_from_i64(p->r);
    if (!p->result) return tuple_pack(2, t, tuple_pack(2, p->pool, r));
    if (p->stopped) return tuple_pack(2, t, tuple_pack(2, tuple_empty(), r));
    Value ix = index_tuple(p->indices, tuple_size(p->pool));
    Value cy = ix ? index_tuple(p->cycles, p->r) : VNULL;
    Value st = cy ? tuple_pack(2, ix, cy) : VNULL;
    return st ? tuple_pack(3, t, tuple_pack(2, p->pool, r), st) : VNULL;
}

static Value perm_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    PermObject *p = (PermObject *)self;
    Value st = args[0];
    if (!tuple_check(st)) {
        err_set(&exc_TypeError, "state is not a tuple");
        return VNULL;
    }
    if (tuple_size(st) != 2) {
        err_format(&exc_TypeError, "function takes exactly 2 arguments (%zd given)", tuple_size(st));
        return VNULL;
    }
    Value ix = tuple_get(st, 0), cy = tuple_get(st, 1);
    if (!tuple_check(ix) || !tuple_check(cy)) {
        err_format(&exc_TypeError, "argument %d must be tuple, not %T", tuple_check(ix) ? 2 : 1,
                   tuple_check(ix) ? cy : ix);
        return VNULL;
    }
    ssize_t n = tuple_size(p->pool);
    if (tuple_size(ix) != n || tuple_size(cy) != p->r) {
        err_set(&exc_ValueError, "invalid arguments");
        return VNULL;
    }
    if (p->r > n) {
        p->stopped = true;
        return VNone;
    }
    for (ssize_t i = 0; i < n; i++) {
        ssize_t index;
        if (state_index(ix, i, &index) < 0) return VNULL;
        p->indices[i] = index < 0 ? 0 : index > n - 1 ? n - 1 : index;
    }
    for (ssize_t i = 0; i < p->r; i++) {
        ssize_t index;
        if (state_index(cy, i, &index) < 0) return VNULL;
        p->cycles[i] = index < 1 ? 1 : index > n - i ? n - i : index;
    }
    Value r = result_from_indices(p->pool, p->indices, p->r);
    if (!r) return VNULL;
    GC_WRITE(self, p->result, r);
    return VNone;
}

static const MethodDef perm_methods[] = {
    {"__reduce__", perm_reduce, 0, "Return state information for pickling."},
    {"__setstate__", perm_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

Type type_permutations = {
    .hdr = {0, &type_type},
    .name = "itertools.permutations",
    .basicsize = sizeof(PermObject),
    .flags = TF_BASETYPE,
    .trace = perm_trace,
    .new = permutations_new,
    .iter = itertools_self_iter,
    .iternext = permutations_next,
    .methods = perm_methods,
    .doc = "Return successive r-length permutations of elements in the iterable.\n\n"
           "permutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)",
};

/* ---- tee ---- */

/*
 * The tee iterators of one tee() call share a singly linked list of
 * data objects, each buffering LINKCELLS values read from the source;
 * a tee iterator is a (data object, index) cursor into it, so values
 * are kept only while some iterator still has to yield them.
 */
#define LINKCELLS 57

typedef struct TeeDataObject {
    Object hdr;
    Value it;
    Value nextlink;   /* the following data object, or VNULL */
    int numread;
    bool running;
    Value values[LINKCELLS];
} TeeDataObject;

typedef struct TeeObject {
    Object hdr;
    Value dataobj;
    int index;
} TeeObject;

static void teedata_trace(Object *o) {
    TeeDataObject *d = (TeeDataObject *)o;
    gc_mark(d->it);
    gc_mark(d->nextlink);
    gc_mark_range(d->values, (size_t)d->numread);
}

static void tee_trace(Object *o) { gc_mark(((TeeObject *)o)->dataobj); }

static Value teedata_make(Value it) {
    TeeDataObject *d = gc_alloc(&type_teedata, sizeof(TeeDataObject));
    if (!d) return VNULL;
    d->it = it;
    return obj_val(d);
}

static Value teedata_getitem(TeeDataObject *d, int i) {
    if (i < d->numread) return d->values[i];
    /* This is the lead iterator: read the next value from the source. */
    if (d->running) {
        err_set(&exc_RuntimeError, "cannot re-enter the tee iterator");
        return VNULL;
    }
    d->running = true;
    Value v = obj_next(d->it);
    d->running = false;
    if (!v) return VNULL;
    GC_WRITE(d, d->values[d->numread], v);
    d->numread++;
    return v;
}

static Value teedata_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("teedataobject", kw) < 0 || dm_positional("teedataobject", nargs, 3, 3) < 0) return VNULL;
    Value it = obj_iter(args[0]);
    if (!it) return VNULL;
    TeeDataObject *d = (TeeDataObject *)teedata_make(it);
    if (!d) return VNULL;
    if (!list_check(args[1])) {
        err_format(&exc_TypeError, "teedataobject() argument 2 must be list, not %s", type_name(args[1]));
        return VNULL;
    }
    ssize_t n = list_size(args[1]);
    if (n > LINKCELLS) {
        err_set(&exc_ValueError, "too many values");
        return VNULL;
    }
    for (ssize_t i = 0; i < n; i++) d->values[i] = list_get(args[1], i);
    d->numread = (int)n;
    if (args[2] != VNone) {
        if (val_type(args[2]) != &type_teedata) {
            err_set(&exc_ValueError, "_tee_dataobject next link must be a _tee_dataobject");
            return VNULL;
        }
        if (n < LINKCELLS) {
            err_set(&exc_ValueError, "_tee_dataobject should not have more links");
            return VNULL;
        }
        d->nextlink = args[2];
    }
    return obj_val(d);
}

/* (_tee_dataobject, (it, values read, next link or None)). */
static Value teedata_reduce(Value self, Value *args, size_t nargs, Value kw) {
    TeeDataObject *d = (TeeDataObject *)self;
    Value values = list_new((size_t)d->numread);
    if (!values) return VNULL;
    for (int i = 0; i < d->numread; i++)
        if (list_append(values, d->values[i]) < 0) return VNULL;
    Value a = tuple_pack(3, d->it, values, d->nextlink ? d->nextlink : VNone);
    return a ? tuple_pack(2, obj_val(val_type(self)), a) : VNULL;
}

static const MethodDef teedata_methods[] = {
    {"__reduce__", teedata_reduce, 0, "Return state information for pickling."},
    {NULL},
};

Type type_teedata = {
    .hdr = {0, &type_type},
    .name = "itertools._tee_dataobject",
    .basicsize = sizeof(TeeDataObject),
    .trace = teedata_trace,
    .new = teedata_new,
    .methods = teedata_methods,
    .doc = "teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects.",
};

static Value tee_make(Value dataobj, int index) {
    TeeObject *t = gc_alloc(&type_tee, sizeof(TeeObject));
    if (!t) return VNULL;
    t->dataobj = dataobj;
    t->index = index;
    return obj_val(t);
}

static Value tee_copy(Value self, Value *args, size_t nargs, Value kw) {
    TeeObject *t = (TeeObject *)self;
    return tee_make(t->dataobj, t->index);
}

static Value tee_fromiterable(Value iterable) {
    Value it = obj_iter(iterable);
    if (!it) return VNULL;
    if (val_type(it) == &type_tee) return tee_copy(it, NULL, 0, VNULL);
    Value d = teedata_make(it);
    return d ? tee_make(d, 0) : VNULL;
}

static Value tee_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_tee", kw) < 0 || dm_positional("_tee", nargs, 1, 1) < 0) return VNULL;
    return tee_fromiterable(args[0]);
}

static Value tee_next(Value self) {
    TeeObject *t = (TeeObject *)self;
    if (t->index >= LINKCELLS) {
        TeeDataObject *d = (TeeDataObject *)t->dataobj;
        if (!d->nextlink) {
            GC_WRITE(d, d->nextlink, teedata_make(d->it));
            if (!d->nextlink) return VNULL;
        }
        GC_WRITE(self, t->dataobj, d->nextlink);
        t->index = 0;
    }
    Value v = teedata_getitem((TeeDataObject *)t->dataobj, t->index);
    if (!v) return VNULL;
    t->index++;
    return v;
}

/* (_tee, ((),), (dataobj, index)): an empty _tee given the cursor by __setstate__. */
static Value tee_reduce(Value self, Value *args, size_t nargs, Value kw) {
    TeeObject *t = (TeeObject *)self;
    Value st = tuple_pack(2, t->dataobj, val_from_int(t->index));
    Value a = st ? tuple_pack(1, tuple_empty()) : VNULL;
    return a ? tuple_pack(3, obj_val(val_type(self)), a, st) : VNULL;
}

static Value tee_setstate(Value self, Value *args, size_t nargs, Value kw) {
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
    Value d = tuple_get(st, 0);
    if (val_type(d) != &type_teedata) {
        err_format(&exc_TypeError, "argument 1 must be itertools._tee_dataobject, not %T", d);
        return VNULL;
    }
    ssize_t index;
    if (dm_ssize(tuple_get(st, 1), &index) < 0) return VNULL;
    if (index < 0 || index > LINKCELLS) {
        err_set(&exc_ValueError, "Index out of range");
        return VNULL;
    }
    TeeObject *t = (TeeObject *)self;
    GC_WRITE(self, t->dataobj, d);
    t->index = (int)index;
    return VNone;
}

static const MethodDef tee_methods[] = {
    {"__copy__", tee_copy, 0, "Returns an independent iterator."},
    {"__reduce__", tee_reduce, 0, "Return state information for pickling."},
    {"__setstate__", tee_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

Type type_tee = {
    .hdr = {0, &type_type},
    .name = "itertools._tee",
    .basicsize = sizeof(TeeObject),
    .flags = TF_WEAKREFABLE,
    .trace = tee_trace,
    .new = tee_new,
    .iter = itertools_self_iter,
    .iternext = tee_next,
    .methods = tee_methods,
    .doc = "Iterator wrapped to make it copyable.",
};

/* tee(iterable, n=2, /): n iterators, copies of the first (which may be the input itself when it has __copy__). */
Value itertools_tee_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("itertools.tee", kw) < 0 || dm_positional("tee", nargs, 1, 2) < 0) return VNULL;
    ssize_t n = 2;
    if (nargs > 1 && dm_ssize(args[1], &n) < 0) return VNULL;
    if (n < 0) {
        err_set(&exc_ValueError, "n must be >= 0");
        return VNULL;
    }
    Value result = tuple_new((size_t)n);
    if (!result || n == 0) return result;
    Value it = obj_iter(args[0]);
    if (!it) return VNULL;
    Value copyfunc = obj_getattr_opt(it, str_intern_cstr("__copy__"));
    if (!copyfunc && err_occurred()) return VNULL;
    Value copyable = it;
    if (!copyfunc) {
        copyable = tee_fromiterable(it);
        if (!copyable) return VNULL;
        copyfunc = obj_getattr_cstr(copyable, "__copy__");
        if (!copyfunc) return VNULL;
    }
    tuple_items(result)[0] = copyable;
    for (ssize_t i = 1; i < n; i++) {
        Value c = obj_call0(copyfunc);
        if (!c) return VNULL;
        tuple_items(result)[i] = c;
    }
    return result;
}
