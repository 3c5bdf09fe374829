/* number.c - the number protocol: binary and in-place dispatch, unary operators, index/int/float conversion. */
#include "object.h"
#include "int.h"
#include "float.h"
#include "str.h"
#include "type.h"
#include "func.h"
#include "type_slots.h"
#include "num_internal.h"
#include "buffer.h"
#include "bytes.h"
#include "../vm/error.h"

#include <stdio.h>

/*
 * CPython's binary_op1: the left operand's slot first, unless the right
 * operand's type is a proper subtype of the left's and fills the slot
 * differently, in which case the right one gets the first try (so a
 * subclass can override an operator with its reflected method).  A slot
 * answers NotImplemented for operand types it does not handle; only when
 * every candidate does is it an error, after the sequence fallbacks
 * (sq_concat for +, sq_repeat for *).
 */

static const char *const binop_symbols[] = {
#define BINOP(NAME, slot, d, r, i, sym) sym,
#include "binops.def"
#undef BINOP
};

static Value binary_op1(Value a, Value b, int op) {
    Type *ta = val_type(a), *tb = val_type(b);
    BinaryFunc slotv = ta->nb[op], slotw = NULL;
    if (tb != ta) {
        slotw = tb->nb[op];
        if (slotw == slotv) slotw = NULL;
    }
    if (slotv) {
        if (slotw && type_is_subtype(tb, ta)) {
            Value x = slotw(a, b);
            if (x != VNotImplemented) return x;
            slotw = NULL;
        }
        Value x = slotv(a, b);
        if (x != VNotImplemented) return x;
    }
    if (slotw) return slotw(a, b);
    return VNotImplemented;
}

static Value binop_type_error(Value a, Value b, const char *sym) {
    err_format(&exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym, type_name(a),
               type_name(b));
    return VNULL;
}

/* seq * n with n an index; CPython's sequence_repeat. */
static Value sequence_repeat(Value (*repeat)(Value, ssize_t), Value seq, Value n) {
    if (!num_check_index(n)) {
        err_format(&exc_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(n));
        return VNULL;
    }
    ssize_t count = num_as_ssize(n, &exc_OverflowError);
    if (count == -1 && err_occurred()) return VNULL;
    return repeat(seq, count);
}

Value num_binop(Value a, Value b, int op) {
    if (op >= BINOP__COUNT) return num_inplace(a, b, op - BINOP__COUNT);
    if (val_is_int(a) && val_is_int(b)) {
        /* The int slots take their small-int fast paths at once. */
        Value x = type_int.nb[op] ? type_int.nb[op](a, b) : VNotImplemented;
        if (x != VNotImplemented) return x;
    } else {
        Value x = binary_op1(a, b, op);
        if (x != VNotImplemented) return x;
    }
    Type *ta = val_type(a), *tb = val_type(b);
    if (op == BINOP_ADD && ta->sq_concat) return ta->sq_concat(a, b);
    if (op == BINOP_MUL) {
        if (ta->sq_repeat) return sequence_repeat(ta->sq_repeat, a, b);
        if (tb->sq_repeat) return sequence_repeat(tb->sq_repeat, b, a);
    }
    return binop_type_error(a, b, op == BINOP_POW ? "** or pow()" : binop_symbols[op]);
}

/* a op= b: the in-place slot, then the binary dispatch, then the
 * in-place (or plain) sequence fallbacks. */
Value num_inplace(Value a, Value b, int op) {
    if (op >= BINOP__COUNT) op -= BINOP__COUNT;
    Type *ta = val_type(a), *tb = val_type(b);
    if (ta->nb_inplace[op]) {
        Value x = ta->nb_inplace[op](a, b);
        if (x != VNotImplemented) return x;
    }
    Value x = binary_op1(a, b, op);
    if (x != VNotImplemented) return x;
    if (op == BINOP_ADD) {
        BinaryFunc f = ta->sq_inplace_concat ? ta->sq_inplace_concat : ta->sq_concat;
        if (f) return f(a, b);
    }
    if (op == BINOP_MUL) {
        Value (*f)(Value, ssize_t) = ta->sq_inplace_repeat ? ta->sq_inplace_repeat : ta->sq_repeat;
        if (f) return sequence_repeat(f, a, b);
        /* The right operand is not mutated, so only its plain repeat. */
        if (tb->sq_repeat) return sequence_repeat(tb->sq_repeat, b, a);
    }
    char sym[8];
    snprintf(sym, sizeof sym, "%s=", binop_symbols[op]);
    return binop_type_error(a, b, sym);
}

