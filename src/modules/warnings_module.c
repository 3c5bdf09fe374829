/* warnings_module.c - the _warnings module: the filter list, the registries and warn()/warn_explicit() in C. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/dict.h"
#include "../objects/list.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../vm/frame.h"
#include "cargs.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <stdlib.h>
#include <string.h>

/*
 * As CPython's: warnings.py imports `filters`, `_defaultaction`,
 * `_onceregistry`, `warn`, `warn_explicit` and `_filters_mutated` from here
 * and then shares the list and dicts, mutating them in place.  Once the
 * warnings module is imported its attributes win (a program may rebind
 * `warnings.filters` or `warnings.defaultaction`), and a warning is shown
 * through `warnings._showwarnmsg` so that `showwarning` overrides work;
 * before that, or when it cannot be imported (at exit), it is printed here.
 *
 * A registry (a module's __warningregistry__) remembers what was shown
 * there; it carries the filters' version and is emptied when the filters
 * changed since.
 */

static Value filters, once_registry, default_action;  /* GC roots */
static int64_t filters_version;

extern Value sys_modules_dict;
extern Value sys_module_get(void);
extern char *source_get_line(const char *filename, int lineno);
extern void write_stderr_text(Value text);
extern Value import_module(Value name);

static int state_init(void) {
    if (filters) return 0;
    Type *ignored[] = {&exc_DeprecationWarning, &exc_PendingDeprecationWarning, &exc_ImportWarning,
                       &exc_ResourceWarning};
    Value l = list_new(0);
    if (!l) return -1;
    Value zero = val_from_int(0);
    Value f = tuple_pack(5, str_intern_cstr("default"), VNone, obj_val(&exc_DeprecationWarning),
                         str_intern_cstr("__main__"), zero);
    if (!f || list_append(l, f) < 0) return -1;
    for (size_t i = 0; i < sizeof ignored / sizeof *ignored; i++) {
        f = tuple_pack(5, str_intern_cstr("ignore"), VNone, obj_val(ignored[i]), VNone, zero);
        if (!f || list_append(l, f) < 0) return -1;
    }
    Value once = dict_new();
    if (!once) return -1;
    filters = l;
    once_registry = once;
    default_action = str_intern_cstr("default");
    gc_add_root(&filters);
    gc_add_root(&once_registry);
    gc_add_root(&default_action);
    return 0;
}

/* warnings.<name> if the module is imported (or can be, with try_import);
 * VNULL without an error when it is not there. */
static Value warnings_attr(const char *name, bool try_import) {
    Value wm = sys_modules_dict ? dict_get_cstr(sys_modules_dict, "warnings") : VNULL;
    if (!wm && try_import) {
        extern bool sys_finalizing;
        if (sys_finalizing) return VNULL;
        wm = import_module(str_intern_cstr("warnings"));
        if (!wm) {
            err_clear();
            return VNULL;
        }
    }
    if (!wm || wm == VNone) return VNULL;
    Value v = obj_getattr_cstr(wm, name);
    if (!v) err_clear();
    return v;
}

static Value current_filters(void) {
    Value f = warnings_attr("filters", false);
    if (!f) return filters;
    if (!list_check(f)) {
        err_set(&exc_ValueError, "_warnings.filters must be a list");
        return VNULL;
    }
    return f;
}

static Value current_once_registry(void) {
    Value r = warnings_attr("onceregistry", false);
    if (!r) return once_registry;
    if (!dict_check(r)) {
        err_format(&exc_TypeError, "_warnings.onceregistry must be a dict, not '%s'", val_type(r)->name);
        return VNULL;
    }
    return r;
}

static Value current_default_action(void) {
    Value a = warnings_attr("defaultaction", false);
    if (!a) return default_action;
    if (!str_check(a)) {
        err_format(&exc_TypeError, "_warnings.defaultaction must be a string, not '%s'", val_type(a)->name);
        return VNULL;
    }
    return a;
}

/* A filter's message or module part: None matches all, a plain str must be
 * equal (the built-in '__main__' filter), anything else is a regex. */
static int filter_matches(Value pat, Value arg) {
    if (pat == VNone) return 1;
    if (str_check_exact(pat)) {
        if (!str_check(arg)) {
            err_format(&exc_TypeError, "Can't compare %s and %s", val_type(pat)->name, val_type(arg)->name);
            return -1;
        }
        return str_eq(pat, arg);
    }
    Value r = obj_call_method(pat, "match", &arg, 1);
    return r ? obj_is_true(r) : -1;
}

