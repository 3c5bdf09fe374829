/* sqlite.h - the _sqlite3 module's objects (Connection, Cursor, Statement, Row, Blob), shared by the sqlite_*.c files. */
#ifndef TAIPAN_SQLITE_H
#define TAIPAN_SQLITE_H

#include "clib.h"
#include <pthread.h>
#include <sqlite3.h>

/*
 * CPython 3.11's Modules/_sqlite/ is the specification.  The C library's
 * handles (sqlite3 *, sqlite3_stmt *, sqlite3_blob *) live in malloc
 * memory owned by the objects below and are released by finalizers.  The
 * database is closed with sqlite3_close_v2, so statements and blobs that
 * the collector finalizes later (in any order) stay valid until the last
 * of them is gone.
 *
 * sqlite calls back into Python (functions, aggregates, collations,
 * authorizer, progress, trace) with a pointer it was given at
 * registration: a SqliteCallback GC object kept alive by the
 * connection's `callbacks` dict for as long as it is registered.
 */

typedef struct SqliteConnection {
    Object hdr;
    sqlite3 *db;
    pthread_t thread;             /* the creating thread, for check_same_thread */
    Value isolation_level;        /* VNULL for None, else one of the four canonical strs */
    Value row_factory;
    Value text_factory;
    Value statement_cache;        /* dict: sql -> Statement */
    Value callbacks;              /* dict: registration key -> SqliteCallback */
    Value aggregates;             /* dict: int(aggregate context address) -> aggregate instance */
    Value blobs;                  /* list of open Blob objects */
    int detect_types;
    int cached_statements;
    bool initialized;
    bool check_same_thread;
} SqliteConnection;

typedef struct SqliteStatement {
    Object hdr;
    sqlite3_stmt *st;             /* NULL for an empty statement ("", or only comments) */
    bool in_use;                  /* a cursor is stepping through it */
    bool is_dml;                  /* INSERT, UPDATE, DELETE or REPLACE */
} SqliteStatement;

typedef struct SqliteCursor {
    Object hdr;
    Value connection;             /* SqliteConnection */
    Value statement;              /* SqliteStatement being stepped, or VNULL */
    Value description;            /* None or a tuple of 7-tuples */
    Value row_cast_map;           /* list of converters (detect_types), or VNULL */
    Value lastrowid;
    Value row_factory;
    int64_t rowcount;
    int arraysize;
    bool initialized;
    bool closed;
    bool locked;                  /* inside execute/fetch: no recursive use */
} SqliteCursor;

typedef struct SqliteRow {
    Object hdr;
    Value data;                   /* tuple */
    Value description;            /* the cursor's description */
} SqliteRow;

typedef struct SqliteBlob {
    Object hdr;
    Value connection;
    sqlite3_blob *blob;           /* NULL once closed */
    int offset;
} SqliteBlob;

/* The context sqlite hands back to a callback. */
typedef struct SqliteCallback {
    Object hdr;
    Value callable;
    Value connection;
} SqliteCallback;

extern Type sqlite_connection_type, sqlite_cursor_type, sqlite_row_type, sqlite_blob_type,
    sqlite_statement_type, sqlite_prepare_protocol_type, sqlite_callback_type;

/* The module's exception classes and registries (sqlite_module.c). */
extern Value sqlite_Warning, sqlite_Error, sqlite_InterfaceError, sqlite_DatabaseError, sqlite_InternalError,
    sqlite_OperationalError, sqlite_ProgrammingError, sqlite_IntegrityError, sqlite_DataError,
    sqlite_NotSupportedError;
extern Value sqlite_adapters, sqlite_converters;
extern bool sqlite_base_type_adapted, sqlite_callback_tracebacks;
#define SQLITE_EXC(name) ((Type *)sqlite_##name)

/* Raise the exception for db's last error (CPython's _pysqlite_seterror);
 * returns the extended error code, SQLITE_OK (and nothing raised) if none. */
int sqlite_set_error(sqlite3 *db);
/* The exception for a result code, with sqlite_errorcode/sqlite_errorname. */
void sqlite_raise(Type *exc, int code, const char *msg);
/* A converter registered for a declared type name (case-insensitive), or VNULL. */
Value sqlite_get_converter(const char *name, size_t len);
/* microprotocols_adapt(obj, PrepareProtocol, alt): VNULL alt means "raise". */
Value sqlite_adapt(Value obj, Value proto, Value alt);

/* Checks shared by the objects: 0, or -1 with ProgrammingError. */
int sqlite_check_thread(SqliteConnection *c);
int sqlite_check_connection(SqliteConnection *c);
/* Start a transaction with the connection's isolation level: 0 or -1. */
int sqlite_begin(SqliteConnection *c);
Value sqlite_connection_cursor(Value con, Value factory);

/* Statements (sqlite_cursor.c). */
Value sqlite_statement_get(SqliteConnection *c, Value sql);
int sqlite_statement_reset(SqliteStatement *s);
Value sqlite_cursor_execute(SqliteCursor *cur, Value sql, Value params, bool many);

/* Callbacks (sqlite_callbacks.c): register with the connection's db. */
int sqlite_create_function(SqliteConnection *c, const char *name, int narg, Value func, bool deterministic);
int sqlite_create_aggregate(SqliteConnection *c, const char *name, int narg, Value cls, bool window);
int sqlite_create_collation(SqliteConnection *c, const char *name, Value func);
int sqlite_set_authorizer(SqliteConnection *c, Value func);
int sqlite_set_progress_handler(SqliteConnection *c, Value func, int n);
int sqlite_set_trace(SqliteConnection *c, Value func);

/* Blob (sqlite_row.c). */
Value sqlite_blob_new(SqliteConnection *c, sqlite3_blob *blob);
void sqlite_blob_close_all(SqliteConnection *c);

#endif
