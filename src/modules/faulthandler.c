/* faulthandler.c - the faulthandler module: Python tracebacks on fatal signals, on demand,
 * after a timeout (a watchdog thread) and on user signals. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/frame.h"
#include "../vm/thread.h"
#include "../vm/code.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/*
 * The dumps are written with write(2) straight from the frame chains (no allocation, no
 * GIL): they must work inside a signal handler and from the watchdog thread while Python
 * code runs. A dump may therefore show a frame's line as of its last call out.
 *
 * Each facility keeps the file object it writes to alive (a GC root), so that its file
 * descriptor is not closed under it, as CPython does.
 */

#define MAX_FRAME_DEPTH 100

int frame_lineno(Frame *f);

static void put(int fd, const char *s) {
    size_t n = strlen(s);
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
    }
}

/* Names and file names are cut at 500 bytes, as CPython's are. */
#define MAX_STRING_LENGTH 500

static void put_str(int fd, Value s) {
    if (!s || !str_check(s)) {
        put(fd, "???");
        return;
    }
    const char *p = str_data(s);
    size_t n = strlen(p);
    if (n <= MAX_STRING_LENGTH) {
        put(fd, p);
        return;
    }
    char buf[MAX_STRING_LENGTH + 4];
    memcpy(buf, p, MAX_STRING_LENGTH);
    strcpy(buf + MAX_STRING_LENGTH, "...");
    put(fd, buf);
}

static void dump_frames(int fd, Frame *f) {
    int depth = 0;
    for (; f; f = f->back) {
        if (depth++ >= MAX_FRAME_DEPTH) {
            put(fd, "  ...\n");
            break;
        }
        char line[32];
        put(fd, "  File \"");
        put_str(fd, f->code->filename);
        snprintf(line, sizeof line, "\", line %d in ", frame_lineno(f));
        put(fd, line);
        put_str(fd, f->code->name);
        put(fd, "\n");
    }
}

/* CPython's layout: "Current thread 0x... (most recent call first):" for the calling
 * thread, "Thread 0x..." for the others, a blank line between threads. */
static void dump_traceback(int fd, bool all_threads) {
    if (!all_threads) {
        put(fd, "Stack (most recent call first):\n");
        if (ts) dump_frames(fd, ts->frame);
        return;
    }
    /* Newest thread first, as CPython lists them. */
    ThreadState *last = thread_list;
    while (last && last->next) last = last->next;
    int n = 0;
    for (ThreadState *t = last; t; t = t->prev) {
        if (n++) put(fd, "\n");
        char head[80];
        snprintf(head, sizeof head, "%s 0x%016lx (most recent call first):\n",
                 t == ts ? "Current thread" : "Thread", t->ident);
        put(fd, head);
        dump_frames(fd, t->frame);
    }
}

/* The file argument: None means sys.stderr; an int is a descriptor; otherwise an
 * object with fileno(), flushed first. */
static int file_arg(Value file, int *fd, Value *keep) {
    extern Value sys_module;
    if (!file || file == VNone) {
        file = dict_get_cstr(module_dict(sys_module), "stderr");
        if (!file || file == VNone) {
            err_set(&exc_RuntimeError, "sys.stderr is None");
            return -1;
        }
    }
    if (int_check(file) && !bool_check(file)) {
        int64_t v = int_as_i64(file);
        if (v == -1 && err_occurred()) return -1;
        if (v < 0 || v > 0x7fffffff) {
            err_set(&exc_ValueError, "file is not a valid file descripter");
            return -1;
        }
        *fd = (int)v;
        *keep = VNone;
        return 0;
    }
    Value r = obj_call_method(file, "fileno", NULL, 0);
    if (!r) return -1;
    if (!int_check(r)) {
        err_set(&exc_RuntimeError, "file.fileno() is not a valid file descriptor");
        return -1;
    }
    int64_t v = int_as_i64(r);
    if (v < 0 || v > 0x7fffffff) {
        err_set(&exc_RuntimeError, "file.fileno() is not a valid file descriptor");
        return -1;
    }
    Value fl = obj_call_method(file, "flush", NULL, 0);
    if (!fl) err_clear();   /* a file that cannot flush still has its descriptor */
    *fd = (int)v;
    *keep = file;
    return 0;
}

static int bool_arg(Value v, bool dflt) {
    if (!v) return dflt;
    return obj_is_true(v);
}

/* ---- Fatal signals: enable(), disable(), is_enabled() ---- */

static const struct {
    int signum;
    const char *name;
} fatal_signals[] = {
    {SIGBUS, "Bus error"},
    {SIGILL, "Illegal instruction"},
    {SIGFPE, "Floating point exception"},
    {SIGABRT, "Aborted"},
    {SIGSEGV, "Segmentation fault"},
};
#define N_FATAL (sizeof fatal_signals / sizeof fatal_signals[0])

