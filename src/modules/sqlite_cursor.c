/* sqlite_cursor.c - sqlite3.Cursor and prepared statements: execute, parameter binding, rows, converters, fetch*. */
#include "sqlite.h"
#include "datamod.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/dict.h"
#include "../objects/list.h"
#include "../objects/tuple.h"
#include "../objects/float.h"
#include "../objects/module.h"
#include "../vm/gil.h"
#include "../gc/gc.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/*
 * Execution follows CPython 3.11's _pysqlite_query_execute: execute()
 * steps the statement once, so the first row (if any) is ready; each
 * fetch converts the current row and steps to the next.  A statement
 * comes from the connection's cache unless another cursor is stepping
 * through it, in which case a fresh one is prepared.
 */

/* ---- statements ---- */

static void stmt_finalize(Object *o) {
    SqliteStatement *s = (SqliteStatement *)o;
    if (s->st) sqlite3_finalize(s->st);
    s->st = NULL;
}

Type sqlite_statement_type = {
    .hdr = {0, &type_type},
    .name = "sqlite3.Statement",
    .basicsize = sizeof(SqliteStatement),
    .finalize = stmt_finalize,
    .new = clib_no_new,
};

/* Skip blanks and SQL comments; NULL at the end of the text. */
static const char *lstrip_sql(const char *p) {
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\f' || *p == '\n' || *p == '\r') p++;
        if (p[0] == '-' && p[1] == '-') {
            p = strchr(p, '\n');
            if (!p) return NULL;
        } else if (p[0] == '/' && p[1] == '*') {
            p = strstr(p + 2, "*/");
            if (!p) return NULL;
            p += 2;
        } else {
            return *p ? p : NULL;
        }
    }
}

static Value statement_create(SqliteConnection *c, Value sql) {
    const char *text = str_data(sql);
    size_t size = str_size(sql);
    if (strlen(text) != size) {
        err_set(SQLITE_EXC(ProgrammingError), "the query contains a null character");
        return VNULL;
    }
    int max = sqlite3_limit(c->db, SQLITE_LIMIT_SQL_LENGTH, -1);
    if (size > (size_t)max) {
        err_set(SQLITE_EXC(DataError), "query string is too large");
        return VNULL;
    }
    sqlite3_stmt *st;
    const char *tail;
    int rc;
    GIL_RELEASE_BEGIN
    rc = sqlite3_prepare_v2(c->db, text, (int)size + 1, &st, &tail);
    GIL_RELEASE_END
    if (rc != SQLITE_OK) {
        sqlite_set_error(c->db);
        return VNULL;
    }
    if (lstrip_sql(tail)) {
        sqlite3_finalize(st);
        err_set(SQLITE_EXC(ProgrammingError), "You can only execute one statement at a time.");
        return VNULL;
    }
    SqliteStatement *s = gc_alloc(&sqlite_statement_type, sizeof(SqliteStatement));
    if (!s) {
        sqlite3_finalize(st);
        return VNULL;
    }
    gc_note_external(1024);
    s->st = st;
    const char *p = lstrip_sql(text);
    static const char *const dml[] = {"insert", "update", "delete", "replace"};
    for (int i = 0; p && i < 4; i++)
        if (strncasecmp(p, dml[i], strlen(dml[i])) == 0) s->is_dml = true;
    return obj_val(s);
}

Value sqlite_statement_get(SqliteConnection *c, Value sql) {
    Value s = dict_get(c->statement_cache, sql);
    if (s) return s;
    if (err_occurred()) return VNULL;
    s = statement_create(c, sql);
    if (!s || c->cached_statements <= 0) return s;
    /* Keep at most cached_statements, dropping the oldest. */
    if (dict_size(c->statement_cache) >= c->cached_statements) {
        ssize_t pos = 0;
        Value k, v;
        if (dict_next(c->statement_cache, &pos, &k, &v) && dict_del(c->statement_cache, k) < 0) return VNULL;
    }
    return dict_set(c->statement_cache, sql, s) < 0 ? VNULL : s;
}

