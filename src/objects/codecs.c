/* codecs.c - the built-in codecs (utf-8, utf-8-sig, ascii, latin-1, utf-16, utf-32) with CPython's error handlers. */
#include "str.h"
#include "str_internal.h"
#include "bytes.h"
#include "int.h"
#include "tuple.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <ctype.h>
#include <stdio.h>

/*
 * Taipan's str is generalized UTF-8, so the UTF-8 codec is mostly a copy:
 * decoding valid input copies the bytes after one validating pass, and
 * encoding copies the text unless it holds surrogates.  The slow paths,
 * entered at the first error, follow CPython's decoder exactly, since the
 * positions and reasons of UnicodeDecodeError are visible to programs:
 *
 *   "invalid start byte"          a byte that cannot begin a sequence (1 byte)
 *   "invalid continuation byte"   the lead byte plus the valid continuation
 *                                 bytes before the bad one
 *   "unexpected end of data"      a truncated sequence at the end of input
 */

Value (*codec_fallback)(bool encode, Value obj, const char *encoding, const char *errors);
Value (*codec_error_lookup)(const char *name);

/* The UTF-16/32 members come after the three the fast paths handle. */
enum Codec {
    C_UTF8, C_ASCII, C_LATIN1, C_UTF8_SIG, C_UTF16, C_UTF16_LE, C_UTF16_BE, C_UTF32, C_UTF32_LE, C_UTF32_BE
};
enum Handler {
    H_STRICT, H_IGNORE, H_REPLACE, H_SURROGATEESCAPE, H_SURROGATEPASS, H_BACKSLASHREPLACE,
    H_XMLCHARREFREPLACE, H_OTHER
};

static const char *const codec_names[] = {
    "utf-8", "ascii", "latin-1", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"
};

/* ---- Names ---- */

static const struct {
    const char *alias;
    enum Codec codec;
} aliases[] = {
    {"utf_8", C_UTF8}, {"utf8", C_UTF8}, {"u8", C_UTF8}, {"utf", C_UTF8}, {"utf8_ucs2", C_UTF8},
    {"utf8_ucs4", C_UTF8}, {"cp65001", C_UTF8},
    {"ascii", C_ASCII}, {"us_ascii", C_ASCII}, {"646", C_ASCII}, {"ansi_x3.4_1968", C_ASCII},
    {"ansi_x3_4_1968", C_ASCII}, {"ansi_x3.4_1986", C_ASCII}, {"cp367", C_ASCII}, {"csascii", C_ASCII},
    {"ibm367", C_ASCII}, {"iso646_us", C_ASCII}, {"iso_646.irv_1991", C_ASCII}, {"iso_ir_6", C_ASCII},
    {"us", C_ASCII},
    {"latin_1", C_LATIN1}, {"latin1", C_LATIN1}, {"iso8859_1", C_LATIN1}, {"iso_8859_1", C_LATIN1},
    {"8859", C_LATIN1}, {"cp819", C_LATIN1}, {"csisolatin1", C_LATIN1}, {"ibm819", C_LATIN1},
    {"iso_8859_1_1987", C_LATIN1}, {"iso_ir_100", C_LATIN1}, {"l1", C_LATIN1}, {"latin", C_LATIN1},
    {"utf_8_sig", C_UTF8_SIG},
    {"utf_16", C_UTF16}, {"utf16", C_UTF16}, {"u16", C_UTF16},
    {"utf_16_le", C_UTF16_LE}, {"utf_16le", C_UTF16_LE}, {"unicodelittleunmarked", C_UTF16_LE},
    {"utf_16_be", C_UTF16_BE}, {"utf_16be", C_UTF16_BE}, {"unicodebigunmarked", C_UTF16_BE},
    {"utf_32", C_UTF32}, {"utf32", C_UTF32}, {"u32", C_UTF32},
    {"utf_32_le", C_UTF32_LE}, {"utf_32le", C_UTF32_LE},
    {"utf_32_be", C_UTF32_BE}, {"utf_32be", C_UTF32_BE},
};

/* encodings.normalize_encoding + lower(): runs of characters other than
 * letters, digits and '.' become one '_', without leading/trailing '_'. */
