/* buffer.h - the buffer protocol: how an object exposes its raw memory to memoryview, bytes() and C modules. */
#ifndef TAIPAN_BUFFER_H
#define TAIPAN_BUFFER_H

#include "object.h"

/*
 * A Buffer describes memory an object lends out, laid out like CPython's
 * Py_buffer so that C extension code can later be handed one directly.
 *
 * An exporter fills a Buffer in its type's `getbuffer` slot and undoes
 * whatever it did (a lock count, a pin) in `releasebuffer`.  While a
 * Buffer is held the exporter must keep `buf` valid and must not move or
 * resize the memory: bytearray counts its exports and refuses to resize
 * while any are held ("Existing exports of data: object cannot be
 * re-sized").
 *
 * GC contract: `buf`, `format`, `shape`, `strides` and `suboffsets` are raw
 * pointers the collector does not see.  They stay valid because `obj`
 * (the exporter, a Value) is kept alive by whoever holds the Buffer: a C
 * local is seen by the conservative stack scan, and a ManagedBuffer traces
 * it.  An exporter that points `shape`/`strides` into the Buffer itself
 * (as buffer_fill_info does) requires the Buffer not to be copied by value
 * while in use: copy with buffer_copy_view into storage of your own.
 *
 * The item at index (i0, ..., in-1) starts at
 *     buf + i0*strides[0] + ... + in-1*strides[n-1]
 * (with suboffsets, a dimension whose suboffset is >= 0 holds pointers to
 * follow, PIL-style; Taipan's own exporters never produce them).
 * `format` uses struct-module syntax ("B", "i", "@d"); NULL means "B".
 * A 0-dimensional buffer (ndim == 0) is a single item.
 */
typedef struct Buffer {
    void *buf;
    Value obj;               /* the exporter, VNULL once released */
    ssize_t len;             /* product(shape) * itemsize, in bytes */
    ssize_t itemsize;
    int readonly;
    int ndim;
    const char *format;
    ssize_t *shape;          /* NULL: 1-D of len / itemsize items */
    ssize_t *strides;        /* NULL: C-contiguous */
    ssize_t *suboffsets;     /* NULL: none */
    void *internal;          /* for the exporter's own use */
} Buffer;

/* The most dimensions a memoryview supports (CPython's PyBUF_MAX_NDIM). */
#define BUFFER_MAX_NDIM 64

/* Request flags, CPython's PyBUF_* values: what the consumer can cope with. */
enum {
    BUF_SIMPLE = 0,
    BUF_WRITABLE = 0x0001,
    BUF_FORMAT = 0x0004,
    BUF_ND = 0x0008,
    BUF_STRIDES = 0x0010 | BUF_ND,
    BUF_C_CONTIGUOUS = 0x0020 | BUF_STRIDES,
    BUF_F_CONTIGUOUS = 0x0040 | BUF_STRIDES,
    BUF_ANY_CONTIGUOUS = 0x0080 | BUF_STRIDES,
    BUF_INDIRECT = 0x0100 | BUF_STRIDES,
    BUF_CONTIG_RO = BUF_ND,
    BUF_RECORDS_RO = BUF_STRIDES | BUF_FORMAT,
    BUF_FULL_RO = BUF_INDIRECT | BUF_FORMAT,
    BUF_FULL = BUF_FULL_RO | BUF_WRITABLE,
};

/* The exporter hooks (Type.getbuffer / Type.releasebuffer), found along the base chain. */
typedef int (*GetBufferFunc)(Value obj, Buffer *view, int flags);
typedef void (*ReleaseBufferFunc)(Value obj, Buffer *view);

/* True if v's type (or a base) exports buffers: memoryview(v) would work. */
bool buffer_check(Value v);
/* Fill view from obj.  -1 with TypeError "a bytes-like object is required,
 * not 'T'" when obj exports no buffer, or the exporter's BufferError. */
int buffer_get(Value obj, Buffer *view, int flags);
/* Give the buffer back to its exporter; a released (obj == VNULL) view is left alone. */
void buffer_release(Buffer *view);

/* For exporters of one flat run of bytes (CPython's PyBuffer_FillInfo):
 * shape and strides point into view itself.  -1 with BufferError if a
 * writable buffer is asked of read-only memory. */
int buffer_fill_info(Buffer *view, Value obj, void *buf, ssize_t len, bool readonly, int flags);

/* Contiguity in order 'C' (row-major), 'F' (column-major) or 'A' (either). */
bool buffer_is_contiguous(const Buffer *view, char order);
/* Copy the items of src into dst (len bytes, == src->len) in order 'C',
 * 'F' or 'A' (as it lies for a contiguous view, else C). */
void buffer_to_contiguous(void *dst, const Buffer *src, char order);
/* The address of the item at index idx[0..ndim). */
char *buffer_item_ptr(const Buffer *view, const ssize_t *idx);
/* Fill strides for C-contiguous items of view->shape (view->ndim > 0). */
void buffer_init_strides(Buffer *view);

/* The exporters of the core types, named in bytes.c's type definitions. */
int buffer_bytes_export(Value obj, Buffer *view, int flags);
int buffer_bytearray_export(Value obj, Buffer *view, int flags);
void buffer_bytearray_release(Value obj, Buffer *view);

/* An exporter's lock count (bytearray's exports) is above zero: true if
 * it still is after a collection has given back the exports of views that
 * were dropped unreleased.  Without reference counting a temporary like
 * memoryview(ba)[2:] stays registered until collected; this makes
 * "resize after the views are gone" work as in CPython. */
bool buffer_exports_held(const ssize_t *exports);

/* bytes_buffer_hook (bytes.h): the C-contiguous bytes of any other
 * exporter, for the bytes methods that accept "a bytes-like object".
 * False, without an exception, for non-exporters and non-contiguous views
 * (CPython's PyBUF_SIMPLE request refuses those too). */
bool buffer_simple_bytes(Value v, const char **data, size_t *size);

/* Append the bytes of any exporter, in C order, to a ByteBuilder (bytes(x),
 * bytearray(x)): 1 when appended, 0 if v exports no buffer (no
 * exception), -1 on error. */
struct ByteBuilder;
int buffer_append_bytes(struct ByteBuilder *bb, Value v);

#endif
