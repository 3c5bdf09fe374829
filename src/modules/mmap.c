/* mmap.c - the mmap module: memory-mapped files and anonymous maps as mutable, seekable byte sequences. */
#include "cargs.h"
#include "os_util.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/misc.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/buffer.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/gil.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * An mmap object owns a mapping (`data`, `size` bytes, NULL once closed)
 * and, for a file-backed map, a duplicate of the descriptor it was made
 * from, so resize() can grow the file and size() can ask its length after
 * the caller closed its own descriptor.  The mapping lives outside the GC
 * heap; the type's finalizer unmaps it and closes the descriptor when an
 * unclosed map is collected.
 *
 * Semantics are CPython 3.11's, quirks included: find()/rfind() start at
 * the current position by default, iteration yields 1-byte bytes while
 * m[i] is an int, size() of an anonymous map fails with EBADF, a
 * read-only map (ACCESS_READ, or PROT_READ alone) refuses writes with
 * TypeError, and close()/resize() refuse while buffers are exported
 * (BufferError).  Exports are counted; a dropped memoryview gives its
 * export back when collected (buffer_exports_held collects once before
 * refusing).
 */

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

enum { ACCESS_DEFAULT, ACCESS_READ, ACCESS_WRITE, ACCESS_COPY };

typedef struct MmapObject {
    Object hdr;
    char *data;          /* NULL when closed */
    ssize_t size;
    ssize_t pos;
    int64_t offset;
    int fd;              /* our duplicate, -1 for anonymous maps */
    int access;
    ssize_t exports;
} MmapObject;

#define M(v) ((MmapObject *)(v))

Type type_mmap, type_mmap_iter;

static void mmap_unmap(MmapObject *m) {
    if (m->data) munmap(m->data, (size_t)m->size);
    m->data = NULL;
    if (m->fd >= 0) close(m->fd);
    m->fd = -1;
}

static void mmap_finalize(Object *o) { mmap_unmap((MmapObject *)o); }

static int check_valid(MmapObject *m) {
    if (!m->data) {
        err_set(&exc_ValueError, "mmap closed or invalid");
        return -1;
    }
    return 0;
}

static int check_writable(MmapObject *m) {
    if (m->access != ACCESS_READ) return 0;
    err_set(&exc_TypeError, "mmap can't modify a readonly memory map.");
    return -1;
}

#define CHECK_VALID(m)                           \
    do {                                         \
        if (check_valid(m) < 0) return VNULL;    \
    } while (0)

/* METH_NOARGS / PyArg_ParseTuple counts: "mmap.read_byte() takes no
 * arguments (1 given)", "move() takes exactly 3 arguments (2 given)". */
static int no_args(const char *qualname, size_t nargs, Value kwnames) {
    if (arg_no_kw(qualname, kwnames) < 0) return -1;
    if (nargs) {
        err_format(&exc_TypeError, "%s() takes no arguments (%zu given)", qualname, nargs);
        return -1;
    }
    return 0;
}

static int tuple_args(const char *qualname, const char *name, size_t nargs, Value kwnames, size_t min, size_t max) {
    if (arg_no_kw(qualname, kwnames) < 0) return -1;
    return os_tuple_args(name, nargs, VNULL, min, max);
}

/* ---- Construction ---- */

/* PyArg_ParseTupleAndKeywords without a function name: "this function". */
static int parse_new_args(Value *args, size_t nargs, Value kwnames, Value out[6]) {
    static const char *const names[] = {"fileno", "length", "flags", "prot", "access", "offset"};
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    for (int i = 0; i < 6; i++) out[i] = VNULL;
    if (nargs + nkw > 6) {
        err_format(&exc_TypeError, "function takes at most 6 arguments (%zu given)", nargs + nkw);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) out[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        Value kn = tuple_get(kwnames, (ssize_t)k);
        int j = -1;
        for (int i = 0; i < 6; i++)
            if (str_eq_cstr(kn, names[i])) j = i;
        if (j < 0) {
            err_format(&exc_TypeError, "'%U' is an invalid keyword argument for this function", kn);
            return -1;
        }
        if (out[j]) {
            err_format(&exc_TypeError, "argument for function given by name ('%s') and position (%d)", names[j],
                       j + 1);
            return -1;
        }
        out[j] = args[nargs + k];
    }
    for (int i = 0; i < 2; i++)
        if (!out[i]) {
            err_format(&exc_TypeError, "function missing required argument '%s' (pos %d)", names[i], i + 1);
            return -1;
        }
    return 0;
}

