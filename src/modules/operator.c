/* operator.c - the _operator module: operators as functions, attrgetter, itemgetter, methodcaller. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/str_internal.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/misc.h"
#include "../objects/module.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"

/*
 * operator.py does `from _operator import *`, so everything it defines in
 * Python is replaced by these.  The functions take positional arguments
 * only and check them as Argument Clinic does ("add expected 2 arguments,
 * got 1"; one-argument functions "_operator.neg() takes exactly one
 * argument (0 given)").
 */

/* Keyword arguments are refused with the qualified name, as for any METH_FASTCALL function. */
static bool no_kw(const char *name, Value kw) {
    if (!kw || tuple_size(kw) == 0) return true;
    err_format(&exc_TypeError, "_operator.%s() takes no keyword arguments", name);
    return false;
}

static bool args2(const char *name, size_t nargs, Value kw) {
    return no_kw(name, kw) && arg_count(name, nargs, 2, 2) == 0;
}

/* PyArg_UnpackTuple's wording, which the getters use for their one argument. */
static bool one_arg(const char *name, size_t nargs, Value kw) {
    if (arg_no_kw(name, kw) < 0) return false;
    if (nargs == 1) return true;
    err_format(&exc_TypeError, "%s expected 1 argument, got %zu", name, nargs);
    return false;
}

static bool args1(const char *qualname, size_t nargs, Value kw) {
    return no_kw(qualname + 10, kw) && arg_count(qualname, nargs, 1, 1) == 0;
}

/* ---- The operator table ---- */

/* Binary number operators: add, sub, ... and their in-place forms. */
#define OPERATOR_BINOPS(X)                                   \
    X(add, iadd, ADD, "+")                                   \
    X(sub, isub, SUB, "-")                                   \
    X(mul, imul, MUL, "*")                                   \
    X(matmul, imatmul, MATMUL, "@")                          \
    X(floordiv, ifloordiv, FLOORDIV, "//")                   \
    X(truediv, itruediv, TRUEDIV, "/")                       \
    X(mod, imod, MOD, "%")                                   \
    X(lshift, ilshift, LSHIFT, "<<")                         \
    X(rshift, irshift, RSHIFT, ">>")                         \
    X(and_, iand, AND, "&")                                  \
    X(or_, ior, OR, "|")                                     \
    X(xor, ixor, XOR, "^")                                   \
    X(pow, ipow, POW, "**")

