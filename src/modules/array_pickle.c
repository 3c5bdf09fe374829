/* array_pickle.c - pickling arrays: array.__reduce_ex__ and the module's _array_reconstructor. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "datamod.h"
#include "array.h"

#include <limits.h>
#include <string.h>

/*
 * Protocols 0-2 pickle an array as (type, (typecode, list), __dict__);
 * protocol 3 and later as _array_reconstructor(type, typecode,
 * machine-format code, the item bytes), which lets an array pickled on a
 * machine with other sizes or byte order be rebuilt.  The machine format
 * codes and their item sizes are CPython's table (note that the UTF-16
 * codes count 4-byte items, as CPython's does).  When the code is this
 * machine's own for the typecode the bytes are taken as they are;
 * otherwise they are decoded and, for integers, the widest-matching
 * typecode of the right size and signedness is chosen, as CPython does.
 */

enum { MFORMAT_MAX = 21 };

static const struct { unsigned char size; bool is_signed, big_endian; } mformats[MFORMAT_MAX + 1] = {
    {1, 0, 0}, {1, 1, 0},                              /* 0-1: unsigned/signed int8 */
    {2, 0, 0}, {2, 0, 1}, {2, 1, 0}, {2, 1, 1},        /* 2-5: int16 */
    {4, 0, 0}, {4, 0, 1}, {4, 1, 0}, {4, 1, 1},        /* 6-9: int32 */
    {8, 0, 0}, {8, 0, 1}, {8, 1, 0}, {8, 1, 1},        /* 10-13: int64 */
    {4, 0, 0}, {4, 0, 1},                              /* 14-15: IEEE 754 float */
    {8, 0, 0}, {8, 0, 1},                              /* 16-17: IEEE 754 double */
    {4, 0, 0}, {4, 0, 1},                              /* 18-19: UTF-16 */
    {8, 0, 0}, {8, 0, 1},                              /* 20-21: UTF-32 */
};

Value array_reduce_ex_m(Value self, Value *args, size_t nargs, Value kwnames) {
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    if (nargs + nkw > 1) {
        err_format(&exc_TypeError, "__reduce_ex__() takes at most 1 argument (%zu given)", nargs + nkw);
        return VNULL;
    }
    if (nargs != 1) {
        err_format(&exc_TypeError, "__reduce_ex__() takes exactly 1 positional argument (%zu given)", nargs);
        return VNULL;
    }
    if (!int_check(args[0])) {
        err_set(&exc_TypeError, "__reduce_ex__ argument should be an integer");
        return VNULL;
    }
    int64_t protocol = int_as_i64(args[0]);
    if (protocol == -1 && err_occurred()) return VNULL;
    CArrayObject *a = (CArrayObject *)self;
    Value dict = obj_getattr_opt(self, str_intern_cstr("__dict__"));
    if (!dict) {
        if (err_occurred()) return VNULL;
        dict = VNone;
    }
    Value type = obj_val(val_type(self));
    Value tc = str_from_codepoint((unsigned char)a->descr->typecode);
    if (!tc) return VNULL;
    if (protocol < 3) {
        Value list = array_tolist(a);
        Value targs = list ? tuple_pack(2, tc, list) : VNULL;
        return targs ? tuple_pack(3, type, targs, dict) : VNULL;
    }
    Value b = array_tobytes(a);
    Value targs = b ? tuple_pack(4, type, tc, val_from_int(a->descr->mformat), b) : VNULL;
    return targs ? tuple_pack(3, array_reconstructor, targs, dict) : VNULL;
}

/* An integer of n bytes (little- or big-endian, signed or not). */
static Value int_from_bytes_n(const unsigned char *p, int n, bool big_endian, bool is_signed) {
    uint64_t u = 0;
    for (int k = 0; k < n; k++) u |= (uint64_t)p[big_endian ? n - 1 - k : k] << (8 * k);
    if (is_signed && n < 8 && (u >> (8 * n - 1)) & 1) u |= ~(uint64_t)0 << (8 * n);
    return is_signed ? int_from_i64((int64_t)u) : int_from_u64(u);
}

