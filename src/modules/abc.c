/* abc.c - the _abc module: abc.ABCMeta's registry, caches and isinstance/issubclass checks in C. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/set.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/misc.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "datamod.h"
#include "weakref.h"

/*
 * Every ABC has an `_abc_impl` (an _abc_data) with three weak sets of
 * classes: those registered with register(), a positive cache and a
 * negative cache of issubclass() answers.  The algorithm and the order of
 * calls into Python (__subclasshook__, __subclasses__, nested issubclass)
 * are CPython's (Modules/_abc.c); `abc.py` supplies ABCMeta around them.
 *
 * isinstance(x, collections.abc.Mapping) runs through here on every call,
 * so the weak sets are not Python sets of weakrefs but open-addressing
 * tables keyed by the class's address.  Each slot holds the class's basic
 * weakref (shared with weakref.ref(cls), so it costs nothing extra); a
 * lookup hashes the address and compares it with the referent.  A slot
 * whose class has died reads as VNULL through its weakref and is skipped,
 * like a deleted entry, until the table is next rebuilt: no callbacks and
 * no false hits (a new object at a dead one's address does not match,
 * because the collector cleared the referent when it freed the old one).
 */

typedef struct WeakSet {
    Value *slots;     /* weakrefs in a GC array; VNULL: empty */
    size_t cap;       /* 0 or a power of two */
    size_t fill;      /* non-empty slots, live or dead */
} WeakSet;

typedef struct AbcData {
    Object hdr;
    WeakSet registry, cache, negative;
    uint64_t negative_version;
} AbcData;

Type type_abc_data;

/* Bumped by every register(): negative caches older than it are stale. */
static uint64_t invalidation_counter;
static Value object_class_descr;

static void weakset_trace(WeakSet *ws) {
    if (ws->slots) gc_mark(obj_val(container_of(ws->slots, ArrayObject, items)));
}

static void abc_data_trace(Object *o) {
    AbcData *d = (AbcData *)o;
    weakset_trace(&d->registry);
    weakset_trace(&d->cache);
    weakset_trace(&d->negative);
}

static inline size_t addr_hash(Value key) { return (size_t)((((uint64_t)key >> 3) * 0x9E3779B97F4A7C15ull) >> 24); }

static bool weakset_contains(const WeakSet *ws, Value key) {
    if (!ws->cap) return false;
    size_t mask = ws->cap - 1;
    for (size_t i = addr_hash(key) & mask;; i = (i + 1) & mask) {
        Value e = ws->slots[i];
        if (!e) return false;
        if (weakref_get(e) == key) return true;
    }
}

static void weakset_clear(WeakSet *ws) {
    ws->slots = NULL;
    ws->cap = 0;
    ws->fill = 0;
}

static void weakset_put(Value *slots, size_t cap, Value wr, Value key) {
    size_t mask = cap - 1;
    size_t i = addr_hash(key) & mask;
    while (slots[i] && weakref_get(slots[i])) i = (i + 1) & mask;
    slots[i] = wr;
}

static int weakset_add(AbcData *owner, WeakSet *ws, Value key) {
    if (weakset_contains(ws, key)) return 0;
    Value wr = weakref_new_basic(key);
    if (!wr) return -1;
    if ((ws->fill + 1) * 4 >= ws->cap * 3) {
        size_t live = 0;
        for (size_t i = 0; i < ws->cap; i++)
            if (ws->slots[i] && weakref_get(ws->slots[i])) live++;
        size_t cap = 8;
        while (cap < (live + 1) * 2) cap *= 2;
        Value *slots = array_alloc(cap);
        if (!slots) return -1;
        for (size_t i = 0; i < ws->cap; i++) {
            Value e = ws->slots[i];
            Value k = e ? weakref_get(e) : VNULL;
            if (k) weakset_put(slots, cap, e, k);
        }
        GC_WRITE(owner, ws->slots, slots);
        ws->cap = cap;
        ws->fill = live;
    }
    /* key is absent: the first empty or dead slot on its probe path is its place. */
    size_t mask = ws->cap - 1;
    size_t i = addr_hash(key) & mask;
    while (ws->slots[i] && weakref_get(ws->slots[i])) i = (i + 1) & mask;
    if (!ws->slots[i]) ws->fill++;
    GC_WRITE(owner, ws->slots[i], wr);
    return 0;
}

