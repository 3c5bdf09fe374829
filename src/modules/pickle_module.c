/* pickle_module.c - the _pickle module: dump(s)/load(s), the exceptions, PickleBuffer, shared state. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/memoryview.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "pickle.h"

/*
 * The tables the pickler consults (copyreg's dispatch table and
 * extension registry, _compat_pickle's name mappings) are the live
 * objects of those modules, fetched once when _pickle is imported, so
 * copyreg.pickle() and copyreg.add_extension() are seen at once.
 */

extern Value import_name(Value name, Value globals, Value fromlist, int level);
extern Value sys_modules_dict;

Value pickle_PickleError, pickle_PicklingError, pickle_UnpicklingError;
PickleState pickle_state;
static bool state_ready;

static Value attr_of(const char *module, const char *name) {
    Value m = import_name(str_intern_cstr(module), VNULL, VNone, 0);
    return m ? obj_getattr_cstr(m, name) : VNULL;
}

int pickle_state_init(void) {
    if (state_ready) return 0;
    PickleState *s = &pickle_state;
    static const struct {
        size_t off;
        const char *module, *name;
    } table[] = {
        {offsetof(PickleState, dispatch_table), "copyreg", "dispatch_table"},
        {offsetof(PickleState, extension_registry), "copyreg", "_extension_registry"},
        {offsetof(PickleState, inverted_registry), "copyreg", "_inverted_registry"},
        {offsetof(PickleState, extension_cache), "copyreg", "_extension_cache"},
        {offsetof(PickleState, name_mapping_2to3), "_compat_pickle", "NAME_MAPPING"},
        {offsetof(PickleState, import_mapping_2to3), "_compat_pickle", "IMPORT_MAPPING"},
        {offsetof(PickleState, name_mapping_3to2), "_compat_pickle", "REVERSE_NAME_MAPPING"},
        {offsetof(PickleState, import_mapping_3to2), "_compat_pickle", "REVERSE_IMPORT_MAPPING"},
        {offsetof(PickleState, codecs_encode), "codecs", "encode"},
        {offsetof(PickleState, getattr), "builtins", "getattr"},
        {offsetof(PickleState, partial), "functools", "partial"},
    };
    for (size_t i = 0; i < ARRAY_LEN(table); i++) {
        Value v = attr_of(table[i].module, table[i].name);
        if (!v) return -1;
        Value *slot = (Value *)((char *)s + table[i].off);
        *slot = v;
        gc_add_root(slot);
    }
    for (size_t i = 0; i < 8; i++) {
        Value v = ((Value *)s)[i];
        if (!dict_check(v)) {
            err_format(&exc_TypeError, "%s must be a dict, not %s", table[i].name, type_name(v));
            return -1;
        }
    }
    state_ready = true;
    return 0;
}

/* ---- Dotted names ---- */

Value pickle_get_dotted_path(Value obj, Value name) {
    if (!str_check(name)) {
        err_format(&exc_TypeError, "must be str, not %s", type_name(name));
        return VNULL;
    }
    Value parts = list_new(0);
    if (!parts) return VNULL;
    const char *s = str_data(name), *end = s + str_size(name);
    for (;;) {
        const char *dot = memchr(s, '.', (size_t)(end - s));
        const char *e = dot ? dot : end;
        Value part = str_new(s, (size_t)(e - s));
        if (!part || list_append(parts, part) < 0) return VNULL;
        if (e - s == 8 && memcmp(s, "<locals>", 8) == 0) {
            if (!obj)
                err_format(&exc_AttributeError, "Can't pickle local object %R", name);
            else
                err_format(&exc_AttributeError, "Can't pickle local attribute %R on %R", name, obj);
            return VNULL;
        }
        if (!dot) break;
        s = dot + 1;
    }
    return parts;
}

Value pickle_get_deep_attribute(Value obj, Value names, Value *parent) {
    Value par = VNULL;
    for (ssize_t i = 0; i < list_size(names); i++) {
        par = obj;
        obj = obj_getattr_opt(par, list_get(names, i));
        if (!obj) return VNULL;
    }
    if (parent) *parent = par;
    return obj;
}

Value pickle_import_module(Value name) {
    if (!str_check(name)) {
        err_format(&exc_TypeError, "module name must be str, not %s", type_name(name));
        return VNULL;
    }
    Value m = dict_get(sys_modules_dict, name);
    if (m && m != VNone) return m;
    if (!import_name(name, VNULL, VNone, 0)) return VNULL;
    m = dict_get(sys_modules_dict, name);
    if (!m && !err_occurred()) err_set_value(&exc_KeyError, name);
    return m;
}

/* ---- Module functions ---- */

static bool truth(Value v, bool dflt, int *err) {
    if (!v) return dflt;
    int t = obj_is_true(v);
    if (t < 0) *err = 1;
    return t > 0;
}

