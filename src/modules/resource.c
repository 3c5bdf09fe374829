/* resource.c - the resource module: getrlimit/setrlimit/prlimit, getrusage and struct_rusage, getpagesize. */
#include "os_util.h"
#include "structseq.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <errno.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

/*
 * Limits cross into Python as C longs, as CPython does on LP64 Linux:
 * RLIM_INFINITY (all ones) reads as -1 and -1 written back means
 * infinity.  The errors the kernel gives setrlimit/prlimit become
 * CPython's ValueErrors ("current limit exceeds maximum limit" for EINVAL,
 * "not allowed to raise maximum limit" for EPERM).
 */

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

static Type *struct_rusage_type;

static const char *const rusage_fields[] = {
    "ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt",
    "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
    NULL,
};

static Value timeval_float(const struct timeval *tv) { return float_new((double)tv->tv_sec + tv->tv_usec * 1e-6); }

Value resource_rusage_to_py(const struct rusage *ru) {
    Value items[16] = {
        timeval_float(&ru->ru_utime), timeval_float(&ru->ru_stime), int_from_i64(ru->ru_maxrss),
        int_from_i64(ru->ru_ixrss), int_from_i64(ru->ru_idrss), int_from_i64(ru->ru_isrss),
        int_from_i64(ru->ru_minflt), int_from_i64(ru->ru_majflt), int_from_i64(ru->ru_nswap),
        int_from_i64(ru->ru_inblock), int_from_i64(ru->ru_oublock), int_from_i64(ru->ru_msgsnd),
        int_from_i64(ru->ru_msgrcv), int_from_i64(ru->ru_nsignals), int_from_i64(ru->ru_nvcsw),
        int_from_i64(ru->ru_nivcsw),
    };
    for (int i = 0; i < 16; i++)
        if (!items[i]) return VNULL;
    return structseq_from_array(struct_rusage_type, items);
}

/* METH_O / METH_NOARGS count and keyword messages ("resource.getrusage()
 * takes exactly one argument (0 given)"). */
static int exact_args(const char *qualname, size_t nargs, Value kwnames, size_t n) {
    if (arg_no_kw(qualname, kwnames) < 0) return -1;
    if (nargs != n) {
        if (n == 0) err_format(&exc_TypeError, "%s() takes no arguments (%zu given)", qualname, nargs);
        else err_format(&exc_TypeError, "%s() takes exactly one argument (%zu given)", qualname, nargs);
        return -1;
    }
    return 0;
}

FN(getrusage_m) {
    int who;
    if (exact_args("resource.getrusage", nargs, kwnames, 1) < 0 || os_int(args[0], &who) < 0) return VNULL;
    struct rusage ru;
    if (getrusage(who, &ru) < 0) {
        if (errno == EINVAL) {
            err_set(&exc_ValueError, "invalid who parameter");
            return VNULL;
        }
        return os_error(errno);
    }
    return resource_rusage_to_py(&ru);
}

static int check_resource(Value v, int *out) {
    if (os_int(v, out) < 0) return -1;
    if (*out < 0 || *out >= RLIM_NLIMITS) {
        err_set(&exc_ValueError, "invalid resource specified");
        return -1;
    }
    return 0;
}

static Value rlimit_to_py(const struct rlimit *rl) {
    return tuple_pack(2, int_from_i64((long)rl->rlim_cur), int_from_i64((long)rl->rlim_max));
}

/* A (soft, hard) pair from any sequence of two ints. */
static int rlimit_from_py(Value limits, struct rlimit *rl) {
    Value t = tuple_check_exact(limits) ? limits : tuple_from_iterable(limits);
    if (!t) return -1;
    if (tuple_size(t) != 2) {
        err_set(&exc_ValueError, "expected a tuple of 2 integers");
        return -1;
    }
    long cur, max;
    if (os_long(tuple_get(t, 0), &cur) < 0 || os_long(tuple_get(t, 1), &max) < 0) return -1;
    rl->rlim_cur = (rlim_t)cur;
    rl->rlim_max = (rlim_t)max;
    return 0;
}

static Value limit_error(int err) {
    if (err == EINVAL) err_set(&exc_ValueError, "current limit exceeds maximum limit");
    else if (err == EPERM) err_set(&exc_ValueError, "not allowed to raise maximum limit");
    else return os_error(err);
    return VNULL;
}

