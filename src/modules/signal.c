/* signal.c - the _signal module: Python signal handlers recorded by a C handler and run at safe points, alarm, itimers, masks. */
#include "signal.h"
#include "os_util.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/set.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../vm/frame.h"
#include "../vm/error.h"
#include "../vm/thread.h"
#include "../vm/gil.h"
#include "../gc/gc.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

/*
 * The C handler (trip) may run at any instruction, so it touches only
 * sig_atomic_t flags and write(2).  Python handlers are kept in `handlers`,
 * a list indexed by signal number holding SIG_DFL (0), SIG_IGN (1), a
 * callable, or None for a disposition Python did not set.
 *
 * Safety net: until the interpreter polls signal_pending(), a Ctrl-C could
 * only set a flag nobody reads.  So if SIGINT arrives while the previous
 * SIGINT is still unhandled and its handler is default_int_handler, the
 * C handler restores the system default and re-raises the signal: a second
 * Ctrl-C always stops the program.
 */

volatile sig_atomic_t signal_tripped;
static volatile sig_atomic_t tripped[NSIG];
static volatile sig_atomic_t wakeup_fd = -1;
static volatile sig_atomic_t sigint_is_default_handler;

static Value handlers;            /* list of NSIG entries; a GC root */
static Value default_int_handler; /* the builtin function object */
static Value itimer_error;        /* signal.itimer_error */

