/* lsprof.c - the _lsprof module: cProfile's Profiler, a C-level profile hook that times calls. */
#include "structseq.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/trace.h"

#include <time.h>

/*
 * CPython's algorithm (Modules/_lsprof.c), in Taipan's objects.  The
 * profiler is installed as the thread's C profile hook (trace_set_profile)
 * and sees 'call'/'return' of Python frames and 'c_call'/'c_return'/
 * 'c_exception' of builtin functions.  Each callee has an entry, keyed by
 * its code object (Python) or its MethodDef (builtins), holding call
 * counts and total/inline times; each entry also keeps, per callee it
 * called, a sub-entry (the "calls" of getstats()).  A stack
 * of contexts follows the running calls: a context remembers its entry,
 * its start time and the time spent in its subcalls.
 *
 * Entries and sub-entries are small GC objects in dicts keyed by the key
 * pointer as an int; the context stack is a GC blob of raw records (its
 * entry pointers stay valid: the dicts keep the entries alive).
 * Times are int64 nanoseconds of CLOCK_MONOTONIC, or of the user's timer.
 */

typedef struct EntryObject {
    Object hdr;
    Value key;           /* its key in the profiler's entries (an int) */
    Value userobj;       /* the code object, or a string naming the builtin */
    Value calls;         /* dict: callee key -> SubEntryObject */
    int64_t tt, it;
    long callcount, reccallcount, reclevel;
} EntryObject;

typedef struct SubEntryObject {
    Object hdr;
    int64_t tt, it;
    long callcount, reccallcount, reclevel;
} SubEntryObject;

typedef struct Context {
    EntryObject *entry;
    int64_t t0, subt;
} Context;

enum { POF_ENABLED = 1, POF_SUBCALLS = 2, POF_BUILTINS = 4 };

typedef struct ProfilerObject {
    Object hdr;
    Value entries;       /* dict: key -> EntryObject */
    Value ctx_buf;       /* blob of Context */
    size_t nctx;
    int flags;
    Value timer;         /* external timer or VNULL */
    double timeunit;
} ProfilerObject;

static Type type_entry, type_subentry;
Type type_profiler;
static Type *stats_entry_type, *stats_subentry_type;

static void entry_trace(Object *o) {
    EntryObject *e = (EntryObject *)o;
    gc_mark(e->userobj);
    gc_mark(e->calls);
}
static Type type_entry = {.hdr = {0, &type_type}, .name = "_lsprof._entry", .basicsize = sizeof(EntryObject),
                          .trace = entry_trace};
static Type type_subentry = {.hdr = {0, &type_type}, .name = "_lsprof._subentry", .basicsize = sizeof(SubEntryObject)};

static void profiler_trace(Object *o) {
    ProfilerObject *p = (ProfilerObject *)o;
    gc_mark(p->entries);
    gc_mark(p->ctx_buf);
    gc_mark(p->timer);
}

static Context *contexts(ProfilerObject *p) { return (Context *)((BlobObject *)p->ctx_buf)->data; }

/* ---- Timing ---- */

static int64_t call_timer(ProfilerObject *p) {
    if (!p->timer) {
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
    }
    Value saved = err_fetch();
    Value r = obj_call(p->timer, NULL, 0, VNULL);
    int64_t result = 0;
    if (r) {
        if (p->timeunit > 0.0) {
            result = int_check(r) ? int_as_i64(r) : 0;
        } else {
            double d;
            if (float_as_double(r, &d) == 0) result = (int64_t)(d * 1e9);
        }
    }
    if (err_occurred()) {
        /* CPython reports the timer's error as unraisable and goes on with 0. */
        err_clear();
    }
    err_restore(saved);
    return result;
}

static double time_factor(ProfilerObject *p) { return p->timer && p->timeunit > 0.0 ? p->timeunit : 1e-9; }

/* ---- Entries ---- */

static Value key_value(const void *key) { return val_from_int((intptr_t)((uintptr_t)key >> 1)); }

