/* posix_io.c - the posix module's descriptor calls: open, read, write, lseek, dup, pipe, inheritance, blocking. */
#include "os_util.h"
#include "clib.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
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
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>
#include <utmp.h>

/*
 * Descriptors Python creates are non-inheritable (PEP 446): open(), dup()
 * and pipe() set close-on-exec atomically; dup2() makes the copy
 * inheritable unless asked not to.  A call interrupted by a signal runs
 * the Python handlers and is retried (PEP 475) unless a handler raised.
 */

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

/* Retry `call` while it fails with EINTR and the signal handlers allow it;
 * on a handler's exception the enclosing function returns VNULL. */
#define RETRY_EINTR(r, call)                                   \
    do {                                                       \
        GIL_RELEASE_BEGIN                                      \
        (r) = (call);                                          \
        GIL_RELEASE_END                                        \
        if ((r) >= 0 || errno != EINTR) break;                 \
        if (os_check_eintr() < 0) return VNULL;                \
    } while (1)

/* Positional int arguments: one is CPython's METH_O ("posix.dup() takes
 * exactly one argument"), more are PyArg_ParseTuple's ("tcsetpgrp() takes
 * exactly 2 arguments"). */
static int positional_ints(const char *fname, Value *args, size_t nargs, Value kwnames, size_t n, int *out) {
    if (n == 1) {
        char q[64];
        snprintf(q, sizeof q, "posix.%s", fname);
        if (arg_no_kw(fname, kwnames) < 0 || arg_count(q, nargs, 1, 1) < 0) return -1;
    } else if (os_tuple_args(fname, nargs, kwnames, n, n) < 0) {
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (os_int(args[i], &out[i]) < 0) return -1;
    return 0;
}

FN(open_m) {
    static const char *const names[] = {"path", "flags", "mode", "dir_fd", NULL};
    Value a[4];
    OsPath p;
    int flags, mode = 0777, dir_fd;
    if (os_parse_args("open", args, nargs, kwnames, names, 0, 3, 2, a) < 0) return VNULL;
    if (os_path_convert("open", "path", a[0], 0, &p) < 0 || os_int(a[1], &flags) < 0 ||
        (a[2] && os_int(a[2], &mode) < 0) || os_dir_fd(a[3], &dir_fd) < 0)
        return VNULL;
    int fd;
    RETRY_EINTR(fd, openat(dir_fd, p.narrow, flags | O_CLOEXEC, mode));
    if (fd < 0) return os_error_path(errno, &p);
    return val_from_int(fd);
}

FN(close_m) {
    static const char *const names[] = {"fd", NULL};
    Value a[1];
    int fd;
    if (os_parse_args("close", args, nargs, kwnames, names, 0, 1, 1, a) < 0 || os_int(a[0], &fd) < 0) return VNULL;
    /* No retry on EINTR: on Linux the descriptor is gone either way. */
    if (close(fd) != 0 && errno != EINTR) return os_error(errno);
    return VNone;
}

FN(closerange_m) {
    int r[2];
    if (arg_no_kw("closerange", kwnames) < 0 || arg_count("closerange", nargs, 2, 2) < 0 || os_int(args[0], &r[0]) < 0 ||
        os_int(args[1], &r[1]) < 0)
        return VNULL;
    for (int fd = r[0] < 0 ? 0 : r[0]; fd < r[1]; fd++) close(fd);
    return VNone;
}

static Value read_common(int fd, int64_t n, bool positioned, int64_t offset) {
    if (n < 0) return os_error(EINVAL);
    /* Pipes and sockets mostly return less than asked: read into scratch. */
    char *buf = n >= 4096 ? bytes_scratch((size_t)n) : NULL;
    if (buf) {
        ssize_t got;
        RETRY_EINTR(got, positioned ? pread(fd, buf, (size_t)n, (off_t)offset) : read(fd, buf, (size_t)n));
        if (got < 0) return os_error(errno);
        return bytes_new(buf, (size_t)got);
    }
    BytesObject *b = bytes_alloc((size_t)n);
    if (!b) return VNULL;
    ssize_t got;
    RETRY_EINTR(got, positioned ? pread(fd, b->data, (size_t)n, (off_t)offset) : read(fd, b->data, (size_t)n));
    if (got < 0) return os_error(errno);
    if (got == n) return obj_val(b);
    return bytes_new(b->data, (size_t)got);
}

FN(read_m) {
    int fd;
    int64_t n;
    if (arg_no_kw("read", kwnames) < 0 || arg_count("read", nargs, 2, 2) < 0 || os_int(args[0], &fd) < 0 ||
        os_i64(args[1], &n) < 0)
        return VNULL;
    return read_common(fd, n, false, 0);
}

FN(pread_m) {
    int fd;
    int64_t n, off;
    if (arg_no_kw("pread", kwnames) < 0 || arg_count("pread", nargs, 3, 3) < 0 || os_int(args[0], &fd) < 0 ||
        os_i64(args[1], &n) < 0 || os_i64(args[2], &off) < 0)
        return VNULL;
    return read_common(fd, n, true, off);
}

static int get_buffer(Value v, const char **data, size_t *size) {
    if (!val_is_int(v) && !str_check(v) && bytes_get_buffer(v, data, size)) return 0;
    err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(v));
    return -1;
}

