/* compile.c - the code generator: statements, functions, classes, comprehensions, exception regions, assembly. */
#include "compile.h"
#include "compile_internal.h"
#include "parser.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/exceptions.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/thread.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- Errors ---- */

static Value make_syntax_error(Type *t, Value filename, const char *msg, int lineno, int offset, int end_lineno,
                               int end_offset, const char *text) {
    Value info = tuple_pack(6, filename ? filename : VNone, lineno > 0 ? int_from_i64(lineno) : VNone,
                            offset != 0 ? int_from_i64(offset) : (lineno > 0 ? int_from_i64(offset) : VNone),
                            text ? str_from_cstr(text) : VNone,
                            end_lineno > 0 ? int_from_i64(end_lineno) : VNone,
                            end_offset != 0 || end_lineno > 0 ? int_from_i64(end_offset) : VNone);
    Value m = str_from_cstr(msg);
    if (!info || !m) return VNULL;
    Value args[2] = {m, info};
    return obj_call(obj_val(t), args, 2, VNULL);
}

/* The source text being compiled (annotation strings are cut from it). */
static const char *cur_src, *cur_src_end;

/* SyntaxError.text of an error the compiler (not the parser) finds: like
 * CPython's PyErr_ProgramTextObject, line `lineno` of the file named
 * `filename` as it is on disk now, read in chunks of 999 bytes with
 * universal newlines (of a longer line, the last chunk), NULL when there
 * is no such file or line or it is not UTF-8.  So compile() of a string
 * under a made-up name gets None. */
static char *program_text(Value filename, int lineno) {
    if (!filename || !str_check(filename) || lineno < 1) return NULL;
    FILE *fp = fopen(str_data(filename), "r");
    if (!fp) return NULL;
    char buf[1000];
    int line = 0;
    while (line < lineno) {
        size_t n = 0;
        int c = 0;
        /* One fgets: up to 999 bytes or through a newline. */
        while (n < sizeof buf - 1 && (c = getc(fp)) != EOF) {
            if (c == '\r') {
                int d = getc(fp);
                if (d != '\n' && d != EOF) ungetc(d, fp);
                c = '\n';
            }
            buf[n++] = (char)c;
            if (c == '\n') break;
        }
        buf[n] = 0;
        if (n == 0) break;
        if (buf[n - 1] == '\n' || c == EOF || n < sizeof buf - 1) line++;
    }
    fclose(fp);
    if (line != lineno) return NULL;
    size_t n = strlen(buf);
    for (size_t i = 0; i < n;) {   /* PyUnicode_FromString: strict UTF-8 */
        unsigned char b = (unsigned char)buf[i];
        size_t len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 && b >= 0xC2 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 && b <= 0xF4 ? 4 : 0;
        if (!len || i + len > n) return NULL;
        for (size_t k = 1; k < len; k++)
            if (((unsigned char)buf[i + k] & 0xC0) != 0x80) return NULL;
        if (len == 3 && ((b == 0xE0 && (unsigned char)buf[i + 1] < 0xA0) || (b == 0xED && (unsigned char)buf[i + 1] >= 0xA0)))
            return NULL;
        if (len == 4 && ((b == 0xF0 && (unsigned char)buf[i + 1] < 0x90) || (b == 0xF4 && (unsigned char)buf[i + 1] >= 0x90)))
            return NULL;
        i += len;
    }
    return strdup(buf);
}

void compile_error(Compiler *c, ASTNode *n, const char *fmt, ...) {
    if (c->failed) return;
    c->failed = true;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ASTNode at;   /* no node: where the compiler is */
    if (!n && c->u) {
        memset(&at, 0, sizeof at);
        at.lineno = c->u->loc.line;
        at.end_lineno = c->u->loc.end_line;
        at.col_offset = c->u->loc.col < 0 ? 0 : c->u->loc.col;
        at.end_col_offset = c->u->loc.end_col < 0 ? 0 : c->u->loc.end_col;
        n = &at;
    }
    int line = n ? n->lineno : 1;
    char *text = program_text(c->filename, line);
    /* CPython's compiler reports byte offsets, plus one. */
    int off = n ? n->col_offset + 1 : 1;
    int eoff = n ? n->end_col_offset + 1 : 1;
    Value e = make_syntax_error(&exc_SyntaxError, c->filename, msg, line, off, n ? n->end_lineno : line, eoff, text);
    free(text);
    if (e) err_set_object(e);
    c->error = e;
}

/* A SyntaxWarning from the compiler (`is` with a literal, an always-true
 * assert, a missed comma), at node n.  A filter that makes it an error gets a
 * SyntaxError at n instead, as CPython's compiler_warn does. */
void compile_warn(Compiler *c, ASTNode *n, const char *fmt, ...) {
    if (c->failed) return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    extern int warn_explicit_cstr(Type *category, const char *msg, Value filename, int lineno);
    if (warn_explicit_cstr(&exc_SyntaxWarning, msg, c->filename, n->lineno) >= 0) return;
    if (err_matches(&exc_SyntaxWarning)) {
        err_clear();
        compile_error(c, n, "%s", msg);
        return;
    }
    c->failed = true;
    c->error = err_fetch();
    err_set_object(c->error);
}

bool compile_forbidden_name(Compiler *c, const char *name, bool del) {
    if (strcmp(name, "__debug__") != 0) return false;
    ASTNode at;
    memset(&at, 0, sizeof at);
    at.lineno = c->u->loc.line;
    at.end_lineno = c->u->loc.end_line;
    at.col_offset = c->u->loc.col;
    at.end_col_offset = c->u->loc.end_col;
    compile_error(c, &at, del ? "cannot delete __debug__" : "cannot assign to __debug__");
    return true;
}

bool compile_check_keywords(Compiler *c, ASTSeq *kws) {
    for (int i = 0; i < AST_SEQ_LEN(kws); i++) {
        const char *k = AST_SEQ_GET(kws, i)->v.keyword.arg;
        if (!k) continue;
        if (compile_forbidden_name(c, k, false)) return false;
        for (int j = i + 1; j < AST_SEQ_LEN(kws); j++) {
            ASTNode *other = AST_SEQ_GET(kws, j);
            if (other->v.keyword.arg && strcmp(k, other->v.keyword.arg) == 0) {
                compile_error(c, other, "keyword argument repeated: %s", k);
                return false;
            }
        }
    }
    return true;
}

bool compile_check_debug_args(Compiler *c, ASTNode *args) {
    struct ast_arguments *a = &args->v.arguments;
    ASTSeq *seqs[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int s = 0; s < 3; s++)
        for (int i = 0; i < AST_SEQ_LEN(seqs[s]); i++)
            if (compile_forbidden_name(c, AST_SEQ_GET(seqs[s], i)->v.arg.arg, false)) return false;
    if (a->vararg && compile_forbidden_name(c, a->vararg->v.arg.arg, false)) return false;
    if (a->kwarg && compile_forbidden_name(c, a->kwarg->v.arg.arg, false)) return false;
    return true;
}

/* ---- Emission ---- */

static void grow_code(Compiler *c) {
    Unit *u = c->u;
    if (u->ncode < u->capcode) return;
    int cap = u->capcode ? u->capcode * 2 : 64;
    uint32_t *code = realloc(u->code, sizeof(uint32_t) * (size_t)cap);
    CodeLoc *locs = realloc(u->locs, sizeof(CodeLoc) * (size_t)cap);
    uint8_t *live = realloc(u->live, (size_t)cap);
    if (live) u->live = live;
    if (!code || !locs || !live) {
        fprintf(stderr, "taipan: out of memory in the compiler\n");
        abort();
    }
    u->code = code;
    u->locs = locs;
    u->capcode = cap;
}

/*
 * The collector scans a frame's registers precisely: at each instruction only
 * registers below live[pc] can hold values the code will still use (the
 * temporaries above were released).  Registers are allocated like a stack, so
 * the allocation top when the instruction is emitted bounds them; the
 * instruction's own operands are added for safety.
 */
static int live_bound(Compiler *c, uint32_t ins) {
    int live = c->u->next_reg;
    int op = INS_OP(ins), a = (int)INS_A(ins), b = (int)INS_B(ins), cc = (int)INS_C(ins);
    int top = 0;
    switch (op) {
    case OP_CALL: case OP_CALLKW: top = a + b + 1; break;
    case OP_CALLMETHOD: case OP_CALLMETHODKW: top = a + b + 2; break;
    case OP_LOADMETHOD: case OP_BEFOREWITH: case OP_FORITER: top = a + 2; break;
    case OP_BUILDTUPLE: case OP_BUILDLIST: case OP_BUILDSET: case OP_BUILDSTRING: top = b + cc; break;
    case OP_BUILDDICT: top = b + 2 * cc; break;
    case OP_UNPACK: top = a + cc; break;
    case OP_CALLEX: top = b + 3; break;
    case OP_BUILDSLICE: top = b + cc; break;
    case OP_LOADCLOSURE: top = a + cc; break;
    default: break;
    }
    if (opcode_format[op] != FMT_sJ && a + 1 > top) top = a + 1;
    if (top > live) live = top;
    return live > 255 ? 255 : live;
}

int emit(Compiler *c, uint32_t ins) {
    Unit *u = c->u;
    grow_code(c);
    u->locs[u->ncode] = u->loc;
    u->code[u->ncode] = ins;
    u->live[u->ncode] = (uint8_t)live_bound(c, ins);
    return u->ncode++;
}

int emit_x(Compiler *c, uint32_t ins, uint32_t extra) {
    int at = emit(c, ins);
    Unit *u = c->u;
    grow_code(c);
    /* The extra word is data, not an instruction: it shares its instruction's
     * location and liveness. */
    u->locs[u->ncode] = u->locs[at];
    u->code[u->ncode] = extra;
    u->live[u->ncode] = u->live[at];
    u->ncode++;
    return at;
}

int here(Compiler *c) { return c->u->ncode; }

void set_loc(Compiler *c, ASTNode *n) {
    if (!n) return;
    c->u->loc.line = n->lineno;
    c->u->loc.end_line = n->end_lineno;
    c->u->loc.col = n->col_offset;
    c->u->loc.end_col = n->end_col_offset;
}

int emit_jump(Compiler *c, int op, int a) {
    if (op == OP_JUMP) return emit(c, MK_sJ(OP_JUMP, 0));
    return emit(c, MK_AsBx(op, a, 0));
}

/* Jumps are relative to the instruction after the jump (and its X word). */
void patch_jump(Compiler *c, int at, int target) {
    Unit *u = c->u;
    if (c->failed) return;
    uint32_t ins = u->code[at];
    int op = INS_OP(ins);
    int next = at + 1 + ((opcode_flags[op] & OPF_X) ? 1 : 0);
    int off = target - next;
    if (opcode_format[op] == FMT_sJ) {
        if (off > SJ_MAX || off < -SJ_MAX) {
            compile_error(c, NULL, "function too large");
            return;
        }
        u->code[at] = MK_sJ(op, off);
    } else {
        if (off > SBX_MAX || off < -SBX_MAX) {
            /* Too far for a 16-bit offset: re-route through a trampoline JUMP. */
            compile_error(c, NULL, "code block too large");
            return;
        }
        u->code[at] = MK_AsBx(op, INS_A(ins), off);
    }
}

void emit_jump_to(Compiler *c, int op, int a, int target) {
    int at = op == OP_LOOP ? emit_x(c, MK_sJ(OP_LOOP, 0), 0) : emit_jump(c, op, a);
    patch_jump(c, at, target);
}

/* ---- Registers ---- */

int reg_alloc(Compiler *c) {
    Unit *u = c->u;
    int r = u->next_reg++;
    if (u->next_reg > u->max_reg) u->max_reg = u->next_reg;
    if (r >= MAX_REGS) {
        compile_error(c, NULL, "too many registers needed (expression or function too complex)");
        return 0;
    }
    return r;
}

int reg_alloc_n(Compiler *c, int n) {
    Unit *u = c->u;
    int r = u->next_reg;
    u->next_reg += n;
    if (u->next_reg > u->max_reg) u->max_reg = u->next_reg;
    if (u->next_reg > MAX_REGS) {
        compile_error(c, NULL, "too many registers needed (expression or function too complex)");
        return 0;
    }
    return r;
}

void reg_free_to(Compiler *c, int mark) { c->u->next_reg = mark; }

/* ---- Tables ---- */

Value intern_id(const char *name) { return str_intern_cstr(name); }

/* Constants are shared by value, but 1, 1.0 and True (equal in Python)
 * must stay distinct, and so must 0.0 and -0.0: the key carries the type
 * and, for floats, the bit pattern. */
