/* list.h - list: CPython's PyListObject layout with a storage-strategy tag. */
#ifndef TAIPAN_LIST_H
#define TAIPAN_LIST_H

#include "object.h"

/*
 * `items` points into a GC-allocated item array (an Array object); slots
 * at index >= size are always VNULL.  `strategy` is reserved for unboxed
 * int/float storage (LIST_OBJECTS is the only strategy so far); code
 * outside list.c goes through the functions below, never `items`
 * directly, unless it checks the strategy first.
 */
enum { LIST_OBJECTS = 0 };

typedef struct ListObject {
    Object hdr;
    ssize_t size;
    Value *items;
    ssize_t allocated;
    uint32_t strategy;
    uint32_t sorting;   /* nonzero while sort() runs: mutation is an error */
} ListObject;

extern Type type_list;

static inline ssize_t list_size(Value l) { return ((ListObject *)l)->size; }
static inline Value *list_items(Value l) { return ((ListObject *)l)->items; }
static inline Value list_get(Value l, ssize_t i) { return ((ListObject *)l)->items[i]; }
static inline bool list_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &type_list || (val_obj(v)->type->flags & TF_LIST_SUBCLASS));
}
static inline bool list_check_exact(Value v) { return !val_is_int(v) && val_obj(v)->type == &type_list; }

Value list_new(size_t capacity);
Value list_from_array(const Value *items, size_t n);
Value list_from_iterable(Value it);
int list_append(Value l, Value v);
int list_extend(Value l, Value iterable);
int list_insert(Value l, ssize_t i, Value v);
void list_set(Value l, ssize_t i, Value v);   /* 0 <= i < size */
Value list_pop(Value l, ssize_t i);
Value list_slice(Value l, ssize_t start, ssize_t stop);
int list_sort(Value l, Value key, bool reverse);
int list_reverse(Value l);
void list_clear(Value l);
Value list_as_tuple(Value l);

/* A plain GC array of Values: the item storage behind lists and other containers. */
typedef struct ArrayObject {
    Object hdr;
    size_t capacity;
    Value items[];
} ArrayObject;
extern Type type_array_internal;
Value *array_alloc(size_t capacity);          /* zeroed items, NULL + MemoryError */

#endif