#define DEF_BINOP(name, iname, OP, sym)                                              \
    static Value op_##name(Value self, Value *args, size_t nargs, Value kw) {       \
        if (!args2(#name, nargs, kw)) return VNULL;                                  \
        return num_binop(args[0], args[1], BINOP_##OP);                              \
    }                                                                                \
    static Value op_##iname(Value self, Value *args, size_t nargs, Value kw) {      \
        if (!args2(#iname, nargs, kw)) return VNULL;                                 \
        return num_inplace(args[0], args[1], BINOP_##OP);                            \
    }
OPERATOR_BINOPS(DEF_BINOP)
#undef DEF_BINOP

#define OPERATOR_COMPARISONS(X) \
    X(lt, CMP_LT, "<") X(le, CMP_LE, "<=") X(eq, CMP_EQ, "==") \
    X(ne, CMP_NE, "!=") X(gt, CMP_GT, ">") X(ge, CMP_GE, ">=")

#define DEF_CMP(name, OP, sym)                                                  \
    static Value op_##name(Value self, Value *args, size_t nargs, Value kw) {  \
        if (!args2(#name, nargs, kw)) return VNULL;                             \
        return obj_richcompare(args[0], args[1], OP);                           \
    }
OPERATOR_COMPARISONS(DEF_CMP)
#undef DEF_CMP

#define OPERATOR_UNARY(X) \
    X(neg, num_neg(args[0]), "Same as -a.") \
    X(pos, num_pos(args[0]), "Same as +a.") \
    X(abs, num_abs(args[0]), "Same as abs(a).") \
    X(inv, num_invert(args[0]), "Same as ~a.") \
    X(invert, num_invert(args[0]), "Same as ~a.") \
    X(index, num_index(args[0]), "Same as a.__index__()") \
    X(truth, truth_of(args[0]), "Return True if a is true, False otherwise.") \
    X(not_, not_of(args[0]), "Same as not a.")

static Value truth_of(Value v) {
    int t = obj_is_true(v);
    return t < 0 ? VNULL : val_bool(t);
}
static Value not_of(Value v) {
    int t = obj_is_true(v);
    return t < 0 ? VNULL : val_bool(!t);
}

#define DEF_UNARY(name, expr, doc)                                              \
    static Value op_##name(Value self, Value *args, size_t nargs, Value kw) {  \
        if (!args1("_operator." #name, nargs, kw)) return VNULL;               \
        return expr;                                                            \
    }
OPERATOR_UNARY(DEF_UNARY)
#undef DEF_UNARY

static Value op_is_(Value self, Value *args, size_t nargs, Value kw) {
    if (!args2("is_", nargs, kw)) return VNULL;
    return val_bool(args[0] == args[1]);
}
static Value op_is_not(Value self, Value *args, size_t nargs, Value kw) {
    if (!args2("is_not", nargs, kw)) return VNULL;
    return val_bool(args[0] != args[1]);
}

/* a's and b's nb_add (b's first when it is a subtype), NotImplemented if neither works:
 * the number fallback of PySequence_Concat for classes that only define __add__. */
static Value try_nb_add(Value a, Value b, bool inplace) {
    Type *ta = val_type(a), *tb = val_type(b);
    if (inplace && ta->nb_inplace[BINOP_ADD]) {
        Value r = ta->nb_inplace[BINOP_ADD](a, b);
        if (r != VNotImplemented) return r;
    }
    BinaryFunc fa = ta->nb[BINOP_ADD], fb = tb != ta ? tb->nb[BINOP_ADD] : NULL;
    if (fa == fb) fb = NULL;
    if (fb && type_is_subtype(tb, ta)) {
        Value r = fb(a, b);
        if (r != VNotImplemented) return r;
        fb = NULL;
    }
    if (fa) {
        Value r = fa(a, b);
        if (r != VNotImplemented) return r;
    }
    return fb ? fb(a, b) : VNotImplemented;
}

static bool is_sequence(Value v) {
    Type *t = val_type(v);
    return t->getitem && !(t->flags & TF_DICT_SUBCLASS);
}

static Value concat_common(Value a, Value b, bool inplace) {
    Type *t = val_type(a);
    if (inplace && t->sq_inplace_concat) return t->sq_inplace_concat(a, b);
    if (t->sq_concat) return t->sq_concat(a, b);
    if (is_sequence(a) && is_sequence(b)) {
        Value r = try_nb_add(a, b, inplace);
        if (r != VNotImplemented) return r;
    }
    err_format(&exc_TypeError, "'%s' object can't be concatenated", type_name(a));
    return VNULL;
}

static Value op_concat(Value self, Value *args, size_t nargs, Value kw) {
    if (!args2("concat", nargs, kw)) return VNULL;
    return concat_common(args[0], args[1], false);
}
static Value op_iconcat(Value self, Value *args, size_t nargs, Value kw) {
    if (!args2("iconcat", nargs, kw)) return VNULL;
    return concat_common(args[0], args[1], true);
}

static Value op_contains(Value self, Value *args, size_t nargs, Value kw) {
    if (!args2("contains", nargs, kw)) return VNULL;
    int r = obj_contains(args[0], args[1]);
    return r < 0 ? VNULL : val_bool(r);
}

/* PySequence_Count / PySequence_Index: a search by iteration, item == b. */
static Value sequence_search(Value seq, Value obj, bool count) {
    Value it = obj_iter(seq);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "argument of type '%s' is not iterable", type_name(seq));
        }
        return VNULL;
    }
    ssize_t n = 0;
    for (;;) {
        Value x = obj_next(it);
        if (!x) {
            if (err_occurred()) return VNULL;
            break;
        }
        int eq = obj_richcompare_bool(x, obj, CMP_EQ);
        if (eq < 0) return VNULL;
        if (eq) {
            if (!count) return val_from_int(n);
            n++;
        } else if (!count) {
            n++;
        }
    }
    if (count) return val_from_int(n);
    err_set(&exc_ValueError, "sequence.index(x): x not in sequence");
    return VNULL;
}

static Value op_countOf(Value self, Value *args, size_t nargs, Value kw) {
    if (!args2("countOf", nargs, kw)) return VNULL;
    return sequence_search(args[0], args[1], true);
}
static Value op_indexOf(Value self, Value *args, size_t nargs, Value kw) {
    if (!args2("indexOf", nargs, kw)) return VNULL;
    return sequence_search(args[0], args[1], false);
}

static Value op_getitem(Value self, Value *args, size_t nargs, Value kw) {
    if (!args2("getitem", nargs, kw)) return VNULL;
    return obj_getitem(args[0], args[1]);
}
static Value op_delitem(Value self, Value *args, size_t nargs, Value kw) {
    if (!args2("delitem", nargs, kw)) return VNULL;
    return obj_delitem(args[0], args[1]) < 0 ? VNULL : VNone;
}
static Value op_setitem(Value self, Value *args, size_t nargs, Value kw) {
    if (!no_kw("setitem", kw) || arg_count("setitem", nargs, 3, 3) < 0) return VNULL;
    return obj_setitem(args[0], args[1], args[2]) < 0 ? VNULL : VNone;
}

static Value op_call(Value self, Value *args, size_t nargs, Value kw) {
    if (nargs < 1) {
        err_set(&exc_TypeError, "call expected at least 1 argument, got 0");
        return VNULL;
    }
    return obj_call(args[0], args + 1, nargs - 1, kw);
}

/* PyObject_LengthHint: len(), else __length_hint__(), else the default. */
ssize_t operator_length_hint(Value o, ssize_t dflt) {
    Type *t = val_type(o);
    if (t->len) {
        ssize_t n = t->len(o);
        if (n >= 0) return n;
        if (!err_matches(&exc_TypeError)) return -1;
        err_clear();
    }
    Value hint = dm_lookup_special(o, "__length_hint__");
    if (!hint) return err_occurred() ? -1 : dflt;
    Value r = obj_call0(hint);
    if (!r) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            return dflt;
        }
        return -1;
    }
    if (r == VNotImplemented) return dflt;
    if (!int_check(r)) {
        err_format(&exc_TypeError, "__length_hint__ must be an integer, not %s", type_name(r));
        return -1;
    }
    ssize_t n = int_as_ssize(r);
    if (n < 0 && err_occurred()) return -1;
    if (n < 0) {
        err_set(&exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

static Value op_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    if (!no_kw("length_hint", kw) || arg_count("length_hint", nargs, 1, 2) < 0) return VNULL;
    ssize_t dflt = 0;
    if (nargs > 1 && dm_ssize(args[1], &dflt) < 0) return VNULL;
    ssize_t n = operator_length_hint(args[0], dflt);
    return n < 0 && err_occurred() ? VNULL : int_from_i64(n);
}

/* A comparison whose time depends only on the length of b (hmac.compare_digest;
 * _hashlib.compare_digest shares it). */
Value operator_compare_digest(Value a, Value b) {
    const char *pa, *pb;
    size_t na, nb;
    if (str_check(a) && str_check(b)) {
        if (!str_is_ascii(a) || !str_is_ascii(b)) {
            err_set(&exc_TypeError, "comparing strings with non-ASCII characters is not supported");
            return VNULL;
        }
        pa = str_data(a), na = str_size(a);
        pb = str_data(b), nb = str_size(b);
    } else {
        bool ba = bytes_get_buffer(a, &pa, &na), bb = bytes_get_buffer(b, &pb, &nb);
        if (!ba && !bb) {
            err_format(&exc_TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'",
                       type_name(a), type_name(b));
            return VNULL;
        }
        if (!ba || !bb) {
            err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(ba ? b : a));
            return VNULL;
        }
    }
    /* Loop over b only, so the time reveals len(b) but not where a differs. */
    const volatile unsigned char *left = (const unsigned char *)(na == nb ? pa : pb);
    const volatile unsigned char *right = (const unsigned char *)pb;
    unsigned char result = na != nb;
    for (size_t i = 0; i < nb; i++) result |= left[i] ^ right[i];
    return val_bool(result == 0);
}

static Value op_compare_digest(Value self, Value *args, size_t nargs, Value kw) {
    if (!args2("_compare_digest", nargs, kw)) return VNULL;
    return operator_compare_digest(args[0], args[1]);
}

/* ---- attrgetter ---- */

typedef struct AttrGetterObject {
    Object hdr;
    Value attrs;      /* tuple: per attribute, a str or a tuple of the dotted parts */
} AttrGetterObject;

Type type_attrgetter, type_itemgetter, type_methodcaller;

static void attrgetter_trace(Object *o) { gc_mark(((AttrGetterObject *)o)->attrs); }

static Value attrgetter_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("attrgetter", kw) < 0) return VNULL;
    if (nargs < 1) {
        err_set(&exc_TypeError, "attrgetter expected 1 argument, got 0");
        return VNULL;
    }
    Value attrs = tuple_new(nargs);
    if (!attrs) return VNULL;
    for (size_t i = 0; i < nargs; i++) {
        Value name = args[i];
        if (!str_check(name)) {
            err_set(&exc_TypeError, "attribute name must be a string");
            return VNULL;
        }
        const char *s = str_data(name);
        size_t n = str_size(name);
        if (!memchr(s, '.', n)) {
            tuple_items(attrs)[i] = str_intern(str_exact(name));
            continue;
        }
        /* "a.b.c" becomes ('a', 'b', 'c'), each part interned. */
        Value parts = list_new(0);
        if (!parts) return VNULL;
        size_t start = 0;
        for (size_t j = 0; j <= n; j++) {
            if (j == n || s[j] == '.') {
                Value p = str_new(s + start, j - start);
                if (!p || list_append(parts, str_intern(p)) < 0) return VNULL;
                start = j + 1;
            }
        }
        tuple_items(attrs)[i] = list_as_tuple(parts);
    }
    AttrGetterObject *ag = gc_alloc(t, sizeof(AttrGetterObject));
    if (!ag) return VNULL;
    ag->attrs = attrs;
    return obj_val(ag);
}

