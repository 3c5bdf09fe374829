/* unicode_db.h - Unicode character properties (category, numeric values, case mappings, flags). */
#ifndef TAIPAN_UNICODE_DB_H
#define TAIPAN_UNICODE_DB_H

#include <stdbool.h>
#include <stdint.h>

/*
 * The tables in unicode_db.c are generated from CPython 3.11's own answers
 * (Unicode 14.0.0) by tools/gen_unicode_db.py; see docs/unicode.md.  Each
 * code point maps, through a two-level index, to a shared UcdRecord.
 *
 * Case mappings are the *full* mappings str.lower()/upper()/title()/
 * casefold() use: a field is a delta to add to the code point, unless the
 * record's UCD_EXT_* flag is set, in which case the field is an offset into
 * ucd_ext where ucd_ext[off] & 0xff is the length n and ucd_ext[off+1..n]
 * the code points.  For lower, ucd_ext[off] >> 8 holds the *simple*
 * lowercase mapping (the one regular expressions use).
 */

enum UcdCategory {
    UCD_Cn, UCD_Lu, UCD_Ll, UCD_Lt, UCD_Lm, UCD_Lo, UCD_Mn, UCD_Mc, UCD_Me, UCD_Nd,
    UCD_Nl, UCD_No, UCD_Pc, UCD_Pd, UCD_Ps, UCD_Pe, UCD_Pi, UCD_Pf, UCD_Po, UCD_Sm,
    UCD_Sc, UCD_Sk, UCD_So, UCD_Zs, UCD_Zl, UCD_Zp, UCD_Cc, UCD_Cf, UCD_Cs, UCD_Co,
    UCD_NCATEGORIES
};

/* The low 5 bits of flags hold the category; the generator asserts the order. */
enum {
    UCD_CATEGORY_MASK = 0x1f,
    UCD_ALPHA = 1u << 5,          /* str.isalpha */
    UCD_DECIMAL = 1u << 6,        /* str.isdecimal */
    UCD_DIGIT = 1u << 7,          /* str.isdigit */
    UCD_NUMERIC = 1u << 8,        /* str.isnumeric */
    UCD_SPACE = 1u << 9,          /* str.isspace, str.split() */
    UCD_LINEBREAK = 1u << 10,     /* str.splitlines */
    UCD_PRINTABLE = 1u << 11,     /* str.isprintable, repr */
    UCD_LOWER = 1u << 12,         /* lowercase (Ll or Other_Lowercase) */
    UCD_UPPER = 1u << 13,         /* uppercase (Lu or Other_Uppercase) */
    UCD_TITLE = 1u << 14,         /* titlecase (Lt) */
    UCD_CASED = 1u << 15,         /* Cased: str.title() word state */
    UCD_CASE_IGNORABLE = 1u << 16,/* Case_Ignorable: the final-sigma rule */
    UCD_XID_START = 1u << 17,     /* may start an identifier (with '_' and NFKC extras) */
    UCD_XID_CONTINUE = 1u << 18,  /* may continue an identifier */
    UCD_EXT_LOWER = 1u << 19,
    UCD_EXT_UPPER = 1u << 20,
    UCD_EXT_TITLE = 1u << 21,
    UCD_EXT_FOLD = 1u << 22,
};

#define UCD_MAX_MAPPING 3   /* longest full case mapping, in code points */

typedef struct UcdRecord {
    int32_t upper, lower, title, fold;  /* delta, or ucd_ext offset (see above) */
    uint32_t flags;
    int8_t decimal, digit;               /* -1: none */
    uint16_t numeric;                    /* index into ucd_numeric_values; 0: none */
} UcdRecord;

extern const char ucd_category_names[UCD_NCATEGORIES][3];
extern const uint32_t *const ucd_ext;
extern const double ucd_numeric_values[];

const UcdRecord *ucd_record(uint32_t cp);

/* True if the code point has any of the flags. */
static inline bool ucd_has(uint32_t cp, uint32_t flags) { return (ucd_record(cp)->flags & flags) != 0; }
static inline int ucd_category(uint32_t cp) { return (int)(ucd_record(cp)->flags & UCD_CATEGORY_MASK); }
static inline int ucd_decimal(uint32_t cp) { return ucd_record(cp)->decimal; }
static inline int ucd_digit(uint32_t cp) { return ucd_record(cp)->digit; }
/* The numeric value, or -1.0 when the code point has none. */
static inline double ucd_numeric(uint32_t cp) {
    const UcdRecord *r = ucd_record(cp);
    return r->numeric ? ucd_numeric_values[r->numeric] : -1.0;
}
static inline bool ucd_isspace(uint32_t cp) {
    if (cp < 128) return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
    return ucd_has(cp, UCD_SPACE);
}
static inline bool ucd_isalnum(uint32_t cp) {
    return ucd_has(cp, UCD_ALPHA | UCD_DECIMAL | UCD_DIGIT | UCD_NUMERIC);
}

/* Full case mappings: write up to UCD_MAX_MAPPING code points to out, return the count. */
static inline int ucd_mapping_(uint32_t cp, int32_t field, bool ext, uint32_t *out) {
    if (!ext) {
        out[0] = (uint32_t)((int32_t)cp + field);
        return 1;
    }
    const uint32_t *e = ucd_ext + field;
    int n = (int)(e[0] & 0xff);
    for (int i = 0; i < n; i++) out[i] = e[1 + i];
    return n;
}
static inline int ucd_to_lower_full(uint32_t cp, uint32_t *out) {
    const UcdRecord *r = ucd_record(cp);
    return ucd_mapping_(cp, r->lower, r->flags & UCD_EXT_LOWER, out);
}
static inline int ucd_to_upper_full(uint32_t cp, uint32_t *out) {
    const UcdRecord *r = ucd_record(cp);
    return ucd_mapping_(cp, r->upper, r->flags & UCD_EXT_UPPER, out);
}
static inline int ucd_to_title_full(uint32_t cp, uint32_t *out) {
    const UcdRecord *r = ucd_record(cp);
    return ucd_mapping_(cp, r->title, r->flags & UCD_EXT_TITLE, out);
}
static inline int ucd_casefold_full(uint32_t cp, uint32_t *out) {
    const UcdRecord *r = ucd_record(cp);
    return ucd_mapping_(cp, r->fold, r->flags & UCD_EXT_FOLD, out);
}
/* The simple (one code point) lowercase mapping, as regular expressions use it. */
static inline uint32_t ucd_to_lower_simple(uint32_t cp) {
    const UcdRecord *r = ucd_record(cp);
    if (r->flags & UCD_EXT_LOWER) return ucd_ext[r->lower] >> 8;
    return (uint32_t)((int32_t)cp + r->lower);
}

#endif
