/* ast.h: AST node structs generated from ast.def, the arena, sequences, dump. */
#ifndef TAIPAN_COMPILER_AST_H
#define TAIPAN_COMPILER_AST_H

/*
** The front end knows nothing of Taipan's object model: every node, every
** sequence and every string lives in an Arena and is plain C.  The compiler
** walks this tree and builds Python objects from it.
**
** A node is one ASTNode whatever its kind; `kind` selects the member of the
** union `v` that holds its fields, named as in ast.def, so a FunctionDef's
** name is `n->v.FunctionDef.name`.  Nodes of the sums that carry attributes
** (stmt, expr, excepthandler, arg, keyword, alias, pattern) have lineno and
** end_lineno 1-based, col_offset and end_col_offset as 0-based UTF-8 byte
** offsets into the line, exactly as CPython's ast module reports them.
*/

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- Arena ---------------------------------------------------------- */

/* A bump allocator: blocks are chained and freed all at once.  Allocation
** never fails silently: it returns NULL only when malloc does, and the
** parser turns that into PARSE_ERR_MEMORY. */
typedef struct ArenaBlock ArenaBlock;
typedef struct ASTWarning ASTWarning;
typedef struct Arena {
    ArenaBlock *head;
    char *cur, *end;
    size_t total;          /* bytes handed out, for statistics */
    ASTWarning *warnings;  /* warnings the parser produced, in order */
    ASTWarning *warnings_tail;
} Arena;

Arena *ast_arena_new(void);
void ast_arena_free(Arena *a);
void *ast_arena_alloc(Arena *a, size_t size);           /* zeroed, 8-aligned */
char *ast_arena_strndup(Arena *a, const char *s, size_t len);  /* NUL-added */

/* A warning the parser would emit (DeprecationWarning for an invalid escape
** sequence, SyntaxWarning for `is` with a literal, ...).  The caller issues
** them; the front end never prints. */
typedef enum { AST_WARN_DEPRECATION, AST_WARN_SYNTAX } ASTWarningKind;
struct ASTWarning {
    ASTWarning *next;
    ASTWarningKind kind;
    const char *message;
    int lineno;
    /* Where the SyntaxError goes when a filter turns the warning into an
    ** error (1-based columns, CPython's for the case), and its text. */
    int offset, end_offset;
    const char *text;
};
void ast_arena_warn(Arena *a, ASTWarningKind kind, int lineno, int offset, int end_offset,
                    const char *text, size_t text_len, const char *message);

/* ---- Sequences -------------------------------------------------------- */

typedef struct ASTSeq {
    int len;
    void *elts[];          /* ASTNode * or const char * (IDSEQ fields) */
} ASTSeq;

typedef struct ASTIntSeq {
    int len;
    int elts[];
} ASTIntSeq;

ASTSeq *ast_seq_new(Arena *a, int len);
ASTIntSeq *ast_intseq_new(Arena *a, int len);
#define AST_SEQ_LEN(s) ((s) ? (s)->len : 0)
#define AST_SEQ_GET(s, i) ((struct ASTNode *)(s)->elts[i])

/* ---- Simple sums: expr_context, boolop, operator, unaryop, cmpop ------- */

#define AST_SUM(sum, attrs)
#define AST_NODE(sum, name, fields)
#define AST_LEAF(sum, name)
#define AST_ENUM(sum, name) AST_ENUM_##sum(name)
#define AST_ENUM_expr_context(n)
#define AST_ENUM_boolop(n)
#define AST_ENUM_operator(n)
#define AST_ENUM_unaryop(n)
#define AST_ENUM_cmpop(n)

#undef AST_ENUM_expr_context
#define AST_ENUM_expr_context(n) AST_##n,
typedef enum {
#include "ast.def"
} ASTExprContext;
#undef AST_ENUM_expr_context
#define AST_ENUM_expr_context(n)

#undef AST_ENUM_boolop
#define AST_ENUM_boolop(n) AST_##n,
typedef enum {
#include "ast.def"
} ASTBoolOp;
#undef AST_ENUM_boolop
#define AST_ENUM_boolop(n)

#undef AST_ENUM_operator
#define AST_ENUM_operator(n) AST_##n,
typedef enum {
#include "ast.def"
} ASTOperator;
#undef AST_ENUM_operator
#define AST_ENUM_operator(n)

#undef AST_ENUM_unaryop
#define AST_ENUM_unaryop(n) AST_##n,
typedef enum {
#include "ast.def"
} ASTUnaryOp;
#undef AST_ENUM_unaryop
#define AST_ENUM_unaryop(n)

#undef AST_ENUM_cmpop
#define AST_ENUM_cmpop(n) AST_##n,
typedef enum {
#include "ast.def"
} ASTCmpOp;
#undef AST_ENUM_cmpop
#define AST_ENUM_cmpop(n)

#undef AST_SUM
#undef AST_NODE
#undef AST_LEAF
#undef AST_ENUM

/* ---- Constants -------------------------------------------------------- */