int sqlite_statement_reset(SqliteStatement *s) {
    int rc = SQLITE_OK;
    if (s->in_use && s->st) {
        GIL_RELEASE_BEGIN
        rc = sqlite3_reset(s->st);
        GIL_RELEASE_END
    }
    s->in_use = false;
    return rc;
}

/* ---- binding parameters ---- */

static int bind_one(SqliteStatement *s, int pos, Value v) {
    sqlite3_stmt *st = s->st;
    int rc;
    if (v == VNone) return sqlite3_bind_null(st, pos);
    if (int_check(v)) {
        if (!val_is_int(v) && !int_fits_i64(v)) {
            err_set(&exc_OverflowError, "Python int too large to convert to SQLite INTEGER");
            return -1;
        }
        return sqlite3_bind_int64(st, pos, val_is_int(v) ? val_int(v) : int_as_i64(v));
    }
    if (float_check(v)) return sqlite3_bind_double(st, pos, float_value(v));
    if (str_check(v)) {
        /* str is UTF-8 inside; lone surrogates cannot go to SQLite. */
        Value u = str_is_ascii(v) ? v : str_encode(v, "utf-8", "strict");
        if (!u) return -1;
        const char *p = u == v ? str_data(v) : bytes_data(u);
        size_t n = u == v ? str_size(v) : (size_t)bytes_size(u);
        if (n > INT_MAX) {
            err_set(&exc_OverflowError, "string longer than INT_MAX bytes");
            return -1;
        }
        return sqlite3_bind_text(st, pos, p, (int)n, SQLITE_TRANSIENT);
    }
    if (buffer_check(v)) {
        Buffer view;
        if (buffer_get(v, &view, BUF_SIMPLE) < 0) return -1;
        if (view.len > INT_MAX) {
            buffer_release(&view);
            err_set(&exc_OverflowError, "BLOB longer than INT_MAX bytes");
            return -1;
        }
        rc = sqlite3_bind_blob(st, pos, view.buf, (int)view.len, SQLITE_TRANSIENT);
        buffer_release(&view);
        return rc;
    }
    err_format(SQLITE_EXC(ProgrammingError), "Error binding parameter %d: type '%s' is not supported", pos,
               type_name(v));
    return -1;
}

/* Adapt (when it may be needed) and bind one parameter: 0 or -1. */
static int bind_param(SqliteStatement *s, sqlite3 *db, int pos, Value v) {
    bool plain = val_is_int(v) || (!val_is_int(v) && (val_obj(v)->type == &type_int || val_obj(v)->type == &type_float ||
                                                      val_obj(v)->type == &type_str ||
                                                      val_obj(v)->type == &type_bytearray));
    if (sqlite_base_type_adapted || !plain) {
        v = sqlite_adapt(v, obj_val(&sqlite_prepare_protocol_type), v);
        if (!v) return -1;
    }
    int rc = bind_one(s, pos, v);
    if (rc == SQLITE_OK) return 0;
    if (rc > 0) {
        Value pending = err_fetch();
        sqlite_set_error(db);
        if (pending) {
            err_clear();
            err_restore(pending);
        }
    }
    return -1;
}

/* PySequence_Check: a __getitem__ that is not a mapping's. */
static bool is_sequence(Value v) {
    if (dict_check(v)) return false;
    Type *t = val_type(v);
    return t->getitem != NULL;
}