static Value const_key(Value v) {
    if (float_check_exact(v)) {
        double d = float_value(v);
        int64_t bits;
        memcpy(&bits, &d, sizeof bits);
        return tuple_pack(2, obj_val(&type_float), int_from_i64(bits));
    }
    if (tuple_check_exact(v)) {
        Value t = tuple_new((size_t)tuple_size(v) + 1);
        if (!t) return VNULL;
        tuple_items(t)[0] = obj_val(&type_tuple);
        for (ssize_t i = 0; i < tuple_size(v); i++) {
            Value k = const_key(tuple_get(v, i));
            if (!k) return VNULL;
            tuple_items(t)[i + 1] = k;
        }
        return t;
    }
    extern Type type_code, type_frozenset;
    if (!val_is_int(v) && val_type(v) == &type_code) return VNULL;
    if (val_type(v) == &type_frozenset) {
        /* Equal frozensets share one constant (CPython's constant merging),
         * so a later display of the same items iterates like the first. */
        extern Value set_from_iterable(Type *t, Value it);
        Value keys = list_new(0);
        if (!keys) return VNULL;
        Value it = obj_iter(v), x;
        if (!it) return VNULL;
        while ((x = obj_next(it))) {
            Value k = const_key(x);
            if (!k || list_append(keys, k) < 0) return VNULL;
        }
        Value fk = set_from_iterable(&type_frozenset, keys);
        return fk ? tuple_pack(2, obj_val(&type_frozenset), fk) : VNULL;
    }
    if (val_type(v) != &type_str && val_type(v) != &type_int && val_type(v) != &type_bool &&
        v != VNone && v != VEllipsis && !val_is_int(v)) {
        extern Type type_bytes;
        if (val_type(v) != &type_bytes) return VNULL;
    }
    return tuple_pack(2, obj_val(val_type(v)), v);
}

/* CPython interns the str constants made of name characters only (and so
 * marshal writes them as interned); identifiers compare by pointer. */
static Value intern_name_like(Value v) {
    if (val_is_int(v)) return v;
    extern Type type_frozenset;
    if (val_type(v) == &type_tuple) {
        /* A constant tuple is fresh from the compiler: its items may be replaced by equal ones. */
        for (ssize_t i = 0; i < tuple_size(v); i++) tuple_items(v)[i] = intern_name_like(tuple_get(v, i));
        return v;
    }
    if (val_type(v) == &type_frozenset) {
        extern Value set_from_iterable(Type *t, Value it);
        Value items = list_new(0), it = obj_iter(v), x;
        if (!items || !it) return v;
        bool changed = false;
        while ((x = obj_next(it))) {
            Value ix = intern_name_like(x);
            changed |= ix != x;
            if (list_append(items, ix) < 0) return v;
        }
        /* Rebuilt only when needed: the table order of colliding hashes is visible. */
        if (!changed || err_occurred()) {
            err_clear();
            return v;
        }
        Value fs = set_from_iterable(&type_frozenset, items);
        if (!fs) err_clear();
        return fs ? fs : v;
    }
    if (val_type(v) != &type_str) return v;
    const char *s = str_data(v);
    for (size_t i = 0; i < str_size(v); i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_'))
            return v;
    }
    Value iv = str_intern(v);
    return iv ? iv : v;
}

int add_const(Compiler *c, Value v) {
    Unit *u = c->u;
    v = intern_name_like(v);
    Value key = const_key(v);
    if (key) {
        Value idx = dict_get(u->const_index, key);
        if (idx) return (int)val_int(idx);
    }
    err_clear();
    int n = (int)list_size(u->consts);
    if (n >= 65535) {
        compile_error(c, NULL, "too many constants");
        return 0;
    }
    list_append(u->consts, v);
    if (key) dict_set(u->const_index, key, val_from_int(n));
    return n;
}

int add_name(Compiler *c, const char *name) {
    Unit *u = c->u;
    Value s = intern_id(name);
    Value idx = dict_get_str(u->name_index, s);
    if (idx) return (int)val_int(idx);
    int n = (int)list_size(u->names);
    if (n >= 65535) {
        compile_error(c, NULL, "too many names");
        return 0;
    }
    list_append(u->names, s);
    dict_set(u->name_index, s, val_from_int(n));
    return n;
}

int add_site(Compiler *c, const char *name) {
    Unit *u = c->u;
    int n = (int)list_size(u->site_names);
    list_append(u->site_names, intern_id(name));
    return n;
}

/* ---- Exception regions ---- */

static int protect_begin(Compiler *c, int reg) {
    Unit *u = c->u;
    if (u->nprotects >= (int)ARRAY_LEN(u->protects)) {
        compile_error(c, NULL, "too many statically nested blocks");
        return 0;
    }
    Protect *p = &u->protects[u->nprotects];
    static int next_id = 1;
    p->start = here(c);
    p->reg = reg;
    p->depth = u->nprotects;
    p->handler_patch = next_id++;
    return u->nprotects++;
}

static void add_exc_entry(Compiler *c, Protect *p, int end) {
    Unit *u = c->u;
    if (p->start < 0 || end <= p->start) return;
    if (u->nexc == u->capexc) {
        u->capexc = u->capexc ? u->capexc * 2 : 16;
        u->exc = realloc(u->exc, sizeof(ExcEntry) * (size_t)u->capexc);
        u->exc_depth = realloc(u->exc_depth, sizeof(int) * 2 * (size_t)u->capexc);
        if (!u->exc || !u->exc_depth) abort();
    }
    /* handler holds the protect's id until protect_handler() resolves it. */
    u->exc[u->nexc] = (ExcEntry){(uint32_t)p->start, (uint32_t)end, (uint32_t)p->handler_patch, (uint32_t)p->reg};
    u->exc_depth[2 * u->nexc] = p->depth;
    u->exc_depth[2 * u->nexc + 1] = 1; /* unresolved */
    u->nexc++;
}

static void protect_suspend(Compiler *c, int idx) {
    Protect *p = &c->u->protects[idx];
    add_exc_entry(c, p, here(c));
    p->start = -1;
}

static void protect_resume(Compiler *c, int idx) { c->u->protects[idx].start = here(c); }

/* Close the region; returns its id for protect_handler(). */
static int protect_end(Compiler *c, int idx) {
    Unit *u = c->u;
    Protect *p = &u->protects[idx];
    add_exc_entry(c, p, here(c));
    int id = p->handler_patch;
    if (idx == u->nprotects - 1) u->nprotects--;
    return id;
}

/* The handler of region `id` starts here. */
static void protect_handler(Compiler *c, int id) {
    Unit *u = c->u;
    for (int i = 0; i < u->nexc; i++)
        if (u->exc_depth[2 * i + 1] && u->exc[i].handler == (uint32_t)id) {
            u->exc[i].handler = (uint32_t)here(c);
            u->exc_depth[2 * i + 1] = 0;
        }
}

/* ---- Blocks (loops, try, with) for break/continue/return ---- */

