/* dict.c - dict: CPython 3.11's compact ordered hash table, its views and iterators. */
#include "dict.h"
#include "tuple.h"
#include "list.h"
#include "set.h"
#include "misc.h"
#include "int.h"
#include "str.h"
#include "type.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"

/*
 * The layout is CPython 3.11's "compact dict":
 *
 *   DictKeys: header | log2 size, index width, usable, nentries |
 *             indices[size]   (1, 2, 4 or 8 bytes each, by table size)
 *             entries[USABLE(size)]   (hash, key, value), in insertion order
 *
 * The sparse index array maps a hash slot to an entry number (or EMPTY /
 * DUMMY for a deleted slot).  Entries are appended in insertion order, so
 * iteration is a scan of the dense array and costs nothing extra; a deleted
 * entry keeps its place with key == VNULL until the next resize compacts
 * the array.  The entry array is sized to the usable fraction (2/3) of the
 * index, which keeps a dict of a million items near 42 bytes per item.
 *
 * Probing is CPython's: i = (i*5 + perturb + 1) & mask with perturb the
 * hash shifted right by 5 each step, so every slot is eventually visited.
 * A key that is an exact str is compared by pointer, then hash, then bytes
 * and never runs Python code; any other key may run __eq__, which may
 * mutate the dict: the lookup then starts over, as CPython's does.
 *
 * An empty dict shares one static, read-only DictKeys with usable == 0,
 * so the first insertion allocates a real table.
 */

enum { DKIX_EMPTY = -1, DKIX_DUMMY = -2, DKIX_ERROR = -3 };
#define PERTURB_SHIFT 5
#define LOG2_MINSIZE 3
#define USABLE_FRACTION(n) (((n) << 1) / 3)

struct DictKeys {
    Object hdr;
    uint8_t log2_size;
    uint8_t log2_index_bytes;    /* index width: 1 << this bytes */
    /* No live entry lies before this one (a lower bound, saturating; it
     * fills padding).  Only dict_first_index() moves it forward, so a
     * FIFO of popitem(last=False) never rescans the holes it left. */
    uint32_t first_hint;
    ssize_t usable;              /* entries that can still be appended */
    ssize_t nentries;            /* entries used, deleted ones included */
    char indices[];              /* then the DictEntry array */
};

#define DK_SIZE(k) ((size_t)1 << (k)->log2_size)
#define DK_MASK(k) (DK_SIZE(k) - 1)

static inline DictEntry *dk_entries(DictKeys *k) {
    return (DictEntry *)(k->indices + ((size_t)1 << (k->log2_size + k->log2_index_bytes)));
}

static inline ssize_t dk_get_index(const DictKeys *k, size_t i) {
    switch (k->log2_index_bytes) {
    case 0: return ((const int8_t *)k->indices)[i];
    case 1: return ((const int16_t *)k->indices)[i];
    case 2: return ((const int32_t *)k->indices)[i];
    default: return ((const int64_t *)k->indices)[i];
    }
}

static inline void dk_set_index(DictKeys *k, size_t i, ssize_t ix) {
    switch (k->log2_index_bytes) {
    case 0: ((int8_t *)k->indices)[i] = (int8_t)ix; break;
    case 1: ((int16_t *)k->indices)[i] = (int16_t)ix; break;
    case 2: ((int32_t *)k->indices)[i] = (int32_t)ix; break;
    default: ((int64_t *)k->indices)[i] = ix; break;
    }
}

static void dictkeys_trace(Object *o) {
    DictKeys *k = (DictKeys *)o;
    DictEntry *e = dk_entries(k);
    for (ssize_t i = 0; i < k->nentries; i++) {
        gc_mark(e[i].key);
        gc_mark(e[i].value);
    }
}

static Type type_dictkeys_internal = {
    .flags = TF_INTERNAL,
    .hdr = {0, &type_type},
    .name = "dict_keys_table",
    .basicsize = sizeof(DictKeys),
    .trace = dictkeys_trace,
};

/* The shared empty table: 8 EMPTY index bytes, no usable entries. */
static struct {
    DictKeys k;
    int8_t idx[8];
} empty_keys_storage = {
    {.hdr = {0, &type_dictkeys_internal}, .log2_size = LOG2_MINSIZE},
    {-1, -1, -1, -1, -1, -1, -1, -1},
};
#define EMPTY_KEYS (&empty_keys_storage.k)

static DictKeys *new_keys(uint8_t log2_size) {
    uint8_t log2_bytes;
    if (log2_size < 8) log2_bytes = 0;
    else if (log2_size < 16) log2_bytes = 1;
    else if (log2_size < 32) log2_bytes = 2;
    else log2_bytes = 3;
    size_t size = (size_t)1 << log2_size;
    size_t usable = USABLE_FRACTION(size);
    size_t bytes = sizeof(DictKeys) + (size << log2_bytes) + usable * sizeof(DictEntry);
    DictKeys *k = gc_alloc(&type_dictkeys_internal, bytes);
    if (!k) return NULL;
    k->log2_size = log2_size;
    k->log2_index_bytes = log2_bytes;
    k->usable = (ssize_t)usable;
    k->nentries = 0;
    memset(k->indices, 0xff, size << log2_bytes); /* all DKIX_EMPTY */
    return k;
}

static uint8_t log2_keysize(size_t minsize) {
    uint8_t log2 = LOG2_MINSIZE;
    while (((size_t)1 << log2) < minsize) log2++;
    return log2;
}

/* A table that holds n items without resizing. */
static uint8_t estimate_log2_keysize(size_t n) { return log2_keysize((n * 3 + 1) / 2); }

/* Every mutation takes a fresh number from one counter, so (dict, version)
 * pairs are unique across dicts too: caches need not compare identities. */
static uint64_t dict_version_counter;
static inline void bump_version(DictObject *d) { d->version = ++dict_version_counter; }

static inline DictObject *D(Value d) { return (DictObject *)d; }

/* ---- Hashing and lookup ---- */

static inline hash_t hash_of(Value key) {
    if (val_is_int(key)) {
        intptr_t i = val_int(key);
        /* Small ints within the modulus hash to themselves (CPython's rule). */
        if (i > -((intptr_t)1 << 61) + 1 && i < ((intptr_t)1 << 61) - 1) return i == -1 ? -2 : i;
        return int_hash(key);
    }
    if (str_check_exact(key)) return str_hash(key);
    return obj_hash(key);
}

