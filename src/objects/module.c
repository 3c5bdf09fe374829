/* module.c - module objects: a name and a namespace dict, attribute access through the dict. */
#include "module.h"
#include "type.h"
#include "str.h"
#include "dict.h"
#include "tuple.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"

static void module_trace(Object *o) {
    ModuleObject *m = (ModuleObject *)o;
    gc_mark(m->dict);
    gc_mark(m->name);
}

static Value module_alloc(Type *t, Value name) {
    ModuleObject *m = (ModuleObject *)type_generic_alloc(t, 0);
    if (!m) return VNULL;
    m->dict = dict_new();
    if (!m->dict) return VNULL;
    m->name = name;
    Value v = obj_val(m);
    if (dict_set_cstr(m->dict, "__name__", name) < 0 || dict_set_cstr(m->dict, "__doc__", VNone) < 0 ||
        dict_set_cstr(m->dict, "__package__", VNone) < 0 || dict_set_cstr(m->dict, "__loader__", VNone) < 0 ||
        dict_set_cstr(m->dict, "__spec__", VNone) < 0)
        return VNULL;
    return v;
}

Value module_new(Value name) { return module_alloc(&type_module, name); }

Value module_new_cstr(const char *name) {
    Value n = str_from_cstr(name);
    return n ? module_new(n) : VNULL;
}

int module_add_functions(Value m, const MethodDef *defs) {
    Value modname = dict_get_cstr(module_dict(m), "__name__");
    for (const MethodDef *d = defs; d->name; d++) {
        Value f = builtin_func_new(d, m, modname);
        if (!f || dict_set_cstr(module_dict(m), d->name, f) < 0) return -1;
    }
    return 0;
}

int module_add(Value m, const char *name, Value v) {
    if (!v) return -1;
    return dict_set_cstr(module_dict(m), name, v);
}

Value module_get(Value m, const char *name) {
    Value v = dict_get_cstr(module_dict(m), name);
    if (!v) err_format(&exc_AttributeError, "module '%U' has no attribute '%s'", ((ModuleObject *)m)->name, name);
    return v;
}

/* module(name, doc=None): __new__ makes the namespace, __init__ names it
 * (so a subclass's __init__ may take other arguments and call super's). */
static Value module_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    /* An empty namespace until __init__: module.__new__(module) has no __name__. */
    ModuleObject *m = (ModuleObject *)type_generic_alloc(t, 0);
    if (!m) return VNULL;
    m->dict = dict_new();
    if (!m->dict) return VNULL;
    m->name = nargs && str_check(args[0]) ? args[0] : str_intern_cstr("?");
    return obj_val(m);
}

static int module_init(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"name", "doc", NULL};
    Value a[2];
    if (arg_parse("module", args, nargs, kwnames, names, 0, 1, a) < 0) return -1;
    if (!str_check(a[0])) {
        err_format(&exc_TypeError, "module() argument 'name' must be str, not %s", type_name(a[0]));
        return -1;
    }
    ModuleObject *m = (ModuleObject *)val_obj(self);
    GC_WRITE(self, m->name, a[0]);
    if (dict_set_cstr(m->dict, "__name__", a[0]) < 0 || dict_set_cstr(m->dict, "__doc__", a[1] ? a[1] : VNone) < 0 ||
        dict_set_cstr(m->dict, "__package__", VNone) < 0 || dict_set_cstr(m->dict, "__loader__", VNone) < 0 ||
        dict_set_cstr(m->dict, "__spec__", VNone) < 0)
        return -1;
    return 0;
}

/* Module attributes: the class's descriptors, then the dict, then __getattr__ (PEP 562). */
static Value module_getattro(Value self, Value name) {
    ModuleObject *m = (ModuleObject *)self;
    Type *t = val_type(self);
    Value descr = type_lookup(t, name);
    if (descr && val_type(descr)->descr_set) return val_type(descr)->descr_get(descr, self, obj_val(t));
    Value v = str_check_exact(name) ? dict_get_str(m->dict, name) : dict_get(m->dict, name);
    if (v) return v;
    if (err_occurred()) return VNULL;
    if (descr) {
        if (val_type(descr)->descr_get) return val_type(descr)->descr_get(descr, self, obj_val(t));
        return descr;
    }
    if (t->attrs_offset) {
        extern Value inst_get(Value obj, Value name);
        Value iv = inst_get(self, name);
        if (iv) return iv;
    }
    Value ga = dict_get_cstr(m->dict, "__getattr__");
    if (ga) return obj_call1(ga, name);
    Value mn = dict_get_cstr(m->dict, "__name__");
    if (mn && str_check(mn)) {
        /* A module still running its code (spec._initializing) hints at a circular import. */
        Value spec = dict_get_cstr(m->dict, "__spec__");
        Value init = spec && spec != VNone ? obj_getattr_opt(spec, str_intern_cstr("_initializing")) : VNULL;
        int t = init ? obj_is_true(init) : 0;
        err_clear();
        if (t > 0)
            err_format(&exc_AttributeError,
                       "partially initialized module '%U' has no attribute '%U' (most likely due to a circular import)",
                       mn, name);
        else
            err_format(&exc_AttributeError, "module '%U' has no attribute '%U'", mn, name);
    } else
        err_format(&exc_AttributeError, "module has no attribute '%U'", name);
    Value exc = err_fetch();
    obj_setattr_cstr(exc, "name", name);
    obj_setattr_cstr(exc, "obj", self);
    err_restore(exc);
    return VNULL;
}

