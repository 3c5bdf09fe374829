/* object.h - the object header, the type object, and the generic object protocol. */
#ifndef TAIPAN_OBJECT_H
#define TAIPAN_OBJECT_H

#include "../base/common.h"

/*
 * Every heap object starts with this two-word header, laid out like
 * CPython's PyObject (PEP 3123), so a pointer to any Taipan object is a
 * valid PyObject * for C extension code later.  `refcnt` counts references
 * held by extension code only; Taipan's own code never touches it and the
 * GC owns lifetimes (mark bits live in side bitmaps, not here).
 */
typedef struct Type Type;
struct Buffer;   /* buffer.h */
typedef struct Object {
    intptr_t refcnt;
    Type *type;
} Object;

static inline Object *val_obj(Value v) { return (Object *)v; }
static inline Value obj_val(const void *o) { return (Value)o; }

extern Type type_int;
static inline Type *val_type(Value v) {
    return val_is_int(v) ? &type_int : ((Object *)v)->type;
}

/* Rich comparison operators, CPython's Py_LT..Py_GE order. */
enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE };

enum BinOp {
#define BINOP(NAME, slot, d, r, i, sym) BINOP_##NAME,
#include "binops.def"
#undef BINOP
    BINOP__COUNT
};

/*
 * C calling convention for every builtin callable (vectorcall style):
 * positional arguments args[0..nargs), then one value per name in the
 * tuple `kwnames` (VNULL when there are no keyword arguments).  `self` is
 * the bound object for methods, the module for module functions.
 * Returns VNULL with an exception set on failure.
 */
typedef Value (*CFunc)(Value self, Value *args, size_t nargs, Value kwnames);

typedef Value (*UnaryFunc)(Value);
typedef Value (*BinaryFunc)(Value, Value);
typedef Value (*TernaryFunc)(Value, Value, Value);

enum {
    METH_STATIC = 1 << 0,   /* staticmethod: self is VNULL */
    METH_CLASS = 1 << 1,    /* classmethod: self is the type */
};

typedef struct MethodDef {
    const char *name;
    CFunc fn;
    uint32_t flags;
    const char *doc;
} MethodDef;

/* A getter/setter pair exposed as a data descriptor on a builtin type. */
typedef struct GetSetDef {
    const char *name;
    Value (*get)(Value self);
    int (*set)(Value self, Value v); /* v == VNULL: delete; NULL set: read-only */
    const char *doc;
} GetSetDef;

/* A field of the object struct exposed as an attribute. */
enum { MEMBER_VALUE, MEMBER_VALUE_RO, MEMBER_VALUE_OR_NONE_RO };
typedef struct MemberDef {
    const char *name;
    int kind;
    size_t offset;
} MemberDef;

/* Type flags.  The *_SUBCLASS bits make isinstance(x, list) etc. one test. */
enum {
    TF_HEAPTYPE = 1 << 0,      /* created by a class statement or type() */
    TF_BASETYPE = 1 << 1,      /* may be subclassed */
    TF_READY = 1 << 2,         /* type_ready() has run */
    TF_ABSTRACT = 1 << 3,
    TF_INT_SUBCLASS = 1 << 8,
    TF_STR_SUBCLASS = 1 << 9,
    TF_BYTES_SUBCLASS = 1 << 10,
    TF_TUPLE_SUBCLASS = 1 << 11,
    TF_LIST_SUBCLASS = 1 << 12,
    TF_DICT_SUBCLASS = 1 << 13,
    TF_EXC_SUBCLASS = 1 << 14,   /* BaseException */
    TF_TYPE_SUBCLASS = 1 << 15,
    TF_FLOAT_SUBCLASS = 1 << 16,
    TF_SET_SUBCLASS = 1 << 17,
    TF_SEQUENCE = 1 << 18,         /* matched by sequence patterns (CPython's Py_TPFLAGS_SEQUENCE) */
    TF_MAPPING = 1 << 19,          /* matched by mapping patterns */
    TF_HAS_GETATTR_HOOK = 1 << 20, /* defines __getattr__ */
    TF_HAS_DEL = 1 << 21,          /* defines __del__ */
    TF_WEAKREFABLE = 1 << 22,      /* a builtin type whose instances take weak references */
    TF_INTERNAL = 1 << 23,         /* storage behind other objects, never seen by Python code (gc.get_referents looks through it) */
};