/* The action for a warning, and the filter that gave it (None for the default). */
static Value filter_action(Value category, Value text, int lineno, Value module, Value *item) {
    *item = VNone;
    Value fl = current_filters();
    if (!fl) return VNULL;
    for (ssize_t i = 0; i < list_size(fl); i++) {
        Value f = list_get(fl, i);
        if (!tuple_check(f) || tuple_size(f) != 5) {
            err_format(&exc_ValueError, "_warnings.filters item %zd isn't a 5-tuple", i);
            return VNULL;
        }
        Value action = tuple_get(f, 0);
        if (!str_check(action)) {
            err_format(&exc_TypeError, "action must be a string, not '%s'", val_type(action)->name);
            return VNULL;
        }
        int good_msg = filter_matches(tuple_get(f, 1), text);
        if (good_msg < 0) return VNULL;
        int good_mod = filter_matches(tuple_get(f, 3), module);
        if (good_mod < 0) return VNULL;
        int sub = obj_issubclass(category, tuple_get(f, 2));
        if (sub < 0) return VNULL;
        int64_t ln = int_as_i64(tuple_get(f, 4));
        if (ln == -1 && err_occurred()) return VNULL;
        if (good_msg && good_mod && sub && (ln == 0 || ln == lineno)) {
            *item = f;
            return action;
        }
    }
    return current_default_action();
}

/* 1 if `key` is in the registry (and the registry is of the current
 * filters' version), else 0, recording it when `set`. */
static int already_warned(Value registry, Value key, bool set) {
    Value v = dict_get(registry, str_intern_cstr("version"));
    if (!v || !val_is_int(v) || val_int(v) != filters_version) {
        dict_clear(registry);
        if (dict_set(registry, str_intern_cstr("version"), int_from_i64(filters_version)) < 0) return -1;
    } else {
        Value seen = dict_get(registry, key);
        if (seen) {
            int t = obj_is_true(seen);
            if (t != 0) return t;
        }
    }
    if (set && dict_set(registry, key, VTrue) < 0) return -1;
    return 0;
}

/* The file's name without ".py", as the module of a warning given by file. */
static Value module_from_filename(Value filename) {
    size_t n = str_len(filename);
    if (n == 0) return str_intern_cstr("<unknown>");
    if (n >= 3) {
        Value tail = str_slice(filename, n - 3, n);
        if (!tail) return VNULL;
        const char *t = str_data(tail);
        if (str_size(tail) == 3 && t[0] == '.' && (t[1] | 0x20) == 'p' && (t[2] | 0x20) == 'y')
            return str_slice(filename, 0, n - 3);
    }
    return filename;
}

/* Printed here when warnings.py is not there to do it. */
static void show_plain(Value filename, int lineno, Value text, Value category, Value sourceline) {
    Value name = obj_getattr_cstr(category, "__name__");
    if (!name) {
        err_clear();
        return;
    }
    StrBuilder sb;
    sb_init(&sb);
    sb_printf(&sb, "%U:%d: %U: %U\n", filename, lineno, name, text);
    if (sourceline && str_check(sourceline)) {
        const char *p = str_data(sourceline);
        while (*p == ' ' || *p == '\t' || *p == '\f') p++;
        sb_printf(&sb, "  %s\n", p);
    } else {
        char *line = source_get_line(str_data(filename), lineno);
        if (line) {
            const char *p = line;
            while (*p == ' ' || *p == '\t' || *p == '\f') p++;
            sb_printf(&sb, "  %s\n", p);
            free(line);
        }
    }
    Value out = sb_finish(&sb);
    if (out) write_stderr_text(out);
    else err_clear();
}

static int show(Value category, Value text, Value message, Value filename, int lineno, Value sourceline,
                Value source) {
    /* With a source object, warnings.py is imported for its tracemalloc hint. */
    Value show_fn = warnings_attr("_showwarnmsg", source != VNULL && source != VNone);
    if (!show_fn) {
        show_plain(filename, lineno, text, category, sourceline);
        return 0;
    }
    if (val_is_int(show_fn) || !val_type(show_fn)->call) {
        err_set(&exc_TypeError, "warnings._showwarnmsg() must be set to a callable");
        return -1;
    }
    Value cls = warnings_attr("WarningMessage", false);
    if (!cls) {
        err_set(&exc_RuntimeError, "unable to get warnings.WarningMessage");
        return -1;
    }
    Value args[7] = {message, category, filename, val_from_int(lineno), VNone, VNone, source ? source : VNone};
    Value msg = obj_call(cls, args, 7, VNULL);
    if (!msg) return -1;
    return obj_call1(show_fn, msg) ? 0 : -1;
}

