/* ast_validate.c - checks a tree built from ast objects before compile() generates code from it. */
#include "ast_module.h"
#include "../objects/type.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/complex.h"
#include "../objects/bytes.h"
#include "../objects/str.h"
#include "../objects/tuple.h"
#include "../objects/set.h"
#include "../vm/error.h"

/*
 * The parser only makes trees the code generator can handle; a program can
 * build anything.  This is CPython 3.11's _PyAST_Validate(): the same
 * checks in the same order (so the same error wins when a tree has several
 * problems) and the same messages.  It runs after the whole tree has been
 * converted, on the C tree.  Checks CPython leaves to its compiler
 * ("'break' outside loop", starred targets) stay the compiler's.
 */

typedef struct {
    int depth;
} Validator;

static int expr(Validator *v, ASTNode *e, ASTExprContext ctx);
static int stmts(Validator *v, ASTSeq *s);
static int exprs(Validator *v, ASTSeq *s, ASTExprContext ctx, bool null_ok);
static int pattern(Validator *v, ASTNode *p, bool star_ok);

static const char *const ctx_names[] = {"Load", "Store", "Del"};

static int fail(Type *t, const char *msg) {
    err_set(t, msg);
    return -1;
}

static int positions(ASTNode *n) {
    if (n->lineno > n->end_lineno) {
        err_format(&exc_ValueError, "AST node line range (%d, %d) is not valid", n->lineno, n->end_lineno);
        return -1;
    }
    if ((n->lineno < 0 && n->end_lineno != n->lineno) || (n->col_offset < 0 && n->col_offset != n->end_col_offset)) {
        err_format(&exc_ValueError, "AST node column range (%d, %d) for line range (%d, %d) is not valid",
                   n->col_offset, n->end_col_offset, n->lineno, n->end_lineno);
        return -1;
    }
    if (n->lineno == n->end_lineno && n->col_offset > n->end_col_offset) {
        err_format(&exc_ValueError, "line %d, column %d-%d is not a valid range", n->lineno, n->col_offset,
                   n->end_col_offset);
        return -1;
    }
    return 0;
}

static int enter(Validator *v) {
    if (err_enter_recursive(" during compilation") < 0) return -1;
    v->depth++;
    return 0;
}
static void leave(Validator *v) {
    v->depth--;
    err_leave_recursive();
}

static int name(const char *id) {
    static const char *const forbidden[] = {"None", "True", "False"};
    for (size_t i = 0; i < ARRAY_LEN(forbidden); i++)
        if (strcmp(id, forbidden[i]) == 0) {
            err_format(&exc_ValueError, "identifier field can't represent '%s' constant", forbidden[i]);
            return -1;
        }
    return 0;
}

static int nonempty(ASTSeq *s, const char *what, const char *owner) {
    if (AST_SEQ_LEN(s)) return 0;
    err_format(&exc_ValueError, "empty %s on %s", what, owner);
    return -1;
}

/* ---- Constants ---- */

static int constant_object(Value o) {
    if (o == VNone || o == VEllipsis || bool_check(o) || int_check_exact(o) || float_check_exact(o) ||
        complex_check_exact(o) || str_check_exact(o) || (!val_is_int(o) && val_type(o) == &type_bytes))
        return 0;
    if (tuple_check_exact(o) || (!val_is_int(o) && val_type(o) == &type_frozenset)) {
        if (err_enter_recursive(" during compilation") < 0) return -1;
        Value it = obj_iter(o);
        int r = it ? 0 : -1;
        for (Value x; r == 0 && (x = obj_next(it));) r = constant_object(x);
        if (r == 0 && err_occurred()) r = -1;
        err_leave_recursive();
        return r;
    }
    if (!err_occurred()) {
        const char *tn = val_type(o)->name, *dot = strrchr(tn, '.');
        err_format(&exc_TypeError, "got an invalid type in Constant: %s", dot ? dot + 1 : tn);
    }
    return -1;
}

static int constant(const ASTConst *k) { return k->kind == CONST_OBJECT ? constant_object((Value)k->obj) : 0; }

/* ---- Expressions ---- */

