/* sqlite_connection.c - sqlite3.Connection: opening, transactions, cursors, callbacks registration, backup, blobs, limits. */
#include "sqlite.h"
#include "datamod.h"
#include "os_util.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/dict.h"
#include "../objects/list.h"
#include "../objects/tuple.h"
#include "../objects/float.h"
#include "../objects/module.h"
#include "../vm/gil.h"
#include "../gc/gc.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

/*
 * Transactions follow CPython 3.11's legacy model: with an isolation
 * level (the default ""), a "BEGIN <level>" is issued before an INSERT,
 * UPDATE, DELETE or REPLACE when no transaction is open; commit() and
 * rollback() end it.  isolation_level None leaves SQLite in autocommit
 * mode.  The level is kept as one of four canonical strings.
 */

static void conn_trace(Object *o) {
    SqliteConnection *c = (SqliteConnection *)o;
    gc_mark(c->isolation_level);
    gc_mark(c->row_factory);
    gc_mark(c->text_factory);
    gc_mark(c->statement_cache);
    gc_mark(c->callbacks);
    gc_mark(c->aggregates);
    gc_mark(c->blobs);
}

static void conn_finalize(Object *o) {
    SqliteConnection *c = (SqliteConnection *)o;
    if (c->db) sqlite3_close_v2(c->db);   /* a zombie until its statements and blobs are gone */
    c->db = NULL;
}

int sqlite_check_thread(SqliteConnection *c) {
    if (!c->check_same_thread || pthread_equal(c->thread, pthread_self())) return 0;
    err_format(SQLITE_EXC(ProgrammingError),
               "SQLite objects created in a thread can only be used in that same thread. The object was created "
               "in thread id %lu and this is thread id %lu.",
               (unsigned long)c->thread, (unsigned long)pthread_self());
    return -1;
}

int sqlite_check_connection(SqliteConnection *c) {
    if (!c->initialized) {
        err_set(SQLITE_EXC(ProgrammingError), "Base Connection.__init__ not called.");
        return -1;
    }
    if (!c->db) {
        err_set(SQLITE_EXC(ProgrammingError), "Cannot operate on a closed database.");
        return -1;
    }
    return 0;
}

static int check(SqliteConnection *c) { return sqlite_check_thread(c) < 0 ? -1 : sqlite_check_connection(c); }

/* Run one fixed statement (BEGIN, COMMIT, ROLLBACK): 0, or -1 with the error. */
static int run_simple(SqliteConnection *c, const char *sql) {
    sqlite3_stmt *st;
    int rc;
    GIL_RELEASE_BEGIN
    rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        (void)sqlite3_step(st);
        rc = sqlite3_finalize(st);
    }
    GIL_RELEASE_END
    if (rc != SQLITE_OK) {
        sqlite_set_error(c->db);
        return -1;
    }
    return 0;
}

int sqlite_begin(SqliteConnection *c) {
    char sql[32];
    snprintf(sql, sizeof sql, "BEGIN %s", str_data(c->isolation_level));
    return run_simple(c, sql);
}

static int end_transaction(SqliteConnection *c, const char *sql) {
    if (sqlite3_get_autocommit(c->db)) return 0;
    return run_simple(c, sql);
}

