/* socket_module.c - the _socket module: name resolution, address conversions, byte order, timeouts, exceptions, set-up. */
#include "socket.h"
#include "cargs.h"
#include "os_util.h"
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
#include "../vm/gil.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <net/if.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

Value socket_herror, socket_gaierror;
int64_t socket_default_timeout = -1;

/* ---- Errors ---- */

Value socket_error(void) {
    err_from_errno(&exc_OSError);
    return VNULL;
}

static Value raise_pair(Value exc_type, int code, const char *msg) {
    Value args[2] = {int_from_i64(code), str_from_cstr(msg)};
    if (!args[1]) return VNULL;
    Value exc = obj_call(exc_type, args, 2, VNULL);
    if (exc) err_set_object(exc);
    return VNULL;
}

Value socket_gai_error(int code) {
    if (code == EAI_SYSTEM) return socket_error();
    return raise_pair(socket_gaierror, code, gai_strerror(code));
}

static Value herror_from(int code) { return raise_pair(socket_herror, code, hstrerror(code)); }

/* ---- Timeouts ---- */

int socket_parse_timeout(Value v, int64_t *ns) {
    if (v == VNone) {
        *ns = -1;
        return 0;
    }
    if (carg_time(v, 1000000000, ns) < 0) return -1;
    if (*ns < 0) {
        err_set(&exc_ValueError, "Timeout value out of range");
        return -1;
    }
    return 0;
}

static Value timeout_value(int64_t ns) { return ns < 0 ? VNone : float_new((double)ns / 1e9); }

int socket_set_blocking(int fd, bool blocking) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return -1;
    int nf = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
    if (nf != flags && fcntl(fd, F_SETFL, nf) < 0) return -1;
    return 0;
}

FN(getdefaulttimeout_m) {
    if (arg_no_kw("getdefaulttimeout", kwnames) < 0 || arg_count("getdefaulttimeout", nargs, 0, 0) < 0) return VNULL;
    return timeout_value(socket_default_timeout);
}

FN(setdefaulttimeout_m) {
    if (arg_no_kw("setdefaulttimeout", kwnames) < 0 || arg_count("setdefaulttimeout", nargs, 1, 1) < 0) return VNULL;
    int64_t ns;
    if (socket_parse_timeout(args[0], &ns) < 0) return VNULL;
    socket_default_timeout = ns;
    return VNone;
}

/* ---- Argument helpers ---- */

/* PyArg "s": a str without NUL characters, as UTF-8. */
static const char *arg_cstr(const char *fname, int argno, Value v) {
    if (!str_check(v)) {
        err_format(&exc_TypeError, "%s() argument %d must be str, not %s", fname, argno, type_name(v));
        return NULL;
    }
    if (strlen(str_data(v)) != str_size(v)) {
        err_set(&exc_ValueError, "embedded null character");
        return NULL;
    }
    return str_data(v);
}

/* PyArg "et": str (UTF-8), bytes or bytearray, without NUL bytes; the
 * result is a bytes object. */
static Value arg_et(const char *fname, Value v) {
    Value b;
    if (str_check(v)) b = bytes_new(str_data(v), str_size(v));
    else if (bytes_check(v)) b = v;
    else if (bytearray_check(v)) b = bytes_new(((ByteArrayObject *)v)->data, (size_t)((ByteArrayObject *)v)->size);
    else {
        err_format(&exc_TypeError, "%s() argument 1 must be str, bytes or bytearray, not %s", fname, type_name(v));
        return VNULL;
    }
    if (b && strlen(bytes_data(b)) != (size_t)bytes_size(b)) {
        err_format(&exc_TypeError, "%s() argument 1 must be encoded string without null bytes, not %s", fname,
                   type_name(v));
        return VNULL;
    }
    return b;
}

static int args_exact(const char *fname, size_t nargs, Value kwnames, size_t min, size_t max) {
    return os_tuple_args(fname, nargs, kwnames, min, max);
}

/* ---- Host names ---- */

