/* weakref.c - the _weakref module: weak references, proxies, and which objects may be weakly referenced. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "weakref.h"

#include <stdlib.h>
#include "../vm/error.h"

/*
 * A weakref holds its referent in a field the trace function does not
 * mark (the collector clears it; see src/gc/finalize.c, which relies on
 * `referent` and `callback` being the first two fields).  The basic,
 * callback-less ref of an object is remembered in the object's GC side
 * slot so ref(x) is ref(x), as in CPython.
 */
typedef struct WeakRefObject {
    Object hdr;
    Value referent;   /* VNULL once the referent is gone */
    Value callback;
    hash_t hash;      /* -1 until computed */
} WeakRefObject;
_Static_assert(offsetof(WeakRefObject, referent) == 2 * sizeof(Value), "weakref_get() in weakref.h");

Type type_weakref, type_weakproxy, type_weakcallableproxy;

extern int gc_register_weakref(Object *wr);
extern size_t gc_weakrefs_to(Value referent, Object **out, size_t max);

static void weakref_trace(Object *o) { gc_mark(((WeakRefObject *)o)->callback); }

/* Builtin types whose instances may be weakly referenced (CPython's tp_weaklistoffset != 0). */
static bool builtin_allows_weakref(Type *t) {
    extern Type type_set, type_frozenset, type_module, type_code, type_function, type_method,
        type_builtin_function, type_generator, type_coroutine, type_async_generator, type_property,
        type_object, type_str;
    extern Type type_memoryview __attribute__((weak));
    if (t == &type_object) return false;
    if (t->flags & TF_WEAKREFABLE) return true;
    if (&type_memoryview && t == &type_memoryview) return true;
    return t == &type_type || t == &type_set || t == &type_frozenset || t == &type_module || t == &type_code ||
           t == &type_function || t == &type_method || t == &type_builtin_function || t == &type_generator ||
           t == &type_coroutine || t == &type_async_generator || t == &type_weakref || t == &type_property;
}

/* A class gets __weakref__ unless it (and every class between it and its
 * builtin base) defined __slots__ without '__weakref__', or its builtin base
 * is variable-size (int, tuple, bytes; str is the exception). */
bool weakref_allowed(Value v) {
    if (val_is_int(v)) return false;
    Type *t = val_type(v);
    Type *b = t;
    while (b->flags & TF_HEAPTYPE) {
        Value slots = dict_get_cstr(b->dict, "__slots__");
        if (!slots) {
            Type *builtin = b->base;
            while (builtin->flags & TF_HEAPTYPE) builtin = builtin->base;
            return !builtin->itemsize || (builtin->flags & TF_STR_SUBCLASS) || builtin_allows_weakref(builtin);
        }
        Value it = obj_iter(str_check(slots) ? tuple_pack(1, slots) : slots);
        if (!it) {
            err_clear();
            return false;
        }
        Value x;
        while ((x = obj_next(it)))
            if (str_check(x) && str_eq_cstr(x, "__weakref__")) return true;
        err_clear();
        b = b->base;
    }
    return builtin_allows_weakref(b) || (b->flags & TF_TYPE_SUBCLASS);
}

static Value make_ref(Type *t, Value ob, Value callback) {
    if (!weakref_allowed(ob)) {
        err_format(&exc_TypeError, "cannot create weak reference to '%s' object", type_name(ob));
        return VNULL;
    }
    if (callback == VNone) callback = VNULL;
    bool basic = t == &type_weakref && !callback;
    /* Instances that keep attributes in their side slot (instance.h) cannot cache the basic ref there. */
    void **slot = gc_is_heap_pointer((void *)ob) && val_type(ob)->attrs_offset != (size_t)1
                      ? gc_side_slot(val_obj(ob)) : NULL;
    if (basic && slot && *slot) return obj_val(*slot);
    WeakRefObject *w = (WeakRefObject *)type_generic_alloc(t, 0);
    if (!w) return VNULL;
    w->referent = ob;
    w->callback = callback;
    w->hash = -1;
    if (gc_register_weakref(&w->hdr) < 0) {
        err_no_memory();
        return VNULL;
    }
    if (basic && slot) *slot = w;
    return obj_val(w);
}