static double float_from_bytes_n(const unsigned char *p, int n, bool big_endian) {
    unsigned char b[8];
    for (int k = 0; k < n; k++) b[k] = p[big_endian ? n - 1 - k : k];
    if (n == 4) {
        float f;
        memcpy(&f, b, 4);
        return f;
    }
    double d;
    memcpy(&d, b, 8);
    return d;
}

Value array_reconstructor_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("_array_reconstructor", kwnames) < 0 || dm_positional("_array_reconstructor", nargs, 4, 4) < 0)
        return VNULL;
    Value tv = args[0], items = args[3];
    if (!str_check(args[1]) || str_len(args[1]) != 1) {
        err_format(&exc_TypeError, "_array_reconstructor() argument 2 must be a unicode character, not %s",
                   type_name(args[1]));
        return VNULL;
    }
    const unsigned char *tp = (const unsigned char *)str_data(args[1]);
    uint32_t typecode = utf8_decode(&tp);
    if (int_check(args[2]) ? false : !num_check_index(args[2])) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[2]));
        return VNULL;
    }
    Value mv = num_index(args[2]);
    if (!mv) return VNULL;
    if (!val_is_int(mv) || val_int(mv) < INT_MIN || val_int(mv) > INT_MAX) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return VNULL;
    }
    int mformat = (int)val_int(mv);
    if (val_type(tv) != &type_type && !TYPE_HAS_FLAG(val_type(tv), TF_TYPE_SUBCLASS)) {
        err_format(&exc_TypeError, "first argument must be a type object, not %.200s", type_name(tv));
        return VNULL;
    }
    Type *t = (Type *)tv;
    if (t != &type_array && !type_is_subtype(t, &type_array)) {
        err_format(&exc_TypeError, "%.200s is not a subtype of %.200s", t->name, type_array.name);
        return VNULL;
    }
    const ArrayDescr *d = array_descr_for(typecode);
    if (!d) {
        err_set(&exc_ValueError, "second argument must be a valid type code");
        return VNULL;
    }
    if (mformat < 0 || mformat > MFORMAT_MAX) {
        err_set(&exc_ValueError, "third argument must be a valid machine format code.");
        return VNULL;
    }
    if (!bytes_check(items)) {
        err_format(&exc_TypeError, "fourth argument should be bytes, not %.200s", type_name(items));
        return VNULL;
    }
    if (mformat == d->mformat) return array_make(t, d->typecode, items);

    /* Another machine's layout: decode the items. */
    int size = mformats[mformat].size;
    bool be = mformats[mformat].big_endian;
    if (bytes_size(items) % size) {
        err_set(&exc_ValueError, "string length not a multiple of item size");
        return VNULL;
    }
    const unsigned char *p = (const unsigned char *)bytes_data(items);
    ssize_t count = bytes_size(items) / size;
    char tc = d->typecode;
    Value converted;
    if (mformat >= 18) {
        static const char *const codecs[] = {"utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"};
        converted = bytes_decode((const char *)p, (size_t)bytes_size(items), codecs[mformat - 18], "strict");
    } else {
        converted = list_new((size_t)count);
        if (!converted) return VNULL;
        if (mformat <= 13) {
            for (const ArrayDescr *e = array_descrs; e->typecode; e++)
                if (e->is_int && e->itemsize == size && e->is_signed == mformats[mformat].is_signed) tc = e->typecode;
        }
        for (ssize_t i = 0; i < count; i++) {
            const unsigned char *q = p + i * size;
            Value v = mformat <= 13 ? int_from_bytes_n(q, size, be, mformats[mformat].is_signed)
                                    : float_new(float_from_bytes_n(q, size, be));
            if (!v || list_append(converted, v) < 0) return VNULL;
        }
    }
    return converted ? array_make(t, tc, converted) : VNULL;
}
