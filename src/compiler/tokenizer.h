/* tokenizer.h: Python 3.11 tokens, and the tokenizer that produces them on demand. */
#ifndef TAIPAN_COMPILER_TOKENIZER_H
#define TAIPAN_COMPILER_TOKENIZER_H

#include <stddef.h>
#include <stdint.h>

#include "ast.h"

/*
** Token kinds.  Operators and keywords each get their own kind so that the
** parser compares integers, never text.  Soft keywords (match, case, _) stay
** NAME tokens: whether they are keywords depends on the parse.
**   TOK_SIMPLE(name)          tokens without fixed text
**   TOK_OP(name, text)        operators and delimiters
**   TOK_KW(name, text)        hard keywords
*/
#define TOKEN_LIST(TOK_SIMPLE, TOK_OP, TOK_KW)                              \
    TOK_SIMPLE(ENDMARKER) TOK_SIMPLE(NAME) TOK_SIMPLE(NUMBER)               \
    TOK_SIMPLE(STRING) TOK_SIMPLE(NEWLINE) TOK_SIMPLE(INDENT)               \
    TOK_SIMPLE(DEDENT) TOK_SIMPLE(ERRORTOKEN)                               \
    TOK_SIMPLE(TYPE_COMMENT) TOK_SIMPLE(TYPE_IGNORE) /* type_comments only */ \
    TOK_OP(LPAR, "(") TOK_OP(RPAR, ")") TOK_OP(LSQB, "[") TOK_OP(RSQB, "]") \
    TOK_OP(COLON, ":") TOK_OP(COMMA, ",") TOK_OP(SEMI, ";")                 \
    TOK_OP(PLUS, "+") TOK_OP(MINUS, "-") TOK_OP(STAR, "*")                  \
    TOK_OP(SLASH, "/") TOK_OP(VBAR, "|") TOK_OP(AMPER, "&")                 \
    TOK_OP(LESS, "<") TOK_OP(GREATER, ">") TOK_OP(EQUAL, "=")               \
    TOK_OP(DOT, ".") TOK_OP(PERCENT, "%") TOK_OP(LBRACE, "{")               \
    TOK_OP(RBRACE, "}") TOK_OP(EQEQUAL, "==") TOK_OP(NOTEQUAL, "!=")        \
    TOK_OP(LESSEQUAL, "<=") TOK_OP(GREATEREQUAL, ">=") TOK_OP(TILDE, "~")   \
    TOK_OP(CIRCUMFLEX, "^") TOK_OP(LEFTSHIFT, "<<")                         \
    TOK_OP(RIGHTSHIFT, ">>") TOK_OP(DOUBLESTAR, "**")                       \
    TOK_OP(PLUSEQUAL, "+=") TOK_OP(MINEQUAL, "-=") TOK_OP(STAREQUAL, "*=")  \
    TOK_OP(SLASHEQUAL, "/=") TOK_OP(PERCENTEQUAL, "%=")                     \
    TOK_OP(AMPEREQUAL, "&=") TOK_OP(VBAREQUAL, "|=")                        \
    TOK_OP(CIRCUMFLEXEQUAL, "^=") TOK_OP(LEFTSHIFTEQUAL, "<<=")             \
    TOK_OP(RIGHTSHIFTEQUAL, ">>=") TOK_OP(DOUBLESTAREQUAL, "**=")           \
    TOK_OP(DOUBLESLASH, "//") TOK_OP(DOUBLESLASHEQUAL, "//=")               \
    TOK_OP(AT, "@") TOK_OP(ATEQUAL, "@=") TOK_OP(RARROW, "->")              \
    TOK_OP(ELLIPSIS, "...") TOK_OP(COLONEQUAL, ":=")                        \
    TOK_OP(OP, "")  /* any other printable character, e.g. $ ? ! */         \
    TOK_KW(FALSE, "False") TOK_KW(NONE, "None") TOK_KW(TRUE, "True")        \
    TOK_KW(AND, "and") TOK_KW(AS, "as") TOK_KW(ASSERT, "assert")            \
    TOK_KW(ASYNC, "async") TOK_KW(AWAIT, "await") TOK_KW(BREAK, "break")    \
    TOK_KW(CLASS, "class") TOK_KW(CONTINUE, "continue") TOK_KW(DEF, "def")  \
    TOK_KW(DEL, "del") TOK_KW(ELIF, "elif") TOK_KW(ELSE, "else")            \
    TOK_KW(EXCEPT, "except") TOK_KW(FINALLY, "finally") TOK_KW(FOR, "for")  \
    TOK_KW(FROM, "from") TOK_KW(GLOBAL, "global") TOK_KW(IF, "if")          \
    TOK_KW(IMPORT, "import") TOK_KW(IN, "in") TOK_KW(IS, "is")              \
    TOK_KW(LAMBDA, "lambda") TOK_KW(NONLOCAL, "nonlocal") TOK_KW(NOT, "not")\
    TOK_KW(OR, "or") TOK_KW(PASS, "pass") TOK_KW(RAISE, "raise")            \
    TOK_KW(RETURN, "return") TOK_KW(TRY, "try") TOK_KW(WHILE, "while")      \
    TOK_KW(WITH, "with") TOK_KW(YIELD, "yield")

