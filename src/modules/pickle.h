/* pickle.h - the _pickle accelerator: opcodes, the Pickler and Unpickler objects, shared module state. */
#ifndef TAIPAN_PICKLE_H
#define TAIPAN_PICKLE_H

#include "../objects/object.h"
#include "../objects/buffer.h"

/*
 * pickle.py imports Pickler, Unpickler, dump(s), load(s) and the three
 * exceptions from here and keeps its pure-Python classes only as a
 * fallback.  The output must be byte-for-byte what CPython's C pickler
 * writes (docs/pickle.md says where the two pure-Python and C picklers
 * differ and which one we follow: the C one).
 */

/* The opcodes, with the protocol that introduced them (pickletools has the full story). */
enum {
    PK_MARK = '(', PK_STOP = '.', PK_POP = '0', PK_POP_MARK = '1', PK_DUP = '2',
    PK_FLOAT = 'F', PK_INT = 'I', PK_BININT = 'J', PK_BININT1 = 'K', PK_LONG = 'L',
    PK_BININT2 = 'M', PK_NONE = 'N', PK_PERSID = 'P', PK_BINPERSID = 'Q', PK_REDUCE = 'R',
    PK_STRING = 'S', PK_BINSTRING = 'T', PK_SHORT_BINSTRING = 'U', PK_UNICODE = 'V',
    PK_BINUNICODE = 'X', PK_APPEND = 'a', PK_BUILD = 'b', PK_GLOBAL = 'c', PK_DICT = 'd',
    PK_EMPTY_DICT = '}', PK_APPENDS = 'e', PK_GET = 'g', PK_BINGET = 'h', PK_INST = 'i',
    PK_LONG_BINGET = 'j', PK_LIST = 'l', PK_EMPTY_LIST = ']', PK_OBJ = 'o', PK_PUT = 'p',
    PK_BINPUT = 'q', PK_LONG_BINPUT = 'r', PK_SETITEM = 's', PK_TUPLE = 't',
    PK_EMPTY_TUPLE = ')', PK_SETITEMS = 'u', PK_BINFLOAT = 'G',
    /* protocol 2 */
    PK_PROTO = 0x80, PK_NEWOBJ = 0x81, PK_EXT1 = 0x82, PK_EXT2 = 0x83, PK_EXT4 = 0x84,
    PK_TUPLE1 = 0x85, PK_TUPLE2 = 0x86, PK_TUPLE3 = 0x87, PK_NEWTRUE = 0x88,
    PK_NEWFALSE = 0x89, PK_LONG1 = 0x8a, PK_LONG4 = 0x8b,
    /* protocol 3 */
    PK_BINBYTES = 'B', PK_SHORT_BINBYTES = 'C',
    /* protocol 4 */
    PK_SHORT_BINUNICODE = 0x8c, PK_BINUNICODE8 = 0x8d, PK_BINBYTES8 = 0x8e,
    PK_EMPTY_SET = 0x8f, PK_ADDITEMS = 0x90, PK_FROZENSET = 0x91, PK_NEWOBJ_EX = 0x92,
    PK_STACK_GLOBAL = 0x93, PK_MEMOIZE = 0x94, PK_FRAME = 0x95,
    /* protocol 5 */
    PK_BYTEARRAY8 = 0x96, PK_NEXT_BUFFER = 0x97, PK_READONLY_BUFFER = 0x98,
};

#define PICKLE_HIGHEST_PROTOCOL 5
#define PICKLE_DEFAULT_PROTOCOL 4
#define PICKLE_BATCHSIZE 1000
/* Frames (protocol 4+): a frame is closed once it holds this much. */
#define PICKLE_FRAME_SIZE_TARGET (64 * 1024)
#define PICKLE_FRAME_SIZE_MIN 4
#define PICKLE_FRAME_HEADER_SIZE 9

/*
 * A Pickler.  dumps() builds one on the C stack (it is never seen by
 * Python code); pickle.Pickler(file) is a heap object whose subclasses
 * may add attributes (persistent_id, dispatch_table, reducer_override).
 * The memo maps an object's identity to its memo index: an open-addressing
 * table of (key, index) pairs in a GC Array, so the memo keeps every
 * pickled object alive (a temporary produced by __reduce__ must not be
 * collected and its address reused while its memo entry stands).  The
 * output buffer is malloc'd and holds no Values.
 */
