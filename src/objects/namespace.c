/* namespace.c - types.SimpleNamespace: an object whose attributes are its __dict__. */
#include "type.h"
#include "str.h"
#include "dict.h"
#include "tuple.h"
#include "list.h"
#include "func.h"
#include "instance.h"
#include "../gc/gc.h"
#include "../vm/error.h"

/*
 * Instances keep their attributes in the hidden-class slots like any
 * instance (attrs_offset), so SimpleNamespace(a=1).a is as fast as a class
 * instance's attribute; __dict__, equality and repr go through the dict.
 */
typedef struct NamespaceObject {
    Object hdr;
    AttrHeader attrs;
} NamespaceObject;

Type type_namespace;

static Value ns_new(Type *t, Value *args, size_t nargs, Value kwnames) { return type_generic_alloc(t, 0); }

static int ns_init(Value self, Value *args, size_t nargs, Value kwnames) {
    if (nargs) {
        err_set(&exc_TypeError, "no positional arguments expected");
        return -1;
    }
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++)
        if (obj_setattr(self, tuple_get(kwnames, (ssize_t)i), args[i]) < 0) return -1;
    return 0;
}

extern int list_repr_enter(Value v);
extern void list_repr_leave(Value v);

static Value ns_repr(Value self) {
    const char *name = val_type(self) == &type_namespace ? "namespace" : val_type(self)->name;
    int r = list_repr_enter(self);
    if (r < 0) return VNULL;
    if (r > 0) return str_printf("%s(...)", name);
    Value d = inst_dict(self);
    if (!d) {
        list_repr_leave(self);
        return VNULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    sb_printf(&sb, "%s(", name);
    ssize_t pos = 0;
    Value k, v;
    bool first = true;
    while (dict_next(d, &pos, &k, &v)) {
        if (!str_check(k)) continue;
        if (!first) sb_append_cstr(&sb, ", ");
        first = false;
        sb_append_str(&sb, k);
        sb_append_char(&sb, '=');
        if (sb_append_repr(&sb, v) < 0) {
            sb_discard(&sb);
            list_repr_leave(self);
            return VNULL;
        }
    }
    sb_append_char(&sb, ')');
    list_repr_leave(self);
    return sb_finish(&sb);
}

static Value ns_richcompare(Value a, Value b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || !val_isinstance(b, &type_namespace) || !val_isinstance(a, &type_namespace))
        return VNotImplemented;
    Value da = inst_dict(a), db = inst_dict(b);
    if (!da || !db) return VNULL;
    return obj_richcompare(da, db, op);
}

static Value ns_reduce_m(Value self, Value *args, size_t nargs, Value kw) {
    Value d = inst_dict(self);
    if (!d) return VNULL;
    return tuple_pack(3, obj_val(val_type(self)), tuple_empty(), d);
}

static const MethodDef ns_methods[] = {
    {"__reduce__", ns_reduce_m, 0, "Return state information for pickling"},
    {NULL}
};

static Value ns_get_dict(Value self) { return inst_dict(self); }

static const GetSetDef ns_getsets[] = {
    {"__dict__", ns_get_dict, NULL, NULL},
    {NULL}
};

Type type_namespace = {
    .hdr = {0, &type_type},
    .name = "types.SimpleNamespace",
    .basicsize = sizeof(NamespaceObject),
    .attrs_offset = offsetof(NamespaceObject, attrs),
    .flags = TF_BASETYPE,
    .trace = inst_trace_attrs,
    .new = ns_new,
    .init = ns_init,
    .repr = ns_repr,
    .richcompare = ns_richcompare,
    .hash = obj_hash_unhashable,
    .methods = ns_methods,
    .getsets = ns_getsets,
    .doc = "A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)",
};

/* A namespace with the given attributes, for C code (sys.implementation). */
Value namespace_new(void) { return type_generic_alloc(&type_namespace, 0); }
