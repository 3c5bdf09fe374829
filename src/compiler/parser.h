/* parser.h: the front end's public entry point: Python source bytes in, AST out. */
#ifndef TAIPAN_COMPILER_PARSER_H
#define TAIPAN_COMPILER_PARSER_H

/*
** parse_source() tokenizes and parses a whole Python 3.11 source text and
** returns the mod node (Module, Expression, Interactive or FunctionType),
** every part of which lives in the caller's Arena.  It depends on nothing
** but the C library (and iconv for PEP 263 encodings).
**
** On failure it returns NULL and fills *err with exactly what CPython 3.11
** would put in the exception for the same input; the caller raises it.
*/

#include <stddef.h>

#include "ast.h"
#include "tokenizer.h"

typedef enum {
    PARSE_MODE_EXEC,       /* Module:      compile(..., "exec") */
    PARSE_MODE_EVAL,       /* Expression:  compile(..., "eval") */
    PARSE_MODE_SINGLE,     /* Interactive: compile(..., "single") */
    PARSE_MODE_FUNC_TYPE,  /* FunctionType: compile(..., "func_type") */
} ParseMode;

/* Flags for parse_source(). */
enum {
    /* The source is already decoded text (compile() was given a str): skip
    ** the BOM and the PEP 263 coding declaration, require valid UTF-8. */
    PARSE_FLAG_SOURCE_IS_UTF8 = 1 << 0,
    /* The source came from compile()/exec() of a bytes object rather than a
    ** file: decode errors read "(unicode error) ..." instead of the
    ** "Non-UTF-8 code starting with ..." file message. */
    PARSE_FLAG_STRING_INPUT = 1 << 1,
    /* PyCF_ALLOW_INCOMPLETE_INPUT (codeop, the REPL): when the parse fails
    ** because the input ended early (an open block, bracket or
    ** triple-quoted string), the error is SyntaxError "incomplete input". */
    PARSE_FLAG_ALLOW_INCOMPLETE_INPUT = 1 << 2,
    /* PyCF_DONT_IMPLY_DEDENT: in single mode, input that does not end with
    ** a newline does not close its open blocks. */
    PARSE_FLAG_DONT_IMPLY_DEDENT = 1 << 3,
    /* PyCF_TYPE_COMMENTS: "# type: ..." comments fill the type_comment
    ** fields (where the grammar allows them; a misplaced one is a syntax
    ** error) and "# type: ignore" ones the Module's type_ignores. */
    PARSE_FLAG_TYPE_COMMENTS = 1 << 4,
    /* compile(..., _feature_version=N) (ast.parse's feature_version):
    ** the grammar of Python 3.N, as far as CPython checks it.  Bits 8-15
    ** hold N; use PARSE_FLAG_FEATURE_VERSION(N). */
    PARSE_FLAG_HAS_FEATURE_VERSION = 1 << 5,
};
#define PARSE_FLAG_FEATURE_VERSION(n) (PARSE_FLAG_HAS_FEATURE_VERSION | (((n) < 0 ? 0 : (n) > 255 ? 255 : (n)) << 8))

/*
** A syntax error, with the fields of CPython's SyntaxError.
**   kind        PARSE_ERR_SYNTAX / _INDENT / _TAB (SyntaxError and its
**               subclasses), PARSE_ERR_MEMORY (MemoryError: out of memory
**               or nesting too deep for the parser), PARSE_ERR_RECURSION,
**               PARSE_ERR_VALUE (ValueError), PARSE_ERR_UNICODE (a
**               SyntaxError whose message starts "(unicode error)").
**   msg         the message, NUL-terminated.
**   lineno, offset, end_lineno, end_offset
**               1-based; offsets count characters (code points), as
**               SyntaxError.offset; 0 where CPython reports 0 and -1
**               where CPython reports -1 (e.g. end_offset of some
**               IndentationErrors).  lineno 0 means "no location" (None).
**   text        the offending source line (UTF-8, allocated in the arena,
**               valid until the arena is freed), or NULL for None.
*/
typedef struct ParseError {
    ParseErrorKind kind;
    char msg[512];
    int lineno, offset, end_lineno, end_offset;
    const char *text;
    /* CPython takes the text of a parser error in exec mode from the file
    ** the filename names when it can read it (PyErr_ProgramTextObject);
    ** errors its tokenizer raises keep the source line.  Set by
    ** parse_source(); the caller, who knows the filename, applies it. */
    int text_from_file;
} ParseError;

/* The CPython exception class name for an error kind ("SyntaxError"). */
const char *parse_error_kind_name(ParseErrorKind kind);

/* The digit limit of decimal int literals (sys.set_int_max_str_digits; 0:
** none).  The runtime points it at its own setting; alone the parser
** uses CPython's default, 4300. */
extern const int *parse_int_max_str_digits;

ASTNode *parse_source(Arena *a, const char *src, size_t len, const char *filename,
                      ParseMode mode, int flags, ParseError *err);

#endif
