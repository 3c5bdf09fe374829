/* struct.c - the _struct module: packing values into C structs described by format strings. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/buffer.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/code.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>

/*
 * A format is compiled once into a Struct: a list of codes, each with its
 * offset, size and repeat count.  The four byte-order tables are CPython's
 * (this is a little-endian 64-bit target): native '@' has native sizes
 * and alignment; '<' and '=' use standard sizes, and for the codes whose
 * standard size equals the native one CPython swaps in the native packers,
 * so their range errors read like native ones ("short format requires
 * ..."); '>' and '!' use the big-endian packers with their own wording.
 * Which message a failure gives is therefore a property of (table, code),
 * recorded in each entry as its `check` kind.
 */

enum Kind { K_PAD, K_CHAR, K_BOOL, K_STR, K_PSTR, K_INT, K_UINT, K_HALF, K_FLOAT, K_DOUBLE, K_VOIDP };

/* How an int argument is range-checked, and which message a failure gives. */
enum Check {
    C_NONE,
    C_BYTE,       /* b: "byte format requires -128 <= number <= 127" */
    C_UBYTE,      /* B: "ubyte format requires 0 <= number <= 255" */
    C_SHORT,      /* native h: "short format requires ..." */
    C_USHORT,     /* native H: "ushort format requires ..." (a C long first) */
    C_RANGE,      /* a C long (unsigned long), then "'x' format requires lo <= number <= hi" */
    C_LONG,       /* fits the size, else "argument out of range" */
    C_BIG,        /* std q/Q: 8 bytes by _PyLong_AsByteArray (OverflowError, reworded for ints) */
};

typedef struct FormatDef {
    char format;
    uint8_t size;
    uint8_t alignment;
    uint8_t kind;
    uint8_t check;
} FormatDef;

static const FormatDef native_table[] = {
    {'x', 1, 0, K_PAD, 0},        {'b', 1, 0, K_INT, C_BYTE},    {'B', 1, 0, K_UINT, C_UBYTE},
    {'c', 1, 0, K_CHAR, 0},       {'s', 1, 0, K_STR, 0},         {'p', 1, 0, K_PSTR, 0},
    {'h', 2, 2, K_INT, C_SHORT},  {'H', 2, 2, K_UINT, C_USHORT}, {'i', 4, 4, K_INT, C_RANGE},
    {'I', 4, 4, K_UINT, C_RANGE}, {'l', 8, 8, K_INT, C_LONG},    {'L', 8, 8, K_UINT, C_LONG},
    {'q', 8, 8, K_INT, C_LONG},   {'Q', 8, 8, K_UINT, C_LONG},   {'n', 8, 8, K_INT, C_LONG},
    {'N', 8, 8, K_UINT, C_LONG},  {'?', 1, 1, K_BOOL, 0},        {'e', 2, 2, K_HALF, 0},
    {'f', 4, 4, K_FLOAT, 0},      {'d', 8, 8, K_DOUBLE, 0},      {'P', 8, 8, K_VOIDP, 0},
    {0},
};

/* '<' and '=': h, H, i, I, q, Q have native sizes and so native packers. */
static const FormatDef little_table[] = {
    {'x', 1, 0, K_PAD, 0},        {'b', 1, 0, K_INT, C_BYTE},    {'B', 1, 0, K_UINT, C_UBYTE},
    {'c', 1, 0, K_CHAR, 0},       {'s', 1, 0, K_STR, 0},         {'p', 1, 0, K_PSTR, 0},
    {'h', 2, 0, K_INT, C_SHORT},  {'H', 2, 0, K_UINT, C_USHORT}, {'i', 4, 0, K_INT, C_RANGE},
    {'I', 4, 0, K_UINT, C_RANGE}, {'l', 4, 0, K_INT, C_RANGE},   {'L', 4, 0, K_UINT, C_RANGE},
    {'q', 8, 0, K_INT, C_LONG},   {'Q', 8, 0, K_UINT, C_LONG},   {'?', 1, 0, K_BOOL, 0},
    {'e', 2, 0, K_HALF, 0},       {'f', 4, 0, K_FLOAT, 0},       {'d', 8, 0, K_DOUBLE, 0},
    {0},
};

static const FormatDef big_table[] = {
    {'x', 1, 0, K_PAD, 0},        {'b', 1, 0, K_INT, C_BYTE},    {'B', 1, 0, K_UINT, C_UBYTE},
    {'c', 1, 0, K_CHAR, 0},       {'s', 1, 0, K_STR, 0},         {'p', 1, 0, K_PSTR, 0},
    {'h', 2, 0, K_INT, C_RANGE},  {'H', 2, 0, K_UINT, C_RANGE},  {'i', 4, 0, K_INT, C_RANGE},
    {'I', 4, 0, K_UINT, C_RANGE}, {'l', 4, 0, K_INT, C_RANGE},   {'L', 4, 0, K_UINT, C_RANGE},
    {'q', 8, 0, K_INT, C_BIG},    {'Q', 8, 0, K_UINT, C_BIG},    {'?', 1, 0, K_BOOL, 0},
    {'e', 2, 0, K_HALF, 0},       {'f', 4, 0, K_FLOAT, 0},       {'d', 8, 0, K_DOUBLE, 0},
    {0},
};