static int comprehension(Validator *v, ASTSeq *gens) {
    if (!AST_SEQ_LEN(gens)) return fail(&exc_ValueError, "comprehension with no generators");
    for (int i = 0; i < gens->len; i++) {
        ASTNode *g = AST_SEQ_GET(gens, i);
        if (expr(v, g->v.comprehension.target, AST_Store) < 0 || expr(v, g->v.comprehension.iter, AST_Load) < 0 ||
            exprs(v, g->v.comprehension.ifs, AST_Load, false) < 0)
            return -1;
    }
    return 0;
}

static int keywords(Validator *v, ASTSeq *kws) {
    for (int i = 0; i < AST_SEQ_LEN(kws); i++)
        if (expr(v, AST_SEQ_GET(kws, i)->v.keyword.value, AST_Load) < 0) return -1;
    return 0;
}

static int args(Validator *v, ASTSeq *as) {
    for (int i = 0; i < AST_SEQ_LEN(as); i++) {
        ASTNode *a = AST_SEQ_GET(as, i);
        if (positions(a) < 0) return -1;
        if (a->v.arg.annotation && expr(v, a->v.arg.annotation, AST_Load) < 0) return -1;
    }
    return 0;
}

static int arguments(Validator *v, ASTNode *a) {
    struct ast_arguments *x = &a->v.arguments;
    if (args(v, x->posonlyargs) < 0 || args(v, x->args) < 0) return -1;
    if (x->vararg && x->vararg->v.arg.annotation && expr(v, x->vararg->v.arg.annotation, AST_Load) < 0) return -1;
    if (args(v, x->kwonlyargs) < 0) return -1;
    if (x->kwarg && x->kwarg->v.arg.annotation && expr(v, x->kwarg->v.arg.annotation, AST_Load) < 0) return -1;
    if (AST_SEQ_LEN(x->defaults) > AST_SEQ_LEN(x->posonlyargs) + AST_SEQ_LEN(x->args))
        return fail(&exc_ValueError, "more positional defaults than args on arguments");
    if (AST_SEQ_LEN(x->kw_defaults) != AST_SEQ_LEN(x->kwonlyargs))
        return fail(&exc_ValueError, "length of kwonlyargs is not the same as kw_defaults on arguments");
    return exprs(v, x->defaults, AST_Load, false) < 0 || exprs(v, x->kw_defaults, AST_Load, true) < 0 ? -1 : 0;
}

