/* io_buffered.c - BufferedReader, BufferedWriter, BufferedRandom and BufferedRWPair over a raw stream. */
#include "io.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/list.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../objects/exceptions.h"
#include "../vm/error.h"
#include "../vm/gil.h"
#include "../gc/gc.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

/*
 * One buffer serves reading and writing, with CPython's bookkeeping, so
 * that the positions a program can observe (tell() of this object and of
 * the raw stream below) are the same as CPython's:
 *
 *   pos          the logical position inside the buffer
 *   raw_pos      where the raw stream is, as an offset in the buffer (-1: unknown)
 *   read_end     end of the valid read-ahead data (-1: none)
 *   write_pos,   the dirty range still to be written (write_end -1: none)
 *   write_end
 *   abs_pos      the raw stream's absolute position (-1: ask it)
 *
 * so tell() = abs_pos - (raw_pos - pos).  Reads bigger than the buffer go
 * straight to the caller's memory in whole blocks and refill the buffer
 * only for the tail; writes that do not fit flush and go straight through.
 *
 * The buffer and its bookkeeping live in malloc'd memory (IoBuf) because
 * the collector's finalizer and the exit handler must be able to flush a
 * writer's pending data without touching the heap: every writable IoBuf
 * is on a list that io_buffered_flush_at_exit() walks.  Flushing there is
 * a plain write(2) on the FileIO's descriptor, so it only happens when the
 * raw stream is exactly a FileIO (box != NULL).
 */

struct IoBuf {
    IoFd *box;               /* the raw FileIO's descriptor box, or NULL */
    IoPending *text;         /* pending output of the TextIOWrappers over us (a list), or NULL */
    IoBuf *prev, *next;      /* the list of writable buffers */
    bool readable, writable;
    ssize_t size;
    ssize_t pos, raw_pos, read_end, write_pos, write_end;
    int64_t abs_pos;
    char data[];
};

static IoBuf *writers;       /* head of the list of writable buffers */

static inline BufferedObject *bo(Value v) { return (BufferedObject *)v; }
static int buffered_enter(Value self);
static void buffered_leave(Value self);

#define VALID_READ(b) ((b)->readable && (b)->read_end != -1)
#define VALID_WRITE(b) ((b)->writable && (b)->write_end != -1)
#define RAW_OFFSET(b) (((VALID_READ(b) || VALID_WRITE(b)) && (b)->raw_pos >= 0) ? (b)->raw_pos - (b)->pos : 0)
#define READAHEAD(b) (VALID_READ(b) ? (b)->read_end - (b)->pos : 0)

static inline void adjust_position(IoBuf *b, ssize_t p) {
    b->pos = p;
    if (VALID_READ(b) && b->read_end < p) b->read_end = p;
}

static inline void reset_read(IoBuf *b) { b->read_end = -1; }
static inline void reset_write(IoBuf *b) {
    b->write_pos = 0;
    b->write_end = -1;
}

/* Whole blocks of `size` bytes: reads bigger than the buffer bypass it in these. */
static inline ssize_t minus_last_block(IoBuf *b, ssize_t n) { return b->size * (n / b->size); }

static bool raw_is_fileio(BufferedObject *self) {
    return !val_is_int(self->raw) && val_type(self->raw) == &type_fileio;
}

/* ---- Checks ---- */

