/* set.c - set and frozenset: CPython 3.11's open-addressing key tables, set algebra, the set iterator. */
#include "set.h"
#include "dict.h"
#include "tuple.h"
#include "list.h"
#include "misc.h"
#include "int.h"
#include "str.h"
#include "type.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"

/*
 * The table is CPython's, probe for probe, so that a set of ints iterates in
 * the same order as under CPython (the order follows from equal hashes, the
 * same table sizes and the same probe sequence):
 *
 * - The table has 2**k entries (at least 8).  A probe looks at slot
 *   hash & mask and then at up to LINEAR_PROBES following slots (when they
 *   do not wrap), then jumps: perturb >>= 5; i = (i*5 + 1 + perturb) & mask.
 * - An empty slot has hash 0 and key VNULL; a deleted slot ("dummy") has
 *   hash -1 and key `dummy`.  Insertion reuses the last dummy seen on the
 *   probe path.
 * - After filling a fresh slot, the table grows when fill*5 >= mask*3, to
 *   the smallest power of two above used*4 (used*2 beyond 50000 items).
 *
 * The table lives in a SetTable GC object; SetObject.table points at its
 * first entry.  A mutable set keeps pop()'s search finger in the `hash`
 * field, which only frozensets need for their hash.
 */

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define SET_MINSIZE 8

typedef struct SetTable {
    Object hdr;
    size_t n;
    SetEntry entries[];
} SetTable;

static void settable_trace(Object *o) {
    SetTable *t = (SetTable *)o;
    for (size_t i = 0; i < t->n; i++) gc_mark(t->entries[i].key); /* the static dummy is skipped */
}

static Type type_settable_internal = {
    .flags = TF_INTERNAL,
    .hdr = {0, &type_type},
    .name = "set_table",
    .basicsize = sizeof(SetTable),
    .trace = settable_trace,
};

/* The placeholder key of deleted entries. */
static Object dummy_obj = {0, &type_object};
#define DUMMY obj_val(&dummy_obj)

static inline SetObject *S(Value s) { return (SetObject *)s; }

static SetEntry *table_alloc(size_t n) {
    SetTable *t = gc_alloc(&type_settable_internal, sizeof(SetTable) + n * sizeof(SetEntry));
    if (!t) return NULL;
    t->n = n;
    return t->entries;
}

static inline bool is_frozen_type(Type *t) { return t == &type_frozenset || (t != &type_set && type_is_subtype(t, &type_frozenset)); }
static inline bool is_frozen(Value s) { return is_frozen_type(val_type(s)); }
static inline bool set_check(Value v) { return anyset_check(v) && !is_frozen(v); }
static inline bool frozenset_check_exact(Value v) { return !val_is_int(v) && val_obj(v)->type == &type_frozenset; }

static inline hash_t hash_of(Value key) {
    if (val_is_int(key)) {
        intptr_t i = val_int(key);
        if (i > -((intptr_t)1 << 61) + 1 && i < ((intptr_t)1 << 61) - 1) return i == -1 ? -2 : i;
        return int_hash(key);
    }
    if (str_check_exact(key)) return str_hash(key);
    return obj_hash(key);
}

/* ---- Probing ---- */

/* The entry holding key, or the empty entry that ends its probe sequence
 * (key VNULL).  NULL on a comparison error. */
static SetEntry *lookkey(SetObject *so, Value key, hash_t hash) {
    bool key_is_str = str_check_exact(key);
restart:;
    size_t perturb = (size_t)hash, mask = (size_t)so->mask, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == VNULL) return entry;
            if (entry->hash == hash) {
                Value startkey = entry->key;
                if (startkey == key) return entry;
                if (key_is_str && str_check_exact(startkey)) {
                    if (str_eq(startkey, key)) return entry;
                } else if (!(val_is_int(startkey) && val_is_int(key))) {
                    SetEntry *table = so->table;
                    int cmp = obj_richcompare_bool(startkey, key, CMP_EQ);
                    if (cmp < 0) return NULL;
                    if (table != so->table || entry->key != startkey) goto restart;
                    if (cmp > 0) return entry;
                    mask = (size_t)so->mask;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Place a key known to be absent into a table without dummies. */
static void insert_clean(SetEntry *table, size_t mask, Value key, hash_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    SetEntry *entry;
    for (;;) {
        entry = &table[i];
        if (entry->key == VNULL) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == VNULL) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    entry->key = key;
    entry->hash = hash;
}

static int table_resize(SetObject *so, ssize_t minused) {
    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused) newsize <<= 1;
    SetEntry *old = so->table;
    size_t oldmask = (size_t)so->mask;
    /* A minimum-size table without dummies has nothing to gain. */
    if (newsize == SET_MINSIZE && oldmask == SET_MINSIZE - 1 && so->fill == so->used) return 0;
    SetEntry *table = table_alloc(newsize);
    if (!table) return -1;
    so->table = table;
    so->mask = (ssize_t)newsize - 1;
    for (size_t i = 0; i <= oldmask; i++) {
        Value k = old[i].key;
        if (k != VNULL && k != DUMMY) insert_clean(table, newsize - 1, k, old[i].hash);
    }
    so->fill = so->used;
    return 0;
}

static int add_entry(SetObject *so, Value key, hash_t hash) {
    bool key_is_str = str_check_exact(key);
restart:;
    size_t perturb = (size_t)hash, mask = (size_t)so->mask, i = (size_t)hash & mask;
    SetEntry *freeslot = NULL, *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == VNULL) goto found_unused_or_dummy;
            if (entry->hash == hash) {
                Value startkey = entry->key;
                if (startkey == key) return 0;
                if (key_is_str && str_check_exact(startkey)) {
                    if (str_eq(startkey, key)) return 0;
                } else if (!(val_is_int(startkey) && val_is_int(key))) {
                    SetEntry *table = so->table;
                    int cmp = obj_richcompare_bool(startkey, key, CMP_EQ);
                    if (cmp > 0) return 0;
                    if (cmp < 0) return -1;
                    if (table != so->table || entry->key != startkey) goto restart;
                    mask = (size_t)so->mask;
                }
            } else if (entry->hash == -1) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3) return 0;
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static int contains_entry(SetObject *so, Value key, hash_t hash) {
    SetEntry *e = lookkey(so, key, hash);
    if (!e) return -1;
    return e->key != VNULL;
}

