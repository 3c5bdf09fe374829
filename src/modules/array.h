/* array.h - what the files of the array module share: the object layout and the per-typecode descriptors. */
#ifndef TAIPAN_ARRAY_H
#define TAIPAN_ARRAY_H

#include "../objects/object.h"

/*
 * An array keeps its items as raw C values, CPython's layout for each
 * typecode (wchar_t is 4 bytes here, so 'u' items are UCS-4 code points),
 * in malloc'd memory freed by the type's finalizer.  `allocated` follows
 * CPython's growth policy, so __sizeof__ differences match.  `exports`
 * counts buffers handed out (memoryview, bytes(a), ...); while it is
 * nonzero the array may not change size.
 */
typedef struct ArrayDescr {
    char typecode;
    int itemsize;
    bool is_int, is_signed;
    const char *format;   /* the buffer format */
    int mformat;          /* the machine format code used by pickling */
} ArrayDescr;

typedef struct CArrayObject {
    Object hdr;
    ssize_t size, allocated;
    char *items;          /* malloc'd, or NULL when allocated == 0 */
    const ArrayDescr *descr;
    ssize_t exports;
} CArrayObject;

extern Type type_array, type_array_iterator;
extern const ArrayDescr array_descrs[];   /* in typecode order, ends with typecode 0 */

static inline bool array_check(Value v) { return val_isinstance(v, &type_array); }

/* Items (array_items.c): convert a Value into a C item (may run __index__
 * or __float__) and back. */
int array_item_pack(const ArrayDescr *d, Value v, char *out);
Value array_item_unpack(const ArrayDescr *d, const char *p);
const ArrayDescr *array_descr_for(uint32_t typecode);

/* The array type's pieces other files use (array.c). */
Value array_new_of(Type *t, const ArrayDescr *d, ssize_t size);
int array_resize(CArrayObject *a, ssize_t newsize);
int array_frombytes_raw(CArrayObject *a, const char *data, size_t n);
Value array_tolist(CArrayObject *a);
Value array_tobytes(CArrayObject *a);
Value array_make(Type *t, char typecode, Value items);   /* array_new(t, (typecode, items)) */

/* Pickling (array_pickle.c). */
Value array_reduce_ex_m(Value self, Value *args, size_t nargs, Value kwnames);
Value array_reconstructor_m(Value self, Value *args, size_t nargs, Value kwnames);
extern Value array_reconstructor;   /* the module's _array_reconstructor function */

#endif