FN(write_m) {
    int fd;
    const char *data;
    size_t size;
    if (arg_no_kw("write", kwnames) < 0 || arg_count("write", nargs, 2, 2) < 0 || os_int(args[0], &fd) < 0 ||
        get_buffer(args[1], &data, &size) < 0)
        return VNULL;
    ssize_t n;
    RETRY_EINTR(n, write(fd, data, size));
    if (n < 0) return os_error(errno);
    return int_from_i64(n);
}

FN(pwrite_m) {
    int fd;
    int64_t off;
    const char *data;
    size_t size;
    if (arg_no_kw("pwrite", kwnames) < 0 || arg_count("pwrite", nargs, 3, 3) < 0 || os_int(args[0], &fd) < 0 ||
        get_buffer(args[1], &data, &size) < 0 || os_i64(args[2], &off) < 0)
        return VNULL;
    ssize_t n;
    RETRY_EINTR(n, pwrite(fd, data, size, (off_t)off));
    if (n < 0) return os_error(errno);
    return int_from_i64(n);
}

/* writev(fd, buffers): the buffers are bytes-like objects, gathered in one call. */
FN(writev_m) {
    int fd;
    if (arg_no_kw("writev", kwnames) < 0 || arg_count("writev", nargs, 2, 2) < 0 || os_int(args[0], &fd) < 0)
        return VNULL;
    Value seq = list_from_iterable(args[1]);
    if (!seq) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_set(&exc_TypeError, "writev() arg 2 must be a sequence");
        }
        return VNULL;
    }
    size_t n = (size_t)list_size(seq);
    struct iovec *iov = calloc(n ? n : 1, sizeof *iov);
    if (!iov) {
        err_no_memory();
        return VNULL;
    }
    for (size_t i = 0; i < n; i++) {
        const char *d;
        size_t s;
        if (get_buffer(list_get(seq, (ssize_t)i), &d, &s) < 0) {
            free(iov);
            return VNULL;
        }
        iov[i].iov_base = (void *)d;
        iov[i].iov_len = s;
    }
    ssize_t w;
    do {
        w = writev(fd, iov, (int)n);
        if (w >= 0 || errno != EINTR) break;
        if (os_check_eintr() < 0) {
            free(iov);
            return VNULL;
        }
    } while (1);
    int e = errno;
    free(iov);
    if (w < 0) return os_error(e);
    return int_from_i64(w);
}

