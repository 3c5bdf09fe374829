/* func.c - Python function objects, bound methods, and argument checking for builtins. */
#include "func.h"
#include "type.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "dict.h"
#include "instance.h"
#include "misc.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/frame.h"

/* ---- Python functions ---- */

static void func_trace(Object *o) {
    FuncObject *f = (FuncObject *)o;
    gc_mark(obj_val(f->code));
    gc_mark(f->globals);
    gc_mark(f->builtins);
    gc_mark(f->name);
    gc_mark(f->qualname);
    gc_mark(f->module);
    gc_mark(f->doc);
    gc_mark(f->defaults);
    gc_mark(f->kwdefaults);
    gc_mark(f->closure);
    gc_mark(f->annotations);
    gc_mark(f->dict);
}

Value func_new(CodeObject *code, Value globals, Value qualname) {
    FuncObject *f = gc_alloc(&type_function, sizeof(FuncObject));
    if (!f) return VNULL;
    f->code = code;
    f->globals = globals;
    f->name = code->name;
    f->qualname = qualname ? qualname : code->qualname;
    f->doc = code->docstring ? code->docstring : VNone;
    Value b = dict_get_cstr(globals, "__builtins__");
    extern Value builtins_dict;
    if (b && val_type(b) != &type_dict) {
        /* A module object: use its dict. */
        Value d = obj_getattr_opt(b, str_intern_cstr("__dict__"));
        b = d;
    }
    f->builtins = b && dict_check(b) ? b : builtins_dict;
    Value m = dict_get_cstr(globals, "__name__");
    f->module = m ? m : VNone;
    return obj_val(f);
}

/* types.FunctionType(code, globals, name=None, argdefs=None, closure=None),
 * with CPython's checks (asyncio's REPL builds its coroutines this way). */
static Value func_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"code", "globals", "name", "argdefs", "closure", NULL};
    Value a[5];
    if (arg_parse("function", args, nargs, kwnames, names, 0, 2, a) < 0) return VNULL;
    if (val_type(a[0]) != &type_code) {
        err_format(&exc_TypeError, "function() argument 'code' must be code, not %s", type_name(a[0]));
        return VNULL;
    }
    if (!dict_check(a[1])) {
        err_format(&exc_TypeError, "function() argument 'globals' must be dict, not %s", type_name(a[1]));
        return VNULL;
    }
    CodeObject *code = (CodeObject *)val_obj(a[0]);
    Value name = a[2] && a[2] != VNone ? a[2] : VNULL, defs = a[3] && a[3] != VNone ? a[3] : VNULL;
    Value closure = a[4] && a[4] != VNone ? a[4] : VNULL;
    if (name && !str_check(name)) {
        err_set(&exc_TypeError, "arg 3 (name) must be None or string");
        return VNULL;
    }
    if (defs && !tuple_check(defs)) {
        err_set(&exc_TypeError, "arg 4 (defaults) must be None or tuple");
        return VNULL;
    }
    if (closure && !tuple_check(closure)) {
        err_set(&exc_TypeError, "arg 5 (closure) must be None or tuple");
        return VNULL;
    }
    if (!closure && code->nfrees) {
        err_set(&exc_TypeError, "arg 5 (closure) must be tuple");
        return VNULL;
    }
    ssize_t nclosure = closure ? tuple_size(closure) : 0;
    if (code->nfrees != nclosure) {
        err_format(&exc_ValueError, "%U requires closure of length %d, not %zd", code->name, code->nfrees, nclosure);
        return VNULL;
    }
    for (ssize_t i = 0; i < nclosure; i++)
        if (val_type(tuple_get(closure, i)) != &type_cell) {
            err_format(&exc_TypeError, "arg 5 (closure) expected cell, found %s", type_name(tuple_get(closure, i)));
            return VNULL;
        }
    Value fv = func_new(code, a[1], VNULL);
    if (!fv) return VNULL;
    FuncObject *f = (FuncObject *)val_obj(fv);
    if (name) GC_WRITE(f, f->name, name);
    if (defs) GC_WRITE(f, f->defaults, defs);
    if (nclosure) GC_WRITE(f, f->closure, closure);
    return fv;
}

static Value func_call(Value self, Value *args, size_t nargs, Value kwnames) {
    return interp_call_function(self, args, nargs, kwnames);
}

static Value func_descr_get(Value self, Value obj, Value type) {
    if (!obj) return self;
    return method_new(self, obj);
}

