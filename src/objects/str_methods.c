/* str_methods.c - the methods of str: searching, splitting, stripping, case mapping, padding, predicates. */
#include "str.h"
#include "str_internal.h"
#include "unicode_db.h"
#include "int.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "type.h"
#include "func.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <limits.h>

/*
 * Methods work on the UTF-8 bytes wherever the semantics allow it: a byte
 * search finds code-point-aligned matches (UTF-8 is self-synchronizing), so
 * find/split/replace/count never decode.  Code point indices appear only at
 * the API boundary (start/end arguments, returned positions), where
 * str_byte_offset converts them in O(1) amortized time.
 */

#define CHECK(qual, style, lo, hi)                                                             \
    do {                                                                                       \
        if (methargs_check(kwnames, nargs, qual, style, lo, hi) < 0) return VNULL;             \
    } while (0)

/* A result equal to self: self if it is an exact str, else a copy (as CPython). */
static Value same(Value self) { return str_exact(self); }

static ssize_t index_arg(Value v) {
    if (!num_check_index(v)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
        return -1;
    }
    return num_as_ssize(v, &exc_OverflowError);
}

/* ---- find, rfind, index, rindex, count ---- */

/* The common part of find/rfind/index/rindex/count: the needle and the
 * bounds as code point indices, and the matching byte range of self. */
typedef struct Range {
    Value sub;
    size_t start, end;   /* code points */
    size_t b0, b1;       /* bytes */
    bool empty;          /* start > end: nothing can match, not even "" */
} Range;

static int parse_range(const char *name, Value self, Value *args, size_t nargs, Value kwnames, Range *r) {
    if (methargs_check(kwnames, nargs, name, ARGS_OLD, 1, 3) < 0) return -1;
    /* CPython converts the bounds before it looks at the needle. */
    if (str_parse_bounds(nargs > 1 ? args[1] : VNULL, nargs > 2 ? args[2] : VNULL, str_len(self), &r->start,
                         &r->end) < 0)
        return -1;
    r->sub = args[0];
    if (!str_check(r->sub)) {
        err_format(&exc_TypeError, "must be str, not %s", type_name(r->sub));
        return -1;
    }
    r->empty = r->start > r->end;
    if (r->empty) return 0;
    r->b0 = str_byte_offset(self, r->start);
    r->b1 = str_byte_offset(self, r->end);
    return 0;
}

static ssize_t find_in(Value self, Range *r, bool reverse) {
    if (r->empty) return -1;
    const char *d = str_data(self) + r->b0;
    size_t n = r->b1 - r->b0;
    ssize_t at = reverse ? str_bytes_rfind(d, n, str_data(r->sub), str_size(r->sub))
                         : str_bytes_find(d, n, str_data(r->sub), str_size(r->sub));
    if (at < 0) return -1;
    return (ssize_t)(r->start + utf8_count(d, (size_t)at));
}

static Value str_find_m(Value self, Value *args, size_t nargs, Value kwnames) {
    Range r;
    if (parse_range("find", self, args, nargs, kwnames, &r) < 0) return VNULL;
    return val_from_int(find_in(self, &r, false));
}

static Value str_rfind_m(Value self, Value *args, size_t nargs, Value kwnames) {
    Range r;
    if (parse_range("rfind", self, args, nargs, kwnames, &r) < 0) return VNULL;
    return val_from_int(find_in(self, &r, true));
}

static Value str_index_m(Value self, Value *args, size_t nargs, Value kwnames) {
    Range r;
    if (parse_range("index", self, args, nargs, kwnames, &r) < 0) return VNULL;
    ssize_t i = find_in(self, &r, false);
    if (i < 0) {
        err_set(&exc_ValueError, "substring not found");
        return VNULL;
    }
    return val_from_int(i);
}

static Value str_rindex_m(Value self, Value *args, size_t nargs, Value kwnames) {
    Range r;
    if (parse_range("rindex", self, args, nargs, kwnames, &r) < 0) return VNULL;
    ssize_t i = find_in(self, &r, true);
    if (i < 0) {
        err_set(&exc_ValueError, "substring not found");
        return VNULL;
    }
    return val_from_int(i);
}

static Value str_count_m(Value self, Value *args, size_t nargs, Value kwnames) {
    Range r;
    if (parse_range("count", self, args, nargs, kwnames, &r) < 0) return VNULL;
    if (r.empty) return val_from_int(0);
    size_t ns = str_size(r.sub);
    if (ns == 0) return val_from_int((intptr_t)(r.end - r.start + 1));
    const char *d = str_data(self) + r.b0, *needle = str_data(r.sub);
    size_t n = r.b1 - r.b0, count = 0, pos = 0;
    for (;;) {
        ssize_t at = str_bytes_find(d + pos, n - pos, needle, ns);
        if (at < 0) break;
        count++;
        pos += (size_t)at + ns;
    }
    return val_from_int((intptr_t)count);
}

/* ---- startswith, endswith ---- */

/* Whether sub occurs at the start (or end) of self[start:end].  A byte
 * match that begins at a code point boundary also ends at one. */
static int tailmatch(Value self, Value sub, size_t start, size_t end, bool at_end) {
    if (start > end) return 0;
    size_t b0 = str_byte_offset(self, start), b1 = str_byte_offset(self, end), n = str_size(sub);
    if (b1 - b0 < n) return 0;
    return memcmp(str_data(self) + (at_end ? b1 - n : b0), str_data(sub), n) == 0;
}