/* 1 found and removed, 0 absent, -1 error. */
static int discard_entry(SetObject *so, Value key, hash_t hash) {
    SetEntry *e = lookkey(so, key, hash);
    if (!e) return -1;
    if (e->key == VNULL) return 0;
    e->key = DUMMY;
    e->hash = -1;
    so->used--;
    return 1;
}

static int add_key(SetObject *so, Value key) {
    hash_t h = hash_of(key);
    if (h == -1) return -1;
    return add_entry(so, key, h);
}

static int contains_key(SetObject *so, Value key) {
    hash_t h = hash_of(key);
    if (h == -1) return -1;
    return contains_entry(so, key, h);
}

static int discard_key(SetObject *so, Value key) {
    hash_t h = hash_of(key);
    if (h == -1) return -1;
    return discard_entry(so, key, h);
}

static int clear_internal(SetObject *so) {
    SetEntry *t = table_alloc(SET_MINSIZE);
    if (!t) return -1;
    so->table = t;
    so->mask = SET_MINSIZE - 1;
    so->fill = so->used = 0;
    if (is_frozen(obj_val(so))) so->hash = -1;
    return 0;
}

/* The next active entry at or after *pos. */
static bool next_entry(SetObject *so, ssize_t *pos, SetEntry **out) {
    ssize_t i = *pos, mask = so->mask;
    SetEntry *e = so->table;
    while (i <= mask && (e[i].key == VNULL || e[i].key == DUMMY)) i++;
    *pos = i + 1;
    if (i > mask) return false;
    *out = &e[i];
    return true;
}

/* ---- Building sets ---- */

static int merge(SetObject *so, SetObject *other) {
    if (other == so || other->used == 0) return 0;
    /* One big resize up front: expect few overlapping keys. */
    if ((so->fill + other->used) * 5 >= so->mask * 3 && table_resize(so, (so->used + other->used) * 2) < 0)
        return -1;
    SetEntry *src = other->table;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        /* Same size, empty target, no dummies: copy slot for slot. */
        for (ssize_t i = 0; i <= other->mask; i++)
            if (src[i].key != VNULL) so->table[i] = src[i];
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        size_t mask = (size_t)so->mask;
        for (ssize_t i = 0; i <= other->mask; i++) {
            Value k = src[i].key;
            if (k != VNULL && k != DUMMY) insert_clean(so->table, mask, k, src[i].hash);
        }
        so->fill = so->used = other->used;
        return 0;
    }
    /* Duplicates are possible: insert normally.  Re-read other's table each
     * step, since __eq__ may change it. */
    for (ssize_t i = 0; i <= other->mask; i++) {
        SetEntry e = other->table[i];
        if (e.key != VNULL && e.key != DUMMY && add_entry(so, e.key, e.hash) < 0) return -1;
    }
    return 0;
}

static int update_internal(SetObject *so, Value other) {
    if (anyset_check(other)) return merge(so, S(other));
    if (dict_check_exact(other)) {
        ssize_t n = dict_size(other);
        if ((so->fill + n) * 5 >= so->mask * 3 && table_resize(so, (so->used + n) * 2) < 0) return -1;
        Value k;
        for (ssize_t pos = 0; dict_next(other, &pos, &k, NULL);)
            if (add_entry(so, k, dict_entry_at(other, pos - 1)->hash) < 0) return -1;
        return 0;
    }
    Value it = obj_iter(other);
    if (!it) return -1;
    for (;;) {
        Value k = obj_next(it);
        if (!k) return err_occurred() ? -1 : 0;
        if (add_key(so, k) < 0) return -1;
    }
}

