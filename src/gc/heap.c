/* heap.c - the page region, size classes, allocation and sweeping. */
#include "heap_internal.h"
#include "../vm/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

char *heap_lo, *heap_hi;
PageDesc *heap_pages;
size_t heap_hwm;
SizeClass heap_classes[GC_NCLASSES];
int heap_nclasses;

static size_t heap_npages;        /* pages in the reserved region */
static uint64_t *page_used;       /* one bit per page */
static size_t pages_in_use;
static size_t pages_dirty;        /* free pages kept (not madvised) for reuse */
static void pages_clean(size_t first, size_t n, bool zero);
uint8_t heap_class_of_8[GC_SMALL_MAX / 8 + 1];

/* Finalizable objects: those whose type has a `finalize` slot. */
static Object **fin_list;
static size_t fin_len, fin_cap;

/* Allocation accounting that drives collections. */
ssize_t gc_alloc_budget = 8 << 20;
static size_t budget_at_gc = 8 << 20;   /* the budget the last collection granted */
static size_t gc_threshold = 8u << 20;
static size_t live_after_gc;
static uint64_t total_allocated;
static unsigned stress_count;
unsigned gc_stress;
bool gc_enabled = true;
uint64_t gc_collections;

/*
 * Size classes: 8-byte steps to 128 (so a 3-attribute instance is exactly
 * 48 bytes), then about four classes per doubling, which bounds internal
 * fragmentation near 20%.
 */
static void init_classes(void) {
    uint32_t sizes[GC_NCLASSES];
    int n = 0;
    for (uint32_t s = 16; s <= 128; s += 8) sizes[n++] = s;   /* gc_alloc_small relies on these */
    for (uint32_t base = 128; base < GC_SMALL_MAX; base *= 2)
        for (int q = 1; q <= 4; q++) sizes[n++] = base + base / 4 * (uint32_t)q;
    assert(n <= GC_NCLASSES && sizes[n - 1] == GC_SMALL_MAX);
    heap_nclasses = n;
    int c = 0;
    for (size_t i = 0; i <= GC_SMALL_MAX / 8; i++) {
        while (sizes[c] < i * 8) c++;
        heap_class_of_8[i] = (uint8_t)c;
    }
    for (int i = 0; i < n; i++) {
        heap_classes[i].size = sizes[i];
        heap_classes[i].nobjs = (uint32_t)(GC_PAGE_SIZE / sizes[i]);
    }
}

