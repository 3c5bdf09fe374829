/* import.c - the import statement: name resolution, sys.modules, fromlists, and installing importlib's machinery. */
#include "import.h"
#include "error.h"
#include "gil.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../objects/buffer.h"
#include "../objects/func.h"
#include "../compiler/compile.h"
#include "../modules/marshal.h"
#include "frame.h"
#include "../gc/gc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * Taipan's import system is CPython's: importlib._bootstrap and
 * _bootstrap_external (run from /usr/lib/python3.11 as the modules
 * _frozen_importlib and _frozen_importlib_external) provide the finders,
 * loaders and specs that programs see in sys.meta_path, sys.path_hooks,
 * __spec__ and __loader__.  What CPython does in C stays in C here (this
 * file): resolving relative names, the sys.modules fast path, fromlists,
 * `from m import name` and `import *`.  CPython then calls importlib's
 * _find_and_load for a module not yet imported; Taipan does that only
 * when a program has changed the import hooks, and otherwise runs the C
 * equivalent of the default finders (import_find.c), which builds the
 * same spec and loader objects and uses the bytecode cache
 * (import_cache.c).
 *
 * importlib is installed at the first import statement of the program, so
 * `taipan -c pass` pays nothing for it (docs/import.md).
 */

extern Value sys_modules_dict;
extern Value sys_get(const char *name);
extern Value builtins_dict;

ImportMachinery imp_mach;
static Value original_import;   /* builtins.__import__ as created */
static int bootstrap_state;     /* 0 not installed, 1 installing, 2 installed, -1 failed */

/* ---- Builtin modules (modules.def) ---- */

typedef struct BuiltinModule {
    const char *name;
    Value (*init)(void);
} BuiltinModule;

/* Weak, so a module listed in modules.def whose source is not in this build
 * (work in progress in a parallel tree) is simply absent. */
#define MODULE(name, init) extern Value init(void) __attribute__((weak));
#include "../modules/modules.def"
#undef MODULE
static const BuiltinModule builtin_modules[] = {
#define MODULE(name, init) {name, init},
#include "../modules/modules.def"
#undef MODULE
};
static Value builtin_made[ARRAY_LEN(builtin_modules)];   /* each init runs once */

static ssize_t builtin_index(Value name) {
    if (val_is_int(name) || !str_check(name)) return -1;
    const char *s = str_data(name);
    for (size_t i = 0; i < ARRAY_LEN(builtin_modules); i++)
        if (builtin_modules[i].init && strcmp(builtin_modules[i].name, s) == 0) return (ssize_t)i;
    return -1;
}

bool import_is_builtin(const char *name) {
    for (size_t i = 0; i < ARRAY_LEN(builtin_modules); i++)
        if (builtin_modules[i].init && strcmp(builtin_modules[i].name, name) == 0) return true;
    return false;
}

int import_builtin_kind(Value name) {
    ssize_t i = builtin_index(name);
    if (i < 0) return 0;
    const char *s = builtin_modules[i].name;
    return strcmp(s, "sys") == 0 || strcmp(s, "builtins") == 0 ? -1 : 1;
}

Value import_builtin_create(Value name) {
    ssize_t i = builtin_index(name);
    if (i < 0) return VNone;
    if (!builtin_made[i]) {
        Value m = builtin_modules[i].init();
        if (!m) return VNULL;
        static bool rooted;
        if (!rooted) {
            for (size_t k = 0; k < ARRAY_LEN(builtin_made); k++) gc_add_root(&builtin_made[k]);
            rooted = true;
        }
        builtin_made[i] = m;
    }
    return builtin_made[i];
}

/* ---- Installing importlib ---- */

static int bootstrap_fail(void) {
    /* Without importlib the C finder still imports, with __spec__ None. */
    Value e = err_fetch();
    if (getenv("TAIPAN_IMPORT_DEBUG")) {
        fprintf(stderr, "taipan: importlib could not be installed:\n");
        err_restore(e);
        err_print();
    }
    memset(&imp_mach, 0, sizeof imp_mach);
    bootstrap_state = -1;
    return -1;
}

static Value get_attr(Value obj, const char *name) { return obj_getattr(obj, str_intern_cstr(name)); }

