/* parsedump.c: parse a Python file with Taipan's front end and print ast.dump() of it. */

/*
** Usage: parsedump [-m exec|eval|single|func_type] [-q] [-e] [-i] FILE...
** (-i: codeop's flags, PARSE_FLAG_ALLOW_INCOMPLETE_INPUT|DONT_IMPLY_DEDENT)
** Prints the tree as CPython's ast.dump(tree, include_attributes=True)
** would, one line per file.  On a syntax error prints
**   ERROR <Type> <lineno> <offset> <msg>
** and exits 1 (-e adds end_lineno, end_offset and the text:
**   ERROR <Type> <lineno> <offset> <end_lineno> <end_offset> <msg> | <text>
** ).  With -q nothing is printed (for timing).  With several
** files, each result line is preceded by "== FILE".
*/

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/compiler/parser.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf)
            break;
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (n < cap)
            break;
        cap *= 2;
        char *nb = realloc(buf, cap);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    ParseMode mode = PARSE_MODE_EXEC;
    int quiet = 0, extended = 0, flags = 0, i = 1, rc = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-q"))
            quiet = 1;
        else if (!strcmp(argv[i], "-e"))
            extended = 1;
        else if (!strcmp(argv[i], "-i"))
            flags |= PARSE_FLAG_ALLOW_INCOMPLETE_INPUT | PARSE_FLAG_DONT_IMPLY_DEDENT;
        else if (!strcmp(argv[i], "-m") && i + 1 < argc) {
            const char *m = argv[++i];
            mode = !strcmp(m, "eval") ? PARSE_MODE_EVAL
                 : !strcmp(m, "single") ? PARSE_MODE_SINGLE
                 : !strcmp(m, "func_type") ? PARSE_MODE_FUNC_TYPE : PARSE_MODE_EXEC;
        } else {
            fprintf(stderr, "usage: parsedump [-m exec|eval|single|func_type] [-q] FILE...\n");
            return 2;
        }
    }
    if (i >= argc) {
        fprintf(stderr, "usage: parsedump [-m exec|eval|single|func_type] [-q] FILE...\n");
        return 2;
    }
    int many = argc - i > 1;
    for (; i < argc; i++) {
        size_t len;
        char *src = read_file(argv[i], &len);
        if (!src) {
            fprintf(stderr, "parsedump: cannot read %s\n", argv[i]);
            rc = 2;
            continue;
        }
        Arena *a = ast_arena_new();
        ParseError err;
        ASTNode *mod = parse_source(a, src, len, argv[i], mode, flags, &err);
        if (many && !quiet)
            printf("== %s\n", argv[i]);
        if (mod) {
            if (!quiet) {
                fflush(stdout);
                if (ast_dump(stdout, mod, 1) == 0) {
                    putchar('\n');
                } else {
                    printf("ERROR RecursionError 0 0 maximum recursion depth exceeded during ast construction\n");
                    rc = rc ? rc : 1;
                }
            }
        } else {
            if (extended)
                printf("ERROR %s %d %d %d %d %s | %s\n", parse_error_kind_name(err.kind),
                       err.lineno, err.offset, err.end_lineno, err.end_offset, err.msg,
                       err.text ? err.text : "None");
            else if (!quiet)
                printf("ERROR %s %d %d %s\n", parse_error_kind_name(err.kind), err.lineno,
                       err.offset, err.msg);
            rc = rc ? rc : 1;
        }
        ast_arena_free(a);
        free(src);
    }
    return rc;
}
