/* parser_pattern.c: the match statement and its patterns (PEP 634). */

/*
** `match` and `case` are soft keywords: a line starting with the NAME
** "match" is first tried as a match statement and, if that fails, reparsed
** by the caller as an ordinary statement (match(x), match = 1, ...).
*/

#include "parser_internal.h"

#include <string.h>

static ASTNode *pattern(Parser *p);
static ASTNode *closed_pattern(Parser *p);

static ASTNode *new_pat(Parser *p, ASTKind kind, const Token *start)
{
    return p_new(p, kind, start);
}

/* pattern_capture_target: !"_" NAME !('.' | '(' | '=') */
static Token *capture_target(Parser *p)
{
    Token *t = p_peek(p);
    if (t->type != T_NAME || tok_is(t, "_"))
        return NULL;
    TokType n = p_peek2(p)->type;
    if (n == T_DOT || n == T_LPAR || n == T_EQUAL)
        return NULL;
    p->mark++;
    return t;
}

/* name_or_attr: NAME ('.' NAME)* as Name/Attribute (Load). */
static ASTNode *name_or_attr(Parser *p)
{
    Token *t = p_expect(p, T_NAME);
    if (!t)
        return NULL;
    ASTNode *e = p_name(p, t, AST_Load);
    while (e && p_at(p, T_DOT) && p_peek2(p)->type == T_NAME) {
        p->mark += 2;
        Token *n = p_last(p);
        ASTNode *a = p_new_at(p, AST_Attribute, t, n);
        if (!a)
            return NULL;
        a->v.Attribute.value = e;
        a->v.Attribute.attr = p_ident(p, n);
        a->v.Attribute.ctx = AST_Load;
        e = a;
    }
    return e;
}

static int is_complex_number(const ASTNode *e)
{
    return e->kind == AST_Constant && e->v.Constant.value.kind == CONST_COMPLEX;
}

/* signed_number, or complex_number: signed_real_number ('+'|'-') imaginary_number. */
static ASTNode *number_literal(Parser *p)
{
    Token *start = p_peek(p);
    int neg = 0;
    if (p_expect(p, T_MINUS))
        neg = 1;
    Token *nt = p_expect(p, T_NUMBER);
    if (!nt)
        return NULL;
    ASTNode *num = p_number(p, nt);
    if (!num)
        return NULL;
    if (neg) {
        ASTNode *u = p_new(p, AST_UnaryOp, start);
        if (!u)
            return NULL;
        u->v.UnaryOp.op = AST_USub;
        u->v.UnaryOp.operand = num;
        num = u;
    }
    if (p_at(p, T_PLUS) || p_at(p, T_MINUS)) {
        Token *opt = p_peek(p);
        if (p_peek2(p)->type != T_NUMBER)
            return NULL;
        const ASTNode *real = neg ? num->v.UnaryOp.operand : num;
        if (is_complex_number(real)) {
            if (p->invalid_pass)
                return p_error_node(p, real, "real number required in complex literal");
            return NULL;
        }
        p->mark++;
        Token *it = p_expect(p, T_NUMBER);
        ASTNode *imag = p_number(p, it);
        if (!imag)
            return NULL;
        if (!is_complex_number(imag)) {
            if (p->invalid_pass)
                return p_error_node(p, imag, "imaginary number required in complex literal");
            return NULL;
        }
        ASTNode *b = p_new(p, AST_BinOp, start);
        if (!b)
            return NULL;
        b->v.BinOp.left = num;
        b->v.BinOp.op = opt->type == T_PLUS ? AST_Add : AST_Sub;
        b->v.BinOp.right = imag;
        return b;
    }
    return num;
}

/* literal_expr for mapping keys, as an expression; NULL if none. */
static ASTNode *literal_or_attr_expr(Parser *p)
{
    Token *t = p_peek(p);
    switch (t->type) {
    case T_NUMBER:
    case T_MINUS:
        return number_literal(p);
    case T_STRING:
        return p_strings(p);
    case T_KW_NONE:
    case T_KW_TRUE:
    case T_KW_FALSE: {
        p->mark++;
        ASTNode *c = p_new_at(p, AST_Constant, t, t);
        if (c)
            c->v.Constant.value.kind = t->type == T_KW_NONE ? CONST_NONE
                                     : t->type == T_KW_TRUE ? CONST_TRUE : CONST_FALSE;
        return c;
    }
    case T_NAME: {
        /* attr: name_or_attr '.' NAME — a bare name is not a key. */
        if (p_peek2(p)->type != T_DOT)
            return NULL;
        return name_or_attr(p);
    }
    default:
        return NULL;
    }
}

