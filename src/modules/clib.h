/* clib.h - helpers shared by the modules over Debian's C libraries (zlib, _bz2, _lzma, _hashlib, _sqlite3, pyexpat). */
#ifndef TAIPAN_CLIB_H
#define TAIPAN_CLIB_H

#include "../objects/object.h"
#include "../objects/buffer.h"

/*
 * Argument converters with Argument Clinic's messages: an int through
 * __index__ ("'float' object cannot be interpreted as an integer"), then
 * "Python int too large to convert to C int" / "... C ssize_t" when it does
 * not fit.  0, or -1 with an exception.
 */
int clib_int(Value v, int *out);
int clib_ssize(Value v, ssize_t *out);
int clib_i64(Value v, int64_t *out);
int clib_u32(Value v, uint32_t *out);       /* OverflowError for negatives and > 2**32-1 */
/* An int reduced modulo 2**bits (CPython's bitwise unsigned converters). */
int clib_umask(Value v, int bits, uint64_t *out);
/* CPython's _PyLong_UnsignedLong(Long)_Converter: ValueError "value must be
 * positive" for a negative int, TypeError "an integer is required" for a
 * non-int, OverflowError `overflow` beyond 2**64-1. */
int clib_unsigned(Value v, uint64_t *out, const char *overflow);
/* A truth value (Argument Clinic's bool converter: any object). */
int clib_bool(Value v, bool *out);

/* A C-contiguous, read-only view of any bytes-like object (PyBUF_SIMPLE):
 * TypeError "a bytes-like object is required, not 'str'" otherwise. */
int clib_buffer(Value v, Buffer *view);

/* A new exception class `module.name` deriving from `bases` (a Type * as
 * a Value, or a tuple of them), with an optional __doc__. */
Value clib_new_exception(const char *module, const char *name, Value bases, const char *doc);

/*
 * An output buffer for the compression libraries: malloc'd memory that
 * grows by doubling from `initial` up to `limit` bytes.  The library
 * writes into clib_out_space(); clib_out_commit() records what it wrote.
 * The result becomes a bytes object at the end (one copy, as CPython's
 * block buffer joins its blocks).  It holds no Values.
 */
/* The lock of a (de)compressor object, as CPython's: its methods release the GIL around
 * the library call, so two threads using one object must take turns. clib_lock waits
 * with the GIL released. */
#include <pthread.h>
void clib_lock(pthread_mutex_t *m);
static inline void clib_unlock(pthread_mutex_t *m) { pthread_mutex_unlock(m); }

typedef struct OutBuf {
    char *buf;
    size_t size, cap, limit;
} OutBuf;

void clib_out_init(OutBuf *ob, size_t initial, size_t limit);
/* Make room for at least one more byte and return how many bytes follow
 * *next (at most max_chunk); 0 when the limit is reached; -1 with
 * MemoryError. */
ssize_t clib_out_space(OutBuf *ob, char **next, size_t max_chunk);
static inline void clib_out_commit(OutBuf *ob, size_t n) { ob->size += n; }
Value clib_out_finish(OutBuf *ob);      /* bytes; frees the memory */
void clib_out_discard(OutBuf *ob);

/* The `new` slot of a type Python code cannot instantiate (CPython's
 * Py_TPFLAGS_DISALLOW_INSTANTIATION): "cannot create 'zlib.Compress' instances". */
Value clib_no_new(Type *t, Value *args, size_t nargs, Value kwnames);

/* Hex digits of n bytes, as a str. */
Value clib_hexstr(const unsigned char *p, size_t n);

#endif