static Value mmap_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    Value a[6];
    if (parse_new_args(args, nargs, kwnames, a) < 0) return VNULL;
    int fd, flags = MAP_SHARED, prot = PROT_WRITE | PROT_READ, access = ACCESS_DEFAULT;
    ssize_t size;
    long offset = 0;
    if (carg_int(a[0], &fd) < 0 || carg_ssize(a[1], &size) < 0 || (a[2] && carg_int(a[2], &flags) < 0) ||
        (a[3] && carg_int(a[3], &prot) < 0) || (a[4] && carg_int(a[4], &access) < 0) ||
        (a[5] && carg_long(a[5], &offset) < 0))
        return VNULL;
    if (size < 0) {
        err_set(&exc_OverflowError, "memory mapped length must be positive");
        return VNULL;
    }
    if (offset < 0) {
        err_set(&exc_OverflowError, "memory mapped offset must be positive");
        return VNULL;
    }
    if (access != ACCESS_DEFAULT && (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ))) {
        err_set(&exc_ValueError, "mmap can't specify both access and flags, prot.");
        return VNULL;
    }
    switch (access) {
    case ACCESS_READ: flags = MAP_SHARED; prot = PROT_READ; break;
    case ACCESS_WRITE: flags = MAP_SHARED; prot = PROT_READ | PROT_WRITE; break;
    case ACCESS_COPY: flags = MAP_PRIVATE; prot = PROT_READ | PROT_WRITE; break;
    case ACCESS_DEFAULT:
        /* The access mode follows from prot. */
        if (!((prot & PROT_READ) && (prot & PROT_WRITE))) access = (prot & PROT_WRITE) ? ACCESS_WRITE : ACCESS_READ;
        break;
    default:
        err_set(&exc_ValueError, "mmap invalid access parameter.");
        return VNULL;
    }
    struct stat st;
    if (fd != -1 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        if (size == 0) {
            if (st.st_size == 0) {
                err_set(&exc_ValueError, "cannot mmap an empty file");
                return VNULL;
            }
            if (offset >= st.st_size) {
                err_set(&exc_ValueError, "mmap offset is greater than file size");
                return VNULL;
            }
            size = (ssize_t)(st.st_size - offset);
        } else if (offset > st.st_size || st.st_size - offset < size) {
            err_set(&exc_ValueError, "mmap length is greater than file size");
            return VNULL;
        }
    }
    MmapObject *m = (MmapObject *)(t == &type_mmap ? obj_val(gc_alloc(t, sizeof(MmapObject))) : type_generic_alloc(t, 0));
    if (!m) return VNULL;
    m->fd = -1;
    m->offset = offset;
    m->access = access;
    if (fd == -1) {
        flags |= MAP_ANONYMOUS;
    } else {
        m->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
        if (m->fd < 0) return os_error(errno);
    }
    void *p = mmap(NULL, (size_t)size, prot, flags, fd, (off_t)offset);
    if (p == MAP_FAILED) {
        int e = errno;
        mmap_unmap(m);
        return os_error(e);
    }
    m->data = p;
    m->size = size;
    return obj_val(m);
}

/* ---- Reading and writing at the position ---- */

FN(mmap_close) {
    if (no_args("mmap.close", nargs, kwnames) < 0) return VNULL;
    MmapObject *m = M(self);
    if (m->exports > 0 && buffer_exports_held(&m->exports)) {
        err_set(&exc_BufferError, "cannot close exported pointers exist");
        return VNULL;
    }
    mmap_unmap(m);
    return VNone;
}

static Value mmap_get_closed(Value self) { return val_bool(M(self)->data == NULL); }

FN(mmap_enter) {
    CHECK_VALID(M(self));
    return self;
}

FN(mmap_exit) { return mmap_close(self, NULL, 0, VNULL); }