static int expr_inner(Validator *v, ASTNode *e, ASTExprContext ctx) {
    bool has_ctx = true;
    ASTExprContext actual = AST_Load;
    switch (e->kind) {
    case AST_Attribute: actual = e->v.Attribute.ctx; break;
    case AST_Subscript: actual = e->v.Subscript.ctx; break;
    case AST_Starred: actual = e->v.Starred.ctx; break;
    case AST_Name:
        if (name(e->v.Name.id) < 0) return -1;
        actual = e->v.Name.ctx;
        break;
    case AST_List: actual = e->v.List.ctx; break;
    case AST_Tuple: actual = e->v.Tuple.ctx; break;
    default:
        if (ctx != AST_Load) {
            err_format(&exc_ValueError, "expression which can't be assigned to in %s context", ctx_names[ctx]);
            return -1;
        }
        has_ctx = false;
    }
    if (has_ctx && actual != ctx) {
        err_format(&exc_ValueError, "expression must have %s context but has %s instead", ctx_names[ctx],
                   ctx_names[actual]);
        return -1;
    }
    switch (e->kind) {
    case AST_BoolOp:
        if (AST_SEQ_LEN(e->v.BoolOp.values) < 2) return fail(&exc_ValueError, "BoolOp with less than 2 values");
        return exprs(v, e->v.BoolOp.values, AST_Load, false);
    case AST_BinOp:
        return expr(v, e->v.BinOp.left, AST_Load) < 0 ? -1 : expr(v, e->v.BinOp.right, AST_Load);
    case AST_UnaryOp: return expr(v, e->v.UnaryOp.operand, AST_Load);
    case AST_Lambda: return arguments(v, e->v.Lambda.args) < 0 ? -1 : expr(v, e->v.Lambda.body, AST_Load);
    case AST_IfExp:
        return expr(v, e->v.IfExp.test, AST_Load) < 0 || expr(v, e->v.IfExp.body, AST_Load) < 0 ||
                       expr(v, e->v.IfExp.orelse, AST_Load) < 0
                   ? -1 : 0;
    case AST_Dict:
        if (AST_SEQ_LEN(e->v.Dict.keys) != AST_SEQ_LEN(e->v.Dict.values))
            return fail(&exc_ValueError, "Dict doesn't have the same number of keys as values");
        /* A None key is a ** unpacking. */
        return exprs(v, e->v.Dict.keys, AST_Load, true) < 0 ? -1 : exprs(v, e->v.Dict.values, AST_Load, false);
    case AST_Set: return exprs(v, e->v.Set.elts, AST_Load, false);
    case AST_ListComp:
        return comprehension(v, e->v.ListComp.generators) < 0 ? -1 : expr(v, e->v.ListComp.elt, AST_Load);
    case AST_SetComp:
        return comprehension(v, e->v.SetComp.generators) < 0 ? -1 : expr(v, e->v.SetComp.elt, AST_Load);
    case AST_GeneratorExp:
        return comprehension(v, e->v.GeneratorExp.generators) < 0 ? -1 : expr(v, e->v.GeneratorExp.elt, AST_Load);
    case AST_DictComp:
        return comprehension(v, e->v.DictComp.generators) < 0 || expr(v, e->v.DictComp.key, AST_Load) < 0 ||
                       expr(v, e->v.DictComp.value, AST_Load) < 0
                   ? -1 : 0;
    case AST_Yield: return e->v.Yield.value ? expr(v, e->v.Yield.value, AST_Load) : 0;
    case AST_YieldFrom: return expr(v, e->v.YieldFrom.value, AST_Load);
    case AST_Await: return expr(v, e->v.Await.value, AST_Load);
    case AST_Compare: {
        int nc = AST_SEQ_LEN(e->v.Compare.comparators);
        if (!nc) return fail(&exc_ValueError, "Compare with no comparators");
        if (nc != (e->v.Compare.ops ? e->v.Compare.ops->len : 0))
            return fail(&exc_ValueError, "Compare has a different number of comparators and operands");
        return exprs(v, e->v.Compare.comparators, AST_Load, false) < 0 ? -1 : expr(v, e->v.Compare.left, AST_Load);
    }
    case AST_Call:
        return expr(v, e->v.Call.func, AST_Load) < 0 || exprs(v, e->v.Call.args, AST_Load, false) < 0 ||
                       keywords(v, e->v.Call.keywords) < 0
                   ? -1 : 0;
    case AST_Constant: return constant(&e->v.Constant.value);
    case AST_JoinedStr: return exprs(v, e->v.JoinedStr.values, AST_Load, false);
    case AST_FormattedValue:
        if (expr(v, e->v.FormattedValue.value, AST_Load) < 0) return -1;
        return e->v.FormattedValue.format_spec ? expr(v, e->v.FormattedValue.format_spec, AST_Load) : 0;
    case AST_Attribute: return expr(v, e->v.Attribute.value, AST_Load);
    case AST_Subscript:
        return expr(v, e->v.Subscript.slice, AST_Load) < 0 ? -1 : expr(v, e->v.Subscript.value, AST_Load);
    case AST_Starred: return expr(v, e->v.Starred.value, ctx);
    case AST_Slice:
        return (e->v.Slice.lower && expr(v, e->v.Slice.lower, AST_Load) < 0) ||
                       (e->v.Slice.upper && expr(v, e->v.Slice.upper, AST_Load) < 0) ||
                       (e->v.Slice.step && expr(v, e->v.Slice.step, AST_Load) < 0)
                   ? -1 : 0;
    case AST_List: return exprs(v, e->v.List.elts, ctx, false);
    case AST_Tuple: return exprs(v, e->v.Tuple.elts, ctx, false);
    case AST_NamedExpr:
        /* 3.11 checks neither the target's kind nor its context: an
        ** attribute or subscript target compiles to a store (3.12 refuses). */
        return expr(v, e->v.NamedExpr.value, AST_Load);
    case AST_Name: return 0;
    default: return fail(&exc_SystemError, "unexpected expression");
    }
}

