/* parser_stmt.c: statements: simple statements, compound statements, blocks. */

/*
** Simple statements that start with an expression (assignments, augmented
** and annotated assignments, expression statements) are parsed by reading
** star_expressions once and deciding on the token that follows; the target
** is then checked and given its Store context.  The second (error) pass
** adds CPython's invalid_assignment / invalid_named_expression diagnostics
** at exactly the points where the grammar's normal alternatives fail.
*/

#include "parser_internal.h"

#include <string.h>

static ASTNode *compound_stmt(Parser *p);
static int simple_stmts(Parser *p, PList *out);

/* ---- Blocks ------------------------------------------------------------------------ */

/* statement+ until DEDENT or ENDMARKER.  Returns NULL on failure. */
ASTSeq *p_statements(Parser *p)
{
    PList l;
    plist_init(&l);
    for (;;) {
        Token *t = p_peek(p);
        if (t->type == T_ENDMARKER || t->type == T_DEDENT || p->error)
            break;
        int m = p->mark;
        ASTNode *c = compound_stmt(p);
        if (c) {
            plist_push(p, &l, c);
            continue;
        }
        if (p->error)
            break;
        p->mark = m;
        if (!simple_stmts(p, &l)) {
            plist_free(&l);
            return NULL;
        }
    }
    if (p->error) {
        plist_free(&l);
        return NULL;
    }
    return plist_seq(p, &l);
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts.  `what` names
** the statement for "expected an indented block after ..." */
ASTSeq *p_block(Parser *p, const Token *kw, const char *what)
{
    P_ENTER(p);
    if (p_expect(p, T_NEWLINE)) {
        if (!p_expect(p, T_INDENT)) {
            if (p->invalid_pass && !p->error) {
                /* RAISE_INDENTATION_ERROR: at the furthest token read (past
                ** the next one after a def's signature-comment lookahead). */
                Token *t = p->tokens[p->fill - 1];
                p_error_at(p, PARSE_ERR_INDENT, t->lineno, t->col_offset < 0 ? P_TOK_RAW_COL(t) : t->col_offset,
                           t->end_lineno, t->end_col_offset < 0 ? -1 : t->end_col_offset,
                           "expected an indented block after %s on line %d", what, kw->lineno);
            }
            P_LEAVE(p, NULL);
        }
        ASTSeq *body = p_statements(p);
        if (!body || body->len == 0 || !p_expect(p, T_DEDENT))
            P_LEAVE(p, NULL);
        P_LEAVE(p, body);
    }
    PList l;
    plist_init(&l);
    if (!simple_stmts(p, &l)) {
        plist_free(&l);
        P_LEAVE(p, NULL);
    }
    ASTSeq *s = plist_seq(p, &l);
    P_LEAVE(p, s);
}

/* ':' before a block; in the error pass a NEWLINE instead is "expected ':'". */
static int expect_colon(Parser *p)
{
    if (p_expect(p, T_COLON))
        return 1;
    if (p->invalid_pass && p_at(p, T_NEWLINE))
        p_error_last(p, PARSE_ERR_SYNTAX, "expected ':'");
    return 0;
}

/* &&':' in the grammar: a forced token, an error whatever follows. */
static int expect_forced(Parser *p, TokType t, const char *text)
{
    if (p_expect(p, t))
        return 1;
    Token *tok = p_peek(p);
    if (!p->error)
        p_error_tok(p, tok, "expected '%s'", text);
    return 0;
}

/* ---- Simple statements ------------------------------------------------------------------- */

/* Whether the next token can start a star_named_expression. */
static int can_start_target_element(Parser *p)
{
    switch (p_peek(p)->type) {
    case T_NAME: case T_NUMBER: case T_STRING: case T_LPAR: case T_LSQB: case T_LBRACE:
    case T_MINUS: case T_PLUS: case T_TILDE: case T_STAR: case T_ELLIPSIS: case T_KW_NOT:
    case T_KW_LAMBDA: case T_KW_AWAIT: case T_KW_NONE: case T_KW_TRUE: case T_KW_FALSE:
        return 1;
    default:
        return 0;
    }
}

static ASTNode *stmt1(Parser *p, ASTKind kind, const Token *start)
{
    return p_new(p, kind, start);
}

static int aug_op(TokType t, ASTOperator *op)
{
    switch (t) {
    case T_PLUSEQUAL: *op = AST_Add; return 1;
    case T_MINEQUAL: *op = AST_Sub; return 1;
    case T_STAREQUAL: *op = AST_Mult; return 1;
    case T_ATEQUAL: *op = AST_MatMult; return 1;
    case T_SLASHEQUAL: *op = AST_Div; return 1;
    case T_PERCENTEQUAL: *op = AST_Mod; return 1;
    case T_AMPEREQUAL: *op = AST_BitAnd; return 1;
    case T_VBAREQUAL: *op = AST_BitOr; return 1;
    case T_CIRCUMFLEXEQUAL: *op = AST_BitXor; return 1;
    case T_LEFTSHIFTEQUAL: *op = AST_LShift; return 1;
    case T_RIGHTSHIFTEQUAL: *op = AST_RShift; return 1;
    case T_DOUBLESTAREQUAL: *op = AST_Pow; return 1;
    case T_DOUBLESLASHEQUAL: *op = AST_FloorDiv; return 1;
    default: return 0;
    }
}

static ASTNode *rhs(Parser *p)
{
    if (p_at(p, T_KW_YIELD))
        return p_yield_expr(p);
    return p_star_expressions(p);
}

/* Error pass: an assignment with a target that is not a target.  CPython
** gets here through invalid_assignment, whose star_named_expression
** alternative first runs invalid_named_expression from the statement's
** start ("x = 1 if y else z = 2" is "Maybe you meant '=='..."); only then
** is the bad target blamed. */
/* The element checks of invalid_assignment's first alternatives: the
** statement's start read as star_named_expression (',' star_named_expression)*,
** which runs invalid_named_expression on every element.  Returns 1 if an
** error was raised; the position is restored. */
static int invalid_assignment_elements(Parser *p, int stmt_mark)
{
    int m = p->mark;
    p->mark = stmt_mark;
    ASTNode *e = p_star_named_expression(p);
    while (e && !p->error && p_expect(p, T_COMMA)) {
        if (!can_start_target_element(p))
            break;
        e = p_star_named_expression(p);
    }
    if (p->error)
        return 1;
    p->mark = m;
    return 0;
}

static void invalid_assignment(Parser *p, int stmt_mark, const Token *vstart, ASTNode *value)
{
    if (invalid_assignment_elements(p, stmt_mark))
        return;
    if ((value->kind == AST_Yield || value->kind == AST_YieldFrom) && vstart->type == T_KW_YIELD) {
        p_error_node(p, value, "assignment to yield expression not possible");
        return;
    }
    const ASTNode *bad = p_invalid_target(value, 0);
    if (!bad)
        bad = value;
    p_error_node(p, bad, "cannot assign to %s", p_expr_name(bad));
}

static ASTNode *expr_or_assignment(Parser *p)
{
    int stmt_mark = p->mark;
    Token *start = p_peek(p);
    ASTNode *e;
    if (start->type == T_KW_YIELD)
        e = p_yield_expr(p);
    else
        e = p_star_expressions(p);
    if (!e)
        return NULL;
    Token *t = p_peek(p);
    ASTOperator op;
    if (t->type == T_COLONEQUAL && p->invalid_pass) {
        invalid_assignment_elements(p, stmt_mark);
        return NULL;
    }
    if (t->type == T_COLON) {
        int simple;
        if (e->kind == AST_Name) {
            simple = start->type == T_NAME;
        } else if (e->kind == AST_Attribute || e->kind == AST_Subscript) {
            simple = 0;
        } else {
            if (p->invalid_pass) {
                if (invalid_assignment_elements(p, stmt_mark))
                    return NULL;
                /* invalid_assignment wants an annotation after the ':'. */
                int m = p->mark;
                p->mark++;
                ASTNode *ann = p_expression(p);
                p->invalid_pass = 1;
                if (!ann) {
                    p->mark = m;
                    return NULL;
                }
                if (e->kind == AST_Tuple || e->kind == AST_List)
                    return p_error_node(p, e, "only single target (not %s) can be annotated",
                                        e->kind == AST_Tuple ? "tuple" : "list");
                return p_error_node(p, e, "illegal target for annotation");
            }
            return NULL;
        }
        p->mark++;
        ASTNode *ann = p_expression(p);
        if (!ann)
            return NULL;
        ASTNode *value = NULL;
        if (p_expect(p, T_EQUAL)) {
            value = rhs(p);
            if (!value)
                return NULL;
        }
        p_set_context(e, AST_Store);
        ASTNode *s = p_new(p, AST_AnnAssign, start);
        if (s) {
            s->v.AnnAssign.target = e;
            s->v.AnnAssign.annotation = ann;
            s->v.AnnAssign.value = value;
            s->v.AnnAssign.simple = simple;
        }
        if (!p_check_version(p, 6, simple ? "Variable annotation syntax is" : "Variable annotations syntax is"))
            return NULL;
        return s;
    }
    if (t->type == T_EQUAL) {
        PList targets;
        plist_init(&targets);
        ASTNode *value = e;
        Token *vstart = start;
        while (p_at(p, T_EQUAL)) {
            if (value->kind == AST_Yield || value->kind == AST_YieldFrom ||
                p_set_context(value, AST_Store)) {
                if (p->invalid_pass)
                    invalid_assignment(p, stmt_mark, vstart, value);
                plist_free(&targets);
                return NULL;
            }
            plist_push(p, &targets, value);
            p->mark++;
            vstart = p_peek(p);
            value = rhs(p);
            if (!value) {
                plist_free(&targets);
                return NULL;
            }
        }
        Token *tc = p_expect(p, T_TYPE_COMMENT);   /* the node ends after it */
        ASTNode *s = p_new(p, AST_Assign, start);
        if (!s) {
            plist_free(&targets);
            return NULL;
        }
        s->v.Assign.targets = plist_seq(p, &targets);
        s->v.Assign.value = value;
        s->v.Assign.type_comment = tc ? p_type_comment(p, tc) : NULL;
        return s;
    }
    if (aug_op(t->type, &op)) {
        if (e->kind != AST_Name && e->kind != AST_Attribute && e->kind != AST_Subscript) {
            if (p->invalid_pass && !invalid_assignment_elements(p, stmt_mark))
                return p_error_node(p, e, "'%s' is an illegal expression for augmented assignment",
                                    p_expr_name(e));
            return NULL;
        }
        p->mark++;
        if (op == AST_MatMult && !p_check_version(p, 5, "The '@' operator is"))
            return NULL;
        ASTNode *value = rhs(p);
        if (!value)
            return NULL;
        p_set_context(e, AST_Store);
        ASTNode *s = p_new(p, AST_AugAssign, start);
        if (s) {
            s->v.AugAssign.target = e;
            s->v.AugAssign.op = op;
            s->v.AugAssign.value = value;
        }
        return s;
    }
    ASTNode *s = p_new(p, AST_Expr, start);
    if (s)
        s->v.Expr.value = e;
    return s;
}

static ASTNode *dotted_name_alias(Parser *p, int allow_as)
{
    Token *first = p_expect(p, T_NAME);
    if (!first)
        return NULL;
    Token *last = first;
    size_t len = (size_t)(first->end - first->start);
    /* dotted_name: NAME ('.' NAME)* — joined with dots. */
    int m = p->mark;
    while (p_at(p, T_DOT) && p_peek2(p)->type == T_NAME) {
        p->mark += 2;
        last = p_last(p);
        len += 1 + (size_t)(last->end - last->start);
    }
    char *name = ast_arena_alloc(p->arena, len + 1);
    if (!name)
        return p_nomem(p);
    size_t o = 0;
    for (int i = m - 1; i < p->mark; i++) {
        Token *t = p->tokens[i];
        size_t n = (size_t)(t->end - t->start);
        memcpy(name + o, t->start, n);
        o += n;
    }
    name[o] = 0;
    const char *asname = NULL;
    if (allow_as && p_expect(p, T_KW_AS)) {
        Token *a = p_expect(p, T_NAME);
        if (!a)
            return NULL;
        asname = p_ident(p, a);
    }
    ASTNode *al = p_new(p, AST_alias, first);
    if (al) {
        al->v.alias.name = name;
        al->v.alias.asname = asname;
    }
    return al;
}

static ASTNode *import_name(Parser *p, Token *start)
{
    PList l;
    plist_init(&l);
    do {
        ASTNode *a = dotted_name_alias(p, 1);
        if (!a) {
            plist_free(&l);
            return NULL;
        }
        plist_push(p, &l, a);
    } while (p_expect(p, T_COMMA));
    ASTNode *s = p_new(p, AST_Import, start);
    if (!s) {
        plist_free(&l);
        return NULL;
    }
    s->v.Import.names = plist_seq(p, &l);
    return s;
}

static ASTNode *import_from(Parser *p, Token *start)
{
    int level = 0;
    for (;;) {
        if (p_expect(p, T_DOT))
            level++;
        else if (p_expect(p, T_ELLIPSIS))
            level += 3;
        else
            break;
    }
    const char *module = NULL;
    if (!p_at(p, T_KW_IMPORT)) {
        ASTNode *a = dotted_name_alias(p, 0);
        if (!a)
            return NULL;
        module = a->v.alias.name;
    } else if (level == 0) {
        return NULL;
    }
    if (!p_expect(p, T_KW_IMPORT))
        return NULL;
    PList l;
    plist_init(&l);
    Token *star = p_peek(p);
    if (p_expect(p, T_STAR)) {
        ASTNode *a = p_new_at(p, AST_alias, star, star);
        if (!a)
            return NULL;
        a->v.alias.name = "*";
        plist_push(p, &l, a);
    } else {
        int paren = p_expect(p, T_LPAR) != NULL;
        for (;;) {
            Token *n = p_expect(p, T_NAME);
            if (!n) {
                plist_free(&l);
                return NULL;
            }
            const char *asname = NULL;
            if (p_expect(p, T_KW_AS)) {
                Token *a = p_expect(p, T_NAME);
                if (!a) {
                    plist_free(&l);
                    return NULL;
                }
                asname = p_ident(p, a);
            }
            ASTNode *al = p_new(p, AST_alias, n);
            if (!al) {
                plist_free(&l);
                return NULL;
            }
            al->v.alias.name = p_ident(p, n);
            al->v.alias.asname = asname;
            plist_push(p, &l, al);
            if (!p_at(p, T_COMMA))
                break;
            if (!paren && p_peek2(p)->type != T_NAME) {
                if (p->invalid_pass && p_peek2(p)->type == T_NEWLINE) {
                    p->mark++;
                    p_peek(p);
                    p_error_last(p, PARSE_ERR_SYNTAX,
                                 "trailing comma not allowed without surrounding parentheses");
                }
                plist_free(&l);
                return NULL;
            }
            p->mark++;
            if (paren && p_at(p, T_RPAR))
                break;
        }
        if (paren && !p_expect(p, T_RPAR)) {
            plist_free(&l);
            return NULL;
        }
    }
    ASTNode *s = p_new(p, AST_ImportFrom, start);
    if (!s) {
        plist_free(&l);
        return NULL;
    }
    s->v.ImportFrom.module = module ? ast_arena_strndup(p->arena, module, strlen(module)) : NULL;
    s->v.ImportFrom.names = plist_seq(p, &l);
    s->v.ImportFrom.level = level;
    return s;
}

static ASTNode *name_list_stmt(Parser *p, Token *start, ASTKind kind)
{
    PList l;
    plist_init(&l);
    do {
        Token *n = p_expect(p, T_NAME);
        if (!n) {
            plist_free(&l);
            return NULL;
        }
        plist_push(p, &l, (void *)p_ident(p, n));
    } while (p_expect(p, T_COMMA));
    ASTNode *s = p_new(p, kind, start);
    if (!s) {
        plist_free(&l);
        return NULL;
    }
    if (kind == AST_Global)
        s->v.Global.names = plist_seq(p, &l);
    else
        s->v.Nonlocal.names = plist_seq(p, &l);
    return s;
}

static ASTNode *del_stmt(Parser *p, Token *start)
{
    PList l;
    plist_init(&l);
    int m0 = p->mark;
    for (;;) {
        int m = p->mark;
        ASTNode *t = p_at(p, T_STAR) ? NULL : p_primary(p);
        if (!t || p_set_context(t, AST_Del)) {
            if (p->error)
                goto fail;
            p->mark = m;
            break;
        }
        plist_push(p, &l, t);
        if (!p_at(p, T_COMMA))
            break;
        p->mark++;
    }
    if (l.len == 0 || !(p_at(p, T_SEMI) || p_at(p, T_NEWLINE))) {
        if (p->invalid_pass && !p->error) {
            p->mark = m0;
            ASTNode *e = p_star_expressions(p);
            p->invalid_pass = 1;
            if (e) {
                const ASTNode *bad = NULL;
                if (e->kind == AST_Tuple) {
                    for (int i = 0; i < e->v.Tuple.elts->len && !bad; i++) {
                        ASTNode *x = e->v.Tuple.elts->elts[i];
                        bad = x->kind == AST_Starred ? x : p_invalid_target(x, 0);
                    }
                } else {
                    bad = e->kind == AST_Starred ? e : p_invalid_target(e, 0);
                }
                if (bad)
                    p_error_node(p, bad, "cannot delete %s", p_expr_name(bad));
            }
        }
        goto fail;
    }
    ASTNode *s = p_new(p, AST_Delete, start);
    if (!s)
        goto fail;
    s->v.Delete.targets = plist_seq(p, &l);
    return s;
fail:
    plist_free(&l);
    return NULL;
}

static ASTNode *simple_stmt(Parser *p)
{
    P_ENTER(p);
    Token *t = p_peek(p);
    ASTNode *s = NULL;
    switch (t->type) {
    case T_KW_PASS:
        p->mark++;
        s = stmt1(p, AST_Pass, t);
        break;
    case T_KW_BREAK:
        p->mark++;
        s = stmt1(p, AST_Break, t);
        break;
    case T_KW_CONTINUE:
        p->mark++;
        s = stmt1(p, AST_Continue, t);
        break;
    case T_KW_RETURN: {
        p->mark++;
        ASTNode *v = NULL;
        if (!p_at(p, T_NEWLINE) && !p_at(p, T_SEMI)) {
            v = p_star_expressions(p);
            if (!v)
                P_LEAVE(p, NULL);
        }
        s = p_new(p, AST_Return, t);
        if (s)
            s->v.Return.value = v;
        break;
    }
    case T_KW_RAISE: {
        p->mark++;
        ASTNode *exc = NULL, *cause = NULL;
        if (!p_at(p, T_NEWLINE) && !p_at(p, T_SEMI)) {
            exc = p_expression(p);
            if (!exc)
                P_LEAVE(p, NULL);
            if (p_expect(p, T_KW_FROM)) {
                cause = p_expression(p);
                if (!cause)
                    P_LEAVE(p, NULL);
            }
        }
        s = p_new(p, AST_Raise, t);
        if (s) {
            s->v.Raise.exc = exc;
            s->v.Raise.cause = cause;
        }
        break;
    }
    case T_KW_GLOBAL:
        p->mark++;
        s = name_list_stmt(p, t, AST_Global);
        break;
    case T_KW_NONLOCAL:
        p->mark++;
        s = name_list_stmt(p, t, AST_Nonlocal);
        break;
    case T_KW_DEL:
        p->mark++;
        s = del_stmt(p, t);
        break;
    case T_KW_ASSERT: {
        p->mark++;
        ASTNode *test = p_expression(p), *msg = NULL;
        if (!test)
            P_LEAVE(p, NULL);
        if (p_expect(p, T_COMMA)) {
            msg = p_expression(p);
            if (!msg)
                P_LEAVE(p, NULL);
        }
        s = p_new(p, AST_Assert, t);
        if (s) {
            s->v.Assert.test = test;
            s->v.Assert.msg = msg;
        }
        break;
    }
    case T_KW_IMPORT:
        p->mark++;
        s = import_name(p, t);
        break;
    case T_KW_FROM:
        p->mark++;
        s = import_from(p, t);
        break;
    default:
        s = expr_or_assignment(p);
        break;
    }
    P_LEAVE(p, s);
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static int simple_stmts(Parser *p, PList *out)
{
    for (;;) {
        ASTNode *s = simple_stmt(p);
        if (!s)
            return 0;
        plist_push(p, out, s);
        if (p_expect(p, T_SEMI)) {
            if (p_at(p, T_NEWLINE))
                break;
            continue;
        }
        break;
    }
    return p_expect(p, T_NEWLINE) != NULL;
}

/* ---- Compound statements ---------------------------------------------------------------------- */

static ASTSeq *else_block(Parser *p)
{
    Token *kw = p_expect(p, T_KW_ELSE);
    if (!expect_forced(p, T_COLON, ":"))
        return NULL;
    return p_block(p, kw, "'else' statement");
}

static ASTNode *if_stmt(Parser *p, int elif)
{
    P_ENTER(p);
    Token *kw = p_peek(p);
    p->mark++;
    ASTNode *test = p_named_expression(p);
    if (!test || !expect_colon(p))
        P_LEAVE(p, NULL);
    ASTSeq *body = p_block(p, kw, elif ? "'elif' statement" : "'if' statement");
    if (!body)
        P_LEAVE(p, NULL);
    ASTSeq *orelse;
    if (p_at(p, T_KW_ELIF)) {
        ASTNode *e = if_stmt(p, 1);
        if (!e)
            P_LEAVE(p, NULL);
        orelse = p_seq1(p, e);
    } else if (p_at(p, T_KW_ELSE)) {
        orelse = else_block(p);
        if (!orelse)
            P_LEAVE(p, NULL);
    } else {
        orelse = p_seq0(p);
    }
    ASTNode *s = p_new(p, AST_If, kw);
    if (s) {
        s->v.If.test = test;
        s->v.If.body = body;
        s->v.If.orelse = orelse;
    }
    P_LEAVE(p, s);
}

static ASTNode *while_stmt(Parser *p)
{
    Token *kw = p_expect(p, T_KW_WHILE);
    ASTNode *test = p_named_expression(p);
    if (!test || !expect_colon(p))
        return NULL;
    ASTSeq *body = p_block(p, kw, "'while' statement");
    if (!body)
        return NULL;
    ASTSeq *orelse = p_at(p, T_KW_ELSE) ? else_block(p) : p_seq0(p);
    if (!orelse)
        return NULL;
    ASTNode *s = p_new(p, AST_While, kw);
    if (s) {
        s->v.While.test = test;
        s->v.While.body = body;
        s->v.While.orelse = orelse;
    }
    return s;
}

static ASTNode *for_stmt(Parser *p, Token *start, int is_async)
{
    Token *kw = p_expect(p, T_KW_FOR);
    int m = p->mark;
    ASTNode *target = p_star_targets(p);
    if (!target || !p_expect(p, T_KW_IN)) {
        if (p->invalid_pass && !p->error) {
            /* invalid_for_target */
            p->mark = m;
            ASTNode *e = p_star_expressions(p);
            p->invalid_pass = 1;
            if (e) {
                const ASTNode *bad = p_invalid_target(e, 1);
                if (bad)
                    p_error_node(p, bad, "cannot assign to %s", p_expr_name(bad));
            }
        }
        return NULL;
    }
    ASTNode *iter = p_star_expressions(p);
    if (!iter || !expect_colon(p))
        return NULL;
    Token *tc = p_expect(p, T_TYPE_COMMENT);
    ASTSeq *body = p_block(p, kw, "'for' statement");
    if (!body)
        return NULL;
    ASTSeq *orelse = p_at(p, T_KW_ELSE) ? else_block(p) : p_seq0(p);
    if (!orelse)
        return NULL;
    ASTNode *s = p_new(p, is_async ? AST_AsyncFor : AST_For, start);
    if (s) {
        s->v.For.target = target;
        s->v.For.iter = iter;
        s->v.For.body = body;
        s->v.For.orelse = orelse;
        s->v.For.type_comment = tc ? p_type_comment(p, tc) : NULL;
    }
    if (is_async && !p_check_version(p, 5, "Async for loops are"))
        return NULL;
    return s;
}

static ASTNode *with_item(Parser *p, int in_parens)
{
    ASTNode *e = p_expression(p);
    if (!e)
        return NULL;
    ASTNode *target = NULL;
    int m = p->mark;
    if (p_expect(p, T_KW_AS)) {
        target = p_star_target(p);
        if (!target || !(p_at(p, T_COMMA) || p_at(p, T_RPAR) || p_at(p, T_COLON))) {
            if (p->error)
                return NULL;
            if (p->invalid_pass && target == NULL && !in_parens) {
                /* invalid_with_item: expression 'as' expression */
                ASTNode *t = p_expression(p);
                p->invalid_pass = 1;
                if (t && (p_at(p, T_COMMA) || p_at(p, T_RPAR) || p_at(p, T_COLON))) {
                    const ASTNode *bad = p_invalid_target(t, 0);
                    if (bad)
                        return p_error_node(p, bad, "cannot assign to %s", p_expr_name(bad));
                }
            }
            p->mark = m;
            target = NULL;
        }
    }
    ASTNode *w = ast_node_new(p->arena, AST_withitem, 0, 0, 0, 0);
    if (!w)
        return p_nomem(p);
    w->v.withitem.context_expr = e;
    w->v.withitem.optional_vars = target;
    return w;
}

static ASTNode *with_stmt(Parser *p, Token *start, int is_async)
{
    Token *kw = p_expect(p, T_KW_WITH);
    PList items;
    plist_init(&items);
    int done = 0;
    if (p_at(p, T_LPAR)) {
        /* The parenthesized form, tried first; on failure the items are
        ** reparsed as expressions (a parenthesized tuple, say). */
        int m = p->mark;
        int saved_invalid = p->invalid_pass;
        p->mark++;
        int ok = 1;
        for (;;) {
            ASTNode *w = with_item(p, 1);
            if (!w) {
                ok = 0;
                break;
            }
            plist_push(p, &items, w);
            if (!p_expect(p, T_COMMA))
                break;
            if (p_at(p, T_RPAR))
                break;
        }
        p->invalid_pass = saved_invalid;
        /* This form takes no type comment: with one, CPython's next
        ** alternative reads the parentheses as an expression. */
        if (ok && p_expect(p, T_RPAR) && p_at(p, T_COLON) && p_peek2(p)->type != T_TYPE_COMMENT) {
            done = 1;
        } else {
            if (p->error) {
                plist_free(&items);
                return NULL;
            }
            plist_free(&items);
            p->mark = m;
        }
    }
    int items_start = p->mark;
    if (!done) {
        for (;;) {
            ASTNode *w = with_item(p, 0);
            if (!w) {
                plist_free(&items);
                return NULL;
            }
            plist_push(p, &items, w);
            if (!p_expect(p, T_COMMA))
                break;
        }
    }
    if (!p_expect(p, T_COLON)) {
        plist_free(&items);
        if (p->invalid_pass && !p->error) {
            /* invalid_with_stmt: ','.(expression ['as' star_target])+ NEWLINE */
            p->mark = items_start;
            int ok = 1;
            do {
                if (!p_expression(p)) {
                    ok = 0;
                    break;
                }
                if (p_expect(p, T_KW_AS) && !p_star_target(p)) {
                    ok = 0;
                    break;
                }
            } while (p_expect(p, T_COMMA));
            p->invalid_pass = 1;
            if (ok && !p->error && p_at(p, T_NEWLINE))
                p_error_last(p, PARSE_ERR_SYNTAX, "expected ':'");
        }
        return NULL;
    }
    Token *tc = done ? NULL : p_expect(p, T_TYPE_COMMENT);
    ASTSeq *body = p_block(p, kw, "'with' statement");
    if (!body) {
        plist_free(&items);
        return NULL;
    }
    ASTNode *s = p_new(p, is_async ? AST_AsyncWith : AST_With, start);
    if (!s) {
        plist_free(&items);
        return NULL;
    }
    s->v.With.items = plist_seq(p, &items);
    s->v.With.body = body;
    s->v.With.type_comment = tc ? p_type_comment(p, tc) : NULL;
    if (is_async ? !p_check_version(p, 5, "Async with statements are")
                 : done && !p_check_version(p, 9, "Parenthesized context managers are"))
        return NULL;
    return s;
}

static ASTNode *except_block(Parser *p, int *star, int want)
{
    Token *kw = p_expect(p, T_KW_EXCEPT);
    Token *st = p_peek(p);
    *star = p_expect(p, T_STAR) != NULL;
    if (want >= 0 && want != *star) {
        /* invalid_try_stmt: the first handler of the other kind. */
        if (p->invalid_pass) {
            if (*star)
                p_error_toks(p, kw, st, "cannot have both 'except' and 'except*' on the same 'try'");
            else
                p_error_tok(p, kw, "cannot have both 'except' and 'except*' on the same 'try'");
        }
        return NULL;
    }
    ASTNode *type = NULL;
    const char *name = NULL;
    if (*star && (p_at(p, T_COLON) || p_at(p, T_NEWLINE))) {
        if (p->invalid_pass)
            p_error_tok(p, p_peek(p), "expected one or more exception types");
        return NULL;
    }
    if (!p_at(p, T_COLON) || *star) {
        type = p_expression(p);
        if (!type)
            return NULL;
        if (p_at(p, T_COMMA) && p->invalid_pass) {
            int m = p->mark;
            p->mark++;
            ASTNode *more = p_expressions(p);
            p->invalid_pass = 1;
            if (more && (p_at(p, T_COLON) || p_at(p, T_KW_AS))) {
                p_peek(p);
                return p_error_at(p, PARSE_ERR_SYNTAX, type->lineno, type->col_offset,
                                  type->lineno, P_END_CURRENT,
                                  "multiple exception types must be parenthesized");
            }
            p->mark = m;
        }
        if (p_expect(p, T_KW_AS)) {
            Token *n = p_expect(p, T_NAME);
            if (!n)
                return NULL;
            name = p_ident(p, n);
        }
    }
    if (!expect_colon(p))
        return NULL;
    ASTSeq *body = p_block(p, kw, *star ? "'except*' statement" : "'except' statement");
    if (!body)
        return NULL;
    ASTNode *h = p_new(p, AST_ExceptHandler, kw);
    if (h) {
        h->v.ExceptHandler.type = type;
        h->v.ExceptHandler.name = name;
        h->v.ExceptHandler.body = body;
    }
    return h;
}

static ASTNode *try_stmt(Parser *p)
{
    Token *kw = p_expect(p, T_KW_TRY);
    if (!expect_forced(p, T_COLON, ":"))
        return NULL;
    ASTSeq *body = p_block(p, kw, "'try' statement");
    if (!body)
        return NULL;
    PList handlers;
    plist_init(&handlers);
    int kind = -1;   /* 0: except, 1: except* */
    while (p_at(p, T_KW_EXCEPT)) {
        int star;
        ASTNode *h = except_block(p, &star, kind);
        if (!h) {
            plist_free(&handlers);
            return NULL;
        }
        kind = star;
        plist_push(p, &handlers, h);
    }
    ASTSeq *orelse = NULL, *finalbody = NULL;
    if (handlers.len && p_at(p, T_KW_ELSE)) {
        orelse = else_block(p);
        if (!orelse) {
            plist_free(&handlers);
            return NULL;
        }
    }
    if (p_at(p, T_KW_FINALLY)) {
        Token *fk = p_expect(p, T_KW_FINALLY);
        if (!expect_forced(p, T_COLON, ":")) {
            plist_free(&handlers);
            return NULL;
        }
        finalbody = p_block(p, fk, "'finally' statement");
        if (!finalbody) {
            plist_free(&handlers);
            return NULL;
        }
    }
    if (!handlers.len && !finalbody) {
        if (p->invalid_pass)
            p_error_last(p, PARSE_ERR_SYNTAX, "expected 'except' or 'finally' block");
        return NULL;
    }
    ASTNode *s = p_new(p, kind == 1 ? AST_TryStar : AST_Try, kw);
    if (!s) {
        plist_free(&handlers);
        return NULL;
    }
    s->v.Try.body = body;
    s->v.Try.handlers = plist_seq(p, &handlers);
    s->v.Try.orelse = orelse ? orelse : p_seq0(p);
    s->v.Try.finalbody = finalbody ? finalbody : p_seq0(p);
    if (kind == 1 && !p_check_version(p, 11, "Exception groups are"))
        return NULL;
    return s;
}

/* func_type_comment: the signature comment after a def's ':', either on
** that line or alone on the next (then followed by the indented body). */
static Token *func_type_comment(Parser *p)
{
    Token *t = p_peek(p);
    if (t->type == T_NEWLINE && p_peek2(p)->type == T_TYPE_COMMENT &&
        p_fetch(p, p->mark + 2)->type == T_NEWLINE && p_fetch(p, p->mark + 3)->type == T_INDENT) {
        p->mark++;
        return p_expect(p, T_TYPE_COMMENT);
    }
    if (p->invalid_pass && t->type == T_TYPE_COMMENT && p_peek2(p)->type == T_NEWLINE &&
        p_fetch(p, p->mark + 2)->type == T_TYPE_COMMENT && p_fetch(p, p->mark + 3)->type == T_NEWLINE &&
        p_fetch(p, p->mark + 4)->type == T_INDENT)
        return p_error_last(p, PARSE_ERR_SYNTAX, "Cannot have two type comments on def");
    return p_expect(p, T_TYPE_COMMENT);
}

static ASTNode *funcdef(Parser *p, Token *start, int is_async, ASTSeq *decorators)
{
    Token *kw = p_expect(p, T_KW_DEF);
    Token *name = p_expect(p, T_NAME);
    if (!name)
        return NULL;
    if (!expect_forced(p, T_LPAR, "("))
        return NULL;
    ASTNode *args = p_arguments_node(p, 0);
    if (!args || !p_expect(p, T_RPAR))
        return NULL;
    ASTNode *returns = NULL;
    if (p_expect(p, T_RARROW)) {
        returns = p_expression(p);
        if (!returns)
            return NULL;
    }
    if (!expect_forced(p, T_COLON, ":"))
        return NULL;
    Token *tc = func_type_comment(p);
    if (p->error)
        return NULL;
    ASTSeq *body = p_block(p, kw, "function definition");
    if (!body)
        return NULL;
    ASTNode *s = p_new(p, is_async ? AST_AsyncFunctionDef : AST_FunctionDef, start);
    if (s) {
        s->v.FunctionDef.name = p_ident(p, name);
        s->v.FunctionDef.args = args;
        s->v.FunctionDef.body = body;
        s->v.FunctionDef.decorator_list = decorators;
        s->v.FunctionDef.returns = returns;
        s->v.FunctionDef.type_comment = tc ? p_type_comment(p, tc) : NULL;
    }
    if (is_async && !p_check_version(p, 5, "Async functions are"))
        return NULL;
    return s;
}

static ASTNode *classdef(Parser *p, ASTSeq *decorators)
{
    Token *kw = p_expect(p, T_KW_CLASS);
    Token *name = p_expect(p, T_NAME);
    if (!name)
        return NULL;
    ASTSeq *bases = NULL, *keywords = NULL;
    Token *lpar = p_peek(p);
    if (p_expect(p, T_LPAR)) {
        /* A dummy callee whose kind tells p_call_tail that this is a class's
        ** argument list. */
        ASTNode dummy = {0};
        dummy.kind = AST_Pass;
        ASTNode *call = p_call_tail(p, &dummy, lpar, lpar);
        if (!call)
            return NULL;
        bases = call->v.Call.args;
        keywords = call->v.Call.keywords;
    }
    if (!expect_colon(p))
        return NULL;
    ASTSeq *body = p_block(p, kw, "class definition");
    if (!body)
        return NULL;
    ASTNode *s = p_new(p, AST_ClassDef, kw);
    if (s) {
        s->v.ClassDef.name = p_ident(p, name);
        s->v.ClassDef.bases = bases ? bases : p_seq0(p);
        s->v.ClassDef.keywords = keywords ? keywords : p_seq0(p);
        s->v.ClassDef.body = body;
        s->v.ClassDef.decorator_list = decorators;
    }
    return s;
}

static ASTNode *decorated(Parser *p)
{
    PList decs;
    plist_init(&decs);
    while (p_expect(p, T_AT)) {
        ASTNode *d = p_named_expression(p);
        if (!d || !p_expect(p, T_NEWLINE)) {
            plist_free(&decs);
            return NULL;
        }
        plist_push(p, &decs, d);
    }
    ASTSeq *ds = plist_seq(p, &decs);
    if (!ds)
        return NULL;
    Token *t = p_peek(p);
    if (t->type == T_KW_DEF)
        return funcdef(p, t, 0, ds);
    if (t->type == T_KW_ASYNC && p_peek2(p)->type == T_KW_DEF) {
        p->mark++;
        return funcdef(p, t, 1, ds);
    }
    if (t->type == T_KW_CLASS)
        return classdef(p, ds);
    return NULL;
}

/* Returns the statement, or NULL with mark unchanged when the next tokens
** do not start a compound statement (or on error). */
static ASTNode *compound_stmt(Parser *p)
{
    P_ENTER(p);
    Token *t = p_peek(p);
    ASTNode *s = NULL;
    switch (t->type) {
    case T_KW_DEF:
        s = funcdef(p, t, 0, p_seq0(p));
        break;
    case T_AT:
        s = decorated(p);
        break;
    case T_KW_CLASS:
        s = classdef(p, p_seq0(p));
        break;
    case T_KW_IF:
        s = if_stmt(p, 0);
        break;
    case T_KW_WHILE:
        s = while_stmt(p);
        break;
    case T_KW_FOR:
        s = for_stmt(p, t, 0);
        break;
    case T_KW_TRY:
        s = try_stmt(p);
        break;
    case T_KW_WITH:
        s = with_stmt(p, t, 0);
        break;
    case T_KW_ASYNC: {
        Token *n = p_peek2(p);
        if (n->type == T_KW_DEF) {
            p->mark++;
            s = funcdef(p, t, 1, p_seq0(p));
        } else if (n->type == T_KW_FOR) {
            p->mark++;
            s = for_stmt(p, t, 1);
        } else if (n->type == T_KW_WITH) {
            p->mark++;
            s = with_stmt(p, t, 1);
        } else {
            P_LEAVE(p, NULL);
        }
        break;
    }
    case T_NAME:
        if (tok_is(t, "match")) {
            int m = p->mark;
            s = p_match_stmt(p);
            if (!s && !p->error)
                p->mark = m;
            P_LEAVE(p, s);
        }
        P_LEAVE(p, NULL);
    default:
        P_LEAVE(p, NULL);
    }
    P_LEAVE(p, s);
}

/* ---- Interactive --------------------------------------------------------------------------------- */

/* statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER */
ASTSeq *p_statement_newline(Parser *p)
{
    Token *t = p_peek(p);
    if (t->type == T_ENDMARKER)
        return NULL;   /* CPython's interactive exit: "invalid syntax" */
    if (t->type == T_NEWLINE) {
        p->mark++;
        ASTNode *pass = p_new_at(p, AST_Pass, t, t);
        return pass ? p_seq1(p, pass) : NULL;
    }
    int m = p->mark;
    ASTNode *c = compound_stmt(p);
    if (!c)
        p->mark = m;
    if (c) {
        while (p_expect(p, T_NEWLINE))
            ;
        if (!p_at(p, T_ENDMARKER))
            return NULL;
        /* CPython adds no newline to single-mode input: a compound statement
        ** whose last line is not an indented body line (a body on the
        ** header's line, or a blank last line) misses its closing NEWLINE. */
        const char *nl = p->tok->implicit_nl;
        if (nl) {
            const char *ls = nl;
            int line = 1;
            while (ls > p->tok->buf && ls[-1] != '\n')
                ls--;
            for (const char *q = p->tok->buf; q < ls; q++)
                line += *q == '\n';
            const char *q = ls;
            while (q < nl && (*q == ' ' || *q == '\t' || *q == '\f'))
                q++;
            if (q == ls || q == nl)
                return p_error_at(p, PARSE_ERR_SYNTAX, line, P_COL_ZERO, line, P_END_ZERO, "invalid syntax");
        }
        return p_seq1(p, c);
    }
    if (p->error)
        return NULL;
    PList l;
    plist_init(&l);
    if (!simple_stmts(p, &l)) {
        plist_free(&l);
        return NULL;
    }
    /* CPython's bad_single_statement(): anything but blanks and comments
    ** after the statement. */
    const char *s = p->tok->cur;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\n' || *s == '\r')
            s++;
        if (*s != '#')
            break;
        while (*s && *s != '\n')
            s++;
    }
    if (*s) {
        plist_free(&l);
        return p_error_last(p, PARSE_ERR_SYNTAX,
                            "multiple statements found while compiling a single statement");
    }
    return plist_seq(p, &l);
}
