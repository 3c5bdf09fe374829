/* tuple.c - tuple: immutable Value arrays inline in the object, CPython's hash, the tuple iterator. */
#include "tuple.h"
#include "dict.h"
#include "list.h"
#include "misc.h"
#include "int.h"
#include "str.h"
#include "type.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include <stdarg.h>

/*
 * A tuple's items follow its header, like CPython's PyTupleObject, so
 * extension code can read them with PyTuple_GET_ITEM.  There is one empty
 * tuple, a static object.  Subclass instances (namedtuples) use the same
 * layout with their attribute slots after the items (type_generic_alloc).
 */

static TupleObject empty_tuple = {{0, &type_tuple}, 0};

static inline TupleObject *T(Value t) { return (TupleObject *)t; }

Value tuple_empty(void) { return obj_val(&empty_tuple); }

Value tuple_new(size_t n) {
    if (n == 0) return obj_val(&empty_tuple);
    if (n > ((size_t)1 << 58)) {
        err_no_memory();
        return VNULL;
    }
    TupleObject *t = gc_alloc(&type_tuple, sizeof(TupleObject) + n * sizeof(Value));
    if (!t) return VNULL;
    t->size = (ssize_t)n;
    return obj_val(t);
}

Value tuple_from_array(const Value *items, size_t n) {
    Value t = tuple_new(n);
    if (t && n) memcpy(T(t)->items, items, n * sizeof(Value));
    return t;
}

Value tuple_pack(size_t n, ...) {
    Value t = tuple_new(n);
    if (!t) return VNULL;
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) T(t)->items[i] = va_arg(ap, Value);
    va_end(ap);
    return t;
}

Value tuple_from_iterable(Value it) {
    if (tuple_check_exact(it)) return it;
    if (list_check_exact(it)) return list_as_tuple(it);
    Value l = list_from_iterable(it);
    if (!l) return VNULL;
    return list_as_tuple(l);
}

Value tuple_slice(Value t, ssize_t start, ssize_t stop) {
    ssize_t n = T(t)->size;
    if (start < 0) start = 0;
    if (stop > n) stop = n;
    if (stop < start) stop = start;
    if (start == 0 && stop == n && tuple_check_exact(t)) return t;
    return tuple_from_array(T(t)->items + start, (size_t)(stop - start));
}