/* readv(fd, buffers): fill writable buffers (bytearrays) in order. */
FN(readv_m) {
    int fd;
    if (arg_no_kw("readv", kwnames) < 0 || arg_count("readv", nargs, 2, 2) < 0 || os_int(args[0], &fd) < 0)
        return VNULL;
    Value seq = list_from_iterable(args[1]);
    if (!seq) return VNULL;
    size_t n = (size_t)list_size(seq);
    struct iovec *iov = calloc(n ? n : 1, sizeof *iov);
    if (!iov) {
        err_no_memory();
        return VNULL;
    }
    for (size_t i = 0; i < n; i++) {
        Value b = list_get(seq, (ssize_t)i);
        if (!bytearray_check(b)) {
            free(iov);
            err_format(&exc_TypeError, "readv() arg 2 must be a sequence of writable buffers, not %s", type_name(b));
            return VNULL;
        }
        iov[i].iov_base = ((ByteArrayObject *)b)->data;
        iov[i].iov_len = (size_t)((ByteArrayObject *)b)->size;
    }
    ssize_t r;
    do {
        r = readv(fd, iov, (int)n);
        if (r >= 0 || errno != EINTR) break;
        if (os_check_eintr() < 0) {
            free(iov);
            return VNULL;
        }
    } while (1);
    int e = errno;
    free(iov);
    if (r < 0) return os_error(e);
    return int_from_i64(r);
}

FN(lseek_m) {
    int fd, how;
    int64_t pos;
    if (arg_no_kw("lseek", kwnames) < 0 || arg_count("lseek", nargs, 3, 3) < 0 || os_int(args[0], &fd) < 0 ||
        os_i64(args[1], &pos) < 0 || os_int(args[2], &how) < 0)
        return VNULL;
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0) return os_error(errno);
    return int_from_i64(r);
}

static Value sync_common(const char *fname, Value *args, size_t nargs, Value kwnames, bool data_only) {
    static const char *const names[] = {"fd", NULL};
    Value a[1];
    int fd, r;
    if (os_parse_args(fname, args, nargs, kwnames, names, 0, 1, 1, a) < 0 || os_fileno(a[0], &fd) < 0) return VNULL;
    RETRY_EINTR(r, data_only ? fdatasync(fd) : fsync(fd));
    if (r != 0) return os_error(errno);
    return VNone;
}

FN(fsync_m) { return sync_common("fsync", args, nargs, kwnames, false); }
FN(fdatasync_m) { return sync_common("fdatasync", args, nargs, kwnames, true); }

FN(ftruncate_m) {
    int fd, r;
    int64_t len;
    if (arg_no_kw("ftruncate", kwnames) < 0 || arg_count("ftruncate", nargs, 2, 2) < 0 || os_int(args[0], &fd) < 0 ||
        os_i64(args[1], &len) < 0)
        return VNULL;
    RETRY_EINTR(r, ftruncate(fd, (off_t)len));
    if (r != 0) return os_error(errno);
    return VNone;
}

FN(dup_m) {
    int fd;
    if (positional_ints("dup", args, nargs, kwnames, 1, &fd) < 0) return VNULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0) return os_error(errno);
    return val_from_int(r);
}

FN(dup2_m) {
    static const char *const names[] = {"fd", "fd2", "inheritable", NULL};
    Value a[3];
    int fd, fd2;
    bool inheritable;
    if (os_parse_args("dup2", args, nargs, kwnames, names, 0, 3, 2, a) < 0 || os_int(a[0], &fd) < 0 ||
        os_int(a[1], &fd2) < 0 || os_bool(a[2], true, &inheritable) < 0)
        return VNULL;
    /* CPython checks the target itself and reports errno 0 for a negative one. */
    if (fd2 < 0) return os_error(0);
    int r = inheritable ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    if (r < 0) return os_error(errno);
    return val_from_int(r);
}

FN(pipe_m) {
    if (arg_count("posix.pipe", nargs, 0, 0) < 0) return VNULL;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return os_error(errno);
    return tuple_pack(2, val_from_int(fds[0]), val_from_int(fds[1]));
}

FN(pipe2_m) {
    int flags;
    if (positional_ints("pipe2", args, nargs, kwnames, 1, &flags) < 0) return VNULL;
    int fds[2];
    if (pipe2(fds, flags) != 0) return os_error(errno);
    return tuple_pack(2, val_from_int(fds[0]), val_from_int(fds[1]));
}

FN(isatty_m) {
    int fd;
    if (positional_ints("isatty", args, nargs, kwnames, 1, &fd) < 0) return VNULL;
    return val_bool(isatty(fd));
}