typedef struct PicklerObject {
    Object hdr;
    Value write;            /* file.write, VNULL for dumps() */
    Value pers_func;        /* persistent_id, or VNULL */
    Value dispatch_table;   /* per-pickler reduction table, or VNULL */
    Value reducer_override; /* looked up at each dump() */
    Value buffer_callback;
    Value fast_memo;        /* dict of ids for fast mode's cycle check */
    Value *memo;            /* items of a GC Array: 2 * memo_cap slots */
    size_t memo_cap, memo_used;
    char *out;              /* malloc'd output */
    size_t out_len, out_cap;
    ssize_t frame_start;    /* offset of the open frame's header, -1: none */
    int proto;
    int fast, fast_nesting;
    bool bin, framing, fix_imports, initialized;
    /* AttrHeader follows (attrs_offset) */
} PicklerObject;

/*
 * An Unpickler.  The input is a byte range: the caller's bytes for
 * loads(), else a malloc'd buffer refilled from file.read()/readline()
 * (straight from the BytesIO's memory when the file is an io.BytesIO).
 * The value stack and the memo are GC Arrays; the mark stack holds
 * offsets only.
 */
typedef struct UnpicklerObject {
    Object hdr;
    Value file;
    Value read, readline;   /* bound methods; VNULL for loads() */
    Value pers_func;        /* persistent_load, or VNULL */
    Value buffers;          /* iterator over out-of-band buffers, or VNULL */
    Value encoding, errors; /* str: how to decode Python 2 str */
    Value input_obj;        /* keeps `input` alive when it belongs to an object */
    Value *stack;           /* items of a GC Array */
    size_t stack_len, stack_cap;
    ssize_t fence;          /* items below the innermost mark can't be popped */
    Value *memo;            /* items of a GC Array */
    size_t memo_cap, memo_len;
    ssize_t *marks;         /* malloc'd */
    size_t num_marks, marks_cap;
    const char *input;
    size_t input_len, next_idx;
    char *fbuf;             /* malloc'd file buffer */
    size_t fbuf_cap;
    int proto;
    bool fix_imports, initialized, is_bytesio;
    /* AttrHeader follows (attrs_offset) */
} UnpicklerObject;

extern Type type_pickler, type_unpickler, type_picklebuffer;

/* Module state (pickle_module.c): exceptions and the copyreg/_compat_pickle tables. */
extern Value pickle_PickleError, pickle_PicklingError, pickle_UnpicklingError;
typedef struct PickleState {
    Value dispatch_table;        /* copyreg.dispatch_table */
    Value extension_registry;    /* copyreg._extension_registry */
    Value inverted_registry;     /* copyreg._inverted_registry */
    Value extension_cache;       /* copyreg._extension_cache */
    Value name_mapping_2to3, import_mapping_2to3;
    Value name_mapping_3to2, import_mapping_3to2;
    Value codecs_encode;         /* codecs.encode */
    Value getattr;               /* builtins.getattr */
    Value partial;               /* functools.partial */
} PickleState;
extern PickleState pickle_state;
int pickle_state_init(void);    /* imports copyreg etc. on first use; -1 on error */

/* Dotted-name helpers shared by save_global and find_class. */
Value pickle_get_dotted_path(Value obj, Value name);   /* list of str; AttributeError for <locals> */
Value pickle_get_deep_attribute(Value obj, Value names, Value *parent); /* VNULL (no error) if missing */
Value pickle_import_module(Value name);                 /* __import__(name) then sys.modules[name] */

/* The Pickler (pickle_save.c). */
void pickler_init_struct(PicklerObject *p);
int pickler_set_protocol(PicklerObject *p, Value protocol, bool fix_imports);
int pickler_set_buffer_callback(PicklerObject *p, Value cb);
int pickler_dump(PicklerObject *p, Value obj);         /* into p->out */
Value pickler_take_bytes(PicklerObject *p);            /* the output as bytes */
int pickler_flush_to_file(PicklerObject *p);
void pickler_release(PicklerObject *p);                /* free malloc'd memory */

/* The Unpickler (pickle_load.c). */
void unpickler_init_struct(UnpicklerObject *u);
int unpickler_set_options(UnpicklerObject *u, bool fix_imports, Value encoding, Value errors, Value buffers);
int unpickler_set_file(UnpicklerObject *u, Value file);
Value unpickler_load(UnpicklerObject *u);
void unpickler_release(UnpicklerObject *u);

/* PickleBuffer (pickle_module.c): the wrapped buffer, or NULL with ValueError if released. */
const Buffer *picklebuffer_view(Value pb);

#endif
