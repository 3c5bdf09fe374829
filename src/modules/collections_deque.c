/* collections_deque.c - collections.deque: a double-ended queue on a ring buffer, and its iterators. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/misc.h"
#include "../objects/instance.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"
#include "collections.h"

/*
 * CPython keeps a deque in a doubly linked list of 64-slot blocks; here
 * the items live in one GC array used as a ring: item i is at
 * items[(head + i) & (cap - 1)], cap a power of two, doubled when full.
 * Both ends are O(1) amortized and indexing is O(1).
 *
 * `state` counts mutations, as CPython's deque->state does: iterators and
 * the searching methods remember it and raise "deque mutated during
 * iteration" when user code (an __eq__) changed the deque under them.
 * Item assignment does not count, as in CPython.
 */

typedef struct DequeObject {
    Object hdr;
    Value *items;      /* ring of cap slots in a GC array; NULL when cap == 0 */
    size_t cap;        /* 0 or a power of two */
    size_t head;
    ssize_t len;
    ssize_t maxlen;    /* -1: unbounded */
    size_t state;
} DequeObject;

#define D(v) ((DequeObject *)(v))

Type type_deque, type_deque_iter, type_deque_reviter;

static inline Value *slot(DequeObject *d, ssize_t i) { return &d->items[(d->head + (size_t)i) & (d->cap - 1)]; }
static inline Value item_at(DequeObject *d, ssize_t i) { return *slot(d, i); }

static void deque_trace(Object *o) {
    DequeObject *d = (DequeObject *)o;
    if (d->items) gc_mark(obj_val(container_of(d->items, ArrayObject, items)));
}

bool deque_check(Value v) { return val_isinstance(v, &type_deque); }

/* Room for one more item. */
static int deque_grow(DequeObject *d) {
    if ((size_t)d->len < d->cap) return 0;
    size_t ncap = d->cap ? d->cap * 2 : 8;
    Value *n = array_alloc(ncap);
    if (!n) return -1;
    for (ssize_t i = 0; i < d->len; i++) n[i] = item_at(d, i);
    d->items = n;
    d->cap = ncap;
    d->head = 0;
    return 0;
}

static Value deque_popleft_raw(DequeObject *d) {
    Value *s = slot(d, 0), v = *s;
    *s = VNULL;
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
    d->state++;
    return v;
}

static Value deque_pop_raw(DequeObject *d) {
    Value *s = slot(d, d->len - 1), v = *s;
    *s = VNULL;
    d->len--;
    d->state++;
    return v;
}

static int deque_append_raw(DequeObject *d, Value v) {
    if (deque_grow(d) < 0) return -1;
    GC_WRITE(d, *slot(d, d->len), v);
    d->len++;
    if (d->maxlen >= 0 && d->len > d->maxlen) deque_popleft_raw(d);
    else d->state++;
    return 0;
}

static int deque_appendleft_raw(DequeObject *d, Value v) {
    if (deque_grow(d) < 0) return -1;
    d->head = (d->head - 1) & (d->cap - 1);
    GC_WRITE(d, *slot(d, 0), v);
    d->len++;
    if (d->maxlen >= 0 && d->len > d->maxlen) deque_pop_raw(d);
    else d->state++;
    return 0;
}

static void deque_clear_raw(DequeObject *d) {
    d->items = NULL;
    d->cap = 0;
    d->head = 0;
    d->len = 0;
    d->state++;
}

/* Rotate n steps to the right (n < 0: left), as _deque_rotate normalizes it. */
static void deque_rotate_raw(DequeObject *d, ssize_t n) {
    ssize_t len = d->len, halflen = len >> 1;
    if (len <= 1) return;
    if (n > halflen || n < -halflen) {
        n %= len;
        if (n > halflen) n -= len;
        else if (n < -halflen) n += len;
    }
    d->state++;
    if (n == 0) return;
    if ((size_t)len == d->cap) {
        /* A full ring rotates by moving its head. */
        d->head = (d->head - (size_t)n) & (d->cap - 1);
        return;
    }
    for (; n > 0; n--) {
        Value v = *slot(d, len - 1);
        *slot(d, len - 1) = VNULL;
        d->head = (d->head - 1) & (d->cap - 1);
        *slot(d, 0) = v;
    }
    for (; n < 0; n++) {
        Value v = *slot(d, 0);
        *slot(d, 0) = VNULL;
        d->head = (d->head + 1) & (d->cap - 1);
        *slot(d, len - 1) = v;
    }
}

