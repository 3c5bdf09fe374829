/* import_cache.c - the bytecode cache: compiled modules kept as __pycache__/NAME.taipan-311.pyc (or under ~/.cache/taipan). */
#include "import.h"
#include "error.h"
#include "code.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/bytes.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../compiler/compile.h"
#include "../modules/marshal.h"
#include "../gc/gc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * A cache file is laid out as CPython's .pyc (PEP 552): a 4-byte magic
 * number, 4 bytes of flags, then either the source's mtime and size (flags
 * 0) or an 8-byte hash of the source (flags 1, or 3 to check it), then the
 * module's code object in marshal format.  Its name comes from importlib's
 * cache_from_source with sys.implementation.cache_tag "taipan-311", so the
 * Python-level SourceFileLoader and Taipan's C loader read and write the
 * same files.  The magic number is derived from the bytecode fingerprint
 * (marshal_code.c): a rebuilt Taipan whose bytecode differs never mistakes
 * old files for its own, and CPython's .cpython-311.pyc files are never
 * touched.
 *
 * When the source's directory cannot take a __pycache__ (the system's
 * /usr/lib/python3.11 for a user), the file goes to the same name under
 * $XDG_CACHE_HOME/taipan (default ~/.cache/taipan) followed by the
 * source's absolute directory.  A cache file that is missing, stale,
 * truncated or corrupt is ignored and rewritten.  sys.dont_write_bytecode
 * (-B, PYTHONDONTWRITEBYTECODE) stops the writing, not the reading.
 */

extern Value sys_get(const char *name);
extern int runtime_optimize;
extern char *read_file(const char *path, size_t *size);

uint16_t import_magic_number(void) { return (uint16_t)(20000 + marshal_bytecode_id % 10000); }

static void magic_bytes(unsigned char out[4]) {
    uint16_t m = import_magic_number();
    out[0] = (unsigned char)m;
    out[1] = (unsigned char)(m >> 8);
    out[2] = '\r';
    out[3] = '\n';
}

/* ---- Where the cache file lives ---- */

/* path's directory and file name parts (importlib's _path_split on POSIX). */
static void split_path(const char *path, size_t len, size_t *dirlen, const char **tail) {
    const char *slash = memrchr(path, '/', len);
    *dirlen = slash ? (size_t)(slash - path) : 0;
    *tail = slash ? slash + 1 : path;
}

/* "NAME.taipan-311[.opt-N].pyc" for source file tail "NAME.py"; false if no cache_tag. */
static bool cache_file_name(const char *tail, size_t taillen, char *out, size_t outsz) {
    Value impl = sys_get("implementation");
    Value tag = impl ? obj_getattr_opt(impl, str_intern_cstr("cache_tag")) : VNULL;
    err_clear();
    if (!tag || val_is_int(tag) || !str_check(tag)) return false;
    const char *dot = memrchr(tail, '.', taillen);
    size_t baselen = dot ? (size_t)(dot - tail) : taillen;
    const char *base = tail;
    if (dot && baselen == 0) {
        base = dot + 1;
        baselen = taillen - 1;
    }
    int n;
    if (runtime_optimize > 0)
        n = snprintf(out, outsz, "%.*s.%s.opt-%d.pyc", (int)baselen, base, str_data(tag), runtime_optimize);
    else
        n = snprintf(out, outsz, "%.*s.%s.pyc", (int)baselen, base, str_data(tag));
    return n > 0 && (size_t)n < outsz;
}

/* The absolute form of dir (which may be relative or empty). */
static bool absolute_dir(const char *dir, size_t dirlen, char *out, size_t outsz) {
    if (dirlen && dir[0] == '/') {
        if (dirlen >= outsz) return false;
        memcpy(out, dir, dirlen);
        out[dirlen] = 0;
        return true;
    }
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return false;
    int n = dirlen ? snprintf(out, outsz, "%s/%.*s", cwd, (int)dirlen, dir) : snprintf(out, outsz, "%s", cwd);
    return n > 0 && (size_t)n < outsz;
}