/* isolation_level: None, or '', 'DEFERRED', 'IMMEDIATE', 'EXCLUSIVE' in any case. */
static int isolation_level_convert(Value v, Value *out) {
    if (v == VNone) {
        *out = VNULL;
        return 0;
    }
    if (!str_check(v)) {
        err_set(&exc_TypeError, "isolation_level must be str or None");
        return -1;
    }
    static const char *const levels[] = {"", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"};
    for (int i = 0; i < 4; i++)
        if (strlen(levels[i]) == str_size(v) && strcasecmp(levels[i], str_data(v)) == 0) {
            *out = str_intern_cstr(levels[i]);
            return *out ? 0 : -1;
        }
    err_set(&exc_ValueError, "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'");
    return -1;
}

static Value conn_new(Type *t, Value *args, size_t nargs, Value kw) { return type_generic_alloc(t, 0); }

/* Connection(database, timeout=5.0, detect_types=0, isolation_level='', check_same_thread=True,
 *            factory=Connection, cached_statements=128, uri=False) */
static int conn_init(Value self, Value *args, size_t nargs, Value kw) {
    SqliteConnection *c = (SqliteConnection *)self;
    static const char *const names[] = {"database", "timeout", "detect_types", "isolation_level",
                                        "check_same_thread", "factory", "cached_statements", "uri", NULL};
    Value a[8];
    if (arg_parse("Connection", args, nargs, kw, names, 0, 1, a) < 0) return -1;
    Value path = os_fsencode(a[0], "Connection");
    if (!path) return -1;
    double timeout = 5.0;
    int detect_types = 0, cached = 128;
    bool same_thread = true, uri = false;
    Value level = str_intern_cstr("");
    if ((a[1] && float_as_double(a[1], &timeout) < 0) || (a[2] && clib_int(a[2], &detect_types) < 0) ||
        (a[3] && isolation_level_convert(a[3], &level) < 0) || (a[4] && clib_bool(a[4], &same_thread) < 0) ||
        (a[6] && clib_int(a[6], &cached) < 0) || (a[7] && clib_bool(a[7], &uri) < 0))
        return -1;
    /* Initialising again closes the previous database. */
    if (c->db) {
        sqlite_blob_close_all(c);
        sqlite3_close_v2(c->db);
        c->db = NULL;
    }
    c->initialized = false;
    sqlite3 *db = NULL;
    int rc;
    const char *fname = bytes_data(path);
    GIL_RELEASE_BEGIN
    rc = sqlite3_open_v2(fname, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (uri ? SQLITE_OPEN_URI : 0), NULL);
    if (rc == SQLITE_OK) sqlite3_busy_timeout(db, (int)(timeout * 1000));
    GIL_RELEASE_END
    if (!db && rc == SQLITE_NOMEM) {
        err_no_memory();
        return -1;
    }
    if (rc != SQLITE_OK) {
        sqlite_set_error(db);
        sqlite3_close(db);
        return -1;
    }
    gc_note_external(64 * 1024);   /* the connection's page cache and schema */
    Value cache = dict_new(), callbacks = dict_new(), aggregates = dict_new(), blobs = list_new(0);
    if (!cache || !callbacks || !aggregates || !blobs) {
        sqlite3_close_v2(db);
        return -1;
    }
    c->db = db;
    c->thread = pthread_self();
    c->check_same_thread = same_thread;
    c->detect_types = detect_types;
    c->cached_statements = cached;
    GC_WRITE(c, c->isolation_level, level);
    GC_WRITE(c, c->row_factory, VNone);
    GC_WRITE(c, c->text_factory, obj_val(&type_str));
    GC_WRITE(c, c->statement_cache, cache);
    GC_WRITE(c, c->callbacks, callbacks);
    GC_WRITE(c, c->aggregates, aggregates);
    GC_WRITE(c, c->blobs, blobs);
    c->initialized = true;
    return 0;
}

/* ---- cursors and execution ---- */

Value sqlite_connection_cursor(Value con, Value factory) {
    SqliteConnection *c = (SqliteConnection *)con;
    if (check(c) < 0) return VNULL;
    Value cur = obj_call1(factory ? factory : obj_val(&sqlite_cursor_type), con);
    if (!cur) return VNULL;
    if (!val_isinstance(cur, &sqlite_cursor_type)) {
        err_format(&exc_TypeError, "factory must return a cursor, not %.100s", type_name(cur));
        return VNULL;
    }
    if (c->row_factory != VNone) GC_WRITE(val_obj(cur), ((SqliteCursor *)cur)->row_factory, c->row_factory);
    return cur;
}

static Value conn_cursor(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"factory", NULL};
    Value a[1];
    if (dm_parse("cursor", args, nargs, kw, names, 0, 1, 0, a) < 0) return VNULL;
    return sqlite_connection_cursor(self, a[0]);
}

static Value conn_execute_common(Value self, Value *args, size_t nargs, Value kw, const char *fname, bool many) {
    if (arg_no_kw(fname, kw) < 0 || dm_positional(fname, nargs, many ? 2 : 1, 2) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "%s() argument 1 must be str, not %s", fname, type_name(args[0]));
        return VNULL;
    }
    Value cur = sqlite_connection_cursor(self, VNULL);
    if (!cur) return VNULL;
    return sqlite_cursor_execute((SqliteCursor *)cur, args[0], nargs > 1 ? args[1] : VNULL, many);
}

