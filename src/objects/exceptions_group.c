/* exceptions_group.c - BaseExceptionGroup/ExceptionGroup (PEP 654): construction, split, subgroup, derive, except* support. */
#include "exceptions.h"
#include "type.h"
#include "str.h"
#include "tuple.h"
#include "list.h"
#include "func.h"
#include "instance.h"
#include "dict.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <stddef.h>

/*
 * A group keeps its message and its tuple of sub-exceptions in two fields
 * after the ExceptionObject, as CPython's readonly members `message` and
 * `exceptions`; the hidden-class attribute header follows them.
 *
 * split() walks the tree of groups: a leaf (or a whole group) that matches
 * goes to the "match" side, the others to the "rest" side, and every group
 * on the way is rebuilt for each side by its derive() method, with the
 * original's traceback, cause, context and a copy of its notes.  The same
 * walk, matching leaves by identity, gives the "projection" except* uses
 * to put re-raised parts back into the shape of the original group.
 */

typedef struct GroupObject {
    ExceptionObject base;
    Value msg;
    Value excs;     /* tuple */
} GroupObject;

static inline bool group_check(Value v) { return !val_is_int(v) && val_isinstance(v, &exc_BaseExceptionGroup); }

static void group_trace(Object *o) {
    GroupObject *g = (GroupObject *)o;
    gc_mark(g->msg);
    gc_mark(g->excs);
    exc_BaseException.trace(o);
}

static Value group_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (kwnames && tuple_size(kwnames)) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", t->name);
        return VNULL;
    }
    if (nargs != 2) {
        err_format(&exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", nargs);
        return VNULL;
    }
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    Type *st = val_type(args[1]);
    if (!st->getitem || TYPE_HAS_FLAG(st, TF_MAPPING) || st == &type_dict) {
        err_set(&exc_TypeError, "second argument (exceptions) must be a sequence");
        return VNULL;
    }
    Value excs = tuple_from_iterable(args[1]);
    if (!excs) return VNULL;
    if (tuple_size(excs) == 0) {
        err_set(&exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
        return VNULL;
    }
    bool nested_base = false;
    for (ssize_t i = 0; i < tuple_size(excs); i++) {
        Value x = tuple_get(excs, i);
        if (!exc_check(x)) {
            err_format(&exc_ValueError, "Item %zd of second argument (exceptions) is not an exception", i);
            return VNULL;
        }
        if (!val_isinstance(x, &exc_Exception)) nested_base = true;
    }
    if (t == &exc_BaseExceptionGroup) {
        if (!nested_base) t = &exc_ExceptionGroup;
    } else if (t == &exc_ExceptionGroup) {
        if (nested_base) {
            err_set(&exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
            return VNULL;
        }
    } else if (nested_base && type_is_subtype(t, &exc_Exception)) {
        err_format(&exc_TypeError, "Cannot nest BaseExceptions in '%s'", t->name);
        return VNULL;
    }
    Value a = tuple_pack(2, args[0], args[1]);
    if (!a) return VNULL;
    Value e = type_generic_alloc(t, 0);
    if (!e) return VNULL;
    GroupObject *g = (GroupObject *)e;
    g->base.args = a;
    g->msg = args[0];
    g->excs = excs;
    return e;
}

static int group_init(Value self, Value *args, size_t nargs, Value kw) {
    if (kw && tuple_size(kw)) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", type_name(self));
        return -1;
    }
    return exc_BaseException.init(self, args, nargs, VNULL);
}

static Value group_str(Value self) {
    GroupObject *g = (GroupObject *)self;
    ssize_t n = g->excs ? tuple_size(g->excs) : 0;
    return str_printf("%S (%zd sub-exception%s)", g->msg ? g->msg : VNone, n, n == 1 ? "" : "s");
}


Value exc_group_exceptions(Value eg) { return ((GroupObject *)eg)->excs; }

static Value group_derive(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("derive", kw) < 0 || arg_count("derive", nargs, 1, 1) < 0) return VNULL;
    Value a[2] = {((GroupObject *)self)->msg, args[0]};
    return obj_call(obj_val(&exc_BaseExceptionGroup), a, 2, VNULL);
}

extern Value generic_class_getitem(Value cls, Value *args, size_t nargs, Value kw);

/* ---- split ---- */

typedef enum { MATCH_BY_TYPE, MATCH_BY_PREDICATE, MATCH_BY_IDS } MatchKind;

static int matcher_kind(Value v, MatchKind *k) {
    if (func_check(v)) {
        *k = MATCH_BY_PREDICATE;
        return 0;
    }
    if (type_check(v) && TYPE_HAS_FLAG((Type *)v, TF_EXC_SUBCLASS)) {
        *k = MATCH_BY_TYPE;
        return 0;
    }
    if (tuple_check_exact(v)) {
        for (ssize_t i = 0; i < tuple_size(v); i++) {
            Value t = tuple_get(v, i);
            if (!type_check(t) || !TYPE_HAS_FLAG((Type *)t, TF_EXC_SUBCLASS)) goto bad;
        }
        *k = MATCH_BY_TYPE;
        return 0;
    }
bad:
    err_set(&exc_TypeError, "expected a function, exception type or tuple of exception types");
    return -1;
}

