/* range.c - range objects with arbitrary int bounds, and their fast and long iterators. */
#include "misc.h"
#include "tuple.h"
#include "int.h"
#include "dict.h"
#include "str.h"
#include "type.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"

/*
 * A range keeps start, stop, step and its length as int Values, so bounds
 * beyond 63 bits work (range(10**20)[5]).  Everything has a small-int fast
 * path; the iterator for ranges whose bounds are all small ints counts in
 * C integers, and a "longrange_iterator" handles the rest.
 */

static inline RangeObject *R(Value r) { return (RangeObject *)r; }
static inline bool all_small(Value a, Value b, Value c) { return val_is_int(a) && val_is_int(b) && val_is_int(c); }

/* The number of items, as an int Value. */
static Value compute_length(Value start, Value stop, Value step) {
    if (all_small(start, stop, step)) {
        intptr_t lo = val_int(start), hi = val_int(stop), st = val_int(step);
        /* 63-bit operands: differences fit in 64 bits. */
        if (st > 0) return val_from_int(lo < hi ? (intptr_t)(((uintptr_t)(hi - lo) - 1) / (uintptr_t)st + 1) : 0);
        return val_from_int(hi < lo ? (intptr_t)(((uintptr_t)(lo - hi) - 1) / (uintptr_t)(-st) + 1) : 0);
    }
    Value lo = start, hi = stop;
    if (int_sign(step) < 0) {
        lo = stop;
        hi = start;
        step = int_neg(step);
        if (!step) return VNULL;
    }
    if (int_compare(lo, hi) >= 0) return val_from_int(0);
    Value diff = int_sub(hi, lo);
    if (!diff) return VNULL;
    diff = int_sub(diff, val_from_int(1));
    if (!diff) return VNULL;
    Value q = int_floordiv(diff, step);
    if (!q) return VNULL;
    return int_add(q, val_from_int(1));
}

Value range_new(Value start, Value stop, Value step) {
    if (int_sign(step) == 0) {
        err_set(&exc_ValueError, "range() arg 3 must not be zero");
        return VNULL;
    }
    Value len = compute_length(start, stop, step);
    if (!len) return VNULL;
    RangeObject *r = gc_alloc(&type_range, sizeof(RangeObject));
    if (!r) return VNULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = len;
    return obj_val(r);
}

/* start + i * step */
static Value compute_item(RangeObject *r, Value i) {
    if (all_small(r->start, r->step, i)) {
        intptr_t a = val_int(r->start), s = val_int(r->step), k = val_int(i), p, v;
        if (!__builtin_mul_overflow(k, s, &p) && !__builtin_add_overflow(a, p, &v) && smallint_fits(v))
            return val_from_int(v);
    }
    if (r->step == val_from_int(1)) return int_add(r->start, i);
    Value p = int_mul(i, r->step);
    if (!p) return VNULL;
    return int_add(r->start, p);
}

/* ---- Slots ---- */

static void range_trace(Object *o) {
    RangeObject *r = (RangeObject *)o;
    gc_mark(r->start);
    gc_mark(r->stop);
    gc_mark(r->step);
    gc_mark(r->length);
}

static Value to_int(Value v) {
    if (val_is_int(v)) return v;
    Value r = num_index(v);
    if (!r) return VNULL;
    return int_normalize(r);
}

static Value range_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("range", kwnames) < 0) return VNULL;
    if (nargs == 0) {
        err_set(&exc_TypeError, "range expected at least 1 argument, got 0");
        return VNULL;
    }
    if (nargs > 3) {
        err_format(&exc_TypeError, "range expected at most 3 arguments, got %zu", nargs);
        return VNULL;
    }
    Value v[3];
    for (size_t i = 0; i < nargs; i++) {
        v[i] = to_int(args[i]);
        if (!v[i]) return VNULL;
    }
    if (nargs == 1) return range_new(val_from_int(0), v[0], val_from_int(1));
    return range_new(v[0], v[1], nargs == 3 ? v[2] : val_from_int(1));
}

