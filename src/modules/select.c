/* select.c - the select module: select(), poll objects and epoll objects. */
#include "cargs.h"
#include "os_util.h"
#include "signal.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/gil.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

/*
 * All three wait with a deadline on the monotonic clock: a signal whose
 * Python handler returns normally restarts the wait with what is left of
 * the timeout (PEP 475), a handler's exception ends it.  Timeouts are
 * rounded up, so a wait never ends early.
 */

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ns to ms, rounded up. */
static int64_t ns_to_ms(int64_t ns) { return ns >= 0 ? (ns + 999999) / 1000000 : -((-ns) / 1000000); }

/* A timeout argument (VNULL or None: wait forever, *ns = -1), counted in
 * unit_ns; a wrong type gives `type_msg`. */
static int parse_timeout(Value v, int64_t unit_ns, const char *type_msg, int64_t *ns) {
    if (!v || v == VNone) {
        *ns = -1;
        return 0;
    }
    if (carg_time(v, unit_ns, ns) < 0) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_set(&exc_TypeError, type_msg);
        }
        return -1;
    }
    return 0;
}

/* ---- select() ---- */

/* The descriptors of one argument list, with the objects they came from. */
typedef struct FdList {
    Value seq;     /* tuple of the objects */
    int *fds;
    size_t n;
} FdList;

static int fdlist_fill(FdList *l, Value v, fd_set *set, int *maxfd) {
    l->fds = NULL;
    l->n = 0;
    if (tuple_check(v)) {
        l->seq = v;
    } else if (list_check(v)) {
        l->seq = list_as_tuple(v);
    } else {
        Value it = obj_iter(v);
        if (!it) {
            err_clear();
            err_set(&exc_TypeError, "arguments 1-3 must be sequences");
            return -1;
        }
        l->seq = tuple_from_iterable(v);
    }
    if (!l->seq) return -1;
    size_t n = (size_t)tuple_size(l->seq);
    l->fds = malloc((n ? n : 1) * sizeof(int));
    if (!l->fds) {
        err_no_memory();
        return -1;
    }
    FD_ZERO(set);
    for (size_t i = 0; i < n; i++) {
        int fd;
        if (os_fileno(tuple_get(l->seq, (ssize_t)i), &fd) < 0) return -1;
        if (fd >= FD_SETSIZE) {
            err_set(&exc_ValueError, "filedescriptor out of range in select()");
            return -1;
        }
        l->fds[i] = fd;
        l->n = i + 1;
        FD_SET(fd, set);
        if (fd > *maxfd) *maxfd = fd;
    }
    return 0;
}

static Value fdlist_ready(FdList *l, fd_set *set) {
    Value out = list_new(0);
    for (size_t i = 0; out && i < l->n; i++)
        if (FD_ISSET(l->fds[i], set) && list_append(out, tuple_get(l->seq, (ssize_t)i)) < 0) return VNULL;
    return out;
}

FN(select_m) {
    if (arg_no_kw("select", kwnames) < 0 || os_tuple_args("select", nargs, VNULL, 3, 4) < 0) return VNULL;
    int64_t timeout;
    if (parse_timeout(nargs > 3 ? args[3] : VNULL, 1000000000, "timeout must be a float or None", &timeout) < 0)
        return VNULL;
    if (timeout < 0 && nargs > 3 && args[3] != VNone) {
        err_set(&exc_ValueError, "timeout must be non-negative");
        return VNULL;
    }
    FdList lists[3] = {{0}};
    fd_set sets[3];
    int maxfd = -1;
    Value result = VNULL;
    for (int i = 0; i < 3; i++)
        if (fdlist_fill(&lists[i], args[i], &sets[i], &maxfd) < 0) goto done;
    int64_t deadline = timeout >= 0 ? now_ns() + timeout : 0;
    int n;
    for (;;) {
        struct timeval tv, *tvp = NULL;
        if (timeout >= 0) {
            /* Rounded up to the microsecond. */
            int64_t us = (timeout + 999) / 1000;
            tv.tv_sec = (time_t)(us / 1000000);
            tv.tv_usec = (suseconds_t)(us % 1000000);
            tvp = &tv;
        }
        fd_set work[3];
        memcpy(work, sets, sizeof work);
        GIL_RELEASE_BEGIN
        n = select(maxfd + 1, &work[0], &work[1], &work[2], tvp);
        GIL_RELEASE_END
        int e = errno;
        if (n >= 0) {
            memcpy(sets, work, sizeof work);
            break;
        }
        if (e != EINTR) {
            errno = e;
            err_from_errno(&exc_OSError);
            goto done;
        }
        if (signal_run_handlers() < 0) goto done;
        if (timeout >= 0) {
            timeout = deadline - now_ns();
            if (timeout < 0) {
                for (int i = 0; i < 3; i++) FD_ZERO(&sets[i]);
                break;
            }
        }
    }
    Value r[3];
    for (int i = 0; i < 3; i++)
        if (!(r[i] = fdlist_ready(&lists[i], &sets[i]))) goto done;
    result = tuple_pack(3, r[0], r[1], r[2]);
done:
    for (int i = 0; i < 3; i++) free(lists[i].fds);
    return result;
}

