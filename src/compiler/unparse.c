/* unparse.c - expression text from the AST, for annotations under `from __future__ import annotations`. */
#include "ast.h"
#include "../objects/str.h"
#include "../objects/float.h"
#include "../objects/complex.h"
#include "../vm/error.h"

/*
 * CPython stores a postponed annotation as the text its C unparser
 * (Python/ast_unparse.c) makes of the expression, not as the source text:
 * strings come out as their repr ('C2' for "C2"), spacing is normalised
 * and redundant parentheses go.  This is the same algorithm: each node is
 * written at a precedence level, and parenthesised when the surrounding
 * context binds tighter.  An f-string's body is rebuilt from its parts
 * and written as f followed by the repr of that body.
 */

enum {
    PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP,
    PR_EXPR, PR_BOR = PR_EXPR, PR_BXOR, PR_BAND, PR_SHIFT, PR_ARITH,
    PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM
};

Value ast_source_text(ASTNode *e);   /* compile.c: the expression's source text */
Value compile_const_value(const ASTConst *k);

static int expr(StrBuilder *sb, ASTNode *e, int level);
static int joinedstr(StrBuilder *sb, ASTNode *e, bool is_format_spec);
static int formatted_value(StrBuilder *sb, ASTNode *e);

static void open_if(StrBuilder *sb, bool cond) { if (cond) sb_append_char(sb, '('); }
static void close_if(StrBuilder *sb, bool cond) { if (cond) sb_append_char(sb, ')'); }

static int seq(StrBuilder *sb, ASTSeq *s, int level) {
    for (int i = 0; i < AST_SEQ_LEN(s); i++) {
        if (i) sb_append_cstr(sb, ", ");
        if (expr(sb, AST_SEQ_GET(s, i), level) < 0) return -1;
    }
    return 0;
}

/* A float or complex repr, with inf spelled 1e309 so that the text evaluates back. */
static int constant(StrBuilder *sb, ASTNode *e) {
    ASTConst *k = &e->v.Constant.value;
    if (k->kind == CONST_ELLIPSIS) {
        sb_append_cstr(sb, "...");
        return 0;
    }
    Value v = compile_const_value(k);
    if (!v) return -1;
    if (e->v.Constant.kind && e->v.Constant.kind[0] == 'u') sb_append_char(sb, 'u');
    Value r = obj_repr(v);
    if (!r) return -1;
    if (float_check_exact(v) || complex_check_exact(v)) {
        const char *s = str_data(r), *p;
        while ((p = strstr(s, "inf")) != NULL) {
            sb_append(sb, s, (size_t)(p - s));
            sb_append_cstr(sb, "1e309");
            s = p + 3;
        }
        sb_append_cstr(sb, s);
        return 0;
    }
    sb_append_str(sb, r);
    return 0;
}

static int comprehensions(StrBuilder *sb, ASTSeq *gens) {
    for (int i = 0; i < AST_SEQ_LEN(gens); i++) {
        ASTNode *g = AST_SEQ_GET(gens, i);
        sb_append_cstr(sb, g->v.comprehension.is_async ? " async for " : " for ");
        if (expr(sb, g->v.comprehension.target, PR_TUPLE) < 0) return -1;
        sb_append_cstr(sb, " in ");
        if (expr(sb, g->v.comprehension.iter, PR_TEST + 1) < 0) return -1;
        for (int k = 0; k < AST_SEQ_LEN(g->v.comprehension.ifs); k++) {
            sb_append_cstr(sb, " if ");
            if (expr(sb, AST_SEQ_GET(g->v.comprehension.ifs, k), PR_TEST + 1) < 0) return -1;
        }
    }
    return 0;
}

