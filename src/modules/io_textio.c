/* io_textio.c - _io.TextIOWrapper: str over a binary buffer, with universal newlines and tell() cookies. */
#include "io.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/list.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../objects/exceptions.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <stdlib.h>

/*
 * Writing: text is translated ("\n" -> the newline asked for), encoded,
 * and collected in `pend` (malloc'd) until 8192 bytes, a flush, a line
 * end with line_buffering, or any write with write_through; then it goes
 * to buffer.write() in one piece.  The pending bytes are visible to
 * programs exactly as in CPython (buffer.tell() does not move yet).
 *
 * Reading: the buffer is read in chunks (read1(8192)), each decoded at
 * once into `decoded`; read() and readline() hand out characters from it,
 * `dec_used` (code points) and `dec_used_b` (bytes) marking how far.
 *
 * tell() must name a position inside a decoded chunk, which no byte
 * offset does in general (a decoder may be between the halves of a
 * character, or hold a "\r").  Like CPython, before decoding each chunk we
 * take a snapshot -- the decoder's flags and the bytes fed from there --
 * and tell() replays the decoding from the snapshot to find the nearest
 * point where the decoder held nothing.  The cookie packs that byte
 * position, the decoder flags, how many bytes to feed and how many
 * characters to skip, in CPython's layout, so the numbers a program sees
 * (and may store) are CPython's.
 */

typedef struct TextIOObject {
    Object hdr;
    Value buffer;
    Value encoding, errors;       /* str */
    Value decoded;                /* the current decoded chunk, or VNULL */
    Value snap_input;             /* bytes fed since the snapshot, VNULL: no snapshot */
    Value raw;                    /* the FileIO under an exact Buffered buffer (closed checks), or VNULL */
    size_t dec_used, dec_used_b;
    int snap_flags;
    double b2cratio;
    ssize_t chunk_size;
    IoDecoder dec;
    IoEncoder enc;
    IoPending *pend;
    char readnl[3], writenl[3];   /* "" when none */
    bool has_decoder, has_encoder;
    bool readuniversal, readtranslate, writetranslate;
    bool line_buffering, write_through, seekable, telling, has_read1;
    bool ok, detached, finalizing, encoding_start_of_stream;
} TextIOObject;

static inline TextIOObject *tio(Value v) { return (TextIOObject *)v; }

/* ---- Checks ---- */