typedef struct Code {
    const FormatDef *def;
    ssize_t offset, size, repeat;
} Code;

typedef struct StructObject {
    Object hdr;
    Value format;     /* bytes */
    Value codes_buf;  /* blob of Code, ended by def == NULL */
    ssize_t size;     /* bytes */
    ssize_t len;      /* values */
    bool big;         /* the table is big-endian */
} StructObject;

Type type_struct, type_unpack_iter;
static Value struct_error;   /* struct.error */
static Value struct_cache;   /* format -> Struct */

#define S(v) ((StructObject *)(v))
static inline Code *struct_codes(Value s) { return (Code *)((BlobObject *)S(s)->codes_buf)->data; }
static Type *error_type(void) { return (Type *)struct_error; }

static void struct_trace(Object *o) {
    gc_mark(S(obj_val(o))->format);
    gc_mark(S(obj_val(o))->codes_buf);
}

/* ---- compiling a format ---- */

static const FormatDef *getentry(char c, const FormatDef *table) {
    for (const FormatDef *f = table; f->format; f++)
        if (f->format == c) return f;
    err_set(error_type(), "bad char in struct format");
    return NULL;
}

static ssize_t align_to(ssize_t size, const FormatDef *e) {
    if (e->alignment && size > 0) {
        ssize_t extra = (e->alignment - 1) - (size - 1) % e->alignment;
        if (extra > SSIZE_MAX - size) return -1;
        size += extra;
    }
    return size;
}

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Two passes as CPython makes them: sizes and counts (with the overflow
 * checks), then the code list. */
static int struct_prepare(Value self) {
    StructObject *s = S(self);
    const char *fmt = bytes_data(s->format);
    if (strlen(fmt) != (size_t)bytes_size(s->format)) {
        err_set(error_type(), "embedded null character");
        return -1;
    }
    const FormatDef *table = native_table;
    s->big = false;
    switch (*fmt) {
    case '<': case '=': table = little_table; fmt++; break;
    case '>': case '!': table = big_table; s->big = true; fmt++; break;
    case '@': fmt++; break;
    }
    ssize_t size = 0, len = 0, ncodes = 0, num;
    const char *p = fmt;
    char c;
    while ((c = *p++) != '\0') {
        if (is_space(c)) continue;
        if (c >= '0' && c <= '9') {
            num = c - '0';
            while ((c = *p++) >= '0' && c <= '9') {
                if (num >= SSIZE_MAX / 10 && (num > SSIZE_MAX / 10 || (c - '0') > SSIZE_MAX % 10)) goto overflow;
                num = num * 10 + (c - '0');
            }
            if (c == '\0') {
                err_set(error_type(), "repeat count given without format specifier");
                return -1;
            }
        } else {
            num = 1;
        }
        const FormatDef *e = getentry(c, table);
        if (!e) return -1;
        if (c == 's' || c == 'p') {
            len++;
            ncodes++;
        } else if (c != 'x') {
            len += num;
            if (num) ncodes++;
        }
        size = align_to(size, e);
        if (size == -1) goto overflow;
        if (num > (SSIZE_MAX - size) / e->size) goto overflow;
        size += num * e->size;
    }
    Value buf = blob_new(sizeof(Code) * (size_t)(ncodes + 1));
    if (!buf) return -1;
    Code *code = (Code *)((BlobObject *)buf)->data;
    p = fmt;
    size = 0;
    while ((c = *p++) != '\0') {
        if (is_space(c)) continue;
        if (c >= '0' && c <= '9') {
            num = c - '0';
            while ((c = *p++) >= '0' && c <= '9') num = num * 10 + (c - '0');
        } else {
            num = 1;
        }
        const FormatDef *e = getentry(c, table);
        size = align_to(size, e);
        if (c == 's' || c == 'p') {
            *code++ = (Code){e, size, num, 1};
            size += num;
        } else if (c == 'x') {
            size += num;
        } else if (num) {
            *code++ = (Code){e, size, e->size, num};
            size += e->size * num;
        }
    }
    *code = (Code){NULL, size, 0, 0};
    GC_WRITE(self, s->codes_buf, buf);
    s->size = size;
    s->len = len;
    return 0;
overflow:
    err_set(error_type(), "total struct size too long");
    return -1;
}

