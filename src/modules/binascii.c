/* binascii.c - the binascii module: hex, base64, uuencode, quoted-printable, CRC-32 and CRC-CCITT. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"

/*
 * The codecs behave as CPython's binascii.c does on bad input: the
 * lenient base64 decoder skips junk and stops at a complete pad, the strict
 * one names the problem; a2b_uu reads the line-length byte first and pads
 * short lines with zeros; the quoted-printable encoder keeps lines under
 * 76 characters and protects trailing whitespace.
 */

static Value binascii_error, binascii_incomplete;
#define ERROR_TYPE ((Type *)binascii_error)

static const char hexdigits[] = "0123456789abcdef";

/* A bytes-like argument ("a bytes-like object is required, not 'str'"). */
static bool get_bytes(Value v, const char **p, size_t *n) {
    if (bytes_get_buffer(v, p, n)) return true;
    err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(v));
    return false;
}

/* The a2b_* converter: a bytes-like object or an ASCII-only str. */
static bool get_ascii(Value v, const char **p, size_t *n) {
    if (str_check(v)) {
        if (!str_is_ascii(v)) {
            err_set(&exc_ValueError, "string argument should contain only ASCII characters");
            return false;
        }
        *p = str_data(v);
        *n = str_size(v);
        return true;
    }
    if (bytes_get_buffer(v, p, n)) return true;
    err_format(&exc_TypeError, "argument should be bytes, buffer or ASCII string, not '%s'", type_name(v));
    return false;
}

/* An int argument reduced modulo 2**32 (Argument Clinic's bitwise unsigned int). */
static int get_bitwise_u32(Value v, uint32_t *out) {
    Value n = num_index(v);
    if (!n) return -1;
    if (int_fits_i64(n)) {
        *out = (uint32_t)int_as_i64(n);
        return 0;
    }
    Value m = int_and(n, int_from_u64(0xffffffffu));
    if (!m) return -1;
    *out = (uint32_t)int_as_i64(m);
    return 0;
}

static bool bool_arg(Value v, bool dflt, int *out) {
    if (!v) {
        *out = dflt;
        return true;
    }
    int t = obj_is_true(v);
    if (t < 0) return false;
    *out = t;
    return true;
}

/* ---- hex ---- */

/* _Py_strhex: hex digits, with sep every |bytes_per_sep| bytes (counted from the right when positive). */
static Value strhex(const unsigned char *data, size_t n, Value sep, Value bps_v) {
    int sep_char = 0;
    ssize_t bytes_per_sep = 0;
    if (sep) {
        ssize_t seplen = obj_len(sep);
        if (seplen < 0) return VNULL;
        if (seplen != 1) {
            err_set(&exc_ValueError, "sep must be length 1.");
            return VNULL;
        }
        if (str_check(sep)) {
            uint32_t c = str_char_at(sep, 0);
            if (c > 255) {
                err_set(&exc_ValueError, "sep must be ASCII.");
                return VNULL;
            }
            sep_char = (int)c;
        } else if (bytes_check(sep)) {
            sep_char = (unsigned char)bytes_data(sep)[0];
        } else {
            err_set(&exc_TypeError, "sep must be str or bytes.");
            return VNULL;
        }
        bytes_per_sep = 1;
        if (bps_v) {
            Value b = num_index(bps_v);
            if (!b) return VNULL;
            if (!int_fits_i64(b) || int_as_i64(b) > INT32_MAX || int_as_i64(b) < INT32_MIN) {
                err_set(&exc_OverflowError, "Python int too large to convert to C int");
                return VNULL;
            }
            bytes_per_sep = int_as_i64(b);
        }
    }
    size_t abs_bps = (size_t)(bytes_per_sep < 0 ? -bytes_per_sep : bytes_per_sep);
    if (abs_bps >= n) abs_bps = 0;
    size_t nsep = abs_bps ? (n - 1) / abs_bps : 0;
    BytesObject *r = bytes_alloc(n * 2 + nsep);
    if (!r) return VNULL;
    char *out = r->data;
    if (!abs_bps) {
        for (size_t i = 0; i < n; i++) {
            *out++ = hexdigits[data[i] >> 4];
            *out++ = hexdigits[data[i] & 15];
        }
    } else {
        /* Groups of abs_bps bytes, the short group at the end (negative) or the start (positive). */
        size_t first = bytes_per_sep > 0 ? n - nsep * abs_bps : abs_bps;
        for (size_t i = 0; i < n; i++) {
            if (i && ((bytes_per_sep > 0 && i >= first && (i - first) % abs_bps == 0) ||
                      (bytes_per_sep < 0 && i % abs_bps == 0 && i / abs_bps <= nsep)))
                *out++ = (char)sep_char;
            *out++ = hexdigits[data[i] >> 4];
            *out++ = hexdigits[data[i] & 15];
        }
    }
    return obj_val(r);
}