static Value conn_execute(Value self, Value *args, size_t nargs, Value kw) {
    return conn_execute_common(self, args, nargs, kw, "execute", false);
}

static Value conn_executemany(Value self, Value *args, size_t nargs, Value kw) {
    return conn_execute_common(self, args, nargs, kw, "executemany", true);
}

static Value conn_executescript(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Connection.executescript", kw) < 0 || arg_count("Connection.executescript", nargs, 1, 1) < 0)
        return VNULL;
    Value cur = obj_call_method(self, "cursor", NULL, 0);
    if (!cur) return VNULL;
    return obj_call_method(cur, "executescript", args, 1);
}

static Value conn_commit(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Connection.commit", kw) < 0 || arg_count("Connection.commit", nargs, 0, 0) < 0) return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    if (check(c) < 0 || end_transaction(c, "COMMIT") < 0) return VNULL;
    return VNone;
}

static Value conn_rollback(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Connection.rollback", kw) < 0 || arg_count("Connection.rollback", nargs, 0, 0) < 0) return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    if (check(c) < 0 || end_transaction(c, "ROLLBACK") < 0) return VNULL;
    return VNone;
}

static Value conn_close(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Connection.close", kw) < 0 || arg_count("Connection.close", nargs, 0, 0) < 0) return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    if (sqlite_check_thread(c) < 0) return VNULL;
    if (!c->initialized) {
        err_set(SQLITE_EXC(ProgrammingError), "Base Connection.__init__ not called.");
        return VNULL;
    }
    if (c->db) {
        sqlite_blob_close_all(c);
        Value cache = dict_new();
        if (!cache) return VNULL;
        GC_WRITE(c, c->statement_cache, cache);
        sqlite3_close_v2(c->db);
        c->db = NULL;
    }
    return VNone;
}

static Value conn_interrupt(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Connection.interrupt", kw) < 0 || arg_count("Connection.interrupt", nargs, 0, 0) < 0) return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    if (sqlite_check_connection(c) < 0) return VNULL;
    sqlite3_interrupt(c->db);
    return VNone;
}

static Value conn_enter(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Connection.__enter__", kw) < 0 || arg_count("Connection.__enter__", nargs, 0, 0) < 0) return VNULL;
    if (sqlite_check_connection((SqliteConnection *)self) < 0) return VNULL;
    return self;
}

static Value conn_exit(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__exit__", kw) < 0 || dm_positional("__exit__", nargs, 3, 3) < 0) return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    bool commit = args[0] == VNone && args[1] == VNone && args[2] == VNone;
    if (check(c) < 0) return VNULL;
    if (end_transaction(c, commit ? "COMMIT" : "ROLLBACK") < 0) {
        if (commit) {
            /* The commit failed: roll back to unlock the database, keep the first error. */
            Value first = err_fetch();
            end_transaction(c, "ROLLBACK");
            err_restore(first);
        }
        return VNULL;
    }
    return VFalse;
}

/* ---- callbacks registration ---- */

static Value conn_create_function(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"name", "narg", "func", "deterministic", NULL};
    Value a[4];
    if (dm_parse("create_function", args, nargs, kw, names, 0, 3, 3, a) < 0) return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    if (!str_check(a[0])) {
        err_format(&exc_TypeError, "create_function() argument 'name' must be str, not %s", type_name(a[0]));
        return VNULL;
    }
    int narg;
    bool deterministic = false;
    if (clib_int(a[1], &narg) < 0 || (a[3] && clib_bool(a[3], &deterministic) < 0)) return VNULL;
    if (check(c) < 0 || sqlite_create_function(c, str_data(a[0]), narg, a[2], deterministic) < 0) return VNULL;
    return VNone;
}

static Value conn_create_aggregate(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"name", "n_arg", "aggregate_class", NULL};
    Value a[3];
    if (dm_parse("create_aggregate", args, nargs, kw, names, 0, 3, 3, a) < 0) return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    if (!str_check(a[0])) {
        err_format(&exc_TypeError, "create_aggregate() argument 'name' must be str, not %s", type_name(a[0]));
        return VNULL;
    }
    int narg;
    if (clib_int(a[1], &narg) < 0) return VNULL;
    if (check(c) < 0 || sqlite_create_aggregate(c, str_data(a[0]), narg, a[2], false) < 0) return VNULL;
    return VNone;
}