static Value struct_new(Type *t, Value *args, size_t nargs, Value kw) {
    StructObject *s = (StructObject *)type_generic_alloc(t, 0);
    if (!s) return VNULL;
    s->format = bytes_new("", 0);
    s->codes_buf = blob_new(sizeof(Code));
    if (!s->format || !s->codes_buf) return VNULL;
    return obj_val(s);
}

static int struct_init(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"format", NULL};
    Value format;
    if (dm_parse("Struct", args, nargs, kw, names, 0, 1, 1, &format) < 0) return -1;
    if (str_check(format)) {
        format = str_encode(format, "ascii", "strict");
        if (!format) return -1;
    }
    if (!bytes_check(format)) {
        err_format(&exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %s", type_name(format));
        return -1;
    }
    GC_WRITE(self, S(self)->format, format);
    return struct_prepare(self);
}

/* The compiled Struct for a format, from the cache (which is emptied when it reaches 100). */
static Value cached_struct(Value format) {
    if (!struct_cache) {
        struct_cache = dict_new();
        if (!struct_cache) return VNULL;
        gc_add_root(&struct_cache);
    }
    Value s = dict_get(struct_cache, format);
    if (s) return s;
    if (err_occurred()) return VNULL;
    s = obj_call1(obj_val(&type_struct), format);
    if (!s) return VNULL;
    if (dict_size(struct_cache) >= 100) dict_clear(struct_cache);
    return dict_set(struct_cache, format, s) < 0 ? VNULL : s;
}

/* ---- packing ---- */

/* get_pylong: an int, through __index__; else struct.error. */
static Value get_pylong(Value v) {
    if (int_check(v)) return v;
    if (val_type(v)->nb_index) return num_index(v);
    err_set(error_type(), "required argument is not an integer");
    return VNULL;
}

static int range_error(const FormatDef *f, bool is_unsigned) {
    uint64_t ulargest = f->size >= 8 ? UINT64_MAX : ((uint64_t)1 << (f->size * 8)) - 1;
    if (is_unsigned) {
        err_format(error_type(), "'%c' format requires 0 <= number <= %llu", f->format, (unsigned long long)ulargest);
    } else {
        long long largest = (long long)(ulargest >> 1);
        err_format(error_type(), "'%c' format requires %lld <= number <= %lld", f->format, ~largest, largest);
    }
    return -1;
}

/* The integer to store for v under code f, checked as CPython's packer for f checks it. */
static int pack_int_value(const FormatDef *f, Value v, uint64_t *out) {
    Value n = get_pylong(v);
    if (!n) return -1;
    bool neg = int_sign(n) < 0;
    if (f->check == C_BIG) {
        bool ok;
        uint64_t x = 0;
        if (f->kind == K_INT) {
            ok = int_fits_i64(n);
            if (ok) x = (uint64_t)int_as_i64(n);
        } else if (neg) {
            ok = false;
        } else {
            x = int_as_u64(n);
            ok = !(x == (uint64_t)-1 && err_occurred());
            if (!ok) err_clear();
        }
        if (!ok) {
            /* _PyLong_AsByteArray's OverflowError; the caller rewords it for int arguments. */
            err_set(&exc_OverflowError, neg && f->kind == K_UINT ? "can't convert negative int to unsigned"
                                                                   : "int too big to convert");
            return -1;
        }
        *out = x;
        return 0;
    }
    /* Everything else first becomes a C long or unsigned long. */
    bool as_unsigned = f->kind == K_UINT && f->check != C_UBYTE && f->check != C_USHORT;
    int64_t sx = 0;
    uint64_t ux = 0;
    *out = 0;
    if (as_unsigned) {
        if (neg) goto out_of_range;
        if (!int_fits_i64(n)) {
            ux = int_as_u64(n);
            if (ux == (uint64_t)-1 && err_occurred()) {
                err_clear();
                goto out_of_range;
            }
        } else {
            ux = (uint64_t)int_as_i64(n);
        }
    } else {
        if (!int_fits_i64(n)) goto out_of_range;
        sx = int_as_i64(n);
    }
    switch (f->check) {
    case C_BYTE:
        if (sx < -128 || sx > 127) {
            err_set(error_type(), "byte format requires -128 <= number <= 127");
            return -1;
        }
        break;
    case C_UBYTE:
        if (sx < 0 || sx > 255) {
            err_set(error_type(), "ubyte format requires 0 <= number <= 255");
            return -1;
        }
        break;
    case C_SHORT:
        if (sx < -32768 || sx > 32767) {
            err_set(error_type(), "short format requires -32768 <= number <= 32767");
            return -1;
        }
        break;
    case C_USHORT:
        if (sx < 0 || sx > 65535) {
            err_set(error_type(), "ushort format requires 0 <= number <= 65535");
            return -1;
        }
        break;
    case C_RANGE:
        if (f->size < 8) {
            if (as_unsigned) {
                if (ux >> (f->size * 8)) return range_error(f, true);
            } else {
                int64_t lim = (int64_t)1 << (f->size * 8 - 1);
                if (sx < -lim || sx >= lim) return range_error(f, false);
            }
        }
        break;
    default:
        break;
    }
    *out = as_unsigned ? ux : (uint64_t)sx;
    return 0;
out_of_range:
    err_set(error_type(), "argument out of range");
    return -1;
}