static Value func_repr(Value self) {
    FuncObject *f = (FuncObject *)self;
    return str_printf("<function %U at %p>", f->qualname, (void *)self);
}

static Value func_get_name(Value self) { return ((FuncObject *)self)->name; }
static int func_set_name(Value self, Value v) {
    if (!v || !str_check(v)) {
        err_set(&exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    GC_WRITE(self, ((FuncObject *)self)->name, v);
    return 0;
}
static Value func_get_qualname(Value self) { return ((FuncObject *)self)->qualname; }
static int func_set_qualname(Value self, Value v) {
    if (!v || !str_check(v)) {
        err_set(&exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    GC_WRITE(self, ((FuncObject *)self)->qualname, v);
    return 0;
}
static Value func_get_code(Value self) { return obj_val(((FuncObject *)self)->code); }
static int func_set_code(Value self, Value v) {
    if (!v || val_type(v) != &type_code) {
        err_set(&exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    FuncObject *f = (FuncObject *)self;
    CodeObject *c = (CodeObject *)v;
    ssize_t nclosure = f->closure ? tuple_size(f->closure) : 0;
    if (c->nfrees != nclosure) {
        err_format(&exc_ValueError, "%U() requires a code object with %zd free vars, not %d",
                   f->name, nclosure, c->nfrees);
        return -1;
    }
    GC_WRITE(self, f->code, c);
    return 0;
}
static Value func_get_defaults(Value self) {
    Value d = ((FuncObject *)self)->defaults;
    return d ? d : VNone;
}
static int func_set_defaults(Value self, Value v) {
    if (v == VNone) v = VNULL;
    if (v && !tuple_check(v)) {
        err_set(&exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    GC_WRITE(self, ((FuncObject *)self)->defaults, v);
    return 0;
}
static Value func_get_kwdefaults(Value self) {
    Value d = ((FuncObject *)self)->kwdefaults;
    return d ? d : VNone;
}
static int func_set_kwdefaults(Value self, Value v) {
    if (v == VNone) v = VNULL;
    if (v && !dict_check(v)) {
        err_set(&exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    GC_WRITE(self, ((FuncObject *)self)->kwdefaults, v);
    return 0;
}
static Value func_get_doc(Value self) { return ((FuncObject *)self)->doc; }
static int func_set_doc(Value self, Value v) {
    GC_WRITE(self, ((FuncObject *)self)->doc, v ? v : VNone);
    return 0;
}
static Value func_get_module(Value self) { return ((FuncObject *)self)->module; }
static int func_set_module(Value self, Value v) {
    GC_WRITE(self, ((FuncObject *)self)->module, v ? v : VNone);
    return 0;
}
static Value func_get_annotations(Value self) {
    FuncObject *f = (FuncObject *)self;
    if (!f->annotations) {
        Value d = dict_new();
        if (!d) return VNULL;
        GC_WRITE(f, f->annotations, d);
    }
    return f->annotations;
}
static int func_set_annotations(Value self, Value v) {
    if (v == VNone) v = VNULL;
    if (v && !dict_check(v)) {
        err_set(&exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    GC_WRITE(self, ((FuncObject *)self)->annotations, v);
    return 0;
}
static Value func_get_dict(Value self) {
    FuncObject *f = (FuncObject *)self;
    if (!f->dict) {
        Value d = dict_new();
        if (!d) return VNULL;
        GC_WRITE(f, f->dict, d);
    }
    return f->dict;
}
static int func_set_dict(Value self, Value v) {
    if (!v || !dict_check(v)) {
        err_set(&exc_TypeError, "__dict__ must be set to a dictionary");
        return -1;
    }
    GC_WRITE(self, ((FuncObject *)self)->dict, v);
    return 0;
}

/* Function attributes live in a lazily made dict, after the getsets. */
static Value func_getattr(Value self, Value name) {
    Value descr = type_lookup(&type_function, name);
    if (descr && val_type(descr)->descr_set) return val_type(descr)->descr_get(descr, self, obj_val(&type_function));
    FuncObject *f = (FuncObject *)self;
    if (f->dict) {
        Value v = dict_get(f->dict, name);
        if (v) return v;
        if (err_occurred()) return VNULL;
    }
    if (descr) {
        if (val_type(descr)->descr_get) return val_type(descr)->descr_get(descr, self, obj_val(&type_function));
        return descr;
    }
    err_format(&exc_AttributeError, "'function' object has no attribute '%U'", name);
    return VNULL;
}

static int func_setattr(Value self, Value name, Value v) {
    Value descr = type_lookup(&type_function, name);
    if (descr && val_type(descr)->descr_set) return val_type(descr)->descr_set(descr, self, v);
    Value d = func_get_dict(self);
    if (!d) return -1;
    if (v) return dict_set(d, name, v);
    if (dict_contains(d, name) <= 0) {
        err_format(&exc_AttributeError, "'function' object has no attribute '%U'", name);
        return -1;
    }
    return dict_del(d, name);
}

static const GetSetDef func_getsets[] = {
    {"__name__", func_get_name, func_set_name, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL},
    {"__code__", func_get_code, func_set_code, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL},
    {"__doc__", func_get_doc, func_set_doc, NULL},
    {"__module__", func_get_module, func_set_module, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL},
    {"__dict__", func_get_dict, func_set_dict, NULL},
    {NULL}
};

/* Members, as in CPython: types.MemberDescriptorType is type(FunctionType.__globals__). */
static const MemberDef func_members[] = {
    {"__globals__", MEMBER_VALUE_RO, offsetof(FuncObject, globals)},
    {"__builtins__", MEMBER_VALUE_RO, offsetof(FuncObject, builtins)},
    {"__closure__", MEMBER_VALUE_OR_NONE_RO, offsetof(FuncObject, closure)},
    {NULL}
};

Type type_function = {
    .hdr = {0, &type_type},
    .name = "function",
    .basicsize = sizeof(FuncObject),
    .trace = func_trace,
    .call = func_call,
    .descr_get = func_descr_get,
    .repr = func_repr,
    .getattr = func_getattr,
    .setattr = func_setattr,
    .getsets = func_getsets,
    .members = func_members,
    .new = func_new_m,
    .doc = "Create a function object.",
};

/* ---- Bound methods ---- */

static void method_trace(Object *o) {
    BoundMethodObject *m = (BoundMethodObject *)o;
    gc_mark(m->func);
    gc_mark(m->self);
}

Value method_new(Value func, Value self) {
    BoundMethodObject *m = gc_alloc(&type_method, sizeof(BoundMethodObject));
    if (!m) return VNULL;
    m->func = func;
    m->self = self;
    return obj_val(m);
}

static Value method_call(Value self, Value *args, size_t nargs, Value kwnames) {
    BoundMethodObject *m = (BoundMethodObject *)self;
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    Value small[8];
    Value *buf = nargs + nkw + 1 <= 8 ? small : alloca(sizeof(Value) * (nargs + nkw + 1));
    buf[0] = m->self;
    copy_values(buf + 1, args, nargs + nkw);
    return obj_call(m->func, buf, nargs + 1, kwnames);
}

static Value method_repr(Value self) {
    BoundMethodObject *m = (BoundMethodObject *)self;
    Value name = obj_getattr_opt(m->func, str_intern_cstr("__qualname__"));
    if (!name) name = obj_getattr_opt(m->func, str_intern_cstr("__name__"));
    if (!name && err_occurred()) return VNULL;
    Value r = obj_repr(m->self);
    if (!r) return VNULL;
    if (!name || !str_check(name)) name = str_intern_cstr("?");
    return str_printf("<bound method %U of %U>", name, r);
}

static Value method_richcompare(Value a, Value b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || val_type(b) != &type_method) return VNotImplemented;
    BoundMethodObject *x = (BoundMethodObject *)a, *y = (BoundMethodObject *)b;
    int eq = x->self == y->self;
    if (eq) {
        eq = obj_eq(x->func, y->func);
        if (eq < 0) return VNULL;
    }
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static hash_t method_hash(Value self) {
    BoundMethodObject *m = (BoundMethodObject *)self;
    hash_t a = obj_hash_pointer(m->self);
    hash_t b = obj_hash(m->func);
    if (b == -1) return -1;
    hash_t h = a ^ b;
    return h == -1 ? -2 : h;
}

static Value method_getattr(Value self, Value name) {
    Value descr = type_lookup(&type_method, name);
    if (descr) {
        Type *dt = val_type(descr);
        if (dt->descr_get) return dt->descr_get(descr, self, obj_val(&type_method));
        return descr;
    }
    return obj_getattr(((BoundMethodObject *)self)->func, name);
}

static Value method_get_func(Value self) { return ((BoundMethodObject *)self)->func; }
static Value method_get_self(Value self) { return ((BoundMethodObject *)self)->self; }
static Value method_get_doc(Value self) {
    return obj_getattr_cstr(((BoundMethodObject *)self)->func, "__doc__");
}

static const GetSetDef method_getsets[] = {
    {"__func__", method_get_func, NULL, NULL},
    {"__self__", method_get_self, NULL, NULL},
    {"__doc__", method_get_doc, NULL, NULL},
    {NULL}
};

static Value method_reduce_m(Value self, Value *args, size_t nargs, Value kw) {
    BoundMethodObject *m = (BoundMethodObject *)self;
    Value name = obj_getattr_cstr(m->func, "__name__");
    if (!name) return VNULL;
    extern Value builtins_dict;
    Value ga = dict_get_cstr(builtins_dict, "getattr");
    return tuple_pack(2, ga, tuple_pack(2, m->self, name));
}

static const MethodDef method_methods[] = {
    {"__reduce__", method_reduce_m, 0, NULL},
    {NULL}
};

/* types.MethodType(function, instance). */
static Value method_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("method", kwnames) < 0 || arg_count("method", nargs, 2, 2) < 0) return VNULL;
    if (!val_type(args[0])->call) {
        err_set(&exc_TypeError, "first argument must be callable");
        return VNULL;
    }
    if (args[1] == VNone) {
        err_set(&exc_TypeError, "instance must not be None");
        return VNULL;
    }
    return method_new(args[0], args[1]);
}

Type type_method = {
    .hdr = {0, &type_type},
    .name = "method",
    .new = method_new_m,
    .basicsize = sizeof(BoundMethodObject),
    .trace = method_trace,
    .call = method_call,
    .repr = method_repr,
    .richcompare = method_richcompare,
    .hash = method_hash,
    .getattr = method_getattr,
    .getsets = method_getsets,
    .methods = method_methods,
    .doc = "Create a bound instance method object.",
};

/* ---- Argument checks for builtins, in CPython's words ---- */

int arg_no_kw(const char *fname, Value kwnames) {
    if (kwnames && tuple_size(kwnames) > 0) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int arg_count(const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) return 0;
    if (max == 0)
        err_format(&exc_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
    else if (min == 1 && max == 1)
        err_format(&exc_TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
    else if (min == max)
        err_format(&exc_TypeError, "%s expected %zu argument%s, got %zu", fname, min, min == 1 ? "" : "s", nargs);
    else if (nargs < min)
        err_format(&exc_TypeError, "%s expected at least %zu argument%s, got %zu", fname, min, min == 1 ? "" : "s", nargs);
    else
        err_format(&exc_TypeError, "%s expected at most %zu argument%s, got %zu", fname, max, max == 1 ? "" : "s", nargs);
    return -1;
}

int arg_parse(const char *fname, Value *args, size_t nargs, Value kwnames,
              const char *const *names, size_t npos_only, size_t nrequired, Value *out) {
    size_t n = 0;
    while (names[n]) n++;
    if (nargs > n) {
        err_format(&exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", fname, n,
                   n == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < n; i++) out[i] = i < nargs ? args[i] : VNULL;
    if (kwnames) {
        for (ssize_t k = 0; k < tuple_size(kwnames); k++) {
            Value kn = tuple_get(kwnames, k);
            size_t i;
            for (i = npos_only; i < n; i++)
                if (str_eq_cstr(kn, names[i])) break;
            if (i == n) {
                for (i = 0; i < npos_only; i++)
                    if (str_eq_cstr(kn, names[i])) break;
                if (i < npos_only)
                    err_format(&exc_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%U'", fname, kn);
                else
                    err_format(&exc_TypeError, "'%U' is an invalid keyword argument for %s()", kn, fname);
                return -1;
            }
            if (out[i]) {
                err_format(&exc_TypeError, "argument for %s() given by name ('%s') and position (%zu)",
                           fname, names[i], i + 1);
                return -1;
            }
            out[i] = args[nargs + (size_t)k];
        }
    }
    for (size_t i = 0; i < nrequired; i++) {
        if (!out[i]) {
            if (i < npos_only)
                err_format(&exc_TypeError, "%s() takes at least %zu positional argument%s (%zu given)",
                           fname, nrequired, nrequired == 1 ? "" : "s", nargs);
            else
                err_format(&exc_TypeError, "%s() missing required argument '%s' (pos %zu)", fname, names[i], i + 1);
            return -1;
        }
    }
    return 0;
}