static int check_initialized(BufferedObject *self) {
    if (!self->ok) {
        if (self->detached) err_set(&exc_ValueError, "raw stream has been detached");
        else err_set(&exc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

/* raw.closed: 1, 0, -1. */
static int raw_closed(BufferedObject *self) {
    if (raw_is_fileio(self)) return ((FileIOObject *)self->raw)->fd < 0;
    Value c = obj_getattr_cstr(self->raw, "closed");
    if (!c) return -1;
    return obj_is_true(c);
}

/* A closed stream may still hand out what is already buffered, as CPython's CHECK_CLOSED allows. */
static int check_closed(BufferedObject *self, const char *msg) {
    int c = raw_closed(self);
    if (c < 0) return -1;
    if (c && READAHEAD(self->b) == 0) {
        err_set(&exc_ValueError, msg);
        return -1;
    }
    return 0;
}

/* ---- The raw stream ---- */

static int64_t raw_tell(BufferedObject *self) {
    IoBuf *b = self->b;
    int64_t n;
    if (raw_is_fileio(self)) {
        FileIOObject *f = (FileIOObject *)self->raw;
        if (f->fd < 0) {
            err_set(&exc_ValueError, "I/O operation on closed file");
            return -1;
        }
        n = fileio_seek_fd(f->fd, 0, SEEK_CUR);
        if (n < 0) return -1;
    } else {
        Value r = obj_call_method(self->raw, "tell", NULL, 0);
        if (!r) return -1;
        Value i = num_index(r);
        if (!i) return -1;
        n = int_as_i64(i);
        if (n == -1 && err_occurred()) return -1;
        if (n < 0) {
            err_format(&exc_OSError, "Raw stream returned invalid position %lld", (long long)n);
            return -1;
        }
    }
    b->abs_pos = n;
    return n;
}

static inline int64_t raw_tell_cached(BufferedObject *self) {
    return self->b->abs_pos >= 0 ? self->b->abs_pos : raw_tell(self);
}

static int64_t raw_seek(BufferedObject *self, int64_t target, int whence) {
    int64_t n;
    if (raw_is_fileio(self)) {
        FileIOObject *f = (FileIOObject *)self->raw;
        if (f->fd < 0) {
            err_set(&exc_ValueError, "I/O operation on closed file");
            return -1;
        }
        n = fileio_seek_fd(f->fd, target, whence);
        if (n < 0) return -1;
    } else {
        Value a[2] = {int_from_i64(target), val_from_int(whence)};
        if (!a[0]) return -1;
        Value r = obj_call_method(self->raw, "seek", a, 2);
        if (!r) return -1;
        Value i = num_index(r);
        if (!i) return -1;
        n = int_as_i64(i);
        if (n == -1 && err_occurred()) return -1;
        if (n < 0) {
            err_format(&exc_OSError, "Raw stream returned invalid position %lld", (long long)n);
            return -1;
        }
    }
    self->b->abs_pos = n;
    return n;
}

/* Read up to n bytes from the raw stream into dst: the count, 0 at EOF, -2 if it would block, -1 on error. */
static ssize_t raw_read(BufferedObject *self, char *dst, ssize_t n) {
    ssize_t r;
    if (raw_is_fileio(self)) {
        FileIOObject *f = (FileIOObject *)self->raw;
        if (f->fd < 0) {
            err_set(&exc_ValueError, "I/O operation on closed file");
            return -1;
        }
        if (!f->readable) {
            io_unsupported("File not open for reading");
            return -1;
        }
        r = fileio_read_fd(f->fd, dst, (size_t)n);
        if (r < 0) return r;
    } else {
        Value mem = bytearray_new(NULL, 0);
        if (!mem || bytearray_resize(mem, (size_t)n) < 0) return -1;
        memset(((ByteArrayObject *)mem)->data, 0, (size_t)n);
        Value res = obj_call_method(self->raw, "readinto", &mem, 1);
        if (!res) return -1;
        if (res == VNone) return -2;
        r = num_as_ssize(res, &exc_ValueError);
        if (r == -1 && err_occurred()) {
            /* OSError("raw readinto() failed") from the conversion's error. */
            Value cause = err_fetch();
            Value msg = str_from_cstr("raw readinto() failed");
            Value e = msg ? err_new_exception(&exc_OSError, &msg, 1) : VNULL;
            if (!e) return -1;
            if (exc_check(cause)) {
                ExceptionObject *x = (ExceptionObject *)e;
                GC_WRITE(x, x->cause, cause);
                GC_WRITE(x, x->context, cause);
                x->suppress_context = true;
            }
            err_set_object(e);
            return -1;
        }
        if (r < 0 || r > n) {
            err_format(&exc_OSError, "raw readinto() returned invalid length %zd (should have been between 0 and %zd)",
                       r, n);
            return -1;
        }
        ByteArrayObject *ba = (ByteArrayObject *)mem;
        memcpy(dst, ba->data, (size_t)(r < ba->size ? r : ba->size));
    }
    if (r > 0 && self->b->abs_pos != -1) self->b->abs_pos += r;
    return r;
}

static void raise_blocking(ssize_t written) {
    Value args[3] = {val_from_int(EAGAIN), str_from_cstr("write could not complete without blocking"),
                     int_from_i64(written)};
    Value e = err_new_exception(&exc_BlockingIOError, args, 3);
    if (e) err_set_object(e);
}

static ssize_t raw_write(BufferedObject *self, const char *src, ssize_t n) {
    ssize_t r;
    if (raw_is_fileio(self)) {
        FileIOObject *f = (FileIOObject *)self->raw;
        if (f->fd < 0) {
            err_set(&exc_ValueError, "I/O operation on closed file");
            return -1;
        }
        if (!f->writable) {
            io_unsupported("File not open for writing");
            return -1;
        }
        r = fileio_write_fd(f->fd, src, (size_t)n);
        if (r < 0) return r;
    } else {
        Value data = bytes_new(src, (size_t)n);
        if (!data) return -1;
        Value res = obj_call_method(self->raw, "write", &data, 1);
        if (!res) return -1;
        if (res == VNone) return -2;
        r = num_as_ssize(res, &exc_ValueError);
        if (r == -1 && err_occurred()) return -1;
        if (r < 0 || r > n) {
            err_format(&exc_OSError, "raw write() returned invalid length %zd (should have been between 0 and %zd)", r,
                       n);
            return -1;
        }
    }
    if (r > 0 && self->b->abs_pos != -1) self->b->abs_pos += r;
    return r;
}

/* ---- Flushing ---- */

/* Write the dirty range [write_pos, write_end) and forget it. */
static int flush_unlocked(BufferedObject *self) {
    IoBuf *b = self->b;
    if (!VALID_WRITE(b) || b->write_pos == b->write_end) goto done;
    /* The raw stream may be ahead of the dirty range (after read-ahead): go back to it. */
    ssize_t rewind = RAW_OFFSET(b) + (b->pos - b->write_pos);
    if (rewind != 0) {
        if (raw_seek(self, -rewind, SEEK_CUR) < 0) return -1;
        b->raw_pos -= rewind;
    }
    while (b->write_pos < b->write_end) {
        ssize_t n = raw_write(self, b->data + b->write_pos, b->write_end - b->write_pos);
        if (n == -1) return -1;
        if (n == -2) {
            raise_blocking(0);
            return -1;
        }
        b->write_pos += n;
        b->raw_pos = b->write_pos;
        /* A partial write may be a signal's doing: its handler runs before blocking again. */
        if (b->write_pos < b->write_end && io_check_signals() < 0) return -1;
    }
done:
    /* After this, tell() must not see a write buffer (it would use pos instead of raw_pos). */
    reset_write(b);
    return 0;
}

/* flush(), then bring the raw stream back to the logical position (dropping read-ahead). */
static int flush_and_rewind(BufferedObject *self) {
    if (flush_unlocked(self) < 0) return -1;
    IoBuf *b = self->b;
    if (b->readable) {
        int64_t n = raw_seek(self, -RAW_OFFSET(b), SEEK_CUR);
        reset_read(b);
        if (n < 0) return -1;
    }
    return 0;
}

static bool write_all_quietly(IoBuf *b, int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= (size_t)w;
        if (b->abs_pos != -1) b->abs_pos += w;
    }
    return true;
}

/*
 * The finalizers' and the exit handler's flush: system calls only, no
 * exceptions, no allocation.  Writes the dirty range, then the pending
 * text of a TextIOWrapper over us (which comes after it), and leaves the
 * bookkeeping at "nothing buffered, raw position unknown", which is
 * consistent whatever happened.
 */
static void flush_quietly(IoBuf *b) {
    if (!b->box || b->box->fd < 0) return;
    int fd = b->box->fd;
    bool dirty = VALID_WRITE(b) && b->write_pos < b->write_end;
    bool text = false;
    for (IoPending *p = b->text; p; p = p->next) text |= p->len > 0;
    if (!dirty && !text) return;
    /* Move the descriptor to where the buffered data starts (dirty) or to the logical position. */
    ssize_t target = dirty ? b->write_pos : b->pos;
    if ((VALID_READ(b) || VALID_WRITE(b)) && b->raw_pos >= 0 && b->raw_pos != target) {
        if (lseek(fd, (off_t)(target - b->raw_pos), SEEK_CUR) < 0) return;
    }
    bool ok = true;
    if (dirty) {
        ok = write_all_quietly(b, fd, b->data + b->write_pos, (size_t)(b->write_end - b->write_pos));
        /* Back to the logical position if the dirty range ended before it (read-ahead). */
        if (ok && b->pos != b->write_end && lseek(fd, (off_t)(b->pos - b->write_end), SEEK_CUR) < 0) ok = false;
    }
    for (IoPending *p = b->text; p; p = p->next) {
        if (ok && p->len) ok = write_all_quietly(b, fd, p->data, p->len);
        p->len = 0;
    }
    reset_write(b);
    reset_read(b);
    b->pos = 0;
    b->raw_pos = -1;
    b->abs_pos = -1;
}

void buffered_flush_all_at_exit(void) {
    for (IoBuf *b = writers; b; b = b->next) flush_quietly(b);
}

/* Several wrappers may share a buffer (sys.stdout replaced by a new
 * TextIOWrapper over sys.stdout.buffer): each one's pending text is listed. */
void buffered_attach_text(Value buffered, IoPending *p) {
    IoBuf *b = bo(buffered)->b;
    if (!b || !b->box || p->buf) return;
    p->next = b->text;
    b->text = p;
    p->buf = b;
}

void buffered_detach_text(IoPending *p) {
    if (p->buf) {
        IoPending **link = &p->buf->text;
        while (*link && *link != p) link = &(*link)->next;
        if (*link) *link = p->next;
    }
    p->buf = NULL;
    p->next = NULL;
}

void buffered_text_dying(IoPending *p) {
    IoBuf *b = p->buf;
    if (!b) return;
    flush_quietly(b);
    buffered_detach_text(p);
}

static void iobuf_free(IoBuf *b) {
    if (!b) return;
    if (b->writable) {
        if (b->prev) b->prev->next = b->next;
        else writers = b->next;
        if (b->next) b->next->prev = b->prev;
    }
    for (IoPending *p = b->text, *next; p; p = next) {
        next = p->next;
        p->buf = NULL;
        p->next = NULL;
    }
    io_fd_release(b->box);
    free(b);
}

/* ---- Construction ---- */

static Value buffered_alloc(Type *t, Value *args, size_t nargs, Value kwnames) { return type_generic_alloc(t, 0); }

static void buffered_trace(Object *o) {
    gc_mark(((BufferedObject *)o)->raw);
    inst_trace_attrs(o);
}

static void buffered_finalize(Object *o) {
    BufferedObject *self = (BufferedObject *)o;
    if (!self->b) return;
    flush_quietly(self->b);
    iobuf_free(self->b);
    self->b = NULL;
}

static int buffered_setup(BufferedObject *self, Value raw, ssize_t buffer_size, bool readable, bool writable) {
    if (buffer_size <= 0) {
        err_set(&exc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    self->ok = false;
    self->detached = false;
    if (self->b) {
        flush_quietly(self->b);
        iobuf_free(self->b);
        self->b = NULL;
    }
    IoBuf *b = malloc(sizeof(IoBuf) + (size_t)buffer_size);
    if (!b) {
        err_no_memory();
        return -1;
    }
    memset(b, 0, sizeof(IoBuf));
    b->size = buffer_size;
    b->readable = readable;
    b->writable = writable;
    b->raw_pos = -1;
    b->abs_pos = -1;
    reset_read(b);
    reset_write(b);
    GC_WRITE(self, self->raw, raw);
    self->readable = readable;
    self->writable = writable;
    self->b = b;
    if (raw_is_fileio(self) && ((FileIOObject *)raw)->box) {
        b->box = ((FileIOObject *)raw)->box;
        b->box->refs++;
    }
    if (writable) {
        b->next = writers;
        if (writers) writers->prev = b;
        writers = b;
    }
    /* CPython asks the raw stream for its position at once (and forgives a failure). */
    if (raw_tell(self) < 0) err_clear();
    self->ok = true;
    return 0;
}

static int buffered_parse(const char *fname, Value *args, size_t nargs, Value kwnames, Value *raw, ssize_t *size) {
    static const char *const names[] = {"raw", "buffer_size", NULL};
    Value a[2];
    if (arg_parse(fname, args, nargs, kwnames, names, 0, 1, a) < 0) return -1;
    *raw = a[0];
    *size = IO_DEFAULT_BUFFER_SIZE;
    if (a[1]) {
        *size = num_as_ssize(a[1], &exc_OverflowError);
        if (*size == -1 && err_occurred()) return -1;
    }
    return 0;
}

static int reader_init(Value self, Value *args, size_t nargs, Value kwnames) {
    Value raw;
    ssize_t size;
    bo(self)->ok = false;
    if (buffered_parse("BufferedReader", args, nargs, kwnames, &raw, &size) < 0) return -1;
    if (io_check_readable(raw) < 0) return -1;
    return buffered_setup(bo(self), raw, size, true, false);
}

static int writer_init(Value self, Value *args, size_t nargs, Value kwnames) {
    Value raw;
    ssize_t size;
    bo(self)->ok = false;
    if (buffered_parse("BufferedWriter", args, nargs, kwnames, &raw, &size) < 0) return -1;
    if (io_check_writable(raw) < 0) return -1;
    return buffered_setup(bo(self), raw, size, false, true);
}

static int random_init(Value self, Value *args, size_t nargs, Value kwnames) {
    Value raw;
    ssize_t size;
    bo(self)->ok = false;
    if (buffered_parse("BufferedRandom", args, nargs, kwnames, &raw, &size) < 0) return -1;
    if (io_check_seekable(raw) < 0 || io_check_readable(raw) < 0 || io_check_writable(raw) < 0) return -1;
    return buffered_setup(bo(self), raw, size, true, true);
}

/* For open() and the standard streams. */
Value buffered_new(Type *t, Value raw, ssize_t buffer_size) {
    Value self = type_generic_alloc(t, 0);
    if (!self) return VNULL;
    if (buffered_setup(bo(self), raw, buffer_size, t != &type_buffered_writer, t != &type_buffered_reader) < 0)
        return VNULL;
    return self;
}

/* ---- Reading ---- */

/* Refill the buffer after read_end (or from the start): bytes read, 0 at EOF, -2, -1. */
static ssize_t fill_buffer(BufferedObject *self) {
    IoBuf *b = self->b;
    ssize_t start = VALID_READ(b) ? b->read_end : 0;
    ssize_t n = raw_read(self, b->data + start, b->size - start);
    if (n <= 0) return n;
    b->read_end = start + n;
    b->raw_pos = start + n;
    return n;
}

static Value read_fast(IoBuf *b, ssize_t n) {
    if (n > READAHEAD(b)) return VNone;
    Value r = bytes_new(b->data + b->pos, (size_t)n);
    if (r) b->pos += n;
    return r;
}

static Value read_generic(BufferedObject *self, ssize_t n) {
    IoBuf *b = self->b;
    ssize_t current = READAHEAD(b);
    if (n <= current) return read_fast(b, n);
    BytesObject *res = bytes_alloc((size_t)n);
    if (!res) return VNULL;
    char *out = res->data;
    ssize_t remaining = n, written = 0;
    if (current > 0) {
        memcpy(out, b->data + b->pos, (size_t)current);
        remaining -= current;
        written += current;
        b->pos += current;
    }
    if (b->writable && flush_and_rewind(self) < 0) return VNULL;
    reset_read(b);
    while (remaining > 0) {
        /* Whole blocks straight into the result; the tail goes through the buffer. */
        ssize_t r = minus_last_block(b, remaining);
        if (r == 0) break;
        r = raw_read(self, out + written, r);
        if (r == -1) return VNULL;
        if (r == 0 || r == -2) {
            if (r == 0 || written > 0) return io_bytes_shrink(obj_val(res), (size_t)written);
            return VNone;
        }
        remaining -= r;
        written += r;
    }
    b->pos = 0;
    b->raw_pos = 0;
    b->read_end = 0;
    /* Stop as soon as the request is satisfied: another read could block (a socket, a tty). */
    while (remaining > 0 && b->read_end < b->size) {
        ssize_t r = fill_buffer(self);
        if (r == -1) return VNULL;
        if (r == 0 || r == -2) {
            if (r == 0 || written > 0) return io_bytes_shrink(obj_val(res), (size_t)written);
            return VNone;
        }
        ssize_t take = remaining < r ? remaining : r;
        memcpy(out + written, b->data + b->pos, (size_t)take);
        written += take;
        b->pos += take;
        remaining -= take;
    }
    return obj_val(res);
}

static Value read_all(BufferedObject *self) {
    IoBuf *b = self->b;
    ByteBuilder bb;
    bb_init(&bb);
    ssize_t current = READAHEAD(b);
    if (current > 0) {
        bb_append(&bb, b->data + b->pos, (size_t)current);
        b->pos += current;
    }
    if (b->writable && flush_and_rewind(self) < 0) goto fail;
    reset_read(b);
    if (raw_is_fileio(self) || obj_hasattr(self->raw, str_intern_cstr("readall")) == 1) {
        Value tmp = obj_call_method(self->raw, "readall", NULL, 0);
        if (!tmp) goto fail;
        if (tmp != VNone && !bytes_check(tmp)) {
            err_set(&exc_TypeError, "readall() should return bytes");
            goto fail;
        }
        if (tmp == VNone) {
            if (bb.size == 0) {
                bb_discard(&bb);
                return VNone;
            }
        } else {
            if (bb.size == 0) {
                bb_discard(&bb);
                return tmp;
            }
            bb_append(&bb, bytes_data(tmp), (size_t)bytes_size(tmp));
        }
        b->abs_pos = -1;
        return bb_finish(&bb);
    }
    if (err_occurred()) goto fail;
    for (;;) {
        Value data = obj_call_method(self->raw, "read", NULL, 0);
        if (!data) goto fail;
        if (data != VNone && !bytes_check(data)) {
            err_set(&exc_TypeError, "read() should return bytes");
            goto fail;
        }
        if (data == VNone || bytes_size(data) == 0) {
            if (data == VNone && bb.size == 0) {
                bb_discard(&bb);
                return VNone;
            }
            b->abs_pos = -1;
            return bb_finish(&bb);
        }
        bb_append(&bb, bytes_data(data), (size_t)bytes_size(data));
    }
fail:
    bb_discard(&bb);
    return VNULL;
}

static Value buffered_read(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("read", kw) < 0 || arg_count("read", nargs, 0, 1) < 0) return VNULL;
    BufferedObject *s = bo(self);
    if (check_initialized(s) < 0) return VNULL;
    ssize_t n;
    if (io_size_arg(nargs ? args[0] : VNULL, &n) < 0) return VNULL;
    if (n < -1) {
        err_set(&exc_ValueError, "read length must be non-negative or -1");
        return VNULL;
    }
    if (check_closed(s, "read of closed file") < 0) return VNULL;
    if (n == -1) return read_all(s);
    Value r = read_fast(s->b, n);
    if (r != VNone) return r;
    return read_generic(s, n);
}

static Value buffered_read1(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("read1", kw) < 0 || arg_count("read1", nargs, 0, 1) < 0) return VNULL;
    BufferedObject *s = bo(self);
    if (check_initialized(s) < 0) return VNULL;
    ssize_t n;
    if (io_size_arg(nargs ? args[0] : VNULL, &n) < 0) return VNULL;
    IoBuf *b = s->b;
    if (n < 0) n = b->size;
    if (check_closed(s, "read of closed file") < 0) return VNULL;
    if (n == 0) return bytes_empty();
    /* Buffered bytes if there are any; otherwise one raw read. */
    ssize_t have = READAHEAD(b);
    if (have > 0) return read_fast(b, n < have ? n : have);
    /* CPython 3.11 reads the raw stream directly here, without flushing pending writes first. */
    reset_read(b);
    BytesObject *res = bytes_alloc((size_t)n);
    if (!res) return VNULL;
    ssize_t r = raw_read(s, res->data, n);
    if (r == -1) return VNULL;
    if (r == -2) r = 0;
    return io_bytes_shrink(obj_val(res), (size_t)r);
}

/* readinto()/readinto1() into dst[0, want): the count, -2 (would block), -1 (error). */
static ssize_t readinto_impl(BufferedObject *s, char *dst, ssize_t want, bool one) {
    IoBuf *b = s->b;
    ssize_t written = 0;
    ssize_t have = READAHEAD(b);
    if (have > 0) {
        if (have >= want) {
            memcpy(dst, b->data + b->pos, (size_t)want);
            b->pos += want;
            return want;
        }
        memcpy(dst, b->data + b->pos, (size_t)have);
        b->pos += have;
        written = have;
    }
    if (b->writable && flush_and_rewind(s) < 0) return -1;
    reset_read(b);
    b->pos = 0;
    ssize_t remaining = want - written;
    while (remaining > 0) {
        ssize_t n;
        if (remaining > b->size) {
            /* Big reads go straight into the caller's memory. */
            n = raw_read(s, dst + written, remaining);
        } else if (!(one && written)) {
            n = fill_buffer(s);
            if (n > 0) {
                if (n > remaining) n = remaining;
                memcpy(dst + written, b->data + b->pos, (size_t)n);
                b->pos += n;
                written += n;
                remaining -= n;
                continue;
            }
        } else {
            n = 0;
        }
        if (n == 0 || (n == -2 && written > 0)) break;
        if (n < 0) return n;
        written += n;
        remaining -= n;
        if (one) break;
    }
    return written;
}

static Value readinto_generic(Value self, Value *args, size_t nargs, Value kw, bool one) {
    const char *fname = one ? "readinto1" : "readinto";
    if (arg_no_kw(fname, kw) < 0 || arg_count(fname, nargs, 1, 1) < 0) return VNULL;
    BufferedObject *s = bo(self);
    if (check_initialized(s) < 0) return VNULL;
    Buffer view;
    if (io_get_writable(args[0], &view, fname) < 0) return VNULL;
    ssize_t r = check_closed(s, "readinto of closed file") < 0 ? -1 : readinto_impl(s, view.buf, view.len, one);
    buffer_release(&view);
    if (r == -1) return VNULL;
    if (r == -2) return VNone;
    return int_from_i64(r);
}

static Value buffered_readinto(Value self, Value *args, size_t nargs, Value kw) {
    return readinto_generic(self, args, nargs, kw, false);
}
static Value buffered_readinto1(Value self, Value *args, size_t nargs, Value kw) {
    return readinto_generic(self, args, nargs, kw, true);
}

static Value readline_impl(BufferedObject *s, ssize_t limit) {
    if (check_closed(s, "readline of closed file") < 0) return VNULL;
    IoBuf *b = s->b;
    /* A whole line in the buffer is the common case. */
    ssize_t n = READAHEAD(b);
    if (limit >= 0 && n > limit) n = limit;
    const char *start = b->data + b->pos;
    const char *nl = n > 0 ? memchr(start, '\n', (size_t)n) : NULL;
    if (nl) {
        ssize_t len = nl - start + 1;
        Value r = bytes_new(start, (size_t)len);
        if (r) b->pos += len;
        return r;
    }
    if (n == limit) {
        Value r = bytes_new(start, (size_t)n);
        if (r) b->pos += n;
        return r;
    }
    ByteBuilder bb;
    bb_init(&bb);
    if (n > 0) {
        bb_append(&bb, start, (size_t)n);
        b->pos += n;
    }
    if (limit >= 0) limit -= n;
    if (b->writable && flush_and_rewind(s) < 0) goto fail;
    for (;;) {
        reset_read(b);
        n = fill_buffer(s);
        if (n == -1) goto fail;
        if (n <= 0) break;
        if (limit >= 0 && n > limit) n = limit;
        start = b->data;
        nl = memchr(start, '\n', (size_t)n);
        if (nl) {
            ssize_t len = nl - start + 1;
            bb_append(&bb, start, (size_t)len);
            b->pos = len;
            break;
        }
        bb_append(&bb, start, (size_t)n);
        b->pos = n;
        if (n == limit) break;
        if (limit >= 0) limit -= n;
    }
    return bb_finish(&bb);
fail:
    bb_discard(&bb);
    return VNULL;
}

static Value buffered_readline(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"size", NULL};
    Value a[1];
    ssize_t limit;
    if (arg_parse("readline", args, nargs, kwnames, names, 1, 0, a) < 0 || io_size_arg(a[0], &limit) < 0)
        return VNULL;
    if (check_initialized(bo(self)) < 0) return VNULL;
    return readline_impl(bo(self), limit);
}

static Value buffered_peek(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("peek", kw) < 0 || arg_count("peek", nargs, 0, 1) < 0) return VNULL;
    BufferedObject *s = bo(self);
    if (check_initialized(s) < 0) return VNULL;
    if (nargs && num_as_ssize(args[0], &exc_OverflowError) == -1 && err_occurred()) return VNULL;
    if (check_closed(s, "peek of closed file") < 0) return VNULL;
    IoBuf *b = s->b;
    if (b->writable && flush_and_rewind(s) < 0) return VNULL;
    ssize_t have = READAHEAD(b);
    if (have > 0) return bytes_new(b->data + b->pos, (size_t)have);
    reset_read(b);
    ssize_t r = fill_buffer(s);
    if (r == -1) return VNULL;
    if (r == -2) r = 0;
    b->pos = 0;
    return bytes_new(b->data, (size_t)r);
}

