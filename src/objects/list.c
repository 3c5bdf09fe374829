/* list.c - list: growable Value arrays, slicing, the list iterators, and the GC item array. */
#include "list.h"
#include "tuple.h"
#include "dict.h"
#include "misc.h"
#include "int.h"
#include "str.h"
#include "float.h"
#include "type.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include <stdlib.h>

/*
 * A list's items live in an ArrayObject (a GC object holding `capacity`
 * Values); ListObject.items points at the array's first item, so the list's
 * trace function finds the array with container_of().  The slots from
 * `size` to `allocated` are kept VNULL: the array's trace marks all of its
 * capacity, and a stale Value there would keep garbage alive.
 *
 * Growth follows CPython: over-allocate by ~1/8 plus 6 so append is
 * amortized O(1); shrink when less than half is used.  Building a list
 * from a sized source allocates exactly (list(range(n)), [x] * n).
 */

/* ---- The GC item array ---- */

static void array_trace(Object *o) {
    ArrayObject *a = (ArrayObject *)o;
    gc_mark_range(a->items, a->capacity);
}

Type type_array_internal = {
    .flags = TF_INTERNAL,
    .hdr = {0, &type_type},
    .name = "array",
    .basicsize = sizeof(ArrayObject),
    .itemsize = sizeof(Value),
    .trace = array_trace,
    .doc = "Internal storage of a list's items.",
};

Value *array_alloc(size_t capacity) {
    if (capacity > ((size_t)1 << 58)) {
        err_no_memory();
        return NULL;
    }
    ArrayObject *a = gc_alloc(&type_array_internal, sizeof(ArrayObject) + capacity * sizeof(Value));
    if (!a) return NULL;
    a->capacity = capacity;
    return a->items;
}

static inline ArrayObject *array_of(Value *items) { return container_of(items, ArrayObject, items); }

/* ---- Recursion guard for container reprs ([...], {...}) ---- */

/* The objects whose repr is being computed on this thread.  They are kept
 * alive by the C frames computing their repr, so a malloc'd array is fine. */
static _Thread_local Value *repr_stack;
static _Thread_local size_t repr_depth, repr_cap;

int list_repr_enter(Value v) {
    for (size_t i = 0; i < repr_depth; i++)
        if (repr_stack[i] == v) return 1;
    if (repr_depth == repr_cap) {
        size_t n = repr_cap ? repr_cap * 2 : 16;
        Value *p = realloc(repr_stack, n * sizeof *p);
        if (!p) {
            err_no_memory();
            return -1;
        }
        repr_stack = p;
        repr_cap = n;
    }
    repr_stack[repr_depth++] = v;
    return 0;
}

void list_repr_leave(Value v) {
    for (size_t i = repr_depth; i > 0; i--) {
        if (repr_stack[i - 1] == v) {
            memmove(&repr_stack[i - 1], &repr_stack[i], (repr_depth - i) * sizeof(Value));
            repr_depth--;
            return;
        }
    }
}

/* ---- Core operations ---- */

static inline ListObject *L(Value l) { return (ListObject *)l; }

/* Make the list hold `newsize` items.  New slots are VNULL; the caller fills
 * them before running any code that could look at the list.  Dropped slots
 * are cleared so the GC does not see them. */
static int list_resize(ListObject *l, ssize_t newsize) {
    ssize_t allocated = l->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        if (newsize < l->size) memset(l->items + newsize, 0, (l->size - newsize) * sizeof(Value));
        l->size = newsize;
        return 0;
    }
    size_t new_alloc = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    /* A big jump (extend by a lot) gets exactly what it asked for. */
    if (newsize - l->size > (ssize_t)new_alloc - newsize) new_alloc = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0) new_alloc = 0;
    Value *items = NULL;
    if (new_alloc) {
        items = array_alloc(new_alloc);
        if (!items) return -1;
        ssize_t keep = l->size < newsize ? l->size : newsize;
        if (keep > 0) memcpy(items, l->items, keep * sizeof(Value));
    }
    l->items = items;
    l->allocated = (ssize_t)new_alloc;
    l->size = newsize;
    return 0;
}

/* Allocate exactly n slots for an empty list (list(sized iterable)). */
static int list_preallocate(ListObject *l, ssize_t n) {
    if (n <= l->allocated) return 0;
    Value *items = array_alloc((size_t)n);
    if (!items) return -1;
    if (l->size) memcpy(items, l->items, l->size * sizeof(Value));
    l->items = items;
    l->allocated = n;
    return 0;
}

