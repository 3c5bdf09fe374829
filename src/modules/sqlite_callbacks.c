/* sqlite_callbacks.c - SQLite calling Python: user functions, aggregates, window functions, collations, authorizer, progress, trace. */
#include "sqlite.h"
#include "datamod.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/dict.h"
#include "../objects/tuple.h"
#include "../objects/float.h"
#include "../vm/gil.h"
#include "../gc/gc.h"

#include <stdio.h>
#include <string.h>

/*
 * Registration stores a SqliteCallback (the callable and its connection)
 * in the connection's `callbacks` dict under a key naming what it is
 * registered for, and hands sqlite the object's address.  Replacing a
 * registration replaces the dict entry, which is what keeps the object
 * alive; sqlite never calls an old registration again.
 *
 * Callbacks run while the caller has released the GIL around the sqlite
 * call (GIL_RELEASE_*), so each takes it back for its duration.  They can
 * also run from a statement's finalizer during a collection (sqlite
 * finishing an aggregate); then they touch nothing and return.
 *
 * An aggregate's Python instance lives in the connection's `aggregates`
 * dict, keyed by the address of sqlite's per-invocation aggregate
 * context, from the first step until finalize.
 */

static void callback_trace(Object *o) {
    SqliteCallback *cb = (SqliteCallback *)o;
    gc_mark(cb->callable);
    gc_mark(cb->connection);
}

Type sqlite_callback_type = {
    .hdr = {0, &type_type},
    .name = "sqlite3.Callback",
    .basicsize = sizeof(SqliteCallback),
    .trace = callback_trace,
    .new = clib_no_new,
};

/* The registration under `key` (a tuple), or VNULL to remove it. */
static SqliteCallback *register_callback(SqliteConnection *c, Value key, Value callable) {
    if (!key) return NULL;
    if (!callable) {
        if (dict_get(c->callbacks, key) && dict_del(c->callbacks, key) < 0) return NULL;
        return NULL;
    }
    SqliteCallback *cb = gc_alloc(&sqlite_callback_type, sizeof(SqliteCallback));
    if (!cb) return NULL;
    GC_WRITE(cb, cb->callable, callable);
    GC_WRITE(cb, cb->connection, obj_val(c));
    if (dict_set(c->callbacks, key, obj_val(cb)) < 0) return NULL;
    return cb;
}

/* A function or collation name as sqlite compares it (ASCII case-insensitively). */
static Value name_key(const char *kind, const char *name, int narg) {
    Value n = str_from_cstr(name);
    Value lower = n ? obj_call_method(n, "lower", NULL, 0) : VNULL;
    return lower ? tuple_pack(3, str_from_cstr(kind), lower, val_from_int(narg)) : VNULL;
}

/* An exception from a callback: print it if enable_callback_tracebacks, else drop it. */
static void print_or_clear(Value callable) {
    if (!err_occurred()) return;
    if (sqlite_callback_tracebacks) err_write_unraisable(err_fetch(), callable);
    err_clear();
}

/* Report a failed callback to sqlite, as CPython does: MemoryError and
 * OverflowError keep their own codes, anything else gets msg. */
static void result_error(sqlite3_context *ctx, Value callable, const char *msg) {
    if (err_matches(&exc_MemoryError)) sqlite3_result_error_nomem(ctx);
    else if (err_matches(&exc_OverflowError)) sqlite3_result_error_toobig(ctx);
    else sqlite3_result_error(ctx, msg, -1);
    print_or_clear(callable);
}

/* sqlite values as Python objects for a callback's arguments. */
static Value build_args(int argc, sqlite3_value **argv) {
    Value args = tuple_new((size_t)argc);
    if (!args) return VNULL;
    for (int i = 0; i < argc; i++) {
        sqlite3_value *v = argv[i];
        Value x;
        switch (sqlite3_value_type(v)) {
        case SQLITE_INTEGER: x = int_from_i64(sqlite3_value_int64(v)); break;
        case SQLITE_FLOAT: x = float_new(sqlite3_value_double(v)); break;
        case SQLITE_TEXT:
            x = str_decode_utf8((const char *)sqlite3_value_text(v), (size_t)sqlite3_value_bytes(v), "strict");
            break;
        case SQLITE_BLOB: {
            const void *p = sqlite3_value_blob(v);
            x = bytes_new(p ? p : "", (size_t)sqlite3_value_bytes(v));
            break;
        }
        default: x = VNone;
        }
        if (!x) return VNULL;
        GC_WRITE(val_obj(args), tuple_items(args)[i], x);
    }
    return args;
}