/* An empty instance of t (set, frozenset or a subclass of either). */
static Value alloc_set(Type *t) {
    SetObject *so;
    if (t == &type_set || t == &type_frozenset) so = gc_alloc(t, sizeof(SetObject));
    else so = (SetObject *)type_generic_alloc(t, 0);
    if (!so) return VNULL;
    so->table = table_alloc(SET_MINSIZE);
    if (!so->table) return VNULL;
    so->mask = SET_MINSIZE - 1;
    so->hash = is_frozen_type(t) ? -1 : 0;
    return obj_val(so);
}

static Value make_new_set(Type *t, Value iterable) {
    Value s = alloc_set(t);
    if (!s) return VNULL;
    if (iterable && update_internal(S(s), iterable) < 0) return VNULL;
    return s;
}

/* Results of operations on subclass instances are plain sets/frozensets. */
static Value make_new_set_basetype(Type *t, Value iterable) {
    if (t != &type_set && t != &type_frozenset) t = is_frozen_type(t) ? &type_frozenset : &type_set;
    return make_new_set(t, iterable);
}

Value set_new(Type *t) { return alloc_set(t); }

Value set_from_iterable(Type *t, Value it) {
    if (t == &type_frozenset && frozenset_check_exact(it)) return it;
    return make_new_set(t, it);
}

int set_add(Value s, Value key) { return add_key(S(s), key); }
int set_discard(Value s, Value key) { return discard_key(S(s), key); }
int set_contains(Value s, Value key) { return contains_key(S(s), key); }
int set_update(Value s, Value iterable) { return update_internal(S(s), iterable); }

bool set_next(Value s, ssize_t *pos, Value *key) {
    SetEntry *e;
    if (!next_entry(S(s), pos, &e)) return false;
    *key = e->key;
    return true;
}

bool set_next_entry(Value s, ssize_t *pos, Value *key, hash_t *hash) {
    SetEntry *e;
    if (!next_entry(S(s), pos, &e)) return false;
    *key = e->key;
    *hash = e->hash;
    return true;
}

/* Exchange the contents of two sets (intersection_update builds the result
 * aside, then swaps it in). */
static void swap_bodies(SetObject *a, SetObject *b) {
    ssize_t t;
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;
    SetEntry *u = a->table; a->table = b->table; b->table = u;
    if (is_frozen(obj_val(a)) && is_frozen(obj_val(b))) {
        hash_t h = a->hash; a->hash = b->hash; b->hash = h;
    } else {
        if (is_frozen(obj_val(a))) a->hash = -1;
        if (is_frozen(obj_val(b))) b->hash = -1;
    }
}

/* ---- The algebra ---- */

static Value set_copy_of(Value so) { return make_new_set_basetype(val_type(so), so); }

static Value intersection(Value sov, Value other) {
    if (sov == other) return set_copy_of(sov);
    Value result = make_new_set_basetype(val_type(sov), VNULL);
    if (!result) return VNULL;
    SetObject *so = S(sov), *r = S(result);
    if (anyset_check(other)) {
        SetObject *o = S(other);
        /* Probe the bigger set with the smaller one's entries. */
        if (o->used > so->used) {
            SetObject *t = so;
            so = o;
            o = t;
        }
        ssize_t pos = 0;
        SetEntry *e;
        while (next_entry(o, &pos, &e)) {
            Value key = e->key;
            hash_t h = e->hash;
            int rv = contains_entry(so, key, h);
            if (rv < 0) return VNULL;
            if (rv && add_entry(r, key, h) < 0) return VNULL;
        }
        return result;
    }
    Value it = obj_iter(other);
    if (!it) return VNULL;
    for (;;) {
        Value key = obj_next(it);
        if (!key) return err_occurred() ? VNULL : result;
        hash_t h = hash_of(key);
        if (h == -1) return VNULL;
        int rv = contains_entry(so, key, h);
        if (rv < 0) return VNULL;
        if (rv) {
            if (add_entry(r, key, h) < 0) return VNULL;
            if (r->used >= so->used) return result;
        }
    }
}

static int difference_update_internal(SetObject *so, Value other) {
    if (obj_val(so) == other) return clear_internal(so);
    if (anyset_check(other)) {
        /* A much bigger other: only the common part matters. */
        if ((S(other)->used >> 3) > so->used) {
            other = intersection(obj_val(so), other);
            if (!other) return -1;
        }
        SetObject *o = S(other);
        ssize_t pos = 0;
        SetEntry *e;
        while (next_entry(o, &pos, &e))
            if (discard_entry(so, e->key, e->hash) < 0) return -1;
    } else {
        Value it = obj_iter(other);
        if (!it) return -1;
        for (;;) {
            Value key = obj_next(it);
            if (!key) {
                if (err_occurred()) return -1;
                break;
            }
            if (discard_key(so, key) < 0) return -1;
        }
    }
    /* If more than a quarter are dummies, resize them away. */
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4) return 0;
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static Value copy_and_difference(Value so, Value other) {
    Value r = set_copy_of(so);
    if (!r || difference_update_internal(S(r), other) < 0) return VNULL;
    return r;
}

