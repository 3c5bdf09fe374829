/* main.c - the taipan command: start the runtime as the command line says, run the program, then the prompt if asked. */
#include "base/common.h"
#include "cli/cli.h"
#include "objects/type.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/exceptions.h"
#include "compiler/compile.h"
#include "compiler/parser.h"
#include "vm/frame.h"
#include "vm/error.h"
#include "vm/import.h"
#include "gc/gc.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * The order of start-up follows CPython's Py_InitializeFromConfig and
 * pymain_run_python (docs/cli.md): options and environment, the runtime,
 * sys.flags and the other settings, `warnings` when there are -W options,
 * `site` (unless -S), the version banner, sys.path[0], then the program,
 * then the interactive prompt for -i.  site runs before sys.path[0] is
 * added, so it sees the path without the script's directory.
 */

extern int runtime_init(int argc, char **argv, int orig_argc, char **orig_argv);
extern int runtime_optimize;
extern Value builtins_dict, sys_modules_dict, sys_module;
extern Value sys_get(const char *name);
extern int sys_set(const char *name, Value v);
extern int sys_set_paths(const char *executable, const char *base_executable, Value path_list);
extern int sys_flush_std(void);
extern char *read_file(const char *path, size_t *size);
extern void exc_print(Value e);
extern int code_dump_requested;
int code_dump_requested;

static CliConfig cfg;

/* SystemExit: the exit status it asks for (printing a non-int code, as CPython does). */
static int handle_system_exit(Value e) {
    Value code = obj_getattr_opt(e, str_intern_cstr("code"));
    if (!code) err_clear();
    if (!code || code == VNone) return 0;
    if (int_check(code)) {
        int64_t c = int_as_i64(code);
        if (c == -1 && err_occurred()) {
            err_clear();
            return -1;
        }
        return (int)(c & 0xff) == c ? (int)c : (int)(c & 0xff);
    }
    Value s = obj_str(code);
    if (!s) {
        err_clear();
        return 1;
    }
    extern void write_stderr_text(Value text);
    Value line = str_printf("%U\n", s);
    if (line) write_stderr_text(line);
    return 1;
}

/* An uncaught KeyboardInterrupt ends the process by SIGINT, as CPython
 * does, so the shell sees "killed by Ctrl-C" (status 130). */
static bool exit_by_sigint;
/* Set when a SystemExit must end the process now (not under -i). */
static bool system_exit_pending;
static int system_exit_status;

/* Report the pending exception the way an uncaught one is reported; return
 * the exit status.  With -i a SystemExit is reported like any exception,
 * as CPython does, so the prompt can follow. */
static int report_uncaught(void) {
    Value e = err_fetch();
    if (!e) return 0;
    if (val_isinstance(e, &exc_SystemExit) && !cfg.inspect) {
        system_exit_pending = true;
        return system_exit_status = handle_system_exit(e);
    }
    if (val_isinstance(e, &exc_KeyboardInterrupt) && !cfg.inspect) exit_by_sigint = true;
    Value tb = ((ExceptionObject *)e)->traceback;
    Value type = obj_val(val_type(e));
    sys_set("last_type", type);
    sys_set("last_value", e);
    sys_set("last_traceback", tb ? tb : VNone);
    Value hook = sys_get("excepthook");
    if (hook && hook != VNone) {
        Value args[3] = {type, e, tb ? tb : VNone};
        if (!obj_call(hook, args, 3, VNULL)) {
            Value e2 = err_fetch();
            if (val_isinstance(e2, &exc_SystemExit)) {
                system_exit_pending = true;
                return system_exit_status = handle_system_exit(e2);
            }
            fprintf(stderr, "Error in sys.excepthook:\n");
            exc_print(e2);
            fprintf(stderr, "\nOriginal exception was:\n");
            exc_print(e);
        }
    } else {
        fprintf(stderr, "sys.excepthook is missing\n");
        exc_print(e);
    }
    return 1;
}

/* The __main__ module, made before the program runs (runpy runs -m modules in it). */
static Value main_module(void) {
    Value m = dict_get_cstr(sys_modules_dict, "__main__");
    if (m) return m;
    m = module_new_cstr("__main__");
    if (!m) return VNULL;
    Value d = module_dict(m);
    dict_set_cstr(sys_modules_dict, "__main__", m);
    dict_set_cstr(d, "__builtins__", dict_get_cstr(sys_modules_dict, "builtins"));
    dict_set_cstr(d, "__annotations__", dict_new());
    return m;
}

static Value import_cstr(const char *name) { return import_module(str_intern_cstr(name)); }

