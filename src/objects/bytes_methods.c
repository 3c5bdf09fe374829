/* bytes_methods.c - the methods of bytes and bytearray: search, split, strip, case, padding, hex, mutation. */
#include "bytes.h"
#include "str.h"
#include "str_internal.h"
#include "int.h"
#include "tuple.h"
#include "list.h"
#include "type.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <limits.h>
#include <stdio.h>

/*
 * Every method is written once for both types.  `Buf` is the receiver's
 * bytes; results are made with `make`, which gives a bytes for a bytes
 * receiver and a bytearray for a bytearray one, as CPython does.  Case
 * operations and predicates are ASCII-only, as for CPython's bytes.
 */

typedef struct Buf {
    Value self;
    const char *d;
    size_t n;
    bool ba;
} Buf;

static Buf buf_of(Value self) {
    Buf b = {self, NULL, 0, !bytes_check(self)};
    bytes_get_buffer(self, &b.d, &b.n);
    return b;
}

static Value make(const Buf *b, const char *d, size_t n) {
    return b->ba ? bytearray_new(d, n) : bytes_new(d, n);
}

/* An unchanged result: the receiver itself for an exact bytes, else a copy. */
static Value same(const Buf *b) {
    if (!b->ba && val_type(b->self) == &type_bytes) return b->self;
    return make(b, b->d, b->n);
}

static Value finish(const Buf *b, ByteBuilder *bb) { return b->ba ? bb_finish_bytearray(bb) : bb_finish(bb); }

/* "bytes.center" or "bytearray.center": CPython names the defining type. */
static const char *qual(Value self, const char *m, char *buf, size_t n) {
    bool ba = self && (type_check(self) ? type_is_subtype((Type *)self, &type_bytearray) : bytearray_check(self));
    snprintf(buf, n, "%s.%s", ba ? "bytearray" : "bytes", m);
    return buf;
}

#define CHECK(m, style, lo, hi)                                                                   \
    do {                                                                                          \
        char q_[48];                                                                              \
        if (methargs_check(kwnames, nargs, qual(self, m, q_, sizeof q_), style, lo, hi) < 0)      \
            return VNULL;                                                                         \
    } while (0)

static bool need_buffer(Value v, const char **d, size_t *n) {
    if (bytes_get_buffer(v, d, n)) return true;
    err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(v));
    return false;
}

static ssize_t index_arg(Value v) {
    if (!num_check_index(v)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
        return -1;
    }
    return num_as_ssize(v, &exc_OverflowError);
}

static inline bool b_isspace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline bool b_islower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline bool b_isupper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline bool b_isalpha(unsigned char c) { return b_islower(c) || b_isupper(c); }
static inline bool b_isdigit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline unsigned char b_lower(unsigned char c) { return b_isupper(c) ? c + 32 : c; }
static inline unsigned char b_upper(unsigned char c) { return b_islower(c) ? c - 32 : c; }

/* ---- find, rfind, index, rindex, count ---- */

typedef struct Sub {
    char one;               /* the byte when the needle is an int */
    const char *d;
    size_t n;
    size_t start, end;
} Sub;

static int parse_sub(const char *name, const Buf *b, Value *args, size_t nargs, Value kwnames, Sub *s) {
    if (methargs_check(kwnames, nargs, name, ARGS_OLD, 1, 3) < 0) return -1;
    /* CPython converts the bounds before it looks at the needle. */
    if (str_parse_bounds(nargs > 1 ? args[1] : VNULL, nargs > 2 ? args[2] : VNULL, b->n, &s->start, &s->end) < 0)
        return -1;
    Value x = args[0];
    if (num_check_index(x)) {
        int c = bytes_byte_value(x);
        if (c < 0) return -1;
        s->one = (char)c;
        s->d = &s->one;
        s->n = 1;
    } else if (!bytes_get_buffer(x, &s->d, &s->n)) {
        err_format(&exc_TypeError, "argument should be integer or bytes-like object, not '%s'", type_name(x));
        return -1;
    }
    return 0;
}

static ssize_t find_sub(const Buf *b, const Sub *s, bool reverse) {
    if (s->start > s->end) return -1;
    ssize_t r = reverse ? str_bytes_rfind(b->d + s->start, s->end - s->start, s->d, s->n)
                        : str_bytes_find(b->d + s->start, s->end - s->start, s->d, s->n);
    return r < 0 ? -1 : (ssize_t)s->start + r;
}

static Value find_common(const char *name, bool reverse, bool raise, Value self, Value *args, size_t nargs,
                         Value kwnames) {
    Buf b = buf_of(self);
    Sub s;
    if (parse_sub(name, &b, args, nargs, kwnames, &s) < 0) return VNULL;
    ssize_t r = find_sub(&b, &s, reverse);
    if (r < 0 && raise) {
        err_set(&exc_ValueError, "subsection not found");
        return VNULL;
    }
    return val_from_int(r);
}

static Value b_find(Value self, Value *args, size_t nargs, Value kwnames) {
    return find_common("find", false, false, self, args, nargs, kwnames);
}
static Value b_rfind(Value self, Value *args, size_t nargs, Value kwnames) {
    return find_common("rfind", true, false, self, args, nargs, kwnames);
}
static Value b_index(Value self, Value *args, size_t nargs, Value kwnames) {
    return find_common("index", false, true, self, args, nargs, kwnames);
}
static Value b_rindex(Value self, Value *args, size_t nargs, Value kwnames) {
    return find_common("rindex", true, true, self, args, nargs, kwnames);
}

