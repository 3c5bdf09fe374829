/* parser_internal.h: the Parser state and helpers shared by the parser_*.c files. */
#ifndef TAIPAN_COMPILER_PARSER_INTERNAL_H
#define TAIPAN_COMPILER_PARSER_INTERNAL_H

/*
** The parser is recursive descent over a token buffer that the tokenizer
** fills lazily.  Rules return a node, or NULL for "no match"; a hard error
** sets p->error and makes every rule return NULL at once.  Backtracking is
** just resetting p->mark, which is cheap because tokens are kept.
**
** Like CPython's PEG parser it runs in two passes.  The first pass knows only
** the real grammar.  When it fails, the second pass re-parses with
** p->invalid_pass set, which enables the checks that produce CPython's
** specialised messages ("expected ':'", "cannot assign to literal", ...).
** If the second pass finds nothing specific, the error is "invalid syntax"
** at the furthest token the first pass fetched, which is where CPython
** reports it.
*/

#include <stdarg.h>

#include "parser.h"

#define PARSER_MAX_DEPTH 6000   /* rule nesting, as CPython's MAXSTACK */

/* end_col values for p_error_at(): -1 gives end_offset -1; P_END_ZERO gives
** 0 (CPython's RAISE_ERROR_KNOWN_LOCATION with end -1); P_END_CURRENT
** gives the end of the furthest token read (CPython's CURRENT_POS). */
#define P_END_ZERO (-3)
/* col value giving offset 0, and the col for a token without a position
** (INDENT, DEDENT, EOF), whose offset is where CPython's tokenizer stood. */
#define P_COL_ZERO (-4)
#define P_TOK_RAW_COL(t) ((t)->err_col > 0 ? (t)->err_col - 1 : P_COL_ZERO)
#define P_END_CURRENT (-5)

typedef struct Parser Parser;
struct Parser {
    Arena *arena;
    Tokenizer *tok;
    Token **tokens;             /* tokens[i] stays valid: blocks never move */
    int fill, cap;
    Token *block;               /* the current block of TOKEN_BLOCK tokens */
    int block_used;
    Token **blocks;             /* every block, for freeing */
    int nblocks, blocks_cap;
    int mark;
    int depth;
    int invalid_pass;
    int error;                  /* an error is set in *perr */
    ParseError *perr;
    ParseMode mode;
    int flags;
    const char *filename;
    const char *src;            /* the decoded UTF-8 buffer */
    size_t src_len;
    Parser *parent;             /* the enclosing parser of an f-string expression */
    int fstring_level;          /* nesting of f-strings inside f-strings */
    int speculative;            /* >0 while trying an alternative that may backtrack */
    int memo_gen;               /* bumped per pass: memo entries of older passes are stale */
    int skip_invalid_expression; /* the next expression skips invalid_expression */
    int appended_newline;       /* the source lacked a final newline */
    Token nomem_token;          /* returned by p_fetch when out of memory */
    struct ParserMemo *memo;    /* per token index, allocated in the error pass only */
    int memo_cap;
    int feature_version;        /* the minor version whose grammar applies (11) */
    /* Bytes given to compile() without a coding declaration: CPython's
    ** tokenizer decodes identifiers and string literals as it meets them
    ** (invalid UTF-8 elsewhere, in a comment, passes).  Without a BOM either
    ** it has no encoding, and its parser reports byte offsets. */
    int raw_bytes, byte_offsets;
    struct ASTNode **type_ignores; /* TypeIgnore nodes, from TYPE_IGNORE tokens */
    int ntype_ignores, type_ignores_cap;
};

typedef struct ParserMemo {
    ASTNode *node[2][2];        /* [rule][invalid_pass] */
    int end[2][2];
    int gen[2][2];
} ParserMemo;

/* Memoized rules.  The error pass tries some rules several times at the
** same position (CPython memoizes the same ones); without a memo nested
** brackets would cost exponential time. */
enum { MEMO_DISJUNCTION, MEMO_BITWISE_OR };

/* ---- Tokens -------------------------------------------------------------- */

Token *p_fetch(Parser *p, int i);          /* the token at index i (filling) */

static inline Token *p_peek(Parser *p) { return p_fetch(p, p->mark); }
static inline Token *p_peek2(Parser *p) { return p_fetch(p, p->mark + 1); }
static inline int p_at(Parser *p, TokType t) { return p_peek(p)->type == t; }
static inline Token *p_last(Parser *p)
{
    int i = p->mark - 1 < p->fill - 1 ? p->mark - 1 : p->fill - 1;
    return p->tokens[i < 0 ? 0 : i];
}

/* CPython's CHECK_VERSION: below Python 3.`minor` (ast.parse's
** feature_version) raise "<what> only supported in Python 3.<minor> and
** greater" and return 0; else 1. */
int p_check_version(Parser *p, int minor, const char *what);

/* The text of a TYPE_COMMENT token, in the arena. */
const char *p_type_comment(Parser *p, const Token *t);

/* Consume and return the next token if it has type t, else NULL. */
static inline Token *p_expect(Parser *p, TokType t)
{
    Token *tok = p_peek(p);
    if (tok->type != t)
        return NULL;
    p->mark++;
    return tok;
}