static Value difference(Value sov, Value other) {
    ssize_t other_size;
    if (anyset_check(other)) other_size = S(other)->used;
    else if (dict_check_exact(other)) other_size = dict_size(other);
    else return copy_and_difference(sov, other);
    SetObject *so = S(sov);
    if ((so->used >> 2) > other_size) return copy_and_difference(sov, other);
    Value result = make_new_set_basetype(val_type(sov), VNULL);
    if (!result) return VNULL;
    ssize_t pos = 0;
    SetEntry *e;
    while (next_entry(so, &pos, &e)) {
        Value key = e->key;
        hash_t h = e->hash;
        int rv;
        if (dict_check_exact(other)) {
            ssize_t ix = dict_lookup_index(other, key, h);
            if (ix < 0 && err_occurred()) return VNULL;
            rv = ix >= 0;
        } else {
            rv = contains_entry(S(other), key, h);
            if (rv < 0) return VNULL;
        }
        if (!rv && add_entry(S(result), key, h) < 0) return VNULL;
    }
    return result;
}

static int symmetric_difference_update(SetObject *so, Value other) {
    if (obj_val(so) == other) return clear_internal(so);
    if (dict_check_exact(other)) {
        for (ssize_t pos = 0;;) {
            Value key;
            if (!dict_next(other, &pos, &key, NULL)) return 0;
            hash_t h = dict_entry_at(other, pos - 1)->hash;
            int rv = discard_entry(so, key, h);
            if (rv < 0) return -1;
            if (rv == 0 && add_entry(so, key, h) < 0) return -1;
        }
    }
    Value otherset = anyset_check(other) ? other : make_new_set_basetype(val_type(obj_val(so)), other);
    if (!otherset) return -1;
    ssize_t pos = 0;
    SetEntry *e;
    while (next_entry(S(otherset), &pos, &e)) {
        Value key = e->key;
        hash_t h = e->hash;
        int rv = discard_entry(so, key, h);
        if (rv < 0) return -1;
        if (rv == 0 && add_entry(so, key, h) < 0) return -1;
    }
    return 0;
}

static Value symmetric_difference(Value so, Value other) {
    Value r = make_new_set_basetype(val_type(so), other);
    if (!r || symmetric_difference_update(S(r), so) < 0) return VNULL;
    return r;
}

/* 1, 0 or -1. */
static int issubset(Value sov, Value other) {
    if (!anyset_check(other)) {
        Value tmp = make_new_set(&type_set, other);
        if (!tmp) return -1;
        return issubset(sov, tmp);
    }
    SetObject *so = S(sov);
    if (so->used > S(other)->used) return 0;
    ssize_t pos = 0;
    SetEntry *e;
    while (next_entry(so, &pos, &e)) {
        int rv = contains_entry(S(other), e->key, e->hash);
        if (rv <= 0) return rv;
    }
    return 1;
}

static int issuperset(Value so, Value other) {
    if (!anyset_check(other)) {
        Value tmp = make_new_set(&type_set, other);
        if (!tmp) return -1;
        other = tmp;
    }
    return issubset(other, so);
}

static int isdisjoint(Value sov, Value other) {
    if (sov == other) return S(sov)->used == 0;
    if (anyset_check(other)) {
        SetObject *so = S(sov), *o = S(other);
        if (o->used > so->used) {
            SetObject *t = so;
            so = o;
            o = t;
        }
        ssize_t pos = 0;
        SetEntry *e;
        while (next_entry(o, &pos, &e)) {
            int rv = contains_entry(so, e->key, e->hash);
            if (rv != 0) return rv < 0 ? -1 : 0;
        }
        return 1;
    }
    Value it = obj_iter(other);
    if (!it) return -1;
    for (;;) {
        Value key = obj_next(it);
        if (!key) return err_occurred() ? -1 : 1;
        int rv = contains_key(S(sov), key);
        if (rv != 0) return rv < 0 ? -1 : 0;
    }
}

/* ---- Slots ---- */

static void set_trace(Object *o) {
    SetObject *so = (SetObject *)o;
    if (so->table) gc_mark(obj_val(container_of(so->table, SetTable, entries)));
}

