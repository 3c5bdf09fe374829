/* contextvars.c - the _contextvars module: Context, ContextVar, Token and copy_context (PEP 567). */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/misc.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/thread.h"
#include "datamod.h"
#include "contextvars.h"

/*
 * Each thread has a current Context (ts->context, created empty on first
 * use).  A Context holds an immutable HAMT (contextvars_hamt.c): setting a
 * variable replaces the context's root with a new one, so copying a
 * context is just sharing its root.
 *
 * ContextVar.get() is made cheap by a one-entry cache in the variable: the
 * value it found and the thread's context version at that moment.  The
 * version (ts->context_ver) takes a fresh, never reused number from one
 * global counter whenever the thread switches contexts or a variable is
 * set, so a matching version means the cached value is still right (and
 * belongs to this thread: no two threads ever hold the same number).
 */

typedef struct ContextObject {
    Object hdr;
    Value vars;        /* HAMT root, VNULL when empty */
    ssize_t count;
    Value prev;        /* the context current before run() entered this one */
    bool entered;
} ContextObject;

typedef struct ContextVarObject {
    Object hdr;
    Value name;
    Value dflt;        /* VNULL: no default */
    hash_t hash;
    Value cached;      /* valid when cached_ver == ts->context_ver */
    uint64_t cached_ver;
} ContextVarObject;

typedef struct TokenObject {
    Object hdr;
    Value ctx;
    Value var;
    Value old;         /* VNULL: the variable was not set (Token.MISSING) */
    bool used;
} TokenObject;

typedef struct CtxIterObject {
    Object hdr;
    Value root;        /* keeps the whole map alive; it never changes */
    ssize_t count;
    HamtIter it;
} CtxIterObject;

Type type_context, type_contextvar, type_token, type_token_missing, type_ctx_keys, type_ctx_values,
    type_ctx_items;

static Object token_missing = {0, &type_token_missing};
static uint64_t context_ver_counter;

static inline void bump_version(void) { ts->context_ver = ++context_ver_counter; }

static inline bool context_check(Value v) { return !val_is_int(v) && val_obj(v)->type == &type_context; }
static inline bool contextvar_check(Value v) { return !val_is_int(v) && val_obj(v)->type == &type_contextvar; }

static void context_trace(Object *o) {
    ContextObject *c = (ContextObject *)o;
    gc_mark(c->vars);
    gc_mark(c->prev);
}

static void contextvar_trace(Object *o) {
    ContextVarObject *v = (ContextVarObject *)o;
    gc_mark(v->name);
    gc_mark(v->dflt);
    gc_mark(v->cached);
}

static void token_trace(Object *o) {
    TokenObject *t = (TokenObject *)o;
    gc_mark(t->ctx);
    gc_mark(t->var);
    gc_mark(t->old);
}

static void ctxiter_trace(Object *o) {
    CtxIterObject *i = (CtxIterObject *)o;
    gc_mark(i->root);
    gc_mark_range(i->it.nodes, HAMT_MAX_DEPTH);
}

static ContextObject *context_alloc(Value vars, ssize_t count) {
    ContextObject *c = gc_alloc(&type_context, sizeof(ContextObject));
    if (!c) return NULL;
    c->vars = vars;
    c->count = count;
    return c;
}

Value context_current(void) {
    if (!ts->context) {
        ContextObject *c = context_alloc(VNULL, 0);
        if (!c) return VNULL;
        ts->context = obj_val(c);
        bump_version();
    }
    return ts->context;
}

Value context_copy_current(void) {
    Value cur = context_current();
    if (!cur) return VNULL;
    ContextObject *c = (ContextObject *)cur;
    ContextObject *n = context_alloc(c->vars, c->count);
    return n ? obj_val(n) : VNULL;
}

static int context_enter(ContextObject *c) {
    if (c->entered) {
        err_format(&exc_RuntimeError, "cannot enter context: %R is already entered", obj_val(c));
        return -1;
    }
    c->prev = ts->context;
    c->entered = true;
    ts->context = obj_val(c);
    bump_version();
    return 0;
}