static Value attrgetter_get(Value obj, Value attr) {
    if (str_check(attr)) return obj_getattr(obj, attr);
    for (ssize_t i = 0; i < tuple_size(attr) && obj; i++) obj = obj_getattr(obj, tuple_get(attr, i));
    return obj;
}

static Value attrgetter_call(Value self, Value *args, size_t nargs, Value kw) {
    if (!one_arg("attrgetter", nargs, kw)) return VNULL;
    Value attrs = ((AttrGetterObject *)self)->attrs;
    ssize_t n = tuple_size(attrs);
    if (n == 1) return attrgetter_get(args[0], tuple_get(attrs, 0));
    Value r = tuple_new((size_t)n);
    if (!r) return VNULL;
    for (ssize_t i = 0; i < n; i++) {
        Value v = attrgetter_get(args[0], tuple_get(attrs, i));
        if (!v) return VNULL;
        tuple_items(r)[i] = v;
    }
    return r;
}

/* The attribute names as given: dotted parts joined again. */
static Value attrgetter_names(Value self) {
    Value attrs = ((AttrGetterObject *)self)->attrs;
    Value r = tuple_new((size_t)tuple_size(attrs));
    if (!r) return VNULL;
    for (ssize_t i = 0; i < tuple_size(attrs); i++) {
        Value a = tuple_get(attrs, i);
        if (!str_check(a)) {
            a = str_join(str_intern_cstr("."), a);
            if (!a) return VNULL;
        }
        tuple_items(r)[i] = a;
    }
    return r;
}