FN(ttyname_m) {
    int fd;
    if (positional_ints("ttyname", args, nargs, kwnames, 1, &fd) < 0) return VNULL;
    char buf[256];
    int e = ttyname_r(fd, buf, sizeof buf);
    if (e) return os_error(e);
    return os_fsdecode(buf, strlen(buf), false);
}

FN(get_inheritable_m) {
    int fd;
    if (positional_ints("get_inheritable", args, nargs, kwnames, 1, &fd) < 0) return VNULL;
    int f = fcntl(fd, F_GETFD);
    if (f < 0) return os_error(errno);
    return val_bool(!(f & FD_CLOEXEC));
}

FN(set_inheritable_m) {
    int fd;
    bool inh;
    if (arg_no_kw("set_inheritable", kwnames) < 0 || arg_count("set_inheritable", nargs, 2, 2) < 0 ||
        os_int(args[0], &fd) < 0 || os_bool(args[1], true, &inh) < 0)
        return VNULL;
    int f = fcntl(fd, F_GETFD);
    if (f < 0) return os_error(errno);
    int nf = inh ? f & ~FD_CLOEXEC : f | FD_CLOEXEC;
    if (nf != f && fcntl(fd, F_SETFD, nf) < 0) return os_error(errno);
    return VNone;
}

FN(get_blocking_m) {
    int fd;
    if (positional_ints("get_blocking", args, nargs, kwnames, 1, &fd) < 0) return VNULL;
    int f = fcntl(fd, F_GETFL);
    if (f < 0) return os_error(errno);
    return val_bool(!(f & O_NONBLOCK));
}

FN(set_blocking_m) {
    int fd;
    bool blocking;
    if (arg_no_kw("set_blocking", kwnames) < 0 || arg_count("set_blocking", nargs, 2, 2) < 0 ||
        os_int(args[0], &fd) < 0 || os_bool(args[1], true, &blocking) < 0)
        return VNULL;
    int f = fcntl(fd, F_GETFL);
    if (f < 0) return os_error(errno);
    int nf = blocking ? f & ~O_NONBLOCK : f | O_NONBLOCK;
    if (nf != f && fcntl(fd, F_SETFL, nf) < 0) return os_error(errno);
    return VNone;
}

/* Taipan always runs in UTF-8 mode: a terminal's encoding is UTF-8. */
FN(device_encoding_m) {
    static const char *const names[] = {"fd", NULL};
    Value a[1];
    int fd;
    if (os_parse_args("device_encoding", args, nargs, kwnames, names, 0, 1, 1, a) < 0 || os_int(a[0], &fd) < 0)
        return VNULL;
    if (!isatty(fd)) return VNone;
    return str_intern_cstr("UTF-8");
}

FN(lockf_m) {
    int fd, cmd;
    int64_t len;
    if (arg_no_kw("lockf", kwnames) < 0 || arg_count("lockf", nargs, 3, 3) < 0 || os_int(args[0], &fd) < 0 ||
        os_int(args[1], &cmd) < 0 || os_i64(args[2], &len) < 0)
        return VNULL;
    int r;
    RETRY_EINTR(r, lockf(fd, cmd, (off_t)len));
    if (r != 0) return os_error(errno);
    return VNone;
}

FN(openpty_m) {
    if (arg_count("posix.openpty", nargs, 0, 0) < 0) return VNULL;
    int master, slave;
    if (openpty(&master, &slave, NULL, NULL, NULL) != 0) return os_error(errno);
    fcntl(master, F_SETFD, FD_CLOEXEC);
    fcntl(slave, F_SETFD, FD_CLOEXEC);
    return tuple_pack(2, val_from_int(master), val_from_int(slave));
}


/* ---- Copying between descriptors in the kernel ---- */

/* An optional offset argument: None (or absent) means "use and move the
 * file position", an int means "at this offset, position untouched". */
static int opt_offset(Value v, int64_t *off, bool *given) {
    *given = v && v != VNone;
    return *given ? os_i64(v, off) : 0;
}

