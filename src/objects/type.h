/* type.h - type objects: readying builtin types, class creation, MRO lookup, version tags. */
#ifndef TAIPAN_TYPE_H
#define TAIPAN_TYPE_H

#include "object.h"

extern Type type_type, type_object;

static inline bool type_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &type_type || (val_obj(v)->type->flags & TF_TYPE_SUBCLASS));
}
static inline Type *type_of_val(Value v) { return (Type *)v; }

/* Fill in a static type: base, MRO, dict (methods, getsets, members, slot
 * wrappers) and inherited slots.  Aborts start-up on failure. */
void type_ready(Type *t);
/* Look `name` up along t's MRO; VNULL if absent (never raises).  Cached by
 * the type's version tag. */
Value type_lookup(Type *t, Value name);
Value type_lookup_cstr(Type *t, const char *name);
Value intern_cstr_cached(const char *name);   /* str_intern_cstr for string literals, cached */
/* A mutation of t's dict or bases: new version tag for t and its subclasses. */
void type_modified(Type *t);
/* type(name, bases, dict) for a class statement, with metaclass `meta`. */
Value type_new_class(Type *meta, Value name, Value bases, Value ns, Value kwnames_kwargs);
Value type_name_obj(Type *t);      /* __name__ as a str */
Value type_qualname_obj(Type *t);
Value type_module_obj(Type *t);    /* __module__ */
Value type_repr(Value t);
bool type_is_builtin(Type *t);
/* Install the trampolines for the dunders t's MRO defines (type_slots.c). */
void type_fixup_slots(Type *t);
void type_update_slot(Type *t, Value name); /* after setattr of a dunder on a class */
Value type_generic_alloc(Type *t, size_t nitems);
Value object_new_instance(Type *t);   /* object.__new__(t) */

#endif
