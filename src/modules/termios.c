/* termios.c - the termios module: tty attributes (tcgetattr/tcsetattr), line control, window size, constants. */
#include "os_util.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/gil.h"

#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/*
 * The attribute list is CPython's: [iflag, oflag, cflag, lflag, ispeed,
 * ospeed, cc], cc a list of NCCS one-byte bytes, except that VMIN and
 * VTIME are ints when the terminal is not in canonical mode.  Failing
 * calls raise termios.error(errno, strerror), an Exception subclass (not
 * OSError), as in CPython.  Descriptors are ints or objects with fileno().
 */

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

#ifndef VSWTCH
#define VSWTCH VSWTC   /* CPython's alias of Linux's spelling */
#endif

static Value termios_error;

static Value tty_error(void) {
    int e = errno;
    Value a = tuple_pack(2, int_from_i64(e), str_from_cstr(strerror(e)));
    if (a) err_set_args(type_of_val(termios_error), a);
    return VNULL;
}

/* METH_O functions: "termios.tcgetattr() takes exactly one argument (0 given)". */
static int one_arg(const char *qualname, size_t nargs, Value kwnames) {
    if (arg_no_kw(qualname, kwnames) < 0) return -1;
    if (nargs != 1) {
        err_format(&exc_TypeError, "%s() takes exactly one argument (%zu given)", qualname, nargs);
        return -1;
    }
    return 0;
}

/* Clinic's positional-only functions: "tcsetattr expected 3 arguments, got 1". */
static int pos_args(const char *qualname, const char *name, size_t nargs, Value kwnames, size_t n) {
    return arg_no_kw(qualname, kwnames) < 0 || arg_count(name, nargs, n, n) < 0 ? -1 : 0;
}

FN(tcgetattr_m) {
    int fd;
    if (one_arg("termios.tcgetattr", nargs, kwnames) < 0 || os_fileno(args[0], &fd) < 0) return VNULL;
    struct termios mode;
    if (tcgetattr(fd, &mode) < 0) return tty_error();
    Value cc = list_new(NCCS);
    if (!cc) return VNULL;
    for (int i = 0; i < NCCS; i++) {
        char c = (char)mode.c_cc[i];
        Value b = bytes_new(&c, 1);
        if (!b || list_append(cc, b) < 0) return VNULL;
    }
    if (!(mode.c_lflag & ICANON)) {
        list_set(cc, VMIN, int_from_i64(mode.c_cc[VMIN]));
        list_set(cc, VTIME, int_from_i64(mode.c_cc[VTIME]));
    }
    Value items[7] = {
        int_from_i64((long)mode.c_iflag), int_from_i64((long)mode.c_oflag), int_from_i64((long)mode.c_cflag),
        int_from_i64((long)mode.c_lflag), int_from_i64((long)cfgetispeed(&mode)),
        int_from_i64((long)cfgetospeed(&mode)), cc,
    };
    return list_from_array(items, 7);
}

FN(tcsetattr_m) {
    int fd, when;
    if (pos_args("termios.tcsetattr", "tcsetattr", nargs, kwnames, 3) < 0 || os_fileno(args[0], &fd) < 0 ||
        os_int(args[1], &when) < 0)
        return VNULL;
    Value term = args[2];
    if (!list_check(term) || list_size(term) != 7) {
        err_set(&exc_TypeError, "tcsetattr, arg 3: must be 7 element list");
        return VNULL;
    }
    /* Start from the current settings, which may hold fields the list lacks. */
    struct termios mode;
    if (tcgetattr(fd, &mode) < 0) return tty_error();
    long v[6];
    for (int i = 0; i < 6; i++)
        if (os_long(list_get(term, i), &v[i]) < 0) return VNULL;
    mode.c_iflag = (tcflag_t)v[0];
    mode.c_oflag = (tcflag_t)v[1];
    mode.c_cflag = (tcflag_t)v[2];
    mode.c_lflag = (tcflag_t)v[3];
    Value cc = list_get(term, 6);
    if (!list_check(cc) || list_size(cc) != NCCS) {
        err_format(&exc_TypeError, "tcsetattr: attributes[6] must be %d element list", NCCS);
        return VNULL;
    }
    for (int i = 0; i < NCCS; i++) {
        Value c = list_get(cc, i);
        if (bytes_check(c) && bytes_size(c) == 1) {
            mode.c_cc[i] = (cc_t)bytes_data(c)[0];
        } else if (int_check(c)) {
            long x;
            if (os_long(c, &x) < 0) return VNULL;
            mode.c_cc[i] = (cc_t)x;
        } else {
            err_set(&exc_TypeError, "tcsetattr: elements of attributes must be characters or integers");
            return VNULL;
        }
    }
    if (cfsetispeed(&mode, (speed_t)v[4]) < 0 || cfsetospeed(&mode, (speed_t)v[5]) < 0) return tty_error();
    if (tcsetattr(fd, when, &mode) < 0) return tty_error();
    return VNone;
}

