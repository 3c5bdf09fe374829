/* io_fileio.c - _io.FileIO: raw binary I/O on a file descriptor (open, read, write, seek, close). */
#include "io.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "../vm/gil.h"
#include "../vm/thread.h"
#include "../gc/gc.h"

#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * FileIO is a thin layer over the system calls.  Its descriptor lives in
 * an IoFd box shared with the buffered objects over it (io.h explains why).
 * Messages follow CPython's fileio.c, which differ from the other layers'
 * in small ways ("I/O operation on closed file" has no period here).
 */

static inline FileIOObject *fio(Value v) { return (FileIOObject *)v; }

void io_fd_release(IoFd *box) {
    if (!box || --box->refs > 0) return;
    if (box->close_on_release && box->fd >= 0) close(box->fd);
    free(box);
}

/* ---- System calls, retried on EINTR ---- */

/* A signal interrupted a call: run the Python handlers (main thread) before retrying,
 * as CPython does; a handler's exception ends the call. */
int io_check_signals(void) {
    extern int signal_run_handlers(void);
    extern volatile sig_atomic_t signal_tripped;
    if (signal_tripped && thread_is_main()) return signal_run_handlers();
    return 0;
}

ssize_t fileio_read_fd(int fd, char *buf, size_t n) {
    for (;;) {
        ssize_t r;
        GIL_RELEASE_BEGIN
        r = read(fd, buf, n);
        GIL_RELEASE_END
        if (r >= 0) return r;
        if (errno == EINTR) {
            if (io_check_signals() < 0) return -1;
            continue;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) return -2;
        err_from_errno(&exc_OSError);
        return -1;
    }
}

ssize_t fileio_write_fd(int fd, const char *buf, size_t n) {
    for (;;) {
        ssize_t r;
        GIL_RELEASE_BEGIN
        r = write(fd, buf, n);
        GIL_RELEASE_END
        if (r >= 0) return r;
        if (errno == EINTR) {
            if (io_check_signals() < 0) return -1;
            continue;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) return -2;
        err_from_errno(&exc_OSError);
        return -1;
    }
}

int64_t fileio_seek_fd(int fd, int64_t pos, int whence) {
    off_t r = lseek(fd, (off_t)pos, whence);
    if (r < 0) {
        err_from_errno(&exc_OSError);
        return -1;
    }
    return (int64_t)r;
}

/* ---- Checks ---- */

static void err_closed(void) { err_set(&exc_ValueError, "I/O operation on closed file"); }

static int check_open(FileIOObject *f) {
    if (f->fd < 0) {
        err_closed();
        return -1;
    }
    return 0;
}

static int check_mode(FileIOObject *f, bool reading) {
    if (check_open(f) < 0) return -1;
    if (reading ? !f->readable : !f->writable) {
        io_unsupported(reading ? "File not open for reading" : "File not open for writing");
        return -1;
    }
    return 0;
}

/* ---- Construction ---- */

static Value fileio_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    Value self = type_generic_alloc(t, 0);
    if (!self) return VNULL;
    fio(self)->fd = -1;
    fio(self)->seekable = -1;
    fio(self)->closefd = true;
    fio(self)->blksize = IO_DEFAULT_BUFFER_SIZE;
    return self;
}

static void fileio_trace(Object *o) { inst_trace_attrs(o); }

static void fileio_finalize(Object *o) {
    FileIOObject *f = (FileIOObject *)o;
    if (!f->box) return;
    if (f->fd >= 0 && f->closefd) f->box->close_on_release = true;
    io_fd_release(f->box);
    f->box = NULL;
}

/* Close the descriptor now (explicit close, or re-initialisation). */
static int internal_close(FileIOObject *f) {
    int fd = f->fd, err = 0;
    f->fd = -1;
    if (f->box) f->box->fd = -1;
    if (fd >= 0 && close(fd) < 0) err = errno;
    if (err) {
        errno = err;
        err_from_errno(&exc_OSError);
        return -1;
    }
    return 0;
}