static FBlock *fblock_push(Compiler *c, int kind, int protect) {
    Unit *u = c->u;
    if (u->nfblocks >= (int)ARRAY_LEN(u->fblocks)) {
        compile_error(c, NULL, "too many statically nested blocks");
        return &u->fblocks[0];
    }
    FBlock *b = &u->fblocks[u->nfblocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->protect = protect;
    b->reg = -1;
    return b;
}

static void fblock_pop(Compiler *c) {
    FBlock *b = &c->u->fblocks[c->u->nfblocks - 1];
    free(b->break_more);
    c->u->nfblocks--;
}

static void add_break(Compiler *c, FBlock *b, int at) {
    if (b->nbreak < (int)ARRAY_LEN(b->break_patches)) {
        b->break_patches[b->nbreak++] = at;
        return;
    }
    if (b->nbreak_more == b->capbreak_more) {
        b->capbreak_more = b->capbreak_more ? b->capbreak_more * 2 : 64;
        b->break_more = realloc(b->break_more, sizeof(int) * (size_t)b->capbreak_more);
        if (!b->break_more) abort();
    }
    b->break_more[b->nbreak_more++] = at;
}

static void patch_breaks(Compiler *c, FBlock *b, int target) {
    for (int i = 0; i < b->nbreak; i++) patch_jump(c, b->break_patches[i], target);
    for (int i = 0; i < b->nbreak_more; i++) patch_jump(c, b->break_more[i], target);
}

static void call_exit_none(Compiler *c, int exitreg, bool is_async) {
    int mark = c->u->next_reg;
    int t = reg_alloc_n(c, 4);
    emit(c, MK_ABC(OP_MOVE, t, exitreg, 0));
    for (int i = 1; i <= 3; i++) emit(c, MK_ABC(OP_LOADNONE, t + i, 0, 0));
    emit(c, MK_ABC(OP_CALL, t, 3, 0));
    if (is_async) {
        emit(c, MK_ABC(OP_GETAWAITABLE, t, t, 2));
        emit(c, MK_ABC(OP_YIELDFROM, t, t, 1));
    }
    reg_free_to(c, mark);
}

/*
 * Leave blocks [stop, nfblocks) for a return, break or continue: run
 * finally bodies and __exit__s inline, restore the handled exception.
 * The exception regions of the blocks left are suspended around that
 * code (an exception in an inline finally must not run it again);
 * returns how many regions to resume after the jump.
 */
static int unwind_blocks(Compiler *c, int stop, int *suspended) {
    Unit *u = c->u;
    int nsusp = 0;
    for (int i = u->nfblocks - 1; i >= stop; i--) {
        FBlock *b = &u->fblocks[i];
        if (b->protect >= 0 && u->protects[b->protect].start >= 0) {
            protect_suspend(c, b->protect);
            suspended[nsusp++] = b->protect;
        }
        switch (b->kind) {
        case FB_TRY_FINALLY: {
            /* Compile the finally body as if the block were gone. */
            int saved = u->nfblocks;
            FBlock copy = *b;
            u->nfblocks = i;
            compile_stmts(c, copy.finally_body->v.Try.finalbody);
            u->nfblocks = saved;
            break;
        }
        case FB_HANDLER:
            emit(c, MK_ABC(OP_POPEXC, b->reg, 0, 0));
            if (b->finally_body) {
                /* except E as name: the name is unbound on the way out */
                const char *name = (const char *)b->finally_body;
                int r = reg_alloc(c);
                emit(c, MK_ABC(OP_LOADNONE, r, 0, 0));
                name_store(c, name, r);
                name_delete(c, name, NULL);
                reg_free_to(c, r);
            }
            break;
        case FB_WITH:
            call_exit_none(c, b->reg, b->with_async);
            break;
        default:
            break;
        }
    }
    return nsusp;
}

static void resume_all(Compiler *c, int *suspended, int n) {
    for (int i = n - 1; i >= 0; i--) protect_resume(c, suspended[i]);
}

/* ---- Statements ---- */

static void compile_stmt(Compiler *c, ASTNode *s);

/* await R[reg], leaving the result in R[reg].  where: 0 an await
 * expression, 1 the result of __aenter__, 2 that of __aexit__ (for the
 * error message). */
static void emit_await_of(Compiler *c, int reg, int where) {
    emit(c, MK_ABC(OP_GETAWAITABLE, reg, reg, where));
    emit(c, MK_ABC(OP_YIELDFROM, reg, reg, 1));
}
static void emit_await(Compiler *c, int reg) { emit_await_of(c, reg, 0); }

void compile_stmts(Compiler *c, ASTSeq *body) {
    for (int i = 0; i < AST_SEQ_LEN(body) && !c->failed; i++) compile_stmt(c, AST_SEQ_GET(body, i));
}

static void compile_if(Compiler *c, ASTNode *s) {
    int jf[64], nf = 0;
    jump_if(c, s->v.If.test, false, jf, &nf);
    LocalSet at_test = bound_get(c);
    compile_stmts(c, s->v.If.body);
    LocalSet after_body = bound_get(c);
    bound_set(c, at_test);
    if (AST_SEQ_LEN(s->v.If.orelse)) {
        int end = emit_jump(c, OP_JUMP, 0);
        for (int i = 0; i < nf; i++) patch_jump(c, jf[i], here(c));
        compile_stmts(c, s->v.If.orelse);
        patch_jump(c, end, here(c));
    } else {
        for (int i = 0; i < nf; i++) patch_jump(c, jf[i], here(c));
    }
    bound_intersect(c, after_body);
}

static void compile_while(Compiler *c, ASTNode *s) {
    int top = here(c);
    int jf[64], nf = 0;
    /* The loop head is reached again after the body: only what the body
     * cannot delete stays certainly bound there, and after the loop. */
    bound_forget_deleted(c, s->v.While.body);
    LocalSet head = bound_get(c);
    jump_if(c, s->v.While.test, false, jf, &nf);
    FBlock *b = fblock_push(c, FB_LOOP, -1);
    b->continue_target = top;
    compile_stmts(c, s->v.While.body);
    set_loc(c, s);
    emit_jump_to(c, OP_LOOP, 0, top);
    for (int i = 0; i < nf; i++) patch_jump(c, jf[i], here(c));
    b = &c->u->fblocks[c->u->nfblocks - 1];
    FBlock saved = *b;
    fblock_pop(c);
    bound_set(c, head);
    compile_stmts(c, s->v.While.orelse);
    bound_intersect(c, head);
    patch_breaks(c, &saved, here(c));
}

static void compile_for(Compiler *c, ASTNode *s) {
    int mark = c->u->next_reg;
    int it = reg_alloc_n(c, 2);
    int src = expr(c, s->v.For.iter);
    set_loc(c, s->v.For.iter);
    emit(c, MK_ABC(OP_GETITER, it, src, 0));
    reg_free_to(c, it + 2);
    bound_forget_deleted(c, s->v.For.body);
    LocalSet head = bound_get(c);
    int top = here(c);
    set_loc(c, s);
    int exit = emit_jump(c, OP_FORITER, it);
    FBlock *b = fblock_push(c, FB_FOR_LOOP, -1);
    b->continue_target = top;
    store_target(c, s->v.For.target, it + 1);
    compile_stmts(c, s->v.For.body);
    set_loc(c, s);
    emit_jump_to(c, OP_LOOP, 0, top);
    patch_jump(c, exit, here(c));
    b = &c->u->fblocks[c->u->nfblocks - 1];
    FBlock saved = *b;
    saved.break_more = b->break_more;
    b->break_more = NULL;
    fblock_pop(c);
    bound_set(c, head);
    compile_stmts(c, s->v.For.orelse);
    bound_intersect(c, head);
    patch_breaks(c, &saved, here(c));
    free(saved.break_more);
    reg_free_to(c, mark);
}

/* async for: __anext__ is awaited inside a region whose StopAsyncIteration ends the loop. */
static void compile_async_for(Compiler *c, ASTNode *s) {
    int mark = c->u->next_reg;
    int it = reg_alloc_n(c, 2);
    int src = expr(c, s->v.AsyncFor.iter);
    set_loc(c, s->v.AsyncFor.iter);
    emit(c, MK_ABC(OP_GETAITER, it, src, 0));
    reg_free_to(c, it + 2);
    int exc = reg_alloc(c), m = reg_alloc(c);
    bound_forget_deleted(c, s->v.AsyncFor.body);
    LocalSet head = bound_get(c);
    int top = here(c);
    set_loc(c, s);
    int p = protect_begin(c, exc);
    emit(c, MK_ABC(OP_GETANEXT, it + 1, it, 0));
    emit_await(c, it + 1);
    int pid = protect_end(c, p);
    FBlock *b = fblock_push(c, FB_FOR_LOOP, -1);
    b->continue_target = top;
    store_target(c, s->v.AsyncFor.target, it + 1);
    compile_stmts(c, s->v.AsyncFor.body);
    set_loc(c, s);
    emit_jump_to(c, OP_LOOP, 0, top);
    /* The handler: StopAsyncIteration ends the loop, anything else propagates. */
    bound_set(c, head);
    protect_handler(c, pid);
    int t = reg_alloc(c);
    emit(c, MK_ABx(OP_LOADK, t, add_const(c, obj_val(&exc_StopAsyncIteration))));
    emit(c, MK_ABC(OP_CHECKEXC, m, exc, t));
    int jstop = emit_jump(c, OP_JUMPIFTRUE, m);
    emit(c, MK_ABC(OP_RERAISE, exc, 0, 0));
    patch_jump(c, jstop, here(c));
    b = &c->u->fblocks[c->u->nfblocks - 1];
    FBlock saved = *b;
    saved.break_more = b->break_more;
    b->break_more = NULL;
    fblock_pop(c);
    bound_set(c, head);
    compile_stmts(c, s->v.AsyncFor.orelse);
    bound_intersect(c, head);
    patch_breaks(c, &saved, here(c));
    free(saved.break_more);
    reg_free_to(c, mark);
}

static void compile_break_continue(Compiler *c, ASTNode *s, bool is_break) {
    Unit *u = c->u;
    int loop = -1;
    for (int i = u->nfblocks - 1; i >= 0; i--)
        if (u->fblocks[i].kind == FB_LOOP || u->fblocks[i].kind == FB_FOR_LOOP) {
            loop = i;
            break;
        }
    if (loop < 0) {
        compile_error(c, s, is_break ? "'break' outside loop" : "'continue' not properly in loop");
        return;
    }
    for (int i = loop + 1; i < u->nfblocks; i++)
        if (u->fblocks[i].kind == FB_EXCEPT_STAR) {
            compile_error(c, s, "'break', 'continue' and 'return' cannot appear in an except* block");
            return;
        }
    int susp[64];
    int n = unwind_blocks(c, loop + 1, susp);
    set_loc(c, s);
    if (is_break) add_break(c, &u->fblocks[loop], emit_jump(c, OP_JUMP, 0));
    else emit_jump_to(c, OP_LOOP, 0, u->fblocks[loop].continue_target);
    resume_all(c, susp, n);
}

static void compile_return(Compiler *c, ASTNode *s) {
    Unit *u = c->u;
    if (u->scope->kind != SCOPE_FUNCTION || u->scope->is_comprehension) {
        compile_error(c, s, "'return' outside function");
        return;
    }
    ASTNode *v = s->v.Return.value;
    if (v && u->scope->is_coroutine && u->scope->is_generator) {
        compile_error(c, s, "'return' with value in async generator");
        return;
    }
    for (int i = 0; i < u->nfblocks; i++)
        if (u->fblocks[i].kind == FB_EXCEPT_STAR) {
            /* CPython reports it at a constant returned value (its NOP's location). */
            compile_error(c, v && v->kind == AST_Constant ? v : s, "'break', 'continue' and 'return' cannot appear in an except* block");
            return;
        }
    int mark = u->next_reg;
    bool needs_unwind = u->nfblocks > 0;
    for (int i = 0; i < u->nfblocks; i++)
        if (u->fblocks[i].kind != FB_LOOP && u->fblocks[i].kind != FB_FOR_LOOP) needs_unwind = true;
    int r = -1;
    if (v) {
        if (needs_unwind) {
            /* The value must survive the inline finally code. */
            r = reg_alloc(c);
            into(c, v, r);
        } else {
            r = expr(c, v);
        }
    }
    int susp[64];
    int n = unwind_blocks(c, 0, susp);
    set_loc(c, s);
    if (r >= 0) emit(c, MK_ABC(OP_RETURN, r, 0, 0));
    else emit(c, MK_ABC(OP_RETURNNONE, 0, 0, 0));
    resume_all(c, susp, n);
    reg_free_to(c, mark);
}

static void compile_raise(Compiler *c, ASTNode *s) {
    int mark = c->u->next_reg;
    if (!s->v.Raise.exc) {
        emit(c, MK_ABC(OP_RAISE, 0, 0, 0));
        return;
    }
    int e = reg_alloc(c);
    into(c, s->v.Raise.exc, e);
    int cause = 0;
    if (s->v.Raise.cause) {
        cause = reg_alloc(c);
        into(c, s->v.Raise.cause, cause);
    }
    set_loc(c, s);
    emit(c, MK_ABC(OP_RAISE, e, cause, s->v.Raise.cause ? 2 : 1));
    reg_free_to(c, mark);
}

static void compile_try_except(Compiler *c, ASTNode *s) {
    Unit *u = c->u;
    int mark = u->next_reg;
    int exc = reg_alloc(c);
    int p = protect_begin(c, exc);
    /* A handler can be entered from anywhere in the body. */
    LocalSet at_handler;
    {
        LocalSet cur = bound_get(c);
        bound_forget_deleted(c, s->v.Try.body);
        at_handler = bound_get(c);
        bound_set(c, cur);
    }
    fblock_push(c, FB_LOOP + 100, p); /* a try-except body: only suspends on exit */
    compile_stmts(c, s->v.Try.body);
    fblock_pop(c);
    int pid = protect_end(c, p);
    compile_stmts(c, s->v.Try.orelse);
    LocalSet after = bound_get(c);   /* intersected with each handler's end */
    int ends[256], nends = 0;
    ends[nends++] = emit_jump(c, OP_JUMP, 0);

    /* Handler dispatch: the exception is in `exc`. */
    protect_handler(c, pid);
    int saved = reg_alloc(c);
    emit(c, MK_ABC(OP_PUSHEXC, saved, exc, 0));
    int exc2 = reg_alloc(c);
    int p2 = protect_begin(c, exc2);
    FBlock *hb = fblock_push(c, FB_HANDLER, p2);
    hb->reg = saved;
    ASTSeq *handlers = s->v.Try.handlers;
    for (int i = 0; i < AST_SEQ_LEN(handlers) && !c->failed; i++) {
        ASTNode *h = AST_SEQ_GET(handlers, i);
        set_loc(c, h);
        bound_set(c, at_handler);
        int jnext = -1;
        int m2 = u->next_reg;
        if (h->v.ExceptHandler.type) {
            int t = expr(c, h->v.ExceptHandler.type);
            int m = reg_alloc(c);
            set_loc(c, h);
            emit(c, MK_ABC(OP_CHECKEXC, m, exc, t));
            jnext = emit_jump(c, OP_JUMPIFFALSE, m);
            reg_free_to(c, m2);
        } else if (i != AST_SEQ_LEN(handlers) - 1) {
            compile_error(c, h, "default 'except:' must be last");
            break;
        }
        const char *name = h->v.ExceptHandler.name;
        if (name) {
            name_store(c, name, exc);
            int exc3 = reg_alloc(c);
            int p3 = protect_begin(c, exc3);
            FBlock *nb = fblock_push(c, FB_HANDLER, p3);
            nb->reg = saved;
            nb->finally_body = (ASTNode *)name;
            compile_stmts(c, h->v.ExceptHandler.body);
            fblock_pop(c);
            int pid3 = protect_end(c, p3);
            /* normal exit: name = None; del name; restore */
            int r = reg_alloc(c);
            emit(c, MK_ABC(OP_LOADNONE, r, 0, 0));
            name_store(c, name, r);
            name_delete(c, name, NULL);
            emit(c, MK_ABC(OP_POPEXC, saved, 0, 0));
            bound_intersect(c, after);
            after = bound_get(c);
            if (nends < 256) ends[nends++] = emit_jump(c, OP_JUMP, 0);
            /* exceptional exit from the body: unbind the name, then let p2 restore */
            protect_handler(c, pid3);
            emit(c, MK_ABC(OP_LOADNONE, r, 0, 0));
            name_store(c, name, r);
            name_delete(c, name, NULL);
            emit(c, MK_ABC(OP_RERAISE, exc3, 1, 0));
        } else {
            /* The handler fblock's reg restores the handled exception on return/break. */
            FBlock *nb = fblock_push(c, FB_HANDLER, -1);
            nb->reg = saved;
            compile_stmts(c, h->v.ExceptHandler.body);
            fblock_pop(c);
            emit(c, MK_ABC(OP_POPEXC, saved, 0, 0));
            bound_intersect(c, after);
            after = bound_get(c);
            if (nends < 256) ends[nends++] = emit_jump(c, OP_JUMP, 0);
            else compile_error(c, h, "too many except clauses");
        }
        reg_free_to(c, m2);
        if (jnext >= 0) patch_jump(c, jnext, here(c));
    }
    /* No clause matched: re-raise (at the last clause's line, as CPython);
     * the cleanup below restores the handled exception. */
    if (AST_SEQ_LEN(handlers)) set_loc(c, AST_SEQ_GET(handlers, AST_SEQ_LEN(handlers) - 1));
    emit(c, MK_ABC(OP_RERAISE, exc, 0, 0));
    fblock_pop(c);
    int pid2 = protect_end(c, p2);
    protect_handler(c, pid2);
    emit(c, MK_ABC(OP_POPEXC, saved, 0, 0));
    emit(c, MK_ABC(OP_RERAISE, exc2, 1, 0));
    for (int i = 0; i < nends; i++) patch_jump(c, ends[i], here(c));
    bound_set(c, after);
    reg_free_to(c, mark);
}

/* try/except* (PEP 654).  The caught exception `exc` is matched clause by
 * clause: CHECKEGMATCH splits the part still unhandled (`rest`) into what
 * the clause's type matches and a new rest, and makes the match the handled
 * exception while the clause runs.  What a clause raises is collected in a
 * list, with the final rest last; PREPRERAISESTAR turns that into the one
 * exception to raise (re-raised parts regrouped in the original's shape),
 * or None. */
static void compile_try_star(Compiler *c, ASTNode *s) {
    Unit *u = c->u;
    int mark = u->next_reg;
    int exc = reg_alloc(c);
    int p = protect_begin(c, exc);
    LocalSet at_handler;
    {
        LocalSet cur = bound_get(c);
        bound_forget_deleted(c, s->v.TryStar.body);
        at_handler = bound_get(c);
        bound_set(c, cur);
    }
    fblock_push(c, FB_LOOP + 100, p); /* as in compile_try_except */
    compile_stmts(c, s->v.TryStar.body);
    fblock_pop(c);
    int pid = protect_end(c, p);
    compile_stmts(c, s->v.TryStar.orelse);
    LocalSet after = bound_get(c);
    int end = emit_jump(c, OP_JUMP, 0);

    protect_handler(c, pid);
    bound_set(c, at_handler);
    int saved = reg_alloc(c);
    emit(c, MK_ABC(OP_PUSHEXC, saved, exc, 0));
    int exc2 = reg_alloc(c);
    int p2 = protect_begin(c, exc2);
    FBlock *hb = fblock_push(c, FB_HANDLER, p2);
    hb->reg = saved;
    int res = reg_alloc(c);
    emit(c, MK_ABC(OP_BUILDLIST, res, 0, 0));
    int rest = reg_alloc(c);
    emit(c, MK_ABC(OP_MOVE, rest, exc, 0));
    ASTSeq *handlers = s->v.TryStar.handlers;
    for (int i = 0; i < AST_SEQ_LEN(handlers) && !c->failed; i++) {
        ASTNode *h = AST_SEQ_GET(handlers, i);
        LocalSet before = bound_get(c);
        int m2 = u->next_reg;
        int t = expr(c, h->v.ExceptHandler.type);
        int m = reg_alloc_n(c, 2);
        set_loc(c, h);
        emit(c, MK_ABC(OP_CHECKEGMATCH, m, rest, t));
        emit(c, MK_ABC(OP_MOVE, rest, m + 1, 0));
        int jmatch = emit_jump(c, OP_JUMPIFNOTNONE, m);
        int jnext = emit_jump(c, OP_JUMP, 0);
        patch_jump(c, jmatch, here(c));
        const char *name = h->v.ExceptHandler.name;
        if (name) name_store(c, name, m);
        int exc3 = reg_alloc(c);
        int p3 = protect_begin(c, exc3);
        fblock_push(c, FB_EXCEPT_STAR, p3);
        compile_stmts(c, h->v.ExceptHandler.body);
        fblock_pop(c);
        int pid3 = protect_end(c, p3);
        int r = reg_alloc(c);
        if (name) {
            emit(c, MK_ABC(OP_LOADNONE, r, 0, 0));
            name_store(c, name, r);
            name_delete(c, name, NULL);
        }
        int jdone = emit_jump(c, OP_JUMP, 0);
        /* The clause raised: unbind the name and collect the exception. */
        protect_handler(c, pid3);
        if (name) {
            emit(c, MK_ABC(OP_LOADNONE, r, 0, 0));
            name_store(c, name, r);
            name_delete(c, name, NULL);
        }
        emit(c, MK_ABC(OP_LISTAPPEND, res, exc3, 0));
        patch_jump(c, jdone, here(c));
        patch_jump(c, jnext, here(c));
        bound_set(c, before);
        reg_free_to(c, m2);
    }
    emit(c, MK_ABC(OP_LISTAPPEND, res, rest, 0));
    int r = reg_alloc(c);
    emit(c, MK_ABC(OP_PREPRERAISESTAR, r, exc, res));
    int jraise = emit_jump(c, OP_JUMPIFNOTNONE, r);
    emit(c, MK_ABC(OP_POPEXC, saved, 0, 0));
    int end2 = emit_jump(c, OP_JUMP, 0);
    patch_jump(c, jraise, here(c));
    emit(c, MK_ABC(OP_POPEXC, saved, 0, 0));
    emit(c, MK_ABC(OP_RERAISE, r, 0, 0));
    fblock_pop(c);
    int pid2 = protect_end(c, p2);
    protect_handler(c, pid2);
    emit(c, MK_ABC(OP_POPEXC, saved, 0, 0));
    emit(c, MK_ABC(OP_RERAISE, exc2, 1, 0));
    patch_jump(c, end, here(c));
    patch_jump(c, end2, here(c));
    bound_intersect(c, after);
    reg_free_to(c, mark);
}

static void compile_try(Compiler *c, ASTNode *s) {
    bool star = s->kind == AST_TryStar;
    /* The `try:` line itself is reported to trace functions, as in CPython. */
    emit(c, MK_ABC(OP_NOP, 0, 0, 0));
    if (!AST_SEQ_LEN(s->v.Try.finalbody)) {
        if (star) compile_try_star(c, s);
        else compile_try_except(c, s);
        return;
    }
    Unit *u = c->u;
    int mark = u->next_reg;
    int exc = reg_alloc(c);
    LocalSet at_finally_handler;
    {
        LocalSet cur = bound_get(c);
        bound_forget_deleted_stmt(c, s);
        at_finally_handler = bound_get(c);
        bound_set(c, cur);
    }
    int p = protect_begin(c, exc);
    FBlock *b = fblock_push(c, FB_TRY_FINALLY, p);
    b->finally_body = s;
    if (star) compile_try_star(c, s);
    else if (AST_SEQ_LEN(s->v.Try.handlers)) compile_try_except(c, s);
    else compile_stmts(c, s->v.Try.body);
    fblock_pop(c);
    int pid = protect_end(c, p);
    compile_stmts(c, s->v.Try.finalbody);
    LocalSet after = bound_get(c);
    int end = emit_jump(c, OP_JUMP, 0);
    /* Exceptional path: the finally body runs with the exception being handled. */
    bound_set(c, at_finally_handler);
    protect_handler(c, pid);
    int saved = reg_alloc(c);
    emit(c, MK_ABC(OP_PUSHEXC, saved, exc, 0));
    int exc2 = reg_alloc(c);
    int p2 = protect_begin(c, exc2);
    FBlock *hb = fblock_push(c, FB_HANDLER, p2);
    hb->reg = saved;
    compile_stmts(c, s->v.Try.finalbody);
    fblock_pop(c);
    int pid2 = protect_end(c, p2);
    emit(c, MK_ABC(OP_POPEXC, saved, 0, 0));
    emit(c, MK_ABC(OP_RERAISE, exc, 0, 0));
    protect_handler(c, pid2);
    emit(c, MK_ABC(OP_POPEXC, saved, 0, 0));
    emit(c, MK_ABC(OP_RERAISE, exc2, 1, 0));
    patch_jump(c, end, here(c));
    bound_set(c, after);
    reg_free_to(c, mark);
}

static void compile_with_items(Compiler *c, ASTNode *s, int item) {
    Unit *u = c->u;
    bool is_async = s->kind == AST_AsyncWith;
    ASTSeq *items = s->v.With.items;
    if (item >= AST_SEQ_LEN(items)) {
        compile_stmts(c, s->v.With.body);
        return;
    }
    ASTNode *it = AST_SEQ_GET(items, item);
    int mark = u->next_reg;
    int base = reg_alloc_n(c, 2);
    int mgr = expr(c, it->v.withitem.context_expr);
    set_loc(c, it->v.withitem.context_expr);
    emit(c, MK_ABC(OP_BEFOREWITH, base, mgr, is_async));
    reg_free_to(c, base + 2);
    if (is_async) emit_await_of(c, base + 1, 1);
    if (it->v.withitem.optional_vars) store_target(c, it->v.withitem.optional_vars, base + 1);
    /* __exit__ may suppress an exception from anywhere in the body. */
    LocalSet at_exit;
    {
        LocalSet cur = bound_get(c);
        bound_forget_deleted(c, s->v.With.body);
        at_exit = bound_get(c);
        bound_set(c, cur);
    }
    int exc = reg_alloc(c);
    int p = protect_begin(c, exc);
    FBlock *b = fblock_push(c, FB_WITH, p);
    b->reg = base;
    b->with_async = is_async;
    compile_with_items(c, s, item + 1);
    fblock_pop(c);
    int pid = protect_end(c, p);
    set_loc(c, s);
    call_exit_none(c, base, is_async);
    bound_intersect(c, at_exit);
    LocalSet after = bound_get(c);
    int end = emit_jump(c, OP_JUMP, 0);
    bound_set(c, at_exit);
    protect_handler(c, pid);
    int saved = reg_alloc(c);
    emit(c, MK_ABC(OP_PUSHEXC, saved, exc, 0));
    int exc2 = reg_alloc(c);
    int p2 = protect_begin(c, exc2);
    int r = reg_alloc(c);
    emit(c, MK_ABC(OP_WITHEXIT, r, base, exc));
    if (is_async) emit_await_of(c, r, 2);
    int jsup = emit_jump(c, OP_JUMPIFTRUE, r);
    emit(c, MK_ABC(OP_RERAISE, exc, 1, 0));
    patch_jump(c, jsup, here(c));
    emit(c, MK_ABC(OP_POPEXC, saved, 0, 0));
    int pid2 = protect_end(c, p2);
    int end2 = emit_jump(c, OP_JUMP, 0);
    protect_handler(c, pid2);
    emit(c, MK_ABC(OP_POPEXC, saved, 0, 0));
    emit(c, MK_ABC(OP_RERAISE, exc2, 1, 0));
    patch_jump(c, end, here(c));
    patch_jump(c, end2, here(c));
    bound_set(c, after);
    reg_free_to(c, mark);
}

/* The comparison whose position CPython 3.11's failing assert reports: its
 * compiler_jump_if sets the location on each Compare it reaches (through
 * not, and/or and if-else, in source order) without restoring it, so the
 * last one reached positions the AssertionError; NULL: the statement's. */
static ASTNode *assert_position(ASTNode *e) {
    switch (e->kind) {
    case AST_Compare: return e;
    case AST_UnaryOp: return e->v.UnaryOp.op == AST_Not ? assert_position(e->v.UnaryOp.operand) : NULL;
    case AST_BoolOp: {
        ASTNode *last = NULL;
        for (int i = 0; i < AST_SEQ_LEN(e->v.BoolOp.values); i++) {
            ASTNode *p = assert_position(AST_SEQ_GET(e->v.BoolOp.values, i));
            if (p) last = p;
        }
        return last;
    }
    case AST_IfExp: {
        ASTNode *p = assert_position(e->v.IfExp.orelse);
        if (!p) p = assert_position(e->v.IfExp.body);
        if (!p) p = assert_position(e->v.IfExp.test);
        return p;
    }
    default: return NULL;
    }
}

static void compile_assert(Compiler *c, ASTNode *s) {
    ASTNode *test = s->v.Assert.test;
    if (test->kind == AST_Tuple && AST_SEQ_LEN(test->v.Tuple.elts) > 0)
        compile_warn(c, s, "assertion is always true, perhaps remove parentheses?");
    if (c->optimize) return;
    int jt[64], nt = 0;
    jump_if(c, s->v.Assert.test, true, jt, &nt);
    int mark = c->u->next_reg;
    ASTNode *at = assert_position(s->v.Assert.test);
    if (!at) at = s;
    set_loc(c, at);
    if (s->v.Assert.msg) {
        int r = expr(c, s->v.Assert.msg);
        set_loc(c, at);
        emit(c, MK_ABC(OP_ASSERTFAIL, r, 1, 0));
    } else {
        emit(c, MK_ABC(OP_ASSERTFAIL, 0, 0, 0));
    }
    reg_free_to(c, mark);
    for (int i = 0; i < nt; i++) patch_jump(c, jt[i], here(c));
}

static void compile_import(Compiler *c, ASTNode *s) {
    Unit *u = c->u;
    int mark = u->next_reg;
    if (s->kind == AST_Import) {
        ASTSeq *names = s->v.Import.names;
        for (int i = 0; i < AST_SEQ_LEN(names); i++) {
            ASTNode *a = AST_SEQ_GET(names, i);
            set_loc(c, s);   /* CPython positions imports at the statement, not the alias */
            int r = reg_alloc(c);
            emit(c, MK_ABC(OP_LOADNONE, r, 0, 0));
            emit_x(c, MK_ABx(OP_IMPORTNAME, r, add_name(c, a->v.alias.name)), 0);
            const char *name = a->v.alias.name;
            if (a->v.alias.asname) {
                /* import a.b.c as d: d is the submodule */
                const char *dot = strchr(name, '.');
                while (dot) {
                    const char *next = strchr(dot + 1, '.');
                    size_t len = next ? (size_t)(next - dot - 1) : strlen(dot + 1);
                    char *part = ast_arena_strndup(c->arena, dot + 1, len);
                    emit_x(c, MK_ABC(OP_IMPORTFROM, r, r, 0), (uint32_t)add_name(c, part));
                    dot = next;
                }
                set_loc(c, s);
                name_store(c, a->v.alias.asname, r);
            } else {
                const char *dot = strchr(name, '.');
                if (dot) name = ast_arena_strndup(c->arena, name, (size_t)(dot - name));
                set_loc(c, s);
                name_store(c, name, r);
            }
            reg_free_to(c, mark);
        }
        return;
    }
    /* from module import names */
    ASTSeq *names = s->v.ImportFrom.names;
    int level = s->v.ImportFrom.level;
    const char *mod = s->v.ImportFrom.module ? s->v.ImportFrom.module : "";
    int r = reg_alloc(c);
    int n = AST_SEQ_LEN(names);
    Value fromlist = tuple_new((size_t)n);
    if (!fromlist) {
        c->failed = true;
        return;
    }
    for (int i = 0; i < n; i++) tuple_items(fromlist)[i] = str_from_cstr(AST_SEQ_GET(names, i)->v.alias.name);
    set_loc(c, s);
    load_const_value(c, fromlist, r);
    emit_x(c, MK_ABx(OP_IMPORTNAME, r, add_name(c, mod)), (uint32_t)level);
    if (n == 1 && strcmp(AST_SEQ_GET(names, 0)->v.alias.name, "*") == 0) {
        emit(c, MK_ABC(OP_IMPORTSTAR, r, 0, 0));
        reg_free_to(c, mark);
        return;
    }
    int t = reg_alloc(c);
    for (int i = 0; i < n; i++) {
        ASTNode *a = AST_SEQ_GET(names, i);
        emit_x(c, MK_ABC(OP_IMPORTFROM, t, r, 0), (uint32_t)add_name(c, a->v.alias.name));
        name_store(c, a->v.alias.asname ? a->v.alias.asname : a->v.alias.name, t);
    }
    reg_free_to(c, mark);
}

static void compile_annassign(Compiler *c, ASTNode *s) {
    Unit *u = c->u;
    ASTNode *t = s->v.AnnAssign.target;
    int mark = u->next_reg;
    if (s->v.AnnAssign.value) {
        int r = expr(c, s->v.AnnAssign.value);
        store_target(c, t, r);
        reg_free_to(c, mark);
    }
    /* Module and class level: store the annotation in __annotations__. */
    if (u->scope->kind != SCOPE_FUNCTION && t->kind == AST_Name && s->v.AnnAssign.simple) {
        int d = reg_alloc(c);
        int k = reg_alloc(c);
        int v = reg_alloc(c);
        if (c->future_annotations) {
            extern Value ast_unparse_expr(ASTNode *e);
            Value txt = ast_unparse_expr(s->v.AnnAssign.annotation);
            if (!txt) {
                c->failed = true;
                return;
            }
            load_const_value(c, txt, v);
        } else {
            into(c, s->v.AnnAssign.annotation, v);
        }
        set_loc(c, s);
        emit(c, MK_ABx(OP_LOADNAME, d, add_name(c, "__annotations__")));
        load_const_value(c, intern_id(t->v.Name.id), k);
        emit(c, MK_ABC(OP_SETITEM, d, k, v));
        reg_free_to(c, mark);
    } else if (u->scope->kind != SCOPE_FUNCTION && !c->future_annotations) {
        expr_discard(c, s->v.AnnAssign.annotation);
        /* the target's subexpressions are evaluated too (for side effects) */
        if (t->kind == AST_Attribute) expr_discard(c, t->v.Attribute.value);
        else if (t->kind == AST_Subscript) {
            expr_discard(c, t->v.Subscript.value);
            expr_discard(c, t->v.Subscript.slice);
        }
    }
}

static void compile_augassign(Compiler *c, ASTNode *s) {
    ASTNode *t = s->v.AugAssign.target;
    int mark = c->u->next_reg;
    extern int ast_binop_index(ASTOperator op);
    int op = OP_IADD + ast_binop_index(s->v.AugAssign.op);
    switch (t->kind) {
    case AST_Name: {
        int cur = expr(c, t);
        int r = expr(c, s->v.AugAssign.value);
        set_loc(c, s);
        int dst = reg_alloc(c);
        emit(c, MK_ABC(op, dst, cur, r));
        name_store(c, t->v.Name.id, dst);
        break;
    }
    case AST_Attribute: {
        int obj = expr(c, t->v.Attribute.value);
        int cur = reg_alloc(c);
        set_loc(c, t);
        emit_x(c, MK_ABC(OP_GETATTR, cur, obj, 0), (uint32_t)add_site(c, t->v.Attribute.attr));
        int r = expr(c, s->v.AugAssign.value);
        set_loc(c, s);
        emit(c, MK_ABC(op, cur, cur, r));
        set_loc(c, t);
        emit_x(c, MK_ABC(OP_SETATTR, obj, cur, 0), (uint32_t)add_site(c, t->v.Attribute.attr));
        break;
    }
    case AST_Subscript: {
        int obj = expr(c, t->v.Subscript.value);
        int key = expr(c, t->v.Subscript.slice);
        int cur = reg_alloc(c);
        set_loc(c, t);
        emit(c, MK_ABC(OP_GETITEM, cur, obj, key));
        int r = expr(c, s->v.AugAssign.value);
        set_loc(c, s);
        emit(c, MK_ABC(op, cur, cur, r));
        set_loc(c, t);
        emit(c, MK_ABC(OP_SETITEM, obj, key, cur));
        break;
    }
    default:
        compile_error(c, t, "'%s' is an illegal expression for augmented assignment", "expression");
    }
    reg_free_to(c, mark);
}

static void compile_stmt(Compiler *c, ASTNode *s) {
    if (c->failed) return;
    Unit *u = c->u;
    int mark = u->next_reg;
    set_loc(c, s);
    switch (s->kind) {
    case AST_Expr: {
        ASTNode *v = s->v.Expr.value;
        if (c->interactive && u->scope->kind == SCOPE_MODULE) {
            int r = expr(c, v);
            set_loc(c, s);
            emit(c, MK_ABC(OP_PRINTEXPR, r, 0, 0));
        } else if (v->kind == AST_Constant) {
            /* A bare constant (docstrings, `...`) does nothing. */
        } else {
            expr_discard(c, v);
        }
        break;
    }
    case AST_Assign: {
        ASTSeq *targets = s->v.Assign.targets;
        int nt = AST_SEQ_LEN(targets);
        ASTNode *t0 = AST_SEQ_GET(targets, 0);
        /* x = value straight into a local's register. */
        if (nt == 1 && t0->kind == AST_Name && u->scope->kind == SCOPE_FUNCTION) {
            Symbol *sym = scope_find(u->scope, t0->v.Name.id);
            if (sym && sym->scope == SC_LOCAL && sym->index < u->nlow) {
                into(c, s->v.Assign.value, sym->index);
                bound_add(c, sym->index);
                break;
            }
        }
        int r = expr(c, s->v.Assign.value);
        for (int i = 0; i < nt; i++) store_target(c, AST_SEQ_GET(targets, i), r);
        break;
    }
    case AST_AugAssign: compile_augassign(c, s); break;
    case AST_AnnAssign: compile_annassign(c, s); break;
    case AST_Delete:
        for (int i = 0; i < AST_SEQ_LEN(s->v.Delete.targets); i++) delete_target(c, AST_SEQ_GET(s->v.Delete.targets, i));
        break;
    case AST_Pass: emit(c, MK_ABC(OP_NOP, 0, 0, 0)); break;   /* a line for trace functions */
    case AST_If: compile_if(c, s); break;
    case AST_While: compile_while(c, s); break;
    case AST_For: compile_for(c, s); break;
    case AST_Break: compile_break_continue(c, s, true); bound_unreachable(c); break;
    case AST_Continue: compile_break_continue(c, s, false); bound_unreachable(c); break;
    case AST_Return: compile_return(c, s); bound_unreachable(c); break;
    case AST_Raise: compile_raise(c, s); bound_unreachable(c); break;
    case AST_Try:
    case AST_TryStar: compile_try(c, s); break;
    case AST_With: compile_with_items(c, s, 0); break;
    case AST_Assert: compile_assert(c, s); break;
    case AST_FunctionDef:
    case AST_AsyncFunctionDef: {
        int r = reg_alloc(c);
        compile_function_def(c, s, r);
        name_store(c, mangle_binding_name(c->arena, c->u->scope, s->v.FunctionDef.name), r);
        break;
    }
    case AST_ClassDef: {
        extern void compile_class_def(Compiler * c, ASTNode * s, int target);
        int r = reg_alloc(c);
        compile_class_def(c, s, r);
        name_store(c, mangle_binding_name(c->arena, c->u->scope, s->v.ClassDef.name), r);
        break;
    }
    case AST_Import:
    case AST_ImportFrom: compile_import(c, s); break;
    case AST_Global:
    case AST_Nonlocal: break;
    case AST_Match: {
        extern void compile_match(Compiler * c, ASTNode * s);
        compile_match(c, s);
        break;
    }
    case AST_AsyncWith:
        if (!c->u->scope->is_coroutine && !top_level_await_here(c)) {
            compile_error(c, s, "'async with' outside async function");
            break;
        }
        compile_with_items(c, s, 0);
        break;
    case AST_AsyncFor:
        if (!c->u->scope->is_coroutine && !top_level_await_here(c)) {
            compile_error(c, s, "'async for' outside async function");
            break;
        }
        compile_async_for(c, s);
        break;
    default:
        compile_error(c, s, "unsupported statement");
        break;
    }
    reg_free_to(c, mark);
}

int ast_binop_index(ASTOperator op) {
    switch (op) {
    case AST_Add: return BINOP_ADD;
    case AST_Sub: return BINOP_SUB;
    case AST_Mult: return BINOP_MUL;
    case AST_MatMult: return BINOP_MATMUL;
    case AST_Div: return BINOP_TRUEDIV;
    case AST_Mod: return BINOP_MOD;
    case AST_Pow: return BINOP_POW;
    case AST_LShift: return BINOP_LSHIFT;
    case AST_RShift: return BINOP_RSHIFT;
    case AST_BitOr: return BINOP_OR;
    case AST_BitXor: return BINOP_XOR;
    case AST_BitAnd: return BINOP_AND;
    case AST_FloorDiv: return BINOP_FLOORDIV;
    }
    return BINOP_ADD;
}

static bool any_starred_public(ASTSeq *s) {
    for (int i = 0; i < AST_SEQ_LEN(s); i++)
        if (AST_SEQ_GET(s, i)->kind == AST_Starred) return true;
    return false;
}

/* The source text of an expression (unparse.c copies f-strings from it). */
Value ast_source_text(ASTNode *e) {
    if (!cur_src) return str_from_cstr("");
    const char *p = cur_src;
    for (int l = 1; l < e->lineno && p < cur_src_end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(cur_src_end - p));
        if (!nl) break;
        p = nl + 1;
    }
    const char *start = p + e->col_offset;
    const char *q = p;
    for (int l = e->lineno; l < e->end_lineno && q < cur_src_end; l++) {
        const char *nl = memchr(q, '\n', (size_t)(cur_src_end - q));
        if (!nl) break;
        q = nl + 1;
    }
    const char *end = q + e->end_col_offset;
    if (start > cur_src_end || end > cur_src_end || end < start) return str_from_cstr("");
    return str_new(start, (size_t)(end - start));
}