/* importlib's cache_from_source: DIR/__pycache__/FILE, or PREFIX/ABSDIR/FILE with sys.pycache_prefix. */
static bool primary_cache_path(const char *path, size_t len, char *out, size_t outsz) {
    size_t dirlen;
    const char *tail;
    split_path(path, len, &dirlen, &tail);
    char file[NAME_MAX + 64];
    if (!cache_file_name(tail, len - (size_t)(tail - path), file, sizeof file)) return false;
    Value prefix = sys_get("pycache_prefix");
    int n;
    if (prefix && !val_is_int(prefix) && str_check(prefix)) {
        char abs[PATH_MAX];
        if (!absolute_dir(path, dirlen, abs, sizeof abs)) return false;
        const char *p = str_data(prefix);
        size_t plen = str_size(prefix);
        while (plen > 1 && p[plen - 1] == '/') plen--;
        n = snprintf(out, outsz, "%.*s%s/%s", (int)plen, p, abs, file);
    } else if (dirlen) {
        n = snprintf(out, outsz, "%.*s/__pycache__/%s", (int)dirlen, path, file);
    } else {
        n = snprintf(out, outsz, "__pycache__/%s", file);
    }
    return n > 0 && (size_t)n < outsz;
}

/* The per-user location for sources whose own directory is not writable. */
static bool fallback_cache_path(const char *path, size_t len, char *out, size_t outsz) {
    size_t dirlen;
    const char *tail;
    split_path(path, len, &dirlen, &tail);
    char file[NAME_MAX + 64], abs[PATH_MAX];
    if (!cache_file_name(tail, len - (size_t)(tail - path), file, sizeof file)) return false;
    if (!absolute_dir(path, dirlen, abs, sizeof abs)) return false;
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/') n = snprintf(out, outsz, "%s/taipan%s/%s", xdg, abs, file);
    else if (home && home[0] == '/') n = snprintf(out, outsz, "%s/.cache/taipan%s/%s", home, abs, file);
    else return false;
    return n > 0 && (size_t)n < outsz;
}

Value import_cache_path(Value path) {
    char buf[PATH_MAX];
    size_t len = str_size(path);
    if (len < 3 || memcmp(str_data(path) + len - 3, ".py", 3) != 0) return VNULL;
    if (!primary_cache_path(str_data(path), len, buf, sizeof buf)) return VNULL;
    Value r = str_from_cstr(buf);
    if (!r) err_clear();
    return r;
}

/* ---- Reading ---- */

extern uint64_t imp_source_hash(uint64_t key, const void *data, size_t size);

static uint32_t rd32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Code objects of this build may carry the file name they were compiled
 * under; a moved source gets its new name (_imp._fix_co_filename). */
void import_fix_co_filename(Value code, Value oldname, Value newname) {
    CodeObject *c = (CodeObject *)val_obj(code);
    if (!str_eq(c->filename, oldname)) return;
    GC_WRITE(c, c->filename, newname);
    for (ssize_t i = 0; i < tuple_size(c->consts); i++) {
        Value k = tuple_get(c->consts, i);
        if (!val_is_int(k) && val_type(k) == &type_code) import_fix_co_filename(k, oldname, newname);
    }
}

/* The code in cache file cpath if it is valid for the source (st, and the
 * source text when a hash-based file needs it); VNULL (no exception) if not. */
static Value read_cache(const char *cpath, const struct stat *st, const char *src, size_t srclen, bool *exists) {
    size_t size;
    char *data = read_file(cpath, &size);
    *exists = data != NULL || errno != ENOENT;
    if (!data) return VNULL;
    Value code = VNULL;
    unsigned char magic[4];
    magic_bytes(magic);
    const unsigned char *d = (const unsigned char *)data;
    if (size < 16 || memcmp(d, magic, 4) != 0) goto out;
    uint32_t flags = rd32(d + 4);
    if (flags == 0) {
        if (rd32(d + 8) != (uint32_t)st->st_mtime || rd32(d + 12) != (uint32_t)st->st_size) goto out;
    } else if (flags == 1 || flags == 3) {
        /* Hash-based (py_compile's invalidation modes); checked as _imp.check_hash_based_pycs says. */
        Value mode = VNULL;
        Value imp = dict_get_cstr(sys_get("modules"), "_imp");
        if (imp) mode = obj_getattr_opt(imp, str_intern_cstr("check_hash_based_pycs"));
        err_clear();
        bool never = mode && str_check(mode) && str_eq_cstr(mode, "never");
        bool always = mode && str_check(mode) && str_eq_cstr(mode, "always");
        if (!never && (flags == 3 || always)) {
            if (!src) goto out;
            uint64_t h = imp_source_hash(rd32(magic), src, srclen);
            if (memcmp(&h, d + 8, 8) != 0) goto out;
        }
    } else {
        goto out;
    }
    code = marshal_loads(data + 16, size - 16);
    if (!code || val_is_int(code) || val_type(code) != &type_code) {
        err_clear();
        code = VNULL;
    }
out:
    free(data);
    return code;
}

/* ---- Writing ---- */