static void store_uint(char *p, uint64_t x, int size, bool big) {
    for (int i = 0; i < size; i++) {
        p[big ? size - 1 - i : i] = (char)(x & 0xff);
        x >>= 8;
    }
}

static uint64_t load_uint(const char *p, int size, bool big) {
    uint64_t x = 0;
    for (int i = 0; i < size; i++) x = (x << 8) | (uint8_t)p[big ? i : size - 1 - i];
    return x;
}

/* IEEE binary16, rounded half to even (PyFloat_Pack2). */
static int pack_half(double x, char *p, bool big) {
    unsigned sign, bits;
    int e;
    if (x == 0.0) {
        sign = copysign(1.0, x) == -1.0;
        e = 0;
        bits = 0;
    } else if (isinf(x)) {
        sign = x < 0.0;
        e = 0x1f;
        bits = 0;
    } else if (isnan(x)) {
        sign = copysign(1.0, x) == -1.0;
        e = 0x1f;
        bits = 512;
    } else {
        sign = x < 0.0;
        if (sign) x = -x;
        double f = frexp(x, &e);
        f *= 2.0;   /* into [1, 2) */
        e--;
        if (e >= 16) goto overflow;
        if (e < -25) {
            f = 0.0;   /* below 2**-25: zero */
            e = 0;
        } else if (e < -14) {
            f = ldexp(f, 14 + e);   /* subnormal */
            e = 0;
        } else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        bits = (unsigned)f;
        if (f - bits > 0.5 || (f - bits == 0.5 && bits % 2 == 1)) {
            if (++bits == 1024) {
                bits = 0;
                if (++e == 31) goto overflow;
            }
        }
    }
    store_uint(p, bits | ((unsigned)e << 10) | (sign << 15), 2, big);
    return 0;
overflow:
    err_set(&exc_OverflowError, "float too large to pack with e format");
    return -1;
}

static double unpack_half(const char *p, bool big) {
    unsigned v = (unsigned)load_uint(p, 2, big);
    unsigned sign = (v >> 15) & 1, e = (v >> 10) & 0x1f, f = v & 0x3ff;
    if (e == 0x1f) {
        if (f == 0) return sign ? -HUGE_VAL : HUGE_VAL;
        return sign ? -fabs(NAN) : fabs(NAN);
    }
    double x = (double)f / 1024.0;
    int ex;
    if (e == 0) {
        ex = -14;
    } else {
        x += 1.0;
        ex = (int)e - 15;
    }
    x = ldexp(x, ex);
    return sign ? -x : x;
}

static int pack_double_arg(Value v, double *x) {
    if (float_as_double(v, x) < 0) {
        err_clear();
        err_set(error_type(), "required argument is not a float");
        return -1;
    }
    return 0;
}

static int pack_one(const Code *code, char *res, Value v, bool big, bool native) {
    const FormatDef *e = code->def;
    switch (e->kind) {
    case K_CHAR: {
        if (!bytes_check(v) || bytes_size(v) != 1) {
            err_set(error_type(), "char format requires a bytes object of length 1");
            return -1;
        }
        *res = bytes_data(v)[0];
        return 0;
    }
    case K_BOOL: {
        int t = obj_is_true(v);
        if (t < 0) return -1;
        *res = (char)t;
        return 0;
    }
    case K_INT:
    case K_UINT: {
        uint64_t x;
        if (pack_int_value(e, v, &x) < 0) return -1;
        store_uint(res, x, e->size, big);
        return 0;
    }
    case K_VOIDP: {
        Value n = get_pylong(v);
        if (!n) return -1;
        /* PyLong_AsVoidPtr: negatives as signed, the rest as unsigned. */
        uint64_t x;
        if (int_fits_i64(n)) {
            x = (uint64_t)int_as_i64(n);
        } else {
            x = int_sign(n) < 0 ? (uint64_t)-1 : int_as_u64(n);
            if (int_sign(n) < 0 || (x == (uint64_t)-1 && err_occurred())) {
                err_clear();
                err_set(&exc_OverflowError, "int too large to convert");
                return -1;
            }
        }
        store_uint(res, x, 8, big);
        return 0;
    }
    case K_HALF: {
        double x;
        if (pack_double_arg(v, &x) < 0) return -1;
        return pack_half(x, res, big);
    }
    case K_FLOAT: {
        double x;
        if (pack_double_arg(v, &x) < 0) return -1;
        float y = (float)x;
        /* Native 'f' is a plain C conversion; the standard one refuses to overflow. */
        if (!native && isinf(y) && !isinf(x)) {
            err_set(&exc_OverflowError, "float too large to pack with f format");
            return -1;
        }
        uint32_t bits;
        memcpy(&bits, &y, 4);
        store_uint(res, bits, 4, big);
        return 0;
    }
    case K_DOUBLE: {
        double x;
        if (pack_double_arg(v, &x) < 0) return -1;
        uint64_t bits;
        memcpy(&bits, &x, 8);
        store_uint(res, bits, 8, big);
        return 0;
    }
    default:
        return 0;
    }
}