/* The live weakrefs as a list (a snapshot: callers may run Python code). */
static Value weakset_refs(const WeakSet *ws) {
    Value l = list_new(0);
    if (!l) return VNULL;
    for (size_t i = 0; i < ws->cap; i++) {
        Value e = ws->slots[i];
        if (e && weakref_get(e) && list_append(l, e) < 0) return VNULL;
    }
    return l;
}

static Value abc_data_new(Type *t, Value *args, size_t nargs, Value kw) {
    AbcData *d = gc_alloc(&type_abc_data, sizeof(AbcData));
    if (!d) return VNULL;
    d->negative_version = invalidation_counter;
    return obj_val(d);
}

Type type_abc_data = {
    .hdr = {0, &type_type},
    .name = "_abc._abc_data",
    .basicsize = sizeof(AbcData),
    .trace = abc_data_trace,
    .new = abc_data_new,
    .doc = "Internal state held by ABC machinery.",
};

/* ---- helpers ---- */

static Value id_abc_impl, id_class, id_subclasshook, id_subclasscheck, id_subclasses, id_dict, id_bases,
    id_abstractmethods, id_isabstractmethod;

static AbcData *get_impl(Value self) {
    Value impl = obj_getattr(self, id_abc_impl);
    if (!impl) return NULL;
    if (val_type(impl) != &type_abc_data) {
        err_set(&exc_TypeError, "_abc_impl is set to a wrong type");
        return NULL;
    }
    return (AbcData *)impl;
}

/* instance.__class__, without the attribute machinery when nothing can override it. */
static Value class_of(Value inst) {
    Type *t = val_type(inst);
    if ((!t->getattr || t->getattr == obj_generic_getattr) && type_lookup(t, id_class) == object_class_descr)
        return obj_val(t);
    return obj_getattr(inst, id_class);
}

static Value call_method1(Value self, Value name, Value arg) {
    Value m = obj_getattr(self, name);
    return m ? obj_call1(m, arg) : VNULL;
}

/* getattr(obj, name, None) is true: 1, 0, -1. */
static int is_abstract(Value v) {
    Value a = obj_getattr(v, id_isabstractmethod);
    if (!a) {
        if (!err_matches(&exc_AttributeError)) return -1;
        err_clear();
        return 0;
    }
    return obj_is_true(a);
}

/* Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING on a registered class and its subclasses. */
static void set_collection_flag_recursive(Type *t, uint32_t flag) {
    if (!(t->flags & TF_HEAPTYPE) || (t->flags & (TF_SEQUENCE | TF_MAPPING)) == flag) return;
    t->flags = (t->flags & ~(TF_SEQUENCE | TF_MAPPING)) | flag;
    if (!t->subclasses) return;
    for (ssize_t i = 0; i < list_size(t->subclasses); i++)
        set_collection_flag_recursive((Type *)list_get(t->subclasses, i), flag);
}

/* ---- the module functions ---- */

static int compute_abstract_methods(Value self) {
    Value abstracts = set_new(&type_set);
    if (!abstracts) return -1;
    /* Stage 1: abstract methods defined in the class itself. */
    Value ns = obj_getattr(self, id_dict);
    if (!ns) return -1;
    Value items = obj_call_method(ns, "items", NULL, 0);
    if (!items) return -1;
    Value it = obj_iter(items);
    if (!it) return -1;
    Value item;
    while ((item = obj_next(it))) {
        if (!tuple_check(item) || tuple_size(item) != 2) {
            err_set(&exc_TypeError, "items() returned item which is not a 2-tuple");
            return -1;
        }
        int r = is_abstract(tuple_get(item, 1));
        if (r < 0 || (r && set_add(abstracts, tuple_get(item, 0)) < 0)) return -1;
    }
    if (err_occurred()) return -1;
    /* Stage 2: inherited abstract methods not overridden concretely. */
    Value bases = obj_getattr(self, id_bases);
    if (!bases) return -1;
    if (!tuple_check(bases)) {
        err_set(&exc_TypeError, "__bases__ is not tuple");
        return -1;
    }
    for (ssize_t i = 0; i < tuple_size(bases); i++) {
        Value base_abstracts = obj_getattr(tuple_get(bases, i), id_abstractmethods);
        if (!base_abstracts) {
            if (!err_matches(&exc_AttributeError)) return -1;
            err_clear();
            continue;
        }
        Value bit = obj_iter(base_abstracts);
        if (!bit) return -1;
        Value key;
        while ((key = obj_next(bit))) {
            Value value = obj_getattr(self, key);
            if (!value) {
                if (!err_matches(&exc_AttributeError)) return -1;
                err_clear();
                continue;
            }
            int r = is_abstract(value);
            if (r < 0 || (r && set_add(abstracts, key) < 0)) return -1;
        }
        if (err_occurred()) return -1;
    }
    Value fs = set_from_iterable(&type_frozenset, abstracts);
    if (!fs) return -1;
    return obj_setattr(self, id_abstractmethods, fs);
}