Value num_divmod(Value a, Value b) {
    Type *ta = val_type(a), *tb = val_type(b);
    BinaryFunc slotv = ta->nb_divmod, slotw = NULL;
    if (tb != ta) {
        slotw = tb->nb_divmod;
        if (slotw == slotv) slotw = NULL;
    }
    if (slotv) {
        if (slotw && type_is_subtype(tb, ta)) {
            Value x = slotw(a, b);
            if (x != VNotImplemented) return x;
            slotw = NULL;
        }
        Value x = slotv(a, b);
        if (x != VNotImplemented) return x;
    }
    if (slotw) {
        Value x = slotw(a, b);
        if (x != VNotImplemented) return x;
    }
    return binop_type_error(a, b, "divmod()");
}

/* pow(a, b, m): CPython's ternary_op, which also gives the modulus's type
 * a try. */
Value num_pow3(Value a, Value b, Value m) {
    if (m == VNone) return num_binop(a, b, BINOP_POW);
    Type *ta = val_type(a), *tb = val_type(b), *tm = val_type(m);
    TernaryFunc slotv = ta->nb_pow3, slotw = NULL, slotz;
    if (tb != ta) {
        slotw = tb->nb_pow3;
        if (slotw == slotv) slotw = NULL;
    }
    if (slotv) {
        if (slotw && type_is_subtype(tb, ta)) {
            Value x = slotw(a, b, m);
            if (x != VNotImplemented) return x;
            slotw = NULL;
        }
        Value x = slotv(a, b, m);
        if (x != VNotImplemented) return x;
    }
    if (slotw) {
        Value x = slotw(a, b, m);
        if (x != VNotImplemented) return x;
    }
    slotz = tm->nb_pow3;
    if (slotz && slotz != slotv && slotz != slotw) {
        Value x = slotz(a, b, m);
        if (x != VNotImplemented) return x;
    }
    err_format(&exc_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", type_name(a),
               type_name(b), type_name(m));
    return VNULL;
}

/* ---- Unary operators ---- */

#define UNARY(fn, slot, small_fn, what)                                             \
    Value fn(Value v) {                                                             \
        if (val_is_int(v)) return small_fn(v);                                      \
        Type *t = val_type(v);                                                      \
        if (t->slot) return t->slot(v);                                             \
        err_format(&exc_TypeError, "bad operand type for " what ": '%s'", type_name(v)); \
        return VNULL;                                                               \
    }

static Value int_identity(Value v) { return v; }

UNARY(num_neg, nb_neg, int_neg, "unary -")
UNARY(num_pos, nb_pos, int_identity, "unary +")
UNARY(num_abs, nb_abs, int_abs, "abs()")
UNARY(num_invert, nb_invert, int_invert, "unary ~")

/* ---- Conversions ---- */

bool num_check_index(Value v) { return int_check(v) || val_type(v)->nb_index != NULL; }

static int deprecated_subclass_result(const char *what, Value r, const char *base) {
    char msg[700];
    snprintf(msg, sizeof msg,
             "%s returned non-%s (type %.200s).  The ability to return an instance of a strict "
             "subclass of %s is deprecated, and may be removed in a future version of Python.",
             what, base, type_name(r), base);
    return err_warn(&exc_DeprecationWarning, msg, 1);
}

/* operator.index(v): always an exact int (Python 3.10+). */
Value num_index(Value v) {
    if (val_is_int(v)) return v;
    if (int_check(v)) return int_normalize(v);
    Type *t = val_type(v);
    if (!t->nb_index) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", t->name);
        return VNULL;
    }
    Value r = t->nb_index(v);
    if (!r || int_check_exact(r)) return r;
    if (!int_check(r)) {
        err_format(&exc_TypeError, "__index__ returned non-int (type %s)", type_name(r));
        return VNULL;
    }
    if (deprecated_subclass_result("__index__", r, "int") < 0) return VNULL;
    return int_normalize(r);
}