/* Remove item i, shifting the shorter side. */
static void deque_del_raw(DequeObject *d, ssize_t i) {
    if (i < d->len / 2) {
        for (ssize_t j = i; j > 0; j--) *slot(d, j) = item_at(d, j - 1);
        deque_popleft_raw(d);
    } else {
        for (ssize_t j = i; j < d->len - 1; j++) *slot(d, j) = item_at(d, j + 1);
        deque_pop_raw(d);
    }
}

Value deque_new_empty(Type *t, ssize_t maxlen) {
    DequeObject *d = (DequeObject *)type_generic_alloc(t, 0);
    if (!d) return VNULL;
    d->maxlen = maxlen;
    return obj_val(d);
}

static Value deque_new(Type *t, Value *args, size_t nargs, Value kw) { return deque_new_empty(t, -1); }

static Value mutated(void) {
    err_set(&exc_RuntimeError, "deque mutated during iteration");
    return VNULL;
}

/* ---- extend ---- */

static Value deque_extend_common(Value self, Value iterable, bool left) {
    DequeObject *d = D(self);
    if (iterable == self) {
        Value copy = list_from_iterable(iterable);
        if (!copy) return VNULL;
        iterable = copy;
    }
    Value it = obj_iter(iterable);
    if (!it) return VNULL;
    for (;;) {
        Value v = obj_next(it);
        if (!v) return err_occurred() ? VNULL : VNone;
        if (d->maxlen == 0) continue;   /* consume the input all the same */
        if ((left ? deque_appendleft_raw(d, v) : deque_append_raw(d, v)) < 0) return VNULL;
    }
}

Value deque_extend(Value self, Value iterable) { return deque_extend_common(self, iterable, false); }

static Value deque_extend_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("deque.extend", kw) < 0 || arg_count("deque.extend", nargs, 1, 1) < 0) return VNULL;
    return deque_extend_common(self, args[0], false);
}

static Value deque_extendleft_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("deque.extendleft", kw) < 0 || arg_count("deque.extendleft", nargs, 1, 1) < 0) return VNULL;
    return deque_extend_common(self, args[0], true);
}

/* ---- construction ---- */

static int deque_init(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"iterable", "maxlen", NULL};
    Value a[2];
    if (dm_parse("deque", args, nargs, kw, names, 0, 2, 0, a) < 0) return -1;
    ssize_t maxlen = -1;
    if (a[1] && a[1] != VNone) {
        if (!int_check(a[1])) {
            err_set(&exc_TypeError, "an integer is required");
            return -1;
        }
        maxlen = int_as_ssize(a[1]);
        if (maxlen == -1 && err_occurred()) return -1;
        if (maxlen < 0) {
            err_set(&exc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    DequeObject *d = D(self);
    d->maxlen = maxlen;
    if (d->len > 0) deque_clear_raw(d);
    if (a[0]) return deque_extend(self, a[0]) ? 0 : -1;
    return 0;
}

/* A shallow copy: the same type and maxlen (a subclass is called with them). */
static Value deque_copy(Value self) {
    DequeObject *d = D(self);
    if (val_type(self) == &type_deque) {
        Value n = deque_new_empty(&type_deque, d->maxlen);
        if (!n) return VNULL;
        for (ssize_t i = 0; i < d->len; i++)
            if (deque_append_raw(D(n), item_at(d, i)) < 0) return VNULL;
        return n;
    }
    Value r;
    if (d->maxlen < 0) {
        r = obj_call1(obj_val(val_type(self)), self);
    } else {
        r = obj_call2(obj_val(val_type(self)), self, int_from_i64(d->maxlen));
    }
    if (r && !deque_check(r)) {
        err_format(&exc_TypeError, "%s() must return a deque, not %s", val_type(self)->name, type_name(r));
        return VNULL;
    }
    return r;
}

static Value deque_copy_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("deque.copy", nargs, 0, 0) < 0) return VNULL;
    return deque_copy(self);
}

