/* compile_internal.h - the code generator's state shared by compile.c and compile_expr.c. */
#ifndef TAIPAN_COMPILE_INTERNAL_H
#define TAIPAN_COMPILE_INTERNAL_H

#include "ast.h"
#include "symtable.h"
#include "../vm/code.h"
#include "../objects/object.h"

/*
 * Register allocation.  A function's registers are its locals (parameters
 * first), then its cells, then its free variables, then temporaries that
 * are allocated and released like a stack while expressions compile.  An
 * expression compiles "into" a register: expr() returns the register that
 * holds the value, which for a plain local is the local's own register (no
 * copy); into() forces the value into a given register.
 *
 * Errors: compiling never stops with a jump out.  The first error raises
 * a Python exception and sets `failed`; later code is still walked but
 * produces nothing useful, and the unit is thrown away.
 */

/* FB_EXCEPT_STAR: the body of an except* clause, which break/continue/return may not leave. */
enum { FB_LOOP, FB_FOR_LOOP, FB_TRY_FINALLY, FB_HANDLER, FB_WITH, FB_FINALLY_BODY, FB_EXCEPT_STAR };

typedef struct FBlock {
    int kind;
    int break_patches[64];       /* JUMP instructions to patch at loop exit */
    int nbreak;
    int *break_more;             /* overflow, malloc'd */
    int nbreak_more, capbreak_more;
    int continue_target;
    ASTNode *finally_body;       /* FB_TRY_FINALLY: the statements to inline */
    int reg;                     /* FB_HANDLER: saved handled-exception register; FB_WITH: exit reg */
    int protect;                 /* index of this block's protection, or -1 */
    int with_async;
} FBlock;

/* A region of instructions whose exceptions go to `handler` (may be split
 * into several exception-table entries when inline finally code interrupts it). */
typedef struct Protect {
    int start;                   /* open segment start, or -1 when suspended */
    int handler_patch;           /* entries created point to this label later */
    int reg;
    int depth;
    int first_entry, nentries;   /* exception entries created so far */
} Protect;

/* A set of locals by register (compile_bound.c). */
typedef struct LocalSet {
    uint64_t w[4];
} LocalSet;

typedef struct Unit {
    struct Unit *parent;
    Scope *scope;
    uint32_t *code;
    CodeLoc *locs;
    uint8_t *live;               /* registers that may be live at each instruction */
    int ncode, capcode;
    ExcEntry *exc;
    int nexc, capexc;
    int *exc_depth;
    Value consts, const_index;   /* list, dict */
    Value names, name_index;     /* list, dict */
    Value site_names;            /* list: the name of each cache site */
    int nlocals, cell_base, ncells, nfrees;
    int nlow;                    /* locals in registers 0..; the rest are wide (code.h) */
    int next_reg, max_reg;
    FBlock fblocks[32];
    int nfblocks;
    Protect protects[64];
    int nprotects;
    CodeLoc loc;
    int firstlineno;
    Value name, qualname, docstring;
    int flags;
    int argcount, posonlyargcount, kwonlyargcount;
    bool is_module_level;        /* names go through LOADNAME/STORENAME */
    bool in_class;
    LocalSet bound;              /* locals certainly bound here (compile_bound.c) */
} Unit;

typedef struct Compiler {
    SymTable *st;
    Arena *arena;
    Value filename;
    int optimize;
    bool interactive;
    bool failed;
    Value error;                 /* compile_error()'s exception: later err_clear()s must not lose it */
    bool future_annotations;
    bool top_level_await;      /* PyCF_ALLOW_TOP_LEVEL_AWAIT */
    bool module_awaits;        /* ... and the module code used it: CO_COROUTINE */
    Unit *u;
} Compiler;

/* await / async for / async with / an async comprehension in the current
** unit: allowed at module level with PyCF_ALLOW_TOP_LEVEL_AWAIT, which
** makes the module code a coroutine.  True if that is the case. */
bool top_level_await_here(Compiler *c);

/* Emission. */
int emit(Compiler *c, uint32_t ins);
int emit_x(Compiler *c, uint32_t ins, uint32_t extra);
int here(Compiler *c);
int emit_jump(Compiler *c, int op, int a);     /* returns position to patch */
void patch_jump(Compiler *c, int at, int target);
void emit_jump_to(Compiler *c, int op, int a, int target);
void set_loc(Compiler *c, ASTNode *n);

/* Registers. */
int reg_alloc(Compiler *c);
int reg_alloc_n(Compiler *c, int n);
void reg_free_to(Compiler *c, int mark);

/* Tables. */
int add_const(Compiler *c, Value v);
int add_name(Compiler *c, const char *name);
int add_site(Compiler *c, const char *name);
Value intern_id(const char *name);

/* Errors: a SyntaxError at node n. */
void compile_error(Compiler *c, ASTNode *n, const char *fmt, ...);
void compile_warn(Compiler *c, ASTNode *n, const char *fmt, ...);
/* Checks CPython makes in its compiler, which trees built from ast objects
 * (no parser) depend on: binding or deleting __debug__ (error at the current
 * location; true if refused), and keyword arguments given twice. */
bool compile_forbidden_name(Compiler *c, const char *name, bool del);
bool compile_check_keywords(Compiler *c, ASTSeq *kws);
bool compile_check_debug_args(Compiler *c, ASTNode *args);

/* Expressions (compile_expr.c). */
int expr(Compiler *c, ASTNode *e);             /* value in some register */
void into(Compiler *c, ASTNode *e, int target);/* value in `target` */
void expr_discard(Compiler *c, ASTNode *e);
void store_target(Compiler *c, ASTNode *t, int src);
void delete_target(Compiler *c, ASTNode *t);
void name_load(Compiler *c, const char *name, int target, ASTNode *n);
void call_ex_parts(Compiler *c, ASTNode *e, int fnreg, int pre, int npre, ASTSeq *args, ASTSeq *kws, int target);
void name_store(Compiler *c, const char *name, int src);
void name_delete(Compiler *c, const char *name, ASTNode *n);
void jump_if(Compiler *c, ASTNode *e, bool cond, int *patches, int *npatches);
void load_const_value(Compiler *c, Value v, int target);
Value const_from_ast(Compiler *c, ASTConst *k);
bool has_walrus(ASTNode *e);

/* Definite assignment (compile_bound.c). */
void bound_add(Compiler *c, int index);
void bound_remove(Compiler *c, int index);
bool bound_has(Compiler *c, int index);
LocalSet bound_get(Compiler *c);
void bound_set(Compiler *c, LocalSet s);
void bound_intersect(Compiler *c, LocalSet s);
void bound_unreachable(Compiler *c);
void bound_forget_deleted(Compiler *c, ASTSeq *body);  /* unbind what body may delete */
void bound_forget_deleted_stmt(Compiler *c, ASTNode *s);

/* Functions and classes (compile.c). */
void compile_function_def(Compiler *c, ASTNode *s, int target);
void compile_lambda(Compiler *c, ASTNode *e, int target);
void compile_comprehension(Compiler *c, ASTNode *e, int target);
void compile_stmts(Compiler *c, ASTSeq *body);

#endif