static int bind_parameters(SqliteStatement *s, sqlite3 *db, Value params) {
    int needed = s->st ? sqlite3_bind_parameter_count(s->st) : 0;
    if (tuple_check_exact(params) || list_check_exact(params) || (!dict_check(params) && is_sequence(params))) {
        ssize_t n = obj_len(params);
        if (n < 0) return -1;
        if (n != needed) {
            err_format(SQLITE_EXC(ProgrammingError),
                       "Incorrect number of bindings supplied. The current statement uses %d, and there are %zd "
                       "supplied.",
                       needed, n);
            return -1;
        }
        for (ssize_t i = 0; i < n; i++) {
            Value v = tuple_check_exact(params) ? tuple_get(params, i)
                      : list_check_exact(params) ? list_get(params, i)
                                                 : obj_getitem(params, val_from_int(i));
            if (!v || bind_param(s, db, (int)i + 1, v) < 0) return -1;
        }
        return 0;
    }
    if (dict_check(params)) {
        for (int i = 1; i <= needed; i++) {
            const char *name = sqlite3_bind_parameter_name(s->st, i);
            if (!name) {
                err_format(SQLITE_EXC(ProgrammingError),
                           "Binding %d has no name, but you supplied a dictionary (which has only names).", i);
                return -1;
            }
            Value key = str_from_cstr(name + 1);
            if (!key) return -1;
            Value v = dict_check_exact(params) ? dict_get(params, key) : obj_getitem(params, key);
            if (!v) {
                if (!err_occurred() || err_matches(&exc_LookupError)) {
                    err_clear();
                    err_format(SQLITE_EXC(ProgrammingError), "You did not supply a value for binding parameter :%s.",
                               name + 1);
                }
                return -1;
            }
            if (bind_param(s, db, i, v) < 0) return -1;
        }
        return 0;
    }
    err_set(SQLITE_EXC(ProgrammingError), "parameters are of unsupported type");
    return -1;
}

/* ---- the cursor ---- */

static void cursor_trace(Object *o) {
    SqliteCursor *c = (SqliteCursor *)o;
    gc_mark(c->connection);
    gc_mark(c->statement);
    gc_mark(c->description);
    gc_mark(c->row_cast_map);
    gc_mark(c->lastrowid);
    gc_mark(c->row_factory);
}

static SqliteConnection *con_of(SqliteCursor *c) { return (SqliteConnection *)c->connection; }

static int check_cursor(SqliteCursor *c) {
    if (!c->initialized) {
        err_set(SQLITE_EXC(ProgrammingError), "Base Cursor.__init__ not called.");
        return -1;
    }
    if (c->closed) {
        err_set(SQLITE_EXC(ProgrammingError), "Cannot operate on a closed cursor.");
        return -1;
    }
    if (c->locked) {
        err_set(SQLITE_EXC(ProgrammingError), "Recursive use of cursors not allowed.");
        return -1;
    }
    if (sqlite_check_thread(con_of(c)) < 0) return -1;
    return sqlite_check_connection(con_of(c));
}

static Value cursor_new(Type *t, Value *args, size_t nargs, Value kw) { return type_generic_alloc(t, 0); }

static int cursor_init(Value self, Value *args, size_t nargs, Value kw) {
    SqliteCursor *c = (SqliteCursor *)self;
    if (arg_no_kw("Cursor", kw) < 0 || dm_positional("Cursor", nargs, 1, 1) < 0) return -1;
    if (!val_isinstance(args[0], &sqlite_connection_type)) {
        err_format(&exc_TypeError, "Cursor() argument 1 must be sqlite3.Connection, not %s", type_name(args[0]));
        return -1;
    }
    if (sqlite_check_thread((SqliteConnection *)args[0]) < 0) return -1;
    GC_WRITE(c, c->connection, args[0]);
    GC_WRITE(c, c->statement, VNULL);
    GC_WRITE(c, c->description, VNone);
    GC_WRITE(c, c->lastrowid, VNone);
    GC_WRITE(c, c->row_factory, VNone);
    c->arraysize = 1;
    c->rowcount = -1;
    c->closed = false;
    c->initialized = true;
    return 0;
}

static void drop_statement(SqliteCursor *c) {
    if (!c->statement) return;
    sqlite_statement_reset((SqliteStatement *)c->statement);
    GC_WRITE(c, c->statement, VNULL);
}

