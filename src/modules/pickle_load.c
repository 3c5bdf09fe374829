/* pickle_load.c - the C Unpickler: a stack machine that runs pickle opcodes back into objects. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/set.h"
#include "../objects/func.h"
#include "../objects/memoryview.h"
#include "../objects/instance.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "io.h"
#include "pickle.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>

/*
 * The value stack is one array; MARK pushes the current stack height on
 * a separate mark stack, and `fence` (the innermost mark) stops POP and
 * friends from reaching below it, which is how CPython tells "unpickling
 * stack underflow" from "unexpected MARK found".  Reading goes through
 * upk_read(): a range of the input buffer, refilled from the file with
 * exactly the bytes asked for, so a load() leaves the file positioned
 * right after the pickle, as CPython's does.
 */

static void unpickling_error(const char *msg) {
    err_set_value((Type *)pickle_UnpicklingError, str_from_cstr(msg));
}

void unpickler_init_struct(UnpicklerObject *u) {
    u->fix_imports = true;
    u->fence = 0;
}

void unpickler_release(UnpicklerObject *u) {
    free(u->marks);
    u->marks = NULL;
    u->num_marks = u->marks_cap = 0;
    free(u->fbuf);
    u->fbuf = NULL;
    u->fbuf_cap = 0;
    u->input = NULL;
    u->input_len = u->next_idx = 0;
}

/* ---- Input ---- */

static int bad_readline(void) {
    unpickling_error("pickle data was truncated");
    return -1;
}

static int fbuf_reserve(UnpicklerObject *u, size_t n) {
    if (n <= u->fbuf_cap) return 0;
    size_t cap = u->fbuf_cap ? u->fbuf_cap : 256;
    while (cap < n) cap *= 2;
    char *b = realloc(u->fbuf, cap);
    if (!b) {
        err_no_memory();
        return -1;
    }
    u->fbuf = b;
    u->fbuf_cap = cap;
    return 0;
}

/* Replace the buffer with (at most) n bytes from the file; returns how many came. */
static ssize_t read_from_file(UnpicklerObject *u, size_t n) {
    if (u->is_bytesio && !((BytesIOObject *)u->file)->closed) {
        BytesIOObject *b = (BytesIOObject *)u->file;
        size_t avail = b->pos < b->size ? b->size - b->pos : 0;
        if (avail < n) n = avail;
        if (fbuf_reserve(u, n + 1) < 0) return -1;
        if (n) memcpy(u->fbuf, b->buf + b->pos, n);
        b->pos += n;
    } else {
        Value data = obj_call1(u->read, int_from_u64(n));
        if (!data) return -1;
        if (!bytes_check(data)) {
            err_format(&exc_ValueError, "read() returned non-bytes object (%s)", type_name(data));
            return -1;
        }
        n = (size_t)bytes_size(data) < n ? (size_t)bytes_size(data) : n;
        if (fbuf_reserve(u, n + 1) < 0) return -1;
        memcpy(u->fbuf, bytes_data(data), n);
    }
    u->input = u->fbuf;
    u->input_len = n;
    u->next_idx = 0;
    return (ssize_t)n;
}

static NOINLINE int read_slow(UnpicklerObject *u, const char **s, size_t n) {
    if (!u->read) return bad_readline();
    ssize_t got = read_from_file(u, n);
    if (got < 0) return -1;
    if ((size_t)got < n) return bad_readline();
    *s = u->input;
    u->next_idx = n;
    return 0;
}

static inline int upk_read(UnpicklerObject *u, const char **s, size_t n) {
    if (likely(u->input_len - u->next_idx >= n)) {
        if (unlikely(!u->input)) {
            *s = "";    /* n == 0 before any input: no arithmetic on NULL */
            return 0;
        }
        *s = u->input + u->next_idx;
        u->next_idx += n;
        return 0;
    }
    return read_slow(u, s, n);
}

/* A line including its '\n' (the last line of loads() data may lack one); returns its length. */
static ssize_t upk_readline(UnpicklerObject *u, const char **s) {
    size_t avail = u->input_len - u->next_idx;
    const char *start = avail ? u->input + u->next_idx : "";
    const char *nl = avail ? memchr(start, '\n', avail) : NULL;
    if (nl) {
        size_t len = (size_t)(nl - start) + 1;
        u->next_idx += len;
        *s = start;
        return (ssize_t)len;
    }
    if (!u->read) {
        u->next_idx = u->input_len;
        *s = start;
        return (ssize_t)avail;
    }
    Value line;
    if (u->is_bytesio && !((BytesIOObject *)u->file)->closed) {
        BytesIOObject *b = (BytesIOObject *)u->file;
        size_t rem = b->pos < b->size ? b->size - b->pos : 0;
        const char *p = rem ? b->buf + b->pos : NULL, *e = rem ? memchr(p, '\n', rem) : NULL;
        size_t len = e ? (size_t)(e - p) + 1 : rem;
        if (fbuf_reserve(u, len + 1) < 0) return -1;
        if (len) memcpy(u->fbuf, p, len);
        b->pos += len;
        u->input = u->fbuf;
        u->input_len = u->next_idx = len;
        *s = u->fbuf;
        return (ssize_t)len;
    }
    line = obj_call0(u->readline);
    if (!line) return -1;
    if (!bytes_check(line)) {
        err_format(&exc_ValueError, "readline() returned non-bytes object (%s)", type_name(line));
        return -1;
    }
    size_t len = (size_t)bytes_size(line);
    if (fbuf_reserve(u, len + 1) < 0) return -1;
    memcpy(u->fbuf, bytes_data(line), len);
    u->input = u->fbuf;
    u->input_len = u->next_idx = len;
    *s = u->fbuf;
    return (ssize_t)len;
}

/* ---- The stack ---- */

static NOINLINE int stack_grow(UnpicklerObject *u) {
    size_t cap = u->stack_cap ? u->stack_cap * 2 : 64;
    Value *n = array_alloc(cap);
    if (!n) return -1;
    copy_values(n, u->stack, u->stack_len);
    GC_WRITE(u, u->stack, n);
    u->stack_cap = cap;
    return 0;
}

static inline int push(UnpicklerObject *u, Value v) {
    if (!v) return -1;
    if (unlikely(u->stack_len == u->stack_cap) && stack_grow(u) < 0) return -1;
    u->stack[u->stack_len++] = v;
    return 0;
}

static int stack_underflow(UnpicklerObject *u) {
    unpickling_error(u->num_marks ? "unexpected MARK found" : "unpickling stack underflow");
    return -1;
}

static inline Value pop(UnpicklerObject *u) {
    if ((ssize_t)u->stack_len <= u->fence) {
        stack_underflow(u);
        return VNULL;
    }
    Value v = u->stack[--u->stack_len];
    u->stack[u->stack_len] = VNULL;
    return v;
}

