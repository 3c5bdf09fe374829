/* posix.c - the posix module: set-up, constants, environ, and the helpers in os_util.h (paths, arguments, errors). */
#include "os_util.h"
#include "signal.h"
#include "structseq.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <sysexits.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/statvfs.h>
#include <sys/xattr.h>
#include <linux/limits.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * The module is split by concern: this file sets it up and holds the
 * shared helpers; posix_fs.c has the file system (stat, directories,
 * links, scandir), posix_io.c the descriptor calls (open, read, pipe...),
 * posix_proc.c processes (ids, fork, exec, wait, kill), posix_sys.c the
 * system queries (uname, sysconf, urandom, terminal size...).  Each
 * exports a MethodDef table and an init function that adds its types.
 */

/* ---- Paths ---- */

Value os_fspath(Value v) {
    if (str_check(v) || bytes_check(v)) return v;
    Value m = type_lookup_cstr(val_type(v), "__fspath__");
    if (!m || m == VNone) {
        err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(v));
        return VNULL;
    }
    Value r = obj_call_method(v, "__fspath__", NULL, 0);
    if (!r) return VNULL;
    if (!str_check(r) && !bytes_check(r)) {
        err_format(&exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s", type_name(v),
                   type_name(r));
        return VNULL;
    }
    return r;
}

static Value encode_str(Value s) {
    return str_encode(s, "utf-8", "surrogateescape");
}

Value os_fsencode(Value v, const char *fname) {
    Value p = os_fspath(v);
    if (!p) return VNULL;
    Value b = str_check(p) ? encode_str(p) : p;
    if (!b) return VNULL;
    if (memchr(bytes_data(b), 0, (size_t)bytes_size(b))) {
        err_set(&exc_ValueError, "embedded null byte");
        return VNULL;
    }
    return b;
}

Value os_fsdecode(const char *s, size_t n, bool as_bytes) {
    if (as_bytes) return bytes_new(s, n);
    return str_decode_utf8(s, n, "surrogateescape");
}

static void path_type_error(const char *fname, const char *argname, int flags, Value v) {
    const char *allowed;
    if ((flags & PATH_ALLOW_FD) && (flags & PATH_NULLABLE)) allowed = "string, bytes, os.PathLike, integer or None";
    else if (flags & PATH_ALLOW_FD) allowed = "string, bytes, os.PathLike or integer";
    else if (flags & PATH_NULLABLE) allowed = "string, bytes, os.PathLike or None";
    else allowed = "string, bytes or os.PathLike";
    err_format(&exc_TypeError, "%s: %s should be %s, not %s", fname, argname, allowed, type_name(v));
}

int os_path_convert(const char *fname, const char *argname, Value v, int flags, OsPath *out) {
    memset(out, 0, sizeof *out);
    out->fd = -1;
    if (!v || v == VNone) {
        if (flags & PATH_NULLABLE) {
            out->object = VNone;
            return 0;
        }
        path_type_error(fname, argname, flags, v ? v : VNone);
        return -1;
    }
    if ((flags & PATH_ALLOW_FD) && int_check(v)) {
        int fd;
        if (os_int(v, &fd) < 0) return -1;
        out->object = v;
        out->fd = fd;
        return 0;
    }
    Value p = v;
    if (!str_check(v) && !bytes_check(v)) {
        const char *data;
        size_t size;
        if (type_lookup_cstr(val_type(v), "__fspath__")) {
            p = os_fspath(v);
            if (!p) return -1;
        } else if (!val_is_int(v) && bytes_get_buffer(v, &data, &size)) {
            /* Bytes-like objects still work, as a deprecated spelling of bytes. */
            char msg[200];
            const char *allowed = (flags & PATH_ALLOW_FD) ? "string, bytes, os.PathLike or integer"
                                                           : "string, bytes or os.PathLike";
            snprintf(msg, sizeof msg, "%s: %s should be %s, not %s", fname, argname, allowed, type_name(v));
            if (err_warn(&exc_DeprecationWarning, msg, 1) < 0) return -1;
            Value b = bytes_new(data, size);
            if (!b) return -1;
            out->object = v;
            out->bytes = b;
            out->is_bytes = true;
            goto check_nul;
        } else {
            path_type_error(fname, argname, flags, v);
            return -1;
        }
    }
    out->object = p;
    if (str_check(p)) {
        out->bytes = encode_str(p);
        if (!out->bytes) return -1;
        if (memchr(bytes_data(out->bytes), 0, (size_t)bytes_size(out->bytes))) {
            err_set(&exc_ValueError, "embedded null byte");
            return -1;
        }
    } else {
        out->bytes = p;
        out->is_bytes = true;
    }
check_nul:
    if (memchr(bytes_data(out->bytes), 0, (size_t)bytes_size(out->bytes))) {
        err_format(&exc_ValueError, "%s: embedded null character in %s", fname, argname);
        return -1;
    }
    out->narrow = bytes_data(out->bytes);
    return 0;
}

