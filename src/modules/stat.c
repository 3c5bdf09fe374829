/* stat.c - the _stat module: file mode constants, the S_IS*() tests, S_IMODE, S_IFMT and filemode (stat.py's fast path). */
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"

#include <sys/stat.h>

/* Values for systems that lack a file type (Solaris doors, event ports,
 * BSD whiteouts): 0, so the tests are always false, as CPython defines them. */
#define S_IFDOOR 0
#define S_IFPORT 0
#define S_IFWHT 0

/* A mode argument: an int that fits mode_t, with CPython's messages. */
static int mode_arg(Value v, mode_t *out) {
    if (!int_check(v)) {
        err_set(&exc_TypeError, "an integer is required");
        return -1;
    }
    if (int_sign(v) < 0) {
        err_set(&exc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    if (!int_fits_i64(v)) {
        err_set(&exc_OverflowError, "Python int too large to convert to C unsigned long");
        return -1;
    }
    int64_t m = int_as_i64(v);
    if (m > (int64_t)(mode_t)-1) {
        err_set(&exc_OverflowError, "mode out of range");
        return -1;
    }
    *out = (mode_t)m;
    return 0;
}

static int one_mode(const char *fname, Value *args, size_t nargs, Value kwnames, mode_t *out) {
    if (arg_no_kw(fname, kwnames) < 0 || arg_count(fname, nargs, 1, 1) < 0) return -1;
    return mode_arg(args[0], out);
}

#define S_ISDOOR(m) 0
#define S_ISPORT(m) 0
#define S_ISWHT(m) 0

/* One function per file type test; the list is the X-macro below. */
#define MODE_TESTS(X) X(S_ISDIR) X(S_ISCHR) X(S_ISBLK) X(S_ISREG) X(S_ISFIFO) X(S_ISLNK) X(S_ISSOCK) \
                      X(S_ISDOOR) X(S_ISPORT) X(S_ISWHT)
#define DEFINE_TEST(name)                                                          \
    static Value name##_m(Value self, Value *args, size_t nargs, Value kwnames) { \
        mode_t m;                                                                  \
        if (one_mode("_stat." #name, args, nargs, kwnames, &m) < 0) return VNULL;  \
        return val_bool(name(m));                                                  \
    }
MODE_TESTS(DEFINE_TEST)
#undef DEFINE_TEST

static Value S_IMODE_m(Value self, Value *args, size_t nargs, Value kwnames) {
    mode_t m;
    if (one_mode("_stat.S_IMODE", args, nargs, kwnames, &m) < 0) return VNULL;
    return val_from_int(m & 07777);
}

static Value S_IFMT_m(Value self, Value *args, size_t nargs, Value kwnames) {
    mode_t m;
    if (one_mode("_stat.S_IFMT", args, nargs, kwnames, &m) < 0) return VNULL;
    return val_from_int(m & S_IFMT);
}

static char file_type_char(mode_t m) {
    if (S_ISREG(m)) return '-';
    if (S_ISDIR(m)) return 'd';
    if (S_ISLNK(m)) return 'l';
    if (S_ISBLK(m)) return 'b';
    if (S_ISCHR(m)) return 'c';
    if (S_ISFIFO(m)) return 'p';
    if (S_ISSOCK(m)) return 's';
    return '?';
}

/* filemode(0o100644) == '-rw-r--r--', like ls -l. */
static Value filemode_m(Value self, Value *args, size_t nargs, Value kwnames) {
    mode_t m;
    if (one_mode("_stat.filemode", args, nargs, kwnames, &m) < 0) return VNULL;
    char b[10];
    b[0] = file_type_char(m);
    b[1] = m & S_IRUSR ? 'r' : '-';
    b[2] = m & S_IWUSR ? 'w' : '-';
    b[3] = m & S_ISUID ? (m & S_IXUSR ? 's' : 'S') : (m & S_IXUSR ? 'x' : '-');
    b[4] = m & S_IRGRP ? 'r' : '-';
    b[5] = m & S_IWGRP ? 'w' : '-';
    b[6] = m & S_ISGID ? (m & S_IXGRP ? 's' : 'S') : (m & S_IXGRP ? 'x' : '-');
    b[7] = m & S_IROTH ? 'r' : '-';
    b[8] = m & S_IWOTH ? 'w' : '-';
    b[9] = m & S_ISVTX ? (m & S_IXOTH ? 't' : 'T') : (m & S_IXOTH ? 'x' : '-');
    return str_new(b, 10);
}

static const MethodDef stat_functions[] = {
#define ENTRY(name) {#name, name##_m, 0, NULL},
    MODE_TESTS(ENTRY)
#undef ENTRY
    {"S_IMODE", S_IMODE_m, 0, "Return the portion of the file's mode that can be set by os.chmod()."},
    {"S_IFMT", S_IFMT_m, 0, "Return the portion of the file's mode that describes the file type."},
    {"filemode", filemode_m, 0, "Convert a file's mode to a string of the form '-rwxrwxrwx'"},
    {NULL}
};

#define C(name) {#name, name}
static const struct { const char *name; long value; } stat_constants[] = {
    C(S_IFDIR), C(S_IFCHR), C(S_IFBLK), C(S_IFREG), C(S_IFIFO), C(S_IFLNK), C(S_IFSOCK),
    C(S_IFDOOR), C(S_IFPORT), C(S_IFWHT),
    C(S_ISUID), C(S_ISGID), C(S_ISVTX), {"S_ENFMT", S_ISGID},
    {"S_IREAD", S_IRUSR}, {"S_IWRITE", S_IWUSR}, {"S_IEXEC", S_IXUSR},
    C(S_IRWXU), C(S_IRUSR), C(S_IWUSR), C(S_IXUSR), C(S_IRWXG), C(S_IRGRP), C(S_IWGRP), C(S_IXGRP),
    C(S_IRWXO), C(S_IROTH), C(S_IWOTH), C(S_IXOTH),
    /* BSD file flags (st_flags), defined everywhere as in CPython. */
    {"UF_NODUMP", 0x1}, {"UF_IMMUTABLE", 0x2}, {"UF_APPEND", 0x4}, {"UF_OPAQUE", 0x8},
    {"UF_NOUNLINK", 0x10}, {"UF_COMPRESSED", 0x20}, {"UF_HIDDEN", 0x8000},
    {"SF_ARCHIVED", 0x10000}, {"SF_IMMUTABLE", 0x20000}, {"SF_APPEND", 0x40000},
    {"SF_NOUNLINK", 0x100000}, {"SF_SNAPSHOT", 0x200000},
    /* Indices into stat_result. */
    {"ST_MODE", 0}, {"ST_INO", 1}, {"ST_DEV", 2}, {"ST_NLINK", 3}, {"ST_UID", 4}, {"ST_GID", 5},
    {"ST_SIZE", 6}, {"ST_ATIME", 7}, {"ST_MTIME", 8}, {"ST_CTIME", 9},
};
#undef C

Value stat_module_init(void) {
    Value m = module_new_cstr("_stat");
    if (!m || module_add_functions(m, stat_functions) < 0) return VNULL;
    for (size_t i = 0; i < ARRAY_LEN(stat_constants); i++)
        if (module_add(m, stat_constants[i].name, int_from_i64(stat_constants[i].value)) < 0) return VNULL;
    return m;
}
