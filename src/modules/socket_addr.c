/* socket_addr.c - socket addresses: Python tuples and paths to struct sockaddr and back, and host name resolution. */
#include "socket.h"
#include "cargs.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../vm/error.h"
#include "../vm/gil.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stddef.h>
#include <string.h>

/*
 * Each family has its Python form, as in CPython's socketmodule.c:
 * AF_INET is (host, port), AF_INET6 (host, port, flowinfo, scope_id),
 * AF_UNIX a path (str, or bytes for Linux's abstract namespace, whose
 * names start with a NUL byte), AF_NETLINK (pid, groups).  A host is a
 * numeric address, "" for any address, "<broadcast>", or a name handed to
 * getaddrinfo().
 */

Value socket_idna(Value v) {
    Value b;
    if (bytes_check(v)) {
        b = v;
    } else if (bytearray_check(v)) {
        b = bytes_new(((ByteArrayObject *)v)->data, (size_t)((ByteArrayObject *)v)->size);
    } else if (str_check(v)) {
        if (str_is_ascii(v)) {
            b = bytes_new(str_data(v), str_size(v));
        } else {
            b = str_encode(v, "idna", NULL);
            if (!b) {
                err_clear();
                err_set(&exc_TypeError, "encoding of hostname failed");
                return VNULL;
            }
        }
    } else {
        err_format(&exc_TypeError, "str, bytes or bytearray expected, not %s", type_name(v));
        return VNULL;
    }
    if (!b) return VNULL;
    if (strlen(bytes_data(b)) != (size_t)bytes_size(b)) {
        err_set(&exc_TypeError, "host name must not contain null character");
        return VNULL;
    }
    return b;
}

int socket_set_ipaddr(const char *name, struct sockaddr *out, size_t outsize, int af) {
    struct addrinfo hints, *res;
    int error;
    memset(out, 0, outsize);
    if (name[0] == '\0') {
        /* The wildcard: whatever getaddrinfo() gives for a passive socket. */
        memset(&hints, 0, sizeof hints);
        hints.ai_family = af;
        hints.ai_socktype = SOCK_DGRAM;
        hints.ai_flags = AI_PASSIVE;
        GIL_RELEASE_BEGIN
        error = getaddrinfo(NULL, "0", &hints, &res);
        GIL_RELEASE_END
        if (error) {
            socket_gai_error(error);
            return -1;
        }
        int size;
        switch (res->ai_family) {
        case AF_INET: size = 4; break;
        case AF_INET6: size = 16; break;
        default:
            freeaddrinfo(res);
            err_set(&exc_OSError, "unsupported address family");
            return -1;
        }
        if (res->ai_next) {
            freeaddrinfo(res);
            err_set(&exc_OSError, "wildcard resolved to multiple address");
            return -1;
        }
        memcpy(out, res->ai_addr, res->ai_addrlen < outsize ? res->ai_addrlen : outsize);
        freeaddrinfo(res);
        return size;
    }
    if (strcmp(name, "255.255.255.255") == 0 || strcmp(name, "<broadcast>") == 0) {
        if (af != AF_INET && af != AF_UNSPEC) {
            err_set(&exc_OSError, "address family mismatched");
            return -1;
        }
        struct sockaddr_in *sin = (struct sockaddr_in *)out;
        sin->sin_family = AF_INET;
        sin->sin_addr.s_addr = INADDR_BROADCAST;
        return 4;
    }
    /* Numeric addresses need no resolver; an IPv6 scope ("fe80::1%eth0")
     * does, to turn the interface name into an index. */
    if (af == AF_UNSPEC || af == AF_INET) {
        struct sockaddr_in *sin = (struct sockaddr_in *)out;
        if (inet_pton(AF_INET, name, &sin->sin_addr) > 0) {
            sin->sin_family = AF_INET;
            return 4;
        }
    }
    if ((af == AF_UNSPEC || af == AF_INET6) && !strchr(name, '%') && outsize >= sizeof(struct sockaddr_in6)) {
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)out;
        if (inet_pton(AF_INET6, name, &sin6->sin6_addr) > 0) {
            sin6->sin6_family = AF_INET6;
            return 16;
        }
    }
    memset(&hints, 0, sizeof hints);
    hints.ai_family = af;
    GIL_RELEASE_BEGIN
    error = getaddrinfo(name, NULL, &hints, &res);
    GIL_RELEASE_END
    if (error) {
        socket_gai_error(error);
        return -1;
    }
    memcpy(out, res->ai_addr, res->ai_addrlen < outsize ? res->ai_addrlen : outsize);
    freeaddrinfo(res);
    switch (out->sa_family) {
    case AF_INET: return 4;
    case AF_INET6: return 16;
    default:
        err_set(&exc_OSError, "unknown address family");
        return -1;
    }
}