FN(mmap_read_byte) {
    MmapObject *m = M(self);
    CHECK_VALID(m);
    if (no_args("mmap.read_byte", nargs, kwnames) < 0) return VNULL;
    if (m->pos >= m->size) {
        err_set(&exc_ValueError, "read byte out of range");
        return VNULL;
    }
    return val_from_int((unsigned char)m->data[m->pos++]);
}

FN(mmap_readline) {
    MmapObject *m = M(self);
    CHECK_VALID(m);
    if (no_args("mmap.readline", nargs, kwnames) < 0) return VNULL;
    ssize_t left = m->size - m->pos;
    if (left < 0) left = 0;
    const char *start = m->data + m->pos;
    const char *eol = left ? memchr(start, '\n', (size_t)left) : NULL;
    ssize_t n = eol ? eol - start + 1 : left;
    Value r = bytes_new(start, (size_t)n);
    if (r) m->pos += n;
    return r;
}

FN(mmap_read) {
    MmapObject *m = M(self);
    CHECK_VALID(m);
    if (tuple_args("mmap.read", "read", nargs, kwnames, 0, 1) < 0) return VNULL;
    ssize_t left = m->size > m->pos ? m->size - m->pos : 0, n = left;
    if (nargs && args[0] != VNone) {
        if (!num_check_index(args[0])) {
            err_format(&exc_TypeError, "argument should be integer or None, not '%s'", type_name(args[0]));
            return VNULL;
        }
        if (carg_ssize(args[0], &n) < 0) return VNULL;
        if (n < 0 || n > left) n = left;
    }
    Value r = bytes_new(m->data + m->pos, (size_t)n);
    if (r) m->pos += n;
    return r;
}

FN(mmap_write) {
    MmapObject *m = M(self);
    CHECK_VALID(m);
    if (tuple_args("mmap.write", "write", nargs, kwnames, 1, 1) < 0) return VNULL;
    Buffer view;
    if (carg_buffer(args[0], &view) < 0) return VNULL;
    if (check_valid(m) < 0 || check_writable(m) < 0) {
        buffer_release(&view);
        return VNULL;
    }
    if (m->pos > m->size || m->size - m->pos < view.len) {
        buffer_release(&view);
        err_set(&exc_ValueError, "data out of range");
        return VNULL;
    }
    memcpy(m->data + m->pos, view.buf, (size_t)view.len);
    m->pos += view.len;
    ssize_t n = view.len;
    buffer_release(&view);
    return int_from_i64(n);
}

FN(mmap_write_byte) {
    MmapObject *m = M(self);
    CHECK_VALID(m);
    if (tuple_args("mmap.write_byte", "write_byte", nargs, kwnames, 1, 1) < 0) return VNULL;
    long v;
    if (carg_long(args[0], &v) < 0) return VNULL;
    if (v < 0 || v > 255) {
        err_format(&exc_OverflowError, "unsigned byte integer is %s", v < 0 ? "less than minimum" : "greater than maximum");
        return VNULL;
    }
    if (check_valid(m) < 0 || check_writable(m) < 0) return VNULL;
    if (m->pos >= m->size) {
        err_set(&exc_ValueError, "write byte out of range");
        return VNULL;
    }
    m->data[m->pos++] = (char)v;
    return VNone;
}

FN(mmap_seek) {
    MmapObject *m = M(self);
    CHECK_VALID(m);
    if (tuple_args("mmap.seek", "seek", nargs, kwnames, 1, 2) < 0) return VNULL;
    ssize_t dist;
    int how = 0;
    if (carg_ssize(args[0], &dist) < 0 || (nargs > 1 && carg_int(args[1], &how) < 0)) return VNULL;
    ssize_t where;
    switch (how) {
    case 0: where = dist; break;
    case 1:
        if (__builtin_add_overflow(m->pos, dist, &where)) goto range;
        break;
    case 2:
        if (__builtin_add_overflow(m->size, dist, &where)) goto range;
        break;
    default:
        err_set(&exc_ValueError, "unknown seek type");
        return VNULL;
    }
    if (where > m->size || where < 0) goto range;
    m->pos = where;
    return VNone;
range:
    err_set(&exc_ValueError, "seek out of range");
    return VNULL;
}

FN(mmap_tell) {
    CHECK_VALID(M(self));
    if (no_args("mmap.tell", nargs, kwnames) < 0) return VNULL;
    return int_from_i64(M(self)->pos);
}

