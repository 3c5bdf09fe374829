/* import_find.c - the default finders and loaders in C: builtin modules, .py modules and packages on sys.path. */
#include "import.h"
#include "error.h"
#include "code.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../gc/gc.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/*
 * With the default sys.meta_path ([BuiltinImporter, FrozenImporter,
 * PathFinder]) and sys.path_hooks ([zipimporter, FileFinder's hook]),
 * importlib would find a module the way this file does: a builtin by
 * name, else for each entry of sys.path (or the parent package's
 * __path__) the FileFinder of that directory tries NAME/__init__.py,
 * NAME.py and the sourceless NAME.pyc.  The C finder does this with stat
 * calls and then builds exactly what importlib builds: a SourceFileLoader,
 * a ModuleSpec, the module's attributes, the sys.path_importer_cache
 * entries (FileFinder objects made by the real hook), and it runs the code
 * from the bytecode cache.
 *
 * Anything else goes to importlib's own _find_and_load: a changed
 * sys.meta_path or sys.path_hooks, a path_importer_cache entry the C
 * finder did not make (a zipimporter, a program's finder), namespace
 * packages (PEP 420), sourceless .pyc files, and __path__ objects that are
 * not plain lists.  Finding nothing at all is the one answer the C finder
 * gives on its own: ModuleNotFoundError, as PathFinder would.
 */

extern Value sys_modules_dict;
extern Value sys_get(const char *name);
extern Value builtins_dict;
extern Value import_original_import(void);

void module_not_found_error(Value name);

static Value c_finders;   /* dict: path_importer_cache key -> (finder, absolute directory) made here */

static Value intern(const char *s) { return str_intern_cstr(s); }

/* ---- Is the import machinery the default one? ---- */

/* The number of finders in sys.meta_path ahead of the default three
 * (site's .pth files add some, like setuptools' _distutils_hack), or -1
 * when the machinery is not the default one. */
static ssize_t hooks_pristine(Value *meta_out, Value *hooks_out) {
    Value meta = sys_get("meta_path"), hooks = sys_get("path_hooks");
    *meta_out = meta;
    *hooks_out = hooks;
    if (!meta || !hooks || !list_check_exact(meta) || !list_check_exact(hooks)) return -1;
    ssize_t k = list_size(meta) - 3;
    if (k < 0 || list_get(meta, k) != imp_mach.BuiltinImporter ||
        list_get(meta, k + 1) != imp_mach.FrozenImporter || list_get(meta, k + 2) != imp_mach.PathFinder)
        return -1;
    ssize_t n = list_size(hooks);
    if (imp_mach.zipimporter)
        return n == 2 && list_get(hooks, 0) == imp_mach.zipimporter && list_get(hooks, 1) == imp_mach.file_hook ? k : -1;
    return n == 1 && list_get(hooks, 0) == imp_mach.file_hook ? k : -1;
}

/* Ask the k extra finders first, as importlib's _find_spec would: 1 with
 * *spec if one of them has a spec, 0 if none does, -1 on error.  A legacy
 * finder without find_spec answers 1 with *spec VNULL (importlib asks it). */
static int extra_finders_claim(Value meta, ssize_t k, Value name, Value path, Value *spec_out) {
    *spec_out = VNULL;
    for (ssize_t i = 0; i < k && i < list_size(meta); i++) {
        Value f = list_get(meta, i);
        Value fs = obj_getattr_opt(f, intern("find_spec"));
        if (!fs) {
            if (err_occurred()) return -1;
            return 1;   /* a legacy finder: importlib knows how to ask it */
        }
        Value args[3] = {name, path ? path : VNone, VNone};
        Value spec = obj_call(fs, args, 3, VNULL);
        if (!spec) return -1;
        if (spec != VNone) {
            *spec_out = spec;
            return 1;
        }
    }
    return 0;
}

/* ---- Module attributes ---- */

int import_init_module_attrs(Value module, Value spec, Value loader, Value package, Value path, Value file,
                             Value cached) {
    Value d = module_dict(module);
    if (dict_set_cstr(d, "__package__", package) < 0 || dict_set_cstr(d, "__loader__", loader) < 0 ||
        dict_set_cstr(d, "__spec__", spec) < 0)
        return -1;
    if (path && dict_set_cstr(d, "__path__", path) < 0) return -1;
    if (file) {
        if (dict_set_cstr(d, "__file__", file) < 0) return -1;
        if (cached && dict_set_cstr(d, "__cached__", cached) < 0) return -1;
    }
    return 0;
}

static Value make_spec(Value name, Value loader, Value origin) {
    if (!imp_mach.ModuleSpec) return VNone;
    Value args[3] = {name, loader, origin};
    static Value kw_origin;
    if (!kw_origin) {
        kw_origin = tuple_pack(1, intern("origin"));
        if (!kw_origin) return VNULL;
        gc_add_root(&kw_origin);
    }
    return obj_call(imp_mach.ModuleSpec, args, 2, kw_origin);
}

Value import_builtin_spec(Value name) {
    if (!imp_mach.ModuleSpec) return VNone;
    return make_spec(name, imp_mach.BuiltinImporter, intern("built-in"));
}

/* _load_unlocked's ending: the module moves to the end of sys.modules. */
static Value reinsert(Value name) {
    Value m = dict_pop(sys_modules_dict, name, VNULL);
    if (!m || dict_set(sys_modules_dict, name, m) < 0) return VNULL;
    return m;
}

static int set_initializing(Value spec, bool on) {
    if (spec == VNone) return 0;
    return obj_setattr(spec, intern("_initializing"), on ? VTrue : VFalse);
}

int import_verbose;   /* -v: the C finder reports its imports as importlib does */

/* importlib's "import 'NAME' # LOADER" line, printed by importlib's own
 * _verbose_message (which looks at sys.flags.verbose). */
static int report_import(Value name, Value loader) {
    if (!import_verbose) return 0;
    Value bs = dict_get_cstr(sys_modules_dict, "_frozen_importlib");
    Value fn = bs ? obj_getattr_opt(bs, intern("_verbose_message")) : VNULL;
    if (!fn) return err_occurred() ? -1 : 0;
    Value fmt = intern("import {!r} # {!r}");
    return obj_call(fn, (Value[]){fmt, name, loader}, 3, VNULL) ? 0 : -1;
}

static Value load_builtin(Value name) {
    Value spec = import_builtin_spec(name);
    if (!spec) return VNULL;
    Value m = import_builtin_create(name);
    if (m == VNone) module_not_found_error(name);
    if (!m || m == VNone) return VNULL;
    if (spec != VNone && module_check(m)) {
        Value d = module_dict(m);
        Value v = dict_get_cstr(d, "__loader__");
        if ((!v || v == VNone) && dict_set_cstr(d, "__loader__", imp_mach.BuiltinImporter) < 0) return VNULL;
        v = dict_get_cstr(d, "__package__");
        if ((!v || v == VNone) && dict_set_cstr(d, "__package__", str_empty()) < 0) return VNULL;
        if (dict_set_cstr(d, "__spec__", spec) < 0) return VNULL;
    }
    if (dict_set(sys_modules_dict, name, m) < 0) return VNULL;
    if (spec != VNone && report_import(name, imp_mach.BuiltinImporter) < 0) return VNULL;
    return reinsert(name);
}

/*
 * The standard library modules CPython 3.11 freezes into its binary show
 * up in tracebacks as File "<frozen os>", without source lines; Taipan
 * runs them from source but names their code the same way, so tracebacks
 * read as CPython's.
 */
static const char *const frozen_in_cpython[][2] = {
    {"_frozen_importlib", "importlib._bootstrap"}, {"_frozen_importlib_external", "importlib._bootstrap_external"},
    {"zipimport", NULL}, {"abc", NULL}, {"codecs", NULL}, {"io", NULL}, {"_collections_abc", NULL},
    {"_sitebuiltins", NULL}, {"genericpath", NULL}, {"ntpath", NULL}, {"posixpath", NULL}, {"os", NULL},
    {"site", NULL}, {"stat", NULL}, {"importlib.util", NULL}, {"importlib.machinery", NULL}, {"runpy", NULL},
};

static Value code_name_for(Value name, Value file) {
    const char *dir = TAIPAN_STDLIB_DIR "/";
    if (strncmp(str_data(file), dir, strlen(dir)) != 0) return VNULL;
    for (size_t i = 0; i < ARRAY_LEN(frozen_in_cpython); i++) {
        if (!str_eq_cstr(name, frozen_in_cpython[i][0])) continue;
        const char *shown = frozen_in_cpython[i][1] ? frozen_in_cpython[i][1] : frozen_in_cpython[i][0];
        return str_printf("<frozen %s>", shown);
    }
    return VNULL;
}

/* Run the code of `file` in module m (sys.modules[name] already holds it). */
static int exec_source(Value m, Value file, Value cached) {
    Value code = import_source_code(file, cached, code_name_for(((ModuleObject *)val_obj(m))->name, file));
    if (!code) return -1;
    Value d = module_dict(m);
    if (!dict_get_cstr(d, "__builtins__") && dict_set_cstr(d, "__builtins__", builtins_dict) < 0) return -1;
    return interp_eval_code((CodeObject *)val_obj(code), d, d) ? 0 : -1;
}

/* A .py module or package found by the C finder, loaded as SourceFileLoader.exec_module would. */
static Value load_source(Value name, Value file, Value pkgdir) {
    Value loader = VNone, spec = VNone, path = VNULL;
    Value cached = import_cache_path(file);
    if (imp_mach.SourceFileLoader) {
        loader = obj_call2(imp_mach.SourceFileLoader, name, file);
        if (!loader) return VNULL;
        spec = make_spec(name, loader, file);
        if (!spec || obj_setattr(spec, intern("_set_fileattr"), VTrue) < 0) return VNULL;
        if (cached && obj_setattr(spec, intern("_cached"), cached) < 0) return VNULL;
    }
    if (pkgdir) {
        path = list_new(1);
        if (!path || list_append(path, pkgdir) < 0) return VNULL;
        if (spec != VNone && obj_setattr(spec, intern("submodule_search_locations"), path) < 0) return VNULL;
    }
    Value package;
    if (pkgdir) {
        package = name;
    } else {
        const char *s = str_data(name), *dot = strrchr(s, '.');
        package = dot ? str_new(s, (size_t)(dot - s)) : str_empty();
        if (!package) return VNULL;
    }
    Value m = module_new(name);
    if (!m || import_init_module_attrs(m, spec, loader, package, path, file, cached) < 0) return VNULL;
    if (set_initializing(spec, true) < 0 || dict_set(sys_modules_dict, name, m) < 0) return VNULL;
    if (exec_source(m, file, cached) < 0) {
        Value e = err_fetch();
        if (dict_pop(sys_modules_dict, name, VNone) == VNULL) err_clear();
        set_initializing(spec, false);
        err_clear();
        err_restore(e);
        return VNULL;
    }
    Value r = reinsert(name);
    if (set_initializing(spec, false) < 0) return VNULL;
    if (loader != VNone && report_import(name, loader) < 0) return VNULL;
    return r;
}

Value import_load_source_plain(Value name, Value path) {
    Value m = module_new(name);
    if (!m || dict_set(sys_modules_dict, name, m) < 0) return VNULL;
    if (exec_source(m, path, import_cache_path(path)) < 0) {
        Value e = err_fetch();
        dict_pop(sys_modules_dict, name, VNone);
        err_restore(e);
        return VNULL;
    }
    return m;
}

/* ---- The path finder ---- */

enum { FIND_NONE, FIND_SOURCE, FIND_PUNT, FIND_ERROR };

static bool is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* FileFinder.find_spec in directory dir for module tail. */
static int find_in_dir(const char *dir, const char *tail, size_t taillen, Value *file, Value *pkgdir, bool *portion) {
    char buf[PATH_MAX];
    int n = snprintf(buf, sizeof buf, "%s/%.*s", dir, (int)taillen, tail);
    if (n < 0 || (size_t)n + 16 >= sizeof buf) return FIND_NONE;
    struct stat st;
    if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode)) {
        size_t base = (size_t)n;
        memcpy(buf + base, "/__init__.py", 13);
        if (is_file(buf)) {
            *file = str_from_cstr(buf);
            *pkgdir = str_new(buf, base);
            return *file && *pkgdir ? FIND_SOURCE : FIND_ERROR;
        }
        memcpy(buf + base, "/__init__.pyc", 14);
        if (is_file(buf)) return FIND_PUNT;
        buf[base] = 0;
        *portion = true;
    }
    memcpy(buf + n, ".py", 4);
    if (is_file(buf)) {
        *file = str_from_cstr(buf);
        *pkgdir = VNULL;
        return *file ? FIND_SOURCE : FIND_ERROR;
    }
    memcpy(buf + n, ".pyc", 5);
    if (is_file(buf)) return FIND_PUNT;
    return FIND_NONE;
}

/* Whether some prefix of a missing path is a file (a zip archive zipimporter would open). */
static bool under_a_file(const char *p) {
    char buf[PATH_MAX];
    size_t n = strlen(p);
    if (n >= sizeof buf) return false;
    memcpy(buf, p, n + 1);
    for (;;) {
        char *slash = strrchr(buf, '/');
        if (!slash || slash == buf) return false;
        *slash = 0;
        struct stat st;
        if (stat(buf, &st) == 0) return S_ISREG(st.st_mode);
    }
}

/* The directory the C finder searches for path entry `entry`, VNone to skip it, VNULL to punt (or error). */
static Value entry_dir(Value entry, Value cache, bool *punt) {
    Value key = entry;
    if (str_size(entry) == 0) {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd)) return VNone;   /* not cached: the cwd may come back */
        key = str_from_cstr(cwd);
        if (!key) return VNULL;
    }
    Value finder = dict_get(cache, key);
    if (finder) {
        if (finder == VNone) return VNone;
        Value mine = c_finders ? dict_get(c_finders, key) : VNULL;
        if (mine && tuple_get(mine, 0) == finder) return tuple_get(mine, 1);
        *punt = true;
        return VNULL;
    }
    if (err_occurred()) return VNULL;
    const char *p = str_data(key);
    if (memchr(p, 0, str_size(key))) {
        *punt = true;
        return VNULL;
    }
    struct stat st;
    if (!imp_mach.file_hook) return stat(p, &st) == 0 && S_ISDIR(st.st_mode) ? key : VNone;
    if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
        finder = obj_call1(imp_mach.file_hook, key);
        if (!finder) return VNULL;
        Value dir = obj_getattr(finder, intern("path"));
        if (!dir) return VNULL;
        if (val_is_int(dir) || !str_check(dir)) {
            *punt = true;
            return VNULL;
        }
        if (!c_finders) {
            c_finders = dict_new();
            if (!c_finders) return VNULL;
            gc_add_root(&c_finders);
        }
        Value rec = tuple_pack(2, finder, dir);
        if (!rec || dict_set(c_finders, key, rec) < 0 || dict_set(cache, key, finder) < 0) return VNULL;
        return dir;
    }
    if ((stat(p, &st) == 0 && S_ISREG(st.st_mode)) || under_a_file(p)) {
        *punt = true;   /* a zip archive: zipimporter */
        return VNULL;
    }
    return dict_set(cache, key, VNone) < 0 ? VNULL : VNone;
}

