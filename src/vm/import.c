/* import.c - the import statement: sys.modules, builtin modules, and .py modules and packages on sys.path. */
#include "frame.h"
#include "error.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../compiler/compile.h"
#include "../gc/gc.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

/*
 * A first import system: it finds modules in sys.modules, among the
 * builtin C modules, and as `name.py` or `name/__init__.py` along
 * sys.path (or the parent package's __path__), runs them in a fresh
 * module, and handles relative imports, fromlists and `import *`.
 * The import machinery of the execution-model work (importlib,
 * meta_path, path hooks, bytecode caching) replaces it.
 */

extern Value sys_modules_dict;
extern Value sys_get(const char *name);
extern Value builtins_dict;
extern int runtime_optimize;

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

bool import_is_builtin(const char *name) {
    for (size_t i = 0; i < ARRAY_LEN(builtin_modules); i++)
        if (builtin_modules[i].init && strcmp(builtin_modules[i].name, name) == 0) return true;
    return false;
}

static void module_not_found(Value name) {
    err_format(&exc_ModuleNotFoundError, "No module named %R", name);
    Value e = err_fetch();
    obj_setattr_cstr(e, "name", name);
    err_restore(e);
}

static bool is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Read a whole file into malloc'd memory. */
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
    fclose(fp);
    if (buf) *size = n;
    return buf;
}

/* Compile and run a source file in module m. */
int exec_file_in_module(Value m, const char *path, Value filename) {
    size_t size;
    char *src = read_file(path, &size);
    if (!src) {
        err_from_errno_filename(&exc_OSError, filename);
        return -1;
    }
    Value code = compile_source(src, size, filename, COMPILE_EXEC, 0, runtime_optimize);
    free(src);
    if (!code) return -1;
    Value d = module_dict(m);
    Value r = interp_eval_code((CodeObject *)code, d, d);
    return r ? 0 : -1;
}

/* Find `part` in the directories of `search` (a list of str); run it as module `fullname`. */
static Value load_from_path(Value fullname, const char *part, Value search) {
    if (!search || !list_check(search)) return VNULL;
    for (ssize_t i = 0; i < list_size(search); i++) {
        Value dir = list_get(search, i);
        if (!str_check(dir)) continue;
        const char *d = str_size(dir) ? str_data(dir) : ".";
        char pkg_init[4096], modfile[4096], pkgdir[4096];
        snprintf(pkgdir, sizeof pkgdir, "%s/%s", d, part);
        snprintf(pkg_init, sizeof pkg_init, "%s/%s/__init__.py", d, part);
        snprintf(modfile, sizeof modfile, "%s/%s.py", d, part);
        bool package = is_file(pkg_init);
        bool plain = !package && is_file(modfile);
        if (!package && !plain) continue;
        const char *file = package ? pkg_init : modfile;
        Value m = module_new(fullname);
        if (!m) return VNULL;
        Value md = module_dict(m);
        Value fn = str_from_cstr(file);
        if (!fn || dict_set_cstr(md, "__file__", fn) < 0 || dict_set_cstr(md, "__cached__", VNone) < 0 ||
            dict_set_cstr(md, "__builtins__", builtins_dict) < 0)
            return VNULL;
        if (package) {
            Value p = list_new(1);
            if (!p || list_append(p, str_from_cstr(pkgdir)) < 0 || dict_set_cstr(md, "__path__", p) < 0 ||
                dict_set_cstr(md, "__package__", fullname) < 0)
                return VNULL;
        } else {
            const char *full = str_data(fullname), *dot = strrchr(full, '.');
            Value pkg = dot ? str_new(full, (size_t)(dot - full)) : str_empty();
            if (!pkg || dict_set_cstr(md, "__package__", pkg) < 0) return VNULL;
        }
        if (dict_set(sys_modules_dict, fullname, m) < 0) return VNULL;
        if (exec_file_in_module(m, file, fn) < 0) {
            Value saved = err_fetch();
            dict_pop(sys_modules_dict, fullname, VNone);
            err_clear();
            err_restore(saved);
            return VNULL;
        }
        /* The module may have replaced itself in sys.modules. */
        Value final = dict_get(sys_modules_dict, fullname);
        return final ? final : m;
    }
    return VNULL;
}

/* Import exactly `fullname`, whose parent (if any) is already imported. */
static Value import_one(Value fullname, Value parent) {
    Value m = dict_get(sys_modules_dict, fullname);
    if (m) {
        if (m == VNone) {
            err_format(&exc_ModuleNotFoundError, "import of %U halted; None in sys.modules", fullname);
            return VNULL;
        }
        return m;
    }
    if (err_occurred()) return VNULL;
    const char *full = str_data(fullname);
    if (!parent) {
        for (size_t i = 0; i < ARRAY_LEN(builtin_modules); i++) {
            if (!builtin_modules[i].init || strcmp(builtin_modules[i].name, full) != 0) continue;
            m = builtin_modules[i].init();
            if (!m) return VNULL;
            if (dict_set(sys_modules_dict, fullname, m) < 0) return VNULL;
            return m;
        }
    }
    const char *dot = strrchr(full, '.');
    const char *part = dot ? dot + 1 : full;
    Value search;
    if (parent) {
        search = obj_getattr_opt(parent, str_intern_cstr("__path__"));
        if (!search) {
            if (err_occurred()) return VNULL;
            err_format(&exc_ModuleNotFoundError, "No module named %R; %R is not a package", fullname,
                       ((ModuleObject *)parent)->name);
            Value e = err_fetch();
            obj_setattr_cstr(e, "name", fullname);
            err_restore(e);
            return VNULL;
        }
    } else {
        search = sys_get("path");
    }
    m = load_from_path(fullname, part, search);
    if (!m) {
        if (!err_occurred()) module_not_found(fullname);
        return VNULL;
    }
    if (parent && obj_setattr(parent, str_intern_cstr(part), m) < 0) return VNULL;
    return m;
}