/* ---- poll ---- */

typedef struct PollObject {
    Object hdr;
    Value dict;            /* fd -> event mask, in registration order */
    struct pollfd *ufds;   /* rebuilt from dict when stale */
    size_t ufd_len;
    bool uptodate;
    bool running;
} PollObject;

static Type type_poll;

static void poll_trace(Object *o) { gc_mark(((PollObject *)o)->dict); }

static void poll_finalize(Object *o) {
    PollObject *p = (PollObject *)o;
    free(p->ufds);
    p->ufds = NULL;
}

/* _PyLong_UnsignedShort_Converter. */
static int ushort_arg(Value v, unsigned short *out) {
    if (!int_check(v)) {
        if (float_check(v) || !num_check_index(v)) {
            err_set(&exc_TypeError, "an integer is required");
            return -1;
        }
        v = num_index(v);
        if (!v) return -1;
    }
    if (int_sign(v) < 0) {
        err_set(&exc_ValueError, "value must be positive");
        return -1;
    }
    if (!int_fits_i64(v) || int_as_i64(v) > 0xffff) {
        err_set(&exc_OverflowError, "Python int too large for C unsigned short");
        return -1;
    }
    *out = (unsigned short)int_as_i64(v);
    return 0;
}

static int poll_fd_mask(const char *fname, Value *args, size_t nargs, Value kwnames, size_t min, int *fd,
                        unsigned short *mask) {
    if (arg_no_kw(fname, kwnames) < 0 || arg_count(fname, nargs, min, 2) < 0) return -1;
    if (os_fileno(args[0], fd) < 0) return -1;
    if (nargs > 1 && ushort_arg(args[1], mask) < 0) return -1;
    return 0;
}

FN(poll_register) {
    int fd;
    unsigned short mask = POLLIN | POLLPRI | POLLOUT;
    if (poll_fd_mask("register", args, nargs, kwnames, 1, &fd, &mask) < 0) return VNULL;
    PollObject *p = (PollObject *)self;
    if (dict_set(p->dict, val_from_int(fd), val_from_int(mask)) < 0) return VNULL;
    p->uptodate = false;
    return VNone;
}

FN(poll_modify) {
    int fd;
    unsigned short mask = 0;
    if (poll_fd_mask("modify", args, nargs, kwnames, 2, &fd, &mask) < 0) return VNULL;
    PollObject *p = (PollObject *)self;
    int has = dict_contains(p->dict, val_from_int(fd));
    if (has < 0) return VNULL;
    if (!has) {
        errno = ENOENT;
        err_from_errno(&exc_OSError);
        return VNULL;
    }
    if (dict_set(p->dict, val_from_int(fd), val_from_int(mask)) < 0) return VNULL;
    p->uptodate = false;
    return VNone;
}

FN(poll_unregister) {
    if (arg_count("unregister", nargs, 1, 1) < 0) return VNULL;
    int fd;
    if (os_fileno(args[0], &fd) < 0) return VNULL;
    PollObject *p = (PollObject *)self;
    if (dict_del(p->dict, val_from_int(fd)) < 0) return VNULL;
    p->uptodate = false;
    return VNone;
}

