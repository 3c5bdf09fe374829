/* symtable.c - builds scopes from the AST and decides where each name lives (CPython's rules). */
#include "symtable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

/*
 * Pass 1 walks the tree and records, per scope, what each name is used
 * for (assigned, read, declared global/nonlocal, parameter).  Pass 2
 * (analyze) resolves every name top-down: a name bound in a function is
 * local; a name read but not bound is free if some enclosing *function*
 * binds it (class bodies are skipped, as Python's scoping says) and global
 * otherwise; a local that a nested scope reads freely becomes a cell.
 */

static unsigned str_hash_c(const char *s) {
    unsigned h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n);
    if (!q) {
        fprintf(stderr, "taipan: out of memory in the compiler\n");
        abort();
    }
    return q;
}

/* Scopes by AST node: open addressing on the node pointer. */
static unsigned ptr_hash(const void *p) { return (unsigned)(((uintptr_t)p >> 4) * 2654435761u); }

static void map_put(SymTable *st, ASTNode *node, Scope *s) {
    if ((st->nmap + 1) * 2 > st->capmap) {
        int ncap = st->capmap ? st->capmap * 2 : 64;
        ASTNode **ok = st->keys;
        Scope **ov = st->vals;
        int ocap = st->capmap;
        st->keys = calloc((size_t)ncap, sizeof(ASTNode *));
        st->vals = calloc((size_t)ncap, sizeof(Scope *));
        if (!st->keys || !st->vals) xrealloc(NULL, 0);
        st->capmap = ncap;
        st->nmap = 0;
        for (int i = 0; i < ocap; i++)
            if (ok[i]) map_put(st, ok[i], ov[i]);
        free(ok);
        free(ov);
    }
    unsigned i = ptr_hash(node) & (unsigned)(st->capmap - 1);
    while (st->keys[i]) i = (i + 1) & (unsigned)(st->capmap - 1);
    st->keys[i] = node;
    st->vals[i] = s;
    st->nmap++;
}

static Scope *scope_new(SymTable *st, ScopeKind kind, const char *name, ASTNode *node, Scope *parent) {
    Scope *s = calloc(1, sizeof(Scope));
    if (!s) xrealloc(NULL, 0);
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->parent = parent;
    s->lineno = node ? node->lineno : 1;
    if (parent) {
        if (parent->nchildren == parent->capchildren) {
            parent->capchildren = parent->capchildren ? parent->capchildren * 2 : 4;
            parent->children = xrealloc(parent->children, sizeof(Scope *) * (size_t)parent->capchildren);
        }
        parent->children[parent->nchildren++] = s;
    }
    if (node) map_put(st, node, s);
    return s;
}

Symbol *scope_find(Scope *s, const char *name) {
    if (!s->capsyms) return NULL;
    unsigned h = str_hash_c(name);
    for (unsigned i = h & (unsigned)(s->capsyms - 1);; i = (i + 1) & (unsigned)(s->capsyms - 1)) {
        Symbol *sym = &s->syms[i];
        if (!sym->name) return NULL;
        if (sym->hash == h && strcmp(sym->name, name) == 0) return sym;
    }
}

static Symbol *scope_add(Scope *s, const char *name, int flags) {
    Symbol *sym = scope_find(s, name);
    if (sym) {
        sym->flags |= flags;
        return sym;
    }
    if ((s->nsyms + 1) * 2 > s->capsyms) {
        int ncap = s->capsyms ? s->capsyms * 2 : 16;
        Symbol *old = s->syms;
        int oldcap = s->capsyms;
        s->syms = calloc((size_t)ncap, sizeof(Symbol));
        if (!s->syms) xrealloc(NULL, 0);
        s->capsyms = ncap;
        for (int i = 0; i < oldcap; i++) {
            if (!old[i].name) continue;
            unsigned j = old[i].hash & (unsigned)(ncap - 1);
            while (s->syms[j].name) j = (j + 1) & (unsigned)(ncap - 1);
            s->syms[j] = old[i];
        }
        free(old);
    }
    unsigned h = str_hash_c(name);
    unsigned i = h & (unsigned)(s->capsyms - 1);
    while (s->syms[i].name) i = (i + 1) & (unsigned)(s->capsyms - 1);
    sym = &s->syms[i];
    sym->name = name;
    sym->hash = h;
    sym->flags = flags;
    sym->order = s->next_order++;
    s->nsyms++;
    return sym;
}

Scope *symtable_lookup_scope(SymTable *st, ASTNode *node) {
    if (!st->capmap) return NULL;
    for (unsigned i = ptr_hash(node) & (unsigned)(st->capmap - 1);; i = (i + 1) & (unsigned)(st->capmap - 1)) {
        if (!st->keys[i]) return NULL;
        if (st->keys[i] == node) return st->vals[i];
    }
}

