/* set.h - set and frozenset: open-addressing hash tables of keys. */
#ifndef TAIPAN_SET_H
#define TAIPAN_SET_H

#include "object.h"

typedef struct SetEntry {
    hash_t hash;
    Value key;        /* VNULL: empty; set_dummy: deleted */
} SetEntry;

typedef struct SetObject {
    Object hdr;
    ssize_t fill;     /* active + dummy */
    ssize_t used;     /* active */
    ssize_t mask;     /* table size - 1 */
    SetEntry *table;  /* points into a GC buffer */
    hash_t hash;      /* frozenset only; -1 not computed */
} SetObject;

extern Type type_set, type_frozenset;

static inline ssize_t set_size(Value s) { return ((SetObject *)s)->used; }
static inline bool anyset_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &type_set || val_obj(v)->type == &type_frozenset ||
                              (val_obj(v)->type->flags & TF_SET_SUBCLASS));
}

Value set_new(Type *t);                   /* empty set or frozenset */
Value set_from_iterable(Type *t, Value it);
int set_add(Value s, Value key);
int set_discard(Value s, Value key);      /* 1 removed, 0 absent, -1 error */
int set_contains(Value s, Value key);
/* s.update(iterable) as CPython's _PySet_Update (SET_UPDATE, {*a}): a set
 * or dict operand is merged table-wise, which decides the result's order. */
int set_update(Value s, Value iterable);
bool set_next(Value s, ssize_t *pos, Value *key);
bool set_next_entry(Value s, ssize_t *pos, Value *key, hash_t *hash); /* with the stored hash */

#endif
