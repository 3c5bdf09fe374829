/* args.c - the command line and the PYTHON* variables read into a CliConfig, with CPython 3.11's usage errors. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TAIPAN_VERSION "0.1"

/* CPython's short options; a colon marks one that takes an argument. */
static const char short_opts[] = "bBc:dEhiIJm:OPqRsStuvVW:xX:?";

static void usage_exit(const CliConfig *cfg) {
    fprintf(stderr, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", cfg->program);
    fprintf(stderr, "Try `python -h' for more information.\n");
    exit(2);
}

void cli_fatal(const char *func, const char *msg) {
    fflush(stdout);
    /* CPython reads the UTF-8 mode a step earlier than the rest. */
    const char *state = strstr(func, "utf8") ? "preinitializing" : "preinitialized";
    fprintf(stderr, "Fatal Python error: %s: %s\nPython runtime state: %s\n\n", func, msg, state);
    exit(1);
}

void cli_print_version(int level) {
    if (level >= 2) printf("Python 3.11.2 (Taipan " TAIPAN_VERSION ", " __DATE__ ") [GCC " __VERSION__ "]\n");
    else printf("Python 3.11.2 (Taipan " TAIPAN_VERSION ")\n");
    exit(0);
}

/* The help pages list CPython 3.11's options in its order and layout, in
 * Taipan's words; what Taipan does differently is said where it matters. */
static const char help_options[] =
    "Options (and corresponding environment variables):\n"
    "-b     : warn about str() of bytes/bytearray and comparing them with str\n"
    "         (-bb: make those warnings errors)\n"
    "-B     : do not write .pyc files when importing; also PYTHONDONTWRITEBYTECODE=x\n"
    "-c cmd : run the program given as a string (ends the option list)\n"
    "-d     : parser debugging output (accepted; Taipan prints none); also PYTHONDEBUG=x\n"
    "-E     : ignore the PYTHON* environment variables (such as PYTHONPATH)\n"
    "-h     : print this help and exit (also -? or --help)\n"
    "-i     : after the script, enter the interactive prompt, even when stdin\n"
    "         is not a terminal; also PYTHONINSPECT=x\n"
    "-I     : isolated mode: implies -E, -P and -s\n"
    "-m mod : run a library module as the main program (ends the option list)\n"
    "-O     : drop assert statements and code that depends on __debug__; cached\n"
    "         bytecode gets .opt-1 in its name; also PYTHONOPTIMIZE=x\n"
    "-OO    : like -O, and also drop docstrings (.opt-2)\n"
    "-P     : do not put the script's directory (or the current one) first on sys.path\n"
    "-q     : no version and copyright lines when the prompt starts\n"
    "-s     : do not add the user's site directory to sys.path; also PYTHONNOUSERSITE\n"
    "-S     : do not import the site module at start-up\n"
    "-u     : unbuffered stdout and stderr (stdin is unaffected);\n"
    "         also PYTHONUNBUFFERED=x\n"
    "-v     : verbose: report imports; also PYTHONVERBOSE=x\n"
    "         (repeat it for more detail)\n"
    "-V     : print the version and exit (also --version);\n"
    "         twice for more detail about the build\n"
    "-W arg : a warnings filter, action:message:category:module:lineno;\n"
    "         also PYTHONWARNINGS=arg\n"
    "-x     : skip the first line of the source (for non-Unix #! forms)\n"
    "-X opt : an implementation-specific option (see --help-xoptions)\n"
    "--check-hash-based-pycs always|default|never:\n"
    "         how hash-based .pyc files are checked against their source\n"
    "--help-env      : describe the environment variables and exit\n"
    "--help-xoptions : describe the -X options and exit\n"
    "--help-all      : print all of the help and exit\n"
    "Arguments:\n"
    "file   : the program, read from a script file (or a directory or zip file\n"
    "         holding __main__.py)\n"
    "-      : the program, read from stdin (the default; interactive on a terminal)\n"
    "arg ...: arguments for the program, in sys.argv[1:]\n";

static const char help_xoptions[] =
    "The -X options:\n"
    "-X dev: development mode: more run-time checks and warnings shown by default;\n"
    "        also PYTHONDEVMODE=x\n"
    "-X faulthandler: dump the Python traceback on a fatal signal (faulthandler);\n"
    "        also PYTHONFAULTHANDLER=x\n"
    "-X importtime: print how long each import takes; also PYTHONPROFILEIMPORTTIME=x\n"
    "-X int_max_str_digits=N: the limit on digits in int/str conversions\n"
    "        (0: none); also PYTHONINTMAXSTRDIGITS=N\n"
    "-X pycache_prefix=DIR: write .pyc files under DIR, not beside the source;\n"
    "        also PYTHONPYCACHEPREFIX=DIR\n"
    "-X utf8[=0|1]: UTF-8 mode on (or off); also PYTHONUTF8=1|0\n"
    "-X warn_default_encoding: an EncodingWarning when open() and friends use\n"
    "        the locale's encoding; also PYTHONWARNDEFAULTENCODING=x\n"
    "-X tracemalloc, -X showrefcount, -X frozen_modules, -X no_debug_ranges:\n"
    "        accepted and shown in sys._xoptions; no effect in Taipan\n"
    "Taipan's own:\n"
    "-X dis: print the main program's bytecode to stderr before running it\n";

static const char help_env[] =
    "Environment variables:\n"
    "PYTHONSTARTUP: a file run before the first prompt of an interactive session\n"
    "PYTHONPATH   : ':'-separated directories put before the standard library\n"
    "               on sys.path\n"
    "PYTHONHOME   : where the standard library is (PREFIX/lib/python3.11);\n"
    "               PREFIX:EXEC_PREFIX sets both prefixes\n"
    "PYTHONPLATLIBDIR: sys.platlibdir (default 'lib')\n"
    "PYTHONCASEOK : accepted (case-insensitive imports are for Windows)\n"
    "PYTHONUTF8   : 1 turns UTF-8 mode on, 0 off\n"
    "PYTHONIOENCODING: encoding[:errors] of stdin, stdout and stderr\n"
    "PYTHONFAULTHANDLER, PYTHONHASHSEED (random, or 0 to 4294967295 for a\n"
    "               fixed string hash), PYTHONINTMAXSTRDIGITS, PYTHONSAFEPATH,\n"
    "PYTHONDEVMODE, PYTHONPYCACHEPREFIX, PYTHONWARNDEFAULTENCODING,\n"
    "PYTHONPROFILEIMPORTTIME, PYTHONBREAKPOINT: as the options above\n"
    "TAIPAN_GCSTRESS=1: collect garbage at every allocation (testing)\n";

void cli_print_help(const CliConfig *cfg) {
    printf("usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", cfg->program);
    if (cfg->show_help == 1 || cfg->show_help == 4) fputs(help_options, stdout);
    if (cfg->show_help >= 2) {
        if (cfg->show_help == 4) fputs("\n", stdout);
        if (cfg->show_help != 3) fputs(help_env, stdout);
        if (cfg->show_help == 4) fputs("\n", stdout);
        if (cfg->show_help != 2) fputs(help_xoptions, stdout);
    }
    exit(0);
}

/* A PYTHON* variable, unless -E; empty counts as unset, as in CPython. */
static const char *env(const CliConfig *cfg, const char *name) {
    if (cfg->ignore_environment) return NULL;
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

/* A numeric flag variable: its value if a non-negative integer, else 1. */
static void env_flag(const CliConfig *cfg, int *flag, const char *name) {
    const char *v = env(cfg, name);
    if (!v) return;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (*end || errno || n < 0 || n > 1000) n = 1;
    if (*flag < n) *flag = (int)n;
}

static void push(const char ***list, int *n, const char *s) {
    const char **l = realloc(*list, sizeof(char *) * (size_t)(*n + 1));
    if (!l) cli_fatal("cli_parse", "out of memory");
    l[(*n)++] = s;
    *list = l;
}

/* int_max_str_digits: 0, or at least 640 (sys.int_info.str_digits_check_threshold). */
static int parse_int_digits(const char *s) {
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (!*s || *end || errno || (n != 0 && n < 640) || n > 0x7fffffff || n < 0) return -2;
    return (int)n;
}

static void apply_xoption(CliConfig *cfg, const char *x) {
    const char *eq = strchr(x, '=');
    size_t n = eq ? (size_t)(eq - x) : strlen(x);
#define IS(name) (n == sizeof(name) - 1 && memcmp(x, name, n) == 0)
    if (IS("dev")) cfg->dev_mode = 1;
    else if (IS("importtime")) cfg->import_time = 1;
    else if (IS("faulthandler")) cfg->faulthandler = 1;
    else if (IS("warn_default_encoding")) cfg->warn_default_encoding = 1;
    else if (IS("dis")) cfg->dump_code = 1;
    else if (IS("pycache_prefix")) cfg->pycache_prefix = eq ? eq + 1 : NULL;
    else if (IS("utf8")) {
        if (!eq) cfg->utf8_mode = 1;
        else if (strcmp(eq + 1, "1") == 0) cfg->utf8_mode = 1;
        else if (strcmp(eq + 1, "0") == 0) cfg->utf8_mode = 0;
        else cli_fatal("preconfig_init_utf8_mode", "invalid -X utf8 option value");
    } else if (IS("int_max_str_digits")) {
        int d = eq ? parse_int_digits(eq + 1) : -2;
        if (d == -2)
            cli_fatal("config_init_int_max_str_digits",
                      "-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.");
        cfg->int_max_str_digits = d;
    }
#undef IS
}

void cli_parse(CliConfig *cfg, int argc, char **argv) {
    memset(cfg, 0, sizeof *cfg);
    cfg->program = argc > 0 ? argv[0] : "taipan";
    cfg->utf8_mode = -1;
    cfg->int_max_str_digits = -1;
    const char **wopts = NULL;
    int nw = 0;
    int i = 1;
    /* One pass over the options, as CPython's getopt: nothing acts until all are read. */
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == 0) break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[1] == '-') {
            const char *l = a + 2;
            if (strcmp(l, "help") == 0) cfg->show_help = 1;
            else if (strcmp(l, "version") == 0) cfg->show_version++;
            else if (strcmp(l, "help-env") == 0) cfg->show_help = 2;
            else if (strcmp(l, "help-xoptions") == 0) cfg->show_help = 3;
            else if (strcmp(l, "help-all") == 0) cfg->show_help = 4;
            else if (strcmp(l, "check-hash-based-pycs") == 0) {
                if (i + 1 >= argc) {
                    fprintf(stderr, "Argument expected for the --check-hash-based-pycs options\n");
                    usage_exit(cfg);
                }
                const char *v = argv[++i];
                if (strcmp(v, "default") && strcmp(v, "always") && strcmp(v, "never")) {
                    fprintf(stderr, "--check-hash-based-pycs must be one of 'default', 'always', or 'never'\n");
                    usage_exit(cfg);
                }
                cfg->check_hash_pycs = v;
            } else {
                fprintf(stderr, "unknown option %s\n", a);
                usage_exit(cfg);
            }
            continue;
        }
        for (const char *p = a + 1; *p; p++) {
            const char *spec = *p == ':' ? NULL : strchr(short_opts, *p);
            if (*p == 'J') {
                fprintf(stderr, "-J is reserved for Jython\n");
                usage_exit(cfg);
            }
            if (!spec) {
                fprintf(stderr, "Unknown option: -%c\n", *p);
                usage_exit(cfg);
            }
            if (spec[1] == ':') {
                const char *arg = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!arg) {
                    fprintf(stderr, "Argument expected for the -%c option\n", *p);
                    usage_exit(cfg);
                }
                switch (*p) {
                case 'c': cfg->command = arg; goto options_done;
                case 'm': cfg->module = arg; goto options_done;
                case 'W': push(&wopts, &nw, arg); break;
                case 'X': push(&cfg->xoptions, &cfg->nxoptions, arg); break;
                }
                break;
            }
            switch (*p) {
            case 'b': cfg->bytes_warning++; break;
            case 'B': cfg->dont_write_bytecode = 1; break;
            case 'd': cfg->debug++; break;
            case 'E': cfg->ignore_environment = 1; break;
            case 'h': case '?': cfg->show_help = 1; break;
            case 'i': cfg->inspect = 1; cfg->interactive = 1; break;
            case 'I': cfg->isolated = 1; cfg->ignore_environment = 1; cfg->no_user_site = 1; cfg->safe_path = 1; break;
            case 'O': cfg->optimize++; break;
            case 'P': cfg->safe_path = 1; break;
            case 'q': cfg->quiet = 1; break;
            case 'R': break; /* hash randomization is always on, as in CPython 3 */
            case 's': cfg->no_user_site = 1; break;
            case 'S': cfg->no_site = 1; break;
            case 't': break; /* an obsolete no-op, kept by CPython */
            case 'u': cfg->unbuffered = 1; break;
            case 'v': cfg->verbose++; break;
            case 'V': cfg->show_version++; break;
            case 'x': cfg->skip_first_line = 1; break;
            }
        }
    }