/* mkdir -p of path's directory part. */
static bool make_parent_dirs(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        int r = mkdir(path, 0777);
        int e = errno;
        *p = '/';
        if (r < 0 && e != EEXIST) return false;
    }
    return true;
}

/* Write data atomically (a temporary file, then rename): a reader sees the
 * old file or the whole new one, never part of it.  The temporary name is
 * unique to the process and the call, so concurrent writers (processes or
 * threads) never write into each other's file.  errno on failure. */
static bool write_atomic(const char *cpath, const void *data, size_t n, mode_t mode, bool make_dirs) {
    static unsigned serial;
    char tmp[PATH_MAX + 48];
    unsigned k = __atomic_fetch_add(&serial, 1, __ATOMIC_RELAXED);
    if (snprintf(tmp, sizeof tmp, "%s.%ld.%u.tmp", cpath, (long)getpid(), k) >= (int)sizeof tmp) {
        errno = ENAMETOOLONG;
        return false;
    }
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0 && errno == ENOENT && make_dirs) {
        if (!make_parent_dirs(tmp)) return false;
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    }
    if (fd < 0) return false;
    const char *p = data;
    size_t left = n;
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            close(fd);
            unlink(tmp);
            errno = e;
            return false;
        }
        p += w;
        left -= (size_t)w;
    }
    if (close(fd) < 0 || rename(tmp, cpath) < 0) {
        int e = errno;
        unlink(tmp);
        errno = e;
        return false;
    }
    return true;
}

static void write_cache(Value code, const char *primary, const char *fallback, const struct stat *st) {
    Value dump = marshal_dumps(code, MARSHAL_VERSION);
    if (!dump) {
        err_clear();
        return;
    }
    size_t n = (size_t)bytes_size(dump) + 16;
    unsigned char *buf = malloc(n);
    if (!buf) return;
    magic_bytes(buf);
    memset(buf + 4, 0, 4);
    uint32_t mt = (uint32_t)st->st_mtime, sz = (uint32_t)st->st_size;
    for (int i = 0; i < 4; i++) {
        buf[8 + i] = (unsigned char)(mt >> (8 * i));
        buf[12 + i] = (unsigned char)(sz >> (8 * i));
    }
    memcpy(buf + 16, bytes_data(dump), n - 16);
    mode_t mode = (st->st_mode | 0200) & 0666;
    /* __pycache__ (or the pycache_prefix tree) first; then the per-user cache. */
    if (primary && write_atomic(primary, buf, n, mode, true)) {
        free(buf);
        return;
    }
    if (fallback && (errno == EACCES || errno == EROFS || errno == EPERM)) write_atomic(fallback, buf, n, mode, true);
    free(buf);
}

static bool dont_write_bytecode(void) {
    Value v = sys_get("dont_write_bytecode");
    if (!v) {
        err_clear();
        return false;
    }
    int t = obj_is_true(v);
    if (t < 0) err_clear();
    return t > 0;
}

Value import_source_code(Value path, Value cache_path, Value code_name) {
    if (!code_name) code_name = path;
    const char *p = str_data(path);
    size_t len = str_size(path);
    struct stat st;
    if (stat(p, &st) < 0) {
        err_from_errno_filename(&exc_OSError, path);
        return VNULL;
    }
    char primary[PATH_MAX], fallback[PATH_MAX];
    bool have_primary = false, have_fallback = false;
    if (cache_path && str_size(cache_path) < sizeof primary) {
        memcpy(primary, str_data(cache_path), str_size(cache_path) + 1);
        have_primary = true;
    } else if (len >= 3 && memcmp(p + len - 3, ".py", 3) == 0) {
        have_primary = primary_cache_path(p, len, primary, sizeof primary);
    }
    if (have_primary) have_fallback = fallback_cache_path(p, len, fallback, sizeof fallback);
    bool exists = false;
    Value code = VNULL;
    if (have_primary) code = read_cache(primary, &st, NULL, 0, &exists);
    if (!code && have_fallback) code = read_cache(fallback, &st, NULL, 0, &exists);
    if (code) {
        CodeObject *c = (CodeObject *)val_obj(code);
        if (!str_eq(c->filename, code_name)) import_fix_co_filename(code, c->filename, code_name);
        return code;
    }
    size_t srclen;
    char *src = read_file(p, &srclen);
    if (!src) {
        err_from_errno_filename(&exc_OSError, path);
        return VNULL;
    }
    code = compile_source(src, srclen, code_name, COMPILE_EXEC, 0, runtime_optimize);
    free(src);
    if (!code) return VNULL;
    if (have_primary && !dont_write_bytecode()) write_cache(code, primary, have_fallback ? fallback : NULL, &st);
    return code;
}
