/* socket_object.c - _socket.socket: the socket object, its I/O methods, timeouts by polling, and ancillary data. */
#include "socket.h"
#include "cargs.h"
#include "os_util.h"
#include "signal.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/gil.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/*
 * A socket with a timeout is non-blocking underneath: each operation first
 * polls for readiness within what is left of the timeout, then makes the
 * system call, and polls again if the call still finds nothing to do (a
 * spurious wake-up).  A blocking socket (timeout None) and a non-blocking
 * one (timeout 0) make the call directly.  A call interrupted by a signal
 * runs the Python handlers and is retried unless a handler raised
 * (PEP 475).  This is CPython's sock_call_ex.
 *
 * The system calls run between GIL_RELEASE_BEGIN/END on a SockCall that
 * holds everything they need as plain C data.
 */

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

static inline SocketObject *sock(Value v) { return (SocketObject *)v; }

/* ---- Arguments ---- */

/* METH_VARARGS: keywords refused with the qualified name, counts with
 * PyArg_ParseTuple's wording. */
static int varargs(const char *qualname, const char *fname, size_t nargs, Value kwnames, size_t min, size_t max) {
    if (arg_no_kw(qualname, kwnames) < 0) return -1;
    return os_tuple_args(fname, nargs, VNULL, min, max);
}

/* ---- The call machinery ---- */

typedef struct SockCall {
    int fd;
    void *buf;
    size_t len;
    int flags;
    SockAddr *addr;
    socklen_t addrlen;
    struct msghdr *msg;
    ssize_t result;
} SockCall;

/* Makes the system call: true on success, false with errno. */
typedef bool (*SockFunc)(SockCall *c);

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Wait until the descriptor is ready: 0 ready, 1 timed out, -1 with errno.
 * interval < 0 waits without limit. */
static int wait_ready(int fd, bool writing, int64_t interval, bool connect) {
    if (fd < 0) return 0;
    struct pollfd p = {.fd = fd, .events = writing ? POLLOUT : POLLIN};
    /* A failed connection shows as an error condition, not writability. */
    if (connect) p.events |= POLLERR;
    int64_t ms = interval < 0 ? -1 : (interval + 999999) / 1000000;
    if (ms > INT_MAX) ms = INT_MAX;
    int n;
    GIL_RELEASE_BEGIN
    n = poll(&p, 1, (int)ms);
    GIL_RELEASE_END
    if (n < 0) return -1;
    return n == 0 ? 1 : 0;
}

/* CPython's sock_call_ex.  With err NULL, a failure raises; otherwise the
 * error number is stored in *err (EWOULDBLOCK for a timeout, -1 when a
 * signal handler raised, with its exception pending). */
static int sock_call_ex(SocketObject *s, bool writing, SockFunc func, SockCall *c, bool connect, int *err,
                        int64_t timeout) {
    bool has_timeout = timeout > 0;
    bool deadline_set = false;
    int64_t deadline = 0;
    for (;;) {
        if (has_timeout || connect) {
            int res;
            if (has_timeout) {
                int64_t interval;
                if (deadline_set) {
                    interval = deadline - now_ns();
                } else {
                    deadline_set = true;
                    deadline = now_ns() + timeout;
                    interval = timeout;
                }
                res = interval >= 0 ? wait_ready(s->fd, writing, interval, connect) : 1;
            } else {
                res = wait_ready(s->fd, writing, timeout, connect);
            }
            if (res < 0) {
                int e = errno;
                if (err) *err = e;
                if (e == EINTR) {
                    if (signal_run_handlers() < 0) {
                        if (err) *err = -1;
                        return -1;
                    }
                    continue;
                }
                errno = e;
                socket_error();
                return -1;
            }
            if (res == 1) {
                if (err) *err = EWOULDBLOCK;
                else err_set(&exc_TimeoutError, "timed out");
                return -1;
            }
        }
        int e;
        for (;;) {
            c->fd = s->fd;
            bool ok;
            GIL_RELEASE_BEGIN
            ok = func(c);
            GIL_RELEASE_END
            if (ok) {
                if (err) *err = 0;
                return 0;
            }
            e = errno;
            if (err) *err = e;
            if (e != EINTR) break;
            if (signal_run_handlers() < 0) {
                if (err) *err = -1;
                return -1;
            }
        }
        /* A spurious wake-up: poll again for what is left of the timeout. */
        if (s->timeout > 0 && (e == EWOULDBLOCK || e == EAGAIN)) continue;
        if (!err) {
            errno = e;
            socket_error();
        }
        return -1;
    }
}

static int sock_call(SocketObject *s, bool writing, SockFunc func, SockCall *c) {
    return sock_call_ex(s, writing, func, c, false, NULL, s->timeout);
}

static bool recv_impl(SockCall *c) { return (c->result = recv(c->fd, c->buf, c->len, c->flags)) >= 0; }
static bool send_impl(SockCall *c) { return (c->result = send(c->fd, c->buf, c->len, c->flags)) >= 0; }
static bool recvfrom_impl(SockCall *c) {
    c->addrlen = sizeof *c->addr;
    return (c->result = recvfrom(c->fd, c->buf, c->len, c->flags, &c->addr->sa, &c->addrlen)) >= 0;
}
static bool sendto_impl(SockCall *c) {
    return (c->result = sendto(c->fd, c->buf, c->len, c->flags, &c->addr->sa, c->addrlen)) >= 0;
}
static bool recvmsg_impl(SockCall *c) { return (c->result = recvmsg(c->fd, c->msg, c->flags)) >= 0; }
static bool sendmsg_impl(SockCall *c) { return (c->result = sendmsg(c->fd, c->msg, c->flags)) >= 0; }
static bool accept_impl(SockCall *c) {
    c->addrlen = sizeof *c->addr;
    return (c->result = accept4(c->fd, &c->addr->sa, &c->addrlen, SOCK_CLOEXEC)) >= 0;
}
/* After an asynchronous connect: its outcome is the socket's pending error. */
static bool connect_impl(SockCall *c) {
    int e = 0;
    socklen_t n = sizeof e;
    if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &e, &n) < 0) return false;
    if (e == EISCONN || e == 0) return true;
    errno = e;
    return false;
}

