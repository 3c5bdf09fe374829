/* io_codec.c - the text layer's incremental codecs, newline translation and _io.IncrementalNewlineDecoder. */
#include "io.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "../vm/import.h"
#include "../gc/gc.h"

#include <stdlib.h>

/*
 * TextIOWrapper decodes in chunks, so a character may be split between
 * two reads.  The decoders here keep such a tail (at most 3 bytes) in the
 * IoDecoder and prepend it to the next chunk; the whole-buffer codecs of
 * src/objects/codecs.c do the real work, so error messages and handlers
 * are the same as bytes.decode()'s.  The state is plain C data: tell()
 * copies it freely to replay decoding, which is how it reconstructs a
 * position the way CPython does.
 *
 * getstate() flags follow CPython's codecs, since they end up inside the
 * tell() cookies a program sees: utf-8-sig reports 1 until it has seen
 * (or ruled out) the BOM; utf-16/utf-32 report 2 until the BOM decided
 * the byte order, then 0 (little-endian, the native order) or 1.  The
 * IncrementalNewlineDecoder layer shifts that left and adds its pending-CR
 * bit.
 */

static const char *const codec_canon[] = {
    "utf-8", "ascii", "latin-1", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
};

/* The aliases of the codecs above, after normalisation (see normalize()). */
static const struct {
    const char *alias;
    int codec;
} aliases[] = {
    {"utf_8", IO_UTF8}, {"utf8", IO_UTF8}, {"u8", IO_UTF8}, {"utf", IO_UTF8}, {"utf8_ucs2", IO_UTF8},
    {"utf8_ucs4", IO_UTF8}, {"cp65001", IO_UTF8},
    {"ascii", IO_ASCII}, {"us_ascii", IO_ASCII}, {"646", IO_ASCII}, {"ansi_x3.4_1968", IO_ASCII},
    {"ansi_x3_4_1968", IO_ASCII}, {"ansi_x3.4_1986", IO_ASCII}, {"cp367", IO_ASCII}, {"csascii", IO_ASCII},
    {"ibm367", IO_ASCII}, {"iso646_us", IO_ASCII}, {"iso_646.irv_1991", IO_ASCII}, {"iso_ir_6", IO_ASCII},
    {"us", IO_ASCII},
    {"latin_1", IO_LATIN1}, {"latin1", IO_LATIN1}, {"iso8859_1", IO_LATIN1}, {"iso_8859_1", IO_LATIN1},
    {"8859", IO_LATIN1}, {"cp819", IO_LATIN1}, {"csisolatin1", IO_LATIN1}, {"ibm819", IO_LATIN1},
    {"iso_8859_1_1987", IO_LATIN1}, {"iso_ir_100", IO_LATIN1}, {"l1", IO_LATIN1}, {"latin", IO_LATIN1},
    {"utf_8_sig", IO_UTF8_SIG},
    {"utf_16", IO_UTF16}, {"utf16", IO_UTF16}, {"u16", IO_UTF16},
    {"utf_16_le", IO_UTF16_LE}, {"utf_16le", IO_UTF16_LE}, {"unicodelittleunmarked", IO_UTF16_LE},
    {"utf_16_be", IO_UTF16_BE}, {"utf_16be", IO_UTF16_BE}, {"unicodebigunmarked", IO_UTF16_BE},
    {"utf_32", IO_UTF32}, {"utf32", IO_UTF32}, {"u32", IO_UTF32},
    {"utf_32_le", IO_UTF32_LE}, {"utf_32le", IO_UTF32_LE},
    {"utf_32_be", IO_UTF32_BE}, {"utf_32be", IO_UTF32_BE},
};

/* encodings.normalize_encoding() and lower(): runs of characters other than
 * letters, digits and '.' become one '_', none leading or trailing. */