static struct sigaction fatal_previous[N_FATAL];
static bool fatal_enabled;
static int fatal_fd = 2;
static bool fatal_all_threads = true;
static Value fatal_file;   /* GC root */
static char *alt_stack;

static void fatal_handler(int signum) {
    size_t i;
    for (i = 0; i < N_FATAL; i++)
        if (fatal_signals[i].signum == signum) break;
    if (i == N_FATAL) return;
    int save_errno = errno;
    int fd = fatal_fd;
    /* Back to the previous handler first: a fault while dumping ends the process. */
    sigaction(signum, &fatal_previous[i], NULL);
    fatal_enabled = false;
    put(fd, "Fatal Python error: ");
    put(fd, fatal_signals[i].name);
    put(fd, "\n\n");
    dump_traceback(fd, fatal_all_threads);
    errno = save_errno;
    /* Delivered again on return (synchronous faults) or now (raise/kill). */
    raise(signum);
}

static void fatal_disable(void) {
    if (!fatal_enabled) return;
    fatal_enabled = false;
    for (size_t i = 0; i < N_FATAL; i++) sigaction(fatal_signals[i].signum, &fatal_previous[i], NULL);
}

static int fatal_enable(int fd, bool all_threads) {
    fatal_fd = fd;
    fatal_all_threads = all_threads;
    if (fatal_enabled) return 0;
    /* An alternate stack, so that a C stack overflow can still be reported. */
    if (!alt_stack) {
        size_t size = SIGSTKSZ * 2 + 65536;
        alt_stack = malloc(size);
        if (alt_stack) {
            stack_t ss = {.ss_sp = alt_stack, .ss_size = size, .ss_flags = 0};
            sigaltstack(&ss, NULL);
        }
    }
    for (size_t i = 0; i < N_FATAL; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = fatal_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_NODEFER | SA_ONSTACK;
        if (sigaction(fatal_signals[i].signum, &sa, &fatal_previous[i]) < 0) {
            err_from_errno(&exc_OSError);
            return -1;
        }
    }
    fatal_enabled = true;
    return 0;
}

/* -X faulthandler and PYTHONFAULTHANDLER (main.c). */
void faulthandler_enable_at_startup(void) { fatal_enable(2, true); }

static Value enable_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"file", "all_threads", NULL};
    Value a[2];
    if (arg_parse("enable", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    int fd;
    Value keep;
    if (file_arg(a[0], &fd, &keep) < 0) return VNULL;
    int all = bool_arg(a[1], true);
    if (all < 0) return VNULL;
    if (fatal_enable(fd, all) < 0) return VNULL;
    fatal_file = keep;
    return VNone;
}

static Value disable_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("disable", nargs, 0, 0) < 0) return VNULL;
    bool was = fatal_enabled;
    fatal_disable();
    fatal_file = VNULL;
    return was ? VTrue : VFalse;
}

static Value is_enabled_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("is_enabled", nargs, 0, 0) < 0) return VNULL;
    return fatal_enabled ? VTrue : VFalse;
}

static Value dump_traceback_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"file", "all_threads", NULL};
    Value a[2];
    if (arg_parse("dump_traceback", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    int fd;
    Value keep;
    if (file_arg(a[0], &fd, &keep) < 0) return VNULL;
    int all = bool_arg(a[1], true);
    if (all < 0) return VNULL;
    dump_traceback(fd, all);
    return VNone;
}

/* ---- dump_traceback_later(): a watchdog thread ---- */

static pthread_mutex_t wd_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wd_cond = PTHREAD_COND_INITIALIZER;
static pthread_t wd_thread;
static bool wd_running, wd_cancel;
static double wd_timeout;
static bool wd_repeat, wd_exit;
static int wd_fd;
static Value wd_file;   /* GC root */

static void *watchdog(void *arg) {
    pthread_mutex_lock(&wd_lock);
    for (;;) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        double whole = (double)(long long)wd_timeout;
        until.tv_sec += (time_t)whole;
        until.tv_nsec += (long)((wd_timeout - whole) * 1e9);
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        int rc = 0;
        while (!wd_cancel && rc != ETIMEDOUT) rc = pthread_cond_timedwait(&wd_cond, &wd_lock, &until);
        if (wd_cancel) break;
        long secs = (long)wd_timeout;
        long us = (long)((wd_timeout - (double)secs) * 1e6 + 0.5);
        char head[96], frac[16] = "";
        if (us) snprintf(frac, sizeof frac, ".%06ld", us);
        snprintf(head, sizeof head, "Timeout (%ld:%02ld:%02ld%s)!\n", secs / 3600, secs / 60 % 60, secs % 60, frac);
        put(wd_fd, head);
        dump_traceback(wd_fd, true);
        if (wd_exit) _exit(1);
        if (!wd_repeat) break;
    }
    pthread_mutex_unlock(&wd_lock);
    return NULL;
}

