/* list_sort.c - list.sort(): a stable natural merge sort with timsort's runs and merge policy. */
#include "list.h"
#include "tuple.h"
#include "str.h"
#include "float.h"
#include "../gc/gc.h"
#include "../vm/error.h"

/*
 * The algorithm is timsort without galloping: find natural runs (reversing
 * strictly descending ones), extend short runs to `minrun` with binary
 * insertion sort, keep a stack of pending runs whose lengths obey timsort's
 * invariants, and merge neighbours.  Before a merge, binary searches trim
 * the prefix of A and the suffix of B that are already in place, which
 * makes nearly-sorted input cheap.
 *
 * Keys and values are two parallel arrays (values is NULL when the items
 * are their own keys).  Every array the sort touches is a GC object held
 * from this C frame, so comparisons may run Python code and collect.
 * A failed comparison leaves the arrays a permutation of their input,
 * as CPython does.
 *
 * While sort() runs, the list looks empty (size 0, items NULL) and its
 * `allocated` is -1; any mutation changes that, and sort() then raises
 * "list modified during sort" and restores the sorted items, discarding
 * what was added meanwhile.
 */

typedef struct SortState SortState;
typedef int (*LessFunc)(SortState *s, Value a, Value b);

typedef struct Run {
    ssize_t base, len;
} Run;

typedef struct SortState {
    Value *keys, *vals;        /* vals NULL: the keys are the items */
    Value *tk, *tv;            /* merge buffers, GC arrays */
    ssize_t tcap;
    LessFunc lt;
    LessFunc first_lt;         /* tuple keys: compares their first items */
    int nruns;
    Run runs[90];              /* enough for 2**64 items under the invariants */
} SortState;

/* ---- Comparisons: the generic one and type-specialised fast paths ---- */

static int lt_generic(SortState *s, Value a, Value b) { return obj_richcompare_bool(a, b, CMP_LT); }
static int lt_smallint(SortState *s, Value a, Value b) { return val_int(a) < val_int(b); }
static int lt_str(SortState *s, Value a, Value b) { return str_compare(a, b) < 0; }
static int lt_float(SortState *s, Value a, Value b) { return float_value(a) < float_value(b); }

/* Tuples whose first items share a fast comparison: find the first
 * differing position as tuple comparison does, and use the fast path when
 * that is position 0 (the common case for sorting pairs). */
static int lt_tuple(SortState *s, Value a, Value b) {
    ssize_t na = tuple_size(a), nb = tuple_size(b), n = na < nb ? na : nb, i;
    const Value *x = tuple_items(a), *y = tuple_items(b);
    for (i = 0; i < n; i++) {
        Value p = x[i], q = y[i];
        if (p == q) continue;
        if (val_is_int(p) && val_is_int(q)) break;
        int k = obj_richcompare_bool(p, q, CMP_EQ);
        if (k < 0) return -1;
        if (!k) break;
    }
    if (i >= n) return na < nb;
    if (i == 0) return s->first_lt(s, x[0], y[0]);
    return obj_richcompare_bool(x[i], y[i], CMP_LT);
}

/* The cheapest comparison valid for every key (or every key's first item):
 * CPython does the same pre-scan; mixed types use rich comparison. */
static LessFunc fast_lt(const Value *keys, ssize_t n, bool first_items) {
    bool all_int = true, all_str = true, all_float = true;
    for (ssize_t i = 0; i < n && (all_int || all_str || all_float); i++) {
        Value k = first_items ? tuple_get(keys[i], 0) : keys[i];
        if (!val_is_int(k)) all_int = false;
        if (!str_check_exact(k)) all_str = false;
        if (!float_check_exact(k)) all_float = false;
    }
    return all_int ? lt_smallint : all_str ? lt_str : all_float ? lt_float : lt_generic;
}

static void choose_lt(SortState *s, const Value *keys, ssize_t n) {
    s->lt = fast_lt(keys, n, false);
    if (s->lt != lt_generic || n == 0) return;
    for (ssize_t i = 0; i < n; i++)
        if (!tuple_check_exact(keys[i]) || tuple_size(keys[i]) == 0) return;
    s->first_lt = fast_lt(keys, n, true);
    s->lt = lt_tuple;
}

/* ---- Building blocks ---- */

static inline void swap_range(Value *a, ssize_t lo, ssize_t hi) {
    for (hi--; lo < hi; lo++, hi--) {
        Value t = a[lo];
        a[lo] = a[hi];
        a[hi] = t;
    }
}