/* ---- Arguments ---- */

int os_parse_args(const char *fname, Value *args, size_t nargs, Value kwnames, const char *const *names,
                  size_t npos_only, size_t maxpos, size_t nrequired, Value *out) {
    size_t n = 0;
    while (names[n]) n++;
    if (nargs > maxpos) {
        if (maxpos == n)
            err_format(&exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", fname, maxpos,
                       maxpos == 1 ? "" : "s", nargs);
        else if (maxpos == 0)
            err_format(&exc_TypeError, "%s() takes no positional arguments", fname);
        else
            err_format(&exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)", fname,
                       nrequired < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < n; i++) out[i] = i < nargs ? args[i] : VNULL;
    if (kwnames) {
        for (ssize_t k = 0; k < tuple_size(kwnames); k++) {
            Value kn = tuple_get(kwnames, k);
            size_t i;
            for (i = npos_only; i < n; i++)
                if (str_eq_cstr(kn, names[i])) break;
            if (i == n) {
                for (i = 0; i < npos_only; i++)
                    if (str_eq_cstr(kn, names[i])) break;
                if (i < npos_only)
                    err_format(&exc_TypeError,
                               "%s() got some positional-only arguments passed as keyword arguments: '%U'", fname, kn);
                else
                    err_format(&exc_TypeError, "'%U' is an invalid keyword argument for %s()", kn, fname);
                return -1;
            }
            if (out[i]) {
                err_format(&exc_TypeError, "argument for %s() given by name ('%s') and position (%zu)", fname,
                           names[i], i + 1);
                return -1;
            }
            out[i] = args[nargs + (size_t)k];
        }
    }
    for (size_t i = 0; i < nrequired; i++) {
        if (!out[i]) {
            if (i < npos_only)
                err_format(&exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)", fname,
                           nrequired < maxpos ? "at least" : "exactly", nrequired, nrequired == 1 ? "" : "s", nargs);
            else
                err_format(&exc_TypeError, "%s() missing required argument '%s' (pos %zu)", fname, names[i], i + 1);
            return -1;
        }
    }
    return 0;
}

int os_tuple_args(const char *fname, size_t nargs, Value kwnames, size_t min, size_t max) {
    if (kwnames && tuple_size(kwnames) > 0) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs >= min && nargs <= max) return 0;
    size_t n = nargs < min ? min : max;
    const char *how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
    err_format(&exc_TypeError, "%s() takes %s %zu argument%s (%zu given)", fname, how, n, n == 1 ? "" : "s", nargs);
    return -1;
}

/* An int through __index__ (floats refused), range-checked by the caller. */
static int index_i64(Value v, int64_t *out, const char *ctype) {
    if (val_is_int(v)) {
        *out = val_int(v);
        return 0;
    }
    if (float_check(v) || !num_check_index(v)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
        return -1;
    }
    Value i = num_index(v);
    if (!i) return -1;
    if (!int_fits_i64(i)) {
        err_format(&exc_OverflowError, "Python int too large to convert to C %s", ctype);
        return -1;
    }
    *out = int_as_i64(i);
    return 0;
}

int os_i64(Value v, int64_t *out) { return index_i64(v, out, "long"); }

int os_long(Value v, long *out) {
    int64_t x;
    if (index_i64(v, &x, "long") < 0) return -1;
    *out = (long)x;
    return 0;
}