Value tuple_concat(Value a, Value b) {
    if (!tuple_check(b)) {
        err_format(&exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple", type_name(b));
        return VNULL;
    }
    ssize_t na = T(a)->size, nb = T(b)->size;
    if (nb == 0 && tuple_check_exact(a)) return a;
    if (na == 0 && tuple_check_exact(b)) return b;
    Value r = tuple_new((size_t)(na + nb));
    if (!r) return VNULL;
    memcpy(T(r)->items, T(a)->items, na * sizeof(Value));
    memcpy(T(r)->items + na, T(b)->items, nb * sizeof(Value));
    return r;
}

/* CPython 3.11's tuple hash: xxHash's round function over the item hashes,
 * so hash((1, 2)) is the same number in both implementations. */
#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

hash_t tuple_hash(Value t) {
    ssize_t n = T(t)->size;
    const Value *items = T(t)->items;
    uint64_t acc = XXPRIME_5;
    for (ssize_t i = 0; i < n; i++) {
        hash_t h = obj_hash(items[i]);
        if (h == -1) return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (hash_t)acc;
}

/* ---- Slots ---- */

static void tuple_trace(Object *o) {
    TupleObject *t = (TupleObject *)o;
    gc_mark_range(t->items, (size_t)t->size);
}

static Value tuple_repr(Value self) {
    ssize_t n = T(self)->size;
    if (n == 0) return str_from_cstr("()");
    /* A tuple cannot contain itself directly, but a list inside it can. */
    int r = list_repr_enter(self);
    if (r != 0) return r > 0 ? str_from_cstr("(...)") : VNULL;
    StrBuilder sb;
    sb_init(&sb);
    sb_append_char(&sb, '(');
    for (ssize_t i = 0; i < n; i++) {
        if (i) sb_append(&sb, ", ", 2);
        if (sb_append_repr(&sb, T(self)->items[i]) < 0) {
            sb_discard(&sb);
            list_repr_leave(self);
            return VNULL;
        }
    }
    if (n == 1) sb_append_char(&sb, ',');
    sb_append_char(&sb, ')');
    list_repr_leave(self);
    return sb_finish(&sb);
}

static ssize_t tuple_len(Value self) { return T(self)->size; }

static Value tuple_richcompare(Value a, Value b, int op) {
    if (!tuple_check(a) || !tuple_check(b)) return VNotImplemented;
    TupleObject *v = T(a), *w = T(b);
    ssize_t vs = v->size, ws = w->size, i;
    for (i = 0; i < vs && i < ws; i++) {
        Value x = v->items[i], y = w->items[i];
        if (x == y) continue;
        int k = obj_richcompare_bool(x, y, CMP_EQ);
        if (k < 0) return VNULL;
        if (!k) break;
    }
    if (i >= vs || i >= ws) {
        bool r;
        switch (op) {
        case CMP_LT: r = vs < ws; break;
        case CMP_LE: r = vs <= ws; break;
        case CMP_EQ: r = vs == ws; break;
        case CMP_NE: r = vs != ws; break;
        case CMP_GT: r = vs > ws; break;
        default: r = vs >= ws; break;
        }
        return val_bool(r);
    }
    if (op == CMP_EQ) return VFalse;
    if (op == CMP_NE) return VTrue;
    return obj_richcompare(v->items[i], w->items[i], op);
}

static Value tuple_getitem(Value self, Value key) {
    TupleObject *t = T(self);
    ssize_t i;
    if (val_is_int(key)) {
        i = val_int(key);
    } else if (num_check_index(key)) {
        i = num_as_ssize(key, &exc_IndexError);
        if (i == -1 && err_occurred()) return VNULL;
    } else if (val_type(key) == &type_slice) {
        ssize_t start, stop, step;
        ssize_t n = slice_indices(key, t->size, &start, &stop, &step);
        if (n < 0) return VNULL;
        if (step == 1) return tuple_slice(self, start, start + n);
        Value r = tuple_new((size_t)n);
        if (!r) return VNULL;
        /* start + k*step stays an index for k < n; a running sum would step past the end. */
        for (ssize_t k = 0; k < n; k++) T(r)->items[k] = t->items[start + k * step];
        return r;
    } else {
        err_format(&exc_TypeError, "tuple indices must be integers or slices, not %s", type_name(key));
        return VNULL;
    }
    if (i < 0) i += t->size;
    if ((size_t)i >= (size_t)t->size) {
        err_set(&exc_IndexError, "tuple index out of range");
        return VNULL;
    }
    return t->items[i];
}

static int tuple_contains(Value self, Value v) {
    TupleObject *t = T(self);
    for (ssize_t i = 0; i < t->size; i++) {
        Value x = t->items[i];
        if (x == v) return 1;
        if (val_is_int(x) && val_is_int(v)) continue;
        int k = obj_richcompare_bool(x, v, CMP_EQ);
        if (k != 0) return k;
    }
    return 0;
}

static Value tuple_repeat(Value a, ssize_t count) {
    ssize_t n = T(a)->size;
    if (count == 1 && tuple_check_exact(a)) return a;
    if (count <= 0 || n == 0) return obj_val(&empty_tuple);
    if (count > PTRDIFF_MAX / (ssize_t)sizeof(Value) / n) {
        err_no_memory();
        return VNULL;
    }
    Value r = tuple_new((size_t)(n * count));
    if (!r) return VNULL;
    Value *dst = T(r)->items;
    for (ssize_t c = 0; c < count; c++, dst += n) memcpy(dst, T(a)->items, n * sizeof(Value));
    return r;
}

static Value tuple_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    /* As CPython: keywords are refused unless a subclass's own __init__ takes them. */
    if ((t == &type_tuple || t->init == type_tuple.init) && kwnames && tuple_size(kwnames)) {
        err_set(&exc_TypeError, "tuple() takes no keyword arguments");
        return VNULL;
    }
    if (nargs > 1) {
        err_format(&exc_TypeError, "tuple expected at most 1 argument, got %zu", nargs);
        return VNULL;
    }
    Value base = nargs ? tuple_from_iterable(args[0]) : obj_val(&empty_tuple);
    if (!base || t == &type_tuple) return base;
    /* A subclass: copy the items into an instance of t. */
    ssize_t n = T(base)->size;
    Value r = type_generic_alloc(t, (size_t)n);
    if (!r) return VNULL;
    T(r)->size = n;
    memcpy(T(r)->items, T(base)->items, n * sizeof(Value));
    return r;
}

static Value tuple_iter(Value self); /* with the iterator type below */

/* ---- Methods ---- */

static Value m_index(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("index", kw) < 0 || arg_count("index", nargs, 1, 3) < 0) return VNULL;
    TupleObject *t = T(self);
    ssize_t start = 0, stop = t->size;
    for (size_t a = 1; a < nargs; a++) {
        ssize_t i;
        if (val_is_int(args[a])) i = val_int(args[a]);
        else {
            if (!num_check_index(args[a])) {
                err_set(&exc_TypeError, "slice indices must be integers or have an __index__ method");
                return VNULL;
            }
            Value iv = num_index(args[a]);
            if (!iv) return VNULL;
            i = val_is_int(iv) ? val_int(iv) : (int_sign(iv) < 0 ? -PTRDIFF_MAX : PTRDIFF_MAX);
        }
        if (i < 0) {
            i += t->size;
            if (i < 0) i = 0;
        }
        if (a == 1) start = i;
        else stop = i;
    }
    for (ssize_t i = start; i < stop && i < t->size; i++) {
        int k = obj_richcompare_bool(t->items[i], args[0], CMP_EQ);
        if (k < 0) return VNULL;
        if (k) return val_from_int(i);
    }
    err_set(&exc_ValueError, "tuple.index(x): x not in tuple");
    return VNULL;
}