static Value startsendswith(const char *name, bool at_end, Value self, Value *args, size_t nargs,
                            Value kwnames) {
    CHECK(name, ARGS_OLD, 1, 3);
    size_t start, end;
    if (str_parse_bounds(nargs > 1 ? args[1] : VNULL, nargs > 2 ? args[2] : VNULL, str_len(self), &start,
                         &end) < 0)
        return VNULL;
    Value x = args[0];
    if (tuple_check(x)) {
        for (ssize_t i = 0; i < tuple_size(x); i++) {
            Value sub = tuple_get(x, i);
            if (!str_check(sub)) {
                err_format(&exc_TypeError, "tuple for %s must only contain str, not %s", name, type_name(sub));
                return VNULL;
            }
            if (tailmatch(self, sub, start, end, at_end)) return VTrue;
        }
        return VFalse;
    }
    if (!str_check(x)) {
        err_format(&exc_TypeError, "%s first arg must be str or a tuple of str, not %s", name, type_name(x));
        return VNULL;
    }
    return val_bool(tailmatch(self, x, start, end, at_end));
}

static Value str_startswith_m(Value self, Value *args, size_t nargs, Value kwnames) {
    return startsendswith("startswith", false, self, args, nargs, kwnames);
}

static Value str_endswith_m(Value self, Value *args, size_t nargs, Value kwnames) {
    return startsendswith("endswith", true, self, args, nargs, kwnames);
}

/* ---- split, rsplit, splitlines, partition, rpartition ---- */

static int parse_split_args(const char *name, Value *args, size_t nargs, Value kwnames, Value *sep,
                            ssize_t *maxsplit) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    Value a[2];
    if (arg_parse(name, args, nargs, kwnames, names, 0, 0, a) < 0) return -1;
    /* maxsplit is converted by the argument parser, sep checked after. */
    *maxsplit = -1;
    if (a[1]) {
        *maxsplit = index_arg(a[1]);
        if (*maxsplit == -1 && err_occurred()) return -1;
    }
    *sep = a[0] && a[0] != VNone ? a[0] : VNULL;
    if (*sep && !str_check(*sep)) {
        err_format(&exc_TypeError, "must be str or None, not %s", type_name(*sep));
        return -1;
    }
    if (*sep && str_size(*sep) == 0) {
        err_set(&exc_ValueError, "empty separator");
        return -1;
    }
    if (*maxsplit < 0) *maxsplit = SSIZE_MAX;
    return 0;
}

static Value piece(Value self, const char *p, size_t n) {
    if (n == str_size(self) && str_check_exact(self)) return self;
    return str_new(p, n);
}

static Value str_split_m(Value self, Value *args, size_t nargs, Value kwnames) {
    Value sep;
    ssize_t maxsplit;
    if (parse_split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0) return VNULL;
    if (!sep) return str_split_whitespace(self, maxsplit);
    Value out = list_new(0);
    if (!out) return VNULL;
    const char *d = str_data(self), *sd = str_data(sep);
    size_t n = str_size(self), ns = str_size(sep), pos = 0;
    while (maxsplit-- > 0) {
        ssize_t at = str_bytes_find(d + pos, n - pos, sd, ns);
        if (at < 0) break;
        Value p = piece(self, d + pos, (size_t)at);
        if (!p || list_append(out, p) < 0) return VNULL;
        pos += (size_t)at + ns;
    }
    Value p = piece(self, d + pos, n - pos);
    if (!p || list_append(out, p) < 0) return VNULL;
    return out;
}

static inline uint32_t prev_cp(const char *d, size_t *off) {
    *off = utf8_prev(d, *off);
    const unsigned char *p = (const unsigned char *)d + *off;
    return utf8_decode(&p);
}

static Value str_rsplit_m(Value self, Value *args, size_t nargs, Value kwnames) {
    Value sep;
    ssize_t maxsplit;
    if (parse_split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0) return VNULL;
    Value out = list_new(0);
    if (!out) return VNULL;
    const char *d = str_data(self);
    size_t end = str_size(self);
    if (!sep) {
        /* Whitespace runs from the right. */
        for (;;) {
            size_t off = end;
            while (off > 0) {
                size_t o2 = off;
                if (!ucd_isspace(prev_cp(d, &o2))) break;
                off = o2;
            }
            end = off;
            if (end == 0) break;
            if (maxsplit-- == 0) {
                Value p = piece(self, d, end);
                if (!p || list_append(out, p) < 0) return VNULL;
                break;
            }
            size_t w = end;
            while (w > 0) {
                size_t o2 = w;
                if (ucd_isspace(prev_cp(d, &o2))) break;
                w = o2;
            }
            Value p = piece(self, d + w, end - w);
            if (!p || list_append(out, p) < 0) return VNULL;
            end = w;
        }
    } else {
        const char *sd = str_data(sep);
        size_t ns = str_size(sep);
        while (maxsplit-- > 0) {
            ssize_t at = str_bytes_rfind(d, end, sd, ns);
            if (at < 0) break;
            Value p = piece(self, d + at + ns, end - (size_t)at - ns);
            if (!p || list_append(out, p) < 0) return VNULL;
            end = (size_t)at;
        }
        Value p = piece(self, d, end);
        if (!p || list_append(out, p) < 0) return VNULL;
    }
    if (list_reverse(out) < 0) return VNULL;
    return out;
}

