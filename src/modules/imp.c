/* imp.c - the _imp module: what importlib._bootstrap, _bootstrap_external and zipimport ask of the runtime. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/bytes.h"
#include "../objects/buffer.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../vm/import.h"
#include "../vm/code.h"
#include "../vm/error.h"
#include "../vm/gil.h"
#include "../gc/gc.h"

#include <pthread.h>
#include <string.h>

/*
 * Taipan has no frozen modules (importlib's bootstrap runs from the
 * stdlib's source, through the bytecode cache) and loads no C extension
 * modules yet, so the frozen-module functions find nothing,
 * extension_suffixes() is empty and create_dynamic raises ImportError.
 * The import lock is re-entrant per thread, as CPython's.
 */

/* ---- The import lock ---- */

static unsigned long lock_owner;
static long lock_count;
static uint32_t lock_seq, lock_waiters;   /* waits: vm/gil.h's gil_wait_word */

static unsigned long current_thread(void) { return (unsigned long)pthread_self(); }

static Value imp_acquire_lock(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("acquire_lock", kw) < 0 || arg_count("acquire_lock", nargs, 0, 0) < 0) return VNULL;
    unsigned long me = current_thread();
    while (lock_count > 0 && lock_owner != me) {
        /* As CPython's, not interruptible: signal handlers run later. */
        uint32_t seen = lock_seq;
        lock_waiters++;
        gil_wait_word(&lock_seq, seen, -1);
        lock_waiters--;
    }
    lock_owner = me;
    lock_count++;
    return VNone;
}

static Value imp_release_lock(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("release_lock", kw) < 0 || arg_count("release_lock", nargs, 0, 0) < 0) return VNULL;
    if (lock_count == 0 || lock_owner != current_thread()) {
        err_set(&exc_RuntimeError, "not holding the import lock");
        return VNULL;
    }
    if (--lock_count == 0) {
        lock_owner = 0;
        if (lock_waiters) gil_wake_word(&lock_seq, 1);
    }
    return VNone;
}

/* After fork() in the child: a lock held by a thread that is gone is free. */
void imp_lock_after_fork(void) {
    if (lock_count && lock_owner != current_thread()) lock_count = 0, lock_owner = 0;
    lock_waiters = 0;
}

static Value imp_lock_held(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("lock_held", kw) < 0 || arg_count("lock_held", nargs, 0, 0) < 0) return VNULL;
    return val_bool(lock_count > 0);
}

/* ---- Builtin modules ---- */

static bool str_arg(const char *fname, Value v, int argn) {
    if (!val_is_int(v) && str_check(v)) return true;
    if (argn) err_format(&exc_TypeError, "%s() argument %d must be str, not %s", fname, argn, type_name(v));
    else err_format(&exc_TypeError, "%s() argument must be str, not %s", fname, type_name(v));
    return false;
}

static Value imp_is_builtin(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("is_builtin", kw) < 0 || arg_count("is_builtin", nargs, 1, 1) < 0) return VNULL;
    if (!str_arg("is_builtin", args[0], 0)) return VNULL;
    return val_from_int(import_builtin_kind(args[0]));
}

static Value imp_create_builtin(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("create_builtin", kw) < 0 || arg_count("create_builtin", nargs, 1, 1) < 0) return VNULL;
    Value name = obj_getattr(args[0], str_intern_cstr("name"));
    if (!name) return VNULL;
    if (val_is_int(name) || !str_check(name)) return VNone;
    extern Value sys_modules_dict;
    if (import_builtin_kind(name) < 0) {
        Value m = dict_get(sys_modules_dict, name);
        if (m) return m;
    }
    return import_builtin_create(name);
}

static Value imp_exec_builtin(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("exec_builtin", kw) < 0 || arg_count("exec_builtin", nargs, 1, 1) < 0) return VNULL;
    return val_from_int(0);
}

/* ---- Frozen modules: there are none ---- */