static int codec_of(const char *name) {
    char buf[64];
    size_t n = 0;
    bool pending = false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if (isalnum(*p) || *p == '.') {
            if (pending && n) {
                if (n + 1 >= sizeof buf) return -1;
                buf[n++] = '_';
            }
            pending = false;
            if (n + 1 >= sizeof buf) return -1;
            buf[n++] = (char)tolower(*p);
        } else {
            pending = true;
        }
    }
    buf[n] = 0;
    for (size_t i = 0; i < ARRAY_LEN(aliases); i++)
        if (strcmp(buf, aliases[i].alias) == 0) return (int)aliases[i].codec;
    return -1;
}

static enum Handler handler_of(const char *errors) {
    if (!errors || strcmp(errors, "strict") == 0) return H_STRICT;
    if (strcmp(errors, "ignore") == 0) return H_IGNORE;
    if (strcmp(errors, "replace") == 0) return H_REPLACE;
    if (strcmp(errors, "surrogateescape") == 0) return H_SURROGATEESCAPE;
    if (strcmp(errors, "surrogatepass") == 0) return H_SURROGATEPASS;
    if (strcmp(errors, "backslashreplace") == 0) return H_BACKSLASHREPLACE;
    if (strcmp(errors, "xmlcharrefreplace") == 0) return H_XMLCHARREFREPLACE;
    return H_OTHER;
}

/* Set from -X dev: encode and decode look the error handler up even when
 * no error occurs, so a misspelt name fails at once (CPython's
 * unicode_check_encoding_errors; an unknown encoding always fails here). */
int codec_check_errors_config;

static int check_errors_name(const char *errors) {
    if (!codec_check_errors_config || !errors || handler_of(errors) != H_OTHER) return 0;
    if (codec_error_lookup) return codec_error_lookup(errors) ? 0 : -1;
    err_format(&exc_LookupError, "unknown error handler name '%s'", errors);
    return -1;
}

static void unknown_encoding(const char *encoding) {
    err_format(&exc_LookupError, "unknown encoding: %s", encoding);
}

/* ---- Exceptions and user-registered handlers ---- */

static Value new_exc(Type *t, const char *enc, Value obj, size_t start, size_t end, const char *reason) {
    Value args[5];
    args[0] = str_from_cstr(enc);
    args[1] = obj;
    args[2] = int_from_u64(start);
    args[3] = int_from_u64(end);
    args[4] = str_from_cstr(reason);
    if (!args[0] || !args[2] || !args[3] || !args[4]) return VNULL;
    return obj_call(obj_val(t), args, 5, VNULL);
}

static void raise_exc(Value exc) {
    if (exc) err_set_object(exc);
}

/*
 * Call a handler registered with codecs.register_error: handler(exc) must
 * return (replacement, newpos).  Returns the replacement and sets *newpos
 * (resolved against `len`), or VNULL with an exception.
 */
static Value call_handler(const char *errors, Value exc, bool encoding, size_t len, size_t *newpos) {
    if (!exc) return VNULL;
    Value h;
    if (!codec_error_lookup) {
        err_format(&exc_LookupError, "unknown error handler name '%s'", errors);
        return VNULL;
    }
    h = codec_error_lookup(errors);
    if (!h) return VNULL;
    Value r = obj_call1(h, exc);
    if (!r) return VNULL;
    /* A decoding handler may replace exc.object: the position is then in the new input. */
    if (!encoding) {
        Value o = obj_getattr_cstr(exc, "object");
        if (!o) return VNULL;
        if (!bytes_check(o)) {
            err_set(&exc_TypeError, "object attribute must be bytes");
            return VNULL;
        }
        len = (size_t)bytes_size(o);
    }
    if (!tuple_check(r) || tuple_size(r) != 2 || !int_check(tuple_get(r, 1)) ||
        !(str_check(tuple_get(r, 0)) || (encoding && bytes_check(tuple_get(r, 0))))) {
        err_format(&exc_TypeError, encoding ? "encoding error handler must return (str/bytes, int) tuple"
                                            : "decoding error handler must return (str, int) tuple");
        return VNULL;
    }
    ssize_t pos = int_as_ssize(tuple_get(r, 1));
    if (pos == -1 && err_occurred()) return VNULL;
    if (pos < 0) pos += (ssize_t)len;
    if (pos < 0 || (size_t)pos > len) {
        err_format(&exc_IndexError, "position %zd from error handler out of bounds", pos);
        return VNULL;
    }
    *newpos = (size_t)pos;
    return tuple_get(r, 0);
}

