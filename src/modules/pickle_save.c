/* pickle_save.c - the C Pickler: objects to pickle opcodes, byte-identical to CPython's _pickle. */
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
#include "../objects/misc.h"
#include "../objects/instance.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "pickle.h"

#include <stdio.h>
#include <stdlib.h>

/*
 * save() dispatches on the exact type: the atoms (None, bool, int, float)
 * are written without touching the memo; str and bytes are memoized but
 * need no recursion guard; containers, then reducer_override, classes
 * and functions, then the reduction protocol (a dispatch table, then
 * __reduce_ex__(proto)) cover the rest.  Every byte written goes
 * through pwrite(), which opens a frame lazily when framing is on
 * (protocol 4+); save() closes a frame at the first opcode boundary
 * after it reached 64 KiB, exactly where CPython's does, so the framing
 * and therefore the whole byte stream match CPython's.
 */

static int save(PicklerObject *p, Value obj, bool pers_save);
static int save_reduce(PicklerObject *p, Value args, Value obj);
static int save_global(PicklerObject *p, Value obj, Value name);

/* ---- The output buffer and frames ---- */

void pickler_init_struct(PicklerObject *p) {
    p->frame_start = -1;
    p->proto = PICKLE_DEFAULT_PROTOCOL;
    p->bin = true;
    p->fix_imports = true;
}

void pickler_release(PicklerObject *p) {
    free(p->out);
    p->out = NULL;
    p->out_len = p->out_cap = 0;
    p->frame_start = -1;
}

static NOINLINE int out_grow(PicklerObject *p, size_t need) {
    size_t cap = p->out_cap ? p->out_cap : 4096;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            err_no_memory();
            return -1;
        }
        cap *= 2;
    }
    char *n = realloc(p->out, cap);
    if (!n) {
        err_no_memory();
        return -1;
    }
    p->out = n;
    p->out_cap = cap;
    return 0;
}

static inline int pwrite(PicklerObject *p, const void *s, size_t n) {
    bool new_frame = p->framing && p->frame_start == -1;
    size_t need = p->out_len + n + (new_frame ? PICKLE_FRAME_HEADER_SIZE : 0);
    if (unlikely(need > p->out_cap) && out_grow(p, need) < 0) return -1;
    if (new_frame) {
        p->frame_start = (ssize_t)p->out_len;
        memset(p->out + p->out_len, 0xfe, PICKLE_FRAME_HEADER_SIZE);
        p->out_len += PICKLE_FRAME_HEADER_SIZE;
    }
    memcpy(p->out + p->out_len, s, n);
    p->out_len += n;
    return 0;
}

static inline int pwrite_byte(PicklerObject *p, unsigned char c) { return pwrite(p, &c, 1); }

static void put_u64le(char *d, uint64_t v) {
    for (int i = 0; i < 8; i++) d[i] = (char)(v >> (8 * i));
}
static void put_u32le(char *d, uint32_t v) {
    for (int i = 0; i < 4; i++) d[i] = (char)(v >> (8 * i));
}

/* Close the open frame: fill in its header, or drop the header of a tiny frame. */
static void commit_frame(PicklerObject *p) {
    if (!p->framing || p->frame_start == -1) return;
    size_t frame_len = p->out_len - (size_t)p->frame_start - PICKLE_FRAME_HEADER_SIZE;
    char *q = p->out + p->frame_start;
    if (frame_len >= PICKLE_FRAME_SIZE_MIN) {
        q[0] = (char)PK_FRAME;
        put_u64le(q + 1, frame_len);
    } else {
        memmove(q, q + PICKLE_FRAME_HEADER_SIZE, frame_len);
        p->out_len -= PICKLE_FRAME_HEADER_SIZE;
    }
    p->frame_start = -1;
}

Value pickler_take_bytes(PicklerObject *p) {
    commit_frame(p);
    return bytes_new(p->out ? p->out : "", p->out_len);
}

/* Write the buffered output to the file and start over. */
int pickler_flush_to_file(PicklerObject *p) {
    Value b = pickler_take_bytes(p);
    if (!b) return -1;
    p->out_len = 0;
    p->frame_start = -1;
    return obj_call1(p->write, b) ? 0 : -1;
}

static int opcode_boundary(PicklerObject *p) {
    if (!p->framing || p->frame_start == -1) return 0;
    size_t frame_len = p->out_len - (size_t)p->frame_start - PICKLE_FRAME_HEADER_SIZE;
    if (frame_len < PICKLE_FRAME_SIZE_TARGET) return 0;
    commit_frame(p);
    /* Stream finished frames to a file so memory stays bounded. */
    if (p->write) return pickler_flush_to_file(p);
    return 0;
}

/* A header and a payload; a payload of a frame's size or more goes outside any frame. */
static int write_bytes(PicklerObject *p, const char *header, size_t hsize, const char *data, size_t size,
                       Value payload) {
    bool bypass = size >= PICKLE_FRAME_SIZE_TARGET;
    bool framing = p->framing;
    if (bypass) {
        commit_frame(p);
        p->framing = false;
    }
    if (pwrite(p, header, hsize) < 0) return -1;
    if (bypass && p->write) {
        if (pickler_flush_to_file(p) < 0) return -1;
        if (!payload && !(payload = bytes_new(data, size))) return -1;
        if (!obj_call1(p->write, payload)) return -1;
    } else if (pwrite(p, data, size) < 0) {
        return -1;
    }
    p->framing = framing;
    return 0;
}

/* ---- The memo: object identity -> index ---- */

static inline size_t memo_hash(Value k) {
    uint64_t h = (uint64_t)k * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 29);
}

static ssize_t memo_lookup(PicklerObject *p, Value key) {
    if (!p->memo_used) return -1;
    size_t mask = p->memo_cap - 1;
    for (size_t i = memo_hash(key) & mask;; i = (i + 1) & mask) {
        Value k = p->memo[2 * i];
        if (k == key) return val_int(p->memo[2 * i + 1]);
        if (!k) return -1;
    }
}

static void memo_insert_raw(Value *table, size_t cap, Value key, Value idx) {
    size_t mask = cap - 1;
    size_t i = memo_hash(key) & mask;
    while (table[2 * i] && table[2 * i] != key) i = (i + 1) & mask;
    table[2 * i] = key;
    table[2 * i + 1] = idx;
}

static int memo_set(PicklerObject *p, Value key, size_t idx) {
    if ((p->memo_used + 1) * 3 >= p->memo_cap * 2) {
        size_t cap = p->memo_cap ? p->memo_cap * 2 : 64;
        Value *t = array_alloc(2 * cap);
        if (!t) return -1;
        for (size_t i = 0; i < p->memo_cap; i++)
            if (p->memo[2 * i]) memo_insert_raw(t, cap, p->memo[2 * i], p->memo[2 * i + 1]);
        GC_WRITE(p, p->memo, t);
        p->memo_cap = cap;
    }
    memo_insert_raw(p->memo, p->memo_cap, key, val_from_int((intptr_t)idx));
    p->memo_used++;
    return 0;
}

static void memo_clear(PicklerObject *p) {
    p->memo = NULL;
    p->memo_cap = p->memo_used = 0;
}

