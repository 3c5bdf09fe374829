/* descr.c - builtin functions and the descriptor types: method, slot wrapper, getset, member, property, classmethod, staticmethod, super, mappingproxy. */
#include "func.h"
#include "type.h"
#include "type_slots.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "misc.h"
#include "instance.h"
#include "../gc/gc.h"

#include <stdlib.h>
#include "../vm/error.h"
#include "../vm/frame.h"

/* ---- builtin_function_or_method ---- */

static void builtin_trace(Object *o) {
    BuiltinFuncObject *f = (BuiltinFuncObject *)o;
    gc_mark(f->self);
    gc_mark(f->module);
}

Value builtin_func_new(const MethodDef *def, Value self, Value module) {
    BuiltinFuncObject *f = gc_alloc(&type_builtin_function, sizeof(BuiltinFuncObject));
    if (!f) return VNULL;
    f->def = def;
    f->self = self;
    f->module = module;
    return obj_val(f);
}

static Value builtin_call(Value self, Value *args, size_t nargs, Value kwnames) {
    BuiltinFuncObject *f = (BuiltinFuncObject *)self;
    return f->def->fn(f->self, args, nargs, kwnames);
}

static bool self_is_module(Value self) {
    extern Type type_module;
    return !self || val_isinstance(self, &type_module);
}

static Value builtin_repr(Value self) {
    BuiltinFuncObject *f = (BuiltinFuncObject *)self;
    if (self_is_module(f->self)) return str_printf("<built-in function %s>", f->def->name);
    if (type_check(f->self))
        return str_printf("<built-in method %s of type object at %p>", f->def->name, (void *)f->self);
    return str_printf("<built-in method %s of %s object at %p>", f->def->name, type_name(f->self),
                      (void *)f->self);
}

static Value builtin_get_name(Value self) { return str_from_cstr(((BuiltinFuncObject *)self)->def->name); }
static Value builtin_get_qualname(Value self) {
    BuiltinFuncObject *f = (BuiltinFuncObject *)self;
    if (self_is_module(f->self)) return str_from_cstr(f->def->name);
    Type *t = type_check(f->self) ? (Type *)f->self : val_type(f->self);
    return str_printf("%U.%s", type_qualname_obj(t), f->def->name);
}
static Value builtin_get_self(Value self) {
    BuiltinFuncObject *f = (BuiltinFuncObject *)self;
    return f->self ? f->self : VNone;
}
/* CPython's convention for a builtin's docstring: it may begin with its
 * signature, "name($module, a, /)\n--\n\n", which is __text_signature__
 * (inspect.signature() reads it); __doc__ is the rest.  The end of the
 * signature part, or NULL when the doc has none. */
static const char *doc_signature_end(const char *name, const char *doc) {
    size_t n = strlen(name);
    if (!doc || strncmp(doc, name, n) != 0 || doc[n] != '(') return NULL;
    const char *e = strstr(doc + n, ")\n--\n\n");
    return e ? e + 1 : NULL;
}

Value builtin_doc_value(const char *name, const char *doc) {
    if (!doc) return VNone;
    const char *e = doc_signature_end(name, doc);
    if (!e) return str_from_cstr(doc);
    return e[5] ? str_from_cstr(e + 5) : VNone;
}

Value builtin_text_signature(const char *name, const char *doc) {
    const char *e = doc_signature_end(name, doc);
    if (!e) return VNone;
    const char *s = doc + strlen(name);
    return str_new(s, (size_t)(e - s));
}

static Value builtin_get_doc(Value self) {
    const MethodDef *d = ((BuiltinFuncObject *)self)->def;
    return builtin_doc_value(d->name, d->doc);
}
static Value builtin_get_text_signature(Value self) {
    const MethodDef *d = ((BuiltinFuncObject *)self)->def;
    return builtin_text_signature(d->name, d->doc);
}
static Value builtin_get_module(Value self) {
    BuiltinFuncObject *f = (BuiltinFuncObject *)self;
    return f->module ? f->module : VNone;
}

static Value builtin_richcompare(Value a, Value b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || val_type(b) != &type_builtin_function) return VNotImplemented;
    BuiltinFuncObject *x = (BuiltinFuncObject *)a, *y = (BuiltinFuncObject *)b;
    bool eq = x->def == y->def && x->self == y->self;
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static hash_t builtin_hash(Value self) {
    BuiltinFuncObject *f = (BuiltinFuncObject *)self;
    hash_t h = obj_hash_pointer((Value)f->def) ^ obj_hash_pointer(f->self);
    return h == -1 ? -2 : h;
}

static Value builtin_reduce_m(Value self, Value *args, size_t nargs, Value kw) {
    BuiltinFuncObject *f = (BuiltinFuncObject *)self;
    if (self_is_module(f->self)) return builtin_get_qualname(self);
    extern Value builtins_dict;
    return tuple_pack(2, dict_get_cstr(builtins_dict, "getattr"),
                      tuple_pack(2, f->self, str_from_cstr(f->def->name)));
}

static const GetSetDef builtin_getsets[] = {
    {"__name__", builtin_get_name, NULL, NULL},
    {"__qualname__", builtin_get_qualname, NULL, NULL},
    {"__self__", builtin_get_self, NULL, NULL},
    {"__doc__", builtin_get_doc, NULL, NULL},
    {"__text_signature__", builtin_get_text_signature, NULL, NULL},
    {"__module__", builtin_get_module, NULL, NULL},
    {NULL}
};
static const MethodDef builtin_methods[] = {{"__reduce__", builtin_reduce_m, 0, NULL}, {NULL}};

