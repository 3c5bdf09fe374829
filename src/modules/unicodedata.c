/* unicodedata.c - the unicodedata module: names, properties and normalization of Unicode 14.0.0, and ucd_3_2_0. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/buffer.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/unicode_db.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "unicodedata.h"
#include "unicodedata_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * The data lives in unicodedata_db.c, generated from CPython 3.11's own
 * answers (tools/gen_unicodedata.py); the general category and the
 * numeric values are shared with str through src/objects/unicode_db.c.
 *
 * Every function is written once and serves both the module (self is the
 * module: Unicode 14.0.0) and the unicodedata.UCD object ucd_3_2_0 (self
 * is that object), which answers as CPython's 3.2.0 database does: the
 * generator recorded each property that differs there, and a character
 * whose 3.2.0 category is Cn counts as unassigned (no name, no
 * decomposition), exactly CPython's "category_changed == 0" rule.
 */

typedef struct UcdObject {
    Object hdr;
    const char *version;
} UcdObject;

Type type_ucd;
static UcdObject ucd_3_2_0 = {{0, &type_ucd}, "3.2.0"};

static bool is_old(Value self) { return self == obj_val(&ucd_3_2_0); }

/* Unassigned in 3.2.0 although assigned now. */
static bool old_unassigned(uint32_t cp) { return udb_change(cp)->category == UCD_Cn; }

/* ---- Names ----
 *
 * The phrasebook stores the names of each block of 128 code points in
 * order; a name is a header byte (words shared with the previous name of
 * the block << 4 | new words) followed by lexicon indexes.  A cursor
 * replays a block up to the wanted name.
 */

#define SBASE 0xAC00
#define LBASE 0x1100
#define VBASE 0x1161
#define TBASE 0x11A7
#define LCOUNT 19
#define VCOUNT 21
#define TCOUNT 28
#define NCOUNT (VCOUNT * TCOUNT)
#define SCOUNT (LCOUNT * NCOUNT)
#define ALIAS_BASE 0xF0000u
#define SEQ_BASE 0xF0200u