/* ---- Construction ---- */

/* CPython's init_sockobject: the flags SOCK_NONBLOCK and SOCK_CLOEXEC are
 * not part of the type; the default timeout applies unless the socket was
 * made non-blocking. */
static int init_sockobject(SocketObject *s, int fd, int family, int type, int proto) {
    s->fd = fd;
    s->family = family;
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    if (type & SOCK_NONBLOCK) {
        s->timeout = 0;
    } else {
        s->timeout = socket_default_timeout;
        if (s->timeout >= 0 && socket_set_blocking(fd, false) < 0) {
            socket_error();
            return -1;
        }
    }
    return 0;
}

static Value socket_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    Value v = type_generic_alloc(t, 0);
    if (!v) return VNULL;
    sock(v)->fd = -1;
    sock(v)->timeout = -1;
    return v;
}

Value socket_from_fd(int fd, int family, int type, int proto) {
    Value v = socket_new(&type_socket, NULL, 0, VNULL);
    if (!v || init_sockobject(sock(v), fd, family, type, proto) < 0) return VNULL;
    return v;
}

static int socket_init(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"family", "type", "proto", "fileno", NULL};
    Value a[4];
    if (os_parse_args("socket", args, nargs, kwnames, names, 0, 4, 0, a) < 0) return -1;
    int family = -1, type = -1, proto = -1, fd;
    if ((a[0] && carg_int(a[0], &family) < 0) || (a[1] && carg_int(a[1], &type) < 0) ||
        (a[2] && carg_int(a[2], &proto) < 0))
        return -1;
    if (a[3] && a[3] != VNone) {
        long lfd;
        if (carg_long(a[3], &lfd) < 0) return -1;
        if (lfd < 0) {
            err_set(&exc_ValueError, "negative file descriptor");
            return -1;
        }
        if (lfd > INT_MAX) {
            errno = EBADF;
            socket_error();
            return -1;
        }
        fd = (int)lfd;
        /* The descriptor must be an open socket; unset parameters are
         * asked of the system. */
        SockAddr addr;
        socklen_t alen = sizeof addr;
        memset(&addr, 0, sizeof addr);
        if (getsockname(fd, &addr.sa, &alen) == 0) {
            if (family == -1) family = addr.sa.sa_family;
        } else if (errno == EBADF || errno == ENOTSOCK) {
            socket_error();
            return -1;
        }
        if (type == -1) {
            int tmp;
            socklen_t n = sizeof tmp;
            if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &tmp, &n) < 0) {
                socket_error();
                return -1;
            }
            type = tmp;
        }
        if (proto == -1) {
            int tmp;
            socklen_t n = sizeof tmp;
            if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &tmp, &n) < 0) {
                socket_error();
                return -1;
            }
            proto = tmp;
        }
    } else {
        if (family == -1) family = AF_INET;
        if (type == -1) type = SOCK_STREAM;
        if (proto == -1) proto = 0;
        GIL_RELEASE_BEGIN
        fd = socket(family, type | SOCK_CLOEXEC, proto);
        GIL_RELEASE_END
        if (fd < 0) {
            socket_error();
            return -1;
        }
    }
    return init_sockobject(sock(self), fd, family, type, proto);
}

/* A socket dropped without close() gives its descriptor back when
 * collected (CPython also warns; a finalizer here must not allocate). */
static void socket_finalize(Object *o) {
    SocketObject *s = (SocketObject *)o;
    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
}

static Value socket_repr(Value self) {
    SocketObject *s = sock(self);
    return str_printf("<socket object, fd=%ld, family=%d, type=%d, proto=%d>", (long)s->fd, s->family, s->type,
                      s->proto);
}

/* ---- Descriptor management ---- */

FN(sock_close) {
    if (arg_count("socket.close", nargs, 0, 0) < 0) return VNULL;
    SocketObject *s = sock(self);
    int fd = s->fd;
    if (fd >= 0) {
        s->fd = -1;
        int r;
        /* Never retried on EINTR: the descriptor is released either way. */
        GIL_RELEASE_BEGIN
        r = close(fd);
        GIL_RELEASE_END
        if (r < 0 && errno != ECONNRESET) return socket_error();
    }
    return VNone;
}

FN(sock_detach) {
    if (arg_count("socket.detach", nargs, 0, 0) < 0) return VNULL;
    int fd = sock(self)->fd;
    sock(self)->fd = -1;
    return val_from_int(fd);
}

FN(sock_fileno) {
    if (arg_count("socket.fileno", nargs, 0, 0) < 0) return VNULL;
    return val_from_int(sock(self)->fd);
}

/* ---- Blocking and timeouts ---- */

FN(sock_setblocking) {
    if (arg_count("socket.setblocking", nargs, 1, 1) < 0) return VNULL;
    int block;
    if (os_int(args[0], &block) < 0) return VNULL;
    SocketObject *s = sock(self);
    s->timeout = block ? -1 : 0;
    if (socket_set_blocking(s->fd, block != 0) < 0) return socket_error();
    return VNone;
}

FN(sock_getblocking) {
    if (arg_count("socket.getblocking", nargs, 0, 0) < 0) return VNULL;
    return val_bool(sock(self)->timeout != 0);
}

FN(sock_settimeout) {
    if (arg_count("socket.settimeout", nargs, 1, 1) < 0) return VNULL;
    int64_t ns;
    if (socket_parse_timeout(args[0], &ns) < 0) return VNULL;
    SocketObject *s = sock(self);
    s->timeout = ns;
    if (socket_set_blocking(s->fd, ns < 0) < 0) return socket_error();
    return VNone;
}

static Value get_timeout(Value self) {
    int64_t t = sock(self)->timeout;
    return t < 0 ? VNone : float_new((double)t / 1e9);
}

