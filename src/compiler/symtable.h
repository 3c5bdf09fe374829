/* symtable.h - scopes and the classification of every name: local, global, free, cell. */
#ifndef TAIPAN_SYMTABLE_H
#define TAIPAN_SYMTABLE_H

#include "ast.h"
#include <stdbool.h>

/* What a scope's source did with a name (flags), collected by the first pass. */
enum {
    SYM_DEF_LOCAL = 1 << 0,    /* assigned, imported, def/class name, for target... */
    SYM_DEF_PARAM = 1 << 1,
    SYM_DEF_GLOBAL = 1 << 2,   /* `global x` */
    SYM_DEF_NONLOCAL = 1 << 3, /* `nonlocal x` */
    SYM_USE = 1 << 4,
    SYM_DEF_ANNOT = 1 << 5,
    SYM_DEF_COMP_ITER = 1 << 6,
    SYM_FREE_CLASS = 1 << 7,   /* class-local name also free in a method: passed down as a free variable */
};

/* Where a name lives after analysis. */
typedef enum { SC_NONE, SC_LOCAL, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL } SymScope;

typedef enum { SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION } ScopeKind;

typedef struct Symbol {
    const char *name;
    unsigned hash;
    int flags;
    SymScope scope;
    int order;          /* first-seen order among the scope's symbols */
    int index;          /* locals: register; cells/frees: index among them */
    ASTNode *directive; /* the first global/nonlocal statement naming it, for errors */
} Symbol;

typedef struct Scope Scope;
struct Scope {
    ScopeKind kind;
    const char *name;
    ASTNode *node;             /* FunctionDef, Lambda, ClassDef, comprehension expr, Module */
    Scope *parent;
    Scope **children;
    int nchildren, capchildren;
    Symbol *syms;              /* open-addressing table */
    int nsyms, capsyms;
    int next_order;
    bool is_generator, is_coroutine, is_comprehension, is_lambda;
    /* The scope itself awaits: an await expression, or a list/set/dict
    ** comprehension that must be awaited (its scope is a coroutine).  For
    ** a comprehension this makes it asynchronous; a module that awaits
    ** needs PyCF_ALLOW_TOP_LEVEL_AWAIT. */
    bool has_await;
    bool has_varargs, has_varkw;
    bool needs_class_cell;     /* class scope: a method uses __class__/super */
    bool uses_class_name;      /* function scope: references __class__ */
    bool has_future_annotations;
    int lineno;
    /* Filled by analysis: names in register order. */
    const char **varnames;     /* locals, parameters first */
    int nvarnames;
    const char **cellvars;     /* sorted */
    int ncells;
    const char **freevars;     /* sorted */
    int nfrees;
    int nparams;               /* positional + kwonly + *args + **kw */
};

typedef struct SymTable {
    Scope *top;
    /* Scopes are found from their AST node while compiling. */
    ASTNode **keys;
    Scope **vals;
    int nmap, capmap;
    const char *filename;
    Arena *arena;
    /* The first error found: a SyntaxError with a location. */
    bool failed;
    char errmsg[256];
    int err_lineno, err_col, err_end_lineno, err_end_col;
    bool future_annotations;
    int depth, max_depth;      /* recursion guard: RecursionError beyond max_depth */
    bool recursion_error;
} SymTable;

SymTable *symtable_build(Arena *arena, ASTNode *mod, const char *filename, bool future_annotations);
void symtable_free(SymTable *st);
Scope *symtable_lookup_scope(SymTable *st, ASTNode *node);

/* Private name mangling (mangle.c): the tree's names, before the symbol
 * table is built; and the name a def or class statement binds in `scope`. */
void ast_mangle_private(Arena *a, ASTNode *mod);
const char *mangle_binding_name(Arena *a, Scope *scope, const char *name);
Symbol *scope_find(Scope *s, const char *name);

#endif