/* 1 if exc matches, 0 if not, -1 on error.  MATCH_BY_IDS: v is a list of leaves, compared by identity. */
static int split_test(Value exc, MatchKind k, Value v) {
    switch (k) {
    case MATCH_BY_TYPE: return err_given_matches(exc, v);
    case MATCH_BY_PREDICATE: {
        Value r = obj_call1(v, exc);
        return r ? obj_is_true(r) : -1;
    }
    case MATCH_BY_IDS:
        for (ssize_t i = 0; i < list_size(v); i++)
            if (list_get(v, i) == exc) return 1;
        return 0;
    }
    return 0;
}

/* A group like orig holding `excs` (a list): orig.derive(excs) with orig's metadata copied. */
static Value group_subset(Value orig, Value excs) {
    Value eg = obj_call_method(orig, "derive", &excs, 1);
    if (!eg) return VNULL;
    if (!group_check(eg)) {
        err_set(&exc_TypeError, "derive must return an instance of BaseExceptionGroup");
        return VNULL;
    }
    ExceptionObject *o = (ExceptionObject *)orig, *n = (ExceptionObject *)eg;
    /* As CPython's PyException_SetTraceback/SetContext/SetCause (which also sets
     * __suppress_context__). */
    GC_WRITE(eg, n->traceback, o->traceback);
    GC_WRITE(eg, n->context, o->context);
    GC_WRITE(eg, n->cause, o->cause);
    n->suppress_context = true;
    Value name = str_intern_cstr("__notes__");
    Value notes = obj_getattr_opt(orig, name);
    if (!notes) {
        if (err_occurred()) return VNULL;
    } else if (val_type(notes)->getitem && !TYPE_HAS_FLAG(val_type(notes), TF_MAPPING) && !dict_check(notes)) {
        /* The parts get independent notes lists. */
        Value copy = list_from_iterable(notes);
        if (!copy || obj_setattr(eg, name, copy) < 0) return VNULL;
    }
    return eg;
}

static int split_rec(Value exc, MatchKind k, Value v, bool want_rest, Value *match, Value *rest) {
    *match = *rest = VNULL;
    int m = split_test(exc, k, v);
    if (m < 0) return -1;
    if (m) {
        *match = exc;
        return 0;
    }
    if (!group_check(exc)) {
        if (want_rest) *rest = exc;
        return 0;
    }
    Value excs = ((GroupObject *)exc)->excs;
    Value ml = list_new(0), rl = want_rest ? list_new(0) : VNULL;
    if (!ml || (want_rest && !rl)) return -1;
    for (ssize_t i = 0; i < tuple_size(excs); i++) {
        Value em, er;
        if (err_enter_recursive(" in exceptiongroup_split_recursive") < 0) return -1;
        int r = split_rec(tuple_get(excs, i), k, v, want_rest, &em, &er);
        err_leave_recursive();
        if (r < 0) return -1;
        if (em && list_append(ml, em) < 0) return -1;
        if (er && list_append(rl, er) < 0) return -1;
    }
    if (list_size(ml) && !(*match = group_subset(exc, ml))) return -1;
    if (want_rest && list_size(rl) && !(*rest = group_subset(exc, rl))) return -1;
    return 0;
}

static Value group_split(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("split", kw) < 0 || arg_count("split", nargs, 1, 1) < 0) return VNULL;
    MatchKind k;
    if (matcher_kind(args[0], &k) < 0) return VNULL;
    Value m, r;
    if (split_rec(self, k, args[0], true, &m, &r) < 0) return VNULL;
    return tuple_pack(2, m ? m : VNone, r ? r : VNone);
}

static Value group_subgroup(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("subgroup", kw) < 0 || arg_count("subgroup", nargs, 1, 1) < 0) return VNULL;
    MatchKind k;
    if (matcher_kind(args[0], &k) < 0) return VNULL;
    Value m, r;
    if (split_rec(self, k, args[0], false, &m, &r) < 0) return VNULL;
    return m ? m : VNone;
}

/* ---- except* ---- */

/* except* T: the part of exc that T matches (None if none) and the rest.  A naked
 * exception that matches is wrapped in a group; a whole group that matches
 * (except* BaseException) is taken as is. */
int exc_group_match(Value exc, Value type, Value *match, Value *rest) {
    *match = *rest = VNone;
    if (exc == VNone) return 0;
    if (err_given_matches(exc, type)) {
        if (group_check(exc)) {
            *match = exc;
            return 0;
        }
        Value excs = tuple_pack(1, exc);
        Value a[2] = {str_empty(), excs};
        Value w = excs ? obj_call(obj_val(&exc_BaseExceptionGroup), a, 2, VNULL) : VNULL;
        if (!w) return -1;
        /* CPython 3.11.2 gives the wrapper no traceback (later versions copy it). */
        *match = w;
        return 0;
    }
    if (group_check(exc)) {
        Value m, r;
        if (split_rec(exc, MATCH_BY_TYPE, type, true, &m, &r) < 0) return -1;
        *match = m ? m : VNone;
        *rest = r ? r : VNone;
    }
    return 0;
}