/* The bootstrap's own modules and __main__ get what CPython's start-up gives them. */
static int fix_up_module(Value m, Value path) {
    if (!m || !module_check(m)) return 0;
    Value name = dict_get_cstr(module_dict(m), "__name__");
    Value loader = obj_call2(imp_mach.SourceFileLoader, name, path);
    if (!loader) return -1;
    Value args[3] = {name, loader, path};
    Value kw = tuple_pack(1, str_intern_cstr("origin"));
    Value spec = kw ? obj_call(imp_mach.ModuleSpec, args, 2, kw) : VNULL;
    if (!spec || obj_setattr_cstr(spec, "_set_fileattr", VTrue) < 0) return -1;
    Value cached = import_cache_path(path);
    if (cached && obj_setattr_cstr(spec, "_cached", cached) < 0) return -1;
    Value d = module_dict(m);
    return dict_set_cstr(d, "__loader__", loader) < 0 || dict_set_cstr(d, "__spec__", spec) < 0 ||
                   dict_set_cstr(d, "__package__", str_empty()) < 0 ||
                   (cached && dict_set_cstr(d, "__cached__", cached) < 0)
               ? -1
               : 0;
}

/* importlib's own loaders (SourceLoader.get_code for reload() and
 * spec.loader.exec_module, zipimport, SourcelessFileLoader) check a cache
 * file with _classify_pyc before unmarshalling it.  Wrapped so that a
 * file whose code is damaged or cut short fails that check (ImportError,
 * which get_code answers by recompiling and rewriting the file, as the C
 * loader does) rather than failing later in marshal.loads. */
static Value code_intact_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("_code_intact", nargs, 1, 1) < 0) return VNULL;
    Buffer view;
    if (buffer_get(args[0], &view, BUF_SIMPLE) < 0) return VNULL;
    bool ok = view.len < 16 || marshal_code_intact((const unsigned char *)view.buf + 16, (size_t)view.len - 16);
    buffer_release(&view);
    return val_bool(ok);
}

static const char classify_wrapper[] =
    "def _classify_pyc(data, name, exc_details, _classify=_classify_pyc, _intact=_intact):\n"
    "    flags = _classify(data, name, exc_details)\n"
    "    if not _intact(data):\n"
    "        message = f'bad marshal data in {name!r}'\n"
    "        _bootstrap._verbose_message('{}', message)\n"
    "        raise ImportError(message, **exc_details)\n"
    "    return flags\n";

static int wrap_classify_pyc(Value bsx) {
    static const MethodDef def = {"_code_intact", code_intact_m, 0, NULL};
    Value globals = module_dict(bsx);
    Value locals = dict_new();
    Value fn = builtin_func_new(&def, VNULL, VNULL);
    if (!locals || !fn || dict_set_cstr(locals, "_intact", fn) < 0) return -1;
    Value code = compile_source(classify_wrapper, sizeof classify_wrapper - 1,
                                str_intern_cstr("<frozen importlib._bootstrap_external>"), COMPILE_EXEC, 0, 0);
    if (!code || !interp_eval_code((CodeObject *)val_obj(code), globals, locals)) return -1;
    Value wrapped = dict_get_cstr(locals, "_classify_pyc");
    return wrapped ? dict_set_cstr(globals, "_classify_pyc", wrapped) : -1;
}

