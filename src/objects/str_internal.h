/* str_internal.h - what str.c, str_methods.c, str_format.c, codecs.c and bytes*.c share privately. */
#ifndef TAIPAN_STR_INTERNAL_H
#define TAIPAN_STR_INTERNAL_H

#include "str.h"
#include "bytes.h"

/* The byte length of the UTF-8 sequence a lead byte starts (1 for stray bytes). */
static inline size_t utf8_seqlen(unsigned char b) {
    return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}
static inline bool utf8_is_cont(unsigned char b) { return (b & 0xC0) == 0x80; }
/* The byte offset of the code point before byte offset `off` (off > 0). */
static inline size_t utf8_prev(const char *s, size_t off) {
    do off--; while (off > 0 && utf8_is_cont((unsigned char)s[off]));
    return off;
}

/* A str of type t (str or a subclass) holding a copy of the given text. */
Value str_new_typed(Type *t, const char *utf8, size_t size, size_t len);
/* An exact str with the same text as s (s itself when it already is one). */
Value str_exact(Value s);
/* memmem over byte ranges, returning the offset or -1; fast paths for short needles. */
ssize_t str_bytes_find(const char *h, size_t hn, const char *n, size_t nn);
ssize_t str_bytes_rfind(const char *h, size_t hn, const char *n, size_t nn);
/* Clamp Python-style start/end (VNULL or None: absent) to [0, len]; -1 on error. */
int str_parse_bounds(Value vstart, Value vend, size_t len, size_t *start, size_t *end);
/* The type name argument-clinic errors use: "None" for None, else the type's name. */
static inline const char *arg_type_name(Value v) { return v == VNone ? "None" : type_name(v); }
/* A one-code-point str from the cache or a new one. */
Value str_char(uint32_t cp);

/*
 * Argument checks worded as CPython words them for each calling convention
 * of the str/bytes methods: `qual` is the qualified name ("str.center").
 *   ARGS_SIMPLE  METH_NOARGS/METH_O: "str.upper() takes no arguments (1 given)"
 *   ARGS_CLINIC  positional clinic:  "center expected at most 2 arguments, got 3"
 *   ARGS_OLD     PyArg_ParseTuple:   "find() takes at least 1 argument (0 given)",
 *                                    and "find() takes no keyword arguments"
 */
enum { ARGS_SIMPLE, ARGS_CLINIC, ARGS_OLD };
int methargs_check(Value kwnames, size_t nargs, const char *qual, int style, size_t lo, size_t hi);

/* The method table (str_methods.c), the % operator and the format family (str_format.c). */
extern const MethodDef str_methods_table[];
Value str_mod(Value a, Value b);
Value bytes_mod(Value fmt, Value args);   /* bytes or bytearray % args */
Value str_format_m(Value self, Value *args, size_t nargs, Value kwnames);
Value str_format_map_m(Value self, Value *args, size_t nargs, Value kwnames);
Value str_dunder_format_m(Value self, Value *args, size_t nargs, Value kwnames);
Value str_encode_m(Value self, Value *args, size_t nargs, Value kwnames);

/* An optional encoding/errors argument as a C string (out unchanged when v
 * is VNULL): TypeError "f() argument 'x' must be str, not T" or ValueError
 * "embedded null character". */
bool codec_arg(const char *fname, const char *argname, Value v, const char **out);

/* bytes helpers shared with bytes_methods.c (bytes.c). */
extern const MethodDef bytes_methods_table[];
extern const MethodDef bytearray_methods_table[];
extern Type type_bytes_iter, type_bytearray_iter, type_str_iter, type_str_ascii_iter;
/* Replace ba[lo:hi] with n bytes from src (which may point into ba). */
int bytearray_splice(Value ba, size_t lo, size_t hi, const char *src, size_t n);
/* Append the ints of an iterable (ValueError "bytes must be in range(0, 256)"). */
int bytes_extend_iterable(ByteBuilder *bb, Value iterable);
/* An int-like argument as a byte; -1 with TypeError/ValueError. */
int bytes_byte_value(Value v);


#endif