static void trip(int sig) {
    int saved = errno;
    if (sig == SIGINT && tripped[SIGINT] && sigint_is_default_handler) {
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
    tripped[sig] = 1;
    signal_tripped = 1;
    eval_breaker_set();
    if (wakeup_fd >= 0) {
        unsigned char b = (unsigned char)sig;
        ssize_t r = write(wakeup_fd, &b, 1);
        (void)r;
    }
    errno = saved;
}

/* Install trip() for sig; no SA_RESTART, so blocking calls see EINTR and
 * run the handler (PEP 475 retries them afterwards). */
static int install_trip(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = trip;
    sa.sa_flags = SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    return sigaction(sig, &sa, NULL);
}

static int ensure_handlers(void) {
    if (handlers) return 0;
    Value l = list_new(NSIG);
    if (!l) return -1;
    for (int i = 0; i < NSIG; i++) {
        Value h = VNone;
        struct sigaction old;
        if (i > 0 && sigaction(i, NULL, &old) == 0) {
            if (old.sa_handler == SIG_DFL) h = val_from_int(0);
            else if (old.sa_handler == SIG_IGN) h = val_from_int(1);
        }
        if (list_append(l, h) < 0) return -1;
    }
    handlers = l;
    gc_add_root(&handlers);
    return 0;
}

static Value int_handler_fn(Value self, Value *args, size_t nargs, Value kwnames);
static const MethodDef int_handler_def = {"default_int_handler", int_handler_fn, 0,
                                          "The default handler for SIGINT installed by Python.\n\n"
                                          "It raises KeyboardInterrupt."};

static int ensure_default_int_handler(void) {
    if (default_int_handler) return 0;
    default_int_handler = builtin_func_new(&int_handler_def, VNULL, str_intern_cstr("_signal"));
    if (!default_int_handler) return -1;
    gc_add_root(&default_int_handler);
    return 0;
}

/* SIGINT raises KeyboardInterrupt unless the program inherited SIG_IGN. */
static int install_sigint(void) {
    if (ensure_handlers() < 0 || ensure_default_int_handler() < 0) return -1;
    if (list_get(handlers, SIGINT) != val_from_int(0)) return 0;
    if (install_trip(SIGINT) == 0) {
        list_set(handlers, SIGINT, default_int_handler);
        sigint_is_default_handler = 1;
    }
    return 0;
}

void signal_install_default_handlers(void) {
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
    if (install_sigint() < 0) err_clear();
    if (handlers) {
        list_set(handlers, SIGPIPE, val_from_int(1));
        list_set(handlers, SIGXFSZ, val_from_int(1));
    }
}

void signal_after_fork(void) {
    for (int i = 0; i < NSIG; i++) tripped[i] = 0;
    signal_tripped = 0;
}

int signal_simulate(int sig) {
    if (sig < 1 || sig >= NSIG) {
        err_set(&exc_ValueError, "signal number out of range");
        return -1;
    }
    Value h = handlers ? list_get(handlers, sig) : VNone;
    if (val_is_int(h) || h == VNone) return 0;   /* SIG_DFL, SIG_IGN: nothing to do */
    tripped[sig] = 1;
    signal_tripped = 1;
    eval_breaker_set();
    return 0;
}

int signal_run_handlers(void) {
    /* Python handlers run on the main thread only, as in CPython. */
    if (!signal_tripped || !thread_is_main()) return 0;
    signal_tripped = 0;
    for (int i = 1; i < NSIG; i++) {
        if (!tripped[i]) continue;
        tripped[i] = 0;
        Value h = handlers ? list_get(handlers, i) : VNone;
        if (val_is_int(h) || h == VNone) continue;   /* SIG_DFL / SIG_IGN set meanwhile */
        Value frame = ts && ts->frame ? frame_get_object(ts->frame) : VNone;
        if (!frame) return -1;
        Value r = obj_call2(h, val_from_int(i), frame);
        if (!r) {
            /* Leave the rest due: they run at the next check. */
            signal_tripped = 1;
            eval_breaker_set();
            return -1;
        }
    }
    return 0;
}

/* ---- The module functions ---- */

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

static int signum_arg(Value v, int *sig) {
    if (os_int(v, sig) < 0) return -1;
    if (*sig < 1 || *sig >= NSIG) {
        err_set(&exc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

static Value int_handler_fn(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("default_int_handler", kwnames) < 0 || arg_count("default_int_handler", nargs, 2, 2) < 0)
        return VNULL;
    err_set_object(exc_new(&exc_KeyboardInterrupt, tuple_empty()));
    return VNULL;
}

FN(signal_m) {
    int sig;
    if (arg_no_kw("signal", kwnames) < 0 || arg_count("signal", nargs, 2, 2) < 0 || signum_arg(args[0], &sig) < 0)
        return VNULL;
    if (!thread_is_main()) {
        err_set(&exc_ValueError, "signal only works in main thread of the main interpreter");
        return VNULL;
    }
    if (ensure_handlers() < 0) return VNULL;
    Value h = args[1];
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_ONSTACK;
    if (int_check(h) && !bool_check(h) && int_fits_i64(h) && (int_as_i64(h) == 0 || int_as_i64(h) == 1)) {
        sa.sa_handler = int_as_i64(h) == 0 ? SIG_DFL : SIG_IGN;
        h = val_from_int(int_as_i64(h));
    } else if (!val_is_int(h) && val_type(h)->call) {
        sa.sa_handler = trip;
    } else {
        err_set(&exc_TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
        return VNULL;
    }
    /* A pending signal must not run the handler being replaced (or run its
     * replacement for a signal that came before): run what is due first. */
    if (signal_run_handlers() < 0) return VNULL;
    if (sigaction(sig, &sa, NULL) != 0) return os_error(errno);
    Value old = list_get(handlers, sig);
    list_set(handlers, sig, h);
    if (sig == SIGINT) sigint_is_default_handler = h == default_int_handler;
    return old;
}

FN(getsignal_m) {
    int sig;
    if (arg_no_kw("getsignal", kwnames) < 0 || arg_count("_signal.getsignal", nargs, 1, 1) < 0 || signum_arg(args[0], &sig) < 0)
        return VNULL;
    if (ensure_handlers() < 0) return VNULL;
    return list_get(handlers, sig);
}

FN(raise_signal_m) {
    int sig;
    if (arg_no_kw("raise_signal", kwnames) < 0 || arg_count("_signal.raise_signal", nargs, 1, 1) < 0 ||
        signum_arg(args[0], &sig) < 0)
        return VNULL;
    if (raise(sig) != 0) return os_error(errno);
    if (signal_run_handlers() < 0) return VNULL;
    return VNone;
}

FN(strsignal_m) {
    int sig;
    if (arg_no_kw("strsignal", kwnames) < 0 || arg_count("_signal.strsignal", nargs, 1, 1) < 0 || signum_arg(args[0], &sig) < 0)
        return VNULL;
    errno = 0;
    const char *s = strsignal(sig);
    if (errno || !s || strstr(s, "Unknown signal")) return VNone;
    return str_from_cstr(s);
}

static Value sigset_to_set(const sigset_t *set) {
    Value s = set_new(&type_set);
    if (!s) return VNULL;
    for (int i = 1; i < NSIG; i++)
        if (sigismember(set, i) == 1 && set_add(s, val_from_int(i)) < 0) return VNULL;
    return s;
}

/* An iterable of signal numbers to a sigset_t. */
static int iterable_to_sigset(Value it, sigset_t *set) {
    sigemptyset(set);
    Value iter = obj_iter(it);
    if (!iter) return -1;
    Value x;
    while ((x = obj_next(iter))) {
        int sig;
        if (os_int(x, &sig) < 0) return -1;
        if (sig < 1 || sig >= NSIG) {
            err_format(&exc_ValueError, "signal number %d out of range [1; %d]", sig, NSIG - 1);
            return -1;
        }
        sigaddset(set, sig);
    }
    return err_occurred() ? -1 : 0;
}

FN(valid_signals_m) {
    if (arg_count("_signal.valid_signals", nargs, 0, 0) < 0) return VNULL;
    sigset_t set;
    sigfillset(&set);
    return sigset_to_set(&set);
}

FN(alarm_m) {
    int secs;
    if (arg_no_kw("alarm", kwnames) < 0 || arg_count("_signal.alarm", nargs, 1, 1) < 0 || os_int(args[0], &secs) < 0)
        return VNULL;
    return int_from_i64(alarm((unsigned)secs));
}

FN(pause_m) {
    if (arg_count("_signal.pause", nargs, 0, 0) < 0) return VNULL;
    GIL_RELEASE_BEGIN
    pause();
    GIL_RELEASE_END
    if (signal_run_handlers() < 0) return VNULL;
    return VNone;
}

FN(set_wakeup_fd_m) {
    static const char *const names[] = {"fd", "warn_on_full_buffer", NULL};
    Value a[2];
    int fd;
    if (os_parse_args("set_wakeup_fd", args, nargs, kwnames, names, 1, 1, 1, a) < 0 || os_int(a[0], &fd) < 0)
        return VNULL;
    if (!thread_is_main()) {
        err_set(&exc_ValueError, "set_wakeup_fd only works in main thread of the main interpreter");
        return VNULL;
    }
    if (fd != -1) {
        struct stat st;
        if (fstat(fd, &st) != 0) return os_error(errno);
        int fl = fcntl(fd, F_GETFL);
        if (fl < 0) return os_error(errno);
        if (!(fl & O_NONBLOCK)) {
            err_format(&exc_ValueError, "the fd %d must be in non-blocking mode", fd);
            return VNULL;
        }
    }
    int old = wakeup_fd;
    wakeup_fd = fd;
    return int_from_i64(old);
}

FN(siginterrupt_m) {
    int sig, flag;
    if (arg_no_kw("siginterrupt", kwnames) < 0 || arg_count("siginterrupt", nargs, 2, 2) < 0 ||
        signum_arg(args[0], &sig) < 0 || os_int(args[1], &flag) < 0)
        return VNULL;
    struct sigaction sa;
    if (sigaction(sig, NULL, &sa) != 0) return os_error(errno);
    if (flag) sa.sa_flags &= ~SA_RESTART;
    else sa.sa_flags |= SA_RESTART;
    if (sigaction(sig, &sa, NULL) != 0) return os_error(errno);
    return VNone;
}

FN(pthread_sigmask_m) {
    int how;
    sigset_t set, old;
    if (arg_no_kw("pthread_sigmask", kwnames) < 0 || arg_count("pthread_sigmask", nargs, 2, 2) < 0 ||
        os_int(args[0], &how) < 0 || iterable_to_sigset(args[1], &set) < 0)
        return VNULL;
    int e = pthread_sigmask(how, &set, &old);
    if (e) return os_error(e);
    /* Unblocking may deliver a pending signal right away. */
    if (signal_run_handlers() < 0) return VNULL;
    return sigset_to_set(&old);
}

FN(sigpending_m) {
    if (arg_count("_signal.sigpending", nargs, 0, 0) < 0) return VNULL;
    sigset_t set;
    if (sigpending(&set) != 0) return os_error(errno);
    return sigset_to_set(&set);
}

FN(sigwait_m) {
    sigset_t set;
    int sig;
    if (arg_no_kw("sigwait", kwnames) < 0 || arg_count("_signal.sigwait", nargs, 1, 1) < 0 ||
        iterable_to_sigset(args[0], &set) < 0)
        return VNULL;
    int e;
    GIL_RELEASE_BEGIN
    e = sigwait(&set, &sig);
    GIL_RELEASE_END
    if (e) return os_error(e);
    return val_from_int(sig);
}

FN(pthread_kill_m) {
    int64_t tid;
    int sig;
    if (arg_no_kw("pthread_kill", kwnames) < 0 || arg_count("pthread_kill", nargs, 2, 2) < 0 ||
        os_i64(args[0], &tid) < 0 || os_int(args[1], &sig) < 0)
        return VNULL;
    int e = pthread_kill((pthread_t)tid, sig);
    if (e) return os_error(e);
    if (signal_run_handlers() < 0) return VNULL;
    return VNone;
}

static double tv_seconds(const struct timeval *tv) { return (double)tv->tv_sec + (double)tv->tv_usec * 1e-6; }

static Value itimer_tuple(const struct itimerval *v) {
    return tuple_pack(2, float_new(tv_seconds(&v->it_value)), float_new(tv_seconds(&v->it_interval)));
}

static int seconds_to_timeval(Value v, struct timeval *tv) {
    double d;
    if (float_as_double(v, &d) < 0) return -1;
    if (d < 0) d = 0;
    tv->tv_sec = (time_t)d;
    tv->tv_usec = (suseconds_t)((d - (double)tv->tv_sec) * 1e6);
    /* A nonzero request below a microsecond must not disarm the timer. */
    if (d > 0 && tv->tv_sec == 0 && tv->tv_usec == 0) tv->tv_usec = 1;
    return 0;
}

static Value itimer_fail(void) {
    int e = errno;
    Value args[2] = {int_from_i64(e), str_from_cstr(strerror(e))};
    Value exc = obj_call(itimer_error, args, 2, VNULL);
    if (exc) err_set_object(exc);
    return VNULL;
}

FN(setitimer_m) {
    int which;
    struct itimerval nv, old;
    memset(&nv, 0, sizeof nv);
    if (arg_no_kw("setitimer", kwnames) < 0 || arg_count("setitimer", nargs, 2, 3) < 0 ||
        os_int(args[0], &which) < 0 || seconds_to_timeval(args[1], &nv.it_value) < 0 ||
        (nargs > 2 && seconds_to_timeval(args[2], &nv.it_interval) < 0))
        return VNULL;
    if (setitimer(which, &nv, &old) != 0) return itimer_fail();
    return itimer_tuple(&old);
}

FN(getitimer_m) {
    int which;
    struct itimerval v;
    if (arg_no_kw("getitimer", kwnames) < 0 || arg_count("_signal.getitimer", nargs, 1, 1) < 0 || os_int(args[0], &which) < 0)
        return VNULL;
    if (getitimer(which, &v) != 0) return itimer_fail();
    return itimer_tuple(&v);
}

static const MethodDef signal_functions[] = {
    {"signal", signal_m, 0, "Set the action for the given signal."},
    {"getsignal", getsignal_m, 0, "Return the current action for the given signal."},
    {"raise_signal", raise_signal_m, 0, "Send a signal to the executing process."},
    {"strsignal", strsignal_m, 0, "Return the system description of the given signal."},
    {"valid_signals", valid_signals_m, 0, "Return a set of valid signal numbers on this platform."},
    {"alarm", alarm_m, 0, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"pause", pause_m, 0, "Wait until a signal arrives."},
    {"set_wakeup_fd", set_wakeup_fd_m, 0, "Sets the fd to be written to (with the signal number) when a signal comes in."},
    {"siginterrupt", siginterrupt_m, 0, "Change system call restart behaviour."},
    {"pthread_sigmask", pthread_sigmask_m, 0, "Fetch and/or change the signal mask of the calling thread."},
    {"sigpending", sigpending_m, 0, "Examine pending signals."},
    {"sigwait", sigwait_m, 0, "Wait for a signal."},
    {"pthread_kill", pthread_kill_m, 0, "Send a signal to a thread."},
    {"setitimer", setitimer_m, 0, "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF)."},
    {"getitimer", getitimer_m, 0, "Returns current value of given itimer."},
    {NULL}
};

#define C(name) {#name, name}
static const struct { const char *name; int value; } signal_constants[] = {
    C(SIG_BLOCK), C(SIG_UNBLOCK), C(SIG_SETMASK), C(NSIG),
    C(ITIMER_REAL), C(ITIMER_VIRTUAL), C(ITIMER_PROF),
    C(SIGHUP), C(SIGINT), C(SIGQUIT), C(SIGILL), C(SIGTRAP), C(SIGABRT), C(SIGIOT), C(SIGBUS),
    C(SIGFPE), C(SIGKILL), C(SIGUSR1), C(SIGSEGV), C(SIGUSR2), C(SIGPIPE), C(SIGALRM), C(SIGTERM),
    C(SIGSTKFLT), C(SIGCHLD), C(SIGCLD), C(SIGCONT), C(SIGSTOP), C(SIGTSTP), C(SIGTTIN), C(SIGTTOU),
    C(SIGURG), C(SIGXCPU), C(SIGXFSZ), C(SIGVTALRM), C(SIGPROF), C(SIGWINCH), C(SIGIO), C(SIGPOLL),
    C(SIGPWR), C(SIGSYS),
};
#undef C

Value signal_module_init(void) {
    Value m = module_new_cstr("_signal");
    if (!m || module_add_functions(m, signal_functions) < 0) return VNULL;
    if (install_sigint() < 0) return VNULL;
    for (size_t i = 0; i < ARRAY_LEN(signal_constants); i++)
        if (module_add(m, signal_constants[i].name, val_from_int(signal_constants[i].value)) < 0) return VNULL;
    /* SIGRTMIN/SIGRTMAX are run-time values in glibc (it keeps a few for itself). */
    if (module_add(m, "SIGRTMIN", val_from_int(SIGRTMIN)) < 0 || module_add(m, "SIGRTMAX", val_from_int(SIGRTMAX)) < 0 ||
        module_add(m, "SIG_DFL", val_from_int(0)) < 0 || module_add(m, "SIG_IGN", val_from_int(1)) < 0 ||
        module_add(m, "default_int_handler", default_int_handler) < 0)
        return VNULL;
    Value targs[3] = {str_from_cstr("itimer_error"), tuple_pack(1, obj_val(&exc_OSError)), dict_new()};
    if (!targs[0] || !targs[1] || !targs[2] || dict_set_cstr(targs[2], "__module__", str_from_cstr("signal")) < 0)
        return VNULL;
    itimer_error = obj_call(obj_val(&type_type), targs, 3, VNULL);
    if (!itimer_error) return VNULL;
    gc_add_root(&itimer_error);
    if (module_add(m, "ItimerError", itimer_error) < 0) return VNULL;
    return m;
}