/* PathFinder.find_spec over `search` for the module whose last name part is tail. */
static int path_find(Value tail, Value search, Value *file, Value *pkgdir) {
    if (!search || !list_check_exact(search)) return FIND_PUNT;
    Value cache = sys_get("path_importer_cache");
    if (!cache || !dict_check(cache)) {
        err_clear();
        return FIND_PUNT;
    }
    const char *t = str_data(tail);
    size_t tl = str_size(tail);
    if (memchr(t, '/', tl) || memchr(t, 0, tl)) return FIND_NONE;
    bool portion = false;
    for (ssize_t i = 0; i < list_size(search); i++) {
        Value entry = list_get(search, i);
        if (val_is_int(entry)) continue;
        if (!str_check(entry)) {
            extern Type type_bytes;
            if (val_type(entry) == &type_bytes) return FIND_PUNT;
            continue;
        }
        bool punt = false;
        Value dir = entry_dir(entry, cache, &punt);
        if (!dir) return punt ? FIND_PUNT : FIND_ERROR;
        if (dir == VNone) continue;
        int r = find_in_dir(str_data(dir), t, tl, file, pkgdir, &portion);
        if (r != FIND_NONE) return r;
    }
    /* Namespace package portions: importlib builds the _NamespacePath. */
    return portion ? FIND_PUNT : FIND_NONE;
}