static void stack_truncate(UnpicklerObject *u, size_t n) {
    while (u->stack_len > n) u->stack[--u->stack_len] = VNULL;
}

/* Items [start, top) as a tuple, popped. */
static Value pop_tuple(UnpicklerObject *u, ssize_t start) {
    if (start < u->fence) {
        stack_underflow(u);
        return VNULL;
    }
    Value t = tuple_from_array(u->stack + start, u->stack_len - (size_t)start);
    if (!t) return VNULL;
    stack_truncate(u, (size_t)start);
    return t;
}

static Value pop_list(UnpicklerObject *u, ssize_t start) {
    Value l = list_from_array(u->stack + start, u->stack_len - (size_t)start);
    if (!l) return VNULL;
    stack_truncate(u, (size_t)start);
    return l;
}

static ssize_t marker(UnpicklerObject *u) {
    if (u->num_marks < 1) {
        unpickling_error("could not find MARK");
        return -1;
    }
    ssize_t mark = u->marks[--u->num_marks];
    u->fence = u->num_marks ? u->marks[u->num_marks - 1] : 0;
    return mark;
}

static int load_mark(UnpicklerObject *u) {
    if (u->num_marks == u->marks_cap) {
        size_t cap = u->marks_cap * 2 + 20;
        ssize_t *m = realloc(u->marks, cap * sizeof(ssize_t));
        if (!m) {
            err_no_memory();
            return -1;
        }
        u->marks = m;
        u->marks_cap = cap;
    }
    u->marks[u->num_marks++] = u->fence = (ssize_t)u->stack_len;
    return 0;
}

/* ---- The memo ---- */

static int memo_put(UnpicklerObject *u, size_t idx, Value v) {
    if (idx >= u->memo_cap) {
        size_t cap = u->memo_cap ? u->memo_cap : 32;
        while (cap <= idx) {
            if (cap > ((size_t)1 << 40)) {
                err_no_memory();
                return -1;
            }
            cap *= 2;
        }
        Value *n = array_alloc(cap);
        if (!n) return -1;
        copy_values(n, u->memo, u->memo_cap);
        GC_WRITE(u, u->memo, n);
        u->memo_cap = cap;
    }
    if (!u->memo[idx]) u->memo_len++;
    u->memo[idx] = v;
    return 0;
}

static int memo_get_push(UnpicklerObject *u, size_t idx) {
    Value v = idx < u->memo_cap ? u->memo[idx] : VNULL;
    if (!v) {
        err_set_value((Type *)pickle_UnpicklingError, str_printf("Memo value not found at index %zu", idx));
        return -1;
    }
    return push(u, v);
}

static Value top(UnpicklerObject *u) {
    if ((ssize_t)u->stack_len <= u->fence) {
        stack_underflow(u);
        return VNULL;
    }
    return u->stack[u->stack_len - 1];
}

/* ---- Numbers ---- */

static size_t calc_binsize(const char *s, int n) {
    size_t x = 0;
    for (int i = 0; i < n; i++) x |= (size_t)(unsigned char)s[i] << (8 * i);
    return x;
}

static long calc_binint(const char *s, int n) {
    long x = 0;
    for (int i = 0; i < n; i++) x |= (long)(unsigned char)s[i] << (8 * i);
    if (n == 4) x = (long)(int32_t)(uint32_t)x;
    return x;
}

/* n bytes of little-endian two's complement. */
static Value int_from_le_signed(const unsigned char *d, size_t n) {
    if (n == 0) return val_from_int(0);
    if (n <= 8) {
        uint64_t u = 0;
        for (size_t i = 0; i < n; i++) u |= (uint64_t)d[i] << (8 * i);
        if (n < 8 && (d[n - 1] & 0x80)) u |= ~(uint64_t)0 << (8 * n);
        return int_from_i64((int64_t)u);
    }
    bool neg = (d[n - 1] & 0x80) != 0;
    size_t nlimbs = (n + 7) / 8;
    mp_limb_t *limbs = calloc(nlimbs, sizeof(mp_limb_t));
    if (!limbs) {
        err_no_memory();
        return VNULL;
    }
    unsigned carry = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned b = d[i];
        if (neg) {
            b = (unsigned)(unsigned char)~d[i] + carry;
            carry = b >> 8;
            b &= 0xff;
        }
        limbs[i / 8] |= (mp_limb_t)b << (8 * (i % 8));
    }
    size_t used = nlimbs;
    while (used > 0 && limbs[used - 1] == 0) used--;
    Value r = int_from_limbs(limbs, neg ? -(ssize_t)used : (ssize_t)used);
    free(limbs);
    return r;
}

/* A NUL-terminated copy of a line without its newline (for strtol and friends). */
static char *line_cstr(const char *s, size_t len) {
    char *c = malloc(len + 1);
    if (!c) {
        err_no_memory();
        return NULL;
    }
    memcpy(c, s, len);
    c[len] = 0;
    return c;
}

static int load_int(UnpicklerObject *u) {
    const char *s;
    ssize_t len = upk_readline(u, &s);
    if (len < 0) return -1;
    if (len < 2) return bad_readline();
    char *c = line_cstr(s, (size_t)len);
    if (!c) return -1;
    char *end;
    errno = 0;
    long x = strtol(c, &end, 0);
    Value v;
    if (errno || (*end != '\n' && *end != 0)) {
        /* Too big for a long, or not a number: parse as a Python int literal. */
        size_t n = strlen(c);
        while (n && (c[n - 1] == '\n' || c[n - 1] == ' ')) n--;
        v = int_from_string(c, n, 0);
        if (!v) {
            err_clear();
            err_set(&exc_ValueError, "could not convert string to int");
        }
    } else if (len == 3 && (x == 0 || x == 1)) {
        v = val_bool(x);
    } else {
        v = int_from_i64(x);
    }
    free(c);
    return push(u, v);
}

static int load_long(UnpicklerObject *u) {
    const char *s;
    ssize_t len = upk_readline(u, &s);
    if (len < 0) return -1;
    if (len < 2) return bad_readline();
    size_t n = (size_t)len - 1;
    if (s[n - 1] == 'L') n--;
    Value v = int_from_string(s, n, 0);
    return push(u, v);
}

static int load_counted_long(UnpicklerObject *u, int size) {
    const char *s;
    if (upk_read(u, &s, (size_t)size) < 0) return -1;
    long n = calc_binint(s, size);
    if (n < 0) {
        unpickling_error("LONG pickle has negative byte count");
        return -1;
    }
    if (n == 0) return push(u, val_from_int(0));
    if (upk_read(u, &s, (size_t)n) < 0) return -1;
    return push(u, int_from_le_signed((const unsigned char *)s, (size_t)n));
}