/* The name cProfile shows for a builtin: "<built-in method builtins.len>",
 * "<method 'append' of 'list' objects>". */
static Value builtin_label(Value fn) {
    BuiltinFuncObject *b = (BuiltinFuncObject *)fn;
    Value self = b->self;
    if (self && val_type(self) != &type_module) {
        Value mo = type_lookup(val_type(self), str_intern_cstr(b->def->name));
        if (mo) {
            Value r = obj_repr(mo);
            if (r) return r;
            err_clear();
        }
    }
    Value modname = b->module;
    if (!modname && self && val_type(self) == &type_module) modname = obj_getattr_opt(self, str_intern_cstr("__name__"));
    if (err_occurred()) err_clear();
    if (modname && str_check(modname)) return str_printf("<built-in method %U.%s>", modname, b->def->name);
    return str_printf("<built-in method %s>", b->def->name);
}

static EntryObject *get_entry(ProfilerObject *p, Value key) {
    Value e = dict_get(p->entries, key);
    return e ? (EntryObject *)e : NULL;
}

static EntryObject *new_entry(ProfilerObject *p, Value key, Value userobj) {
    EntryObject *e = gc_alloc(&type_entry, sizeof(EntryObject));
    if (!e) return NULL;
    e->key = key;
    e->userobj = userobj;
    e->calls = dict_new();
    if (!e->calls || dict_set(p->entries, key, obj_val(e)) < 0) return NULL;
    return e;
}

static SubEntryObject *get_subentry(EntryObject *caller, EntryObject *callee, bool create) {
    Value k = callee->key;
    Value s = dict_get(caller->calls, k);
    if (s || !create) return (SubEntryObject *)s;
    SubEntryObject *se = gc_alloc(&type_subentry, sizeof(SubEntryObject));
    if (!se || dict_set(caller->calls, k, obj_val(se)) < 0) return NULL;
    return se;
}

static void enter_call(ProfilerObject *p, Value key, Value userobj, bool builtin) {
    Value saved = err_fetch();
    EntryObject *e = get_entry(p, key);
    if (!e) {
        if (builtin) userobj = builtin_label(userobj);
        e = userobj ? new_entry(p, key, userobj) : NULL;
        if (!e) goto out;
    }
    BlobObject *buf = (BlobObject *)p->ctx_buf;
    if ((p->nctx + 1) * sizeof(Context) > buf->size) {
        size_t ncap = buf->size ? buf->size * 2 : 64 * sizeof(Context);
        Value nb = blob_new(ncap);
        if (!nb) goto out;
        memcpy(((BlobObject *)nb)->data, buf->data, p->nctx * sizeof(Context));
        p->ctx_buf = nb;
    }
    Context *c = &contexts(p)[p->nctx++];
    c->entry = e;
    c->subt = 0;
    e->reclevel++;
    if ((p->flags & POF_SUBCALLS) && p->nctx > 1) {
        SubEntryObject *se = get_subentry(contexts(p)[p->nctx - 2].entry, e, true);
        if (se) se->reclevel++;
    }
    c->t0 = call_timer(p);
out:
    err_clear();
    err_restore(saved);
}

static void stop(ProfilerObject *p, Context *c, EntryObject *e) {
    int64_t tt = call_timer(p) - c->t0;
    int64_t it = tt - c->subt;
    Context *prev = p->nctx > 1 ? c - 1 : NULL;
    if (prev) prev->subt += tt;
    p->nctx--;
    if (--e->reclevel == 0) e->tt += tt;
    else e->reccallcount++;
    e->it += it;
    e->callcount++;
    if ((p->flags & POF_SUBCALLS) && prev) {
        SubEntryObject *se = get_subentry(prev->entry, e, false);
        if (se) {
            if (--se->reclevel == 0) se->tt += tt;
            else se->reccallcount++;
            se->it += it;
            se->callcount++;
        }
    }
}

static void leave_call(ProfilerObject *p, Value key) {
    if (!p->nctx) return;
    Value saved = err_fetch();
    Context *c = &contexts(p)[p->nctx - 1];
    EntryObject *e = get_entry(p, key);
    if (e) stop(p, c, e);
    else p->nctx--;
    err_clear();
    err_restore(saved);
}