static void st_error(SymTable *st, ASTNode *n, const char *fmt, const char *name) {
    if (st->failed) return;
    st->failed = true;
    snprintf(st->errmsg, sizeof st->errmsg, fmt, name);
    st->err_lineno = n ? n->lineno : 1;
    st->err_col = n ? n->col_offset + 1 : 1;
    st->err_end_lineno = n ? n->end_lineno : 1;
    st->err_end_col = n ? n->end_col_offset + 1 : 1;
}

/* ---- Pass 1 ---- */

typedef struct Walker {
    SymTable *st;
    Scope *cur;
} Walker;

static void visit_expr(Walker *w, ASTNode *e);
static void visit_stmts(Walker *w, ASTSeq *s);

static void visit_exprs(Walker *w, ASTSeq *s) {
    for (int i = 0; i < AST_SEQ_LEN(s); i++)
        if (s->elts[i]) visit_expr(w, AST_SEQ_GET(s, i));
}

static void add_def(Walker *w, ASTNode *n, const char *name, int flags) {
    Symbol *sym = scope_find(w->cur, name);
    if (sym && (flags & SYM_DEF_PARAM) && (sym->flags & SYM_DEF_PARAM)) {
        st_error(w->st, n, "duplicate argument '%s' in function definition", name);
        return;
    }
    scope_add(w->cur, name, flags);
}

static void visit_annotation(Walker *w, ASTNode *a) {
    if (a && !w->st->future_annotations) visit_expr(w, a);
}

static void visit_arguments_defaults(Walker *w, ASTNode *args) {
    struct ast_arguments *a = &args->v.arguments;
    visit_exprs(w, a->defaults);
    visit_exprs(w, a->kw_defaults);
}

static void visit_arg_annotations(Walker *w, ASTNode *args) {
    struct ast_arguments *a = &args->v.arguments;
    ASTSeq *seqs[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < AST_SEQ_LEN(seqs[k]); i++) visit_annotation(w, AST_SEQ_GET(seqs[k], i)->v.arg.annotation);
    if (a->vararg) visit_annotation(w, a->vararg->v.arg.annotation);
    if (a->kwarg) visit_annotation(w, a->kwarg->v.arg.annotation);
}

static void add_params(Walker *w, ASTNode *args) {
    struct ast_arguments *a = &args->v.arguments;
    ASTSeq *seqs[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < AST_SEQ_LEN(seqs[k]); i++) {
            ASTNode *p = AST_SEQ_GET(seqs[k], i);
            add_def(w, p, p->v.arg.arg, SYM_DEF_PARAM);
        }
    if (a->vararg) {
        add_def(w, a->vararg, a->vararg->v.arg.arg, SYM_DEF_PARAM);
        w->cur->has_varargs = true;
    }
    if (a->kwarg) {
        add_def(w, a->kwarg, a->kwarg->v.arg.arg, SYM_DEF_PARAM);
        w->cur->has_varkw = true;
    }
}

static void visit_function(Walker *w, ASTNode *n, const char *name, ASTNode *args, ASTSeq *body,
                           ASTNode *lambda_body, bool is_async) {
    Scope *s = scope_new(w->st, SCOPE_FUNCTION, name, n, w->cur);
    s->is_coroutine = is_async;
    s->is_lambda = lambda_body != NULL;
    Scope *saved = w->cur;
    w->cur = s;
    add_params(w, args);
    if (body) visit_stmts(w, body);
    else visit_expr(w, lambda_body);
    w->cur = saved;
}

/* An iteration variable that an earlier := of the comprehension bound outside. */
static void check_comp_target(Walker *w, ASTNode *t) {
    if (!t || w->st->failed) return;
    switch (t->kind) {
    case AST_Name: {
        Symbol *sym = scope_find(w->cur, t->v.Name.id);
        if (sym && (sym->flags & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)))
            st_error(w->st, t, "comprehension inner loop cannot rebind assignment expression target '%s'", t->v.Name.id);
        break;
    }
    case AST_Tuple:
    case AST_List: {
        ASTSeq *elts = t->kind == AST_Tuple ? t->v.Tuple.elts : t->v.List.elts;
        for (int i = 0; i < AST_SEQ_LEN(elts); i++) check_comp_target(w, AST_SEQ_GET(elts, i));
        break;
    }
    case AST_Starred: check_comp_target(w, t->v.Starred.value); break;
    default: break;
    }
}

