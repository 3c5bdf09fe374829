/* genericalias.c - types.GenericAlias (list[int]) and types.UnionType (int | str). */
#include "type.h"
#include "str.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "set.h"
#include "int.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"

typedef struct GenericAliasObject {
    Object hdr;
    Value origin;
    Value args;        /* tuple */
    Value parameters;  /* tuple, computed lazily */
    bool starred;      /* *tuple[int]: made by iterating an alias (PEP 646) */
} GenericAliasObject;

typedef struct UnionObject {
    Object hdr;
    Value args;        /* tuple of the member types, deduplicated */
    Value parameters;
} UnionObject;

Type type_generic_alias, type_union;

static void ga_trace(Object *o) {
    GenericAliasObject *g = (GenericAliasObject *)o;
    gc_mark(g->origin);
    gc_mark(g->args);
    gc_mark(g->parameters);
}

static bool ga_check(Value v) { return val_isinstance(v, &type_generic_alias); }

/* Type variables are the objects that know how to substitute themselves. */
static bool is_typevar_like(Value v) {
    if (type_check(v)) return false;
    Value s = obj_getattr_opt(v, str_intern_cstr("__typing_subst__"));
    if (!s) err_clear();
    return s != VNULL;
}

/* Where v is in the list, by identity; -1 if absent. */
static ssize_t index_of(Value list, Value v) {
    for (ssize_t i = 0; i < list_size(list); i++)
        if (list_get(list, i) == v) return i;
    return -1;
}

/* __parameters__: the type variables among args, in order, each once. */
static Value make_parameters(Value args) {
    Value l = list_new(0);
    if (!l) return VNULL;
    for (ssize_t i = 0; i < tuple_size(args); i++) {
        Value a = tuple_get(args, i);
        if (is_typevar_like(a)) {
            if (index_of(l, a) < 0 && list_append(l, a) < 0) return VNULL;
            continue;
        }
        if (type_check(a)) continue;
        Value sub = obj_getattr_opt(a, str_intern_cstr("__parameters__"));
        if (!sub) {
            err_clear();
            continue;
        }
        if (!tuple_check(sub)) continue;
        for (ssize_t k = 0; k < tuple_size(sub); k++) {
            Value p = tuple_get(sub, k);
            if (index_of(l, p) < 0 && list_append(l, p) < 0) return VNULL;
        }
    }
    return list_as_tuple(l);
}

static Value ga_alloc(Type *t, Value origin, Value args) {
    Value targs = tuple_check(args) ? args : tuple_pack(1, args);
    if (!targs) return VNULL;
    Value v = t == &type_generic_alias ? obj_val(gc_alloc(t, sizeof(GenericAliasObject))) : type_generic_alloc(t, 0);
    if (!v) return VNULL;
    GenericAliasObject *g = (GenericAliasObject *)v;
    g->origin = origin;
    g->args = targs;
    return v;
}

Value generic_alias_new(Value origin, Value args) { return ga_alloc(&type_generic_alias, origin, args); }

/* The repr of one argument: an alias (anything with __origin__ and
   __args__) by its repr, a class by its qualified name, ... as itself. */
static int repr_item(StrBuilder *sb, Value v) {
    if (v == VEllipsis) {
        sb_append_cstr(sb, "...");
        return 0;
    }
    Value o = obj_getattr_opt(v, str_intern_cstr("__origin__"));
    if (!o && err_occurred()) return -1;
    if (o) {
        Value a = obj_getattr_opt(v, str_intern_cstr("__args__"));
        if (!a && err_occurred()) return -1;
        if (a) return sb_append_repr(sb, v);
    }
    Value qn = obj_getattr_opt(v, str_intern_cstr("__qualname__"));
    if (!qn) return err_occurred() ? -1 : sb_append_repr(sb, v);
    Value mod = obj_getattr_opt(v, str_intern_cstr("__module__"));
    if (!mod && err_occurred()) return -1;
    if (!mod || mod == VNone) return sb_append_repr(sb, v);
    Value r;
    if (str_check(mod) && str_eq_cstr(mod, "builtins")) r = obj_str(qn);
    else r = str_printf("%S.%S", mod, qn);
    if (!r) return -1;
    sb_append_str(sb, r);
    return 0;
}