/* A lambda's parameters: defaults aligned to the last positionals, / and * markers. */
static int arguments(StrBuilder *sb, ASTNode *a) {
    ASTSeq *posonly = a->v.arguments.posonlyargs, *args = a->v.arguments.args, *defs = a->v.arguments.defaults;
    int npo = AST_SEQ_LEN(posonly), na = AST_SEQ_LEN(args), nd = AST_SEQ_LEN(defs);
    bool first = true;
    for (int i = 0; i < npo + na; i++) {
        if (!first) sb_append_cstr(sb, ", ");
        first = false;
        ASTNode *p = i < npo ? AST_SEQ_GET(posonly, i) : AST_SEQ_GET(args, i - npo);
        sb_append_cstr(sb, p->v.arg.arg);
        int di = i - npo - na + nd;
        if (di >= 0) {
            sb_append_char(sb, '=');
            if (expr(sb, AST_SEQ_GET(defs, di), PR_TEST) < 0) return -1;
        }
        if (npo && i + 1 == npo) sb_append_cstr(sb, ", /");
    }
    ASTSeq *kwonly = a->v.arguments.kwonlyargs;
    if (a->v.arguments.vararg || AST_SEQ_LEN(kwonly)) {
        if (!first) sb_append_cstr(sb, ", ");
        first = false;
        sb_append_char(sb, '*');
        if (a->v.arguments.vararg) sb_append_cstr(sb, a->v.arguments.vararg->v.arg.arg);
    }
    for (int i = 0; i < AST_SEQ_LEN(kwonly); i++) {
        if (!first) sb_append_cstr(sb, ", ");
        first = false;
        sb_append_cstr(sb, AST_SEQ_GET(kwonly, i)->v.arg.arg);
        ASTNode *d = i < AST_SEQ_LEN(a->v.arguments.kw_defaults) ? AST_SEQ_GET(a->v.arguments.kw_defaults, i) : NULL;
        if (d) {
            sb_append_char(sb, '=');
            if (expr(sb, d, PR_TEST) < 0) return -1;
        }
    }
    if (a->v.arguments.kwarg) {
        if (!first) sb_append_cstr(sb, ", ");
        sb_append_cstr(sb, "**");
        sb_append_cstr(sb, a->v.arguments.kwarg->v.arg.arg);
    }
    return 0;
}

static const char *binop_text(ASTOperator op, int *pr) {
    switch (op) {
    case AST_Add: *pr = PR_ARITH; return " + ";
    case AST_Sub: *pr = PR_ARITH; return " - ";
    case AST_Mult: *pr = PR_TERM; return " * ";
    case AST_MatMult: *pr = PR_TERM; return " @ ";
    case AST_Div: *pr = PR_TERM; return " / ";
    case AST_Mod: *pr = PR_TERM; return " % ";
    case AST_FloorDiv: *pr = PR_TERM; return " // ";
    case AST_LShift: *pr = PR_SHIFT; return " << ";
    case AST_RShift: *pr = PR_SHIFT; return " >> ";
    case AST_BitOr: *pr = PR_BOR; return " | ";
    case AST_BitXor: *pr = PR_BXOR; return " ^ ";
    case AST_BitAnd: *pr = PR_BAND; return " & ";
    case AST_Pow: *pr = PR_POWER; return " ** ";
    }
    *pr = PR_ATOM;
    return " ? ";
}

static const char *cmpop_text(int op) {
    switch ((ASTCmpOp)op) {
    case AST_Eq: return " == ";
    case AST_NotEq: return " != ";
    case AST_Lt: return " < ";
    case AST_LtE: return " <= ";
    case AST_Gt: return " > ";
    case AST_GtE: return " >= ";
    case AST_Is: return " is ";
    case AST_IsNot: return " is not ";
    case AST_In: return " in ";
    case AST_NotIn: return " not in ";
    }
    return " ? ";
}