/*
 * The type object.  Slots are named C function pointers; a type created in
 * Python gets trampolines in the slots for the dunders its MRO defines
 * (see type_slots.c), and a builtin type gets wrapper descriptors in its
 * dict for its slots, so both worlds see each other.  When the C-API layer
 * arrives this struct gains a PyTypeObject-compatible prefix; keep it the
 * only definition of a type's layout.
 */
struct Type {
    Object hdr;
    const char *name;        /* tp_name: "int", "collections.OrderedDict" */
    size_t basicsize;        /* instance size without items */
    size_t itemsize;         /* per-item size of variable-size objects */
    uint32_t flags;
    uint32_t version;        /* changes on any mutation of this type or its bases */

    Type *base;              /* the solid base (tp_base) */
    Value bases;             /* tuple of Type */
    Value mro;               /* tuple of Type */
    Value dict;              /* dict: the class namespace */
    Value subclasses;        /* list of subclasses (for version invalidation), or VNULL */
    Value name_obj;          /* str __name__ for heap types */
    Value qualname;          /* str __qualname__ for heap types */

    /* Instances with hidden-class attributes keep a Map * at attrs_offset,
     * followed by inline slots; 0 when instances have no attributes. */
    size_t attrs_offset;
    uint32_t attr_hint;      /* inline slots new instances get (learned) */
    Value root_map;          /* the empty Map for attr_hint slots */

    /* Memory. trace marks every Value the object holds (NULL: holds none). */
    void (*trace)(Object *o);
    void (*finalize)(Object *o);  /* releases non-GC resources when freed */
    /* Runs Python-visible cleanup like __del__ (CPython's tp_finalize): once, at
     * a safe point, for an object registered with gc_register_finalizer. */
    void (*del)(Value self);

    /* Construction and calling. */
    Value (*new)(Type *type, Value *args, size_t nargs, Value kwnames);
    int (*init)(Value self, Value *args, size_t nargs, Value kwnames);
    Value (*call)(Value callable, Value *args, size_t nargs, Value kwnames);

    /* Basic protocol. */
    Value (*repr)(Value);
    Value (*str)(Value);
    hash_t (*hash)(Value);                       /* -1 with exception on error */
    Value (*richcompare)(Value a, Value b, int op); /* may return NotImplemented */
    Value (*getattr)(Value obj, Value name);     /* tp_getattro */
    int (*setattr)(Value obj, Value name, Value v); /* v == VNULL: delete */
    Value (*descr_get)(Value descr, Value obj, Value type);
    int (*descr_set)(Value descr, Value obj, Value v);
    Value (*iter)(Value);
    Value (*iternext)(Value);  /* VNULL without exception: exhausted */

    /* Numbers.  Binary slots follow CPython: called for either operand. */
    BinaryFunc nb[BINOP__COUNT];
    BinaryFunc nb_inplace[BINOP__COUNT];
    BinaryFunc nb_divmod;
    TernaryFunc nb_pow3;     /* pow(a, b, mod) */
    UnaryFunc nb_neg, nb_pos, nb_abs, nb_invert;
    int (*nb_bool)(Value);   /* 1, 0, or -1 with exception */
    UnaryFunc nb_int, nb_float, nb_index;

    /* Containers. */
    ssize_t (*len)(Value);   /* -1 with exception on error */
    Value (*getitem)(Value obj, Value key);
    int (*setitem)(Value obj, Value key, Value v); /* v == VNULL: delete */
    int (*contains)(Value obj, Value v);          /* 1, 0, -1 */
    /* Sequence fallbacks tried after the number slots, as CPython's
     * sq_concat/sq_repeat: they give "can only concatenate list ..." and
     * make `3 * [1]` work. */
    BinaryFunc sq_concat, sq_inplace_concat;
    Value (*sq_repeat)(Value seq, ssize_t n);
    Value (*sq_inplace_repeat)(Value seq, ssize_t n);

