/* collections_odict.c - collections.OrderedDict: a dict whose entry order is its order; its views and iterator. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/misc.h"
#include "../objects/instance.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"
#include "collections.h"

/*
 * CPython keeps an OrderedDict's order in a doubly linked list of nodes
 * beside its dict, plus a table mapping hash slots to nodes.  Taipan's dict
 * is already insertion-ordered (a dense entry array, dict.c), so here the
 * order *is* the entry order and an OrderedDict is a plain dict with one
 * more word: lookups, `in`, len() and od[k] = v are dict operations, and
 * everything that reads a dict's table in C (dict(od), {**od}, set(od),
 * json.dumps) sees the right order for free.
 *
 * The operations a dict lacks are entry moves (dict.c's "entry-level
 * operations"):
 *   move_to_end(k)            copies k's entry to the end and leaves a hole;
 *                             amortized O(1) (a full table is compacted).
 *   move_to_end(k, last=False) uses the hole before the first live entry,
 *                             or rebuilds the table with free entries in
 *                             front (so a run of them is amortized O(1)).
 *   popitem(last=False)       finds the first live entry from a hint kept
 *                             in the table, so a FIFO never rescans holes.
 *   popitem()                 the last live entry; trailing holes are trimmed.
 *
 * `state` counts changes of order made through OrderedDict's methods
 * (insertions, deletions, moves), like CPython's od_state: an iterator that
 * sees it change raises "OrderedDict mutated during iteration".  Changes
 * made through dict's methods (dict.__setitem__(od, k, v)) do not count;
 * one that changes the size raises "OrderedDict changed size during
 * iteration", as in CPython.  The iterator remembers the key it will yield
 * next and that key's entry number, and looks the key up again if the
 * entry no longer holds it, so it is safe whatever the table went through.
 *
 * Instances carry a __dict__ (attribute slots at attrs_offset) and take
 * weak references.  Semantics follow CPython 3.11's C OrderedDict: update()
 * and __init__ store through __setitem__ (a subclass's override is called),
 * pop() and popitem() never call a subclass's methods, setdefault() and
 * copy() do for subclasses, and the repr is `OrderedDict([(k, v), ...])`.
 */

typedef struct OdictObject {
    DictObject dict;
    size_t state;      /* bumped by each change of order made by OrderedDict's methods */
    /* AttrHeader follows (attrs_offset): the instance __dict__ */
} OdictObject;

#define OD(v) ((OdictObject *)(v))

Type type_odict, type_odict_keys, type_odict_values, type_odict_items, type_odict_iter;

static inline bool odict_check(Value v) { return val_isinstance(v, &type_odict); }
static inline bool odict_check_exact(Value v) { return !val_is_int(v) && val_obj(v)->type == &type_odict; }

static void odict_trace(Object *o) {
    type_dict.trace(o);
    inst_trace_attrs(o);
}

/* ---- Storing: the __setitem__ slot and update()'s protocol ---- */

static int odict_ass_sub(Value self, Value key, Value v) {
    ssize_t n = dict_size(self);
    int r = v ? dict_set(self, key, v) : dict_del(self, key);
    if (dict_size(self) != n) OD(self)->state++;
    return r;
}

/* True when storing into self may skip __setitem__ (it is ours). */
static inline bool plain_store(Value self) { return val_type(self)->setitem == odict_ass_sub; }

/* self[k] = v for each pair of `pairs`, CPython's unpacking messages. */
static int add_pairs(Value self, Value pairs) {
    Value it = obj_iter(pairs);
    if (!it) return -1;
    for (;;) {
        Value pair = obj_next(it);
        if (!pair) return err_occurred() ? -1 : 0;
        Value key, value;
        if (tuple_check_exact(pair) && tuple_size(pair) == 2) {
            key = tuple_get(pair, 0);
            value = tuple_get(pair, 1);
        } else {
            Value pit = obj_iter(pair);
            if (!pit) return -1;
            key = obj_next(pit);
            if (!key) {
                if (!err_occurred()) err_set(&exc_ValueError, "need more than 0 values to unpack");
                return -1;
            }
            value = obj_next(pit);
            if (!value) {
                if (!err_occurred()) err_set(&exc_ValueError, "need more than 1 value to unpack");
                return -1;
            }
            if (obj_next(pit)) {
                err_set(&exc_ValueError, "too many values to unpack (expected 2)");
                return -1;
            }
            if (err_occurred()) return -1;
        }
        if (obj_setitem(self, key, value) < 0) return -1;
    }
}