int os_int(Value v, int *out) {
    int64_t x;
    if (index_i64(v, &x, "int") < 0) return -1;
    if (x < INT_MIN || x > INT_MAX) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

int os_dir_fd(Value v, int *out) {
    *out = AT_FDCWD;
    if (!v || v == VNone) return 0;
    if (!int_check(v) && !num_check_index(v)) {
        err_format(&exc_TypeError, "argument should be integer or None, not %s", type_name(v));
        return -1;
    }
    return os_int(v, out);
}

int os_fileno(Value v, int *out) {
    Value i = v;
    if (!int_check(v)) {
        Value m = type_lookup_cstr(val_type(v), "fileno");
        if (!m) {
            err_set(&exc_TypeError, "argument must be an int, or have a fileno() method.");
            return -1;
        }
        i = obj_call_method(v, "fileno", NULL, 0);
        if (!i) return -1;
        if (!int_check(i)) {
            err_set(&exc_TypeError, "fileno() returned a non-integer");
            return -1;
        }
    }
    int64_t x;
    if (index_i64(i, &x, "int") < 0) return -1;
    if (x > INT_MAX) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    if (x < 0) {
        err_format(&exc_ValueError, "file descriptor cannot be a negative integer (%lld)", (long long)x);
        return -1;
    }
    *out = (int)x;
    return 0;
}

static int id_convert(Value v, uint64_t *out, const char *what) {
    if (!int_check(v) && !num_check_index(v)) {
        err_format(&exc_TypeError, "%s should be integer, not %s", what, type_name(v));
        return -1;
    }
    Value i = num_index(v);
    if (!i) return -1;
    if (!int_fits_i64(i)) goto overflow;
    int64_t x = int_as_i64(i);
    if (x == -1) {
        *out = (uint64_t)-1;   /* "leave unchanged" for chown and friends */
        return 0;
    }
    if (x < 0 || x > (int64_t)UINT32_MAX - 1) goto overflow;
    *out = (uint64_t)x;
    return 0;
overflow:
    err_format(&exc_OverflowError, "%s is %s than maximum", what,
               int_sign(i) < 0 ? "less" : "greater");
    return -1;
}

int os_uid(Value v, uid_t *out) {
    uint64_t x;
    if (id_convert(v, &x, "uid") < 0) return -1;
    *out = (uid_t)x;
    return 0;
}

int os_gid(Value v, gid_t *out) {
    uint64_t x;
    if (id_convert(v, &x, "gid") < 0) return -1;
    *out = (gid_t)x;
    return 0;
}

int os_bool(Value v, bool dflt, bool *out) {
    if (!v) {
        *out = dflt;
        return 0;
    }
    int t = obj_is_true(v);
    if (t < 0) return -1;
    *out = t != 0;
    return 0;
}

/* ---- Errors ---- */

/* OSError(errno, strerror[, filename[, None, filename2]]): OSError's own
 * constructor picks the subclass (FileNotFoundError...) from errno. */
static Value raise_errno(int err, Value f1, Value f2) {
    Value args[5] = {int_from_i64(err), str_from_cstr(strerror(err)), f1, VNone, f2};
    if (!args[1]) return VNULL;
    size_t n = f2 ? 5 : f1 ? 3 : 2;
    Value exc = obj_call(obj_val(&exc_OSError), args, n, VNULL);
    if (exc) err_set_object(exc);
    return VNULL;
}

Value os_error(int err) { return raise_errno(err, VNULL, VNULL); }
Value os_error_obj(int err, Value filename) { return raise_errno(err, filename, VNULL); }
Value os_error2(int err, Value f1, Value f2) { return raise_errno(err, f1, f2); }

Value os_error_path(int err, const OsPath *p) {
    return raise_errno(err, p->object && p->object != VNone ? p->object : VNULL, VNULL);
}

/* ---- Times ---- */

int os_seconds_to_ns(Value v, int round, int64_t *ns) {
    if (float_check(v)) {
        double d = float_value(v);
        if (isnan(d)) {
            err_set(&exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d *= 1e9;
        d = round == OS_ROUND_FLOOR ? floor(d) : round == OS_ROUND_CEILING ? ceil(d) : nearbyint(d);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            err_set(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
        *ns = (int64_t)d;
        return 0;
    }
    int64_t s;
    if (index_i64(v, &s, "long") < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_set(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        }
        return -1;
    }
    if (s > INT64_MAX / 1000000000 || s < INT64_MIN / 1000000000) {
        err_set(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    *ns = s * 1000000000;
    return 0;
}

Value os_ns_to_int(int64_t ns) { return int_from_i64(ns); }

Value os_timespec_to_float(const struct timespec *t) {
    return float_new((double)t->tv_sec + (double)t->tv_nsec * 1e-9);
}

int os_check_eintr(void) { return signal_run_handlers(); }

/* ---- environ, putenv, unsetenv ---- */

extern char **environ;

/* posix.environ: a dict of bytes to bytes, a snapshot taken at import, as
 * CPython's; os.environ wraps it and calls putenv/unsetenv on changes. */
static Value make_environ(void) {
    Value d = dict_new();
    if (!d) return VNULL;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        Value k = bytes_new(*e, (size_t)(eq - *e));
        Value v = bytes_new(eq + 1, strlen(eq + 1));
        if (!k || !v) return VNULL;
        /* The first definition of a name wins, as in CPython. */
        int has = dict_contains(d, k);
        if (has < 0) return VNULL;
        if (!has && dict_set(d, k, v) < 0) return VNULL;
    }
    return d;
}

static Value putenv_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("putenv", kwnames) < 0 || arg_count("putenv", nargs, 2, 2) < 0) return VNULL;
    Value name = os_fsencode(args[0], "putenv");
    if (!name) return VNULL;
    Value val = os_fsencode(args[1], "putenv");
    if (!val) return VNULL;
    if (bytes_size(name) == 0 || memchr(bytes_data(name), '=', (size_t)bytes_size(name))) {
        if (bytes_size(name) == 0) return os_error(EINVAL);
        err_set(&exc_ValueError, "illegal environment variable name");
        return VNULL;
    }
    if (setenv(bytes_data(name), bytes_data(val), 1) != 0) return os_error(errno);
    return VNone;
}

static Value unsetenv_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("unsetenv", kwnames) < 0 || arg_count("posix.unsetenv", nargs, 1, 1) < 0) return VNULL;
    Value name = os_fsencode(args[0], "unsetenv");
    if (!name) return VNULL;
    /* unsetenv() itself refuses "" and names with '=' (EINVAL), as CPython reports. */
    if (unsetenv(bytes_data(name)) != 0) return os_error(errno);
    return VNone;
}

/* ---- fspath, strerror, _path_normpath ---- */

static Value fspath_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"path", NULL};
    Value a[1];
    if (os_parse_args("fspath", args, nargs, kwnames, names, 0, 1, 1, a) < 0) return VNULL;
    return os_fspath(a[0]);
}