static bool normalize(const char *name, char *buf, size_t cap) {
    size_t n = 0;
    bool pending = false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned char c = *p;
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
        if (!keep) {
            pending = true;
            continue;
        }
        if (pending && n) {
            if (n + 1 >= cap) return false;
            buf[n++] = '_';
        }
        pending = false;
        if (n + 1 >= cap) return false;
        buf[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[n] = 0;
    return true;
}

int io_codec_lookup(Value encoding) {
    const char *name = str_data(encoding);
    if (memchr(name, 0, str_size(encoding))) {
        err_set(&exc_ValueError, "embedded null character");
        return -1;
    }
    char buf[64];
    if (normalize(name, buf, sizeof buf))
        for (size_t i = 0; i < ARRAY_LEN(aliases); i++)
            if (strcmp(buf, aliases[i].alias) == 0) return aliases[i].codec;
    /* The registry may know it: a codec that is not a text encoding gets
     * CPython's message; a text codec of its own is not supported here. */
    Value mod = import_name(str_intern_cstr("_codecs"), VNULL, VNone, 0);
    Value info = mod ? obj_call_method(mod, "lookup", &encoding, 1) : VNULL;
    if (!info) return -1;
    Value flag = obj_getattr_opt(info, str_intern_cstr("_is_text_encoding"));
    if (!flag && err_occurred()) return -1;
    int text = flag ? obj_is_true(flag) : 1;
    if (text < 0) return -1;
    if (!text)
        err_format(&exc_LookupError, "'%s' is not a text encoding; use codecs.open() to handle arbitrary codecs", name);
    else
        err_format(&exc_LookupError, "unknown encoding: %s", name);
    return -1;
}


/* ---- Decoding ---- */

static int initial_flags(int codec) {
    if (codec == IO_UTF8_SIG) return 1;
    if (codec == IO_UTF16 || codec == IO_UTF32) return 2;
    return 0;
}

void iodec_init(IoDecoder *d, int codec, bool nl, bool translate) {
    memset(d, 0, sizeof *d);
    d->codec = codec;
    d->nl = nl;
    d->translate = translate;
    d->flags = initial_flags(codec);
}

void iodec_reset(IoDecoder *d) {
    d->npend = 0;
    d->flags = initial_flags(d->codec);
    d->pendingcr = false;
    d->seennl = 0;
}

int iodec_getstate(const IoDecoder *d, const char **buf, size_t *n) {
    *buf = (const char *)d->pend;
    *n = (size_t)d->npend;
    return d->nl ? (d->flags << 1) | d->pendingcr : d->flags;
}

void iodec_setstate(IoDecoder *d, const char *buf, size_t n, int flags) {
    if (n > sizeof d->pend) n = sizeof d->pend;
    if (n) memcpy(d->pend, buf, n);
    d->npend = (int)n;
    if (d->nl) {
        d->pendingcr = flags & 1;
        flags >>= 1;
    }
    d->flags = flags;
}

/* Bytes at the end of s that start a UTF-8 sequence still missing continuation bytes. */
static size_t utf8_incomplete_tail(const unsigned char *s, size_t n) {
    for (size_t k = 1; k <= 3 && k <= n; k++) {
        unsigned char c = s[n - k];
        if ((c & 0xC0) == 0x80) continue;
        size_t need = c >= 0xF5 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (need <= k) return 0;
        /* The bytes present must be a valid prefix, or the decoder reports the error now. */
        if (k >= 2) {
            unsigned char c2 = s[n - k + 1];
            unsigned char lo = 0x80, hi = 0xBF;
            if (c == 0xE0) lo = 0xA0;
            else if (c == 0xED) hi = 0x9F;
            else if (c == 0xF0) lo = 0x90;
            else if (c == 0xF4) hi = 0x8F;
            if (c2 < lo || c2 > hi) return 0;
        }
        return k;
    }
    return 0;
}

static Value decode_units(IoDecoder *d, const unsigned char *in, size_t len, bool final, const char *errors,
                          size_t *keep) {
    bool sixteen = d->codec >= IO_UTF16 && d->codec <= IO_UTF16_BE;
    size_t unit = sixteen ? 2 : 4;
    bool big;
    if (d->codec == IO_UTF16 || d->codec == IO_UTF32) big = d->flags == 1;
    else big = d->codec == IO_UTF16_BE || d->codec == IO_UTF32_BE;
    size_t k = final ? 0 : len % unit;
    if (!final && sixteen && len - k >= 2) {
        /* Do not split a surrogate pair. */
        const unsigned char *u = in + len - k - 2;
        unsigned hi = big ? u[0] : u[1];
        if (hi >= 0xD8 && hi <= 0xDB) k += 2;
    }
    *keep = k;
    const char *name = sixteen ? (big ? "utf-16-be" : "utf-16-le") : (big ? "utf-32-be" : "utf-32-le");
    return bytes_decode((const char *)in, len - k, name, errors);
}

/* Decide the byte order from a BOM: bytes consumed, 0 to wait for more, -1 on error. */
static ssize_t read_bom(IoDecoder *d, const unsigned char *in, size_t len, bool final) {
    bool sixteen = d->codec == IO_UTF16;
    size_t unit = sixteen ? 2 : 4;
    if (len < unit) {
        if (!final) return 0;
        d->flags = 0;   /* let the decoder report the truncated data */
        return 0;
    }
    if (sixteen ? (in[0] == 0xFF && in[1] == 0xFE) : (in[0] == 0xFF && in[1] == 0xFE && !in[2] && !in[3])) {
        d->flags = 0;
        return (ssize_t)unit;
    }
    if (sixteen ? (in[0] == 0xFE && in[1] == 0xFF) : (!in[0] && !in[1] && in[2] == 0xFE && in[3] == 0xFF)) {
        d->flags = 1;
        return (ssize_t)unit;
    }
    err_format(&exc_UnicodeError, "UTF-%d stream does not start with BOM", sixteen ? 16 : 32);
    return -1;
}

static Value decode_bytes(IoDecoder *d, const unsigned char *in, size_t len, bool final, const char *errors) {
    size_t keep = 0;
    Value out;
    switch (d->codec) {
    case IO_UTF8_SIG:
        if (d->flags == 1) {
            if (len < 3) {
                /* Maybe the start of a BOM: decide when more has arrived (CPython waits even at EOF). */
                if (memcmp(in, "\xEF\xBB\xBF", len) == 0) {
                    keep = len;
                    out = str_empty();
                    break;
                }
                d->flags = 0;
            } else {
                d->flags = 0;
                if (memcmp(in, "\xEF\xBB\xBF", 3) == 0) {
                    in += 3;
                    len -= 3;
                }
            }
        }
        /* fall through */
    case IO_UTF8:
        keep = final ? 0 : utf8_incomplete_tail(in, len);
        out = bytes_decode((const char *)in, len - keep, "utf-8", errors);
        break;
    case IO_ASCII:
    case IO_LATIN1:
        out = bytes_decode((const char *)in, len, codec_canon[d->codec], errors);
        break;
    case IO_UTF16:
    case IO_UTF32:
        if (d->flags == 2) {
            ssize_t skip = read_bom(d, in, len, final);
            if (skip < 0) return VNULL;
            if (d->flags == 2) {
                keep = len;
                out = str_empty();
                break;
            }
            in += skip;
            len -= (size_t)skip;
        }
        out = decode_units(d, in, len, final, errors, &keep);
        break;
    default:
        out = decode_units(d, in, len, final, errors, &keep);
        break;
    }
    if (!out) return VNULL;
    memcpy(d->pend, in + len - keep, keep);
    d->npend = (int)keep;
    return out;
}

Value iodec_decode(IoDecoder *d, const char *data, size_t n, bool final, const char *errors) {
    Value out;
    if (d->npend) {
        /* Join the held tail with the new bytes (a copy, but only at chunk seams). */
        size_t len = (size_t)d->npend + n;
        unsigned char small[64];
        unsigned char *in = len <= sizeof small ? small : malloc(len);
        if (!in) {
            err_no_memory();
            return VNULL;
        }
        memcpy(in, d->pend, (size_t)d->npend);
        memcpy(in + d->npend, data, n);
        out = decode_bytes(d, in, len, final, errors);
        if (in != small) free(in);
    } else {
        out = decode_bytes(d, (const unsigned char *)data, n, final, errors);
    }
    if (!out || !d->nl) return out;
    return io_nl_decode(out, d->translate, final, &d->pendingcr, &d->seennl);
}

/* ---- Encoding ---- */

void ioenc_init(IoEncoder *e, int codec) {
    e->codec = codec;
    e->bom_pending = codec == IO_UTF8_SIG || codec == IO_UTF16 || codec == IO_UTF32;
}

void ioenc_reset(IoEncoder *e) { ioenc_init(e, e->codec); }

Value ioenc_encode(IoEncoder *e, Value text, const char *errors) {
    const char *name = codec_canon[e->codec];
    const char *bom = NULL;
    size_t bomlen = 0;
    switch (e->codec) {
    case IO_UTF8_SIG:
        name = "utf-8";
        bom = "\xEF\xBB\xBF", bomlen = 3;
        break;
    case IO_UTF16:
        name = "utf-16-le";
        bom = "\xFF\xFE", bomlen = 2;
        break;
    case IO_UTF32:
        name = "utf-32-le";
        bom = "\xFF\xFE\0\0", bomlen = 4;
        break;
    default:
        break;
    }
    Value b = str_encode(text, name, errors);
    if (!b || !bom || !e->bom_pending) return b;
    e->bom_pending = false;
    BytesObject *r = bytes_alloc(bomlen + (size_t)bytes_size(b));
    if (!r) return VNULL;
    memcpy(r->data, bom, bomlen);
    memcpy(r->data + bomlen, bytes_data(b), (size_t)bytes_size(b));
    return obj_val(r);
}

/* ---- Newlines ---- */

Value io_newlines_value(int seennl) {
    Value cr = str_intern_cstr("\r"), lf = str_intern_cstr("\n"), crlf = str_intern_cstr("\r\n");
    switch (seennl) {
    case IO_SEEN_CR: return cr;
    case IO_SEEN_LF: return lf;
    case IO_SEEN_CRLF: return crlf;
    case IO_SEEN_CR | IO_SEEN_LF: return tuple_pack(2, cr, lf);
    case IO_SEEN_CR | IO_SEEN_CRLF: return tuple_pack(2, cr, crlf);
    case IO_SEEN_LF | IO_SEEN_CRLF: return tuple_pack(2, lf, crlf);
    case IO_SEEN_CR | IO_SEEN_LF | IO_SEEN_CRLF: return tuple_pack(3, cr, lf, crlf);
    default: return VNone;
    }
}

Value io_nl_decode(Value text, bool translate, bool final, bool *pendingcr, int *seennl) {
    const char *s = str_data(text);
    size_t size = str_size(text), len = str_len(text);
    bool add_cr = *pendingcr && (size > 0 || final);
    if (add_cr) *pendingcr = false;
    /* Hold back a final "\r" so that a "\r\n" split between two chunks is seen whole. */
    bool hold_cr = !final && size > 0 && s[size - 1] == '\r';
    if (hold_cr) {
        size--;
        len--;
        *pendingcr = true;
    }
    bool has_cr = add_cr || memchr(s, '\r', size) != NULL;
    if (!has_cr) {
        if (memchr(s, '\n', size)) *seennl |= IO_SEEN_LF;
        if (!hold_cr && !add_cr) return text;
        return str_new_len(s, size, len);
    }
    /* One pass: record the kinds of line ending and translate if asked. */
    StrBuilder sb;
    sb_init(&sb);
    size_t outlen = len + add_cr;
    if (add_cr) sb_append_char(&sb, '\r');
    sb_append_utf8(&sb, s, size, len);
    if (sb.failed) return sb_finish(&sb);
    char *p = sb.buf;
    size_t n = sb.size, w = 0;
    int seen = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == '\r') {
            if (i + 1 < n && p[i + 1] == '\n') {
                seen |= IO_SEEN_CRLF;
                if (translate) {
                    p[w++] = '\n';
                    i++;
                    outlen--;
                    continue;
                }
            } else {
                seen |= IO_SEEN_CR;
                if (translate) c = '\n';
            }
        } else if (c == '\n') {
            /* The '\n' of a "\r\n" kept untranslated is skipped above only when translating. */
            if (!(i > 0 && p[i - 1] == '\r' && !translate)) seen |= IO_SEEN_LF;
        }
        p[w++] = c;
    }
    *seennl |= seen;
    sb.size = w;
    sb.len = outlen;
    return sb_finish(&sb);
}