#define TOK_ENUM_S(n) T_##n,
#define TOK_ENUM_O(n, s) T_##n,
#define TOK_ENUM_K(n, s) T_KW_##n,
typedef enum {
    TOKEN_LIST(TOK_ENUM_S, TOK_ENUM_O, TOK_ENUM_K)
    T_COUNT
} TokType;
#undef TOK_ENUM_S
#undef TOK_ENUM_O
#undef TOK_ENUM_K

/* The text of an operator or keyword kind ("(", "while"), or the kind's
** name for the others ("NAME"). */
const char *tok_type_text(TokType t);

typedef struct Token {
    TokType type;
    int lineno, col_offset, end_lineno, end_col_offset;  /* bytes, 0-based cols */
    const char *start, *end;       /* the token's text in the source buffer */
    const char *line_start;        /* the start of the line `start` is on */
    int level;                     /* bracket nesting after this token */
    int err_col;                   /* INDENT/DEDENT/EOF tokens (col_offset -1):
                                      where CPython's tokenizer stood, in bytes */
} Token;

/* Error kinds shared by the tokenizer and the parser (see parser.h). */
typedef enum {
    PARSE_ERR_NONE = 0,
    PARSE_ERR_SYNTAX,        /* SyntaxError */
    PARSE_ERR_INDENT,        /* IndentationError */
    PARSE_ERR_TAB,           /* TabError */
    PARSE_ERR_MEMORY,        /* MemoryError (out of memory, or too deep) */
    PARSE_ERR_RECURSION,     /* RecursionError */
    PARSE_ERR_VALUE,         /* ValueError */
    PARSE_ERR_UNICODE,       /* a UnicodeDecodeError reported as SyntaxError */
    PARSE_ERR_DECODE,        /* a UnicodeDecodeError as such (a type comment that
                                is not UTF-8): text holds the bytes, offset and
                                end_offset the bad range, msg the reason */
} ParseErrorKind;

#define TOK_MAXINDENT 100
#define TOK_MAXLEVEL 200

typedef struct TokError {
    ParseErrorKind kind;
    char msg[256];
    int lineno, col;            /* col: 1-based character offset */
    int end_lineno, end_col;
    const char *line_start;     /* the line the error is on, for the text */
    int text_has_newline;       /* CPython keeps the '\n' in SyntaxError.text */
    /* 1 when CPython raises the error in the tokenizer itself; 0 for the
    ** errors it only flags (tok->done codes: bad dedent, TabError, too
    ** deep, line continuation), which do not override a parser error
    ** found earlier. */
    int raised;
} TokError;

