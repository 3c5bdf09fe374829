/* type.c - type and object: readying types, MRO lookup with a version-tagged cache, class creation, calls. */
#include "type.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "func.h"
#include "misc.h"
#include "instance.h"
#include "exceptions.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/frame.h"
#include "type_slots.h"

#include <stdio.h>
#include <stdlib.h>

/*
 * Version tags.  Every type has a nonzero version; any change to a type's
 * dict or bases gives it and all its subclasses fresh versions.  The
 * method cache below and the interpreter's inline caches key on
 * (version, name), so a hit needs no dict lookups at all.
 */
static uint32_t next_version = 1;

static uint32_t new_version(void) {
    uint32_t v = next_version++;
    if (next_version == 0) {
        /* Wrapped: versions will repeat, so no old entry may survive. */
        extern void type_cache_clear(void);
        next_version = 1;
        type_cache_clear();
    }
    return v;
}

#define MCACHE_SIZE 4096
typedef struct {
    uint64_t tag;   /* the cache epoch << 32 | the type's version */
    Value name;
    Value value;   /* VNULL: known absent */
} MCacheEntry;
static MCacheEntry mcache[MCACHE_SIZE];
static uint64_t mcache_epoch = 1;   /* emptying the cache moves to a new epoch */


void type_modified(Type *t) {
    t->version = new_version();
    if (t->subclasses) {
        Value l = t->subclasses;
        for (ssize_t i = 0; i < list_size(l); i++) type_modified((Type *)list_get(l, i));
    }
}

/* Lookups never raise: an error inside a dict lookup is dropped, and an
 * exception already pending when the lookup starts (a C function setting
 * attributes on the exception it is raising) is left as it was. */
static Value lookup_uncached_raw(Type *t, Value name);

static Value lookup_uncached(Type *t, Value name) {
    Value pending = err_fetch();
    Value v = lookup_uncached_raw(t, name);
    if (pending) err_restore(pending);
    else if (err_occurred()) err_clear();
    return v;
}

static Value lookup_uncached_raw(Type *t, Value name) {
    Value mro = t->mro;
    if (!mro) {
        for (Type *b = t; b; b = b->base) {
            if (!b->dict) continue;
            Value v = dict_get_str(b->dict, name);
            if (v) return v;
        }
        return VNULL;
    }
    ssize_t n = tuple_size(mro);
    for (ssize_t i = 0; i < n; i++) {
        Type *b = (Type *)tuple_get(mro, i);
        Value v = str_check_exact(name) ? dict_get_str(b->dict, name) : dict_get(b->dict, name);
        if (v) return v;
    }
    return VNULL;
}

Value type_lookup(Type *t, Value name) {
    uintptr_t h = ((uintptr_t)name >> 4) ^ (t->version * 2654435761u);
    MCacheEntry *e = &mcache[h & (MCACHE_SIZE - 1)];
    uint64_t tag = mcache_epoch << 32 | t->version;
    if (e->tag == tag && e->name == name && t->version) return e->value;
    Value v = lookup_uncached(t, name);
    if (str_check_exact(name)) {
        e->tag = tag;
        e->name = name;
        e->value = v;
    }
    return v;
}

/* C callers mostly pass string literals, whose addresses are stable:
 * remember the interned str for each address so the lookup need not hash
 * the text and probe the intern table. */
Value intern_cstr_cached(const char *name) {
    static struct { const char *key; Value v; } cache[512];
    size_t h = ((uintptr_t)name >> 3) & 511;
    /* The text is compared too, in case a caller passed a reused buffer. */
    if (cache[h].key == name && strcmp(str_data(cache[h].v), name) == 0) return cache[h].v;
    Value n = str_intern_cstr(name);   /* interned strings live forever */
    if (n) {
        cache[h].key = name;
        cache[h].v = n;
    }
    return n;
}

Value type_lookup_cstr(Type *t, const char *name) {
    Value n = intern_cstr_cached(name);
    return n ? type_lookup(t, n) : VNULL;
}

/* The method cache holds Values in static memory that the GC does not
 * see.  Every entry is also reachable from a type dict while it is valid,
 * but a dead name's address could be reused by another string, so the
 * cache is emptied before each collection instead of being traced. */
static void mcache_clear(void) {
    /* A new epoch empties it without touching its 96 KiB (collections
     * can be frequent); entries keep stale Values, never read again. */
    if (++mcache_epoch == (1u << 31)) {
        memset(mcache, 0, sizeof mcache);
        mcache_epoch = 1;
    }
}
void type_cache_clear(void) { mcache_clear(); }

/* ---- Readying static types ---- */

static void add_to_dict(Type *t, const char *name, Value v) {
    Value key = str_intern_cstr(name);
    if (!key || !v || dict_set(t->dict, key, v) < 0) {
        fprintf(stderr, "taipan: cannot initialise type %s\n", t->name);
        abort();
    }
}

static void inherit_slots(Type *t, Type *b) {
#define INHERIT(f) if (!t->f) t->f = b->f
    INHERIT(trace); INHERIT(finalize);
    INHERIT(new); INHERIT(init); INHERIT(call);
    INHERIT(repr); INHERIT(str);
    if (!t->hash && !t->richcompare) {
        t->hash = b->hash;
        t->richcompare = b->richcompare;
    }
    INHERIT(getattr); INHERIT(setattr);
    INHERIT(descr_get); INHERIT(descr_set);
    INHERIT(iter); INHERIT(iternext);
    for (int i = 0; i < BINOP__COUNT; i++) {
        INHERIT(nb[i]);
        INHERIT(nb_inplace[i]);
    }
    INHERIT(nb_divmod); INHERIT(nb_pow3);
    INHERIT(nb_neg); INHERIT(nb_pos); INHERIT(nb_abs); INHERIT(nb_invert);
    INHERIT(nb_bool); INHERIT(nb_int); INHERIT(nb_float); INHERIT(nb_index);
    INHERIT(len); INHERIT(getitem); INHERIT(setitem); INHERIT(contains);
    INHERIT(sq_concat); INHERIT(sq_inplace_concat); INHERIT(sq_repeat); INHERIT(sq_inplace_repeat);
#undef INHERIT
    if (!t->attrs_offset) t->attrs_offset = b->attrs_offset;
    t->flags |= b->flags & (TF_INT_SUBCLASS | TF_STR_SUBCLASS | TF_BYTES_SUBCLASS |
                            TF_TUPLE_SUBCLASS | TF_LIST_SUBCLASS | TF_DICT_SUBCLASS |
                            TF_EXC_SUBCLASS | TF_TYPE_SUBCLASS | TF_FLOAT_SUBCLASS |
                            TF_SET_SUBCLASS | TF_SEQUENCE | TF_MAPPING);
}

static void add_methods(Type *t) {
    for (const MethodDef *m = t->methods; m && m->name; m++) {
        Value d = method_descr_new(t, m);
        if (d && (m->flags & METH_STATIC)) {
            ClassMethodObject *sm = gc_alloc_nofail(&type_staticmethod, sizeof(ClassMethodObject));
            sm->func = builtin_func_new(m, VNULL, VNULL);
            d = obj_val(sm);
        }
        add_to_dict(t, m->name, d);
    }
    for (const GetSetDef *g = t->getsets; g && g->name; g++)
        add_to_dict(t, g->name, getset_descr_new(t, g));
    for (const MemberDef *m = t->members; m && m->name; m++)
        add_to_dict(t, m->name, member_descr_new(t, m));
}

