/* parser_api_test.c: checks the front end's C contract (constants, errors, warnings, flags). */

/*
** The compiler builds Python objects from the AST, so it relies on the
** exact C representation documented in ast.h and parser.h; this test pins
** it.  Build and run (also under -fsanitize=address,undefined):
**   gcc -std=c11 -g -Wall -Wextra tests/unit/parser_api_test.c src/compiler/ast.c \
**       src/compiler/tokenizer.c src/compiler/parser*.c src/compiler/unicode_names.c \
**       -lm -o build/parser_api_test && build/parser_api_test
** Prints one line per failed check and "N passed, N failed".
*/

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../src/compiler/parser.h"

static int passed, failed;

#define CHECK(cond)                                                           \
    do {                                                                      \
        if (cond)                                                             \
            passed++;                                                         \
        else {                                                                \
            failed++;                                                         \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);            \
        }                                                                     \
    } while (0)

/* The value of `x = <literal>`: the Assign's value node. */
static const ASTNode *value_of(Arena *a, const char *src, ParseError *err)
{
    ASTNode *m = parse_source(a, src, strlen(src), "t.py", PARSE_MODE_EXEC, 0, err);
    if (!m || AST_SEQ_LEN(m->v.Module.body) != 1)
        return NULL;
    const ASTNode *s = AST_SEQ_GET(m->v.Module.body, 0);
    return s->kind == AST_Assign ? s->v.Assign.value : NULL;
}

static void test_constants(void)
{
    Arena *a = ast_arena_new();
    ParseError err;
    const ASTNode *v;

    v = value_of(a, "x = 0x_1F\n", &err);
    CHECK(v && v->kind == AST_Constant && v->v.Constant.value.kind == CONST_INT);
    CHECK(v && !strcmp(v->v.Constant.value.s, "0x1F") && v->v.Constant.value.len == 4);

    v = value_of(a, "x = 1_000_000\n", &err);
    CHECK(v && !strcmp(v->v.Constant.value.s, "1000000"));

    v = value_of(a, "x = 1_0.5e1_0\n", &err);
    CHECK(v && v->v.Constant.value.kind == CONST_FLOAT && v->v.Constant.value.f == 10.5e10);

    v = value_of(a, "x = 2.5j\n", &err);
    CHECK(v && v->v.Constant.value.kind == CONST_COMPLEX && v->v.Constant.value.f == 2.5);

    v = value_of(a, "x = 1e999\n", &err);
    CHECK(v && v->v.Constant.value.kind == CONST_FLOAT && isinf(v->v.Constant.value.f));

    v = value_of(a, "x = 'a\\x00b\\u00e9\\N{EM DASH}'\n", &err);
    CHECK(v && v->v.Constant.value.kind == CONST_STR && v->v.Constant.value.len == 8);
    CHECK(v && !memcmp(v->v.Constant.value.s, "a\0b\xc3\xa9\xe2\x80\x94", 8));
    CHECK(v && v->v.Constant.kind == NULL);

    /* A lone surrogate is kept as 3-byte generalized UTF-8. */
    v = value_of(a, "x = '\\ud800'\n", &err);
    CHECK(v && v->v.Constant.value.len == 3 && !memcmp(v->v.Constant.value.s, "\xed\xa0\x80", 3));

    v = value_of(a, "x = u'a' 'b'\n", &err);
    CHECK(v && v->v.Constant.kind && !strcmp(v->v.Constant.kind, "u"));
    CHECK(v && !strcmp(v->v.Constant.value.s, "ab"));

    v = value_of(a, "x = b'\\xff\\x00' rb'\\d'\n", &err);
    CHECK(v && v->v.Constant.value.kind == CONST_BYTES && v->v.Constant.value.len == 4);
    CHECK(v && !memcmp(v->v.Constant.value.s, "\xff\0\\d", 4));

    v = value_of(a, "x = ...\n", &err);
    CHECK(v && v->v.Constant.value.kind == CONST_ELLIPSIS);
    v = value_of(a, "x = None\n", &err);
    CHECK(v && v->v.Constant.value.kind == CONST_NONE);

    v = value_of(a, "x = f'{y!r:>{w}}'\n", &err);
    CHECK(v && v->kind == AST_JoinedStr && AST_SEQ_LEN(v->v.JoinedStr.values) == 1);
    if (v && v->kind == AST_JoinedStr) {
        const ASTNode *fv = AST_SEQ_GET(v->v.JoinedStr.values, 0);
        CHECK(fv->kind == AST_FormattedValue && fv->v.FormattedValue.conversion == 'r');
        CHECK(fv->v.FormattedValue.format_spec && fv->v.FormattedValue.format_spec->kind == AST_JoinedStr);
    }

    /* Identifiers are NFKC-normalized. */
    v = value_of(a, "x = \xef\xbd\x97\xef\xbd\x89\n", &err);   /* fullwidth "wi" */
    CHECK(v && v->kind == AST_Name && !strcmp(v->v.Name.id, "wi"));
    ast_arena_free(a);
}