/* ---- Units ---- */

static void unit_init(Compiler *c, Unit *u, Scope *scope, Value name, Value qualname, int firstlineno) {
    memset(u, 0, sizeof *u);
    u->parent = c->u;
    u->scope = scope;
    u->consts = list_new(0);
    u->const_index = dict_new();
    u->names = list_new(0);
    u->name_index = dict_new();
    u->site_names = list_new(0);
    u->name = name;
    u->qualname = qualname;
    u->firstlineno = firstlineno;
    u->loc = (CodeLoc){firstlineno, firstlineno, -1, -1};
    if (scope->kind == SCOPE_FUNCTION) {
        u->nlocals = scope->nvarnames;
        c->u = u;
        for (int i = 0; i < scope->nparams; i++) bound_add(c, i);   /* parameters start bound */
    }
    u->nlow = code_nlow(u->nlocals, scope->nparams);
    u->cell_base = u->nlow;
    u->ncells = scope->ncells;
    u->nfrees = scope->nfrees;
    u->next_reg = u->max_reg = u->cell_base + u->ncells + u->nfrees;
    c->u = u;
    /* CPython has no such limits; Taipan's register operands do. */
    if (u->next_reg > MAX_REGS - 16 || u->nlocals - u->nlow > MAX_WIDE_LOCALS)
        compile_error(c, scope->node, "too many local variables, parameters or closure cells");
}