static int expr(Validator *v, ASTNode *e, ASTExprContext ctx) {
    if (positions(e) < 0 || enter(v) < 0) return -1;
    int r = expr_inner(v, e, ctx);
    leave(v);
    return r;
}

static int exprs(Validator *v, ASTSeq *s, ASTExprContext ctx, bool null_ok) {
    for (int i = 0; i < AST_SEQ_LEN(s); i++) {
        ASTNode *e = AST_SEQ_GET(s, i);
        if (e) {
            if (expr(v, e, ctx) < 0) return -1;
        } else if (!null_ok) {
            return fail(&exc_ValueError, "None disallowed in expression list");
        }
    }
    return 0;
}

/* ---- Patterns ---- */

static bool is_real(const ASTConst *k) {
    if (k->kind == CONST_INT || k->kind == CONST_FLOAT) return true;
    return k->kind == CONST_OBJECT && (int_check_exact((Value)k->obj) || float_check_exact((Value)k->obj));
}
static bool is_imaginary(const ASTConst *k) {
    return k->kind == CONST_COMPLEX || (k->kind == CONST_OBJECT && complex_check_exact((Value)k->obj));
}

/* -number, where the number is a real or imaginary constant. */
static bool literal_negative(ASTNode *e) {
    if (e->v.UnaryOp.op != AST_USub) return false;
    ASTNode *o = e->v.UnaryOp.operand;
    return o->kind == AST_Constant && (is_real(&o->v.Constant.value) || is_imaginary(&o->v.Constant.value));
}

/* real +/- imaginary, the real part possibly negated. */
static bool literal_complex(ASTNode *e) {
    if (e->v.BinOp.op != AST_Add && e->v.BinOp.op != AST_Sub) return false;
    ASTNode *l = e->v.BinOp.left, *r = e->v.BinOp.right;
    if (l->kind == AST_Constant) {
        if (!is_real(&l->v.Constant.value)) return false;
    } else if (l->kind == AST_UnaryOp) {
        ASTNode *o = l->v.UnaryOp.operand;
        if (l->v.UnaryOp.op != AST_USub || o->kind != AST_Constant || !is_real(&o->v.Constant.value)) return false;
    } else {
        return false;
    }
    return r->kind == AST_Constant && is_imaginary(&r->v.Constant.value);
}

static int match_value(Validator *v, ASTNode *e) {
    if (expr(v, e, AST_Load) < 0) return -1;
    switch (e->kind) {
    case AST_Constant: {
        const ASTConst *k = &e->v.Constant.value;
        switch (k->kind) {
        case CONST_INT: case CONST_FLOAT: case CONST_COMPLEX: case CONST_STR: case CONST_BYTES: return 0;
        case CONST_OBJECT: {
            Value o = (Value)k->obj;
            if (int_check_exact(o) || float_check_exact(o) || complex_check_exact(o) ||
                (!val_is_int(o) && val_type(o) == &type_bytes))
                return 0;
            break;
        }
        default: break;
        }
        return fail(&exc_ValueError, "unexpected constant inside of a literal pattern");
    }
    case AST_Attribute:
    case AST_JoinedStr: return 0;
    case AST_UnaryOp:
        if (literal_negative(e)) return 0;
        break;
    case AST_BinOp:
        if (literal_complex(e)) return 0;
        break;
    default: break;
    }
    return fail(&exc_ValueError, "patterns may only match literals and attribute lookups");
}

static int capture(const char *id) {
    if (strcmp(id, "_") == 0) return fail(&exc_ValueError, "can't capture name '_' in patterns");
    return name(id);
}

static int patterns(Validator *v, ASTSeq *s, bool star_ok) {
    for (int i = 0; i < AST_SEQ_LEN(s); i++)
        if (pattern(v, AST_SEQ_GET(s, i), star_ok) < 0) return -1;
    return 0;
}