/* MutableMapping.update(arg): a dict's items, else keys() and [], else
 * items(), else pairs. */
static int update_arg(Value self, Value arg) {
    if (dict_check_exact(arg) || odict_check_exact(arg)) {
        if (plain_store(self)) {
            ssize_t n = dict_size(self);
            int r = dict_merge_table(self, arg);
            if (dict_size(self) != n) OD(self)->state++;
            return r;
        }
        /* A snapshot, as PyDict_Items() takes: __setitem__ may mutate arg. */
        Value ks = dict_keys_list(arg), vs = ks ? dict_values_list(arg) : VNULL;
        if (!vs) return -1;
        for (ssize_t i = 0; i < list_size(ks); i++)
            if (obj_setitem(self, list_get(ks, i), list_get(vs, i)) < 0) return -1;
        return 0;
    }
    Value keys = obj_getattr_opt(arg, intern_cstr_cached("keys"));
    if (keys) {
        Value kl = obj_call0(keys);
        Value it = kl ? obj_iter(kl) : VNULL;
        if (!it) return -1;
        for (;;) {
            Value k = obj_next(it);
            if (!k) return err_occurred() ? -1 : 0;
            Value v = obj_getitem(arg, k);
            if (!v || obj_setitem(self, k, v) < 0) return -1;
        }
    }
    if (err_occurred()) return -1;
    Value items = obj_getattr_opt(arg, intern_cstr_cached("items"));
    if (items) {
        Value il = obj_call0(items);
        return il ? add_pairs(self, il) : -1;
    }
    if (err_occurred()) return -1;
    return add_pairs(self, arg);
}

/* __init__(arg, **kw) and update(arg, **kw). */
static int update_common(Value self, Value *args, size_t nargs, Value kwnames, bool init) {
    if (nargs > 1) {
        if (init)
            err_format(&exc_TypeError, "expected at most 1 arguments, got %zu", nargs);
        else
            err_format(&exc_TypeError, "update() takes at most 1 positional argument (%zu given)", nargs);
        return -1;
    }
    if (nargs == 1 && update_arg(self, args[0]) < 0) return -1;
    if (kwnames) {
        for (ssize_t i = 0; i < tuple_size(kwnames); i++)
            if (obj_setitem(self, tuple_get(kwnames, i), args[nargs + i]) < 0) return -1;
    }
    return 0;
}

static int odict_init(Value self, Value *args, size_t nargs, Value kwnames) {
    return update_common(self, args, nargs, kwnames, true);
}

static Value od_update(Value self, Value *args, size_t nargs, Value kwnames) {
    return update_common(self, args, nargs, kwnames, false) < 0 ? VNULL : VNone;
}

/* ---- Iterator ---- */

enum { IT_KEYS = 1, IT_VALUES = 2, IT_REVERSED = 4 };

typedef struct OdictIterObject {
    Object hdr;
    Value od;          /* VNULL once exhausted */
    Value current;     /* the key to yield next; VNULL: at the end */
    ssize_t pos;       /* its entry number when last seen */
    ssize_t size;      /* the OrderedDict's size at the start; -1 after a size change (sticky) */
    size_t state;
    int kind;
} OdictIterObject;

static void odictiter_trace(Object *o) {
    OdictIterObject *it = (OdictIterObject *)o;
    gc_mark(it->od);
    gc_mark(it->current);
}