static int poll_update(PollObject *p) {
    size_t n = (size_t)dict_size(p->dict);
    struct pollfd *u = realloc(p->ufds, (n ? n : 1) * sizeof *u);
    if (!u) {
        err_no_memory();
        return -1;
    }
    p->ufds = u;
    ssize_t pos = 0;
    Value k, v;
    size_t i = 0;
    while (dict_next(p->dict, &pos, &k, &v) && i < n) {
        u[i].fd = (int)val_int(k);
        u[i].events = (short)val_int(v);
        u[i].revents = 0;
        i++;
    }
    p->ufd_len = i;
    p->uptodate = true;
    return 0;
}

FN(poll_poll) {
    if (arg_no_kw("poll", kwnames) < 0 || arg_count("poll", nargs, 0, 1) < 0) return VNULL;
    PollObject *p = (PollObject *)self;
    int64_t timeout;
    if (parse_timeout(nargs ? args[0] : VNULL, 1000000, "timeout must be an integer or None", &timeout) < 0)
        return VNULL;
    int64_t ms = ns_to_ms(timeout);
    if (ms < INT_MIN || ms > INT_MAX) {
        err_set(&exc_OverflowError, "timeout is too large");
        return VNULL;
    }
    int64_t deadline = timeout >= 0 ? now_ns() + timeout : 0;
    if (ms < 0) ms = -1;
    if (p->running) {
        err_set(&exc_RuntimeError, "concurrent poll() invocation");
        return VNULL;
    }
    if (!p->uptodate && poll_update(p) < 0) return VNULL;
    p->running = true;
    int n;
    for (;;) {
        struct pollfd *u = p->ufds;
        size_t len = p->ufd_len;
        GIL_RELEASE_BEGIN
        n = poll(u, len, (int)ms);
        GIL_RELEASE_END
        int e = errno;
        if (n >= 0 || e != EINTR) {
            errno = e;
            break;
        }
        if (signal_run_handlers() < 0) {
            p->running = false;
            return VNULL;
        }
        if (timeout >= 0) {
            timeout = deadline - now_ns();
            if (timeout < 0) {
                n = 0;
                break;
            }
            ms = ns_to_ms(timeout);
        }
    }
    p->running = false;
    if (n < 0) {
        err_from_errno(&exc_OSError);
        return VNULL;
    }
    Value out = list_new((size_t)n);
    if (!out) return VNULL;
    for (size_t i = 0, j = 0; j < (size_t)n && i < p->ufd_len; i++) {
        if (!p->ufds[i].revents) continue;
        Value item = tuple_pack(2, val_from_int(p->ufds[i].fd), val_from_int(p->ufds[i].revents & 0xffff));
        if (!item || list_append(out, item) < 0) return VNULL;
        j++;
    }
    return out;
}

static const MethodDef poll_methods[] = {
    {"register", poll_register, 0, "Register a file descriptor with the polling object.\n\n  fd\n    either an integer, or an object with a fileno() method returning an int\n  eventmask\n    an optional bitmask describing the type of events to check for"},
    {"modify", poll_modify, 0, "Modify an already registered file descriptor.\n\n  fd\n    either an integer, or an object with a fileno() method returning\n    an int\n  eventmask\n    a bitmask describing the type of events to check for"},
    {"unregister", poll_unregister, 0, "Remove a file descriptor being tracked by the polling object."},
    {"poll", poll_poll, 0, "Polls the set of registered file descriptors.\n\n  timeout\n    The maximum time to wait in milliseconds, or else None (or a negative\n    value) to wait indefinitely.\n\nReturns a list containing any descriptors that have events or errors to\nreport, as a list of (fd, event) 2-tuples."},
    {NULL},
};

static Type type_poll = {
    .hdr = {0, &type_type},
    .name = "select.poll",
    .basicsize = sizeof(PollObject),
    .trace = poll_trace,
    .finalize = poll_finalize,
    .methods = poll_methods,
};

FN(poll_new_m) {
    if (arg_no_kw("poll", kwnames) < 0 || arg_count("select.poll", nargs, 0, 0) < 0) return VNULL;
    Value d = dict_new();
    if (!d) return VNULL;
    PollObject *p = gc_alloc(&type_poll, sizeof(PollObject));
    if (!p) return VNULL;
    p->dict = d;
    return obj_val(p);
}

/* ---- epoll ---- */

