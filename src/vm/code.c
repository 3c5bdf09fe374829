/* code.c - code objects, the opcode tables generated from opcodes.def, line lookup and disassembly. */
#include "code.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/bytes.h"
#include "../objects/func.h"
#include "../gc/gc.h"
#include "error.h"

#include <stdio.h>
#include <string.h>

#define FMT_ABC_ FMT_ABC
const uint8_t opcode_format[OP__COUNT] = {
#define OP(name, fmt, flags, doc) FMT_##fmt,
#include "opcodes.def"
#undef OP
};
#define X OPF_X
const uint8_t opcode_flags[OP__COUNT] = {
#define OP(name, fmt, flags, doc) flags,
#include "opcodes.def"
#undef OP
};
#undef X
const char *const opcode_names[OP__COUNT] = {
#define OP(name, fmt, flags, doc) #name,
#include "opcodes.def"
#undef OP
};

/* ---- Internal buffer types ---- */

Type type_blob_internal = {
    .flags = TF_INTERNAL,
    .hdr = {0, &type_type},
    .name = "blob",
    .basicsize = sizeof(BlobObject),
};

Value blob_new(size_t size) {
    BlobObject *b = gc_alloc(&type_blob_internal, sizeof(BlobObject) + size);
    if (!b) return VNULL;
    b->size = size;
    return obj_val(b);
}

static void cachearray_trace(Object *o) {
    CacheArrayObject *c = (CacheArrayObject *)o;
    for (size_t i = 0; i < c->n; i++) {
        gc_mark(c->entries[i].name);
        gc_mark(c->entries[i].key);
        gc_mark(c->entries[i].value);
        gc_mark(c->entries[i].map);
        gc_mark(c->entries[i].map2);
    }
}

Type type_cachearray_internal = {
    .flags = TF_INTERNAL,
    .hdr = {0, &type_type},
    .name = "cachearray",
    .basicsize = sizeof(CacheArrayObject),
    .trace = cachearray_trace,
};

/* ---- Code objects ---- */

static void code_trace(Object *o) {
    CodeObject *c = (CodeObject *)o;
    gc_mark(c->consts);
    gc_mark(c->names);
    gc_mark(c->varnames);
    gc_mark(c->cellvars);
    gc_mark(c->freevars);
    gc_mark(c->filename);
    gc_mark(c->name);
    gc_mark(c->qualname);
    gc_mark(c->insns_buf);
    gc_mark(c->locs_buf);
    gc_mark(c->live_buf);
    gc_mark(c->exc_buf);
    gc_mark(c->cache_buf);
    gc_mark(c->cell_regs);
    gc_mark(c->docstring);
}

int code_line_of(CodeObject *c, size_t pc) {
    if (pc >= c->ninsns) pc = c->ninsns ? c->ninsns - 1 : 0;
    if (!c->ninsns) return c->firstlineno;
    return code_locs(c)[pc].line;
}

static Value code_repr(Value self) {
    CodeObject *c = (CodeObject *)self;
    return str_printf("<code object %U at %p, file \"%U\", line %d>", c->name, (void *)self, c->filename,
                      c->firstlineno);
}

#define CODE_INT_GETTER(fn, field) \
    static Value fn(Value self) { return int_from_i64(((CodeObject *)self)->field); }
CODE_INT_GETTER(co_argcount, argcount)
CODE_INT_GETTER(co_posonlyargcount, posonlyargcount)
CODE_INT_GETTER(co_kwonlyargcount, kwonlyargcount)
CODE_INT_GETTER(co_nlocals, nlocals)
CODE_INT_GETTER(co_flags, flags)
CODE_INT_GETTER(co_firstlineno, firstlineno)
CODE_INT_GETTER(co_stacksize, nregs)

#define CODE_VAL_GETTER(fn, field) \
    static Value fn(Value self) { return ((CodeObject *)self)->field; }
CODE_VAL_GETTER(co_consts, consts)
CODE_VAL_GETTER(co_names, names)
CODE_VAL_GETTER(co_varnames, varnames)
CODE_VAL_GETTER(co_cellvars, cellvars)
CODE_VAL_GETTER(co_freevars, freevars)
CODE_VAL_GETTER(co_filename, filename)
CODE_VAL_GETTER(co_name, name)
CODE_VAL_GETTER(co_qualname, qualname)

static Value co_code(Value self) {
    CodeObject *c = (CodeObject *)self;
    return bytes_new((const char *)c->insns, c->ninsns * sizeof(uint32_t));
}

/* co_lines(): (start, end, line) triples in bytes of co_code, merged per line. */
static Value co_lines_m(Value self, Value *args, size_t nargs, Value kw) {
    CodeObject *c = (CodeObject *)self;
    extern Value list_new(size_t);
    extern int list_append(Value, Value);
    Value l = list_new(0);
    if (!l) return VNULL;
    size_t start = 0;
    for (size_t i = 1; i <= c->ninsns; i++) {
        if (i == c->ninsns || code_locs(c)[i].line != code_locs(c)[start].line) {
            int line = code_locs(c)[start].line;
            Value t = tuple_pack(3, int_from_i64((int64_t)start * 4), int_from_i64((int64_t)i * 4),
                                 line > 0 ? int_from_i64(line) : VNone);
            if (!t || list_append(l, t) < 0) return VNULL;
            start = i;
        }
    }
    return obj_iter(l);
}

