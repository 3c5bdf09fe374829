/* compile.h - the compiler's entry points: source or AST in, code object out. */
#ifndef TAIPAN_COMPILE_H
#define TAIPAN_COMPILE_H

#include "../objects/object.h"

enum { COMPILE_EXEC, COMPILE_EVAL, COMPILE_SINGLE };
/* Or'ed into the mode: PyCF_ALLOW_TOP_LEVEL_AWAIT (await, async for/with
 * and async comprehensions at module level make the code a coroutine). */
#define COMPILE_TOP_LEVEL_AWAIT 0x100
#define COMPILE_MODE_MASK 0xff

/* Parse and compile; VNULL with SyntaxError (or MemoryError...) on failure.
 * flags are parser flags (PARSE_FLAG_*); optimize is -O level (0, 1, 2). */
Value compile_source(const char *src, size_t len, Value filename, int mode, int flags, int optimize);

struct ASTNode;
struct Arena;
struct ASTConst;
/* The value of a Constant node (a new int/float/str... or the object of a
 * CONST_OBJECT); VNULL with an exception on failure. */
Value compile_const_value(const struct ASTConst *k);
Value compile_ast(struct ASTNode *mod, struct Arena *arena, Value filename, int mode, int optimize);
/* The same for a tree that did not come from source text (compile() of an
 * AST object): SyntaxErrors carry no text. */
Value compile_ast_without_source(struct ASTNode *mod, struct Arena *arena, Value filename, int mode, int optimize);

/* Raise the exception for a failed parse_source(); issue the warnings the
 * parser collected on the arena (VNULL-free: check err_occurred()). */
struct ParseError;
void compile_raise_parse_error(struct ParseError *pe, Value filename, int flags);
void compile_issue_warnings(struct Arena *a, Value filename);

#endif