static Value ga_repr(Value self) {
    GenericAliasObject *g = (GenericAliasObject *)self;
    StrBuilder sb;
    sb_init(&sb);
    if (g->starred) sb_append_char(&sb, '*');
    if (repr_item(&sb, g->origin) < 0) goto fail;
    sb_append_char(&sb, '[');
    if (tuple_size(g->args) == 0) sb_append_cstr(&sb, "()");
    for (ssize_t i = 0; i < tuple_size(g->args); i++) {
        if (i) sb_append_cstr(&sb, ", ");
        Value a = tuple_get(g->args, i);
        if (list_check_exact(a)) {
            /* A ParamSpec's list of arguments: Callable[[int, str], T]. */
            sb_append_char(&sb, '[');
            for (ssize_t k = 0; k < list_size(a); k++) {
                if (k) sb_append_cstr(&sb, ", ");
                if (repr_item(&sb, list_get(a, k)) < 0) goto fail;
            }
            sb_append_char(&sb, ']');
        } else if (repr_item(&sb, a) < 0) goto fail;
    }
    sb_append_char(&sb, ']');
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return VNULL;
}

static Value ga_call(Value self, Value *args, size_t nargs, Value kwnames) {
    GenericAliasObject *g = (GenericAliasObject *)self;
    Value obj = obj_call(g->origin, args, nargs, kwnames);
    if (!obj) return VNULL;
    /* The instance remembers its alias when it can take attributes. */
    if (obj_setattr_cstr(obj, "__orig_class__", self) < 0) {
        if (!err_matches(&exc_AttributeError) && !err_matches(&exc_TypeError)) return VNULL;
        err_clear();
    }
    return obj;
}

static Value ga_parameters(Value self) {
    GenericAliasObject *g = (GenericAliasObject *)self;
    if (!g->parameters) {
        Value p = make_parameters(g->args);
        if (!p) return VNULL;
        GC_WRITE(self, g->parameters, p);
    }
    return g->parameters;
}

/* The arguments of an unpacked tuple (*tuple[int, str] or typing's
   *Tuple[...]), or VNULL (no exception) if v is not one. */
static Value unpacked_tuple_args(Value v) {
    if (ga_check(v)) {
        GenericAliasObject *g = (GenericAliasObject *)v;
        if (g->starred && g->origin == obj_val(&type_tuple)) return g->args;
    }
    Value r = obj_getattr_opt(v, str_intern_cstr("__typing_unpacked_tuple_args__"));
    return r == VNone ? VNULL : r;
}

/* The subscript as a tuple, with unpacked tuples of fixed length spliced in:
   alias[int, *tuple[str, bytes]] substitutes three arguments. */
static Value unpack_args(Value item) {
    Value l = list_new(0);
    if (!l) return VNULL;
    bool is_tuple = tuple_check(item);
    ssize_t n = is_tuple ? tuple_size(item) : 1;
    for (ssize_t i = 0; i < n; i++) {
        Value a = is_tuple ? tuple_get(item, i) : item;
        if (!type_check(a)) {
            Value sub = unpacked_tuple_args(a);
            if (!sub && err_occurred()) return VNULL;
            if (sub && tuple_check(sub) &&
                !(tuple_size(sub) && tuple_get(sub, tuple_size(sub) - 1) == VEllipsis)) {
                for (ssize_t k = 0; k < tuple_size(sub); k++)
                    if (list_append(l, tuple_get(sub, k)) < 0) return VNULL;
                continue;
            }
        }
        if (list_append(l, a) < 0) return VNULL;
    }
    return list_as_tuple(l);
}