static inline void store(ListObject *l, ssize_t i, Value v) {
    GC_WRITE(array_of(l->items), l->items[i], v);
}

Value list_new(size_t capacity) {
    ListObject *l = gc_alloc(&type_list, sizeof(ListObject));
    if (!l) return VNULL;
    if (capacity && list_preallocate(l, (ssize_t)capacity) < 0) return VNULL;
    return obj_val(l);
}

Value list_from_array(const Value *items, size_t n) {
    Value r = list_new(n);
    if (!r) return VNULL;
    if (n) memcpy(L(r)->items, items, n * sizeof(Value));
    L(r)->size = (ssize_t)n;
    return r;
}

int list_append(Value lv, Value v) {
    ListObject *l = L(lv);
    ssize_t n = l->size;
    if (likely(n < l->allocated)) {
        store(l, n, v);
        l->size = n + 1;
        return 0;
    }
    if (list_resize(l, n + 1) < 0) return -1;
    store(l, n, v);
    return 0;
}

void list_set(Value l, ssize_t i, Value v) { store(L(l), i, v); }

int list_insert(Value lv, ssize_t where, Value v) {
    ListObject *l = L(lv);
    ssize_t n = l->size;
    if (where < 0) {
        where += n;
        if (where < 0) where = 0;
    }
    if (where > n) where = n;
    if (list_resize(l, n + 1) < 0) return -1;
    memmove(l->items + where + 1, l->items + where, (n - where) * sizeof(Value));
    store(l, where, v);
    return 0;
}

/* How many items an iterable will probably produce (0 if unknown).  Only
 * builtin sized types are asked: calling a Python __len__ here would be
 * observable where CPython's length hint is not used (it is, but only as a
 * hint, and errors from it are swallowed; keeping to exact types is simpler). */
static ssize_t length_hint(Value it) {
    if (val_is_int(it)) return 0;
    Type *t = val_type(it);
    if (t == &type_list) return L(it)->size;
    if (t == &type_tuple) return tuple_size(it);
    if (t == &type_range) {
        Value n = ((RangeObject *)it)->length;
        return val_is_int(n) ? val_int(n) : 0;
    }
    if (!(t->flags & TF_HEAPTYPE) && t->len && t != &type_str) {
        ssize_t n = t->len(it);
        if (n < 0) {
            err_clear();
            return 0;
        }
        return n;
    }
    return 0;
}

/* Append everything an iterator produces. */
static int extend_from_iterator(Value lv, Value it) {
    Type *itt = val_type(it);
    for (;;) {
        Value v = itt->iternext(it);
        if (!v) {
            if (err_occurred()) {
                if (!err_matches(&exc_StopIteration)) return -1;
                err_clear();
            }
            return 0;
        }
        if (list_append(lv, v) < 0) return -1;
    }
}

int list_extend(Value lv, Value iterable) {
    ListObject *l = L(lv);
    if (list_check_exact(iterable) || tuple_check_exact(iterable)) {
        /* Read the source only after resizing: it may be the list itself. */
        ssize_t m = list_check_exact(iterable) ? L(iterable)->size : tuple_size(iterable);
        if (m == 0) return 0;
        ssize_t n = l->size;
        if (list_resize(l, n + m) < 0) return -1;
        const Value *src = list_check_exact(iterable) ? L(iterable)->items : tuple_items(iterable);
        memcpy(l->items + n, src, m * sizeof(Value));
        return 0;
    }
    Value it = obj_iter(iterable);
    if (!it) return -1;
    ssize_t hint = length_hint(iterable);
    if (hint > 0) {
        if (l->size == 0) {
            if (list_preallocate(l, hint) < 0) return -1;
        } else if (l->size + hint > l->allocated) {
            ssize_t n = l->size;
            if (list_resize(l, n + hint) < 0) return -1;
            l->size = n; /* the slots stay VNULL until filled */
        }
    }
    if (extend_from_iterator(lv, it) < 0) return -1;
    /* Give back a big unused pre-allocation (a hint that overestimated). */
    if (l->allocated > l->size + (l->size >> 2) + 16) {
        ssize_t n = l->size;
        Value *items = n ? array_alloc(n) : NULL;
        if (n && !items) {
            err_clear();
            return 0;
        }
        if (n) memcpy(items, l->items, n * sizeof(Value));
        l->items = items;
        l->allocated = n;
    }
    return 0;
}

