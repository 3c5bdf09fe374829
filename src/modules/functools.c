/* functools.c - the _functools module: partial, reduce, cmp_to_key and the C LRU cache. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/misc.h"
#include "../objects/module.h"
#include "../objects/instance.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"

/*
 * functools.py imports these names from here and keeps its pure-Python
 * versions only as fallbacks.  Like CPython's, partial and the LRU wrapper
 * carry a __dict__ (update_wrapper() and user code set attributes on
 * them): their instance attributes follow the fixed fields
 * (attrs_offset), exactly as the builtin exceptions keep theirs.
 */

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

/* True if the object has been given instance attributes. */
static bool has_inst_attrs(Value v) {
    AttrHeader *h = inst_attrs_existing(v);
    if (!h || !h->map) return false;
    if (h->map->dict_mode) return h->slots[0] && dict_size(h->slots[0]) > 0;
    return h->map->count > 0;
}

/* ---- partial ---- */

typedef struct PartialObject {
    Object hdr;
    Value fn;
    Value args;       /* tuple */
    Value kw;         /* dict */
    /* AttrHeader follows (attrs_offset) */
} PartialObject;

Type type_partial;

static void partial_trace(Object *o) {
    PartialObject *p = (PartialObject *)o;
    gc_mark(p->fn);
    gc_mark(p->args);
    gc_mark(p->kw);
    inst_trace_attrs(o);
}

static bool is_callable(Value v) { return val_type(v)->call != NULL; }

static Value partial_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (nargs < 1) {
        err_set(&exc_TypeError, "type 'partial' takes at least one argument");
        return VNULL;
    }
    Value func = args[0], pargs = VNULL, pkw = VNULL;
    if (!is_callable(func)) {
        err_set(&exc_TypeError, "the first argument must be callable");
        return VNULL;
    }
    /* A partial of a partial (without instance attributes) is flattened. */
    if (val_type(func)->new == partial_new && !has_inst_attrs(func)) {
        PartialObject *inner = (PartialObject *)func;
        pargs = inner->args;
        pkw = inner->kw;
        func = inner->fn;
    }
    Value rest = tuple_from_array(args + 1, nargs - 1);
    if (!rest) return VNULL;
    Value all = pargs ? tuple_concat(pargs, rest) : rest;
    if (!all) return VNULL;
    Value kw = pkw ? dict_copy(pkw) : dict_new();
    if (!kw) return VNULL;
    for (ssize_t i = 0; kwnames && i < tuple_size(kwnames); i++)
        if (dict_set(kw, tuple_get(kwnames, i), args[nargs + i]) < 0) return VNULL;
    PartialObject *p = (PartialObject *)type_generic_alloc(t, 0);
    if (!p) return VNULL;
    p->fn = func;
    p->args = all;
    p->kw = kw;
    return obj_val(p);
}

/* partial(func, *args, **kw) without a user-visible call: operator.methodcaller's __reduce__. */
Value functools_partial_new(Value func, Value *args, size_t nargs, Value kwnames) {
    type_ready(&type_partial);
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    Value *buf = alloca(sizeof(Value) * (nargs + nkw + 1));
    buf[0] = func;
    copy_values(buf + 1, args, nargs + nkw);
    return partial_new(&type_partial, buf, nargs + 1, kwnames);
}

