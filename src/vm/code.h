/* code.h - code objects: instructions, constants, names, line table, exception table, caches. */
#ifndef TAIPAN_CODE_H
#define TAIPAN_CODE_H

#include "../objects/object.h"

enum Opcode {
#define OP(name, fmt, flags, doc) OP_##name,
#include "opcodes.def"
#undef OP
    OP__COUNT
};
_Static_assert(OP__COUNT <= 256, "opcodes must fit in 8 bits");

enum { FMT_ABC, FMT_ABx, FMT_AsBx, FMT_sJ };
enum { OPF_X = 1 };   /* followed by an extra word */
extern const uint8_t opcode_format[OP__COUNT];
extern const uint8_t opcode_flags[OP__COUNT];
extern const char *const opcode_names[OP__COUNT];

#define INS_OP(i) ((i) & 0xff)
#define INS_A(i) (((i) >> 8) & 0xff)
#define INS_B(i) (((i) >> 16) & 0xff)
#define INS_C(i) ((i) >> 24)
#define INS_Bx(i) ((i) >> 16)
#define SBX_BIAS 0x7fff
#define SJ_BIAS 0x7fffff
#define INS_sBx(i) ((int)((i) >> 16) - SBX_BIAS)
#define INS_sJ(i) ((int)((i) >> 8) - SJ_BIAS)
#define MK_ABC(op, a, b, c) ((uint32_t)(op) | ((uint32_t)(a) << 8) | ((uint32_t)(b) << 16) | ((uint32_t)(c) << 24))
#define MK_ABx(op, a, bx) ((uint32_t)(op) | ((uint32_t)(a) << 8) | ((uint32_t)(bx) << 16))
#define MK_AsBx(op, a, sbx) MK_ABx(op, a, (uint32_t)((sbx) + SBX_BIAS))
#define MK_sJ(op, sj) ((uint32_t)(op) | ((uint32_t)((sj) + SJ_BIAS) << 8))
#define SBX_MAX SBX_BIAS
#define SJ_MAX SJ_BIAS
#define MAX_REGS 250

/* A function with more locals than fit in 8-bit operands keeps the first
 * LOW_LOCALS in registers 0.., the rest past WIDE_BASE, reached by
 * LOADWIDE/STOREWIDE/DELWIDE with 16-bit operands.  Parameters past the
 * first LOW_LOCALS are wide too (frame_bind_args scatters them).  Which
 * locals are wide follows from the counts alone (code_local_reg). */
#define LOW_LOCALS 200
#define WIDE_BASE 256
#define MAX_WIDE_LOCALS (65535 - WIDE_BASE)
static inline int code_nlow(int nlocals, int nparams) {
    (void)nparams;
    return nlocals <= LOW_LOCALS ? nlocals : LOW_LOCALS;
}

/* co_flags, CPython's values. */
enum {
    CO_OPTIMIZED = 0x1, CO_NEWLOCALS = 0x2, CO_VARARGS = 0x4, CO_VARKEYWORDS = 0x8,
    CO_NESTED = 0x10, CO_GENERATOR = 0x20, CO_NOFREE = 0x40, CO_COROUTINE = 0x80,
    CO_ITERABLE_COROUTINE = 0x100, CO_ASYNC_GENERATOR = 0x200,
    CO_FUTURE_ANNOTATIONS = 0x1000000,
};

/* Where an instruction came from, for tracebacks (carets) and f_lineno. */
typedef struct CodeLoc {
    int32_t line, end_line;
    int32_t col, end_col;    /* UTF-8 byte offsets, -1 if unknown */
} CodeLoc;

/* One try-region: instructions [start, end) jump to `handler` with the
 * exception in register `reg`. Innermost regions come first. */
typedef struct ExcEntry {
    uint32_t start, end, handler, reg;
} ExcEntry;

/*
 * A per-site inline cache.  `name` is the attribute/global name of the site.
 * Attribute sites: valid while type(obj) == key with key->version == version
 * (no class mutated since) and, for instance attributes, obj's map == map.
 * Global sites: valid while the globals dict (key) and the builtins dict
 * (map) still have versions `version` and `version2`.
 */