static Value hexlify_common(const char *fname, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"data", "sep", "bytes_per_sep", NULL};
    Value a[3];
    if (dm_parse(fname, args, nargs, kw, names, 0, 3, 1, a) < 0) return VNULL;
    const char *p;
    size_t n;
    if (!get_bytes(a[0], &p, &n)) return VNULL;
    return strhex((const unsigned char *)p, n, a[1], a[2]);
}

static Value b_hexlify(Value self, Value *args, size_t nargs, Value kw) {
    return hexlify_common("hexlify", args, nargs, kw);
}
static Value b_b2a_hex(Value self, Value *args, size_t nargs, Value kw) {
    return hexlify_common("b2a_hex", args, nargs, kw);
}

static int hexval(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static Value unhexlify_common(const char *qual, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw(qual, kw) < 0 || arg_count(qual, nargs, 1, 1) < 0) return VNULL;
    const char *p;
    size_t n;
    if (!get_ascii(args[0], &p, &n)) return VNULL;
    if (n % 2) {
        err_set(ERROR_TYPE, "Odd-length string");
        return VNULL;
    }
    BytesObject *r = bytes_alloc(n / 2);
    if (!r) return VNULL;
    for (size_t i = 0; i < n; i += 2) {
        int hi = hexval((unsigned char)p[i]), lo = hexval((unsigned char)p[i + 1]);
        if (hi < 0 || lo < 0) {
            err_set(ERROR_TYPE, "Non-hexadecimal digit found");
            return VNULL;
        }
        r->data[i / 2] = (char)(hi << 4 | lo);
    }
    return obj_val(r);
}

static Value b_unhexlify(Value self, Value *args, size_t nargs, Value kw) {
    return unhexlify_common("binascii.unhexlify", args, nargs, kw);
}
static Value b_a2b_hex(Value self, Value *args, size_t nargs, Value kw) {
    return unhexlify_common("binascii.a2b_hex", args, nargs, kw);
}

/* ---- base64 ---- */

static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64val(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return 64;
}