/* Valid types for except*: those of except, and no group types. */
int exc_group_check_star_type(Value t) {
    bool bad = false;
    if (tuple_check(t)) {
        for (ssize_t i = 0; i < tuple_size(t); i++) {
            Value x = tuple_get(t, i);
            if (!type_check(x) || !TYPE_HAS_FLAG((Type *)x, TF_EXC_SUBCLASS)) goto not_exc;
            if (type_is_subtype((Type *)x, &exc_BaseExceptionGroup)) bad = true;
        }
    } else {
        if (!type_check(t) || !TYPE_HAS_FLAG((Type *)t, TF_EXC_SUBCLASS)) goto not_exc;
        if (type_is_subtype((Type *)t, &exc_BaseExceptionGroup)) bad = true;
    }
    if (bad) {
        err_set(&exc_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return -1;
    }
    return 0;
not_exc:
    err_set(&exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

static int collect_leaves(Value e, Value out) {
    if (!group_check(e)) return list_append(out, e);
    Value excs = ((GroupObject *)e)->excs;
    for (ssize_t i = 0; i < tuple_size(excs); i++) {
        if (err_enter_recursive(" in collect_exception_group_leaf_ids") < 0) return -1;
        int r = collect_leaves(tuple_get(excs, i), out);
        err_leave_recursive();
        if (r < 0) return -1;
    }
    return 0;
}

/* A part split off orig shares its traceback, cause and context objects. */
static bool same_metadata(Value a, Value b) {
    ExceptionObject *x = (ExceptionObject *)a, *y = (ExceptionObject *)b;
    return x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}

/* After the except* clauses ran: what to raise, or None.  `excs` lists what the
 * clauses raised (new exceptions, or re-raised parts of orig) and, last, the
 * unmatched rest (None if everything matched).  Re-raised parts go back into
 * orig's shape; new exceptions join them in a new group (always a group in 3.11). */
Value exc_group_prep_reraise_star(Value orig, Value excs) {
    ssize_t n = list_size(excs);
    if (n == 0) return VNone;
    if (!group_check(orig)) {
        /* A naked exception was wrapped: at most one clause ran. */
        return list_get(excs, 0);
    }
    Value raised = list_new(0), reraised = list_new(0);
    if (!raised || !reraised) return VNULL;
    for (ssize_t i = 0; i < n; i++) {
        Value e = list_get(excs, i);
        if (e == VNone) continue;
        if (list_append(same_metadata(e, orig) ? reraised : raised, e) < 0) return VNULL;
    }
    Value leaves = list_new(0);
    if (!leaves) return VNULL;
    for (ssize_t i = 0; i < list_size(reraised); i++)
        if (collect_leaves(list_get(reraised, i), leaves) < 0) return VNULL;
    Value proj = VNULL, unused;
    if (list_size(leaves) && split_rec(orig, MATCH_BY_IDS, leaves, false, &proj, &unused) < 0) return VNULL;
    if (list_size(raised) == 0) return proj ? proj : VNone;
    if (proj && list_append(raised, proj) < 0) return VNULL;
    /* 3.11 wraps even a single raised exception in a new group. */
    Value a[2] = {str_empty(), raised};
    return obj_call(obj_val(&exc_BaseExceptionGroup), a, 2, VNULL);
}

static const MethodDef group_methods[] = {
    {"derive", group_derive, 0, NULL},
    {"split", group_split, 0, NULL},
    {"subgroup", group_subgroup, 0, NULL},
    {"__class_getitem__", generic_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL}
};

static const MemberDef group_members[] = {
    {"message", MEMBER_VALUE_RO, offsetof(GroupObject, msg)},
    {"exceptions", MEMBER_VALUE_RO, offsetof(GroupObject, excs)},
    {NULL}
};

Type exc_ExceptionGroup = {
    .hdr = {0, &type_type},
    .name = "ExceptionGroup",
    .base = &exc_BaseExceptionGroup,
    .basicsize = sizeof(GroupObject) + sizeof(AttrHeader),
    .attrs_offset = sizeof(GroupObject),
    .flags = TF_BASETYPE | TF_EXC_SUBCLASS,
};

/* Called by exceptions_init before the types are readied. */
void exceptions_group_setup(void) {
    Type *t = &exc_BaseExceptionGroup;
    t->basicsize = sizeof(GroupObject) + sizeof(AttrHeader);
    t->attrs_offset = sizeof(GroupObject);
    t->trace = group_trace;
    t->new = group_new;
    t->init = group_init;
    t->str = group_str;
    t->methods = group_methods;
    t->members = group_members;
}