/* The live entry after (before, reversed) entry ix, or -1. */
static ssize_t next_live(Value od, ssize_t ix, bool reversed) {
    if (reversed) {
        while (--ix >= 0)
            if (dict_entry_at(od, ix)->key) return ix;
        return -1;
    }
    ssize_t n = dict_nentries(od);
    while (++ix < n)
        if (dict_entry_at(od, ix)->key) return ix;
    return -1;
}

static Value odictiter_new(Value od, int kind) {
    misc_ready_type(&type_odict_iter);
    OdictIterObject *it = gc_alloc(&type_odict_iter, sizeof(OdictIterObject));
    if (!it) return VNULL;
    ssize_t ix = kind & IT_REVERSED ? dict_last_index(od) : dict_first_index(od);
    it->od = od;
    it->current = ix >= 0 ? dict_entry_at(od, ix)->key : VNULL;
    it->pos = ix;
    it->size = dict_size(od);
    it->state = OD(od)->state;
    it->kind = kind;
    return obj_val(it);
}

static Value odictiter_next(Value self) {
    OdictIterObject *it = (OdictIterObject *)self;
    Value od = it->od;
    if (!od) return VNULL;
    if (!it->current) goto done;
    if (OD(od)->state != it->state) {
        err_set(&exc_RuntimeError, "OrderedDict mutated during iteration");
        goto done;
    }
    if (it->size != dict_size(od)) {
        err_set(&exc_RuntimeError, "OrderedDict changed size during iteration");
        it->size = -1;
        return VNULL;
    }
    Value key = it->current;
    ssize_t ix = it->pos;
    if (ix >= dict_nentries(od) || dict_entry_at(od, ix)->key != key) {
        /* The table changed under us through dict's own methods. */
        ix = dict_index_of(od, key);
        if (ix < 0) {
            if (!err_occurred()) err_set_value(&exc_KeyError, key);
            it->current = VNULL;
            return VNULL;
        }
    }
    Value value = dict_entry_at(od, ix)->value;
    ssize_t next = next_live(od, ix, it->kind & IT_REVERSED);
    it->current = next >= 0 ? dict_entry_at(od, next)->key : VNULL;
    it->pos = next;
    if (!(it->kind & IT_VALUES)) return key;
    if (!(it->kind & IT_KEYS)) return value;
    return tuple_pack(2, key, value);
done:
    it->od = VNULL;
    return VNULL;
}

static Value iter_self(Value self) { return self; }

/* (iter, (list of what is left,)), computed on a copy of the iterator. */
static Value odictiter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    extern Value import_name(Value name, Value globals, Value fromlist, int level);
    OdictIterObject *copy = gc_alloc(&type_odict_iter, sizeof(OdictIterObject));
    if (!copy) return VNULL;
    memcpy((char *)copy + sizeof(Object), (char *)self + sizeof(Object), sizeof(OdictIterObject) - sizeof(Object));
    Value rest = list_from_iterable(obj_val(copy));
    Value builtins = rest ? import_name(intern_cstr_cached("builtins"), VNULL, VNone, 0) : VNULL;
    Value iter = builtins ? obj_getattr_cstr(builtins, "iter") : VNULL;
    Value a = iter ? tuple_pack(1, rest) : VNULL;
    return a ? tuple_pack(2, iter, a) : VNULL;
}

static const MethodDef odictiter_methods[] = {
    {"__reduce__", odictiter_reduce, 0, "Return state information for pickling"},
    {NULL},
};

Type type_odict_iter = {
    .hdr = {0, &type_type},
    .name = "odict_iterator",
    .basicsize = sizeof(OdictIterObject),
    .trace = odictiter_trace,
    .iter = iter_self,
    .iternext = odictiter_next,
    .methods = odictiter_methods,
};

static Value odict_iter(Value self) { return odictiter_new(self, IT_KEYS); }

/* ---- Views: dict's, iterating in order and reversible ---- */

static inline Value view_od(Value v) { return ((DictViewObject *)v)->dict; }