/* ---- the methods ---- */

static Value deque_append_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("deque.append", kw) < 0 || arg_count("deque.append", nargs, 1, 1) < 0) return VNULL;
    return deque_append_raw(D(self), args[0]) < 0 ? VNULL : VNone;
}

static Value deque_appendleft_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("deque.appendleft", kw) < 0 || arg_count("deque.appendleft", nargs, 1, 1) < 0) return VNULL;
    return deque_appendleft_raw(D(self), args[0]) < 0 ? VNULL : VNone;
}

static Value deque_pop_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("deque.pop", nargs, 0, 0) < 0) return VNULL;
    if (D(self)->len == 0) {
        err_set(&exc_IndexError, "pop from an empty deque");
        return VNULL;
    }
    return deque_pop_raw(D(self));
}

static Value deque_popleft_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("deque.popleft", nargs, 0, 0) < 0) return VNULL;
    if (D(self)->len == 0) {
        err_set(&exc_IndexError, "pop from an empty deque");
        return VNULL;
    }
    return deque_popleft_raw(D(self));
}

static Value deque_clear_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("deque.clear", nargs, 0, 0) < 0) return VNULL;
    deque_clear_raw(D(self));
    return VNone;
}

static Value deque_count_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("deque.count", kw) < 0 || arg_count("deque.count", nargs, 1, 1) < 0) return VNULL;
    DequeObject *d = D(self);
    size_t state = d->state;
    ssize_t n = d->len, count = 0;
    for (ssize_t i = 0; i < n; i++) {
        int eq = obj_richcompare_bool(item_at(d, i), args[0], CMP_EQ);
        if (eq < 0) return VNULL;
        count += eq;
        if (state != d->state) return mutated();
    }
    return int_from_i64(count);
}

/* _PyEval_SliceIndexNotNone: an __index__ value, clamped to the ssize_t range. */
static int slice_index(Value v, ssize_t *out) {
    if (!num_check_index(v)) {
        err_set(&exc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    ssize_t x = num_as_ssize(v, NULL);
    if (x == -1 && err_occurred()) return -1;
    *out = x;
    return 0;
}

static Value deque_index_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("index", kw) < 0) return VNULL;
    if (nargs < 1 || nargs > 3) {
        err_format(&exc_TypeError, "index() takes %s %d argument%s (%zu given)", nargs < 1 ? "at least" : "at most",
                   nargs < 1 ? 1 : 3, nargs < 1 ? "" : "s", nargs);
        return VNULL;
    }
    DequeObject *d = D(self);
    ssize_t start = 0, stop = d->len;
    if (nargs > 1 && slice_index(args[1], &start) < 0) return VNULL;
    if (nargs > 2 && slice_index(args[2], &stop) < 0) return VNULL;
    if (start < 0) {
        start += d->len;
        if (start < 0) start = 0;
    }
    if (stop < 0) {
        stop += d->len;
        if (stop < 0) stop = 0;
    }
    if (stop > d->len) stop = d->len;
    if (start > stop) start = stop;
    size_t state = d->state;
    for (ssize_t i = start; i < stop; i++) {
        int eq = obj_richcompare_bool(item_at(d, i), args[0], CMP_EQ);
        if (eq > 0) return int_from_i64(i);
        if (eq < 0) return VNULL;
        if (state != d->state) return mutated();
    }
    err_format(&exc_ValueError, "%R is not in deque", args[0]);
    return VNULL;
}