static Value str_splitlines_m(Value self, Value *args, size_t nargs, Value kwnames) {
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
    Value out = list_new(0);
    if (!out) return VNULL;
    const unsigned char *d = (const unsigned char *)str_data(self);
    size_t n = str_size(self), i = 0, line = 0;
    while (i < n) {
        unsigned char c = d[i];
        size_t l = 1, eol;
        bool brk;
        if (c < 0x80) {
            brk = c == '\n' || c == '\r' || (c >= 0x0b && c <= 0x0c) || (c >= 0x1c && c <= 0x1e);
        } else {
            const unsigned char *p = d + i;
            uint32_t cp = utf8_decode(&p);
            l = (size_t)(p - (d + i));
            brk = ucd_has(cp, UCD_LINEBREAK);
        }
        if (!brk) {
            i += l;
            continue;
        }
        eol = i;
        i += l;
        if (c == '\r' && i < n && d[i] == '\n') i++;
        Value p = piece(self, (const char *)d + line, (keep ? i : eol) - line);
        if (!p || list_append(out, p) < 0) return VNULL;
        line = i;
    }
    if (line < n) {
        Value p = piece(self, (const char *)d + line, n - line);
        if (!p || list_append(out, p) < 0) return VNULL;
    }
    return out;
}

static Value partition(const char *name, bool reverse, Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK(name, ARGS_SIMPLE, 1, 1);
    Value sep = args[0];
    if (!str_check(sep)) {
        err_format(&exc_TypeError, "must be str, not %s", type_name(sep));
        return VNULL;
    }
    if (str_size(sep) == 0) {
        err_set(&exc_ValueError, "empty separator");
        return VNULL;
    }
    const char *d = str_data(self);
    size_t n = str_size(self);
    ssize_t at = reverse ? str_bytes_rfind(d, n, str_data(sep), str_size(sep))
                         : str_bytes_find(d, n, str_data(sep), str_size(sep));
    Value empty = str_empty();
    if (at < 0) {
        Value s = same(self);
        if (!s) return VNULL;
        return reverse ? tuple_pack(3, empty, empty, s) : tuple_pack(3, s, empty, empty);
    }
    Value head = str_new(d, (size_t)at);
    if (!head) return VNULL;
    size_t t = (size_t)at + str_size(sep);
    Value tail = str_new(d + t, n - t);
    if (!tail) return VNULL;
    return tuple_pack(3, head, sep, tail);  /* the separator object itself, as CPython */
}

static Value str_partition_m(Value self, Value *args, size_t nargs, Value kwnames) {
    return partition("str.partition", false, self, args, nargs, kwnames);
}

static Value str_rpartition_m(Value self, Value *args, size_t nargs, Value kwnames) {
    return partition("str.rpartition", true, self, args, nargs, kwnames);
}

/* ---- join ---- */

static Value str_join_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("str.join", ARGS_SIMPLE, 1, 1);
    return str_join(self, args[0]);
}

/* ---- strip, lstrip, rstrip ---- */

enum { STRIP_LEFT = 1, STRIP_RIGHT = 2 };

static bool in_chars(uint32_t c, Value chars, const uint8_t *ascii_map) {
    if (!chars) return ucd_isspace(c);
    if (ascii_map && c < 128) return (ascii_map[c >> 3] >> (c & 7)) & 1;
    if (str_is_ascii(chars)) return false;
    const unsigned char *p = (const unsigned char *)str_data(chars), *end = p + str_size(chars);
    while (p < end)
        if (utf8_decode(&p) == c) return true;
    return false;
}

static Value do_strip(const char *name, int how, Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK(name, ARGS_CLINIC, 0, 1);
    Value chars = nargs ? args[0] : VNULL;
    if (chars == VNone) chars = VNULL;
    if (chars && !str_check(chars)) {
        err_format(&exc_TypeError, "%s arg must be None or str", name + 4);
        return VNULL;
    }
    uint8_t map[16] = {0};
    if (chars) {
        const unsigned char *p = (const unsigned char *)str_data(chars), *end = p + str_size(chars);
        while (p < end) {
            uint32_t c = utf8_decode(&p);
            if (c < 128) map[c >> 3] |= (uint8_t)(1 << (c & 7));
        }
    }
    const char *d = str_data(self);
    size_t lo = 0, hi = str_size(self);
    if (how & STRIP_LEFT) {
        while (lo < hi) {
            const unsigned char *p = (const unsigned char *)d + lo;
            uint32_t c = utf8_decode(&p);
            if (!in_chars(c, chars, map)) break;
            lo = (size_t)((const char *)p - d);
        }
    }
    if (how & STRIP_RIGHT) {
        while (hi > lo) {
            size_t o = hi;
            uint32_t c = prev_cp(d, &o);
            if (!in_chars(c, chars, map)) break;
            hi = o;
        }
    }
    if (lo == 0 && hi == str_size(self)) return same(self);
    return str_new(d + lo, hi - lo);
}

