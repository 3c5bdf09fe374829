/* json.h - what the two halves of the _json module share: the output buffer and the module's functions. */
#ifndef TAIPAN_JSON_H
#define TAIPAN_JSON_H

#include "../objects/object.h"
#include <stdlib.h>

/*
 * A growable UTF-8 output buffer (malloc'd: it holds no Values) that
 * counts code points as it goes, so the result becomes a str without a
 * second pass.  Appending never fails on its own: a failed growth sets
 * `failed` and jb_finish() reports MemoryError.
 */
typedef struct JBuf {
    char *buf;
    size_t size, cap, len;
    bool failed;
} JBuf;

bool jb_grow(JBuf *b, size_t need);

static inline bool jb_reserve(JBuf *b, size_t n) {
    return likely(b->size + n <= b->cap) || jb_grow(b, n);
}

/* Append ASCII bytes (each one code point). */
static inline void jb_ascii(JBuf *b, const char *s, size_t n) {
    if (!jb_reserve(b, n)) return;
    memcpy(b->buf + b->size, s, n);
    b->size += n;
    b->len += n;
}

static inline void jb_char(JBuf *b, char c) {
    if (!jb_reserve(b, 1)) return;
    b->buf[b->size++] = c;
    b->len++;
}

Value jb_finish(JBuf *b);   /* the str; frees the buffer */
void jb_free(JBuf *b);

/* Append s as a JSON string literal (quotes included): every non-ASCII
 * character escaped (\uXXXX, surrogate pairs above the BMP) when ascii,
 * else only '"', '\\' and the control characters. */
void json_escape_into(JBuf *b, Value s, bool ascii);

/* The module's functions and types (json_decode.c, json_encode.c). */
extern Type type_json_scanner, type_json_encoder;
Value json_scanstring_m(Value self, Value *args, size_t nargs, Value kw);

#endif
