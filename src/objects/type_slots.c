/* type_slots.c - slot wrappers (int.__add__) and trampolines (a class's __add__ in the C slot). */
#include "type_slots.h"
#include "type.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "dict.h"
#include "list.h"
#include "func.h"
#include "exceptions.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <stdlib.h>

/*
 * Two directions, one table.  A builtin type fills C slots; type_ready()
 * puts a slot wrapper in its dict for each filled slot, so Python code sees
 * `int.__add__`.  A class statement defines dunders in Python; the class's
 * C slot then points at a trampoline that looks the dunder up and calls it,
 * so C code (the interpreter, dict lookups, sorted...) sees the Python
 * method.  When the dunder a class finds along its MRO is itself a wrapper
 * of a builtin's slot, the class gets that C function directly.
 */

/* ---- Calling a dunder found on a type ---- */

Value call_dunder(Value self, Value descr, Value *args, size_t nargs) {
    Value *buf = alloca(sizeof(Value) * (nargs + 1));
    if (func_check(descr) || val_type(descr) == &type_wrapper_descriptor ||
        val_type(descr) == &type_method_descriptor) {
        /* An unbound function: pass self as the first argument, no bound method. */
        buf[0] = self;
        for (size_t i = 0; i < nargs; i++) buf[i + 1] = args[i];
        return obj_call(descr, buf, nargs + 1, VNULL);
    }
    Type *dt = val_type(descr);
    Value bound = descr;
    if (dt->descr_get) {
        bound = dt->descr_get(descr, self, obj_val(val_type(self)));
        if (!bound) return VNULL;
    }
    return obj_call(bound, args, nargs, VNULL);
}

Value call_method_lookup(Value self, const char *name, Value *args, size_t nargs, bool *found) {
    Value descr = type_lookup_cstr(val_type(self), name);
    if (found) *found = descr != VNULL;
    if (!descr) return VNULL;
    return call_dunder(self, descr, args, nargs);
}

static Value call_named(Value self, const char *name, Value *args, size_t nargs) {
    bool found;
    Value r = call_method_lookup(self, name, args, nargs, &found);
    if (!found) {
        err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", type_name(self), name);
        return VNULL;
    }
    return r;
}

/* ---- Trampolines ---- */

#define UNARY_TRAMPOLINE(fn, dunder) \
    static Value fn(Value v) { return call_named(v, dunder, NULL, 0); }
UNARY_TRAMPOLINE(slot_repr, "__repr__")
UNARY_TRAMPOLINE(slot_str, "__str__")
UNARY_TRAMPOLINE(slot_neg, "__neg__")
UNARY_TRAMPOLINE(slot_pos, "__pos__")
UNARY_TRAMPOLINE(slot_abs, "__abs__")
UNARY_TRAMPOLINE(slot_invert, "__invert__")
UNARY_TRAMPOLINE(slot_int, "__int__")
UNARY_TRAMPOLINE(slot_float, "__float__")
UNARY_TRAMPOLINE(slot_index, "__index__")

static Value slot_iter(Value v) {
    Value descr = type_lookup_cstr(val_type(v), "__iter__");
    if (descr == VNone) {
        err_format(&exc_TypeError, "'%s' object is not iterable", type_name(v));
        return VNULL;
    }
    if (!descr) {
        err_format(&exc_TypeError, "'%s' object is not iterable", type_name(v));
        return VNULL;
    }
    return call_dunder(v, descr, NULL, 0);
}

static Value slot_iternext(Value v) {
    Value r = call_named(v, "__next__", NULL, 0);
    if (!r && err_matches(&exc_StopIteration)) err_clear();
    return r;
}

static Value slot_next_not_implemented(Value v) {
    err_format(&exc_TypeError, "'%s' object is not iterable", type_name(v));
    return VNULL;
}