static int profiler_callback(Value self, Frame *f, int what, Value arg) {
    ProfilerObject *p = (ProfilerObject *)self;
    switch (what) {
    case TRACE_CALL:
        enter_call(p, key_value(f->code), obj_val(f->code), false);
        break;
    case TRACE_RETURN:
        leave_call(p, key_value(f->code));
        break;
    case TRACE_C_CALL:
        if ((p->flags & POF_BUILTINS) && val_type(arg) == &type_builtin_function)
            enter_call(p, key_value(((BuiltinFuncObject *)arg)->def), arg, true);
        break;
    case TRACE_C_RETURN:
    case TRACE_C_EXCEPTION:
        if ((p->flags & POF_BUILTINS) && val_type(arg) == &type_builtin_function)
            leave_call(p, key_value(((BuiltinFuncObject *)arg)->def));
        break;
    }
    return 0;
}

/* ---- Methods ---- */

static void flush_unmatched(ProfilerObject *p) {
    while (p->nctx) {
        Context *c = &contexts(p)[p->nctx - 1];
        stop(p, c, c->entry);
    }
}

static int parse_flag(Value v, bool dflt) {
    if (!v) return dflt;
    return obj_is_true(v);
}

static Value profiler_enable(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"subcalls", "builtins", NULL};
    Value a[2] = {VNULL, VNULL};
    if (arg_parse("enable", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    int subcalls = parse_flag(a[0], true), builtins = parse_flag(a[1], true);
    if (subcalls < 0 || builtins < 0) return VNULL;
    ProfilerObject *p = (ProfilerObject *)self;
    p->flags = (p->flags & ~(POF_SUBCALLS | POF_BUILTINS)) | (subcalls ? POF_SUBCALLS : 0) | (builtins ? POF_BUILTINS : 0);
    trace_set_profile(profiler_callback, self);
    p->flags |= POF_ENABLED;
    return VNone;
}

static Value profiler_disable(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("disable", nargs, 0, 0) < 0 || arg_no_kw("disable", kwnames) < 0) return VNULL;
    ProfilerObject *p = (ProfilerObject *)self;
    if (p->flags & POF_ENABLED) {
        p->flags &= ~POF_ENABLED;
        trace_set_profile(NULL, VNULL);
        flush_unmatched(p);
    }
    return VNone;
}

static Value profiler_clear(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("clear", nargs, 0, 0) < 0 || arg_no_kw("clear", kwnames) < 0) return VNULL;
    ProfilerObject *p = (ProfilerObject *)self;
    Value d = dict_new();
    if (!d) return VNULL;
    p->entries = d;
    p->nctx = 0;
    return VNone;
}

static Value stat_float(ProfilerObject *p, int64_t t) { return float_new((double)t * time_factor(p)); }

static Value profiler_getstats(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("getstats", nargs, 0, 0) < 0 || arg_no_kw("getstats", kwnames) < 0) return VNULL;
    ProfilerObject *p = (ProfilerObject *)self;
    Value result = list_new(0);
    if (!result) return VNULL;
    ssize_t pos = 0;
    Value k, v;
    while (dict_next(p->entries, &pos, &k, &v)) {
        EntryObject *e = (EntryObject *)v;
        Value calls = VNone;
        if (p->flags & POF_SUBCALLS) {
            calls = list_new(0);
            if (!calls) return VNULL;
            ssize_t pos2 = 0;
            Value k2, v2;
            while (dict_next(e->calls, &pos2, &k2, &v2)) {
                SubEntryObject *se = (SubEntryObject *)v2;
                EntryObject *callee = get_entry(p, k2);
                if (!callee) continue;
                Value items[5] = {callee->userobj, int_from_i64(se->callcount), int_from_i64(se->reccallcount),
                                  stat_float(p, se->tt), stat_float(p, se->it)};
                for (int i = 0; i < 5; i++) if (!items[i]) return VNULL;
                Value s = structseq_from_array(stats_subentry_type, items);
                if (!s || list_append(calls, s) < 0) return VNULL;
            }
        }
        Value items[6] = {e->userobj, int_from_i64(e->callcount), int_from_i64(e->reccallcount),
                          stat_float(p, e->tt), stat_float(p, e->it), calls};
        for (int i = 0; i < 6; i++) if (!items[i]) return VNULL;
        Value s = structseq_from_array(stats_entry_type, items);
        if (!s || list_append(result, s) < 0) return VNULL;
    }
    return result;
}