/* Pack args (exactly s->len of them) into buf of s->size bytes, zeroed first. */
static int struct_pack_into_buf(Value self, Value *args, char *buf) {
    StructObject *s = S(self);
    memset(buf, 0, (size_t)s->size);
    bool native = bytes_data(s->format)[0] != '<' && bytes_data(s->format)[0] != '=' && !s->big;
    size_t i = 0;
    for (const Code *code = struct_codes(self); code->def; code++) {
        char *res = buf + code->offset;
        const FormatDef *e = code->def;
        if (e->kind == K_STR || e->kind == K_PSTR) {
            Value v = args[i++];
            const char *p;
            size_t n;
            if (!bytes_check(v) && !bytearray_check(v)) {
                err_format(error_type(), "argument for '%c' must be a bytes object", e->format);
                return -1;
            }
            bytes_get_buffer(v, &p, &n);
            if (e->kind == K_STR) {
                if ((ssize_t)n > code->size) n = (size_t)code->size;
                if (n) memcpy(res, p, n);
            } else {
                ssize_t m = (ssize_t)n;
                if (m > code->size - 1) m = code->size - 1;
                if (m > 0) memcpy(res + 1, p, (size_t)m);
                if (m > 255) m = 255;
                if (code->size > 0) *res = (char)(unsigned char)m;
            }
            continue;
        }
        for (ssize_t k = 0; k < code->repeat; k++, res += e->size) {
            Value v = args[i++];
            if (pack_one(code, res, v, s->big, native) < 0) {
                /* Any overflow while packing an int reads as struct's own error. */
                if (int_check(v) && err_matches(&exc_OverflowError)) {
                    err_clear();
                    err_set(error_type(), "int too large to convert");
                }
                return -1;
            }
        }
    }
    return 0;
}

static Value struct_pack(Value self, Value *args, size_t nargs) {
    if ((ssize_t)nargs != S(self)->len) {
        err_format(error_type(), "pack expected %zd items for packing (got %zu)", S(self)->len, nargs);
        return VNULL;
    }
    BytesObject *b = bytes_alloc((size_t)S(self)->size);
    if (!b) return VNULL;
    if (struct_pack_into_buf(self, args, b->data) < 0) return VNULL;
    return obj_val(b);
}

static Value struct_pack_into(Value self, Value *args, size_t nargs) {
    StructObject *s = S(self);
    if ((ssize_t)nargs != s->len + 2) {
        if (nargs == 0) err_set(error_type(), "pack_into expected buffer argument");
        else if (nargs == 1) err_set(error_type(), "pack_into expected offset argument");
        else err_format(error_type(), "pack_into expected %zd items for packing (got %zu)", s->len, nargs - 2);
        return VNULL;
    }
    /* A writable buffer ("w*"): bytearray, a writable memoryview... held until packed. */
    Buffer view;
    if (buffer_get(args[0], &view, BUF_WRITABLE) < 0) {
        err_clear();
        err_format(&exc_TypeError, "argument must be read-write bytes-like object, not %s", type_name(args[0]));
        return VNULL;
    }
    ssize_t offset = num_as_ssize(args[1], &exc_IndexError);
    int r = -1;
    if (offset == -1 && err_occurred()) goto done;
    ssize_t len = view.len;
    if (offset < 0) {
        if (offset + s->size > 0) {
            err_format(error_type(), "no space to pack %zd bytes at offset %zd", s->size, offset);
            goto done;
        }
        if (offset + len < 0) {
            err_format(error_type(), "offset %zd out of range for %zd-byte buffer", offset, len);
            goto done;
        }
        offset += len;
    }
    if (len - offset < s->size) {
        err_format(error_type(),
                   "pack_into requires a buffer of at least %zu bytes for packing %zd bytes at offset %zd "
                   "(actual buffer size is %zd)",
                   (size_t)s->size + (size_t)offset, s->size, offset, len);
        goto done;
    }
    r = struct_pack_into_buf(self, args + 2, (char *)view.buf + offset);
done:
    buffer_release(&view);
    return r < 0 ? VNULL : VNone;
}

/* ---- unpacking ---- */