static Value abc_init_m(Value mod, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_abc._abc_init", kw) < 0) return VNULL;
    if (nargs != 1) {
        err_format(&exc_TypeError, "_abc._abc_init() takes exactly one argument (%zu given)", nargs);
        return VNULL;
    }
    Value self = args[0];
    if (compute_abstract_methods(self) < 0) return VNULL;
    Value data = abc_data_new(&type_abc_data, NULL, 0, VNULL);
    if (!data || obj_setattr(self, id_abc_impl, data) < 0) return VNULL;
    if (type_check(self)) {
        /* type.c already turned a class-body __abc_tpflags__ into flags at
         * class creation; one set later on the class is honoured here. */
        Type *t = (Type *)self;
        Value flags = dict_get_cstr(t->dict, "__abc_tpflags__");
        if (flags) {
            if (int_check_exact(flags)) {
                int64_t val = int_as_i64(flags);
                if (val == -1 && err_occurred()) return VNULL;
                if ((val & (1 << 5)) && (val & (1 << 6))) {
                    err_set(&exc_TypeError,
                            "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
                    return VNULL;
                }
                if (val & (1 << 5)) t->flags |= TF_SEQUENCE;
                if (val & (1 << 6)) t->flags |= TF_MAPPING;
            }
            if (dict_del(t->dict, str_intern_cstr("__abc_tpflags__")) < 0) return VNULL;
            type_modified(t);
        }
    }
    return VNone;
}

static Value abc_register_m(Value mod, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_abc_register", kw) < 0 || dm_positional("_abc_register", nargs, 2, 2) < 0) return VNULL;
    Value self = args[0], subclass = args[1];
    if (!type_check(subclass)) {
        err_set(&exc_TypeError, "Can only register classes");
        return VNULL;
    }
    int r = obj_issubclass(subclass, self);
    if (r < 0) return VNULL;
    if (r > 0) return subclass;   /* already a subclass */
    /* Tested after "already a subclass", so X.register(X) is a no-op. */
    r = obj_issubclass(self, subclass);
    if (r < 0) return VNULL;
    if (r > 0) {
        err_set(&exc_RuntimeError, "Refusing to create an inheritance cycle");
        return VNULL;
    }
    AbcData *impl = get_impl(self);
    if (!impl || weakset_add(impl, &impl->registry, subclass) < 0) return VNULL;
    invalidation_counter++;
    if (type_check(self)) {
        uint32_t flag = ((Type *)self)->flags & (TF_SEQUENCE | TF_MAPPING);
        if (flag) set_collection_flag_recursive((Type *)subclass, flag);
    }
    return subclass;
}

static Value abc_instancecheck_m(Value mod, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_abc_instancecheck", kw) < 0 || dm_positional("_abc_instancecheck", nargs, 2, 2) < 0)
        return VNULL;
    Value self = args[0], instance = args[1];
    AbcData *impl = get_impl(self);
    if (!impl) return VNULL;
    Value subclass = class_of(instance);
    if (!subclass) return VNULL;
    if (weakset_contains(&impl->cache, subclass)) return VTrue;
    Value subtype = obj_val(val_type(instance));
    if (subtype == subclass) {
        if (impl->negative_version == invalidation_counter && weakset_contains(&impl->negative, subclass))
            return VFalse;
        return call_method1(self, id_subclasscheck, subclass);
    }
    Value r = call_method1(self, id_subclasscheck, subclass);
    if (!r) return VNULL;
    int t = obj_is_true(r);
    if (t < 0) return VNULL;
    if (t) return r;
    return call_method1(self, id_subclasscheck, subtype);
}

/* Step 5 of the subclass check: 1 with *result set, 0 to go on, -1 on error. */
static int check_registry(AbcData *impl, Value subclass, Value *result) {
    if (weakset_contains(&impl->registry, subclass)) {
        *result = VTrue;
        return 1;
    }
    if (!impl->registry.cap) return 0;
    Value refs = weakset_refs(&impl->registry);
    if (!refs) return -1;
    for (ssize_t i = 0; i < list_size(refs); i++) {
        Value rkey = weakref_get(list_get(refs, i));
        if (!rkey) continue;
        int r = obj_issubclass(subclass, rkey);
        if (r < 0) return -1;
        if (r > 0) {
            if (weakset_add(impl, &impl->cache, subclass) < 0) return -1;
            *result = VTrue;
            return 1;
        }
    }
    return 0;
}

static Value abc_subclasscheck_m(Value mod, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_abc_subclasscheck", kw) < 0 || dm_positional("_abc_subclasscheck", nargs, 2, 2) < 0)
        return VNULL;
    Value self = args[0], subclass = args[1];
    if (!type_check(subclass)) {
        err_set(&exc_TypeError, "issubclass() arg 1 must be a class");
        return VNULL;
    }
    AbcData *impl = get_impl(self);
    if (!impl) return VNULL;
    /* 1. The positive cache. */
    if (weakset_contains(&impl->cache, subclass)) return VTrue;
    /* 2. The negative cache, emptied when a register() happened since it was filled. */
    if (impl->negative_version < invalidation_counter) {
        weakset_clear(&impl->negative);
        impl->negative_version = invalidation_counter;
    } else if (weakset_contains(&impl->negative, subclass)) {
        return VFalse;
    }
    /* 3. The subclass hook. */
    Value ok = call_method1(self, id_subclasshook, subclass);
    if (!ok) return VNULL;
    if (ok == VTrue) {
        if (weakset_add(impl, &impl->cache, subclass) < 0) return VNULL;
        return VTrue;
    }
    if (ok == VFalse) {
        if (weakset_add(impl, &impl->negative, subclass) < 0) return VNULL;
        return VFalse;
    }
    if (ok != VNotImplemented) {
        err_set(&exc_AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
        return VNULL;
    }
    /* 4. A direct subclass. */
    Value mro = ((Type *)subclass)->mro;
    for (ssize_t i = 0; mro && i < tuple_size(mro); i++) {
        if (tuple_get(mro, i) == self) {
            if (weakset_add(impl, &impl->cache, subclass) < 0) return VNULL;
            return VTrue;
        }
    }
    /* 5. A subclass of a registered class. */
    Value result;
    int r = check_registry(impl, subclass, &result);
    if (r < 0) return VNULL;
    if (r > 0) return result;
    /* 6. A subclass of a subclass. */
    Value m = obj_getattr(self, id_subclasses);
    Value subclasses = m ? obj_call0(m) : VNULL;
    if (!subclasses) return VNULL;
    if (!list_check(subclasses)) {
        err_set(&exc_TypeError, "__subclasses__() must return a list");
        return VNULL;
    }
    for (ssize_t i = 0; i < list_size(subclasses); i++) {
        r = obj_issubclass(subclass, list_get(subclasses, i));
        if (r < 0) return VNULL;
        if (r > 0) {
            if (weakset_add(impl, &impl->cache, subclass) < 0) return VNULL;
            return VTrue;
        }
    }
    /* No dice: remember the answer. */
    if (weakset_add(impl, &impl->negative, subclass) < 0) return VNULL;
    return VFalse;
}

static Value one_arg(const char *name, size_t nargs, Value kw) {
    if (arg_no_kw(name, kw) < 0) return VNULL;
    if (nargs != 1) {
        err_format(&exc_TypeError, "%s() takes exactly one argument (%zu given)", name, nargs);
        return VNULL;
    }
    return VNone;
}

static Value get_dump_m(Value mod, Value *args, size_t nargs, Value kw) {
    if (!one_arg("_abc._get_dump", nargs, kw)) return VNULL;
    AbcData *impl = get_impl(args[0]);
    if (!impl) return VNULL;
    Value sets[3];
    const WeakSet *ws[3] = {&impl->registry, &impl->cache, &impl->negative};
    for (int i = 0; i < 3; i++) {
        Value refs = weakset_refs(ws[i]);
        if (!refs || !(sets[i] = set_from_iterable(&type_set, refs))) return VNULL;
    }
    Value ver = int_from_u64(impl->negative_version);
    if (!ver) return VNULL;
    return tuple_pack(4, sets[0], sets[1], sets[2], ver);
}

static Value reset_registry_m(Value mod, Value *args, size_t nargs, Value kw) {
    if (!one_arg("_abc._reset_registry", nargs, kw)) return VNULL;
    AbcData *impl = get_impl(args[0]);
    if (!impl) return VNULL;
    weakset_clear(&impl->registry);
    return VNone;
}

static Value reset_caches_m(Value mod, Value *args, size_t nargs, Value kw) {
    if (!one_arg("_abc._reset_caches", nargs, kw)) return VNULL;
    AbcData *impl = get_impl(args[0]);
    if (!impl) return VNULL;
    weakset_clear(&impl->cache);
    weakset_clear(&impl->negative);
    return VNone;
}

static Value get_cache_token_m(Value mod, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_abc.get_cache_token", kw) < 0) return VNULL;
    if (nargs) {
        err_format(&exc_TypeError, "_abc.get_cache_token() takes no arguments (%zu given)", nargs);
        return VNULL;
    }
    return int_from_u64(invalidation_counter);
}

static const MethodDef abc_functions[] = {
    {"get_cache_token", get_cache_token_m, 0,
     "Returns the current ABC cache token.\n\n"
     "The token is an opaque object (supporting equality testing) identifying the\n"
     "current version of the ABC cache for virtual subclasses. The token changes\n"
     "with every call to register() on any ABC."},
    {"_abc_init", abc_init_m, 0, "Internal ABC helper for class set-up. Should be never used outside abc module."},
    {"_reset_registry", reset_registry_m, 0,
     "Internal ABC helper to reset registry of a given class.\n\n"
     "Should be only used by refleak.py"},
    {"_reset_caches", reset_caches_m, 0,
     "Internal ABC helper to reset both caches of a given class.\n\n"
     "Should be only used by refleak.py"},
    {"_get_dump", get_dump_m, 0,
     "Internal ABC helper for cache and registry debugging.\n\n"
     "Return shallow copies of registry, of both caches, and\n"
     "negative cache version. Don't call this function directly,\n"
     "instead use ABC._dump_registry() for a nice repr."},
    {"_abc_register", abc_register_m, 0, "Internal ABC helper for subclasss registration. Should be never used outside abc module."},
    {"_abc_instancecheck", abc_instancecheck_m, 0, "Internal ABC helper for instance checks. Should be never used outside abc module."},
    {"_abc_subclasscheck", abc_subclasscheck_m, 0, "Internal ABC helper for subclasss checks. Should be never used outside abc module."},
    {NULL}
};

Value abc_module_init(void) {
    static const struct { Value *slot; const char *s; } ids[] = {
        {&id_abc_impl, "_abc_impl"}, {&id_class, "__class__"}, {&id_subclasshook, "__subclasshook__"},
        {&id_subclasscheck, "__subclasscheck__"}, {&id_subclasses, "__subclasses__"}, {&id_dict, "__dict__"},
        {&id_bases, "__bases__"}, {&id_abstractmethods, "__abstractmethods__"},
        {&id_isabstractmethod, "__isabstractmethod__"},
    };
    for (size_t i = 0; i < ARRAY_LEN(ids); i++) *ids[i].slot = str_intern_cstr(ids[i].s);
    object_class_descr = type_lookup(&type_object, id_class);
    gc_add_root(&object_class_descr);
    misc_ready_type(&type_abc_data);
    Value m = module_new_cstr("_abc");
    if (!m || module_add_functions(m, abc_functions) < 0) return VNULL;
    if (module_add(m, "_abc_data", obj_val(&type_abc_data)) < 0) return VNULL;
    if (module_add(m, "__doc__", str_from_cstr("Module contains faster C implementation of abc.ABCMeta")) < 0)
        return VNULL;
    return m;
}