/* The jamo short names by column (L, V, T), as CPython's table has them. */
static const char *const jamo[3][28] = {
    {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"},
    {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU",
     "EU", "YI", "I"},
    {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS",
     "S", "SS", "NG", "J", "C", "K", "T", "P", "H"},
};
static const int jamo_count[3] = {LCOUNT, VCOUNT, TCOUNT};

typedef struct NameCursor {
    const uint8_t *p;
    uint16_t words[16];
    int nwords;
} NameCursor;

static void cursor_next(NameCursor *c) {
    uint8_t h = *c->p++;
    c->nwords = h >> 4;
    for (int n = h & 15; n > 0; n--) {
        uint32_t w = *c->p++;
        if (w & 0x80) w = (w & 0x7F) << 8 | *c->p++;
        c->words[c->nwords++] = (uint16_t)w;
    }
}

static size_t cursor_text(const NameCursor *c, char *buf) {
    size_t n = 0;
    for (int i = 0; i < c->nwords; i++) {
        if (i) buf[n++] = ' ';
        uint32_t a = udb_lexicon_offset[c->words[i]], b = udb_lexicon_offset[c->words[i] + 1];
        memcpy(buf + n, udb_lexicon + a, b - a);
        n += b - a;
    }
    buf[n] = 0;
    return n;
}

static size_t stored_name(uint32_t cp, char *buf) {
    if (cp >= udb_name_limit) return 0;
    unsigned bi = udb_name_index[cp >> 7];
    if (!bi) return 0;
    const UdbNameBlock *b = &udb_name_blocks[bi - 1];
    unsigned bit = cp & 127;
    if (!(b->bits[bit >> 5] >> (bit & 31) & 1)) return 0;
    unsigned k = 0;
    for (unsigned w = 0; w < (bit >> 5); w++) k += (unsigned)__builtin_popcount(b->bits[w]);
    if (bit & 31) k += (unsigned)__builtin_popcount(b->bits[bit >> 5] & ((1u << (bit & 31)) - 1));
    NameCursor c = {udb_phrasebook + b->offset, {0}, 0};
    for (unsigned i = 0; i <= k; i++) cursor_next(&c);
    return cursor_text(&c, buf);
}

static bool is_cjk(uint32_t cp) {
    for (size_t i = 0; i < udb_ncjk_ranges; i++)
        if (cp >= udb_cjk_ranges[i].start && cp <= udb_cjk_ranges[i].end) return true;
    return false;
}

/* CPython's _getucname: `aliases` is its with_alias_and_seq, `old` selects 3.2.0. */
static size_t name_of(uint32_t cp, char *buf, bool aliases, bool old) {
    if (cp >= 0x110000) return 0;
    bool alias = cp >= ALIAS_BASE && cp < ALIAS_BASE + udb_naliases;
    bool seq = cp >= SEQ_BASE && cp < SEQ_BASE + udb_nnamed_seqs;
    if ((alias || seq) && (!aliases || old)) return 0;
    if (old && old_unassigned(cp)) return 0;
    if (cp >= SBASE && cp < SBASE + SCOUNT) {
        unsigned s = cp - SBASE;
        return (size_t)sprintf(buf, "HANGUL SYLLABLE %s%s%s", jamo[0][s / NCOUNT], jamo[1][s % NCOUNT / TCOUNT],
                               jamo[2][s % TCOUNT]);
    }
    if (is_cjk(cp)) return (size_t)sprintf(buf, "CJK UNIFIED IDEOGRAPH-%X", (unsigned)cp);
    if (alias) return (size_t)sprintf(buf, "%s", udb_aliases[cp - ALIAS_BASE].name);
    if (seq) return (size_t)sprintf(buf, "%s", udb_named_seqs[cp - SEQ_BASE].name);
    for (size_t i = 0; i < udb_nname_ranges; i++)
        if (cp >= udb_name_ranges[i].start && cp <= udb_name_ranges[i].end)
            return (size_t)sprintf(buf, "%s-%04X", udb_name_ranges[i].prefix, (unsigned)cp);
    return stored_name(cp, buf);
}

size_t unicodedata_name(uint32_t cp, char *buf, size_t cap, bool aliases) {
    if (cap < UNICODEDATA_NAME_CAP) return 0;
    return name_of(cp, buf, aliases, false);
}

/*
 * Name -> code point.  The stored names, the PREFIX-XXXX names, the
 * aliases and the named sequences go into a hash table on first use
 * (about 35,000 entries; a name is recomputed from its code point to
 * confirm a probe, so the table holds nothing but code points).  The keys
 * are upper-cased: CPython matches these names case-insensitively, but the
 * algorithmic Hangul and CJK names only in capitals.
 */
static uint32_t *name_hash;     /* code point + 1, 0: empty */
static uint32_t name_hash_mask;

static uint32_t hash_name(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'a' && c <= 'z') c -= 32;
        h = (h ^ c) * 16777619u;
    }
    return h;
}

static void hash_insert(const char *name, size_t n, uint32_t code) {
    uint32_t i = hash_name(name, n) & name_hash_mask;
    while (name_hash[i]) i = (i + 1) & name_hash_mask;
    name_hash[i] = code + 1;
}

static bool build_name_hash(void) {
    size_t count = udb_naliases + udb_nnamed_seqs;
    for (size_t i = 0; i < udb_nname_ranges; i++) count += udb_name_ranges[i].end - udb_name_ranges[i].start + 1;
    for (uint32_t b = 0; b <= (udb_name_limit >> 7); b++)
        if (udb_name_index[b])
            for (int w = 0; w < 4; w++) count += (size_t)__builtin_popcount(udb_name_blocks[udb_name_index[b] - 1].bits[w]);
    size_t size = 1;
    while (size < count * 2) size <<= 1;
    uint32_t *t = calloc(size, sizeof *t);
    if (!t) {
        err_no_memory();
        return false;
    }
    name_hash = t;
    name_hash_mask = (uint32_t)size - 1;
    char buf[UNICODEDATA_NAME_CAP];
    for (uint32_t b = 0; b <= (udb_name_limit >> 7); b++) {
        if (!udb_name_index[b]) continue;
        const UdbNameBlock *blk = &udb_name_blocks[udb_name_index[b] - 1];
        NameCursor c = {udb_phrasebook + blk->offset, {0}, 0};
        for (unsigned bit = 0; bit < 128; bit++) {
            if (!(blk->bits[bit >> 5] >> (bit & 31) & 1)) continue;
            cursor_next(&c);
            hash_insert(buf, cursor_text(&c, buf), b << 7 | bit);
        }
    }
    for (size_t i = 0; i < udb_nname_ranges; i++)
        for (uint32_t cp = udb_name_ranges[i].start; cp <= udb_name_ranges[i].end; cp++)
            hash_insert(buf, (size_t)sprintf(buf, "%s-%04X", udb_name_ranges[i].prefix, (unsigned)cp), cp);
    for (size_t i = 0; i < udb_naliases; i++)
        hash_insert(udb_aliases[i].name, strlen(udb_aliases[i].name), ALIAS_BASE + (uint32_t)i);
    for (size_t i = 0; i < udb_nnamed_seqs; i++)
        hash_insert(udb_named_seqs[i].name, strlen(udb_named_seqs[i].name), SEQ_BASE + (uint32_t)i);
    return true;
}