static void bad_mode(void) {
    err_set(&exc_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
}

/* Parse a FileIO mode string into the object's flags and open(2) flags. */
static int parse_mode(FileIOObject *f, const char *mode, int *flags_out) {
    bool rwa = false, plus = false;
    int flags = 0;
    f->created = f->readable = f->writable = f->appending = false;
    for (const char *s = mode; *s; s++) {
        switch (*s) {
        case 'x':
            if (rwa) goto bad;
            rwa = true;
            f->created = f->writable = true;
            flags |= O_EXCL | O_CREAT;
            break;
        case 'r':
            if (rwa) goto bad;
            rwa = true;
            f->readable = true;
            break;
        case 'w':
            if (rwa) goto bad;
            rwa = true;
            f->writable = true;
            flags |= O_CREAT | O_TRUNC;
            break;
        case 'a':
            if (rwa) goto bad;
            rwa = true;
            f->writable = f->appending = true;
            flags |= O_APPEND | O_CREAT;
            break;
        case 'b':
            break;
        case '+':
            if (plus) goto bad;
            f->readable = f->writable = plus = true;
            break;
        default:
            err_format(&exc_ValueError, "invalid mode: %.200s", mode);
            return -1;
        }
    }
    if (!rwa) goto bad;
    flags |= f->readable && f->writable ? O_RDWR : f->readable ? O_RDONLY : O_WRONLY;
    *flags_out = flags | O_CLOEXEC;
    return 0;
bad:
    bad_mode();
    return -1;
}

Value io_fspath(Value file) {
    if (str_check(file) || bytes_check(file)) return file;
    Value m = type_lookup_cstr(val_type(file), "__fspath__");
    if (!m || m == VNone) {
        err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(file));
        return VNULL;
    }
    Value r = obj_call_method(file, "__fspath__", NULL, 0);
    if (!r) return VNULL;
    if (!str_check(r) && !bytes_check(r)) {
        err_format(&exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s", type_name(file),
                   type_name(r));
        return VNULL;
    }
    return r;
}

/* The file system path of `name` as a NUL-terminated byte string (a bytes Value keeps it alive). */
static Value fs_encode(Value name) {
    Value p = io_fspath(name);
    if (!p) return VNULL;
    Value b = str_check(p) ? str_encode(p, "utf-8", "surrogateescape") : p;
    if (!b) return VNULL;
    if (memchr(bytes_data(b), 0, (size_t)bytes_size(b))) {
        err_set(&exc_ValueError, "embedded null byte");
        return VNULL;
    }
    return b;
}