static int check_attached(TextIOObject *t) {
    if (!t->ok) {
        err_set(&exc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (t->detached) {
        err_set(&exc_ValueError, "underlying buffer has been detached");
        return -1;
    }
    return 0;
}

static int check_initialized(TextIOObject *t) {
    if (!t->ok) {
        err_set(&exc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

static int check_closed(Value self) {
    TextIOObject *t = tio(self);
    if (val_type(self) != &type_textiowrapper) return io_check_closed(self);
    int r;
    if (t->raw) {
        r = ((FileIOObject *)t->raw)->fd < 0;
    } else {
        Value c = obj_getattr_cstr(t->buffer, "closed");
        if (!c) return -1;
        r = obj_is_true(c);
        if (r < 0) return -1;
    }
    if (r) {
        io_err_closed();
        return -1;
    }
    return 0;
}

/* ---- Pending output ---- */

static int pend_append(IoPending *p, const char *data, size_t n) {
    if (p->len + n > p->cap) {
        size_t cap = p->cap ? p->cap : 256;
        while (cap < p->len + n) cap *= 2;
        char *nd = realloc(p->data, cap);
        if (!nd) {
            err_no_memory();
            return -1;
        }
        p->data = nd;
        p->cap = cap;
    }
    if (n) memcpy(p->data + p->len, data, n);
    p->len += n;
    return 0;
}

static bool buffer_is_c_writer(Value b) {
    Type *bt = val_is_int(b) ? NULL : val_type(b);
    return (bt == &type_buffered_writer || bt == &type_buffered_random) &&
           val_type(((BufferedObject *)b)->raw) == &type_fileio;
}

/* Hand the pending bytes to buffer.write(); they are dropped even if that fails, as in CPython. */
static int writeflush(TextIOObject *t) {
    IoPending *p = t->pend;
    if (!p || p->len == 0) return 0;
    size_t n = p->len;
    p->len = 0;
    if (buffer_is_c_writer(t->buffer)) {
        /* No Python code runs below a FileIO, but the write may release
         * the GIL: another thread's write() then appends to (and may
         * realloc) the pending memory.  So take it out while it is written. */
        char *data = p->data;
        size_t cap = p->cap;
        p->data = NULL;
        p->cap = 0;
        int r = buffered_write_bytes(t->buffer, data, n) ? 0 : -1;
        if (!p->data) {
            p->data = data;
            p->cap = cap;
        } else {
            free(data);
        }
        return r;
    }
    Value b = bytes_new(p->data, n);
    if (!b) return -1;
    return obj_call_method(t->buffer, "write", &b, 1) ? 0 : -1;
}

/* ---- Decoded characters ---- */

static void set_decoded(TextIOObject *t, Value s) {
    GC_WRITE(t, t->decoded, s);
    t->dec_used = t->dec_used_b = 0;
}

/* Byte offset in s after `n` code points from byte offset `from`. */
static size_t advance_cps(Value s, size_t from, size_t n) {
    if (str_is_ascii(s)) return from + n;
    const unsigned char *p = (const unsigned char *)str_data(s);
    size_t size = str_size(s), off = from;
    while (n > 0 && off < size) {
        off++;
        while (off < size && (p[off] & 0xC0) == 0x80) off++;
        n--;
    }
    return off;
}

static Value get_decoded_chars(TextIOObject *t, ssize_t n) {
    Value d = t->decoded;
    if (!d) return str_empty();
    size_t avail = str_len(d) - t->dec_used;
    if (n < 0 || (size_t)n > avail) n = (ssize_t)avail;
    if (n == 0) return str_empty();
    Value r;
    size_t bend;
    if (t->dec_used == 0 && (size_t)n == str_len(d)) {
        r = d;
        bend = str_size(d);
    } else {
        bend = advance_cps(d, t->dec_used_b, (size_t)n);
        r = str_new_len(str_data(d) + t->dec_used_b, bend - t->dec_used_b, (size_t)n);
        if (!r) return VNULL;
    }
    t->dec_used += (size_t)n;
    t->dec_used_b = bend;
    return r;
}

static void clear_snapshot(TextIOObject *t) { GC_WRITE(t, t->snap_input, VNULL); }

/* Read and decode one chunk: 1 if characters (or more input) came, 0 at EOF, -1 on error. */
static int read_chunk(TextIOObject *t, ssize_t size_hint) {
    if (!t->has_decoder) {
        io_unsupported("not readable");
        return -1;
    }
    /* CPython takes the snapshot only while `telling` (not during iteration)
     * and so reads past the end of a stale one if tell() follows a loop
     * left early; taking it always costs one copy per chunk and makes that
     * tell() right. */
    const char *pb = NULL;
    size_t pn = 0;
    unsigned char saved[4];
    int dec_flags = iodec_getstate(&t->dec, &pb, &pn);
    memcpy(saved, pb, pn);
    if (size_hint > 0) size_hint = (ssize_t)((t->b2cratio > 1.0 ? t->b2cratio : 1.0) * (double)size_hint);
    ssize_t want = t->chunk_size > size_hint ? t->chunk_size : size_hint;
    Value wv = int_from_i64(want);
    const char *method = t->has_read1 ? "read1" : "read";
    Value input = obj_call_method(t->buffer, method, &wv, 1);
    if (!input) return -1;
    const char *data;
    size_t n;
    if (!bytes_get_buffer(input, &data, &n)) {
        err_format(&exc_TypeError, "underlying %s() should have returned a bytes-like object, not '%s'", method,
                   type_name(input));
        return -1;
    }
    bool eof = n == 0;
    Value decoded = iodec_decode(&t->dec, data, n, eof, str_data(t->errors));
    if (!decoded) return -1;
    size_t nchars = str_len(decoded);
    t->b2cratio = nchars > 0 ? (double)n / (double)nchars : 0.0;
    if (nchars > 0) eof = false;
    {
        /* The snapshot: from flags `dec_flags` with an empty decoder, feeding
         * these bytes gets here.  Usually the decoder held nothing and the
         * chunk itself (immutable bytes) is the snapshot. */
        Value next = input;
        if (pn || !bytes_check(input)) {
            BytesObject *b = bytes_alloc(pn + n);
            if (!b) return -1;
            memcpy(b->data, saved, pn);
            memcpy(b->data + pn, data, n);
            next = obj_val(b);
        }
        t->snap_flags = dec_flags;
        GC_WRITE(t, t->snap_input, next);
    }
    set_decoded(t, decoded);
    return !eof;
}

/* ---- Construction ---- */

static Value textio_new(Type *tp, Value *args, size_t nargs, Value kwnames) { return type_generic_alloc(tp, 0); }

static void textio_trace(Object *o) {
    TextIOObject *t = (TextIOObject *)o;
    gc_mark(t->buffer);
    gc_mark(t->encoding);
    gc_mark(t->errors);
    gc_mark(t->decoded);
    gc_mark(t->snap_input);
    gc_mark(t->raw);
    inst_trace_attrs(o);
}

static void pend_release(TextIOObject *t, bool dying) {
    IoPending *p = t->pend;
    if (!p) return;
    t->pend = NULL;
    if (p->buf) {
        if (dying) {
            buffered_text_dying(p);   /* writes p out through the FileIO's descriptor */
        } else {
            buffered_detach_text(p);
        }
    }
    free(p->data);
    free(p);
}

static void textio_finalize(Object *o) { pend_release((TextIOObject *)o, true); }

static void set_newline(TextIOObject *t, Value newline) {
    const char *nl = newline == VNone ? NULL : str_data(newline);
    t->readnl[0] = t->writenl[0] = 0;
    if (nl) strcpy(t->readnl, nl);
    t->readuniversal = !nl || !nl[0];
    t->readtranslate = !nl;
    t->writetranslate = !nl || nl[0];
    /* On POSIX os.linesep is "\n": only "\r" and "\r\n" need translating on output. */
    if (!t->readuniversal && nl && strcmp(nl, "\n") != 0) strcpy(t->writenl, nl);
}

/* The decoder and encoder for the current encoding, newline and buffer abilities. */
static int set_codecs(TextIOObject *t, int codec) {
    Value r = obj_call_method(t->buffer, "readable", NULL, 0);
    if (!r) return -1;
    t->has_decoder = r == VTrue;
    if (t->has_decoder) iodec_init(&t->dec, codec, t->readuniversal, t->readtranslate);
    r = obj_call_method(t->buffer, "writable", NULL, 0);
    if (!r) return -1;
    t->has_encoder = r == VTrue;
    if (t->has_encoder) ioenc_init(&t->enc, codec);
    return 0;
}

/* A BOM is written only at the very start of a stream. */
static int fix_encoder_state(TextIOObject *t) {
    if (!t->seekable || !t->has_encoder) return 0;
    t->encoding_start_of_stream = true;
    Value pos = obj_call_method(t->buffer, "tell", NULL, 0);
    if (!pos) return -1;
    int eq = obj_richcompare_bool(pos, val_from_int(0), CMP_EQ);
    if (eq < 0) return -1;
    if (!eq) {
        t->encoding_start_of_stream = false;
        t->enc.bom_pending = false;
    }
    return 0;
}

static int str_or_none_arg(const char *fname, const char *argname, Value v) {
    if (v && v != VNone && !str_check(v)) {
        err_format(&exc_TypeError, "%s() argument '%s' must be str or None, not %s", fname, argname, type_name(v));
        return -1;
    }
    return 0;
}

static int int_flag_arg(Value v, bool *out) {
    if (!v) return 0;
    if (!int_check(v)) {
        if (val_type(v) == &type_float) {
            err_set(&exc_TypeError, "'float' object cannot be interpreted as an integer");
            return -1;
        }
        Value i = num_index(v);
        if (!i) return -1;
        v = i;
    }
    int t = obj_is_true(v);
    if (t < 0) return -1;
    *out = t;
    return 0;
}

static int textio_init(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"buffer", "encoding", "errors", "newline", "line_buffering",
                                        "write_through", NULL};
    Value a[6];
    TextIOObject *t = tio(self);
    t->ok = false;
    t->detached = false;
    if (arg_parse("TextIOWrapper", args, nargs, kwnames, names, 0, 1, a) < 0) return -1;
    Value buffer = a[0];
    Value encoding = a[1] ? a[1] : VNone, errors = a[2] ? a[2] : VNone, newline = a[3] ? a[3] : VNone;
    bool line_buffering = false, write_through = false;
    if (str_or_none_arg("TextIOWrapper", "encoding", encoding) < 0 ||
        str_or_none_arg("TextIOWrapper", "errors", errors) < 0 ||
        str_or_none_arg("TextIOWrapper", "newline", newline) < 0 || int_flag_arg(a[4], &line_buffering) < 0 ||
        int_flag_arg(a[5], &write_through) < 0)
        return -1;
    if (encoding == VNone && io_warn_encoding_not_specified(1) < 0) return -1;
    if (errors == VNone) errors = str_intern_cstr("strict");
    else if (memchr(str_data(errors), 0, str_size(errors))) {
        err_set(&exc_ValueError, "embedded null character");
        return -1;
    } else if (io_dev_mode && !codec_error_lookup(str_data(errors))) {
        return -1;   /* -X dev: an unknown error handler fails here, not at the first error */
    }
    if (io_check_newline(newline, "TextIOWrapper") < 0) return -1;

    pend_release(t, false);
    set_decoded(t, VNULL);
    clear_snapshot(t);
    GC_WRITE(self, t->raw, VNULL);
    t->b2cratio = 0.0;
    if (encoding == VNone || str_eq_cstr(encoding, "locale")) encoding = io_default_encoding();
    int codec = io_codec_lookup(encoding);
    if (codec < 0) return -1;
    GC_WRITE(self, t->encoding, encoding);
    GC_WRITE(self, t->errors, errors);
    t->chunk_size = IO_DEFAULT_BUFFER_SIZE;
    t->line_buffering = line_buffering;
    t->write_through = write_through;
    set_newline(t, newline);
    GC_WRITE(self, t->buffer, buffer);
    if (set_codecs(t, codec) < 0) return -1;
    Type *bt = val_type(buffer);
    if (bt == &type_buffered_reader || bt == &type_buffered_writer || bt == &type_buffered_random) {
        Value raw = ((BufferedObject *)buffer)->raw;
        if (raw && !val_is_int(raw) && val_type(raw) == &type_fileio) GC_WRITE(self, t->raw, raw);
    }
    Value r = obj_call_method(buffer, "seekable", NULL, 0);
    if (!r) return -1;
    int s = obj_is_true(r);
    if (s < 0) return -1;
    t->seekable = t->telling = s;
    int h = obj_hasattr(buffer, str_intern_cstr("read1"));
    if (h < 0) return -1;
    t->has_read1 = h;
    t->encoding_start_of_stream = false;
    if (fix_encoder_state(t) < 0) return -1;
    t->pend = calloc(1, sizeof(IoPending));
    if (!t->pend) {
        err_no_memory();
        return -1;
    }
    if (buffer_is_c_writer(buffer)) buffered_attach_text(buffer, t->pend);
    t->ok = true;
    return 0;
}

/* For open() and the standard streams. */
Value textio_new_wrapper(Value buffer, Value encoding, Value errors, Value newline, bool line_buffering,
                         bool write_through) {
    Value self = textio_new(&type_textiowrapper, NULL, 0, VNULL);
    if (!self) return VNULL;
    Value args[6] = {buffer, encoding, errors, newline, val_bool(line_buffering), val_bool(write_through)};
    if (textio_init(self, args, 6, VNULL) < 0) return VNULL;
    return self;
}

/* ---- Writing ---- */

static Value textio_write(Value self, Value *args, size_t nargs, Value kw) {
    TextIOObject *t = tio(self);
    if (check_attached(t) < 0) return VNULL;
    if (arg_no_kw("write", kw) < 0 || arg_count("write", nargs, 1, 1) < 0) return VNULL;
    Value text = args[0];
    if (!str_check(text)) {
        err_format(&exc_TypeError, "write() argument must be str, not %s", type_name(text));
        return VNULL;
    }
    if (check_closed(self) < 0) return VNULL;
    if (!t->has_encoder) {
        io_unsupported("not writable");
        return VNULL;
    }
    size_t textlen = str_len(text);
    bool haslf = false;
    if ((t->writetranslate && t->writenl[0]) || t->line_buffering)
        haslf = memchr(str_data(text), '\n', str_size(text)) != NULL;
    if (haslf && t->writetranslate && t->writenl[0]) {
        text = io_nl_encode(text, t->writenl);
        if (!text) return VNULL;
    }
    bool needflush = t->line_buffering && (haslf || memchr(str_data(text), '\r', str_size(text)));
    /* ASCII text is its own encoding in every codec without a BOM to write. */
    const char *data;
    size_t n;
    int codec = t->enc.codec;
    if (str_is_ascii(text) && (codec == IO_UTF8 || codec == IO_ASCII || codec == IO_LATIN1 ||
                               (codec == IO_UTF8_SIG && !t->enc.bom_pending))) {
        data = str_data(text);
        n = str_size(text);
    } else {
        Value b = ioenc_encode(&t->enc, text, str_data(t->errors));
        if (!b) return VNULL;
        data = bytes_data(b);
        n = (size_t)bytes_size(b);
    }
    t->encoding_start_of_stream = false;
    IoPending *p = t->pend;
    if (p->len + n > (size_t)t->chunk_size && writeflush(t) < 0) return VNULL;
    if (pend_append(p, data, n) < 0) return VNULL;
    if ((p->len >= (size_t)t->chunk_size || needflush || t->write_through) && writeflush(t) < 0) return VNULL;
    if (needflush && !obj_call_method(t->buffer, "flush", NULL, 0)) return VNULL;
    set_decoded(t, VNULL);
    clear_snapshot(t);
    if (t->has_decoder) iodec_reset(&t->dec);
    return int_from_i64((int64_t)textlen);
}

static Value textio_flush(Value self, Value *args, size_t nargs, Value kw) {
    TextIOObject *t = tio(self);
    if (check_attached(t) < 0 || check_closed(self) < 0) return VNULL;
    t->telling = t->seekable;
    if (writeflush(t) < 0) return VNULL;
    return obj_call_method(t->buffer, "flush", NULL, 0);
}

/* ---- Reading ---- */

static Value textio_read(Value self, Value *args, size_t nargs, Value kw) {
    TextIOObject *t = tio(self);
    if (check_attached(t) < 0) return VNULL;
    if (arg_no_kw("read", kw) < 0 || arg_count("read", nargs, 0, 1) < 0) return VNULL;
    ssize_t n;
    if (io_size_arg(nargs ? args[0] : VNULL, &n) < 0) return VNULL;
    if (check_closed(self) < 0) return VNULL;
    if (!t->has_decoder) {
        io_unsupported("not readable");
        return VNULL;
    }
    if (writeflush(t) < 0) return VNULL;
    if (n < 0) {
        Value bytes = obj_call_method(t->buffer, "read", NULL, 0);
        if (!bytes) return VNULL;
        const char *data;
        size_t len;
        if (!bytes_get_buffer(bytes, &data, &len)) {
            err_format(&exc_TypeError, "underlying read() should have returned a bytes object, not '%s'",
                       type_name(bytes));
            return VNULL;
        }
        Value decoded = iodec_decode(&t->dec, data, len, true, str_data(t->errors));
        if (!decoded) return VNULL;
        Value head = get_decoded_chars(t, -1);
        if (!head) return VNULL;
        set_decoded(t, VNULL);
        clear_snapshot(t);
        if (str_size(head) == 0) return decoded;
        return str_concat(head, decoded);
    }
    Value result = get_decoded_chars(t, n);
    if (!result) return VNULL;
    ssize_t remaining = n - (ssize_t)str_len(result);
    if (remaining <= 0) return result;
    StrBuilder sb;
    sb_init(&sb);
    sb_append_str(&sb, result);
    while (remaining > 0) {
        int r = read_chunk(t, remaining);
        if (r < 0) {
            sb_discard(&sb);
            return VNULL;
        }
        if (r == 0) break;
        Value more = get_decoded_chars(t, remaining);
        if (!more) {
            sb_discard(&sb);
            return VNULL;
        }
        sb_append_str(&sb, more);
        remaining -= (ssize_t)str_len(more);
    }
    return sb_finish(&sb);
}

/* Code points in s[from, to) (bytes). */
static size_t cps_between(Value s, size_t from, size_t to) {
    return str_is_ascii(s) ? to - from : utf8_count(str_data(s) + from, to - from);
}

static Value readline_impl(Value self, ssize_t limit) {
    TextIOObject *t = tio(self);
    if (check_closed(self) < 0) return VNULL;
    if (writeflush(t) < 0) return VNULL;
    StrBuilder sb;     /* the line's pieces before the current chunk */
    sb_init(&sb);
    size_t chunked = 0;               /* code points in sb */
    Value remaining = VNULL;          /* text kept aside to search with the next chunk */
    Value line = VNULL;
    size_t start_b = 0, end_b = 0, offset_cps = 0, offset_b = 0;
    for (;;) {
        int res = 1;
        while (!t->decoded || str_len(t->decoded) == 0) {
            res = read_chunk(t, 0);
            if (res < 0) goto fail;
            if (res == 0) break;
        }
        if (res == 0) {
            set_decoded(t, VNULL);
            clear_snapshot(t);
            line = VNULL;
            break;
        }
        if (!remaining) {
            line = t->decoded;
            start_b = t->dec_used_b;
            offset_cps = offset_b = 0;
        } else {
            line = str_concat(remaining, t->decoded);
            if (!line) goto fail;
            start_b = 0;
            offset_cps = str_len(remaining);
            offset_b = str_size(remaining);
            remaining = VNULL;
        }
        const char *s = str_data(line);
        size_t size = str_size(line);
        size_t consumed;
        ssize_t e = io_find_line_end(s + start_b, size - start_b, t->readtranslate, t->readuniversal, t->readnl,
                                     &consumed);
        if (e >= 0) {
            end_b = start_b + (size_t)e;
            if (limit >= 0) {
                size_t n = cps_between(line, start_b, end_b);
                if (n + chunked >= (size_t)limit) end_b = advance_cps(line, start_b, (size_t)limit - chunked);
            }
            break;
        }
        end_b = start_b + consumed;
        if (limit >= 0) {
            size_t n = cps_between(line, start_b, end_b);
            if (n + chunked >= (size_t)limit) {
                end_b = advance_cps(line, start_b, (size_t)limit - chunked);
                break;
            }
        }
        if (end_b > start_b) {
            size_t n = cps_between(line, start_b, end_b);
            sb_append_utf8(&sb, s + start_b, end_b - start_b, n);
            chunked += n;
        }
        if (end_b < size) {
            remaining = str_new(s + end_b, size - end_b);
            if (!remaining) goto fail;
        }
        line = VNULL;
        set_decoded(t, VNULL);
    }
    if (line) {
        /* The line ends in the current chunk: consume up to end_b there. */
        size_t n = cps_between(line, start_b, end_b);
        if (offset_b == 0) {
            t->dec_used += n;
        } else {
            /* The line began with text set aside from the previous chunk (offset_cps code points). */
            t->dec_used = n >= offset_cps ? n - offset_cps : 0;
        }
        t->dec_used_b = end_b >= offset_b ? end_b - offset_b : 0;
        if (chunked == 0 && !remaining && start_b == 0 && end_b == str_size(line)) {
            sb_discard(&sb);
            return line;
        }
        sb_append_utf8(&sb, str_data(line) + start_b, end_b - start_b, n);
    }
    if (remaining) sb_append_str(&sb, remaining);
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return VNULL;
}

static Value textio_readline(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"size", NULL};
    Value a[1];
    TextIOObject *t = tio(self);
    if (check_attached(t) < 0) return VNULL;
    if (arg_parse("readline", args, nargs, kwnames, names, 1, 0, a) < 0) return VNULL;
    ssize_t limit = -1;
    if (a[0]) {
        /* Unlike the binary readline()s, None is not accepted here. */
        limit = num_as_ssize(a[0], &exc_OverflowError);
        if (limit == -1 && err_occurred()) return VNULL;
    }
    return readline_impl(self, limit);
}

static Value textio_iternext(Value self) {
    TextIOObject *t = tio(self);
    if (check_attached(t) < 0) return VNULL;
    t->telling = false;
    Value line;
    if (val_type(self) == &type_textiowrapper) {
        line = readline_impl(self, -1);
    } else {
        line = obj_call_method(self, "readline", NULL, 0);
        if (line && !str_check(line)) {
            err_format(&exc_OSError, "readline() should have returned a str object, not '%s'", type_name(line));
            return VNULL;
        }
    }
    if (!line || str_len(line) == 0) {
        /* EOF (or an error): telling works again. */
        clear_snapshot(t);
        t->telling = t->seekable;
        return VNULL;
    }
    return line;
}

/* ---- tell() and seek() ---- */

typedef struct Cookie {
    int64_t start_pos;
    int dec_flags, bytes_to_feed, chars_to_skip;
    int need_eof;
} Cookie;

/* CPython's layout: start_pos (8 bytes), dec_flags, bytes_to_feed, chars_to_skip (4 each), need_eof (1). */
static Value build_cookie(const Cookie *c) {
    mp_limb_t l[3];
    l[0] = (mp_limb_t)(uint64_t)c->start_pos;
    l[1] = (mp_limb_t)((uint64_t)(uint32_t)c->dec_flags | ((uint64_t)(uint32_t)c->bytes_to_feed << 32));
    l[2] = (mp_limb_t)((uint64_t)(uint32_t)c->chars_to_skip | ((uint64_t)(c->need_eof & 0xff) << 32));
    if (l[1] == 0 && l[2] == 0) return int_from_u64(l[0]);
    return int_from_limbs(l, l[2] ? 3 : 2);
}

static int parse_cookie(Value v, Cookie *c) {
    Value i = num_int(v);
    if (!i) return -1;
    uint64_t l[3] = {0, 0, 0};
    if (val_is_int(i)) {
        if (val_int(i) < 0) goto overflow;
        l[0] = (uint64_t)val_int(i);
    } else {
        BigIntObject *b = (BigIntObject *)i;
        if (b->size < 0) goto overflow;
        if (b->size > 3 || (b->size == 3 && (b->limbs[2] >> 40) != 0)) goto overflow;
        for (ssize_t k = 0; k < b->size; k++) l[k] = b->limbs[k];
    }
    c->start_pos = (int64_t)l[0];
    c->dec_flags = (int)(uint32_t)l[1];
    c->bytes_to_feed = (int)(uint32_t)(l[1] >> 32);
    c->chars_to_skip = (int)(uint32_t)l[2];
    c->need_eof = (int)((l[2] >> 32) & 0xff);
    return 0;
overflow:
    err_set(&exc_OverflowError, val_is_int(i) || int_sign(i) >= 0 ? "int too big to convert"
                                                                  : "can't convert negative int to unsigned");
    return -1;
}

/* The decoder state a cookie's start point stands for. */
static void decoder_setstate(IoDecoder *d, const Cookie *c) {
    if (c->start_pos == 0 && c->dec_flags == 0) iodec_reset(d);
    else iodec_setstate(d, NULL, 0, c->dec_flags);
}

static void encoder_setstate(TextIOObject *t, const Cookie *c) {
    if (c->start_pos == 0 && c->dec_flags == 0) {
        ioenc_reset(&t->enc);
        t->encoding_start_of_stream = true;
    } else {
        t->enc.bom_pending = false;
        t->encoding_start_of_stream = false;
    }
}

/* Characters the scratch decoder produces from n bytes: -1 on a decoding error. */
static ssize_t feed(TextIOObject *t, IoDecoder *d, const char *p, size_t n, bool final) {
    Value s = iodec_decode(d, p, n, final, str_data(t->errors));
    return s ? (ssize_t)str_len(s) : -1;
}

static Value textio_tell(Value self, Value *args, size_t nargs, Value kw) {
    TextIOObject *t = tio(self);
    if (check_attached(t) < 0 || check_closed(self) < 0) return VNULL;
    if (!t->seekable) {
        io_unsupported("underlying stream is not seekable");
        return VNULL;
    }
    if (!t->telling) {
        err_set(&exc_OSError, "telling position disabled by next() call");
        return VNULL;
    }
    if (writeflush(t) < 0) return VNULL;
    if (!obj_call_method(self, "flush", NULL, 0)) return VNULL;
    Value posobj = obj_call_method(t->buffer, "tell", NULL, 0);
    if (!posobj) return VNULL;
    if (!t->has_decoder || !t->snap_input) return posobj;
    Cookie c = {0};
    Value pi = num_index(posobj);
    if (!pi) return VNULL;
    c.start_pos = int_as_i64(pi);
    if (c.start_pos == -1 && err_occurred()) return VNULL;
    Value next_input = t->snap_input;
    const char *input = bytes_data(next_input);
    size_t input_len = (size_t)bytes_size(next_input);
    c.dec_flags = t->snap_flags;
    c.start_pos -= (int64_t)input_len;
    if (t->dec_used == 0) return build_cookie(&c);

    /* Replay decoding on a copy of the decoder (plain C state: nothing to restore afterwards). */
    ssize_t chars_to_skip = (ssize_t)t->dec_used;
    IoDecoder d = t->dec;
    /* Fast search for an acceptable start point, close to our current position. */
    ssize_t skip_bytes = (ssize_t)(t->b2cratio * (double)chars_to_skip), skip_back = 1;
    if (skip_bytes > (ssize_t)input_len) skip_bytes = (ssize_t)input_len;
    while (skip_bytes > 0) {
        decoder_setstate(&d, &c);
        ssize_t got = feed(t, &d, input, (size_t)skip_bytes, false);
        if (got < 0) return VNULL;
        if (got <= chars_to_skip) {
            const char *db;
            size_t dn;
            int flags = iodec_getstate(&d, &db, &dn);
            if (dn == 0) {
                /* Before the position, with nothing held in the decoder: a good start. */
                c.dec_flags = flags;
                chars_to_skip -= got;
                break;
            }
            skip_bytes -= (ssize_t)dn;
            skip_back = 1;
        } else {
            skip_bytes -= skip_back;
            skip_back *= 2;
        }
    }
    if (skip_bytes <= 0) {
        skip_bytes = 0;
        decoder_setstate(&d, &c);
    }
    c.start_pos += skip_bytes;
    c.chars_to_skip = (int)chars_to_skip;
    if (chars_to_skip == 0) return build_cookie(&c);

    /* Feed one byte at a time, remembering the last point where the decoder held nothing. */
    ssize_t chars_decoded = 0;
    size_t i = (size_t)skip_bytes;
    for (; i < input_len; i++) {
        ssize_t got = feed(t, &d, input + i, 1, false);
        if (got < 0) return VNULL;
        chars_decoded += got;
        c.bytes_to_feed += 1;
        const char *db;
        size_t dn;
        int flags = iodec_getstate(&d, &db, &dn);
        if (dn == 0 && chars_decoded <= chars_to_skip) {
            c.start_pos += c.bytes_to_feed;
            chars_to_skip -= chars_decoded;
            c.dec_flags = flags;
            c.bytes_to_feed = 0;
            chars_decoded = 0;
        }
        if (chars_decoded >= chars_to_skip) break;
    }
    if (i >= input_len) {
        /* Not enough: the rest only comes out with EOF. */
        ssize_t got = feed(t, &d, "", 0, true);
        if (got < 0) return VNULL;
        chars_decoded += got;
        c.need_eof = 1;
        if (chars_decoded < chars_to_skip) {
            err_set(&exc_OSError, "can't reconstruct logical file position");
            return VNULL;
        }
    }
    c.chars_to_skip = (int)chars_to_skip;
    return build_cookie(&c);
}

static Value textio_seek(Value self, Value *args, size_t nargs, Value kw) {
    TextIOObject *t = tio(self);
    if (check_attached(t) < 0) return VNULL;
    if (arg_no_kw("seek", kw) < 0 || arg_count("seek", nargs, 1, 2) < 0) return VNULL;
    Value cookie_obj = args[0];
    int64_t whence = 0;
    if (nargs > 1) {
        if (!int_check(args[1])) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
            return VNULL;
        }
        whence = int_as_i64(args[1]);
        if (whence == -1 && err_occurred()) return VNULL;
    }
    if (check_closed(self) < 0) return VNULL;
    if (!t->seekable) {
        io_unsupported("underlying stream is not seekable");
        return VNULL;
    }
    Value zero = val_from_int(0);
    switch (whence) {
    case 1: {
        int eq = obj_richcompare_bool(cookie_obj, zero, CMP_EQ);
        if (eq < 0) return VNULL;
        if (!eq) {
            io_unsupported("can't do nonzero cur-relative seeks");
            return VNULL;
        }
        /* Seeking to the current position syncs the buffer with it. */
        cookie_obj = obj_call_method(self, "tell", NULL, 0);
        if (!cookie_obj) return VNULL;
        break;
    }
    case 2: {
        int eq = obj_richcompare_bool(cookie_obj, zero, CMP_EQ);
        if (eq < 0) return VNULL;
        if (!eq) {
            io_unsupported("can't do nonzero end-relative seeks");
            return VNULL;
        }
        if (!obj_call_method(self, "flush", NULL, 0)) return VNULL;
        set_decoded(t, VNULL);
        clear_snapshot(t);
        if (t->has_decoder) iodec_reset(&t->dec);
        Value a[2] = {zero, val_from_int(2)};
        Value res = obj_call_method(t->buffer, "seek", a, 2);
        if (!res) return VNULL;
        if (t->has_encoder) {
            int at0 = obj_richcompare_bool(res, zero, CMP_EQ);
            if (at0 < 0) return VNULL;
            Cookie c = {0};
            c.dec_flags = !at0;
            encoder_setstate(t, &c);
        }
        return res;
    }
    case 0:
        break;
    default:
        err_format(&exc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", (int)whence);
        return VNULL;
    }
    int neg = obj_richcompare_bool(cookie_obj, zero, CMP_LT);
    if (neg < 0) return VNULL;
    if (neg) {
        err_format(&exc_ValueError, "negative seek position %R", cookie_obj);
        return VNULL;
    }
    if (!obj_call_method(self, "flush", NULL, 0)) return VNULL;
    /* Go back to the safe start point and replay read(chars_to_skip) from there. */
    Cookie c;
    if (parse_cookie(cookie_obj, &c) < 0) return VNULL;
    Value posobj = int_from_i64(c.start_pos);
    if (!posobj || !obj_call_method(t->buffer, "seek", &posobj, 1)) return VNULL;
    set_decoded(t, VNULL);
    clear_snapshot(t);
    if (t->has_decoder) decoder_setstate(&t->dec, &c);
    if (c.chars_to_skip) {
        Value nb = int_from_i64(c.bytes_to_feed);
        Value input = obj_call_method(t->buffer, "read", &nb, 1);
        if (!input) return VNULL;
        if (!bytes_check(input)) {
            err_format(&exc_TypeError, "underlying read() should have returned a bytes object, not '%s'",
                       type_name(input));
            return VNULL;
        }
        t->snap_flags = c.dec_flags;
        GC_WRITE(self, t->snap_input, input);
        Value decoded = iodec_decode(&t->dec, bytes_data(input), (size_t)bytes_size(input), c.need_eof,
                                     str_data(t->errors));
        if (!decoded) return VNULL;
        set_decoded(t, decoded);
        if (str_len(decoded) < (size_t)c.chars_to_skip) {
            err_set(&exc_OSError, "can't restore logical file position");
            return VNULL;
        }
        t->dec_used = (size_t)c.chars_to_skip;
        t->dec_used_b = advance_cps(decoded, 0, t->dec_used);
    } else {
        t->snap_flags = c.dec_flags;
        GC_WRITE(self, t->snap_input, bytes_empty());
    }
    if (t->has_encoder) encoder_setstate(t, &c);
    return cookie_obj;
}

static Value textio_truncate(Value self, Value *args, size_t nargs, Value kw) {
    TextIOObject *t = tio(self);
    if (check_attached(t) < 0) return VNULL;
    if (arg_no_kw("truncate", kw) < 0 || arg_count("truncate", nargs, 0, 1) < 0) return VNULL;
    if (!obj_call_method(self, "flush", NULL, 0)) return VNULL;
    Value pos = nargs ? args[0] : VNone;
    return obj_call_method(t->buffer, "truncate", &pos, 1);
}

/* ---- Closing, detaching, reconfiguring ---- */

static Value textio_get_closed(Value self) {
    if (check_attached(tio(self)) < 0) return VNULL;
    return obj_getattr_cstr(tio(self)->buffer, "closed");
}

static Value textio_close(Value self, Value *args, size_t nargs, Value kw) {
    TextIOObject *t = tio(self);
    if (check_attached(t) < 0) return VNULL;
    Value c = textio_get_closed(self);
    if (!c) return VNULL;
    int r = obj_is_true(c);
    if (r < 0) return VNULL;
    if (r) return VNone;
    if (t->finalizing) {
        /* Collected while open: the raw file warns, naming this object. */
        Value w = obj_call_method(t->buffer, "_dealloc_warn", &self, 1);
        if (!w) err_clear();
    }
    Value res = obj_call_method(self, "flush", NULL, 0);
    Value exc = res ? VNULL : err_fetch();
    res = obj_call_method(t->buffer, "close", NULL, 0);
    if (exc) {
        if (!res) {
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
    return res ? VNone : VNULL;
}

static Value textio_detach(Value self, Value *args, size_t nargs, Value kw) {
    TextIOObject *t = tio(self);
    if (check_attached(t) < 0) return VNULL;
    if (!obj_call_method(self, "flush", NULL, 0)) return VNULL;
    Value b = t->buffer;
    if (t->pend && t->pend->buf) buffered_detach_text(t->pend);
    GC_WRITE(self, t->buffer, VNULL);
    GC_WRITE(self, t->raw, VNULL);
    t->detached = true;
    return b;
}

static Value textio_reconfigure(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"encoding", "errors", "newline", "line_buffering", "write_through", NULL};
    Value a[5];
    TextIOObject *t = tio(self);
    if (nargs) {
        err_format(&exc_TypeError, "reconfigure() takes exactly 0 positional arguments (%zu given)", nargs);
        return VNULL;
    }
    if (arg_parse("reconfigure", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    Value encoding = a[0] ? a[0] : VNone, errors = a[1] ? a[1] : VNone, newline = a[2];
    if (str_or_none_arg("reconfigure", "encoding", encoding) < 0 ||
        str_or_none_arg("reconfigure", "errors", errors) < 0)
        return VNULL;
    if (check_attached(t) < 0) return VNULL;
    if (t->decoded && (encoding != VNone || errors != VNone || newline)) {
        io_unsupported("It is not possible to set the encoding or newline of stream after the first read");
        return VNULL;
    }
    if (newline && newline != VNone) {
        if (!str_check(newline)) {
            err_format(&exc_TypeError, "reconfigure() argument 'newline' must be str or None, not %s",
                       type_name(newline));
            return VNULL;
        }
        if (io_check_newline(newline, "reconfigure") < 0) return VNULL;
    }
    bool line_buffering = t->line_buffering, write_through = t->write_through;
    if (a[3] && a[3] != VNone) {
        int v = obj_is_true(a[3]);
        if (v < 0) return VNULL;
        line_buffering = v;
    }
    if (a[4] && a[4] != VNone) {
        int v = obj_is_true(a[4]);
        if (v < 0) return VNULL;
        write_through = v;
    }
    if (!obj_call_method(self, "flush", NULL, 0)) return VNULL;
    t->b2cratio = 0;
    if (newline) set_newline(t, newline);
    if (encoding != VNone || errors != VNone || newline) {
        if (encoding == VNone) {
            encoding = t->encoding;
            if (errors == VNone) errors = t->errors;
        } else {
            if (str_eq_cstr(encoding, "locale")) encoding = io_default_encoding();
            if (errors == VNone) errors = str_intern_cstr("strict");
        }
        int codec = io_codec_lookup(encoding);
        if (codec < 0) return VNULL;
        GC_WRITE(self, t->encoding, encoding);
        GC_WRITE(self, t->errors, errors);
        if (set_codecs(t, codec) < 0 || fix_encoder_state(t) < 0) return VNULL;
    }
    t->line_buffering = line_buffering;
    t->write_through = write_through;
    return VNone;
}

/* ---- Queries and attributes ---- */

static Value pass_down(Value self, const char *method) {
    if (check_attached(tio(self)) < 0) return VNULL;
    return obj_call_method(tio(self)->buffer, method, NULL, 0);
}

static Value textio_fileno(Value self, Value *args, size_t nargs, Value kw) { return pass_down(self, "fileno"); }
static Value textio_seekable(Value self, Value *args, size_t nargs, Value kw) { return pass_down(self, "seekable"); }
static Value textio_readable(Value self, Value *args, size_t nargs, Value kw) { return pass_down(self, "readable"); }
static Value textio_writable(Value self, Value *args, size_t nargs, Value kw) { return pass_down(self, "writable"); }
static Value textio_isatty(Value self, Value *args, size_t nargs, Value kw) { return pass_down(self, "isatty"); }

static Value textio_get_name(Value self) {
    if (check_attached(tio(self)) < 0) return VNULL;
    return obj_getattr_cstr(tio(self)->buffer, "name");
}

static Value textio_get_newlines(Value self) {
    TextIOObject *t = tio(self);
    if (check_initialized(t) < 0) return VNULL;
    if (!t->has_decoder || !t->dec.nl) return VNone;
    return io_newlines_value(t->dec.seennl);
}

static Value textio_get_buffer(Value self) { return tio(self)->buffer ? tio(self)->buffer : VNone; }

static Value textio_get_encoding(Value self) {
    if (check_initialized(tio(self)) < 0) return VNULL;
    return tio(self)->encoding;
}
static Value textio_get_errors(Value self) {
    if (check_initialized(tio(self)) < 0) return VNULL;
    return tio(self)->errors;
}
static Value textio_get_line_buffering(Value self) {
    if (check_initialized(tio(self)) < 0) return VNULL;
    return val_bool(tio(self)->line_buffering);
}
static Value textio_get_write_through(Value self) {
    if (check_initialized(tio(self)) < 0) return VNULL;
    return val_bool(tio(self)->write_through);
}
static Value textio_get_finalizing(Value self) { return val_bool(tio(self)->finalizing); }

void textio_set_finalizing(Value self) { tio(self)->finalizing = true; }

static int textio_put_finalizing(Value self, Value v) { return io_bool_member(v, &tio(self)->finalizing); }

static Value textio_get_chunk_size(Value self) {
    if (check_attached(tio(self)) < 0) return VNULL;
    return int_from_i64(tio(self)->chunk_size);
}
static int textio_set_chunk_size(Value self, Value v) {
    if (check_attached(tio(self)) < 0) return -1;
    if (!v) {
        err_set(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    ssize_t n = num_as_ssize(v, &exc_ValueError);
    if (n == -1 && err_occurred()) return -1;
    if (n <= 0) {
        err_set(&exc_ValueError, "a strictly positive integer is required");
        return -1;
    }
    tio(self)->chunk_size = n;
    return 0;
}

static Value textio_repr(Value self) {
    TextIOObject *t = tio(self);
    const char *tn = "_io.TextIOWrapper";   /* even for subclasses, as CPython */
    if (check_initialized(t) < 0) return VNULL;
    if (err_enter_recursive(" while getting the repr of an object") < 0) {
        err_clear();
        err_format(&exc_RuntimeError, "reentrant call inside %s.__repr__", tn);
        return VNULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    sb_printf(&sb, "<%s", tn);
    Value name = obj_getattr_opt(self, str_intern_cstr("name"));
    if (!name && err_occurred()) {
        if (!err_matches(&exc_Exception)) goto fail;
        err_clear();
    }
    if (name) sb_printf(&sb, " name=%R", name);
    Value mode = obj_getattr_opt(self, str_intern_cstr("mode"));
    if (!mode && err_occurred()) goto fail;
    if (mode) sb_printf(&sb, " mode=%R", mode);
    sb_printf(&sb, " encoding=%R>", t->encoding);
    err_leave_recursive();
    return sb_finish(&sb);
fail:
    err_leave_recursive();
    sb_discard(&sb);
    return VNULL;
}

static Value textio_getstate(Value self, Value *args, size_t nargs, Value kw) {
    err_format(&exc_TypeError, "cannot pickle '%s' object", val_type(self)->name);
    return VNULL;
}

static const MethodDef textio_methods[] = {
    {"detach", textio_detach, 0, NULL},
    {"reconfigure", textio_reconfigure, 0, "Reconfigure the text stream with new parameters."},
    {"write", textio_write, 0, NULL},
    {"read", textio_read, 0, NULL},
    {"readline", textio_readline, 0, NULL},
    {"flush", textio_flush, 0, NULL},
    {"close", textio_close, 0, NULL},
    {"fileno", textio_fileno, 0, NULL},
    {"seekable", textio_seekable, 0, NULL},
    {"readable", textio_readable, 0, NULL},
    {"writable", textio_writable, 0, NULL},
    {"isatty", textio_isatty, 0, NULL},
    {"seek", textio_seek, 0, NULL},
    {"tell", textio_tell, 0, NULL},
    {"truncate", textio_truncate, 0, NULL},
    {"__getstate__", textio_getstate, 0, NULL},
    {NULL}
};

static const GetSetDef textio_getsets[] = {
    {"name", textio_get_name, NULL, NULL},
    {"closed", textio_get_closed, NULL, NULL},
    {"newlines", textio_get_newlines, NULL, NULL},
    {"errors", textio_get_errors, NULL, NULL},
    {"encoding", textio_get_encoding, NULL, NULL},
    {"buffer", textio_get_buffer, NULL, NULL},
    {"line_buffering", textio_get_line_buffering, NULL, NULL},
    {"write_through", textio_get_write_through, NULL, NULL},
    {"_finalizing", textio_get_finalizing, textio_put_finalizing, NULL},
    {"_CHUNK_SIZE", textio_get_chunk_size, textio_set_chunk_size, NULL},
    {NULL}
};

Type type_textiowrapper = {
    .hdr = {0, &type_type},
    .name = "_io.TextIOWrapper",
    .base = &type_textiobase,
    .basicsize = sizeof(TextIOObject),
    .attrs_offset = sizeof(TextIOObject),
    .flags = TF_BASETYPE | TF_WEAKREFABLE | TF_HAS_DEL,
    .del = io_stream_del,
    .trace = textio_trace,
    .finalize = textio_finalize,
    .new = textio_new,
    .init = textio_init,
    .repr = textio_repr,
    .iternext = textio_iternext,
    .methods = textio_methods,
    .getsets = textio_getsets,
    .doc = "Character and line based layer over a BufferedIOBase object, buffer.",
};