typedef struct EpollObject {
    Object hdr;
    int epfd;      /* -1 once closed */
} EpollObject;

static Type type_epoll;

static inline EpollObject *ep(Value v) { return (EpollObject *)v; }

static Value err_closed(void) {
    err_set(&exc_ValueError, "I/O operation on closed epoll object");
    return VNULL;
}

static Value epoll_make(Type *t, int fd) {
    if (fd == -1) {
        fd = epoll_create1(EPOLL_CLOEXEC);
        if (fd < 0) {
            err_from_errno(&exc_OSError);
            return VNULL;
        }
    }
    Value v = type_generic_alloc(t, 0);
    if (!v) {
        close(fd);
        return VNULL;
    }
    ep(v)->epfd = fd;
    return v;
}

static Value epoll_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"sizehint", "flags", NULL};
    Value a[2];
    if (os_parse_args("epoll", args, nargs, kwnames, names, 0, 2, 0, a) < 0) return VNULL;
    int sizehint = -1, flags = 0;
    if ((a[0] && carg_int(a[0], &sizehint) < 0) || (a[1] && carg_int(a[1], &flags) < 0)) return VNULL;
    if (sizehint != -1 && sizehint <= 0) {
        err_set(&exc_ValueError, "negative sizehint");
        return VNULL;
    }
    if (flags && flags != EPOLL_CLOEXEC) {
        err_set(&exc_OSError, "invalid flags");
        return VNULL;
    }
    return epoll_make(t, -1);
}

static void epoll_finalize(Object *o) {
    EpollObject *e = (EpollObject *)o;
    if (e->epfd >= 0) close(e->epfd);
    e->epfd = -1;
}

static int epoll_close_fd(EpollObject *e) {
    int fd = e->epfd;
    e->epfd = -1;
    if (fd >= 0 && close(fd) < 0) {
        err_from_errno(&exc_OSError);
        return -1;
    }
    return 0;
}

FN(epoll_close) {
    if (arg_count("epoll.close", nargs, 0, 0) < 0) return VNULL;
    if (epoll_close_fd(ep(self)) < 0) return VNULL;
    return VNone;
}

static Value epoll_get_closed(Value self) { return val_bool(ep(self)->epfd < 0); }

FN(epoll_fileno) {
    if (arg_count("epoll.fileno", nargs, 0, 0) < 0) return VNULL;
    if (ep(self)->epfd < 0) return err_closed();
    return val_from_int(ep(self)->epfd);
}

FN(epoll_fromfd) {
    if (arg_count("epoll.fromfd", nargs, 1, 1) < 0) return VNULL;
    int fd;
    if (os_int(args[0], &fd) < 0) return VNULL;
    return epoll_make((Type *)self, fd);
}

static Value epoll_ctl_common(Value self, int op, int fd, unsigned events) {
    EpollObject *e = ep(self);
    if (e->epfd < 0) return err_closed();
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = events;
    ev.data.fd = fd;
    int r;
    GIL_RELEASE_BEGIN
    r = epoll_ctl(e->epfd, op, fd, &ev);
    GIL_RELEASE_END
    if (r < 0) {
        err_from_errno(&exc_OSError);
        return VNULL;
    }
    return VNone;
}

static int epoll_fd_mask(const char *fname, Value *args, size_t nargs, Value kwnames, size_t nreq, int *fd,
                         unsigned *mask) {
    static const char *const names[] = {"fd", "eventmask", NULL};
    Value a[2];
    if (os_parse_args(fname, args, nargs, kwnames, names, 0, 2, nreq, a) < 0) return -1;
    if (os_fileno(a[0], fd) < 0) return -1;
    if (a[1] && carg_uint_mask(a[1], mask) < 0) return -1;
    return 0;
}

FN(epoll_register) {
    int fd;
    unsigned mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (epoll_fd_mask("register", args, nargs, kwnames, 1, &fd, &mask) < 0) return VNULL;
    return epoll_ctl_common(self, EPOLL_CTL_ADD, fd, mask);
}

FN(epoll_modify) {
    int fd;
    unsigned mask = 0;
    if (epoll_fd_mask("modify", args, nargs, kwnames, 2, &fd, &mask) < 0) return VNULL;
    return epoll_ctl_common(self, EPOLL_CTL_MOD, fd, mask);
}

