/* posix_sys.c - the posix module's system queries: uname, times, sysconf/confstr/pathconf, urandom, cpu_count, terminal size. */
#include "os_util.h"
#include "structseq.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <unistd.h>

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

static Type *uname_result_type, *times_result_type, *terminal_size_type;

static const char *const uname_fields[] = {"sysname", "nodename", "release", "version", "machine", NULL};
static const char *const times_fields[] = {"user", "system", "children_user", "children_system", "elapsed", NULL};
static const char *const terminal_size_fields[] = {"columns", "lines", NULL};

FN(uname_m) {
    if (arg_count("posix.uname", nargs, 0, 0) < 0) return VNULL;
    struct utsname u;
    if (uname(&u) != 0) return os_error(errno);
    const char *parts[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    Value items[5];
    for (int i = 0; i < 5; i++) {
        items[i] = os_fsdecode(parts[i], strlen(parts[i]), false);
        if (!items[i]) return VNULL;
    }
    return structseq_from_array(uname_result_type, items);
}

FN(times_m) {
    if (arg_count("posix.times", nargs, 0, 0) < 0) return VNULL;
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1) return os_error(errno);
    double tick = (double)sysconf(_SC_CLK_TCK);
    Value items[5] = {float_new((double)t.tms_utime / tick), float_new((double)t.tms_stime / tick),
                      float_new((double)t.tms_cutime / tick), float_new((double)t.tms_cstime / tick),
                      float_new((double)c / tick)};
    for (int i = 0; i < 5; i++)
        if (!items[i]) return VNULL;
    return structseq_from_array(times_result_type, items);
}

FN(cpu_count_m) {
    if (arg_count("posix.cpu_count", nargs, 0, 0) < 0) return VNULL;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? VNone : int_from_i64(n);
}

FN(getloadavg_m) {
    if (arg_count("posix.getloadavg", nargs, 0, 0) < 0) return VNULL;
    double l[3];
    if (getloadavg(l, 3) != 3) {
        err_set(&exc_OSError, "Load averages are unobtainable");
        return VNULL;
    }
    return tuple_pack(3, float_new(l[0]), float_new(l[1]), float_new(l[2]));
}

FN(get_terminal_size_m) {
    if (arg_no_kw("posix.get_terminal_size", kwnames) < 0 || arg_count("get_terminal_size", nargs, 0, 1) < 0)
        return VNULL;
    int fd = STDOUT_FILENO;
    if (nargs && os_int(args[0], &fd) < 0) return VNULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) != 0) return os_error(errno);
    Value items[2] = {int_from_i64(w.ws_col), int_from_i64(w.ws_row)};
    return structseq_from_array(terminal_size_type, items);
}

FN(urandom_m) {
    static const char *const names[] = {"size", NULL};
    Value a[1];
    int64_t n;
    (void)names;
    if (arg_no_kw("urandom", kwnames) < 0 || arg_count("posix.urandom", nargs, 1, 1) < 0) return VNULL;
    a[0] = args[0];
    if (os_i64(a[0], &n) < 0) return VNULL;
    if (n < 0) {
        err_set(&exc_ValueError, "negative argument not allowed");
        return VNULL;
    }
    BytesObject *b = bytes_alloc((size_t)n);
    if (!b) return VNULL;
    size_t got = 0;
    while (got < (size_t)n) {
        ssize_t r = getrandom(b->data + got, (size_t)n - got, 0);
        if (r < 0) {
            if (errno == EINTR) {
                if (os_check_eintr() < 0) return VNULL;
                continue;
            }
            return os_error(errno);
        }
        got += (size_t)r;
    }
    return obj_val(b);
}

FN(getrandom_m) {
    static const char *const names[] = {"size", "flags", NULL};
    Value a[2];
    int64_t n;
    int flags = 0;
    if (os_parse_args("getrandom", args, nargs, kwnames, names, 0, 2, 1, a) < 0 || os_i64(a[0], &n) < 0 ||
        (a[1] && os_int(a[1], &flags) < 0))
        return VNULL;
    if (n < 0) return os_error(EINVAL);
    BytesObject *b = bytes_alloc((size_t)n);
    if (!b) return VNULL;
    ssize_t r;
    while ((r = getrandom(b->data, (size_t)n, (unsigned)flags)) < 0 && errno == EINTR)
        if (os_check_eintr() < 0) return VNULL;
    if (r < 0) return os_error(errno);
    return r == n ? obj_val(b) : bytes_new(b->data, (size_t)r);
}

FN(ctermid_m) {
    if (arg_count("posix.ctermid", nargs, 0, 0) < 0) return VNULL;
    char buf[L_ctermid];
    const char *r = ctermid(buf);
    return os_fsdecode(r, strlen(r), false);
}