/* Is v an unpacked TypeVarTuple (*Ts)?  -1 on error. */
static int is_unpacked_typevartuple(Value v) {
    if (type_check(v)) return 0;
    Value r = obj_getattr_opt(v, str_intern_cstr("__typing_is_unpacked_typevartuple__"));
    if (!r) return err_occurred() ? -1 : 0;
    return obj_is_true(r);
}

static ssize_t tuple_index_of(Value t, Value v) {
    for (ssize_t i = 0; i < tuple_size(t); i++)
        if (tuple_get(t, i) == v) return i;
    return -1;
}

static int list_extend_tuple(Value l, Value t) {
    for (ssize_t i = 0; i < tuple_size(t); i++)
        if (list_append(l, tuple_get(t, i)) < 0) return -1;
    return 0;
}

/* An argument that is itself generic (list[T], Callable[P, T]) is
   subscripted with the values of its own parameters. */
static Value subs_tvars(Value obj, Value params, Value items) {
    Value sub = obj_getattr_opt(obj, str_intern_cstr("__parameters__"));
    if (!sub) return err_occurred() ? VNULL : obj;
    if (!tuple_check(sub) || tuple_size(sub) == 0) return obj;
    Value l = list_new(0);
    if (!l) return VNULL;
    for (ssize_t i = 0; i < tuple_size(sub); i++) {
        Value a = tuple_get(sub, i);
        ssize_t k = tuple_index_of(params, a);
        if (k >= 0) {
            Value param = tuple_get(params, k);
            a = tuple_get(items, k);
            /* A TypeVarTuple (the iterable kind) takes a tuple of types, spliced. */
            if (val_type(param)->iter && tuple_check(a)) {
                if (list_extend_tuple(l, a) < 0) return VNULL;
                continue;
            }
        }
        if (list_append(l, a) < 0) return VNULL;
    }
    Value subargs = list_as_tuple(l);
    return subargs ? obj_getitem(obj, subargs) : VNULL;
}

/* The new arguments of alias[item] (CPython's _Py_subs_parameters): each
   parameter may first rewrite the subscript (__typing_prepare_subst__),
   then every type variable among args is replaced by its value. */
static Value subs_parameters(Value self, Value args, Value params, Value item) {
    ssize_t np = tuple_size(params);
    if (np == 0) {
        err_format(&exc_TypeError, "%R is not a generic class", self);
        return VNULL;
    }
    item = unpack_args(item);
    if (!item) return VNULL;
    for (ssize_t i = 0; i < np; i++) {
        Value prepare = obj_getattr_opt(tuple_get(params, i), str_intern_cstr("__typing_prepare_subst__"));
        if (!prepare) {
            if (err_occurred()) return VNULL;
            continue;
        }
        if (prepare == VNone) continue;
        Value t = tuple_check(item) ? item : tuple_pack(1, item);
        if (!t) return VNULL;
        item = obj_call2(prepare, self, t);
        if (!item) return VNULL;
    }
    Value items = tuple_check(item) ? item : tuple_pack(1, item);
    if (!items) return VNULL;
    if (tuple_size(items) != np) {
        err_format(&exc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                   tuple_size(items) > np ? "many" : "few", self, tuple_size(items), np);
        return VNULL;
    }
    Value out = list_new(0);
    if (!out) return VNULL;
    for (ssize_t i = 0; i < tuple_size(args); i++) {
        Value a = tuple_get(args, i);
        if (type_check(a)) {
            if (list_append(out, a) < 0) return VNULL;
            continue;
        }
        int unpack = is_unpacked_typevartuple(a);
        if (unpack < 0) return VNULL;
        Value subst = obj_getattr_opt(a, str_intern_cstr("__typing_subst__"));
        if (!subst && err_occurred()) return VNULL;
        Value r;
        if (subst) {
            ssize_t k = tuple_index_of(params, a);
            if (k < 0) {
                err_format(&exc_TypeError, "%R is not among the parameters of %R", a, self);
                return VNULL;
            }
            r = obj_call1(subst, tuple_get(items, k));
        } else {
            r = subs_tvars(a, params, items);
        }
        if (!r) return VNULL;
        if (unpack) {
            if (!tuple_check(r)) {
                err_format(&exc_TypeError, "expected a tuple for *%R, got %R", a, r);
                return VNULL;
            }
            if (list_extend_tuple(out, r) < 0) return VNULL;
        } else if (list_append(out, r) < 0) return VNULL;
    }
    return list_as_tuple(out);
}

