/* io.h - the _io module's object layouts and the helpers its files share (io_*.c). */
#ifndef TAIPAN_IO_H
#define TAIPAN_IO_H

#include "../objects/object.h"
#include "../objects/instance.h"
#include "../objects/buffer.h"

/*
 * The layers, as in CPython:
 *
 *   TextIOWrapper (io_textio.c)   str <-> bytes, newlines, tell cookies
 *        |
 *   BufferedReader/Writer/Random (io_buffered.c), BufferedRWPair
 *        |
 *   FileIO (io_fileio.c)          a file descriptor
 *
 * plus the in-memory streams BytesIO (io_bytesio.c) and StringIO
 * (io_stringio.c), the abstract bases _IOBase, _RawIOBase,
 * _BufferedIOBase and _TextIOBase (io_base.c), and open() (io_module.c).
 * Each layer talks to the one below through ordinary method calls, so any
 * Python object with the right methods can stand in for it; when the
 * object below is exactly one of our C types the call is made directly in
 * C (the "fast paths").
 *
 * Every io object has instance attributes (`f.mode` is one, set by
 * open()), kept in the hidden-class slots after the C struct
 * (attrs_offset = sizeof the struct).
 */

#define IO_DEFAULT_BUFFER_SIZE 8192

/*
 * The file descriptor a FileIO shares with the buffered objects over it.
 * It lives in malloc'd memory so that C finalizers, which run in the
 * collector in no particular order, can still flush a dying
 * BufferedWriter's data to the descriptor after its FileIO has died too:
 * the descriptor is closed when the last holder lets go.
 */
typedef struct IoFd {
    int fd;                  /* -1 once closed */
    int refs;                /* the FileIO and the buffered objects using it */
    bool close_on_release;   /* the FileIO died owning the fd: close it at refs == 0 */
} IoFd;

void io_fd_release(IoFd *box);     /* refs--, closing and freeing at zero */

/* ---- Object layouts (AttrHeader follows each) ---- */

typedef struct FileIOObject {
    Object hdr;
    IoFd *box;               /* NULL before __init__ */
    int fd;                  /* mirror of box->fd: -1 when closed */
    bool created, readable, writable, appending, closefd, finalizing;
    signed char seekable;    /* -1: not known yet */
    long blksize;
} FileIOObject;

typedef struct IoBuf IoBuf;  /* the malloc'd buffer state (io_buffered.c) */
typedef struct BufferedObject {
    Object hdr;
    Value raw;
    IoBuf *b;
    bool readable, writable, ok, detached, finalizing;
    /* One thread at a time inside a method (the raw I/O releases the GIL):
     * the owner, and a futex word for the others (io_buffered.c). */
    struct ThreadState *owner;
    uint32_t lock_seq, lock_waiters;
} BufferedObject;

typedef struct RWPairObject {
    Object hdr;
    Value reader, writer;
} RWPairObject;

typedef struct BytesIOObject {
    Object hdr;
    char *buf;               /* malloc'd */
    size_t size, cap, pos;
    ssize_t exports;         /* buffers lent out by getbuffer(): no resizing meanwhile */
    bool closed;
} BytesIOObject;

extern Type type_iobase, type_rawiobase, type_bufferediobase, type_textiobase;
extern Type type_fileio, type_bytesio, type_stringio;
extern Type type_buffered_reader, type_buffered_writer, type_buffered_random, type_buffered_rwpair;
extern Type type_textiowrapper, type_nldecoder;

/* io.UnsupportedOperation, a heap type deriving from OSError and ValueError. */
extern Value io_unsupported_operation;

/* ---- Helpers (io_module.c, io_base.c, io_fileio.c) ---- */

void io_ready_types(void);
Value io_module_init(void);
void io_unsupported(const char *msg);              /* raise UnsupportedOperation(msg) */
void io_err_closed(void);                          /* ValueError: I/O operation on closed file. */
int io_check_closed(Value self);                   /* via self.closed; -1 with ValueError if closed */
int io_iobase_closed(Value self);                  /* the __IOBase_closed flag: 1, 0 */
int io_check_readable(Value self);                 /* self.readable() is True, or UnsupportedOperation */
int io_check_writable(Value self);
int io_check_seekable(Value self);
Value io_iobase_close(Value self);                 /* _IOBase.close(self) */
void io_stream_del(Value self);
int io_bool_member(Value v, bool *field);          /* setter of a bool attribute such as _finalizing */                    /* the collector's del hook: close if open */
Value io_fspath(Value file);                       /* os.fspath() */
Value io_default_encoding(void);                   /* what encoding=None means for text files */
extern int io_dev_mode;                            /* -X dev: errors= names checked at once */
int io_warn_encoding_not_specified(ssize_t stacklevel);   /* EncodingWarning under -X warn_default_encoding */
/* readinto()'s argument: a writable, contiguous buffer of v, to give back
 * with buffer_release(); -1 with CPython's TypeError naming fname. */