static Value b_count(Value self, Value *args, size_t nargs, Value kwnames) {
    Buf b = buf_of(self);
    Sub s;
    if (parse_sub("count", &b, args, nargs, kwnames, &s) < 0) return VNULL;
    if (s.start > s.end) return val_from_int(0);
    if (s.n == 0) return val_from_int((intptr_t)(s.end - s.start + 1));
    size_t count = 0, pos = s.start;
    for (;;) {
        ssize_t at = str_bytes_find(b.d + pos, s.end - pos, s.d, s.n);
        if (at < 0) break;
        count++;
        pos += (size_t)at + s.n;
    }
    return val_from_int((intptr_t)count);
}

/* ---- startswith, endswith ---- */

static Value tailmatch_common(const char *name, bool at_end, Value self, Value *args, size_t nargs, Value kwnames) {
    if (methargs_check(kwnames, nargs, name, ARGS_OLD, 1, 3) < 0) return VNULL;
    Buf b = buf_of(self);
    size_t start, end;
    if (str_parse_bounds(nargs > 1 ? args[1] : VNULL, nargs > 2 ? args[2] : VNULL, b.n, &start, &end) < 0)
        return VNULL;
    Value x = args[0];
    bool is_tuple = tuple_check(x);
    ssize_t count = is_tuple ? tuple_size(x) : 1;
    for (ssize_t i = 0; i < count; i++) {
        Value sub = is_tuple ? tuple_get(x, i) : x;
        const char *d;
        size_t n;
        if (!bytes_get_buffer(sub, &d, &n)) {
            if (is_tuple) err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(sub));
            else err_format(&exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                            type_name(sub));
            return VNULL;
        }
        if (start > end || end - start < n) continue;
        if (memcmp(b.d + (at_end ? end - n : start), d, n) == 0) return VTrue;
    }
    return VFalse;
}

static Value b_startswith(Value self, Value *args, size_t nargs, Value kwnames) {
    return tailmatch_common("startswith", false, self, args, nargs, kwnames);
}
static Value b_endswith(Value self, Value *args, size_t nargs, Value kwnames) {
    return tailmatch_common("endswith", true, self, args, nargs, kwnames);
}

/* ---- split, rsplit, splitlines, partition, rpartition, join ---- */

static int parse_split(const char *name, Value *args, size_t nargs, Value kwnames, const char **sd, size_t *sn,
                       ssize_t *maxsplit) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    Value a[2];
    if (arg_parse(name, args, nargs, kwnames, names, 0, 0, a) < 0) return -1;
    *maxsplit = -1;
    if (a[1]) {
        *maxsplit = index_arg(a[1]);
        if (*maxsplit == -1 && err_occurred()) return -1;
    }
    *sd = NULL;
    if (a[0] && a[0] != VNone) {
        if (!need_buffer(a[0], sd, sn)) return -1;
        if (*sn == 0) {
            err_set(&exc_ValueError, "empty separator");
            return -1;
        }
    }
    if (*maxsplit < 0) *maxsplit = SSIZE_MAX;
    return 0;
}

static int push(Value list, const Buf *b, const char *d, size_t n) {
    Value p = (n == b->n && d == b->d) ? same(b) : make(b, d, n);
    return p ? list_append(list, p) : -1;
}

static Value b_split(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *sd;
    size_t sn;
    ssize_t maxsplit;
    if (parse_split("split", args, nargs, kwnames, &sd, &sn, &maxsplit) < 0) return VNULL;
    Buf b = buf_of(self);
    Value out = list_new(0);
    if (!out) return VNULL;
    size_t i = 0;
    if (!sd) {
        while (i < b.n) {
            while (i < b.n && b_isspace((unsigned char)b.d[i])) i++;
            if (i >= b.n) break;
            if (maxsplit-- == 0) {
                if (push(out, &b, b.d + i, b.n - i) < 0) return VNULL;
                break;
            }
            size_t w = i;
            while (i < b.n && !b_isspace((unsigned char)b.d[i])) i++;
            if (push(out, &b, b.d + w, i - w) < 0) return VNULL;
        }
        return out;
    }
    while (maxsplit-- > 0) {
        ssize_t at = str_bytes_find(b.d + i, b.n - i, sd, sn);
        if (at < 0) break;
        if (push(out, &b, b.d + i, (size_t)at) < 0) return VNULL;
        i += (size_t)at + sn;
    }
    if (push(out, &b, b.d + i, b.n - i) < 0) return VNULL;
    return out;
}

static Value b_rsplit(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *sd;
    size_t sn;
    ssize_t maxsplit;
    if (parse_split("rsplit", args, nargs, kwnames, &sd, &sn, &maxsplit) < 0) return VNULL;
    Buf b = buf_of(self);
    Value out = list_new(0);
    if (!out) return VNULL;
    size_t end = b.n;
    if (!sd) {
        while (end > 0) {
            while (end > 0 && b_isspace((unsigned char)b.d[end - 1])) end--;
            if (end == 0) break;
            if (maxsplit-- == 0) {
                if (push(out, &b, b.d, end) < 0) return VNULL;
                break;
            }
            size_t w = end;
            while (w > 0 && !b_isspace((unsigned char)b.d[w - 1])) w--;
            if (push(out, &b, b.d + w, end - w) < 0) return VNULL;
            end = w;
        }
    } else {
        while (maxsplit-- > 0) {
            ssize_t at = str_bytes_rfind(b.d, end, sd, sn);
            if (at < 0) break;
            if (push(out, &b, b.d + at + sn, end - (size_t)at - sn) < 0) return VNULL;
            end = (size_t)at;
        }
        if (push(out, &b, b.d, end) < 0) return VNULL;
    }
    if (list_reverse(out) < 0) return VNULL;
    return out;
}