static Value set_repr(Value self) {
    SetObject *so = S(self);
    const char *name = val_type(self)->name;
    int r = list_repr_enter(self);
    if (r != 0) return r > 0 ? str_printf("%s(...)", name) : VNULL;
    Value result = VNULL;
    if (so->used == 0) {
        result = str_printf("%s()", name);
        goto done;
    }
    Value keys = list_from_iterable(self);
    if (!keys) goto done;
    StrBuilder sb;
    sb_init(&sb);
    bool plain = val_type(self) == &type_set;
    if (!plain) {
        sb_append_cstr(&sb, name);
        sb_append_char(&sb, '(');
    }
    sb_append_char(&sb, '{');
    for (ssize_t i = 0; i < list_size(keys); i++) {
        if (i) sb_append(&sb, ", ", 2);
        if (sb_append_repr(&sb, list_get(keys, i)) < 0) {
            sb_discard(&sb);
            goto done;
        }
    }
    sb_append_char(&sb, '}');
    if (!plain) sb_append_char(&sb, ')');
    result = sb_finish(&sb);
done:
    list_repr_leave(self);
    return result;
}

static ssize_t set_len(Value self) { return S(self)->used; }

/* `x in s`, where an unhashable set x is looked up as a frozenset. */
static int set_contains_slot(Value self, Value key) {
    int rv = contains_key(S(self), key);
    if (rv < 0 && set_check(key) && err_matches(&exc_TypeError)) {
        err_clear();
        Value tmp = make_new_set(&type_frozenset, key);
        if (!tmp) return -1;
        rv = contains_key(S(self), tmp);
    }
    return rv;
}

static inline uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

/* CPython's frozenset hash: order-independent xor of shuffled entry hashes. */
static hash_t frozenset_hash(Value self) {
    SetObject *so = S(self);
    if (so->hash != -1) return so->hash;
    uint64_t hash = 0;
    for (ssize_t i = 0; i <= so->mask; i++) {
        Value k = so->table[i].key;
        if (k != VNULL && k != DUMMY) hash ^= shuffle_bits((uint64_t)so->table[i].hash);
    }
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) hash = 590923713UL;
    so->hash = (hash_t)hash;
    return (hash_t)hash;
}

static Value set_richcompare(Value v, Value w, int op) {
    if (!anyset_check(v) || !anyset_check(w)) return VNotImplemented;
    SetObject *a = S(v), *b = S(w);
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        if (a->used != b->used) r = 0;
        else if (is_frozen(v) && is_frozen(w) && a->hash != -1 && b->hash != -1 && a->hash != b->hash) r = 0;
        else r = issubset(v, w);
        if (r < 0) return VNULL;
        return val_bool(op == CMP_EQ ? r : !r);
    case CMP_LE: r = issubset(v, w); break;
    case CMP_GE: r = issuperset(v, w); break;
    case CMP_LT: r = a->used >= b->used ? 0 : issubset(v, w); break;
    case CMP_GT: r = a->used <= b->used ? 0 : issuperset(v, w); break;
    default: return VNotImplemented;
    }
    if (r < 0) return VNULL;
    return val_bool(r);
}

static Value set_or(Value a, Value b) {
    if (!anyset_check(a) || !anyset_check(b)) return VNotImplemented;
    Value r = set_copy_of(a);
    if (!r || a == b) return r;
    if (update_internal(S(r), b) < 0) return VNULL;
    return r;
}

static Value set_and(Value a, Value b) {
    if (!anyset_check(a) || !anyset_check(b)) return VNotImplemented;
    return intersection(a, b);
}

static Value set_sub(Value a, Value b) {
    if (!anyset_check(a) || !anyset_check(b)) return VNotImplemented;
    return difference(a, b);
}

static Value set_xor(Value a, Value b) {
    if (!anyset_check(a) || !anyset_check(b)) return VNotImplemented;
    return symmetric_difference(a, b);
}

static Value set_ior(Value a, Value b) {
    if (!set_check(a) || !anyset_check(b)) return VNotImplemented;
    if (update_internal(S(a), b) < 0) return VNULL;
    return a;
}

static Value set_iand(Value a, Value b) {
    if (!set_check(a) || !anyset_check(b)) return VNotImplemented;
    Value tmp = intersection(a, b);
    if (!tmp) return VNULL;
    swap_bodies(S(a), S(tmp));
    return a;
}

static Value set_isub(Value a, Value b) {
    if (!set_check(a) || !anyset_check(b)) return VNotImplemented;
    if (difference_update_internal(S(a), b) < 0) return VNULL;
    return a;
}

static Value set_ixor(Value a, Value b) {
    if (!set_check(a) || !anyset_check(b)) return VNotImplemented;
    if (symmetric_difference_update(S(a), b) < 0) return VNULL;
    return a;
}

static int no_keywords(const char *name, Value kwnames) {
    if (kwnames && tuple_size(kwnames)) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

static Value set_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (t == &type_set) {
        /* set(x) built in one go, as CPython's vectorcall does. */
        if (no_keywords("set", kwnames) < 0) return VNULL;
        if (nargs > 1) {
            err_format(&exc_TypeError, "set expected at most 1 argument, got %zu", nargs);
            return VNULL;
        }
    }
    return alloc_set(t);
}