static void context_exit(ContextObject *c) {
    ts->context = c->prev;
    c->prev = VNULL;
    c->entered = false;
    bump_version();
}

Value context_run(Value ctx, Value callable, Value *args, size_t nargs, Value kwnames) {
    ContextObject *c = (ContextObject *)ctx;
    if (context_enter(c) < 0) return VNULL;
    Value r = obj_call(callable, args, nargs, kwnames);
    context_exit(c);
    return r;
}

/* ---- ContextVar ---- */

static Value contextvar_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"", "default", NULL};
    Value a[2];
    if (nargs > 1) {
        /* PyArg_ParseTupleAndKeywords says "at most" when keyword-only parameters follow. */
        err_format(&exc_TypeError, "ContextVar() takes at most 1 positional argument (%zu given)", nargs);
        return VNULL;
    }
    if (dm_parse("ContextVar", args, nargs, kwnames, names, 1, 1, 1, a) < 0) return VNULL;
    if (!str_check(a[0])) {
        err_set(&exc_TypeError, "context variable name must be a str");
        return VNULL;
    }
    hash_t nh = obj_hash(a[0]);
    if (nh == -1) return VNULL;
    ContextVarObject *v = gc_alloc(&type_contextvar, sizeof(ContextVarObject));
    if (!v) return VNULL;
    v->name = a[0];
    v->dflt = a[1];
    hash_t h = obj_hash_pointer(obj_val(v)) ^ nh;
    v->hash = h == -1 ? -2 : h;
    return obj_val(v);
}

static hash_t contextvar_hash(Value self) { return ((ContextVarObject *)self)->hash; }

static Value contextvar_repr(Value self) {
    ContextVarObject *v = (ContextVarObject *)self;
    StrBuilder sb;
    sb_init(&sb);
    sb_append_cstr(&sb, "<ContextVar name=");
    if (sb_append_repr(&sb, v->name) < 0) goto fail;
    if (v->dflt) {
        sb_append_cstr(&sb, " default=");
        if (sb_append_repr(&sb, v->dflt) < 0) goto fail;
    }
    sb_printf(&sb, " at %p>", (void *)self);
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return VNULL;
}

/* The variable's value in the current context, or VNULL (no exception). */
static Value contextvar_lookup(ContextVarObject *v) {
    if (v->cached_ver == ts->context_ver && v->cached_ver) return v->cached;
    if (!ts->context) return VNULL;
    Value r = hamt_find(((ContextObject *)ts->context)->vars, obj_val(v));
    if (r) {
        v->cached = r;
        v->cached_ver = ts->context_ver;
    }
    return r;
}

static Value contextvar_get_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("get", kw) < 0 || dm_positional("get", nargs, 0, 1) < 0) return VNULL;
    ContextVarObject *v = (ContextVarObject *)self;
    Value r = contextvar_lookup(v);
    if (r) return r;
    if (nargs) return args[0];
    if (v->dflt) return v->dflt;
    err_set_value(&exc_LookupError, self);
    return VNULL;
}

/* Bind v to val (VNULL: unbind) in the current context. */
static int contextvar_store(ContextVarObject *v, Value val) {
    Value cur = context_current();
    if (!cur) return -1;
    ContextObject *c = (ContextObject *)cur;
    Value root;
    if (val) {
        bool added;
        root = hamt_assoc(c->vars, obj_val(v), val, &added);
        if (!root) return -1;
        if (added) c->count++;
    } else {
        int r = hamt_without(c->vars, obj_val(v), &root);
        if (r < 0) return -1;
        if (r == 0) {
            err_set_value(&exc_LookupError, obj_val(v));
            return -1;
        }
        c->count--;
    }
    GC_WRITE(c, c->vars, root);
    bump_version();
    if (val) {
        v->cached = val;
        v->cached_ver = ts->context_ver;
    }
    return 0;
}