typedef struct Tokenizer {
    const char *buf, *end;      /* UTF-8, NUL-terminated, ends with '\n' */
    const char *cur;
    const char *line_start;
    const char *last_line_start;  /* the line before line_start */
    int lineno;
    /* Sub-tokenizers for f-string expressions report positions in the
    ** enclosing file: lines are shifted by first_lineno - 1 and columns on
    ** the first line by first_col. */
    int first_lineno, first_col;
    int first_col_orig;         /* first_col as given, for error offsets */
    int atbol;
    int blankline;              /* the current line holds no token */
    int pendin;                 /* >0: INDENTs to emit; <0: DEDENTs */
    int indent;
    int indstack[TOK_MAXINDENT + 1];
    int altindstack[TOK_MAXINDENT + 1];
    int level;
    char parenstack[TOK_MAXLEVEL];
    int parenlinenostack[TOK_MAXLEVEL];
    int parencolstack[TOK_MAXLEVEL];
    int cont_line;
    int at_eof;                 /* returned ENDMARKER or the EOF error token */
    int hit_eof;                /* tried to read past the end (CPython's E_EOF) */
    const char *implicit_nl;    /* the '\n' appended to input lacking one, in
                                   single mode (reaching it is reaching EOF) */
    int no_eof_dedent;          /* PARSE_FLAG_DONT_IMPLY_DEDENT for that input */
    int implicit_nl_eof;        /* eval and func_type modes: implicit_nl is no
                                   NEWLINE at all, the input ends before it */
    int eof_in_parens;          /* EOF hit while level > 0 (no error set) */
    int interactive;
    int fstring_mode;           /* no INDENT/NEWLINE: the text is "(expr)" */
    int type_comments;          /* PyCF_TYPE_COMMENTS: "# type: ..." comments are
                                   TYPE_COMMENT / TYPE_IGNORE tokens */
    /* ast.parse(feature_version < (3, 7)): 'async' and 'await' are names
    ** except in "async def" and inside an async function's body, as in
    ** Python 3.5 and 3.6. */
    int async_hacks;
    int async_def;              /* inside an async def */
    int async_def_indent;       /* the indentation level of that def */
    int async_def_nl;           /* its signature's NEWLINE was seen */
    /* CPython's tokenizer keeps the lines a token or a backslash
    ** continuation joins in one buffer, and parser errors quote all of it:
    ** the first line of the current line's buffer, and of the previous
    ** line's (the tokenizer sits at a line start after a NEWLINE). */
    int buf_lineno, prev_buf_lineno;
    int check_utf8;             /* the buffer may hold invalid UTF-8 (bytes
                                   without a coding declaration): identifiers
                                   are checked as CPython decodes them */
    Arena *arena;               /* for warnings */
    TokError err;
} Tokenizer;

/* Set up `t` over buf[0..len); buf must be NUL-terminated at buf[len] and
** end with '\n' when len > 0.  first_lineno/first_col place the text in the
** enclosing file (1 and 0 for a whole file). */
void tok_init(Tokenizer *t, const char *buf, size_t len, int first_lineno,
              int first_col, Arena *arena);

/* Produce the next token.  On error returns T_ERRORTOKEN with t->err set
** (err.kind == PARSE_ERR_NONE for EOF inside brackets, which the parser
** reports as "'(' was never closed"). */
TokType tok_get(Tokenizer *t, Token *tok);

/* Character (code point) count of s[0..n), for 1-based error offsets. */
int tok_char_offset(const char *s, size_t n);

/* CPython's UTF-8 decoder on s[0..n): 0 if valid, else 1 with the first
** error's byte range [*start, *end) and its reason ("invalid start byte",
** "invalid continuation byte", "unexpected end of data"). */
int tok_utf8_error(const char *s, size_t n, size_t *start, size_t *end, const char **reason);
/* The message of that error: "'utf-8' codec can't decode byte 0xf6 in
** position 0: invalid start byte" (positions relative to s). */
void tok_utf8_error_message(char *buf, size_t size, const char *s, size_t n);
/* s[0..n) decoded with errors='replace' (U+FFFD per error range), in the
** arena, NUL-terminated. */
char *tok_utf8_replace(Arena *a, const char *s, size_t n);

/* The code point named `name` (case-insensitive, aliases and algorithmic
** names included), as \N{name} and unicodedata.lookup() resolve it.
** Returns 0 if there is no such character.  (unicode_names.c) */
int unicode_name_lookup(const char *name, size_t len, uint32_t *cp);

/* NFKC-normalize a non-ASCII identifier into the arena (NUL-terminated). */
char *tok_normalize_identifier(Arena *a, const char *s, size_t n);

/* Whether the code point may start / continue an identifier. */
int tok_is_xid_start(unsigned cp);
int tok_is_xid_continue(unsigned cp);

#endif