static int set_init(Value self, Value *args, size_t nargs, Value kwnames) {
    if (no_keywords("set", kwnames) < 0) return -1;
    if (nargs > 1) {
        err_format(&exc_TypeError, "%s expected at most 1 argument, got %zu", val_type(self)->name, nargs);
        return -1;
    }
    SetObject *so = S(self);
    if (so->fill && clear_internal(so) < 0) return -1;
    if (nargs == 0) return 0;
    return update_internal(so, args[0]);
}

static Value frozenset_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    /* Keywords are refused unless a subclass's own __init__ takes them. */
    if ((t == &type_frozenset ||
         type_lookup_cstr(t, "__init__") == type_lookup_cstr(&type_object, "__init__")) &&
        no_keywords("frozenset", kwnames) < 0)
        return VNULL;
    if (nargs > 1) {
        err_format(&exc_TypeError, "%s expected at most 1 argument, got %zu", t->name, nargs);
        return VNULL;
    }
    Value iterable = nargs ? args[0] : VNULL;
    if (t == &type_frozenset && iterable && frozenset_check_exact(iterable)) return iterable;
    return make_new_set(t, iterable);
}

/* ---- The iterator ---- */

typedef struct SetIterObject {
    Object hdr;
    Value set;      /* VNULL once exhausted */
    ssize_t used;   /* the set's size when iteration began */
    ssize_t pos;
    ssize_t len;
} SetIterObject;

static void setiter_trace(Object *o) { gc_mark(((SetIterObject *)o)->set); }
static Value setiter_self(Value self) { return self; }
static Type type_set_iter;

static Value setiter_next(Value self) {
    SetIterObject *it = (SetIterObject *)self;
    if (!it->set) return VNULL;
    SetObject *so = S(it->set);
    if (it->used != so->used) {
        err_set(&exc_RuntimeError, "Set changed size during iteration");
        it->used = -1; /* sticky */
        return VNULL;
    }
    SetEntry *e;
    if (!next_entry(so, &it->pos, &e)) {
        it->set = VNULL;
        return VNULL;
    }
    it->len--;
    return e->key;
}

static Value setiter_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    SetIterObject *it = (SetIterObject *)self;
    if (it->set && it->used == S(it->set)->used) return val_from_int(it->len);
    return val_from_int(0);
}

/* (iter, (list of what is left,)), as CPython pickles it: a copy of the
 * iterator runs to the end, so this one does not move. */
static Value setiter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    extern Value builtins_dict;
    Value fn = dict_get_cstr(builtins_dict, "iter");
    if (!fn) return VNULL;
    SetIterObject *copy = gc_alloc(&type_set_iter, sizeof(SetIterObject));
    if (!copy) return VNULL;
    SetIterObject *it = (SetIterObject *)self;
    copy->set = it->set;
    copy->used = it->used;
    copy->pos = it->pos;
    copy->len = it->len;
    Value items = list_new(0);
    if (!items) return VNULL;
    for (Value v; (v = setiter_next(obj_val(copy)));)
        if (list_append(items, v) < 0) return VNULL;
    if (err_occurred()) return VNULL;
    return tuple_pack(2, fn, tuple_pack(1, items));
}

static const MethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", setiter_reduce, 0, "Return state information for pickling."},
    {NULL},
};

static Type type_set_iter = {
    .hdr = {0, &type_type},
    .name = "set_iterator",
    .basicsize = sizeof(SetIterObject),
    .trace = setiter_trace,
    .iter = setiter_self,
    .iternext = setiter_next,
    .methods = setiter_methods,
};

static Value set_iter(Value self) {
    misc_ready_type(&type_set_iter);
    SetIterObject *it = gc_alloc(&type_set_iter, sizeof(SetIterObject));
    if (!it) return VNULL;
    it->set = self;
    it->used = S(self)->used;
    it->len = S(self)->used;
    return obj_val(it);
}

/* ---- Methods ---- */

#define ONE_ARG(name)                                                                              \
    if (arg_no_kw(name, kw) < 0 || arg_count(name, nargs, 1, 1) < 0) return VNULL
#define NO_ARGS(name)                                                                              \
    if (arg_no_kw(name, kw) < 0 || arg_count(name, nargs, 0, 0) < 0) return VNULL

static Value m_add(Value self, Value *args, size_t nargs, Value kw) {
    ONE_ARG("add");
    if (add_key(S(self), args[0]) < 0) return VNULL;
    return VNone;
}

