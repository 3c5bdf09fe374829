/* posix_fs.c - the posix module's file system calls: stat, access, chmod/chown, directories, links, utime, scandir. */
#include "os_util.h"
#include "structseq.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

/*
 * Every call that names a file takes CPython's optional arguments:
 * dir_fd= (resolve a relative path against an open directory, the *at()
 * calls), follow_symlinks=False (act on a link itself) and, where the
 * function allows it, an open descriptor instead of a path (f*() calls).
 * The checks that refuse impossible mixtures come first, with CPython's
 * messages, then one system call does the work.
 */

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

/* ---- Argument mixtures ---- */

/* A descriptor is not a path dir_fd could be relative to. */
static int check_fd_dir_fd(const char *fname, const OsPath *p, int dir_fd) {
    if (p->fd >= 0 && dir_fd != AT_FDCWD) {
        err_format(&exc_ValueError, "%s: can't specify dir_fd without matching path", fname);
        return -1;
    }
    return 0;
}

/* CPython tests fd > 0 here, so descriptor 0 passes: keep that. */
static int check_fd_follow(const char *fname, const OsPath *p, bool follow) {
    if (p->fd > 0 && !follow) {
        err_format(&exc_ValueError, "%s: cannot use fd and follow_symlinks together", fname);
        return -1;
    }
    return 0;
}

/* ---- stat ---- */

Type *posix_stat_result_type;
static Type *statvfs_result_type;

static const char *const stat_fields[] = {
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
    STRUCTSEQ_UNNAMED, STRUCTSEQ_UNNAMED, STRUCTSEQ_UNNAMED,
    "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
    "st_blksize", "st_blocks", "st_rdev", NULL,
};

static Value ns_value(const struct timespec *t) {
    /* sec * 10**9 + nsec may pass 2**63 for far-future times: use ints. */
    Value s = int_from_i64(t->tv_sec);
    if (!s) return VNULL;
    Value r = int_mul(s, int_from_i64(1000000000));
    return r ? int_add(r, int_from_i64(t->tv_nsec)) : VNULL;
}

/* stat_result(seq) made from a 10-tuple has no float times: CPython's
 * statresult_new copies the integer ones (st_atime = seq[7] ...). */
static Value (*structseq_new_slot)(Type *, Value *, size_t, Value);

static Value stat_result_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    Value v = structseq_new_slot(t, args, nargs, kwnames);
    if (!v) return VNULL;
    for (size_t i = 7; i < 10; i++)
        if (structseq_get(v, i + 3) == VNone) structseq_set(v, i + 3, structseq_get(v, i));
    return v;
}

Value posix_stat_result(const struct stat *st) {
    Value v = structseq_new(posix_stat_result_type);
    if (!v) return VNULL;
    Value items[19] = {
        int_from_i64(st->st_mode), int_from_u64(st->st_ino), int_from_u64(st->st_dev),
        int_from_u64(st->st_nlink), int_from_i64(st->st_uid), int_from_i64(st->st_gid),
        int_from_i64(st->st_size),
        int_from_i64(st->st_atim.tv_sec), int_from_i64(st->st_mtim.tv_sec), int_from_i64(st->st_ctim.tv_sec),
        os_timespec_to_float(&st->st_atim), os_timespec_to_float(&st->st_mtim),
        os_timespec_to_float(&st->st_ctim),
        ns_value(&st->st_atim), ns_value(&st->st_mtim), ns_value(&st->st_ctim),
        int_from_i64(st->st_blksize), int_from_i64(st->st_blocks), int_from_u64(st->st_rdev),
    };
    for (size_t i = 0; i < 19; i++) {
        if (!items[i]) return VNULL;
        structseq_set(v, i, items[i]);
    }
    return v;
}