static void unit_free(Unit *u) {
    free(u->code);
    free(u->locs);
    free(u->live);
    free(u->exc);
    free(u->exc_depth);
}

/* Cells and the closure at function entry. */
static void emit_prologue(Compiler *c) {
    Unit *u = c->u;
    Scope *s = u->scope;
    for (int i = 0; i < s->ncells; i++) {
        Symbol *sym = scope_find(s, s->cellvars[i]);
        int reg = u->cell_base + i;
        bool is_param = s->kind == SCOPE_FUNCTION && (sym->flags & SYM_DEF_PARAM);
        if (is_param) {
            int p = -1;
            for (int k = 0; k < s->nvarnames; k++)
                if (strcmp(s->varnames[k], s->cellvars[i]) == 0) p = k;
            if (p >= u->nlow) {
                /* MAKECELL names its source in 8 bits: a wide parameter
                 * goes through a temporary (it is bound at entry). */
                int mark = u->next_reg;
                int t = reg_alloc(c);
                emit(c, MK_ABx(OP_LOADWIDE, t, WIDE_BASE + (p - u->nlow)));
                emit(c, MK_ABC(OP_MAKECELL, reg, t, 1));
                reg_free_to(c, mark);
            } else {
                emit(c, MK_ABC(OP_MAKECELL, reg, p, 1));
            }
        } else {
            emit(c, MK_ABC(OP_MAKECELL, reg, 0, 0));
        }
    }
    if (s->nfrees) emit(c, MK_ABC(OP_LOADCLOSURE, u->cell_base + u->ncells, 0, s->nfrees));
}

static Value names_tuple(const char **names, int n) {
    Value t = tuple_new((size_t)n);
    if (!t) return VNULL;
    for (int i = 0; i < n; i++) tuple_items(t)[i] = intern_id(names[i]);
    return t;
}

static int cmp_entry_depth(const void *a, const void *b) {
    const int *x = a, *y = b;
    return y[0] - x[0]; /* deeper first */
}