static Value b_splitlines(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"keepends", NULL};
    Value a[1];
    if (arg_parse("splitlines", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    int keep = 0;
    if (a[0]) {
        if (!num_check_index(a[0])) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[0]));
            return VNULL;
        }
        keep = obj_is_true(a[0]);
        if (keep < 0) return VNULL;
    }
    Buf b = buf_of(self);
    Value out = list_new(0);
    if (!out) return VNULL;
    size_t i = 0, line = 0;
    while (i < b.n) {
        char c = b.d[i];
        if (c != '\n' && c != '\r') {
            i++;
            continue;
        }
        size_t eol = i++;
        if (c == '\r' && i < b.n && b.d[i] == '\n') i++;
        if (push(out, &b, b.d + line, (keep ? i : eol) - line) < 0) return VNULL;
        line = i;
    }
    if (line < b.n && push(out, &b, b.d + line, b.n - line) < 0) return VNULL;
    return out;
}

static Value partition_common(const char *name, bool reverse, Value self, Value *args, size_t nargs,
                              Value kwnames) {
    CHECK(name, ARGS_SIMPLE, 1, 1);
    Buf b = buf_of(self);
    const char *sd;
    size_t sn;
    if (!need_buffer(args[0], &sd, &sn)) return VNULL;
    if (sn == 0) {
        err_set(&exc_ValueError, "empty separator");
        return VNULL;
    }
    /* bytes returns the separator object itself; bytearray a new bytearray. */
    Value sep = b.ba ? make(&b, sd, sn) : args[0];
    if (!sep) return VNULL;
    ssize_t at = reverse ? str_bytes_rfind(b.d, b.n, sd, sn) : str_bytes_find(b.d, b.n, sd, sn);
    if (at < 0) {
        Value whole = same(&b), e1 = make(&b, "", 0), e2 = make(&b, "", 0);
        if (!whole || !e1 || !e2) return VNULL;
        return reverse ? tuple_pack(3, e1, e2, whole) : tuple_pack(3, whole, e1, e2);
    }
    Value head = make(&b, b.d, (size_t)at);
    if (!head) return VNULL;
    Value tail = make(&b, b.d + at + sn, b.n - (size_t)at - sn);
    if (!tail) return VNULL;
    return tuple_pack(3, head, sep, tail);
}

static Value b_partition(Value self, Value *args, size_t nargs, Value kwnames) {
    return partition_common("partition", false, self, args, nargs, kwnames);
}
static Value b_rpartition(Value self, Value *args, size_t nargs, Value kwnames) {
    return partition_common("rpartition", true, self, args, nargs, kwnames);
}

static Value b_join(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("join", ARGS_SIMPLE, 1, 1);
    Value seq = args[0];
    if (!list_check_exact(seq) && !tuple_check_exact(seq)) {
        Type *t = val_type(seq);
        if (!t->iter && !t->getitem) {
            err_set(&exc_TypeError, "can only join an iterable");
            return VNULL;
        }
        seq = list_from_iterable(seq);
        if (!seq) return VNULL;
    }
    bool is_list = list_check_exact(seq);
    ssize_t count = is_list ? list_size(seq) : tuple_size(seq);
    ByteBuilder bb;
    bb_init(&bb);
    for (ssize_t i = 0; i < count; i++) {
        Value item = is_list ? list_get(seq, i) : tuple_get(seq, i);
        const char *d;
        size_t n;
        if (!bytes_get_buffer(item, &d, &n)) {
            bb_discard(&bb);
            err_format(&exc_TypeError, "sequence item %zd: expected a bytes-like object, %s found", i,
                       type_name(item));
            return VNULL;
        }
        if (i) {
            Buf b = buf_of(self);
            bb_append(&bb, b.d, b.n);
        }
        bb_append(&bb, d, n);
    }
    Buf b = buf_of(self);
    return finish(&b, &bb);
}

/* ---- strip, replace, removeprefix, removesuffix ---- */

static Value strip_common(const char *name, int how, Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK(name, ARGS_CLINIC, 0, 1);
    Buf b = buf_of(self);
    bool set[256] = {0};
    if (nargs && args[0] != VNone) {
        const char *cd;
        size_t cn;
        if (!need_buffer(args[0], &cd, &cn)) return VNULL;
        for (size_t i = 0; i < cn; i++) set[(unsigned char)cd[i]] = true;
    } else {
        for (int c = 0; c < 256; c++) set[c] = b_isspace((unsigned char)c);
    }
    size_t lo = 0, hi = b.n;
    if (how & 1)
        while (lo < hi && set[(unsigned char)b.d[lo]]) lo++;
    if (how & 2)
        while (hi > lo && set[(unsigned char)b.d[hi - 1]]) hi--;
    if (lo == 0 && hi == b.n) return same(&b);
    return make(&b, b.d + lo, hi - lo);
}

static Value b_strip(Value self, Value *args, size_t nargs, Value kwnames) {
    return strip_common("strip", 3, self, args, nargs, kwnames);
}
static Value b_lstrip(Value self, Value *args, size_t nargs, Value kwnames) {
    return strip_common("lstrip", 1, self, args, nargs, kwnames);
}
static Value b_rstrip(Value self, Value *args, size_t nargs, Value kwnames) {
    return strip_common("rstrip", 2, self, args, nargs, kwnames);
}