/* The heart of it (CPython's warn_explicit in Python/_warnings.c). */
static int warn_explicit_core(Value category, Value message, Value filename, int lineno, Value module,
                              Value registry, Value sourceline, Value source) {
    if (state_init() < 0) return -1;
    if (registry && registry != VNone && !dict_check(registry)) {
        err_set(&exc_TypeError, "'registry' must be a dict or None");
        return -1;
    }
    if (!module || module == VNone) {
        module = module_from_filename(filename);
        if (!module) return -1;
    }
    Value text;
    int isw = obj_isinstance(message, obj_val(&exc_Warning));
    if (isw < 0) return -1;
    if (isw) {
        text = obj_str(message);
        if (!text) return -1;
        category = obj_val(val_type(message));
    } else {
        text = message;
        message = obj_call1(category, message);
        if (!message) return -1;
    }
    Value key = tuple_pack(3, text, category, val_from_int(lineno));
    if (!key) return -1;
    if (registry && registry != VNone) {
        int rc = already_warned(registry, key, false);
        if (rc != 0) return rc < 0 ? -1 : 0;
    }
    Value item;
    Value action = filter_action(category, text, lineno, module, &item);
    if (!action) return -1;
    if (str_eq_cstr(action, "error")) {
        err_set_object(message);
        return -1;
    }
    if (str_eq_cstr(action, "ignore")) return 0;
    int rc = 0;
    if (!str_eq_cstr(action, "always")) {
        if (registry && registry != VNone && dict_set(registry, key, VTrue) < 0) return -1;
        if (str_eq_cstr(action, "once")) {
            Value reg = registry && registry != VNone ? registry : current_once_registry();
            if (!reg) return -1;
            Value k = tuple_pack(2, text, category);
            if (!k) return -1;
            rc = already_warned(reg, k, true);
        } else if (str_eq_cstr(action, "module")) {
            if (registry && registry != VNone) {
                Value k = tuple_pack(3, text, category, val_from_int(0));
                if (!k) return -1;
                rc = already_warned(registry, k, true);
            }
        } else if (!str_eq_cstr(action, "default")) {
            Value ar = obj_repr(action), ir = ar ? obj_repr(item) : VNULL;
            if (!ir) return -1;
            err_format(&exc_RuntimeError, "Unrecognized action (%s) in warnings.filters:\n %s", str_data(ar),
                       str_data(ir));
            return -1;
        }
    }
    if (rc != 0) return rc < 0 ? -1 : 0;
    return show(category, text, message, filename, lineno, sourceline, source);
}

/* importlib's own frames do not count as the place a warning comes from. */
static bool frame_is_internal(Frame *f) {
    const char *fn = str_data(f->code->filename);
    return strstr(fn, "importlib") && strstr(fn, "_bootstrap");
}

static Frame *next_external(Frame *f) {
    do f = f->back;
    while (f && frame_is_internal(f));
    return f;
}

/* warn(): the place is `stacklevel` frames up (CPython's setup_context). */
int warnings_warn(Value category, Value message, ssize_t stacklevel, Value source) {
    if (state_init() < 0) return -1;
    Frame *f = ts->frame;
    if (stacklevel <= 0 || (f && frame_is_internal(f))) {
        while (--stacklevel > 0 && f) f = f->back;
    } else {
        while (--stacklevel > 0 && f) f = next_external(f);
    }
    Value globals, filename;
    int lineno;
    if (!f) {
        globals = module_dict(sys_module_get());
        filename = str_intern_cstr("sys");
        lineno = 1;
    } else {
        globals = f->globals;
        filename = f->code->filename;
        lineno = frame_lineno(f);
    }
    Value registry = VNone, module = str_intern_cstr("<string>");
    if (globals && dict_check(globals)) {
        registry = dict_get_cstr(globals, "__warningregistry__");
        if (!registry) {
            if (err_occurred()) return -1;
            registry = dict_new();
            if (!registry || dict_set_cstr(globals, "__warningregistry__", registry) < 0) return -1;
        }
        Value m = dict_get_cstr(globals, "__name__");
        if (m && (m == VNone || str_check(m))) module = m;
    }
    return warn_explicit_core(category, message, filename, lineno, module, registry, VNULL, source);
}

/* For the runtime: warn with a category and a C string, stacklevel as warn(). */
int err_warn(Type *category, const char *msg, int stacklevel) {
    Value text = str_from_cstr(msg);
    if (!text) return -1;
    return warnings_warn(obj_val(category), text, stacklevel, VNULL);
}

/* For the compiler's SyntaxWarnings: a file and line, no registry. */
int warn_explicit_cstr(Type *category, const char *msg, Value filename, int lineno) {
    Value text = str_from_cstr(msg);
    if (!text) return -1;
    return warn_explicit_core(obj_val(category), text, filename, lineno, VNULL, VNone, VNULL, VNULL);
}

/* warn_explicit() from C with a registry and the module's globals. */
int warnings_warn_explicit(Value category, Value message, Value filename, int lineno, Value module,
                           Value registry, Value source) {
    return warn_explicit_core(category, message, filename, lineno, module, registry, VNULL, source);
}

