/* sre.h - the regular-expression engine's internal interface: opcodes, the match state, the matcher entry points. */
#ifndef TAIPAN_SRE_H
#define TAIPAN_SRE_H

#include "../base/common.h"

/*
 * CPython's `re` package (pure Python, run unchanged) parses a pattern and
 * compiles it into a list of 32-bit words: opcodes with their operands.
 * `_sre.compile` hands that list to us; the engine in sre_engine.c walks
 * it with a backtracking matcher whose "recursion" lives on a malloc'd
 * stack, so no input can exhaust the C stack.
 *
 * The numbering below must be exactly the order of OPCODES, ATCODES and
 * CHCODES in /usr/lib/python3.11/re/_constants.py; MAGIC (checked by
 * re._compiler at import) names that version of the table.
 */

#define SRE_MAGIC 20220615
#define SRE_CODESIZE 4
#define SRE_MAXREPEAT 0xFFFFFFFFu          /* "no upper bound" in repeat operands */
#define SRE_MAXGROUPS 0x3FFFFFFF           /* INT32_MAX / 2: group numbers fit marks in an int */

typedef uint32_t SreCode;

/* Opcodes.  Each entry: name, then the operand layout after the opcode. */
#define SRE_OPCODES(X)                                                              \
    X(FAILURE)              /* -: fail here */                                       \
    X(SUCCESS)              /* -: the (sub)pattern matched */                        \
    X(ANY)                  /* -: any character but \n */                            \
    X(ANY_ALL)              /* -: any character */                                   \
    X(ASSERT)               /* skip back pattern SUCCESS: lookahead/behind */        \
    X(ASSERT_NOT)           /* skip back pattern SUCCESS: negative look */           \
    X(AT)                   /* atcode: an anchor */                                  \
    X(BRANCH)               /* (skip alt JUMP)* FAILURE: alternation */              \
    X(CATEGORY)             /* chcode: a character class like \d (in sets) */        \
    X(CHARSET)              /* 8 words: a 256-bit bitmap (in sets) */                \
    X(BIGCHARSET)           /* n, 64 words of block numbers, n*8 words (in sets) */  \
    X(GROUPREF)             /* group: a backreference */                             \
    X(GROUPREF_EXISTS)      /* group skip yes [JUMP skip no]: (?(g)yes|no) */        \
    X(IN)                   /* skip set FAILURE: a character set */                  \
    X(INFO)                 /* skip flags min max [prefix or charset] */             \
    X(JUMP)                 /* skip */                                               \
    X(LITERAL)              /* ch */                                                 \
    X(MARK)                 /* n: record the position as mark n */                   \
    X(MAX_UNTIL)            /* -: end of a greedy REPEAT body */                     \
    X(MIN_UNTIL)            /* -: end of a lazy REPEAT body */                       \
    X(NOT_LITERAL)          /* ch */                                                 \
    X(NEGATE)               /* -: invert the set (in sets) */                        \
    X(RANGE)                /* lo hi (in sets) */                                    \
    X(REPEAT)               /* skip min max body MAX_UNTIL|MIN_UNTIL */              \
    X(REPEAT_ONE)           /* skip min max item SUCCESS: greedy single-char */      \
    X(SUBPATTERN)           /* (parser only) */                                      \
    X(MIN_REPEAT_ONE)       /* skip min max item SUCCESS: lazy single-char */        \
    X(ATOMIC_GROUP)         /* skip pattern SUCCESS: (?>...) */                      \
    X(POSSESSIVE_REPEAT)    /* skip min max body SUCCESS: (...)*+ */                 \
    X(POSSESSIVE_REPEAT_ONE) /* skip min max item SUCCESS: x*+ */                    \
    X(GROUPREF_IGNORE)      /* group: ASCII case-insensitive */                      \
    X(IN_IGNORE)            /* skip set FAILURE */                                   \
    X(LITERAL_IGNORE)       /* ch (lowercased) */                                    \
    X(NOT_LITERAL_IGNORE)   /* ch */                                                 \
    X(GROUPREF_LOC_IGNORE)  /* group: locale case-insensitive */                     \
    X(IN_LOC_IGNORE)        /* skip set FAILURE */                                   \
    X(LITERAL_LOC_IGNORE)   /* ch */                                                 \
    X(NOT_LITERAL_LOC_IGNORE) /* ch */                                               \
    X(GROUPREF_UNI_IGNORE)  /* group: Unicode case-insensitive */                    \
    X(IN_UNI_IGNORE)        /* skip set FAILURE */                                   \
    X(LITERAL_UNI_IGNORE)   /* ch (lowercased) */                                    \
    X(NOT_LITERAL_UNI_IGNORE) /* ch */                                               \
    X(RANGE_UNI_IGNORE)     /* lo hi: matches ch or upper(ch) (in sets) */

