/* itertools.h - what itertools.c and itertools_comb.c share. */
#ifndef TAIPAN_ITERTOOLS_H
#define TAIPAN_ITERTOOLS_H

#include "../objects/object.h"

extern Type type_product, type_permutations, type_combinations, type_cwr, type_tee, type_teedata;

Value itertools_self_iter(Value self);          /* the iter slot of every itertools iterator */
void *itertools_alloc(Type *t);                 /* zeroed instance of t, NULL + MemoryError */
Value itertools_tee_m(Value self, Value *args, size_t nargs, Value kw);

#endif