Value io_nl_encode(Value text, const char *nl) {
    const char *s = str_data(text);
    size_t size = str_size(text);
    const char *p = memchr(s, '\n', size);
    if (!p) return text;
    size_t nllen = strlen(nl);
    StrBuilder sb;
    sb_init(&sb);
    size_t extra = 0;
    while (p) {
        sb_append_utf8(&sb, s, (size_t)(p - s), 0);
        sb_append_utf8(&sb, nl, nllen, 0);
        extra += nllen - 1;
        size -= (size_t)(p - s) + 1;
        s = p + 1;
        p = memchr(s, '\n', size);
    }
    sb_append_utf8(&sb, s, size, 0);
    sb.len = str_len(text) + extra;
    return sb_finish(&sb);
}

ssize_t io_find_line_end(const char *s, size_t size, bool translated, bool universal, const char *readnl,
                         size_t *consumed) {
    if (consumed) *consumed = size;
    if (translated) {
        const char *p = memchr(s, '\n', size);
        return p ? p - s + 1 : -1;
    }
    if (universal) {
        for (size_t i = 0; i < size; i++) {
            char c = s[i];
            if (c == '\n') return (ssize_t)i + 1;
            if (c == '\r') return (ssize_t)i + 1 + (i + 1 < size && s[i + 1] == '\n');
        }
        return -1;
    }
    size_t nllen = strlen(readnl);
    if (nllen == 1) {
        const char *p = memchr(s, readnl[0], size);
        return p ? p - s + 1 : -1;
    }
    for (size_t i = 0; i + 1 < size; i++)
        if (s[i] == readnl[0] && s[i + 1] == readnl[1]) return (ssize_t)i + 2;
    /* The last character may be the "\r" of a "\r\n" split between chunks:
     * keep it aside (always, as CPython does; whole, as it may be multi-byte). */
    if (consumed) {
        size_t k = size;
        if (k > 0) k--;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
        *consumed = k;
    }
    return -1;
}