FN(sendfile_m) {
    static const char *const names[] = {"out_fd", "in_fd", "offset", "count", NULL};
    Value a[4];
    int out, in;
    int64_t off = 0, count;
    bool has_off;
    if (os_parse_args("sendfile", args, nargs, kwnames, names, 0, 4, 4, a) < 0 || os_int(a[0], &out) < 0 ||
        os_int(a[1], &in) < 0 || opt_offset(a[2], &off, &has_off) < 0 || os_i64(a[3], &count) < 0)
        return VNULL;
    off_t o = (off_t)off;
    ssize_t n;
    RETRY_EINTR(n, sendfile(out, in, has_off ? &o : NULL, (size_t)count));
    if (n < 0) return os_error(errno);
    return int_from_i64(n);
}

static int nonnegative_count(int64_t count) {
    if (count >= 0) return 0;
    err_set(&exc_ValueError, "negative value for 'count' not allowed");
    return -1;
}

FN(copy_file_range_m) {
    static const char *const names[] = {"src", "dst", "count", "offset_src", "offset_dst", NULL};
    Value a[5];
    int src, dst;
    int64_t count, os_ = 0, od = 0;
    bool hs, hd;
    if (os_parse_args("copy_file_range", args, nargs, kwnames, names, 0, 5, 3, a) < 0 || os_int(a[0], &src) < 0 ||
        os_int(a[1], &dst) < 0 || os_i64(a[2], &count) < 0 || opt_offset(a[3], &os_, &hs) < 0 ||
        opt_offset(a[4], &od, &hd) < 0 || nonnegative_count(count) < 0)
        return VNULL;
    loff_t ls = os_, ld = od;
    ssize_t n;
    RETRY_EINTR(n, copy_file_range(src, hs ? &ls : NULL, dst, hd ? &ld : NULL, (size_t)count, 0));
    if (n < 0) return os_error(errno);
    return int_from_i64(n);
}

FN(splice_m) {
    static const char *const names[] = {"src", "dst", "count", "offset_src", "offset_dst", "flags", NULL};
    Value a[6];
    int src, dst, flags = 0;
    int64_t count, os_ = 0, od = 0;
    bool hs, hd;
    if (os_parse_args("splice", args, nargs, kwnames, names, 0, 6, 3, a) < 0 || os_int(a[0], &src) < 0 ||
        os_int(a[1], &dst) < 0 || os_i64(a[2], &count) < 0 || opt_offset(a[3], &os_, &hs) < 0 ||
        opt_offset(a[4], &od, &hd) < 0 || (a[5] && os_int(a[5], &flags) < 0) || nonnegative_count(count) < 0)
        return VNULL;
    loff_t ls = os_, ld = od;
    ssize_t n;
    RETRY_EINTR(n, splice(src, hs ? &ls : NULL, dst, hd ? &ld : NULL, (size_t)count, (unsigned)flags));
    if (n < 0) return os_error(errno);
    return int_from_i64(n);
}

/* posix_fallocate and posix_fadvise return the error instead of setting errno. */
FN(posix_fallocate_m) {
    int fd;
    int64_t off, len;
    if (arg_no_kw("posix_fallocate", kwnames) < 0 || arg_count("posix_fallocate", nargs, 3, 3) < 0 ||
        os_int(args[0], &fd) < 0 || os_i64(args[1], &off) < 0 || os_i64(args[2], &len) < 0)
        return VNULL;
    int e;
    while ((e = posix_fallocate(fd, (off_t)off, (off_t)len)) == EINTR)
        if (os_check_eintr() < 0) return VNULL;
    if (e) return os_error(e);
    return VNone;
}

FN(posix_fadvise_m) {
    int fd, advice;
    int64_t off, len;
    if (arg_no_kw("posix_fadvise", kwnames) < 0 || arg_count("posix_fadvise", nargs, 4, 4) < 0 ||
        os_int(args[0], &fd) < 0 || os_i64(args[1], &off) < 0 || os_i64(args[2], &len) < 0 ||
        os_int(args[3], &advice) < 0)
        return VNULL;
    int e;
    while ((e = posix_fadvise(fd, (off_t)off, (off_t)len, advice)) == EINTR)
        if (os_check_eintr() < 0) return VNULL;
    if (e) return os_error(e);
    return VNone;
}

