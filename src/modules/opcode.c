/* opcode.c - the _opcode module: stack_effect (not meaningful for registers) and Taipan's instruction table for lib/dis.py. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/code.h"
#include "../vm/error.h"

/*
 * CPython's opcode.py imports stack_effect from here; Taipan's `dis`
 * (lib/dis.py) decodes Taipan's own instructions with `taipan_opcodes`,
 * one (name, format, has_extra_word, semantics) per opcode number, made
 * from src/vm/opcodes.def, and `taipan_site_names(code)`, the attribute and
 * global names of a code object's cache sites (the X word of GETATTR and
 * friends).  docs/bytecode.md describes the format.
 */

static const char *const op_docs[] = {
#define OP(name, fmt, flags, doc) doc,
#include "../vm/opcodes.def"
#undef OP
};

static Value stack_effect_m(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"", "", "jump", NULL};
    Value a[3];
    if (arg_parse("stack_effect", args, nargs, kw, names, 2, 1, a) < 0) return VNULL;
    err_set(&exc_ValueError, "stack_effect: Taipan's bytecode works on registers and has no stack effect");
    return VNULL;
}

static Value site_names_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("taipan_site_names", nargs, 1, 1) < 0) return VNULL;
    if (val_is_int(args[0]) || val_type(args[0]) != &type_code) {
        err_format(&exc_TypeError, "taipan_site_names() argument must be code, not %s", val_type(args[0])->name);
        return VNULL;
    }
    CodeObject *c = (CodeObject *)val_obj(args[0]);
    Value t = tuple_new(c->ncaches);
    if (!t) return VNULL;
    for (uint32_t i = 0; i < c->ncaches; i++) {
        Value n = code_caches(c)[i].name;
        tuple_items(t)[i] = n ? n : VNone;
    }
    return t;
}

static const MethodDef opcode_functions[] = {
    {"stack_effect", stack_effect_m, 0, "Compute the stack effect of the opcode."},
    {"taipan_site_names", site_names_m, 0, "The names of a code object's cache sites, by site number."},
    {NULL}
};

Value opcode_module_init(void) {
    static const char *const fmt_names[] = {"ABC", "ABx", "AsBx", "sJ"};
    Value m = module_new_cstr("_opcode");
    if (!m || module_add_functions(m, opcode_functions) < 0) return VNULL;
    Value ops = tuple_new(OP__COUNT);
    if (!ops) return VNULL;
    for (int i = 0; i < OP__COUNT; i++) {
        Value e = tuple_pack(4, str_from_cstr(opcode_names[i]), str_from_cstr(fmt_names[opcode_format[i]]),
                             (opcode_flags[i] & OPF_X) ? VTrue : VFalse, str_from_cstr(op_docs[i]));
        if (!e) return VNULL;
        tuple_items(ops)[i] = e;
    }
    if (module_add(m, "taipan_opcodes", ops) < 0) return VNULL;
    return m;
}
