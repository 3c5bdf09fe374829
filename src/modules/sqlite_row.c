/* sqlite_row.c - sqlite3.Row (a tuple with case-insensitive column names) and sqlite3.Blob (incremental BLOB I/O). */
#include "sqlite.h"
#include "datamod.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/list.h"
#include "../objects/tuple.h"
#include "../objects/misc.h"
#include "../vm/gil.h"
#include "../gc/gc.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- Row ---- */

static void row_trace(Object *o) {
    SqliteRow *r = (SqliteRow *)o;
    gc_mark(r->data);
    gc_mark(r->description);
}

static Value row_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Row", kw) < 0 || dm_positional("Row", nargs, 2, 2) < 0) return VNULL;
    if (!val_isinstance(args[0], &sqlite_cursor_type)) {
        err_format(&exc_TypeError, "Row() argument 1 must be sqlite3.Cursor, not %s", type_name(args[0]));
        return VNULL;
    }
    if (!tuple_check(args[1])) {
        err_format(&exc_TypeError, "Row() argument 2 must be tuple, not %s", type_name(args[1]));
        return VNULL;
    }
    SqliteRow *r = (SqliteRow *)type_generic_alloc(t, 0);
    if (!r) return VNULL;
    Value desc = ((SqliteCursor *)args[0])->description;
    GC_WRITE(r, r->data, args[1]);
    GC_WRITE(r, r->description, desc ? desc : VNone);
    return obj_val(r);
}

static ssize_t row_len(Value self) { return tuple_size(((SqliteRow *)self)->data); }

/* Column names match ASCII case-insensitively. */
static bool same_name(Value a, Value b) {
    if (!str_check(b) || str_size(a) != str_size(b)) return false;
    const char *p = str_data(a), *q = str_data(b);
    for (size_t i = 0; i < str_size(a); i++) {
        unsigned char x = (unsigned char)p[i], y = (unsigned char)q[i];
        if (x != y && (x >= 128 || y >= 128 || tolower(x) != tolower(y))) return false;
    }
    return true;
}

static Value row_getitem(Value self, Value key) {
    SqliteRow *r = (SqliteRow *)self;
    if (int_check(key)) {
        Value i = num_index(key);
        if (!i) return VNULL;
        ssize_t n = tuple_size(r->data);
        ssize_t idx = val_is_int(i) ? val_int(i) : (int_sign(i) < 0 ? -n - 1 : n);
        if (idx < 0) idx += n;
        if (idx < 0 || idx >= n) {
            err_set(&exc_IndexError, "tuple index out of range");
            return VNULL;
        }
        return tuple_get(r->data, idx);
    }
    if (str_check(key)) {
        if (r->description != VNone && tuple_check(r->description)) {
            for (ssize_t i = 0; i < tuple_size(r->description) && i < tuple_size(r->data); i++) {
                Value d = tuple_get(r->description, i);
                if (tuple_check(d) && tuple_size(d) > 0 && same_name(key, tuple_get(d, 0))) return tuple_get(r->data, i);
            }
        }
        err_set(&exc_IndexError, "No item with that key");
        return VNULL;
    }
    if (val_isinstance(key, &type_slice)) return obj_getitem(r->data, key);
    err_set(&exc_IndexError, "Index must be int or string");
    return VNULL;
}

static Value row_iter(Value self) { return obj_iter(((SqliteRow *)self)->data); }

static hash_t row_hash(Value self) {
    SqliteRow *r = (SqliteRow *)self;
    hash_t a = obj_hash(r->description), b;
    if (a == -1 || (b = obj_hash(r->data)) == -1) return -1;
    hash_t h = a ^ b;
    return h == -1 ? -2 : h;
}

static Value row_richcompare(Value a, Value b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || !val_isinstance(b, &sqlite_row_type)) return VNotImplemented;
    SqliteRow *x = (SqliteRow *)a, *y = (SqliteRow *)b;
    Value eq = obj_richcompare(x->description, y->description, CMP_EQ);
    if (!eq) return VNULL;
    int t = obj_is_true(eq);
    if (t < 0) return VNULL;
    if (t) return obj_richcompare(x->data, y->data, op);
    return val_bool(op != CMP_EQ);
}