/* A comprehension: the first iterable is evaluated outside, the rest inside. */
static void visit_comprehension(Walker *w, ASTNode *n, ASTSeq *gens, ASTNode *elt, ASTNode *value,
                                const char *name, bool is_gen) {
    ASTNode *first = AST_SEQ_GET(gens, 0);
    visit_expr(w, first->v.comprehension.iter);
    Scope *s = scope_new(w->st, SCOPE_FUNCTION, name, n, w->cur);
    s->is_comprehension = true;
    s->is_generator = is_gen;
    Scope *saved = w->cur;
    w->cur = s;
    scope_add(s, ".0", SYM_DEF_PARAM);
    bool any_async = false;
    for (int i = 0; i < AST_SEQ_LEN(gens); i++) {
        ASTNode *g = AST_SEQ_GET(gens, i);
        if (g->v.comprehension.is_async) any_async = true;
        if (i > 0) visit_expr(w, g->v.comprehension.iter);
        check_comp_target(w, g->v.comprehension.target);
        visit_expr(w, g->v.comprehension.target);
        visit_exprs(w, g->v.comprehension.ifs);
    }
    /* Mark the comprehension's iteration variables so := can refuse them. */
    for (int i = 0; i < AST_SEQ_LEN(gens); i++) {
        ASTNode *t = AST_SEQ_GET(gens, i)->v.comprehension.target;
        if (t->kind == AST_Name) scope_add(s, t->v.Name.id, SYM_DEF_COMP_ITER);
    }
    if (value) visit_expr(w, value);
    visit_expr(w, elt);
    /* An async for clause or an await makes the comprehension asynchronous:
    ** a coroutine that its (async) scope awaits, or for a generator
    ** expression an async generator. */
    if (any_async || s->has_await) s->is_coroutine = true;
    w->cur = saved;
    if (s->is_coroutine && !is_gen) saved->has_await = true;
}

/* The scope a walrus inside comprehensions binds in. */
static void visit_named_target(Walker *w, ASTNode *n) {
    const char *name = n->v.NamedExpr.target->v.Name.id;
    if (!w->cur->is_comprehension) {
        scope_add(w->cur, name, SYM_DEF_LOCAL);
        return;
    }
    for (Scope *s = w->cur; s; s = s->parent) {
        if (s->is_comprehension) {
            Symbol *sym = scope_find(s, name);
            if (sym && (sym->flags & SYM_DEF_COMP_ITER)) {
                st_error(w->st, n->v.NamedExpr.target,
                         "assignment expression cannot rebind comprehension iteration variable '%s'", name);
                return;
            }
            continue;
        }
        if (s->kind == SCOPE_CLASS) {
            st_error(w->st, n, "assignment expression within a comprehension cannot be used in a class body%s", "");
            return;
        }
        /* Bind in s; every comprehension in between sees it as nonlocal or global. */
        Symbol *sym = scope_add(s, name, SYM_DEF_LOCAL);
        int flag = s->kind == SCOPE_MODULE || (sym->flags & SYM_DEF_GLOBAL) ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL;
        for (Scope *c = w->cur; c != s; c = c->parent) scope_add(c, name, flag);
        return;
    }
}

/* Deeply nested expressions are refused here, before the code generator
 * (which recurses the same way) sees them: CPython's limit is three times
 * the recursion limit. */
static bool enter(Walker *w, ASTNode *n) {
    SymTable *st = w->st;
    if (++st->depth > st->max_depth) {
        if (!st->failed) {
            st->failed = true;
            st->recursion_error = true;
            snprintf(st->errmsg, sizeof st->errmsg, "maximum recursion depth exceeded during compilation");
        }
        return false;
    }
    return true;
}

static void visit_expr_inner(Walker *w, ASTNode *e);
static void visit_expr(Walker *w, ASTNode *e) {
    if (!e || w->st->failed) return;
    if (enter(w, e)) visit_expr_inner(w, e);
    w->st->depth--;
}

