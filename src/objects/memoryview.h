/* memoryview.h - memoryview: a typed, possibly strided and N-dimensional view of another object's buffer. */
#ifndef TAIPAN_MEMORYVIEW_H
#define TAIPAN_MEMORYVIEW_H

#include "buffer.h"

/*
 * Every memoryview derived from one export (slices, casts, toreadonly(),
 * memoryview(mv)) shares a ManagedBuffer that holds that export, as in
 * CPython.  The export is given back when the last view is released, or
 * when the ManagedBuffer is collected (its finalizer): without reference
 * counting, a view that is simply dropped keeps e.g. a bytearray locked
 * against resizing until the next collection, so code should use
 * release() or `with memoryview(x) as m:` as CPython's documentation
 * recommends.
 */
typedef struct ManagedBuffer ManagedBuffer;

typedef struct MemoryViewObject {
    Object hdr;
    ManagedBuffer *mbuf;   /* the shared export; NULL once released */
    hash_t hash;           /* -1: not computed yet (kept after release) */
    int flags;             /* MV_* in memoryview.c */
    ssize_t exports;       /* Buffers handed out by this view's getbuffer */
    Buffer view;           /* obj, buf, format...; shape/strides/suboffsets point into arr */
    ssize_t arr[];         /* 3 * max(ndim, 1) */
} MemoryViewObject;

extern Type type_memoryview;

static inline bool memoryview_check(Value v) {
    return !val_is_int(v) && val_obj(v)->type == &type_memoryview;
}

/* memoryview(v): a new view of v's buffer (of the same export for a memoryview). */
Value memoryview_from_object(Value v);

#endif