FN(gethostname_m) {
    if (arg_no_kw("gethostname", kwnames) < 0 || arg_count("gethostname", nargs, 0, 0) < 0) return VNULL;
    char buf[1024];
    if (gethostname(buf, sizeof buf - 1) < 0) return socket_error();
    buf[sizeof buf - 1] = 0;
    return str_decode_utf8(buf, strlen(buf), "surrogateescape");
}

FN(sethostname_m) {
    if (args_exact("sethostname", nargs, kwnames, 1, 1) < 0) return VNULL;
    Value b = str_check(args[0]) ? os_fsencode(args[0], "sethostname") : args[0];
    if (!b) return VNULL;
    Buffer view;
    if (carg_buffer(b, &view) < 0) return VNULL;
    int r = sethostname(view.buf, (size_t)view.len);
    int e = errno;
    buffer_release(&view);
    if (r < 0) {
        errno = e;
        return socket_error();
    }
    return VNone;
}

/* (name, aliases, addresses) from a hostent, CPython's gethost_common. */
static Value host_tuple(struct hostent *h, int herr, int af) {
    if (!h) return herror_from(herr);
    if (h->h_addrtype != af) {
        errno = EAFNOSUPPORT;
        return socket_error();
    }
    Value aliases = list_new(0), addrs = list_new(0);
    if (!aliases || !addrs) return VNULL;
    for (char **p = h->h_aliases; p && *p; p++) {
        Value s = str_from_cstr(*p);
        if (!s || list_append(aliases, s) < 0) return VNULL;
    }
    for (char **p = h->h_addr_list; *p; p++) {
        char buf[INET6_ADDRSTRLEN];
        if (af != AF_INET && af != AF_INET6) {
            err_set(&exc_OSError, "unsupported address family");
            return VNULL;
        }
        if (!inet_ntop(af, *p, buf, sizeof buf)) return socket_error();
        Value s = str_from_cstr(buf);
        if (!s || list_append(addrs, s) < 0) return VNULL;
    }
    Value name = str_from_cstr(h->h_name);
    if (!name) return VNULL;
    return tuple_pack(3, name, aliases, addrs);
}

FN(gethostbyname_m) {
    if (args_exact("gethostbyname", nargs, kwnames, 1, 1) < 0) return VNULL;
    Value name = arg_et("gethostbyname", args[0]);
    if (!name) return VNULL;
    SockAddr addr;
    if (socket_set_ipaddr(bytes_data(name), &addr.sa, sizeof addr.in4, AF_INET) < 0) return VNULL;
    return socket_ip_text(&addr.sa);
}

FN(gethostbyname_ex_m) {
    if (args_exact("gethostbyname_ex", nargs, kwnames, 1, 1) < 0) return VNULL;
    Value name = arg_et("gethostbyname_ex", args[0]);
    if (!name) return VNULL;
    SockAddr addr;
    if (socket_set_ipaddr(bytes_data(name), &addr.sa, sizeof addr, AF_INET) < 0) return VNULL;
    struct hostent he, *h = NULL;
    char buf[16384];
    int herr = 0;
    GIL_RELEASE_BEGIN
    gethostbyname_r(bytes_data(name), &he, buf, sizeof buf, &h, &herr);
    GIL_RELEASE_END
    return host_tuple(h, herr, addr.sa.sa_family);
}

FN(gethostbyaddr_m) {
    if (args_exact("gethostbyaddr", nargs, kwnames, 1, 1) < 0) return VNULL;
    Value name = arg_et("gethostbyaddr", args[0]);
    if (!name) return VNULL;
    SockAddr addr;
    if (socket_set_ipaddr(bytes_data(name), &addr.sa, sizeof addr, AF_UNSPEC) < 0) return VNULL;
    int af = addr.sa.sa_family;
    const void *ap = af == AF_INET6 ? (const void *)&addr.in6.sin6_addr : (const void *)&addr.in4.sin_addr;
    socklen_t al = af == AF_INET6 ? sizeof addr.in6.sin6_addr : sizeof addr.in4.sin_addr;
    struct hostent he, *h = NULL;
    char buf[16384];
    int herr = 0;
    GIL_RELEASE_BEGIN
    gethostbyaddr_r(ap, al, af, &he, buf, sizeof buf, &h, &herr);
    GIL_RELEASE_END
    return host_tuple(h, herr, af);
}