/* The entry number of key, DKIX_EMPTY if absent, DKIX_ERROR on error. */
static ssize_t lookup(DictObject *d, Value key, hash_t hash) {
    bool key_is_str = str_check_exact(key);
restart:;
    DictKeys *k = d->keys;
    size_t mask = DK_MASK(k), perturb = (size_t)hash, i = (size_t)hash & mask;
    DictEntry *ep0 = dk_entries(k);
    for (;;) {
        ssize_t ix = dk_get_index(k, i);
        if (ix == DKIX_EMPTY) return DKIX_EMPTY;
        if (ix >= 0) {
            DictEntry *ep = &ep0[ix];
            Value startkey = ep->key;
            if (startkey == key) return ix;
            if (ep->hash == hash) {
                if (key_is_str && str_check_exact(startkey)) {
                    if (str_eq(startkey, key)) return ix;
                } else if (!(val_is_int(startkey) && val_is_int(key))) {
                    int cmp = obj_richcompare_bool(startkey, key, CMP_EQ);
                    if (cmp < 0) return DKIX_ERROR;
                    if (k != d->keys || ep->key != startkey) goto restart;
                    if (cmp > 0) return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* The index slot that holds entry number ix. */
static size_t lookup_slot_of(DictKeys *k, hash_t hash, ssize_t ix) {
    size_t mask = DK_MASK(k), perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        ssize_t cur = dk_get_index(k, i);
        if (cur == ix) return i;
        assert(cur != DKIX_EMPTY);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* The first free (EMPTY or DUMMY) index slot on hash's probe sequence. */
static size_t find_empty_slot(DictKeys *k, hash_t hash) {
    size_t mask = DK_MASK(k), perturb = (size_t)hash, i = (size_t)hash & mask;
    while (dk_get_index(k, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Rebuild into a table of 2**log2 slots, dropping deleted entries. */
static int dict_resize(DictObject *d, uint8_t log2) {
    DictKeys *old = d->keys;
    ssize_t n = d->used;
    if ((size_t)n > USABLE_FRACTION((size_t)1 << log2)) log2 = estimate_log2_keysize((size_t)n);
    DictKeys *k = new_keys(log2);
    if (!k) return -1;
    DictEntry *src = dk_entries(old), *dst = dk_entries(k);
    if (old->nentries == n) {
        memcpy(dst, src, n * sizeof(DictEntry));
    } else {
        ssize_t j = 0;
        for (ssize_t i = 0; i < old->nentries; i++)
            if (src[i].key) dst[j++] = src[i];
    }
    for (ssize_t i = 0; i < n; i++) dk_set_index(k, find_empty_slot(k, dst[i].hash), i);
    k->usable -= n;
    k->nentries = n;
    d->keys = k;
    /* Entry numbers changed: caches holding them must miss. */
    bump_version(d);
    return 0;
}

static int insertion_resize(DictObject *d) { return dict_resize(d, log2_keysize((size_t)d->used * 3)); }

static int insert_new(DictObject *d, Value key, hash_t hash, Value value);

/* Store key -> value given its hash.  0 or -1. */
static int insert(DictObject *d, Value key, hash_t hash, Value value) {
    ssize_t ix = lookup(d, key, hash);
    if (ix == DKIX_ERROR) return -1;
    if (ix >= 0) {
        DictEntry *ep = &dk_entries(d->keys)[ix];
        if (ep->value != value) {
            GC_WRITE(d->keys, ep->value, value);
            bump_version(d);
        }
        return 0;
    }
    return insert_new(d, key, hash, value);
}

/* Append key -> value, known to be absent (no comparison runs).  0 or -1. */
static int insert_new(DictObject *d, Value key, hash_t hash, Value value) {
    if (d->keys->usable <= 0 && insertion_resize(d) < 0) return -1;
    DictKeys *k = d->keys;
    ssize_t n = k->nentries;
    dk_set_index(k, find_empty_slot(k, hash), n);
    DictEntry *ep = &dk_entries(k)[n];
    ep->hash = hash;
    GC_WRITE(k, ep->key, key);
    GC_WRITE(k, ep->value, value);
    k->usable--;
    k->nentries = n + 1;
    d->used++;
    bump_version(d);
    return 0;
}

/* Remove entry ix (found for `hash`). */
static void delete_entry(DictObject *d, ssize_t ix, hash_t hash) {
    DictKeys *k = d->keys;
    dk_set_index(k, lookup_slot_of(k, hash, ix), DKIX_DUMMY);
    DictEntry *ep = &dk_entries(k)[ix];
    ep->key = VNULL;
    ep->value = VNULL;
    d->used--;
    bump_version(d);
}

static void raise_key_error(Value key) { err_set_value(&exc_KeyError, key); }

/* ---- The C API ---- */

Value dict_new(void) {
    DictObject *d = gc_alloc(&type_dict, sizeof(DictObject));
    if (!d) return VNULL;
    d->keys = EMPTY_KEYS;
    d->version = ++dict_version_counter;
    return obj_val(d);
}

Value dict_new_presized(size_t n) {
    Value d = dict_new();
    if (!d || n <= USABLE_FRACTION((size_t)1 << LOG2_MINSIZE)) return d;
    DictKeys *k = new_keys(estimate_log2_keysize(n));
    if (!k) return VNULL;
    D(d)->keys = k;
    return d;
}

Value dict_get(Value dv, Value key) {
    hash_t h = hash_of(key);
    if (h == -1) return VNULL;
    ssize_t ix = lookup(D(dv), key, h);
    if (ix < 0) return VNULL;
    return dk_entries(D(dv)->keys)[ix].value;
}

Value dict_get_str(Value dv, Value key) {
    ssize_t ix = lookup(D(dv), key, str_hash(key));
    if (ix < 0) return VNULL;
    return dk_entries(D(dv)->keys)[ix].value;
}

Value dict_get_cstr(Value dv, const char *key) {
    Value k = str_from_cstr(key);
    if (!k) return VNULL;
    return dict_get_str(dv, k);
}

int dict_set(Value dv, Value key, Value v) {
    hash_t h = hash_of(key);
    if (h == -1) return -1;
    return insert(D(dv), key, h, v);
}

int dict_set_cstr(Value dv, const char *key, Value v) {
    Value k = str_intern_cstr(key);
    if (!k) return -1;
    return insert(D(dv), k, str_hash(k), v);
}

int dict_del(Value dv, Value key) {
    hash_t h = hash_of(key);
    if (h == -1) return -1;
    ssize_t ix = lookup(D(dv), key, h);
    if (ix == DKIX_ERROR) return -1;
    if (ix < 0) {
        raise_key_error(key);
        return -1;
    }
    delete_entry(D(dv), ix, h);
    return 0;
}

int dict_contains(Value dv, Value key) {
    hash_t h = hash_of(key);
    if (h == -1) return -1;
    ssize_t ix = lookup(D(dv), key, h);
    if (ix == DKIX_ERROR) return -1;
    return ix >= 0;
}

Value dict_pop(Value dv, Value key, Value dflt) {
    DictObject *d = D(dv);
    if (d->used == 0) {
        if (dflt) return dflt;
        raise_key_error(key);
        return VNULL;
    }
    hash_t h = hash_of(key);
    if (h == -1) return VNULL;
    ssize_t ix = lookup(d, key, h);
    if (ix == DKIX_ERROR) return VNULL;
    if (ix < 0) {
        if (dflt) return dflt;
        raise_key_error(key);
        return VNULL;
    }
    Value v = dk_entries(d->keys)[ix].value;
    delete_entry(d, ix, h);
    return v;
}

void dict_clear(Value dv) {
    DictObject *d = D(dv);
    if (d->keys == EMPTY_KEYS && d->used == 0) return;
    d->keys = EMPTY_KEYS;
    d->used = 0;
    bump_version(d);
}

static Value dict_iter(Value self);

/* True when iterating `other` as a mapping can read its table directly. */
static bool is_plain_mapping(Value other) {
    return dict_check(other) && val_type(other)->iter == dict_iter;
}

/* Give the empty dict d a copy of o's table when that table is compact
 * (no deleted entries) and not too sparse: a memcpy instead of inserts.
 * Returns 1 if done, 0 if not applicable, -1 on error. */
static int clone_keys(DictObject *d, DictObject *o) {
    DictKeys *ok = o->keys;
    if (d->used != 0 || ok == EMPTY_KEYS || ok->nentries != o->used ||
        !(ok->log2_size == LOG2_MINSIZE || USABLE_FRACTION(DK_SIZE(ok) / 2) < (size_t)o->used))
        return 0;
    size_t bytes = sizeof(DictKeys) + (DK_SIZE(ok) << ok->log2_index_bytes) +
                   USABLE_FRACTION(DK_SIZE(ok)) * sizeof(DictEntry);
    DictKeys *k = gc_alloc(&type_dictkeys_internal, bytes);
    if (!k) return -1;
    memcpy((char *)k + sizeof(Object), (char *)ok + sizeof(Object), bytes - sizeof(Object));
    d->keys = k;
    d->used = o->used;
    bump_version(d);
    return 1;
}

/* A plain dict with the same items. */
Value dict_copy(Value dv) {
    Value r = dict_new();
    if (!r || D(dv)->used == 0) return r;
    if (is_plain_mapping(dv)) {
        int c = clone_keys(D(r), D(dv));
        if (c < 0) return VNULL;
        if (c > 0) return r;
    }
    if (dict_merge(r, dv, true) < 0) return VNULL;
    return r;
}

/* Merge o's items into d reading o's table (its entry order). */
static int merge_table(DictObject *d, DictObject *o, bool override) {
    if (o == d || o->used == 0) return 0;
    int c = clone_keys(d, o);
    if (c != 0) return c < 0 ? -1 : 0;
    if (USABLE_FRACTION(DK_SIZE(d->keys)) < (size_t)o->used &&
        dict_resize(d, estimate_log2_keysize((size_t)(d->used + o->used))) < 0)
        return -1;
    /* Index by number and re-read the table: __eq__ may mutate `other`,
     * which CPython reports once its entry count changed. */
    ssize_t n = o->keys->nentries;
    for (ssize_t i = 0; i < n; i++) {
        DictEntry e = dk_entries(o->keys)[i];
        if (!e.key) continue;
        if (!override) {
            ssize_t ix = lookup(d, e.key, e.hash);
            if (ix == DKIX_ERROR) return -1;
            if (ix >= 0) continue;
        }
        if (insert(d, e.key, e.hash, e.value) < 0) return -1;
        if (o->keys->nentries != n) {
            err_set(&exc_RuntimeError, "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

int dict_merge_table(Value dv, Value other) { return merge_table(D(dv), D(other), true); }

int dict_merge(Value dv, Value other, bool override) {
    DictObject *d = D(dv);
    if (is_plain_mapping(other)) return merge_table(d, D(other), override);
    /* A generic mapping: for k in other.keys(): d[k] = other[k]. */
    Value keys = obj_call_method(other, "keys", NULL, 0);
    if (!keys) return -1;
    Value it = obj_iter(keys);
    if (!it) return -1;
    for (;;) {
        Value k = obj_next(it);
        if (!k) return err_occurred() ? -1 : 0;
        if (!override) {
            int has = dict_contains(dv, k);
            if (has < 0) return -1;
            if (has) continue;
        }
        Value v = obj_getitem(other, k);
        if (!v || dict_set(dv, k, v) < 0) return -1;
    }
}

/* d.update(iterable of pairs). */
static int merge_from_seq2(Value dv, Value seq) {
    Value it = obj_iter(seq);
    if (!it) return -1;
    for (ssize_t n = 0;; n++) {
        Value item = obj_next(it);
        if (!item) return err_occurred() ? -1 : 0;
        Value k, v;
        if (tuple_check_exact(item) && tuple_size(item) == 2) {
            k = tuple_get(item, 0);
            v = tuple_get(item, 1);
        } else if (list_check_exact(item) && list_size(item) == 2) {
            k = list_get(item, 0);
            v = list_get(item, 1);
        } else {
            Value itemit = obj_iter(item);
            if (!itemit) {
                if (err_matches(&exc_TypeError)) {
                    err_clear();
                    err_format(&exc_TypeError,
                               "cannot convert dictionary update sequence element #%zd to a sequence", n);
                }
                return -1;
            }
            Value fast = list_from_iterable(itemit);
            if (!fast) return -1;
            if (list_size(fast) != 2) {
                err_format(&exc_ValueError, "dictionary update sequence element #%zd has length %zd; 2 is required",
                           n, list_size(fast));
                return -1;
            }
            k = list_get(fast, 0);
            v = list_get(fast, 1);
        }
        if (dict_set(dv, k, v) < 0) return -1;
    }
}

/* dict.update(arg): a dict, anything with keys(), or pairs. */
static int update_arg(Value dv, Value arg) {
    if (is_plain_mapping(arg)) return dict_merge(dv, arg, true);
    Value keys = obj_getattr_opt(arg, str_intern_cstr("keys"));
    if (keys) return dict_merge(dv, arg, true);
    if (err_occurred()) return -1;
    return merge_from_seq2(dv, arg);
}

int dict_update(Value dv, Value other) { return update_arg(dv, other); }

Value dict_keys_list(Value dv) {
    DictObject *d = D(dv);
    Value l = list_new((size_t)d->used);
    if (!l) return VNULL;
    DictEntry *e = dk_entries(d->keys);
    for (ssize_t i = 0; i < d->keys->nentries; i++)
        if (e[i].key && list_append(l, e[i].key) < 0) return VNULL;
    return l;
}

Value dict_values_list(Value dv) {
    DictObject *d = D(dv);
    Value l = list_new((size_t)d->used);
    if (!l) return VNULL;
    DictEntry *e = dk_entries(d->keys);
    for (ssize_t i = 0; i < d->keys->nentries; i++)
        if (e[i].key && list_append(l, e[i].value) < 0) return VNULL;
    return l;
}

Value dict_items_list(Value dv) {
    DictObject *d = D(dv);
    Value l = list_new((size_t)d->used);
    if (!l) return VNULL;
    for (ssize_t i = 0; i < d->keys->nentries; i++) {
        DictEntry e = dk_entries(d->keys)[i];
        if (!e.key) continue;
        Value t = tuple_pack(2, e.key, e.value);
        if (!t || list_append(l, t) < 0) return VNULL;
    }
    return l;
}

bool dict_next(Value dv, ssize_t *pos, Value *key, Value *value) {
    DictKeys *k = D(dv)->keys;
    DictEntry *e = dk_entries(k);
    for (ssize_t i = *pos; i < k->nentries; i++) {
        if (e[i].key) {
            *pos = i + 1;
            if (key) *key = e[i].key;
            if (value) *value = e[i].value;
            return true;
        }
    }
    *pos = k->nentries;
    return false;
}

ssize_t dict_lookup_index(Value dv, Value key, hash_t hash) {
    ssize_t ix = lookup(D(dv), key, hash);
    return ix >= 0 ? ix : -1;
}

DictEntry *dict_entry_at(Value dv, ssize_t index) { return &dk_entries(D(dv)->keys)[index]; }

/* ---- Entry-level operations for OrderedDict ----
 *
 * collections.OrderedDict (modules/collections_odict.c) is a dict whose
 * entry order is its order.  These helpers move and remove entries by
 * entry number, so move_to_end() and popitem() at either end cost O(1)
 * amortized without a linked list:
 *
 *  - moving to the end appends a copy of the entry and points the key's
 *    index slot at it (no DUMMY is left; the old entry becomes a hole);
 *  - moving to the front reuses the hole just before the first live
 *    entry, or rebuilds the table with free entries in front;
 *  - the first live entry is found from DictKeys.first_hint, and trailing
 *    holes are trimmed when the last live entry is asked for, so each hole
 *    is scanned once.
 */

ssize_t dict_index_of(Value dv, Value key) {
    hash_t h = hash_of(key);
    if (h == -1) return -1;
    ssize_t ix = lookup(D(dv), key, h);
    return ix >= 0 ? ix : -1;
}

ssize_t dict_nentries(Value dv) { return D(dv)->keys->nentries; }

ssize_t dict_first_index(Value dv) {
    DictKeys *k = D(dv)->keys;
    DictEntry *e = dk_entries(k);
    ssize_t i = k->first_hint;
    while (i < k->nentries && !e[i].key) i++;
    uint32_t h = i > (ssize_t)UINT32_MAX ? UINT32_MAX : (uint32_t)i;
    if (h != k->first_hint) k->first_hint = h;   /* never for the static empty table */
    return i < k->nentries ? i : -1;
}

ssize_t dict_last_index(Value dv) {
    DictKeys *k = D(dv)->keys;
    DictEntry *e = dk_entries(k);
    ssize_t n = k->nentries;
    while (n > 0 && !e[n - 1].key) n--;
    if (n != k->nentries) {
        /* Trailing holes are free again for appends; usable stays, since
         * the index still counts their DUMMY slots (as popitem does). */
        k->nentries = n;
        if (k->first_hint > (size_t)n) k->first_hint = (uint32_t)n;
    }
    return n - 1;
}

void dict_delete_index(Value dv, ssize_t ix) { delete_entry(D(dv), ix, dk_entries(D(dv)->keys)[ix].hash); }

/* The index slot of the entry whose key is `key` (identity: keys are unique). */
static size_t slot_of_key(DictKeys *k, hash_t hash, Value key) {
    size_t mask = DK_MASK(k), perturb = (size_t)hash, i = (size_t)hash & mask;
    DictEntry *e = dk_entries(k);
    for (;;) {
        ssize_t ix = dk_get_index(k, i);
        assert(ix != DKIX_EMPTY);
        if (ix >= 0 && e[ix].key == key) return i;
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Rebuild d's table with `room` free entries in front of the live ones and
 * entry `front` moved before all others; room for half as many appends. */
static int rebuild_front(DictObject *d, ssize_t front, ssize_t room) {
    DictKeys *old = d->keys;
    ssize_t n = d->used;
    DictKeys *k = new_keys(estimate_log2_keysize((size_t)(n + room + n / 2 + 1)));
    if (!k) return -1;
    DictEntry *src = dk_entries(old), *dst = dk_entries(k);
    ssize_t j = room - 1;
    dst[j++] = src[front];
    for (ssize_t i = 0; i < old->nentries; i++)
        if (src[i].key && i != front) dst[j++] = src[i];
    for (ssize_t i = room - 1; i < j; i++) dk_set_index(k, find_empty_slot(k, dst[i].hash), i);
    k->nentries = j;
    k->usable -= j;
    k->first_hint = (uint32_t)(room - 1);
    d->keys = k;
    return 0;
}

int dict_move_index(Value dv, ssize_t ix, bool last) {
    DictObject *d = D(dv);
    DictKeys *k = d->keys;
    DictEntry e = dk_entries(k)[ix];
    ssize_t to;
    if (last) {
        if (k->usable <= 0) {
            if (insertion_resize(d) < 0) return -1;
            k = d->keys;
            ix = dk_get_index(k, slot_of_key(k, e.hash, e.key));
        }
        to = k->nentries++;
        k->usable--;
    } else {
        ssize_t first = dict_first_index(dv);
        if (first == 0) {
            ssize_t room = d->used / 2 + 1;
            if (room > (ssize_t)UINT32_MAX) room = UINT32_MAX;
            if (rebuild_front(d, ix, room) < 0) return -1;
            bump_version(d);
            return 0;
        }
        to = first - 1;
        k->first_hint = (uint32_t)(to < (ssize_t)UINT32_MAX ? to : UINT32_MAX);
    }
    DictEntry *ep = dk_entries(k);
    dk_set_index(k, lookup_slot_of(k, e.hash, ix), to);
    ep[to].hash = e.hash;
    GC_WRITE(k, ep[to].key, e.key);
    GC_WRITE(k, ep[to].value, e.value);
    ep[ix].key = VNULL;
    ep[ix].value = VNULL;
    bump_version(d);
    return 0;
}

/* ---- Slots ---- */

static void dict_trace(Object *o) { gc_mark(obj_val(((DictObject *)o)->keys)); }

static Value dict_repr(Value self) {
    DictObject *d = D(self);
    if (d->used == 0) return str_from_cstr("{}");
    int r = list_repr_enter(self);
    if (r != 0) return r > 0 ? str_from_cstr("{...}") : VNULL;
    StrBuilder sb;
    sb_init(&sb);
    sb_append_char(&sb, '{');
    bool first = true;
    /* Item reprs may mutate the dict: re-read the table every step. */
    for (ssize_t i = 0; i < d->keys->nentries; i++) {
        DictEntry e = dk_entries(d->keys)[i];
        if (!e.key) continue;
        if (!first) sb_append(&sb, ", ", 2);
        first = false;
        if (sb_append_repr(&sb, e.key) < 0) goto fail;
        sb_append(&sb, ": ", 2);
        if (sb_append_repr(&sb, e.value) < 0) goto fail;
    }
    sb_append_char(&sb, '}');
    list_repr_leave(self);
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    list_repr_leave(self);
    return VNULL;
}

static ssize_t dict_len(Value self) { return D(self)->used; }

/* 1 if a and b have equal items, 0 if not, -1 on error. */
static int dict_equal(DictObject *a, DictObject *b) {
    if (a->used != b->used) return 0;
    for (ssize_t i = 0; i < a->keys->nentries; i++) {
        DictEntry e = dk_entries(a->keys)[i];
        if (!e.key) continue;
        ssize_t ix = lookup(b, e.key, e.hash);
        if (ix == DKIX_ERROR) return -1;
        if (ix < 0) return 0;
        Value bv = dk_entries(b->keys)[ix].value;
        if (bv == e.value) continue;
        int k = obj_richcompare_bool(e.value, bv, CMP_EQ);
        if (k <= 0) return k;
    }
    return 1;
}

static Value dict_richcompare(Value a, Value b, int op) {
    if (!dict_check(a) || !dict_check(b) || (op != CMP_EQ && op != CMP_NE)) return VNotImplemented;
    int eq = dict_equal(D(a), D(b));
    if (eq < 0) return VNULL;
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static Value dict_subscript(Value self, Value key) {
    hash_t h = hash_of(key);
    if (h == -1) return VNULL;
    ssize_t ix = lookup(D(self), key, h);
    if (ix >= 0) return dk_entries(D(self)->keys)[ix].value;
    if (ix == DKIX_ERROR) return VNULL;
    if (!dict_check_exact(self)) {
        /* A subclass may define __missing__ (defaultdict, Counter). */
        Type *t = val_type(self);
        Value missing = type_lookup_cstr(t, "__missing__");
        if (missing) {
            Type *mt = val_type(missing);
            if (mt->descr_get) {
                Value bound = mt->descr_get(missing, self, obj_val(t));
                if (!bound) return VNULL;
                return obj_call1(bound, key);
            }
            return obj_call2(missing, self, key);
        }
    }
    raise_key_error(key);
    return VNULL;
}

static int dict_ass_sub(Value self, Value key, Value v) {
    if (v) return dict_set(self, key, v);
    return dict_del(self, key);
}

static int dict_contains_slot(Value self, Value key) { return dict_contains(self, key); }

static Value dict_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (t == &type_dict) return dict_new();
    Value d = type_generic_alloc(t, 0);
    if (!d) return VNULL;
    D(d)->keys = EMPTY_KEYS;
    D(d)->version = ++dict_version_counter;
    return d;
}

/* dict(arg, **kw) and dict.update(arg, **kw) share this. */
static int update_common(Value self, Value *args, size_t nargs, Value kwnames, const char *name) {
    if (nargs > 1) {
        err_format(&exc_TypeError, "%s expected at most 1 argument, got %zu", name, nargs);
        return -1;
    }
    if (nargs == 1 && update_arg(self, args[0]) < 0) return -1;
    if (kwnames) {
        ssize_t nk = tuple_size(kwnames);
        for (ssize_t i = 0; i < nk; i++)
            if (dict_set(self, tuple_get(kwnames, i), args[nargs + i]) < 0) return -1;
    }
    return 0;
}

static int dict_init(Value self, Value *args, size_t nargs, Value kwnames) {
    return update_common(self, args, nargs, kwnames, "dict");
}

static Value dict_or(Value a, Value b) {
    if (!dict_check(a) || !dict_check(b)) return VNotImplemented;
    Value r = dict_copy(a);
    if (!r || dict_update(r, b) < 0) return VNULL;
    return r;
}

static Value dict_ior(Value a, Value b) {
    if (!dict_check(a)) return VNotImplemented;
    if (update_arg(a, b) < 0) return VNULL;
    return a;
}

/* ---- Iterators ---- */

typedef struct DictIterObject {
    Object hdr;
    Value dict;        /* VNULL once exhausted */
    ssize_t used;      /* the dict's size when iteration began */
    ssize_t pos;       /* next entry to look at (reversed: current) */
    ssize_t len;       /* items left */
} DictIterObject;

static void dictiter_trace(Object *o) { gc_mark(((DictIterObject *)o)->dict); }
static Value iter_self(Value self) { return self; }

enum { IT_KEYS, IT_VALUES, IT_ITEMS };

/* The next live entry of a forward or reverse iteration, or NULL. */
static DictEntry *dictiter_advance(DictIterObject *it, bool reverse) {
    DictObject *d = (DictObject *)it->dict;
    if (!d) return NULL;
    if (it->used != d->used) {
        err_set(&exc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1; /* sticky */
        return NULL;
    }
    DictKeys *k = d->keys;
    DictEntry *e = dk_entries(k);
    ssize_t i = it->pos;
    if (reverse) {
        if (i >= k->nentries) i = k->nentries - 1;
        while (i >= 0 && !e[i].key) i--;
        if (i < 0) goto done;
        it->pos = i - 1;
    } else {
        while (i < k->nentries && !e[i].key) i++;
        if (i >= k->nentries) goto done;
        it->pos = i + 1;
    }
    if (it->len == 0) {
        /* Same size but a different key set: a delete then an insert. */
        err_set(&exc_RuntimeError, "dictionary keys changed during iteration");
        goto done;
    }
    it->len--;
    return &e[i];
done:
    it->dict = VNULL;
    return NULL;
}

static Value dictiter_next_key(Value self) {
    DictEntry *e = dictiter_advance((DictIterObject *)self, false);
    return e ? e->key : VNULL;
}
static Value dictiter_next_value(Value self) {
    DictEntry *e = dictiter_advance((DictIterObject *)self, false);
    return e ? e->value : VNULL;
}
static Value dictiter_next_item(Value self) {
    DictEntry *e = dictiter_advance((DictIterObject *)self, false);
    return e ? tuple_pack(2, e->key, e->value) : VNULL;
}
static Value dictreviter_next_key(Value self) {
    DictEntry *e = dictiter_advance((DictIterObject *)self, true);
    return e ? e->key : VNULL;
}
static Value dictreviter_next_value(Value self) {
    DictEntry *e = dictiter_advance((DictIterObject *)self, true);
    return e ? e->value : VNULL;
}
static Value dictreviter_next_item(Value self) {
    DictEntry *e = dictiter_advance((DictIterObject *)self, true);
    return e ? tuple_pack(2, e->key, e->value) : VNULL;
}

static Value dictiter_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    DictIterObject *it = (DictIterObject *)self;
    if (it->dict && it->used == D(it->dict)->used) return val_from_int(it->len);
    return val_from_int(0);
}

/* (iter, (list of what is left,)), as CPython pickles a dict iterator: a
 * copy of the iterator is run to the end, so this one does not move. */
static Value dictiter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    extern Value builtins_dict;
    Value fn = dict_get_cstr(builtins_dict, "iter");
    if (!fn) return VNULL;
    Type *t = val_type(self);
    DictIterObject *copy = gc_alloc(t, sizeof(DictIterObject));
    if (!copy) return VNULL;
    DictIterObject *it = (DictIterObject *)self;
    copy->dict = it->dict;
    copy->used = it->used;
    copy->pos = it->pos;
    copy->len = it->len;
    Value items = list_new(0);
    if (!items) return VNULL;
    for (;;) {
        Value v = t->iternext(obj_val(copy));
        if (!v) {
            if (err_occurred()) return VNULL;
            break;
        }
        if (list_append(items, v) < 0) return VNULL;
    }
    return tuple_pack(2, fn, tuple_pack(1, items));
}

static const MethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", dictiter_reduce, 0, "Return state information for pickling."},
    {NULL},
};

#define DICTITER_TYPE(cname, pyname, nextfn)                                                        \
    static Type cname = {                                                                          \
        .hdr = {0, &type_type},                                                                    \
        .name = pyname,                                                                            \
        .basicsize = sizeof(DictIterObject),                                                       \
        .trace = dictiter_trace,                                                                   \
        .iter = iter_self,                                                                         \
        .iternext = nextfn,                                                                        \
        .methods = dictiter_methods,                                                               \
    };
DICTITER_TYPE(type_dict_keyiter, "dict_keyiterator", dictiter_next_key)
DICTITER_TYPE(type_dict_valueiter, "dict_valueiterator", dictiter_next_value)
DICTITER_TYPE(type_dict_itemiter, "dict_itemiterator", dictiter_next_item)
DICTITER_TYPE(type_dict_revkeyiter, "dict_reversekeyiterator", dictreviter_next_key)
DICTITER_TYPE(type_dict_revvalueiter, "dict_reversevalueiterator", dictreviter_next_value)
DICTITER_TYPE(type_dict_revitemiter, "dict_reverseitemiterator", dictreviter_next_item)

static Type *const iter_types[2][3] = {
    {&type_dict_keyiter, &type_dict_valueiter, &type_dict_itemiter},
    {&type_dict_revkeyiter, &type_dict_revvalueiter, &type_dict_revitemiter},
};

static Value dictiter_new(Value dv, int kind, bool reverse) {
    Type *t = iter_types[reverse][kind];
    misc_ready_type(t);
    DictIterObject *it = gc_alloc(t, sizeof(DictIterObject));
    if (!it) return VNULL;
    DictObject *d = D(dv);
    it->dict = dv;
    it->used = d->used;
    it->len = d->used;
    it->pos = reverse ? d->keys->nentries - 1 : 0;
    return obj_val(it);
}

static Value dict_iter(Value self) { return dictiter_new(self, IT_KEYS, false); }

/* ---- Views ---- */

static inline Value view_dict(Value v) { return ((DictViewObject *)v)->dict; }
/* OrderedDict's views (odict_keys, odict_items) are the only subclasses. */
static inline bool is_keys_view(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &type_dict_keys || val_obj(v)->type->base == &type_dict_keys);
}
static inline bool is_items_view(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &type_dict_items || val_obj(v)->type->base == &type_dict_items);
}
static inline bool is_setlike_view(Value v) { return is_keys_view(v) || is_items_view(v); }

static Value view_new(Value dv, Type *t) {
    misc_ready_type(t);
    DictViewObject *v = gc_alloc(t, sizeof(DictViewObject));
    if (!v) return VNULL;
    v->dict = dv;
    return obj_val(v);
}

Value dict_view_new(Value dv, Type *t) { return view_new(dv, t); }

static void view_trace(Object *o) { gc_mark(((DictViewObject *)o)->dict); }
static ssize_t view_len(Value self) { return D(view_dict(self))->used; }

static Value view_repr(Value self) {
    int r = list_repr_enter(self);
    if (r != 0) return r > 0 ? str_from_cstr("...") : VNULL;
    Value l = list_from_iterable(self);
    Value s = VNULL;
    if (l) {
        StrBuilder sb;
        sb_init(&sb);
        sb_append_cstr(&sb, val_type(self)->name);
        sb_append_char(&sb, '(');
        if (sb_append_repr(&sb, l) < 0) sb_discard(&sb);
        else {
            sb_append_char(&sb, ')');
            s = sb_finish(&sb);
        }
    }
    list_repr_leave(self);
    return s;
}

static Value keys_iter(Value self) { return dictiter_new(view_dict(self), IT_KEYS, false); }
static Value values_iter(Value self) { return dictiter_new(view_dict(self), IT_VALUES, false); }
static Value items_iter(Value self) { return dictiter_new(view_dict(self), IT_ITEMS, false); }

static int keys_contains(Value self, Value key) { return dict_contains(view_dict(self), key); }

static int items_contains(Value self, Value item) {
    if (!tuple_check(item) || tuple_size(item) != 2) return 0;
    Value v = dict_get(view_dict(self), tuple_get(item, 0));
    if (!v) return err_occurred() ? -1 : 0;
    return obj_richcompare_bool(v, tuple_get(item, 1), CMP_EQ);
}

/* 1 if every item of `a` is in `b`. */
static int all_contained_in(Value a, Value b) {
    Value it = obj_iter(a);
    if (!it) return -1;
    for (;;) {
        Value x = obj_next(it);
        if (!x) return err_occurred() ? -1 : 1;
        int k = obj_contains(b, x);
        if (k <= 0) return k;
    }
}

static Value view_richcompare(Value a, Value b, int op) {
    if (!anyset_check(b) && !is_setlike_view(b)) return VNotImplemented;
    ssize_t la = obj_len(a), lb = obj_len(b);
    if (la < 0 || lb < 0) return VNULL;
    int ok = 0;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        if (la == lb) ok = all_contained_in(a, b);
        if (op == CMP_NE && ok >= 0) ok = !ok;
        break;
    case CMP_LT: if (la < lb) ok = all_contained_in(a, b); break;
    case CMP_LE: if (la <= lb) ok = all_contained_in(a, b); break;
    case CMP_GT: if (la > lb) ok = all_contained_in(b, a); break;
    case CMP_GE: if (la >= lb) ok = all_contained_in(b, a); break;
    }
    if (ok < 0) return VNULL;
    return val_bool(ok);
}

/* set(view); a keys view converts its dict directly (same items). */
static Value view_to_set(Value v) {
    if (is_keys_view(v)) v = view_dict(v);
    return set_from_iterable(&type_set, v);
}

static Value call_set_method(Value set, const char *name, Value arg) {
    Value r = obj_call_method(set, name, &arg, 1);
    if (!r) return VNULL;
    return set;
}

static Value view_sub(Value a, Value b) {
    Value s = view_to_set(a);
    return s ? call_set_method(s, "difference_update", b) : VNULL;
}

static Value view_or(Value a, Value b) {
    Value s = view_to_set(a);
    return s ? call_set_method(s, "update", b) : VNULL;
}

static Value view_and(Value a, Value b) {
    /* The operator may hand us the view on the right. */
    if (!is_setlike_view(a)) {
        Value t = a;
        a = b;
        b = t;
    }
    ssize_t la = view_len(a);
    if (val_type(b) == &type_set && la <= set_size(b)) return obj_call_method(b, "intersection", &a, 1);
    if (is_setlike_view(b) && view_len(b) > la) {
        Value t = a;
        a = b;
        b = t;
    }
    /* Now a is a view and b, if a view, is not bigger: probe a with b's items. */
    Value r = set_new(&type_set);
    if (!r) return VNULL;
    Value it = obj_iter(b);
    if (!it) return VNULL;
    bool keys = is_keys_view(a);
    for (;;) {
        Value x = obj_next(it);
        if (!x) return err_occurred() ? VNULL : r;
        int k = keys ? dict_contains(view_dict(a), x) : items_contains(a, x);
        if (k < 0) return VNULL;
        if (k && set_add(r, x) < 0) return VNULL;
    }
}

/* items ^ items: pairs in exactly one of them, CPython's order of work. */
static Value items_xor(Value a, Value b) {
    Value tmp = dict_copy(view_dict(a));
    Value r = set_new(&type_set);
    if (!tmp || !r) return VNULL;
    Value d2 = view_dict(b);
    for (ssize_t i = 0; i < D(d2)->keys->nentries; i++) {
        DictEntry e = dk_entries(D(d2)->keys)[i];
        if (!e.key) continue;
        ssize_t ix = lookup(D(tmp), e.key, e.hash);
        if (ix == DKIX_ERROR) return VNULL;
        int same = 0;
        if (ix >= 0) {
            same = obj_richcompare_bool(dk_entries(D(tmp)->keys)[ix].value, e.value, CMP_EQ);
            if (same < 0) return VNULL;
        }
        if (!same) {
            Value t = tuple_pack(2, e.key, e.value);
            if (!t || set_add(r, t) < 0) return VNULL;
        } else {
            ix = lookup(D(tmp), e.key, e.hash);
            if (ix == DKIX_ERROR) return VNULL;
            if (ix >= 0) delete_entry(D(tmp), ix, e.hash);
        }
    }
    Value rest = dict_items_list(tmp);
    if (!rest) return VNULL;
    for (ssize_t i = 0; i < list_size(rest); i++)
        if (set_add(r, list_get(rest, i)) < 0) return VNULL;
    return r;
}

static Value view_xor(Value a, Value b) {
    if (is_items_view(a) && is_items_view(b)) return items_xor(a, b);
    Value s = view_to_set(a);
    return s ? call_set_method(s, "symmetric_difference_update", b) : VNULL;
}

static Value view_isdisjoint(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("isdisjoint", kw) < 0 || arg_count("isdisjoint", nargs, 1, 1) < 0) return VNULL;
    Value other = args[0];
    if (other == self) return val_bool(view_len(self) == 0);
    /* Iterate over the shorter object when both sizes are known. */
    Value a = self, b = other;
    if (anyset_check(other) || is_setlike_view(other)) {
        ssize_t lo = obj_len(other);
        if (lo < 0) return VNULL;
        if (lo > view_len(self)) {
            a = other;
            b = self;
        }
    }
    Value it = obj_iter(b);
    if (!it) return VNULL;
    for (;;) {
        Value x = obj_next(it);
        if (!x) return err_occurred() ? VNULL : VTrue;
        int k = obj_contains(a, x);
        if (k < 0) return VNULL;
        if (k) return VFalse;
    }
}

static Value keys_reversed(Value self, Value *args, size_t nargs, Value kw) {
    return dictiter_new(view_dict(self), IT_KEYS, true);
}
static Value values_reversed(Value self, Value *args, size_t nargs, Value kw) {
    return dictiter_new(view_dict(self), IT_VALUES, true);
}
static Value items_reversed(Value self, Value *args, size_t nargs, Value kw) {
    return dictiter_new(view_dict(self), IT_ITEMS, true);
}

/* view.mapping: a read-only proxy of the dict behind the view. */
static Value view_get_mapping(Value self) {
    extern Value mappingproxy_new(Value d);
    return mappingproxy_new(view_dict(self));
}

static const GetSetDef view_getsets[] = {
    {"mapping", view_get_mapping, NULL, "dictionary that this view refers to"},
    {NULL},
};

static const MethodDef keys_methods[] = {
    {"isdisjoint", view_isdisjoint, 0, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", keys_reversed, 0, "Return a reverse iterator over the dict keys."},
    {NULL},
};
static const MethodDef items_methods[] = {
    {"isdisjoint", view_isdisjoint, 0, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", items_reversed, 0, "Return a reverse iterator over the dict items."},
    {NULL},
};
static const MethodDef values_methods[] = {
    {"__reversed__", values_reversed, 0, "Return a reverse iterator over the dict values."},
    {NULL},
};

#define VIEW_SETOPS                                                                                \
    .nb = {[BINOP_SUB] = view_sub, [BINOP_OR] = view_or, [BINOP_AND] = view_and, [BINOP_XOR] = view_xor}, \
    .richcompare = view_richcompare

Type type_dict_keys = {
    .hdr = {0, &type_type},
    .name = "dict_keys",
    .basicsize = sizeof(DictViewObject),
    .trace = view_trace,
    .repr = view_repr,
    .hash = obj_hash_unhashable,
    .iter = keys_iter,
    .len = view_len,
    .contains = keys_contains,
    VIEW_SETOPS,
    .methods = keys_methods,
    .getsets = view_getsets,
};

Type type_dict_items = {
    .hdr = {0, &type_type},
    .name = "dict_items",
    .basicsize = sizeof(DictViewObject),
    .trace = view_trace,
    .repr = view_repr,
    .hash = obj_hash_unhashable,
    .iter = items_iter,
    .len = view_len,
    .contains = items_contains,
    VIEW_SETOPS,
    .methods = items_methods,
    .getsets = view_getsets,
};

Type type_dict_values = {
    .hdr = {0, &type_type},
    .name = "dict_values",
    .basicsize = sizeof(DictViewObject),
    .trace = view_trace,
    .repr = view_repr,
    .iter = values_iter,
    .len = view_len,
    .methods = values_methods,
    .getsets = view_getsets,
};

/* ---- Methods ---- */

static Value m_keys(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("keys", nargs, 0, 0) < 0) return VNULL;
    return view_new(self, &type_dict_keys);
}
static Value m_values(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("values", nargs, 0, 0) < 0) return VNULL;
    return view_new(self, &type_dict_values);
}
static Value m_items(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("items", nargs, 0, 0) < 0) return VNULL;
    return view_new(self, &type_dict_items);
}

static Value m_get(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("get", kw) < 0 || arg_count("get", nargs, 1, 2) < 0) return VNULL;
    Value v = dict_get(self, args[0]);
    if (v) return v;
    if (err_occurred()) return VNULL;
    return nargs > 1 ? args[1] : VNone;
}

static Value m_setdefault(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("setdefault", kw) < 0 || arg_count("setdefault", nargs, 1, 2) < 0) return VNULL;
    Value dflt = nargs > 1 ? args[1] : VNone;
    hash_t h = hash_of(args[0]);
    if (h == -1) return VNULL;
    ssize_t ix = lookup(D(self), args[0], h);
    if (ix == DKIX_ERROR) return VNULL;
    if (ix >= 0) return dk_entries(D(self)->keys)[ix].value;
    /* The lookup already compared: __eq__ runs once (bpo-13521). */
    if (insert_new(D(self), args[0], h, dflt) < 0) return VNULL;
    return dflt;
}

static Value m_pop(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("pop", kw) < 0 || arg_count("pop", nargs, 1, 2) < 0) return VNULL;
    return dict_pop(self, args[0], nargs > 1 ? args[1] : VNULL);
}

static Value m_popitem(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("popitem", nargs, 0, 0) < 0) return VNULL;
    DictObject *d = D(self);
    if (d->used == 0) {
        err_set(&exc_KeyError, "popitem(): dictionary is empty");
        return VNULL;
    }
    DictKeys *k = d->keys;
    DictEntry *e = dk_entries(k);
    ssize_t i = k->nentries - 1;
    while (i >= 0 && !e[i].key) i--;
    Value r = tuple_pack(2, e[i].key, e[i].value);
    if (!r) return VNULL;
    delete_entry(d, i, e[i].hash);
    /* The trailing entries are free again; usable stays as is because the
     * index still holds a DUMMY for them (CPython does the same). */
    k->nentries = i;
    return r;
}

static Value m_update(Value self, Value *args, size_t nargs, Value kw) {
    if (update_common(self, args, nargs, kw, "update") < 0) return VNULL;
    return VNone;
}

static Value m_clear(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("clear", nargs, 0, 0) < 0) return VNULL;
    dict_clear(self);
    return VNone;
}

static Value m_copy(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("copy", nargs, 0, 0) < 0) return VNULL;
    return dict_copy(self);
}

static Value m_fromkeys(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("fromkeys", kw) < 0 || arg_count("fromkeys", nargs, 1, 2) < 0) return VNULL;
    Value iterable = args[0], value = nargs > 1 ? args[1] : VNone;
    Value d = obj_call0(cls);
    if (!d) return VNULL;
    bool direct = dict_check_exact(d);
    if (direct && is_plain_mapping(iterable)) {
        for (ssize_t i = 0; i < D(iterable)->keys->nentries; i++) {
            DictEntry e = dk_entries(D(iterable)->keys)[i];
            if (e.key && insert(D(d), e.key, e.hash, value) < 0) return VNULL;
        }
        return d;
    }
    if (direct && !val_is_int(iterable) &&
        (val_obj(iterable)->type == &type_set || val_obj(iterable)->type == &type_frozenset)) {
        /* A set's stored hashes are reused: no key's __hash__ runs again. */
        ssize_t pos = 0;
        Value k;
        hash_t h;
        while (set_next_entry(iterable, &pos, &k, &h))
            if (insert(D(d), k, h, value) < 0) return VNULL;
        return d;
    }
    Value it = obj_iter(iterable);
    if (!it) return VNULL;
    for (;;) {
        Value k = obj_next(it);
        if (!k) return err_occurred() ? VNULL : d;
        if ((direct ? dict_set(d, k, value) : obj_setitem(d, k, value)) < 0) return VNULL;
    }
}

static Value m_reversed(Value self, Value *args, size_t nargs, Value kw) {
    return dictiter_new(self, IT_KEYS, true);
}

static Value m_sizeof(Value self, Value *args, size_t nargs, Value kw) {
    DictKeys *k = D(self)->keys;
    size_t n = val_type(self)->basicsize;
    if (k != EMPTY_KEYS)
        n += sizeof(DictKeys) + (DK_SIZE(k) << k->log2_index_bytes) + USABLE_FRACTION(DK_SIZE(k)) * sizeof(DictEntry);
    return val_from_int((intptr_t)n);
}

static const MethodDef dict_methods[] = {
    {"keys", m_keys, 0, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", m_values, 0, "D.values() -> an object providing a view on D's values"},
    {"items", m_items, 0, "D.items() -> a set-like object providing a view on D's items"},
    {"get", m_get, 0, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", m_setdefault, 0, "Insert key with a value of default if key is not in the dictionary.\n\n"
                                    "Return the value for key if key is in the dictionary, else default."},
    {"pop", m_pop, 0, "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
                      "If the key is not found, return the default if given; otherwise,\nraise a KeyError."},
    {"popitem", m_popitem, 0, "Remove and return a (key, value) pair as a 2-tuple.\n\n"
                              "Pairs are returned in LIFO (last-in, first-out) order.\n"
                              "Raises KeyError if the dict is empty."},
    {"update", m_update, 0, "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"clear", m_clear, 0, "D.clear() -> None.  Remove all items from D."},
    {"copy", m_copy, 0, "D.copy() -> a shallow copy of D"},
    {"fromkeys", m_fromkeys, METH_CLASS, "Create a new dictionary with keys from iterable and values set to value."},
    {"__reversed__", m_reversed, 0, "Return a reverse iterator over the dict keys."},
    {"__sizeof__", m_sizeof, 0, "D.__sizeof__() -> size of D in memory, in bytes"},
    {NULL},
};

Type type_dict = {
    .hdr = {0, &type_type},
    .name = "dict",
    .basicsize = sizeof(DictObject),
    .flags = TF_BASETYPE | TF_DICT_SUBCLASS | TF_MAPPING,
    .trace = dict_trace,
    .new = dict_new_m,
    .init = dict_init,
    .repr = dict_repr,
    .hash = obj_hash_unhashable,
    .richcompare = dict_richcompare,
    .iter = dict_iter,
    .len = dict_len,
    .getitem = dict_subscript,
    .setitem = dict_ass_sub,
    .contains = dict_contains_slot,
    .nb = {[BINOP_OR] = dict_or},
    .nb_inplace = {[BINOP_OR] = dict_ior},
    .methods = dict_methods,
    .doc = "dict() -> new empty dictionary\n"
           "dict(mapping) -> new dictionary initialized from a mapping object's\n"
           "    (key, value) pairs\n"
           "dict(iterable) -> new dictionary initialized as if via:\n"
           "    d = {}\n"
           "    for k, v in iterable:\n"
           "        d[k] = v\n"
           "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
           "    in the keyword argument list.  For example:  dict(one=1, two=2)",
};