static int pattern_inner(Validator *v, ASTNode *p, bool star_ok) {
    switch (p->kind) {
    case AST_MatchValue: return match_value(v, p->v.MatchValue.value);
    case AST_MatchSingleton: {
        ASTConstKind k = p->v.MatchSingleton.value.kind;
        if (k == CONST_NONE || k == CONST_TRUE || k == CONST_FALSE) return 0;
        return fail(&exc_ValueError, "MatchSingleton can only contain True, False and None");
    }
    case AST_MatchSequence: return patterns(v, p->v.MatchSequence.patterns, true);
    case AST_MatchMapping: {
        struct ast_MatchMapping *m = &p->v.MatchMapping;
        if (AST_SEQ_LEN(m->keys) != AST_SEQ_LEN(m->patterns))
            return fail(&exc_ValueError, "MatchMapping doesn't have the same number of keys as patterns");
        if (m->rest && capture(m->rest) < 0) return -1;
        for (int i = 0; i < AST_SEQ_LEN(m->keys); i++) {
            ASTNode *key = AST_SEQ_GET(m->keys, i);
            if (key && key->kind == AST_Constant) {
                /* None, True and False are valid keys though not valid values. */
                ASTConstKind k = key->v.Constant.value.kind;
                if (k == CONST_NONE || k == CONST_TRUE || k == CONST_FALSE) continue;
            }
            if (!key) return fail(&exc_ValueError, "None disallowed in expression list");
            if (match_value(v, key) < 0) return -1;
        }
        return patterns(v, m->patterns, false);
    }
    case AST_MatchClass: {
        struct ast_MatchClass *m = &p->v.MatchClass;
        if (AST_SEQ_LEN(m->kwd_attrs) != AST_SEQ_LEN(m->kwd_patterns))
            return fail(&exc_ValueError, "MatchClass doesn't have the same number of keyword attributes as patterns");
        if (expr(v, m->cls, AST_Load) < 0) return -1;
        ASTNode *cls = m->cls;
        while (cls->kind == AST_Attribute) cls = cls->v.Attribute.value;
        if (cls->kind != AST_Name)
            return fail(&exc_ValueError, "MatchClass cls field can only contain Name or Attribute nodes.");
        for (int i = 0; i < AST_SEQ_LEN(m->kwd_attrs); i++)
            if (name(m->kwd_attrs->elts[i]) < 0) return -1;
        return patterns(v, m->patterns, false) < 0 ? -1 : patterns(v, m->kwd_patterns, false);
    }
    case AST_MatchStar:
        if (!star_ok) return fail(&exc_ValueError, "can't use MatchStar here");
        return p->v.MatchStar.name ? capture(p->v.MatchStar.name) : 0;
    case AST_MatchAs:
        if (p->v.MatchAs.name && capture(p->v.MatchAs.name) < 0) return -1;
        if (!p->v.MatchAs.pattern) return 0;
        if (!p->v.MatchAs.name)
            return fail(&exc_ValueError, "MatchAs must specify a target name if a pattern is given");
        return pattern(v, p->v.MatchAs.pattern, false);
    case AST_MatchOr:
        if (AST_SEQ_LEN(p->v.MatchOr.patterns) < 2) return fail(&exc_ValueError, "MatchOr requires at least 2 patterns");
        return patterns(v, p->v.MatchOr.patterns, false);
    default: return fail(&exc_SystemError, "unexpected pattern");
    }
}

static int pattern(Validator *v, ASTNode *p, bool star_ok) {
    if (positions(p) < 0 || enter(v) < 0) return -1;
    int r = pattern_inner(v, p, star_ok);
    leave(v);
    return r;
}

/* ---- Statements ---- */

static int body(Validator *v, ASTSeq *s, const char *owner) {
    return nonempty(s, "body", owner) < 0 ? -1 : stmts(v, s);
}

static int function(Validator *v, ASTNode *s, struct ast_FunctionDef *f, const char *owner) {
    return body(v, f->body, owner) < 0 || arguments(v, f->args) < 0 ||
                   exprs(v, f->decorator_list, AST_Load, false) < 0 || (f->returns && expr(v, f->returns, AST_Load) < 0)
               ? -1 : 0;
}