/* PyNumber_AsSsize_t: with overflow_exc NULL, out-of-range values clamp. */
ssize_t num_as_ssize(Value v, Type *overflow_exc) {
    if (val_is_int(v)) return val_int(v);
    Value i = num_index(v);
    if (!i) return -1;
    if (val_is_int(i)) return val_int(i);
    if (int_fits_i64(i)) return (ssize_t)int_as_i64(i);
    if (!overflow_exc) return int_sign(i) < 0 ? (ssize_t)INT64_MIN : (ssize_t)INT64_MAX;
    err_format(overflow_exc, "cannot fit '%s' into an index-sized integer", type_name(v));
    return -1;
}

/* int(v): __int__, __index__, __trunc__, then text; CPython's PyNumber_Long. */
Value num_int(Value o) {
    if (int_check_exact(o)) return o;
    Type *t = val_type(o);
    if (t->nb_int) {
        Value r = t->nb_int(o);
        if (!r || int_check_exact(r)) return r;
        if (!int_check(r)) {
            err_format(&exc_TypeError, "__int__ returned non-int (type %s)", type_name(r));
            return VNULL;
        }
        if (deprecated_subclass_result("__int__", r, "int") < 0) return VNULL;
        return int_normalize(r);
    }
    if (t->nb_index) return num_index(o);
    bool found;
    Value r = call_method_lookup(o, "__trunc__", NULL, 0, &found);
    if (found) {
        if (!r) return VNULL;
        if (err_warn(&exc_DeprecationWarning, "The delegation of int() to __trunc__ is deprecated.", 1) < 0)
            return VNULL;
        if (int_check(r)) return int_normalize(r);
        if (!num_check_index(r)) {
            err_format(&exc_TypeError, "__trunc__ returned non-Integral (type %s)", type_name(r));
            return VNULL;
        }
        return num_index(r);
    }
    if (num_is_text(o)) return int_from_text_value(o, 10);
    /* Any other bytes-like object (memoryview, array): its bytes, parsed as a bytes object. */
    const char *data;
    size_t size;
    if (buffer_simple_bytes(o, &data, &size)) {
        Value b = bytes_new(data, size);
        return b ? int_from_text_value(b, 10) : VNULL;
    }
    err_format(&exc_TypeError,
               "int() argument must be a string, a bytes-like object or a real number, not '%s'",
               type_name(o));
    return VNULL;
}

/* float(v): __float__, __index__, then text; CPython's PyNumber_Float. */
Value num_float(Value o) {
    if (!val_is_int(o) && float_check_exact(o)) return o;
    if (val_is_int(o)) return float_new((double)val_int(o));
    Type *t = val_type(o);
    if (t->nb_float) {
        Value r = t->nb_float(o);
        if (!r || (!val_is_int(r) && float_check_exact(r))) return r;
        if (val_is_int(r) || !float_check(r)) {
            err_format(&exc_TypeError, "%s.__float__ returned non-float (type %s)", t->name, type_name(r));
            return VNULL;
        }
        char what[256];
        snprintf(what, sizeof what, "%.50s.__float__", t->name);
        if (deprecated_subclass_result(what, r, "float") < 0) return VNULL;
        return float_new(float_value(r));
    }
    if (t->nb_index) {
        Value i = num_index(o);
        if (!i) return VNULL;
        double d = int_as_double(i);
        if (d == -1.0 && err_occurred()) return VNULL;
        return float_new(d);
    }
    if (float_check(o)) return float_new(float_value(o));
    if (num_is_text(o)) return float_from_text_value(o);
    const char *data;
    size_t size;
    if (buffer_simple_bytes(o, &data, &size)) {
        /* Copied first: the parser must stop at the view's end, not at the exporter's. */
        Value b = bytes_new(data, size);
        return b ? float_from_chars(bytes_data(b), size, o) : VNULL;
    }
    err_format(&exc_TypeError, "float() argument must be a string or a real number, not '%s'", t->name);
    return VNULL;
}
