/* collections.c - the _collections module: defaultdict, _count_elements, _tuplegetter (deque, OrderedDict in collections_*.c). */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/misc.h"
#include "../objects/module.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"
#include "collections.h"

/*
 * collections/__init__.py imports deque, defaultdict, OrderedDict,
 * _count_elements and _tuplegetter from here, so its pure-Python
 * OrderedDict is only a fallback.
 */

/* ---- defaultdict ---- */

typedef struct DefaultDictObject {
    DictObject dict;
    Value default_factory;   /* VNULL or None: no factory */
} DefaultDictObject;

#define DD(v) ((DefaultDictObject *)(v))

Type type_defaultdict;

static void defdict_trace(Object *o) {
    type_dict.trace(o);
    gc_mark(DD(obj_val(o))->default_factory);
}

static int defdict_init(Value self, Value *args, size_t nargs, Value kw) {
    Value factory = VNULL;
    if (nargs > 0) {
        factory = args[0];
        if (factory != VNone && !val_type(factory)->call) {
            err_set(&exc_TypeError, "first argument must be callable or None");
            return -1;
        }
    }
    GC_WRITE(self, DD(self)->default_factory, factory);
    /* The rest (and the keywords, which follow the positional values) go to dict.__init__. */
    return type_dict.init(self, nargs ? args + 1 : args, nargs ? nargs - 1 : 0, kw);
}

static Value defdict_missing(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("defaultdict.__missing__", kw) < 0 || arg_count("defaultdict.__missing__", nargs, 1, 1) < 0)
        return VNULL;
    Value factory = DD(self)->default_factory, key = args[0];
    if (!factory || factory == VNone) {
        Value t = tuple_pack(1, key);
        if (t) err_set_args(&exc_KeyError, t);
        return VNULL;
    }
    Value v = obj_call0(factory);
    if (!v) return VNULL;
    return obj_setitem(self, key, v) < 0 ? VNULL : v;
}

static Value defdict_repr(Value self) {
    /* dict's repr, with CPython's order of checks: a dict already being
     * printed is "{...}" even when it is empty. */
    int inside = list_repr_enter(self);
    if (inside < 0) return VNULL;
    Value base;
    if (inside > 0) {
        base = str_from_cstr("{...}");
    } else {
        list_repr_leave(self);
        base = type_dict.repr(self);
    }
    if (!base) return VNULL;
    Value factory = DD(self)->default_factory, frepr;
    if (!factory) {
        frepr = str_from_cstr("None");
    } else {
        int rec = list_repr_enter(factory);
        if (rec < 0) return VNULL;
        if (rec > 0) {
            frepr = str_from_cstr("...");
        } else {
            frepr = obj_repr(factory);
            list_repr_leave(factory);
        }
    }
    if (!frepr) return VNULL;
    const char *name = val_type(self)->name, *dot = strrchr(name, '.');
    return str_printf("%s(%U, %U)", dot ? dot + 1 : name, frepr, base);
}

/* type(dd)(factory, arg): how copy() and | build a new defaultdict. */
static Value defdict_like(Value self, Value arg) {
    Value f = DD(self)->default_factory;
    return obj_call2(obj_val(val_type(self)), f ? f : VNone, arg);
}

static Value defdict_copy(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("defaultdict.copy", nargs, 0, 0) < 0) return VNULL;
    return defdict_like(self, self);
}

static Value defdict_reduce(Value self, Value *args, size_t nargs, Value kw) {
    Value f = DD(self)->default_factory;
    Value a = !f || f == VNone ? tuple_empty() : tuple_pack(1, f);
    Value items = obj_call_method(self, "items", NULL, 0);
    Value it = items ? obj_iter(items) : VNULL;
    if (!a || !it) return VNULL;
    return tuple_pack(5, obj_val(val_type(self)), a, VNone, VNone, it);
}

static Value defdict_or(Value left, Value right) {
    Value self = val_isinstance(left, &type_defaultdict) ? left : right;
    Value other = self == left ? right : left;
    if (!dict_check(other)) return VNotImplemented;
    Value n = defdict_like(self, left);
    if (!n || dict_update(n, right) < 0) return VNULL;
    return n;
}

static const MethodDef defdict_methods[] = {
    {"__missing__", defdict_missing, 0,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
     "  if self.default_factory is None: raise KeyError((key,))\n"
     "  self[key] = value = self.default_factory()\n  return value\n"},
    {"copy", defdict_copy, 0, "D.copy() -> a shallow copy of D."},
    {"__copy__", defdict_copy, 0, "D.copy() -> a shallow copy of D."},
    {"__reduce__", defdict_reduce, 0, "Return state information for pickling."},
    {"__class_getitem__", generic_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL},
};

static Value defdict_get_factory(Value self) {
    Value f = DD(self)->default_factory;
    return f ? f : VNone;
}
static int defdict_set_factory(Value self, Value v) {
    GC_WRITE(self, DD(self)->default_factory, v);
    return 0;
}
static const GetSetDef defdict_getsets[] = {
    {"default_factory", defdict_get_factory, defdict_set_factory, "Factory for default value called by __missing__()."},
    {NULL},
};

Type type_defaultdict = {
    .hdr = {0, &type_type},
    .name = "collections.defaultdict",
    .basicsize = sizeof(DefaultDictObject),
    .flags = TF_BASETYPE,
    .base = &type_dict,
    .trace = defdict_trace,
    .init = defdict_init,
    .repr = defdict_repr,
    .nb = {[BINOP_OR] = defdict_or},
    .methods = defdict_methods,
    .getsets = defdict_getsets,
    .doc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
           "The default factory is called without arguments to produce\n"
           "a new value when a key is not present, in __getitem__ only.\n"
           "A defaultdict compares equal to a dict with the same items.\n"
           "All remaining arguments are treated the same as if they were\n"
           "passed to the dict constructor, including keyword arguments.\n",
};

