/* sre_module.h - the _sre module's objects (Pattern, Match, Scanner) and the subject helpers they share. */
#ifndef TAIPAN_SRE_MODULE_H
#define TAIPAN_SRE_MODULE_H

#include "sre.h"
#include "../objects/object.h"

/* re.Pattern: a compiled program and what `re` told us about it. */
typedef struct PatternObject {
    Object hdr;
    Value pattern;        /* the source: str, bytes, or None */
    Value groupindex;     /* dict name -> group number, or VNULL without named groups */
    Value indexgroup;     /* tuple group number -> name or None, or VNULL */
    int flags;
    int groups;           /* capturing groups, not counting group 0 */
    int isbytes;          /* 1: a bytes pattern, 0: str, -1: unknown (pattern None) */
    SreProgram prog;      /* prog.code points at code[] below */
    SreCode code[];
} PatternObject;

/*
 * The text being matched.  A str is matched as its UTF-8 bytes (one byte
 * per character when it is ASCII); a bytes-like object as its bytes.
 * Engine positions are byte offsets; Python sees character indices.
 */
typedef struct Subject {
    Value obj;
    const uint8_t *data;
    size_t size;          /* bytes */
    size_t len;           /* characters */
    bool isbytes;
    bool utf8;            /* a non-ASCII str: byte offsets differ from indices */
} Subject;

/* A known (byte offset, character index) pair: conversions count from the nearest one. */
typedef struct Cursor {
    size_t byte, index;
} Cursor;

int sre_subject_get(Value string, Subject *s);               /* 0, or -1 with TypeError */
size_t sre_subject_index(const Subject *s, Cursor *cur, size_t byte);
Value sre_subject_slice(const Subject *s, size_t b0, size_t b1); /* str or bytes of the byte range */
void sre_pos_cache_note(const Subject *s, size_t index, size_t byte); /* a position worth remembering */

/* re.Match.  marks[]: per group start, end as indices, then (from 2*ngroups, only for
 * non-ASCII strs, where they differ) as byte offsets; -1: unmatched. */
typedef struct MatchObject {
    Object hdr;
    Value string;
    Value pattern;        /* the PatternObject */
    Value regs;           /* cached tuple of spans, or VNULL */
    ssize_t pos, endpos;
    ssize_t lastindex;
    int ngroups;          /* groups + 1 */
    bool isbytes;
    bool utf8;            /* byte offsets are kept apart from indices */
    ssize_t marks[];
} MatchObject;

extern Type type_sre_pattern, type_sre_match, type_sre_scanner;

/* A Match for the successful match in st (st->start..st->ptr and the marks). */
Value sre_match_new(PatternObject *pat, const Subject *subj, const SreState *st, Cursor *cur,
                    ssize_t pos, ssize_t endpos);
/* Group g of m (0 <= g < ngroups) as str/bytes, or dflt when it did not take part. */
Value sre_match_group(MatchObject *m, ssize_t g, Value dflt);
/* Call re.<name>(args...) the way CPython's _sre reaches back into the Python layer. */
Value sre_call_re(const char *name, Value *args, size_t nargs);
/* __class_getitem__: types.GenericAlias(cls, item). */
Value sre_class_getitem(Value cls, Value *args, size_t nargs, Value kw);

#endif