static int load_float(UnpicklerObject *u) {
    const char *s;
    ssize_t len = upk_readline(u, &s);
    if (len < 0) return -1;
    if (len < 2) return bad_readline();
    size_t n = (size_t)len;
    while (n && (s[n - 1] == '\n')) n--;
    /* C's strtod rules (CPython's PyOS_string_to_double): no surrounding space, no underscores. */
    if (n == 0 || !strchr("+-.0123456789iInN", s[0])) {
        /* Nothing parses: the message quotes the line, as PyOS_string_to_double's does. */
        Value line = str_decode_utf8(s, (size_t)len, "replace");
        if (line) err_format(&exc_ValueError, "could not convert string to float: '%U'", line);
        return -1;
    }
    bool bad = memchr(s, '_', n) || s[n - 1] == ' ' || s[n - 1] == '\t';
    Value v = bad ? VNULL : float_from_string(s, n);
    if (v && isinf(float_value(v)) && !memchr(s, 'i', n) && !memchr(s, 'I', n)) {
        Value line = str_decode_utf8(s, (size_t)len, "replace");
        if (line) err_format(&exc_OverflowError, "value too large to convert to float: '%U'", line);
        return -1;
    }
    if (!v) {
        err_clear();
        err_set(&exc_ValueError, "could not convert string to float");
        return -1;
    }
    return push(u, v);
}

static int load_binfloat(UnpicklerObject *u) {
    const char *s;
    if (upk_read(u, &s, 8) < 0) return -1;
    uint64_t bits = 0;
    for (int i = 0; i < 8; i++) bits = (bits << 8) | (unsigned char)s[i];
    double d;
    memcpy(&d, &bits, 8);
    return push(u, float_new(d));
}

/* ---- Strings ---- */

/* Python 2 str: bytes when encoding is 'bytes', else decoded text. */
static Value decode_py2_str(UnpicklerObject *u, const char *s, size_t n) {
    const char *enc = str_data(u->encoding);
    if (strcmp(enc, "bytes") == 0) return bytes_new(s, n);
    return bytes_decode(s, n, enc, str_data(u->errors));
}

static Value call_codecs(const char *fn, Value arg) {
    extern Value import_name(Value name, Value globals, Value fromlist, int level);
    Value m = import_name(str_intern_cstr("_codecs"), VNULL, VNone, 0);
    Value f = m ? obj_getattr_cstr(m, fn) : VNULL;
    Value r = f ? obj_call1(f, arg) : VNULL;
    if (!r) return VNULL;
    if (!tuple_check(r) || tuple_size(r) != 2) {
        err_internal("codec result");
        return VNULL;
    }
    return tuple_get(r, 0);
}

static int load_string(UnpicklerObject *u) {
    const char *s;
    ssize_t len = upk_readline(u, &s);
    if (len < 0) return -1;
    len--;
    if (len >= 2 && s[0] == s[len - 1] && (s[0] == '\'' || s[0] == '"')) {
        Value raw = bytes_new(s + 1, (size_t)len - 2);
        Value b = raw ? call_codecs("escape_decode", raw) : VNULL;
        if (!b) return -1;
        return push(u, decode_py2_str(u, bytes_data(b), (size_t)bytes_size(b)));
    }
    unpickling_error("the STRING opcode argument must be quoted");
    return -1;
}

static int load_counted_binstring(UnpicklerObject *u, int nbytes) {
    const char *s;
    if (upk_read(u, &s, (size_t)nbytes) < 0) return -1;
    size_t size = calc_binsize(s, nbytes);
    if (size > (size_t)SSIZE_MAX) {
        err_set_value((Type *)pickle_UnpicklingError,
                      str_printf("BINSTRING exceeds system's maximum size of %zd bytes", (ssize_t)SSIZE_MAX));
        return -1;
    }
    if (upk_read(u, &s, size) < 0) return -1;
    return push(u, decode_py2_str(u, s, size));
}

static int load_counted_binbytes(UnpicklerObject *u, int nbytes) {
    const char *s;
    if (upk_read(u, &s, (size_t)nbytes) < 0) return -1;
    size_t size = calc_binsize(s, nbytes);
    if (size > (size_t)SSIZE_MAX) {
        err_format(&exc_OverflowError, "BINBYTES exceeds system's maximum size of %zd bytes", (ssize_t)SSIZE_MAX);
        return -1;
    }
    if (upk_read(u, &s, size) < 0) return -1;
    return push(u, bytes_new(s, size));
}

static int load_counted_bytearray(UnpicklerObject *u) {
    const char *s;
    if (upk_read(u, &s, 8) < 0) return -1;
    size_t size = calc_binsize(s, 8);
    if (size > (size_t)SSIZE_MAX) {
        err_format(&exc_OverflowError, "BYTEARRAY8 exceeds system's maximum size of %zd bytes", (ssize_t)SSIZE_MAX);
        return -1;
    }
    if (upk_read(u, &s, size) < 0) return -1;
    return push(u, bytearray_new(s, size));
}

static int load_next_buffer(UnpicklerObject *u) {
    if (!u->buffers) {
        unpickling_error("pickle stream refers to out-of-band data but no *buffers* argument was given");
        return -1;
    }
    Value b = obj_next(u->buffers);
    if (!b) {
        if (!err_occurred()) unpickling_error("not enough out-of-band buffers");
        return -1;
    }
    return push(u, b);
}

static int load_readonly_buffer(UnpicklerObject *u) {
    Value obj = top(u);
    if (!obj) return -1;
    Value view = memoryview_from_object(obj);
    if (!view) return -1;
    MemoryViewObject *mv = (MemoryViewObject *)view;
    if (!mv->view.readonly) {
        mv->view.readonly = 1;
        u->stack[u->stack_len - 1] = view;
    }
    return 0;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* raw-unicode-escape: \uXXXX and \UXXXXXXXX, every other byte is Latin-1. */
static Value decode_raw_unicode_escape(const char *s, size_t n) {
    StrBuilder sb;
    sb_init(&sb);
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' && i + 1 < n && (s[i + 1] == 'u' || s[i + 1] == 'U')) {
            int digits = s[i + 1] == 'u' ? 4 : 8;
            /* An odd run of backslashes before u is an escape; CPython checks the same way. */
            if (i + 2 + (size_t)digits > n) goto fallback;
            uint32_t cp = 0;
            for (int k = 0; k < digits; k++) {
                int h = hexval(s[i + 2 + k]);
                if (h < 0) goto fallback;
                cp = cp * 16 + (uint32_t)h;
            }
            if (cp > 0x10ffff) goto fallback;
            sb_append_codepoint(&sb, cp);
            i += 2 + (size_t)digits;
        } else if (c == '\\' && i + 1 < n && s[i + 1] == '\\') {
            sb_append(&sb, "\\\\", 2);
            i += 2;
        } else {
            sb_append_codepoint(&sb, c);
            i++;
        }
    }
    return sb_finish(&sb);