FN(tcsendbreak_m) {
    int fd, duration, r;
    if (pos_args("termios.tcsendbreak", "tcsendbreak", nargs, kwnames, 2) < 0 || os_fileno(args[0], &fd) < 0 ||
        os_int(args[1], &duration) < 0)
        return VNULL;
    GIL_RELEASE_BEGIN
    r = tcsendbreak(fd, duration);
    GIL_RELEASE_END
    return r < 0 ? tty_error() : VNone;
}

FN(tcdrain_m) {
    int fd, r;
    if (one_arg("termios.tcdrain", nargs, kwnames) < 0 || os_fileno(args[0], &fd) < 0) return VNULL;
    GIL_RELEASE_BEGIN
    r = tcdrain(fd);
    GIL_RELEASE_END
    return r < 0 ? tty_error() : VNone;
}

FN(tcflush_m) {
    int fd, queue;
    if (pos_args("termios.tcflush", "tcflush", nargs, kwnames, 2) < 0 || os_fileno(args[0], &fd) < 0 ||
        os_int(args[1], &queue) < 0)
        return VNULL;
    return tcflush(fd, queue) < 0 ? tty_error() : VNone;
}

FN(tcflow_m) {
    int fd, action;
    if (pos_args("termios.tcflow", "tcflow", nargs, kwnames, 2) < 0 || os_fileno(args[0], &fd) < 0 ||
        os_int(args[1], &action) < 0)
        return VNULL;
    return tcflow(fd, action) < 0 ? tty_error() : VNone;
}

FN(tcgetwinsize_m) {
    int fd;
    if (one_arg("termios.tcgetwinsize", nargs, kwnames) < 0 || os_fileno(args[0], &fd) < 0) return VNULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) return tty_error();
    return tuple_pack(2, int_from_i64(w.ws_row), int_from_i64(w.ws_col));
}

FN(tcsetwinsize_m) {
    int fd;
    if (pos_args("termios.tcsetwinsize", "tcsetwinsize", nargs, kwnames, 2) < 0 || os_fileno(args[0], &fd) < 0)
        return VNULL;
    Value ws = args[1];
    ssize_t n = -1;
    if (list_check(ws) || tuple_check(ws) ||
        (!int_check(ws) && !dict_check(ws) && val_type(ws)->getitem && val_type(ws)->len)) {
        n = obj_len(ws);
        if (n < 0) return VNULL;
    }
    if (n != 2) {
        err_set(&exc_TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
        return VNULL;
    }
    /* Keep the pixel sizes the terminal already has. */
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) return tty_error();
    long rc[2];
    for (int i = 0; i < 2; i++) {
        Value item = obj_getitem(ws, val_from_int(i));
        if (!item || os_long(item, &rc[i]) < 0) return VNULL;
    }
    w.ws_row = (unsigned short)rc[0];
    w.ws_col = (unsigned short)rc[1];
    if ((long)w.ws_row != rc[0] || (long)w.ws_col != rc[1]) {
        err_set(&exc_OverflowError, "winsize value(s) out of range.");
        return VNULL;
    }
    if (ioctl(fd, TIOCSWINSZ, &w) < 0) return tty_error();
    return VNone;
}

