/* cargs.h - PyArg_Parse's C conversions ("i", "I", "l", "n", "y*", "w*") with CPython's messages, for the system modules. */
#ifndef TAIPAN_CARGS_H
#define TAIPAN_CARGS_H

#include "../objects/object.h"
#include "../objects/buffer.h"

/*
 * CPython's older modules (socket, select, fcntl, mmap...) parse their
 * arguments with PyArg_ParseTuple format units; each unit has its own
 * error messages, which these reproduce.  All take ints through
 * __index__ and refuse floats ("'float' object cannot be interpreted as an
 * integer").  Each returns 0, or -1 with the exception set.
 */

/* "i": a C int ("signed integer is greater than maximum"). */
int carg_int(Value v, int *out);
/* "I": an unsigned int, bits masked without overflow check. */
int carg_uint_mask(Value v, unsigned *out);
/* "l": a C long ("Python int too large to convert to C long"). */
int carg_long(Value v, long *out);
/* "n": a Py_ssize_t ("Python int too large to convert to C ssize_t"). */
int carg_ssize(Value v, ssize_t *out);
/* "k": an unsigned long, bits masked (ints only: "integer argument expected, got float"). */
int carg_ulong_mask(Value v, unsigned long *out);

/* "s": a str as a NUL-terminated UTF-8 string ("embedded null character").
 * The TypeError names the function and, if given, the argument:
 * "f() argument 'name' must be str, not int" / "f() argument must be str, not int". */
int carg_str(const char *fname, const char *argname, Value v, const char **out);

/* "y*": a contiguous read-only bytes-like object ("a bytes-like object is
 * required, not 'str'"); release with buffer_release. */
int carg_buffer(Value v, Buffer *view);
/* "w*": a writable contiguous buffer; the error names the function and
 * argument ("recv_into() argument 1 must be read-write bytes-like object,
 * not bytes"). */
int carg_wbuffer(const char *fname, int argno, Value v, Buffer *view);

/* _PyTime_FromSecondsObject / _PyTime_FromMillisecondsObject: an int or
 * float count of `unit_ns` nanoseconds, rounded up, as nanoseconds.
 * Overflow gives CPython's "timestamp too large to convert to C _PyTime_t"
 * (ints) or "timestamp out of range for platform time_t" (floats); other
 * types "'str' object cannot be interpreted as an integer". */
int carg_time(Value v, int64_t unit_ns, int64_t *ns);

#endif