/* The package a relative import is relative to, with `level` dots applied. */
static Value resolve_name(Value name, Value globals, int level) {
    Value package = globals ? dict_get_cstr(globals, "__package__") : VNULL;
    if (!package || package == VNone) {
        Value modname = globals ? dict_get_cstr(globals, "__name__") : VNULL;
        if (!modname || !str_check(modname)) {
            err_set(&exc_ImportError, "attempted relative import with no known parent package");
            return VNULL;
        }
        if (dict_get_cstr(globals, "__path__")) package = modname;
        else {
            const char *s = str_data(modname), *dot = strrchr(s, '.');
            package = dot ? str_new(s, (size_t)(dot - s)) : str_empty();
        }
    }
    if (!str_check(package)) {
        err_set(&exc_TypeError, "package must be a string");
        return VNULL;
    }
    if (str_size(package) == 0) {
        err_set(&exc_ImportError, "attempted relative import with no known parent package");
        return VNULL;
    }
    const char *p = str_data(package);
    size_t n = str_size(package);
    for (int i = 1; i < level; i++) {
        const char *dot = NULL;
        for (size_t k = n; k-- > 0;)
            if (p[k] == '.') {
                dot = p + k;
                break;
            }
        if (!dot) {
            err_set(&exc_ImportError, "attempted relative import beyond top-level package");
            return VNULL;
        }
        n = (size_t)(dot - p);
    }
    if (str_size(name) == 0) return str_new(p, n);
    return str_printf("%.*s.%U", (int)n, p, name);
}

static Value import_dotted(Value absname) {
    const char *s = str_data(absname);
    size_t n = str_size(absname);
    Value parent = VNULL, m = VNULL;
    size_t start = 0;
    while (start <= n) {
        const char *dot = memchr(s + start, '.', n - start);
        size_t end = dot ? (size_t)(dot - s) : n;
        Value prefix = str_new(s, end);
        if (!prefix) return VNULL;
        m = import_one(prefix, parent);
        if (!m) return VNULL;
        parent = m;
        start = end + 1;
    }
    return m;
}

Value import_name(Value name, Value globals, Value fromlist, int level) {
    if (level < 0) {
        err_set(&exc_ValueError, "level must be >= 0");
        return VNULL;
    }
    if (level == 0 && str_size(name) == 0) {
        err_set(&exc_ValueError, "Empty module name");
        return VNULL;
    }
    Value absname = level > 0 ? resolve_name(name, globals, level) : name;
    if (!absname) return VNULL;
    Value leaf = import_dotted(absname);
    if (!leaf) return VNULL;
    bool has_from = fromlist && fromlist != VNone && obj_is_true(fromlist) > 0;
    if (!has_from) {
        if (level > 0 || !memchr(str_data(name), '.', str_size(name))) return leaf;
        /* import a.b.c binds a */
        const char *s = str_data(absname), *dot = memchr(s, '.', str_size(absname));
        Value top = str_new(s, (size_t)(dot - s));
        return top ? dict_get(sys_modules_dict, top) : VNULL;
    }
    /* from package import submodule: import submodules that are not attributes yet. */
    if (obj_hasattr(leaf, str_intern_cstr("__path__")) > 0) {
        Value it = obj_iter(fromlist);
        if (!it) return VNULL;
        Value item;
        while ((item = obj_next(it))) {
            if (!str_check(item) || str_eq_cstr(item, "*")) continue;
            if (obj_hasattr(leaf, item) > 0) continue;
            Value sub = str_printf("%U.%U", absname, item);
            if (!sub) return VNULL;
            if (!import_one(sub, leaf)) {
                /* Only the submodule itself being absent is ignored, not a failure inside it. */
                if (!err_matches(&exc_ModuleNotFoundError)) return VNULL;
                Value e = err_fetch();
                Value n = obj_getattr_opt(e, str_intern_cstr("name"));
                err_clear();
                if (!n || !str_check(n) || !str_eq(n, sub)) {
                    err_restore(e);
                    return VNULL;
                }
            }
        }
        if (err_occurred()) return VNULL;
    }
    return leaf;
}

Value import_from(Value module, Value name) {
    Value v = obj_getattr_opt(module, name);
    if (v || err_occurred()) return v;
    Value modname = obj_getattr_opt(module, str_intern_cstr("__name__"));
    err_clear();
    if (modname && str_check(modname)) {
        Value full = str_printf("%U.%U", modname, name);
        Value m = full ? dict_get(sys_modules_dict, full) : VNULL;
        if (m) return m;
        err_clear();
        Value file = obj_getattr_opt(module, str_intern_cstr("__file__"));
        err_clear();
        if (file && str_check(file))
            err_format(&exc_ImportError, "cannot import name %R from %R (%U)", name, modname, file);
        else
            err_format(&exc_ImportError, "cannot import name %R from %R (unknown location)", name, modname);
        Value e = err_fetch();
        obj_setattr_cstr(e, "name", modname);
        err_restore(e);
        return VNULL;
    }
    err_format(&exc_ImportError, "cannot import name %R from '<unknown module name>' (unknown location)", name);
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
        if (!str_check(n)) {
            err_format(&exc_TypeError, "%s in %U.%s must be str, not %s", all ? "Item" : "Key",
                       ((ModuleObject *)module)->name, all ? "__all__" : "__dict__", type_name(n));
            return -1;
        }
        if (skip_private && str_data(n)[0] == '_') continue;
        Value v = obj_getattr(module, n);
        if (!v) return -1;
        if (obj_setitem(target, n, v) < 0) return -1;
    }
    return err_occurred() ? -1 : 0;
}
