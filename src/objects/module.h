/* module.h - module objects: a namespace dict and a name. */
#ifndef TAIPAN_MODULE_H
#define TAIPAN_MODULE_H

#include "object.h"

typedef struct ModuleObject {
    Object hdr;
    Value dict;
    Value name;
    void *state;            /* C modules' private state, if any */
} ModuleObject;

extern Type type_module;

static inline Value module_dict(Value m) { return ((ModuleObject *)m)->dict; }
static inline bool module_check(Value v) {
    return !val_is_int(v) && val_isinstance(v, &type_module);
}

Value module_new(Value name);
Value module_new_cstr(const char *name);
/* Add functions from a MethodDef table (NULL-name terminated) to module m. */
int module_add_functions(Value m, const MethodDef *defs);
int module_add(Value m, const char *name, Value v);
Value module_get(Value m, const char *name);    /* VNULL + AttributeError */

/* C modules register here; import finds them by name (builtin modules). */
typedef Value (*ModuleInitFunc)(void);
typedef struct BuiltinModuleDef {
    const char *name;
    ModuleInitFunc init;
} BuiltinModuleDef;

#endif