void type_ready(Type *t) {
    if (t->flags & TF_READY) return;
    if (t != &type_object && !t->base) t->base = &type_object;
    if (t->base) type_ready(t->base);
    if (!t->hdr.type) t->hdr.type = &type_type;
    gc_add_static(&t->hdr);
    t->dict = dict_new();
    if (!t->dict) abort();
    /* Wrappers first, for the slots this type itself fills. */
    type_add_slot_wrappers(t);
    add_methods(t);
    if (!dict_get_cstr(t->dict, "__doc__")) {
        /* Without the "name(sig)\n--\n\n" part (__text_signature__). */
        extern Value builtin_doc_value(const char *name, const char *doc);
        const char *dot = strrchr(t->name, '.');
        add_to_dict(t, "__doc__", builtin_doc_value(dot ? dot + 1 : t->name, t->doc));
    }
    /* As CPython: a static type of object without its own __new__ cannot be
     * instantiated from Python (iterators, views, descriptors, frames). */
    bool no_new = !t->new && t->base == &type_object && t != &type_object;
    if (t->base) inherit_slots(t, t->base);
    if (no_new) t->new = NULL;
    if (!t->bases) {
        t->bases = t->base ? tuple_pack(1, obj_val(t->base)) : tuple_empty();
    }
    /* MRO: t, then the base's MRO (static types have single inheritance,
     * except ExceptionGroup, which exceptions.c builds with type_mro_c3). */
    if (!t->mro) {
        ssize_t nb = t->base ? tuple_size(t->base->mro) : 0;
        Value mro = tuple_new((size_t)nb + 1);
        tuple_items(mro)[0] = obj_val(t);
        for (ssize_t i = 0; i < nb; i++) tuple_items(mro)[i + 1] = tuple_get(t->base->mro, i);
        t->mro = mro;
    }
    if (!t->basicsize && t->base) t->basicsize = t->base->basicsize;
    t->version = new_version();
    t->flags |= TF_READY;
    if (t->base && t->base->subclasses == VNULL) t->base->subclasses = list_new(0);
    if (t->base) list_append(t->base->subclasses, obj_val(t));
}

void type_init_cache(void) { gc_add_pre_mark_hook(mcache_clear); }

/* ---- Names ---- */

Value type_name_obj(Type *t) {
    if (t->name_obj) return t->name_obj;
    const char *dot = strrchr(t->name, '.');
    return str_from_cstr(dot ? dot + 1 : t->name);
}

Value type_qualname_obj(Type *t) {
    if (t->qualname) return t->qualname;
    return type_name_obj(t);
}

Value type_module_obj(Type *t) {
    if (t->flags & TF_HEAPTYPE) {
        Value m = dict_get_cstr(t->dict, "__module__");
        if (m) return m;
    }
    const char *dot = strrchr(t->name, '.');
    /* Interned as CPython's type_module: one object per module name, so
     * pickle's memo (by identity) writes it once, as CPython's does. */
    if (dot) {
        Value m = str_new(t->name, (size_t)(dot - t->name));
        return m ? str_intern(m) : VNULL;
    }
    return str_intern_cstr("builtins");
}

bool type_is_builtin(Type *t) { return !(t->flags & TF_HEAPTYPE); }

Value type_repr(Value v) {
    Type *t = (Type *)v;
    Value mod = type_module_obj(t);
    if (!mod) return VNULL;
    if (str_check(mod) && !str_eq_cstr(mod, "builtins"))
        return str_printf("<class '%U.%U'>", mod, type_qualname_obj(t));
    return str_printf("<class '%U'>", type_qualname_obj(t));
}

/* ---- C3 linearization ---- */

/* Merge the MROs of the bases; NULL + TypeError if no consistent order exists. */
static Value mro_c3(Type *t, Value bases) {
    ssize_t nb = tuple_size(bases);
    /* Sequences to merge: each base's MRO, then the list of bases. */
    Value *seqs = alloca(sizeof(Value) * (size_t)(nb + 1));
    ssize_t *pos = alloca(sizeof(ssize_t) * (size_t)(nb + 1));
    for (ssize_t i = 0; i < nb; i++) {
        seqs[i] = ((Type *)tuple_get(bases, i))->mro;
        pos[i] = 0;
    }
    seqs[nb] = bases;
    pos[nb] = 0;
    Value result = list_new(0);
    if (!result || list_append(result, obj_val(t)) < 0) return VNULL;
    for (;;) {
        bool empty = true;
        Value cand = VNULL;
        for (ssize_t i = 0; i <= nb; i++) {
            if (pos[i] >= tuple_size(seqs[i])) continue;
            empty = false;
            Value c = tuple_get(seqs[i], pos[i]);
            /* c is a good head if it is in no other sequence's tail. */
            bool in_tail = false;
            for (ssize_t j = 0; j <= nb && !in_tail; j++)
                for (ssize_t k = pos[j] + 1; k < tuple_size(seqs[j]); k++)
                    if (tuple_get(seqs[j], k) == c) {
                        in_tail = true;
                        break;
                    }
            if (!in_tail) {
                cand = c;
                break;
            }
        }
        if (empty) break;
        if (!cand) {
            StrBuilder sb;
            sb_init(&sb);
            sb_append_cstr(&sb, "Cannot create a consistent method resolution\norder (MRO) for bases");
            /* CPython names the bases still waiting to be merged, once each. */
            Value seen = list_new(0);
            for (ssize_t i = 0; i <= nb; i++) {
                if (pos[i] >= tuple_size(seqs[i])) continue;
                Value c = tuple_get(seqs[i], pos[i]);
                bool dup = false;
                for (ssize_t k = 0; k < list_size(seen); k++)
                    if (list_get(seen, k) == c) dup = true;
                if (dup) continue;
                list_append(seen, c);
                sb_append_cstr(&sb, list_size(seen) == 1 ? " " : ", ");
                sb_append_str(&sb, type_name_obj((Type *)c));
            }
            Value msg = sb_finish(&sb);
            if (msg) err_set_value(&exc_TypeError, msg);
            return VNULL;
        }
        if (list_append(result, cand) < 0) return VNULL;
        for (ssize_t i = 0; i <= nb; i++)
            if (pos[i] < tuple_size(seqs[i]) && tuple_get(seqs[i], pos[i]) == cand) pos[i]++;
    }
    return list_as_tuple(result);
}

Value type_mro_c3(Type *t, Value bases) { return mro_c3(t, bases); }

/* ---- Allocation ---- */

Value type_generic_alloc(Type *t, size_t nitems) {
    size_t size = t->basicsize + nitems * t->itemsize;
    if (t->attrs_offset && t->attrs_offset != ATTRS_IN_SIDE) {
        uint32_t cap;
        size_t need = inst_alloc_size(t, size, &cap);
        /* Variable-size objects keep attributes after their items. */
        if (nitems) need += nitems * t->itemsize;
        Object *o = gc_alloc(t, need > size ? need : size);
        if (!o) return VNULL;
        inst_init_attrs(obj_val(o), t, cap);
        return obj_val(o);
    }
    Object *o = gc_alloc(t, size);
    return o ? obj_val(o) : VNULL;
}

Value object_new_instance(Type *t) {
    if (t->flags & TF_ABSTRACT) {
        err_format(&exc_TypeError, "Can't instantiate abstract class %s", t->name);
        return VNULL;
    }
    return type_generic_alloc(t, 0);
}

/* ---- object ---- */

static int object_init(Value self, Value *args, size_t nargs, Value kwnames);

static bool excess_args(size_t nargs, Value kwnames) {
    return nargs > 0 || (kwnames && tuple_size(kwnames) > 0);
}

static Value object_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (excess_args(nargs, kwnames)) {
        if (t->new != object_new) {
            err_set(&exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
            return VNULL;
        }
        if (t->init == object_init) {
            err_format(&exc_TypeError, "%U() takes no arguments", type_name_obj(t));
            return VNULL;
        }
    }
    Value abstract = t->flags & TF_ABSTRACT ? dict_get_cstr(t->dict, "__abstractmethods__") : VNULL;
    if (abstract && obj_is_true(abstract) > 0) {
        Value l = list_from_iterable(abstract);
        if (!l || list_sort(l, VNULL, false) < 0) return VNULL;
        Value sep = str_from_cstr(", ");
        Value joined = str_join(sep, l);
        if (!joined) return VNULL;
        err_format(&exc_TypeError,
                   "Can't instantiate abstract class %s with abstract method%s %U",
                   t->name, list_size(l) > 1 ? "s" : "", joined);
        return VNULL;
    }
    return object_new_instance(t);
}

