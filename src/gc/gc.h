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
void *gc_alloc(Type *type, size_t size);       /* zeroed, header set; NULL + MemoryError */
void *gc_alloc_nofail(Type *type, size_t size); /* aborts on exhaustion (start-up) */
void gc_collect(void);
/* Memory outside the heap that a finalizer frees (a C library's state
 * behind a small object) counts toward the next collection, so garbage
 * holding much of it is found before the process grows. */
void gc_note_external(size_t bytes);
/* True while a collection (and the C finalizers it runs) is in progress:
 * a C library calling back from a finalizer must not touch the heap. */
bool gc_is_collecting(void);
void gc_mark(Value v);                         /* for trace functions */
void gc_mark_range(const Value *p, size_t n);  /* mark an array of Values */

/* Precise roots: a C global holding a Value, or a static object to trace. */
void gc_add_root(Value *slot);
void gc_add_static(Object *obj);

/* A function that marks roots it knows precisely (the interpreter's frames). */
void gc_add_root_walker(GCHook walker);

/* Conservative ranges other than the C stack. */
void gc_add_scan_range(void **lo_ptr, void **hi_ptr);

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
} GCStats;
void gc_get_stats(GCStats *out);

/* Weak references and __del__ (finalize.c).  Callbacks and finalizers run
 * at the interpreter's next safe point, never inside a collection. */
extern volatile int gc_pending;
void gc_run_pending(void);
int gc_register_weakref(Object *wr);
int gc_register_finalizer(Object *o);

/* Tunables: TAIPAN_GCSTRESS=N collects every N allocations. */
extern unsigned gc_stress;
extern bool gc_enabled;

/* Called by the collector before sweeping so weakrefs/finalizers can act. */
void gc_set_prepare_sweep_hook(GCHook hook);
/* Runs before marking: caches of unrooted pointers empty themselves here. */
void gc_add_pre_mark_hook(GCHook hook);
bool gc_is_marked(const Object *o);

#endif