/* ---- sysconf, confstr, pathconf ---- */

typedef struct ConfName {
    const char *name;
    int value;
} ConfName;

static const ConfName sysconf_table[] = {
#ifdef _SC_2_CHAR_TERM
    {"SC_2_CHAR_TERM", _SC_2_CHAR_TERM},
#endif
#ifdef _SC_2_C_BIND
    {"SC_2_C_BIND", _SC_2_C_BIND},
#endif
#ifdef _SC_2_C_DEV
    {"SC_2_C_DEV", _SC_2_C_DEV},
#endif
#ifdef _SC_2_C_VERSION
    {"SC_2_C_VERSION", _SC_2_C_VERSION},
#endif
#ifdef _SC_2_FORT_DEV
    {"SC_2_FORT_DEV", _SC_2_FORT_DEV},
#endif
#ifdef _SC_2_FORT_RUN
    {"SC_2_FORT_RUN", _SC_2_FORT_RUN},
#endif
#ifdef _SC_2_LOCALEDEF
    {"SC_2_LOCALEDEF", _SC_2_LOCALEDEF},
#endif
#ifdef _SC_2_SW_DEV
    {"SC_2_SW_DEV", _SC_2_SW_DEV},
#endif
#ifdef _SC_2_UPE
    {"SC_2_UPE", _SC_2_UPE},
#endif
#ifdef _SC_2_VERSION
    {"SC_2_VERSION", _SC_2_VERSION},
#endif
#ifdef _SC_AIO_LISTIO_MAX
    {"SC_AIO_LISTIO_MAX", _SC_AIO_LISTIO_MAX},
#endif
#ifdef _SC_AIO_MAX
    {"SC_AIO_MAX", _SC_AIO_MAX},
#endif
#ifdef _SC_AIO_PRIO_DELTA_MAX
    {"SC_AIO_PRIO_DELTA_MAX", _SC_AIO_PRIO_DELTA_MAX},
#endif
#ifdef _SC_ARG_MAX
    {"SC_ARG_MAX", _SC_ARG_MAX},
#endif
#ifdef _SC_ASYNCHRONOUS_IO
    {"SC_ASYNCHRONOUS_IO", _SC_ASYNCHRONOUS_IO},
#endif
#ifdef _SC_ATEXIT_MAX
    {"SC_ATEXIT_MAX", _SC_ATEXIT_MAX},
#endif
#ifdef _SC_AVPHYS_PAGES
    {"SC_AVPHYS_PAGES", _SC_AVPHYS_PAGES},
#endif
#ifdef _SC_BC_BASE_MAX
    {"SC_BC_BASE_MAX", _SC_BC_BASE_MAX},
#endif
#ifdef _SC_BC_DIM_MAX
    {"SC_BC_DIM_MAX", _SC_BC_DIM_MAX},
#endif
#ifdef _SC_BC_SCALE_MAX
    {"SC_BC_SCALE_MAX", _SC_BC_SCALE_MAX},
#endif
#ifdef _SC_BC_STRING_MAX
    {"SC_BC_STRING_MAX", _SC_BC_STRING_MAX},
#endif
#ifdef _SC_CHARCLASS_NAME_MAX
    {"SC_CHARCLASS_NAME_MAX", _SC_CHARCLASS_NAME_MAX},
#endif
#ifdef _SC_CHAR_BIT
    {"SC_CHAR_BIT", _SC_CHAR_BIT},
#endif
#ifdef _SC_CHAR_MAX
    {"SC_CHAR_MAX", _SC_CHAR_MAX},
#endif
#ifdef _SC_CHAR_MIN
    {"SC_CHAR_MIN", _SC_CHAR_MIN},
#endif
#ifdef _SC_CHILD_MAX
    {"SC_CHILD_MAX", _SC_CHILD_MAX},
#endif
#ifdef _SC_CLK_TCK
    {"SC_CLK_TCK", _SC_CLK_TCK},
#endif
#ifdef _SC_COLL_WEIGHTS_MAX
    {"SC_COLL_WEIGHTS_MAX", _SC_COLL_WEIGHTS_MAX},
#endif
#ifdef _SC_DELAYTIMER_MAX
    {"SC_DELAYTIMER_MAX", _SC_DELAYTIMER_MAX},
#endif
#ifdef _SC_EQUIV_CLASS_MAX
    {"SC_EQUIV_CLASS_MAX", _SC_EQUIV_CLASS_MAX},
#endif
#ifdef _SC_EXPR_NEST_MAX
    {"SC_EXPR_NEST_MAX", _SC_EXPR_NEST_MAX},
#endif
#ifdef _SC_FSYNC
    {"SC_FSYNC", _SC_FSYNC},
#endif
#ifdef _SC_GETGR_R_SIZE_MAX
    {"SC_GETGR_R_SIZE_MAX", _SC_GETGR_R_SIZE_MAX},
#endif
#ifdef _SC_GETPW_R_SIZE_MAX
    {"SC_GETPW_R_SIZE_MAX", _SC_GETPW_R_SIZE_MAX},
#endif
#ifdef _SC_INT_MAX
    {"SC_INT_MAX", _SC_INT_MAX},
#endif
#ifdef _SC_INT_MIN
    {"SC_INT_MIN", _SC_INT_MIN},
#endif
#ifdef _SC_IOV_MAX
    {"SC_IOV_MAX", _SC_IOV_MAX},
#endif
#ifdef _SC_JOB_CONTROL
    {"SC_JOB_CONTROL", _SC_JOB_CONTROL},
#endif
#ifdef _SC_LINE_MAX
    {"SC_LINE_MAX", _SC_LINE_MAX},
#endif
#ifdef _SC_LOGIN_NAME_MAX
    {"SC_LOGIN_NAME_MAX", _SC_LOGIN_NAME_MAX},
#endif
#ifdef _SC_LONG_BIT
    {"SC_LONG_BIT", _SC_LONG_BIT},
#endif
#ifdef _SC_MAPPED_FILES
    {"SC_MAPPED_FILES", _SC_MAPPED_FILES},
#endif
#ifdef _SC_MB_LEN_MAX
    {"SC_MB_LEN_MAX", _SC_MB_LEN_MAX},
#endif
#ifdef _SC_MEMLOCK
    {"SC_MEMLOCK", _SC_MEMLOCK},
#endif
#ifdef _SC_MEMLOCK_RANGE
    {"SC_MEMLOCK_RANGE", _SC_MEMLOCK_RANGE},
#endif
#ifdef _SC_MEMORY_PROTECTION
    {"SC_MEMORY_PROTECTION", _SC_MEMORY_PROTECTION},
#endif
#ifdef _SC_MESSAGE_PASSING
    {"SC_MESSAGE_PASSING", _SC_MESSAGE_PASSING},
#endif
#ifdef _SC_MINSIGSTKSZ
    {"SC_MINSIGSTKSZ", _SC_MINSIGSTKSZ},
#endif
#ifdef _SC_MQ_OPEN_MAX
    {"SC_MQ_OPEN_MAX", _SC_MQ_OPEN_MAX},
#endif
#ifdef _SC_MQ_PRIO_MAX
    {"SC_MQ_PRIO_MAX", _SC_MQ_PRIO_MAX},
#endif
#ifdef _SC_NGROUPS_MAX
    {"SC_NGROUPS_MAX", _SC_NGROUPS_MAX},
#endif
#ifdef _SC_NL_ARGMAX
    {"SC_NL_ARGMAX", _SC_NL_ARGMAX},
#endif
#ifdef _SC_NL_LANGMAX
    {"SC_NL_LANGMAX", _SC_NL_LANGMAX},
#endif
#ifdef _SC_NL_MSGMAX
    {"SC_NL_MSGMAX", _SC_NL_MSGMAX},
#endif
#ifdef _SC_NL_NMAX
    {"SC_NL_NMAX", _SC_NL_NMAX},
#endif
#ifdef _SC_NL_SETMAX
    {"SC_NL_SETMAX", _SC_NL_SETMAX},
#endif
#ifdef _SC_NL_TEXTMAX
    {"SC_NL_TEXTMAX", _SC_NL_TEXTMAX},
#endif
#ifdef _SC_NPROCESSORS_CONF
    {"SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF},
#endif
#ifdef _SC_NPROCESSORS_ONLN
    {"SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN},
#endif
#ifdef _SC_NZERO
    {"SC_NZERO", _SC_NZERO},
#endif
#ifdef _SC_OPEN_MAX
    {"SC_OPEN_MAX", _SC_OPEN_MAX},
#endif
#ifdef _SC_PAGESIZE
    {"SC_PAGESIZE", _SC_PAGESIZE},
#endif
#ifdef _SC_PAGE_SIZE
    {"SC_PAGE_SIZE", _SC_PAGE_SIZE},
#endif
#ifdef _SC_PASS_MAX
    {"SC_PASS_MAX", _SC_PASS_MAX},
#endif
#ifdef _SC_PHYS_PAGES
    {"SC_PHYS_PAGES", _SC_PHYS_PAGES},
#endif
#ifdef _SC_PII
    {"SC_PII", _SC_PII},
#endif
#ifdef _SC_PII_INTERNET
    {"SC_PII_INTERNET", _SC_PII_INTERNET},
#endif
#ifdef _SC_PII_INTERNET_DGRAM
    {"SC_PII_INTERNET_DGRAM", _SC_PII_INTERNET_DGRAM},
#endif
#ifdef _SC_PII_INTERNET_STREAM
    {"SC_PII_INTERNET_STREAM", _SC_PII_INTERNET_STREAM},
#endif
#ifdef _SC_PII_OSI
    {"SC_PII_OSI", _SC_PII_OSI},
#endif
#ifdef _SC_PII_OSI_CLTS
    {"SC_PII_OSI_CLTS", _SC_PII_OSI_CLTS},
#endif
#ifdef _SC_PII_OSI_COTS
    {"SC_PII_OSI_COTS", _SC_PII_OSI_COTS},
#endif
#ifdef _SC_PII_OSI_M
    {"SC_PII_OSI_M", _SC_PII_OSI_M},
#endif
#ifdef _SC_PII_SOCKET
    {"SC_PII_SOCKET", _SC_PII_SOCKET},
#endif
#ifdef _SC_PII_XTI
    {"SC_PII_XTI", _SC_PII_XTI},
#endif
#ifdef _SC_POLL
    {"SC_POLL", _SC_POLL},
#endif
#ifdef _SC_PRIORITIZED_IO
    {"SC_PRIORITIZED_IO", _SC_PRIORITIZED_IO},
#endif
#ifdef _SC_PRIORITY_SCHEDULING
    {"SC_PRIORITY_SCHEDULING", _SC_PRIORITY_SCHEDULING},
#endif
#ifdef _SC_REALTIME_SIGNALS
    {"SC_REALTIME_SIGNALS", _SC_REALTIME_SIGNALS},
#endif
#ifdef _SC_RE_DUP_MAX
    {"SC_RE_DUP_MAX", _SC_RE_DUP_MAX},
#endif
#ifdef _SC_RTSIG_MAX
    {"SC_RTSIG_MAX", _SC_RTSIG_MAX},
#endif
#ifdef _SC_SAVED_IDS
    {"SC_SAVED_IDS", _SC_SAVED_IDS},
#endif
#ifdef _SC_SCHAR_MAX
    {"SC_SCHAR_MAX", _SC_SCHAR_MAX},
#endif
#ifdef _SC_SCHAR_MIN
    {"SC_SCHAR_MIN", _SC_SCHAR_MIN},
#endif
#ifdef _SC_SELECT
    {"SC_SELECT", _SC_SELECT},
#endif
#ifdef _SC_SEMAPHORES
    {"SC_SEMAPHORES", _SC_SEMAPHORES},
#endif
#ifdef _SC_SEM_NSEMS_MAX
    {"SC_SEM_NSEMS_MAX", _SC_SEM_NSEMS_MAX},
#endif
#ifdef _SC_SEM_VALUE_MAX
    {"SC_SEM_VALUE_MAX", _SC_SEM_VALUE_MAX},
#endif
#ifdef _SC_SHARED_MEMORY_OBJECTS
    {"SC_SHARED_MEMORY_OBJECTS", _SC_SHARED_MEMORY_OBJECTS},
#endif
#ifdef _SC_SHRT_MAX
    {"SC_SHRT_MAX", _SC_SHRT_MAX},
#endif
#ifdef _SC_SHRT_MIN
    {"SC_SHRT_MIN", _SC_SHRT_MIN},
#endif
#ifdef _SC_SIGQUEUE_MAX
    {"SC_SIGQUEUE_MAX", _SC_SIGQUEUE_MAX},
#endif
#ifdef _SC_SSIZE_MAX
    {"SC_SSIZE_MAX", _SC_SSIZE_MAX},
#endif
#ifdef _SC_STREAM_MAX
    {"SC_STREAM_MAX", _SC_STREAM_MAX},
#endif
#ifdef _SC_SYNCHRONIZED_IO
    {"SC_SYNCHRONIZED_IO", _SC_SYNCHRONIZED_IO},
#endif
#ifdef _SC_THREADS
    {"SC_THREADS", _SC_THREADS},
#endif
#ifdef _SC_THREAD_ATTR_STACKADDR
    {"SC_THREAD_ATTR_STACKADDR", _SC_THREAD_ATTR_STACKADDR},
#endif
#ifdef _SC_THREAD_ATTR_STACKSIZE
    {"SC_THREAD_ATTR_STACKSIZE", _SC_THREAD_ATTR_STACKSIZE},
#endif
#ifdef _SC_THREAD_DESTRUCTOR_ITERATIONS
    {"SC_THREAD_DESTRUCTOR_ITERATIONS", _SC_THREAD_DESTRUCTOR_ITERATIONS},
#endif
#ifdef _SC_THREAD_KEYS_MAX
    {"SC_THREAD_KEYS_MAX", _SC_THREAD_KEYS_MAX},
#endif
#ifdef _SC_THREAD_PRIORITY_SCHEDULING
    {"SC_THREAD_PRIORITY_SCHEDULING", _SC_THREAD_PRIORITY_SCHEDULING},
#endif
#ifdef _SC_THREAD_PRIO_INHERIT
    {"SC_THREAD_PRIO_INHERIT", _SC_THREAD_PRIO_INHERIT},
#endif
#ifdef _SC_THREAD_PRIO_PROTECT
    {"SC_THREAD_PRIO_PROTECT", _SC_THREAD_PRIO_PROTECT},
#endif
#ifdef _SC_THREAD_PROCESS_SHARED
    {"SC_THREAD_PROCESS_SHARED", _SC_THREAD_PROCESS_SHARED},
#endif
#ifdef _SC_THREAD_SAFE_FUNCTIONS
    {"SC_THREAD_SAFE_FUNCTIONS", _SC_THREAD_SAFE_FUNCTIONS},
#endif
#ifdef _SC_THREAD_STACK_MIN
    {"SC_THREAD_STACK_MIN", _SC_THREAD_STACK_MIN},
#endif
#ifdef _SC_THREAD_THREADS_MAX
    {"SC_THREAD_THREADS_MAX", _SC_THREAD_THREADS_MAX},
#endif
#ifdef _SC_TIMERS
    {"SC_TIMERS", _SC_TIMERS},
#endif
#ifdef _SC_TIMER_MAX
    {"SC_TIMER_MAX", _SC_TIMER_MAX},
#endif
#ifdef _SC_TTY_NAME_MAX
    {"SC_TTY_NAME_MAX", _SC_TTY_NAME_MAX},
#endif
#ifdef _SC_TZNAME_MAX
    {"SC_TZNAME_MAX", _SC_TZNAME_MAX},
#endif
#ifdef _SC_T_IOV_MAX
    {"SC_T_IOV_MAX", _SC_T_IOV_MAX},
#endif
#ifdef _SC_UCHAR_MAX
    {"SC_UCHAR_MAX", _SC_UCHAR_MAX},
#endif
#ifdef _SC_UINT_MAX
    {"SC_UINT_MAX", _SC_UINT_MAX},
#endif
#ifdef _SC_UIO_MAXIOV
    {"SC_UIO_MAXIOV", _SC_UIO_MAXIOV},
#endif
#ifdef _SC_ULONG_MAX
    {"SC_ULONG_MAX", _SC_ULONG_MAX},
#endif
#ifdef _SC_USHRT_MAX
    {"SC_USHRT_MAX", _SC_USHRT_MAX},
#endif
#ifdef _SC_VERSION
    {"SC_VERSION", _SC_VERSION},
#endif
#ifdef _SC_WORD_BIT
    {"SC_WORD_BIT", _SC_WORD_BIT},
#endif
#ifdef _SC_XBS5_ILP32_OFF32
    {"SC_XBS5_ILP32_OFF32", _SC_XBS5_ILP32_OFF32},
#endif
#ifdef _SC_XBS5_ILP32_OFFBIG
    {"SC_XBS5_ILP32_OFFBIG", _SC_XBS5_ILP32_OFFBIG},
#endif
#ifdef _SC_XBS5_LP64_OFF64
    {"SC_XBS5_LP64_OFF64", _SC_XBS5_LP64_OFF64},
#endif
#ifdef _SC_XBS5_LPBIG_OFFBIG
    {"SC_XBS5_LPBIG_OFFBIG", _SC_XBS5_LPBIG_OFFBIG},
#endif
#ifdef _SC_XOPEN_CRYPT
    {"SC_XOPEN_CRYPT", _SC_XOPEN_CRYPT},
#endif
#ifdef _SC_XOPEN_ENH_I18N
    {"SC_XOPEN_ENH_I18N", _SC_XOPEN_ENH_I18N},
#endif
#ifdef _SC_XOPEN_LEGACY
    {"SC_XOPEN_LEGACY", _SC_XOPEN_LEGACY},
#endif
#ifdef _SC_XOPEN_REALTIME
    {"SC_XOPEN_REALTIME", _SC_XOPEN_REALTIME},
#endif
#ifdef _SC_XOPEN_REALTIME_THREADS
    {"SC_XOPEN_REALTIME_THREADS", _SC_XOPEN_REALTIME_THREADS},
#endif
#ifdef _SC_XOPEN_SHM
    {"SC_XOPEN_SHM", _SC_XOPEN_SHM},
#endif
#ifdef _SC_XOPEN_UNIX
    {"SC_XOPEN_UNIX", _SC_XOPEN_UNIX},
#endif
#ifdef _SC_XOPEN_VERSION
    {"SC_XOPEN_VERSION", _SC_XOPEN_VERSION},
#endif
#ifdef _SC_XOPEN_XCU_VERSION
    {"SC_XOPEN_XCU_VERSION", _SC_XOPEN_XCU_VERSION},
#endif
#ifdef _SC_XOPEN_XPG2
    {"SC_XOPEN_XPG2", _SC_XOPEN_XPG2},
#endif
#ifdef _SC_XOPEN_XPG3
    {"SC_XOPEN_XPG3", _SC_XOPEN_XPG3},
#endif
#ifdef _SC_XOPEN_XPG4
    {"SC_XOPEN_XPG4", _SC_XOPEN_XPG4},
#endif
};
static const ConfName confstr_table[] = {
#ifdef _CS_GNU_LIBC_VERSION
    {"CS_GNU_LIBC_VERSION", _CS_GNU_LIBC_VERSION},
#endif
#ifdef _CS_GNU_LIBPTHREAD_VERSION
    {"CS_GNU_LIBPTHREAD_VERSION", _CS_GNU_LIBPTHREAD_VERSION},
#endif
#ifdef _CS_LFS64_CFLAGS
    {"CS_LFS64_CFLAGS", _CS_LFS64_CFLAGS},
#endif
#ifdef _CS_LFS64_LDFLAGS
    {"CS_LFS64_LDFLAGS", _CS_LFS64_LDFLAGS},
#endif
#ifdef _CS_LFS64_LIBS
    {"CS_LFS64_LIBS", _CS_LFS64_LIBS},
#endif
#ifdef _CS_LFS64_LINTFLAGS
    {"CS_LFS64_LINTFLAGS", _CS_LFS64_LINTFLAGS},
#endif
#ifdef _CS_LFS_CFLAGS
    {"CS_LFS_CFLAGS", _CS_LFS_CFLAGS},
#endif
#ifdef _CS_LFS_LDFLAGS
    {"CS_LFS_LDFLAGS", _CS_LFS_LDFLAGS},
#endif
#ifdef _CS_LFS_LIBS
    {"CS_LFS_LIBS", _CS_LFS_LIBS},
#endif
#ifdef _CS_LFS_LINTFLAGS
    {"CS_LFS_LINTFLAGS", _CS_LFS_LINTFLAGS},
#endif
#ifdef _CS_PATH
    {"CS_PATH", _CS_PATH},
#endif
#ifdef _CS_XBS5_ILP32_OFF32_CFLAGS
    {"CS_XBS5_ILP32_OFF32_CFLAGS", _CS_XBS5_ILP32_OFF32_CFLAGS},
#endif
#ifdef _CS_XBS5_ILP32_OFF32_LDFLAGS
    {"CS_XBS5_ILP32_OFF32_LDFLAGS", _CS_XBS5_ILP32_OFF32_LDFLAGS},
#endif
#ifdef _CS_XBS5_ILP32_OFF32_LIBS
    {"CS_XBS5_ILP32_OFF32_LIBS", _CS_XBS5_ILP32_OFF32_LIBS},
#endif
#ifdef _CS_XBS5_ILP32_OFF32_LINTFLAGS
    {"CS_XBS5_ILP32_OFF32_LINTFLAGS", _CS_XBS5_ILP32_OFF32_LINTFLAGS},
#endif
#ifdef _CS_XBS5_ILP32_OFFBIG_CFLAGS
    {"CS_XBS5_ILP32_OFFBIG_CFLAGS", _CS_XBS5_ILP32_OFFBIG_CFLAGS},
#endif
#ifdef _CS_XBS5_ILP32_OFFBIG_LDFLAGS
    {"CS_XBS5_ILP32_OFFBIG_LDFLAGS", _CS_XBS5_ILP32_OFFBIG_LDFLAGS},
#endif
#ifdef _CS_XBS5_ILP32_OFFBIG_LIBS
    {"CS_XBS5_ILP32_OFFBIG_LIBS", _CS_XBS5_ILP32_OFFBIG_LIBS},
#endif
#ifdef _CS_XBS5_ILP32_OFFBIG_LINTFLAGS
    {"CS_XBS5_ILP32_OFFBIG_LINTFLAGS", _CS_XBS5_ILP32_OFFBIG_LINTFLAGS},
#endif
#ifdef _CS_XBS5_LP64_OFF64_CFLAGS
    {"CS_XBS5_LP64_OFF64_CFLAGS", _CS_XBS5_LP64_OFF64_CFLAGS},
#endif
#ifdef _CS_XBS5_LP64_OFF64_LDFLAGS
    {"CS_XBS5_LP64_OFF64_LDFLAGS", _CS_XBS5_LP64_OFF64_LDFLAGS},
#endif
#ifdef _CS_XBS5_LP64_OFF64_LIBS
    {"CS_XBS5_LP64_OFF64_LIBS", _CS_XBS5_LP64_OFF64_LIBS},
#endif
#ifdef _CS_XBS5_LP64_OFF64_LINTFLAGS
    {"CS_XBS5_LP64_OFF64_LINTFLAGS", _CS_XBS5_LP64_OFF64_LINTFLAGS},
#endif
#ifdef _CS_XBS5_LPBIG_OFFBIG_CFLAGS
    {"CS_XBS5_LPBIG_OFFBIG_CFLAGS", _CS_XBS5_LPBIG_OFFBIG_CFLAGS},
#endif
#ifdef _CS_XBS5_LPBIG_OFFBIG_LDFLAGS
    {"CS_XBS5_LPBIG_OFFBIG_LDFLAGS", _CS_XBS5_LPBIG_OFFBIG_LDFLAGS},
#endif
#ifdef _CS_XBS5_LPBIG_OFFBIG_LIBS
    {"CS_XBS5_LPBIG_OFFBIG_LIBS", _CS_XBS5_LPBIG_OFFBIG_LIBS},
#endif
#ifdef _CS_XBS5_LPBIG_OFFBIG_LINTFLAGS
    {"CS_XBS5_LPBIG_OFFBIG_LINTFLAGS", _CS_XBS5_LPBIG_OFFBIG_LINTFLAGS},
#endif
};
static const ConfName pathconf_table[] = {
#ifdef _PC_ALLOC_SIZE_MIN
    {"PC_ALLOC_SIZE_MIN", _PC_ALLOC_SIZE_MIN},
#endif
#ifdef _PC_ASYNC_IO
    {"PC_ASYNC_IO", _PC_ASYNC_IO},
#endif
#ifdef _PC_CHOWN_RESTRICTED
    {"PC_CHOWN_RESTRICTED", _PC_CHOWN_RESTRICTED},
#endif
#ifdef _PC_FILESIZEBITS
    {"PC_FILESIZEBITS", _PC_FILESIZEBITS},
#endif
#ifdef _PC_LINK_MAX
    {"PC_LINK_MAX", _PC_LINK_MAX},
#endif
#ifdef _PC_MAX_CANON
    {"PC_MAX_CANON", _PC_MAX_CANON},
#endif
#ifdef _PC_MAX_INPUT
    {"PC_MAX_INPUT", _PC_MAX_INPUT},
#endif
#ifdef _PC_NAME_MAX
    {"PC_NAME_MAX", _PC_NAME_MAX},
#endif
#ifdef _PC_NO_TRUNC
    {"PC_NO_TRUNC", _PC_NO_TRUNC},
#endif
#ifdef _PC_PATH_MAX
    {"PC_PATH_MAX", _PC_PATH_MAX},
#endif
#ifdef _PC_PIPE_BUF
    {"PC_PIPE_BUF", _PC_PIPE_BUF},
#endif
#ifdef _PC_PRIO_IO
    {"PC_PRIO_IO", _PC_PRIO_IO},
#endif
#ifdef _PC_REC_INCR_XFER_SIZE
    {"PC_REC_INCR_XFER_SIZE", _PC_REC_INCR_XFER_SIZE},
#endif
#ifdef _PC_REC_MAX_XFER_SIZE
    {"PC_REC_MAX_XFER_SIZE", _PC_REC_MAX_XFER_SIZE},
#endif
#ifdef _PC_REC_MIN_XFER_SIZE
    {"PC_REC_MIN_XFER_SIZE", _PC_REC_MIN_XFER_SIZE},
#endif
#ifdef _PC_REC_XFER_ALIGN
    {"PC_REC_XFER_ALIGN", _PC_REC_XFER_ALIGN},
#endif
#ifdef _PC_SOCK_MAXBUF
    {"PC_SOCK_MAXBUF", _PC_SOCK_MAXBUF},
#endif
#ifdef _PC_SYMLINK_MAX
    {"PC_SYMLINK_MAX", _PC_SYMLINK_MAX},
#endif
#ifdef _PC_SYNC_IO
    {"PC_SYNC_IO", _PC_SYNC_IO},
#endif
#ifdef _PC_VDISABLE
    {"PC_VDISABLE", _PC_VDISABLE},
#endif
};

/* A configuration name: an int as it is, or a str looked up in the table. */
static int conf_name(Value v, const ConfName *table, size_t n, int *out) {
    if (int_check(v)) return os_int(v, out);
    if (!str_check(v)) {
        err_set(&exc_TypeError, "configuration names must be strings or integers");
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (str_eq_cstr(v, table[i].name)) {
            *out = table[i].value;
            return 0;
        }
    err_set(&exc_ValueError, "unrecognized configuration name");
    return -1;
}

static Value conf_dict(const ConfName *table, size_t n) {
    Value d = dict_new();
    if (!d) return VNULL;
    for (size_t i = 0; i < n; i++)
        if (dict_set_cstr(d, table[i].name, int_from_i64(table[i].value)) < 0) return VNULL;
    return d;
}

FN(sysconf_m) {
    int name;
    if (arg_no_kw("sysconf", kwnames) < 0 || arg_count("posix.sysconf", nargs, 1, 1) < 0 ||
        conf_name(args[0], sysconf_table, ARRAY_LEN(sysconf_table), &name) < 0)
        return VNULL;
    errno = 0;
    long r = sysconf(name);
    if (r == -1 && errno) return os_error(errno);
    return int_from_i64(r);
}

FN(confstr_m) {
    int name;
    if (arg_no_kw("confstr", kwnames) < 0 || arg_count("posix.confstr", nargs, 1, 1) < 0 ||
        conf_name(args[0], confstr_table, ARRAY_LEN(confstr_table), &name) < 0)
        return VNULL;
    errno = 0;
    size_t n = confstr(name, NULL, 0);
    if (n == 0) {
        if (errno) return os_error(errno);
        return VNone;
    }
    char *buf = malloc(n);
    if (!buf) {
        err_no_memory();
        return VNULL;
    }
    confstr(name, buf, n);
    Value r = os_fsdecode(buf, strlen(buf), false);
    free(buf);
    return r;
}

FN(pathconf_m) {
    static const char *const names[] = {"path", "name", NULL};
    Value a[2];
    OsPath p;
    int name;
    if (os_parse_args("pathconf", args, nargs, kwnames, names, 0, 2, 2, a) < 0 ||
        os_path_convert("pathconf", "path", a[0], PATH_ALLOW_FD, &p) < 0 ||
        conf_name(a[1], pathconf_table, ARRAY_LEN(pathconf_table), &name) < 0)
        return VNULL;
    errno = 0;
    long r = p.fd >= 0 ? fpathconf(p.fd, name) : pathconf(p.narrow, name);
    if (r == -1 && errno) return os_error_path(errno, &p);
    return int_from_i64(r);
}

FN(fpathconf_m) {
    int fd, name;
    if (arg_no_kw("fpathconf", kwnames) < 0 || arg_count("fpathconf", nargs, 2, 2) < 0 || os_fileno(args[0], &fd) < 0 ||
        conf_name(args[1], pathconf_table, ARRAY_LEN(pathconf_table), &name) < 0)
        return VNULL;
    errno = 0;
    long r = fpathconf(fd, name);
    if (r == -1 && errno) return os_error(errno);
    return int_from_i64(r);
}

static const MethodDef sys_functions[] = {
    {"uname", uname_m, 0, "Return an object identifying the current operating system."},
    {"times", times_m, 0, "Return a collection containing process timing information."},
    {"cpu_count", cpu_count_m, 0, "Return the number of CPUs in the system; return None if indeterminable."},
    {"getloadavg", getloadavg_m, 0, "Return average recent system load information."},
    {"get_terminal_size", get_terminal_size_m, 0, "Return the size of the terminal window as (columns, lines)."},
    {"urandom", urandom_m, 0, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"getrandom", getrandom_m, 0, "Obtain a series of random bytes."},
    {"ctermid", ctermid_m, 0, "Return the name of the controlling terminal for this process."},
    {"sysconf", sysconf_m, 0, "Return an integer-valued system configuration variable."},
    {"confstr", confstr_m, 0, "Return a string-valued system configuration variable."},
    {"pathconf", pathconf_m, 0, "Return the configuration limit name for the file or directory path."},
    {"fpathconf", fpathconf_m, 0, "Return the configuration limit name for the file descriptor fd."},
    {NULL}
};

int posix_sys_init(Value m) {
    uname_result_type = structseq_new_type("posix.uname_result", uname_fields, 5);
    times_result_type = structseq_new_type("posix.times_result", times_fields, 5);
    terminal_size_type = structseq_new_type("os.terminal_size", terminal_size_fields, 2);
    structseq_set_doc(terminal_size_type, "A tuple of (columns, lines) for holding terminal window size");
    Value sc = conf_dict(sysconf_table, ARRAY_LEN(sysconf_table));
    Value cs = conf_dict(confstr_table, ARRAY_LEN(confstr_table));
    Value pc = conf_dict(pathconf_table, ARRAY_LEN(pathconf_table));
    if (!sc || !cs || !pc || module_add(m, "sysconf_names", sc) < 0 || module_add(m, "confstr_names", cs) < 0 ||
        module_add(m, "pathconf_names", pc) < 0 || module_add(m, "uname_result", obj_val(uname_result_type)) < 0 ||
        module_add(m, "times_result", obj_val(times_result_type)) < 0 ||
        module_add(m, "terminal_size", obj_val(terminal_size_type)) < 0)
        return -1;
    return module_add_functions(m, sys_functions);
}