static Value partial_call(Value self, Value *args, size_t nargs, Value kwnames) {
    PartialObject *p = (PartialObject *)self;
    ssize_t np = tuple_size(p->args);
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    if (dict_size(p->kw) == 0) {
        if (np == 0) return obj_call(p->fn, args, nargs, kwnames);
        Value *buf = alloca(sizeof(Value) * ((size_t)np + nargs + nkw));
        copy_values(buf, tuple_items(p->args), (size_t)np);
        copy_values(buf + np, args, nargs + nkw);
        return obj_call(p->fn, buf, (size_t)np + nargs, kwnames);
    }
    /* The stored keywords first, then the call's (which override them). */
    Value kw = dict_copy(p->kw);
    if (!kw) return VNULL;
    for (size_t i = 0; i < nkw; i++)
        if (dict_set(kw, tuple_get(kwnames, (ssize_t)i), args[nargs + i]) < 0) return VNULL;
    ssize_t nk = dict_size(kw);
    Value names = tuple_new((size_t)nk);
    if (!names) return VNULL;
    Value *buf = alloca(sizeof(Value) * ((size_t)np + nargs + (size_t)nk));
    copy_values(buf, tuple_items(p->args), (size_t)np);
    copy_values(buf + np, args, nargs);
    ssize_t pos = 0, i = 0;
    Value k, v;
    while (dict_next(kw, &pos, &k, &v)) {
        /* p.keywords is a plain dict anyone may add to. */
        if (!str_check(k)) {
            err_set(&exc_TypeError, "keywords must be strings");
            return VNULL;
        }
        tuple_items(names)[i] = k;
        buf[(size_t)np + nargs + (size_t)i] = v;
        i++;
    }
    return obj_call(p->fn, buf, (size_t)np + nargs, names);
}

static Value partial_repr(Value self) {
    PartialObject *p = (PartialObject *)self;
    int rec = list_repr_enter(self);
    if (rec != 0) return rec > 0 ? str_from_cstr("...") : VNULL;
    StrBuilder sb;
    sb_init(&sb);
    sb_printf(&sb, "%s(%R", val_type(self)->name, p->fn);
    /* Item reprs may run code that changes the partial: re-read each time. */
    for (ssize_t i = 0; i < tuple_size(p->args); i++) sb_printf(&sb, ", %R", tuple_get(p->args, i));
    Value kw = p->kw;
    ssize_t pos = 0;
    Value k, v;
    while (!sb.failed && dict_next(kw, &pos, &k, &v)) sb_printf(&sb, ", %S=%R", k, v);
    sb_append_char(&sb, ')');
    list_repr_leave(self);
    return sb_finish(&sb);
}

static Value partial_reduce(Value self, Value *args, size_t nargs, Value kw) {
    PartialObject *p = (PartialObject *)self;
    Value d = VNone;
    if (has_inst_attrs(self)) {
        d = inst_dict(self);
        if (!d) return VNULL;
    }
    Value state = tuple_pack(4, p->fn, p->args, p->kw, d);
    return state ? tuple_pack(3, obj_val(val_type(self)), tuple_pack(1, p->fn), state) : VNULL;
}

static Value partial_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__setstate__", nargs, 1, 1) < 0) return VNULL;
    Value st = args[0];
    if (!tuple_check(st) || tuple_size(st) != 4 || !is_callable(tuple_get(st, 0)) ||
        !tuple_check(tuple_get(st, 1)) || (tuple_get(st, 2) != VNone && !dict_check(tuple_get(st, 2)))) {
        err_set(&exc_TypeError, "invalid partial state");
        return VNULL;
    }
    PartialObject *p = (PartialObject *)self;
    Value fargs = tuple_get(st, 1), fkw = tuple_get(st, 2), d = tuple_get(st, 3);
    if (!tuple_check_exact(fargs)) fargs = tuple_from_array(tuple_items(fargs), (size_t)tuple_size(fargs));
    /* An exact dict is kept as it is (copy.copy shares it, as in CPython). */
    fkw = fkw == VNone ? dict_new() : dict_check_exact(fkw) ? fkw : dict_copy(fkw);
    if (!fargs || !fkw) return VNULL;
    GC_WRITE(self, p->fn, tuple_get(st, 0));
    GC_WRITE(self, p->args, fargs);
    GC_WRITE(self, p->kw, fkw);
    if (d != VNone) {
        if (!dict_check(d)) {
            err_set(&exc_TypeError, "invalid partial state");
            return VNULL;
        }
        Value copy = dict_copy(d);
        if (!copy || inst_set_dict(self, copy) < 0) return VNULL;
    } else {
        Value empty = dict_new();
        if (!empty || inst_set_dict(self, empty) < 0) return VNULL;
    }
    return VNone;
}

