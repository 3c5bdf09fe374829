/* ast_module.h - the _ast module's C side: node classes, and AST objects <-> the compiler's C tree. */
#ifndef TAIPAN_AST_MODULE_H
#define TAIPAN_AST_MODULE_H

#include "../objects/object.h"
#include "../compiler/ast.h"

/*
 * The node classes (ast.Module, ast.Name, ...) are heap types created from
 * ast.def the first time they are needed: by `import _ast`, or by a
 * compile() that returns or receives an AST before anyone imported it.
 * compile() uses the functions below:
 *
 *   compile(src, fn, mode, PyCF_ONLY_AST)  parse, then ast_to_object()
 *   compile(tree, fn, mode)                ast_from_object(), ast_validate(),
 *                                          then the ordinary code generator
 */

extern Type type_ast;   /* ast.AST, the static base of every node class */

/* The compile() flags CPython defines (Include/cpython/compile.h). */
enum {
    PyCF_SOURCE_IS_UTF8 = 0x0100,
    PyCF_DONT_IMPLY_DEDENT = 0x0200,
    PyCF_ONLY_AST = 0x0400,
    PyCF_IGNORE_COOKIE = 0x0800,
    PyCF_TYPE_COMMENTS = 0x1000,
    PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000,
    PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000,
};

/* The kind of top-level node each compile() mode wants. */
typedef enum { AST_MODE_EXEC, AST_MODE_EVAL, AST_MODE_SINGLE, AST_MODE_FUNC_TYPE } ASTMode;

static inline bool ast_object_check(Value v) { return val_isinstance(v, &type_ast); }

/* compile(src, filename, mode, PyCF_ONLY_AST): parse (parse_flags are
** PARSE_FLAG_*) and convert; VNULL with SyntaxError... on failure. */
Value ast_parse_source(const char *src, size_t len, Value filename, ASTMode mode, int parse_flags);
/* compile(tree, filename, mode): convert, validate, generate code
** (top_level_await: PyCF_ALLOW_TOP_LEVEL_AWAIT). */
Value ast_compile_object(Value tree, Value filename, ASTMode mode, int optimize, bool top_level_await);

/* Create the node classes if they do not exist yet; -1 with an exception. */
int ast_classes_init(void);


/* ---- The schema shared by ast_*.c (built by ast_classes_init) ---------- */

/* The sums of the ASDL: the node sums of ast.def (AST_SUM), then the five
** simple sums whose members are plain enums in the C tree. */
typedef enum {
#define AST_SUM(sum, attrs) AST_SUM_##sum,
#define AST_NODE(sum, name, fields)
#define AST_LEAF(sum, name)
#define AST_ENUM(sum, name)
#include "../compiler/ast.def"
#undef AST_SUM
#undef AST_NODE
#undef AST_LEAF
#undef AST_ENUM
    AST_SUM_expr_context, AST_SUM_boolop, AST_SUM_operator, AST_SUM_unaryop, AST_SUM_cmpop,
    AST_SUM_COUNT
} ASTSumId;
#define AST_FIRST_SIMPLE_SUM AST_SUM_expr_context
#define AST_MAX_FIELDS 8

typedef struct {
    ASTKindDesc d;                  /* name, sum name, fields (ast.c) */
    ASTSumId sum;
    Value cls;                      /* the Python class */
    Value names[AST_MAX_FIELDS];    /* interned field names */
    int8_t child[AST_MAX_FIELDS];   /* node fields: the ASTSumId of the child */
} ASTKindInfo;

typedef struct {
    const char *name;
    Value cls;                      /* the abstract class (the class itself for a product type) */
    int attributes;                 /* 0, 1 (end positions optional), 2 (end positions required) */
    int first_kind, nkinds;         /* node sums: the constructors, consecutive in ast.def */
    int nmembers;                   /* simple sums: */
    const char *const *members;     /* member names, in enum order */
    Value member_cls[16];
    Value member_inst[16];          /* the singletons */
} ASTSumInfo;

extern ASTKindInfo ast_kinds[AST_KIND_COUNT];
extern ASTSumInfo ast_sums[AST_SUM_COUNT];
/* Interned "lineno", "col_offset", "end_lineno", "end_col_offset". */
extern Value ast_attr_names[4];

/* ast_to_obj.c: a parsed tree as Python objects (VNULL + exception). */
Value ast_to_object(ASTNode *node);

/* ast_from_obj.c: a Python tree as a C tree in `arena`.  `pins` is a list
** that receives every object the C tree points at (CONST_OBJECT); keep it
** alive while the tree is used.  NULL with an exception on error
** (TypeError "expected Module node, got Expression", "required field ...").
** Positions, identifiers and constants are taken as given: ast_validate()
** checks them. */
ASTNode *ast_from_object(Value obj, Arena *arena, ASTMode mode, Value pins);

/* ast_validate.c: CPython's _PyAST_Validate(): 0, or -1 with ValueError /
** TypeError ("expression must have Load context but has Store instead"). */
int ast_validate(ASTNode *mod);

#endif