FN(sock_gettimeout) {
    if (arg_count("socket.gettimeout", nargs, 0, 0) < 0) return VNULL;
    return get_timeout(self);
}

/* ---- Addresses ---- */

FN(sock_bind) {
    if (arg_count("socket.bind", nargs, 1, 1) < 0) return VNULL;
    SocketObject *s = sock(self);
    SockAddr addr;
    socklen_t len;
    if (socket_parse_addr(s, args[0], &addr, &len, "bind") < 0) return VNULL;
    int r;
    GIL_RELEASE_BEGIN
    r = bind(s->fd, &addr.sa, len);
    GIL_RELEASE_END
    if (r < 0) return socket_error();
    return VNone;
}

FN(sock_listen) {
    if (varargs("socket.listen", "listen", nargs, kwnames, 0, 1) < 0) return VNULL;
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (nargs > 0 && carg_int(args[0], &backlog) < 0) return VNULL;
    if (backlog < 0) backlog = 0;
    int r;
    GIL_RELEASE_BEGIN
    r = listen(sock(self)->fd, backlog);
    GIL_RELEASE_END
    if (r < 0) return socket_error();
    return VNone;
}

/* CPython's internal_connect: returns 0, an error number (raise false), or
 * -1 with an exception. */
static int internal_connect(SocketObject *s, SockAddr *addr, socklen_t len, bool raise) {
    int r;
    GIL_RELEASE_BEGIN
    r = connect(s->fd, &addr->sa, len);
    GIL_RELEASE_END
    if (r == 0) return 0;
    int e = errno;
    bool wait_connect;
    if (e == EINTR) {
        if (signal_run_handlers() < 0) return -1;
        /* The connection goes on asynchronously: wait for it unless the
         * socket is non-blocking (then the caller gets InterruptedError). */
        wait_connect = s->timeout != 0;
    } else {
        wait_connect = s->timeout > 0 && e == EINPROGRESS;
    }
    if (!wait_connect) {
        if (raise) {
            errno = e;
            socket_error();
            return -1;
        }
        return e;
    }
    SockCall c = {0};
    if (raise) return sock_call_ex(s, true, connect_impl, &c, true, NULL, s->timeout) < 0 ? -1 : 0;
    int err = 0;
    if (sock_call_ex(s, true, connect_impl, &c, true, &err, s->timeout) < 0) {
        if (err > 0 && err_occurred()) err_clear();
        return err;
    }
    return 0;
}

FN(sock_connect) {
    if (arg_count("socket.connect", nargs, 1, 1) < 0) return VNULL;
    SocketObject *s = sock(self);
    SockAddr addr;
    socklen_t len;
    if (socket_parse_addr(s, args[0], &addr, &len, "connect") < 0) return VNULL;
    if (internal_connect(s, &addr, len, true) < 0) return VNULL;
    return VNone;
}

FN(sock_connect_ex) {
    if (arg_count("socket.connect_ex", nargs, 1, 1) < 0) return VNULL;
    SocketObject *s = sock(self);
    SockAddr addr;
    socklen_t len;
    if (socket_parse_addr(s, args[0], &addr, &len, "connect_ex") < 0) return VNULL;
    int r = internal_connect(s, &addr, len, false);
    if (r < 0) return VNULL;
    return val_from_int(r);
}

FN(sock_accept) {
    if (arg_count("socket._accept", nargs, 0, 0) < 0) return VNULL;
    SocketObject *s = sock(self);
    SockAddr addr;
    memset(&addr, 0, sizeof addr);
    SockCall c = {.addr = &addr};
    if (sock_call(s, false, accept_impl, &c) < 0) return VNULL;
    int fd = (int)c.result;
    Value a = socket_make_addr(&addr.sa, c.addrlen, s->proto);
    Value r = a ? tuple_pack(2, val_from_int(fd), a) : VNULL;
    if (!r) close(fd);
    return r;
}

static Value name_common(Value self, bool peer) {
    SocketObject *s = sock(self);
    SockAddr addr;
    memset(&addr, 0, sizeof addr);
    socklen_t len = sizeof addr;
    int r;
    GIL_RELEASE_BEGIN
    r = peer ? getpeername(s->fd, &addr.sa, &len) : getsockname(s->fd, &addr.sa, &len);
    GIL_RELEASE_END
    if (r < 0) return socket_error();
    return socket_make_addr(&addr.sa, len, s->proto);
}

FN(sock_getsockname) {
    if (arg_count("socket.getsockname", nargs, 0, 0) < 0) return VNULL;
    return name_common(self, false);
}

FN(sock_getpeername) {
    if (arg_count("socket.getpeername", nargs, 0, 0) < 0) return VNULL;
    return name_common(self, true);
}

FN(sock_shutdown) {
    if (arg_count("socket.shutdown", nargs, 1, 1) < 0) return VNULL;
    int how;
    if (os_int(args[0], &how) < 0) return VNULL;
    int r;
    GIL_RELEASE_BEGIN
    r = shutdown(sock(self)->fd, how);
    GIL_RELEASE_END
    if (r < 0) return socket_error();
    return VNone;
}

/* ---- Options ---- */

FN(sock_setsockopt) {
    /* The forms are tried in turn; the last one tried, (level, opt, buffer),
     * gives the count error. */
    if (arg_no_kw("socket.setsockopt", kwnames) < 0) return VNULL;
    if (nargs != 3 && !(nargs == 4 && args[2] == VNone)) {
        err_format(&exc_TypeError, "setsockopt() takes exactly 3 arguments (%zu given)", nargs);
        return VNULL;
    }
    SocketObject *s = sock(self);
    int level, opt, r;
    if (carg_int(args[0], &level) < 0 || carg_int(args[1], &opt) < 0) return VNULL;
    if (nargs == 4) {
        /* setsockopt(level, opt, None, optlen): a NULL value of that length. */
        unsigned optlen;
        if (carg_uint_mask(args[3], &optlen) < 0) return VNULL;
        r = setsockopt(s->fd, level, opt, NULL, (socklen_t)optlen);
    } else if (int_check(args[2])) {
        int flag;
        if (carg_int(args[2], &flag) < 0) return VNULL;
        r = setsockopt(s->fd, level, opt, &flag, sizeof flag);
    } else {
        Buffer view;
        if (carg_buffer(args[2], &view) < 0) return VNULL;
        r = setsockopt(s->fd, level, opt, view.buf, (socklen_t)view.len);
        int e = errno;
        buffer_release(&view);
        errno = e;
    }
    if (r < 0) return socket_error();
    return VNone;
}