/* ---- Special descriptors ---- */

FN(memfd_create_m) {
    static const char *const names[] = {"name", "flags", NULL};
    Value a[2];
    int flags = MFD_CLOEXEC;
    if (os_parse_args("memfd_create", args, nargs, kwnames, names, 0, 2, 1, a) < 0 ||
        (a[1] && os_int(a[1], &flags) < 0))
        return VNULL;
    Value name = os_fsencode(a[0], "memfd_create");
    if (!name) return VNULL;
    int fd = memfd_create(bytes_data(name), (unsigned)flags);
    if (fd < 0) return os_error(errno);
    return val_from_int(fd);
}

FN(eventfd_m) {
    static const char *const names[] = {"initval", "flags", NULL};
    Value a[2];
    uint64_t init;
    int flags = EFD_CLOEXEC;
    /* initval is a C unsigned int, flags an int (CPython's converters and messages). */
    if (os_parse_args("eventfd", args, nargs, kwnames, names, 0, 2, 1, a) < 0 ||
        clib_unsigned(a[0], &init, "Python int too large for C unsigned int") < 0)
        return VNULL;
    if (init > UINT_MAX) {
        err_set(&exc_OverflowError, "Python int too large for C unsigned int");
        return VNULL;
    }
    if (a[1] && os_int(a[1], &flags) < 0) return VNULL;
    int fd = eventfd((unsigned)init, flags);
    if (fd < 0) return os_error(errno);
    return val_from_int(fd);
}

FN(eventfd_read_m) {
    static const char *const names[] = {"fd", NULL};
    Value a[1];
    int fd;
    if (os_parse_args("eventfd_read", args, nargs, kwnames, names, 0, 1, 1, a) < 0 || os_fileno(a[0], &fd) < 0)
        return VNULL;
    eventfd_t v;
    int r;
    RETRY_EINTR(r, eventfd_read(fd, &v));
    if (r < 0) return os_error(errno);
    return int_from_u64(v);
}

FN(eventfd_write_m) {
    static const char *const names[] = {"fd", "value", NULL};
    Value a[2];
    int fd;
    uint64_t v;   /* the whole range of the 64-bit counter */
    if (os_parse_args("eventfd_write", args, nargs, kwnames, names, 0, 2, 2, a) < 0 || os_fileno(a[0], &fd) < 0 ||
        clib_unsigned(a[1], &v, "int too big to convert") < 0)
        return VNULL;
    int r;
    RETRY_EINTR(r, eventfd_write(fd, (eventfd_t)v));
    if (r < 0) return os_error(errno);
    return VNone;
}

FN(pidfd_open_m) {
    static const char *const names[] = {"pid", "flags", NULL};
    Value a[2];
    int pid, flags = 0;
    if (os_parse_args("pidfd_open", args, nargs, kwnames, names, 0, 2, 1, a) < 0 || os_int(a[0], &pid) < 0 ||
        (a[1] && os_int(a[1], &flags) < 0))
        return VNULL;
    int fd = (int)syscall(SYS_pidfd_open, pid, flags);
    if (fd < 0) return os_error(errno);
    return val_from_int(fd);
}

/* ---- Terminals ---- */

FN(tcgetpgrp_m) {
    int fd;
    if (positional_ints("tcgetpgrp", args, nargs, kwnames, 1, &fd) < 0) return VNULL;
    pid_t p = tcgetpgrp(fd);
    if (p < 0) return os_error(errno);
    return int_from_i64(p);
}

FN(tcsetpgrp_m) {
    int a[2];
    if (positional_ints("tcsetpgrp", args, nargs, kwnames, 2, a) < 0) return VNULL;
    if (tcsetpgrp(a[0], a[1]) < 0) return os_error(errno);
    return VNone;
}

FN(login_tty_m) {
    int fd;
    if (positional_ints("login_tty", args, nargs, kwnames, 1, &fd) < 0) return VNULL;
    if (login_tty(fd) < 0) return os_error(errno);
    return VNone;
}

