/* posixsubprocess.c - the _posixsubprocess module: fork_exec, the fork-and-exec of subprocess.Popen on POSIX. */
#include "os_util.h"
#include "cargs.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/*
 * Everything the child needs (argv, envp, the executable candidates, the
 * descriptors to keep) is converted to C arrays in the parent, because
 * between fork() and exec() the child may only make async-signal-safe
 * calls: no allocation, no Python, unless the caller passed preexec_fn and
 * accepted the risk.  The child reports a failure through errpipe_write in
 * the format subprocess.py parses:
 *
 *   "OSError:<errno in hex>:"        exec (or a call after preexec_fn) failed
 *   "OSError:<errno in hex>:noexec"  a set-up call failed before exec (chdir...)
 *   "SubprocessError:0:<message>"    preexec_fn raised
 *
 * and exits with status 255.  A successful exec closes the pipe (it is
 * close-on-exec), which the parent reads as success.
 *
 * Without preexec_fn or credential changes the child comes from vfork(),
 * as in CPython: it shares our memory until exec, so it only writes its
 * own stack (and errno), and signals stay blocked until it has reset
 * every handled signal to SIG_DFL.
 */

/* A NULL-terminated char * array pointing into the bytes objects of `seq`
 * (which the caller keeps alive), or NULL with TypeError/ValueError. */
static char **bytes_array(Value seq) {
    ssize_t n = tuple_size(seq);
    char **v = calloc((size_t)n + 1, sizeof(char *));
    if (!v) {
        err_no_memory();
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        Value b = tuple_get(seq, i);
        if (!bytes_check(b)) {
            err_format(&exc_TypeError, "expected bytes, %s found", type_name(b));
            free(v);
            return NULL;
        }
        if (strlen(bytes_data(b)) != (size_t)bytes_size(b)) {
            err_set(&exc_ValueError, "embedded null byte");
            free(v);
            return NULL;
        }
        v[i] = (char *)bytes_data(b);
    }
    return v;
}

/* A sequence as a tuple (PySequence_Fast), or VNULL with TypeError `msg`. */
static Value as_tuple(Value v, const char *msg) {
    if (tuple_check(v)) return v;
    if (list_check(v)) return list_as_tuple(v);
    Value it = obj_iter(v);
    if (!it) {
        err_clear();
        err_set(&exc_TypeError, msg);
        return VNULL;
    }
    return tuple_from_iterable(v);
}

/* ---- The child (async-signal-safe from here to exec) ---- */

typedef struct ChildArgs {
    char **exec_array, **argv, **envp;
    const char *cwd;
    int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
    bool close_fds, restore_signals, call_setsid;
    pid_t pgid_to_set;
    gid_t gid;
    ssize_t extra_group_size;   /* -1: leave the groups alone */
    gid_t *extra_groups;
    uid_t uid;
    int child_umask;
    int *keep;                  /* sorted descriptors to keep open */
    size_t nkeep;
    Value preexec_fn;           /* VNone if none */
    const sigset_t *child_sigmask; /* after vfork(): the mask to restore */
} ChildArgs;

static void write_all(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t r = write(fd, s, n);
        if (r < 0) {
            if (errno == EINTR) continue;
            return;
        }
        s += r;
        n -= (size_t)r;
    }
}

static int set_inheritable(int fd, bool inheritable) {
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) return -1;
    int nf = inheritable ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
    if (nf != flags && fcntl(fd, F_SETFD, nf) < 0) return -1;
    return 0;
}

/* Close every descriptor from `lo` up, except those in keep[]. */
static void close_open_fds(int lo, const int *keep, size_t nkeep) {
    long max = sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > INT_MAX) max = INT_MAX;
    for (size_t i = 0; i <= nkeep; i++) {
        int hi = i < nkeep ? keep[i] - 1 : (int)max;
        if (hi >= lo) {
#ifdef SYS_close_range
            if (syscall(SYS_close_range, (unsigned)lo, (unsigned)hi, 0) == 0) goto next;
#endif
            /* No close_range: walk the range, bounded by the limit. */
            for (int fd = lo; fd <= hi && fd < 65536; fd++) close(fd);
        }
#ifdef SYS_close_range
    next:
#endif
        if (i < nkeep) lo = keep[i] + 1;
    }
}