static void *reserve(size_t size) {
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

void heap_init(void) {
    init_classes();
    /* Reserve as much address space as the system lets us, aligned to a page. */
    static const size_t tries[] = {(size_t)64 << 30, (size_t)16 << 30, (size_t)4 << 30, (size_t)1 << 30};
    for (size_t i = 0; i < ARRAY_LEN(tries) && !heap_lo; i++) {
        char *p = reserve(tries[i] + GC_PAGE_SIZE);
        if (!p) continue;
        uintptr_t a = ((uintptr_t)p + GC_PAGE_SIZE - 1) & ~(uintptr_t)(GC_PAGE_SIZE - 1);
        heap_lo = (char *)a;
        heap_npages = tries[i] >> GC_PAGE_SHIFT;
    }
    if (!heap_lo) {
        fprintf(stderr, "taipan: cannot reserve address space for the heap\n");
        exit(1);
    }
    heap_hi = heap_lo + (heap_npages << GC_PAGE_SHIFT);
    heap_pages = reserve(heap_npages * sizeof(PageDesc));
    page_used = calloc((heap_npages + 63) / 64, sizeof(uint64_t));
    if (!heap_pages || !page_used) {
        fprintf(stderr, "taipan: cannot allocate the page table\n");
        exit(1);
    }
    const char *s = getenv("TAIPAN_GCSTRESS");
    if (s && *s) gc_stress = (unsigned)atoi(s) ? (unsigned)atoi(s) : 1;
    if (gc_stress) gc_alloc_budget = 0;
}

/* ---- Pages ---- */

static bool page_is_used(size_t i) { return (page_used[i / 64] >> (i % 64)) & 1; }

static void pages_mark(size_t first, size_t n, bool used) {
    for (size_t i = first; i < first + n; i++) {
        if (used) page_used[i / 64] |= (uint64_t)1 << (i % 64);
        else page_used[i / 64] &= ~((uint64_t)1 << (i % 64));
    }
}

/* First fit over pages below the high-water mark, else fresh pages. */
static ssize_t pages_alloc(size_t n, bool zero) {
    size_t run = 0;
    for (size_t i = 0; i < heap_hwm; i++) {
        if ((i % 64) == 0 && page_used[i / 64] == ~(uint64_t)0 && i + 64 <= heap_hwm) {
            run = 0;
            i += 63;
            continue;
        }
        if (page_is_used(i)) { run = 0; continue; }
        if (++run == n) {
            size_t first = i + 1 - n;
            pages_mark(first, n, true);
            pages_in_use += n;
            pages_clean(first, n, zero);
            return (ssize_t)first;
        }
    }
    /* A free run ending at the high-water mark can be extended. */
    size_t first = heap_hwm - run;
    if (first + n > heap_npages) return -1;
    heap_hwm = first + n;
    pages_mark(first, n, true);
    pages_in_use += n;
    pages_clean(first, n, zero);
    return (ssize_t)first;
}

/*
 * Freed pages are kept for reuse, up to a quarter of the heap (at least
 * 32 MiB), and zeroed when reused; beyond that they go back to the OS with
 * madvise, which makes them read as zero.  Returning every page at once
 * made allocation-heavy loops fault pages in over and over.
 */
static void pages_free(size_t first, size_t n) {
    size_t keep_limit = pages_in_use / 4 > 512 ? pages_in_use / 4 : 512;
    bool keep = pages_dirty + n <= keep_limit;
    if (!keep) madvise(heap_page_addr(first), n << GC_PAGE_SHIFT, MADV_DONTNEED);
    for (size_t i = first; i < first + n; i++) {
        PageDesc *d = &heap_pages[i];
        free(d->marks);
        free(d->side);
        memset(d, 0, sizeof *d);
        d->dirty = keep;
    }
    if (keep) pages_dirty += n;
    pages_mark(first, n, false);
    pages_in_use -= n;
}

/* Return every kept free page to the OS (an explicit gc.collect(): the
 * program asked for its garbage to go, so its memory goes too). */
void gc_release_free_pages(void) {
    for (size_t i = 0; i < heap_npages && pages_dirty; i++) {
        PageDesc *d = &heap_pages[i];
        if (d->kind != PK_FREE || !d->dirty) continue;
        size_t j = i;
        while (j < heap_npages && heap_pages[j].kind == PK_FREE && heap_pages[j].dirty) {
            heap_pages[j].dirty = 0;
            pages_dirty--;
            j++;
        }
        madvise(heap_page_addr(i), (j - i) << GC_PAGE_SHIFT, MADV_DONTNEED);
        i = j - 1;
    }
}

/* Large objects' pages must read as zero.  Small-object pages need not:
 * the bump allocator zeroes each object it hands out and alloc_small_page
 * clears the type words of a reused page (a free slot is recognised by
 * its NULL type word), so a reused page is not zeroed and then written. */
static void pages_clean(size_t first, size_t n, bool zero) {
    if (!zero) return;   /* alloc_small_page cleans its page itself */
    for (size_t i = first; i < first + n; i++) {
        if (!heap_pages[i].dirty) continue;
        memset(heap_page_addr(i), 0, GC_PAGE_SIZE);
        heap_pages[i].dirty = 0;
        pages_dirty--;
    }
}

/* ---- Allocation ---- */

static void *alloc_small_page(int c) {
    ssize_t pi = pages_alloc(1, false);
    if (pi < 0) return NULL;
    SizeClass *sc = &heap_classes[c];
    PageDesc *d = &heap_pages[pi];
    if (d->dirty) {
        /* A reused page: only the type words need clearing, so that the
         * slots the bump pointer has not reached read as free. */
        char *base = heap_page_addr((size_t)pi);
        for (uint32_t i = 0; i < sc->nobjs; i++) ((Object *)(base + (size_t)i * sc->size))->type = NULL;
        d->dirty = 0;
        pages_dirty--;
    }
    d->kind = PK_SMALL;
    d->sclass = (uint8_t)c;
    d->objsize = sc->size;
    d->nobjs = sc->nobjs;
    d->magic = (uint32_t)((((uint64_t)1 << 32) + sc->size - 1) / sc->size);
    d->marks = calloc((sc->nobjs + 63) / 64, sizeof(uint64_t));
    if (!d->marks) {
        pages_free((size_t)pi, 1);
        return NULL;
    }
    sc->bump = heap_page_addr((size_t)pi);
    sc->end = sc->bump + (size_t)sc->nobjs * sc->size;
    return sc->bump;
}

void heap_retire_bump(void) {
    for (int c = 0; c < heap_nclasses; c++) {
        SizeClass *sc = &heap_classes[c];
        sc->bump = sc->end = NULL;
    }
}

static void *alloc_large(size_t size) {
    size_t n = (size + GC_PAGE_SIZE - 1) >> GC_PAGE_SHIFT;
    ssize_t pi = pages_alloc(n, true);
    if (pi < 0) return NULL;
    PageDesc *d = &heap_pages[pi];
    d->kind = PK_LARGE;
    d->objsize = size > UINT32_MAX ? UINT32_MAX : (uint32_t)size;
    d->nobjs = (uint32_t)n;
    for (size_t i = 1; i < n; i++) {
        heap_pages[pi + i].kind = PK_LARGE_TAIL;
        heap_pages[pi + i].head = (uint32_t)pi;
    }
    return heap_page_addr((size_t)pi);
}

static void maybe_collect(size_t size) {
    if (gc_stress) {
        if (++stress_count >= gc_stress) {
            stress_count = 0;
            gc_collect();
        }
    } else if (gc_alloc_budget < (ssize_t)size && gc_enabled) {
        gc_collect();
    }
}

static void *alloc_raw(size_t size) {
    if (size <= GC_SMALL_MAX) {
        int c = heap_class_of_8[(size + 7) >> 3];
        SizeClass *sc = &heap_classes[c];
        void *p;
        if (sc->free) {
            p = sc->free;
            sc->free = *(void **)p;
            memset(p, 0, sc->size);
        } else if (sc->bump && sc->bump < sc->end) {
            p = sc->bump;
            sc->bump += sc->size;
            memset(p, 0, sc->size);
        } else {
            p = alloc_small_page(c);
            if (!p) return NULL;
            sc->bump += sc->size;
            memset(p, 0, sc->size);
        }
        gc_alloc_budget -= (ssize_t)sc->size;
        return p;
    }
    void *p = alloc_large(size);
    if (p) {
        gc_alloc_budget -= (ssize_t)size;
    }
    return p;
}

void gc_note_external(size_t bytes) { gc_alloc_budget -= (ssize_t)bytes; }

static void fin_register(Object *o) {
    if (fin_len == fin_cap) {
        size_t cap = fin_cap ? fin_cap * 2 : 64;
        Object **n = realloc(fin_list, cap * sizeof *n);
        if (!n) return; /* the object just won't be finalized */
        fin_list = n;
        fin_cap = cap;
    }
    fin_list[fin_len++] = o;
}

void *gc_alloc_slow(Type *type, size_t size) {
    if (size < sizeof(Object)) size = sizeof(Object);
    if (size > ((size_t)1 << 46)) {
        err_no_memory();
        return NULL;
    }
    maybe_collect(size);
    Object *o = alloc_raw(size);
    if (!o) {
        /* Collect once more before giving up: the region may be fragmented by garbage. */
        gc_collect();
        o = alloc_raw(size);
        if (!o) {
            err_no_memory();
            return NULL;
        }
    }
    o->type = type;
    if (type->finalize) fin_register(o);
    if (type->flags & TF_HAS_DEL) {
        extern int gc_register_finalizer(Object *o);
        gc_register_finalizer(o);
    }
    return o;
}

void *gc_alloc_nofail(Type *type, size_t size) {
    void *p = gc_alloc(type, size);
    if (!p) {
        fprintf(stderr, "taipan: out of memory during start-up\n");
        abort();
    }
    return p;
}

/* ---- Object lookup ---- */

bool gc_is_heap_pointer(const void *addr) { return heap_contains(addr); }

Object *gc_find_object(const void *addr) {
    if (!heap_contains(addr)) return NULL;
    size_t pi = heap_page_index(addr);
    if (pi >= heap_hwm) return NULL;
    PageDesc *d = &heap_pages[pi];
    Object *o;
    switch (d->kind) {
    case PK_SMALL: {
        size_t off = (size_t)((const char *)addr - heap_page_addr(pi));
        size_t idx = (size_t)(((uint64_t)off * d->magic) >> 32);
        if (idx >= d->nobjs) return NULL;
        o = (Object *)(heap_page_addr(pi) + idx * d->objsize);
        break;
    }
    case PK_LARGE_TAIL:
        pi = d->head;
        /* fall through */
    case PK_LARGE:
        o = (Object *)heap_page_addr(pi);
        break;
    default:
        return NULL;
    }
    return o->type ? o : NULL;
}

size_t gc_heap_objects(Object ***out) {
    size_t n = 0, cap = 1024;
    Object **a = malloc(cap * sizeof *a);
    if (!a) return (size_t)-1;
    for (size_t pi = 0; pi < heap_hwm; pi++) {
        PageDesc *d = &heap_pages[pi];
        size_t k = d->kind == PK_SMALL ? d->nobjs : d->kind == PK_LARGE ? 1 : 0;
        for (size_t i = 0; i < k; i++) {
            Object *o = (Object *)(heap_page_addr(pi) + i * (d->kind == PK_SMALL ? d->objsize : 0));
            if (!o->type) continue;
            if (n == cap) {
                Object **b = realloc(a, (cap *= 2) * sizeof *a);
                if (!b) {
                    free(a);
                    return (size_t)-1;
                }
                a = b;
            }
            a[n++] = o;
        }
        if (d->kind == PK_LARGE) pi += d->nobjs - 1;
    }
    *out = a;
    return n;
}

size_t gc_object_size(const Object *o) {
    PageDesc *d = &heap_pages[heap_page_index(o)];
    return d->objsize;
}

void **gc_side_slot(const Object *o) {
    size_t pi = heap_page_index(o);
    PageDesc *d = &heap_pages[pi];
    if (!d->side) {
        size_t n = d->kind == PK_SMALL ? d->nobjs : 1;
        d->side = calloc(n, sizeof(void *));
        if (!d->side) return NULL;
    }
    if (d->kind != PK_SMALL) return &d->side[0];
    size_t off = (size_t)((const char *)o - heap_page_addr(pi));
    return &d->side[((uint64_t)off * d->magic) >> 32];
}

/* ---- Sweeping ---- */

/* Call the C finalizer of every finalizable object that was not marked. */
void heap_finalize_unmarked(void) {
    size_t j = 0;
    for (size_t i = 0; i < fin_len; i++) {
        Object *o = fin_list[i];
        if (gc_is_marked(o)) fin_list[j++] = o;
        else o->type->finalize(o);
    }
    fin_len = j;
}

static size_t sweep_small(size_t pi, PageDesc *d, void **free_heads) {
    char *base = heap_page_addr(pi);
    size_t live = 0;
    /* A page with nothing marked goes back whole, without threading its slots. */
    uint64_t any = 0;
    for (uint32_t w = 0; w < (d->nobjs + 63) / 64; w++) any |= d->marks[w];
    if (!any) {
        pages_free(pi, 1);
        return 0;
    }
    void *chain = NULL, **tail = &chain;
    uint32_t nwords = (d->nobjs + 63) / 64;
    for (uint32_t w = 0; w < nwords; w++) {
        uint64_t m = d->marks[w];
        live += (size_t)__builtin_popcountll(m);
        /* Visit only the unmarked slots of this word (dead or already free). */
        uint64_t dead = ~m;
        if (w == nwords - 1 && d->nobjs % 64) dead &= ((uint64_t)1 << (d->nobjs % 64)) - 1;
        while (dead) {
            uint32_t i = w * 64 + (uint32_t)__builtin_ctzll(dead);
            dead &= dead - 1;
            Object *o = (Object *)(base + (size_t)i * d->objsize);
            o->type = NULL;
            *tail = o;
            tail = (void **)o;
            if (d->side) d->side[i] = NULL;
        }
        d->marks[w] = 0;
    }
    if (live == 0) {
        pages_free(pi, 1);
        return 0;
    }
    *tail = free_heads[d->sclass];
    free_heads[d->sclass] = chain;
    return live * d->objsize;
}

size_t heap_sweep(void) {
    void *free_heads[GC_NCLASSES] = {0};
    size_t live = 0;
    for (size_t pi = 0; pi < heap_hwm; pi++) {
        PageDesc *d = &heap_pages[pi];
        if (d->kind == PK_SMALL) {
            live += sweep_small(pi, d, free_heads);
        } else if (d->kind == PK_LARGE) {
            size_t n = d->nobjs;
            if (d->large_mark) {
                d->large_mark = 0;
                live += (size_t)n << GC_PAGE_SHIFT;
            } else {
                pages_free(pi, n);
            }
            pi += n - 1;
        }
    }
    for (int c = 0; c < heap_nclasses; c++) heap_classes[c].free = free_heads[c];
    /* The high-water mark can come down over trailing free pages. */
    /* Kept dirty pages above it stay dirty: pages_clean zeroes them when
     * they are handed out again, which is far cheaper than returning them
     * with madvise and faulting them back in on the next cycle. */
    while (heap_hwm > 0 && !page_is_used(heap_hwm - 1)) heap_hwm--;
    return live;
}

static size_t peak_in_use;   /* the most in use before a collection, for tracemalloc */

static size_t in_use(void) { return live_after_gc + (size_t)((ssize_t)budget_at_gc - gc_alloc_budget); }

void gc_reset_peak(void) { peak_in_use = in_use(); }

void heap_after_collect(size_t live) {
    if (in_use() > peak_in_use) peak_in_use = in_use();
    live_after_gc = live;
    total_allocated += (uint64_t)((ssize_t)budget_at_gc - gc_alloc_budget);
    /* Grow the threshold with the live heap so collection stays amortised. */
    gc_threshold = live > (8u << 20) ? live : (8u << 20);
    budget_at_gc = gc_threshold;
    gc_alloc_budget = gc_stress ? 0 : (ssize_t)gc_threshold;
}

void gc_get_stats(GCStats *out) {
    extern uint64_t gc_collections;
    out->collections = gc_collections;
    out->bytes_allocated_total = total_allocated + (uint64_t)((ssize_t)budget_at_gc - gc_alloc_budget);
    out->live_bytes = live_after_gc;
    out->in_use = in_use();
    if (out->in_use > peak_in_use) peak_in_use = out->in_use;
    out->peak_in_use = peak_in_use;
    out->heap_bytes = pages_in_use << GC_PAGE_SHIFT;
    out->threshold = gc_threshold;
}