/* discard/remove retry an unhashable set argument as a frozenset. */
static int discard_or_frozen(Value self, Value key) {
    int rv = discard_key(S(self), key);
    if (rv < 0 && set_check(key) && err_matches(&exc_TypeError)) {
        err_clear();
        Value tmp = make_new_set(&type_frozenset, key);
        if (!tmp) return -1;
        rv = discard_key(S(self), tmp);
    }
    return rv;
}

static Value m_discard(Value self, Value *args, size_t nargs, Value kw) {
    ONE_ARG("discard");
    if (discard_or_frozen(self, args[0]) < 0) return VNULL;
    return VNone;
}

static Value m_remove(Value self, Value *args, size_t nargs, Value kw) {
    ONE_ARG("remove");
    int rv = discard_or_frozen(self, args[0]);
    if (rv < 0) return VNULL;
    if (rv == 0) {
        err_set_value(&exc_KeyError, args[0]);
        return VNULL;
    }
    return VNone;
}

static Value m_pop(Value self, Value *args, size_t nargs, Value kw) {
    NO_ARGS("pop");
    SetObject *so = S(self);
    if (so->used == 0) {
        err_set(&exc_KeyError, "pop from an empty set");
        return VNULL;
    }
    /* Resume the search where the last pop stopped (the finger). */
    SetEntry *entry = so->table + (so->hash & so->mask), *limit = so->table + so->mask;
    while (entry->key == VNULL || entry->key == DUMMY) {
        entry++;
        if (entry > limit) entry = so->table;
    }
    Value key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    so->hash = entry - so->table + 1;
    return key;
}

static Value m_clear(Value self, Value *args, size_t nargs, Value kw) {
    NO_ARGS("clear");
    if (clear_internal(S(self)) < 0) return VNULL;
    return VNone;
}

static Value m_copy(Value self, Value *args, size_t nargs, Value kw) {
    NO_ARGS("copy");
    return set_copy_of(self);
}

static Value m_frozen_copy(Value self, Value *args, size_t nargs, Value kw) {
    NO_ARGS("copy");
    if (frozenset_check_exact(self)) return self;
    return set_copy_of(self);
}

static Value m_update(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("update", kw) < 0) return VNULL;
    for (size_t i = 0; i < nargs; i++)
        if (update_internal(S(self), args[i]) < 0) return VNULL;
    return VNone;
}

static Value m_union(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("union", kw) < 0) return VNULL;
    Value r = set_copy_of(self);
    if (!r) return VNULL;
    for (size_t i = 0; i < nargs; i++) {
        if (args[i] == self) continue;
        if (update_internal(S(r), args[i]) < 0) return VNULL;
    }
    return r;
}

static Value intersection_multi(Value self, Value *args, size_t nargs) {
    if (nargs == 0) return set_copy_of(self);
    Value r = self;
    for (size_t i = 0; i < nargs; i++) {
        r = intersection(r, args[i]);
        if (!r) return VNULL;
    }
    return r;
}

static Value m_intersection(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("intersection", kw) < 0) return VNULL;
    return intersection_multi(self, args, nargs);
}

static Value m_intersection_update(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("intersection_update", kw) < 0) return VNULL;
    Value tmp = intersection_multi(self, args, nargs);
    if (!tmp) return VNULL;
    swap_bodies(S(self), S(tmp));
    return VNone;
}

static Value m_difference(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("difference", kw) < 0) return VNULL;
    if (nargs == 0) return set_copy_of(self);
    Value r = difference(self, args[0]);
    if (!r) return VNULL;
    for (size_t i = 1; i < nargs; i++)
        if (difference_update_internal(S(r), args[i]) < 0) return VNULL;
    return r;
}

static Value m_difference_update(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("difference_update", kw) < 0) return VNULL;
    for (size_t i = 0; i < nargs; i++)
        if (difference_update_internal(S(self), args[i]) < 0) return VNULL;
    return VNone;
}

static Value m_symmetric_difference(Value self, Value *args, size_t nargs, Value kw) {
    ONE_ARG("symmetric_difference");
    return symmetric_difference(self, args[0]);
}

static Value m_symmetric_difference_update(Value self, Value *args, size_t nargs, Value kw) {
    ONE_ARG("symmetric_difference_update");
    if (symmetric_difference_update(S(self), args[0]) < 0) return VNULL;
    return VNone;
}

static Value bool_or_null(int r) { return r < 0 ? VNULL : val_bool(r); }

static Value m_issubset(Value self, Value *args, size_t nargs, Value kw) {
    ONE_ARG("issubset");
    return bool_or_null(issubset(self, args[0]));
}

static Value m_issuperset(Value self, Value *args, size_t nargs, Value kw) {
    ONE_ARG("issuperset");
    return bool_or_null(issuperset(self, args[0]));
}

static Value m_isdisjoint(Value self, Value *args, size_t nargs, Value kw) {
    ONE_ARG("isdisjoint");
    return bool_or_null(isdisjoint(self, args[0]));
}

