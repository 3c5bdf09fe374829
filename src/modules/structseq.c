/* structseq.c - struct sequence types (CPython's PyStructSequence): tuples with visible and hidden named fields. */
#include "structseq.h"
#include "../objects/type.h"
#include "../objects/tuple.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <stdio.h>
#include <stdlib.h>

/*
 * An instance is a TupleObject whose `size` is the number of visible
 * fields; the hidden ones follow in the same item array, so the tuple
 * methods (which all go by `size`) see only the sequence part while the
 * member descriptors, which read at a fixed offset, reach every field.
 * The type's own record (StructSeqType, a Type followed by the field
 * counts) tells the trace function how many items there really are.
 */

const char structseq_unnamed[] = "unnamed field";

typedef struct StructSeqType {
    Type type;                  /* first: a StructSeqType * is a Type * */
    size_t n_fields;            /* every field, visible or hidden */
    size_t n_in_sequence;       /* visible: the tuple part */
    size_t n_unnamed;
    const char *const *fields;  /* n_fields names, STRUCTSEQ_UNNAMED for no attribute */
} StructSeqType;

static StructSeqType *ss_type(Type *t) {
    /* Struct sequence types are not subclassable (as in CPython), but be
     * safe for any heap type that might reach one through __class__ tricks. */
    while (t && (t->flags & TF_HEAPTYPE)) t = t->base;
    return (StructSeqType *)t;
}

static inline TupleObject *T(Value v) { return (TupleObject *)v; }

static void structseq_trace(Object *o) {
    StructSeqType *st = ss_type(o->type);
    /* Never read past the allocation: an object made by tuple.__new__(t, ...)
     * has only its visible items (the slack of a size class is zeroed). */
    size_t cap = (gc_object_size(o) - offsetof(TupleObject, items)) / sizeof(Value);
    size_t n = st->n_fields < cap ? st->n_fields : cap;
    if ((size_t)T(obj_val(o))->size > n) n = (size_t)T(obj_val(o))->size;
    gc_mark_range(T(obj_val(o))->items, n);
}

size_t structseq_n_fields(Type *t) { return ss_type(t)->n_fields; }

bool structseq_check(Value v) {
    return !val_is_int(v) && val_obj(v)->type->trace == structseq_trace;
}

Value structseq_new(Type *t) {
    StructSeqType *st = ss_type(t);
    Value v = type_generic_alloc(t, st->n_fields);
    if (!v) return VNULL;
    T(v)->size = (ssize_t)st->n_in_sequence;
    for (size_t i = 0; i < st->n_fields; i++) T(v)->items[i] = VNone;
    return v;
}

Value structseq_from_array(Type *t, const Value *items) {
    Value v = structseq_new(t);
    if (!v) return VNULL;
    copy_values(T(v)->items, items, ss_type(t)->n_fields);
    return v;
}

void structseq_set(Value s, size_t i, Value v) { GC_WRITE(val_obj(s), T(s)->items[i], v); }
Value structseq_get(Value s, size_t i) { return T(s)->items[i]; }

/* The attribute name of visible field i as repr shows it.  CPython labels
 * the visible values with the named members in order, skipping unnamed
 * fields, so stat_result's integer times print as st_atime=...: keep that. */
static const char *repr_name(StructSeqType *st, size_t i) {
    size_t k = 0;
    for (size_t j = 0; j < st->n_fields; j++) {
        if (st->fields[j] == structseq_unnamed) continue;
        if (k++ == i) return st->fields[j];
    }
    return "?";
}

static Value structseq_repr(Value self) {
    StructSeqType *st = ss_type(val_type(self));
    StrBuilder sb;
    sb_init(&sb);
    sb_append_cstr(&sb, val_type(self)->name);
    sb_append_char(&sb, '(');
    for (ssize_t i = 0; i < T(self)->size; i++) {
        if (i) sb_append_cstr(&sb, ", ");
        sb_append_cstr(&sb, repr_name(st, (size_t)i));
        sb_append_char(&sb, '=');
        if (sb_append_repr(&sb, T(self)->items[i]) < 0) {
            sb_discard(&sb);
            return VNULL;
        }
    }
    sb_append_char(&sb, ')');
    return sb_finish(&sb);
}

/* stat_result(sequence, dict={}): the first fields from the sequence, the
 * rest by name from dict, None for any still missing. */