Type type_builtin_function = {
    .hdr = {0, &type_type},
    .name = "builtin_function_or_method",
    .basicsize = sizeof(BuiltinFuncObject),
    .trace = builtin_trace,
    .call = builtin_call,
    .repr = builtin_repr,
    .richcompare = builtin_richcompare,
    .hash = builtin_hash,
    .getsets = builtin_getsets,
    .methods = builtin_methods,
};

/* ---- method_descriptor: list.append ---- */

static void descr_trace(Object *o) {
    MethodDescrObject *d = (MethodDescrObject *)o;
    gc_mark(d->name);
}

Value method_descr_new(Type *owner, const MethodDef *def) {
    Type *t = def->flags & METH_CLASS ? &type_classmethod_descriptor : &type_method_descriptor;
    MethodDescrObject *d = gc_alloc(t, sizeof(MethodDescrObject));
    if (!d) return VNULL;
    d->def = def;
    d->owner = owner;
    d->name = str_intern_cstr(def->name);
    return obj_val(d);
}

static Value method_descr_call(Value self, Value *args, size_t nargs, Value kwnames) {
    MethodDescrObject *d = (MethodDescrObject *)self;
    if (nargs < 1) {
        err_format(&exc_TypeError, "unbound method %s.%s() needs an argument", d->owner->name, d->def->name);
        return VNULL;
    }
    if (!val_isinstance(args[0], d->owner)) {
        err_format(&exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                   d->def->name, d->owner->name, type_name(args[0]));
        return VNULL;
    }
    return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

static Value method_descr_get(Value self, Value obj, Value type) {
    MethodDescrObject *d = (MethodDescrObject *)self;
    if (!obj) return self;
    if (!val_isinstance(obj, d->owner)) {
        err_format(&exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                   d->def->name, d->owner->name, type_name(obj));
        return VNULL;
    }
    return builtin_func_new(d->def, obj, VNULL);
}

static Value method_descr_repr(Value self) {
    MethodDescrObject *d = (MethodDescrObject *)self;
    return str_printf("<method '%s' of '%s' objects>", d->def->name, d->owner->name);
}

static Value descr_get_name(Value self) { return ((MethodDescrObject *)self)->name; }
static Value descr_get_qualname(Value self) {
    MethodDescrObject *d = (MethodDescrObject *)self;
    return str_printf("%U.%U", type_qualname_obj(d->owner), d->name);
}
static Value descr_get_objclass(Value self) { return obj_val(((MethodDescrObject *)self)->owner); }
static Value method_descr_get_doc(Value self) {
    const MethodDef *d = ((MethodDescrObject *)self)->def;
    return builtin_doc_value(d->name, d->doc);
}
static Value method_descr_get_text_signature(Value self) {
    const MethodDef *d = ((MethodDescrObject *)self)->def;
    return builtin_text_signature(d->name, d->doc);
}

static const GetSetDef method_descr_getsets[] = {
    {"__name__", descr_get_name, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL},
    {"__doc__", method_descr_get_doc, NULL, NULL},
    {"__text_signature__", method_descr_get_text_signature, NULL, NULL},
    {NULL}
};

Type type_method_descriptor = {
    .hdr = {0, &type_type},
    .name = "method_descriptor",
    .basicsize = sizeof(MethodDescrObject),
    .trace = descr_trace,
    .call = method_descr_call,
    .descr_get = method_descr_get,
    .repr = method_descr_repr,
    .getsets = method_descr_getsets,
};

/* A classmethod of a builtin type (dict.fromkeys): binds to the class. */
static Value classmethod_descr_get(Value self, Value obj, Value type) {
    MethodDescrObject *d = (MethodDescrObject *)self;
    if (!type) type = obj_val(val_type(obj));
    return builtin_func_new(d->def, type, VNULL);
}

static Value classmethod_descr_call(Value self, Value *args, size_t nargs, Value kwnames) {
    MethodDescrObject *d = (MethodDescrObject *)self;
    if (nargs < 1 || !type_check(args[0])) {
        err_format(&exc_TypeError, "descriptor '%s' of '%s' object needs a type", d->def->name, d->owner->name);
        return VNULL;
    }
    return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

Type type_classmethod_descriptor = {
    .hdr = {0, &type_type},
    .name = "classmethod_descriptor",
    .basicsize = sizeof(MethodDescrObject),
    .trace = descr_trace,
    .call = classmethod_descr_call,
    .descr_get = classmethod_descr_get,
    .repr = method_descr_repr,
    .getsets = method_descr_getsets,
};

/* ---- wrapper_descriptor and method-wrapper: int.__add__, (1).__add__ ---- */

Value slot_wrapper_new(Type *owner, const SlotDef *slot) {
    SlotWrapperObject *w = gc_alloc(&type_wrapper_descriptor, sizeof(SlotWrapperObject));
    if (!w) return VNULL;
    w->slot = slot;
    w->owner = owner;
    w->name = str_intern_cstr(slot->name);
    return obj_val(w);
}

static Value wrapper_call(Value self, Value *args, size_t nargs, Value kwnames) {
    SlotWrapperObject *w = (SlotWrapperObject *)self;
    if (nargs < 1) {
        err_format(&exc_TypeError, "descriptor '%s' of '%s' object needs an argument", w->slot->name, w->owner->name);
        return VNULL;
    }
    if (!val_isinstance(args[0], w->owner)) {
        err_format(&exc_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'",
                   w->slot->name, w->owner->name, type_name(args[0]));
        return VNULL;
    }
    return slot_wrapper_call_bound(w->slot, w->owner, args[0], args + 1, nargs - 1, kwnames);
}

static void method_wrapper_trace(Object *o) {
    MethodWrapperObject *m = (MethodWrapperObject *)o;
    gc_mark(obj_val(m->descr));
    gc_mark(m->self);
}

static Value wrapper_get(Value self, Value obj, Value type) {
    SlotWrapperObject *w = (SlotWrapperObject *)self;
    if (!obj) return self;
    if (!val_isinstance(obj, w->owner)) {
        err_format(&exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                   w->slot->name, w->owner->name, type_name(obj));
        return VNULL;
    }
    MethodWrapperObject *m = gc_alloc(&type_method_wrapper, sizeof(MethodWrapperObject));
    if (!m) return VNULL;
    m->descr = w;
    m->self = obj;
    return obj_val(m);
}

static Value wrapper_repr(Value self) {
    SlotWrapperObject *w = (SlotWrapperObject *)self;
    return str_printf("<slot wrapper '%s' of '%s' objects>", w->slot->name, w->owner->name);
}

static Value wrapper_get_doc(Value self) {
    const char *d = ((SlotWrapperObject *)self)->slot->doc;
    return d ? str_from_cstr(d) : VNone;
}

static const GetSetDef wrapper_getsets[] = {
    {"__name__", descr_get_name, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL},
    {"__doc__", wrapper_get_doc, NULL, NULL},
    {NULL}
};

Type type_wrapper_descriptor = {
    .hdr = {0, &type_type},
    .name = "wrapper_descriptor",
    .basicsize = sizeof(SlotWrapperObject),
    .trace = descr_trace,
    .call = wrapper_call,
    .descr_get = wrapper_get,
    .repr = wrapper_repr,
    .getsets = wrapper_getsets,
};

static Value method_wrapper_call(Value self, Value *args, size_t nargs, Value kwnames) {
    MethodWrapperObject *m = (MethodWrapperObject *)self;
    return slot_wrapper_call_bound(m->descr->slot, m->descr->owner, m->self, args, nargs, kwnames);
}

static Value method_wrapper_repr(Value self) {
    MethodWrapperObject *m = (MethodWrapperObject *)self;
    return str_printf("<method-wrapper '%s' of %s object at %p>", m->descr->slot->name, type_name(m->self),
                      (void *)m->self);
}

static Value mw_get_name(Value self) { return ((MethodWrapperObject *)self)->descr->name; }
static Value mw_get_self(Value self) { return ((MethodWrapperObject *)self)->self; }
static Value mw_get_qualname(Value self) { return descr_get_qualname(obj_val(((MethodWrapperObject *)self)->descr)); }
static Value mw_get_doc(Value self) { return wrapper_get_doc(obj_val(((MethodWrapperObject *)self)->descr)); }
static Value mw_get_objclass(Value self) { return descr_get_objclass(obj_val(((MethodWrapperObject *)self)->descr)); }

static Value mw_richcompare(Value a, Value b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || val_type(b) != &type_method_wrapper) return VNotImplemented;
    MethodWrapperObject *x = (MethodWrapperObject *)a, *y = (MethodWrapperObject *)b;
    bool eq = x->descr == y->descr && x->self == y->self;
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static const GetSetDef method_wrapper_getsets[] = {
    {"__name__", mw_get_name, NULL, NULL},
    {"__qualname__", mw_get_qualname, NULL, NULL},
    {"__self__", mw_get_self, NULL, NULL},
    {"__objclass__", mw_get_objclass, NULL, NULL},
    {"__doc__", mw_get_doc, NULL, NULL},
    {NULL}
};

Type type_method_wrapper = {
    .hdr = {0, &type_type},
    .name = "method-wrapper",
    .basicsize = sizeof(MethodWrapperObject),
    .trace = method_wrapper_trace,
    .call = method_wrapper_call,
    .repr = method_wrapper_repr,
    .richcompare = mw_richcompare,
    .getsets = method_wrapper_getsets,
};

/* ---- getset_descriptor ---- */

Value getset_descr_new(Type *owner, const GetSetDef *def) {
    GetSetDescrObject *d = gc_alloc(&type_getset_descriptor, sizeof(GetSetDescrObject));
    if (!d) return VNULL;
    d->def = def;
    d->owner = owner;
    d->name = str_intern_cstr(def->name);
    return obj_val(d);
}

static int descr_check(Value self, Type *owner, const char *name, Value obj) {
    if (val_isinstance(obj, owner)) return 0;
    err_format(&exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
               name, owner->name, type_name(obj));
    return -1;
}

static Value getset_get(Value self, Value obj, Value type) {
    GetSetDescrObject *d = (GetSetDescrObject *)self;
    if (!obj) return self;
    if (descr_check(self, d->owner, d->def->name, obj) < 0) return VNULL;
    return d->def->get(obj);
}

static int getset_set(Value self, Value obj, Value v) {
    GetSetDescrObject *d = (GetSetDescrObject *)self;
    if (descr_check(self, d->owner, d->def->name, obj) < 0) return -1;
    if (!d->def->set) {
        err_format(&exc_AttributeError, "attribute '%s' of '%s' objects is not writable", d->def->name, d->owner->name);
        return -1;
    }
    return d->def->set(obj, v);
}

static Value getset_repr(Value self) {
    GetSetDescrObject *d = (GetSetDescrObject *)self;
    return str_printf("<attribute '%s' of '%s' objects>", d->def->name, d->owner->name);
}

static Value getset_get_doc(Value self) {
    const char *doc = ((GetSetDescrObject *)self)->def->doc;
    return doc ? str_from_cstr(doc) : VNone;
}

static const GetSetDef getset_getsets[] = {
    {"__name__", descr_get_name, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL},
    {"__doc__", getset_get_doc, NULL, NULL},
    {NULL}
};

Type type_getset_descriptor = {
    .hdr = {0, &type_type},
    .name = "getset_descriptor",
    .basicsize = sizeof(GetSetDescrObject),
    .trace = descr_trace,
    .descr_get = getset_get,
    .descr_set = getset_set,
    .repr = getset_repr,
    .getsets = getset_getsets,
};

/* ---- member_descriptor (fields of builtin structs, and __slots__) ---- */

Value member_descr_new(Type *owner, const MemberDef *def) {
    MemberDescrObject *d = gc_alloc(&type_member_descriptor, sizeof(MemberDescrObject));
    if (!d) return VNULL;
    d->def = def;
    d->owner = owner;
    d->name = str_intern_cstr(def->name);
    return obj_val(d);
}

static Value member_get(Value self, Value obj, Value type) {
    MemberDescrObject *d = (MemberDescrObject *)self;
    if (!obj) return self;
    if (descr_check(self, d->owner, d->def->name, obj) < 0) return VNULL;
    Value v = *(Value *)((char *)obj + d->def->offset);
    if (!v) {
        if (d->def->kind == MEMBER_VALUE_OR_NONE_RO) return VNone;
        err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", type_name(obj), d->def->name);
        return VNULL;
    }
    return v;
}

static int member_set(Value self, Value obj, Value v) {
    MemberDescrObject *d = (MemberDescrObject *)self;
    if (descr_check(self, d->owner, d->def->name, obj) < 0) return -1;
    if (d->def->kind != MEMBER_VALUE) {
        err_set(&exc_AttributeError, "readonly attribute");
        return -1;
    }
    Value *slot = (Value *)((char *)obj + d->def->offset);
    if (!v && !*slot) {
        err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", type_name(obj), d->def->name);
        return -1;
    }
    GC_WRITE(obj, *slot, v);
    return 0;
}

static Value member_repr(Value self) {
    MemberDescrObject *d = (MemberDescrObject *)self;
    return str_printf("<member '%s' of '%s' objects>", d->def->name, d->owner->name);
}

static const GetSetDef member_getsets[] = {
    {"__name__", descr_get_name, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL},
    {NULL}
};

Type type_member_descriptor = {
    .hdr = {0, &type_type},
    .name = "member_descriptor",
    .basicsize = sizeof(MemberDescrObject),
    .trace = descr_trace,
    .descr_get = member_get,
    .descr_set = member_set,
    .repr = member_repr,
    .getsets = member_getsets,
};

/*
 * __slots__: each name becomes a member descriptor over a Value field that
 * follows the base's layout.  '__dict__' in __slots__ adds attribute slots
 * after them; '__weakref__' is accepted and needs no field here.
 */
int type_add_slots(Type *t, Value slots, Value ns) {
    Value names;
    if (str_check(slots)) names = tuple_pack(1, slots);
    else names = tuple_from_iterable(slots);
    if (!names) return -1;
    bool want_dict = false;
    size_t off = t->basicsize;
    /* A base with instance attributes already stores any name: the
     * attribute slots occupy the space after it, so slot fields cannot. */
    bool base_has_attrs = t->attrs_offset != 0;
    /* str's items live after its fixed part like a variable-size object's,
     * but CPython allows slots there: keep them as side attributes. */
    if (!base_has_attrs && t->base->itemsize && (t->base->flags & TF_STR_SUBCLASS)) {
        t->attrs_offset = ATTRS_IN_SIDE;
        base_has_attrs = true;
    }
    for (ssize_t i = 0; i < tuple_size(names); i++) {
        Value n = tuple_get(names, i);
        if (!str_check(n)) {
            err_format(&exc_TypeError, "__slots__ items must be strings, not '%s'", type_name(n));
            return -1;
        }
        if (!str_is_identifier(n)) {
            err_set(&exc_TypeError, "__slots__ must be identifiers");
            return -1;
        }
        if (str_eq_cstr(n, "__dict__")) {
            if (want_dict || t->attrs_offset) {
                err_set(&exc_TypeError, "__dict__ slot disallowed: we already got one");
                return -1;
            }
            want_dict = true;
            continue;
        }
        if (str_eq_cstr(n, "__weakref__")) continue;
        if (base_has_attrs) continue;
        /* A name that is also a class variable in the class body conflicts
         * (checked against the namespace as written; repeats are allowed). */
        if (dict_get(ns, n)) {
            err_format(&exc_ValueError, "'%U' in __slots__ conflicts with class variable", n);
            return -1;
        }
        extern Value type_mangle_private(Type *t, Value name);
        n = type_mangle_private(t, n);   /* __x becomes _Class__x, as the class body's names */
        if (!n) return -1;
        MemberDef *md = calloc(1, sizeof(MemberDef));
        char *cname = strdup(str_data(n));
        if (!md || !cname) {
            err_no_memory();
            return -1;
        }
        md->name = cname;
        md->kind = MEMBER_VALUE;
        md->offset = off;
        off += sizeof(Value);
        if (dict_set(t->dict, str_intern(n), member_descr_new(t, md)) < 0) return -1;
    }
    if (off != t->basicsize && t->base->itemsize) {
        err_format(&exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", t->base->name);
        return -1;
    }
    t->basicsize = off;
    if (want_dict) {
        extern const GetSetDef *instance_dict_getset_ptr(void);
        t->attrs_offset = off;
        t->basicsize = off + sizeof(Value);
        if (dict_set_cstr(t->dict, "__dict__", getset_descr_new(t, instance_dict_getset_ptr())) < 0) return -1;
    }
    /* The slot fields are Values: heap_instance_trace marks them via the base range. */
    return 0;
}

/* ---- property ---- */

static void property_trace(Object *o) {
    PropertyObject *p = (PropertyObject *)o;
    gc_mark(p->fget);
    gc_mark(p->fset);
    gc_mark(p->fdel);
    gc_mark(p->doc);
    gc_mark(p->name);
}

static Value property_new_m(Type *t, Value *args, size_t nargs, Value kw) {
    return type_generic_alloc(t, 0);
}

static int property_init(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
    Value v[4];
    if (arg_parse("property", args, nargs, kwnames, names, 0, 0, v) < 0) return -1;
    PropertyObject *p = (PropertyObject *)self;
    for (int i = 0; i < 4; i++)
        if (v[i] == VNone) v[i] = VNULL;
    p->fget = v[0];
    p->fset = v[1];
    p->fdel = v[2];
    p->doc = v[3];
    if (!p->doc && p->fget) {
        Value d = obj_getattr_opt(p->fget, str_intern_cstr("__doc__"));
        if (!d && err_occurred()) return -1;
        if (d && d != VNone) p->doc = d;
    }
    return 0;
}

static Value property_describe(PropertyObject *p, Value obj) {
    return p->name ? str_printf("property '%U' of '%s' object", p->name, type_name(obj))
                   : str_printf("property of '%s' object", type_name(obj));
}

static Value property_get(Value self, Value obj, Value type) {
    PropertyObject *p = (PropertyObject *)self;
    if (!obj) return self;
    if (!p->fget) {
        Value what = property_describe(p, obj);
        if (what) err_format(&exc_AttributeError, "%U has no getter", what);
        return VNULL;
    }
    return obj_call1(p->fget, obj);
}

static int property_set(Value self, Value obj, Value v) {
    PropertyObject *p = (PropertyObject *)self;
    Value fn = v ? p->fset : p->fdel;
    if (!fn) {
        Value what = property_describe(p, obj);
        if (what) err_format(&exc_AttributeError, "%U has no %s", what, v ? "setter" : "deleter");
        return -1;
    }
    Value r = v ? obj_call2(fn, obj, v) : obj_call1(fn, obj);
    return r ? 0 : -1;
}

/* getter/setter/deleter return a copy with one accessor replaced. */
static Value property_copy(Value self, int which, Value fn) {
    PropertyObject *p = (PropertyObject *)self;
    Value f[3] = {p->fget, p->fset, p->fdel};
    f[which] = fn == VNone ? VNULL : fn;
    Value doc = p->doc;
    /* A doc taken from the old getter is re-derived from the new one. */
    if (which == 0 && p->fget && doc) {
        Value old = obj_getattr_opt(p->fget, str_intern_cstr("__doc__"));
        if (old == doc) doc = VNULL;
    }
    Value args[4] = {f[0] ? f[0] : VNone, f[1] ? f[1] : VNone, f[2] ? f[2] : VNone, doc ? doc : VNone};
    Value np = obj_call(obj_val(val_type(self)), args, 4, VNULL);
    if (np && val_isinstance(np, &type_property)) {
        PropertyObject *q = (PropertyObject *)np;
        q->name = p->name;
    }
    return np;
}

static Value property_getter_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("getter", nargs, 1, 1) < 0) return VNULL;
    return property_copy(self, 0, args[0]);
}
static Value property_setter_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("setter", nargs, 1, 1) < 0) return VNULL;
    return property_copy(self, 1, args[0]);
}
static Value property_deleter_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("deleter", nargs, 1, 1) < 0) return VNULL;
    return property_copy(self, 2, args[0]);
}
static Value property_set_name_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__set_name__", nargs, 2, 2) < 0) return VNULL;
    GC_WRITE(self, ((PropertyObject *)self)->name, args[1]);
    return VNone;
}

