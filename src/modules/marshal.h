/* marshal.h - the marshal format, shared by the marshal module, code-object serialization and the bytecode cache. */
#ifndef TAIPAN_MARSHAL_H
#define TAIPAN_MARSHAL_H

#include "../objects/object.h"
#include "../objects/bytes.h"

/*
 * The format is CPython 3.11's: a type byte (with FLAG_REF when the object
 * may be referred to again), then the payload.  Data objects are written
 * byte for byte as CPython writes them.  Code objects use the same type
 * byte 'c' with a Taipan payload (marshal_code.c) that starts with the
 * bytecode fingerprint of the build, so code from another build (or from
 * CPython) is refused instead of being run.
 */
#define MARSHAL_VERSION 4
#define MARSHAL_MAX_DEPTH 2000
#define MARSHAL_FLAG_REF 0x80

enum {
    MT_NULL = '0', MT_NONE = 'N', MT_FALSE = 'F', MT_TRUE = 'T', MT_STOPITER = 'S', MT_ELLIPSIS = '.',
    MT_INT = 'i', MT_INT64 = 'I', MT_FLOAT = 'f', MT_BINARY_FLOAT = 'g', MT_COMPLEX = 'x',
    MT_BINARY_COMPLEX = 'y', MT_LONG = 'l', MT_STRING = 's', MT_INTERNED = 't', MT_REF = 'r',
    MT_TUPLE = '(', MT_LIST = '[', MT_DICT = '{', MT_CODE = 'c', MT_UNICODE = 'u', MT_UNKNOWN = '?',
    MT_SET = '<', MT_FROZENSET = '>', MT_ASCII = 'a', MT_ASCII_INTERNED = 'A', MT_SMALL_TUPLE = ')',
    MT_SHORT_ASCII = 'z', MT_SHORT_ASCII_INTERNED = 'Z',
    MT_BUILTIN = 'B',   /* Taipan, inside code objects only: a builtin object by name (StopAsyncIteration) */
};

/* An identity map from Values to ints: open addressing in malloc'd memory.
 * It holds no references: its keys are kept alive by the object written. */
typedef struct IdMap {
    uintptr_t *keys;
    int32_t *vals;
    size_t cap, used;
} IdMap;

enum { MW_OK, MW_UNMARSHALLABLE, MW_NESTEDTOODEEP, MW_NOMEMORY, MW_PENDING /* an exception is set */ };

typedef struct MWriter {
    ByteBuilder bb;
    int version;
    int depth;
    int error;
    int nrefs;
    IdMap refs;     /* version >= 3: object -> ref index */
    Value keep;     /* list: every object in refs, alive while writing (refs are keyed by address:
                       a collected temporary's address reused by another must not match) */
    IdMap counts;   /* version >= 3: occurrences of each container (the sharing heuristic) */
    bool allow_builtins; /* writing code constants: builtin classes go by name (MT_BUILTIN) */
    int code_depth;      /* code objects being written (the outermost one is sealed) */
} MWriter;

typedef struct MReader {
    const unsigned char *ptr, *end;   /* loads(): the data */
    Value file;                        /* load(): a readable binary file, else VNULL */
    unsigned char *buf;                /* load(): the last chunk read (malloc'd) */
    size_t bufsize;
    Value refs;                        /* list of objects that may be referred to */
    int depth;
    int code_depth;                    /* code objects being read (the outermost one is sealed) */
} MReader;

/* Writing (marshal.c). */
void mw_init(MWriter *w, int version);
void mw_free(MWriter *w);
void mw_byte(MWriter *w, int c);
void mw_long(MWriter *w, int32_t x);
void mw_bytes(MWriter *w, const void *s, size_t n);
void mw_varint(MWriter *w, uint64_t x);
void mw_object(MWriter *w, Value v);
/* The bytes of v in the given format version; ValueError as CPython's. */
Value marshal_dumps(Value v, int version);

/* Reading (marshal.c).  r_string-style helpers raise EOFError on short data. */
const unsigned char *mr_bytes_slow(MReader *r, size_t n);
uint64_t mr_varint_slow(MReader *r);
/* The next n bytes (NULL with EOFError if there are not that many). */
static inline const unsigned char *mr_bytes(MReader *r, size_t n) {
    if (!r->file && (size_t)(r->end - r->ptr) >= n) {
        const unsigned char *p = r->ptr;
        r->ptr += n;
        return p;
    }
    return mr_bytes_slow(r, n);
}
int mr_byte(MReader *r);                         /* -1 at EOF (no exception for loads) */
int32_t mr_long(MReader *r);                     /* check err_occurred() */
/* An unsigned LEB128 number; check err_occurred() (most are one byte). */
static inline uint64_t mr_varint(MReader *r) {
    if (!r->file && r->ptr < r->end && !(*r->ptr & 0x80)) return *r->ptr++;
    return mr_varint_slow(r);
}
Value mr_object(MReader *r);                     /* VNULL: exception, or a NULL record (none set) */
/* One object from data (extra bytes ignored), as marshal.loads. */
Value marshal_loads(const void *data, size_t size);

/* Code objects (marshal_code.c). */
void marshal_write_code(MWriter *w, Value code, int flag);
Value marshal_read_code(MReader *r, int flag);
extern const uint64_t marshal_bytecode_id;       /* the fingerprint of this build's bytecode */
/* False if data holds a code object of another build, cut short or damaged (its seal is broken). */
bool marshal_code_intact(const unsigned char *data, size_t size);

#endif