/* Runs in the child; returns only by exec, or by _exit after reporting. */
static void child_exec(ChildArgs *a) {
    int saved_errno = 0;
    bool reached_preexec = false;
    const char *err_msg = "";
    int c2pwrite = a->c2pwrite, errwrite = a->errwrite;

#define POSIX_CALL(x) \
    if ((x) == -1) goto error

    for (size_t i = 0; i < a->nkeep; i++)
        if (a->keep[i] != a->errpipe_write && set_inheritable(a->keep[i], true) < 0) goto error;
    if (a->p2cwrite != -1) POSIX_CALL(close(a->p2cwrite));
    if (a->c2pread != -1) POSIX_CALL(close(a->c2pread));
    if (a->errread != -1) POSIX_CALL(close(a->errread));
    POSIX_CALL(close(a->errpipe_read));

    /* A pipe end sitting on 0, 1 or 2 could be overwritten by the dup2()s
     * below: move it out of the way first. */
    if (c2pwrite == 0) {
        POSIX_CALL(c2pwrite = dup(c2pwrite));
        if (set_inheritable(c2pwrite, false) < 0) goto error;
    }
    while (errwrite == 0 || errwrite == 1) {
        POSIX_CALL(errwrite = dup(errwrite));
        if (set_inheritable(errwrite, false) < 0) goto error;
    }
    /* dup2() clears close-on-exec, but is a no-op when the descriptor is
     * already in place: then clear it by hand. */
    if (a->p2cread == 0) {
        if (set_inheritable(a->p2cread, true) < 0) goto error;
    } else if (a->p2cread != -1) {
        POSIX_CALL(dup2(a->p2cread, 0));
    }
    if (c2pwrite == 1) {
        if (set_inheritable(c2pwrite, true) < 0) goto error;
    } else if (c2pwrite != -1) {
        POSIX_CALL(dup2(c2pwrite, 1));
    }
    if (errwrite == 2) {
        if (set_inheritable(errwrite, true) < 0) goto error;
    } else if (errwrite != -1) {
        POSIX_CALL(dup2(errwrite, 2));
    }

    if (a->child_sigmask) {
        /* vfork(): handlers would run on the parent's memory.  Reset every
         * handled signal before unblocking (sigaction is per process). */
        for (int sig = 1; sig < _NSIG; sig++) {
            struct sigaction sa;
            if (sigaction(sig, NULL, &sa) == 0 && sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN) {
                sa.sa_handler = SIG_DFL;
                sa.sa_flags = 0;
                sigaction(sig, &sa, NULL);
            }
        }
        if ((errno = pthread_sigmask(SIG_SETMASK, a->child_sigmask, NULL)) != 0) goto error;
    }
    if (a->cwd) POSIX_CALL(chdir(a->cwd));
    if (a->child_umask >= 0) umask((mode_t)a->child_umask);
    if (a->restore_signals) {
        /* The dispositions the interpreter changed at start-up. */
        signal(SIGPIPE, SIG_DFL);
        signal(SIGXFSZ, SIG_DFL);
    }
    if (a->call_setsid) POSIX_CALL(setsid());
    if (a->pgid_to_set >= 0) POSIX_CALL(setpgid(0, a->pgid_to_set));
    if (a->extra_group_size >= 0) POSIX_CALL(setgroups((size_t)a->extra_group_size, a->extra_groups));
    if (a->gid != (gid_t)-1) POSIX_CALL(setregid(a->gid, a->gid));
    if (a->uid != (uid_t)-1) POSIX_CALL(setreuid(a->uid, a->uid));

    reached_preexec = true;
    if (a->preexec_fn != VNone) {
        /* The caller asked to run Python here, deadlock risks included. */
        if (!obj_call0(a->preexec_fn)) {
            err_msg = "Exception occurred in preexec_fn.";
            errno = 0;
            goto error;
        }
    }
    /* After preexec_fn, which may have opened descriptors. */
    if (a->close_fds) close_open_fds(3, a->keep, a->nkeep);

    /* The executable candidates, as os._execvpe searches PATH; the first
     * error other than "not there" is the one reported. */
    saved_errno = 0;
    for (size_t i = 0; a->exec_array[i]; i++) {
        if (a->envp) execve(a->exec_array[i], a->argv, a->envp);
        else execv(a->exec_array[i], a->argv);
        if (errno != ENOENT && errno != ENOTDIR && saved_errno == 0) saved_errno = errno;
    }
    if (saved_errno) errno = saved_errno;
#undef POSIX_CALL

error:
    saved_errno = errno;
    if (saved_errno) {
        char hex[sizeof(int) * 2 + 1];
        char *cur = hex + sizeof hex;
        write_all(a->errpipe_write, "OSError:", 8);
        while (saved_errno != 0 && cur != hex) {
            *--cur = "0123456789abcdef"[saved_errno % 16];
            saved_errno /= 16;
        }
        write_all(a->errpipe_write, cur, (size_t)(hex + sizeof hex - cur));
        write_all(a->errpipe_write, ":", 1);
        /* Tells the parent the failure came before exec (from chdir...). */
        if (!reached_preexec) write_all(a->errpipe_write, "noexec", 6);
    } else {
        write_all(a->errpipe_write, "SubprocessError:0:", 18);
        write_all(a->errpipe_write, err_msg, strlen(err_msg));
    }
}