static Value conn_create_window_function(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"", "", "", NULL};
    Value a[3];
    if (dm_parse("create_window_function", args, nargs, kw, names, 3, 3, 3, a) < 0) return VNULL;
    args = a;
    SqliteConnection *c = (SqliteConnection *)self;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "create_window_function() argument 1 must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    int narg;
    if (clib_int(args[1], &narg) < 0) return VNULL;
    if (check(c) < 0 || sqlite_create_aggregate(c, str_data(args[0]), narg, args[2], true) < 0) return VNULL;
    return VNone;
}

static Value conn_create_collation(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"", "", NULL};
    Value a[2];
    if (dm_parse("create_collation", args, nargs, kw, names, 2, 2, 2, a) < 0) return VNULL;
    args = a;
    SqliteConnection *c = (SqliteConnection *)self;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "create_collation() argument 1 must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    if (check(c) < 0) return VNULL;
    if (args[1] != VNone && !val_type(args[1])->call) {
        err_set(&exc_TypeError, "parameter must be callable");
        return VNULL;
    }
    if (sqlite_create_collation(c, str_data(args[0]), args[1]) < 0) return VNULL;
    return VNone;
}

static Value conn_set_authorizer(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"authorizer_callback", NULL};
    Value a[1];
    if (dm_parse("set_authorizer", args, nargs, kw, names, 0, 1, 1, a) < 0) return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    if (check(c) < 0 || sqlite_set_authorizer(c, a[0]) < 0) return VNULL;
    return VNone;
}

static Value conn_set_progress_handler(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"progress_handler", "n", NULL};
    Value a[2];
    if (dm_parse("set_progress_handler", args, nargs, kw, names, 0, 2, 2, a) < 0) return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    int n;
    if (clib_int(a[1], &n) < 0) return VNULL;
    if (check(c) < 0 || sqlite_set_progress_handler(c, a[0], n) < 0) return VNULL;
    return VNone;
}

static Value conn_set_trace_callback(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"trace_callback", NULL};
    Value a[1];
    if (dm_parse("set_trace_callback", args, nargs, kw, names, 0, 1, 1, a) < 0) return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    if (check(c) < 0 || sqlite_set_trace(c, a[0]) < 0) return VNULL;
    return VNone;
}

/* ---- dump, backup, blobs, serialization, limits, extensions ---- */

static Value conn_iterdump(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Connection.iterdump", kw) < 0 || arg_count("Connection.iterdump", nargs, 0, 0) < 0) return VNULL;
    if (sqlite_check_connection((SqliteConnection *)self) < 0) return VNULL;
    extern Value import_name(Value name, Value globals, Value fromlist, int level);
    Value fromlist = tuple_pack(1, str_from_cstr("_iterdump"));
    Value mod = fromlist ? import_name(str_from_cstr("sqlite3.dump"), VNULL, fromlist, 0) : VNULL;
    if (!mod) return VNULL;
    Value fn = obj_getattr_cstr(mod, "_iterdump");
    if (!fn) {
        err_clear();
        err_set(SQLITE_EXC(OperationalError), "Failed to obtain _iterdump() reference");
        return VNULL;
    }
    return obj_call1(fn, self);
}