/* alias[X, ...]: substitute the type variables of __parameters__. */
static Value ga_getitem(Value self, Value key) {
    GenericAliasObject *g = (GenericAliasObject *)self;
    Value params = ga_parameters(self);
    if (!params) return VNULL;
    Value nargs = subs_parameters(self, g->args, params, key);
    if (!nargs) return VNULL;
    Value r = generic_alias_new(g->origin, nargs);
    if (r) ((GenericAliasObject *)r)->starred = g->starred;
    return r;
}

static Value ga_richcompare(Value a, Value b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || !ga_check(b)) return VNotImplemented;
    GenericAliasObject *x = (GenericAliasObject *)a, *y = (GenericAliasObject *)b;
    if (x->starred != y->starred) return val_bool(op == CMP_NE);
    int eq = obj_eq(x->origin, y->origin);
    if (eq < 0) return VNULL;
    if (eq) {
        eq = obj_eq(x->args, y->args);
        if (eq < 0) return VNULL;
    }
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static hash_t ga_hash(Value self) {
    GenericAliasObject *g = (GenericAliasObject *)self;
    hash_t h0 = obj_hash(g->origin);
    if (h0 == -1) return -1;
    hash_t h1 = obj_hash(g->args);
    if (h1 == -1) return -1;
    hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

/* Attributes not defined here come from the origin (list[int].append). */
static Value ga_getattr(Value self, Value name) {
    static const char *const own[] = {"__origin__", "__args__", "__parameters__", "__mro_entries__",
                                      "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
                                      "__unpacked__", "__typing_unpacked_tuple_args__", "__class__",
                                      "__dir__", "__getitem__", "__or__", "__ror__", NULL};
    for (const char *const *n = own; *n; n++)
        if (str_eq_cstr(name, *n)) return obj_generic_getattr(self, name);
    return obj_getattr(((GenericAliasObject *)self)->origin, name);
}

static Value ga_get_origin(Value self) { return ((GenericAliasObject *)self)->origin; }
static Value ga_get_args(Value self) { return ((GenericAliasObject *)self)->args; }
static Value ga_get_unpacked(Value self) { return val_bool(((GenericAliasObject *)self)->starred); }

/* The arguments of *tuple[...], for typing's substitution; None otherwise. */
static Value ga_get_unpacked_tuple_args(Value self) {
    GenericAliasObject *g = (GenericAliasObject *)self;
    return g->starred && g->origin == obj_val(&type_tuple) ? g->args : VNone;
}

/* Iterating an alias yields it once, starred: (*tuple[int],) or def f(*args: *Ts). */
typedef struct GaIterObject {
    Object hdr;
    Value alias;       /* the unstarred alias; VNULL once exhausted */
} GaIterObject;

Type type_generic_alias_iterator;

static void gaiter_trace(Object *o) { gc_mark(((GaIterObject *)o)->alias); }

static Value gaiter_self(Value self) { return self; }

static Value gaiter_next(Value self) {
    GaIterObject *it = (GaIterObject *)self;
    if (!it->alias) return VNULL;
    GenericAliasObject *g = (GenericAliasObject *)it->alias;
    Value st = generic_alias_new(g->origin, g->args);
    if (!st) return VNULL;
    ((GenericAliasObject *)st)->starred = true;
    it->alias = VNULL;
    return st;
}

/* (iter, (alias,)), or iter(()) once exhausted. */
static Value gaiter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    extern Value builtins_dict;
    Value fn = dict_get_cstr(builtins_dict, "iter");
    if (!fn) return VNULL;
    Value a = ((GaIterObject *)self)->alias;
    Value t = a ? tuple_pack(1, a) : tuple_pack(1, tuple_new(0));
    return t ? tuple_pack(2, fn, t) : VNULL;
}