/* ---- _count_elements ---- */

/* Counter's inner loop: mapping[k] = mapping.get(k, 0) + 1 for each k. */
static Value count_elements_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_count_elements", kw) < 0 || dm_positional("_count_elements", nargs, 2, 2) < 0) return VNULL;
    Value mapping = args[0];
    Value it = obj_iter(args[1]);
    if (!it) return VNULL;
    Type *mt = val_type(mapping);
    Value one = val_from_int(1);
    /* The dict fast path only when get() and __setitem__ are dict's own. */
    if (dict_check(mapping) && type_lookup_cstr(mt, "get") == type_lookup_cstr(&type_dict, "get") &&
        type_lookup_cstr(mt, "__setitem__") == type_lookup_cstr(&type_dict, "__setitem__")) {
        for (;;) {
            Value key = obj_next(it);
            if (!key) break;
            Value old = dict_get(mapping, key);
            if (!old) {
                if (err_occurred()) return VNULL;
                if (dict_set(mapping, key, one) < 0) return VNULL;
            } else {
                Value n = num_binop(old, one, BINOP_ADD);
                if (!n || dict_set(mapping, key, n) < 0) return VNULL;
            }
        }
    } else {
        Value get = obj_getattr_cstr(mapping, "get");
        if (!get) return VNULL;
        for (;;) {
            Value key = obj_next(it);
            if (!key) break;
            Value old = obj_call2(get, key, val_from_int(0));
            if (!old) return VNULL;
            Value n = num_binop(old, one, BINOP_ADD);
            if (!n || obj_setitem(mapping, key, n) < 0) return VNULL;
        }
    }
    return err_occurred() ? VNULL : VNone;
}

/* ---- _tuplegetter: namedtuple's field descriptors ---- */

typedef struct TupleGetterObject {
    Object hdr;
    ssize_t index;
    Value doc;
} TupleGetterObject;

Type type_tuplegetter;

static void tuplegetter_trace(Object *o) { gc_mark(((TupleGetterObject *)o)->doc); }

static Value tuplegetter_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_tuplegetter", kw) < 0 || dm_positional("_tuplegetter", nargs, 2, 2) < 0) return VNULL;
    ssize_t index;
    if (dm_ssize(args[0], &index) < 0) return VNULL;
    TupleGetterObject *g = (TupleGetterObject *)type_generic_alloc(t, 0);
    if (!g) return VNULL;
    g->index = index;
    g->doc = args[1];
    return obj_val(g);
}

static Value tuplegetter_get(Value self, Value obj, Value type) {
    TupleGetterObject *g = (TupleGetterObject *)self;
    if (!obj || obj == VNone) return self;
    if (!tuple_check(obj)) {
        err_format(&exc_TypeError, "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                   g->index, type_name(obj));
        return VNULL;
    }
    if (g->index < 0 || g->index >= tuple_size(obj)) {
        err_set(&exc_IndexError, "tuple index out of range");
        return VNULL;
    }
    return tuple_get(obj, g->index);
}

static int tuplegetter_set(Value self, Value obj, Value v) {
    err_set(&exc_AttributeError, v ? "can't set attribute" : "can't delete attribute");
    return -1;
}

static Value tuplegetter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    TupleGetterObject *g = (TupleGetterObject *)self;
    Value a = tuple_pack(2, int_from_i64(g->index), g->doc);
    return a ? tuple_pack(2, obj_val(val_type(self)), a) : VNULL;
}

static const MethodDef tuplegetter_methods[] = {
    {"__reduce__", tuplegetter_reduce, 0, NULL},
    {NULL},
};

static const MemberDef tuplegetter_members[] = {
    {"__doc__", MEMBER_VALUE, offsetof(TupleGetterObject, doc)},
    {NULL},
};

Type type_tuplegetter = {
    .hdr = {0, &type_type},
    .name = "_collections._tuplegetter",
    .basicsize = sizeof(TupleGetterObject),
    .flags = TF_BASETYPE,
    .trace = tuplegetter_trace,
    .new = tuplegetter_new,
    .descr_get = tuplegetter_get,
    .descr_set = tuplegetter_set,
    .methods = tuplegetter_methods,
    .members = tuplegetter_members,
};

/* ---- The module ---- */

static const MethodDef collections_functions[] = {
    {"_count_elements", count_elements_m, 0, "Count elements in the iterable, updating the mapping"},
    {NULL},
};

Value collections_module_init(void) {
    Value m = module_new_cstr("_collections");
    if (!m || module_add_functions(m, collections_functions) < 0) return VNULL;
    odict_ready_types();
    struct { const char *name; Type *t; } types[] = {
        {"deque", &type_deque}, {"defaultdict", &type_defaultdict}, {"_tuplegetter", &type_tuplegetter},
        {"OrderedDict", &type_odict},
        {"_deque_iterator", &type_deque_iter}, {"_deque_reverse_iterator", &type_deque_reviter},
    };
    for (size_t i = 0; i < ARRAY_LEN(types); i++) {
        type_ready(types[i].t);
        if (module_add(m, types[i].name, obj_val(types[i].t)) < 0) return VNULL;
    }
    if (module_add(m, "__doc__", str_from_cstr(
            "High performance data structures.\n"
            "- deque:        ordered collection accessible from endpoints only\n"
            "- defaultdict:  dict subclass with a default value factory\n")) < 0)
        return VNULL;
    return m;
}