static int fileio_init(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"file", "mode", "closefd", "opener", NULL};
    Value a[4];
    if (arg_parse("FileIO", args, nargs, kwnames, names, 0, 1, a) < 0) return -1;
    FileIOObject *f = fio(self);
    Value nameobj = a[0];
    const char *mode = "r";
    if (a[1]) {
        if (!str_check(a[1])) {
            err_format(&exc_TypeError, "FileIO() argument 'mode' must be str, not %s", type_name(a[1]));
            return -1;
        }
        mode = str_data(a[1]);
    }
    int closefd = 1;
    if (a[2] && (closefd = obj_is_true(a[2])) < 0) return -1;
    Value opener = a[3] ? a[3] : VNone;

    if (f->fd >= 0) {
        /* Re-initialisation: let go of the previous descriptor first. */
        if (f->closefd) {
            if (internal_close(f) < 0) return -1;
        } else {
            f->fd = -1;
        }
    }
    if (f->box) {
        io_fd_release(f->box);
        f->box = NULL;
    }

    int fd = -1;
    if (int_check(nameobj)) {
        int64_t v = int_as_i64(nameobj);
        if (v == -1 && err_occurred()) return -1;
        if (v < 0) {
            err_set(&exc_ValueError, "negative file descriptor");
            return -1;
        }
        if (v > INT32_MAX) {
            err_set(&exc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        fd = (int)v;
    }
    Value path = VNULL;
    if (fd < 0) {
        path = fs_encode(nameobj);
        if (!path) return -1;
    }
    int flags;
    if (parse_mode(f, mode, &flags) < 0) return -1;

    bool opened_here = false;
    if (fd >= 0) {
        f->closefd = closefd;
    } else {
        f->closefd = true;
        if (!closefd) {
            err_set(&exc_ValueError, "Cannot use closefd=False with file name");
            return -1;
        }
        if (opener == VNone) {
            bool collected = false;
            for (;;) {
                fd = open(bytes_data(path), flags, 0666);
                if (fd >= 0 || errno == EINTR) {
                    if (fd >= 0) break;
                    continue;
                }
                /* Out of descriptors: files dropped without close() still hold
                 * theirs until collected (no reference counting), so collect
                 * once and try again, as PyPy does. */
                if ((errno == EMFILE || errno == ENFILE) && !collected) {
                    collected = true;
                    gc_collect();
                    continue;
                }
                break;
            }
            if (fd < 0) {
                err_from_errno_filename(&exc_OSError, nameobj);
                return -1;
            }
        } else {
            Value fl = val_from_int(flags);
            Value args2[2] = {nameobj, fl};
            Value r = obj_call(opener, args2, 2, VNULL);
            if (!r) return -1;
            if (!int_check(r)) {
                err_set(&exc_TypeError, "expected integer from opener");
                return -1;
            }
            int64_t v = int_as_i64(r);
            if (v == -1 && err_occurred()) return -1;
            if (v < 0) {
                err_format(&exc_ValueError, "opener returned %d", (int)v);
                return -1;
            }
            fd = (int)v;
        }
        opened_here = true;
    }
    f->fd = fd;
    f->seekable = -1;
    f->blksize = IO_DEFAULT_BUFFER_SIZE;
    struct stat st;
    if (fstat(fd, &st) < 0) {
        /* Only a bad descriptor is an error: other failures (odd file systems) are not. */
        if (errno == EBADF) {
            err_from_errno(&exc_OSError);
            goto fail;
        }
    } else {
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            err_from_errno_filename(&exc_OSError, nameobj);
            goto fail;
        }
        if (st.st_blksize > 1) f->blksize = (long)st.st_blksize;
    }
    f->box = malloc(sizeof(IoFd));
    if (!f->box) {
        err_no_memory();
        goto fail;
    }
    *f->box = (IoFd){fd, 1, false};
    if (obj_setattr_cstr(self, "name", nameobj) < 0) goto fail;
    if (f->appending) {
        /* Seek to the end now so that tell() is right before the first write; pipes cannot seek. */
        if (lseek(fd, 0, SEEK_END) < 0 && errno != ESPIPE) {
            err_from_errno(&exc_OSError);
            goto fail;
        }
    }
    return 0;
fail:
    if (opened_here) {
        Value exc = err_fetch();
        internal_close(f);
        err_clear();
        err_restore(exc);
    } else {
        f->fd = -1;
        if (f->box) f->box->fd = -1;
    }
    return -1;
}

/* For open() and the standard streams: FileIO(fd, mode, closefd) without argument parsing. */
Value fileio_new_fd(int fd, const char *mode, bool closefd, Value name) {
    Value self = fileio_new(&type_fileio, NULL, 0, VNULL);
    if (!self) return VNULL;
    Value args[3] = {val_from_int(fd), str_from_cstr(mode), val_bool(closefd)};
    if (!args[1] || fileio_init(self, args, 3, VNULL) < 0) return VNULL;
    if (name && obj_setattr_cstr(self, "name", name) < 0) return VNULL;
    return self;
}

/* ---- Reading ---- */

/* CPython's growth policy for readall() when the size is unknown. */
static size_t new_buffersize(size_t cur) {
    size_t add = cur > 65536 ? cur >> 3 : 256 + cur;
    if (add < IO_DEFAULT_BUFFER_SIZE) add = IO_DEFAULT_BUFFER_SIZE;
    return cur + add;
}

static Value fileio_readall_fd(int fd) {
    size_t bufsize = IO_DEFAULT_BUFFER_SIZE;
    struct stat st;
    off_t pos = lseek(fd, 0, SEEK_CUR);
    /* A regular file: one byte more than what is left, so EOF shows without growing. */
    if (fstat(fd, &st) == 0 && st.st_size > 0 && pos >= 0 && st.st_size >= pos)
        bufsize = (size_t)(st.st_size - pos) + 1;
    char *buf = malloc(bufsize);
    if (!buf) {
        err_no_memory();
        return VNULL;
    }
    size_t got = 0;
    for (;;) {
        if (got >= bufsize) {
            bufsize = new_buffersize(got);
            char *nb = realloc(buf, bufsize);
            if (!nb) {
                free(buf);
                err_no_memory();
                return VNULL;
            }
            buf = nb;
        }
        ssize_t n = fileio_read_fd(fd, buf + got, bufsize - got);
        if (n == 0) break;
        if (n == -2) {
            if (got > 0) break;
            free(buf);
            return VNone;
        }
        if (n < 0) {
            free(buf);
            return VNULL;
        }
        got += (size_t)n;
    }
    Value r = bytes_new(buf, got);
    free(buf);
    return r;
}