static ASTNode *star_pattern(Parser *p)
{
    Token *star = p_expect(p, T_STAR);
    const char *name = NULL;
    Token *t = p_peek(p);
    if (tok_is(t, "_")) {
        p->mark++;
    } else {
        Token *n = capture_target(p);
        if (!n)
            return NULL;
        name = p_ident(p, n);
    }
    ASTNode *s = new_pat(p, AST_MatchStar, star);
    if (s)
        s->v.MatchStar.name = name;
    return s;
}

static ASTNode *maybe_star_pattern(Parser *p)
{
    if (p_at(p, T_STAR))
        return star_pattern(p);
    return pattern(p);
}

/* Elements of a sequence pattern up to `close` (the first is parsed). */
static ASTSeq *sequence_rest(Parser *p, ASTNode *first, TokType close)
{
    PList l;
    plist_init(&l);
    plist_push(p, &l, first);
    while (p_expect(p, T_COMMA)) {
        if (p_at(p, close))
            break;
        ASTNode *e = maybe_star_pattern(p);
        if (!e) {
            plist_free(&l);
            return NULL;
        }
        plist_push(p, &l, e);
    }
    return plist_seq(p, &l);
}

static ASTNode *mapping_pattern(Parser *p)
{
    Token *start = p_expect(p, T_LBRACE);
    PList keys, pats;
    plist_init(&keys);
    plist_init(&pats);
    const char *rest = NULL;
    while (!p_at(p, T_RBRACE)) {
        if (p_expect(p, T_DOUBLESTAR)) {
            Token *n = capture_target(p);
            if (!n)
                goto fail;
            rest = p_ident(p, n);
            p_expect(p, T_COMMA);
            break;
        }
        ASTNode *k = literal_or_attr_expr(p);
        if (!k || !p_expect(p, T_COLON))
            goto fail;
        ASTNode *v = pattern(p);
        if (!v)
            goto fail;
        plist_push(p, &keys, k);
        plist_push(p, &pats, v);
        if (!p_expect(p, T_COMMA))
            break;
    }
    if (!p_expect(p, T_RBRACE))
        goto fail;
    ASTNode *m = new_pat(p, AST_MatchMapping, start);
    if (!m)
        goto fail;
    m->v.MatchMapping.keys = plist_seq(p, &keys);
    m->v.MatchMapping.patterns = plist_seq(p, &pats);
    m->v.MatchMapping.rest = rest;
    return m;
fail:
    plist_free(&keys);
    plist_free(&pats);
    return NULL;
}

static ASTNode *class_pattern(Parser *p, ASTNode *cls, const Token *start)
{
    p_expect(p, T_LPAR);
    PList pats, kwnames, kwpats;
    plist_init(&pats);
    plist_init(&kwnames);
    plist_init(&kwpats);
    while (!p_at(p, T_RPAR)) {
        Token *t = p_peek(p);
        if (t->type == T_NAME && p_peek2(p)->type == T_EQUAL) {
            p->mark += 2;
            ASTNode *v = pattern(p);
            if (!v)
                goto fail;
            plist_push(p, &kwnames, (void *)p_ident(p, t));
            plist_push(p, &kwpats, v);
        } else {
            ASTNode *v = pattern(p);
            if (!v)
                goto fail;
            if (kwnames.len) {
                if (p->invalid_pass)
                    p_error_node(p, v, "positional patterns follow keyword patterns");
                goto fail;
            }
            plist_push(p, &pats, v);
        }
        if (!p_expect(p, T_COMMA))
            break;
    }
    if (!p_expect(p, T_RPAR))
        goto fail;
    ASTNode *m = new_pat(p, AST_MatchClass, start);
    if (!m)
        goto fail;
    m->v.MatchClass.cls = cls;
    m->v.MatchClass.patterns = plist_seq(p, &pats);
    m->v.MatchClass.kwd_attrs = plist_seq(p, &kwnames);
    m->v.MatchClass.kwd_patterns = plist_seq(p, &kwpats);
    return m;
fail:
    plist_free(&pats);
    plist_free(&kwnames);
    plist_free(&kwpats);
    return NULL;
}

