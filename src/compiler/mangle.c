/* mangle.c - private name mangling: __spam inside class Ham becomes _Ham__spam, as CPython's compiler does. */
#include "ast.h"
#include "symtable.h"

#include <string.h>

/*
 * CPython rewrites an identifier that starts with two underscores and does
 * not end with two (and has no dot) when it appears inside a class body or
 * anything nested in one: `_` + the class name without its leading
 * underscores + the identifier.  A class whose name is all underscores
 * mangles nothing.  The innermost enclosing class is the one that counts.
 *
 * ast_mangle_private() does it to the tree before the symbol table sees it:
 * names (loads, stores, deletes), attribute names, parameters, global and
 * nonlocal names, `except ... as`, match captures, and the names imports
 * bind (by giving the alias an `as` name).  Keyword argument names and
 * imported module and attribute names are not mangled, as in CPython.
 *
 * A def's or class's own name is the exception: its __name__ stays as
 * written and only the variable it is bound to is mangled, so the symbol
 * table and the compiler call mangle_binding_name() for it with the scope
 * that holds the binding.  The tree is the compiler's own copy, never one
 * handed back to Python code.
 */

static const char *mangled(Arena *a, const char *private_name, const char *name) {
    if (!private_name || !name || name[0] != '_' || name[1] != '_') return name;
    size_t n = strlen(name);
    if (name[n - 1] == '_' && name[n - 2] == '_') return name;   /* __id__, and ___ too */
    if (strchr(name, '.')) return name;
    while (*private_name == '_') private_name++;
    if (!*private_name) return name;
    size_t p = strlen(private_name);
    char *out = ast_arena_alloc(a, 1 + p + n + 1);
    if (!out) return name;
    out[0] = '_';
    memcpy(out + 1, private_name, p);
    memcpy(out + 1 + p, name, n + 1);
    return out;
}

const char *mangle_binding_name(Arena *a, Scope *scope, const char *name) {
    for (Scope *s = scope; s; s = s->parent)
        if (s->kind == SCOPE_CLASS) return mangled(a, s->name, name);
    return name;
}

static void walk(Arena *a, ASTNode *n, const char *priv, int depth);

static void walk_seq(Arena *a, ASTSeq *s, const char *priv, int depth) {
    for (int i = 0; s && i < s->len; i++) walk(a, (ASTNode *)s->elts[i], priv, depth);
}

static void mangle_ids(Arena *a, ASTSeq *s, const char *priv) {
    for (int i = 0; s && i < s->len; i++) s->elts[i] = (void *)mangled(a, priv, (const char *)s->elts[i]);
}

static void walk(Arena *a, ASTNode *n, const char *priv, int depth) {
    if (!n || depth > 10000) return;   /* the parser bounds nesting well below this */
    switch (n->kind) {
    case AST_ClassDef: {
        struct ast_ClassDef *c = &n->v.ClassDef;
        walk_seq(a, c->decorator_list, priv, depth + 1);
        walk_seq(a, c->bases, priv, depth + 1);
        walk_seq(a, c->keywords, priv, depth + 1);
        walk_seq(a, c->body, c->name, depth + 1);
        return;
    }
    case AST_Name: n->v.Name.id = mangled(a, priv, n->v.Name.id); break;
    case AST_Attribute: n->v.Attribute.attr = mangled(a, priv, n->v.Attribute.attr); break;
    case AST_arg: n->v.arg.arg = mangled(a, priv, n->v.arg.arg); break;
    case AST_Global: mangle_ids(a, n->v.Global.names, priv); return;
    case AST_Nonlocal: mangle_ids(a, n->v.Nonlocal.names, priv); return;
    case AST_ExceptHandler:
        if (n->v.ExceptHandler.name) n->v.ExceptHandler.name = mangled(a, priv, n->v.ExceptHandler.name);
        break;
    case AST_MatchAs:
        if (n->v.MatchAs.name) n->v.MatchAs.name = mangled(a, priv, n->v.MatchAs.name);
        break;
    case AST_MatchStar:
        if (n->v.MatchStar.name) n->v.MatchStar.name = mangled(a, priv, n->v.MatchStar.name);
        break;
    case AST_MatchMapping:
        if (n->v.MatchMapping.rest) n->v.MatchMapping.rest = mangled(a, priv, n->v.MatchMapping.rest);
        break;
    case AST_Import:
    case AST_ImportFrom: {
        ASTSeq *names = n->kind == AST_Import ? n->v.Import.names : n->v.ImportFrom.names;
        for (int i = 0; names && i < names->len; i++) {
            struct ast_alias *al = &((ASTNode *)names->elts[i])->v.alias;
            if (al->asname) al->asname = mangled(a, priv, al->asname);
            else if (strcmp(al->name, "*") != 0 && !strchr(al->name, '.')) {
                const char *m = mangled(a, priv, al->name);
                if (m != al->name) al->asname = m;
            }
        }
        return;
    }
    default: break;
    }
    ASTKindDesc d = ast_kind_desc(n->kind);
    for (int i = 0; i < d.nfields; i++) {
        const ASTFieldDesc *f = &d.fields[i];
        void *field = (char *)n + f->offset;
        if (f->type == ASTF_NODE || f->type == ASTF_OPT) walk(a, *(ASTNode **)field, priv, depth + 1);
        else if (f->type == ASTF_SEQ) walk_seq(a, *(ASTSeq **)field, priv, depth + 1);
    }
}

void ast_mangle_private(Arena *a, ASTNode *mod) { walk(a, mod, NULL, 0); }