fallback:
    /* Malformed: let the codec produce CPython's exact error. */
    sb_discard(&sb);
    {
        Value raw = bytes_new(s, n);
        return raw ? call_codecs("raw_unicode_escape_decode", raw) : VNULL;
    }
}

static int load_unicode(UnpicklerObject *u) {
    const char *s;
    ssize_t len = upk_readline(u, &s);
    if (len < 0) return -1;
    if (len < 1) return bad_readline();
    return push(u, decode_raw_unicode_escape(s, (size_t)len - 1));
}

static int load_counted_binunicode(UnpicklerObject *u, int nbytes) {
    const char *s;
    if (upk_read(u, &s, (size_t)nbytes) < 0) return -1;
    size_t size = calc_binsize(s, nbytes);
    if (size > (size_t)SSIZE_MAX) {
        err_format(&exc_OverflowError, "BINUNICODE exceeds system's maximum size of %zd bytes", (ssize_t)SSIZE_MAX);
        return -1;
    }
    if (upk_read(u, &s, size) < 0) return -1;
    /* An all-ASCII payload is already valid text. */
    size_t i = 0;
    while (i < size && !((unsigned char)s[i] & 0x80)) i++;
    if (i == size) return push(u, str_new_len(s, size, size));
    return push(u, str_decode_utf8(s, size, "surrogatepass"));
}

/* ---- Containers ---- */

static int load_counted_tuple(UnpicklerObject *u, size_t len) {
    if (u->stack_len < len) return stack_underflow(u);
    Value t = pop_tuple(u, (ssize_t)(u->stack_len - len));
    return push(u, t);
}

static int load_tuple(UnpicklerObject *u) {
    ssize_t i = marker(u);
    if (i < 0) return -1;
    return load_counted_tuple(u, u->stack_len - (size_t)i);
}

static int load_list(UnpicklerObject *u) {
    ssize_t i = marker(u);
    if (i < 0) return -1;
    return push(u, pop_list(u, i));
}

static int load_dict(UnpicklerObject *u) {
    ssize_t i = marker(u);
    if (i < 0) return -1;
    size_t j = u->stack_len;
    Value d = dict_new();
    if (!d) return -1;
    if ((j - (size_t)i) % 2 != 0) {
        unpickling_error("odd number of items for DICT");
        return -1;
    }
    for (size_t k = (size_t)i + 1; k < j; k += 2)
        if (dict_set(d, u->stack[k - 1], u->stack[k]) < 0) return -1;
    stack_truncate(u, (size_t)i);
    return push(u, d);
}

static int load_frozenset(UnpicklerObject *u) {
    ssize_t i = marker(u);
    if (i < 0) return -1;
    Value items = pop_tuple(u, i);
    if (!items) return -1;
    return push(u, set_from_iterable(&type_frozenset, items));
}

static int do_append(UnpicklerObject *u, ssize_t x) {
    ssize_t len = (ssize_t)u->stack_len;
    if (x > len || x <= u->fence) return stack_underflow(u);
    if (len == x) return 0;
    Value list = u->stack[x - 1];
    if (list_check_exact(list)) {
        for (ssize_t i = x; i < len; i++)
            if (list_append(list, u->stack[i]) < 0) return -1;
        stack_truncate(u, (size_t)x);
        return 0;
    }
    Value extend = obj_getattr_opt(list, str_intern_cstr("extend"));
    if (extend) {
        Value slice = pop_list(u, x);
        if (!slice) return -1;
        return obj_call1(extend, slice) ? 0 : -1;
    }
    if (err_occurred()) return -1;
    Value append = obj_getattr(list, str_intern_cstr("append"));
    if (!append) return -1;
    for (ssize_t i = x; i < len; i++) {
        if (!obj_call1(append, u->stack[i])) {
            stack_truncate(u, (size_t)x);
            return -1;
        }
    }
    stack_truncate(u, (size_t)x);
    return 0;
}

static int do_setitems(UnpicklerObject *u, ssize_t x) {
    ssize_t len = (ssize_t)u->stack_len;
    if (x > len || x <= u->fence) return stack_underflow(u);
    if (len == x) return 0;
    if ((len - x) % 2 != 0) {
        unpickling_error("odd number of items for SETITEMS");
        return -1;
    }
    Value d = u->stack[x - 1];
    int status = 0;
    bool exact = dict_check_exact(d);
    for (ssize_t i = x + 1; i < len; i += 2) {
        if ((exact ? dict_set(d, u->stack[i - 1], u->stack[i]) : obj_setitem(d, u->stack[i - 1], u->stack[i])) < 0) {
            status = -1;
            break;
        }
    }
    stack_truncate(u, (size_t)x);
    return status;
}

static int load_additems(UnpicklerObject *u) {
    ssize_t mark = marker(u);
    if (mark < 0) return -1;
    ssize_t len = (ssize_t)u->stack_len;
    if (mark > len || mark <= u->fence) return stack_underflow(u);
    if (len == mark) return 0;
    Value set = u->stack[mark - 1];
    if (val_isinstance(set, &type_set)) {
        Value items = pop_tuple(u, mark);
        if (!items) return -1;
        return set_update(set, items);
    }
    Value add = obj_getattr(set, str_intern_cstr("add"));
    if (!add) return -1;
    for (ssize_t i = mark; i < len; i++) {
        if (!obj_call1(add, u->stack[i])) {
            stack_truncate(u, (size_t)mark);
            return -1;
        }
    }
    stack_truncate(u, (size_t)mark);
    return 0;
}

/* ---- Objects ---- */

/* INST/OBJ: cls(*args), or cls.__new__(cls) for no args and no __getinitargs__. */
static Value instantiate(Value cls, Value args) {
    if (tuple_size(args) == 0 && type_check(cls)) {
        Value f = obj_getattr_opt(cls, str_intern_cstr("__getinitargs__"));
        if (!f) {
            if (err_occurred()) return VNULL;
            Value new_ = obj_getattr(cls, str_intern_cstr("__new__"));
            return new_ ? obj_call1(new_, cls) : VNULL;
        }
    }
    return obj_call(cls, tuple_items(args), (size_t)tuple_size(args), VNULL);
}

static Value find_class(UnpicklerObject *u, Value module_name, Value global_name);

static int load_obj(UnpicklerObject *u) {
    ssize_t i = marker(u);
    if (i < 0) return -1;
    if ((ssize_t)u->stack_len - i < 1) return stack_underflow(u);
    Value args = pop_tuple(u, i + 1);
    if (!args) return -1;
    Value cls = pop(u);
    if (!cls) return -1;
    return push(u, instantiate(cls, args));
}