static ASTNode *closed_pattern(Parser *p)
{
    P_ENTER(p);
    Token *t = p_peek(p);
    ASTNode *r = NULL;
    switch (t->type) {
    case T_NUMBER:
    case T_MINUS:
    case T_STRING: {
        ASTNode *v = t->type == T_STRING ? p_strings(p) : number_literal(p);
        if (!v)
            break;
        if (v->kind == AST_JoinedStr) {
            if (p->invalid_pass)
                p_error_node(p, v, "patterns may only match literals and attribute lookups");
            break;
        }
        r = p_new_span(p, AST_MatchValue, v, v);
        if (r)
            r->v.MatchValue.value = v;
        break;
    }
    case T_KW_NONE:
    case T_KW_TRUE:
    case T_KW_FALSE:
        p->mark++;
        r = p_new_at(p, AST_MatchSingleton, t, t);
        if (r)
            r->v.MatchSingleton.value.kind = t->type == T_KW_NONE ? CONST_NONE
                                           : t->type == T_KW_TRUE ? CONST_TRUE : CONST_FALSE;
        break;
    case T_NAME: {
        TokType n = p_peek2(p)->type;
        if (n != T_DOT && n != T_LPAR) {
            p->mark++;
            r = p_new_at(p, AST_MatchAs, t, t);
            if (r && !tok_is(t, "_"))
                r->v.MatchAs.name = p_ident(p, t);
            break;
        }
        ASTNode *e = name_or_attr(p);
        if (!e)
            break;
        if (p_at(p, T_LPAR)) {
            r = class_pattern(p, e, t);
            break;
        }
        if (e->kind != AST_Attribute)
            break;
        r = p_new_span(p, AST_MatchValue, e, e);
        if (r)
            r->v.MatchValue.value = e;
        break;
    }
    case T_LPAR: {
        p->mark++;
        if (p_expect(p, T_RPAR)) {
            r = new_pat(p, AST_MatchSequence, t);
            if (r)
                r->v.MatchSequence.patterns = p_seq0(p);
            break;
        }
        ASTNode *first = maybe_star_pattern(p);
        if (!first)
            break;
        if (first->kind != AST_MatchStar && p_expect(p, T_RPAR)) {
            r = first;   /* group_pattern */
            break;
        }
        if (!p_at(p, T_COMMA))
            break;
        ASTSeq *s = sequence_rest(p, first, T_RPAR);
        if (!s || !p_expect(p, T_RPAR))
            break;
        r = new_pat(p, AST_MatchSequence, t);
        if (r)
            r->v.MatchSequence.patterns = s;
        break;
    }
    case T_LSQB: {
        p->mark++;
        ASTSeq *s;
        if (p_at(p, T_RSQB)) {
            s = p_seq0(p);
        } else {
            ASTNode *first = maybe_star_pattern(p);
            if (!first)
                break;
            s = sequence_rest(p, first, T_RSQB);
        }
        if (!s || !p_expect(p, T_RSQB))
            break;
        r = new_pat(p, AST_MatchSequence, t);
        if (r)
            r->v.MatchSequence.patterns = s;
        break;
    }
    case T_LBRACE:
        r = mapping_pattern(p);
        break;
    default:
        break;
    }
    P_LEAVE(p, r);
}

/* pattern: or_pattern ['as' pattern_capture_target] */
static ASTNode *pattern(Parser *p)
{
    P_ENTER(p);
    Token *start = p_peek(p);
    ASTNode *first = closed_pattern(p);
    if (!first)
        P_LEAVE(p, NULL);
    ASTNode *r = first;
    if (p_at(p, T_VBAR)) {
        PList l;
        plist_init(&l);
        plist_push(p, &l, first);
        while (p_expect(p, T_VBAR)) {
            ASTNode *e = closed_pattern(p);
            if (!e) {
                plist_free(&l);
                P_LEAVE(p, NULL);
            }
            plist_push(p, &l, e);
        }
        r = new_pat(p, AST_MatchOr, start);
        if (!r) {
            plist_free(&l);
            P_LEAVE(p, NULL);
        }
        r->v.MatchOr.patterns = plist_seq(p, &l);
    }
    if (p_at(p, T_KW_AS)) {
        int m = p->mark;
        p->mark++;
        Token *n = capture_target(p);
        if (!n) {
            if (p->invalid_pass) {
                Token *t = p_peek(p);
                if (tok_is(t, "_"))
                    P_LEAVE(p, p_error_tok(p, t, "cannot use '_' as a target"));
                ASTNode *e = p_expression(p);
                p->invalid_pass = 1;
                if (e)
                    P_LEAVE(p, p_error_node(p, e, "invalid pattern target"));
            }
            p->mark = m;
            P_LEAVE(p, r);
        }
        ASTNode *as = new_pat(p, AST_MatchAs, start);
        if (!as)
            P_LEAVE(p, NULL);
        as->v.MatchAs.pattern = r;
        as->v.MatchAs.name = p_ident(p, n);
        r = as;
    }
    P_LEAVE(p, r);
}