static const MethodDef partial_methods[] = {
    {"__reduce__", partial_reduce, 0, NULL},
    {"__setstate__", partial_setstate, 0, NULL},
    {NULL},
};

static const MemberDef partial_members[] = {
    {"func", MEMBER_VALUE_RO, offsetof(PartialObject, fn)},
    {"args", MEMBER_VALUE_RO, offsetof(PartialObject, args)},
    {"keywords", MEMBER_VALUE_RO, offsetof(PartialObject, kw)},
    {NULL},
};

static const GetSetDef partial_getsets[] = {
    {"__dict__", get_inst_dict, set_inst_dict, NULL},
    {NULL},
};

Type type_partial = {
    .hdr = {0, &type_type},
    .name = "functools.partial",
    .basicsize = sizeof(PartialObject),
    .attrs_offset = sizeof(PartialObject),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .trace = partial_trace,
    .new = partial_new,
    .call = partial_call,
    .repr = partial_repr,
    .methods = partial_methods,
    .members = partial_members,
    .getsets = partial_getsets,
    .doc = "partial(func, *args, **keywords) - new function with partial application\n"
           "    of the given arguments and keywords.\n",
};

/* ---- reduce ---- */

static Value reduce_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("reduce", kw) < 0 || arg_count("reduce", nargs, 2, 3) < 0) return VNULL;
    Value func = args[0], result = nargs > 2 ? args[2] : VNULL;
    Value it = obj_iter(args[1]);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_set(&exc_TypeError, "reduce() arg 2 must support iteration");
        }
        return VNULL;
    }
    for (;;) {
        Value x = obj_next(it);
        if (!x) {
            if (err_occurred()) return VNULL;
            break;
        }
        if (!result) {
            result = x;
            continue;
        }
        result = obj_call2(func, result, x);
        if (!result) return VNULL;
    }
    if (!result) err_set(&exc_TypeError, "reduce() of empty iterable with no initial value");
    return result;
}

/* ---- cmp_to_key ---- */

typedef struct KeyObject {
    Object hdr;
    Value cmp;
    Value object;     /* VNULL in the key function itself, the wrapped value in its results */
} KeyObject;

Type type_keywrapper;

static void key_trace(Object *o) {
    KeyObject *k = (KeyObject *)o;
    gc_mark(k->cmp);
    gc_mark(k->object);
}

static Value key_new_obj(Value cmp, Value object) {
    KeyObject *k = gc_alloc(&type_keywrapper, sizeof(KeyObject));
    if (!k) return VNULL;
    k->cmp = cmp;
    k->object = object;
    return obj_val(k);
}

static Value key_call(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"obj", NULL};
    Value obj;
    if (arg_parse("K", args, nargs, kw, names, 0, 1, &obj) < 0) return VNULL;
    return key_new_obj(((KeyObject *)self)->cmp, obj);
}

static Value key_richcompare(Value a, Value b, int op) {
    if (val_type(b) != val_type(a)) {
        err_set(&exc_TypeError, "other argument must be K instance");
        return VNULL;
    }
    KeyObject *x = (KeyObject *)a, *y = (KeyObject *)b;
    if (!x->object || !y->object) {
        err_set(&exc_AttributeError, "object");
        return VNULL;
    }
    Value r = obj_call2(x->cmp, x->object, y->object);
    if (!r) return VNULL;
    return obj_richcompare(r, val_from_int(0), op);
}

static const MemberDef key_members[] = {
    {"obj", MEMBER_VALUE, offsetof(KeyObject, object)},
    {NULL},
};

Type type_keywrapper = {
    .hdr = {0, &type_type},
    .name = "functools.KeyWrapper",
    .basicsize = sizeof(KeyObject),
    .trace = key_trace,
    .call = key_call,
    .richcompare = key_richcompare,
    .hash = obj_hash_unhashable,
    .members = key_members,
};