static Value no_frozen(Value name) {
    Value msg = str_printf("No such frozen object named %R", name);
    Value e = msg ? err_new_exception(&exc_ImportError, &msg, 1) : VNULL;
    if (e) {
        obj_setattr_cstr(e, "name", name);
        err_set_object(e);
    }
    return VNULL;
}

static Value imp_is_frozen(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("is_frozen", kw) < 0 || arg_count("is_frozen", nargs, 1, 1) < 0) return VNULL;
    if (!str_arg("is_frozen", args[0], 0)) return VNULL;
    return VFalse;
}

static Value imp_is_frozen_package(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("is_frozen_package", kw) < 0 || arg_count("is_frozen_package", nargs, 1, 1) < 0) return VNULL;
    if (!str_arg("is_frozen_package", args[0], 0)) return VNULL;
    return no_frozen(args[0]);
}

static Value imp_find_frozen(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"", "withdata", NULL};
    Value a[2];
    if (arg_parse("find_frozen", args, nargs, kw, names, 1, 1, a) < 0) return VNULL;
    if (!str_arg("find_frozen", a[0], 0)) return VNULL;
    return VNone;
}

static Value imp_get_frozen_object(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("get_frozen_object", kw) < 0 || arg_count("get_frozen_object", nargs, 1, 2) < 0) return VNULL;
    if (!str_arg("get_frozen_object", args[0], 0)) return VNULL;
    return no_frozen(args[0]);
}

static Value imp_init_frozen(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("init_frozen", kw) < 0 || arg_count("init_frozen", nargs, 1, 1) < 0) return VNULL;
    if (!str_arg("init_frozen", args[0], 0)) return VNULL;
    return VNone;
}

static Value imp_frozen_module_names(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_frozen_module_names", kw) < 0 || arg_count("_frozen_module_names", nargs, 0, 0) < 0)
        return VNULL;
    return list_new(0);
}

static Value imp_override_frozen(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_override_frozen_modules_for_tests", kw) < 0 ||
        arg_count("_override_frozen_modules_for_tests", nargs, 1, 1) < 0)
        return VNULL;
    return VNone;
}

/* ---- Extension modules: not loadable yet ---- */

static Value imp_extension_suffixes(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("extension_suffixes", kw) < 0 || arg_count("extension_suffixes", nargs, 0, 0) < 0) return VNULL;
    return list_new(0);
}

static Value imp_create_dynamic(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("create_dynamic", kw) < 0 || arg_count("create_dynamic", nargs, 1, 2) < 0) return VNULL;
    Value name = obj_getattr(args[0], str_intern_cstr("name"));
    if (!name) return VNULL;
    Value origin = obj_getattr(args[0], str_intern_cstr("origin"));
    if (!origin) return VNULL;
    Value msg = str_printf("Taipan cannot load C extension modules yet: %S", origin);
    Value e = msg ? err_new_exception(&exc_ImportError, &msg, 1) : VNULL;
    if (e) {
        obj_setattr_cstr(e, "name", name);
        obj_setattr_cstr(e, "path", origin);
        err_set_object(e);
    }
    return VNULL;
}

static Value imp_exec_dynamic(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("exec_dynamic", kw) < 0 || arg_count("exec_dynamic", nargs, 1, 1) < 0) return VNULL;
    return val_from_int(0);
}

/* ---- source_hash: SipHash-1-3 keyed with (key, 0), as CPython's _Py_KeyedHash ---- */

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                                                              \
    do {                                                                                                      \
        v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);                                            \
        v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;                                                                \
        v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;                                                                \
        v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);                                            \
    } while (0)

uint64_t imp_source_hash(uint64_t k0, const void *data, size_t n) {
    uint64_t k1 = 0;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ull, v1 = k1 ^ 0x646f72616e646f6dull;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ull, v3 = k1 ^ 0x7465646279746573ull;
    const unsigned char *p = data;
    uint64_t b = (uint64_t)n << 56;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t m;
        memcpy(&m, p + i, 8);
        v3 ^= m;
        SIPROUND;
        v0 ^= m;
    }
    uint64_t t = 0;
    for (size_t j = 0; i + j < n; j++) t |= (uint64_t)p[i + j] << (8 * j);
    b |= t;
    v3 ^= b;
    SIPROUND;
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