FN(epoll_unregister) {
    static const char *const names[] = {"fd", NULL};
    Value a[1];
    int fd;
    if (os_parse_args("unregister", args, nargs, kwnames, names, 0, 1, 1, a) < 0 || os_fileno(a[0], &fd) < 0)
        return VNULL;
    return epoll_ctl_common(self, EPOLL_CTL_DEL, fd, 0);
}

FN(epoll_poll) {
    static const char *const names[] = {"timeout", "maxevents", NULL};
    Value a[2];
    if (os_parse_args("poll", args, nargs, kwnames, names, 0, 2, 0, a) < 0) return VNULL;
    EpollObject *e = ep(self);
    int maxevents = -1;
    if (a[1] && carg_int(a[1], &maxevents) < 0) return VNULL;
    if (e->epfd < 0) return err_closed();
    int64_t timeout;
    if (parse_timeout(a[0], 1000000000, "timeout must be an integer or None", &timeout) < 0) return VNULL;
    int64_t ms = ns_to_ms(timeout);
    if (ms < INT_MIN || ms > INT_MAX) {
        err_set(&exc_OverflowError, "timeout is too large");
        return VNULL;
    }
    if (ms < 0) ms = -1;
    int64_t deadline = timeout >= 0 ? now_ns() + timeout : 0;
    if (maxevents == -1) {
        maxevents = FD_SETSIZE - 1;
    } else if (maxevents < 1) {
        err_format(&exc_ValueError, "maxevents must be greater than 0, got %d", maxevents);
        return VNULL;
    }
    struct epoll_event *evs = malloc((size_t)maxevents * sizeof *evs);
    if (!evs) {
        err_no_memory();
        return VNULL;
    }
    int n;
    for (;;) {
        int epfd = e->epfd;
        GIL_RELEASE_BEGIN
        n = epoll_wait(epfd, evs, maxevents, (int)ms);
        GIL_RELEASE_END
        int err = errno;
        if (n >= 0 || err != EINTR) {
            errno = err;
            break;
        }
        if (signal_run_handlers() < 0) {
            free(evs);
            return VNULL;
        }
        if (timeout >= 0) {
            timeout = deadline - now_ns();
            if (timeout < 0) {
                n = 0;
                break;
            }
            ms = ns_to_ms(timeout);
        }
    }
    if (n < 0) {
        free(evs);
        err_from_errno(&exc_OSError);
        return VNULL;
    }
    Value out = list_new((size_t)n);
    for (int i = 0; out && i < n; i++) {
        Value item = tuple_pack(2, val_from_int(evs[i].data.fd), int_from_u64(evs[i].events));
        if (!item || list_append(out, item) < 0) out = VNULL;
    }
    free(evs);
    return out;
}

FN(epoll_enter) {
    if (ep(self)->epfd < 0) return err_closed();
    return self;
}

FN(epoll_exit) {
    if (epoll_close_fd(ep(self)) < 0) return VNULL;
    return VNone;
}

static const MethodDef epoll_methods[] = {
    {"close", epoll_close, 0, "Close the epoll control file descriptor.\n\nFurther operations on the epoll object will raise an exception."},
    {"fileno", epoll_fileno, 0, "Return the epoll control file descriptor."},
    {"fromfd", epoll_fromfd, METH_CLASS, "Create an epoll object from a given control fd."},
    {"register", epoll_register, 0, "Registers a new fd or raises an OSError if the fd is already registered.\n\n  fd\n    the target file descriptor of the operation\n  eventmask\n    a bit set composed of the various EPOLL constants\n\nThe epoll interface supports all file descriptors that support poll."},
    {"modify", epoll_modify, 0, "Modify event mask for a registered file descriptor.\n\n  fd\n    the target file descriptor of the operation\n  eventmask\n    a bit set composed of the various EPOLL constants"},
    {"unregister", epoll_unregister, 0, "Remove a registered file descriptor from the epoll object.\n\n  fd\n    the target file descriptor of the operation"},
    {"poll", epoll_poll, 0, "Wait for events on the epoll file descriptor.\n\n  timeout\n    the maximum time to wait in seconds (as float);\n    a timeout of None or -1 makes poll wait indefinitely\n  maxevents\n    the maximum number of events returned; -1 means no limit\n\nReturns a list containing any descriptors that have events to report,\nas a list of (fd, events) 2-tuples."},
    {"__enter__", epoll_enter, 0, NULL},
    {"__exit__", epoll_exit, 0, NULL},
    {NULL},
};