/* ---- Services and protocols ---- */

FN(getservbyname_m) {
    if (args_exact("getservbyname", nargs, kwnames, 1, 2) < 0) return VNULL;
    const char *name = arg_cstr("getservbyname", 1, args[0]);
    const char *proto = NULL;
    if (!name || (nargs > 1 && !(proto = arg_cstr("getservbyname", 2, args[1])))) return VNULL;
    struct servent se, *sp = NULL;
    char buf[4096];
    GIL_RELEASE_BEGIN
    getservbyname_r(name, proto, &se, buf, sizeof buf, &sp);
    GIL_RELEASE_END
    if (!sp) {
        err_set(&exc_OSError, "service/proto not found");
        return VNULL;
    }
    return val_from_int(ntohs((uint16_t)sp->s_port));
}

FN(getservbyport_m) {
    if (args_exact("getservbyport", nargs, kwnames, 1, 2) < 0) return VNULL;
    int port;
    const char *proto = NULL;
    if (carg_int(args[0], &port) < 0 || (nargs > 1 && !(proto = arg_cstr("getservbyport", 2, args[1]))))
        return VNULL;
    if (port < 0 || port > 0xffff) {
        err_set(&exc_OverflowError, "getservbyport: port must be 0-65535.");
        return VNULL;
    }
    struct servent se, *sp = NULL;
    char buf[4096];
    GIL_RELEASE_BEGIN
    getservbyport_r(htons((uint16_t)port), proto, &se, buf, sizeof buf, &sp);
    GIL_RELEASE_END
    if (!sp) {
        err_set(&exc_OSError, "port/proto not found");
        return VNULL;
    }
    return str_from_cstr(sp->s_name);
}

FN(getprotobyname_m) {
    if (args_exact("getprotobyname", nargs, kwnames, 1, 1) < 0) return VNULL;
    const char *name = arg_cstr("getprotobyname", 1, args[0]);
    if (!name) return VNULL;
    struct protoent pe, *pp = NULL;
    char buf[4096];
    getprotobyname_r(name, &pe, buf, sizeof buf, &pp);
    if (!pp) {
        err_set(&exc_OSError, "protocol not found");
        return VNULL;
    }
    return val_from_int(pp->p_proto);
}

/* ---- getaddrinfo / getnameinfo ---- */

FN(getaddrinfo_m) {
    static const char *const names[] = {"host", "port", "family", "type", "proto", "flags", NULL};
    Value a[6];
    if (os_parse_args("getaddrinfo", args, nargs, kwnames, names, 0, 6, 2, a) < 0) return VNULL;
    int iv[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++)
        if (a[i + 2] && carg_int(a[i + 2], &iv[i]) < 0) return VNULL;
    Value hostb = VNULL, portb = VNULL;
    const char *host = NULL, *port = NULL;
    char pbuf[32];
    if (a[0] == VNone) {
        host = NULL;
    } else if (str_check(a[0])) {
        if (!(hostb = str_encode(a[0], "idna", NULL))) return VNULL;
        host = bytes_data(hostb);
    } else if (bytes_check(a[0])) {
        host = bytes_data(a[0]);
    } else {
        err_set(&exc_TypeError, "getaddrinfo() argument 1 must be string or None");
        return VNULL;
    }
    if (int_check_exact(a[1])) {
        long p;
        if (carg_long(a[1], &p) < 0) return VNULL;
        snprintf(pbuf, sizeof pbuf, "%ld", p);
        port = pbuf;
    } else if (str_check(a[1])) {
        portb = a[1];
        port = str_data(portb);
    } else if (bytes_check(a[1])) {
        port = bytes_data(a[1]);
    } else if (a[1] == VNone) {
        port = NULL;
    } else {
        err_set(&exc_OSError, "Int or String expected");
        return VNULL;
    }
    struct addrinfo hints, *res0 = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = iv[0];
    hints.ai_socktype = iv[1];
    hints.ai_protocol = iv[2];
    hints.ai_flags = iv[3];
    int error;
    GIL_RELEASE_BEGIN
    error = getaddrinfo(host, port, &hints, &res0);
    GIL_RELEASE_END
    if (error) return socket_gai_error(error);
    Value all = list_new(0);
    for (struct addrinfo *r = res0; all && r; r = r->ai_next) {
        Value addr = socket_make_addr(r->ai_addr, r->ai_addrlen, iv[2]);
        Value canon = addr ? str_from_cstr(r->ai_canonname ? r->ai_canonname : "") : VNULL;
        Value item = canon ? tuple_pack(5, val_from_int(r->ai_family), val_from_int(r->ai_socktype),
                                        val_from_int(r->ai_protocol), canon, addr)
                           : VNULL;
        if (!item || list_append(all, item) < 0) all = VNULL;
    }
    freeaddrinfo(res0);
    return all;
}