static Value strerror_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("strerror", kwnames) < 0 || arg_count("posix.strerror", nargs, 1, 1) < 0) return VNULL;
    int code;
    if (os_int(args[0], &code) < 0) return VNULL;
    const char *msg = strerror(code);
    if (!msg) {
        err_set(&exc_ValueError, "strerror() argument out of range");
        return VNULL;
    }
    return str_decode_utf8(msg, strlen(msg), "surrogateescape");
}

/* posixpath.normpath's work on a str: collapse separators, drop "." and
 * resolve ".." lexically.  Two leading slashes are kept (POSIX leaves
 * their meaning to the implementation); three or more become one. */
static Value path_normpath_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"path", NULL};
    Value a[1];
    if (os_parse_args("_path_normpath", args, nargs, kwnames, names, 0, 1, 1, a) < 0) return VNULL;
    Value p = os_fspath(a[0]);
    if (!p) return VNULL;
    if (!str_check(p)) {
        err_format(&exc_TypeError, "_path_normpath: path should be string, not %s", type_name(p));
        return VNULL;
    }
    const char *s = str_data(p);
    size_t n = str_size(p);
    if (n == 0) return str_intern_cstr(".");
    size_t initial = 0;
    if (s[0] == '/') initial = (n >= 2 && s[1] == '/' && !(n >= 3 && s[2] == '/')) ? 2 : 1;
    /* Components as (offset, length) pairs on a stack. */
    size_t *off = malloc(sizeof(size_t) * (n / 2 + 2)), *len = malloc(sizeof(size_t) * (n / 2 + 2));
    if (!off || !len) {
        free(off);
        free(len);
        err_no_memory();
        return VNULL;
    }
    size_t top = 0;
    for (size_t i = 0; i <= n;) {
        size_t j = i;
        while (j < n && s[j] != '/') j++;
        size_t l = j - i;
        bool dot = l == 1 && s[i] == '.', dotdot = l == 2 && s[i] == '.' && s[i + 1] == '.';
        if (l == 0 || dot) {
            /* skipped */
        } else if (!dotdot || (!initial && top == 0) ||
                   (top > 0 && len[top - 1] == 2 && s[off[top - 1]] == '.' && s[off[top - 1] + 1] == '.')) {
            off[top] = i;
            len[top] = l;
            top++;
        } else if (top > 0) {
            top--;
        }
        i = j + 1;
    }
    StrBuilder sb;
    sb_init(&sb);
    for (size_t k = 0; k < initial; k++) sb_append_char(&sb, '/');
    for (size_t k = 0; k < top; k++) {
        if (k) sb_append_char(&sb, '/');
        sb_append(&sb, s + off[k], len[k]);
    }
    free(off);
    free(len);
    if (sb.size == 0) {
        sb_discard(&sb);
        return str_intern_cstr(".");
    }
    return sb_finish(&sb);
}