static int memo_put(PicklerObject *p, Value obj) {
    if (p->fast) return 0;
    size_t idx = p->memo_used;
    if (memo_set(p, obj, idx) < 0) return -1;
    char buf[32];
    if (p->proto >= 4) return pwrite_byte(p, PK_MEMOIZE);
    if (p->bin) {
        if (idx < 256) {
            buf[0] = (char)PK_BINPUT;
            buf[1] = (char)idx;
            return pwrite(p, buf, 2);
        }
        if (idx > 0xffffffffu) {
            err_set_value((Type *)pickle_PicklingError, str_from_cstr("memo id too large for LONG_BINPUT"));
            return -1;
        }
        buf[0] = (char)PK_LONG_BINPUT;
        put_u32le(buf + 1, (uint32_t)idx);
        return pwrite(p, buf, 5);
    }
    int n = snprintf(buf, sizeof buf, "p%zu\n", idx);
    return pwrite(p, buf, (size_t)n);
}

static int memo_get(PicklerObject *p, size_t idx) {
    char buf[32];
    if (p->bin) {
        if (idx < 256) {
            buf[0] = (char)PK_BINGET;
            buf[1] = (char)idx;
            return pwrite(p, buf, 2);
        }
        if (idx > 0xffffffffu) {
            err_set_value((Type *)pickle_PicklingError, str_from_cstr("memo id too large for LONG_BINGET"));
            return -1;
        }
        buf[0] = (char)PK_LONG_BINGET;
        put_u32le(buf + 1, (uint32_t)idx);
        return pwrite(p, buf, 5);
    }
    int n = snprintf(buf, sizeof buf, "g%zu\n", idx);
    return pwrite(p, buf, (size_t)n);
}

static void pickling_error(const char *msg) {
    err_set_value((Type *)pickle_PicklingError, str_from_cstr(msg));
}

static void pickling_error_value(Value msg) {
    if (msg) err_set_value((Type *)pickle_PicklingError, msg);
}

/* ---- Atoms ---- */

static int save_small_int(PicklerObject *p, int64_t v) {
    char buf[40];
    if (v >= INT32_MIN && v <= INT32_MAX) {
        if (p->bin) {
            uint32_t u = (uint32_t)(int32_t)v;
            buf[1] = (char)(u & 0xff);
            buf[2] = (char)((u >> 8) & 0xff);
            buf[3] = (char)((u >> 16) & 0xff);
            buf[4] = (char)((u >> 24) & 0xff);
            if (buf[4] || buf[3]) {
                buf[0] = PK_BININT;
                return pwrite(p, buf, 5);
            }
            if (buf[2]) {
                buf[0] = PK_BININT2;
                return pwrite(p, buf, 3);
            }
            buf[0] = PK_BININT1;
            return pwrite(p, buf, 2);
        }
        int n = snprintf(buf, sizeof buf, "I%lld\n", (long long)v);
        return pwrite(p, buf, (size_t)n);
    }
    if (p->proto >= 2) {
        /* The shortest two's-complement little-endian form. */
        unsigned char b[8];
        uint64_t u = (uint64_t)v;
        for (int i = 0; i < 8; i++) b[i] = (unsigned char)(u >> (8 * i));
        int n = 8;
        if (v < 0) {
            while (n > 1 && b[n - 1] == 0xff && (b[n - 2] & 0x80)) n--;
        } else {
            while (n > 1 && b[n - 1] == 0 && !(b[n - 2] & 0x80)) n--;
        }
        buf[0] = (char)PK_LONG1;
        buf[1] = (char)n;
        memcpy(buf + 2, b, (size_t)n);
        return pwrite(p, buf, (size_t)n + 2);
    }
    int n = snprintf(buf, sizeof buf, "L%lldL\n", (long long)v);
    return pwrite(p, buf, (size_t)n);
}

static int save_long(PicklerObject *p, Value obj) {
    if (val_is_int(obj)) return save_small_int(p, val_int(obj));
    BigIntObject *b = (BigIntObject *)obj;
    ssize_t size = b->size;
    if (size == 0) return save_small_int(p, 0);
    if (p->proto < 2) {
        Value r = int_repr(obj);
        if (!r) return -1;
        if (pwrite_byte(p, PK_LONG) < 0 || pwrite(p, str_data(r), str_size(r)) < 0 || pwrite(p, "L\n", 2) < 0)
            return -1;
        return 0;
    }
    size_t nlimbs = (size_t)(size < 0 ? -size : size);
    /* Magnitude bytes, then one spare byte for the sign, as CPython sizes it. */
    size_t nbits = (nlimbs - 1) * 64 + (64 - (size_t)__builtin_clzll(b->limbs[nlimbs - 1]));
    size_t nbytes = (nbits >> 3) + 1;
    if (nbytes > 0x7fffffffu) {
        err_set(&exc_OverflowError, "int too large to pickle");
        return -1;
    }
    unsigned char *d = malloc(nbytes);
    if (!d) {
        err_no_memory();
        return -1;
    }
    for (size_t i = 0; i < nbytes; i++) {
        size_t li = i / 8;
        d[i] = li < nlimbs ? (unsigned char)(b->limbs[li] >> (8 * (i % 8))) : 0;
    }
    if (size < 0) {
        /* Two's complement: invert and add one. */
        unsigned carry = 1;
        for (size_t i = 0; i < nbytes; i++) {
            unsigned v = (unsigned)(unsigned char)~d[i] + carry;
            d[i] = (unsigned char)v;
            carry = v >> 8;
        }
        if (nbytes > 1 && d[nbytes - 1] == 0xff && (d[nbytes - 2] & 0x80)) nbytes--;
    }
    char header[5];
    size_t hlen;
    if (nbytes < 256) {
        header[0] = (char)PK_LONG1;
        header[1] = (char)nbytes;
        hlen = 2;
    } else {
        header[0] = (char)PK_LONG4;
        put_u32le(header + 1, (uint32_t)nbytes);
        hlen = 5;
    }
    int r = (pwrite(p, header, hlen) < 0 || pwrite(p, d, nbytes) < 0) ? -1 : 0;
    free(d);
    return r;
}

static int save_float(PicklerObject *p, Value obj) {
    double x = float_value(obj);
    if (p->bin) {
        char buf[9];
        uint64_t u;
        memcpy(&u, &x, 8);
        buf[0] = PK_BINFLOAT;
        for (int i = 0; i < 8; i++) buf[1 + i] = (char)(u >> (8 * (7 - i)));
        return pwrite(p, buf, 9);
    }
    char buf[64];
    buf[0] = PK_FLOAT;
    int n = float_repr_buf(x, buf + 1, sizeof buf - 2);
    buf[1 + n] = '\n';
    return pwrite(p, buf, (size_t)n + 2);
}

/* ---- str and bytes ---- */

static int save_bytes_data(PicklerObject *p, Value obj, const char *data, size_t size) {
    char header[9];
    size_t hlen;
    if (size <= 0xff) {
        header[0] = PK_SHORT_BINBYTES;
        header[1] = (char)size;
        hlen = 2;
    } else if (size <= 0xffffffffu) {
        header[0] = PK_BINBYTES;
        put_u32le(header + 1, (uint32_t)size);
        hlen = 5;
    } else if (p->proto >= 4) {
        header[0] = (char)PK_BINBYTES8;
        put_u64le(header + 1, size);
        hlen = 9;
    } else {
        err_set(&exc_OverflowError, "serializing a bytes object larger than 4 GiB requires pickle protocol 4 or higher");
        return -1;
    }
    if (write_bytes(p, header, hlen, data, size, bytes_check(obj) ? obj : VNULL) < 0) return -1;
    return memo_put(p, obj);
}

