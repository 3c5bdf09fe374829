/* main.c - the taipan command line: a script, -c, -m or stdin; tracebacks and exit codes as CPython's. */
#include "base/common.h"
#include "objects/type.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/exceptions.h"
#include "compiler/compile.h"
#include "vm/frame.h"
#include "vm/error.h"
#include "vm/import.h"
#include "gc/gc.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

extern int runtime_init(int argc, char **argv, int orig_argc, char **orig_argv);
extern int runtime_optimize;
extern Value builtins_dict, sys_modules_dict;
extern Value sys_get(const char *name);
extern int sys_set_paths(const char *executable, Value path_list);
extern int sys_flush_std(void);
extern char *read_file(const char *path, size_t *size);
extern void exc_print(Value e);

static const char *progname = "taipan";

static void usage_error(const char *msg) {
    if (msg) fprintf(stderr, "%s\n", msg);
    fprintf(stderr, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", progname);
    fprintf(stderr, "Try `taipan -h' for more information.\n");
    exit(2);
}

static void help(void) {
    printf("usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", progname);
    printf("Options (Taipan, a Python 3.11 implementation):\n"
           "-c cmd : program passed in as string (terminates option list)\n"
           "-m mod : run library module as a script (terminates option list)\n"
           "-O     : remove assert and __debug__-dependent statements\n"
           "-OO    : do -O changes and also discard docstrings\n"
           "-u     : force the stdout and stderr streams to be unbuffered\n"
           "-E, -s, -S, -I, -B, -q : accepted for compatibility with python3\n"
           "-X dis : print the bytecode of the main program before running it\n"
           "-V     : print the version number and exit (also --version)\n"
           "-h     : print this help message and exit (also --help)\n"
           "file   : program read from script file\n"
           "-      : program read from stdin (default; interactive mode if a tty)\n");
    exit(0);
}

/* sys.path: the script's directory, Taipan's lib/, PYTHONPATH, CPython's stdlib. */
static Value build_path(const char *script_dir, bool ignore_env) {
    Value l = list_new(0);
    if (!l) return VNULL;
    list_append(l, str_from_cstr(script_dir));
    list_append(l, str_from_cstr(TAIPAN_LIB_DIR));
    const char *pp = ignore_env ? NULL : getenv("PYTHONPATH");
    if (pp && *pp) {
        const char *p = pp;
        while (*p) {
            const char *colon = strchr(p, ':');
            size_t n = colon ? (size_t)(colon - p) : strlen(p);
            if (n) list_append(l, str_new(p, n));
            p += n + (colon ? 1 : 0);
            if (!colon) break;
        }
    }
    list_append(l, str_from_cstr(TAIPAN_STDLIB_DIR));
    list_append(l, str_from_cstr("/usr/lib/python3/dist-packages"));
    return l;
}

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

/* Report the pending exception the way an uncaught one is reported; return the exit status. */
/* An uncaught KeyboardInterrupt ends the process by SIGINT, as CPython
 * does, so the shell sees "killed by Ctrl-C" (status 130). */
static bool exit_by_sigint;

static int report_uncaught(void) {
    Value e = err_fetch();
    if (!e) return 0;
    if (val_isinstance(e, &exc_SystemExit)) return handle_system_exit(e);
    if (val_isinstance(e, &exc_KeyboardInterrupt)) exit_by_sigint = true;
    Value hook = sys_get("excepthook");
    if (hook && hook != VNone) {
        Value tb = ((ExceptionObject *)e)->traceback;
        Value args[3] = {obj_val(val_type(e)), e, tb ? tb : VNone};
        if (!obj_call(hook, args, 3, VNULL)) {
            Value e2 = err_fetch();
            if (val_isinstance(e2, &exc_SystemExit)) return handle_system_exit(e2);
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
static Value main_module(const char *file_attr) {
    Value m = dict_get_cstr(sys_modules_dict, "__main__");
    if (m) return m;
    m = module_new_cstr("__main__");
    if (!m) return VNULL;
    Value d = module_dict(m);
    dict_set_cstr(sys_modules_dict, "__main__", m);
    dict_set_cstr(d, "__builtins__", dict_get_cstr(sys_modules_dict, "builtins"));
    if (file_attr) {
        dict_set_cstr(d, "__file__", str_from_cstr(file_attr));
        dict_set_cstr(d, "__cached__", VNone);
    }
    return m;
}

/* -m: runpy._run_module_as_main(name, True), as CPython's pymain_run_module. */
static int run_module(const char *name) {
    if (!main_module(NULL)) return report_uncaught();
    extern Value import_module(Value name);
    Value runpy = import_module(str_intern_cstr("runpy"));
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
    Value r = n ? obj_call2(fn, n, VTrue) : VNULL;
    return r ? 0 : report_uncaught();
}

static int run_code(Value code, Value filename, const char *file_attr) {
    Value m = main_module(file_attr);
    if (!m) return report_uncaught();
    Value d = module_dict(m);
    extern int code_dump_requested;
    if (code_dump_requested) code_disassemble((CodeObject *)code, stderr);
    Value r = interp_eval_code((CodeObject *)code, d, d);
    (void)filename;
    return r ? 0 : report_uncaught();
}

int code_dump_requested;

int main(int argc, char **argv) {
    const char *command = NULL, *module = NULL, *script = NULL, *pycache_prefix = NULL;
    bool unbuffered = false, ignore_env = false, dont_write_bytecode = false;
    int i;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--version") == 0) {
            printf("Python 3.11.2 (Taipan 0.1)\n");
            return 0;
        }
        if (strcmp(a, "--help") == 0) help();
        if (a[1] == '-') {
            fprintf(stderr, "unknown option %s\n", a);
            usage_error(NULL);
        }
        for (const char *p = a + 1; *p; p++) {
            switch (*p) {
            case 'c':
            case 'm': {
                const char *arg = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!arg) {
                    fprintf(stderr, "Argument expected for the -%c option\n", *p);
                    usage_error(NULL);
                }
                if (*p == 'c') command = arg;
                else module = arg;
                goto options_done;
            }
            case 'X':
            case 'W': {
                const char *arg = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!arg) {
                    fprintf(stderr, "Argument expected for the -%c option\n", *p);
                    usage_error(NULL);
                }
                if (*p == 'X' && strcmp(arg, "dis") == 0) code_dump_requested = 1;
                if (*p == 'X' && strncmp(arg, "pycache_prefix=", 15) == 0) pycache_prefix = arg + 15;
                if (*p == 'X' && strcmp(arg, "importtime") == 0) import_time_enabled = 1;
                goto next_arg;
            }
            case 'O': runtime_optimize++; break;
            case 'u': unbuffered = true; break;
            case 'E': case 'I': ignore_env = true; break;
            case 'B': dont_write_bytecode = true; break;
            case 's': case 'S': case 'q': case 'v': case 'd': case 'b': case 'i': case 'P': case 'R': break;
            case 'V':
                printf("Python 3.11.2\n");
                return 0;
            case 'h': case '?': help(); break;
            default:
                fprintf(stderr, "Unknown option: -%c\n", *p);
                usage_error(NULL);
            }
        }
    next_arg:;
    }
options_done:
    if (command || module) i++;
    else if (i < argc) script = argv[i++];
    /* sys.argv: the script (or -c / -m), then the remaining arguments. */
    int nrest = argc - i;
    char **sargv = calloc((size_t)nrest + 2, sizeof(char *));
    if (!sargv) return 1;
    sargv[0] = command ? "-c" : module ? "-m" : script ? (char *)script : "";
    for (int k = 0; k < nrest; k++) sargv[k + 1] = argv[i + k];
    /* -u, or PYTHONUNBUFFERED unless -E: the standard streams (src/modules/io_module.c) */
    extern int io_stdio_unbuffered;
    io_stdio_unbuffered = unbuffered ? 1 : ignore_env ? 0 : -1;
    char exe[PATH_MAX];
    ssize_t el = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (el < 0) el = 0;
    exe[el] = 0;
    if (runtime_init(nrest + 1, sargv, argc, argv) < 0) {
        fprintf(stderr, "taipan: start-up failed\n");
        return 1;
    }
    /* The bytecode cache's switches (docs/import.md). */
    if (!ignore_env) {
        const char *e = getenv("PYTHONDONTWRITEBYTECODE");
        if (e && *e) dont_write_bytecode = true;
        e = getenv("PYTHONPYCACHEPREFIX");
        if (!pycache_prefix && e && *e) pycache_prefix = e;
        e = getenv("PYTHONPROFILEIMPORTTIME");
        if (e && *e) import_time_enabled = 1;
    }
    if (dont_write_bytecode) {
        extern Value sys_module;
        module_add(sys_module, "dont_write_bytecode", VTrue);
        Value flags = sys_get("flags");
        if (flags) obj_setattr_cstr(flags, "dont_write_bytecode", val_from_int(1));
    }
    if (pycache_prefix) {
        extern Value sys_module;
        char abs[PATH_MAX];
        if (pycache_prefix[0] != '/' && getcwd(abs, sizeof abs)) {
            size_t l = strlen(abs);
            snprintf(abs + l, sizeof abs - l, "/%s", pycache_prefix);
        } else {
            snprintf(abs, sizeof abs, "%s", pycache_prefix);
        }
        module_add(sys_module, "pycache_prefix", str_from_cstr(abs));
    }
    extern void signal_install_default_handlers(void);
    signal_install_default_handlers();
    int status;
    if (command) {
        sys_set_paths(exe, build_path("", ignore_env));
        size_t n = strlen(command);
        Value code = compile_source(command, n, str_intern_cstr("<string>"), COMPILE_EXEC, 0, runtime_optimize);
        status = code ? run_code(code, str_intern_cstr("<string>"), NULL) : report_uncaught();
    } else if (module) {
        char cwd[PATH_MAX];
        sys_set_paths(exe, build_path(getcwd(cwd, sizeof cwd) ? cwd : "", ignore_env));
        status = run_module(module);
    } else {
        size_t size;
        char *src;
        Value filename;
        char abspath[PATH_MAX];
        const char *file_attr = NULL;
        if (script && strcmp(script, "-") != 0) {
            if (!realpath(script, abspath)) snprintf(abspath, sizeof abspath, "%s", script);
            src = read_file(script, &size);
            if (!src) {
                fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", argv[0], abspath, errno, strerror(errno));
                return 2;
            }
            char dir[PATH_MAX];
            snprintf(dir, sizeof dir, "%s", abspath);
            char *slash = strrchr(dir, '/');
            if (slash) *slash = 0;
            sys_set_paths(exe, build_path(dir, ignore_env));
            filename = str_from_cstr(abspath);
            file_attr = abspath;
        } else {
            src = read_file("/dev/stdin", &size);
            if (!src) {
                fprintf(stderr, "%s: can't read stdin\n", argv[0]);
                return 2;
            }
            sys_set_paths(exe, build_path("", ignore_env));
            filename = str_intern_cstr("<stdin>");
        }
        Value code = compile_source(src, size, filename, COMPILE_EXEC, 0, runtime_optimize);
        free(src);
        status = code ? run_code(code, filename, file_attr) : report_uncaught();
    }
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
    fflush(stdout);
    if (exit_by_sigint) {
        fflush(stderr);
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
        status = 130;
    }
    return status;
}