int io_get_writable(Value v, Buffer *view, const char *fname);
/* An int argument that may be None (meaning -1), as CPython's _Py_convert_optional_to_ssize_t. */
int io_size_arg(Value v, ssize_t *out);
/* Shrink a fresh bytes object to n bytes (copying when that saves much memory). */
Value io_bytes_shrink(Value b, size_t n);

/* FileIO's C interface for the buffered fast paths (io_fileio.c). */
ssize_t fileio_read_fd(int fd, char *buf, size_t n);   /* -2: would block; -1: error */
ssize_t fileio_write_fd(int fd, const char *buf, size_t n);
int64_t fileio_seek_fd(int fd, int64_t pos, int whence);
Value fileio_new_fd(int fd, const char *mode, bool closefd, Value name);

/*
 * Encoded text a TextIOWrapper has not yet handed to its buffer
 * (malloc'd).  When the buffer is one of our Buffered objects over a
 * FileIO, the buffer's IoBuf points here too, so that the exit handler
 * and the finalizers can write it out after the buffer's own data.
 */
typedef struct IoPending {
    char *data;
    size_t len, cap;
    IoBuf *buf;              /* the IoBuf listing this one, or NULL */
    struct IoPending *next;  /* the IoBuf's next wrapper */
} IoPending;

/* Buffered C interface for open() and the text layer (io_buffered.c). */
Value buffered_new(Type *t, Value raw, ssize_t buffer_size);
Value buffered_write_bytes(Value self, const char *data, size_t n); /* int written, or VNULL */
void buffered_flush_all_at_exit(void);
void buffered_attach_text(Value buffered, IoPending *p);
void buffered_detach_text(IoPending *p);
void buffered_text_dying(IoPending *p);           /* a finalizer: write p out, detach it */

/* ---- Codecs and newlines (io_codec.c) ---- */

enum { IO_UTF8, IO_ASCII, IO_LATIN1, IO_UTF8_SIG, IO_UTF16, IO_UTF16_LE, IO_UTF16_BE, IO_UTF32, IO_UTF32_LE,
       IO_UTF32_BE };

/* An incremental decoder, optionally inside an IncrementalNewlineDecoder. */
typedef struct IoDecoder {
    int codec;
    int flags;               /* the codec's own getstate() flag */
    int npend;
    unsigned char pend[4];   /* an incomplete sequence held for the next call */
    bool nl, translate, pendingcr;
    int seennl;
} IoDecoder;

typedef struct IoEncoder {
    int codec;
    bool bom_pending;        /* utf-8-sig, utf-16, utf-32: the next encode starts with a BOM */
} IoEncoder;

int io_codec_lookup(Value encoding);               /* IO_*, or -1 with LookupError */
void iodec_init(IoDecoder *d, int codec, bool nl, bool translate);
void iodec_reset(IoDecoder *d);
Value iodec_decode(IoDecoder *d, const char *data, size_t n, bool final, const char *errors);
int iodec_getstate(const IoDecoder *d, const char **buf, size_t *n);   /* returns the flags */
void iodec_setstate(IoDecoder *d, const char *buf, size_t n, int flags);
void ioenc_init(IoEncoder *e, int codec);
void ioenc_reset(IoEncoder *e);
Value ioenc_encode(IoEncoder *e, Value text, const char *errors);

enum { IO_SEEN_LF = 1, IO_SEEN_CR = 2, IO_SEEN_CRLF = 4 };
Value io_newlines_value(int seennl);               /* the `newlines` attribute for these flags */
/* IncrementalNewlineDecoder's core on decoded text: CR retention, counting, translation. */
Value io_nl_decode(Value text, bool translate, bool final, bool *pendingcr, int *seennl);
/* Replace each "\n" in text by nl ("\r" or "\r\n"). */
Value io_nl_encode(Value text, const char *nl);
/* Where the first line of s ends (byte offset just past its terminator), or -1; then
 * *consumed says how much of s may be set aside without splitting a terminator. */
ssize_t io_find_line_end(const char *s, size_t size, bool translated, bool universal, const char *readnl,
                         size_t *consumed);
/* Check a newline value (None, "", "\n", "\r", "\r\n"); fname NULL gives StringIO's message. */
int io_check_newline(Value newline, const char *fname);

/* ---- The standard streams for sys (io_module.c) ---- */

Value io_std_stream(int fd, const char *name);   /* None if fd is not open */
extern int io_stdio_unbuffered;   /* -u: 1; -E without -u: 0; else -1 (consult PYTHONUNBUFFERED) */

/* Run the due Python signal handlers (main thread): -1 with a handler's exception. */
int io_check_signals(void);

#endif