Value socket_ip_text(const struct sockaddr *sa) {
    char buf[INET6_ADDRSTRLEN];
    const void *src = sa->sa_family == AF_INET6 ? (const void *)&((const struct sockaddr_in6 *)sa)->sin6_addr
                                                : (const void *)&((const struct sockaddr_in *)sa)->sin_addr;
    if (!inet_ntop(sa->sa_family, src, buf, sizeof buf)) return socket_error();
    return str_from_cstr(buf);
}

Value socket_make_addr(const struct sockaddr *sa, socklen_t len, int proto) {
    if (len == 0) return VNone;
    switch (sa->sa_family) {
    case AF_INET: {
        const struct sockaddr_in *a = (const struct sockaddr_in *)sa;
        Value host = socket_ip_text(sa);
        if (!host) return VNULL;
        return tuple_pack(2, host, val_from_int(ntohs(a->sin_port)));
    }
    case AF_INET6: {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)sa;
        Value host = socket_ip_text(sa);
        if (!host) return VNULL;
        return tuple_pack(4, host, val_from_int(ntohs(a->sin6_port)), int_from_u64(ntohl(a->sin6_flowinfo)),
                          int_from_u64(a->sin6_scope_id));
    }
    case AF_UNIX: {
        const struct sockaddr_un *a = (const struct sockaddr_un *)sa;
        size_t n = len > offsetof(struct sockaddr_un, sun_path) ? len - offsetof(struct sockaddr_un, sun_path) : 0;
        if (n > sizeof a->sun_path) n = sizeof a->sun_path;
        /* Linux's abstract namespace: a name starting with NUL, as bytes. */
        if (n > 0 && a->sun_path[0] == 0) return bytes_new(a->sun_path, n);
        return str_decode_utf8(a->sun_path, strnlen(a->sun_path, n), "surrogateescape");
    }
    case AF_NETLINK: {
        const struct sockaddr_nl *a = (const struct sockaddr_nl *)sa;
        return tuple_pack(2, int_from_u64(a->nl_pid), int_from_u64(a->nl_groups));
    }
    default: {
        /* An unknown family comes back as (family, raw bytes), as CPython does. */
        Value data = bytes_new(sa->sa_data, sizeof sa->sa_data);
        if (!data) return VNULL;
        return tuple_pack(2, val_from_int(sa->sa_family), data);
    }
    }
}

/* The items of an AF_INET/AF_INET6 address tuple: host, port, then up to
 * two optional unsigned ints.  `msg` is PyArg_ParseTuple's ';' message for
 * a wrong item count. */
static int parse_ip_tuple(Value addr, size_t maxn, const char *msg, const char *caller, Value *host, int *port,
                          unsigned *extra) {
    ssize_t n = tuple_size(addr);
    if (n < 2 || (size_t)n > maxn) {
        err_set(&exc_TypeError, msg);
        return -1;
    }
    *host = socket_idna(tuple_get(addr, 0));
    if (!*host) return -1;
    if (carg_int(tuple_get(addr, 1), port) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_format(&exc_OverflowError, "%s(): port must be 0-65535.", caller);
        }
        return -1;
    }
    for (ssize_t i = 2; i < n; i++)
        if (carg_uint_mask(tuple_get(addr, i), &extra[i - 2]) < 0) return -1;
    return 0;
}

