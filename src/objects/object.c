/* object.c - the generic object protocol: repr, hash, compare, attributes, items, iteration, calls. */
#include "object.h"
#include "type.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "misc.h"
#include "instance.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <stdio.h>

/* ---- Singletons ---- */

static Value none_repr(Value v) { return str_intern_cstr("None"); }
static int none_bool(Value v) { return 0; }
static hash_t none_hash(Value v) { return (hash_t)0xFCA86420; }
static Value none_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (nargs || kw) {
        err_set(&exc_TypeError, "NoneType takes no arguments");
        return VNULL;
    }
    return VNone;
}
Type type_none = {
    .hdr = {0, &type_type},
    .name = "NoneType",
    .basicsize = sizeof(Object),
    .repr = none_repr,
    .nb_bool = none_bool,
    .hash = none_hash,
    .new = none_new,
};
Object obj_None = {0, &type_none};

static Value notimpl_repr(Value v) { return str_intern_cstr("NotImplemented"); }
static int notimpl_bool(Value v) {
    if (err_warn(&exc_DeprecationWarning,
                 "NotImplemented should not be used in a boolean context", 1) < 0)
        return -1;
    return 1;
}
static Value notimpl_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (nargs || kw) {
        err_set(&exc_TypeError, "NotImplementedType takes no arguments");
        return VNULL;
    }
    return VNotImplemented;
}
/* Both singletons pickle by name (__reduce__ returns a string), as in CPython. */
static Value notimpl_reduce(Value self, Value *args, size_t nargs, Value kw) {
    return str_intern_cstr("NotImplemented");
}
static const MethodDef notimpl_methods[] = {
    {"__reduce__", notimpl_reduce, 0, NULL},
    {NULL}
};
Type type_notimplemented = {
    .hdr = {0, &type_type},
    .name = "NotImplementedType",
    .basicsize = sizeof(Object),
    .repr = notimpl_repr,
    .nb_bool = notimpl_bool,
    .new = notimpl_new,
    .methods = notimpl_methods,
};
Object obj_NotImplemented = {0, &type_notimplemented};

static Value ellipsis_repr(Value v) { return str_intern_cstr("Ellipsis"); }
static Value ellipsis_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (nargs || kw) {
        err_set(&exc_TypeError, "ellipsis takes no arguments");
        return VNULL;
    }
    return VEllipsis;
}
static Value ellipsis_reduce(Value self, Value *args, size_t nargs, Value kw) {
    return str_intern_cstr("Ellipsis");
}
static const MethodDef ellipsis_methods[] = {
    {"__reduce__", ellipsis_reduce, 0, NULL},
    {NULL}
};
Type type_ellipsis = {
    .hdr = {0, &type_type},
    .name = "ellipsis",
    .basicsize = sizeof(Object),
    .repr = ellipsis_repr,
    .new = ellipsis_new,
    .methods = ellipsis_methods,
};
Object obj_Ellipsis = {0, &type_ellipsis};

const char *type_name(Value v) { return val_type(v)->name; }

/* ---- repr / str ---- */

Value obj_repr(Value v) {
    if (val_is_int(v)) return int_to_str(v, 10);   /* a tagged int: no recursion to guard */
    Type *t = val_type(v);
    if (!t->repr) return str_printf("<%s object at %p>", t->name, (void *)v);
    if (err_enter_recursive(" while getting the repr of an object") < 0) return VNULL;
    Value r = t->repr(v);
    err_leave_recursive();
    if (r && !str_check(r)) {
        err_format(&exc_TypeError, "__repr__ returned non-string (type %s)", type_name(r));
        return VNULL;
    }
    return r;
}

Value obj_str(Value v) {
    if (val_is_int(v)) return int_to_str(v, 10);
    if (str_check_exact(v)) return v;
    Type *t = val_type(v);
    if (!t->str) return obj_repr(v);
    if (err_enter_recursive(" while getting the str of an object") < 0) return VNULL;
    Value r = t->str(v);
    err_leave_recursive();
    if (r && !str_check(r)) {
        err_format(&exc_TypeError, "__str__ returned non-string (type %s)", type_name(r));
        return VNULL;
    }
    return r;
}