/* CPython's find_syllable: the longest jamo of the column that prefixes s. */
static int find_syllable(const char *s, size_t avail, int column, size_t *len) {
    int pos = -1;
    size_t best = 0;
    bool found = false;
    for (int i = 0; i < jamo_count[column]; i++) {
        size_t l = strlen(jamo[column][i]);
        if ((found && l <= best) || l > avail) continue;
        if (strncmp(s, jamo[column][i], l) == 0) {
            best = l;
            pos = i;
            found = true;
        }
    }
    *len = best;
    return pos;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/*
 * CPython's _getcode: 1 and *code when the name is known.  A named
 * sequence answers with its plane-15 marker, and only when with_seq; the
 * 3.2.0 database knows no aliases or named sequences and none of the names
 * of characters added since (except, as in CPython, the algorithmic ones).
 * -1 on a memory error.
 */
static int getcode(const char *name, size_t len, bool old, bool with_seq, uint32_t *code) {
    if (len >= 16 && strncmp(name, "HANGUL SYLLABLE ", 16) == 0) {
        const char *p = name + 16;
        size_t rest = len - 16, l;
        int idx[3];
        for (int col = 0; col < 3; col++) {
            idx[col] = find_syllable(p, rest, col, &l);
            p += l;
            rest -= l;
        }
        if (idx[0] < 0 || idx[1] < 0 || idx[2] < 0 || rest) return 0;
        *code = SBASE + (uint32_t)((idx[0] * VCOUNT + idx[1]) * TCOUNT + idx[2]);
        return 1;
    }
    if (len >= 22 && strncmp(name, "CJK UNIFIED IDEOGRAPH-", 22) == 0) {
        if (len != 26 && len != 27) return 0;
        uint32_t v = 0;
        for (size_t i = 22; i < len; i++) {
            int d = hexval(name[i]);
            if (d < 0) return 0;
            v = v * 16 + (uint32_t)d;
        }
        if (!is_cjk(v)) return 0;
        *code = v;
        return 1;
    }
    if (!name_hash && !build_name_hash()) return -1;
    char buf[UNICODEDATA_NAME_CAP];
    for (uint32_t i = hash_name(name, len) & name_hash_mask; name_hash[i]; i = (i + 1) & name_hash_mask) {
        uint32_t v = name_hash[i] - 1;
        size_t n = name_of(v, buf, true, old);
        if (n != len || strncasecmp(buf, name, len) != 0) continue;
        if (v >= SEQ_BASE && v < SEQ_BASE + udb_nnamed_seqs && !with_seq) return 0;
        if (v >= ALIAS_BASE && v < ALIAS_BASE + udb_naliases) v = udb_aliases[v - ALIAS_BASE].cp;
        *code = v;
        return 1;
    }
    return 0;
}

bool unicodedata_lookup(const char *name, size_t len, uint32_t *cp) {
    if (memchr(name, 0, len)) return false;
    int r = getcode(name, len, false, false, cp);
    if (r < 0) err_clear();
    return r > 0;
}

/* ---- Arguments ---- */

/* "unicodedata.category()" for the module, "UCD.category()" for ucd_3_2_0. */
static int check_one_arg(Value self, const char *fname, size_t nargs, Value kwnames) {
    if (kwnames && tuple_size(kwnames)) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs != 1) {
        err_format(&exc_TypeError, "%s.%s() takes exactly one argument (%zu given)",
                   is_old(self) ? "UCD" : "unicodedata", fname, nargs);
        return -1;
    }
    return 0;
}