enum {
#define X(name) SRE_OP_##name,
    SRE_OPCODES(X)
#undef X
    SRE_OP__COUNT
};
_Static_assert(SRE_OP_RANGE_UNI_IGNORE == 42, "opcode table out of step with re/_constants.py");

/* Anchors (the operand of AT). */
#define SRE_ATCODES(X)                                                        \
    X(BEGINNING) X(BEGINNING_LINE) X(BEGINNING_STRING)                        \
    X(BOUNDARY) X(NON_BOUNDARY)                                               \
    X(END) X(END_LINE) X(END_STRING)                                          \
    X(LOC_BOUNDARY) X(LOC_NON_BOUNDARY)                                       \
    X(UNI_BOUNDARY) X(UNI_NON_BOUNDARY)
enum {
#define X(name) SRE_AT_##name,
    SRE_ATCODES(X)
#undef X
    SRE_AT__COUNT
};

/* Character categories (the operand of CATEGORY). */
#define SRE_CHCODES(X)                                                        \
    X(DIGIT) X(NOT_DIGIT) X(SPACE) X(NOT_SPACE)                               \
    X(WORD) X(NOT_WORD) X(LINEBREAK) X(NOT_LINEBREAK)                         \
    X(LOC_WORD) X(LOC_NOT_WORD)                                               \
    X(UNI_DIGIT) X(UNI_NOT_DIGIT) X(UNI_SPACE) X(UNI_NOT_SPACE)               \
    X(UNI_WORD) X(UNI_NOT_WORD) X(UNI_LINEBREAK) X(UNI_NOT_LINEBREAK)
enum {
#define X(name) SRE_CATEGORY_##name,
    SRE_CHCODES(X)
#undef X
    SRE_CATEGORY__COUNT
};
_Static_assert(SRE_CATEGORY_UNI_NOT_LINEBREAK == 17, "category table out of step with re/_constants.py");

/* Pattern flags (re.I ...) and INFO flags. */
enum {
    SRE_FLAG_TEMPLATE = 1, SRE_FLAG_IGNORECASE = 2, SRE_FLAG_LOCALE = 4,
    SRE_FLAG_MULTILINE = 8, SRE_FLAG_DOTALL = 16, SRE_FLAG_UNICODE = 32,
    SRE_FLAG_VERBOSE = 64, SRE_FLAG_DEBUG = 128, SRE_FLAG_ASCII = 256,
};
enum { SRE_INFO_PREFIX = 1, SRE_INFO_LITERAL = 2, SRE_INFO_CHARSET = 4 };

/*
 * The subject is walked as bytes.  A bytes-like subject and an ASCII str
 * are one byte per character; a non-ASCII str is matched in place as
 * (generalized) UTF-8, one to four bytes per character, so no call ever
 * decodes the whole string first: `pattern.match(text, pos)` in a loop
 * over a long text stays linear.  All positions inside the engine
 * (marks, state pointers) are byte pointers; the module converts them to
 * code point indices only when a Match is built.
 */
typedef struct SreRepeat {
    ssize_t count;              /* iterations done so far (-1 before the first) */
    const SreCode *pattern;     /* the REPEAT's operands: skip, min, max, body */
    const uint8_t *last_ptr;    /* where the last iteration started: zero-width guard */
    int prev;                   /* the enclosing repeat, -1 for none */
} SreRepeat;

typedef struct SreProgram SreProgram;