/* ---- Encoding: str -> bytes ---- */

static inline bool is_surrogate(uint32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

static inline bool unencodable(enum Codec c, uint32_t cp) {
    if (c == C_UTF8) return is_surrogate(cp);
    return cp >= (c == C_ASCII ? 128u : 256u);
}

static const char *encode_reason(enum Codec c) {
    return c == C_UTF8 ? "surrogates not allowed"
         : c == C_ASCII ? "ordinal not in range(128)" : "ordinal not in range(256)";
}

static void emit_cp(ByteBuilder *bb, enum Codec c, uint32_t cp) {
    if (c == C_UTF8) {
        char buf[4];
        bb_append(bb, buf, (size_t)utf8_encode(cp, buf));
    } else {
        bb_append_byte(bb, (unsigned char)cp);
    }
}

/* The slow path, from code point index i (byte offset off) on. */
static Value encode_slow(Value s, enum Codec c, const char *errors, size_t i, size_t off, ByteBuilder *bb) {
    enum Handler h = handler_of(errors);
    const unsigned char *data = (const unsigned char *)str_data(s);
    size_t size = str_size(s), len = str_len(s);
    const char *enc = codec_names[c];
    while (off < size) {
        const unsigned char *p = data + off;
        uint32_t cp = utf8_decode(&p);
        if (!unencodable(c, cp)) {
            if (c == C_UTF8) bb_append(bb, data + off, (size_t)(p - (data + off)));
            else bb_append_byte(bb, (unsigned char)cp);
            off = (size_t)(p - data);
            i++;
            continue;
        }
        /* The run of unencodable characters [start, stop). */
        size_t start = i, start_off = off, stop = i, stop_off = off;
        while (stop_off < size) {
            const unsigned char *q = data + stop_off;
            uint32_t x = utf8_decode(&q);
            if (!unencodable(c, x)) break;
            stop_off = (size_t)(q - data);
            stop++;
        }
        switch (h) {
        case H_IGNORE:
            break;
        case H_REPLACE:
            bb_append_repeat(bb, '?', stop - start);
            break;
        case H_BACKSLASHREPLACE:
        case H_XMLCHARREFREPLACE:
            for (const unsigned char *q = data + start_off; q < data + stop_off;) {
                uint32_t x = utf8_decode(&q);
                char buf[16];
                if (h == H_XMLCHARREFREPLACE) snprintf(buf, sizeof buf, "&#%u;", (unsigned)x);
                else if (x < 0x100) snprintf(buf, sizeof buf, "\\x%02x", (unsigned)x);
                else if (x < 0x10000) snprintf(buf, sizeof buf, "\\u%04x", (unsigned)x);
                else snprintf(buf, sizeof buf, "\\U%08x", (unsigned)x);
                bb_append(bb, buf, strlen(buf));
            }
            break;
        case H_SURROGATEESCAPE: {
            const unsigned char *q = data + start_off;
            size_t k = start;
            while (q < data + stop_off) {
                uint32_t x = utf8_decode(&q);
                if (x < 0xDC80 || x > 0xDCFF) {
                    raise_exc(new_exc(&exc_UnicodeEncodeError, enc, s, k, stop, encode_reason(c)));
                    goto fail;
                }
                bb_append_byte(bb, (unsigned char)(x - 0xDC00));
                k++;
            }
            break;
        }
        case H_SURROGATEPASS:
            if (c == C_UTF8) {
                /* Surrogates are stored exactly as surrogatepass encodes them. */
                bb_append(bb, data + start_off, stop_off - start_off);
                break;
            }
            /* Single-byte codecs have no surrogate form: */
            /* fall through */
        case H_STRICT:
            raise_exc(new_exc(&exc_UnicodeEncodeError, enc, s, start, stop, encode_reason(c)));
            goto fail;
        case H_OTHER: {
            size_t newpos;
            Value exc = new_exc(&exc_UnicodeEncodeError, enc, s, start, stop, encode_reason(c));
            Value rep = call_handler(errors, exc, true, len, &newpos);
            if (!rep) goto fail;
            if (bytes_check(rep)) {
                bb_append(bb, bytes_data(rep), (size_t)bytes_size(rep));
            } else {
                const unsigned char *q = (const unsigned char *)str_data(rep), *qe = q + str_size(rep);
                while (q < qe) {
                    uint32_t x = utf8_decode(&q);
                    if (unencodable(c, x)) {
                        raise_exc(new_exc(&exc_UnicodeEncodeError, enc, s, start, stop, encode_reason(c)));
                        goto fail;
                    }
                    emit_cp(bb, c, x);
                }
            }
            stop = newpos;
            stop_off = str_byte_offset(s, newpos);
            break;
        }
        }
        i = stop;
        off = stop_off;
    }
    return bb_finish(bb);
fail:
    bb_discard(bb);
    return VNULL;
}

/*
 * UTF-16 and UTF-32.  `unit` is 2 or 4 bytes, `big` the byte order, `bom`
 * whether to start with a byte order mark (the plain "utf-16"/"utf-32"
 * codecs write one, in the machine's order, which is little-endian here).
 * Only surrogates are unencodable: "surrogatepass" writes them as code units.
 */
static void put_unit(ByteBuilder *bb, uint32_t u, int unit, bool big) {
    unsigned char b[4];
    for (int k = 0; k < unit; k++) b[big ? unit - 1 - k : k] = (unsigned char)(u >> (8 * k));
    bb_append(bb, b, (size_t)unit);
}

static void put_cp(ByteBuilder *bb, uint32_t cp, int unit, bool big) {
    if (unit == 2 && cp >= 0x10000) {
        cp -= 0x10000;
        put_unit(bb, 0xD800 + (cp >> 10), 2, big);
        put_unit(bb, 0xDC00 + (cp & 0x3FF), 2, big);
    } else {
        put_unit(bb, cp, unit, big);
    }
}

static Value encode_utf16_32(Value s, enum Codec c, const char *errors) {
    int unit = c >= C_UTF32 ? 4 : 2;
    bool big = c == C_UTF16_BE || c == C_UTF32_BE;
    const char *enc = codec_names[c];
    enum Handler h = handler_of(errors);
    ByteBuilder bb;
    bb_init(&bb);
    if (c == C_UTF16 || c == C_UTF32) put_unit(&bb, 0xFEFF, unit, big);
    const unsigned char *data = (const unsigned char *)str_data(s), *p = data, *end = p + str_size(s);
    size_t i = 0;
    while (p < end) {
        const unsigned char *q = p;
        uint32_t cp = utf8_decode(&q);
        if (!is_surrogate(cp)) {
            put_cp(&bb, cp, unit, big);
            p = q;
            i++;
            continue;
        }
        size_t start = i, stop = i;
        const unsigned char *r = p;
        while (r < end) {
            const unsigned char *r2 = r;
            if (!is_surrogate(utf8_decode(&r2))) break;
            r = r2;
            stop++;
        }
        switch (h) {
        case H_IGNORE:
            break;
        case H_REPLACE:
            for (size_t k = start; k < stop; k++) put_cp(&bb, '?', unit, big);
            break;
        case H_SURROGATEPASS:
            for (const unsigned char *x = p; x < r;) put_unit(&bb, utf8_decode(&x), unit, big);
            break;
        case H_BACKSLASHREPLACE:
        case H_XMLCHARREFREPLACE:
            for (const unsigned char *x = p; x < r;) {
                uint32_t cpx = utf8_decode(&x);
                char buf[16];
                if (h == H_XMLCHARREFREPLACE) snprintf(buf, sizeof buf, "&#%u;", (unsigned)cpx);
                else snprintf(buf, sizeof buf, "\\u%04x", (unsigned)cpx);
                for (char *b = buf; *b; b++) put_unit(&bb, (unsigned char)*b, unit, big);
            }
            break;
        case H_OTHER: {
            size_t newpos;
            Value exc = new_exc(&exc_UnicodeEncodeError, enc, s, start, stop, "surrogates not allowed");
            Value rep = call_handler(errors, exc, true, str_len(s), &newpos);
            if (!rep) goto fail;
            if (bytes_check(rep)) {
                bb_append(&bb, bytes_data(rep), (size_t)bytes_size(rep));
            } else {
                const unsigned char *x = (const unsigned char *)str_data(rep), *xe = x + str_size(rep);
                while (x < xe) {
                    uint32_t cpx = utf8_decode(&x);
                    if (is_surrogate(cpx)) {
                        raise_exc(new_exc(&exc_UnicodeEncodeError, enc, s, start, stop, "surrogates not allowed"));
                        goto fail;
                    }
                    put_cp(&bb, cpx, unit, big);
                }
            }
            stop = newpos;
            r = data + str_byte_offset(s, newpos);
            break;
        }
        default: /* strict, and surrogateescape, which has no meaning here */
            raise_exc(new_exc(&exc_UnicodeEncodeError, enc, s, start, stop, "surrogates not allowed"));
            goto fail;
        }
        i = stop;
        p = r;
    }
    return bb_finish(&bb);
fail:
    bb_discard(&bb);
    return VNULL;
}

Value str_encode(Value s, const char *encoding, const char *errors) {
    int c = encoding ? codec_of(encoding) : C_UTF8;
    if (c >= 0 && check_errors_name(errors) < 0) return VNULL;
    if (c < 0) {
        if (codec_fallback) return codec_fallback(true, s, encoding, errors);
        unknown_encoding(encoding);
        return VNULL;
    }
    if (c >= C_UTF16) return encode_utf16_32(s, (enum Codec)c, errors);
    if (c == C_UTF8_SIG) {
        Value body = str_encode(s, "utf-8", errors);
        if (!body) return VNULL;
        BytesObject *r = bytes_alloc((size_t)bytes_size(body) + 3);
        if (!r) return VNULL;
        memcpy(r->data, "\xEF\xBB\xBF", 3);
        memcpy(r->data + 3, bytes_data(body), (size_t)bytes_size(body));
        return obj_val(r);
    }
    const char *d = str_data(s);
    size_t size = str_size(s);
    if (str_is_ascii(s)) return bytes_new(d, size);
    ByteBuilder bb;
    bb_init(&bb);
    if (c == C_UTF8) {
        /* Copy up to the first surrogate (ED A0..BF xx); usually that is everything. */
        size_t off = 0;
        for (;;) {
            const char *e = memchr(d + off, 0xED, size - off);
            if (!e) return bytes_new(d, size);
            off = (size_t)(e - d);
            if ((unsigned char)e[1] >= 0xA0) break;
            off += 3;
        }
        bb_append(&bb, d, off);
        return encode_slow(s, C_UTF8, errors, utf8_count(d, off), off, &bb);
    }
    /* Single-byte codecs: convert until the first unencodable character. */
    const unsigned char *p = (const unsigned char *)d, *end = p + size;
    size_t i = 0;
    while (p < end) {
        const unsigned char *q = p;
        uint32_t cp = utf8_decode(&q);
        if (unencodable((enum Codec)c, cp)) break;
        bb_append_byte(&bb, (unsigned char)cp);
        p = q;
        i++;
    }
    if (p == end) return bb_finish(&bb);
    return encode_slow(s, (enum Codec)c, errors, i, (size_t)(p - (const unsigned char *)d), &bb);
}

bool codec_arg(const char *fname, const char *argname, Value v, const char **out) {
    if (!v) return true;
    if (!str_check(v)) {
        err_format(&exc_TypeError, "%s() argument '%s' must be str, not %s", fname, argname, arg_type_name(v));
        return false;
    }
    if (memchr(str_data(v), 0, str_size(v))) {
        err_set(&exc_ValueError, "embedded null character");
        return false;
    }
    *out = str_data(v);
    return true;
}

Value str_encode_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"encoding", "errors", NULL};
    Value a[2];
    if (arg_parse("encode", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    const char *enc = "utf-8", *errors = NULL;
    if (!codec_arg("encode", "encoding", a[0], &enc) || !codec_arg("encode", "errors", a[1], &errors)) return VNULL;
    return str_encode(self, enc, errors);
}

/* ---- Decoding: bytes -> str ---- */

enum { D_OK, D_END, D_START, D_CONT1, D_CONT2, D_CONT3 };

static inline bool cont(unsigned char b) { return (b & 0xC0) == 0x80; }

/* Check one sequence starting at s (s < end, *s >= 0x80): CPython's decoder logic. */
static int utf8_check(const unsigned char *s, const unsigned char *end, size_t *seqlen) {
    unsigned char ch = s[0];
    size_t avail = (size_t)(end - s);
    if (ch < 0xC2) return D_START;
    if (ch < 0xE0) {
        if (avail < 2) return D_END;
        if (!cont(s[1])) return D_CONT1;
        *seqlen = 2;
        return D_OK;
    }
    if (ch < 0xF0) {
        if (avail < 3) {
            if (avail < 2) return D_END;
            if (!cont(s[1]) || (s[1] < 0xA0 ? ch == 0xE0 : ch == 0xED)) return D_CONT1;
            return D_END;
        }
        if (!cont(s[1])) return D_CONT1;
        if (ch == 0xE0 && s[1] < 0xA0) return D_CONT1;
        if (ch == 0xED && s[1] >= 0xA0) return D_CONT1;  /* a surrogate */
        if (!cont(s[2])) return D_CONT2;
        *seqlen = 3;
        return D_OK;
    }
    if (ch < 0xF5) {
        if (avail < 4) {
            if (avail < 2) return D_END;
            if (!cont(s[1]) || (s[1] < 0x90 ? ch == 0xF0 : ch == 0xF4)) return D_CONT1;
            if (avail < 3) return D_END;
            if (!cont(s[2])) return D_CONT2;
            return D_END;
        }
        if (!cont(s[1])) return D_CONT1;
        if (ch == 0xF0 && s[1] < 0x90) return D_CONT1;
        if (ch == 0xF4 && s[1] >= 0x90) return D_CONT1;
        if (!cont(s[2])) return D_CONT2;
        if (!cont(s[3])) return D_CONT3;
        *seqlen = 4;
        return D_OK;
    }
    return D_START;
}

/* Length of the valid prefix of [s, end) and its code point count. */
static size_t utf8_valid_prefix(const unsigned char *s, const unsigned char *end, size_t *len) {
    const unsigned char *p = s;
    size_t n = 0;
    while (p < end) {
        /* ASCII eight bytes at a time. */
        while (p + 8 <= end) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (w & 0x8080808080808080ull) break;
            p += 8;
            n += 8;
        }
        if (p >= end) break;
        if (*p < 0x80) {
            p++;
            n++;
            continue;
        }
        size_t l;
        if (utf8_check(p, end, &l) != D_OK) break;
        p += l;
        n++;
    }
    *len = n;
    return (size_t)(p - s);
}

