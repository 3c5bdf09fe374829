/* runtime.c - start-up and shut-down of the runtime: GC, types, exceptions, builtins, sys. */
#include "frame.h"
#include "gen.h"
#include "error.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/dict.h"
#include "../objects/list.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../gc/gc.h"

int runtime_optimize;

/* Weak: a type listed in types.def whose source is not in this build
 * (work in progress in a parallel tree) is skipped. */
#define TYPE(c, n) extern Type c __attribute__((weak));
#include "../objects/types.def"
#undef TYPE
extern Type type_frame, type_traceback;

extern void type_init_cache(void);
extern void err_init_prealloc(void);
extern Value builtins_init(void);
extern Value sys_init(int argc, char **argv, int orig_argc, char **orig_argv);
extern Value sys_module, builtins_module, sys_modules_dict;

Value sys_module_get(void) { return sys_module; }
Value builtins_module_get(void) { return builtins_module; }

int runtime_init(int argc, char **argv, int orig_argc, char **orig_argv) {
    gc_init();
    thread_init_main();
    interp_init();
    type_init_cache();
#define TYPE(c, n) if (&c) type_ready(&c);
#include "../objects/types.def"
#undef TYPE
    type_ready(&type_generator);
    type_ready(&type_coroutine);
    gen_async_types_init();
    type_ready(&type_async_generator);
    type_ready(&type_async_generator_asend);
    type_ready(&type_async_generator_athrow);
    type_ready(&type_frame);
    type_ready(&type_traceback);
    extern void genericalias_install(void);
    genericalias_install();
    exceptions_init();
    err_init_prealloc();
    if (!builtins_init()) return -1;
    if (!sys_init(argc, argv, orig_argc, orig_argv)) return -1;
    if (dict_set_cstr(sys_modules_dict, "builtins", builtins_module) < 0) return -1;
    if (dict_set_cstr(sys_modules_dict, "sys", sys_module) < 0) return -1;
    return 0;
}