static Value m_dumps(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"obj", "protocol", "fix_imports", "buffer_callback", NULL};
    Value a[4];
    if (nargs > 2) {
        err_format(&exc_TypeError, "dumps() takes at most 2 positional arguments (%zu given)", nargs);
        return VNULL;
    }
    if (arg_parse("dumps", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    int err = 0;
    bool fix = truth(a[2], true, &err);
    if (err) return VNULL;
    PicklerObject p;
    memset(&p, 0, sizeof p);
    pickler_init_struct(&p);
    Value r = VNULL;
    if (pickler_set_protocol(&p, a[1], fix) == 0 && pickler_set_buffer_callback(&p, a[3] ? a[3] : VNone) == 0 &&
        pickler_dump(&p, a[0]) == 0)
        r = pickler_take_bytes(&p);
    pickler_release(&p);
    return r;
}

static Value m_dump(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"obj", "file", "protocol", "fix_imports", "buffer_callback", NULL};
    Value a[5];
    if (nargs > 3) {
        err_format(&exc_TypeError, "dump() takes at most 3 positional arguments (%zu given)", nargs);
        return VNULL;
    }
    if (arg_parse("dump", args, nargs, kwnames, names, 0, 2, a) < 0) return VNULL;
    int err = 0;
    bool fix = truth(a[3], true, &err);
    if (err) return VNULL;
    PicklerObject p;
    memset(&p, 0, sizeof p);
    pickler_init_struct(&p);
    Value r = VNULL;
    if (pickler_set_protocol(&p, a[2], fix) < 0) goto out;
    p.write = obj_getattr_opt(a[1], str_intern_cstr("write"));
    if (!p.write) {
        if (!err_occurred()) err_set(&exc_TypeError, "file must have a 'write' attribute");
        goto out;
    }
    if (pickler_set_buffer_callback(&p, a[4] ? a[4] : VNone) < 0 || pickler_dump(&p, a[0]) < 0 ||
        pickler_flush_to_file(&p) < 0)
        goto out;
    r = VNone;
out:
    pickler_release(&p);
    return r;
}

static int load_options(const char *fname, Value *a, UnpicklerObject *u) {
    int err = 0;
    bool fix = truth(a[0], true, &err);
    if (err) return -1;
    for (int i = 1; i <= 2; i++) {
        if (a[i] && !str_check(a[i])) {
            err_format(&exc_TypeError, "%s() argument '%s' must be str, not %s", fname,
                       i == 1 ? "encoding" : "errors", type_name(a[i]));
            return -1;
        }
    }
    return unpickler_set_options(u, fix, a[1], a[2], a[3]);
}

static Value m_loads(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"", "fix_imports", "encoding", "errors", "buffers", NULL};
    Value a[5];
    if (nargs > 1) {
        err_format(&exc_TypeError, "loads() takes exactly 1 positional argument (%zu given)", nargs);
        return VNULL;
    }
    if (arg_parse("loads", args, nargs, kwnames, names, 1, 1, a) < 0) return VNULL;
    UnpicklerObject u;
    memset(&u, 0, sizeof u);
    unpickler_init_struct(&u);
    if (load_options("loads", a + 1, &u) < 0) return VNULL;
    Buffer view;
    bool have_view = false;
    Value data = a[0];
    if (bytes_check(data)) {
        u.input = bytes_data(data);
        u.input_len = (size_t)bytes_size(data);
    } else {
        if (buffer_get(data, &view, BUF_CONTIG_RO) < 0) return VNULL;
        have_view = true;
        u.input = view.buf;
        u.input_len = (size_t)view.len;
    }
    u.input_obj = data;
    Value r = unpickler_load(&u);
    if (have_view) buffer_release(&view);
    unpickler_release(&u);
    return r;
}

static Value m_load(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"file", "fix_imports", "encoding", "errors", "buffers", NULL};
    Value a[5];
    if (nargs > 1) {
        err_format(&exc_TypeError, "load() takes exactly 1 positional argument (%zu given)", nargs);
        return VNULL;
    }
    if (arg_parse("load", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    UnpicklerObject u;
    memset(&u, 0, sizeof u);
    unpickler_init_struct(&u);
    if (unpickler_set_file(&u, a[0]) < 0 || load_options("load", a + 1, &u) < 0) return VNULL;
    Value r = unpickler_load(&u);
    unpickler_release(&u);
    return r;
}

/* ---- PickleBuffer ---- */

typedef struct PickleBufferObject {
    Object hdr;
    Buffer view;      /* view.obj is VNULL once released */
} PickleBufferObject;

static void picklebuffer_trace(Object *o) { gc_mark(((PickleBufferObject *)o)->view.obj); }

static void picklebuffer_finalize(Object *o) {
    PickleBufferObject *pb = (PickleBufferObject *)o;
    if (pb->view.obj) buffer_release(&pb->view);
}

const Buffer *picklebuffer_view(Value v) {
    PickleBufferObject *pb = (PickleBufferObject *)v;
    if (!pb->view.obj) {
        err_set(&exc_ValueError, "operation forbidden on released PickleBuffer object");
        return NULL;
    }
    return &pb->view;
}

static Value picklebuffer_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"", NULL};
    Value a[1];
    if (arg_parse("PickleBuffer", args, nargs, kwnames, names, 1, 1, a) < 0) return VNULL;
    PickleBufferObject *pb = (PickleBufferObject *)type_generic_alloc(t, 0);
    if (!pb) return VNULL;
    if (buffer_get(a[0], &pb->view, BUF_FULL_RO) < 0) return VNULL;
    return obj_val(pb);
}