/* A new list from an iterable, or NULL with `msg` as the TypeError if it
 * is not iterable (PySequence_Fast's contract). */
static Value list_fast(Value v, const char *msg) {
    if (list_check_exact(v) || tuple_check_exact(v)) return v;
    Value it = obj_iter(v);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_set(&exc_TypeError, msg);
        }
        return VNULL;
    }
    Value r = list_new(0);
    if (!r || extend_from_iterator(r, it) < 0) return VNULL;
    return r;
}

Value list_from_iterable(Value it) {
    Value r = list_new(0);
    if (!r) return VNULL;
    if (list_extend(r, it) < 0) return VNULL;
    return r;
}

Value list_pop(Value lv, ssize_t i) {
    ListObject *l = L(lv);
    ssize_t n = l->size;
    if (n == 0) {
        err_set(&exc_IndexError, "pop from empty list");
        return VNULL;
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        err_set(&exc_IndexError, "pop index out of range");
        return VNULL;
    }
    Value v = l->items[i];
    if (i == n - 1) {
        if (list_resize(l, n - 1) < 0) return VNULL;
        return v;
    }
    memmove(l->items + i, l->items + i + 1, (n - i - 1) * sizeof(Value));
    l->items[n - 1] = VNULL;
    l->size = n - 1;
    if (list_resize(l, n - 1) < 0) return VNULL;
    return v;
}

Value list_slice(Value lv, ssize_t start, ssize_t stop) {
    ListObject *l = L(lv);
    if (start < 0) start = 0;
    if (stop > l->size) stop = l->size;
    if (stop < start) stop = start;
    return list_from_array(l->items + start, (size_t)(stop - start));
}