static void visit_expr_inner(Walker *w, ASTNode *e) {
    switch (e->kind) {
    case AST_BoolOp: visit_exprs(w, e->v.BoolOp.values); break;
    case AST_NamedExpr:
        visit_expr(w, e->v.NamedExpr.value);
        if (e->v.NamedExpr.target->kind == AST_Name) visit_named_target(w, e);
        else visit_expr(w, e->v.NamedExpr.target);   /* only from ast objects */
        break;
    case AST_BinOp:
        visit_expr(w, e->v.BinOp.left);
        visit_expr(w, e->v.BinOp.right);
        break;
    case AST_UnaryOp: visit_expr(w, e->v.UnaryOp.operand); break;
    case AST_Lambda:
        visit_arguments_defaults(w, e->v.Lambda.args);
        visit_function(w, e, "<lambda>", e->v.Lambda.args, NULL, e->v.Lambda.body, false);
        break;
    case AST_IfExp:
        visit_expr(w, e->v.IfExp.test);
        visit_expr(w, e->v.IfExp.body);
        visit_expr(w, e->v.IfExp.orelse);
        break;
    case AST_Dict:
        visit_exprs(w, e->v.Dict.keys);
        visit_exprs(w, e->v.Dict.values);
        break;
    case AST_Set: visit_exprs(w, e->v.Set.elts); break;
    case AST_ListComp:
        visit_comprehension(w, e, e->v.ListComp.generators, e->v.ListComp.elt, NULL, "<listcomp>", false);
        break;
    case AST_SetComp:
        visit_comprehension(w, e, e->v.SetComp.generators, e->v.SetComp.elt, NULL, "<setcomp>", false);
        break;
    case AST_DictComp:
        visit_comprehension(w, e, e->v.DictComp.generators, e->v.DictComp.key, e->v.DictComp.value,
                            "<dictcomp>", false);
        break;
    case AST_GeneratorExp:
        visit_comprehension(w, e, e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL, "<genexpr>", true);
        break;
    case AST_Await:
        w->cur->has_await = true;
        visit_expr(w, e->v.Await.value);
        break;
    case AST_Yield:
    case AST_YieldFrom:
        visit_expr(w, e->kind == AST_Yield ? e->v.Yield.value : e->v.YieldFrom.value);
        w->cur->is_generator = true;
        if (w->cur->is_comprehension) {
            const char *n = w->cur->name;
            st_error(w->st, e, "'yield' inside %s",
                     !strcmp(n, "<listcomp>") ? "list comprehension" : !strcmp(n, "<setcomp>") ? "set comprehension"
                     : !strcmp(n, "<dictcomp>") ? "dict comprehension" : "generator expression");
        }
        break;
    case AST_Compare:
        visit_expr(w, e->v.Compare.left);
        visit_exprs(w, e->v.Compare.comparators);
        break;
    case AST_Call:
        visit_expr(w, e->v.Call.func);
        visit_exprs(w, e->v.Call.args);
        for (int i = 0; i < AST_SEQ_LEN(e->v.Call.keywords); i++)
            visit_expr(w, AST_SEQ_GET(e->v.Call.keywords, i)->v.keyword.value);
        break;
    case AST_FormattedValue:
        visit_expr(w, e->v.FormattedValue.value);
        visit_expr(w, e->v.FormattedValue.format_spec);
        break;
    case AST_JoinedStr: visit_exprs(w, e->v.JoinedStr.values); break;
    case AST_Constant: break;
    case AST_Attribute: visit_expr(w, e->v.Attribute.value); break;
    case AST_Subscript:
        visit_expr(w, e->v.Subscript.value);
        visit_expr(w, e->v.Subscript.slice);
        break;
    case AST_Starred: visit_expr(w, e->v.Starred.value); break;
    case AST_Name: {
        const char *id = e->v.Name.id;
        scope_add(w->cur, id, e->v.Name.ctx == AST_Load ? SYM_USE : SYM_DEF_LOCAL);
        /* super() needs the __class__ cell of the enclosing class. */
        if (e->v.Name.ctx == AST_Load && w->cur->kind == SCOPE_FUNCTION && strcmp(id, "super") == 0)
            scope_add(w->cur, "__class__", SYM_USE);
        break;
    }
    case AST_List: visit_exprs(w, e->v.List.elts); break;
    case AST_Tuple: visit_exprs(w, e->v.Tuple.elts); break;
    case AST_Slice:
        visit_expr(w, e->v.Slice.lower);
        visit_expr(w, e->v.Slice.upper);
        visit_expr(w, e->v.Slice.step);
        break;
    default: break;
    }
}