FN(getnameinfo_m) {
    if (args_exact("getnameinfo", nargs, kwnames, 2, 2) < 0) return VNULL;
    Value sa = args[0];
    int flags;
    if (!tuple_check(sa)) {
        /* PyArg_ParseTuple's "i" is checked before the tuple test. */
        if (carg_int(args[1], &flags) < 0) return VNULL;
        err_set(&exc_TypeError, "getnameinfo() argument 1 must be a tuple");
        return VNULL;
    }
    if (carg_int(args[1], &flags) < 0) return VNULL;
    ssize_t n = tuple_size(sa);
    int port;
    unsigned extra[2] = {0, 0};
    if (n < 2 || n > 4 || !str_check(tuple_get(sa, 0))) {
        err_set(&exc_TypeError, "getnameinfo(): illegal sockaddr argument");
        return VNULL;
    }
    const char *host = str_data(tuple_get(sa, 0));
    if (strlen(host) != str_size(tuple_get(sa, 0))) {
        err_set(&exc_ValueError, "embedded null character");
        return VNULL;
    }
    if (carg_int(tuple_get(sa, 1), &port) < 0) return VNULL;
    for (ssize_t i = 2; i < n; i++)
        if (carg_uint_mask(tuple_get(sa, i), &extra[i - 2]) < 0) return VNULL;
    if (extra[0] > 0xfffff) {
        err_set(&exc_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
        return VNULL;
    }
    char pbuf[NI_MAXSERV], hbuf[NI_MAXHOST];
    snprintf(pbuf, sizeof pbuf, "%d", port);
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_flags = AI_NUMERICHOST;
    int error;
    GIL_RELEASE_BEGIN
    error = getaddrinfo(host, pbuf, &hints, &res);
    GIL_RELEASE_END
    if (error) return socket_gai_error(error);
    Value result = VNULL;
    if (res->ai_next) {
        err_set(&exc_OSError, "sockaddr resolved to multiple addresses");
        goto done;
    }
    if (res->ai_family == AF_INET) {
        if (n != 2) {
            err_set(&exc_OSError, "IPv4 sockaddr must be 2 tuple");
            goto done;
        }
    } else if (res->ai_family == AF_INET6) {
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)res->ai_addr;
        sin6->sin6_flowinfo = htonl(extra[0]);
        sin6->sin6_scope_id = extra[1];
    }
    GIL_RELEASE_BEGIN
    error = getnameinfo(res->ai_addr, res->ai_addrlen, hbuf, sizeof hbuf, pbuf, sizeof pbuf, flags);
    GIL_RELEASE_END
    if (error) {
        socket_gai_error(error);
        goto done;
    }
    Value h = str_decode_utf8(hbuf, strlen(hbuf), "surrogateescape");
    Value p = h ? str_from_cstr(pbuf) : VNULL;
    if (p) result = tuple_pack(2, h, p);
done:
    freeaddrinfo(res);
    return result;
}

/* ---- Address text conversions ---- */

