/* heapq.c - the _heapq module: binary min-heaps (and the max-heap helpers) on lists. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/list.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <stdio.h>

/*
 * The algorithms and, more importantly, the order of the comparisons are
 * CPython's, so a user-defined __lt__ that prints or counts sees the same
 * calls.  A comparison runs arbitrary code that may change the list: after
 * each one the size is checked and the item pointer reloaded.
 */

/* less(a, b) for the min-heap, less(b, a) for the max-heap. */
static int heap_less(Value a, Value b, bool max) {
    return max ? obj_richcompare_bool(b, a, CMP_LT) : obj_richcompare_bool(a, b, CMP_LT);
}

static int size_changed(void) {
    err_set(&exc_RuntimeError, "list changed size during iteration");
    return -1;
}

/* Move the item at pos up towards startpos until its parent is not greater. */
static int heap_siftdown(Value heap, ssize_t startpos, ssize_t pos, bool max) {
    ssize_t size = list_size(heap);
    if (pos >= size) {
        err_set(&exc_IndexError, "list index out of range");
        return -1;
    }
    while (pos > startpos) {
        ssize_t parentpos = (pos - 1) >> 1;
        Value *arr = list_items(heap);
        int cmp = heap_less(arr[pos], arr[parentpos], max);
        if (cmp < 0) return -1;
        if (size != list_size(heap)) return size_changed();
        if (cmp == 0) break;
        arr = list_items(heap);
        Value parent = arr[parentpos], item = arr[pos];
        list_set(heap, parentpos, item);
        list_set(heap, pos, parent);
        pos = parentpos;
    }
    return 0;
}

/* Bubble the smaller child up from pos to a leaf, then sift the item there down. */
static int heap_siftup(Value heap, ssize_t pos, bool max) {
    ssize_t endpos = list_size(heap), startpos = pos;
    if (pos >= endpos) {
        err_set(&exc_IndexError, "list index out of range");
        return -1;
    }
    ssize_t limit = endpos >> 1;
    while (pos < limit) {
        ssize_t childpos = 2 * pos + 1;
        if (childpos + 1 < endpos) {
            Value *arr = list_items(heap);
            int cmp = heap_less(arr[childpos], arr[childpos + 1], max);
            if (cmp < 0) return -1;
            childpos += cmp ^ 1;
            if (endpos != list_size(heap)) return size_changed();
        }
        Value *arr = list_items(heap);
        Value a = arr[childpos], b = arr[pos];
        list_set(heap, childpos, b);
        list_set(heap, pos, a);
        pos = childpos;
    }
    return heap_siftdown(heap, startpos, pos, max);
}

static bool check_list(const char *fname, const char *argdesc, Value v) {
    if (list_check(v)) return true;
    err_format(&exc_TypeError, "%s() %s must be list, not %s", fname, argdesc, type_name(v));
    return false;
}

static Value heappush_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_heapq.heappush", kw) < 0 || arg_count("heappush", nargs, 2, 2) < 0) return VNULL;
    if (!check_list("heappush", "argument 1", args[0])) return VNULL;
    if (list_append(args[0], args[1]) < 0) return VNULL;
    if (heap_siftdown(args[0], 0, list_size(args[0]) - 1, false) < 0) return VNULL;
    return VNone;
}

static Value heappop_common(const char *name, Value *args, size_t nargs, Value kw, bool max) {
    char qual[40];
    snprintf(qual, sizeof qual, "_heapq.%s", name);
    if (arg_no_kw(qual, kw) < 0 || arg_count(qual, nargs, 1, 1) < 0) return VNULL;
    Value heap = args[0];
    if (!check_list(name, "argument", heap)) return VNULL;
    ssize_t n = list_size(heap);
    if (n == 0) {
        err_set(&exc_IndexError, "index out of range");
        return VNULL;
    }
    Value last = list_pop(heap, n - 1);
    if (!last) return VNULL;
    if (n == 1) return last;
    Value ret = list_get(heap, 0);
    list_set(heap, 0, last);
    if (heap_siftup(heap, 0, max) < 0) return VNULL;
    return ret;
}

static Value heappop_m(Value self, Value *args, size_t nargs, Value kw) {
    return heappop_common("heappop", args, nargs, kw, false);
}
static Value heappop_max_m(Value self, Value *args, size_t nargs, Value kw) {
    return heappop_common("_heappop_max", args, nargs, kw, true);
}

static Value heapreplace_common(const char *name, Value *args, size_t nargs, Value kw, bool max) {
    char qual[40];
    snprintf(qual, sizeof qual, "_heapq.%s", name);
    if (arg_no_kw(qual, kw) < 0 || arg_count(name, nargs, 2, 2) < 0) return VNULL;
    Value heap = args[0];
    if (!check_list(name, "argument 1", heap)) return VNULL;
    if (list_size(heap) == 0) {
        err_set(&exc_IndexError, "index out of range");
        return VNULL;
    }
    Value ret = list_get(heap, 0);
    list_set(heap, 0, args[1]);
    if (heap_siftup(heap, 0, max) < 0) return VNULL;
    return ret;
}

static Value heapreplace_m(Value self, Value *args, size_t nargs, Value kw) {
    return heapreplace_common("heapreplace", args, nargs, kw, false);
}
static Value heapreplace_max_m(Value self, Value *args, size_t nargs, Value kw) {
    return heapreplace_common("_heapreplace_max", args, nargs, kw, true);
}

