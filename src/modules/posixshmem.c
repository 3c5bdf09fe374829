/* posixshmem.c - _posixshmem: shm_open and shm_unlink for multiprocessing.shared_memory. */
#include "cargs.h"
#include "signal.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/module.h"
#include "../objects/func.h"
#include "../vm/error.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>

/* The path argument as a C string (str only). */
static const char *path_arg(const char *fname, Value v) {
    if (!str_check(v)) {
        err_format(&exc_TypeError, "%s() argument 'path' must be str, not %s", fname, type_name(v));
        return NULL;
    }
    return str_data(v);   /* as CPython's, a NUL ends the name */
}

/* shm_open(path, flags, mode=0o777) -> fd; EINTR retried after the signal handlers. */
static Value shm_open_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"path", "flags", "mode", NULL};
    Value a[3];
    if (arg_parse("shm_open", args, nargs, kwnames, names, 0, 2, a) < 0) return VNULL;
    const char *path = path_arg("shm_open", a[0]);
    int flags, mode = 0777;
    if (!path || carg_int(a[1], &flags) < 0 || (a[2] && carg_int(a[2], &mode) < 0)) return VNULL;
    int fd;
    do {
        fd = shm_open(path, flags, (mode_t)mode);
    } while (fd < 0 && errno == EINTR && signal_run_handlers() == 0);
    if (fd < 0) {
        if (!err_occurred()) err_from_errno_filename(&exc_OSError, a[0]);
        return VNULL;
    }
    return int_from_i64(fd);
}

static Value shm_unlink_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"path", NULL};
    Value a[1];
    if (arg_parse("shm_unlink", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    const char *path = path_arg("shm_unlink", a[0]);
    if (!path) return VNULL;
    int r;
    do {
        r = shm_unlink(path);
    } while (r < 0 && errno == EINTR && signal_run_handlers() == 0);
    if (r < 0) {
        if (!err_occurred()) err_from_errno_filename(&exc_OSError, a[0]);
        return VNULL;
    }
    return VNone;
}

static const MethodDef functions[] = {
    {"shm_open", shm_open_m, 0, "Open a shared memory object.  Returns a file descriptor (integer)."},
    {"shm_unlink", shm_unlink_m, 0,
     "Remove a shared memory object (similar to unlink()).\n\n"
     "Remove a shared memory object name, and, once all processes  have  unmapped\n"
     "the object, de-allocates and destroys the contents of the associated memory\n"
     "region."},
    {NULL},
};

Value posixshmem_module_init(void) {
    Value m = module_new_cstr("_posixshmem");
    if (!m || module_add_functions(m, functions) < 0) return VNULL;
    return m;
}