FN(inet_aton_m) {
    if (args_exact("inet_aton", nargs, kwnames, 1, 1) < 0) return VNULL;
    const char *s = arg_cstr("inet_aton", 1, args[0]);
    if (!s) return VNULL;
    struct in_addr a;
    if (!inet_aton(s, &a)) {
        err_set(&exc_OSError, "illegal IP address string passed to inet_aton");
        return VNULL;
    }
    return bytes_new((const char *)&a, sizeof a);
}

FN(inet_ntoa_m) {
    if (args_exact("inet_ntoa", nargs, kwnames, 1, 1) < 0) return VNULL;
    Buffer view;
    if (carg_buffer(args[0], &view) < 0) return VNULL;
    if (view.len != 4) {
        buffer_release(&view);
        err_set(&exc_OSError, "packed IP wrong length for inet_ntoa");
        return VNULL;
    }
    struct in_addr a;
    memcpy(&a, view.buf, 4);
    buffer_release(&view);
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &a, buf, sizeof buf);
    return str_from_cstr(buf);
}

FN(inet_pton_m) {
    if (args_exact("inet_pton", nargs, kwnames, 2, 2) < 0) return VNULL;
    int af;
    if (carg_int(args[0], &af) < 0) return VNULL;
    const char *s = arg_cstr("inet_pton", 2, args[1]);
    if (!s) return VNULL;
    unsigned char packed[sizeof(struct in6_addr)];
    int r = inet_pton(af, s, packed);
    if (r < 0) return socket_error();
    if (r == 0) {
        err_set(&exc_OSError, "illegal IP address string passed to inet_pton");
        return VNULL;
    }
    if (af == AF_INET) return bytes_new((const char *)packed, 4);
    if (af == AF_INET6) return bytes_new((const char *)packed, 16);
    err_set(&exc_OSError, "unknown address family");
    return VNULL;
}

FN(inet_ntop_m) {
    if (args_exact("inet_ntop", nargs, kwnames, 2, 2) < 0) return VNULL;
    int af;
    if (carg_int(args[0], &af) < 0) return VNULL;
    Buffer view;
    if (carg_buffer(args[1], &view) < 0) return VNULL;
    unsigned char packed[16];
    size_t want = af == AF_INET ? 4 : 16;
    if (af != AF_INET && af != AF_INET6) {
        buffer_release(&view);
        err_format(&exc_ValueError, "unknown address family %d", af);
        return VNULL;
    }
    if ((size_t)view.len != want) {
        buffer_release(&view);
        err_set(&exc_ValueError, "invalid length of packed IP address string");
        return VNULL;
    }
    memcpy(packed, view.buf, want);
    buffer_release(&view);
    char buf[INET6_ADDRSTRLEN];
    if (!inet_ntop(af, packed, buf, sizeof buf)) return socket_error();
    return str_from_cstr(buf);
}

/* ---- Byte order ---- */

static Value swap16(const char *name, Value *args, size_t nargs, Value kwnames) {
    if (args_exact(name, nargs, kwnames, 1, 1) < 0) return VNULL;
    int x;
    if (carg_int(args[0], &x) < 0) return VNULL;
    if (x < 0) {
        err_format(&exc_OverflowError, "%s: can't convert negative Python int to C 16-bit unsigned integer", name);
        return VNULL;
    }
    if (x > 0xffff) {
        err_format(&exc_OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer", name);
        return VNULL;
    }
    return val_from_int(htons((uint16_t)x));
}

static Value swap32(const char *name, const char *qualname, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw(name, kwnames) < 0 || arg_count(qualname, nargs, 1, 1) < 0) return VNULL;
    Value v = args[0];
    if (!int_check(v)) {
        err_format(&exc_TypeError, "expected int, %s found", type_name(v));
        return VNULL;
    }
    if (int_sign(v) < 0) {
        err_set(&exc_OverflowError, "can't convert negative value to unsigned int");
        return VNULL;
    }
    if (!val_is_int(v) && !int_fits_i64(v)) {
        Value big = int_from_u64(UINT64_MAX);
        if (!big) return VNULL;
        if (int_compare(v, big) > 0) {
            err_set(&exc_OverflowError, "Python int too large to convert to C unsigned long");
            return VNULL;
        }
    }
    uint64_t x = val_is_int(v) ? (uint64_t)val_int(v) : int_as_u64(v);
    if (x > 0xffffffffu) {
        err_set(&exc_OverflowError, "int larger than 32 bits");
        return VNULL;
    }
    return int_from_u64(htonl((uint32_t)x));
}