static Value profiler_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    ProfilerObject *p = (ProfilerObject *)type_generic_alloc(t, 0);
    if (!p) return VNULL;
    p->entries = dict_new();
    p->ctx_buf = blob_new(64 * sizeof(Context));
    if (!p->entries || !p->ctx_buf) return VNULL;
    p->flags = POF_SUBCALLS | POF_BUILTINS;
    return obj_val(p);
}

static int profiler_init(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"timer", "timeunit", "subcalls", "builtins", NULL};
    Value a[4] = {VNULL, VNULL, VNULL, VNULL};
    if (arg_parse("Profiler", args, nargs, kwnames, names, 0, 0, a) < 0) return -1;
    ProfilerObject *p = (ProfilerObject *)self;
    double unit = 0.0;
    if (a[1] && float_as_double(a[1], &unit) < 0) return -1;
    int subcalls = parse_flag(a[2], true), builtins = parse_flag(a[3], true);
    if (subcalls < 0 || builtins < 0) return -1;
    p->flags = (p->flags & POF_ENABLED) | (subcalls ? POF_SUBCALLS : 0) | (builtins ? POF_BUILTINS : 0);
    GC_WRITE(self, p->timer, a[0] && a[0] != VNone ? a[0] : VNULL);
    p->timeunit = unit;
    return 0;
}

static const MethodDef profiler_methods[] = {
    {"getstats", profiler_getstats, 0,
     "getstats() -> list of profiler_entry objects\n\nReturn all information collected by the profiler."},
    {"enable", profiler_enable, 0,
     "enable(subcalls=True, builtins=True)\n\nStart collecting profiling information."},
    {"disable", profiler_disable, 0, "disable()\n\nStop collecting profiling information."},
    {"clear", profiler_clear, 0, "clear()\n\nClear all profiling information collected so far."},
    {NULL}
};

Type type_profiler = {
    .hdr = {0, &type_type},
    .name = "_lsprof.Profiler",
    .basicsize = sizeof(ProfilerObject),
    .flags = TF_BASETYPE,
    .trace = profiler_trace,
    .new = profiler_new,
    .init = profiler_init,
    .methods = profiler_methods,
    .doc = "Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)\n\n"
           "    Builds a profiler object using the specified timer function.\n"
           "    The default timer is a fast built-in one based on real time.\n"
           "    For custom timer functions returning integers, timeunit can\n"
           "    be a float specifying a scale (i.e. how long each integer unit\n"
           "    is, in seconds).\n",
};

static const char *const entry_fields[] = {"code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls", NULL};
static const char *const subentry_fields[] = {"code", "callcount", "reccallcount", "totaltime", "inlinetime", NULL};

Value lsprof_module_init(void) {
    type_ready(&type_entry);
    type_ready(&type_subentry);
    type_ready(&type_profiler);
    stats_entry_type = structseq_new_type("_lsprof.profiler_entry", entry_fields, 6);
    stats_subentry_type = structseq_new_type("_lsprof.profiler_subentry", subentry_fields, 5);
    Value m = module_new_cstr("_lsprof");
    if (!m) return VNULL;
    if (module_add(m, "Profiler", obj_val(&type_profiler)) < 0 ||
        module_add(m, "profiler_entry", obj_val(stats_entry_type)) < 0 ||
        module_add(m, "profiler_subentry", obj_val(stats_subentry_type)) < 0)
        return VNULL;
    return m;
}
