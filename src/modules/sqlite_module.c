/* sqlite_module.c - the _sqlite3 module: connect, exceptions and their mapping from result codes, adapters, converters, constants. */
#include "sqlite.h"
#include "datamod.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/dict.h"
#include "../objects/tuple.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/module.h"
#include "../gc/gc.h"

#include <string.h>

Value sqlite_Warning, sqlite_Error, sqlite_InterfaceError, sqlite_DatabaseError, sqlite_InternalError,
    sqlite_OperationalError, sqlite_ProgrammingError, sqlite_IntegrityError, sqlite_DataError,
    sqlite_NotSupportedError;
Value sqlite_adapters;          /* {(type, PrepareProtocol): adapter} */
Value sqlite_converters;        /* {TYPENAME: converter} */
bool sqlite_base_type_adapted;  /* an adapter for int, float, str or bytearray exists */
bool sqlite_callback_tracebacks;

/* The module's SQLITE_* constants: E marks result codes (named by
 * sqlite_errorname), A authorizer actions and limits. */
#define SQLITE_CONSTANTS(E, A) \
    E(SQLITE_ABORT) E(SQLITE_ABORT_ROLLBACK) A(SQLITE_ALTER_TABLE) A(SQLITE_ANALYZE) A(SQLITE_ATTACH) \
    E(SQLITE_AUTH) E(SQLITE_AUTH_USER) E(SQLITE_BUSY) E(SQLITE_BUSY_RECOVERY) E(SQLITE_BUSY_SNAPSHOT) \
    E(SQLITE_BUSY_TIMEOUT) E(SQLITE_CANTOPEN) E(SQLITE_CANTOPEN_CONVPATH) E(SQLITE_CANTOPEN_DIRTYWAL) \
    E(SQLITE_CANTOPEN_FULLPATH) E(SQLITE_CANTOPEN_ISDIR) E(SQLITE_CANTOPEN_NOTEMPDIR) E(SQLITE_CANTOPEN_SYMLINK) \
    E(SQLITE_CONSTRAINT) E(SQLITE_CONSTRAINT_CHECK) E(SQLITE_CONSTRAINT_COMMITHOOK) E(SQLITE_CONSTRAINT_FOREIGNKEY) \
    E(SQLITE_CONSTRAINT_FUNCTION) E(SQLITE_CONSTRAINT_NOTNULL) E(SQLITE_CONSTRAINT_PINNED) \
    E(SQLITE_CONSTRAINT_PRIMARYKEY) E(SQLITE_CONSTRAINT_ROWID) E(SQLITE_CONSTRAINT_TRIGGER) \
    E(SQLITE_CONSTRAINT_UNIQUE) E(SQLITE_CONSTRAINT_VTAB) E(SQLITE_CORRUPT) E(SQLITE_CORRUPT_INDEX) \
    E(SQLITE_CORRUPT_SEQUENCE) E(SQLITE_CORRUPT_VTAB) A(SQLITE_CREATE_INDEX) A(SQLITE_CREATE_TABLE) \
    A(SQLITE_CREATE_TEMP_INDEX) A(SQLITE_CREATE_TEMP_TABLE) A(SQLITE_CREATE_TEMP_TRIGGER) \
    A(SQLITE_CREATE_TEMP_VIEW) A(SQLITE_CREATE_TRIGGER) A(SQLITE_CREATE_VIEW) A(SQLITE_CREATE_VTABLE) \
    A(SQLITE_DELETE) A(SQLITE_DENY) A(SQLITE_DETACH) E(SQLITE_DONE) A(SQLITE_DROP_INDEX) A(SQLITE_DROP_TABLE) \
    A(SQLITE_DROP_TEMP_INDEX) A(SQLITE_DROP_TEMP_TABLE) A(SQLITE_DROP_TEMP_TRIGGER) A(SQLITE_DROP_TEMP_VIEW) \
    A(SQLITE_DROP_TRIGGER) A(SQLITE_DROP_VIEW) A(SQLITE_DROP_VTABLE) E(SQLITE_EMPTY) E(SQLITE_ERROR) \
    E(SQLITE_ERROR_MISSING_COLLSEQ) E(SQLITE_ERROR_RETRY) E(SQLITE_ERROR_SNAPSHOT) E(SQLITE_FORMAT) E(SQLITE_FULL) \
    A(SQLITE_FUNCTION) A(SQLITE_IGNORE) A(SQLITE_INSERT) E(SQLITE_INTERNAL) E(SQLITE_INTERRUPT) E(SQLITE_IOERR) \
    E(SQLITE_IOERR_ACCESS) E(SQLITE_IOERR_AUTH) E(SQLITE_IOERR_BEGIN_ATOMIC) E(SQLITE_IOERR_BLOCKED) \
    E(SQLITE_IOERR_CHECKRESERVEDLOCK) E(SQLITE_IOERR_CLOSE) E(SQLITE_IOERR_COMMIT_ATOMIC) E(SQLITE_IOERR_CONVPATH) \
    E(SQLITE_IOERR_CORRUPTFS) E(SQLITE_IOERR_DATA) E(SQLITE_IOERR_DELETE) E(SQLITE_IOERR_DELETE_NOENT) \
    E(SQLITE_IOERR_DIR_CLOSE) E(SQLITE_IOERR_DIR_FSYNC) E(SQLITE_IOERR_FSTAT) E(SQLITE_IOERR_FSYNC) \
    E(SQLITE_IOERR_GETTEMPPATH) E(SQLITE_IOERR_LOCK) E(SQLITE_IOERR_MMAP) E(SQLITE_IOERR_NOMEM) \
    E(SQLITE_IOERR_RDLOCK) E(SQLITE_IOERR_READ) E(SQLITE_IOERR_ROLLBACK_ATOMIC) E(SQLITE_IOERR_SEEK) \
    E(SQLITE_IOERR_SHMLOCK) E(SQLITE_IOERR_SHMMAP) E(SQLITE_IOERR_SHMOPEN) E(SQLITE_IOERR_SHMSIZE) \
    E(SQLITE_IOERR_SHORT_READ) E(SQLITE_IOERR_TRUNCATE) E(SQLITE_IOERR_UNLOCK) E(SQLITE_IOERR_VNODE) \
    E(SQLITE_IOERR_WRITE) A(SQLITE_LIMIT_ATTACHED) A(SQLITE_LIMIT_COLUMN) A(SQLITE_LIMIT_COMPOUND_SELECT) \
    A(SQLITE_LIMIT_EXPR_DEPTH) A(SQLITE_LIMIT_FUNCTION_ARG) A(SQLITE_LIMIT_LENGTH) \
    A(SQLITE_LIMIT_LIKE_PATTERN_LENGTH) A(SQLITE_LIMIT_SQL_LENGTH) A(SQLITE_LIMIT_TRIGGER_DEPTH) \
    A(SQLITE_LIMIT_VARIABLE_NUMBER) A(SQLITE_LIMIT_VDBE_OP) A(SQLITE_LIMIT_WORKER_THREADS) E(SQLITE_LOCKED) \
    E(SQLITE_LOCKED_SHAREDCACHE) E(SQLITE_LOCKED_VTAB) E(SQLITE_MISMATCH) E(SQLITE_MISUSE) E(SQLITE_NOLFS) \
    E(SQLITE_NOMEM) E(SQLITE_NOTADB) E(SQLITE_NOTFOUND) E(SQLITE_NOTICE) E(SQLITE_NOTICE_RECOVER_ROLLBACK) \
    E(SQLITE_NOTICE_RECOVER_WAL) E(SQLITE_OK) E(SQLITE_OK_LOAD_PERMANENTLY) E(SQLITE_OK_SYMLINK) E(SQLITE_PERM) \
    A(SQLITE_PRAGMA) E(SQLITE_PROTOCOL) E(SQLITE_RANGE) A(SQLITE_READ) E(SQLITE_READONLY) \
    E(SQLITE_READONLY_CANTINIT) E(SQLITE_READONLY_CANTLOCK) E(SQLITE_READONLY_DBMOVED) E(SQLITE_READONLY_DIRECTORY) \
    E(SQLITE_READONLY_RECOVERY) E(SQLITE_READONLY_ROLLBACK) A(SQLITE_RECURSIVE) A(SQLITE_REINDEX) E(SQLITE_ROW) \
    A(SQLITE_SAVEPOINT) E(SQLITE_SCHEMA) A(SQLITE_SELECT) E(SQLITE_TOOBIG) A(SQLITE_TRANSACTION) A(SQLITE_UPDATE) \
    E(SQLITE_WARNING) E(SQLITE_WARNING_AUTOINDEX)