static int load_inst(UnpicklerObject *u) {
    ssize_t i = marker(u);
    if (i < 0) return -1;
    const char *s;
    ssize_t len = upk_readline(u, &s);
    if (len < 0) return -1;
    if (len < 2) return bad_readline();
    Value module_name = bytes_decode(s, (size_t)len - 1, "ascii", "strict");
    if (!module_name) return -1;
    len = upk_readline(u, &s);
    if (len < 0) return -1;
    if (len < 2) return bad_readline();
    Value class_name = bytes_decode(s, (size_t)len - 1, "ascii", "strict");
    if (!class_name) return -1;
    Value cls = find_class(u, module_name, class_name);
    if (!cls) return -1;
    Value args = pop_tuple(u, i);
    if (!args) return -1;
    return push(u, instantiate(cls, args));
}

static int load_newobj(UnpicklerObject *u, bool use_kwargs) {
    Value kwargs = VNULL;
    if (use_kwargs && !(kwargs = pop(u))) return -1;
    Value args = pop(u);
    if (!args) return -1;
    Value cls = pop(u);
    if (!cls) return -1;
    const char *op = use_kwargs ? "NEWOBJ_EX" : "NEWOBJ";
    Value msg = VNULL;
    if (!type_check(cls))
        msg = str_printf("%s class argument must be a type, not %s", op, type_name(cls));
    else if (!((Type *)cls)->new)
        msg = str_printf("%s class argument '%s' doesn't have __new__", op, type_name(cls));
    else if (!tuple_check(args))
        msg = str_printf("%s args argument must be a tuple, not %s", op, type_name(args));
    else if (use_kwargs && !dict_check(kwargs))
        msg = str_printf("%s kwargs argument must be a dict, not %s", op, type_name(kwargs));
    if (msg) {
        err_set_value((Type *)pickle_UnpicklingError, msg);
        return -1;
    }
    Type *t = (Type *)cls;
    Value obj;
    if (!kwargs || dict_size(kwargs) == 0) {
        obj = t->new(t, tuple_items(args), (size_t)tuple_size(args), VNULL);
    } else {
        /* Keyword arguments travel as values after the positionals plus a tuple of names. */
        ssize_t n = tuple_size(args), nk = dict_size(kwargs);
        Value *buf = alloca(sizeof(Value) * (size_t)(n + nk));
        copy_values(buf, tuple_items(args), (size_t)n);
        Value names = tuple_new((size_t)nk);
        if (!names) return -1;
        ssize_t pos = 0, k = 0;
        Value key, val;
        while (dict_next(kwargs, &pos, &key, &val)) {
            if (!str_check(key)) {
                err_set(&exc_TypeError, "keywords must be strings");
                return -1;
            }
            tuple_items(names)[k] = key;
            buf[n + k] = val;
            k++;
        }
        obj = t->new(t, buf, (size_t)n, names);
    }
    return push(u, obj);
}

static int load_global(UnpicklerObject *u) {
    const char *s;
    ssize_t len = upk_readline(u, &s);
    if (len < 0) return -1;
    if (len < 2) return bad_readline();
    Value module_name = str_decode_utf8(s, (size_t)len - 1, "strict");
    if (!module_name) return -1;
    len = upk_readline(u, &s);
    if (len < 0) return -1;
    if (len < 2) return bad_readline();
    Value global_name = str_decode_utf8(s, (size_t)len - 1, "strict");
    if (!global_name) return -1;
    return push(u, find_class(u, module_name, global_name));
}

static int load_stack_global(UnpicklerObject *u) {
    Value global_name = pop(u);
    if (!global_name) return -1;
    Value module_name = pop(u);
    if (!module_name) return -1;
    if (!str_check_exact(module_name) || !str_check_exact(global_name)) {
        unpickling_error("STACK_GLOBAL requires str");
        return -1;
    }
    return push(u, find_class(u, module_name, global_name));
}

static int no_persistent_load(void) {
    unpickling_error("A load persistent id instruction was encountered,\nbut no persistent_load function was "
                     "specified.");
    return -1;
}

static int load_persid(UnpicklerObject *u) {
    if (!u->pers_func) return no_persistent_load();
    const char *s;
    ssize_t len = upk_readline(u, &s);
    if (len < 0) return -1;
    if (len < 1) return bad_readline();
    Value pid = bytes_decode(s, (size_t)len - 1, "ascii", "strict");
    if (!pid) {
        if (err_matches(&exc_UnicodeDecodeError)) {
            err_clear();
            unpickling_error("persistent IDs in protocol 0 must be ASCII strings");
        }
        return -1;
    }
    return push(u, obj_call1(u->pers_func, pid));
}

static int load_binpersid(UnpicklerObject *u) {
    if (!u->pers_func) return no_persistent_load();
    Value pid = pop(u);
    if (!pid) return -1;
    return push(u, obj_call1(u->pers_func, pid));
}

static int load_pop(UnpicklerObject *u) {
    ssize_t len = (ssize_t)u->stack_len;
    if (u->num_marks > 0 && u->marks[u->num_marks - 1] == len) {
        u->num_marks--;
        u->fence = u->num_marks ? u->marks[u->num_marks - 1] : 0;
        return 0;
    }
    if (len <= u->fence) return stack_underflow(u);
    u->stack[--u->stack_len] = VNULL;
    return 0;
}

static int load_pop_mark(UnpicklerObject *u) {
    ssize_t i = marker(u);
    if (i < 0) return -1;
    stack_truncate(u, (size_t)i);
    return 0;
}

static int load_dup(UnpicklerObject *u) {
    Value v = top(u);
    return v ? push(u, v) : -1;
}

static int load_get(UnpicklerObject *u) {
    const char *s;
    ssize_t len = upk_readline(u, &s);
    if (len < 0) return -1;
    if (len < 2) return bad_readline();
    size_t n = (size_t)len;
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' ')) n--;
    Value key = int_from_string(s, n, 10);
    if (!key) return -1;
    ssize_t idx = int_as_ssize(key);
    if (idx == -1 && err_occurred()) return -1;
    if (idx < 0) {
        err_set_value((Type *)pickle_UnpicklingError, str_printf("Memo value not found at index %zd", idx));
        return -1;
    }
    return memo_get_push(u, (size_t)idx);
}

static int load_put(UnpicklerObject *u) {
    const char *s;
    ssize_t len = upk_readline(u, &s);
    if (len < 0) return -1;
    if (len < 2) return bad_readline();
    Value v = top(u);
    if (!v) return -1;
    size_t n = (size_t)len;
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' ')) n--;
    Value key = int_from_string(s, n, 10);
    if (!key) return -1;
    ssize_t idx = int_as_ssize(key);
    if (idx == -1 && err_occurred()) return -1;
    if (idx < 0) {
        err_set(&exc_ValueError, "negative PUT argument");
        return -1;
    }
    return memo_put(u, (size_t)idx, v);
}

static int load_binput(UnpicklerObject *u, int nbytes) {
    const char *s;
    if (upk_read(u, &s, (size_t)nbytes) < 0) return -1;
    Value v = top(u);
    if (!v) return -1;
    size_t idx = calc_binsize(s, nbytes);
    return memo_put(u, idx, v);
}