static int import_bootstrap(void) {
    bootstrap_state = 1;
    static bool rooted;
    if (!rooted) {
        Value *roots[] = {&imp_mach.bootstrap, &imp_mach.external, &imp_mach.ModuleSpec, &imp_mach.BuiltinImporter,
                          &imp_mach.FrozenImporter, &imp_mach.PathFinder, &imp_mach.SourceFileLoader,
                          &imp_mach.zipimporter, &imp_mach.file_hook, &imp_mach.find_and_load};
        for (size_t i = 0; i < ARRAY_LEN(roots); i++) gc_add_root(roots[i]);
        rooted = true;
    }
    Value path_bs = str_from_cstr(TAIPAN_STDLIB_DIR "/importlib/_bootstrap.py");
    Value path_bsx = str_from_cstr(TAIPAN_STDLIB_DIR "/importlib/_bootstrap_external.py");
    if (!path_bs || !path_bsx) return bootstrap_fail();
    /* _bootstrap._install(sys, _imp): specs for the builtins, BuiltinImporter and FrozenImporter on sys.meta_path. */
    Value bs = import_load_source_plain(str_intern_cstr("_frozen_importlib"), path_bs);
    if (!bs) return bootstrap_fail();
    Value sys = dict_get_cstr(sys_modules_dict, "sys");
    Value imp = import_module(str_intern_cstr("_imp"));
    if (!imp) return bootstrap_fail();
    Value r = obj_call_method(bs, "_install", (Value[]){sys, imp}, 2);
    if (!r) return bootstrap_fail();
    imp_mach.bootstrap = bs;
    if (!(imp_mach.ModuleSpec = get_attr(bs, "ModuleSpec")) ||
        !(imp_mach.BuiltinImporter = get_attr(bs, "BuiltinImporter")) ||
        !(imp_mach.FrozenImporter = get_attr(bs, "FrozenImporter")) ||
        !(imp_mach.find_and_load = get_attr(bs, "_find_and_load")))
        return bootstrap_fail();
    /* _bootstrap_external, with Taipan's magic number, then _install_external_importers. */
    Value bsx = import_load_source_plain(str_intern_cstr("_frozen_importlib_external"), path_bsx);
    if (!bsx) return bootstrap_fail();
    extern uint16_t import_magic_number(void);
    uint16_t magic = import_magic_number();
    char mb[4] = {(char)(magic & 0xff), (char)(magic >> 8), '\r', '\n'};
    extern Value bytes_new(const char *, size_t);
    if (obj_setattr_cstr(bsx, "MAGIC_NUMBER", bytes_new(mb, 4)) < 0 ||
        obj_setattr_cstr(bsx, "_RAW_MAGIC_NUMBER", int_from_i64((int64_t)magic | ('\r' << 16) | ('\n' << 24))) < 0)
        return bootstrap_fail();
    if (wrap_classify_pyc(bsx) < 0) return bootstrap_fail();
    if (!obj_call_method(bs, "_install_external_importers", NULL, 0)) return bootstrap_fail();
    imp_mach.external = bsx;
    if (!(imp_mach.PathFinder = get_attr(bsx, "PathFinder")) ||
        !(imp_mach.SourceFileLoader = get_attr(bsx, "SourceFileLoader")))
        return bootstrap_fail();
    if (fix_up_module(bs, path_bs) < 0 || fix_up_module(bsx, path_bsx) < 0) return bootstrap_fail();
    Value hooks = sys_get("path_hooks");
    if (!hooks || !list_check(hooks) || list_size(hooks) < 1) return bootstrap_fail();
    imp_mach.file_hook = list_get(hooks, list_size(hooks) - 1);
    /* zipimport's hook goes first, as CPython's start-up puts it. */
    Value zi = import_module(str_intern_cstr("zipimport"));
    if (zi) {
        imp_mach.zipimporter = get_attr(zi, "zipimporter");
        if (!imp_mach.zipimporter || list_insert(hooks, 0, imp_mach.zipimporter) < 0) return bootstrap_fail();
    } else {
        err_clear();
    }
    /* __main__ was made before importlib: its loader is BuiltinImporter
     * for -c and stdin, a SourceFileLoader for a script (set by main). */
    Value main = dict_get_cstr(sys_modules_dict, "__main__");
    if (main && module_check(main) && dict_get_cstr(module_dict(main), "__loader__") == VNone) {
        Value file = dict_get_cstr(module_dict(main), "__file__");
        Value loader = file && str_check(file) ? obj_call2(imp_mach.SourceFileLoader, str_intern_cstr("__main__"), file)
                                               : imp_mach.BuiltinImporter;
        if (!loader || dict_set_cstr(module_dict(main), "__loader__", loader) < 0) return bootstrap_fail();
    }
    bootstrap_state = 2;
    return 0;
}

Value import_bootstrap_module(void) { return imp_mach.bootstrap; }

/* ---- Names ---- */