static Value buffered_iternext(Value self) {
    Type *t = val_type(self);
    Value line;
    if (t == &type_buffered_reader || t == &type_buffered_random) {
        if (check_initialized(bo(self)) < 0) return VNULL;
        line = readline_impl(bo(self), -1);
    } else {
        line = obj_call_method(self, "readline", NULL, 0);
        if (line && !bytes_check(line)) {
            err_format(&exc_OSError, "readline() should have returned a bytes object, not '%s'", type_name(line));
            return VNULL;
        }
    }
    if (!line || bytes_size(line) == 0) return VNULL;
    return line;
}

/* ---- The object lock ----
 * A method may release the GIL in the middle of its bookkeeping (a raw
 * read or write), so each method holds the object for its whole run, as
 * CPython's ENTER_BUFFERED does: another thread waits, the same thread
 * coming back in (a signal handler printing) gets CPython's RuntimeError. */

static int buffered_enter(Value self) {
    BufferedObject *s = bo(self);
    ThreadState *me = ts;
    if (!s->owner) {
        s->owner = me;
        return 0;
    }
    if (s->owner == me) {
        err_format(&exc_RuntimeError, "reentrant call inside %R", self);
        return -1;
    }
    while (s->owner) {
        uint32_t seen = s->lock_seq;
        s->lock_waiters++;
        gil_wait_word(&s->lock_seq, seen, -1);
        s->lock_waiters--;
    }
    s->owner = me;
    return 0;
}