static void reverse_values(Value *lo, Value *hi) {
    for (hi--; lo < hi; lo++, hi--) {
        Value t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

int list_reverse(Value lv) {
    ListObject *l = L(lv);
    if (l->size > 1) reverse_values(l->items, l->items + l->size);
    return 0;
}

void list_clear(Value lv) {
    ListObject *l = L(lv);
    /* An itemless list is left alone: during sort() that keeps the
     * "modified" marker (allocated == -1) intact, as in CPython. */
    if (!l->items) return;
    l->items = NULL;
    l->size = 0;
    l->allocated = 0;
}

Value list_as_tuple(Value lv) {
    ListObject *l = L(lv);
    return tuple_from_array(l->items, (size_t)l->size);
}

/* ---- Index helpers ---- */

/* Convert an index object for a sequence of length n: 1 ok, 0 not an index
 * (no exception), -1 error (overflow). */
static int index_of(Value key, ssize_t *out) {
    if (val_is_int(key)) {
        *out = val_int(key);
        return 1;
    }
    if (!num_check_index(key)) return 0;
    ssize_t i = num_as_ssize(key, &exc_IndexError);
    if (i == -1 && err_occurred()) return -1;
    *out = i;
    return 1;
}

static inline bool is_slice(Value v) { return !val_is_int(v) && val_obj(v)->type == &type_slice; }

/* ---- Slots ---- */

static void list_trace(Object *o) {
    ListObject *l = (ListObject *)o;
    if (l->items) gc_mark(obj_val(array_of(l->items)));
}

static Value list_repr(Value self) {
    ListObject *l = L(self);
    if (l->size == 0) return str_from_cstr("[]");
    int r = list_repr_enter(self);
    if (r != 0) return r > 0 ? str_from_cstr("[...]") : VNULL;
    StrBuilder sb;
    sb_init(&sb);
    sb_append_char(&sb, '[');
    /* The list may change while item reprs run: re-read size each time. */
    for (ssize_t i = 0; i < l->size; i++) {
        if (i) sb_append(&sb, ", ", 2);
        if (sb_append_repr(&sb, l->items[i]) < 0) {
            sb_discard(&sb);
            list_repr_leave(self);
            return VNULL;
        }
    }
    sb_append_char(&sb, ']');
    list_repr_leave(self);
    return sb_finish(&sb);
}

static ssize_t list_len(Value self) { return L(self)->size; }

static Value list_richcompare(Value a, Value b, int op) {
    if (!list_check(a) || !list_check(b)) return VNotImplemented;
    ListObject *v = L(a), *w = L(b);
    if (v->size != w->size && (op == CMP_EQ || op == CMP_NE)) return val_bool(op == CMP_NE);
    ssize_t i;
    for (i = 0; i < v->size && i < w->size; i++) {
        Value x = v->items[i], y = w->items[i];
        if (x == y) continue;
        int k = obj_richcompare_bool(x, y, CMP_EQ);
        if (k < 0) return VNULL;
        if (!k) break;
    }
    if (i >= v->size || i >= w->size) {
        ssize_t vs = v->size, ws = w->size;
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

static Value list_subscript_slice(ListObject *l, Value key) {
    ssize_t start, stop, step;
    ssize_t n = slice_indices_of(key, &l->size, &start, &stop, &step);
    if (n < 0) return VNULL;
    if (step == 1) return list_from_array(l->items + start, (size_t)n);
    Value r = list_new((size_t)n);
    if (!r) return VNULL;
    Value *dst = L(r)->items;
    /* start + i*step stays an index for i < n; a running sum would step past the end. */
    for (ssize_t i = 0; i < n; i++) dst[i] = l->items[start + i * step];
    L(r)->size = n;
    return r;
}

static Value list_getitem(Value self, Value key) {
    ListObject *l = L(self);
    ssize_t i;
    int k = index_of(key, &i);
    if (k > 0) {
        if (i < 0) i += l->size;
        if ((size_t)i >= (size_t)l->size) {
            err_set(&exc_IndexError, "list index out of range");
            return VNULL;
        }
        return l->items[i];
    }
    if (k < 0) return VNULL;
    if (is_slice(key)) return list_subscript_slice(l, key);
    err_format(&exc_TypeError, "list indices must be integers or slices, not %s", type_name(key));
    return VNULL;
}

/* a[lo:hi] = v (v VNULL: delete), CPython's list_ass_slice. */
static int list_ass_slice(ListObject *a, ssize_t lo, ssize_t hi, Value v) {
    Value seq = VNULL;
    const Value *src = NULL;
    ssize_t n = 0;
    if (v) {
        /* Copy first: v may be the list itself or an arbitrary iterable. */
        seq = v == obj_val(a) ? list_slice(v, 0, a->size) : list_fast(v, "can only assign an iterable");
        if (!seq) return -1;
        v = seq;
        if (list_check_exact(v)) {
            src = L(v)->items;
            n = L(v)->size;
        } else {
            src = tuple_items(v);
            n = tuple_size(v);
        }
    }
    if (lo < 0) lo = 0;
    else if (lo > a->size) lo = a->size;
    if (hi < lo) hi = lo;
    else if (hi > a->size) hi = a->size;
    ssize_t d = n - (hi - lo);
    ssize_t size = a->size;
    if (size + d == 0) {
        list_clear(obj_val(a));
        return 0;
    }
    if (d < 0) {
        memmove(a->items + hi + d, a->items + hi, (size - hi) * sizeof(Value));
        if (list_resize(a, size + d) < 0) return -1;
    } else if (d > 0) {
        if (list_resize(a, size + d) < 0) return -1;
        memmove(a->items + hi + d, a->items + hi, (size - hi) * sizeof(Value));
    }
    /* src may point into a freshly copied list; it is stable now. */
    if (n) memcpy(a->items + lo, src, n * sizeof(Value));
    return 0;
}

static int list_ass_subscript_slice(ListObject *l, Value key, Value v) {
    ssize_t start, stop, step;
    ssize_t n = slice_indices_of(key, &l->size, &start, &stop, &step);
    if (n < 0) return -1;
    if (step == 1) return list_ass_slice(l, start, stop, v);
    if (!v) {
        /* Delete an extended slice: compact the kept items in one pass. */
        if (n <= 0) return 0;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (n - 1) - 1;
            step = -step;
        }
        /* Now the deleted indices are start, start+step, ... (n of them). */
        ssize_t size = l->size, dst = start;
        for (ssize_t cur = start, i = 0; cur < size; cur++) {
            if (i < n && cur == start + i * step) {
                i++;
                continue;
            }
            l->items[dst++] = l->items[cur];
        }
        return list_resize(l, size - n);
    }
    Value seq = v == obj_val(l) ? list_slice(v, 0, l->size) : list_fast(v, "must assign iterable to extended slice");
    if (!seq) return -1;
    ssize_t m = list_check_exact(seq) ? L(seq)->size : tuple_size(seq);
    if (m != n) {
        err_format(&exc_ValueError, "attempt to assign sequence of size %zd to extended slice of size %zd", m, n);
        return -1;
    }
    const Value *src = list_check_exact(seq) ? L(seq)->items : tuple_items(seq);
    for (ssize_t i = 0; i < n; i++) store(l, start + i * step, src[i]);
    return 0;
}

static int list_setitem(Value self, Value key, Value v) {
    ListObject *l = L(self);
    ssize_t i;
    int k = index_of(key, &i);
    if (k > 0) {
        if (i < 0) i += l->size;
        if ((size_t)i >= (size_t)l->size) {
            err_set(&exc_IndexError, "list assignment index out of range");
            return -1;
        }
        if (v) {
            store(l, i, v);
            return 0;
        }
        return list_ass_slice(l, i, i + 1, VNULL);
    }
    if (k < 0) return -1;
    if (is_slice(key)) return list_ass_subscript_slice(l, key, v);
    err_format(&exc_TypeError, "list indices must be integers or slices, not %s", type_name(key));
    return -1;
}

static int list_contains(Value self, Value v) {
    ListObject *l = L(self);
    for (ssize_t i = 0; i < l->size; i++) {
        Value x = l->items[i];
        if (x == v) return 1;
        if (val_is_int(x) && val_is_int(v)) continue;
        int k = obj_richcompare_bool(x, v, CMP_EQ);
        if (k != 0) return k;
    }
    return 0;
}

static Value list_concat(Value a, Value b) {
    if (!list_check(b)) {
        err_format(&exc_TypeError, "can only concatenate list (not \"%s\") to list", type_name(b));
        return VNULL;
    }
    ssize_t na = L(a)->size, nb = L(b)->size;
    Value r = list_new((size_t)(na + nb));
    if (!r) return VNULL;
    if (na) memcpy(L(r)->items, L(a)->items, na * sizeof(Value));
    if (nb) memcpy(L(r)->items + na, L(b)->items, nb * sizeof(Value));
    L(r)->size = na + nb;
    return r;
}

static Value list_inplace_concat(Value a, Value b) {
    if (list_extend(a, b) < 0) return VNULL;
    return a;
}

/* Fill dst[0..n*count) with count copies of src[0..n), doubling each step. */
static void repeat_fill(Value *dst, const Value *src, ssize_t n, ssize_t count) {
    if (n == 1) {
        Value v = src[0];
        for (ssize_t i = 0; i < count; i++) dst[i] = v;
        return;
    }
    ssize_t total = n * count, done = n;
    memmove(dst, src, n * sizeof(Value));
    while (done < total) {
        ssize_t chunk = done <= total - done ? done : total - done;
        memcpy(dst + done, dst, chunk * sizeof(Value));
        done += chunk;
    }
}

static Value list_repeat(Value a, ssize_t count) {
    ssize_t n = L(a)->size;
    if (count < 0) count = 0;
    if (n && count > PTRDIFF_MAX / (ssize_t)sizeof(Value) / n) {
        err_no_memory();
        return VNULL;
    }
    ssize_t total = n * count;
    Value r = list_new((size_t)total);
    if (!r || !total) return r;
    repeat_fill(L(r)->items, L(a)->items, n, count);
    L(r)->size = total;
    return r;
}

static Value list_inplace_repeat(Value a, ssize_t count) {
    ListObject *l = L(a);
    ssize_t n = l->size;
    if (count <= 0 || n == 0) {
        list_clear(a);
        return a;
    }
    if (count == 1) return a;
    if (count > PTRDIFF_MAX / (ssize_t)sizeof(Value) / n) {
        err_no_memory();
        return VNULL;
    }
    if (list_resize(l, n * count) < 0) return VNULL;
    repeat_fill(l->items, l->items, n, count);
    return a;
}

static Value list_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (t == &type_list && kwnames && tuple_size(kwnames)) {
        err_set(&exc_TypeError, "list() takes no keyword arguments");
        return VNULL;
    }
    if (t == &type_list) return list_new(0);
    return type_generic_alloc(t, 0);
}

static int list_init(Value self, Value *args, size_t nargs, Value kwnames) {
    /* As CPython: keywords are refused unless a subclass's own __new__ took them. */
    Type *t = val_type(self);
    if (kwnames && tuple_size(kwnames) && (t == &type_list || t->new == type_list.new)) {
        err_set(&exc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        err_format(&exc_TypeError, "list expected at most 1 argument, got %zu", nargs);
        return -1;
    }
    /* list.__init__ empties the list, so calling it twice does not append. */
    list_clear(self);
    if (nargs == 1) return list_extend(self, args[0]);
    return 0;
}

/* ---- Iterators ---- */

typedef struct ListIterObject {
    Object hdr;
    Value list;      /* VNULL once exhausted */
    ssize_t index;
} ListIterObject;

static void listiter_trace(Object *o) { gc_mark(((ListIterObject *)o)->list); }

static Value iter_self(Value self) { return self; }

static Value listiter_next(Value self) {
    ListIterObject *it = (ListIterObject *)self;
    Value l = it->list;
    if (!l) return VNULL;
    if (it->index < L(l)->size) return L(l)->items[it->index++];
    it->list = VNULL;
    return VNULL;
}

static Value listiter_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    ListIterObject *it = (ListIterObject *)self;
    ssize_t n = it->list ? L(it->list)->size - it->index : 0;
    return val_from_int(n < 0 ? 0 : n);
}

static Value listiter_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    ListIterObject *it = (ListIterObject *)self;
    ssize_t i = num_as_ssize(args[0], &exc_OverflowError);
    if (i == -1 && err_occurred()) return VNULL;
    if (it->list) {
        if (i < 0) i = 0;
        else if (i > L(it->list)->size) i = L(it->list)->size;
        it->index = i;
    }
    return VNone;
}

/* (iter, (list,), index), or iter([]) once exhausted: CPython's pickling of iterators. */
static Value listiter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    ListIterObject *it = (ListIterObject *)self;
    extern Value builtins_dict;
    Value fn = dict_get_cstr(builtins_dict, "iter");
    if (!fn) return VNULL;
    if (!it->list) {
        Value empty = list_new(0);
        return empty ? tuple_pack(2, fn, tuple_pack(1, empty)) : VNULL;
    }
    return tuple_pack(3, fn, tuple_pack(1, it->list), int_from_i64(it->index));
}

