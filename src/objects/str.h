/* str.h - str objects: UTF-8 text with cached length and hash, and a string builder. */
#ifndef TAIPAN_STR_H
#define TAIPAN_STR_H

#include "object.h"

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
Value str_printf(const char *fmt, ...);       /* the formats err_format takes */
Value str_empty(void);

/* Interning: identifiers and attribute names are interned, so lookups can
 * compare pointers first.  str_intern_cstr results live forever. */
Value str_intern(Value s);
Value str_intern_cstr(const char *s);
bool str_is_interned(Value s);

/* Access and comparison. */
bool str_eq(Value a, Value b);
bool str_eq_cstr(Value a, const char *s);
int str_compare(Value a, Value b);            /* <0, 0, >0 by code point */
hash_t str_hash(Value s);
uint32_t str_char_at(Value s, size_t i);      /* code point i; i < len */
size_t str_byte_offset(Value s, size_t i);    /* byte offset of code point i */
Value str_slice(Value s, size_t start, size_t stop); /* code point indices */
Value str_concat(Value a, Value b);
Value str_repeat(Value s, ssize_t n);
Value str_repr(Value s);
ssize_t str_find(Value hay, Value needle, size_t start, size_t stop); /* code point index or -1 */
Value str_join(Value sep, Value iterable);
Value str_split_whitespace(Value s, ssize_t maxsplit);

/* Decoding helpers for UTF-8 text. */
uint32_t utf8_decode(const unsigned char **p); /* advance over one code point */
int utf8_encode(uint32_t cp, char *out);      /* returns bytes written (1..4) */
size_t utf8_count(const char *s, size_t size); /* code points in valid text */

/*
 * A growable UTF-8 buffer for building strings without quadratic copying.
 * The buffer is malloc'd memory holding no Values, so the GC need not see it.
 */
typedef struct StrBuilder {
    char *buf;
    size_t size, cap, len; /* len counts code points appended */
    bool failed;           /* an allocation failed; finish() raises MemoryError */
} StrBuilder;

void sb_init(StrBuilder *sb);
void sb_append(StrBuilder *sb, const char *s, size_t size);  /* ASCII or counted below */
void sb_append_utf8(StrBuilder *sb, const char *s, size_t size, size_t len);
void sb_append_cstr(StrBuilder *sb, const char *s);
void sb_append_char(StrBuilder *sb, char c);
void sb_append_codepoint(StrBuilder *sb, uint32_t cp);
void sb_append_str(StrBuilder *sb, Value s);
int sb_append_repr(StrBuilder *sb, Value v);  /* -1 on error */
int sb_append_strof(StrBuilder *sb, Value v); /* str(v); -1 on error */
void sb_printf(StrBuilder *sb, const char *fmt, ...);
Value sb_finish(StrBuilder *sb);              /* frees the buffer */
void sb_discard(StrBuilder *sb);

#endif