static Value b_a2b_base64(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"data", "strict_mode", NULL};
    Value a[2];
    if (dm_parse("a2b_base64", args, nargs, kw, names, 1, 1, 1, a) < 0) return VNULL;
    int strict;
    if (!bool_arg(a[1], false, &strict)) return VNULL;
    const char *p;
    size_t n;
    if (!get_ascii(a[0], &p, &n)) return VNULL;
    const unsigned char *s = (const unsigned char *)p;
    BytesObject *r = bytes_alloc((n + 3) / 4 * 3);
    if (!r) return VNULL;
    unsigned char *out = (unsigned char *)r->data, *start = out;
    if (strict && n > 0 && s[0] == '=') {
        err_set(ERROR_TYPE, "Leading padding not allowed");
        return VNULL;
    }
    int quad_pos = 0, pads = 0;
    bool padding_started = false;
    unsigned leftchar = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c == '=') {
            padding_started = true;
            if (strict && quad_pos == 0) {
                err_set(ERROR_TYPE, "Excess padding not allowed");
                return VNULL;
            }
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
                /* A complete pad ends the data. */
                if (strict && i + 1 < n) {
                    err_set(ERROR_TYPE, "Excess data after padding");
                    return VNULL;
                }
                goto done;
            }
            continue;
        }
        int v = b64val(c);
        if (v >= 64) {
            if (strict) {
                err_set(ERROR_TYPE, "Only base64 data is allowed");
                return VNULL;
            }
            continue;
        }
        if (strict && padding_started) {
            err_set(ERROR_TYPE, "Discontinuous padding not allowed");
            return VNULL;
        }
        pads = 0;
        switch (quad_pos) {
        case 0:
            quad_pos = 1;
            leftchar = (unsigned)v;
            break;
        case 1:
            quad_pos = 2;
            *out++ = (unsigned char)((leftchar << 2) | ((unsigned)v >> 4));
            leftchar = (unsigned)v & 0x0f;
            break;
        case 2:
            quad_pos = 3;
            *out++ = (unsigned char)((leftchar << 4) | ((unsigned)v >> 2));
            leftchar = (unsigned)v & 0x03;
            break;
        case 3:
            quad_pos = 0;
            *out++ = (unsigned char)((leftchar << 6) | (unsigned)v);
            leftchar = 0;
            break;
        }
    }
    if (quad_pos != 0) {
        if (quad_pos == 1)
            err_format(ERROR_TYPE,
                       "Invalid base64-encoded string: number of data characters (%zd) cannot be 1 more than "
                       "a multiple of 4",
                       (ssize_t)((out - start) / 3 * 4 + 1));
        else
            err_set(ERROR_TYPE, "Incorrect padding");
        return VNULL;
    }
done:
    return bytes_new((const char *)start, (size_t)(out - start));
}

static Value b_b2a_base64(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"data", "newline", NULL};
    Value a[2];
    if (dm_parse("b2a_base64", args, nargs, kw, names, 1, 1, 1, a) < 0) return VNULL;
    int newline;
    if (!bool_arg(a[1], true, &newline)) return VNULL;
    const char *p;
    size_t n;
    if (!get_bytes(a[0], &p, &n)) return VNULL;
    const unsigned char *s = (const unsigned char *)p;
    BytesObject *r = bytes_alloc((n + 2) / 3 * 4 + (newline ? 1 : 0));
    if (!r) return VNULL;
    char *out = r->data;
    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        unsigned v = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8 | s[i + 2];
        *out++ = b64chars[v >> 18];
        *out++ = b64chars[(v >> 12) & 63];
        *out++ = b64chars[(v >> 6) & 63];
        *out++ = b64chars[v & 63];
    }
    if (n - i == 1) {
        unsigned v = (unsigned)s[i] << 16;
        *out++ = b64chars[v >> 18];
        *out++ = b64chars[(v >> 12) & 63];
        *out++ = '=';
        *out++ = '=';
    } else if (n - i == 2) {
        unsigned v = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8;
        *out++ = b64chars[v >> 18];
        *out++ = b64chars[(v >> 12) & 63];
        *out++ = b64chars[(v >> 6) & 63];
        *out++ = '=';
    }
    if (newline) *out++ = '\n';
    return obj_val(r);
}

/* ---- uuencode ---- */