static int module_setattro(Value self, Value name, Value v) {
    ModuleObject *m = (ModuleObject *)self;
    Value descr = type_lookup(val_type(self), name);
    if (descr && val_type(descr)->descr_set) return val_type(descr)->descr_set(descr, self, v);
    if (v) return dict_set(m->dict, name, v);
    if (dict_contains(m->dict, name) <= 0) {
        err_format(&exc_AttributeError, "module '%U' has no attribute '%U'", m->name, name);
        return -1;
    }
    return dict_del(m->dict, name);
}

static Value module_repr(Value self) {
    ModuleObject *m = (ModuleObject *)self;
    /* Once importlib is installed, its _module_repr decides, as in CPython. */
    extern Value import_bootstrap_module(void);
    Value bs = import_bootstrap_module();
    if (bs) return obj_call_method(bs, "_module_repr", &self, 1);
    Value name = dict_get_cstr(m->dict, "__name__");
    if (!name) name = str_intern_cstr("?");
    Value file = dict_get_cstr(m->dict, "__file__");
    if (file && str_check(file)) return str_printf("<module %R from %R>", name, file);
    Value spec = dict_get_cstr(m->dict, "__spec__");
    Value origin = spec && spec != VNone ? obj_getattr_opt(spec, str_intern_cstr("origin")) : VNULL;
    if (origin && str_check(origin)) {
        if (str_eq_cstr(origin, "built-in")) return str_printf("<module %R (built-in)>", name);
        if (str_eq_cstr(origin, "frozen")) return str_printf("<module %R (frozen)>", name);
    }
    err_clear();
    return str_printf("<module %R>", name);
}

static Value module_get_dict(Value self) { return ((ModuleObject *)self)->dict; }

static Value module_dir_m(Value self, Value *args, size_t nargs, Value kw) {
    /* As CPython: self.__dict__ (a subclass may override it), then its __dir__. */
    Value d = obj_getattr(self, str_intern_cstr("__dict__"));
    if (!d) return VNULL;
    if (!dict_check(d)) {
        err_set(&exc_TypeError, "<module>.__dict__ is not a dictionary");
        return VNULL;
    }
    Value dirf = dict_get_cstr(d, "__dir__");
    if (dirf) return obj_call0(dirf);
    return dict_keys_list(d);
}

static Value module_get_annotations(Value self) {
    ModuleObject *m = (ModuleObject *)self;
    Value a = dict_get_cstr(m->dict, "__annotations__");
    if (a) return a;
    a = dict_new();
    if (!a || dict_set_cstr(m->dict, "__annotations__", a) < 0) return VNULL;
    return a;
}
static int module_set_annotations(Value self, Value v) {
    ModuleObject *m = (ModuleObject *)self;
    if (v) return dict_set_cstr(m->dict, "__annotations__", v);
    return dict_del(m->dict, str_intern_cstr("__annotations__"));
}

static const MethodDef module_methods[] = {
    {"__dir__", module_dir_m, 0, "__dir__() -> list\nspecialized dir() implementation"},
    {NULL}
};
static const GetSetDef module_getsets[] = {
    {"__dict__", module_get_dict, NULL, NULL},
    {"__annotations__", module_get_annotations, module_set_annotations, NULL},
    {NULL}
};

Type type_module = {
    .hdr = {0, &type_type},
    .name = "module",
    .basicsize = sizeof(ModuleObject),
    .flags = TF_BASETYPE,
    .trace = module_trace,
    .new = module_new_m,
    .init = module_init,
    .getattr = module_getattro,
    .setattr = module_setattro,
    .repr = module_repr,
    .methods = module_methods,
    .getsets = module_getsets,
    .doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.",
};