/* The file's size (an anonymous map has no file: EBADF, as in CPython 3.11). */
FN(mmap_size) {
    CHECK_VALID(M(self));
    if (no_args("mmap.size", nargs, kwnames) < 0) return VNULL;
    struct stat st;
    if (fstat(M(self)->fd, &st) < 0) return os_error(errno);
    return int_from_i64(st.st_size);
}

/* ---- find/rfind, flush, madvise, move, resize ---- */

/* start/end clamped as CPython's mmap_gfind; the empty needle and a
 * reversed range keep its answers (start for find, end for rfind). */
static Value mmap_gfind(Value self, Value *args, size_t nargs, Value kwnames, bool reverse) {
    MmapObject *m = M(self);
    const char *name = reverse ? "rfind" : "find";
    CHECK_VALID(m);
    if (tuple_args(reverse ? "mmap.rfind" : "mmap.find", name, nargs, kwnames, 1, 3) < 0) return VNULL;
    ssize_t start = m->pos, end = m->size;
    if ((nargs > 1 && carg_ssize(args[1], &start) < 0) || (nargs > 2 && carg_ssize(args[2], &end) < 0)) return VNULL;
    Buffer view;
    if (carg_buffer(args[0], &view) < 0) return VNULL;
    if (check_valid(m) < 0) {
        buffer_release(&view);
        return VNULL;
    }
    if (start < 0) {
        start += m->size;
        if (start < 0) start = 0;
    } else if (start > m->size) {
        start = m->size;
    }
    if (end < 0) {
        end += m->size;
        if (end < 0) end = 0;
    } else if (end > m->size) {
        end = m->size;
    }
    const char *needle = view.buf;
    ssize_t n = view.len, res = -1;
    if (n == 0) {
        res = reverse ? end : start;
    } else if (end - start >= n) {
        if (!reverse) {
            const char *p = memmem(m->data + start, (size_t)(end - start), needle, (size_t)n);
            res = p ? p - m->data : -1;
        } else {
            for (ssize_t i = end - n; i >= start; i--)
                if (m->data[i] == needle[0] && memcmp(m->data + i, needle, (size_t)n) == 0) {
                    res = i;
                    break;
                }
        }
    }
    buffer_release(&view);
    return int_from_i64(res);
}

FN(mmap_find) { return mmap_gfind(self, args, nargs, kwnames, false); }
FN(mmap_rfind) { return mmap_gfind(self, args, nargs, kwnames, true); }

FN(mmap_flush) {
    MmapObject *m = M(self);
    CHECK_VALID(m);
    if (tuple_args("mmap.flush", "flush", nargs, kwnames, 0, 2) < 0) return VNULL;
    ssize_t offset = 0, size = m->size;
    if ((nargs > 0 && carg_ssize(args[0], &offset) < 0) || (nargs > 1 && carg_ssize(args[1], &size) < 0)) return VNULL;
    if (size < 0 || offset < 0 || m->size - offset < size) {
        err_set(&exc_ValueError, "flush values out of range");
        return VNULL;
    }
    if (m->access == ACCESS_READ || m->access == ACCESS_COPY) return VNone;
    int r;
    GIL_RELEASE_BEGIN
    r = msync(m->data + offset, (size_t)size, MS_SYNC);
    GIL_RELEASE_END
    if (r < 0) return os_error(errno);
    return VNone;
}

FN(mmap_madvise) {
    MmapObject *m = M(self);
    CHECK_VALID(m);
    if (tuple_args("mmap.madvise", "madvise", nargs, kwnames, 1, 3) < 0) return VNULL;
    int option;
    ssize_t start = 0, length = m->size;
    if (carg_int(args[0], &option) < 0 || (nargs > 1 && carg_ssize(args[1], &start) < 0) ||
        (nargs > 2 && carg_ssize(args[2], &length) < 0))
        return VNULL;
    if (start < 0 || start >= m->size) {
        err_set(&exc_ValueError, "madvise start out of bounds");
        return VNULL;
    }
    if (length < 0) {
        err_set(&exc_ValueError, "madvise length invalid");
        return VNULL;
    }
    if (PTRDIFF_MAX - start < length) {
        err_set(&exc_OverflowError, "madvise length too large");
        return VNULL;
    }
    if (start + length > m->size) length = m->size - start;
    if (madvise(m->data + start, (size_t)length, option) < 0) return os_error(errno);
    return VNone;
}