static Value fileio_readall(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("readall", kw) < 0 || arg_count("readall", nargs, 0, 0) < 0) return VNULL;
    if (check_open(fio(self)) < 0) return VNULL;
    return fileio_readall_fd(fio(self)->fd);
}

static Value fileio_read(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("read", kw) < 0 || arg_count("read", nargs, 0, 1) < 0) return VNULL;
    FileIOObject *f = fio(self);
    if (check_mode(f, true) < 0) return VNULL;
    ssize_t n;
    if (io_size_arg(nargs ? args[0] : VNULL, &n) < 0) return VNULL;
    if (n < 0) return fileio_readall_fd(f->fd);
    BytesObject *b = bytes_alloc((size_t)n);
    if (!b) return VNULL;
    ssize_t r = fileio_read_fd(f->fd, b->data, (size_t)n);
    if (r == -1) return VNULL;
    if (r == -2) return VNone;
    return io_bytes_shrink(obj_val(b), (size_t)r);
}

static Value fileio_readinto(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("readinto", kw) < 0 || arg_count("readinto", nargs, 1, 1) < 0) return VNULL;
    FileIOObject *f = fio(self);
    Buffer view;
    if (io_get_writable(args[0], &view, "readinto") < 0) return VNULL;
    ssize_t r = check_mode(f, true) < 0 ? -1 : fileio_read_fd(f->fd, view.buf, (size_t)view.len);
    buffer_release(&view);
    if (r == -1) return VNULL;
    if (r == -2) return VNone;
    return int_from_i64(r);
}

/* ---- Writing ---- */

static Value fileio_write(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("write", kw) < 0 || arg_count("write", nargs, 1, 1) < 0) return VNULL;
    FileIOObject *f = fio(self);
    const char *data;
    size_t n;
    if (!bytes_get_buffer(args[0], &data, &n)) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(args[0]));
        return VNULL;
    }
    if (check_mode(f, false) < 0) return VNULL;
    ssize_t r = fileio_write_fd(f->fd, data, n);
    if (r == -1) return VNULL;
    if (r == -2) return VNone;
    return int_from_i64(r);
}

/* ---- Positioning ---- */

static int off_arg(Value v, int64_t *out) {
    Value i = num_index(v);
    if (!i) return -1;
    int64_t x = int_as_i64(i);
    if (x == -1 && err_occurred()) return -1;
    *out = x;
    return 0;
}

static Value fileio_seek(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("seek", kw) < 0 || arg_count("seek", nargs, 1, 2) < 0) return VNULL;
    FileIOObject *f = fio(self);
    if (check_open(f) < 0) return VNULL;
    int64_t pos, whence = 0;
    if (off_arg(args[0], &pos) < 0) return VNULL;
    if (nargs > 1) {
        if (!int_check(args[1])) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
            return VNULL;
        }
        whence = int_as_i64(args[1]);
        if (whence == -1 && err_occurred()) return VNULL;
    }
    int64_t r = fileio_seek_fd(f->fd, pos, (int)whence);
    if (r < 0) return VNULL;
    if (f->seekable < 0) f->seekable = 1;
    return int_from_i64(r);
}

static Value fileio_tell(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("tell", kw) < 0 || arg_count("tell", nargs, 0, 0) < 0) return VNULL;
    FileIOObject *f = fio(self);
    if (check_open(f) < 0) return VNULL;
    int64_t r = fileio_seek_fd(f->fd, 0, SEEK_CUR);
    return r < 0 ? VNULL : int_from_i64(r);
}