/* Argument Clinic's positional-only count check. */
static int check_args(const char *fname, size_t nargs, Value kwnames, size_t min, size_t max) {
    if (kwnames && tuple_size(kwnames)) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs < min || nargs > max) {
        size_t n = nargs < min ? min : max;
        err_format(&exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname,
                   min == max ? "" : nargs < min ? "at least " : "at most ", n, n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* A one-character str argument; `argno` 0 for "argument", else "argument N". */
static bool get_char(const char *fname, int argno, Value v, uint32_t *cp) {
    if (!str_check(v) || str_len(v) != 1) {
        const char *tn = v == VNone ? "None" : type_name(v);
        if (argno) err_format(&exc_TypeError, "%s() argument %d must be a unicode character, not %s", fname, argno, tn);
        else err_format(&exc_TypeError, "%s() argument must be a unicode character, not %s", fname, tn);
        return false;
    }
    const unsigned char *p = (const unsigned char *)str_data(v);
    *cp = utf8_decode(&p);
    return true;
}

/* ---- Properties ---- */

static Value ud_category(Value self, Value *args, size_t nargs, Value kwnames) {
    uint32_t c;
    if (check_one_arg(self, "category", nargs, kwnames) < 0 || !get_char("category", 0, args[0], &c)) return VNULL;
    int cat = ucd_category(c);
    if (is_old(self) && udb_change(c)->category != 0xFF) cat = udb_change(c)->category;
    return str_from_cstr(ucd_category_names[cat]);
}

static Value ud_bidirectional(Value self, Value *args, size_t nargs, Value kwnames) {
    uint32_t c;
    if (check_one_arg(self, "bidirectional", nargs, kwnames) < 0 || !get_char("bidirectional", 0, args[0], &c))
        return VNULL;
    unsigned b = udb_props(c)->bidi;
    if (is_old(self) && udb_change(c)->bidi != 0xFF) b = udb_change(c)->bidi;
    return str_from_cstr(udb_bidi_names[b]);
}

static Value ud_combining(Value self, Value *args, size_t nargs, Value kwnames) {
    uint32_t c;
    if (check_one_arg(self, "combining", nargs, kwnames) < 0 || !get_char("combining", 0, args[0], &c)) return VNULL;
    unsigned v = udb_props(c)->combining;
    if (is_old(self) && udb_change(c)->combining != 0xFF) v = udb_change(c)->combining;
    return val_from_int((intptr_t)v);
}

static Value ud_mirrored(Value self, Value *args, size_t nargs, Value kwnames) {
    uint32_t c;
    if (check_one_arg(self, "mirrored", nargs, kwnames) < 0 || !get_char("mirrored", 0, args[0], &c)) return VNULL;
    unsigned v = udb_props(c)->mirrored;
    if (is_old(self) && udb_change(c)->mirrored != 0xFF) v = udb_change(c)->mirrored;
    return val_from_int((intptr_t)v);
}

static Value ud_east_asian_width(Value self, Value *args, size_t nargs, Value kwnames) {
    uint32_t c;
    if (check_one_arg(self, "east_asian_width", nargs, kwnames) < 0 ||
        !get_char("east_asian_width", 0, args[0], &c))
        return VNULL;
    unsigned v = udb_props(c)->eaw;
    if (is_old(self) && udb_change(c)->eaw != 0xFF) v = udb_change(c)->eaw;
    return str_from_cstr(udb_eaw_names[v]);
}

static Value ud_decomposition(Value self, Value *args, size_t nargs, Value kwnames) {
    uint32_t c;
    if (check_one_arg(self, "decomposition", nargs, kwnames) < 0 || !get_char("decomposition", 0, args[0], &c))
        return VNULL;
    if (is_old(self) && udb_change(c)->nodecomp) return str_empty();
    unsigned i = udb_decomp_index(c);
    if (!i) return str_empty();
    char buf[256];
    unsigned count = udb_decomp_data[i] >> 8;
    int n = sprintf(buf, "%s", udb_decomp_prefixes[udb_decomp_data[i] & 255]);
    for (unsigned k = 0; k < count; k++) n += sprintf(buf + n, "%s%04X", n ? " " : "", (unsigned)udb_decomp_data[i + 1 + k]);
    return str_new(buf, (size_t)n);
}

/* decimal(), digit() and numeric() share their shape: (chr[, default]). */
enum { NUM_DECIMAL, NUM_DIGIT, NUM_NUMERIC };
static Value number_of(Value self, Value *args, size_t nargs, Value kwnames, int kind) {
    static const char *const fnames[] = {"decimal", "digit", "numeric"};
    static const char *const errors[] = {"not a decimal", "not a digit", "not a numeric character"};
    const char *fname = fnames[kind];
    uint32_t c;
    if (check_args(fname, nargs, kwnames, 1, 2) < 0 || !get_char(fname, 1, args[0], &c)) return VNULL;
    const UdbChange *old = is_old(self) ? udb_change(c) : NULL;
    double v;
    if (kind == NUM_NUMERIC) {
        v = ucd_numeric(c);
        if (old && old->numeric != 0xFE) v = old->numeric == 0xFF ? -1.0 : udb_old_numerics[old->numeric];
    } else {
        int d = kind == NUM_DECIMAL ? ucd_decimal(c) : ucd_digit(c);
        uint8_t o = old ? (kind == NUM_DECIMAL ? old->decimal : old->digit) : 0xFF;
        if (o != 0xFF) d = o == 0xFE ? -1 : o;
        v = d;
    }
    if (v == -1.0) {
        if (nargs > 1) return args[1];
        err_set(&exc_ValueError, errors[kind]);
        return VNULL;
    }
    return kind == NUM_NUMERIC ? float_new(v) : val_from_int((intptr_t)v);
}

static Value ud_decimal(Value self, Value *args, size_t nargs, Value kwnames) {
    return number_of(self, args, nargs, kwnames, NUM_DECIMAL);
}
static Value ud_digit(Value self, Value *args, size_t nargs, Value kwnames) {
    return number_of(self, args, nargs, kwnames, NUM_DIGIT);
}
static Value ud_numeric(Value self, Value *args, size_t nargs, Value kwnames) {
    return number_of(self, args, nargs, kwnames, NUM_NUMERIC);
}

static Value ud_name(Value self, Value *args, size_t nargs, Value kwnames) {
    uint32_t c;
    if (check_args("name", nargs, kwnames, 1, 2) < 0 || !get_char("name", 1, args[0], &c)) return VNULL;
    char buf[UNICODEDATA_NAME_CAP];
    size_t n = name_of(c, buf, false, is_old(self));
    if (n) return str_new(buf, n);
    if (nargs > 1) return args[1];
    err_set(&exc_ValueError, "no such name");
    return VNULL;
}

static Value ud_lookup(Value self, Value *args, size_t nargs, Value kwnames) {
    if (check_one_arg(self, "lookup", nargs, kwnames) < 0) return VNULL;
    const char *name;
    size_t len;
    Buffer view = {0};
    if (str_check(args[0])) {
        name = str_data(args[0]);
        len = str_size(args[0]);
    } else {
        if (buffer_get(args[0], &view, BUF_SIMPLE) < 0) return VNULL;
        name = view.buf;
        len = (size_t)view.len;
    }
    Value r = VNULL;
    uint32_t code;
    int found;
    if (len > 256) {
        err_set(&exc_KeyError, "name too long");
    } else if ((found = getcode(name, len, is_old(self), true, &code)) > 0) {
        if (code >= SEQ_BASE && code < SEQ_BASE + udb_nnamed_seqs) {
            const UdbNamedSeq *s = &udb_named_seqs[code - SEQ_BASE];
            r = str_from_codepoints(udb_named_seq_data + s->start, s->len);
        } else {
            r = str_from_codepoint(code);
        }
    } else if (found == 0) {
        /* CPython formats the name as a C string: it ends at a NUL. */
        Value msg = str_printf("undefined character name '%.*s'", (int)strnlen(name, len), name);
        if (msg) {
            Value exc = err_new_exception(&exc_KeyError, &msg, 1);
            if (exc) err_set_object(exc);
        }
    }
    if (view.obj) buffer_release(&view);
    return r;
}

/* ---- Normalization ---- */

typedef struct Cps {
    uint32_t *v;
    size_t n, cap;
} Cps;

static bool cps_push(Cps *c, uint32_t x) {
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        uint32_t *v = realloc(c->v, cap * sizeof *v);
        if (!v) {
            err_no_memory();
            return false;
        }
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = x;
    return true;
}

static unsigned ccc(uint32_t cp) { return udb_props(cp)->combining; }

static uint32_t norm_fix(uint32_t cp) {
    for (size_t i = 0; i < udb_nnorm_fix; i++)
        if (udb_norm_fix[i][0] == cp) return udb_norm_fix[i][1];
    return 0;
}

/* CPython's nfd_nfkd: full decomposition, then its canonical-ordering pass. */
static bool decompose(const uint32_t *in, size_t n, bool k, bool old, Cps *out) {
    uint32_t stack[64];
    for (size_t i = 0; i < n; i++) {
        int sp = 0;
        stack[sp++] = in[i];
        while (sp) {
            uint32_t code = stack[--sp];
            if (code >= SBASE && code < SBASE + SCOUNT) {
                uint32_t s = code - SBASE, t = TBASE + s % TCOUNT;
                if (!cps_push(out, LBASE + s / NCOUNT) || !cps_push(out, VBASE + s % NCOUNT / TCOUNT)) return false;
                if (t != TBASE && !cps_push(out, t)) return false;
                continue;
            }
            if (old) {
                uint32_t fix = norm_fix(code);
                if (fix) {
                    stack[sp++] = fix;
                    continue;
                }
            }
            unsigned idx = old && old_unassigned(code) ? 0 : udb_decomp_index(code);
            unsigned count = udb_decomp_data[idx] >> 8, prefix = udb_decomp_data[idx] & 255;
            if (!count || (prefix && !k)) {
                if (!cps_push(out, code)) return false;
                continue;
            }
            while (count) stack[sp++] = udb_decomp_data[idx + count--];
        }
    }
    uint32_t *r = out->v;
    size_t len = out->n;
    if (len < 2) return true;
    unsigned prev = ccc(r[0]);
    for (size_t i = 1; i < len; i++) {
        unsigned cur = ccc(r[i]);
        if (prev == 0 || cur == 0 || prev <= cur) {
            prev = cur;
            continue;
        }
        /* Out of canonical order: move r[i] back past the higher classes. */
        ssize_t o = (ssize_t)i - 1;
        for (;;) {
            uint32_t tmp = r[o + 1];
            r[o + 1] = r[o];
            r[o] = tmp;
            o--;
            if (o < 0) break;
            prev = ccc(r[o]);
            if (prev == 0 || prev <= cur) break;
        }
        prev = ccc(r[i]);
    }
    return true;
}

/* The primary composite of (a, b), or 0. */
static uint32_t compose_pair(uint32_t a, uint32_t b) {
    size_t lo = 0, hi = udb_ncomp_pairs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const uint32_t *e = udb_comp_pairs[mid];
        if (e[0] < a || (e[0] == a && e[1] < b)) lo = mid + 1;
        else hi = mid;
    }
    return lo < udb_ncomp_pairs && udb_comp_pairs[lo][0] == a && udb_comp_pairs[lo][1] == b ? udb_comp_pairs[lo][2] : 0;
}

static bool composes_first(uint32_t a) {
    size_t lo = 0, hi = udb_ncomp_pairs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (udb_comp_pairs[mid][0] < a) lo = mid + 1;
        else hi = mid;
    }
    return lo < udb_ncomp_pairs && udb_comp_pairs[lo][0] == a;
}