/* The converters for the current statement's columns (detect_types). */
static int build_row_cast_map(SqliteCursor *c) {
    SqliteConnection *con = con_of(c);
    if (!con->detect_types) return 0;
    sqlite3_stmt *st = ((SqliteStatement *)c->statement)->st;
    int n = st ? sqlite3_column_count(st) : 0;
    Value map = list_new((size_t)n);
    if (!map) return -1;
    GC_WRITE(c, c->row_cast_map, map);
    for (int i = 0; i < n; i++) {
        Value conv = VNULL;
        if (con->detect_types & 2) { /* PARSE_COLNAMES: "name [type]" */
            const char *name = sqlite3_column_name(st, i), *start = NULL;
            for (const char *p = name; p && *p; p++) {
                if (*p == '[') {
                    start = p + 1;
                } else if (*p == ']' && start) {
                    conv = sqlite_get_converter(start, (size_t)(p - start));
                    if (!conv && err_occurred()) return -1;
                    break;
                }
            }
        }
        if (!conv && (con->detect_types & 1)) { /* PARSE_DECLTYPES: the declared type's first word */
            const char *decl = sqlite3_column_decltype(st, i);
            if (decl) {
                const char *p = decl;
                while (*p && *p != ' ' && *p != '(') p++;
                conv = sqlite_get_converter(decl, (size_t)(p - decl));
                if (!conv && err_occurred()) return -1;
            }
        }
        if (list_append(map, conv ? conv : VNone) < 0) return -1;
    }
    return 0;
}

static Value column_name(SqliteCursor *c, const char *name) {
    if (!(con_of(c)->detect_types & 2)) return str_from_cstr(name);
    const char *p = name;
    for (; *p; p++)
        if (*p == '[') {
            if (p != name && p[-1] == ' ') p--;
            break;
        }
    return str_new(name, (size_t)(p - name));
}

/* The current row of the statement as a tuple. */
static Value fetch_row(SqliteCursor *c) {
    SqliteConnection *con = con_of(c);
    sqlite3_stmt *st = ((SqliteStatement *)c->statement)->st;
    int n = sqlite3_data_count(st);
    Value row = tuple_new((size_t)n);
    if (!row) return VNULL;
    for (int i = 0; i < n; i++) {
        Value conv = VNone, v;
        if (con->detect_types && c->row_cast_map && i < list_size(c->row_cast_map))
            conv = list_get(c->row_cast_map, i);
        if (conv != VNone) {
            const void *blob = sqlite3_column_blob(st, i);
            if (!blob) {
                v = VNone;
            } else {
                Value item = bytes_new(blob, (size_t)sqlite3_column_bytes(st, i));
                v = item ? obj_call1(conv, item) : VNULL;
            }
        } else {
            switch (sqlite3_column_type(st, i)) {
            case SQLITE_NULL: v = VNone; break;
            case SQLITE_INTEGER: v = int_from_i64(sqlite3_column_int64(st, i)); break;
            case SQLITE_FLOAT: v = float_new(sqlite3_column_double(st, i)); break;
            case SQLITE_TEXT: {
                const char *text = (const char *)sqlite3_column_text(st, i);
                size_t len = (size_t)sqlite3_column_bytes(st, i);
                Value tf = con->text_factory;
                if (tf == obj_val(&type_str)) {
                    v = str_decode_utf8(text, len, "strict");
                    if (!v && err_matches(&exc_UnicodeDecodeError)) {
                        err_clear();
                        char buf[256];
                        snprintf(buf, sizeof buf, "Could not decode to UTF-8 column '%s' with text '%s'",
                                 sqlite3_column_name(st, i), text);
                        Value msg = bytes_decode(buf, strlen(buf), "ascii", "replace");
                        if (msg) err_set_value(SQLITE_EXC(OperationalError), msg);
                    }
                } else if (tf == obj_val(&type_bytes)) {
                    v = bytes_new(text, len);
                } else if (tf == obj_val(&type_bytearray)) {
                    v = bytearray_new(text, len);
                } else {
                    Value b = bytes_new(text, len);
                    v = b ? obj_call1(tf, b) : VNULL;
                }
                break;
            }
            default: {
                const void *blob = sqlite3_column_blob(st, i);
                v = bytes_new(blob ? blob : "", (size_t)sqlite3_column_bytes(st, i));
            }
            }
        }
        if (!v) return VNULL;
        GC_WRITE(val_obj(row), tuple_items(row)[i], v);
    }
    return row;
}

