/* datamod.h - helpers shared by the data-structure and math modules (argument parsing, iteration). */
#ifndef TAIPAN_DATAMOD_H
#define TAIPAN_DATAMOD_H

#include "../objects/object.h"
#include "../objects/type.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../objects/int.h"
#include "../vm/error.h"

/*
 * Argument Clinic's parser with keyword-only parameters: names[0..maxpos)
 * may be given by position (the first npos_only only by position), the
 * rest only by keyword.  It raises CPython's messages for the two checks
 * arg_parse() cannot make ("takes at most N arguments", "takes at most N
 * positional arguments") and leaves the rest to arg_parse().
 */
static inline int dm_parse(const char *fname, Value *args, size_t nargs, Value kwnames,
                           const char *const *names, size_t npos_only, size_t maxpos, size_t nrequired,
                           Value *out) {
    size_t maxargs = 0;
    while (names[maxargs]) maxargs++;
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    if (nargs + nkw > maxargs) {
        err_format(&exc_TypeError, "%s() takes at most %zu %sargument%s (%zu given)", fname, maxargs,
                   nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    if (nargs > maxpos) {
        if (maxpos == 0)
            err_format(&exc_TypeError, "%s() takes no positional arguments", fname);
        else
            err_format(&exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)", fname,
                       nrequired < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs < npos_only && nargs < nrequired) {
        size_t need = npos_only < nrequired ? npos_only : nrequired;
        err_format(&exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)", fname,
                   need < maxpos ? "at least" : "exactly", need, need == 1 ? "" : "s", nargs);
        return -1;
    }
    return arg_parse(fname, args, nargs, kwnames, names, npos_only, nrequired, out);
}

/* Argument Clinic's Py_ssize_t converter: __index__, then OverflowError
 * "Python int too large to convert to C ssize_t".  0 or -1. */
static inline int dm_ssize(Value v, ssize_t *out) {
    if (val_is_int(v)) {
        *out = val_int(v);
        return 0;
    }
    Value i = num_index(v);
    if (!i) return -1;
    ssize_t x = int_as_ssize(i);
    if (x == -1 && err_occurred()) return -1;
    *out = x;
    return 0;
}

/* _PyObject_LookupSpecial: a dunder found on the type, bound to o; VNULL
 * without an exception when the type has none. */
static inline Value dm_lookup_special(Value o, const char *name) {
    Value d = type_lookup_cstr(val_type(o), name);
    if (!d) return VNULL;
    Type *dt = val_type(d);
    if (dt->descr_get) return dt->descr_get(d, o, obj_val(val_type(o)));
    return d;
}

/* PyObject_LengthHint (operator.c): len(o), else o.__length_hint__(), else dflt;
 * -1 with an exception on error. */
ssize_t operator_length_hint(Value o, ssize_t dflt);
/* _operator._compare_digest(a, b) (operator.c), shared with _hashlib. */
Value operator_compare_digest(Value a, Value b);

/* _PyArg_CheckPositional: "name expected 2 arguments, got 1". */
static inline int dm_positional(const char *name, size_t nargs, size_t min, size_t max) {
    if (nargs < min) {
        err_format(&exc_TypeError, "%s expected %s%zu argument%s, got %zu", name, min == max ? "" : "at least ",
                   min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        err_format(&exc_TypeError, "%s expected %s%zu argument%s, got %zu", name, min == max ? "" : "at most ",
                   max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* The keyword check of a builtin type's __new__, skipped (as CPython skips
 * it) for a subclass with its own __init__, which may take keywords. */
static inline int dm_new_no_kw(Type *t, Type *base, const char *name, Value kwnames) {
    if (t != base && t->init != base->init) return 0;
    return arg_no_kw(name, kwnames);
}

/* cls[args]: types.GenericAlias (objects/genericalias.c), for __class_getitem__ entries. */
Value generic_class_getitem(Value cls, Value *args, size_t nargs, Value kw);

#endif