static int expr(StrBuilder *sb, ASTNode *e, int level) {
    switch (e->kind) {
    case AST_BoolOp: {
        int pr = e->v.BoolOp.op == AST_And ? PR_AND : PR_OR;
        open_if(sb, level > pr);
        for (int i = 0; i < AST_SEQ_LEN(e->v.BoolOp.values); i++) {
            if (i) sb_append_cstr(sb, pr == PR_AND ? " and " : " or ");
            if (expr(sb, AST_SEQ_GET(e->v.BoolOp.values, i), pr + 1) < 0) return -1;
        }
        close_if(sb, level > pr);
        return 0;
    }
    case AST_NamedExpr:
        open_if(sb, level > PR_TUPLE);
        if (expr(sb, e->v.NamedExpr.target, PR_ATOM) < 0) return -1;
        sb_append_cstr(sb, " := ");
        if (expr(sb, e->v.NamedExpr.value, PR_ATOM) < 0) return -1;
        close_if(sb, level > PR_TUPLE);
        return 0;
    case AST_BinOp: {
        int pr;
        const char *op = binop_text(e->v.BinOp.op, &pr);
        int rassoc = e->v.BinOp.op == AST_Pow;
        open_if(sb, level > pr);
        if (expr(sb, e->v.BinOp.left, pr + rassoc) < 0) return -1;
        sb_append_cstr(sb, op);
        if (expr(sb, e->v.BinOp.right, pr + !rassoc) < 0) return -1;
        close_if(sb, level > pr);
        return 0;
    }
    case AST_UnaryOp: {
        const char *op = "~";
        int pr = PR_FACTOR;
        switch (e->v.UnaryOp.op) {
        case AST_Invert: op = "~"; break;
        case AST_Not: op = "not "; pr = PR_NOT; break;
        case AST_UAdd: op = "+"; break;
        case AST_USub: op = "-"; break;
        }
        open_if(sb, level > pr);
        sb_append_cstr(sb, op);
        if (expr(sb, e->v.UnaryOp.operand, pr) < 0) return -1;
        close_if(sb, level > pr);
        return 0;
    }
    case AST_Lambda: {
        ASTNode *a = e->v.Lambda.args;
        open_if(sb, level > PR_TEST);
        int npos = AST_SEQ_LEN(a->v.arguments.args) + AST_SEQ_LEN(a->v.arguments.posonlyargs);
        sb_append_cstr(sb, npos ? "lambda " : "lambda");
        if (arguments(sb, a) < 0) return -1;
        sb_append_cstr(sb, ": ");
        if (expr(sb, e->v.Lambda.body, PR_TEST) < 0) return -1;
        close_if(sb, level > PR_TEST);
        return 0;
    }
    case AST_IfExp:
        open_if(sb, level > PR_TEST);
        if (expr(sb, e->v.IfExp.body, PR_TEST + 1) < 0) return -1;
        sb_append_cstr(sb, " if ");
        if (expr(sb, e->v.IfExp.test, PR_TEST + 1) < 0) return -1;
        sb_append_cstr(sb, " else ");
        if (expr(sb, e->v.IfExp.orelse, PR_TEST) < 0) return -1;
        close_if(sb, level > PR_TEST);
        return 0;
    case AST_Dict:
        sb_append_char(sb, '{');
        for (int i = 0; i < AST_SEQ_LEN(e->v.Dict.values); i++) {
            if (i) sb_append_cstr(sb, ", ");
            ASTNode *k = i < AST_SEQ_LEN(e->v.Dict.keys) ? AST_SEQ_GET(e->v.Dict.keys, i) : NULL;
            if (k) {
                if (expr(sb, k, PR_TEST) < 0) return -1;
                sb_append_cstr(sb, ": ");
                if (expr(sb, AST_SEQ_GET(e->v.Dict.values, i), PR_TEST) < 0) return -1;
            } else {
                sb_append_cstr(sb, "**");
                if (expr(sb, AST_SEQ_GET(e->v.Dict.values, i), PR_EXPR) < 0) return -1;
            }
        }
        sb_append_char(sb, '}');
        return 0;
    case AST_Set:
        sb_append_char(sb, '{');
        if (seq(sb, e->v.Set.elts, PR_TEST) < 0) return -1;
        sb_append_char(sb, '}');
        return 0;
    case AST_ListComp:
    case AST_SetComp:
    case AST_GeneratorExp: {
        ASTNode *elt = e->kind == AST_ListComp ? e->v.ListComp.elt : e->kind == AST_SetComp ? e->v.SetComp.elt : e->v.GeneratorExp.elt;
        ASTSeq *gens = e->kind == AST_ListComp ? e->v.ListComp.generators
                     : e->kind == AST_SetComp ? e->v.SetComp.generators : e->v.GeneratorExp.generators;
        const char *br = e->kind == AST_ListComp ? "[]" : e->kind == AST_SetComp ? "{}" : "()";
        sb_append_char(sb, br[0]);
        if (expr(sb, elt, PR_TEST) < 0 || comprehensions(sb, gens) < 0) return -1;
        sb_append_char(sb, br[1]);
        return 0;
    }
    case AST_DictComp:
        sb_append_char(sb, '{');
        if (expr(sb, e->v.DictComp.key, PR_TEST) < 0) return -1;
        sb_append_cstr(sb, ": ");
        if (expr(sb, e->v.DictComp.value, PR_TEST) < 0 || comprehensions(sb, e->v.DictComp.generators) < 0) return -1;
        sb_append_char(sb, '}');
        return 0;
    case AST_Await:
        open_if(sb, level > PR_AWAIT);
        sb_append_cstr(sb, "await ");
        if (expr(sb, e->v.Await.value, PR_ATOM) < 0) return -1;
        close_if(sb, level > PR_AWAIT);
        return 0;
    case AST_Yield:
        if (!e->v.Yield.value) {
            sb_append_cstr(sb, "(yield)");
            return 0;
        }
        sb_append_cstr(sb, "(yield ");
        if (expr(sb, e->v.Yield.value, PR_TEST) < 0) return -1;
        sb_append_char(sb, ')');
        return 0;
    case AST_YieldFrom:
        sb_append_cstr(sb, "(yield from ");
        if (expr(sb, e->v.YieldFrom.value, PR_TEST) < 0) return -1;
        sb_append_char(sb, ')');
        return 0;
    case AST_Compare:
        open_if(sb, level > PR_CMP);
        if (expr(sb, e->v.Compare.left, PR_CMP + 1) < 0) return -1;
        for (int i = 0; i < AST_SEQ_LEN(e->v.Compare.comparators); i++) {
            sb_append_cstr(sb, cmpop_text(e->v.Compare.ops->elts[i]));
            if (expr(sb, AST_SEQ_GET(e->v.Compare.comparators, i), PR_CMP + 1) < 0) return -1;
        }
        close_if(sb, level > PR_CMP);
        return 0;
    case AST_Call: {
        if (expr(sb, e->v.Call.func, PR_ATOM) < 0) return -1;
        ASTSeq *args = e->v.Call.args, *kws = e->v.Call.keywords;
        if (AST_SEQ_LEN(args) == 1 && AST_SEQ_LEN(kws) == 0 && AST_SEQ_GET(args, 0)->kind == AST_GeneratorExp)
            return expr(sb, AST_SEQ_GET(args, 0), PR_TEST);   /* f(x for x in y) */
        sb_append_char(sb, '(');
        bool first = true;
        for (int i = 0; i < AST_SEQ_LEN(args); i++) {
            if (!first) sb_append_cstr(sb, ", ");
            first = false;
            if (expr(sb, AST_SEQ_GET(args, i), PR_TEST) < 0) return -1;
        }
        for (int i = 0; i < AST_SEQ_LEN(kws); i++) {
            if (!first) sb_append_cstr(sb, ", ");
            first = false;
            ASTNode *kw = AST_SEQ_GET(kws, i);
            if (kw->v.keyword.arg) {
                sb_append_cstr(sb, kw->v.keyword.arg);
                sb_append_char(sb, '=');
            } else {
                sb_append_cstr(sb, "**");
            }
            if (expr(sb, kw->v.keyword.value, PR_TEST) < 0) return -1;
        }
        sb_append_char(sb, ')');
        return 0;
    }
    case AST_Constant:
        return constant(sb, e);
    case AST_Attribute: {
        ASTNode *v = e->v.Attribute.value;
        if (expr(sb, v, PR_ATOM) < 0) return -1;
        /* 1 .real: an int needs the space to stay an int. */
        sb_append_cstr(sb, v->kind == AST_Constant && v->v.Constant.value.kind == CONST_INT ? " ." : ".");
        sb_append_cstr(sb, e->v.Attribute.attr);
        return 0;
    }
    case AST_Subscript:
        if (expr(sb, e->v.Subscript.value, PR_ATOM) < 0) return -1;
        sb_append_char(sb, '[');
        if (expr(sb, e->v.Subscript.slice, PR_TUPLE) < 0) return -1;
        sb_append_char(sb, ']');
        return 0;
    case AST_Starred:
        sb_append_char(sb, '*');
        return expr(sb, e->v.Starred.value, PR_EXPR);
    case AST_Name:
        sb_append_cstr(sb, e->v.Name.id);
        return 0;
    case AST_List:
        sb_append_char(sb, '[');
        if (seq(sb, e->v.List.elts, PR_TEST) < 0) return -1;
        sb_append_char(sb, ']');
        return 0;
    case AST_Tuple: {
        int n = AST_SEQ_LEN(e->v.Tuple.elts);
        if (n == 0) {
            sb_append_cstr(sb, "()");
            return 0;
        }
        open_if(sb, level > PR_TUPLE);
        if (seq(sb, e->v.Tuple.elts, PR_TEST) < 0) return -1;
        if (n == 1) sb_append_char(sb, ',');
        close_if(sb, level > PR_TUPLE);
        return 0;
    }
    case AST_Slice:
        if (e->v.Slice.lower && expr(sb, e->v.Slice.lower, PR_TEST) < 0) return -1;
        sb_append_char(sb, ':');
        if (e->v.Slice.upper && expr(sb, e->v.Slice.upper, PR_TEST) < 0) return -1;
        if (e->v.Slice.step) {
            sb_append_char(sb, ':');
            if (expr(sb, e->v.Slice.step, PR_TEST) < 0) return -1;
        }
        return 0;
    case AST_JoinedStr:
        return joinedstr(sb, e, false);
    case AST_FormattedValue:
        return formatted_value(sb, e);
    default: {
        Value t = ast_source_text(e);
        if (!t) return -1;
        sb_append_str(sb, t);
        return 0;
    }
    }
}