static const MethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", listiter_reduce, 0, "Return state information for pickling."},
    {"__setstate__", listiter_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

static Type type_list_iter = {
    .hdr = {0, &type_type},
    .name = "list_iterator",
    .basicsize = sizeof(ListIterObject),
    .trace = listiter_trace,
    .iter = iter_self,
    .iternext = listiter_next,
    .methods = listiter_methods,
};

static Value list_iter(Value self) {
    misc_ready_type(&type_list_iter);
    ListIterObject *it = gc_alloc(&type_list_iter, sizeof(ListIterObject));
    if (!it) return VNULL;
    it->list = self;
    return obj_val(it);
}

/* Reverse iteration stops when the index drops below 0 and copes with the
 * list shrinking underneath it. */
static Value listreviter_next(Value self) {
    ListIterObject *it = (ListIterObject *)self;
    Value l = it->list;
    if (!l) return VNULL;
    if (it->index >= 0 && it->index < L(l)->size) return L(l)->items[it->index--];
    it->index = -1;
    it->list = VNULL;
    return VNULL;
}

static Value listreviter_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    ListIterObject *it = (ListIterObject *)self;
    ssize_t n = it->list && it->index < L(it->list)->size ? it->index + 1 : 0;
    return val_from_int(n < 0 ? 0 : n);
}

