/* misc.h - small builtin types: None, NotImplemented, Ellipsis, range, slice, cell, iterators. */
#ifndef TAIPAN_MISC_H
#define TAIPAN_MISC_H

#include "object.h"

extern Type type_none, type_notimplemented, type_ellipsis;
extern Type type_range, type_range_iter, type_slice, type_cell;
extern Type type_seq_iter, type_callable_iter, type_enumerate, type_zip, type_map,
    type_filter, type_reversed;

typedef struct RangeObject {
    Object hdr;
    Value start, stop, step, length;    /* ints */
} RangeObject;

typedef struct SliceObject {
    Object hdr;
    Value start, stop, step;            /* VNone when absent */
} SliceObject;

typedef struct CellObject {
    Object hdr;
    Value ref;                          /* VNULL: empty */
} CellObject;

Value range_new(Value start, Value stop, Value step);
Value slice_new(Value start, Value stop, Value step);
/* Resolve a slice against a length, Python's slice.indices() semantics.
 * Returns the number of items selected, -1 with an exception on error. */
ssize_t slice_indices(Value slice, ssize_t length, ssize_t *start, ssize_t *stop, ssize_t *step);
ssize_t slice_indices_of(Value slice, const ssize_t *length, ssize_t *start, ssize_t *stop, ssize_t *step);
/* The same with int Values of any size (slice.indices(), range slicing):
 * start and stop clamped into the sequence, step nonzero.  0 or -1. */
int slice_indices_value(Value slice, Value length, Value *start, Value *stop, Value *step);
Value cell_new(Value v);
Value seq_iter_new(Value seq);          /* iteration by __getitem__ */
Value callable_iter_new(Value callable, Value sentinel);
/* reversed(seq): seq.__reversed__() when its type defines one, else a
 * reverse iterator over a sequence with __len__ and __getitem__. */
Value iter_reversed(Value seq);

/* The recursion guard of the container reprs (list.c): 1 if v's repr is
 * already running on this thread (print "[...]"), 0 after entering, -1 on
 * error.  Every 0 is paired with list_repr_leave(v). */
int list_repr_enter(Value v);
void list_repr_leave(Value v);

/* Helper types that are not in types.def (iterators, dict views) are
 * readied on first use: every path that creates one goes through here. */
void iter_ready_type_slow(Type *t);
static inline void misc_ready_type(Type *t) {
    if (unlikely(!(t->flags & TF_READY))) iter_ready_type_slow(t);
}

#endif