static Value contextvar_set_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("ContextVar.set", kw) < 0) return VNULL;
    if (nargs != 1) {
        err_format(&exc_TypeError, "ContextVar.set() takes exactly one argument (%zu given)", nargs);
        return VNULL;
    }
    Value cur = context_current();
    if (!cur) return VNULL;
    Value old = hamt_find(((ContextObject *)cur)->vars, self);
    TokenObject *t = gc_alloc(&type_token, sizeof(TokenObject));
    if (!t) return VNULL;
    t->ctx = cur;
    t->var = self;
    t->old = old;
    if (contextvar_store((ContextVarObject *)self, args[0]) < 0) return VNULL;
    return obj_val(t);
}

static Value contextvar_reset_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("ContextVar.reset", kw) < 0) return VNULL;
    if (nargs != 1) {
        err_format(&exc_TypeError, "ContextVar.reset() takes exactly one argument (%zu given)", nargs);
        return VNULL;
    }
    Value tv = args[0];
    if (val_type(tv) != &type_token) {
        err_format(&exc_TypeError, "expected an instance of Token, got %R", tv);
        return VNULL;
    }
    TokenObject *t = (TokenObject *)tv;
    if (t->used) {
        err_format(&exc_RuntimeError, "%R has already been used once", tv);
        return VNULL;
    }
    if (t->var != self) {
        err_format(&exc_ValueError, "%R was created by a different ContextVar", tv);
        return VNULL;
    }
    Value cur = context_current();
    if (!cur) return VNULL;
    if (cur != t->ctx) {
        err_format(&exc_ValueError, "%R was created in a different Context", tv);
        return VNULL;
    }
    t->used = true;
    if (contextvar_store((ContextVarObject *)self, t->old) < 0) return VNULL;
    return VNone;
}

static const MethodDef contextvar_methods[] = {
    {"get", contextvar_get_m, 0,
     "Return a value for the context variable for the current context.\n\n"
     "If there is no value for the variable in the current context, the method will:\n"
     " * return the value of the default argument of the method, if provided; or\n"
     " * return the default value for the context variable, if it was created\n"
     "   with one; or\n"
     " * raise a LookupError."},
    {"set", contextvar_set_m, 0,
     "Call to set a new value for the context variable in the current context.\n\n"
     "The required value argument is the new value for the context variable.\n\n"
     "Returns a Token object that can be used to restore the variable to its previous\n"
     "value via the `ContextVar.reset()` method."},
    {"reset", contextvar_reset_m, 0,
     "Reset the context variable.\n\n"
     "The variable is reset to the value it had before the `ContextVar.set()` that\n"
     "created the token was used."},
    {"__class_getitem__", generic_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL}
};

static const MemberDef contextvar_members[] = {
    {"name", MEMBER_VALUE_RO, offsetof(ContextVarObject, name)},
    {NULL}
};

Type type_contextvar = {
    .hdr = {0, &type_type},
    .name = "_contextvars.ContextVar",
    .basicsize = sizeof(ContextVarObject),
    .trace = contextvar_trace,
    .new = contextvar_new,
    .repr = contextvar_repr,
    .hash = contextvar_hash,
    .methods = contextvar_methods,
    .members = contextvar_members,
};

/* ---- Token ---- */

static Value token_new(Type *t, Value *args, size_t nargs, Value kw) {
    err_set(&exc_RuntimeError, "Tokens can only be created by ContextVars");
    return VNULL;
}

static Value token_repr(Value self) {
    TokenObject *t = (TokenObject *)self;
    return str_printf("<Token%s var=%R at %p>", t->used ? " used" : "", t->var, (void *)self);
}

static Value token_get_var(Value self) { return ((TokenObject *)self)->var; }

static Value token_get_old_value(Value self) {
    Value o = ((TokenObject *)self)->old;
    return o ? o : obj_val(&token_missing);
}

static const GetSetDef token_getsets[] = {
    {"var", token_get_var, NULL, NULL},
    {"old_value", token_get_old_value, NULL, NULL},
    {NULL}
};

static const MethodDef token_methods[] = {
    {"__class_getitem__", generic_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL}
};

Type type_token = {
    .hdr = {0, &type_type},
    .name = "_contextvars.Token",
    .basicsize = sizeof(TokenObject),
    .trace = token_trace,
    .new = token_new,
    .repr = token_repr,
    .hash = obj_hash_pointer,
    .getsets = token_getsets,
    .methods = token_methods,
};