FN(sock_getsockopt) {
    if (varargs("socket.getsockopt", "getsockopt", nargs, kwnames, 2, 3) < 0) return VNULL;
    SocketObject *s = sock(self);
    int level, opt, buflen = 0;
    if (carg_int(args[0], &level) < 0 || carg_int(args[1], &opt) < 0 ||
        (nargs > 2 && carg_int(args[2], &buflen) < 0))
        return VNULL;
    if (buflen == 0) {
        int flag = 0;
        socklen_t n = sizeof flag;
        if (getsockopt(s->fd, level, opt, &flag, &n) < 0) return socket_error();
        return val_from_int(flag);
    }
    if (buflen < 0 || buflen > 1024) {
        err_set(&exc_OSError, "getsockopt buflen out of range");
        return VNULL;
    }
    char buf[1024];
    socklen_t n = (socklen_t)buflen;
    if (getsockopt(s->fd, level, opt, buf, &n) < 0) return socket_error();
    return bytes_new(buf, n);
}

/* ---- Receiving ---- */

FN(sock_recv) {
    if (varargs("socket.recv", "recv", nargs, kwnames, 1, 2) < 0) return VNULL;
    ssize_t n;
    int flags = 0;
    if (carg_ssize(args[0], &n) < 0 || (nargs > 1 && carg_int(args[1], &flags) < 0)) return VNULL;
    if (n < 0) {
        err_set(&exc_ValueError, "negative buffersize in recv");
        return VNULL;
    }
    char *buf = bytes_scratch((size_t)n);
    if (buf) {
        SockCall c = {.buf = buf, .len = (size_t)n, .flags = flags};
        if (sock_call(sock(self), false, recv_impl, &c) < 0) return VNULL;
        return bytes_new(buf, (size_t)c.result);
    }
    BytesObject *b = bytes_alloc((size_t)n);
    if (!b) return VNULL;
    SockCall c = {.buf = b->data, .len = (size_t)n, .flags = flags};
    if (sock_call(sock(self), false, recv_impl, &c) < 0) return VNULL;
    if (c.result == n) return obj_val(b);
    return bytes_new(b->data, (size_t)c.result);
}

/* recv_into and recvfrom_into: (buffer, nbytes=0, flags=0). */
static int parse_into(const char *fname, Value *args, size_t nargs, Value kwnames, Buffer *view, ssize_t *n,
                      int *flags) {
    static const char *const names[] = {"buffer", "nbytes", "flags", NULL};
    Value a[3];
    if (os_parse_args(fname, args, nargs, kwnames, names, 0, 3, 1, a) < 0) return -1;
    *n = 0;
    *flags = 0;
    if (carg_wbuffer(fname, 1, a[0], view) < 0) return -1;
    if ((a[1] && carg_ssize(a[1], n) < 0) || (a[2] && carg_int(a[2], flags) < 0)) {
        buffer_release(view);
        return -1;
    }
    return 0;
}

FN(sock_recv_into) {
    Buffer view;
    ssize_t n;
    int flags;
    if (parse_into("recv_into", args, nargs, kwnames, &view, &n, &flags) < 0) return VNULL;
    if (n < 0) {
        buffer_release(&view);
        err_set(&exc_ValueError, "negative buffersize in recv_into");
        return VNULL;
    }
    if (n == 0) n = view.len;
    if (view.len < n) {
        buffer_release(&view);
        err_set(&exc_ValueError, "buffer too small for requested bytes");
        return VNULL;
    }
    SockCall c = {.buf = view.buf, .len = (size_t)n, .flags = flags};
    int r = sock_call(sock(self), false, recv_impl, &c);
    buffer_release(&view);
    if (r < 0) return VNULL;
    return int_from_i64(c.result);
}

FN(sock_recvfrom) {
    if (varargs("socket.recvfrom", "recvfrom", nargs, kwnames, 1, 2) < 0) return VNULL;
    ssize_t n;
    int flags = 0;
    if (carg_ssize(args[0], &n) < 0 || (nargs > 1 && carg_int(args[1], &flags) < 0)) return VNULL;
    if (n < 0) {
        err_set(&exc_ValueError, "negative buffersize in recvfrom");
        return VNULL;
    }
    char *buf = bytes_scratch((size_t)n);
    BytesObject *b = buf ? NULL : bytes_alloc((size_t)n);
    if (!buf && !b) return VNULL;
    SockAddr addr;
    memset(&addr, 0, sizeof addr);
    SockCall c = {.buf = buf ? buf : b->data, .len = (size_t)n, .flags = flags, .addr = &addr};
    SocketObject *s = sock(self);
    if (sock_call(s, false, recvfrom_impl, &c) < 0) return VNULL;
    Value data = buf ? bytes_new(buf, (size_t)c.result)
               : c.result == n ? obj_val(b) : bytes_new(b->data, (size_t)c.result);
    if (!data) return VNULL;
    Value a = socket_make_addr(&addr.sa, c.addrlen, s->proto);
    if (!a) return VNULL;
    return tuple_pack(2, data, a);
}