/* backup(target, *, pages=-1, progress=None, name='main', sleep=0.25) */
static Value conn_backup(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"target", "pages", "progress", "name", "sleep", NULL};
    Value a[5];
    if (dm_parse("backup", args, nargs, kw, names, 0, 1, 1, a) < 0) return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    if (!val_isinstance(a[0], &sqlite_connection_type)) {
        err_format(&exc_TypeError, "backup() argument 'target' must be sqlite3.Connection, not %s", type_name(a[0]));
        return VNULL;
    }
    int pages = -1;
    double sleep = 0.25;
    Value progress = a[2] ? a[2] : VNone;
    const char *name = "main";
    if (a[1] && clib_int(a[1], &pages) < 0) return VNULL;
    if (a[3]) {
        if (!str_check(a[3])) {
            err_format(&exc_TypeError, "backup() argument 'name' must be str, not %s", type_name(a[3]));
            return VNULL;
        }
        name = str_data(a[3]);
    }
    if (a[4] && float_as_double(a[4], &sleep) < 0) return VNULL;
    SqliteConnection *t = (SqliteConnection *)a[0];
    if (check(c) < 0 || sqlite_check_connection(t) < 0) return VNULL;
    if (t == c) {
        err_set(&exc_ValueError, "target cannot be the same connection instance");
        return VNULL;
    }
    if (!sqlite3_get_autocommit(t->db)) {
        err_set(SQLITE_EXC(OperationalError), "target is in transaction");
        return VNULL;
    }
    if (progress != VNone && !val_type(progress)->call) {
        err_set(&exc_TypeError, "progress argument must be a callable");
        return VNULL;
    }
    if (pages == 0) pages = -1;
    sqlite3_backup *b = sqlite3_backup_init(t->db, "main", c->db, name);
    if (!b) {
        sqlite_set_error(t->db);
        return VNULL;
    }
    int rc;
    do {
        GIL_RELEASE_BEGIN
        rc = sqlite3_backup_step(b, pages);
        GIL_RELEASE_END
        if (progress != VNone) {
            Value r = obj_call(progress, (Value[]){val_from_int(rc), val_from_int(sqlite3_backup_remaining(b)),
                                                   val_from_int(sqlite3_backup_pagecount(b))}, 3, VNULL);
            if (!r) {
                sqlite3_backup_finish(b);
                return VNULL;
            }
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep((int)(sleep * 1000));
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    if (sqlite3_backup_finish(b) != SQLITE_OK) {
        sqlite_set_error(t->db);
        return VNULL;
    }
    return VNone;
}

/* blobopen(table, column, row, /, *, readonly=False, name='main') */
static Value conn_blobopen(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"", "", "", "readonly", "name", NULL};
    Value a[5];
    if (dm_parse("blobopen", args, nargs, kw, names, 3, 3, 3, a) < 0) return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    for (int i = 0; i < 2; i++)
        if (!str_check(a[i])) {
            err_format(&exc_TypeError, "blobopen() argument %d must be str, not %s", i + 1, type_name(a[i]));
            return VNULL;
        }
    int64_t row;
    bool readonly = false;
    const char *name = "main";
    if (clib_i64(a[2], &row) < 0 || (a[3] && clib_bool(a[3], &readonly) < 0)) return VNULL;
    if (a[4]) {
        if (!str_check(a[4])) {
            err_format(&exc_TypeError, "blobopen() argument 'name' must be str, not %s", type_name(a[4]));
            return VNULL;
        }
        name = str_data(a[4]);
    }
    if (check(c) < 0) return VNULL;
    sqlite3_blob *blob;
    int rc;
    GIL_RELEASE_BEGIN
    rc = sqlite3_blob_open(c->db, name, str_data(a[0]), str_data(a[1]), row, !readonly, &blob);
    GIL_RELEASE_END
    if (rc == SQLITE_MISUSE) {
        err_set(SQLITE_EXC(InterfaceError), sqlite3_errstr(rc));
        return VNULL;
    }
    if (rc != SQLITE_OK) {
        sqlite_set_error(c->db);
        return VNULL;
    }
    return sqlite_blob_new(c, blob);
}

static const char *name_kwarg(const char *fname, Value v) {
    if (!v) return "main";
    if (!str_check(v)) {
        err_format(&exc_TypeError, "%s() argument 'name' must be str, not %s", fname, type_name(v));
        return NULL;
    }
    return str_data(v);
}

static Value conn_serialize(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"name", NULL};
    Value a[1];
    if (dm_parse("serialize", args, nargs, kw, names, 0, 0, 0, a) < 0) return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    const char *name = name_kwarg("serialize", a[0]);
    if (!name || check(c) < 0) return VNULL;
    sqlite3_int64 size;
    unsigned flags = SQLITE_SERIALIZE_NOCOPY;
    unsigned char *data;
    GIL_RELEASE_BEGIN
    data = sqlite3_serialize(c->db, name, &size, flags);
    if (!data) {
        flags = 0;
        data = sqlite3_serialize(c->db, name, &size, flags);
    }
    GIL_RELEASE_END
    if (!data) {
        err_format(SQLITE_EXC(OperationalError), "unable to serialize '%s'", name);
        return VNULL;
    }
    Value r = bytes_new((const char *)data, (size_t)size);
    if (!(flags & SQLITE_SERIALIZE_NOCOPY)) sqlite3_free(data);
    return r;
}

