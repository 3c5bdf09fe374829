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

/* Type variables are the objects that know how to substitute themselves. */
static bool is_typevar_like(Value v) {
    if (type_check(v)) return false;
    Value s = obj_getattr_opt(v, str_intern_cstr("__typing_subst__"));
    if (!s) err_clear();
    return s != VNULL;
}

/* __parameters__: the type variables among args, in order, each once. */
static Value make_parameters(Value args) {
    Value l = list_new(0);
    if (!l) return VNULL;
    for (ssize_t i = 0; i < tuple_size(args); i++) {
        Value a = tuple_get(args, i);
        if (is_typevar_like(a)) {
            if (obj_contains(l, a) == 0 && list_append(l, a) < 0) return VNULL;
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
            if (obj_contains(l, p) == 0 && list_append(l, p) < 0) return VNULL;
        }
    }
    return list_as_tuple(l);
}

Value generic_alias_new(Value origin, Value args) {
    GenericAliasObject *g = gc_alloc(&type_generic_alias, sizeof(GenericAliasObject));
    if (!g) return VNULL;
    g->origin = origin;
    g->args = tuple_check(args) ? args : tuple_pack(1, args);
    if (!g->args) return VNULL;
    return obj_val(g);
}

/* The repr of one argument: a class by its qualified name, ... as itself. */
static int repr_item(StrBuilder *sb, Value v) {
    if (v == VEllipsis) {
        sb_append_cstr(sb, "...");
        return 0;
    }
    if (val_type(v) == &type_generic_alias || val_type(v) == &type_union) return sb_append_repr(sb, v);
    Value qn = obj_getattr_opt(v, str_intern_cstr("__qualname__"));
    Value mod = qn ? obj_getattr_opt(v, str_intern_cstr("__module__")) : VNULL;
    if (!qn || !mod || !str_check(qn)) {
        err_clear();
        return sb_append_repr(sb, v);
    }
    if (str_check(mod) && !str_eq_cstr(mod, "builtins")) {
        sb_append_str(sb, mod);
        sb_append_char(sb, '.');
    }
    sb_append_str(sb, qn);
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
        if (repr_item(&sb, tuple_get(g->args, i)) < 0) goto fail;
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

/* alias[X, ...] and union[X, ...]: args with the type variables of
 * params substituted by the items of key (CPython's _Py_subs_parameters). */
static Value subs_parameters(Value self, Value args, Value params, Value key) {
    ssize_t np = tuple_size(params);
    if (np == 0) {
        err_format(&exc_TypeError, "%R is not a generic class", self);
        return VNULL;
    }
    Value items = tuple_check(key) ? key : tuple_pack(1, key);
    if (!items) return VNULL;
    if (tuple_size(items) != np) {
        err_format(&exc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                   tuple_size(items) > np ? "many" : "few", self, tuple_size(items), np);
        return VNULL;
    }
    ssize_t na = tuple_size(args);
    Value nargs = tuple_new((size_t)na);
    if (!nargs) return VNULL;
    for (ssize_t i = 0; i < na; i++) {
        Value a = tuple_get(args, i);
        Value r = a;
        if (is_typevar_like(a)) {
            for (ssize_t k = 0; k < np; k++)
                if (tuple_get(params, k) == a) {
                    Value subst = obj_getattr_cstr(a, "__typing_subst__");
                    if (!subst) return VNULL;
                    r = obj_call1(subst, tuple_get(items, k));
                    if (!r) return VNULL;
                    break;
                }
        } else if (!type_check(a)) {
            Value sub = obj_getattr_opt(a, str_intern_cstr("__parameters__"));
            if (!sub) err_clear();
            if (sub && tuple_check(sub) && tuple_size(sub)) {
                Value subitems = tuple_new((size_t)tuple_size(sub));
                if (!subitems) return VNULL;
                for (ssize_t j = 0; j < tuple_size(sub); j++) {
                    Value p = tuple_get(sub, j);
                    Value val = p;
                    for (ssize_t k = 0; k < np; k++)
                        if (tuple_get(params, k) == p) val = tuple_get(items, k);
                    tuple_items(subitems)[j] = val;
                }
                r = obj_getitem(a, tuple_size(subitems) == 1 ? tuple_get(subitems, 0) : subitems);
                if (!r) return VNULL;
            }
        }
        tuple_items(nargs)[i] = r;
    }
    return nargs;
}

static Value ga_getitem(Value self, Value key) {
    GenericAliasObject *g = (GenericAliasObject *)self;
    Value params = ga_parameters(self);
    if (!params) return VNULL;
    Value nargs = subs_parameters(self, g->args, params, key);
    return nargs ? generic_alias_new(g->origin, nargs) : VNULL;
}

static Value ga_richcompare(Value a, Value b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || val_type(b) != &type_generic_alias) return VNotImplemented;
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
static Value ga_iter(Value self) {
    GenericAliasObject *g = (GenericAliasObject *)self;
    Value st = generic_alias_new(g->origin, g->args);
    if (!st) return VNULL;
    ((GenericAliasObject *)st)->starred = true;
    Value t = tuple_pack(1, st);
    return t ? obj_iter(t) : VNULL;
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
    return tuple_pack(2, obj_val(&type_generic_alias), tuple_pack(2, g->origin, g->args));
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
    return generic_alias_new(args[0], args[1]);
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
    .flags = TF_BASETYPE,
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

/* May `v` take part in a union?  Classes, None, aliases and unions, as in
 * CPython 3.11: a TypeVar is not, so int | T falls to T.__ror__, which
 * makes a typing.Union. */
static bool union_member_ok(Value v) {
    if (v == VNone || type_check(v)) return true;
    Type *t = val_type(v);
    return t == &type_generic_alias || t == &type_union;
}

static int union_add(Value list, Value v) {
    if (v == VNone) v = obj_val(val_type(VNone));
    if (val_type(v) == &type_union) {
        Value a = ((UnionObject *)v)->args;
        for (ssize_t i = 0; i < tuple_size(a); i++)
            if (union_add(list, tuple_get(a, i)) < 0) return -1;
        return 0;
    }
    for (ssize_t i = 0; i < list_size(list); i++) {
        int eq = obj_eq(list_get(list, i), v);
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

/* (int | T)[str]: the substituted members joined with | again. */
static Value union_getitem(Value self, Value key) {
    Value params = union_get_parameters(self);
    if (!params) return VNULL;
    Value nargs = subs_parameters(self, ((UnionObject *)self)->args, params, key);
    if (!nargs) return VNULL;
    if (tuple_size(nargs) == 0) return self;
    Value r = tuple_get(nargs, 0);
    for (ssize_t i = 1; r && i < tuple_size(nargs); i++) r = num_binop(r, tuple_get(nargs, i), BINOP_OR);
    return r;
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