static const MethodDef posix_functions[] = {
    {"putenv", putenv_m, 0, "Change or add an environment variable."},
    {"unsetenv", unsetenv_m, 0, "Delete an environment variable."},
    {"fspath", fspath_m, 0,
     "Return the file system path representation of the object.\n\n"
     "If the object is str or bytes, then allow it to pass through as-is. If the\n"
     "object defines __fspath__(), then return the result of that method. All other\n"
     "types raise a TypeError."},
    {"strerror", strerror_m, 0, "Translate an error code to a message string."},
    {"_path_normpath", path_normpath_m, 0, "Basic path normalization."},
    {NULL}
};

/* ---- Constants ---- */

/* Integer constants of the module; each exists only where the system defines it. */
#define C(name) {#name, name}
static const struct { const char *name; long value; } int_constants[] = {
    C(F_OK), C(R_OK), C(W_OK), C(X_OK),
    C(O_RDONLY), C(O_WRONLY), C(O_RDWR), C(O_APPEND), C(O_CREAT), C(O_EXCL), C(O_TRUNC),
    C(O_NONBLOCK), C(O_NDELAY), C(O_SYNC), C(O_DSYNC), C(O_NOCTTY), C(O_CLOEXEC), C(O_ACCMODE),
#ifdef O_RSYNC
    C(O_RSYNC),
#endif
#ifdef O_FSYNC
    C(O_FSYNC),
#endif
#ifdef O_DIRECTORY
    C(O_DIRECTORY), C(O_NOFOLLOW),
#endif
#ifdef O_DIRECT
    C(O_DIRECT),
#endif
#ifdef O_LARGEFILE
    C(O_LARGEFILE),
#endif
#ifdef O_NOATIME
    C(O_NOATIME),
#endif
#ifdef O_PATH
    C(O_PATH),
#endif
#ifdef O_TMPFILE
    C(O_TMPFILE),
#endif
#ifdef O_ASYNC
    C(O_ASYNC),
#endif
    C(F_LOCK), C(F_TLOCK), C(F_ULOCK), C(F_TEST),
    C(WNOHANG), C(WUNTRACED), C(WCONTINUED), C(WEXITED), C(WSTOPPED), C(WNOWAIT),
    C(P_PID), C(P_PGID), C(P_ALL),
#ifdef P_PIDFD
    C(P_PIDFD),
#endif
    C(CLD_EXITED), C(CLD_KILLED), C(CLD_DUMPED), C(CLD_TRAPPED), C(CLD_STOPPED), C(CLD_CONTINUED),
    C(SEEK_SET), C(SEEK_CUR), C(SEEK_END),
#ifdef SEEK_DATA
    C(SEEK_DATA), C(SEEK_HOLE),
#endif
    C(EX_OK), C(EX_USAGE), C(EX_DATAERR), C(EX_NOINPUT), C(EX_NOUSER), C(EX_NOHOST), C(EX_UNAVAILABLE),
    C(EX_SOFTWARE), C(EX_OSERR), C(EX_OSFILE), C(EX_CANTCREAT), C(EX_IOERR), C(EX_TEMPFAIL),
    C(EX_PROTOCOL), C(EX_NOPERM), C(EX_CONFIG),
    C(PRIO_PROCESS), C(PRIO_PGRP), C(PRIO_USER),
    C(RTLD_LAZY), C(RTLD_NOW), C(RTLD_GLOBAL), C(RTLD_LOCAL), C(RTLD_NODELETE), C(RTLD_NOLOAD),
    C(RTLD_DEEPBIND),
    C(SCHED_OTHER), C(SCHED_FIFO), C(SCHED_RR), C(SCHED_BATCH), C(SCHED_IDLE), C(SCHED_RESET_ON_FORK),
    C(NGROUPS_MAX), C(TMP_MAX),
    C(ST_RDONLY), C(ST_NOSUID), C(ST_NODEV), C(ST_NOEXEC), C(ST_SYNCHRONOUS), C(ST_MANDLOCK),
    C(ST_WRITE), C(ST_APPEND), C(ST_NOATIME), C(ST_NODIRATIME), C(ST_RELATIME),
    C(GRND_NONBLOCK), C(GRND_RANDOM),
    C(MFD_CLOEXEC), C(MFD_ALLOW_SEALING), C(MFD_HUGETLB),
    C(EFD_CLOEXEC), C(EFD_NONBLOCK), C(EFD_SEMAPHORE),
    C(SPLICE_F_MOVE), C(SPLICE_F_NONBLOCK), C(SPLICE_F_MORE),
    C(XATTR_CREATE), C(XATTR_REPLACE), C(XATTR_SIZE_MAX),
    C(POSIX_FADV_NORMAL), C(POSIX_FADV_SEQUENTIAL), C(POSIX_FADV_RANDOM), C(POSIX_FADV_NOREUSE),
    C(POSIX_FADV_WILLNEED), C(POSIX_FADV_DONTNEED),
};
#undef C

