/* code.c - code objects, the opcode tables generated from opcodes.def, line lookup and disassembly. */
#include "code.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/bytes.h"
#include "../gc/gc.h"
#include "error.h"

#include <stdio.h>

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

static const MethodDef code_methods[] = {
    {"co_lines", co_lines_m, 0, NULL},
    {"co_positions", co_positions_m, 0, NULL},
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