/* Sort [lo, hi) by binary insertion, given [lo, start) is already sorted. */
static int binary_insertion(SortState *s, ssize_t lo, ssize_t hi, ssize_t start) {
    Value *K = s->keys, *V = s->vals;
    for (ssize_t i = start; i < hi; i++) {
        Value pivot = K[i];
        ssize_t l = lo, r = i;
        while (l < r) {
            ssize_t m = l + ((r - l) >> 1);
            int c = s->lt(s, pivot, K[m]);
            if (c < 0) return -1;
            if (c) r = m;
            else l = m + 1;
        }
        /* Insert after any equal keys: stable. */
        memmove(&K[l + 1], &K[l], (i - l) * sizeof(Value));
        K[l] = pivot;
        if (V) {
            Value pv = V[i];
            memmove(&V[l + 1], &V[l], (i - l) * sizeof(Value));
            V[l] = pv;
        }
    }
    return 0;
}

/* Length of the run starting at lo (descending runs are reversed in place);
 * -1 on error. */
static ssize_t count_run(SortState *s, ssize_t lo, ssize_t hi) {
    Value *K = s->keys;
    if (lo + 1 >= hi) return 1;
    ssize_t i = lo + 1;
    int c = s->lt(s, K[i], K[i - 1]);
    if (c < 0) return -1;
    if (c) {
        /* Strictly descending, so reversing keeps equal items in order. */
        for (i++; i < hi; i++) {
            c = s->lt(s, K[i], K[i - 1]);
            if (c < 0) return -1;
            if (!c) break;
        }
        swap_range(K, lo, i);
        if (s->vals) swap_range(s->vals, lo, i);
    } else {
        for (i++; i < hi; i++) {
            c = s->lt(s, K[i], K[i - 1]);
            if (c < 0) return -1;
            if (c) break;
        }
    }
    return i - lo;
}

/* Number of items of base[0..n) that are <= key (first k with key < base[k]). */
static ssize_t count_le(SortState *s, Value key, const Value *base, ssize_t n) {
    ssize_t l = 0, r = n;
    while (l < r) {
        ssize_t m = l + ((r - l) >> 1);
        int c = s->lt(s, key, base[m]);
        if (c < 0) return -1;
        if (c) r = m;
        else l = m + 1;
    }
    return l;
}

/* Number of items of base[0..n) that are < key. */
static ssize_t count_lt(SortState *s, Value key, const Value *base, ssize_t n) {
    ssize_t l = 0, r = n;
    while (l < r) {
        ssize_t m = l + ((r - l) >> 1);
        int c = s->lt(s, base[m], key);
        if (c < 0) return -1;
        if (c) l = m + 1;
        else r = m;
    }
    return l;
}

static int ensure_tmp(SortState *s, ssize_t n) {
    if (n <= s->tcap) return 0;
    ssize_t cap = n < 256 ? 256 : n;
    Value *tk = array_alloc((size_t)cap);
    if (!tk) return -1;
    Value *tv = NULL;
    if (s->vals) {
        tv = array_alloc((size_t)cap);
        if (!tv) return -1;
    }
    s->tk = tk;
    s->tv = tv;
    s->tcap = cap;
    return 0;
}

/* Merge A = [pa, pa+na) and B = [pb, pb+nb) (pb == pa+na) when A is the
 * shorter: A moves to the buffer and the merge runs left to right. */
static int merge_lo(SortState *s, ssize_t pa, ssize_t na, ssize_t pb, ssize_t nb) {
    if (ensure_tmp(s, na) < 0) return -1;
    Value *K = s->keys, *V = s->vals, *TK = s->tk, *TV = s->tv;
    memcpy(TK, &K[pa], na * sizeof(Value));
    if (V) memcpy(TV, &V[pa], na * sizeof(Value));
    ssize_t i = 0, j = pb, end = pb + nb, dest = pa;
    int rc = 0;
    while (i < na && j < end) {
        int c = s->lt(s, K[j], TK[i]);
        if (c < 0) {
            rc = -1;
            break;
        }
        if (c) {
            K[dest] = K[j];
            if (V) V[dest] = V[j];
            j++;
        } else {
            K[dest] = TK[i];
            if (V) V[dest] = TV[i];
            i++;
        }
        dest++;
    }
    /* The rest of A goes back; the rest of B is already in place after it.
     * This also repairs the arrays after a failed comparison. */
    memcpy(&K[dest], &TK[i], (na - i) * sizeof(Value));
    if (V) memcpy(&V[dest], &TV[i], (na - i) * sizeof(Value));
    return rc;
}

/* The mirror image, when B is the shorter: B moves to the buffer and the
 * merge runs right to left. */
