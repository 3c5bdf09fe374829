/* parser_expr.c: expressions, call arguments, parameters, targets and comprehensions. */

/*
** Each function is one rule of the 3.11 grammar (named after it).  Binary
** operator levels loop instead of recursing, so `1+1+...+1` costs no stack;
** every rule entry counts against PARSER_MAX_DEPTH.
**
** Assignment targets are parsed as expressions and then checked and given a
** Store/Del context by p_set_context(): every valid target is also a valid
** expression with the same node positions, so this matches the grammar's
** separate target rules while parsing each statement once.
*/

#include "parser_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- Small helpers ------------------------------------------------------------ */

static ASTNode *named_expression_impl(Parser *p, int check);
static int can_start_expression(Parser *p);

static ASTNode *new_const(Parser *p, ASTConstKind k, const Token *t)
{
    ASTNode *n = p_new_at(p, AST_Constant, t, t);
    if (n)
        n->v.Constant.value.kind = k;
    return n;
}

static ASTNode *binop(Parser *p, const Token *start, ASTNode *l, ASTOperator op, ASTNode *r)
{
    ASTNode *n = p_new(p, AST_BinOp, start);
    if (!n)
        return NULL;
    n->v.BinOp.left = l;
    n->v.BinOp.op = op;
    n->v.BinOp.right = r;
    return n;
}