options_done:
    if (cfg->command || cfg->module) i++;
    else if (i < argc) cfg->script = argv[i++];
    cfg->args = argv + i;
    cfg->nargs = argc - i;
    if (cfg->show_help) cli_print_help(cfg);
    if (cfg->show_version) cli_print_version(cfg->show_version);

    /* The environment (not under -E or -I). */
    env_flag(cfg, &cfg->optimize, "PYTHONOPTIMIZE");
    env_flag(cfg, &cfg->verbose, "PYTHONVERBOSE");
    env_flag(cfg, &cfg->debug, "PYTHONDEBUG");
    env_flag(cfg, &cfg->inspect, "PYTHONINSPECT");
    env_flag(cfg, &cfg->dont_write_bytecode, "PYTHONDONTWRITEBYTECODE");
    env_flag(cfg, &cfg->no_user_site, "PYTHONNOUSERSITE");
    env_flag(cfg, &cfg->unbuffered, "PYTHONUNBUFFERED");
    if (env(cfg, "PYTHONSAFEPATH")) cfg->safe_path = 1;
    if (env(cfg, "PYTHONDEVMODE")) cfg->dev_mode = 1;
    if (env(cfg, "PYTHONFAULTHANDLER")) cfg->faulthandler = 1;
    if (env(cfg, "PYTHONPROFILEIMPORTTIME")) cfg->import_time = 1;
    if (env(cfg, "PYTHONWARNDEFAULTENCODING")) cfg->warn_default_encoding = 1;
    const char *v;
    if ((v = env(cfg, "PYTHONUTF8"))) {
        if (strcmp(v, "1") == 0) cfg->utf8_mode = 1;
        else if (strcmp(v, "0") == 0) cfg->utf8_mode = 0;
        else cli_fatal("preconfig_init_utf8_mode", "invalid PYTHONUTF8 environment variable value");
    }
    if ((v = env(cfg, "PYTHONINTMAXSTRDIGITS"))) {
        int d = parse_int_digits(v);
        if (d == -2)
            cli_fatal("config_init_int_max_str_digits",
                      "PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 or 0 for unlimited.");
        cfg->int_max_str_digits = d;
    }
    if ((v = env(cfg, "PYTHONHASHSEED")) && strcmp(v, "random") != 0) {
        char *end;
        errno = 0;
        unsigned long long s = strtoull(v, &end, 10);
        if (*end || errno || s > 4294967295ull || v[0] == '-')
            cli_fatal("config_init_hash_seed",
                      "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]");
        cfg->hash_seed_set = 1;
        cfg->hash_seed = (unsigned long)s;
    }
    cfg->pythonpath = env(cfg, "PYTHONPATH");
    cfg->home = env(cfg, "PYTHONHOME");
    cfg->startup = env(cfg, "PYTHONSTARTUP");
    cfg->platlibdir = env(cfg, "PYTHONPLATLIBDIR");
    if ((v = env(cfg, "PYTHONIOENCODING"))) {
        const char *colon = strchr(v, ':');
        if (colon) {
            cfg->io_encoding = colon > v ? strndup(v, (size_t)(colon - v)) : NULL;
            cfg->io_errors = colon[1] ? colon + 1 : NULL;
        } else {
            cfg->io_encoding = v;
        }
    }
    if ((v = env(cfg, "PYTHONPYCACHEPREFIX"))) cfg->pycache_prefix = v;
    /* -X options win over the environment, as in CPython. */
    for (int k = 0; k < cfg->nxoptions; k++) apply_xoption(cfg, cfg->xoptions[k]);
    if (cfg->dev_mode) cfg->faulthandler = 1;

    /* sys.warnoptions, lowest priority first (warnings.py inserts each at the front). */
    if (cfg->dev_mode) push(&cfg->warnoptions, &cfg->nwarnoptions, "default");
    if ((v = env(cfg, "PYTHONWARNINGS"))) {
        char *copy = strdup(v), *save = NULL;
        for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
            push(&cfg->warnoptions, &cfg->nwarnoptions, t);
    }
    for (int k = 0; k < nw; k++) push(&cfg->warnoptions, &cfg->nwarnoptions, wopts[k]);
    free(wopts);
    if (cfg->bytes_warning)
        push(&cfg->warnoptions, &cfg->nwarnoptions, cfg->bytes_warning > 1 ? "error::BytesWarning" : "default::BytesWarning");
}