static Value fileio_truncate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("truncate", kw) < 0 || arg_count("truncate", nargs, 0, 1) < 0) return VNULL;
    FileIOObject *f = fio(self);
    if (check_mode(f, false) < 0) return VNULL;
    int64_t size;
    Value sizeobj;
    if (nargs == 0 || args[0] == VNone) {
        size = fileio_seek_fd(f->fd, 0, SEEK_CUR);
        if (size < 0) return VNULL;
        sizeobj = int_from_i64(size);
    } else {
        if (off_arg(args[0], &size) < 0) return VNULL;
        sizeobj = args[0];
    }
    int rc;
    do {
        rc = ftruncate(f->fd, (off_t)size);
    } while (rc < 0 && errno == EINTR);
    if (rc < 0) {
        err_from_errno(&exc_OSError);
        return VNULL;
    }
    return sizeobj;
}

/* ---- Closing and queries ---- */

static Value fileio_dealloc_warn(Value self, Value *args, size_t nargs, Value kw);

static Value fileio_close(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("close", kw) < 0 || arg_count("close", nargs, 0, 0) < 0) return VNULL;
    FileIOObject *f = fio(self);
    Value res = io_iobase_close(self);
    if (!f->closefd) {
        f->fd = -1;
        if (f->box) f->box->fd = -1;
        return res;
    }
    Value exc = res ? VNULL : err_fetch();
    if (f->finalizing) {
        Value w = fileio_dealloc_warn(self, &self, 1, VNULL);
        if (!w) err_clear();
    }
    int rc = internal_close(f);
    if (exc) {
        if (rc < 0) err_clear();
        err_restore(exc);
        return VNULL;
    }
    return rc < 0 ? VNULL : VNone;
}

static Value fileio_seekable(Value self, Value *args, size_t nargs, Value kw) {
    FileIOObject *f = fio(self);
    if (check_open(f) < 0) return VNULL;
    if (f->seekable < 0) f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    return val_bool(f->seekable);
}

static Value fileio_readable(Value self, Value *args, size_t nargs, Value kw) {
    if (check_open(fio(self)) < 0) return VNULL;
    return val_bool(fio(self)->readable);
}

static Value fileio_writable(Value self, Value *args, size_t nargs, Value kw) {
    if (check_open(fio(self)) < 0) return VNULL;
    return val_bool(fio(self)->writable);
}

static Value fileio_fileno(Value self, Value *args, size_t nargs, Value kw) {
    if (check_open(fio(self)) < 0) return VNULL;
    return val_from_int(fio(self)->fd);
}

static Value fileio_isatty(Value self, Value *args, size_t nargs, Value kw) {
    if (check_open(fio(self)) < 0) return VNULL;
    return val_bool(isatty(fio(self)->fd));
}

/* _dealloc_warn(source): ResourceWarning "unclosed file <source>" while the
 * descriptor is open and ours to close (CPython's fileio_dealloc_warn). */
static Value fileio_dealloc_warn(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_dealloc_warn", kw) < 0 || arg_count("_dealloc_warn", nargs, 1, 1) < 0) return VNULL;
    FileIOObject *f = fio(self);
    if (f->fd >= 0 && f->closefd) {
        extern int warnings_warn(Value category, Value message, ssize_t stacklevel, Value source);
        Value saved = err_fetch();
        Value msg = str_printf("unclosed file %R", args[0]);
        if (!msg || warnings_warn(obj_val(&exc_ResourceWarning), msg, 1, args[0]) < 0) {
            if (err_matches(&exc_Warning)) err_write_unraisable(err_fetch(), self);
            else err_clear();
        }
        err_restore(saved);
    }
    return VNone;
}

static Value fileio_getstate(Value self, Value *args, size_t nargs, Value kw) {
    err_format(&exc_TypeError, "cannot pickle '%s' object", val_type(self)->name);
    return VNULL;
}

static const char *mode_string(FileIOObject *f) {
    if (f->created) return f->readable ? "xb+" : "xb";
    if (f->appending) return f->readable ? "ab+" : "ab";
    if (f->readable) return f->writable ? "rb+" : "rb";
    return "wb";
}