static const MethodDef termios_functions[] = {
    {"tcgetattr", tcgetattr_m, 0,
     "Get the tty attributes for file descriptor fd.\n\nReturns a list [iflag, oflag, cflag, lflag, ispeed, ospeed, "
     "cc]\nwhere cc is a list of the tty special characters (each a string of\nlength 1, except the items with "
     "indices VMIN and VTIME, which are\nintegers when these fields are defined).  The interpretation of the\nflags "
     "and the speeds as well as the indexing in the cc array must be\ndone using the symbolic constants defined in "
     "this module."},
    {"tcsetattr", tcsetattr_m, 0,
     "Set the tty attributes for file descriptor fd.\n\nThe attributes to be set are taken from the attributes "
     "argument, which\nis a list like the one returned by tcgetattr(). The when argument\ndetermines when the "
     "attributes are changed: termios.TCSANOW to\nchange immediately, termios.TCSADRAIN to change after "
     "transmitting all\nqueued output, or termios.TCSAFLUSH to change after transmitting all\nqueued output and "
     "discarding all queued input."},
    {"tcsendbreak", tcsendbreak_m, 0,
     "Send a break on file descriptor fd.\n\nA zero duration sends a break for 0.25-0.5 seconds; a nonzero "
     "duration\nhas a system dependent meaning."},
    {"tcdrain", tcdrain_m, 0, "Wait until all output written to file descriptor fd has been transmitted."},
    {"tcflush", tcflush_m, 0,
     "Discard queued data on file descriptor fd.\n\nThe queue selector specifies which queue: termios.TCIFLUSH for "
     "the input\nqueue, termios.TCOFLUSH for the output queue, or termios.TCIOFLUSH for\nboth queues."},
    {"tcflow", tcflow_m, 0,
     "Suspend or resume input or output on file descriptor fd.\n\nThe action argument can be termios.TCOOFF to "
     "suspend output,\ntermios.TCOON to restart output, termios.TCIOFF to suspend input,\nor termios.TCION to "
     "restart input."},
    {"tcgetwinsize", tcgetwinsize_m, 0,
     "Get the tty winsize for file descriptor fd.\n\nReturns a tuple (ws_row, ws_col)."},
    {"tcsetwinsize", tcsetwinsize_m, 0,
     "Set the tty winsize for file descriptor fd.\n\nThe winsize to be set is taken from the winsize argument, "
     "which\nis a two-item tuple (ws_row, ws_col) like the one returned by tcgetwinsize()."},
    {NULL},
};

