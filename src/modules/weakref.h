/* weakref.h - weak references for other C modules (the _weakref module is weakref.c). */
#ifndef TAIPAN_WEAKREF_H
#define TAIPAN_WEAKREF_H

#include "../objects/object.h"

/* weakref.ref(ob) without a callback: the one shared basic ref of ob when
 * ob is a heap object.  VNULL with TypeError "cannot create weak reference
 * to 'T' object" if ob does not take weak references. */
Value weakref_new_basic(Value ob);

/* The referent of a weakref.ref, VNULL once it has died.  The collector
 * clears it (src/gc/finalize.c relies on this field being first). */
static inline Value weakref_get(Value wr) { return ((Value *)wr)[2]; }

bool weakref_allowed(Value v);

#endif