/* CPython's nfc_nfkc over the decomposed text d (rewritten in place). */
static bool compose(Cps *d) {
    size_t len = d->n, o = 0, i = 0;
    uint32_t *s = d->v;
    bool *skipped = calloc(len ? len : 1, sizeof *skipped);
    uint32_t *out = malloc((len ? len : 1) * sizeof *out);
    if (!skipped || !out) {
        free(skipped);
        free(out);
        err_no_memory();
        return false;
    }
    while (i < len) {
        if (skipped[i]) {
            i++;
            continue;
        }
        uint32_t code = s[i];
        /* Hangul: the input is decomposed, so only <L, V> and <LV, T> occur. */
        if (code >= LBASE && code < LBASE + LCOUNT && i + 1 < len && s[i + 1] >= VBASE && s[i + 1] < VBASE + VCOUNT) {
            code = SBASE + ((code - LBASE) * VCOUNT + (s[i + 1] - VBASE)) * TCOUNT;
            i += 2;
            if (i < len && s[i] > TBASE && s[i] < TBASE + TCOUNT) code += s[i++] - TBASE;
            out[o++] = code;
            continue;
        }
        if (!composes_first(code)) {
            out[o++] = code;
            i++;
            continue;
        }
        /* Combine with each following unblocked character that pairs with the result. */
        unsigned comb = 0;
        out[o] = code;
        for (size_t i1 = i + 1; i1 < len; i1++) {
            uint32_t code1 = s[i1];
            unsigned comb1 = ccc(code1);
            if (comb) {
                if (comb1 == 0) break;
                if (comb >= comb1) continue;   /* blocked */
            }
            uint32_t c = compose_pair(out[o], code1);
            if (!c) {
                if (comb1 == 0) break;
                comb = comb1;
                continue;
            }
            out[o] = c;
            skipped[i1] = true;
            if (!composes_first(c)) break;
        }
        o++;
        i++;
    }
    free(skipped);
    memcpy(s, out, o * sizeof *out);
    free(out);
    d->n = o;
    return true;
}