int io_check_newline(Value newline, const char *fname) {
    if (newline == VNone) return 0;
    const char *s = str_data(newline);
    size_t n = str_size(newline);
    if (n == 0 || (n == 1 && (s[0] == '\n' || s[0] == '\r')) || (n == 2 && s[0] == '\r' && s[1] == '\n'))
        return 0;
    /* StringIO quotes the value, TextIOWrapper and open() do not. */
    if (fname) err_format(&exc_ValueError, "illegal newline value: %U", newline);
    else err_format(&exc_ValueError, "illegal newline value: %R", newline);
    return -1;
}

/* ---- _io.IncrementalNewlineDecoder ---- */

typedef struct NLDecoderObject {
    Object hdr;
    Value decoder;           /* VNone: input is already str */
    Value errors;
    bool translate, pendingcr, ok;
    int seennl;
} NLDecoderObject;

static inline NLDecoderObject *nld(Value v) { return (NLDecoderObject *)v; }

static void nldecoder_trace(Object *o) {
    gc_mark(((NLDecoderObject *)o)->decoder);
    gc_mark(((NLDecoderObject *)o)->errors);
    inst_trace_attrs(o);
}

static Value nldecoder_new(Type *t, Value *args, size_t nargs, Value kwnames) { return type_generic_alloc(t, 0); }