int socket_parse_addr(SocketObject *s, Value addr, SockAddr *out, socklen_t *len, const char *caller) {
    memset(out, 0, sizeof *out);
    switch (s->family) {
    case AF_UNIX: {
        Value b = addr;
        if (str_check(addr)) {
            b = str_encode(addr, "utf-8", "surrogateescape");
            if (!b) return -1;
        }
        Buffer view;
        if (carg_buffer(b, &view) < 0) return -1;
        size_t n = (size_t)view.len;
        const char *p = view.buf;
        int rc = 0;
        if (n == 0 || p[0] == 0) {
            /* Abstract namespace (or autobind for ""): no terminating NUL. */
            if (n > sizeof out->un.sun_path) rc = -1;
            else *len = (socklen_t)(n + offsetof(struct sockaddr_un, sun_path));
        } else {
            if (n >= sizeof out->un.sun_path) rc = -1;
            else *len = (socklen_t)(n + offsetof(struct sockaddr_un, sun_path) + 1);
        }
        if (rc == 0) {
            out->un.sun_family = AF_UNIX;
            memcpy(out->un.sun_path, p, n);
        }
        buffer_release(&view);
        if (rc < 0) err_set(&exc_OSError, "AF_UNIX path too long");
        return rc;
    }
    case AF_INET: {
        if (!tuple_check(addr)) {
            err_format(&exc_TypeError, "%s(): AF_INET address must be tuple, not %s", caller, type_name(addr));
            return -1;
        }
        Value host;
        int port;
        if (parse_ip_tuple(addr, 2, "AF_INET address must be a pair (host, port)", caller, &host, &port, NULL) < 0)
            return -1;
        if (socket_set_ipaddr(bytes_data(host), &out->sa, sizeof out->in4, AF_INET) < 0) return -1;
        if (port < 0 || port > 0xffff) {
            err_format(&exc_OverflowError, "%s(): port must be 0-65535.", caller);
            return -1;
        }
        out->in4.sin_family = AF_INET;
        out->in4.sin_port = htons((unsigned short)port);
        *len = sizeof out->in4;
        return 0;
    }
    case AF_INET6: {
        if (!tuple_check(addr)) {
            err_format(&exc_TypeError, "%s(): AF_INET6 address must be tuple, not %s", caller, type_name(addr));
            return -1;
        }
        Value host;
        int port;
        unsigned extra[2] = {0, 0};
        if (parse_ip_tuple(addr, 4, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])", caller,
                           &host, &port, extra) < 0)
            return -1;
        if (socket_set_ipaddr(bytes_data(host), &out->sa, sizeof out->in6, AF_INET6) < 0) return -1;
        if (port < 0 || port > 0xffff) {
            err_format(&exc_OverflowError, "%s(): port must be 0-65535.", caller);
            return -1;
        }
        if (extra[0] > 0xfffff) {
            err_format(&exc_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
            return -1;
        }
        out->in6.sin6_family = (sa_family_t)s->family;
        out->in6.sin6_port = htons((unsigned short)port);
        out->in6.sin6_flowinfo = htonl(extra[0]);
        out->in6.sin6_scope_id = extra[1];
        *len = sizeof out->in6;
        return 0;
    }
    case AF_NETLINK: {
        if (!tuple_check(addr)) {
            err_format(&exc_TypeError, "%s(): AF_NETLINK address must be tuple, not %s", caller, type_name(addr));
            return -1;
        }
        if (tuple_size(addr) != 2) {
            err_format(&exc_TypeError, "getsockaddrarg() takes exactly 2 arguments (%zd given)", tuple_size(addr));
            return -1;
        }
        unsigned pid, groups;
        if (carg_uint_mask(tuple_get(addr, 0), &pid) < 0 || carg_uint_mask(tuple_get(addr, 1), &groups) < 0)
            return -1;
        out->nl.nl_family = AF_NETLINK;
        out->nl.nl_pid = pid;
        out->nl.nl_groups = groups;
        *len = sizeof out->nl;
        return 0;
    }
    default:
        err_format(&exc_OSError, "%s(): bad family", caller);
        return -1;
    }
}