static Value odict_keys_iter(Value self) { return odictiter_new(view_od(self), IT_KEYS); }
static Value odict_values_iter(Value self) { return odictiter_new(view_od(self), IT_VALUES); }
static Value odict_items_iter(Value self) { return odictiter_new(view_od(self), IT_KEYS | IT_VALUES); }

static Value odict_keys_reversed(Value self, Value *args, size_t nargs, Value kw) {
    return odictiter_new(view_od(self), IT_KEYS | IT_REVERSED);
}
static Value odict_values_reversed(Value self, Value *args, size_t nargs, Value kw) {
    return odictiter_new(view_od(self), IT_VALUES | IT_REVERSED);
}
static Value odict_items_reversed(Value self, Value *args, size_t nargs, Value kw) {
    return odictiter_new(view_od(self), IT_KEYS | IT_VALUES | IT_REVERSED);
}

static const MethodDef odict_keys_methods[] = {
    {"__reversed__", odict_keys_reversed, 0, NULL},
    {NULL},
};
static const MethodDef odict_values_methods[] = {
    {"__reversed__", odict_values_reversed, 0, NULL},
    {NULL},
};
static const MethodDef odict_items_methods[] = {
    {"__reversed__", odict_items_reversed, 0, NULL},
    {NULL},
};

/* Length, containment, set operations and repr come from the dict views. */
Type type_odict_keys = {
    .hdr = {0, &type_type},
    .name = "odict_keys",
    .base = &type_dict_keys,
    .basicsize = sizeof(DictViewObject),
    .iter = odict_keys_iter,
    .methods = odict_keys_methods,
};
Type type_odict_values = {
    .hdr = {0, &type_type},
    .name = "odict_values",
    .base = &type_dict_values,
    .basicsize = sizeof(DictViewObject),
    .iter = odict_values_iter,
    .methods = odict_values_methods,
};
Type type_odict_items = {
    .hdr = {0, &type_type},
    .name = "odict_items",
    .base = &type_dict_items,
    .basicsize = sizeof(DictViewObject),
    .iter = odict_items_iter,
    .methods = odict_items_methods,
};

/* METH_NOARGS's checks: "OrderedDict.keys() takes no arguments (1 given)". */
static int no_args(const char *name, size_t nargs, Value kw) {
    return arg_no_kw(name, kw) < 0 || arg_count(name, nargs, 0, 0) < 0 ? -1 : 0;
}

static Value view(Value self, const char *name, size_t nargs, Value kw, Type *t) {
    if (no_args(name, nargs, kw) < 0) return VNULL;
    misc_ready_type(t);
    return dict_view_new(self, t);
}
static Value od_keys(Value self, Value *args, size_t nargs, Value kw) {
    return view(self, "OrderedDict.keys", nargs, kw, &type_odict_keys);
}
static Value od_values(Value self, Value *args, size_t nargs, Value kw) {
    return view(self, "OrderedDict.values", nargs, kw, &type_odict_values);
}
static Value od_items(Value self, Value *args, size_t nargs, Value kw) {
    return view(self, "OrderedDict.items", nargs, kw, &type_odict_items);
}

/* ---- Methods ---- */

/* Argument Clinic's bool converter (PyObject_IsTrue); dflt when absent. */
static int bool_arg(Value v, int dflt) { return v ? obj_is_true(v) : dflt; }

/* The common calls f(x, last=...) and f(last=...): the keyword is the
 * interned "last", matched by identity before arg_parse compares bytes. */
static inline bool only_last_kw(size_t nargs, size_t npos, Value kw) {
    return nargs == npos && kw && tuple_size(kw) == 1 && tuple_get(kw, 0) == intern_cstr_cached("last");
}