/* CPython's list for Linux: speeds, flags, cc indices, actions, and the tty ioctls. */
#define C(n) {#n, (long)(n)}
static const struct {
    const char *name;
    long value;
} termios_constants[] = {
    C(B0), C(B1000000), C(B110), C(B115200), C(B1152000), C(B1200), C(B134), C(B150), C(B1500000), C(B1800),
    C(B19200), C(B200), C(B2000000), C(B230400), C(B2400), C(B2500000), C(B300), C(B3000000), C(B3500000), C(B38400),
    C(B4000000), C(B460800), C(B4800), C(B50), C(B500000), C(B57600), C(B576000), C(B600), C(B75), C(B921600),
    C(B9600), C(BRKINT), C(BS0), C(BS1), C(BSDLY), C(CBAUD), C(CBAUDEX), C(CDSUSP), C(CEOF), C(CEOL), C(CEOT),
    C(CERASE), C(CFLUSH), C(CIBAUD), C(CINTR), C(CKILL), C(CLNEXT), C(CLOCAL), C(CQUIT), C(CR0), C(CR1), C(CR2),
    C(CR3), C(CRDLY), C(CREAD), C(CRPRNT), C(CRTSCTS), C(CS5), C(CS6), C(CS7), C(CS8), C(CSIZE), C(CSTART), C(CSTOP),
    C(CSTOPB), C(CSUSP), C(CWERASE), C(ECHO), C(ECHOCTL), C(ECHOE), C(ECHOK), C(ECHOKE), C(ECHONL), C(ECHOPRT),
    C(EXTA), C(EXTB), C(FF0), C(FF1), C(FFDLY), C(FIOASYNC), C(FIOCLEX), C(FIONBIO), C(FIONCLEX), C(FIONREAD),
    C(FLUSHO), C(HUPCL), C(ICANON), C(ICRNL), C(IEXTEN), C(IGNBRK), C(IGNCR), C(IGNPAR), C(IMAXBEL), C(INLCR),
    C(INPCK), C(IOCSIZE_MASK), C(IOCSIZE_SHIFT), C(ISIG), C(ISTRIP), C(IUCLC), C(IXANY), C(IXOFF), C(IXON), C(NCC),
    C(NCCS), C(NL0), C(NL1), C(NLDLY), C(NOFLSH), C(N_MOUSE), C(N_PPP), C(N_SLIP), C(N_STRIP), C(N_TTY), C(OCRNL),
    C(OFDEL), C(OFILL), C(OLCUC), C(ONLCR), C(ONLRET), C(ONOCR), C(OPOST), C(PARENB), C(PARMRK), C(PARODD), C(PENDIN),
    C(TAB0), C(TAB1), C(TAB2), C(TAB3), C(TABDLY), C(TCFLSH), C(TCGETA), C(TCGETS), C(TCIFLUSH), C(TCIOFF),
    C(TCIOFLUSH), C(TCION), C(TCOFLUSH), C(TCOOFF), C(TCOON), C(TCSADRAIN), C(TCSAFLUSH), C(TCSANOW), C(TCSBRK),
    C(TCSBRKP), C(TCSETA), C(TCSETAF), C(TCSETAW), C(TCSETS), C(TCSETSF), C(TCSETSW), C(TCXONC), C(TIOCCONS),
    C(TIOCEXCL), C(TIOCGETD), C(TIOCGICOUNT), C(TIOCGLCKTRMIOS), C(TIOCGPGRP), C(TIOCGSERIAL), C(TIOCGSOFTCAR),
    C(TIOCGWINSZ), C(TIOCINQ), C(TIOCLINUX), C(TIOCMBIC), C(TIOCMBIS), C(TIOCMGET), C(TIOCMIWAIT), C(TIOCMSET),
    C(TIOCM_CAR), C(TIOCM_CD), C(TIOCM_CTS), C(TIOCM_DSR), C(TIOCM_DTR), C(TIOCM_LE), C(TIOCM_RI), C(TIOCM_RNG),
    C(TIOCM_RTS), C(TIOCM_SR), C(TIOCM_ST), C(TIOCNOTTY), C(TIOCNXCL), C(TIOCOUTQ), C(TIOCPKT), C(TIOCPKT_DATA),
    C(TIOCPKT_DOSTOP), C(TIOCPKT_FLUSHREAD), C(TIOCPKT_FLUSHWRITE), C(TIOCPKT_NOSTOP), C(TIOCPKT_START),
    C(TIOCPKT_STOP), C(TIOCSCTTY), C(TIOCSERCONFIG), C(TIOCSERGETLSR), C(TIOCSERGETMULTI), C(TIOCSERGSTRUCT),
    C(TIOCSERGWILD), C(TIOCSERSETMULTI), C(TIOCSERSWILD), C(TIOCSER_TEMT), C(TIOCSETD), C(TIOCSLCKTRMIOS),
    C(TIOCSPGRP), C(TIOCSSERIAL), C(TIOCSSOFTCAR), C(TIOCSTI), C(TIOCSWINSZ), C(TOSTOP), C(VDISCARD), C(VEOF),
    C(VEOL), C(VEOL2), C(VERASE), C(VINTR), C(VKILL), C(VLNEXT), C(VMIN), C(VQUIT), C(VREPRINT), C(VSTART), C(VSTOP),
    C(VSUSP), C(VSWTC), C(VSWTCH), C(VT0), C(VT1), C(VTDLY), C(VTIME), C(VWERASE), C(XCASE), C(XTABS),
};

Value termios_module_init(void) {
    Value m = module_new_cstr("termios");
    if (!m || module_add_functions(m, termios_functions) < 0) return VNULL;
    if (!termios_error) {
        Value ns = dict_new();
        if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("termios")) < 0) return VNULL;
        Value bases = tuple_pack(1, obj_val(&exc_Exception));
        termios_error = bases ? type_new_class(&type_type, str_from_cstr("error"), bases, ns, VNULL) : VNULL;
        if (!termios_error) return VNULL;
        gc_add_root(&termios_error);
    }
    if (module_add(m, "error", termios_error) < 0) return VNULL;
    for (size_t i = 0; i < sizeof termios_constants / sizeof *termios_constants; i++)
        if (module_add(m, termios_constants[i].name, int_from_i64(termios_constants[i].value)) < 0) return VNULL;
    if (module_add(m, "__doc__",
                   str_from_cstr("This module provides an interface to the Posix calls for tty I/O control.\n"
                                 "For a complete description of these calls, see the Posix or Unix manual\n"
                                 "pages. It is only available for those Unix versions that support Posix\n"
                                 "termios style tty I/O control.\n\n"
                                 "All functions in this module take a file descriptor fd as their first\n"
                                 "argument. This can be an integer file descriptor, such as returned by\n"
                                 "sys.stdin.fileno(), or a file object, such as sys.stdin itself.")) < 0)
        return VNULL;
    return m;
}
