/* socket.h - the _socket module's shared parts: the socket object, addresses, errors, timeouts. */
#ifndef TAIPAN_SOCKET_H
#define TAIPAN_SOCKET_H

#include "../objects/object.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/netlink.h>

/*
 * The module is split by concern: socket_object.c is the socket type,
 * socket_addr.c turns Python addresses into struct sockaddr and back (and
 * resolves names), socket_module.c has the module functions, exceptions and
 * set-up, socket_consts.c the constants.
 *
 * Timeouts are nanoseconds as in CPython (_PyTime_t): -1 means blocking
 * without a timeout, 0 non-blocking, > 0 a timeout implemented by polling
 * for readiness before each system call, the descriptor itself being
 * non-blocking.
 */

typedef struct SocketObject {
    Object hdr;
    int fd;              /* -1 once closed or detached */
    int family, type, proto;
    int64_t timeout;     /* ns; -1: none */
} SocketObject;

extern Type type_socket;

/* Every address family's struct fits in this. */
typedef union SockAddr {
    struct sockaddr sa;
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
    struct sockaddr_un un;
    struct sockaddr_nl nl;
    struct sockaddr_storage storage;
} SockAddr;

/* ---- socket_module.c ---- */
extern Value socket_herror, socket_gaierror;
extern int64_t socket_default_timeout;   /* ns, -1: none */
/* OSError from errno (set_error). */
Value socket_error(void);
/* gaierror(code, gai_strerror(code)), or OSError from errno for EAI_SYSTEM. */
Value socket_gai_error(int code);
/* A timeout argument: None is -1, else seconds >= 0 (ValueError "Timeout
 * value out of range"). */
int socket_parse_timeout(Value v, int64_t *ns);
/* Set O_NONBLOCK on or off. */
int socket_set_blocking(int fd, bool blocking);

/* ---- socket_addr.c ---- */
/* Python address for s (family) -> sockaddr.  `caller` names the method in
 * messages ("bind(): AF_INET address must be tuple, not int"). */
int socket_parse_addr(SocketObject *s, Value addr, SockAddr *out, socklen_t *len, const char *caller);
/* The Python form of a sockaddr: a (host, port) tuple, a path, ... */
Value socket_make_addr(const struct sockaddr *sa, socklen_t len, int proto);
/* Resolve `name` (bytes, NUL-terminated) into out for family af: a numeric
 * address, "" (any), "<broadcast>", or a host name.  Returns the size of
 * the address part (4 or 16), or -1. */
int socket_set_ipaddr(const char *name, struct sockaddr *out, size_t outsize, int af);
/* The host argument of connect/getaddrinfo...: str (IDNA-encoded), bytes
 * or bytearray, as bytes ("str, bytes or bytearray expected, not int"). */
Value socket_idna(Value v);
/* An IPv4/IPv6 address as text. */
Value socket_ip_text(const struct sockaddr *sa);

/* ---- socket_object.c ---- */
/* A new _socket.socket for an open descriptor. */
Value socket_from_fd(int fd, int family, int type, int proto);
int socket_object_init(Value m);

/* ---- socket_consts.c ---- */
int socket_add_constants(Value m);

#endif