FN(sock_recvfrom_into) {
    Buffer view;
    ssize_t n;
    int flags;
    if (parse_into("recvfrom_into", args, nargs, kwnames, &view, &n, &flags) < 0) return VNULL;
    if (n < 0) {
        buffer_release(&view);
        err_set(&exc_ValueError, "negative buffersize in recvfrom_into");
        return VNULL;
    }
    if (n == 0) {
        n = view.len;
    } else if (n > view.len) {
        buffer_release(&view);
        err_set(&exc_ValueError, "nbytes is greater than the length of the buffer");
        return VNULL;
    }
    SockAddr addr;
    memset(&addr, 0, sizeof addr);
    SockCall c = {.buf = view.buf, .len = (size_t)n, .flags = flags, .addr = &addr};
    SocketObject *s = sock(self);
    int r = sock_call(s, false, recvfrom_impl, &c);
    buffer_release(&view);
    if (r < 0) return VNULL;
    Value a = socket_make_addr(&addr.sa, c.addrlen, s->proto);
    if (!a) return VNULL;
    return tuple_pack(2, int_from_i64(c.result), a);
}

/* ---- Sending ---- */

FN(sock_send) {
    if (varargs("socket.send", "send", nargs, kwnames, 1, 2) < 0) return VNULL;
    Buffer view;
    int flags = 0;
    if (carg_buffer(args[0], &view) < 0) return VNULL;
    if (nargs > 1 && carg_int(args[1], &flags) < 0) {
        buffer_release(&view);
        return VNULL;
    }
    SockCall c = {.buf = view.buf, .len = (size_t)view.len, .flags = flags};
    int r = sock_call(sock(self), true, send_impl, &c);
    buffer_release(&view);
    if (r < 0) return VNULL;
    return int_from_i64(c.result);
}

FN(sock_sendall) {
    if (varargs("socket.sendall", "sendall", nargs, kwnames, 1, 2) < 0) return VNULL;
    Buffer view;
    int flags = 0;
    if (carg_buffer(args[0], &view) < 0) return VNULL;
    if (nargs > 1 && carg_int(args[1], &flags) < 0) {
        buffer_release(&view);
        return VNULL;
    }
    SocketObject *s = sock(self);
    char *p = view.buf;
    size_t left = (size_t)view.len;
    bool has_timeout = s->timeout > 0;
    int64_t timeout = s->timeout, deadline = 0;
    bool deadline_set = false;
    Value result = VNone;
    do {
        /* The timeout covers the whole transfer, not each send(). */
        if (has_timeout) {
            if (deadline_set) {
                timeout = deadline - now_ns();
            } else {
                deadline_set = true;
                deadline = now_ns() + s->timeout;
            }
            if (timeout <= 0) {
                err_set(&exc_TimeoutError, "timed out");
                result = VNULL;
                break;
            }
        }
        SockCall c = {.buf = p, .len = left, .flags = flags};
        if (sock_call_ex(s, true, send_impl, &c, false, NULL, timeout) < 0) {
            result = VNULL;
            break;
        }
        p += c.result;
        left -= (size_t)c.result;
        /* send() may return a partial count when a signal arrives. */
        if (signal_pending() && signal_run_handlers() < 0) {
            result = VNULL;
            break;
        }
    } while (left > 0);
    buffer_release(&view);
    return result;
}

FN(sock_sendto) {
    if (arg_no_kw("socket.sendto", kwnames) < 0) return VNULL;
    if (nargs != 2 && nargs != 3) {
        err_format(&exc_TypeError, "sendto() takes 2 or 3 arguments (%zu given)", nargs);
        return VNULL;
    }
    SocketObject *s = sock(self);
    Buffer view;
    int flags = 0;
    if (carg_buffer(args[0], &view) < 0) return VNULL;
    if (nargs == 3 && carg_int(args[1], &flags) < 0) {
        buffer_release(&view);
        return VNULL;
    }
    SockAddr addr;
    socklen_t len;
    if (socket_parse_addr(s, args[nargs - 1], &addr, &len, "sendto") < 0) {
        buffer_release(&view);
        return VNULL;
    }
    SockCall c = {.buf = view.buf, .len = (size_t)view.len, .flags = flags, .addr = &addr, .addrlen = len};
    int r = sock_call(s, true, sendto_impl, &c);
    buffer_release(&view);
    if (r < 0) return VNULL;
    return int_from_i64(c.result);
}

/* ---- sendmsg / recvmsg ---- */

/* Buffers taken from a sequence of bytes-like objects: the sequence
 * (a tuple in a C local) keeps every exporter alive. */
typedef struct BufList {
    Buffer *views;
    struct iovec *iov;
    size_t n;
} BufList;

static void buflist_release(BufList *bl) {
    for (size_t i = 0; i < bl->n; i++) buffer_release(&bl->views[i]);
    free(bl->views);
    free(bl->iov);
    bl->views = NULL;
    bl->iov = NULL;
    bl->n = 0;
}

static int buflist_fill(BufList *bl, Value seq, bool writable, const char *fname, const char *item_msg) {
    size_t count = (size_t)tuple_size(seq);
    bl->n = 0;
    bl->views = calloc(count ? count : 1, sizeof(Buffer));
    bl->iov = calloc(count ? count : 1, sizeof(struct iovec));
    if (!bl->views || !bl->iov) {
        buflist_release(bl);
        err_no_memory();
        return -1;
    }
    if (count > INT_MAX) {
        buflist_release(bl);
        err_format(&exc_OSError, "%s() argument 1 is too long", fname);
        return -1;
    }
    for (size_t i = 0; i < count; i++) {
        Value item = tuple_get(seq, (ssize_t)i);
        int flags = writable ? BUF_WRITABLE : BUF_SIMPLE;
        if ((!writable && str_check(item)) || !buffer_check(item) || buffer_get(item, &bl->views[i], flags) < 0) {
            err_clear();
            buflist_release(bl);
            err_set(&exc_TypeError, item_msg);
            return -1;
        }
        bl->n = i + 1;
        bl->iov[i].iov_base = bl->views[i].buf;
        bl->iov[i].iov_len = (size_t)bl->views[i].len;
    }
    return 0;
}