static Value structseq_new_m(Type *t, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"sequence", "dict", NULL};
    Value a[2];
    if (arg_parse("structseq", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    StructSeqType *st = ss_type(t);
    Value seq = tuple_check_exact(a[0]) ? a[0] : VNULL;
    if (!seq) {
        if (val_is_int(a[0]) || !val_type(a[0])->iter) {
            /* CPython's PySequence_Fast message for a non-iterable. */
            err_set(&exc_TypeError, "constructor requires a sequence");
            return VNULL;
        }
        seq = tuple_from_iterable(a[0]);
        if (!seq) return VNULL;
    }
    Value dict = a[1];
    if (dict && !dict_check(dict)) {
        err_format(&exc_TypeError, "%s() takes a dict as second arg, if any", t->name);
        return VNULL;
    }
    size_t len = (size_t)tuple_size(seq), min = st->n_in_sequence, max = st->n_fields;
    if (len < min || len > max) {
        if (min == max)
            err_format(&exc_TypeError, "%s() takes a %zu-sequence (%zu-sequence given)", t->name, min, len);
        else if (len < min)
            err_format(&exc_TypeError, "%s() takes an at least %zu-sequence (%zu-sequence given)", t->name, min, len);
        else
            err_format(&exc_TypeError, "%s() takes an at most %zu-sequence (%zu-sequence given)", t->name, max, len);
        return VNULL;
    }
    Value v = structseq_new(t);
    if (!v) return VNULL;
    for (size_t i = 0; i < len; i++) T(v)->items[i] = tuple_get(seq, (ssize_t)i);
    for (size_t i = len; i < max; i++) {
        if (!dict || st->fields[i] == structseq_unnamed) continue;
        Value x = dict_get_cstr(dict, st->fields[i]);
        if (x) T(v)->items[i] = x;
        else if (err_occurred()) return VNULL;
    }
    return v;
}

/* Pickling: (type, (visible tuple, {hidden named field: value})). */
static Value structseq_reduce(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    StructSeqType *st = ss_type(val_type(self));
    Value tup = tuple_from_array(T(self)->items, (size_t)T(self)->size);
    Value d = dict_new();
    if (!tup || !d) return VNULL;
    for (size_t i = (size_t)T(self)->size; i < st->n_fields; i++) {
        if (st->fields[i] == structseq_unnamed) continue;
        if (dict_set_cstr(d, st->fields[i], T(self)->items[i]) < 0) return VNULL;
    }
    return tuple_pack(2, obj_val(val_type(self)), tuple_pack(2, tup, d));
}

static const MethodDef structseq_methods[] = {
    {"__reduce__", structseq_reduce, 0, NULL},
    {NULL}
};

static void *xcalloc(size_t n, size_t size) {
    void *p = calloc(n, size);
    if (!p) {
        fprintf(stderr, "taipan: out of memory creating a struct sequence type\n");
        abort();
    }
    return p;
}

Type *structseq_new_type(const char *name, const char *const *fields, size_t n_in_sequence) {
    size_t n = 0, unnamed = 0;
    while (fields[n]) {
        if (fields[n] == structseq_unnamed) unnamed++;
        n++;
    }
    assert(n_in_sequence <= n);
    StructSeqType *st = xcalloc(1, sizeof *st);
    st->n_fields = n;
    st->n_in_sequence = n_in_sequence;
    st->n_unnamed = unnamed;
    st->fields = fields;
    /* One member descriptor per named field, reading its item slot. */
    MemberDef *members = xcalloc(n - unnamed + 1, sizeof *members);
    for (size_t i = 0, k = 0; i < n; i++) {
        if (fields[i] == structseq_unnamed) continue;
        members[k].name = fields[i];
        members[k].kind = MEMBER_VALUE_RO;
        members[k].offset = offsetof(TupleObject, items) + i * sizeof(Value);
        k++;
    }
    Type *t = &st->type;
    t->hdr.type = &type_type;
    t->name = name;
    t->base = &type_tuple;
    t->basicsize = sizeof(TupleObject);
    t->itemsize = sizeof(Value);
    t->trace = structseq_trace;
    t->new = structseq_new_m;
    t->repr = structseq_repr;
    t->methods = structseq_methods;
    t->members = members;
    type_ready(t);
    /* Class attributes CPython puts on every struct sequence type. */
    Value *names = alloca(sizeof(Value) * (n_in_sequence + 1));
    size_t nm = 0;
    for (size_t i = 0; i < n_in_sequence; i++)
        if (fields[i] != structseq_unnamed) names[nm++] = str_intern_cstr(fields[i]);
    Value match = tuple_from_array(names, nm);
    if (!match || dict_set_cstr(t->dict, "n_sequence_fields", int_from_i64((int64_t)n_in_sequence)) < 0 ||
        dict_set_cstr(t->dict, "n_fields", int_from_i64((int64_t)n)) < 0 ||
        dict_set_cstr(t->dict, "n_unnamed_fields", int_from_i64((int64_t)unnamed)) < 0 ||
        dict_set_cstr(t->dict, "__match_args__", match) < 0) {
        fprintf(stderr, "taipan: cannot initialise type %s\n", name);
        abort();
    }
    type_modified(t);
    return t;
}

void structseq_set_doc(Type *t, const char *doc) {
    t->doc = doc;
    if (dict_set_cstr(t->dict, "__doc__", str_from_cstr(doc)) < 0) err_clear();
    type_modified(t);
}
