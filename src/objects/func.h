/* func.h - Python functions, bound methods, builtin functions and the descriptor types. */
#ifndef TAIPAN_FUNC_H
#define TAIPAN_FUNC_H

#include "object.h"
#include "../vm/code.h"

typedef struct FuncObject {
    Object hdr;
    CodeObject *code;
    Value globals, builtins;
    Value name, qualname, module, doc;
    Value defaults;      /* tuple or VNULL */
    Value kwdefaults;    /* dict or VNULL */
    Value closure;       /* tuple of cells or VNULL */
    Value annotations;   /* dict or VNULL */
    Value dict;          /* function attributes, or VNULL */
} FuncObject;

typedef struct BoundMethodObject {
    Object hdr;
    Value func;
    Value self;
} BoundMethodObject;

/* A C function, bound to `self` (a module or an object), e.g. len, [].append. */
typedef struct BuiltinFuncObject {
    Object hdr;
    const MethodDef *def;
    Value self;
    Value module;        /* __module__ string or VNULL */
} BuiltinFuncObject;

/* An unbound C method in a builtin type's dict, e.g. list.append. */
typedef struct MethodDescrObject {
    Object hdr;
    const MethodDef *def;
    Type *owner;
    Value name;
} MethodDescrObject;

/* A slot exposed as a dunder method: object.__init__, int.__add__. */
typedef struct SlotDef SlotDef;
typedef struct SlotWrapperObject {
    Object hdr;
    const SlotDef *slot;
    Type *owner;
    Value name;
} SlotWrapperObject;

/* A slot wrapper bound to an instance: (1).__add__ */
typedef struct MethodWrapperObject {
    Object hdr;
    SlotWrapperObject *descr;
    Value self;
} MethodWrapperObject;

typedef struct GetSetDescrObject {
    Object hdr;
    const GetSetDef *def;
    Type *owner;
    Value name;
} GetSetDescrObject;

typedef struct MemberDescrObject {
    Object hdr;
    const MemberDef *def;
    Type *owner;
    Value name;
} MemberDescrObject;

typedef struct PropertyObject {
    Object hdr;
    Value fget, fset, fdel, doc, name;
} PropertyObject;

typedef struct ClassMethodObject {   /* classmethod and staticmethod */
    Object hdr;
    Value func;
    Value dict;
} ClassMethodObject;

extern Type type_function, type_method, type_builtin_function, type_method_descriptor,
    type_classmethod_descriptor, type_wrapper_descriptor, type_method_wrapper,
    type_getset_descriptor, type_member_descriptor, type_property, type_classmethod,
    type_staticmethod;

static inline bool func_check(Value v) { return !val_is_int(v) && val_obj(v)->type == &type_function; }

Value func_new(CodeObject *code, Value globals, Value qualname);
Value method_new(Value func, Value self);
Value builtin_func_new(const MethodDef *def, Value self, Value module);
Value method_descr_new(Type *owner, const MethodDef *def);
Value getset_descr_new(Type *owner, const GetSetDef *def);
Value member_descr_new(Type *owner, const MemberDef *def);
Value slot_wrapper_new(Type *owner, const SlotDef *slot);

/* Argument checking helpers for builtins; each raises TypeError in CPython's words. */
int arg_no_kw(const char *fname, Value kwnames);
int arg_count(const char *fname, size_t nargs, size_t min, size_t max);
/* Parse args by name: names[] NULL-terminated; the first `npos_only` are
 * positional-only; `nrequired` must be given; out[i] = VNULL if absent. */
int arg_parse(const char *fname, Value *args, size_t nargs, Value kwnames,
              const char *const *names, size_t npos_only, size_t nrequired, Value *out);

#endif