static Value b_replace(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("replace", ARGS_CLINIC, 2, 3);
    Buf b = buf_of(self);
    const char *od, *nd;
    size_t on, nn;
    if (!need_buffer(args[0], &od, &on) || !need_buffer(args[1], &nd, &nn)) return VNULL;
    ssize_t count = -1;
    if (nargs > 2) {
        count = index_arg(args[2]);
        if (count == -1 && err_occurred()) return VNULL;
    }
    if (count < 0) count = SSIZE_MAX;
    ByteBuilder bb;
    bb_init(&bb);
    if (on == 0) {
        size_t i = 0;
        while (count > 0 && i <= b.n) {
            bb_append(&bb, nd, nn);
            count--;
            if (i == b.n) {
                i++;
                break;
            }
            bb_append_byte(&bb, (unsigned char)b.d[i++]);
        }
        if (i < b.n) bb_append(&bb, b.d + i, b.n - i);
        return finish(&b, &bb);
    }
    size_t i = 0;
    bool any = false;
    while (count-- > 0) {
        ssize_t at = str_bytes_find(b.d + i, b.n - i, od, on);
        if (at < 0) break;
        any = true;
        bb_append(&bb, b.d + i, (size_t)at);
        bb_append(&bb, nd, nn);
        i += (size_t)at + on;
    }
    if (!any) {
        bb_discard(&bb);
        return same(&b);
    }
    bb_append(&bb, b.d + i, b.n - i);
    return finish(&b, &bb);
}

static Value b_removeprefix(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("removeprefix", ARGS_SIMPLE, 1, 1);
    Buf b = buf_of(self);
    const char *d;
    size_t n;
    if (!need_buffer(args[0], &d, &n)) return VNULL;
    if (n && n <= b.n && memcmp(b.d, d, n) == 0) return make(&b, b.d + n, b.n - n);
    return same(&b);
}

static Value b_removesuffix(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("removesuffix", ARGS_SIMPLE, 1, 1);
    Buf b = buf_of(self);
    const char *d;
    size_t n;
    if (!need_buffer(args[0], &d, &n)) return VNULL;
    if (n && n <= b.n && memcmp(b.d + b.n - n, d, n) == 0) return make(&b, b.d, b.n - n);
    return same(&b);
}

/* ---- Case operations (ASCII) ---- */

enum { K_LOWER, K_UPPER, K_SWAP, K_CAPITALIZE, K_TITLE };

static Value case_common(const char *name, int op, Value self, size_t nargs, Value kwnames) {
    CHECK(name, ARGS_SIMPLE, 0, 0);
    Buf b = buf_of(self);
    /* Transform into a private buffer, then make the result from it. */
    ByteBuilder bb;
    bb_init(&bb);
    bool prev_cased = false;
    for (size_t i = 0; i < b.n; i++) {
        unsigned char c = (unsigned char)b.d[i];
        switch (op) {
        case K_LOWER: c = b_lower(c); break;
        case K_UPPER: c = b_upper(c); break;
        case K_SWAP: c = b_isupper(c) ? b_lower(c) : b_upper(c); break;
        case K_CAPITALIZE: c = i == 0 ? b_upper(c) : b_lower(c); break;
        default:
            c = prev_cased ? b_lower(c) : b_upper(c);
            prev_cased = b_isalpha(c);
            break;
        }
        bb_append_byte(&bb, c);
    }
    return finish(&b, &bb);
}

static Value b_lower_m(Value self, Value *args, size_t nargs, Value kwnames) {
    return case_common("lower", K_LOWER, self, nargs, kwnames);
}
static Value b_upper_m(Value self, Value *args, size_t nargs, Value kwnames) {
    return case_common("upper", K_UPPER, self, nargs, kwnames);
}
static Value b_swapcase(Value self, Value *args, size_t nargs, Value kwnames) {
    return case_common("swapcase", K_SWAP, self, nargs, kwnames);
}
static Value b_capitalize(Value self, Value *args, size_t nargs, Value kwnames) {
    return case_common("capitalize", K_CAPITALIZE, self, nargs, kwnames);
}
static Value b_title(Value self, Value *args, size_t nargs, Value kwnames) {
    return case_common("title", K_TITLE, self, nargs, kwnames);
}

/* ---- Predicates (ASCII) ---- */

enum { P_ALPHA, P_DIGIT, P_ALNUM, P_SPACE, P_ASCII };

static Value pred_common(const char *name, int what, Value self, size_t nargs, Value kwnames) {
    CHECK(name, ARGS_SIMPLE, 0, 0);
    Buf b = buf_of(self);
    if (b.n == 0) return val_bool(what == P_ASCII);
    for (size_t i = 0; i < b.n; i++) {
        unsigned char c = (unsigned char)b.d[i];
        bool ok;
        switch (what) {
        case P_ALPHA: ok = b_isalpha(c); break;
        case P_DIGIT: ok = b_isdigit(c); break;
        case P_ALNUM: ok = b_isalpha(c) || b_isdigit(c); break;
        case P_SPACE: ok = b_isspace(c); break;
        default: ok = c < 128; break;
        }
        if (!ok) return VFalse;
    }
    return VTrue;
}

static Value b_isalpha_m(Value self, Value *args, size_t nargs, Value kwnames) {
    return pred_common("isalpha", P_ALPHA, self, nargs, kwnames);
}
static Value b_isdigit_m(Value self, Value *args, size_t nargs, Value kwnames) {
    return pred_common("isdigit", P_DIGIT, self, nargs, kwnames);
}
static Value b_isalnum_m(Value self, Value *args, size_t nargs, Value kwnames) {
    return pred_common("isalnum", P_ALNUM, self, nargs, kwnames);
}
static Value b_isspace_m(Value self, Value *args, size_t nargs, Value kwnames) {
    return pred_common("isspace", P_SPACE, self, nargs, kwnames);
}
static Value b_isascii_m(Value self, Value *args, size_t nargs, Value kwnames) {
    return pred_common("isascii", P_ASCII, self, nargs, kwnames);
}

static Value b_islower_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("islower", ARGS_SIMPLE, 0, 0);
    Buf b = buf_of(self);
    bool cased = false;
    for (size_t i = 0; i < b.n; i++) {
        if (b_isupper((unsigned char)b.d[i])) return VFalse;
        if (b_islower((unsigned char)b.d[i])) cased = true;
    }
    return val_bool(cased);
}