static int merge_hi(SortState *s, ssize_t pa, ssize_t na, ssize_t pb, ssize_t nb) {
    if (ensure_tmp(s, nb) < 0) return -1;
    Value *K = s->keys, *V = s->vals, *TK = s->tk, *TV = s->tv;
    memcpy(TK, &K[pb], nb * sizeof(Value));
    if (V) memcpy(TV, &V[pb], nb * sizeof(Value));
    ssize_t i = pa + na - 1, j = nb - 1, dest = pb + nb - 1;
    int rc = 0;
    while (i >= pa && j >= 0) {
        int c = s->lt(s, TK[j], K[i]);
        if (c < 0) {
            rc = -1;
            break;
        }
        if (c) {
            K[dest] = K[i];
            if (V) V[dest] = V[i];
            i--;
        } else {
            K[dest] = TK[j];
            if (V) V[dest] = TV[j];
            j--;
        }
        dest--;
    }
    memcpy(&K[dest - j], TK, (j + 1) * sizeof(Value));
    if (V) memcpy(&V[dest - j], TV, (j + 1) * sizeof(Value));
    return rc;
}

/* Merge runs i and i+1 of the stack. */
static int merge_at(SortState *s, int i) {
    Run *r = s->runs;
    ssize_t pa = r[i].base, na = r[i].len, pb = r[i + 1].base, nb = r[i + 1].len;
    r[i].len = na + nb;
    if (i == s->nruns - 3) r[i + 1] = r[i + 2];
    s->nruns--;

    /* Items of A that are <= B[0] are already where they belong. */
    ssize_t k = count_le(s, s->keys[pb], &s->keys[pa], na);
    if (k < 0) return -1;
    pa += k;
    na -= k;
    if (na == 0) return 0;
    /* Items of B that are >= A[last] are already where they belong. */
    nb = count_lt(s, s->keys[pa + na - 1], &s->keys[pb], nb);
    if (nb <= 0) return nb < 0 ? -1 : 0;
    return na <= nb ? merge_lo(s, pa, na, pb, nb) : merge_hi(s, pa, na, pb, nb);
}

/* Restore timsort's invariants on the run stack (with the 2015 fix that
 * also checks the fourth run from the top). */
static int merge_collapse(SortState *s) {
    Run *p = s->runs;
    while (s->nruns > 1) {
        int n = s->nruns - 2;
        if ((n > 0 && p[n - 1].len <= p[n].len + p[n + 1].len) ||
            (n > 1 && p[n - 2].len <= p[n - 1].len + p[n].len)) {
            if (p[n - 1].len < p[n + 1].len) n--;
        } else if (p[n].len > p[n + 1].len) {
            break;
        }
        if (merge_at(s, n) < 0) return -1;
    }
    return 0;
}

static int merge_force_collapse(SortState *s) {
    Run *p = s->runs;
    while (s->nruns > 1) {
        int n = s->nruns - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len) n--;
        if (merge_at(s, n) < 0) return -1;
    }
    return 0;
}

static ssize_t compute_minrun(ssize_t n) {
    ssize_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static int sort_arrays(SortState *s, ssize_t n) {
    if (n < 2) return 0;
    ssize_t minrun = compute_minrun(n), lo = 0;
    while (lo < n) {
        ssize_t run = count_run(s, lo, n);
        if (run < 0) return -1;
        if (run < minrun) {
            ssize_t force = n - lo < minrun ? n - lo : minrun;
            if (binary_insertion(s, lo, lo + force, lo + run) < 0) return -1;
            run = force;
        }
        s->runs[s->nruns].base = lo;
        s->runs[s->nruns].len = run;
        s->nruns++;
        if (merge_collapse(s) < 0) return -1;
        lo += run;
    }
    return merge_force_collapse(s);
}

/* ---- list.sort() ---- */

int list_sort(Value lv, Value keyfunc, bool reverse) {
    ListObject *l = (ListObject *)lv;
    Value *saved = l->items;
    ssize_t n = l->size, saved_alloc = l->allocated;
    /* The list looks empty while sorting; see the comment at the top. */
    l->items = NULL;
    l->size = 0;
    l->allocated = -1;
    l->sorting = 1;

    SortState s;
    memset(&s, 0, sizeof s);
    int rc = 0;
    if (keyfunc && n > 0) {
        s.keys = array_alloc((size_t)n);
        if (!s.keys) {
            rc = -1;
            goto done;
        }
        for (ssize_t i = 0; i < n; i++) {
            Value k = obj_call1(keyfunc, saved[i]);
            if (!k) {
                rc = -1;
                goto done;
            }
            s.keys[i] = k;
        }
        s.vals = saved;
    } else {
        s.keys = saved;
    }
    /* Reversing before and after a stable sort keeps equal items in their
     * original order for reverse=True. */
    if (reverse && n > 1) {
        swap_range(s.keys, 0, n);
        if (s.vals) swap_range(s.vals, 0, n);
    }
    choose_lt(&s, s.keys, n);
    rc = sort_arrays(&s, n);
    if (reverse && n > 1) swap_range(saved, 0, n);

done:
    if (l->allocated != -1 && rc == 0) {
        err_set(&exc_ValueError, "list modified during sort");
        rc = -1;
    }
    l->items = saved;
    l->size = n;
    l->allocated = saved_alloc;
    l->sorting = 0;
    return rc;
}