static int load_memoize(UnpicklerObject *u) {
    Value v = top(u);
    if (!v) return -1;
    return memo_put(u, u->memo_len, v);
}

static int load_extension(UnpicklerObject *u, int nbytes) {
    const char *s;
    if (upk_read(u, &s, (size_t)nbytes) < 0) return -1;
    long code = calc_binint(s, nbytes);
    if (code <= 0) {
        unpickling_error("EXT specifies code <= 0");
        return -1;
    }
    if (pickle_state_init() < 0) return -1;
    Value py_code = int_from_i64(code);
    Value obj = dict_get(pickle_state.extension_cache, py_code);
    if (obj) return push(u, obj);
    if (err_occurred()) return -1;
    Value pair = dict_get(pickle_state.inverted_registry, py_code);
    if (!pair) {
        if (!err_occurred()) err_format(&exc_ValueError, "unregistered extension code %ld", code);
        return -1;
    }
    if (!tuple_check(pair) || tuple_size(pair) != 2 || !str_check(tuple_get(pair, 0)) ||
        !str_check(tuple_get(pair, 1))) {
        err_format(&exc_ValueError, "_inverted_registry[%ld] isn't a 2-tuple of strings", code);
        return -1;
    }
    obj = find_class(u, tuple_get(pair, 0), tuple_get(pair, 1));
    if (!obj || dict_set(pickle_state.extension_cache, py_code, obj) < 0) return -1;
    return push(u, obj);
}

static int load_append(UnpicklerObject *u) {
    if ((ssize_t)u->stack_len - 1 <= u->fence) return stack_underflow(u);
    return do_append(u, (ssize_t)u->stack_len - 1);
}

static int load_build(UnpicklerObject *u) {
    if ((ssize_t)u->stack_len - 2 < u->fence) return stack_underflow(u);
    Value state = pop(u);
    if (!state) return -1;
    Value inst = u->stack[u->stack_len - 1];
    Value setstate = obj_getattr_opt(inst, str_intern_cstr("__setstate__"));
    if (setstate) return obj_call1(setstate, state) ? 0 : -1;
    if (err_occurred()) return -1;
    Value slotstate = VNULL;
    if (tuple_check(state) && tuple_size(state) == 2) {
        slotstate = tuple_get(state, 1);
        state = tuple_get(state, 0);
    }
    if (state != VNone) {
        if (!dict_check(state)) {
            unpickling_error("state is not a dictionary");
            return -1;
        }
        Value d = obj_getattr(inst, str_intern_cstr("__dict__"));
        if (!d) return -1;
        ssize_t pos = 0;
        Value k, v;
        while (dict_next(state, &pos, &k, &v)) {
            if (str_check_exact(k)) k = str_intern(k);
            if (obj_setitem(d, k, v) < 0) return -1;
        }
    }
    if (slotstate) {
        if (!dict_check(slotstate)) {
            unpickling_error("slot state is not a dictionary");
            return -1;
        }
        ssize_t pos = 0;
        Value k, v;
        while (dict_next(slotstate, &pos, &k, &v))
            if (obj_setattr(inst, k, v) < 0) return -1;
    }
    return 0;
}

static int load_reduce(UnpicklerObject *u) {
    Value argtup = pop(u);
    if (!argtup) return -1;
    Value callable = pop(u);
    if (!callable) return -1;
    if (!tuple_check(argtup)) {
        /* CPython's PyObject_CallObject message. */
        err_set(&exc_TypeError, "argument list must be a tuple");
        return -1;
    }
    return push(u, obj_call(callable, tuple_items(argtup), (size_t)tuple_size(argtup), VNULL));
}

static int load_proto(UnpicklerObject *u) {
    const char *s;
    if (upk_read(u, &s, 1) < 0) return -1;
    int i = (unsigned char)s[0];
    if (i <= PICKLE_HIGHEST_PROTOCOL) {
        u->proto = i;
        return 0;
    }
    err_format(&exc_ValueError, "unsupported pickle protocol: %d", i);
    return -1;
}

static int load_frame(UnpicklerObject *u) {
    const char *s;
    if (upk_read(u, &s, 8) < 0) return -1;
    size_t frame_len = calc_binsize(s, 8);
    if (frame_len > (size_t)SSIZE_MAX) {
        err_format(&exc_OverflowError, "FRAME length exceeds system's maximum of %zd bytes", (ssize_t)SSIZE_MAX);
        return -1;
    }
    if (upk_read(u, &s, frame_len) < 0) return -1;
    u->next_idx -= frame_len;
    return 0;
}

/* ---- find_class ---- */

Value unpickler_find_class_impl(UnpicklerObject *u, Value module_name, Value global_name) {
    if (u->proto < 3 && u->fix_imports) {
        if (pickle_state_init() < 0) return VNULL;
        Value key = tuple_pack(2, module_name, global_name);
        if (!key) return VNULL;
        Value item = dict_get(pickle_state.name_mapping_2to3, key);
        if (item) {
            if (!tuple_check(item) || tuple_size(item) != 2) {
                err_format(&exc_RuntimeError, "_compat_pickle.NAME_MAPPING values should be 2-tuples, not %s",
                           type_name(item));
                return VNULL;
            }
            module_name = tuple_get(item, 0);
            global_name = tuple_get(item, 1);
            if (!str_check(module_name) || !str_check(global_name)) {
                err_format(&exc_RuntimeError,
                           "_compat_pickle.NAME_MAPPING values should be pairs of str, not (%s, %s)",
                           type_name(module_name), type_name(global_name));
                return VNULL;
            }
        } else if (err_occurred()) {
            return VNULL;
        } else {
            item = dict_get(pickle_state.import_mapping_2to3, module_name);
            if (item) {
                if (!str_check(item)) {
                    err_format(&exc_RuntimeError, "_compat_pickle.IMPORT_MAPPING values should be strings, not %s",
                               type_name(item));
                    return VNULL;
                }
                module_name = item;
            } else if (err_occurred()) {
                return VNULL;
            }
        }
    }
    Value module = pickle_import_module(module_name);
    if (!module) return VNULL;
    Value attr;
    if (u->proto >= 4) {
        Value path = pickle_get_dotted_path(module, global_name);
        if (!path) return VNULL;
        attr = pickle_get_deep_attribute(module, path, NULL);
    } else {
        attr = obj_getattr_opt(module, global_name);
    }
    if (!attr && !err_occurred())
        err_format(&exc_AttributeError, "Can't get attribute %R on %R", global_name, module);
    return attr;
}

static Value unpickler_find_class_m(Value self, Value *args, size_t nargs, Value kwnames);