/* patterns: open_sequence_pattern | pattern */
static ASTNode *patterns(Parser *p)
{
    Token *start = p_peek(p);
    ASTNode *first = maybe_star_pattern(p);
    if (!first)
        return NULL;
    if (!p_at(p, T_COMMA)) {
        if (first->kind == AST_MatchStar)
            return NULL;
        return first;
    }
    PList l;
    plist_init(&l);
    plist_push(p, &l, first);
    while (p_expect(p, T_COMMA)) {
        if (p_at(p, T_COLON) || p_at(p, T_KW_IF))
            break;
        ASTNode *e = maybe_star_pattern(p);
        if (!e) {
            plist_free(&l);
            return NULL;
        }
        plist_push(p, &l, e);
    }
    ASTNode *s = new_pat(p, AST_MatchSequence, start);
    if (!s) {
        plist_free(&l);
        return NULL;
    }
    s->v.MatchSequence.patterns = plist_seq(p, &l);
    return s;
}

static ASTNode *case_block(Parser *p)
{
    Token *kw = p_peek(p);
    if (!tok_is(kw, "case"))
        return NULL;
    p->mark++;
    ASTNode *pat = patterns(p);
    if (!pat)
        return NULL;
    ASTNode *guard = NULL;
    if (p_expect(p, T_KW_IF)) {
        guard = p_named_expression(p);
        if (!guard)
            return NULL;
    }
    if (!p_expect(p, T_COLON)) {
        if (p->invalid_pass && p_at(p, T_NEWLINE))
            p_error_last(p, PARSE_ERR_SYNTAX, "expected ':'");
        return NULL;
    }
    ASTSeq *body = p_block(p, kw, "'case' statement");
    if (!body)
        return NULL;
    ASTNode *c = ast_node_new(p->arena, AST_match_case, 0, 0, 0, 0);
    if (!c)
        return p_nomem(p);
    c->v.match_case.pattern = pat;
    c->v.match_case.guard = guard;
    c->v.match_case.body = body;
    return c;
}

ASTNode *p_match_stmt(Parser *p)
{
    Token *kw = p_peek(p);
    p->mark++;
    /* subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
    Token *sstart = p_peek(p);
    ASTNode *subject = p_star_named_expression(p);
    if (!subject)
        return NULL;
    if (p_at(p, T_COMMA)) {
        PList l;
        plist_init(&l);
        plist_push(p, &l, subject);
        while (p_expect(p, T_COMMA)) {
            if (p_at(p, T_COLON))
                break;
            ASTNode *e = p_star_named_expression(p);
            if (!e) {
                plist_free(&l);
                return NULL;
            }
            plist_push(p, &l, e);
        }
        subject = p_new(p, AST_Tuple, sstart);
        if (!subject) {
            plist_free(&l);
            return NULL;
        }
        subject->v.Tuple.elts = plist_seq(p, &l);
        subject->v.Tuple.ctx = AST_Load;
    } else if (subject->kind == AST_Starred) {
        return NULL;
    }
    if (!p_expect(p, T_COLON)) {
        if (p->invalid_pass && p_at(p, T_NEWLINE))
            p_error_last(p, PARSE_ERR_SYNTAX, "expected ':'");
        return NULL;
    }
    if (!p_expect(p, T_NEWLINE))
        return NULL;
    if (!p_expect(p, T_INDENT)) {
        if (p->invalid_pass) {
            Token *t = p_peek(p);
            p_error_at(p, PARSE_ERR_INDENT, t->lineno, t->col_offset < 0 ? P_TOK_RAW_COL(t) : t->col_offset,
                       t->end_lineno, t->end_col_offset,
                       "expected an indented block after 'match' statement on line %d", kw->lineno);
        }
        return NULL;
    }
    PList cases;
    plist_init(&cases);
    while (!p_at(p, T_DEDENT)) {
        ASTNode *c = case_block(p);
        if (!c) {
            plist_free(&cases);
            return NULL;
        }
        plist_push(p, &cases, c);
    }
    if (!cases.len || !p_expect(p, T_DEDENT)) {
        plist_free(&cases);
        return NULL;
    }
    ASTNode *m = p_new(p, AST_Match, kw);
    if (!m) {
        plist_free(&cases);
        return NULL;
    }
    m->v.Match.subject = subject;
    m->v.Match.cases = plist_seq(p, &cases);
    if (!p_check_version(p, 10, "Pattern matching is"))
        return NULL;
    return m;
}