/* A Python result for sqlite: 0, or -1 (with an exception, or without one for an unsupported type). */
static int set_result(sqlite3_context *ctx, Value r) {
    if (r == VNone) {
        sqlite3_result_null(ctx);
    } else if (int_check(r)) {
        if (!val_is_int(r) && !int_fits_i64(r)) {
            err_set(&exc_OverflowError, "Python int too large to convert to SQLite INTEGER");
            return -1;
        }
        sqlite3_result_int64(ctx, val_is_int(r) ? val_int(r) : int_as_i64(r));
    } else if (float_check(r)) {
        sqlite3_result_double(ctx, float_value(r));
    } else if (str_check(r)) {
        Value u = str_is_ascii(r) ? r : str_encode(r, "utf-8", "strict");
        if (!u) return -1;
        if (u == r) sqlite3_result_text(ctx, str_data(r), (int)str_size(r), SQLITE_TRANSIENT);
        else sqlite3_result_text(ctx, bytes_data(u), (int)bytes_size(u), SQLITE_TRANSIENT);
    } else if (buffer_check(r)) {
        Buffer view;
        if (buffer_get(r, &view, BUF_SIMPLE) < 0) return -1;
        sqlite3_result_blob(ctx, view.buf, (int)view.len, SQLITE_TRANSIENT);
        buffer_release(&view);
    } else {
        return -1;
    }
    return 0;
}

/* ---- scalar functions ---- */

static void func_callback(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    if (gc_is_collecting()) return;
    gil_acquire();
    SqliteCallback *cb = sqlite3_user_data(ctx);
    Value args = build_args(argc, argv);
    Value r = args ? obj_call(cb->callable, tuple_items(args), (size_t)argc, VNULL) : VNULL;
    if (!r || set_result(ctx, r) < 0) result_error(ctx, cb->callable, "user-defined function raised exception");
    gil_release();
}

int sqlite_create_function(SqliteConnection *c, const char *name, int narg, Value func, bool deterministic) {
    SqliteCallback *cb = register_callback(c, name_key("function", name, narg), func);
    if (!cb) return -1;
    int flags = SQLITE_UTF8 | (deterministic ? SQLITE_DETERMINISTIC : 0);
    if (sqlite3_create_function_v2(c->db, name, narg, flags, cb, func_callback, NULL, NULL, NULL) != SQLITE_OK) {
        err_set(SQLITE_EXC(OperationalError), "Error creating function");
        return -1;
    }
    return 0;
}

/* ---- aggregates and window functions ---- */

/* The aggregate instance of this invocation, created on first use (VNULL: error reported to sqlite). */
static Value aggregate_instance(sqlite3_context *ctx, SqliteCallback *cb, bool create) {
    void *agg = sqlite3_aggregate_context(ctx, create ? 1 : 0);
    if (!agg) {
        if (create) sqlite3_result_error_nomem(ctx);
        return VNULL;
    }
    SqliteConnection *c = (SqliteConnection *)cb->connection;
    Value key = int_from_i64((int64_t)(intptr_t)agg);
    Value inst = key ? dict_get(c->aggregates, key) : VNULL;
    if (inst || !create) return inst;
    inst = obj_call0(cb->callable);
    if (!inst || dict_set(c->aggregates, key, inst) < 0) {
        result_error(ctx, cb->callable, "user-defined aggregate's '__init__' method raised error");
        return VNULL;
    }
    return inst;
}