/* self.find_class(module, name), skipping the method call when it is not overridden. */
static Value find_class(UnpicklerObject *u, Value module_name, Value global_name) {
    if (u->hdr.type == &type_unpickler || !u->hdr.type) return unpickler_find_class_impl(u, module_name, global_name);
    Value m = obj_getattr_cstr(obj_val(u), "find_class");
    if (!m) return VNULL;
    return obj_call2(m, module_name, global_name);
}

/* ---- The loop ---- */

Value unpickler_load(UnpicklerObject *u) {
    u->num_marks = 0;
    u->fence = 0;
    u->proto = 0;
    stack_truncate(u, 0);
    const char *s;
    for (;;) {
        if (upk_read(u, &s, 1) < 0) {
            if (err_given_matches(err_occurred(), pickle_UnpicklingError)) {
                err_clear();
                err_set(&exc_EOFError, "Ran out of input");
            }
            return VNULL;
        }
        int r;
        unsigned char op = (unsigned char)s[0];
        switch (op) {
        case PK_NONE: r = push(u, VNone); break;
        case PK_BININT: r = upk_read(u, &s, 4) < 0 ? -1 : push(u, int_from_i64(calc_binint(s, 4))); break;
        case PK_BININT1: r = upk_read(u, &s, 1) < 0 ? -1 : push(u, val_from_int((unsigned char)s[0])); break;
        case PK_BININT2: r = upk_read(u, &s, 2) < 0 ? -1 : push(u, val_from_int(calc_binint(s, 2))); break;
        case PK_INT: r = load_int(u); break;
        case PK_LONG: r = load_long(u); break;
        case PK_LONG1: r = load_counted_long(u, 1); break;
        case PK_LONG4: r = load_counted_long(u, 4); break;
        case PK_FLOAT: r = load_float(u); break;
        case PK_BINFLOAT: r = load_binfloat(u); break;
        case PK_SHORT_BINBYTES: r = load_counted_binbytes(u, 1); break;
        case PK_BINBYTES: r = load_counted_binbytes(u, 4); break;
        case PK_BINBYTES8: r = load_counted_binbytes(u, 8); break;
        case PK_BYTEARRAY8: r = load_counted_bytearray(u); break;
        case PK_NEXT_BUFFER: r = load_next_buffer(u); break;
        case PK_READONLY_BUFFER: r = load_readonly_buffer(u); break;
        case PK_SHORT_BINSTRING: r = load_counted_binstring(u, 1); break;
        case PK_BINSTRING: r = load_counted_binstring(u, 4); break;
        case PK_STRING: r = load_string(u); break;
        case PK_UNICODE: r = load_unicode(u); break;
        case PK_SHORT_BINUNICODE: r = load_counted_binunicode(u, 1); break;
        case PK_BINUNICODE: r = load_counted_binunicode(u, 4); break;
        case PK_BINUNICODE8: r = load_counted_binunicode(u, 8); break;
        case PK_EMPTY_TUPLE: r = push(u, tuple_empty()); break;
        case PK_TUPLE1: r = load_counted_tuple(u, 1); break;
        case PK_TUPLE2: r = load_counted_tuple(u, 2); break;
        case PK_TUPLE3: r = load_counted_tuple(u, 3); break;
        case PK_TUPLE: r = load_tuple(u); break;
        case PK_EMPTY_LIST: r = push(u, list_new(0)); break;
        case PK_LIST: r = load_list(u); break;
        case PK_EMPTY_DICT: r = push(u, dict_new()); break;
        case PK_DICT: r = load_dict(u); break;
        case PK_EMPTY_SET: r = push(u, set_new(&type_set)); break;
        case PK_ADDITEMS: r = load_additems(u); break;
        case PK_FROZENSET: r = load_frozenset(u); break;
        case PK_OBJ: r = load_obj(u); break;
        case PK_INST: r = load_inst(u); break;
        case PK_NEWOBJ: r = load_newobj(u, false); break;
        case PK_NEWOBJ_EX: r = load_newobj(u, true); break;
        case PK_GLOBAL: r = load_global(u); break;
        case PK_STACK_GLOBAL: r = load_stack_global(u); break;
        case PK_APPEND: r = load_append(u); break;
        case PK_APPENDS: {
            ssize_t i = marker(u);
            r = i < 0 ? -1 : do_append(u, i);
            break;
        }
        case PK_BUILD: r = load_build(u); break;
        case PK_DUP: r = load_dup(u); break;
        case PK_BINGET: r = upk_read(u, &s, 1) < 0 ? -1 : memo_get_push(u, (unsigned char)s[0]); break;
        case PK_LONG_BINGET: r = upk_read(u, &s, 4) < 0 ? -1 : memo_get_push(u, calc_binsize(s, 4)); break;
        case PK_GET: r = load_get(u); break;
        case PK_MARK: r = load_mark(u); break;
        case PK_BINPUT: r = load_binput(u, 1); break;
        case PK_LONG_BINPUT: r = load_binput(u, 4); break;
        case PK_PUT: r = load_put(u); break;
        case PK_MEMOIZE: r = load_memoize(u); break;
        case PK_POP: r = load_pop(u); break;
        case PK_POP_MARK: r = load_pop_mark(u); break;
        case PK_SETITEM: r = do_setitems(u, (ssize_t)u->stack_len - 2); break;
        case PK_SETITEMS: {
            ssize_t i = marker(u);
            r = i < 0 ? -1 : do_setitems(u, i);
            break;
        }
        case PK_PERSID: r = load_persid(u); break;
        case PK_BINPERSID: r = load_binpersid(u); break;
        case PK_REDUCE: r = load_reduce(u); break;
        case PK_PROTO: r = load_proto(u); break;
        case PK_FRAME: r = load_frame(u); break;
        case PK_EXT1: r = load_extension(u, 1); break;
        case PK_EXT2: r = load_extension(u, 2); break;
        case PK_EXT4: r = load_extension(u, 4); break;
        case PK_NEWTRUE: r = push(u, VTrue); break;
        case PK_NEWFALSE: r = push(u, VFalse); break;
        case PK_STOP: {
            Value v = pop(u);
            return v;
        }
        default:
            if (op >= 0x20 && op <= 0x7e && op != '\'' && op != '\\')
                err_set_value((Type *)pickle_UnpicklingError, str_printf("invalid load key, '%c'.", op));
            else
                err_set_value((Type *)pickle_UnpicklingError, str_printf("invalid load key, '\\x%02x'.", op));
            return VNULL;
        }
        if (r < 0) return VNULL;
    }
}

/* ---- Setup ---- */

int unpickler_set_options(UnpicklerObject *u, bool fix_imports, Value encoding, Value errors, Value buffers) {
    u->fix_imports = fix_imports;
    u->encoding = encoding ? encoding : str_intern_cstr("ASCII");
    u->errors = errors ? errors : str_intern_cstr("strict");
    if (buffers && buffers != VNone) {
        Value it = obj_iter(buffers);
        if (!it) return -1;
        u->buffers = it;
    } else {
        u->buffers = VNULL;
    }
    return 0;
}