static const MethodDef gaiter_methods[] = {
    {"__reduce__", gaiter_reduce, 0, NULL},
    {NULL}
};

Type type_generic_alias_iterator = {
    .hdr = {0, &type_type},
    .name = "generic_alias_iterator",
    .basicsize = sizeof(GaIterObject),
    .trace = gaiter_trace,
    .iter = gaiter_self,
    .iternext = gaiter_next,
    .methods = gaiter_methods,
};

static Value ga_iter(Value self) {
    GaIterObject *it = gc_alloc(&type_generic_alias_iterator, sizeof(GaIterObject));
    if (!it) return VNULL;
    it->alias = self;
    return obj_val(it);
}

static Value ga_mro_entries(Value self, Value *args, size_t nargs, Value kw) {
    return tuple_pack(1, ((GenericAliasObject *)self)->origin);
}

static Value ga_instancecheck(Value self, Value *args, size_t nargs, Value kw) {
    err_set(&exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
    return VNULL;
}

static Value ga_subclasscheck(Value self, Value *args, size_t nargs, Value kw) {
    err_set(&exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
    return VNULL;
}

static Value ga_reduce(Value self, Value *args, size_t nargs, Value kw) {
    GenericAliasObject *g = (GenericAliasObject *)self;
    if (g->starred) {
        /* *tuple[int] is rebuilt as next(iter(tuple[int])). */
        Value plain = generic_alias_new(g->origin, g->args);
        Value it = plain ? obj_iter(plain) : VNULL;
        extern Value builtins_dict;
        Value next = it ? dict_get_cstr(builtins_dict, "next") : VNULL;
        Value a = next ? tuple_pack(1, it) : VNULL;
        return a ? tuple_pack(2, next, a) : VNULL;
    }
    Value a = tuple_pack(2, g->origin, g->args);
    return a ? tuple_pack(2, obj_val(val_type(self)), a) : VNULL;
}

static Value ga_dir(Value self, Value *args, size_t nargs, Value kw) {
    Value d = obj_dir(((GenericAliasObject *)self)->origin);
    if (!d) return VNULL;
    static const char *const extra[] = {"__origin__", "__args__", "__parameters__", "__mro_entries__",
                                        "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__", NULL};
    for (const char *const *n = extra; *n; n++) {
        Value s = str_intern_cstr(*n);
        if (obj_contains(d, s) == 0) list_append(d, s);
    }
    return d;
}

static Value ga_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("GenericAlias", kwnames) < 0 || arg_count("GenericAlias", nargs, 2, 2) < 0) return VNULL;
    return ga_alloc(t, args[0], args[1]);
}

Value union_new(Value a, Value b);

static Value ga_or(Value a, Value b) { return union_new(a, b); }

static const MethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, 0, NULL},
    {"__instancecheck__", ga_instancecheck, 0, NULL},
    {"__subclasscheck__", ga_subclasscheck, 0, NULL},
    {"__reduce__", ga_reduce, 0, NULL},
    {"__dir__", ga_dir, 0, NULL},
    {NULL}
};

static const GetSetDef ga_getsets[] = {
    {"__origin__", ga_get_origin, NULL, NULL},
    {"__args__", ga_get_args, NULL, NULL},
    {"__parameters__", ga_parameters, NULL, NULL},
    {"__unpacked__", ga_get_unpacked, NULL, NULL},
    {"__typing_unpacked_tuple_args__", ga_get_unpacked_tuple_args, NULL, NULL},
    {NULL}
};