/* The package a relative import is relative to, with `level` dots applied (CPython's resolve_name). */
static Value resolve_name(Value name, Value globals, int level) {
    if (!globals) {
        err_set(&exc_KeyError, "'__name__' not in globals");
        return VNULL;
    }
    if (!dict_check(globals)) {
        err_set(&exc_TypeError, "globals must be a dict");
        return VNULL;
    }
    Value package = dict_get_cstr(globals, "__package__");
    if (package == VNone) package = VNULL;
    Value spec = dict_get_cstr(globals, "__spec__");
    if (package) {
        if (val_is_int(package) || !str_check(package)) {
            err_set(&exc_TypeError, "package must be a string");
            return VNULL;
        }
        if (spec && spec != VNone) {
            Value parent = obj_getattr_opt(spec, str_intern_cstr("parent"));
            if (!parent && err_occurred()) return VNULL;
            int eq = parent ? obj_eq(package, parent) : 1;
            if (eq < 0) return VNULL;
            if (!eq && err_warn(&exc_ImportWarning, "__package__ != __spec__.parent", 1) < 0) return VNULL;
        }
    } else if (spec && spec != VNone) {
        package = obj_getattr(spec, str_intern_cstr("parent"));
        if (!package) return VNULL;
        if (val_is_int(package) || !str_check(package)) {
            err_set(&exc_TypeError, "__spec__.parent must be a string");
            return VNULL;
        }
    } else {
        if (err_warn(&exc_ImportWarning, "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__", 1) < 0)
            return VNULL;
        package = dict_get_cstr(globals, "__name__");
        if (!package) {
            err_set(&exc_KeyError, "'__name__' not in globals");
            return VNULL;
        }
        if (val_is_int(package) || !str_check(package)) {
            err_set(&exc_TypeError, "__name__ must be a string");
            return VNULL;
        }
        if (!dict_get_cstr(globals, "__path__")) {
            const char *s = str_data(package), *dot = strrchr(s, '.');
            package = dot ? str_new(s, (size_t)(dot - s)) : str_empty();
            if (!package) return VNULL;
        }
    }
    if (str_size(package) == 0) {
        err_set(&exc_ImportError, "attempted relative import with no known parent package");
        return VNULL;
    }
    const char *p = str_data(package);
    size_t n = str_size(package);
    for (int i = 1; i < level; i++) {
        const char *dot = memrchr(p, '.', n);
        if (!dot) {
            err_set(&exc_ImportError, "attempted relative import beyond top-level package");
            return VNULL;
        }
        n = (size_t)(dot - p);
    }
    if (str_size(name) == 0) return n == str_size(package) ? package : str_new(p, n);
    return str_printf("%.*s.%U", (int)n, p, name);
}

/* ---- Importing ---- */

static bool spec_is_initializing(Value module);

/* Find and load `name` under its module lock: another thread may be
 * loading it, or may have finished while this one waited. */
static Value find_and_load_locked(Value name) {
    int r = import_lock_module(name);
    if (r < 0) return VNULL;
    Value m = dict_get(sys_modules_dict, name);
    if (!m && !err_occurred()) m = import_find_and_load(name);
    if (r) import_unlock_module(name);
    return m;
}

/* A module in sys.modules that another thread is still executing: wait
 * until it is done (CPython's _lock_unlock_module). */
static int wait_initialized(Value name, Value mod) {
    if (!gil_active || !spec_is_initializing(mod)) return 0;
    int r = import_lock_module(name);
    if (r < 0) return -1;
    if (r) import_unlock_module(name);
    return 0;
}

Value import_module(Value name) {
    if (bootstrap_state == 0 && import_bootstrap() < 0) err_clear();
    Value m = dict_get(sys_modules_dict, name);
    if (m && m != VNone) return wait_initialized(name, m) < 0 ? VNULL : m;
    if (err_occurred()) return VNULL;
    return find_and_load_locked(name);
}

static Value handle_fromlist(Value module, Value fromlist, bool recursive);

/* One fromlist item x of a package: import the submodule if it is not an attribute yet. */
static int fromlist_item(Value module, Value x, bool recursive) {
    if (val_is_int(x) || !str_check(x)) {
        if (recursive) {
            Value mn = obj_getattr(module, str_intern_cstr("__name__"));
            if (!mn) return -1;
            err_format(&exc_TypeError, "Item in %S.__all__ must be str, not %s", mn, type_name(x));
        } else {
            err_format(&exc_TypeError, "Item in ``from list'' must be str, not %s", type_name(x));
        }
        return -1;
    }
    if (str_eq_cstr(x, "*")) {
        if (recursive) return 0;
        Value all = obj_getattr_opt(module, str_intern_cstr("__all__"));
        if (!all) return err_occurred() ? -1 : 0;
        return handle_fromlist(module, all, true) ? 0 : -1;
    }
    int has = obj_hasattr(module, x);
    if (has != 0) return has < 0 ? -1 : 0;
    Value mn = obj_getattr(module, str_intern_cstr("__name__"));
    if (!mn) return -1;
    Value from_name = str_printf("%S.%U", mn, x);
    if (!from_name) return -1;
    if (import_name(from_name, VNULL, VNULL, 0)) return 0;
    /* Only the submodule itself being absent is ignored, not a failure inside it. */
    if (!err_matches(&exc_ModuleNotFoundError)) return -1;
    Value e = err_fetch();
    Value en = obj_getattr_opt(e, str_intern_cstr("name"));
    err_clear();
    int same = en ? obj_eq(en, from_name) : 0;
    if (same > 0 && dict_get(sys_modules_dict, from_name) != VNone) {
        err_clear();
        return 0;
    }
    err_restore(e);
    return -1;
}