static Value b_a2b_uu(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("binascii.a2b_uu", kw) < 0 || arg_count("binascii.a2b_uu", nargs, 1, 1) < 0) return VNULL;
    const char *p;
    size_t n;
    if (!get_ascii(args[0], &p, &n)) return VNULL;
    const unsigned char *s = (const unsigned char *)p;
    /* The first byte is the length; an empty line reads as if it were NUL (as CPython's C string does). */
    size_t bin_len = (size_t)(((n ? s[0] : 0) - ' ') & 077);
    ssize_t ascii_len = (ssize_t)n - 1;
    s++;
    BytesObject *r = bytes_alloc(bin_len);
    if (!r) return VNULL;
    memset(r->data, 0, bin_len);
    unsigned char *out = (unsigned char *)r->data;
    unsigned leftchar = 0;
    int leftbits = 0;
    for (; bin_len > 0; ascii_len--, s++) {
        unsigned c = ascii_len > 0 ? *s : 0;
        if (c == '\n' || c == '\r' || ascii_len <= 0) {
            c = 0;   /* spaces eaten at the end of the line */
        } else {
            if (c < ' ' || c > ' ' + 64) {
                err_set(ERROR_TYPE, "Illegal char");
                return VNULL;
            }
            c = (c - ' ') & 077;
        }
        leftchar = (leftchar << 6) | c;
        leftbits += 6;
        if (leftbits >= 8) {
            leftbits -= 8;
            *out++ = (unsigned char)((leftchar >> leftbits) & 0xff);
            leftchar &= (1u << leftbits) - 1;
            bin_len--;
        }
    }
    /* What is left on the line may only be padding. */
    while (ascii_len-- > 0) {
        unsigned char c = *s++;
        if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') {
            err_set(ERROR_TYPE, "Trailing garbage");
            return VNULL;
        }
    }
    return obj_val(r);
}

static Value b_b2a_uu(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"data", "backtick", NULL};
    Value a[2];
    if (dm_parse("b2a_uu", args, nargs, kw, names, 1, 1, 1, a) < 0) return VNULL;
    int backtick;
    if (!bool_arg(a[1], false, &backtick)) return VNULL;
    const char *p;
    size_t n;
    if (!get_bytes(a[0], &p, &n)) return VNULL;
    if (n > 45) {
        err_set(ERROR_TYPE, "At most 45 bytes at once");
        return VNULL;
    }
    ByteBuilder bb;
    bb_init(&bb);
    bb_append_byte(&bb, backtick && !n ? '`' : (unsigned char)(' ' + n));
    const unsigned char *s = (const unsigned char *)p;
    unsigned leftchar = 0;
    int leftbits = 0;
    for (ssize_t len = (ssize_t)n; len > 0 || leftbits != 0; len--, s++) {
        leftchar = len > 0 ? (leftchar << 8) | *s : leftchar << 8;
        leftbits += 8;
        while (leftbits >= 6) {
            unsigned c = (leftchar >> (leftbits - 6)) & 0x3f;
            leftbits -= 6;
            bb_append_byte(&bb, backtick && !c ? '`' : (unsigned char)(c + ' '));
        }
    }
    bb_append_byte(&bb, '\n');
    return bb_finish(&bb);
}

/* ---- quoted-printable ---- */

static Value b_a2b_qp(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"data", "header", NULL};
    Value a[2];
    if (dm_parse("a2b_qp", args, nargs, kw, names, 0, 2, 1, a) < 0) return VNULL;
    int header;
    if (!bool_arg(a[1], false, &header)) return VNULL;
    const char *p;
    size_t n;
    if (!get_ascii(a[0], &p, &n)) return VNULL;
    const unsigned char *s = (const unsigned char *)p;
    ByteBuilder bb;
    bb_init(&bb);
    size_t in = 0;
    while (in < n) {
        if (s[in] == '=') {
            in++;
            if (in >= n) break;
            if (s[in] == '\n' || s[in] == '\r') {
                /* A soft line break. */
                if (s[in] != '\n')
                    while (in < n && s[in] != '\n') in++;
                if (in < n) in++;
            } else if (s[in] == '=') {
                bb_append_byte(&bb, '=');   /* "==" from broken encoders */
                in++;
            } else if (in + 1 < n && hexval(s[in]) >= 0 && hexval(s[in + 1]) >= 0) {
                bb_append_byte(&bb, (unsigned char)(hexval(s[in]) << 4 | hexval(s[in + 1])));
                in += 2;
            } else {
                bb_append_byte(&bb, '=');
            }
        } else if (header && s[in] == '_') {
            bb_append_byte(&bb, ' ');
            in++;
        } else {
            bb_append_byte(&bb, s[in++]);
        }
    }
    return bb_finish(&bb);
}