static void visit_pattern(Walker *w, ASTNode *p) {
    if (!p) return;
    switch (p->kind) {
    case AST_MatchValue: visit_expr(w, p->v.MatchValue.value); break;
    case AST_MatchSequence:
        for (int i = 0; i < AST_SEQ_LEN(p->v.MatchSequence.patterns); i++)
            visit_pattern(w, AST_SEQ_GET(p->v.MatchSequence.patterns, i));
        break;
    case AST_MatchMapping:
        visit_exprs(w, p->v.MatchMapping.keys);
        for (int i = 0; i < AST_SEQ_LEN(p->v.MatchMapping.patterns); i++)
            visit_pattern(w, AST_SEQ_GET(p->v.MatchMapping.patterns, i));
        if (p->v.MatchMapping.rest) scope_add(w->cur, p->v.MatchMapping.rest, SYM_DEF_LOCAL);
        break;
    case AST_MatchClass:
        visit_expr(w, p->v.MatchClass.cls);
        for (int i = 0; i < AST_SEQ_LEN(p->v.MatchClass.patterns); i++)
            visit_pattern(w, AST_SEQ_GET(p->v.MatchClass.patterns, i));
        for (int i = 0; i < AST_SEQ_LEN(p->v.MatchClass.kwd_patterns); i++)
            visit_pattern(w, AST_SEQ_GET(p->v.MatchClass.kwd_patterns, i));
        break;
    case AST_MatchStar:
        if (p->v.MatchStar.name) scope_add(w->cur, p->v.MatchStar.name, SYM_DEF_LOCAL);
        break;
    case AST_MatchAs:
        visit_pattern(w, p->v.MatchAs.pattern);
        if (p->v.MatchAs.name) scope_add(w->cur, p->v.MatchAs.name, SYM_DEF_LOCAL);
        break;
    case AST_MatchOr:
        for (int i = 0; i < AST_SEQ_LEN(p->v.MatchOr.patterns); i++)
            visit_pattern(w, AST_SEQ_GET(p->v.MatchOr.patterns, i));
        break;
    default: break;
    }
}

static void declare(Walker *w, ASTNode *s, ASTSeq *names, bool global) {
    for (int i = 0; i < AST_SEQ_LEN(names); i++) {
        const char *name = (const char *)names->elts[i];
        Symbol *sym = scope_find(w->cur, name);
        const char *kw = global ? "global" : "nonlocal";
        if (sym) {
            char fmt[160];
            if (sym->flags & SYM_DEF_PARAM)
                snprintf(fmt, sizeof fmt, "name '%%s' is parameter and %s", kw);
            else if (sym->flags & SYM_USE)
                snprintf(fmt, sizeof fmt, "name '%%s' is used prior to %s declaration", kw);
            else if (sym->flags & SYM_DEF_ANNOT)
                snprintf(fmt, sizeof fmt, "annotated name '%%s' can't be %s", kw);
            else if (sym->flags & SYM_DEF_LOCAL)
                snprintf(fmt, sizeof fmt, "name '%%s' is assigned to before %s declaration", kw);
            else if (!global && (sym->flags & SYM_DEF_GLOBAL))
                snprintf(fmt, sizeof fmt, "name '%%s' is nonlocal and global");
            else if (global && (sym->flags & SYM_DEF_NONLOCAL))
                snprintf(fmt, sizeof fmt, "name '%%s' is nonlocal and global");
            else
                fmt[0] = 0;
            if (fmt[0]) {
                /* "nonlocal and global" is reported at the first of the two statements. */
                bool both = (sym->flags & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)) && strstr(fmt, "nonlocal and global");
                st_error(w->st, both && sym->directive ? sym->directive : s, fmt, name);
                return;
            }
        }
        if (!global && w->cur->kind == SCOPE_MODULE) {
            st_error(w->st, s, "nonlocal declaration not allowed at module level%s", "");
            return;
        }
        Symbol *d = scope_add(w->cur, name, global ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL);
        if (!d->directive) d->directive = s;
        /* As in CPython, a global declaration anywhere makes the name global
         * explicit at module level too (it matters when exec() runs module code
         * with separate globals and locals). */
        if (global && w->cur != w->st->top) scope_add(w->st->top, name, SYM_DEF_GLOBAL);
    }
}

static void visit_stmt_inner(Walker *w, ASTNode *s);
static void visit_stmt(Walker *w, ASTNode *s) {
    if (!s || w->st->failed) return;
    if (enter(w, s)) visit_stmt_inner(w, s);
    w->st->depth--;
}

