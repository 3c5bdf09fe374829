/* grp.c - the grp module: the group database (getgrnam, getgrgid, getgrall) as struct_group records. */
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
#include <grp.h>
#include <stdlib.h>

static Type *struct_group_type;

static const char *const group_fields[] = {"gr_name", "gr_passwd", "gr_gid", "gr_mem", NULL};

static Value text(const char *s) { return os_fsdecode(s ? s : "", s ? strlen(s) : 0, false); }

static Value group_record(const struct group *g) {
    Value members = list_new(0);
    if (!members) return VNULL;
    for (char **m = g->gr_mem; m && *m; m++) {
        Value s = text(*m);
        if (!s || list_append(members, s) < 0) return VNULL;
    }
    Value items[4] = {text(g->gr_name), text(g->gr_passwd), int_from_i64(g->gr_gid), members};
    for (int i = 0; i < 4; i++)
        if (!items[i]) return VNULL;
    return structseq_from_array(struct_group_type, items);
}

typedef int (*LookupFn)(const void *key, struct group *gr, char *buf, size_t n, struct group **res);

static int by_gid(const void *key, struct group *gr, char *buf, size_t n, struct group **res) {
    return getgrgid_r(*(const gid_t *)key, gr, buf, n, res);
}

static int by_name(const void *key, struct group *gr, char *buf, size_t n, struct group **res) {
    return getgrnam_r((const char *)key, gr, buf, n, res);
}

/* The record, VNone when there is no such group, VNULL on error. */
static Value lookup(LookupFn fn, const void *key) {
    for (size_t cap = 1024;; cap *= 2) {
        char *buf = malloc(cap);
        if (!buf) {
            err_no_memory();
            return VNULL;
        }
        struct group gr, *res = NULL;
        int e = fn(key, &gr, buf, cap, &res);
        if (e == ERANGE && cap < (1 << 24)) {
            free(buf);
            continue;
        }
        Value r = res ? group_record(res) : VNone;
        free(buf);
        return r;
    }
}

static Value getgrgid_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"id", NULL};
    Value a[1];
    gid_t gid;
    if (os_parse_args("getgrgid", args, nargs, kwnames, names, 0, 1, 1, a) < 0 || os_gid(a[0], &gid) < 0) return VNULL;
    Value r = lookup(by_gid, &gid);
    if (r == VNone) {
        Value msg = str_printf("getgrgid(): gid not found: %R", a[0]);
        if (msg) err_set_value(&exc_KeyError, msg);
        return VNULL;
    }
    return r;
}

static Value getgrnam_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"name", NULL};
    Value a[1];
    if (os_parse_args("getgrnam", args, nargs, kwnames, names, 0, 1, 1, a) < 0) return VNULL;
    if (!str_check(a[0])) {
        err_format(&exc_TypeError, "getgrnam() argument 'name' must be str, not %s", type_name(a[0]));
        return VNULL;
    }
    Value b = os_fsencode(a[0], "getgrnam");
    if (!b) return VNULL;
    Value r = lookup(by_name, bytes_data(b));
    if (r == VNone) {
        Value msg = str_printf("getgrnam(): name not found: %R", a[0]);
        if (msg) err_set_value(&exc_KeyError, msg);
        return VNULL;
    }
    return r;
}

static Value getgrall_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_count("grp.getgrall", nargs, 0, 0) < 0) return VNULL;
    Value l = list_new(0);
    if (!l) return VNULL;
    setgrent();
    struct group *g;
    while ((g = getgrent())) {
        Value r = group_record(g);
        if (!r || list_append(l, r) < 0) {
            endgrent();
            return VNULL;
        }
    }
    endgrent();
    return l;
}

static const MethodDef grp_functions[] = {
    {"getgrgid", getgrgid_m, 0, "Return the group database entry for the given numeric group ID."},
    {"getgrnam", getgrnam_m, 0, "Return the group database entry for the given group name."},
    {"getgrall", getgrall_m, 0, "Return a list of all available group entries, in arbitrary order."},
    {NULL}
};

Value grp_module_init(void) {
    Value m = module_new_cstr("grp");
    if (!m || module_add_functions(m, grp_functions) < 0) return VNULL;
    struct_group_type = structseq_new_type("grp.struct_group", group_fields, 4);
    structseq_set_doc(struct_group_type,
                      "grp.struct_group: Results from getgr*() routines.\n\n"
                      "This object may be accessed either as a tuple of\n"
                      "  (gr_name,gr_passwd,gr_gid,gr_mem)\n"
                      "or via the object attributes as named in the above tuple.");
    if (module_add(m, "struct_group", obj_val(struct_group_type)) < 0) return VNULL;
    return m;
}