static const GetSetDef epoll_getsets[] = {
    {"closed", epoll_get_closed, NULL, "True if the epoll handler is closed"},
    {NULL},
};

static Type type_epoll = {
    .hdr = {0, &type_type},
    .name = "select.epoll",
    .basicsize = sizeof(EpollObject),
    .finalize = epoll_finalize,
    .new = epoll_new,
    .methods = epoll_methods,
    .getsets = epoll_getsets,
    .doc = "select.epoll(sizehint=-1, flags=0)\n\nReturns an epolling object\n\nsizehint must be a positive integer or -1 for the default size. The\nsizehint is used to optimize internal data structures. It doesn't limit\nthe maximum number of monitored events.",
};

/* ---- The module ---- */

static const MethodDef select_functions[] = {
    {"select", select_m, 0, "Wait until one or more file descriptors are ready for some kind of I/O.\n\nThe first three arguments are iterables of file descriptors to be waited for:\nrlist -- wait until ready for reading\nwlist -- wait until ready for writing\nxlist -- wait for an \"exceptional condition\"\nIf only one kind of condition is required, pass [] for the other lists.\n\nA file descriptor is either a socket or file object, or a small integer\ngotten from a fileno() method call on one of those.\n\nThe optional 4th argument specifies a timeout in seconds; it may be\na floating point number to specify fractions of seconds.  If it is absent\nor None, the call will never time out.\n\nThe return value is a tuple of three lists corresponding to the first three\narguments; each contains the subset of the corresponding file descriptors\nthat are ready.\n\n*** IMPORTANT NOTICE ***\nOn Windows, only sockets are supported; on Unix, all file\ndescriptors can be used."},
    {"poll", poll_new_m, 0, "Returns a polling object.\n\nThis object supports registering and unregistering file descriptors, and then\npolling them for I/O events."},
    {NULL},
};

static const struct {
    const char *name;
    long value;
} select_constants[] = {
    {"EPOLLERR", EPOLLERR}, {"EPOLLET", EPOLLET}, {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE}, {"EPOLLHUP", EPOLLHUP},
    {"EPOLLIN", EPOLLIN}, {"EPOLLMSG", EPOLLMSG}, {"EPOLLONESHOT", EPOLLONESHOT}, {"EPOLLOUT", EPOLLOUT},
    {"EPOLLPRI", EPOLLPRI}, {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM},
    {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLWRNORM", EPOLLWRNORM}, {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
    {"PIPE_BUF", PIPE_BUF}, {"POLLERR", POLLERR}, {"POLLHUP", POLLHUP}, {"POLLIN", POLLIN}, {"POLLMSG", POLLMSG},
    {"POLLNVAL", POLLNVAL}, {"POLLOUT", POLLOUT}, {"POLLPRI", POLLPRI}, {"POLLRDBAND", POLLRDBAND},
    {"POLLRDHUP", POLLRDHUP}, {"POLLRDNORM", POLLRDNORM}, {"POLLWRBAND", POLLWRBAND}, {"POLLWRNORM", POLLWRNORM},
};

Value select_module_init(void) {
    Value m = module_new_cstr("select");
    if (!m || module_add_functions(m, select_functions) < 0) return VNULL;
    type_ready(&type_poll);
    type_ready(&type_epoll);
    if (module_add(m, "epoll", obj_val(&type_epoll)) < 0 || module_add(m, "error", obj_val(&exc_OSError)) < 0)
        return VNULL;
    for (size_t i = 0; i < sizeof select_constants / sizeof *select_constants; i++)
        if (module_add(m, select_constants[i].name, int_from_i64((int64_t)(unsigned)select_constants[i].value)) < 0)
            return VNULL;
    if (module_add(m, "__doc__", str_from_cstr("This module supports asynchronous I/O on multiple file descriptors.\n\n"
                                               "*** IMPORTANT NOTICE ***\n"
                                               "On Windows, only sockets are supported; on Unix, all file descriptors.")) < 0)
        return VNULL;
    return m;
}