static Value str_strip_m(Value self, Value *args, size_t nargs, Value kwnames) {
    return do_strip("str.strip", STRIP_LEFT | STRIP_RIGHT, self, args, nargs, kwnames);
}
static Value str_lstrip_m(Value self, Value *args, size_t nargs, Value kwnames) {
    return do_strip("str.lstrip", STRIP_LEFT, self, args, nargs, kwnames);
}
static Value str_rstrip_m(Value self, Value *args, size_t nargs, Value kwnames) {
    return do_strip("str.rstrip", STRIP_RIGHT, self, args, nargs, kwnames);
}

/* ---- replace, removeprefix, removesuffix ---- */

static Value str_replace_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("str.replace", ARGS_CLINIC, 2, 3);
    Value old = args[0], new = args[1];
    if (!str_check(old)) {
        err_format(&exc_TypeError, "replace() argument 1 must be str, not %s", arg_type_name(old));
        return VNULL;
    }
    if (!str_check(new)) {
        err_format(&exc_TypeError, "replace() argument 2 must be str, not %s", arg_type_name(new));
        return VNULL;
    }
    ssize_t count = -1;
    if (nargs > 2) {
        count = index_arg(args[2]);
        if (count == -1 && err_occurred()) return VNULL;
    }
    if (count < 0) count = SSIZE_MAX;
    const char *d = str_data(self), *od = str_data(old), *nd = str_data(new);
    size_t n = str_size(self), no = str_size(old), nn = str_size(new);
    if (count == 0) return same(self);
    StrBuilder sb;
    sb_init(&sb);
    if (no == 0) {
        /* Insert `new` before every code point and at the end, count times. */
        size_t pos = 0;
        while (count > 0 && pos <= n) {
            sb_append_utf8(&sb, nd, nn, str_len(new));
            count--;
            if (pos == n) {
                pos++;
                break;
            }
            size_t l = utf8_seqlen((unsigned char)d[pos]);
            sb_append_utf8(&sb, d + pos, l, 1);
            pos += l;
        }
        if (pos < n) sb_append(&sb, d + pos, n - pos);
        return sb_finish(&sb);
    }
    sb_discard(&sb);
    /* Count the matches, then build the result in one exact allocation. */
    size_t matches = 0, pos = 0;
    while ((ssize_t)matches < count) {
        ssize_t at = str_bytes_find(d + pos, n - pos, od, no);
        if (at < 0) break;
        matches++;
        pos += (size_t)at + no;
    }
    if (!matches) return same(self);
    if (nn > no && matches > ((SIZE_MAX >> 2) - n) / (nn - no)) {
        err_no_memory();
        return VNULL;
    }
    size_t rsize = n - matches * no + matches * nn;
    size_t rlen = str_len(self) - matches * str_len(old) + matches * str_len(new);
    StrObject *r = str_alloc(rsize, rlen);
    if (!r) return VNULL;
    char *o = r->data;
    pos = 0;
    for (size_t k = 0; k < matches; k++) {
        size_t at = (size_t)str_bytes_find(d + pos, n - pos, od, no);
        memcpy(o, d + pos, at);
        memcpy(o + at, nd, nn);
        o += at + nn;
        pos += at + no;
    }
    memcpy(o, d + pos, n - pos);
    return obj_val(r);
}

static Value str_removeprefix_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("str.removeprefix", ARGS_SIMPLE, 1, 1);
    Value p = args[0];
    if (!str_check(p)) {
        err_format(&exc_TypeError, "removeprefix() argument must be str, not %s", arg_type_name(p));
        return VNULL;
    }
    size_t n = str_size(p);
    if (n <= str_size(self) && memcmp(str_data(self), str_data(p), n) == 0 && n)
        return str_new_len(str_data(self) + n, str_size(self) - n, str_len(self) - str_len(p));
    return same(self);
}

static Value str_removesuffix_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("str.removesuffix", ARGS_SIMPLE, 1, 1);
    Value p = args[0];
    if (!str_check(p)) {
        err_format(&exc_TypeError, "removesuffix() argument must be str, not %s", arg_type_name(p));
        return VNULL;
    }
    size_t n = str_size(p), sn = str_size(self);
    if (n && n <= sn && memcmp(str_data(self) + sn - n, str_data(p), n) == 0)
        return str_new_len(str_data(self), sn - n, str_len(self) - str_len(p));
    return same(self);
}

/* ---- Case mapping ---- */

enum CaseOp { C_LOWER, C_UPPER, C_FOLD, C_SWAP, C_CAPITALIZE, C_TITLE };

/* Greek capital sigma lowercases to final sigma at the end of a word:
 *   cased case-ignorable* SIGMA !(case-ignorable* cased)
 * `at` is the sigma's byte offset, `after` the offset following it. */
static uint32_t lower_sigma(const char *d, size_t n, size_t at, size_t after) {
    size_t off = at;
    uint32_t c = 0;
    bool found = false;
    while (off > 0) {
        c = prev_cp(d, &off);
        if (!ucd_has(c, UCD_CASE_IGNORABLE)) {
            found = true;
            break;
        }
    }
    if (!found || !ucd_has(c, UCD_CASED)) return 0x3C3;
    const unsigned char *p = (const unsigned char *)d + after, *end = (const unsigned char *)d + n;
    while (p < end) {
        c = utf8_decode(&p);
        if (!ucd_has(c, UCD_CASE_IGNORABLE)) return ucd_has(c, UCD_CASED) ? 0x3C3 : 0x3C2;
    }
    return 0x3C2;
}