static Value cmp_to_key_m(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"mycmp", NULL};
    Value cmp;
    if (dm_parse("cmp_to_key", args, nargs, kw, names, 0, 1, 1, &cmp) < 0) return VNULL;
    return key_new_obj(cmp, VNULL);
}

/* ---- _lru_cache_wrapper ---- */

/*
 * The cache is a dict from key to result (unbounded) or to a Link
 * (bounded); the links form a circular doubly linked list through a root
 * link, oldest first.  Keys are wrapped in a HashedKey that remembers the
 * hash, so a key's __hash__ runs once per call as in CPython (which passes
 * the hash to its dict).  Keys are built as CPython's lru_cache_make_key
 * builds them: a lone str or int argument is its own key.
 */

typedef struct HashedKey {
    Object hdr;
    hash_t hash;
    Value key;
} HashedKey;

static void hkey_trace(Object *o) { gc_mark(((HashedKey *)o)->key); }
static hash_t hkey_hash(Value v) { return ((HashedKey *)v)->hash; }
static Value hkey_richcompare(Value a, Value b, int op);

static Type type_hashedkey = {
    .hdr = {0, &type_type},
    .name = "functools._HashedKey",
    .basicsize = sizeof(HashedKey),
    .trace = hkey_trace,
    .hash = hkey_hash,
    .richcompare = hkey_richcompare,
};

static Value hkey_richcompare(Value a, Value b, int op) {
    if (val_type(b) != &type_hashedkey) return VNotImplemented;
    return obj_richcompare(((HashedKey *)a)->key, ((HashedKey *)b)->key, op);
}

typedef struct Link {
    Object hdr;
    struct Link *prev, *next;
    Value key;        /* the HashedKey */
    Value result;
} Link;

static void link_trace(Object *o) {
    Link *l = (Link *)o;
    gc_mark(obj_val(l->prev));
    gc_mark(obj_val(l->next));
    gc_mark(l->key);
    gc_mark(l->result);
}

static Type type_lru_link = {
    .hdr = {0, &type_type},
    .name = "functools._lru_list_elem",
    .basicsize = sizeof(Link),
    .trace = link_trace,
};

enum { LRU_UNCACHED, LRU_INFINITE, LRU_BOUNDED };

typedef struct LruObject {
    Object hdr;
    Value func;
    Value cache;          /* dict */
    Value cache_info_type;
    Value kwd_mark;       /* separates positional from keyword parts of a key */
    Link *root;           /* bounded caches only */
    ssize_t hits, misses, maxsize;
    int kind;
    bool typed;
    /* AttrHeader follows (attrs_offset) */
} LruObject;

Type type_lru_wrapper;

static void lru_trace(Object *o) {
    LruObject *l = (LruObject *)o;
    gc_mark(l->func);
    gc_mark(l->cache);
    gc_mark(l->cache_info_type);
    gc_mark(l->kwd_mark);
    gc_mark(obj_val(l->root));
    inst_trace_attrs(o);
}

static Value lru_new(Type *t, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"user_function", "maxsize", "typed", "cache_info_type", NULL};
    Value a[4];
    if (arg_parse("lru_cache", args, nargs, kw, names, 0, 4, a) < 0) return VNULL;
    int typed = obj_is_true(a[2]);
    if (typed < 0) return VNULL;
    if (!is_callable(a[0])) {
        err_set(&exc_TypeError, "the first argument must be callable");
        return VNULL;
    }
    int kind;
    ssize_t maxsize = -1;
    if (a[1] == VNone) {
        kind = LRU_INFINITE;
    } else if (num_check_index(a[1])) {
        maxsize = num_as_ssize(a[1], &exc_OverflowError);
        if (maxsize == -1 && err_occurred()) return VNULL;
        if (maxsize < 0) maxsize = 0;
        kind = maxsize == 0 ? LRU_UNCACHED : LRU_BOUNDED;
    } else {
        err_set(&exc_TypeError, "maxsize should be integer or None");
        return VNULL;
    }
    type_ready(&type_hashedkey);
    type_ready(&type_lru_link);
    LruObject *l = (LruObject *)type_generic_alloc(t, 0);
    if (!l) return VNULL;
    l->func = a[0];
    l->cache_info_type = a[3];
    l->kind = kind;
    l->typed = typed;
    l->maxsize = maxsize;
    l->cache = dict_new();
    l->kwd_mark = object_new_instance(&type_object);
    if (!l->cache || !l->kwd_mark) return VNULL;
    if (kind == LRU_BOUNDED) {
        Link *root = gc_alloc(&type_lru_link, sizeof(Link));
        if (!root) return VNULL;
        root->prev = root->next = root;
        l->root = root;
    }
    return obj_val(l);
}