#define MAXLINESIZE 76

static void append_hex_upper(ByteBuilder *bb, unsigned char c) {
    bb_append_byte(bb, (unsigned char)"0123456789ABCDEF"[c >> 4]);
    bb_append_byte(bb, (unsigned char)"0123456789ABCDEF"[c & 15]);
}

static Value b_b2a_qp(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"data", "quotetabs", "istext", "header", NULL};
    Value a[4];
    if (dm_parse("b2a_qp", args, nargs, kw, names, 0, 4, 1, a) < 0) return VNULL;
    int quotetabs, istext, header;
    if (!bool_arg(a[1], false, &quotetabs) || !bool_arg(a[2], true, &istext) || !bool_arg(a[3], false, &header))
        return VNULL;
    const char *p;
    size_t n;
    if (!get_bytes(a[0], &p, &n)) return VNULL;
    const unsigned char *s = (const unsigned char *)p;
    /* CRLF line ends if the first newline is preceded by a CR. */
    const unsigned char *nl = memchr(s, '\n', n);
    bool crlf = nl && nl > s && nl[-1] == '\r';
    ByteBuilder bb;
    bb_init(&bb);
    size_t in = 0;
    unsigned linelen = 0;
    while (in < n) {
        unsigned char c = s[in];
        bool encode = c > 126 || c == '=' || (header && c == '_') ||
                      (c == '.' && linelen == 0 && (in + 1 == n || s[in + 1] == '\n' || s[in + 1] == '\r' || s[in + 1] == 0)) ||
                      (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && in + 1 == n) ||
                      (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
        if (encode) {
            if (linelen + 3 >= MAXLINESIZE) {
                bb_append_byte(&bb, '=');
                if (crlf) bb_append_byte(&bb, '\r');
                bb_append_byte(&bb, '\n');
                linelen = 0;
            }
            bb_append_byte(&bb, '=');
            append_hex_upper(&bb, c);
            in++;
            linelen += 3;
        } else if (istext && (c == '\n' || (in + 1 < n && c == '\r' && s[in + 1] == '\n'))) {
            linelen = 0;
            /* Whitespace before a line end is encoded. */
            if (bb.size && (bb.buf[bb.size - 1] == ' ' || bb.buf[bb.size - 1] == '\t')) {
                unsigned char ch = (unsigned char)bb.buf[bb.size - 1];
                bb.buf[bb.size - 1] = '=';
                append_hex_upper(&bb, ch);
            }
            if (crlf) bb_append_byte(&bb, '\r');
            bb_append_byte(&bb, '\n');
            in += c == '\r' ? 2 : 1;
        } else {
            if (in + 1 != n && s[in + 1] != '\n' && linelen + 1 >= MAXLINESIZE) {
                bb_append_byte(&bb, '=');
                if (crlf) bb_append_byte(&bb, '\r');
                bb_append_byte(&bb, '\n');
                linelen = 0;
            }
            linelen++;
            bb_append_byte(&bb, header && c == ' ' ? '_' : c);
            in++;
        }
    }
    return bb_finish(&bb);
}

/* ---- CRCs ---- */

static uint32_t crc32_table[256];
static uint16_t crc_hqx_table[256];

static void crc_tables_init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc32_table[i] = c;
        uint16_t h = (uint16_t)(i << 8);
        for (int k = 0; k < 8; k++) h = (uint16_t)(h & 0x8000 ? (h << 1) ^ 0x1021 : h << 1);
        crc_hqx_table[i] = h;
    }
}

static Value b_crc32(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("binascii.crc32", kw) < 0 || dm_positional("crc32", nargs, 1, 2) < 0) return VNULL;
    const char *p;
    size_t n;
    if (!get_bytes(args[0], &p, &n)) return VNULL;
    uint32_t crc = 0;
    if (nargs > 1 && get_bitwise_u32(args[1], &crc) < 0) return VNULL;
    crc = ~crc;
    for (size_t i = 0; i < n; i++) crc = crc32_table[(crc ^ (unsigned char)p[i]) & 0xff] ^ (crc >> 8);
    return int_from_u64(~crc);
}