/* "operator.attrgetter('a')" or "operator.attrgetter('a', 'b')"; "..." when recursive. */
static Value getter_repr(Value self, Value items) {
    int rec = list_repr_enter(self);
    if (rec != 0) return rec > 0 ? str_printf("%s(...)", val_type(self)->name) : VNULL;
    Value r = tuple_size(items) == 1 ? str_printf("%s(%R)", val_type(self)->name, tuple_get(items, 0))
                                     : str_printf("%s%R", val_type(self)->name, items);
    list_repr_leave(self);
    return r;
}

static Value attrgetter_repr(Value self) {
    Value names = attrgetter_names(self);
    return names ? getter_repr(self, names) : VNULL;
}

static Value attrgetter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    Value names = attrgetter_names(self);
    return names ? tuple_pack(2, obj_val(val_type(self)), names) : VNULL;
}

static const MethodDef attrgetter_methods[] = {
    {"__reduce__", attrgetter_reduce, 0, "Return state information for pickling"},
    {NULL},
};

Type type_attrgetter = {
    .hdr = {0, &type_type},
    .name = "operator.attrgetter",
    .basicsize = sizeof(AttrGetterObject),
    .trace = attrgetter_trace,
    .new = attrgetter_new,
    .call = attrgetter_call,
    .repr = attrgetter_repr,
    .methods = attrgetter_methods,
    .doc = "attrgetter(attr, ...) --> attrgetter object\n\n"
           "Return a callable object that fetches the given attribute(s) from its operand.\n"
           "After f = attrgetter('name'), the call f(r) returns r.name.\n"
           "After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\n"
           "After h = attrgetter('name.first', 'name.last'), the call h(r) returns\n"
           "(r.name.first, r.name.last).",
};

