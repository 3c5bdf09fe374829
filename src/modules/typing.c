/* typing.c - the _typing accelerator: _idfunc, the __call__ of typing.NewType. */
#include "../objects/str.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"

/* A builtin function is not bound as a method, so NewType.__call__ = _idfunc
   receives only the argument: NewType('UserId', int)(5) is 5. */
static Value idfunc_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("_typing._idfunc", kwnames) < 0 || arg_count("_typing._idfunc", nargs, 1, 1) < 0) return VNULL;
    return args[0];
}

static const MethodDef typing_functions[] = {
    {"_idfunc", idfunc_m, 0, "_idfunc($module, x, /)\n--\n\n"},
    {NULL}
};

Value typing_module_init(void) {
    Value m = module_new_cstr("_typing");
    if (!m || module_add_functions(m, typing_functions) < 0) return VNULL;
    if (module_add(m, "__doc__", str_from_cstr("Accelerators for the typing module.\n")) < 0) return VNULL;
    return m;
}