static Value row_keys(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Row.keys", kw) < 0 || arg_count("Row.keys", nargs, 0, 0) < 0) return VNULL;
    SqliteRow *r = (SqliteRow *)self;
    Value list = list_new(0);
    if (!list) return VNULL;
    if (r->description == VNone) return list;
    for (ssize_t i = 0; i < tuple_size(r->description); i++)
        if (list_append(list, tuple_get(tuple_get(r->description, i), 0)) < 0) return VNULL;
    return list;
}

static const MethodDef row_methods[] = {
    {"keys", row_keys, 0, "Returns the keys of the row."},
    {NULL},
};

Type sqlite_row_type = {
    .hdr = {0, &type_type},
    .name = "sqlite3.Row",
    .basicsize = sizeof(SqliteRow),
    .flags = TF_BASETYPE,
    .trace = row_trace,
    .new = row_new,
    .len = row_len,
    .getitem = row_getitem,
    .iter = row_iter,
    .hash = row_hash,
    .richcompare = row_richcompare,
    .methods = row_methods,
};

/* ---- Blob ---- */

static void blob_trace(Object *o) { gc_mark(((SqliteBlob *)o)->connection); }

static void blob_close_handle(SqliteBlob *b) {
    if (!b->blob) return;
    sqlite3_blob *h = b->blob;
    b->blob = NULL;
    GIL_RELEASE_BEGIN
    sqlite3_blob_close(h);
    GIL_RELEASE_END
}

static void blob_finalize(Object *o) {
    SqliteBlob *b = (SqliteBlob *)o;
    if (b->blob) sqlite3_blob_close(b->blob);
    b->blob = NULL;
}

Value sqlite_blob_new(SqliteConnection *c, sqlite3_blob *h) {
    SqliteBlob *b = gc_alloc(&sqlite_blob_type, sizeof(SqliteBlob));
    if (!b) {
        sqlite3_blob_close(h);
        return VNULL;
    }
    b->blob = h;
    GC_WRITE(b, b->connection, obj_val(c));
    if (list_append(c->blobs, obj_val(b)) < 0) return VNULL;
    return obj_val(b);
}

/* Blobs close with their connection. */
void sqlite_blob_close_all(SqliteConnection *c) {
    if (!c->blobs) return;
    for (ssize_t i = 0; i < list_size(c->blobs); i++) blob_close_handle((SqliteBlob *)list_get(c->blobs, i));
    list_clear(c->blobs);
}

static int check_blob(SqliteBlob *b) {
    SqliteConnection *c = (SqliteConnection *)b->connection;
    if (sqlite_check_connection(c) < 0 || sqlite_check_thread(c) < 0) return -1;
    if (!b->blob) {
        err_set(SQLITE_EXC(ProgrammingError), "Cannot operate on a closed blob.");
        return -1;
    }
    return 0;
}

static void blob_error(SqliteBlob *b, int rc) {
    if (rc == SQLITE_ABORT) {
        err_set(SQLITE_EXC(OperationalError), "Cannot operate on an expired blob handle");
        return;
    }
    sqlite_set_error(((SqliteConnection *)b->connection)->db);
}

/* len bytes from offset into a new bytes object. */
static Value read_at(SqliteBlob *b, int len, int offset) {
    BytesObject *r = bytes_alloc((size_t)len);
    if (!r) return VNULL;
    int rc;
    GIL_RELEASE_BEGIN
    rc = sqlite3_blob_read(b->blob, r->data, len, offset);
    GIL_RELEASE_END
    if (rc != SQLITE_OK) {
        blob_error(b, rc);
        return VNULL;
    }
    return obj_val(r);
}

static int write_at(SqliteBlob *b, const void *buf, ssize_t len, int offset) {
    if (len > sqlite3_blob_bytes(b->blob) - offset) {
        err_set(&exc_ValueError, "data longer than blob length");
        return -1;
    }
    int rc;
    GIL_RELEASE_BEGIN
    rc = sqlite3_blob_write(b->blob, buf, (int)len, offset);
    GIL_RELEASE_END
    if (rc != SQLITE_OK) {
        blob_error(b, rc);
        return -1;
    }
    return 0;
}

static Value blob_read(Value self, Value *args, size_t nargs, Value kw) {
    SqliteBlob *b = (SqliteBlob *)self;
    if (arg_no_kw("read", kw) < 0 || dm_positional("read", nargs, 0, 1) < 0) return VNULL;
    int length = -1;
    if (nargs && clib_int(args[0], &length) < 0) return VNULL;
    if (check_blob(b) < 0) return VNULL;
    int max = sqlite3_blob_bytes(b->blob) - b->offset;
    if (length < 0 || length > max) length = max;
    if (length == 0) return bytes_empty();
    Value r = read_at(b, length, b->offset);
    if (r) b->offset += length;
    return r;
}