static Value deque_insert_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("insert", kw) < 0) return VNULL;
    if (nargs != 2) {
        err_format(&exc_TypeError, "insert() takes exactly 2 arguments (%zu given)", nargs);
        return VNULL;
    }
    ssize_t index;
    if (dm_ssize(args[0], &index) < 0) return VNULL;
    DequeObject *d = D(self);
    ssize_t n = d->len;
    if (d->maxlen == n) {
        err_set(&exc_IndexError, "deque already at its maximum size");
        return VNULL;
    }
    if (index >= n) return deque_append_raw(d, args[1]) < 0 ? VNULL : VNone;
    if (index <= -n || index == 0) return deque_appendleft_raw(d, args[1]) < 0 ? VNULL : VNone;
    deque_rotate_raw(d, -index);
    int r = index < 0 ? deque_append_raw(d, args[1]) : deque_appendleft_raw(d, args[1]);
    if (r < 0) return VNULL;
    deque_rotate_raw(d, index);
    return VNone;
}

static Value deque_remove_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("deque.remove", kw) < 0 || arg_count("deque.remove", nargs, 1, 1) < 0) return VNULL;
    DequeObject *d = D(self);
    size_t state = d->state;
    ssize_t n = d->len, i;
    for (i = 0; i < n; i++) {
        int eq = obj_richcompare_bool(item_at(d, i), args[0], CMP_EQ);
        if (eq < 0) return VNULL;
        if (state != d->state) {
            err_set(&exc_IndexError, "deque mutated during remove().");
            return VNULL;
        }
        if (eq > 0) break;
    }
    if (i == n) {
        err_format(&exc_ValueError, "%R is not in deque", args[0]);
        return VNULL;
    }
    deque_del_raw(d, i);
    return VNone;
}

static Value deque_reverse_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("deque.reverse", nargs, 0, 0) < 0) return VNULL;
    DequeObject *d = D(self);
    for (ssize_t i = 0, j = d->len - 1; i < j; i++, j--) {
        Value t = item_at(d, i);
        *slot(d, i) = item_at(d, j);
        *slot(d, j) = t;
    }
    return VNone;
}

static Value deque_rotate_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("rotate", kw) < 0 || dm_positional("deque.rotate", nargs, 0, 1) < 0) return VNULL;
    ssize_t n = 1;
    if (nargs && dm_ssize(args[0], &n) < 0) return VNULL;
    deque_rotate_raw(D(self), n);
    return VNone;
}

static Value deque_reduce_m(Value self, Value *args, size_t nargs, Value kw) {
    Value dict = obj_getattr_opt(self, str_intern_cstr("__dict__"));
    if (!dict) {
        if (err_occurred()) return VNULL;
        dict = VNone;
    }
    Value it = obj_iter(self);
    if (!it) return VNULL;
    Value t = obj_val(val_type(self));
    if (D(self)->maxlen < 0) return tuple_pack(4, t, tuple_empty(), dict, it);
    Value a = tuple_pack(2, tuple_empty(), int_from_i64(D(self)->maxlen));
    return a ? tuple_pack(4, t, a, dict, it) : VNULL;
}

static Value deque_sizeof_m(Value self, Value *args, size_t nargs, Value kw) {
    return int_from_i64((int64_t)(sizeof(DequeObject) + D(self)->cap * sizeof(Value)));
}

static Value deque_get_maxlen(Value self) {
    return D(self)->maxlen < 0 ? VNone : int_from_i64(D(self)->maxlen);
}

/* ---- the sequence protocol ---- */

static ssize_t deque_len(Value self) { return D(self)->len; }

/* The index of a subscript, PySequence_GetItem style: negative counts from the end. */
static int deque_subscript_index(Value self, Value key, ssize_t *out) {
    if (!num_check_index(key)) {
        err_format(&exc_TypeError, "sequence index must be integer, not '%s'", type_name(key));
        return -1;
    }
    ssize_t i = num_as_ssize(key, &exc_IndexError);
    if (i == -1 && err_occurred()) return -1;
    if (i < 0) i += D(self)->len;
    if (i < 0 || i >= D(self)->len) {
        err_set(&exc_IndexError, "deque index out of range");
        return -1;
    }
    *out = i;
    return 0;
}