static Value handle_fromlist(Value module, Value fromlist, bool recursive) {
    Value it = obj_iter(fromlist);
    if (!it) return VNULL;
    Value x;
    while ((x = obj_next(it)))
        if (fromlist_item(module, x, recursive) < 0) return VNULL;
    return err_occurred() ? VNULL : module;
}

Value import_module_level(Value name, Value globals, Value fromlist, int level) {
    if (bootstrap_state == 0 && import_bootstrap() < 0) err_clear();
    if (val_is_int(name) || !str_check(name)) {
        err_set(&exc_TypeError, "module name must be a string");
        return VNULL;
    }
    if (level < 0) {
        err_set(&exc_ValueError, "level must be >= 0");
        return VNULL;
    }
    Value abs_name;
    if (level > 0) {
        abs_name = resolve_name(name, globals, level);
        if (!abs_name) return VNULL;
    } else {
        if (str_size(name) == 0) {
            err_set(&exc_ValueError, "Empty module name");
            return VNULL;
        }
        abs_name = name;
    }
    Value mod = str_check_exact(abs_name) ? dict_get_str(sys_modules_dict, abs_name) : dict_get(sys_modules_dict, abs_name);
    if (mod == VNone) {
        Value msg = str_printf("import of %U halted; None in sys.modules", abs_name);
        Value e = msg ? err_new_exception(&exc_ModuleNotFoundError, &msg, 1) : VNULL;
        if (e) {
            obj_setattr_cstr(e, "name", abs_name);
            err_set_object(e);
        }
        return VNULL;
    }
    if (!mod) {
        if (err_occurred()) return VNULL;
        mod = find_and_load_locked(abs_name);
        if (!mod) return VNULL;
    } else if (wait_initialized(abs_name, mod) < 0) {
        return VNULL;
    }
    bool has_from = false;
    if (fromlist && fromlist != VNone) {
        int t = obj_is_true(fromlist);
        if (t < 0) return VNULL;
        has_from = t;
    }
    if (!has_from) {
        size_t len = str_size(name);
        if (level == 0 || len > 0) {
            const char *dot = memchr(str_data(name), '.', len);
            if (!dot) return mod;
            if (level == 0) {
                Value front = str_new(str_data(name), (size_t)(dot - str_data(name)));
                return front ? import_module_level(front, VNULL, VNULL, 0) : VNULL;
            }
            size_t cut = len - (size_t)(dot - str_data(name));
            Value to_return = str_new(str_data(abs_name), str_size(abs_name) - cut);
            if (!to_return) return VNULL;
            Value m = dict_get(sys_modules_dict, to_return);
            if (!m && !err_occurred()) err_format(&exc_KeyError, "%R not in sys.modules as expected", to_return);
            return m;
        }
        return mod;
    }
    Value path = obj_getattr_opt(mod, str_intern_cstr("__path__"));
    if (!path) return err_occurred() ? VNULL : mod;
    return handle_fromlist(mod, fromlist, false);
}

Value import_original_import(void) {
    if (!original_import) {
        original_import = dict_get_cstr(builtins_dict, "__import__");
        gc_add_root(&original_import);
    }
    return original_import;
}

Value import_name(Value name, Value globals, Value fromlist, int level) {
    /* A program may replace builtins.__import__: the import statement then calls it. */
    import_original_import();
    Value imp = dict_get_str(builtins_dict, str_intern_cstr("__import__"));
    if (imp != original_import) {
        if (!imp) {
            err_set(&exc_ImportError, "__import__ not found");
            return VNULL;
        }
        Value args[5] = {name, globals ? globals : VNone, globals ? globals : VNone, fromlist ? fromlist : VNone,
                         val_from_int(level)};
        return obj_call(imp, args, 5, VNULL);
    }
    return import_module_level(name, globals, fromlist, level);
}

