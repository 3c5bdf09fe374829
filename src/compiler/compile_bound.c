/* compile_bound.c - definite assignment: which locals are certainly bound.
 *
 * Reading a local that may be unbound needs a CHECKLOCAL instruction (it
 * raises UnboundLocalError); in a loop that is a dispatch per read.  While
 * a function body is generated, Unit.bound holds the locals certainly
 * bound at the current point, and reads of those emit no check.
 *
 * The set only ever under-approximates the truth:
 *  - parameters start bound; a plain store binds (name_store); `del` and
 *    the implicit `del` of an `except ... as name` unbind;
 *  - a walrus never binds here (it may sit in a short-circuited operand),
 *    nor do match-pattern captures beyond their own case;
 *  - where control flow merges, the sets of the incoming paths intersect
 *    (if/else, the handlers and else of a try, the cases of a match);
 *  - code reached by a back edge (a loop head) or from the middle of a
 *    region (an exception handler, a suppressed `with` body) starts from
 *    the set before the region minus every local the region deletes
 *    anywhere, since those are the only bindings the region can undo;
 *  - after break/continue/return/raise the code is unreachable and the
 *    set is "everything", the neutral element of intersection.
 * Locals with an index beyond the set's 256 bits are always checked.
 */
#include "compile_internal.h"

#include <string.h>

static inline bool in_range(int i) { return i >= 0 && i < (int)(sizeof(LocalSet) * 8); }

void bound_add(Compiler *c, int index) {
    if (in_range(index)) c->u->bound.w[index / 64] |= (uint64_t)1 << (index % 64);
}

void bound_remove(Compiler *c, int index) {
    if (in_range(index)) c->u->bound.w[index / 64] &= ~((uint64_t)1 << (index % 64));
}

bool bound_has(Compiler *c, int index) {
    return in_range(index) && (c->u->bound.w[index / 64] >> (index % 64)) & 1;
}

LocalSet bound_get(Compiler *c) { return c->u->bound; }

void bound_set(Compiler *c, LocalSet s) { c->u->bound = s; }

void bound_intersect(Compiler *c, LocalSet s) {
    for (size_t i = 0; i < sizeof s.w / sizeof s.w[0]; i++) c->u->bound.w[i] &= s.w[i];
}

void bound_unreachable(Compiler *c) { memset(&c->u->bound, 0xff, sizeof c->u->bound); }

/* ---- Locals a region may delete ---- */

static void forget_name(Compiler *c, const char *name) {
    Symbol *sym = scope_find(c->u->scope, name);
    if (sym && sym->scope == SC_LOCAL) bound_remove(c, sym->index);
}

static void forget_target(Compiler *c, ASTNode *t) {
    if (!t) return;
    switch (t->kind) {
    case AST_Name: forget_name(c, t->v.Name.id); break;
    case AST_Tuple:
        for (int i = 0; i < AST_SEQ_LEN(t->v.Tuple.elts); i++) forget_target(c, AST_SEQ_GET(t->v.Tuple.elts, i));
        break;
    case AST_List:
        for (int i = 0; i < AST_SEQ_LEN(t->v.List.elts); i++) forget_target(c, AST_SEQ_GET(t->v.List.elts, i));
        break;
    default: break;   /* del a.b, del a[i] unbind no local */
    }
}

static void forget_stmt(Compiler *c, ASTNode *s);

static void forget_body(Compiler *c, ASTSeq *body) {
    for (int i = 0; i < AST_SEQ_LEN(body); i++) forget_stmt(c, AST_SEQ_GET(body, i));
}

static void forget_try(Compiler *c, ASTSeq *body, ASTSeq *handlers, ASTSeq *orelse, ASTSeq *finalbody) {
    forget_body(c, body);
    for (int i = 0; i < AST_SEQ_LEN(handlers); i++) {
        ASTNode *h = AST_SEQ_GET(handlers, i);
        if (h->v.ExceptHandler.name) forget_name(c, h->v.ExceptHandler.name);
        forget_body(c, h->v.ExceptHandler.body);
    }
    forget_body(c, orelse);
    forget_body(c, finalbody);
}

/* Nested function and class bodies are other scopes: not visited. */
static void forget_stmt(Compiler *c, ASTNode *s) {
    switch (s->kind) {
    case AST_Delete:
        for (int i = 0; i < AST_SEQ_LEN(s->v.Delete.targets); i++) forget_target(c, AST_SEQ_GET(s->v.Delete.targets, i));
        break;
    case AST_If:
        forget_body(c, s->v.If.body);
        forget_body(c, s->v.If.orelse);
        break;
    case AST_While:
        forget_body(c, s->v.While.body);
        forget_body(c, s->v.While.orelse);
        break;
    case AST_For:
        forget_body(c, s->v.For.body);
        forget_body(c, s->v.For.orelse);
        break;
    case AST_AsyncFor:
        forget_body(c, s->v.AsyncFor.body);
        forget_body(c, s->v.AsyncFor.orelse);
        break;
    case AST_With: forget_body(c, s->v.With.body); break;
    case AST_AsyncWith: forget_body(c, s->v.AsyncWith.body); break;
    case AST_Try: forget_try(c, s->v.Try.body, s->v.Try.handlers, s->v.Try.orelse, s->v.Try.finalbody); break;
    case AST_TryStar:
        forget_try(c, s->v.TryStar.body, s->v.TryStar.handlers, s->v.TryStar.orelse, s->v.TryStar.finalbody);
        break;
    case AST_Match:
        for (int i = 0; i < AST_SEQ_LEN(s->v.Match.cases); i++)
            forget_body(c, AST_SEQ_GET(s->v.Match.cases, i)->v.match_case.body);
        break;
    default: break;
    }
}

void bound_forget_deleted(Compiler *c, ASTSeq *body) { forget_body(c, body); }

void bound_forget_deleted_stmt(Compiler *c, ASTNode *s) { forget_stmt(c, s); }