/* ---- itemgetter ---- */

typedef struct ItemGetterObject {
    Object hdr;
    Value items;      /* tuple */
} ItemGetterObject;

static void itemgetter_trace(Object *o) { gc_mark(((ItemGetterObject *)o)->items); }

static Value itemgetter_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("itemgetter", kw) < 0) return VNULL;
    if (nargs < 1) {
        err_set(&exc_TypeError, "itemgetter expected 1 argument, got 0");
        return VNULL;
    }
    Value items = tuple_from_array(args, nargs);
    if (!items) return VNULL;
    ItemGetterObject *ig = gc_alloc(t, sizeof(ItemGetterObject));
    if (!ig) return VNULL;
    ig->items = items;
    return obj_val(ig);
}

static Value itemgetter_call(Value self, Value *args, size_t nargs, Value kw) {
    if (!one_arg("itemgetter", nargs, kw)) return VNULL;
    Value items = ((ItemGetterObject *)self)->items;
    ssize_t n = tuple_size(items);
    if (n == 1) return obj_getitem(args[0], tuple_get(items, 0));
    Value r = tuple_new((size_t)n);
    if (!r) return VNULL;
    for (ssize_t i = 0; i < n; i++) {
        Value v = obj_getitem(args[0], tuple_get(items, i));
        if (!v) return VNULL;
        tuple_items(r)[i] = v;
    }
    return r;
}

static Value itemgetter_repr(Value self) { return getter_repr(self, ((ItemGetterObject *)self)->items); }

static Value itemgetter_reduce(Value self, Value *args, size_t nargs, Value kw) {
    return tuple_pack(2, obj_val(val_type(self)), ((ItemGetterObject *)self)->items);
}

static const MethodDef itemgetter_methods[] = {
    {"__reduce__", itemgetter_reduce, 0, "Return state information for pickling"},
    {NULL},
};

Type type_itemgetter = {
    .hdr = {0, &type_type},
    .name = "operator.itemgetter",
    .basicsize = sizeof(ItemGetterObject),
    .trace = itemgetter_trace,
    .new = itemgetter_new,
    .call = itemgetter_call,
    .repr = itemgetter_repr,
    .methods = itemgetter_methods,
    .doc = "itemgetter(item, ...) --> itemgetter object\n\n"
           "Return a callable object that fetches the given item(s) from its operand.\n"
           "After f = itemgetter(2), the call f(r) returns r[2].\n"
           "After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])",
};

/* ---- methodcaller ---- */

typedef struct MethodCallerObject {
    Object hdr;
    Value name;       /* interned str */
    Value args;       /* tuple */
    Value kwnames;    /* tuple of str or VNULL */
    Value kwvalues;   /* tuple, parallel to kwnames */
} MethodCallerObject;