/* The items of an iterable as a tuple, with CPython's PySequence_Fast message. */
static Value fast_seq(Value v, const char *msg) {
    if (tuple_check(v)) return v;
    Value it = obj_iter(v);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_set(&exc_TypeError, msg);
        }
        return VNULL;
    }
    return tuple_from_iterable(v);
}

FN(sock_sendmsg) {
    if (varargs("socket.sendmsg", "sendmsg", nargs, kwnames, 1, 4) < 0) return VNULL;
    SocketObject *s = sock(self);
    int flags = 0;
    if (nargs > 2 && carg_int(args[2], &flags) < 0) return VNULL;
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    SockAddr addr;
    socklen_t alen;
    if (nargs > 3 && args[3] != VNone) {
        if (socket_parse_addr(s, args[3], &addr, &alen, "sendmsg") < 0) return VNULL;
        msg.msg_name = &addr;
        msg.msg_namelen = alen;
    }
    Value data = fast_seq(args[0], "sendmsg() argument 1 must be an iterable");
    if (!data) return VNULL;
    Value anc = VNULL;
    if (nargs > 1 && !(anc = fast_seq(args[1], "sendmsg() argument 2 must be an iterable"))) return VNULL;
    BufList bl = {0};
    if (buflist_fill(&bl, data, false, "sendmsg", "sendmsg() argument 1 must be an iterable of bytes-like objects") <
        0)
        return VNULL;
    msg.msg_iov = bl.iov;
    msg.msg_iovlen = bl.n;
    /* The control messages: (level, type, data) each. */
    size_t ncmsg = anc ? (size_t)tuple_size(anc) : 0;
    Buffer *cdata = calloc(ncmsg ? ncmsg : 1, sizeof(Buffer));
    int *clevel = calloc(ncmsg ? ncmsg : 1, sizeof(int)), *ctype = calloc(ncmsg ? ncmsg : 1, sizeof(int));
    size_t got = 0, controllen = 0;
    char *control = NULL;
    Value result = VNULL;
    if (!cdata || !clevel || !ctype) {
        err_no_memory();
        goto done;
    }
    for (; got < ncmsg; got++) {
        Value item = tuple_get(anc, (ssize_t)got);
        if (!tuple_check(item) || tuple_size(item) != 3) {
            err_format(&exc_TypeError, "[sendmsg() ancillary data items]() argument must be sequence of length 3, not %zd",
                       tuple_check(item) ? tuple_size(item) : (ssize_t)0);
            goto done;
        }
        if (carg_int(tuple_get(item, 0), &clevel[got]) < 0 || carg_int(tuple_get(item, 1), &ctype[got]) < 0 ||
            carg_buffer(tuple_get(item, 2), &cdata[got]) < 0)
            goto done;
        size_t space = CMSG_SPACE((size_t)cdata[got].len);
        controllen += space;
        if (controllen > INT_MAX) {
            got++;
            err_set(&exc_OSError, "too much ancillary data");
            goto done;
        }
    }
    if (controllen > 0) {
        control = calloc(1, controllen);
        if (!control) {
            err_no_memory();
            goto done;
        }
        msg.msg_control = control;
        msg.msg_controllen = controllen;
        struct cmsghdr *h = CMSG_FIRSTHDR(&msg);
        for (size_t i = 0; i < ncmsg && h; i++, h = CMSG_NXTHDR(&msg, h)) {
            h->cmsg_level = clevel[i];
            h->cmsg_type = ctype[i];
            h->cmsg_len = CMSG_LEN((size_t)cdata[i].len);
            memcpy(CMSG_DATA(h), cdata[i].buf, (size_t)cdata[i].len);
        }
    }
    SockCall c = {.msg = &msg, .flags = flags};
    if (sock_call(s, true, sendmsg_impl, &c) == 0) result = int_from_i64(c.result);
done:
    for (size_t i = 0; i < got && cdata; i++) buffer_release(&cdata[i]);
    free(cdata);
    free(clevel);
    free(ctype);
    free(control);
    buflist_release(&bl);
    return result;
}

/* Close the descriptors an SCM_RIGHTS message brought, so they don't leak
 * when the result cannot be built. */