/* ---- Find and load ---- */

void module_not_found_error(Value name) {
    Value msg = str_printf("No module named %R", name);
    Value e = msg ? err_new_exception(&exc_ModuleNotFoundError, &msg, 1) : VNULL;
    if (!e) return;
    obj_setattr_cstr(e, "name", name);
    err_set_object(e);
}

static Value python_find_and_load(Value name) {
    return obj_call2(imp_mach.find_and_load, name, import_original_import());
}

static Value find_and_load(Value name) {
    Value meta, hooks;
    bool installed = imp_mach.find_and_load != VNULL;
    ssize_t extra = hooks_pristine(&meta, &hooks);
    if (installed && extra < 0) return python_find_and_load(name);
    const char *s = str_data(name), *dot = memrchr(s, '.', str_size(name));
    Value parent = VNULL, parent_module = VNULL, search, tail = name;
    if (dot) {
        parent = str_new(s, (size_t)(dot - s));
        tail = str_new(dot + 1, str_size(name) - (size_t)(dot + 1 - s));
        if (!parent || !tail) return VNULL;
        if (!dict_get(sys_modules_dict, parent)) {
            if (err_occurred() || !import_name(parent, VNULL, VNULL, 0)) return VNULL;
            /* The parent may have changed the machinery (six adds its
             * finder to sys.meta_path for its .moves submodules). */
            extra = hooks_pristine(&meta, &hooks);
            if (installed && extra < 0) return python_find_and_load(name);
        }
        /* Importing the parent may have imported this module too. */
        Value m = dict_get(sys_modules_dict, name);
        if (m) return m;
        parent_module = dict_get(sys_modules_dict, parent);
        if (!parent_module) {
            if (!err_occurred()) err_set_value(&exc_KeyError, parent);
            return VNULL;
        }
        search = obj_getattr_opt(parent_module, intern("__path__"));
        if (!search) {
            if (err_occurred()) return VNULL;
            Value msg = str_printf("No module named %R; %R is not a package", name, parent);
            Value e = msg ? err_new_exception(&exc_ModuleNotFoundError, &msg, 1) : VNULL;
            if (e) {
                obj_setattr_cstr(e, "name", name);
                err_set_object(e);
            }
            return VNULL;
        }
    } else {
        search = VNULL;
    }
    if (installed && extra > 0) {
        Value spec;
        int c = extra_finders_claim(meta, extra, name, parent ? search : VNULL, &spec);
        if (c < 0) return VNULL;
        if (c > 0 && !spec) return python_find_and_load(name);
        if (c > 0) {
            /* importlib loads what the finder found (no second search). */
            Value bs = dict_get_cstr(sys_modules_dict, "_frozen_importlib");
            Value load = bs ? obj_getattr_cstr(bs, "_load_unlocked") : VNULL;
            Value m = load ? obj_call1(load, spec) : VNULL;
            if (!m) return VNULL;
            if (parent) {
                Value pm = dict_get(sys_modules_dict, parent);
                if (pm && obj_setattr(pm, tail, m) < 0) {
                    if (!err_matches(&exc_AttributeError)) return VNULL;
                    err_clear();
                }
            }
            return m;
        }
    }
    if (!parent) {
        if (import_builtin_kind(name)) return load_builtin(name);
        search = sys_get("path");
        if (!search) err_clear();
    }
    Value file = VNULL, pkgdir = VNULL, m;
    switch (path_find(tail, search, &file, &pkgdir)) {
    case FIND_SOURCE: m = load_source(name, file, pkgdir); break;
    case FIND_NONE: module_not_found_error(name); return VNULL;
    case FIND_PUNT:
        if (installed) return python_find_and_load(name);
        module_not_found_error(name);
        return VNULL;
    default: return VNULL;
    }
    if (!m) return VNULL;
    if (parent) {
        Value pm = dict_get(sys_modules_dict, parent);
        if (pm && obj_setattr(pm, tail, m) < 0) {
            if (!err_matches(&exc_AttributeError)) return VNULL;
            err_clear();
        }
    }
    return m;
}