static Value b_crc_hqx(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("binascii.crc_hqx", kw) < 0 || dm_positional("crc_hqx", nargs, 2, 2) < 0) return VNULL;
    const char *p;
    size_t n;
    if (!get_bytes(args[0], &p, &n)) return VNULL;
    uint32_t crc32v;
    if (get_bitwise_u32(args[1], &crc32v) < 0) return VNULL;
    uint16_t crc = (uint16_t)(crc32v & 0xffff);
    for (size_t i = 0; i < n; i++)
        crc = (uint16_t)(((crc << 8) & 0xff00) ^ crc_hqx_table[((crc >> 8) & 0xff) ^ (unsigned char)p[i]]);
    return val_from_int(crc);
}

/* ---- the module ---- */

static const MethodDef binascii_functions[] = {
    {"a2b_uu", b_a2b_uu, 0, "Decode a line of uuencoded data."},
    {"b2a_uu", b_b2a_uu, 0, "Uuencode line of data."},
    {"a2b_base64", b_a2b_base64, 0,
     "Decode a line of base64 data.\n\n  strict_mode\n    When set to True, bytes that are not part of the base64 "
     "standard are not allowed.\n    The same applies to excess data after padding (= / ==)."},
    {"b2a_base64", b_b2a_base64, 0, "Base64-code line of data."},
    {"a2b_hex", b_a2b_hex, 0,
     "Binary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits "
     "(upper or lower case).\nThis function is also available as \"unhexlify()\"."},
    {"b2a_hex", b_b2a_hex, 0,
     "Hexadecimal representation of binary data.\n\n  sep\n    An optional single character or byte to separate "
     "hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n"
     "    right, negative values count from the left.\n\nThe return value is a bytes object.  This function is "
     "also\navailable as \"hexlify()\"."},
    {"hexlify", b_hexlify, 0,
     "Hexadecimal representation of binary data.\n\n  sep\n    An optional single character or byte to separate "
     "hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n"
     "    right, negative values count from the left.\n\nThe return value is a bytes object.  This function is "
     "also\navailable as \"b2a_hex()\"."},
    {"unhexlify", b_unhexlify, 0,
     "Binary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits "
     "(upper or lower case)."},
    {"crc_hqx", b_crc_hqx, 0, "Compute CRC-CCITT incrementally."},
    {"crc32", b_crc32, 0, "Compute CRC-32 incrementally."},
    {"a2b_qp", b_a2b_qp, 0, "Decode a string of qp-encoded data."},
    {"b2a_qp", b_b2a_qp, 0,
     "Encode a string using quoted-printable encoding.\n\nOn encoding, when istext is set, newlines are not "
     "encoded, and white\nspace at end of lines is.  When istext is not set, \\r and \\n (CR/LF)\nare both encoded.  "
     "When quotetabs is set, space and tabs are encoded."},
    {NULL},
};

static Value new_exception(const char *name, Type *base) {
    Value ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("binascii")) < 0) return VNULL;
    return type_new_class(&type_type, str_from_cstr(name), tuple_pack(1, obj_val(base)), ns, VNULL);
}

Value binascii_module_init(void) {
    Value m = module_new_cstr("binascii");
    if (!m || module_add_functions(m, binascii_functions) < 0) return VNULL;
    crc_tables_init();
    binascii_error = new_exception("Error", &exc_ValueError);
    binascii_incomplete = new_exception("Incomplete", &exc_Exception);
    if (!binascii_error || !binascii_incomplete) return VNULL;
    gc_add_root(&binascii_error);
    gc_add_root(&binascii_incomplete);
    if (module_add(m, "Error", binascii_error) < 0 || module_add(m, "Incomplete", binascii_incomplete) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Conversion between binary data and ASCII")) < 0)
        return VNULL;
    return m;
}