enum {
    CACHE_EMPTY, CACHE_SLOT, CACHE_CLASSATTR, CACHE_METHOD, CACHE_DESCR, CACHE_DATADESCR, CACHE_MODULE,
    CACHE_SETSLOT, CACHE_ADDSLOT, CACHE_GLOBAL,
};
typedef struct CacheEntry {
    Value name;
    Value key;          /* the type (or globals dict) the entry is valid for */
    uintptr_t version;  /* type version / globals dict version */
    Value value;        /* the cached value (class attribute, method, global) */
    Value map;          /* instance map required (or builtins dict), or VNULL */
    Value map2;         /* ADDSLOT: the map after adding the attribute */
    uint64_t version2;  /* builtins dict version */
    uint32_t index;     /* slot index */
    uint32_t kind;
} CacheEntry;

typedef struct CodeObject {
    Object hdr;
    uint32_t *insns;         /* into `insns_buf` */
    size_t ninsns;
    Value consts, names;     /* tuples */
    Value varnames;          /* tuple: locals, arguments first (registers 0..) */
    Value cellvars, freevars;/* tuples of names */
    Value filename, name, qualname;
    Value insns_buf;         /* GC buffer holding the instructions */
    Value locs_buf;          /* CodeLoc per instruction word */
    Value live_buf;          /* uint8 per instruction word: registers that may be live there */
    Value exc_buf;           /* ExcEntry array */
    Value cache_buf;         /* CacheEntry array */
    Value cell_regs;         /* bytes: register of each cellvar/freevar, or VNULL */
    Value docstring;
    uint32_t nexc, ncaches;
    int32_t argcount, posonlyargcount, kwonlyargcount;
    int32_t nlocals;         /* len(varnames) */
    int32_t nregs;           /* frame size in registers */
    int32_t flags;
    int32_t firstlineno;
    int32_t ncells, nfrees;  /* cells are in registers after the locals */
    int32_t cell_base;       /* register of the first cellvar, freevars follow */
} CodeObject;

extern Type type_code;

static inline int code_nparams(const CodeObject *c) {
    return c->argcount + c->kwonlyargcount + !!(c->flags & CO_VARARGS) + !!(c->flags & CO_VARKEYWORDS);
}
/* The register of local number i (co_varnames order). */
static inline int code_local_reg(const CodeObject *c, int i) {
    int nlow = code_nlow(c->nlocals, code_nparams(c));
    return i < nlow ? i : WIDE_BASE + (i - nlow);
}

static inline CodeLoc *code_locs(CodeObject *c);
static inline ExcEntry *code_exc(CodeObject *c);
static inline CacheEntry *code_caches(CodeObject *c);

/* Blob: an untyped GC buffer of raw bytes (no Values inside). */
typedef struct BlobObject {
    Object hdr;
    size_t size;
    char data[];
} BlobObject;
extern Type type_blob_internal;
Value blob_new(size_t size);   /* zeroed */

static inline CodeLoc *code_locs(CodeObject *c) { return (CodeLoc *)((BlobObject *)c->locs_buf)->data; }
static inline ExcEntry *code_exc(CodeObject *c) { return c->exc_buf ? (ExcEntry *)((BlobObject *)c->exc_buf)->data : NULL; }
static inline CacheEntry *code_caches(CodeObject *c);

/* Cache entries hold Values, so their buffer is a traced object. */
typedef struct CacheArrayObject {
    Object hdr;
    size_t n;
    CacheEntry entries[];
} CacheArrayObject;
extern Type type_cachearray_internal;
static inline CacheEntry *code_caches(CodeObject *c) { return ((CacheArrayObject *)c->cache_buf)->entries; }

int code_line_of(CodeObject *c, size_t pc);       /* line of the instruction at pc */
void code_disassemble(CodeObject *c, void *file); /* FILE * */

#endif