static void watchdog_cancel(void) {
    if (!wd_running) return;
    pthread_mutex_lock(&wd_lock);
    wd_cancel = true;
    pthread_cond_signal(&wd_cond);
    pthread_mutex_unlock(&wd_lock);
    pthread_join(wd_thread, NULL);
    wd_running = false;
    wd_file = VNULL;
}

static Value dump_later_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"timeout", "repeat", "file", "exit", NULL};
    Value a[4];
    if (arg_parse("dump_traceback_later", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    double timeout;
    if (float_check(a[0])) timeout = float_value(a[0]);
    else if (int_check(a[0])) {
        timeout = (double)int_as_i64(a[0]);
        if (err_occurred()) return VNULL;
    } else {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[0]));
        return VNULL;
    }
    if (!(timeout > 0)) {
        err_set(&exc_ValueError, "timeout must be greater than 0");
        return VNULL;
    }
    if (timeout > 1e9) {
        err_set(&exc_OverflowError, "timeout value is too large");
        return VNULL;
    }
    int repeat = bool_arg(a[1], false), ex = bool_arg(a[3], false);
    if (repeat < 0 || ex < 0) return VNULL;
    int fd;
    Value keep;
    if (file_arg(a[2], &fd, &keep) < 0) return VNULL;
    watchdog_cancel();
    wd_timeout = timeout;
    wd_repeat = repeat;
    wd_exit = ex;
    wd_fd = fd;
    wd_file = keep;
    wd_cancel = false;
    if (pthread_create(&wd_thread, NULL, watchdog, NULL) != 0) {
        err_set(&exc_RuntimeError, "unable to start watchdog thread");
        wd_file = VNULL;
        return VNULL;
    }
    wd_running = true;
    return VNone;
}

static Value cancel_later_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("cancel_dump_traceback_later", nargs, 0, 0) < 0) return VNULL;
    watchdog_cancel();
    return VNone;
}

/* ---- register(): a traceback on a user signal ---- */

#define MAX_SIG 65
static struct {
    bool on;
    int fd;
    bool all_threads, chain;
    struct sigaction previous;
} user_sig[MAX_SIG];
static Value user_files;   /* dict signum -> file, GC root */

static void user_handler(int signum) {
    if (signum <= 0 || signum >= MAX_SIG || !user_sig[signum].on) return;
    int save_errno = errno;
    dump_traceback(user_sig[signum].fd, user_sig[signum].all_threads);
    if (user_sig[signum].chain) {
        /* Call the previous handler with our own disabled, then come back. */
        struct sigaction mine;
        sigaction(signum, &user_sig[signum].previous, &mine);
        raise(signum);
        sigaction(signum, &mine, NULL);
    }
    errno = save_errno;
}

static int check_user_signal(int64_t signum) {
    for (size_t i = 0; i < N_FATAL; i++)
        if (fatal_signals[i].signum == signum) {
            err_format(&exc_RuntimeError, "signal %d cannot be registered, use enable() instead", (int)signum);
            return -1;
        }
    if (signum < 1 || signum >= MAX_SIG || signum == SIGKILL || signum == SIGSTOP) {
        err_set(&exc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

static Value register_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"signum", "file", "all_threads", "chain", NULL};
    Value a[4];
    if (arg_parse("register", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    if (!int_check(a[0])) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[0]));
        return VNULL;
    }
    int64_t signum = int_as_i64(a[0]);
    if (err_occurred() || check_user_signal(signum) < 0) return VNULL;
    int fd;
    Value keep;
    if (file_arg(a[1], &fd, &keep) < 0) return VNULL;
    int all = bool_arg(a[2], true), chain = bool_arg(a[3], false);
    if (all < 0 || chain < 0) return VNULL;
    if (!user_sig[signum].on) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = user_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART | (chain ? SA_NODEFER : 0);
        if (sigaction((int)signum, &sa, &user_sig[signum].previous) < 0) {
            err_from_errno(&exc_OSError);
            return VNULL;
        }
    }
    user_sig[signum].on = true;
    user_sig[signum].fd = fd;
    user_sig[signum].all_threads = all;
    user_sig[signum].chain = chain;
    if (!user_files) user_files = dict_new();
    if (!user_files || dict_set(user_files, a[0], keep) < 0) return VNULL;
    return VNone;
}