/* ascii(): repr with non-ASCII escaped as \xhh, \uhhhh or \Uhhhhhhhh. */
Value obj_ascii(Value v) {
    Value r = obj_repr(v);
    if (!r || str_is_ascii(r)) return r;
    StrBuilder sb;
    sb_init(&sb);
    const unsigned char *p = (const unsigned char *)str_data(r), *end = p + str_size(r);
    while (p < end) {
        uint32_t c = utf8_decode(&p);
        if (c < 128) sb_append_char(&sb, (char)c);
        else if (c < 256) sb_printf(&sb, "\\x%02x", c);
        else if (c < 0x10000) sb_printf(&sb, "\\u%04x", c);
        else sb_printf(&sb, "\\U%08x", c);
    }
    return sb_finish(&sb);
}

/* ---- hash ---- */

hash_t obj_hash_pointer(Value v) {
    /* CPython rotates by 4 bits: the low bits of a pointer are always zero. */
    uintptr_t y = (uintptr_t)v;
    y = (y >> 4) | (y << (8 * sizeof(uintptr_t) - 4));
    hash_t h = (hash_t)y;
    return h == -1 ? -2 : h;
}

hash_t obj_hash_unhashable(Value v) {
    err_format(&exc_TypeError, "unhashable type: '%s'", type_name(v));
    return -1;
}

hash_t obj_hash(Value v) {
    if (val_is_int(v)) return int_hash(v);
    Type *t = val_type(v);
    if (t->hash) return t->hash(v);
    return obj_hash_pointer(v);
}

/* ---- comparison ---- */