/* (reversed, (list,), index), or iter([]) once exhausted, as CPython pickles it. */
static Value listreviter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    ListIterObject *it = (ListIterObject *)self;
    extern Value builtins_dict;
    Value fn = dict_get_cstr(builtins_dict, it->list ? "reversed" : "iter");
    if (!fn) return VNULL;
    if (!it->list) {
        Value empty = list_new(0);
        return empty ? tuple_pack(2, fn, tuple_pack(1, empty)) : VNULL;
    }
    return tuple_pack(3, fn, tuple_pack(1, it->list), int_from_i64(it->index));
}

static Value listreviter_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    ListIterObject *it = (ListIterObject *)self;
    ssize_t i = num_as_ssize(args[0], &exc_OverflowError);
    if (i == -1 && err_occurred()) return VNULL;
    if (it->list) {
        if (i < -1) i = -1;
        else if (i > L(it->list)->size - 1) i = L(it->list)->size - 1;
        it->index = i;
    }
    return VNone;
}

static const MethodDef listreviter_methods[] = {
    {"__length_hint__", listreviter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", listreviter_reduce, 0, "Return state information for pickling."},
    {"__setstate__", listreviter_setstate, 0, "Set state information for unpickling."},
    {NULL},
};

static Type type_list_reviter = {
    .hdr = {0, &type_type},
    .name = "list_reverseiterator",
    .basicsize = sizeof(ListIterObject),
    .trace = listiter_trace,
    .iter = iter_self,
    .iternext = listreviter_next,
    .methods = listreviter_methods,
};

/* ---- Methods ---- */

static Value m_append(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("list.append", kw) < 0 || arg_count("append", nargs, 1, 1) < 0) return VNULL;
    if (list_append(self, args[0]) < 0) return VNULL;
    return VNone;
}