/* Exporting re-exports the wrapped object's buffer. */
static int picklebuffer_getbuffer(Value self, Buffer *view, int flags) {
    const Buffer *v = picklebuffer_view(self);
    if (!v) return -1;
    return buffer_get(v->obj, view, flags);
}

static Value picklebuffer_raw(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("raw", kwnames) < 0 || arg_count("raw", nargs, 0, 0) < 0) return VNULL;
    const Buffer *v = picklebuffer_view(self);
    if (!v) return VNULL;
    if (v->suboffsets || !buffer_is_contiguous(v, 'A')) {
        err_set(&exc_BufferError, "cannot extract raw buffer from non-contiguous buffer");
        return VNULL;
    }
    Value mv = memoryview_from_object(self);
    if (!mv) return VNULL;
    MemoryViewObject *m = (MemoryViewObject *)mv;
    /* A flat view of unsigned bytes, whatever the exporter's shape and format. */
    m->view.ndim = 1;
    m->view.itemsize = 1;
    m->view.format = "B";
    m->view.shape[0] = m->view.len;
    m->view.strides[0] = 1;
    m->view.suboffsets = NULL;
    return mv;
}

static Value picklebuffer_release_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("release", kwnames) < 0 || arg_count("release", nargs, 0, 0) < 0) return VNULL;
    PickleBufferObject *pb = (PickleBufferObject *)self;
    if (pb->view.obj) buffer_release(&pb->view);
    pb->view.obj = VNULL;
    return VNone;
}

static const MethodDef picklebuffer_methods[] = {
    {"raw", picklebuffer_raw, 0, "Return a memoryview of the raw memory underlying this buffer.\n"
                                 "Will raise BufferError is the buffer isn't contiguous."},
    {"release", picklebuffer_release_m, 0, "Release the underlying buffer exposed by the PickleBuffer object."},
    {NULL},
};

Type type_picklebuffer = {
    .hdr = {0, &type_type},
    .name = "pickle.PickleBuffer",
    .basicsize = sizeof(PickleBufferObject),
    .flags = TF_WEAKREFABLE,
    .trace = picklebuffer_trace,
    .finalize = picklebuffer_finalize,
    .new = picklebuffer_new,
    .getbuffer = picklebuffer_getbuffer,
    .methods = picklebuffer_methods,
    .doc = "Wrapper for potentially out-of-band buffers",
};

/* ---- The module ---- */

static const MethodDef pickle_functions[] = {
    {"dump", m_dump, 0,
     "Write a pickled representation of obj to the open file object file."},
    {"dumps", m_dumps, 0, "Return the pickled representation of the object as a bytes object."},
    {"load", m_load, 0,
     "Read and return an object from the pickle data stored in a file."},
    {"loads", m_loads, 0, "Read and return an object from the given pickle data."},
    {NULL},
};

static Value new_exception(const char *name, Value base) {
    Value ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_intern_cstr("_pickle")) < 0) return VNULL;
    Value bases = tuple_pack(1, base);
    if (!bases) return VNULL;
    return type_new_class(&type_type, str_intern_cstr(name), bases, ns, VNULL);
}

Value pickle_module_init(void) {
    Value m = module_new_cstr("_pickle");
    if (!m || module_add_functions(m, pickle_functions) < 0) return VNULL;
    type_ready(&type_pickler);
    type_ready(&type_unpickler);
    type_ready(&type_picklebuffer);
    if (!(pickle_PickleError = new_exception("PickleError", obj_val(&exc_Exception)))) return VNULL;
    gc_add_root(&pickle_PickleError);
    if (!(pickle_PicklingError = new_exception("PicklingError", pickle_PickleError))) return VNULL;
    gc_add_root(&pickle_PicklingError);
    if (!(pickle_UnpicklingError = new_exception("UnpicklingError", pickle_PickleError))) return VNULL;
    gc_add_root(&pickle_UnpicklingError);
    if (module_add(m, "PickleError", pickle_PickleError) < 0 ||
        module_add(m, "PicklingError", pickle_PicklingError) < 0 ||
        module_add(m, "UnpicklingError", pickle_UnpicklingError) < 0 ||
        module_add(m, "Pickler", obj_val(&type_pickler)) < 0 ||
        module_add(m, "Unpickler", obj_val(&type_unpickler)) < 0 ||
        module_add(m, "PickleBuffer", obj_val(&type_picklebuffer)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Optimized C implementation for the Python pickle module.")) < 0)
        return VNULL;
    if (pickle_state_init() < 0) return VNULL;
    return m;
}
