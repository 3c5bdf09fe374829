/* sre_engine.c - the regular-expression engine: character classes, program validation, search accelerators, matcher state. */
#include "sre.h"
#include "signal.h"
#include "../objects/unicode_db.h"

#include <limits.h>
#include <stdlib.h>

/* ---- UTF-8 ---- */

/* Sequence length by lead byte (continuation bytes never start a character; 1 keeps loops moving). */
const uint8_t sre_utf8_len[256] = {
#define R16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
    R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1),   /* 00..7F */
    R16(1), R16(1), R16(1), R16(1),                                   /* 80..BF */
    R16(2), R16(2),                                                   /* C0..DF */
    R16(3),                                                           /* E0..EF */
    4, 4, 4, 4, 4, 4, 4, 4, 1, 1, 1, 1, 1, 1, 1, 1,                   /* F0..FF */
#undef R16
};

/* Decode the multi-byte character at p (the text is valid generalized UTF-8). */
uint32_t sre_utf8_decode(const uint8_t *p) {
    uint32_t c = p[0];
    if (c < 0xE0) return ((c & 0x1F) << 6) | (p[1] & 0x3F);
    if (c < 0xF0) return ((c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

static int sre_utf8_encode(uint32_t c, uint8_t *out) {
    if (c < 0x80) { out[0] = (uint8_t)c; return 1; }
    if (c < 0x800) { out[0] = (uint8_t)(0xC0 | (c >> 6)); out[1] = (uint8_t)(0x80 | (c & 0x3F)); return 2; }
    if (c < 0x10000) {
        out[0] = (uint8_t)(0xE0 | (c >> 12));
        out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (uint8_t)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | (c >> 18));
    out[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (uint8_t)(0x80 | (c & 0x3F));
    return 4;
}

static uint8_t utf8_lead(uint32_t c) {
    uint8_t buf[4];
    sre_utf8_encode(c, buf);
    return buf[0];
}

/* ---- Case and character classes ---- */

/*
 * Case-insensitive matching compares lowercased characters: the compiler
 * stores the lowercase of each literal, the matcher lowercases the subject.
 * These are the *simple* (one character) mappings CPython's _sre uses;
 * RANGE_UNI_IGNORE also tries the uppercase, for ranges outside the BMP.
 * The locale variants assume the C locale, which is ASCII.
 */
uint32_t sre_lower_ascii(uint32_t ch) { return ch - 'A' < 26 ? ch + 32 : ch; }
static uint32_t sre_upper_ascii(uint32_t ch) { return ch - 'a' < 26 ? ch - 32 : ch; }
uint32_t sre_lower_locale(uint32_t ch) { return sre_lower_ascii(ch); }
static uint32_t sre_upper_locale(uint32_t ch) { return sre_upper_ascii(ch); }

uint32_t sre_lower_unicode(uint32_t ch) {
    if (ch < 128) return sre_lower_ascii(ch);
    return ucd_to_lower_simple(ch);
}

/* CPython's _PyUnicode_ToUppercase: the first character of the full mapping. */
uint32_t sre_upper_unicode(uint32_t ch) {
    if (ch < 128) return sre_upper_ascii(ch);
    uint32_t out[UCD_MAX_MAPPING];
    int n = ucd_to_upper_full(ch, out);
    return n > 0 ? out[0] : ch;
}

bool sre_ascii_iscased(uint32_t ch) { return ch < 128 && (ch | 32) - 'a' < 26; }
bool sre_unicode_iscased(uint32_t ch) { return ch != sre_lower_unicode(ch) || ch != sre_upper_unicode(ch); }

enum { A_DIGIT = 1, A_SPACE = 2, A_WORD = 4 };

/* ASCII classes, a constant table so that programs compiled before any match already see
 * them: \d is 0-9, \s is space and \t-\r, \w is letters, digits and '_'. */
#define D A_DIGIT
#define S A_SPACE
#define W A_WORD
static const uint8_t ascii_class[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, S, S, S, S, S, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    S, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    D|W, D|W, D|W, D|W, D|W, D|W, D|W, D|W, D|W, D|W, 0, 0, 0, 0, 0, 0,
    0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, W,
    0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0,
};
#undef D
#undef S
#undef W

static inline bool ascii_has(uint32_t ch, uint8_t f) { return ch < 128 && (ascii_class[ch] & f); }

static bool uni_word(uint32_t ch) {
    if (ch < 128) return ascii_class[ch] & A_WORD;
    return ucd_isalnum(ch);
}

bool sre_category(SreCode cat, uint32_t ch) {
    switch (cat) {
    case SRE_CATEGORY_DIGIT: return ascii_has(ch, A_DIGIT);
    case SRE_CATEGORY_NOT_DIGIT: return !ascii_has(ch, A_DIGIT);
    case SRE_CATEGORY_SPACE: return ascii_has(ch, A_SPACE);
    case SRE_CATEGORY_NOT_SPACE: return !ascii_has(ch, A_SPACE);
    case SRE_CATEGORY_WORD: return ascii_has(ch, A_WORD);
    case SRE_CATEGORY_NOT_WORD: return !ascii_has(ch, A_WORD);
    case SRE_CATEGORY_LINEBREAK: return ch == '\n';
    case SRE_CATEGORY_NOT_LINEBREAK: return ch != '\n';
    case SRE_CATEGORY_LOC_WORD: return ascii_has(ch, A_WORD);
    case SRE_CATEGORY_LOC_NOT_WORD: return !ascii_has(ch, A_WORD);
    case SRE_CATEGORY_UNI_DIGIT: return ch < 128 ? ascii_has(ch, A_DIGIT) : ucd_has(ch, UCD_DECIMAL);
    case SRE_CATEGORY_UNI_NOT_DIGIT: return !(ch < 128 ? ascii_has(ch, A_DIGIT) : ucd_has(ch, UCD_DECIMAL));
    case SRE_CATEGORY_UNI_SPACE: return ucd_isspace(ch);
    case SRE_CATEGORY_UNI_NOT_SPACE: return !ucd_isspace(ch);
    case SRE_CATEGORY_UNI_WORD: return uni_word(ch);
    case SRE_CATEGORY_UNI_NOT_WORD: return !uni_word(ch);
    case SRE_CATEGORY_UNI_LINEBREAK: return ucd_has(ch, UCD_LINEBREAK);
    case SRE_CATEGORY_UNI_NOT_LINEBREAK: return !ucd_has(ch, UCD_LINEBREAK);
    }
    return false;
}

/* Is ch in the set starting at `set` (the words after IN's skip, ending with FAILURE)? */
bool sre_in_charset(const SreCode *set, uint32_t ch) {
    bool ok = true;
    for (;;) {
        switch (*set++) {
        case SRE_OP_FAILURE:
            return !ok;
        case SRE_OP_LITERAL:
            if (ch == set[0]) return ok;
            set++;
            break;
        case SRE_OP_CATEGORY:
            if (sre_category(set[0], ch)) return ok;
            set++;
            break;
        case SRE_OP_CHARSET:
            /* A 256-bit bitmap in 8 words. */
            if (ch < 256 && (set[ch >> 5] & (1u << (ch & 31)))) return ok;
            set += 8;
            break;
        case SRE_OP_RANGE:
            if (set[0] <= ch && ch <= set[1]) return ok;
            set += 2;
            break;
        case SRE_OP_RANGE_UNI_IGNORE: {
            /* ch is already lowercased; its uppercase may be in the range too. */
            if (set[0] <= ch && ch <= set[1]) return ok;
            uint32_t uch = sre_upper_unicode(ch);
            if (set[0] <= uch && uch <= set[1]) return ok;
            set += 2;
            break;
        }
        case SRE_OP_NEGATE:
            ok = !ok;
            break;
        case SRE_OP_BIGCHARSET: {
            /* <count> <256 block numbers as bytes, 64 words> <count blocks of 8 words> */
            SreCode count = *set++;
            if (ch < 0x10000) {
                unsigned block = ((const uint8_t *)set)[ch >> 8];
                const SreCode *bits = set + 64 + block * 8;
                if (bits[(ch & 255) >> 5] & (1u << (ch & 31))) return ok;
            }
            set += 64 + count * 8;
            break;
        }
        default:
            return false;   /* sre_validate rules this out */
        }
    }
}

static bool charset_loc_ignore(const SreCode *set, uint32_t ch) {
    uint32_t lo = sre_lower_locale(ch);
    if (sre_in_charset(set, lo)) return true;
    uint32_t up = sre_upper_locale(ch);
    return up != lo && sre_in_charset(set, up);
}

static inline bool char_loc_ignore(uint32_t pattern, uint32_t ch) {
    return ch == pattern || sre_lower_locale(ch) == pattern || sre_upper_locale(ch) == pattern;
}

/* Does the single-character operator at pat accept ch? */
bool sre_char_ok(const SreCode *pat, uint32_t ch) {
    switch (pat[0]) {
    case SRE_OP_ANY: return ch != '\n';
    case SRE_OP_ANY_ALL: return true;
    case SRE_OP_LITERAL: return ch == pat[1];
    case SRE_OP_NOT_LITERAL: return ch != pat[1];
    case SRE_OP_LITERAL_IGNORE: return sre_lower_ascii(ch) == pat[1];
    case SRE_OP_NOT_LITERAL_IGNORE: return sre_lower_ascii(ch) != pat[1];
    case SRE_OP_LITERAL_UNI_IGNORE: return sre_lower_unicode(ch) == pat[1];
    case SRE_OP_NOT_LITERAL_UNI_IGNORE: return sre_lower_unicode(ch) != pat[1];
    case SRE_OP_LITERAL_LOC_IGNORE: return char_loc_ignore(pat[1], ch);
    case SRE_OP_NOT_LITERAL_LOC_IGNORE: return !char_loc_ignore(pat[1], ch);
    case SRE_OP_IN: return sre_in_charset(pat + 2, ch);
    case SRE_OP_IN_IGNORE: return sre_in_charset(pat + 2, sre_lower_ascii(ch));
    case SRE_OP_IN_UNI_IGNORE: return sre_in_charset(pat + 2, sre_lower_unicode(ch));
    case SRE_OP_IN_LOC_IGNORE: return charset_loc_ignore(pat + 2, ch);
    case SRE_OP_CATEGORY: return sre_category(pat[1], ch);
    }
    return false;
}

/* ---- The backtracking stack ---- */

enum {
    J_NONE, J_MAX_UNTIL_1, J_MAX_UNTIL_2, J_MAX_UNTIL_3, J_MIN_UNTIL_1, J_MIN_UNTIL_2, J_MIN_UNTIL_3,
    J_REPEAT, J_REPEAT_ONE_1, J_REPEAT_ONE_2, J_MIN_REPEAT_ONE, J_BRANCH, J_ASSERT, J_ASSERT_NOT,
    J_POSS_REPEAT_1, J_POSS_REPEAT_2, J_ATOMIC_GROUP,
};

/* One pending "call" of the matcher: what to resume with when its child returns. */
typedef struct Frame {
    const SreCode *pc;
    const uint8_t *ptr;
    ssize_t count;
    union {
        SreCode chr;   /* REPEAT_ONE: the literal the tail starts with */
        int rep;       /* REPEAT, *_UNTIL: index of the repeat record */
    } u;
    int lastmark, lastindex;
    int toplevel;      /* SUCCESS here ends the whole match (fullmatch/must_advance apply) */
    int jump;          /* where the parent resumes */
    ssize_t parent;    /* the parent's offset in the stack, -1 for the outermost frame */
} Frame;

_Static_assert(sizeof(Frame) % 8 == 0, "frames keep the stack 8-byte aligned");

#define FRAME_AT(st, pos) ((Frame *)((st)->stack + (pos)))

static NOINLINE int stack_grow(SreState *st, size_t need) {
    size_t cap = st->stack_cap * 2;
    while (cap < st->stack_top + need) cap *= 2;
    char *s;
    if (st->stack == st->inline_stack) {
        s = malloc(cap);
        if (s) memcpy(s, st->stack, st->stack_top);
    } else {
        s = realloc(st->stack, cap);
    }
    if (!s) return -1;
    st->stack = s;
    st->stack_cap = cap;
    return 0;
}

static inline int stack_push(SreState *st, const void *data, size_t size) {
    if (unlikely(st->stack_cap - st->stack_top < size) && stack_grow(st, size) < 0) return -1;
    memcpy(st->stack + st->stack_top, data, size);
    st->stack_top += size;
    return 0;
}

static inline void stack_pop(SreState *st, void *data, size_t size, bool discard) {
    memcpy(data, st->stack + st->stack_top - size, size);
    if (discard) st->stack_top -= size;
}

/* Push an uninitialized frame; its offset, or -1. */
static inline ssize_t frame_push(SreState *st) {
    if (unlikely(st->stack_cap - st->stack_top < sizeof(Frame)) && stack_grow(st, sizeof(Frame)) < 0) return -1;
    ssize_t pos = (ssize_t)st->stack_top;
    st->stack_top += sizeof(Frame);
    return pos;
}

/* A signal handler is due: run it, as CPython's matcher does every 4096 steps, so
 * Ctrl-C stops a runaway backtracking match.  0, or -1 with its exception. */
static NOINLINE int check_signals(void) {
    return signal_pending() ? signal_run_handlers() : 0;
}

static NOINLINE int repeats_grow(SreState *st) {
    int cap = st->caprepeats * 2;
    SreRepeat *r;
    if (st->repeats == st->inline_repeats) {
        r = malloc((size_t)cap * sizeof(SreRepeat));
        if (r) memcpy(r, st->repeats, (size_t)st->nrepeats * sizeof(SreRepeat));
    } else {
        r = realloc(st->repeats, (size_t)cap * sizeof(SreRepeat));
    }
    if (!r) return -1;
    st->repeats = r;
    st->caprepeats = cap;
    return 0;
}

/* ---- The matcher, once per encoding ---- */

#define SRE(name) name##_byte
#define SRE_UTF8 0
#include "sre_match.h"
#undef SRE
#undef SRE_UTF8

#define SRE(name) name##_utf8
#define SRE_UTF8 1
#include "sre_match.h"
#undef SRE
#undef SRE_UTF8

/* ---- State ---- */

int sre_state_init(SreState *st, int groups, const uint8_t *beginning, const uint8_t *start,
                   const uint8_t *end, bool utf8) {
    st->beginning = beginning;
    st->start = st->ptr = start;
    st->end = st->limit = end;
    st->utf8 = utf8;
    st->match_all = st->must_advance = false;
    st->nmarks = groups * 2;
    st->mark = st->inline_mark;
    if ((size_t)st->nmarks > ARRAY_LEN(st->inline_mark)) {
        st->mark = malloc((size_t)st->nmarks * sizeof(*st->mark));
        if (!st->mark) return -1;
    }
    st->stack = st->inline_stack;
    st->stack_cap = sizeof st->inline_stack;
    st->stack_top = 0;
    st->repeats = st->inline_repeats;
    st->caprepeats = (int)ARRAY_LEN(st->inline_repeats);
    st->nrepeats = 0;
    st->steps = 0;
    sre_state_reset(st);
    return 0;
}

void sre_state_reset(SreState *st) {
    st->lastmark = st->lastindex = -1;
    st->repeat = -1;
    st->nrepeats = 0;
    st->stack_top = 0;
}

void sre_state_fini(SreState *st) {
    if (st->mark != st->inline_mark) free(st->mark);
    if (st->stack != st->inline_stack) free(st->stack);
    if (st->repeats != st->inline_repeats) free(st->repeats);
    st->mark = st->inline_mark;
    st->stack = st->inline_stack;
    st->repeats = st->inline_repeats;
}

ssize_t sre_match(SreState *st, const SreProgram *prog) {
    st->prog = prog;
    st->ptr = st->start;
    return st->utf8 ? match_utf8(st, prog->code, 1) : match_byte(st, prog->code, 1);
}

ssize_t sre_search(SreState *st, const SreProgram *prog) {
    st->prog = prog;
    return st->utf8 ? search_utf8(st, prog) : search_byte(st, prog);
}

/* ---- Validation ---- */

/*
 * The matcher trusts the program: skips stay inside it, marks and group
 * references fit the mark array, repeats end in their UNTIL.  Programs
 * from re._compiler always pass; this guards against hand-made ones
 * given to _sre.compile (CPython raises RuntimeError for those too).
 */

typedef struct Validator {
    SreCode groups;
    int depth;
    const SreCode *code;
    uint32_t *sets;          /* offsets of operators that get a 256-bit table */
    size_t nsets, capsets;
    bool oom;
} Validator;

static void note_set(Validator *v, const SreCode *op) {
    if (!sre_has_table(*op)) return;
    if (v->nsets == v->capsets) {
        size_t cap = v->capsets ? v->capsets * 2 : 16;
        uint32_t *n = realloc(v->sets, cap * sizeof(uint32_t));
        if (!n) {
            v->oom = true;
            return;
        }
        v->sets = n;
        v->capsets = cap;
    }
    v->sets[v->nsets++] = (uint32_t)(op - v->code);
}

static bool valid_charset(const SreCode *c, const SreCode *end) {
    while (c < end) {
        switch (*c++) {
        case SRE_OP_FAILURE:
            return c == end;
        case SRE_OP_NEGATE:
            break;
        case SRE_OP_LITERAL:
            if (end - c < 1) return false;
            c++;
            break;
        case SRE_OP_CATEGORY:
            if (end - c < 1 || c[0] >= SRE_CATEGORY__COUNT) return false;
            c++;
            break;
        case SRE_OP_RANGE:
        case SRE_OP_RANGE_UNI_IGNORE:
            if (end - c < 2 || c[0] > c[1]) return false;
            c += 2;
            break;
        case SRE_OP_CHARSET:
            if (end - c < 8) return false;
            c += 8;
            break;
        case SRE_OP_BIGCHARSET: {
            if (end - c < 1 + 64) return false;
            SreCode count = c[0];
            const uint8_t *blocks = (const uint8_t *)(c + 1);
            for (int i = 0; i < 256; i++)
                if (blocks[i] >= count) return false;
            c += 1 + 64;
            if ((size_t)(end - c) / 8 < count) return false;
            c += (size_t)count * 8;
            break;
        }
        default:
            return false;
        }
    }
    return false;
}

static bool is_char_op(SreCode op) {
    switch (op) {
    case SRE_OP_ANY: case SRE_OP_ANY_ALL:
    case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL:
    case SRE_OP_LITERAL_IGNORE: case SRE_OP_NOT_LITERAL_IGNORE:
    case SRE_OP_LITERAL_UNI_IGNORE: case SRE_OP_NOT_LITERAL_UNI_IGNORE:
    case SRE_OP_LITERAL_LOC_IGNORE: case SRE_OP_NOT_LITERAL_LOC_IGNORE:
    case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
    case SRE_OP_CATEGORY:
        return true;
    }
    return false;
}

static bool valid_seq(Validator *v, const SreCode *c, const SreCode *end);

/* One single-character operator exactly filling [c, end). */
static bool valid_char_item(Validator *v, const SreCode *c, const SreCode *end) {
    if (end - c < 1 || !is_char_op(c[0])) return false;
    note_set(v, c);
    switch (c[0]) {
    case SRE_OP_ANY: case SRE_OP_ANY_ALL:
        return end - c == 1;
    case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
        return end - c >= 2 && c[1] >= 2 && (ssize_t)c[1] + 1 == end - c && valid_charset(c + 2, end);
    case SRE_OP_CATEGORY:
        return end - c == 2 && c[1] < SRE_CATEGORY__COUNT;
    default:
        return end - c == 2;
    }
}

/* [c, end) is a sequence of operators.  Skips are checked against `end` before use. */
static bool valid_seq(Validator *v, const SreCode *c, const SreCode *end) {
    if (++v->depth > 2000) return false;
    while (c < end) {
        SreCode op = *c++;
        ssize_t left = end - c;
        switch (op) {
        case SRE_OP_FAILURE: case SRE_OP_SUCCESS: case SRE_OP_ANY: case SRE_OP_ANY_ALL:
            break;
        case SRE_OP_MARK:
            if (left < 1 || c[0] >= 2 * v->groups) return false;
            c++;
            break;
        case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL:
        case SRE_OP_LITERAL_IGNORE: case SRE_OP_NOT_LITERAL_IGNORE:
        case SRE_OP_LITERAL_UNI_IGNORE: case SRE_OP_NOT_LITERAL_UNI_IGNORE:
        case SRE_OP_LITERAL_LOC_IGNORE: case SRE_OP_NOT_LITERAL_LOC_IGNORE:
            if (left < 1) return false;
            note_set(v, c - 1);
            c++;
            break;
        case SRE_OP_AT:
            if (left < 1 || c[0] >= SRE_AT__COUNT) return false;
            c++;
            break;
        case SRE_OP_CATEGORY:
            if (left < 1 || c[0] >= SRE_CATEGORY__COUNT) return false;
            note_set(v, c - 1);
            c++;
            break;
        case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
            if (left < 1 || c[0] < 2 || c[0] > (SreCode)left) return false;
            if (!valid_charset(c + 1, c + c[0])) return false;
            note_set(v, c - 1);
            c += c[0];
            break;
        case SRE_OP_INFO: {
            /* <skip> <flags> <min> <max> [<len> <skip> prefix overlap | charset] */
            if (left < 4 || c[0] < 4 || c[0] > (SreCode)left) return false;
            const SreCode *next = c + c[0];
            SreCode flags = c[1];
            if (flags & SRE_INFO_PREFIX) {
                if (next - c < 6) return false;
                SreCode plen = c[4], pskip = c[5];
                if (plen == 0 || pskip > plen || (size_t)(next - (c + 6)) < 2 * (size_t)plen) return false;
                for (SreCode i = 0; i < plen; i++)
                    if (c[6 + plen + i] > i) return false;   /* overlap table entries */
            } else if (flags & SRE_INFO_CHARSET) {
                if (!valid_charset(c + 4, next)) return false;
            }
            c = next;
            break;
        }
        case SRE_OP_JUMP:
            if (left < 1 || c[0] < 1 || c[0] > (SreCode)left) return false;
            c += c[0];
            break;
        case SRE_OP_BRANCH: {
            /* (<skip> alternative <JUMP> <to-after-branch>)* <0> */
            const SreCode *target = NULL;
            for (;;) {
                if (c >= end) return false;
                SreCode skip = c[0];
                if (skip == 0) break;
                if (skip < 3 || skip > (SreCode)(end - c)) return false;
                const SreCode *alt_end = c + skip;
                if (alt_end[-2] != SRE_OP_JUMP) return false;
                const SreCode *t = alt_end - 1 + alt_end[-1];
                if (alt_end[-1] < 1 || t > end) return false;
                if (target && t != target) return false;
                target = t;
                if (!valid_seq(v, c + 1, alt_end - 2)) return false;
                c = alt_end;
            }
            c++;                                    /* the terminating 0 (FAILURE) */
            if (target && target != c) return false;
            break;
        }
        case SRE_OP_REPEAT_ONE: case SRE_OP_MIN_REPEAT_ONE: case SRE_OP_POSSESSIVE_REPEAT_ONE: {
            /* <skip> <min> <max> item <SUCCESS> */
            if (left < 4 || c[0] < 4 || c[0] > (SreCode)left || c[1] > c[2]) return false;
            const SreCode *next = c + c[0];
            if (next[-1] != SRE_OP_SUCCESS || !valid_char_item(v, c + 3, next - 1)) return false;
            c = next;
            break;
        }
        case SRE_OP_REPEAT: case SRE_OP_POSSESSIVE_REPEAT: {
            /* <skip> <min> <max> body <MAX_UNTIL|MIN_UNTIL|SUCCESS> */
            if (left < 4 || c[0] < 3 || c[0] >= (SreCode)left || c[1] > c[2]) return false;
            const SreCode *until = c + c[0];
            if (op == SRE_OP_REPEAT ? (*until != SRE_OP_MAX_UNTIL && *until != SRE_OP_MIN_UNTIL)
                                    : *until != SRE_OP_SUCCESS)
                return false;
            if (!valid_seq(v, c + 3, until)) return false;
            c = until + 1;
            break;
        }
        case SRE_OP_ATOMIC_GROUP: {
            /* <skip> body <SUCCESS> */
            if (left < 2 || c[0] < 2 || c[0] > (SreCode)left) return false;
            const SreCode *next = c + c[0];
            if (next[-1] != SRE_OP_SUCCESS || !valid_seq(v, c + 1, next - 1)) return false;
            c = next;
            break;
        }
        case SRE_OP_GROUPREF: case SRE_OP_GROUPREF_IGNORE:
        case SRE_OP_GROUPREF_UNI_IGNORE: case SRE_OP_GROUPREF_LOC_IGNORE:
            if (left < 1 || c[0] >= v->groups) return false;
            c++;
            break;
        case SRE_OP_GROUPREF_EXISTS: {
            /* <group> <skip> yes [<JUMP> <skip> no] */
            if (left < 2 || c[0] >= v->groups || c[1] < 2 || c[1] > (SreCode)left) return false;
            const SreCode *yes = c + 2, *no = c + c[1];
            /* A JUMP before the skip target may be an argument word that
             * happens to equal JUMP ((?(1)\x0f)): the yes/no reading is tried
             * first, and the plain one if that fails, as CPython does. */
            if (no - yes >= 2 && no[-2] == SRE_OP_JUMP && no[-1] >= 1 && no - 1 + no[-1] <= end) {
                const SreCode *after = no - 1 + no[-1];
                size_t nsets = v->nsets;
                int depth = v->depth;
                if (valid_seq(v, yes, no - 2) && valid_seq(v, no, after)) {
                    c = after;
                    break;
                }
                v->nsets = nsets;
                v->depth = depth;
            }
            if (!valid_seq(v, yes, no)) return false;
            c = no;
            break;
        }
        case SRE_OP_ASSERT: case SRE_OP_ASSERT_NOT: {
            /* <skip> <back> body <SUCCESS> */
            if (left < 3 || c[0] < 3 || c[0] > (SreCode)left) return false;
            const SreCode *next = c + c[0];
            if (next[-1] != SRE_OP_SUCCESS || !valid_seq(v, c + 2, next - 1)) return false;
            c = next;
            break;
        }
        default:
            return false;
        }
    }
    v->depth--;
    return c == end;
}

int sre_validate(const SreCode *code, size_t len, int groups, uint32_t **sets, size_t *nsets) {
    *sets = NULL;
    *nsets = 0;
    if (len == 0 || code[len - 1] != SRE_OP_SUCCESS) return 0;
    Validator v = {(SreCode)groups, 0, code, NULL, 0, 0, false};
    bool ok = valid_seq(&v, code, code + len);
    if (!ok || v.oom) {
        free(v.sets);
        return v.oom ? -1 : 0;
    }
    *sets = v.sets;
    *nsets = v.nsets;
    return 1;
}

/* Fill a table per noted operator: bit b says whether it accepts character b. */
void sre_program_tables(SreProgram *prog, const uint32_t *sets, size_t nsets, uint32_t *cls, uint8_t (*ctab)[32]) {
    for (size_t k = 0; k < nsets; k++) {
        const SreCode *op = prog->code + sets[k];
        memset(ctab[k], 0, 32);
        for (uint32_t b = 0; b < 256; b++)
            if (sre_char_ok(op, b)) ctab[k][b >> 3] |= (uint8_t)(1u << (b & 7));
        cls[sets[k]] = (uint32_t)k + 1;
    }
    prog->cls = cls;
    prog->ctab = (const uint8_t(*)[32])ctab;
}

/* ---- Search accelerator: the bytes a match can start with ---- */

/*
 * For patterns without a literal prefix, sre_search would try a match at
 * every position.  When every match must begin with a character from a
 * known set (`\d+`, `[a-z]\w*`, `(?:cat|dog)s?`, `\bfoo`...), it instead
 * skips positions whose first byte cannot begin one.  first_byte serves
 * one-byte subjects; first_utf8 serves UTF-8 ones, where a non-ASCII
 * character is represented by its lead byte (conservatively).
 */

typedef struct FirstSet {
    uint8_t *byte, *utf8;
    int depth;
} FirstSet;

static void first_all_leads(FirstSet *fs) {
    for (int b = 0xC2; b <= 0xF4; b++) fs->utf8[b] = 1;
}

static void first_lead_range(FirstSet *fs, uint32_t lo, uint32_t hi) {
    if (hi < 0x80) return;
    if (lo < 0x80) lo = 0x80;
    if (hi > 0x10FFFF) hi = 0x10FFFF;
    for (int b = utf8_lead(lo); b <= utf8_lead(hi); b++) fs->utf8[b] = 1;
}

/* Add the characters the single-character operator at pat accepts. */
static void first_add_char_op(FirstSet *fs, const SreCode *pat) {
    for (uint32_t b = 0; b < 256; b++)
        if (sre_char_ok(pat, b)) {
            fs->byte[b] = 1;
            if (b < 0x80) fs->utf8[b] = 1;
        }
    switch (pat[0]) {
    case SRE_OP_LITERAL:
        first_lead_range(fs, pat[1], pat[1]);
        return;
    case SRE_OP_LITERAL_IGNORE:
    case SRE_OP_LITERAL_LOC_IGNORE:
        /* Only ASCII letters fold, so a non-ASCII literal matches only itself. */
        first_lead_range(fs, pat[1], pat[1]);
        return;
    case SRE_OP_IN: {
        /* A plain set of literals and ranges names its non-ASCII lead bytes exactly. */
        for (const SreCode *s = pat + 2;;) {
            switch (*s++) {
            case SRE_OP_FAILURE:
                return;
            case SRE_OP_LITERAL:
                first_lead_range(fs, s[0], s[0]);
                s++;
                continue;
            case SRE_OP_RANGE:
                first_lead_range(fs, s[0], s[1]);
                s += 2;
                continue;
            case SRE_OP_CHARSET:
                first_lead_range(fs, 0x80, 0xFF);
                s += 8;
                continue;
            default:
                first_all_leads(fs);
                return;
            }
        }
    }
    default:
        first_all_leads(fs);
        return;
    }
}

/* 1 if every match of [pc, end) consumes a first character, now added to fs; 0 if unknown. */
static int first_seq(FirstSet *fs, const SreCode *pc, const SreCode *end) {
    if (++fs->depth > 50) return 0;
    while (pc < end) {
        switch (pc[0]) {
        case SRE_OP_INFO:
        case SRE_OP_ASSERT:
        case SRE_OP_ASSERT_NOT:
            /* Zero-width: what follows provides the first character. */
            pc += 1 + pc[1];
            continue;
        case SRE_OP_MARK:
        case SRE_OP_AT:
            pc += 2;
            continue;
        case SRE_OP_REPEAT_ONE:
        case SRE_OP_MIN_REPEAT_ONE:
        case SRE_OP_POSSESSIVE_REPEAT_ONE:
            first_add_char_op(fs, pc + 4);
            if (pc[2] >= 1) return 1;
            pc += 1 + pc[1];
            continue;
        case SRE_OP_REPEAT:
        case SRE_OP_POSSESSIVE_REPEAT: {
            const SreCode *until = pc + 1 + pc[1];
            if (!first_seq(fs, pc + 4, until)) return 0;
            if (pc[2] >= 1) return 1;
            pc = until + 1;
            continue;
        }
        case SRE_OP_ATOMIC_GROUP: {
            const SreCode *next = pc + 1 + pc[1];
            return first_seq(fs, pc + 2, next - 1);
        }
        case SRE_OP_BRANCH: {
            const SreCode *c = pc + 1;
            for (; c[0]; c += c[0])
                if (!first_seq(fs, c + 1, c + c[0] - 2)) return 0;
            return 1;
        }
        default:
            if (is_char_op(pc[0])) {
                first_add_char_op(fs, pc);
                return 1;
            }
            return 0;   /* SUCCESS (may be empty), group references, conditionals */
        }
    }
    return 0;
}

void sre_program_analyze(SreProgram *prog) {
    prog->has_first = false;
    const SreCode *pc = prog->code, *end = prog->code + prog->len;
    if (pc[0] == SRE_OP_INFO) {
        if (pc[2] & SRE_INFO_PREFIX) return;    /* the prefix search is better */
        pc += 1 + pc[1];
    }
    if (pc[0] == SRE_OP_AT && (pc[1] == SRE_AT_BEGINNING || pc[1] == SRE_AT_BEGINNING_STRING))
        return;   /* the search tries one position anyway */
    memset(prog->first_byte, 0, sizeof prog->first_byte);
    memset(prog->first_utf8, 0, sizeof prog->first_utf8);
    FirstSet fs = {prog->first_byte, prog->first_utf8, 0};
    if (!first_seq(&fs, pc, end)) return;
    prog->has_first = true;
}