    /* The buffer protocol (buffer.h, added with memoryview): an exporter of
     * raw memory fills a Buffer and is told when it is given back.  Found
     * along the base chain, so subclasses need not copy them. */
    int (*getbuffer)(Value obj, struct Buffer *view, int flags);
    void (*releasebuffer)(Value obj, struct Buffer *view);

    /* Declarations turned into descriptors in dict by type_ready(). */
    const MethodDef *methods;
    const GetSetDef *getsets;
    const MemberDef *members;
    const char *doc;
};

#define TYPE_HAS_FLAG(t, f) (((t)->flags & (f)) != 0)

/* True for the singletons and any other object that lives outside the heap. */
extern Object obj_None, obj_NotImplemented, obj_Ellipsis;
#define VNone obj_val(&obj_None)
#define VNotImplemented obj_val(&obj_NotImplemented)
#define VEllipsis obj_val(&obj_Ellipsis)

/* ---- The generic object protocol (object.c). ----
 * Each returns VNULL / -1 with an exception set on failure. */
Value obj_repr(Value v);
Value obj_str(Value v);
Value obj_ascii(Value v);
hash_t obj_hash(Value v);
hash_t obj_hash_unhashable(Value v);             /* the hash slot of unhashable types */
hash_t obj_hash_pointer(Value v);                /* object.__hash__: identity */
Value obj_richcompare_identity(Value a, Value b, int op); /* object's: == is `is` */
Value obj_richcompare(Value a, Value b, int op);
int obj_richcompare_bool(Value a, Value b, int op); /* identity implies equality for EQ/NE */
int obj_eq(Value a, Value b);                        /* == with the identity shortcut */
int obj_is_true(Value v);
Value obj_getattr(Value obj, Value name);
Value obj_getattr_cstr(Value obj, const char *name);
Value obj_getattr_opt(Value obj, Value name);   /* VNULL, no exception, if missing */
int obj_setattr(Value obj, Value name, Value v);
int obj_setattr_cstr(Value obj, const char *name, Value v);
int obj_delattr(Value obj, Value name);
int obj_hasattr(Value obj, Value name);          /* 1, 0, -1 */
Value obj_generic_getattr(Value obj, Value name);
int obj_generic_setattr(Value obj, Value name, Value v);
Value obj_getitem(Value obj, Value key);
int obj_setitem(Value obj, Value key, Value v);
int obj_delitem(Value obj, Value key);
ssize_t obj_len(Value v);
int obj_contains(Value container, Value v);
Value obj_iter(Value v);
Value obj_next(Value it);                        /* VNULL, no exception: exhausted */
bool obj_is_instance_exact(Value v, Type *t);
int obj_isinstance(Value v, Value cls);          /* isinstance() with __instancecheck__ */
int obj_isinstance_type(Value v, Type *t);       /* type(v), then v.__class__; no hooks */
int obj_issubclass(Value derived, Value cls);
bool type_is_subtype(Type *a, Type *b);          /* MRO walk, no hooks */
static inline bool val_isinstance(Value v, Type *t) {
    Type *vt = val_type(v);
    return vt == t || type_is_subtype(vt, t);
}
Value obj_call(Value callable, Value *args, size_t nargs, Value kwnames);
Value obj_call0(Value callable);
Value obj_call1(Value callable, Value a);
Value obj_call2(Value callable, Value a, Value b);
Value obj_call_method(Value obj, const char *name, Value *args, size_t nargs);
Value obj_call_tuple_dict(Value callable, Value args_tuple, Value kwargs_dict);
Value obj_format(Value v, Value spec);
Value obj_dir(Value v);
const char *type_name(Value v);                  /* tp_name of type(v) */

/* Unary and binary arithmetic (number.c). */
Value num_binop(Value a, Value b, int op);
Value num_inplace(Value a, Value b, int op);
Value num_divmod(Value a, Value b);
Value num_pow3(Value a, Value b, Value m);
Value num_neg(Value v);
Value num_pos(Value v);
Value num_abs(Value v);
Value num_invert(Value v);
Value num_index(Value v);                        /* operator.index() */
Value num_int(Value v);                          /* int(v) */
Value num_float(Value v);                        /* float(v) */
bool num_check_index(Value v);
ssize_t num_as_ssize(Value v, Type *overflow_exc); /* via __index__; -1 + exception */

#endif
