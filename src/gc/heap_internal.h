/* heap_internal.h - page descriptors and size classes shared by heap.c and collect.c. */
#ifndef TAIPAN_HEAP_INTERNAL_H
#define TAIPAN_HEAP_INTERNAL_H

#include "gc.h"

enum { PK_FREE, PK_SMALL, PK_LARGE, PK_LARGE_TAIL };

/*
 * One descriptor per page of the region, in a table beside it (no header
 * inside the page, so objects start at the page's first byte).  For a
 * small page `marks` is a bitmap with one bit per object; a large object's
 * mark is `large_mark` of its head page.
 */
typedef struct PageDesc {
    uint8_t kind;
    uint8_t sclass;
    uint8_t large_mark;
    uint8_t dirty;       /* free but not returned to the OS: zero it before reuse */
    uint32_t objsize;    /* small: object size; large: object size in bytes */
    uint32_t nobjs;      /* small: objects per page; large: pages in the run */
    uint32_t head;       /* large tail: index of the head page */
    uint32_t magic;      /* small: ceil(2^32 / objsize), for index = off*magic>>32 */
    uint64_t *marks;
    void **side;         /* side data, one slot per object, or NULL */
} PageDesc;

typedef GCSizeClass SizeClass;

extern char *heap_lo, *heap_hi;     /* the reserved region */
extern PageDesc *heap_pages;
extern size_t heap_hwm;             /* pages ever used: [0, heap_hwm) */
extern SizeClass heap_classes[GC_NCLASSES];
extern int heap_nclasses;

static inline bool heap_contains(const void *p) {
    return (const char *)p >= heap_lo && (const char *)p < heap_hi;
}
static inline size_t heap_page_index(const void *p) {
    return (size_t)((const char *)p - heap_lo) >> GC_PAGE_SHIFT;
}
static inline char *heap_page_addr(size_t i) { return heap_lo + (i << GC_PAGE_SHIFT); }

void heap_retire_bump(void);
size_t heap_sweep(void);            /* frees unmarked objects, returns live bytes */
void heap_finalize_unmarked(void);

#endif