static Value unregister_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("unregister", kwnames) < 0 || arg_count("unregister", nargs, 1, 1) < 0) return VNULL;
    if (!int_check(args[0])) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
        return VNULL;
    }
    int64_t signum = int_as_i64(args[0]);
    if (err_occurred() || check_user_signal(signum) < 0) return VNULL;
    if (!user_sig[signum].on) return VFalse;
    user_sig[signum].on = false;
    sigaction((int)signum, &user_sig[signum].previous, NULL);
    if (user_files && dict_del(user_files, args[0]) < 0) err_clear();
    return VTrue;
}

/* ---- Test helpers (test_faulthandler, test.support) ---- */

static Value sigsegv_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"release_gil", NULL};
    Value a[1];
    if (arg_parse("_sigsegv", args, nargs, kwnames, names, 1, 0, a) < 0) return VNULL;
    raise(SIGSEGV);
    /* Still alive: a handler returned. Make sure the default action happens. */
    signal(SIGSEGV, SIG_DFL);
    raise(SIGSEGV);
    return VNone;
}

static Value read_null_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("_read_null", nargs, 0, 0) < 0) return VNULL;
    volatile int *p = NULL;
    int x = *p;
    return int_from_i64(x);
}

static Value sigabrt_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("_sigabrt", nargs, 0, 0) < 0) return VNULL;
    abort();
}

static Value sigfpe_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("_sigfpe", nargs, 0, 0) < 0) return VNULL;
    raise(SIGFPE);
    signal(SIGFPE, SIG_DFL);
    raise(SIGFPE);
    return VNone;
}

static Value fatal_error_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("_fatal_error", nargs, 1, 2) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "argument 1 must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    put(2, "Fatal Python error: _fatal_error: ");
    put(2, str_data(args[0]));
    put(2, "\n\n");
    dump_traceback(2, true);
    fatal_disable();
    abort();
}

static const MethodDef faulthandler_functions[] = {
    {"enable", enable_m, 0,
     "enable(file=sys.stderr, all_threads=True): enable the fault handler"},
    {"disable", disable_m, 0, "disable(): disable the fault handler"},
    {"is_enabled", is_enabled_m, 0, "is_enabled()->bool: check if the handler is enabled"},
    {"dump_traceback", dump_traceback_m, 0,
     "dump_traceback(file=sys.stderr, all_threads=True): dump the traceback of the current thread, "
     "or of all threads if all_threads is True, into file"},
    {"dump_traceback_later", dump_later_m, 0,
     "dump_traceback_later(timeout, repeat=False, file=sys.stderrn, exit=False):\n"
     "dump the traceback of all threads in timeout seconds,\n"
     "or each timeout seconds if repeat is True. If exit is True, call _exit(1) which is not safe."},
    {"cancel_dump_traceback_later", cancel_later_m, 0,
     "cancel_dump_traceback_later():\ncancel the previous call to dump_traceback_later()."},
    {"register", register_m, 0,
     "register(signum, file=sys.stderr, all_threads=True, chain=False): register a handler for "
     "the signal 'signum': dump the traceback of the current thread, or of all threads if "
     "all_threads is True, into file"},
    {"unregister", unregister_m, 0,
     "unregister(signum): unregister the handler of the signal 'signum' registered by register()"},
    {"_sigsegv", sigsegv_m, 0, "_sigsegv(release_gil=False): raise a SIGSEGV signal"},
    {"_read_null", read_null_m, 0, "_read_null(): read from NULL, raise a SIGSEGV or SIGBUS signal depending on the platform"},
    {"_sigabrt", sigabrt_m, 0, "_sigabrt(): raise a SIGABRT signal"},
    {"_sigfpe", sigfpe_m, 0, "_sigfpe(): raise a SIGFPE signal"},
    {"_fatal_error", fatal_error_m, 0, "_fatal_error(message): call Py_FatalError(message)"},
    {NULL}
};

/* The watchdog thread does not survive fork(): the child starts without one. */
static void after_fork_child(void) {
    wd_running = false;
    wd_file = VNULL;
    pthread_mutex_init(&wd_lock, NULL);
    pthread_cond_init(&wd_cond, NULL);
}

Value faulthandler_module_init(void) {
    static bool rooted;
    if (!rooted) {
        pthread_atfork(NULL, NULL, after_fork_child);
        gc_add_root(&fatal_file);
        gc_add_root(&wd_file);
        gc_add_root(&user_files);
        rooted = true;
    }
    Value m = module_new_cstr("faulthandler");
    if (!m || module_add_functions(m, faulthandler_functions) < 0) return VNULL;
    if (module_add(m, "__doc__", str_from_cstr("faulthandler module.")) < 0) return VNULL;
    return m;
}
