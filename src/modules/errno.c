/* errno.c - the errno module: the system's error numbers by name, and errorcode mapping numbers back to names. */
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/dict.h"
#include "../objects/module.h"
#include "../vm/error.h"

#include <errno.h>

/* In CPython's order: the module dict and errorcode iterate as CPython's
 * do, and where two names share a number (EAGAIN/EWOULDBLOCK), errorcode
 * keeps the one CPython keeps (the later of the two). */
#define E(name) {#name, name}
static const struct { const char *name; int value; } errno_names[] = {
#ifdef ENODEV
    E(ENODEV),
#endif
#ifdef ENOCSI
    E(ENOCSI),
#endif
#ifdef EHOSTUNREACH
    E(EHOSTUNREACH),
#endif
#ifdef ENOMSG
    E(ENOMSG),
#endif
#ifdef EUCLEAN
    E(EUCLEAN),
#endif
#ifdef EL2NSYNC
    E(EL2NSYNC),
#endif
#ifdef EL2HLT
    E(EL2HLT),
#endif
#ifdef ENODATA
    E(ENODATA),
#endif
#ifdef ENOTBLK
    E(ENOTBLK),
#endif
#ifdef ENOSYS
    E(ENOSYS),
#endif
#ifdef EPIPE
    E(EPIPE),
#endif
#ifdef EINVAL
    E(EINVAL),
#endif
#ifdef EOVERFLOW
    E(EOVERFLOW),
#endif
#ifdef EADV
    E(EADV),
#endif
#ifdef EINTR
    E(EINTR),
#endif
#ifdef EUSERS
    E(EUSERS),
#endif
#ifdef ENOTEMPTY
    E(ENOTEMPTY),
#endif
#ifdef ENOBUFS
    E(ENOBUFS),
#endif
#ifdef EPROTO
    E(EPROTO),
#endif
#ifdef EREMOTE
    E(EREMOTE),
#endif
#ifdef ENAVAIL
    E(ENAVAIL),
#endif
#ifdef ECHILD
    E(ECHILD),
#endif
#ifdef ELOOP
    E(ELOOP),
#endif
#ifdef EXDEV
    E(EXDEV),
#endif
#ifdef E2BIG
    E(E2BIG),
#endif
#ifdef ESRCH
    E(ESRCH),
#endif
#ifdef EMSGSIZE
    E(EMSGSIZE),
#endif
#ifdef EAFNOSUPPORT
    E(EAFNOSUPPORT),
#endif
#ifdef EBADR
    E(EBADR),
#endif
#ifdef EHOSTDOWN
    E(EHOSTDOWN),
#endif
#ifdef EPFNOSUPPORT
    E(EPFNOSUPPORT),
#endif
#ifdef ENOPROTOOPT
    E(ENOPROTOOPT),
#endif
#ifdef EBUSY
    E(EBUSY),
#endif
#ifdef EWOULDBLOCK
    E(EWOULDBLOCK),
#endif
#ifdef EBADFD
    E(EBADFD),
#endif
#ifdef EDOTDOT
    E(EDOTDOT),
#endif
#ifdef EISCONN
    E(EISCONN),
#endif
#ifdef ENOANO
    E(ENOANO),
#endif
#ifdef ESHUTDOWN
    E(ESHUTDOWN),
#endif
#ifdef ECHRNG
    E(ECHRNG),
#endif
#ifdef ELIBBAD
    E(ELIBBAD),
#endif
#ifdef ENONET
    E(ENONET),
#endif
#ifdef EBADE
    E(EBADE),
#endif
#ifdef EBADF
    E(EBADF),
#endif
#ifdef EMULTIHOP
    E(EMULTIHOP),
#endif
#ifdef EIO
    E(EIO),
#endif
#ifdef EUNATCH
    E(EUNATCH),
#endif
#ifdef EPROTOTYPE
    E(EPROTOTYPE),
#endif
#ifdef ENOSPC
    E(ENOSPC),
#endif
#ifdef ENOEXEC
    E(ENOEXEC),
#endif
#ifdef EALREADY
    E(EALREADY),
#endif
#ifdef ENETDOWN
    E(ENETDOWN),
#endif
#ifdef ENOTNAM
    E(ENOTNAM),
#endif
#ifdef EACCES
    E(EACCES),
#endif
#ifdef ELNRNG
    E(ELNRNG),
#endif
#ifdef EILSEQ
    E(EILSEQ),
#endif
#ifdef ENOTDIR
    E(ENOTDIR),
#endif
#ifdef ENOTUNIQ
    E(ENOTUNIQ),
#endif
#ifdef EPERM
    E(EPERM),
#endif
#ifdef EDOM
    E(EDOM),
#endif
#ifdef EXFULL
    E(EXFULL),
#endif
#ifdef ECONNREFUSED
    E(ECONNREFUSED),
#endif
#ifdef EISDIR
    E(EISDIR),
#endif
#ifdef EPROTONOSUPPORT
    E(EPROTONOSUPPORT),
#endif
#ifdef EROFS
    E(EROFS),
#endif
#ifdef EADDRNOTAVAIL
    E(EADDRNOTAVAIL),
#endif
#ifdef EIDRM
    E(EIDRM),
#endif
#ifdef ECOMM
    E(ECOMM),
#endif
#ifdef ESRMNT
    E(ESRMNT),
#endif
#ifdef EREMOTEIO
    E(EREMOTEIO),
#endif
#ifdef EL3RST
    E(EL3RST),
#endif
#ifdef EBADMSG
    E(EBADMSG),
#endif
#ifdef ENFILE
    E(ENFILE),
#endif
#ifdef ELIBMAX
    E(ELIBMAX),
#endif
#ifdef ESPIPE
    E(ESPIPE),
#endif
#ifdef ENOLINK
    E(ENOLINK),
#endif
#ifdef ENETRESET
    E(ENETRESET),
#endif
#ifdef ETIMEDOUT
    E(ETIMEDOUT),
#endif
#ifdef ENOENT
    E(ENOENT),
#endif
#ifdef EEXIST
    E(EEXIST),
#endif
#ifdef EDQUOT
    E(EDQUOT),
#endif
#ifdef ENOSTR
    E(ENOSTR),
#endif
#ifdef EBADSLT
    E(EBADSLT),
#endif
#ifdef EBADRQC
    E(EBADRQC),
#endif
#ifdef ELIBACC
    E(ELIBACC),
#endif
#ifdef EFAULT
    E(EFAULT),
#endif
#ifdef EFBIG
    E(EFBIG),
#endif
#ifdef EDEADLK
    E(EDEADLK),
#endif
#ifdef ENOTCONN
    E(ENOTCONN),
#endif
#ifdef EDESTADDRREQ
    E(EDESTADDRREQ),
#endif
#ifdef ELIBSCN
    E(ELIBSCN),
#endif
#ifdef ENOLCK
    E(ENOLCK),
#endif
#ifdef EISNAM
    E(EISNAM),
#endif
#ifdef ECONNABORTED
    E(ECONNABORTED),
#endif
#ifdef ENETUNREACH
    E(ENETUNREACH),
#endif
#ifdef ESTALE
    E(ESTALE),
#endif
#ifdef ENOSR
    E(ENOSR),
#endif
#ifdef ENOMEM
    E(ENOMEM),
#endif
#ifdef ENOTSOCK
    E(ENOTSOCK),
#endif
#ifdef ESTRPIPE
    E(ESTRPIPE),
#endif
#ifdef EMLINK
    E(EMLINK),
#endif
#ifdef ERANGE
    E(ERANGE),
#endif
#ifdef ELIBEXEC
    E(ELIBEXEC),
#endif
#ifdef EL3HLT
    E(EL3HLT),
#endif
#ifdef ECONNRESET
    E(ECONNRESET),
#endif
#ifdef EADDRINUSE
    E(EADDRINUSE),
#endif
#ifdef EOPNOTSUPP
    E(EOPNOTSUPP),
#endif
#ifdef EREMCHG
    E(EREMCHG),
#endif
#ifdef EAGAIN
    E(EAGAIN),
#endif
#ifdef ENAMETOOLONG
    E(ENAMETOOLONG),
#endif
#ifdef ENOTTY
    E(ENOTTY),
#endif
#ifdef ERESTART
    E(ERESTART),
#endif
#ifdef ESOCKTNOSUPPORT
    E(ESOCKTNOSUPPORT),
#endif
#ifdef ETIME
    E(ETIME),
#endif
#ifdef EBFONT
    E(EBFONT),
#endif
#ifdef EDEADLOCK
    E(EDEADLOCK),
#endif
#ifdef ETOOMANYREFS
    E(ETOOMANYREFS),
#endif
#ifdef EMFILE
    E(EMFILE),
#endif
#ifdef ETXTBSY
    E(ETXTBSY),
#endif
#ifdef EINPROGRESS
    E(EINPROGRESS),
#endif
#ifdef ENXIO
    E(ENXIO),
#endif
#ifdef ENOPKG
    E(ENOPKG),
#endif
#ifdef ENOMEDIUM
    E(ENOMEDIUM),
#endif
#ifdef EMEDIUMTYPE
    E(EMEDIUMTYPE),
#endif
#ifdef ECANCELED
    E(ECANCELED),
#endif
#ifdef ENOKEY
    E(ENOKEY),
#endif
#ifdef EKEYEXPIRED
    E(EKEYEXPIRED),
#endif
#ifdef EKEYREVOKED
    E(EKEYREVOKED),
#endif
#ifdef EKEYREJECTED
    E(EKEYREJECTED),
#endif
#ifdef EOWNERDEAD
    E(EOWNERDEAD),
#endif
#ifdef ENOTRECOVERABLE
    E(ENOTRECOVERABLE),
#endif
#ifdef ERFKILL
    E(ERFKILL),
#endif
#ifdef ENOTSUP
    E(ENOTSUP),
#endif
};
#undef E

Value errno_module_init(void) {
    Value m = module_new_cstr("errno");
    if (!m) return VNULL;
    if (module_add(m, "__doc__",
                   str_from_cstr("This module makes available standard errno system symbols.\n\n"
                                 "The value of each symbol is the corresponding integer value,\n"
                                 "e.g., on most systems, errno.ENOENT equals the integer 2.\n\n"
                                 "The dictionary errno.errorcode maps numeric codes to symbol names,\n"
                                 "e.g., errno.errorcode[2] could be the string 'ENOENT'.\n\n"
                                 "Symbols that are not relevant to the underlying system are not defined.\n\n"
                                 "To map error codes to error messages, use the function os.strerror(),\n"
                                 "e.g. os.strerror(2) could return 'No such file or directory'.")) < 0)
        return VNULL;
    Value codes = dict_new();
    if (!codes || module_add(m, "errorcode", codes) < 0) return VNULL;
    for (size_t i = 0; i < ARRAY_LEN(errno_names); i++) {
        Value name = str_intern_cstr(errno_names[i].name), num = val_from_int(errno_names[i].value);
        if (module_add(m, errno_names[i].name, num) < 0 || dict_set(codes, num, name) < 0) return VNULL;
    }
    return m;
}