static void visit_stmt_inner(Walker *w, ASTNode *s) {
    switch (s->kind) {
    case AST_FunctionDef:
    case AST_AsyncFunctionDef: {
        struct ast_FunctionDef *f = &s->v.FunctionDef;
        scope_add(w->cur, mangle_binding_name(w->st->arena, w->cur, f->name), SYM_DEF_LOCAL);
        visit_exprs(w, f->decorator_list);
        visit_arguments_defaults(w, f->args);
        visit_arg_annotations(w, f->args);
        visit_annotation(w, f->returns);
        visit_function(w, s, f->name, f->args, f->body, NULL, s->kind == AST_AsyncFunctionDef);
        break;
    }
    case AST_ClassDef: {
        struct ast_ClassDef *c = &s->v.ClassDef;
        scope_add(w->cur, mangle_binding_name(w->st->arena, w->cur, c->name), SYM_DEF_LOCAL);
        visit_exprs(w, c->decorator_list);
        visit_exprs(w, c->bases);
        for (int i = 0; i < AST_SEQ_LEN(c->keywords); i++)
            visit_expr(w, AST_SEQ_GET(c->keywords, i)->v.keyword.value);
        Scope *cs = scope_new(w->st, SCOPE_CLASS, c->name, s, w->cur);
        Scope *saved = w->cur;
        w->cur = cs;
        visit_stmts(w, c->body);
        w->cur = saved;
        break;
    }
    case AST_Return: visit_expr(w, s->v.Return.value); break;
    case AST_Delete: visit_exprs(w, s->v.Delete.targets); break;
    case AST_Assign:
        visit_expr(w, s->v.Assign.value);
        visit_exprs(w, s->v.Assign.targets);
        break;
    case AST_AugAssign:
        visit_expr(w, s->v.AugAssign.target);
        visit_expr(w, s->v.AugAssign.value);
        if (s->v.AugAssign.target->kind == AST_Name) scope_add(w->cur, s->v.AugAssign.target->v.Name.id, SYM_USE);
        break;
    case AST_AnnAssign: {
        ASTNode *t = s->v.AnnAssign.target;
        if (t->kind == AST_Name) {
            Symbol *sym = scope_find(w->cur, t->v.Name.id);
            if (sym && (sym->flags & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)) && w->cur->kind != SCOPE_MODULE &&
                s->v.AnnAssign.simple) {
                st_error(w->st, s, (sym->flags & SYM_DEF_GLOBAL) ? "annotated name '%s' can't be global"
                                                                 : "annotated name '%s' can't be nonlocal",
                         t->v.Name.id);
                return;
            }
            /* `(x): int` binds nothing unless it has a value. */
            if (s->v.AnnAssign.simple) scope_add(w->cur, t->v.Name.id, SYM_DEF_LOCAL | SYM_DEF_ANNOT);
            else if (s->v.AnnAssign.value) scope_add(w->cur, t->v.Name.id, SYM_DEF_LOCAL);
        } else {
            visit_expr(w, t);
        }
        if (w->cur->kind != SCOPE_FUNCTION) visit_annotation(w, s->v.AnnAssign.annotation);
        visit_expr(w, s->v.AnnAssign.value);
        break;
    }
    case AST_For:
    case AST_AsyncFor:
        visit_expr(w, s->v.For.target);
        visit_expr(w, s->v.For.iter);
        visit_stmts(w, s->v.For.body);
        visit_stmts(w, s->v.For.orelse);
        break;
    case AST_While:
        visit_expr(w, s->v.While.test);
        visit_stmts(w, s->v.While.body);
        visit_stmts(w, s->v.While.orelse);
        break;
    case AST_If:
        visit_expr(w, s->v.If.test);
        visit_stmts(w, s->v.If.body);
        visit_stmts(w, s->v.If.orelse);
        break;
    case AST_With:
    case AST_AsyncWith:
        for (int i = 0; i < AST_SEQ_LEN(s->v.With.items); i++) {
            ASTNode *it = AST_SEQ_GET(s->v.With.items, i);
            visit_expr(w, it->v.withitem.context_expr);
            visit_expr(w, it->v.withitem.optional_vars);
        }
        visit_stmts(w, s->v.With.body);
        break;
    case AST_Match:
        visit_expr(w, s->v.Match.subject);
        for (int i = 0; i < AST_SEQ_LEN(s->v.Match.cases); i++) {
            ASTNode *c = AST_SEQ_GET(s->v.Match.cases, i);
            visit_pattern(w, c->v.match_case.pattern);
            visit_expr(w, c->v.match_case.guard);
            visit_stmts(w, c->v.match_case.body);
        }
        break;
    case AST_Raise:
        visit_expr(w, s->v.Raise.exc);
        visit_expr(w, s->v.Raise.cause);
        break;
    case AST_Try:
    case AST_TryStar:
        visit_stmts(w, s->v.Try.body);
        for (int i = 0; i < AST_SEQ_LEN(s->v.Try.handlers); i++) {
            ASTNode *h = AST_SEQ_GET(s->v.Try.handlers, i);
            visit_expr(w, h->v.ExceptHandler.type);
            if (h->v.ExceptHandler.name) scope_add(w->cur, h->v.ExceptHandler.name, SYM_DEF_LOCAL);
            visit_stmts(w, h->v.ExceptHandler.body);
        }
        visit_stmts(w, s->v.Try.orelse);
        visit_stmts(w, s->v.Try.finalbody);
        break;
    case AST_Assert:
        visit_expr(w, s->v.Assert.test);
        visit_expr(w, s->v.Assert.msg);
        break;
    case AST_Import:
    case AST_ImportFrom: {
        ASTSeq *names = s->kind == AST_Import ? s->v.Import.names : s->v.ImportFrom.names;
        for (int i = 0; i < AST_SEQ_LEN(names); i++) {
            ASTNode *a = AST_SEQ_GET(names, i);
            const char *n = a->v.alias.asname ? a->v.alias.asname : a->v.alias.name;
            if (strcmp(n, "*") == 0) {
                if (w->cur->kind != SCOPE_MODULE) {
                    /* At the '*' (aliases have positions), as CPython. */
                    st_error(w->st, a->lineno ? a : s, "import * only allowed at module level%s", "");
                    return;
                }
                continue;
            }
            if (!a->v.alias.asname && s->kind == AST_Import) {
                /* `import a.b.c` binds `a`. */
                const char *dot = strchr(n, '.');
                if (dot) {
                    char *first = ast_arena_strndup(w->st->arena, n, (size_t)(dot - n));
                    if (!first) xrealloc(NULL, 0);
                    scope_add(w->cur, first, SYM_DEF_LOCAL);
                    continue;
                }
            }
            scope_add(w->cur, n, SYM_DEF_LOCAL);
        }
        break;
    }
    case AST_Global: declare(w, s, s->v.Global.names, true); break;
    case AST_Nonlocal: declare(w, s, s->v.Nonlocal.names, false); break;
    case AST_Expr: visit_expr(w, s->v.Expr.value); break;
    default: break;
    }
}