/* Turn the unit into a code object. */
static Value unit_assemble(Compiler *c) {
    Unit *u = c->u;
    if (c->failed) return VNULL;
    CodeObject *co = gc_alloc(&type_code, sizeof(CodeObject));
    if (!co) return VNULL;
    Value insns = blob_new(sizeof(uint32_t) * (size_t)u->ncode);
    Value locs = blob_new(sizeof(CodeLoc) * (size_t)u->ncode);
    if (!insns || !locs) return VNULL;
    memcpy(((BlobObject *)insns)->data, u->code, sizeof(uint32_t) * (size_t)u->ncode);
    memcpy(((BlobObject *)locs)->data, u->locs, sizeof(CodeLoc) * (size_t)u->ncode);
    co->insns_buf = insns;
    co->insns = (uint32_t *)((BlobObject *)insns)->data;
    co->ninsns = (size_t)u->ncode;
    co->locs_buf = locs;
    Value live = blob_new((size_t)u->ncode);
    if (!live) return VNULL;
    memcpy(((BlobObject *)live)->data, u->live, (size_t)u->ncode);
    co->live_buf = live;
    /* Exception entries, innermost (deepest) first; stable within a depth. */
    if (u->nexc) {
        int (*order)[3] = malloc(sizeof(int[3]) * (size_t)u->nexc);
        if (!order) abort();
        for (int i = 0; i < u->nexc; i++) {
            order[i][0] = u->exc_depth[2 * i];
            order[i][1] = i;
        }
        /* insertion sort keeps equal depths in creation order */
        for (int i = 1; i < u->nexc; i++) {
            int d = order[i][0], idx = order[i][1], j = i - 1;
            while (j >= 0 && cmp_entry_depth(&order[j][0], &d) > 0) {
                order[j + 1][0] = order[j][0];
                order[j + 1][1] = order[j][1];
                j--;
            }
            order[j + 1][0] = d;
            order[j + 1][1] = idx;
        }
        Value eb = blob_new(sizeof(ExcEntry) * (size_t)u->nexc);
        if (!eb) {
            free(order);
            return VNULL;
        }
        ExcEntry *out = (ExcEntry *)((BlobObject *)eb)->data;
        for (int i = 0; i < u->nexc; i++) out[i] = u->exc[order[i][1]];
        free(order);
        co->exc_buf = eb;
        co->nexc = (uint32_t)u->nexc;
    }
    ssize_t nsites = list_size(u->site_names);
    CacheArrayObject *ca = gc_alloc(&type_cachearray_internal, sizeof(CacheArrayObject) + sizeof(CacheEntry) * (size_t)nsites);
    if (!ca) return VNULL;
    ca->n = (size_t)nsites;
    for (ssize_t i = 0; i < nsites; i++) ca->entries[i].name = list_get(u->site_names, i);
    co->cache_buf = obj_val(ca);
    co->ncaches = (uint32_t)nsites;
    co->consts = list_as_tuple(u->consts);
    co->names = list_as_tuple(u->names);
    Scope *s = u->scope;
    co->varnames = s->kind == SCOPE_FUNCTION ? names_tuple(s->varnames, s->nvarnames) : tuple_empty();
    co->cellvars = names_tuple(s->cellvars, s->ncells);
    co->freevars = names_tuple(s->freevars, s->nfrees);
    co->filename = c->filename;
    co->name = u->name;
    co->qualname = u->qualname;
    co->docstring = u->docstring;
    co->argcount = u->argcount;
    co->posonlyargcount = u->posonlyargcount;
    co->kwonlyargcount = u->kwonlyargcount;
    co->nlocals = s->kind == SCOPE_FUNCTION ? s->nvarnames : 0;
    co->nregs = u->max_reg;
    if (u->nlocals > u->nlow) co->nregs = WIDE_BASE + (u->nlocals - u->nlow);
    co->flags = u->flags;
    co->firstlineno = u->firstlineno;
    co->ncells = s->ncells;
    co->nfrees = s->nfrees;
    co->cell_base = u->cell_base;
    if (!co->consts || !co->names || !co->varnames || !co->cellvars || !co->freevars) return VNULL;
    return obj_val(co);
}

/* ---- Functions ---- */

static Value make_qualname(Compiler *c, const char *name) {
    Unit *u = c->u;
    if (!u || u->scope->kind == SCOPE_MODULE) return str_from_cstr(name);
    /* A function declared global in its parent is not nested in name either. */
    Symbol *sym = scope_find(u->scope, name);
    if (sym && sym->scope == SC_GLOBAL_EXPLICIT) return str_from_cstr(name);
    if (u->scope->kind == SCOPE_FUNCTION) return str_printf("%U.<locals>.%s", u->qualname, name);
    return str_printf("%U.%s", u->qualname, name);
}

/* Build the closure tuple for child scope `cs` into `target`. */
static void emit_closure(Compiler *c, Scope *cs, int target) {
    Unit *u = c->u;
    int n = cs->nfrees;
    int mark = u->next_reg;
    int base = reg_alloc_n(c, n);
    for (int i = 0; i < n; i++) {
        const char *name = cs->freevars[i];
        Symbol *sym = scope_find(u->scope, name);
        int reg = -1;
        if (sym && sym->scope == SC_CELL) reg = u->cell_base + sym->index;
        else if (sym && (sym->scope == SC_FREE || (sym->flags & SYM_FREE_CLASS))) reg = u->cell_base + u->ncells + sym->index;
        if (reg < 0) {
            compile_error(c, cs->node, "internal error: no cell for free variable '%s'", name);
            return;
        }
        emit(c, MK_ABC(OP_MOVE, base + i, reg, 0));
    }
    emit(c, MK_ABC(OP_BUILDTUPLE, target, base, n));
    reg_free_to(c, mark);
}

static bool is_docstring(ASTNode *s) {
    return s && s->kind == AST_Expr && s->v.Expr.value->kind == AST_Constant &&
           s->v.Expr.value->v.Constant.value.kind == CONST_STR;
}

/* Compile a function body (def, lambda) into a code object; VNULL on error. */
static Value compile_function_code(Compiler *c, ASTNode *n, const char *name, ASTNode *args, ASTSeq *body,
                                   ASTNode *lambda_body) {
    Scope *scope = symtable_lookup_scope(c->st, n);
    if (!scope) {
        compile_error(c, n, "internal error: no scope");
        return VNULL;
    }
    Value qn = make_qualname(c, name);
    Unit u;
    int firstline = n->lineno;
    if (n->kind != AST_Lambda) {
        ASTSeq *decos = n->v.FunctionDef.decorator_list;
        if (AST_SEQ_LEN(decos)) firstline = AST_SEQ_GET(decos, 0)->lineno;
    }
    unit_init(c, &u, scope, intern_id(name), qn, firstline);
    struct ast_arguments *a = &args->v.arguments;
    u.argcount = AST_SEQ_LEN(a->posonlyargs) + AST_SEQ_LEN(a->args);
    u.posonlyargcount = AST_SEQ_LEN(a->posonlyargs);
    u.kwonlyargcount = AST_SEQ_LEN(a->kwonlyargs);
    u.flags = CO_OPTIMIZED | CO_NEWLOCALS;
    if (a->vararg) u.flags |= CO_VARARGS;
    if (a->kwarg) u.flags |= CO_VARKEYWORDS;
    if (scope->is_generator) u.flags |= scope->is_coroutine ? CO_ASYNC_GENERATOR : CO_GENERATOR;
    else if (scope->is_coroutine) u.flags |= CO_COROUTINE;
    if (scope->parent && scope->parent->kind == SCOPE_FUNCTION) u.flags |= CO_NESTED;
    emit_prologue(c);
    if (body) {
        int start = 0;
        if (AST_SEQ_LEN(body) && is_docstring(AST_SEQ_GET(body, 0))) {
            if (c->optimize < 2) u.docstring = const_from_ast(c, &AST_SEQ_GET(body, 0)->v.Expr.value->v.Constant.value);
            start = 1;
        }
        /* CPython keeps the docstring as co_consts[0]; None when absent. */
        add_const(c, u.docstring ? u.docstring : VNone);
        for (int i = start; i < AST_SEQ_LEN(body) && !c->failed; i++) compile_stmt(c, AST_SEQ_GET(body, i));
        /* Always end with a return: a jump may target the end even after a return. */
        if (!c->failed) {
            ASTNode *last = AST_SEQ_LEN(body) ? AST_SEQ_GET(body, AST_SEQ_LEN(body) - 1) : n;
            u.loc = (CodeLoc){last->end_lineno, last->end_lineno, -1, -1};
            emit(c, MK_ABC(OP_RETURNNONE, 0, 0, 0));
        }
    } else {
        int r = expr(c, lambda_body);
        set_loc(c, lambda_body);
        if (scope->is_generator) emit(c, MK_ABC(OP_RETURNNONE, 0, 0, 0));
        else emit(c, MK_ABC(OP_RETURN, r, 0, 0));
    }
    Value code = unit_assemble(c);
    c->u = u.parent;
    unit_free(&u);
    return code;
}

/* Evaluate defaults etc. and MAKEFUNC into target. */
static void make_function(Compiler *c, ASTNode *n, Value code, ASTNode *args, ASTNode *returns, int target) {
    Unit *u = c->u;
    if (!code) {
        c->failed = true;
        return;
    }
    Scope *cs = symtable_lookup_scope(c->st, n);
    struct ast_arguments *a = &args->v.arguments;
    int flags = 0;
    int mark = u->next_reg;
    int base = u->next_reg;
    int ndef = AST_SEQ_LEN(a->defaults);
    if (ndef) {
        int r = reg_alloc(c);
        int m2 = u->next_reg;
        if (ndef <= 32) {
            int b2 = reg_alloc_n(c, ndef);
            for (int i = 0; i < ndef; i++) into(c, AST_SEQ_GET(a->defaults, i), b2 + i);
            emit(c, MK_ABC(OP_BUILDTUPLE, r, b2, ndef));
        } else {
            /* Many defaults (generated code): a list grown one by one, so
             * the registers needed do not grow with their number. */
            emit(c, MK_ABC(OP_BUILDLIST, r, 0, 0));
            for (int i = 0; i < ndef; i++) {
                int v = expr(c, AST_SEQ_GET(a->defaults, i));
                emit(c, MK_ABC(OP_LISTAPPEND, r, v, 0));
                reg_free_to(c, m2);
            }
            emit(c, MK_ABC(OP_LISTTOTUPLE, r, r, 0));
        }
        reg_free_to(c, m2);
        flags |= 1;
    }
    int nkw = 0;
    for (int i = 0; i < AST_SEQ_LEN(a->kw_defaults); i++)
        if (a->kw_defaults->elts[i]) nkw++;
    if (nkw) {
        int r = reg_alloc(c);
        emit(c, MK_ABC(OP_BUILDDICT, r, 0, 0));
        int m2 = u->next_reg;
        int pair = reg_alloc_n(c, 2);
        for (int i = 0; i < AST_SEQ_LEN(a->kw_defaults); i++) {
            ASTNode *d = (ASTNode *)a->kw_defaults->elts[i];
            if (!d) continue;
            load_const_value(c, intern_id(AST_SEQ_GET(a->kwonlyargs, i)->v.arg.arg), pair);
            into(c, d, pair + 1);
            emit(c, MK_ABC(OP_DICTSET, r, pair, pair + 1));
        }
        reg_free_to(c, m2);
        flags |= 2;
    }
    /* Annotations: a dict name -> value (strings under `from __future__ import annotations`). */
    bool any_ann = returns != NULL;
    ASTSeq *seqs[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < AST_SEQ_LEN(seqs[k]); i++)
            if (AST_SEQ_GET(seqs[k], i)->v.arg.annotation) any_ann = true;
    if (a->vararg && a->vararg->v.arg.annotation) any_ann = true;
    if (a->kwarg && a->kwarg->v.arg.annotation) any_ann = true;
    if (any_ann) {
        int r = reg_alloc(c);
        emit(c, MK_ABC(OP_BUILDDICT, r, 0, 0));
        int m2 = u->next_reg;
        int pair = reg_alloc_n(c, 2);
        extern Value ast_unparse_expr(ASTNode *e);
#define ANN(argname, annot)                                                       \
    do {                                                                          \
        load_const_value(c, intern_id(argname), pair);                            \
        if (c->future_annotations) {                                              \
            Value txt = ast_unparse_expr(annot);                                  \
            if (!txt) { c->failed = true; return; }                               \
            load_const_value(c, txt, pair + 1);                                   \
        } else if ((annot)->kind == AST_Starred) {                                \
            /* *args: *Ts is the one item that unpacking Ts gives, as in 3.11. */ \
            int sv = reg_alloc(c);                                                \
            into(c, (annot)->v.Starred.value, sv);                                \
            emit(c, MK_ABC(OP_UNPACK, pair + 1, sv, 1));                          \
            reg_free_to(c, sv);                                                   \
        } else into(c, annot, pair + 1);                                          \
        emit(c, MK_ABC(OP_DICTSET, r, pair, pair + 1));                           \
    } while (0)
        for (int k = 0; k < 2; k++)
            for (int i = 0; i < AST_SEQ_LEN(seqs[k]); i++) {
                ASTNode *p = AST_SEQ_GET(seqs[k], i);
                if (p->v.arg.annotation) ANN(p->v.arg.arg, p->v.arg.annotation);
            }
        if (a->vararg && a->vararg->v.arg.annotation) ANN(a->vararg->v.arg.arg, a->vararg->v.arg.annotation);
        for (int i = 0; i < AST_SEQ_LEN(a->kwonlyargs); i++) {
            ASTNode *p = AST_SEQ_GET(a->kwonlyargs, i);
            if (p->v.arg.annotation) ANN(p->v.arg.arg, p->v.arg.annotation);
        }
        if (a->kwarg && a->kwarg->v.arg.annotation) ANN(a->kwarg->v.arg.arg, a->kwarg->v.arg.annotation);
        if (returns) ANN("return", returns);
#undef ANN
        reg_free_to(c, m2);
        flags |= 4;
    }
    if (cs && cs->nfrees) {
        int r = reg_alloc(c);
        emit_closure(c, cs, r);
        flags |= 8;
    }
    set_loc(c, n);
    emit_x(c, MK_ABx(OP_MAKEFUNC, target, add_const(c, code)), (uint32_t)flags | ((uint32_t)base << 8));
    reg_free_to(c, mark);
}