static void buffered_leave(Value self) {
    BufferedObject *s = bo(self);
    s->owner = NULL;
    if (s->lock_waiters) gil_wake_word(&s->lock_seq, 1);
}

#define LOCKED(name)                                                                  \
    static Value name##_locked(Value self, Value *args, size_t nargs, Value kw) {     \
        if (buffered_enter(self) < 0) return VNULL;                                   \
        Value r = name(self, args, nargs, kw);                                        \
        buffered_leave(self);                                                         \
        return r;                                                                     \
    }

/* ---- Writing ---- */

static Value write_bytes_unlocked(Value self, const char *data, size_t len);

Value buffered_write_bytes(Value self, const char *data, size_t len) {
    if (buffered_enter(self) < 0) return VNULL;
    Value r = write_bytes_unlocked(self, data, len);
    buffered_leave(self);
    return r;
}

static Value write_bytes_unlocked(Value self, const char *data, size_t len) {
    BufferedObject *s = bo(self);
    if (check_initialized(s) < 0) return VNULL;
    int c = raw_closed(s);
    if (c < 0) return VNULL;
    if (c) {
        err_set(&exc_ValueError, "write to closed file");
        return VNULL;
    }
    IoBuf *b = s->b;
    ssize_t n = (ssize_t)len;
    if (!VALID_READ(b) && !VALID_WRITE(b)) {
        b->pos = 0;
        b->raw_pos = 0;
    }
    ssize_t avail = b->size - b->pos;
    if (n <= avail) {
        memcpy(b->data + b->pos, data, len);
        if (!VALID_WRITE(b) || b->write_pos > b->pos) b->write_pos = b->pos;
        adjust_position(b, b->pos + n);
        if (b->pos > b->write_end) b->write_end = b->pos;
        return int_from_i64(n);
    }
    /* It does not fit: write out what is buffered, then the data itself. */
    if (flush_unlocked(s) < 0) {
        /* A non-blocking raw stream took part of the buffer: keep the rest,
         * moved to the front, and buffer as much of the data as fits. */
        if (!err_matches(&exc_BlockingIOError)) return VNULL;
        if (b->readable) reset_read(b);
        memmove(b->data, b->data + b->write_pos, (size_t)(b->write_end - b->write_pos));
        b->write_end -= b->write_pos;
        b->raw_pos -= b->write_pos;
        b->pos -= b->write_pos;
        b->write_pos = 0;
        avail = b->size - b->write_end;
        ssize_t take = n <= avail ? n : avail;
        memcpy(b->data + b->write_end, data, (size_t)take);
        b->write_end += take;
        b->pos += take;
        err_clear();
        if (n <= avail) return int_from_i64(n);
        raise_blocking(avail);
        return VNULL;
    }
    /* Read-ahead that was not modified left the raw stream past the logical position. */
    ssize_t offset = RAW_OFFSET(b);
    if (offset != 0) {
        if (raw_seek(s, -offset, SEEK_CUR) < 0) return VNULL;
        b->raw_pos -= offset;
    }
    ssize_t remaining = n, written = 0;
    while (remaining > b->size) {
        ssize_t w = raw_write(s, data + written, n - written);
        if (w == -1) return VNULL;
        if (w == -2) {
            /* The raw stream would block: buffer what fits, report all that was taken. */
            memcpy(b->data, data + written, (size_t)b->size);
            b->raw_pos = 0;
            b->write_pos = 0;
            adjust_position(b, b->size);
            b->write_end = b->size;
            written += b->size;
            raise_blocking(written);
            return VNULL;
        }
        written += w;
        remaining -= w;
        if (remaining > b->size && io_check_signals() < 0) return VNULL;
    }
    if (b->readable) reset_read(b);
    reset_write(b);
    if (remaining > 0) {
        memcpy(b->data, data + written, (size_t)remaining);
        written += remaining;
    }
    b->write_pos = 0;
    b->write_end = remaining;
    adjust_position(b, remaining);
    b->raw_pos = 0;
    return int_from_i64(written);
}

