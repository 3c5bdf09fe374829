/* fcntl.c - the fcntl module: fcntl(), ioctl(), flock(), lockf() and their constants. */
#include "cargs.h"
#include "os_util.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"
#include "../vm/gil.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

/*
 * Each call is retried on EINTR after the Python signal handlers ran
 * (PEP 475).  A buffer argument of fcntl() and ioctl() is copied into a
 * 1024-byte area, the call works on the copy, and the result comes back
 * as bytes (or, for ioctl() on a writable buffer, is copied back into it),
 * as in CPython.
 */

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

/* Retry `call` on EINTR; a handler's exception makes the function return VNULL. */
#define RETRY_EINTR(r, call)                                   \
    do {                                                       \
        GIL_RELEASE_BEGIN                                      \
        (r) = (call);                                          \
        GIL_RELEASE_END                                        \
        if ((r) >= 0 || errno != EINTR) break;                 \
        if (os_check_eintr() < 0) return VNULL;                \
    } while (1)

static Value oserror(void) {
    err_from_errno(&exc_OSError);
    return VNULL;
}

/* PyArg "s#": a str (as UTF-8) or a read-only bytes-like object (bytes);
 * 1 if v is one, 0 if not (no exception). */
static int str_or_bytes(Value v, const char **data, size_t *len) {
    if (str_check(v)) {
        *data = str_data(v);
        *len = str_size(v);
        return 1;
    }
    if (bytes_check(v)) {
        *data = bytes_data(v);
        *len = (size_t)bytes_size(v);
        return 1;
    }
    return 0;
}

FN(fcntl_m) {
    if (arg_no_kw("fcntl.fcntl", kwnames) < 0 || arg_count("fcntl", nargs, 2, 3) < 0) return VNULL;
    int fd, code, r;
    if (os_fileno(args[0], &fd) < 0 || os_int(args[1], &code) < 0) return VNULL;
    unsigned int_arg = 0;
    if (nargs > 2) {
        const char *data;
        size_t len;
        if (str_or_bytes(args[2], &data, &len)) {
            char buf[1024];
            if (len > sizeof buf) {
                err_set(&exc_ValueError, "fcntl string arg too long");
                return VNULL;
            }
            memcpy(buf, data, len);
            RETRY_EINTR(r, fcntl(fd, code, buf));
            if (r < 0) return oserror();
            return bytes_new(buf, len);
        }
        if (carg_uint_mask(args[2], &int_arg) < 0) return VNULL;
    }
    RETRY_EINTR(r, fcntl(fd, code, (int)int_arg));
    if (r < 0) return oserror();
    return int_from_i64(r);
}