int unpickler_set_file(UnpicklerObject *u, Value file) {
    Value rd = obj_getattr_opt(file, str_intern_cstr("read"));
    if (!rd && err_occurred()) err_clear();
    Value rl = obj_getattr_opt(file, str_intern_cstr("readline"));
    if (!rl && err_occurred()) err_clear();
    if (!rd || !rl) {
        err_set(&exc_TypeError, "file must have 'read' and 'readline' attributes");
        return -1;
    }
    u->file = file;
    u->read = rd;
    u->readline = rl;
    u->is_bytesio = !val_is_int(file) && val_obj(file)->type == &type_bytesio;
    return 0;
}

/* ---- pickle.Unpickler ---- */

static UnpicklerObject *UK(Value v) { return (UnpicklerObject *)v; }

static void unpickler_trace(Object *o) {
    UnpicklerObject *u = (UnpicklerObject *)o;
    gc_mark(u->file);
    gc_mark(u->read);
    gc_mark(u->readline);
    gc_mark(u->pers_func);
    gc_mark(u->buffers);
    gc_mark(u->encoding);
    gc_mark(u->errors);
    gc_mark(u->input_obj);
    if (u->stack) gc_mark(obj_val(container_of(u->stack, ArrayObject, items)));
    if (u->memo) gc_mark(obj_val(container_of(u->memo, ArrayObject, items)));
    inst_trace_attrs(o);
}

static void unpickler_finalize(Object *o) { unpickler_release((UnpicklerObject *)o); }

static Value unpickler_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    UnpicklerObject *u = (UnpicklerObject *)type_generic_alloc(t, 0);
    if (!u) return VNULL;
    unpickler_init_struct(u);
    return obj_val(u);
}

static int str_option(Value v, const char *what, Value *out) {
    if (!v) return 0;
    if (!str_check(v)) {
        err_format(&exc_TypeError, "Unpickler() argument '%s' must be str, not %s", what, type_name(v));
        return -1;
    }
    *out = v;
    return 0;
}

static int unpickler_init(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"file", "fix_imports", "encoding", "errors", "buffers", NULL};
    Value a[5];
    if (nargs > 1) {
        err_format(&exc_TypeError, "Unpickler() takes exactly 1 positional argument (%zu given)", nargs);
        return -1;
    }
    if (arg_parse("Unpickler", args, nargs, kwnames, names, 0, 1, a) < 0) return -1;
    UnpicklerObject *u = UK(self);
    unpickler_release(u);
    u->memo = NULL;
    u->memo_cap = u->memo_len = 0;
    u->stack = NULL;
    u->stack_cap = u->stack_len = 0;
    if (unpickler_set_file(u, a[0]) < 0) return -1;
    bool fix = true;
    if (a[1]) {
        int t = obj_is_true(a[1]);
        if (t < 0) return -1;
        fix = t;
    }
    Value enc = VNULL, errs = VNULL;
    if (str_option(a[2], "encoding", &enc) < 0 || str_option(a[3], "errors", &errs) < 0) return -1;
    if (unpickler_set_options(u, fix, enc, errs, a[4]) < 0) return -1;
    Value pl = obj_getattr_opt(self, str_intern_cstr("persistent_load"));
    if (!pl) {
        if (err_occurred() && !err_matches(&exc_AttributeError)) return -1;
        err_clear();
    }
    GC_WRITE(u, u->pers_func, pl);
    u->proto = 0;
    u->initialized = true;
    return 0;
}

static Value unpickler_load_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("load", kwnames) < 0 || arg_count("load", nargs, 0, 0) < 0) return VNULL;
    UnpicklerObject *u = UK(self);
    if (!u->read) {
        err_set_value((Type *)pickle_UnpicklingError,
                      str_printf("Unpickler.__init__() was not called by %s.__init__()", type_name(self)));
        return VNULL;
    }
    /* Bytes left in the buffer from a previous load() belong to the file's past. */
    u->input = NULL;
    u->input_len = u->next_idx = 0;
    Value r = unpickler_load(u);
    stack_truncate(u, 0);
    return r;
}

static Value unpickler_find_class_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("find_class", kwnames) < 0 || arg_count("find_class", nargs, 2, 2) < 0) return VNULL;
    return unpickler_find_class_impl(UK(self), args[0], args[1]);
}

static Value unpickler_sizeof_m(Value self, Value *args, size_t nargs, Value kwnames) {
    UnpicklerObject *u = UK(self);
    return int_from_u64(sizeof(UnpicklerObject) + u->memo_cap * sizeof(Value) + u->marks_cap * sizeof(ssize_t));
}

static Value unpickler_get_persload(Value self) {
    if (!UK(self)->pers_func) {
        err_set(&exc_AttributeError, "persistent_load");
        return VNULL;
    }
    return UK(self)->pers_func;
}

static int unpickler_set_persload(Value self, Value v) {
    if (!v) {
        err_set(&exc_TypeError, "attribute deletion is not supported");
        return -1;
    }
    if (val_type(v)->call == NULL) {
        err_set(&exc_TypeError, "persistent_load must be a callable taking one argument");
        return -1;
    }
    GC_WRITE(self, UK(self)->pers_func, v);
    return 0;
}

static Value unpickler_get_dict(Value self) { return inst_dict(self); }

static const MethodDef unpickler_methods[] = {
    {"load", unpickler_load_m, 0,
     "Load a pickle.\n\nRead a pickled object representation from the open file object given\nin the constructor, "
     "and return the reconstituted object hierarchy\nspecified therein."},
    {"find_class", unpickler_find_class_m, 0,
     "Return an object from a specified module.\n\nIf necessary, the module will be imported. Subclasses may "
     "override\nthis method (e.g. to restrict unpickling of arbitrary classes and\nfunctions).\n\nThis method is "
     "called whenever a class or a function object is\nneeded.  Both arguments passed are str objects."},
    {"__sizeof__", unpickler_sizeof_m, 0, "Returns size in memory, in bytes."},
    {NULL},
};

static const GetSetDef unpickler_getsets[] = {
    {"persistent_load", unpickler_get_persload, unpickler_set_persload, NULL},
    {"__dict__", unpickler_get_dict, NULL, NULL},
    {NULL},
};

Type type_unpickler = {
    .hdr = {0, &type_type},
    .name = "_pickle.Unpickler",
    .basicsize = sizeof(UnpicklerObject),
    .attrs_offset = sizeof(UnpicklerObject),
    .flags = TF_BASETYPE,
    .trace = unpickler_trace,
    .finalize = unpickler_finalize,
    .new = unpickler_new,
    .init = unpickler_init,
    .methods = unpickler_methods,
    .getsets = unpickler_getsets,
    .doc = "Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())\n--\n\n"
           "This takes a binary file for reading a pickle data stream.",
};