static Value co_positions_m(Value self, Value *args, size_t nargs, Value kw) {
    CodeObject *c = (CodeObject *)self;
    extern Value list_new(size_t);
    extern int list_append(Value, Value);
    Value l = list_new(2 * c->ninsns);
    if (!l) return VNULL;
    for (size_t i = 0; i < c->ninsns; i++) {
        CodeLoc *L = &code_locs(c)[i];
        Value t = tuple_pack(4, L->line > 0 ? int_from_i64(L->line) : VNone,
                             L->end_line > 0 ? int_from_i64(L->end_line) : VNone,
                             L->col >= 0 ? int_from_i64(L->col) : VNone,
                             L->end_col >= 0 ? int_from_i64(L->end_col) : VNone);
        /* One entry per 2-byte code unit, as CPython: traceback.py indexes
         * this with tb_lasti // 2, and our instruction words are 4 bytes. */
        if (!t || list_append(l, t) < 0 || list_append(l, t) < 0) return VNULL;
    }
    return obj_iter(l);
}

static const GetSetDef code_getsets[] = {
    {"co_argcount", co_argcount, NULL, NULL},
    {"co_posonlyargcount", co_posonlyargcount, NULL, NULL},
    {"co_kwonlyargcount", co_kwonlyargcount, NULL, NULL},
    {"co_nlocals", co_nlocals, NULL, NULL},
    {"co_flags", co_flags, NULL, NULL},
    {"co_firstlineno", co_firstlineno, NULL, NULL},
    {"co_stacksize", co_stacksize, NULL, NULL},
    {"co_consts", co_consts, NULL, NULL},
    {"co_names", co_names, NULL, NULL},
    {"co_varnames", co_varnames, NULL, NULL},
    {"co_cellvars", co_cellvars, NULL, NULL},
    {"co_freevars", co_freevars, NULL, NULL},
    {"co_filename", co_filename, NULL, NULL},
    {"co_name", co_name, NULL, NULL},
    {"co_qualname", co_qualname, NULL, NULL},
    {"co_code", co_code, NULL, NULL},
    {NULL}
};

/*
 * replace(**changes): a copy of the code object with some fields changed,
 * sharing the (immutable) instructions, tables and caches.  Taipan's
 * bytecode is not CPython's, so only the fields that do not describe the
 * instructions can take new values: co_name, co_qualname, co_filename and
 * the co_flags bits that do not change how the code runs (what
 * types.coroutine sets, CO_ITERABLE_COROUTINE, among them).  The other
 * fields are accepted unchanged; a different value raises ValueError
 * instead of building a code object that would misbehave.
 */
static Value code_replace_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {
        "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags",
        "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars",
        "co_filename", "co_name", "co_qualname", "co_linetable", "co_exceptiontable", NULL,
    };
    enum { N_INTS = 7, I_FLAGS = 5, I_FILENAME = 13 };
    if (nargs) {
        err_set(&exc_TypeError, "replace() takes no positional arguments");
        return VNULL;
    }
    Value a[18];
    if (arg_parse("replace", args, 0, kwnames, names, 0, 0, a) < 0) return VNULL;
    CodeObject *c = (CodeObject *)self;
    for (int i = 0; i < 18; i++) {
        if (!a[i]) continue;
        const char *want = i < N_INTS ? NULL : (i == 7 || i >= 16) ? "bytes" : i < I_FILENAME ? "tuple" : "str";
        bool ok = !want ? true : want[0] == 'b' ? bytes_check(a[i]) : want[0] == 't' ? tuple_check(a[i]) : str_check(a[i]);
        if (!want && (!int_check(a[i]))) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[i]));
            return VNULL;
        }
        if (!ok) {
            err_format(&exc_TypeError, "replace() argument '%s' must be %s, not %s", names[i], want,
                       a[i] == VNone ? "None" : type_name(a[i]));
            return VNULL;
        }
    }
    /* What Taipan cannot change: a field given with a different value. */
    Value current[18] = {
        int_from_i64(c->argcount), int_from_i64(c->posonlyargcount), int_from_i64(c->kwonlyargcount),
        int_from_i64(c->nlocals), VNULL, VNULL, int_from_i64(c->firstlineno), VNULL, c->consts, c->names,
        c->varnames, c->freevars, c->cellvars,
    };
    for (int i = 0; i < I_FILENAME; i++) {
        if (!a[i] || !current[i]) continue;
        int eq = obj_richcompare_bool(a[i], current[i], CMP_EQ);
        if (eq < 0) return VNULL;
        if (!eq) goto unsupported;
    }
    for (int i = 0; i < 18; i++) {
        if (a[i] && (i == 4 || i == 7 || i >= 16)) {
            err_format(&exc_ValueError, "code.replace(): Taipan cannot replace %s (its bytecode is not CPython's)",
                       names[i]);
            return VNULL;
        }
    }
    int32_t flags = c->flags;
    if (a[I_FLAGS]) {
        int64_t f = int_fits_i64(a[I_FLAGS]) ? int_as_i64(a[I_FLAGS]) : -1;
        const int32_t fixed = CO_OPTIMIZED | CO_NEWLOCALS | CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR |
                              CO_COROUTINE | CO_ASYNC_GENERATOR;
        if (f < 0 || f > INT32_MAX || ((int32_t)f & fixed) != (c->flags & fixed)) {
            err_set(&exc_ValueError, "code.replace(): Taipan cannot change how compiled code runs "
                                     "(co_flags bits other than CO_ITERABLE_COROUTINE, CO_NESTED, CO_NOFREE and "
                                     "the __future__ flags)");
            return VNULL;
        }
        flags = (int32_t)f;
    }
    CodeObject *n = gc_alloc(&type_code, sizeof(CodeObject));
    if (!n) return VNULL;
    memcpy((char *)n + sizeof(Object), (char *)c + sizeof(Object), sizeof(CodeObject) - sizeof(Object));
    n->flags = flags;
    if (a[I_FILENAME]) n->filename = a[I_FILENAME];
    if (a[14]) n->name = a[14];
    if (a[15]) n->qualname = a[15];
    return obj_val(n);