Value sqlite_cursor_execute(SqliteCursor *c, Value sql, Value params, bool many) {
    if (check_cursor(c) < 0) return VNULL;
    SqliteConnection *con = con_of(c);
    c->locked = true;
    Value iter = VNULL, result = VNULL;
    int rc = SQLITE_OK;
    if (many) {
        if (!(iter = obj_iter(params))) goto done;
    } else {
        Value list = tuple_pack(1, params ? params : tuple_empty());
        if (!list || !(iter = obj_iter(list))) goto done;
    }
    drop_statement(c);
    GC_WRITE(c, c->description, VNone);
    Value stmt = sqlite_statement_get(con, sql);
    if (!stmt) goto done;
    if (((SqliteStatement *)stmt)->in_use) {
        stmt = statement_create(con, sql);
        if (!stmt) goto done;
    }
    SqliteStatement *s = (SqliteStatement *)stmt;
    GC_WRITE(c, c->statement, stmt);
    sqlite_statement_reset(s);
    s->in_use = true;
    c->rowcount = s->is_dml ? 0 : -1;
    /* The legacy transaction model: BEGIN before DML outside a transaction. */
    if (con->isolation_level && s->is_dml && sqlite3_get_autocommit(con->db) && sqlite_begin(con) < 0) goto done;
    for (;;) {
        Value p = obj_next(iter);
        if (!p) {
            if (err_occurred()) goto done;
            break;
        }
        s->in_use = true;
        if (s->st) {
            /* Resetting may finish an aggregate: Python code can run. */
            GIL_RELEASE_BEGIN
            sqlite3_reset(s->st);
            GIL_RELEASE_END
            sqlite3_clear_bindings(s->st);
        }
        if (bind_parameters(s, con->db, p) < 0) goto done;
        if (!s->st) {
            rc = SQLITE_DONE;
            continue;
        }
        GIL_RELEASE_BEGIN
        rc = sqlite3_step(s->st);
        GIL_RELEASE_END
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
            /* An exception from a callback (a collation) is not reported here. */
            if (err_occurred()) {
                if (sqlite_callback_tracebacks) err_write_unraisable(err_fetch(), VNULL);
                err_clear();
            }
            GIL_RELEASE_BEGIN
            sqlite3_reset(s->st);
            GIL_RELEASE_END
            sqlite_set_error(con->db);
            goto done;
        }
        if (err_occurred()) goto done;
        if (build_row_cast_map(c) < 0) goto done;
        int ncols = sqlite3_column_count(s->st);
        if (c->description == VNone && ncols > 0) {
            Value desc = tuple_new((size_t)ncols);
            if (!desc) goto done;
            for (int i = 0; i < ncols; i++) {
                const char *name = sqlite3_column_name(s->st, i);
                if (!name) {
                    err_no_memory();
                    goto done;
                }
                Value n = column_name(c, name);
                Value d = n ? tuple_pack(7, n, VNone, VNone, VNone, VNone, VNone, VNone) : VNULL;
                if (!d) goto done;
                GC_WRITE(val_obj(desc), tuple_items(desc)[i], d);
            }
            GC_WRITE(c, c->description, desc);
        }
        if (rc == SQLITE_DONE) {
            if (s->is_dml) c->rowcount += sqlite3_changes64(con->db);
            sqlite_statement_reset(s);
        }
    }
    if (!many) {
        Value id = int_from_i64(sqlite3_last_insert_rowid(con->db));
        if (!id) goto done;
        GC_WRITE(c, c->lastrowid, id);
    }
    if (rc == SQLITE_ROW) {
        if (many) {
            err_set(SQLITE_EXC(ProgrammingError), "executemany() can only execute DML statements.");
            goto done;
        }
    } else if (!many || rc == SQLITE_DONE) {
        drop_statement(c);
    }
    result = obj_val(c);
done:
    c->locked = false;
    if (!result) {
        drop_statement(c);
        c->rowcount = -1;
        return VNULL;
    }
    if (c->statement && (!((SqliteStatement *)c->statement)->st || !sqlite3_stmt_busy(((SqliteStatement *)c->statement)->st)))
        drop_statement(c);
    return result;
}