static Value m_extend(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("list.extend", kw) < 0 || arg_count("extend", nargs, 1, 1) < 0) return VNULL;
    if (list_extend(self, args[0]) < 0) return VNULL;
    return VNone;
}

static Value m_insert(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("insert", kw) < 0 || arg_count("insert", nargs, 2, 2) < 0) return VNULL;
    ssize_t i;
    if (val_is_int(args[0])) i = val_int(args[0]);
    else {
        i = num_as_ssize(args[0], &exc_OverflowError);
        if (i == -1 && err_occurred()) return VNULL;
    }
    if (list_insert(self, i, args[1]) < 0) return VNULL;
    return VNone;
}

static Value m_pop(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("pop", kw) < 0 || arg_count("pop", nargs, 0, 1) < 0) return VNULL;
    ssize_t i = -1;
    if (nargs) {
        if (val_is_int(args[0])) i = val_int(args[0]);
        else {
            i = num_as_ssize(args[0], &exc_OverflowError);
            if (i == -1 && err_occurred()) return VNULL;
        }
    }
    return list_pop(self, i);
}

static Value m_remove(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("list.remove", kw) < 0 || arg_count("remove", nargs, 1, 1) < 0) return VNULL;
    ListObject *l = L(self);
    for (ssize_t i = 0; i < l->size; i++) {
        int k = obj_richcompare_bool(l->items[i], args[0], CMP_EQ);
        if (k < 0) return VNULL;
        if (k) {
            if (list_ass_slice(l, i, i + 1, VNULL) < 0) return VNULL;
            return VNone;
        }
    }
    err_set(&exc_ValueError, "list.remove(x): x not in list");
    return VNULL;
}

/* A start/stop argument of index(): clamp like a slice bound. */
static int clamp_arg(Value v, ssize_t n, ssize_t *out) {
    ssize_t i;
    if (val_is_int(v)) i = val_int(v);
    else {
        if (!num_check_index(v)) {
            err_set(&exc_TypeError, "slice indices must be integers or have an __index__ method");
            return -1;
        }
        Value iv = num_index(v);
        if (!iv) return -1;
        if (val_is_int(iv)) i = val_int(iv);
        else i = int_sign(iv) < 0 ? -PTRDIFF_MAX : PTRDIFF_MAX; /* clamps like CPython */
    }
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    *out = i;
    return 0;
}

static Value m_index(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("index", kw) < 0 || arg_count("index", nargs, 1, 3) < 0) return VNULL;
    ListObject *l = L(self);
    ssize_t start = 0, stop = PTRDIFF_MAX;
    if (nargs > 1 && clamp_arg(args[1], l->size, &start) < 0) return VNULL;
    if (nargs > 2 && clamp_arg(args[2], l->size, &stop) < 0) return VNULL;
    for (ssize_t i = start; i < stop && i < l->size; i++) {
        int k = obj_richcompare_bool(l->items[i], args[0], CMP_EQ);
        if (k < 0) return VNULL;
        if (k) return val_from_int(i);
    }
    err_format(&exc_ValueError, "%R is not in list", args[0]);
    return VNULL;
}

