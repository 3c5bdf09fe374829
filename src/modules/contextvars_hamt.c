/* contextvars_hamt.c - the persistent hash array mapped trie behind contextvars.Context. */
#include "../objects/type.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "contextvars.h"

/*
 * A Context maps ContextVars to values, and copy_context() must be O(1)
 * because asyncio copies the current context for every callback.  So the
 * mapping is immutable: every "change" builds a new root that shares all
 * untouched subtrees with the old one (a HAMT, as in CPython's hamt.c).
 *
 * A node is a 32-way bitmap node: bit i of `bitmap` says whether chunk
 * value i (5 bits of the key's hash, starting with the lowest bits at the
 * root) is present; present entries are stored densely in chunk order,
 * two slots each: (key, value), or (VNULL, child node) for a subtree.
 *
 * Keys are ContextVars, compared by identity, and the hash used here is a
 * bijective mix of the object's address, so two keys never have the same
 * 64-bit hash: they always part at some level (13 levels at most; the last
 * one uses the top 4 bits), and no collision nodes are needed.
 */

typedef struct HamtNode {
    Object hdr;
    uint32_t bitmap;
    uint32_t n;           /* entries: popcount(bitmap) */
    Value slots[];        /* 2 * n */
} HamtNode;

static void hamt_node_trace(Object *o) {
    HamtNode *h = (HamtNode *)o;
    gc_mark_range(h->slots, 2 * (size_t)h->n);
}

static Type type_hamt_node = {
    .hdr = {0, &type_type},
    .name = "hamt_node",
    .basicsize = sizeof(HamtNode),
    .itemsize = 2 * sizeof(Value),
    .trace = hamt_node_trace,
};

/* Address -> 64-bit hash, bijective for 8-byte aligned addresses. */
static inline uint64_t key_hash(Value k) {
    uint64_t h = ((uint64_t)k >> 3) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 32);
}

static HamtNode *node_alloc(uint32_t n) {
    HamtNode *h = gc_alloc(&type_hamt_node, sizeof(HamtNode) + 2 * n * sizeof(Value));
    if (h) h->n = n;
    return h;
}

static HamtNode *node_clone(HamtNode *src) {
    HamtNode *h = node_alloc(src->n);
    if (!h) return NULL;
    h->bitmap = src->bitmap;
    memcpy(h->slots, src->slots, 2 * src->n * sizeof(Value));
    return h;
}

static inline uint32_t chunk(uint64_t h, unsigned shift) { return (uint32_t)(h >> shift) & 31; }
static inline uint32_t position(uint32_t bitmap, uint32_t bit) { return (uint32_t)__builtin_popcount(bitmap & (bit - 1)); }

Value hamt_find(Value root, Value key) {
    uint64_t h = key_hash(key);
    HamtNode *n = (HamtNode *)root;
    for (unsigned shift = 0; n; shift += 5) {
        uint32_t bit = 1u << chunk(h, shift);
        if (!(n->bitmap & bit)) return VNULL;
        uint32_t pos = position(n->bitmap, bit);
        Value k = n->slots[2 * pos];
        if (k == key) return n->slots[2 * pos + 1];
        if (k) return VNULL;
        n = (HamtNode *)n->slots[2 * pos + 1];
    }
    return VNULL;
}

/* A subtree holding two keys whose hashes agree below `shift`. */
static HamtNode *node_pair(unsigned shift, Value k1, Value v1, Value k2, Value v2) {
    uint32_t c1 = chunk(key_hash(k1), shift), c2 = chunk(key_hash(k2), shift);
    if (c1 == c2) {
        HamtNode *sub = node_pair(shift + 5, k1, v1, k2, v2);
        if (!sub) return NULL;
        HamtNode *h = node_alloc(1);
        if (!h) return NULL;
        h->bitmap = 1u << c1;
        h->slots[0] = VNULL;
        h->slots[1] = obj_val(sub);
        return h;
    }
    HamtNode *h = node_alloc(2);
    if (!h) return NULL;
    h->bitmap = (1u << c1) | (1u << c2);
    int first = c1 < c2 ? 0 : 2;
    h->slots[first] = k1;
    h->slots[first + 1] = v1;
    h->slots[2 - first] = k2;
    h->slots[3 - first] = v2;
    return h;
}