static void test_nodes(void)
{
    Arena *a = ast_arena_new();
    ParseError err;
    const char *src = "def f(a, /, b=1, *c, d, e=2, **g) -> int:\n    return {**a, 'k': 1}\n";
    ASTNode *m = parse_source(a, src, strlen(src), "t.py", PARSE_MODE_EXEC, 0, &err);
    CHECK(m && m->kind == AST_Module);
    if (m) {
        const ASTNode *f = AST_SEQ_GET(m->v.Module.body, 0);
        const ASTNode *args = f->v.FunctionDef.args;
        CHECK(f->kind == AST_FunctionDef && !strcmp(f->v.FunctionDef.name, "f"));
        CHECK(AST_SEQ_LEN(args->v.arguments.posonlyargs) == 1);
        CHECK(AST_SEQ_LEN(args->v.arguments.args) == 1);
        CHECK(args->v.arguments.vararg && !strcmp(args->v.arguments.vararg->v.arg.arg, "c"));
        CHECK(AST_SEQ_LEN(args->v.arguments.kw_defaults) == 2 &&
              args->v.arguments.kw_defaults->elts[0] == NULL);
        CHECK(f->lineno == 1 && f->col_offset == 0 && f->end_lineno == 2 && f->end_col_offset == 24);
        const ASTNode *d = AST_SEQ_GET(f->v.FunctionDef.body, 0)->v.Return.value;
        CHECK(d->kind == AST_Dict && d->v.Dict.keys->elts[0] == NULL);
    }
    ast_arena_free(a);
}

static void test_errors(void)
{
    static const struct {
        const char *src;
        ParseErrorKind kind;
        int lineno, offset, end_lineno, end_offset;
        const char *msg;
    } cases[] = {
        {"x = (1,\n2\n", PARSE_ERR_SYNTAX, 1, 5, 1, 0, "'(' was never closed"},
        {"print 'x'\n", PARSE_ERR_SYNTAX, 1, 1, 1, 10,
         "Missing parentheses in call to 'print'. Did you mean print(...)?"},
        {"if x = 1:\n pass\n", PARSE_ERR_SYNTAX, 1, 4, 1, 9,
         "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"},
        {"if x:\nz\n", PARSE_ERR_INDENT, 2, 1, 2, 2,
         "expected an indented block after 'if' statement on line 1"},
        {"if x:\n\ty\n        z\n", PARSE_ERR_TAB, 3, 1, 3, 0,
         "inconsistent use of tabs and spaces in indentation"},
        {"x = '\xc3\xa9\xc3\xa9' $\n", PARSE_ERR_SYNTAX, 1, 10, 1, 11, "invalid syntax"},
        {"x = 1\x00\n", PARSE_ERR_SYNTAX, 1, -1, 0, 0, "source code cannot contain null bytes"},
        {"x = '\x88'\n", PARSE_ERR_SYNTAX, 0, -1, 0, 0,
         "Non-UTF-8 code starting with '\\x88' in file t.py on line 1, but no encoding declared; "
         "see https://peps.python.org/pep-0263/ for details"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Arena *a = ast_arena_new();
        ParseError err;
        /* The NUL-byte case needs its real length. */
        size_t len = strlen(cases[i].src);
        if (!strcmp(cases[i].src, "x = 1"))
            len = 7;
        ASTNode *m = parse_source(a, cases[i].src, len, "t.py", PARSE_MODE_EXEC, 0, &err);
        CHECK(m == NULL);
        CHECK(err.kind == cases[i].kind);
        CHECK(err.lineno == cases[i].lineno && err.offset == cases[i].offset);
        if (cases[i].end_lineno)
            CHECK(err.end_lineno == cases[i].end_lineno && err.end_offset == cases[i].end_offset);
        CHECK(!strcmp(err.msg, cases[i].msg));
        if (strcmp(err.msg, cases[i].msg) || err.offset != cases[i].offset)
            printf("  case %zu: %s %d %d %d %d %s\n", i, parse_error_kind_name(err.kind), err.lineno,
                   err.offset, err.end_lineno, err.end_offset, err.msg);
        ast_arena_free(a);
    }
    /* Nesting beyond the parser's limit is a MemoryError, never a crash. */
    static char deep[200002];
    memset(deep, '-', 200000);
    deep[200000] = '1';
    Arena *a = ast_arena_new();
    ParseError err;
    CHECK(parse_source(a, deep, 200001, "t.py", PARSE_MODE_EVAL, 0, &err) == NULL);
    CHECK(err.kind == PARSE_ERR_MEMORY);
    ast_arena_free(a);
}

static void test_warnings_and_flags(void)
{
    Arena *a = ast_arena_new();
    ParseError err;
    const char *src = "x = '\\d'\ny = 1if x else 2\n";
    CHECK(parse_source(a, src, strlen(src), "t.py", PARSE_MODE_EXEC, 0, &err) != NULL);
    ASTWarning *w = a->warnings;
    CHECK(w && w->kind == AST_WARN_DEPRECATION && !strcmp(w->message, "invalid escape sequence '\\d'"));
    CHECK(w && w->next && w->next->kind == AST_WARN_SYNTAX &&
          !strcmp(w->next->message, "invalid decimal literal"));
    ast_arena_free(a);

    a = ast_arena_new();
    src = "if x:\n  pass";
    int flags = PARSE_FLAG_ALLOW_INCOMPLETE_INPUT | PARSE_FLAG_DONT_IMPLY_DEDENT;
    CHECK(parse_source(a, src, strlen(src), "<stdin>", PARSE_MODE_SINGLE, flags, &err) == NULL);
    CHECK(!strcmp(err.msg, "incomplete input"));
    src = "if x:\n  pass\n";
    CHECK(parse_source(a, src, strlen(src), "<stdin>", PARSE_MODE_SINGLE, flags, &err) != NULL);
    src = "# -*- coding: latin-1 -*-\nx = '\xe9'\n";
    const ASTNode *v = value_of(a, src, &err);
    CHECK(v && v->v.Constant.value.len == 2 && !memcmp(v->v.Constant.value.s, "\xc3\xa9", 2));
    ast_arena_free(a);
}

int main(void)
{
    test_constants();
    test_nodes();
    test_errors();
    test_warnings_and_flags();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