static Value deque_getitem(Value self, Value key) {
    ssize_t i;
    if (deque_subscript_index(self, key, &i) < 0) return VNULL;
    return item_at(D(self), i);
}

static int deque_setitem(Value self, Value key, Value v) {
    ssize_t i;
    if (deque_subscript_index(self, key, &i) < 0) return -1;
    if (!v) {
        deque_del_raw(D(self), i);
        return 0;
    }
    GC_WRITE(self, *slot(D(self), i), v);
    return 0;
}

static int deque_contains(Value self, Value v) {
    DequeObject *d = D(self);
    size_t state = d->state;
    ssize_t n = d->len;
    for (ssize_t i = 0; i < n; i++) {
        int eq = obj_richcompare_bool(item_at(d, i), v, CMP_EQ);
        if (eq) return eq;
        if (state != d->state) {
            mutated();
            return -1;
        }
    }
    return 0;
}

static Value deque_concat(Value self, Value other) {
    int r = obj_isinstance(other, obj_val(&type_deque));
    if (r <= 0) {
        if (r == 0)
            err_format(&exc_TypeError, "can only concatenate deque (not \"%s\") to deque", type_name(other));
        return VNULL;
    }
    Value n = deque_copy(self);
    if (!n || !deque_extend(n, other)) return VNULL;
    return n;
}

static Value deque_inplace_concat(Value self, Value other) {
    return deque_extend(self, other) ? self : VNULL;
}

static Value deque_inplace_repeat(Value self, ssize_t n) {
    DequeObject *d = D(self);
    ssize_t size = d->len;
    if (size == 0 || n == 1) return self;
    if (n <= 0) {
        deque_clear_raw(d);
        return self;
    }
    if (size == 1) {
        Value item = item_at(d, 0);
        if (d->maxlen >= 0 && n > d->maxlen) n = d->maxlen;
        d->state++;
        for (ssize_t i = 0; i < n - 1; i++)
            if (deque_append_raw(d, item) < 0) return VNULL;
        return self;
    }
    if ((size_t)size > (size_t)SSIZE_MAX / (size_t)n) {
        err_no_memory();
        return VNULL;
    }
    Value seq = list_from_iterable(self);
    if (!seq) return VNULL;
    if (d->maxlen >= 0 && n * size > d->maxlen) n = (d->maxlen + size - 1) / size;
    for (ssize_t i = 0; i < n - 1; i++)
        if (!deque_extend(self, seq)) return VNULL;
    return self;
}

static Value deque_repeat(Value self, ssize_t n) {
    Value c = deque_copy(self);
    return c ? deque_inplace_repeat(c, n) : VNULL;
}

static int deque_bool(Value self) { return D(self)->len > 0; }

/* ---- repr and comparison ---- */

static Value deque_repr(Value self) {
    int rec = list_repr_enter(self);
    if (rec != 0) return rec > 0 ? str_from_cstr("[...]") : VNULL;
    Value l = list_from_iterable(self);
    Value r = VNULL;
    if (l) {
        const char *name = val_type(self)->name, *dot = strrchr(name, '.');
        if (dot) name = dot + 1;
        if (D(self)->maxlen >= 0) r = str_printf("%s(%R, maxlen=%zd)", name, l, D(self)->maxlen);
        else r = str_printf("%s(%R)", name, l);
    }
    list_repr_leave(self);
    return r;
}