static HamtNode *node_assoc(HamtNode *n, unsigned shift, uint64_t h, Value key, Value val, bool *added) {
    uint32_t bit = 1u << chunk(h, shift);
    if (!n) {
        HamtNode *r = node_alloc(1);
        if (!r) return NULL;
        r->bitmap = bit;
        r->slots[0] = key;
        r->slots[1] = val;
        *added = true;
        return r;
    }
    uint32_t pos = position(n->bitmap, bit);
    if (!(n->bitmap & bit)) {
        HamtNode *r = node_alloc(n->n + 1);
        if (!r) return NULL;
        r->bitmap = n->bitmap | bit;
        memcpy(r->slots, n->slots, 2 * pos * sizeof(Value));
        r->slots[2 * pos] = key;
        r->slots[2 * pos + 1] = val;
        memcpy(r->slots + 2 * pos + 2, n->slots + 2 * pos, 2 * (n->n - pos) * sizeof(Value));
        *added = true;
        return r;
    }
    Value k = n->slots[2 * pos], v = n->slots[2 * pos + 1];
    Value nv;
    if (!k) {
        HamtNode *sub = node_assoc((HamtNode *)v, shift + 5, h, key, val, added);
        if (!sub) return NULL;
        if (obj_val(sub) == v) return n;
        nv = obj_val(sub);
    } else if (k == key) {
        if (v == val) return n;
        nv = val;
    } else {
        HamtNode *sub = node_pair(shift + 5, k, v, key, val);
        if (!sub) return NULL;
        *added = true;
        nv = obj_val(sub);
        k = VNULL;
    }
    HamtNode *r = node_clone(n);
    if (!r) return NULL;
    r->slots[2 * pos] = k;
    r->slots[2 * pos + 1] = nv;
    return r;
}

Value hamt_assoc(Value root, Value key, Value val, bool *added) {
    *added = false;
    HamtNode *r = node_assoc((HamtNode *)root, 0, key_hash(key), key, val, added);
    return r ? obj_val(r) : VNULL;
}

/* The node without `key`: n itself when absent, VNULL for an empty result,
 * or (via *err) failure.  A subtree left with a single key is pulled up
 * into its parent so the trie stays as shallow as CPython's. */
static Value node_without(HamtNode *n, unsigned shift, uint64_t h, Value key, bool *removed, bool *err) {
    uint32_t bit = 1u << chunk(h, shift);
    if (!(n->bitmap & bit)) return obj_val(n);
    uint32_t pos = position(n->bitmap, bit);
    Value k = n->slots[2 * pos], v = n->slots[2 * pos + 1];
    Value nk = VNULL, nv = VNULL;
    if (!k) {
        Value sub = node_without((HamtNode *)v, shift + 5, h, key, removed, err);
        if (*err) return VNULL;
        if (sub == v) return obj_val(n);
        HamtNode *s = (HamtNode *)sub;
        if (s && s->n == 1 && s->slots[0]) {
            nk = s->slots[0];
            nv = s->slots[1];
        } else if (s) {
            nv = sub;
        }
    } else if (k != key) {
        return obj_val(n);
    } else {
        *removed = true;
    }
    if (nv) {
        HamtNode *r = node_clone(n);
        if (!r) {
            *err = true;
            return VNULL;
        }
        r->slots[2 * pos] = nk;
        r->slots[2 * pos + 1] = nv;
        return obj_val(r);
    }
    /* The entry goes away entirely. */
    if (n->n == 1) return VNULL;
    HamtNode *r = node_alloc(n->n - 1);
    if (!r) {
        *err = true;
        return VNULL;
    }
    r->bitmap = n->bitmap & ~bit;
    memcpy(r->slots, n->slots, 2 * pos * sizeof(Value));
    memcpy(r->slots + 2 * pos, n->slots + 2 * pos + 2, 2 * (n->n - pos - 1) * sizeof(Value));
    return obj_val(r);
}

int hamt_without(Value root, Value key, Value *out) {
    bool removed = false, err = false;
    if (!root) {
        *out = root;
        return 0;
    }
    Value r = node_without((HamtNode *)root, 0, key_hash(key), key, &removed, &err);
    if (err) return -1;
    *out = r;
    return removed ? 1 : 0;
}

/* ---- iteration: depth first, in chunk order ---- */

void hamt_iter_init(HamtIter *it, Value root) {
    memset(it, 0, sizeof *it);
    if (root) {
        it->nodes[0] = root;
        it->depth = 1;
    }
}

bool hamt_iter_next(HamtIter *it, Value *key, Value *val) {
    while (it->depth > 0) {
        int d = it->depth - 1;
        HamtNode *n = (HamtNode *)it->nodes[d];
        if (it->pos[d] >= n->n) {
            it->nodes[d] = VNULL;
            it->pos[d] = 0;
            it->depth--;
            continue;
        }
        uint32_t p = it->pos[d]++;
        Value k = n->slots[2 * p], v = n->slots[2 * p + 1];
        if (k) {
            *key = k;
            *val = v;
            return true;
        }
        it->nodes[d + 1] = v;
        it->pos[d + 1] = 0;
        it->depth++;
    }
    return false;
}