static Value m_count(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("list.count", kw) < 0 || arg_count("count", nargs, 1, 1) < 0) return VNULL;
    ListObject *l = L(self);
    ssize_t c = 0;
    for (ssize_t i = 0; i < l->size; i++) {
        Value x = l->items[i];
        if (x == args[0]) {
            c++;
            continue;
        }
        int k = obj_richcompare_bool(x, args[0], CMP_EQ);
        if (k < 0) return VNULL;
        c += k;
    }
    return val_from_int(c);
}

static Value m_clear(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("list.clear", kw) < 0 || arg_count("clear", nargs, 0, 0) < 0) return VNULL;
    list_clear(self);
    return VNone;
}

static Value m_copy(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("list.copy", kw) < 0 || arg_count("copy", nargs, 0, 0) < 0) return VNULL;
    return list_slice(self, 0, L(self)->size);
}

static Value m_reverse(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("list.reverse", kw) < 0 || arg_count("reverse", nargs, 0, 0) < 0) return VNULL;
    list_reverse(self);
    return VNone;
}

static Value m_sort(Value self, Value *args, size_t nargs, Value kw) {
    if (nargs) {
        err_set(&exc_TypeError, "sort() takes no positional arguments");
        return VNULL;
    }
    Value out[2] = {VNULL, VNULL};
    for (ssize_t i = 0; kw && i < tuple_size(kw); i++) {
        Value name = tuple_get(kw, i);
        int which = str_eq_cstr(name, "key") ? 0 : str_eq_cstr(name, "reverse") ? 1 : -1;
        if (which < 0) {
            err_format(&exc_TypeError, "'%U' is an invalid keyword argument for sort()", name);
            return VNULL;
        }
        out[which] = args[i];
    }
    Value key = out[0] && out[0] != VNone ? out[0] : VNULL;
    bool reverse = false;
    if (out[1]) {
        /* CPython parses reverse as an int: floats and None are refused. */
        if (!num_check_index(out[1])) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(out[1]));
            return VNULL;
        }
        int t = obj_is_true(out[1]);
        if (t < 0) return VNULL;
        reverse = t;
    }
    if (list_sort(self, key, reverse) < 0) return VNULL;
    return VNone;
}

static Value m_reversed(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__reversed__", nargs, 0, 0) < 0) return VNULL;
    misc_ready_type(&type_list_reviter);
    ListIterObject *it = gc_alloc(&type_list_reviter, sizeof(ListIterObject));
    if (!it) return VNULL;
    it->list = self;
    it->index = L(self)->size - 1;
    return obj_val(it);
}

static Value m_sizeof(Value self, Value *args, size_t nargs, Value kw) {
    return val_from_int((intptr_t)(val_type(self)->basicsize + L(self)->allocated * sizeof(Value)));
}

static const MethodDef list_methods[] = {
    {"append", m_append, 0, "Append object to the end of the list."},
    {"extend", m_extend, 0, "Extend list by appending elements from the iterable."},
    {"insert", m_insert, 0, "Insert object before index."},
    {"pop", m_pop, 0, "Remove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range."},
    {"remove", m_remove, 0, "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", m_index, 0, "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", m_count, 0, "Return number of occurrences of value."},
    {"clear", m_clear, 0, "Remove all items from list."},
    {"copy", m_copy, 0, "Return a shallow copy of the list."},
    {"reverse", m_reverse, 0, "Reverse *IN PLACE*."},
    {"sort", m_sort, 0, "Sort the list in ascending order and return None."},
    {"__reversed__", m_reversed, 0, "Return a reverse iterator over the list."},
    {"__sizeof__", m_sizeof, 0, "Return the size of the list in memory, in bytes."},
    {NULL},
};

Type type_list = {
    .hdr = {0, &type_type},
    .name = "list",
    .basicsize = sizeof(ListObject),
    .flags = TF_BASETYPE | TF_LIST_SUBCLASS | TF_SEQUENCE,
    .trace = list_trace,
    .new = list_new_m,
    .init = list_init,
    .repr = list_repr,
    .hash = obj_hash_unhashable,
    .richcompare = list_richcompare,
    .iter = list_iter,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .sq_concat = list_concat,
    .sq_inplace_concat = list_inplace_concat,
    .sq_repeat = list_repeat,
    .sq_inplace_repeat = list_inplace_repeat,
    .methods = list_methods,
    .doc = "Built-in mutable sequence.\n\n"
           "If no argument is given, the constructor creates a new empty list.\n"
           "The argument must be an iterable if specified.",
};