static int save_bytes(PicklerObject *p, Value obj) {
    if (p->proto >= 3) return save_bytes_data(p, obj, bytes_data(obj), (size_t)bytes_size(obj));
    /* Protocols 0-2 have no bytes opcode: pickle codecs.encode(latin-1 text, 'latin1'),
     * which Python 2 reads back as str and Python 3 as bytes. */
    Value rv;
    if (bytes_size(obj) == 0) {
        rv = tuple_pack(2, obj_val(&type_bytes), tuple_empty());
    } else {
        Value text = bytes_decode(bytes_data(obj), (size_t)bytes_size(obj), "latin-1", "strict");
        if (!text) return -1;
        Value args = tuple_pack(2, text, str_intern_cstr("latin1"));
        rv = args ? tuple_pack(2, pickle_state.codecs_encode, args) : VNULL;
    }
    if (!rv) return -1;
    return save_reduce(p, rv, obj);
}

static const char hexdigits[] = "0123456789abcdef";

/* Protocol 0's UNICODE argument: raw-unicode-escape, plus \uXXXX for '\\', NUL, '\n', '\r' and 0x1a. */
static int save_str_text(PicklerObject *p, Value obj) {
    ByteBuilder bb;
    bb_init(&bb);
    bb_append_byte(&bb, PK_UNICODE);
    const unsigned char *s = (const unsigned char *)str_data(obj), *end = s + str_size(obj);
    while (s < end) {
        uint32_t ch = *s < 0x80 ? *s++ : utf8_decode(&s);
        char esc[10];
        if (ch >= 0x10000) {
            esc[0] = '\\';
            esc[1] = 'U';
            for (int i = 0; i < 8; i++) esc[2 + i] = hexdigits[(ch >> (28 - 4 * i)) & 0xf];
            bb_append(&bb, esc, 10);
        } else if (ch >= 256 || ch == '\\' || ch == 0 || ch == '\n' || ch == '\r' || ch == 0x1a) {
            esc[0] = '\\';
            esc[1] = 'u';
            for (int i = 0; i < 4; i++) esc[2 + i] = hexdigits[(ch >> (12 - 4 * i)) & 0xf];
            bb_append(&bb, esc, 6);
        } else {
            bb_append_byte(&bb, (unsigned char)ch);
        }
    }
    bb_append_byte(&bb, '\n');
    if (bb.failed) {
        bb_discard(&bb);
        err_no_memory();
        return -1;
    }
    int r = pwrite(p, bb.buf, bb.size);
    bb_discard(&bb);
    return r;
}

static int save_str(PicklerObject *p, Value obj) {
    if (p->bin) {
        /* Taipan's text is generalized UTF-8: exactly CPython's "surrogatepass" encoding. */
        size_t size = str_size(obj);
        char header[9];
        size_t hlen;
        if (size <= 0xff && p->proto >= 4) {
            header[0] = (char)PK_SHORT_BINUNICODE;
            header[1] = (char)size;
            hlen = 2;
        } else if (size <= 0xffffffffu) {
            header[0] = PK_BINUNICODE;
            put_u32le(header + 1, (uint32_t)size);
            hlen = 5;
        } else if (p->proto >= 4) {
            header[0] = (char)PK_BINUNICODE8;
            put_u64le(header + 1, size);
            hlen = 9;
        } else {
            err_set(&exc_OverflowError, "serializing a string larger than 4 GiB requires pickle protocol 4 or higher");
            return -1;
        }
        if (write_bytes(p, header, hlen, str_data(obj), size, VNULL) < 0) return -1;
    } else if (save_str_text(p, obj) < 0) {
        return -1;
    }
    return memo_put(p, obj);
}

/* ---- Containers ---- */

static int save_tuple(PicklerObject *p, Value obj) {
    static const unsigned char len2op[] = {PK_EMPTY_TUPLE, PK_TUPLE1, PK_TUPLE2, PK_TUPLE3};
    ssize_t len = tuple_size(obj);
    if (len == 0) {
        if (p->proto) return pwrite_byte(p, PK_EMPTY_TUPLE);
        return pwrite(p, "(t", 2);
    }
    if (len <= 3 && p->proto >= 2) {
        for (ssize_t i = 0; i < len; i++)
            if (save(p, tuple_get(obj, i), false) < 0) return -1;
        ssize_t idx = memo_lookup(p, obj);
        if (idx >= 0) {
            /* A recursive tuple: drop the items and fetch it from the memo. */
            for (ssize_t i = 0; i < len; i++)
                if (pwrite_byte(p, PK_POP) < 0) return -1;
            return memo_get(p, (size_t)idx);
        }
        if (pwrite_byte(p, len2op[len]) < 0) return -1;
        return memo_put(p, obj);
    }
    if (pwrite_byte(p, PK_MARK) < 0) return -1;
    for (ssize_t i = 0; i < len; i++)
        if (save(p, tuple_get(obj, i), false) < 0) return -1;
    ssize_t idx = memo_lookup(p, obj);
    if (idx >= 0) {
        if (p->bin) {
            if (pwrite_byte(p, PK_POP_MARK) < 0) return -1;
        } else {
            for (ssize_t i = 0; i <= len; i++)
                if (pwrite_byte(p, PK_POP) < 0) return -1;
        }
        return memo_get(p, (size_t)idx);
    }
    if (pwrite_byte(p, PK_TUPLE) < 0) return -1;
    return memo_put(p, obj);
}

/* Fast mode has no memo; past a nesting depth it tracks the containers being saved to detect cycles. */
#define FAST_NESTING_LIMIT 50

static int fast_save_enter(PicklerObject *p, Value obj) {
    if (++p->fast_nesting < FAST_NESTING_LIMIT) return 0;
    /* On error the nesting goes negative so the unwinding leaves touch nothing. */
    if (!p->fast_memo && !(p->fast_memo = dict_new())) goto fail;
    Value key = int_from_u64((uint64_t)obj);
    if (!key) goto fail;
    int r = dict_contains(p->fast_memo, key);
    if (r < 0) goto fail;
    if (r) {
        err_format(&exc_ValueError, "fast mode: can't pickle cyclic objects including object type %s at %p",
                   type_name(obj), (void *)obj);
        goto fail;
    }
    if (dict_set(p->fast_memo, key, VNone) == 0) return 0;
fail:
    p->fast_nesting = -1;
    return -1;
}

static int fast_save_leave(PicklerObject *p, Value obj) {
    if (p->fast_nesting-- >= FAST_NESTING_LIMIT) {
        Value key = int_from_u64((uint64_t)obj);
        if (!key || dict_del(p->fast_memo, key) < 0) return -1;
    }
    return 0;
}

/* MARK item ... APPENDS in batches of 1000 (APPEND for a lone item), from an iterator. */
static int batch_list(PicklerObject *p, Value it) {
    Value item;
    if (p->proto == 0) {
        while ((item = obj_next(it))) {
            if (save(p, item, false) < 0 || pwrite_byte(p, PK_APPEND) < 0) return -1;
        }
        return err_occurred() ? -1 : 0;
    }
    int n;
    do {
        Value first = obj_next(it);
        if (!first) return err_occurred() ? -1 : 0;
        item = obj_next(it);
        if (!item) {
            if (err_occurred()) return -1;
            if (save(p, first, false) < 0 || pwrite_byte(p, PK_APPEND) < 0) return -1;
            return 0;
        }
        if (pwrite_byte(p, PK_MARK) < 0 || save(p, first, false) < 0) return -1;
        n = 1;
        while (item) {
            if (save(p, item, false) < 0) return -1;
            if (++n == PICKLE_BATCHSIZE) break;
            item = obj_next(it);
            if (!item && err_occurred()) return -1;
        }
        if (pwrite_byte(p, PK_APPENDS) < 0) return -1;
    } while (n == PICKLE_BATCHSIZE);
    return 0;
}