static Value prop_doc(Value s) { Value v = ((PropertyObject *)s)->doc; return v ? v : VNone; }
static int prop_set_doc(Value s, Value v) {
    GC_WRITE(s, ((PropertyObject *)s)->doc, v);
    return 0;
}
static Value prop_isabstract(Value s) {
    PropertyObject *p = (PropertyObject *)s;
    Value fs[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        if (!fs[i]) continue;
        Value a = obj_getattr_opt(fs[i], str_intern_cstr("__isabstractmethod__"));
        if (!a) {
            if (err_occurred()) return VNULL;
            continue;
        }
        int t = obj_is_true(a);
        if (t < 0) return VNULL;
        if (t) return VTrue;
    }
    return VFalse;
}

static const MethodDef property_methods[] = {
    {"getter", property_getter_m, 0, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter_m, 0, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter_m, 0, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name_m, 0, "Method to set name of a property."},
    {NULL}
};
/* Read-only members, as CPython's (setting one says "readonly attribute"). */
static const MemberDef property_members[] = {
    {"fget", MEMBER_VALUE_OR_NONE_RO, offsetof(PropertyObject, fget)},
    {"fset", MEMBER_VALUE_OR_NONE_RO, offsetof(PropertyObject, fset)},
    {"fdel", MEMBER_VALUE_OR_NONE_RO, offsetof(PropertyObject, fdel)},
    {NULL}
};
static const GetSetDef property_getsets[] = {
    {"__doc__", prop_doc, prop_set_doc, NULL},
    {"__isabstractmethod__", prop_isabstract, NULL, NULL},
    {NULL}
};