static int with_items(Validator *v, ASTSeq *items, ASTSeq *b, const char *owner) {
    if (nonempty(items, "items", owner) < 0) return -1;
    for (int i = 0; i < items->len; i++) {
        ASTNode *it = AST_SEQ_GET(items, i);
        if (expr(v, it->v.withitem.context_expr, AST_Load) < 0 ||
            (it->v.withitem.optional_vars && expr(v, it->v.withitem.optional_vars, AST_Store) < 0))
            return -1;
    }
    return body(v, b, owner);
}

static int try_stmt(Validator *v, struct ast_Try *t, const char *owner, bool check_handler_positions) {
    if (body(v, t->body, owner) < 0) return -1;
    if (!AST_SEQ_LEN(t->handlers) && !AST_SEQ_LEN(t->finalbody)) {
        err_format(&exc_ValueError, "%s has neither except handlers nor finalbody", owner);
        return -1;
    }
    if (!AST_SEQ_LEN(t->handlers) && AST_SEQ_LEN(t->orelse)) {
        err_format(&exc_ValueError, "%s has orelse but no except handlers", owner);
        return -1;
    }
    for (int i = 0; i < AST_SEQ_LEN(t->handlers); i++) {
        ASTNode *h = AST_SEQ_GET(t->handlers, i);
        if (check_handler_positions && positions(h) < 0) return -1;
        if ((h->v.ExceptHandler.type && expr(v, h->v.ExceptHandler.type, AST_Load) < 0) ||
            body(v, h->v.ExceptHandler.body, "ExceptHandler") < 0)
            return -1;
    }
    return stmts(v, t->finalbody) < 0 ? -1 : stmts(v, t->orelse);
}

_Static_assert(sizeof(struct ast_Try) == sizeof(struct ast_TryStar), "Try and TryStar share a layout");
_Static_assert(sizeof(struct ast_FunctionDef) == sizeof(struct ast_AsyncFunctionDef), "so do the function defs");

