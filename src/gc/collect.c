/* collect.c - marking: roots (conservative C stack, precise slots), tracing, and the collection cycle. */
#include "heap_internal.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * Tri-colour invariant, in mark-bit terms: an object is black once its mark
 * bit is set and it has been popped from the mark stack and traced; grey
 * while it sits on the mark stack; white otherwise.  No black object points
 * to a white one when the stack is empty, so every white object is garbage.
 */

extern uint64_t gc_collections;
void heap_init(void);
void heap_after_collect(size_t live);

static Object **mstack;
static size_t msp, mcap;
static bool mark_overflow;     /* mark stack could not grow: rescan needed */

/* Long arrays of Values (a list's items) are not pushed element by element:
 * the range itself is deferred and drained a chunk at a time, so marking a
 * million-item list needs a few words of stack, not 8 MB that would stay
 * resident after the collection. */
typedef struct { const Value *p; size_t n; } MarkRange;
static MarkRange *rstack;
static size_t rsp, rcap;
enum { MARK_CHUNK = 256, MSTACK_KEEP = 16384 };

static Value **roots;
static size_t nroots, roots_cap;
static Object **statics;
static size_t nstatics, statics_cap;
typedef struct { void **lo, **hi; } ScanRange;
static ScanRange *ranges;
static size_t nranges, ranges_cap;

/* The highest address of the running thread's C stack (each thread sets its
 * own with gc_thread_attach; the collector scans the collecting thread's
 * stack, the thread registry the parked stacks of the others). */
static _Thread_local char *stack_top;
static GCHook prepare_sweep_hook;
static bool collecting;

static void grow(void **arr, size_t *cap, size_t elem) {
    size_t n = *cap ? *cap * 2 : 256;
    void *p = realloc(*arr, n * elem);
    if (!p) {
        fprintf(stderr, "taipan: out of memory in the collector\n");
        abort();
    }
    *arr = p;
    *cap = n;
}

char *gc_thread_attach(void) {
    pthread_attr_t attr;
    void *addr;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &attr) == 0 &&
        pthread_attr_getstack(&attr, &addr, &size) == 0) {
        stack_top = (char *)addr + size;
        pthread_attr_destroy(&attr);
    } else {
        stack_top = (char *)__builtin_frame_address(0) + 4096;
    }
    return stack_top;
}

void gc_init(void) {
    heap_init();
    gc_thread_attach();
}

void gc_add_root(Value *slot) {
    if (nroots == roots_cap) grow((void **)&roots, &roots_cap, sizeof *roots);
    roots[nroots++] = slot;
}

void gc_add_static(Object *obj) {
    if (nstatics == statics_cap) grow((void **)&statics, &statics_cap, sizeof *statics);
    statics[nstatics++] = obj;
}

void gc_add_scan_range(void **lo_ptr, void **hi_ptr) {
    if (nranges == ranges_cap) grow((void **)&ranges, &ranges_cap, sizeof *ranges);
    ranges[nranges].lo = lo_ptr;
    ranges[nranges].hi = hi_ptr;
    nranges++;
}

void gc_set_prepare_sweep_hook(GCHook hook) { prepare_sweep_hook = hook; }

static GCHook root_walkers[8];
static size_t nroot_walkers;
void gc_add_root_walker(GCHook walker) {
    if (nroot_walkers < ARRAY_LEN(root_walkers)) root_walkers[nroot_walkers++] = walker;
}

static GCHook pre_mark_hooks[8];
static size_t npre_mark_hooks;
void gc_add_pre_mark_hook(GCHook hook) {
    if (npre_mark_hooks < ARRAY_LEN(pre_mark_hooks)) pre_mark_hooks[npre_mark_hooks++] = hook;
}

/* ---- Mark bits ---- */

static inline bool test_and_set_mark(Object *o) {
    size_t pi = heap_page_index(o);
    PageDesc *d = &heap_pages[pi];
    if (d->kind == PK_SMALL) {
        size_t off = (size_t)((char *)o - heap_page_addr(pi));
        size_t idx = (size_t)(((uint64_t)off * d->magic) >> 32);
        uint64_t bit = (uint64_t)1 << (idx % 64);
        if (d->marks[idx / 64] & bit) return true;
        d->marks[idx / 64] |= bit;
        return false;
    }
    if (d->large_mark) return true;
    d->large_mark = 1;
    return false;
}

bool gc_is_collecting(void) { return collecting; }

bool gc_is_marked(const Object *o) {
    if (!heap_contains(o)) return true;
    size_t pi = heap_page_index(o);
    PageDesc *d = &heap_pages[pi];
    if (d->kind == PK_SMALL) {
        size_t off = (size_t)((const char *)o - heap_page_addr(pi));
        size_t idx = (size_t)(((uint64_t)off * d->magic) >> 32);
        return (d->marks[idx / 64] >> (idx % 64)) & 1;
    }
    return d->large_mark != 0;
}

static inline void push(Object *o) {
    if (msp == mcap) {
        size_t n = mcap ? mcap * 2 : 4096;
        Object **p = realloc(mstack, n * sizeof *p);
        if (!p) {
            mark_overflow = true; /* handled by a rescan of marked objects */
            return;
        }
        mstack = p;
        mcap = n;
    }
    mstack[msp++] = o;
}

static inline void mark_object(Object *o) {
    if (!test_and_set_mark(o) && o->type->trace) push(o);
}

/* A precise reference: v is a tagged int, VNULL, a static object or an object start. */
/* While set, trace functions report each Value to this function instead of
 * marking it (gc_visit_refs: gc.get_referents and get_referrers). */
