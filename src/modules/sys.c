/* sys.c - the sys module: argv, path, modules, the standard streams, exit, recursion limit, frames. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../vm/frame.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <float.h>
#include <stdio.h>
#include <stdlib.h>

Value sys_module;
Value sys_modules_dict;

Value sys_get(const char *name) {
    if (!sys_module) return VNULL;
    return dict_get_cstr(module_dict(sys_module), name);
}

int sys_set(const char *name, Value v) { return dict_set_cstr(module_dict(sys_module), name, v); }

int sys_write_stderr(Value text) {
    Value err = sys_get("stderr");
    if (!err || err == VNone) return -1;
    Value r = obj_call_method(err, "write", &text, 1);
    if (!r) return -1;
    Value f = obj_call_method(err, "flush", NULL, 0);
    if (!f) err_clear();
    return 0;
}

/* sys.displayhook(value): print repr(value) and bind builtins._ (the REPL). */
int sys_displayhook_call(Value v) {
    Value hook = sys_get("displayhook");
    if (!hook) {
        err_set(&exc_RuntimeError, "lost sys.displayhook");
        return -1;
    }
    return obj_call1(hook, v) ? 0 : -1;
}

static Value displayhook_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("displayhook", nargs, 1, 1) < 0) return VNULL;
    Value v = args[0];
    if (v == VNone) return VNone;
    extern Value builtins_dict;
    if (dict_set_cstr(builtins_dict, "_", VNone) < 0) return VNULL;
    Value r = obj_repr(v);
    if (!r) return VNULL;
    Value out = sys_get("stdout");
    if (!out || out == VNone) {
        err_set(&exc_RuntimeError, "lost sys.stdout");
        return VNULL;
    }
    Value nl = str_intern_cstr("\n");
    if (!obj_call_method(out, "write", &r, 1) || !obj_call_method(out, "write", &nl, 1)) return VNULL;
    if (dict_set_cstr(builtins_dict, "_", v) < 0) return VNULL;
    return VNone;
}

static Value excepthook_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("excepthook", nargs, 3, 3) < 0) return VNULL;
    extern void exc_print(Value e);
    if (exc_check(args[1])) exc_print(args[1]);
    return VNone;
}

static Value exit_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("exit", nargs, 0, 1) < 0) return VNULL;
    /* SystemExit's __init__ sets .code; nothing may run while the exception
     * is pending (a setattr here could clear it). */
    Value a = nargs ? tuple_pack(1, args[0]) : tuple_empty();
    Value e = a ? exc_new(&exc_SystemExit, a) : VNULL;
    if (e) err_set_object(e);
    return VNULL;
}

static Value getrecursionlimit_m(Value self, Value *args, size_t nargs, Value kw) {
    return int_from_i64(ts->recursion_limit);
}

static Value setrecursionlimit_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("setrecursionlimit", nargs, 1, 1) < 0) return VNULL;
    if (!int_check(args[0])) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
        return VNULL;
    }
    int64_t n = int_as_i64(args[0]);
    if (n == -1 && err_occurred()) return VNULL;
    if (n < 1) {
        err_set(&exc_ValueError, "recursion limit must be greater or equal than 1");
        return VNULL;
    }
    if (n > 100000000) n = 100000000;
    if (ts->py_depth >= n) {
        err_format(&exc_RecursionError, "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                   (long long)n, ts->py_depth);
        return VNULL;
    }
    thread_set_recursion_limit((int)n);
    return VNone;
}

static Value exc_info_m(Value self, Value *args, size_t nargs, Value kw) {
    Value e = ts->handled;
    if (!e || e == VNone) return tuple_pack(3, VNone, VNone, VNone);
    Value tb = ((ExceptionObject *)e)->traceback;
    return tuple_pack(3, obj_val(val_type(e)), e, tb ? tb : VNone);
}

static Value exception_m(Value self, Value *args, size_t nargs, Value kw) {
    Value e = ts->handled;
    return e ? e : VNone;
}

static Value getframe_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("_getframe", nargs, 0, 1) < 0) return VNULL;
    int64_t depth = nargs ? int_as_i64(args[0]) : 0;
    if (depth == -1 && err_occurred()) return VNULL;
    Frame *f = ts->frame;
    while (f && depth > 0) {
        f = f->back;
        depth--;
    }
    if (!f) {
        err_set(&exc_ValueError, "call stack is not deep enough");
        return VNULL;
    }
    return frame_get_object(f);
}

static Value intern_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("intern", nargs, 1, 1) < 0) return VNULL;
    if (!str_check_exact(args[0])) {
        err_format(&exc_TypeError, "intern() argument must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    return str_intern(args[0]);
}

static Value getsizeof_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("getsizeof", nargs, 1, 2) < 0) return VNULL;
    Value m = type_lookup_cstr(val_type(args[0]), "__sizeof__");
    if (!m) {
        if (nargs == 2) return args[1];
        err_format(&exc_TypeError, "Type %s doesn't define __sizeof__", type_name(args[0]));
        return VNULL;
    }
    extern Value call_dunder(Value self, Value descr, Value *args, size_t nargs);
    return call_dunder(args[0], m, NULL, 0);
}