/* stat, lstat and the f-forms in one: by fd, at dir_fd, or by path. */
static Value do_stat(const char *fname, OsPath *p, int dir_fd, bool follow) {
    struct stat st;
    int r;
    if (p->fd >= 0) r = fstat(p->fd, &st);
    else if (dir_fd != AT_FDCWD || !follow) r = fstatat(dir_fd, p->narrow, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    else r = stat(p->narrow, &st);
    if (r != 0) return os_error_path(errno, p);
    return posix_stat_result(&st);
}

FN(stat_m) {
    static const char *const names[] = {"path", "dir_fd", "follow_symlinks", NULL};
    Value a[3];
    OsPath p;
    int dir_fd;
    bool follow;
    if (os_parse_args("stat", args, nargs, kwnames, names, 0, 1, 1, a) < 0) return VNULL;
    if (os_path_convert("stat", "path", a[0], PATH_ALLOW_FD, &p) < 0 || os_dir_fd(a[1], &dir_fd) < 0 ||
        os_bool(a[2], true, &follow) < 0)
        return VNULL;
    if (check_fd_dir_fd("stat", &p, dir_fd) < 0 || check_fd_follow("stat", &p, follow) < 0) return VNULL;
    return do_stat("stat", &p, dir_fd, follow);
}

FN(lstat_m) {
    static const char *const names[] = {"path", "dir_fd", NULL};
    Value a[2];
    OsPath p;
    int dir_fd;
    if (os_parse_args("lstat", args, nargs, kwnames, names, 0, 1, 1, a) < 0) return VNULL;
    if (os_path_convert("lstat", "path", a[0], 0, &p) < 0 || os_dir_fd(a[1], &dir_fd) < 0) return VNULL;
    return do_stat("lstat", &p, dir_fd, false);
}

FN(fstat_m) {
    static const char *const names[] = {"fd", NULL};
    Value a[1];
    int fd;
    if (os_parse_args("fstat", args, nargs, kwnames, names, 0, 1, 1, a) < 0 || os_int(a[0], &fd) < 0) return VNULL;
    struct stat st;
    if (fstat(fd, &st) != 0) return os_error(errno);
    return posix_stat_result(&st);
}

static const char *const statvfs_fields[] = {
    "f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail",
    "f_flag", "f_namemax", "f_fsid", NULL,
};

static Value statvfs_result(const struct statvfs *s) {
    Value items[11] = {
        int_from_u64(s->f_bsize), int_from_u64(s->f_frsize), int_from_u64(s->f_blocks),
        int_from_u64(s->f_bfree), int_from_u64(s->f_bavail), int_from_u64(s->f_files),
        int_from_u64(s->f_ffree), int_from_u64(s->f_favail), int_from_u64(s->f_flag),
        int_from_u64(s->f_namemax), int_from_u64(s->f_fsid),
    };
    for (size_t i = 0; i < 11; i++)
        if (!items[i]) return VNULL;
    return structseq_from_array(statvfs_result_type, items);
}

FN(statvfs_m) {
    static const char *const names[] = {"path", NULL};
    Value a[1];
    OsPath p;
    if (os_parse_args("statvfs", args, nargs, kwnames, names, 0, 1, 1, a) < 0 ||
        os_path_convert("statvfs", "path", a[0], PATH_ALLOW_FD, &p) < 0)
        return VNULL;
    struct statvfs s;
    int r = p.fd >= 0 ? fstatvfs(p.fd, &s) : statvfs(p.narrow, &s);
    if (r != 0) return os_error_path(errno, &p);
    return statvfs_result(&s);
}

FN(fstatvfs_m) {
    int fd;
    if (arg_no_kw("fstatvfs", kwnames) < 0 || arg_count("posix.fstatvfs", nargs, 1, 1) < 0 || os_int(args[0], &fd) < 0)
        return VNULL;
    struct statvfs s;
    if (fstatvfs(fd, &s) != 0) return os_error(errno);
    return statvfs_result(&s);
}

/* ---- access, chdir, chmod, chown ---- */

FN(access_m) {
    static const char *const names[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks", NULL};
    Value a[5];
    OsPath p;
    int mode, dir_fd;
    bool eff, follow;
    if (os_parse_args("access", args, nargs, kwnames, names, 0, 2, 2, a) < 0) return VNULL;
    if (os_path_convert("access", "path", a[0], 0, &p) < 0 || os_int(a[1], &mode) < 0 ||
        os_dir_fd(a[2], &dir_fd) < 0 || os_bool(a[3], false, &eff) < 0 || os_bool(a[4], true, &follow) < 0)
        return VNULL;
    int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    int r = (flags || dir_fd != AT_FDCWD) ? faccessat(dir_fd, p.narrow, mode, flags) : access(p.narrow, mode);
    return val_bool(r == 0);
}

FN(chdir_m) {
    static const char *const names[] = {"path", NULL};
    Value a[1];
    OsPath p;
    if (os_parse_args("chdir", args, nargs, kwnames, names, 0, 1, 1, a) < 0 ||
        os_path_convert("chdir", "path", a[0], PATH_ALLOW_FD, &p) < 0)
        return VNULL;
    int r = p.fd >= 0 ? fchdir(p.fd) : chdir(p.narrow);
    if (r != 0) return os_error_path(errno, &p);
    return VNone;
}

FN(fchdir_m) {
    static const char *const names[] = {"fd", NULL};
    Value a[1];
    int fd;
    if (os_parse_args("fchdir", args, nargs, kwnames, names, 0, 1, 1, a) < 0 || os_fileno(a[0], &fd) < 0)
        return VNULL;
    if (fchdir(fd) != 0) return os_error(errno);
    return VNone;
}

FN(chmod_m) {
    static const char *const names[] = {"path", "mode", "dir_fd", "follow_symlinks", NULL};
    Value a[4];
    OsPath p;
    int mode, dir_fd;
    bool follow;
    if (os_parse_args("chmod", args, nargs, kwnames, names, 0, 2, 2, a) < 0) return VNULL;
    if (os_path_convert("chmod", "path", a[0], PATH_ALLOW_FD, &p) < 0 || os_int(a[1], &mode) < 0 ||
        os_dir_fd(a[2], &dir_fd) < 0 || os_bool(a[3], true, &follow) < 0)
        return VNULL;
    if (check_fd_dir_fd("chmod", &p, dir_fd) < 0 || check_fd_follow("chmod", &p, follow) < 0) return VNULL;
    int r;
    if (p.fd >= 0) r = fchmod(p.fd, (mode_t)mode);
    else if (dir_fd != AT_FDCWD || !follow) r = fchmodat(dir_fd, p.narrow, (mode_t)mode, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    else r = chmod(p.narrow, (mode_t)mode);
    if (r != 0) {
        /* Linux has no lchmod: fchmodat says ENOTSUP, CPython's message then. */
        if (!follow && (errno == ENOTSUP || errno == EOPNOTSUPP)) {
            err_set(&exc_NotImplementedError, "chmod: follow_symlinks unavailable on this platform");
            return VNULL;
        }
        return os_error_path(errno, &p);
    }
    return VNone;
}

FN(fchmod_m) {
    static const char *const names[] = {"fd", "mode", NULL};
    Value a[2];
    int fd, mode;
    if (os_parse_args("fchmod", args, nargs, kwnames, names, 0, 2, 2, a) < 0 || os_int(a[0], &fd) < 0 ||
        os_int(a[1], &mode) < 0)
        return VNULL;
    if (fchmod(fd, (mode_t)mode) != 0) return os_error(errno);
    return VNone;
}

FN(chown_m) {
    static const char *const names[] = {"path", "uid", "gid", "dir_fd", "follow_symlinks", NULL};
    Value a[5];
    OsPath p;
    uid_t uid;
    gid_t gid;
    int dir_fd;
    bool follow;
    if (os_parse_args("chown", args, nargs, kwnames, names, 0, 3, 3, a) < 0) return VNULL;
    if (os_path_convert("chown", "path", a[0], PATH_ALLOW_FD, &p) < 0 || os_uid(a[1], &uid) < 0 ||
        os_gid(a[2], &gid) < 0 || os_dir_fd(a[3], &dir_fd) < 0 || os_bool(a[4], true, &follow) < 0)
        return VNULL;
    if (check_fd_dir_fd("chown", &p, dir_fd) < 0 || check_fd_follow("chown", &p, follow) < 0) return VNULL;
    int r;
    if (p.fd >= 0) r = fchown(p.fd, uid, gid);
    else if (dir_fd != AT_FDCWD || !follow) r = fchownat(dir_fd, p.narrow, uid, gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    else r = chown(p.narrow, uid, gid);
    if (r != 0) return os_error_path(errno, &p);
    return VNone;
}

FN(fchown_m) {
    static const char *const names[] = {"fd", "uid", "gid", NULL};
    Value a[3];
    int fd;
    uid_t uid;
    gid_t gid;
    if (os_parse_args("fchown", args, nargs, kwnames, names, 0, 3, 3, a) < 0 || os_int(a[0], &fd) < 0 ||
        os_uid(a[1], &uid) < 0 || os_gid(a[2], &gid) < 0)
        return VNULL;
    if (fchown(fd, uid, gid) != 0) return os_error(errno);
    return VNone;
}

FN(lchown_m) {
    static const char *const names[] = {"path", "uid", "gid", NULL};
    Value a[3];
    OsPath p;
    uid_t uid;
    gid_t gid;
    if (os_parse_args("lchown", args, nargs, kwnames, names, 0, 3, 3, a) < 0 ||
        os_path_convert("lchown", "path", a[0], 0, &p) < 0 || os_uid(a[1], &uid) < 0 || os_gid(a[2], &gid) < 0)
        return VNULL;
    if (lchown(p.narrow, uid, gid) != 0) return os_error_path(errno, &p);
    return VNone;
}

FN(chroot_m) {
    static const char *const names[] = {"path", NULL};
    Value a[1];
    OsPath p;
    if (os_parse_args("chroot", args, nargs, kwnames, names, 0, 1, 1, a) < 0 ||
        os_path_convert("chroot", "path", a[0], 0, &p) < 0)
        return VNULL;
    if (chroot(p.narrow) != 0) return os_error_path(errno, &p);
    return VNone;
}

/* ---- getcwd ---- */

static Value getcwd_common(bool as_bytes) {
    size_t cap = 1024;
    for (;;) {
        char *buf = malloc(cap);
        if (!buf) {
            err_no_memory();
            return VNULL;
        }
        if (getcwd(buf, cap)) {
            Value r = os_fsdecode(buf, strlen(buf), as_bytes);
            free(buf);
            return r;
        }
        int e = errno;
        free(buf);
        if (e != ERANGE) return os_error(e);
        cap *= 2;
    }
}

FN(getcwd_m) {
    if (arg_count("posix.getcwd", nargs + (kwnames ? (size_t)tuple_size(kwnames) : 0), 0, 0) < 0) return VNULL;
    return getcwd_common(false);
}

FN(getcwdb_m) {
    if (arg_count("posix.getcwdb", nargs + (kwnames ? (size_t)tuple_size(kwnames) : 0), 0, 0) < 0) return VNULL;
    return getcwd_common(true);
}

/* ---- Creating and removing ---- */

FN(mkdir_m) {
    static const char *const names[] = {"path", "mode", "dir_fd", NULL};
    Value a[3];
    OsPath p;
    int mode = 0777, dir_fd;
    if (os_parse_args("mkdir", args, nargs, kwnames, names, 0, 2, 1, a) < 0) return VNULL;
    if (os_path_convert("mkdir", "path", a[0], 0, &p) < 0 || (a[1] && os_int(a[1], &mode) < 0) ||
        os_dir_fd(a[2], &dir_fd) < 0)
        return VNULL;
    int r = dir_fd != AT_FDCWD ? mkdirat(dir_fd, p.narrow, (mode_t)mode) : mkdir(p.narrow, (mode_t)mode);
    if (r != 0) return os_error_path(errno, &p);
    return VNone;
}

FN(mkfifo_m) {
    static const char *const names[] = {"path", "mode", "dir_fd", NULL};
    Value a[3];
    OsPath p;
    int mode = 0666, dir_fd;
    if (os_parse_args("mkfifo", args, nargs, kwnames, names, 0, 2, 1, a) < 0) return VNULL;
    if (os_path_convert("mkfifo", "path", a[0], 0, &p) < 0 || (a[1] && os_int(a[1], &mode) < 0) ||
        os_dir_fd(a[2], &dir_fd) < 0)
        return VNULL;
    int r;
    while ((r = mkfifoat(dir_fd, p.narrow, (mode_t)mode)) != 0 && errno == EINTR)
        if (os_check_eintr() < 0) return VNULL;
    if (r != 0) return os_error_path(errno, &p);
    return VNone;
}

FN(mknod_m) {
    static const char *const names[] = {"path", "mode", "device", "dir_fd", NULL};
    Value a[4];
    OsPath p;
    int mode = 0600, dir_fd;
    int64_t dev = 0;
    if (os_parse_args("mknod", args, nargs, kwnames, names, 0, 3, 1, a) < 0) return VNULL;
    if (os_path_convert("mknod", "path", a[0], 0, &p) < 0 || (a[1] && os_int(a[1], &mode) < 0) ||
        (a[2] && os_i64(a[2], &dev) < 0) || os_dir_fd(a[3], &dir_fd) < 0)
        return VNULL;
    if (mknodat(dir_fd, p.narrow, (mode_t)mode, (dev_t)dev) != 0) return os_error_path(errno, &p);
    return VNone;
}

FN(major_m) {
    int64_t d;
    if (arg_no_kw("major", kwnames) < 0 || arg_count("posix.major", nargs, 1, 1) < 0 || os_i64(args[0], &d) < 0)
        return VNULL;
    return int_from_u64(major((dev_t)d));
}

FN(minor_m) {
    int64_t d;
    if (arg_no_kw("minor", kwnames) < 0 || arg_count("posix.minor", nargs, 1, 1) < 0 || os_i64(args[0], &d) < 0)
        return VNULL;
    return int_from_u64(minor((dev_t)d));
}

FN(makedev_m) {
    int maj, min;
    if (arg_no_kw("makedev", kwnames) < 0 || arg_count("makedev", nargs, 2, 2) < 0 || os_int(args[0], &maj) < 0 ||
        os_int(args[1], &min) < 0)
        return VNULL;
    return int_from_u64(makedev((unsigned)maj, (unsigned)min));
}

/* unlink, remove and rmdir: one function, the flag says which. */
static Value remove_common(const char *fname, Value *args, size_t nargs, Value kwnames, bool dir) {
    static const char *const names[] = {"path", "dir_fd", NULL};
    Value a[2];
    OsPath p;
    int dir_fd;
    if (os_parse_args(fname, args, nargs, kwnames, names, 0, 1, 1, a) < 0) return VNULL;
    if (os_path_convert(fname, "path", a[0], 0, &p) < 0 || os_dir_fd(a[1], &dir_fd) < 0) return VNULL;
    int r;
    if (dir_fd != AT_FDCWD) r = unlinkat(dir_fd, p.narrow, dir ? AT_REMOVEDIR : 0);
    else r = dir ? rmdir(p.narrow) : unlink(p.narrow);
    if (r != 0) return os_error_path(errno, &p);
    return VNone;
}

FN(unlink_m) { return remove_common("unlink", args, nargs, kwnames, false); }
FN(remove_m) { return remove_common("remove", args, nargs, kwnames, false); }
FN(rmdir_m) { return remove_common("rmdir", args, nargs, kwnames, true); }

/* Two-path calls (rename, replace, link) share the argument handling. */
typedef struct TwoPaths {
    OsPath src, dst;
    int src_dir_fd, dst_dir_fd;
} TwoPaths;

static int two_paths(const char *fname, Value *a, TwoPaths *tp) {
    if (os_path_convert(fname, "src", a[0], 0, &tp->src) < 0 || os_path_convert(fname, "dst", a[1], 0, &tp->dst) < 0 ||
        os_dir_fd(a[2], &tp->src_dir_fd) < 0 || os_dir_fd(a[3], &tp->dst_dir_fd) < 0)
        return -1;
    return 0;
}

static Value rename_common(const char *fname, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", NULL};
    Value a[4];
    TwoPaths tp;
    if (os_parse_args(fname, args, nargs, kwnames, names, 0, 2, 2, a) < 0 || two_paths(fname, a, &tp) < 0)
        return VNULL;
    if (renameat(tp.src_dir_fd, tp.src.narrow, tp.dst_dir_fd, tp.dst.narrow) != 0)
        return os_error2(errno, tp.src.object, tp.dst.object);
    return VNone;
}

FN(rename_m) { return rename_common("rename", args, nargs, kwnames); }
FN(replace_m) { return rename_common("replace", args, nargs, kwnames); }

FN(link_m) {
    static const char *const names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks", NULL};
    Value a[5];
    TwoPaths tp;
    bool follow;
    if (os_parse_args("link", args, nargs, kwnames, names, 0, 2, 2, a) < 0 || two_paths("link", a, &tp) < 0 ||
        os_bool(a[4], true, &follow) < 0)
        return VNULL;
    if (linkat(tp.src_dir_fd, tp.src.narrow, tp.dst_dir_fd, tp.dst.narrow, follow ? AT_SYMLINK_FOLLOW : 0) != 0)
        return os_error2(errno, tp.src.object, tp.dst.object);
    return VNone;
}

FN(symlink_m) {
    static const char *const names[] = {"src", "dst", "target_is_directory", "dir_fd", NULL};
    Value a[4];
    OsPath src, dst;
    int dir_fd;
    if (os_parse_args("symlink", args, nargs, kwnames, names, 0, 3, 2, a) < 0) return VNULL;
    if (os_path_convert("symlink", "src", a[0], 0, &src) < 0 || os_path_convert("symlink", "dst", a[1], 0, &dst) < 0 ||
        os_dir_fd(a[3], &dir_fd) < 0)
        return VNULL;
    if (symlinkat(src.narrow, dir_fd, dst.narrow) != 0) return os_error2(errno, src.object, dst.object);
    return VNone;
}

FN(readlink_m) {
    static const char *const names[] = {"path", "dir_fd", NULL};
    Value a[2];
    OsPath p;
    int dir_fd;
    if (os_parse_args("readlink", args, nargs, kwnames, names, 0, 1, 1, a) < 0) return VNULL;
    if (os_path_convert("readlink", "path", a[0], 0, &p) < 0 || os_dir_fd(a[1], &dir_fd) < 0) return VNULL;
    char buf[PATH_MAX + 1];
    ssize_t n = readlinkat(dir_fd, p.narrow, buf, sizeof buf);
    if (n < 0) return os_error_path(errno, &p);
    return os_fsdecode(buf, (size_t)n, p.is_bytes);
}

FN(truncate_m) {
    static const char *const names[] = {"path", "length", NULL};
    Value a[2];
    OsPath p;
    int64_t len;
    if (os_parse_args("truncate", args, nargs, kwnames, names, 0, 2, 2, a) < 0 ||
        os_path_convert("truncate", "path", a[0], PATH_ALLOW_FD, &p) < 0 || os_i64(a[1], &len) < 0)
        return VNULL;
    int r;
    while ((r = p.fd >= 0 ? ftruncate(p.fd, (off_t)len) : truncate(p.narrow, (off_t)len)) != 0 && errno == EINTR)
        if (os_check_eintr() < 0) return VNULL;
    if (r != 0) return os_error_path(errno, &p);
    return VNone;
}

FN(sync_m) {
    if (arg_count("posix.sync", nargs, 0, 0) < 0) return VNULL;
    sync();
    return VNone;
}

/* ---- utime ---- */

static int seconds_to_timespec(Value v, struct timespec *t) {
    int64_t ns;
    if (os_seconds_to_ns(v, OS_ROUND_FLOOR, &ns) < 0) return -1;
    t->tv_sec = ns / 1000000000;
    t->tv_nsec = ns % 1000000000;
    if (t->tv_nsec < 0) {
        t->tv_nsec += 1000000000;
        t->tv_sec--;
    }
    return 0;
}

static int ns_to_timespec(Value v, struct timespec *t) {
    if (!int_check(v)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
        return -1;
    }
    int64_t ns;
    if (os_i64(v, &ns) < 0) return -1;
    t->tv_sec = ns / 1000000000;
    t->tv_nsec = ns % 1000000000;
    if (t->tv_nsec < 0) {
        t->tv_nsec += 1000000000;
        t->tv_sec--;
    }
    return 0;
}

FN(utime_m) {
    static const char *const names[] = {"path", "times", "ns", "dir_fd", "follow_symlinks", NULL};
    Value a[5];
    OsPath p;
    int dir_fd;
    bool follow;
    if (os_parse_args("utime", args, nargs, kwnames, names, 0, 2, 1, a) < 0) return VNULL;
    if (os_path_convert("utime", "path", a[0], PATH_ALLOW_FD, &p) < 0 || os_dir_fd(a[3], &dir_fd) < 0 ||
        os_bool(a[4], true, &follow) < 0)
        return VNULL;
    Value times = a[1] ? a[1] : VNone, ns = a[2];
    struct timespec ts[2], *tsp = NULL;
    if (times != VNone && ns) {
        err_set(&exc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
        return VNULL;
    }
    if (times != VNone) {
        if (!tuple_check(times) || tuple_size(times) != 2) {
            err_set(&exc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
            return VNULL;
        }
        if (seconds_to_timespec(tuple_get(times, 0), &ts[0]) < 0 || seconds_to_timespec(tuple_get(times, 1), &ts[1]) < 0)
            return VNULL;
        tsp = ts;
    } else if (ns) {
        if (!tuple_check(ns) || tuple_size(ns) != 2) {
            err_set(&exc_TypeError, "utime: 'ns' must be a tuple of two ints");
            return VNULL;
        }
        if (ns_to_timespec(tuple_get(ns, 0), &ts[0]) < 0 || ns_to_timespec(tuple_get(ns, 1), &ts[1]) < 0)
            return VNULL;
        tsp = ts;
    }
    if (check_fd_dir_fd("utime", &p, dir_fd) < 0 || check_fd_follow("utime", &p, follow) < 0) return VNULL;
    int r = p.fd >= 0 ? futimens(p.fd, tsp) : utimensat(dir_fd, p.narrow, tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    if (r != 0) return os_error_path(errno, &p);
    return VNone;
}

/* ---- listdir ---- */

/* Open the directory named by p (a path, None for ".", or a descriptor:
 * fdopendir takes the descriptor over, so work on a duplicate and rewind,
 * leaving the caller's descriptor and its position alone). */
static DIR *open_dir(const OsPath *p, int *err) {
    DIR *d;
    if (p->fd >= 0) {
        int fd = dup(p->fd);
        if (fd < 0) {
            *err = errno;
            return NULL;
        }
        d = fdopendir(fd);
        if (!d) {
            *err = errno;
            close(fd);
            return NULL;
        }
        rewinddir(d);
        return d;
    }
    d = opendir(p->narrow ? p->narrow : ".");
    if (!d) *err = errno;
    return d;
}

static bool is_dot_or_dotdot(const char *n) {
    return n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0));
}

FN(listdir_m) {
    static const char *const names[] = {"path", NULL};
    Value a[1];
    OsPath p;
    if (os_parse_args("listdir", args, nargs, kwnames, names, 0, 1, 0, a) < 0 ||
        os_path_convert("listdir", "path", a[0], PATH_ALLOW_FD | PATH_NULLABLE, &p) < 0)
        return VNULL;
    int err = 0;
    DIR *d = open_dir(&p, &err);
    if (!d) return p.fd >= 0 ? os_error(err) : os_error_obj(err, p.narrow ? p.object : str_intern_cstr("."));
    Value l = list_new(0);
    if (!l) {
        closedir(d);
        return VNULL;
    }
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (!e) {
            if (errno) {
                int e2 = errno;
                closedir(d);
                return p.fd >= 0 ? os_error(e2) : os_error_path(e2, &p);
            }
            break;
        }
        if (is_dot_or_dotdot(e->d_name)) continue;
        Value name = os_fsdecode(e->d_name, strlen(e->d_name), p.is_bytes);
        if (!name || list_append(l, name) < 0) {
            closedir(d);
            return VNULL;
        }
    }
    closedir(d);
    return l;
}

/* ---- scandir and DirEntry ---- */

/*
 * A DirEntry keeps what readdir told about the entry (name, d_type, inode)
 * and caches the stat and lstat results on first use, so os.walk makes
 * one system call per directory in the common case, as CPython's does.
 */
typedef struct DirEntryObject {
    Object hdr;
    Value name, path;     /* str or bytes */
    Value stat, lstat;    /* cached stat_results, or VNULL */
    uint64_t ino;
    unsigned char d_type; /* DT_UNKNOWN when the file system did not say */
    int dir_fd;           /* the scandir(fd) descriptor, or -1 */
} DirEntryObject;

typedef struct ScandirObject {
    Object hdr;
    DIR *dir;             /* NULL once closed or exhausted */
    Value path;           /* the path as given (str/bytes), or VNULL for scandir(fd) */
    bool is_bytes;
    int fd;               /* the caller's descriptor for scandir(fd), else -1 */
} ScandirObject;

static Type type_direntry, type_scandir;

static void direntry_trace(Object *o) {
    DirEntryObject *e = (DirEntryObject *)o;
    gc_mark(e->name);
    gc_mark(e->path);
    gc_mark(e->stat);
    gc_mark(e->lstat);
}

static Value fetch_stat(DirEntryObject *e, bool follow) {
    struct stat st;
    int r;
    Value bytes = e->path;
    if (str_check(bytes)) {
        bytes = str_encode(bytes, "utf-8", "surrogateescape");
        if (!bytes) return VNULL;
    }
    if (e->dir_fd >= 0) {
        Value nb = str_check(e->name) ? str_encode(e->name, "utf-8", "surrogateescape") : e->name;
        if (!nb) return VNULL;
        r = fstatat(e->dir_fd, bytes_data(nb), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    } else {
        r = follow ? stat(bytes_data(bytes), &st) : lstat(bytes_data(bytes), &st);
    }
    if (r != 0) return os_error_obj(errno, e->path);
    return posix_stat_result(&st);
}

static Value entry_lstat(DirEntryObject *e) {
    if (!e->lstat) {
        Value s = fetch_stat(e, false);
        if (!s) return VNULL;
        GC_WRITE(e, e->lstat, s);
    }
    return e->lstat;
}

static int entry_is_symlink(DirEntryObject *e) {
    if (e->d_type != DT_UNKNOWN) return e->d_type == DT_LNK;
    Value s = entry_lstat(e);
    if (!s) return -1;
    int64_t mode = int_as_i64(structseq_get(s, 0));
    return S_ISLNK(mode);
}

static Value entry_stat(DirEntryObject *e, bool follow) {
    if (!follow) return entry_lstat(e);
    if (!e->stat) {
        int link = entry_is_symlink(e);
        if (link < 0) return VNULL;
        Value s = link ? fetch_stat(e, true) : entry_lstat(e);
        if (!s) return VNULL;
        GC_WRITE(e, e->stat, s);
    }
    return e->stat;
}

/* is_dir / is_file: from d_type when it answers, else from (l)stat; a
 * file that vanished meanwhile is neither. */
static int entry_test_mode(DirEntryObject *e, bool follow, mode_t want) {
    if (e->d_type != DT_UNKNOWN && !(follow && e->d_type == DT_LNK))
        return want == S_IFDIR ? e->d_type == DT_DIR : e->d_type == DT_REG;
    Value s = entry_stat(e, follow);
    if (!s) {
        if (err_matches(&exc_FileNotFoundError)) {
            err_clear();
            return 0;
        }
        return -1;
    }
    int64_t mode = int_as_i64(structseq_get(s, 0));
    return (mode & S_IFMT) == want;
}

static int follow_kw(const char *fname, Value *args, size_t nargs, Value kwnames, bool *follow) {
    static const char *const names[] = {"follow_symlinks", NULL};
    Value a[1];
    if (os_parse_args(fname, args, nargs, kwnames, names, 0, 0, 0, a) < 0) return -1;
    return os_bool(a[0], true, follow);
}

FN(direntry_is_dir) {
    bool follow;
    if (follow_kw("is_dir", args, nargs, kwnames, &follow) < 0) return VNULL;
    int r = entry_test_mode((DirEntryObject *)self, follow, S_IFDIR);
    return r < 0 ? VNULL : val_bool(r);
}

FN(direntry_is_file) {
    bool follow;
    if (follow_kw("is_file", args, nargs, kwnames, &follow) < 0) return VNULL;
    int r = entry_test_mode((DirEntryObject *)self, follow, S_IFREG);
    return r < 0 ? VNULL : val_bool(r);
}

FN(direntry_is_symlink) {
    if (arg_count("is_symlink", nargs, 0, 0) < 0) return VNULL;
    int r = entry_is_symlink((DirEntryObject *)self);
    return r < 0 ? VNULL : val_bool(r);
}

FN(direntry_stat_m) {
    bool follow;
    if (follow_kw("stat", args, nargs, kwnames, &follow) < 0) return VNULL;
    return entry_stat((DirEntryObject *)self, follow);
}

FN(direntry_inode) {
    if (arg_count("inode", nargs, 0, 0) < 0) return VNULL;
    return int_from_u64(((DirEntryObject *)self)->ino);
}

FN(direntry_fspath) {
    if (arg_count("__fspath__", nargs, 0, 0) < 0) return VNULL;
    return ((DirEntryObject *)self)->path;
}

static Value direntry_repr(Value self) { return str_printf("<DirEntry %R>", ((DirEntryObject *)self)->name); }

static Value direntry_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    err_set(&exc_TypeError, "cannot create 'posix.DirEntry' instances");
    return VNULL;
}

static const MethodDef direntry_methods[] = {
    {"stat", direntry_stat_m, 0, "Return stat_result object for the entry; cached per entry."},
    {"is_dir", direntry_is_dir, 0, "Return True if the entry is a directory; cached per entry."},
    {"is_file", direntry_is_file, 0, "Return True if the entry is a file; cached per entry."},
    {"is_symlink", direntry_is_symlink, 0, "Return True if the entry is a symbolic link; cached per entry."},
    {"inode", direntry_inode, 0, "Return inode of the entry; cached per entry."},
    {"__fspath__", direntry_fspath, 0, "Returns the path for the entry."},
    {NULL}
};

static const MemberDef direntry_members[] = {
    {"name", MEMBER_VALUE_RO, offsetof(DirEntryObject, name)},
    {"path", MEMBER_VALUE_RO, offsetof(DirEntryObject, path)},
    {NULL}
};

static Type type_direntry = {
    .hdr = {0, &type_type},
    .name = "posix.DirEntry",
    .basicsize = sizeof(DirEntryObject),
    .trace = direntry_trace,
    .new = direntry_new,
    .repr = direntry_repr,
    .methods = direntry_methods,
    .members = direntry_members,
};

static void scandir_trace(Object *o) { gc_mark(((ScandirObject *)o)->path); }

static void scandir_close_dir(ScandirObject *s) {
    if (!s->dir) return;
    DIR *d = s->dir;
    s->dir = NULL;
    closedir(d);
}

static void scandir_finalize(Object *o) { scandir_close_dir((ScandirObject *)o); }

/* The collector's del hook: an iterator dropped before it was exhausted or
 * closed is closed with CPython's ResourceWarning. */
static void scandir_del(Value self) {
    extern bool sys_finalizing;
    extern int warnings_warn(Value category, Value message, ssize_t stacklevel, Value source);
    ScandirObject *s = (ScandirObject *)self;
    if (!s->dir) return;
    scandir_close_dir(s);
    if (sys_finalizing) return;
    Value saved = err_fetch();
    Value msg = str_printf("unclosed scandir iterator %R", self);
    if (!msg || warnings_warn(obj_val(&exc_ResourceWarning), msg, 1, self) < 0) {
        if (err_matches(&exc_Warning)) err_write_unraisable(err_fetch(), self);
        else err_clear();
    }
    err_restore(saved);
}

static Value scandir_iter(Value self) { return self; }

static Value scandir_next(Value self) {
    ScandirObject *s = (ScandirObject *)self;
    while (s->dir) {
        errno = 0;
        struct dirent *de = readdir(s->dir);
        if (!de) {
            int e = errno;
            scandir_close_dir(s);
            if (e) return s->path ? os_error_obj(e, s->path) : os_error(e);
            return VNULL;
        }
        if (is_dot_or_dotdot(de->d_name)) continue;
        DirEntryObject *e = gc_alloc(&type_direntry, sizeof(DirEntryObject));
        if (!e) return VNULL;
        size_t nlen = strlen(de->d_name);
        e->name = os_fsdecode(de->d_name, nlen, s->is_bytes);
        if (!e->name) return VNULL;
        e->d_type = de->d_type;
        e->ino = de->d_ino;
        e->dir_fd = s->fd;
        if (s->fd >= 0) {
            e->path = e->name;
        } else {
            /* path = the directory as given, a slash unless it ends in one, the name. */
            const char *dir;
            size_t dlen;
            Value db = s->path;
            if (str_check(db)) {
                db = str_encode(db, "utf-8", "surrogateescape");
                if (!db) return VNULL;
            }
            dir = bytes_data(db);
            dlen = (size_t)bytes_size(db);
            char *buf = malloc(dlen + nlen + 2);
            if (!buf) {
                err_no_memory();
                return VNULL;
            }
            memcpy(buf, dir, dlen);
            size_t k = dlen;
            if (k && buf[k - 1] != '/') buf[k++] = '/';
            memcpy(buf + k, de->d_name, nlen);
            e->path = os_fsdecode(buf, k + nlen, s->is_bytes);
            free(buf);
            if (!e->path) return VNULL;
        }
        return obj_val(e);
    }
    return VNULL;
}

FN(scandir_close) {
    if (arg_count("close", nargs, 0, 0) < 0) return VNULL;
    scandir_close_dir((ScandirObject *)self);
    return VNone;
}

FN(scandir_enter) {
    if (arg_count("__enter__", nargs, 0, 0) < 0) return VNULL;
    return self;
}

FN(scandir_exit) {
    scandir_close_dir((ScandirObject *)self);
    return VNone;
}

static const MethodDef scandir_methods[] = {
    {"close", scandir_close, 0, NULL},
    {"__enter__", scandir_enter, 0, NULL},
    {"__exit__", scandir_exit, 0, NULL},
    {NULL}
};

static Type type_scandir = {
    .hdr = {0, &type_type},
    .name = "posix.ScandirIterator",
    .basicsize = sizeof(ScandirObject),
    .flags = TF_HAS_DEL,
    .trace = scandir_trace,
    .finalize = scandir_finalize,
    .del = scandir_del,
    .iter = scandir_iter,
    .iternext = scandir_next,
    .methods = scandir_methods,
};

static Value scandir_no_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    err_set(&exc_TypeError, "cannot create 'posix.ScandirIterator' instances");
    return VNULL;
}

FN(scandir_m) {
    static const char *const names[] = {"path", NULL};
    Value a[1];
    OsPath p;
    if (os_parse_args("scandir", args, nargs, kwnames, names, 0, 1, 0, a) < 0 ||
        os_path_convert("scandir", "path", a[0], PATH_ALLOW_FD | PATH_NULLABLE, &p) < 0)
        return VNULL;
    int err = 0;
    DIR *d = open_dir(&p, &err);
    if (!d) return p.fd >= 0 ? os_error(err) : os_error_obj(err, p.narrow ? p.object : str_intern_cstr("."));
    ScandirObject *s = gc_alloc(&type_scandir, sizeof(ScandirObject));
    if (!s) {
        closedir(d);
        return VNULL;
    }
    s->dir = d;
    /* Entries stat relative to the caller's descriptor, which outlives the
     * iterator (the DIR works on a duplicate that close() releases). */
    s->fd = p.fd >= 0 ? p.fd : -1;
    s->is_bytes = p.is_bytes;
    s->path = p.fd >= 0 ? VNULL : p.narrow ? p.object : str_intern_cstr(".");
    if (s->path && !str_check(s->path) && !bytes_check(s->path)) s->path = p.bytes;
    return obj_val(s);
}


/* ---- Extended attributes ---- */

/* The attribute name: str (file system encoding) or bytes. */
static Value xattr_name(const char *fname, Value v) {
    if (!str_check(v) && !bytes_check(v)) {
        err_format(&exc_TypeError, "%s: attribute should be string, bytes or os.PathLike, not %s", fname, type_name(v));
        return VNULL;
    }
    return os_fsencode(v, fname);
}

FN(getxattr_m) {
    static const char *const names[] = {"path", "attribute", "follow_symlinks", NULL};
    Value a[3];
    OsPath p;
    bool follow;
    if (os_parse_args("getxattr", args, nargs, kwnames, names, 0, 2, 2, a) < 0 ||
        os_path_convert("getxattr", "path", a[0], PATH_ALLOW_FD, &p) < 0 || os_bool(a[2], true, &follow) < 0 ||
        check_fd_follow("getxattr", &p, follow) < 0)
        return VNULL;
    Value name = xattr_name("getxattr", a[1]);
    if (!name) return VNULL;
    for (size_t cap = 128;; cap *= 2) {
        char *buf = malloc(cap);
        if (!buf) {
            err_no_memory();
            return VNULL;
        }
        ssize_t n = p.fd >= 0 ? fgetxattr(p.fd, bytes_data(name), buf, cap)
                    : follow  ? getxattr(p.narrow, bytes_data(name), buf, cap)
                              : lgetxattr(p.narrow, bytes_data(name), buf, cap);
        if (n >= 0) {
            Value r = bytes_new(buf, (size_t)n);
            free(buf);
            return r;
        }
        int e = errno;
        free(buf);
        if (e != ERANGE || cap >= 65536 * 2) return os_error_path(e, &p);
    }
}

FN(setxattr_m) {
    static const char *const names[] = {"path", "attribute", "value", "flags", "follow_symlinks", NULL};
    Value a[5];
    OsPath p;
    bool follow;
    int flags = 0;
    const char *data;
    size_t size;
    if (os_parse_args("setxattr", args, nargs, kwnames, names, 0, 4, 3, a) < 0 ||
        os_path_convert("setxattr", "path", a[0], PATH_ALLOW_FD, &p) < 0 || (a[3] && os_int(a[3], &flags) < 0) ||
        os_bool(a[4], true, &follow) < 0 || check_fd_follow("setxattr", &p, follow) < 0)
        return VNULL;
    Value name = xattr_name("setxattr", a[1]);
    if (!name) return VNULL;
    if (val_is_int(a[2]) || str_check(a[2]) || !bytes_get_buffer(a[2], &data, &size)) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(a[2]));
        return VNULL;
    }
    int r = p.fd >= 0 ? fsetxattr(p.fd, bytes_data(name), data, size, flags)
            : follow  ? setxattr(p.narrow, bytes_data(name), data, size, flags)
                      : lsetxattr(p.narrow, bytes_data(name), data, size, flags);
    if (r != 0) return os_error_path(errno, &p);
    return VNone;
}

FN(removexattr_m) {
    static const char *const names[] = {"path", "attribute", "follow_symlinks", NULL};
    Value a[3];
    OsPath p;
    bool follow;
    if (os_parse_args("removexattr", args, nargs, kwnames, names, 0, 2, 2, a) < 0 ||
        os_path_convert("removexattr", "path", a[0], PATH_ALLOW_FD, &p) < 0 || os_bool(a[2], true, &follow) < 0 ||
        check_fd_follow("removexattr", &p, follow) < 0)
        return VNULL;
    Value name = xattr_name("removexattr", a[1]);
    if (!name) return VNULL;
    int r = p.fd >= 0 ? fremovexattr(p.fd, bytes_data(name))
            : follow  ? removexattr(p.narrow, bytes_data(name))
                      : lremovexattr(p.narrow, bytes_data(name));
    if (r != 0) return os_error_path(errno, &p);
    return VNone;
}

/* listxattr(path=None): None is the current directory; names are str. */
FN(listxattr_m) {
    static const char *const names[] = {"path", "follow_symlinks", NULL};
    Value a[2];
    OsPath p;
    bool follow;
    if (os_parse_args("listxattr", args, nargs, kwnames, names, 0, 1, 0, a) < 0 ||
        os_path_convert("listxattr", "path", a[0], PATH_ALLOW_FD | PATH_NULLABLE, &p) < 0 ||
        os_bool(a[1], true, &follow) < 0 || check_fd_follow("listxattr", &p, follow) < 0)
        return VNULL;
    const char *path = p.narrow ? p.narrow : ".";
    for (size_t cap = 256;; cap *= 2) {
        char *buf = malloc(cap);
        if (!buf) {
            err_no_memory();
            return VNULL;
        }
        ssize_t n = p.fd >= 0 ? flistxattr(p.fd, buf, cap) : follow ? listxattr(path, buf, cap) : llistxattr(path, buf, cap);
        if (n < 0) {
            int e = errno;
            free(buf);
            if (e == ERANGE && cap < (1 << 20)) continue;
            return os_error_path(e, &p);
        }
        Value l = list_new(0);
        for (ssize_t i = 0; l && i < n;) {
            size_t k = strlen(buf + i);
            Value s = os_fsdecode(buf + i, k, false);
            if (!s || list_append(l, s) < 0) l = VNULL;
            i += (ssize_t)k + 1;
        }
        free(buf);
        return l;
    }
}

static const MethodDef fs_functions[] = {
    {"stat", stat_m, 0, "Perform a stat system call on the given path."},
    {"lstat", lstat_m, 0, "Perform a stat system call on the given path, without following symbolic links."},
    {"fstat", fstat_m, 0, "Perform a stat system call on the given file descriptor."},
    {"statvfs", statvfs_m, 0, "Perform a statvfs system call on the given path."},
    {"fstatvfs", fstatvfs_m, 0, "Perform an fstatvfs system call on the given fd."},
    {"access", access_m, 0, "Use the real uid/gid to test for access to a path."},
    {"chdir", chdir_m, 0, "Change the current working directory to the specified path."},
    {"fchdir", fchdir_m, 0, "Change to the directory of the given file descriptor."},
    {"chmod", chmod_m, 0, "Change the access permissions of a file."},
    {"fchmod", fchmod_m, 0, "Change the access permissions of the file given by file descriptor fd."},
    {"chown", chown_m, 0, "Change the owner and group id of path to the numeric uid and gid."},
    {"fchown", fchown_m, 0, "Change the owner and group id of the file specified by file descriptor."},
    {"lchown", lchown_m, 0, "Change the owner and group id of path to the numeric uid and gid."},
    {"chroot", chroot_m, 0, "Change root directory to path."},
    {"getcwd", getcwd_m, 0, "Return a unicode string representing the current working directory."},
    {"getcwdb", getcwdb_m, 0, "Return a bytes string representing the current working directory."},
    {"mkdir", mkdir_m, 0, "Create a directory."},
    {"mkfifo", mkfifo_m, 0, "Create a \"fifo\" (a POSIX named pipe)."},
    {"mknod", mknod_m, 0, "Create a node in the file system."},
    {"major", major_m, 0, "Extracts a device major number from a raw device number."},
    {"minor", minor_m, 0, "Extracts a device minor number from a raw device number."},
    {"makedev", makedev_m, 0, "Composes a raw device number from the major and minor device numbers."},
    {"unlink", unlink_m, 0, "Remove a file (same as remove())."},
    {"remove", remove_m, 0, "Remove a file (same as unlink())."},
    {"rmdir", rmdir_m, 0, "Remove a directory."},
    {"rename", rename_m, 0, "Rename a file or directory."},
    {"replace", replace_m, 0, "Rename a file or directory, overwriting the destination."},
    {"link", link_m, 0, "Create a hard link to a file."},
    {"symlink", symlink_m, 0, "Create a symbolic link pointing to src named dst."},
    {"readlink", readlink_m, 0, "Return a string representing the path to which the symbolic link points."},
    {"truncate", truncate_m, 0, "Truncate a file, specified by path, to a specific length."},
    {"sync", sync_m, 0, "Force write of everything to disk."},
    {"utime", utime_m, 0, "Set the access and modified time of path."},
    {"listdir", listdir_m, 0, "Return a list containing the names of the files in the directory."},
    {"scandir", scandir_m, 0, "Return an iterator of DirEntry objects for given path."},
    {"getxattr", getxattr_m, 0, "Return the value of extended attribute attribute on path."},
    {"setxattr", setxattr_m, 0, "Set extended attribute attribute on path to value."},
    {"removexattr", removexattr_m, 0, "Remove extended attribute attribute on path."},
    {"listxattr", listxattr_m, 0, "Return a list of extended attributes on path."},
    {NULL}
};

int posix_fs_init(Value m) {
    posix_stat_result_type = structseq_new_type("os.stat_result", stat_fields, 10);
    structseq_set_doc(posix_stat_result_type,
                      "stat_result: Result from stat, fstat, or lstat.\n\n"
                      "This object may be accessed either as a tuple of\n"
                      "  (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)\n"
                      "or via the attributes st_mode, st_ino, st_dev, st_nlink, st_uid, and so on.\n\n"
                      "Posix/windows: If your platform supports st_blksize, st_blocks, st_rdev,\n"
                      "or st_flags, they are available as attributes only.\n\n"
                      "See os.stat for more information.");
    structseq_new_slot = posix_stat_result_type->new;
    posix_stat_result_type->new = stat_result_new;
    type_modified(posix_stat_result_type);
    statvfs_result_type = structseq_new_type("os.statvfs_result", statvfs_fields, 10);
    type_scandir.new = scandir_no_new;
    type_ready(&type_direntry);
    type_ready(&type_scandir);
    if (module_add(m, "stat_result", obj_val(posix_stat_result_type)) < 0 ||
        module_add(m, "statvfs_result", obj_val(statvfs_result_type)) < 0 ||
        module_add(m, "DirEntry", obj_val(&type_direntry)) < 0)
        return -1;
    return module_add_functions(m, fs_functions);
}