bool type_has_default_new(Type *t) { return t->new == object_new; }

static int object_init(Value self, Value *args, size_t nargs, Value kwnames) {
    if (excess_args(nargs, kwnames)) {
        Type *t = val_type(self);
        if (t->init != object_init) {
            err_set(&exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (t->new == object_new) {
            err_format(&exc_TypeError, "%U.__init__() takes exactly one argument (the instance to initialize)",
                       type_name_obj(t));
            return -1;
        }
    }
    return 0;
}

static Value object_repr(Value self) {
    Type *t = val_type(self);
    Value mod = type_module_obj(t);
    if (!mod) return VNULL;
    if (str_check(mod) && !str_eq_cstr(mod, "builtins"))
        return str_printf("<%U.%U object at %p>", mod, type_qualname_obj(t), (void *)self);
    return str_printf("<%s object at %p>", t->name, (void *)self);
}

static Value object_str(Value self) {
    Type *t = val_type(self);
    if (t->repr) return obj_repr(self);
    return object_repr(self);
}

static Value object_get_class(Value self) { return obj_val(val_type(self)); }

static int object_set_class(Value self, Value v) {
    if (!v) {
        err_set(&exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!type_check(v)) {
        err_format(&exc_TypeError, "__class__ must be set to a class, not '%s' object", type_name(v));
        return -1;
    }
    Type *old = val_type(self), *nt = (Type *)v;
    if (!(old->flags & TF_HEAPTYPE) || !(nt->flags & TF_HEAPTYPE) ||
        old->attrs_offset != nt->attrs_offset || old->basicsize != nt->basicsize) {
        err_format(&exc_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    val_obj(self)->type = nt;
    return 0;
}

static Value object_dir_m(Value self, Value *args, size_t nargs, Value kw) {
    /* Instance attributes, then everything along the class's MRO. */
    Value d = dict_new();
    if (!d) return VNULL;
    Type *t = val_type(self);
    if (t->attrs_offset && inst_attrs_existing(self) && inst_attrs_existing(self)->map) {
        Value id = inst_dict(self);
        if (id && dict_update(d, id) < 0) return VNULL;
    } else if (type_check(self)) {
        Value mro = ((Type *)self)->mro;
        for (ssize_t i = tuple_size(mro); i-- > 0;)
            if (dict_update(d, ((Type *)tuple_get(mro, i))->dict) < 0) return VNULL;
    } else {
        /* Any other __dict__: a function's attributes, a module's globals. */
        Value id = obj_getattr_opt(self, intern_cstr_cached("__dict__"));
        if (!id && err_occurred()) return VNULL;
        if (id && dict_check(id) && dict_update(d, id) < 0) return VNULL;
    }
    /* The class is __class__, which a proxy may set (unittest.mock's spec). */
    Value icls = obj_getattr_opt(self, intern_cstr_cached("__class__"));
    if (!icls && err_occurred()) return VNULL;
    if (icls && type_check(icls)) t = (Type *)icls;
    Value mro = t->mro;
    for (ssize_t i = tuple_size(mro); i-- > 0;)
        if (dict_update(d, ((Type *)tuple_get(mro, i))->dict) < 0) return VNULL;
    return dict_keys_list(d);
}

static Value object_format_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__format__", nargs, 1, 1) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "__format__() argument must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    if (str_size(args[0]) > 0) {
        err_format(&exc_TypeError, "unsupported format string passed to %s.__format__", type_name(self));
        return VNULL;
    }
    return obj_str(self);
}

static Value object_init_subclass_m(Value self, Value *args, size_t nargs, Value kw) {
    if (nargs || (kw && tuple_size(kw))) {
        err_format(&exc_TypeError, "%U.__init_subclass__() takes no keyword arguments",
                   type_qualname_obj((Type *)self));
        return VNULL;
    }
    return VNone;
}

static Value object_subclasshook_m(Value self, Value *args, size_t nargs, Value kw) {
    return VNotImplemented;
}

static Value object_sizeof_m(Value self, Value *args, size_t nargs, Value kw) {
    if (val_is_int(self)) return val_from_int(28);
    return int_from_i64((int64_t)gc_object_size(val_obj(self)));
}

static Value object_get_dict(Value self) {
    if (!val_type(self)->attrs_offset) {
        err_format(&exc_AttributeError, "'%s' object has no attribute '__dict__'", type_name(self));
        return VNULL;
    }
    return inst_dict(self);
}

static int object_set_dict(Value self, Value v) {
    if (!v) {
        /* Deleting it drops the attributes: CPython's next access makes a new, empty one. */
        v = dict_new();
        if (!v) return -1;
    }
    return inst_set_dict(self, v);
}

/* A private name (__x, not __x__) as the class `t` stores it: _T__x with
 * the class name's leading underscores dropped (CPython's _Py_Mangle, for
 * __slots__ entries, which the compiler never sees). */
Value type_mangle_private(Type *t, Value name) {
    const char *s = str_data(name);
    size_t n = str_size(name);
    if (n < 2 || s[0] != '_' || s[1] != '_' || (s[n - 1] == '_' && s[n - 2] == '_') || strchr(s, '.'))
        return name;
    const char *cls = t->name;
    const char *dot = strrchr(cls, '.');
    if (dot) cls = dot + 1;
    while (*cls == '_') cls++;
    if (!*cls) return name;
    return str_printf("_%s%s", cls, s);
}

/* object.__getstate__(): the instance dict (a copy), plus __slots__ values as (dict, slots). */
static Value object_getstate(Value self, bool required) {
    Type *t = val_type(self);
    Value state = VNone;
    if (t->attrs_offset) {
        AttrHeader *h = inst_attrs_existing(self);
        if (h && h->map && (h->map->dict_mode || h->map->count)) {
            Value d = inst_dict(self);
            if (!d) return VNULL;
            state = dict_copy(d);
            if (!state) return VNULL;
        }
    } else if (required && t->itemsize == 0 && t->basicsize > sizeof(Object) && !(t->flags & TF_HEAPTYPE)) {
        err_format(&exc_TypeError, "cannot pickle '%s' object", t->name);
        return VNULL;
    }
    /* __slots__ along the MRO. */
    Value slots = VNULL;
    Value mro = t->mro;
    for (ssize_t i = 0; mro && i < tuple_size(mro); i++) {
        Type *b = (Type *)tuple_get(mro, i);
        if (!(b->flags & TF_HEAPTYPE)) continue;
        Value sl = dict_get_cstr(b->dict, "__slots__");
        if (!sl) continue;
        Value names = str_check(sl) ? tuple_pack(1, sl) : tuple_from_iterable(sl);
        if (!names) return VNULL;
        for (ssize_t k = 0; k < tuple_size(names); k++) {
            Value n = tuple_get(names, k);
            if (!str_check(n) || str_eq_cstr(n, "__dict__") || str_eq_cstr(n, "__weakref__")) continue;
            n = type_mangle_private(b, n);
            if (!n) return VNULL;
            Value v = obj_getattr_opt(self, n);
            if (!v) {
                if (err_occurred()) return VNULL;
                continue;
            }
            if (!slots && !(slots = dict_new())) return VNULL;
            if (dict_set(slots, n, v) < 0) return VNULL;
        }
    }
    if (slots) return tuple_pack(2, state, slots);
    return state;
}

static Value object_getstate_m(Value self, Value *args, size_t nargs, Value kw) {
    return object_getstate(self, false);
}

/* Pickle protocol 2+: (copyreg.__newobj__, (cls, *args), state, listitems, dictitems). */
static Value reduce_newobj(Value self) {
    Type *t = val_type(self);
    if (!t->new) {
        err_format(&exc_TypeError, "cannot pickle '%s' object", t->name);
        return VNULL;
    }
    extern Value import_name(Value name, Value globals, Value fromlist, int level);
    Value copyreg = import_name(str_intern_cstr("copyreg"), VNULL, VNone, 0);
    if (!copyreg) return VNULL;
    Value args = VNULL, kwargs = VNULL;
    bool hasargs = true;
    Value gnx = obj_getattr_opt(self, str_intern_cstr("__getnewargs_ex__"));
    if (gnx) {
        Value r = obj_call0(gnx);
        if (!r) return VNULL;
        if (!tuple_check(r) || tuple_size(r) != 2) {
            err_format(&exc_TypeError, "__getnewargs_ex__ should return a tuple of length 2, not '%s'", type_name(r));
            return VNULL;
        }
        args = tuple_get(r, 0);
        kwargs = tuple_get(r, 1);
        if (!tuple_check(args)) {
            err_format(&exc_TypeError, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'", type_name(args));
            return VNULL;
        }
        if (!dict_check(kwargs)) {
            err_format(&exc_TypeError, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'", type_name(kwargs));
            return VNULL;
        }
    } else {
        if (err_occurred()) return VNULL;
        Value gn = obj_getattr_opt(self, str_intern_cstr("__getnewargs__"));
        if (gn) {
            args = obj_call0(gn);
            if (!args) return VNULL;
            if (!tuple_check(args)) {
                err_format(&exc_TypeError, "__getnewargs__ should return a tuple, not '%s'", type_name(args));
                return VNULL;
            }
        } else {
            if (err_occurred()) return VNULL;
            args = tuple_empty();
            hasargs = false;
        }
    }
    Value newobj, newargs;
    if (!kwargs || dict_size(kwargs) == 0) {
        newobj = obj_getattr_cstr(copyreg, "__newobj__");
        newargs = tuple_new((size_t)tuple_size(args) + 1);
        if (!newobj || !newargs) return VNULL;
        tuple_items(newargs)[0] = obj_val(t);
        for (ssize_t i = 0; i < tuple_size(args); i++) tuple_items(newargs)[i + 1] = tuple_get(args, i);
    } else {
        newobj = obj_getattr_cstr(copyreg, "__newobj_ex__");
        newargs = tuple_pack(3, obj_val(t), args, kwargs);
        if (!newobj || !newargs) return VNULL;
    }
    /* object.__getstate__ itself is asked for the state "required": an
     * object of a builtin type with C-level state and no way to rebuild it
     * (no __getnewargs__, not a list or dict) cannot be pickled. */
    Value state;
    if (type_lookup_cstr(t, "__getstate__") == type_lookup_cstr(&type_object, "__getstate__")) {
        state = object_getstate(self, !hasargs && !list_check(self) && !dict_check(self));
    } else {
        Value gs = obj_getattr_cstr(self, "__getstate__");
        state = gs ? obj_call0(gs) : VNULL;
    }
    if (!state) return VNULL;
    Value listitems = VNone, dictitems = VNone;
    if (list_check(self)) {
        listitems = obj_iter(self);
        if (!listitems) return VNULL;
    }
    if (dict_check(self)) {
        Value items = obj_call_method(self, "items", NULL, 0);
        dictitems = items ? obj_iter(items) : VNULL;
        if (!dictitems) return VNULL;
    }
    return tuple_pack(5, newobj, newargs, state, listitems, dictitems);
}

static Value common_reduce(Value self, intptr_t proto) {
    if (proto >= 2) return reduce_newobj(self);
    extern Value import_name(Value name, Value globals, Value fromlist, int level);
    Value copyreg = import_name(str_intern_cstr("copyreg"), VNULL, VNone, 0);
    if (!copyreg) return VNULL;
    Value fn = obj_getattr_cstr(copyreg, "_reduce_ex");
    if (!fn) return VNULL;
    return obj_call2(fn, self, val_from_int(proto));
}

static Value object_reduce_m(Value self, Value *args, size_t nargs, Value kw) { return common_reduce(self, 0); }

static Value object_reduce_ex_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__reduce_ex__", nargs, 1, 1) < 0) return VNULL;
    if (!val_is_int(args[0])) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
        return VNULL;
    }
    /* A class that overrides __reduce__ gets it called. */
    Value reduce = type_lookup_cstr(val_type(self), "__reduce__");
    Value base = type_lookup_cstr(&type_object, "__reduce__");
    if (reduce && reduce != base) {
        Value m = obj_getattr_cstr(self, "__reduce__");
        return m ? obj_call0(m) : VNULL;
    }
    return common_reduce(self, val_int(args[0]));
}

static const MethodDef object_methods[] = {
    {"__dir__", object_dir_m, 0, "Default dir() implementation."},
    {"__format__", object_format_m, 0, "Default object formatter."},
    {"__init_subclass__", object_init_subclass_m, METH_CLASS,
     "This method is called when a class is subclassed."},
    {"__subclasshook__", object_subclasshook_m, METH_CLASS, "Abstract classes can override this to customize issubclass()."},
    {"__sizeof__", object_sizeof_m, 0, "Size of object in memory, in bytes."},
    {"__getstate__", object_getstate_m, 0, "Helper for pickle."},
    {"__reduce__", object_reduce_m, 0, "Helper for pickle."},
    {"__reduce_ex__", object_reduce_ex_m, 0, "Helper for pickle."},
    {NULL}
};

static const GetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, "the object's class"},
    {NULL}
};

Type type_object = {
    .hdr = {0, &type_type},
    .name = "object",
    .basicsize = sizeof(Object),
    .flags = TF_BASETYPE,
    .new = object_new,
    .init = object_init,
    .repr = object_repr,
    .str = object_str,
    .hash = obj_hash_pointer,
    .richcompare = obj_richcompare_identity,
    .getattr = obj_generic_getattr,
    .setattr = obj_generic_setattr,
    .methods = object_methods,
    .getsets = object_getsets,
    .doc = "object()\n--\n\n"
           "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments "
           "and returns a new featureless\ninstance that has no instance attributes and "
           "cannot be given any.\n",
};

/* The __dict__ descriptor that heap types with instance attributes get. */
static const GetSetDef instance_dict_getset = {"__dict__", object_get_dict, object_set_dict, NULL};

/* __weakref__: the first weak reference to the object, or None.  Any object
 * can be weakly referenced here; the descriptor is what CPython's classes show. */
extern size_t gc_weakrefs_to(Value referent, Object **out, size_t max);
static Value object_get_weakref(Value self) {
    Object *first;
    return gc_weakrefs_to(self, &first, 1) ? obj_val(first) : VNone;
}
static const GetSetDef instance_weakref_getset = {"__weakref__", object_get_weakref, NULL,
                                                  "list of weak references to the object (if defined)"};

/* Whether a new class without __slots__ adds __weakref__, as CPython's
 * type_new when its base has no weak-reference list: not over one that has
 * it (a class with the descriptor, set, frozenset, type, module...), nor over
 * a variable-size builtin (int, tuple, bytes). */
static bool class_adds_weakref(Type *base) {
    if (type_lookup(base, str_intern_cstr("__weakref__"))) return false;
    Type *b = base;
    while (b->flags & TF_HEAPTYPE) b = b->base;
    extern Type type_module;
    if ((b->flags & (TF_WEAKREFABLE | TF_TYPE_SUBCLASS | TF_SET_SUBCLASS)) || b == &type_module) return false;
    return b->itemsize == 0 || (b->flags & TF_STR_SUBCLASS);
}

static int slots_name_weakref(Value slots) {
    if (str_check(slots)) return str_eq_cstr(slots, "__weakref__");
    Value it = obj_iter(slots);
    if (!it) return -1;
    Value x;
    while ((x = obj_next(it)))
        if (str_check(x) && str_eq_cstr(x, "__weakref__")) return 1;
    return err_occurred() ? -1 : 0;
}

/* ---- type ---- */

static void type_trace(Object *o) {
    Type *t = (Type *)o;
    gc_mark(t->bases);
    gc_mark(t->mro);
    gc_mark(t->dict);
    gc_mark(t->subclasses);
    gc_mark(t->name_obj);
    gc_mark(t->qualname);
    gc_mark(t->root_map);
    if (t->flags & TF_HEAPTYPE) gc_mark(obj_val(t->base));
}

/* Attribute lookup on a class: metatype data descriptors, the class's MRO, then the metatype. */
static Value type_getattro(Value self, Value name) {
    Type *t = (Type *)self;
    Type *meta = val_type(self);
    Value meta_attr = type_lookup(meta, name);
    Type *mt = NULL;
    if (meta_attr) {
        mt = val_type(meta_attr);
        if (mt->descr_get && mt->descr_set) return mt->descr_get(meta_attr, self, obj_val(meta));
    }
    Value attr = type_lookup(t, name);
    if (attr) {
        Type *at = val_type(attr);
        if (at->descr_get) return at->descr_get(attr, VNULL, self);
        return attr;
    }
    if (meta_attr) {
        if (mt->descr_get) return mt->descr_get(meta_attr, self, obj_val(meta));
        return meta_attr;
    }
    err_format(&exc_AttributeError, "type object '%U' has no attribute '%U'", type_name_obj(t), name);
    Value exc = err_fetch();
    obj_setattr_cstr(exc, "name", name);
    obj_setattr_cstr(exc, "obj", self);
    err_restore(exc);
    return VNULL;
}

static int type_setattro(Value self, Value name, Value v) {
    Type *t = (Type *)self;
    if (!(t->flags & TF_HEAPTYPE)) {
        err_format(&exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name, t->name);
        return -1;
    }
    Value meta_attr = type_lookup(val_type(self), name);
    if (meta_attr) {
        Type *mt = val_type(meta_attr);
        if (mt->descr_set) return mt->descr_set(meta_attr, self, v);
    }
    Value iname = str_intern(name);
    if (!iname) return -1;
    int r;
    if (v) {
        r = dict_set(t->dict, iname, v);
    } else {
        r = dict_contains(t->dict, iname);
        if (r == 0) {
            err_format(&exc_AttributeError, "type object '%U' has no attribute '%U'", type_name_obj(t), name);
            return -1;
        }
        if (r > 0) r = dict_del(t->dict, iname);
    }
    if (r < 0) return -1;
    type_modified(t);
    const char *s = str_data(iname);
    if (s[0] == '_' && s[1] == '_') type_update_slot(t, iname);
    return 0;
}

static Value type_call(Value self, Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)self;
    if (t == &type_type && nargs == 1 && !kwnames) return obj_val(val_type(args[0]));
    if (!t->new) {
        err_format(&exc_TypeError, "cannot create '%s' instances", t->name);
        return VNULL;
    }
    Value obj = t->new(t, args, nargs, kwnames);
    if (!obj) return VNULL;
    /* __init__ runs only if __new__ returned an instance of t. */
    Type *ot = val_type(obj);
    if (ot != t && !type_is_subtype(ot, t)) return obj;
    if (t == &type_type && nargs == 1) return obj;
    if (ot->init && ot->init(obj, args, nargs, kwnames) < 0) return VNULL;
    return obj;
}

static int type_init(Value self, Value *args, size_t nargs, Value kwnames) {
    if (nargs != 1 && nargs != 3) {
        err_set(&exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static Value type_new(Type *meta, Value *args, size_t nargs, Value kwnames) {
    if (nargs == 1 && (!kwnames || tuple_size(kwnames) == 0) && meta == &type_type)
        return obj_val(val_type(args[0]));
    if (nargs != 3) {
        /* CPython's type_call says this for type itself; a metaclass gets
         * type.__new__'s own message. */
        if (meta == &type_type) err_set(&exc_TypeError, "type() takes 1 or 3 arguments");
        else err_format(&exc_TypeError, "type.__new__() takes exactly 3 arguments (%zu given)", nargs);
        return VNULL;
    }
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "type.__new__() argument 1 must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    if (!tuple_check(args[1])) {
        err_format(&exc_TypeError, "type.__new__() argument 2 must be tuple, not %s", type_name(args[1]));
        return VNULL;
    }
    if (!dict_check(args[2])) {
        err_format(&exc_TypeError, "type.__new__() argument 3 must be dict, not %s", type_name(args[2]));
        return VNULL;
    }
    /* A more derived metaclass with its own __new__ takes over the whole call. */
    {
        extern Type *type_calculate_meta(Type *meta, Value bases);
        Type *winner = type_calculate_meta(meta, args[1]);
        if (!winner) return VNULL;
        if (winner != meta && winner->new != type_new) return winner->new(winner, args, nargs, kwnames);
    }
    Value kw = VNULL;
    if (kwnames && tuple_size(kwnames)) {
        kw = dict_new();
        if (!kw) return VNULL;
        for (ssize_t i = 0; i < tuple_size(kwnames); i++)
            if (dict_set(kw, tuple_get(kwnames, i), args[3 + i]) < 0) return VNULL;
    }
    return type_new_class(meta, args[0], args[1], args[2], kw);
}

/* The most derived metaclass among meta and the bases' metaclasses. */
Type *type_calculate_meta(Type *meta, Value bases);
static Type *calculate_meta(Type *meta, Value bases) { return type_calculate_meta(meta, bases); }
Type *type_calculate_meta(Type *meta, Value bases) {
    Type *winner = meta;
    for (ssize_t i = 0; i < tuple_size(bases); i++) {
        Type *bt = val_type(tuple_get(bases, i));
        if (type_is_subtype(winner, bt)) continue;
        if (type_is_subtype(bt, winner)) {
            winner = bt;
            continue;
        }
        err_set(&exc_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* The base whose instance layout the new class extends.  Attribute storage
 * (the hidden-class header a class gets for its __dict__) does not count,
 * as CPython's __dict__ slot does not: only __slots__ fields change layout. */
static Type *solid_base(Type *t) {
    /* Integration (modules/codecs): builtin exceptions add no C fields either, so
     * CPython accepts class CodecRegistryError(LookupError, SystemError) (encodings/__init__.py). */
    while (t->base && (t->flags & (TF_HEAPTYPE | TF_EXC_SUBCLASS))) {
        Type *b = t->base;
        bool same = t->basicsize == b->basicsize ||
                    (t->attrs_offset && t->attrs_offset == b->basicsize &&
                     t->basicsize == b->basicsize + sizeof(AttrHeader)) ||
                    (t->attrs_offset == ATTRS_IN_SIDE && t->basicsize == b->basicsize);
        if (!same) break;
        t = b;
    }
    return t;
}

static Type *best_base(Value bases) {
    Type *best = NULL, *best_solid = NULL;
    for (ssize_t i = 0; i < tuple_size(bases); i++) {
        Value b = tuple_get(bases, i);
        if (!type_check(b)) {
            err_set(&exc_TypeError, "bases must be types");
            return NULL;
        }
        Type *bt = (Type *)b;
        if (!(bt->flags & TF_BASETYPE)) {
            err_format(&exc_TypeError, "type '%s' is not an acceptable base type", bt->name);
            return NULL;
        }
        Type *s = solid_base(bt);
        if (!best) {
            best = bt;
            best_solid = s;
        } else if (type_is_subtype(best_solid, s)) {
            /* keep */
        } else if (type_is_subtype(s, best_solid)) {
            best = bt;
            best_solid = s;
        } else {
            err_set(&exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return best;
}

static int call_set_name(Type *t) {
    Value d = dict_copy(t->dict);
    if (!d) return -1;
    ssize_t pos = 0;
    Value k, v;
    Value set_name = str_intern_cstr("__set_name__");
    while (dict_next(d, &pos, &k, &v)) {
        Value m = type_lookup(val_type(v), set_name);
        if (!m) continue;
        Value args[3] = {v, obj_val(t), k};
        Value r = obj_call(m, args, 3, VNULL);
        if (!r) {
            /* 3.11 reports it as a RuntimeError caused by the original. */
            Value cause = err_fetch();
            err_format(&exc_RuntimeError, "Error calling __set_name__ on '%s' instance %R in '%s'",
                       val_type(v)->name, k, t->name);
            Value e = err_occurred();
            if (e && exc_check(e) && exc_check(cause)) {
                ExceptionObject *eo = (ExceptionObject *)e;
                GC_WRITE(e, eo->cause, cause);
                GC_WRITE(e, eo->context, cause);
                eo->suppress_context = true;
            }
            return -1;
        }
    }
    return 0;
}

Value type_new_class(Type *meta, Value name, Value bases, Value ns, Value kw) {
    if (tuple_size(bases) == 0) bases = tuple_pack(1, obj_val(&type_object));
    Type *winner = calculate_meta(meta, bases);
    if (!winner) return VNULL;
    if (winner != meta && winner->new != type_new) {
        Value args[3] = {name, bases, ns};
        return winner->new(winner, args, 3, VNULL);
    }
    meta = winner;
    Type *base = best_base(bases);
    if (!base) return VNULL;

    Type *t = gc_alloc(meta, meta->basicsize > sizeof(Type) ? meta->basicsize : sizeof(Type));
    if (!t) return VNULL;
    if (meta->attrs_offset) inst_init_attrs(obj_val(t), meta, 1);
    t->flags = TF_HEAPTYPE | TF_BASETYPE | TF_READY;
    t->base = base;
    t->bases = bases;
    t->name_obj = str_intern(name);
    t->name = str_data(t->name_obj);
    t->dict = dict_copy(ns);
    if (!t->dict) return VNULL;
    Value qn = dict_get_cstr(t->dict, "__qualname__");
    if (qn) {
        if (!str_check(qn)) {
            err_format(&exc_TypeError, "type __qualname__ must be a str, not %s", type_name(qn));
            return VNULL;
        }
        t->qualname = qn;
        dict_del(t->dict, str_intern_cstr("__qualname__"));
    } else {
        t->qualname = t->name_obj;
    }
    if (!dict_get_cstr(t->dict, "__module__")) {
        Frame *f = ts->frame;
        if (f && f->globals) {
            Value mn = dict_get_cstr(f->globals, "__name__");
            if (mn) dict_set_cstr(t->dict, "__module__", mn);
        }
    }
    if (!dict_get_cstr(t->dict, "__doc__")) dict_set_cstr(t->dict, "__doc__", VNone);
    /* __new__ is implicitly a staticmethod, __init_subclass__ and __class_getitem__ classmethods. */
    Value nw = dict_get_cstr(t->dict, "__new__");
    if (nw && func_check(nw)) {
        ClassMethodObject *sm = gc_alloc(&type_staticmethod, sizeof(ClassMethodObject));
        if (!sm) return VNULL;
        sm->func = nw;
        dict_set_cstr(t->dict, "__new__", obj_val(sm));
    }
    static const char *const implicit_cm[] = {"__init_subclass__", "__class_getitem__"};
    for (size_t i = 0; i < 2; i++) {
        Value f = dict_get_cstr(t->dict, implicit_cm[i]);
        if (f && func_check(f)) {
            ClassMethodObject *cm = gc_alloc(&type_classmethod, sizeof(ClassMethodObject));
            if (!cm) return VNULL;
            cm->func = f;
            dict_set_cstr(t->dict, implicit_cm[i], obj_val(cm));
        }
    }
    /* Layout: the solid base's, plus attribute slots if it has none. */
    t->basicsize = base->basicsize;
    t->itemsize = base->itemsize;
    t->attrs_offset = base->attrs_offset;
    Value slots = dict_get_cstr(t->dict, "__slots__");
    bool may_add_weak = class_adds_weakref(base);
    int add_weak = slots ? slots_name_weakref(slots) : may_add_weak;
    if (add_weak < 0) return VNULL;
    /* Secondary bases may provide weak references, as they may the dict. */
    for (ssize_t i = 0; slots && may_add_weak && !add_weak && i < tuple_size(bases); i++) {
        Type *b = (Type *)tuple_get(bases, i);
        if (b != base && type_lookup(b, str_intern_cstr("__weakref__"))) add_weak = 1;
    }
    /* Variable-size bases (int, str, tuple, bytes) keep their items where
     * attribute slots would go: their subclasses keep attributes in a side
     * holder (instance.h, ATTRS_IN_SIDE). */
    /* A module subclass keeps its attributes in the module's namespace dict
     * (its __dict__), as metaclasses keep theirs in the class's. */
    extern Type type_module;
    bool module_sub = false;
    for (Type *b = base; b && !module_sub; b = b->base) module_sub = b == &type_module;
    if (!t->attrs_offset && !slots && !module_sub) {
        if (base->itemsize) {
            t->attrs_offset = ATTRS_IN_SIDE;
        } else {
            t->attrs_offset = base->basicsize;
            t->basicsize = base->basicsize + sizeof(AttrHeader);
        }
        /* A metaclass keeps type's own __dict__ (the class namespace). */
        bool is_meta = base == &type_type || (base->flags & TF_TYPE_SUBCLASS);
        if (!is_meta && dict_set_cstr(t->dict, "__dict__", getset_descr_new(t, &instance_dict_getset)) < 0)
            return VNULL;
    } else if (slots) {
        extern int type_add_slots(Type *t, Value slots, Value ns);
        if (type_add_slots(t, slots, ns) < 0) return VNULL;
        /* Secondary bases may provide the instance dict, as in CPython's
         * type_new: class C(SlottedMixin, PlainClass) has one. */
        for (ssize_t i = 0; i < tuple_size(bases) && !t->attrs_offset; i++) {
            Type *b = (Type *)tuple_get(bases, i);
            if (b == base || !b->attrs_offset) continue;
            extern const GetSetDef *instance_dict_getset_ptr(void);
            t->attrs_offset = t->basicsize;
            t->basicsize += sizeof(Value);
            if (dict_set_cstr(t->dict, "__dict__", getset_descr_new(t, instance_dict_getset_ptr())) < 0)
                return VNULL;
        }
    }
    if (add_weak && !module_sub &&
        dict_set_cstr(t->dict, "__weakref__", getset_descr_new(t, &instance_weakref_getset)) < 0)
        return VNULL;
    t->mro = mro_c3(t, bases);
    if (!t->mro) return VNULL;
    inherit_slots(t, base);
    if (t->attrs_offset) {
        extern void inst_guess_attr_hint(Type *t);
        inst_guess_attr_hint(t);
    }
    /* Heap instances trace their base's fields, slots and attributes. */
    {
        extern void heap_instance_trace(Object *o);
        t->trace = heap_instance_trace;
    }
    /* collections.abc.Sequence/Mapping declare what pattern matching sees. */
    Value tpflags = dict_get_cstr(t->dict, "__abc_tpflags__");
    /* Both bits are an error _abc._abc_init reports: left for it to see. */
    if (tpflags && val_is_int(tpflags) && (val_int(tpflags) & (3 << 5)) != (3 << 5)) {
        if (val_int(tpflags) & (1 << 5)) t->flags = (t->flags & ~TF_MAPPING) | TF_SEQUENCE;
        if (val_int(tpflags) & (1 << 6)) t->flags = (t->flags & ~TF_SEQUENCE) | TF_MAPPING;
        dict_del(t->dict, str_intern_cstr("__abc_tpflags__"));
    }
    /* A class that defines __eq__ but not __hash__ is unhashable. */
    if (dict_get_cstr(t->dict, "__eq__") && !dict_get_cstr(t->dict, "__hash__"))
        dict_set_cstr(t->dict, "__hash__", VNone);
    t->version = new_version();
    type_fixup_slots(t);
    for (ssize_t i = 0; i < tuple_size(bases); i++) {
        Type *b = (Type *)tuple_get(bases, i);
        if (!b->subclasses) b->subclasses = list_new(0);
        list_append(b->subclasses, obj_val(t));
    }
    /* The class body's __class__ cell (zero-argument super) now holds the class. */
    Value cell = dict_get_cstr(t->dict, "__classcell__");
    if (cell) {
        if (val_type(cell) != &type_cell) {
            err_format(&exc_TypeError, "__classcell__ must be a nonlocal cell, not %s", type_name(cell));
            return VNULL;
        }
        GC_WRITE(cell, ((CellObject *)cell)->ref, obj_val(t));
        dict_del(t->dict, str_intern_cstr("__classcell__"));
    }
    if (call_set_name(t) < 0) return VNULL;
    /* super(t, t).__init_subclass__(**kw) */
    Value super_args[2] = {obj_val(t), obj_val(t)};
    extern Type type_super;
    Value sup = obj_call(obj_val(&type_super), super_args, 2, VNULL);
    if (!sup) return VNULL;
    Value isc = obj_getattr_cstr(sup, "__init_subclass__");
    if (!isc) return VNULL;
    Value r;
    if (kw) {
        /* kw is a dict of class keyword arguments. */
        r = obj_call_tuple_dict(isc, VNULL, kw);
    } else {
        r = obj_call0(isc);
    }
    if (!r) return VNULL;
    return obj_val(t);
}

/* Trace for heap-type instances: the builtin base's fields, __slots__
 * fields after them, then the hidden-class attribute slots. */
void heap_instance_trace(Object *o) {
    Type *t = o->type;
    Type *b = t->base;
    while (b->flags & TF_HEAPTYPE) b = b->base;
    if (b->trace) b->trace(o);
    bool own_attrs = t->attrs_offset && t->attrs_offset != b->attrs_offset;
    size_t lo = b->basicsize;
    size_t hi = own_attrs && t->attrs_offset >= lo ? t->attrs_offset : t->basicsize;
    if (hi > lo) gc_mark_range((Value *)((char *)o + lo), (hi - lo) / sizeof(Value));
    if (own_attrs) inst_trace_attrs(o);
}

const GetSetDef *instance_dict_getset_ptr(void) { return &instance_dict_getset; }

static Value type_get_name(Value self) { return type_name_obj((Type *)self); }
static int type_set_name(Value self, Value v) {
    Type *t = (Type *)self;
    if (!(t->flags & TF_HEAPTYPE)) {
        err_format(&exc_TypeError, "cannot set '__name__' attribute of immutable type '%s'", t->name);
        return -1;
    }
    if (!v || !str_check(v)) {
        err_format(&exc_TypeError, "can only assign string to %s.__name__, not '%s'", t->name, v ? type_name(v) : "NoneType");
        return -1;
    }
    t->name_obj = v;
    t->name = str_data(v);
    return 0;
}
static Value type_get_qualname(Value self) { return type_qualname_obj((Type *)self); }
static int type_set_qualname(Value self, Value v) {
    Type *t = (Type *)self;
    if (!(t->flags & TF_HEAPTYPE)) {
        err_format(&exc_TypeError, "cannot set '__qualname__' attribute of immutable type '%s'", t->name);
        return -1;
    }
    if (!v || !str_check(v)) {
        err_format(&exc_TypeError, "can only assign string to %s.__qualname__, not '%s'", t->name, v ? type_name(v) : "NoneType");
        return -1;
    }
    t->qualname = v;
    return 0;
}
static Value type_get_module(Value self) { return type_module_obj((Type *)self); }
static int type_set_module(Value self, Value v) {
    Type *t = (Type *)self;
    if (!(t->flags & TF_HEAPTYPE)) {
        err_format(&exc_TypeError, "cannot set '__module__' attribute of immutable type '%s'", t->name);
        return -1;
    }
    if (dict_set_cstr(t->dict, "__module__", v ? v : VNone) < 0) return -1;
    type_modified(t);
    return 0;
}
static Value type_get_bases(Value self) { return ((Type *)self)->bases; }

/* Recompute the MRO of t and of its subclasses after a __bases__ change; on error
 * the MROs already recomputed stay (as in CPython, the error is raised late). */
static int remro_tree(Type *t) {
    Value mro = mro_c3(t, t->bases);
    if (!mro) return -1;
    t->mro = mro;
    type_fixup_slots(t);
    if (t->subclasses)
        for (ssize_t i = 0; i < list_size(t->subclasses); i++)
            if (remro_tree((Type *)list_get(t->subclasses, i)) < 0) return -1;
    return 0;
}

static void subclasses_remove(Type *b, Type *t) {
    if (!b->subclasses) return;
    for (ssize_t i = 0; i < list_size(b->subclasses); i++)
        if (list_get(b->subclasses, i) == obj_val(t)) {
            list_pop(b->subclasses, i);
            return;
        }
}

static void subclasses_add(Type *b, Type *t) {
    if (!b->subclasses) b->subclasses = list_new(0);
    list_append(b->subclasses, obj_val(t));
}

/* C.__bases__ = (...): the new bases must keep the instance layout of the old ones. */
static int type_set_bases(Value self, Value v) {
    Type *t = (Type *)self;
    if (!(t->flags & TF_HEAPTYPE)) {
        err_format(&exc_TypeError, "cannot set '__bases__' attribute of immutable type '%s'", t->name);
        return -1;
    }
    if (!v) {
        err_format(&exc_TypeError, "cannot delete '__bases__' attribute of immutable type '%s'", t->name);
        return -1;
    }
    if (!tuple_check(v)) {
        err_format(&exc_TypeError, "can only assign tuple to %s.__bases__, not %s", t->name, type_name(v));
        return -1;
    }
    if (tuple_size(v) == 0) {
        err_format(&exc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()", t->name);
        return -1;
    }
    for (ssize_t i = 0; i < tuple_size(v); i++) {
        Value b = tuple_get(v, i);
        if (!type_check(b)) {
            err_format(&exc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'", t->name, type_name(b));
            return -1;
        }
        if (type_is_subtype((Type *)b, t)) {
            err_set(&exc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    Type *nb = best_base(v);
    if (!nb) return -1;
    if (solid_base(nb) != solid_base(t->base)) {
        /* CPython compares the deallocators first: a class's differs from most builtins'. */
        bool dealloc = (nb->flags & TF_HEAPTYPE) != (t->base->flags & TF_HEAPTYPE);
        err_format(&exc_TypeError, "__bases__ assignment: '%s' %s differs from '%s'", nb->name,
                   dealloc ? "deallocator" : "object layout", t->base->name);
        return -1;
    }
    Value old_bases = t->bases, old_mro = t->mro;
    Type *old_base = t->base;
    t->bases = v;
    t->base = nb;
    if (remro_tree(t) < 0) {
        t->bases = old_bases;
        t->base = old_base;
        t->mro = old_mro;
        remro_tree(t);
        return -1;
    }
    for (ssize_t i = 0; i < tuple_size(old_bases); i++) subclasses_remove((Type *)tuple_get(old_bases, i), t);
    for (ssize_t i = 0; i < tuple_size(v); i++) subclasses_add((Type *)tuple_get(v, i), t);
    type_modified(t);
    return 0;
}

static Value type_get_base(Value self) {
    Type *b = ((Type *)self)->base;
    return b ? obj_val(b) : VNone;
}
static Value type_get_mro(Value self) { return ((Type *)self)->mro; }
static Value type_get_dict(Value self) {
    extern Value mappingproxy_new(Value d);
    return mappingproxy_new(((Type *)self)->dict);
}
static Value type_get_doc(Value self) {
    Type *t = (Type *)self;
    Value d = dict_get_cstr(t->dict, "__doc__");
    if (!d) return VNone;
    Type *dt = val_type(d);
    if (dt->descr_get) return dt->descr_get(d, VNULL, self);
    return d;
}
static int type_set_doc(Value self, Value v) {
    Type *t = (Type *)self;
    if (!(t->flags & TF_HEAPTYPE) || !v) {
        err_format(&exc_TypeError, "cannot %s '__doc__' attribute of immutable type '%s'", v ? "set" : "delete",
                   t->name);
        return -1;
    }
    if (dict_set_cstr(t->dict, "__doc__", v) < 0) return -1;
    type_modified(t);
    return 0;
}
/* type.__flags__: CPython's Py_TPFLAGS_* bits for the properties Taipan
 * tracks (inspect.isabstract tests IS_ABSTRACT, copyreg tests HEAPTYPE);
 * bits for C-level details Taipan has no equivalent of stay clear. */
static Value type_get_flags(Value self) {
    Type *t = (Type *)val_obj(self);
    static const struct { uint32_t tf; uint64_t py; } map[] = {
        {TF_SEQUENCE, 1ul << 5},         {TF_MAPPING, 1ul << 6},
        {TF_HEAPTYPE, 1ul << 9},         {TF_BASETYPE, 1ul << 10},
        {TF_READY, 1ul << 12},           {TF_ABSTRACT, 1ul << 20},
        {TF_INT_SUBCLASS, 1ul << 24},    {TF_LIST_SUBCLASS, 1ul << 25},
        {TF_TUPLE_SUBCLASS, 1ul << 26},  {TF_BYTES_SUBCLASS, 1ul << 27},
        {TF_STR_SUBCLASS, 1ul << 28},    {TF_DICT_SUBCLASS, 1ul << 29},
        {TF_EXC_SUBCLASS, 1ul << 30},    {TF_TYPE_SUBCLASS, 1ul << 31},
    };
    uint64_t f = t->flags & TF_HEAPTYPE ? 1ul << 14 /* HAVE_GC */ : 1ul << 8 /* IMMUTABLETYPE */;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (t->flags & map[i].tf) f |= map[i].py;
    return int_from_u64(f);
}

/* type.__basicsize__ / __itemsize__ / __dictoffset__ / __weakrefoffset__:
 * Taipan's own layout (code uses them for sizes: tuple.__itemsize__ is the
 * size of an item pointer, as in CPython). */
static Value type_get_basicsize(Value self) { return int_from_i64((int64_t)((Type *)val_obj(self))->basicsize); }
static Value type_get_itemsize(Value self) { return int_from_i64((int64_t)((Type *)val_obj(self))->itemsize); }
static Value type_get_dictoffset(Value self) {
    Type *t = (Type *)val_obj(self);
    if (t->attrs_offset == 1) return val_from_int(-1);   /* ATTRS_IN_SIDE: variable-size, as CPython's -1 */
    return int_from_i64((int64_t)t->attrs_offset);
}
static Value type_get_weakrefoffset(Value self) { return val_from_int(0); }

/* type.__text_signature__: from a builtin type's doc when it follows the
 * "name(sig)\n--\n\n" convention (descr.c), else None (also for classes). */
static Value type_get_text_signature(Value self) {
    Type *t = (Type *)val_obj(self);
    if (t->flags & TF_HEAPTYPE) return VNone;
    extern Value builtin_text_signature(const char *name, const char *doc);
    const char *dot = strrchr(t->name, '.');
    return builtin_text_signature(dot ? dot + 1 : t->name, t->doc);
}

static Value type_get_abstractmethods(Value self) {
    Type *t = (Type *)self;
    Value v = t != &type_type ? dict_get_cstr(t->dict, "__abstractmethods__") : VNULL;
    if (!v) {
        err_set(&exc_AttributeError, "__abstractmethods__");
        return VNULL;
    }
    return v;
}
static int type_set_abstractmethods(Value self, Value v) {
    Type *t = (Type *)self;
    int abstract = v ? obj_is_true(v) : 0;
    if (abstract < 0) return -1;
    if (v) {
        if (dict_set_cstr(t->dict, "__abstractmethods__", v) < 0) return -1;
    } else {
        if (dict_del(t->dict, str_intern_cstr("__abstractmethods__")) < 0) {
            if (!err_matches(&exc_KeyError)) return -1;
            err_clear();
            err_set(&exc_AttributeError, "__abstractmethods__");
            return -1;
        }
    }
    type_modified(t);
    if (abstract) t->flags |= TF_ABSTRACT;
    else t->flags &= ~TF_ABSTRACT;
    return 0;
}
static Value type_get_annotations(Value self) {
    Type *t = (Type *)self;
    Value a = dict_get_cstr(t->dict, "__annotations__");
    if (a) {
        Type *at = val_type(a);
        if (at->descr_get) return at->descr_get(a, VNULL, self);
        return a;
    }
    if (!(t->flags & TF_HEAPTYPE)) {
        err_format(&exc_AttributeError, "type object '%s' has no attribute '__annotations__'", t->name);
        return VNULL;
    }
    a = dict_new();
    if (!a || dict_set_cstr(t->dict, "__annotations__", a) < 0) return VNULL;
    type_modified(t);
    return a;
}
static int type_set_annotations(Value self, Value v) {
    Type *t = (Type *)self;
    if (!(t->flags & TF_HEAPTYPE)) {
        err_format(&exc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'", t->name);
        return -1;
    }
    int r;
    if (v) r = dict_set_cstr(t->dict, "__annotations__", v);
    else r = dict_del(t->dict, str_intern_cstr("__annotations__"));
    type_modified(t);
    return r;
}

static Value type_mro_m(Value self, Value *args, size_t nargs, Value kw) {
    Type *t = (Type *)self;
    Value mro = mro_c3(t, t->bases);
    if (!mro) return VNULL;
    return list_from_iterable(mro);
}

static Value type_subclasses_m(Value self, Value *args, size_t nargs, Value kw) {
    Type *t = (Type *)self;
    return t->subclasses ? list_from_iterable(t->subclasses) : list_new(0);
}

static Value type_instancecheck_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__instancecheck__", nargs, 1, 1) < 0) return VNULL;
    int r = obj_isinstance_type(args[0], (Type *)self);
    return r < 0 ? VNULL : val_bool(r);
}

static Value type_subclasscheck_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__subclasscheck__", nargs, 1, 1) < 0) return VNULL;
    if (!type_check(args[0])) {
        err_set(&exc_TypeError, "issubclass() arg 1 must be a class");
        return VNULL;
    }
    return val_bool(type_is_subtype((Type *)args[0], (Type *)self));
}

static Value type_prepare_m(Value self, Value *args, size_t nargs, Value kw) { return dict_new(); }

static Value type_dir_m(Value self, Value *args, size_t nargs, Value kw) {
    Value d = dict_new();
    if (!d) return VNULL;
    Value mro = ((Type *)self)->mro;
    for (ssize_t i = tuple_size(mro); i-- > 0;)
        if (dict_update(d, ((Type *)tuple_get(mro, i))->dict) < 0) return VNULL;
    return dict_keys_list(d);
}

static Value type_or(Value a, Value b) {
    extern Value union_new(Value a, Value b);
    return union_new(a, b);
}

static const MethodDef type_methods[] = {
    {"mro", type_mro_m, 0, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses_m, 0, "Return a list of immediate subclasses."},
    {"__instancecheck__", type_instancecheck_m, 0, "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck_m, 0, "Check if a class is a subclass."},
    {"__prepare__", type_prepare_m, METH_CLASS, "Create the namespace for the class statement"},
    {"__dir__", type_dir_m, 0, "Specialized __dir__ implementation for types."},
    {NULL}
};

static const GetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL},
    {"__module__", type_get_module, type_set_module, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL},
    {"__base__", type_get_base, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL},
    {"__flags__", type_get_flags, NULL, NULL},
    {"__basicsize__", type_get_basicsize, NULL, NULL},
    {"__itemsize__", type_get_itemsize, NULL, NULL},
    {"__dictoffset__", type_get_dictoffset, NULL, NULL},
    {"__weakrefoffset__", type_get_weakrefoffset, NULL, NULL},
    {"__text_signature__", type_get_text_signature, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL},
    {NULL}
};

Type type_type = {
    .hdr = {0, &type_type},
    .name = "type",
    .basicsize = sizeof(Type),
    .flags = TF_BASETYPE | TF_TYPE_SUBCLASS,
    .trace = type_trace,
    .new = type_new,
    .init = type_init,
    .call = type_call,
    .repr = type_repr,
    .getattr = type_getattro,
    .setattr = type_setattro,
    .nb = {[BINOP_OR] = type_or},
    .methods = type_methods,
    .getsets = type_getsets,
    .doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
};