static void visit_stmts(Walker *w, ASTSeq *s) {
    for (int i = 0; i < AST_SEQ_LEN(s); i++) visit_stmt(w, AST_SEQ_GET(s, i));
}

/* ---- Pass 2: analysis ---- */

typedef struct NameSet {
    const char **names;
    int n, cap;
} NameSet;

static bool ns_has(NameSet *s, const char *name) {
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->names[i], name) == 0) return true;
    return false;
}

static void ns_add(NameSet *s, const char *name) {
    if (ns_has(s, name)) return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->names = xrealloc(s->names, sizeof(char *) * (size_t)s->cap);
    }
    s->names[s->n++] = name;
}

static void ns_remove(NameSet *s, const char *name) {
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->names[i], name) == 0) {
            s->names[i] = s->names[--s->n];
            return;
        }
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }
static int cmp_sym_order(const void *a, const void *b) {
    return (*(Symbol *const *)a)->order - (*(Symbol *const *)b)->order;
}

/* Resolve scope s given the names bound by enclosing functions; add s's free names to `free_out`. */
static void analyze(SymTable *st, Scope *s, NameSet *bound, NameSet *free_out) {
    if (st->failed) return;
    NameSet newbound = {0};
    for (int i = 0; i < bound->n; i++) ns_add(&newbound, bound->names[i]);
    for (int i = 0; i < s->capsyms; i++) {
        Symbol *sym = &s->syms[i];
        if (!sym->name) continue;
        int f = sym->flags;
        if (f & SYM_DEF_GLOBAL) {
            sym->scope = SC_GLOBAL_EXPLICIT;
            /* A class body's declarations are invisible to its methods. */
            if (s->kind != SCOPE_CLASS) ns_remove(&newbound, sym->name);
        } else if (f & SYM_DEF_NONLOCAL) {
            if (!ns_has(bound, sym->name)) {
                /* CPython reports it at the nonlocal statement. */
                st_error(st, sym->directive ? sym->directive : s->node, "no binding for nonlocal '%s' found", sym->name);
                return;
            }
            sym->scope = SC_FREE;
        } else if (f & (SYM_DEF_LOCAL | SYM_DEF_PARAM)) {
            sym->scope = SC_LOCAL;
            if (s->kind == SCOPE_FUNCTION) ns_add(&newbound, sym->name);
        } else if (s->kind != SCOPE_MODULE && ns_has(bound, sym->name)) {
            sym->scope = SC_FREE;
        } else {
            sym->scope = SC_GLOBAL_IMPLICIT;
        }
    }
    /* Class bodies do not bind names for their methods, except __class__. */
    NameSet child_free = {0};
    if (s->kind == SCOPE_CLASS) ns_add(&newbound, "__class__");
    for (int i = 0; i < s->nchildren; i++) analyze(st, s->children[i], &newbound, &child_free);
    if (st->failed) return;
    for (int i = 0; i < child_free.n; i++) {
        const char *name = child_free.names[i];
        Symbol *sym = scope_find(s, name);
        if (s->kind == SCOPE_CLASS && strcmp(name, "__class__") == 0) {
            s->needs_class_cell = true;
            Symbol *cs = scope_add(s, "__class__", 0);
            cs->scope = SC_CELL;
            continue;
        }
        if (sym && sym->scope == SC_LOCAL && s->kind == SCOPE_FUNCTION) {
            sym->scope = SC_CELL;
            continue;
        }
        if (sym && (sym->scope == SC_CELL || sym->scope == SC_FREE)) continue;
        if (sym && sym->scope == SC_GLOBAL_EXPLICIT && s->kind != SCOPE_CLASS) continue;
        /* Passing through: free here too so the closure can be handed down. */
        if (s->kind == SCOPE_MODULE) continue;
        if (sym && s->kind == SCOPE_CLASS && (sym->scope == SC_LOCAL || sym->scope == SC_GLOBAL_EXPLICIT)) {
            /* A class-local (or class-global) name that is also free below: as
             * before for the class body, and a free variable handing the
             * enclosing cell down. */
            sym->flags |= SYM_FREE_CLASS;
        }
        if (!sym) sym = scope_add(s, name, 0);
        if (sym->scope != SC_LOCAL && sym->scope != SC_GLOBAL_EXPLICIT) sym->scope = SC_FREE;
        ns_add(free_out, name);
    }
    /* Report this scope's free variables to the parent. */
    for (int i = 0; i < s->capsyms; i++) {
        Symbol *sym = &s->syms[i];
        if (sym->name && sym->scope == SC_FREE) ns_add(free_out, sym->name);
    }
    /* Lay out registers: parameters first (in declaration order), then locals. */
    Symbol **order = malloc(sizeof(Symbol *) * (size_t)(s->nsyms ? s->nsyms : 1));
    int n = 0;
    for (int i = 0; i < s->capsyms; i++)
        if (s->syms[i].name) order[n++] = &s->syms[i];
    qsort(order, (size_t)n, sizeof(Symbol *), cmp_sym_order);
    s->varnames = malloc(sizeof(char *) * (size_t)(n ? n : 1));
    s->cellvars = malloc(sizeof(char *) * (size_t)(n ? n : 1));
    s->freevars = malloc(sizeof(char *) * (size_t)(n ? n : 1));
    if (s->kind == SCOPE_FUNCTION) {
        for (int i = 0; i < n; i++)
            if (order[i]->flags & SYM_DEF_PARAM) s->varnames[s->nvarnames++] = order[i]->name;
        s->nparams = s->nvarnames;
        for (int i = 0; i < n; i++)
            if (!(order[i]->flags & SYM_DEF_PARAM) && (order[i]->scope == SC_LOCAL || order[i]->scope == SC_CELL) &&
                (order[i]->flags & (SYM_DEF_LOCAL | SYM_DEF_PARAM)))
                s->varnames[s->nvarnames++] = order[i]->name;
    }
    for (int i = 0; i < n; i++) {
        if (order[i]->scope == SC_CELL) s->cellvars[s->ncells++] = order[i]->name;
        else if (order[i]->scope == SC_FREE || (order[i]->flags & SYM_FREE_CLASS)) s->freevars[s->nfrees++] = order[i]->name;
    }
    qsort(s->cellvars, (size_t)s->ncells, sizeof(char *), cmp_str);
    qsort(s->freevars, (size_t)s->nfrees, sizeof(char *), cmp_str);
    for (int i = 0; i < s->nvarnames; i++) scope_find(s, s->varnames[i])->index = i;
    for (int i = 0; i < s->ncells; i++) scope_find(s, s->cellvars[i])->index = i;
    for (int i = 0; i < s->nfrees; i++) scope_find(s, s->freevars[i])->index = i;
    free(order);
    free(newbound.names);
    free(child_free.names);
}

