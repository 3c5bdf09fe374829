/* gc.h - the garbage collector's interface: allocation, marking, roots, barrier. */
#ifndef TAIPAN_GC_H
#define TAIPAN_GC_H

#include "../objects/object.h"

/*
 * Taipan's collector is a non-moving mark-sweep collector.
 *
 * - Memory is one reserved virtual region cut into 64 KiB pages.  A small
 *   object (<= GC_SMALL_MAX bytes) lives in a page of one size class;
 *   a large object owns a run of whole pages.  A page descriptor table
 *   beside the region maps any address to its object's start in O(1),
 *   so interior pointers are recognised.
 * - Roots are found conservatively on the C stack and in the registers
 *   (setjmp), and precisely in registered root slots and static objects.
 *   The interpreter's value stack is scanned conservatively too.
 * - The heap is traced precisely: each type's `trace` function calls
 *   gc_mark() on every Value the object holds.
 * - A free slot has a NULL type word; an allocated object never does.
 *   That is how a conservative pointer is told from garbage.
 *
 * The contract for C code:
 * - A Value held in a C local or argument is safe (the stack is scanned).
 * - A Value stored in malloc'd memory is NOT seen: keep it in a GC object
 *   or register the slot with gc_add_root().
 * - Every store of a Value into a heap object goes through GC_WRITE (a
 *   no-op today, the hook for generational or incremental collection).
 * - gc_alloc returns zeroed memory with the header set; any allocation may
 *   collect.
 */

#define GC_PAGE_SHIFT 16
#define GC_PAGE_SIZE ((size_t)1 << GC_PAGE_SHIFT)
#define GC_SMALL_MAX 32768

typedef void (*GCHook)(void);

/* The write barrier.  All stores of references into heap objects use it. */
#define GC_WRITE(owner, field, value) ((void)(owner), (field) = (value))

void gc_init(void);

/* ---- Allocation ----
 * gc_alloc(type, size): zeroed memory with the header set; NULL with
 * MemoryError.  Its fast path is inline so that each allocation site costs
 * a few instructions: a small object of a type without finalizer comes
 * from its size class's free list or bump space while the allocation
 * budget lasts (the budget is 0 in GC-stress mode); anything else calls
 * gc_alloc_slow. */
typedef struct GCSizeClass {
    uint32_t size;
    uint32_t nobjs;
    char *bump, *end;    /* fresh space in the current page */
    void *free;          /* free slots: word 0 links, word 1 (type) is NULL */
} GCSizeClass;

#define GC_NCLASSES 64
extern GCSizeClass heap_classes[GC_NCLASSES];
extern uint8_t heap_class_of_8[GC_SMALL_MAX / 8 + 1];   /* (size+7)/8 -> class */
extern ssize_t gc_alloc_budget;                        /* bytes until the next collection */

void *gc_alloc_slow(Type *type, size_t size);

/* The fast path proper, for a small size and a type without finalizer or
 * __del__: a slot from the size class's free list or bump space while the
 * budget lasts, else NULL (the caller goes to gc_alloc_slow).  The slot is
 * not cleared.  With a constant size up to 128 bytes the class is known
 * at compile time (classes step by 8 bytes there) and has no slack. */
static inline void *gc_take_small(size_t size, size_t *slot_size) {
    GCSizeClass *sc;
    size_t sz;
    if (__builtin_constant_p(size) && size >= 16 && size <= 128) {
        sz = (size + 7) & ~(size_t)7;
        sc = &heap_classes[sz / 8 - 2];
    } else {
        sc = &heap_classes[heap_class_of_8[(size + 7) >> 3]];
        sz = sc->size;
    }
    *slot_size = sz;
    if (__builtin_expect(gc_alloc_budget < (ssize_t)sz, 0)) return NULL;
    void *p = sc->free;
    if (p) {
        sc->free = *(void **)p;
    } else if (sc->bump < sc->end) {
        p = sc->bump;
        sc->bump += sz;
    } else {
        return NULL;
    }
    gc_alloc_budget -= (ssize_t)sz;
    return p;
}

static inline void *gc_alloc_small(Type *type, size_t size) {
    size_t sz;
    void *p = gc_take_small(size, &sz);
    if (__builtin_expect(!p, 0)) return gc_alloc_slow(type, size);
    /* Zero the whole slot, slack included; with a constant size the
     * first memset becomes a few stores. */
    size_t n8 = (size + 7) & ~(size_t)7;
    __builtin_memset(p, 0, n8);
    if (sz > n8) __builtin_memset((char *)p + n8, 0, sz - n8);
    ((Object *)p)->type = type;
    return p;
}

/* For an object whose constructor writes every byte after the header
 * (a float's double): the header is set, the body left as it was. */
static inline void *gc_alloc_small_raw(Type *type, size_t size) {
    size_t sz;
    void *p = gc_take_small(size, &sz);
    if (__builtin_expect(!p, 0)) return gc_alloc_slow(type, size);
    ((Object *)p)->refcnt = 0;
    ((Object *)p)->type = type;
    return p;
}

static inline void *gc_alloc(Type *type, size_t size) {
    if (__builtin_expect(size - sizeof(Object) <= GC_SMALL_MAX - sizeof(Object), 1) && !type->finalize &&
        !(type->flags & TF_HAS_DEL))
        return gc_alloc_small(type, size);
    return gc_alloc_slow(type, size);
}