static int stmt_inner(Validator *v, ASTNode *s) {
    switch (s->kind) {
    case AST_FunctionDef: return function(v, s, &s->v.FunctionDef, "FunctionDef");
    case AST_AsyncFunctionDef:
        return function(v, s, (struct ast_FunctionDef *)&s->v.AsyncFunctionDef, "AsyncFunctionDef");
    case AST_ClassDef:
        return body(v, s->v.ClassDef.body, "ClassDef") < 0 || exprs(v, s->v.ClassDef.bases, AST_Load, false) < 0 ||
                       keywords(v, s->v.ClassDef.keywords) < 0 ||
                       exprs(v, s->v.ClassDef.decorator_list, AST_Load, false) < 0
                   ? -1 : 0;
    case AST_Return: return s->v.Return.value ? expr(v, s->v.Return.value, AST_Load) : 0;
    case AST_Delete:
        return nonempty(s->v.Delete.targets, "targets", "Delete") < 0 ? -1 : exprs(v, s->v.Delete.targets, AST_Del, false);
    case AST_Assign:
        return nonempty(s->v.Assign.targets, "targets", "Assign") < 0 ||
                       exprs(v, s->v.Assign.targets, AST_Store, false) < 0
                   ? -1 : expr(v, s->v.Assign.value, AST_Load);
    case AST_AugAssign:
        return expr(v, s->v.AugAssign.target, AST_Store) < 0 ? -1 : expr(v, s->v.AugAssign.value, AST_Load);
    case AST_AnnAssign: {
        struct ast_AnnAssign *a = &s->v.AnnAssign;
        if (a->target->kind != AST_Name && a->simple) return fail(&exc_TypeError, "AnnAssign with simple non-Name target");
        return expr(v, a->target, AST_Store) < 0 || (a->value && expr(v, a->value, AST_Load) < 0) ||
                       expr(v, a->annotation, AST_Load) < 0
                   ? -1 : 0;
    }
    case AST_For:
    case AST_AsyncFor: {
        _Static_assert(sizeof(struct ast_For) == sizeof(struct ast_AsyncFor), "For and AsyncFor share a layout");
        struct ast_For *f = &s->v.For;
        return expr(v, f->target, AST_Store) < 0 || expr(v, f->iter, AST_Load) < 0 ||
                       body(v, f->body, s->kind == AST_For ? "For" : "AsyncFor") < 0
                   ? -1 : stmts(v, f->orelse);
    }
    case AST_While:
        return expr(v, s->v.While.test, AST_Load) < 0 || body(v, s->v.While.body, "While") < 0
                   ? -1 : stmts(v, s->v.While.orelse);
    case AST_If:
        return expr(v, s->v.If.test, AST_Load) < 0 || body(v, s->v.If.body, "If") < 0 ? -1 : stmts(v, s->v.If.orelse);
    case AST_With: return with_items(v, s->v.With.items, s->v.With.body, "With");
    case AST_AsyncWith: return with_items(v, s->v.AsyncWith.items, s->v.AsyncWith.body, "AsyncWith");
    case AST_Match: {
        if (expr(v, s->v.Match.subject, AST_Load) < 0 || nonempty(s->v.Match.cases, "cases", "Match") < 0) return -1;
        for (int i = 0; i < s->v.Match.cases->len; i++) {
            ASTNode *m = AST_SEQ_GET(s->v.Match.cases, i);
            if (pattern(v, m->v.match_case.pattern, false) < 0 ||
                (m->v.match_case.guard && expr(v, m->v.match_case.guard, AST_Load) < 0) ||
                body(v, m->v.match_case.body, "match_case") < 0)
                return -1;
        }
        return 0;
    }
    case AST_Raise:
        if (s->v.Raise.exc)
            return expr(v, s->v.Raise.exc, AST_Load) < 0 || (s->v.Raise.cause && expr(v, s->v.Raise.cause, AST_Load) < 0)
                       ? -1 : 0;
        if (s->v.Raise.cause) return fail(&exc_ValueError, "Raise with cause but no exception");
        return 0;
    case AST_Try: return try_stmt(v, &s->v.Try, "Try", true);
    case AST_TryStar: return try_stmt(v, (struct ast_Try *)&s->v.TryStar, "TryStar", false);
    case AST_Assert:
        return expr(v, s->v.Assert.test, AST_Load) < 0 || (s->v.Assert.msg && expr(v, s->v.Assert.msg, AST_Load) < 0)
                   ? -1 : 0;
    case AST_Import: return nonempty(s->v.Import.names, "names", "Import");
    case AST_ImportFrom:
        if (s->v.ImportFrom.level < 0) return fail(&exc_ValueError, "Negative ImportFrom level");
        return nonempty(s->v.ImportFrom.names, "names", "ImportFrom");
    case AST_Global: return nonempty(s->v.Global.names, "names", "Global");
    case AST_Nonlocal: return nonempty(s->v.Nonlocal.names, "names", "Nonlocal");
    case AST_Expr: return expr(v, s->v.Expr.value, AST_Load);
    case AST_Pass:
    case AST_Break:
    case AST_Continue: return 0;
    default: return fail(&exc_SystemError, "unexpected statement");
    }
}

static int stmt(Validator *v, ASTNode *s) {
    if (positions(s) < 0 || enter(v) < 0) return -1;
    int r = stmt_inner(v, s);
    leave(v);
    return r;
}

static int stmts(Validator *v, ASTSeq *s) {
    for (int i = 0; i < AST_SEQ_LEN(s); i++) {
        ASTNode *x = AST_SEQ_GET(s, i);
        if (!x) return fail(&exc_ValueError, "None disallowed in statement list");
        if (stmt(v, x) < 0) return -1;
    }
    return 0;
}

int ast_validate(ASTNode *mod) {
    Validator v = {0};
    switch (mod->kind) {
    case AST_Module: return stmts(&v, mod->v.Module.body);
    case AST_Interactive: return stmts(&v, mod->v.Interactive.body);
    case AST_Expression: return expr(&v, mod->v.Expression.body, AST_Load);
    case AST_FunctionType:
        return exprs(&v, mod->v.FunctionType.argtypes, AST_Load, false) < 0 ? -1
                                                                           : expr(&v, mod->v.FunctionType.returns, AST_Load);
    default: return fail(&exc_SystemError, "impossible module node");
    }
}