typedef struct SreState {
    const SreProgram *prog;     /* what is running */
    const uint8_t *beginning;   /* the whole subject: lookbehind and \b may look before start */
    const uint8_t *start;       /* where this search or match begins */
    const uint8_t *end;         /* endpos: nothing at or after it is seen */
    const uint8_t *limit;       /* the end of the subject (>= end); see SRE_AT_END_LINE */
    const uint8_t *ptr;         /* in: where to match; out: the end of the match */
    bool utf8;                  /* the subject is a non-ASCII str */
    bool match_all;             /* fullmatch: the top level must end at `end` */
    bool must_advance;          /* finditer/sub after an empty match: no empty match at start */
    int lastmark;               /* highest valid index into mark, -1 for none */
    int lastindex;              /* the last group closed, -1 for none */
    int nmarks;                 /* 2 * the pattern's group count */
    const uint8_t **mark;       /* group boundaries; NULL: not reached */
    int repeat;                 /* the innermost active REPEAT (index into repeats), -1 for none */
    SreRepeat *repeats;
    int nrepeats, caprepeats;
    unsigned steps;             /* frames entered: signals are checked every 4096 */
    char *stack;                /* frames and saved marks of the backtracking matcher */
    size_t stack_top, stack_cap;
    /* Small matches never touch malloc: these hold the first marks, frames and repeats. */
    const uint8_t *inline_mark[20];
    SreRepeat inline_repeats[8];
    char inline_stack[2048] __attribute__((aligned(16)));
} SreState;

/* A compiled program and what the searcher precomputes about it (sre_program_analyze). */
struct SreProgram {
    const SreCode *code;
    size_t len;
    /* Single-character operators (sets, case-insensitive literals, categories) are
     * tested through a 256-bit table: by byte for one-byte subjects, for ASCII in
     * UTF-8 ones.  cls[i] is 1 + the table of the operator at code[i], 0 if none. */
    const uint32_t *cls;
    const uint8_t (*ctab)[32];
    bool has_first;             /* every match starts with a character the tables admit */
    uint8_t first_byte[256];    /* one-byte subjects: 1 if a match may start with this byte */
    uint8_t first_utf8[256];    /* UTF-8 subjects: by lead byte */
};

/* Errors the matcher returns (negative), besides 0 = no match, 1 = match. */
enum { SRE_ERROR_MEMORY = -9, SRE_ERROR_INTERRUPTED = -10, SRE_ERROR_ILLEGAL = -1, SRE_ERROR_STATE = -2 };

/* Prepare st for a pattern with `groups` groups over [beginning, end). 0 or -1 (MemoryError). */
int sre_state_init(SreState *st, int groups, const uint8_t *beginning, const uint8_t *start,
                   const uint8_t *end, bool utf8);
void sre_state_reset(SreState *st);    /* forget marks and repeats before another attempt */
void sre_state_fini(SreState *st);

/* Match at st->start (anchored), or search from st->start.  1, 0, or an SRE_ERROR.
 * On success st->start..st->ptr is the match and the marks hold the groups. */
ssize_t sre_match(SreState *st, const SreProgram *prog);
ssize_t sre_search(SreState *st, const SreProgram *prog);
void sre_program_analyze(SreProgram *prog);   /* fill in the search tables */

/* Check that a compiled program is well-formed, so the matcher may trust it: 1 valid,
 * 0 invalid, -1 out of memory.  *sets receives (malloc'd) the offsets of the operators
 * sre_program_tables makes tables for. */
int sre_validate(const SreCode *code, size_t len, int groups, uint32_t **sets, size_t *nsets);
void sre_program_tables(SreProgram *prog, const uint32_t *sets, size_t nsets, uint32_t *cls, uint8_t (*ctab)[32]);

/* Character helpers shared with the module (_sre.unicode_tolower ...). */
uint32_t sre_lower_ascii(uint32_t ch);
uint32_t sre_lower_locale(uint32_t ch);
uint32_t sre_lower_unicode(uint32_t ch);
uint32_t sre_upper_unicode(uint32_t ch);
bool sre_ascii_iscased(uint32_t ch);
bool sre_unicode_iscased(uint32_t ch);
bool sre_category(SreCode category, uint32_t ch);
bool sre_in_charset(const SreCode *set, uint32_t ch);
bool sre_char_ok(const SreCode *op, uint32_t ch);   /* a single-character operator accepts ch */

/* Operators tested one character at a time through a table in SreProgram. */
static inline bool sre_has_table(SreCode op) {
    switch (op) {
    case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
    case SRE_OP_LITERAL_IGNORE: case SRE_OP_NOT_LITERAL_IGNORE:
    case SRE_OP_LITERAL_UNI_IGNORE: case SRE_OP_NOT_LITERAL_UNI_IGNORE:
    case SRE_OP_LITERAL_LOC_IGNORE: case SRE_OP_NOT_LITERAL_LOC_IGNORE:
    case SRE_OP_CATEGORY:
        return true;
    }
    return false;
}

/* UTF-8 steps on the generalized UTF-8 of str objects. */
extern const uint8_t sre_utf8_len[256];
uint32_t sre_utf8_decode(const uint8_t *p);

#endif