/* The same for an exact list, read by index (it may change size while its items are saved). */
static int batch_list_exact(PicklerObject *p, Value obj) {
    if (list_size(obj) == 1) {
        if (save(p, list_get(obj, 0), false) < 0) return -1;
        return pwrite_byte(p, PK_APPEND);
    }
    ssize_t total = 0;
    do {
        int this_batch = 0;
        if (pwrite_byte(p, PK_MARK) < 0) return -1;
        while (total < list_size(obj)) {
            if (save(p, list_get(obj, total), false) < 0) return -1;
            total++;
            if (++this_batch == PICKLE_BATCHSIZE) break;
        }
        if (pwrite_byte(p, PK_APPENDS) < 0) return -1;
    } while (total < list_size(obj));
    return 0;
}

static int save_list(PicklerObject *p, Value obj) {
    int status = -1;
    if (p->fast && fast_save_enter(p, obj) < 0) goto out;
    if (p->bin ? pwrite_byte(p, PK_EMPTY_LIST) < 0 : pwrite(p, "(l", 2) < 0) goto out;
    if (memo_put(p, obj) < 0) goto out;
    status = 0;
    if (list_size(obj) != 0) {
        if (err_enter_recursive(" while pickling an object") < 0) return -1;
        if (p->proto > 0 && list_check_exact(obj)) {
            status = batch_list_exact(p, obj);
        } else {
            Value it = obj_iter(obj);
            status = it ? batch_list(p, it) : -1;
        }
        err_leave_recursive();
    }
out:
    if (p->fast && fast_save_leave(p, obj) < 0) status = -1;
    return status;
}

static int check_pair(Value item) {
    if (!tuple_check(item) || tuple_size(item) != 2) {
        err_set(&exc_TypeError, "dict items iterator must return 2-tuples");
        return -1;
    }
    return 0;
}

/* MARK key value ... SETITEMS in batches, from an iterator of pairs. */
static int batch_dict(PicklerObject *p, Value it) {
    Value item;
    if (p->proto == 0) {
        while ((item = obj_next(it))) {
            if (check_pair(item) < 0 || save(p, tuple_get(item, 0), false) < 0 ||
                save(p, tuple_get(item, 1), false) < 0 || pwrite_byte(p, PK_SETITEM) < 0)
                return -1;
        }
        return err_occurred() ? -1 : 0;
    }
    int n;
    do {
        Value first = obj_next(it);
        if (!first) return err_occurred() ? -1 : 0;
        if (check_pair(first) < 0) return -1;
        item = obj_next(it);
        if (!item) {
            if (err_occurred()) return -1;
            if (save(p, tuple_get(first, 0), false) < 0 || save(p, tuple_get(first, 1), false) < 0 ||
                pwrite_byte(p, PK_SETITEM) < 0)
                return -1;
            return 0;
        }
        if (pwrite_byte(p, PK_MARK) < 0 || save(p, tuple_get(first, 0), false) < 0 ||
            save(p, tuple_get(first, 1), false) < 0)
            return -1;
        n = 1;
        while (item) {
            if (check_pair(item) < 0 || save(p, tuple_get(item, 0), false) < 0 ||
                save(p, tuple_get(item, 1), false) < 0)
                return -1;
            if (++n == PICKLE_BATCHSIZE) break;
            item = obj_next(it);
            if (!item && err_occurred()) return -1;
        }
        if (pwrite_byte(p, PK_SETITEMS) < 0) return -1;
    } while (n == PICKLE_BATCHSIZE);
    return 0;
}

static int batch_dict_exact(PicklerObject *p, Value obj) {
    ssize_t size = dict_size(obj), pos = 0;
    Value k, v;
    if (size == 1) {
        dict_next(obj, &pos, &k, &v);
        if (save(p, k, false) < 0 || save(p, v, false) < 0) return -1;
        return pwrite_byte(p, PK_SETITEM);
    }
    int i;
    do {
        i = 0;
        if (pwrite_byte(p, PK_MARK) < 0) return -1;
        while (dict_next(obj, &pos, &k, &v)) {
            if (save(p, k, false) < 0 || save(p, v, false) < 0) return -1;
            if (++i == PICKLE_BATCHSIZE) break;
        }
        if (pwrite_byte(p, PK_SETITEMS) < 0) return -1;
        if (dict_size(obj) != size) {
            err_set(&exc_RuntimeError, "dictionary changed size during iteration");
            return -1;
        }
    } while (i == PICKLE_BATCHSIZE);
    return 0;
}

static int save_dict(PicklerObject *p, Value obj) {
    int status = -1;
    if (p->fast && fast_save_enter(p, obj) < 0) goto out;
    if (p->bin ? pwrite_byte(p, PK_EMPTY_DICT) < 0 : pwrite(p, "(d", 2) < 0) goto out;
    if (memo_put(p, obj) < 0) goto out;
    status = 0;
    if (dict_size(obj)) {
        if (p->proto > 0 && dict_check_exact(obj)) {
            if (err_enter_recursive(" while pickling an object") < 0) return -1;
            status = batch_dict_exact(p, obj);
            err_leave_recursive();
        } else {
            Value items = obj_call_method(obj, "items", NULL, 0);
            Value it = items ? obj_iter(items) : VNULL;
            if (!it) {
                status = -1;
                goto out;
            }
            if (err_enter_recursive(" while pickling an object") < 0) return -1;
            status = batch_dict(p, it);
            err_leave_recursive();
        }
    }
out:
    if (p->fast && fast_save_leave(p, obj) < 0) status = -1;
    return status;
}

/* Protocols < 4 pickle sets as (type, ([items],)). */
static int save_set_by_reduce(PicklerObject *p, Value obj, Type *t) {
    Value items = list_from_iterable(obj);
    Value args = items ? tuple_pack(1, items) : VNULL;
    Value rv = args ? tuple_pack(2, obj_val(t), args) : VNULL;
    if (!rv) return -1;
    return save_reduce(p, rv, obj);
}

static int save_set(PicklerObject *p, Value obj) {
    if (p->proto < 4) return save_set_by_reduce(p, obj, &type_set);
    if (pwrite_byte(p, PK_EMPTY_SET) < 0 || memo_put(p, obj) < 0) return -1;
    ssize_t size = set_size(obj), pos = 0;
    if (size == 0) return 0;
    Value item;
    int i;
    do {
        i = 0;
        if (pwrite_byte(p, PK_MARK) < 0) return -1;
        while (set_next(obj, &pos, &item)) {
            if (save(p, item, false) < 0) return -1;
            if (++i == PICKLE_BATCHSIZE) break;
        }
        if (pwrite_byte(p, PK_ADDITEMS) < 0) return -1;
        if (set_size(obj) != size) {
            err_set(&exc_RuntimeError, "set changed size during iteration");
            return -1;
        }
    } while (i == PICKLE_BATCHSIZE);
    return 0;
}