SymTable *symtable_build(Arena *arena, ASTNode *mod, const char *filename, bool future_annotations) {
    SymTable *st = calloc(1, sizeof(SymTable));
    if (!st) return NULL;
    st->arena = arena;
    st->filename = filename;
    st->future_annotations = future_annotations;
    extern int symtable_max_depth(void);
    st->max_depth = symtable_max_depth();
    st->top = scope_new(st, SCOPE_MODULE, "top", mod, NULL);
    Walker w = {st, st->top};
    switch (mod->kind) {
    case AST_Module: visit_stmts(&w, mod->v.Module.body); break;
    case AST_Interactive: visit_stmts(&w, mod->v.Interactive.body); break;
    case AST_Expression: visit_expr(&w, mod->v.Expression.body); break;
    default: break;
    }
    NameSet bound = {0}, free_names = {0};
    analyze(st, st->top, &bound, &free_names);
    free(free_names.names);
    return st;
}

static void scope_free(Scope *s) {
    for (int i = 0; i < s->nchildren; i++) scope_free(s->children[i]);
    free(s->children);
    free(s->syms);
    free(s->varnames);
    free(s->cellvars);
    free(s->freevars);
    free(s);
}

void symtable_free(SymTable *st) {
    if (!st) return;
    scope_free(st->top);
    free(st->keys);
    free(st->vals);
    free(st);
}