static Value cursor_execute(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("execute", kw) < 0 || dm_positional("execute", nargs, 1, 2) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "execute() argument 1 must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    return sqlite_cursor_execute((SqliteCursor *)self, args[0], nargs > 1 ? args[1] : VNULL, false);
}

static Value cursor_executemany(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("executemany", kw) < 0 || dm_positional("executemany", nargs, 2, 2) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "executemany() argument 1 must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    return sqlite_cursor_execute((SqliteCursor *)self, args[0], args[1], true);
}

static Value cursor_executescript(Value self, Value *args, size_t nargs, Value kw) {
    SqliteCursor *c = (SqliteCursor *)self;
    if (arg_no_kw("Cursor.executescript", kw) < 0 || arg_count("Cursor.executescript", nargs, 1, 1) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "executescript() argument must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    const char *sql = str_data(args[0]);
    size_t len = str_size(args[0]);
    if (strlen(sql) != len) {
        err_set(&exc_ValueError, "embedded null character");
        return VNULL;
    }
    if (check_cursor(c) < 0) return VNULL;
    sqlite3 *db = con_of(c)->db;
    if (len > (size_t)sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, -1)) {
        err_set(SQLITE_EXC(DataError), "query string is too large");
        return VNULL;
    }
    int rc = SQLITE_OK;
    GIL_RELEASE_BEGIN
    /* Commit first; then run each statement to completion. */
    if (!sqlite3_get_autocommit(db)) rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    while (rc == SQLITE_OK) {
        sqlite3_stmt *st;
        const char *tail;
        rc = sqlite3_prepare_v2(db, sql, (int)len + 1, &st, &tail);
        if (rc != SQLITE_OK) break;
        if (st) {
            do rc = sqlite3_step(st);
            while (rc == SQLITE_ROW);
            rc = sqlite3_finalize(st);
        }
        if (rc != SQLITE_OK || !*tail) break;
        len -= (size_t)(tail - sql);
        sql = tail;
    }
    GIL_RELEASE_END
    if (rc != SQLITE_OK) {
        if (!err_occurred()) sqlite_set_error(db);
        return VNULL;
    }
    if (err_occurred()) return VNULL;
    return self;
}

/* Next row through the row factory, or VNULL: exhausted (no exception) or an error. */
static Value cursor_next(Value self) {
    SqliteCursor *c = (SqliteCursor *)self;
    if (check_cursor(c) < 0) return VNULL;
    if (!c->statement) return VNULL;
    SqliteStatement *s = (SqliteStatement *)c->statement;
    c->locked = true;
    Value row = fetch_row(c);
    c->locked = false;
    if (!row) return VNULL;
    int rc;
    GIL_RELEASE_BEGIN
    rc = sqlite3_step(s->st);
    GIL_RELEASE_END
    if (rc == SQLITE_DONE) {
        if (s->is_dml) c->rowcount = sqlite3_changes64(con_of(c)->db);
        drop_statement(c);
    } else if (rc != SQLITE_ROW) {
        sqlite_set_error(con_of(c)->db);
        drop_statement(c);
        return VNULL;
    }
    if (c->row_factory != VNone) row = obj_call2(c->row_factory, self, row);
    return row;
}

static Value cursor_iter(Value self) { return self; }

static Value cursor_fetchone(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Cursor.fetchone", kw) < 0 || arg_count("Cursor.fetchone", nargs, 0, 0) < 0) return VNULL;
    Value r = cursor_next(self);
    return r ? r : err_occurred() ? VNULL : VNone;
}

static Value fetch_many(Value self, ssize_t max) {
    Value list = list_new(0);
    if (!list) return VNULL;
    for (ssize_t n = 0; n != max;) {
        Value r = cursor_next(self);
        if (!r) return err_occurred() ? VNULL : list;
        if (list_append(list, r) < 0) return VNULL;
        if (max >= 0) n++;
    }
    return list;
}

static Value cursor_fetchmany(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"size", NULL};
    Value a[1];
    if (dm_parse("fetchmany", args, nargs, kw, names, 0, 1, 0, a) < 0) return VNULL;
    int size = ((SqliteCursor *)self)->arraysize;
    if (a[0] && clib_int(a[0], &size) < 0) return VNULL;
    return fetch_many(self, size < 0 ? -1 : size);
}