static Value blob_write(Value self, Value *args, size_t nargs, Value kw) {
    SqliteBlob *b = (SqliteBlob *)self;
    if (arg_no_kw("Blob.write", kw) < 0 || arg_count("Blob.write", nargs, 1, 1) < 0) return VNULL;
    Buffer data;
    if (clib_buffer(args[0], &data) < 0) return VNULL;
    int rc = check_blob(b) < 0 ? -1 : write_at(b, data.buf, data.len, b->offset);
    if (rc == 0) b->offset += (int)data.len;
    buffer_release(&data);
    return rc < 0 ? VNULL : VNone;
}

static Value blob_seek(Value self, Value *args, size_t nargs, Value kw) {
    SqliteBlob *b = (SqliteBlob *)self;
    if (arg_no_kw("seek", kw) < 0 || dm_positional("seek", nargs, 1, 2) < 0) return VNULL;
    int offset, origin = 0;
    if (clib_int(args[0], &offset) < 0 || (nargs > 1 && clib_int(args[1], &origin) < 0)) return VNULL;
    if (check_blob(b) < 0) return VNULL;
    int len = sqlite3_blob_bytes(b->blob);
    switch (origin) {
    case 0: break;
    case 1:
        if (offset > INT_MAX - b->offset) goto overflow;
        offset += b->offset;
        break;
    case 2:
        if (offset > INT_MAX - len) goto overflow;
        offset += len;
        break;
    default:
        err_set(&exc_ValueError, "'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END");
        return VNULL;
    }
    if (offset < 0 || offset > len) {
        err_set(&exc_ValueError, "offset out of blob range");
        return VNULL;
    }
    b->offset = offset;
    return VNone;
overflow:
    err_set(&exc_OverflowError, "seek offset results in overflow");
    return VNULL;
}

static Value blob_tell(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Blob.tell", kw) < 0 || arg_count("Blob.tell", nargs, 0, 0) < 0) return VNULL;
    if (check_blob((SqliteBlob *)self) < 0) return VNULL;
    return val_from_int(((SqliteBlob *)self)->offset);
}

static Value blob_close(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Blob.close", kw) < 0 || arg_count("Blob.close", nargs, 0, 0) < 0) return VNULL;
    SqliteBlob *b = (SqliteBlob *)self;
    SqliteConnection *c = (SqliteConnection *)b->connection;
    if (sqlite_check_connection(c) < 0 || sqlite_check_thread(c) < 0) return VNULL;
    blob_close_handle(b);
    return VNone;
}

static Value blob_enter(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Blob.__enter__", kw) < 0 || arg_count("Blob.__enter__", nargs, 0, 0) < 0) return VNULL;
    if (check_blob((SqliteBlob *)self) < 0) return VNULL;
    return self;
}

static Value blob_exit(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__exit__", kw) < 0 || dm_positional("__exit__", nargs, 3, 3) < 0) return VNULL;
    if (check_blob((SqliteBlob *)self) < 0) return VNULL;
    blob_close_handle((SqliteBlob *)self);
    return VFalse;
}

static ssize_t blob_len(Value self) {
    if (check_blob((SqliteBlob *)self) < 0) return -1;
    return sqlite3_blob_bytes(((SqliteBlob *)self)->blob);
}

/* An index into the blob, or -1 with IndexError. */
static ssize_t blob_index(SqliteBlob *b, Value key) {
    Value i = num_index(key);
    if (!i) return -1;
    ssize_t len = sqlite3_blob_bytes(b->blob);
    ssize_t idx = val_is_int(i) ? val_int(i) : -len - 1;
    if (idx < 0) idx += len;
    if (idx < 0 || idx >= len) {
        err_set(&exc_IndexError, "Blob index out of range");
        return -1;
    }
    return idx;
}

