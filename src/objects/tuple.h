/* tuple.h - tuple: CPython's PyTupleObject layout (size, then items inline). */
#ifndef TAIPAN_TUPLE_H
#define TAIPAN_TUPLE_H

#include "object.h"

typedef struct TupleObject {
    Object hdr;
    ssize_t size;
    Value items[];
} TupleObject;

extern Type type_tuple;

static inline ssize_t tuple_size(Value t) { return ((TupleObject *)t)->size; }
static inline Value *tuple_items(Value t) { return ((TupleObject *)t)->items; }
static inline Value tuple_get(Value t, ssize_t i) { return ((TupleObject *)t)->items[i]; }
static inline bool tuple_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &type_tuple || (val_obj(v)->type->flags & TF_TUPLE_SUBCLASS));
}
static inline bool tuple_check_exact(Value v) { return !val_is_int(v) && val_obj(v)->type == &type_tuple; }

Value tuple_new(size_t n);                   /* items VNone-free zero: fill before use */
Value tuple_from_array(const Value *items, size_t n);
Value tuple_pack(size_t n, ...);
Value tuple_empty(void);
Value tuple_from_iterable(Value it);
Value tuple_slice(Value t, ssize_t start, ssize_t stop);
Value tuple_concat(Value a, Value b);
hash_t tuple_hash(Value t);

#endif