Type type_generic_alias = {
    .hdr = {0, &type_type},
    .name = "types.GenericAlias",
    .basicsize = sizeof(GenericAliasObject),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .trace = ga_trace,
    .new = ga_new,
    .call = ga_call,
    .repr = ga_repr,
    .getitem = ga_getitem,
    .iter = ga_iter,
    .richcompare = ga_richcompare,
    .hash = ga_hash,
    .getattr = ga_getattr,
    .nb = {[BINOP_OR] = ga_or},
    .methods = ga_methods,
    .getsets = ga_getsets,
    .doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
};

/* __class_getitem__ of the builtin containers: cls[args] is GenericAlias(cls, args). */
Value generic_class_getitem(Value cls, Value *args, size_t nargs, Value kw) {
    if (arg_count("__class_getitem__", nargs, 1, 1) < 0) return VNULL;
    return generic_alias_new(cls, args[0]);
}

/* ---- types.UnionType ---- */

static void union_trace(Object *o) {
    UnionObject *u = (UnionObject *)o;
    gc_mark(u->args);
    gc_mark(u->parameters);
}

/* May `v` take part in a union?  None, classes, aliases and unions; a
   typing.TypeVar answers | itself (typing.Union). */
static bool union_member_ok(Value v) {
    return v == VNone || type_check(v) || ga_check(v) || val_type(v) == &type_union;
}

/* Members are deduplicated by identity, aliases by equality (list[int] twice). */
static int union_add(Value list, Value v) {
    if (v == VNone) v = obj_val(val_type(VNone));
    if (val_type(v) == &type_union) {
        Value a = ((UnionObject *)v)->args;
        for (ssize_t i = 0; i < tuple_size(a); i++)
            if (union_add(list, tuple_get(a, i)) < 0) return -1;
        return 0;
    }
    for (ssize_t i = 0; i < list_size(list); i++) {
        Value w = list_get(list, i);
        int eq = ga_check(v) && ga_check(w) ? obj_eq(w, v) : w == v;
        if (eq < 0) return -1;
        if (eq) return 0;
    }
    return list_append(list, v);
}

Value union_new(Value a, Value b) {
    if (!union_member_ok(a) || !union_member_ok(b)) return VNotImplemented;
    Value l = list_new(0);
    if (!l || union_add(l, a) < 0 || union_add(l, b) < 0) return VNULL;
    if (list_size(l) == 1) return list_get(l, 0);
    UnionObject *u = gc_alloc(&type_union, sizeof(UnionObject));
    if (!u) return VNULL;
    u->args = list_as_tuple(l);
    return u->args ? obj_val(u) : VNULL;
}

static Value union_repr(Value self) {
    Value a = ((UnionObject *)self)->args;
    StrBuilder sb;
    sb_init(&sb);
    for (ssize_t i = 0; i < tuple_size(a); i++) {
        if (i) sb_append_cstr(&sb, " | ");
        Value v = tuple_get(a, i);
        if (v == obj_val(val_type(VNone))) sb_append_cstr(&sb, "None");
        else if (repr_item(&sb, v) < 0) {
            sb_discard(&sb);
            return VNULL;
        }
    }
    return sb_finish(&sb);
}

static Value union_or(Value a, Value b) { return union_new(a, b); }

static Value union_get_args(Value self) { return ((UnionObject *)self)->args; }
static Value union_get_parameters(Value self) {
    UnionObject *u = (UnionObject *)self;
    if (!u->parameters) {
        Value p = make_parameters(u->args);
        if (!p) return VNULL;
        GC_WRITE(self, u->parameters, p);
    }
    return u->parameters;
}