#define CONST_ENTRY(n) {#n, n},
#define SKIP(n)
static const struct { const char *name; int value; } result_codes[] = {SQLITE_CONSTANTS(CONST_ENTRY, SKIP)};
static const struct { const char *name; int value; } other_constants[] = {SQLITE_CONSTANTS(SKIP, CONST_ENTRY)};

/* ---- errors ---- */

static const char *error_name(int code) {
    for (size_t i = 0; i < sizeof result_codes / sizeof result_codes[0]; i++)
        if (result_codes[i].value == code) return result_codes[i].name;
    return NULL;
}

void sqlite_raise(Type *exc, int code, const char *msg) {
    Value m = str_from_cstr(msg);
    if (!m) return;
    Value e = obj_call1(obj_val(exc), m);
    if (!e) return;
    const char *name = error_name(code);
    Value n = name ? str_from_cstr(name) : VNone;
    if (!n || obj_setattr_cstr(e, "sqlite_errorcode", val_from_int(code)) < 0 ||
        obj_setattr_cstr(e, "sqlite_errorname", n) < 0)
        return;
    err_set_object(e);
}

/* The exception class for a primary result code (CPython's mapping). */
static Type *error_class(int code) {
    switch (code & 0xff) {
    case SQLITE_INTERNAL: case SQLITE_NOTFOUND: return SQLITE_EXC(InternalError);
    case SQLITE_ERROR: case SQLITE_PERM: case SQLITE_ABORT: case SQLITE_BUSY: case SQLITE_LOCKED:
    case SQLITE_READONLY: case SQLITE_INTERRUPT: case SQLITE_IOERR: case SQLITE_FULL: case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL: case SQLITE_EMPTY: case SQLITE_SCHEMA:
        return SQLITE_EXC(OperationalError);
    case SQLITE_CORRUPT: return SQLITE_EXC(DatabaseError);
    case SQLITE_TOOBIG: return SQLITE_EXC(DataError);
    case SQLITE_CONSTRAINT: case SQLITE_MISMATCH: return SQLITE_EXC(IntegrityError);
    case SQLITE_MISUSE: case SQLITE_RANGE: return SQLITE_EXC(InterfaceError);
    default: return SQLITE_EXC(DatabaseError);
    }
}