static int lower_at(const char *d, size_t n, size_t at, size_t after, uint32_t c, uint32_t *out) {
    if (c == 0x3A3) {
        out[0] = lower_sigma(d, n, at, after);
        return 1;
    }
    return ucd_to_lower_full(c, out);
}

static Value case_map(Value self, enum CaseOp op) {
    const char *d = str_data(self);
    size_t n = str_size(self);
    if (str_is_ascii(self) && op <= C_SWAP) {
        StrObject *r = str_alloc(n, n);
        if (!r) return VNULL;
        size_t i = 0;
        /* Eight ASCII bytes at a time: flag the letters of the case to
         * change (bit 7 of each byte) and flip their 0x20 bit. */
        const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
        for (; i + 8 <= n; i += 8) {
            uint64_t w, flip = 0;
            memcpy(&w, d + i, 8);
            uint64_t up = ((w + (0x80 - 'A') * ones) ^ (w + (0x7f - 'Z') * ones)) & high;
            uint64_t low = ((w + (0x80 - 'a') * ones) ^ (w + (0x7f - 'z') * ones)) & high;
            if (op == C_LOWER || op == C_FOLD || op == C_SWAP) flip |= up;
            if (op == C_UPPER || op == C_SWAP) flip |= low;
            w ^= flip >> 2;
            memcpy(r->data + i, &w, 8);
        }
        for (; i < n; i++) {
            unsigned char c = (unsigned char)d[i];
            bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
            if ((op == C_LOWER || op == C_FOLD || op == C_SWAP) && up) c += 32;
            else if ((op == C_UPPER || op == C_SWAP) && low) c -= 32;
            r->data[i] = (char)c;
        }
        return obj_val(r);
    }
    StrBuilder sb;
    sb_init(&sb);
    const unsigned char *p = (const unsigned char *)d, *end = p + n;
    bool prev_cased = false, first = true;
    uint32_t out[UCD_MAX_MAPPING];
    while (p < end) {
        size_t at = (size_t)((const char *)p - d);
        uint32_t c = utf8_decode(&p);
        size_t after = (size_t)((const char *)p - d);
        int k;
        switch (op) {
        case C_LOWER: k = lower_at(d, n, at, after, c, out); break;
        case C_UPPER: k = ucd_to_upper_full(c, out); break;
        case C_FOLD: k = ucd_casefold_full(c, out); break;
        case C_SWAP:
            if (ucd_has(c, UCD_UPPER)) k = lower_at(d, n, at, after, c, out);
            else if (ucd_has(c, UCD_LOWER)) k = ucd_to_upper_full(c, out);
            else out[0] = c, k = 1;
            break;
        case C_CAPITALIZE:
            k = first ? ucd_to_title_full(c, out) : lower_at(d, n, at, after, c, out);
            break;
        default: /* C_TITLE */
            k = prev_cased ? lower_at(d, n, at, after, c, out) : ucd_to_title_full(c, out);
            prev_cased = ucd_has(c, UCD_CASED);
            break;
        }
        first = false;
        for (int i = 0; i < k; i++) sb_append_codepoint(&sb, out[i]);
    }
    return sb_finish(&sb);
}

#define CASE_METHOD(fname, pyname, op)                                        \
    static Value fname(Value self, Value *args, size_t nargs, Value kwnames) { \
        CHECK("str." pyname, ARGS_SIMPLE, 0, 0);                              \
        return case_map(self, op);                                            \
    }
CASE_METHOD(str_lower_m, "lower", C_LOWER)
CASE_METHOD(str_upper_m, "upper", C_UPPER)
CASE_METHOD(str_casefold_m, "casefold", C_FOLD)
CASE_METHOD(str_swapcase_m, "swapcase", C_SWAP)
CASE_METHOD(str_capitalize_m, "capitalize", C_CAPITALIZE)
CASE_METHOD(str_title_m, "title", C_TITLE)

/* ---- Predicates ---- */

/* True if every code point has one of `flags` (empty: `if_empty`). */
static Value all_have(Value self, uint32_t flags, bool if_empty) {
    if (str_len(self) == 0) return val_bool(if_empty);
    const unsigned char *p = (const unsigned char *)str_data(self), *end = p + str_size(self);
    while (p < end)
        if (!ucd_has(utf8_decode(&p), flags)) return VFalse;
    return VTrue;
}

#define PRED_METHOD(fname, pyname, flags, if_empty)                            \
    static Value fname(Value self, Value *args, size_t nargs, Value kwnames) { \
        CHECK("str." pyname, ARGS_SIMPLE, 0, 0);                              \
        return all_have(self, flags, if_empty);                               \
    }
PRED_METHOD(str_isalpha_m, "isalpha", UCD_ALPHA, false)
PRED_METHOD(str_isdecimal_m, "isdecimal", UCD_DECIMAL, false)
PRED_METHOD(str_isdigit_m, "isdigit", UCD_DIGIT, false)
PRED_METHOD(str_isnumeric_m, "isnumeric", UCD_NUMERIC, false)
PRED_METHOD(str_isalnum_m, "isalnum", UCD_ALPHA | UCD_DECIMAL | UCD_DIGIT | UCD_NUMERIC, false)
PRED_METHOD(str_isspace_m, "isspace", UCD_SPACE, false)
PRED_METHOD(str_isprintable_m, "isprintable", UCD_PRINTABLE, true)