/* ---- fork_exec ---- */

/* fds_to_keep must be a tuple of sorted, distinct, non-negative ints. */
static int check_fds(Value seq, int **out, size_t *n) {
    ssize_t len = tuple_size(seq);
    int *fds = malloc(((size_t)len + 1) * sizeof(int));
    if (!fds) {
        err_no_memory();
        return -1;
    }
    long prev = -1;
    for (ssize_t i = 0; i < len; i++) {
        Value v = tuple_get(seq, i);
        if (!int_check(v) || !int_fits_i64(v) || int_as_i64(v) < 0 || int_as_i64(v) >= INT_MAX ||
            int_as_i64(v) <= prev) {
            free(fds);
            err_set(&exc_ValueError, "bad value(s) in fds_to_keep");
            return -1;
        }
        prev = (long)int_as_i64(v);
        fds[i] = (int)prev;
    }
    *out = fds;
    *n = (size_t)len;
    return 0;
}

static Value fork_exec(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("fork_exec", kwnames) < 0 || os_tuple_args("fork_exec", nargs, VNULL, 23, 23) < 0) return VNULL;
    ChildArgs a;
    memset(&a, 0, sizeof a);
    Value process_args = args[0], executable_list = args[1];
    Value fds_to_keep = args[3], cwd_obj = args[4], env_list = args[5];
    Value gid_obj = args[17], groups_obj = args[18], uid_obj = args[19];
    a.preexec_fn = args[21];
    int t;
    if ((t = obj_is_true(args[2])) < 0) return VNULL;
    a.close_fds = t;
    if (!tuple_check(fds_to_keep)) {
        err_format(&exc_TypeError, "fork_exec() argument 4 must be tuple, not %s", type_name(fds_to_keep));
        return VNULL;
    }
    int *ints[8] = {&a.p2cread, &a.p2cwrite, &a.c2pread, &a.c2pwrite,
                    &a.errread, &a.errwrite, &a.errpipe_read, &a.errpipe_write};
    for (int i = 0; i < 8; i++)
        if (carg_int(args[6 + i], ints[i]) < 0) return VNULL;
    if ((t = obj_is_true(args[14])) < 0) return VNULL;
    a.restore_signals = t;
    if ((t = obj_is_true(args[15])) < 0) return VNULL;
    a.call_setsid = t;
    long pgid;
    if (carg_long(args[16], &pgid) < 0 || carg_int(args[20], &a.child_umask) < 0) return VNULL;
    a.pgid_to_set = (pid_t)pgid;
    if ((t = obj_is_true(args[22])) < 0) return VNULL;
    bool allow_vfork = t;

    if (a.close_fds && a.errpipe_write < 3) {
        err_set(&exc_ValueError, "errpipe_write must be >= 3");
        return VNULL;
    }
    Value result = VNULL;
    Value exec_t = VNULL, argv_t = VNULL, env_t = VNULL, cwd_b = VNULL;
    if (check_fds(fds_to_keep, &a.keep, &a.nkeep) < 0) return VNULL;

    if (!(exec_t = as_tuple(executable_list, "expected a sequence")) || !(a.exec_array = bytes_array(exec_t)))
        goto done;
    if (process_args != VNone) {
        Value fast = as_tuple(process_args, "argv must be a tuple");
        if (!fast) goto done;
        ssize_t n = tuple_size(fast);
        argv_t = tuple_new((size_t)n);
        if (!argv_t) goto done;
        for (ssize_t i = 0; i < n; i++) {
            Value b = os_fsencode(tuple_get(fast, i), "fork_exec");
            if (!b) goto done;
            GC_WRITE(argv_t, tuple_items(argv_t)[i], b);
        }
        if (!(a.argv = bytes_array(argv_t))) goto done;
    }
    if (env_list != VNone) {
        if (!(env_t = as_tuple(env_list, "expected a sequence")) || !(a.envp = bytes_array(env_t))) goto done;
    }
    if (cwd_obj != VNone) {
        if (!(cwd_b = os_fsencode(cwd_obj, "fork_exec"))) goto done;
        a.cwd = bytes_data(cwd_b);
    }
    a.extra_group_size = -1;
    if (groups_obj != VNone) {
        if (!list_check(groups_obj)) {
            err_set(&exc_TypeError, "setgroups argument must be a list");
            goto done;
        }
        ssize_t n = list_size(groups_obj);
        if (n > NGROUPS_MAX) {
            err_set(&exc_ValueError, "too many extra_groups");
            goto done;
        }
        a.extra_groups = malloc(((size_t)n + 1) * sizeof(gid_t));
        if (!a.extra_groups) {
            err_no_memory();
            goto done;
        }
        for (ssize_t i = 0; i < n; i++)
            if (os_gid(list_get(groups_obj, i), &a.extra_groups[i]) < 0) goto done;
        a.extra_group_size = n;
    }
    a.uid = (uid_t)-1;
    a.gid = (gid_t)-1;
    if (uid_obj != VNone && os_uid(uid_obj, &a.uid) < 0) goto done;
    if (gid_obj != VNone && os_gid(gid_obj, &a.gid) < 0) goto done;

    /* Python code runs in the child only through preexec_fn: only then do
     * the register_at_fork hooks run, as in CPython. */
    bool hooks = a.preexec_fn != VNone;
    /* vfork() when the child runs no Python and changes no credentials,
     * as CPython 3.11 does (subprocess._USE_VFORK, argument 23): no page
     * tables to copy and no copy-on-write faults afterwards.  All signals
     * are blocked around it so no handler runs in a child that shares our
     * memory; the child resets handled signals to SIG_DFL before
     * unblocking them. */
    bool use_vfork = !hooks && allow_vfork && a.uid == (uid_t)-1 && a.gid == (gid_t)-1 && a.extra_group_size < 0;
    sigset_t all_sigs, old_sigs;
    if (use_vfork) {
        sigfillset(&all_sigs);
        int e = pthread_sigmask(SIG_BLOCK, &all_sigs, &old_sigs);
        if (e != 0) {
            errno = e;
            err_from_errno(&exc_OSError);
            goto done;
        }
        a.child_sigmask = &old_sigs;
    }
    if (hooks) os_fork_hooks(OS_FORK_BEFORE);
    pid_t pid = use_vfork ? vfork() : fork();
    if (pid == 0) {
        if (hooks) os_fork_hooks(OS_FORK_CHILD);
        child_exec(&a);
        _exit(255);
    }
    int saved_errno = errno;
    if (use_vfork) pthread_sigmask(SIG_SETMASK, &old_sigs, NULL);
    if (hooks) os_fork_hooks(OS_FORK_PARENT);
    if (pid < 0) {
        errno = saved_errno;
        err_from_errno(&exc_OSError);
        goto done;
    }
    result = int_from_i64(pid);
