/* compile_expr.c - expressions to register code: names, operators, displays, calls, targets. */
#include "compile_internal.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/complex.h"
#include "../objects/bytes.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/set.h"
#include "../objects/misc.h"
#include "../vm/error.h"

#include <math.h>

_Static_assert(OP_ADD + BINOP_XOR == OP_XOR, "binary opcodes follow binops.def");
_Static_assert(OP_IADD + BINOP_XOR == OP_IXOR, "in-place opcodes follow binops.def");
_Static_assert(OP_LT + CMP_GE == OP_GE, "comparison opcodes follow CMP_* order");

static int ast_binop(ASTOperator op) {
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

/* ---- Constants ---- */

Value const_from_ast(Compiler *c, ASTConst *k) {
    switch (k->kind) {
    case CONST_NONE: return VNone;
    case CONST_TRUE: return VTrue;
    case CONST_FALSE: return VFalse;
    case CONST_ELLIPSIS: return VEllipsis;
    case CONST_INT: {
        int base = 10;
        const char *s = k->s;
        size_t len = k->len;
        if (len > 1 && s[0] == '0') {
            char p = s[1] | 0x20;
            if (p == 'x') base = 16;
            else if (p == 'o') base = 8;
            else if (p == 'b') base = 2;
            if (base != 10) {
                s += 2;
                len -= 2;
            }
        }
        /* Literals are not subject to the int/str digit limit. */
        extern int int_max_str_digits;
        int saved = int_max_str_digits;
        int_max_str_digits = 0;
        Value v = int_from_string(s, len, base);
        int_max_str_digits = saved;
        return v;
    }
    case CONST_FLOAT: return float_new(k->f);
    case CONST_COMPLEX: return complex_new(0.0, k->f); /* an imaginary literal (objects/complex.c) */
    case CONST_STR: return str_new(k->s, k->len);
    case CONST_BYTES: return bytes_new(k->s, k->len);
    case CONST_OBJECT: return (Value)k->obj;
    }
    return VNone;
}

Value compile_const_value(const ASTConst *k) { return const_from_ast(NULL, (ASTConst *)k); }

void load_const_value(Compiler *c, Value v, int target) {
    if (v == VNone) emit(c, MK_ABC(OP_LOADNONE, target, 0, 0));
    else if (v == VTrue) emit(c, MK_ABC(OP_LOADTRUE, target, 0, 0));
    else if (v == VFalse) emit(c, MK_ABC(OP_LOADFALSE, target, 0, 0));
    else if (val_is_int(v) && val_int(v) >= -SBX_MAX && val_int(v) <= SBX_MAX)
        emit(c, MK_AsBx(OP_LOADINT, target, (int)val_int(v)));
    else {
        int k = add_const(c, v);
        emit(c, MK_ABx(OP_LOADK, target, k));
    }
}

/* A constant known at compile time, or VNULL.  Folds -5 and tuples of constants. */
static Value fold_const(Compiler *c, ASTNode *e) {
    if (e->kind == AST_Constant) return const_from_ast(c, &e->v.Constant.value);
    if (e->kind == AST_UnaryOp && (e->v.UnaryOp.op == AST_USub || e->v.UnaryOp.op == AST_UAdd ||
                                   e->v.UnaryOp.op == AST_Invert)) {
        Value v = fold_const(c, e->v.UnaryOp.operand);
        if (!v || !(int_check(v) || float_check_exact(v) || complex_check_exact(v))) return VNULL;
        if (e->v.UnaryOp.op == AST_Invert && !int_check(v)) return VNULL;
        Value r = e->v.UnaryOp.op == AST_USub ? num_neg(v) : e->v.UnaryOp.op == AST_UAdd ? num_pos(v) : num_invert(v);
        if (!r) err_clear();
        return r;
    }
    if (e->kind == AST_BinOp) {
        /* CPython's AST optimizer folds arithmetic on numeric constants,
         * refusing results that would be huge (ints over 128 bits from *, **, <<). */
        Value l = fold_const(c, e->v.BinOp.left);
        if (!l) return VNULL;
        Value r = fold_const(c, e->v.BinOp.right);
        if (!r) return VNULL;
        bool lnum = int_check(l) || float_check_exact(l) || complex_check_exact(l),
             rnum = int_check(r) || float_check_exact(r) || complex_check_exact(r);
        if (!lnum || !rnum) return VNULL;
        int op = ast_binop(e->v.BinOp.op);
        if (op == BINOP_MATMUL) return VNULL;
        if (int_check(l) && int_check(r)) {
            extern size_t int_bit_length(Value v);
            intptr_t lbits = (intptr_t)int_bit_length(l), rbits = (intptr_t)int_bit_length(r);
            if (op == BINOP_MUL && lbits + rbits > 128) return VNULL;
            if (op == BINOP_POW && int_sign(r) > 0) {
                if (!val_is_int(r) || (lbits > 1 && lbits * val_int(r) > 128)) return VNULL;
            }
            if (op == BINOP_LSHIFT && (!val_is_int(r) || val_int(r) > 128 || lbits + val_int(r) > 128)) return VNULL;
        }
        Value v = num_binop(l, r, op);
        if (!v) err_clear();
        return v;
    }
    if (e->kind == AST_Tuple && e->v.Tuple.ctx == AST_Load) {
        int n = AST_SEQ_LEN(e->v.Tuple.elts);
        if (n == 0 || n > 256) return n == 0 ? tuple_empty() : VNULL;
        Value t = tuple_new((size_t)n);
        if (!t) return VNULL;
        for (int i = 0; i < n; i++) {
            ASTNode *x = AST_SEQ_GET(e->v.Tuple.elts, i);
            if (x->kind != AST_Constant && x->kind != AST_UnaryOp && x->kind != AST_Tuple && x->kind != AST_BinOp)
                return VNULL;
            Value v = fold_const(c, x);
            if (!v) return VNULL;
            tuple_items(t)[i] = v;
        }
        return t;
    }
    return VNULL;
}

/* ---- Compile-time warnings (CPython's check_compare, check_caller, ...) ---- */

/* What e folds to, for the checks below: VNULL when it is not a constant. */
static Value folded(Compiler *c, ASTNode *e) {
    if (e->kind != AST_Constant && e->kind != AST_UnaryOp && e->kind != AST_BinOp && e->kind != AST_Tuple) return VNULL;
    Value v = fold_const(c, e);
    if (!v) err_clear();
    return v;
}

/* The type of e's value as far as the compiler knows it, or NULL. */
static const char *infer_type_name(Compiler *c, ASTNode *e) {
    switch (e->kind) {
    case AST_List: case AST_ListComp: return "list";
    case AST_Dict: case AST_DictComp: return "dict";
    case AST_Set: case AST_SetComp: return "set";
    case AST_GeneratorExp: return "generator";
    case AST_Lambda: return "function";
    case AST_JoinedStr: case AST_FormattedValue: return "str";
    case AST_Tuple: case AST_Constant: case AST_UnaryOp: case AST_BinOp: {
        Value v = folded(c, e);
        if (v) return val_type(v)->name;
        return e->kind == AST_Tuple ? "tuple" : NULL;
    }
    default: return NULL;
    }
}

/* `x is 1`: a literal other than None, True, False and ... is compared by identity. */
static bool is_literal(Compiler *c, ASTNode *e) {
    Value v = folded(c, e);
    return v && v != VNone && v != VTrue && v != VFalse && val_type(v) != &type_ellipsis;
}

static void check_compare(Compiler *c, ASTNode *e) {
    ASTIntSeq *ops = e->v.Compare.ops;
    ASTNode *left = e->v.Compare.left;
    for (int i = 0; i < ops->len; i++) {
        ASTNode *right = AST_SEQ_GET(e->v.Compare.comparators, i);
        int op = ops->elts[i];
        if ((op == AST_Is || op == AST_IsNot) && (is_literal(c, left) || is_literal(c, right))) {
            compile_warn(c, e, op == AST_Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                            : "\"is not\" with a literal. Did you mean \"!=\"?");
            return;
        }
        left = right;
    }
}

static void check_caller(Compiler *c, ASTNode *e, ASTNode *at) {
    switch (e->kind) {
    case AST_Constant: case AST_Tuple: case AST_List: case AST_ListComp: case AST_Dict: case AST_DictComp:
    case AST_Set: case AST_SetComp: case AST_GeneratorExp: case AST_JoinedStr: case AST_FormattedValue: {
        const char *t = infer_type_name(c, e);
        if (t) compile_warn(c, at, "'%.200s' object is not callable; perhaps you missed a comma?", t);
        break;
    }
    default: break;
    }
}

static void check_subscript(Compiler *c, ASTNode *e, ASTNode *at) {
    ASTNode *value = e->v.Subscript.value, *slice = e->v.Subscript.slice;
    bool warn = false;
    switch (value->kind) {
    case AST_Constant: {
        Value v = folded(c, value);
        warn = v && (v == VNone || val_type(v) == &type_ellipsis || int_check(v) || float_check(v) ||
                     complex_check(v) || anyset_check(v));
        break;
    }
    case AST_Set: case AST_SetComp: case AST_GeneratorExp: case AST_Lambda: warn = true; break;
    default: break;
    }
    if (warn) {
        compile_warn(c, at, "'%.200s' object is not subscriptable; perhaps you missed a comma?",
                     infer_type_name(c, value));
        return;
    }
    const char *index = infer_type_name(c, slice);
    if (!index || slice->kind == AST_Slice) return;
    Value iv = folded(c, slice);
    if (iv && int_check(iv)) return;
    switch (value->kind) {
    case AST_Constant: {
        Value v = folded(c, value);
        warn = v && (str_check(v) || bytes_check(v) || tuple_check(v));
        break;
    }
    case AST_Tuple: case AST_List: case AST_ListComp: case AST_JoinedStr: case AST_FormattedValue: warn = true; break;
    default: break;
    }
    if (warn)
        compile_warn(c, at, "%.200s indices must be integers or slices, not %.200s; perhaps you missed a comma?",
                     infer_type_name(c, value), index);
}

/* ---- Names ---- */

static Symbol *lookup(Compiler *c, const char *name) { return scope_find(c->u->scope, name); }

static int cell_reg(Compiler *c, Symbol *sym) {
    return sym->scope == SC_CELL ? c->u->cell_base + sym->index : c->u->cell_base + c->u->ncells + sym->index;
}

/* A local past the 8-bit registers (code.h: LOW_LOCALS). */
static bool local_is_wide(Compiler *c, Symbol *sym) { return sym->index >= c->u->nlow; }
static int wide_reg(Compiler *c, Symbol *sym) { return WIDE_BASE + (sym->index - c->u->nlow); }

/* Reads of a local not certainly bound here are checked (compile_bound.c). */
static bool local_needs_check(Compiler *c, Symbol *sym) { return !bound_has(c, sym->index); }

void name_load(Compiler *c, const char *name, int target, ASTNode *n) {
    Unit *u = c->u;
    Symbol *sym = lookup(c, name);
    SymScope sc = sym ? sym->scope : SC_GLOBAL_IMPLICIT;
    ScopeKind kind = u->scope->kind;
    if (kind == SCOPE_FUNCTION) {
        switch (sc) {
        case SC_LOCAL:
            if (local_is_wide(c, sym)) {
                emit(c, MK_ABx(OP_LOADWIDE, target, wide_reg(c, sym)));
                return;
            }
            if (local_needs_check(c, sym)) emit(c, MK_ABx(OP_CHECKLOCAL, sym->index, 0));
            if (target != sym->index) emit(c, MK_ABC(OP_MOVE, target, sym->index, 0));
            return;
        case SC_CELL:
        case SC_FREE:
            emit(c, MK_ABC(OP_LOADDEREF, target, cell_reg(c, sym), sc == SC_FREE));
            return;
        default:
            emit_x(c, MK_ABx(OP_LOADGLOBAL, target, add_name(c, name)), (uint32_t)add_site(c, name));
            return;
        }
    }
    if (sc == SC_GLOBAL_EXPLICIT) {
        emit_x(c, MK_ABx(OP_LOADGLOBAL, target, add_name(c, name)), (uint32_t)add_site(c, name));
    } else if (sc == SC_FREE && kind == SCOPE_CLASS) {
        emit_x(c, MK_ABx(OP_LOADCLASSDEREF, target, add_name(c, name)), (uint32_t)cell_reg(c, sym));
    } else {
        emit(c, MK_ABx(OP_LOADNAME, target, add_name(c, name)));
    }
}

void name_store(Compiler *c, const char *name, int src) {
    if (compile_forbidden_name(c, name, false)) return;
    Unit *u = c->u;
    Symbol *sym = lookup(c, name);
    SymScope sc = sym ? sym->scope : SC_LOCAL;
    if (u->scope->kind == SCOPE_FUNCTION) {
        switch (sc) {
        case SC_LOCAL:
            if (local_is_wide(c, sym)) {
                emit(c, MK_ABx(OP_STOREWIDE, src, wide_reg(c, sym)));
                return;
            }
            if (src != sym->index) emit(c, MK_ABC(OP_MOVE, sym->index, src, 0));
            bound_add(c, sym->index);
            return;
        case SC_CELL:
        case SC_FREE:
            emit(c, MK_ABC(OP_STOREDEREF, cell_reg(c, sym), src, 0));
            return;
        default:
            emit(c, MK_ABx(OP_STOREGLOBAL, src, add_name(c, name)));
            return;
        }
    }
    if (sc == SC_GLOBAL_EXPLICIT) emit(c, MK_ABx(OP_STOREGLOBAL, src, add_name(c, name)));
    else if (sc == SC_CELL && u->scope->kind == SCOPE_CLASS) {
        /* A class-level name that is also a cell: store in both namespace and cell. */
        emit(c, MK_ABx(OP_STORENAME, src, add_name(c, name)));
    } else if (sc == SC_FREE && u->scope->kind == SCOPE_CLASS) {
        emit(c, MK_ABC(OP_STOREDEREF, cell_reg(c, sym), src, 0));
    } else emit(c, MK_ABx(OP_STORENAME, src, add_name(c, name)));
}

void name_delete(Compiler *c, const char *name, ASTNode *n) {
    if (compile_forbidden_name(c, name, true)) return;
    Unit *u = c->u;
    Symbol *sym = lookup(c, name);
    SymScope sc = sym ? sym->scope : SC_LOCAL;
    if (u->scope->kind == SCOPE_FUNCTION) {
        switch (sc) {
        case SC_LOCAL:
            if (local_is_wide(c, sym)) {
                emit(c, MK_ABx(OP_DELWIDE, 0, wide_reg(c, sym)));
                return;
            }
            if (local_needs_check(c, sym)) emit(c, MK_ABx(OP_CHECKLOCAL, sym->index, 0));
            emit(c, MK_ABC(OP_CLEAR, sym->index, 0, 0));
            bound_remove(c, sym->index);
            return;
        case SC_CELL:
        case SC_FREE:
            emit(c, MK_ABC(OP_DELDEREF, cell_reg(c, sym), 0, 0));
            return;
        default:
            emit(c, MK_ABx(OP_DELGLOBAL, 0, add_name(c, name)));
            return;
        }
    }
    if (sc == SC_GLOBAL_EXPLICIT) emit(c, MK_ABx(OP_DELGLOBAL, 0, add_name(c, name)));
    else emit(c, MK_ABx(OP_DELNAME, 0, add_name(c, name)));
}

/* ---- Helpers ---- */

bool has_walrus(ASTNode *e) {
    if (!e) return false;
    switch (e->kind) {
    case AST_NamedExpr: return true;
    case AST_Constant: case AST_Name: return false;
    case AST_Lambda: case AST_ListComp: case AST_SetComp: case AST_DictComp: case AST_GeneratorExp:
        return true; /* conservative: comprehensions may bind with := */
    case AST_BinOp: return has_walrus(e->v.BinOp.left) || has_walrus(e->v.BinOp.right);
    case AST_UnaryOp: return has_walrus(e->v.UnaryOp.operand);
    case AST_Attribute: return has_walrus(e->v.Attribute.value);
    case AST_Subscript: return has_walrus(e->v.Subscript.value) || has_walrus(e->v.Subscript.slice);
    case AST_Compare:
        if (has_walrus(e->v.Compare.left)) return true;
        for (int i = 0; i < AST_SEQ_LEN(e->v.Compare.comparators); i++)
            if (has_walrus(AST_SEQ_GET(e->v.Compare.comparators, i))) return true;
        return false;
    default: return true;  /* calls etc.: assume the worst */
    }
}

static bool is_plain_local(Compiler *c, ASTNode *e) {
    if (e->kind != AST_Name || c->u->scope->kind != SCOPE_FUNCTION) return false;
    Symbol *sym = lookup(c, e->v.Name.id);
    return sym && sym->scope == SC_LOCAL && sym->index < c->u->nlow;
}

/* A register no name lives in (allocated by reg_alloc, above the locals and cells). */
static bool is_temp(Compiler *c, int r) { return r >= c->u->cell_base + c->u->ncells + c->u->nfrees; }

/* Evaluate e to a register that stays valid while `later` is evaluated. */
static int expr_stable(Compiler *c, ASTNode *e, ASTNode *later) {
    if (is_plain_local(c, e) && later && has_walrus(later)) {
        int t = reg_alloc(c);
        into(c, e, t);
        return t;
    }
    return expr(c, e);
}

int expr(Compiler *c, ASTNode *e) {
    if (c->failed) return 0;
    if (is_plain_local(c, e)) {
        Symbol *sym = lookup(c, e->v.Name.id);
        set_loc(c, e);
        if (local_needs_check(c, sym)) emit(c, MK_ABx(OP_CHECKLOCAL, sym->index, 0));
        return sym->index;
    }
    int t = reg_alloc(c);
    into(c, e, t);
    return t;
}

void expr_discard(Compiler *c, ASTNode *e) {
    int mark = c->u->next_reg;
    expr(c, e);
    reg_free_to(c, mark);
}

/* ---- Conditions ---- */

/* Jump when e's truth equals `cond`; the jump positions are added to patches. */
void jump_if(Compiler *c, ASTNode *e, bool cond, int *patches, int *npatches) {
    if (c->failed) return;
    if (e->kind == AST_UnaryOp && e->v.UnaryOp.op == AST_Not) {
        jump_if(c, e->v.UnaryOp.operand, !cond, patches, npatches);
        return;
    }
    if (e->kind == AST_BoolOp && *npatches < 60) {
        bool is_and = e->v.BoolOp.op == AST_And;
        ASTSeq *vals = e->v.BoolOp.values;
        int n = AST_SEQ_LEN(vals);
        if (is_and == !cond) {
            /* (a and b) false -> any false; (a or b) true -> any true */
            for (int i = 0; i < n; i++) jump_if(c, AST_SEQ_GET(vals, i), cond, patches, npatches);
        } else {
            /* (a and b) true: all true; skip out on the first false */
            int skip[64], nskip = 0;
            for (int i = 0; i < n - 1; i++) jump_if(c, AST_SEQ_GET(vals, i), !cond, skip, &nskip);
            jump_if(c, AST_SEQ_GET(vals, n - 1), cond, patches, npatches);
            for (int i = 0; i < nskip; i++) patch_jump(c, skip[i], here(c));
        }
        return;
    }
    int mark = c->u->next_reg;
    int r = expr(c, e);
    set_loc(c, e);
    if (*npatches < 64) patches[(*npatches)++] = emit_jump(c, cond ? OP_JUMPIFTRUE : OP_JUMPIFFALSE, r);
    else compile_error(c, e, "too many nested conditions");
    reg_free_to(c, mark);
}

/* ---- Displays ---- */

static bool any_starred(ASTSeq *s) {
    for (int i = 0; i < AST_SEQ_LEN(s); i++)
        if (AST_SEQ_GET(s, i)->kind == AST_Starred) return true;
    return false;
}

/* Build a list of elts into target, supporting *x and long displays. */
static void list_append_elts(Compiler *c, ASTSeq *elts, int target);
static void build_list_incremental(Compiler *c, ASTSeq *elts, int target) {
    emit(c, MK_ABC(OP_BUILDLIST, target, 0, 0));
    list_append_elts(c, elts, target);
}

/* Append (or extend by, for *x) each element to the list in target. */
static void list_append_elts(Compiler *c, ASTSeq *elts, int target) {
    int mark = c->u->next_reg;
    for (int i = 0; i < AST_SEQ_LEN(elts); i++) {
        ASTNode *x = AST_SEQ_GET(elts, i);
        if (x->kind == AST_Starred) {
            int r = expr(c, x->v.Starred.value);
            set_loc(c, x);
            emit(c, MK_ABC(OP_LISTEXTEND, target, r, 0));
        } else {
            int r = expr(c, x);
            emit(c, MK_ABC(OP_LISTAPPEND, target, r, 0));
        }
        reg_free_to(c, mark);
    }
}

#define MAX_DIRECT_ELTS 32

/* A display of 3+ constants: CPython 3.11 loads one constant (a tuple, or
 * for sets a frozenset) and extends an empty container with it.  For sets
 * the order matters: CPython's constant merging rebuilds the frozenset from
 * the first one's iteration order, so we do the same to print alike. */
static bool const_display(Compiler *c, ASTSeq *elts, int op, int target) {
    int n = AST_SEQ_LEN(elts);
    if (n <= 2 || n > 1024) return false;
    Value t = tuple_new((size_t)n);
    if (!t) return false;
    for (int i = 0; i < n; i++) {
        ASTNode *x = AST_SEQ_GET(elts, i);
        if (x->kind != AST_Constant && x->kind != AST_UnaryOp && x->kind != AST_BinOp && x->kind != AST_Tuple)
            return false;
        Value v = fold_const(c, x);
        if (!v) {
            err_clear();
            return false;
        }
        tuple_items(t)[i] = v;
    }
    Value k = t;
    if (op == OP_BUILDSET) {
        Value fs = set_from_iterable(&type_frozenset, t);
        Value order = fs ? tuple_from_iterable(fs) : VNULL;  /* a tuple: no table copy */
        Value fs2 = order ? set_from_iterable(&type_frozenset, order) : VNULL;
        if (!fs2) {
            err_clear();
            return false;
        }
        k = fs2;
    }
    int mark = c->u->next_reg;
    int r = reg_alloc(c);
    emit(c, MK_ABC(op, target, 0, 0));
    emit(c, MK_ABx(OP_LOADK, r, add_const(c, k)));
    emit(c, MK_ABC(op == OP_BUILDSET ? OP_SETUPDATE : OP_LISTEXTEND, target, r, 0));
    reg_free_to(c, mark);
    return true;
}

static void build_seq(Compiler *c, ASTNode *e, ASTSeq *elts, int op, int target) {
    int n = AST_SEQ_LEN(elts);
    if ((op == OP_BUILDSET || op == OP_BUILDLIST) && const_display(c, elts, op, target)) return;
    if (any_starred(elts) || n > MAX_DIRECT_ELTS) {
        if (op == OP_BUILDSET) {
            emit(c, MK_ABC(OP_BUILDSET, target, 0, 0));
            int mark = c->u->next_reg;
            for (int i = 0; i < n; i++) {
                ASTNode *x = AST_SEQ_GET(elts, i);
                int r = expr(c, x->kind == AST_Starred ? x->v.Starred.value : x);
                emit(c, MK_ABC(x->kind == AST_Starred ? OP_SETUPDATE : OP_SETADD, target, r, 0));
                reg_free_to(c, mark);
            }
            return;
        }
        build_list_incremental(c, elts, target);
        set_loc(c, e);
        if (op == OP_BUILDTUPLE) emit(c, MK_ABC(OP_LISTTOTUPLE, target, target, 0));
        return;
    }
    int mark = c->u->next_reg;
    int base = reg_alloc_n(c, n);
    for (int i = 0; i < n; i++) into(c, AST_SEQ_GET(elts, i), base + i);
    set_loc(c, e);
    emit(c, MK_ABC(op, target, base, n));
    reg_free_to(c, mark);
}

static void build_dict(Compiler *c, ASTNode *e, int target) {
    ASTSeq *keys = e->v.Dict.keys, *vals = e->v.Dict.values;
    int n = AST_SEQ_LEN(vals);
    bool simple = n <= MAX_DIRECT_ELTS / 2;
    for (int i = 0; i < n && simple; i++)
        if (!keys->elts[i]) simple = false;
    int mark = c->u->next_reg;
    if (simple) {
        int base = reg_alloc_n(c, 2 * n);
        for (int i = 0; i < n; i++) {
            into(c, AST_SEQ_GET(keys, i), base + 2 * i);
            into(c, AST_SEQ_GET(vals, i), base + 2 * i + 1);
        }
        set_loc(c, e);
        emit(c, MK_ABC(OP_BUILDDICT, target, base, n));
        reg_free_to(c, mark);
        return;
    }
    emit(c, MK_ABC(OP_BUILDDICT, target, 0, 0));
    for (int i = 0; i < n; i++) {
        if (!keys->elts[i]) {
            int r = expr(c, AST_SEQ_GET(vals, i));
            set_loc(c, e);
            emit(c, MK_ABC(OP_DICTUPDATE, target, r, 0));
        } else {
            int k = expr_stable(c, AST_SEQ_GET(keys, i), AST_SEQ_GET(vals, i));
            int v = expr(c, AST_SEQ_GET(vals, i));
            emit(c, MK_ABC(OP_DICTSET, target, k, v));
        }
        reg_free_to(c, mark);
    }
}

/* ---- Calls ---- */

static bool call_is_simple(ASTNode *e) {
    if (any_starred(e->v.Call.args)) return false;
    for (int i = 0; i < AST_SEQ_LEN(e->v.Call.keywords); i++)
        if (!AST_SEQ_GET(e->v.Call.keywords, i)->v.keyword.arg) return false;
    return AST_SEQ_LEN(e->v.Call.args) + AST_SEQ_LEN(e->v.Call.keywords) <= MAX_DIRECT_ELTS;
}

static int kwnames_const(Compiler *c, ASTSeq *kws) {
    int nk = AST_SEQ_LEN(kws);
    Value t = tuple_new((size_t)nk);
    if (!t) {
        c->failed = true;
        return 0;
    }
    for (int i = 0; i < nk; i++) tuple_items(t)[i] = intern_id(AST_SEQ_GET(kws, i)->v.keyword.arg);
    return add_const(c, t);
}

/* f(*args, **kwargs) and friends: build a tuple and a dict, then CALLEX. */
static void call_ex(Compiler *c, ASTNode *e, int fnreg, int target) {
    call_ex_parts(c, e, fnreg, 0, 0, e->v.Call.args, e->v.Call.keywords, target);
}

/* fn(R[pre], ..., R[pre+npre-1], *args..., **kws...) at e's location. */
void call_ex_parts(Compiler *c, ASTNode *e, int fnreg, int pre, int npre, ASTSeq *args, ASTSeq *kws, int target) {
    int mark = c->u->next_reg;
    int base = reg_alloc_n(c, 3);
    if (fnreg != base) emit(c, MK_ABC(OP_MOVE, base, fnreg, 0));
    emit(c, MK_ABC(OP_BUILDLIST, base + 1, pre, npre));
    list_append_elts(c, args, base + 1);
    emit(c, MK_ABC(OP_LISTTOTUPLE, base + 1, base + 1, 0));
    int nk = AST_SEQ_LEN(kws);
    if (nk) {
        /* Runs of name=value go through a small dict so that every merge into
         * the final kwargs dict checks for duplicates, in source order. */
        emit(c, MK_ABC(OP_BUILDDICT, base + 2, 0, 0));
        int i = 0;
        while (i < nk) {
            int m2 = c->u->next_reg;
            ASTNode *kw = AST_SEQ_GET(kws, i);
            if (!kw->v.keyword.arg) {
                int r = expr(c, kw->v.keyword.value);
                set_loc(c, e);
                emit(c, MK_ABC(OP_DICTMERGE, base + 2, r, base));
                i++;
            } else {
                int tmp = reg_alloc(c);
                emit(c, MK_ABC(OP_BUILDDICT, tmp, 0, 0));
                int pair = reg_alloc_n(c, 2);
                for (; i < nk && AST_SEQ_GET(kws, i)->v.keyword.arg; i++) {
                    ASTNode *k2 = AST_SEQ_GET(kws, i);
                    load_const_value(c, intern_id(k2->v.keyword.arg), pair);
                    into(c, k2->v.keyword.value, pair + 1);
                    emit(c, MK_ABC(OP_DICTSET, tmp, pair, pair + 1));
                }
                set_loc(c, e);
                emit(c, MK_ABC(OP_DICTMERGE, base + 2, tmp, base));
            }
            reg_free_to(c, m2);
        }
    }
    set_loc(c, e);
    emit(c, MK_ABC(OP_CALLEX, target, base, nk ? 1 : 0));
    reg_free_to(c, mark);
}

/* The call's block of registers (callable, arguments) starts at the target
 * when the target is the newest temporary: the result lands where it is
 * wanted without a MOVE, and the temporary, written before the call, never
 * keeps a stale value alive across it (the collector scans the registers
 * below the allocation top, and `f = C(); del f; gc.collect()` must free the
 * instance). */
static int call_base(Compiler *c, int target, int n) {
    Unit *u = c->u;
    if (is_temp(c, target) && target == u->next_reg - 1) {
        if (n > 1) reg_alloc_n(c, n - 1);
        return target;
    }
    return reg_alloc_n(c, n);
}

static void compile_call(Compiler *c, ASTNode *e, int target) {
    ASTNode *fn = e->v.Call.func;
    ASTSeq *args = e->v.Call.args, *kws = e->v.Call.keywords;
    if (!compile_check_keywords(c, kws)) return;
    check_caller(c, fn, e);
    int nargs = AST_SEQ_LEN(args), nk = AST_SEQ_LEN(kws);
    int mark = c->u->next_reg;
    bool simple = call_is_simple(e);
    /* obj.meth(...): LOADMETHOD avoids allocating a bound method. */
    if (simple && fn->kind == AST_Attribute) {
        int base = call_base(c, target, 2 + nargs + nk);
        int obj = expr(c, fn->v.Attribute.value);
        set_loc(c, fn);
        emit_x(c, MK_ABC(OP_LOADMETHOD, base, obj, 0), (uint32_t)add_site(c, fn->v.Attribute.attr));
        for (int i = 0; i < nargs; i++) into(c, AST_SEQ_GET(args, i), base + 2 + i);
        for (int i = 0; i < nk; i++) into(c, AST_SEQ_GET(kws, i)->v.keyword.value, base + 2 + nargs + i);
        set_loc(c, e);
        if (nk) emit_x(c, MK_ABC(OP_CALLMETHODKW, base, nargs + nk, 0), (uint32_t)kwnames_const(c, kws));
        else emit(c, MK_ABC(OP_CALLMETHOD, base, nargs, 0));
        if (target != base) emit(c, MK_ABC(OP_MOVE, target, base, 0));
        reg_free_to(c, mark);
        return;
    }
    int base = call_base(c, target, simple ? 1 + nargs + nk : 1);
    into(c, fn, base);
    if (!simple) {
        call_ex(c, e, base, target);
        reg_free_to(c, mark);
        return;
    }
    for (int i = 0; i < nargs; i++) into(c, AST_SEQ_GET(args, i), base + 1 + i);
    for (int i = 0; i < nk; i++) into(c, AST_SEQ_GET(kws, i)->v.keyword.value, base + 1 + nargs + i);
    set_loc(c, e);
    if (nk) emit_x(c, MK_ABC(OP_CALLKW, base, nargs + nk, 0), (uint32_t)kwnames_const(c, kws));
    else emit(c, MK_ABC(OP_CALL, base, nargs, 0));
    if (target != base) emit(c, MK_ABC(OP_MOVE, target, base, 0));
    reg_free_to(c, mark);
}

/* ---- f-strings ---- */

static void compile_formatted(Compiler *c, ASTNode *e, int target) {
    into(c, e->v.FormattedValue.value, target);
    int conv = 0;
    switch (e->v.FormattedValue.conversion) {
    case 's': conv = 1; break;
    case 'r': conv = 2; break;
    case 'a': conv = 3; break;
    case -1: break;
    default:
        /* Only a FormattedValue built by a program can get here. */
        if (!c->failed) {
            c->failed = true;
            err_format(&exc_SystemError, "Unrecognized conversion character %d", e->v.FormattedValue.conversion);
        }
        return;
    }
    int mark = c->u->next_reg;
    int spec = 0;
    if (e->v.FormattedValue.format_spec) {
        spec = expr(c, e->v.FormattedValue.format_spec);
        conv |= 4;
    }
    set_loc(c, e);
    emit(c, MK_ABC(OP_FORMAT, target, spec, conv));
    reg_free_to(c, mark);
}

static void compile_joined(Compiler *c, ASTNode *e, int target) {
    ASTSeq *vals = e->v.JoinedStr.values;
    int n = AST_SEQ_LEN(vals);
    if (n == 0) {
        load_const_value(c, str_empty(), target);
        return;
    }
    if (n == 1 && AST_SEQ_GET(vals, 0)->kind == AST_FormattedValue) {
        compile_formatted(c, AST_SEQ_GET(vals, 0), target);
        return;
    }
    int mark = c->u->next_reg;
    if (n > MAX_DIRECT_ELTS) {
        /* Long f-strings: the text so far and the next MAX_DIRECT_ELTS - 1
         * parts at a time, which keeps the copying of the growing prefix
         * to n / 31 times (pairwise, f'{x} ' * 65000 took seconds). */
        load_const_value(c, str_empty(), target);
        int t = reg_alloc_n(c, MAX_DIRECT_ELTS);
        for (int i = 0; i < n; i += MAX_DIRECT_ELTS - 1) {
            int k = n - i < MAX_DIRECT_ELTS - 1 ? n - i : MAX_DIRECT_ELTS - 1;
            emit(c, MK_ABC(OP_MOVE, t, target, 0));
            for (int j = 0; j < k; j++) into(c, AST_SEQ_GET(vals, i + j), t + 1 + j);
            emit(c, MK_ABC(OP_BUILDSTRING, target, t, k + 1));
        }
        reg_free_to(c, mark);
        return;
    }
    int base = reg_alloc_n(c, n);
    for (int i = 0; i < n; i++) into(c, AST_SEQ_GET(vals, i), base + i);
    set_loc(c, e);
    emit(c, MK_ABC(OP_BUILDSTRING, target, base, n));
    reg_free_to(c, mark);
}

/* ---- Comparisons ---- */

static int cmp_opcode(ASTCmpOp op) {
    switch (op) {
    case AST_Eq: return OP_EQ;
    case AST_NotEq: return OP_NE;
    case AST_Lt: return OP_LT;
    case AST_LtE: return OP_LE;
    case AST_Gt: return OP_GT;
    case AST_GtE: return OP_GE;
    case AST_Is: return OP_IS;
    case AST_IsNot: return OP_ISNOT;
    case AST_In: return OP_IN;
    case AST_NotIn: return OP_NOTIN;
    }
    return OP_EQ;
}

static void compile_compare(Compiler *c, ASTNode *e, int target) {
    check_compare(c, e);
    ASTIntSeq *cops = e->v.Compare.ops;
    ASTSeq *rest = e->v.Compare.comparators;
    int n = cops->len;
    int mark = c->u->next_reg;
    int left = expr_stable(c, e->v.Compare.left, AST_SEQ_GET(rest, 0));
    if (n == 1) {
        int right = expr(c, AST_SEQ_GET(rest, 0));
        set_loc(c, e);
        emit(c, MK_ABC(cmp_opcode((ASTCmpOp)cops->elts[0]), target, left, right));
        reg_free_to(c, mark);
        return;
    }
    /* a < b < c: b is evaluated once and kept in a temporary. */
    int patches[64], np = 0;
    int mid = reg_alloc(c);
    for (int i = 0; i < n; i++) {
        ASTNode *r = AST_SEQ_GET(rest, i);
        if (i < n - 1) into(c, r, mid);
        int right = i < n - 1 ? mid : expr(c, r);
        set_loc(c, e);
        emit(c, MK_ABC(cmp_opcode((ASTCmpOp)cops->elts[i]), target, left, right));
        if (i < n - 1) {
            if (np < 64) patches[np++] = emit_jump(c, OP_JUMPIFFALSE, target);
            int nl = reg_alloc(c);
            emit(c, MK_ABC(OP_MOVE, nl, mid, 0));
            left = nl;
        }
    }
    for (int i = 0; i < np; i++) patch_jump(c, patches[i], here(c));
    reg_free_to(c, mark);
}

/* ---- The expression switch ---- */

/* Expressions that write their target before the last operand is read: a
 * short-circuit result, a chained comparison's partial result, a display
 * built item by item.  Into a variable's register (`x = y or x`,
 * `x = [*y, *x]`) they would clobber x before reading it. */
static bool writes_target_early(ASTNode *e) {
    switch (e->kind) {
    case AST_BoolOp: return true;
    case AST_Compare: return e->v.Compare.ops->len > 1;
    case AST_List: return any_starred(e->v.List.elts) || AST_SEQ_LEN(e->v.List.elts) > MAX_DIRECT_ELTS;
    case AST_Tuple: return any_starred(e->v.Tuple.elts) || AST_SEQ_LEN(e->v.Tuple.elts) > MAX_DIRECT_ELTS;
    case AST_Set: return any_starred(e->v.Set.elts) || AST_SEQ_LEN(e->v.Set.elts) > MAX_DIRECT_ELTS;
    case AST_Dict: {
        ASTSeq *keys = e->v.Dict.keys;
        int n = AST_SEQ_LEN(e->v.Dict.values);
        if (n > MAX_DIRECT_ELTS / 2) return true;
        for (int i = 0; i < n; i++)
            if (!keys->elts[i]) return true;
        return false;
    }
    default: return false;
    }
}

void into(Compiler *c, ASTNode *e, int target) {
    if (c->failed) return;
    Unit *u = c->u;
    int mark = u->next_reg;
    if (!is_temp(c, target) && writes_target_early(e)) {
        int t = reg_alloc(c);
        into(c, e, t);
        emit(c, MK_ABC(OP_MOVE, target, t, 0));
        reg_free_to(c, mark);
        return;
    }
    CodeLoc saved = u->loc;
    set_loc(c, e);
    switch (e->kind) {
    case AST_Constant: {
        Value v = const_from_ast(c, &e->v.Constant.value);
        if (!v) {
            c->failed = true;
            break;
        }
        load_const_value(c, v, target);
        break;
    }
    case AST_Name:
        /* __debug__ is a constant of the compilation, as in CPython's AST
         * optimizer: rebinding builtins.__debug__ changes nothing. */
        if (!strcmp(e->v.Name.id, "__debug__")) {
            load_const_value(c, c->optimize ? VFalse : VTrue, target);
            break;
        }
        name_load(c, e->v.Name.id, target, e);
        break;
    case AST_BinOp: {
        Value k = fold_const(c, e);
        if (k) {
            load_const_value(c, k, target);
            break;
        }
        if (err_occurred()) err_clear();
        /* A temporary target takes the left operand: a left-deep chain
         * (a + b + c + ...) then needs two registers, not one per term. */
        int l = target;
        if (is_temp(c, target)) into(c, e->v.BinOp.left, target);
        else l = expr_stable(c, e->v.BinOp.left, e->v.BinOp.right);
        int r = expr(c, e->v.BinOp.right);
        set_loc(c, e);
        emit(c, MK_ABC(OP_ADD + ast_binop(e->v.BinOp.op), target, l, r));
        break;
    }
    case AST_UnaryOp: {
        Value k = fold_const(c, e);
        if (k) {
            load_const_value(c, k, target);
            break;
        }
        int r = expr(c, e->v.UnaryOp.operand);
        set_loc(c, e);
        int op = OP_NOT;
        switch (e->v.UnaryOp.op) {
        case AST_Invert: op = OP_INVERT; break;
        case AST_Not: op = OP_NOT; break;
        case AST_UAdd: op = OP_POS; break;
        case AST_USub: op = OP_NEG; break;
        }
        emit(c, MK_ABC(op, target, r, 0));
        break;
    }
    case AST_BoolOp: {
        ASTSeq *vals = e->v.BoolOp.values;
        int n = AST_SEQ_LEN(vals);
        int patches[256], np = 0;
        int op = e->v.BoolOp.op == AST_And ? OP_JUMPIFFALSE : OP_JUMPIFTRUE;
        for (int i = 0; i < n; i++) {
            into(c, AST_SEQ_GET(vals, i), target);
            if (i < n - 1) {
                if (np < 256) patches[np++] = emit_jump(c, op, target);
                else compile_error(c, e, "too many operands");
            }
        }
        for (int i = 0; i < np; i++) patch_jump(c, patches[i], here(c));
        break;
    }
    case AST_Compare:
        compile_compare(c, e, target);
        break;
    case AST_IfExp: {
        int jf[64], nf = 0;
        jump_if(c, e->v.IfExp.test, false, jf, &nf);
        into(c, e->v.IfExp.body, target);
        int end = emit_jump(c, OP_JUMP, 0);
        for (int i = 0; i < nf; i++) patch_jump(c, jf[i], here(c));
        into(c, e->v.IfExp.orelse, target);
        patch_jump(c, end, here(c));
        break;
    }
    case AST_NamedExpr: {
        into(c, e->v.NamedExpr.value, target);
        /* It may sit in a short-circuited operand: it binds nothing certainly. */
        LocalSet before = bound_get(c);
        set_loc(c, e->v.NamedExpr.target);
        if (e->v.NamedExpr.target->kind == AST_Name) name_store(c, e->v.NamedExpr.target->v.Name.id, target);
        else store_target(c, e->v.NamedExpr.target, target);   /* a tree from ast objects */
        bound_set(c, before);
        break;
    }
    case AST_List:
        build_seq(c, e, e->v.List.elts, OP_BUILDLIST, target);
        break;
    case AST_Tuple: {
        Value k = fold_const(c, e);
        if (k) {
            load_const_value(c, k, target);
            break;
        }
        if (err_occurred()) err_clear();
        build_seq(c, e, e->v.Tuple.elts, OP_BUILDTUPLE, target);
        break;
    }
    case AST_Set:
        build_seq(c, e, e->v.Set.elts, OP_BUILDSET, target);
        break;
    case AST_Dict:
        build_dict(c, e, target);
        break;
    case AST_Call:
        compile_call(c, e, target);
        break;
    case AST_Attribute: {
        int obj = expr(c, e->v.Attribute.value);
        set_loc(c, e);
        emit_x(c, MK_ABC(OP_GETATTR, target, obj, 0), (uint32_t)add_site(c, e->v.Attribute.attr));
        break;
    }
    case AST_Subscript: {
        check_subscript(c, e, e);
        int obj = expr_stable(c, e->v.Subscript.value, e->v.Subscript.slice);
        int key = expr(c, e->v.Subscript.slice);
        set_loc(c, e);
        emit(c, MK_ABC(OP_GETITEM, target, obj, key));
        break;
    }
    case AST_Slice: {
        ASTNode *parts[3] = {e->v.Slice.lower, e->v.Slice.upper, e->v.Slice.step};
        int n = parts[2] ? 3 : 2;
        int base = reg_alloc_n(c, n);
        for (int i = 0; i < n; i++) {
            if (parts[i]) into(c, parts[i], base + i);
            else emit(c, MK_ABC(OP_LOADNONE, base + i, 0, 0));
        }
        set_loc(c, e);
        emit(c, MK_ABC(OP_BUILDSLICE, target, base, n));
        break;
    }
    case AST_JoinedStr:
        compile_joined(c, e, target);
        break;
    case AST_FormattedValue:
        compile_formatted(c, e, target);
        break;
    case AST_Lambda:
        compile_lambda(c, e, target);
        break;
    case AST_ListComp:
    case AST_SetComp:
    case AST_DictComp:
    case AST_GeneratorExp:
        compile_comprehension(c, e, target);
        break;
    case AST_Yield: {
        if (u->scope->kind != SCOPE_FUNCTION) {
            compile_error(c, e, "'yield' outside function");
            break;
        }
        int v;
        if (e->v.Yield.value) v = expr(c, e->v.Yield.value);
        else {
            v = reg_alloc(c);
            emit(c, MK_ABC(OP_LOADNONE, v, 0, 0));
        }
        set_loc(c, e);
        emit(c, MK_ABC(OP_YIELD, target, v, 0));
        break;
    }
    case AST_YieldFrom: {
        if (u->scope->kind != SCOPE_FUNCTION) {
            compile_error(c, e, "'yield' outside function");
            break;
        }
        if (u->scope->is_coroutine) {
            compile_error(c, e, "'yield from' inside async function");
            break;
        }
        int v = expr(c, e->v.YieldFrom.value);
        set_loc(c, e);
        int it = reg_alloc(c);
        emit(c, MK_ABC(OP_GETITER, it, v, 1));
        emit(c, MK_ABC(OP_YIELDFROM, target, it, 0));
        break;
    }
    case AST_Await: {
        /* In a comprehension the await makes the comprehension asynchronous;
        ** compile_comprehension() checks where that is allowed. */
        if ((u->scope->kind != SCOPE_FUNCTION || !u->scope->is_coroutine) && !top_level_await_here(c)) {
            compile_error(c, e, u->scope->kind == SCOPE_FUNCTION ? "'await' outside async function"
                                                                 : "'await' outside function");
            break;
        }
        int v = expr(c, e->v.Await.value);
        set_loc(c, e);
        emit(c, MK_ABC(OP_GETAWAITABLE, target, v, 0));
        emit(c, MK_ABC(OP_YIELDFROM, target, target, 1));
        break;
    }
    case AST_Starred:
        compile_error(c, e, "can't use starred expression here");
        break;
    default:
        compile_error(c, e, "unsupported expression");
        break;
    }
    reg_free_to(c, mark);
    u->loc = saved;
}

/* ---- Assignment targets ---- */

static void unpack_into(Compiler *c, ASTNode *t, ASTSeq *elts, int src) {
    int n = AST_SEQ_LEN(elts);
    int star = -1;
    for (int i = 0; i < n; i++) {
        if (AST_SEQ_GET(elts, i)->kind == AST_Starred) {
            if (star >= 0) {
                compile_error(c, AST_SEQ_GET(elts, i), "multiple starred expressions in assignment");
                return;
            }
            star = i;
        }
    }
    int mark = c->u->next_reg;
    int base = reg_alloc_n(c, n);
    set_loc(c, t);
    if (star < 0) {
        emit(c, MK_ABC(OP_UNPACK, base, src, n));
    } else {
        int after = n - star - 1;
        if (star >= 256 || after >= 1 << 16) {
            compile_error(c, t, "too many expressions in star-unpacking assignment");
            return;
        }
        emit_x(c, MK_ABC(OP_UNPACKEX, base, src, 0), (uint32_t)star | ((uint32_t)after << 16));
    }
    for (int i = 0; i < n; i++) {
        ASTNode *x = AST_SEQ_GET(elts, i);
        store_target(c, x->kind == AST_Starred ? x->v.Starred.value : x, base + i);
    }
    reg_free_to(c, mark);
}

void store_target(Compiler *c, ASTNode *t, int src) {
    if (c->failed) return;
    CodeLoc saved = c->u->loc;
    set_loc(c, t);
    int mark = c->u->next_reg;
    switch (t->kind) {
    case AST_Name:
        name_store(c, t->v.Name.id, src);
        break;
    case AST_Attribute: {
        if (compile_forbidden_name(c, t->v.Attribute.attr, false)) break;
        int obj = expr(c, t->v.Attribute.value);
        set_loc(c, t);
        emit_x(c, MK_ABC(OP_SETATTR, obj, src, 0), (uint32_t)add_site(c, t->v.Attribute.attr));
        break;
    }
    case AST_Subscript: {
        int obj = expr(c, t->v.Subscript.value);
        int key = expr(c, t->v.Subscript.slice);
        set_loc(c, t);
        emit(c, MK_ABC(OP_SETITEM, obj, key, src));
        break;
    }
    case AST_Tuple:
        unpack_into(c, t, t->v.Tuple.elts, src);
        break;
    case AST_List:
        unpack_into(c, t, t->v.List.elts, src);
        break;
    case AST_Starred:
        compile_error(c, t, "starred assignment target must be in a list or tuple");
        break;
    default:
        compile_error(c, t, "cannot assign to expression");
        break;
    }
    reg_free_to(c, mark);
    c->u->loc = saved;
}

void delete_target(Compiler *c, ASTNode *t) {
    if (c->failed) return;
    int mark = c->u->next_reg;
    set_loc(c, t);
    switch (t->kind) {
    case AST_Name:
        name_delete(c, t->v.Name.id, t);
        break;
    case AST_Attribute: {
        if (compile_forbidden_name(c, t->v.Attribute.attr, true)) break;
        int obj = expr(c, t->v.Attribute.value);
        set_loc(c, t);
        emit_x(c, MK_ABC(OP_DELATTR, obj, 0, 0), (uint32_t)add_site(c, t->v.Attribute.attr));
        break;
    }
    case AST_Subscript: {
        int obj = expr(c, t->v.Subscript.value);
        int key = expr(c, t->v.Subscript.slice);
        set_loc(c, t);
        emit(c, MK_ABC(OP_DELITEM, obj, key, 0));
        break;
    }
    case AST_Tuple:
    case AST_List: {
        ASTSeq *elts = t->kind == AST_Tuple ? t->v.Tuple.elts : t->v.List.elts;
        for (int i = 0; i < AST_SEQ_LEN(elts); i++) delete_target(c, AST_SEQ_GET(elts, i));
        break;
    }
    default:
        compile_error(c, t, "cannot delete expression");
        break;
    }
    reg_free_to(c, mark);
}