/* runpy._run_module_as_main(name, alter_argv), as CPython's pymain_run_module. */
static int run_module(const char *name, bool alter_argv) {
    if (!main_module()) return report_uncaught();
    Value runpy = import_cstr("runpy");
    if (!runpy) {
        fprintf(stderr, "Could not import runpy module\n");
        return report_uncaught();
    }
    Value fn = obj_getattr_cstr(runpy, "_run_module_as_main");
    if (!fn) {
        fprintf(stderr, "Could not access runpy._run_module_as_main\n");
        return report_uncaught();
    }
    Value n = str_from_cstr(name);
    Value r = n ? obj_call2(fn, n, alter_argv ? VTrue : VFalse) : VNULL;
    return r ? 0 : report_uncaught();
}

/* Compile and run source in __main__; file_attr sets __file__ (and removes it afterwards if temporary). */
static int run_source(const char *src, size_t n, const char *filename, const char *file_attr, bool temporary) {
    Value m = main_module();
    if (!m) return report_uncaught();
    Value d = module_dict(m);
    if (file_attr) {
        dict_set_cstr(d, "__file__", str_from_cstr(file_attr));
        dict_set_cstr(d, "__cached__", VNone);
    }
    Value code = compile_source(src, n, str_from_cstr(filename), COMPILE_EXEC, 0, runtime_optimize);
    Value r = VNULL;
    if (code) {
        if (code_dump_requested) code_disassemble((CodeObject *)code, stderr);
        r = interp_eval_code((CodeObject *)code, d, d);
    }
    int status = r ? 0 : report_uncaught();
    if (file_attr && temporary) {
        static const char *const names[] = {"__file__", "__cached__"};
        for (int i = 0; i < 2; i++)
            if (dict_del(d, str_intern_cstr(names[i])) < 0) err_clear();
    }
    return status;
}

/* sys.path before site and sys.path[0]: PYTHONPATH, Taipan's lib/, the stdlib. */
static Value base_path(const char *stdlib, const char *lib_dir) {
    Value l = list_new(0);
    if (!l) return VNULL;
    for (const char *p = cfg.pythonpath; p && *p;) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        if (n) list_append(l, str_new(p, n));
        p += n + (colon ? 1 : 0);
        if (!colon) break;
    }
    list_append(l, str_from_cstr(lib_dir));
    list_append(l, str_from_cstr(stdlib));
    /* Without site, nothing else adds the system's packages; CPython -S has
     * none either, but Taipan keeps Debian's for its own lib/ tools. */
    return l;
}

/* sys.flags, warnoptions, _xoptions, prefixes and the import switches. */
static int configure_sys(const GetPath *where) {
    Value flags = cli_make_flags(&cfg);
    if (!flags || sys_set("flags", flags) < 0) return -1;
    Value w = list_new(0);
    for (int i = 0; w && i < cfg.nwarnoptions; i++) list_append(w, str_from_cstr(cfg.warnoptions[i]));
    if (!w || sys_set("warnoptions", w) < 0) return -1;
    Value x = dict_new();
    for (int i = 0; x && i < cfg.nxoptions; i++) {
        const char *o = cfg.xoptions[i], *eq = strchr(o, '=');
        Value k = eq ? str_new(o, (size_t)(eq - o)) : str_from_cstr(o);
        Value v = eq ? str_from_cstr(eq + 1) : VTrue;
        if (!k || !v || dict_set(x, k, v) < 0) return -1;
    }
    if (!x || sys_set("_xoptions", x) < 0) return -1;
    if (cfg.dont_write_bytecode) sys_set("dont_write_bytecode", VTrue);
    if (cfg.pycache_prefix) {
        char abs[PATH_MAX];
        cli_abspath(cfg.pycache_prefix, abs, sizeof abs);
        sys_set("pycache_prefix", str_from_cstr(abs));
    }
    /* PYTHONHOME=PREFIX[:EXEC_PREFIX] moves both prefixes and the stdlib. */
    char prefix[PATH_MAX] = "/usr", exec_prefix[PATH_MAX] = "/usr", stdlib[PATH_MAX + 32];
    snprintf(stdlib, sizeof stdlib, "%s", TAIPAN_STDLIB_DIR);
    if (cfg.home) {
        const char *colon = strchr(cfg.home, ':');
        snprintf(prefix, sizeof prefix, "%.*s", colon ? (int)(colon - cfg.home) : (int)strlen(cfg.home), cfg.home);
        snprintf(exec_prefix, sizeof exec_prefix, "%s", colon ? colon + 1 : prefix);
        snprintf(stdlib, sizeof stdlib, "%s/lib/python3.11", prefix);
    }
    static const char *const prefixes[] = {"prefix", "base_prefix", "exec_prefix", "base_exec_prefix"};
    for (int i = 0; i < 4; i++) sys_set(prefixes[i], str_from_cstr(i < 2 ? prefix : exec_prefix));
    if (cfg.platlibdir) sys_set("platlibdir", str_from_cstr(cfg.platlibdir));
    if (sys_set_paths(where->executable, where->base_executable, base_path(stdlib, where->lib_dir)) < 0) return -1;
    if (cfg.check_hash_pycs) {
        Value imp = import_cstr("_imp");
        if (!imp || obj_setattr_cstr(imp, "check_hash_based_pycs", str_from_cstr(cfg.check_hash_pycs)) < 0)
            return -1;
    }
    return 0;
}