Value weakref_new_basic(Value ob) {
    if (!(type_weakref.flags & TF_READY)) type_ready(&type_weakref);
    return make_ref(&type_weakref, ob, VNULL);
}

static Value weakref_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (nargs < 1 || nargs > 2) {
        err_format(&exc_TypeError, "__new__ expected at most 2 arguments, got %zu", nargs);
        return VNULL;
    }
    return make_ref(t, args[0], nargs > 1 ? args[1] : VNULL);
}

static int weakref_init(Value self, Value *args, size_t nargs, Value kwnames) { return 0; }

static Value weakref_call(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("weakref", kwnames) < 0 || arg_count("weakref", nargs, 0, 0) < 0) return VNULL;
    Value r = ((WeakRefObject *)self)->referent;
    return r ? r : VNone;
}

static hash_t weakref_hash(Value self) {
    WeakRefObject *w = (WeakRefObject *)self;
    if (w->hash != -1) return w->hash;
    if (!w->referent) {
        err_set(&exc_TypeError, "weak object has gone away");
        return -1;
    }
    hash_t h = obj_hash(w->referent);
    if (h != -1) w->hash = h;
    return h;
}

static Value weakref_richcompare(Value a, Value b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || !val_isinstance(b, &type_weakref)) return VNotImplemented;
    Value ra = ((WeakRefObject *)a)->referent, rb = ((WeakRefObject *)b)->referent;
    if (!ra || !rb) return val_bool((a == b) == (op == CMP_EQ));
    return obj_richcompare(ra, rb, op);
}

static Value weakref_repr(Value self) {
    Value r = ((WeakRefObject *)self)->referent;
    if (!r) return str_printf("<weakref at %p; dead>", (void *)self);
    Value name = obj_getattr_opt(r, str_intern_cstr("__name__"));
    if (!name) err_clear();
    if (name && str_check(name))
        return str_printf("<weakref at %p; to '%s' at %p (%U)>", (void *)self, type_name(r), (void *)r, name);
    return str_printf("<weakref at %p; to '%s' at %p>", (void *)self, type_name(r), (void *)r);
}

static Value weakref_get_callback(Value self) {
    Value c = ((WeakRefObject *)self)->callback;
    return c ? c : VNone;
}

static const GetSetDef weakref_getsets[] = {
    {"__callback__", weakref_get_callback, NULL, NULL},
    {NULL}
};

static Value weakref_class_getitem(Value cls, Value *args, size_t nargs, Value kw) {
    extern Value generic_class_getitem(Value cls, Value *args, size_t nargs, Value kw);
    return generic_class_getitem(cls, args, nargs, kw);
}

static const MethodDef weakref_methods[] = {
    {"__class_getitem__", weakref_class_getitem, METH_CLASS, NULL},
    {NULL}
};

Type type_weakref = {
    .hdr = {0, &type_type},
    .name = "weakref.ReferenceType",
    .basicsize = sizeof(WeakRefObject),
    .flags = TF_BASETYPE,
    .trace = weakref_trace,
    .new = weakref_new,
    .init = weakref_init,
    .call = weakref_call,
    .hash = weakref_hash,
    .richcompare = weakref_richcompare,
    .repr = weakref_repr,
    .getsets = weakref_getsets,
    .methods = weakref_methods,
};

/* ---- Proxies: every operation goes to the referent ---- */

static Value proxy_referent(Value self) {
    Value r = ((WeakRefObject *)self)->referent;
    if (!r) err_set(&exc_ReferenceError, "weakly-referenced object no longer exists");
    return r;
}

#define PROXY_UNARY(fn, op)                               \
    static Value fn(Value self) {                         \
        Value r = proxy_referent(self);                   \
        return r ? op(r) : VNULL;                         \
    }
PROXY_UNARY(proxy_str, obj_str)
PROXY_UNARY(proxy_neg, num_neg)
PROXY_UNARY(proxy_pos, num_pos)
PROXY_UNARY(proxy_abs, num_abs)
PROXY_UNARY(proxy_invert, num_invert)
PROXY_UNARY(proxy_index, num_index)
PROXY_UNARY(proxy_int, num_int)
PROXY_UNARY(proxy_float, num_float)
PROXY_UNARY(proxy_iter, obj_iter)