/* Call method `name` of the instance with args; report failures with CPython's wording. */
static Value call_method(sqlite3_context *ctx, SqliteCallback *cb, Value inst, const char *name, Value args,
                         size_t nargs) {
    Value m = obj_getattr_cstr(inst, name);
    Value r = m ? obj_call(m, args ? tuple_items(args) : NULL, nargs, VNULL) : VNULL;
    if (!r) {
        char msg[80];
        snprintf(msg, sizeof msg, "user-defined aggregate's '%s' method %s", name,
                 err_matches(&exc_AttributeError) ? "not defined" : "raised error");
        sqlite3_result_error(ctx, msg, -1);
        print_or_clear(cb->callable);
    }
    return r;
}

static void step_common(sqlite3_context *ctx, int argc, sqlite3_value **argv, const char *method) {
    if (gc_is_collecting()) return;
    gil_acquire();
    SqliteCallback *cb = sqlite3_user_data(ctx);
    Value inst = aggregate_instance(ctx, cb, true);
    if (inst) {
        Value args = build_args(argc, argv);
        if (!args) result_error(ctx, cb->callable, "user-defined aggregate's 'step' method raised error");
        else call_method(ctx, cb, inst, method, args, (size_t)argc);
    }
    gil_release();
}

static void step_callback(sqlite3_context *ctx, int argc, sqlite3_value **argv) { step_common(ctx, argc, argv, "step"); }
static void inverse_callback(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    step_common(ctx, argc, argv, "inverse");
}

static void value_callback(sqlite3_context *ctx) {
    if (gc_is_collecting()) return;
    gil_acquire();
    SqliteCallback *cb = sqlite3_user_data(ctx);
    Value inst = aggregate_instance(ctx, cb, true);
    if (inst) {
        Value r = call_method(ctx, cb, inst, "value", VNULL, 0);
        if (r && set_result(ctx, r) < 0)
            result_error(ctx, cb->callable, "user-defined aggregate's 'value' method raised error");
    }
    gil_release();
}

static void final_callback(sqlite3_context *ctx) {
    if (gc_is_collecting()) return;
    gil_acquire();
    SqliteCallback *cb = sqlite3_user_data(ctx);
    Value inst = aggregate_instance(ctx, cb, false);
    if (inst) {
        /* An error from an earlier step stays the statement's error. */
        Value pending = err_fetch();
        Value key = int_from_i64((int64_t)(intptr_t)sqlite3_aggregate_context(ctx, 0));
        if (key) dict_del(((SqliteConnection *)cb->connection)->aggregates, key);
        err_clear();
        Value r = call_method(ctx, cb, inst, "finalize", VNULL, 0);
        if (r && set_result(ctx, r) < 0)
            result_error(ctx, cb->callable, "user-defined aggregate's 'finalize' method raised error");
        if (pending) err_restore(pending);
    } else if (!err_occurred()) {
        sqlite3_result_null(ctx);
    }
    gil_release();
}

int sqlite_create_aggregate(SqliteConnection *c, const char *name, int narg, Value cls, bool window) {
    Value remove = window && cls == VNone ? VNULL : cls;
    SqliteCallback *cb = register_callback(c, name_key(window ? "window" : "aggregate", name, narg), remove);
    if (!cb && err_occurred()) return -1;
    int rc;
    if (window)
        rc = sqlite3_create_window_function(c->db, name, narg, SQLITE_UTF8, cb, cb ? step_callback : NULL,
                                            cb ? final_callback : NULL, cb ? value_callback : NULL,
                                            cb ? inverse_callback : NULL, NULL);
    else
        rc = sqlite3_create_function_v2(c->db, name, narg, SQLITE_UTF8, cb, NULL, step_callback, final_callback, NULL);
    if (rc != SQLITE_OK) {
        if (window) sqlite_set_error(c->db);
        else err_set(SQLITE_EXC(OperationalError), "Error creating aggregate");
        return -1;
    }
    return 0;
}

/* ---- collations ---- */

static int collation_callback(void *arg, int n1, const void *s1, int n2, const void *s2) {
    if (gc_is_collecting()) return 0;
    gil_acquire();
    SqliteCallback *cb = arg;
    int result = 0;
    if (!err_occurred()) {
        Value a = str_decode_utf8(s1, (size_t)n1, "strict");
        Value b = a ? str_decode_utf8(s2, (size_t)n2, "strict") : VNULL;
        Value r = b ? obj_call2(cb->callable, a, b) : VNULL;
        if (r) {
            if (!int_check(r)) {
                err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(r));
                err_clear();
            } else {
                int s = int_sign(r);
                result = s > 0 ? 1 : s < 0 ? -1 : 0;
            }
        }
    }
    gil_release();
    return result;
}