FN(getrlimit_m) {
    int res;
    if (exact_args("resource.getrlimit", nargs, kwnames, 1) < 0 || check_resource(args[0], &res) < 0) return VNULL;
    struct rlimit rl;
    if (getrlimit(res, &rl) < 0) return os_error(errno);
    return rlimit_to_py(&rl);
}

FN(setrlimit_m) {
    int res;
    if (arg_no_kw("resource.setrlimit", kwnames) < 0 || arg_count("setrlimit", nargs, 2, 2) < 0 ||
        check_resource(args[0], &res) < 0)
        return VNULL;
    struct rlimit rl;
    if (rlimit_from_py(args[1], &rl) < 0) return VNULL;
    if (setrlimit(res, &rl) < 0) return limit_error(errno);
    return VNone;
}

FN(prlimit_m) {
    if (arg_no_kw("resource.prlimit", kwnames) < 0) return VNULL;
    if (nargs < 2 || nargs > 3) {
        err_set(&exc_TypeError, "resource.prlimit requires 2 to 3 arguments");
        return VNULL;
    }
    int pid, res;
    if (os_int(args[0], &pid) < 0 || check_resource(args[1], &res) < 0) return VNULL;
    struct rlimit new_rl, old_rl;
    if (nargs > 2 && rlimit_from_py(args[2], &new_rl) < 0) return VNULL;
    if (prlimit((pid_t)pid, res, nargs > 2 ? &new_rl : NULL, &old_rl) < 0) {
        if (errno == EINVAL) return limit_error(EINVAL);
        return os_error(errno);
    }
    return rlimit_to_py(&old_rl);
}

FN(getpagesize_m) {
    if (exact_args("resource.getpagesize", nargs, kwnames, 0) < 0) return VNULL;
    return int_from_i64(sysconf(_SC_PAGESIZE));
}

static const MethodDef resource_functions[] = {
    {"getrusage", getrusage_m, 0, NULL},
    {"getrlimit", getrlimit_m, 0, NULL},
    {"prlimit", prlimit_m, 0, "prlimit(pid, resource, [limits])"},
    {"setrlimit", setrlimit_m, 0, NULL},
    {"getpagesize", getpagesize_m, 0, NULL},
    {NULL},
};

#define C(n) {#n, (long)(n)}
static const struct {
    const char *name;
    long value;
} resource_constants[] = {
    C(RLIMIT_CPU), C(RLIMIT_FSIZE), C(RLIMIT_DATA), C(RLIMIT_STACK), C(RLIMIT_CORE), C(RLIMIT_NOFILE),
    C(RLIMIT_OFILE), C(RLIMIT_AS), C(RLIMIT_RSS), C(RLIMIT_NPROC), C(RLIMIT_MEMLOCK), C(RLIMIT_SIGPENDING),
    C(RLIMIT_MSGQUEUE), C(RLIMIT_NICE), C(RLIMIT_RTPRIO), C(RLIMIT_RTTIME), C(RUSAGE_SELF),
    C(RUSAGE_CHILDREN), C(RUSAGE_THREAD), C(RLIM_INFINITY),
};

Value resource_module_init(void) {
    Value m = module_new_cstr("resource");
    if (!m || module_add_functions(m, resource_functions) < 0) return VNULL;
    if (!struct_rusage_type) {
        struct_rusage_type = structseq_new_type("resource.struct_rusage", rusage_fields, 16);
        structseq_set_doc(struct_rusage_type,
                          "struct_rusage: Result from getrusage.\n\n"
                          "This object may be accessed either as a tuple of\n"
                          "    (utime,stime,maxrss,ixrss,idrss,isrss,minflt,majflt,\n"
                          "    nswap,inblock,oublock,msgsnd,msgrcv,nsignals,nvcsw,nivcsw)\n"
                          "or via the attributes ru_utime, ru_stime, ru_maxrss, and so on.");
    }
    if (module_add(m, "struct_rusage", obj_val(struct_rusage_type)) < 0 ||
        module_add(m, "error", obj_val(&exc_OSError)) < 0)
        return VNULL;
    for (size_t i = 0; i < sizeof resource_constants / sizeof *resource_constants; i++)
        if (module_add(m, resource_constants[i].name, int_from_i64(resource_constants[i].value)) < 0) return VNULL;
    return m;
}
