/* slice.c - slice objects, resolving slices against a length, and the cell type. */
#include "misc.h"
#include "tuple.h"
#include "int.h"
#include "str.h"
#include "type.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"

/* ---- slice ---- */

Value slice_new(Value start, Value stop, Value step) {
    SliceObject *s = gc_alloc(&type_slice, sizeof(SliceObject));
    if (!s) return VNULL;
    s->start = start ? start : VNone;
    s->stop = stop ? stop : VNone;
    s->step = step ? step : VNone;
    return obj_val(s);
}

/* A slice bound as a C index, clamped to the ssize range the way CPython's
 * _PyEval_SliceIndex does (slices of huge ints select to the ends). */
static int slice_index(Value v, ssize_t *out) {
    if (val_is_int(v)) {
        *out = val_int(v);
        return 0;
    }
    if (!num_check_index(v)) {
        err_set(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    Value iv = num_index(v);
    if (!iv) return -1;
    if (val_is_int(iv)) *out = val_int(iv);
    else if (int_fits_i64(iv)) *out = (ssize_t)int_as_i64(iv);
    else *out = int_sign(iv) < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
    return 0;
}

ssize_t slice_indices(Value slice, ssize_t length, ssize_t *pstart, ssize_t *pstop, ssize_t *pstep) {
    return slice_indices_of(slice, &length, pstart, pstop, pstep);
}

/* The length is read once the bounds' __index__ methods have run: they may resize the
 * sequence (a list cleared by __index__ must not be sliced at its old length). */
ssize_t slice_indices_of(Value slice, const ssize_t *plength, ssize_t *pstart, ssize_t *pstop, ssize_t *pstep) {
    SliceObject *s = (SliceObject *)slice;
    ssize_t start, stop, step;
    if (s->step == VNone) step = 1;
    else {
        if (slice_index(s->step, &step) < 0) return -1;
        if (step == 0) {
            err_set(&exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* Keep -step representable. */
        if (step < -PTRDIFF_MAX) step = -PTRDIFF_MAX;
    }
    if (s->start == VNone) start = step < 0 ? PTRDIFF_MAX : 0;
    else if (slice_index(s->start, &start) < 0) return -1;
    if (s->stop == VNone) stop = step < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
    else if (slice_index(s->stop, &stop) < 0) return -1;

    ssize_t length = *plength;
    if (start < 0) {
        start += length;
        if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= length) {
        start = step < 0 ? length - 1 : length;
    }
    if (stop < 0) {
        stop += length;
        if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= length) {
        stop = step < 0 ? length - 1 : length;
    }
    ssize_t n = 0;
    if (step < 0) {
        if (stop < start) n = (ssize_t)(((size_t)start - (size_t)stop - 1) / (size_t)(-step) + 1);
    } else if (start < stop) {
        n = (ssize_t)(((size_t)stop - (size_t)start - 1) / (size_t)step + 1);
    }
    *pstart = start;
    *pstop = stop;
    *pstep = step;
    return n;
}

static Value as_index(Value v) {
    if (val_is_int(v)) return v;
    if (!num_check_index(v)) {
        err_set(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return VNULL;
    }
    return num_index(v);
}

/* Clamp an int Value into [lo, hi]. */
static Value clamp(Value v, Value lo, Value hi) {
    if (int_compare(v, lo) < 0) return lo;
    if (int_compare(v, hi) > 0) return hi;
    return v;
}

int slice_indices_value(Value slice, Value length, Value *pstart, Value *pstop, Value *pstep) {
    SliceObject *s = (SliceObject *)slice;
    Value step = VNone == s->step ? val_from_int(1) : as_index(s->step);
    if (!step) return -1;
    int sign = int_sign(step);
    if (sign == 0) {
        err_set(&exc_ValueError, "slice step cannot be zero");
        return -1;
    }
    Value lower, upper;
    if (sign < 0) {
        lower = val_from_int(-1);
        upper = int_add(length, lower);
    } else {
        lower = val_from_int(0);
        upper = length;
    }
    if (!upper) return -1;
    Value bounds[2] = {s->start, s->stop};
    Value out[2];
    for (int k = 0; k < 2; k++) {
        if (bounds[k] == VNone) {
            /* start defaults to the near end, stop to the far end. */
            out[k] = (k == 0) == (sign < 0) ? upper : lower;
            continue;
        }
        Value v = as_index(bounds[k]);
        if (!v) return -1;
        if (int_sign(v) < 0) {
            v = int_add(v, length);
            if (!v) return -1;
        }
        out[k] = clamp(v, lower, upper);
    }
    *pstart = out[0];
    *pstop = out[1];
    *pstep = step;
    return 0;
}

static void slice_trace(Object *o) {
    SliceObject *s = (SliceObject *)o;
    gc_mark(s->start);
    gc_mark(s->stop);
    gc_mark(s->step);
}

static Value slice_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("slice", kwnames) < 0 || arg_count("slice", nargs, 1, 3) < 0) return VNULL;
    if (nargs == 1) return slice_new(VNone, args[0], VNone);
    return slice_new(args[0], args[1], nargs == 3 ? args[2] : VNone);
}

static Value slice_repr(Value self) {
    SliceObject *s = (SliceObject *)self;
    return str_printf("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static Value slice_richcompare(Value a, Value b, int op) {
    if (val_type(a) != &type_slice || val_type(b) != &type_slice) return VNotImplemented;
    if (a == b && (op == CMP_EQ || op == CMP_NE)) return val_bool(op == CMP_EQ);
    SliceObject *x = (SliceObject *)a, *y = (SliceObject *)b;
    Value ta = tuple_pack(3, x->start, x->stop, x->step);
    Value tb = ta ? tuple_pack(3, y->start, y->stop, y->step) : VNULL;
    if (!tb) return VNULL;
    return obj_richcompare(ta, tb, op);
}

static Value m_indices(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("slice.indices", kw) < 0 || arg_count("slice.indices", nargs, 1, 1) < 0) return VNULL;
    Value length = val_is_int(args[0]) ? args[0] : num_index(args[0]);
    if (!length) return VNULL;
    if (int_sign(length) < 0) {
        err_set(&exc_ValueError, "length should not be negative");
        return VNULL;
    }
    Value start, stop, step;
    if (slice_indices_value(self, length, &start, &stop, &step) < 0) return VNULL;
    return tuple_pack(3, start, stop, step);
}

static Value m_reduce(Value self, Value *args, size_t nargs, Value kw) {
    SliceObject *s = (SliceObject *)self;
    Value a = tuple_pack(3, s->start, s->stop, s->step);
    if (!a) return VNULL;
    return tuple_pack(2, obj_val(&type_slice), a);
}

static const MethodDef slice_methods[] = {
    {"indices", m_indices, 0, "S.indices(len) -> (start, stop, stride)\n\n"
                              "Assuming a sequence of length len, calculate the start and stop\n"
                              "indices, and the stride length of the extended slice described by\n"
                              "S. Out of bounds indices are clipped in a manner consistent with the\n"
                              "handling of normal slices."},
    {"__reduce__", m_reduce, 0, "Return state information for pickling."},
    {NULL},
};

static const MemberDef slice_members[] = {
    {"start", MEMBER_VALUE_RO, offsetof(SliceObject, start)},
    {"stop", MEMBER_VALUE_RO, offsetof(SliceObject, stop)},
    {"step", MEMBER_VALUE_RO, offsetof(SliceObject, step)},
    {NULL},
};

Type type_slice = {
    .hdr = {0, &type_type},
    .name = "slice",
    .basicsize = sizeof(SliceObject),
    .trace = slice_trace,
    .new = slice_new_m,
    .repr = slice_repr,
    .hash = obj_hash_unhashable,
    .richcompare = slice_richcompare,
    .methods = slice_methods,
    .members = slice_members,
    .doc = "slice(stop)\nslice(start, stop[, step])\n\n"
           "Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
};

/* ---- cell ---- */

Value cell_new(Value v) {
    CellObject *c = gc_alloc(&type_cell, sizeof(CellObject));
    if (!c) return VNULL;
    c->ref = v;
    return obj_val(c);
}

static void cell_trace(Object *o) { gc_mark(((CellObject *)o)->ref); }

static Value cell_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("cell", kwnames) < 0 || arg_count("cell", nargs, 0, 1) < 0) return VNULL;
    return cell_new(nargs ? args[0] : VNULL);
}

static Value cell_repr(Value self) {
    CellObject *c = (CellObject *)self;
    if (!c->ref) return str_printf("<cell at %p: empty>", (void *)self);
    return str_printf("<cell at %p: %s object at %p>", (void *)self, type_name(c->ref), (void *)c->ref);
}

/* Cells compare by contents; an empty cell sorts before anything. */
static Value cell_richcompare(Value a, Value b, int op) {
    if (val_type(a) != &type_cell || val_type(b) != &type_cell) return VNotImplemented;
    Value x = ((CellObject *)a)->ref, y = ((CellObject *)b)->ref;
    if (x && y) return obj_richcompare(x, y, op);
    int ex = x != VNULL, ey = y != VNULL; /* compare "is set" flags */
    bool r;
    switch (op) {
    case CMP_LT: r = ex < ey; break;
    case CMP_LE: r = ex <= ey; break;
    case CMP_EQ: r = ex == ey; break;
    case CMP_NE: r = ex != ey; break;
    case CMP_GT: r = ex > ey; break;
    default: r = ex >= ey; break;
    }
    return val_bool(r);
}

static Value cell_get_contents(Value self) {
    Value v = ((CellObject *)self)->ref;
    if (!v) err_set(&exc_ValueError, "Cell is empty");
    return v;
}

static int cell_set_contents(Value self, Value v) {
    GC_WRITE(val_obj(self), ((CellObject *)self)->ref, v);
    return 0;
}

static const GetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL},
    {NULL},
};

Type type_cell = {
    .hdr = {0, &type_type},
    .name = "cell",
    .basicsize = sizeof(CellObject),
    .trace = cell_trace,
    .new = cell_new_m,
    .repr = cell_repr,
    .hash = obj_hash_unhashable,
    .richcompare = cell_richcompare,
    .getsets = cell_getsets,
    .doc = "cell([contents])\n--\n\nCreate a new cell object.\n\n"
           "  contents\n    the contents of the cell. If not specified, the cell will be empty,\n"
           "    and \n further attempts to access its cell_contents attribute will\n"
           "    raise a ValueError.",
};