FN(ioctl_m) {
    if (arg_no_kw("fcntl.ioctl", kwnames) < 0 || arg_count("ioctl", nargs, 2, 4) < 0) return VNULL;
    int fd, r;
    unsigned code;
    if (os_fileno(args[0], &fd) < 0 || carg_uint_mask(args[1], &code) < 0) return VNULL;
    bool mutate = true;
    if (nargs > 3) {
        int t = obj_is_true(args[3]);
        if (t < 0) return VNULL;
        mutate = t;
    }
    char buf[1024 + 1];
    if (nargs > 2) {
        Value arg = args[2];
        /* A writable buffer is worked on in place (through a copy when it
         * fits, so a short buffer cannot be overrun) unless mutate_flag is false. */
        if (buffer_check(arg) && !str_check(arg)) {
            Buffer view;
            if (buffer_get(arg, &view, BUF_WRITABLE) == 0) {
                if (mutate) {
                    size_t len = (size_t)view.len;
                    if (len <= 1024) {
                        memcpy(buf, view.buf, len);
                        buf[len] = 0;
                        RETRY_EINTR(r, ioctl(fd, code, buf));
                        if (r >= 0) memcpy(view.buf, buf, len);
                    } else {
                        RETRY_EINTR(r, ioctl(fd, code, view.buf));
                    }
                    int e = errno;
                    buffer_release(&view);
                    if (r < 0) {
                        errno = e;
                        return oserror();
                    }
                    return int_from_i64(r);
                }
                size_t len = (size_t)view.len;
                if (len > 1024) {
                    buffer_release(&view);
                    err_set(&exc_ValueError, "ioctl string arg too long");
                    return VNULL;
                }
                memcpy(buf, view.buf, len);
                buffer_release(&view);
                buf[len] = 0;
                RETRY_EINTR(r, ioctl(fd, code, buf));
                if (r < 0) return oserror();
                return bytes_new(buf, len);
            }
            err_clear();
        }
        const char *data;
        size_t len;
        Buffer view;
        bool have_view = false;
        if (!str_or_bytes(arg, &data, &len) && buffer_check(arg)) {
            if (buffer_get(arg, &view, BUF_SIMPLE) < 0) return VNULL;
            have_view = true;
            data = view.buf;
            len = (size_t)view.len;
        }
        if (str_check(arg) || bytes_check(arg) || have_view) {
            if (len > 1024) {
                if (have_view) buffer_release(&view);
                err_set(&exc_ValueError, "ioctl string arg too long");
                return VNULL;
            }
            memcpy(buf, data, len);
            if (have_view) buffer_release(&view);
            buf[len] = 0;
            RETRY_EINTR(r, ioctl(fd, code, buf));
            if (r < 0) return oserror();
            return bytes_new(buf, len);
        }
        int iarg;
        if (carg_int(arg, &iarg) < 0) return VNULL;
        RETRY_EINTR(r, ioctl(fd, code, iarg));
    } else {
        RETRY_EINTR(r, ioctl(fd, code, 0));
    }
    if (r < 0) return oserror();
    return int_from_i64(r);
}

FN(flock_m) {
    if (arg_no_kw("fcntl.flock", kwnames) < 0 || arg_count("flock", nargs, 2, 2) < 0) return VNULL;
    int fd, op, r;
    if (os_fileno(args[0], &fd) < 0 || os_int(args[1], &op) < 0) return VNULL;
    RETRY_EINTR(r, flock(fd, op));
    if (r < 0) return oserror();
    return VNone;
}

FN(lockf_m) {
    if (arg_no_kw("fcntl.lockf", kwnames) < 0 || arg_count("lockf", nargs, 2, 5) < 0) return VNULL;
    int fd, code, whence = 0, r;
    long len = 0, start = 0;
    if (os_fileno(args[0], &fd) < 0 || os_int(args[1], &code) < 0 || (nargs > 2 && carg_long(args[2], &len) < 0) ||
        (nargs > 3 && carg_long(args[3], &start) < 0) || (nargs > 4 && os_int(args[4], &whence) < 0))
        return VNULL;
    struct flock l;
    memset(&l, 0, sizeof l);
    if (code == LOCK_UN) l.l_type = F_UNLCK;
    else if (code & LOCK_SH) l.l_type = F_RDLCK;
    else if (code & LOCK_EX) l.l_type = F_WRLCK;
    else {
        err_set(&exc_ValueError, "unrecognized lockf argument");
        return VNULL;
    }
    l.l_start = start;
    l.l_len = len;
    l.l_whence = (short)whence;
    RETRY_EINTR(r, fcntl(fd, (code & LOCK_NB) ? F_SETLK : F_SETLKW, &l));
    if (r < 0) return oserror();
    return VNone;
}