/* The form named by a str: 0 NFC, 1 NFKC, 2 NFD, 3 NFKD; -1 with ValueError. */
static int form_of(Value form) {
    static const char *const forms[] = {"NFC", "NFKC", "NFD", "NFKD"};
    for (int i = 0; i < 4; i++)
        if (str_eq_cstr(form, forms[i])) return i;
    err_set(&exc_ValueError, "invalid normalization form");
    return -1;
}

static Value normalize_str(Value self, int form, Value s) {
    if (str_is_ascii(s)) return s;   /* every form leaves ASCII alone */
    size_t n = str_len(s);
    uint32_t *in = malloc(n * sizeof *in);
    if (!in) {
        err_no_memory();
        return VNULL;
    }
    const unsigned char *p = (const unsigned char *)str_data(s);
    for (size_t i = 0; i < n; i++) in[i] = utf8_decode(&p);
    Cps d = {0};
    bool ok = decompose(in, n, form == 1 || form == 3, is_old(self), &d) && (form >= 2 || compose(&d));
    free(in);
    Value r = VNULL;
    if (ok) {
        r = str_from_codepoints(d.v, d.n);
        if (r && str_eq(r, s)) r = s;
    }
    free(d.v);
    return r;
}

static bool get_norm_args(const char *fname, Value *args, size_t nargs, Value kwnames) {
    if (check_args(fname, nargs, kwnames, 2, 2) < 0) return false;
    for (int i = 0; i < 2; i++) {
        if (!str_check(args[i])) {
            err_format(&exc_TypeError, "%s() argument %d must be str, not %s", fname, i + 1,
                       args[i] == VNone ? "None" : type_name(args[i]));
            return false;
        }
    }
    return true;
}