static const MethodDef io_functions[] = {
    {"open", open_m, 0, "Open a file for low level IO.  Returns a file descriptor (integer)."},
    {"close", close_m, 0, "Close a file descriptor."},
    {"closerange", closerange_m, 0, "Closes all file descriptors in [fd_low, fd_high), ignoring errors."},
    {"read", read_m, 0, "Read from a file descriptor.  Returns a bytes object."},
    {"pread", pread_m, 0, "Read a number of bytes from a file descriptor starting at a particular offset."},
    {"write", write_m, 0, "Write a bytes object to a file descriptor."},
    {"pwrite", pwrite_m, 0, "Write bytes to a file descriptor starting at a particular offset."},
    {"writev", writev_m, 0, "Iterate over buffers, and write the contents of each to a file descriptor."},
    {"readv", readv_m, 0, "Read from a file descriptor fd into an iterable of buffers."},
    {"lseek", lseek_m, 0, "Set the position of a file descriptor.  Return the new position."},
    {"fsync", fsync_m, 0, "Force write of fd to disk."},
    {"fdatasync", fdatasync_m, 0, "Force write of fd to disk without forcing update of metadata."},
    {"ftruncate", ftruncate_m, 0, "Truncate a file, specified by file descriptor, to a specific length."},
    {"dup", dup_m, 0, "Return a duplicate of a file descriptor."},
    {"dup2", dup2_m, 0, "Duplicate file descriptor."},
    {"pipe", pipe_m, 0, "Create a pipe.\n\nReturns a tuple of two file descriptors:\n  (read_fd, write_fd)"},
    {"pipe2", pipe2_m, 0, "Create a pipe with flags set atomically."},
    {"isatty", isatty_m, 0, "Return True if the fd is connected to a terminal."},
    {"ttyname", ttyname_m, 0, "Return the name of the terminal device connected to 'fd'."},
    {"get_inheritable", get_inheritable_m, 0, "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable", set_inheritable_m, 0, "Set the inheritable flag of the specified file descriptor."},
    {"get_blocking", get_blocking_m, 0, "Get the blocking mode of the file descriptor."},
    {"set_blocking", set_blocking_m, 0, "Set the blocking mode of the specified file descriptor."},
    {"device_encoding", device_encoding_m, 0, "Return a string describing the encoding of a terminal's file descriptor."},
    {"lockf", lockf_m, 0, "Apply, test or remove a POSIX lock on an open file descriptor."},
    {"openpty", openpty_m, 0, "Open a pseudo-terminal."},
    {"sendfile", sendfile_m, 0, "Copy count bytes from file descriptor in_fd to file descriptor out_fd."},
    {"copy_file_range", copy_file_range_m, 0, "Copy count bytes from one file descriptor to another."},
    {"splice", splice_m, 0, "Transfer count bytes from one pipe to a descriptor or vice versa."},
    {"posix_fallocate", posix_fallocate_m, 0, "Ensure a file has allocated at least a particular number of bytes on disk."},
    {"posix_fadvise", posix_fadvise_m, 0, "Announce an intention to access data in a specific pattern."},
    {"memfd_create", memfd_create_m, 0, "Create an anonymous file and return a descriptor for it."},
    {"eventfd", eventfd_m, 0, "Creates and returns an event notification file descriptor."},
    {"eventfd_read", eventfd_read_m, 0, "Read eventfd value"},
    {"eventfd_write", eventfd_write_m, 0, "Write eventfd value."},
    {"pidfd_open", pidfd_open_m, 0, "Return a file descriptor referring to the process *pid*."},
    {"tcgetpgrp", tcgetpgrp_m, 0, "Return the process group associated with the terminal specified by fd."},
    {"tcsetpgrp", tcsetpgrp_m, 0, "Set the process group associated with the terminal specified by fd."},
    {"login_tty", login_tty_m, 0, "Prepare the tty of which fd is a file descriptor for a new login session."},
    {NULL}
};

int posix_io_init(Value m) { return module_add_functions(m, io_functions); }