/* -X importtime (or PYTHONPROFILEIMPORTTIME): one stderr line per module
 * found and loaded, as CPython prints them: microseconds spent in the
 * module itself (its own imports excluded), cumulative, and the name
 * indented by nesting depth. */
int import_time_enabled;

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static Value timed_find_and_load(Value name) {
    static int level;
    static int64_t nested;   /* time spent in imports nested in the current one */
    static bool header_done;
    if (!header_done) {
        fputs("import time: self [us] | cumulative | imported package\n", stderr);
        header_done = true;
    }
    int64_t outer_nested = nested;
    nested = 0;
    level++;
    int64_t t0 = now_ns();
    Value m = find_and_load(name);
    int64_t cum = now_ns() - t0;
    level--;
    fprintf(stderr, "import time: %9lld | %10lld | %*s%s\n", (long long)((cum - nested + 999) / 1000),
            (long long)((cum + 999) / 1000), level * 2, "", str_data(name));
    nested = outer_nested + cum;
    return m;
}

Value import_find_and_load(Value name) {
    /* Under TAIPAN_GCSTRESS, a module's import (its unmarshalling and
     * top-level code) collects every GC_STRESS_FLOOR-th allocation at most:
     * a test stresses its own code, not the standard library's start-up
     * over again (tests importing csv or ast took minutes). */
    unsigned stress = gc_stress_floor(GC_STRESS_FLOOR);
    Value m = import_time_enabled ? timed_find_and_load(name) : find_and_load(name);
    gc_stress = stress;
    return m;
}
