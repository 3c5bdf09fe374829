/* float.h - float: a boxed double (CPython's PyFloatObject layout), repr and parsing. */
#ifndef TAIPAN_FLOAT_H
#define TAIPAN_FLOAT_H

#include "object.h"
#include "../gc/gc.h"

typedef struct FloatObject {
    Object hdr;
    double value;
} FloatObject;

extern Type type_float;

static inline double float_value(Value v) { return ((FloatObject *)v)->value; }
static inline bool float_check(Value v) {
    return !val_is_int(v) && (val_obj(v)->type == &type_float || (val_obj(v)->type->flags & TF_FLOAT_SUBCLASS));
}
static inline bool float_check_exact(Value v) { return !val_is_int(v) && val_obj(v)->type == &type_float; }

/* Inline: the interpreter's float arithmetic allocates one per result. */
static inline Value float_new(double d) {
    FloatObject *f = gc_alloc_small_raw(&type_float, sizeof(FloatObject));
    if (!f) return VNULL;
    f->value = d;
    return obj_val(f);
}
Value float_repr(Value v);                       /* shortest round-trip, CPython's format */
int float_repr_buf(double d, char *buf, size_t n); /* same, into a buffer */
/* Format with a CPython format type ('e','f','g','r', ...) and precision. */
int float_format_buf(double d, char type, int precision, bool alt, char *buf, size_t n);
Value float_from_string(const char *s, size_t len); /* float(str) rules; ValueError */
hash_t float_hash_double(double d);              /* CPython's numeric hash */
int float_as_double(Value v, double *out);       /* float, int or __float__; -1 on error */

Value float_add(Value a, Value b);
Value float_sub(Value a, Value b);
Value float_mul(Value a, Value b);
Value float_truediv(Value a, Value b);
Value float_floordiv(Value a, Value b);
Value float_mod(Value a, Value b);
Value float_pow(Value a, Value b);

#endif
