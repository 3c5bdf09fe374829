/* bytes.h - bytes (immutable, CPython's PyBytesObject layout) and bytearray. */
#ifndef TAIPAN_BYTES_H
#define TAIPAN_BYTES_H

#include "object.h"

typedef struct BytesObject {
    Object hdr;
    ssize_t size;
    hash_t hash;      /* -1: not computed */
    char data[];      /* size bytes and a NUL */
} BytesObject;

typedef struct ByteArrayObject {
    Object hdr;
    ssize_t size;
    ssize_t alloc;
    char *data;       /* points into a GC buffer object */
    ssize_t exports;  /* live buffer exports (memoryviews) */
} ByteArrayObject;

extern Type type_bytes, type_bytearray;

static inline const char *bytes_data(Value b) { return ((BytesObject *)b)->data; }
static inline ssize_t bytes_size(Value b) { return ((BytesObject *)b)->size; }
static inline bool bytes_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &type_bytes || (val_obj(v)->type->flags & TF_BYTES_SUBCLASS));
}

Value bytes_new(const char *data, size_t size);
BytesObject *bytes_alloc(size_t size);
Value bytes_repr(Value b);
hash_t bytes_hash(Value b);

#endif