/* ---- f-strings: the body is rebuilt, then written as f + its repr. ---- */

static int fstring_element(StrBuilder *sb, ASTNode *e, bool is_format_spec) {
    if (e->kind == AST_Constant) {
        Value v = compile_const_value(&e->v.Constant.value);
        if (!v) return -1;
        if (!str_check(v)) return sb_append_strof(sb, v);
        /* Braces are doubled; the rest is copied in runs (whole UTF-8 sequences). */
        const char *p = str_data(v), *run = p, *end = p + str_size(v);
        for (; p < end; p++) {
            if (*p != '{' && *p != '}') continue;
            sb_append(sb, run, (size_t)(p + 1 - run));
            sb_append_char(sb, *p);
            run = p + 1;
        }
        sb_append(sb, run, (size_t)(end - run));
        return 0;
    }
    if (e->kind == AST_JoinedStr) return joinedstr(sb, e, true);
    if (e->kind == AST_FormattedValue) return formatted_value(sb, e);
    err_set(&exc_SystemError, "unknown expression kind inside f-string");
    return -1;
}

static int joinedstr(StrBuilder *sb, ASTNode *e, bool is_format_spec) {
    StrBuilder body;
    sb_init(&body);
    for (int i = 0; i < AST_SEQ_LEN(e->v.JoinedStr.values); i++)
        if (fstring_element(&body, AST_SEQ_GET(e->v.JoinedStr.values, i), is_format_spec) < 0) {
            sb_discard(&body);
            return -1;
        }
    Value b = sb_finish(&body);
    if (!b) return -1;
    if (is_format_spec) {
        sb_append_str(sb, b);
        return 0;
    }
    sb_append_char(sb, 'f');
    return sb_append_repr(sb, b);
}

