/* parser_fuzz.c: libFuzzer target feeding arbitrary bytes to the tokenizer and parser. */

/*
** Build and run (corpus seeds live in tests/unit/parser_corpus/):
**   clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
**       tests/unit/parser_fuzz.c src/compiler/ast.c src/compiler/tokenizer.c \
**       src/compiler/parser*.c src/compiler/unicode_names.c -lm -o build/parser_fuzz
**   build/parser_fuzz -max_total_time=600 build/fuzz_corpus tests/unit/parser_corpus
** Each input is parsed in exec, eval and single mode, as a file and as
** already-decoded text; successful trees are dumped to exercise ast_dump().
** Any crash, leak, sanitizer report or timeout is a bug.
*/

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../../src/compiler/parser.h"

static void run(const uint8_t *data, size_t size, ParseMode mode, int flags, FILE *sink)
{
    Arena *a = ast_arena_new();
    if (!a)
        return;
    ParseError err;
    ASTNode *mod = parse_source(a, (const char *)data, size, "fuzz.py", mode, flags, &err);
    if (mod && sink)
        ast_dump(sink, mod, 1);
    ast_arena_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    /* The first byte picks the mode and flags so that the corpus can steer. */
    if (size == 0) {
        run(data, size, PARSE_MODE_EXEC, 0, sink);
        return 0;
    }
    run(data, size, PARSE_MODE_EXEC, 0, sink);
    run(data, size, PARSE_MODE_EVAL, PARSE_FLAG_STRING_INPUT, sink);
    if (data[0] & 1)
        run(data + 1, size - 1, PARSE_MODE_SINGLE, PARSE_FLAG_SOURCE_IS_UTF8, sink);
    if (data[0] & 2)
        run(data + 1, size - 1, PARSE_MODE_FUNC_TYPE, 0, sink);
    if (data[0] & 4)
        run(data + 1, size - 1, PARSE_MODE_SINGLE,
            PARSE_FLAG_ALLOW_INCOMPLETE_INPUT | PARSE_FLAG_DONT_IMPLY_DEDENT, sink);
    return 0;
}