const char *p_expr_name(const ASTNode *e)
{
    switch (e->kind) {
    case AST_Attribute: return "attribute";
    case AST_Subscript: return "subscript";
    case AST_Starred: return "starred";
    case AST_Name: return "name";
    case AST_List: return "list";
    case AST_Tuple: return "tuple";
    case AST_Lambda: return "lambda";
    case AST_Call: return "function call";
    case AST_BoolOp: case AST_BinOp: case AST_UnaryOp: return "expression";
    case AST_GeneratorExp: return "generator expression";
    case AST_Yield: case AST_YieldFrom: return "yield expression";
    case AST_Await: return "await expression";
    case AST_ListComp: return "list comprehension";
    case AST_SetComp: return "set comprehension";
    case AST_DictComp: return "dict comprehension";
    case AST_Dict: return "dict literal";
    case AST_Set: return "set display";
    case AST_JoinedStr: case AST_FormattedValue: return "f-string expression";
    case AST_Constant:
        switch (e->v.Constant.value.kind) {
        case CONST_NONE: return "None";
        case CONST_TRUE: return "True";
        case CONST_FALSE: return "False";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case AST_Compare: return "comparison";
    case AST_IfExp: return "conditional expression";
    case AST_NamedExpr: return "named expression";
    default: return "expression";
    }
}

const ASTNode *p_set_context(ASTNode *e, ASTExprContext ctx)
{
    switch (e->kind) {
    case AST_Name: e->v.Name.ctx = ctx; return NULL;
    case AST_Attribute: e->v.Attribute.ctx = ctx; return NULL;
    case AST_Subscript: e->v.Subscript.ctx = ctx; return NULL;
    case AST_Starred:
        if (ctx == AST_Del)
            return e;
        e->v.Starred.ctx = ctx;
        return p_set_context(e->v.Starred.value, ctx);
    case AST_Tuple:
    case AST_List: {
        ASTSeq *s = e->kind == AST_Tuple ? e->v.Tuple.elts : e->v.List.elts;
        if (e->kind == AST_Tuple)
            e->v.Tuple.ctx = ctx;
        else
            e->v.List.ctx = ctx;
        for (int i = 0; i < s->len; i++) {
            const ASTNode *bad = p_set_context(s->elts[i], ctx);
            if (bad)
                return bad;
        }
        return NULL;
    }
    default:
        return e;
    }
}

/* The node CPython's _PyPegen_get_invalid_target() blames. */
const ASTNode *p_invalid_target(const ASTNode *e, int for_targets)
{
    switch (e->kind) {
    case AST_Name: case AST_Attribute: case AST_Subscript:
        return NULL;
    case AST_Starred:
        return p_invalid_target(e->v.Starred.value, for_targets);
    case AST_List: case AST_Tuple: {
        ASTSeq *s = e->kind == AST_List ? e->v.List.elts : e->v.Tuple.elts;
        for (int i = 0; i < s->len; i++) {
            const ASTNode *b = p_invalid_target(s->elts[i], for_targets);
            if (b)
                return b;
        }
        return NULL;
    }
    case AST_Compare:
        if (for_targets && e->v.Compare.ops->elts[0] == AST_In)
            return p_invalid_target(e->v.Compare.left, for_targets);
        return e;
    default:
        return e;
    }
}

/* ---- Atoms ------------------------------------------------------------------------ */

ASTNode *p_number(Parser *p, const Token *t)
{
    size_t n = (size_t)(t->end - t->start);
    if (p->feature_version < 6 && memchr(t->start, '_', n))
        return p_error_tok(p, t, "Underscores in numeric literals are only supported in Python 3.6 and greater");
    char stackbuf[128];
    char *buf = n < sizeof stackbuf ? stackbuf : malloc(n + 1);
    if (!buf)
        return p_nomem(p);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (t->start[i] != '_')
            buf[k++] = t->start[i];
    buf[k] = 0;
    ASTNode *c = p_new_at(p, AST_Constant, t, t);
    if (!c)
        goto out;
    ASTConst *v = &c->v.Constant.value;
    int radix = k >= 2 && buf[0] == '0' && strchr("xXoObB", buf[1]);
    if (!radix && (buf[k - 1] == 'j' || buf[k - 1] == 'J')) {
        buf[k - 1] = 0;
        v->kind = CONST_COMPLEX;
        v->f = strtod(buf, NULL);
    } else if (!radix && strpbrk(buf, ".eE")) {
        v->kind = CONST_FLOAT;
        v->f = strtod(buf, NULL);
    } else {
        int limit = *parse_int_max_str_digits;
        size_t ndigits = 0;
        for (size_t i = 0; i < k; i++)
            ndigits += buf[i] != '_';
        if (!radix && limit > 0 && ndigits > (size_t)limit) {
            /* CPython converts decimal literals at parse time, under the
            ** int_max_str_digits limit. */
            p_error_at(p, PARSE_ERR_SYNTAX, t->lineno, -1, t->lineno, P_END_ZERO,
                       "Exceeds the limit (%d digits) for integer string conversion: value has "
                       "%zu digits; use sys.set_int_max_str_digits() to increase the limit - "
                       "Consider hexadecimal for huge integer literals to avoid decimal "
                       "conversion limits.", limit, ndigits);
            p->perr->offset = 0;
            c = NULL;
            goto out;
        }
        v->kind = CONST_INT;
        v->s = ast_arena_strndup(p->arena, buf, k);
        v->len = k;
        if (!v->s)
            c = p_nomem(p);
    }
out:
    if (buf != stackbuf)
        free(buf);
    return c;
}

ASTNode *p_strings(Parser *p)
{
    int first = p->mark;
    while (p_at(p, T_STRING))
        p->mark++;
    if (p->mark == first)
        return NULL;
    return p_concat_strings(p, first, p->mark - 1);
}

static ASTSeq *for_if_clauses(Parser *p);

static int at_comprehension(Parser *p)
{
    return p_at(p, T_KW_FOR) || (p_at(p, T_KW_ASYNC) && p_peek2(p)->type == T_KW_FOR);
}

/* star_named_expression (',' star_named_expression)* [','] up to `close`;
** the first element is already parsed. */
static ASTSeq *rest_of_elements(Parser *p, ASTNode *first, TokType close)
{
    PList l;
    plist_init(&l);
    plist_push(p, &l, first);
    while (p_expect(p, T_COMMA)) {
        if (p_at(p, close))
            break;
        ASTNode *e = p_star_named_expression(p);
        if (!e) {
            plist_free(&l);
            return NULL;
        }
        plist_push(p, &l, e);
    }
    return plist_seq(p, &l);
}

static ASTNode *comprehension_node(Parser *p, ASTKind kind, const Token *start, ASTNode *elt,
                                   ASTNode *value, TokType close)
{
    ASTSeq *gens = for_if_clauses(p);
    if (!gens)
        return NULL;
    if (!p_expect(p, close))
        return NULL;
    ASTNode *n = p_new(p, kind, start);
    if (!n)
        return NULL;
    switch (kind) {
    case AST_ListComp: n->v.ListComp.elt = elt; n->v.ListComp.generators = gens; break;
    case AST_SetComp: n->v.SetComp.elt = elt; n->v.SetComp.generators = gens; break;
    case AST_GeneratorExp: n->v.GeneratorExp.elt = elt; n->v.GeneratorExp.generators = gens; break;
    case AST_DictComp:
        n->v.DictComp.key = elt;
        n->v.DictComp.value = value;
        n->v.DictComp.generators = gens;
        break;
    default: break;
    }
    return n;
}

static ASTNode *paren_atom(Parser *p)
{
    Token *start = p_expect(p, T_LPAR);
    if (p_expect(p, T_RPAR)) {
        ASTNode *t = p_new(p, AST_Tuple, start);
        if (t) {
            t->v.Tuple.elts = p_seq0(p);
            t->v.Tuple.ctx = AST_Load;
        }
        return t;
    }
    if (p_at(p, T_KW_YIELD)) {
        ASTNode *y = p_yield_expr(p);
        if (!y || !p_expect(p, T_RPAR))
            return NULL;
        return y;
    }
    if (p->invalid_pass && p_at(p, T_DOUBLESTAR)) {
        /* invalid_group: '(' '**' expression ')' */
        Token *ds = p_peek(p);
        int m = p->mark;
        p->mark++;
        ASTNode *e = p_expression(p);
        p->invalid_pass = 1;
        if (e && p_at(p, T_RPAR))
            return p_error_tok(p, ds, "cannot use double starred expression here");
        p->mark = m;
    }
    ASTNode *first = p_star_named_expression(p);
    if (!first)
        return NULL;
    if (at_comprehension(p)) {
        if (first->kind == AST_Starred) {
            if (p->invalid_pass)
                return p_error_node(p, first, "iterable unpacking cannot be used in comprehension");
            return NULL;
        }
        return comprehension_node(p, AST_GeneratorExp, start, first, NULL, T_RPAR);
    }
    if (p_expect(p, T_RPAR)) {
        if (first->kind == AST_Starred) {
            if (p->invalid_pass)
                return p_error_node(p, first, "cannot use starred expression here");
            return NULL;
        }
        return first;
    }
    if (!p_at(p, T_COMMA)) {
        if (p->invalid_pass && first->kind != AST_Starred) {
            /* invalid_expression: two expressions without a comma. */
            Token *nt = p_peek(p);
            (void)nt;
        }
        return NULL;
    }
    ASTSeq *elts = rest_of_elements(p, first, T_RPAR);
    if (!elts || !p_expect(p, T_RPAR))
        return NULL;
    ASTNode *t = p_new(p, AST_Tuple, start);
    if (t) {
        t->v.Tuple.elts = elts;
        t->v.Tuple.ctx = AST_Load;
    }
    return t;
}

static ASTNode *list_atom(Parser *p)
{
    Token *start = p_expect(p, T_LSQB);
    ASTSeq *elts;
    if (p_expect(p, T_RSQB)) {
        elts = p_seq0(p);
    } else {
        ASTNode *first = p_star_named_expression(p);
        if (!first)
            return NULL;
        if (at_comprehension(p)) {
            if (first->kind == AST_Starred) {
                if (p->invalid_pass)
                    return p_error_node(p, first, "iterable unpacking cannot be used in comprehension");
                return NULL;
            }
            return comprehension_node(p, AST_ListComp, start, first, NULL, T_RSQB);
        }
        elts = rest_of_elements(p, first, T_RSQB);
        if (!elts || !p_expect(p, T_RSQB))
            return NULL;
    }
    ASTNode *l = p_new(p, AST_List, start);
    if (l) {
        l->v.List.elts = elts;
        l->v.List.ctx = AST_Load;
    }
    return l;
}

/* One dict display item: '**' bitwise_or, or expression ':' expression.
** key is NULL for '**'. */
static int dict_item(Parser *p, ASTNode **key, ASTNode **value, int first)
{
    if (p_expect(p, T_DOUBLESTAR)) {
        *key = NULL;
        *value = p_bitwise_or(p);
        return *value != NULL;
    }
    /* Observed CPython 3.11 behaviour: the key of an item after the first
    ** never gets the "Perhaps you forgot a comma?" diagnosis ("{1: 2, a b}"
    ** reports "':' expected after dictionary key"), while the first key and
    ** all values do (nested expressions inside the key still do).  Skip that
** check for the key expression itself. */
    p->skip_invalid_expression = !first;
    *key = p_expression(p);
    p->skip_invalid_expression = 0;
    if (!*key)
        return 0;
    Token *colon = p_expect(p, T_COLON);
    if (!colon) {
        if (p->invalid_pass && !p->error)
            p_error_at(p, PARSE_ERR_SYNTAX, (*key)->lineno, (*key)->end_col_offset - 1,
                       (*key)->end_lineno, P_END_ZERO, "':' expected after dictionary key");
        return 0;
    }
    if (p_at(p, T_RBRACE) || p_at(p, T_COMMA)) {
        if (p->invalid_pass)
            p_error_tok(p, colon, "expression expected after dictionary key and ':'");
        return 0;
    }
    if (p->invalid_pass && p_at(p, T_STAR)) {
        Token *st = p_peek(p);
        p->mark++;
        ASTNode *v = p_bitwise_or(p);
        p->invalid_pass = 1;
        if (v) {
            p_error_at(p, PARSE_ERR_SYNTAX, st->lineno, st->col_offset, st->lineno, P_END_CURRENT,
                       "cannot use a starred expression in a dictionary value");
            return 0;
        }
    }
    *value = p_expression(p);
    return *value != NULL;
}

static ASTNode *brace_atom(Parser *p)
{
    Token *start = p_expect(p, T_LBRACE);
    if (p_expect(p, T_RBRACE)) {
        ASTNode *d = p_new(p, AST_Dict, start);
        if (d) {
            d->v.Dict.keys = p_seq0(p);
            d->v.Dict.values = p_seq0(p);
        }
        return d;
    }
    int m = p->mark;
    ASTNode *first = NULL;
    int is_dict = 0;
    if (p_at(p, T_DOUBLESTAR)) {
        is_dict = 1;
    } else {
        first = p_star_named_expression(p);
        if (!first)
            return NULL;
        if (p_at(p, T_COLON)) {
            is_dict = 1;
            p->mark = m;
        }
    }
    if (is_dict) {
        ASTNode *k, *v;
        if (!dict_item(p, &k, &v, 1))
            return NULL;
        if (k && at_comprehension(p))
            return comprehension_node(p, AST_DictComp, start, k, v, T_RBRACE);
        if (!k && at_comprehension(p)) {
            if (p->invalid_pass)
                return p_error_last(p, PARSE_ERR_SYNTAX, "dict unpacking cannot be used in dict comprehension");
            return NULL;
        }
        PList keys, values;
        plist_init(&keys);
        plist_init(&values);
        plist_push(p, &keys, k);
        plist_push(p, &values, v);
        while (p_expect(p, T_COMMA)) {
            if (p_at(p, T_RBRACE))
                break;
            if (!dict_item(p, &k, &v, 0)) {
                plist_free(&keys);
                plist_free(&values);
                return NULL;
            }
            plist_push(p, &keys, k);
            plist_push(p, &values, v);
        }
        if (!p_expect(p, T_RBRACE)) {
            plist_free(&keys);
            plist_free(&values);
            return NULL;
        }
        ASTNode *d = p_new(p, AST_Dict, start);
        if (!d) {
            plist_free(&keys);
            plist_free(&values);
            return NULL;
        }
        d->v.Dict.keys = plist_seq(p, &keys);
        d->v.Dict.values = plist_seq(p, &values);
        return d;
    }
    if (at_comprehension(p)) {
        if (first->kind == AST_Starred) {
            if (p->invalid_pass)
                return p_error_node(p, first, "iterable unpacking cannot be used in comprehension");
            return NULL;
        }
        return comprehension_node(p, AST_SetComp, start, first, NULL, T_RBRACE);
    }
    ASTSeq *elts = rest_of_elements(p, first, T_RBRACE);
    if (!elts || !p_expect(p, T_RBRACE))
        return NULL;
    ASTNode *s = p_new(p, AST_Set, start);
    if (s)
        s->v.Set.elts = elts;
    return s;
}

static ASTNode *atom(Parser *p)
{
    Token *t = p_peek(p);
    switch (t->type) {
    case T_NAME:
        p->mark++;
        return p_name(p, t, AST_Load);
    case T_KW_TRUE:
        p->mark++;
        return new_const(p, CONST_TRUE, t);
    case T_KW_FALSE:
        p->mark++;
        return new_const(p, CONST_FALSE, t);
    case T_KW_NONE:
        p->mark++;
        return new_const(p, CONST_NONE, t);
    case T_ELLIPSIS:
        p->mark++;
        return new_const(p, CONST_ELLIPSIS, t);
    case T_NUMBER:
        p->mark++;
        return p_number(p, t);
    case T_STRING:
        return p_strings(p);
    case T_LPAR:
        return paren_atom(p);
    case T_LSQB:
        return list_atom(p);
    case T_LBRACE:
        return brace_atom(p);
    default:
        return NULL;
    }
}

/* ---- Primary: calls, attributes, subscripts ------------------------------------------- */

static ASTNode *slice(Parser *p)
{
    Token *start = p_peek(p);
    ASTNode *lower = NULL, *upper = NULL, *step = NULL;
    if (!p_at(p, T_COLON)) {
        lower = p_named_expression(p);
        if (!lower)
            return NULL;
        if (!p_at(p, T_COLON))
            return lower;
        if (lower->kind == AST_NamedExpr)
            return NULL;
    }
    p_expect(p, T_COLON);
    if (!p_at(p, T_COLON) && !p_at(p, T_COMMA) && !p_at(p, T_RSQB)) {
        upper = p_expression(p);
        if (!upper)
            return NULL;
    }
    if (p_expect(p, T_COLON)) {
        if (!p_at(p, T_COMMA) && !p_at(p, T_RSQB)) {
            step = p_expression(p);
            if (!step)
                return NULL;
        }
    }
    ASTNode *s = p_new(p, AST_Slice, start);
    if (s) {
        s->v.Slice.lower = lower;
        s->v.Slice.upper = upper;
        s->v.Slice.step = step;
    }
    return s;
}

static ASTNode *slice_or_starred(Parser *p)
{
    Token *start = p_peek(p);
    if (p_expect(p, T_STAR)) {
        ASTNode *v = p_expression(p);
        if (!v)
            return NULL;
        ASTNode *s = p_new(p, AST_Starred, start);
        if (s) {
            s->v.Starred.value = v;
            s->v.Starred.ctx = AST_Load;
        }
        return s;
    }
    return slice(p);
}

static ASTNode *slices(Parser *p)
{
    Token *start = p_peek(p);
    ASTNode *first = slice_or_starred(p);
    if (!first)
        return NULL;
    if (!p_at(p, T_COMMA) && first->kind != AST_Starred)
        return first;
    PList l;
    plist_init(&l);
    plist_push(p, &l, first);
    while (p_expect(p, T_COMMA)) {
        if (p_at(p, T_RSQB))
            break;
        ASTNode *e = slice_or_starred(p);
        if (!e) {
            plist_free(&l);
            return NULL;
        }
        plist_push(p, &l, e);
    }
    ASTNode *t = p_new(p, AST_Tuple, start);
    if (!t) {
        plist_free(&l);
        return NULL;
    }
    t->v.Tuple.elts = plist_seq(p, &l);
    t->v.Tuple.ctx = AST_Load;
    return t;
}

/* Call arguments after the '(' that `start` is. */
ASTNode *p_call_tail(Parser *p, ASTNode *func, const Token *start, const Token *lpar)
{
    PList args, kws;
    plist_init(&args);
    plist_init(&kws);
    int seen_kw = 0, seen_dstar = 0;
    ASTNode *result = NULL;
    Token *first_arg = p_peek(p), *before_last_comma = first_arg;
    while (!p_at(p, T_RPAR)) {
        Token *st = p_peek(p);
        if (st != first_arg)
            before_last_comma = p_fetch(p, p->mark - 2);
        if (p_expect(p, T_STAR)) {
            ASTNode *v = p_expression(p);
            if (!v)
                goto fail;
            if (seen_dstar) {
                /* CPython blames the whole argument list before the '*'. */
                if (p->invalid_pass)
                    p_error_at(p, PARSE_ERR_SYNTAX, first_arg->lineno, first_arg->col_offset,
                               before_last_comma->end_lineno, before_last_comma->end_col_offset,
                               "iterable argument unpacking follows keyword argument unpacking");
                goto fail;
            }
            ASTNode *s = p_new(p, AST_Starred, st);
            if (!s)
                goto fail;
            s->v.Starred.value = v;
            s->v.Starred.ctx = AST_Load;
            plist_push(p, &args, s);
        } else if (p_expect(p, T_DOUBLESTAR)) {
            ASTNode *v = p_expression(p);
            if (!v)
                goto fail;
            ASTNode *k = p_new(p, AST_keyword, st);
            if (!k)
                goto fail;
            k->v.keyword.value = v;
            plist_push(p, &kws, k);
            seen_dstar = 1;
        } else if (st->type == T_NAME && p_peek2(p)->type == T_EQUAL) {
            Token *eq_tok = p_peek2(p);
            p->mark += 2;
            ASTNode *v = p_expression(p);
            if (!v)
                goto fail;
            if (p->invalid_pass && at_comprehension(p)) {
                p_error_toks(p, st, eq_tok,
                             "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                goto fail;
            }
            ASTNode *k = p_new(p, AST_keyword, st);
            if (!k)
                goto fail;
            k->v.keyword.arg = p_ident(p, st);
            k->v.keyword.value = v;
            plist_push(p, &kws, k);
            seen_kw = 1;
        } else {
            ASTNode *e = named_expression_impl(p, 0);
            if (!e)
                goto fail;
            if (at_comprehension(p) && func->kind == AST_Pass && args.len == 0 && kws.len == 0) {
                /* class A(x for x in y): the class's argument list has no
                ** generator-expression form. */
                goto fail;
            }
            if (at_comprehension(p)) {
                ASTSeq *gens = for_if_clauses(p);
                if (!gens)
                    goto fail;
                if (args.len == 0 && kws.len == 0 && p_at(p, T_RPAR)) {
                    p_expect(p, T_RPAR);
                    ASTNode *g = p_new(p, AST_GeneratorExp, lpar);
                    if (!g)
                        goto fail;
                    g->v.GeneratorExp.elt = e;
                    g->v.GeneratorExp.generators = gens;
                    plist_push(p, &args, g);
                    ASTNode *c = p_new(p, AST_Call, lpar);
                    if (!c)
                        goto fail;
                    c->lineno = start->lineno;
                    c->col_offset = start->col_offset;
                    c->v.Call.func = func;
                    c->v.Call.args = plist_seq(p, &args);
                    c->v.Call.keywords = plist_seq(p, &kws);
                    return c;
                }
                /* CPython: a first-position generator followed by ',', or a
                ** later one anywhere; f(x for x in y.) is plain invalid syntax. */
                if (p->invalid_pass && (args.len >= 1 || p_at(p, T_COMMA))) {
                    ASTNode *lastc = gens->elts[gens->len - 1];
                    ASTSeq *ifs = lastc->v.comprehension.ifs;
                    ASTNode *endn = ifs->len ? ifs->elts[ifs->len - 1] : lastc->v.comprehension.iter;
                    p_error_range(p, e, endn, "Generator expression must be parenthesized");
                }
                goto fail;
            }
            if (p_at(p, T_EQUAL)) {
                if (p->invalid_pass) {
                    Token *eq = p_peek(p);
                    if (e->kind == AST_Constant && (e->v.Constant.value.kind == CONST_TRUE ||
                                                    e->v.Constant.value.kind == CONST_FALSE ||
                                                    e->v.Constant.value.kind == CONST_NONE))
                        p_error_toks(p, st, eq, "cannot assign to %s", p_expr_name(e));
                    else
                        p_error_toks(p, st, eq,
                                     "expression cannot contain assignment, perhaps you meant \"==\"?");
                }
                goto fail;
            }
            if (seen_kw || seen_dstar) {
                if (p->invalid_pass) {
                    /* CPython reports at the furthest token its args rule
                    ** read: skim the rest of the argument list first. */
                    while (!p->error && p_expect(p, T_COMMA) && !p_at(p, T_RPAR)) {
                        if (p_at(p, T_NAME) && p_peek2(p)->type == T_EQUAL)
                            p->mark += 2;
                        else if (p_at(p, T_STAR) || p_at(p, T_DOUBLESTAR))
                            p->mark++;
                        if (!p_expression(p))
                            break;
                    }
                    if (!p->error) {
                        p_peek(p);
                        p_error_last(p, PARSE_ERR_SYNTAX, seen_dstar
                                         ? "positional argument follows keyword argument unpacking"
                                         : "positional argument follows keyword argument");
                    }
                }
                goto fail;
            }
            plist_push(p, &args, e);
        }
        if (!p_expect(p, T_COMMA))
            break;
    }
    if (!p_expect(p, T_RPAR))
        goto fail;
    result = p_new_at(p, AST_Call, lpar, p_last(p));
    if (!result)
        goto fail;
    result->lineno = start->lineno;
    result->col_offset = start->col_offset;
    result->v.Call.func = func;
    result->v.Call.args = plist_seq(p, &args);
    result->v.Call.keywords = plist_seq(p, &kws);
    return result;
fail:
    plist_free(&args);
    plist_free(&kws);
    return NULL;
}

ASTNode *p_primary(Parser *p)
{
    P_ENTER(p);
    Token *start = p_peek(p);
    ASTNode *e = atom(p);
    if (!e)
        P_LEAVE(p, NULL);
    for (;;) {
        Token *t = p_peek(p);
        if (t->type == T_DOT) {
            Token *name = p_peek2(p);
            if (name->type != T_NAME)
                break;
            p->mark += 2;
            ASTNode *a = p_new_at(p, AST_Attribute, t, name);
            if (!a)
                P_LEAVE(p, NULL);
            a->lineno = start->lineno;
            a->col_offset = start->col_offset;
            a->v.Attribute.value = e;
            a->v.Attribute.attr = p_ident(p, name);
            a->v.Attribute.ctx = AST_Load;
            e = a;
        } else if (t->type == T_LPAR) {
            /* A failed call or subscript leaves the shorter primary, as
            ** the PEG alternative would. */
            int m = p->mark;
            p->mark++;
            ASTNode *c = p_call_tail(p, e, start, t);
            if (!c) {
                if (p->error)
                    P_LEAVE(p, NULL);
                p->mark = m;
                break;
            }
            e = c;
        } else if (t->type == T_LSQB) {
            int m = p->mark;
            p->mark++;
            ASTNode *s = slices(p);
            if (!s || !p_expect(p, T_RSQB)) {
                if (p->error)
                    P_LEAVE(p, NULL);
                p->mark = m;
                break;
            }
            ASTNode *sub = p_new_at(p, AST_Subscript, t, p_last(p));
            if (!sub)
                P_LEAVE(p, NULL);
            sub->lineno = start->lineno;
            sub->col_offset = start->col_offset;
            sub->v.Subscript.value = e;
            sub->v.Subscript.slice = s;
            sub->v.Subscript.ctx = AST_Load;
            e = sub;
        } else {
            break;
        }
    }
    P_LEAVE(p, e);
}

/* ---- Operators ------------------------------------------------------------------------ */

static ASTNode *factor(Parser *p);

static ASTNode *power(Parser *p)
{
    P_ENTER(p);
    Token *start = p_peek(p);
    ASTNode *e;
    if (p_expect(p, T_KW_AWAIT)) {
        ASTNode *v = p_primary(p);
        if (!v)
            P_LEAVE(p, NULL);
        e = p_new(p, AST_Await, start);
        if (!e)
            P_LEAVE(p, NULL);
        e->v.Await.value = v;
        if (!p_check_version(p, 5, "Await expressions are"))
            P_LEAVE(p, NULL);
    } else {
        e = p_primary(p);
        if (!e)
            P_LEAVE(p, NULL);
    }
    if (p_expect(p, T_DOUBLESTAR)) {
        ASTNode *r = factor(p);
        if (!r)
            P_LEAVE(p, NULL);
        e = binop(p, start, e, AST_Pow, r);
    }
    P_LEAVE(p, e);
}

static ASTNode *factor(Parser *p)
{
    P_ENTER(p);
    Token *t = p_peek(p);
    ASTUnaryOp op;
    switch (t->type) {
    case T_PLUS: op = AST_UAdd; break;
    case T_MINUS: op = AST_USub; break;
    case T_TILDE: op = AST_Invert; break;
    default: {
        ASTNode *e = power(p);
        P_LEAVE(p, e);
    }
    }
    p->mark++;
    ASTNode *v = factor(p);
    if (!v)
        P_LEAVE(p, NULL);
    ASTNode *n = p_new(p, AST_UnaryOp, t);
    if (!n)
        P_LEAVE(p, NULL);
    n->v.UnaryOp.op = op;
    n->v.UnaryOp.operand = v;
    P_LEAVE(p, n);
}

/* Run rule `fn` at the current position through the memo slot `rule`. */
static ASTNode *memoized(Parser *p, int rule, ASTNode *(*fn)(Parser *))
{
    /* Only the error pass backtracks enough to need the memo. */
    if (!p->invalid_pass && !p->memo)
        return fn(p);
    p_peek(p);
    int at = p->mark;
    if (at >= p->memo_cap) {
        int ncap = p->memo_cap ? p->memo_cap : 1024;
        while (ncap <= at)
            ncap *= 2;
        ParserMemo *nm = realloc(p->memo, (size_t)ncap * sizeof(ParserMemo));
        if (!nm)
            return p_nomem(p);
        memset(nm + p->memo_cap, 0, (size_t)(ncap - p->memo_cap) * sizeof(ParserMemo));
        p->memo = nm;
        p->memo_cap = ncap;
    }
    int inv = p->invalid_pass ? 1 : 0;
    ParserMemo *m = &p->memo[at];
    if (m->gen[rule][inv] == p->memo_gen) {
        if (m->end[rule][inv] >= 0)
            p->mark = m->end[rule][inv];
        return m->node[rule][inv];
    }
    ASTNode *r = fn(p);
    if (!p->error) {
        m = &p->memo[at];   /* fn may have grown the table */
        m->gen[rule][inv] = p->memo_gen;
        m->node[rule][inv] = r;
        m->end[rule][inv] = r ? p->mark : -1;
    }
    return r;
}

static int term_op(TokType t, ASTOperator *op)
{
    switch (t) {
    case T_STAR: *op = AST_Mult; return 1;
    case T_SLASH: *op = AST_Div; return 1;
    case T_DOUBLESLASH: *op = AST_FloorDiv; return 1;
    case T_PERCENT: *op = AST_Mod; return 1;
    case T_AT: *op = AST_MatMult; return 1;
    default: return 0;
    }
}

static int sum_op(TokType t, ASTOperator *op)
{
    if (t == T_PLUS) { *op = AST_Add; return 1; }
    if (t == T_MINUS) { *op = AST_Sub; return 1; }
    return 0;
}

static int shift_op(TokType t, ASTOperator *op)
{
    if (t == T_LEFTSHIFT) { *op = AST_LShift; return 1; }
    if (t == T_RIGHTSHIFT) { *op = AST_RShift; return 1; }
    return 0;
}

static int and_op(TokType t, ASTOperator *op)
{
    if (t == T_AMPER) { *op = AST_BitAnd; return 1; }
    return 0;
}

static int xor_op(TokType t, ASTOperator *op)
{
    if (t == T_CIRCUMFLEX) { *op = AST_BitXor; return 1; }
    return 0;
}

static int or_op(TokType t, ASTOperator *op)
{
    if (t == T_VBAR) { *op = AST_BitOr; return 1; }
    return 0;
}

/* A left-associative binary level: operand (op operand)*.  If the right
** operand is missing the operator is left unconsumed, as PEG would. */
static ASTNode *binary_level(Parser *p, ASTNode *(*operand)(Parser *),
                             int (*is_op)(TokType, ASTOperator *))
{
    P_ENTER(p);
    Token *start = p_peek(p);
    ASTNode *e = operand(p);
    if (!e)
        P_LEAVE(p, NULL);
    ASTOperator op;
    while (is_op(p_peek(p)->type, &op)) {
        int m = p->mark;
        p->mark++;
        ASTNode *r = operand(p);
        if (!r) {
            if (p->error)
                P_LEAVE(p, NULL);
            p->mark = m;
            break;
        }
        e = binop(p, start, e, op, r);
        if (!e)
            P_LEAVE(p, NULL);
        if (op == AST_MatMult && !p_check_version(p, 5, "The '@' operator is"))
            P_LEAVE(p, NULL);
    }
    P_LEAVE(p, e);
}

static ASTNode *term(Parser *p) { return binary_level(p, factor, term_op); }
static ASTNode *sum(Parser *p) { return binary_level(p, term, sum_op); }
static ASTNode *shift_expr(Parser *p) { return binary_level(p, sum, shift_op); }
static ASTNode *bitwise_and(Parser *p) { return binary_level(p, shift_expr, and_op); }
static ASTNode *bitwise_xor(Parser *p) { return binary_level(p, bitwise_and, xor_op); }
static ASTNode *bitwise_or_raw(Parser *p) { return binary_level(p, bitwise_xor, or_op); }
ASTNode *p_bitwise_or(Parser *p) { return memoized(p, MEMO_BITWISE_OR, bitwise_or_raw); }

/* One comparison operator at the current position, consuming it. */
static int compare_op(Parser *p, ASTCmpOp *op)
{
    Token *t = p_peek(p);
    switch (t->type) {
    case T_EQEQUAL: *op = AST_Eq; break;
    case T_NOTEQUAL: *op = AST_NotEq; break;
    case T_LESS: *op = AST_Lt; break;
    case T_LESSEQUAL: *op = AST_LtE; break;
    case T_GREATER: *op = AST_Gt; break;
    case T_GREATEREQUAL: *op = AST_GtE; break;
    case T_KW_IN: *op = AST_In; break;
    case T_KW_NOT:
        if (p_peek2(p)->type != T_KW_IN)
            return 0;
        p->mark += 2;
        *op = AST_NotIn;
        return 1;
    case T_KW_IS:
        if (p_peek2(p)->type == T_KW_NOT) {
            p->mark += 2;
            *op = AST_IsNot;
            return 1;
        }
        *op = AST_Is;
        break;
    default:
        return 0;
    }
    p->mark++;
    return 1;
}

static ASTNode *comparison(Parser *p)
{
    P_ENTER(p);
    Token *start = p_peek(p);
    ASTNode *e = p_bitwise_or(p);
    if (!e)
        P_LEAVE(p, NULL);
    PList comps;
    int ops[64];
    int *opv = ops, nops = 0, capops = 64;
    plist_init(&comps);
    for (;;) {
        int m = p->mark;
        ASTCmpOp op;
        if (!compare_op(p, &op))
            break;
        ASTNode *r = p_bitwise_or(p);
        if (!r) {
            if (p->error)
                goto fail;
            p->mark = m;
            break;
        }
        if (nops == capops) {
            int *nv = malloc((size_t)capops * 2 * sizeof(int));
            if (!nv) {
                p_nomem(p);
                goto fail;
            }
            memcpy(nv, opv, (size_t)nops * sizeof(int));
            if (opv != ops)
                free(opv);
            opv = nv;
            capops *= 2;
        }
        opv[nops++] = (int)op;
        plist_push(p, &comps, r);
    }
    if (nops) {
        ASTNode *c = p_new(p, AST_Compare, start);
        ASTIntSeq *os = ast_intseq_new(p->arena, nops);
        if (!c || !os) {
            p_nomem(p);
            goto fail;
        }
        memcpy(os->elts, opv, (size_t)nops * sizeof(int));
        c->v.Compare.left = e;
        c->v.Compare.ops = os;
        c->v.Compare.comparators = plist_seq(p, &comps);
        e = c;
    }
    if (opv != ops)
        free(opv);
    plist_free(&comps);
    P_LEAVE(p, e);
fail:
    if (opv != ops)
        free(opv);
    plist_free(&comps);
    P_LEAVE(p, NULL);
}

static ASTNode *inversion(Parser *p)
{
    P_ENTER(p);
    Token *t = p_peek(p);
    if (t->type == T_KW_NOT) {
        p->mark++;
        ASTNode *v = inversion(p);
        if (!v)
            P_LEAVE(p, NULL);
        ASTNode *n = p_new(p, AST_UnaryOp, t);
        if (!n)
            P_LEAVE(p, NULL);
        n->v.UnaryOp.op = AST_Not;
        n->v.UnaryOp.operand = v;
        P_LEAVE(p, n);
    }
    ASTNode *e = comparison(p);
    P_LEAVE(p, e);
}

static ASTNode *bool_level(Parser *p, ASTNode *(*operand)(Parser *), TokType kw, ASTBoolOp op)
{
    P_ENTER(p);
    Token *start = p_peek(p);
    ASTNode *e = operand(p);
    if (!e || !p_at(p, kw))
        P_LEAVE(p, e);
    PList l;
    plist_init(&l);
    plist_push(p, &l, e);
    while (p_at(p, kw)) {
        int m = p->mark;
        p->mark++;
        ASTNode *r = operand(p);
        if (!r) {
            if (p->error) {
                plist_free(&l);
                P_LEAVE(p, NULL);
            }
            p->mark = m;
            break;
        }
        plist_push(p, &l, r);
    }
    if (l.len == 1) {
        plist_free(&l);
        P_LEAVE(p, e);
    }
    ASTNode *b = p_new(p, AST_BoolOp, start);
    if (!b) {
        plist_free(&l);
        P_LEAVE(p, NULL);
    }
    b->v.BoolOp.op = op;
    b->v.BoolOp.values = plist_seq(p, &l);
    P_LEAVE(p, b);
}

static ASTNode *conjunction(Parser *p) { return bool_level(p, inversion, T_KW_AND, AST_And); }
static ASTNode *disjunction_raw(Parser *p) { return bool_level(p, conjunction, T_KW_OR, AST_Or); }
ASTNode *p_disjunction(Parser *p) { return memoized(p, MEMO_DISJUNCTION, disjunction_raw); }

/* ---- Lambda ----------------------------------------------------------------------------- */

static ASTNode *lambdef(Parser *p)
{
    Token *start = p_expect(p, T_KW_LAMBDA);
    ASTNode *args = p_arguments_node(p, 1);
    if (!args)
        return NULL;
    if (!p_expect(p, T_COLON))
        return NULL;
    ASTNode *body = p_expression(p);
    if (!body)
        return NULL;
    ASTNode *l = p_new(p, AST_Lambda, start);
    if (l) {
        l->v.Lambda.args = args;
        l->v.Lambda.body = body;
    }
    return l;
}

/* ---- Expressions ------------------------------------------------------------------------ */

static int is_legacy_name(const ASTNode *e)
{
    return e->kind == AST_Name &&
           (!strcmp(e->v.Name.id, "print") || !strcmp(e->v.Name.id, "exec"));
}

/* Error pass: CPython's invalid_expression and invalid_legacy_expression,
** tried before an expression's normal alternatives.  Returns 1 if an error
** was raised; otherwise restores the position. */
static int invalid_expression(Parser *p)
{
    int m = p->mark;
    Token *t0 = p_peek(p);
    /* !(NAME STRING | SOFT_KEYWORD).  CPython's SOFT_KEYWORD test compares
    ** only the token's length of each keyword, so "c", "ma" ... count too. */
    int soft = 0;
    if (t0->type == T_NAME) {
        size_t n = (size_t)(t0->end - t0->start);
        soft = p_peek2(p)->type == T_STRING || !strncmp("match", t0->start, n) ||
               !strncmp("case", t0->start, n) || !strncmp("_", t0->start, n);
    }
    if (!soft) {
        ASTNode *a = p_disjunction(p);
        if (p->error)
            return 1;
        if (a && can_start_expression(p)) {
            int saved = p->invalid_pass;
            p->invalid_pass = 0;
            ASTNode *b = p_expression(p);
            p->invalid_pass = saved;
            if (p->error)
                return 1;
            if (b && !is_legacy_name(a) && p_last(p)->level != 0) {
                p_error_range(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
                return 1;
            }
        }
    }
    p->mark = m;
    ASTNode *a = p_disjunction(p);
    if (p->error)
        return 1;
    if (a && p_expect(p, T_KW_IF)) {
        ASTNode *b = p_disjunction(p);
        if (p->error)
            return 1;
        if (b && !p_at(p, T_KW_ELSE) && !p_at(p, T_COLON)) {
            p_error_range(p, a, b, "expected 'else' after 'if' expression");
            return 1;
        }
    }
    p->mark = m;
    /* invalid_legacy_expression: NAME !'(' star_expressions.  CPython parses
    ** the star_expressions after any name (errors found there count) and
    ** only then checks for print/exec. */
    if (t0->type == T_NAME && p_peek2(p)->type != T_LPAR) {
        p->mark++;
        ASTNode *b = can_start_expression(p) ? p_star_expressions(p) : NULL;
        if (p->error)
            return 1;
        if (b && (tok_is(t0, "print") || tok_is(t0, "exec"))) {
            p_error_at(p, PARSE_ERR_SYNTAX, t0->lineno, t0->col_offset, b->end_lineno,
                       b->end_col_offset, "Missing parentheses in call to '%.*s'. Did you mean %.*s(...)?",
                       (int)(t0->end - t0->start), t0->start, (int)(t0->end - t0->start), t0->start);
            return 1;
        }
    }
    p->mark = m;
    return 0;
}

ASTNode *p_expression(Parser *p)
{
    P_ENTER(p);
    int skip = p->skip_invalid_expression;
    p->skip_invalid_expression = 0;
    if (p->invalid_pass && !skip && !p_at(p, T_KW_LAMBDA) && invalid_expression(p))
        P_LEAVE(p, NULL);
    if (p_at(p, T_KW_LAMBDA)) {
        ASTNode *l = lambdef(p);
        P_LEAVE(p, l);
    }
    Token *start = p_peek(p);
    ASTNode *a = p_disjunction(p);
    if (!a || !p_at(p, T_KW_IF))
        P_LEAVE(p, a);
    int m = p->mark;
    p->mark++;
    ASTNode *b = p_disjunction(p);
    if (!b || !p_expect(p, T_KW_ELSE)) {
        if (p->error)
            P_LEAVE(p, NULL);
        if (b && p->invalid_pass && !p_at(p, T_COLON)) {
            p_error_range(p, a, b, "expected 'else' after 'if' expression");
            P_LEAVE(p, NULL);
        }
        p->mark = m;
        P_LEAVE(p, a);
    }
    ASTNode *c = p_expression(p);
    if (!c)
        P_LEAVE(p, NULL);
    ASTNode *n = p_new(p, AST_IfExp, start);
    if (!n)
        P_LEAVE(p, NULL);
    n->v.IfExp.test = b;
    n->v.IfExp.body = a;
    n->v.IfExp.orelse = c;
    P_LEAVE(p, n);
}

/* Error pass: CPython's invalid_named_expression.  Returns 1 if raised. */
int p_invalid_named_expression(Parser *p)
{
    int m = p->mark;
    Token *t = p_peek(p);
    ASTNode *a = p_expression(p);
    if (p->error)
        return 1;
    if (a && p_at(p, T_COLONEQUAL)) {
        p->mark++;
        int saved = p->invalid_pass;
        ASTNode *b = p_expression(p);
        p->invalid_pass = saved;
        if (b) {
            p_error_node(p, a, "cannot use assignment expressions with %s", p_expr_name(a));
            return 1;
        }
    }
    p->mark = m;
    if (t->type == T_NAME && p_peek2(p)->type == T_EQUAL) {
        p->mark += 2;
        int saved = p->invalid_pass;
        ASTNode *b = p_bitwise_or(p);
        p->invalid_pass = saved;
        if (p->error)
            return 1;
        if (b && !p_at(p, T_EQUAL) && !p_at(p, T_COLONEQUAL)) {
            p_error_at(p, PARSE_ERR_SYNTAX, t->lineno, t->col_offset, b->end_lineno, b->end_col_offset,
                       "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return 1;
        }
        p->mark = m;
    }
    /* !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=') */
    int excluded = t->type == T_KW_TRUE || t->type == T_KW_NONE || t->type == T_KW_FALSE;
    if (!excluded && (t->type == T_LSQB || t->type == T_LPAR)) {
        int saved = p->invalid_pass;
        ASTNode *at = atom(p);
        p->invalid_pass = saved;
        if (p->error)
            return 1;
        if (at && (at->kind == AST_List || at->kind == AST_Tuple || at->kind == AST_GeneratorExp))
            excluded = 1;
        p->mark = m;
    }
    if (!excluded) {
        int saved = p->invalid_pass;
        ASTNode *a2 = p_bitwise_or(p);
        if (a2 && p_expect(p, T_EQUAL)) {
            ASTNode *b = p_bitwise_or(p);
            p->invalid_pass = saved;
            if (b && !p_at(p, T_EQUAL) && !p_at(p, T_COLONEQUAL)) {
                p_error_node(p, a2, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                             p_expr_name(a2));
                return 1;
            }
        }
        p->invalid_pass = saved;
        if (p->error)
            return 1;
    }
    p->mark = m;
    return 0;
}

ASTNode *p_named_expression(Parser *p)
{
    return named_expression_impl(p, 1);
}

static ASTNode *named_expression_impl(Parser *p, int check)
{
    Token *t = p_peek(p);
    if (t->type == T_NAME && p_peek2(p)->type == T_COLONEQUAL) {
        p->mark += 2;
        ASTNode *v = p_expression(p);
        if (!v)
            return NULL;
        ASTNode *target = p_name(p, t, AST_Store);
        ASTNode *n = target ? p_new(p, AST_NamedExpr, t) : NULL;
        if (!n)
            return NULL;
        n->v.NamedExpr.target = target;
        n->v.NamedExpr.value = v;
        if (!p_check_version(p, 8, "Assignment expressions are"))
            return NULL;
        return n;
    }
    if (check && p->invalid_pass && p_invalid_named_expression(p))
        return NULL;
    ASTNode *e = p_expression(p);
    if (e && p_at(p, T_COLONEQUAL))
        return NULL;   /* invalid_named_expression reports it in the error pass */
    return e;
}

static ASTNode *starred_bitwise_or(Parser *p, Token *star)
{
    ASTNode *v = p_bitwise_or(p);
    if (!v)
        return NULL;
    ASTNode *s = p_new(p, AST_Starred, star);
    if (s) {
        s->v.Starred.value = v;
        s->v.Starred.ctx = AST_Load;
    }
    return s;
}

ASTNode *p_star_named_expression(Parser *p)
{
    Token *star = p_expect(p, T_STAR);
    if (star)
        return starred_bitwise_or(p, star);
    return p_named_expression(p);
}

static ASTNode *star_expression(Parser *p)
{
    Token *star = p_expect(p, T_STAR);
    if (star)
        return starred_bitwise_or(p, star);
    return p_expression(p);
}

/* Whether the current token can start an expression: decides whether a
** comma is trailing. */
static int can_start_expression(Parser *p)
{
    switch (p_peek(p)->type) {
    case T_NAME: case T_NUMBER: case T_STRING: case T_LPAR: case T_LSQB: case T_LBRACE:
    case T_MINUS: case T_PLUS: case T_TILDE: case T_STAR: case T_ELLIPSIS:
    case T_KW_NOT: case T_KW_LAMBDA: case T_KW_AWAIT: case T_KW_NONE: case T_KW_TRUE:
    case T_KW_FALSE:
        return 1;
    default:
        return 0;
    }
}

static ASTNode *expression_list(Parser *p, ASTNode *(*item)(Parser *))
{
    Token *start = p_peek(p);
    ASTNode *first = item(p);
    if (!first)
        return NULL;
    if (!p_at(p, T_COMMA))
        return first;
    PList l;
    plist_init(&l);
    plist_push(p, &l, first);
    while (p_at(p, T_COMMA)) {
        p->mark++;
        if (!can_start_expression(p))
            break;
        int m = p->mark;
        ASTNode *e = item(p);
        if (!e) {
            if (p->error) {
                plist_free(&l);
                return NULL;
            }
            p->mark = m;
            break;
        }
        plist_push(p, &l, e);
    }
    ASTNode *t = p_new(p, AST_Tuple, start);
    if (!t) {
        plist_free(&l);
        return NULL;
    }
    t->v.Tuple.elts = plist_seq(p, &l);
    t->v.Tuple.ctx = AST_Load;
    return t;
}

ASTNode *p_star_expressions(Parser *p) { return expression_list(p, star_expression); }
ASTNode *p_expressions(Parser *p) { return expression_list(p, p_expression); }

ASTNode *p_yield_expr(Parser *p)
{
    Token *start = p_expect(p, T_KW_YIELD);
    if (!start)
        return NULL;
    if (p_expect(p, T_KW_FROM)) {
        ASTNode *v = p_expression(p);
        if (!v)
            return NULL;
        ASTNode *y = p_new(p, AST_YieldFrom, start);
        if (y)
            y->v.YieldFrom.value = v;
        return y;
    }
    ASTNode *v = NULL;
    if (can_start_expression(p)) {
        v = p_star_expressions(p);
        if (!v && p->error)
            return NULL;
    }
    ASTNode *y = p_new(p, AST_Yield, start);
    if (y)
        y->v.Yield.value = v;
    return y;
}

/* ---- Targets ------------------------------------------------------------------------------ */

ASTNode *p_star_target(Parser *p)
{
    P_ENTER(p);
    Token *star = p_peek(p);
    if (p_expect(p, T_STAR)) {
        if (p_at(p, T_STAR))
            P_LEAVE(p, NULL);
        ASTNode *v = p_star_target(p);
        if (!v)
            P_LEAVE(p, NULL);
        ASTNode *s = p_new(p, AST_Starred, star);
        if (!s)
            P_LEAVE(p, NULL);
        s->v.Starred.value = v;
        s->v.Starred.ctx = AST_Store;
        P_LEAVE(p, s);
    }
    int m = p->mark;
    ASTNode *e = p_primary(p);
    if (!e)
        P_LEAVE(p, NULL);
    if (p_set_context(e, AST_Store)) {
        p->mark = m;
        P_LEAVE(p, NULL);
    }
    P_LEAVE(p, e);
}

ASTNode *p_star_targets(Parser *p)
{
    Token *start = p_peek(p);
    ASTNode *first = p_star_target(p);
    if (!first)
        return NULL;
    if (!p_at(p, T_COMMA))
        return first;
    PList l;
    plist_init(&l);
    plist_push(p, &l, first);
    while (p_expect(p, T_COMMA)) {
        int m = p->mark;
        ASTNode *e = p_star_target(p);
        if (!e) {
            if (p->error) {
                plist_free(&l);
                return NULL;
            }
            p->mark = m;
            break;
        }
        plist_push(p, &l, e);
    }
    ASTNode *t = p_new(p, AST_Tuple, start);
    if (!t) {
        plist_free(&l);
        return NULL;
    }
    t->v.Tuple.elts = plist_seq(p, &l);
    t->v.Tuple.ctx = AST_Store;
    return t;
}

/* ---- Comprehensions -------------------------------------------------------------------------- */

static ASTSeq *for_if_clauses(Parser *p)
{
    PList l;
    plist_init(&l);
    while (at_comprehension(p)) {
        int is_async = p_expect(p, T_KW_ASYNC) != NULL;
        p_expect(p, T_KW_FOR);
        int tm = p->mark;
        ASTNode *target = p_star_targets(p);
        if (!target || !p_expect(p, T_KW_IN)) {
            if (p->invalid_pass && !p->error) {
                /* invalid_for_target: ASYNC? 'for' star_expressions */
                p->mark = tm;
                ASTNode *e = p_star_expressions(p);
                p->invalid_pass = 1;
                if (e) {
                    const ASTNode *bad = p_invalid_target(e, 1);
                    if (bad)
                        p_error_node(p, bad, "cannot assign to %s", p_expr_name(bad));
                }
            }
            plist_free(&l);
            return NULL;
        }
        ASTNode *iter = p_disjunction(p);
        if (!iter) {
            plist_free(&l);
            return NULL;
        }
        PList ifs;
        plist_init(&ifs);
        while (p_expect(p, T_KW_IF)) {
            ASTNode *c = p_disjunction(p);
            if (!c) {
                plist_free(&ifs);
                plist_free(&l);
                return NULL;
            }
            plist_push(p, &ifs, c);
        }
        ASTNode *comp = ast_node_new(p->arena, AST_comprehension, 0, 0, 0, 0);
        if (!comp) {
            plist_free(&ifs);
            plist_free(&l);
            return p_nomem(p);
        }
        comp->v.comprehension.target = target;
        comp->v.comprehension.iter = iter;
        comp->v.comprehension.ifs = plist_seq(p, &ifs);
        comp->v.comprehension.is_async = is_async;
        plist_push(p, &l, comp);
        if (is_async && !p_check_version(p, 6, "Async comprehensions are")) {
            plist_free(&l);
            return NULL;
        }
    }
    if (l.len == 0)
        return NULL;
    return plist_seq(p, &l);
}

/* ---- Parameters ---------------------------------------------------------------------------- */

/* One parameter: NAME [':' annotation]; star_annotation allows '*' expr
** (def f(*args: *Ts)). */
static ASTNode *param(Parser *p, int lambda, int star_annotation)
{
    Token *name = p_expect(p, T_NAME);
    if (!name)
        return NULL;
    ASTNode *ann = NULL;
    if (!lambda && p_expect(p, T_COLON)) {
        if (star_annotation && p_at(p, T_STAR)) {
            Token *st = p_expect(p, T_STAR);
            ann = starred_bitwise_or(p, st);
        } else {
            ann = p_expression(p);
        }
        if (!ann)
            return NULL;
    }
    ASTNode *a = p_new(p, AST_arg, name);
    if (!a)
        return NULL;
    a->v.arg.arg = p_ident(p, name);
    a->v.arg.annotation = ann;
    return a;
}

/* "named arguments must follow bare *": CPython blames the '*' of a def
** but the last token read for a lambda. */
static void bare_star_error(Parser *p, const Token *star, int lambda)
{
    if (!p->invalid_pass)
        return;
    if (lambda)
        p_error_last(p, PARSE_ERR_SYNTAX, "named arguments must follow bare *");
    else
        p_error_tok(p, star, "named arguments must follow bare *");
}

/* The parameter list of a def (up to ')') or a lambda (up to ':').  An
** empty list gives an arguments node with empty sequences. */
ASTNode *p_arguments_node(Parser *p, int lambda)
{
    TokType close = lambda ? T_COLON : T_RPAR;
    PList posonly, args, defaults, kwonly, kwdefaults;
    plist_init(&posonly);
    plist_init(&args);
    plist_init(&defaults);
    plist_init(&kwonly);
    plist_init(&kwdefaults);
    ASTNode *vararg = NULL, *kwarg = NULL;
    int seen_star = 0, seen_slash = 0;
    ASTNode *result = NULL;
    while (!p_at(p, close)) {
        Token *t = p_peek(p);
        ASTNode *item = NULL;   /* the parameter this round read, if any */
        if (kwarg) {
            if (p->invalid_pass)
                p_error_tok(p, t, "arguments cannot follow var-keyword argument");
            goto fail;
        }
        if (t->type == T_LPAR && p->invalid_pass && !seen_star && !seen_slash && defaults.len == 0) {
            /* invalid_parameters: param_no_default* '(' param_no_default+ ','? ')' */
            int m = p->mark;
            p->mark++;
            int n = 0;
            while (p_at(p, T_NAME)) {
                if (!param(p, lambda, 0))
                    break;
                n++;
                if (!p_expect(p, T_COMMA))
                    break;
            }
            Token *rp = p_peek(p);
            if (n && p_expect(p, T_RPAR)) {
                p_error_toks(p, t, rp, lambda ? "Lambda expression parameters cannot be parenthesized"
                                              : "Function parameters cannot be parenthesized");
                goto fail;
            }
            if (p->error)
                goto fail;
            p->mark = m;
        }
        if (t->type == T_SLASH) {
            if (seen_slash || seen_star || (args.len == 0)) {
                if (p->invalid_pass) {
                    if (seen_star)
                        p_error_tok(p, t, "/ must be ahead of *");
                    else if (seen_slash)
                        p_error_tok(p, t, "/ may appear only once");
                    else
                        p_error_tok(p, t, "at least one argument must precede /");
                }
                goto fail;
            }
            p->mark++;
            seen_slash = 1;
            /* Everything so far was positional-only. */
            for (int i = 0; i < args.len; i++)
                plist_push(p, &posonly, args.items[i]);
            args.len = 0;
        } else if (t->type == T_STAR) {
            if (seen_star) {
                if (p->invalid_pass)
                    p_error_tok(p, t, "* argument may appear only once");
                goto fail;
            }
            p->mark++;
            seen_star = 1;
            if (p_at(p, T_COMMA)) {
                /* bare '*': keyword-only parameters must follow */
                Token *c2 = p_peek2(p);
                if (c2->type == close || c2->type == T_DOUBLESTAR) {
                    bare_star_error(p, t, lambda);
                    goto fail;
                }
                if (c2->type == T_TYPE_COMMENT) {
                    if (p->invalid_pass)
                        p_error_tok(p, c2, "bare * has associated type comment");
                    goto fail;
                }
            } else if (p_at(p, close)) {
                bare_star_error(p, t, lambda);
                goto fail;
            } else {
                vararg = item = param(p, lambda, 1);
                if (!vararg)
                    goto fail;
                if (p_at(p, T_EQUAL)) {
                    if (p->invalid_pass)
                        p_error_tok(p, p_peek(p), "var-positional argument cannot have default value");
                    goto fail;
                }
            }
        } else if (t->type == T_DOUBLESTAR) {
            p->mark++;
            kwarg = item = param(p, lambda, 0);
            if (!kwarg)
                goto fail;
            if (p_at(p, T_EQUAL)) {
                if (p->invalid_pass)
                    p_error_tok(p, p_peek(p), "var-keyword argument cannot have default value");
                goto fail;
            }
        } else {
            ASTNode *a = item = param(p, lambda, 0);
            if (!a)
                goto fail;
            ASTNode *def = NULL;
            Token *eq = p_peek(p);
            if (p_expect(p, T_EQUAL)) {
                /* invalid_default: '=' &(')'|',') */
                if (p->invalid_pass && (p_at(p, T_COMMA) || p_at(p, close)))
                    p_error_tok(p, eq, "expected default value expression");
                def = p_expression(p);
                if (!def)
                    goto fail;
            }
            if (seen_star) {
                plist_push(p, &kwonly, a);
                plist_push(p, &kwdefaults, def);
            } else {
                if (!def && defaults.len > 0) {
                    /* invalid_parameters wants a complete param_no_default. */
                    if (p->invalid_pass && (p_at(p, T_COMMA) || p_at(p, close)))
                        p_error_node(p, a, "non-default argument follows default argument");
                    goto fail;
                }
                plist_push(p, &args, a);
                if (def)
                    plist_push(p, &defaults, def);
            }
        }
        if (!item || lambda) {
            if (!p_expect(p, T_COMMA))
                break;
            continue;
        }
        /* A def's parameter may carry a type comment: after its comma, or
        ** before the ')' when it is the last. */
        int comma = p_expect(p, T_COMMA) != NULL;
        Token *tc = p_expect(p, T_TYPE_COMMENT);
        if (tc) {
            if (!comma && !p_at(p, close))
                goto fail;
            item->v.arg.type_comment = p_type_comment(p, tc);
        }
        if (!comma)
            break;
    }
    if (!p_at(p, close))
        goto fail;
    if ((seen_slash || posonly.len) && !p_check_version(p, 8, "Positional-only parameters are"))
        goto fail;
    result = ast_node_new(p->arena, AST_arguments, 0, 0, 0, 0);
    if (!result) {
        p_nomem(p);
        goto fail;
    }
    result->v.arguments.posonlyargs = plist_seq(p, &posonly);
    result->v.arguments.args = plist_seq(p, &args);
    result->v.arguments.vararg = vararg;
    result->v.arguments.kwonlyargs = plist_seq(p, &kwonly);
    result->v.arguments.kw_defaults = plist_seq(p, &kwdefaults);
    result->v.arguments.kwarg = kwarg;
    result->v.arguments.defaults = plist_seq(p, &defaults);
    return result;
fail:
    plist_free(&posonly);
    plist_free(&args);
    plist_free(&defaults);
    plist_free(&kwonly);
    plist_free(&kwdefaults);
    return NULL;
}

/* func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER */
ASTNode *p_type_expressions_func_type(Parser *p)
{
    Token *start = p_peek(p);
    if (!p_expect(p, T_LPAR))
        return NULL;
    PList l;
    plist_init(&l);
    /* type_expressions: plain expressions, then at most one '*' expression,
    ** then at most one '**' expression; no trailing comma. */
    int stage = 0;   /* 1 after '*', 2 after '**' */
    if (!p_at(p, T_RPAR)) {
        do {
            int star = p_at(p, T_STAR) ? 1 : p_at(p, T_DOUBLESTAR) ? 2 : 0;
            if (star ? stage >= star : stage > 0) {
                plist_free(&l);
                return NULL;
            }
            if (star) {
                p->mark++;
                stage = star;
            }
            ASTNode *e = p_expression(p);
            if (!e) {
                plist_free(&l);
                return NULL;
            }
            plist_push(p, &l, e);
        } while (stage < 2 && p_expect(p, T_COMMA));
    }
    if (!p_expect(p, T_RPAR) || !p_expect(p, T_RARROW)) {
        plist_free(&l);
        return NULL;
    }
    ASTNode *ret = p_expression(p);
    if (!ret) {
        plist_free(&l);
        return NULL;
    }
    while (p_expect(p, T_NEWLINE))
        ;
    if (!p_expect(p, T_ENDMARKER)) {
        plist_free(&l);
        return NULL;
    }
    ASTNode *m = p_new_at(p, AST_FunctionType, start, start);
    if (!m) {
        plist_free(&l);
        return NULL;
    }
    m->v.FunctionType.argtypes = plist_seq(p, &l);
    m->v.FunctionType.returns = ret;
    return m;
}
