/* str.h - str objects: UTF-8 text with cached length and hash, and a string builder. */
#ifndef TAIPAN_STR_H
#define TAIPAN_STR_H

#include "object.h"
#include <stdarg.h>

/*
 * A str holds its text as UTF-8 ("generalized" UTF-8: lone surrogates
 * U+D800..U+DFFF are encoded as 3-byte sequences, so every Python str is
 * representable).  `len` counts code points; the string is ASCII exactly
 * when len == size, which makes indexing O(1).  A non-ASCII string builds
 * an index (every 32nd code point's byte offset) on first random access
 * and keeps it in the GC side slot of the object, so it costs no field.
 * The text is always followed by a NUL byte.
 */
typedef struct StrObject {
    Object hdr;
    hash_t hash;      /* -1: not computed yet */
    size_t size;      /* bytes */
    size_t len;       /* code points */
    char data[];
} StrObject;

extern Type type_str;

static inline StrObject *str_obj(Value s) { return (StrObject *)s; }
static inline const char *str_data(Value s) { return ((StrObject *)s)->data; }
static inline size_t str_size(Value s) { return ((StrObject *)s)->size; }
static inline size_t str_len(Value s) { return ((StrObject *)s)->len; }
static inline bool str_is_ascii(Value s) { return str_len(s) == str_size(s); }
static inline bool str_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &type_str || (val_obj(v)->type->flags & TF_STR_SUBCLASS));
}
static inline bool str_check_exact(Value v) { return !val_is_int(v) && val_obj(v)->type == &type_str; }

/* Creation.  str_new validates nothing: the bytes must be generalized UTF-8. */
Value str_new(const char *utf8, size_t size);
Value str_new_len(const char *utf8, size_t size, size_t len); /* len known */
Value str_from_cstr(const char *s);
StrObject *str_alloc(size_t size, size_t len); /* uninitialized text, for builders */
Value str_from_codepoint(uint32_t cp);
Value str_decode_utf8(const char *s, size_t size, const char *errors); /* validating */
/* Formatted strings.  Directives: %s (UTF-8 C string, with %.Ns taking at most
 * N code points), %d %i %u %x %X %o with l, ll, z modifiers, %c (a code
 * point), %p, %%, and for Values: %R repr, %S str, %A ascii, %U a str,
 * %T the type name of a Value, %N the name of a Type *.  Width, '-' and
 * '0' flags work as in printf.  VNULL with an exception if a repr fails. */
Value str_printf(const char *fmt, ...);
Value str_vprintf(const char *fmt, va_list ap);
Value str_empty(void);

/* Interning: identifiers and attribute names are interned, so lookups can
 * compare pointers first.  str_intern_cstr results live forever. */
Value str_intern(Value s);
Value str_intern_cstr(const char *s);
bool str_is_interned(Value s);
bool str_is_identifier(Value s);                 /* str.isidentifier() */

/* Access and comparison. */
bool str_eq(Value a, Value b);
bool str_eq_cstr(Value a, const char *s);
int str_compare(Value a, Value b);            /* <0, 0, >0 by code point */
hash_t str_hash(Value s);
/* The randomized byte-string hash str and bytes share (seeded from
 * PYTHONHASHSEED when it is set to a number, otherwise at random). */
hash_t str_hash_bytes(const void *data, size_t size);
uint32_t str_char_at(Value s, size_t i);      /* code point i; i < len */
size_t str_byte_offset(Value s, size_t i);    /* byte offset of code point i */
Value str_slice(Value s, size_t start, size_t stop); /* code point indices */
Value str_concat(Value a, Value b);
Value str_repeat(Value s, ssize_t n);
Value str_repr(Value s);
ssize_t str_find(Value hay, Value needle, size_t start, size_t stop); /* code point index or -1 */
Value str_join(Value sep, Value iterable);
Value str_split_whitespace(Value s, ssize_t maxsplit);
Value str_from_codepoints(const uint32_t *cps, size_t n);

/*
 * The format-spec mini-language ("[[fill]align][sign][z][#][0][width]
 * [grouping][.precision][type]"), parsed once for str.__format__ and
 * available to the other types' __format__.  fill is a code point.
 */