static void methodcaller_trace(Object *o) {
    MethodCallerObject *mc = (MethodCallerObject *)o;
    gc_mark(mc->name);
    gc_mark(mc->args);
    gc_mark(mc->kwnames);
    gc_mark(mc->kwvalues);
}

static Value methodcaller_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (nargs < 1) {
        err_set(&exc_TypeError, "methodcaller needs at least one argument, the method name");
        return VNULL;
    }
    if (!str_check(args[0])) {
        err_set(&exc_TypeError, "method name must be a string");
        return VNULL;
    }
    MethodCallerObject *mc = gc_alloc(t, sizeof(MethodCallerObject));
    if (!mc) return VNULL;
    mc->name = str_intern(str_exact(args[0]));
    mc->args = tuple_from_array(args + 1, nargs - 1);
    if (!mc->args) return VNULL;
    if (kw && tuple_size(kw) > 0) {
        mc->kwnames = kw;
        mc->kwvalues = tuple_from_array(args + nargs, (size_t)tuple_size(kw));
        if (!mc->kwvalues) return VNULL;
    }
    return obj_val(mc);
}

static Value methodcaller_call(Value self, Value *args, size_t nargs, Value kw) {
    if (!one_arg("methodcaller", nargs, kw)) return VNULL;
    MethodCallerObject *mc = (MethodCallerObject *)self;
    Value meth = obj_getattr(args[0], mc->name);
    if (!meth) return VNULL;
    ssize_t na = tuple_size(mc->args), nk = mc->kwnames ? tuple_size(mc->kwnames) : 0;
    if (nk == 0) return obj_call(meth, tuple_items(mc->args), (size_t)na, VNULL);
    Value *buf = alloca(sizeof(Value) * (size_t)(na + nk));
    copy_values(buf, tuple_items(mc->args), (size_t)na);
    copy_values(buf + na, tuple_items(mc->kwvalues), (size_t)nk);
    return obj_call(meth, buf, (size_t)na, mc->kwnames);
}

static Value methodcaller_repr(Value self) {
    MethodCallerObject *mc = (MethodCallerObject *)self;
    int rec = list_repr_enter(self);
    if (rec != 0) return rec > 0 ? str_printf("%s(...)", val_type(self)->name) : VNULL;
    StrBuilder sb;
    sb_init(&sb);
    sb_printf(&sb, "%s(%R", val_type(self)->name, mc->name);
    for (ssize_t i = 0; i < tuple_size(mc->args); i++) sb_printf(&sb, ", %R", tuple_get(mc->args, i));
    for (ssize_t i = 0; mc->kwnames && i < tuple_size(mc->kwnames); i++)
        sb_printf(&sb, ", %U=%R", tuple_get(mc->kwnames, i), tuple_get(mc->kwvalues, i));
    sb_append_char(&sb, ')');
    list_repr_leave(self);
    return sb_finish(&sb);
}

/* (type, (name, *args)), or with keywords (partial(type, name, **kw), args). */
static Value methodcaller_reduce(Value self, Value *args, size_t nargs, Value kw) {
    MethodCallerObject *mc = (MethodCallerObject *)self;
    ssize_t na = tuple_size(mc->args);
    if (!mc->kwnames) {
        Value t = tuple_new((size_t)na + 1);
        if (!t) return VNULL;
        tuple_items(t)[0] = mc->name;
        copy_values(tuple_items(t) + 1, tuple_items(mc->args), (size_t)na);
        return tuple_pack(2, obj_val(val_type(self)), t);
    }
    extern Value functools_partial_new(Value func, Value *args, size_t nargs, Value kwnames);
    ssize_t nk = tuple_size(mc->kwnames);
    Value *buf = alloca(sizeof(Value) * (size_t)(nk + 2));
    buf[0] = obj_val(val_type(self));
    buf[1] = mc->name;
    copy_values(buf + 2, tuple_items(mc->kwvalues), (size_t)nk);
    Value p = functools_partial_new(buf[0], buf + 1, 1, mc->kwnames);
    return p ? tuple_pack(2, p, mc->args) : VNULL;
}

static const MethodDef methodcaller_methods[] = {
    {"__reduce__", methodcaller_reduce, 0, "Return state information for pickling"},
    {NULL},
};