static Value str_isascii_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("str.isascii", ARGS_SIMPLE, 0, 0);
    return val_bool(str_is_ascii(self));
}

/* islower: some cased character and no uppercase or titlecase one (isupper mirrored). */
static Value case_pred(Value self, uint32_t want, uint32_t reject) {
    const unsigned char *p = (const unsigned char *)str_data(self), *end = p + str_size(self);
    bool cased = false;
    while (p < end) {
        uint32_t f = ucd_record(utf8_decode(&p))->flags;
        if (f & reject) return VFalse;
        if (f & want) cased = true;
    }
    return val_bool(cased);
}

static Value str_islower_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("str.islower", ARGS_SIMPLE, 0, 0);
    return case_pred(self, UCD_LOWER, UCD_UPPER | UCD_TITLE);
}

static Value str_isupper_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("str.isupper", ARGS_SIMPLE, 0, 0);
    return case_pred(self, UCD_UPPER, UCD_LOWER | UCD_TITLE);
}

/* istitle: uppercase/titlecase only after uncased, lowercase only after cased. */
static Value str_istitle_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("str.istitle", ARGS_SIMPLE, 0, 0);
    const unsigned char *p = (const unsigned char *)str_data(self), *end = p + str_size(self);
    bool cased = false, prev_cased = false;
    while (p < end) {
        uint32_t f = ucd_record(utf8_decode(&p))->flags;
        if (f & (UCD_UPPER | UCD_TITLE)) {
            if (prev_cased) return VFalse;
            prev_cased = cased = true;
        } else if (f & UCD_LOWER) {
            if (!prev_cased) return VFalse;
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return val_bool(cased);
}

bool str_is_identifier(Value s) {
    const unsigned char *p = (const unsigned char *)str_data(s), *end = p + str_size(s);
    if (p == end || !ucd_has(utf8_decode(&p), UCD_XID_START)) return false;
    while (p < end)
        if (!ucd_has(utf8_decode(&p), UCD_XID_CONTINUE)) return false;
    return true;
}

static Value str_isidentifier_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("str.isidentifier", ARGS_SIMPLE, 0, 0);
    return val_bool(str_is_identifier(self));
}

/* ---- Padding: center, ljust, rjust, zfill, expandtabs ---- */

static int parse_pad(const char *name, Value *args, size_t nargs, Value kwnames, ssize_t *width, uint32_t *fill) {
    if (methargs_check(kwnames, nargs, name, ARGS_CLINIC, 1, 2) < 0) return -1;
    *width = index_arg(args[0]);
    if (*width == -1 && err_occurred()) return -1;
    *fill = ' ';
    if (nargs > 1) {
        Value f = args[1];
        if (!str_check(f)) {
            err_format(&exc_TypeError, "The fill character must be a unicode character, not %s", type_name(f));
            return -1;
        }
        if (str_len(f) != 1) {
            err_set(&exc_TypeError, "The fill character must be exactly one character long");
            return -1;
        }
        *fill = str_char_at(f, 0);
    }
    return 0;
}

static Value pad(Value self, size_t left, size_t right, uint32_t fill) {
    if (left == 0 && right == 0) return same(self);
    StrBuilder sb;
    sb_init(&sb);
    sb_append_repeat(&sb, fill, left);
    sb_append_str(&sb, self);
    sb_append_repeat(&sb, fill, right);
    return sb_finish(&sb);
}

static Value str_center_m(Value self, Value *args, size_t nargs, Value kwnames) {
    ssize_t width;
    uint32_t fill;
    if (parse_pad("str.center", args, nargs, kwnames, &width, &fill) < 0) return VNULL;
    ssize_t len = (ssize_t)str_len(self);
    if (width <= len) return same(self);
    ssize_t marg = width - len;
    /* CPython's rounding: the extra space goes left when both are odd. */
    ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, (size_t)left, (size_t)(marg - left), fill);
}

static Value str_ljust_m(Value self, Value *args, size_t nargs, Value kwnames) {
    ssize_t width;
    uint32_t fill;
    if (parse_pad("str.ljust", args, nargs, kwnames, &width, &fill) < 0) return VNULL;
    ssize_t len = (ssize_t)str_len(self);
    return pad(self, 0, width > len ? (size_t)(width - len) : 0, fill);
}

static Value str_rjust_m(Value self, Value *args, size_t nargs, Value kwnames) {
    ssize_t width;
    uint32_t fill;
    if (parse_pad("str.rjust", args, nargs, kwnames, &width, &fill) < 0) return VNULL;
    ssize_t len = (ssize_t)str_len(self);
    return pad(self, width > len ? (size_t)(width - len) : 0, 0, fill);
}

static Value str_zfill_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("str.zfill", ARGS_SIMPLE, 1, 1);
    ssize_t width = index_arg(args[0]);
    if (width == -1 && err_occurred()) return VNULL;
    ssize_t len = (ssize_t)str_len(self);
    if (width <= len) return same(self);
    size_t fill = (size_t)(width - len);
    const char *d = str_data(self);
    size_t n = str_size(self);
    StrObject *r = str_alloc(n + fill, (size_t)width);
    if (!r) return VNULL;
    size_t sign = n && (d[0] == '+' || d[0] == '-');
    memcpy(r->data, d, sign);
    memset(r->data + sign, '0', fill);
    memcpy(r->data + sign + fill, d + sign, n - sign);
    return obj_val(r);
}