typedef struct FormatSpec {
    uint32_t fill;
    char align;        /* '<' '>' '=' '^', or 0 when not given */
    char sign;         /* '+' '-' ' ', or 0 */
    bool alternate;    /* '#' */
    bool zero_pad;     /* '0' before the width */
    bool no_neg_zero;  /* 'z' */
    char grouping;     /* ',' '_', '4' ('_' every four digits), or 0 */
    ssize_t width;     /* -1: not given */
    ssize_t precision; /* -1: not given */
    uint32_t type;     /* the presentation type, 0 when not given */
} FormatSpec;
/* Parse spec (a str) for formatting obj (named in error messages), with the
 * type's default presentation type and alignment ('<' for str, '>' for
 * numbers, which also makes a bare '0' mean '=' alignment).  -1 with
 * CPython's ValueError ("Invalid format specifier ...", "Cannot specify
 * ',' with 's'." ...).  An '_' with b/o/x/X gives grouping '4'. */
int format_spec_parse(Value spec, Value obj, char default_type, char default_align, FormatSpec *out);
/* Pad the text (size bytes, len code points) to spec->width with the fill
 * character; default_align applies when the spec gave none. */
Value format_pad(const char *text, size_t size, size_t len, const FormatSpec *spec, char default_align);
/* format(s, spec) for a str s: str.__format__. */
Value str_format_spec(Value s, Value spec);

/*
 * Codecs (codecs.c).  utf-8, ascii and latin-1 (and their aliases) are
 * built in, with the error handlers strict, ignore, replace,
 * surrogateescape, surrogatepass, backslashreplace and xmlcharrefreplace.
 * Anything else goes to codec_fallback, which the codecs module installs
 * (NULL: LookupError "unknown encoding"/"unknown error handler name").
 * `encode` selects str -> bytes (obj is a str) or bytes -> str (obj is bytes).
 */
Value str_encode(Value s, const char *encoding, const char *errors);   /* -> bytes */
Value bytes_decode(const char *data, size_t size, const char *encoding, const char *errors); /* -> str */
extern Value (*codec_fallback)(bool encode, Value obj, const char *encoding, const char *errors);
/* The callable registered with codecs.register_error(name), or VNULL with
 * LookupError; installed by the codecs module (NULL: only built-in handlers). */
extern Value (*codec_error_lookup)(const char *name);

/* Decoding helpers for UTF-8 text. */
uint32_t utf8_decode(const unsigned char **p); /* advance over one code point */
int utf8_encode(uint32_t cp, char *out);      /* returns bytes written (1..4) */
size_t utf8_count(const char *s, size_t size); /* code points in valid text */

/*
 * A growable UTF-8 buffer for building strings without quadratic copying.
 * Short results stay in the inline buffer; longer ones move to malloc'd
 * memory.  It holds no Values, so the GC need not see it.  A StrBuilder
 * must not be copied by value (buf may point into it).
 */
typedef struct StrBuilder {
    char *buf;
    size_t size, cap, len; /* len counts code points appended */
    bool failed;           /* an allocation (or a %R) failed: finish() returns VNULL with MemoryError (or that error) */
    char inline_buf[128];
} StrBuilder;

void sb_init(StrBuilder *sb);
void sb_append(StrBuilder *sb, const char *s, size_t size);  /* UTF-8; code points are counted */
void sb_append_utf8(StrBuilder *sb, const char *s, size_t size, size_t len);
void sb_append_cstr(StrBuilder *sb, const char *s);
void sb_append_char(StrBuilder *sb, char c);
void sb_append_codepoint(StrBuilder *sb, uint32_t cp);
void sb_append_str(StrBuilder *sb, Value s);
int sb_append_repr(StrBuilder *sb, Value v);  /* -1 on error */
int sb_append_strof(StrBuilder *sb, Value v); /* str(v); -1 on error */
void sb_printf(StrBuilder *sb, const char *fmt, ...); /* str_printf's directives; a failed %R fails the builder */
void sb_vprintf(StrBuilder *sb, const char *fmt, va_list ap);
void sb_append_repeat(StrBuilder *sb, uint32_t cp, size_t n);
Value sb_finish(StrBuilder *sb);              /* frees the buffer */
void sb_discard(StrBuilder *sb);

#endif