static Value buffered_write(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("write", kw) < 0 || arg_count("write", nargs, 1, 1) < 0) return VNULL;
    const char *data;
    size_t n;
    if (!bytes_get_buffer(args[0], &data, &n)) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(args[0]));
        return VNULL;
    }
    /* The buffer of a bytearray argument may move if the raw stream's Python code resizes it; copy first. */
    if (!bytes_check(args[0])) {
        Value copy = bytes_new(data, n);
        if (!copy) return VNULL;
        return write_bytes_unlocked(self, bytes_data(copy), n);
    }
    return write_bytes_unlocked(self, data, n);
}

Value buffered_flush_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("flush", kw) < 0 || arg_count("flush", nargs, 0, 0) < 0) return VNULL;
    BufferedObject *s = bo(self);
    if (check_initialized(s) < 0) return VNULL;
    int c = raw_closed(s);
    if (c < 0) return VNULL;
    if (c) {
        err_set(&exc_ValueError, "flush of closed file");
        return VNULL;
    }
    return flush_and_rewind(s) < 0 ? VNULL : VNone;
}

/* BufferedReader.flush() passes the call down. */
static Value reader_flush(Value self, Value *args, size_t nargs, Value kw) {
    if (check_initialized(bo(self)) < 0) return VNULL;
    return obj_call_method(bo(self)->raw, "flush", NULL, 0);
}

