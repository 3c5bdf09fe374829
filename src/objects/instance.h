/* instance.h - instances with hidden classes ("maps"): attribute slots without a dict. */
#ifndef TAIPAN_INSTANCE_H
#define TAIPAN_INSTANCE_H

#include "object.h"

/*
 * An object whose type has attrs_offset != 0 keeps, at that offset, a
 * pointer to a Map followed by its inline attribute slots.  A Map is an
 * immutable description "attribute `name` is in slot `index`, and the
 * attributes before it are described by `parent`"; objects that gained
 * the same attributes in the same order share a Map, so an inline cache
 * keyed on the Map pointer finds an attribute with one compare.
 *
 * The number of inline slots of an object is fixed at allocation
 * (Map.capacity, from the type's learned attr_hint).  When a map has more
 * attributes than that capacity, the last inline slot holds an Array of
 * the remaining ones.  When `__dict__` is asked for, or the object gains
 * very many attributes, it switches to dict mode: its map becomes the
 * type's dict map and slot 0 holds a real dict.
 */
typedef struct Map {
    Object hdr;
    struct Map *parent;
    Value name;          /* interned str added by this map (VNULL for a root) */
    Value transitions;   /* dict: name -> child Map, or VNULL */
    Value index_cache;   /* dict: name -> slot number, built for long chains */
    uint32_t count;      /* attributes described */
    uint32_t capacity;   /* inline slots of objects using this map */
    uint32_t dict_mode;  /* objects with this map keep a dict in slot 0 */
    uint32_t pad;
} Map;

extern Type type_map_internal;

typedef struct AttrHeader {
    Map *map;
    Value slots[];
} AttrHeader;

/* attrs_offset of types whose solid base is variable-size (int, str, tuple,
 * bytes subclasses): their items occupy the space after the fixed part, so
 * the attributes live in a separate holder object found through the GC
 * side slot of the instance. */
#define ATTRS_IN_SIDE ((size_t)1)

AttrHeader *inst_side_attrs(Value obj, bool create);

/* The attribute header of obj, creating a side holder if needed (NULL on
 * allocation failure, with MemoryError). */
static inline AttrHeader *inst_attrs(Value obj) {
    size_t off = val_obj(obj)->type->attrs_offset;
    if (unlikely(off == ATTRS_IN_SIDE)) return inst_side_attrs(obj, true);
    return (AttrHeader *)((char *)obj + off);
}
/* The header if obj already has one (never allocates). */
static inline AttrHeader *inst_attrs_existing(Value obj) {
    size_t off = val_obj(obj)->type->attrs_offset;
    if (unlikely(off == ATTRS_IN_SIDE)) return inst_side_attrs(obj, false);
    return (AttrHeader *)((char *)obj + off);
}

/* The size to allocate for an instance of t, and its map initialisation. */
size_t inst_alloc_size(Type *t, size_t base_size, uint32_t *capacity);
void inst_init_attrs(Value obj, Type *t, uint32_t capacity);
void inst_trace_attrs(Object *o);

/* Attribute storage (no descriptors, no MRO: the raw instance dict part). */
Value inst_get(Value obj, Value name);            /* VNULL if absent, no exception */
int inst_set(Value obj, Value name, Value v);     /* v == VNULL: delete; 1 = was absent on delete */
Value inst_dict(Value obj);                       /* materialize __dict__ */
int inst_set_dict(Value obj, Value d);
ssize_t map_find(Map *m, Value name);              /* slot index or -1 */
Value *inst_slot_ptr(Value obj, uint32_t index);   /* the slot of attribute number index */

#endif
