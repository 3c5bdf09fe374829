/* cli.h - the command line's configuration: what argv and the PYTHON* variables ask for (docs/cli.md). */
#ifndef TAIPAN_CLI_H
#define TAIPAN_CLI_H

#include "../objects/object.h"

#include <stdbool.h>

/*
 * CPython reads its options and environment into a PyConfig before the
 * runtime starts; Taipan does the same with CliConfig, so that the flags a
 * program sees (sys.flags, sys.warnoptions, sys._xoptions, sys.path) come
 * from one place.  cli_parse() fills it from argv and the environment
 * (unless -E/-I) and exits with CPython's messages on bad usage; main.c
 * then starts the runtime and acts on it.
 */
typedef struct CliConfig {
    const char *program;          /* argv[0], as usage messages print it */
    const char *command;          /* -c */
    const char *module;           /* -m */
    const char *script;           /* a file, a directory or zip file, or "-" */
    char **args;                  /* what follows: sys.argv[1:] */
    int nargs;

    int optimize;                 /* -O, PYTHONOPTIMIZE */
    int verbose;                  /* -v, PYTHONVERBOSE */
    int bytes_warning;            /* -b */
    int debug;                    /* -d, PYTHONDEBUG */
    int inspect;                  /* -i, PYTHONINSPECT */
    int interactive;              /* -i */
    int quiet;                    /* -q */
    int isolated;                 /* -I */
    int ignore_environment;       /* -E, -I */
    int no_site;                  /* -S */
    int no_user_site;             /* -s, -I, PYTHONNOUSERSITE */
    int safe_path;                /* -P, -I, PYTHONSAFEPATH */
    int dont_write_bytecode;      /* -B, PYTHONDONTWRITEBYTECODE */
    int unbuffered;               /* -u, PYTHONUNBUFFERED */
    int skip_first_line;          /* -x */
    int dev_mode;                 /* -X dev, PYTHONDEVMODE */
    int utf8_mode;                /* -X utf8, PYTHONUTF8, the C locale */
    int warn_default_encoding;    /* -X warn_default_encoding, PYTHONWARNDEFAULTENCODING */
    int int_max_str_digits;       /* -X int_max_str_digits, PYTHONINTMAXSTRDIGITS; -1 = default */
    int import_time;              /* -X importtime, PYTHONPROFILEIMPORTTIME */
    int faulthandler;             /* -X faulthandler, PYTHONFAULTHANDLER */
    int show_version;             /* -V (2: -VV) */
    int show_help;                /* -h; 2 --help-env, 3 --help-xoptions, 4 --help-all */
    int dump_code;                /* -X dis (Taipan's own) */
    int hash_seed_set;            /* PYTHONHASHSEED=N (not "random") */
    unsigned long hash_seed;
    const char *check_hash_pycs;  /* --check-hash-based-pycs */
    const char *pycache_prefix;   /* -X pycache_prefix, PYTHONPYCACHEPREFIX */
    const char *io_encoding;      /* PYTHONIOENCODING: encoding part, or NULL */
    const char *io_errors;        /* PYTHONIOENCODING: errors part, or NULL */
    const char *pythonpath;       /* PYTHONPATH */
    const char *home;             /* PYTHONHOME */
    const char *startup;          /* PYTHONSTARTUP */
    const char *platlibdir;       /* PYTHONPLATLIBDIR */

    /* sys.warnoptions in order: -X dev, PYTHONWARNINGS, -W, -b. */
    const char **warnoptions;
    int nwarnoptions;
    /* -X options in order, as given ("name" or "name=value"). */
    const char **xoptions;
    int nxoptions;
} CliConfig;

/* Fill cfg from argv and the environment; exits (status 0 for -h/-V,
 * 2 for bad usage, 1 for a fatal configuration error) when that is the
 * answer, as CPython does. */
void cli_parse(CliConfig *cfg, int argc, char **argv);
/* The version line of -V (and -VV). */
void cli_print_version(int level);
/* -h and the --help-* pages; exits 0. */
void cli_print_help(const CliConfig *cfg);
/* A "Fatal Python error: FUNC: MSG" exit, as CPython's configuration errors. */
void cli_fatal(const char *func, const char *msg);

/* Where the interpreter is (cli/getpath.c). */
typedef struct GetPath {
    char executable[4096];       /* sys.executable: absolute, links kept */
    char base_executable[4096];  /* sys._base_executable: the real one in a venv */
    char lib_dir[4096];          /* Taipan's own lib/ on sys.path */
} GetPath;
void cli_getpath(const char *argv0, GetPath *out);
/* An absolute path without resolving symbolic links (CPython's _Py_abspath). */
void cli_abspath(const char *p, char *out, size_t size);

/* sys.flags as CPython's struct sequence, from cfg (cli/flags.c). */
Value cli_make_flags(const CliConfig *cfg);

/* The interactive prompt over stdin (cli/repl.c): reads, compiles and runs
 * statements in __main__ until end of input; returns the exit status (a
 * SystemExit inside ends the process through *exiting). */
int repl_run(const CliConfig *cfg, bool *exiting);
/* Set by the readline module when imported: read one line with editing
 * (malloc'ed, without its newline), NULL at end of input, or NULL with an
 * exception (KeyboardInterrupt) set.  *eof tells end of input apart. */
extern char *(*repl_readline_hook)(const char *prompt, bool *eof);

#endif