/* ---- Positioning ---- */

static Value buffered_seek(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("seek", kw) < 0 || arg_count("seek", nargs, 1, 2) < 0) return VNULL;
    BufferedObject *s = bo(self);
    if (check_initialized(s) < 0) return VNULL;
    int64_t whence = 0;
    if (nargs > 1) {
        if (!int_check(args[1])) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
            return VNULL;
        }
        whence = int_as_i64(args[1]);
        if (whence == -1 && err_occurred()) return VNULL;
    }
    if (whence < 0 || whence > 4) {
        err_format(&exc_ValueError, "whence value %d unsupported", (int)whence);
        return VNULL;
    }
    if (check_closed(s, "seek of closed file") < 0) return VNULL;
    if (raw_is_fileio(s)) {
        FileIOObject *f = (FileIOObject *)s->raw;
        if (f->seekable < 0) f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
        if (!f->seekable) {
            io_unsupported("File or stream is not seekable.");
            return VNULL;
        }
    } else if (io_check_seekable(s->raw) < 0) {
        return VNULL;
    }
    Value ti = num_index(args[0]);
    if (!ti) return VNULL;
    int64_t target = int_as_i64(ti);
    if (target == -1 && err_occurred()) return VNULL;
    IoBuf *b = s->b;
    /* Inside the current read-ahead: just move pos (not for SEEK_END). */
    if ((whence == 0 || whence == 1) && b->readable) {
        int64_t current = raw_tell_cached(s);
        if (current < 0) return VNULL;
        ssize_t avail = READAHEAD(b);
        if (avail > 0) {
            int64_t offset = whence == 0 ? target - (current - RAW_OFFSET(b)) : target;
            if (offset >= -b->pos && offset <= avail) {
                b->pos += (ssize_t)offset;
                return int_from_i64(current - avail + offset);
            }
        }
    }
    if (b->writable && flush_unlocked(s) < 0) return VNULL;
    if (whence == 1) target -= RAW_OFFSET(b);
    int64_t n = raw_seek(s, target, (int)whence);
    if (n < 0) return VNULL;
    b->raw_pos = -1;
    if (b->readable) reset_read(b);
    return int_from_i64(n);
}

static Value buffered_tell(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("tell", kw) < 0 || arg_count("tell", nargs, 0, 0) < 0) return VNULL;
    BufferedObject *s = bo(self);
    if (check_initialized(s) < 0) return VNULL;
    int64_t pos = raw_tell(s);
    if (pos < 0) return VNULL;
    pos -= RAW_OFFSET(s->b);
    if (pos < 0) pos = 0;
    return int_from_i64(pos);
}

static Value buffered_truncate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("truncate", kw) < 0 || arg_count("truncate", nargs, 0, 1) < 0) return VNULL;
    BufferedObject *s = bo(self);
    if (check_initialized(s) < 0) return VNULL;
    if (check_closed(s, "truncate of closed file") < 0) return VNULL;
    if (!s->writable) {
        io_unsupported("truncate");
        return VNULL;
    }
    if (flush_and_rewind(s) < 0) return VNULL;
    Value pos = nargs ? args[0] : VNone;
    Value r = obj_call_method(s->raw, "truncate", &pos, 1);
    if (!r) return VNULL;
    if (raw_tell(s) < 0) err_clear();
    return r;
}

/* ---- Closing, detaching, queries ---- */

static Value buffered_dealloc_warn(Value self, Value *args, size_t nargs, Value kw);

static Value buffered_close(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("close", kw) < 0 || arg_count("close", nargs, 0, 0) < 0) return VNULL;
    BufferedObject *s = bo(self);
    if (check_initialized(s) < 0) return VNULL;
    int c = raw_closed(s);
    if (c < 0) return VNULL;
    if (c) return VNone;
    if (s->finalizing) {
        Value w = buffered_dealloc_warn(self, &self, 1, VNULL);
        if (!w) err_clear();
    }
    /* flush() takes the object lock itself: only the rest holds it here. */
    Value r = obj_call_method(self, "flush", NULL, 0);
    Value exc = r ? VNULL : err_fetch();
    if (buffered_enter(self) < 0) return VNULL;
    r = obj_call_method(s->raw, "close", NULL, 0);
    if (s->b) {
        reset_read(s->b);
        reset_write(s->b);
    }
    buffered_leave(self);
    if (exc) {
        if (!r) {
            /* Chain as CPython does: the close error's context is the flush error. */
            Value e2 = err_fetch();
            if (e2 && exc_check(e2)) {
                obj_setattr_cstr(e2, "__context__", exc);
                err_restore(e2);
                return VNULL;
            }
        }
        err_restore(exc);
        return VNULL;
    }
    return r ? VNone : VNULL;
}