void compile_function_def(Compiler *c, ASTNode *s, int target) {
    struct ast_FunctionDef *f = &s->v.FunctionDef;
    if (!compile_check_debug_args(c, f->args)) return;
    int mark = c->u->next_reg;
    int nd = AST_SEQ_LEN(f->decorator_list);
    int dbase = reg_alloc_n(c, nd);
    for (int i = 0; i < nd; i++) into(c, AST_SEQ_GET(f->decorator_list, i), dbase + i);
    /* Defaults are evaluated before the body is compiled, as CPython orders it. */
    Value code = compile_function_code(c, s, f->name, f->args, f->body, NULL);
    make_function(c, s, code, f->args, f->returns, target);
    for (int i = nd - 1; i >= 0; i--) {
        int t = reg_alloc_n(c, 2);
        emit(c, MK_ABC(OP_MOVE, t, dbase + i, 0));
        emit(c, MK_ABC(OP_MOVE, t + 1, target, 0));
        set_loc(c, AST_SEQ_GET(f->decorator_list, i));
        emit(c, MK_ABC(OP_CALL, t, 1, 0));
        emit(c, MK_ABC(OP_MOVE, target, t, 0));
        reg_free_to(c, dbase + nd);
    }
    reg_free_to(c, mark);
}

void compile_lambda(Compiler *c, ASTNode *e, int target) {
    if (!compile_check_debug_args(c, e->v.Lambda.args)) return;
    Value code = compile_function_code(c, e, "<lambda>", e->v.Lambda.args, NULL, e->v.Lambda.body);
    make_function(c, e, code, e->v.Lambda.args, NULL, target);
}

/* ---- Classes ---- */

void compile_class_def(Compiler *c, ASTNode *s, int target) {
    struct ast_ClassDef *cd = &s->v.ClassDef;
    Scope *scope = symtable_lookup_scope(c->st, s);
    int mark = c->u->next_reg;
    int nd = AST_SEQ_LEN(cd->decorator_list);
    int dbase = reg_alloc_n(c, nd);
    for (int i = 0; i < nd; i++) into(c, AST_SEQ_GET(cd->decorator_list, i), dbase + i);
    int firstline = nd ? AST_SEQ_GET(cd->decorator_list, 0)->lineno : s->lineno;

    /* The class body: a function run with the class namespace as locals. */
    Value qn = make_qualname(c, cd->name);
    Unit u;
    unit_init(c, &u, scope, intern_id(cd->name), qn, firstline);
    u.in_class = true;
    emit_prologue(c);
    int r = reg_alloc(c);
    set_loc(c, s);
    emit(c, MK_ABx(OP_LOADNAME, r, add_name(c, "__name__")));
    emit(c, MK_ABx(OP_STORENAME, r, add_name(c, "__module__")));
    load_const_value(c, qn, r);
    emit(c, MK_ABx(OP_STORENAME, r, add_name(c, "__qualname__")));
    int start = 0;
    if (AST_SEQ_LEN(cd->body) && is_docstring(AST_SEQ_GET(cd->body, 0))) {
        if (c->optimize < 2) {
            load_const_value(c, const_from_ast(c, &AST_SEQ_GET(cd->body, 0)->v.Expr.value->v.Constant.value), r);
            emit(c, MK_ABx(OP_STORENAME, r, add_name(c, "__doc__")));
        }
        start = 1;
    }
    reg_free_to(c, r);
    /* Annotations in a class body go to __annotations__. */
    bool has_ann = false;
    for (int i = 0; i < AST_SEQ_LEN(cd->body); i++)
        if (AST_SEQ_GET(cd->body, i)->kind == AST_AnnAssign) has_ann = true;
    if (has_ann) emit(c, MK_ABC(OP_SETUPANNOTATIONS, 0, 0, 0));
    for (int i = start; i < AST_SEQ_LEN(cd->body) && !c->failed; i++) compile_stmt(c, AST_SEQ_GET(cd->body, i));
    if (scope->needs_class_cell) {
        Symbol *sym = scope_find(scope, "__class__");
        emit(c, MK_ABx(OP_STORENAME, u.cell_base + sym->index, add_name(c, "__classcell__")));
    }
    emit(c, MK_ABC(OP_RETURNNONE, 0, 0, 0));
    u.flags = 0;
    Value code = unit_assemble(c);
    c->u = u.parent;
    unit_free(&u);
    if (!code) {
        c->failed = true;
        reg_free_to(c, mark);
        return;
    }

    /* __build_class__(body, name, *bases, **keywords) */
    ASTNode call = *s;
    ASTSeq *bases = cd->bases, *kws = cd->keywords;
    int nb = AST_SEQ_LEN(bases), nk = AST_SEQ_LEN(kws);
    bool simple = !any_starred_public(bases) && nb + nk + 3 < 32;
    for (int i = 0; i < nk; i++)
        if (!AST_SEQ_GET(kws, i)->v.keyword.arg) simple = false;
    (void)call;
    if (!compile_check_keywords(c, kws)) {
        reg_free_to(c, mark);
        return;
    }
    if (simple) {
        int base = reg_alloc_n(c, 3 + nb + nk);
        set_loc(c, s);
        emit(c, MK_ABC(OP_BUILDCLASS, base, 0, 0));
        int m2 = c->u->next_reg;
        int flags = 0;
        int fbase = c->u->next_reg;
        if (scope->nfrees) {
            int cr = reg_alloc(c);
            emit_closure(c, scope, cr);
            flags |= 8;
        }
        set_loc(c, s);
        emit_x(c, MK_ABx(OP_MAKEFUNC, base + 1, add_const(c, code)), (uint32_t)flags | ((uint32_t)fbase << 8));
        reg_free_to(c, m2);
        load_const_value(c, intern_id(cd->name), base + 2);
        for (int i = 0; i < nb; i++) into(c, AST_SEQ_GET(bases, i), base + 3 + i);
        for (int i = 0; i < nk; i++) into(c, AST_SEQ_GET(kws, i)->v.keyword.value, base + 3 + nb + i);
        set_loc(c, s);
        if (nk) {
            Value t = tuple_new((size_t)nk);
            for (int i = 0; i < nk; i++) tuple_items(t)[i] = intern_id(AST_SEQ_GET(kws, i)->v.keyword.arg);
            emit_x(c, MK_ABC(OP_CALLKW, base, 2 + nb + nk, 0), (uint32_t)add_const(c, t));
        } else {
            emit(c, MK_ABC(OP_CALL, base, 2 + nb, 0));
        }
        emit(c, MK_ABC(OP_MOVE, target, base, 0));
    } else {
        /* __build_class__(body, name, *bases, **keywords) through CALLEX. */
        int fn = reg_alloc(c);
        set_loc(c, s);
        emit(c, MK_ABC(OP_BUILDCLASS, fn, 0, 0));
        int pre = reg_alloc_n(c, 2);
        int flags = 0;
        int fbase = c->u->next_reg;
        if (scope->nfrees) {
            int cr = reg_alloc(c);
            emit_closure(c, scope, cr);
            flags |= 8;
        }
        set_loc(c, s);
        emit_x(c, MK_ABx(OP_MAKEFUNC, pre, add_const(c, code)), (uint32_t)flags | ((uint32_t)fbase << 8));
        reg_free_to(c, pre + 2);
        load_const_value(c, intern_id(cd->name), pre + 1);
        call_ex_parts(c, s, fn, pre, 2, bases, kws, target);
    }
    for (int i = nd - 1; i >= 0; i--) {
        int t = reg_alloc_n(c, 2);
        emit(c, MK_ABC(OP_MOVE, t, dbase + i, 0));
        emit(c, MK_ABC(OP_MOVE, t + 1, target, 0));
        set_loc(c, AST_SEQ_GET(cd->decorator_list, i));
        emit(c, MK_ABC(OP_CALL, t, 1, 0));
        emit(c, MK_ABC(OP_MOVE, target, t, 0));
    }
    reg_free_to(c, mark);
}

/* ---- Comprehensions ---- */

/* Emit the loops of generators[i..] around the element code. */
static void comprehension_loops(Compiler *c, ASTNode *e, ASTSeq *gens, int i, int result, int kind, int src_reg) {
    ASTNode *g = AST_SEQ_GET(gens, i);
    int mark = c->u->next_reg;
    int it = reg_alloc_n(c, 2);
    bool is_async = g->v.comprehension.is_async;
    if (i == 0) {
        emit(c, MK_ABC(OP_MOVE, it, src_reg, 0));
    } else {
        int src = expr(c, g->v.comprehension.iter);
        set_loc(c, g->v.comprehension.iter);
        emit(c, MK_ABC(is_async ? OP_GETAITER : OP_GETITER, it, src, 0));
        reg_free_to(c, it + 2);
    }
    int top = here(c);
    set_loc(c, e);
    int exit = -1, exc = -1, pid = -1;
    if (is_async) {
        /* async for: await anext(it) until StopAsyncIteration. */
        exc = reg_alloc(c);
        int p = protect_begin(c, exc);
        emit(c, MK_ABC(OP_GETANEXT, it + 1, it, 0));
        emit_await(c, it + 1);
        pid = protect_end(c, p);
    } else {
        exit = emit_jump(c, OP_FORITER, it);
    }
    store_target(c, g->v.comprehension.target, it + 1);
    int skips[64], nskip = 0;
    for (int k = 0; k < AST_SEQ_LEN(g->v.comprehension.ifs); k++)
        jump_if(c, AST_SEQ_GET(g->v.comprehension.ifs, k), false, skips, &nskip);
    if (i + 1 < AST_SEQ_LEN(gens)) {
        comprehension_loops(c, e, gens, i + 1, result, kind, -1);
    } else {
        int m2 = c->u->next_reg;
        switch (kind) {
        case AST_ListComp: {
            int v = expr(c, e->v.ListComp.elt);
            set_loc(c, e);
            emit(c, MK_ABC(OP_LISTAPPEND, result, v, 0));
            break;
        }
        case AST_SetComp: {
            int v = expr(c, e->v.SetComp.elt);
            set_loc(c, e);
            emit(c, MK_ABC(OP_SETADD, result, v, 0));
            break;
        }
        case AST_DictComp: {
            int k = reg_alloc(c);
            into(c, e->v.DictComp.key, k);
            int v = expr(c, e->v.DictComp.value);
            set_loc(c, e);
            emit(c, MK_ABC(OP_DICTSET, result, k, v));
            break;
        }
        case AST_GeneratorExp: {
            int v = expr(c, e->v.GeneratorExp.elt);
            int dummy = reg_alloc(c);
            set_loc(c, e->v.GeneratorExp.elt);
            emit(c, MK_ABC(OP_YIELD, dummy, v, 0));
            break;
        }
        }
        reg_free_to(c, m2);
    }
    for (int k = 0; k < nskip; k++) patch_jump(c, skips[k], here(c));
    set_loc(c, e);
    emit_jump_to(c, OP_LOOP, 0, top);
    if (is_async) {
        /* The handler: StopAsyncIteration ends the loop, anything else propagates. */
        protect_handler(c, pid);
        int m = reg_alloc(c), t = reg_alloc(c);
        emit(c, MK_ABx(OP_LOADK, t, add_const(c, obj_val(&exc_StopAsyncIteration))));
        emit(c, MK_ABC(OP_CHECKEXC, m, exc, t));
        int jstop = emit_jump(c, OP_JUMPIFTRUE, m);
        emit(c, MK_ABC(OP_RERAISE, exc, 0, 0));
        patch_jump(c, jstop, here(c));
    } else {
        patch_jump(c, exit, here(c));
    }
    reg_free_to(c, mark);
}

void compile_comprehension(Compiler *c, ASTNode *e, int target) {
    Scope *scope = symtable_lookup_scope(c->st, e);
    ASTSeq *gens;
    const char *name;
    switch (e->kind) {
    case AST_ListComp: gens = e->v.ListComp.generators; name = "<listcomp>"; break;
    case AST_SetComp: gens = e->v.SetComp.generators; name = "<setcomp>"; break;
    case AST_DictComp: gens = e->v.DictComp.generators; name = "<dictcomp>"; break;
    default: gens = e->v.GeneratorExp.generators; name = "<genexpr>"; break;
    }
    /* An asynchronous list/set/dict comprehension is a coroutine the
    ** enclosing code awaits: it must be an async function, another
    ** comprehension, or a module compiled with top-level await. */
    bool is_async = scope->is_coroutine, is_genexp = e->kind == AST_GeneratorExp;
    Scope *outer = c->u->scope;
    if (is_async && !is_genexp && !(outer->kind == SCOPE_FUNCTION && (outer->is_coroutine || outer->is_comprehension)) &&
        !top_level_await_here(c)) {
        compile_error(c, e, "asynchronous comprehension outside of an asynchronous function");
        return;
    }
    if (is_async && is_genexp) top_level_await_here(c);   /* CPython marks the module for these too */
    /* The outermost iterable is evaluated here, in the enclosing scope. */
    int mark = c->u->next_reg;
    ASTNode *first = AST_SEQ_GET(gens, 0);
    int base = reg_alloc_n(c, 2);
    int src = expr(c, first->v.comprehension.iter);
    set_loc(c, first->v.comprehension.iter);
    emit(c, MK_ABC(first->v.comprehension.is_async ? OP_GETAITER : OP_GETITER, base + 1, src, 0));
    reg_free_to(c, base + 2);

    Value qn = make_qualname(c, name);
    Unit u;
    unit_init(c, &u, scope, intern_id(name), qn, e->lineno);
    u.argcount = 1;
    u.flags = CO_OPTIMIZED | CO_NEWLOCALS;
    if (is_genexp) u.flags |= is_async ? CO_ASYNC_GENERATOR : CO_GENERATOR;
    else if (is_async) u.flags |= CO_COROUTINE;
    emit_prologue(c);
    set_loc(c, e);
    int result = -1;
    if (e->kind != AST_GeneratorExp) {
        result = reg_alloc(c);
        int op = e->kind == AST_ListComp ? OP_BUILDLIST : e->kind == AST_SetComp ? OP_BUILDSET : OP_BUILDDICT;
        emit(c, MK_ABC(op, result, 0, 0));
    }
    /* The iterator arrives as the parameter .0 (register 0). */
    comprehension_loops(c, e, gens, 0, result, e->kind, 0);
    set_loc(c, e);
    if (result >= 0) emit(c, MK_ABC(OP_RETURN, result, 0, 0));
    else emit(c, MK_ABC(OP_RETURNNONE, 0, 0, 0));
    Value code = unit_assemble(c);
    c->u = u.parent;
    unit_free(&u);
    if (!code) {
        c->failed = true;
        return;
    }
    int flags = 0;
    int fbase = c->u->next_reg;
    if (scope->nfrees) {
        int cr = reg_alloc(c);
        emit_closure(c, scope, cr);
        flags |= 8;
    }
    set_loc(c, e);
    emit_x(c, MK_ABx(OP_MAKEFUNC, base, add_const(c, code)), (uint32_t)flags | ((uint32_t)fbase << 8));
    emit(c, MK_ABC(OP_CALL, base, 1, 0));
    if (is_async && !is_genexp) emit_await(c, base);
    if (target != base) emit(c, MK_ABC(OP_MOVE, target, base, 0));
    reg_free_to(c, mark);
}