static Value deque_richcompare(Value v, Value w, int op) {
    if (!deque_check(v) || !deque_check(w)) return VNotImplemented;
    ssize_t vs = D(v)->len, ws = D(w)->len;
    if (op == CMP_EQ || op == CMP_NE) {
        if (v == w) return val_bool(op == CMP_EQ);
        if (vs != ws) return val_bool(op == CMP_NE);
    }
    Value it1 = obj_iter(v), it2 = it1 ? obj_iter(w) : VNULL;
    if (!it2) return VNULL;
    Value x, y;
    for (;;) {
        x = obj_next(it1);
        if (!x && err_occurred()) return VNULL;
        y = obj_next(it2);
        if (!x || !y) break;
        int b = obj_richcompare_bool(x, y, CMP_EQ);
        if (b == 0) return obj_richcompare(x, y, op);
        if (b < 0) return VNULL;
    }
    if (err_occurred()) return VNULL;
    bool r = false;
    switch (op) {
    case CMP_LT: r = y != VNULL; break;
    case CMP_LE: r = x == VNULL; break;
    case CMP_EQ: r = x == y; break;
    case CMP_NE: r = x != y; break;
    case CMP_GT: r = x != VNULL; break;
    case CMP_GE: r = y == VNULL; break;
    }
    return val_bool(r);
}

/* ---- iterators ---- */

typedef struct DequeIterObject {
    Object hdr;
    Value deque;
    ssize_t index;     /* the next item's position (reverse: counting from the left too) */
    ssize_t counter;   /* items left */
    size_t state;
} DequeIterObject;

static Value deque_self_iter(Value self) { return self; }

static void dequeiter_trace(Object *o) { gc_mark(((DequeIterObject *)o)->deque); }

static Value dequeiter_make(Type *t, Value deque, bool reverse) {
    misc_ready_type(t);
    DequeIterObject *it = gc_alloc(t, sizeof(DequeIterObject));
    if (!it) return VNULL;
    it->deque = deque;
    it->counter = D(deque)->len;
    it->index = reverse ? D(deque)->len - 1 : 0;
    it->state = D(deque)->state;
    return obj_val(it);
}

static Value deque_iter(Value self) { return dequeiter_make(&type_deque_iter, self, false); }

static Value deque_reversed_m(Value self, Value *args, size_t nargs, Value kw) {
    return dequeiter_make(&type_deque_reviter, self, true);
}

static Value dequeiter_next_common(Value self, int dir) {
    DequeIterObject *it = (DequeIterObject *)self;
    DequeObject *d = D(it->deque);
    if (d->state != it->state) {
        it->counter = 0;
        return mutated();
    }
    if (it->counter == 0) return VNULL;
    Value v = item_at(d, it->index);
    it->index += dir;
    it->counter--;
    return v;
}

static Value dequeiter_next(Value self) { return dequeiter_next_common(self, 1); }
static Value dequereviter_next(Value self) { return dequeiter_next_common(self, -1); }

static Value dequeiter_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    return int_from_i64(((DequeIterObject *)self)->counter);
}

static Value dequeiter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    DequeIterObject *it = (DequeIterObject *)self;
    Value a = tuple_pack(2, it->deque, int_from_i64(D(it->deque)->len - it->counter));
    return a ? tuple_pack(2, obj_val(val_type(self)), a) : VNULL;
}

/* _deque_iterator(deque, index=0): an iterator advanced index items (for unpickling). */
static Value dequeiter_new_common(Type *t, const char *name, Value *args, size_t nargs, Value kw, bool reverse) {
    if (arg_no_kw(name, kw) < 0 || dm_positional(name, nargs, 1, 2) < 0) return VNULL;
    if (!deque_check(args[0])) {
        err_format(&exc_TypeError, "%s() argument 1 must be collections.deque, not %s", name, type_name(args[0]));
        return VNULL;
    }
    ssize_t index = 0;
    if (nargs > 1 && dm_ssize(args[1], &index) < 0) return VNULL;
    Value it = dequeiter_make(t, args[0], reverse);
    if (!it) return VNULL;
    for (ssize_t i = 0; i < index; i++) {
        Value v = val_type(it)->iternext(it);
        if (!v) {
            if (err_occurred()) return VNULL;
            break;
        }
    }
    return it;
}