static Value missing_repr(Value self) { return str_from_cstr("<Token.MISSING>"); }

Type type_token_missing = {
    .hdr = {0, &type_type},
    .name = "Token.MISSING",
    .basicsize = sizeof(Object),
    .repr = missing_repr,
};

/* ---- Context ---- */

static Value context_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (nargs || (kwnames && tuple_size(kwnames))) {
        err_set(&exc_TypeError, "Context() does not accept any arguments");
        return VNULL;
    }
    ContextObject *c = context_alloc(VNULL, 0);
    return c ? obj_val(c) : VNULL;
}

static int check_key(Value key) {
    if (contextvar_check(key)) return 0;
    err_format(&exc_TypeError, "a ContextVar key was expected, got %R", key);
    return -1;
}

static Value context_getitem(Value self, Value key) {
    if (check_key(key) < 0) return VNULL;
    Value r = hamt_find(((ContextObject *)self)->vars, key);
    if (!r) err_set_value(&exc_KeyError, key);
    return r;
}

static int context_contains(Value self, Value key) {
    if (check_key(key) < 0) return -1;
    return hamt_find(((ContextObject *)self)->vars, key) != VNULL;
}

static ssize_t context_len(Value self) { return ((ContextObject *)self)->count; }

static Value ctxiter_new(Type *t, Value self) {
    misc_ready_type(t);
    CtxIterObject *i = gc_alloc(t, sizeof(CtxIterObject));
    if (!i) return VNULL;
    ContextObject *c = (ContextObject *)self;
    i->root = c->vars;
    i->count = c->count;
    hamt_iter_init(&i->it, c->vars);
    return obj_val(i);
}

static Value context_iter(Value self) { return ctxiter_new(&type_ctx_keys, self); }

static Value context_richcompare(Value a, Value b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || !context_check(b)) return VNotImplemented;
    ContextObject *x = (ContextObject *)a, *y = (ContextObject *)b;
    bool eq = true;
    if (x->vars != y->vars) {
        if (x->count != y->count) {
            eq = false;
        } else {
            HamtIter it;
            hamt_iter_init(&it, x->vars);
            Value k, v;
            while (hamt_iter_next(&it, &k, &v)) {
                Value w = hamt_find(y->vars, k);
                if (!w) {
                    eq = false;
                    break;
                }
                int r = obj_richcompare_bool(v, w, CMP_EQ);
                if (r < 0) return VNULL;
                if (!r) {
                    eq = false;
                    break;
                }
            }
        }
    }
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static Value context_get_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("get", kw) < 0 || dm_positional("get", nargs, 1, 2) < 0) return VNULL;
    if (check_key(args[0]) < 0) return VNULL;
    Value r = hamt_find(((ContextObject *)self)->vars, args[0]);
    if (r) return r;
    return nargs > 1 ? args[1] : VNone;
}

static Value context_noargs(const char *name, size_t nargs, Value kw) {
    if (arg_no_kw(name, kw) < 0) return VNULL;
    if (nargs) {
        err_format(&exc_TypeError, "%s() takes no arguments (%zu given)", name, nargs);
        return VNULL;
    }
    return VNone;
}

static Value context_keys_m(Value self, Value *args, size_t nargs, Value kw) {
    if (!context_noargs("Context.keys", nargs, kw)) return VNULL;
    return ctxiter_new(&type_ctx_keys, self);
}

static Value context_values_m(Value self, Value *args, size_t nargs, Value kw) {
    if (!context_noargs("Context.values", nargs, kw)) return VNULL;
    return ctxiter_new(&type_ctx_values, self);
}

static Value context_items_m(Value self, Value *args, size_t nargs, Value kw) {
    if (!context_noargs("Context.items", nargs, kw)) return VNULL;
    return ctxiter_new(&type_ctx_items, self);
}

static Value context_copy_m(Value self, Value *args, size_t nargs, Value kw) {
    if (!context_noargs("Context.copy", nargs, kw)) return VNULL;
    ContextObject *c = (ContextObject *)self;
    ContextObject *n = context_alloc(c->vars, c->count);
    return n ? obj_val(n) : VNULL;
}

