/* posix_proc.c - the posix module's process calls: ids, fork, exec, wait, kill, system, _exit, umask. */
#include "os_util.h"
#include "signal.h"
#include "structseq.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/set.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/gil.h"

#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

static int no_args(const char *fname, size_t nargs, Value kwnames) {
    return arg_count(fname, nargs + (kwnames ? (size_t)tuple_size(kwnames) : 0), 0, 0);
}

/* ---- Ids ---- */

#define ID_GETTER(cname, call)                                         \
    FN(cname##_m) {                                                    \
        if (no_args("posix." #cname, nargs, kwnames) < 0) return VNULL; \
        return int_from_i64((int64_t)(call));                          \
    }
ID_GETTER(getpid, getpid())
ID_GETTER(getppid, getppid())
ID_GETTER(getuid, getuid())
ID_GETTER(geteuid, geteuid())
ID_GETTER(getgid, getgid())
ID_GETTER(getegid, getegid())
ID_GETTER(getpgrp, getpgrp())
#undef ID_GETTER

FN(getgroups_m) {
    if (no_args("posix.getgroups", nargs, kwnames) < 0) return VNULL;
    int n = getgroups(0, NULL);
    if (n < 0) return os_error(errno);
    gid_t *g = malloc(sizeof(gid_t) * (size_t)(n + 1));
    if (!g) {
        err_no_memory();
        return VNULL;
    }
    n = getgroups(n, g);
    if (n < 0) {
        int e = errno;
        free(g);
        return os_error(e);
    }
    Value l = list_new((size_t)n);
    for (int i = 0; l && i < n; i++)
        if (list_append(l, int_from_i64(g[i])) < 0) l = VNULL;
    free(g);
    return l;
}

FN(getgrouplist_m) {
    int64_t base;
    if (arg_no_kw("getgrouplist", kwnames) < 0 || arg_count("getgrouplist", nargs, 2, 2) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "getgrouplist() argument 1 must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    if (os_i64(args[1], &base) < 0) return VNULL;
    int n = 64;
    for (;;) {
        gid_t *g = malloc(sizeof(gid_t) * (size_t)n);
        if (!g) {
            err_no_memory();
            return VNULL;
        }
        int cnt = n;
        if (getgrouplist(str_data(args[0]), (gid_t)base, g, &cnt) >= 0) {
            Value l = list_new((size_t)cnt);
            for (int i = 0; l && i < cnt; i++)
                if (list_append(l, int_from_i64(g[i])) < 0) l = VNULL;
            free(g);
            return l;
        }
        free(g);
        n = cnt > n ? cnt : n * 2;
    }
}

FN(getlogin_m) {
    if (no_args("posix.getlogin", nargs, kwnames) < 0) return VNULL;
    errno = 0;
    const char *name = getlogin();
    if (!name) {
        if (errno) return os_error(errno);
        err_set(&exc_OSError, "unable to determine login name");
        return VNULL;
    }
    return os_fsdecode(name, strlen(name), false);
}

FN(getpgid_m) {
    static const char *const names[] = {"pid", NULL};
    Value a[1];
    int pid;
    if (os_parse_args("getpgid", args, nargs, kwnames, names, 0, 1, 1, a) < 0 || os_int(a[0], &pid) < 0) return VNULL;
    pid_t r = getpgid(pid);
    if (r < 0) return os_error(errno);
    return int_from_i64(r);
}

FN(getsid_m) {
    int pid;
    if (arg_no_kw("getsid", kwnames) < 0 || arg_count("posix.getsid", nargs, 1, 1) < 0 || os_int(args[0], &pid) < 0)
        return VNULL;
    pid_t r = getsid(pid);
    if (r < 0) return os_error(errno);
    return int_from_i64(r);
}

FN(setsid_m) {
    if (no_args("posix.setsid", nargs, kwnames) < 0) return VNULL;
    if (setsid() < 0) return os_error(errno);
    return VNone;
}

FN(setpgrp_m) {
    if (no_args("posix.setpgrp", nargs, kwnames) < 0) return VNULL;
    if (setpgid(0, 0) < 0) return os_error(errno);
    return VNone;
}

FN(setpgid_m) {
    int pid, pgrp;
    if (os_tuple_args("setpgid", nargs, kwnames, 2, 2) < 0 || os_int(args[0], &pid) < 0 ||
        os_int(args[1], &pgrp) < 0)
        return VNULL;
    if (setpgid(pid, pgrp) < 0) return os_error(errno);
    return VNone;
}

#define ID_SETTER(cname, conv, ctype)                                                       \
    FN(cname##_m) {                                                                         \
        ctype id;                                                                           \
        if (arg_no_kw(#cname, kwnames) < 0 || arg_count("posix." #cname, nargs, 1, 1) < 0 || \
            conv(args[0], &id) < 0)                                                         \
            return VNULL;                                                                   \
        if (cname(id) < 0) return os_error(errno);                                          \
        return VNone;                                                                       \
    }
ID_SETTER(setuid, os_uid, uid_t)
ID_SETTER(seteuid, os_uid, uid_t)
ID_SETTER(setgid, os_gid, gid_t)
ID_SETTER(setegid, os_gid, gid_t)
#undef ID_SETTER

FN(setreuid_m) {
    uid_t r, e;
    if (arg_no_kw("setreuid", kwnames) < 0 || arg_count("setreuid", nargs, 2, 2) < 0 || os_uid(args[0], &r) < 0 ||
        os_uid(args[1], &e) < 0)
        return VNULL;
    if (setreuid(r, e) < 0) return os_error(errno);
    return VNone;
}

FN(setregid_m) {
    gid_t r, e;
    if (arg_no_kw("setregid", kwnames) < 0 || arg_count("setregid", nargs, 2, 2) < 0 || os_gid(args[0], &r) < 0 ||
        os_gid(args[1], &e) < 0)
        return VNULL;
    if (setregid(r, e) < 0) return os_error(errno);
    return VNone;
}

FN(getresuid_m) {
    if (no_args("posix.getresuid", nargs, kwnames) < 0) return VNULL;
    uid_t r, e, s;
    if (getresuid(&r, &e, &s) < 0) return os_error(errno);
    return tuple_pack(3, int_from_i64(r), int_from_i64(e), int_from_i64(s));
}

FN(getresgid_m) {
    if (no_args("posix.getresgid", nargs, kwnames) < 0) return VNULL;
    gid_t r, e, s;
    if (getresgid(&r, &e, &s) < 0) return os_error(errno);
    return tuple_pack(3, int_from_i64(r), int_from_i64(e), int_from_i64(s));
}

FN(umask_m) {
    int mask;
    if (arg_no_kw("umask", kwnames) < 0 || arg_count("posix.umask", nargs, 1, 1) < 0 || os_int(args[0], &mask) < 0)
        return VNULL;
    return val_from_int((int)umask((mode_t)mask));
}

/* ---- Priorities and scheduling ---- */

FN(nice_m) {
    int inc;
    if (arg_no_kw("nice", kwnames) < 0 || arg_count("posix.nice", nargs, 1, 1) < 0 || os_int(args[0], &inc) < 0)
        return VNULL;
    errno = 0;
    int r = nice(inc);
    if (r == -1 && errno) return os_error(errno);
    return int_from_i64(r);
}

FN(getpriority_m) {
    static const char *const names[] = {"which", "who", NULL};
    Value a[2];
    int which, who;
    if (os_parse_args("getpriority", args, nargs, kwnames, names, 0, 2, 2, a) < 0 || os_int(a[0], &which) < 0 ||
        os_int(a[1], &who) < 0)
        return VNULL;
    errno = 0;
    int r = getpriority(which, (id_t)who);
    if (r == -1 && errno) return os_error(errno);
    return int_from_i64(r);
}

FN(setpriority_m) {
    static const char *const names[] = {"which", "who", "priority", NULL};
    Value a[3];
    int which, who, prio;
    if (os_parse_args("setpriority", args, nargs, kwnames, names, 0, 3, 3, a) < 0 || os_int(a[0], &which) < 0 ||
        os_int(a[1], &who) < 0 || os_int(a[2], &prio) < 0)
        return VNULL;
    if (setpriority(which, (id_t)who, prio) < 0) return os_error(errno);
    return VNone;
}

FN(sched_yield_m) {
    if (no_args("posix.sched_yield", nargs, kwnames) < 0) return VNULL;
    sched_yield();
    return VNone;
}

FN(sched_getaffinity_m) {
    int pid;
    if (arg_no_kw("sched_getaffinity", kwnames) < 0 || arg_count("posix.sched_getaffinity", nargs, 1, 1) < 0 ||
        os_int(args[0], &pid) < 0)
        return VNULL;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(pid, sizeof set, &set) != 0) return os_error(errno);
    Value s = set_new(&type_set);
    if (!s) return VNULL;
    for (int i = 0; i < CPU_SETSIZE; i++)
        if (CPU_ISSET(i, &set) && set_add(s, val_from_int(i)) < 0) return VNULL;
    return s;
}


FN(setresuid_m) {
    uid_t r, e, su;
    if (arg_no_kw("setresuid", kwnames) < 0 || arg_count("setresuid", nargs, 3, 3) < 0 || os_uid(args[0], &r) < 0 ||
        os_uid(args[1], &e) < 0 || os_uid(args[2], &su) < 0)
        return VNULL;
    if (setresuid(r, e, su) < 0) return os_error(errno);
    return VNone;
}

FN(setresgid_m) {
    gid_t r, e, sg;
    if (arg_no_kw("setresgid", kwnames) < 0 || arg_count("setresgid", nargs, 3, 3) < 0 || os_gid(args[0], &r) < 0 ||
        os_gid(args[1], &e) < 0 || os_gid(args[2], &sg) < 0)
        return VNULL;
    if (setresgid(r, e, sg) < 0) return os_error(errno);
    return VNone;
}

FN(setgroups_m) {
    if (arg_no_kw("setgroups", kwnames) < 0 || arg_count("posix.setgroups", nargs, 1, 1) < 0) return VNULL;
    Value l = list_from_iterable(args[0]);
    if (!l) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_set(&exc_TypeError, "setgroups argument must be a sequence");
        }
        return VNULL;
    }
    ssize_t n = list_size(l);
    gid_t *g = malloc(sizeof(gid_t) * (size_t)(n ? n : 1));
    if (!g) {
        err_no_memory();
        return VNULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (os_gid(list_get(l, i), &g[i]) < 0) {
            free(g);
            return VNULL;
        }
    }
    int r = setgroups((size_t)n, g);
    int e = errno;
    free(g);
    if (r < 0) return os_error(e);
    return VNone;
}

FN(initgroups_m) {
    gid_t gid;
    if (arg_no_kw("initgroups", kwnames) < 0 || arg_count("initgroups", nargs, 2, 2) < 0) return VNULL;
    Value user = os_fsencode(args[0], "initgroups");
    if (!user || os_gid(args[1], &gid) < 0) return VNULL;
    if (initgroups(bytes_data(user), gid) < 0) return os_error(errno);
    return VNone;
}

FN(sched_get_priority_max_m) {
    static const char *const names[] = {"policy", NULL};
    Value a[1];
    int policy;
    if (os_parse_args("sched_get_priority_max", args, nargs, kwnames, names, 0, 1, 1, a) < 0 ||
        os_int(a[0], &policy) < 0)
        return VNULL;
    int r = sched_get_priority_max(policy);
    if (r < 0) return os_error(errno);
    return int_from_i64(r);
}

FN(sched_get_priority_min_m) {
    static const char *const names[] = {"policy", NULL};
    Value a[1];
    int policy;
    if (os_parse_args("sched_get_priority_min", args, nargs, kwnames, names, 0, 1, 1, a) < 0 ||
        os_int(a[0], &policy) < 0)
        return VNULL;
    int r = sched_get_priority_min(policy);
    if (r < 0) return os_error(errno);
    return int_from_i64(r);
}

FN(sched_getscheduler_m) {
    int pid;
    if (arg_no_kw("sched_getscheduler", kwnames) < 0 || arg_count("posix.sched_getscheduler", nargs, 1, 1) < 0 ||
        os_int(args[0], &pid) < 0)
        return VNULL;
    int r = sched_getscheduler(pid);
    if (r < 0) return os_error(errno);
    return int_from_i64(r);
}

FN(sched_setaffinity_m) {
    int pid;
    if (os_tuple_args("sched_setaffinity", nargs, kwnames, 2, 2) < 0 ||
        os_int(args[0], &pid) < 0)
        return VNULL;
    cpu_set_t set;
    CPU_ZERO(&set);
    Value it = obj_iter(args[1]);
    if (!it) return VNULL;
    Value x;
    while ((x = obj_next(it))) {
        int cpu;
        if (os_int(x, &cpu) < 0) return VNULL;
        if (cpu < 0) {
            err_set(&exc_ValueError, "negative CPU number");
            return VNULL;
        }
        if (cpu >= CPU_SETSIZE) {
            err_set(&exc_OverflowError, "CPU number too large");
            return VNULL;
        }
        CPU_SET(cpu, &set);
    }
    if (err_occurred()) return VNULL;
    if (sched_setaffinity(pid, sizeof set, &set) != 0) return os_error(errno);
    return VNone;
}

/* ---- Signals to processes ---- */

FN(kill_m) {
    int pid, sig;
    if (os_tuple_args("kill", nargs, kwnames, 2, 2) < 0 || os_int(args[0], &pid) < 0 || os_int(args[1], &sig) < 0)
        return VNULL;
    if (kill(pid, sig) != 0) return os_error(errno);
    /* A signal sent to ourselves is handled before kill() returns, as in CPython. */
    if (os_check_eintr() < 0) return VNULL;
    return VNone;
}

FN(killpg_m) {
    int pg, sig;
    if (os_tuple_args("killpg", nargs, kwnames, 2, 2) < 0 || os_int(args[0], &pg) < 0 ||
        os_int(args[1], &sig) < 0)
        return VNULL;
    if (killpg(pg, sig) != 0) return os_error(errno);
    if (os_check_eintr() < 0) return VNULL;
    return VNone;
}

FN(abort_m) {
    if (no_args("posix.abort", nargs, kwnames) < 0) return VNULL;
    abort();
}

/* ---- fork and register_at_fork ---- */

/* The hooks of register_at_fork: lists of callables (GC roots). */
static Value fork_before, fork_child, fork_parent;

FN(register_at_fork_m) {
    static const char *const names[] = {"before", "after_in_child", "after_in_parent", NULL};
    Value a[3];
    if (os_parse_args("register_at_fork", args, nargs, kwnames, names, 0, 0, 0, a) < 0) return VNULL;
    if (!a[0] && !a[1] && !a[2]) {
        err_set(&exc_TypeError, "At least one argument is required.");
        return VNULL;
    }
    for (int i = 0; i < 3; i++) {
        if (a[i] && !val_type(a[i])->call) {
            err_format(&exc_TypeError, "'%s' must be callable, not %s", names[i], type_name(a[i]));
            return VNULL;
        }
    }
    Value *lists[3] = {&fork_before, &fork_child, &fork_parent};
    for (int i = 0; i < 3; i++) {
        if (!a[i]) continue;
        if (!*lists[i]) {
            *lists[i] = list_new(0);
            if (!*lists[i]) return VNULL;
            gc_add_root(lists[i]);
        }
        if (list_append(*lists[i], a[i]) < 0) return VNULL;
    }
    return VNone;
}

/* Run the hooks; an exception in one is reported and does not stop the rest. */
static void run_fork_hooks(Value list, bool reverse) {
    if (!list) return;
    ssize_t n = list_size(list);
    for (ssize_t k = 0; k < n; k++) {
        Value f = list_get(list, reverse ? n - 1 - k : k);
        if (!obj_call0(f)) err_write_unraisable(err_fetch(), f);
    }
}

extern void thread_module_after_fork_child(void);

void os_fork_hooks(int phase) {
    if (phase == OS_FORK_BEFORE) {
        run_fork_hooks(fork_before, true);
    } else if (phase == OS_FORK_CHILD) {
        thread_module_after_fork_child();
        signal_after_fork();
        run_fork_hooks(fork_child, false);
    } else {
        run_fork_hooks(fork_parent, false);
    }
}

FN(fork_m) {
    if (no_args("posix.fork", nargs, kwnames) < 0) return VNULL;
    /* "before" hooks run last-registered first, the "after" ones in order. */
    run_fork_hooks(fork_before, true);
    pid_t pid = fork();
    int e = errno;
    if (pid == 0) {
        thread_module_after_fork_child();
        signal_after_fork();
        run_fork_hooks(fork_child, false);
    } else {
        run_fork_hooks(fork_parent, false);
        if (pid < 0) return os_error(e);
    }
    return int_from_i64(pid);
}

/* ---- exec ---- */

/* argv or env strings as a NULL-terminated array pointing into the bytes
 * objects in `keep` (a list, so they live while the array is used). */
static char **argv_array(const char *fname, Value seq, Value keep) {
    ssize_t n = tuple_check(seq) ? tuple_size(seq) : list_size(seq);
    char **v = calloc((size_t)n + 1, sizeof(char *));
    if (!v) {
        err_no_memory();
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        Value item = tuple_check(seq) ? tuple_get(seq, i) : list_get(seq, i);
        Value b = os_fsencode(item, fname);
        if (!b || list_append(keep, b) < 0) {
            free(v);
            return NULL;
        }
        if (i == 0 && bytes_size(b) == 0) {
            free(v);
            err_format(&exc_ValueError, "%s() arg 2 first element cannot be empty", fname);
            return NULL;
        }
        v[i] = (char *)bytes_data(b);
    }
    return v;
}

static char **env_array(const char *fname, Value env, Value keep) {
    Value items = obj_call_method(env, "items", NULL, 0);
    if (!items) {
        if (err_matches(&exc_AttributeError)) {
            err_clear();
            err_format(&exc_TypeError, "%s: environment must be a mapping object", fname);
        }
        return NULL;
    }
    Value l = list_from_iterable(items);
    if (!l) return NULL;
    ssize_t n = list_size(l);
    char **v = calloc((size_t)n + 1, sizeof(char *));
    if (!v) {
        err_no_memory();
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        Value kv = list_get(l, i);
        if (!tuple_check(kv) || tuple_size(kv) != 2) {
            free(v);
            err_set(&exc_ValueError, "env.items() or env.values() is not a list");
            return NULL;
        }
        Value k = os_fsencode(tuple_get(kv, 0), fname), val = k ? os_fsencode(tuple_get(kv, 1), fname) : VNULL;
        if (!val) {
            free(v);
            return NULL;
        }
        if (bytes_size(k) == 0 || memchr(bytes_data(k), '=', (size_t)bytes_size(k))) {
            free(v);
            err_set(&exc_ValueError, "illegal environment variable name");
            return NULL;
        }
        BytesObject *kvb = bytes_alloc((size_t)(bytes_size(k) + 1 + bytes_size(val)));
        if (!kvb || list_append(keep, obj_val(kvb)) < 0) {
            free(v);
            return NULL;
        }
        memcpy(kvb->data, bytes_data(k), (size_t)bytes_size(k));
        kvb->data[bytes_size(k)] = '=';
        memcpy(kvb->data + bytes_size(k) + 1, bytes_data(val), (size_t)bytes_size(val));
        v[i] = kvb->data;
    }
    return v;
}

static Value exec_common(const char *fname, Value *a, bool with_env) {
    OsPath p;
    if (os_path_convert(fname, "path", a[0], with_env ? PATH_ALLOW_FD : 0, &p) < 0) return VNULL;
    Value argv = a[1];
    if (!tuple_check(argv) && !list_check(argv)) {
        err_format(&exc_TypeError, "%s() arg 2 must be a tuple or list", fname);
        return VNULL;
    }
    if ((tuple_check(argv) ? tuple_size(argv) : list_size(argv)) == 0) {
        err_format(&exc_ValueError, "%s() arg 2 must not be empty", fname);
        return VNULL;
    }
    Value keep = list_new(0);
    if (!keep) return VNULL;
    char **av = argv_array(fname, argv, keep);
    if (!av) return VNULL;
    char **ev = NULL;
    if (with_env) {
        ev = env_array("execve", a[2], keep);
        if (!ev) {
            free(av);
            return VNULL;
        }
    }
    if (p.fd >= 0) fexecve(p.fd, av, ev);
    else if (with_env) execve(p.narrow, av, ev);
    else execv(p.narrow, av);
    int e = errno;
    free(av);
    free(ev);
    return os_error(e);
}

FN(execv_m) {
    Value a[2];
    if (arg_no_kw("execv", kwnames) < 0 || arg_count("execv", nargs, 2, 2) < 0) return VNULL;
    a[0] = args[0];
    a[1] = args[1];
    return exec_common("execv", a, false);
}

FN(execve_m) {
    Value a[3];
    static const char *const names[] = {"path", "argv", "env", NULL};
    if (os_parse_args("execve", args, nargs, kwnames, names, 0, 3, 3, a) < 0) return VNULL;
    return exec_common("execve", a, true);
}

FN(exit_m) {
    static const char *const names[] = {"status", NULL};
    Value a[1];
    int status;
    if (os_parse_args("_exit", args, nargs, kwnames, names, 0, 1, 1, a) < 0 || os_int(a[0], &status) < 0) return VNULL;
    _exit(status);
}

FN(system_m) {
    static const char *const names[] = {"command", NULL};
    Value a[1];
    if (os_parse_args("system", args, nargs, kwnames, names, 0, 1, 1, a) < 0) return VNULL;
    Value cmd = os_fsencode(a[0], "system");
    if (!cmd) return VNULL;
    const char *c = bytes_data(cmd);
    int r;
    GIL_RELEASE_BEGIN
    r = system(c);
    GIL_RELEASE_END
    if (r == -1) return os_error(errno);
    return int_from_i64(r);
}

/* ---- wait ---- */

static Type *waitid_result_type;
static const char *const waitid_fields[] = {"si_pid", "si_uid", "si_signo", "si_status", "si_code", NULL};

FN(waitpid_m) {
    int pid, options, status = 0;
    if (os_tuple_args("waitpid", nargs, kwnames, 2, 2) < 0 || os_int(args[0], &pid) < 0 ||
        os_int(args[1], &options) < 0)
        return VNULL;
    pid_t r;
    for (;;) {
        GIL_RELEASE_BEGIN
        r = waitpid(pid, &status, options);
        GIL_RELEASE_END
        if (r >= 0 || errno != EINTR) break;
        if (os_check_eintr() < 0) return VNULL;
    }
    if (r < 0) return os_error(errno);
    return tuple_pack(2, int_from_i64(r), int_from_i64(status));
}

FN(wait_m) {
    if (no_args("posix.wait", nargs, kwnames) < 0) return VNULL;
    int status = 0;
    pid_t r;
    for (;;) {
        GIL_RELEASE_BEGIN
        r = wait(&status);
        GIL_RELEASE_END
        if (r >= 0 || errno != EINTR) break;
        if (os_check_eintr() < 0) return VNULL;
    }
    if (r < 0) return os_error(errno);
    return tuple_pack(2, int_from_i64(r), int_from_i64(status));
}

/* wait3/wait4: the rusage comes back as resource.struct_rusage, so the
 * resource module is imported first (as CPython does). */
static Value wait_rusage(pid_t pid, int options) {
    extern Value import_name(Value name, Value globals, Value fromlist, int level);
    extern Value resource_rusage_to_py(const struct rusage *ru);
    if (!import_name(str_intern_cstr("resource"), VNULL, VNone, 0)) return VNULL;
    int status = 0;
    struct rusage ru;
    pid_t r;
    for (;;) {
        GIL_RELEASE_BEGIN
        r = wait4(pid, &status, options, &ru);
        GIL_RELEASE_END
        if (r >= 0 || errno != EINTR) break;
        if (os_check_eintr() < 0) return VNULL;
    }
    if (r < 0) return os_error(errno);
    Value rv = resource_rusage_to_py(&ru);
    return rv ? tuple_pack(3, int_from_i64(r), int_from_i64(status), rv) : VNULL;
}

FN(wait3_m) {
    static const char *const names[] = {"options", NULL};
    Value a[1];
    int options;
    if (os_parse_args("wait3", args, nargs, kwnames, names, 0, 1, 1, a) < 0 || os_int(a[0], &options) < 0)
        return VNULL;
    return wait_rusage(-1, options);
}

FN(wait4_m) {
    static const char *const names[] = {"pid", "options", NULL};
    Value a[2];
    int pid, options;
    if (os_parse_args("wait4", args, nargs, kwnames, names, 0, 2, 2, a) < 0 || os_int(a[0], &pid) < 0 ||
        os_int(a[1], &options) < 0)
        return VNULL;
    return wait_rusage((pid_t)pid, options);
}

FN(waitid_m) {
    int idtype, id, options;
    if (os_tuple_args("waitid", nargs, kwnames, 3, 3) < 0 || os_int(args[0], &idtype) < 0 ||
        os_int(args[1], &id) < 0 || os_int(args[2], &options) < 0)
        return VNULL;
    siginfo_t si;
    memset(&si, 0, sizeof si);
    int r;
    while ((r = waitid((idtype_t)idtype, (id_t)id, &si, options)) < 0 && errno == EINTR)
        if (os_check_eintr() < 0) return VNULL;
    if (r < 0) return os_error(errno);
    /* WNOHANG with no child ready leaves si_pid zero: CPython returns None. */
    if (si.si_pid == 0) return VNone;
    Value items[5] = {int_from_i64(si.si_pid), int_from_i64(si.si_uid), int_from_i64(si.si_signo),
                      int_from_i64(si.si_status), int_from_i64(si.si_code)};
    return structseq_from_array(waitid_result_type, items);
}

static int status_arg(const char *fname, Value *args, size_t nargs, Value kwnames, int *status) {
    static const char *const names[] = {"status", NULL};
    Value a[1];
    if (os_parse_args(fname, args, nargs, kwnames, names, 0, 1, 1, a) < 0) return -1;
    return os_int(a[0], status);
}

#define WAIT_MACRO(name, isbool)                                                 \
    FN(name##_m) {                                                               \
        int st;                                                                  \
        if (status_arg(#name, args, nargs, kwnames, &st) < 0) return VNULL;      \
        return isbool ? val_bool(name(st)) : int_from_i64(name(st));             \
    }
WAIT_MACRO(WIFEXITED, 1)
WAIT_MACRO(WEXITSTATUS, 0)
WAIT_MACRO(WIFSIGNALED, 1)
WAIT_MACRO(WTERMSIG, 0)
WAIT_MACRO(WIFSTOPPED, 1)
WAIT_MACRO(WSTOPSIG, 0)
WAIT_MACRO(WIFCONTINUED, 1)
#undef WAIT_MACRO

/* WCOREDUMP is METH_O in CPython: no keyword, its own message. */
FN(WCOREDUMP_m) {
    int st;
    if (arg_no_kw("WCOREDUMP", kwnames) < 0 || arg_count("posix.WCOREDUMP", nargs, 1, 1) < 0 || os_int(args[0], &st) < 0)
        return VNULL;
    return val_bool(WCOREDUMP(st));
}

FN(waitstatus_to_exitcode_m) {
    int st;
    if (status_arg("waitstatus_to_exitcode", args, nargs, kwnames, &st) < 0) return VNULL;
    if (WIFEXITED(st)) return int_from_i64(WEXITSTATUS(st));
    if (WIFSIGNALED(st)) return int_from_i64(-WTERMSIG(st));
    if (WIFSTOPPED(st)) {
        err_format(&exc_ValueError, "process stopped by delivery of signal %d", WSTOPSIG(st));
        return VNULL;
    }
    err_format(&exc_ValueError, "invalid wait status: %d", st);
    return VNULL;
}

static const MethodDef proc_functions[] = {
    {"getpid", getpid_m, 0, "Return the current process id."},
    {"getppid", getppid_m, 0, "Return the parent's process id."},
    {"getuid", getuid_m, 0, "Return the current process's user id."},
    {"geteuid", geteuid_m, 0, "Return the current process's effective user id."},
    {"getgid", getgid_m, 0, "Return the current process's group id."},
    {"getegid", getegid_m, 0, "Return the current process's effective group id."},
    {"getpgrp", getpgrp_m, 0, "Return the current process group id."},
    {"getgroups", getgroups_m, 0, "Return list of supplemental group IDs for the process."},
    {"getgrouplist", getgrouplist_m, 0, "Returns a list of groups to which a user belongs."},
    {"getlogin", getlogin_m, 0, "Return the actual login name."},
    {"getpgid", getpgid_m, 0, "Call the system call getpgid(), and return the result."},
    {"getsid", getsid_m, 0, "Call the system call getsid(pid) and return the result."},
    {"setsid", setsid_m, 0, "Call the system call setsid()."},
    {"setpgrp", setpgrp_m, 0, "Make the current process the leader of its process group."},
    {"setpgid", setpgid_m, 0, "Call the system call setpgid(pid, pgrp)."},
    {"setuid", setuid_m, 0, "Set the current process's user id."},
    {"seteuid", seteuid_m, 0, "Set the current process's effective user id."},
    {"setgid", setgid_m, 0, "Set the current process's group id."},
    {"setegid", setegid_m, 0, "Set the current process's effective group id."},
    {"setreuid", setreuid_m, 0, "Set the current process's real and effective user ids."},
    {"setregid", setregid_m, 0, "Set the current process's real and effective group ids."},
    {"getresuid", getresuid_m, 0, "Return a tuple of the current process's real, effective, and saved user ids."},
    {"getresgid", getresgid_m, 0, "Return a tuple of the current process's real, effective, and saved group ids."},
    {"umask", umask_m, 0, "Set the current numeric umask and return the previous umask."},
    {"nice", nice_m, 0, "Add increment to the priority of process and return the new priority."},
    {"getpriority", getpriority_m, 0, "Return program scheduling priority."},
    {"setpriority", setpriority_m, 0, "Set program scheduling priority."},
    {"sched_yield", sched_yield_m, 0, "Voluntarily relinquish the CPU."},
    {"sched_getaffinity", sched_getaffinity_m, 0, "Return the affinity of the process identified by pid."},
    {"sched_setaffinity", sched_setaffinity_m, 0, "Set the CPU affinity of the process identified by pid to mask."},
    {"sched_get_priority_max", sched_get_priority_max_m, 0, "Get the maximum scheduling priority for policy."},
    {"sched_get_priority_min", sched_get_priority_min_m, 0, "Get the minimum scheduling priority for policy."},
    {"sched_getscheduler", sched_getscheduler_m, 0, "Get the scheduling policy for the process identified by pid."},
    {"setresuid", setresuid_m, 0, "Set the current process's real, effective, and saved user ids."},
    {"setresgid", setresgid_m, 0, "Set the current process's real, effective, and saved group ids."},
    {"setgroups", setgroups_m, 0, "Set the groups of the current process to list."},
    {"initgroups", initgroups_m, 0, "Initialize the group access list."},
    {"kill", kill_m, 0, "Kill a process with a signal."},
    {"killpg", killpg_m, 0, "Kill a process group with a signal."},
    {"abort", abort_m, 0, "Abort the interpreter immediately."},
    {"register_at_fork", register_at_fork_m, 0, "Register callables to be called when forking a new process."},
    {"fork", fork_m, 0, "Fork a child process."},
    {"execv", execv_m, 0, "Execute an executable path with arguments, replacing current process."},
    {"execve", execve_m, 0, "Execute an executable path with arguments, replacing current process."},
    {"_exit", exit_m, 0, "Exit to the system with specified status, without normal exit processing."},
    {"system", system_m, 0, "Execute the command in a subshell."},
    {"waitpid", waitpid_m, 0, "Wait for completion of a given child process."},
    {"wait3", wait3_m, 0,
     "Wait for completion of a child process.\n\nReturns a tuple of information about the child process:\n  (pid, status, rusage)"},
    {"wait4", wait4_m, 0,
     "Wait for completion of a specific child process.\n\nReturns a tuple of information about the child process:\n  (pid, status, rusage)"},
    {"wait", wait_m, 0, "Wait for completion of a child process."},
    {"waitid", waitid_m, 0, "Returns the result of waiting for a process or processes."},
    {"WIFEXITED", WIFEXITED_m, 0, "Return True if the process returning status exited via the exit() system call."},
    {"WEXITSTATUS", WEXITSTATUS_m, 0, "Return the process return code from status."},
    {"WIFSIGNALED", WIFSIGNALED_m, 0, "Return True if the process returning status was terminated by a signal."},
    {"WTERMSIG", WTERMSIG_m, 0, "Return the signal that terminated the process that provided the status value."},
    {"WIFSTOPPED", WIFSTOPPED_m, 0, "Return True if the process returning status was stopped."},
    {"WSTOPSIG", WSTOPSIG_m, 0, "Return the signal that stopped the process that provided the status value."},
    {"WIFCONTINUED", WIFCONTINUED_m, 0, "Return True if a particular process was continued from a job control stop."},
    {"WCOREDUMP", WCOREDUMP_m, 0, "Return True if the process returning status was dumped to a core file."},
    {"waitstatus_to_exitcode", waitstatus_to_exitcode_m, 0, "Convert a wait status to an exit code."},
    {NULL}
};

int posix_proc_init(Value m) {
    waitid_result_type = structseq_new_type("posix.waitid_result", waitid_fields, 5);
    if (module_add(m, "waitid_result", obj_val(waitid_result_type)) < 0) return -1;
    return module_add_functions(m, proc_functions);
}