int sqlite_set_error(sqlite3 *db) {
    int code = sqlite3_errcode(db);
    if (code == SQLITE_OK) return code;
    if ((code & 0xff) == SQLITE_NOMEM) {
        err_no_memory();
        return code;
    }
    int ext = sqlite3_extended_errcode(db);
    sqlite_raise(error_class(code), ext, sqlite3_errmsg(db));
    return ext;
}

/* ---- adapters and converters ---- */

Value sqlite_adapt(Value obj, Value proto, Value alt) {
    Value key = tuple_pack(2, obj_val(val_type(obj)), proto);
    if (!key) return VNULL;
    Value adapter = dict_get(sqlite_adapters, key);
    if (adapter) return obj_call1(adapter, obj);
    if (err_occurred()) return VNULL;
    /* The protocol may adapt the object, or the object conform to it. */
    static const char *const hooks[2] = {"__adapt__", "__conform__"};
    for (int i = 0; i < 2; i++) {
        Value target = i == 0 ? proto : obj, arg = i == 0 ? obj : proto;
        Value fn = obj_getattr_cstr(target, hooks[i]);
        if (!fn) {
            if (!err_matches(&exc_AttributeError)) return VNULL;
            err_clear();
            continue;
        }
        Value r = obj_call1(fn, arg);
        if (r && r != VNone) return r;
        if (!r) {
            if (!err_matches(&exc_TypeError)) return VNULL;
            err_clear();
        }
    }
    if (alt) return alt;
    err_set(SQLITE_EXC(ProgrammingError), "can't adapt");
    return VNULL;
}

Value sqlite_get_converter(const char *name, size_t len) {
    Value key = str_new(name, len);
    if (!key) return VNULL;
    Value upper = obj_call_method(key, "upper", NULL, 0);
    if (!upper) return VNULL;
    return dict_get(sqlite_converters, upper);
}