static const char *const decode_reasons[] = {
    [D_END] = "unexpected end of data", [D_START] = "invalid start byte",
    [D_CONT1] = "invalid continuation byte", [D_CONT2] = "invalid continuation byte",
    [D_CONT3] = "invalid continuation byte",
};

/* Decoding errors: [start, end) of the input with a reason, then the handler. */
typedef struct DecodeState {
    const char *data;
    size_t size;
    const char *enc;
    const char *errors;
    enum Handler h;
    Value obj;          /* the input as bytes, made on first need */
} DecodeState;

static Value decode_exc(DecodeState *st, size_t start, size_t end, const char *reason) {
    if (!st->obj) {
        st->obj = bytes_new(st->data, st->size);
        if (!st->obj) return VNULL;
    }
    return new_exc(&exc_UnicodeDecodeError, st->enc, st->obj, start, end, reason);
}

/* Handle the error at [start, end); returns the offset to resume at, or -1. */
static ssize_t decode_error(DecodeState *st, StrBuilder *sb, size_t start, size_t end, const char *reason,
                            bool utf8) {
    const unsigned char *d = (const unsigned char *)st->data;
    switch (st->h) {
    case H_IGNORE:
        return (ssize_t)end;
    case H_REPLACE:
        sb_append_codepoint(sb, 0xFFFD);
        return (ssize_t)end;
    case H_SURROGATEESCAPE: {
        /* Like CPython's handler: escape the leading bytes >= 0x80 and resume
         * after them; with none, the error stands. */
        size_t k = start;
        while (k < end && d[k] >= 128) sb_append_codepoint(sb, 0xDC00 + d[k++]);
        if (k == start) goto strict;
        return (ssize_t)k;
    }
    case H_BACKSLASHREPLACE:
        for (size_t k = start; k < end; k++) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\x%02x", d[k]);
            sb_append(sb, buf, 4);
        }
        return (ssize_t)end;
    case H_SURROGATEPASS:
        /* An encoded surrogate ED A0..BF 80..BF passes through. */
        if (utf8 && start + 3 <= st->size && d[start] == 0xED && d[start + 1] >= 0xA0 && d[start + 1] <= 0xBF &&
            cont(d[start + 2])) {
            sb_append_utf8(sb, (const char *)d + start, 3, 1);
            return (ssize_t)(start + 3);
        }
        goto strict;
    case H_XMLCHARREFREPLACE:
        err_set(&exc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return -1;
    case H_OTHER: {
        size_t newpos;
        Value exc = decode_exc(st, start, end, reason);
        Value rep = call_handler(st->errors, exc, false, st->size, &newpos);
        if (!rep) return -1;
        /* The handler replaced exc.object: decoding goes on in the new input (the
         * callers reload their pointers from st). */
        Value o = obj_getattr_cstr(exc, "object");
        if (!o) return -1;
        if (bytes_check(o) && o != st->obj) {
            st->obj = o;
            st->data = bytes_data(o);
            st->size = (size_t)bytes_size(o);
        }
        sb_append_str(sb, rep);
        return (ssize_t)newpos;
    }
    case H_STRICT:
    strict:
        raise_exc(decode_exc(st, start, end, reason));
        return -1;
    }
    return -1;
}