static Value conn_deserialize(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"", "name", NULL};
    Value a[2];
    if (dm_parse("deserialize", args, nargs, kw, names, 1, 1, 1, a) < 0) return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    const char *name = name_kwarg("deserialize", a[1]);
    if (!name) return VNULL;
    Buffer data;
    if (clib_buffer(a[0], &data) < 0) return VNULL;
    if (check(c) < 0) {
        buffer_release(&data);
        return VNULL;
    }
    int rc;
    unsigned char *buf = sqlite3_malloc64((sqlite3_uint64)data.len);
    if (!buf) {
        rc = SQLITE_NOMEM;
    } else {
        memcpy(buf, data.buf, (size_t)data.len);
        rc = sqlite3_deserialize(c->db, name, buf, data.len, data.len,
                                 SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
    }
    buffer_release(&data);
    if (rc == SQLITE_NOMEM && !buf) {
        err_no_memory();
        return VNULL;
    }
    if (rc != SQLITE_OK) {
        sqlite_set_error(c->db);
        return VNULL;
    }
    return VNone;
}

static Value limit_common(Value self, Value *args, size_t nargs, Value kw, const char *fname, bool set) {
    if (set ? arg_no_kw(fname, kw) < 0 || dm_positional(fname, nargs, 2, 2) < 0
            : arg_no_kw("Connection.getlimit", kw) < 0 || arg_count("Connection.getlimit", nargs, 1, 1) < 0)
        return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    int category, limit = -1;
    if (clib_int(args[0], &category) < 0 || (set && clib_int(args[1], &limit) < 0)) return VNULL;
    if (check(c) < 0) return VNULL;
    int old = sqlite3_limit(c->db, category, limit);
    if (old < 0) {
        err_set(SQLITE_EXC(ProgrammingError), "'category' is out of bounds");
        return VNULL;
    }
    return val_from_int(old);
}

static Value conn_getlimit(Value self, Value *args, size_t nargs, Value kw) {
    return limit_common(self, args, nargs, kw, "getlimit", false);
}
static Value conn_setlimit(Value self, Value *args, size_t nargs, Value kw) {
    return limit_common(self, args, nargs, kw, "setlimit", true);
}

static Value conn_enable_load_extension(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Connection.enable_load_extension", kw) < 0 ||
        arg_count("Connection.enable_load_extension", nargs, 1, 1) < 0)
        return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    int onoff;
    if (clib_int(args[0], &onoff) < 0 || check(c) < 0) return VNULL;
    if (sqlite3_enable_load_extension(c->db, onoff) != SQLITE_OK) {
        err_set(SQLITE_EXC(OperationalError), "Error enabling load extension");
        return VNULL;
    }
    return VNone;
}

static Value conn_load_extension(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Connection.load_extension", kw) < 0 || arg_count("Connection.load_extension", nargs, 1, 1) < 0)
        return VNULL;
    SqliteConnection *c = (SqliteConnection *)self;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "load_extension() argument must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    if (check(c) < 0) return VNULL;
    char *msg = NULL;
    if (sqlite3_load_extension(c->db, str_data(args[0]), NULL, &msg) != SQLITE_OK) {
        err_set(SQLITE_EXC(OperationalError), msg ? msg : "unknown error");
        sqlite3_free(msg);
        return VNULL;
    }
    return VNone;
}

/* ---- attributes ---- */

static Value get_isolation_level(Value self) {
    SqliteConnection *c = (SqliteConnection *)self;
    if (sqlite_check_connection(c) < 0) return VNULL;
    return c->isolation_level ? c->isolation_level : VNone;
}