int sqlite_create_collation(SqliteConnection *c, const char *name, Value func) {
    SqliteCallback *cb = register_callback(c, name_key("collation", name, 0), func == VNone ? VNULL : func);
    if (!cb && err_occurred()) return -1;
    if (sqlite3_create_collation_v2(c->db, name, SQLITE_UTF8, cb, cb ? collation_callback : NULL, NULL) != SQLITE_OK) {
        sqlite_set_error(c->db);
        return -1;
    }
    return 0;
}

/* ---- authorizer, progress handler, trace ---- */

static Value opt_str(const char *s) { return s ? str_from_cstr(s) : VNone; }

static int authorizer_callback(void *arg, int action, const char *a1, const char *a2, const char *db, const char *src) {
    if (gc_is_collecting()) return SQLITE_DENY;
    gil_acquire();
    SqliteCallback *cb = arg;
    int rc = SQLITE_DENY;
    Value args[5] = {val_from_int(action), opt_str(a1), opt_str(a2), opt_str(db), opt_str(src)};
    Value r = args[1] && args[2] && args[3] && args[4] ? obj_call(cb->callable, args, 5, VNULL) : VNULL;
    if (!r) {
        print_or_clear(cb->callable);
    } else if (int_check(r) && (val_is_int(r) || int_fits_i64(r))) {
        int64_t x = val_is_int(r) ? val_int(r) : int_as_i64(r);
        if (x >= INT32_MIN && x <= INT32_MAX) rc = (int)x;
    }
    gil_release();
    return rc;
}

int sqlite_set_authorizer(SqliteConnection *c, Value func) {
    SqliteCallback *cb = register_callback(c, name_key("authorizer", "", 0), func == VNone ? VNULL : func);
    if (!cb && err_occurred()) return -1;
    if (sqlite3_set_authorizer(c->db, cb ? authorizer_callback : NULL, cb) != SQLITE_OK) {
        err_set(SQLITE_EXC(OperationalError), "Error setting authorizer callback");
        return -1;
    }
    return 0;
}

/* A true result (or an exception) aborts the running statement. */
static int progress_callback(void *arg) {
    if (gc_is_collecting()) return 0;
    gil_acquire();
    SqliteCallback *cb = arg;
    int rc;
    Value r = obj_call0(cb->callable);
    if (!r) {
        print_or_clear(cb->callable);
        rc = -1;
    } else {
        rc = obj_is_true(r);
        if (rc < 0) print_or_clear(cb->callable);
    }
    gil_release();
    return rc;
}

int sqlite_set_progress_handler(SqliteConnection *c, Value func, int n) {
    SqliteCallback *cb = register_callback(c, name_key("progress", "", 0), func == VNone ? VNULL : func);
    if (!cb && err_occurred()) return -1;
    sqlite3_progress_handler(c->db, n, cb ? progress_callback : NULL, cb);
    return 0;
}

static int trace_callback(unsigned type, void *arg, void *p, void *x) {
    if (type != SQLITE_TRACE_STMT || gc_is_collecting()) return 0;
    gil_acquire();
    SqliteCallback *cb = arg;
    char *sql = sqlite3_expanded_sql((sqlite3_stmt *)p);
    Value s = sql ? str_from_cstr(sql) : str_from_cstr(sqlite3_sql((sqlite3_stmt *)p));
    sqlite3_free(sql);
    if (!s || !obj_call1(cb->callable, s)) print_or_clear(cb->callable);
    gil_release();
    return 0;
}

int sqlite_set_trace(SqliteConnection *c, Value func) {
    SqliteCallback *cb = register_callback(c, name_key("trace", "", 0), func == VNone ? VNULL : func);
    if (!cb && err_occurred()) return -1;
    sqlite3_trace_v2(c->db, cb ? SQLITE_TRACE_STMT : 0, cb ? trace_callback : NULL, cb);
    return 0;
}