unsupported:
    err_set(&exc_ValueError, "code.replace(): Taipan cannot replace the fields that describe the bytecode "
                             "(argument counts, co_consts, co_names, co_varnames, co_freevars, co_cellvars, "
                             "co_firstlineno) with different values");
    return VNULL;
}

static const MethodDef code_methods[] = {
    {"co_lines", co_lines_m, 0, NULL},
    {"co_positions", co_positions_m, 0, NULL},
    {"replace", code_replace_m, 0, "Return a copy of the code object with new values for the specified fields."},
    {NULL}
};

Type type_code = {
    .hdr = {0, &type_type},
    .name = "code",
    .basicsize = sizeof(CodeObject),
    .trace = code_trace,
    .repr = code_repr,
    .getsets = code_getsets,
    .methods = code_methods,
};

/* ---- Disassembly (taipan -X dis, and the dis module later) ---- */

void code_disassemble(CodeObject *c, void *file) {
    FILE *out = file;
    fprintf(out, "code %s (%s:%d) regs=%d locals=%d args=%d flags=0x%x\n", str_data(c->qualname),
            str_data(c->filename), c->firstlineno, c->nregs, c->nlocals, c->argcount, c->flags);
    int last_line = -1;
    for (size_t pc = 0; pc < c->ninsns; pc++) {
        uint32_t i = c->insns[pc];
        int op = INS_OP(i);
        int line = code_locs(c)[pc].line;
        if (line != last_line) fprintf(out, "%5d ", line);
        else fprintf(out, "      ");
        last_line = line;
        fprintf(out, "%5zu %-14s", pc, op < OP__COUNT ? opcode_names[op] : "???");
        switch (op < OP__COUNT ? opcode_format[op] : FMT_ABC) {
        case FMT_ABC: fprintf(out, " %u %u %u", INS_A(i), INS_B(i), INS_C(i)); break;
        case FMT_ABx: fprintf(out, " %u %u", INS_A(i), INS_Bx(i)); break;
        case FMT_AsBx: fprintf(out, " %u %d  (to %zd)", INS_A(i), INS_sBx(i),
                               (ssize_t)pc + 1 + INS_sBx(i)); break;
        case FMT_sJ: fprintf(out, " %d  (to %zd)", INS_sJ(i),
                             (ssize_t)pc + 1 + ((opcode_flags[op] & OPF_X) ? 1 : 0) + INS_sJ(i)); break;
        }
        if (op == OP_LOADK) {
            Value r = obj_repr(tuple_get(c->consts, INS_Bx(i)));
            if (r) fprintf(out, "  ; %.60s", str_data(r));
            else err_clear();
        }
        fputc('\n', out);
        if (op < OP__COUNT && (opcode_flags[op] & OPF_X)) {
            pc++;
            fprintf(out, "      %5zu   X %u\n", pc, c->insns[pc]);
        }
    }
    for (uint32_t k = 0; k < c->nexc; k++) {
        ExcEntry *e = &code_exc(c)[k];
        fprintf(out, "  except [%u, %u) -> %u  reg %u\n", e->start, e->end, e->handler, e->reg);
    }
    for (ssize_t k = 0; k < tuple_size(c->consts); k++) {
        Value v = tuple_get(c->consts, k);
        if (!val_is_int(v) && val_type(v) == &type_code) {
            fputc('\n', out);
            code_disassemble((CodeObject *)v, out);
        }
    }
}
