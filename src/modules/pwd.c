/* pwd.c - the pwd module: the password database (getpwnam, getpwuid, getpwall) as struct_passwd records. */
#include "os_util.h"
#include "structseq.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/list.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>

static Type *struct_passwd_type;

static const char *const passwd_fields[] = {
    "pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell", NULL,
};

static Value text(const char *s) { return os_fsdecode(s ? s : "", s ? strlen(s) : 0, false); }

static Value passwd_record(const struct passwd *p) {
    Value items[7] = {text(p->pw_name), text(p->pw_passwd), int_from_i64(p->pw_uid), int_from_i64(p->pw_gid),
                      text(p->pw_gecos), text(p->pw_dir), text(p->pw_shell)};
    for (int i = 0; i < 7; i++)
        if (!items[i]) return VNULL;
    return structseq_from_array(struct_passwd_type, items);
}

/* getpw*_r with a buffer that grows until the entry fits. */
typedef int (*LookupFn)(const void *key, struct passwd *pw, char *buf, size_t n, struct passwd **res);

static int by_uid(const void *key, struct passwd *pw, char *buf, size_t n, struct passwd **res) {
    return getpwuid_r(*(const uid_t *)key, pw, buf, n, res);
}

static int by_name(const void *key, struct passwd *pw, char *buf, size_t n, struct passwd **res) {
    return getpwnam_r((const char *)key, pw, buf, n, res);
}

/* The record, VNone when there is no such entry, VNULL on error. */
static Value lookup(LookupFn fn, const void *key) {
    for (size_t cap = 1024;; cap *= 2) {
        char *buf = malloc(cap);
        if (!buf) {
            err_no_memory();
            return VNULL;
        }
        struct passwd pw, *res = NULL;
        int e = fn(key, &pw, buf, cap, &res);
        if (e == ERANGE && cap < (1 << 20)) {
            free(buf);
            continue;
        }
        Value r = res ? passwd_record(res) : VNone;
        free(buf);
        return r;
    }
}

static Value getpwuid_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("getpwuid", kwnames) < 0 || arg_count("pwd.getpwuid", nargs, 1, 1) < 0) return VNULL;
    uid_t uid;
    if (os_uid(args[0], &uid) < 0) {
        if (!err_matches(&exc_OverflowError)) return VNULL;
        err_clear();
        err_set_value(&exc_KeyError, str_from_cstr("getpwuid(): uid not found"));
        return VNULL;
    }
    Value r = lookup(by_uid, &uid);
    if (r == VNone) {
        Value msg = str_printf("getpwuid(): uid not found: %R", args[0]);
        if (msg) err_set_value(&exc_KeyError, msg);
        return VNULL;
    }
    return r;
}

static Value getpwnam_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("getpwnam", kwnames) < 0 || arg_count("pwd.getpwnam", nargs, 1, 1) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "getpwnam() argument must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    Value b = os_fsencode(args[0], "getpwnam");
    if (!b) return VNULL;
    Value r = lookup(by_name, bytes_data(b));
    if (r == VNone) {
        Value msg = str_printf("getpwnam(): name not found: %R", args[0]);
        if (msg) err_set_value(&exc_KeyError, msg);
        return VNULL;
    }
    return r;
}

static Value getpwall_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("pwd.getpwall", nargs, 0, 0) < 0) return VNULL;
    Value l = list_new(0);
    if (!l) return VNULL;
    setpwent();
    struct passwd *p;
    while ((p = getpwent())) {
        Value r = passwd_record(p);
        if (!r || list_append(l, r) < 0) {
            endpwent();
            return VNULL;
        }
    }
    endpwent();
    return l;
}

static const MethodDef pwd_functions[] = {
    {"getpwuid", getpwuid_m, 0, "Return the password database entry for the given numeric user ID."},
    {"getpwnam", getpwnam_m, 0, "Return the password database entry for the given user name."},
    {"getpwall", getpwall_m, 0, "Return a list of all available password database entries, in arbitrary order."},
    {NULL}
};

Value pwd_module_init(void) {
    Value m = module_new_cstr("pwd");
    if (!m || module_add_functions(m, pwd_functions) < 0) return VNULL;
    struct_passwd_type = structseq_new_type("pwd.struct_passwd", passwd_fields, 7);
    structseq_set_doc(struct_passwd_type,
                      "pwd.struct_passwd: Results from getpw*() routines.\n\n"
                      "This object may be accessed either as a tuple of\n"
                      "  (pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)\n"
                      "or via the object attributes as named in the above tuple.");
    if (module_add(m, "struct_passwd", obj_val(struct_passwd_type)) < 0) return VNULL;
    return m;
}