done:
    free(a.keep);
    free(a.exec_array);
    free(a.argv);
    free(a.envp);
    free(a.extra_groups);
    return result;
}

static const MethodDef posixsubprocess_functions[] = {
    {"fork_exec", fork_exec, 0,
     "fork_exec(args, executable_list, close_fds, pass_fds, cwd, env,\n"
     "          p2cread, p2cwrite, c2pread, c2pwrite,\n"
     "          errread, errwrite, errpipe_read, errpipe_write,\n"
     "          restore_signals, call_setsid, pgid_to_set,\n"
     "          gid, extra_groups, uid,\n"
     "          preexec_fn)\n\n"
     "Forks a child process, closes parent file descriptors as appropriate in the\n"
     "child and dups the few that are needed before calling exec() in the child\n"
     "process.\n\n"
     "If close_fds is true, close file descriptors 3 and higher, except those listed\n"
     "in the sorted tuple pass_fds.\n\n"
     "The preexec_fn, if supplied, will be called immediately before closing file\n"
     "descriptors and exec.\n"
     "WARNING: preexec_fn is NOT SAFE if your application uses threads.\n"
     "         It may trigger infrequent, difficult to debug deadlocks.\n\n"
     "If an error occurs in the child process before the exec, it is\n"
     "serialized and written to the errpipe_write fd per subprocess.py.\n\n"
     "Returns: the child process's PID.\n\n"
     "Raises: Only on an error in the parent process.\n"},
    {NULL},
};

Value posixsubprocess_module_init(void) {
    Value m = module_new_cstr("_posixsubprocess");
    if (!m || module_add_functions(m, posixsubprocess_functions) < 0) return VNULL;
    if (module_add(m, "__doc__", str_from_cstr("A POSIX helper for the subprocess module.")) < 0) return VNULL;
    return m;
}