static Value adapt_f(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("adapt", kw) < 0 || dm_positional("adapt", nargs, 1, 3) < 0) return VNULL;
    return sqlite_adapt(args[0], nargs > 1 ? args[1] : obj_val(&sqlite_prepare_protocol_type), nargs > 2 ? args[2] : VNULL);
}

static Value register_adapter(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("register_adapter", kw) < 0 || dm_positional("register_adapter", nargs, 2, 2) < 0) return VNULL;
    Value t = args[0];
    if (t == obj_val(&type_int) || t == obj_val(&type_float) || t == obj_val(&type_str) ||
        t == obj_val(&type_bytearray))
        sqlite_base_type_adapted = true;
    Value key = tuple_pack(2, t, obj_val(&sqlite_prepare_protocol_type));
    if (!key || dict_set(sqlite_adapters, key, args[1]) < 0) return VNULL;
    return VNone;
}

static Value register_converter(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("register_converter", kw) < 0 || dm_positional("register_converter", nargs, 2, 2) < 0)
        return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "register_converter() argument 1 must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    Value upper = obj_call_method(args[0], "upper", NULL, 0);
    if (!upper || dict_set(sqlite_converters, upper, args[1]) < 0) return VNULL;
    return VNone;
}

/* ---- module functions ---- */

/* connect(database, ...): call the factory (Connection by default) with every argument. */
static Value connect_f(Value self, Value *args, size_t nargs, Value kw) {
    Value factory = nargs > 5 ? args[5] : VNULL;
    size_t nkw = kw ? (size_t)tuple_size(kw) : 0;
    for (size_t i = 0; i < nkw; i++)
        if (str_eq_cstr(tuple_get(kw, (ssize_t)i), "factory")) factory = args[nargs + i];
    return obj_call(factory ? factory : obj_val(&sqlite_connection_type), args, nargs, kw);
}

static Value complete_statement(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"statement", NULL};
    Value a[1];
    if (dm_parse("complete_statement", args, nargs, kw, names, 0, 1, 1, a) < 0) return VNULL;
    if (!str_check(a[0])) {
        err_format(&exc_TypeError, "complete_statement() argument 'statement' must be str, not %s", type_name(a[0]));
        return VNULL;
    }
    return val_bool(sqlite3_complete(str_data(a[0])));
}

static Value enable_callback_tracebacks(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_sqlite3.enable_callback_tracebacks", kw) < 0 ||
        arg_count("_sqlite3.enable_callback_tracebacks", nargs, 1, 1) < 0)
        return VNULL;
    int flag;
    if (clib_int(args[0], &flag) < 0) return VNULL;
    sqlite_callback_tracebacks = flag != 0;
    return VNone;
}

static Value enable_shared_cache(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"do_enable", NULL};
    Value a[1];
    if (dm_parse("enable_shared_cache", args, nargs, kw, names, 0, 1, 1, a) < 0) return VNULL;
    int flag;
    if (clib_int(a[0], &flag) < 0) return VNULL;
    if (sqlite3_enable_shared_cache(flag) != SQLITE_OK) {
        err_set(SQLITE_EXC(OperationalError), "Changing the shared_cache flag failed");
        return VNULL;
    }
    return VNone;
}

static const MethodDef sqlite_functions[] = {
    {"connect", connect_f, 0,
     "Opens a connection to the SQLite database file database.\n\nYou can use \":memory:\" to open a database "
     "connection to a database that resides\nin RAM instead of on disk."},
    {"complete_statement", complete_statement, 0, "Checks if a string contains a complete SQL statement."},
    {"enable_callback_tracebacks", enable_callback_tracebacks, 0, "Enable or disable callback functions throwing "
                                                                 "errors to stderr."},
    {"enable_shared_cache", enable_shared_cache, 0, "Enable or disable shared cache mode for the calling thread."},
    {"register_adapter", register_adapter, 0, "Register a function to adapt Python objects to SQLite values."},
    {"register_converter", register_converter, 0, "Register a function to convert SQLite values to Python objects."},
    {"adapt", adapt_f, 0, "Adapt given object to given protocol."},
    {NULL},
};

