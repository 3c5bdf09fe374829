/* structseq.h - struct sequences: tuple subclasses with named fields, made in C (os.stat_result, time.struct_time...). */
#ifndef TAIPAN_STRUCTSEQ_H
#define TAIPAN_STRUCTSEQ_H

#include "../objects/object.h"

/*
 * A struct sequence is CPython's PyStructSequence: a tuple whose first
 * n_in_sequence items are the tuple (len, indexing, iteration, ==, hash),
 * followed by more fields reachable only as attributes.  os.stat_result is
 * the model: stat()[7] is the integer st_atime, while st.st_atime is the
 * float and st.st_atime_ns the int nanoseconds, both hidden fields.
 *
 * Every field is stored in the object; the tuple's size says how many are
 * visible.  A field named STRUCTSEQ_UNNAMED has no attribute (stat_result's
 * three integer times).  The types are made at run time, one per call of
 * structseq_new_type, and live for the rest of the process.
 */

extern const char structseq_unnamed[];
#define STRUCTSEQ_UNNAMED structseq_unnamed

/* A new type `name` ("os.stat_result": module, dot, name) with the fields
 * of the NULL-terminated `fields`, of which the first n_in_sequence are
 * visible.  The strings must outlive the type (string literals).  Aborts on
 * allocation failure, like type_ready: it is called at module set-up. */
Type *structseq_new_type(const char *name, const char *const *fields, size_t n_in_sequence);
/* Set the type's __doc__ (once, after structseq_new_type). */
void structseq_set_doc(Type *t, const char *doc);

/* An instance of t with every field None; fill it with structseq_set. */
Value structseq_new(Type *t);
/* The same with the fields from `items` (structseq_n_fields(t) of them). */
Value structseq_from_array(Type *t, const Value *items);
/* Field i (visible or hidden); the owner is fresh, so no barrier is needed
 * beyond the write macro. */
void structseq_set(Value s, size_t i, Value v);
Value structseq_get(Value s, size_t i);
size_t structseq_n_fields(Type *t);
bool structseq_check(Value v);

#endif