static Value unpack_one(const FormatDef *e, const char *p, bool big) {
    switch (e->kind) {
    case K_CHAR: return bytes_new(p, 1);
    case K_BOOL: return val_bool(*p != 0);
    case K_INT: {
        uint64_t x = load_uint(p, e->size, big);
        int shift = 64 - 8 * e->size;
        int64_t v = shift ? (int64_t)(x << shift) >> shift : (int64_t)x;
        return int_from_i64(v);
    }
    case K_UINT:
    case K_VOIDP: return int_from_u64(load_uint(p, e->size, big));
    case K_HALF: return float_new(unpack_half(p, big));
    case K_FLOAT: {
        uint32_t bits = (uint32_t)load_uint(p, 4, big);
        float f;
        memcpy(&f, &bits, 4);
        return float_new(f);
    }
    case K_DOUBLE: {
        uint64_t bits = load_uint(p, 8, big);
        double d;
        memcpy(&d, &bits, 8);
        return float_new(d);
    }
    default: return VNone;
    }
}

static Value struct_unpack_buf(Value self, const char *buf) {
    StructObject *s = S(self);
    Value t = tuple_new((size_t)s->len);
    if (!t) return VNULL;
    ssize_t i = 0;
    for (const Code *code = struct_codes(self); code->def; code++) {
        const FormatDef *e = code->def;
        const char *res = buf + code->offset;
        if (e->kind == K_STR) {
            Value v = bytes_new(res, (size_t)code->size);
            if (!v) return VNULL;
            tuple_items(t)[i++] = v;
            continue;
        }
        if (e->kind == K_PSTR) {
            ssize_t n = code->size > 0 ? *(const unsigned char *)res : 0;
            if (n >= code->size) n = code->size - 1;
            Value v = bytes_new(res + 1, n > 0 ? (size_t)n : 0);
            if (!v) return VNULL;
            tuple_items(t)[i++] = v;
            continue;
        }
        for (ssize_t k = 0; k < code->repeat; k++, res += e->size) {
            Value v = unpack_one(e, res, s->big);
            if (!v) return VNULL;
            tuple_items(t)[i++] = v;
        }
    }
    return t;
}

/* The bytes of a buffer argument: "a bytes-like object is required, not 'str'". */
static bool get_buffer(Value v, const char **p, size_t *n) {
    if (bytes_get_buffer(v, p, n)) return true;
    err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(v));
    return false;
}

static Value struct_unpack(Value self, Value buffer) {
    const char *p;
    size_t n;
    if (!get_buffer(buffer, &p, &n)) return VNULL;
    if ((ssize_t)n != S(self)->size) {
        err_format(error_type(), "unpack requires a buffer of %zd bytes", S(self)->size);
        return VNULL;
    }
    return struct_unpack_buf(self, p);
}

static Value struct_unpack_from(Value self, Value buffer, Value offset_v) {
    ssize_t offset = 0;
    if (offset_v && dm_ssize(offset_v, &offset) < 0) return VNULL;
    const char *p;
    size_t n;
    if (!get_buffer(buffer, &p, &n)) return VNULL;
    ssize_t len = (ssize_t)n, size = S(self)->size;
    if (offset < 0) {
        if (offset + len < 0) {
            err_format(error_type(), "offset %zd out of range for %zd-byte buffer", offset, len);
            return VNULL;
        }
        if (len - (offset + len) < size) {
            err_format(error_type(), "not enough data to unpack %zd bytes at offset %zd", size, offset);
            return VNULL;
        }
        offset += len;
    }
    if (len - offset < size) {
        err_format(error_type(),
                   "unpack_from requires a buffer of at least %zu bytes for unpacking %zd bytes at offset %zd "
                   "(actual buffer size is %zd)",
                   (size_t)size + (size_t)offset, size, offset, len);
        return VNULL;
    }
    return struct_unpack_buf(self, p + offset);
}

/* ---- unpack_iterator ---- */

typedef struct UnpackIterObject {
    Object hdr;
    Value s;
    Value buffer;
    ssize_t index;
} UnpackIterObject;

static void unpackiter_trace(Object *o) {
    gc_mark(((UnpackIterObject *)o)->s);
    gc_mark(((UnpackIterObject *)o)->buffer);
}

static Value struct_iter_unpack(Value self, Value buffer) {
    if (S(self)->size == 0) {
        err_set(error_type(), "cannot iteratively unpack with a struct of length 0");
        return VNULL;
    }
    const char *p;
    size_t n;
    if (!get_buffer(buffer, &p, &n)) return VNULL;
    if ((ssize_t)n % S(self)->size != 0) {
        err_format(error_type(), "iterative unpacking requires a buffer of a multiple of %zd bytes", S(self)->size);
        return VNULL;
    }
    /* A bytearray is copied: CPython locks its size while the iterator lives. */
    if (!bytes_check(buffer)) buffer = bytes_new(p, n);
    if (!buffer) return VNULL;
    type_ready(&type_unpack_iter);
    UnpackIterObject *it = gc_alloc(&type_unpack_iter, sizeof(UnpackIterObject));
    if (!it) return VNULL;
    it->s = self;
    it->buffer = buffer;
    return obj_val(it);
}