FN(htons_m) { return swap16("htons", args, nargs, kwnames); }
FN(ntohs_m) { return swap16("ntohs", args, nargs, kwnames); }
FN(htonl_m) { return swap32("htonl", "_socket.htonl", args, nargs, kwnames); }
FN(ntohl_m) { return swap32("ntohl", "_socket.ntohl", args, nargs, kwnames); }

/* ---- Descriptors ---- */

FN(close_m) {
    if (arg_no_kw("close", kwnames) < 0 || arg_count("_socket.close", nargs, 1, 1) < 0) return VNULL;
    int fd;
    if (carg_int(args[0], &fd) < 0) return VNULL;
    int r;
    GIL_RELEASE_BEGIN
    r = close(fd);
    GIL_RELEASE_END
    /* The peer may have reset the connection already: not an error. */
    if (r < 0 && errno != ECONNRESET) return socket_error();
    return VNone;
}

FN(dup_m) {
    if (arg_no_kw("dup", kwnames) < 0 || arg_count("_socket.dup", nargs, 1, 1) < 0) return VNULL;
    int fd;
    if (carg_int(args[0], &fd) < 0) return VNULL;
    int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (nfd < 0) return socket_error();
    return val_from_int(nfd);
}

FN(socketpair_m) {
    if (args_exact("socketpair", nargs, kwnames, 0, 3) < 0) return VNULL;
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
    if ((nargs > 0 && carg_int(args[0], &family) < 0) || (nargs > 1 && carg_int(args[1], &type) < 0) ||
        (nargs > 2 && carg_int(args[2], &proto) < 0))
        return VNULL;
    int sv[2];
    if (socketpair(family, type | SOCK_CLOEXEC, proto, sv) < 0) return socket_error();
    Value a = socket_from_fd(sv[0], family, type, proto);
    if (!a) {
        close(sv[0]);
        close(sv[1]);
        return VNULL;
    }
    Value b = socket_from_fd(sv[1], family, type, proto);
    if (!b) {
        close(sv[1]);
        return VNULL;
    }
    return tuple_pack(2, a, b);
}

/* ---- Network interfaces ---- */

FN(if_nameindex_m) {
    if (arg_no_kw("if_nameindex", kwnames) < 0 || arg_count("if_nameindex", nargs, 0, 0) < 0) return VNULL;
    struct if_nameindex *ni = if_nameindex();
    if (!ni) return socket_error();
    Value list = list_new(0);
    for (struct if_nameindex *p = ni; list && p->if_index; p++) {
        Value name = str_decode_utf8(p->if_name, strlen(p->if_name), "surrogateescape");
        Value item = name ? tuple_pack(2, int_from_u64(p->if_index), name) : VNULL;
        if (!item || list_append(list, item) < 0) list = VNULL;
    }
    if_freenameindex(ni);
    return list;
}

FN(if_nametoindex_m) {
    if (args_exact("if_nametoindex", nargs, kwnames, 1, 1) < 0) return VNULL;
    Value b = os_fsencode(args[0], "if_nametoindex");
    if (!b) return VNULL;
    unsigned idx = if_nametoindex(bytes_data(b));
    if (idx == 0) {
        err_set(&exc_OSError, "no interface with this name");
        return VNULL;
    }
    return int_from_u64(idx);
}