static Value range_repr(Value self) {
    RangeObject *r = R(self);
    if (r->step == val_from_int(1)) return str_printf("range(%R, %R)", r->start, r->stop);
    return str_printf("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static ssize_t range_len(Value self) {
    /* Lengths past the tagged range still fit up to sys.maxsize. */
    return int_as_ssize(R(self)->length);
}

static int range_bool(Value self) { return R(self)->length != val_from_int(0); }

static int int_eq(Value a, Value b) { return a == b || (!val_is_int(a) && !val_is_int(b) && int_compare(a, b) == 0); }

static Value range_richcompare(Value a, Value b, int op) {
    if (val_type(a) != &type_range || val_type(b) != &type_range || (op != CMP_EQ && op != CMP_NE))
        return VNotImplemented;
    RangeObject *x = R(a), *y = R(b);
    bool eq;
    if (x == y) eq = true;
    else if (!int_eq(x->length, y->length)) eq = false;
    else if (x->length == val_from_int(0)) eq = true;
    else if (!int_eq(x->start, y->start)) eq = false;
    else if (x->length == val_from_int(1)) eq = true;
    else eq = int_eq(x->step, y->step);
    return val_bool(op == CMP_EQ ? eq : !eq);
}

/* hash((len, start, step)) with None for parts that do not matter. */
static hash_t range_hash(Value self) {
    RangeObject *r = R(self);
    Value t;
    if (r->length == val_from_int(0)) t = tuple_pack(3, r->length, VNone, VNone);
    else if (r->length == val_from_int(1)) t = tuple_pack(3, r->length, r->start, VNone);
    else t = tuple_pack(3, r->length, r->start, r->step);
    if (!t) return -1;
    return tuple_hash(t);
}

/* 1 if the int ob is one of the range's items. */
static int contains_int(RangeObject *r, Value ob) {
    if (all_small(r->start, r->stop, r->step) && val_is_int(ob)) {
        intptr_t x = val_int(ob), a = val_int(r->start), b = val_int(r->stop), s = val_int(r->step);
        if (s > 0 ? !(a <= x && x < b) : !(b < x && x <= a)) return 0;
        return (x - a) % s == 0;
    }
    int cmp1, cmp2;
    if (int_sign(r->step) > 0) {
        cmp1 = int_compare(r->start, ob) <= 0;
        cmp2 = int_compare(ob, r->stop) < 0;
    } else {
        cmp1 = int_compare(ob, r->start) <= 0;
        cmp2 = int_compare(r->stop, ob) < 0;
    }
    if (!cmp1 || !cmp2) return 0;
    Value d = int_sub(ob, r->start);
    if (!d) return -1;
    Value m = int_mod(d, r->step);
    if (!m) return -1;
    return int_sign(m) == 0;
}

static Value range_iter(Value self);

/* Search by iteration for non-int values (1.0 in range(3) is True). */
static ssize_t iter_search(Value self, Value ob, int mode, ssize_t *count) {
    Value it = range_iter(self);
    if (!it) return -1;
    ssize_t n = 0, i = 0;
    for (;; i++) {
        Value x = obj_next(it);
        if (!x) {
            if (err_occurred()) return -1;
            break;
        }
        int k = obj_richcompare_bool(x, ob, CMP_EQ);
        if (k < 0) return -1;
        if (k) {
            if (mode == 1) return i; /* index */
            n++;
        }
    }
    *count = n;
    return mode == 1 ? -2 : 0;
}

static int range_contains(Value self, Value ob) {
    if (int_check_exact(ob) || bool_check(ob)) return contains_int(R(self), int_normalize(ob));
    ssize_t c;
    ssize_t rc = iter_search(self, ob, 0, &c);
    if (rc < 0) return -1;
    return c > 0;
}

static Value range_subscript(Value self, Value key) {
    RangeObject *r = R(self);
    if (val_type(key) == &type_slice) {
        Value start, stop, step;
        if (slice_indices_value(key, r->length, &start, &stop, &step) < 0) return VNULL;
        Value substep = val_is_int(step) && val_is_int(r->step) && step == val_from_int(1) ? r->step : int_mul(r->step, step);
        if (!substep) return VNULL;
        Value substart = compute_item(r, start);
        Value substop = substart ? compute_item(r, stop) : VNULL;
        if (!substop) return VNULL;
        return range_new(substart, substop, substep);
    }
    if (!val_is_int(key) && !num_check_index(key)) {
        err_format(&exc_TypeError, "range indices must be integers or slices, not %s", type_name(key));
        return VNULL;
    }
    Value i = to_int(key);
    if (!i) return VNULL;
    if (val_is_int(i) && val_is_int(r->length)) {
        intptr_t k = val_int(i), n = val_int(r->length);
        if (k < 0) k += n;
        if (k < 0 || k >= n) goto out_of_range;
        return compute_item(r, val_from_int(k));
    }
    if (int_sign(i) < 0) {
        i = int_add(i, r->length);
        if (!i) return VNULL;
    }
    if (int_sign(i) < 0 || int_compare(i, r->length) >= 0) goto out_of_range;
    return compute_item(r, i);
out_of_range:
    err_set(&exc_IndexError, "range object index out of range");
    return VNULL;
}

/* ---- Methods ---- */

static Value m_count(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("range.count", kw) < 0 || arg_count("range.count", nargs, 1, 1) < 0) return VNULL;
    Value ob = args[0];
    if (int_check_exact(ob) || bool_check(ob)) {
        int k = contains_int(R(self), int_normalize(ob));
        if (k < 0) return VNULL;
        return val_from_int(k);
    }
    ssize_t c;
    if (iter_search(self, ob, 0, &c) < 0) return VNULL;
    return val_from_int(c);
}