static void (*visit_fn)(Value, void *);
static void *visit_ctx;

void gc_visit_refs(Object *o, void (*fn)(Value, void *), void *ctx) {
    if (!o->type->trace) return;
    void (*saved_fn)(Value, void *) = visit_fn;
    void *saved_ctx = visit_ctx;
    visit_fn = fn;
    visit_ctx = ctx;
    o->type->trace(o);
    visit_fn = saved_fn;
    visit_ctx = saved_ctx;
}

void gc_mark(Value v) {
    if (__builtin_expect(visit_fn != NULL, 0)) {
        if (v) visit_fn(v, visit_ctx);
        return;
    }
    if ((v & 7) || !v) return;
    Object *o = (Object *)v;
    if (!heap_contains(o)) return;
    assert(o->type != NULL);
    mark_object(o);
}

void gc_mark_range(const Value *p, size_t n) {
    if (n > MARK_CHUNK && !visit_fn) {
        if (rsp == rcap) {
            size_t c = rcap ? rcap * 2 : 64;
            MarkRange *r = realloc(rstack, c * sizeof *r);
            if (!r) goto now;
            rstack = r;
            rcap = c;
        }
        rstack[rsp++] = (MarkRange){p, n};
        return;
    }
now:
    for (size_t i = 0; i < n; i++) gc_mark(p[i]);
}

/* A conservative reference: any word that might point into a live object. */
static inline void mark_conservative(uintptr_t w) {
    if (!heap_contains((void *)w)) return;
    Object *o = gc_find_object((void *)w);
    if (o) mark_object(o);
}

void gc_drain(void);
static void drain(void) {
    for (;;) {
        while (msp) {
            Object *o = mstack[--msp];
            o->type->trace(o);
        }
        if (!rsp) break;
        MarkRange *r = &rstack[rsp - 1];
        const Value *p = r->p;
        size_t n = r->n < MARK_CHUNK ? r->n : MARK_CHUNK;
        r->p += n;
        r->n -= n;
        if (!r->n) rsp--;
        for (size_t i = 0; i < n; i++) gc_mark(p[i]);
    }
}

/* A mark stack grown for one deep structure is given back, not kept resident. */
static void trim_mark_stack(void) {
    if (mcap > MSTACK_KEEP) {
        free(mstack);
        mstack = NULL;
        msp = mcap = 0;
    }
}

/* Scanning reads stack slots that sanitizers consider out of bounds. */
__attribute__((no_sanitize("address"), noinline))
static void scan_words(void **lo, void **hi) {
    for (void **p = lo; p < hi; p++) mark_conservative((uintptr_t)*p);
}

void gc_scan_conservative(void *lo, void *hi) {
    scan_words((void **)((uintptr_t)lo & ~(uintptr_t)7), (void **)hi);
}

/* The collecting thread's own stack and registers.  Callee-saved registers
 * that callers use are either pushed in this function's frame (above
 * `regs`) or still hold the callers' values, which the spill copies. */
__attribute__((noinline))
static void scan_stack(void) {
    GCRegs regs;
    gc_spill_registers(&regs);
    void **lo = (void **)((uintptr_t)&regs & ~(uintptr_t)7);
    scan_words(lo, (void **)stack_top);
    scan_words((void **)&regs, (void **)((char *)&regs + sizeof regs));
}

/* If the mark stack overflowed, re-trace every marked object until stable. */
static void recover_overflow(void) {
    while (mark_overflow) {
        mark_overflow = false;
        for (size_t pi = 0; pi < heap_hwm; pi++) {
            PageDesc *d = &heap_pages[pi];
            if (d->kind == PK_SMALL) {
                for (uint32_t i = 0; i < d->nobjs; i++) {
                    if ((d->marks[i / 64] >> (i % 64)) & 1) {
                        Object *o = (Object *)(heap_page_addr(pi) + (size_t)i * d->objsize);
                        if (o->type->trace) o->type->trace(o);
                        drain();
                    }
                }
            } else if (d->kind == PK_LARGE && d->large_mark) {
                Object *o = (Object *)heap_page_addr(pi);
                if (o->type->trace) o->type->trace(o);
                drain();
            }
        }
    }
}

void gc_drain(void) {
    drain();
    recover_overflow();
}

void gc_collect(void) {
    if (collecting || visit_fn) return;   /* never while a trace function reports to a visitor */
    collecting = true;
    heap_retire_bump();
    for (size_t i = 0; i < npre_mark_hooks; i++) pre_mark_hooks[i]();

    for (size_t i = 0; i < nroots; i++) gc_mark(*roots[i]);
    for (size_t i = 0; i < nstatics; i++)
        if (statics[i]->type && statics[i]->type->trace) statics[i]->type->trace(statics[i]);
    for (size_t i = 0; i < nranges; i++) scan_words(*ranges[i].lo, *ranges[i].hi);
    for (size_t i = 0; i < nroot_walkers; i++) root_walkers[i]();
    scan_stack();
    drain();
    recover_overflow();

    extern void finalize_mark_queues(void), finalize_prepare(void);
    finalize_mark_queues();
    drain();
    finalize_prepare();
    recover_overflow();
    if (prepare_sweep_hook) {
        prepare_sweep_hook();
        drain();
        recover_overflow();
    }
    heap_finalize_unmarked();
    size_t live = heap_sweep();
    trim_mark_stack();
    heap_after_collect(live);
    gc_collections++;
    collecting = false;
}