FN(if_indextoname_m) {
    if (arg_no_kw("if_indextoname", kwnames) < 0 || arg_count("_socket.if_indextoname", nargs, 1, 1) < 0) return VNULL;
    Value v = args[0];
    if (!int_check(v)) {
        err_set(&exc_TypeError, "an integer is required");
        return VNULL;
    }
    if (int_sign(v) < 0) {
        err_set(&exc_OverflowError, "can't convert negative value to unsigned int");
        return VNULL;
    }
    if (!int_fits_i64(v) || int_as_i64(v) > UINT_MAX) {
        err_set(&exc_OverflowError, "index is too large");
        return VNULL;
    }
    char name[IF_NAMESIZE + 1];
    if (!if_indextoname((unsigned)int_as_i64(v), name)) return socket_error();
    return str_decode_utf8(name, strlen(name), "surrogateescape");
}

/* ---- Ancillary data sizes ---- */

static Value cmsg_size(const char *name, Value *args, size_t nargs, Value kwnames, bool space) {
    if (args_exact(name, nargs, kwnames, 1, 1) < 0) return VNULL;
    ssize_t n;
    if (carg_ssize(args[0], &n) < 0) return VNULL;
    /* The result must fit a socklen_t (CPython's SOCKLEN_T_LIMIT). */
    if (n < 0 || (size_t)n > (size_t)INT_MAX - CMSG_SPACE(0)) {
        err_format(&exc_OverflowError, "%s() argument out of range", name);
        return VNULL;
    }
    return int_from_u64(space ? CMSG_SPACE((size_t)n) : CMSG_LEN((size_t)n));
}

FN(cmsg_len_m) { return cmsg_size("CMSG_LEN", args, nargs, kwnames, false); }
FN(cmsg_space_m) { return cmsg_size("CMSG_SPACE", args, nargs, kwnames, true); }