/* ---- PrepareProtocol ---- */

static Value prepare_protocol_new(Type *t, Value *args, size_t nargs, Value kw) {
    return type_generic_alloc(t, 0);
}

Type sqlite_prepare_protocol_type = {
    .hdr = {0, &type_type},
    .name = "sqlite3.PrepareProtocol",
    .basicsize = sizeof(Object),
    .flags = TF_BASETYPE,
    .new = prepare_protocol_new,
    .doc = "PEP 246 style object adaption protocol type.",
};

Value sqlite_module_init(void) {
    Value m = module_new_cstr("_sqlite3");
    if (!m || module_add_functions(m, sqlite_functions) < 0) return VNULL;
    Type *types[] = {&sqlite_prepare_protocol_type, &sqlite_connection_type, &sqlite_cursor_type, &sqlite_row_type,
                     &sqlite_blob_type, &sqlite_statement_type, &sqlite_callback_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) type_ready(types[i]);
    if (module_add(m, "PrepareProtocol", obj_val(&sqlite_prepare_protocol_type)) < 0 ||
        module_add(m, "Connection", obj_val(&sqlite_connection_type)) < 0 ||
        module_add(m, "Cursor", obj_val(&sqlite_cursor_type)) < 0 ||
        module_add(m, "Row", obj_val(&sqlite_row_type)) < 0 || module_add(m, "Blob", obj_val(&sqlite_blob_type)) < 0)
        return VNULL;
    /* The exception hierarchy of PEP 249. */
    struct { Value *slot; const char *name; Value *base; } excs[] = {
        {&sqlite_Warning, "Warning", NULL},
        {&sqlite_Error, "Error", NULL},
        {&sqlite_InterfaceError, "InterfaceError", &sqlite_Error},
        {&sqlite_DatabaseError, "DatabaseError", &sqlite_Error},
        {&sqlite_InternalError, "InternalError", &sqlite_DatabaseError},
        {&sqlite_OperationalError, "OperationalError", &sqlite_DatabaseError},
        {&sqlite_ProgrammingError, "ProgrammingError", &sqlite_DatabaseError},
        {&sqlite_IntegrityError, "IntegrityError", &sqlite_DatabaseError},
        {&sqlite_DataError, "DataError", &sqlite_DatabaseError},
        {&sqlite_NotSupportedError, "NotSupportedError", &sqlite_DatabaseError},
    };
    for (size_t i = 0; i < sizeof excs / sizeof excs[0]; i++) {
        gc_add_root(excs[i].slot);
        *excs[i].slot = clib_new_exception("sqlite3", excs[i].name,
                                           excs[i].base ? *excs[i].base : obj_val(&exc_Exception), NULL);
        if (!*excs[i].slot || module_add(m, excs[i].name, *excs[i].slot) < 0) return VNULL;
    }
    gc_add_root(&sqlite_adapters);
    gc_add_root(&sqlite_converters);
    if (!(sqlite_adapters = dict_new()) || !(sqlite_converters = dict_new()) ||
        module_add(m, "adapters", sqlite_adapters) < 0 || module_add(m, "converters", sqlite_converters) < 0)
        return VNULL;
    for (size_t i = 0; i < sizeof result_codes / sizeof result_codes[0]; i++)
        if (module_add(m, result_codes[i].name, val_from_int(result_codes[i].value)) < 0) return VNULL;
    for (size_t i = 0; i < sizeof other_constants / sizeof other_constants[0]; i++)
        if (module_add(m, other_constants[i].name, val_from_int(other_constants[i].value)) < 0) return VNULL;
    /* PEP 249's threadsafety from SQLite's threading mode (serialized: 3, multi-thread: 1). */
    int ts = sqlite3_threadsafe();
    if (module_add(m, "PARSE_DECLTYPES", val_from_int(1)) < 0 || module_add(m, "PARSE_COLNAMES", val_from_int(2)) < 0 ||
        module_add(m, "version", str_from_cstr("2.6.0")) < 0 ||
        module_add(m, "sqlite_version", str_from_cstr(sqlite3_libversion())) < 0 ||
        module_add(m, "threadsafety", val_from_int(ts == 1 ? 3 : ts == 2 ? 1 : 0)) < 0)
        return VNULL;
    return m;
}