static Value b_isupper_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("isupper", ARGS_SIMPLE, 0, 0);
    Buf b = buf_of(self);
    bool cased = false;
    for (size_t i = 0; i < b.n; i++) {
        if (b_islower((unsigned char)b.d[i])) return VFalse;
        if (b_isupper((unsigned char)b.d[i])) cased = true;
    }
    return val_bool(cased);
}

static Value b_istitle_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("istitle", ARGS_SIMPLE, 0, 0);
    Buf b = buf_of(self);
    bool cased = false, prev = false;
    for (size_t i = 0; i < b.n; i++) {
        unsigned char c = (unsigned char)b.d[i];
        if (b_isupper(c)) {
            if (prev) return VFalse;
            prev = cased = true;
        } else if (b_islower(c)) {
            if (!prev) return VFalse;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return val_bool(cased);
}

/* ---- Padding ---- */

static int parse_fill(Value self, const char *name, Value *args, size_t nargs, Value kwnames, ssize_t *width,
                      char *fill) {
    char q[48];
    if (methargs_check(kwnames, nargs, qual(self, name, q, sizeof q), ARGS_CLINIC, 1, 2) < 0) return -1;
    *width = index_arg(args[0]);
    if (*width == -1 && err_occurred()) return -1;
    *fill = ' ';
    if (nargs > 1) {
        Value f = args[1];
        if (!(bytes_check(f) || bytearray_check(f))) goto bad;
        const char *d;
        size_t n;
        bytes_get_buffer(f, &d, &n);
        if (n != 1) goto bad;
        *fill = d[0];
    }
    return 0;
bad:
    err_format(&exc_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name,
               arg_type_name(args[1]));
    return -1;
}

static Value padded(const Buf *b, size_t left, size_t right, char fill) {
    if (!left && !right) return same(b);
    ByteBuilder bb;
    bb_init(&bb);
    bb_append_repeat(&bb, (unsigned char)fill, left);
    bb_append(&bb, b->d, b->n);
    bb_append_repeat(&bb, (unsigned char)fill, right);
    return finish(b, &bb);
}

static Value b_center(Value self, Value *args, size_t nargs, Value kwnames) {
    ssize_t width;
    char fill;
    if (parse_fill(self, "center", args, nargs, kwnames, &width, &fill) < 0) return VNULL;
    Buf b = buf_of(self);
    if (width <= (ssize_t)b.n) return same(&b);
    ssize_t marg = width - (ssize_t)b.n, left = marg / 2 + (marg & width & 1);
    return padded(&b, (size_t)left, (size_t)(marg - left), fill);
}

static Value b_ljust(Value self, Value *args, size_t nargs, Value kwnames) {
    ssize_t width;
    char fill;
    if (parse_fill(self, "ljust", args, nargs, kwnames, &width, &fill) < 0) return VNULL;
    Buf b = buf_of(self);
    return padded(&b, 0, width > (ssize_t)b.n ? (size_t)width - b.n : 0, fill);
}

static Value b_rjust(Value self, Value *args, size_t nargs, Value kwnames) {
    ssize_t width;
    char fill;
    if (parse_fill(self, "rjust", args, nargs, kwnames, &width, &fill) < 0) return VNULL;
    Buf b = buf_of(self);
    return padded(&b, width > (ssize_t)b.n ? (size_t)width - b.n : 0, 0, fill);
}

static Value b_zfill(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("zfill", ARGS_SIMPLE, 1, 1);
    ssize_t width = index_arg(args[0]);
    if (width == -1 && err_occurred()) return VNULL;
    Buf b = buf_of(self);
    if (width <= (ssize_t)b.n) return same(&b);
    size_t fill = (size_t)width - b.n, sign = b.n && (b.d[0] == '+' || b.d[0] == '-');
    ByteBuilder bb;
    bb_init(&bb);
    bb_append(&bb, b.d, sign);
    bb_append_repeat(&bb, '0', fill);
    bb_append(&bb, b.d + sign, b.n - sign);
    return finish(&b, &bb);
}

static Value b_expandtabs(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"tabsize", NULL};
    Value a[1];
    if (arg_parse("expandtabs", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    ssize_t tab = 8;
    if (a[0]) {
        tab = index_arg(a[0]);
        if (tab == -1 && err_occurred()) return VNULL;
        if (tab > INT_MAX || tab < INT_MIN) {  /* tabsize is a C int in CPython */
            err_set(&exc_OverflowError, tab > 0 ? "Python int too large to convert to C int"
                                                : "Python int too small to convert to C int");
            return VNULL;
        }
    }
    Buf b = buf_of(self);
    ByteBuilder bb;
    bb_init(&bb);
    size_t col = 0;
    for (size_t i = 0; i < b.n; i++) {
        char c = b.d[i];
        if (c == '\t') {
            if (tab > 0) {
                size_t k = (size_t)tab - col % (size_t)tab;
                bb_append_repeat(&bb, ' ', k);
                col += k;
            }
        } else {
            bb_append_byte(&bb, (unsigned char)c);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return finish(&b, &bb);
}

/* ---- translate, maketrans ---- */

static Value b_translate(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"table", "delete", NULL};
    Value a[2];
    if (arg_parse("translate", args, nargs, kwnames, names, 1, 1, a) < 0) return VNULL;
    const char *table = NULL, *del = "";
    size_t tn = 0, dn = 0;
    if (a[0] != VNone) {
        if (!need_buffer(a[0], &table, &tn)) return VNULL;
        if (tn != 256) {
            err_set(&exc_ValueError, "translation table must be 256 characters long");
            return VNULL;
        }
    }
    if (a[1] && !need_buffer(a[1], &del, &dn)) return VNULL;
    bool drop[256] = {0};
    for (size_t i = 0; i < dn; i++) drop[(unsigned char)del[i]] = true;
    Buf b = buf_of(self);
    ByteBuilder bb;
    bb_init(&bb);
    for (size_t i = 0; i < b.n; i++) {
        unsigned char c = (unsigned char)b.d[i];
        if (drop[c]) continue;
        bb_append_byte(&bb, table ? (unsigned char)table[c] : c);
    }
    return finish(&b, &bb);
}

static Value b_maketrans(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("maketrans", ARGS_CLINIC, 2, 2);
    const char *f, *t;
    size_t fn, tn;
    if (!need_buffer(args[0], &f, &fn) || !need_buffer(args[1], &t, &tn)) return VNULL;
    if (fn != tn) {
        err_set(&exc_ValueError, "maketrans arguments must have same length");
        return VNULL;
    }
    char table[256];
    for (int i = 0; i < 256; i++) table[i] = (char)i;
    for (size_t i = 0; i < fn; i++) table[(unsigned char)f[i]] = t[i];
    return bytes_new(table, 256);
}

/* ---- hex, fromhex, decode ---- */

static Value b_hex(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"sep", "bytes_per_sep", NULL};
    static const char digits[] = "0123456789abcdef";
    Value a[2];
    if (arg_parse("hex", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    char sep = 0;
    bool has_sep = a[0] != VNULL; /* sep may be '\0' */
    ssize_t per = 1;
    if (a[0]) {
        const char *sd;
        size_t sn;
        if (str_check(a[0])) {
            if (str_len(a[0]) != 1) goto badsep;
            if (!str_is_ascii(a[0])) {
                err_set(&exc_ValueError, "sep must be ASCII.");
                return VNULL;
            }
            sep = str_data(a[0])[0];
        } else if (bytes_get_buffer(a[0], &sd, &sn)) {
            if (sn != 1) goto badsep;
            if ((unsigned char)sd[0] >= 0x80) {
                err_set(&exc_ValueError, "sep must be ASCII.");
                return VNULL;
            }
            sep = sd[0];
        } else {
            /* CPython asks for len(sep) first. */
            err_format(&exc_TypeError, "object of type '%s' has no len()", type_name(a[0]));
            return VNULL;
        }
    }
    if (a[1]) {
        per = index_arg(a[1]);
        if (per == -1 && err_occurred()) return VNULL;
    }
    Buf b = buf_of(self);
    StrBuilder sb;
    sb_init(&sb);
    size_t group = per < 0 ? (size_t)-per : (size_t)per;
    for (size_t i = 0; i < b.n; i++) {
        if (has_sep && group && i) {
            /* Groups count from the right for a positive bytes_per_sep. */
            bool boundary = per > 0 ? (b.n - i) % group == 0 : i % group == 0;
            if (boundary) sb_append_char(&sb, sep);
        }
        unsigned char c = (unsigned char)b.d[i];
        sb_append_char(&sb, digits[c >> 4]);
        sb_append_char(&sb, digits[c & 15]);
    }
    return sb_finish(&sb);
badsep:
    err_set(&exc_ValueError, "sep must be length 1.");
    return VNULL;
}

static int hexval(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static Value b_fromhex(Value cls, Value *args, size_t nargs, Value kwnames) {
    Value self = cls;
    CHECK("fromhex", ARGS_SIMPLE, 1, 1);
    Value s = args[0];
    if (!str_check(s)) {
        err_format(&exc_TypeError, "fromhex() argument must be str, not %s", arg_type_name(s));
        return VNULL;
    }
    const unsigned char *d = (const unsigned char *)str_data(s);
    size_t n = str_size(s), i = 0;
    ByteBuilder bb;
    bb_init(&bb);
    while (i < n) {
        if (b_isspace(d[i])) {
            i++;
            continue;
        }
        int hi = hexval(d[i]);
        int lo = i + 1 < n ? hexval(d[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            size_t pos = utf8_count((const char *)d, hi < 0 ? i : i + 1);
            bb_discard(&bb);
            err_format(&exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zu", pos);
            return VNULL;
        }
        bb_append_byte(&bb, (unsigned char)(hi * 16 + lo));
        i += 2;
    }
    Type *t = (Type *)cls;
    if (t == &type_bytearray) return bb_finish_bytearray(&bb);
    Value r = bb_finish(&bb);
    if (!r || t == &type_bytes) return r;
    return obj_call1(cls, r);
}

static Value b_decode(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"encoding", "errors", NULL};
    Value a[2];
    if (arg_parse("decode", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    const char *enc = "utf-8", *errors = NULL;
    if (!codec_arg("decode", "encoding", a[0], &enc) || !codec_arg("decode", "errors", a[1], &errors)) return VNULL;
    Buf b = buf_of(self);
    return bytes_decode(b.d, b.n, enc, errors);
}

/* ---- bytes-only dunders ---- */

static Value b_getnewargs(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("__getnewargs__", ARGS_SIMPLE, 0, 0);
    Value copy = bytes_new(bytes_data(self), (size_t)bytes_size(self));
    return copy ? tuple_pack(1, copy) : VNULL;
}

static Value b_bytes(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("__bytes__", ARGS_SIMPLE, 0, 0);
    if (val_type(self) == &type_bytes) return self;
    return bytes_new(bytes_data(self), (size_t)bytes_size(self));
}

static Value b_sizeof(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("__sizeof__", ARGS_SIMPLE, 0, 0);
    if (bytes_check(self)) return val_from_int((intptr_t)(sizeof(BytesObject) + (size_t)bytes_size(self) + 1));
    return val_from_int((intptr_t)(sizeof(ByteArrayObject) + (size_t)((ByteArrayObject *)self)->alloc));
}

/* ---- bytearray mutation ---- */

static Value ba_append(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("append", ARGS_SIMPLE, 1, 1);
    int c = bytes_byte_value(args[0]);
    if (c < 0) return VNULL;
    ByteArrayObject *b = (ByteArrayObject *)self;
    char ch = (char)c;
    if (bytearray_splice(self, (size_t)b->size, (size_t)b->size, &ch, 1) < 0) return VNULL;
    return VNone;
}

static Value ba_extend(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("extend", ARGS_SIMPLE, 1, 1);
    Value x = args[0];
    ByteArrayObject *b = (ByteArrayObject *)self;
    const char *d;
    size_t n;
    ByteBuilder bb;
    bb_init(&bb);
    if (x == self) {
        bb_append(&bb, b->data, (size_t)b->size);
    } else if (bytes_get_buffer(x, &d, &n)) {
        bb_append(&bb, d, n);
    } else {
        Type *t = val_type(x);
        if (!t->iter && !t->getitem) {
            err_format(&exc_TypeError, "can't extend bytearray with %s", type_name(x));
            return VNULL;
        }
        if (bytes_extend_iterable(&bb, x) < 0) {
            bb_discard(&bb);
            return VNULL;
        }
    }
    if (bb.failed) {
        bb_discard(&bb);
        err_no_memory();
        return VNULL;
    }
    int r = bytearray_splice(self, (size_t)b->size, (size_t)b->size, bb.buf, bb.size);
    bb_discard(&bb);
    return r < 0 ? VNULL : VNone;
}

static Value ba_insert(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("insert", ARGS_CLINIC, 2, 2);
    ssize_t i = index_arg(args[0]);
    if (i == -1 && err_occurred()) return VNULL;
    int c = bytes_byte_value(args[1]);
    if (c < 0) return VNULL;
    ByteArrayObject *b = (ByteArrayObject *)self;
    if (i < 0) {
        i += b->size;
        if (i < 0) i = 0;
    }
    if (i > b->size) i = b->size;
    char ch = (char)c;
    if (bytearray_splice(self, (size_t)i, (size_t)i, &ch, 1) < 0) return VNULL;
    return VNone;
}

static Value ba_pop(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("pop", ARGS_CLINIC, 0, 1);
    ByteArrayObject *b = (ByteArrayObject *)self;
    ssize_t i = -1;
    if (nargs) {
        i = index_arg(args[0]);
        if (i == -1 && err_occurred()) return VNULL;
    }
    if (b->size == 0) {
        err_set(&exc_IndexError, "pop from empty bytearray");
        return VNULL;
    }
    if (i < 0) i += b->size;
    if (i < 0 || i >= b->size) {
        err_set(&exc_IndexError, "pop index out of range");
        return VNULL;
    }
    int c = (unsigned char)b->data[i];
    if (bytearray_splice(self, (size_t)i, (size_t)i + 1, NULL, 0) < 0) return VNULL;
    return val_from_int(c);
}

static Value ba_remove(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("remove", ARGS_SIMPLE, 1, 1);
    int c = bytes_byte_value(args[0]);
    if (c < 0) return VNULL;
    ByteArrayObject *b = (ByteArrayObject *)self;
    const char *p = b->size ? memchr(b->data, c, (size_t)b->size) : NULL;
    if (!p) {
        err_set(&exc_ValueError, "value not found in bytearray");
        return VNULL;
    }
    size_t i = (size_t)(p - b->data);
    if (bytearray_splice(self, i, i + 1, NULL, 0) < 0) return VNULL;
    return VNone;
}

static Value ba_clear(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("clear", ARGS_SIMPLE, 0, 0);
    if (bytearray_resize(self, 0) < 0) return VNULL;
    return VNone;
}

static Value ba_copy(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("copy", ARGS_SIMPLE, 0, 0);
    ByteArrayObject *b = (ByteArrayObject *)self;
    return bytearray_new(b->data, (size_t)b->size);
}

static Value ba_reverse(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("reverse", ARGS_SIMPLE, 0, 0);
    ByteArrayObject *b = (ByteArrayObject *)self;
    for (ssize_t i = 0, j = b->size - 1; i < j; i++, j--) {
        char t = b->data[i];
        b->data[i] = b->data[j];
        b->data[j] = t;
    }
    return VNone;
}

static Value ba_alloc(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("__alloc__", ARGS_SIMPLE, 0, 0);
    return val_from_int(((ByteArrayObject *)self)->alloc);
}

/* Pickling: (type, (latin-1 text, 'latin-1') or (bytes,), state), CPython's _common_reduce. */
static Value common_reduce(Value self, int64_t proto) {
    ByteArrayObject *b = (ByteArrayObject *)self;
    /* self.__getstate__(): the instance dict and __slots__ values, None without them. */
    Value state = obj_call_method(self, "__getstate__", NULL, 0);
    if (!state) return VNULL;
    Value type = obj_val(val_type(self)), args;
    if (b->size == 0) {
        args = tuple_empty();
    } else if (proto < 3) {
        Value text = bytes_decode(b->data, (size_t)b->size, "latin-1", NULL);
        Value enc = text ? str_intern_cstr("latin-1") : VNULL;
        args = enc ? tuple_pack(2, text, enc) : VNULL;
    } else {
        Value data = bytes_new(b->data, (size_t)b->size);
        args = data ? tuple_pack(1, data) : VNULL;
    }
    return args ? tuple_pack(3, type, args, state) : VNULL;
}

static Value ba_reduce(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("__reduce__", ARGS_SIMPLE, 0, 0);
    return common_reduce(self, 2);
}

static Value ba_reduce_ex(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("__reduce_ex__", ARGS_CLINIC, 0, 1);
    int64_t proto = 0;
    if (nargs) {
        if (!int_check(args[0])) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
            return VNULL;
        }
        proto = int_as_i64(args[0]);
        if (proto == -1 && err_occurred()) return VNULL;
    }
    return common_reduce(self, proto);
}

/* ---- Method tables ---- */

#define SHARED_METHODS                                                                                   \
    {"capitalize", b_capitalize, 0, "B.capitalize() -> copy of B with only its first character capitalized."}, \
    {"center", b_center, 0, "Return a centered string of length width."},                               \
    {"count", b_count, 0, "Return the number of non-overlapping occurrences of subsection sub."},       \
    {"decode", b_decode, 0, "Decode the bytes using the codec registered for encoding."},               \
    {"endswith", b_endswith, 0, "Return True if the bytes ends with the specified suffix."},            \
    {"expandtabs", b_expandtabs, 0, "Return a copy where all tab characters are expanded using spaces."}, \
    {"find", b_find, 0, "Return the lowest index where subsection sub is found."},                      \
    {"fromhex", b_fromhex, METH_CLASS, "Create an object from a string of hexadecimal numbers."},       \
    {"hex", b_hex, 0, "Create a string of hexadecimal numbers from the bytes."},                        \
    {"index", b_index, 0, "Return the lowest index where subsection sub is found; ValueError if not."}, \
    {"isalnum", b_isalnum_m, 0, "Return True if all characters are alphanumeric ASCII."},               \
    {"isalpha", b_isalpha_m, 0, "Return True if all characters are alphabetic ASCII."},                 \
    {"isascii", b_isascii_m, 0, "Return True if the bytes is empty or all bytes are ASCII."},           \
    {"isdigit", b_isdigit_m, 0, "Return True if all characters are ASCII digits."},                     \
    {"islower", b_islower_m, 0, "Return True if all cased characters are lowercase ASCII."},            \
    {"isspace", b_isspace_m, 0, "Return True if all characters are ASCII whitespace."},                 \
    {"istitle", b_istitle_m, 0, "Return True if the bytes is titlecased."},                             \
    {"isupper", b_isupper_m, 0, "Return True if all cased characters are uppercase ASCII."},            \
    {"join", b_join, 0, "Concatenate any number of bytes objects."},                                    \
    {"ljust", b_ljust, 0, "Return a left-justified string of length width."},                           \
    {"lower", b_lower_m, 0, "Return a copy with all ASCII characters converted to lowercase."},           \
    {"lstrip", b_lstrip, 0, "Strip leading bytes contained in the argument."},                          \
    {"maketrans", b_maketrans, METH_STATIC, "Return a translation table usable for translate()."},      \
    {"partition", b_partition, 0, "Partition the bytes into three parts using the given separator."},   \
    {"removeprefix", b_removeprefix, 0, "Return a bytes object with the given prefix removed if present."}, \
    {"removesuffix", b_removesuffix, 0, "Return a bytes object with the given suffix removed if present."}, \
    {"replace", b_replace, 0, "Return a copy with all occurrences of substring old replaced by new."},  \
    {"rfind", b_rfind, 0, "Return the highest index where subsection sub is found."},                   \
    {"rindex", b_rindex, 0, "Return the highest index where subsection sub is found; ValueError if not."}, \
    {"rjust", b_rjust, 0, "Return a right-justified string of length width."},                          \
    {"rpartition", b_rpartition, 0, "Partition the bytes into three parts using the given separator."}, \
    {"rsplit", b_rsplit, 0, "Return a list of the sections in the bytes, using sep as the delimiter."}, \
    {"rstrip", b_rstrip, 0, "Strip trailing bytes contained in the argument."},                         \
    {"split", b_split, 0, "Return a list of the sections in the bytes, using sep as the delimiter."},   \
    {"splitlines", b_splitlines, 0, "Return a list of the lines in the bytes, breaking at line boundaries."}, \
    {"startswith", b_startswith, 0, "Return True if the bytes starts with the specified prefix."},      \
    {"strip", b_strip, 0, "Strip leading and trailing bytes contained in the argument."},               \
    {"swapcase", b_swapcase, 0, "Swap the case of ASCII letters."},                                     \
    {"title", b_title, 0, "Return a titlecased version."},                                              \
    {"translate", b_translate, 0, "Return a copy with each character mapped by the given table."},      \
    {"upper", b_upper_m, 0, "Return a copy with all ASCII characters converted to uppercase."},           \
    {"zfill", b_zfill, 0, "Pad a numeric string with zeros on the left."}

const MethodDef bytes_methods_table[] = {
    SHARED_METHODS,
    {"__getnewargs__", b_getnewargs, 0, NULL},
    {"__bytes__", b_bytes, 0, "Convert this value to exact type bytes."},
    {NULL},
};

const MethodDef bytearray_methods_table[] = {
    SHARED_METHODS,
    {"append", ba_append, 0, "Append a single item to the end of the bytearray."},
    {"clear", ba_clear, 0, "Remove all items from the bytearray."},
    {"copy", ba_copy, 0, "Return a copy of B."},
    {"extend", ba_extend, 0, "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"insert", ba_insert, 0, "Insert a single item into the bytearray before the given index."},
    {"pop", ba_pop, 0, "Remove and return a single item from B."},
    {"remove", ba_remove, 0, "Remove the first occurrence of a value in the bytearray."},
    {"reverse", ba_reverse, 0, "Reverse the order of the values in B in place."},
    {"__alloc__", ba_alloc, 0, "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."},
    {"__reduce__", ba_reduce, 0, "Return state information for pickling."},
    {"__reduce_ex__", ba_reduce_ex, 0, "Return state information for pickling."},
    {"__sizeof__", b_sizeof, 0, "Returns the size of the bytearray object in memory, in bytes."},
    {NULL},
};