static Value proxy_iternext(Value self) {
    Value r = proxy_referent(self);
    return r ? obj_next(r) : VNULL;
}

static Value unwrap(Value v) {
    if (!val_is_int(v) && (val_type(v) == &type_weakproxy || val_type(v) == &type_weakcallableproxy))
        return proxy_referent(v);
    return v;
}

static Value proxy_binop(Value a, Value b, int op) {
    a = unwrap(a);
    if (!a) return VNULL;
    b = unwrap(b);
    if (!b) return VNULL;
    return num_binop(a, b, op);
}

#define BINOP(NAME, slot, d, r, i, sym) \
    static Value proxy_nb_##slot(Value a, Value b) { return proxy_binop(a, b, BINOP_##NAME); }
#include "../objects/binops.def"
#undef BINOP

static Value proxy_repr(Value self) {
    Value r = ((WeakRefObject *)self)->referent;
    if (!r) return str_printf("<weakproxy at %p; dead>", (void *)self);
    return str_printf("<weakproxy at %p; to '%s' at %p>", (void *)self, type_name(r), (void *)r);
}

static Value proxy_getattr(Value self, Value name) {
    Value r = proxy_referent(self);
    return r ? obj_getattr(r, name) : VNULL;
}

static int proxy_setattr(Value self, Value name, Value v) {
    Value r = proxy_referent(self);
    return r ? obj_setattr(r, name, v) : -1;
}

static Value proxy_richcompare(Value a, Value b, int op) {
    a = unwrap(a);
    if (!a) return VNULL;
    b = unwrap(b);
    if (!b) return VNULL;
    return obj_richcompare(a, b, op);
}

static int proxy_bool(Value self) {
    Value r = proxy_referent(self);
    return r ? obj_is_true(r) : -1;
}

static ssize_t proxy_len(Value self) {
    Value r = proxy_referent(self);
    return r ? obj_len(r) : -1;
}

static Value proxy_getitem(Value self, Value k) {
    Value r = proxy_referent(self);
    return r ? obj_getitem(r, k) : VNULL;
}

static int proxy_setitem(Value self, Value k, Value v) {
    Value r = proxy_referent(self);
    if (!r) return -1;
    return v ? obj_setitem(r, k, v) : obj_delitem(r, k);
}

static int proxy_contains(Value self, Value v) {
    Value r = proxy_referent(self);
    return r ? obj_contains(r, v) : -1;
}

static Value proxy_call(Value self, Value *args, size_t nargs, Value kwnames) {
    Value r = proxy_referent(self);
    return r ? obj_call(r, args, nargs, kwnames) : VNULL;
}

static Value proxy_bytes_m(Value self, Value *args, size_t nargs, Value kw) {
    extern Type type_bytes;
    Value r = proxy_referent(self);
    return r ? obj_call1(obj_val(&type_bytes), r) : VNULL;
}

static Value proxy_reversed_m(Value self, Value *args, size_t nargs, Value kw) {
    Value r = proxy_referent(self);
    return r ? obj_call_method(r, "__reversed__", NULL, 0) : VNULL;
}

static const MethodDef proxy_methods[] = {
    {"__bytes__", proxy_bytes_m, 0, NULL},
    {"__reversed__", proxy_reversed_m, 0, NULL},
    {NULL}
};