static const MethodDef socket_functions[] = {
    {"gethostbyname", gethostbyname_m, 0, "gethostbyname(host) -> address\n\nReturn the IP address (a string of the form '255.255.255.255') for a host."},
    {"gethostbyname_ex", gethostbyname_ex_m, 0, "gethostbyname_ex(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name or IP number."},
    {"gethostbyaddr", gethostbyaddr_m, 0, "gethostbyaddr(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name or IP number."},
    {"gethostname", gethostname_m, 0, "gethostname() -> string\n\nReturn the current host name."},
    {"sethostname", sethostname_m, 0, "sethostname(name)\n\nSets the hostname to name."},
    {"getservbyname", getservbyname_m, 0, "getservbyname(servicename[, protocolname]) -> integer\n\nReturn a port number from a service name and protocol name.\nThe optional protocol name, if given, should be 'tcp' or 'udp',\notherwise any protocol will match."},
    {"getservbyport", getservbyport_m, 0, "getservbyport(port[, protocolname]) -> string\n\nReturn the service name from a port number and protocol name.\nThe optional protocol name, if given, should be 'tcp' or 'udp',\notherwise any protocol will match."},
    {"getprotobyname", getprotobyname_m, 0, "getprotobyname(name) -> integer\n\nReturn the protocol number for the named protocol.  (Rarely used.)"},
    {"close", close_m, 0, "close(integer) -> None\n\nClose an integer socket file descriptor.  This is like os.close(), but for\nsockets; on some platforms os.close() won't work for socket file descriptors."},
    {"dup", dup_m, 0, "dup(integer) -> integer\n\nDuplicate an integer socket file descriptor.  This is like os.dup(), but for\nsockets; on some platforms os.dup() won't work for socket file descriptors."},
    {"socketpair", socketpair_m, 0, "socketpair([family[, type [, proto]]]) -> (socket object, socket object)\n\nCreate a pair of socket objects from the sockets returned by the platform\nsocketpair() function.\nThe arguments are the same as for socket() except the default family is\nAF_UNIX if defined on the platform; otherwise, the default is AF_INET."},
    {"ntohs", ntohs_m, 0, "Convert a 16-bit unsigned integer from network to host byte order."},
    {"ntohl", ntohl_m, 0, "ntohl(integer) -> integer\n\nConvert a 32-bit integer from network to host byte order."},
    {"htons", htons_m, 0, "Convert a 16-bit unsigned integer from host to network byte order."},
    {"htonl", htonl_m, 0, "htonl(integer) -> integer\n\nConvert a 32-bit integer from host to network byte order."},
    {"inet_aton", inet_aton_m, 0, "Convert an IP address in string format (123.45.67.89) to the 32-bit packed binary format used in low-level network functions."},
    {"inet_ntoa", inet_ntoa_m, 0, "Convert an IP address from 32-bit packed binary format to string format."},
    {"inet_pton", inet_pton_m, 0, "inet_pton(af, ip) -> packed IP address string\n\nConvert an IP address from string format to a packed string suitable\nfor use with low-level network functions."},
    {"inet_ntop", inet_ntop_m, 0, "inet_ntop(af, packed_ip) -> string formatted IP address\n\nConvert a packed IP address of the given family to string format."},
    {"getaddrinfo", getaddrinfo_m, 0, "getaddrinfo(host, port [, family, type, proto, flags])\n    -> list of (family, type, proto, canonname, sockaddr)\n\nResolve host and port into addrinfo struct."},
    {"getnameinfo", getnameinfo_m, 0, "getnameinfo(sockaddr, flags) --> (host, port)\n\nGet host and port for a sockaddr."},
    {"getdefaulttimeout", getdefaulttimeout_m, 0, "getdefaulttimeout() -> timeout\n\nReturns the default timeout in seconds (float) for new socket objects.\nA value of None indicates that new socket objects have no timeout.\nWhen the socket module is first imported, the default is None."},
    {"setdefaulttimeout", setdefaulttimeout_m, 0, "setdefaulttimeout(timeout)\n\nSet the default timeout in seconds (float) for new socket objects.\nA value of None indicates that new socket objects have no timeout.\nWhen the socket module is first imported, the default is None."},
    {"if_nameindex", if_nameindex_m, 0, "if_nameindex()\n\nReturns a list of network interface information (index, name) tuples."},
    {"if_nametoindex", if_nametoindex_m, 0, "Returns the interface index corresponding to the interface name if_name."},
    {"if_indextoname", if_indextoname_m, 0, "if_indextoname(if_index)\n\nReturns the interface name corresponding to the interface index if_index."},
    {"CMSG_LEN", cmsg_len_m, 0, "CMSG_LEN(length) -> control message length\n\nReturn the total length, without trailing padding, of an ancillary\ndata item with associated data of the given length."},
    {"CMSG_SPACE", cmsg_space_m, 0, "CMSG_SPACE(length) -> buffer size\n\nReturn the buffer size needed for recvmsg() to receive an ancillary\ndata item with associated data of the given length, along with any\ntrailing padding."},
    {NULL},
};

static Value new_exception(const char *name, Type *base, const char *doc) {
    Value ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("socket")) < 0) return VNULL;
    if (doc && dict_set_cstr(ns, "__doc__", str_from_cstr(doc)) < 0) return VNULL;
    return type_new_class(&type_type, str_from_cstr(name), tuple_pack(1, obj_val(base)), ns, VNULL);
}

Value socket_module_init(void) {
    Value m = module_new_cstr("_socket");
    if (!m || module_add_functions(m, socket_functions) < 0) return VNULL;
    socket_herror = new_exception("herror", &exc_OSError, NULL);
    socket_gaierror = new_exception("gaierror", &exc_OSError, NULL);
    if (!socket_herror || !socket_gaierror) return VNULL;
    gc_add_root(&socket_herror);
    gc_add_root(&socket_gaierror);
    if (module_add(m, "error", obj_val(&exc_OSError)) < 0 || module_add(m, "herror", socket_herror) < 0 ||
        module_add(m, "gaierror", socket_gaierror) < 0 || module_add(m, "timeout", obj_val(&exc_TimeoutError)) < 0)
        return VNULL;
    if (socket_object_init(m) < 0 || socket_add_constants(m) < 0) return VNULL;
    if (module_add(m, "has_ipv6", VTrue) < 0) return VNULL;
    if (module_add(m, "__doc__", str_from_cstr("Implementation module for socket operations.\n\n"
                                               "See the socket module for documentation.")) < 0)
        return VNULL;
    return m;
}