static const MethodDef fcntl_functions[] = {
    {"fcntl", fcntl_m, 0, "Perform the operation `cmd` on file descriptor fd.\n\nThe values used for `cmd` are operating system dependent, and are available\nas constants in the fcntl module, using the same names as used in\nthe relevant C header files.  The argument arg is optional, and\ndefaults to 0; it may be an int or a string.  If arg is given as a string,\nthe return value of fcntl is a string of that length, containing the\nresulting value put in the arg buffer by the operating system.  The length\nof the arg string is not allowed to exceed 1024 bytes.  If the arg given\nis an integer or if none is specified, the result value is an integer\ncorresponding to the return value of the fcntl call in the C code."},
    {"ioctl", ioctl_m, 0, "Perform the operation `request` on file descriptor `fd`.\n\nThe values used for `request` are operating system dependent, and are available\nas constants in the fcntl or termios library modules, using the same names as\nused in the relevant C header files."},
    {"flock", flock_m, 0, "Perform the lock operation `operation` on file descriptor `fd`.\n\nSee the Unix manual page for flock(2) for details (On some systems, this\nfunction is emulated using fcntl())."},
    {"lockf", lockf_m, 0, "A wrapper around the fcntl() locking calls.\n\n`fd` is the file descriptor of the file to lock or unlock, and operation is one\nof the following values:\n\n    LOCK_UN - unlock\n    LOCK_SH - acquire a shared lock\n    LOCK_EX - acquire an exclusive lock\n\nWhen operation is LOCK_SH or LOCK_EX, it can also be bitwise ORed with\nLOCK_NB to avoid blocking on lock acquisition."},
    {NULL},
};

#define C(n) {#n, (long)(n)}
static const struct {
    const char *name;
    long value;
} fcntl_constants[] = {
    C(DN_ACCESS),
    C(DN_ATTRIB),
    C(DN_CREATE),
    C(DN_DELETE),
    C(DN_MODIFY),
    C(DN_MULTISHOT),
    C(DN_RENAME),
    C(FASYNC),
    C(FD_CLOEXEC),
    C(F_ADD_SEALS),
    C(F_DUPFD),
    C(F_DUPFD_CLOEXEC),
    C(F_EXLCK),
    C(F_GETFD),
    C(F_GETFL),
    C(F_GETLEASE),
    C(F_GETLK),
    C(F_GETLK64),
    C(F_GETOWN),
    C(F_GETPIPE_SZ),
    C(F_GETSIG),
    C(F_GET_SEALS),
    C(F_NOTIFY),
    C(F_OFD_GETLK),
    C(F_OFD_SETLK),
    C(F_OFD_SETLKW),
    C(F_RDLCK),
    C(F_SEAL_GROW),
    C(F_SEAL_SEAL),
    C(F_SEAL_SHRINK),
    C(F_SEAL_WRITE),
    C(F_SETFD),
    C(F_SETFL),
    C(F_SETLEASE),
    C(F_SETLK),
    C(F_SETLK64),
    C(F_SETLKW),
    C(F_SETLKW64),
    C(F_SETOWN),
    C(F_SETPIPE_SZ),
    C(F_SETSIG),
    C(F_SHLCK),
    C(F_UNLCK),
    C(F_WRLCK),
    C(LOCK_EX),
    C(LOCK_MAND),
    C(LOCK_NB),
    C(LOCK_READ),
    C(LOCK_RW),
    C(LOCK_SH),
    C(LOCK_UN),
    C(LOCK_WRITE),
};

Value fcntl_module_init(void) {
    Value m = module_new_cstr("fcntl");
    if (!m || module_add_functions(m, fcntl_functions) < 0) return VNULL;
    for (size_t i = 0; i < sizeof fcntl_constants / sizeof *fcntl_constants; i++)
        if (module_add(m, fcntl_constants[i].name, int_from_i64(fcntl_constants[i].value)) < 0) return VNULL;
    if (module_add(m, "__doc__", str_from_cstr("This module performs file control and I/O control on file\n"
                                               "descriptors.  It is an interface to the fcntl() and ioctl() Unix\n"
                                               "routines.  File descriptors can be obtained with the fileno() method of\n"
                                               "a file or socket object.")) < 0)
        return VNULL;
    return m;
}