static Value od_move_to_end(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"key", "last", NULL};
    Value a[2];
    if (only_last_kw(nargs, 1, kw)) {
        a[0] = args[0];
        a[1] = args[1];
    } else if (dm_parse("move_to_end", args, nargs, kw, names, 0, 2, 1, a) < 0) {
        return VNULL;
    }
    int last = bool_arg(a[1], 1);
    if (last < 0) return VNULL;
    Value key = a[0];
    if (dict_size(self) == 0) {
        err_set_value(&exc_KeyError, key);
        return VNULL;
    }
    ssize_t end = last ? dict_last_index(self) : dict_first_index(self);
    if (dict_entry_at(self, end)->key == key) return VNone;
    ssize_t ix = dict_index_of(self, key);
    if (ix < 0) {
        if (!err_occurred()) err_set_value(&exc_KeyError, key);
        return VNULL;
    }
    /* The lookup may have run __eq__, which may have changed the table. */
    end = last ? dict_last_index(self) : dict_first_index(self);
    if (ix != end) {
        if (dict_move_index(self, ix, last) < 0) return VNULL;
        OD(self)->state++;
    }
    return VNone;
}

static Value od_popitem(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"last", NULL};
    Value a[1];
    if (only_last_kw(nargs, 0, kw))
        a[0] = args[0];
    else if (dm_parse("popitem", args, nargs, kw, names, 0, 1, 0, a) < 0)
        return VNULL;
    int last = bool_arg(a[0], 1);
    if (last < 0) return VNULL;
    if (dict_size(self) == 0) {
        err_set(&exc_KeyError, "dictionary is empty");
        return VNULL;
    }
    ssize_t ix = last ? dict_last_index(self) : dict_first_index(self);
    DictEntry *e = dict_entry_at(self, ix);
    Value item = tuple_pack(2, e->key, e->value);
    if (!item) return VNULL;
    dict_delete_index(self, ix);
    OD(self)->state++;
    return item;
}

static Value od_pop(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"key", "default", NULL};
    Value a[2];
    if (dm_parse("pop", args, nargs, kw, names, 0, 2, 1, a) < 0) return VNULL;
    ssize_t ix = dict_index_of(self, a[0]);
    if (ix < 0) {
        if (err_occurred()) return VNULL;
        if (a[1]) return a[1];
        err_set_value(&exc_KeyError, a[0]);
        return VNULL;
    }
    Value v = dict_entry_at(self, ix)->value;
    dict_delete_index(self, ix);
    OD(self)->state++;
    return v;
}

static Value od_setdefault(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"key", "default", NULL};
    Value a[2];
    if (dm_parse("setdefault", args, nargs, kw, names, 0, 2, 1, a) < 0) return VNULL;
    Value key = a[0], dflt = a[1] ? a[1] : VNone;
    if (odict_check_exact(self)) {
        Value v = dict_get(self, key);
        if (v) return v;
        if (err_occurred() || odict_ass_sub(self, key, dflt) < 0) return VNULL;
        return dflt;
    }
    int has = obj_contains(self, key);
    if (has < 0) return VNULL;
    if (has) return obj_getitem(self, key);
    return obj_setitem(self, key, dflt) < 0 ? VNULL : dflt;
}

static Value od_clear(Value self, Value *args, size_t nargs, Value kw) {
    if (no_args("OrderedDict.clear", nargs, kw) < 0) return VNULL;
    /* No change of state, as in CPython: iterators see the change of size. */
    dict_clear(self);
    return VNone;
}

static Value odict_new_empty(void) { return type_odict.new(&type_odict, NULL, 0, VNULL); }

static Value od_copy(Value self, Value *args, size_t nargs, Value kw) {
    if (no_args("OrderedDict.copy", nargs, kw) < 0) return VNULL;
    if (odict_check_exact(self)) {
        Value r = odict_new_empty();
        if (!r || dict_merge_table(r, self) < 0) return VNULL;
        return r;
    }
    Value r = obj_call0(obj_val(val_type(self)));
    Value keys = r ? dict_keys_list(self) : VNULL;
    if (!keys) return VNULL;
    for (ssize_t i = 0; i < list_size(keys); i++) {
        Value k = list_get(keys, i), v = obj_getitem(self, k);
        if (!v || obj_setitem(r, k, v) < 0) return VNULL;
    }
    return r;
}