static int formatted_value(StrBuilder *sb, ASTNode *e) {
    StrBuilder inner;
    sb_init(&inner);
    /* Above "test": a lambda's ':' gets parentheses. */
    if (expr(&inner, e->v.FormattedValue.value, PR_TEST + 1) < 0) {
        sb_discard(&inner);
        return -1;
    }
    Value t = sb_finish(&inner);
    if (!t) return -1;
    sb_append_cstr(sb, str_size(t) && str_data(t)[0] == '{' ? "{ " : "{");
    sb_append_str(sb, t);
    int conv = e->v.FormattedValue.conversion;
    if (conv == 'a' || conv == 'r' || conv == 's') {
        sb_append_char(sb, '!');
        sb_append_char(sb, (char)conv);
    }
    if (e->v.FormattedValue.format_spec) {
        sb_append_char(sb, ':');
        if (fstring_element(sb, e->v.FormattedValue.format_spec, true) < 0) return -1;
    }
    sb_append_char(sb, '}');
    return 0;
}

/* The text of an annotation, as CPython's unparser writes it at the "test" level. */
Value ast_unparse_expr(ASTNode *e) {
    StrBuilder sb;
    sb_init(&sb);
    if (expr(&sb, e, PR_TEST) < 0) {
        sb_discard(&sb);
        return VNULL;
    }
    return sb_finish(&sb);
}