static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const int cmp_swapped[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

Value obj_richcompare_identity(Value a, Value b, int op) {
    if (op == CMP_EQ) return a == b ? VTrue : VNotImplemented;
    if (op == CMP_NE) {
        /* object.__ne__ inverts __eq__ unless that is NotImplemented. */
        Type *t = val_type(a);
        if (t->richcompare && t->richcompare != obj_richcompare_identity) {
            Value r = t->richcompare(a, b, CMP_EQ);
            if (!r || r == VNotImplemented) return r;
            int truth = obj_is_true(r);
            if (truth < 0) return VNULL;
            return val_bool(!truth);
        }
        return a == b ? VFalse : VNotImplemented;
    }
    return VNotImplemented;
}

Value obj_richcompare(Value a, Value b, int op) {
    if (err_enter_recursive(" in comparison") < 0) return VNULL;
    Type *ta = val_type(a), *tb = val_type(b);
    Value r;
    bool checked_reverse = false;
    if (ta != tb && tb->richcompare && type_is_subtype(tb, ta)) {
        checked_reverse = true;
        r = tb->richcompare(b, a, cmp_swapped[op]);
        if (r != VNotImplemented) goto done;
    }
    if (ta->richcompare) {
        r = ta->richcompare(a, b, op);
        if (r != VNotImplemented) goto done;
    }
    if (!checked_reverse && tb->richcompare) {
        r = tb->richcompare(b, a, cmp_swapped[op]);
        if (r != VNotImplemented) goto done;
    }
    if (op == CMP_EQ) r = val_bool(a == b);
    else if (op == CMP_NE) r = val_bool(a != b);
    else {
        err_format(&exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                   cmp_symbols[op], ta->name, tb->name);
        r = VNULL;
    }
done:
    err_leave_recursive();
    return r;
}

int obj_richcompare_bool(Value a, Value b, int op) {
    if (a == b) {
        if (op == CMP_EQ) return 1;
        if (op == CMP_NE) return 0;
    }
    Value r = obj_richcompare(a, b, op);
    if (!r) return -1;
    if (r == VTrue) return 1;
    if (r == VFalse) return 0;
    return obj_is_true(r);
}

int obj_eq(Value a, Value b) {
    if (a == b) return 1;
    if (val_is_int(a) && val_is_int(b)) return 0;
    return obj_richcompare_bool(a, b, CMP_EQ);
}

/* ---- truth ---- */

int obj_is_true(Value v) {
    if (v == VTrue) return 1;
    if (v == VFalse || v == VNone) return 0;
    if (val_is_int(v)) return val_int(v) != 0;
    Type *t = val_type(v);
    if (t->nb_bool) return t->nb_bool(v);
    if (t->len) {
        ssize_t n = t->len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ---- attributes ---- */

static int check_attr_name(Value name) {
    if (!str_check(name)) {
        err_format(&exc_TypeError, "attribute name must be string, not '%s'", type_name(name));
        return -1;
    }
    return 0;
}

static void raise_no_attribute(Value obj, Value name) {
    if (type_check(obj))
        err_format(&exc_AttributeError, "type object '%s' has no attribute '%U'",
                   ((Type *)obj)->name, name);
    else
        err_format(&exc_AttributeError, "'%s' object has no attribute '%U'", type_name(obj), name);
    /* name and obj let the traceback printer suggest a close match. */
    Value e = err_occurred();
    if (e) {
        Value exc = err_fetch();
        obj_setattr_cstr(exc, "name", name);
        obj_setattr_cstr(exc, "obj", obj);
        err_restore(exc);
    }
}

/* The generic lookup; with `raise` false a missing attribute is VNULL
 * without an exception (a descriptor may still raise). */
static inline Value generic_getattr(Value obj, Value name, bool raise) {
    Type *t = val_type(obj);
    Value descr = type_lookup(t, name);
    Type *dt = NULL;
    if (descr) {
        dt = val_type(descr);
        if (dt->descr_get && dt->descr_set) return dt->descr_get(descr, obj, obj_val(t));
    }
    if (t->attrs_offset) {
        Value v = inst_get(obj, name);
        if (v) return v;
    }
    if (descr) {
        if (dt->descr_get) return dt->descr_get(descr, obj, obj_val(t));
        return descr;
    }
    if (raise) raise_no_attribute(obj, name);
    return VNULL;
}

Value obj_generic_getattr(Value obj, Value name) { return generic_getattr(obj, name, true); }

int obj_generic_setattr(Value obj, Value name, Value v) {
    Type *t = val_type(obj);
    Value descr = type_lookup(t, name);
    if (descr) {
        Type *dt = val_type(descr);
        if (dt->descr_set) return dt->descr_set(descr, obj, v);
    }
    if (t->attrs_offset) {
        int r = inst_set(obj, name, v);
        if (r == 1) {
            err_format(&exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
            return -1;
        }
        return r;
    }
    if (descr)
        err_format(&exc_AttributeError, "'%s' object attribute '%U' is read-only", t->name, name);
    else
        err_format(&exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
    return -1;
}

Value obj_getattr(Value obj, Value name) {
    if (check_attr_name(name) < 0) return VNULL;
    Type *t = val_type(obj);
    if (t->getattr) return t->getattr(obj, name);
    return obj_generic_getattr(obj, name);
}

Value obj_getattr_cstr(Value obj, const char *name) {
    Value n = str_intern_cstr(name);
    return n ? obj_getattr(obj, n) : VNULL;
}

Value obj_getattr_opt(Value obj, Value name) {
    /* Most lookups that may miss (pickle's __reduce_ex__/__getnewargs__ and
     * friends, hasattr-like probes) are on objects with the generic
     * lookup: no AttributeError is built only to be thrown away. */
    Type *t = val_type(obj);
    Value v = (t->getattr == obj_generic_getattr && str_check(name)) ? generic_getattr(obj, name, false)
                                                                     : obj_getattr(obj, name);
    if (!v && err_matches(&exc_AttributeError)) err_clear();
    return v;
}

int obj_setattr(Value obj, Value name, Value v) {
    if (check_attr_name(name) < 0) return -1;
    Type *t = val_type(obj);
    if (t->setattr) return t->setattr(obj, name, v);
    if (!v)
        err_format(&exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
    else
        err_format(&exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
    return -1;
}

int obj_setattr_cstr(Value obj, const char *name, Value v) {
    Value n = str_intern_cstr(name);
    return n ? obj_setattr(obj, n, v) : -1;
}

int obj_delattr(Value obj, Value name) { return obj_setattr(obj, name, VNULL); }

int obj_hasattr(Value obj, Value name) {
    if (check_attr_name(name) < 0) return -1;
    if (obj_getattr_opt(obj, name)) return 1;
    return err_occurred() ? -1 : 0;
}

/* ---- items ---- */

Value obj_getitem(Value obj, Value key) {
    Type *t = val_type(obj);
    if (t->getitem) return t->getitem(obj, key);
    if (type_check(obj)) {
        if (obj == obj_val(&type_type)) {
            /* type[int]: type has no __class_getitem__ (its instances would all inherit it). */
            extern Value generic_class_getitem(Value cls, Value *args, size_t nargs, Value kw);
            return generic_class_getitem(obj, &key, 1, VNULL);
        }
        Value cg = obj_getattr_opt(obj, intern_cstr_cached("__class_getitem__"));
        if (cg) return obj_call1(cg, key);
        if (err_occurred()) return VNULL;
        err_format(&exc_TypeError, "type '%s' is not subscriptable", ((Type *)obj)->name);
        return VNULL;
    }
    err_format(&exc_TypeError, "'%s' object is not subscriptable", t->name);
    return VNULL;
}

int obj_setitem(Value obj, Value key, Value v) {
    Type *t = val_type(obj);
    if (t->setitem) return t->setitem(obj, key, v);
    err_format(&exc_TypeError, "'%s' object does not support item assignment", t->name);
    return -1;
}

int obj_delitem(Value obj, Value key) {
    Type *t = val_type(obj);
    if (t->setitem) return t->setitem(obj, key, VNULL);
    err_format(&exc_TypeError, "'%s' object doesn't support item deletion", t->name);
    return -1;
}

ssize_t obj_len(Value v) {
    Type *t = val_type(v);
    if (t->len) {
        ssize_t n = t->len(v);
        if (n < 0 && !err_occurred()) {
            err_set(&exc_ValueError, "__len__() should return >= 0");
        }
        return n;
    }
    err_format(&exc_TypeError, "object of type '%s' has no len()", t->name);
    return -1;
}

int obj_contains(Value container, Value v) {
    Type *t = val_type(container);
    if (t->contains) return t->contains(container, v);
    Value it = obj_iter(container);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "argument of type '%s' is not iterable", t->name);
        }
        return -1;
    }
    for (;;) {
        Value x = obj_next(it);
        if (!x) return err_occurred() ? -1 : 0;
        int eq = obj_eq(x, v);
        if (eq != 0) return eq;
    }
}

/* ---- iteration ---- */

Value obj_iter(Value v) {
    Type *t = val_type(v);
    if (t->iter) {
        Value it = t->iter(v);
        if (it && !val_type(it)->iternext) {
            err_format(&exc_TypeError, "iter() returned non-iterator of type '%s'", type_name(it));
            return VNULL;
        }
        return it;
    }
    if (t->getitem && !TYPE_HAS_FLAG(t, TF_DICT_SUBCLASS)) return seq_iter_new(v);
    err_format(&exc_TypeError, "'%s' object is not iterable", t->name);
    return VNULL;
}

Value obj_next(Value it) {
    Type *t = val_type(it);
    if (!t->iternext) {
        err_format(&exc_TypeError, "'%s' object is not an iterator", t->name);
        return VNULL;
    }
    Value v = t->iternext(it);
    if (!v && err_matches(&exc_StopIteration)) err_clear();
    return v;
}

/* ---- isinstance / issubclass ---- */

bool type_is_subtype(Type *a, Type *b) {
    if (a == b) return true;
    if (a->mro) {
        Value *items = tuple_items(a->mro);
        ssize_t n = tuple_size(a->mro);
        for (ssize_t i = 0; i < n; i++)
            if (items[i] == obj_val(b)) return true;
        return false;
    }
    for (Type *t = a->base; t; t = t->base)
        if (t == b) return true;
    return b == &type_object;
}

bool obj_is_instance_exact(Value v, Type *t) { return val_type(v) == t; }

static int check_class(Value cls, const char *msg) {
    if (type_check(cls) || tuple_check(cls)) return 0;
    Value bases = obj_getattr_opt(cls, intern_cstr_cached("__bases__"));
    if (bases && tuple_check(bases)) return 0;
    if (!err_occurred()) err_set(&exc_TypeError, msg);
    return -1;
}

/* issubclass() over objects that are not types but carry a __bases__ tuple
   (CPython's "abstract" classes): derived is a subclass when cls is met on
   a depth-first walk of the bases. */
static int abstract_issubclass(Value derived, Value cls) {
    for (;;) {
        if (derived == cls) return 1;
        Value bases = obj_getattr_opt(derived, intern_cstr_cached("__bases__"));
        if (!bases) return err_occurred() ? -1 : 0;
        if (!tuple_check(bases)) return 0;
        ssize_t n = tuple_size(bases);
        if (n == 0) return 0;
        if (n == 1) { derived = tuple_get(bases, 0); continue; }
        if (err_enter_recursive(" in __issubclass__") < 0) return -1;
        for (ssize_t i = 0; i < n; i++) {
            int r = abstract_issubclass(tuple_get(bases, i), cls);
            if (r) { err_leave_recursive(); return r; }
        }
        err_leave_recursive();
        return 0;
    }
}

/* isinstance(v, t) for a plain class t: type(v) first, then v.__class__, which
   a proxy (unittest.mock's spec) may set to another class. The lookup is
   skipped when it can only give type(v). */
int obj_isinstance_type(Value v, Type *t) {
    if (val_isinstance(v, t)) return 1;
    Type *vt = val_type(v);
    /* Whether vt's __class__ is object's, remembered per type version. */
    static struct { Type *t; uint32_t version; } plain[64];
    size_t h = ((uintptr_t)vt >> 4) & 63;
    if (plain[h].t == vt && plain[h].version == vt->version) return 0;
    Value name = intern_cstr_cached("__class__");
    if (vt->getattr == obj_generic_getattr) {
        if (type_lookup(vt, name) == type_lookup(&type_object, name)) {
            plain[h].t = vt;
            plain[h].version = vt->version;
            return 0;
        }
    }
    Value icls = obj_getattr_opt(v, name);
    if (!icls) return err_occurred() ? -1 : 0;
    if (icls != obj_val(vt) && type_check(icls)) return type_is_subtype((Type *)icls, t);
    return 0;
}

int obj_isinstance(Value v, Value cls) {
    if (type_check(cls) && val_type(v) == (Type *)cls) return 1;
    if (tuple_check(cls)) {
        for (ssize_t i = 0; i < tuple_size(cls); i++) {
            int r = obj_isinstance(v, tuple_get(cls, i));
            if (r) return r;
        }
        return 0;
    }
    if (type_check(cls) && val_type(cls) == &type_type) return obj_isinstance_type(v, (Type *)cls);
    /* A metaclass may define __instancecheck__. */
    Value hook = type_lookup(val_type(cls), intern_cstr_cached("__instancecheck__"));
    if (hook && hook != type_lookup(&type_type, intern_cstr_cached("__instancecheck__"))) {
        if (err_enter_recursive(" in __instancecheck__") < 0) return -1;
        Value args[2] = {cls, v};
        Value r = obj_call(hook, args, 2, VNULL);
        err_leave_recursive();
        if (!r) return -1;
        return obj_is_true(r);
    }
    if (type_check(cls)) return obj_isinstance_type(v, (Type *)cls);
    if (check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union") < 0)
        return -1;
    Value icls = obj_getattr_opt(v, intern_cstr_cached("__class__"));
    if (!icls) return err_occurred() ? -1 : 0;
    return abstract_issubclass(icls, cls);
}

int obj_issubclass(Value derived, Value cls) {
    if (type_check(cls) && val_type(cls) == &type_type) {
        if (type_check(derived)) return type_is_subtype((Type *)derived, (Type *)cls);
    } else if (tuple_check(cls)) {
        for (ssize_t i = 0; i < tuple_size(cls); i++) {
            int r = obj_issubclass(derived, tuple_get(cls, i));
            if (r) return r;
        }
        return 0;
    } else {
        /* Any object, not only a class, may answer through its type's __subclasscheck__. */
        Value hook = type_lookup(val_type(cls), intern_cstr_cached("__subclasscheck__"));
        if (hook && hook != type_lookup(&type_type, intern_cstr_cached("__subclasscheck__"))) {
            if (err_enter_recursive(" in __subclasscheck__") < 0) return -1;
            Value args[2] = {cls, derived};
            Value r = obj_call(hook, args, 2, VNULL);
            err_leave_recursive();
            if (!r) return -1;
            return obj_is_true(r);
        }
    }
    if (type_check(derived) && type_check(cls)) return type_is_subtype((Type *)derived, (Type *)cls);
    if (check_class(derived, "issubclass() arg 1 must be a class") < 0) return -1;
    if (check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union") < 0)
        return -1;
    return abstract_issubclass(derived, cls);
}

/* ---- calls ---- */

Value obj_call(Value callable, Value *args, size_t nargs, Value kwnames) {
    Type *t = val_type(callable);
    if (!t->call) {
        err_format(&exc_TypeError, "'%s' object is not callable", t->name);
        return VNULL;
    }
    return t->call(callable, args, nargs, kwnames);
}

Value obj_call0(Value callable) { return obj_call(callable, NULL, 0, VNULL); }
Value obj_call1(Value callable, Value a) { return obj_call(callable, &a, 1, VNULL); }
Value obj_call2(Value callable, Value a, Value b) {
    Value args[2] = {a, b};
    return obj_call(callable, args, 2, VNULL);
}

Value obj_call_method(Value obj, const char *name, Value *args, size_t nargs) {
    Value m = obj_getattr_cstr(obj, name);
    if (!m) return VNULL;
    return obj_call(m, args, nargs, VNULL);
}

/* f(*args, **kwargs): flatten the dict into trailing values plus a names tuple. */
Value obj_call_tuple_dict(Value callable, Value args, Value kwargs) {
    ssize_t na = args ? tuple_size(args) : 0;
    ssize_t nk = kwargs ? dict_size(kwargs) : 0;
    if (nk == 0) return obj_call(callable, na ? tuple_items(args) : NULL, (size_t)na, VNULL);
    Value kwnames = tuple_new((size_t)nk);
    if (!kwnames) return VNULL;
    Value *buf = alloca(sizeof(Value) * (size_t)(na + nk));
    for (ssize_t i = 0; i < na; i++) buf[i] = tuple_get(args, i);
    ssize_t pos = 0, i = 0;
    Value k, v;
    while (dict_next(kwargs, &pos, &k, &v)) {
        if (!str_check(k)) {
            err_set(&exc_TypeError, "keywords must be strings");
            return VNULL;
        }
        tuple_items(kwnames)[i] = k;
        buf[na + i] = v;
        i++;
    }
    return obj_call(callable, buf, (size_t)na, kwnames);
}

/* ---- format / dir ---- */

Value obj_format(Value v, Value spec) {
    if (!spec) spec = str_empty();
    if (str_check_exact(v) && str_size(spec) == 0) return v;
    if (val_is_int(v) && str_size(spec) == 0) return obj_str(v);
    Value m = type_lookup(val_type(v), intern_cstr_cached("__format__"));
    if (!m) {
        err_format(&exc_TypeError, "Type %s doesn't define __format__", type_name(v));
        return VNULL;
    }
    Value args[2] = {v, spec};
    Value r = obj_call(m, args, 2, VNULL);
    if (r && !str_check(r)) {
        err_format(&exc_TypeError, "__format__ must return a str, not %s", type_name(r));
        return VNULL;
    }
    return r;
}

Value obj_dir(Value v) {
    /* dir() uses type(v).__dir__, so dir(SomeClass) gets type.__dir__. */
    extern Value call_method_lookup(Value self, const char *name, Value *args, size_t nargs, bool *found);
    bool found;
    Value r = call_method_lookup(v, "__dir__", NULL, 0, &found);
    if (!found) {
        err_format(&exc_TypeError, "object does not provide __dir__");
        return VNULL;
    }
    if (!r) return VNULL;
    Value l = list_from_iterable(r);
    if (!l) return VNULL;
    if (list_sort(l, VNULL, false) < 0) return VNULL;
    return l;
}