static Value od_fromkeys(Value cls, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"iterable", "value", NULL};
    Value a[2];
    if (dm_parse("fromkeys", args, nargs, kw, names, 0, 2, 1, a) < 0) return VNULL;
    Value value = a[1] ? a[1] : VNone;
    Value d = obj_call0(cls);
    Value it = d ? obj_iter(a[0]) : VNULL;
    if (!it) return VNULL;
    for (;;) {
        Value k = obj_next(it);
        if (!k) return err_occurred() ? VNULL : d;
        if (obj_setitem(d, k, value) < 0) return VNULL;
    }
}

static Value od_reversed(Value self, Value *args, size_t nargs, Value kw) {
    if (no_args("OrderedDict.__reversed__", nargs, kw) < 0) return VNULL;
    return odictiter_new(self, IT_KEYS | IT_REVERSED);
}

static Value od_sizeof(Value self, Value *args, size_t nargs, Value kw) {
    if (no_args("OrderedDict.__sizeof__", nargs, kw) < 0) return VNULL;
    Value f = type_lookup_cstr(&type_dict, "__sizeof__");
    return f ? obj_call1(f, self) : VNULL;
}

static Value get_inst_dict(Value self) { return inst_dict(self); }
static int set_inst_dict(Value self, Value v) {
    if (!v) {
        err_set(&exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!dict_check(v)) {
        err_format(&exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(v));
        return -1;
    }
    return inst_set_dict(self, v);
}

static const GetSetDef odict_getsets[] = {
    {"__dict__", get_inst_dict, set_inst_dict, NULL},
    {NULL},
};

/* The instance __dict__ for pickling, VNULL (None) when it is empty.  The
 * common case, our own __dict__ and no attributes, creates no dict. */
static Value reduce_state(Value self) {
    Value descr = type_lookup_cstr(val_type(self), "__dict__");
    if (descr && descr == type_lookup_cstr(&type_odict, "__dict__")) {
        AttrHeader *h = inst_attrs_existing(self);
        if (!h || !h->map || (h->map->dict_mode ? !h->slots[0] || dict_size(h->slots[0]) == 0 : h->map->count == 0))
            return VNone;
    }
    Value d = obj_getattr_cstr(self, "__dict__");
    if (!d) return VNULL;
    ssize_t n = obj_len(d);
    if (n < 0) return VNULL;
    return n ? d : VNone;
}

static Value od_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (no_args("OrderedDict.__reduce__", nargs, kw) < 0) return VNULL;
    Value state = reduce_state(self);
    Value items = state ? obj_call_method(self, "items", NULL, 0) : VNULL;
    Value it = items ? obj_iter(items) : VNULL;
    Value noargs = it ? tuple_empty() : VNULL;
    if (!noargs) return VNULL;
    return tuple_pack(5, obj_val(val_type(self)), noargs, state, VNone, it);
}

static const MethodDef odict_methods[] = {
    {"fromkeys", od_fromkeys, METH_CLASS,
     "Create a new ordered dictionary with keys from iterable and values set to value."},
    {"__sizeof__", od_sizeof, 0, NULL},
    {"__reduce__", od_reduce, 0, "Return state information for pickling"},
    {"setdefault", od_setdefault, 0,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", od_pop, 0,
     "od.pop(key[,default]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\nraise a KeyError."},
    {"popitem", od_popitem, 0,
     "Remove and return a (key, value) pair from the dictionary.\n\n"
     "Pairs are returned in LIFO order if last is true or FIFO order if false."},
    {"keys", od_keys, 0, NULL},
    {"values", od_values, 0, NULL},
    {"items", od_items, 0, NULL},
    {"update", od_update, 0, NULL},
    {"clear", od_clear, 0, "od.clear() -> None.  Remove all items from od."},
    {"copy", od_copy, 0, "od.copy() -> a shallow copy of od"},
    {"__reversed__", od_reversed, 0, "od.__reversed__() <==> reversed(od)"},
    {"move_to_end", od_move_to_end, 0,
     "Move an existing element to the end (or beginning if last is false).\n\n"
     "Raise KeyError if the element does not exist."},
    {"__class_getitem__", generic_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL},
};