/* The value of a Constant (and MatchSingleton) node, kept at the C level:
**   CONST_INT      s/len: the literal's text without underscores ("0x1F");
**                  the compiler converts it to an int object.
**   CONST_FLOAT    f: strtod of the text without underscores.
**   CONST_COMPLEX  f: the imaginary part (a literal is always pure imaginary).
**   CONST_STR      s/len: the decoded value in UTF-8; lone surrogates from
**                  \udXXX escapes are encoded as 3-byte generalized UTF-8.
**   CONST_BYTES    s/len: the raw bytes.
**   CONST_OBJECT   obj: a Python object (a Taipan Value: int, float,
**                  complex, bytes, tuple, frozenset...).  Only trees built
**                  from ast objects by compile() have these (the parser
**                  never makes one); whoever builds them keeps the objects
**                  alive while the tree is in use.
** s is NUL-terminated in every case (except CONST_OBJECT, where it is NULL). */
typedef enum {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS,
    CONST_INT, CONST_FLOAT, CONST_COMPLEX, CONST_STR, CONST_BYTES, CONST_OBJECT
} ASTConstKind;

typedef struct ASTConst {
    ASTConstKind kind;
    size_t len;
    const char *s;
    double f;
    uintptr_t obj;         /* CONST_OBJECT */
} ASTConst;

/* ---- Nodes ------------------------------------------------------------ */

typedef struct ASTNode ASTNode;

#define AST_FT_NODE   ASTNode *
#define AST_FT_OPT    ASTNode *
#define AST_FT_SEQ    ASTSeq *
#define AST_FT_IDENT  const char *
#define AST_FT_OIDENT const char *
#define AST_FT_IDSEQ  ASTSeq *
#define AST_FT_OSTR   const char *
#define AST_FT_STR    const char *
#define AST_FT_INT    int
#define AST_FT_OINT   int
#define AST_FT_CONST  ASTConst
#define AST_FT_CTX    ASTExprContext
#define AST_FT_BOOLOP ASTBoolOp
#define AST_FT_BINOP  ASTOperator
#define AST_FT_UNOP   ASTUnaryOp
#define AST_FT_CMPSEQ ASTIntSeq *

/* The kind enum: AST_Module, AST_FunctionDef, ... in ast.def order. */
#define AST_SUM(sum, attrs)
#define AST_NODE(sum, name, fields) AST_##name,
#define AST_LEAF(sum, name) AST_##name,
#define AST_ENUM(sum, name)
typedef enum {
    AST_KIND_NONE_ = 0,
#include "ast.def"
    AST_KIND_COUNT
} ASTKind;
#undef AST_NODE
#undef AST_LEAF

/* One struct of fields per constructor: struct ast_FunctionDef, ... */
#define F(type, asdl, name) AST_FT_##type name;
#define AST_NODE(sum, name, fields) struct ast_##name { fields };
#define AST_LEAF(sum, name)
#include "ast.def"
#undef AST_NODE
#undef F

struct ASTNode {
    ASTKind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
#define AST_NODE(sum, name, fields) struct ast_##name name;
#include "ast.def"
#undef AST_NODE
        int none_;
    } v;
};
#undef AST_SUM
#undef AST_LEAF
#undef AST_ENUM

/* Allocate a node of the given kind with its location; fields are zeroed. */
ASTNode *ast_node_new(Arena *a, ASTKind kind, int lineno, int col_offset,
                      int end_lineno, int end_col_offset);

/* The constructor's name ("FunctionDef"), and whether it has attributes. */
const char *ast_kind_name(ASTKind kind);
int ast_kind_has_attributes(ASTKind kind);

/* ---- Field descriptors (generated from ast.def) ------------------------ */

/* The storage class of a field: the F() types of ast.def. */
typedef enum {
    ASTF_NODE, ASTF_OPT, ASTF_SEQ, ASTF_IDENT, ASTF_OIDENT, ASTF_IDSEQ, ASTF_OSTR, ASTF_STR,
    ASTF_INT, ASTF_OINT, ASTF_CONST, ASTF_CTX, ASTF_BOOLOP, ASTF_BINOP, ASTF_UNOP, ASTF_CMPSEQ
} ASTFieldType;

typedef struct {
    const char *name;      /* "body" */
    ASTFieldType type;
    const char *asdl;      /* the ASDL type without ? or *: "stmt", "identifier" */
    size_t offset;         /* of the field within ASTNode */
} ASTFieldDesc;

typedef struct {
    const char *name;      /* "FunctionDef" */
    const char *sum;       /* "stmt" (for a product type, its own name) */
    int has_attributes;
    int nfields;
    const ASTFieldDesc *fields;   /* static storage */
} ASTKindDesc;

/* The descriptor of a constructor; name "?" for an invalid kind. */
ASTKindDesc ast_kind_desc(ASTKind kind);

/* ---- Dump --------------------------------------------------------------- */

/* Write `node` in the format of CPython's
** ast.dump(node, include_attributes=include_attributes), one line, no
** trailing newline.  Returns 0, or -1 on a write error, out of memory, or
** a tree nested more than 5000 deep (nothing is written then). */
int ast_dump(FILE *out, const ASTNode *node, int include_attributes);

#endif
