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
Value cell_new(Value v);
Value seq_iter_new(Value seq);          /* iteration by __getitem__ */
Value callable_iter_new(Value callable, Value sentinel);

#endif