static Value ud_normalize(Value self, Value *args, size_t nargs, Value kwnames) {
    if (!get_norm_args("normalize", args, nargs, kwnames)) return VNULL;
    if (str_len(args[1]) == 0) return args[1];
    int form = form_of(args[0]);
    return form < 0 ? VNULL : normalize_str(self, form, args[1]);
}

static Value ud_is_normalized(Value self, Value *args, size_t nargs, Value kwnames) {
    if (!get_norm_args("is_normalized", args, nargs, kwnames)) return VNULL;
    if (str_len(args[1]) == 0) return VTrue;
    int form = form_of(args[0]);
    if (form < 0) return VNULL;
    Value r = normalize_str(self, form, args[1]);
    return r ? val_bool(r == args[1] || str_eq(r, args[1])) : VNULL;
}

/* ---- The module and the UCD type ---- */

#define UD_FUNCTIONS                                                                                          \
    {"decimal", ud_decimal, 0,                                                                                \
     "Converts a Unicode character into its equivalent decimal value.\n\nReturns the decimal value assigned " \
     "to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\n" \
     "ValueError is raised."},                                                                                \
    {"digit", ud_digit, 0,                                                                                    \
     "Converts a Unicode character into its equivalent digit value.\n\nReturns the digit value assigned to " \
     "the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\n"   \
     "ValueError is raised."},                                                                                \
    {"numeric", ud_numeric, 0,                                                                                \
     "Converts a Unicode character into its equivalent numeric value.\n\nReturns the numeric value assigned " \
     "to the character chr as float.\nIf no such value is defined, default is returned, or, if not given,\n"  \
     "ValueError is raised."},                                                                                \
    {"category", ud_category, 0, "Returns the general category assigned to the character chr as string."},   \
    {"bidirectional", ud_bidirectional, 0,                                                                    \
     "Returns the bidirectional class assigned to the character chr as string.\n\nIf no such value is "       \
     "defined, an empty string is returned."},                                                                \
    {"combining", ud_combining, 0,                                                                            \
     "Returns the canonical combining class assigned to the character chr as integer.\n\nReturns 0 if no "    \
     "combining class is defined."},                                                                          \
    {"mirrored", ud_mirrored, 0,                                                                              \
     "Returns the mirrored property assigned to the character chr as integer.\n\nReturns 1 if the character " \
     "has been identified as a \"mirrored\"\ncharacter in bidirectional text, 0 otherwise."},                 \
    {"east_asian_width", ud_east_asian_width, 0,                                                              \
     "Returns the east asian width assigned to the character chr as string."},                                \
    {"decomposition", ud_decomposition, 0,                                                                    \
     "Returns the character decomposition mapping assigned to the character chr as string.\n\nAn empty "     \
     "string is returned in case no such mapping is defined."},                                               \
    {"is_normalized", ud_is_normalized, 0,                                                                    \
     "Return whether the Unicode string unistr is in the normal form 'form'.\n\nValid values for form are "   \
     "'NFC', 'NFKC', 'NFD', and 'NFKD'."},                                                                    \
    {"normalize", ud_normalize, 0,                                                                            \
     "Return the normal form 'form' for the Unicode string unistr.\n\nValid values for form are 'NFC', "      \
     "'NFKC', 'NFD', and 'NFKD'."},                                                                           \
    {"name", ud_name, 0,                                                                                      \
     "Returns the name assigned to the character chr as a string.\n\nIf no name is defined, default is "     \
     "returned, or, if not given,\nValueError is raised."},                                                   \
    {"lookup", ud_lookup, 0,                                                                                  \
     "Look up character by name.\n\nIf a character with the given name is found, return the\ncorresponding " \
     "character.  If not found, KeyError is raised."},