/* lru_cache_make_key: args, then kwd_mark and the keyword pairs, then (typed) the types. */
static Value lru_make_key(LruObject *l, Value *args, size_t nargs, Value kwnames) {
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    if (!l->typed && nkw == 0) {
        if (nargs == 1 && (str_check_exact(args[0]) || int_check_exact(args[0]))) return args[0];
        return tuple_from_array(args, nargs);
    }
    size_t size = nargs + (nkw ? nkw * 2 + 1 : 0) + (l->typed ? nargs + nkw : 0);
    Value key = tuple_new(size);
    if (!key) return VNULL;
    Value *out = tuple_items(key);
    size_t k = 0;
    for (size_t i = 0; i < nargs; i++) out[k++] = args[i];
    if (nkw) {
        out[k++] = l->kwd_mark;
        for (size_t i = 0; i < nkw; i++) {
            out[k++] = tuple_get(kwnames, (ssize_t)i);
            out[k++] = args[nargs + i];
        }
    }
    if (l->typed) {
        for (size_t i = 0; i < nargs + nkw; i++) out[k++] = obj_val(val_type(args[i]));
    }
    return key;
}

static void link_extract(Link *link) {
    link->prev->next = link->next;
    link->next->prev = link->prev;
}

static void link_append(LruObject *l, Link *link) {
    Link *root = l->root, *last = root->prev;
    last->next = root->prev = link;
    link->prev = last;
    link->next = root;
}

static Value lru_call(Value self, Value *args, size_t nargs, Value kwnames) {
    LruObject *l = (LruObject *)self;
    if (l->kind == LRU_UNCACHED) {
        l->misses++;
        return obj_call(l->func, args, nargs, kwnames);
    }
    Value raw = lru_make_key(l, args, nargs, kwnames);
    if (!raw) return VNULL;
    hash_t h = obj_hash(raw);
    if (h == -1) return VNULL;
    HashedKey *hk = gc_alloc(&type_hashedkey, sizeof(HashedKey));
    if (!hk) return VNULL;
    hk->hash = h;
    hk->key = raw;
    Value key = obj_val(hk);
    Value found = dict_get(l->cache, key);
    if (found) {
        l->hits++;
        if (l->kind == LRU_INFINITE) return found;
        Link *link = (Link *)found;
        link_extract(link);
        link_append(l, link);
        return link->result;
    }
    if (err_occurred()) return VNULL;
    l->misses++;
    Value result = obj_call(l->func, args, nargs, kwnames);
    if (!result) return VNULL;
    if (l->kind == LRU_INFINITE) return dict_set(l->cache, key, result) < 0 ? VNULL : result;
    /* The call may have added the same key (recursion): then keep that entry. */
    if (dict_get(l->cache, key)) return result;
    if (err_occurred()) return VNULL;
    Link *link;
    if (dict_size(l->cache) < l->maxsize || l->root->next == l->root) {
        link = gc_alloc(&type_lru_link, sizeof(Link));
        if (!link) return VNULL;
    } else {
        /* Full: reuse the oldest link for the new entry. */
        link = l->root->next;
        link_extract(link);
        if (!dict_pop(l->cache, link->key, VNone)) return VNULL;
    }
    GC_WRITE(link, link->key, key);
    GC_WRITE(link, link->result, result);
    /* The list gets the link only once the dict has it: a reentrant __eq__
     * must not find a half-inserted link. */
    if (dict_set(l->cache, key, obj_val(link)) < 0) return VNULL;
    link_append(l, link);
    return result;
}