/* PYTHONIOENCODING=enc[:errors]: the standard streams re-made with CPython's names (iso8859-1 for latin-1). */
static int configure_stdio_encoding(void) {
    Value codecs = import_cstr("codecs");
    Value enc = VNULL;
    if (cfg.io_encoding) {
        Value info = codecs ? obj_call_method(codecs, "lookup", (Value[]){str_from_cstr(cfg.io_encoding)}, 1) : VNULL;
        enc = info ? obj_getattr_cstr(info, "name") : VNULL;
        if (!enc) return -1;
    }
    static const char *const names[] = {"stdin", "stdout", "stderr"};
    for (int i = 0; i < 3; i++) {
        Value s = sys_get(names[i]);
        if (!s || s == VNone) continue;
        Value errors = i == 2 ? str_intern_cstr("backslashreplace")
                     : cfg.io_errors ? str_from_cstr(cfg.io_errors)
                     : enc ? str_intern_cstr("strict") : obj_getattr_cstr(s, "errors");
        Value fn = obj_getattr_cstr(s, "reconfigure");
        Value kw = tuple_pack(2, str_intern_cstr("encoding"), str_intern_cstr("errors"));
        if (!fn || !kw || !errors || !obj_call(fn, (Value[]){enc ? enc : VNone, errors}, 0, kw)) return -1;
    }
    return 0;
}

/* The directory or zip file given as the script: CPython runs its __main__
 * module (a directory always qualifies; a file if it ends in a zip archive). */
static bool is_importable_path(const char *path) {
    struct stat st;
    if (stat(path, &st) < 0) return false;
    if (S_ISDIR(st.st_mode)) return true;
    if (!S_ISREG(st.st_mode) || st.st_size < 22) return false;
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    /* The end-of-central-directory record sits in the last 64 KiB + 22 bytes. */
    long want = st.st_size < 65557 ? (long)st.st_size : 65557;
    char *b = malloc((size_t)want);
    bool zip = false;
    if (b && fseek(f, -want, SEEK_END) == 0 && fread(b, 1, (size_t)want, f) == (size_t)want)
        for (long i = want - 22; i >= 0 && !zip; i--) zip = memcmp(b + i, "PK\005\006", 4) == 0;
    free(b);
    fclose(f);
    return zip;
}

static int insert_path0(Value p) {
    Value path = sys_get("path");
    if (!p || !path || !list_check(path)) return -1;
    return list_insert(path, 0, p);
}

/* The script's directory, symbolic links resolved, for sys.path[0]. */
static Value script_dir(const char *script) {
    char real[PATH_MAX];
    if (!realpath(script, real)) cli_abspath(script, real, sizeof real);
    char *slash = strrchr(real, '/');
    if (slash) *(slash == real ? slash + 1 : slash) = 0;
    return str_from_cstr(real);
}

static int run_file(const char *script) {
    char abs[PATH_MAX];
    cli_abspath(script, abs, sizeof abs);
    size_t size;
    char *src = read_file(script, &size);
    if (!src) {
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", cfg.program, abs, errno, strerror(errno));
        return 2;
    }
    if (cfg.skip_first_line) {
        /* -x: the first line goes, its newline stays, so line numbers hold. */
        char *nl = memchr(src, '\n', size);
        size_t cut = nl ? (size_t)(nl - src) : size;
        memmove(src, src + cut, size - cut + 1);
        size -= cut;
    }
    /* CPython's set_main_loader: __main__.__loader__ is a SourceFileLoader
     * for the script, once importlib is in place. */
    Value ext = dict_get_cstr(sys_modules_dict, "_frozen_importlib_external");
    Value sfl = ext ? obj_getattr_opt(ext, str_intern_cstr("SourceFileLoader")) : VNULL;
    Value loader = sfl ? obj_call2(sfl, str_intern_cstr("__main__"), str_from_cstr(abs)) : VNULL;
    if (loader) dict_set_cstr(module_dict(main_module()), "__loader__", loader);
    else err_clear();
    int status = run_source(src, size, abs, abs, false);
    free(src);
    return status;
}