static void close_passed_fds(struct msghdr *msg) {
    if (!msg->msg_control) return;
    for (struct cmsghdr *h = CMSG_FIRSTHDR(msg); h; h = CMSG_NXTHDR(msg, h)) {
        if (h->cmsg_level != SOL_SOCKET || h->cmsg_type != SCM_RIGHTS || h->cmsg_len < CMSG_LEN(0)) continue;
        size_t n = (h->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        int *fds = (int *)CMSG_DATA(h);
        for (size_t i = 0; i < n; i++) close(fds[i]);
    }
}

/* The part of recvmsg and recvmsg_into after the buffers: receive, then
 * (ancillary data list, msg_flags, address) in *rest. */
static int recvmsg_guts(SocketObject *s, struct iovec *iov, size_t iovlen, int flags, ssize_t ancbufsize,
                        ssize_t *nread, Value *anc_out, Value *addr_out, int *msg_flags) {
    if (ancbufsize < 0 || ancbufsize > INT_MAX) {
        err_set(&exc_ValueError, "invalid ancillary data buffer length");
        return -1;
    }
    SockAddr addr;
    memset(&addr, 0, sizeof addr);
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    msg.msg_name = &addr;
    msg.msg_namelen = sizeof addr;
    msg.msg_iov = iov;
    msg.msg_iovlen = iovlen;
    char *control = NULL;
    if (ancbufsize > 0) {
        control = calloc(1, (size_t)ancbufsize);
        if (!control) {
            err_no_memory();
            return -1;
        }
        msg.msg_control = control;
        msg.msg_controllen = (size_t)ancbufsize;
    }
    SockCall c = {.msg = &msg, .flags = flags};
    if (sock_call(s, false, recvmsg_impl, &c) < 0) {
        free(control);
        return -1;
    }
    Value list = list_new(0);
    if (!list) goto fail;
    if (msg.msg_controllen > 0 && msg.msg_control) {
        size_t controllen = msg.msg_controllen;
        for (struct cmsghdr *h = CMSG_FIRSTHDR(&msg); h; h = CMSG_NXTHDR(&msg, h)) {
            size_t off = (size_t)((char *)h - control);
            size_t data_off = (size_t)((unsigned char *)CMSG_DATA(h) - (unsigned char *)h);
            int status = 0;
            size_t data_len = 0;
            if (off + data_off > controllen || h->cmsg_len < CMSG_LEN(0)) {
                status = -1;
            } else if (h->cmsg_len > controllen - off) {
                status = 1;
                data_len = controllen - off - data_off;
            } else {
                data_len = h->cmsg_len - data_off;
            }
            if (status != 0 &&
                err_warn(&exc_RuntimeWarning, "received malformed or improperly-truncated ancillary data", 1) < 0)
                goto fail;
            if (status < 0) break;
            Value data = bytes_new((const char *)CMSG_DATA(h), data_len);
            Value item = data ? tuple_pack(3, val_from_int(h->cmsg_level), val_from_int(h->cmsg_type), data) : VNULL;
            if (!item || list_append(list, item) < 0) goto fail;
        }
    }
    socklen_t nl = msg.msg_namelen > sizeof addr ? sizeof addr : msg.msg_namelen;
    Value a = socket_make_addr(&addr.sa, nl, s->proto);
    if (!a) goto fail;
    free(control);
    *nread = c.result;
    *anc_out = list;
    *addr_out = a;
    *msg_flags = msg.msg_flags;
    return 0;
fail:
    close_passed_fds(&msg);
    free(control);
    return -1;
}

FN(sock_recvmsg) {
    if (varargs("socket.recvmsg", "recvmsg", nargs, kwnames, 1, 3) < 0) return VNULL;
    ssize_t bufsize, ancbufsize = 0;
    int flags = 0;
    if (carg_ssize(args[0], &bufsize) < 0 || (nargs > 1 && carg_ssize(args[1], &ancbufsize) < 0) ||
        (nargs > 2 && carg_int(args[2], &flags) < 0))
        return VNULL;
    if (bufsize < 0) {
        err_set(&exc_ValueError, "negative buffer size in recvmsg()");
        return VNULL;
    }
    BytesObject *b = bytes_alloc((size_t)bufsize);
    if (!b) return VNULL;
    struct iovec iov = {b->data, (size_t)bufsize};
    ssize_t n;
    Value anc, addr;
    int mflags;
    if (recvmsg_guts(sock(self), &iov, 1, flags, ancbufsize, &n, &anc, &addr, &mflags) < 0) return VNULL;
    Value data = n == bufsize ? obj_val(b) : bytes_new(b->data, (size_t)n);
    if (!data) return VNULL;
    return tuple_pack(4, data, anc, val_from_int(mflags), addr);
}

FN(sock_recvmsg_into) {
    if (varargs("socket.recvmsg_into", "recvmsg_into", nargs, kwnames, 1, 3) < 0) return VNULL;
    ssize_t ancbufsize = 0;
    int flags = 0;
    if ((nargs > 1 && carg_ssize(args[1], &ancbufsize) < 0) || (nargs > 2 && carg_int(args[2], &flags) < 0))
        return VNULL;
    Value seq = fast_seq(args[0], "recvmsg_into() argument 1 must be an iterable");
    if (!seq) return VNULL;
    BufList bl = {0};
    if (buflist_fill(&bl, seq, true, "recvmsg_into",
                     "recvmsg_into() argument 1 must be an iterable of single-segment read-write buffers") < 0)
        return VNULL;
    ssize_t n;
    Value anc, addr;
    int mflags;
    int r = recvmsg_guts(sock(self), bl.iov, bl.n, flags, ancbufsize, &n, &anc, &addr, &mflags);
    buflist_release(&bl);
    if (r < 0) return VNULL;
    return tuple_pack(4, int_from_i64(n), anc, val_from_int(mflags), addr);
}

/* ---- The type ---- */

static Value get_family(Value self) { return val_from_int(sock(self)->family); }
static Value get_type(Value self) { return val_from_int(sock(self)->type); }
static Value get_proto(Value self) { return val_from_int(sock(self)->proto); }

static const GetSetDef socket_getsets[] = {
    {"family", get_family, NULL, "the socket family"},
    {"type", get_type, NULL, "the socket type"},
    {"proto", get_proto, NULL, "the socket protocol"},
    {"timeout", get_timeout, NULL, "the socket timeout"},
    {NULL},
};

static const MethodDef socket_methods[] = {
    {"_accept", sock_accept, 0, "_accept() -> (integer, address info)\n\nWait for an incoming connection.  Return a new socket file descriptor\nrepresenting the connection, and the address of the client.\nFor IP sockets, the address info is a pair (hostaddr, port)."},
    {"bind", sock_bind, 0, "bind(address)\n\nBind the socket to a local address.  For IP sockets, the address is a\npair (host, port); the host must refer to the local host. For raw packet\nsockets the address is a tuple (ifname, proto [,pkttype [,hatype [,addr]]])"},
    {"close", sock_close, 0, "close()\n\nClose the socket.  It cannot be used after this call."},
    {"connect", sock_connect, 0, "connect(address)\n\nConnect the socket to a remote address.  For IP sockets, the address\nis a pair (host, port)."},
    {"connect_ex", sock_connect_ex, 0, "connect_ex(address) -> errno\n\nThis is like connect(address), but returns an error code (the errno value)\ninstead of raising an exception when an error occurs."},
    {"detach", sock_detach, 0, "detach()\n\nClose the socket object without closing the underlying file descriptor.\nThe object cannot be used after this call, but the file descriptor\ncan be reused for other purposes.  The file descriptor is returned."},
    {"fileno", sock_fileno, 0, "fileno() -> integer\n\nReturn the integer file descriptor of the socket."},
    {"getpeername", sock_getpeername, 0, "getpeername() -> address info\n\nReturn the address of the remote endpoint.  For IP sockets, the address\ninfo is a pair (hostaddr, port)."},
    {"getsockname", sock_getsockname, 0, "getsockname() -> address info\n\nReturn the address of the local endpoint. The format depends on the\naddress family. For IPv4 sockets, the address info is a pair\n(hostaddr, port)."},
    {"getsockopt", sock_getsockopt, 0, "getsockopt(level, option[, buffersize]) -> value\n\nGet a socket option.  See the Unix manual for level and option.\nIf a nonzero buffersize argument is given, the return value is a\nstring of that length; otherwise it is an integer."},
    {"setsockopt", sock_setsockopt, 0, "setsockopt(level, option, value: int)\nsetsockopt(level, option, value: buffer)\nsetsockopt(level, option, None, optlen: int)\n\nSet a socket option.  See the Unix manual for level and option.\nThe value argument can either be an integer, a string buffer, or\nNone, optlen."},
    {"listen", sock_listen, 0, "listen([backlog])\n\nEnable a server to accept connections.  If backlog is specified, it must be\nat least 0 (if it is lower, it is set to 0); it specifies the number of\nunaccepted connections that the system will allow before refusing new\nconnections. If not specified, a default reasonable value is chosen."},
    {"recv", sock_recv, 0, "recv(buffersize[, flags]) -> data\n\nReceive up to buffersize bytes from the socket.  For the optional flags\nargument, see the Unix manual.  When no data is available, block until\nat least one byte is available or until the remote end is closed.  When\nthe remote end is closed and all data is read, return the empty string."},
    {"recv_into", sock_recv_into, 0, "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read\n\nA version of recv() that stores its data into a buffer rather than creating\na new string.  Receive up to buffersize bytes from the socket.  If buffersize\nis not specified (or 0), receive up to the size available in the given buffer.\n\nSee recv() for documentation about the flags."},
    {"recvfrom", sock_recvfrom, 0, "recvfrom(buffersize[, flags]) -> (data, address info)\n\nLike recv(buffersize, flags) but also return the sender's address info."},
    {"recvfrom_into", sock_recvfrom_into, 0, "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)\n\nLike recv_into(buffer[, nbytes[, flags]]) but also return the sender's address info."},
    {"recvmsg", sock_recvmsg, 0, "recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)\n\nReceive normal data (up to bufsize bytes) and ancillary data from the\nsocket."},
    {"recvmsg_into", sock_recvmsg_into, 0, "recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)\n\nReceive normal data and ancillary data from the socket, scattering the\nnon-ancillary data into a series of buffers."},
    {"send", sock_send, 0, "send(data[, flags]) -> count\n\nSend a data string to the socket.  For the optional flags\nargument, see the Unix manual.  Return the number of bytes\nsent; this may be less than len(data) if the network is busy."},
    {"sendall", sock_sendall, 0, "sendall(data[, flags])\n\nSend a data string to the socket.  For the optional flags\nargument, see the Unix manual.  This calls send() repeatedly\nuntil all data is sent.  If an error occurs, it's impossible\nto tell how much data has been sent."},
    {"sendto", sock_sendto, 0, "sendto(data[, flags], address) -> count\n\nLike send(data, flags) but allows specifying the destination address.\nFor IP sockets, the address is a pair (hostaddr, port)."},
    {"sendmsg", sock_sendmsg, 0, "sendmsg(buffers[, ancdata[, flags[, address]]]) -> count\n\nSend normal and ancillary data to the socket, gathering the\nnon-ancillary data from a series of buffers and concatenating it into\na single message."},
    {"setblocking", sock_setblocking, 0, "setblocking(flag)\n\nSet the socket to blocking (flag is true) or non-blocking (false).\nsetblocking(True) is equivalent to settimeout(None);\nsetblocking(False) is equivalent to settimeout(0.0)."},
    {"getblocking", sock_getblocking, 0, "getblocking()\n\nReturns True if socket is in blocking mode, or False if it\nis in non-blocking mode."},
    {"settimeout", sock_settimeout, 0, "settimeout(timeout)\n\nSet a timeout on socket operations.  'timeout' can be a float,\ngiving in seconds, or None.  Setting a timeout of None disables\nthe timeout feature and is equivalent to setblocking(1).\nSetting a timeout of zero is the same as setblocking(0)."},
    {"gettimeout", sock_gettimeout, 0, "gettimeout() -> timeout\n\nReturns the timeout in seconds (float) associated with socket\noperations. A timeout of None indicates that timeouts on socket\noperations are disabled."},
    {"shutdown", sock_shutdown, 0, "shutdown(flag)\n\nShut down the reading side of the socket (flag == SHUT_RD), the writing side\nof the socket (flag == SHUT_WR), or both ends (flag == SHUT_RDWR)."},
    {NULL},
};

Type type_socket = {
    .hdr = {0, &type_type},
    .name = "_socket.socket",
    .basicsize = sizeof(SocketObject),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .finalize = socket_finalize,
    .new = socket_new,
    .init = socket_init,
    .repr = socket_repr,
    .methods = socket_methods,
    .getsets = socket_getsets,
    .doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\n"
           "socket(family=-1, type=-1, proto=-1, fileno=None) -> socket object\n\n"
           "Open a socket of the given type.  The family argument specifies the\n"
           "address family; it defaults to AF_INET.  The type argument specifies\n"
           "whether this is a stream (SOCK_STREAM, this is the default)\n"
           "or datagram (SOCK_DGRAM) socket.  The protocol argument defaults to 0,\n"
           "specifying the default protocol.  Keyword arguments are accepted.\n"
           "The socket is created as non-inheritable.\n\n"
           "When a fileno is passed in, family, type and proto are auto-detected,\n"
           "unless they are explicitly set.\n\n"
           "A socket object represents one endpoint of a network connection.",
};

int socket_object_init(Value m) {
    type_ready(&type_socket);
    if (module_add(m, "socket", obj_val(&type_socket)) < 0 || module_add(m, "SocketType", obj_val(&type_socket)) < 0)
        return -1;
    return 0;
}
