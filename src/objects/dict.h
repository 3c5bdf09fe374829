/* dict.h - dict: an insertion-ordered compact hash table (index array + entry array). */
#ifndef TAIPAN_DICT_H
#define TAIPAN_DICT_H

#include "object.h"

/*
 * `keys` is a DictKeys object holding a sparse index table of entry
 * numbers and a dense, insertion-ordered entry array.  `used` counts live
 * entries (CPython's ma_used at the same offset).  `version` changes on
 * every mutation that adds or removes a key or changes a value: caches of
 * global lookups compare it.  A key that is an exact str compares by
 * pointer, then hash, then bytes.
 */
typedef struct DictEntry {
    hash_t hash;
    Value key;        /* VNULL: deleted entry */
    Value value;
} DictEntry;

typedef struct DictKeys DictKeys;

typedef struct DictObject {
    Object hdr;
    ssize_t used;
    uint64_t version;
    DictKeys *keys;
} DictObject;

extern Type type_dict;

static inline ssize_t dict_size(Value d) { return ((DictObject *)d)->used; }
static inline bool dict_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &type_dict || (val_obj(v)->type->flags & TF_DICT_SUBCLASS));
}
static inline bool dict_check_exact(Value v) { return !val_is_int(v) && val_obj(v)->type == &type_dict; }

Value dict_new(void);
Value dict_new_presized(size_t n);
/* Lookup.  dict_get returns VNULL without an exception when the key is
 * missing, VNULL with an exception if hashing or comparing failed. */
Value dict_get(Value d, Value key);
Value dict_get_str(Value d, Value key);          /* key is an exact str */
Value dict_get_cstr(Value d, const char *key);
int dict_set(Value d, Value key, Value v);        /* 0 or -1 */
int dict_set_cstr(Value d, const char *key, Value v);
int dict_del(Value d, Value key);                 /* KeyError if missing */
int dict_contains(Value d, Value key);            /* 1, 0, -1 */
Value dict_pop(Value d, Value key, Value dflt);   /* dflt VNULL: KeyError */
void dict_clear(Value d);
Value dict_copy(Value d);
int dict_update(Value d, Value other);            /* dict.update(other) semantics */
int dict_merge(Value d, Value other, bool override);
Value dict_keys_list(Value d);
Value dict_values_list(Value d);
Value dict_items_list(Value d);
/* Iterate: for (ssize_t pos = 0; dict_next(d, &pos, &k, &v);) */
bool dict_next(Value d, ssize_t *pos, Value *key, Value *value);
/* The entry index of key, for inline caches (-1 if missing). */
ssize_t dict_lookup_index(Value d, Value key, hash_t hash);
DictEntry *dict_entry_at(Value d, ssize_t index);

/* Entry-level operations for OrderedDict (modules/collections_odict.c),
 * whose order is the entry order; see dict.c.  Entry numbers stay valid
 * until the next mutation. */
ssize_t dict_index_of(Value d, Value key);     /* entry number; -1: missing, or error if err_occurred() */
ssize_t dict_nentries(Value d);                /* entries in use, holes included */
ssize_t dict_first_index(Value d);             /* first live entry, -1 if empty; O(1) amortized */
ssize_t dict_last_index(Value d);              /* last live entry, -1 if empty; trims trailing holes */
void dict_delete_index(Value d, ssize_t ix);   /* remove live entry ix */
int dict_move_index(Value d, ssize_t ix, bool last); /* entry ix to the end or front; -1: MemoryError */
/* d.update(other) for any dict `other` whose items are its table's, whatever its
 * type's __iter__/keys() say (an exact OrderedDict); uses stored hashes. */
int dict_merge_table(Value d, Value other);

/* Views: dict_keys/dict_values/dict_items and their odict_* subclasses. */
typedef struct DictViewObject {
    Object hdr;
    Value dict;
} DictViewObject;

extern Type type_dict_keys, type_dict_values, type_dict_items;
Value dict_view_new(Value d, Type *view_type);

#endif