Type type_methodcaller = {
    .hdr = {0, &type_type},
    .name = "operator.methodcaller",
    .basicsize = sizeof(MethodCallerObject),
    .trace = methodcaller_trace,
    .new = methodcaller_new,
    .call = methodcaller_call,
    .repr = methodcaller_repr,
    .methods = methodcaller_methods,
    .doc = "methodcaller(name, ...) --> methodcaller object\n\n"
           "Return a callable object that calls the given method on its operand.\n"
           "After f = methodcaller('name'), the call f(r) returns r.name().\n"
           "After g = methodcaller('name', 'date', foo=1), the call g(r) returns\n"
           "r.name('date', foo=1).",
};

/* ---- The module ---- */

static const MethodDef operator_functions[] = {
#define ENTRY_BINOP(name, iname, OP, sym) \
    {#name, op_##name, 0, "Same as a " sym " b."}, {#iname, op_##iname, 0, "Same as a " sym "= b."},
    OPERATOR_BINOPS(ENTRY_BINOP)
#undef ENTRY_BINOP
#define ENTRY_CMP(name, OP, sym) {#name, op_##name, 0, "Same as a " sym " b."},
    OPERATOR_COMPARISONS(ENTRY_CMP)
#undef ENTRY_CMP
#define ENTRY_UNARY(name, expr, doc) {#name, op_##name, 0, doc},
    OPERATOR_UNARY(ENTRY_UNARY)
#undef ENTRY_UNARY
    {"is_", op_is_, 0, "Same as a is b."},
    {"is_not", op_is_not, 0, "Same as a is not b."},
    {"concat", op_concat, 0, "Same as a + b, for a and b sequences."},
    {"iconcat", op_iconcat, 0, "Same as a += b, for a and b sequences."},
    {"contains", op_contains, 0, "Same as b in a (note reversed operands)."},
    {"countOf", op_countOf, 0, "Return the number of items in a which are, or which equal, b."},
    {"indexOf", op_indexOf, 0, "Return the first index of b in a."},
    {"getitem", op_getitem, 0, "Same as a[b]."},
    {"setitem", op_setitem, 0, "Same as a[b] = c."},
    {"delitem", op_delitem, 0, "Same as del a[b]."},
    {"call", op_call, 0, "Same as obj(*args, **kwargs)."},
    {"length_hint", op_length_hint, 0,
     "Return an estimate of the number of items in obj.\n\n"
     "This is useful for presizing containers when building from an iterable.\n\n"
     "If the object supports len(), the result will be exact.\n"
     "Otherwise, it may over- or under-estimate by an arbitrary amount.\n"
     "The result will be an integer >= 0."},
    {"_compare_digest", op_compare_digest, 0,
     "Return 'a == b'.\n\nThis function uses an approach designed to prevent\n"
     "timing analysis, making it appropriate for cryptography.\n\n"
     "a and b must both be of the same type: either str (ASCII only),\nor any bytes-like object.\n\n"
     "Note: If a and b are of different lengths, or if an error occurs,\n"
     "a timing attack could theoretically reveal information about the\n"
     "types and lengths of a and b--but not their values."},
    {NULL},
};

Value operator_module_init(void) {
    Value m = module_new_cstr("_operator");
    if (!m || module_add_functions(m, operator_functions) < 0) return VNULL;
    Type *types[] = {&type_attrgetter, &type_itemgetter, &type_methodcaller};
    for (size_t i = 0; i < ARRAY_LEN(types); i++) {
        type_ready(types[i]);
        if (module_add(m, strchr(types[i]->name, '.') + 1, obj_val(types[i])) < 0) return VNULL;
    }
    if (module_add(m, "__doc__", str_from_cstr(
            "Operator interface.\n\n"
            "This module exports a set of functions implemented in C corresponding\n"
            "to the intrinsic operators of Python.  For example, operator.add(x, y)\n"
            "is equivalent to the expression x+y.  The function names are those\n"
            "used for special methods; variants without leading and trailing\n"
            "'__' are also provided for convenience.")) < 0)
        return VNULL;
    return m;
}
