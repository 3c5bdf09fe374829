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

static inline bool bytearray_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &type_bytearray || type_is_subtype(val_obj(v)->type, &type_bytearray));
}

Value bytes_new(const char *data, size_t size);
BytesObject *bytes_alloc(size_t size);          /* uninitialized data, NUL-terminated */
/* This thread's scratch buffer of at least n bytes for a read whose result
 * is usually short (then bytes_new at the size read), NULL when n is large. */
char *bytes_scratch(size_t n);
Value bytes_empty(void);
Value bytes_repr(Value b);
hash_t bytes_hash(Value b);
Value bytes_concat(Value a, Value b);
Value bytes_from_object(Value v);                 /* bytes(v) */
Value bytearray_new(const char *data, size_t size);
int bytearray_resize(Value ba, size_t size);      /* 0 or -1 with MemoryError/BufferError */

/* The bytes of a bytes-like object (bytes, bytearray; memoryview when it
 * registers through bytes_buffer_hook), or false without an exception.
 * The pointer is valid until the object is mutated or collected. */
bool bytes_get_buffer(Value v, const char **data, size_t *size);
extern bool (*bytes_buffer_hook)(Value v, const char **data, size_t *size);

/* A growable byte buffer (inline, then malloc'd; holds no Values; never copy one by value). */
typedef struct ByteBuilder {
    char *buf;
    size_t size, cap;
    bool failed;
    char inline_buf[128];
} ByteBuilder;
void bb_init(ByteBuilder *bb);
void bb_append(ByteBuilder *bb, const void *data, size_t n);
void bb_append_byte(ByteBuilder *bb, unsigned char c);
void bb_append_repeat(ByteBuilder *bb, unsigned char c, size_t n);
Value bb_finish(ByteBuilder *bb);                 /* a bytes object; frees the buffer */
Value bb_finish_bytearray(ByteBuilder *bb);
void bb_discard(ByteBuilder *bb);

#endif
