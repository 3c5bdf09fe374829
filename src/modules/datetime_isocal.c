/* datetime_isocal.c - datetime.IsoCalendarDate: the (year, week, weekday) tuple date.isocalendar() returns. */
#include "datetime.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../vm/error.h"
#include "../gc/gc.h"

static Value isocal_make(Type *t, int year, int week, int weekday) {
    Value v = type_generic_alloc(t, 3);
    if (!v) return VNULL;
    TupleObject *tp = (TupleObject *)v;
    tp->size = 3;
    GC_WRITE(tp, tp->items[0], int_from_i64(year));
    GC_WRITE(tp, tp->items[1], int_from_i64(week));
    GC_WRITE(tp, tp->items[2], int_from_i64(weekday));
    return v;
}

Value dt_isocal_new(int year, int week, int weekday) { return isocal_make(&dt_isocal_type, year, week, weekday); }

static Value isocal_new(Type *t, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"year", "week", "weekday", NULL};
    int a[3];
    if (dt_parse_ints("IsoCalendarDate()", args, nargs, kw, names, 3, a) < 0) return VNULL;
    return isocal_make(t, a[0], a[1], a[2]);
}

static Value isocal_repr(Value self) {
    Value *it = tuple_items(self);
    return str_printf("%s(year=%S, week=%S, weekday=%S)", type_name(self), it[0], it[1], it[2]);
}

/* Pickled as a plain tuple, as CPython does. */
static Value isocal_reduce(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__reduce__", kw) < 0 || arg_count("__reduce__", nargs, 0, 0) < 0) return VNULL;
    Value *it = tuple_items(self);
    Value t = tuple_pack(3, it[0], it[1], it[2]);
    Value a = t ? tuple_pack(1, t) : VNULL;
    return a ? tuple_pack(2, obj_val(&type_tuple), a) : VNULL;
}

static Value isocal_year(Value self) { return tuple_items(self)[0]; }
static Value isocal_week(Value self) { return tuple_items(self)[1]; }
static Value isocal_weekday(Value self) { return tuple_items(self)[2]; }

static const MethodDef isocal_methods[] = {
    {"__reduce__", isocal_reduce, 0, "Return state information for pickling."},
    {NULL},
};

static const GetSetDef isocal_getsets[] = {
    {"year", isocal_year, NULL, NULL},
    {"week", isocal_week, NULL, NULL},
    {"weekday", isocal_weekday, NULL, NULL},
    {NULL},
};

Type dt_isocal_type = {
    .hdr = {0, &type_type},
    .name = "datetime.IsoCalendarDate",
    .base = &type_tuple,
    .basicsize = sizeof(TupleObject),
    .itemsize = sizeof(Value),
    .new = isocal_new,
    .repr = isocal_repr,
    .methods = isocal_methods,
    .getsets = isocal_getsets,
};

void dt_isocal_ready(void) { type_ready(&dt_isocal_type); }