static Value getrefcount_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("getrefcount", nargs, 1, 1) < 0) return VNULL;
    /* Taipan does not count references; like PyPy, report a plausible constant. */
    return val_from_int(2);
}

static Value getdefaultencoding_m(Value self, Value *args, size_t nargs, Value kw) { return str_intern_cstr("utf-8"); }
static Value getfsencoding_m(Value self, Value *args, size_t nargs, Value kw) { return str_intern_cstr("utf-8"); }
static Value getfserrors_m(Value self, Value *args, size_t nargs, Value kw) { return str_intern_cstr("surrogateescape"); }

static Value get_int_max_str_digits_m(Value self, Value *args, size_t nargs, Value kw) {
    return int_from_i64(int_max_str_digits);
}
static Value set_int_max_str_digits_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"maxdigits", NULL};
    Value a[1];
    if (arg_parse("set_int_max_str_digits", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    int64_t n = int_as_i64(a[0]);
    if (n == -1 && err_occurred()) return VNULL;
    if (n != 0 && n < 640) {
        err_set(&exc_ValueError, "maxdigits must be 0 or larger than 640");
        return VNULL;
    }
    int_max_str_digits = (int)n;
    return VNone;
}

static const MethodDef sys_functions[] = {
    {"displayhook", displayhook_m, 0, NULL},
    {"excepthook", excepthook_m, 0, NULL},
    {"exit", exit_m, 0, "Exit the interpreter by raising SystemExit(status)."},
    {"getrecursionlimit", getrecursionlimit_m, 0, NULL},
    {"setrecursionlimit", setrecursionlimit_m, 0, NULL},
    {"exc_info", exc_info_m, 0, NULL},
    {"exception", exception_m, 0, NULL},
    {"_getframe", getframe_m, 0, NULL},
    {"intern", intern_m, 0, NULL},
    {"getsizeof", getsizeof_m, 0, NULL},
    {"getrefcount", getrefcount_m, 0, NULL},
    {"getdefaultencoding", getdefaultencoding_m, 0, NULL},
    {"getfilesystemencoding", getfsencoding_m, 0, NULL},
    {"getfilesystemencodeerrors", getfserrors_m, 0, NULL},
    {"get_int_max_str_digits", get_int_max_str_digits_m, 0, NULL},
    {"set_int_max_str_digits", set_int_max_str_digits_m, 0, NULL},
    {NULL}
};

static Value list_of_cstrs(int n, char **items) {
    Value l = list_new((size_t)n);
    if (!l) return VNULL;
    for (int i = 0; i < n; i++) {
        Value s = str_decode_utf8(items[i], strlen(items[i]), "surrogateescape");
        if (!s || list_append(l, s) < 0) return VNULL;
    }
    return l;
}

Value sys_init(int argc, char **argv, int orig_argc, char **orig_argv) {
    Value m = module_new_cstr("sys");
    if (!m) return VNULL;
    sys_module = m;
    gc_add_root(&sys_module);
    if (module_add_functions(m, sys_functions) < 0) return VNULL;
    sys_modules_dict = dict_new();
    gc_add_root(&sys_modules_dict);
    module_add(m, "modules", sys_modules_dict);
    module_add(m, "argv", list_of_cstrs(argc, argv));
    module_add(m, "orig_argv", list_of_cstrs(orig_argc, orig_argv));
    module_add(m, "version", str_from_cstr("3.11.2 (taipan 0.1) [GCC]"));
    /* version_info is a struct sequence: sys_runtime.c. */
    module_add(m, "hexversion", int_from_i64(0x030B02F0));
    module_add(m, "api_version", val_from_int(1013));
    module_add(m, "platform", str_from_cstr("linux"));
    module_add(m, "byteorder", str_from_cstr("little"));
    module_add(m, "maxsize", int_from_i64(INT64_MAX));
    module_add(m, "maxunicode", int_from_i64(0x10ffff));
    module_add(m, "copyright", str_from_cstr("Copyright (c) Taipan developers.\nPython is Copyright (c) 2001-2023 Python Software Foundation."));
    module_add(m, "dont_write_bytecode", VFalse);
    module_add(m, "meta_path", list_new(0));
    module_add(m, "path_hooks", list_new(0));
    module_add(m, "path_importer_cache", dict_new());
    /* Every module in modules.def, sorted as CPython's; os.py looks for
     * 'posix' here to pick its platform module. */
    {
        static const char *const builtin_names[] = {
#define MODULE(name, init) name,
#include "modules.def"
#undef MODULE
        };
        Value l = list_new(ARRAY_LEN(builtin_names));
        for (size_t i = 0; l && i < ARRAY_LEN(builtin_names); i++) list_append(l, str_intern_cstr(builtin_names[i]));
        if (!l || list_sort(l, VNULL, false) < 0) return VNULL;
        module_add(m, "builtin_module_names", list_as_tuple(l));
    }
    module_add(m, "stdlib_module_names", tuple_empty());
    module_add(m, "ps1", str_from_cstr(">>> "));
    module_add(m, "ps2", str_from_cstr("... "));
    module_add(m, "float_repr_style", str_from_cstr("short"));
    module_add(m, "abiflags", str_from_cstr(""));
    module_add(m, "warnoptions", list_new(0));
    module_add(m, "_xoptions", dict_new());
    module_add(m, "prefix", str_from_cstr("/usr"));
    module_add(m, "base_prefix", str_from_cstr("/usr"));
    module_add(m, "exec_prefix", str_from_cstr("/usr"));
    module_add(m, "base_exec_prefix", str_from_cstr("/usr"));
    module_add(m, "platlibdir", str_from_cstr("lib"));
    module_add(m, "pycache_prefix", VNone);
    /* sys.implementation and sys.flags as namespaces (struct sequences later). */
    extern Value namespace_new(void);
    extern int runtime_optimize;
    Value impl = namespace_new();
    if (!impl) return VNULL;
    obj_setattr_cstr(impl, "name", str_from_cstr("taipan"));
    obj_setattr_cstr(impl, "cache_tag", str_from_cstr("taipan-311"));
    /* implementation.version: set with sys.version_info (sys_runtime.c). */
    obj_setattr_cstr(impl, "hexversion", int_from_i64(0x030B02F0));
    obj_setattr_cstr(impl, "_multiarch", str_from_cstr("x86_64-linux-gnu"));
    module_add(m, "implementation", impl);
    Value flags = namespace_new();
    if (!flags) return VNULL;
    static const char *const flag_names[] = {"debug", "inspect", "interactive", "verbose", "bytes_warning",
                                             "quiet", "isolated", "utf8_mode", "warn_default_encoding",
                                             "dont_write_bytecode", "no_user_site", "no_site",
                                             "ignore_environment", NULL};
    for (const char *const *n = flag_names; *n; n++) obj_setattr_cstr(flags, *n, val_from_int(0));
    obj_setattr_cstr(flags, "optimize", val_from_int(runtime_optimize));
    obj_setattr_cstr(flags, "hash_randomization", val_from_int(1));
    obj_setattr_cstr(flags, "dev_mode", VFalse);
    obj_setattr_cstr(flags, "safe_path", VFalse);
    obj_setattr_cstr(flags, "int_max_str_digits", val_from_int(-1));
    module_add(m, "flags", flags);
    /* streams: _io.TextIOWrapper objects as CPython's (src/modules/io_module.c) */
    extern Value io_std_stream(int fd, const char *name);
    Value in = io_std_stream(0, "<stdin>");
    Value out = io_std_stream(1, "<stdout>");
    Value err = io_std_stream(2, "<stderr>");
    if (!in || !out || !err) return VNULL;
    module_add(m, "stdin", in);
    module_add(m, "stdout", out);
    module_add(m, "stderr", err);
    module_add(m, "__stdin__", in);
    module_add(m, "__stdout__", out);
    module_add(m, "__stderr__", err);
    module_add(m, "__displayhook__", dict_get_cstr(module_dict(m), "displayhook"));
    module_add(m, "__excepthook__", dict_get_cstr(module_dict(m), "excepthook"));
    /* sys.breakpointhook and its original, defined beside breakpoint() in builtins.c. */
    extern const MethodDef sys_breakpointhook_def[];
    if (module_add_functions(m, sys_breakpointhook_def) < 0) return VNULL;
    module_add(m, "__breakpointhook__", dict_get_cstr(module_dict(m), "breakpointhook"));
    extern int sys_runtime_init(Value m);
    if (sys_runtime_init(m) < 0) return VNULL;
    module_add(m, "_stdlib_dir", str_from_cstr(TAIPAN_STDLIB_DIR));
    module_add(m, "_git", tuple_pack(3, str_from_cstr("taipan"), str_from_cstr(""), str_from_cstr("")));
    return m;
}

/* The executable and sys.path, set by main once the program is known. */
int sys_set_paths(const char *executable, const char *base_executable, Value path_list) {
    if (sys_set("executable", str_from_cstr(executable)) < 0) return -1;
    if (sys_set("_base_executable", str_from_cstr(base_executable)) < 0) return -1;
    return sys_set("path", path_list);
}

/* Flush sys.stdout and sys.stderr at exit; errors are reported as CPython does. */
int sys_flush_std(void) {
    int rc = 0;
    static const char *const names[] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        Value s = sys_get(names[i]);
        if (!s || s == VNone) continue;
        /* A stream the program closed (json.tool closes its output) is
         * not flushed; an error from `closed` counts as open. */
        Value closed = obj_getattr_cstr(s, "closed");
        int is_closed = closed ? obj_is_true(closed) : 0;
        if (is_closed < 0 || !closed) err_clear();
        if (is_closed > 0) continue;
        if (!obj_call_method(s, "flush", NULL, 0)) {
            /* CPython reports stdout's failure as unraisable, stderr's silently. */
            if (i == 0) err_write_unraisable(err_fetch(), s);
            else err_clear();
            rc = 120;
        }
    }
    return rc;
}