/* (list[T] | int)[str]: substitute, then | the new arguments together. */
static Value union_getitem(Value self, Value key) {
    Value params = union_get_parameters(self);
    if (!params) return VNULL;
    Value nargs = subs_parameters(self, ((UnionObject *)self)->args, params, key);
    if (!nargs) return VNULL;
    if (tuple_size(nargs) == 0) {
        UnionObject *u = gc_alloc(&type_union, sizeof(UnionObject));
        if (!u) return VNULL;
        u->args = nargs;
        return obj_val(u);
    }
    Value r = tuple_get(nargs, 0);
    for (ssize_t i = 1; i < tuple_size(nargs) && r; i++) r = num_binop(r, tuple_get(nargs, i), BINOP_OR);
    return r;
}

/* __module__ is the type's ("types"); the rest is the generic lookup. */
static Value union_getattr(Value self, Value name) {
    if (str_check(name) && str_eq_cstr(name, "__module__")) return obj_getattr(obj_val(val_type(self)), name);
    return obj_generic_getattr(self, name);
}

static Value union_instancecheck(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__instancecheck__", nargs, 1, 1) < 0) return VNULL;
    Value a = ((UnionObject *)self)->args;
    for (ssize_t i = 0; i < tuple_size(a); i++) {
        Value t = tuple_get(a, i);
        if (val_type(t) == &type_generic_alias) {
            err_set(&exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
            return VNULL;
        }
    }
    int r = obj_isinstance(args[0], a);
    return r < 0 ? VNULL : val_bool(r);
}

static Value union_subclasscheck(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__subclasscheck__", nargs, 1, 1) < 0) return VNULL;
    int r = obj_issubclass(args[0], ((UnionObject *)self)->args);
    return r < 0 ? VNULL : val_bool(r);
}

static Value union_richcompare(Value a, Value b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || val_type(b) != &type_union) return VNotImplemented;
    Value sa = set_from_iterable(&type_frozenset, ((UnionObject *)a)->args);
    Value sb = sa ? set_from_iterable(&type_frozenset, ((UnionObject *)b)->args) : VNULL;
    if (!sb) return VNULL;
    return obj_richcompare(sa, sb, op);
}

static hash_t union_hash(Value self) {
    Value s = set_from_iterable(&type_frozenset, ((UnionObject *)self)->args);
    return s ? obj_hash(s) : -1;
}

static const MethodDef union_methods[] = {
    {"__instancecheck__", union_instancecheck, 0, NULL},
    {"__subclasscheck__", union_subclasscheck, 0, NULL},
    {NULL}
};
static const GetSetDef union_getsets[] = {
    {"__args__", union_get_args, NULL, NULL},
    {"__parameters__", union_get_parameters, NULL, NULL},
    {NULL}
};

Type type_union = {
    .hdr = {0, &type_type},
    .name = "types.UnionType",
    .basicsize = sizeof(UnionObject),
    .trace = union_trace,
    .repr = union_repr,
    .getitem = union_getitem,
    .getattr = union_getattr,
    .richcompare = union_richcompare,
    .hash = union_hash,
    .nb = {[BINOP_OR] = union_or},
    .methods = union_methods,
    .getsets = union_getsets,
    .doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
};

/* Give the builtin containers __class_getitem__ (list[int] etc.).  Not type:
 * every class would inherit it through its metaclass (X[int] must fail),
 * so obj_getitem special-cases type[...] as CPython's PyObject_GetItem does. */
void genericalias_install(void) {
    static const MethodDef cg = {"__class_getitem__", generic_class_getitem, METH_CLASS,
                                 "See PEP 585"};
    extern Type type_list, type_dict, type_tuple, type_set, type_frozenset;
    Type *targets[] = {&type_list, &type_dict, &type_tuple, &type_set, &type_frozenset};
    for (size_t i = 0; i < ARRAY_LEN(targets); i++) {
        Value d = method_descr_new(targets[i], &cg);
        if (d) dict_set(targets[i]->dict, str_intern_cstr("__class_getitem__"), d);
        type_modified(targets[i]);
    }
}