/* Whether the next token is the NAME `kw` (a soft keyword). */
int p_at_soft(Parser *p, const char *kw);
int tok_is(const Token *t, const char *text);

/* The last consumed token that is not NEWLINE, INDENT or DEDENT: node ends
** are taken from it, as CPython's EXTRA does. */
Token *p_last_nonws(Parser *p);

/* ---- Errors --------------------------------------------------------------- */

/* Raise at a token / node location.  Return NULL for use as
** `return p_error_tok(...)`. */
void *p_error_at(Parser *p, ParseErrorKind kind, int lineno, int col, int end_lineno,
                 int end_col, const char *fmt, ...);
void *p_error_tok(Parser *p, const Token *t, const char *fmt, ...);
void *p_error_node(Parser *p, const ASTNode *n, const char *fmt, ...);
void *p_error_range(Parser *p, const ASTNode *a, const ASTNode *b, const char *fmt, ...);
void *p_error_toks(Parser *p, const Token *a, const Token *b, const char *fmt, ...);
/* At the last fetched token (RAISE_SYNTAX_ERROR). */
void *p_error_last(Parser *p, ParseErrorKind kind, const char *fmt, ...);
void *p_nomem(Parser *p);

/* Depth guard for recursive rules. */
#define P_ENTER(p)                                                           \
    do {                                                                     \
        if ((p)->error)                                                      \
            return NULL;                                                     \
        if (++(p)->depth > PARSER_MAX_DEPTH) {                               \
            (p)->depth--;                                                    \
            return p_too_deep(p);                                            \
        }                                                                    \
    } while (0)
#define P_LEAVE(p, v) do { (p)->depth--; return (v); } while (0)
void *p_too_deep(Parser *p);
void p_free_tokens(Parser *p);

/* ---- Node helpers -------------------------------------------------------- */

ASTNode *p_new(Parser *p, ASTKind kind, const Token *start);  /* ends at p_last_nonws */
ASTNode *p_new_at(Parser *p, ASTKind kind, const Token *start, const Token *end);
ASTNode *p_new_span(Parser *p, ASTKind kind, const ASTNode *start, const ASTNode *end);

/* A growable list used while collecting sequence elements. */
typedef struct {
    void **items;
    int len, cap;
    void *small[8];
} PList;
void plist_init(PList *l);
int plist_push(Parser *p, PList *l, void *item);
ASTSeq *plist_seq(Parser *p, PList *l);   /* copies into the arena, frees l */
void plist_free(PList *l);
ASTSeq *p_seq1(Parser *p, void *item);
ASTSeq *p_seq0(Parser *p);

const char *p_ident(Parser *p, const Token *t);   /* NAME text into the arena */
ASTNode *p_name(Parser *p, const Token *t, ASTExprContext ctx);

/* ---- Rules (parser_expr.c) ---------------------------------------------- */

ASTNode *p_expression(Parser *p);
ASTNode *p_expressions(Parser *p);           /* tuple if commas */
ASTNode *p_star_expressions(Parser *p);
ASTNode *p_star_named_expression(Parser *p);
ASTNode *p_named_expression(Parser *p);
ASTNode *p_yield_expr(Parser *p);
ASTNode *p_disjunction(Parser *p);
ASTNode *p_bitwise_or(Parser *p);
ASTNode *p_primary(Parser *p);
ASTNode *p_star_targets(Parser *p);          /* for-loop and comprehension targets */
ASTNode *p_star_target(Parser *p);           /* with-item target */
ASTNode *p_arguments_node(Parser *p, int lambda);  /* the `arguments` node */
ASTNode *p_call_tail(Parser *p, ASTNode *func, const Token *start, const Token *lpar); /* after '(' */
ASTNode *p_strings(Parser *p);
ASTNode *p_number(Parser *p, const Token *t);
ASTNode *p_type_expressions_func_type(Parser *p);

/* Error pass: CPython's invalid_named_expression at the current position;
** returns 1 if it raised an error, else restores the position. */
int p_invalid_named_expression(Parser *p);

/* The sub-expression that makes `e` an invalid assignment target (CPython's
** _PyPegen_get_invalid_target), or NULL if e is a valid target. */
const ASTNode *p_invalid_target(const ASTNode *e, int for_targets);

/* Assign ctx to a target expression.  Returns the offending node when the
** expression cannot be a target (NULL on success). */
const ASTNode *p_set_context(ASTNode *e, ASTExprContext ctx);
const char *p_expr_name(const ASTNode *e);   /* "literal", "function call", ... */

/* ---- Rules (parser_stmt.c) ----------------------------------------------- */

ASTSeq *p_statements(Parser *p);             /* statement+ (may be empty) */
ASTSeq *p_statement_newline(Parser *p);      /* interactive */
ASTSeq *p_block(Parser *p, const Token *kw, const char *what);

/* ---- Rules (parser_pattern.c) -------------------------------------------- */

ASTNode *p_match_stmt(Parser *p);

/* ---- Strings (parser_string.c) --------------------------------------------- */

/* Concatenate and decode the STRING tokens tokens[first..last]. */
ASTNode *p_concat_strings(Parser *p, int first, int last);

/* Parse the text of an f-string replacement field. */
ASTNode *p_parse_fstring_expr(Parser *p, const char *text, size_t len, int lineno, int col);

#endif