static Value str_expandtabs_m(Value self, Value *args, size_t nargs, Value kwnames) {
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
    if (!memchr(str_data(self), '\t', str_size(self))) return same(self);
    StrBuilder sb;
    sb_init(&sb);
    const char *d = str_data(self);
    size_t n = str_size(self), col = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)d[i];
        if (c == '\t') {
            if (tab > 0) {
                size_t k = (size_t)tab - col % (size_t)tab;
                sb_append_repeat(&sb, ' ', k);
                col += k;
            }
            i++;
        } else {
            size_t l = utf8_seqlen(c);
            sb_append_utf8(&sb, d + i, l, 1);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
            i += l;
        }
    }
    return sb_finish(&sb);
}

/* ---- maketrans, translate ---- */

static Value str_maketrans_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("str.maketrans", ARGS_CLINIC, 1, 3);
    Value d = dict_new();
    if (!d) return VNULL;
    if (nargs == 1) {
        Value x = args[0];
        if (!dict_check(x)) {
            err_set(&exc_TypeError, "if you give only one argument to maketrans it must be a dict");
            return VNULL;
        }
        Value k, v;
        for (ssize_t pos = 0; dict_next(x, &pos, &k, &v);) {
            if (str_check(k)) {
                if (str_len(k) != 1) {
                    err_set(&exc_ValueError, "string keys in translate table must be of length 1");
                    return VNULL;
                }
                k = val_from_int(str_char_at(k, 0));
            } else if (!int_check(k)) {
                err_set(&exc_TypeError, "keys in translate table must be strings or integers");
                return VNULL;
            }
            if (dict_set(d, k, v) < 0) return VNULL;
        }
        return d;
    }
    /* Argument clinic checks y and z before the body looks at x. */
    Value x = args[0], y = args[1], z = nargs > 2 ? args[2] : VNULL;
    if (!str_check(y)) {
        err_format(&exc_TypeError, "maketrans() argument 2 must be str, not %s", arg_type_name(y));
        return VNULL;
    }
    if (z && !str_check(z)) {
        err_format(&exc_TypeError, "maketrans() argument 3 must be str, not %s", arg_type_name(z));
        return VNULL;
    }
    if (!str_check(x)) {
        err_set(&exc_TypeError, "first maketrans argument must be a string if there is a second argument");
        return VNULL;
    }
    if (str_len(x) != str_len(y)) {
        err_set(&exc_ValueError, "the first two maketrans arguments must have equal length");
        return VNULL;
    }
    const unsigned char *p = (const unsigned char *)str_data(x), *q = (const unsigned char *)str_data(y);
    for (size_t i = 0; i < str_len(x); i++) {
        uint32_t a = utf8_decode(&p), b = utf8_decode(&q);
        if (dict_set(d, val_from_int(a), val_from_int(b)) < 0) return VNULL;
    }
    if (z) {
        p = (const unsigned char *)str_data(z);
        for (size_t i = 0; i < str_len(z); i++)
            if (dict_set(d, val_from_int(utf8_decode(&p)), VNone) < 0) return VNULL;
    }
    return d;
}

/* What table[c] says: VNULL + no error = keep c; VNone = delete; else an int or str. */
static Value translate_lookup(Value table, uint32_t c) {
    Value r = obj_getitem(table, val_from_int(c));
    if (!r) {
        if (err_matches(&exc_LookupError)) err_clear();
        return VNULL;
    }
    if (r == VNone || str_check(r)) return r;
    if (int_check(r)) {
        int64_t v = int_as_i64(r);
        if ((v == -1 && err_occurred()) || v < 0 || v > 0x10FFFF) {
            err_clear();
            err_set(&exc_ValueError, "character mapping must be in range(0x110000)");
            return VNULL;
        }
        return r;
    }
    err_set(&exc_TypeError, "character mapping must return integer, None or str");
    return VNULL;
}

static Value str_translate_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("str.translate", ARGS_SIMPLE, 1, 1);
    Value table = args[0];
    /* Each ASCII character's answer is looked up once (CPython caches too). */
    Value cache[128] = {0};
    bool cached[128] = {0};
    StrBuilder sb;
    sb_init(&sb);
    const unsigned char *p = (const unsigned char *)str_data(self), *end = p + str_size(self);
    while (p < end) {
        uint32_t c = utf8_decode(&p);
        Value r;
        if (c < 128 && cached[c]) {
            r = cache[c];
        } else {
            r = translate_lookup(table, c);
            if (!r && err_occurred()) {
                sb_discard(&sb);
                return VNULL;
            }
            if (c < 128) {
                cache[c] = r;
                cached[c] = true;
            }
        }
        if (!r) sb_append_codepoint(&sb, c);
        else if (r == VNone) continue;
        else if (str_check(r)) sb_append_str(&sb, r);
        else sb_append_codepoint(&sb, (uint32_t)int_as_i64(r));
    }
    return sb_finish(&sb);
}

/* ---- Dunder methods without a slot ---- */