static Value unpackiter_self(Value self) { return self; }

static Value unpackiter_next(Value self) {
    UnpackIterObject *it = (UnpackIterObject *)self;
    if (!it->s) return VNULL;
    ssize_t size = S(it->s)->size;
    if (it->index + size > bytes_size(it->buffer)) {
        it->s = VNULL;
        return VNULL;
    }
    Value r = struct_unpack_buf(it->s, bytes_data(it->buffer) + it->index);
    it->index += size;
    return r;
}

static Value unpackiter_length_hint(Value self, Value *args, size_t nargs, Value kw) {
    UnpackIterObject *it = (UnpackIterObject *)self;
    if (!it->s) return val_from_int(0);
    return int_from_i64((bytes_size(it->buffer) - it->index) / S(it->s)->size);
}

static const MethodDef unpackiter_methods[] = {
    {"__length_hint__", unpackiter_length_hint, 0, NULL},
    {NULL},
};

Type type_unpack_iter = {
    .hdr = {0, &type_type},
    .name = "_struct.unpack_iterator",
    .basicsize = sizeof(UnpackIterObject),
    .trace = unpackiter_trace,
    .iter = unpackiter_self,
    .iternext = unpackiter_next,
    .methods = unpackiter_methods,
};

/* ---- Struct methods ---- */

static Value s_pack_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("pack", kw) < 0) return VNULL;
    return struct_pack(self, args, nargs);
}

static Value s_pack_into_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("pack_into", kw) < 0) return VNULL;
    return struct_pack_into(self, args, nargs);
}

static Value s_unpack_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Struct.unpack", kw) < 0 || arg_count("Struct.unpack", nargs, 1, 1) < 0) return VNULL;
    return struct_unpack(self, args[0]);
}

static Value s_unpack_from_m(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"buffer", "offset", NULL};
    Value a[2];
    if (dm_parse("unpack_from", args, nargs, kw, names, 0, 2, 1, a) < 0) return VNULL;
    return struct_unpack_from(self, a[0], a[1]);
}

static Value s_iter_unpack_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Struct.iter_unpack", kw) < 0 || arg_count("Struct.iter_unpack", nargs, 1, 1) < 0) return VNULL;
    return struct_iter_unpack(self, args[0]);
}

static Value s_sizeof_m(Value self, Value *args, size_t nargs, Value kw) {
    ssize_t n = 0;
    for (const Code *c = struct_codes(self); c->def; c++) n++;
    return int_from_i64((int64_t)(sizeof(StructObject) + (size_t)(n + 1) * sizeof(Code)));
}

static Value s_get_format(Value self) { return bytes_decode(bytes_data(S(self)->format), (size_t)bytes_size(S(self)->format), "latin-1", "strict"); }
static Value s_get_size(Value self) { return int_from_i64(S(self)->size); }

static const MethodDef struct_methods[] = {
    {"iter_unpack", s_iter_unpack_m, 0,
     "Return an iterator yielding tuples.\n\nTuples are unpacked from the given bytes source, like a repeated\n"
     "invocation of unpack_from().\n\nRequires that the bytes length be a multiple of the struct size."},
    {"pack", s_pack_m, 0,
     "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... packed according\n"
     "to the format string S.format.  See help(struct) for more on format\nstrings."},
    {"pack_into", s_pack_into_m, 0,
     "S.pack_into(buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format string S.format\n"
     "and write the packed bytes into the writable buffer buf starting at\noffset.  Note that the offset is a "
     "required argument.  See\nhelp(struct) for more on format strings."},
    {"unpack", s_unpack_m, 0,
     "Return a tuple containing unpacked values.\n\nUnpack according to the format string Struct.format. The buffer's size\n"
     "in bytes must be Struct.size.\n\nSee help(struct) for more on format strings."},
    {"unpack_from", s_unpack_from_m, 0,
     "Return a tuple containing unpacked values.\n\nValues are unpacked according to the format string Struct.format.\n\n"
     "The buffer's size in bytes, starting at position offset, must be\nat least Struct.size.\n\n"
     "See help(struct) for more on format strings."},
    {"__sizeof__", s_sizeof_m, 0, "S.__sizeof__() -> size of S in memory, in bytes"},
    {NULL},
};

static const GetSetDef struct_getsets[] = {
    {"format", s_get_format, NULL, "struct format string"},
    {"size", s_get_size, NULL, "struct size in bytes"},
    {NULL},
};