FN(mmap_move) {
    MmapObject *m = M(self);
    CHECK_VALID(m);
    if (tuple_args("mmap.move", "move", nargs, kwnames, 3, 3) < 0) return VNULL;
    ssize_t dest, src, cnt;
    if (carg_ssize(args[0], &dest) < 0 || carg_ssize(args[1], &src) < 0 || carg_ssize(args[2], &cnt) < 0) return VNULL;
    if (check_writable(m) < 0) return VNULL;
    if (dest < 0 || src < 0 || cnt < 0 || m->size - dest < cnt || m->size - src < cnt) {
        err_set(&exc_ValueError, "source, destination, or count out of range");
        return VNULL;
    }
    memmove(m->data + dest, m->data + src, (size_t)cnt);
    return VNone;
}

FN(mmap_resize) {
    MmapObject *m = M(self);
    CHECK_VALID(m);
    if (tuple_args("mmap.resize", "resize", nargs, kwnames, 1, 1) < 0) return VNULL;
    ssize_t nsize;
    if (carg_ssize(args[0], &nsize) < 0) return VNULL;
    if (m->exports > 0 && buffer_exports_held(&m->exports)) {
        err_set(&exc_BufferError, "mmap can't resize with extant buffers exported.");
        return VNULL;
    }
    if (m->access != ACCESS_WRITE && m->access != ACCESS_DEFAULT) {
        err_set(&exc_TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
        return VNULL;
    }
    if (nsize < 0 || PTRDIFF_MAX - nsize < m->offset) {
        err_set(&exc_ValueError, "new size out of range");
        return VNULL;
    }
    /* A file-backed map grows or shrinks its file first. */
    if (m->fd != -1 && ftruncate(m->fd, (off_t)(m->offset + nsize)) < 0) return os_error(errno);
    void *p = mremap(m->data, (size_t)m->size, (size_t)nsize, MREMAP_MAYMOVE);
    if (p == MAP_FAILED) return os_error(errno);
    m->data = p;
    m->size = nsize;
    return VNone;
}

/* ---- Sequence and buffer protocols ---- */

static ssize_t mmap_len(Value self) {
    if (check_valid(M(self)) < 0) return -1;
    return M(self)->size;
}

static Value mmap_getitem(Value self, Value key) {
    MmapObject *m = M(self);
    CHECK_VALID(m);
    if (val_type(key) == &type_slice) {
        ssize_t start, stop, step;
        ssize_t n = slice_indices(key, m->size, &start, &stop, &step);
        if (n < 0) return VNULL;
        if (step == 1) return bytes_new(n ? m->data + start : NULL, (size_t)n);
        BytesObject *b = bytes_alloc((size_t)n);
        if (!b) return VNULL;
        for (ssize_t k = 0, i = start; k < n; k++, i += step) b->data[k] = m->data[i];
        return obj_val(b);
    }
    if (!num_check_index(key)) {
        err_set(&exc_TypeError, "mmap indices must be integers");
        return VNULL;
    }
    ssize_t i = num_as_ssize(key, &exc_IndexError);
    if (i == -1 && err_occurred()) return VNULL;
    if (i < 0) i += m->size;
    if (i < 0 || i >= m->size) {
        err_set(&exc_IndexError, "mmap index out of range");
        return VNULL;
    }
    return val_from_int((unsigned char)m->data[i]);
}

static int mmap_setitem(Value self, Value key, Value v) {
    MmapObject *m = M(self);
    if (check_valid(m) < 0 || check_writable(m) < 0) return -1;
    if (num_check_index(key)) {
        ssize_t i = num_as_ssize(key, &exc_IndexError);
        if (i == -1 && err_occurred()) return -1;
        if (i < 0) i += m->size;
        if (i < 0 || i >= m->size) {
            err_set(&exc_IndexError, "mmap index out of range");
            return -1;
        }
        if (!v) {
            err_set(&exc_TypeError, "mmap doesn't support item deletion");
            return -1;
        }
        if (!num_check_index(v)) {
            err_set(&exc_TypeError, "mmap item value must be an int");
            return -1;
        }
        ssize_t x = num_as_ssize(v, &exc_TypeError);
        if (x == -1 && err_occurred()) return -1;
        if (x < 0 || x > 255) {
            err_set(&exc_ValueError, "mmap item value must be in range(0, 256)");
            return -1;
        }
        if (check_valid(m) < 0) return -1;   /* __index__ may have closed it */
        m->data[i] = (char)x;
        return 0;
    }
    if (val_type(key) != &type_slice) {
        err_set(&exc_TypeError, "mmap indices must be integer");
        return -1;
    }
    ssize_t start, stop, step;
    ssize_t n = slice_indices(key, m->size, &start, &stop, &step);
    if (n < 0) return -1;
    if (!v) {
        err_set(&exc_TypeError, "mmap object doesn't support slice deletion");
        return -1;
    }
    Buffer view;
    if (buffer_get(v, &view, BUF_SIMPLE) < 0) return -1;
    if (view.len != n) {
        buffer_release(&view);
        err_set(&exc_IndexError, "mmap slice assignment is wrong size");
        return -1;
    }
    if (check_valid(m) < 0) {
        buffer_release(&view);
        return -1;
    }
    const char *src = view.buf;
    if (step == 1) memmove(m->data + start, src, (size_t)n);
    else
        for (ssize_t k = 0, i = start; k < n; k++, i += step) m->data[i] = src[k];
    buffer_release(&view);
    return 0;
}

static int mmap_getbuffer(Value self, Buffer *view, int flags) {
    MmapObject *m = M(self);
    if (check_valid(m) < 0) return -1;
    if (buffer_fill_info(view, self, m->data, m->size, m->access == ACCESS_READ, flags) < 0) return -1;
    m->exports++;
    return 0;
}

static void mmap_releasebuffer(Value self, Buffer *view) { M(self)->exports--; }

static Value mmap_repr(Value self) {
    static const char *const modes[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"};
    MmapObject *m = M(self);
    if (!m->data) return str_printf("<%s closed=True>", type_name(self));
    return str_printf("<%s closed=False, access=%s, length=%zd, pos=%zd, offset=%lld>", type_name(self),
                      modes[m->access], m->size, m->pos, (long long)m->offset);
}

/* Iteration goes through CPython's sq_item, which yields 1-byte bytes
 * (m[i] is an int): a sequence iterator of its own. */
typedef struct MmapIterObject {
    Object hdr;
    Value map;           /* VNULL once exhausted */
    ssize_t index;
} MmapIterObject;

static void mmapiter_trace(Object *o) {
    if (((MmapIterObject *)o)->map) gc_mark(((MmapIterObject *)o)->map);
}

static Value mmap_iter(Value self) {
    misc_ready_type(&type_mmap_iter);
    MmapIterObject *it = gc_alloc(&type_mmap_iter, sizeof(MmapIterObject));
    if (!it) return VNULL;
    GC_WRITE(it, it->map, self);
    return obj_val(it);
}

static Value mmapiter_next(Value self) {
    MmapIterObject *it = (MmapIterObject *)self;
    if (!it->map) return VNULL;
    MmapObject *m = M(it->map);
    if (check_valid(m) < 0) return VNULL;
    if (it->index < m->size) return bytes_new(m->data + it->index++, 1);
    it->map = VNULL;
    return VNULL;
}

static Value mmapiter_self(Value self) { return self; }

Type type_mmap_iter = {
    .hdr = {0, &type_type},
    .name = "iterator",
    .basicsize = sizeof(MmapIterObject),
    .trace = mmapiter_trace,
    .iter = mmapiter_self,
    .iternext = mmapiter_next,
};

static const MethodDef mmap_methods[] = {
    {"close", mmap_close, 0, NULL},
    {"find", mmap_find, 0, NULL},
    {"rfind", mmap_rfind, 0, NULL},
    {"flush", mmap_flush, 0, NULL},
    {"madvise", mmap_madvise, 0, NULL},
    {"move", mmap_move, 0, NULL},
    {"read", mmap_read, 0, NULL},
    {"read_byte", mmap_read_byte, 0, NULL},
    {"readline", mmap_readline, 0, NULL},
    {"resize", mmap_resize, 0, NULL},
    {"seek", mmap_seek, 0, NULL},
    {"size", mmap_size, 0, NULL},
    {"tell", mmap_tell, 0, NULL},
    {"write", mmap_write, 0, NULL},
    {"write_byte", mmap_write_byte, 0, NULL},
    {"__enter__", mmap_enter, 0, NULL},
    {"__exit__", mmap_exit, 0, NULL},
    {NULL},
};

static const GetSetDef mmap_getsets[] = {
    {"closed", mmap_get_closed, NULL, NULL},
    {NULL},
};

Type type_mmap = {
    .hdr = {0, &type_type},
    .name = "mmap.mmap",
    .basicsize = sizeof(MmapObject),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .finalize = mmap_finalize,
    .new = mmap_new,
    .repr = mmap_repr,
    .iter = mmap_iter,
    .len = mmap_len,
    .getitem = mmap_getitem,
    .setitem = mmap_setitem,
    .getbuffer = mmap_getbuffer,
    .releasebuffer = mmap_releasebuffer,
    .methods = mmap_methods,
    .getsets = mmap_getsets,
    .doc = "Windows: mmap(fileno, length[, tagname[, access[, offset]]])\n\n"
           "Maps length bytes from the file specified by the file handle fileno,\n"
           "and returns a mmap object.  If length is larger than the current size\n"
           "of the file, the file is extended to contain length bytes.  If length\n"
           "is 0, the maximum length of the map is the current size of the file,\n"
           "except that if the file is empty Windows raises an exception (you cannot\n"
           "create an empty mapping on Windows).\n\n"
           "Unix: mmap(fileno, length[, flags[, prot[, access[, offset]]]])\n\n"
           "Maps length bytes from the file specified by the file descriptor fileno,\n"
           "and returns a mmap object.  If length is 0, the maximum length of the map\n"
           "will be the current size of the file when mmap is called.\n"
           "flags specifies the nature of the mapping. MAP_PRIVATE creates a\n"
           "private copy-on-write mapping, so changes to the contents of the mmap\n"
           "object will be private to this process, and MAP_SHARED creates a mapping\n"
           "that's shared with all other processes mapping the same areas of the file.\n"
           "The default value is MAP_SHARED.\n\n"
           "To map anonymous memory, pass -1 as the fileno (both versions).",
};

#define C(n) {#n, (long)(n)}
static const struct {
    const char *name;
    long value;
} mmap_constants[] = {
    C(ACCESS_DEFAULT), C(ACCESS_READ), C(ACCESS_WRITE), C(ACCESS_COPY), C(MADV_DODUMP), C(MADV_DOFORK),
    C(MADV_DONTDUMP), C(MADV_DONTFORK), C(MADV_DONTNEED), C(MADV_FREE), C(MADV_HUGEPAGE), C(MADV_HWPOISON),
    C(MADV_MERGEABLE), C(MADV_NOHUGEPAGE), C(MADV_NORMAL), C(MADV_RANDOM), C(MADV_REMOVE), C(MADV_SEQUENTIAL),
    C(MADV_UNMERGEABLE), C(MADV_WILLNEED), C(MAP_ANON), C(MAP_ANONYMOUS), C(MAP_DENYWRITE), C(MAP_EXECUTABLE),
    C(MAP_POPULATE), C(MAP_PRIVATE), C(MAP_SHARED), C(MAP_STACK), C(PROT_EXEC), C(PROT_READ), C(PROT_WRITE),
};

Value mmap_module_init(void) {
    type_ready(&type_mmap);
    Value m = module_new_cstr("mmap");
    if (!m) return VNULL;
    long page = sysconf(_SC_PAGESIZE);
    if (module_add(m, "mmap", obj_val(&type_mmap)) < 0 || module_add(m, "error", obj_val(&exc_OSError)) < 0 ||
        module_add(m, "PAGESIZE", int_from_i64(page)) < 0 ||
        module_add(m, "ALLOCATIONGRANULARITY", int_from_i64(page)) < 0)
        return VNULL;
    for (size_t i = 0; i < sizeof mmap_constants / sizeof *mmap_constants; i++)
        if (module_add(m, mmap_constants[i].name, int_from_i64(mmap_constants[i].value)) < 0) return VNULL;
    return m;
}