static int save_frozenset(PicklerObject *p, Value obj) {
    if (p->fast && fast_save_enter(p, obj) < 0) return -1;
    if (p->proto < 4) return save_set_by_reduce(p, obj, &type_frozenset);
    if (pwrite_byte(p, PK_MARK) < 0) return -1;
    ssize_t pos = 0;
    Value item;
    while (set_next(obj, &pos, &item))
        if (save(p, item, false) < 0) return -1;
    ssize_t idx = memo_lookup(p, obj);
    if (idx >= 0) {
        if (pwrite_byte(p, PK_POP_MARK) < 0) return -1;
        return memo_get(p, (size_t)idx);
    }
    if (pwrite_byte(p, PK_FROZENSET) < 0) return -1;
    return memo_put(p, obj);
}

static int save_bytearray_data(PicklerObject *p, Value obj, const char *data, size_t size) {
    char header[9];
    header[0] = (char)PK_BYTEARRAY8;
    put_u64le(header + 1, size);
    if (write_bytes(p, header, 9, data, size, VNULL) < 0) return -1;
    return memo_put(p, obj);
}

static int save_bytearray(PicklerObject *p, Value obj) {
    ByteArrayObject *ba = (ByteArrayObject *)obj;
    if (p->proto >= 5) return save_bytearray_data(p, obj, ba->data, (size_t)ba->size);
    Value args = ba->size == 0 ? tuple_empty() : VNULL;
    if (!args) {
        Value b = bytes_new(ba->data, (size_t)ba->size);
        args = b ? tuple_pack(1, b) : VNULL;
    }
    Value rv = args ? tuple_pack(2, obj_val(&type_bytearray), args) : VNULL;
    if (!rv) return -1;
    return save_reduce(p, rv, obj);
}

static int save_picklebuffer(PicklerObject *p, Value obj) {
    if (p->proto < 5) {
        pickling_error("PickleBuffer can only pickled with protocol >= 5");
        return -1;
    }
    const Buffer *view = picklebuffer_view(obj);
    if (!view) return -1;
    if (view->suboffsets || !buffer_is_contiguous(view, 'A')) {
        pickling_error("PickleBuffer can not be pickled when pointing to a non-contiguous buffer");
        return -1;
    }
    bool in_band = true;
    if (p->buffer_callback) {
        Value r = obj_call1(p->buffer_callback, obj);
        if (!r) return -1;
        int t = obj_is_true(r);
        if (t < 0) return -1;
        in_band = t;
    }
    if (in_band) {
        if (view->readonly) return save_bytes_data(p, obj, view->buf, (size_t)view->len);
        return save_bytearray_data(p, obj, view->buf, (size_t)view->len);
    }
    if (pwrite_byte(p, PK_NEXT_BUFFER) < 0) return -1;
    if (view->readonly && pwrite_byte(p, PK_READONLY_BUFFER) < 0) return -1;
    return 0;
}

/* ---- Globals ---- */

/* Protocol < 3 with fix_imports: Python 3 names back to Python 2's (_compat_pickle.REVERSE_*). */
static int fix_imports(Value *module_name, Value *global_name) {
    Value key = tuple_pack(2, *module_name, *global_name);
    if (!key) return -1;
    Value item = dict_get(pickle_state.name_mapping_3to2, key);
    if (item) {
        if (!tuple_check(item) || tuple_size(item) != 2) {
            err_format(&exc_RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not %s",
                       type_name(item));
            return -1;
        }
        Value m = tuple_get(item, 0), g = tuple_get(item, 1);
        if (!str_check(m) || !str_check(g)) {
            err_format(&exc_RuntimeError,
                       "_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str, not (%s, %s)",
                       type_name(m), type_name(g));
            return -1;
        }
        *module_name = m;
        *global_name = g;
        return 0;
    }
    if (err_occurred()) return -1;
    item = dict_get(pickle_state.import_mapping_3to2, *module_name);
    if (item) {
        if (!str_check(item)) {
            err_format(&exc_RuntimeError, "_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not %s",
                       type_name(item));
            return -1;
        }
        *module_name = item;
        return 0;
    }
    return err_occurred() ? -1 : 0;
}

/* The module a global lives in: its __module__, else a search of sys.modules, else __main__. */
static Value whichmodule(Value obj, Value dotted_path) {
    Value m = obj_getattr_opt(obj, str_intern_cstr("__module__"));
    if (m && m != VNone) return m;
    if (!m && err_occurred()) return VNULL;
    extern Value sys_modules_dict;
    Value items = dict_items_list(sys_modules_dict);
    if (!items) return VNULL;
    for (ssize_t i = 0; i < list_size(items); i++) {
        Value pair = list_get(items, i);
        Value name = tuple_get(pair, 0), mod = tuple_get(pair, 1);
        if (mod == VNone || (str_check(name) && str_eq_cstr(name, "__main__"))) continue;
        Value cand = pickle_get_deep_attribute(mod, dotted_path, NULL);
        if (!cand) {
            if (err_occurred()) return VNULL;
            continue;
        }
        if (cand == obj) return name;
    }
    return str_intern_cstr("__main__");
}

/* An identifier in GLOBAL's text form: ASCII below protocol 3, UTF-8 at 3. */
static int write_identifier(PicklerObject *p, Value s, const char *what) {
    if (p->proto != 3 && !str_is_ascii(s)) {
        Value msg = str_printf("can't pickle %s identifier '%S' using pickle protocol %d", what, s, p->proto);
        pickling_error_value(msg);
        return -1;
    }
    if (pwrite(p, str_data(s), str_size(s)) < 0) return -1;
    return pwrite_byte(p, '\n');
}

static int save_global(PicklerObject *p, Value obj, Value name) {
    Value global_name = name;
    if (!global_name) {
        global_name = obj_getattr_opt(obj, str_intern_cstr("__qualname__"));
        if (!global_name) {
            if (err_occurred()) return -1;
            global_name = obj_getattr(obj, str_intern_cstr("__name__"));
            if (!global_name) return -1;
        }
    }
    Value dotted_path = pickle_get_dotted_path(VNULL, global_name);
    if (!dotted_path) return -1;
    Value module_name = whichmodule(obj, dotted_path);
    if (!module_name) return -1;
    Value module = pickle_import_module(module_name);
    if (!module) {
        pickling_error_value(str_printf("Can't pickle %R: import of module %R failed", obj, module_name));
        return -1;
    }
    Value lastname = list_get(dotted_path, list_size(dotted_path) - 1);
    Value parent = VNULL;
    Value cls = pickle_get_deep_attribute(module, dotted_path, &parent);
    if (!cls) {
        err_clear();
        pickling_error_value(str_printf("Can't pickle %R: attribute lookup %S on %S failed", obj, global_name,
                                        module_name));
        return -1;
    }
    if (cls != obj) {
        pickling_error_value(str_printf("Can't pickle %R: it's not the same object as %S.%S", obj, module_name,
                                        global_name));
        return -1;
    }
    if (p->proto >= 2) {
        /* A global in copyreg's extension registry is written as its code. */
        Value key = tuple_pack(2, module_name, global_name);
        if (!key) return -1;
        Value code_obj = dict_size(pickle_state.extension_registry) ? dict_get(pickle_state.extension_registry, key)
                                                                     : VNULL;
        if (code_obj) {
            if (!int_check(code_obj)) {
                pickling_error_value(str_printf("Can't pickle %R: extension code %R isn't an integer", obj, code_obj));
                return -1;
            }
            int64_t code = int_as_i64(code_obj);
            if (code == -1 && err_occurred()) return -1;
            if (code <= 0 || code > 0x7fffffff) {
                pickling_error_value(str_printf("Can't pickle %R: extension code %lld is out of range", obj,
                                                (long long)code));
                return -1;
            }
            char buf[5];
            if (code <= 0xff) {
                buf[0] = (char)PK_EXT1;
                buf[1] = (char)code;
                return pwrite(p, buf, 2);
            }
            if (code <= 0xffff) {
                buf[0] = (char)PK_EXT2;
                buf[1] = (char)(code & 0xff);
                buf[2] = (char)(code >> 8);
                return pwrite(p, buf, 3);
            }
            buf[0] = (char)PK_EXT4;
            put_u32le(buf + 1, (uint32_t)code);
            return pwrite(p, buf, 5);
        }
        if (err_occurred()) return -1;
    }
    if (parent == module) global_name = lastname;
    if (p->proto >= 4) {
        if (save(p, module_name, false) < 0 || save(p, global_name, false) < 0 ||
            pwrite_byte(p, PK_STACK_GLOBAL) < 0)
            return -1;
    } else if (parent != module) {
        /* A nested class below protocol 4: getattr(parent, name). */
        Value args = tuple_pack(2, parent, lastname);
        Value rv = args ? tuple_pack(2, pickle_state.getattr, args) : VNULL;
        if (!rv || save_reduce(p, rv, VNULL) < 0) return -1;
    } else {
        if (pwrite_byte(p, PK_GLOBAL) < 0) return -1;
        if (p->proto < 3 && p->fix_imports && fix_imports(&module_name, &global_name) < 0) return -1;
        if (!str_check(module_name) || !str_check(global_name)) {
            err_set(&exc_TypeError, "bad argument type for built-in operation");
            return -1;
        }
        if (write_identifier(p, module_name, "module") < 0 || write_identifier(p, global_name, "global") < 0)
            return -1;
    }
    return memo_put(p, obj);
}