static Value fileio_repr(Value self) {
    FileIOObject *f = fio(self);
    const char *tn = "_io.FileIO";   /* CPython names the base class even for subclasses */
    if (f->fd < 0) return str_printf("<%s [closed]>", tn);
    Value name = obj_getattr_opt(self, str_intern_cstr("name"));
    if (!name) {
        if (err_occurred()) {
            if (!err_matches(&exc_ValueError)) return VNULL;
            err_clear();
        }
        return str_printf("<%s fd=%d mode='%s' closefd=%s>", tn, f->fd, mode_string(f),
                          f->closefd ? "True" : "False");
    }
    if (err_enter_recursive(" while getting the repr of an object") < 0) {
        err_format(&exc_RuntimeError, "reentrant call inside %s.__repr__", tn);
        return VNULL;
    }
    Value r = str_printf("<%s name=%R mode='%s' closefd=%s>", tn, name, mode_string(f),
                         f->closefd ? "True" : "False");
    err_leave_recursive();
    return r;
}

static Value fileio_get_closed(Value self) { return val_bool(fio(self)->fd < 0); }
static Value fileio_get_closefd(Value self) { return val_bool(fio(self)->closefd); }
static Value fileio_get_mode(Value self) { return str_from_cstr(mode_string(fio(self))); }
static Value fileio_get_blksize(Value self) { return int_from_i64(fio(self)->blksize); }
static Value fileio_get_finalizing(Value self) { return val_bool(fio(self)->finalizing); }
static int fileio_put_finalizing(Value self, Value v) { return io_bool_member(v, &fio(self)->finalizing); }
static int fileio_set_blksize(Value self, Value v) {
    if (!v || !int_check(v)) {
        err_set(&exc_TypeError, "an integer is required");
        return -1;
    }
    int64_t n = int_as_i64(v);
    if (n == -1 && err_occurred()) return -1;
    fio(self)->blksize = (long)n;
    return 0;
}

static const MethodDef fileio_methods[] = {
    {"read", fileio_read, 0, "Read at most size bytes, returned as bytes."},
    {"readall", fileio_readall, 0, "Read all data from the file, returned as bytes."},
    {"readinto", fileio_readinto, 0, "Same as RawIOBase.readinto()."},
    {"write", fileio_write, 0, "Write buffer b to file, return number of bytes written."},
    {"seek", fileio_seek, 0, "Move to new file position and return the file position."},
    {"tell", fileio_tell, 0, "Current file position."},
    {"truncate", fileio_truncate, 0, "Truncate the file to at most size bytes and return the truncated size."},
    {"close", fileio_close, 0, "Close the file."},
    {"seekable", fileio_seekable, 0, "True if file supports random-access."},
    {"readable", fileio_readable, 0, "True if file was opened in a read mode."},
    {"writable", fileio_writable, 0, "True if file was opened in a write mode."},
    {"fileno", fileio_fileno, 0, "Return the underlying file descriptor (an integer)."},
    {"isatty", fileio_isatty, 0, "True if the file is connected to a TTY device."},
    {"_dealloc_warn", fileio_dealloc_warn, 0, NULL},
    {"__getstate__", fileio_getstate, 0, NULL},
    {NULL}
};

static const GetSetDef fileio_getsets[] = {
    {"closed", fileio_get_closed, NULL, "True if the file is closed"},
    {"closefd", fileio_get_closefd, NULL, "True if the file descriptor will be closed by close()."},
    {"mode", fileio_get_mode, NULL, "String giving the file mode"},
    {"_blksize", fileio_get_blksize, fileio_set_blksize, NULL},
    {"_finalizing", fileio_get_finalizing, fileio_put_finalizing, NULL},
    {NULL}
};

Type type_fileio = {
    .hdr = {0, &type_type},
    .name = "_io.FileIO",
    .base = &type_rawiobase,
    .basicsize = sizeof(FileIOObject),
    .attrs_offset = sizeof(FileIOObject),
    .flags = TF_BASETYPE | TF_WEAKREFABLE | TF_HAS_DEL,
    .del = io_stream_del,
    .trace = fileio_trace,
    .finalize = fileio_finalize,
    .new = fileio_new,
    .init = fileio_init,
    .repr = fileio_repr,
    .methods = fileio_methods,
    .getsets = fileio_getsets,
    .doc = "Open a file.",
};