static Value decode_utf8(DecodeState *st) {
    const unsigned char *d = (const unsigned char *)st->data, *end = d + st->size;
    size_t len;
    size_t valid = utf8_valid_prefix(d, end, &len);
    if (valid == st->size) return str_new_len(st->data, st->size, len);
    StrBuilder sb;
    sb_init(&sb);
    size_t off = 0;
    for (;;) {
        sb_append_utf8(&sb, st->data + off, valid, len);
        off += valid;
        if (off >= st->size) break;
        size_t l = 0;
        int r = utf8_check(d + off, end, &l);
        size_t stop = r == D_END ? st->size : r == D_START ? off + 1 : off + (size_t)(r - D_CONT1 + 1);
        ssize_t next = decode_error(st, &sb, off, stop, decode_reasons[r], true);
        if (next < 0) {
            sb_discard(&sb);
            return VNULL;
        }
        off = (size_t)next;
        d = (const unsigned char *)st->data;
        end = d + st->size;
        valid = utf8_valid_prefix(d + off, end, &len);
    }
    return sb_finish(&sb);
}

static Value decode_ascii(DecodeState *st) {
    const unsigned char *d = (const unsigned char *)st->data;
    size_t off = 0;
    while (off < st->size && d[off] < 0x80) off++;
    if (off == st->size) return str_new_len(st->data, st->size, st->size);
    StrBuilder sb;
    sb_init(&sb);
    sb_append_utf8(&sb, st->data, off, off);
    while (off < st->size) {
        if (d[off] < 0x80) {
            sb_append_char(&sb, (char)d[off++]);
            continue;
        }
        ssize_t next = decode_error(st, &sb, off, off + 1, "ordinal not in range(128)", false);
        if (next < 0) {
            sb_discard(&sb);
            return VNULL;
        }
        off = (size_t)next;
        d = (const unsigned char *)st->data;
    }
    return sb_finish(&sb);
}