static int save_type(PicklerObject *p, Value obj) {
    Value singleton = VNULL;
    if (obj == obj_val(&type_none)) singleton = VNone;
    else if (obj == obj_val(&type_ellipsis)) singleton = VEllipsis;
    else if (obj == obj_val(&type_notimplemented)) singleton = VNotImplemented;
    if (!singleton) return save_global(p, obj, VNULL);
    Value args = tuple_pack(1, singleton);
    Value rv = args ? tuple_pack(2, obj_val(&type_type), args) : VNULL;
    if (!rv) return -1;
    return save_reduce(p, rv, obj);
}

/* persistent_id(obj): 1 if it gave an id (written), 0 if None, -1 on error. */
static int save_pers(PicklerObject *p, Value obj) {
    Value pid = obj_call1(p->pers_func, obj);
    if (!pid) return -1;
    if (pid == VNone) return 0;
    if (p->bin) {
        if (save(p, pid, true) < 0 || pwrite_byte(p, PK_BINPERSID) < 0) return -1;
        return 1;
    }
    Value s = obj_str(pid);
    if (!s) return -1;
    if (!str_is_ascii(s)) {
        pickling_error("persistent IDs in protocol 0 must be ASCII strings");
        return -1;
    }
    if (pwrite_byte(p, PK_PERSID) < 0 || pwrite(p, str_data(s), str_size(s)) < 0 || pwrite_byte(p, '\n') < 0)
        return -1;
    return 1;
}

/* ---- The reduction protocol ---- */

static bool is_callable(Value v) { return val_type(v)->call != NULL; }
static bool is_iterator(Value v) { return val_type(v)->iternext != NULL; }

static int save_reduce(PicklerObject *p, Value args, Value obj) {
    ssize_t size = tuple_size(args);
    if (size < 2 || size > 6) {
        pickling_error("tuple returned by __reduce__ must contain 2 through 6 elements");
        return -1;
    }
    Value callable = tuple_get(args, 0), argtup = tuple_get(args, 1);
    Value state = size > 2 ? tuple_get(args, 2) : VNone;
    Value listitems = size > 3 ? tuple_get(args, 3) : VNone;
    Value dictitems = size > 4 ? tuple_get(args, 4) : VNone;
    Value state_setter = size > 5 ? tuple_get(args, 5) : VNone;
    if (!is_callable(callable)) {
        pickling_error("first item of the tuple returned by __reduce__ must be callable");
        return -1;
    }
    if (!tuple_check(argtup)) {
        pickling_error("second item of the tuple returned by __reduce__ must be a tuple");
        return -1;
    }
    if (state == VNone) state = VNULL;
    if (listitems == VNone) {
        listitems = VNULL;
    } else if (!is_iterator(listitems)) {
        pickling_error_value(str_printf(
            "fourth element of the tuple returned by __reduce__ must be an iterator, not %s", type_name(listitems)));
        return -1;
    }
    if (dictitems == VNone) {
        dictitems = VNULL;
    } else if (!is_iterator(dictitems)) {
        pickling_error_value(str_printf(
            "fifth element of the tuple returned by __reduce__ must be an iterator, not %s", type_name(dictitems)));
        return -1;
    }
    if (state_setter == VNone) {
        state_setter = VNULL;
    } else if (!is_callable(state_setter)) {
        pickling_error_value(str_printf(
            "sixth element of the tuple returned by __reduce__ must be a function, not %s", type_name(state_setter)));
        return -1;
    }
    bool use_newobj = false, use_newobj_ex = false;
    if (p->proto >= 2) {
        Value name = obj_getattr_opt(callable, str_intern_cstr("__name__"));
        if (!name && err_occurred()) return -1;
        if (name && str_check(name)) {
            use_newobj_ex = str_eq_cstr(name, "__newobj_ex__");
            use_newobj = !use_newobj_ex && str_eq_cstr(name, "__newobj__");
        }
    }
    if (use_newobj_ex) {
        if (tuple_size(argtup) != 3) {
            pickling_error_value(str_printf("length of the NEWOBJ_EX argument tuple must be exactly 3, not %zd",
                                            tuple_size(argtup)));
            return -1;
        }
        Value cls = tuple_get(argtup, 0), nargs = tuple_get(argtup, 1), kwargs = tuple_get(argtup, 2);
        if (!type_check(cls)) {
            pickling_error_value(str_printf(
                "first item from NEWOBJ_EX argument tuple must be a class, not %s", type_name(cls)));
            return -1;
        }
        if (!tuple_check(nargs)) {
            pickling_error_value(str_printf(
                "second item from NEWOBJ_EX argument tuple must be a tuple, not %s", type_name(nargs)));
            return -1;
        }
        if (!dict_check(kwargs)) {
            pickling_error_value(str_printf(
                "third item from NEWOBJ_EX argument tuple must be a dict, not %s", type_name(kwargs)));
            return -1;
        }
        if (p->proto >= 4) {
            if (save(p, cls, false) < 0 || save(p, nargs, false) < 0 || save(p, kwargs, false) < 0 ||
                pwrite_byte(p, PK_NEWOBJ_EX) < 0)
                return -1;
        } else {
            /* Protocols 2-3: partial(cls.__new__, cls, *args, **kwargs)() */
            Value cls_new = obj_getattr(cls, str_intern_cstr("__new__"));
            if (!cls_new) return -1;
            ssize_t n = tuple_size(nargs);
            Value pargs = tuple_new((size_t)n + 2);
            if (!pargs) return -1;
            tuple_items(pargs)[0] = cls_new;
            tuple_items(pargs)[1] = cls;
            for (ssize_t i = 0; i < n; i++) tuple_items(pargs)[i + 2] = tuple_get(nargs, i);
            Value fn = obj_call_tuple_dict(pickle_state.partial, pargs, kwargs);
            if (!fn) return -1;
            if (save(p, fn, false) < 0 || save(p, tuple_empty(), false) < 0 || pwrite_byte(p, PK_REDUCE) < 0)
                return -1;
        }
    } else if (use_newobj) {
        if (tuple_size(argtup) < 1) {
            pickling_error("__newobj__ arglist is empty");
            return -1;
        }
        Value cls = tuple_get(argtup, 0);
        if (!type_check(cls)) {
            pickling_error("args[0] from __newobj__ args is not a type");
            return -1;
        }
        if (obj) {
            Value oc = obj_getattr_opt(obj, str_intern_cstr("__class__"));
            if (!oc) {
                if (err_occurred()) return -1;
                oc = obj_val(val_type(obj));
            }
            if (oc != cls) {
                pickling_error("args[0] from __newobj__ args has the wrong class");
                return -1;
            }
        }
        if (save(p, cls, false) < 0) return -1;
        Value rest = tuple_slice(argtup, 1, tuple_size(argtup));
        if (!rest || save(p, rest, false) < 0 || pwrite_byte(p, PK_NEWOBJ) < 0) return -1;
    } else {
        if (save(p, callable, false) < 0 || save(p, argtup, false) < 0 || pwrite_byte(p, PK_REDUCE) < 0)
            return -1;
    }
    if (obj) {
        /* Already memoized means recursive: drop what we built and fetch it. */
        ssize_t idx = memo_lookup(p, obj);
        if (idx >= 0) {
            if (pwrite_byte(p, PK_POP) < 0) return -1;
            return memo_get(p, (size_t)idx);
        }
        if (memo_put(p, obj) < 0) return -1;
    }
    if (listitems && batch_list(p, listitems) < 0) return -1;
    if (dictitems && batch_dict(p, dictitems) < 0) return -1;
    if (state) {
        if (!state_setter) {
            if (save(p, state, false) < 0 || pwrite_byte(p, PK_BUILD) < 0) return -1;
        } else {
            /* state_setter(obj, state), its result popped: stack-neutral. */
            if (save(p, state_setter, false) < 0 || save(p, obj, false) < 0 || save(p, state, false) < 0 ||
                pwrite_byte(p, PK_TUPLE2) < 0 || pwrite_byte(p, PK_REDUCE) < 0 || pwrite_byte(p, PK_POP) < 0)
                return -1;
        }
    }
    return 0;
}