/* PYTHONSTARTUP, run in __main__ before the first prompt; its errors are reported. */
static void run_startup(void) {
    if (!cfg.startup) return;
    size_t size;
    char *src = read_file(cfg.startup, &size);
    if (!src) {
        int e = errno;
        fflush(stdout);
        fprintf(stderr, "Could not open PYTHONSTARTUP\n");
        errno = e;
        err_from_errno_filename(&exc_OSError, str_from_cstr(cfg.startup));
        report_uncaught();
        return;
    }
    run_source(src, size, cfg.startup, cfg.startup, true);
    free(src);
}

/* sys.__interactivehook__ (site's: readline, tab completion, history). */
static void run_interactive_hook(void) {
    Value hook = sys_get("__interactivehook__");
    if (!hook || hook == VNone) return;
    if (!obj_call(hook, NULL, 0, VNULL)) report_uncaught();
}

static void print_banner(bool interactive) {
    if (cfg.quiet) return;
    if (!cfg.verbose && (cfg.command || cfg.module || cfg.script || !interactive)) return;
    Value v = sys_get("version");
    fflush(stdout);
    fprintf(stderr, "Python %s on linux\n", v && str_check(v) ? str_data(v) : "3.11");
    if (!cfg.no_site) fprintf(stderr, "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
}

static int run_repl(void) {
    if (!main_module()) return report_uncaught();
    bool exiting = false;
    int status = repl_run(&cfg, &exiting);
    if (exiting) {
        cfg.inspect = 0;
        return report_uncaught();
    }
    return status;
}

int main(int argc, char **argv) {
    cli_parse(&cfg, argc, argv);
    /* Settings the runtime reads as it starts. */
    runtime_optimize = cfg.optimize;
    code_dump_requested = cfg.dump_code;
    import_time_enabled = cfg.import_time;
    extern int import_verbose;
    import_verbose = cfg.verbose;
    extern int io_stdio_unbuffered, io_utf8_mode_config, io_warn_default_encoding, io_dev_mode;
    io_stdio_unbuffered = cfg.unbuffered;
    io_utf8_mode_config = cfg.utf8_mode;
    io_warn_default_encoding = cfg.warn_default_encoding;
    io_dev_mode = cfg.dev_mode;
    extern int codec_check_errors_config;
    codec_check_errors_config = cfg.dev_mode;
    extern long long str_hash_seed_config;
    str_hash_seed_config = cfg.hash_seed_set ? (long long)cfg.hash_seed : -1;
    extern int int_max_str_digits;
    if (cfg.int_max_str_digits >= 0) int_max_str_digits = cfg.int_max_str_digits;
    parse_int_max_str_digits = &int_max_str_digits;
    bool stdin_tty = isatty(0);
    bool stdin_interactive = stdin_tty || cfg.interactive;

    /* sys.argv: the script (or -c / -m), then the remaining arguments. */
    char **sargv = calloc((size_t)cfg.nargs + 2, sizeof(char *));
    if (!sargv) return 1;
    sargv[0] = cfg.command ? "-c" : cfg.module ? "-m" : cfg.script ? (char *)cfg.script : "";
    for (int k = 0; k < cfg.nargs; k++) sargv[k + 1] = cfg.args[k];
    if (runtime_init(cfg.nargs + 1, sargv, argc, argv) < 0) {
        fprintf(stderr, "taipan: start-up failed\n");
        return 1;
    }
    static GetPath where;
    cli_getpath(argv[0], &where);
    if (configure_sys(&where) < 0 || ((cfg.io_encoding || cfg.io_errors) && configure_stdio_encoding() < 0)) {
        report_uncaught();
        return 1;
    }
    extern void signal_install_default_handlers(void);
    signal_install_default_handlers();
    if (cfg.faulthandler) {
        extern void faulthandler_enable_at_startup(void);
        faulthandler_enable_at_startup();
    }
    /* __main__ exists before site runs, as in CPython (rlcompleter imports it). */
    if (!main_module()) {
        report_uncaught();
        return 1;
    }

    if (cfg.nwarnoptions && !import_cstr("warnings")) {
        report_uncaught();
        return 1;
    }
    /* Under TAIPAN_GCSTRESS, site's imports collect every 50th allocation
     * at most: at every one they took 6 s, paid by every test of the stress
     * run; the program itself gets the interval asked for. */
    unsigned stress = gc_stress_floor(GC_STRESS_FLOOR);
    if (!cfg.no_site && !import_cstr("site")) {
        fprintf(stderr, "Fatal Python error: init_import_site: Failed to import the site module\n"
                        "Python runtime state: initialized\n");
        report_uncaught();
        return 1;
    }
    gc_stress = stress;
    print_banner(stdin_interactive);

    int status = 0;
    if (cfg.script && strcmp(cfg.script, "-") != 0 && is_importable_path(cfg.script)) {
        /* A directory or zip file: it goes first on sys.path and its __main__ runs. */
        char abs[PATH_MAX];
        cli_abspath(cfg.script, abs, sizeof abs);
        if (insert_path0(str_from_cstr(abs)) < 0) return report_uncaught();
        /* CPython's pymain_get_importer caches the path's importer: a zip
         * file gets its zipimporter in sys.path_importer_cache. */
        struct stat st;
        if (stat(abs, &st) == 0 && !S_ISDIR(st.st_mode)) {
            Value zi = import_cstr("zipimport");
            Value imp = zi ? obj_call_method(zi, "zipimporter", (Value[]){str_from_cstr(abs)}, 1) : VNULL;
            Value cache = sys_get("path_importer_cache");
            if (!imp || !cache || dict_set(cache, str_from_cstr(abs), imp) < 0) err_clear();
        }
        status = run_module("__main__", false);
    } else if (cfg.command) {
        if (!cfg.safe_path) insert_path0(str_from_cstr(""));
        status = run_source(cfg.command, strlen(cfg.command), "<string>", NULL, false);
    } else if (cfg.module) {
        char cwd[PATH_MAX];
        if (!cfg.safe_path) insert_path0(str_from_cstr(getcwd(cwd, sizeof cwd) ? cwd : ""));
        status = run_module(cfg.module, true);
    } else if (cfg.script && strcmp(cfg.script, "-") != 0) {
        if (!cfg.safe_path) insert_path0(script_dir(cfg.script));
        status = run_file(cfg.script);
    } else {
        if (!cfg.safe_path) insert_path0(str_from_cstr(""));
        if (stdin_interactive) {
            /* The prompt itself: -i has done its job here (CPython clears inspect). */
            cfg.inspect = 0;
            run_startup();
            run_interactive_hook();
        }
        if (system_exit_pending) {
            status = system_exit_status;
        } else if (stdin_interactive) {
            status = run_repl();
        } else {
            size_t size;
            char *src = read_file("/dev/stdin", &size);
            if (!src) {
                fprintf(stderr, "%s: can't read stdin\n", argv[0]);
                return 2;
            }
            status = run_source(src, size, "<stdin>", NULL, false);
            free(src);
        }
    }

    /* -i (or PYTHONINSPECT, looked at again now: the program may set it)
     * after a program: the prompt, even after an exception. */
    if (!cfg.inspect && !cfg.ignore_environment) {
        const char *e = getenv("PYTHONINSPECT");
        if (e && *e) cfg.inspect = 1;
    }
    if (cfg.inspect && stdin_interactive && (cfg.command || cfg.module || cfg.script) && !system_exit_pending) {
        cfg.inspect = 0;
        run_interactive_hook();
        if (!system_exit_pending) status = run_repl() != 0;
    }
    if (system_exit_pending) status = system_exit_status;

    /* Non-daemon threads are waited for, then the atexit module's callbacks
     * run, after the program and its traceback and before the streams are
     * flushed, as in CPython's Py_FinalizeEx; daemon threads then stop at
     * their next attempt to take the GIL. */
    extern void thread_wait_for_shutdown(void), thread_finalize(void);
    thread_wait_for_shutdown();
    extern void atexit_run_exitfuncs(void);
    atexit_run_exitfuncs();
    thread_finalize();
    extern bool sys_finalizing;
    sys_finalizing = true;
    if (sys_flush_std() && status == 0) status = 120;
    /* CPython then tears the modules down, and the objects they held get
     * their __del__ (suspended generators their close()) while everything
     * is still intact; so do they here, oldest first, then the streams are
     * flushed again for what those printed. */
    if (!exit_by_sigint) {
        gc_finalize_all();
        if (sys_flush_std() && status == 0) status = 120;
    }
    fflush(stdout);
    if (exit_by_sigint) {
        fflush(stderr);
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
        status = 130;
    }
    return status;
}