/* ---- from m import name, from m import * ---- */

static bool spec_is_initializing(Value module) {
    Value spec = obj_getattr_opt(module, str_intern_cstr("__spec__"));
    if (!spec || spec == VNone) {
        err_clear();
        return false;
    }
    Value v = obj_getattr_opt(spec, str_intern_cstr("_initializing"));
    if (!v) {
        err_clear();
        return false;
    }
    int t = obj_is_true(v);
    if (t < 0) err_clear();
    return t > 0;
}

static void set_import_error(Value msg, Value name, Value path) {
    if (!msg) return;
    Value e = err_new_exception(&exc_ImportError, &msg, 1);
    if (!e) return;
    obj_setattr_cstr(e, "name", name ? name : VNone);
    obj_setattr_cstr(e, "path", path ? path : VNone);
    err_set_object(e);
}

Value import_from(Value module, Value name) {
    Value v = obj_getattr_opt(module, name);
    if (v || err_occurred()) return v;
    /* A circular relative import may have the submodule in sys.modules only. */
    Value pkgname = obj_getattr_opt(module, str_intern_cstr("__name__"));
    err_clear();
    if (pkgname && !val_is_int(pkgname) && str_check(pkgname)) {
        Value full = str_printf("%U.%U", pkgname, name);
        if (!full) return VNULL;
        Value m = dict_get(sys_modules_dict, full);
        if (m) return m;
        if (err_occurred()) return VNULL;
    } else {
        pkgname = VNULL;
    }
    Value pkgpath = module_check(module) ? dict_get_cstr(module_dict(module), "__file__") : VNULL;
    Value shown = pkgname ? pkgname : str_intern_cstr("<unknown module name>");
    if (!pkgpath || val_is_int(pkgpath) || !str_check(pkgpath)) {
        set_import_error(str_printf("cannot import name %R from %R (unknown location)", name, shown), pkgname, VNULL);
    } else if (spec_is_initializing(module)) {
        set_import_error(str_printf("cannot import name %R from partially initialized module %R (most likely due to a "
                                    "circular import) (%S)", name, shown, pkgpath),
                         pkgname, pkgpath);
    } else {
        set_import_error(str_printf("cannot import name %R from %R (%S)", name, shown, pkgpath), pkgname, pkgpath);
    }
    return VNULL;
}

int import_star(Value module, Frame *f) {
    Value all = obj_getattr_opt(module, str_intern_cstr("__all__"));
    Value names;
    bool skip_private = false;
    if (all) {
        names = all;
    } else {
        if (err_occurred()) return -1;
        Value d = obj_getattr_opt(module, str_intern_cstr("__dict__"));
        if (!d) {
            if (!err_occurred())
                err_set(&exc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        names = obj_call_method(d, "keys", NULL, 0);
        if (!names) return -1;
        skip_private = true;
    }
    Value it = obj_iter(names);
    if (!it) return -1;
    Value target = f->locals ? f->locals : f->globals;
    Value n;
    while ((n = obj_next(it))) {
        if (val_is_int(n) || !str_check(n)) {
            Value mn = obj_getattr_opt(module, str_intern_cstr("__name__"));
            err_clear();
            if (!mn || val_is_int(mn) || !str_check(mn)) mn = str_intern_cstr("<unknown>");
            err_format(&exc_TypeError, "%s in %U.%s must be str, not %s", all ? "Item" : "Key", mn,
                       all ? "__all__" : "__dict__", type_name(n));
            return -1;
        }
        if (skip_private && str_data(n)[0] == '_') continue;
        Value v = obj_getattr(module, n);
        if (!v) return -1;
        if (obj_setitem(target, n, v) < 0) return -1;
    }
    return err_occurred() ? -1 : 0;
}

/* ---- Helpers main.c and the C modules use ---- */

/* Read a whole file into malloc'd memory (errno set on failure). */
char *read_file(const char *path, size_t *size) {
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n, fp);
        n += r;
        if (r == 0) break;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    int e = ferror(fp) ? (errno ? errno : EIO) : 0;
    fclose(fp);
    if (e && buf) {
        free(buf);
        errno = e;
        return NULL;
    }
    if (buf) *size = n;
    return buf;
}