/* Everything that is not an atom or a builtin container. */
static int save_other(PicklerObject *p, Value obj, Type *t) {
    Value rv = VNULL;
    if (p->reducer_override) {
        rv = obj_call1(p->reducer_override, obj);
        if (!rv) return -1;
        if (rv == VNotImplemented) rv = VNULL;
    }
    if (!rv) {
        if (t == &type_type) return save_type(p, obj);
        if (t == &type_function) return save_global(p, obj, VNULL);
        Value reduce_func = VNULL;
        if (!p->dispatch_table) {
            reduce_func = dict_get(pickle_state.dispatch_table, obj_val(t));
            if (!reduce_func && err_occurred()) return -1;
        } else {
            reduce_func = obj_getitem(p->dispatch_table, obj_val(t));
            if (!reduce_func) {
                if (!err_matches(&exc_KeyError)) return -1;
                err_clear();
            }
        }
        if (reduce_func) {
            rv = obj_call1(reduce_func, obj);
        } else if (type_is_subtype(t, &type_type)) {
            return save_global(p, obj, VNULL);
        } else {
            Value f = obj_getattr_opt(obj, str_intern_cstr("__reduce_ex__"));
            if (f) {
                rv = obj_call1(f, val_from_int(p->proto));
            } else {
                if (err_occurred()) return -1;
                f = obj_getattr_opt(obj, str_intern_cstr("__reduce__"));
                if (f) {
                    rv = obj_call0(f);
                } else {
                    if (!err_occurred())
                        pickling_error_value(str_printf("can't pickle '%s' object: %R", t->name, obj));
                    return -1;
                }
            }
        }
        if (!rv) return -1;
    }
    if (str_check(rv)) return save_global(p, obj, rv);
    if (!tuple_check(rv)) {
        pickling_error("__reduce__ must return a string or tuple");
        return -1;
    }
    return save_reduce(p, rv, obj);
}

static int save(PicklerObject *p, Value obj, bool pers_save) {
    if (p->framing && opcode_boundary(p) < 0) return -1;
    if (!pers_save && p->pers_func) {
        int r = save_pers(p, obj);
        if (r) return r < 0 ? -1 : 0;
    }
    if (val_is_int(obj)) return save_small_int(p, val_int(obj));
    Type *t = val_obj(obj)->type;
    if (obj == VNone) return pwrite_byte(p, PK_NONE);
    if (t == &type_bool) {
        if (p->proto >= 2) return pwrite_byte(p, obj == VTrue ? PK_NEWTRUE : PK_NEWFALSE);
        return pwrite(p, obj == VTrue ? "I01\n" : "I00\n", 4);
    }
    if (t == &type_int) return save_long(p, obj);
    if (t == &type_float) return save_float(p, obj);
    ssize_t idx = memo_lookup(p, obj);
    if (idx >= 0) return memo_get(p, (size_t)idx);
    if (t == &type_bytes) return save_bytes(p, obj);
    if (t == &type_str) return save_str(p, obj);
    if (err_enter_recursive(" while pickling an object") < 0) return -1;
    int status;
    if (t == &type_dict) status = save_dict(p, obj);
    else if (t == &type_set) status = save_set(p, obj);
    else if (t == &type_frozenset) status = save_frozenset(p, obj);
    else if (t == &type_list) status = save_list(p, obj);
    else if (t == &type_tuple) status = save_tuple(p, obj);
    else if (t == &type_bytearray) status = save_bytearray(p, obj);
    else if (t == &type_picklebuffer) status = save_picklebuffer(p, obj);
    else status = save_other(p, obj, t);
    err_leave_recursive();
    return status;
}

int pickler_dump(PicklerObject *p, Value obj) {
    if (pickle_state_init() < 0) return -1;
    int status = -1;
    if (p->proto >= 2) {
        unsigned char header[2] = {PK_PROTO, (unsigned char)p->proto};
        if (pwrite(p, header, 2) < 0) goto out;
        if (p->proto >= 4) p->framing = true;
    }
    if (save(p, obj, false) < 0 || pwrite_byte(p, PK_STOP) < 0) goto out;
    commit_frame(p);
    status = 0;
out:
    p->framing = false;
    return status;
}

int pickler_set_protocol(PicklerObject *p, Value protocol, bool fix) {
    int64_t proto = PICKLE_DEFAULT_PROTOCOL;
    if (protocol && protocol != VNone) {
        if (!int_check(protocol)) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(protocol));
            return -1;
        }
        proto = int_as_i64(protocol);
        if (proto == -1 && err_occurred()) return -1;
        if (proto < 0) proto = PICKLE_HIGHEST_PROTOCOL;
        else if (proto > PICKLE_HIGHEST_PROTOCOL) {
            err_format(&exc_ValueError, "pickle protocol must be <= %d", PICKLE_HIGHEST_PROTOCOL);
            return -1;
        }
    }
    p->proto = (int)proto;
    p->bin = proto > 0;
    p->fix_imports = fix && proto < 3;
    return 0;
}