static hash_t slot_hash(Value v) {
    Value descr = type_lookup_cstr(val_type(v), "__hash__");
    if (!descr || descr == VNone) return obj_hash_unhashable(v);
    Value r = call_dunder(v, descr, NULL, 0);
    if (!r) return -1;
    if (!int_check(r)) {
        err_set(&exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* A result that fits a C hash is used as it is (hash('s') often needs
     * all 64 bits); only a bigger one is reduced the way hash() reduces
     * that int, as CPython's slot_tp_hash does. */
    if (int_fits_i64(r)) {
        hash_t h = int_as_i64(r);
        return h == -1 ? -2 : h;
    }
    return int_hash(int_normalize(r));
}

static ssize_t slot_len(Value v) {
    Value r = call_named(v, "__len__", NULL, 0);
    if (!r) return -1;
    if (!int_check(r)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(r));
        return -1;
    }
    if (int_sign(r) < 0) {
        err_set(&exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    if (!val_is_int(r)) {
        err_format(&exc_OverflowError, "cannot fit '%s' into an index-sized integer", type_name(r));
        return -1;
    }
    return val_int(r);
}

static int slot_bool(Value v) {
    Type *t = val_type(v);
    Value descr = type_lookup_cstr(t, "__bool__");
    if (descr) {
        Value r = call_dunder(v, descr, NULL, 0);
        if (!r) return -1;
        if (!bool_check(r)) {
            err_format(&exc_TypeError, "__bool__ should return bool, returned %s", type_name(r));
            return -1;
        }
        return r == VTrue;
    }
    descr = type_lookup_cstr(t, "__len__");
    if (descr) {
        ssize_t n = slot_len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

static const char *const cmp_dunders[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

static Value slot_richcompare(Value a, Value b, int op) {
    Value descr = type_lookup_cstr(val_type(a), cmp_dunders[op]);
    if (!descr || descr == VNone) return VNotImplemented;
    return call_dunder(a, descr, &b, 1);
}

static Value slot_getattr_hook(Value v, Value name) {
    Type *t = val_type(v);
    Value ga = type_lookup_cstr(t, "__getattribute__");
    Value r;
    if (!ga || (val_type(ga) == &type_wrapper_descriptor &&
                ((SlotWrapperObject *)ga)->owner == &type_object))
        r = obj_generic_getattr(v, name);
    else
        r = call_dunder(v, ga, &name, 1);
    if (r || !err_matches(&exc_AttributeError)) return r;
    Value hook = type_lookup_cstr(t, "__getattr__");
    if (!hook) return VNULL;
    err_clear();
    return call_dunder(v, hook, &name, 1);
}

static Value slot_getattro(Value v, Value name) {
    return call_named(v, "__getattribute__", &name, 1);
}

static int slot_setattro(Value v, Value name, Value val) {
    Value r;
    if (val) {
        Value args[2] = {name, val};
        r = call_named(v, "__setattr__", args, 2);
    } else {
        r = call_named(v, "__delattr__", &name, 1);
    }
    return r ? 0 : -1;
}

static Value slot_descr_get(Value d, Value obj, Value type) {
    Value args[2] = {obj ? obj : VNone, type ? type : VNone};
    return call_named(d, "__get__", args, 2);
}

static int slot_descr_set(Value d, Value obj, Value val) {
    Value r;
    if (val) {
        Value args[2] = {obj, val};
        r = call_named(d, "__set__", args, 2);
    } else {
        r = call_named(d, "__delete__", &obj, 1);
    }
    return r ? 0 : -1;
}

static Value slot_call(Value v, Value *args, size_t nargs, Value kwnames) {
    Value descr = type_lookup_cstr(val_type(v), "__call__");
    if (!descr) {
        err_format(&exc_TypeError, "'%s' object is not callable", type_name(v));
        return VNULL;
    }
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    if (func_check(descr)) {
        Value *buf = alloca(sizeof(Value) * (nargs + nkw + 1));
        buf[0] = v;
        copy_values(buf + 1, args, nargs + nkw);
        return obj_call(descr, buf, nargs + 1, kwnames);
    }
    Value bound = descr;
    if (val_type(descr)->descr_get) {
        bound = val_type(descr)->descr_get(descr, v, obj_val(val_type(v)));
        if (!bound) return VNULL;
    }
    /* A __call__ that is itself a callable instance recurses in C only. */
    if (err_enter_recursive(" while calling a Python object") < 0) return VNULL;
    Value r = obj_call(bound, args, nargs, kwnames);
    err_leave_recursive();
    return r;
}

static int slot_init(Value self, Value *args, size_t nargs, Value kwnames) {
    Value descr = type_lookup_cstr(val_type(self), "__init__");
    if (!descr) return 0;
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    Value *buf = alloca(sizeof(Value) * (nargs + nkw + 1));
    buf[0] = self;
    copy_values(buf + 1, args, nargs + nkw);
    Value r;
    if (func_check(descr) || val_type(descr) == &type_wrapper_descriptor) {
        r = obj_call(descr, buf, nargs + 1, kwnames);
    } else {
        Value bound = descr;
        if (val_type(descr)->descr_get) bound = val_type(descr)->descr_get(descr, self, obj_val(val_type(self)));
        r = bound ? obj_call(bound, args, nargs, kwnames) : VNULL;
    }
    if (!r) return -1;
    if (r != VNone) {
        err_format(&exc_TypeError, "__init__() should return None, not '%s'", type_name(r));
        return -1;
    }
    return 0;
}

bool type_init_is_trampoline(Type *t) { return t->init == slot_init; }

static Value slot_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    Value descr = type_lookup_cstr(t, "__new__");
    if (!descr) {
        err_format(&exc_TypeError, "cannot create '%s' instances", t->name);
        return VNULL;
    }
    Value fn = descr;
    if (val_type(descr) == &type_staticmethod) fn = ((ClassMethodObject *)descr)->func;
    else if (val_type(descr)->descr_get) {
        fn = val_type(descr)->descr_get(descr, VNULL, obj_val(t));
        if (!fn) return VNULL;
    }
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    Value *buf = alloca(sizeof(Value) * (nargs + nkw + 1));
    buf[0] = obj_val(t);
    copy_values(buf + 1, args, nargs + nkw);
    return obj_call(fn, buf, nargs + 1, kwnames);
}

static Value slot_getitem(Value v, Value key) { return call_named(v, "__getitem__", &key, 1); }

static int slot_setitem(Value v, Value key, Value val) {
    Value r;
    if (val) {
        Value args[2] = {key, val};
        r = call_named(v, "__setitem__", args, 2);
    } else {
        r = call_named(v, "__delitem__", &key, 1);
    }
    return r ? 0 : -1;
}

static int slot_contains(Value v, Value x) {
    Value descr = type_lookup_cstr(val_type(v), "__contains__");
    if (descr == VNone) {
        err_format(&exc_TypeError, "'%s' object is not a container", type_name(v));
        return -1;
    }
    Value r = call_dunder(v, descr, &x, 1);
    if (!r) return -1;
    return obj_is_true(r);
}

/* Is `name` defined differently on the two types (so the reflected try matters)? */
static bool method_is_overloaded(Type *left, Type *right, const char *name) {
    Value a = type_lookup_cstr(right, name);
    if (!a) return false;
    Value b = type_lookup_cstr(left, name);
    return a != b;
}

static const char *const binop_dunders[][3] = {
#define BINOP(NAME, slot, d, r, i, sym) {d, r, i},
#include "binops.def"
#undef BINOP
};

static Value slot_binop_generic(Value a, Value b, int op, BinaryFunc self_fn) {
    const char *dn = binop_dunders[op][0], *rn = binop_dunders[op][1];
    Type *ta = val_type(a), *tb = val_type(b);
    bool do_other = ta != tb && tb->nb[op] == self_fn;
    if (ta->nb[op] == self_fn) {
        if (do_other && type_is_subtype(tb, ta) && method_is_overloaded(ta, tb, rn)) {
            Value descr = type_lookup_cstr(tb, rn);
            if (descr) {
                Value r = call_dunder(b, descr, &a, 1);
                if (r != VNotImplemented) return r;
            }
            do_other = false;
        }
        Value descr = type_lookup_cstr(ta, dn);
        if (descr && descr != VNone) {
            Value r = call_dunder(a, descr, &b, 1);
            if (r != VNotImplemented || ta == tb) return r;
        }
    }
    if (do_other) {
        Value descr = type_lookup_cstr(tb, rn);
        if (descr && descr != VNone) return call_dunder(b, descr, &a, 1);
    }
    return VNotImplemented;
}

#define BINOP(NAME, slot, d, r, i, sym)                                        \
    static Value slot_nb_##slot(Value a, Value b);                             \
    static Value slot_nb_##slot(Value a, Value b) {                            \
        return slot_binop_generic(a, b, BINOP_##NAME, slot_nb_##slot);         \
    }                                                                          \
    static Value slot_nbi_##slot(Value a, Value b) {                           \
        Value descr = type_lookup_cstr(val_type(a), i);                        \
        if (!descr || descr == VNone) return VNotImplemented;                  \
        return call_dunder(a, descr, &b, 1);                                   \
    }
#include "binops.def"
#undef BINOP

static Value slot_divmod(Value a, Value b) {
    Type *ta = val_type(a), *tb = val_type(b);
    if (ta->nb_divmod == slot_divmod) {
        Value descr = type_lookup_cstr(ta, "__divmod__");
        if (descr) {
            Value r = call_dunder(a, descr, &b, 1);
            if (r != VNotImplemented || ta == tb) return r;
        }
    }
    if (ta != tb && tb->nb_divmod == slot_divmod) {
        Value descr = type_lookup_cstr(tb, "__rdivmod__");
        if (descr) return call_dunder(b, descr, &a, 1);
    }
    return VNotImplemented;
}

static Value slot_pow3(Value a, Value b, Value m) {
    Value descr = type_lookup_cstr(val_type(a), "__pow__");
    if (!descr) return VNotImplemented;
    Value args[2] = {b, m};
    return call_dunder(a, descr, args, 2);
}

/* ---- Slot wrappers: calling a C slot from Python ---- */

#define SLOT_OFF(field) offsetof(Type, field)

const SlotDef slotdefs[] = {
    {"__repr__", SLOT_OFF(repr), SK_UNARY, 0, slot_repr, "Return repr(self)."},
    {"__str__", SLOT_OFF(str), SK_UNARY, 0, slot_str, "Return str(self)."},
    {"__hash__", SLOT_OFF(hash), SK_HASH, 0, slot_hash, "Return hash(self)."},
    {"__call__", SLOT_OFF(call), SK_CALL, 0, slot_call, "Call self as a function."},
    {"__getattribute__", SLOT_OFF(getattr), SK_GETATTRO, 0, slot_getattro, "Return getattr(self, name)."},
    {"__getattr__", SLOT_OFF(getattr), SK_GETATTRO, 0, slot_getattr_hook, NULL},
    {"__setattr__", SLOT_OFF(setattr), SK_SETATTR, 0, slot_setattro, "Implement setattr(self, name, value)."},
    {"__delattr__", SLOT_OFF(setattr), SK_DELATTR, 0, slot_setattro, "Implement delattr(self, name)."},
    {"__lt__", SLOT_OFF(richcompare), SK_RICHCMP, CMP_LT, slot_richcompare, "Return self<value."},
    {"__le__", SLOT_OFF(richcompare), SK_RICHCMP, CMP_LE, slot_richcompare, "Return self<=value."},
    {"__eq__", SLOT_OFF(richcompare), SK_RICHCMP, CMP_EQ, slot_richcompare, "Return self==value."},
    {"__ne__", SLOT_OFF(richcompare), SK_RICHCMP, CMP_NE, slot_richcompare, "Return self!=value."},
    {"__gt__", SLOT_OFF(richcompare), SK_RICHCMP, CMP_GT, slot_richcompare, "Return self>value."},
    {"__ge__", SLOT_OFF(richcompare), SK_RICHCMP, CMP_GE, slot_richcompare, "Return self>=value."},
    {"__iter__", SLOT_OFF(iter), SK_UNARY, 0, slot_iter, "Implement iter(self)."},
    {"__next__", SLOT_OFF(iternext), SK_NEXT, 0, slot_iternext, "Implement next(self)."},
    {"__get__", SLOT_OFF(descr_get), SK_DESCR_GET, 0, slot_descr_get, "Return an attribute of instance, which is of type owner."},
    {"__set__", SLOT_OFF(descr_set), SK_DESCR_SET, 0, slot_descr_set, "Set an attribute of instance to value."},
    {"__delete__", SLOT_OFF(descr_set), SK_DESCR_DELETE, 0, slot_descr_set, "Delete an attribute of instance."},
    {"__init__", SLOT_OFF(init), SK_INIT, 0, slot_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"__new__", SLOT_OFF(new), SK_NEW, 0, slot_new, NULL},
#define BINOP(NAME, slot, d, r, i, sym) \
    {d, SLOT_OFF(nb[BINOP_##NAME]), BINOP_##NAME == BINOP_POW ? SK_POW_L : SK_BINARY_L, 0, slot_nb_##slot, "Return self" sym "value."}, \
    {r, SLOT_OFF(nb[BINOP_##NAME]), BINOP_##NAME == BINOP_POW ? SK_POW_R : SK_BINARY_R, 0, slot_nb_##slot, "Return value" sym "self."},
#include "binops.def"
#undef BINOP
#define BINOP(NAME, slot, d, r, i, sym) \
    {i, SLOT_OFF(nb_inplace[BINOP_##NAME]), SK_BINARY_L, 0, slot_nbi_##slot, "Return self" sym "=value."},
#include "binops.def"
#undef BINOP
    {"__divmod__", SLOT_OFF(nb_divmod), SK_BINARY_L, 0, slot_divmod, "Return divmod(self, value)."},
    {"__rdivmod__", SLOT_OFF(nb_divmod), SK_BINARY_R, 0, slot_divmod, "Return divmod(value, self)."},
    {"__neg__", SLOT_OFF(nb_neg), SK_UNARY, 0, slot_neg, "-self"},
    {"__pos__", SLOT_OFF(nb_pos), SK_UNARY, 0, slot_pos, "+self"},
    {"__abs__", SLOT_OFF(nb_abs), SK_UNARY, 0, slot_abs, "abs(self)"},
    {"__invert__", SLOT_OFF(nb_invert), SK_UNARY, 0, slot_invert, "~self"},
    {"__bool__", SLOT_OFF(nb_bool), SK_BOOL, 0, slot_bool, "True if self else False"},
    {"__int__", SLOT_OFF(nb_int), SK_UNARY, 0, slot_int, "int(self)"},
    {"__float__", SLOT_OFF(nb_float), SK_UNARY, 0, slot_float, "float(self)"},
    {"__index__", SLOT_OFF(nb_index), SK_UNARY, 0, slot_index, "Return self converted to an integer, if self is suitable for use as an index into a list."},
    {"__len__", SLOT_OFF(len), SK_LEN, 0, slot_len, "Return len(self)."},
    {"__getitem__", SLOT_OFF(getitem), SK_GETITEM, 0, slot_getitem, "Return self[key]."},
    {"__setitem__", SLOT_OFF(setitem), SK_SETITEM, 0, slot_setitem, "Set self[key] to value."},
    {"__delitem__", SLOT_OFF(setitem), SK_DELITEM, 0, slot_setitem, "Delete self[key]."},
    {"__contains__", SLOT_OFF(contains), SK_CONTAINS, 0, slot_contains, "Return key in self."},
    /* Sequence fallbacks: exposed as dunders only when the number slot is empty. */
    {"__add__", SLOT_OFF(sq_concat), SK_BINARY_L, 0, NULL, "Return self+value."},
    {"__mul__", SLOT_OFF(sq_repeat), SK_REPEAT, 0, NULL, "Return self*value."},
    {"__rmul__", SLOT_OFF(sq_repeat), SK_REPEAT_R, 0, NULL, "Return value*self."},
    {"__iadd__", SLOT_OFF(sq_inplace_concat), SK_BINARY_L, 0, NULL, "Implement self+=value."},
    {"__imul__", SLOT_OFF(sq_inplace_repeat), SK_REPEAT, 0, NULL, "Implement self*=value."},
};
const size_t nslotdefs = ARRAY_LEN(slotdefs);

static inline void *slot_get(Type *t, size_t off) { return *(void **)((char *)t + off); }
static inline void slot_put(Type *t, size_t off, void *fn) { *(void **)((char *)t + off) = fn; }

static MethodDef tp_new_def;

static Value tp_new_wrapper(Value self, Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)self;
    if (nargs < 1) {
        err_format(&exc_TypeError, "%s.__new__(): not enough arguments", t->name);
        return VNULL;
    }
    if (!type_check(args[0])) {
        err_format(&exc_TypeError, "%s.__new__(X): X is not a type object (%s)", t->name, type_name(args[0]));
        return VNULL;
    }
    Type *sub = (Type *)args[0];
    if (!type_is_subtype(sub, t)) {
        err_format(&exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", t->name, sub->name,
                   sub->name, t->name);
        return VNULL;
    }
    return t->new(sub, args + 1, nargs - 1, kwnames);
}

static MethodDef tp_new_def = {"__new__", tp_new_wrapper, 0,
                               "Create and return a new object.  See help(type) for accurate signature."};

void type_add_slot_wrappers(Type *t) {
    Value d = t->dict;
    for (size_t i = 0; i < nslotdefs; i++) {
        const SlotDef *s = &slotdefs[i];
        if (s->kind == SK_NEW) {
            if (t->new && (!t->base || t->new != t->base->new || t == &type_object)) {
                Value f = builtin_func_new(&tp_new_def, obj_val(t), VNULL);
                if (f) dict_set(d, str_intern_cstr("__new__"), f);
            }
            continue;
        }
        if (!slot_get(t, s->offset)) continue;
        if (s->kind == SK_HASH && slot_get(t, s->offset) == (void *)obj_hash_unhashable) {
            dict_set(d, str_intern_cstr("__hash__"), VNone);
            continue;
        }
        /* __getattr__ is only a hook name for classes; builtins expose __getattribute__. */
        if (s->trampoline == (void *)slot_getattr_hook) continue;
        Value key = str_intern_cstr(s->name);
        if (dict_get_str(d, key)) continue;  /* first slot to claim a name wins */
        if (t->base && slot_get(t->base, s->offset) == slot_get(t, s->offset)) continue;
        Value w = slot_wrapper_new(t, s);
        if (w) dict_set(d, key, w);
    }
}

/* What C function a class should have in the slot at `off`, given its dunders. */
/* The slotdefs grouped by slot, in table order, built once: a class's slots
 * are fixed up one group at a time, and a dunder set on a class touches only
 * the groups that name it. */
#define MAX_SLOT_GROUPS 128
#define MAX_GROUP_DEFS 8
static struct SlotGroup {
    size_t offset;
    int n;
    uint8_t defs[MAX_GROUP_DEFS];
} groups[MAX_SLOT_GROUPS];
static int ngroups;

static void build_groups(void) {
    for (size_t i = 0; i < nslotdefs; i++) {
        int g = 0;
        while (g < ngroups && groups[g].offset != slotdefs[i].offset) g++;
        if (g == ngroups) {
            if (ngroups == MAX_SLOT_GROUPS) abort();
            groups[ngroups++].offset = slotdefs[i].offset;
        }
        if (groups[g].n == MAX_GROUP_DEFS) abort();
        groups[g].defs[groups[g].n++] = (uint8_t)i;
    }
}

static void fixup_one(Type *t, const struct SlotGroup *g) {
    size_t off = g->offset;
    void *trampoline = NULL;
    void *found_fn = NULL;
    bool any = false, generic = false, hash_none = false;
    for (int k = 0; k < g->n; k++) {
        const SlotDef *s = &slotdefs[g->defs[k]];
        if (s->trampoline) trampoline = s->trampoline;
        Value descr = type_lookup_cstr(t, s->name);
        if (!descr) continue;
        if (s->kind == SK_NEW) {
            any = true;
            if (val_type(descr) == &type_builtin_function && ((BuiltinFuncObject *)descr)->def == &tp_new_def) {
                void *fn = (void *)((Type *)((BuiltinFuncObject *)descr)->self)->new;
                if (found_fn && found_fn != fn) generic = true;
                found_fn = fn;
            } else {
                generic = true;
            }
            continue;
        }
        if (s->trampoline == (void *)slot_getattr_hook) {
            /* __getattr__ anywhere in the MRO: the hook trampoline is required. */
            slot_put(t, off, (void *)slot_getattr_hook);
            t->flags |= TF_HAS_GETATTR_HOOK;
            return;
        }
        any = true;
        if (descr == VNone && s->kind == SK_HASH) {
            hash_none = true;
            continue;
        }
        if (val_type(descr) == &type_wrapper_descriptor) {
            SlotWrapperObject *w = (SlotWrapperObject *)descr;
            if (w->slot->offset == off) {
                void *fn = slot_get(w->owner, off);
                if (found_fn && found_fn != fn) generic = true;
                found_fn = fn;
                continue;
            }
        }
        generic = true;
    }
    if (!any) {
        /* An iterator class that lost its __next__ may still be in a running for loop,
         * which calls the slot without checking it: CPython's "not iterable" error. */
        if (off == SLOT_OFF(iternext) && slot_get(t, off) == (void *)slot_iternext) {
            slot_put(t, off, (void *)slot_next_not_implemented);
            return;
        }
        /* No dunder anywhere: sequence fallbacks and trampolines reset, others inherit. */
        if (trampoline) slot_put(t, off, NULL);
        return;
    }
    if (hash_none && !generic) {
        slot_put(t, off, (void *)obj_hash_unhashable);
        return;
    }
    if (generic) {
        if (trampoline) slot_put(t, off, trampoline);
        return;
    }
    slot_put(t, off, found_fn);
}

static void fixup_after(Type *t) {
    if (t->nb[BINOP_POW] == slot_nb_pow) t->nb_pow3 = slot_pow3;
    if (type_lookup_cstr(t, "__del__")) t->flags |= TF_HAS_DEL;
}

void type_fixup_slots(Type *t) {
    if (!ngroups) build_groups();
    for (int g = 0; g < ngroups; g++) fixup_one(t, &groups[g]);
    fixup_after(t);
}

/* A dunder was set or deleted on t: the slots it feeds, in t and its subclasses. */
static void update_groups(Type *t, const bool *which) {
    for (int g = 0; g < ngroups; g++)
        if (which[g]) fixup_one(t, &groups[g]);
    fixup_after(t);
    if (t->subclasses)
        for (ssize_t i = 0; i < list_size(t->subclasses); i++)
            update_groups((Type *)list_get(t->subclasses, i), which);
}

void type_update_slot(Type *t, Value name) {
    if (!ngroups) build_groups();
    bool which[MAX_SLOT_GROUPS] = {false};
    bool any = false;
    const char *s = str_data(name);
    for (int g = 0; g < ngroups; g++)
        for (int k = 0; k < groups[g].n; k++)
            if (strcmp(slotdefs[groups[g].defs[k]].name, s) == 0) which[g] = any = true;
    if (!any && strcmp(s, "__del__") != 0) return;
    update_groups(t, which);
}

/* ---- Calling a slot wrapper ---- */

typedef Value (*GetattroFn)(Value, Value);
typedef int (*SetattrFn)(Value, Value, Value);
typedef Value (*DescrGetFn)(Value, Value, Value);
typedef int (*DescrSetFn)(Value, Value, Value);
typedef Value (*CallFn)(Value, Value *, size_t, Value);
typedef int (*InitFn)(Value, Value *, size_t, Value);
typedef hash_t (*HashFn)(Value);
typedef ssize_t (*LenFn)(Value);
typedef int (*InquiryFn)(Value);
typedef Value (*RichFn)(Value, Value, int);
typedef Value (*RepeatFn)(Value, ssize_t);

static int want_args(const SlotDef *s, size_t nargs, size_t n) {
    if (nargs == n) return 0;
    err_format(&exc_TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s", nargs);
    return -1;
}

Value slot_wrapper_call_bound(const SlotDef *s, Type *owner, Value self, Value *args, size_t nargs, Value kwnames) {
    void *fn = slot_get(owner, s->offset);
    if (s->kind != SK_CALL && s->kind != SK_INIT && kwnames && tuple_size(kwnames)) {
        err_format(&exc_TypeError, "wrapper %s() takes no keyword arguments", s->name);
        return VNULL;
    }
    switch (s->kind) {
    case SK_UNARY:
        if (want_args(s, nargs, 0) < 0) return VNULL;
        return ((UnaryFunc)fn)(self);
    case SK_NEXT: {
        if (want_args(s, nargs, 0) < 0) return VNULL;
        Value r = ((UnaryFunc)fn)(self);
        if (!r && !err_occurred()) err_set_object(exc_new(&exc_StopIteration, tuple_empty()));
        return r;
    }
    case SK_BINARY_L:
        if (want_args(s, nargs, 1) < 0) return VNULL;
        return ((BinaryFunc)fn)(self, args[0]);
    case SK_BINARY_R:
        if (want_args(s, nargs, 1) < 0) return VNULL;
        return ((BinaryFunc)fn)(args[0], self);
    case SK_POW_L:
        if (nargs == 2 && args[1] != VNone) {
            if (!owner->nb_pow3) return VNotImplemented;
            return owner->nb_pow3(self, args[0], args[1]);
        }
        if (nargs != 1 && nargs != 2) return want_args(s, nargs, 1), VNULL;
        return ((BinaryFunc)fn)(self, args[0]);
    case SK_POW_R:
        if (nargs != 1 && nargs != 2) return want_args(s, nargs, 1), VNULL;
        if (nargs == 2 && args[1] != VNone) {
            if (!owner->nb_pow3) return VNotImplemented;
            return owner->nb_pow3(args[0], self, args[1]);
        }
        return ((BinaryFunc)fn)(args[0], self);
    case SK_BOOL: {
        if (want_args(s, nargs, 0) < 0) return VNULL;
        int r = ((InquiryFn)fn)(self);
        return r < 0 ? VNULL : val_bool(r);
    }
    case SK_LEN: {
        if (want_args(s, nargs, 0) < 0) return VNULL;
        ssize_t r = ((LenFn)fn)(self);
        return r < 0 ? VNULL : int_from_i64(r);
    }
    case SK_HASH: {
        if (want_args(s, nargs, 0) < 0) return VNULL;
        hash_t h = ((HashFn)fn)(self);
        return h == -1 ? VNULL : int_from_i64(h);
    }
    case SK_RICHCMP:
        if (want_args(s, nargs, 1) < 0) return VNULL;
        return ((RichFn)fn)(self, args[0], s->arg);
    case SK_INIT:
        if (((InitFn)fn)(self, args, nargs, kwnames) < 0) return VNULL;
        return VNone;
    case SK_CALL:
        return ((CallFn)fn)(self, args, nargs, kwnames);
    case SK_GETATTRO:
        if (want_args(s, nargs, 1) < 0) return VNULL;
        if (!str_check(args[0])) {
            err_format(&exc_TypeError, "attribute name must be string, not '%s'", type_name(args[0]));
            return VNULL;
        }
        return ((GetattroFn)fn)(self, args[0]);
    case SK_SETATTR:
    case SK_DELATTR: {
        size_t want = s->kind == SK_SETATTR ? 2 : 1;
        if (want_args(s, nargs, want) < 0) return VNULL;
        if (!str_check(args[0])) {
            err_format(&exc_TypeError, "attribute name must be string, not '%s'", type_name(args[0]));
            return VNULL;
        }
        if (((SetattrFn)fn)(self, args[0], s->kind == SK_SETATTR ? args[1] : VNULL) < 0) return VNULL;
        return VNone;
    }
    case SK_DESCR_GET: {
        if (nargs < 1 || nargs > 2) {
            err_format(&exc_TypeError, "expected 1 or 2 arguments, got %zu", nargs);
            return VNULL;
        }
        Value obj = args[0] == VNone ? VNULL : args[0];
        Value type = nargs > 1 && args[1] != VNone ? args[1] : VNULL;
        if (!obj && !type) {
            err_set(&exc_TypeError, "__get__(None, None) is invalid");
            return VNULL;
        }
        return ((DescrGetFn)fn)(self, obj, type);
    }
    case SK_DESCR_SET:
    case SK_DESCR_DELETE: {
        size_t want = s->kind == SK_DESCR_SET ? 2 : 1;
        if (want_args(s, nargs, want) < 0) return VNULL;
        if (((DescrSetFn)fn)(self, args[0], s->kind == SK_DESCR_SET ? args[1] : VNULL) < 0) return VNULL;
        return VNone;
    }
    case SK_GETITEM:
        if (want_args(s, nargs, 1) < 0) return VNULL;
        return ((BinaryFunc)fn)(self, args[0]);
    case SK_SETITEM:
    case SK_DELITEM: {
        size_t want = s->kind == SK_SETITEM ? 2 : 1;
        if (want_args(s, nargs, want) < 0) return VNULL;
        if (((SetattrFn)fn)(self, args[0], s->kind == SK_SETITEM ? args[1] : VNULL) < 0) return VNULL;
        return VNone;
    }
    case SK_CONTAINS: {
        if (want_args(s, nargs, 1) < 0) return VNULL;
        int r = ((int (*)(Value, Value))fn)(self, args[0]);
        return r < 0 ? VNULL : val_bool(r);
    }
    case SK_REPEAT:
    case SK_REPEAT_R: {
        if (want_args(s, nargs, 1) < 0) return VNULL;
        /* As CPython's wrapper: a count that is not an index is a TypeError, not NotImplemented. */
        ssize_t n = num_as_ssize(args[0], &exc_OverflowError);
        if (n == -1 && err_occurred()) return VNULL;
        return ((RepeatFn)fn)(self, n);
    }
    case SK_NEW:
        break;
    }
    err_internal("bad slot wrapper kind");
    return VNULL;
}