static int nldecoder_init(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"decoder", "translate", "errors", NULL};
    Value a[3];
    if (arg_parse("IncrementalNewlineDecoder", args, nargs, kwnames, names, 0, 2, a) < 0) return -1;
    int t = obj_is_true(a[1]);
    if (t < 0) return -1;
    NLDecoderObject *d = nld(self);
    GC_WRITE(self, d->decoder, a[0]);
    GC_WRITE(self, d->errors, a[2] ? a[2] : str_intern_cstr("strict"));
    d->translate = t;
    d->pendingcr = false;
    d->seennl = 0;
    d->ok = true;
    return 0;
}

static int nld_check(NLDecoderObject *d) {
    if (!d->ok) {
        err_set(&exc_ValueError, "IncrementalNewlineDecoder.__init__() not called");
        return -1;
    }
    return 0;
}

static Value nldecoder_decode(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"input", "final", NULL};
    Value a[2];
    if (arg_parse("decode", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    NLDecoderObject *d = nld(self);
    if (nld_check(d) < 0) return VNULL;
    int final = 0;
    if (a[1] && (final = obj_is_true(a[1])) < 0) return VNULL;
    Value out = a[0];
    if (d->decoder != VNone) {
        Value dargs[2] = {a[0], val_bool(final)};
        Value kw = tuple_pack(1, str_intern_cstr("final"));
        Value m = obj_getattr_cstr(d->decoder, "decode");
        if (!kw || !m) return VNULL;
        out = obj_call(m, dargs, 1, kw);
        if (!out) return VNULL;
    }
    if (!str_check(out)) {
        err_format(&exc_TypeError, "decoder should return a string result, not '%s'", type_name(out));
        return VNULL;
    }
    return io_nl_decode(out, d->translate, final, &d->pendingcr, &d->seennl);
}

static Value nldecoder_getstate(Value self, Value *args, size_t nargs, Value kw) {
    NLDecoderObject *d = nld(self);
    if (nld_check(d) < 0) return VNULL;
    Value buffer;
    int64_t flag = 0;
    if (d->decoder != VNone) {
        Value st = obj_call_method(d->decoder, "getstate", NULL, 0);
        if (!st) return VNULL;
        if (!tuple_check(st) || tuple_size(st) != 2) {
            err_set(&exc_TypeError, "illegal decoder state");
            return VNULL;
        }
        buffer = tuple_get(st, 0);
        flag = int_as_i64(tuple_get(st, 1));
        if (flag == -1 && err_occurred()) return VNULL;
        flag <<= 1;
    } else {
        buffer = bytes_empty();
    }
    if (d->pendingcr) flag |= 1;
    return tuple_pack(2, buffer, int_from_i64(flag));
}

static Value nldecoder_setstate(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("setstate", nargs, 1, 1) < 0) return VNULL;
    NLDecoderObject *d = nld(self);
    if (nld_check(d) < 0) return VNULL;
    Value st = args[0];
    if (!tuple_check(st)) {
        err_set(&exc_TypeError, "state argument must be a tuple");
        return VNULL;
    }
    if (tuple_size(st) != 2) {
        err_set(&exc_TypeError, "illegal state argument");
        return VNULL;
    }
    int64_t flag = int_as_i64(tuple_get(st, 1));
    if (flag == -1 && err_occurred()) return VNULL;
    d->pendingcr = flag & 1;
    if (d->decoder != VNone) {
        Value inner = tuple_pack(2, tuple_get(st, 0), int_from_i64(flag >> 1));
        if (!inner || !obj_call_method(d->decoder, "setstate", &inner, 1)) return VNULL;
    }
    return VNone;
}