static int set_isolation_level(Value self, Value v) {
    SqliteConnection *c = (SqliteConnection *)self;
    if (!v) {
        err_set(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    Value level;
    if (isolation_level_convert(v, &level) < 0) return -1;
    if (!level) {
        /* Autocommit from now on: end any open transaction. */
        if (check(c) < 0 || end_transaction(c, "COMMIT") < 0) return -1;
    }
    GC_WRITE(c, c->isolation_level, level);
    return 0;
}

static Value get_total_changes(Value self) {
    SqliteConnection *c = (SqliteConnection *)self;
    if (sqlite_check_connection(c) < 0) return VNULL;
    return int_from_i64(sqlite3_total_changes64(c->db));
}

static Value get_in_transaction(Value self) {
    SqliteConnection *c = (SqliteConnection *)self;
    if (sqlite_check_connection(c) < 0) return VNULL;
    return val_bool(!sqlite3_get_autocommit(c->db));
}

#define EXC_GETTER(name)                                                                                     \
    static Value get_##name(Value self) { return sqlite_##name; }
#define SQLITE_EXCEPTIONS(X)                                                                                 \
    X(Warning) X(Error) X(InterfaceError) X(DatabaseError) X(DataError) X(OperationalError) X(IntegrityError)  \
    X(InternalError) X(ProgrammingError) X(NotSupportedError)
SQLITE_EXCEPTIONS(EXC_GETTER)
#define EXC_GETSET(name) {#name, get_##name, NULL, NULL},

static const GetSetDef conn_getsets[] = {
    {"isolation_level", get_isolation_level, set_isolation_level, NULL},
    {"total_changes", get_total_changes, NULL, NULL},
    {"in_transaction", get_in_transaction, NULL, NULL},
    SQLITE_EXCEPTIONS(EXC_GETSET)
    {NULL},
};

static const MemberDef conn_members[] = {
    {"row_factory", MEMBER_VALUE, offsetof(SqliteConnection, row_factory)},
    {"text_factory", MEMBER_VALUE, offsetof(SqliteConnection, text_factory)},
    {NULL},
};

static const MethodDef conn_methods[] = {
    {"cursor", conn_cursor, 0, "Return a cursor for the connection."},
    {"close", conn_close, 0, "Closes the connection."},
    {"commit", conn_commit, 0, "Commit the current transaction."},
    {"rollback", conn_rollback, 0, "Roll back the current transaction."},
    {"execute", conn_execute, 0, "Executes an SQL statement."},
    {"executemany", conn_executemany, 0, "Repeatedly executes an SQL statement."},
    {"executescript", conn_executescript, 0, "Executes multiple SQL statements at once."},
    {"create_function", conn_create_function, 0, "Creates a new function."},
    {"create_aggregate", conn_create_aggregate, 0, "Creates a new aggregate."},
    {"create_window_function", conn_create_window_function, 0,
     "Creates or redefines an aggregate window function. Non-standard."},
    {"create_collation", conn_create_collation, 0, "Creates a collation function."},
    {"set_authorizer", conn_set_authorizer, 0, "Sets authorizer callback."},
    {"set_progress_handler", conn_set_progress_handler, 0, "Sets progress handler callback."},
    {"set_trace_callback", conn_set_trace_callback, 0, "Sets a trace callback called for each SQL statement."},
    {"interrupt", conn_interrupt, 0, "Abort any pending database operation."},
    {"iterdump", conn_iterdump, 0, "Returns iterator to the dump of the database in an SQL text format."},
    {"backup", conn_backup, 0, "Makes a backup of the database."},
    {"blobopen", conn_blobopen, 0, "Open and return a BLOB object."},
    {"serialize", conn_serialize, 0, "Serialize a database into a byte string."},
    {"deserialize", conn_deserialize, 0, "Load a serialized database."},
    {"getlimit", conn_getlimit, 0, "Get connection run-time limits."},
    {"setlimit", conn_setlimit, 0, "Set connection run-time limits."},
    {"enable_load_extension", conn_enable_load_extension, 0, "Enable dynamic loading of SQLite extension modules."},
    {"load_extension", conn_load_extension, 0, "Load SQLite extension module."},
    {"__enter__", conn_enter, 0, "Called when the connection is used as a context manager."},
    {"__exit__", conn_exit, 0, "Called when the connection is used as a context manager."},
    {NULL},
};

Type sqlite_connection_type = {
    .hdr = {0, &type_type},
    .name = "sqlite3.Connection",
    .basicsize = sizeof(SqliteConnection),
    .flags = TF_BASETYPE,
    .trace = conn_trace,
    .finalize = conn_finalize,
    .new = conn_new,
    .init = conn_init,
    .methods = conn_methods,
    .getsets = conn_getsets,
    .members = conn_members,
    .doc = "SQLite database connection object.",
};