static Value heappushpop_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_heapq.heappushpop", kw) < 0 || arg_count("heappushpop", nargs, 2, 2) < 0) return VNULL;
    Value heap = args[0], item = args[1];
    if (!check_list("heappushpop", "argument 1", heap)) return VNULL;
    if (list_size(heap) == 0) return item;
    int cmp = obj_richcompare_bool(list_get(heap, 0), item, CMP_LT);
    if (cmp < 0) return VNULL;
    if (cmp == 0) return item;
    if (list_size(heap) == 0) {
        err_set(&exc_IndexError, "index out of range");
        return VNULL;
    }
    Value ret = list_get(heap, 0);
    list_set(heap, 0, item);
    if (heap_siftup(heap, 0, false) < 0) return VNULL;
    return ret;
}

/* n with all bits but the highest cleared. */
static ssize_t keep_top_bit(ssize_t n) {
    int i = 0;
    while (n > 1) {
        n >>= 1;
        i++;
    }
    return n << i;
}

/* Heaps bigger than the L1 cache are built subtree by subtree (CPython's
 * cache-friendly order); the sift calls, hence the comparisons, follow it. */
static int heapify_cache_friendly(Value heap, bool max) {
    ssize_t m = list_size(heap) >> 1;
    ssize_t leftmost = keep_top_bit(m + 1) - 1;
    ssize_t mhalf = m >> 1;
    for (ssize_t i = leftmost - 1; i >= mhalf; i--)
        for (ssize_t j = i;; j >>= 1) {
            if (heap_siftup(heap, j, max) < 0) return -1;
            if (!(j & 1)) break;
        }
    for (ssize_t i = m - 1; i >= leftmost; i--)
        for (ssize_t j = i;; j >>= 1) {
            if (heap_siftup(heap, j, max) < 0) return -1;
            if (!(j & 1)) break;
        }
    return 0;
}

static Value heapify_common(const char *name, Value *args, size_t nargs, Value kw, bool max) {
    char qual[40];
    snprintf(qual, sizeof qual, "_heapq.%s", name);
    if (arg_no_kw(qual, kw) < 0 || arg_count(qual, nargs, 1, 1) < 0) return VNULL;
    Value heap = args[0];
    if (!check_list(name, "argument", heap)) return VNULL;
    ssize_t n = list_size(heap);
    if (n > 2500) return heapify_cache_friendly(heap, max) < 0 ? VNULL : VNone;
    for (ssize_t i = (n >> 1) - 1; i >= 0; i--)
        if (heap_siftup(heap, i, max) < 0) return VNULL;
    return VNone;
}

static Value heapify_m(Value self, Value *args, size_t nargs, Value kw) {
    return heapify_common("heapify", args, nargs, kw, false);
}
static Value heapify_max_m(Value self, Value *args, size_t nargs, Value kw) {
    return heapify_common("_heapify_max", args, nargs, kw, true);
}

static const MethodDef heapq_functions[] = {
    {"heappush", heappush_m, 0, "Push item onto heap, maintaining the heap invariant."},
    {"heappushpop", heappushpop_m, 0,
     "Push item on the heap, then pop and return the smallest item from the heap.\n\n"
     "The combined action runs more efficiently than heappush() followed by\na separate call to heappop()."},
    {"heappop", heappop_m, 0, "Pop the smallest item off the heap, maintaining the heap invariant."},
    {"heapreplace", heapreplace_m, 0,
     "Pop and return the current smallest value, and add the new item.\n\n"
     "This is more efficient than heappop() followed by heappush(), and can be\n"
     "more appropriate when using a fixed-size heap.  Note that the value\n"
     "returned may be larger than item!  That constrains reasonable uses of\n"
     "this routine unless written as part of a conditional replacement:\n\n"
     "    if item > heap[0]:\n        item = heapreplace(heap, item)"},
    {"heapify", heapify_m, 0, "Transform list into a heap, in-place, in O(len(heap)) time."},
    {"_heappop_max", heappop_max_m, 0, "Maxheap variant of heappop."},
    {"_heapreplace_max", heapreplace_max_m, 0, "Maxheap variant of heapreplace."},
    {"_heapify_max", heapify_max_m, 0, "Maxheap variant of heapify."},
    {NULL},
};

Value heapq_module_init(void) {
    Value m = module_new_cstr("_heapq");
    if (!m || module_add_functions(m, heapq_functions) < 0) return VNULL;
    if (module_add(m, "__doc__", str_from_cstr(
            "Heap queue algorithm (a.k.a. priority queue).\n\n"
            "Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for\n"
            "all k, counting elements from 0.  For the sake of comparison,\n"
            "non-existing elements are considered to be infinite.  The interesting\n"
            "property of a heap is that a[0] is always its smallest element.\n\n"
            "Usage:\n\n"
            "heap = []            # creates an empty heap\n"
            "heappush(heap, item) # pushes a new item on the heap\n"
            "item = heappop(heap) # pops the smallest item from the heap\n"
            "item = heap[0]       # smallest item on the heap without popping it\n"
            "heapify(x)           # transforms list into a heap, in-place, in linear time\n"
            "item = heapreplace(heap, item) # pops and returns smallest item, and adds\n"
            "                               # new item; the heap size is unchanged\n\n"
            "Our API differs from textbook heap algorithms as follows:\n\n"
            "- We use 0-based indexing.  This makes the relationship between the\n"
            "  index for a node and the indexes for its children slightly less\n"
            "  obvious, but is more suitable since Python uses 0-based indexing.\n\n"
            "- Our heappop() method returns the smallest item, not the largest.\n\n"
            "These two make it possible to view the heap as a regular Python list\n"
            "without surprises: heap[0] is the smallest item, and heap.sort()\n"
            "maintains the heap invariant!\n")) < 0)
        return VNULL;
    return m;
}