static Value m_index(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("range.index", kw) < 0 || arg_count("range.index", nargs, 1, 1) < 0) return VNULL;
    RangeObject *r = R(self);
    Value ob = args[0];
    if (int_check_exact(ob) || bool_check(ob)) {
        Value x = int_normalize(ob);
        int k = contains_int(r, x);
        if (k < 0) return VNULL;
        if (k) {
            Value d = int_sub(x, r->start);
            if (!d) return VNULL;
            return int_floordiv(d, r->step);
        }
    } else {
        ssize_t c;
        ssize_t i = iter_search(self, ob, 1, &c);
        if (i >= 0) return val_from_int(i);
        if (i == -1) return VNULL;
        err_set(&exc_ValueError, "sequence.index(x): x not in sequence");
        return VNULL;
    }
    err_format(&exc_ValueError, "%R is not in range", ob);
    return VNULL;
}

static Value range_reversed_iter(RangeObject *r);

static Value m_reversed(Value self, Value *args, size_t nargs, Value kw) { return range_reversed_iter(R(self)); }

static Value m_reduce(Value self, Value *args, size_t nargs, Value kw) {
    RangeObject *r = R(self);
    Value a = tuple_pack(3, r->start, r->stop, r->step);
    if (!a) return VNULL;
    return tuple_pack(2, obj_val(&type_range), a);
}

static const MethodDef range_methods[] = {
    {"count", m_count, 0, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", m_index, 0, "rangeobject.index(value) -> integer -- return index of value.\n"
                          "Raise ValueError if the value is not present."},
    {"__reversed__", m_reversed, 0, "Return a reverse iterator."},
    {"__reduce__", m_reduce, 0, NULL},
    {NULL},
};

static const MemberDef range_members[] = {
    {"start", MEMBER_VALUE_RO, offsetof(RangeObject, start)},
    {"stop", MEMBER_VALUE_RO, offsetof(RangeObject, stop)},
    {"step", MEMBER_VALUE_RO, offsetof(RangeObject, step)},
    {NULL},
};

Type type_range = {
    .hdr = {0, &type_type},
    .name = "range",
    .flags = TF_SEQUENCE,
    .basicsize = sizeof(RangeObject),
    .trace = range_trace,
    .new = range_new_m,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .iter = range_iter,
    .len = range_len,
    .nb_bool = range_bool,
    .getitem = range_subscript,
    .contains = range_contains,
    .methods = range_methods,
    .members = range_members,
    .doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
           "Return an object that produces a sequence of integers from start (inclusive)\n"
           "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
           "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
           "These are exactly the valid indices for a list of 4 elements.\n"
           "When step is given, it specifies the increment (or decrement).",
};

/* ---- Iterators ---- */

/* Every item of a range with small-int bounds is a small int, so the fast
 * iterator needs no overflow checks. */
typedef struct RangeIterObject {
    Object hdr;
    intptr_t start, step;
    intptr_t len;        /* items left */
} RangeIterObject;

static Value iter_self(Value self) { return self; }

static Value rangeiter_next(Value self) {
    RangeIterObject *it = (RangeIterObject *)self;
    if (it->len <= 0) return VNULL;
    intptr_t v = it->start;
    it->len--;
    /* Computing the next start only while items remain keeps it in range. */
    if (it->len) it->start = v + it->step;
    return val_from_int(v);
}

static Value rangeiter_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    intptr_t n = ((RangeIterObject *)self)->len;
    return val_from_int(n > 0 ? n : 0);
}

static Value rangeiter_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    RangeIterObject *it = (RangeIterObject *)self;
    Value v = to_int(args[0]);
    if (!v) return VNULL;
    intptr_t n = val_is_int(v) ? val_int(v) : (int_sign(v) < 0 ? 0 : it->len);
    if (n < 0) n = 0;
    if (n > it->len) n = it->len;
    it->start += n * it->step;
    it->len -= n;
    return VNone;
}

/* (iter, (range(start, start + len*step, step),), 0): the range of what is left. */
static Value range_iter_reduce(Value start, Value step, Value len) {
    extern Value builtins_dict;
    Value fn = dict_get_cstr(builtins_dict, "iter");
    if (!fn) return VNULL;
    Value span = int_mul(len, step);
    Value stop = span ? int_add(start, span) : VNULL;
    Value r = stop ? range_new(start, stop, step) : VNULL;
    return r ? tuple_pack(3, fn, tuple_pack(1, r), val_from_int(0)) : VNULL;
}