Type type_property = {
    .hdr = {0, &type_type},
    .name = "property",
    .basicsize = sizeof(PropertyObject),
    .flags = TF_BASETYPE,
    .trace = property_trace,
    .new = property_new_m,
    .init = property_init,
    .descr_get = property_get,
    .descr_set = property_set,
    .methods = property_methods,
    .members = property_members,
    .getsets = property_getsets,
    .doc = "Property attribute.",
};

/* ---- classmethod and staticmethod ---- */

static void cm_trace(Object *o) {
    ClassMethodObject *c = (ClassMethodObject *)o;
    gc_mark(c->func);
    gc_mark(c->dict);
}

static Value cm_new_m(Type *t, Value *args, size_t nargs, Value kw) { return type_generic_alloc(t, 0); }

static int cm_init(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *name = val_type(self) == &type_staticmethod ? "staticmethod" : "classmethod";
    if (arg_no_kw(name, kwnames) < 0) return -1;
    if (nargs != 1) {   /* Argument Clinic's wording, not METH_O's */
        err_format(&exc_TypeError, "%s expected 1 argument, got %zu", name, nargs);
        return -1;
    }
    GC_WRITE(self, ((ClassMethodObject *)self)->func, args[0]);
    /* As functools.wraps (3.10+): the wrapped callable's attributes are copied in. */
    static const char *const copied[] = {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"};
    for (size_t i = 0; i < ARRAY_LEN(copied); i++) {
        Value name = str_intern_cstr(copied[i]);
        Value v = obj_getattr_opt(args[0], name);
        if (!v) {
            if (err_occurred()) return -1;
            continue;
        }
        if (obj_setattr(self, name, v) < 0) return -1;
    }
    return 0;
}

static Value cm_get(Value self, Value obj, Value type) {
    ClassMethodObject *c = (ClassMethodObject *)self;
    if (!type) type = obj_val(val_type(obj));
    Type *ft = val_type(c->func);
    /* Chaining (classmethod over a descriptor) as 3.11 still does. */
    if (ft->descr_get && ft != &type_function && ft != &type_builtin_function)
        return ft->descr_get(c->func, type, type);
    return method_new(c->func, type);
}

static Value sm_get(Value self, Value obj, Value type) { return ((ClassMethodObject *)self)->func; }

static Value sm_call(Value self, Value *args, size_t nargs, Value kwnames) {
    return obj_call(((ClassMethodObject *)self)->func, args, nargs, kwnames);
}

static Value cm_get_func(Value self) { return ((ClassMethodObject *)self)->func; }
static Value cm_get_isabstract(Value self) {
    Value a = obj_getattr_opt(((ClassMethodObject *)self)->func, str_intern_cstr("__isabstractmethod__"));
    if (!a) return err_occurred() ? VNULL : VFalse;
    int t = obj_is_true(a);
    return t < 0 ? VNULL : val_bool(t);
}
static Value cm_get_dict(Value self) {
    ClassMethodObject *c = (ClassMethodObject *)self;
    if (!c->dict) {
        Value d = dict_new();
        if (!d) return VNULL;
        GC_WRITE(c, c->dict, d);
    }
    return c->dict;
}

/* Attributes such as __doc__, __name__, __wrapped__ come from the wrapped function
 * (3.10+ copies them); other attribute sets go to the object's own dict. */
static Value cm_getattr(Value self, Value name) {
    Value descr = type_lookup(val_type(self), name);
    if (descr && val_type(descr)->descr_set) return val_type(descr)->descr_get(descr, self, obj_val(val_type(self)));
    ClassMethodObject *c = (ClassMethodObject *)self;
    if (c->dict) {
        Value v = dict_get(c->dict, name);
        if (v) return v;
    }
    /* The copied attributes sit in CPython's instance dict, ahead of the
     * class's own __doc__; one the function lacks is not copied. */
    if (str_eq_cstr(name, "__wrapped__")) return c->func;
    static const char *const copied[] = {"__doc__", "__name__", "__qualname__", "__module__", "__annotations__"};
    for (size_t i = 0; i < ARRAY_LEN(copied); i++) {
        if (!str_eq_cstr(name, copied[i])) continue;
        Value v = obj_getattr_opt(c->func, name);
        if (v || err_occurred()) return v;
    }
    if (descr) {
        if (val_type(descr)->descr_get) return val_type(descr)->descr_get(descr, self, obj_val(val_type(self)));
        return descr;
    }
    if (str_eq_cstr(name, "__wrapped__")) return c->func;
    err_format(&exc_AttributeError, "'%s' object has no attribute '%U'", type_name(self), name);
    return VNULL;
}

static int cm_setattr(Value self, Value name, Value v) {
    Value d = cm_get_dict(self);
    if (!d) return -1;
    if (v) return dict_set(d, name, v);
    return dict_del(d, name);
}

static Value cm_repr(Value self) {
    Value r = obj_repr(((ClassMethodObject *)self)->func);
    if (!r) return VNULL;
    return str_printf("<%s(%U)>", type_name(self), r);
}

static const GetSetDef cm_getsets[] = {
    {"__func__", cm_get_func, NULL, NULL},
    {"__isabstractmethod__", cm_get_isabstract, NULL, NULL},
    {"__dict__", cm_get_dict, NULL, NULL},
    {NULL}
};

Type type_classmethod = {
    .hdr = {0, &type_type},
    .name = "classmethod",
    .basicsize = sizeof(ClassMethodObject),
    .flags = TF_BASETYPE,
    .trace = cm_trace,
    .new = cm_new_m,
    .init = cm_init,
    .descr_get = cm_get,
    .getattr = cm_getattr,
    .setattr = cm_setattr,
    .repr = cm_repr,
    .getsets = cm_getsets,
    .doc = "classmethod(function) -> method",
};

Type type_staticmethod = {
    .hdr = {0, &type_type},
    .name = "staticmethod",
    .basicsize = sizeof(ClassMethodObject),
    .flags = TF_BASETYPE,
    .trace = cm_trace,
    .new = cm_new_m,
    .init = cm_init,
    .descr_get = sm_get,
    .call = sm_call,
    .getattr = cm_getattr,
    .setattr = cm_setattr,
    .repr = cm_repr,
    .getsets = cm_getsets,
    .doc = "staticmethod(function) -> method",
};

/* ---- super ---- */

typedef struct SuperObject {
    Object hdr;
    Value type;       /* the class super() starts after */
    Value obj;        /* the instance or class, or VNULL (unbound) */
    Value obj_type;   /* type(obj), or obj itself when obj is a subclass */
} SuperObject;

static void super_trace(Object *o) {
    SuperObject *s = (SuperObject *)o;
    gc_mark(s->type);
    gc_mark(s->obj);
    gc_mark(s->obj_type);
}

static Value super_check(Type *type, Value obj) {
    if (type_check(obj) && type_is_subtype((Type *)obj, type)) return obj;
    if (val_isinstance(obj, type)) return obj_val(val_type(obj));
    /* obj.__class__ may differ from type(obj) (proxies). */
    Value cls = obj_getattr_opt(obj, str_intern_cstr("__class__"));
    if (cls && type_check(cls) && type_is_subtype((Type *)cls, type)) return cls;
    if (!err_occurred())
        err_set(&exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return VNULL;
}

static Value super_new_m(Type *t, Value *args, size_t nargs, Value kw) { return type_generic_alloc(t, 0); }

static int super_init(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("super", kwnames) < 0 || arg_count("super", nargs, 0, 2) < 0) return -1;
    Value type, obj = VNULL;
    if (nargs == 0) {
        /* Zero-argument form: the enclosing function's __class__ cell and first argument. */
        Frame *f = ts->frame;
        if (!f || !f->code) {
            err_set(&exc_RuntimeError, "super(): no current frame");
            return -1;
        }
        CodeObject *c = f->code;
        if (c->argcount == 0 && !(c->flags & CO_VARARGS)) {
            err_set(&exc_RuntimeError, "super(): no arguments");
            return -1;
        }
        obj = f->regs[0];
        /* If the first argument is a cell (captured self), look inside. */
        if (c->ncells) {
            for (int i = 0; i < c->ncells; i++) {
                Value name = tuple_get(c->cellvars, i);
                if (str_eq(name, tuple_get(c->varnames, 0))) {
                    Value cell = f->regs[c->cell_base + i];
                    if (cell && val_type(cell) == &type_cell) obj = ((CellObject *)cell)->ref;
                }
            }
        }
        if (!obj) {
            err_set(&exc_RuntimeError, "super(): arg[0] deleted");
            return -1;
        }
        type = VNULL;
        for (int i = 0; i < c->nfrees; i++) {
            if (str_eq_cstr(tuple_get(c->freevars, i), "__class__")) {
                Value cell = f->regs[c->cell_base + c->ncells + i];
                if (!cell || val_type(cell) != &type_cell) break;
                type = ((CellObject *)cell)->ref;
                if (!type) {
                    err_set(&exc_RuntimeError, "super(): empty __class__ cell");
                    return -1;
                }
                break;
            }
        }
        if (!type) {
            err_set(&exc_RuntimeError, "super(): __class__ cell not found");
            return -1;
        }
        if (!type_check(type)) {
            err_format(&exc_RuntimeError, "super(): __class__ is not a type (%s)", type_name(type));
            return -1;
        }
    } else {
        type = args[0];
        if (nargs == 2) obj = args[1];
        if (!type_check(type)) {
            err_format(&exc_TypeError, "super() argument 1 must be a type, not %s", type_name(type));
            return -1;
        }
    }
    Value obj_type = VNULL;
    if (obj == VNone) obj = VNULL;
    if (obj) {
        obj_type = super_check((Type *)type, obj);
        if (!obj_type) return -1;
    }
    SuperObject *s = (SuperObject *)self;
    s->type = type;
    s->obj = obj;
    s->obj_type = obj_type;
    return 0;
}

static Value super_getattro(Value self, Value name) {
    SuperObject *s = (SuperObject *)self;
    if (!s->obj_type || str_eq_cstr(name, "__class__")) return obj_generic_getattr(self, name);
    Value mro = ((Type *)s->obj_type)->mro;
    ssize_t n = tuple_size(mro), i;
    for (i = 0; i < n; i++)
        if (tuple_get(mro, i) == s->type) break;
    for (i++; i < n; i++) {
        Type *b = (Type *)tuple_get(mro, i);
        Value v = dict_get(b->dict, name);
        if (v) {
            Type *vt = val_type(v);
            if (vt->descr_get)
                return vt->descr_get(v, s->obj == s->obj_type ? VNULL : s->obj, s->obj_type);
            return v;
        }
        if (err_occurred()) return VNULL;
    }
    return obj_generic_getattr(self, name);
}

static Value super_get(Value self, Value obj, Value type) {
    SuperObject *s = (SuperObject *)self;
    if (!obj || s->obj) return self;
    Value args[2] = {s->type, obj};
    return obj_call(obj_val(val_type(self)), args, 2, VNULL);
}

static Value super_repr(Value self) {
    SuperObject *s = (SuperObject *)self;
    Value tn = type_qualname_obj((Type *)s->type);
    if (s->obj_type)
        return str_printf("<super: <class '%U'>, <%U object>>", tn, type_qualname_obj((Type *)s->obj_type));
    return str_printf("<super: <class '%U'>, NULL>", tn);
}

static Value super_get_thisclass(Value s) { return ((SuperObject *)s)->type; }
static Value super_get_self(Value s) { Value v = ((SuperObject *)s)->obj; return v ? v : VNone; }
static Value super_get_self_class(Value s) { Value v = ((SuperObject *)s)->obj_type; return v ? v : VNone; }

static const GetSetDef super_getsets[] = {
    {"__thisclass__", super_get_thisclass, NULL, "the class invoking super()"},
    {"__self__", super_get_self, NULL, "the instance invoking super(); may be None"},
    {"__self_class__", super_get_self_class, NULL, "the type of the instance invoking super(); may be None"},
    {NULL}
};

Type type_super = {
    .hdr = {0, &type_type},
    .name = "super",
    .basicsize = sizeof(SuperObject),
    .flags = TF_BASETYPE,
    .trace = super_trace,
    .new = super_new_m,
    .init = super_init,
    .getattr = super_getattro,
    .descr_get = super_get,
    .repr = super_repr,
    .getsets = super_getsets,
    .doc = "super() -> same as super(__class__, <first argument>)",
};

/* ---- mappingproxy: the read-only view a class's __dict__ returns ---- */

typedef struct MappingProxyObject {
    Object hdr;
    Value mapping;
} MappingProxyObject;

Type type_mappingproxy;

static void mp_trace(Object *o) { gc_mark(((MappingProxyObject *)o)->mapping); }

Value mappingproxy_new(Value d) {
    MappingProxyObject *p = gc_alloc(&type_mappingproxy, sizeof(MappingProxyObject));
    if (!p) return VNULL;
    p->mapping = d;
    return obj_val(p);
}

static Value mp_new_m(Type *t, Value *args, size_t nargs, Value kw) {
    if (arg_count("mappingproxy", nargs, 1, 1) < 0) return VNULL;
    Value m = args[0];
    if (list_check(m) || tuple_check(m) || !val_type(m)->getitem) {
        err_format(&exc_TypeError, "mappingproxy() argument must be a mapping, not %s", type_name(m));
        return VNULL;
    }
    return mappingproxy_new(m);
}

#define MP(v) (((MappingProxyObject *)(v))->mapping)
static Value mp_getitem(Value self, Value key) { return obj_getitem(MP(self), key); }
static ssize_t mp_len(Value self) { return obj_len(MP(self)); }
static int mp_contains(Value self, Value key) { return obj_contains(MP(self), key); }
static Value mp_iter(Value self) { return obj_iter(MP(self)); }
static Value mp_repr(Value self) {
    Value r = obj_repr(MP(self));
    return r ? str_printf("mappingproxy(%U)", r) : VNULL;
}
static Value mp_str(Value self) { return obj_str(MP(self)); }
static Value mp_richcompare(Value a, Value b, int op) { return obj_richcompare(MP(a), b, op); }
static Value mp_forward(Value self, const char *name, Value *args, size_t nargs) {
    return obj_call_method(MP(self), name, args, nargs);
}
static Value mp_keys(Value s, Value *a, size_t n, Value k) { return mp_forward(s, "keys", a, n); }
static Value mp_values(Value s, Value *a, size_t n, Value k) { return mp_forward(s, "values", a, n); }
static Value mp_items(Value s, Value *a, size_t n, Value k) { return mp_forward(s, "items", a, n); }
static Value mp_get(Value s, Value *a, size_t n, Value k) {
    if (arg_count("get", n, 1, 2) < 0) return VNULL;
    return mp_forward(s, "get", a, n);
}
static Value mp_copy(Value s, Value *a, size_t n, Value k) { return mp_forward(s, "copy", a, n); }
static Value mp_or(Value a, Value b) {
    if (val_type(a) == &type_mappingproxy) a = MP(a);
    if (val_type(b) == &type_mappingproxy) b = MP(b);
    return num_binop(a, b, BINOP_OR);
}

extern Value generic_class_getitem(Value cls, Value *args, size_t nargs, Value kw);
static Value mp_ior(Value a, Value b) {
    err_format(&exc_TypeError, "'|=' is not supported by %s; use '|' instead", type_name(a));
    return VNULL;
}
static Value mp_reversed(Value s, Value *a, size_t n, Value k) {
    if (arg_count("__reversed__", n, 0, 0) < 0) return VNULL;
    return iter_reversed(MP(s));
}

static const MethodDef mp_methods[] = {
    {"__reversed__", mp_reversed, 0, NULL},
    {"__class_getitem__", generic_class_getitem, METH_CLASS, "See PEP 585"},
    {"keys", mp_keys, 0, NULL},
    {"values", mp_values, 0, NULL},
    {"items", mp_items, 0, NULL},
    {"get", mp_get, 0, NULL},
    {"copy", mp_copy, 0, NULL},
    {NULL}
};

Type type_mappingproxy = {
    .hdr = {0, &type_type},
    .name = "mappingproxy",
    .basicsize = sizeof(MappingProxyObject),
    .trace = mp_trace,
    .new = mp_new_m,
    .getitem = mp_getitem,
    .len = mp_len,
    .contains = mp_contains,
    .iter = mp_iter,
    .repr = mp_repr,
    .str = mp_str,
    .richcompare = mp_richcompare,
    .hash = obj_hash_unhashable,
    .nb = {[BINOP_OR] = mp_or},
    .nb_inplace = {[BINOP_OR] = mp_ior},
    .methods = mp_methods,
};