/* What this build supports beyond the plain path forms: os.py turns these
 * into supports_dir_fd, supports_fd and supports_follow_symlinks. */
static const char *const have_functions[] = {
    "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN", "HAVE_FCHOWNAT",
    "HAVE_FDOPENDIR", "HAVE_FSTATAT", "HAVE_FSTATVFS", "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_FUTIMES",
    "HAVE_LINKAT", "HAVE_LCHOWN", "HAVE_LSTAT", "HAVE_MKDIRAT", "HAVE_MKFIFOAT", "HAVE_MKNODAT",
    "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT", "HAVE_EVENTFD", "HAVE_MEMFD_CREATE",
};


Value posix_module_init(void) {
    Value m = module_new_cstr("posix");
    if (!m) return VNULL;
    module_add(m, "__doc__", str_from_cstr("This module provides access to operating system functionality that is\n"
                                           "standardized by the C Standard and the POSIX standard (a thinly\n"
                                           "disguised Unix interface).  Refer to the library manual and\n"
                                           "corresponding Unix manual entries for more information on calls."));
    if (module_add_functions(m, posix_functions) < 0) return VNULL;
    if (posix_fs_init(m) < 0 || posix_io_init(m) < 0 || posix_proc_init(m) < 0 || posix_sys_init(m) < 0)
        return VNULL;
    for (size_t i = 0; i < ARRAY_LEN(int_constants); i++)
        if (module_add(m, int_constants[i].name, int_from_i64(int_constants[i].value)) < 0) return VNULL;
    Value env = make_environ();
    if (!env || module_add(m, "environ", env) < 0) return VNULL;
    if (module_add(m, "error", obj_val(&exc_OSError)) < 0) return VNULL;
    Value have = list_new(0);
    if (!have) return VNULL;
    for (size_t i = 0; i < ARRAY_LEN(have_functions); i++)
        if (list_append(have, str_intern_cstr(have_functions[i])) < 0) return VNULL;
    if (module_add(m, "_have_functions", have) < 0) return VNULL;
    return m;
}