int pickler_set_buffer_callback(PicklerObject *p, Value cb) {
    if (cb == VNone) cb = VNULL;
    if (cb && p->proto < 5) {
        err_set(&exc_ValueError, "buffer_callback needs protocol >= 5");
        return -1;
    }
    p->buffer_callback = cb;
    return 0;
}

/* ---- pickle.Pickler ---- */

static PicklerObject *PK(Value v) { return (PicklerObject *)v; }

static void pickler_trace(Object *o) {
    PicklerObject *p = (PicklerObject *)o;
    gc_mark(p->write);
    gc_mark(p->pers_func);
    gc_mark(p->dispatch_table);
    gc_mark(p->reducer_override);
    gc_mark(p->buffer_callback);
    gc_mark(p->fast_memo);
    if (p->memo) gc_mark(obj_val(container_of(p->memo, ArrayObject, items)));
    inst_trace_attrs(o);
}

static void pickler_finalize(Object *o) { pickler_release((PicklerObject *)o); }

static Value pickler_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    PicklerObject *p = (PicklerObject *)type_generic_alloc(t, 0);
    if (!p) return VNULL;
    pickler_init_struct(p);
    return obj_val(p);
}

/* An attribute of self found through its type, or VNULL (no error) if absent. */
static Value lookup_hook(Value self, const char *name) {
    Value v = obj_getattr_opt(self, str_intern_cstr(name));
    return v;
}

static int pickler_init(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"file", "protocol", "fix_imports", "buffer_callback", NULL};
    Value a[4];
    if (arg_parse("Pickler", args, nargs, kwnames, names, 0, 1, a) < 0) return -1;
    PicklerObject *p = PK(self);
    bool fix = true;
    if (a[2]) {
        int t = obj_is_true(a[2]);
        if (t < 0) return -1;
        fix = t;
    }
    p->pers_func = p->buffer_callback = p->fast_memo = VNULL;
    memo_clear(p);
    pickler_release(p);
    if (pickler_set_protocol(p, a[1], fix) < 0) return -1;
    Value w = obj_getattr_opt(a[0], str_intern_cstr("write"));
    if (!w) {
        if (!err_occurred()) err_set(&exc_TypeError, "file must have a 'write' attribute");
        return -1;
    }
    GC_WRITE(p, p->write, w);
    if (pickler_set_buffer_callback(p, a[3] ? a[3] : VNone) < 0) return -1;
    p->fast = 0;
    p->fast_nesting = 0;
    Value pf = lookup_hook(self, "persistent_id");
    if (!pf) {
        if (!err_matches(&exc_AttributeError) && err_occurred()) return -1;
        err_clear();
    }
    GC_WRITE(p, p->pers_func, pf);
    if (!p->dispatch_table) {
        Value dt = lookup_hook(self, "dispatch_table");
        if (!dt && err_occurred()) return -1;
        GC_WRITE(p, p->dispatch_table, dt);
    }
    p->initialized = true;
    return 0;
}

static Value pickler_dump_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("dump", kwnames) < 0 || arg_count("dump", nargs, 1, 1) < 0) return VNULL;
    PicklerObject *p = PK(self);
    if (!p->write) {
        pickling_error_value(str_printf("Pickler.__init__() was not called by %s.__init__()", type_name(self)));
        return VNULL;
    }
    p->out_len = 0;
    p->frame_start = -1;
    Value ro = obj_getattr_opt(self, str_intern_cstr("reducer_override"));
    if (!ro && err_occurred()) return VNULL;
    GC_WRITE(p, p->reducer_override, ro);
    int r = pickler_dump(p, args[0]);
    p->reducer_override = VNULL;
    if (r < 0 || pickler_flush_to_file(p) < 0) return VNULL;
    p->out_len = 0;
    return VNone;
}

static Value pickler_clear_memo_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("clear_memo", kwnames) < 0 || arg_count("clear_memo", nargs, 0, 0) < 0) return VNULL;
    memo_clear(PK(self));
    return VNone;
}

static Value pickler_sizeof_m(Value self, Value *args, size_t nargs, Value kwnames) {
    PicklerObject *p = PK(self);
    return int_from_u64(sizeof(PicklerObject) + p->memo_cap * 2 * sizeof(Value) + p->out_cap);
}

static Value pickler_get_persid(Value self) {
    if (!PK(self)->pers_func) {
        err_set(&exc_AttributeError, "persistent_id");
        return VNULL;
    }
    return PK(self)->pers_func;
}

static int pickler_set_persid(Value self, Value v) {
    if (!v) {
        err_set(&exc_TypeError, "attribute deletion is not supported");
        return -1;
    }
    if (!is_callable(v)) {
        err_set(&exc_TypeError, "persistent_id must be a callable taking one argument");
        return -1;
    }
    GC_WRITE(self, PK(self)->pers_func, v);
    return 0;
}

static int set_int_field(Value v, int *field) {
    if (!v) {
        err_set(&exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    if (!int_check(v)) {
        err_set(&exc_TypeError, "an integer is required");
        return -1;
    }
    int64_t i = int_as_i64(v);
    if (i == -1 && err_occurred()) return -1;
    *field = (int)i;
    return 0;
}

static Value pickler_get_fast(Value self) { return val_from_int(PK(self)->fast); }
static int pickler_set_fast(Value self, Value v) { return set_int_field(v, &PK(self)->fast); }
static Value pickler_get_bin(Value self) { return val_from_int(PK(self)->bin); }
static int pickler_set_bin(Value self, Value v) {
    int b;
    if (set_int_field(v, &b) < 0) return -1;
    PK(self)->bin = b != 0;
    return 0;
}

static Value pickler_get_dict(Value self) { return inst_dict(self); }

static const MethodDef pickler_methods[] = {
    {"dump", pickler_dump_m, 0, "Write a pickled representation of the given object to the open file."},
    {"clear_memo", pickler_clear_memo_m, 0,
     "Clears the pickler's \"memo\".\n\nThe memo is the data structure that remembers which objects the\n"
     "pickler has already seen, so that shared or recursive objects are\npickled by reference and not by value.  "
     "This method is useful when\nre-using picklers."},
    {"__sizeof__", pickler_sizeof_m, 0, "Returns size in memory, in bytes."},
    {NULL},
};

static const GetSetDef pickler_getsets[] = {
    {"persistent_id", pickler_get_persid, pickler_set_persid, NULL},
    {"fast", pickler_get_fast, pickler_set_fast, NULL},
    {"bin", pickler_get_bin, pickler_set_bin, NULL},
    {"__dict__", pickler_get_dict, NULL, NULL},
    {NULL},
};

static const MemberDef pickler_members[] = {
    {"dispatch_table", MEMBER_VALUE, offsetof(PicklerObject, dispatch_table)},
    {NULL},
};

Type type_pickler = {
    .hdr = {0, &type_type},
    .name = "_pickle.Pickler",
    .basicsize = sizeof(PicklerObject),
    .attrs_offset = sizeof(PicklerObject),
    .flags = TF_BASETYPE,
    .trace = pickler_trace,
    .finalize = pickler_finalize,
    .new = pickler_new,
    .init = pickler_init,
    .methods = pickler_methods,
    .getsets = pickler_getsets,
    .members = pickler_members,
    .doc = "Pickler(file, protocol=None, fix_imports=True, buffer_callback=None)\n--\n\n"
           "This takes a binary file for writing a pickle data stream.",
};