static Value buffered_detach(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("detach", kw) < 0 || arg_count("detach", nargs, 0, 0) < 0) return VNULL;
    BufferedObject *s = bo(self);
    if (check_initialized(s) < 0) return VNULL;
    if (!obj_call_method(self, "flush", NULL, 0)) return VNULL;
    Value raw = s->raw;
    GC_WRITE(s, s->raw, VNone);
    s->detached = true;
    s->ok = false;
    if (s->b) {
        iobuf_free(s->b);
        s->b = NULL;
    }
    return raw;
}

static Value pass_down(Value self, const char *method) {
    if (check_initialized(bo(self)) < 0) return VNULL;
    return obj_call_method(bo(self)->raw, method, NULL, 0);
}

static Value buffered_fileno(Value self, Value *args, size_t nargs, Value kw) { return pass_down(self, "fileno"); }
static Value buffered_isatty(Value self, Value *args, size_t nargs, Value kw) { return pass_down(self, "isatty"); }
static Value buffered_seekable(Value self, Value *args, size_t nargs, Value kw) { return pass_down(self, "seekable"); }
static Value buffered_readable(Value self, Value *args, size_t nargs, Value kw) { return pass_down(self, "readable"); }
static Value buffered_writable(Value self, Value *args, size_t nargs, Value kw) { return pass_down(self, "writable"); }

/* _dealloc_warn(source): the raw stream warns about an unclosed file, naming source. */
static Value buffered_dealloc_warn(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_dealloc_warn", kw) < 0 || arg_count("_dealloc_warn", nargs, 1, 1) < 0) return VNULL;
    BufferedObject *s = bo(self);
    if (s->ok && s->raw) {
        Value r = obj_call_method(s->raw, "_dealloc_warn", args, 1);
        if (!r) err_clear();
    }
    return VNone;
}

static Value buffered_getstate(Value self, Value *args, size_t nargs, Value kw) {
    err_format(&exc_TypeError, "cannot pickle '%s' object", val_type(self)->name);
    return VNULL;
}

static Value buffered_sizeof(Value self, Value *args, size_t nargs, Value kw) {
    size_t n = val_type(self)->basicsize;
    if (bo(self)->b) n += (size_t)bo(self)->b->size;
    return int_from_i64((int64_t)n);
}

static Value raw_attr(Value self, const char *name) {
    if (check_initialized(bo(self)) < 0) return VNULL;
    return obj_getattr_cstr(bo(self)->raw, name);
}

static Value buffered_get_closed(Value self) { return raw_attr(self, "closed"); }
static Value buffered_get_name(Value self) { return raw_attr(self, "name"); }
static Value buffered_get_mode(Value self) { return raw_attr(self, "mode"); }
static Value buffered_get_raw(Value self) { return bo(self)->raw ? bo(self)->raw : VNone; }
static Value buffered_get_finalizing(Value self) { return val_bool(bo(self)->finalizing); }
static int buffered_put_finalizing(Value self, Value v) { return io_bool_member(v, &bo(self)->finalizing); }

static Value buffered_repr(Value self) {
    const char *tn = val_type(self)->name;
    Value name = obj_getattr_opt(self, str_intern_cstr("name"));
    if (!name) {
        /* A detached or uninitialized object raises ValueError: no name then. */
        if (err_occurred()) {
            if (!err_matches(&exc_ValueError)) return VNULL;
            err_clear();
        }
        return str_printf("<%s>", tn);
    }
    if (err_enter_recursive(" while getting the repr of an object") < 0) {
        err_clear();
        err_format(&exc_RuntimeError, "reentrant call inside %s.__repr__", tn);
        return VNULL;
    }
    Value r = str_printf("<%s name=%R>", tn, name);
    err_leave_recursive();
    return r;
}

/* A reader has no writable() of its own (nor a writer readable()): _IOBase's answers False. */
#define COMMON_METHODS                                                                       \
    {"close", buffered_close, 0, NULL}, {"detach", buffered_detach, 0, NULL},                 \
    {"seekable", buffered_seekable, 0, NULL}, {"fileno", buffered_fileno, 0, NULL},           \
    {"isatty", buffered_isatty, 0, NULL}, {"_dealloc_warn", buffered_dealloc_warn, 0, NULL},  \
    {"seek", buffered_seek_locked, 0, NULL}, {"tell", buffered_tell_locked, 0, NULL},                       \
    {"truncate", buffered_truncate_locked, 0, NULL}, {"__sizeof__", buffered_sizeof, 0, NULL},       \
    {"__getstate__", buffered_getstate, 0, NULL}

#define READ_METHODS                                                                         \
    {"read", buffered_read_locked, 0, NULL}, {"peek", buffered_peek_locked, 0, NULL},                       \
    {"read1", buffered_read1_locked, 0, NULL}, {"readinto", buffered_readinto_locked, 0, NULL},             \
    {"readinto1", buffered_readinto1_locked, 0, NULL}, {"readline", buffered_readline_locked, 0, NULL}

LOCKED(buffered_seek) LOCKED(buffered_tell)
LOCKED(buffered_truncate) LOCKED(buffered_read) LOCKED(buffered_peek) LOCKED(buffered_read1)
LOCKED(buffered_readinto) LOCKED(buffered_readinto1) LOCKED(buffered_readline) LOCKED(buffered_write)
LOCKED(buffered_flush_m)

static const MethodDef reader_methods[] = {
    COMMON_METHODS, READ_METHODS, {"readable", buffered_readable, 0, NULL}, {"flush", reader_flush, 0, NULL}, {NULL}};
static const MethodDef writer_methods[] = {
    COMMON_METHODS, {"writable", buffered_writable, 0, NULL}, {"write", buffered_write_locked, 0, NULL},
    {"flush", buffered_flush_m_locked, 0, NULL}, {NULL}};
static const MethodDef random_methods[] = {
    COMMON_METHODS, READ_METHODS, {"readable", buffered_readable, 0, NULL}, {"writable", buffered_writable, 0, NULL},
    {"write", buffered_write_locked, 0, NULL}, {"flush", buffered_flush_m_locked, 0, NULL}, {NULL}};

