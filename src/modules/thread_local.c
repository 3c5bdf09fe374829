/* thread_local.c - _thread._local: attributes per thread, by swapping the instance's dict to the running thread's. */
#include "thread_module.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/instance.h"
#include "../gc/gc.h"
#include "../vm/error.h"

/*
 * A _local is an instance in dict mode whose dict is the running thread's:
 * `dicts` maps each thread's serial number (never reused, unlike idents) to
 * that thread's attribute dict, and `owner` says whose dict is installed.
 * Every attribute access goes through local_getattr/local_setattr, which
 * install the running thread's dict first (one compare when it already
 * is), creating it and running __init__ again with the constructor's
 * arguments on a thread's first touch, as CPython does.  The interpreter's
 * attribute caches leave such types alone (their getattr is not the
 * generic one).
 *
 * When a thread ends its dicts must go (their values' finalizers run then
 * in CPython).  All live locals are chained through raw pointers, a weak
 * list: the C finalizer unlinks a local the collector frees, and
 * thread_local_forget walks the chain at each thread's end.
 */

typedef struct LocalObject {
    Object hdr;
    Value dicts;        /* dict: thread serial -> attribute dict */
    Value args;         /* the constructor's arguments, for __init__ on other threads */
    Value kwargs;
    uint64_t owner;     /* serial of the thread whose dict is installed */
    struct LocalObject *prev, *next;
    AttrHeader attrs;
} LocalObject;

static LocalObject *all_locals;

static void local_trace(Object *o) {
    LocalObject *l = (LocalObject *)o;
    gc_mark(l->dicts);
    gc_mark(l->args);
    gc_mark(l->kwargs);
    inst_trace_attrs(o);
}

static void local_finalize(Object *o) {
    LocalObject *l = (LocalObject *)o;
    if (l->prev) l->prev->next = l->next;
    else if (all_locals == l) all_locals = l->next;
    if (l->next) l->next->prev = l->prev;
    l->prev = l->next = NULL;
}

/* Install the running thread's dict (creating it, and running __init__ on
 * a thread other than the creator's): 0, or -1 with an exception. */
static int local_enter(Value self) {
    LocalObject *l = (LocalObject *)self;
    ThreadState *t = ts;
    if (l->owner == t->serial) return 0;
    Value key = int_from_u64(t->serial);
    if (!key) return -1;
    Value d = dict_get(l->dicts, key);
    if (d) {
        if (inst_set_dict(self, d) < 0) return -1;
        l->owner = t->serial;
        return 0;
    }
    if (err_occurred()) return -1;
    d = dict_new();
    if (!d || dict_set(l->dicts, key, d) < 0 || inst_set_dict(self, d) < 0) return -1;
    l->owner = t->serial;
    if (val_type(self)->init != type_object.init) {
        Value init = obj_getattr_cstr(self, "__init__");
        Value r = init ? obj_call_tuple_dict(init, l->args, l->kwargs) : VNULL;
        if (!r) {
            Value e = err_fetch();
            dict_del(l->dicts, key);
            err_clear();
            l->owner = 0;
            err_restore(e);
            return -1;
        }
    }
    return 0;
}

static Value local_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    if ((nargs || nkw) && t->init == type_object.init) {
        err_set(&exc_TypeError, "Initialization arguments are not supported");
        return VNULL;
    }
    Value argt = tuple_from_array(args, nargs);
    Value kw = nkw ? dict_new() : VNULL;   /* VNULL: no keyword arguments */
    if (!argt || (nkw && !kw)) return VNULL;
    for (size_t i = 0; i < nkw; i++)
        if (dict_set(kw, tuple_get(kwnames, (ssize_t)i), args[nargs + i]) < 0) return VNULL;
    Value dicts = dict_new();
    if (!dicts) return VNULL;
    Value self = type_generic_alloc(t, 0);
    if (!self) return VNULL;
    LocalObject *l = (LocalObject *)self;
    GC_WRITE(l, l->dicts, dicts);
    GC_WRITE(l, l->args, argt);
    GC_WRITE(l, l->kwargs, kw);
    l->next = all_locals;
    if (all_locals) all_locals->prev = l;
    all_locals = l;
    /* The creating thread's dict; its __init__ runs through type.__call__. */
    Value key = int_from_u64(ts->serial);
    Value d = dict_new();
    if (!key || !d || dict_set(dicts, key, d) < 0 || inst_set_dict(self, d) < 0) return VNULL;
    l->owner = ts->serial;
    return self;
}

static Value local_getattr(Value self, Value name) {
    if (local_enter(self) < 0) return VNULL;
    return obj_generic_getattr(self, name);
}

static int local_setattr(Value self, Value name, Value v) {
    if (local_enter(self) < 0) return -1;
    if (str_check(name) && str_eq_cstr(name, "__dict__")) {
        err_format(&exc_AttributeError, "'%s' object attribute '__dict__' is read-only", type_name(self));
        return -1;
    }
    return obj_generic_setattr(self, name, v);
}

static Value local_get_dict(Value self) {
    if (local_enter(self) < 0) return VNULL;
    return inst_dict(self);
}

static const GetSetDef local_getsets[] = {{"__dict__", local_get_dict, NULL, NULL}, {NULL}};

Type type_local = {
    .hdr = {0, &type_type},
    .name = "_thread._local",
    .basicsize = sizeof(LocalObject),
    .attrs_offset = offsetof(LocalObject, attrs),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .trace = local_trace,
    .finalize = local_finalize,
    .new = local_new,
    .getattr = local_getattr,
    .setattr = local_setattr,
    .getsets = local_getsets,
    .doc = "Thread-local data",
};

void thread_local_forget(ThreadState *t) {
    Value key = int_from_u64(t->serial);
    if (!key) {
        err_clear();
        return;
    }
    for (LocalObject *l = all_locals; l; l = l->next) {
        if (dict_get(l->dicts, key)) {
            dict_del(l->dicts, key);
            if (l->owner == t->serial) {
                /* Drop the installed dict too; the next access installs its thread's. */
                Value empty = dict_new();
                if (empty) inst_set_dict(obj_val(l), empty);
                l->owner = 0;
            }
        }
        err_clear();
    }
}