static Value str_getnewargs_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("str.__getnewargs__", ARGS_SIMPLE, 0, 0);
    /* A copy, as CPython's (_PyUnicode_Copy); the empty and one-character
     * strs stay the shared ones. */
    size_t size = str_size(self), len = str_len(self);
    if (len < 2) {
        Value s = str_exact(self);
        return s ? tuple_pack(1, s) : VNULL;
    }
    StrObject *c = str_alloc(size, len);
    if (!c) return VNULL;
    memcpy(c->data, str_data(self), size);
    return tuple_pack(1, obj_val(c));
}

static Value str_sizeof_m(Value self, Value *args, size_t nargs, Value kwnames) {
    CHECK("str.__sizeof__", ARGS_SIMPLE, 0, 0);
    return val_from_int((intptr_t)(sizeof(StrObject) + str_size(self) + 1));
}

const MethodDef str_methods_table[] = {
    {"encode", str_encode_m, 0,
     "Encode the string using the codec registered for encoding."},
    {"replace", str_replace_m, 0,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split", str_split_m, 0,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", str_rsplit_m, 0,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", str_join_m, 0, "Concatenate any number of strings."},
    {"capitalize", str_capitalize_m, 0, "Return a capitalized version of the string."},
    {"casefold", str_casefold_m, 0, "Return a version of the string suitable for caseless comparisons."},
    {"title", str_title_m, 0, "Return a version of the string where each word is titlecased."},
    {"center", str_center_m, 0, "Return a centered string of length width."},
    {"count", str_count_m, 0,
     "S.count(sub[, start[, end]]) -> int\n\n"
     "Return the number of non-overlapping occurrences of substring sub in\n"
     "string S[start:end]."},
    {"expandtabs", str_expandtabs_m, 0, "Return a copy where all tab characters are expanded using spaces."},
    {"find", str_find_m, 0,
     "S.find(sub[, start[, end]]) -> int\n\n"
     "Return the lowest index in S where substring sub is found,\n"
     "such that sub is contained within S[start:end]."},
    {"partition", str_partition_m, 0, "Partition the string into three parts using the given separator."},
    {"index", str_index_m, 0,
     "S.index(sub[, start[, end]]) -> int\n\n"
     "Return the lowest index in S where substring sub is found.\n"
     "Raises ValueError when the substring is not found."},
    {"ljust", str_ljust_m, 0, "Return a left-justified string of length width."},
    {"lower", str_lower_m, 0, "Return a copy of the string converted to lowercase."},
    {"lstrip", str_lstrip_m, 0, "Return a copy of the string with leading whitespace removed."},
    {"rfind", str_rfind_m, 0,
     "S.rfind(sub[, start[, end]]) -> int\n\n"
     "Return the highest index in S where substring sub is found."},
    {"rindex", str_rindex_m, 0,
     "S.rindex(sub[, start[, end]]) -> int\n\n"
     "Return the highest index in S where substring sub is found.\n"
     "Raises ValueError when the substring is not found."},
    {"rjust", str_rjust_m, 0, "Return a right-justified string of length width."},
    {"rstrip", str_rstrip_m, 0, "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", str_rpartition_m, 0, "Partition the string into three parts using the given separator."},
    {"splitlines", str_splitlines_m, 0, "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", str_strip_m, 0, "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", str_swapcase_m, 0, "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", str_translate_m, 0, "Replace each character in the string using the given translation table."},
    {"upper", str_upper_m, 0, "Return a copy of the string converted to uppercase."},
    {"startswith", str_startswith_m, 0,
     "S.startswith(prefix[, start[, end]]) -> bool\n\n"
     "Return True if S starts with the specified prefix, False otherwise."},
    {"endswith", str_endswith_m, 0,
     "S.endswith(suffix[, start[, end]]) -> bool\n\n"
     "Return True if S ends with the specified suffix, False otherwise."},
    {"removeprefix", str_removeprefix_m, 0, "Return a str with the given prefix string removed if present."},
    {"removesuffix", str_removesuffix_m, 0, "Return a str with the given suffix string removed if present."},
    {"isascii", str_isascii_m, 0, "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", str_islower_m, 0, "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", str_isupper_m, 0, "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", str_istitle_m, 0, "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", str_isspace_m, 0, "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", str_isdecimal_m, 0, "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", str_isdigit_m, 0, "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", str_isnumeric_m, 0, "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", str_isalpha_m, 0, "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", str_isalnum_m, 0, "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", str_isidentifier_m, 0,
     "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", str_isprintable_m, 0, "Return True if the string is printable, False otherwise."},
    {"zfill", str_zfill_m, 0, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", str_format_m, 0,
     "S.format(*args, **kwargs) -> str\n\n"
     "Return a formatted version of S, using substitutions from args and kwargs.\n"
     "The substitutions are identified by braces ('{' and '}')."},
    {"format_map", str_format_map_m, 0,
     "S.format_map(mapping) -> str\n\n"
     "Return a formatted version of S, using substitutions from mapping.\n"
     "The substitutions are identified by braces ('{' and '}')."},
    {"__format__", str_dunder_format_m, 0, "Return a formatted version of the string as described by format_spec."},
    {"maketrans", str_maketrans_m, METH_STATIC, "Return a translation table usable for str.translate()."},
    {"__sizeof__", str_sizeof_m, 0, "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", str_getnewargs_m, 0, NULL},
    {NULL},
};