static Value category_of(Value message, Value category) {
    int isw = obj_isinstance(message, obj_val(&exc_Warning));
    if (isw < 0) return VNULL;
    if (isw) return obj_val(val_type(message));
    if (!category || category == VNone) return obj_val(&exc_UserWarning);
    int sub = type_check(category) ? obj_issubclass(category, obj_val(&exc_Warning)) : 0;
    if (sub <= 0) {
        err_clear();
        err_format(&exc_TypeError, "category must be a Warning subclass, not '%s'", val_type(category)->name);
        return VNULL;
    }
    return category;
}

static Value warn_m(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"message", "category", "stacklevel", "source", NULL};
    Value a[4];
    if (arg_parse("warn", args, nargs, kw, names, 0, 1, a) < 0) return VNULL;
    Value cat = category_of(a[0], a[1]);
    if (!cat) return VNULL;
    ssize_t level = 1;
    if (a[2] && carg_ssize(a[2], &level) < 0) return VNULL;
    return warnings_warn(cat, a[0], level, a[3]) < 0 ? VNULL : VNone;
}

/* The line `lineno` of the module whose globals are given, from its
 * loader's get_source(); VNULL (no error) when there is none. */
static Value line_from_loader(Value globals, int lineno) {
    Value loader = dict_get_cstr(globals, "__loader__");
    Value name = dict_get_cstr(globals, "__name__");
    if (!loader || loader == VNone || !name) return VNULL;
    Value src = obj_call_method(loader, "get_source", &name, 1);
    if (!src) return VNULL;   /* the error is the caller's */
    if (src == VNone) return VNULL;
    Value lines = obj_call_method(src, "splitlines", NULL, 0);
    if (!lines) return VNULL;
    if (lineno < 1 || !list_check(lines) || lineno > list_size(lines)) return VNULL;
    return list_get(lines, lineno - 1);
}

static Value warn_explicit_m(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"message", "category", "filename", "lineno", "module",
                                        "registry", "module_globals", "source", NULL};
    Value a[8];
    if (arg_parse("warn_explicit", args, nargs, kw, names, 0, 4, a) < 0) return VNULL;
    if (!str_check(a[2])) {
        err_format(&exc_TypeError, "warn_explicit() argument 3 must be str, not %s", val_type(a[2])->name);
        return VNULL;
    }
    if (!int_check(a[3])) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", val_type(a[3])->name);
        return VNULL;
    }
    int64_t ln = int_as_i64(a[3]);
    if (ln == -1 && err_occurred()) return VNULL;
    if (ln > INT32_MAX || ln < INT32_MIN) {
        err_set(&exc_OverflowError, "signed integer is greater than maximum");
        return VNULL;
    }
    Value sourceline = VNULL;
    if (a[6] && a[6] != VNone) {
        if (!dict_check(a[6])) {
            err_format(&exc_TypeError, "module_globals must be a dict, not '%s'", val_type(a[6])->name);
            return VNULL;
        }
        sourceline = line_from_loader(a[6], (int)ln);
        if (!sourceline && err_occurred()) return VNULL;
    }
    if (warn_explicit_core(a[1], a[0], a[2], (int)ln, a[4], a[5] ? a[5] : VNone, sourceline, a[7]) < 0)
        return VNULL;
    return VNone;
}

static Value filters_mutated_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("_filters_mutated", nargs, 0, 0) < 0) return VNULL;
    filters_version++;
    return VNone;
}

static const MethodDef warnings_functions[] = {
    {"warn", warn_m, 0,
     "Issue a warning, or maybe ignore it or raise an exception.\n\n"
     "  message\n    Text of the warning message.\n"
     "  category\n    The Warning category subclass. Defaults to UserWarning.\n"
     "  stacklevel\n    How far up the call stack to make this warning appear. A value of 2 for\n"
     "    example attributes the warning to the caller of the code calling warn().\n"
     "  source\n    If supplied, the destroyed object which emitted a ResourceWarning"},
    {"warn_explicit", warn_explicit_m, 0, "Issue a warning, or maybe ignore it or raise an exception."},
    {"_filters_mutated", filters_mutated_m, 0, NULL},
    {NULL}
};

Value warnings_module_init(void) {
    if (state_init() < 0) return VNULL;
    Value m = module_new_cstr("_warnings");
    if (!m || module_add_functions(m, warnings_functions) < 0) return VNULL;
    if (module_add(m, "__doc__", str_from_cstr("_warnings provides basic warning filtering support.\n"
                                               "It is a helper module to speed up interpreter start-up.")) < 0 ||
        module_add(m, "filters", filters) < 0 || module_add(m, "_onceregistry", once_registry) < 0 ||
        module_add(m, "_defaultaction", default_action) < 0)
        return VNULL;
    return m;
}
