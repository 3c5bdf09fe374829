/* getpath.c - where Taipan is: sys.executable, sys._base_executable and Taipan's own lib/ (docs/cli.md). */
#include "cli.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * CPython's getpath decides these before the runtime starts; Taipan's
 * answers:
 * - sys.executable: argv[0] made absolute, or found on PATH, symbolic links
 *   kept: a venv's bin/python is a link to the interpreter and must stay
 *   itself, or site would not find the venv's pyvenv.cfg.
 * - sys._base_executable: in a venv (a pyvenv.cfg beside the executable or
 *   one directory up, as site looks for it) the real interpreter the link
 *   leads to, as CPython reports its home's python3.11; else the executable.
 * - Taipan's own lib/: found from the real executable, so an installed
 *   Taipan runs from anywhere: PREFIX/bin/taipan uses PREFIX/lib/taipan
 *   (what `make install` makes); otherwise the source tree's lib/, fixed at
 *   build time.
 * sys.prefix stays the base installation's here: site moves sys.prefix and
 * sys.exec_prefix to the venv, and reads include-system-site-packages.
 */

void cli_abspath(const char *p, char *out, size_t size) {
    char cwd[PATH_MAX];
    size_t n;
    if (p[0] != '/' && getcwd(cwd, sizeof cwd) && (n = strlen(cwd)) + 1 < size) {
        /* Too long a result keeps the path as given rather than a cut one. */
        const char *rel = p[0] == '.' && p[1] == '/' ? p + 2 : p;
        if (n + 1 + strlen(rel) < size) {
            memcpy(out, cwd, n);
            out[n] = '/';
            strcpy(out + n + 1, rel);
            return;
        }
    }
    snprintf(out, size, "%s", p);
}

static void find_executable(const char *argv0, char *out, size_t size) {
    if (strchr(argv0, '/')) {
        cli_abspath(argv0, out, size);
        return;
    }
    const char *path = getenv("PATH");
    while (path && *path) {
        const char *colon = strchr(path, ':');
        size_t n = colon ? (size_t)(colon - path) : strlen(path);
        char cand[PATH_MAX];
        snprintf(cand, sizeof cand, "%.*s/%s", (int)n, n ? path : ".", argv0);
        if (access(cand, X_OK) == 0) {
            cli_abspath(cand, out, size);
            return;
        }
        path += n + (colon ? 1 : 0);
        if (!colon) break;
    }
    ssize_t el = readlink("/proc/self/exe", out, size - 1);
    out[el < 0 ? 0 : el] = 0;
}

static bool is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Cut the last component off p (in place); false when there is none. */
static bool dirname_in_place(char *p) {
    char *slash = strrchr(p, '/');
    if (!slash) return false;
    *(slash == p ? slash + 1 : slash) = 0;
    return true;
}

static bool in_venv(const char *exe) {
    char dir[PATH_MAX], cfg[PATH_MAX + 16];
    snprintf(dir, sizeof dir, "%s", exe);
    for (int up = 0; up < 2 && dirname_in_place(dir); up++) {
        snprintf(cfg, sizeof cfg, "%s/pyvenv.cfg", dir);
        if (is_file(cfg)) return true;
    }
    return false;
}

void cli_getpath(const char *argv0, GetPath *out) {
    find_executable(argv0, out->executable, sizeof out->executable);
    char real[PATH_MAX];
    if (!realpath(out->executable, real)) snprintf(real, sizeof real, "%s", out->executable);
    snprintf(out->base_executable, sizeof out->base_executable, "%s",
             in_venv(out->executable) ? real : out->executable);
    /* PREFIX/bin/taipan -> PREFIX/lib/taipan */
    char prefix[PATH_MAX];
    snprintf(prefix, sizeof prefix, "%s", real);
    if (dirname_in_place(prefix) && dirname_in_place(prefix)) {
        int n = snprintf(out->lib_dir, sizeof out->lib_dir, "%s/lib/taipan", strcmp(prefix, "/") ? prefix : "");
        if (n > 0 && (size_t)n < sizeof out->lib_dir && is_dir(out->lib_dir)) return;
    }
    snprintf(out->lib_dir, sizeof out->lib_dir, "%s", TAIPAN_LIB_DIR);
}