void *gc_alloc_nofail(Type *type, size_t size); /* aborts on exhaustion (start-up) */
void gc_collect(void);
void gc_release_free_pages(void);   /* madvise the free pages kept for reuse */
/* Memory outside the heap that a finalizer frees (a C library's state
 * behind a small object) counts toward the next collection, so garbage
 * holding much of it is found before the process grows. */
void gc_note_external(size_t bytes);
/* True while a collection (and the C finalizers it runs) is in progress:
 * a C library calling back from a finalizer must not touch the heap. */
bool gc_is_collecting(void);
void gc_mark(Value v);                         /* for trace functions */
void gc_mark_range(const Value *p, size_t n);  /* mark an array of Values */
/* Call fn(v, ctx) for each Value o's trace function reports. */
void gc_visit_refs(Object *o, void (*fn)(Value, void *), void *ctx);
/* Every allocated heap object, in a malloc'd array (*out); (size_t)-1 if out
 * of memory.  Call right after gc_collect() so that all of them are live. */
size_t gc_heap_objects(Object ***out);

/* Precise roots: a C global holding a Value, or a static object to trace. */
void gc_add_root(Value *slot);
void gc_add_static(Object *obj);

/* A function that marks roots it knows precisely (the interpreter's frames). */
void gc_add_root_walker(GCHook walker);

/* Conservative ranges other than the C stack. */
void gc_add_scan_range(void **lo_ptr, void **hi_ptr);

/* ---- Threads ----
 * Only the thread holding the GIL allocates and collects.  It scans its own
 * C stack up to the base gc_thread_attach recorded for it (each thread calls
 * that once, first thing; it returns the base); the stacks and registers of
 * the other threads, parked when they let go of the GIL, reach the
 * collector through a root walker calling gc_scan_conservative. */
char *gc_thread_attach(void);
void gc_scan_conservative(void *lo, void *hi);

/* The callee-saved registers, where compiled C code may keep a Value across
 * a call.  Spilled explicitly (setjmp would do, but glibc mangles the
 * frame pointer it saves, and %rbp is an ordinary register at -O2). */
#if defined(__x86_64__)
typedef struct GCRegs { void *r[6]; } GCRegs;
static inline __attribute__((always_inline)) void gc_spill_registers(GCRegs *g) {
    __asm__ volatile("movq %%rbx, 0(%0)\n\tmovq %%rbp, 8(%0)\n\tmovq %%r12, 16(%0)\n\t"
                     "movq %%r13, 24(%0)\n\tmovq %%r14, 32(%0)\n\tmovq %%r15, 40(%0)"
                     : : "r"(g) : "memory");
}
static inline __attribute__((always_inline)) void *gc_stack_pointer(void) {
    void *sp;
    __asm__ volatile("movq %%rsp, %0" : "=r"(sp));
    return sp;
}
#else
#include <setjmp.h>
typedef struct GCRegs { jmp_buf j; } GCRegs;
#define gc_spill_registers(g) ((void)setjmp((g)->j))
static inline __attribute__((always_inline)) void *gc_stack_pointer(void) {
    return __builtin_frame_address(0);
}
#endif

/* Find the object containing `addr`, or NULL if it is not in a live object. */
Object *gc_find_object(const void *addr);
size_t gc_object_size(const Object *o);      /* the size-class (usable) size */
bool gc_is_heap_pointer(const void *addr);

/* Side data: one pointer-sized slot per object, created on first use. */
void **gc_side_slot(const Object *o);

/* Statistics for gc.get_stats() and the unit tests. */
typedef struct GCStats {
    uint64_t collections;
    uint64_t bytes_allocated_total;
    size_t live_bytes;          /* after the last collection */
    size_t heap_bytes;          /* pages in use */
    size_t threshold;
    size_t in_use;              /* bytes of objects now, garbage included */
    size_t peak_in_use;         /* the most seen before a collection since gc_reset_peak */
} GCStats;
void gc_get_stats(GCStats *out);
void gc_reset_peak(void);       /* peak_in_use := in_use */

/* Weak references and __del__ (finalize.c).  Callbacks and finalizers run
 * at the interpreter's next safe point, never inside a collection. */
extern volatile int gc_pending;
void gc_run_pending(void);
int gc_register_weakref(Object *wr);
int gc_register_finalizer(Object *o);
void gc_finalize_all(void);      /* at exit: run every pending __del__ */

/* Tunables: TAIPAN_GCSTRESS=N collects every N allocations. */
extern unsigned gc_stress;
/* Code that is not the program's own (site at start-up, imported modules'
 * set-up) collects every GC_STRESS_FLOOR-th allocation at most: raises
 * gc_stress to the floor and returns the value to put back afterwards. */
#define GC_STRESS_FLOOR 50
static inline unsigned gc_stress_floor(unsigned floor) {
    unsigned old = gc_stress;
    if (old && old < floor) gc_stress = floor;
    return old;
}
extern bool gc_enabled;

/* Called by the collector before sweeping so weakrefs/finalizers can act. */
void gc_set_prepare_sweep_hook(GCHook hook);
/* Runs before marking: caches of unrooted pointers empty themselves here. */
void gc_add_pre_mark_hook(GCHook hook);
bool gc_is_marked(const Object *o);

#endif