static Value decode_latin1(DecodeState *st) {
    const unsigned char *d = (const unsigned char *)st->data;
    size_t high = 0;
    for (size_t i = 0; i < st->size; i++) high += d[i] >> 7;
    if (!high) return str_new_len(st->data, st->size, st->size);
    StrObject *r = str_alloc(st->size + high, st->size);
    if (!r) return VNULL;
    char *o = r->data;
    for (size_t i = 0; i < st->size; i++) o += utf8_encode(d[i], o);
    return obj_val(r);
}

/* UTF-16/32 decoding.  A missing or foreign BOM of the plain codecs means little-endian. */
static uint32_t get_unit(const unsigned char *p, int unit, bool big) {
    uint32_t u = 0;
    for (int k = 0; k < unit; k++) u |= (uint32_t)p[big ? unit - 1 - k : k] << (8 * k);
    return u;
}

static Value decode_utf16_32(DecodeState *st, enum Codec c) {
    int unit = c >= C_UTF32 ? 4 : 2;
    bool big = c == C_UTF16_BE || c == C_UTF32_BE;
    const unsigned char *d = (const unsigned char *)st->data;
    size_t n = st->size, i = 0;
    if (c == C_UTF16 && n >= 2) {
        if (d[0] == 0xFF && d[1] == 0xFE) i = 2;
        else if (d[0] == 0xFE && d[1] == 0xFF) i = 2, big = true;
    } else if (c == C_UTF32 && n >= 4) {
        if (d[0] == 0xFF && d[1] == 0xFE && !d[2] && !d[3]) i = 4;
        else if (!d[0] && !d[1] && d[2] == 0xFE && d[3] == 0xFF) i = 4, big = true;
    }
    /* Errors name the byte order actually decoded, as CPython's do. */
    st->enc = codec_names[unit == 2 ? (big ? C_UTF16_BE : C_UTF16_LE) : (big ? C_UTF32_BE : C_UTF32_LE)];
    StrBuilder sb;
    sb_init(&sb);
    while (i < n) {
        const char *reason = NULL;
        size_t stop = i + (size_t)unit;
        if (n - i < (size_t)unit) {
            reason = "truncated data";
            stop = n;
        } else if (unit == 4) {
            uint32_t u = get_unit(d + i, 4, big);
            if (u > 0x10FFFF) reason = "code point not in range(0x110000)";
            else if (is_surrogate(u) && st->h != H_SURROGATEPASS)
                reason = "code point in surrogate code point range(0xd800, 0xe000)";
            else sb_append_codepoint(&sb, u);
        } else {
            uint32_t u = get_unit(d + i, 2, big);
            if (!is_surrogate(u)) {
                sb_append_codepoint(&sb, u);
            } else if (u >= 0xDC00) {
                if (st->h == H_SURROGATEPASS) sb_append_codepoint(&sb, u);
                else reason = "illegal encoding";
            } else if (n - i < 4) {
                if (st->h == H_SURROGATEPASS && n - i >= 2) sb_append_codepoint(&sb, u);
                else reason = n - i == 2 ? "unexpected end of data" : "illegal UTF-16 surrogate";
            } else {
                uint32_t u2 = get_unit(d + i + 2, 2, big);
                if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
                    sb_append_codepoint(&sb, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
                    stop = i + 4;
                } else if (st->h == H_SURROGATEPASS) {
                    sb_append_codepoint(&sb, u);
                } else {
                    reason = "illegal UTF-16 surrogate";
                }
            }
        }
        if (!reason) {
            i = stop;
            continue;
        }
        enum Handler h = st->h;
        if (h == H_SURROGATEPASS) st->h = H_STRICT;  /* not a surrogate problem: surrogatepass cannot help */
        ssize_t next = decode_error(st, &sb, i, stop, reason, false);
        st->h = h;
        if (next < 0) {
            sb_discard(&sb);
            return VNULL;
        }
        i = (size_t)next;
        d = (const unsigned char *)st->data;
        n = st->size;
    }
    return sb_finish(&sb);
}

Value bytes_decode(const char *data, size_t size, const char *encoding, const char *errors) {
    int c = encoding ? codec_of(encoding) : C_UTF8;
    if (c >= 0 && check_errors_name(errors) < 0) return VNULL;
    if (c < 0) {
        if (codec_fallback) {
            Value b = bytes_new(data, size);
            return b ? codec_fallback(false, b, encoding, errors) : VNULL;
        }
        unknown_encoding(encoding);
        return VNULL;
    }
    if (c == C_UTF8_SIG) {
        /* The BOM is optional; errors are reported against the rest, as the "utf-8" codec. */
        if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) data += 3, size -= 3;
        c = C_UTF8;
    }
    DecodeState st = {data, size, codec_names[c], errors, handler_of(errors), VNULL};
    if (c >= C_UTF16) return decode_utf16_32(&st, (enum Codec)c);
    switch (c) {
    case C_UTF8: return decode_utf8(&st);
    case C_ASCII: return decode_ascii(&st);
    default: return decode_latin1(&st);
    }
}

Value str_decode_utf8(const char *s, size_t size, const char *errors) {
    DecodeState st = {s, size, "utf-8", errors, handler_of(errors), VNULL};
    return decode_utf8(&st);
}