#define PROXY_SLOTS                                                                          \
    .basicsize = sizeof(WeakRefObject), .trace = weakref_trace, .repr = proxy_repr,         \
    .str = proxy_str, .hash = obj_hash_unhashable, .richcompare = proxy_richcompare,         \
    .getattr = proxy_getattr, .setattr = proxy_setattr, .iter = proxy_iter,                  \
    .iternext = proxy_iternext, .nb_neg = proxy_neg, .nb_pos = proxy_pos,                    \
    .nb_abs = proxy_abs, .nb_invert = proxy_invert, .nb_bool = proxy_bool,                   \
    .nb_int = proxy_int, .nb_float = proxy_float, .nb_index = proxy_index, .len = proxy_len,  \
    .getitem = proxy_getitem, .setitem = proxy_setitem, .contains = proxy_contains,          \
    .methods = proxy_methods,                                                                \
    .nb = {                                                                                  \
        [BINOP_ADD] = proxy_nb_add, [BINOP_AND] = proxy_nb_and,                              \
        [BINOP_FLOORDIV] = proxy_nb_floordiv, [BINOP_LSHIFT] = proxy_nb_lshift,              \
        [BINOP_MATMUL] = proxy_nb_matmul, [BINOP_MUL] = proxy_nb_mul,                        \
        [BINOP_MOD] = proxy_nb_mod, [BINOP_OR] = proxy_nb_or, [BINOP_POW] = proxy_nb_pow,    \
        [BINOP_RSHIFT] = proxy_nb_rshift, [BINOP_SUB] = proxy_nb_sub,                        \
        [BINOP_TRUEDIV] = proxy_nb_truediv, [BINOP_XOR] = proxy_nb_xor,                      \
    }

Type type_weakproxy = {
    .hdr = {0, &type_type},
    .name = "weakref.ProxyType",
    PROXY_SLOTS,
};

Type type_weakcallableproxy = {
    .hdr = {0, &type_type},
    .name = "weakref.CallableProxyType",
    .call = proxy_call,
    PROXY_SLOTS,
};

/* ---- The module ---- */

static Value proxy_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("proxy", nargs, 1, 2) < 0) return VNULL;
    Value ob = args[0];
    Type *t = val_type(ob)->call ? &type_weakcallableproxy : &type_weakproxy;
    return make_ref(t, ob, nargs > 1 ? args[1] : VNULL);
}

static Value getweakrefcount_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("getweakrefcount", nargs, 1, 1) < 0) return VNULL;
    return int_from_i64((int64_t)gc_weakrefs_to(args[0], NULL, 0));
}

static Value getweakrefs_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("getweakrefs", nargs, 1, 1) < 0) return VNULL;
    size_t n = gc_weakrefs_to(args[0], NULL, 0);
    Object **buf = n ? malloc(n * sizeof *buf) : NULL;
    if (n && !buf) {
        err_no_memory();
        return VNULL;
    }
    gc_weakrefs_to(args[0], buf, n);
    Value l = list_new(n);
    for (size_t i = 0; l && i < n; i++) list_append(l, obj_val(buf[i]));
    free(buf);
    return l;
}

/* Delete key from a dict only if its value is a dead weakref (WeakValueDictionary). */
static Value remove_dead_weakref_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("_remove_dead_weakref", nargs, 2, 2) < 0) return VNULL;
    if (!dict_check(args[0])) {
        err_set(&exc_TypeError, "not a dict");
        return VNULL;
    }
    Value v = dict_get(args[0], args[1]);
    if (!v) {
        if (err_occurred()) return VNULL;
        return VNone;
    }
    if (val_isinstance(v, &type_weakref) && !((WeakRefObject *)v)->referent) {
        if (dict_del(args[0], args[1]) < 0) {
            if (!err_matches(&exc_KeyError)) return VNULL;
            err_clear();
        }
    }
    return VNone;
}

static const MethodDef weakref_functions[] = {
    {"proxy", proxy_m, 0, "Create a proxy object that weakly references 'object'."},
    {"getweakrefcount", getweakrefcount_m, 0, "Return the number of weak references to 'object'."},
    {"getweakrefs", getweakrefs_m, 0, "Return a list of all weak reference objects pointing to 'object'."},
    {"_remove_dead_weakref", remove_dead_weakref_m, 0, "Atomically remove key from dict if it points to a dead weakref."},
    {NULL}
};

Value weakref_module_init(void) {
    type_ready(&type_weakref);
    type_ready(&type_weakproxy);
    type_ready(&type_weakcallableproxy);
    Value m = module_new_cstr("_weakref");
    if (!m || module_add_functions(m, weakref_functions) < 0) return VNULL;
    module_add(m, "ref", obj_val(&type_weakref));
    module_add(m, "ReferenceType", obj_val(&type_weakref));
    module_add(m, "ProxyType", obj_val(&type_weakproxy));
    module_add(m, "CallableProxyType", obj_val(&type_weakcallableproxy));
    return m;
}
