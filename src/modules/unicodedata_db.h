/* unicodedata_db.h - the generated tables of unicodedata_db.c (names, properties, decompositions, 3.2.0 deltas). */
#ifndef TAIPAN_UNICODEDATA_DB_H
#define TAIPAN_UNICODEDATA_DB_H

#include <stddef.h>
#include <stdint.h>

/* The longest name, alias or named-sequence name (CPython's NAME_MAXLEN is 256). */
#define UDB_MAX_NAME 128

/* Code points named PREFIX-XXXX (prefix NULL: the CJK unified ideographs). */
typedef struct UdbRange {
    const char *prefix;
    uint32_t start, end;
} UdbRange;

/* 128 code points of the phrasebook: where the first name starts and which have one. */
typedef struct UdbNameBlock {
    uint32_t offset;
    uint32_t bits[4];
} UdbNameBlock;

typedef struct UdbAlias {
    const char *name;
    uint32_t cp;
} UdbAlias;

typedef struct UdbNamedSeq {
    const char *name;
    uint16_t start, len;   /* in udb_named_seq_data */
} UdbNamedSeq;

typedef struct UdbProps {
    uint8_t bidi, eaw, mirrored, combining;
} UdbProps;

/* What ucd_3_2_0 reports differently; 0xFF means "as in 14.0.0". */
typedef struct UdbChange {
    uint8_t category, bidi, eaw, mirrored, combining;
    uint8_t nodecomp;      /* 1: no decomposition in 3.2.0 */
    uint8_t decimal, digit;/* 0xFE: none */
    uint8_t numeric;       /* 0xFE: same, 0xFF: none, else udb_old_numerics[i] */
} UdbChange;

extern const char *const udb_bidi_names[];
extern const char *const udb_eaw_names[];
extern const char *const udb_decomp_prefixes[];

extern const UdbRange udb_cjk_ranges[], udb_name_ranges[];
extern const size_t udb_ncjk_ranges, udb_nname_ranges;
extern const uint32_t udb_nwords;
extern const char udb_lexicon[];
extern const uint32_t udb_lexicon_offset[];
extern const uint32_t udb_name_limit;
extern const uint16_t udb_name_index[];
extern const UdbNameBlock udb_name_blocks[];
extern const uint8_t udb_phrasebook[];
extern const UdbAlias udb_aliases[];
extern const size_t udb_naliases;
extern const UdbNamedSeq udb_named_seqs[];
extern const size_t udb_nnamed_seqs;
extern const uint32_t udb_named_seq_data[];

const UdbProps *udb_props(uint32_t cp);
extern const uint32_t udb_decomp_data[];
unsigned udb_decomp_index(uint32_t cp);   /* 0: none */
extern const uint32_t udb_comp_pairs[][3];
extern const size_t udb_ncomp_pairs;

const UdbChange *udb_change(uint32_t cp);
extern const double udb_old_numerics[];
extern const uint32_t udb_norm_fix[][2];
extern const size_t udb_nnorm_fix;

#endif