static Value m_count(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("tuple.count", kw) < 0 || arg_count("count", nargs, 1, 1) < 0) return VNULL;
    TupleObject *t = T(self);
    ssize_t c = 0;
    for (ssize_t i = 0; i < t->size; i++) {
        int k = obj_richcompare_bool(t->items[i], args[0], CMP_EQ);
        if (k < 0) return VNULL;
        c += k;
    }
    return val_from_int(c);
}

static Value m_getnewargs(Value self, Value *args, size_t nargs, Value kw) {
    Value copy = tuple_from_array(T(self)->items, (size_t)T(self)->size);
    if (!copy) return VNULL;
    return tuple_pack(1, copy);
}

static Value m_sizeof(Value self, Value *args, size_t nargs, Value kw) {
    return val_from_int((intptr_t)(val_type(self)->basicsize + T(self)->size * sizeof(Value)));
}

static const MethodDef tuple_methods[] = {
    {"index", m_index, 0, "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", m_count, 0, "Return number of occurrences of value."},
    {"__getnewargs__", m_getnewargs, 0, NULL},
    {"__sizeof__", m_sizeof, 0, "Size of object in memory, in bytes."},
    {NULL},
};

Type type_tuple = {
    .hdr = {0, &type_type},
    .name = "tuple",
    .basicsize = sizeof(TupleObject),
    .itemsize = sizeof(Value),
    .flags = TF_BASETYPE | TF_TUPLE_SUBCLASS | TF_SEQUENCE,
    .trace = tuple_trace,
    .new = tuple_new_m,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .iter = tuple_iter,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .methods = tuple_methods,
    .doc = "Built-in immutable sequence.\n\n"
           "If no argument is given, the constructor returns an empty tuple.\n"
           "If iterable is specified the tuple is initialized from iterable's items.\n\n"
           "If the argument is a tuple, the return value is the same object.",
};

/* ---- The tuple iterator ---- */

typedef struct TupleIterObject {
    Object hdr;
    Value tuple;     /* VNULL once exhausted */
    ssize_t index;
} TupleIterObject;

static void tupleiter_trace(Object *o) { gc_mark(((TupleIterObject *)o)->tuple); }
static Value tupleiter_self(Value self) { return self; }

static Value tupleiter_next(Value self) {
    TupleIterObject *it = (TupleIterObject *)self;
    if (!it->tuple) return VNULL;
    if (it->index < T(it->tuple)->size) return T(it->tuple)->items[it->index++];
    it->tuple = VNULL;
    return VNULL;
}

static Value tupleiter_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    TupleIterObject *it = (TupleIterObject *)self;
    return val_from_int(it->tuple ? T(it->tuple)->size - it->index : 0);
}

/* (iter, (tuple,), index), or iter(()) once exhausted, as CPython pickles it. */
static Value tupleiter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    TupleIterObject *it = (TupleIterObject *)self;
    extern Value builtins_dict;
    Value fn = dict_get_cstr(builtins_dict, "iter");
    if (!fn) return VNULL;
    if (!it->tuple) return tuple_pack(2, fn, tuple_pack(1, tuple_empty()));
    return tuple_pack(3, fn, tuple_pack(1, it->tuple), int_from_i64(it->index));
}

static Value tupleiter_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    TupleIterObject *it = (TupleIterObject *)self;
    ssize_t i = num_as_ssize(args[0], &exc_OverflowError);
    if (i == -1 && err_occurred()) return VNULL;
    if (it->tuple) {
        if (i < 0) i = 0;
        else if (i > T(it->tuple)->size) i = T(it->tuple)->size;
        it->index = i;
    }
    return VNone;
}

static const MethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", tupleiter_reduce, 0, "Return state information for pickling."},
    {"__setstate__", tupleiter_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

static Type type_tuple_iter = {
    .hdr = {0, &type_type},
    .name = "tuple_iterator",
    .basicsize = sizeof(TupleIterObject),
    .trace = tupleiter_trace,
    .iter = tupleiter_self,
    .iternext = tupleiter_next,
    .methods = tupleiter_methods,
};

static Value tuple_iter(Value self) {
    misc_ready_type(&type_tuple_iter);
    TupleIterObject *it = gc_alloc(&type_tuple_iter, sizeof(TupleIterObject));
    if (!it) return VNULL;
    it->tuple = self;
    return obj_val(it);
}