static Value dequeiter_new(Type *t, Value *args, size_t nargs, Value kw) {
    return dequeiter_new_common(t, "_deque_iterator", args, nargs, kw, false);
}
static Value dequereviter_new(Type *t, Value *args, size_t nargs, Value kw) {
    return dequeiter_new_common(t, "_deque_reverse_iterator", args, nargs, kw, true);
}

static const MethodDef dequeiter_methods[] = {
    {"__length_hint__", dequeiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", dequeiter_reduce, 0, "Return state information for pickling."},
    {NULL},
};

Type type_deque_iter = {
    .hdr = {0, &type_type},
    .name = "_collections._deque_iterator",
    .basicsize = sizeof(DequeIterObject),
    .trace = dequeiter_trace,
    .new = dequeiter_new,
    .iter = deque_self_iter,
    .iternext = dequeiter_next,
    .methods = dequeiter_methods,
};

Type type_deque_reviter = {
    .hdr = {0, &type_type},
    .name = "_collections._deque_reverse_iterator",
    .basicsize = sizeof(DequeIterObject),
    .trace = dequeiter_trace,
    .new = dequereviter_new,
    .iter = deque_self_iter,
    .iternext = dequereviter_next,
    .methods = dequeiter_methods,
};

/* ---- the type ---- */

static const MethodDef deque_methods[] = {
    {"append", deque_append_m, 0, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft_m, 0, "Add an element to the left side of the deque."},
    {"clear", deque_clear_m, 0, "Remove all elements from the deque."},
    {"__copy__", deque_copy_m, 0, "Return a shallow copy of a deque."},
    {"copy", deque_copy_m, 0, "Return a shallow copy of a deque."},
    {"count", deque_count_m, 0, "D.count(value) -- return number of occurrences of value"},
    {"extend", deque_extend_m, 0, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", deque_extendleft_m, 0, "Extend the left side of the deque with elements from the iterable"},
    {"index", deque_index_m, 0,
     "D.index(value, [start, [stop]]) -- return first index of value.\nRaises ValueError if the value is not present."},
    {"insert", deque_insert_m, 0, "D.insert(index, object) -- insert object before index"},
    {"pop", deque_pop_m, 0, "Remove and return the rightmost element."},
    {"popleft", deque_popleft_m, 0, "Remove and return the leftmost element."},
    {"__reduce__", deque_reduce_m, 0, "Return state information for pickling."},
    {"remove", deque_remove_m, 0, "D.remove(value) -- remove first occurrence of value."},
    {"__reversed__", deque_reversed_m, 0, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"reverse", deque_reverse_m, 0, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", deque_rotate_m, 0, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__sizeof__", deque_sizeof_m, 0, "D.__sizeof__() -- size of D in memory, in bytes"},
    {"__class_getitem__", generic_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL},
};

static const GetSetDef deque_getsets[] = {
    {"maxlen", deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded"},
    {NULL},
};

Type type_deque = {
    .hdr = {0, &type_type},
    .name = "collections.deque",
    .basicsize = sizeof(DequeObject),
    .flags = TF_BASETYPE,
    .trace = deque_trace,
    .new = deque_new,
    .init = deque_init,
    .repr = deque_repr,
    .hash = obj_hash_unhashable,
    .richcompare = deque_richcompare,
    .iter = deque_iter,
    .len = deque_len,
    .getitem = deque_getitem,
    .setitem = deque_setitem,
    .contains = deque_contains,
    .nb_bool = deque_bool,
    .sq_concat = deque_concat,
    .sq_inplace_concat = deque_inplace_concat,
    .sq_repeat = deque_repeat,
    .sq_inplace_repeat = deque_inplace_repeat,
    .methods = deque_methods,
    .getsets = deque_getsets,
    .doc = "deque([iterable[, maxlen]]) --> deque object\n\n"
           "A list-like sequence optimized for data accesses near its endpoints.",
};