static Value context_run_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (nargs < 1) {
        err_set(&exc_TypeError, "run() missing 1 required positional argument");
        return VNULL;
    }
    return context_run(self, args[0], args + 1, nargs - 1, kwnames);
}

static const MethodDef context_methods[] = {
    {"get", context_get_m, 0,
     "Return the value for `key` if `key` has the value in the context object.\n\n"
     "If `key` does not exist, return `default`. If `default` is not given,\n"
     "return None."},
    {"items", context_items_m, 0,
     "Return all variables and their values in the context object.\n\n"
     "The result is returned as a list of 2-tuples (variable, value)."},
    {"keys", context_keys_m, 0, "Return a list of all variables in the context object."},
    {"values", context_values_m, 0, "Return a list of all variables' values in the context object."},
    {"copy", context_copy_m, 0, "Return a shallow copy of the context object."},
    {"run", context_run_m, 0, NULL},
    {NULL}
};

Type type_context = {
    .hdr = {0, &type_type},
    .name = "_contextvars.Context",
    .basicsize = sizeof(ContextObject),
    .trace = context_trace,
    .new = context_new,
    .hash = obj_hash_unhashable,
    .richcompare = context_richcompare,
    .iter = context_iter,
    .len = context_len,
    .getitem = context_getitem,
    .contains = context_contains,
    .methods = context_methods,
};

/* ---- the keys/values/items iterators ---- */

static Value ctxiter_iter(Value self) { return self; }

static Value ctxiter_next(Value self) {
    CtxIterObject *i = (CtxIterObject *)self;
    Value k, v;
    if (!hamt_iter_next(&i->it, &k, &v)) return VNULL;
    Type *t = val_type(self);
    if (t == &type_ctx_keys) return k;
    if (t == &type_ctx_values) return v;
    return tuple_pack(2, k, v);
}

static ssize_t ctxiter_len(Value self) { return ((CtxIterObject *)self)->count; }

#define CTXITER_TYPE(var, tname)                                                                   \
    Type var = {                                                                                   \
        .hdr = {0, &type_type},                                                                    \
        .name = tname,                                                                             \
        .basicsize = sizeof(CtxIterObject),                                                        \
        .trace = ctxiter_trace,                                                                    \
        .iter = ctxiter_iter,                                                                      \
        .iternext = ctxiter_next,                                                                  \
        .len = ctxiter_len,                                                                        \
    };
CTXITER_TYPE(type_ctx_keys, "keys")
CTXITER_TYPE(type_ctx_values, "values")
CTXITER_TYPE(type_ctx_items, "items")

/* ---- the module ---- */

static Value copy_context_m(Value self, Value *args, size_t nargs, Value kw) {
    if (!context_noargs("_contextvars.copy_context", nargs, kw)) return VNULL;
    return context_copy_current();
}

static const MethodDef contextvars_functions[] = {
    {"copy_context", copy_context_m, 0, NULL},
    {NULL}
};

Value contextvars_module_init(void) {
    Value m = module_new_cstr("_contextvars");
    if (!m || module_add_functions(m, contextvars_functions) < 0) return VNULL;
    Type *types[] = {&type_token_missing, &type_ctx_keys, &type_ctx_values, &type_ctx_items};
    for (size_t i = 0; i < ARRAY_LEN(types); i++) misc_ready_type(types[i]);
    struct { const char *name; Type *t; } pub[] = {
        {"Context", &type_context}, {"ContextVar", &type_contextvar}, {"Token", &type_token},
    };
    for (size_t i = 0; i < ARRAY_LEN(pub); i++) {
        misc_ready_type(pub[i].t);
        if (module_add(m, pub[i].name, obj_val(pub[i].t)) < 0) return VNULL;
    }
    if (dict_set_cstr(type_token.dict, "MISSING", obj_val(&token_missing)) < 0) return VNULL;
    type_modified(&type_token);
    if (module_add(m, "__doc__", str_from_cstr("Context Variables")) < 0) return VNULL;
    return m;
}