Type type_struct = {
    .hdr = {0, &type_type},
    .name = "_struct.Struct",
    .basicsize = sizeof(StructObject),
    .flags = TF_BASETYPE,
    .trace = struct_trace,
    .new = struct_new,
    .init = struct_init,
    .methods = struct_methods,
    .getsets = struct_getsets,
    .doc = "Struct(fmt) --> compiled struct object\n\n",
};

/* ---- module functions ---- */

static Value m_pack(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("pack", kw) < 0) return VNULL;
    if (nargs == 0) {
        err_set(&exc_TypeError, "missing format argument");
        return VNULL;
    }
    Value s = cached_struct(args[0]);
    return s ? struct_pack(s, args + 1, nargs - 1) : VNULL;
}

static Value m_pack_into(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("pack_into", kw) < 0) return VNULL;
    if (nargs == 0) {
        err_set(&exc_TypeError, "missing format argument");
        return VNULL;
    }
    Value s = cached_struct(args[0]);
    return s ? struct_pack_into(s, args + 1, nargs - 1) : VNULL;
}

static Value m_unpack(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_struct.unpack", kw) < 0 || dm_positional("unpack", nargs, 2, 2) < 0) return VNULL;
    Value s = cached_struct(args[0]);
    return s ? struct_unpack(s, args[1]) : VNULL;
}

static Value m_unpack_from(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"format", "buffer", "offset", NULL};
    Value a[3];
    if (dm_parse("unpack_from", args, nargs, kw, names, 1, 3, 2, a) < 0) return VNULL;
    Value s = cached_struct(a[0]);
    return s ? struct_unpack_from(s, a[1], a[2]) : VNULL;
}

static Value m_iter_unpack(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_struct.iter_unpack", kw) < 0 || dm_positional("iter_unpack", nargs, 2, 2) < 0) return VNULL;
    Value s = cached_struct(args[0]);
    return s ? struct_iter_unpack(s, args[1]) : VNULL;
}

static Value m_calcsize(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_struct.calcsize", kw) < 0 || arg_count("_struct.calcsize", nargs, 1, 1) < 0) return VNULL;
    Value s = cached_struct(args[0]);
    return s ? int_from_i64(S(s)->size) : VNULL;
}

static Value m_clearcache(Value self, Value *args, size_t nargs, Value kw) {
    if (struct_cache) dict_clear(struct_cache);
    return VNone;
}

static const MethodDef struct_functions[] = {
    {"_clearcache", m_clearcache, 0, "Clear the internal cache."},
    {"calcsize", m_calcsize, 0, "Return size in bytes of the struct described by the format string."},
    {"iter_unpack", m_iter_unpack, 0,
     "Return an iterator yielding tuples unpacked from the given bytes.\n\n"
     "The bytes are unpacked according to the format string, like\na repeated invocation of unpack_from().\n\n"
     "Requires that the bytes length be a multiple of the format struct size."},
    {"pack", m_pack, 0,
     "pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values v1, v2, ... packed according\n"
     "to the format string.  See help(struct) for more on format strings."},
    {"pack_into", m_pack_into, 0,
     "pack_into(format, buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format string and "
     "write\nthe packed bytes into the writable buffer buf starting at offset.  Note\nthat the offset is a required "
     "argument.  See help(struct) for more\non format strings."},
    {"unpack", m_unpack, 0,
     "Return a tuple containing values unpacked according to the format string.\n\n"
     "The buffer's size in bytes must be calcsize(format).\n\nSee help(struct) for more on format strings."},
    {"unpack_from", m_unpack_from, 0,
     "Return a tuple containing values unpacked according to the format string.\n\n"
     "The buffer's size, minus offset, must be at least calcsize(format).\n\n"
     "See help(struct) for more on format strings."},
    {NULL},
};

Value struct_module_init(void) {
    Value m = module_new_cstr("_struct");
    if (!m || module_add_functions(m, struct_functions) < 0) return VNULL;
    type_ready(&type_struct);
    /* struct.error: a plain Exception subclass whose __module__ is "struct". */
    Value ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("struct")) < 0) return VNULL;
    Value bases = tuple_pack(1, obj_val(&exc_Exception));
    struct_error = type_new_class(&type_type, str_from_cstr("error"), bases, ns, VNULL);
    if (!struct_error) return VNULL;
    gc_add_root(&struct_error);
    if (module_add(m, "Struct", obj_val(&type_struct)) < 0 || module_add(m, "error", struct_error) < 0 ||
        module_add(m, "__doc__", str_from_cstr(
            "Functions to convert between Python values and C structs.\n"
            "Python bytes objects are used to hold the data representing the C struct\n"
            "and also as format strings (explained below) to describe the layout of data\n"
            "in the C struct.\n")) < 0)
        return VNULL;
    return m;
}