static Value cursor_fetchall(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Cursor.fetchall", kw) < 0 || arg_count("Cursor.fetchall", nargs, 0, 0) < 0) return VNULL;
    return fetch_many(self, -1);
}

static Value cursor_setinputsizes(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Cursor.setinputsizes", kw) < 0 || arg_count("Cursor.setinputsizes", nargs, 1, 1) < 0) return VNULL;
    return VNone;
}

static Value cursor_setoutputsize(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("setoutputsize", kw) < 0 || dm_positional("setoutputsize", nargs, 1, 2) < 0) return VNULL;
    return VNone;
}

static Value cursor_close(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Cursor.close", kw) < 0 || arg_count("Cursor.close", nargs, 0, 0) < 0) return VNULL;
    SqliteCursor *c = (SqliteCursor *)self;
    if (!c->connection) {
        err_set(SQLITE_EXC(ProgrammingError), "Base Cursor.__init__ not called.");
        return VNULL;
    }
    if (sqlite_check_thread(con_of(c)) < 0 || sqlite_check_connection(con_of(c)) < 0) return VNULL;
    drop_statement(c);
    c->closed = true;
    return VNone;
}

static Value get_rowcount(Value self) { return int_from_i64(((SqliteCursor *)self)->rowcount); }
static Value get_arraysize(Value self) { return val_from_int(((SqliteCursor *)self)->arraysize); }
static int set_arraysize(Value self, Value v) {
    if (!v) {
        err_set(&exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    return clib_int(v, &((SqliteCursor *)self)->arraysize);
}

static int set_readonly(Value self, Value v) {
    err_set(&exc_AttributeError, "readonly attribute");
    return -1;
}

static Value get_description(Value self) {
    Value d = ((SqliteCursor *)self)->description;
    return d ? d : VNone;
}
static Value get_lastrowid(Value self) {
    Value v = ((SqliteCursor *)self)->lastrowid;
    return v ? v : VNone;
}
static Value get_connection(Value self) {
    Value v = ((SqliteCursor *)self)->connection;
    return v ? v : VNone;
}

static const GetSetDef cursor_getsets[] = {
    {"rowcount", get_rowcount, set_readonly, NULL},
    {"arraysize", get_arraysize, set_arraysize, NULL},
    {"description", get_description, set_readonly, NULL},
    {"lastrowid", get_lastrowid, set_readonly, NULL},
    {"connection", get_connection, set_readonly, NULL},
    {NULL},
};

static const MemberDef cursor_members[] = {
    {"row_factory", MEMBER_VALUE, offsetof(SqliteCursor, row_factory)},
    {NULL},
};

static const MethodDef cursor_methods[] = {
    {"execute", cursor_execute, 0, "Executes an SQL statement."},
    {"executemany", cursor_executemany, 0, "Repeatedly executes an SQL statement."},
    {"executescript", cursor_executescript, 0, "Executes multiple SQL statements at once."},
    {"fetchone", cursor_fetchone, 0, "Fetches one row from the resultset."},
    {"fetchmany", cursor_fetchmany, 0, "Fetches several rows from the resultset."},
    {"fetchall", cursor_fetchall, 0, "Fetches all rows from the resultset."},
    {"close", cursor_close, 0, "Closes the cursor."},
    {"setinputsizes", cursor_setinputsizes, 0, "Required by DB-API. Does nothing in sqlite3."},
    {"setoutputsize", cursor_setoutputsize, 0, "Required by DB-API. Does nothing in sqlite3."},
    {NULL},
};

Type sqlite_cursor_type = {
    .hdr = {0, &type_type},
    .name = "sqlite3.Cursor",
    .basicsize = sizeof(SqliteCursor),
    .flags = TF_BASETYPE,
    .trace = cursor_trace,
    .new = cursor_new,
    .init = cursor_init,
    .iter = cursor_iter,
    .iternext = cursor_next,
    .methods = cursor_methods,
    .getsets = cursor_getsets,
    .members = cursor_members,
    .doc = "SQLite database cursor class.",
};