static Value blob_getitem(Value self, Value key) {
    SqliteBlob *b = (SqliteBlob *)self;
    if (check_blob(b) < 0) return VNULL;
    if (int_check(key) || (!val_isinstance(key, &type_slice) && val_type(key)->nb_index)) {
        ssize_t i = blob_index(b, key);
        if (i < 0) return VNULL;
        Value r = read_at(b, 1, (int)i);
        return r ? val_from_int((unsigned char)bytes_data(r)[0]) : VNULL;
    }
    if (val_isinstance(key, &type_slice)) {
        ssize_t start, stop, step;
        ssize_t n = slice_indices(key, sqlite3_blob_bytes(b->blob), &start, &stop, &step);
        if (n < 0) return VNULL;
        if (n == 0) return bytes_empty();
        if (step == 1) return read_at(b, (int)n, (int)start);
        /* Read the span once and pick every step-th byte. */
        ssize_t lo = step > 0 ? start : start + (n - 1) * step;
        ssize_t span = (n - 1) * (step > 0 ? step : -step) + 1;
        Value all = read_at(b, (int)span, (int)lo);
        if (!all) return VNULL;
        BytesObject *r = bytes_alloc((size_t)n);
        if (!r) return VNULL;
        for (ssize_t k = 0; k < n; k++) r->data[k] = bytes_data(all)[start - lo + k * step];
        return obj_val(r);
    }
    err_set(&exc_TypeError, "Blob indices must be integers");
    return VNULL;
}

static int blob_setitem(Value self, Value key, Value v) {
    SqliteBlob *b = (SqliteBlob *)self;
    if (check_blob(b) < 0) return -1;
    if (!v) {
        err_set(&exc_TypeError, "Blob doesn't support item deletion");
        return -1;
    }
    if (int_check(key) || (!val_isinstance(key, &type_slice) && val_type(key)->nb_index)) {
        ssize_t i = blob_index(b, key);
        if (i < 0) return -1;
        int64_t x = -1;
        if (int_check(v) && (val_is_int(v) || int_fits_i64(v))) x = val_is_int(v) ? val_int(v) : int_as_i64(v);
        if (x < 0 || x > 255) {
            err_set(&exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        unsigned char byte = (unsigned char)x;
        return write_at(b, &byte, 1, (int)i);
    }
    if (val_isinstance(key, &type_slice)) {
        ssize_t start, stop, step;
        ssize_t n = slice_indices(key, sqlite3_blob_bytes(b->blob), &start, &stop, &step);
        if (n < 0) return -1;
        Buffer data;
        if (clib_buffer(v, &data) < 0) return -1;
        int rc = -1;
        if (data.len != n) {
            err_set(&exc_IndexError, "Blob slice assignment is wrong size");
        } else if (n == 0) {
            rc = 0;
        } else if (step == 1) {
            rc = write_at(b, data.buf, n, (int)start);
        } else {
            ssize_t lo = step > 0 ? start : start + (n - 1) * step;
            ssize_t span = (n - 1) * (step > 0 ? step : -step) + 1;
            Value all = read_at(b, (int)span, (int)lo);
            if (all) {
                char *tmp = malloc((size_t)span);
                if (!tmp) {
                    err_no_memory();
                } else {
                    memcpy(tmp, bytes_data(all), (size_t)span);
                    for (ssize_t k = 0; k < n; k++) tmp[start - lo + k * step] = ((const char *)data.buf)[k];
                    rc = write_at(b, tmp, span, (int)lo);
                    free(tmp);
                }
            }
        }
        buffer_release(&data);
        return rc;
    }
    err_set(&exc_TypeError, "Blob indices must be integers");
    return -1;
}

static const MethodDef blob_methods[] = {
    {"read", blob_read, 0, "Read data at the current offset position."},
    {"write", blob_write, 0, "Write data at the current offset."},
    {"seek", blob_seek, 0, "Set the current access position to offset."},
    {"tell", blob_tell, 0, "Return the current access position for the blob."},
    {"close", blob_close, 0, "Close the blob."},
    {"__enter__", blob_enter, 0, "Blob context manager enter."},
    {"__exit__", blob_exit, 0, "Blob context manager exit."},
    {NULL},
};

Type sqlite_blob_type = {
    .hdr = {0, &type_type},
    .name = "sqlite3.Blob",
    .basicsize = sizeof(SqliteBlob),
    .trace = blob_trace,
    .finalize = blob_finalize,
    .new = clib_no_new,
    .len = blob_len,
    .getitem = blob_getitem,
    .setitem = blob_setitem,
    .methods = blob_methods,
};