static Value imp_source_hash_m(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"key", "source", NULL};
    Value a[2];
    if (arg_parse("source_hash", args, nargs, kw, names, 0, 2, a) < 0) return VNULL;
    if (!int_check(a[0])) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[0]));
        return VNULL;
    }
    int64_t key = int_as_i64(a[0]);
    if (key == -1 && err_occurred()) return VNULL;
    Buffer view;
    if (buffer_get(a[1], &view, BUF_SIMPLE) < 0) return VNULL;
    uint64_t h = imp_source_hash((uint64_t)key, view.buf, (size_t)view.len);
    buffer_release(&view);
    return bytes_new((const char *)&h, 8);
}

/* ---- _fix_co_filename ---- */

static Value imp_fix_co_filename(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_fix_co_filename", kw) < 0 || arg_count("_fix_co_filename", nargs, 2, 2) < 0) return VNULL;
    if (val_is_int(args[0]) || val_type(args[0]) != &type_code) {
        err_format(&exc_TypeError, "_fix_co_filename() argument 1 must be code, not %s", type_name(args[0]));
        return VNULL;
    }
    if (!str_arg("_fix_co_filename", args[1], 2)) return VNULL;
    extern void import_fix_co_filename(Value code, Value oldname, Value newname);
    CodeObject *c = (CodeObject *)val_obj(args[0]);
    if (!str_eq(c->filename, args[1])) import_fix_co_filename(args[0], c->filename, args[1]);
    return VNone;
}

static const MethodDef imp_functions[] = {
    {"lock_held", imp_lock_held, 0, "Return True if the import lock is currently held, else False."},
    {"acquire_lock", imp_acquire_lock, 0, "Acquires the interpreter's import lock for the current thread."},
    {"release_lock", imp_release_lock, 0, "Release the interpreter's import lock."},
    {"is_builtin", imp_is_builtin, 0, "Returns True if the module name corresponds to a built-in module."},
    {"create_builtin", imp_create_builtin, 0, "Create an extension module."},
    {"exec_builtin", imp_exec_builtin, 0, "Initialize a built-in module."},
    {"is_frozen", imp_is_frozen, 0, "Returns True if the module name corresponds to a frozen module."},
    {"is_frozen_package", imp_is_frozen_package, 0, "Returns True if the module name is of a frozen package."},
    {"find_frozen", imp_find_frozen, 0, "Return info about the corresponding frozen module (if there is one)."},
    {"get_frozen_object", imp_get_frozen_object, 0, "Create a code object for a frozen module."},
    {"init_frozen", imp_init_frozen, 0, "Initializes a frozen module."},
    {"_frozen_module_names", imp_frozen_module_names, 0, "Returns the list of available frozen modules."},
    {"_override_frozen_modules_for_tests", imp_override_frozen, 0, "(internal-only) Override PyConfig.use_frozen_modules."},
    {"extension_suffixes", imp_extension_suffixes, 0, "Returns the list of file suffixes used to identify extension modules."},
    {"create_dynamic", imp_create_dynamic, 0, "Create an extension module."},
    {"exec_dynamic", imp_exec_dynamic, 0, "Initialize an extension module."},
    {"source_hash", imp_source_hash_m, 0, "source_hash($module, /, key, source)\n--\n\n"},
    {"_fix_co_filename", imp_fix_co_filename, 0, "Changes code.co_filename to specify the passed-in file path."},
    {NULL}
};

Value imp_module_init(void) {
    Value m = module_new_cstr("_imp");
    if (!m || module_add_functions(m, imp_functions) < 0) return VNULL;
    dict_set_cstr(module_dict(m), "__doc__", str_from_cstr("(Extremely) low-level import machinery bits as used by importlib and imp."));
    if (module_add(m, "check_hash_based_pycs", str_from_cstr("default")) < 0) return VNULL;
    return m;
}
