/* compile.h - the compiler's entry points: source or AST in, code object out. */
#ifndef TAIPAN_COMPILE_H
#define TAIPAN_COMPILE_H

#include "../objects/object.h"

enum { COMPILE_EXEC, COMPILE_EVAL, COMPILE_SINGLE };

/* Parse and compile; VNULL with SyntaxError (or MemoryError...) on failure.
 * flags are parser flags (PARSE_FLAG_*); optimize is -O level (0, 1, 2). */
Value compile_source(const char *src, size_t len, Value filename, int mode, int flags, int optimize);

struct ASTNode;
struct Arena;
Value compile_ast(struct ASTNode *mod, struct Arena *arena, Value filename, int mode, int optimize);

#endif
