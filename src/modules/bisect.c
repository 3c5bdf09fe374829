/* bisect.c - the _bisect module: binary search and sorted insertion with lo, hi and key. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/list.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"
#include "datamod.h"

/* The arguments every function shares: (a, x, lo=0, hi=None, *, key=None). */
typedef struct BisectArgs {
    Value a, x, key;
    ssize_t lo, hi;   /* hi -1: len(a), as CPython (an explicit -1 means that too) */
} BisectArgs;

static int bisect_parse(const char *fname, Value *args, size_t nargs, Value kw, BisectArgs *out) {
    static const char *const names[] = {"a", "x", "lo", "hi", "key", NULL};
    Value v[5];
    if (dm_parse(fname, args, nargs, kw, names, 0, 4, 2, v) < 0) return -1;
    out->a = v[0];
    out->x = v[1];
    out->key = v[4] ? v[4] : VNone;
    out->lo = 0;
    out->hi = -1;
    if (v[2] && dm_ssize(v[2], &out->lo) < 0) return -1;
    if (v[3] && v[3] != VNone) {
        if (!num_check_index(v[3])) {
            err_format(&exc_TypeError, "argument should be integer or None, not '%s'", type_name(v[3]));
            return -1;
        }
        if (dm_ssize(v[3], &out->hi) < 0) return -1;
    }
    return 0;
}

/* The insertion point of item in a[lo:hi] (right: after equal items). */
static ssize_t bisect_search(Value a, Value item, ssize_t lo, ssize_t hi, Value key, bool right) {
    if (lo < 0) {
        err_set(&exc_ValueError, "lo must be non-negative");
        return -1;
    }
    if (hi == -1) {
        hi = obj_len(a);
        if (hi < 0) return -1;
    }
    while (lo < hi) {
        ssize_t mid = (ssize_t)(((size_t)lo + (size_t)hi) / 2);
        Value litem;
        if (list_check(a) && mid < list_size(a)) litem = list_get(a, mid);
        else litem = obj_getitem(a, val_from_int(mid));
        if (!litem) return -1;
        if (key != VNone) {
            litem = obj_call1(key, litem);
            if (!litem) return -1;
        }
        int lt = right ? obj_richcompare_bool(item, litem, CMP_LT) : obj_richcompare_bool(litem, item, CMP_LT);
        if (lt < 0) return -1;
        if (right) {
            if (lt) hi = mid;
            else lo = mid + 1;
        } else {
            if (lt) lo = mid + 1;
            else hi = mid;
        }
    }
    return lo;
}

static Value bisect_common(const char *fname, Value *args, size_t nargs, Value kw, bool right) {
    BisectArgs b;
    if (bisect_parse(fname, args, nargs, kw, &b) < 0) return VNULL;
    ssize_t i = bisect_search(b.a, b.x, b.lo, b.hi, b.key, right);
    return i < 0 ? VNULL : val_from_int(i);
}

static Value insort_common(const char *fname, Value *args, size_t nargs, Value kw, bool right) {
    BisectArgs b;
    if (bisect_parse(fname, args, nargs, kw, &b) < 0) return VNULL;
    Value kx = b.x;
    if (b.key != VNone) {
        kx = obj_call1(b.key, b.x);
        if (!kx) return VNULL;
    }
    ssize_t i = bisect_search(b.a, kx, b.lo, b.hi, b.key, right);
    if (i < 0) return VNULL;
    if (list_check_exact(b.a)) {
        if (list_insert(b.a, i, b.x) < 0) return VNULL;
    } else {
        Value margs[2] = {val_from_int(i), b.x};
        if (!obj_call_method(b.a, "insert", margs, 2)) return VNULL;
    }
    return VNone;
}

static Value bisect_right_m(Value self, Value *args, size_t nargs, Value kw) {
    return bisect_common("bisect_right", args, nargs, kw, true);
}
static Value bisect_left_m(Value self, Value *args, size_t nargs, Value kw) {
    return bisect_common("bisect_left", args, nargs, kw, false);
}
static Value insort_right_m(Value self, Value *args, size_t nargs, Value kw) {
    return insort_common("insort_right", args, nargs, kw, true);
}
static Value insort_left_m(Value self, Value *args, size_t nargs, Value kw) {
    return insort_common("insort_left", args, nargs, kw, false);
}

#define BOUNDS_DOC "\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched."
static const MethodDef bisect_functions[] = {
    {"bisect_right", bisect_right_m, 0,
     "Return the index where to insert item x in list a, assuming a is sorted.\n\n"
     "The return value i is such that all e in a[:i] have e <= x, and all e in\n"
     "a[i:] have e > x.  So if x already appears in the list, a.insert(i, x) will\n"
     "insert just after the rightmost x already there." BOUNDS_DOC},
    {"insort_right", insort_right_m, 0,
     "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
     "If x is already in a, insert it to the right of the rightmost x." BOUNDS_DOC},
    {"bisect_left", bisect_left_m, 0,
     "Return the index where to insert item x in list a, assuming a is sorted.\n\n"
     "The return value i is such that all e in a[:i] have e < x, and all e in\n"
     "a[i:] have e >= x.  So if x already appears in the list, a.insert(i, x) will\n"
     "insert just before the leftmost x already there." BOUNDS_DOC},
    {"insort_left", insort_left_m, 0,
     "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
     "If x is already in a, insert it to the left of the leftmost x." BOUNDS_DOC},
    {NULL},
};

Value bisect_module_init(void) {
    Value m = module_new_cstr("_bisect");
    if (!m || module_add_functions(m, bisect_functions) < 0) return VNULL;
    if (module_add(m, "__doc__", str_from_cstr(
            "Bisection algorithms.\n\n"
            "This module provides support for maintaining a list in sorted order without\n"
            "having to sort the list after each insertion. For long lists of items with\n"
            "expensive comparison operations, this can be an improvement over the more\n"
            "common approach.\n")) < 0)
        return VNULL;
    return m;
}