static const MethodDef ud_functions[] = {UD_FUNCTIONS{NULL}};
static const MethodDef ucd_methods[] = {UD_FUNCTIONS{NULL}};

static Value ucd_get_version(Value self) { return str_from_cstr(((UcdObject *)self)->version); }

static const GetSetDef ucd_getsets[] = {
    {"unidata_version", ucd_get_version, NULL, NULL},
    {NULL},
};

Type type_ucd = {
    .hdr = {0, &type_type},
    .name = "unicodedata.UCD",
    .basicsize = sizeof(UcdObject),
    .methods = ucd_methods,
    .getsets = ucd_getsets,
};

Value unicodedata_module_init(void) {
    type_ready(&type_ucd);
    Value m = module_new_cstr("unicodedata");
    if (!m || module_add_functions(m, ud_functions) < 0) return VNULL;
    if (module_add(m, "unidata_version", str_from_cstr("14.0.0")) < 0 ||
        module_add(m, "UCD", obj_val(&type_ucd)) < 0 || module_add(m, "ucd_3_2_0", obj_val(&ucd_3_2_0)) < 0 ||
        module_add(m, "__doc__",
                   str_from_cstr("This module provides access to the Unicode Character Database which\n"
                                 "defines character properties for all Unicode characters. The data in\n"
                                 "this database is based on the UnicodeData.txt file version\n"
                                 "14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\n"
                                 "The module uses the same names and symbols as defined by the\n"
                                 "UnicodeData File Format 14.0.0.")) < 0)
        return VNULL;
    return m;
}
