/* os_util.h - helpers the OS modules share (posix*, time, signal, pwd, grp): paths, arguments, errors, times. */
#ifndef TAIPAN_OS_UTIL_H
#define TAIPAN_OS_UTIL_H

#include "../objects/object.h"
#include <time.h>
#include <sys/stat.h>

/*
 * Paths.  CPython's path_converter: a path argument may be a str (encoded
 * to the file system encoding, UTF-8 with surrogateescape, so any name read
 * from the disk round-trips), bytes (used as they are, and then results
 * are bytes too), an os.PathLike (its __fspath__() must give str or bytes),
 * a bytes-like object (accepted with a DeprecationWarning), an int when the
 * function works on open descriptors, or None where that means "the
 * current directory".  The converted str or bytes is the `filename` of any
 * OSError, as in CPython.
 */
typedef struct OsPath {
    Value object;       /* str or bytes after __fspath__, the fd int, or None: an error's filename */
    Value bytes;        /* the encoded path, keeping `narrow` alive (VNULL: fd or None) */
    const char *narrow; /* NUL-terminated path, NULL when an fd or None was given */
    int fd;             /* the descriptor when one was given, else -1 */
    bool is_bytes;      /* results should be bytes */
} OsPath;

enum {
    PATH_ALLOW_FD = 1 << 0,    /* an int is a file descriptor */
    PATH_NULLABLE = 1 << 1,    /* None (or absent) is allowed: narrow == NULL */
};

/* 0, or -1 with CPython's TypeError/ValueError ("stat: path should be ..."). */
int os_path_convert(const char *fname, const char *argname, Value v, int flags, OsPath *out);
/* os.fspath(v): str or bytes, or VNULL with TypeError. */
Value os_fspath(Value v);
/* Bytes in the file system encoding for a str, bytes for bytes: the
 * argument conversion of putenv, exec arguments and the like. */
Value os_fsencode(Value v, const char *fname);
/* A name the system gave us (a directory entry, a link target, cwd):
 * a str decoded with surrogateescape, or bytes when as_bytes. */
Value os_fsdecode(const char *s, size_t n, bool as_bytes);

/*
 * Arguments.  Argument Clinic's rules: names[] is NULL-terminated; the
 * first npos_only are positional-only, the first maxpos may be given by
 * position, the rest are keyword-only; the first nrequired must be given.
 * out[i] is VNULL for an absent argument.  CPython's messages.
 */
int os_parse_args(const char *fname, Value *args, size_t nargs, Value kwnames, const char *const *names,
                  size_t npos_only, size_t maxpos, size_t nrequired, Value *out);
/* PyArg_ParseTuple's count messages ("f() takes exactly 2 arguments (1
 * given)", "at most", "at least") and no keywords. */
int os_tuple_args(const char *fname, size_t nargs, Value kwnames, size_t min, size_t max);
/* C ints through __index__, with CPython's OverflowError messages. */
int os_int(Value v, int *out);
int os_long(Value v, long *out);
int os_i64(Value v, int64_t *out);
/* dir_fd=None or an int (TypeError "argument should be integer or None"). */
int os_dir_fd(Value v, int *out);
/* A descriptor or an object with fileno() (PyObject_AsFileDescriptor). */
int os_fileno(Value v, int *out);
/* uid_t/gid_t: an int, -1 meaning "unchanged". */
int os_uid(Value v, uid_t *out);
int os_gid(Value v, gid_t *out);
/* A truth value (follow_symlinks=, inheritable=...); absent gives dflt. */
int os_bool(Value v, bool dflt, bool *out);

/* Errors.  These take errno as it was right after the failing call, since
 * building the exception may itself change errno. */
Value os_error(int err);                                  /* OSError subclass, no filename */
Value os_error_path(int err, const OsPath *p);            /* filename from p (none for fd or None) */
Value os_error_obj(int err, Value filename);              /* filename may be VNULL */
Value os_error2(int err, Value filename, Value filename2); /* "... 'a' -> 'b'" */

/* Times.  A float or int number of seconds to a timespec / nanoseconds,
 * rounding as CPython's _PyTime rounding modes (floor for utime,
 * toward +inf for timeouts, half-even for from_timestamp). */
enum { OS_ROUND_FLOOR, OS_ROUND_CEILING, OS_ROUND_HALF_EVEN };
int os_seconds_to_ns(Value v, int round, int64_t *ns);     /* -1 with an exception */
Value os_ns_to_int(int64_t ns);
Value os_timespec_to_float(const struct timespec *ts);

/* Blocking system calls interrupted by a signal (EINTR) run the Python
 * signal handlers and are retried, as PEP 475 says; this is the check:
 * 0 to retry, -1 if a handler raised. */
int os_check_eintr(void);

/* The os.register_at_fork hooks, for C code that forks and then runs
 * Python in the child (_posixsubprocess with preexec_fn); the child phase
 * also forgets the parent's pending signals. */
enum { OS_FORK_BEFORE, OS_FORK_CHILD, OS_FORK_PARENT };
void os_fork_hooks(int phase);

/* The parts of the posix module (posix.c sets it up; each file adds its
 * functions and types to the module). */
int posix_fs_init(Value m);      /* posix_fs.c: stat, directories, links, scandir */
int posix_io_init(Value m);      /* posix_io.c: descriptors */
int posix_proc_init(Value m);    /* posix_proc.c: processes */
int posix_sys_init(Value m);     /* posix_sys.c: system information */
extern Type *posix_stat_result_type;
Value posix_stat_result(const struct stat *st); /* os.stat_result from a struct stat */

#endif