static Value lru_descr_get(Value self, Value obj, Value type) {
    if (!obj || obj == VNone) return self;
    return method_new(self, obj);
}

static Value lru_cache_info(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("cache_info", nargs, 0, 0) < 0) return VNULL;
    LruObject *l = (LruObject *)self;
    Value a[4] = {int_from_i64(l->hits), int_from_i64(l->misses),
                  l->maxsize == -1 ? VNone : int_from_i64(l->maxsize), int_from_i64(dict_size(l->cache))};
    return obj_call(l->cache_info_type, a, 4, VNULL);
}

static Value lru_cache_clear(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("cache_clear", nargs, 0, 0) < 0) return VNULL;
    LruObject *l = (LruObject *)self;
    l->hits = l->misses = 0;
    if (l->root) l->root->prev = l->root->next = l->root;
    dict_clear(l->cache);
    return VNone;
}

static Value lru_reduce(Value self, Value *args, size_t nargs, Value kw) {
    return obj_getattr_cstr(self, "__qualname__");
}

static Value lru_copy(Value self, Value *args, size_t nargs, Value kw) { return self; }

static const MethodDef lru_methods[] = {
    {"cache_info", lru_cache_info, 0, "Report cache statistics"},
    {"cache_clear", lru_cache_clear, 0, "Clear the cache and cache statistics"},
    {"__reduce__", lru_reduce, 0, NULL},
    {"__copy__", lru_copy, 0, NULL},
    {"__deepcopy__", lru_copy, 0, NULL},
    {NULL},
};

static const GetSetDef lru_getsets[] = {
    {"__dict__", get_inst_dict, set_inst_dict, NULL},
    {NULL},
};

Type type_lru_wrapper = {
    .hdr = {0, &type_type},
    .name = "functools._lru_cache_wrapper",
    .basicsize = sizeof(LruObject),
    .attrs_offset = sizeof(LruObject),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .trace = lru_trace,
    .new = lru_new,
    .call = lru_call,
    .descr_get = lru_descr_get,
    .methods = lru_methods,
    .getsets = lru_getsets,
    .doc = "Create a cached callable that wraps another function.\n\n"
           "user_function:      the function being cached\n\n"
           "maxsize:  0         for no caching\n"
           "          None      for unlimited cache size\n"
           "          n         for a bounded cache\n\n"
           "typed:    False     cache f(3) and f(3.0) as identical calls\n"
           "          True      cache f(3) and f(3.0) as distinct calls\n\n"
           "cache_info_type:    namedtuple class with the fields:\n"
           "                        hits misses currsize maxsize\n",
};

/* ---- The module ---- */

static const MethodDef functools_functions[] = {
    {"reduce", reduce_m, 0,
     "reduce(function, iterable[, initial]) -> value\n\n"
     "Apply a function of two arguments cumulatively to the items of a sequence\n"
     "or iterable, from left to right, so as to reduce the iterable to a single\n"
     "value.  For example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5]) calculates\n"
     "((((1+2)+3)+4)+5).  If initial is present, it is placed before the items\n"
     "of the iterable in the calculation, and serves as a default when the\n"
     "iterable is empty."},
    {"cmp_to_key", cmp_to_key_m, 0, "Convert a cmp= function into a key= function."},
    {NULL},
};

Value functools_module_init(void) {
    Value m = module_new_cstr("_functools");
    if (!m || module_add_functions(m, functools_functions) < 0) return VNULL;
    type_ready(&type_partial);
    type_ready(&type_keywrapper);
    type_ready(&type_lru_wrapper);
    if (module_add(m, "partial", obj_val(&type_partial)) < 0 ||
        module_add(m, "_lru_cache_wrapper", obj_val(&type_lru_wrapper)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Tools that operate on functions.")) < 0)
        return VNULL;
    return m;
}