static Value nldecoder_reset(Value self, Value *args, size_t nargs, Value kw) {
    NLDecoderObject *d = nld(self);
    if (nld_check(d) < 0) return VNULL;
    d->seennl = 0;
    d->pendingcr = false;
    if (d->decoder != VNone && !obj_call_method(d->decoder, "reset", NULL, 0)) return VNULL;
    return VNone;
}

static Value nldecoder_get_newlines(Value self) {
    if (nld_check(nld(self)) < 0) return VNULL;
    return io_newlines_value(nld(self)->seennl);
}

static const MethodDef nldecoder_methods[] = {
    {"decode", nldecoder_decode, 0, NULL},
    {"getstate", nldecoder_getstate, 0, NULL},
    {"setstate", nldecoder_setstate, 0, NULL},
    {"reset", nldecoder_reset, 0, NULL},
    {NULL}
};

static const GetSetDef nldecoder_getsets[] = {
    {"newlines", nldecoder_get_newlines, NULL, NULL},
    {NULL}
};

Type type_nldecoder = {
    .hdr = {0, &type_type},
    .name = "_io.IncrementalNewlineDecoder",
    .basicsize = sizeof(NLDecoderObject),
    .attrs_offset = sizeof(NLDecoderObject),
    .flags = TF_BASETYPE,
    .trace = nldecoder_trace,
    .new = nldecoder_new,
    .init = nldecoder_init,
    .methods = nldecoder_methods,
    .getsets = nldecoder_getsets,
    .doc = "Codec used when reading a file in universal newlines mode.",
};