static Value rangeiter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    RangeIterObject *it = (RangeIterObject *)self;
    return range_iter_reduce(val_from_int(it->start), val_from_int(it->step), val_from_int(it->len > 0 ? it->len : 0));
}

static const MethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", rangeiter_reduce, 0, "Return state information for pickling."},
    {"__setstate__", rangeiter_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

Type type_range_iter = {
    .hdr = {0, &type_type},
    .name = "range_iterator",
    .basicsize = sizeof(RangeIterObject),
    .iter = iter_self,
    .iternext = rangeiter_next,
    .methods = rangeiter_methods,
};

typedef struct LongRangeIterObject {
    Object hdr;
    Value start, step, len;   /* ints; len counts items left */
} LongRangeIterObject;

static void longrangeiter_trace(Object *o) {
    LongRangeIterObject *it = (LongRangeIterObject *)o;
    gc_mark(it->start);
    gc_mark(it->step);
    gc_mark(it->len);
}

static Value longrangeiter_next(Value self) {
    LongRangeIterObject *it = (LongRangeIterObject *)self;
    if (int_sign(it->len) <= 0) return VNULL;
    Value v = it->start;
    Value n = int_sub(it->len, val_from_int(1));
    if (!n) return VNULL;
    Value next = int_add(v, it->step);
    if (!next) return VNULL;
    it->len = n;
    it->start = next;
    return v;
}

static Value longrangeiter_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    return ((LongRangeIterObject *)self)->len;
}

static Value longrangeiter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    LongRangeIterObject *it = (LongRangeIterObject *)self;
    return range_iter_reduce(it->start, it->step, int_sign(it->len) > 0 ? it->len : val_from_int(0));
}

/* Skip n items (clamped to what is left), as rangeiter_setstate does. */
static Value longrangeiter_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    LongRangeIterObject *it = (LongRangeIterObject *)self;
    Value n = to_int(args[0]);
    if (!n) return VNULL;
    if (int_sign(n) < 0) n = val_from_int(0);
    if (int_compare(n, it->len) > 0) n = it->len;
    Value span = int_mul(n, it->step);
    Value start = span ? int_add(it->start, span) : VNULL;
    Value len = start ? int_sub(it->len, n) : VNULL;
    if (!len) return VNULL;
    GC_WRITE(self, it->start, start);
    GC_WRITE(self, it->len, len);
    return VNone;
}

static const MethodDef longrangeiter_methods[] = {
    {"__length_hint__", longrangeiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", longrangeiter_reduce, 0, "Return state information for pickling."},
    {"__setstate__", longrangeiter_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

static Type type_longrange_iter = {
    .hdr = {0, &type_type},
    .name = "longrange_iterator",
    .basicsize = sizeof(LongRangeIterObject),
    .trace = longrangeiter_trace,
    .iter = iter_self,
    .iternext = longrangeiter_next,
    .methods = longrangeiter_methods,
};

/* True when every item start + i*step (i < len) is a small int. */
static bool small_iteration(Value start, Value step, Value len) {
    if (!all_small(start, step, len)) return false;
    intptr_t n = val_int(len), p, last;
    if (n <= 0) return true;
    if (__builtin_mul_overflow(n - 1, val_int(step), &p) || __builtin_add_overflow(val_int(start), p, &last))
        return false;
    return smallint_fits(last);
}

static Value make_iter(Value start, Value step, Value len) {
    if (small_iteration(start, step, len)) {
        RangeIterObject *it = gc_alloc(&type_range_iter, sizeof(RangeIterObject));
        if (!it) return VNULL;
        it->start = val_int(start);
        it->step = val_int(step);
        it->len = val_int(len);
        return obj_val(it);
    }
    misc_ready_type(&type_longrange_iter);
    LongRangeIterObject *it = gc_alloc(&type_longrange_iter, sizeof(LongRangeIterObject));
    if (!it) return VNULL;
    it->start = start;
    it->step = step;
    it->len = len;
    return obj_val(it);
}

static Value range_iter(Value self) {
    RangeObject *r = R(self);
    return make_iter(r->start, r->step, r->length);
}

/* Iterate from the last item backwards. */
static Value range_reversed_iter(RangeObject *r) {
    if (r->length == val_from_int(0)) return make_iter(r->start, r->step, r->length);
    Value nm1 = int_sub(r->length, val_from_int(1));
    if (!nm1) return VNULL;
    Value last = compute_item(r, nm1);
    if (!last) return VNULL;
    /* int_neg, not val_from_int(-x): -SMALLINT_MIN is not small. */
    Value step = int_neg(r->step);
    if (!step) return VNULL;
    return make_iter(last, step, r->length);
}