/* ---- Slots ---- */

static Value odict_repr(Value self) {
    const char *name = val_type(self)->name, *dot = strrchr(name, '.');
    if (dot) name = dot + 1;
    if (dict_size(self) == 0) return str_printf("%s()", name);
    int r = list_repr_enter(self);
    if (r != 0) return r > 0 ? str_from_cstr("...") : VNULL;
    Value pieces;
    if (odict_check_exact(self)) {
        pieces = dict_items_list(self);
    } else {
        Value items = obj_call_method(self, "items", NULL, 0);
        pieces = items ? list_from_iterable(items) : VNULL;
    }
    Value s = pieces ? str_printf("%s(%R)", name, pieces) : VNULL;
    list_repr_leave(self);
    return s;
}

/* 1 if a and b hold equal keys in the same order, 0 if not, -1 on error. */
static int keys_equal(Value a, Value b) {
    ssize_t i = dict_first_index(a), j = dict_first_index(b);
    for (;;) {
        /* Re-read both tables every step: __eq__ may mutate them. */
        while (i >= 0 && i < dict_nentries(a) && !dict_entry_at(a, i)->key) i++;
        while (j >= 0 && j < dict_nentries(b) && !dict_entry_at(b, j)->key) j++;
        bool end_a = i < 0 || i >= dict_nentries(a), end_b = j < 0 || j >= dict_nentries(b);
        if (end_a || end_b) return end_a && end_b;
        int eq = obj_richcompare_bool(dict_entry_at(a, i)->key, dict_entry_at(b, j)->key, CMP_EQ);
        if (eq <= 0) return eq;
        i++;
        j++;
    }
}

static Value odict_richcompare(Value v, Value w, int op) {
    if (!odict_check(v) || !dict_check(w) || (op != CMP_EQ && op != CMP_NE)) return VNotImplemented;
    Value cmp = type_dict.richcompare(v, w, op);
    if (!cmp || !odict_check(w)) return cmp;
    if (cmp == (op == CMP_EQ ? VFalse : VTrue)) return cmp;
    int eq = keys_equal(v, w);
    if (eq < 0) return VNULL;
    return val_bool(eq == (op == CMP_EQ));
}

static Value odict_or(Value left, Value right) {
    Type *t;
    Value other;
    if (odict_check(left)) {
        t = val_type(left);
        other = right;
    } else {
        t = val_type(right);
        other = left;
    }
    if (!dict_check(other)) return VNotImplemented;
    Value r = obj_call1(obj_val(t), left);
    if (!r || update_arg(r, right) < 0) return VNULL;
    return r;
}

static Value odict_ior(Value self, Value other) { return update_arg(self, other) < 0 ? VNULL : self; }

Type type_odict = {
    .hdr = {0, &type_type},
    .name = "collections.OrderedDict",
    .basicsize = sizeof(OdictObject),
    .attrs_offset = sizeof(OdictObject),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .base = &type_dict,
    .trace = odict_trace,
    .init = odict_init,
    .repr = odict_repr,
    .hash = obj_hash_unhashable,
    .richcompare = odict_richcompare,
    .iter = odict_iter,
    .setitem = odict_ass_sub,
    .nb = {[BINOP_OR] = odict_or},
    .nb_inplace = {[BINOP_OR] = odict_ior},
    .methods = odict_methods,
    .getsets = odict_getsets,
    .doc = "Dictionary that remembers insertion order",
};

void odict_ready_types(void) {
    type_ready(&type_odict);
    type_ready(&type_odict_keys);
    type_ready(&type_odict_values);
    type_ready(&type_odict_items);
    type_ready(&type_odict_iter);
}