static const GetSetDef buffered_getsets[] = {
    {"closed", buffered_get_closed, NULL, NULL},
    {"name", buffered_get_name, NULL, NULL},
    {"mode", buffered_get_mode, NULL, NULL},
    {"raw", buffered_get_raw, NULL, NULL},
    {"_finalizing", buffered_get_finalizing, buffered_put_finalizing, NULL},
    {NULL}
};

#define BUFFERED_TYPE(cname, pyname, initfn, meths, iternextfn, docstr)   \
    Type cname = {                                                         \
        .hdr = {0, &type_type},                                            \
        .name = pyname,                                                    \
        .base = &type_bufferediobase,                                      \
        .basicsize = sizeof(BufferedObject),                               \
        .attrs_offset = sizeof(BufferedObject),                            \
        .flags = TF_BASETYPE | TF_WEAKREFABLE | TF_HAS_DEL,                \
        .del = io_stream_del,                                              \
        .trace = buffered_trace,                                           \
        .finalize = buffered_finalize,                                     \
        .new = buffered_alloc,                                             \
        .init = initfn,                                                    \
        .repr = buffered_repr,                                             \
        .iternext = iternextfn,                                            \
        .methods = meths,                                                  \
        .getsets = buffered_getsets,                                       \
        .doc = docstr,                                                     \
    }

BUFFERED_TYPE(type_buffered_reader, "_io.BufferedReader", reader_init, reader_methods, buffered_iternext,
              "Create a new buffered reader using the given readable raw IO object.");
BUFFERED_TYPE(type_buffered_writer, "_io.BufferedWriter", writer_init, writer_methods, NULL,
              "A buffer for a writeable sequential RawIO object.");
BUFFERED_TYPE(type_buffered_random, "_io.BufferedRandom", random_init, random_methods, buffered_iternext,
              "A buffered interface to random access streams.");

/* ---- BufferedRWPair ---- */

static inline RWPairObject *rwp(Value v) { return (RWPairObject *)v; }

static void rwpair_trace(Object *o) {
    gc_mark(((RWPairObject *)o)->reader);
    gc_mark(((RWPairObject *)o)->writer);
    inst_trace_attrs(o);
}

static int rwpair_init(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("BufferedRWPair", kwnames) < 0 || arg_count("BufferedRWPair", nargs, 2, 3) < 0) return -1;
    ssize_t size = IO_DEFAULT_BUFFER_SIZE;
    if (nargs > 2) {
        size = num_as_ssize(args[2], &exc_OverflowError);
        if (size == -1 && err_occurred()) return -1;
    }
    if (io_check_readable(args[0]) < 0 || io_check_writable(args[1]) < 0) return -1;
    Value r = buffered_new(&type_buffered_reader, args[0], size);
    if (!r) return -1;
    Value w = buffered_new(&type_buffered_writer, args[1], size);
    if (!w) return -1;
    GC_WRITE(self, rwp(self)->reader, r);
    GC_WRITE(self, rwp(self)->writer, w);
    return 0;
}

static Value rwpair_forward(Value self, bool to_writer, const char *method, Value *args, size_t nargs, Value kw) {
    Value target = to_writer ? rwp(self)->writer : rwp(self)->reader;
    if (!target) {
        err_set(&exc_ValueError, "I/O operation on uninitialized object");
        return VNULL;
    }
    Value m = obj_getattr_cstr(target, method);
    if (!m) return VNULL;
    return obj_call(m, args, nargs, kw);
}

#define RWPAIR_FORWARD(fn, w, name) \
    static Value fn(Value self, Value *args, size_t nargs, Value kw) { return rwpair_forward(self, w, name, args, nargs, kw); }
RWPAIR_FORWARD(rwpair_read, false, "read")
RWPAIR_FORWARD(rwpair_peek, false, "peek")
RWPAIR_FORWARD(rwpair_read1, false, "read1")
RWPAIR_FORWARD(rwpair_readinto, false, "readinto")
RWPAIR_FORWARD(rwpair_readinto1, false, "readinto1")
RWPAIR_FORWARD(rwpair_readable, false, "readable")
RWPAIR_FORWARD(rwpair_write, true, "write")
RWPAIR_FORWARD(rwpair_flush, true, "flush")
RWPAIR_FORWARD(rwpair_writable, true, "writable")

static Value rwpair_close(Value self, Value *args, size_t nargs, Value kw) {
    Value r = rwpair_forward(self, true, "close", NULL, 0, VNULL);
    Value exc = r ? VNULL : err_fetch();
    r = rwpair_forward(self, false, "close", NULL, 0, VNULL);
    if (exc) {
        /* Both failed: the reader's error is raised, the writer's is its context. */
        if (!r) {
            Value e2 = err_fetch();
            ExceptionObject *x = (ExceptionObject *)e2;
            if (exc_check(e2) && e2 != exc && !x->context) GC_WRITE(x, x->context, exc);
            err_restore(e2);
            return VNULL;
        }
        err_restore(exc);
        return VNULL;
    }
    return r;
}

static Value rwpair_isatty(Value self, Value *args, size_t nargs, Value kw) {
    Value r = rwpair_forward(self, true, "isatty", NULL, 0, VNULL);
    if (r != VFalse) return r;
    return rwpair_forward(self, false, "isatty", NULL, 0, VNULL);
}

static Value rwpair_get_closed(Value self) {
    if (!rwp(self)->writer) {
        err_set(&exc_RuntimeError, "the BufferedRWPair object is being garbage-collected");
        return VNULL;
    }
    return obj_getattr_cstr(rwp(self)->writer, "closed");
}

static const MethodDef rwpair_methods[] = {
    {"read", rwpair_read, 0, NULL},
    {"peek", rwpair_peek, 0, NULL},
    {"read1", rwpair_read1, 0, NULL},
    {"readinto", rwpair_readinto, 0, NULL},
    {"readinto1", rwpair_readinto1, 0, NULL},
    {"write", rwpair_write, 0, NULL},
    {"flush", rwpair_flush, 0, NULL},
    {"readable", rwpair_readable, 0, NULL},
    {"writable", rwpair_writable, 0, NULL},
    {"close", rwpair_close, 0, NULL},
    {"isatty", rwpair_isatty, 0, NULL},
    {NULL}
};

static const GetSetDef rwpair_getsets[] = {
    {"closed", rwpair_get_closed, NULL, NULL},
    {NULL}
};

Type type_buffered_rwpair = {
    .hdr = {0, &type_type},
    .name = "_io.BufferedRWPair",
    .base = &type_bufferediobase,
    .basicsize = sizeof(RWPairObject),
    .attrs_offset = sizeof(RWPairObject),
    .flags = TF_BASETYPE | TF_WEAKREFABLE | TF_HAS_DEL,
    .del = io_stream_del,
    .trace = rwpair_trace,
    .new = buffered_alloc,
    .init = rwpair_init,
    .methods = rwpair_methods,
    .getsets = rwpair_getsets,
    .doc = "A buffered reader and writer object together.",
};