/* ---- Modules and the entry point ---- */

static bool has_future_annotations(ASTNode *mod) {
    if (mod->kind != AST_Module) return false;
    ASTSeq *body = mod->v.Module.body;
    for (int i = 0; i < AST_SEQ_LEN(body); i++) {
        ASTNode *s = AST_SEQ_GET(body, i);
        if (i == 0 && is_docstring(s)) continue;
        if (s->kind != AST_ImportFrom || !s->v.ImportFrom.module || strcmp(s->v.ImportFrom.module, "__future__") != 0)
            break;
        for (int k = 0; k < AST_SEQ_LEN(s->v.ImportFrom.names); k++)
            if (strcmp(AST_SEQ_GET(s->v.ImportFrom.names, k)->v.alias.name, "annotations") == 0) return true;
    }
    return false;
}

/* Validate `from __future__ import x` placement and names. */
static void check_future(Compiler *c, ASTNode *mod) {
    if (mod->kind != AST_Module) return;
    ASTSeq *body = mod->v.Module.body;
    bool allowed = true;
    static const char *const known[] = {"nested_scopes", "generators", "division", "absolute_import",
                                        "with_statement", "print_function", "unicode_literals",
                                        "barry_as_FLUFL", "generator_stop", "annotations", NULL};
    for (int i = 0; i < AST_SEQ_LEN(body); i++) {
        ASTNode *s = AST_SEQ_GET(body, i);
        if (i == 0 && is_docstring(s)) continue;
        bool is_future = s->kind == AST_ImportFrom && s->v.ImportFrom.module &&
                         strcmp(s->v.ImportFrom.module, "__future__") == 0;
        if (!is_future) {
            allowed = false;
            continue;
        }
        if (!allowed) {
            compile_error(c, s, "from __future__ imports must occur at the beginning of the file");
            return;
        }
        for (int k = 0; k < AST_SEQ_LEN(s->v.ImportFrom.names); k++) {
            const char *n = AST_SEQ_GET(s->v.ImportFrom.names, k)->v.alias.name;
            bool ok = false;
            for (int j = 0; known[j]; j++)
                if (strcmp(known[j], n) == 0) ok = true;
            if (strcmp(n, "braces") == 0) {
                compile_error(c, s, "not a chance");
                return;
            }
            if (!ok) {
                compile_error(c, s, "future feature %s is not defined", n);
                return;
            }
        }
    }
}

/* The deepest AST the compiler accepts: CPython's 3 x the recursion limit. */
int symtable_max_depth(void) { return ts->recursion_limit * 3 - ts->py_depth; }

bool top_level_await_here(Compiler *c) {
    if (!c->top_level_await || c->u->scope->kind != SCOPE_MODULE) return false;
    c->module_awaits = true;
    return true;
}

Value compile_ast(ASTNode *mod, Arena *arena, Value filename, int mode, int optimize) {
    Compiler c;
    memset(&c, 0, sizeof c);
    c.top_level_await = (mode & COMPILE_TOP_LEVEL_AWAIT) != 0;
    mode &= COMPILE_MODE_MASK;
    c.arena = arena;
    c.filename = filename;
    c.optimize = optimize;
    c.interactive = mode == COMPILE_SINGLE;
    c.future_annotations = has_future_annotations(mod);
    check_future(&c, mod);
    if (c.failed) return VNULL;
    ast_mangle_private(arena, mod);
    c.st = symtable_build(arena, mod, str_data(filename), c.future_annotations);
    if (!c.st) {
        err_no_memory();
        return VNULL;
    }
    if (c.st->failed && c.st->recursion_error) {
        err_set(&exc_RecursionError, c.st->errmsg);
        symtable_free(c.st);
        return VNULL;
    }
    if (c.st->failed) {
        char *text = program_text(filename, c.st->err_lineno);
        Value e = make_syntax_error(&exc_SyntaxError, filename, c.st->errmsg, c.st->err_lineno,
                                    c.st->err_col, c.st->err_end_lineno, c.st->err_end_col, text);
        free(text);
        if (e) err_set_object(e);
        symtable_free(c.st);
        return VNULL;
    }
    Unit u;
    unit_init(&c, &u, c.st->top, intern_id("<module>"), intern_id("<module>"), 1);
    u.is_module_level = true;
    if (mode == COMPILE_EVAL) {
        int r = expr(&c, mod->v.Expression.body);
        set_loc(&c, mod->v.Expression.body);
        emit(&c, MK_ABC(OP_RETURN, r, 0, 0));
    } else {
        ASTSeq *body = mode == COMPILE_SINGLE ? mod->v.Interactive.body : mod->v.Module.body;
        int start = 0;
        bool has_ann = false;
        for (int i = 0; i < AST_SEQ_LEN(body); i++)
            if (AST_SEQ_GET(body, i)->kind == AST_AnnAssign) has_ann = true;
        if (has_ann) emit(&c, MK_ABC(OP_SETUPANNOTATIONS, 0, 0, 0));
        if (mode == COMPILE_EXEC && AST_SEQ_LEN(body) && is_docstring(AST_SEQ_GET(body, 0))) {
            ASTNode *d = AST_SEQ_GET(body, 0);
            set_loc(&c, d);
            if (optimize < 2) {
                int r = reg_alloc(&c);
                load_const_value(&c, const_from_ast(&c, &d->v.Expr.value->v.Constant.value), r);
                emit(&c, MK_ABx(OP_STORENAME, r, add_name(&c, "__doc__")));
                reg_free_to(&c, r);
            }
            start = 1;
        }
        for (int i = start; i < AST_SEQ_LEN(body) && !c.failed; i++) compile_stmt(&c, AST_SEQ_GET(body, i));
        u.loc.col = u.loc.end_col = -1;
        emit(&c, MK_ABC(OP_RETURNNONE, 0, 0, 0));
    }
    if (c.module_awaits) u.flags |= CO_COROUTINE;
    Value code = unit_assemble(&c);
    c.u = NULL;
    unit_free(&u);
    symtable_free(c.st);
    if (c.failed && c.error) {
        if (err_occurred()) err_clear();
        err_set_object(c.error);
    }
    if (c.failed && !err_occurred()) err_internal("compiler failed without an exception");
    return c.failed ? VNULL : code;
}

/* A parse error as the Python exception CPython raises for it. */
void compile_raise_parse_error(ParseError *pe, Value filename, int flags) {
    if (pe->kind == PARSE_ERR_MEMORY) {
        err_no_memory();
        return;
    }
    if (pe->kind == PARSE_ERR_RECURSION) {
        err_set(&exc_RecursionError, pe->msg);
        return;
    }
    if (pe->kind == PARSE_ERR_VALUE) {
        err_set(&exc_ValueError, pe->msg);
        return;
    }
    if (pe->kind == PARSE_ERR_DECODE) {
        Value args[5] = {str_from_cstr("utf-8"), bytes_new(pe->text, strlen(pe->text)), int_from_i64(pe->offset),
                         int_from_i64(pe->end_offset), str_from_cstr(pe->msg)};
        for (int i = 0; i < 5; i++)
            if (!args[i]) return;
        Value e = obj_call(obj_val(&exc_UnicodeDecodeError), args, 5, VNULL);
        if (e) err_set_object(e);
        return;
    }
    Type *t = pe->kind == PARSE_ERR_INDENT ? &exc_IndentationError
            : pe->kind == PARSE_ERR_TAB ? &exc_TabError : &exc_SyntaxError;
    if (pe->kind == PARSE_ERR_SYNTAX && pe->lineno == 0 && !pe->text) {
        /* Decoding errors (bad coding declaration, undeclared non-UTF-8)
        ** have no location in a file, and line 0 in a string. */
        if (!(flags & PARSE_FLAG_STRING_INPUT)) {
            err_set(t, pe->msg);
            return;
        }
        Value m = str_from_cstr(pe->msg);
        Value info = m ? tuple_pack(4, filename ? filename : VNone, int_from_i64(0), int_from_i64(-1), VNone) : VNULL;
        if (!info) return;
        Value args[2] = {m, info};
        Value e = obj_call(obj_val(t), args, 2, VNULL);
        if (e) err_set_object(e);
        return;
    }
    if (pe->lineno == 0) {
        /* Empty input where a statement or expression was required: CPython
        ** reports line 0, offset 0 and an empty text. */
        Value m = str_from_cstr(pe->msg), z = int_from_i64(0), txt = str_from_cstr("");
        Value info = m && txt ? tuple_pack(6, filename ? filename : VNone, z, z, txt, z, z) : VNULL;
        if (!info) return;
        Value args[2] = {m, info};
        Value e = obj_call(obj_val(t), args, 2, VNULL);
        if (e) err_set_object(e);
        return;
    }
    char *ftext = pe->text_from_file ? program_text(filename, pe->lineno) : NULL;
    Value e = make_syntax_error(t, filename, pe->msg, pe->lineno, pe->offset, pe->end_lineno, pe->end_offset,
                                ftext ? ftext : pe->text);
    free(ftext);
    if (e) err_set_object(e);
}

Value compile_source(const char *src, size_t len, Value filename, int mode, int flags, int optimize) {
    Arena *arena = ast_arena_new();
    if (!arena) {
        err_no_memory();
        return VNULL;
    }
    ParseError pe;
    memset(&pe, 0, sizeof pe);
    int m = mode & COMPILE_MODE_MASK;
    ParseMode pm = m == COMPILE_EVAL ? PARSE_MODE_EVAL : m == COMPILE_SINGLE ? PARSE_MODE_SINGLE : PARSE_MODE_EXEC;
    ASTNode *mod = parse_source(arena, src, len, str_data(filename), pm, flags, &pe);
    Value code = VNULL;
    if (!mod) {
        compile_raise_parse_error(&pe, filename, flags);
    } else {
        extern void compile_issue_warnings(Arena *a, Value filename);
        compile_issue_warnings(arena, filename);
        const char *saved_src = cur_src, *saved_end = cur_src_end;
        cur_src = src;
        cur_src_end = src + len;
        if (!err_occurred()) code = compile_ast(mod, arena, filename, mode, optimize);
        cur_src = saved_src;
        cur_src_end = saved_end;
    }
    ast_arena_free(arena);
    return code;
}

/* compile() of a tree built from ast objects: there is no source text for
** SyntaxError.text (nor for annotation strings). */
Value compile_ast_without_source(ASTNode *mod, Arena *arena, Value filename, int mode, int optimize) {
    const char *saved_src = cur_src, *saved_end = cur_src_end;
    cur_src = cur_src_end = NULL;
    Value code = compile_ast(mod, arena, filename, mode, optimize);
    cur_src = saved_src;
    cur_src_end = saved_end;
    return code;
}

/* Warnings the parser collected (invalid escapes, `is` with a literal). */
void compile_issue_warnings(Arena *a, Value filename) {
    for (ASTWarning *w = a->warnings; w; w = w->next) {
        Type *cat = w->kind == AST_WARN_SYNTAX ? &exc_SyntaxWarning : &exc_DeprecationWarning;
        extern int warn_explicit_cstr(Type *category, const char *msg, Value filename, int lineno);
        if (warn_explicit_cstr(cat, w->message, filename, w->lineno) < 0) {
            /* A filter made it an error: CPython reports a SyntaxError at the
             * warning's place instead, which says more. */
            if (err_matches(cat)) {
                err_clear();
                Value e = make_syntax_error(&exc_SyntaxError, filename, w->message, w->lineno, w->offset, w->lineno,
                                            w->end_offset, w->text);
                if (e) err_set_object(e);
            }
            return;
        }
    }
}