static Value m_reduce(Value self, Value *args, size_t nargs, Value kw) {
    Value keys = list_from_iterable(self);
    if (!keys) return VNULL;
    /* The state is what __getstate__ gives: the instance dict and any
     * __slots__ values (CPython's _PyObject_GetState). */
    Value state = obj_call_method(self, "__getstate__", NULL, 0);
    if (!state) return VNULL;
    Value a = tuple_pack(1, keys);
    if (!a) return VNULL;
    return tuple_pack(3, obj_val(val_type(self)), a, state);
}

static Value m_sizeof(Value self, Value *args, size_t nargs, Value kw) {
    SetObject *so = S(self);
    return val_from_int((intptr_t)(val_type(self)->basicsize + sizeof(SetTable) + (so->mask + 1) * sizeof(SetEntry)));
}

static const MethodDef set_methods[] = {
    {"add", m_add, 0, "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", m_clear, 0, "Remove all elements from this set."},
    {"copy", m_copy, 0, "Return a shallow copy of a set."},
    {"discard", m_discard, 0, "Remove an element from a set if it is a member.\n\n"
                              "Unlike set.remove(), the discard() method does not raise\n"
                              "an exception when an element is missing from the set."},
    {"difference", m_difference, 0, "Return the difference of two or more sets as a new set."},
    {"difference_update", m_difference_update, 0, "Remove all elements of another set from this set."},
    {"intersection", m_intersection, 0, "Return the intersection of two sets as a new set."},
    {"intersection_update", m_intersection_update, 0, "Update a set with the intersection of itself and another."},
    {"isdisjoint", m_isdisjoint, 0, "Return True if two sets have a null intersection."},
    {"issubset", m_issubset, 0, "Report whether another set contains this set."},
    {"issuperset", m_issuperset, 0, "Report whether this set contains another set."},
    {"pop", m_pop, 0, "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."},
    {"__reduce__", m_reduce, 0, "Return state information for pickling."},
    {"remove", m_remove, 0, "Remove an element from a set; it must be a member.\n\n"
                            "If the element is not a member, raise a KeyError."},
    {"__sizeof__", m_sizeof, 0, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", m_symmetric_difference, 0, "Return the symmetric difference of two sets as a new set."},
    {"symmetric_difference_update", m_symmetric_difference_update, 0,
     "Update a set with the symmetric difference of itself and another."},
    {"union", m_union, 0, "Return the union of sets as a new set."},
    {"update", m_update, 0, "Update a set with the union of itself and others."},
    {NULL},
};

static const MethodDef frozenset_methods[] = {
    {"copy", m_frozen_copy, 0, "Return a shallow copy of a set."},
    {"difference", m_difference, 0, "Return the difference of two or more sets as a new set."},
    {"intersection", m_intersection, 0, "Return the intersection of two sets as a new set."},
    {"isdisjoint", m_isdisjoint, 0, "Return True if two sets have a null intersection."},
    {"issubset", m_issubset, 0, "Report whether another set contains this set."},
    {"issuperset", m_issuperset, 0, "Report whether this set contains another set."},
    {"__reduce__", m_reduce, 0, "Return state information for pickling."},
    {"__sizeof__", m_sizeof, 0, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", m_symmetric_difference, 0, "Return the symmetric difference of two sets as a new set."},
    {"union", m_union, 0, "Return the union of sets as a new set."},
    {NULL},
};

Type type_set = {
    .hdr = {0, &type_type},
    .name = "set",
    .basicsize = sizeof(SetObject),
    .flags = TF_BASETYPE | TF_SET_SUBCLASS,
    .trace = set_trace,
    .new = set_new_m,
    .init = set_init,
    .repr = set_repr,
    .hash = obj_hash_unhashable,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .len = set_len,
    .contains = set_contains_slot,
    .nb = {[BINOP_SUB] = set_sub, [BINOP_AND] = set_and, [BINOP_OR] = set_or, [BINOP_XOR] = set_xor},
    .nb_inplace = {[BINOP_SUB] = set_isub, [BINOP_AND] = set_iand, [BINOP_OR] = set_ior, [BINOP_XOR] = set_ixor},
    .methods = set_methods,
    .doc = "set() -> new empty set object\nset(iterable) -> new set object\n\n"
           "Build an unordered collection of unique elements.",
};

Type type_frozenset = {
    .hdr = {0, &type_type},
    .name = "frozenset",
    .basicsize = sizeof(SetObject),
    .flags = TF_BASETYPE | TF_SET_SUBCLASS,
    .trace = set_trace,
    .new = frozenset_new_m,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .len = set_len,
    .contains = set_contains_slot,
    .nb = {[BINOP_SUB] = set_sub, [BINOP_AND] = set_and, [BINOP_OR] = set_or, [BINOP_XOR] = set_xor},
    .methods = frozenset_methods,
    .doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\n"
           "Build an immutable unordered collection of unique elements.",
};
